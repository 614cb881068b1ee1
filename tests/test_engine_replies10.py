"""The buyer's reactions fit what the learner said (round 10): no stock pleasantry to a
line that shows no understanding, and no reminder of her concern said twice in a row."""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import PLEASED, RENEWAL_OPENING
from tests.engine_calls import call as _call


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


OPENING = RENEWAL_OPENING


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "yeah i get it but our software is just better than your current one, everyone "
           "says so"),
    ("en", "I understand. Honestly your current supplier is pretty outdated anyway."),
    ("en", "I get that. We are the market leader in payroll software."),
    ("nl", "ja snap ik maar onze software is gewoon beter dan die van jullie huidige "
           "leverancier"),
    ("nl", "Ik begrijp het. Eerlijk gezegd is Loonhuis ook behoorlijk verouderd."),
])
def test_understanding_as_a_preamble_to_a_pitch_is_not_welcomed(
        library: Library, lang: str, line: str) -> None:
    _engine, state, replies = _call(library, "objection-software-renewal", lang,
                                    [*OPENING[lang], line])
    assert state.pending_objection, replies  # the objection was raised and still stands
    assert not any(p in replies[-1].lower() for p in PLEASED), replies[-1]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "I understand that switching feels risky after last time."),
    ("nl", "Ik begrijp dat overstappen na de vorige keer spannend voelt."),
])
def test_plain_understanding_is_still_welcomed(library: Library, lang: str, line: str) -> None:
    _engine, _state, replies = _call(library, "objection-software-renewal", lang,
                                     [*OPENING[lang], line])
    assert any(p in replies[-1].lower() for p in PLEASED), replies[-1]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "I understand. Shall we do the demo on Friday?"),
    ("en", "I get that. Could we meet next Tuesday at 10 to talk it over?"),
    ("nl", "Ik begrijp het. Zullen we de demo op vrijdag doen?"),
    ("nl", "Dat snap ik. Kunnen we volgende week dinsdag om 10 uur afspreken?"),
])
def test_understanding_then_a_proposal_gets_an_answer_to_the_proposal(
        library: Library, lang: str, line: str) -> None:
    _engine, state, replies = _call(library, "objection-software-renewal", lang,
                                    [*OPENING[lang], line])
    reply = replies[-1].lower()
    assert not any(p in reply for p in PLEASED), replies[-1]
    assert reply not in ("hm. go on.", "hm. gaat u verder."), replies[-1]
    assert state.closing["attempted"], replies  # she took it as the proposal it is


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemiddag Marco, met Fleur van Smaakmakers.",
            "Ik wil vandaag horen hoe het voorstel is gevallen.",
            "Hoe is het voorstel ontvangen?", "Zullen we op 1 september starten?",
            "Zullen we op 1 september starten?", "Ik snap het. Zullen we een proefweek doen?"]),
    ("en", ["Good afternoon Marco, Fleur from Smaakmakers.",
            "Today I'd like to hear how the proposal landed.",
            "How was the proposal received?", "Shall we start on 1 September?",
            "Shall we start on 1 September?", "I get it. Shall we do a trial week?"]),
])
def test_she_does_not_ask_for_what_the_learner_just_offered(
        library: Library, lang: str, lines: list[str]) -> None:
    _engine, _state, replies = _call(library, "closing-catering-followup", lang, lines)
    assert "proefweek in zitten" not in replies[-1], replies[-1]
    assert "trial week first" not in replies[-1], replies[-1]
