"""What a trainer hears about their cohorts without asking: a learner joined, or a learner
completed an assignment (passed it, or used up the attempts without passing). A trainer
switches this off per cohort (``Cohort.notify``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.storage import cohorts as cq
from bot.storage import queries as q
from bot.storage.models import Assignment, CallSession, Cohort, User
from bot.trainers.cohort_report import display_names
from bot.trainers.progress import counts_for, progress

DONE = ("passed", "failed")


@dataclass
class Notice:
    trainer: User
    cohort: Cohort
    learner_name: str
    assignment: Assignment | None = None  # None: a join
    status: str = ""
    best: int | None = None
    members: int = 0


def joined(s: Session, cohort_id: int, user_id: int) -> Notice | None:
    """The notice for a learner who just joined, unless the trainer switched them off."""
    cohort = s.get(Cohort, cohort_id)
    trainer = s.get(User, cohort.trainer_id) if cohort is not None else None
    if cohort is None or trainer is None or not cohort.notify or trainer.blocked:
        return None
    members = cq.members(s, cohort_id)
    names = display_names([u for u, _ in members])
    return Notice(trainer, cohort, names.get(user_id, ""), members=len(members))


def completed(s: Session, session_id: int, now: datetime) -> list[Notice]:
    """The assignments this finished attempt completed: their status became passed or
    failed because of it (a later attempt after a pass completes nothing new)."""
    row = s.get(CallSession, session_id)
    if row is None or row.score is None:
        return []
    out = []
    for cohort, _ in cq.learner_cohorts(s, row.user_id):
        if not cohort.notify:
            continue
        data = cq.cohort_data(s, cohort, [row.user_id])
        for a in data.assignments:
            if not counts_for(a, row):
                continue
            after = progress(a, data.sessions, data.overrides, now)
            before = progress(a, [cs for cs in data.sessions if cs.id != session_id],
                              data.overrides, now)
            if after.status in DONE and after.status != before.status:
                trainer = q.get_user(s, cohort.trainer_id)
                if trainer is not None and not trainer.blocked:
                    names = display_names([u for u, _ in data.members])
                    out.append(Notice(trainer, cohort, names.get(row.user_id, ""), a,
                                      after.status, after.best))
    return out
