""""What do you mean?" right after her answer asks her to say more about it.

A learner who asks "hoe bedoelt u?" or "what do you mean by mixed?" gets what lies behind
her answer (what goes wrong, an example), not a question back ("What are you getting at
exactly?") or "I couldn't tell you much about that".
"""

from __future__ import annotations

import pytest

from tests.engine_calls import compiled_library, play

OPENING = {
    "nl": ["Goedemiddag mevrouw De Groot, ik ben Daan Visser van SchoonWerk Nederland.",
           "Wie doet de schoonmaak op dit moment en bent u daar tevreden over?"],
    "en": ["Good afternoon Ms De Groot, I'm Daan from SchoonWerk.",
           "Who does your cleaning now and are you happy with them?"],
}
TURNED_BACK = ("getting at", "doelt u", "couldn't tell you", "weinig over", "niet veel over",
               "rather general", "nogal algemeen")


@pytest.fixture(scope="module")
def library():
    return compiled_library()


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "Hoe bedoelt u?"),
    ("nl", "hmm, wat bedoelt u met niet altijd?"),
    ("en", "What do you mean?"),
    ("en", "how do you mean, mixed?"),
])
def test_asked_what_she_means_she_says_more(library, lang, question):
    turns = play(library, "first-visit-cleaning", lang, OPENING[lang] + [question])["turns"]
    reply = turns[-1]["buyer"]
    assert not any(p in reply for p in TURNED_BACK), reply
    assert reply not in turns[-2]["buyer"], reply
    assert len(reply.split()) >= 8, reply
