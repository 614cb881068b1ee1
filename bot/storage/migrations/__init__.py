"""Alembic migrations, run from code so a new release upgrades the database on start.

Adding a column: change ``bot/storage/models.py``, then
``python -m bot.storage.migrations revision "what changed"`` writes a revision to check
and commit; ``tests/test_storage.py`` fails while models and revisions disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

HERE = Path(__file__).resolve().parent


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("path_separator", "os")
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def main(argv: list[str]) -> int:
    """Developer entry point: write a new revision against a scratch database."""
    from bot.storage.database import make_engine

    if len(argv) != 2 or argv[0] != "revision":
        print('usage: python -m bot.storage.migrations revision "message"', file=sys.stderr)
        return 2
    engine = make_engine("sqlite:///migrations-scratch.db")
    try:
        upgrade(engine)
        command.revision(alembic_config(engine), message=argv[1], autogenerate=True)
    finally:
        engine.dispose()
        Path("migrations-scratch.db").unlink(missing_ok=True)
    return 0
