"""Round-14 reading of the learner's message (helper acts13): act, form and SPIN type
decided by the grammar and the call's context, in wordings not taken from the dialogues."""

from __future__ import annotations

import pytest

from bot.scenario.library import load_library
from tests.engine_calls import script_turns


@pytest.fixture(scope="module")
def library():
    return load_library([])


def _last(library, scenario: str, lang: str, lines: list[str]) -> dict:
    return script_turns(library, scenario, lang, lines)[-1]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "hey marco! busy week 😅 hows the new kitchen coming along"),
    ("en", "hi marco, great to be here again 🙂 how was your holiday"),
    ("nl", "hoi marco! lang niet gezien 😄 hoe was de vakantie"),
])
def test_an_emoji_ends_a_remark_before_a_small_talk_question(library, lang, line):
    """On a phone an emoji closes a sentence as a full stop would: the question after it
    ("hows the kitchen coming along") is an open question, and a greeting whose point is
    that question is small talk, not a bare greeting."""
    turn = _last(library, "closing-catering-followup", lang, [line])
    assert (turn["act"], turn["form"]) == ("small_talk", "open")
