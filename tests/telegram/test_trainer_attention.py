"""Who needs attention, end to end through the emulator with a controlled clock: the
cohort panel's view and ``/attention`` (failed, last attempt, due soon, not started),
tomorrow's reminders, the daily digest (switched on per cohort, once a day at the
trainer's practice time), and the reminder for work set less than a day before due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import CallbackContext

from bot.emulator.user import EmulatedUser
from bot.storage import cohorts as cq
from bot.telegram.handlers.trainer import assignments as assignment_handlers
from bot.telegram.handlers.trainer import attention as attention_handlers
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_flows import has_text, join, make_cohort, make_trainer, until
from tests.telegram.test_trainer_more import assign_drill, pass_assignment
from tests.telegram.test_trainer_notices import fail_once
from tests.trainers.bot_env import (
    admin_env,  # noqa: F401  (the trainer tests' env)
    )

AMS = ZoneInfo("Europe/Amsterdam")
DRILL = "Drill – objection: too expensive"
NOOR_BEST = 0  # "ok", then /stop




async def class_of_three(env: BotEnv) -> tuple[EmulatedUser, int, dict[str, EmulatedUser]]:
    """A trainer and a cohort where, on a drill with two attempts, Fenna passed, Noor
    failed once and Sem has not started."""
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    people = {name: env.emulator.user(uid, name, language_code="en")
              for uid, name in ((301, "Fenna"), (302, "Noor"), (303, "Sem"))}
    for person in people.values():
        await join(person, code)
    await assign_drill(trainer, cohort_id, 3)
    await pass_assignment(people["Fenna"])
    (assignment,) = await env.db.run(cq.cohort_assignments, cohort_id)
    await until(people["Noor"], has_text("New assignment"))
    await fail_once(people["Noor"], assignment.id)
    return trainer, cohort_id, people


def clock(monkeypatch: pytest.MonkeyPatch, module: object, moment: datetime) -> None:
    monkeypatch.setattr(module, "utcnow", lambda: moment)


async def test_the_cohort_panel_shows_who_needs_attention_and_tomorrows_reminders(
        env: BotEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    trainer, cohort_id, _ = await class_of_three(env)
    (assignment,) = await env.db.run(cq.cohort_assignments, cohort_id)
    due = assignment.due_at.astimezone(AMS)  # 23:59, a week from now

    clock(monkeypatch, attention_handlers, datetime.now(UTC) + timedelta(hours=1))
    await trainer.send("/cohort")
    listing = await trainer.next_message()
    await trainer.press(listing, f"tr:c:{cohort_id}")
    panel = await trainer.next_message()
    assert f"tr:at:{cohort_id}" in buttons(panel)
    await trainer.press(panel, f"tr:at:{cohort_id}")
    early = (await trainer.next_message())["text"]
    # a week to go: only Noor, whose next attempt is her last, needs attention
    assert early.splitlines() == [
        "⚠️ Needs attention – Sales A", "Noor",
        f"  {DRILL}: one attempt left · best {NOOR_BEST} (pass 60)",
        "", "⏰ Reminders tomorrow", "No reminders go out tomorrow."]

    # the day before the reminders: Sem has let most of the time go by
    clock(monkeypatch, attention_handlers, (due - timedelta(hours=60)).astimezone(UTC))
    await trainer.send(f"/attention {cohort_id}")
    lines = (await trainer.next_message())["text"].splitlines()
    noor, sem = lines.index("Noor"), lines.index("Sem")
    assert noor < sem  # one attempt left is more urgent than not started
    assert lines[sem + 1] == f"  {DRILL}: not started · best – (pass 60)"
    tomorrow = lines[lines.index("⏰ Reminders tomorrow") + 1:]
    assert tomorrow == [f"  09:00 Noor – {DRILL}", f"  09:00 Sem – {DRILL}"]  # not Fenna

    clock(monkeypatch, attention_handlers, (due - timedelta(hours=40)).astimezone(UTC))
    await trainer.send("/attention")  # every cohort: this trainer has one
    late = (await trainer.next_message())["text"]
    lines = late.splitlines()
    due_text = f"due {due:%d-%m-%Y} 23:59"
    assert lines[lines.index("Noor") + 1] == (f"  {DRILL}: one attempt left, {due_text} · "
                                              f"best {NOOR_BEST} (pass 60)")
    assert lines[lines.index("Sem") + 1] == f"  {DRILL}: {due_text}, not started · best – (pass 60)"
    assert "Fenna" not in late

    await trainer.send("/attention 999")
    assert (await trainer.next_message())["text"] == "Not found, or not one of yours."


async def test_the_daily_digest_goes_once_at_the_trainers_time_when_switched_on(
        env: BotEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    trainer, cohort_id, _ = await class_of_three(env)
    (job,) = env.app.job_queue.get_jobs_by_name("trainer-digests")

    async def run_at(moment: datetime) -> list[str]:
        clock(monkeypatch, attention_handlers, moment.astimezone(UTC))
        before = len(trainer.bot_messages())
        await job.callback(CallbackContext.from_job(job, env.app))
        return [m.get("text", "") for m in trainer.bot_messages()[before:]]

    tomorrow = datetime.now(AMS).date() + timedelta(days=1)
    assert await run_at(datetime(tomorrow.year, tomorrow.month, tomorrow.day, 10,
                                 tzinfo=AMS)) == []  # switched off by default

    await trainer.send("/cohort")
    listing = await trainer.next_message()
    await trainer.press(listing, f"tr:c:{cohort_id}")
    panel = await trainer.next_message()
    assert "Daily digest: off" in panel["text"]
    await trainer.press(panel, f"tr:dg:{cohort_id}")
    switched = await trainer.next_message()
    assert "Daily digest: on" in switched["text"]
    assert "📨 Turn daily digest off" in [b["text"] for row in
                                         switched["reply_markup"]["inline_keyboard"]
                                         for b in row]

    day = tomorrow + timedelta(days=1)
    assert await run_at(datetime(day.year, day.month, day.day, 8, 30, tzinfo=AMS)) == []
    (sent,) = await run_at(datetime(day.year, day.month, day.day, 9, 5, tzinfo=AMS))
    assert sent.startswith("📨 Your daily digest")
    assert "Noor" in sent and "one attempt left" in sent and "switch the digest off" in sent
    # the job runs every few minutes and again after a restart: still one a day
    assert await run_at(datetime(day.year, day.month, day.day, 9, 10, tzinfo=AMS)) == []
    assert await run_at(datetime(day.year, day.month, day.day, 18, 0, tzinfo=AMS)) == []
    next_day = day + timedelta(days=1)
    assert len(await run_at(datetime(next_day.year, next_day.month, next_day.day, 9, 1,
                                     tzinfo=AMS))) == 1


async def test_work_set_less_than_a_day_before_due_still_gets_a_reminder(
        env: BotEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    learner = env.emulator.user(310, "Noor", language_code="en")
    await join(learner, code)
    set_at = datetime.now(UTC)
    due = (set_at + timedelta(hours=10)).astimezone(AMS)
    await trainer.send(f"/assign {cohort_id} drill-objection-price {due:%d-%m-%Y %H:%M}")
    assert "1 of 1 learner" in (await trainer.next_message())["text"]
    await until(learner, has_text("New assignment"))
    (job,) = env.app.job_queue.get_jobs_by_name("assignment-reminders")

    async def run_at(moment: datetime) -> int:
        clock(monkeypatch, assignment_handlers, moment)
        before = len(learner.bot_messages())
        await job.callback(CallbackContext.from_job(job, env.app))
        return len(learner.bot_messages()) - before

    assert await run_at(set_at + timedelta(minutes=1)) == 0  # just told: no reminder yet
    assert await run_at(due - timedelta(minutes=1)) == 1
    reminder = await learner.next_message()
    assert reminder["text"].startswith(
        f"⏰ Reminder: {DRILL} (Sales A) is due {due:%d-%m-%Y %H:%M}")
    assert await run_at(due - timedelta(seconds=30)) == 0  # once


async def test_a_learner_hides_their_name_in_settings_and_it_stays_hidden_after_rejoining(
        env: BotEnv) -> None:
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    lotte = env.emulator.user(200, "Lotte", language_code="en")
    await lotte.send("/settings")
    outside = await lotte.next_message()  # in no cohort: no leaderboard setting
    assert "Leaderboards" not in outside["text"] and "set:hide:1" not in buttons(outside)

    await join(lotte, code)
    await assign_drill(trainer, cohort_id, 1)
    await pass_assignment(lotte)
    await lotte.send("/settings")
    panel = await lotte.next_message()
    assert "Leaderboards: your name is shown" in panel["text"]
    assert labels(panel)["set:hide:1"] == "🙈 Hide my name on leaderboards"
    await lotte.press(panel, "set:hide:1")
    hidden = await lotte.next_edit()  # the same panel, edited
    assert hidden["message_id"] == panel["message_id"]
    assert "Leaderboards: your name is hidden" in hidden["text"]
    assert labels(hidden)["set:hide:0"] == "👁 Show my name on leaderboards"

    await lotte.send("/leave")
    pick = await lotte.next_message()
    await lotte.press(pick, f"co:l:{cohort_id}")
    await lotte.press(await lotte.next_message(), f"co:ly:{cohort_id}")
    assert "You left Sales A" in (await lotte.next_message())["text"]
    await join(lotte, code)
    await trainer.send("/leaderboard")
    board = (await trainer.next_message())["text"]
    assert "1. (hidden name) – 1 passed" in board and "Lotte" not in board

    await lotte.send("/settings")
    again = await lotte.next_message()
    assert "Leaderboards: your name is hidden" in again["text"]
    await lotte.press(again, "set:hide:0")
    assert "your name is shown" in (await lotte.next_edit())["text"]
    await trainer.send("/leaderboard")
    assert "1. Lotte – 1 passed" in (await trainer.next_message())["text"]


def labels(message: dict) -> dict[str, str]:
    return {b["callback_data"]: b["text"] for row in message["reply_markup"]["inline_keyboard"]
            for b in row}
