"""A learner typing fast on a phone asks for an example as plainly as one who spells it
right (lead's user call: "can u give an exmaple" got "Hm, I couldn't tell you much about
that" while "example" got her story)."""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


OPENING = {
    "en": ["Hi Marieke, Tim from SchoonWerk here.", "Who does your cleaning now?",
           "And are you happy with them?"],
    "nl": ["Goedemiddag, ik ben Tim van SchoonWerk.", "Wie doet de schoonmaak nu?",
           "En bent u tevreden?"],
}


@pytest.mark.parametrize(("lang", "typed", "spelled"), [
    ("en", "can u give an exmaple", "can u give an example"),
    ("en", "any exmaples?", "any examples?"),
    ("nl", "kunt u een voorbeld geven?", "kunt u een voorbeeld geven?"),
    ("nl", "heeft u een voorbeeldje", "heeft u een voorbeeld"),
])
def test_a_mistyped_request_for_an_example_gets_the_same_answer(library, lang, typed,
                                                                 spelled):
    *_, typed_replies = call(library, "first-visit-cleaning", lang, [*OPENING[lang], typed])
    *_, spelled_replies = call(library, "first-visit-cleaning", lang,
                               [*OPENING[lang], spelled])
    assert typed_replies[-1] == spelled_replies[-1]
    assert "team" in typed_replies[-1].lower(), typed_replies[-1]
