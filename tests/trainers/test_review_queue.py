"""The review queue through the emulator: a trainer opens a learner's finished attempt
from /review, comments on a turn and on the whole call and asks for a redo; the learner
gets each in the chat (the turn quoted) and the redo button starts the call as a graded
attempt (with the one extra attempt the request granted). The other trainer of a learner
in two cohorts can neither see nor comment on the attempt, and the report shows what is
reviewed and what waits."""

from __future__ import annotations

import io
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import Session, select

from bot.emulator.user import EmulatedUser
from bot.storage import personal
from bot.storage.models import (
    AssignmentException,
    AttemptReview,
    CallSession,
    ReviewComment,
)
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_auth import forge_press
from tests.telegram.test_trainer_flows import (
    PASSING_LINES,
    has_text,
    join,
    make_cohort,
    make_trainer,
    until,
)
from tests.trainers.bot_env import assignment_of, last_session, trainer_env

NOT_FOUND = "Not found, or not one of yours."
DRILL = "drill-objection-price"


@dataclass
class World:
    env: BotEnv
    owner: EmulatedUser  # set the assignment the attempt was made for
    other: EmulatedUser  # shares the learner and set the same drill
    member: EmulatedUser
    owner_cohort: int
    other_cohort: int
    assignment_id: int
    session_id: int
    score: int



@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    """The learner makes their only attempt at the owner's assignment, whose pass mark
    (100) it does not reach: a redo needs an extra attempt to be graded."""
    async with trainer_env(tmp_path) as env:
        owner = await make_trainer(env, 100, "Tineke")
        other = await make_trainer(env, 101, "Otto")
        owner_cohort, owner_code = await make_cohort(owner, "Sales A")
        other_cohort, other_code = await make_cohort(other, "Other group")
        member = env.emulator.user(200, "Lotte", language_code="en")
        await join(member, owner_code)
        await join(member, other_code)
        for trainer, cohort_id, terms in ((other, other_cohort, ""),
                                          (owner, owner_cohort, " pass=100 attempts=1")):
            await trainer.send(f"/assign {cohort_id} {DRILL} +7{terms}")
            await until(trainer, has_text("Assigned"))
            await member.next_message()
        assignment_id = await env.db.run(assignment_of(owner_cohort))
        await forge_press(member, f"as:{assignment_id}")
        detail = await member.next_message()
        await member.press(detail, next(b for b in buttons(detail) if b.startswith("as:go:")))
        for line in PASSING_LINES:
            await member.send(line)
        await until(member, has_text("/100"), limit=10)
        await env.settle()
        member.skip_pending()
        session_id, score = await env.db.run(last_session)
        assert score < 100
        yield World(env, owner, other, member, owner_cohort, other_cohort, assignment_id,
                    session_id, score)


async def _do(user: EmulatedUser, action: str) -> dict:
    """One command or (forged) button press, and the bot's first answer to it."""
    if action.startswith("/"):
        await user.send(action)
    else:
        await forge_press(user, action)
    return await user.next_message()


def _text(message: dict) -> str:
    return message.get("text") or ""


async def test_a_trainer_comments_on_a_turn_and_the_call_and_the_learner_redoes_it(
        world: World) -> None:
    w, sid = world, world.session_id
    view = await _do(w.owner, "/review")
    text = _text(view)
    assert "Review 1 of 1" in text and "Attempt 1 – Lotte" in text
    assert f"Score: {w.score}" in text and "Scores per part" in text
    assert re.search(r"^1\. Lotte: I understand that price matters", text, re.M)
    assert re.search(r"^3\. Lotte: Shall I send you a free trial roll", text, re.M)
    assert {f"tr:rvc:{sid}", f"tr:rvt:{sid}", f"tr:rvr:{sid}", f"tr:rvd:{sid}"} \
        <= set(buttons(view))

    await w.owner.press(view, f"tr:rvt:{sid}")
    picker = await w.owner.next_message()
    assert "Which turn of Lotte's call" in _text(picker) and "(3 turns)" in _text(picker)
    assert [f"tr:rvn:{sid}:{n}" for n in (1, 2, 3)] == \
        [b for b in buttons(picker) if b.startswith("tr:rvn:")]
    await w.owner.press(picker, f"tr:rvn:{sid}:2")
    ask = await w.owner.next_message()
    assert "comment on turn 2" in _text(ask) and "pre-stretched film" in _text(ask)
    await w.owner.send("Good: you turned the price into cost per pallet.")
    assert "Sent to Lotte" in _text(await w.owner.next_message())
    told = await w.member.next_message()
    assert "Tineke commented on turn 2 of your call" in _text(told)
    assert "You said:\nWith our pre-stretched film" in _text(told)
    assert _text(told).endswith("Good: you turned the price into cost per pallet.")
    assert any(e["type"] == "blockquote" for e in told.get("entities", []))

    await forge_press(w.owner, f"tr:rvc:{sid}")
    assert "comment on the whole call" in _text(await w.owner.next_message())
    await w.owner.send("A clear close. Next time check the objection is gone first.")
    confirm = await w.owner.next_message()
    assert "Sent to Lotte" in _text(confirm) and f"tr:rvd:{sid}" in buttons(confirm)
    told = await w.member.next_message()
    assert "Tineke commented on your call" in _text(told) and "A clear close" in _text(told)

    await forge_press(w.owner, f"tr:rvr:{sid}")
    assert "should do differently" in _text(await w.owner.next_message())
    await w.owner.send("Ask what they compare it with before you answer.")
    asked = _text(await w.owner.next_message())
    assert "Redo asked of Lotte" in asked
    assert "No attempts were left, so Lotte got one extra" in asked
    assert "graded attempt 2 of 2" in asked
    redo = await w.member.next_message()
    assert "Tineke asks you to do the call" in _text(redo)
    assert "Ask what they compare it with" in _text(redo)
    assert "You got one extra attempt" in _text(redo)
    (redo_button,) = buttons(redo)
    assert redo_button.startswith("rv:go:")

    await w.member.press(redo, redo_button)
    start = await w.member.next_message()
    assert "Redo" in _text(start) and "counts for your assignment" in _text(start)
    await until(w.member, lambda m: "/hint" in _text(m) or "turn" in _text(m).lower())
    new = await w.env.db.run(last_session)
    assert new[0] > sid

    def redo_attempt(s: Session) -> tuple:
        row = s.get(CallSession, new[0])
        extra = s.get(AssignmentException, (w.assignment_id, w.member.id))
        return row.assignment_id, row.scenario_id, extra.extra_attempts
    assert await w.env.db.run(redo_attempt) == (w.assignment_id, DRILL, 1)
    # The button did its job: pressed again it says so and starts nothing.
    await w.member.press(redo, redo_button)
    assert "already did this call again" in _text(await w.member.next_message())
    assert (await w.env.db.run(last_session))[0] == new[0]

    # The learner's own copy of their data holds the comments on their attempt.
    data = await w.env.db.run(personal.export_user, w.member.id)
    attempt = next(s for s in data["sessions"] if s["id"] == sid)
    assert [(c["turn"], c["redo"]) for c in attempt["review_comments"]] == [
        (2, False), (None, False), (None, True)]

    await forge_press(w.owner, f"tr:rvd:{sid}")
    assert "Marked reviewed" in _text(await w.owner.next_message())
    assert "Nothing waits for your review" in _text(await w.owner.next_message())
    again = _text(await _do(w.owner, f"/review {sid}"))
    assert "Reviewed " in again and "0 attempts wait" in again
    assert "on turn 2: Good: you turned" in again and "redo asked: Ask what" in again


async def test_the_report_and_the_panel_show_what_waits_and_what_is_reviewed(
        world: World) -> None:
    w, sid = world, world.session_id
    panel = await _do(w.owner, "/trainer")
    assert "📝 Review queue (1)" in [b["text"] for row in panel["reply_markup"]
                                    ["inline_keyboard"] for b in row]
    report = _text(await _do(w.owner, f"/report {w.owner_cohort}"))
    assert "Reviews: 1 waiting, 0 reviewed" in report
    assert "Waiting for review: Lotte 1" in report
    detail = _text(await _do(w.owner, f"tr:l:{w.owner_cohort}:{w.member.id}"))
    assert "Attempt 1 " in detail and "waiting for review" in detail

    view = await _do(w.owner, f"tr:t:{sid}")  # the attempt view leads to the review
    assert f"tr:rvo:{sid}" in buttons(view)
    await w.owner.press(view, f"tr:rvo:{sid}")
    review = await w.owner.next_message()
    await w.owner.press(review, f"tr:rvd:{sid}")
    await until(w.owner, has_text("Nothing waits"))

    report = _text(await _do(w.owner, f"/report {w.owner_cohort}"))
    assert "Reviews: 0 waiting, 1 reviewed" in report and "Waiting for review" not in report
    detail = _text(await _do(w.owner, f"tr:l:{w.owner_cohort}:{w.member.id}"))
    assert "✓ reviewed" in detail
    panel = await _do(w.owner, "/trainer")
    assert "📝 Review queue (0)" in [b["text"] for row in panel["reply_markup"]
                                    ["inline_keyboard"] for b in row]
    # The workbook's attempt log says when it was reviewed (a date cell) and how often
    # the trainer commented (here: never).
    await w.owner.send(f"/export {w.owner_cohort} xlsx")
    workbook = await w.owner.next_message()
    book = openpyxl.load_workbook(io.BytesIO(
        w.env.emulator.file_bytes(workbook["document"]["file_id"])))
    log = list(book["Attempts"].iter_rows(values_only=True))
    entry = dict(zip(log[0], log[1], strict=True))
    assert entry["Attempt id"] == sid and entry["Review comments"] == 0
    assert isinstance(entry["Reviewed (Europe/Amsterdam)"], datetime)
    # The other trainer's report of the shared learner has nothing of it.
    assert "Reviews:" not in _text(await _do(w.other, f"/report {w.other_cohort}"))


def _reviews(s: Session) -> tuple[list, list]:
    return (list(s.exec(select(ReviewComment))), list(s.exec(select(AttemptReview))))


async def test_the_other_trainer_of_a_shared_learner_cannot_see_or_comment(
        world: World) -> None:
    w, sid = world, world.session_id
    assert "Nothing waits for your review" in _text(await _do(w.other, "/review"))
    seen = len(w.member.bot_messages())
    for action in (f"/review {sid}", f"tr:rvo:{sid}", f"tr:rvt:{sid}", f"tr:rvn:{sid}:1",
                   f"tr:rvc:{sid}", f"tr:rvr:{sid}", f"tr:rvd:{sid}", f"tr:rvs:{sid}"):
        answer = _text(await _do(w.other, action))
        assert answer in (NOT_FOUND, ) or "Nothing waits" in answer, action
        assert "Lotte" not in answer and "pre-stretched" not in answer
    # No question was left open: the next text is no comment.
    await w.other.send("You should have asked more.")
    await w.env.settle()
    assert await w.env.db.run(_reviews) == ([], [])
    assert len(w.member.bot_messages()) == seen


async def test_bad_input_gets_a_clear_answer_and_changes_nothing(world: World) -> None:
    w, sid = world, world.session_id
    assert "has no turn 9: it has 3 turns" in _text(await _do(w.owner, f"tr:rvn:{sid}:9"))
    assert "Use /review" in _text(await _do(w.owner, "/review abc"))
    await forge_press(w.owner, f"tr:rvn:{sid}:1")
    await w.owner.next_message()
    await w.owner.send_sticker()
    assert "A comment needs text" in _text(await w.owner.next_message())
    await w.owner.send("x" * 1001)
    assert "1001 characters; a comment may have at most 1000" in _text(
        await w.owner.next_message())
    assert await w.env.db.run(_reviews) == ([], [])
    await w.owner.send("Now a real one.")  # the question stayed open
    assert "Sent to Lotte" in _text(await w.owner.next_message())
    comment_id = (await w.env.db.run(_reviews))[0][0].id
    assert "Now a real one." in _text(await w.member.next_message())

    # A redo button that was never sent, or one of someone else's, is stale.
    assert "no longer exists" in _text(await _do(w.member, "rv:go:999"))
    eve = w.env.emulator.user(300, "Eve", language_code="en")
    await eve.send("/start")
    await eve.next_message()
    assert "no longer exists" in _text(await _do(eve, f"rv:go:{comment_id}"))
    # A learner is refused the trainer's side.
    assert _text(await _do(w.member, "/review")) == "That is not available to you."
    assert _text(await _do(w.member, f"tr:rvc:{sid}")) == "That is not available to you."
