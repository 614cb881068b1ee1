"""Assignment statuses as trainers and learners see them, and when reminders go out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.storage.models import Assignment, CallSession, ScoreOverride
from bot.trainers.dates import parse_due
from bot.trainers.progress import progress
from bot.trainers.reminders import reminder_moment

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def assignment(ids=("drill-a",), due_days=3, pass_mark=60, attempts=2) -> Assignment:
    return Assignment(id=1, cohort_id=1, scenario_ids=list(ids), due_at=NOW + timedelta(
        days=due_days), pass_mark=pass_mark, max_attempts=attempts,
        created_at=NOW - timedelta(days=5))


_IDS = iter(range(1, 10_000))


def attempt(sid="drill-a", score=None, days_ago=1, assignment_id: int | None = 1
            ) -> CallSession:
    """An attempt started from assignment 1 (``assignment_id`` None: free practice)."""
    start = NOW - timedelta(days=days_ago)
    return CallSession(id=next(_IDS), user_id=5, scenario_id=sid, language="nl", score=score,
                       started_at=start, ended_at=start + timedelta(minutes=5) if score is not
                       None else None, assignment_id=assignment_id)


def test_statuses_follow_the_attempts() -> None:
    a = assignment()
    assert progress(a, [], {}, NOW).status == "not_started"
    assert progress(a, [attempt()], {}, NOW).status == "in_progress"
    assert progress(a, [attempt(score=40)], {}, NOW).status == "in_progress"
    assert progress(a, [attempt(score=40), attempt(score=70)], {}, NOW).status == "passed"
    assert progress(a, [attempt(score=40), attempt(score=50)], {}, NOW).status == "failed"
    assert progress(a, [attempt(score=40)], {}, NOW + timedelta(days=4)).status == "past_due"


def test_attempts_beyond_the_limit_for_other_assignments_or_free_do_not_count() -> None:
    a = assignment()
    late_try = [attempt(score=10), attempt(score=20), attempt(score=95)]
    p = progress(a, late_try, {}, NOW)
    assert (p.status, p.best, p.attempts) == ("failed", 20, 2)
    other = progress(a, [attempt(score=95, assignment_id=2)], {}, NOW)
    assert other.status == "not_started"
    free = progress(a, [attempt(score=95, assignment_id=None)], {}, NOW)
    assert (free.status, free.attempts) == ("not_started", 0)  # free practice is not graded


def test_a_drill_set_passes_only_when_every_drill_does() -> None:
    a = assignment(ids=("drill-a", "drill-b"))
    half = progress(a, [attempt("drill-a", 80)], {}, NOW)
    assert (half.status, half.best) == ("in_progress", 80)  # the drills tried
    both = progress(a, [attempt("drill-a", 80), attempt("drill-b", 60)], {}, NOW)
    assert (both.status, both.best) == ("passed", 70)


def test_an_override_replaces_the_score_and_is_marked() -> None:
    a = assignment()
    cs = attempt(score=40)
    p = progress(a, [cs], {cs.id: ScoreOverride(session_id=cs.id, trainer_id=1, score=65,
                                                reason="audio problem")}, NOW)
    assert (p.status, p.best, p.overridden) == ("passed", 65, True)


def test_a_pass_after_the_due_moment_is_marked_late() -> None:
    a = assignment(due_days=-1)
    p = progress(a, [attempt(score=90, days_ago=0)], {}, NOW)
    assert p.status == "passed" and p.late


def test_the_reminder_is_at_the_learners_practice_time_the_day_before() -> None:
    due = datetime(2025, 3, 28, 22, 59, tzinfo=UTC)  # 23:59 in Amsterdam
    assert reminder_moment(due, "08:30", "Europe/Amsterdam") == \
        datetime(2025, 3, 27, 7, 30, tzinfo=UTC)
    # across the spring DST change (30 March): local time stays 08:30
    due = datetime(2025, 3, 31, 21, 59, tzinfo=UTC)
    assert reminder_moment(due, "08:30", "Europe/Amsterdam") == \
        datetime(2025, 3, 30, 6, 30, tzinfo=UTC)
    assert reminder_moment(due, "08:30", "America/New_York") == \
        datetime(2025, 3, 30, 12, 30, tzinfo=UTC)


def test_due_dates_are_read_in_the_trainers_time_zone() -> None:
    assert parse_due(["30-06-2025"], "Europe/Amsterdam", NOW) == \
        datetime(2025, 6, 30, 21, 59, tzinfo=UTC)
    assert parse_due(["2025-06-30", "17:00"], "Europe/Amsterdam", NOW) == \
        datetime(2025, 6, 30, 15, 0, tzinfo=UTC)
    assert parse_due(["+7"], "Europe/Amsterdam", NOW) == datetime(2025, 3, 17, 22, 59,
                                                                  tzinfo=UTC)
    assert parse_due(["31-02-2025"], "Europe/Amsterdam", NOW) is None
    assert parse_due(["tomorrow"], "Europe/Amsterdam", NOW) is None
