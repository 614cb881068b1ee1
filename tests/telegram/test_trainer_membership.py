"""Membership: a learner the trainer removes is told, and the link they had no longer lets
them back in until the trainer invites them again (or renews the link)."""

from __future__ import annotations

import re
from pathlib import Path

from bot.storage import cohorts as cq
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_flows import join, make_cohort, make_trainer
from tests.trainers.bot_env import trainer_env


def _member_ids(cohort_id: int):
    def query(s) -> list[int]:
        return [u.id for u, _ in cq.members(s, cohort_id)]
    return query


async def test_a_removed_learner_is_told_and_needs_a_new_invitation(tmp_path: Path) -> None:
    async with trainer_env(tmp_path) as env:
        trainer = await make_trainer(env)
        cohort_id, code = await make_cohort(trainer)
        lotte = env.emulator.user(200, "Lotte", language_code="en")
        await join(lotte, code)

        await trainer.send(f"/cohort remove {cohort_id} 200")
        removed = await trainer.next_message()
        assert "Lotte was removed" in removed["text"]
        assert buttons(removed) == [f"tr:ri:{cohort_id}:200"]
        told = await lotte.next_message()
        assert "Your trainer took you out of Sales A" in told["text"]

        await lotte.send(f"/start join_{code}")
        refused = await lotte.next_message()
        assert "Ask them to invite you again" in refused["text"]
        assert await env.db.run(_member_ids(cohort_id)) == []

        await trainer.press(removed, f"tr:ri:{cohort_id}:200")
        assert "Lotte may join Sales A again" in (await trainer.next_message())["text"]
        invitation = await lotte.next_message()
        assert f"start=join_{code}" in invitation["text"]
        await lotte.send(f"/start join_{code}")
        assert "Welcome to Sales A" in (await lotte.next_message())["text"]
        assert await env.db.run(_member_ids(cohort_id)) == [200]


async def test_a_renewed_link_is_a_new_invitation(tmp_path: Path) -> None:
    async with trainer_env(tmp_path) as env:
        trainer = await make_trainer(env)
        cohort_id, code = await make_cohort(trainer)
        lotte = env.emulator.user(200, "Lotte", language_code="en")
        await join(lotte, code)
        await trainer.send(f"/cohort remove {cohort_id} 200")
        await trainer.next_message()
        await lotte.next_message()
        await trainer.send(f"/cohort rotate {cohort_id}")
        new_code = re.search(r"join_([\w-]+)", (await trainer.next_message())["text"])[1]
        assert new_code != code
        await lotte.send(f"/start join_{new_code}")
        assert "Welcome to Sales A" in (await lotte.next_message())["text"]


async def test_a_hidden_name_stays_hidden_after_leaving_and_rejoining(tmp_path: Path) -> None:
    from tests.telegram.test_trainer_more import assign_drill, pass_assignment

    async with trainer_env(tmp_path) as env:
        trainer = await make_trainer(env)
        cohort_id, code = await make_cohort(trainer)
        lotte = env.emulator.user(200, "Lotte", language_code="en")
        await join(lotte, code)
        await assign_drill(trainer, cohort_id, 1)
        await pass_assignment(lotte)
        await lotte.send("/leaderboard hide")
        assert "hidden" in (await lotte.next_message())["text"]
        await lotte.send("/leave")
        pick = await lotte.next_message()
        await lotte.press(pick, f"co:l:{cohort_id}")
        confirm = await lotte.next_message()
        await lotte.press(confirm, f"co:ly:{cohort_id}")
        assert "You left Sales A" in (await lotte.next_message())["text"]
        await join(lotte, code)

        await trainer.send("/leaderboard")
        board = (await trainer.next_message())["text"]
        assert "1. (hidden name) – 1 passed" in board and "Lotte" not in board


async def test_the_cohort_switches_close_and_reopen_joining_and_show_the_board(
        tmp_path: Path) -> None:
    async with trainer_env(tmp_path) as env:
        trainer = await make_trainer(env)
        cohort_id, code = await make_cohort(trainer)
        await trainer.send("/cohort")
        listing = await trainer.next_message()
        await trainer.press(listing, f"tr:c:{cohort_id}")
        panel = await trainer.next_message()
        await trainer.press(panel, f"tr:jo:{cohort_id}")
        assert "Joining Sales A is closed" in (await trainer.next_message())["text"]
        sem = env.emulator.user(201, "Sem", language_code="en")
        await sem.send(f"/start join_{code}")
        assert "Joining Sales A is closed" in (await sem.next_message())["text"]
        await trainer.press(panel, f"tr:jo:{cohort_id}")
        assert f"join_{code}" in (await trainer.next_message())["text"]
        await trainer.press(panel, f"tr:lb:{cohort_id}")
        assert "Leaderboard: on" in (await trainer.next_message())["text"]
