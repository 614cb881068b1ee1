"""Texts shown to users, per language, from ``bot/i18n/<lang>.yaml`` plus one file per area
(``<area>.<lang>.yaml``, e.g. ``trainer.nl.yaml``), merged into one catalog per language.

A text agrees with a number by ``{name|one|other}``: ``"{count} {count|turn|turns} left"``
reads "1 turn left" and "3 turns left"; Dutch and English both have just these two forms."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

I18N_DIR = Path(__file__).resolve().parent
LANGUAGES = ("nl", "en")
_PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
    return into


@cache
def _catalog(lang: str) -> dict[str, Any]:
    catalog: dict[str, Any] = {}
    for path in [I18N_DIR / f"{lang}.yaml", *sorted(I18N_DIR.glob(f"*.{lang}.yaml"))]:
        _merge(catalog, yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return catalog


def catalog(lang: str) -> dict[str, Any]:
    """The whole merged catalog of one language (for checks and tests)."""
    return _catalog(lang)


def word_list(lang: str, key: str) -> list[str]:
    """A list from the translation files (weekday names), falling back to English."""
    for candidate in (lang, "en"):
        node: Any = _catalog(candidate if candidate in LANGUAGES else "en")
        for part in key.split("."):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        if isinstance(node, list):
            return [str(x) for x in node]
    raise KeyError(key)


def t(lang: str, key: str, **values: Any) -> str:
    """The text at a dotted key, formatted; falls back to English, then to the key."""
    for candidate in (lang, "en"):
        node: Any = _catalog(candidate if candidate in LANGUAGES else "en")
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, str):
            return _PLURAL.sub(lambda m: _form(m, values), node).format(**values) \
                if values else node
    return key


def _form(match: re.Match[str], values: dict[str, Any]) -> str:
    """The singular for exactly 1 (also "1" from an already escaped value), else plural."""
    name, one, other = match.groups()
    try:
        return one if int(str(values.get(name))) == 1 else other
    except ValueError:
        return other
