"""The reminder job's decision, against a real database: once per learner, only for those
who have not passed, never twice even when the job runs again (as after a restart)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.storage import Database
from bot.storage.models import Assignment, CallSession, Cohort, Membership, User
from bot.trainers.reminders import claim_due_reminders
from tests.databases import new_database_url

DUE = datetime(2025, 3, 12, 22, 59, tzinfo=UTC)  # 23:59 Amsterdam


def seed(s) -> None:
    s.add(User(id=1, first_name="Trainer", role="trainer"))
    for uid, name in ((10, "Open"), (11, "Passed"), (12, "Early bird")):
        s.add(User(id=uid, first_name=name, practice_time="09:00" if uid != 12 else "06:00"))
    s.flush()
    s.add(Cohort(id=1, trainer_id=1, name="A", join_code="c" * 22))
    s.flush()
    for uid in (10, 11, 12):
        s.add(Membership(cohort_id=1, user_id=uid))
    s.add(Assignment(id=1, cohort_id=1, scenario_ids=["drill-objection-price"], due_at=DUE,
                     created_at=DUE - timedelta(days=7)))
    s.flush()
    s.add(CallSession(user_id=11, scenario_id="drill-objection-price", language="nl",
                      assignment_id=1, score=90, started_at=DUE - timedelta(days=3),
                      ended_at=DUE - timedelta(days=3)))


def test_reminders_go_once_at_each_learners_time_and_skip_who_passed(tmp_path: Path) -> None:
    db = Database(new_database_url(tmp_path, "r"))
    db.migrate()
    db.call(seed)
    before = datetime(2025, 3, 11, 4, 0, tzinfo=UTC)  # 05:00 in Amsterdam, the day before
    assert db.call(claim_due_reminders, before) == []
    early = db.call(claim_due_reminders, datetime(2025, 3, 11, 5, 30, tzinfo=UTC))
    assert [r.user_id for r in early] == [12]
    later = db.call(claim_due_reminders, datetime(2025, 3, 11, 8, 5, tzinfo=UTC))
    assert [r.user_id for r in later] == [10]
    again = db.call(claim_due_reminders, datetime(2025, 3, 11, 9, 0, tzinfo=UTC))
    assert again == []
    assert db.call(claim_due_reminders, DUE + timedelta(minutes=1)) == []
    db.close()


def test_work_set_late_is_reminded_on_the_due_day_or_halfway_but_not_at_night() -> None:
    from bot.trainers.reminders import reminder_at

    learner = User(id=10, practice_time="09:00")

    def at(set_at: datetime, due: datetime) -> datetime:
        return reminder_at(Assignment(cohort_id=1, due_at=due, created_at=set_at), learner)

    # set the evening before, due at 17:00: the practice time on the due day
    assert at(datetime(2025, 3, 11, 19, 0, tzinfo=UTC),
              datetime(2025, 3, 12, 16, 0, tzinfo=UTC)) == datetime(2025, 3, 12, 8, 0, tzinfo=UTC)
    # set at 11:00, due 23:59 the same day: halfway, 17:29
    assert at(datetime(2025, 3, 12, 10, 0, tzinfo=UTC), DUE) == \
        datetime(2025, 3, 12, 16, 29, 30, tzinfo=UTC)
    # set at 21:00, due at 08:00: halfway is 02:30, so 07:00 instead
    assert at(datetime(2025, 3, 11, 20, 0, tzinfo=UTC),
              datetime(2025, 3, 12, 7, 0, tzinfo=UTC)) == datetime(2025, 3, 12, 6, 0, tzinfo=UTC)


def test_an_extended_learner_is_reminded_before_their_own_due_and_an_extra_attempt_counts(
        tmp_path: Path) -> None:
    """What the trainer granted one learner (``/assign extend``, ``/assign extra``) holds
    for the reminder too: the day before *their* due moment, with that date, and a learner
    who failed but got one more attempt is reminded like anyone who has not finished."""
    from bot.storage.models import AssignmentException

    later = DUE + timedelta(days=5)

    def seed_granted(s) -> None:
        seed(s)
        s.flush()
        s.add(AssignmentException(assignment_id=1, user_id=10, due_at=later))
        s.add(AssignmentException(assignment_id=1, user_id=11, extra_attempts=1))
        for _ in range(3):  # the three attempts of the default, all below the pass mark
            s.add(CallSession(user_id=12, scenario_id="drill-objection-price", language="nl",
                              assignment_id=1, score=20, started_at=DUE - timedelta(days=2),
                              ended_at=DUE - timedelta(days=2)))
        s.add(AssignmentException(assignment_id=1, user_id=12, extra_attempts=1))

    db = Database(new_database_url(tmp_path, "r"))
    db.migrate()
    db.call(seed_granted)
    usual = db.call(claim_due_reminders, datetime(2025, 3, 11, 8, 5, tzinfo=UTC))
    assert [r.user_id for r in usual] == [12]  # 10 is extended; 11 passed (extra or not)
    assert usual[0].due_at == DUE
    # 09:05 in Amsterdam the day before 10's own due day, after the assignment's due moment
    theirs = db.call(claim_due_reminders, datetime(2025, 3, 16, 8, 5, tzinfo=UTC))
    assert [(r.user_id, r.due_at) for r in theirs] == [(10, later)]
    db.close()
