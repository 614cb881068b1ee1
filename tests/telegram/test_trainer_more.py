"""More of the trainer's work end to end through the emulator: the report's charts, the
drill-down to one learner and one attempt's transcript, an admin publishing and
unpublishing an uploaded scenario, promoting someone by forwarding their message, and the
reminder the day before an assignment is due."""

from __future__ import annotations

import time
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import CallbackContext

from bot import charts
from bot.emulator.media import image_size
from bot.emulator.user import EmulatedUser
from bot.storage import cohorts as cq
from bot.telegram.handlers.trainer import assignments as trainer_handlers
from bot.trainers.uploads import installed_id
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_flows import (
    PASSING_LINES,
    PASSING_SCORE,
    cohort_with_learner,
    has_text,
    join,
    make_cohort,
    price_drill,
    until,
)
from tests.trainers.bot_env import (
    ADMIN,
    admin_env,  # noqa: F401  (the trainer tests' env)
    )

DRILL_TITLE = "Drill – objection: too expensive"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# the id trainer 100 uploads "my-price-drill" under (uploads.installed_id)
MINE = installed_id("my-price-drill", 100, {})


async def assign_drill(trainer: EmulatedUser, cohort_id: int, learners: int) -> None:
    await trainer.send(f"/assign {cohort_id} drill-objection-price +7 pass=60 attempts=2")
    done = await trainer.next_message()
    told = "learner was told" if learners == 1 else "learners were told"
    assert f"{learners} of {learners} {told}" in done["text"]


async def pass_assignment(learner: EmulatedUser) -> dict:
    """From the "New assignment" notice to the score card of a passing attempt."""
    notice = await until(learner, has_text("New assignment"))
    await learner.press(notice, buttons(notice)[0])
    detail = await learner.next_message()
    await learner.press(detail, next(b for b in buttons(detail) if b.startswith("as:go:")))
    for line in PASSING_LINES:
        await learner.send(line)
    card = await until(learner, has_text("/100"), limit=10)
    assert f"{PASSING_SCORE}/100" in card["text"]
    return card


async def test_the_report_offers_charts_as_png_photos_in_the_trainers_language(
        env: BotEnv) -> None:
    trainer, cohort_id, learner = await cohort_with_learner(env, 210)
    await assign_drill(trainer, cohort_id, 1)
    await pass_assignment(learner)

    await trainer.send(f"/report {cohort_id}")
    report = await trainer.next_message()
    assert "Report Sales A" in report["text"] and f"{PASSING_SCORE}✓1" in report["text"]
    assert f"tr:ch:{cohort_id}" in buttons(report)
    await trainer.press(report, f"tr:ch:{cohort_id}")
    photos = [await trainer.next_message() for _ in range(2)]
    images = [env.emulator.file_bytes(p["photo"][-1]["file_id"]) for p in photos]
    for image in images:
        assert image.startswith(PNG_SIGNATURE)
        width, height = image_size(image)
        assert width >= 600 and height >= 200  # a readable chart, not a placeholder
    # the distribution drawn for Noor's passing score with the English texts, saying what it
    # shows, with the assignment's pass mark drawn
    shown = dict(title="Sales A: learners by mean best score (drill sets: drills tried)",
                 x_label="Score", y_label="Learners", empty_text="No results yet")
    assert images[0] == charts.distribution_chart([PASSING_SCORE], **shown,
                                                  pass_marks={60: "pass mark 60"})
    assert images[0] != charts.distribution_chart([PASSING_SCORE], **shown)
    assert images[0] != charts.distribution_chart([], **shown, pass_marks={60: "pass mark 60"})
    assert images[1] != images[0]


async def test_the_report_drills_down_to_one_learners_attempts(env: BotEnv) -> None:
    trainer, cohort_id, learner = await cohort_with_learner(env, 211)
    idle = env.emulator.user(212, "Sem", language_code="en")
    await join(idle, (await env.db.run(cq.own_cohort, 100, cohort_id)).join_code)
    await assign_drill(trainer, cohort_id, 2)
    await pass_assignment(learner)

    await trainer.send(f"/report {cohort_id}")
    report = await trainer.next_message()
    await trainer.press(report, f"tr:m:{cohort_id}")
    members = await trainer.next_message()
    assert "Learners of Sales A (2)" in members["text"]
    assert {f"tr:l:{cohort_id}:211", f"tr:l:{cohort_id}:212"} <= set(buttons(members))

    await trainer.press(members, f"tr:l:{cohort_id}:211")
    detail = await trainer.next_message()
    assert "Noor · Sales A" in detail["text"]
    assert f"A1 {DRILL_TITLE}: passed · best {PASSING_SCORE} · 1/2 attempts" in detail["text"]
    assert f": {PASSING_SCORE} (" in detail["text"]  # the attempt line with its score and time
    attempt = [b for b in buttons(detail) if b.startswith("tr:t:")]
    assert len(attempt) == 1 and f"Attempt 1 · {DRILL_TITLE}: {PASSING_SCORE}" in detail["text"]
    await trainer.press(detail, attempt[0])
    transcript = (await trainer.next_message())["text"]
    session_id = attempt[0][5:]
    assert "Attempt 1 – Noor" in transcript  # her attempt number, not a database id
    assert f"Score: {PASSING_SCORE}" in transcript and PASSING_LINES[0] in transcript
    assert f"/override {session_id}" in transcript

    await trainer.press(members, f"tr:l:{cohort_id}:212")
    other = await trainer.next_message()
    assert "Sem · Sales A" in other["text"] and "Noor" not in other["text"]
    assert "not started · best – · 0/2 attempts" in other["text"]
    assert not any(b.startswith("tr:t:") for b in buttons(other))


async def test_an_admin_publishes_an_uploaded_scenario_for_everyone_and_takes_it_back(
        env: BotEnv) -> None:
    trainer, _cohort_id, learner = await cohort_with_learner(env, 213)
    admin = env.emulator.user(ADMIN, "Ada", language_code="en")
    own = price_drill().replace("id: drill-objection-price", f"id: {MINE}")
    await trainer.send_document(own.encode(), "my-drill.yaml")
    assert "is installed" in (await trainer.next_message())["text"]
    outsider = env.emulator.user(299, "Els", language_code="en")

    async def outsider_opens() -> dict:
        await outsider.send(f"/start play_{MINE}")
        return await outsider.next_message()

    assert "do not know that scenario" in (await outsider_opens())["text"]
    await trainer.send(f"/scenario publish {MINE}")
    assert "Only an admin can do that." in (await trainer.next_message())["text"]
    assert "do not know that scenario" in (await outsider_opens())["text"]

    await admin.send(f"/scenario publish {MINE}")
    assert f"{MINE} is published" in (await admin.next_message())["text"]
    briefing = await outsider_opens()
    assert f"go:{MINE}" in buttons(briefing)
    await trainer.send("/scenario")
    listing = (await trainer.next_message())["text"]
    assert f"{MINE} {DRILL_TITLE} · published" in listing

    await admin.send(f"/scenario unpublish {MINE}")
    assert f"{MINE} is private again" in (await admin.next_message())["text"]
    refused = await outsider_opens()
    assert "do not know that scenario" in refused["text"]
    assert f"go:{MINE}" not in buttons(refused)
    await outsider.press(briefing, f"go:{MINE}")  # the old briefing's button
    assert "do not know that scenario" in (await outsider.next_message())["text"]
    # the trainer's own cohort keeps it
    await learner.send(f"/start play_{MINE}")
    assert f"go:{MINE}" in buttons(await learner.next_message())


def forward_from(user: EmulatedUser | None, text: str) -> dict:
    """A forwarded message's content; ``None``: the author hides their account."""
    origin = ({"type": "user", "sender_user": user.info} if user is not None
              else {"type": "hidden_user", "sender_user_name": "Someone"})
    return {"text": text, "forward_origin": {**origin, "date": int(time.time()) - 60}}


async def test_an_admin_forwards_someones_message_to_make_them_a_trainer(env: BotEnv) -> None:
    # EmulatedUser has no forward method; the emulator's state takes the message as is
    admin = env.emulator.user(ADMIN, "Ada", language_code="en")
    future = env.emulator.user(120, "Tineke", language_code="en")
    await future.send("/start")
    await future.next_message()
    await future.send("/cohort")
    assert (await future.next_message())["text"] == "That is not available to you."

    env.emulator.state.user_send(ADMIN, forward_from(None, "hello"))
    assert "does not show who wrote" in (await admin.next_message())["text"]
    env.emulator.state.user_send(ADMIN, forward_from(future, "Can I train my team?"))
    ask = await admin.next_message()
    assert ask["text"] == "Make Tineke a trainer?" and buttons(ask) == ["tr:pr:120"]

    # someone who is not an admin forwarding the same gets no such offer
    other = env.emulator.user(121, "Bram", language_code="en")
    await other.send("/start")
    await other.next_message()
    env.emulator.state.user_send(121, forward_from(future, "Can I train my team?"))
    plain = await other.next_message()
    assert "not in a call" in plain["text"] and "tr:pr:120" not in buttons(plain)
    await future.send("/cohort")
    assert (await future.next_message())["text"] == "That is not available to you."

    await admin.press(ask, "tr:pr:120")
    assert "Tineke (120) is now a trainer." in (await admin.next_message())["text"]
    assert "You are now a trainer" in (await future.next_message())["text"]
    await make_cohort(future, "Team Tineke")


async def test_a_learner_who_has_not_passed_gets_a_reminder_the_day_before_due(
        env: BotEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    trainer, cohort_id, learner = await cohort_with_learner(env, 214)
    passer = env.emulator.user(215, "Fenna", language_code="en")
    await join(passer, (await env.db.run(cq.own_cohort, 100, cohort_id)).join_code)
    await assign_drill(trainer, cohort_id, 2)
    await learner.next_message()  # the notice
    await pass_assignment(passer)
    (assignment,) = await env.db.run(cq.cohort_assignments, cohort_id)
    due = assignment.due_at  # 23:59 Amsterdam, a week from now; practice time is 09:00

    (job,) = env.app.job_queue.get_jobs_by_name("assignment-reminders")

    async def run_job_at(moment) -> tuple[int, int]:
        monkeypatch.setattr(trainer_handlers, "utcnow", lambda: moment)
        before = len(learner.bot_messages()), len(passer.bot_messages())
        await job.callback(CallbackContext.from_job(job, env.app))
        return (len(learner.bot_messages()) - before[0],
                len(passer.bot_messages()) - before[1])

    assert await run_job_at(due - timedelta(days=2)) == (0, 0)  # too early
    assert await run_job_at(due - timedelta(hours=3)) == (1, 0)
    reminder = await learner.next_message()
    day = due.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert reminder["text"] == (f"⏰ Reminder: {DRILL_TITLE} (Sales A) is due "
                                f"{day:%d-%m-%Y} 23:59. You need 60 to pass.")
    assert buttons(reminder) == [f"as:{assignment.id}", f"as:go:{assignment.id}:0"]
    assert await run_job_at(due - timedelta(hours=1)) == (0, 0)  # only once
    await learner.press(reminder, f"as:{assignment.id}")
    opened = await learner.next_message()
    assert "not started" in opened["text"] and "0/2 attempts" in opened["text"]
    assert any(b.startswith("as:go:") for b in buttons(opened))
