"""The buyer answers what the learner said, like a person would (issue 11, round 7).

Each case is a learner line from a user test, with a variation in the other language or
wording, so a rule fitted to one sentence fails here.
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.state import SessionState
from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


def _call(library: Library, scenario_id: str, lang: str,
          lines: list[str]) -> tuple[Engine, SessionState, list[str]]:
    engine = Engine(CompiledScenario(library.scenarios[scenario_id]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, line).reply for line in lines]
    return engine, state, replies


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemiddag, ik ben Sem van Loonwijs. Fijn dat ik langs mag komen",
            "Ik wil het vandaag hebben over de verlenging van jullie contract, en horen hoe "
            "het bevalt. Is dat oké?"]),
    ("en", ["Good afternoon Gerard, Sem from Loonwijs here.",
            "I'd like to talk today about the renewal of your contract, and hear how it is "
            "going. Is that OK?"]),
])
def test_an_agenda_naming_a_guarded_topic_is_agreed_not_refused(
        library: Library, lang: str, lines: list[str]) -> None:
    _engine, state, replies = _call(library, "objection-software-renewal", lang, lines)
    assert "objective_stated" in state.flags, replies
    assert not any(k.startswith("guarded:") for k in state.flags), replies
    assert "terug" not in replies[-1] and "come back" not in replies[-1], replies
