"""A learner's own assignments, across all their cohorts, and which one an attempt is for.

The rule (also in the README's trainer section): an attempt counts for exactly one
assignment, the one it is started for, and is in that assignment's trainer's grade book
only. Started from the free picker, a drill, the daily prompt or a deep link it is free
practice: in nobody's grade book, and it never uses up a graded attempt.

When several of the learner's assignments (in one cohort or in cohorts of different
trainers) set the same scenario, the learner's list shows that scenario once, and its
button starts it for the open assignment *due first* that can still take it: the scenario
not yet passed there, attempts left, and the assignment not yet past its (the learner's
own) due moment before one that is. Once that assignment is passed or its attempts are
used up, the next one takes over; the entry says where the next attempt counts ("counts
for: <cohort>, due <date>"). The learner may choose otherwise with one tap: the graded
briefing offers the other assignments that could take the attempt, and a tap from one
assignment's own page, its reminder or its notice starts the attempt for *that* assignment
(refused, with the reason, when it can no longer take one). The replay from a graded
score card goes to the same assignment while it can take another attempt, and otherwise
to the next one by the rule above. Every briefing says before the start whether the
attempt is graded ("graded attempt 2 of 3, counts for: …") or free practice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session

from bot import calls
from bot.calls import Started
from bot.catalog import Catalog
from bot.practice.choice import OpenAssignment
from bot.storage import cohorts as cq
from bot.storage.models import Assignment, CallSession, Cohort
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
    """The entries of the learner's list that still take a graded attempt."""
    return sum(1 for entry in my_list(s, user_id, now) if entry.target is not None)


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
class Counting:
    """Where a graded attempt at one scenario goes: attempt ``number`` of ``limit`` for part
    ``part`` of ``assignment``, due (for this learner) at ``due_at``."""

    assignment: Assignment
    cohort: Cohort
    part: int
    number: int
    limit: int
    due_at: datetime


def can_take(item: Mine, scenario_id: str) -> Counting | None:
    """The graded attempt this assignment would take at the scenario, or None when it is
    not in the assignment, is passed there, or its attempts are used up."""
    ids = item.assignment.scenario_ids
    if scenario_id not in ids or item.progress.status == "passed":
        return None
    part = next((p for p in item.progress.parts if p.scenario_id == scenario_id), None)
    left = attempts_left(item.assignment, item.progress, scenario_id)
    if (part is not None and part.passed) or left == 0:
        return None
    limit = item.progress.max_attempts or item.assignment.max_attempts
    return Counting(item.assignment, item.cohort, ids.index(scenario_id), limit - left + 1,
                    limit, _aware(item.progress.due_at or item.assignment.due_at))


def next_graded(items: list[Mine], scenario_id: str, now: datetime,
                prefer: int | None = None) -> Counting | None:
    """Which assignment the next graded attempt at ``scenario_id`` is for (the module's
    rule): ``prefer`` when it can take it, else the open one due first."""
    options = [c for item in items if (c := can_take(item, scenario_id)) is not None]
    chosen = [c for c in options if c.assignment.id == prefer]
    if chosen:
        return chosen[0]
    options.sort(key=lambda c: (c.due_at <= _aware(now), c.due_at, c.assignment.id or 0))
    return options[0] if options else None


@dataclass
class Entry:
    """One line of the learner's list: an assigned scenario, shown once however many
    assignments set it; ``target`` is where the next graded attempt goes (None: nowhere)."""

    scenario_id: str
    target: Counting | None
    items: list[Mine]  # every assignment that sets it, the target's first


def my_list(s: Session, user_id: int, now: datetime) -> list[Entry]:
    """The learner's list: each assigned scenario once, those with a graded attempt to make
    first (the soonest target first), then the finished ones."""
    items = my_assignments(s, user_id, now)
    scenario_ids = list(dict.fromkeys(sid for m in items for sid in m.assignment.scenario_ids))
    entries = []
    for sid in scenario_ids:
        target = next_graded(items, sid, now)
        having = [m for m in items if sid in m.assignment.scenario_ids]
        if target is not None:
            having.sort(key=lambda m: m.assignment.id != target.assignment.id)
        entries.append(Entry(sid, target, having))
    return sorted(entries, key=lambda e: (
        e.target is None, e.target.due_at if e.target else _aware(e.items[0].assignment.due_at)))


def part_status(item: Mine, scenario_id: str) -> str:
    """One scenario's status within an assignment: the assignment's own for a single
    scenario; for a drill set the drill's (passed, failed when its attempts are used up)."""
    p = item.progress
    part = next((x for x in p.parts if x.scenario_id == scenario_id), None)
    if len(p.parts) <= 1 or part is None:
        return p.status
    if part.passed:
        return "passed"
    if part.attempts >= (p.max_attempts or item.assignment.max_attempts):
        return "failed"
    if p.status == "past_due":
        return "past_due"
    return "in_progress" if part.attempts else "not_started"


def graded_next(s: Session, user_id: int, scenario_id: str, now: datetime,
                prefer: int | None = None) -> tuple[Counting | None, bool]:
    """Told before an attempt starts: where a graded attempt at ``scenario_id`` would go,
    and whether the scenario is assigned at all (assigned but nowhere to go: passed or
    used up, so only free practice is left)."""
    items = my_assignments(s, user_id, now)
    assigned = any(scenario_id in m.assignment.scenario_ids for m in items)
    return next_graded(items, scenario_id, now, prefer), assigned


@dataclass
class PartChoice:
    """Part ``n`` of an assignment as its graded briefing shows it: where the attempt goes
    (``target``), and the learner's other assignments that could take it instead."""

    scenario_id: str
    target: Counting | None
    others: list[Counting]


def for_part(s: Session, user_id: int, assignment_id: int, n: int, now: datetime
             ) -> PartChoice | None:
    """Part ``n`` of one of the learner's assignments: where a graded attempt at it goes
    from there (that assignment if it can take one, else the rule's next), and the other
    assignments a tap could send it to; None when the assignment or part is not theirs."""
    found = cq.learner_assignment(s, user_id, assignment_id)
    ids = found[0].scenario_ids if found else []
    if not 0 <= n < len(ids):
        return None
    items = my_assignments(s, user_id, now)
    target = next_graded(items, ids[n], now, prefer=assignment_id)
    others = [c for m in items if (c := can_take(m, ids[n])) is not None
              and target is not None and c.assignment.id != target.assignment.id]
    return PartChoice(ids[n], target, sorted(others, key=lambda c: c.due_at))


@dataclass
class AssignmentStart:
    """A learner starting part ``n`` of an assignment: the attempt, or why not."""

    started: Started | None = None
    scenario_id: str = ""
    error: str | None = None  # trainer.mine.gone, .passed, .part_done or .no_attempts
    counting: Counting | None = None


def begin_assignment(s: Session, catalog: Catalog, user_id: int, assignment_id: int, n: int,
                     lang: str, prepare: bool, now: datetime) -> AssignmentStart:
    """Start a graded attempt for this assignment, unless it can no longer take one (passed,
    or the attempts for this scenario used up; practising from the menu stays possible)."""
    item = one(s, user_id, assignment_id, now)
    ids = item.assignment.scenario_ids if item else []
    if item is None or not 0 <= n < len(ids) or ids[n] not in catalog.scenarios:
        return AssignmentStart(error="trainer.mine.gone")
    sid = ids[n]
    counting = can_take(item, sid)
    if counting is None:
        error = ("trainer.mine.passed" if item.progress.status == "passed"
                 else "trainer.mine.part_done" if part_status(item, sid) == "passed"
                 else "trainer.mine.no_attempts")
        return AssignmentStart(error=error)
    play_lang = catalog.language_for(catalog.compiled(sid).scenario, lang)
    started = calls.begin(s, catalog, user_id, sid, play_lang, "assignment", prepare,
                          assignment_id)
    return AssignmentStart(started, sid, counting=counting)


@dataclass
class CardNote:
    """What the score card says about grading: this attempt's place (``graded``: None for
    free practice), whether the scenario is assigned, and where the next graded one goes."""

    graded: Counting | None
    assigned: bool
    next: Counting | None
    counted: bool = True  # False: started for an assignment but past its attempt limit


def card_note(s: Session, user_id: int, session_id: int, now: datetime) -> CardNote:
    """The card and the trainer's report agree: the number shown is the attempt's number in
    that assignment's counted attempts, as the report and the attempt view count them."""
    row = s.get(CallSession, session_id)
    if row is None or row.user_id != user_id:
        return CardNote(None, False, None)
    items = my_assignments(s, user_id, now)
    assigned = any(row.scenario_id in m.assignment.scenario_ids for m in items)
    following = next_graded(items, row.scenario_id, now, prefer=row.assignment_id)
    item = next((m for m in items if m.assignment.id == row.assignment_id), None)
    if item is None:
        return CardNote(None, assigned, following)
    counted = next((a for a in item.progress.counted if a.session_id == session_id), None)
    limit = item.progress.max_attempts or item.assignment.max_attempts
    ids = item.assignment.scenario_ids
    graded = Counting(item.assignment, item.cohort, ids.index(row.scenario_id)
                      if row.scenario_id in ids else 0,
                      counted.number if counted else limit, limit,
                      _aware(item.progress.due_at or item.assignment.due_at))
    return CardNote(graded, True, following, counted is not None)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
