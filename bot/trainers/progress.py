"""How far a learner is with an assignment: the statuses trainers and learners see.

Which attempts count: only those started *from* the assignment (``CallSession.assignment_id``:
its list entry, page, reminder or the replay from a graded score card). An attempt counts
for that one assignment and no other; one started from the free picker, a drill, the daily
prompt or a deep link is free practice and counts for none, so practising never uses up a
graded attempt (``bot.trainers.mine`` decides, before the start, which assignment an attempt
is for, and tells the learner). Only the first ``max_attempts`` scored attempts per scenario
count, so an attempt past the limit never raises a result. A trainer's override replaces an
attempt's score (and is shown as such).

A drill set's result is per drill (``Progress.parts``: passed, best score and attempts of
each drill). Its one figure, ``Progress.best``, is the mean of the best scores of the drills
*tried*, always read beside how many drills are passed: an untried drill is "not yet", never
a 0 that drags a good drill down. ``learner_score`` is the one figure per learner the
report's chart and the leaderboard share.

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

from bot.storage.models import Assignment, AssignmentException, CallSession, ScoreOverride

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
class Part:
    """One drill of a set (or the one scenario of a single assignment)."""

    scenario_id: str
    best: int | None  # None: not tried yet
    attempts: int  # scored attempts that count
    passed: bool


@dataclass
class Progress:
    status: str
    best: int | None  # a drill set: the mean of the best scores of the drills tried
    attempts: int  # scored attempts that count
    late: bool = False
    counted: list[Attempt] = field(default_factory=list)
    best_sessions: dict[str, int] = field(default_factory=dict)  # scenario → session id
    overridden: bool = False
    parts: list[Part] = field(default_factory=list)  # per scenario, in the assignment's order
    max_attempts: int = 0  # per scenario, with any extra attempts the trainer granted
    due_at: datetime | None = None  # the learner's own due moment (extended or not)

    @property
    def parts_passed(self) -> int:
        return sum(1 for part in self.parts if part.passed)


def learner_score(cells: Iterable[Progress]) -> int | None:
    """A learner's one figure over a cohort's assignments: the mean of the assignments'
    results (``Progress.best``) they have one for. The report's chart and the leaderboard
    both use this, so they rank the same way."""
    scores = [c.best for c in cells if c.best is not None]
    return round(sum(scores) / len(scores)) if scores else None


def counts_for(assignment: Assignment, session: CallSession) -> bool:
    """Graded for this assignment: started from it (free practice counts for none)."""
    return (session.assignment_id is not None and session.assignment_id == assignment.id
            and session.scenario_id in assignment.scenario_ids)


def progress(assignment: Assignment, sessions: Iterable[CallSession],
             overrides: Mapping[int, ScoreOverride], now: datetime,
             exception: AssignmentException | None = None) -> Progress:
    """One learner's progress on one assignment (``sessions``: theirs, oldest first), with
    what the trainer granted this learner (extra attempts, a later due moment)."""
    limit = assignment.max_attempts + (exception.extra_attempts if exception else 0)
    due = _aware(exception.due_at if exception and exception.due_at else assignment.due_at)
    mine = [cs for cs in sessions if counts_for(assignment, cs)]
    counted: list[Attempt] = []
    per_scenario: dict[str, list[Attempt]] = {sid: [] for sid in assignment.scenario_ids}
    for cs in mine:
        if cs.score is None:
            continue
        bucket = per_scenario[cs.scenario_id]
        if len(bucket) >= limit:
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
    best = round(sum(a.score for a in bests.values()) / len(bests)) if bests else None
    passes = {sid: _first_pass(bucket, assignment.pass_mark)
              for sid, bucket in per_scenario.items()}
    parts = [Part(sid, bests[sid].score if sid in bests else None, len(bucket),
                  passes[sid] is not None) for sid, bucket in per_scenario.items()]
    result = Progress("not_started", best, len(counted), counted=counted,
                      best_sessions={sid: a.session_id for sid, a in bests.items()},
                      overridden=any(a.overridden for a in bests.values()), parts=parts,
                      max_attempts=limit, due_at=due)
    if all(p is not None for p in passes.values()):
        result.status = "passed"
        result.late = any(p.ended_at is not None and _aware(p.ended_at) > due
                          for p in passes.values() if p is not None)
    elif any(passes[sid] is None and len(bucket) >= limit
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
    return max(0, (p.max_attempts or assignment.max_attempts) - used)


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes in some paths; they are UTC by convention."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
