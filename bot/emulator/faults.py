"""Injected failures, so tests can prove the bot copes with what Telegram does under load.

A fault matches a method (case-insensitive, ``"*"`` for any) and optionally a chat, fires a
limited number of times, and then disappears.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count
from typing import Any

from bot.emulator.errors import BLOCKED_DESCRIPTION, ApiError, too_many_requests

DISCONNECT = "disconnect"
_ids = count(1)

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected failure",
    401: "Unauthorized",
    403: BLOCKED_DESCRIPTION,
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


@dataclass
class Fault:
    """``error`` is an HTTP status (429, 403, 400, 500, ...) or ``"disconnect"``."""

    method: str
    error: int | str = 429
    times: int = 1
    chat_id: int | None = None
    retry_after: int = 1
    description: str | None = None
    id: int = field(default_factory=lambda: next(_ids))

    def __post_init__(self) -> None:
        if self.error != DISCONNECT and not (isinstance(self.error, int) and self.error >= 400):
            raise ValueError(f"error must be an HTTP error status or {DISCONNECT!r}")
        if self.times < 1:
            raise ValueError("times must be at least 1")

    @property
    def disconnects(self) -> bool:
        return self.error == DISCONNECT

    def matches(self, method: str, chat_id: int | None) -> bool:
        if self.method != "*" and self.method.lower() != method.lower():
            return False
        return self.chat_id is None or self.chat_id == chat_id

    def to_error(self) -> ApiError:
        if self.error == 429:
            return too_many_requests(self.retry_after)
        assert isinstance(self.error, int)
        description = self.description or _DEFAULT_DESCRIPTIONS.get(self.error, "Injected error")
        return ApiError(self.error, description)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "method": self.method,
            "error": self.error,
            "times": self.times,
            "chat_id": self.chat_id,
            "retry_after": self.retry_after,
            "description": self.description,
        }


class FaultInjector:
    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        self._faults.append(fault)
        return fault

    def take(self, method: str, chat_id: int | None) -> Fault | None:
        """The first matching fault, used up by one; None when the call should go through."""
        for fault in self._faults:
            if fault.matches(method, chat_id):
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def clear(self) -> None:
        self._faults.clear()

    def active(self) -> list[Fault]:
        return list(self._faults)
