"""Daily practice puts a trainer's assignment first when it is due soon."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import select

from bot.practice.choice import DrillInfo
from bot.storage import Database
from bot.storage import practice as store
from bot.storage.models import Assignment, CallSession, Cohort, Membership, PracticePrompt, User
from bot.trainers.mine import open_for_practice
from tests.databases import new_database_url

NOW = datetime(2025, 3, 11, 8, 0, tzinfo=UTC)
DRILLS = [DrillInfo("drill-closing-order", frozenset({"closing"}), 1),
          DrillInfo("drill-objection-price", frozenset({"objections"}), 1)]


def seed(s, due: datetime, passed: bool = False) -> None:
    s.add(User(id=1, first_name="Trainer", role="trainer"))
    s.add(User(id=10, first_name="Learner", practice_paused=False, next_practice_at=NOW))
    s.flush()
    s.add(Cohort(id=1, trainer_id=1, name="A", join_code="c" * 22))
    s.flush()
    s.add(Membership(cohort_id=1, user_id=10))
    s.add(Assignment(id=1, cohort_id=1, scenario_ids=["drill-objection-price"], due_at=due,
                     created_at=NOW - timedelta(days=7)))
    if passed:
        s.flush()
        s.add(CallSession(user_id=10, scenario_id="drill-objection-price", language="nl",
                          kind="drill", assignment_id=1, score=90, started_at=NOW,
                          ended_at=NOW - timedelta(hours=1)))


def _prompted(db: Database) -> PracticePrompt:
    db.call(store.claim_due, DRILLS, NOW, 10, open_for_practice)
    return db.call(lambda s: s.exec(select(PracticePrompt)).one())


def test_an_assignment_due_tomorrow_is_todays_drill(tmp_path: Path) -> None:
    db = Database(new_database_url(tmp_path, "p"))
    db.migrate()
    db.call(seed, NOW + timedelta(days=1))
    prompt = _prompted(db)
    assert (prompt.scenario_id, prompt.reason) == ("drill-objection-price", "assignment")
    db.close()


def test_a_passed_or_distant_assignment_leaves_the_choice_to_skills(tmp_path: Path) -> None:
    for name, due, passed, open_count in (("passed", NOW + timedelta(days=1), True, 0),
                                          ("distant", NOW + timedelta(days=20), False, 1)):
        db = Database(new_database_url(tmp_path, name))
        db.migrate()
        db.call(seed, due, passed)
        assert len(db.call(open_for_practice, 10, NOW)) == open_count
        assert _prompted(db).reason != "assignment"
        db.close()
