"""Hoekstra's replies in the price drill, as a person on the phone would give them.

A buyer who phoned the learner answers a greeting as on the phone.

In the price drill Hoekstra calls back about the quotation. A learner who first says
hello should hear "yes, good afternoon" and his point again, not "good to see you again"
(they are on the phone) or "nice story, but ..." (nothing was told yet).
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "goedemiddag meneer hoekstra, leuk dat u belt"),
    ("nl", "Goedemiddag, met Anouk van Wikkel & Co."),
    ("en", "hi mr hoekstra, thanks for calling back"),
    ("en", "Good afternoon Mr Hoekstra, Anouk from Wikkel & Co speaking."),
])
def test_a_greeting_on_his_call_gets_a_phone_greeting_and_his_point(
        library: Library, lang: str, line: str) -> None:
    reply = last_reply(library, "drill-objection-price", lang, [line])
    assert reply.startswith(("Ja, ", "Yes, ")), reply
    assert "zien" not in reply and "see you" not in reply.lower(), reply
    assert "verhaal" not in reply and "story" not in reply, reply
    assert "veertien procent" in reply or "fourteen percent" in reply, reply


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_saying_his_name_back_is_no_chat_about_his_opening(library: Library, lang: str) -> None:
    """He opened with "Hoekstra, De Friese Weide": his name said back in the greeting takes
    up nothing he said, so no "ha, indeed, where shall we start?"."""
    line = {"nl": "Goedemiddag meneer Hoekstra!", "en": "Good afternoon Mr Hoekstra!"}[lang]
    reply = last_reply(library, "drill-objection-price", lang, [line])
    assert "inderdaad" not in reply and "indeed" not in reply, reply


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["I understand that price matters to you. What are you comparing it with?",
            "With our pre-stretched film you need less film per pallet, so your cost per pallet"
            " goes down. Does that take away your concern?"]),
    ("nl", ["Ik snap dat de prijs telt. Waarmee vergelijkt u het?",
            "Met onze voorgerekte folie heeft u minder folie per pallet nodig, dus uw kosten per"
            " pallet dalen. Neemt dat uw zorg weg?"]),
])
def test_his_yes_to_a_cost_argument_speaks_of_no_line_stops(library: Library, lang: str,
                                                            lines: list[str]) -> None:
    """He takes "cost per pallet" as an answer; his yes does not thank the learner for
    fewer line stops nobody promised."""
    reply = last_reply(library, "drill-objection-price", lang, lines)
    assert "fourteen" in reply or "veertien" in reply, reply
    assert "line" not in reply and "lijn" not in reply, reply
