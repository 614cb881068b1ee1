"""Split long HTML texts into messages Telegram accepts (4,096 characters each)."""

from __future__ import annotations

import re

LIMIT = 4096
_TAG = re.compile(r"<[^>]+>")


def split_html(text: str, limit: int = LIMIT) -> list[str]:
    """Cut at paragraph breaks, then line breaks, then spaces, never inside a line's tags.

    Our texts open and close their tags on the same line, so cutting between lines keeps
    every part valid HTML; a single line longer than the limit loses its tags instead.
    """
    parts: list[str] = []
    current = ""
    for block in _pieces(text, limit):
        candidate = f"{current}\n{block}" if current else block
        if len(candidate) <= limit:
            current = candidate
        else:
            if current:
                parts.append(current)
            current = block
    if current:
        parts.append(current)
    return [p.strip("\n") for p in parts if p.strip()] or [""]


def _pieces(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    for line in text.split("\n"):
        if len(line) <= limit:
            pieces.append(line)
            continue
        plain = _TAG.sub("", line)
        while len(plain) > limit:
            cut = plain.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            pieces.append(plain[:cut])
            plain = plain[cut:].lstrip()
        pieces.append(plain)
    return pieces
