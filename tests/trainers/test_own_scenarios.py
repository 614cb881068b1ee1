"""Installing the stored trainer scenarios at start (``own_scenarios.installable``): what
the bot offers after a restart is what trainers uploaded, as far as it still validates."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import accounts
from bot.storage import Database
from bot.trainers import own_scenarios

SOURCE = (Path(__file__).resolve().parents[2] / "scenarios" / "drills"
          / "drill-objection-price.yaml").read_text(encoding="utf-8")


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    database.migrate()
    yield database
    database.close()


def test_stored_scenarios_install_under_their_stored_id_and_a_broken_one_is_skipped(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    for trainer_id in (100, 101):
        db.call(accounts.touch, trainer_id, "Tess", None, "en")
    mine = SOURCE.replace("id: drill-objection-price", "id: my-drill")
    db.call(own_scenarios.save, 100, "my-drill-k3f9qa", "mine.yaml", mine)
    db.call(own_scenarios.set_published, "my-drill-k3f9qa", True)
    db.call(own_scenarios.save, 101, "old-drill", "old.yaml",
            SOURCE.replace("id: drill-objection-price", "id: old-drill")
            .replace("kind: drill", "kind: no-such-kind"))
    with caplog.at_level(logging.WARNING):
        found = list(own_scenarios.installable(db.call(own_scenarios.listed)))
    assert [(s.id, owner, published) for s, owner, published in found] == [
        ("my-drill-k3f9qa", 100, True)]
    assert found[0][0].kind == "drill"
    assert "old-drill skipped" in caplog.text
