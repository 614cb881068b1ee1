"""Which answers reached the learner, recorded as soon as the database is free.

A turn is committed with ``reply_sent`` false before its answer goes out. After a crash,
every answer still marked unsent is sent again, flagged as late, so an answer that did go
out but whose mark was not yet written is repeated: the time between sending and the
mark's commit is the window in which a ``kill -9`` repeats an answer.

Marking each answer in its own transaction would double the database work per turn under
load, and waiting to collect a batch (this used to be half a second) left that window
wide open: with 20 learners mid-call a crash repeated about two answers. So marks are
group-committed: the first mark is written at once, and marks that arrive while that
write waits for the database thread (behind call turns) or runs are written together by
the next one. At low load a mark is written milliseconds after its answer; at high load
the batches grow by themselves, so the number of extra transactions stays small
(``benchmarks/crash_repeats.py`` and ``benchmarks/bot_throughput.py`` measure both).
"""

from __future__ import annotations

import asyncio
import logging

from bot.storage import Database
from bot.storage import queries as q

log = logging.getLogger(__name__)
INTERVAL = 0.0  # seconds to wait before a write, to gather more marks (0: none)


class SentMarks:
    def __init__(self, db: Database, interval: float = INTERVAL) -> None:
        self.db = db
        self.interval = interval
        self._ids: list[int] = []
        self._task: asyncio.Task[None] | None = None

    def add(self, turn_id: int) -> None:
        self._ids.append(turn_id)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._drain())

    async def _drain(self) -> None:
        """Write marks until none are waiting; one write at a time, so every mark that
        arrives during a write goes into the next one."""
        while self._ids:
            if self.interval:
                await asyncio.sleep(self.interval)
            try:
                await self.flush()
            except Exception as exc:  # the answers stay unsent: the outbox sends them late
                log.warning("could not record sent answers: %s", exc)

    async def flush(self) -> None:
        ids, self._ids = self._ids, []
        if ids:
            await self.db.run(q.mark_replies_sent, ids)

    async def close(self) -> None:
        """Write what is pending (a clean shutdown loses no mark). The running write is
        awaited, not cancelled: cancelling it could drop marks it had already taken."""
        if self._task is not None and not self._task.done():
            await self._task
        await self.flush()
