"""Bot API error values, shaped exactly like Telegram's so client libraries map them right.

python-telegram-bot turns the HTTP status plus ``description``/``parameters`` into its
exception classes (``BadRequest``, ``Forbidden``, ``RetryAfter`` ...), so these must match the
real service for the bot's error handling to be exercised honestly.
"""

from __future__ import annotations

from typing import Any

BLOCKED_DESCRIPTION = "Forbidden: bot was blocked by the user"


class ApiError(Exception):
    """A Bot API failure that becomes ``{"ok": false, ...}`` with the matching HTTP status."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


def forbidden(detail: str) -> ApiError:
    return ApiError(403, f"Forbidden: {detail}")


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after
    )


def not_found() -> ApiError:
    return ApiError(404, "Not Found")
