"""Trainer and admin commands: cohorts, assignments, reports, their own scenarios."""

from __future__ import annotations

from telegram.ext import Application


def register(app: Application) -> None:
    """Add the trainer handlers (called before the bot's catch-all handlers)."""
