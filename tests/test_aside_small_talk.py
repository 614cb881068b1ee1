"""A question the learner marks as an aside ("totally unrelated, but ...") or hangs on
their own private life ("my sister has a web shop") is small talk: no SPIN type, and the
buyer answers it briefly and steers back instead of reciting a fact of the case that
happens to share a word with it."""

from __future__ import annotations

import pytest

from bot.scenario.library import load_library
from tests.engine_calls import script_turns

OPENING = {
    "en": "Good morning, I'm Sam from CleanCo, we clean offices across the country.",
    "nl": "Goedemorgen, ik ben Sam van CleanCo, wij maken kantoren schoon in heel Nederland.",
}
ASKED = ("How often is the office cleaned now?", "Hoe vaak wordt er nu schoongemaakt?")


@pytest.fixture(scope="module")
def library():
    return load_library([])


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Something completely different, but are those your kids in the picture on the "
           "desk? They look like they're having fun."),
    ("en", "My brother has an office in Haarlem too, do you ever go to the market there?"),
    ("nl", "Iets heel anders, maar heeft u die plant zelf gekocht? Hij is enorm."),
    ("nl", "Mijn zus woont ook in Beverwijk, gaat u daar vaak naar het strand?"),
])
def test_an_aside_question_is_small_talk(library, lang, line):
    ask = ASKED[lang == "nl"]
    turns = script_turns(library, "first-visit-cleaning", lang, [OPENING[lang], ask, line])
    turn = turns[-1]
    assert (turn["act"], turn["spin"]) == ("small_talk", None)
    # she recites nothing of the case (no figure, no supplier) to a chat question
    assert not any(ch.isdigit() for ch in turn["buyer"])
    assert len(turn["buyer"].split()) <= 12


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "How happy are you with your current cleaner?"),
    ("nl", "Hoe tevreden bent u over uw huidige schoonmaker?"),
])
def test_a_question_about_the_case_stays_a_fact_question(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang, [OPENING[lang], line])[-1]
    assert turn["act"] == "fact_question" and turn["spin"] == "problem"
