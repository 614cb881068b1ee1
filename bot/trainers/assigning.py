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
from bot.storage.models import Assignment, User
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
    return Assigned(created[0], created[1])
