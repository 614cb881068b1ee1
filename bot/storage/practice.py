"""Daily-practice queries: claiming due prompts, recording what was sent, schedule changes.

Every function takes an open session and ``now``; ``Database.run`` makes each call one
transaction. The claim writes the prompt row and moves ``next_practice_at`` in that same
transaction, and ``UNIQUE(user_id, kind, due_at)`` makes a second claim of one moment
impossible, so the database itself is the dispatcher's queue: whatever is claimed and not
yet sent is found again after a restart.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.practice.choice import (
    AssignmentsFor,
    Attempt,
    DrillInfo,
    OpenAssignment,
    choose_drill,
)
from bot.practice.plan import kinds_at, plan_due, replan
from bot.practice.schedule import MAX_LATE, PracticeSchedule, parse_time
from bot.practice.streaks import StreakInfo, local_days, streak
from bot.storage.models import CallSession, PracticePrompt, User

PASS_MARK = 60  # a drill scored at least this is passed and leaves spaced repetition
HISTORY_DAYS = 120  # drill attempts older than this no longer steer the choice
MAX_ATTEMPTS = 5  # sends that failed for a passing reason before a prompt is given up


def _time(value: str | None, default: dt.time | None) -> dt.time | None:
    parsed = parse_time(value) if value else None
    return parsed or default


def schedule_of(user: User) -> PracticeSchedule:
    """The learner's stored settings as a schedule; damaged values fall back to defaults."""
    quiet_start, quiet_end = _time(user.quiet_start, None), _time(user.quiet_end, None)
    if quiet_start is None or quiet_end is None:
        quiet_start = quiet_end = None
    return PracticeSchedule(
        time=_time(user.practice_time, dt.time(9, 0)) or dt.time(9, 0),
        days=frozenset(int(c) for c in user.practice_days if c in "0123456"),
        timezone=user.timezone or "Europe/Amsterdam",
        paused=user.practice_paused,
        quiet_start=quiet_start,
        quiet_end=quiet_end,
    )


# -- history -------------------------------------------------------------------------------


def drill_attempts(s: Session, user_id: int, now: dt.datetime) -> list[Attempt]:
    """Scored drills of the last HISTORY_DAYS, as the choice and the streak need them."""
    rows = s.exec(
        select(CallSession.scenario_id, CallSession.ended_at, CallSession.score)
        .where(CallSession.user_id == user_id, CallSession.kind == "drill",
               col(CallSession.score).is_not(None),
               col(CallSession.ended_at) >= now - dt.timedelta(days=HISTORY_DAYS))
    ).all()
    return [Attempt(sid, _aware(at), int(score), int(score) >= PASS_MARK)
            for sid, at, score in rows if at is not None and score is not None]


def _aware(at: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; everything we store is UTC.
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


def last_prompt_due(s: Session, user_id: int) -> dt.datetime | None:
    due = s.exec(select(func.max(PracticePrompt.due_at))
                 .where(PracticePrompt.user_id == user_id)).first()
    return _aware(due) if due is not None else None


def _yesterdays_drill(s: Session, user_id: int) -> str | None:
    return s.exec(
        select(PracticePrompt.scenario_id)
        .where(PracticePrompt.user_id == user_id, PracticePrompt.kind == "drill")
        .order_by(col(PracticePrompt.due_at).desc())
    ).first()


# -- the claim -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimStats:
    learners: int
    claimed: int
    skipped: int


def claim_due(s: Session, drills: Sequence[DrillInfo], now: dt.datetime, limit: int = 500,
              assignments_for: AssignmentsFor | None = None,
              rng: random.Random | None = None) -> ClaimStats:
    """Claim the prompts of up to ``limit`` due learners and move their pointers on.

    Selection is the indexed ``next_practice_at <= now``; paused and blocked learners
    never have a pointer in the past for long (pausing clears it, blocking is checked).
    ``assignments_for(session, user_id, now)`` is the hook for open trainer assignments.
    """
    users = s.exec(
        select(User)
        .where(col(User.next_practice_at) <= now, col(User.practice_paused).is_(False),
               col(User.blocked).is_(False))
        .order_by(col(User.next_practice_at))
        .limit(limit)
    ).all()
    claimed = skipped = 0
    for user in users:
        assert user.next_practice_at is not None  # the query selected on it
        schedule = schedule_of(user)
        plan = plan_due(schedule, _aware(user.next_practice_at), now)
        if plan.skipped is not None:
            for kind in kinds_at(schedule, plan.skipped):
                s.add(PracticePrompt(user_id=user.id, kind=kind, due_at=plan.skipped,
                                     status="skipped"))
                skipped += 1
        if plan.send is not None:
            for kind in kinds_at(schedule, plan.send):
                s.add(_new_prompt(s, user, kind, plan.send, drills, now, assignments_for, rng))
                claimed += 1
        user.next_practice_at = plan.next_at
        s.add(user)
    s.flush()
    return ClaimStats(len(users), claimed, skipped)


def _new_prompt(s: Session, user: User, kind: str, due: dt.datetime,
                drills: Sequence[DrillInfo], now: dt.datetime,
                assignments_for: AssignmentsFor | None,
                rng: random.Random | None) -> PracticePrompt:
    prompt = PracticePrompt(user_id=user.id, kind=kind, due_at=due, status="claimed")
    if kind == "drill" and drills:
        assignments: list[OpenAssignment] = (
            list(assignments_for(s, user.id, now)) if assignments_for else [])
        choice = choose_drill(drills, drill_attempts(s, user.id, now), now,
                              assignments=assignments,
                              yesterday=_yesterdays_drill(s, user.id), rng=rng)
        prompt.scenario_id, prompt.reason = choice.scenario_id, choice.kind
    return prompt


def pending(s: Session, now: dt.datetime, exclude: Sequence[int] = (), limit: int = 1000
            ) -> list[PracticePrompt]:
    """Claimed prompts still to send, oldest first. One claimed so long ago that it would
    arrive next to its successor (the process was down) is marked skipped instead."""
    stale = s.exec(select(PracticePrompt).where(
        PracticePrompt.status == "claimed",
        col(PracticePrompt.due_at) <= now - MAX_LATE)).all()
    for prompt in stale:
        prompt.status = "skipped"
        s.add(prompt)
    query = (select(PracticePrompt)
             .where(PracticePrompt.status == "claimed")
             .order_by(col(PracticePrompt.due_at), col(PracticePrompt.id))
             .limit(limit + len(exclude)))
    skip = set(exclude)
    rows = [p for p in s.exec(query).all() if p.id not in skip]
    return rows[:limit]


def mark_sent(s: Session, prompt_id: int, message_id: int | None, now: dt.datetime) -> None:
    prompt = s.get(PracticePrompt, prompt_id)
    if prompt is not None:
        prompt.status, prompt.sent_at, prompt.message_id = "sent", now, message_id
        prompt.attempts += 1
        s.add(prompt)


def mark_blocked(s: Session, prompt_id: int, now: dt.datetime) -> None:
    """403: the learner blocked the bot. Their later prompts wait until they write again."""
    prompt = s.get(PracticePrompt, prompt_id)
    if prompt is None:
        return
    prompt.status = "blocked"
    prompt.attempts += 1
    s.add(prompt)
    user = s.get(User, prompt.user_id)
    if user is not None and not user.blocked:
        user.blocked, user.blocked_at = True, now
        s.add(user)
    for other in s.exec(select(PracticePrompt).where(
            PracticePrompt.user_id == prompt.user_id, PracticePrompt.status == "claimed")):
        other.status = "blocked"
        s.add(other)


def mark_attempt_failed(s: Session, prompt_id: int, permanent: bool) -> str:
    """A send that failed: kept for the next sweep, or given up after MAX_ATTEMPTS or a
    permanent error. Returns the prompt's new status."""
    prompt = s.get(PracticePrompt, prompt_id)
    if prompt is None:
        return "missing"
    prompt.attempts += 1
    if permanent or prompt.attempts >= MAX_ATTEMPTS:
        prompt.status = "failed"
    s.add(prompt)
    return prompt.status


# -- schedule changes ----------------------------------------------------------------------


SCHEDULE_FIELDS = frozenset({"timezone", "practice_time", "practice_days", "practice_paused",
                             "quiet_start", "quiet_end"})


def update_schedule(s: Session, user_id: int, now: dt.datetime, **fields: object) -> User | None:
    """Change schedule fields and recompute the pointer (see ``plan.replan``)."""
    unknown = set(fields) - SCHEDULE_FIELDS
    if unknown:
        raise ValueError(f"not schedule fields: {sorted(unknown)}")
    user = s.get(User, user_id)
    if user is None:
        return None
    old_next = _aware(user.next_practice_at) if user.next_practice_at else None
    was_paused = user.practice_paused
    for name, value in fields.items():
        setattr(user, name, value)
    schedule = schedule_of(user)
    if schedule.paused:
        user.next_practice_at = None
    else:
        user.next_practice_at = replan(
            schedule, now, old_next=None if was_paused else old_next,
            last_prompt=last_prompt_due(s, user_id))
    s.add(user)
    s.flush()
    return user


# -- what a prompt shows -------------------------------------------------------------------


@dataclass(frozen=True)
class PromptView:
    prompt: PracticePrompt
    language: str
    timezone: str
    streak: StreakInfo
    attempts: list[Attempt]


def prompt_view(s: Session, prompt_id: int, now: dt.datetime) -> PromptView | None:
    """Everything a prompt message needs, read at send time (the streak is today's)."""
    prompt = s.get(PracticePrompt, prompt_id)
    if prompt is None:
        return None
    user = s.get(User, prompt.user_id)
    if user is None:
        return None
    schedule = schedule_of(user)
    attempts = drill_attempts(s, user.id, now)
    today = now.astimezone(ZoneInfo(schedule.timezone)).date()
    info = streak(local_days(attempts, schedule.timezone), today, schedule.days)
    return PromptView(prompt, user.language, schedule.timezone, info, attempts)
