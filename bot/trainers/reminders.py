"""Reminders a day before an assignment is due, for learners who have not passed it yet,
at their own practice time in their own time zone.

The job claims a reminder (an ``AssignmentReminder`` row) in the same transaction that
decides to send it, and sends after the commit: a restart can never send it twice (at
worst a crash between commit and send loses one reminder, which is the better failure for
a nudge). A reminder whose moment has passed is still sent while the assignment is not
yet due. Work set after the usual moment (less than a day before it is due) is still
reminded of: at the practice time on the due day when that comes at least an hour after it
was set, otherwise halfway between setting and due (moved out of the night when it can be).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlmodel import Session

from bot.storage import cohorts as cq
from bot.storage.cohorts import CohortData
from bot.storage.models import Assignment, CallSession, User
from bot.trainers.dates import zone
from bot.trainers.progress import progress

WINDOW = timedelta(days=2)  # only assignments due within this are looked at
LATE_GAP = timedelta(hours=1)  # a reminder right after the "new assignment" notice is noise
NIGHT_START, NIGHT_END = time(22, 0), time(7, 0)


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


def reminder_at(a: Assignment, user: User) -> datetime:
    """When this learner is reminded of this assignment (see the module's rules)."""
    created, due = _aware(a.created_at), _aware(a.due_at)
    moment = reminder_moment(due, user.practice_time, user.timezone)
    if created < moment:
        return moment
    due_day = reminder_moment(due + timedelta(days=1), user.practice_time, user.timezone)
    if created + LATE_GAP <= due_day < due:
        return due_day
    return _daytime(created + (due - created) / 2, created + LATE_GAP, due, user.timezone)


def _daytime(moment: datetime, earliest: datetime, before: datetime, tz_name: str) -> datetime:
    """Not in the night (22:00–07:00 local): the next morning at 07:00 or else the evening
    before at 21:00, when that still lies between ``earliest`` and ``before``."""
    tz = zone(tz_name)
    at = moment.astimezone(tz)
    if NIGHT_END <= at.time() < NIGHT_START:
        return moment
    day = at.date() if at.time() < NIGHT_END else at.date() + timedelta(days=1)
    for option in (datetime.combine(day, NIGHT_END, tzinfo=tz),
                   datetime.combine(day - timedelta(days=1), time(21, 0), tzinfo=tz)):
        if earliest <= option < before:
            return option.astimezone(UTC)
    return moment


def _needs_reminder(user: User, a: Assignment, now: datetime) -> bool:
    return not user.blocked and reminder_at(a, user) <= now < _aware(a.due_at)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def planned(data: CohortData, done: set[tuple[int, int]], start: datetime, end: datetime,
            now: datetime) -> list[tuple[User, Assignment, datetime]]:
    """The reminders this cohort's job will send between ``start`` and ``end`` as things
    stand now (a learner who passes first gets none): the trainer's preview."""
    out = []
    for a in data.assignments:
        if _aware(a.due_at) <= now:
            continue
        for user, _ in data.members:
            moment = reminder_at(a, user)
            if (a.id, user.id) in done or user.blocked or not start <= moment < end \
                    or moment >= _aware(a.due_at):
                continue
            mine = [cs for cs in data.sessions if cs.user_id == user.id]
            if progress(a, mine, data.overrides, now).status not in ("passed", "failed"):
                out.append((user, a, moment))
    return sorted(out, key=lambda row: (row[2], row[0].first_name.lower()))


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
