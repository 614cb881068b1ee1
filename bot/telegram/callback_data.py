"""Typed button data: every button's meaning is declared once, as a dataclass with a
prefix, and encoded and decoded here.

On the wire a button is ``<prefix>:<field>:<field>…`` (the form the bot has always sent,
so buttons on messages already in learners' chats keep working). ``pack`` refuses data
over Telegram's 64-byte limit instead of letting the API reject the whole message;
``decode`` returns None for anything forged, stale or malformed (unknown prefix, wrong
number of fields, a field of the wrong type, or a value the class's ``check`` refuses),
so a handler never parses button text by hand.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar, TypeVar

from telegram import InlineKeyboardButton

MAX_BYTES = 64  # Telegram's limit on callback_data
MAX_INT = 2**63 - 1

_REGISTRY: dict[str, type[CallbackData]] = {}
T = TypeVar("T", bound="CallbackData")


class CallbackData:
    """Base of every declared button. Subclasses are frozen dataclasses with ``int`` and
    ``str`` fields; only the last field may be a ``str`` that contains a colon."""

    prefix: ClassVar[str]

    def __init_subclass__(cls, prefix: str = "", **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not prefix:
            raise TypeError(f"{cls.__name__} needs a prefix")
        if prefix in _REGISTRY:
            raise TypeError(f"prefix {prefix!r} is declared twice")
        cls.prefix = prefix
        _REGISTRY[prefix] = cls

    def check(self) -> bool:
        """Whether decoded values make sense; False makes the button stale. Ids (fields
        named ``*_id``) are positive; subclasses add their own ranges and choices."""
        return all(getattr(self, name) > 0 for name, kind in _field_types(type(self))
                   if kind == "int" and name.endswith("_id"))

    def pack(self) -> str:
        values = [str(getattr(self, f.name)) for f in dataclasses.fields(self)]  # type: ignore[arg-type]
        data = ":".join([self.prefix, *values])
        if len(data.encode("utf-8")) > MAX_BYTES:
            raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
        return data

    def fits(self) -> bool:
        """Whether this button can be sent (a long scenario id may not fit)."""
        try:
            self.pack()
        except ValueError:
            return False
        return True


def _field_types(cls: type[CallbackData]) -> list[tuple[str, str]]:
    return [(f.name, f.type if isinstance(f.type, str) else f.type.__name__)
            for f in dataclasses.fields(cls)]  # type: ignore[arg-type]


def decode(data: str | None) -> CallbackData | None:
    """The declared button this data stands for, or None (forged, stale or malformed)."""
    if not data or len(data.encode("utf-8")) > MAX_BYTES:
        return None
    cls, rest = _match(data)
    if cls is None:
        return None
    types = _field_types(cls)
    parts = rest.split(":", len(types) - 1) if types else ([rest] if rest else [])
    if len(parts) != len(types):
        return None
    values: dict[str, object] = {}
    for (name, kind), raw in zip(types, parts, strict=True):
        if kind == "int":
            if not raw.isdigit() or int(raw) > MAX_INT:
                return None
            values[name] = int(raw)
        elif not raw:
            return None
        else:
            values[name] = raw
    try:
        decoded = cls(**values)
    except (TypeError, ValueError):
        return None
    return decoded if decoded.check() else None


def _match(data: str) -> tuple[type[CallbackData] | None, str]:
    """The longest declared prefix the data starts with (``tr:r`` and ``tr:rot`` both
    exist), then the rest after its colon."""
    best: type[CallbackData] | None = None
    rest = ""
    for prefix, cls in _REGISTRY.items():
        matches = data == prefix or data.startswith(prefix + ":")
        if matches and (best is None or len(prefix) > len(best.prefix)):
            best, rest = cls, data[len(prefix) + 1:]
    return best, rest


def decode_as(cls: type[T], data: str | None) -> T | None:
    found = decode(data)
    return found if isinstance(found, cls) else None


def button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data.pack())
