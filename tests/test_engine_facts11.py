"""Two questions in one message (round 10): a verb-first question joined to a second one
("do u have a cleaner now and are u happy with them?") asks two things, and she answers
both halves she knows instead of only the second.

The cases vary the language and the wording, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


def _play(library: Library, scenario: str, lang: str, lines: list[str]) -> str:
    """The buyer's last reply (the shared helper plays the lines, seed 0)."""
    return call(library, scenario, lang, lines)[2][-1]


@pytest.mark.parametrize(("lang", "lines", "who", "how_happy"), [
    ("en", ["Hi Gerard, I'm Sem from CleanCo.",
            "do u have a cleaner now and are u happy with them?"],
     "Blinkend Schoon", ("reasonabl", "could be better")),
    ("nl", ["Hoi Gerard, ik ben Sem van CleanCo.",
            "heeft u nu een schoonmaker en bent u daar tevreden over?"],
     "Blinkend Schoon", ("redelijk", "kan beter")),
])
def test_verb_first_question_and_a_second_one_are_both_answered(
        library: Library, lang: str, lines: list[str], who: str,
        how_happy: tuple[str, ...]) -> None:
    reply = _play(library, "first-visit-cleaning", lang, lines)
    assert who in reply, reply
    assert any(word in reply.lower() for word in how_happy), reply


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Hoi Marco!", "wie beslist er en wanneer?"]),
    ("en", ["Hi Marco!", "who decides and when?"]),
    ("nl", ["Hoi Marco!", "wie tekent er dan? en wanneer beslissen jullie?"]),
    ("en", ["Hi Marco!", "Who signs on your side, and when will you decide?"]),
])
def test_who_and_when_of_the_decision_are_both_answered(
        library: Library, lang: str, lines: list[str]) -> None:
    reply = _play(library, "closing-catering-followup", lang, lines)
    assert "Annelies" in reply, reply
    assert "1 september" in reply.lower(), reply


_STOCK = ("couldn't tell", "can't really say", "niet veel over", "weinig over", "uit mijn hoofd",
          "off the top")


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    # asked whether she has questions, Marco names his open points (short or in full)
    ("nl", ["Hoi Marco!", "heeft u nog vragen?"], "dingetjes"),
    ("en", ["Hi Marco!", "any questions for me?"], "little things"),
    # how long the decision takes: the timing she knows
    ("nl", ["Hoi Marco!", "wie tekent er?", "en hoe lang duurt dat dan, die beslissing?"],
     "1 september"),
    ("en", ["Hi Marco!", "how long does the decision take?"], "1 September"),
])
def test_questions_and_decision_timing_get_an_answer_she_has(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    reply = _play(library, "closing-catering-followup", lang, lines)
    assert expected in reply, reply
    assert not any(s in reply.lower() for s in _STOCK), reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("nl", ["Hallo", "heeft u het voorstel gelezen?"], "gelezen"),
    ("en", ["Hi Mr Smits", "have you had a chance to read the proposal?"], "read it"),
])
def test_asked_whether_he_read_the_proposal_he_answers_in_character(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    reply = _play(library, "objection-software-renewal", lang, lines)
    assert expected in reply, reply
    assert not any(s in reply.lower() for s in _STOCK), reply
