"""Whose grade book an attempt is in (``bot.trainers.attempts``), on a real database: an
attempt started for an assignment is in that assignment's trainer's book only; free practice
(started from the menu, even at a scenario both trainers set) is in nobody's."""

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
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
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
    attempt("menu", "drill-a", None, 1)  # free practice at the scenario both trainers set
    attempt("for_a", "drill-a", ids[f"assignment{A}"], 1)
    attempt("for_b", "drill-a", ids[f"assignment{B}"], 0.5)
    attempt("for_a_again", "drill-a", ids[f"assignment{A}"], 0.2)
    return ids


def _owners(ids: dict[str, int], name: str):
    def query(s: Session) -> set[int]:
        return {t for t in (A, B) if attempts.owned_attempt(s, t, ids[name]) is not None}
    return query


def test_each_attempt_is_in_the_grade_book_of_the_assignment_it_was_started_for(
        db: Database) -> None:
    ids = db.call(_world)
    assert db.call(_owners(ids, "free")) == set()
    assert db.call(_owners(ids, "menu")) == set()
    assert db.call(_owners(ids, "for_a")) == {A}
    assert db.call(_owners(ids, "for_b")) == {B}


def test_an_attempt_is_numbered_as_the_learner_made_it_not_by_database_id(db: Database) -> None:
    ids = db.call(_world)
    number = {name: db.call(attempts.owned_attempt, t, ids[name]).number
              for name, t in (("for_a", A), ("for_b", B), ("for_a_again", A))}
    assert (ids["for_a"], ids["for_b"], ids["for_a_again"]) == (3, 4, 5)
    assert number == {"for_a": 1, "for_b": 1, "for_a_again": 2}


def test_overrides_are_kept_per_trainer_with_their_history(db: Database) -> None:
    ids = db.call(_world)
    assert db.call(attempts.override, B, ids["for_a"], 10, "mine now") is None
    assert db.call(attempts.override, A, ids["menu"], 10, "free practice") is None
    db.call(attempts.override, A, ids["for_a"], 90, "well argued")
    db.call(attempts.override, B, ids["for_b"], 40, "too short")  # B's own book
    done = db.call(attempts.override, A, ids["for_a"], 75, "second look")
    assert [(o.previous, o.score, o.reason, who) for o, who in done.history] == [
        (70, 90, "well argued", "Tineke"), (90, 75, "second look", "Tineke")]
    assert db.call(attempts.owned_attempt, A, ids["for_a"]).override.score == 75
    seen_by_b = db.call(attempts.owned_attempt, B, ids["for_b"])
    assert [(o.score, who) for o, who in seen_by_b.history] == [(40, "Otto")]


def test_the_trainer_migrations_keep_every_row_and_go_back(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    from bot.storage.database import make_engine
    from bot.storage.migrations import alembic_config, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "d9d0d6f79b87")
    with engine.begin() as c:
        _insert(c, "users", {"id": 200, "first_name": "L"})
        _insert(c, "sessions", {"user_id": 200, "scenario_id": "drill-a", "score": 70,
                                "prep": "{}", "state": "{}"})
        c.execute(text("INSERT INTO score_overrides (session_id, trainer_id, score, reason, at)"
                       " VALUES (1, 100, 80, 'first', '2025-01-02')"))
        _insert(c, "users", {"id": 100, "first_name": "T"})
        _insert(c, "cohorts", {"trainer_id": 100, "name": "c", "join_code": "code"})
        _insert(c, "memberships", {"cohort_id": 1, "user_id": 200, "hide_name": 1})
        _insert(c, "assignments", {"cohort_id": 1, "scenario_ids": "[]"})
    before = _counts(engine)
    assert set(before.values()) == {1, 2}
    upgrade(engine)
    with engine.begin() as c:  # the hidden name moved to the person
        assert c.execute(text("SELECT hide_name FROM users WHERE id = 200")).scalar() == 1
    with engine.begin() as c:
        c.execute(text("INSERT INTO score_overrides (session_id, trainer_id, score, previous,"
                       " reason, at) VALUES (1, 100, 90, 80, 'second', '2025-01-03')"))
        rows = c.execute(text("SELECT score, previous, reason FROM score_overrides ORDER BY id"))
        assert [tuple(r) for r in rows] == [(80, None, "first"), (90, 80, "second")]
    assert _counts(engine) == before
    command.downgrade(alembic_config(engine), "d9d0d6f79b87")
    with engine.begin() as c:
        rows = c.execute(text("SELECT score, reason FROM score_overrides"))
        assert [tuple(r) for r in rows] == [(90, "second")]
    assert _counts(engine) == before
    engine.dispose()


def _counts(engine) -> dict[str, int]:
    """Rows that cascade from users and cohorts: a migration that rebuilds one of those
    tables with foreign keys on would delete them."""
    from sqlalchemy import text

    with engine.begin() as c:
        return {t: c.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()
                for t in ("users", "cohorts", "memberships", "assignments", "sessions")}


def _insert(c, table: str, values: dict) -> None:
    """A row with the given values and a plain value in every other required column (the
    schema of an old revision, whatever it was)."""
    from sqlalchemy import text

    plain = {"INTEGER": 0, "BIGINT": 0, "BOOLEAN": 0, "FLOAT": 0.0}
    row = dict(values)
    for _, name, kind, notnull, default, pk in c.execute(text(f"PRAGMA table_info({table})")):
        if notnull and default is None and not pk and name not in row:
            row[name] = plain.get(kind.upper(), "2025-01-01" if "DATE" in kind.upper() else "x")
    names = sorted(row)
    c.execute(text(f"INSERT INTO {table} ({', '.join(names)}) VALUES "
                   f"({', '.join(':' + n for n in names)})"), row)


def test_earlier_menu_attempts_are_linked_to_the_assignment_the_rule_picks(
        tmp_path: Path) -> None:
    """Migration 0013: before it, a menu attempt counted for every assignment of its
    scenario; now an attempt counts for the one it is linked to, so each earlier one is
    linked as the rule would have started it: due first, while attempts are left."""
    from sqlalchemy import text

    from bot.storage.database import make_engine
    from bot.storage.migrations import upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0012_review_queue")
    with engine.begin() as c:
        for uid in (LEARNER, A, B):
            _insert(c, "users", {"id": uid, "first_name": str(uid)})
        for cid, trainer in ((1, A), (2, B)):
            _insert(c, "cohorts", {"id": cid, "trainer_id": trainer, "name": f"c{cid}",
                                   "join_code": f"code{cid}"})
            _insert(c, "memberships", {"cohort_id": cid, "user_id": LEARNER})
        # B's is due later, A's first and with one attempt
        _insert(c, "assignments", {"id": 1, "cohort_id": 2, "scenario_ids": '["drill-a"]',
                                   "due_at": "2025-01-20 17:00:00", "pass_mark": 60,
                                   "max_attempts": 3, "created_at": "2025-01-01 09:00:00"})
        _insert(c, "assignments", {"id": 2, "cohort_id": 1, "scenario_ids": '["drill-a"]',
                                   "due_at": "2025-01-10 17:00:00", "pass_mark": 60,
                                   "max_attempts": 1, "created_at": "2025-01-01 09:00:00"})
        for sid, scenario, started, score, linked in (
                (1, "drill-a", "2024-12-20 10:00:00", 90, None),  # before either was set
                (2, "drill-a", "2025-01-05 10:00:00", 50, None),  # A's one attempt
                (3, "drill-a", "2025-01-06 10:00:00", 70, None),  # A used up: B's
                (4, "drill-b", "2025-01-06 11:00:00", 70, None),  # nobody set drill-b
                (5, "drill-a", "2025-01-07 10:00:00", 80, 1),  # already linked: kept
                (6, "drill-a", "2025-01-08 10:00:00", 85, None),  # B passed: nowhere
                (7, "drill-a", "2025-01-08 11:00:00", None, None)):  # unscored: left
            _insert(c, "sessions", {"id": sid, "user_id": LEARNER, "scenario_id": scenario,
                                    "started_at": started, "score": score,
                                    "assignment_id": linked, "prep": "{}", "state": "{}"})
    upgrade(engine)
    with engine.begin() as c:
        links = dict(c.execute(text("SELECT id, assignment_id FROM sessions")).all())
    assert links == {1: None, 2: 2, 3: 1, 4: None, 5: 1, 6: None, 7: None}
    engine.dispose()
