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
from zoneinfo import ZoneInfo

from sqlalchemy import Row, bindparam, func, insert, update
from sqlalchemy import select as select_core
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
from bot.storage.models import Assignment, CallSession, Membership, PracticePrompt, User

PASS_MARK = 60  # a drill scored at least this is passed and leaves spaced repetition
HISTORY_DAYS = 120  # drill attempts older than this no longer steer the choice
MAX_ATTEMPTS = 5  # sends that failed for a passing reason before a prompt is given up


def _time(value: str | None, default: dt.time | None) -> dt.time | None:
    parsed = parse_time(value) if value else None
    return parsed or default


def schedule_of(user: User | Row) -> PracticeSchedule:
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


# What planning reads of a learner: the schedule and the pointer, not the whole row.
_USERS = User.__table__  # type: ignore[attr-defined]
_DUE_COLUMNS = (_USERS.c.id, _USERS.c.timezone, _USERS.c.practice_time, _USERS.c.practice_days,
                _USERS.c.practice_paused, _USERS.c.quiet_start, _USERS.c.quiet_end,
                _USERS.c.next_practice_at)
_MOVE_POINTER = (update(_USERS).where(_USERS.c.id == bindparam("uid"))
                 .values(next_practice_at=bindparam("next_at")))


def claim_due(s: Session, drills: Sequence[DrillInfo], now: dt.datetime, limit: int = 50,
              assignments_for: AssignmentsFor | None = None,
              rng: random.Random | None = None) -> ClaimStats:
    """Claim the prompts of up to ``limit`` due learners and move their pointers on.

    Set-based, so one batch is a handful of statements whatever its size: the due learners
    (the indexed ``next_practice_at <= now``; paused and blocked learners never have a
    pointer in the past for long), then their drill history, yesterday's drills and who
    has open assignments, each in one query; the prompts are inserted and the pointers
    moved in two executemany statements. Keep ``limit`` small: each batch is one
    transaction on the database thread that also serves call turns.
    ``assignments_for(session, user_id, now)`` is the hook for open trainer assignments;
    it is asked only about learners in a cohort with work due after ``now``.
    """
    users = s.connection().execute(
        select_core(*_DUE_COLUMNS)
        .where(_USERS.c.next_practice_at <= now, _USERS.c.practice_paused.is_(False),
               _USERS.c.blocked.is_(False))
        .order_by(_USERS.c.next_practice_at)
        .limit(limit)
    ).all()
    if not users:
        return ClaimStats(0, 0, 0)
    ids = [u.id for u in users]
    rng = rng or random.Random()
    wants_drill = bool(drills)
    history = drill_history(s, ids, now) if wants_drill else {}
    yesterday = yesterdays_drills(s, ids) if wants_drill else {}
    with_work = learners_with_open_work(s, ids, now) if wants_drill and assignments_for else set()
    prompts: list[dict] = []
    moves: list[dict] = []
    claimed = skipped = 0
    for user in users:
        assert user.next_practice_at is not None  # the query selected on it
        schedule = schedule_of(user)
        plan = plan_due(schedule, _aware(user.next_practice_at), now)
        if plan.skipped is not None:
            for kind in kinds_at(schedule, plan.skipped):
                prompts.append(_prompt_row(user.id, kind, plan.skipped, "skipped"))
                skipped += 1
        if plan.send is not None:
            for kind in kinds_at(schedule, plan.send):
                row = _prompt_row(user.id, kind, plan.send, "claimed")
                if kind == "drill" and wants_drill:
                    assignments: list[OpenAssignment] = (
                        list(assignments_for(s, user.id, now))
                        if assignments_for is not None and user.id in with_work else [])
                    choice = choose_drill(drills, history.get(user.id, []), now,
                                          assignments=assignments,
                                          yesterday=yesterday.get(user.id), rng=rng)
                    row["scenario_id"], row["reason"] = choice.scenario_id, choice.kind
                prompts.append(row)
                claimed += 1
        moves.append({"uid": user.id, "next_at": plan.next_at})
    conn = s.connection()
    if prompts:
        conn.execute(insert(PracticePrompt.__table__), prompts)  # type: ignore[attr-defined]
    conn.execute(_MOVE_POINTER, moves)
    return ClaimStats(len(users), claimed, skipped)


def _prompt_row(user_id: int, kind: str, due: dt.datetime, status: str) -> dict:
    return {"user_id": user_id, "kind": kind, "due_at": due, "status": status,
            "scenario_id": None, "reason": None, "attempts": 0, "sent_at": None,
            "message_id": None}


def drill_history(s: Session, user_ids: Sequence[int], now: dt.datetime
                  ) -> dict[int, list[Attempt]]:
    """``drill_attempts`` for many learners in one query."""
    sessions = CallSession.__table__  # type: ignore[attr-defined]
    rows = s.connection().execute(
        select_core(sessions.c.user_id, sessions.c.scenario_id, sessions.c.ended_at,
                    sessions.c.score)
        .where(sessions.c.user_id.in_(user_ids), sessions.c.kind == "drill",
               sessions.c.score.is_not(None),
               sessions.c.ended_at >= now - dt.timedelta(days=HISTORY_DAYS)))
    out: dict[int, list[Attempt]] = {}
    for uid, sid, at, score in rows:
        if at is not None:
            out.setdefault(uid, []).append(
                Attempt(sid, _aware(at), int(score), int(score) >= PASS_MARK))
    return out


def yesterdays_drills(s: Session, user_ids: Sequence[int]) -> dict[int, str | None]:
    """Per learner the drill of their latest drill prompt, in one query."""
    prompts = PracticePrompt.__table__  # type: ignore[attr-defined]
    latest = (select_core(prompts.c.user_id, func.max(prompts.c.due_at).label("due"))
              .where(prompts.c.user_id.in_(user_ids), prompts.c.kind == "drill")
              .group_by(prompts.c.user_id).subquery())
    rows = s.connection().execute(
        select_core(prompts.c.user_id, prompts.c.scenario_id)
        .join(latest, (prompts.c.user_id == latest.c.user_id)
              & (prompts.c.due_at == latest.c.due))
        .where(prompts.c.kind == "drill"))
    return {uid: sid for uid, sid in rows}


def learners_with_open_work(s: Session, user_ids: Sequence[int], now: dt.datetime) -> set[int]:
    """Which of these learners are in a cohort with an assignment due after ``now``."""
    members, assignments = Membership.__table__, Assignment.__table__  # type: ignore[attr-defined]
    rows = s.connection().execute(
        select_core(members.c.user_id).distinct()
        .join(assignments, assignments.c.cohort_id == members.c.cohort_id)
        .where(members.c.user_id.in_(user_ids), assignments.c.due_at > now))
    return {uid for (uid,) in rows}


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
