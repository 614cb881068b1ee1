"""Translated text for Telegram's HTML parse mode, usable by any transport-free module
that renders a message (``bot.trainers.views``) without importing Telegram code."""

from __future__ import annotations

from html import escape

from bot.i18n import t


def h(value: object) -> str:
    return escape(str(value), quote=False)


def tr(lang: str, key: str, **values: object) -> str:
    """A translated text with its placeholders HTML-escaped."""
    return t(lang, key, **{k: h(v) for k, v in values.items()})
