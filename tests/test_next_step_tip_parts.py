"""A next step that is not yet concrete: the tip asks for what the proposal lacks (a day,
a time, who attends, what the learner brings), never for what it already names."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.call_report import render_tip
from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState, TurnRecord
from scoring.card import ScoreCard
from scoring.consistency import TURNS, contradictions
from scoring.feedback import Tip, close_parts_missing
from tests.engine_calls import compiled_library
from tests.test_card_consistency import play_card

PRINTING = {
    "en": ["Good morning Ms Bosman, I'm Tom from Printwise. Thanks for making time.",
           "I'd like to understand how printing works for you today and where it hurts, "
           "and then see if we can help. Does that work for you?",
           "How many printers do you run, and who maintains them?",
           "How often do they jam?",
           "What happens on the floor when a label printer jams during peak?",
           "Who else would be involved in a decision like this?",
           "{close}", "Great, see you then. Bye!"],
    "nl": ["Goedemorgen mevrouw Bosman, ik ben Tom van Printwise. Fijn dat u tijd maakt.",
           "Ik wil graag begrijpen hoe het printen nu bij u gaat en waar het knelt, en dan "
           "kijken of we kunnen helpen. Is dat goed?",
           "Hoeveel printers heeft u, en wie onderhoudt ze?",
           "Hoe vaak lopen ze vast?",
           "Wat gebeurt er op de vloer als een labelprinter vastloopt in de piek?",
           "Wie is er verder bij zo'n beslissing betrokken?",
           "{close}", "Prima, tot dan. Doei!"],
}
CLOSES = {
    # a day, what he brings, who it is for (not who attends): the time and who attend
    "en": ("Can I come back next week Thursday with a proposal for your team?",
           "a time, who attends", "a day"),
    "nl": ("Kan ik volgende week donderdag terugkomen met een voorstel voor uw team?",
           "een tijd, wie erbij is", "een dag"),
}


Played = tuple[CompiledScenario, SessionState, ScoreCard, list[TurnRecord]]


def _close_tip(lang: str, close: str) -> tuple[Tip, Played]:
    lines = [line.replace("{close}", close) for line in PRINTING[lang]]
    cs, state, card, turns = play_card("spin-printing-urgency", lang, lines)
    tips = [t for t in card.tips if t.key in ("vague_close", "firmer_close")]
    assert tips, [t.key for t in card.tips]
    return tips[0], (cs, state, card, turns)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_proposal_with_a_day_is_asked_for_the_time_not_the_day(lang: str) -> None:
    close, missing, named = CLOSES[lang]
    tip, _ = _close_tip(lang, close)
    text = render_tip(lang, tip)
    assert missing in text, text
    assert named not in text, text


@pytest.mark.parametrize("lang,close,missing", [
    ("en", "Shall we meet again some time?", "a day, a time, who attends, what you bring"),
    ("nl", "Zullen we binnenkort nog eens afspreken?",
     "een dag, een tijd, wie erbij is, wat je meeneemt"),
])
def test_a_proposal_with_nothing_in_it_is_asked_for_everything(
        lang: str, close: str, missing: str) -> None:
    tip, _ = _close_tip(lang, close)
    assert missing in render_tip(lang, tip)


def test_the_checker_finds_a_close_tip_asking_for_the_day_it_names() -> None:
    close, _, _ = CLOSES["en"]
    tip, (cs, state, card, turns) = _close_tip("en", close)
    wrong = replace(card, tips=[Tip(tip.key, {**tip.values, "parts": "day, time"})])
    found = contradictions(cs, state, wrong, turns)
    assert TURNS in {c.kind for c in found}


@pytest.mark.parametrize("lang,said,missing", [
    ("en", "Would it be an idea to do a demo for you and the finance director?", "day, time"),
    ("en", "Could we meet again sometime to talk about a quotation?", "day, time, who"),
    ("nl", "Zal ik een demo komen geven voor u en de financieel directeur, de 21e?", "time"),
    ("nl", "Zullen we binnenkort eens bellen?", "day, time, who, what"),
])
def test_the_parts_a_proposal_names_are_not_asked_for(lang: str, said: str,
                                                      missing: str) -> None:
    cs = compiled_library()["objection-software-renewal"]
    state = SessionState(scenario_id=cs.scenario.id, lang=lang, seed=0)
    assert close_parts_missing(cs, state, said) == missing
