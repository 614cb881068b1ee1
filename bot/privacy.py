"""A person's rights over their data: a copy of everything stored, and erasure."""

from __future__ import annotations

from bot.storage import personal

export = personal.export_user  # everything stored about them, as plain data (None: unknown)
trains_anyone = personal.is_trainer_of_something  # erasure hands their cohorts on first
delete = personal.delete_user  # erase them; their cohorts go to an heir (another admin)
