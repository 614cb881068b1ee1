"""The trainer hears what happens in their cohort: someone joined, someone passed (or used
up the attempts of) an assignment; switched off per cohort from its panel. The trainer
panel has the leaderboards."""

from __future__ import annotations

from bot.emulator.user import EmulatedUser
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_flows import (
    PASSING_SCORE,
    has_text,
    join,
    make_cohort,
    make_trainer,
    until,
)
from tests.telegram.test_trainer_more import assign_drill, pass_assignment
from tests.trainers.bot_env import (
    admin_env,  # noqa: F401  (the trainer tests' env)
)

FAILING_LINE = "ok"




async def fail_once(learner: EmulatedUser, assignment_id: int) -> None:
    """One attempt from the learner's list that ends with /stop and a low score."""
    await learner.send("/assignments")
    overview = await learner.next_message()
    await learner.press(overview, f"as:b:{assignment_id}:0")
    briefing = await learner.next_message()
    await learner.press(briefing, f"as:gg:{assignment_id}:0:0")
    await learner.send(FAILING_LINE)
    await learner.next_message()
    await learner.send("/stop")
    await until(learner, has_text("/100"), limit=10)


async def test_the_trainer_hears_of_a_join_and_a_pass_and_can_switch_it_off(env: BotEnv) -> None:
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer, notices=True)
    lotte = env.emulator.user(200, "Lotte", language_code="en")
    await join(lotte, code)
    joined = await trainer.next_message()
    assert "Lotte joined Sales A (1 in the cohort now)" in joined["text"]
    assert "switch these messages off" in joined["text"]

    await assign_drill(trainer, cohort_id, 1)
    await pass_assignment(lotte)
    passed = await trainer.next_message()
    assert f"Lotte passed Drill – objection: too expensive in Sales A (best {PASSING_SCORE})" \
        in passed["text"]

    await trainer.send(f"/cohort link {cohort_id}")  # the pass was told once
    assert "link" in (await trainer.next_message())["text"].lower()

    await trainer.send("/cohort")
    listing = await trainer.next_message()
    await trainer.press(listing, f"tr:c:{cohort_id}")
    panel = await trainer.next_message()
    assert "Messages to you: on" in panel["text"]
    await trainer.press(panel, f"tr:nt:{cohort_id}")
    assert "Messages to you: off" in (await trainer.next_message())["text"]
    sem = env.emulator.user(201, "Sem", language_code="en")
    await join(sem, code)
    await trainer.send("/cohort")
    assert "Sales A" in (await trainer.next_message())["text"]  # not a join message


async def test_the_trainer_hears_when_the_attempts_are_used_up(env: BotEnv) -> None:
    trainer = await make_trainer(env)
    cohort_id, code = await make_cohort(trainer)
    lotte = env.emulator.user(200, "Lotte", language_code="en")
    await join(lotte, code)
    await trainer.press(await _panel(trainer, cohort_id), f"tr:nt:{cohort_id}")  # on again
    assert "Messages to you: on" in (await trainer.next_message())["text"]
    await trainer.send(f"/assign {cohort_id} drill-objection-price +7 attempts=1")
    await trainer.next_message()
    notice = await until(lotte, has_text("New assignment"))
    await fail_once(lotte, int(buttons(notice)[0].split(":")[1]))
    failed = await trainer.next_message()
    assert "Lotte used up the attempts for Drill – objection: too expensive" in failed["text"]


async def _panel(trainer: EmulatedUser, cohort_id: int) -> dict:
    await trainer.send("/cohort")
    listing = await trainer.next_message()
    await trainer.press(listing, f"tr:c:{cohort_id}")
    return await trainer.next_message()


async def test_the_trainer_panel_opens_the_leaderboards(env: BotEnv) -> None:
    trainer = await make_trainer(env)
    await make_cohort(trainer)
    await trainer.send("/trainer")
    panel = await trainer.next_message()
    assert "tr:lbs" in buttons(panel)
    await trainer.press(panel, "tr:lbs")
    board = await trainer.next_message()
    assert "🏆 Sales A" in board["text"] and "only you see this" in board["text"]
