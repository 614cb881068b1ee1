"""Graded or free practice, through the emulator as a learner meets it (issue 14, items 3
and 8). Only an attempt started for an assignment is graded: from the learner's list, the
assignment's page, its notice or reminder, or the replay from a graded score card; the
free picker, a deep link and the daily drill are free practice and never use up a graded
attempt. Every briefing says which before the start, and the score card says the same as
the trainer's report. A learner in two trainers' cohorts sees a scenario both set once;
the attempt counts for one assignment (the one due first, unless the learner chose the
other with one tap or started from its own page or notice), is in that trainer's book
only, and the list moves on to the other assignment once the first is passed."""

from __future__ import annotations

import re

from bot.emulator.user import EmulatedUser
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_auth import forge_press
from tests.telegram.test_trainer_flows import (
    PASSING_LINES,
    PASSING_SCORE,
    has_text,
    join,
    make_cohort,
    make_trainer,
    until,
)
from tests.trainers.bot_env import (
    admin_env,  # noqa: F401  (the trainer tests' env)
    assignment_of,
    last_session,
)

DRILL = "drill-objection-price"
TITLE = "Drill – objection: too expensive"
NOT_FOUND = "Not found, or not one of yours."


async def _play_passing(learner: EmulatedUser) -> dict:
    for line in PASSING_LINES:
        await learner.send(line)
    card = await until(learner, has_text("/100"), limit=10)
    assert f"{PASSING_SCORE}/100" in card["text"]
    return card


def _labels(message: dict) -> dict[str, str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b.get("callback_data", ""): b["text"] for row in rows for b in row}


async def _report(trainer: EmulatedUser, cohort_id: int) -> str:
    await trainer.send(f"/report {cohort_id}")
    return (await until(trainer, has_text("Report")))["text"]


async def _do(user: EmulatedUser, action: str) -> str:
    if action.startswith("/"):
        await user.send(action)
    else:
        await forge_press(user, action)
    return (await user.next_message()).get("text") or ""


async def test_free_practice_never_uses_a_graded_attempt_and_the_card_agrees_with_the_report(
        env: BotEnv) -> None:
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    learner = env.emulator.user(240, "Sanne", language_code="en")
    await join(learner, code)
    await trainer.send(f"/assign {cohort_id} {DRILL} +7 pass=90 attempts=2")
    await trainer.next_message()
    await learner.next_message()  # the "new assignment" notice
    aid = await env.db.run(assignment_of(cohort_id))

    # From the free picker (a deep link): the briefing says free practice before the start,
    # with one tap to the graded attempt instead.
    await learner.send(f"/start play_{DRILL}")
    free = await learner.next_message()
    assert "Free practice" in free["text"] and "1 of 2, for Sales A" in free["text"]
    assert f"as:b:{aid}:0" in buttons(free) and f"go:{DRILL}" in buttons(free)
    await learner.press(free, f"go:{DRILL}")
    await learner.next_message()
    card = await _play_passing(learner)
    assert "Free practice: not in your trainer's report" in card["text"]
    assert f"as:b:{aid}:0" in buttons(card)

    await learner.send("/assignments")
    mine = await learner.next_message()
    assert mine["text"].count(TITLE) == 1
    assert "Next attempt counts for: Sales A" in mine["text"]
    assert "(graded attempt 1 of 2)" in mine["text"] and "0/2 attempts" in mine["text"]
    assert "not started" in mine["text"]
    assert "–·0" in await _report(trainer, cohort_id)  # nothing in the trainer's book

    # The graded attempt: from the card's 🎯 button, a briefing that says so first.
    await learner.press(card, f"as:b:{aid}:0")
    briefing = await learner.next_message()
    assert "graded attempt 1 of 2, counts for: Sales A, due" in briefing["text"]
    await learner.press(briefing, f"as:gg:{aid}:0:0")
    started = await learner.next_message()  # the briefing was just read: only the line
    assert started["text"].startswith("🎯 This attempt is graded: graded attempt 1 of 2")
    graded = await _play_passing(learner)
    assert "Graded attempt 1 of 2 for Sales A" in graded["text"]
    report = await _report(trainer, cohort_id)
    # the passing score, in progress (pass 90), 1 attempt
    assert re.search(rf"Sanne\s+{PASSING_SCORE}…1", report), report

    # The replay from the graded card is the next graded attempt, said before it starts.
    await learner.press(graded, f"as:b:{aid}:0")
    again = await learner.next_message()
    assert "graded attempt 2 of 2" in again["text"]

    # The daily drill is free practice too, and says so as it starts.
    await forge_press(learner, f"pd:{DRILL}")
    daily = await learner.next_message()
    assert "Free practice" in daily["text"] and "(2 of 2, for Sales A) starts from" in daily["text"]
    await learner.send("/stop")
    stopped = await until(learner, has_text("/100"), limit=6)
    assert "Free practice" in stopped["text"]
    assert re.search(rf"Sanne\s+{PASSING_SCORE}…1", await _report(trainer, cohort_id))


async def test_two_trainers_one_scenario_shown_once_counted_once_and_moving_on(
        env: BotEnv) -> None:
    tineke = await make_trainer(env, 100, "Tineke")
    otto = await make_trainer(env, 101, "Otto")
    soon, soon_code = await make_cohort(tineke, "Sales A")
    later, later_code = await make_cohort(otto, "Other group")
    learner = env.emulator.user(241, "Lotte", language_code="en")
    await join(learner, soon_code)
    await join(learner, later_code)
    # Otto sets it first, due later: the attempt still goes to the assignment due first.
    for trainer, cohort_id, due in ((otto, later, "+7"), (tineke, soon, "+3")):
        await trainer.send(f"/assign {cohort_id} {DRILL} {due} pass=60 attempts=2")
        await until(trainer, has_text("Assigned"))
        await learner.next_message()
    a_soon = await env.db.run(assignment_of(soon))
    a_later = await env.db.run(assignment_of(later))

    await learner.send("/assignments")
    mine = await learner.next_message()
    assert mine["text"].count(TITLE) == 1
    assert "Next attempt counts for: Sales A" in mine["text"]
    assert "Sales A: due" in mine["text"] and "Other group: due" in mine["text"]
    assert [b for b in buttons(mine) if b.startswith("as:")] == [f"as:b:{a_soon}:0"]
    await learner.press(mine, f"as:b:{a_soon}:0")
    choice = await learner.next_message()
    assert "counts for: Sales A" in choice["text"]
    # one tap lets the learner choose the other grade book instead, and back
    assert _labels(choice)[f"as:b:{a_later}:0"].startswith("↪️ Count it for Other group")
    await learner.press(choice, f"as:b:{a_later}:0")
    other = await learner.next_message()
    assert "counts for: Other group" in other["text"]
    await learner.press(other, f"as:b:{a_soon}:0")
    briefing = await learner.next_message()
    assert "counts for: Sales A" in briefing["text"]
    await learner.press(briefing, f"as:gg:{a_soon}:0:0")
    await learner.next_message()
    card = await _play_passing(learner)
    assert "Graded attempt 1 of 2 for Sales A" in card["text"]
    session_id, _ = await env.db.run(last_session)

    # In Tineke's book only: Otto can neither see nor change it, Tineke can.
    assert await _do(otto, f"tr:t:{session_id}") == NOT_FOUND
    assert await _do(otto, f"/override {session_id} 20 mine-now") == NOT_FOUND
    assert "–·0" in await _report(otto, later)
    assert "Attempt 1 – Lotte" in await _do(tineke, f"tr:t:{session_id}")
    assert f"{PASSING_SCORE} → 85" in await _do(tineke, f"/override {session_id} 85 well-done")
    await until(learner, has_text("85"))  # the learner is told of the new score
    assert re.search(r"Lotte\s+85✓\*1", await _report(tineke, soon))

    # Passed for Sales A: the list and the card's 🎯 move on to Otto's assignment.
    assert "🎯 Graded attempt 1 of 2 · Other group" in _labels(card)[f"as:b:{a_later}:0"]
    await learner.send("/assignments")
    moved = await learner.next_message()
    assert moved["text"].count(TITLE) == 1
    assert "Next attempt counts for: Other group" in moved["text"]
    assert re.search(r"Sales A: due [^\n]*passed", moved["text"])
    await learner.press(moved, f"as:b:{a_later}:0")
    assert "counts for: Other group" in (await learner.next_message())["text"]
    # An old button for the passed assignment is refused, with the way to the list.
    refused = await _do(learner, f"as:go:{a_soon}:0")
    assert "already passed" in refused


async def test_a_tap_on_the_other_assignments_own_notice_counts_for_that_one(
        env: BotEnv) -> None:
    tineke = await make_trainer(env, 100, "Tineke")
    otto = await make_trainer(env, 101, "Otto")
    soon, soon_code = await make_cohort(tineke, "Sales A")
    later, later_code = await make_cohort(otto, "Other group")
    learner = env.emulator.user(242, "Noor", language_code="en")
    await join(learner, soon_code)
    await join(learner, later_code)
    await tineke.send(f"/assign {soon} {DRILL} +3")
    await until(tineke, has_text("Assigned"))
    await learner.next_message()
    await otto.send(f"/assign {later} {DRILL} +7")
    await until(otto, has_text("Assigned"))
    notice = await learner.next_message()
    a_later = await env.db.run(assignment_of(later))

    await learner.press(notice, f"as:{a_later}")
    page = await learner.next_message()
    assert "your next attempt here is graded attempt 1 of 3" in page["text"]
    await learner.press(notice, f"as:go:{a_later}:0")
    start = await learner.next_message()
    assert "counts for: Other group" in start["text"]
    card = await _play_passing(learner)
    assert "Graded attempt 1 of 3 for Other group" in card["text"]
    session_id, _ = await env.db.run(last_session)
    assert await _do(tineke, f"tr:t:{session_id}") == NOT_FOUND
    assert "Attempt 1 – Noor" in await _do(otto, f"tr:t:{session_id}")
    assert "–·0" in await _report(tineke, soon)


async def test_a_reminder_holds_the_learners_own_due_date_and_starts_a_graded_attempt(
        env: BotEnv, monkeypatch) -> None:
    from datetime import UTC, timedelta
    from zoneinfo import ZoneInfo

    from telegram.ext import CallbackContext

    from bot.storage import cohorts as cq
    from bot.telegram.handlers.trainer import assignments as trainer_handlers

    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    extended = env.emulator.user(243, "Fenna", language_code="en")
    usual = env.emulator.user(244, "Gijs", language_code="en")
    for learner in (extended, usual):
        await join(learner, code)
    await trainer.send(f"/assign {cohort_id} {DRILL} +3")
    await trainer.next_message()
    for learner in (extended, usual):
        await learner.next_message()
    (assignment,) = await env.db.run(cq.cohort_assignments, cohort_id)
    # six days after the cohort's due day, both read on the trainer's clock (Amsterdam): the
    # server's date.today() is a day behind it between 22:00 and 00:00 UTC
    due = assignment.due_at
    due_day = (due if due.tzinfo else due.replace(tzinfo=UTC)).astimezone(
        ZoneInfo("Europe/Amsterdam")).date()
    own_day = due_day + timedelta(days=6)
    await trainer.send(f"/assign extend {assignment.id} {extended.id} {own_day:%d-%m-%Y}")
    await trainer.next_message()
    await extended.next_message()
    (job,) = env.app.job_queue.get_jobs_by_name("assignment-reminders")

    async def run_job_at(moment) -> None:
        monkeypatch.setattr(trainer_handlers, "utcnow", lambda: moment)
        await job.callback(CallbackContext.from_job(job, env.app))

    seen = len(extended.bot_messages())
    await run_job_at(assignment.due_at - timedelta(hours=3))
    assert "Reminder" in (await usual.next_message())["text"]
    assert len(extended.bot_messages()) == seen  # not before the day they were given
    await run_job_at(assignment.due_at + timedelta(days=6, hours=-3))
    reminder = await extended.next_message()
    assert f"is due {own_day:%d-%m-%Y} 23:59" in reminder["text"]
    await extended.press(reminder, f"as:go:{assignment.id}:0")
    start = await extended.next_message()
    assert "graded attempt 1 of 3, counts for: Sales A, due " \
        f"{own_day:%d-%m-%Y} 23:59" in start["text"]


async def test_a_drill_set_lists_each_drill_once_and_a_passed_drill_is_not_started_again(
        env: BotEnv) -> None:
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    learner = env.emulator.user(245, "Ilse", language_code="en")
    await join(learner, code)
    await trainer.send(f"/assign {cohort_id} {DRILL},drill-closing-order +7 attempts=2")
    await trainer.next_message()
    notice = await learner.next_message()
    aid = await env.db.run(assignment_of(cohort_id))
    await learner.press(notice, f"as:go:{aid}:0")
    await _play_passing(learner)

    await learner.send("/assignments")
    mine = await learner.next_message()
    assert mine["text"].count(TITLE) == 1
    assert re.search(rf"{TITLE}\nSales A: due [^\n]* passed · best {PASSING_SCORE}", mine["text"])
    assert [b for b in buttons(mine) if b.startswith("as:")] == [f"as:b:{aid}:1"]
    assert "(graded attempt 1 of 2)" in mine["text"]  # the closing drill's
    refused = await _do(learner, f"as:go:{aid}:0")  # the notice's button, pressed again
    assert "already passed this drill of the assignment" in refused
    assert "1/2" in await _report(trainer, cohort_id)  # one drill of two passed
