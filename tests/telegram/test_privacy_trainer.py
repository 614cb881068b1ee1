"""Through the emulator: a learner's /mydata names their cohort; a trainer's /deleteme says
the class stays, and afterwards the learner still has their cohort, assignment and call."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.storage import cohorts as cq
from bot.storage import queries as q
from bot.trainers import uploads
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_flows import join, make_cohort, make_trainer
from tests.trainers.bot_env import (
    ADMIN,
    admin_env,  # noqa: F401  (the trainer tests' env)
)


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


async def test_an_upload_answers_alike_whether_or_not_another_trainer_uses_the_id(
        env: BotEnv) -> None:
    """A second trainer uploading the id of another trainer's private scenario learns
    nothing from the answer: every new id is installed under the uploader's own ending,
    exactly as an id nobody uses, and the other trainer's scenario stays theirs."""
    source = (Path(__file__).resolve().parents[2]
              / "scenarios/drills/drill-objection-price.yaml").read_text(encoding="utf-8")

    def scenario(sid: str) -> bytes:
        return source.replace("id: drill-objection-price", f"id: {sid}").encode()

    first = await make_trainer(env)
    installed = {}
    for sid in ("secret-drill", "public-drill"):
        await first.send_document(scenario(sid), f"{sid}.yaml")
        answer = (await first.next_message())["text"]
        installed[sid] = re.search(r"installed as ([\w-]+):", answer).group(1)
    # one from before ids had endings, kept under its plain id
    legacy = uploads.check_upload("legacy.yaml", scenario("legacy-drill"), 100, set(), {}, 0)
    await env.db.run(cq.save_trainer_scenario, 100, "legacy-drill", "legacy.yaml",
                     scenario("legacy-drill").decode())
    env.app.bot_data["services"].catalog.add(legacy.scenario.model_copy(
        update={"id": "legacy-drill"}), 100)
    admin = env.emulator.user(ADMIN, "Ada", language_code="en")
    await admin.send(f"/scenario publish {installed['public-drill']}")
    await admin.next_message()

    second = await make_trainer(env, 101, "Otto")
    answers = []
    for sid in (installed["secret-drill"], installed["public-drill"], "secret-drill",
                "legacy-drill", "nobody-uses-this-drill"):
        await second.send_document(scenario(sid), "mine.yaml")
        answers.append((await second.next_message())["text"].replace(sid, "<id>"))
    assert all(answer == answers[0] for answer in answers), answers
    assert "is installed as <id>-" in answers[0]
    catalog = env.app.bot_data["services"].catalog
    for sid in (*installed.values(), "legacy-drill"):
        assert catalog.owners[sid] == 100
    await first.send("/scenario")
    listing = (await first.next_message())["text"]
    assert all(sid in listing for sid in (*installed.values(), "legacy-drill"))


async def test_a_forged_or_stale_button_gets_its_toast_and_the_menu(env: BotEnv) -> None:
    learner = env.emulator.user(210, "Lotte", language_code="en")
    await learner.send("/start")
    menu = await learner.next_message()
    for data in ("as:bogus", "co:zz:1", "nonsense"):
        menu["reply_markup"] = {"inline_keyboard": [[{"text": "x", "callback_data": data}]]}
        learner._state.chat(learner.id).messages[menu["message_id"]] = menu
        query = await learner.press(menu, data)
        answer = await env.emulator.callback_answer(query["id"])
        assert "older message" in (answer or {}).get("text", "")
        assert "current menu" in (await learner.next_message())["text"]
