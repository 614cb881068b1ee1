"""Claims about our offer closed by a bid for her approval are a pitch, not a question.

Lead's user call: "so we r a national cleaning company, 2000 clients, eco products, fixed
teams. sounds good right?" was read as a closed situation question; the buyer answered
"Yes, mainly discretion and a fixed team." and the card never named the early pitch."""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import script_turns


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


HELLO = {"en": "Hello, I'm Tim from SchoonWerk.", "nl": "Goedemiddag, ik ben Tim van SchoonWerk."}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "so we r a national cleaning company, 2000 clients, eco products, fixed teams. "
           "sounds good right?"),
    ("en", "We work with fixed teams and only eco products. Sounds great, doesn't it?"),
    ("en", "We have 2000 clients and our own trained teams, interesting right?"),
    ("nl", "Wij zijn een landelijk bedrijf met vaste teams, klinkt goed toch?"),
    ("nl", "We werken met vaste, gescreende teams en groene middelen. Mooi toch?"),
])
def test_a_bid_for_approval_after_our_claims_is_a_pitch(library, lang, line):
    turn = script_turns(library, "first-visit-cleaning", lang, [HELLO[lang], line])[-1]
    assert turn["act"] == "pitch", turn
    assert turn["spin"] is None and not turn["details"]["facts"], turn


@pytest.mark.parametrize(("lang", "line", "act"), [
    ("en", "My plan for today: first how the cleaning goes now, then what matters to you, "
           "and a next step. Sound good?", "state_objective"),
    ("nl", "Ik wil vandaag horen hoe de schoonmaak nu gaat en wat u belangrijk vindt. "
           "Is dat goed?", "state_objective"),
])
def test_an_agenda_closed_the_same_way_still_states_the_objective(library, lang, line, act):
    turn = script_turns(library, "first-visit-cleaning", lang, [HELLO[lang], line])[-1]
    assert turn["act"] == act, turn
