"""Dutch pronominal adverbs typed apart, as students do on a phone.

"Wat vond je er van?" is "Wat vond je ervan?": after an agenda about the proposal it asks
his opinion of it. He answers with his feedback, not "what exactly do you mean?" or a
line about how busy he is. Inside a clause the two words stay apart ("Is er voor jullie
een budget?" asks the budget).
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply

_AGENDA = "Ik kom vandaag horen wat jullie van ons voorstel vonden. Goed?"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize("line", ["Wat vond je er van?", "wat vonden jullie er van",
                                  "En, wat vond je er van ?"])
def test_his_opinion_asked_with_the_words_apart_gets_his_feedback(library: Library,
                                                                  line: str) -> None:
    reply = last_reply(library, "closing-catering-followup", "nl", [_AGENDA, line])
    assert "voorstel" in reply.lower(), reply
    assert "Waar doel je" not in reply and "Druk" not in reply, reply


def test_the_words_stay_apart_inside_a_clause(library: Library) -> None:
    reply = last_reply(library, "closing-catering-followup", "nl",
                       [_AGENDA, "Is er voor jullie een budget?"])
    assert "115.000" in reply, reply
