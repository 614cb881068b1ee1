"""A boast with a question after the introduction is a pitch, in both languages.

"We're the biggest cleaning company in the Netherlands with fixed teams and our own app.
Shall I tell you how we work?" talks the company up ("we are the" introduces nobody: the
learner did that in the greeting). She reacts to the pitch, not with "I couldn't tell you
much about that" as if she had been asked a fact.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import script_turns


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Hello Mrs de Groot, I'm Daan from SchoonWerk Nederland.",
            "We're the biggest cleaning company in the Netherlands with fixed teams and our own"
            " app. Shall I tell you how we work?"]),
    ("nl", ["Goedemorgen, ik ben Daan van SchoonWerk.",
            "Wij zijn de grootste schoonmaker van Nederland, met vaste teams en een eigen app."
            " Zal ik vertellen hoe wij werken?"]),
])
def test_a_boast_after_the_introduction_is_a_pitch(library: Library, lang: str,
                                                    lines: list[str]) -> None:
    turn = script_turns(library, "first-visit-cleaning", lang, lines)[-1]
    assert turn["act"] == "pitch", turn
    assert "couldn't tell" not in turn["buyer"] and "weet ik niet" not in turn["buyer"], turn
