"""Logging for the running bot, with the token kept out of every log line and the terminal.

The Bot API puts the token in every request URL, and a URL reaches the output by many
paths: log messages (httpx/aiohttp log requests), exception texts and the tracebacks of
their causes (a malformed ``BOT_API_BASE_URL`` makes aiohttp raise with the whole URL),
warnings, and exceptions nobody caught, which Python prints to stderr itself. So the
secrets are replaced on two levels: every record a log handler writes (message, traceback
and stack), and everything written to stdout and stderr.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from typing import Any, TextIO

QUIET = ("httpx", "httpcore", "apscheduler", "aiohttp.access", "alembic.runtime.plugins")
MASK = "<token>"
# A Telegram token's secret half only holds these characters, so it looks the same
# percent-encoded; it is masked on its own as well as together with the bot id.
_SECRET_HALF = re.compile(r"^\d+:([A-Za-z0-9_-]{8,})$")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class Redactor:
    """Replaces each secret (and a token's secret half) in a text with ``<token>``."""

    def __init__(self, secrets: Iterable[str]) -> None:
        parts: set[str] = set()
        for secret in secrets:
            if not secret:
                continue
            parts.add(secret)
            half = _SECRET_HALF.match(secret)
            if half:
                parts.add(half.group(1))
        ordered = sorted(parts, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(MASK, text)


class RedactToken(logging.Filter):
    """Masks the secrets in a record's message, traceback and stack, whichever library
    logged it. Attached to handlers, so it sees records from every logger."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.redact = Redactor(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.redact:
            return True
        message = record.getMessage()
        redacted = self.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
            # Formatters that render exc_info themselves would print the raw texts again.
            record.exc_info = None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class RedactingStream:
    """A text stream that masks the secrets in whatever is written to it: the last line
    of defence for output that never passes a log handler (uncaught exceptions in the
    main thread or another one, ``print``)."""

    def __init__(self, stream: TextIO, redact: Redactor) -> None:
        self._stream = stream
        self._redact = redact

    def write(self, text: str) -> int:
        self._stream.write(self._redact(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def parse_level(value: str | int | None) -> int:
    """A level name (any case) or number; ValueError for anything else."""
    if value is None or value == "":
        return logging.INFO
    if isinstance(value, int) or str(value).isdigit():
        return int(value)
    name = str(value).strip().upper()
    if name not in LEVELS:
        raise ValueError(f"unknown log level {value!r} (use one of {', '.join(LEVELS)})")
    level: int = logging.getLevelName(name)
    return level


def setup_logging(level: int | str = logging.INFO, secrets: Iterable[str] = ()) -> None:
    """Plain timestamped logs on stderr, chatty libraries at WARNING (unless DEBUG is asked
    for), warnings through the log, and the secrets masked everywhere."""
    secrets = [s for s in secrets if s]
    redact = Redactor(secrets)
    numeric = parse_level(level)
    if redact:
        for name in ("stdout", "stderr"):
            stream = getattr(sys, name)
            if stream is not None:
                setattr(sys, name, RedactingStream(stream, redact))
    logging.basicConfig(level=numeric,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(numeric)
    logging.captureWarnings(True)
    mask = RedactToken(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(mask)
    for name in QUIET:
        logging.getLogger(name).setLevel(
            logging.NOTSET if numeric <= logging.DEBUG else max(numeric, logging.WARNING))
