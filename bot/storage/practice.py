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
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Row, bindparam, func, insert, update
from sqlalchemy import select as select_core
from sqlmodel import Session, col, select

from bot.practice.choice import (
    AssignmentsFor,
    Attempt,
    DrillInfo,
    DrillSet,
    OpenAssignment,
)
from bot.practice.plan import kinds_at, plan_due, replan
from bot.practice.schedule import MAX_LATE, PracticeSchedule, parse_time
from bot.practice.streaks import StreakInfo, local_days, streak
from bot.storage.models import Assignment, CallSession, Membership, PracticePrompt, User

PASS_MARK = 60  # a drill scored at least this is passed and leaves spaced repetition
HISTORY_DAYS = 120  # drill attempts older than this no longer steer the choice
MAX_ATTEMPTS = 5  # sends that failed for a passing reason before a prompt is given up


def _time(value: str | None, default: dt.time | None) -> dt.time | None:
    parsed = parse_time(value) if value else None
    return parsed or default


def schedule_of(user: User | Row[*tuple[Any, ...]]) -> PracticeSchedule:
    """The learner's stored settings as a schedule; damaged values fall back to defaults."""
    return _schedule(user.practice_time, user.practice_days, user.timezone,
                     bool(user.practice_paused), user.quiet_start, user.quiet_end)


@lru_cache(maxsize=4096)
def _schedule(practice_time: str, practice_days: str, timezone: str | None, paused: bool,
              quiet_start: str | None, quiet_end: str | None) -> PracticeSchedule:
    # cached: learners share a few thousand schedules, and planning a busy minute parsed
    # the same "09:00" tens of thousands of times
    start, end = _time(quiet_start, None), _time(quiet_end, None)
    if start is None or end is None:
        start = end = None
    return PracticeSchedule(
        time=_time(practice_time, dt.time(9, 0)) or dt.time(9, 0),
        days=frozenset(int(c) for c in practice_days if c in "0123456"),
        timezone=timezone or "Europe/Amsterdam",
        paused=paused,
        quiet_start=start,
        quiet_end=end,
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


# -- the claim -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimStats:
    learners: int
    claimed: int
    skipped: int


# What planning reads of a learner: the schedule, the pointer, and two facts the drill
# choice needs, each an index probe per due learner inside the one query (so a batch costs
# the same few statements, all compiled once): the drill of their latest drill prompt
# (the unique (user_id, kind, due_at) index, read backwards) and whether a cohort of theirs
# has assignment work due after ``now``.
_USERS = User.__table__  # type: ignore[attr-defined]
_PROMPTS = PracticePrompt.__table__  # type: ignore[attr-defined]
_MEMBERS = Membership.__table__  # type: ignore[attr-defined]
_ASSIGNMENTS = Assignment.__table__  # type: ignore[attr-defined]
_SESSIONS = CallSession.__table__  # type: ignore[attr-defined]
_YESTERDAY = (select_core(_PROMPTS.c.scenario_id)
              .where(_PROMPTS.c.user_id == _USERS.c.id, _PROMPTS.c.kind == "drill")
              .order_by(_PROMPTS.c.due_at.desc()).limit(1)
              .correlate(_USERS).scalar_subquery())
_HAS_WORK = (select_core(_MEMBERS.c.user_id)
             .join(_ASSIGNMENTS, _ASSIGNMENTS.c.cohort_id == _MEMBERS.c.cohort_id)
             .where(_MEMBERS.c.user_id == _USERS.c.id,
                    _ASSIGNMENTS.c.due_at > bindparam("now"))
             .correlate(_USERS).exists())
_DUE = (select_core(_USERS.c.id, _USERS.c.timezone, _USERS.c.practice_time,
                    _USERS.c.practice_days, _USERS.c.practice_paused, _USERS.c.quiet_start,
                    _USERS.c.quiet_end, _USERS.c.next_practice_at,
                    _YESTERDAY.label("yesterday"), _HAS_WORK.label("has_work"))
        .where(_USERS.c.next_practice_at <= bindparam("now"),
               _USERS.c.practice_paused.is_(False), _USERS.c.blocked.is_(False))
        .order_by(_USERS.c.next_practice_at)
        .limit(bindparam("limit")))
_HISTORY = (select_core(_SESSIONS.c.user_id, _SESSIONS.c.scenario_id, _SESSIONS.c.ended_at,
                        _SESSIONS.c.score)
            .where(_SESSIONS.c.user_id.in_(bindparam("ids", expanding=True)),
                   _SESSIONS.c.kind == "drill", _SESSIONS.c.score.is_not(None),
                   _SESSIONS.c.ended_at >= bindparam("since")))
_INSERT_PROMPTS = insert(_PROMPTS)
# One statement per new pointer value, not per learner: the learners due at one moment
# mostly move to the same next moment (the same local time the next day).
_MOVE_POINTERS = (update(_USERS).where(_USERS.c.id.in_(bindparam("uids", expanding=True)))
                  .values(next_practice_at=bindparam("next_at")))


@dataclass(frozen=True)
class _Plan:
    """``plan_due`` and what each moment carries, for one (schedule, pointer, now)."""

    send: dt.datetime | None
    send_kinds: tuple[str, ...]
    skipped: dt.datetime | None
    skipped_kinds: tuple[str, ...]
    next_at: dt.datetime | None


@lru_cache(maxsize=8192)
def _plan(schedule: PracticeSchedule, due: dt.datetime, now: dt.datetime) -> _Plan:
    # Pure and shared: the learners due in one minute have a few hundred distinct schedules
    # and pointers between them, so a busy minute computes each plan once, not per learner.
    plan = plan_due(schedule, due, now)
    return _Plan(plan.send, tuple(kinds_at(schedule, plan.send)) if plan.send else (),
                 plan.skipped, tuple(kinds_at(schedule, plan.skipped)) if plan.skipped else (),
                 plan.next_at)


def claim_due(s: Session, drills: Sequence[DrillInfo], now: dt.datetime, limit: int = 50,
              assignments_for: AssignmentsFor | None = None,
              rng: random.Random | None = None) -> ClaimStats:
    """Claim the prompts of up to ``limit`` due learners and move their pointers on.

    Set-based, so a batch is a handful of statements whatever its size: the due learners
    with their latest drill and whether they have open work (the index range
    ``next_practice_at <= now``: only due rows are read; paused and blocked learners never
    have a pointer in the past for long), their drill history, the prompts inserted in one
    executemany and the pointers moved, one statement per new pointer value. Plans are
    shared between learners with the same schedule (``_plan``). Keep ``limit`` small: each
    batch is one transaction on the database thread that also serves call turns.
    ``assignments_for(session, user_id, now)`` is the hook for open trainer assignments;
    it is asked only about learners in a cohort with work due after ``now``.
    """
    conn = s.connection()
    users = conn.execute(_DUE, {"now": now, "limit": limit}).all()
    if not users:
        return ClaimStats(0, 0, 0)
    rng = rng or random.Random()
    wants_drill = bool(drills)
    drill_set = DrillSet(drills)
    history = (_history(conn, [u.id for u in users], now) if wants_drill else {})
    prompts: list[dict[str, Any]] = []
    moves: dict[dt.datetime | None, list[int]] = {}
    claimed = skipped = 0
    for user in users:
        assert user.next_practice_at is not None  # the query selected on it
        plan = _plan(schedule_of(user), _aware(user.next_practice_at), now)
        for kind in plan.skipped_kinds:
            assert plan.skipped is not None
            prompts.append(_prompt_row(user.id, kind, plan.skipped, "skipped"))
            skipped += 1
        for kind in plan.send_kinds:
            assert plan.send is not None
            row = _prompt_row(user.id, kind, plan.send, "claimed")
            if kind == "drill" and wants_drill:
                assignments: list[OpenAssignment] = (
                    list(assignments_for(s, user.id, now))
                    if assignments_for is not None and user.has_work else [])
                choice = drill_set.choose(history.get(user.id, ()), now,
                                          assignments=assignments, yesterday=user.yesterday,
                                          rng=rng)
                row["scenario_id"], row["reason"] = choice.scenario_id, choice.kind
            prompts.append(row)
            claimed += 1
        moves.setdefault(plan.next_at, []).append(user.id)
    if prompts:
        conn.execute(_INSERT_PROMPTS, prompts)
    for next_at, uids in moves.items():
        conn.execute(_MOVE_POINTERS, {"uids": uids, "next_at": next_at})
    return ClaimStats(len(users), claimed, skipped)


def _prompt_row(user_id: int, kind: str, due: dt.datetime, status: str) -> dict[str, Any]:
    # sent_at and message_id are left out (NULL): fewer values to convert per row
    return {"user_id": user_id, "kind": kind, "due_at": due, "status": status,
            "scenario_id": None, "reason": None, "attempts": 0}


def _history(conn: Connection, user_ids: Sequence[int], now: dt.datetime
             ) -> dict[int, list[Attempt]]:
    """``drill_attempts`` for many learners in one query."""
    out: dict[int, list[Attempt]] = {}
    rows = conn.execute(_HISTORY, {"ids": list(user_ids),
                                   "since": now - dt.timedelta(days=HISTORY_DAYS)})
    for uid, sid, at, score in rows:
        if at is not None:
            out.setdefault(uid, []).append(
                Attempt(sid, _aware(at), int(score), int(score) >= PASS_MARK))
    return out


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
