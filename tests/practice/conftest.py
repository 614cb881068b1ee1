"""A real database (SQLite, or PostgreSQL: see tests/databases.py) and a dispatcher whose
clock the test moves by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from bot.practice.choice import DrillInfo
from bot.storage import Database
from bot.storage import practice as store
from bot.storage.models import User

DRILLS = [
    DrillInfo("drill-a", frozenset({"questions"}), 1),
    DrillInfo("drill-b", frozenset({"objections"}), 1),
    DrillInfo("drill-c", frozenset({"closing"}), 1),
]


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    database.migrate()
    yield database
    database.close()


def add_learner(db: Database, user_id: int, now: dt.datetime, **schedule: object) -> User:
    """A learner who turned daily practice on at ``now`` with the given settings."""
    def create(s):
        s.add(User(id=user_id, first_name=f"L{user_id}", language="en"))
        s.flush()
        return store.update_schedule(s, user_id, now, practice_paused=False, **schedule)

    return db.call(create)
