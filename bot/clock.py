"""The one wall clock every layer reads, so handlers need not import storage for it."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
