"""Reminders a day before an assignment is due, for learners who have not passed it yet,
at their own practice time in their own time zone.

The job claims a reminder (an ``AssignmentReminder`` row) in the same transaction that
decides to send it, and sends after the commit: a restart can never send it twice (at
worst a crash between commit and send loses one reminder, which is the better failure for
a nudge). A reminder whose moment has passed is still sent while the assignment is not
yet due, unless the assignment was set after that moment (the learner was just told).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlmodel import Session

from bot.storage import cohorts as cq
from bot.storage.models import Assignment, CallSession, User
from bot.trainers.dates import zone
from bot.trainers.progress import progress

WINDOW = timedelta(days=2)  # only assignments due within this are looked at


@dataclass
class Reminder:
    user_id: int
    language: str
    assignment: Assignment
    cohort_name: str
    best: int | None


def reminder_moment(due_at: datetime, practice_time: str, tz_name: str) -> datetime:
    """The learner's practice time on the local day before the due day."""
    tz = zone(tz_name)
    due_local = (due_at if due_at.tzinfo else due_at.replace(tzinfo=UTC)).astimezone(tz)
    try:
        hh, mm = (int(x) for x in practice_time.split(":"))
        at = time(hh, mm)
    except ValueError:
        at = time(9, 0)
    return datetime.combine(due_local.date() - timedelta(days=1), at, tzinfo=tz).astimezone(UTC)


def _needs_reminder(user: User, a: Assignment, now: datetime) -> bool:
    moment = reminder_moment(a.due_at, user.practice_time, user.timezone)
    created = a.created_at if a.created_at.tzinfo else a.created_at.replace(tzinfo=UTC)
    due = a.due_at if a.due_at.tzinfo else a.due_at.replace(tzinfo=UTC)
    return not user.blocked and moment <= now < due and created < moment


def claim_due_reminders(s: Session, now: datetime) -> list[Reminder]:
    """Decide and record the reminders to send now (one transaction)."""
    out = []
    candidates = cq.reminder_candidates(s, now, now + WINDOW)
    done = cq.reminded(s, [a.id or 0 for a, _ in candidates])
    for a, data in candidates:
        by_user: dict[int, list[CallSession]] = {}
        for cs in data.sessions:
            by_user.setdefault(cs.user_id, []).append(cs)
        for user, _ in data.members:
            if (a.id, user.id) in done or not _needs_reminder(user, a, now):
                continue
            p = progress(a, by_user.get(user.id, []), data.overrides, now)
            if p.status in ("passed", "failed"):
                continue
            if cq.claim_reminder(s, a.id or 0, user.id):
                out.append(Reminder(user.id, user.language, a, data.cohort.name, p.best))
    return out
