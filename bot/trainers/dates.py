"""Due dates as trainers type them, read in the trainer's own time zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

END_OF_DAY = time(23, 59)
_DATE = re.compile(r"^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})-(\d{1,2})-(\d{4}))$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_DAYS = re.compile(r"^\+(\d{1,3})d?$")


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Europe/Amsterdam")


def parse_date(text: str) -> date | None:
    """``2025-06-30`` or ``30-06-2025`` (the Dutch order); None when not a real date."""
    m = _DATE.match(text.strip())
    if not m:
        return None
    y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def parse_due(words: list[str], tz_name: str, now: datetime) -> datetime | None:
    """A due moment from ``+7`` (days from now, end of that day), a date, or a date and a
    time; a date alone means the end of that day (23:59) in the trainer's time zone."""
    if not words:
        return None
    tz = zone(tz_name)
    days = _DAYS.match(words[0])
    day: date | None
    if days:
        day = now.astimezone(tz).date() + timedelta(days=int(days[1]))
        at = END_OF_DAY
    else:
        parsed = parse_date(words[0])
        if parsed is None:
            return None
        day = parsed
        at = END_OF_DAY
        if len(words) > 1:
            m = _TIME.match(words[1])
            if not m or int(m[1]) > 23 or int(m[2]) > 59:
                return None
            at = time(int(m[1]), int(m[2]))
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def local(moment: datetime, tz_name: str) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone(tz_name))
