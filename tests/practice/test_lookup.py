from __future__ import annotations

import datetime as dt

import pytest

from bot.practice.schedule import (
    COMMON_TIMEZONES,
    find_timezones,
    parse_time,
    validate_timezone,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", dt.time(9)),
        ("09", dt.time(9)),
        ("0", dt.time(0)),
        ("9:30", dt.time(9, 30)),
        ("09.30", dt.time(9, 30)),
        ("21:15", dt.time(21, 15)),
        ("9u30", dt.time(9, 30)),
        ("9h30", dt.time(9, 30)),
        ("9H30", dt.time(9, 30)),
        ("9u", dt.time(9)),
        ("9 uur", dt.time(9)),
        (" 23:59 ", dt.time(23, 59)),
        ("9pm", dt.time(21)),
        ("9:30 a.m.", dt.time(9, 30)),
        ("12am", dt.time(0)),
        ("12 PM", dt.time(12)),
    ],
)
def test_parse_time_accepts(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["25:00", "24:00", "9:60", "9:5", "abc", "", "9:30:00", "930", "-1", "13pm", "9 30 45"],
)
def test_parse_time_rejects(text: str) -> None:
    assert parse_time(text) is None


@pytest.mark.parametrize(
    ("query", "zone"),
    [
        ("new york", "America/New_York"),
        ("New_York", "America/New_York"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("são paulo", "America/Sao_Paulo"),
        ("amsterdam", "Europe/Amsterdam"),
        ("AMSTERDAM", "Europe/Amsterdam"),
        ("Europe/Amsterdam", "Europe/Amsterdam"),
        ("den haag", "Europe/Amsterdam"),
        ("The Hague", "Europe/Amsterdam"),
        ("'s-Gravenhage", "Europe/Amsterdam"),
        ("Rotterdam", "Europe/Amsterdam"),
        ("utrecht", "Europe/Amsterdam"),
        ("Eindhoven", "Europe/Amsterdam"),
        ("Groningen", "Europe/Amsterdam"),
        ("Antwerpen", "Europe/Brussels"),
        ("gent", "Europe/Brussels"),
        ("Liege", "Europe/Brussels"),
        ("brussels", "Europe/Brussels"),
        ("Londen", "Europe/London"),
        ("Parijs", "Europe/Paris"),
        ("zurich", "Europe/Zurich"),
        ("Zürich", "Europe/Zurich"),
        ("st johns", "America/St_Johns"),
        ("kolkata", "Asia/Kolkata"),
        ("Mumbai", "Asia/Kolkata"),
        ("chatham", "Pacific/Chatham"),
        ("utc", "UTC"),
    ],
)
def test_find_timezones_best_match_first(query: str, zone: str) -> None:
    assert find_timezones(query)[0] == zone


def test_find_timezones_prefix_and_limit() -> None:
    found = find_timezones("san", limit=3)
    assert len(found) == 3
    assert all("San" in z.rsplit("/", 1)[-1] for z in found)
    assert len(find_timezones("a", limit=100)) <= 100


@pytest.mark.parametrize("query", ["", "   ", "Atlantis", "xyzzy"])
def test_find_timezones_nothing(query: str) -> None:
    assert find_timezones(query) == []


def test_find_timezones_no_legacy_or_duplicate_results() -> None:
    found = find_timezones("eastern", limit=10)
    assert "US/Eastern" not in found
    assert len(set(find_timezones("amsterdam", limit=10))) == len(find_timezones("amsterdam", 10))


def test_validate_timezone() -> None:
    assert validate_timezone("Europe/Amsterdam") == "Europe/Amsterdam"
    assert validate_timezone("europe/amsterdam") == "Europe/Amsterdam"
    assert validate_timezone("America/New York") == "America/New_York"
    assert validate_timezone("UTC") == "UTC"
    for bad in ("", "Mars/Olympus", "Amsterdam", "localtime", "Factory", "../../etc/passwd"):
        assert validate_timezone(bad) is None


def test_common_timezones() -> None:
    assert COMMON_TIMEZONES[0] == "Europe/Amsterdam"
    assert len(set(COMMON_TIMEZONES)) == len(COMMON_TIMEZONES)
    assert all(validate_timezone(z) == z for z in COMMON_TIMEZONES)
