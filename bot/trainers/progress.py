"""How far a learner is with an assignment: the statuses trainers and learners see.

Which attempts count: every attempt at one of the assignment's scenarios started after the
assignment was set, whether started from the assignment or from the menu (a learner who
practises the scenario on their own has done the work), but never an attempt linked to a
*different* assignment. Only the first ``max_attempts`` scored attempts per scenario
count, so practising more never raises a result after the limit. A trainer's override
replaces an attempt's score (and is shown as such).

Statuses, in this order of precedence:

- ``passed``: every scenario of the assignment has a counted score at or above the pass mark
  (``late`` when the last needed pass came after the due moment);
- ``failed``: some scenario is not passed and its attempts are used up;
- ``past_due``: the due moment has gone by without a pass;
- ``in_progress``: at least one attempt (scored or still running);
- ``not_started``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.storage.models import Assignment, CallSession, ScoreOverride

STATUSES = ("not_started", "in_progress", "passed", "failed", "past_due")
SYMBOLS = {"not_started": "·", "in_progress": "…", "passed": "✓", "failed": "✗",
           "past_due": "!"}


@dataclass
class Attempt:
    session_id: int
    scenario_id: str
    score: int  # after any override
    original: int
    overridden: bool
    ended_at: datetime | None
    number: int = 1  # the learner's attempt number at this scenario, for this assignment


@dataclass
class Progress:
    status: str
    best: int | None  # a drill set: the mean of the best score per drill (missing = 0)
    attempts: int  # scored attempts that count
    late: bool = False
    counted: list[Attempt] = field(default_factory=list)
    best_sessions: dict[str, int] = field(default_factory=dict)  # scenario → session id
    overridden: bool = False


def counts_for(assignment: Assignment, session: CallSession) -> bool:
    if session.scenario_id not in assignment.scenario_ids:
        return False
    if session.assignment_id is not None:
        return session.assignment_id == assignment.id
    return _aware(session.started_at) >= _aware(assignment.created_at)


def progress(assignment: Assignment, sessions: Iterable[CallSession],
             overrides: Mapping[int, ScoreOverride], now: datetime) -> Progress:
    """One learner's progress on one assignment (``sessions``: theirs, oldest first)."""
    mine = [cs for cs in sessions if counts_for(assignment, cs)]
    counted: list[Attempt] = []
    per_scenario: dict[str, list[Attempt]] = {sid: [] for sid in assignment.scenario_ids}
    for cs in mine:
        if cs.score is None:
            continue
        bucket = per_scenario[cs.scenario_id]
        if len(bucket) >= assignment.max_attempts:
            continue
        override = overrides.get(cs.id or 0)
        attempt = Attempt(cs.id or 0, cs.scenario_id,
                          override.score if override else cs.score, cs.score,
                          override is not None, cs.ended_at, len(bucket) + 1)
        bucket.append(attempt)
        counted.append(attempt)
    bests: dict[str, Attempt] = {}
    for sid, bucket in per_scenario.items():
        if bucket:
            bests[sid] = max(bucket, key=lambda a: (a.score, -a.session_id))
    best = None
    if bests:
        best = round(sum(bests[sid].score if sid in bests else 0
                         for sid in assignment.scenario_ids) / len(assignment.scenario_ids))
    result = Progress("not_started", best, len(counted), counted=counted,
                      best_sessions={sid: a.session_id for sid, a in bests.items()},
                      overridden=any(a.overridden for a in bests.values()))
    passes = {sid: _first_pass(bucket, assignment.pass_mark)
              for sid, bucket in per_scenario.items()}
    due = _aware(assignment.due_at)
    if all(p is not None for p in passes.values()):
        result.status = "passed"
        result.late = any(p.ended_at is not None and _aware(p.ended_at) > due
                          for p in passes.values() if p is not None)
    elif any(passes[sid] is None and len(bucket) >= assignment.max_attempts
             for sid, bucket in per_scenario.items()):
        result.status = "failed"
    elif _aware(now) > due:
        result.status = "past_due"
    elif mine:
        result.status = "in_progress"
    return result


def _first_pass(bucket: list[Attempt], pass_mark: int) -> Attempt | None:
    return next((a for a in bucket if a.score >= pass_mark), None)


def attempts_left(assignment: Assignment, p: Progress, scenario_id: str) -> int:
    used = sum(1 for a in p.counted if a.scenario_id == scenario_id)
    return max(0, assignment.max_attempts - used)


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes in some paths; they are UTC by convention."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
