"""Acts of round-9 findings (user tests ut9, engine8's report): read by grammar and
context, so other wordings of the same move are read the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.scenario.library import load_library
from tests.engine_calls import script_turns

DEV = Path(__file__).resolve().parents[1] / "benchmarks" / "dialogues" / "dev"


@pytest.fixture(scope="module")
def library():
    return load_library([])


def _turns(library, scenario: str, lang: str, lines: list[str]) -> list[dict]:
    return script_turns(library, scenario, lang, lines)


@pytest.mark.parametrize(("lang", "lines", "act"), [
    ("en", ["Good morning, I'm Tom from SchoonWerk.",
            "Can I ask whether your contract ends before April?"], "fact_question"),
    ("nl", ["Goedemorgen, ik ben Tom van SchoonWerk.",
            "Mag ik vragen of uw contract voor april afloopt?"], "fact_question"),
])
def test_asking_leave_to_ask_about_a_date_proposes_no_next_step(library, lang, lines, act):
    """"Can I ask ... before April?": the modal asks leave to ask; the month is the topic."""
    turn = _turns(library, "first-visit-cleaning", lang, lines)[-1]
    assert turn["act"] == act
    assert turn["spin"] == "situation"


def test_a_question_on_her_objection_with_a_month_in_it_responds_to_it(library):
    line = ("Totally fair. Could I ask how long the notice period is, and whether the "
            "contract ends in March?")
    turn = _turns(library, "drill-objection-contract-running", "en", [line])[-1]
    assert turn["act"] == "objection_response"
    assert turn["spin"] == "situation"


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Hi Marco, good to see you.", "What did the team think of the proposal?",
            "Shall we go ahead and start on the first Monday after the summer?",
            "Sure, no rush. What's still holding you back?"]),
    ("nl", ["Hoi Marco, goed je te zien.", "Wat vond het team van het voorstel?",
            "Zullen we dan maar beginnen op de eerste maandag na de zomer?",
            "Prima. Wat wil je nog uitzoeken?"]),
])
def test_asking_what_she_wants_to_think_over_clarifies_her_objection(library, lang, lines):
    turn = _turns(library, "closing-catering-followup", lang, lines)[-1]
    assert turn["act"] == "objection_response"
    assert turn["spin"] == "problem"


def test_an_open_question_right_after_a_put_off_clarifies_it(library):
    """After "let me bounce it off a few colleagues" (a put-off, no objection) an open
    question that asks no fact of the case asks what holds her back."""
    data = yaml.safe_load((DEV / "closing-catering-followup.en.good.h2.yaml").read_text())
    lines = [t["learner"] for t in data["turns"][:14]]
    lines.append("Of course. What would you still like to look into?")
    turns = _turns(library, "closing-catering-followup", "en", lines)
    assert "colleagues" in turns[-2]["buyer"]  # the put-off this test is about
    assert turns[-1]["act"] == "objection_response"


@pytest.mark.parametrize(("lang", "line", "reply"), [
    ("en", "We could do it for €28 an hour instead of €32.", "A discount?"),
    ("nl", "Wij kunnen het doen voor 28 euro per uur in plaats van 32.", "Korting?"),
    ("en", "And if you sign this month we can do something on the price.", "A discount?"),
    ("nl", "Als u deze maand tekent, kan ik nog wel iets aan de prijs doen.", "Korting?"),
])
def test_a_lower_price_or_something_on_the_price_is_a_discount(library, lang, line, reply):
    opening = {"en": "Good morning, I'm Tom from SchoonWerk.",
               "nl": "Goedemorgen, ik ben Tom van SchoonWerk."}[lang]
    turn = _turns(library, "first-visit-cleaning", lang, [opening, line])[-1]
    assert turn["act"] == "pitch"
    assert turn["buyer"].startswith(reply)


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Hi Marco, good to see you.",
            "So: lunch for the whole office, a salad bar, and the employee part stays low. "
            "Is that right?"]),
    ("nl", ["Hoi Marco, goed je te zien.",
            "oke dus: warme lunch voor iedereen, een saladebar en de eigen bijdrage blijft laag, "
            "klopt dat?"]),
])
def test_a_restatement_opened_by_so_and_closed_by_is_that_right_sums_up(library, lang, lines):
    turn = _turns(library, "closing-catering-followup", lang, lines)[-1]
    assert turn["act"] == "summary"
    assert turn["spin"] is None


def test_so_with_a_proposal_and_a_tag_is_no_summary(library):
    lines = ["Hi Marco, good to see you.", "So we start after the summer, right?"]
    turn = _turns(library, "closing-catering-followup", "en", lines)[-1]
    assert turn["act"] != "summary"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "And did you know our chefs cook everything fresh on site?"),
    ("nl", "Wist u dat onze koks alles vers op locatie bereiden?"),
    ("en", "We also do catering for meetings and drinks. Interested?"),
    ("nl", "We doen ook vergadercatering en vrijdagmiddagborrels. Interesse?"),
])
def test_a_question_that_only_carries_the_offer_is_a_pitch(library, lang, line):
    opening = {"en": "Hi Marco, good to see you.", "nl": "Hoi Marco, goed je te zien."}[lang]
    turn = _turns(library, "closing-catering-followup", lang, [opening, line])[-1]
    assert turn["act"] == "pitch"
    assert turn["form"] == "closed" and turn["spin"] is None


@pytest.mark.parametrize(("lang", "line", "reply"), [
    ("en", "Great, I'll send you the quote on Monday. Could I have your card?", "card"),
    ("nl", "Top, ik mail u maandag de offerte. Mag ik u ook op onze nieuwsbrief zetten?", "mag"),
])
def test_a_promise_then_a_question_for_her_details_asks_them(library, lang, line, reply):
    """The promise confirms a step; she answers the question (no "let's not talk about that
    yet" to a proposal nobody made)."""
    opening = {"en": "Good morning, I'm Tom from SchoonWerk.",
               "nl": "Goedemorgen, ik ben Tom van SchoonWerk."}[lang]
    turn = _turns(library, "first-visit-cleaning", lang, [opening, line])[-1]
    assert turn["act"] == "fact_question"
    assert reply in turn["buyer"]


def test_a_promise_then_a_meeting_question_still_proposes(library):
    lines = ["Good morning, I'm Tom from SchoonWerk.",
             "I'll send the quote on Monday. Shall we meet on Tuesday at 10 to go through it?"]
    turn = _turns(library, "first-visit-cleaning", "en", lines)[-1]
    assert turn["act"] == "next_step_proposal"


@pytest.mark.parametrize(("line", "act"), [
    ("so what do u think of our proposal?", "fact_question"),
    ("And how do you feel about our quote now?", "fact_question"),
    ("We'd add a salad bar to the proposal. What do you think?", "solution"),
])
def test_asking_her_view_of_the_offer_she_has_is_a_question_not_an_offer(library, line, act):
    lines = ["Hi Marco, good to see you.", line]
    turn = _turns(library, "closing-catering-followup", "en", lines)[-1]
    assert turn["act"] == act
    if act == "fact_question":
        # her opinion of the offer carries no SPIN type (the labelling conventions, round 23)
        assert turn["form"] == "open" and turn["spin"] is None


@pytest.mark.parametrize("line", ["Tell me something about the office.",
                                  "Could you say a few words about your firm?"])
def test_asking_about_her_office_invites_her_to_introduce_it(library, line):
    lines = ["Good morning, I'm Tom from SchoonWerk.", line]
    turn = _turns(library, "first-visit-cleaning", "en", lines)[-1]
    assert turn["act"] == "fact_question"
    assert turn["form"] == "open" and turn["spin"] == "situation"


@pytest.mark.parametrize(("line", "act"), [
    ("Good to see you again by the way, Marco.", "greet_introduce"),
    ("Thanks Marco, good to see you, see you on Thursday!", "goodbye"),
])
def test_good_to_see_you_greets_unless_another_farewell_follows(library, line, act):
    lines = ["Hi Marco.", "What did the team think of the proposal?", line]
    turn = _turns(library, "closing-catering-followup", "en", lines)[-1]
    assert turn["act"] == act


@pytest.mark.parametrize(("lang", "line", "spin"), [
    ("nl", "Wat als dat in de piek voor de feestdagen gebeurt?", "implication"),
    ("en", "And what if that happens in the run-up to Christmas?", "implication"),
    ("nl", "Wat als dat voortaan binnen vier uur opgelost is?", "need_payoff"),
    ("en", "What if that never happened again?", "need_payoff"),
])
def test_what_if_it_happens_asks_the_consequence_and_what_if_it_is_fixed_the_value(
        library, lang, line, spin):
    """A lead's user test: "Wat als dat in de piek gebeurt?" after the jams was read as a
    need-payoff question, and she answered "dat zou op zich prettig zijn"."""
    opening = {"nl": ["Goedemorgen, ik ben Daan van Printwise.",
                      "Hoe vaak lopen de labelprinters vast?"],
               "en": ["Good morning, I'm Daan from Printwise.",
                      "How often do the label printers jam?"]}[lang]
    turn = _turns(library, "spin-printing-urgency", lang, [*opening, line])[-1]
    assert turn["spin"] == spin, turn
