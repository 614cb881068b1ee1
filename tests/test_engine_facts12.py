"""What the buyer answers to a question (round 11): the fact that best fits each question,
"as I said" only for what she really said, and a fact she told given again in short form
rather than "I couldn't tell you much about that".

The cases vary the scenario, the language and the wording, so a rule fitted to one
sentence fails.
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


_AS_SAID = ("as i said", "like i said", "like i just said", "zoals ik al zei", "zoals ik zei",
            "dat zei ik net al", "dat zei ik al")


@pytest.mark.parametrize(("scenario", "lang", "lines", "who", "not_asked"), [
    ("first-visit-cleaning", "en",
     ["Good morning, I'm Tom from SchoonWerk.",
      "Who else is involved when you choose a cleaning company? Do the partners decide, "
      "or is it your call?"],
     "Verhoef", ("discretion", "screened")),
    ("objection-software-renewal", "en",
     ["Hi, good to see you again.",
      "Who else is involved when you choose new software? Does the director decide, or "
      "is it your call?"],
     "Monique", ("first time", "job costing")),
])
def test_a_question_about_the_decision_gets_who_decides_not_her_requirements(
        library: Library, scenario: str, lang: str, lines: list[str], who: str,
        not_asked: tuple[str, ...]) -> None:
    # "choose a cleaning company" in the same question as "who else is involved" is
    # no question about what she requires of a supplier
    reply = _play(library, scenario, lang, lines)
    assert who in reply, reply
    assert not any(word in reply.lower() for word in not_asked), reply
