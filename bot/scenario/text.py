"""Pick the text for one language out of a localized scenario value."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any


def localized(value: Any, lang: str, languages: Sequence[str]) -> Any:
    """The value for ``lang``; plain values belong to a single-language scenario."""
    if isinstance(value, dict):
        if lang in value:
            return value[lang]
        return value[languages[0]] if languages and languages[0] in value else next(
            iter(value.values())
        )
    return value


def variants(value: Any, lang: str, languages: Sequence[str]) -> list[str]:
    """Reply variants for ``lang`` as a list (a single text becomes a one-item list)."""
    if value is None:
        return []
    picked = localized(value, lang, languages)
    return list(picked) if isinstance(picked, list) else [picked]


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_LIST_ITEM = re.compile(r"^(?:[-*•·–]|\d{1,2}[.)])\s")


def unwrap(text: str) -> str:
    """Prose as a phone should show it: YAML block texts are wrapped at the author's editor
    width, and those line breaks would reach the learner as ragged lines. A blank line
    (a paragraph) stays, and so does the break before a list item ("- ", "• ", "1. ").
    An indented line is laid out by the author (a table of figures, an address): it keeps
    its own line, and so does the line after it."""
    if "\n" not in text:
        return text
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split(text.strip("\n")):
        lines: list[str] = []
        laid_out = False
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            indented = raw[:1] in (" ", "\t")
            if lines and not indented and not laid_out and not _LIST_ITEM.match(line):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
            laid_out = indented
        paragraphs.append("\n".join(lines))
    return "\n\n".join(p for p in paragraphs if p)


def unwrap_all(data: Any) -> Any:
    """``unwrap`` applied to every text of a parsed scenario file (keys stay as they are)."""
    if isinstance(data, str):
        return unwrap(data)
    if isinstance(data, dict):
        return {key: unwrap_all(value) for key, value in data.items()}
    if isinstance(data, list):
        return [unwrap_all(item) for item in data]
    return data
