"""Storage: schema by migration, turns committed with their state, privacy queries."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from bot.storage import Database
from bot.storage import queries as q
from tests.databases import new_database_url, on_server

sqlite_only = pytest.mark.skipif(on_server(), reason="about SQLite's own locking and settings")


@pytest.fixture
def db(database_url: str):
    database = Database(database_url)
    database.migrate()
    yield database
    database.close()


def test_models_and_migrations_agree(db: Database) -> None:
    """A model change without an Alembic revision would break upgrading users' databases."""
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diffs == []


@sqlite_only
def test_sqlite_runs_in_wal_mode_with_normal_sync(db: Database, tmp_path: Path) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


@sqlite_only
async def test_the_log_reaches_the_database_file_without_a_commit_paying_for_it(
        db: Database, tmp_path: Path) -> None:
    """Copying the write-ahead log into the file (a disk sync) is done by a thread of its
    own: the commit that happened to cross SQLite's threshold used to do it, and a call
    turn committing then waited up to 200 ms while daily practice was being planned."""
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() >= 10_000
    path = tmp_path / "bot.db"
    before = path.stat().st_size
    for i in range(300):  # some 25 pages, far below the commits' own threshold
        await db.run(q.touch_user, 1000 + i, "L" * 200, None, "nl")
    deadline = time.monotonic() + 10
    while path.stat().st_size == before and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert path.stat().st_size > before
    db.close()
    assert not [t for t in threading.enumerate() if t.name == "db-checkpoint"]


def test_migrate_twice_keeps_data(db: Database) -> None:
    db.call(q.touch_user, 7, "Sanne", None, "nl")
    db.migrate()
    assert db.call(q.get_user, 7).first_name == "Sanne"


def test_turn_and_state_commit_together_and_a_redelivered_message_is_seen(db: Database) -> None:
    db.call(q.touch_user, 7, "Sanne", None, "nl")
    sid = db.call(q.start_session, 7, "first-visit-cleaning", "call", "nl", "call", "menu").id
    assert db.call(q.call_for_turn, 7, 55).answered is False
    turn = db.call(q.record_turn, sid, number=1, message_id=55, learner="Goedemorgen",
                   buyer="Dag", analysis={"form": None}, state={"turn": 1}, phase="call")
    call = db.call(q.call_for_turn, 7, 55)
    assert turn is not None and call.id == sid and call.answered is True
    assert call.state == {"turn": 1}
    assert db.call(q.call_for_turn, 7, 56).answered is False
    with pytest.raises(IntegrityError):  # a second turn for one message: nothing is stored
        db.call(q.record_turn, sid, number=2, message_id=55, learner="Goedemorgen",
                buyer="Dag", analysis={}, state={"turn": 2}, phase="call")
    assert db.call(q.get_session, sid).state == {"turn": 1}
    assert [t.id for _, t, _ in db.call(q.unsent_replies)] == [turn]
    db.call(q.mark_reply_sent, turn)
    assert db.call(q.unsent_replies) == []


def test_no_turn_is_recorded_in_an_ended_attempt(db: Database) -> None:
    db.call(q.touch_user, 7, "Sanne", None, "nl")
    sid = db.call(q.start_session, 7, "a", "call", "nl", "call", "menu").id
    db.call(q.finish_session, sid, state={"turn": 3}, score=50, report={}, end_reason="stopped",
            skills={})
    assert db.call(q.record_turn, sid, number=4, message_id=9, learner="x", buyer="y",
                   analysis={}, state={"turn": 4}, phase="call") is None
    assert db.call(q.session_turns, sid) == []
    assert db.call(q.call_for_turn, 7, 9) is None


def test_new_session_abandons_the_unfinished_one(db: Database) -> None:
    db.call(q.touch_user, 7, "Sanne", None, "nl")
    first = db.call(q.start_session, 7, "a", "call", "nl", "call", "menu").id
    second = db.call(q.start_session, 7, "b", "call", "nl", "call", "menu").id
    assert db.call(q.active_session, 7).id == second
    assert db.call(q.get_session, first).end_reason == "abandoned"


def test_progress_export_and_delete(db: Database) -> None:
    db.call(q.touch_user, 7, "Sanne", None, "nl")
    db.call(q.touch_user, 8, "Other", None, "en")
    for user in (7, 8):
        sid = db.call(q.start_session, user, "a", "call", "nl", "call", "menu").id
        db.call(q.record_turn, sid, number=1, message_id=1, learner="hoi", buyer="dag",
                analysis={}, state={}, phase="call")
        db.call(q.finish_session, sid, state={}, score=60, report={"score": 60},
                end_reason="stopped", skills={"questions": 50.0, "closing": None})
    assert db.call(q.best_scores, 7) == {"a": 60}
    assert db.call(q.skill_levels, 7) == {"questions": 50.0}
    data = db.call(q.export_user, 7)
    assert data["sessions"][0]["turns"][0]["learner"] == "hoi"
    assert data["user"]["first_name"] == "Sanne"
    assert db.call(q.delete_user, 7)
    assert db.call(q.get_user, 7) is None
    assert db.call(q.export_user, 7) is None
    assert db.call(q.best_scores, 8) == {"a": 60}  # the other learner keeps everything


def test_blocked_user_is_unmarked_when_they_return(db: Database) -> None:
    db.call(q.touch_user, 7, "Sanne", None, "nl")
    db.call(q.mark_blocked, 7)
    assert db.call(q.get_user, 7).blocked
    _, returned = db.call(q.touch_user, 7, "Sanne", None, "nl")
    assert returned and not db.call(q.get_user, 7).blocked


@sqlite_only
def test_writes_wait_for_another_process_holding_the_lock(db: Database, tmp_path: Path) -> None:
    """A second process (e.g. a report script) holding the write lock delays, never fails."""
    other = sqlite3.connect(tmp_path / "bot.db", isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        db.call(q.touch_user, 9, "Late", None, "en")
    finally:
        release.join()
        other.close()
    assert db.call(q.get_user, 9).first_name == "Late"


def test_a_database_from_the_first_release_upgrades_without_loss(tmp_path: Path) -> None:
    from bot.storage.database import make_engine
    from bot.storage.migrations import upgrade

    url = new_database_url(tmp_path, "old", empty=True)
    engine = make_engine(url)
    upgrade(engine, "8a05842b5576")  # the schema of the first release
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO users (id, first_name, language, language_chosen, timezone,"
            " practice_time, practice_days, practice_paused, role, blocked, settings,"
            " created_at, last_seen_at) VALUES (5, 'Old', 'nl', :no, 'Europe/Amsterdam',"
            " '09:00', '0123456', :yes, 'learner', :no, '{}', :day, :day)"),
            {"no": False, "yes": True, "day": datetime(2026, 1, 1)})
    engine.dispose()
    db = Database(url)
    try:
        db.migrate()
        assert db.call(q.get_user, 5).first_name == "Old"
        sid = db.call(q.start_session, 5, "a", "call", "nl", "call", "menu").id
        assert db.call(q.get_session, sid).assignment_id is None
    finally:
        db.close()
