"""A month the learner proposes is read as the next one to come after the day of the call.

A learner in December who proposes "Thursday 15 January" means six weeks from now, not a
date past a September deadline; the buyer's "that's too late" must follow the calendar
the learner lives in (``closing.late_months`` starts at the first month past her deadline).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.engine.closing import month_too_late
from tests.conftest import ROOT

AFTER_SEPTEMBER = [10, 11, 12, 1, 2]  # deadline September: October up to February is late


@pytest.mark.parametrize("proposed,today,late", [
    (1, 12, False),   # December: January comes long before next September
    (2, 11, False),
    (10, 12, True),   # October is past the deadline in any month before it
    (12, 9, True),    # in September, December is after the deadline
    (1, 9, True),
    (10, 10, True),   # the deadline month is now: the window is upon her
    (11, 11, False),  # November: this year's round is over, the next deadline is far off
    (3, 12, False),   # not in the window at all
    (1, 0, True),     # the day of the call unknown: months read as they stand
])
def test_a_proposed_month_is_late_only_when_it_comes_after_her_deadline(proposed, today, late):
    assert month_too_late(proposed, AFTER_SEPTEMBER, today) is late


def test_a_date_that_is_no_date_is_refused_with_the_reason(tmp_path) -> None:
    script = tmp_path / "call.txt"
    script.write_text("Good morning!\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "play", "first-visit-cleaning", "--script", str(script),
         "--json", "--date", "15-01-2027"],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 2
    assert "YYYY-MM-DD" in run.stderr and run.stdout == ""
