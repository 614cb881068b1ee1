"""Which answers reached the learner: each mark rides on the next transaction.

A turn is committed with ``reply_sent`` false before its answer goes out. After a crash,
every answer still marked unsent is sent again, flagged as late, so an answer that did go
out but whose mark was not yet written is repeated: the time between sending and the
mark's commit is the window in which a ``kill -9`` repeats an answer.

Two things used to keep that window wide: marks were collected for half a second, and
then their write queued on the database thread behind every call turn already waiting
(a few hundred milliseconds with 20 learners mid-call). Now a mark is handed to
``Database.defer``: the next transaction to start on the database thread, usually the
next learner's turn, writes it along with its own work, so under load it costs no
transaction of its own and waits for at most the one transaction already running. When
nothing else starts within 50 ms, ``Database.flush`` starts one just for the marks. All marks
waiting for one transaction are written by one statement.
``benchmarks/crash_repeats.py`` counts repeated answers per kill, and
``benchmarks/bot_throughput.py`` checks that throughput did not pay for it.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from bot import replies
from bot.storage import Database

if TYPE_CHECKING:
    from sqlmodel import Session

log = logging.getLogger(__name__)
FLUSH_AFTER = 0.05  # seconds: time for a call turn to come along and carry the marks


@dataclass
class _Batch:
    """Marks written by one statement; closed once a transaction has taken it."""

    ids: list[int] = field(default_factory=list)


class SentMarks:
    def __init__(self, db: Database, flush_after: float = FLUSH_AFTER) -> None:
        self.db = db
        self.flush_after = flush_after
        self._open: _Batch | None = None
        self._lock = threading.Lock()  # add() runs on the event loop, _write on the db thread
        self._task: asyncio.Task[None] | None = None

    def add(self, turn_id: int) -> None:
        with self._lock:
            batch, new = self._open, self._open is None
            if batch is None:
                batch = self._open = _Batch()
            batch.ids.append(turn_id)
        if new:
            self.db.defer(partial(self._write, batch))
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._flush())

    def _write(self, batch: _Batch, s: Session) -> None:
        with self._lock:
            if self._open is batch:
                self._open = None  # later marks start a new batch
        replies.mark_all_sent(s, batch.ids)

    async def _flush(self) -> None:
        """Nothing else came along to carry the marks: write them in a transaction of
        their own."""
        try:
            await asyncio.sleep(self.flush_after)
            await self.db.flush()
        except Exception as exc:  # the answers stay unsent: the outbox sends them late
            log.warning("could not record sent answers: %s", exc)

    async def close(self) -> None:
        """Write what is pending (a clean shutdown loses no mark)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        await self.db.flush()
