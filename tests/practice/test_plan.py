"""Which moment the dispatcher acts on, and where the pointer moves (pure, fixed clock)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.practice.plan import kinds_at, plan_due, replan
from bot.practice.schedule import PracticeSchedule

UTC = dt.UTC
AMS = ZoneInfo("Europe/Amsterdam")


def ams(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=AMS).astimezone(UTC)


S = PracticeSchedule(time=dt.time(9, 0), days=frozenset({0, 1, 2, 3, 4}))  # Mon-Fri


def test_a_prompt_due_a_minute_ago_is_sent_and_the_pointer_moves_to_the_next_day() -> None:
    plan = plan_due(S, ams(2024, 6, 3, 9), ams(2024, 6, 3, 9, 1))  # Monday
    assert plan.send == ams(2024, 6, 3, 9) and plan.skipped is None
    assert plan.next_at == ams(2024, 6, 4, 9)


def test_a_prompt_late_after_downtime_is_sent_once_and_a_day_old_one_is_skipped() -> None:
    late = plan_due(S, ams(2024, 6, 3, 9), ams(2024, 6, 3, 23))
    assert late.send == ams(2024, 6, 3, 9) and late.next_at == ams(2024, 6, 4, 9)
    # Down from Monday 08:00 to Tuesday 10:00: Monday's is skipped, Tuesday's is sent.
    old = plan_due(S, ams(2024, 6, 3, 9), ams(2024, 6, 4, 10))
    assert old.skipped == ams(2024, 6, 3, 9) and old.send == ams(2024, 6, 4, 9)
    assert old.next_at == ams(2024, 6, 5, 9)
    # Down a whole week: one skipped record, nothing piles up, the pointer is in the future.
    week = plan_due(S, ams(2024, 6, 3, 9), ams(2024, 6, 10, 8))
    assert week.send is None and week.skipped == ams(2024, 6, 3, 9)
    assert week.next_at == ams(2024, 6, 10, 9)


def test_sunday_carries_the_weekly_summary_even_without_a_sunday_drill() -> None:
    friday = plan_due(S, ams(2024, 6, 7, 9), ams(2024, 6, 7, 9))
    assert friday.next_at == ams(2024, 6, 9, 9)  # Sunday, for the summary
    assert kinds_at(S, ams(2024, 6, 9, 9)) == ["weekly"]
    every_day = PracticeSchedule(time=dt.time(9, 0))
    assert kinds_at(every_day, ams(2024, 6, 9, 9)) == ["drill", "weekly"]
    assert kinds_at(every_day, ams(2024, 6, 10, 9)) == ["drill"]


def test_changing_the_time_while_a_prompt_is_due_moves_it_instead_of_losing_it() -> None:
    now = ams(2024, 6, 3, 9, 0, 20)  # Monday's 09:00 is due, the sweep has not run yet
    yesterday = ams(2024, 5, 31, 9)  # Friday's prompt (the weekend had only the summary)
    later = PracticeSchedule(time=dt.time(18, 0), days=S.days)
    assert replan(later, now, old_next=ams(2024, 6, 3, 9), last_prompt=yesterday) \
        == ams(2024, 6, 3, 18)
    earlier = PracticeSchedule(time=dt.time(8, 0), days=S.days)
    # 08:00 has passed: today's prompt is due at once rather than dropped.
    assert replan(earlier, now, old_next=ams(2024, 6, 3, 9), last_prompt=yesterday) \
        == ams(2024, 6, 3, 8)


def test_moving_the_time_after_todays_prompt_does_not_send_a_second_one() -> None:
    now = ams(2024, 6, 3, 9, 5)
    later = PracticeSchedule(time=dt.time(18, 0), days=S.days)
    assert replan(later, now, old_next=ams(2024, 6, 4, 9), last_prompt=ams(2024, 6, 3, 9)) \
        == ams(2024, 6, 4, 18)
    # Nothing sent today yet, the new time still ahead: today.
    assert replan(later, now, old_next=ams(2024, 6, 3, 10), last_prompt=ams(2024, 5, 31, 9)) \
        == ams(2024, 6, 3, 18)
