"""Playing a few lines straight through the engine, for the tests of the buyer's replies."""

from __future__ import annotations

from typing import Any

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.state import SessionState
from bot.scenario.library import LoadResult
from bot.terminal import run_script


def call(library: LoadResult, scenario_id: str, lang: str,
         lines: list[str]) -> tuple[Engine, SessionState, list[str]]:
    """The engine, its state after the lines, and the buyer's replies (seed 0)."""
    engine = Engine(CompiledScenario(library.scenarios[scenario_id]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, line).reply for line in lines]
    return engine, state, replies


def script_turns(library: LoadResult, scenario_id: str, lang: str,
                 lines: list[str]) -> list[dict[str, Any]]:
    """The per-turn records of the JSON report, as ``play --script --json`` gives them."""
    return list(run_script(CompiledScenario(library.scenarios[scenario_id]), lang, lines,
                           None)["turns"])
