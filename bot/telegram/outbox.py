"""Which answers reached the learner, recorded in batches.

A turn is committed with ``reply_sent`` false before its answer goes out. Marking each
answer as sent in its own transaction would double the database work per turn, so the
marks are collected and written together twice a second. A crash loses at most that
half second of marks; those answers are then sent again after the restart, flagged as
late (delivery is at least once).
"""

from __future__ import annotations

import asyncio
import contextlib

from bot.storage import Database
from bot.storage import queries as q

INTERVAL = 0.5


class SentMarks:
    def __init__(self, db: Database, interval: float = INTERVAL) -> None:
        self.db = db
        self.interval = interval
        self._ids: list[int] = []
        self._task: asyncio.Task[None] | None = None

    def add(self, turn_id: int) -> None:
        self._ids.append(turn_id)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._flush_soon())

    async def _flush_soon(self) -> None:
        await asyncio.sleep(self.interval)
        await self.flush()

    async def flush(self) -> None:
        ids, self._ids = self._ids, []
        if ids:
            await self.db.run(q.mark_replies_sent, ids)

    async def close(self) -> None:
        """Write what is pending (a clean shutdown loses no mark)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush()
