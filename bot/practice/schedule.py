"""When a learner's next daily drill is due, in their own local time.

Due moments are computed per *local calendar day*, never by adding 24 hours to the previous
one, so that daylight-saving changes neither skip nor double a prompt:

* spring forward: a wall-clock time that does not exist that day (02:30 in Amsterdam on the
  last Sunday of March) is sent at the first moment after the gap (03:00 local);
* fall back: a wall-clock time that occurs twice (02:30 on the last Sunday of October) is
  sent once, at its first occurrence (``fold=0``).

All instants going in and out are aware datetimes; results are in UTC so storage and the
dispatcher never have to think about zones.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Literal
from zoneinfo import ZoneInfo, available_timezones

UTC = dt.UTC
ALL_DAYS: frozenset[int] = frozenset(range(7))
DEFAULT_TIMEZONE = "Europe/Amsterdam"

#: Offered as one-tap buttons; the audience is mostly Dutch and Belgian, hence the order.
COMMON_TIMEZONES: tuple[str, ...] = (
    "Europe/Amsterdam",
    "Europe/Brussels",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "America/New_York",
    "Asia/Dubai",
    "Asia/Singapore",
    "Australia/Sydney",
)

#: A late prompt is still worth sending up to this long after it was due (see overdue_action).
MAX_LATE = dt.timedelta(hours=20)


@dataclass(frozen=True)
class PracticeSchedule:
    """A learner's daily drill settings.

    ``days`` uses ``date.weekday()`` numbering (0=Monday .. 6=Sunday). Quiet hours are a
    half-open local window ``[quiet_start, quiet_end)`` that may wrap midnight (22:00-07:00).
    A practice time inside the window is moved to ``quiet_end`` *on the same local day*:
    the prompt keeps belonging to the weekday the learner picked, and since the moved time
    is the same every day two prompts can never pile up. ``quiet_start == quiet_end`` means
    no quiet hours.
    """

    time: dt.time = dt.time(9, 0)
    days: frozenset[int] = field(default=ALL_DAYS)
    timezone: str = DEFAULT_TIMEZONE
    paused: bool = False
    quiet_start: dt.time | None = None
    quiet_end: dt.time | None = None

    def __post_init__(self) -> None:
        # Storage hands us lists/sets; normalise so equality and hashing stay meaningful.
        object.__setattr__(self, "days", frozenset(self.days))
        if not self.days <= ALL_DAYS:
            raise ValueError(f"days must be weekday numbers 0..6, got {sorted(self.days)}")
        if (self.quiet_start is None) != (self.quiet_end is None):
            raise ValueError("quiet_start and quiet_end must be set together")

    @property
    def send_time(self) -> dt.time:
        """The local wall-clock time the drill is actually sent, after quiet hours."""
        t = _wall(self.time)
        if self.quiet_start is None or self.quiet_end is None:
            return t
        if _in_window(t, _wall(self.quiet_start), _wall(self.quiet_end)):
            return _wall(self.quiet_end)
        return t


def _wall(t: dt.time) -> dt.time:
    """Schedules are wall-clock times; a tzinfo or fold on them would only mislead."""
    return t.replace(tzinfo=None, fold=0)


def _in_window(t: dt.time, start: dt.time, end: dt.time) -> bool:
    if start == end:
        return False
    if start < end:
        return start <= t < end
    return t >= start or t < end


def _require_aware(name: str, value: dt.datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {value!r}")


def _resolve(day: dt.date, t: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The UTC instant of wall time ``t`` on local ``day``, with the DST rules above."""
    naive = dt.datetime.combine(day, t)
    first = naive.replace(tzinfo=tz).astimezone(UTC)  # fold=0: first occurrence if ambiguous
    if first.astimezone(tz).replace(tzinfo=None) == naive:
        return first
    return _gap_end(naive, tz)


def _gap_end(naive: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """The transition instant that opens the gap ``naive`` falls in, i.e. 03:00 after 02:30.

    zoneinfo does not expose transitions, but both fold readings of a nonexistent time
    bracket it (fold=1 lands before it, fold=0 after), so bisect to the second.
    """
    lo = int(naive.replace(tzinfo=tz, fold=1).astimezone(UTC).timestamp())
    hi = int(naive.replace(tzinfo=tz, fold=0).astimezone(UTC).timestamp())
    while hi - lo > 1:
        mid = (lo + hi) // 2
        wall = dt.datetime.fromtimestamp(mid, UTC).astimezone(tz).replace(tzinfo=None)
        if wall > naive:
            hi = mid
        else:
            lo = mid
    return dt.datetime.fromtimestamp(hi, UTC)


@cache
def zone(name: str) -> ZoneInfo:
    """``ZoneInfo(name)``, kept: ZoneInfo's own cache holds only eight zones strongly, and
    planning a minute of learners in a dozen zones reread the zone files thousands of
    times. Only names from the installed list reach here (``validate_timezone``)."""
    return ZoneInfo(name)


def next_due(schedule: PracticeSchedule, after: dt.datetime) -> dt.datetime | None:
    """The first due moment strictly after ``after``, as aware UTC; None if nothing is due.

    Feeding the result back in (``d = next_due(s, d)``) yields exactly one moment per
    selected local day, which is what lets the dispatcher store only "last sent".
    """
    _require_aware("after", after)
    if schedule.paused or not schedule.days:
        return None
    tz = zone(schedule.timezone)
    t = schedule.send_time
    after = after.astimezone(UTC)
    # Start a day early: only the local date is known, and a shifted gap time may spill over.
    day = after.astimezone(tz).date() - dt.timedelta(days=1)
    for _ in range(10):
        if day.weekday() in schedule.days:
            due = _resolve(day, t, tz)
            if due > after:
                return due
        day += dt.timedelta(days=1)
    raise AssertionError("unreachable: a selected weekday recurs within 8 days")


def overdue_action(
    due: dt.datetime, now: dt.datetime, max_late: dt.timedelta = MAX_LATE
) -> Literal["send", "skip", "wait"]:
    """What to do with a prompt that was due at ``due``, judged at ``now``.

    After downtime a missed prompt is still sent once if it is less than ``max_late`` old.
    20 h is the default because consecutive daily prompts are at least ~23 h apart (24 h
    minus a DST hour); capping lateness well below that means a late prompt always arrives
    a few hours before the next day's one instead of colliding with it, and a prompt a full
    day old is dropped rather than sent next to its successor.
    """
    _require_aware("due", due)
    _require_aware("now", now)
    if due > now:
        return "wait"
    return "send" if now - due < max_late else "skip"


# --- time zones -----------------------------------------------------------------------------

#: Places people type that are not IANA city names (IANA uses one city per zone).
CITY_ALIASES: dict[str, str] = {
    **dict.fromkeys(
        (
            "Rotterdam",
            "Utrecht",
            "Den Haag",
            "The Hague",
            "'s-Gravenhage",
            "Eindhoven",
            "Groningen",
            "Tilburg",
            "Almere",
            "Breda",
            "Nijmegen",
            "Arnhem",
            "Haarlem",
            "Maastricht",
            "Leiden",
            "Delft",
            "Zwolle",
            "Enschede",
            "Apeldoorn",
            "Amersfoort",
            "'s-Hertogenbosch",
            "Den Bosch",
            "Dordrecht",
            "Leeuwarden",
            "Nederland",
            "Netherlands",
            "Holland",
        ),
        "Europe/Amsterdam",
    ),
    **dict.fromkeys(
        (
            "Brussel",
            "Bruxelles",
            "Antwerpen",
            "Antwerp",
            "Anvers",
            "Gent",
            "Ghent",
            "Gand",
            "Brugge",
            "Bruges",
            "Leuven",
            "Louvain",
            "Mechelen",
            "Hasselt",
            "Luik",
            "Liège",
            "Namen",
            "Namur",
            "Charleroi",
            "Kortrijk",
            "Oostende",
            "Ostend",
            "België",
            "Belgique",
            "Belgium",
        ),
        "Europe/Brussels",
    ),
    "Londen": "Europe/London",
    "Parijs": "Europe/Paris",
    "Rijsel": "Europe/Paris",
    "Lille": "Europe/Paris",
    "Keulen": "Europe/Berlin",
    "Köln": "Europe/Berlin",
    "Cologne": "Europe/Berlin",
    "Düsseldorf": "Europe/Berlin",
    "Frankfurt": "Europe/Berlin",
    "Hamburg": "Europe/Berlin",
    "München": "Europe/Berlin",
    "Munich": "Europe/Berlin",
    "Aken": "Europe/Berlin",
    "Aachen": "Europe/Berlin",
    "Barcelona": "Europe/Madrid",
    "Milaan": "Europe/Rome",
    "Milan": "Europe/Rome",
    "Milano": "Europe/Rome",
    "Lissabon": "Europe/Lisbon",
    "Kopenhagen": "Europe/Copenhagen",
    "Wenen": "Europe/Vienna",
    "Praag": "Europe/Prague",
    "Genève": "Europe/Zurich",
    "Geneva": "Europe/Zurich",
    "Edinburgh": "Europe/London",
    "Manchester": "Europe/London",
    "NYC": "America/New_York",
    "Boston": "America/New_York",
    "Washington": "America/New_York",
    "San Francisco": "America/Los_Angeles",
    "Seattle": "America/Los_Angeles",
    "Mumbai": "Asia/Kolkata",
    "Bombay": "Asia/Kolkata",
    "Delhi": "Asia/Kolkata",
    "New Delhi": "Asia/Kolkata",
    "Bangalore": "Asia/Kolkata",
    "Bengaluru": "Asia/Kolkata",
    "Beijing": "Asia/Shanghai",
    "Peking": "Asia/Shanghai",
    "Abu Dhabi": "Asia/Dubai",
    "Kaapstad": "Africa/Johannesburg",
    "Cape Town": "Africa/Johannesburg",
    "Curaçao": "America/Curacao",
    "Suriname": "America/Paramaribo",
}

#: Only these areas hold real places; the rest are legacy links (US/Eastern, Cuba, Etc/GMT+5).
_PLACE_AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)
_NOT_ZONES = frozenset({"Factory", "localtime", "posixrules"})


def _normalise(text: str) -> str:
    """Fold case, accents and separators so "São Paulo", "sao_paulo", "Sao-Paulo" agree."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"['’.]", "", plain)
    plain = re.sub(r"[\s_\-]+", " ", plain)
    return plain.strip()


@cache
def _zones() -> dict[str, str]:
    """Normalised full name -> canonical IANA name; reading tzdata is slow, so once only."""
    return {_normalise(z): z for z in available_timezones() if z not in _NOT_ZONES}


@cache
def _places() -> tuple[tuple[str, str], ...]:
    """(normalised place name, zone) pairs: IANA cities plus the alias table."""
    pairs = [
        (_normalise(z.rsplit("/", 1)[-1]), z)
        for z in _zones().values()
        if z.split("/", 1)[0] in _PLACE_AREAS
    ]
    pairs += [(_normalise(alias), zone) for alias, zone in CITY_ALIASES.items()]
    return tuple(pairs)


def validate_timezone(name: str) -> str | None:
    """The canonical IANA spelling of ``name`` ("europe/amsterdam" is fine), or None.

    Only names from the installed zone list are accepted, so user text never reaches
    ZoneInfo's file lookup.
    """
    return _zones().get(_normalise(name))


def find_timezones(query: str, limit: int = 5) -> list[str]:
    """Zones matching a city the learner typed, best first.

    Ranking: exact zone or city name, then city names starting with the query, then city
    names containing it; shorter zone names win ties (they are the primary spelling, e.g.
    America/Buenos_Aires before America/Argentina/Buenos_Aires).
    """
    q = _normalise(query)
    if not q or limit <= 0:
        return []
    ranked: dict[str, int] = {}
    exact = _zones().get(q)
    if exact:
        ranked[exact] = 0
    for place, zone in _places():
        if place == q:
            rank = 0
        elif place.startswith(q):
            rank = 1
        elif len(q) >= 3 and q in place:  # a letter or two would match half the world
            rank = 2
        else:
            continue
        ranked[zone] = min(rank, ranked.get(zone, rank))
    ordered = sorted(ranked, key=lambda z: (ranked[z], len(z), z))
    return ordered[:limit]


# --- time of day ----------------------------------------------------------------------------

_TIME_RE = re.compile(
    r"""^\s*(?P<h>\d{1,2})
        (?:\s*(?:[:.]\s*(?P<m>\d{2})|[hu]\s*(?P<m2>\d{2})?|\s*uur))?
        \s*(?P<ampm>[ap]\.?\s*m\.?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_time(text: str) -> dt.time | None:
    """Read a time of day as people type it in chat: "9", "9:30", "09.30", "9u30", "9h30".

    Also takes "9u"/"9 uur" (Dutch) and "9pm"/"9:30 am". Returns None for anything
    else, including out-of-range values, so the bot can simply ask again.
    """
    match = _TIME_RE.match(text)
    if not match:
        return None
    hour = int(match["h"])
    minute = int(match["m"] or match["m2"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def exact_timezone(query: str) -> str | None:
    """The zone when ``query`` names it or one of its places exactly ("new york",
    "Rotterdam"), so the bot can set it without asking; None when only partly matching."""
    q = _normalise(query)
    if not q:
        return None
    if q in _zones():
        return _zones()[q]
    zones = {zone for place, zone in _places() if place == q}
    return min(zones, key=lambda z: (len(z), z)) if zones else None
