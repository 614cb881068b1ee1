"""A learner's own assignments, across all their cohorts, and starting one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session

from bot import calls
from bot.calls import Started
from bot.catalog import Catalog
from bot.practice.choice import OpenAssignment
from bot.storage import cohorts as cq
from bot.storage.models import Assignment, Cohort
from bot.trainers.progress import Progress, attempts_left, progress

OPEN = ("not_started", "in_progress", "past_due")


@dataclass
class Mine:
    assignment: Assignment
    cohort: Cohort
    progress: Progress

    @property
    def open(self) -> bool:
        return self.progress.status in OPEN


def my_assignments(s: Session, user_id: int, now: datetime) -> list[Mine]:
    """Every assignment of the learner's cohorts with their progress, soonest due first."""
    out = []
    for data in cq.learner_open_work(s, user_id):
        for a in data.assignments:
            out.append(Mine(a, data.cohort, progress(
                a, data.sessions, data.overrides, now,
                data.exceptions.get((a.id or 0, user_id)))))
    return sorted(out, key=lambda m: (not m.open, m.assignment.due_at, m.assignment.id or 0))


def open_count(s: Session, user_id: int, now: datetime) -> int:
    return sum(1 for m in my_assignments(s, user_id, now) if m.open)


def one(s: Session, user_id: int, assignment_id: int, now: datetime) -> Mine | None:
    """One of the learner's assignments, or None when it is not theirs."""
    found = cq.learner_assignment(s, user_id, assignment_id)
    if found is None:
        return None
    a, cohort = found
    data = cq.cohort_data(s, cohort, [user_id])
    return Mine(a, cohort, progress(a, data.sessions, data.overrides, now,
                                    data.exceptions.get((a.id or 0, user_id))))


def open_for_practice(s: Session, user_id: int, now: datetime) -> list[OpenAssignment]:
    """Open assignments as the daily practice choice sees them: per assignment the first
    scenario the learner has no result for yet, with its due moment. Past-due work is
    left to the trainer: a daily nudge about a missed deadline helps nobody."""
    out = []
    for mine in my_assignments(s, user_id, now):
        if mine.progress.status not in ("not_started", "in_progress"):
            continue
        best = mine.progress.best_sessions
        todo = [sid for sid in mine.assignment.scenario_ids if sid not in best]
        scenario = (todo or mine.assignment.scenario_ids)[0]
        due = mine.assignment.due_at
        due = due if due.tzinfo else due.replace(tzinfo=UTC)
        if due > now:
            out.append(OpenAssignment(scenario, due))
    return out


@dataclass
class AssignmentStart:
    """A learner starting part ``n`` of an assignment: the attempt, or why not."""

    started: Started | None = None
    scenario_id: str = ""
    error: str | None = None  # trainer.mine.gone, .passed or .no_attempts


def begin_assignment(s: Session, catalog: Catalog, user_id: int, assignment_id: int, n: int,
                     lang: str, prepare: bool, now: datetime) -> AssignmentStart:
    """Start an attempt from an assignment, unless it is passed or the attempts for this
    scenario are used up (practising from the menu stays possible either way)."""
    item = one(s, user_id, assignment_id, now)
    ids = item.assignment.scenario_ids if item else []
    if item is None or not 0 <= n < len(ids) or ids[n] not in catalog.scenarios:
        return AssignmentStart(error="trainer.mine.gone")
    sid = ids[n]
    if item.progress.status == "passed":
        return AssignmentStart(error="trainer.mine.passed")
    if attempts_left(item.assignment, item.progress, sid) == 0:
        return AssignmentStart(error="trainer.mine.no_attempts")
    play_lang = catalog.language_for(catalog.compiled(sid).scenario, lang)
    started = calls.begin(s, catalog, user_id, sid, play_lang, "assignment", prepare,
                          assignment_id)
    return AssignmentStart(started, sid)


@dataclass
class Counting:
    """Whether the next attempt at a scenario counts for one of the learner's assignments."""

    assignment: Assignment
    number: int  # the attempt it would be (1-based)
    limit: int


def next_attempt_counts(s: Session, user_id: int, scenario_id: str, now: datetime
                        ) -> tuple[list[Counting], bool]:
    """Told before a replay starts: the assignments an attempt at ``scenario_id`` would
    count for (with its number), and whether the scenario is assigned at all (assigned
    but nothing counts: the attempts are used up, so it is free practice)."""
    counting, assigned = [], False
    for item in my_assignments(s, user_id, now):
        if scenario_id not in item.assignment.scenario_ids:
            continue
        assigned = True
        left = attempts_left(item.assignment, item.progress, scenario_id)
        if left > 0:
            limit = item.progress.max_attempts or item.assignment.max_attempts
            counting.append(Counting(item.assignment, limit - left + 1, limit))
    return counting, assigned
