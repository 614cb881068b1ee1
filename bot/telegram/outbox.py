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
nothing else is running, ``Database.flush`` starts one just for the marks.
``benchmarks/crash_repeats.py`` counts repeated answers per kill, and
``benchmarks/bot_throughput.py`` checks that throughput did not pay for it.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from bot.storage import Database
from bot.storage import queries as q

log = logging.getLogger(__name__)


class SentMarks:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._task: asyncio.Task[None] | None = None

    def add(self, turn_id: int) -> None:
        self.db.defer(partial(q.mark_replies_sent, turn_ids=[turn_id]))
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._flush())

    async def _flush(self) -> None:
        try:
            await self.db.flush()
        except Exception as exc:  # the answers stay unsent: the outbox sends them late
            log.warning("could not record sent answers: %s", exc)

    async def close(self) -> None:
        """Write what is pending (a clean shutdown loses no mark)."""
        if self._task is not None and not self._task.done():
            await self._task
        await self.db.flush()
