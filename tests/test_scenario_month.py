"""A scenario happens in a month of its own calendar, named in the briefing.

The cleaning buyer must give notice before 1 January and her partners choose in December.
Read against the real day of practice, a learner in December could propose no date she
would not call too late, and she asked for November, a month already gone. With the
scenario's `month` the same proposal gets the same answer whenever a learner practises.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.scenario.loader import load_text
from bot.telegram.render import briefing
from bot.terminal import interactive
from tests.conftest import FLAGSHIP, ROOT
from tests.engine_calls import compiled_library

CALL = [
    "Goedemorgen mevrouw De Groot, ik ben Sanne van SchoonWerk.",
    "Ik wil graag horen hoe de schoonmaak nu geregeld is. Is dat goed?",
    "Hoe tevreden bent u daarover?",
    "Wanneer loopt het contract af?",
    "Zullen we donderdag 12 november om 10 uur afspreken om een offerte te bespreken?",
]


def _reply_to_proposal(tmp_path, day: str) -> str:
    script = tmp_path / "call.txt"
    script.write_text("\n".join(CALL) + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "play", "first-visit-cleaning", "--lang", "nl",
         "--script", str(script), "--json", "--seed", "3", "--date", day],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    return json.loads(run.stdout)["turns"][-1]["buyer"]


@pytest.mark.parametrize("day", ["2026-12-01", "2027-06-15"])
def test_a_november_date_is_in_time_whatever_day_the_learner_practises(tmp_path, day):
    reply = _reply_to_proposal(tmp_path, day)
    assert "te laat" not in reply, reply


def test_the_briefing_names_the_month_of_the_call() -> None:
    cs = compiled_library()["first-visit-cleaning"]
    assert "oktober" in briefing(cs, "nl", None)
    assert "October" in briefing(cs, "en", None)
    shown: list[str] = []
    typed = iter(["/skip", "/stop"])  # no preparation, then leave the call
    interactive(cs, "en", 1, read=lambda _prompt: next(typed), write=shown.append)
    assert any("The call takes place in October" in line for line in shown), shown[:4]


def test_a_month_outside_the_year_names_its_line() -> None:
    text = FLAGSHIP.read_text(encoding="utf-8").replace("\nmonth: 10\n", "\nmonth: 13\n")
    _, problems = load_text(text, "s.yaml")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row == "month: 13")
    assert any(str(p).startswith(f"s.yaml:{line}:") for p in problems), [str(p) for p in problems]
