"""Round 15: the card credits what the method asks and keeps its slots for the method.

From the lead's fresh calls: a short question about the problem he just named, asked
with leave ("Mag ik u één vraag stellen: ...?"), was read as a next step and called a
message that "did nothing for the drill".
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from tests.engine_calls import RENEWAL_PHONE_CALL, compiled_library, play


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "Mag ik u één vraag stellen: hoeveel tijd kost het u nu om de planning rond "
           "te krijgen?"),
    ("nl", "Mag ik één ding vragen: waar loopt het nu vast?"),
    ("en", "Can I ask you one thing: where does the scheduling get stuck right now?"),
])
def test_a_question_asked_with_leave_clarifies_his_concern(library, lang, question):
    report = play(library, "drill-objection-no-time", lang,
                  ["Ik zie dat u het druk heeft, ik houd het kort." if lang == "nl"
                   else "I can see you're busy, I'll keep it short.", question])
    asked = report["turns"][1]
    assert asked["form"] == "open"
    assert asked["act"] == "objection_response", asked
    assert report["objectives"]["external"]["clarify"] is True
    assert not any("deed niets voor de oefening" in t or "did nothing for the drill" in t
                   for t in report["feedback"])




def test_the_missing_capital_leaves_a_full_card_to_the_method(library):
    """A call in lower case with two objections and questions still open: five things
    about the method fill the card, the capitals do not push one of them off."""
    tips = play(library, "objection-software-renewal", "en", RENEWAL_PHONE_CALL)["feedback"]
    assert len(tips) == 5
    assert not any("without a capital" in t for t in tips), tips
    assert any("implication question" in t for t in tips), tips


def test_the_missing_capital_comes_last_and_keeps_the_praise_of_its_message(library):
    tips = play(library, "drill-objection-price", "en", [
        "I understand, price matters. what are you comparing it with?",
        "ok. apart from price, is there anything else holding you back?",
        "if our film stops your line less often, you save downtime every week. would that "
        "make the difference?",
    ])["feedback"]
    capital = [i for i, t in enumerate(tips) if "without a capital" in t]
    assert capital == [len(tips) - 1], tips
    assert tips[0].startswith("Good: “I understand, price matters."), tips


def test_a_step_the_card_does_not_tick_earns_no_praise(library):
    """"soon! I'll send you an email" names a step; "we'll be in touch" after it leaves
    no concrete one, so the card does not tick it and no tip calls it done."""
    report = play(library, "drill-closing-next-step", "en",
                  ["soon! i'll send you an email with some info", "we'll be in touch"])
    assert report["objectives"]["external"]["next_step"] is False
    assert not any(t.startswith("Done well") for t in report["feedback"]), report["feedback"]


DISCUSS_OTHERS = [
    "That makes sense, a purchase like this is something you decide together. Who's on the "
    "management team, and what exactly will the IT coordinator want to know?",
    "Our screens work with any laptop, through one USB-C cable or wirelessly, so the "
    "teachers can keep using the laptops they have now.",
]


def test_an_objection_drill_without_the_check_is_an_average_answer(library):
    """Understanding, questions and a tied benefit, then specs sent instead of a check: a
    trainer gives about 60 (dev ``discuss-others.en.average.h2``); the check it left out
    is what makes the answer strong."""
    unchecked = play(library, "drill-objection-discuss-others", "en", [
        *DISCUSS_OTHERS,
        "I'll send you the technical specs so you can forward them to the IT coordinator."])
    checked = play(library, "drill-objection-discuss-others", "en", [
        *DISCUSS_OTHERS, "Would that help you take it to the management team?"])
    assert unchecked["objectives"]["external"]["check"] is False
    assert unchecked["score"] <= 72
    assert checked["objectives"]["external"]["check"] is True
    assert checked["score"] >= 90


def test_understanding_spoilt_by_a_but_is_named_once_not_charged_as_a_false_start(library):
    """Understanding of her concern in its own words, then "But we're not like that": the
    acknowledgement is not ticked and the "but" gets its tip; charging the message as one
    that did nothing on top cost the call twice (a trainer's 55, the card said 32)."""
    report = play(library, "drill-objection-bad-experience", "en", [
        "I'm sorry to hear that, being down in the middle of tax season must have been "
        "really stressful. But we're not like that, we have 24/7 support.",
        "What exactly went wrong back then, was it only the phone or the fix itself as "
        "well? And what would you need from an IT partner now?",
        "Every client gets a fixed engineer who knows your office, and from February to May "
        "we have extra people on standby, so you'd never be left waiting.",
    ])
    assert report["objectives"]["external"]["acknowledge"] is False
    assert report["feedback"][0].startswith("“I'm sorry to hear that"), report["feedback"]
    assert "took it back" in report["feedback"][0]
    assert report["deduction"] == 0
    assert 50 <= report["score"] <= 62


def test_a_stock_phrase_before_the_but_is_still_a_false_start(library):
    report = play(library, "drill-objection-bad-experience", "nl", [
        "Dat hoor ik vaker, maar wij zijn de goedkoopste van de regio.",
        "Wat ging er toen precies mis?",
        "Bij ons krijgt u een vaste monteur die uw kantoor kent.",
    ])
    assert report["feedback"][0].startswith("Je eerste bericht, “Dat hoor ik vaker"), report
    assert report["deduction"] >= 25
