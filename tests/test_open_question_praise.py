""""Good open question" praises a question that is open: one that stacks a yes/no
question between its open ones ("who does that now, are you happy with them, and what
does it cost?") is no model a trainer holds up, in either language. Played through the
engine, as ``play --script --json``."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.engine.compiled import CompiledScenario
from scoring.consistency import PRAISE, contradictions
from scoring.feedback import Tip, quote
from tests.engine_calls import compiled_library, play
from tests.test_card_consistency import play_card

FLAGSHIP = "first-visit-cleaning"
# a greeting only: the praise for the question is not crowded out by praise for an agenda
OPENING = {"en": ["Good morning, I'm Tom from SchoonWerk."],
           "nl": ["Goedemorgen, ik ben Tom van SchoonWerk."]}
STACKED = {
    "en": "And the cleaning, who does that now, are you happy with them, and what does it "
          "cost roughly?",
    "nl": "En de schoonmaak, wie doet dat nu, bent u tevreden met ze, en wat kost het "
          "ongeveer?",
}
OPEN = {
    "en": "What bothers you most about the cleaning now?",
    "nl": "Waar ergert u zich het meest aan bij de schoonmaak nu?",
}
OPEN_PRAISE = {"en": "Good open question", "nl": "Goede open vraag"}


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()


def praised(report: dict, lang: str) -> list[str]:
    return [tip for tip in report["feedback"] if tip.startswith(OPEN_PRAISE[lang])]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_stacked_question_with_a_closed_one_is_not_praised_as_open(library, lang):
    report = play(library, FLAGSHIP, lang, [*OPENING[lang], STACKED[lang]])
    asked = report["turns"][-1]
    assert asked["form"] == "open" and asked["details"]["facts"], asked  # she answered it
    assert praised(report, lang) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_one_open_problem_question_is_still_praised(library, lang):
    report = play(library, FLAGSHIP, lang, [*OPENING[lang], OPEN[lang]])
    assert any(OPEN[lang][:30] in tip for tip in praised(report, lang)), report["feedback"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_card_checker_flags_open_praise_for_a_stacked_question(lang):
    cs, state, card, turns = play_card(FLAGSHIP, lang, [*OPENING[lang], STACKED[lang]])
    stacked = Tip("good_open_question", {"quote": quote(turns[-1].learner)})
    assert PRAISE in {c.kind for c in contradictions(cs, state, replace(card, tips=[stacked]),
                                                    turns)}
    single = play_card(FLAGSHIP, lang, [*OPENING[lang], OPEN[lang]])
    praise = Tip("good_open_question", {"quote": quote(single[3][-1].learner)})
    assert not contradictions(single[0], single[1], replace(single[2], tips=[praise]),
                              single[3])
