"""Dutch puts the verb first after "dan" in a statement: "Top, dan zie ik je donderdag.
Bedankt!" takes leave after a word of approval, it asks nothing. The buyer says goodbye
instead of answering a question nobody asked."""

from __future__ import annotations

import pytest

from bot.engine.classify import classify, detect_moves
from bot.engine.language import language_model
from bot.scenario.library import load_library
from tests.engine_calls import script_turns


@pytest.fixture(scope="module")
def library():
    return load_library([])


@pytest.mark.parametrize("line", [
    "Top, dan zie ik je donderdag.",
    "Mooi, dan bel ik u maandag.",
    "Oké, dan stuur ik het voorstel morgen op.",
])
def test_dan_after_approval_states(line):
    lm = language_model("nl")
    msg = lm.analyze(line)
    assert classify(msg, lm, detect_moves(msg, lm)).form is None


@pytest.mark.parametrize("line", ["Top, komt u donderdag?", "Goed, zie ik u donderdag?"])
def test_a_question_after_approval_still_asks(line):
    lm = language_model("nl")
    msg = lm.analyze(line)
    assert classify(msg, lm, detect_moves(msg, lm)).form == "closed"


CALL = [
    "Goedemorgen Ingrid, ik ben Sam van Printwise; wij leasen en onderhouden printers.",
    "Hoeveel labelprinters hebben jullie?",
    "Zullen we donderdag 14 november om 10 uur een demo doen met jou en Ruud?",
]


def test_see_you_thursday_thanks_is_a_goodbye(library):
    turns = script_turns(library, "spin-printing-urgency", "nl",
                         [*CALL, "Prima, dan zie ik je donderdag. Bedankt!"])
    last = turns[-1]
    assert (last["act"], last["form"]) == ("goodbye", None)
    assert "weinig over zeggen" not in last["buyer"]
