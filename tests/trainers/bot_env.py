"""The emulator set-up of ``tests/telegram/conftest.py`` with an admin configured and a
catalog of its own (trainer uploads must not leak into other tests)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlmodel import Session, select

from bot.config import Settings
from bot.storage.models import Assignment, CallSession
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


def assignment_of(cohort_id: int) -> Callable[[Session], int]:
    """A database query for the id of the (only) assignment of a cohort."""
    def query(s: Session) -> int:
        return s.exec(select(Assignment.id).where(Assignment.cohort_id == cohort_id)).one()
    return query


def last_session(s: Session) -> tuple[int, int]:
    """The newest call's id and score (the attempt a test has just made)."""
    row = s.exec(select(CallSession).order_by(CallSession.id.desc())).first()
    return row.id, row.score
