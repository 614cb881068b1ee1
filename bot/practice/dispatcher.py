"""The daily-practice dispatcher: claim due prompts, send them within the limits, record.

Transport-free: the caller passes ``send(prompt) -> message id``, which raises
:class:`Blocked`, :class:`RetryLater` or :class:`Permanent`; the Telegram front maps its
errors onto these. The database is the queue (see ``bot.storage.practice``):

1. claim: prompt rows are inserted as ``claimed`` in the transaction that advances each
   learner's ``next_practice_at``;
2. send: every ``claimed`` row is sent, ``workers`` at a time. Throttling, waiting out
   429 and reconnecting are the send policy's job (``bot.telegram.ratelimit``), the same
   as for every other message; a send that still fails with :class:`RetryLater` stays
   ``claimed`` for the next sweep, until ``store.MAX_ATTEMPTS``;
3. record: ``sent`` (or ``blocked``/``failed``) is committed right after Telegram's OK.

A graceful stop lets messages already on the wire finish and sends nothing new, so a
restart neither repeats nor loses a prompt. Only a hard crash in the milliseconds between
Telegram's OK and the commit of step 3 can repeat one message (at-least-once for at most
``workers`` prompts), which we prefer over losing prompts.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from bot.practice.choice import AssignmentsFor, DrillInfo
from bot.storage import Database
from bot.storage import practice as store
from bot.storage.models import PracticePrompt, utcnow

log = logging.getLogger(__name__)


class Blocked(Exception):
    """The learner blocked the bot (403)."""


class RetryLater(Exception):
    """A passing problem the send policy could not wait out: network trouble, or a 429
    that persisted (``retry_after`` seconds)."""

    def __init__(self, retry_after: float | None = None) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class Permanent(Exception):
    """The request itself is wrong (e.g. the chat does not exist): retrying cannot help."""


SendFn = Callable[[PracticePrompt], Awaitable[int | None]]


@dataclass
class SweepResult:
    claimed: int = 0
    skipped: int = 0
    sent: int = 0
    blocked: int = 0
    failed: int = 0
    deferred: int = 0  # left claimed for the next sweep (network down, 429 persisting)


@dataclass
class Dispatcher:
    db: Database
    drills: Callable[[], Sequence[DrillInfo]]
    send: SendFn
    workers: int = 8  # sends in flight at once: enough to fill 30/s at 250 ms latency
    # learners per claim transaction: each batch holds the database thread that call turns
    # share, so it is kept to a few tens of milliseconds (benchmarks/growth.py)
    claim_batch: int = 50
    send_batch: int = 1000  # prompts per round; new due learners are claimed in between
    clock: Callable[[], dt.datetime] = utcnow
    running: Callable[[], bool] = lambda: True
    assignments_for: AssignmentsFor | None = None
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False)

    async def sweep(self, now: dt.datetime | None = None) -> SweepResult:
        """One run of the periodic job. ``now`` fixes the clock for claiming (tests)."""
        async with self._lock:
            result = SweepResult()
            deferred: set[int] = set()  # tried once this sweep already: the next sweep's
            for _ in range(1000):  # bounded: each round either claims or sends something
                if not self.running():
                    break
                await self._claim(result, now or self.clock())
                batch = await self.db.run(store.pending, now or self.clock(),
                                          tuple(deferred), self.send_batch)
                if not batch:
                    break
                before = result.sent + result.blocked + result.failed
                await self._send_all(batch, result, deferred)
                if result.sent + result.blocked + result.failed == before:
                    break  # everything deferred: try again next sweep
            return result

    async def _claim(self, result: SweepResult, now: dt.datetime) -> None:
        drills = list(self.drills())
        while True:
            stats = await self.db.run(store.claim_due, drills, now, self.claim_batch,
                                      self.assignments_for)
            result.claimed += stats.claimed
            result.skipped += stats.skipped
            if stats.learners < self.claim_batch:
                return

    async def _send_all(self, batch: Sequence[PracticePrompt], result: SweepResult,
                        deferred: set[int]) -> None:
        queue: asyncio.Queue[PracticePrompt] = asyncio.Queue()
        for prompt in batch:
            queue.put_nowait(prompt)

        async def worker() -> None:
            while self.running():
                try:
                    prompt = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                outcome = await self._deliver(prompt)
                setattr(result, outcome, getattr(result, outcome) + 1)
                if outcome == "deferred" and prompt.id is not None:
                    deferred.add(prompt.id)

        await asyncio.gather(*(worker() for _ in range(max(1, self.workers))))

    async def _deliver(self, prompt: PracticePrompt) -> str:
        """Send one prompt and record the outcome; returns a SweepResult field name."""
        assert prompt.id is not None
        try:
            message_id = await self.send(prompt)
        except Blocked:
            await self.db.run(store.mark_blocked, prompt.id, self.clock())
            return "blocked"
        except Permanent as exc:
            log.warning("practice prompt %s cannot be sent: %s", prompt.id, exc)
            await self.db.run(store.mark_attempt_failed, prompt.id, True)
            return "failed"
        except RetryLater as exc:
            log.info("practice prompt %s left for the next sweep (%s)", prompt.id,
                     exc.__cause__ or "retry later")
            status = await self.db.run(store.mark_attempt_failed, prompt.id, False)
            return "failed" if status == "failed" else "deferred"
        await self.db.run(store.mark_sent, prompt.id, message_id, self.clock())
        return "sent"
