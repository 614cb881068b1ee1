"""Button data: every trainer and assignment button is declared once and goes through one
codec; forged, stale and malformed data is refused there (and, pressed in a chat, gets
the same answer as an id that does not exist)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.storage import cohorts as cq
from bot.telegram import buttons as b
from bot.telegram.callback_data import MAX_BYTES, CallbackData, decode
from bot.telegram.handlers.trainer.base import ROUTES
from tests.telegram.test_trainer_auth import forge_press
from tests.telegram.test_trainer_flows import make_cohort, make_trainer
from tests.trainers.bot_env import trainer_env

DECLARED = [v for v in vars(b).values()
            if isinstance(v, type) and issubclass(v, CallbackData) and v is not CallbackData]


SAMPLES: dict[type[CallbackData], CallbackData] = {b.ExportFile: b.ExportFile(7, 1, "xlsx"),
                                                  b.StartBriefed: b.StartBriefed(7, 0, 1)}


def _sample(cls: type[CallbackData]) -> CallbackData:
    if cls in SAMPLES:
        return SAMPLES[cls]
    values = {f.name: (7 if f.type == "int" else "drill-objection-price")
              for f in dataclasses.fields(cls)}
    return cls(**values)


@pytest.mark.parametrize("cls", DECLARED, ids=lambda c: c.__name__)
def test_every_declared_button_survives_the_round_trip(cls: type[CallbackData]) -> None:
    data = _sample(cls)
    assert decode(data.pack()) == data


def test_every_trainer_button_has_exactly_one_handler() -> None:
    trainer = {c for c in DECLARED if c.prefix.startswith("tr:")}
    assert trainer == set(ROUTES)


def test_the_old_wire_format_still_decodes() -> None:
    """Buttons already in chats were sent in this form before the codec existed."""
    assert decode("tr:rot:5") == b.RotateLink(5)
    assert decode("tr:r:5") == b.Report(5)
    assert decode("tr:ad:5:7:drill-objection-price") == b.AssignDue(5, 7, "drill-objection-price")


def test_an_export_button_names_a_known_format() -> None:
    assert decode("tr:xf:5:0:csv") == b.ExportFile(5, 0, "csv")
    assert decode("tr:xf:5:0:pdf") is None and decode("tr:xf:5:2:xlsx") is None
    assert decode("as:list") == b.MyAssignments()
    assert decode("as:12") == b.ShowAssignment(12)
    assert decode("as:go:12:0") == b.StartPart(12, 0)
    assert decode("co:ly:3") == b.LeaveYes(3)


@pytest.mark.parametrize("data", [
    "", "tr:bogus", "tr:c", "tr:c:", "tr:c:x", "tr:c:-1", "tr:c:0", "tr:c:1:2", "tr:cl:1",
    "tr:l:1", "tr:ad:1:5:drill", "tr:ad:1:7:", "as:go:1", "as:0", "co:l:abc",
    "tr:t:99999999999999999999", "tr:st:" + "x" * 80, "zz:1",
])
def test_forged_or_stale_data_decodes_to_nothing(data: str) -> None:
    assert decode(data) is None


def test_a_button_over_telegrams_limit_is_refused_before_sending() -> None:
    long = b.AssignDue(1, 7, "x" * 60)
    assert not long.fits()
    with pytest.raises(ValueError):
        long.pack()
    assert b.AssignDue(1, 7, "x" * (MAX_BYTES - len("tr:ad:1:7:"))).fits()


async def test_a_forged_button_in_the_chat_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    async with trainer_env(tmp_path) as env:
        trainer = await make_trainer(env)
        cohort_id, _ = await make_cohort(trainer)
        for data in (f"tr:ad:{cohort_id}:5:drill-objection-price", f"tr:c:{cohort_id}:9"):
            await forge_press(trainer, data)
            assert (await trainer.next_message())["text"] == "Not found, or not one of yours."
        assert await env.db.run(cq.cohort_assignments, cohort_id) == []
        await forge_press(trainer, f"tr:ad:{cohort_id}:7:drill-objection-price")  # genuine
        assert "Assigned" in (await trainer.next_message())["text"]
        assert len(await env.db.run(cq.cohort_assignments, cohort_id)) == 1
