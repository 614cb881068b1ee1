"""The Telegram front end (python-telegram-bot v22). It drives the same engine, scoring and
storage as everything else; the sales method itself never lives in a handler."""

import os

# python-telegram-bot 22 reports time periods (a 429's retry_after) as int for now and
# warns on every one; the next major version makes them timedelta. Our code handles both,
# so we opt in early, as PTB suggests, instead of logging a deprecation per 429.
os.environ.setdefault("PTB_TIMEDELTA", "1")
