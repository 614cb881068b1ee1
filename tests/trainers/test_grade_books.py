"""Whose grade book an attempt is in (``bot.trainers.attempts``), on a real database:
free practice is in nobody's, a menu attempt at an assigned scenario in the book of every
trainer who set it before the attempt began, an assignment attempt in its trainer's only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from bot.storage import Database
from bot.storage.models import Assignment, CallSession, Cohort, Membership, User, utcnow
from bot.trainers import attempts

A, B, LEARNER = 100, 101, 200


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'bot.db'}")
    database.migrate()
    yield database
    database.close()


def _world(s: Session) -> dict[str, int]:
    now = utcnow()
    for uid, name in ((A, "Tineke"), (B, "Otto"), (LEARNER, "Lotte")):
        s.add(User(id=uid, first_name=name, language="en"))
    s.flush()
    ids: dict[str, int] = {}
    for trainer in (A, B):
        cohort = Cohort(trainer_id=trainer, name=f"c{trainer}", language="en",
                        join_code=f"code{trainer}")
        s.add(cohort)
        s.flush()
        s.add(Membership(cohort_id=cohort.id, user_id=LEARNER))
        a = Assignment(cohort_id=cohort.id, scenario_ids=["drill-a"], due_at=now + timedelta(
            days=7), pass_mark=60, max_attempts=3, created_at=now - timedelta(days=2))
        s.add(a)
        s.flush()
        ids[f"assignment{trainer}"] = a.id

    def attempt(name: str, sid: str, assignment_id: int | None, days_ago: float) -> None:
        cs = CallSession(user_id=LEARNER, scenario_id=sid, language="en", score=70,
                         phase="ended", started_at=now - timedelta(days=days_ago),
                         ended_at=now, assignment_id=assignment_id)
        s.add(cs)
        s.flush()
        ids[name] = cs.id

    attempt("free", "drill-b", None, 1)  # a scenario nobody assigned
    attempt("before", "drill-a", None, 3)  # before either assignment was set
    attempt("menu", "drill-a", None, 1)  # counts for both assignments
    attempt("for_a", "drill-a", ids[f"assignment{A}"], 1)
    return ids


def _owners(ids: dict[str, int], name: str):
    def query(s: Session) -> set[int]:
        return {t for t in (A, B) if attempts.owned_attempt(s, t, ids[name]) is not None}
    return query


def test_each_attempt_is_in_the_grade_books_it_counts_for(db: Database) -> None:
    ids = db.call(_world)
    assert db.call(_owners(ids, "free")) == set()
    assert db.call(_owners(ids, "before")) == set()
    assert db.call(_owners(ids, "menu")) == {A, B}
    assert db.call(_owners(ids, "for_a")) == {A}


def test_an_override_is_kept_in_its_trainers_book_only(db: Database) -> None:
    ids = db.call(_world)
    assert db.call(attempts.override, B, ids["for_a"], 10, "mine now") is None
    assert db.call(attempts.override, A, ids["menu"], 90, "well argued") is not None
    assert db.call(attempts.owned_attempt, A, ids["menu"]).override.score == 90
    assert db.call(attempts.owned_attempt, B, ids["menu"]).override is None
