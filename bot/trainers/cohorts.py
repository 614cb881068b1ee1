"""Creating a cohort: the name, language and end date a trainer may give it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from bot.i18n import LANGUAGES
from bot.storage import cohorts as cq
from bot.storage.models import Cohort
from bot.trainers import codes, dates

MAX_NAME = 60


@dataclass
class NewCohort:
    cohort: Cohort | None = None
    error: str | None = None  # a translation key


def create(s: Session, trainer_id: int, words: list[str], default_language: str,
           today: date) -> NewCohort:
    """``<name> [nl|en] [end date]``: the end date may not lie in the past, the name is
    one to ``MAX_NAME`` characters, the language defaults to the trainer's."""
    words = list(words)
    ends_on = dates.parse_date(words[-1]) if words else None
    if ends_on is not None:
        words.pop()
        if ends_on < today:
            return NewCohort(error="trainer.cohort.end_past")
    language = default_language
    if words and words[-1].lower() in LANGUAGES:
        language = words.pop().lower()
    name = " ".join(words).strip()
    if not name or len(name) > MAX_NAME:
        return NewCohort(error="trainer.cohort.usage_new")
    return NewCohort(cq.create_cohort(s, trainer_id, name, language, ends_on, codes.new_code))
