"""Pick the text for one language out of a localized scenario value."""

from __future__ import annotations

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
