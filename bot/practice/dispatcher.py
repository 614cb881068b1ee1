"""The daily-practice dispatcher: claim due prompts, send them within the limits, record.

Transport-free: the caller passes ``send(prompt) -> message id``, which raises
:class:`Blocked`, :class:`RetryLater` or :class:`Permanent`; the Telegram front maps its
errors onto these. The database is the queue (see ``bot.storage.practice``):

1. claim: prompt rows are inserted as ``claimed`` in the transaction that advances each
   learner's ``next_practice_at``;
2. send: every ``claimed`` row is sent, at most ``rate`` a second overall and one a
   second per chat, with backoff for network errors and a global pause on 429;
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

from bot.practice.choice import DrillInfo
from bot.storage import Database
from bot.storage import practice as store
from bot.storage.models import PracticePrompt, utcnow

log = logging.getLogger(__name__)


class Blocked(Exception):
    """The learner blocked the bot (403)."""


class RetryLater(Exception):
    """A passing problem: network trouble, or 429 with ``retry_after`` seconds."""

    def __init__(self, retry_after: float | None = None) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class Permanent(Exception):
    """The request itself is wrong (e.g. the chat does not exist): retrying cannot help."""


SendFn = Callable[[PracticePrompt], Awaitable[int | None]]


class Pacer:
    """Spaces calls at most ``rate`` a second (0 = no limit); ``pause`` holds everyone,
    which is what Telegram's 429 ``retry_after`` asks for (the limit is per bot)."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0

    async def wait(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        slot = max(now, self._next)
        self._next = slot + self.interval
        if slot > now:
            await asyncio.sleep(slot - now)

    def pause(self, seconds: float) -> None:
        self._next = max(self._next, asyncio.get_running_loop().time() + seconds)


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
    rate: float = 30.0  # messages a second overall (Telegram: about 30)
    per_chat_interval: float = 1.0  # seconds between two messages to one chat
    workers: int = 8  # sends in flight at once: enough to fill 30/s at 250 ms latency
    claim_batch: int = 500  # learners per claim transaction
    send_batch: int = 1000  # prompts per round; new due learners are claimed in between
    backoff: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0)
    clock: Callable[[], dt.datetime] = utcnow
    running: Callable[[], bool] = lambda: True
    assignments_for: Callable | None = None  # (session, user_id, now) -> [OpenAssignment]
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False)
    _pacer: Pacer | None = field(default=None, init=False)
    _chat_next: dict[int, float] = field(default_factory=dict, init=False)

    async def sweep(self, now: dt.datetime | None = None) -> SweepResult:
        """One run of the periodic job. ``now`` fixes the clock for claiming (tests)."""
        async with self._lock:
            result = SweepResult()
            if self._pacer is None:
                self._pacer = Pacer(self.rate)
            for _ in range(1000):  # bounded: each round either claims or sends something
                if not self.running():
                    break
                await self._claim(result, now or self.clock())
                batch = await self.db.run(store.pending, now or self.clock(), (),
                                          self.send_batch)
                if not batch:
                    break
                before = result.sent + result.blocked + result.failed
                await self._send_all(batch, result)
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

    async def _send_all(self, batch: Sequence[PracticePrompt], result: SweepResult) -> None:
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

        await asyncio.gather(*(worker() for _ in range(max(1, self.workers))))

    async def _chat_slot(self, chat_id: int) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        slot = max(now, self._chat_next.get(chat_id, 0.0))
        self._chat_next[chat_id] = slot + self.per_chat_interval
        if len(self._chat_next) > 50_000:  # forget chats whose slot is long past
            self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
        if slot > now:
            await asyncio.sleep(slot - now)

    async def _deliver(self, prompt: PracticePrompt) -> str:
        """Send one prompt and record the outcome; returns a SweepResult field name."""
        assert self._pacer is not None and prompt.id is not None
        delays = list(self.backoff)
        while True:
            await self._chat_slot(prompt.user_id)
            await self._pacer.wait()
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
                if exc.retry_after:
                    self._pacer.pause(exc.retry_after)
                if not delays or not self.running():
                    status = await self.db.run(store.mark_attempt_failed, prompt.id, False)
                    return "failed" if status == "failed" else "deferred"
                await asyncio.sleep(max(delays.pop(0), exc.retry_after or 0.0))
                continue
            await self.db.run(store.mark_sent, prompt.id, message_id, self.clock())
            return "sent"
