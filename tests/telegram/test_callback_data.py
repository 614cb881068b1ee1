"""Button data: every button is declared once and goes through one codec; forged, stale
and malformed data is refused there (pressed in a chat, a trainer's gets the same answer as
an id that does not exist, a learner's a toast and the current menu)."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from bot.storage import cohorts as cq
from bot.storage import queries as q
from bot.telegram import buttons as b
from bot.telegram.callback_data import MAX_BYTES, CallbackData, declared, decode
from bot.telegram.handlers.trainer.base import ROUTES
from tests.telegram.conftest import BotEnv
from tests.telegram.test_trainer_auth import forge_press
from tests.telegram.test_trainer_flows import make_cohort, make_trainer
from tests.trainers.bot_env import trainer_env

DECLARED = [v for v in vars(b).values()
            if isinstance(v, type) and issubclass(v, CallbackData) and v is not CallbackData]


SAMPLES: dict[type[CallbackData], CallbackData] = {
    b.ExportFile: b.ExportFile(7, 1, "xlsx"), b.StartBriefed: b.StartBriefed(7, 0, 1),
    b.Picker: b.Picker("first_visit", 2),
    b.SetLanguage: b.SetLanguage("nl"), b.CommonTimezone: b.CommonTimezone(3),
    b.NamedTimezone: b.NamedTimezone("America/Argentina/Buenos_Aires"),
    b.SetPractice: b.SetPractice("off"), b.HideName: b.HideName(1),
    b.DayPreset: b.DayPreset("work"), b.SetDay: b.SetDay(6, 0), b.ToggleDay: b.ToggleDay(0),
}


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


def test_every_button_is_declared_in_the_buttons_module() -> None:
    assert set(DECLARED) == set(declared())


def test_the_learners_old_wire_format_still_decodes() -> None:
    """Daily prompts, score cards and settings panels already in learners' chats, including
    the two toggles sent before buttons named the state they set."""
    assert decode("pd:drill-objection-price") == b.StartDrill("drill-objection-price")
    assert decode("k:drill:0") == b.Picker("drill", 0)
    assert decode("s:first-visit-cleaning") == b.Briefing("first-visit-cleaning")
    assert decode("prep:first-visit-cleaning") == b.Prepare("first-visit-cleaning")
    assert decode("prep_skip") == b.PrepSkip() and decode("cont") == b.Resume()
    assert decode("set:tz") == b.AskTimezone() and decode("set:tz:3") == b.CommonTimezone(3)
    assert decode("set:days") == b.Days() and decode("set:days:all") == b.DayPreset("all")
    assert decode("set:day:3:1") == b.SetDay(3, 1) and decode("set:day:3") == b.ToggleDay(3)
    assert decode("set:quiet") == b.AskQuiet() and decode("set:quiet:off") == b.QuietOff()
    assert decode("set:pause") == b.TogglePause() and decode("del:no") == b.DeleteNo()


@pytest.mark.parametrize("data", [
    "k:drill", "k:Drill:0", "k:drill:-1", "s:", "s:a b", "go:../x", "go:a:b", "pd:x y",
    "menu:1", "pl:1", "prep_next:", "del:maybe", "set:lang:de", "set:tz:99", "set:tz:٣",
    "set:tzn:Mars/Olympus", "set:day:7:1", "set:day:1:2", "set:hide:2", "set:practice:maybe",
    "set:days:weekend", "set:quiet:on", "set:bogus", "settings:1",
])
def test_forged_or_stale_learner_data_decodes_to_nothing(data: str) -> None:
    assert decode(data) is None


def test_a_prefix_is_declared_once_per_number_of_fields() -> None:
    with pytest.raises(TypeError):
        @dataclasses.dataclass(frozen=True)
        class Twice(CallbackData, prefix="set:tz"):
            other: int

        declared()


async def test_a_forged_learner_button_changes_nothing_and_gets_the_menu(env: BotEnv) -> None:
    learner = env.emulator.user(230, "Lotte", language_code="en")
    await learner.send("/start")
    await learner.next_message()
    for data in ("set:lang:de", "set:tz:99", "set:day:9:1", "go:first-visit-cleaning:x",
                 "pd:../../etc", "k:drill:x"):
        await forge_press(learner, data)
        assert "current menu" in (await learner.next_message())["text"]
    user = await env.db.run(q.get_user, 230)
    assert (user.language, user.timezone) == ("en", "Europe/Amsterdam")
    assert user.practice_days == "0123456"
    assert await env.db.run(q.active_session, 230) is None
    await forge_press(learner, "go:first-visit-cleaning")  # genuine: the call starts
    await learner.next_message()
    assert await env.db.run(q.active_session, 230) is not None


async def test_a_stale_settings_toggle_still_does_what_it_did(env: BotEnv) -> None:
    """A days panel from before day buttons named their state flips the day."""
    learner = env.emulator.user(231, "Lotte", language_code="en")
    await learner.send("/settings")
    await learner.next_message()
    await forge_press(learner, "set:day:6")
    assert (await learner.next_edit())["text"].endswith("Mon, Tue, Wed, Thu, Fri, Sat")
    assert (await env.db.run(q.get_user, 231)).practice_days == "012345"


def test_no_button_data_is_built_or_matched_by_hand() -> None:
    """Outside the codec no module writes ``callback_data`` as a string or f-string, nor
    routes buttons by a regular expression: a button means what ``buttons.py`` declares.
    The one exception is the trainer namespace: every ``tr:`` press, declared or forged,
    meets the role check before it is decoded."""
    root = Path(__file__).resolve().parents[2] / "bot"
    found = []
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if path.name == "callback_data.py" or "emulator" in path.parts or not (
                "callback_data" in source or "CallbackQueryHandler" in source):
            continue
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            handler = getattr(node.func, "id", getattr(node.func, "attr", ""))
            for keyword in node.keywords:
                value = keyword.value
                literal = isinstance(value, ast.JoinedStr | ast.Constant | ast.IfExp)
                if (keyword.arg == "callback_data" and literal) or (
                        keyword.arg == "pattern" and handler == "CallbackQueryHandler"
                        and literal and getattr(value, "value", None) != "^tr:"):
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    assert found == []
