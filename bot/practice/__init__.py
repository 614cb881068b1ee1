"""Daily practice ("drills"): pure scheduling, drill choice and streak logic.

Nothing here reads the clock, the database or Telegram: callers pass ``now`` and the
learner's history in, so every rule can be tested with constructed histories and the
dispatcher stays a thin loop around these functions.
"""

from __future__ import annotations

from bot.practice.choice import (
    Attempt,
    Choice,
    DrillInfo,
    OpenAssignment,
    choose_drill,
    review_due,
    skill_levels,
)
from bot.practice.schedule import (
    ALL_DAYS,
    COMMON_TIMEZONES,
    PracticeSchedule,
    find_timezones,
    next_due,
    overdue_action,
    parse_time,
    validate_timezone,
)
from bot.practice.streaks import StreakInfo, local_days, streak, week_summary

__all__ = [
    "ALL_DAYS",
    "COMMON_TIMEZONES",
    "Attempt",
    "Choice",
    "DrillInfo",
    "OpenAssignment",
    "PracticeSchedule",
    "StreakInfo",
    "choose_drill",
    "find_timezones",
    "local_days",
    "next_due",
    "overdue_action",
    "parse_time",
    "review_due",
    "skill_levels",
    "streak",
    "validate_timezone",
    "week_summary",
]
