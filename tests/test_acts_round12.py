"""Acts of round-12 findings: the learner's turn read by what it does, in wordings not
taken from the dialogue files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.scenario.library import load_library
from tests.engine_calls import last_turn, script_turns

DEV = Path(__file__).resolve().parents[1] / "benchmarks" / "dialogues" / "dev"


@pytest.fixture(scope="module")
def library():
    return load_library([])


def _dev_lines(name: str, turns: int) -> list[str]:
    data = yaml.safe_load((DEV / name).read_text())
    return [t["learner"] for t in data["turns"][:turns]]


FOLLOW_UP = {"en": "Good morning Marco, good to see you again.", "nl": "Goedemorgen Marco."}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "I'll rework the offer with the lower contribution and mail it to you tomorrow."),
    ("en", "ok i'll update the quote with the new price and send it over"),
    ("en", "I'll change the proposal to €2 per employee and email it this afternoon."),
    ("en", "Then I will put the Friday option in the offer and forward it to Annelies."),
    ("nl", "Ik pas het voorstel aan met de €2 en stuur het u toe."),
    ("nl", "ik werk de offerte bij met de nieuwe prijs en mail hem morgen"),
])
def test_a_document_reworked_and_sent_is_a_next_step(library, lang, line):
    """"I'll adjust the proposal with the €2 and send it" promises a document to come: a
    next-step proposal, not a pitch of the offer (the promise and the sending stand apart)."""
    turn = last_turn(library, "closing-catering-followup", lang, [FOLLOW_UP[lang], line])
    assert turn["act"] == "next_step_proposal"


def test_a_quotation_as_the_reason_for_questions_is_no_proposal_in_the_drill(library):
    """The case of ``test_drills11``: her questions come first, the quote is their reason;
    the drill buyer must not take it as a proposal and close ("dan zijn we rond")."""
    turns = script_turns(library, "drill-external-objective", "nl", [
        "Goed dat u het vraagt. Ik vertel graag eerst kort iets over Bonenburg.",
        "En ik wil graag weten wat jullie nu betalen en wanneer het contract afloopt, "
        "zodat ik een offerte kan maken."])
    assert turns[1]["act"] != "next_step_proposal"
    assert "zijn we rond" not in turns[1]["buyer"]


OPENING = {"en": "Good morning, I'm Tom from SchoonWerk. Nice to meet you.",
           "nl": "Goedemorgen, ik ben Tom van SchoonWerk. Prettig kennis te maken."}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Could you tell me how many square metres you have, so that I can prepare a quote?"),
    ("en", "I'd like to know who cleans now and when the contract ends, so I can send you an "
           "offer."),
    ("en", "What do you pay per month now? Then I can make you a sharp quotation."),
    ("nl", "Hoeveel vierkante meter hebben jullie ongeveer? Dan kan ik een offerte maken."),
    ("nl", "Ik wil graag weten wie nu schoonmaakt en tot wanneer het contract loopt, zodat ik "
           "een prijsopgave kan maken."),
])
def test_a_quote_named_as_the_reason_for_a_question_is_no_proposal(library, lang, line):
    """"..., so that I can make a quote" says why he asks: she answers the question."""
    turn = last_turn(library, "first-visit-cleaning", lang, [OPENING[lang], line])
    assert turn["act"] == "fact_question"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Can I come back next Tuesday so that I can measure everything for a quote?"),
    ("nl", "Mag ik volgende week terugkomen zodat ik alles kan opmeten voor een offerte?"),
])
def test_a_visit_proposed_with_its_purpose_still_proposes(library, lang, line):
    turn = last_turn(library, "first-visit-cleaning", lang, [OPENING[lang], line])
    assert turn["act"] == "next_step_proposal"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "What was your impression of our proposal?"),
    ("en", "What is your opinion of the offer we sent?"),
    ("en", "so whats ur first impression of the quote?"),
    ("nl", "Wat was uw indruk van ons voorstel?"),
    ("nl", "Wat is uw mening over het voorstel?"),
])
def test_her_impression_of_the_offer_asks_her_reaction(library, lang, line):
    """"What was your impression of our proposal?" asks her view of the offer she has: no
    implication question ("hard to say, never added that up"); she gives her feedback."""
    turn = last_turn(library, "closing-catering-followup", lang, [FOLLOW_UP[lang], line])
    assert turn["act"] == "fact_question"
    assert turn["spin"] != "implication"
    assert "feedback" in turn["objectives"]


CLEANING_NL = ["Goedemorgen, ik ben Tom van SchoonWerk. Prettig kennis te maken.",
               "Wie doet nu de schoonmaak?"]


@pytest.mark.parametrize("line", [
    "Is alles goed geregeld met de sleutels?",
    "Gaat alles goed met de ramen op de bovenverdieping?",
    "Wordt alles goed schoongemaakt in de spreekkamers?",
    "Loopt alles goed met de vaste bezetting van Blinkend Schoon?",
])
def test_alles_goed_inside_a_business_question_is_no_small_talk(library, line):
    """"alles goed" asks after her only as a question of its own ("hoi, alles goed?"); in
    "is alles goed geregeld met ...?" it asks about the business, no laugh and move on."""
    turn = last_turn(library, "first-visit-cleaning", "nl", [*CLEANING_NL, line])
    assert turn["act"] == "fact_question"
    assert "Haha" not in turn["buyer"]


@pytest.mark.parametrize("line", [
    "hoi marco alles goed?",
    "Goedemorgen Marco! Alles goed? Fijn u weer te zien.",
    "Goedemorgen Marco, alles goed met u?",
])
def test_alles_goed_as_a_greeting_question_is_still_small_talk(library, line):
    turn = last_turn(library, "closing-catering-followup", "nl", [line])
    assert turn["act"] == "small_talk"
