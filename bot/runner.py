"""``salesbot run``: the Telegram bot, or without a token the bot plus the local emulator."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Awaitable, Callable
from urllib.parse import urlparse

from sqlalchemy.engine import make_url

from bot.catalog import Catalog
from bot.config import Settings
from bot.logs import setup_logging
from bot.storage import Database
from bot.telegram.app import ALLOWED_UPDATES, build_application, handling
from bot.telegram.common import App
from bot.telegram.reach import BotApiUnusable, wait_for_bot_api

log = logging.getLogger("bot.runner")
EMULATOR_TOKEN = "1000:local-emulator"


def run_command(settings: Settings) -> int:
    setup_logging(settings.log_level, secrets=_secrets(settings))
    catalog = Catalog.load(settings.scenario_dirs)
    db = Database(settings.effective_database_url)
    try:
        db.migrate()
    except Exception as exc:
        print(f"salesbot: cannot open the database {_safe_url(db)}: {exc}", file=sys.stderr)
        return 1
    log.info("%d scenarios loaded; database %s", len(catalog.scenarios), _safe_url(db))
    if settings.bot_token:
        return _run_bot(settings, db, catalog, token=settings.bot_token,
                        base_url=settings.api_base_url,
                        base_file_url=_file_url(settings.api_base_url))
    from bot.emulator.background import emulator_in_background

    with emulator_in_background(settings.emulator_host, settings.emulator_port) as emulator:
        print(f"\nNo BOT_TOKEN set, so salesbot runs against the local Telegram emulator.\n"
              f"Open {emulator.page_url} in your browser and chat with the bot there.\n"
              f"Press Ctrl+C to stop.\n", flush=True)
        if settings.webhook_url:
            log.info("the emulator is polled; telegram.webhook.url applies only with a token")
        return _run_bot(settings, db, catalog, token=EMULATOR_TOKEN, base_url=emulator.base_url,
                        base_file_url=emulator.base_file_url, webhook=False,
                        attach=lambda app, loop: setattr(emulator.state, "bot_busy",
                                                         busy_probe(app, loop)))


def _secrets(settings: Settings) -> list[str]:
    """What must never be printed: the token (the emulator's stand-in without one: the
    same log lines must look the same in both modes), the webhook secret, the database
    password."""
    secrets = [settings.bot_token or EMULATOR_TOKEN, settings.webhook_secret or ""]
    with contextlib.suppress(Exception):  # an unparsable URL is reported when it is opened
        secrets.append(str(make_url(settings.effective_database_url).password or ""))
    return secrets


def _safe_url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=True)


def _run_bot(settings: Settings, db: Database, catalog: Catalog, *, token: str,
             base_url: str, base_file_url: str, webhook: bool = True,
             attach: Callable[[App, asyncio.AbstractEventLoop], None] | None = None) -> int:
    """One lifecycle for Telegram and the emulator: post_init (command menus, sent marks,
    outbox), the job queue, signal handling and post_shutdown all run in both."""
    # python-telegram-bot runs on the current event loop: the wait for the Bot API uses the
    # same one, so nothing is left bound to a closed loop.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        reached = loop.run_until_complete(_wait_for_bot_api(base_url, token))
    except BotApiUnusable as exc:
        print(f"salesbot: {exc}", file=sys.stderr)
        reached = None
    if not reached:
        loop.close()
        db.close()
        return 0 if reached is False else 1
    logging.getLogger("telegram.ext.Updater").addFilter(_calm_stop_notice)
    app = build_application(settings, db, catalog, token=token, base_url=base_url,
                            base_file_url=base_file_url)
    if attach is not None:
        attach(app, loop)
    if webhook and settings.webhook_url:
        app.run_webhook(listen=settings.webhook_listen, port=settings.webhook_port,
                        url_path=urlparse(settings.webhook_url).path.lstrip("/"),
                        webhook_url=settings.webhook_url,
                        secret_token=settings.webhook_secret, allowed_updates=ALLOWED_UPDATES)
    else:
        app.run_polling(allowed_updates=ALLOWED_UPDATES, poll_interval=0.0)
    return 0


async def _wait_for_bot_api(base_url: str, token: str) -> bool:
    """Waits until the Bot API answers; SIGINT/SIGTERM end the wait at once (False)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    for sig in signals:
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        return await wait_for_bot_api(base_url, token, stop)
    finally:
        for sig in signals:  # python-telegram-bot installs its own
            with contextlib.suppress(NotImplementedError):
                loop.remove_signal_handler(sig)


def _calm_stop_notice(record: logging.LogRecord) -> bool:
    """When stopping, the library confirms the handled updates with one last getUpdates;
    if the Bot API cannot be reached then, it logs an ERROR with the whole chain of
    tracebacks. Nothing is wrong with the bot, so it becomes one warning line."""
    if record.levelno >= logging.ERROR and record.getMessage().startswith(
            "Error while calling `get_updates` one more time"):
        error = record.exc_info[1] if record.exc_info else None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = ("stopping: could not confirm the last updates to the Bot API (%s); "
                      "they may be delivered again after a restart")
        record.args = (error,)
        record.exc_info, record.exc_text = None, None
    return True


def busy_probe(app: App, loop: asyncio.AbstractEventLoop) -> Callable[[], Awaitable[bool]]:
    """Whether the bot still holds an update, asked from the emulator's thread: the
    question runs on the bot's own loop, over a few of its turns (so a task it has just
    scheduled counts), the same check ``wait_idle`` makes for a bot in its own loop."""
    from bot.emulator.state import IDLE_TURNS  # the emulator is loaded only without a token

    async def here() -> bool:
        for _ in range(IDLE_TURNS):
            if handling(app):
                return True
            await asyncio.sleep(0)
        return False

    async def busy() -> bool:
        if not loop.is_running() or loop.is_closed():
            return False
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(here(), loop))

    return busy


def _file_url(base_url: str) -> str:
    """The file URL that goes with a Bot API base URL (…/bot → …/file/bot)."""
    root, _, last = base_url.rstrip("/").rpartition("/")
    return f"{root}/file/{last}"
