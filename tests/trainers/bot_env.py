"""The emulator set-up of ``tests/telegram/conftest.py`` with an admin configured and a
catalog of its own (trainer uploads must not leak into other tests)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.config import Settings
from tests.databases import new_database_url
from tests.telegram.conftest import BotEnv, bot_env, catalog

ADMIN = 9000


@asynccontextmanager
async def trainer_env(tmp_path: Path) -> AsyncIterator[BotEnv]:
    settings = Settings(data_dir=tmp_path, database_url=new_database_url(tmp_path),
                        default_language="en", messages_per_second=0, admins=(ADMIN,))
    async with bot_env(settings, lambda: catalog().copy()) as env:
        yield env


@pytest.fixture(name="env")
async def admin_env(tmp_path: Path) -> AsyncIterator[BotEnv]:
    """The ``env`` fixture for trainer tests: import it into a test module to replace the
    learner set-up of ``tests/telegram/conftest.py``."""
    async with trainer_env(tmp_path) as env:
        yield env
