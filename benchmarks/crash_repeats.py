"""Answers repeated after ``kill -9``: how many a learner gets twice per crash. Prints JSON.

A turn is committed before its answer goes out, and the "answer sent" marks are written
afterwards (``bot/telegram/outbox.py``); an answer that went out but whose mark was not yet
committed when the process died is sent again after the restart, flagged as late. This
benchmark counts those repeats under load.

The bot runs as a real ``python -m bot run`` subprocess (its own SQLite file) against the
in-process emulator, as in ``bot_throughput.py``; ``--learners`` emulated learners (20)
hold the flagship call in a closed loop (each sends its next line when it has the
answer). Once answers flow (as many as there are learners since the last start), the bot
gets SIGKILL after a further 3-6 s (uniformly) and is started again; learners simply wait
for their answer across the restart.

Counting, per learner: every buyer line received in a normal reply is remembered (the
last five turns); a late-flagged message whose buyer line the learner already had is a
*repeat*; one they did not have is a *late delivery* (an answer the crash really kept
back; it counts as that turn's answer). A buyer line that recurs word for word in two
consecutive turns would be counted as a repeat too; the scenario's lines rarely do.

    .venv/bin/python benchmarks/crash_repeats.py               # 10 kills, 20 learners
    .venv/bin/python benchmarks/crash_repeats.py --kills 3     # quicker
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bot_throughput import (  # noqa: E402
    ENDED_MARKER,
    SCENARIO,
    TURN_MARKER,
    TURNS_PER_CALL,
    BotProcess,
    Learner,
    buttons,
    make_learners,
    progress,
)

from bot.emulator import Emulator, UserActionError  # noqa: E402
from bot.i18n import t  # noqa: E402

LATE = t("en", "tg.call.late")
REPLY_TIMEOUT = 60.0  # an answer may wait for a restart on a busy machine


@dataclass
class Counts:
    answers: int = 0  # normal in-call replies
    late_deliveries: int = 0  # late answers the learner had not had
    repeats: int = 0  # late answers the learner already had
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)


@dataclass
class Tracked:
    learner: Learner
    seen: deque[str] = field(default_factory=lambda: deque(maxlen=5))


def _buyer_of_reply(text: str) -> str:
    return text.rsplit("\n", 1)[0].strip()


def _buyer_of_late(text: str) -> str:
    return text.split("\n", 1)[1].strip() if "\n" in text else ""


async def next_message(tracked: Tracked, counts: Counts) -> dict[str, Any] | None:
    """The next message that is not a late answer; late ones are counted here (a late
    answer that is new is returned as None: it answers the turn in flight)."""
    while True:
        message = await tracked.learner.user.next_message(REPLY_TIMEOUT)
        text = message.get("text") or ""
        if not text.startswith(LATE):
            return message
        buyer = _buyer_of_late(text)
        if buyer in tracked.seen:
            counts.repeats += 1
            continue
        counts.late_deliveries += 1
        tracked.seen.append(buyer)
        return None


async def start_call(tracked: Tracked, counts: Counts) -> None:
    user = tracked.learner.user
    await user.send(f"/start play_{SCENARIO}")
    briefing = await next_message(tracked, counts)
    if briefing is None or f"go:{SCENARIO}" not in buttons(briefing):
        raise RuntimeError("expected the briefing")
    await user.press(briefing, f"go:{SCENARIO}")
    opening = await next_message(tracked, counts)
    if opening is None or "/hint" not in (opening.get("text") or ""):
        raise RuntimeError("expected the call to start")
    tracked.learner.in_call, tracked.learner.turns = True, 0


async def take_turn(tracked: Tracked, counts: Counts) -> None:
    learner = tracked.learner
    await learner.user.send(learner.next_line())
    reply = await next_message(tracked, counts)
    learner.turns += 1
    if reply is None:  # answered late: carry on
        return
    text = reply.get("text") or ""
    if TURN_MARKER in text:
        counts.answers += 1
        tracked.seen.append(_buyer_of_reply(text))
        if learner.turns >= TURNS_PER_CALL:
            learner.in_call = False
        return
    learner.in_call = False  # the buyer ended the call: "call ended" and the card follow
    if ENDED_MARKER in text or ENDED_MARKER in ((await next_message(tracked, counts)) or {}
                                                ).get("text", ""):
        await next_message(tracked, counts)


async def learner_loop(tracked: Tracked, counts: Counts, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            if not tracked.learner.in_call:
                await start_call(tracked, counts)
            else:
                await take_turn(tracked, counts)
        except (TimeoutError, RuntimeError, UserActionError) as exc:
            counts.errors += 1
            kind = type(exc).__name__
            counts.error_kinds[kind] = counts.error_kinds.get(kind, 0) + 1
            tracked.learner.in_call = False
            await asyncio.sleep(0.5)


async def flowing(counts: Counts, learners: int, timeout: float = 120.0) -> None:
    """Wait until answers flow again after a restart (as many as there are learners), so
    every kill lands in a stretch of full load, not in the next start-up."""
    target = counts.answers + learners
    deadline = time.perf_counter() + timeout
    while counts.answers < target and time.perf_counter() < deadline:
        await asyncio.sleep(0.1)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    emulator = Emulator(port=0)
    await emulator.start()
    counts = Counts()
    kills = 0
    with tempfile.TemporaryDirectory() as tmp:
        bot = BotProcess(emulator, Path(tmp), args.limit)
        bot.start()
        await bot.wait_polling(emulator)
        learners = [Tracked(lr) for lr in make_learners(emulator, args.learners)]
        stop = asyncio.Event()
        tasks = [asyncio.create_task(learner_loop(tr, counts, stop)) for tr in learners]
        started = time.perf_counter()
        try:
            await asyncio.sleep(args.warmup)
            for kills in range(1, args.kills + 1):
                await flowing(counts, args.learners)
                await asyncio.sleep(rng.uniform(3.0, 6.0))
                bot.kill_now()
                progress(f"kill {kills}: {counts.answers} answers, {counts.repeats} repeats")
                emulator.state.updates.last_request_at = None
                bot.start()
                await bot.wait_polling(emulator)
            await asyncio.sleep(args.settle)  # the last restart's late answers arrive
        finally:
            stop.set()
            await asyncio.wait(tasks, timeout=REPLY_TIMEOUT + 5)
            for task in tasks:
                task.cancel()
            await bot.stop()
            await emulator.stop()
    elapsed = time.perf_counter() - started
    return {
        "benchmark": "crash_repeats",
        "machine": f"{os.cpu_count()} cores, shared with other work; "
                   f"{platform.python_implementation()} {platform.python_version()}",
        "learners": args.learners, "rate_limit": args.limit, "kills": kills,
        "seconds": round(elapsed, 1),
        "answers": counts.answers, "late_deliveries": counts.late_deliveries,
        "repeats": counts.repeats,
        "repeats_per_kill": round(counts.repeats / max(kills, 1), 2),
        "repeats_per_1000_answers": round(1000 * counts.repeats / max(counts.answers, 1), 1),
        "learner_errors": counts.errors, "error_kinds": counts.error_kinds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--limit", type=float, default=30.0,
                        help="the bot's max_messages_per_second (30, Telegram's limit)")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--settle", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    print(json.dumps(asyncio.run(run(parser.parse_args())), indent=2))


if __name__ == "__main__":
    main()
