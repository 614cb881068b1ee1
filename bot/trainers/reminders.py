"""Reminders a day before an assignment is due, for learners who have not passed it yet,
at their own practice time in their own time zone.

The job claims a reminder (an ``AssignmentReminder`` row) in the same transaction that
decides to send it, and sends after the commit: a restart can never send it twice (at
worst a crash between commit and send loses one reminder, which is the better failure for
a nudge). A reminder whose moment has passed is still sent while the assignment is not
yet due. Work set after the usual moment (less than a day before it is due) is still
reminded of: at the practice time on the due day when that comes at least an hour after it
was set, otherwise halfway between setting and due (moved out of the night when it can be).
A learner the trainer gave a later due moment of their own (``/assign extend``) is reminded
before *their* due moment, with that date, and one given an extra attempt after failing is
reminded again like anyone who has not finished (one reminder per learner and assignment).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlmodel import Session

from bot.storage import cohorts as cq
from bot.storage.cohorts import CohortData
from bot.storage.models import Assignment, AssignmentException, CallSession, User
from bot.trainers.dates import zone
from bot.trainers.progress import progress

WINDOW = timedelta(days=2)  # only assignments due within this are looked at
LATE_GAP = timedelta(hours=1)  # a reminder right after the "new assignment" notice is noise
NIGHT_START, NIGHT_END = time(22, 0), time(7, 0)
DONE = ("passed", "failed")  # nothing left to remind of


@dataclass
class Reminder:
    user_id: int
    language: str
    assignment: Assignment
    cohort_name: str
    best: int | None
    due_at: datetime | None = None  # this learner's due moment (extended or not)


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


def reminder_at(a: Assignment, user: User, due_at: datetime | None = None) -> datetime:
    """When this learner is reminded of this assignment (see the module's rules);
    ``due_at``: the learner's own due moment when the trainer extended it."""
    created, due = _aware(a.created_at), _aware(due_at or a.due_at)
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


def _needs_reminder(user: User, a: Assignment, due: datetime, now: datetime) -> bool:
    return not user.blocked and reminder_at(a, user, due) <= now < due


def _own(data: CohortData, a: Assignment, user: User
         ) -> tuple[datetime, AssignmentException | None]:
    """The learner's due moment for ``a`` and what the trainer granted them."""
    granted = data.exceptions.get((a.id or 0, user.id or 0))
    return _aware(granted.due_at if granted and granted.due_at else a.due_at), granted


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def planned(data: CohortData, done: set[tuple[int, int]], start: datetime, end: datetime,
            now: datetime) -> list[tuple[User, Assignment, datetime]]:
    """The reminders this cohort's job will send between ``start`` and ``end`` as things
    stand now (a learner who passes first gets none): the trainer's preview."""
    out = []
    for a in data.assignments:
        for user, _ in data.members:
            due, granted = _own(data, a, user)
            moment = reminder_at(a, user, due)
            if due <= now or (a.id, user.id) in done or user.blocked \
                    or not start <= moment < end or moment >= due:
                continue
            mine = [cs for cs in data.sessions if cs.user_id == user.id]
            if progress(a, mine, data.overrides, now, granted).status not in DONE:
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
            due, granted = _own(data, a, user)
            if (a.id, user.id) in done or not _needs_reminder(user, a, due, now):
                continue
            p = progress(a, by_user.get(user.id, []), data.overrides, now, granted)
            if p.status in DONE:
                continue
            if cq.claim_reminder(s, a.id or 0, user.id):
                out.append(Reminder(user.id, user.language, a, data.cohort.name, p.best, due))
    return out
