"""Every tip on the card is true of the call (issue 11): no tip contradicts the card's own
ticks or the turn records, praises a line for what its turn did not do, repeats another
tip, or quotes a line from before an objection as the answer to it.

Plays every dev dialogue and the user testers' scripts (tests/data/user_tests, copied
from their sessions) through the engine and scores them as ``play --script`` does, then
asks the pure checker in scoring/consistency.py what it can prove wrong.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from functools import cache
from typing import Any

import pytest
import yaml

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.state import SessionState, TurnRecord
from bot.engine.text import MAX_LEARNER_CHARS
from bot.scenario.library import load_library
from scoring.card import ScoreCard, score_call
from scoring.consistency import (
    BEFORE,
    DUPLICATE,
    PRAISE,
    TICKS,
    TURNS,
    Contradiction,
    contradictions,
)
from scoring.feedback import Tip, quote
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from dialogue_quality import load_dialogues

USER_TESTS = ROOT / "tests" / "data" / "user_tests"
STOP, HINT = "/stop", "/hint"


@cache
def _scenario(sid: str) -> CompiledScenario:
    return CompiledScenario(load_library(()).scenarios[sid])


def play_card(sid: str, lang: str, lines: list[str]
              ) -> tuple[CompiledScenario, SessionState, ScoreCard, list[TurnRecord]]:
    """Play the lines as ``play --script`` does; the card that ends the call."""
    cs = _scenario(sid)
    engine = Engine(cs)
    state = engine.start(lang, seed=0)
    turns: list[TurnRecord] = []
    for line in lines:
        if state.ended or line == STOP:
            break
        if line == HINT:
            continue
        record = engine.turn(state, line[:MAX_LEARNER_CHARS]).record
        if record is not None:
            turns.append(record)
    engine.stop(state)
    return cs, state, score_call(cs, state, None, turns), turns


def card_contradictions(sid: str, lang: str, lines: list[str]) -> list[Contradiction]:
    return contradictions(*play_card(sid, lang, lines))


def _calls() -> list[tuple[str, dict[str, Any]]]:
    calls = [(d["file"], {"scenario": d["scenario"], "language": d["language"],
                          "lines": [t["learner"] for t in d["turns"]]})
             for d in load_dialogues("dev")]
    for path in sorted(USER_TESTS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        calls.append((f"user_tests/{path.name}", data))
    return calls


CALLS = _calls()


def test_the_user_testers_scripts_are_there() -> None:
    assert len([c for c in CALLS if c[0].startswith("user_tests/")]) >= 50


@pytest.mark.parametrize("name,call", CALLS, ids=[c[0] for c in CALLS])
def test_no_tip_contradicts_the_card_or_the_call(name: str, call: dict[str, Any]) -> None:
    found = card_contradictions(call["scenario"], call["language"], call["lines"])
    assert not found, found


def _ob_mid() -> tuple[CompiledScenario, SessionState, ScoreCard, list[TurnRecord]]:
    data = yaml.safe_load((USER_TESTS / "en_ob_mid.yaml").read_text(encoding="utf-8"))
    return play_card(data["scenario"], data["language"], data["lines"])


def _kinds(tips: list[Tip]) -> set[str]:
    cs, state, card, turns = _ob_mid()
    return {c.kind for c in contradictions(cs, state, replace(card, tips=tips), turns)}


def test_the_checker_passes_the_card_the_call_got() -> None:
    assert not contradictions(*_ob_mid())


def test_the_checker_finds_a_tip_calling_missing_what_the_card_ticks() -> None:
    # the demo with a date is ticked: "propose a next step" denies it
    assert _kinds([Tip("no_close")]) == {TICKS, TURNS}


def test_the_checker_finds_you_did_not_ask_when_a_turn_asked() -> None:
    cs, *_ = _ob_mid()
    dmu = cs.language("en").text(cs.objectives["dmu"].label)
    assert TURNS in _kinds([Tip("missed_internal", {"topics": dmu})])
    assert TURNS in _kinds([Tip("state_objective_plain")])  # the first line stated it


def test_the_checker_finds_praise_for_what_the_turn_did_not_do() -> None:
    _cs, _state, _card, turns = _ob_mid()
    situation = quote(turns[1].learner)  # "Who fills in the hours on site now ...?"
    assert _kinds([Tip("good_implication", {"quote": situation})]) == {PRAISE}
    assert _kinds([Tip("good_summary", {"quote": situation})]) == {PRAISE}


def test_the_checker_finds_two_tips_making_one_point() -> None:
    assert _kinds([Tip("summarise"), Tip("summarise")]) == {DUPLICATE}


def test_the_checker_finds_an_answer_quoted_from_before_the_objection() -> None:
    cs, state, _card, turns = _ob_mid()
    oid = next(o for o, s in state.objections.items() if s.raised_turn)
    advice = cs.language("en").text(cs.objections[oid].good_handling)
    tip = Tip("objection", {"steps": "check", "advice": advice, "quote": quote(turns[0].learner)})
    assert BEFORE in _kinds([tip])
