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


# Stored actions on cohorts, their members and assignments that are the query itself.
trainer_cohorts = cq.trainer_cohorts  # (cohort, member count) of one trainer
own_cohort = cq.own_cohort  # None unless the trainer owns it
overview = cq.overview
rotate_code = cq.rotate_code  # a new join code: the old one stops working
update_cohort = cq.update_cohort
toggle = cq.toggle  # flip a switch: join_open, leaderboard, notify or digest
remove_member = cq.remove_member
reinvite = cq.reinvite
join = cq.join  # a learner joins by code
leave = cq.leave
learner_cohorts = cq.learner_cohorts  # (cohort, membership) of one learner
own_assignment = cq.own_assignment
delete_assignment = cq.delete_assignment
grant = cq.grant  # more time for one learner on one assignment
