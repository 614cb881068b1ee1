"""Reading results: a trainer's report on one of their own cohorts, and the leaderboards a
learner (or trainer) may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.storage import cohorts as cq
from bot.storage import reviews as rv
from bot.storage.models import Cohort
from bot.trainers import cohort_report as rep

LEADERBOARD_PLACES = 20


def own_report(s: Session, trainer_id: int, cohort_id: int, now: datetime
               ) -> rep.CohortReport | None:
    """The cohort's report, only when the cohort is this trainer's."""
    cohort = cq.own_cohort(s, trainer_id, cohort_id)
    if cohort is None:
        return None
    report = rep.build(cq.cohort_data(s, cohort), now)
    ids = [sid for row in report.rows for sid in report.counted_ids(row)]
    report.reviewed = set(rv.reviewed(s, trainer_id, ids))
    return report


@dataclass
class Board:
    cohort: Cohort
    places: list[tuple[str | None, int, int]]  # name (None: hidden), passed, score
    shown_to_learners: bool


def leaderboards(s: Session, user_id: int, trains: bool, now: datetime) -> list[Board]:
    """The boards of the learner's cohorts where the trainer switched one on; a trainer
    also sees their own cohorts' boards, switched on or not."""
    cohorts = [c for c, _ in cq.learner_cohorts(s, user_id) if c.leaderboard]
    if trains:
        cohorts += [c for c, _ in cq.trainer_cohorts(s, user_id)]
    boards = []
    for cohort in {c.id: c for c in cohorts}.values():
        board = rep.leaderboard(rep.build(cq.cohort_data(s, cohort), now))
        boards.append(Board(cohort, board[:LEADERBOARD_PLACES], cohort.leaderboard))
    return boards
