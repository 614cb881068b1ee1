"""Who needs attention and the daily digest, decided against a real database: each reason,
misses older than two weeks left out, and one digest a day that stays quiet when there
is nothing to say."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.storage import Database
from bot.storage.models import Assignment, CallSession, Cohort, Membership, User
from bot.trainers import attention
from tests.databases import new_database_url

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
DRILL = "drill-objection-price"


def seed(s) -> None:
    s.add(User(id=1, first_name="Trainer", role="trainer", practice_time="08:00"))
    names = {10: "Passed", 11: "Failed", 12: "Late", 13: "Fresh", 14: "Long ago"}
    for uid, name in names.items():
        s.add(User(id=uid, first_name=name))
    s.flush()
    s.add(Cohort(id=1, trainer_id=1, name="A", join_code="c" * 22, digest=True))
    s.flush()
    for uid in names:
        s.add(Membership(cohort_id=1, user_id=uid))
    s.add(Assignment(id=1, cohort_id=1, scenario_ids=[DRILL], due_at=NOW + timedelta(days=5),
                     max_attempts=2, created_at=NOW - timedelta(days=1)))
    s.flush()
    for uid, score in ((10, 80), (11, 20), (11, 30)):
        s.add(CallSession(user_id=uid, scenario_id=DRILL, language="en", assignment_id=1,
                          score=score, started_at=NOW - timedelta(hours=2),
                          ended_at=NOW - timedelta(hours=2)))


def test_each_reason_and_only_those_who_need_it(tmp_path: Path) -> None:
    db = Database(new_database_url(tmp_path, "a"))
    db.migrate()
    db.call(seed)
    view = db.call(attention.for_cohort, 1, 1, NOW, "Europe/Amsterdam")
    assert {e.name: e.flags[0].reasons for e in view.learners} == {"Failed": ("failed",)}
    # four days later: due within two days, and the fresh ones had most of the time
    later = db.call(attention.for_cohort, 1, 1, NOW + timedelta(days=4), "Europe/Amsterdam")
    reasons = {e.name: e.flags[0].reasons for e in later.learners}
    assert reasons["Failed"] == ("failed",)
    assert reasons["Fresh"] == ("due_soon", "not_started")
    assert "Passed" not in reasons
    assert later.learners[0].name == "Failed"  # the worst first
    # past due: flagged for two weeks, then history
    due = NOW + timedelta(days=5)
    past = db.call(attention.for_cohort, 1, 1, due + timedelta(days=1), "Europe/Amsterdam")
    assert {e.name: e.flags[0].reasons for e in past.learners}["Late"] == ("past_due",)
    old = db.call(attention.for_cohort, 1, 1, due + timedelta(days=20), "Europe/Amsterdam")
    assert [e.name for e in old.learners] == ["Failed"]
    assert db.call(attention.for_cohort, 2, 1, NOW, "Europe/Amsterdam") is None  # not theirs
    db.close()


def test_one_digest_a_day_at_the_trainers_time(tmp_path: Path) -> None:
    db = Database(new_database_url(tmp_path, "d"))
    db.migrate()
    db.call(seed)

    def quiet_trainer(s) -> None:  # a digest on, but nobody to mention
        s.add(User(id=2, first_name="Quiet", role="trainer", practice_time="07:00"))
        s.flush()
        s.add(Cohort(id=2, trainer_id=2, name="Empty", join_code="d" * 22, digest=True))

    db.call(quiet_trainer)
    morning = datetime(2025, 3, 11, 6, 30, tzinfo=UTC)  # 07:30 in Amsterdam: too early
    assert db.call(attention.claim_digests, morning) == []
    (digest,) = db.call(attention.claim_digests, morning + timedelta(hours=1))
    assert digest.trainer.id == 1 and digest.cohorts[0].learners[0].name == "Failed"
    assert db.call(attention.claim_digests, morning + timedelta(hours=8)) == []  # once a day
    assert len(db.call(attention.claim_digests, morning + timedelta(days=1, hours=1))) == 1
    db.close()
