"""A person's own stored row: who they are, their language and settings, their role.

Transport-free use cases: front ends call these inside ``Database.run`` and never the
storage queries behind them (``tests/telegram/test_layers.py`` keeps it so). Most are the
query itself, named for what a front end does with it.
"""

from __future__ import annotations

from sqlmodel import Session

from bot.storage import cohorts as cq
from bot.storage import queries as q
from bot.storage.models import User

touch = q.touch_user  # create or refresh the person; (user, came back after blocking)
get = q.get_user
mark_blocked = q.mark_blocked  # they blocked the bot: send nothing until they write again
stored_role = cq.stored_role
set_role = cq.set_role  # an admin promotes or demotes someone who has used the bot
staff = cq.staff  # trainers and admins: they get the trainer command menu
audience = cq.audience  # whose private scenarios this person may play (their trainers')
set_hide_name = cq.set_hide_name  # leaderboards show them anonymously or by name


def set_awaiting(s: Session, user_id: int, what: str | None) -> User | None:
    """Which typed answer the bot waits for from this person (None: none)."""
    return q.update_user(s, user_id, awaiting=what)


def choose_language(s: Session, user_id: int, language: str) -> User | None:
    """A language the person chose themselves: it no longer follows their Telegram app."""
    return q.update_user(s, user_id, language=language, language_chosen=True)


def set_student_number(s: Session, user_id: int, value: str | None) -> User | None:
    return q.update_user(s, user_id, student_number=value)
