from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.practice.choice import Attempt
from bot.practice.streaks import StreakInfo, local_days, streak, week_summary

MON = dt.date(2024, 6, 10)  # a Monday
WEEKDAYS = frozenset(range(5))


def days_ago(*offsets: int, today: dt.date = MON) -> list[dt.date]:
    return [today - dt.timedelta(days=n) for n in offsets]


def test_no_practice() -> None:
    assert streak([], MON) == StreakInfo(0, 0, False)


def test_consecutive_days_including_today() -> None:
    assert streak(days_ago(0, 1, 2), MON) == StreakInfo(3, 3, False)


def test_today_not_yet_practised_keeps_streak() -> None:
    assert streak(days_ago(1, 2), MON) == StreakInfo(2, 2, False)


def test_missed_scheduled_day_breaks_streak_best_is_kept() -> None:
    info = streak(days_ago(2, 3, 4, 5, 6), MON)
    assert info == StreakInfo(current=0, best=5, missed_yesterday=True)
    assert streak(days_ago(0, 2, 3, 4), MON) == StreakInfo(1, 3, True)


def test_unscheduled_days_do_not_break() -> None:
    # Thu, Fri, (weekend off), Mon on a Monday-Friday schedule.
    assert streak(days_ago(0, 3, 4), MON, WEEKDAYS) == StreakInfo(3, 3, False)
    # Practice on Saturday still counts.
    assert streak(days_ago(0, 2, 3, 4), MON, WEEKDAYS) == StreakInfo(4, 4, False)
    # Over the weekend, before Monday's practice: the streak is intact.
    sunday = MON - dt.timedelta(days=1)
    assert streak(days_ago(3, 4), sunday, WEEKDAYS) == StreakInfo(2, 2, False)


def test_missed_yesterday_only_on_scheduled_day() -> None:
    # Yesterday was Sunday, not scheduled: nothing was missed.
    assert not streak(days_ago(3), MON, WEEKDAYS).missed_yesterday
    tuesday = MON + dt.timedelta(days=1)
    assert streak(days_ago(5), tuesday, WEEKDAYS).missed_yesterday


def test_new_learner_not_told_they_missed_a_day() -> None:
    assert streak(days_ago(0), MON) == StreakInfo(1, 1, False)


def test_future_days_ignored_and_duplicates_harmless() -> None:
    assert streak([*days_ago(0, 0, 1), MON + dt.timedelta(days=1)], MON) == StreakInfo(2, 2, False)


def test_empty_schedule_treated_as_every_day() -> None:
    assert streak(days_ago(0, 2), MON, frozenset()) == StreakInfo(1, 1, True)


def test_long_history_best_streak() -> None:
    practice = [MON - dt.timedelta(days=n) for n in range(1, 400) if n not in (50, 200)]
    info = streak(practice, MON)
    assert info == StreakInfo(current=49, best=199, missed_yesterday=False)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.UTC)


def test_week_summary_best_score_per_local_day() -> None:
    attempts = [
        Attempt("a", at(MON, 8), 40, False),
        Attempt("a", at(MON, 9), 75, True),
        Attempt("b", at(MON, 22, 30), 90, True),  # 00:30 on Tuesday in Amsterdam (CEST)
        Attempt("c", at(MON + dt.timedelta(days=6), 12), 55, False),
        Attempt("d", at(MON + dt.timedelta(days=7), 12), 100, True),  # next week
        Attempt("e", at(MON - dt.timedelta(days=1), 21, 59), 100, True),  # Sunday 23:59
    ]
    summary = week_summary(attempts, MON, "Europe/Amsterdam")
    assert [d for d, _ in summary] == [MON + dt.timedelta(days=i) for i in range(7)]
    assert [s for _, s in summary] == [75, 90, None, None, None, None, 55]
    assert week_summary(attempts, MON, ZoneInfo("Europe/Amsterdam")) == summary
    assert [s for _, s in week_summary(attempts, MON, "UTC")] == [
        90,
        None,
        None,
        None,
        None,
        None,
        55,
    ]


def test_local_days_feeds_streak() -> None:
    attempts = [Attempt("a", at(MON, 22, 30), 90, True), Attempt("a", at(MON, 1), 10, False)]
    assert local_days(attempts, "Europe/Amsterdam") == {MON, MON + dt.timedelta(days=1)}
    assert local_days(attempts, "America/New_York") == {MON, MON - dt.timedelta(days=1)}


def test_naive_attempt_time_rejected() -> None:
    with pytest.raises(ValueError, match="aware"):
        week_summary([Attempt("a", dt.datetime(2024, 6, 10, 9), 1, False)], MON, "UTC")
