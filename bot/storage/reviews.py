"""Queries for the review queue: a trainer's comments on attempts and the attempts they
marked reviewed. Each takes an open session (``Database.run``); whose grade book an
attempt is in is decided by ``bot.trainers.attempts`` before any of these is reached."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.storage.models import AttemptReview, CallSession, ReviewComment, utcnow

CHUNK = 500


def reviewed(s: Session, trainer_id: int, session_ids: list[int]) -> dict[int, datetime]:
    """Of these attempts, the ones this trainer marked reviewed, with when."""
    out: dict[int, datetime] = {}
    for i in range(0, len(session_ids), CHUNK):
        chunk = session_ids[i:i + CHUNK]
        for row in s.exec(select(AttemptReview)
                          .where(AttemptReview.trainer_id == trainer_id,
                                 col(AttemptReview.session_id).in_(chunk))):
            out[row.session_id] = row.at
    return out


def comment_counts(s: Session, trainer_id: int, session_ids: list[int]) -> dict[int, int]:
    """How many comments this trainer wrote on each of these attempts (the export)."""
    out: dict[int, int] = {}
    for i in range(0, len(session_ids), CHUNK):
        chunk = session_ids[i:i + CHUNK]
        for sid, n in s.exec(select(ReviewComment.session_id, func.count())
                             .where(ReviewComment.trainer_id == trainer_id,
                                    col(ReviewComment.session_id).in_(chunk))
                             .group_by(col(ReviewComment.session_id))):
            out[sid] = int(n)
    return out


def mark_reviewed(s: Session, trainer_id: int, session_id: int) -> AttemptReview:
    """Idempotent: a second press keeps the first moment."""
    row = s.get(AttemptReview, (session_id, trainer_id))
    if row is None:
        row = AttemptReview(session_id=session_id, trainer_id=trainer_id, at=utcnow())
        s.add(row)
        s.flush()
    return row


def add_comment(s: Session, comment: ReviewComment) -> ReviewComment:
    s.add(comment)
    s.flush()
    return comment


def comments(s: Session, trainer_id: int, session_id: int) -> list[ReviewComment]:
    """This trainer's comments on one attempt, oldest first."""
    return list(s.exec(select(ReviewComment)
                       .where(ReviewComment.session_id == session_id,
                              ReviewComment.trainer_id == trainer_id)
                       .order_by(col(ReviewComment.at), col(ReviewComment.id))))


def learner_comment(s: Session, user_id: int, comment_id: int
                    ) -> tuple[ReviewComment, CallSession] | None:
    """A comment on one of this learner's own attempts, with the attempt; else None."""
    comment = s.get(ReviewComment, comment_id)
    row = s.get(CallSession, comment.session_id) if comment is not None else None
    if comment is None or row is None or row.user_id != user_id:
        return None
    return comment, row


def attempted_since(s: Session, user_id: int, scenario_id: str, since: datetime) -> bool:
    """Whether the learner started the scenario again after ``since``."""
    return s.exec(select(CallSession.id).where(
        CallSession.user_id == user_id, CallSession.scenario_id == scenario_id,
        col(CallSession.started_at) > since).limit(1)).first() is not None
