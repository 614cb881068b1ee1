"""Buyer answers on their way out: a turn is committed before its answer is sent, so an
answer the process or the network lost is found again and sent late (the outbox)."""

from __future__ import annotations

from sqlmodel import Session

from bot.storage import queries as q

unsent = q.unsent_replies  # (user id, turn, language), oldest first
mark_sent = q.mark_reply_sent
mark_all_sent = q.mark_replies_sent  # one statement for a batch (``SentMarks``)


def deliverable(s: Session, user_id: int, session_id: int) -> str | None:
    """The scenario id of a late answer's call, or None when it cannot go out: the person
    is gone or blocked the bot, or the attempt was erased."""
    user = q.get_user(s, user_id)
    row = q.get_session(s, session_id)
    if user is None or user.blocked or row is None:
        return None
    return row.scenario_id
