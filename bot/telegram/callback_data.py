"""Typed button data: every button's meaning is declared once, as a dataclass with a
prefix, and encoded and decoded here.

On the wire a button is ``<prefix>:<field>:<field>…`` (the form the bot has always sent,
so buttons on messages already in learners' chats keep working). A prefix may be declared
once per number of fields (``set:tz`` asks for a zone, ``set:tz:<i>`` picks one). ``pack``
refuses data over Telegram's 64-byte limit instead of letting the API reject the whole
message; ``decode`` returns None for anything forged, stale or malformed (unknown prefix,
wrong number of fields, a field of the wrong type, or a value the class's ``check``
refuses), so a handler never parses button text by hand. Handlers are registered with a
class's ``matches`` as python-telegram-bot's ``pattern`` and read the button with ``of``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import ClassVar, TypeVar

from telegram import InlineKeyboardButton, Update

MAX_BYTES = 64  # Telegram's limit on callback_data
MAX_INT = 2**63 - 1
SCENARIO_ID = re.compile(r"[\w-]+")

# prefix -> number of fields -> the class declared for it
_REGISTRY: dict[str, dict[int, type[CallbackData]]] = {}
T = TypeVar("T", bound="CallbackData")


class CallbackData:
    """Base of every declared button. Subclasses are frozen dataclasses with ``int`` and
    ``str`` fields; only the last field may be a ``str`` that contains a colon."""

    prefix: ClassVar[str]

    def __init_subclass__(cls, prefix: str = "", **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not prefix:
            raise TypeError(f"{cls.__name__} needs a prefix")
        cls.prefix = prefix
        # the fields exist only once @dataclass has run, so the arity is checked on first use
        _REGISTRY.setdefault(prefix, {})
        _PENDING.append(cls)

    def check(self) -> bool:
        """Whether decoded values make sense; False makes the button stale. Ids (fields
        named ``*_id``) are positive and scenario ids are words and dashes; subclasses add
        their own ranges and choices."""
        for name, kind in _field_types(type(self)):
            value = getattr(self, name)
            if kind == "int" and name.endswith("_id") and value <= 0:
                return False
            if name == "scenario_id" and not SCENARIO_ID.fullmatch(value):
                return False
        return True

    def pack(self) -> str:
        values = [str(getattr(self, name)) for name, _ in _field_types(type(self))]
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

    @classmethod
    def matches(cls, data: object) -> bool:
        """python-telegram-bot's ``pattern`` for this button: the data decodes to it."""
        return isinstance(data, str) and isinstance(decode(data), cls)

    @classmethod
    def of(cls: type[T], update: Update) -> T:
        """The pressed button, for a handler registered with ``pattern=cls.matches``."""
        found = pressed(update)
        if not isinstance(found, cls):
            raise TypeError(f"a {cls.__name__} handler was called for another button")
        return found


_PENDING: list[type[CallbackData]] = []


def _field_types(cls: type[CallbackData]) -> list[tuple[str, str]]:
    return [(f.name, f.type if isinstance(f.type, str) else f.type.__name__)
            for f in dataclasses.fields(cls)]  # type: ignore[arg-type]


def _registered() -> dict[str, dict[int, type[CallbackData]]]:
    """The registry, with the classes declared since the last call placed by arity."""
    while _PENDING:
        cls = _PENDING.pop(0)
        arity = len(_field_types(cls))
        by_arity = _REGISTRY[cls.prefix]
        if arity in by_arity:
            raise TypeError(f"prefix {cls.prefix!r} with {arity} fields is declared twice")
        by_arity[arity] = cls
    return _REGISTRY


def declared() -> list[type[CallbackData]]:
    """Every declared button class (the tests check each one round-trips)."""
    return [cls for by_arity in _registered().values() for cls in by_arity.values()]


def decode(data: str | None) -> CallbackData | None:
    """The declared button this data stands for, or None (forged, stale or malformed)."""
    if not data or len(data.encode("utf-8")) > MAX_BYTES:
        return None
    prefix = _longest_prefix(data)
    if prefix is None:
        return None
    rest = data[len(prefix) + 1:] if len(data) > len(prefix) else None
    for arity, cls in sorted(_REGISTRY[prefix].items()):
        decoded = _decode_fields(cls, arity, rest)
        if decoded is not None:
            return decoded
    return None


def _decode_fields(cls: type[CallbackData], arity: int, rest: str | None) -> CallbackData | None:
    if rest is None or arity == 0:
        return cls() if rest is None and arity == 0 and cls().check() else None
    types = _field_types(cls)
    parts = rest.split(":", arity - 1)
    if len(parts) != arity:
        return None
    values: dict[str, object] = {}
    for (name, kind), raw in zip(types, parts, strict=True):
        if kind == "int":
            if not raw.isdigit() or not raw.isascii() or int(raw) > MAX_INT:
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


def _longest_prefix(data: str) -> str | None:
    """The longest declared prefix the data starts with (``tr:r`` and ``tr:rot`` both
    exist), ending at a colon or at the end of the data."""
    best: str | None = None
    for prefix in _registered():
        if (data == prefix or data.startswith(prefix + ":")) and \
                (best is None or len(prefix) > len(best)):
            best = prefix
    return best


def pressed(update: Update) -> CallbackData | None:
    """The button pressed in this update, decoded; None for anything forged or stale."""
    query = update.callback_query
    return decode(query.data if query is not None else None)


def button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data.pack())
