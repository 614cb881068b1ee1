from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.scenario.loader import BUILTIN_DIR, load_file

ROOT = Path(__file__).resolve().parents[1]
FLAGSHIP = BUILTIN_DIR / "first-visit-cleaning.yaml"


@pytest.fixture(scope="session")
def flagship() -> CompiledScenario:
    scenario, problems = load_file(FLAGSHIP)
    assert scenario is not None, problems
    return CompiledScenario(scenario)


@pytest.fixture
def engine(flagship: CompiledScenario) -> Engine:
    return Engine(flagship)
