"""Texts shown to users, per language, from ``bot/i18n/<lang>.yaml``."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

I18N_DIR = Path(__file__).resolve().parent
LANGUAGES = ("nl", "en")


@cache
def _catalog(lang: str) -> dict[str, Any]:
    return yaml.safe_load((I18N_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))


def t(lang: str, key: str, **values: Any) -> str:
    """The text at a dotted key, formatted; falls back to English, then to the key."""
    for candidate in (lang, "en"):
        node: Any = _catalog(candidate if candidate in LANGUAGES else "en")
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, str):
            return node.format(**values) if values else node
    return key
