from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.practice.schedule import (
    ALL_DAYS,
    MAX_LATE,
    PracticeSchedule,
    next_due,
    overdue_action,
)

UTC = dt.UTC
AMS = ZoneInfo("Europe/Amsterdam")
FAR_ZONES = (
    "Europe/Amsterdam",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Pacific/Chatham",
)
TIMES = (dt.time(0, 30), dt.time(2, 30), dt.time(9, 0), dt.time(23, 59))


def local(zone: str, *args: int, fold: int = 0) -> dt.datetime:
    return dt.datetime(*args, tzinfo=ZoneInfo(zone), fold=fold)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def due_after(schedule: PracticeSchedule, after: dt.datetime) -> dt.datetime:
    due = next_due(schedule, after)
    assert due is not None
    assert due.tzinfo is UTC
    return due


# --- basics ---------------------------------------------------------------------------------


def test_defaults() -> None:
    s = PracticeSchedule()
    assert (s.time, s.days, s.timezone, s.paused) == (
        dt.time(9),
        ALL_DAYS,
        "Europe/Amsterdam",
        False,
    )


def test_next_due_same_day_and_next_day() -> None:
    s = PracticeSchedule()
    # 06:00 UTC on a summer day is 08:00 in Amsterdam: today's 09:00 is still ahead.
    assert due_after(s, utc(2024, 6, 3, 6)) == utc(2024, 6, 3, 7)
    # Strictly after: at exactly the due moment the next one is tomorrow's.
    assert due_after(s, utc(2024, 6, 3, 7)) == utc(2024, 6, 4, 7)
    assert due_after(s, utc(2024, 6, 3, 6, 59, 59)) == utc(2024, 6, 3, 7)


def test_winter_offset() -> None:
    assert due_after(PracticeSchedule(), utc(2024, 1, 15, 12)) == utc(2024, 1, 16, 8)


def test_accepts_non_utc_after() -> None:
    after = local("America/New_York", 2024, 6, 3, 2)  # = 06:00 UTC
    assert due_after(PracticeSchedule(), after) == utc(2024, 6, 3, 7)


def test_naive_after_rejected() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_due(PracticeSchedule(), dt.datetime(2024, 6, 3, 6))


def test_paused_or_no_days_gives_none() -> None:
    assert next_due(PracticeSchedule(paused=True), utc(2024, 6, 3)) is None
    assert next_due(PracticeSchedule(days=frozenset()), utc(2024, 6, 3)) is None


def test_invalid_days_rejected() -> None:
    with pytest.raises(ValueError, match=r"0\.\.6"):
        PracticeSchedule(days=frozenset({7}))


def test_days_normalised_to_frozenset() -> None:
    s = PracticeSchedule(days={0, 2})  # type: ignore[arg-type]
    assert s.days == frozenset({0, 2})
    assert hash(s) == hash(PracticeSchedule(days=frozenset({2, 0})))


def test_days_of_week_filtering() -> None:
    s = PracticeSchedule(days=frozenset({0, 2, 4}))  # Mon, Wed, Fri
    d = utc(2024, 6, 1)  # Saturday
    seen = []
    for _ in range(6):
        d = due_after(s, d)
        seen.append(d.astimezone(AMS))
    assert [x.strftime("%a %d") for x in seen] == [
        "Mon 03",
        "Wed 05",
        "Fri 07",
        "Mon 10",
        "Wed 12",
        "Fri 14",
    ]
    assert all(x.time() == dt.time(9) for x in seen)


def test_single_day_a_week() -> None:
    s = PracticeSchedule(days=frozenset({6}), time=dt.time(18))
    sunday = due_after(s, utc(2024, 6, 3))
    assert sunday.astimezone(AMS) == local("Europe/Amsterdam", 2024, 6, 9, 18)
    assert due_after(s, sunday) - sunday == dt.timedelta(days=7)


# --- quiet hours ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("practice", "start", "end", "expected"),
    [
        (dt.time(23, 30), dt.time(22), dt.time(7), dt.time(7)),  # wraps midnight, evening part
        (dt.time(6, 59), dt.time(22), dt.time(7), dt.time(7)),  # wraps midnight, morning part
        (dt.time(22), dt.time(22), dt.time(7), dt.time(7)),  # start is inclusive
        (dt.time(0), dt.time(22), dt.time(7), dt.time(7)),
        (dt.time(7), dt.time(22), dt.time(7), dt.time(7)),  # end is exclusive: unchanged
        (dt.time(21, 59), dt.time(22), dt.time(7), dt.time(21, 59)),
        (dt.time(12, 30), dt.time(12), dt.time(13), dt.time(13)),  # same-day window
        (dt.time(13), dt.time(12), dt.time(13), dt.time(13)),
        (dt.time(11, 59), dt.time(12), dt.time(13), dt.time(11, 59)),
        (dt.time(9), dt.time(9), dt.time(9), dt.time(9)),  # empty window
    ],
)
def test_quiet_hours_send_time(
    practice: dt.time, start: dt.time, end: dt.time, expected: dt.time
) -> None:
    s = PracticeSchedule(time=practice, quiet_start=start, quiet_end=end)
    assert s.send_time == expected


def test_quiet_hours_move_to_end_of_window_same_day() -> None:
    s = PracticeSchedule(
        time=dt.time(23, 30), days=frozenset({0}), quiet_start=dt.time(22), quiet_end=dt.time(7)
    )
    # The Monday prompt stays on Monday, at 07:00.
    due = due_after(s, utc(2024, 6, 1))
    assert due.astimezone(AMS) == local("Europe/Amsterdam", 2024, 6, 3, 7)


def test_quiet_hours_must_be_paired() -> None:
    with pytest.raises(ValueError, match="together"):
        PracticeSchedule(quiet_start=dt.time(22))


# --- DST ------------------------------------------------------------------------------------


def test_amsterdam_spring_forward_nonexistent_time_sent_at_gap_end_once() -> None:
    s = PracticeSchedule(time=dt.time(2, 30))
    before = due_after(s, utc(2024, 3, 29, 12))
    assert before == local("Europe/Amsterdam", 2024, 3, 30, 2, 30)
    gap_day = due_after(s, before)
    assert gap_day == utc(2024, 3, 31, 1)  # 03:00 CEST, the first moment after the gap
    assert gap_day.astimezone(AMS).time() == dt.time(3)
    after = due_after(s, gap_day)
    assert after == local("Europe/Amsterdam", 2024, 4, 1, 2, 30)
    # Asking from anywhere inside the gap day before 03:00 gives the same single moment.
    assert due_after(s, utc(2024, 3, 30, 23)) == gap_day
    assert due_after(s, utc(2024, 3, 31, 0, 59, 59)) == gap_day


def test_amsterdam_spring_forward_other_times_unaffected() -> None:
    s = PracticeSchedule(time=dt.time(3, 0))
    assert due_after(s, utc(2024, 3, 30, 12)) == utc(2024, 3, 31, 1)
    s = PracticeSchedule(time=dt.time(1, 59))
    assert due_after(s, utc(2024, 3, 30, 12)) == utc(2024, 3, 31, 0, 59)


def test_amsterdam_fall_back_ambiguous_time_sent_once_first_occurrence() -> None:
    s = PracticeSchedule(time=dt.time(2, 30))
    first = due_after(s, utc(2024, 10, 26, 12))
    assert first == utc(2024, 10, 27, 0, 30)  # 02:30 CEST (fold=0)
    # (PEP 495: comparing an ambiguous local time across zones is always unequal, so
    # convert first.)
    assert first == local("Europe/Amsterdam", 2024, 10, 27, 2, 30, fold=0).astimezone(UTC)
    # Neither from the first occurrence nor from between the two occurrences is it repeated.
    second_occurrence = local("Europe/Amsterdam", 2024, 10, 27, 2, 30, fold=1)
    assert second_occurrence.astimezone(UTC) == utc(2024, 10, 27, 1, 30)
    nxt = local("Europe/Amsterdam", 2024, 10, 28, 2, 30).astimezone(UTC)
    assert due_after(s, first) == nxt
    assert due_after(s, utc(2024, 10, 27, 1)) == nxt
    assert due_after(s, second_occurrence) == nxt


def test_new_york_spring_forward() -> None:
    s = PracticeSchedule(time=dt.time(2, 30), timezone="America/New_York")
    assert due_after(s, utc(2024, 3, 9, 12)) == utc(2024, 3, 10, 7)  # 03:00 EDT


def test_sydney_southern_hemisphere() -> None:
    s = PracticeSchedule(time=dt.time(2, 30), timezone="Australia/Sydney")
    # Spring forward on the first Sunday of October.
    gap = due_after(s, local("Australia/Sydney", 2024, 10, 5, 12))
    assert gap.astimezone(ZoneInfo("Australia/Sydney")).replace(tzinfo=None) == dt.datetime(
        2024, 10, 6, 3
    )
    # Fall back on the first Sunday of April: 02:30 AEDT, once.
    first = due_after(s, local("Australia/Sydney", 2024, 4, 6, 12))
    assert first == utc(2024, 4, 6, 15, 30)
    assert due_after(s, first).astimezone(ZoneInfo("Australia/Sydney")).day == 8


def test_chatham_quarter_hour_gap() -> None:
    s = PracticeSchedule(time=dt.time(3), timezone="Pacific/Chatham")
    zone = ZoneInfo("Pacific/Chatham")
    # 02:45 -> 03:45 on the last Sunday of September: 03:00 does not exist.
    gap = due_after(s, local("Pacific/Chatham", 2024, 9, 28, 12))
    assert gap.astimezone(zone).replace(tzinfo=None) == dt.datetime(2024, 9, 29, 3, 45)
    assert gap.astimezone(zone).utcoffset() == dt.timedelta(hours=13, minutes=45)
    # 03:45 -> 02:45 on the first Sunday of April: 03:00 occurs twice; first is +13:45.
    first = due_after(s, local("Pacific/Chatham", 2024, 4, 6, 12))
    assert first == utc(2024, 4, 6, 13, 15)


def test_kolkata_half_hour_offset() -> None:
    s = PracticeSchedule(time=dt.time(9), timezone="Asia/Kolkata")
    assert due_after(s, utc(2024, 3, 31)) == utc(2024, 3, 31, 3, 30)


def _local_dates_for_year(zone: str, t: dt.time, days: frozenset[int]) -> list[dt.date]:
    s = PracticeSchedule(time=t, timezone=zone, days=days)
    tz = ZoneInfo(zone)
    start = dt.datetime(2024, 1, 1, tzinfo=tz).astimezone(UTC) - dt.timedelta(seconds=1)
    end = dt.datetime(2025, 1, 1, tzinfo=tz).astimezone(UTC)
    dates = []
    d = due_after(s, start)
    while d < end:
        dates.append(d.astimezone(tz).date())
        nxt = due_after(s, d)
        assert nxt > d
        d = nxt
    return dates


@pytest.mark.parametrize("zone", FAR_ZONES)
@pytest.mark.parametrize("t", TIMES, ids=str)
def test_full_year_exactly_one_prompt_per_day(zone: str, t: dt.time) -> None:
    dates = _local_dates_for_year(zone, t, ALL_DAYS)
    expected = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(366)]
    assert dates == expected


@pytest.mark.parametrize("zone", FAR_ZONES)
def test_full_year_weekdays_only(zone: str) -> None:
    weekdays = frozenset(range(5))
    dates = _local_dates_for_year(zone, dt.time(2, 30), weekdays)
    expected = [
        day
        for i in range(366)
        if (day := dt.date(2024, 1, 1) + dt.timedelta(days=i)).weekday() in weekdays
    ]
    assert dates == expected


# --- overdue --------------------------------------------------------------------------------

NOW = utc(2024, 6, 3, 12)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (NOW + dt.timedelta(seconds=1), "wait"),
        (NOW + dt.timedelta(days=1), "wait"),
        (NOW, "send"),
        (NOW - dt.timedelta(hours=3), "send"),  # e.g. after a restart
        (NOW - MAX_LATE + dt.timedelta(seconds=1), "send"),
        (NOW - MAX_LATE, "skip"),
        (NOW - dt.timedelta(days=1), "skip"),  # a day-old prompt is never sent
        (NOW - dt.timedelta(days=30), "skip"),
    ],
)
def test_overdue_action(due: dt.datetime, expected: str) -> None:
    assert overdue_action(due, NOW) == expected


def test_overdue_default_is_20_hours_and_custom_limit() -> None:
    assert dt.timedelta(hours=20) == MAX_LATE
    due = NOW - dt.timedelta(hours=2)
    assert overdue_action(due, NOW, max_late=dt.timedelta(hours=1)) == "skip"
    assert overdue_action(due, NOW, max_late=dt.timedelta(hours=3)) == "send"


def test_overdue_compares_instants_across_zones() -> None:
    due = local("Europe/Amsterdam", 2024, 6, 3, 14)  # = 12:00 UTC
    assert overdue_action(due, NOW) == "send"
    assert overdue_action(due, NOW - dt.timedelta(seconds=1)) == "wait"


def test_late_prompt_never_collides_with_next_day() -> None:
    # The shortest gap between two daily prompts is the spring-forward day (23.5 h here);
    # the latest send of one prompt is still hours before the next is due.
    s = PracticeSchedule(time=dt.time(2, 30))
    d = due_after(s, utc(2024, 3, 29))
    for _ in range(4):
        nxt = due_after(s, d)
        assert nxt - d > MAX_LATE + dt.timedelta(hours=3)
        d = nxt


def test_overdue_naive_rejected() -> None:
    with pytest.raises(ValueError, match="aware"):
        overdue_action(dt.datetime(2024, 6, 3), NOW)
