"""Logging for the running bot. The token must never reach a log: httpx logs every request
URL at INFO, and the Bot API puts the token in the URL."""

from __future__ import annotations

import logging

QUIET = ("httpx", "httpcore", "apscheduler", "aiohttp.access")


class RedactToken(logging.Filter):
    """Replaces the token in every record, whichever library wrote it."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        redacted = message
        for secret in self.secrets:
            redacted = redacted.replace(secret, "<token>")
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def setup_logging(level: int = logging.INFO, secrets: list[str] | None = None) -> None:
    """Plain timestamped logs on stderr, chatty libraries at WARNING, secrets redacted."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    redact = RedactToken(secrets or [])
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
