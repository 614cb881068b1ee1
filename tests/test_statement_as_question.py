"""A conclusion about the buyer's side typed as a statement ("so you're happy with them.")
is a closed question a trainer counts, with its SPIN type, and the buyer answers it instead
of waiting for the learner to go on; the seller's own plans and offers stay statements."""

from __future__ import annotations

import pytest

from bot.scenario.library import load_library
from tests.engine_calls import script_turns

OPENING = {
    "en": "Good morning, I'm Sam from CleanCo, we clean offices across the country.",
    "nl": "Goedemorgen, ik ben Sam van CleanCo, wij maken kantoren schoon in heel Nederland.",
}
WAITING = ("go on", "ga verder")  # what she says to a remark that asks nothing


@pytest.fixture(scope="module")
def library():
    return load_library([])


@pytest.mark.parametrize(("lang", "line", "spin"), [
    ("en", "So your current cleaner does both branches.", "situation"),
    ("en", "So you're not really satisfied with how they do the client rooms.", "problem"),
    ("nl", "U bent dus niet echt tevreden over de spreekkamers.", "problem"),
    ("nl", "Dus uw huidige schoonmaker komt drie keer per week.", "situation"),
    ("nl", "U heeft dus nu één schoonmaakbedrijf voor beide vestigingen.", "situation"),
])
def test_a_conclusion_about_her_side_is_a_closed_question(library, lang, line, spin):
    turn = script_turns(library, "first-visit-cleaning", lang, [OPENING[lang], line])[-1]
    assert (turn["act"], turn["form"], turn["spin"]) == ("fact_question", "closed", spin)
    assert not any(w in turn["buyer"].lower() for w in WAITING)


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "So I'll send you a quote tomorrow."),
    ("en", "So if you sign this week you get ten percent off."),
    ("nl", "Dus ik stuur u morgen een offerte."),
    ("nl", "Dus wij kunnen dat voor u overnemen, dan heeft u er geen omkijken meer naar."),
])
def test_the_sellers_own_plans_and_offers_stay_statements(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang, [OPENING[lang], line])[-1]
    assert turn["form"] is None and turn["act"] != "fact_question"
