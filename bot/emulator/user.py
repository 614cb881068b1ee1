"""An emulated Telegram user, driven from Python (tests, scripts, the CLI).

It acts directly on the in-process state rather than through HTTP: the bot side is what
must be exercised over real HTTP, and going direct keeps test steps instant and their
failures readable.
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any

from bot.emulator.state import EmulatorState

MessageRef = int | dict[str, Any]


def _message_id(message: MessageRef) -> int:
    return message if isinstance(message, int) else int(message["message_id"])


class EmulatedUser:
    """One user in a private chat with the bot (chat id == user id, as on Telegram).

    ``next_message``/``next_edit`` each keep their own cursor, starting when the user
    object was created, so a test sees every bot reply exactly once and in order.
    """

    def __init__(self, state: EmulatorState, user_id: int) -> None:
        self._state = state
        self.id = user_id
        self._cursors = {"message": state.seq, "edit": state.seq, "delete": state.seq}

    @property
    def chat_id(self) -> int:
        return self.id

    @property
    def info(self) -> dict[str, Any]:
        """The Telegram User object the bot sees as ``from``."""
        return dict(self._state.users[self.id])

    # -- acting -----------------------------------------------------------------------

    async def send(self, text: str, *, reply_to: MessageRef | None = None) -> dict[str, Any]:
        """Send a text message; returns the Message as the bot will receive it."""
        return self._state.user_send_text(
            self.id, text, reply_to_message_id=_message_id(reply_to) if reply_to else None
        )

    async def edit(self, message: MessageRef, text: str) -> dict[str, Any]:
        """Edit one of this user's text messages (the bot gets ``edited_message``)."""
        return self._state.user_edit(self.id, _message_id(message), text)

    async def press(self, message: MessageRef, button: str) -> dict[str, Any]:
        """Press an inline button by callback_data, or else by its label.

        Returns the CallbackQuery sent to the bot; pass its ``id`` to
        ``Emulator.callback_answer`` to see what the bot answered.
        """
        return self._state.user_press(self.id, _message_id(message), data=button)

    async def send_document(
        self,
        data: bytes,
        file_name: str,
        *,
        mime_type: str | None = None,
        caption: str | None = None,
    ) -> dict[str, Any]:
        return self._state.user_send_file(
            self.id, "document", data, file_name=file_name, mime_type=mime_type, caption=caption
        )

    async def send_photo(self, data: bytes, *, caption: str | None = None) -> dict[str, Any]:
        """Send an image (PNG, JPEG, GIF or WebP bytes) as a photo."""
        return self._state.user_send_file(self.id, "photo", data, caption=caption)

    async def send_voice(self, data: bytes | None = None, *, duration: int = 1) -> dict[str, Any]:
        return self._state.user_send_file(self.id, "voice", data, duration=duration)

    async def send_sticker(self, emoji: str = "👍") -> dict[str, Any]:
        return self._state.user_send_file(self.id, "sticker", emoji=emoji)

    def block(self) -> None:
        self._state.set_blocked(self.id, True)

    def unblock(self) -> None:
        self._state.set_blocked(self.id, False)

    # -- observing --------------------------------------------------------------------

    def messages(self) -> list[dict[str, Any]]:
        """The whole chat as it is now, both directions, edits applied, deletions gone."""
        chat = self._state.chat(self.id)
        return copy.deepcopy(list(chat.messages.values())) if chat else []

    def bot_messages(self) -> list[dict[str, Any]]:
        return [m for m in self.messages() if m["from"].get("is_bot")]

    def skip_pending(self) -> None:
        """Forget bot activity not yet consumed, e.g. a greeting a test does not care about."""
        for kind in self._cursors:
            self._cursors[kind] = self._state.seq

    async def next_message(self, timeout: float = 5.0) -> dict[str, Any]:
        """The next new message the bot sent to this chat, waiting up to ``timeout``."""
        return await self._next("message", timeout)

    async def next_edit(self, timeout: float = 5.0) -> dict[str, Any]:
        """The next bot message edit in this chat (the message as it was right after it)."""
        return await self._next("edit", timeout)

    async def next_deletion(self, timeout: float = 5.0) -> dict[str, Any]:
        """The next message the bot deleted here (as it was before deletion)."""
        return await self._next("delete", timeout)

    async def _next(self, kind: str, timeout: float) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            chat = self._state.chat(self.id)
            if chat is not None:
                for event in chat.events:
                    if event.seq > self._cursors[kind] and event.kind == kind and event.from_bot:
                        self._cursors[kind] = event.seq
                        return copy.deepcopy(event.message)
            signal = chat.signal if chat is not None else self._state.activity
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"the bot sent no {kind} to user {self.id} within {timeout}s")
            await signal.wait(remaining)
