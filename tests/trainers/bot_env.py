"""The emulator set-up of ``tests/telegram/conftest.py`` with an admin configured and a
catalog of its own (trainer uploads must not leak into other tests)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from telegram.ext import Application

from bot.config import Settings
from bot.emulator import Emulator
from bot.storage import Database
from bot.telegram.app import ALLOWED_UPDATES, build_application
from tests.telegram.conftest import TOKEN, BotEnv, catalog, stop_app

ADMIN = 9000


async def _start(emulator: Emulator, settings: Settings, db_url: str) -> Application:
    db = Database(db_url)
    db.migrate()
    app = build_application(settings, db, catalog().copy(), token=TOKEN,
                            base_url=emulator.base_url, base_file_url=emulator.base_file_url)
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    await app.start()
    await app.updater.start_polling(poll_interval=0.0, timeout=1,
                                    allowed_updates=ALLOWED_UPDATES)
    return app


@asynccontextmanager
async def trainer_env(tmp_path: Path) -> AsyncIterator[BotEnv]:
    emulator = Emulator(port=0)
    await emulator.start()
    settings = Settings(data_dir=tmp_path, default_language="en", messages_per_second=0,
                        admins=(ADMIN,))
    env = BotEnv(emulator, settings, settings.effective_database_url)

    async def start() -> Application:
        app = await _start(emulator, settings, env.db_url)
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
