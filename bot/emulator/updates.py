"""The getUpdates queue: update ids, offsets, long polling and allowed_updates.

Semantics follow the Bot API: updates stay until a later call confirms them with
``offset``; a negative offset keeps only the newest ones; ``allowed_updates`` is remembered
and filters updates created afterwards; a second concurrent poll ends the first with 409.
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from bot.emulator.errors import ApiError
from bot.emulator.signals import Signal

# What Telegram delivers when allowed_updates was never set or set to an empty list.
DEFAULT_EXCLUDED = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


class UpdateQueue:
    def __init__(self, max_pending: int = 1000, activity: Signal | None = None) -> None:
        self.max_pending = max_pending
        # fired when a poll opens or updates are confirmed, for those waiting on the bot
        self._activity = activity or Signal()
        self._pending: deque[dict[str, Any]] = deque()
        self._next_id = 1
        self._allowed: list[str] | None = None
        self._signal = Signal()
        self._poll_generation = 0
        self._closed = False
        self.last_request_at: float | None = None
        self._waiting = 0

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    @property
    def polls_waiting(self) -> int:
        """getUpdates requests held open right now, waiting for an update."""
        return self._waiting

    @property
    def allowed_updates(self) -> list[str] | None:
        return self._allowed

    def bot_is_polling(self, within: float = 30.0) -> bool:
        """Whether a bot is connected: a poll is open now or ended moments ago."""
        if self._waiting:
            return True
        last = self.last_request_at
        return last is not None and time.monotonic() - last < within

    def is_allowed(self, kind: str) -> bool:
        if self._allowed:
            return kind in self._allowed
        return kind not in DEFAULT_EXCLUDED

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update of ``kind``; None if allowed_updates filters it out."""
        if not self.is_allowed(kind):
            return None
        update = {"update_id": self._next_id, kind: payload}
        self._next_id += 1
        self._pending.append(update)
        while len(self._pending) > self.max_pending:
            self._pending.popleft()
        self._signal.fire()
        return update

    def drop_pending(self) -> None:
        self._pending.clear()

    def close(self) -> None:
        """Release every waiting poll, e.g. when the server stops."""
        self._closed = True
        self._signal.fire()

    def reopen(self) -> None:
        self._closed = False

    def _confirm(self, offset: int | None) -> None:
        if offset is None:
            return
        if offset < 0:
            while len(self._pending) > -offset:
                self._pending.popleft()
            return
        while self._pending and self._pending[0]["update_id"] < offset:
            self._pending.popleft()

    async def get(
        self,
        offset: int | None,
        limit: int,
        timeout: float,
        allowed_updates: list[str] | None,
    ) -> list[dict[str, Any]]:
        self.last_request_at = time.monotonic()
        if allowed_updates is not None:
            self._allowed = list(allowed_updates)
        before = len(self._pending)
        self._confirm(offset)
        self._poll_generation += 1
        generation = self._poll_generation
        self._signal.fire()  # an older poll still waiting learns it was superseded
        deadline = time.monotonic() + timeout
        self._waiting += 1
        if before != len(self._pending) or self._waiting == 1:
            self._activity.fire()
        try:
            while True:
                if generation != self._poll_generation:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; "
                        "make sure that only one bot instance is running",
                    )
                if self._pending or self._closed:
                    return list(self._pending)[:limit]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                await self._signal.wait(remaining)
        finally:
            self._waiting -= 1
            self.last_request_at = time.monotonic()
