"""Through the emulator: a learner's /mydata names their cohort; a trainer's /deleteme says
the class stays, and afterwards the learner still has their cohort, assignment and call."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.storage import cohorts as cq
from bot.storage import queries as q
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_flows import join, make_cohort, make_trainer
from tests.trainers.bot_env import ADMIN, trainer_env


@pytest.fixture
async def env(tmp_path: Path) -> AsyncIterator[BotEnv]:
    async with trainer_env(tmp_path) as e:
        yield e


async def test_a_trainers_deleteme_keeps_the_learners_class(env: BotEnv) -> None:
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    learner = env.emulator.user(200, "Lotte", language_code="en")
    await join(learner, code)
    await trainer.send(f"/assign {cohort_id} drill-objection-price +7")
    await trainer.next_message()
    notice = await learner.next_message()
    await learner.press(notice, buttons(notice)[0])
    detail = await learner.next_message()
    await learner.press(detail, next(b for b in buttons(detail) if b.startswith("as:go:")))
    await learner.next_message()  # the briefing
    await learner.next_message()  # the call starts
    await learner.send("What exactly do you mean by too expensive?")
    await learner.next_message()

    await learner.send("/mydata")
    document = await learner.next_message()
    data = json.loads(env.emulator.file_bytes(document["document"]["file_id"]))
    assert [(m["cohort"], m["trainer"]) for m in data["memberships"]] == [("Sales A", "Tineke")]

    await trainer.send("/deleteme")
    confirm = await trainer.next_message()
    assert "handed to an administrator" in confirm["text"]
    await trainer.press(confirm, "del:yes")
    assert "deleted" in (await trainer.next_message())["text"]
    assert await env.db.run(q.get_user, 100) is None

    [(cohort, members)] = await env.db.run(cq.trainer_cohorts, ADMIN)
    assert cohort.id == cohort_id and members == 1
    [(user, _)] = await env.db.run(cq.members, cohort_id)
    assert user.id == 200
    [assignment] = await env.db.run(cq.cohort_assignments, cohort_id)
    attempt = await env.db.run(q.active_session, 200)
    assert attempt.assignment_id == assignment.id
    assert len(await env.db.run(q.session_turns, attempt.id)) == 1
    await learner.send("/privacy")
    assert "removes you, not your class" in (await learner.next_message())["text"]
