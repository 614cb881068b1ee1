"""Grade books: a learner in the cohorts of two trainers. An attempt belongs to the trainer
whose assignment it counts for; the other trainer can neither see nor change it, through
any command or button that takes an attempt or learner id, and gets the same answer as
for an id that does not exist. The owner still can."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.emulator.user import EmulatedUser
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_auth import _snapshot, forge_press
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
class Shared:
    env: BotEnv
    owner: EmulatedUser  # set the assignment the attempt was made for
    other: EmulatedUser  # shares the learner, and set the same scenario too
    member: EmulatedUser
    owner_cohort: int
    other_cohort: int
    session_id: int
    score: int



@pytest.fixture
async def shared(tmp_path: Path) -> AsyncIterator[Shared]:
    async with trainer_env(tmp_path) as env:
        owner = await make_trainer(env, 100, "Tineke")
        other = await make_trainer(env, 101, "Otto")
        owner_cohort, owner_code = await make_cohort(owner, "Sales A")
        other_cohort, other_code = await make_cohort(other, "Other group")
        member = env.emulator.user(200, "Lotte", language_code="en")
        await join(member, owner_code)
        await join(member, other_code)
        # The other trainer sets the same scenario first: a check on "same scenario" or
        # "learner in my cohort" alone would hand them the attempt.
        for trainer, cohort_id in ((other, other_cohort), (owner, owner_cohort)):
            await trainer.send(f"/assign {cohort_id} {DRILL} +7")
            await until(trainer, has_text("Assigned"))
            await member.next_message()
        assignment_id = await env.db.run(assignment_of(owner_cohort))
        await forge_press(member, f"as:{assignment_id}")
        detail = await member.next_message()
        await member.press(detail, next(b for b in buttons(detail) if b.startswith("as:go:")))
        for line in PASSING_LINES:
            await member.send(line)
        await until(member, has_text("/100"), limit=10)
        session_id, score = await env.db.run(last_session)
        yield Shared(env, owner, other, member, owner_cohort, other_cohort, session_id, score)


def id_actions(w: Shared) -> list[str]:
    """Every command and button that takes an attempt or a learner id, aimed at the owner's
    attempt and the owner's cohort (removals last: they change the cohort)."""
    c, m, sid = w.owner_cohort, w.member.id, w.session_id
    return [f"tr:t:{sid}", f"/override {sid} 90 I-say-so", f"tr:l:{c}:{m}",
            f"/review {sid}", f"tr:rvo:{sid}", f"tr:rvc:{sid}", f"tr:rvt:{sid}",
            f"tr:rvn:{sid}:1", f"tr:rvr:{sid}", f"tr:rvd:{sid}",
            f"tr:rm:{c}:{m}", f"tr:rmy:{c}:{m}", f"/cohort remove {c} {m}", f"tr:ri:{c}:{m}"]


async def _do(user: EmulatedUser, action: str) -> str:
    if action.startswith("/"):
        await user.send(action)
    else:
        await forge_press(user, action)
    reply = await user.next_message()
    return reply.get("text") or ""


async def test_the_other_trainer_is_refused_every_id_action_and_nothing_changes(
        shared: Shared) -> None:
    w = shared
    unknown = [f"tr:t:{w.session_id + 999}", f"/override {w.session_id + 999} 90 x"]
    snap = await w.env.db.run(_snapshot)
    seen = (len(w.owner.bot_messages()), len(w.member.bot_messages()))
    answers = {a: await _do(w.other, a) for a in [*id_actions(w), *unknown]}
    assert answers == {a: NOT_FOUND for a in answers}
    assert await w.env.db.run(_snapshot) == snap
    assert (len(w.owner.bot_messages()), len(w.member.bot_messages())) == seen


async def test_the_other_trainers_own_view_of_the_shared_learner_shows_no_foreign_attempt(
        shared: Shared) -> None:
    w = shared
    await forge_press(w.other, f"tr:l:{w.other_cohort}:{w.member.id}")
    detail = await w.other.next_message()
    assert "Lotte" in detail["text"] and "not started" in detail["text"].lower()
    assert "Attempt 1" not in detail["text"]
    assert not [b for b in buttons(detail) if b.startswith("tr:t:")]
    await w.other.send(f"/report {w.other_cohort}")
    report = await w.other.next_message()
    assert f"{w.score}✓" not in report["text"]


async def test_the_owner_still_can_see_override_and_remove(shared: Shared) -> None:
    w = shared
    transcript = await _do(w.owner, f"tr:t:{w.session_id}")
    assert "Attempt 1 – Lotte" in transcript
    done = await _do(w.owner, f"/override {w.session_id} 90 I-say-so")
    assert f"{w.score} → 90" in done
    detail = await _do(w.owner, f"tr:l:{w.owner_cohort}:{w.member.id}")
    assert "Attempt 1 " in detail and "overridden" in detail
    assert "Remove Lotte from Sales A?" in await _do(
        w.owner, f"tr:rm:{w.owner_cohort}:{w.member.id}")
    assert "Lotte was removed" in await _do(w.owner, f"tr:rmy:{w.owner_cohort}:{w.member.id}")
    # Out of the cohort, the attempt leaves the owner's grade book too.
    assert await _do(w.owner, f"tr:t:{w.session_id}") == NOT_FOUND


async def test_an_override_by_the_owner_does_not_reach_the_other_trainers_book(
        shared: Shared) -> None:
    w = shared
    await _do(w.owner, f"/override {w.session_id} 20 too-easy")
    await w.owner.send(f"/report {w.owner_cohort}")
    assert re.search(r" 20.\*1", (await w.owner.next_message())["text"])  # 20, failed, *
    await w.other.send(f"/report {w.other_cohort}")
    assert not re.search(r"\d.\*\d", (await w.other.next_message())["text"])


async def test_an_override_keeps_its_history_and_the_learner_is_told(shared: Shared) -> None:
    w = shared
    first = await _do(w.owner, f"/override {w.session_id} 90 good-questions")
    assert f"{w.score} → 90" in first
    told = await w.member.next_message()
    assert "Tineke" in told["text"] and f"from {w.score} to 90" in told["text"]
    assert "good-questions" in told["text"]
    second = await _do(w.owner, f"/override {w.session_id} 85 rounded-down")
    assert "90 → 85" in second
    assert "from 90 to 85" in (await w.member.next_message())["text"]
    transcript = await _do(w.owner, f"tr:t:{w.session_id}")
    assert "Overridden to 85" in transcript
    history = transcript[transcript.index("History of changes"):]
    assert history.index(f"Tineke: {w.score} → 90. good-questions") \
        < history.index("Tineke: 90 → 85. rounded-down")
    # The other trainer's book holds none of it; their refusal tells the learner nothing.
    seen = len(w.member.bot_messages())
    assert await _do(w.other, f"/override {w.session_id} 10 x") == NOT_FOUND
    assert len(w.member.bot_messages()) == seen
