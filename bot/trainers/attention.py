"""Who needs attention: the learners a trainer should look at before it is too late, the
reminders that go out tomorrow, and the optional daily digest of both.

A learner needs attention for an assignment they have not passed when they:

- ``failed``: used up the attempts of a part without passing it;
- ``past_due``: let the due moment pass without a pass;
- ``last_attempt``: have one attempt left at a part they tried and did not pass yet;
- ``due_soon``: it is due within ``DUE_SOON``;
- ``not_started``: made no attempt although half the time from setting to due has gone.

The digest goes to a trainer once per local day at their own practice time, for the
cohorts where they switched it on, and only when something needs attention or reminders
go out the next day (an empty message every morning teaches a trainer to ignore it). It is
claimed in the transaction that builds it and sent after the commit, like the reminders:
a restart never sends it twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from sqlmodel import Session

from bot.storage import cohorts as cq
from bot.storage.cohorts import CohortData
from bot.storage.models import Assignment, Cohort, User
from bot.trainers.cohort_report import display_names
from bot.trainers.dates import local, zone
from bot.trainers.progress import Progress, attempts_left, progress
from bot.trainers.reminders import planned

REASONS = ("failed", "past_due", "last_attempt", "due_soon", "not_started")  # worst first
DUE_SOON = timedelta(hours=48)
PAST_DUE_FOR = timedelta(days=14)  # older misses are history, not something to act on


@dataclass
class Flag:
    """One learner and one assignment that needs attention, and why."""

    assignment: Assignment
    reasons: tuple[str, ...]
    progress: Progress
    left: int  # attempts left at the part with the fewest (not yet passed)


@dataclass
class Learner:
    user: User
    name: str
    flags: list[Flag] = field(default_factory=list)

    @property
    def rank(self) -> int:
        return min(REASONS.index(f.reasons[0]) for f in self.flags)


@dataclass
class Upcoming:
    name: str
    assignment: Assignment
    at: datetime


@dataclass
class Attention:
    cohort: Cohort
    learners: list[Learner]  # the most urgent first
    members: int
    tomorrow: list[Upcoming] = field(default_factory=list)


def reasons(a: Assignment, p: Progress, now: datetime) -> tuple[tuple[str, ...], int]:
    """Why this learner's progress on this assignment needs attention (empty: it does
    not), and the fewest attempts left at a part not passed yet."""
    open_parts = [sid for sid in a.scenario_ids
                  if not any(at.scenario_id == sid and at.score >= a.pass_mark
                             for at in p.counted)]
    left = min((attempts_left(a, p, sid) for sid in open_parts), default=0)
    due, created = _aware(a.due_at), _aware(a.created_at)
    if p.status == "passed":
        return (), left
    if p.status == "failed":
        return ("failed",), left
    if p.status == "past_due":
        return (("past_due",) if now - due <= PAST_DUE_FOR else ()), left
    out = []
    tried = {at.scenario_id for at in p.counted}
    if left == 1 and any(sid in tried for sid in open_parts):
        out.append("last_attempt")
    if due - now <= DUE_SOON:
        out.append("due_soon")
    if p.status == "not_started" and (now - created >= (due - created) / 2 or out):
        out.append("not_started")
    return tuple(out), left


def cohort_attention(data: CohortData, now: datetime, tz_name: str,
                     done: set[tuple[int, int]]) -> Attention:
    """The cohort's learners who need attention, and tomorrow's reminders (the trainer's
    tomorrow, in ``tz_name``)."""
    names = display_names([u for u, _ in data.members])
    learners = []
    for user, _ in data.members:
        mine = [cs for cs in data.sessions if cs.user_id == user.id]
        entry = Learner(user, names.get(user.id, user.first_name))
        for a in data.assignments:
            p = progress(a, mine, data.overrides, now)
            why, left = reasons(a, p, now)
            if why:
                entry.flags.append(Flag(a, why, p, left))
        if entry.flags:
            learners.append(entry)
    learners.sort(key=lambda e: (e.rank, e.name.lower()))
    start, end = tomorrow_span(now, tz_name)
    upcoming = [Upcoming(names.get(u.id, u.first_name), a, at)
                for u, a, at in planned(data, done, start, end, now)]
    return Attention(data.cohort, learners, len(data.members), upcoming)


def tomorrow_span(now: datetime, tz_name: str) -> tuple[datetime, datetime]:
    """Tomorrow from midnight to midnight in the trainer's time zone, in UTC."""
    tz = zone(tz_name)
    day = now.astimezone(tz).date() + timedelta(days=1)
    return (datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC),
            datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC))


def for_cohort(s: Session, trainer_id: int, cohort_id: int, now: datetime, tz_name: str
               ) -> Attention | None:
    """The view of one of the trainer's own cohorts (None: not theirs)."""
    cohort = cq.own_cohort(s, trainer_id, cohort_id)
    return _build(s, cohort, now, tz_name) if cohort is not None else None


def for_trainer(s: Session, trainer_id: int, now: datetime, tz_name: str) -> list[Attention]:
    """Every cohort of the trainer, newest first."""
    return [_build(s, cohort, now, tz_name) for cohort, _ in cq.trainer_cohorts(s, trainer_id)]


def _build(s: Session, cohort: Cohort, now: datetime, tz_name: str) -> Attention:
    data = cq.cohort_data(s, cohort)
    return cohort_attention(data, now, tz_name,
                            cq.reminded(s, [a.id or 0 for a in data.assignments]))


@dataclass
class Digest:
    trainer: User
    cohorts: list[Attention]


def digest_moment(trainer: User, now: datetime) -> datetime:
    """The trainer's practice time today, in their own time zone."""
    tz = zone(trainer.timezone)
    try:
        hh, mm = (int(x) for x in trainer.practice_time.split(":"))
        at = time(hh, mm)
    except ValueError:
        at = time(9, 0)
    return datetime.combine(now.astimezone(tz).date(), at, tzinfo=tz).astimezone(UTC)


def claim_digests(s: Session, now: datetime) -> list[Digest]:
    """The digests to send now, each claimed for the trainer's local day (one
    transaction). A day whose digest has nothing to say is claimed too, and stays quiet."""
    out = []
    for trainer, cohorts in cq.digest_cohorts(s):
        if trainer.blocked or now < digest_moment(trainer, now):
            continue
        if not cq.claim_digest(s, trainer.id, local(now, trainer.timezone).date()):
            continue
        views = [_build(s, c, now, trainer.timezone) for c in cohorts]
        views = [v for v in views if v.learners or v.tomorrow]
        if views:
            out.append(Digest(trainer, views))
    return out


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
