from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.scenario.loader import BUILTIN_DIR, load_file
from tests import databases

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


@pytest.fixture(scope="session", autouse=True)
def _drop_test_databases_at_the_end() -> Iterator[None]:
    yield
    databases.drop_all()


@pytest.fixture(autouse=True)
def _drop_this_tests_databases() -> Iterator[None]:
    """Databases a test made on the server are dropped after it (SQLite files go with
    ``tmp_path``); ones made by module-scoped fixtures stay until the end of the run."""
    mark = databases.created_count()
    yield
    databases.drop_created(mark)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A fresh database for this test: SQLite, or PostgreSQL when
    SALESBOT_TEST_DATABASE_URL names a server (see tests/databases.py)."""
    return databases.new_database_url(tmp_path)
