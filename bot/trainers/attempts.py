"""Whose grade book an attempt is in, and the trainer's override of it.

An attempt belongs to the trainer whose assignment it counts for (``progress.counts_for``):
the one assignment it was started for (``bot.trainers.mine`` says which, before the start),
so to that assignment's trainer only; free practice (the picker, a drill, the daily prompt)
counts for no assignment and is in nobody's book. Viewing a transcript and
overriding a score both go through ``owned_attempt``, so a trainer who shares a learner
with a colleague never sees or changes the colleague's grades. Use cases: each runs
inside ``Database.run``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from bot.storage import cohorts as cq
from bot.storage.models import Assignment, CallSession, ScoreOverride, User
from bot.trainers.progress import counts_for


@dataclass
class OwnedAttempt:
    session: CallSession
    learner: User
    override: ScoreOverride | None  # this trainer's current correction, if any
    history: list[tuple[ScoreOverride, str]] = field(default_factory=list)  # with author
    number: int = 1  # the learner's attempt number, as the trainer's report counts it
    assignment: Assignment | None = None  # the trainer's assignment it counts for


def owned_attempt(s: Session, trainer_id: int, session_id: int) -> OwnedAttempt | None:
    """The attempt when it is in this trainer's grade book; None for "not yours" and for
    "does not exist" alike."""
    found = cq.attempt_candidates(s, trainer_id, session_id)
    if found is None:
        return None
    row, user, assignments = found
    counted_for = [a for a in assignments if counts_for(a, row)]
    if not counted_for:
        return None
    history = cq.override_history(s, trainer_id, session_id)
    return OwnedAttempt(row, user, history[-1][0] if history else None, history,
                        _number(s, row, counted_for[0]), counted_for[0])


def _number(s: Session, row: CallSession, assignment: Assignment) -> int:
    """Which of the learner's scored attempts at this scenario for this assignment it is
    (in the order the report counts them), not a database id."""
    earlier = [cs for cs in cq.scored_attempts(s, row.user_id, row.scenario_id)
               if counts_for(assignment, cs) and (cs.started_at, cs.id or 0)
               < (row.started_at, row.id or 0)]
    return len(earlier) + 1


def override(s: Session, trainer_id: int, session_id: int, score: int, reason: str
             ) -> OwnedAttempt | None:
    """Correct the score of a scored attempt the trainer owns; earlier corrections stay
    in its history (``override.previous`` is the score this one replaces)."""
    owned = owned_attempt(s, trainer_id, session_id)
    if owned is None or owned.session.score is None:
        return None
    owned.override = cq.save_override(s, trainer_id, owned.session, score, reason)
    owned.history = cq.override_history(s, trainer_id, session_id)
    return owned
