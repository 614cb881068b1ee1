"""Practice streaks and the weekly chart, counted in the learner's local days.

A streak is the number of practice days in the current unbroken run. Only a *scheduled*
day without practice breaks a run: a learner on a Monday-Friday schedule keeps the streak
over the weekend, and practice on an unscheduled day still counts towards it (extra effort
should never look like nothing). Today not being practised yet does not break it either,
so the morning prompt can show the streak the learner is about to extend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.practice.choice import Attempt
from bot.practice.schedule import ALL_DAYS

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class StreakInfo:
    current: int
    best: int
    missed_yesterday: bool


def streak(
    practice_days: Iterable[dt.date],
    today: dt.date,
    scheduled_days: frozenset[int] = ALL_DAYS,
) -> StreakInfo:
    """Current and best streak up to ``today``; days after today are ignored.

    An empty schedule is treated as every day: with nothing scheduled nothing could break
    a run, and a streak spanning months of silence would be meaningless.
    ``missed_yesterday`` is only set for a learner who had practised before, so a brand-new
    learner is not told they missed a day.
    """
    scheduled = frozenset(scheduled_days) or ALL_DAYS
    days = {d for d in practice_days if d <= today}
    if not days:
        return StreakInfo(current=0, best=0, missed_yesterday=False)
    run = best = 0
    day = min(days)
    while day <= today:
        if day in days:
            run += 1
            best = max(best, run)
        elif day.weekday() in scheduled and day != today:
            run = 0
        day += _DAY
    yesterday = today - _DAY
    missed = (
        yesterday.weekday() in scheduled
        and yesterday not in days
        and any(d < yesterday for d in days)
    )
    return StreakInfo(current=run, best=best, missed_yesterday=missed)


def _zone(tz: str | dt.tzinfo) -> dt.tzinfo:
    return ZoneInfo(tz) if isinstance(tz, str) else tz


def local_days(attempts: Iterable[Attempt], tz: str | dt.tzinfo) -> set[dt.date]:
    """The learner's local dates with at least one attempt, ready for :func:`streak`."""
    zone = _zone(tz)
    return {_local_date(a.at, zone) for a in attempts}


def _local_date(at: dt.datetime, zone: dt.tzinfo) -> dt.date:
    if at.tzinfo is None or at.utcoffset() is None:
        # Naive times would silently be read as the server's zone.
        raise ValueError(f"attempt time must be timezone-aware, got {at!r}")
    return at.astimezone(zone).date()


def week_summary(
    attempts: Iterable[Attempt], week_start: dt.date, tz: str | dt.tzinfo
) -> list[tuple[dt.date, int | None]]:
    """Best score per local day for the 7 days from ``week_start``; None where not practised.

    The best score, not the mean, is charted: a learner retrying a drill until they pass
    should see the pass, not be dragged down by the attempts that led to it.
    """
    zone = _zone(tz)
    week = [week_start + i * _DAY for i in range(7)]
    best: dict[dt.date, int] = {}
    for attempt in attempts:
        day = _local_date(attempt.at, zone)
        if week[0] <= day <= week[-1]:
            best[day] = max(best.get(day, attempt.score), attempt.score)
    return [(day, best.get(day)) for day in week]
