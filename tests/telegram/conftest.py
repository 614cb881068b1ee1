"""A real python-telegram-bot Application with the salesbot handlers, polling the local
emulator over real HTTP, with its own database per test (SQLite, or PostgreSQL when
SALESBOT_TEST_DATABASE_URL names a server)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.catalog import Catalog
from bot.config import Settings
from bot.emulator import Emulator
from bot.storage import Database
from bot.telegram.app import ALLOWED_UPDATES, build_application, handling

TOKEN = "123456:TEST-token-do-not-log"
_CATALOG: Catalog | None = None


def catalog() -> Catalog:
    global _CATALOG
    if _CATALOG is None:
        _CATALOG = Catalog.load()
    return _CATALOG


@dataclass
class BotEnv:
    emulator: Emulator
    settings: Settings
    db_url: str
    apps: list[Application] = field(default_factory=list)
    start: Callable[[], Awaitable[Application]] | None = None

    @property
    def app(self) -> Application:
        return self.apps[-1]

    @property
    def db(self) -> Database:
        return self.app.bot_data["services"].db

    async def settle(self, timeout: float = 5.0) -> None:
        """Wait until the bot has handled every update and the emulator answered every
        request: after this, whatever the bot was going to send has arrived."""
        await self.emulator.wait_idle(busy=lambda: handling(self.app), timeout=timeout)


async def start_app(emulator: Emulator, settings: Settings, db_url: str,
                    scenarios: Catalog | None = None) -> Application:
    db = Database(db_url)
    db.migrate()
    app = build_application(settings, db, scenarios or catalog(), token=TOKEN,
                            base_url=emulator.base_url, base_file_url=emulator.base_file_url)
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    await app.start()
    await app.updater.start_polling(poll_interval=0.0, timeout=1,
                                    allowed_updates=ALLOWED_UPDATES)
    return app


async def stop_app(app: Application) -> None:
    if app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    await app.shutdown()
    if app.post_shutdown:
        await app.post_shutdown(app)


@asynccontextmanager
async def bot_env(settings: Settings,
                  scenarios: Callable[[], Catalog] | None = None) -> AsyncIterator[BotEnv]:
    """An emulator and a started bot; ``env.start()`` starts it again (a restart), with a
    fresh catalog from ``scenarios`` each time when given."""
    emulator = Emulator(port=0)
    await emulator.start()
    env = BotEnv(emulator, settings, settings.effective_database_url)

    async def start() -> Application:
        app = await start_app(emulator, settings, env.db_url,
                              scenarios() if scenarios else None)
        env.apps.append(app)
        return app

    env.start = start
    await start()
    try:
        yield env
    finally:
        for app in env.apps:
            if app.running or app.updater.running:
                await stop_app(app)
        await emulator.stop()


@pytest.fixture
async def env(tmp_path: Path, database_url: str) -> AsyncIterator[BotEnv]:
    settings = Settings(data_dir=tmp_path, database_url=database_url, default_language="nl",
                        messages_per_second=0)
    async with bot_env(settings) as running:
        yield running
