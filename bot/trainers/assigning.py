"""Setting an assignment: the terms a trainer may choose and the rules they must meet.

A handler reads the words of ``/assign`` or the buttons; everything a trainer would call
a rule (the pass mark is 0–100, at most ``MAX_ATTEMPTS`` attempts, a due moment in the
future, scenarios the trainer may assign) is decided here, in one place for both ways in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from bot.storage import cohorts as cq
from bot.storage.models import Assignment, Cohort, User
from bot.trainers import dates

DEFAULT_PASS, DEFAULT_ATTEMPTS = 60, 3
MAX_ATTEMPTS = 20
DUE_CHOICES = (3, 7, 14)  # days, the buttons' choices
PASS_KEYS = ("pass", "cijfer", "score")
ATTEMPT_KEYS = ("attempts", "pogingen", "max")


@dataclass
class Terms:
    """What a trainer asked for, or the translation key of what is wrong with it."""

    pass_mark: int = DEFAULT_PASS
    attempts: int = DEFAULT_ATTEMPTS
    due: datetime | None = None
    error: str | None = None
    values: dict[str, object] = field(default_factory=dict)


def read_terms(words: list[str], tz: str, now: datetime) -> Terms:
    """``pass=70 attempts=2`` in any order among the words of the due moment."""
    return _read(words, tz, now, need_due=True)


def read_changes(words: list[str], tz: str, now: datetime) -> Terms:
    """What ``/assign edit`` changes: only the terms written (``due`` stays None when no
    date is given; a pass mark or attempts not written are left as they are)."""
    written = {key for w in words if "=" in w
               for key in [w.partition("=")[0].lower()]}
    terms = _read(words, tz, now, need_due=False)
    if terms.error is None:
        terms.values = {"pass": bool(written & set(PASS_KEYS)),
                        "attempts": bool(written & set(ATTEMPT_KEYS))}
    return terms


def _read(words: list[str], tz: str, now: datetime, need_due: bool) -> Terms:
    terms, due_words = Terms(), []
    for word in words:
        key, sep, value = word.partition("=")
        if sep and key.lower() in PASS_KEYS:
            number = _number(value.rstrip("%"))
            if number is None or not 0 <= number <= 100:
                return Terms(error="trainer.assign.bad_pass")
            terms.pass_mark = number
        elif sep and key.lower() in ATTEMPT_KEYS:
            number = _number(value)
            if number is None or not 1 <= number <= MAX_ATTEMPTS:
                return Terms(error="trainer.assign.bad_attempts", values={"limit": MAX_ATTEMPTS})
            terms.attempts = number
        else:
            due_words.append(word)
    if not due_words and not need_due:
        return terms
    terms.due = dates.parse_due(due_words, tz, now)
    if terms.due is None:
        return Terms(error="trainer.assign.bad_due")
    return terms


def in_days(days: int, tz: str, now: datetime) -> Terms:
    """The terms of the quick buttons: the defaults, due at the end of day ``days``."""
    return Terms(due=dates.parse_due([f"+{days}"], tz, now))


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) < 10 else None


@dataclass
class Assigned:
    assignment: Assignment | None = None
    learners: list[User] = field(default_factory=list)
    error: str | None = None  # a translation key; "trainer.not_found" when not theirs
    values: dict[str, object] = field(default_factory=dict)
    cohort: Cohort | None = None


def assign(s: Session, trainer_id: int, cohort_id: int, scenario_ids: list[str], terms: Terms,
           may_assign: Callable[[str], bool], now: datetime) -> Assigned:
    """Create the assignment in the trainer's own cohort; the learners to tell come back."""
    wanted = list(dict.fromkeys(sid for sid in scenario_ids if sid))
    unknown = [sid for sid in wanted if not may_assign(sid)]
    if unknown or not wanted:
        return Assigned(error="trainer.assign.unknown_scenario",
                        values={"ids": ", ".join(unknown) or "–"})
    if terms.due is None or terms.due <= now:
        return Assigned(error="trainer.assign.due_past")
    created = cq.create_assignment(s, trainer_id, cohort_id, wanted, terms.due,
                                   terms.pass_mark, terms.attempts)
    if created is None:
        return Assigned(error="trainer.not_found")
    cohort = cq.own_cohort(s, trainer_id, cohort_id)
    return Assigned(created[0], created[1], cohort=cohort)


def after_end(a: Assignment, cohort: Cohort | None, tz: str) -> bool:
    """Whether the due date lies after the cohort's last day (in the trainer's zone): worth
    a warning, not a refusal (a resit may run past the end on purpose)."""
    return bool(cohort and cohort.ends_on and dates.local(a.due_at, tz).date() > cohort.ends_on)


def edit(s: Session, trainer_id: int, assignment_id: int, changes: Terms, now: datetime
         ) -> Assigned:
    """Change the due moment, pass mark or attempts of the trainer's own assignment. The
    statuses follow at once: they are worked out from the attempts, never stored."""
    found = cq.own_assignment(s, trainer_id, assignment_id)
    if found is None:
        return Assigned(error="trainer.not_found")
    assignment, cohort = found
    if changes.due is not None:
        if changes.due <= now:
            return Assigned(error="trainer.assign.due_past")
        assignment.due_at = changes.due
    if changes.values.get("pass"):
        assignment.pass_mark = changes.pass_mark
    if changes.values.get("attempts"):
        assignment.max_attempts = changes.attempts
    s.add(assignment)
    s.flush()
    return Assigned(assignment, cohort=cohort)
