"""An offer tied to what the buyer said, made before the need was explored: the card's
deduction, its tips and what she told agree, and no two tips coach the same step."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from bot.call_report import render_tip
from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState
from scoring.consistency import DUPLICATE, TICKS, TURNS, contradictions
from scoring.feedback import Tip, choose_tips
from tests.engine_calls import compiled_library, play, turn_record
from tests.test_card_consistency import play_card

# A learner typing on a phone: she has told what the problem costs her (an hour a week,
# embarrassment with clients), not what a fix would be worth, when the offer comes.
CLEANING = {
    "en": ["hi mrs de groot, im lisa from schoonwerk nederland. thanks for having me",
           "we clean offices all over north holland. today id like to hear how your cleaning "
           "works now and see if we can help. ok for u?",
           "who does ur cleaning now?", "and r u happy with them", "can u give an example",
           "what does that mean for you when clients come in",
           "so we could start right away with a cleaner who also checks the meeting rooms "
           "every morning",
           "who decides on this besides you", "thx, bye!"],
    "nl": ["hoi mevrouw de groot, ik ben lisa van schoonwerk nederland. bedankt dat ik mag komen",
           "wij maken kantoren schoon in heel noord-holland. vandaag wil ik horen hoe jullie "
           "schoonmaak nu gaat en kijken of we kunnen helpen. goed?",
           "wie doet nu jullie schoonmaak?", "en bent u tevreden met ze",
           "kunt u een voorbeeld geven", "wat betekent dat voor u als er klanten komen",
           "dus we kunnen meteen beginnen met een schoonmaker die ook elke ochtend de "
           "spreekkamers nakijkt",
           "wie beslist hierover behalve u", "bedankt, doei!"],
}


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()


def _report(library: dict[str, CompiledScenario], lang: str, lines: list[str]) -> dict[str, Any]:
    return play(library, "first-visit-cleaning", lang, lines)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_offer_tip_asks_only_for_the_value_when_she_told_the_cost(lang: str) -> None:
    cs, state, card, turns = play_card("first-visit-cleaning", lang, CLEANING[lang])
    keys = [t.key for t in card.tips]
    assert "pitch_early_value" in keys, keys
    text = render_tip(lang, next(t for t in card.tips if t.key == "pitch_early_value"))
    # it credits the cost she told and asks for the value alone
    assert ("costs her, not yet" in text) if lang == "en" else ("haar kost, nog niet" in text)
    # no second tip asks for the value, nor for a proposal the offer already was
    assert "need_payoff" not in keys and not any(k.startswith("solution") for k in keys)
    assert not contradictions(cs, state, card, turns)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_deduction_calls_an_offer_tied_when_its_tip_does(
        library: dict[str, CompiledScenario], lang: str) -> None:
    report = _report(library, lang, CLEANING[lang])
    assert "pitch_early" in report["deduction_reasons"]
    assert "pitch" not in report["deduction_reasons"]


def test_an_offer_before_any_consequence_asks_for_cost_and_value_once(
        library: dict[str, CompiledScenario]) -> None:
    # the offer straight after her example: neither cost nor value told yet
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    fact = next(f.id for f in cs.scenario.facts
                if not {"implication", "need_payoff"} & set(f.spin))
    turns = [turn_record("Good morning, I'm Lisa from Schoonwerk.", "greet_introduce"),
             turn_record("Who does your cleaning now?", "fact_question", form="open",
                         spin="situation", facts=(fact,), buyer="Blinkend Schoon."),
             turn_record("What could be better?", "fact_question", form="open",
                         spin="problem", facts=(fact,),
                         buyer="The team keeps changing, and they arrive during client "
                               "appointments."),
             turn_record("Where do you want to go on holiday?", "fact_question", form="open",
                         spin="situation", facts=(fact,), buyer="Italy."),
             turn_record("We give you a fixed team that never comes during client "
                         "appointments, cheaper than anyone.", "pitch")]
    keys = [t.key for t in choose_tips(cs, state, 50, turns)]
    assert "pitch_early" in keys, keys
    # the early-offer tip asks for both: no implication or need-payoff tip repeats it
    assert "implication" not in keys and "need_payoff" not in keys, keys


def test_an_untied_pitch_keeps_its_own_reason(library: dict[str, CompiledScenario]) -> None:
    lines = ["Good morning, I'm Lisa from Schoonwerk Nederland.",
             "We are the best cleaning company in the region, with eco products and "
             "fixed teams, and we are cheaper than anyone.", "Bye!"]
    report = _report(library, "en", lines)
    assert "pitch" in report["deduction_reasons"]
    assert "pitch_early" not in report["deduction_reasons"]


def test_the_checker_finds_an_early_offer_tip_against_the_call() -> None:
    cs, state, card, turns = play_card("first-visit-cleaning", "en", CLEANING["en"])
    early = next(t for t in card.tips if t.key == "pitch_early_value")
    # "she has not said what it costs her", after she did
    said_cost = replace(card, tips=[Tip("pitch_early", early.values)])
    assert TURNS in {c.kind for c in contradictions(cs, state, said_cost, turns)}
    # the same value question coached twice
    twice = replace(card, tips=[early, Tip("need_payoff", {})])
    assert DUPLICATE in {c.kind for c in contradictions(cs, state, twice, turns)}
    # a deduction for an untied offer next to a tip calling it tied
    untied = replace(card, tips=[early], deduction_reasons=["pitch"])
    assert TICKS in {c.kind for c in contradictions(cs, state, untied, turns)}
