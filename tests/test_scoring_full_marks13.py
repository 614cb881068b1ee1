"""A strong drill card below 100 says what would have made it 100 (round 13).

A learner who scored 92 on the price drill read only praise ("You did what it asks: ...")
and never learned what cost the last points. The card now names, in one tip quoting her,
the step left out (isolating the objection), and does not claim the whole task was done.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.engine.compiled import CompiledScenario
from tests.engine_calls import compiled_library, play

PRICE_EN = [
    "I understand, 14% is a big step when you have to justify it internally. "
    "What exactly are you comparing us with?",
    "how often does the line stop when the film tears, and what does that cost u?",
    "So if our film doesnt tear, the line keeps running and you save those stops, which "
    "more than pays for the 14%. Would that help you sell it internally?",
]


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()


def _full_marks(report: dict[str, Any]) -> list[str]:
    return [t for t in report["feedback"]
            if t.startswith(("What would have made it 100", "Wat het 100 had gemaakt"))]


def test_a_92_on_the_price_drill_names_the_isolating_question_it_left_out(library):
    report = play(library, "drill-objection-price", "en", PRICE_EN)
    assert report["score"] < 100
    tips = _full_marks(report)
    assert len(tips) == 1, report["feedback"]
    assert "isolate the objection" in tips[0] and "“I understand, 14% is a big step" in tips[0]
    assert not any("You did what it asks" in t for t in report["feedback"])
    # the opener does not credit "is price the only issue?" either
    assert "only issue" not in report["feedback"][0]
    assert 3 <= len(report["feedback"]) <= 5


def test_an_answer_that_isolated_the_price_is_not_told_to_isolate_it(library):
    report = play(library, "drill-objection-price", "nl", [
        "Dat begrijp ik, veertien procent is een flink verschil. Waarmee vergelijkt u ons, "
        "en is de prijs het enige punt?",
        "Hoe vaak staat de inpaklijn stil als de folie scheurt, en wat kost u dat?",
        "Onze folie scheurt minder, dus de lijn blijft draaien en dat verdient die veertien "
        "procent terug. Neemt dat uw bezwaar weg?",
    ])
    tips = _full_marks(report)
    # (nothing in her lines cost the last points: no tip names a missing step, round 21)
    assert report["score"] < 100 and not tips, report["feedback"]
    assert not any("isoleer" in t for t in report["feedback"])
    assert 3 <= len(report["feedback"]) <= 5


def test_a_strong_closing_drill_card_names_no_boilerplate_for_the_last_points(library):
    """Round 21: "the last 8 points are for the finish a trainer listens for" named no
    line of the learner's; a card whose lines cost nothing says nothing of the sort."""
    report = play(library, "drill-closing-order", "en", [
        "The price stays exactly as quoted and we deliver both forklifts before 1 March. "
        "Shall I put the order through today?",
    ])
    assert report["score"] < 100
    assert not _full_marks(report), report["feedback"]
    assert not any("points are for" in t or "try again" in t.lower()
                   for t in report["feedback"])
    assert 3 <= len(report["feedback"]) <= 5


def test_a_right_forecast_in_chat_style_to_her_own_manager_is_no_lapse(library):
    """Round 23: Monique is the learner's own sales manager, not a customer; a quick line
    to her with the right figures is no fault a trainer names (h8 review)."""
    report = play(library, "drill-forecast", "en", ["total is 52,500 and march is 25,500"])
    assert not _full_marks(report), report["feedback"]
    assert not any("capital" in t or "customer" in t for t in report["feedback"])
    assert 3 <= len(report["feedback"]) <= 5


def test_a_right_answer_in_chat_style_to_a_customer_is_told_the_capital_it_lacks(library):
    report = play(library, "drill-closing-order", "en", [
        "the price stays as quoted and we deliver both forklifts before 1 march. shall i "
        "put the order through today?"])
    tips = _full_marks(report)
    assert report["score"] < 100 and len(tips) == 1, report["feedback"]
    assert "starts without a capital" in tips[0], tips
    assert 3 <= len(report["feedback"]) <= 5


def test_a_drill_that_does_not_teach_isolating_does_not_ask_for_a_second_question(library):
    """The no-time buyer asks for a short call: "is there anything else?" is not the step
    that was missing, so the card does not send the learner for it."""
    report = play(library, "drill-objection-no-time", "en", [
        "I can see it's busy, I'll be quick. How many extra people would you need at the "
        "weekends?",
        "We can have four trained weekend staff here from this Saturday, so you can get off "
        "the till. Would that help you?"])
    assert not any("anything else" in t or "isolate" in t for t in report["feedback"]), \
        report["feedback"]
