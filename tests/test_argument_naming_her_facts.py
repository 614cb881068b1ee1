"""An argument that names the buyer's own facts is answered as an argument.

Marco has said Vers & Co is fifty cents cheaper. "Vers & Co is cheaper, but there you're
tied to 140 lunches, Fridays too. With us you pay per lunch. Doesn't that save more than
the 50 cents?" argues and checks; he does not answer it by telling the learner what the
learner just said ("Vers & Co sent something too. Fifty cents cheaper, but for a fixed
140 a day").
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


_CALL = {
    "nl": ["Hoi Marco!", "Wat vond je van ons voorstel?", "Is de prijs nog een punt?",
           "Vers & Co is inderdaad goedkoper, maar daar zit je vast aan 140 lunches, ook op"
           " vrijdag als er bijna niemand is. Bij ons betaal je per lunch. Scheelt dat niet"
           " meer dan die 50 cent?"],
    "en": ["Hi Marco!", "What did you think of our proposal?", "Is the price still an issue?",
           "Sure, Vers & Co is cheaper, but there you're tied to 140 lunches, Fridays too when"
           " hardly anyone is in. With us you pay per lunch. Doesn't that save more than the"
           " 50 cents?"],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_he_does_not_tell_the_learner_the_competitor_offer_just_cited(library: Library,
                                                                      lang: str) -> None:
    reply = last_reply(library, "closing-catering-followup", lang, _CALL[lang])
    assert "heeft ook iets gestuurd" not in reply and "sent something too" not in reply, reply
    assert "140" not in reply, reply
