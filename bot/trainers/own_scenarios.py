"""Scenarios trainers uploaded, as stored: theirs to list, replace and delete; an admin's
to publish. Checking an upload is ``uploads``; the catalog holds what is installed."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from bot.scenario.loader import load_text
from bot.storage import cohorts as cq

if TYPE_CHECKING:
    from bot.scenario.model import Scenario
    from bot.storage.models import TrainerScenario

log = logging.getLogger(__name__)

listed = cq.trainer_scenarios  # one owner's, or everyone's (at start)
one = cq.trainer_scenario
save = cq.save_trainer_scenario  # insert, or replace the owner's own
set_published = cq.set_published
delete = cq.delete_trainer_scenario  # False unless the owner's own


def installable(rows: Iterable[TrainerScenario]) -> Iterator[tuple[Scenario, int, bool]]:
    """The stored scenarios to install at start, as (scenario, owner, published). One that
    no longer validates (the format moved on since its upload) is skipped and logged, so
    the bot still starts; one installed under the trainer's ending keeps that id."""
    for row in rows:
        scenario, problems = load_text(row.yaml_text, row.file_name)
        if scenario is None:
            log.warning("trainer scenario %s skipped: %s", row.scenario_id,
                        "; ".join(map(str, problems)))
            continue
        if scenario.id != row.scenario_id:
            scenario = scenario.model_copy(update={"id": row.scenario_id})
        yield scenario, row.owner_id, row.published
