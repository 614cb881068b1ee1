"""A trainer manages an assignment after setting it, through the emulator: the ⚙️ panel,
changing the pass mark, attempts and due date, the warning for a due date after the
cohort's end, and deleting with a confirmation. Another trainer can do none of it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_auth import forge_press
from tests.telegram.test_trainer_flows import join, make_cohort, make_trainer
from tests.trainers.bot_env import (
    admin_env,  # noqa: F401  (the trainer tests' env)
)


async def test_edit_and_delete_an_assignment_from_its_panel(env: BotEnv) -> None:
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    learner = env.emulator.user(230, "Sanne", language_code="en")
    await join(learner, code)
    await trainer.send(f"/assign {cohort_id} drill-objection-price +7 pass=60 attempts=2")
    done = await trainer.next_message()
    assert "Assigned" in done["text"] and "⚠️" not in done["text"]
    assert "pass mark 60" in (await learner.next_message())["text"]

    await trainer.press(done, f"tr:c:{cohort_id}")
    panel = await trainer.next_message()
    manage = [k for k in buttons(panel) if k.startswith("tr:as:")]
    assert len(manage) == 1
    assignment_id = int(manage[0].rsplit(":", 1)[1])
    await trainer.press(panel, manage[0])
    own = await trainer.next_message()
    assert "pass mark 60 · max 2 attempts" in own["text"]
    assert f"/assign edit {assignment_id}" in own["text"]

    await trainer.send(f"/assign edit {assignment_id} pass=75 attempts=4")
    assert "Assignment changed" in (await trainer.next_message())["text"]
    changed = await trainer.next_message()
    assert "pass mark 75 · max 4 attempts" in changed["text"]
    await learner.send("/assignments")
    mine = await learner.next_message()
    assert "(pass 75)" in mine["text"] and "0/4 attempts" in mine["text"]

    due = (date.today() + timedelta(days=20)).strftime("%d-%m-%Y")
    await trainer.send(f"/assign edit {assignment_id} {due} 17:00")
    await trainer.next_message()
    assert f"Due {due} 17:00 · pass mark 75" in (await trainer.next_message())["text"]
    await trainer.send(f"/assign edit {assignment_id} 01-01-2020")
    assert "already passed" in (await trainer.next_message())["text"]
    await trainer.send(f"/assign edit {assignment_id} pass=101")
    assert "from 0 to 100" in (await trainer.next_message())["text"]

    other = await make_trainer(env, 101, "Bram")
    await other.send(f"/assign edit {assignment_id} pass=10")
    assert "Not found" in (await other.next_message())["text"]
    await other.send(f"/assign delete {assignment_id}")
    assert "Not found" in (await other.next_message())["text"]
    for forged in (f"tr:as:{assignment_id}", f"tr:asd:{assignment_id}",
                   f"tr:asdy:{assignment_id}"):
        await forge_press(other, forged)
        assert "Not found" in (await other.next_message())["text"]

    await trainer.press(changed, f"tr:asd:{assignment_id}")
    ask = await trainer.next_message()
    assert "Delete" in ask["text"] and f"tr:asdy:{assignment_id}" in buttons(ask)
    await learner.send("/assignments")
    assert "(pass 75)" in (await learner.next_message())["text"]  # asking deletes nothing
    await trainer.press(ask, f"tr:asdy:{assignment_id}")
    assert "Deleted" in (await trainer.next_message())["text"]
    await learner.send("/assignments")
    assert "You have no assignments" in (await learner.next_message())["text"]
    await trainer.press(ask, f"tr:asdy:{assignment_id}")  # pressed twice
    assert "Not found" in (await trainer.next_message())["text"]


async def test_a_due_date_after_the_cohorts_end_is_warned_about(env: BotEnv) -> None:
    trainer = await make_trainer(env)
    ends = date.today() + timedelta(days=5)
    await trainer.send(f"/cohort new Resit nl {ends:%d-%m-%Y}")
    await trainer.next_message()
    panel = await trainer.next_message()
    cohort_id = int(re.search(r"\(#(\d+)\)", panel["text"])[1])
    await trainer.send(f"/assign {cohort_id} drill-objection-price +3")
    inside = await trainer.next_message()
    assert "Assigned" in inside["text"]
    assert "⚠️" not in inside["text"]
    await trainer.send(f"/assign {cohort_id} drill-objection-price +14")
    assert f"after the cohort's end ({ends:%d-%m-%Y})" in (await trainer.next_message())["text"]
    await trainer.press(inside, f"tr:c:{cohort_id}")
    listing = await trainer.next_message()
    first = next(k for k in buttons(listing) if k.startswith("tr:as:"))
    aid = first.rsplit(":", 1)[1]
    await trainer.send(f"/assign edit {aid} +10")
    assert "after the cohort's end" in (await trainer.next_message())["text"]
    assert "after the cohort's end" in (await trainer.next_message())["text"]  # the panel


def assignment_lines(text: str) -> dict[str, str]:
    """The report's "A<n>: <title> · due …" lines, label → title."""
    return {m[1]: m[2] for m in re.finditer(r"^(A\d+): (.+?) · ", text, re.MULTILINE)}


async def test_labels_stay_put_when_assignments_are_added_or_deleted(env: BotEnv) -> None:
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    await join(env.emulator.user(231, "Mila", language_code="en"), code)
    for scenario, days in (("drill-objection-price", 7), ("drill-forecast", 3)):
        await trainer.send(f"/assign {cohort_id} {scenario} +{days}")
        await trainer.next_message()
    await trainer.send(f"/report {cohort_id}")
    report = (await trainer.next_message())["text"]
    # the second assignment is due first and listed first, but keeps its label A2
    first = assignment_lines(report)
    assert first["A1"] == "Drill – objection: too expensive" and "forecast" in first["A2"].lower()
    assert report.index("A2:") < report.index("A1:")

    panel_id = await env.db.run(_first_assignment_id, cohort_id)
    await trainer.send(f"/assign delete {panel_id}")
    ask = await trainer.next_message()
    await trainer.press(ask, f"tr:asdy:{panel_id}")
    await trainer.next_message()
    await trainer.send(f"/assign {cohort_id} drill-closing-order +5")
    await trainer.next_message()
    await trainer.send(f"/report {cohort_id}")
    after = assignment_lines((await trainer.next_message())["text"])
    assert set(after) == {"A2", "A3"} and after["A2"] == first["A2"]


def _first_assignment_id(s, cohort_id: int) -> int:
    from sqlmodel import select

    from bot.storage.models import Assignment
    return s.exec(select(Assignment.id).where(Assignment.cohort_id == cohort_id)
                  .order_by(Assignment.id)).first()


async def test_one_learner_gets_an_extra_attempt_and_a_later_due_date(env: BotEnv) -> None:
    from tests.telegram.test_trainer_flows import PASSING_LINES, has_text, until

    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    learner = env.emulator.user(232, "Fenna", language_code="en")
    other = env.emulator.user(233, "Gijs", language_code="en")
    await join(learner, code)
    await join(other, code)
    await trainer.send(f"/assign {cohort_id} drill-objection-price +2 pass=90 attempts=1")
    await trainer.next_message()
    notice = await learner.next_message()
    await other.next_message()
    assignment_id = int(buttons(notice)[0].split(":")[1])
    await learner.press(notice, buttons(notice)[0])
    detail = await learner.next_message()
    await learner.press(detail, next(k for k in buttons(detail) if k.startswith("as:go:")))
    for line in PASSING_LINES:
        await learner.send(line)
    card = await until(learner, has_text("/100"), limit=10)
    await learner.send("/assignments")
    used = await until(learner, has_text("Your assignments"), limit=10)
    assert "failed" in used["text"] and "1/1 attempt" in used["text"]
    await learner.press(card, "s:drill-objection-price")
    assert "Free practice" in (await learner.next_message())["text"]

    await trainer.send(f"/assign extra {assignment_id} {learner.id}")
    assert "Fenna has one extra attempt" in (await trainer.next_message())["text"]
    told = await learner.next_message()
    assert "one extra attempt" in told["text"]
    await learner.send("/assignments")
    again = await learner.next_message()
    assert "in progress" in again["text"] and "1/2 attempts" in again["text"]

    # the free replay from the card now offers the extra graded attempt with one tap, and
    # that briefing says before the start which graded attempt it is
    await learner.press(card, "s:drill-objection-price")
    free = await learner.next_message()
    assert "Free practice" in free["text"] and "2 of 2" in free["text"]
    await learner.press(free, f"as:b:{assignment_id}:0")
    assert "graded attempt 2 of 2" in (await learner.next_message())["text"]

    due = date.today() + timedelta(days=9)
    await trainer.send(f"/assign extend {assignment_id} {learner.id} {due:%d-%m-%Y}")
    assert f"now due {due:%d-%m-%Y}" in (await trainer.next_message())["text"]
    assert f"to {due:%d-%m-%Y}" in (await learner.next_message())["text"]
    await learner.send("/assignments")
    assert f"due {due:%d-%m-%Y}" in (await learner.next_message())["text"]
    await other.send("/assignments")
    theirs = (await other.next_message())["text"]
    assert f"due {due:%d-%m-%Y}" not in theirs and "0/1 attempt" in theirs

    intruder = await make_trainer(env, 102, "Ivo")
    await intruder.send(f"/assign extra {assignment_id} {learner.id}")
    assert "Not found" in (await intruder.next_message())["text"]
    outsider = env.emulator.user(234, "Hugo", language_code="en")
    await outsider.send("/start")
    await outsider.next_message()
    await trainer.send(f"/assign extra {assignment_id} {outsider.id}")  # not in the cohort
    assert "Not found" in (await trainer.next_message())["text"]
