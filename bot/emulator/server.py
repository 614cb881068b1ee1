"""The emulator as one object: an aiohttp server plus the Python API tests and the CLI use.

It runs inside the caller's event loop, so a test can start it, point a real
python-telegram-bot ``Application`` at ``base_url``, and drive users, all in one loop.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from aiohttp import web

from bot.emulator import bot_api, control_api, page
from bot.emulator.app_keys import STATE_KEY
from bot.emulator.faults import Fault
from bot.emulator.state import DEFAULT_SCOPE, ApiCall, Busy, EmulatorState
from bot.emulator.user import EmulatedUser

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_UPLOAD_BYTES = 60 * 1024 * 1024  # above Telegram's 50 MB so its own 413 logic applies


def create_app(state: EmulatorState) -> web.Application:
    """The aiohttp application serving the Bot API, the control API and the page."""
    app = web.Application(client_max_size=MAX_UPLOAD_BYTES)
    app[STATE_KEY] = state
    bot_api.add_routes(app)
    control_api.add_routes(app)
    page.add_routes(app)

    async def release_waiters(_: web.Application) -> None:
        state.close()

    app.on_shutdown.append(release_waiters)
    return app


class Emulator:
    """A local, in-memory Telegram Bot API server.

    Usage::

        async with Emulator() as emu:
            app = Application.builder().token("1:x").base_url(emu.base_url) \
                .base_file_url(emu.base_file_url).build()
            user = emu.user(id=1001, first_name="Sanne", language_code="nl")
            await user.send("/start")
            reply = await user.next_message()
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        bot_username: str = "salesbot_local_bot",
        bot_first_name: str = "SalesBot (local)",
        bot_id: int | None = None,
        max_messages_per_chat: int = 500,
        max_pending_updates: int = 1000,
    ) -> None:
        self.host = host
        self._requested_port = port
        self.port: int | None = None
        self.state = EmulatorState(
            bot_username=bot_username,
            bot_first_name=bot_first_name,
            bot_id=bot_id,
            max_messages_per_chat=max_messages_per_chat,
            max_pending_updates=max_pending_updates,
        )
        self.app = create_app(self.state)
        self._runner: web.AppRunner | None = None
        self._users: dict[int, EmulatedUser] = {}

    # -- lifecycle --------------------------------------------------------------------

    async def start(self) -> Emulator:
        """Listen on ``host:port`` (port 0 picks a free one, see ``port``)."""
        if self._runner is not None:
            return self
        self.state.updates.reopen()
        # Cancel a handler when its client goes away, so abandoned long polls end at once.
        runner = web.AppRunner(
            self.app, handler_cancellation=True, shutdown_timeout=1.0, access_log=None
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self._requested_port)
        await site.start()
        self._runner = runner
        self.port = runner.addresses[0][1]
        log.info("Telegram emulator listening on %s", self.url)
        return self

    async def stop(self) -> None:
        if self._runner is None:
            return
        self.state.close()
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> Emulator:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # -- addresses --------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("the emulator is not started")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder.base_url``; the token is appended by the library."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder.base_file_url``."""
        return f"{self.url}/file/bot"

    @property
    def page_url(self) -> str:
        return f"{self.url}/"

    # -- users ------------------------------------------------------------------------

    def user(
        self,
        id: int,  # named like Telegram's field, as the brief's API shows
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> EmulatedUser:
        """Register a user (language "en" unless given) or update the fields given, and get
        a handle to act as them. Handles are cached, so ``next_message`` cursors survive."""
        self.state.register_user(
            id, first_name, last_name=last_name, username=username, language_code=language_code
        )
        handle = self._users.get(id)
        if handle is None:
            handle = self._users[id] = EmulatedUser(self.state, id)
        return handle

    def block(self, user_id: int) -> None:
        """The user blocks the bot: every send to them now fails with 403."""
        self.state.set_blocked(user_id, True)

    def unblock(self, user_id: int) -> None:
        self.state.set_blocked(user_id, False)

    # -- faults -----------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        error: int | str = 429,
        *,
        times: int = 1,
        chat_id: int | None = None,
        retry_after: int = 1,
        description: str | None = None,
    ) -> Fault:
        """Make the next ``times`` calls of ``method`` fail (``"*"`` = any method, polling
        included, so prefer a method name or a ``chat_id`` to keep getUpdates healthy).

        ``error`` is 429 (with ``retry_after``), 403 (blocked), 400 (with ``description``),
        500, another HTTP status, or ``"disconnect"`` to drop the connection unanswered.
        """
        return self.state.faults.add(Fault(
            method=method,
            error=error,
            times=times,
            chat_id=chat_id,
            retry_after=retry_after,
            description=description,
        ))

    def clear_faults(self) -> None:
        self.state.faults.clear()

    # -- inspection -------------------------------------------------------------------

    def messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Every message in the chat, both directions, as it is now."""
        chat = self.state.chat(chat_id)
        return copy.deepcopy(list(chat.messages.values())) if chat else []

    def sent_messages(self, chat_id: int) -> list[dict[str, Any]]:
        """What the bot sent to the chat (still present, edits applied)."""
        return [m for m in self.messages(chat_id) if m["from"].get("is_bot")]

    def calls(self, method: str | None = None) -> list[ApiCall]:
        """Recent Bot API calls, oldest first, optionally only one method."""
        wanted = method.lower() if method else None
        return [c for c in self.state.calls if wanted is None or c.method.lower() == wanted]

    def file_bytes(self, file_id: str) -> bytes:
        stored = self.state.files.get(file_id)
        if stored is None or stored.data is None:
            raise KeyError(f"no stored bytes for file {file_id}")
        return stored.data

    def commands(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        """Commands set with setMyCommands for exactly this scope and language."""
        key = (self.state.scope_key(scope or DEFAULT_SCOPE), language_code)
        return list(self.state.commands.get(key, []))

    async def wait_until(self, check: Callable[[], T | None], timeout: float = 5.0) -> T:
        """Wait until ``check()`` returns something truthy (re-checked on every change)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = check()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"condition not met within {timeout}s")
            await self.state.activity.wait(remaining)

    async def wait_idle(self, busy: Busy | None = None, timeout: float = 5.0) -> None:
        """Wait until nothing is outstanding (see ``EmulatorState.wait_idle``); with a bot in
        this event loop pass its ``busy`` (``BotEnv.settle`` does)."""
        await self.state.wait_idle(busy, timeout)

    async def wait_for_call(
        self, method: str, *, count: int = 1, timeout: float = 5.0
    ) -> ApiCall:
        """Wait until the bot has called ``method`` ``count`` times; returns that call."""
        def enough() -> list[ApiCall] | None:
            found = self.calls(method)
            return found if len(found) >= count else None

        return (await self.wait_until(enough, timeout))[count - 1]

    async def callback_answer(self, query_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """What the bot answered to a pressed button (text, show_alert, url)."""

        def answer() -> dict[str, Any] | None:
            entry = self.state.callback_queries.get(query_id)
            return entry["answer"] if entry else None

        return await self.wait_until(answer, timeout)

    def reset(self) -> None:
        """Forget all users, chats, files, faults and settings (the server keeps running)."""
        self.state.reset()
        self._users.clear()

    async def serve_forever(self) -> None:
        """Run until cancelled (for the command line)."""
        await self.start()
        try:
            await asyncio.Event().wait()
        finally:
            await self.stop()
