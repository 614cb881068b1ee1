"""A goodbye that takes a date he put off as agreed is corrected, also a date without a time.

"Shall we sign on 20 June?" while his price concern is open gets "hold on, first this";
"Great, I'll send the contract to you and Annelies today. Thanks!" next takes the signing
as agreed. He says the date is not agreed yet, not a plain "thank you, goodbye" that
leaves the learner believing the deal is done. "I'll call you next week" names no day and
is left alone.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply, last_turn


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


_CALL = {
    "nl": ["Hoi Marco!", "Wat vond je van ons voorstel?", "Is de prijs nog een punt?",
           "Zullen we dan de overeenkomst laten tekenen op 20 juni?",
           "Top, dan stuur ik vandaag de overeenkomst naar jou en Annelies. Bedankt Marco!"],
    "en": ["Hi Marco!", "What did you think of our proposal?", "Is the price still an issue?",
           "Shall we sign the agreement on 20 June then?",
           "Great, I'll send the agreement to you and Annelies today. Thanks Marco!"],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_goodbye_that_takes_the_put_off_date_as_agreed_is_corrected(library: Library,
                                                                      lang: str) -> None:
    reply = last_reply(library, "closing-catering-followup", lang, _CALL[lang])
    assert "nog niet vast" in reply or "isn't agreed" in reply, reply



@pytest.mark.parametrize(("lang", "line", "credited"), [
    ("en", "Could we do a demo sometime in the next few weeks?", False),
    ("en", "Could we do a demo on Thursday 21 May at 10?", True),
    ("nl", "Zal ik een demo komen geven, do 21 mei om 10 uur?", True),
])
def test_only_a_day_makes_a_demo_a_next_step(library: Library, lang: str, line: str,
                                             credited: bool) -> None:
    """"do" is Thursday only in Dutch: "could we do a demo sometime?" fixes no day and
    earns no next step on the card."""
    turn = last_turn(library, "spin-printing-urgency", lang, ["Hi Ingrid, Lisa here.", line])
    assert ("demo" in turn["objectives"]) is credited, turn
