"""Daily practice: the dispatcher job, drill prompts, streaks and the weekly summary."""

from __future__ import annotations

from telegram.ext import Application


def register(app: Application) -> None:
    """Add the practice handlers and jobs (called before the bot's catch-all handlers)."""
