"""The "answer sent" marks: written by the next transaction to start, never queued.

The window between an answer going out and its mark being committed is where a crash
repeats answers (benchmarks/crash_repeats.py measures it); these check the two properties
that keep it small without costing throughput.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from bot.storage import Database
from bot.storage import queries as q
from bot.telegram.outbox import SentMarks
from tests.databases import new_database_url, on_server


@pytest.fixture
def db(tmp_path: Path):
    database = Database(new_database_url(tmp_path))
    database.migrate()
    yield database
    database.close()


def _turns(db: Database, n: int) -> list[int]:
    db.call(q.touch_user, 7, "Sanne", None, "nl")
    sid = db.call(q.start_session, 7, "a", "call", "nl", "call", "menu").id
    return [db.call(q.record_turn, sid, number=i, message_id=i, learner="x", buyer="y",
                    analysis={}, state={}, phase="call") for i in range(1, n + 1)]


async def test_a_mark_is_written_before_database_work_that_comes_after_it(db: Database) -> None:
    [turn] = _turns(db, 1)
    marks = SentMarks(db)
    marks.add(turn)
    await asyncio.sleep(0)  # the write is queued at once, not after a batching delay
    assert await db.run(q.unsent_replies) == []


@pytest.mark.skipif(on_server(), reason="SQLite's single database thread; a server has a pool")
async def test_marks_ride_on_the_next_transaction_instead_of_queueing_behind_it(
        db: Database) -> None:
    """While the database thread is busy, marks wait for the next transaction to start
    (a learner's turn, here) and are written in it, not in transactions of their own."""
    turns = _turns(db, 6)
    loop = asyncio.get_running_loop()
    gate, holding = asyncio.Event(), threading.Event()

    def hold(_session: object) -> None:
        holding.set()
        asyncio.run_coroutine_threadsafe(gate.wait(), loop).result()

    busy = asyncio.create_task(db.run(hold))  # a call turn holding the database thread
    await loop.run_in_executor(None, holding.wait)
    next_turn = asyncio.create_task(db.run(q.unsent_replies))  # queued behind it
    await asyncio.sleep(0)
    marks = SentMarks(db)
    for turn in turns:
        marks.add(turn)
    gate.set()
    await busy
    assert await next_turn == []  # the turn saw the marks it carried
    await marks.close()
    assert await db.run(q.unsent_replies) == []


async def test_a_mark_whose_transaction_fails_goes_with_the_next_one(db: Database) -> None:
    [turn] = _turns(db, 1)

    def failing(s):
        q.get_user(s, 7)
        raise RuntimeError("a turn that fails")

    db.defer(lambda s: q.mark_replies_sent(s, [turn]))
    with pytest.raises(RuntimeError):
        await db.run(failing)
    assert db.has_deferred()
    assert await db.run(q.unsent_replies) == []
