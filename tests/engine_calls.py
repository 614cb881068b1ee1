"""Playing a few lines straight through the engine, for the tests of the buyer's replies."""

from __future__ import annotations

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.state import SessionState
from bot.scenario.library import LoadResult


def call(library: LoadResult, scenario_id: str, lang: str,
         lines: list[str]) -> tuple[Engine, SessionState, list[str]]:
    """The engine, its state after the lines, and the buyer's replies (seed 0)."""
    engine = Engine(CompiledScenario(library.scenarios[scenario_id]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, line).reply for line in lines]
    return engine, state, replies
