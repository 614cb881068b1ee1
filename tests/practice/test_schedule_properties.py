from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.practice.schedule import PracticeSchedule, next_due

ZONES = (
    "Europe/Amsterdam",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Pacific/Chatham",
)
STEPS = 12


@settings(max_examples=150, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    t=st.times(),
    days=st.frozensets(st.integers(0, 6), min_size=1),
    start=st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2036, 12, 31),
        timezones=st.just(dt.UTC),
    ),
)
def test_successive_due_moments(
    zone: str, t: dt.time, days: frozenset[int], start: dt.datetime
) -> None:
    s = PracticeSchedule(time=t, days=days, timezone=zone)
    tz = ZoneInfo(zone)
    previous = start
    previous_date: dt.date | None = None
    for _ in range(STEPS):
        due = next_due(s, previous)
        assert due is not None
        assert due > previous
        local_date = due.astimezone(tz).date()
        assert local_date.weekday() in days
        if previous_date is not None:
            assert local_date > previous_date  # distinct local dates
            # ...and no selected day in between was skipped.
            gap = (local_date - previous_date).days
            skipped = {(previous_date + dt.timedelta(days=i)).weekday() for i in range(1, gap)}
            assert not skipped & days
        previous, previous_date = due, local_date
