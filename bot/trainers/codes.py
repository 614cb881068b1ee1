"""Join codes for cohort links (``https://t.me/<bot>?start=join_<code>``).

Telegram allows 64 characters of ``[A-Za-z0-9_-]`` in a start payload; ``join_`` plus 22
url-safe characters (128 random bits from ``secrets``) fits easily and cannot be guessed.
"""

from __future__ import annotations

import re
import secrets

CODE_BYTES = 16
CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,60}$")


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def join_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start=join_{code}"


def looks_like_code(text: str) -> bool:
    return bool(CODE_PATTERN.match(text))
