"""The two-minute drills answer like a person and credit exactly what the learner did
(issue 11), in nl and en, written properly or typed fast on a phone.

Each call is played through the same path as ``python -m bot play --script --json``."""

from __future__ import annotations

from typing import Any

import pytest

from bot.engine.compiled import CompiledScenario
from bot.scenario.library import load_library
from bot.terminal import run_script


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return {sid: CompiledScenario(s) for sid, s in load_library(()).scenarios.items()}


def play(library: dict[str, CompiledScenario], sid: str, lang: str,
         lines: list[str]) -> dict[str, Any]:
    return run_script(library[sid], lang, lines, None)


@pytest.mark.parametrize(("lang", "line", "yes"), [
    ("nl", "Top, dan zet ik de twee heftrucks voor u vast. Akkoord?", "doen we"),
    ("nl", "Dus, wat denkt u, zullen we ervoor gaan?", "doen we"),
    ("nl", "Kan ik op uw handtekening rekenen?", "doen we"),
    ("en", "Great, then I'll reserve the two forklifts for you. Agreed?", "let's do it"),
    ("en", "so are we good to go?", "let's do it"),
])
def test_asking_for_the_go_is_asking_for_the_order(library, lang, line, yes):
    report = play(library, "drill-closing-order", lang, [line])
    assert report["objectives"]["external"]["ask_for_order"]
    assert yes in report["turns"][0]["buyer"].lower()


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Fijn om te horen! De prijs blijft zoals afgesproken en 1 maart halen we. "
           "En vergeet niet dat er drie jaar garantie op de accu's zit."),
    ("en", "Glad to hear it. And remember the batteries carry a three-year warranty."),
])
def test_selling_on_after_her_signal_is_not_asking_for_the_order(library, lang, line):
    report = play(library, "drill-closing-order", lang, [line])
    assert not report["objectives"]["external"]["ask_for_order"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Zal ik de levering inplannen voor 20 februari?"),
    ("en", "Shall I call you next week?"),
])
def test_a_step_short_of_the_order_gets_a_nudge_to_the_order_not_a_question_for_a_step(
        library, lang, line):
    buyer = play(library, "drill-closing-order", lang, [line])["turns"][0]["buyer"].lower()
    assert "order" in buyer
    assert "volgende stap" not in buyer and "next step" not in buyer
