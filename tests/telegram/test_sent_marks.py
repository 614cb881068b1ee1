"""The "answer sent" marks: written as soon as the database is free, gathered under load.

The window between an answer going out and its mark being committed is where a crash
repeats answers (benchmarks/crash_repeats.py measures it); these check the two properties
that keep it small without costing throughput.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.storage import Database
from bot.storage import queries as q
from bot.telegram.outbox import SentMarks


@pytest.fixture
def db(tmp_path: Path):
    database = Database(f"sqlite:///{tmp_path / 'bot.db'}")
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


async def test_marks_arriving_during_a_write_go_out_together_in_the_next(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    turns = _turns(db, 6)
    writes: list[list[int]] = []
    original = q.mark_replies_sent

    def counting(s, ids):
        writes.append(list(ids))
        original(s, ids)

    monkeypatch.setattr(q, "mark_replies_sent", counting)
    loop = asyncio.get_running_loop()
    gate = asyncio.Event()
    # the database thread is busy with a call turn until the gate opens
    busy = asyncio.create_task(db.run(
        lambda s: asyncio.run_coroutine_threadsafe(gate.wait(), loop).result()))
    await asyncio.sleep(0.05)
    marks = SentMarks(db)
    for turn in turns:
        marks.add(turn)
        await asyncio.sleep(0)
    gate.set()
    await busy
    await marks.close()
    assert writes == [turns[:1], turns[1:]]
    assert await db.run(q.unsent_replies) == []
