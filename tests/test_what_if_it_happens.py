""""What if X happens, who does it then?" asks what follows from an event (implication).

"wat als Joke in november stopt, wie doet het dan?" supposes the retirement Gerard told
about and asks what follows: he answers with the staffing problem, not "that would be
nice in itself" as if the learner had offered a fix. "What if the hours came straight from
the app?" still supposes the fix and asks its value.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_turn


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "wat als joke in november stopt, wie doet het dan?"),
    ("en", "What if Joke retires in November, who does the payroll then?"),
])
def test_an_event_supposed_asks_its_consequence(library: Library, lang: str, line: str) -> None:
    turn = last_turn(library, "objection-software-renewal", lang, [line])
    assert turn["spin"] == "implication", turn
    assert "prettig" not in turn["buyer"] and "nice in itself" not in turn["buyer"], turn


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "What if the hours came straight from the app into payroll, what would that mean"
           " for you then?"),
    ("nl", "Stel dat de uren direct uit de app in de salaris komen, wat zou dat betekenen?"),
])
def test_a_fix_supposed_still_asks_its_value(library: Library, lang: str, line: str) -> None:
    turn = last_turn(library, "objection-software-renewal", lang, [line])
    assert turn["spin"] == "need_payoff", turn
