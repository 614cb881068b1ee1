"""The Telegram front end (python-telegram-bot v22). It drives the same engine, scoring and
storage as everything else; the sales method itself never lives in a handler."""
