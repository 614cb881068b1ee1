"""What the dispatcher does with a learner whose next prompt moment has come (pure).

The dispatcher stores one instant per learner, ``next_practice_at``. When it has passed,
:func:`plan_due` decides which moment to act on and where to move the pointer, and
:func:`replan` recomputes the pointer when the learner changes their schedule. Both take
``now`` as an argument so every rule can be tested with a controllable clock.

Weekly summary: the dispatcher walks the learner's practice days *plus Sunday*
(:func:`dispatch_schedule`). A Sunday moment carries the weekly summary, and also a
drill when Sunday is one of the learner's practice days, so a Monday-Friday learner still
gets their Sunday summary and nobody needs a second pointer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.practice.schedule import MAX_LATE, PracticeSchedule, next_due, overdue_action, zone

SUNDAY = 6


@dataclass(frozen=True)
class DuePlan:
    """``send``: the moment to send now (None: nothing to send); ``skipped``: a moment that
    is recorded as skipped because it is too old; ``next_at``: the learner's new pointer."""

    send: dt.datetime | None
    skipped: dt.datetime | None
    next_at: dt.datetime | None


@lru_cache(maxsize=4096)
def dispatch_schedule(schedule: PracticeSchedule) -> PracticeSchedule:
    """The moments the dispatcher wakes up for: practice days and Sunday (weekly summary)."""
    return replace(schedule, days=schedule.days | {SUNDAY})


def kinds_at(schedule: PracticeSchedule, due: dt.datetime) -> list[str]:
    """What a moment carries: a drill on practice days, the weekly summary on Sundays."""
    weekday = due.astimezone(zone(schedule.timezone)).weekday()
    kinds = ["drill"] if weekday in schedule.days else []
    if weekday == SUNDAY:
        kinds.append("weekly")
    return kinds


def plan_due(schedule: PracticeSchedule, due: dt.datetime, now: dt.datetime,
             max_late: dt.timedelta = MAX_LATE) -> DuePlan:
    """Act on a pointer ``due`` that is at or before ``now``.

    * less than ``max_late`` late: send it, once;
    * older (the bot was down): record it as skipped, but if a later moment of the
      schedule fell inside the last ``max_late`` send that one instead, so a learner
      never loses today's prompt to yesterday's downtime;
    * the new pointer is the first moment after both ``due`` and ``now``: however long
      the downtime, at most one prompt goes out per sweep and learner.
    """
    walk = dispatch_schedule(schedule)
    if overdue_action(due, now, max_late) == "wait":
        return DuePlan(None, None, due)
    if overdue_action(due, now, max_late) == "send":
        return DuePlan(due, None, next_due(walk, max(due, now)))
    recent = next_due(walk, max(due, now - max_late))
    if recent is not None and recent <= now:
        return DuePlan(recent, due, next_due(walk, now))
    return DuePlan(None, due, next_due(walk, now))


def _local_day(at: dt.datetime, tz: str) -> dt.date:
    return at.astimezone(ZoneInfo(tz)).date()


def replan(schedule: PracticeSchedule, now: dt.datetime, *, old_next: dt.datetime | None,
           last_prompt: dt.datetime | None, max_late: dt.timedelta = MAX_LATE
           ) -> dt.datetime | None:
    """The new pointer after the learner changed time, days, zone or quiet hours, or resumed.

    Two promises: a prompt that was already due but not yet sent is not lost (it moves to
    the new time today, sent at once if that time has passed), and nobody gets two prompts
    on one local day because they moved the time after today's prompt went out.
    ``last_prompt`` is the due moment of the learner's latest recorded prompt, if any.
    """
    walk = dispatch_schedule(schedule)
    after = now
    if old_next is not None and old_next <= now and not schedule.paused:  # a prompt is owed
        # Re-place the owed prompt on its own local day, never on an earlier one.
        tz = ZoneInfo(schedule.timezone)
        day_start = dt.datetime.combine(_local_day(old_next, schedule.timezone), dt.time(0),
                                        tzinfo=tz).astimezone(dt.UTC)
        after = max(now - max_late, day_start - dt.timedelta(microseconds=1))
        if last_prompt is not None:
            after = max(after, last_prompt)
    due = next_due(walk, after)
    if due is not None and last_prompt is not None and \
            _local_day(due, schedule.timezone) == _local_day(last_prompt, schedule.timezone):
        due = next_due(walk, max(due, now))
    return due
