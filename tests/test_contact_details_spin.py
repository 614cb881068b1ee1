"""Asking where to reach her or a colleague (an e-mail address, a phone number) is a
question without a SPIN type, as the method and the dialogue conventions count it: it
neither adds a situation question to the card's mix nor makes her complain about being
asked too many facts; other questions naming a phone or a number keep their type."""

from __future__ import annotations

import pytest

from bot.scenario.library import load_library
from tests.engine_calls import script_turns

OPENING = {
    "en": "Good morning, I'm Sam from CleanCo, we clean offices across the country.",
    "nl": "Goedemorgen, ik ben Sam van CleanCo, wij maken kantoren schoon in heel Nederland.",
}


@pytest.fixture(scope="module")
def library():
    return load_library([])


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Which phone number is the best one to reach you on?"),
    ("en", "Could you give me the partner's email address for the invitation?"),
    ("nl", "Op welk mailadres kan ik de notaris het beste bereiken?"),
    ("nl", "Mag ik het telefoonnummer van de notaris?"),
])
def test_asking_where_to_reach_someone_has_no_spin_type(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang, [OPENING[lang], line])[-1]
    assert turn["act"] == "fact_question" and turn["form"] is not None
    assert turn["spin"] is None


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "How many people work at the Haarlem branch, and what's their email address?"),
    ("en", "When something goes wrong, is it mostly the phone or the cleaning itself?"),
    ("en", "What is the number of desks in Haarlem?"),
])
def test_other_questions_naming_a_phone_or_an_address_keep_their_type(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang, [OPENING[lang], line])[-1]
    assert turn["spin"] is not None
