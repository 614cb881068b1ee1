"""Scenarios trainers uploaded, as stored: theirs to list, replace and delete; an admin's
to publish. Checking an upload is ``uploads``; the catalog holds what is installed."""

from __future__ import annotations

from bot.storage import cohorts as cq

listed = cq.trainer_scenarios  # one owner's, or everyone's (at start)
one = cq.trainer_scenario
save = cq.save_trainer_scenario  # insert, or replace the owner's own
set_published = cq.set_published
delete = cq.delete_trainer_scenario  # False unless the owner's own
