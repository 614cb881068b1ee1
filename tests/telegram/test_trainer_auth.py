"""Authorisation: every trainer and admin command and button, tried by a learner and by a
trainer of another cohort. Neither may see or change anything: each gets one short
refusal, nobody else is messaged, and the database is exactly as before."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlmodel import Session, select

from bot.emulator.user import EmulatedUser
from bot.storage.models import (
    Assignment,
    AssignmentReminder,
    AttemptReview,
    CallSession,
    Cohort,
    Membership,
    Removal,
    ReviewComment,
    ScoreOverride,
    TrainerScenario,
    User,
)
from bot.trainers.uploads import installed_id
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons
from tests.telegram.test_trainer_flows import (
    PASSING_LINES,
    has_text,
    join,
    make_cohort,
    make_trainer,
    until,
)
from tests.trainers.bot_env import trainer_env

ROOT = Path(__file__).resolve().parents[2]
SECRET_WORDS = ("Sales A", "Lotte")
# the id trainer 100 uploads "my-price-drill" under (uploads.installed_id)
MINE = installed_id("my-price-drill", 100, {})


@dataclass
class World:
    env: BotEnv
    owner: EmulatedUser
    member: EmulatedUser
    cohort_id: int
    code: str
    assignment_id: int
    session_id: int


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with trainer_env(tmp_path) as env:
        owner = await make_trainer(env)
        cohort_id, code = await make_cohort(owner)
        member = env.emulator.user(200, "Lotte", language_code="en")
        await join(member, code)
        source = (ROOT / "scenarios/drills/drill-objection-price.yaml").read_text()
        await owner.send_document(
            source.replace("id: drill-objection-price", f"id: {MINE}").encode(),
            "mine.yaml")
        await owner.next_message()
        await owner.send(f"/assign {cohort_id} drill-objection-price +7")
        await owner.next_message()
        notice = await member.next_message()
        assignment_id = int(buttons(notice)[0].split(":")[1])
        await member.press(notice, buttons(notice)[0])
        detail = await member.next_message()
        await member.press(detail, next(b for b in buttons(detail) if b.startswith("as:go:")))
        for line in PASSING_LINES:
            await member.send(line)
        await until(member, has_text("/100"), limit=10)
        session_id = (await env.db.run(_sessions))[0][0]
        yield World(env, owner, member, cohort_id, code, assignment_id, session_id)


def _sessions(s: Session) -> list[tuple]:
    return [(cs.id, cs.score) for cs in s.exec(select(CallSession).order_by(CallSession.id))]


def _snapshot(s: Session) -> dict[str, list]:
    tables = (Cohort, Membership, Assignment, AssignmentReminder, ScoreOverride,
              TrainerScenario, Removal, ReviewComment, AttemptReview)
    snap = {t.__name__: sorted(repr(sorted(r.model_dump().items())) for r in s.exec(select(t)))
            for t in tables}
    snap["roles"] = sorted((u.id, u.role) for u in s.exec(select(User)))
    snap["awaiting"] = sorted((u.id, u.awaiting or "") for u in s.exec(select(User)))
    snap["sessions"] = _sessions(s)
    return snap


def commands(w: World) -> list[str]:
    c, m, sid = w.cohort_id, w.member.id, w.session_id
    return [
        "/trainer", "/trainer add 300", "/trainer remove 100", "/cohort", "/cohort list",
        "/cohort new Intruders", f"/cohort link {c}", f"/cohort rotate {c}",
        f"/cohort close {c}", f"/cohort open {c}", f"/cohort remove {c} {m}",
        f"/assign {c} drill-objection-price +3", f"/assign {c} {MINE} +3",
        f"/report {c}", f"/export {c}", f"/override {sid} 5 sabotage",
        f"/assign edit {w.assignment_id} pass=0", f"/assign delete {w.assignment_id}",
        "/scenario", f"/scenario download {MINE}", f"/scenario test {MINE}",
        f"/scenario delete {MINE}", f"/scenario publish {MINE}",
        f"/scenario unpublish {MINE}", f"/review {sid}",
    ]


def callbacks(w: World) -> list[str]:
    c, m, sid = w.cohort_id, w.member.id, w.session_id
    return [
        "tr:home", "tr:cl", "tr:sl", f"tr:c:{c}", f"tr:r:{c}", f"tr:x:{c}", f"tr:ch:{c}",
        f"tr:m:{c}", f"tr:a:{c}", f"tr:rot:{c}", f"tr:jo:{c}", f"tr:lb:{c}", f"tr:nt:{c}",
        "tr:lbs",
        f"tr:l:{c}:{m}", f"tr:rm:{c}:{m}", f"tr:rmy:{c}:{m}", f"tr:ri:{c}:{m}", f"tr:t:{sid}",
        f"tr:ap:{c}:drill-objection-price", f"tr:ad:{c}:7:drill-objection-price",
        f"tr:as:{w.assignment_id}", f"tr:asd:{w.assignment_id}", f"tr:asdy:{w.assignment_id}",
        "tr:pr:300", f"tr:st:{MINE}", "tr:bogus", f"as:{w.assignment_id}",
        f"as:go:{w.assignment_id}:0", f"as:b:{w.assignment_id}:0",
        f"as:gg:{w.assignment_id}:0:0", f"co:ly:{c}",
        f"tr:rvo:{sid}", f"tr:rvc:{sid}", f"tr:rvt:{sid}", f"tr:rvn:{sid}:1", f"tr:rvr:{sid}",
        f"tr:rvd:{sid}",
    ]


async def forge_press(user: EmulatedUser, data: str) -> None:
    """Press a button the bot never sent (a forged or replayed callback)."""
    state = user._state
    chat = state.chat(user.id)
    message = max(chat.messages.values(), key=lambda m: m["message_id"])
    message["reply_markup"] = {"inline_keyboard": [[{"text": "x", "callback_data": data}]]}
    await user.press(message, data)


async def attempt(w: World, attacker: EmulatedUser, action: str) -> list[str]:
    """The texts the attacker got for one action (it must be exactly one message)."""
    before = len(attacker.bot_messages())
    if action.startswith("/"):
        await attacker.send(action)
    else:
        await forge_press(attacker, action)
    reply = await attacker.next_message()
    await w.env.settle()
    after = attacker.bot_messages()
    assert len(after) == before + 1, f"{action}: {len(after) - before} messages"
    return [reply.get("text") or reply.get("caption") or "<media>"]


async def run_all(w: World, attacker: EmulatedUser, allowed: tuple[str, ...],
                  actions: list[str]) -> None:
    snap = await w.env.db.run(_snapshot)
    others = (len(w.owner.bot_messages()), len(w.member.bot_messages()))
    problems = []
    for action in actions:
        (text,) = await attempt(w, attacker, action)
        if not any(a in text for a in allowed) or any(s in text for s in SECRET_WORDS) \
                or w.code in text:
            problems.append(f"{action}: {text[:120]!r}")
    assert problems == []
    assert await w.env.db.run(_snapshot) == snap
    assert (len(w.owner.bot_messages()), len(w.member.bot_messages())) == others


async def test_a_learner_is_refused_every_trainer_and_admin_action(world: World) -> None:
    learner = world.env.emulator.user(300, "Eve", language_code="en")
    await learner.send("/start")
    await learner.next_message()
    await run_all(world, learner, ("That is not available to you.",
                                   "no longer exists or is not yours", "not in any cohort"),
                  [*commands(world), *callbacks(world)])


async def test_a_learner_gets_only_the_refusal(world: World) -> None:
    learner = world.env.emulator.user(301, "Eve", language_code="en")
    await learner.send("/report")
    assert (await learner.next_message())["text"] == "That is not available to you."


async def test_a_trainer_of_another_cohort_sees_and_changes_nothing(world: World) -> None:
    other = await make_trainer(world.env, 101, "Otto")
    await make_cohort(other, "Other group")
    # /cohort new would create the attacker's own cohort, a legitimate change; it is
    # covered by the learner's test above.
    actions = [a for a in [*commands(world), *callbacks(world)]
               if not a.startswith("/cohort new")]
    await run_all(world, other, (
        "Not found, or not one of yours.", "Only an admin can do that.",
        "do not know these scenarios", "no longer exists or is not yours",
        "not in any cohort", "Other group", "Your scenarios", "<b>Trainer</b>", "Trainer"),
        actions)


def test_join_codes_are_long_random_and_fit_a_start_payload() -> None:
    from bot.trainers.codes import new_code

    found = {new_code() for _ in range(1000)}
    assert len(found) == 1000
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", c) and len("join_" + c) <= 64 for c in found)


async def test_a_promoted_trainer_gets_the_trainer_commands_in_their_chat_only(tmp_path) -> None:
    from tests.trainers.bot_env import ADMIN, trainer_env

    async with trainer_env(tmp_path) as env:
        admin = env.emulator.user(ADMIN, "Ada", language_code="en")
        future = env.emulator.user(120, "Tineke", language_code="nl")
        await future.send("/start")
        await future.next_message()
        await admin.send("/trainer add 120")
        await admin.next_message()
        scope = {"type": "chat", "chat_id": 120}
        names = await env.emulator.wait_until(
            lambda: [c["command"] for c in env.emulator.commands(scope)])
        assert {"cohort", "report", "export", "start", "stop"} <= set(names)
        general = [c["command"] for c in env.emulator.commands({"type": "all_private_chats"})]
        assert "report" not in general and "assignments" in general
