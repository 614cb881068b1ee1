"""Daily-practice dispatch: sweep cost at 100,000 learners and burst pacing against the
emulator. Prints JSON. Machine: 2 shared cores; absolute timings vary, the pacing ratio
(actual burst time / what 30 messages a second allows) is the stable figure.

1. sweep: 100,000 learners bulk-inserted into a temporary SQLite file, spread over 12 time
   zones and practice times (half on the hour, as people pick them); one sweep selects and
   plans (claims) the busiest minute's due learners: wall and CPU time.
2. burst: N due learners, the real Application (PTB with the bot's 30/s rate limiter)
   sending over HTTP to the local emulator; dispatch time versus N/30 s, and CPU per prompt
   (the emulator runs in the same process, so this is an upper bound).

    python benchmarks/practice_dispatch.py            # 10,000-prompt burst (~333 s)
    python benchmarks/practice_dispatch.py --quick    # 600-prompt burst (~20 s)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bot.catalog import Catalog  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.emulator import Emulator  # noqa: E402
from bot.practice.plan import dispatch_schedule  # noqa: E402
from bot.practice.schedule import COMMON_TIMEZONES, PracticeSchedule, next_due  # noqa: E402
from bot.storage import Database  # noqa: E402
from bot.storage import practice as store  # noqa: E402
from bot.storage.models import User  # noqa: E402
from bot.telegram.app import build_application  # noqa: E402
from bot.telegram.handlers.practice import dispatcher, drill_infos  # noqa: E402

ZONES = (*COMMON_TIMEZONES, "Asia/Kolkata", "America/Los_Angeles")
T0 = dt.datetime(2024, 6, 4, 4, 0, tzinfo=dt.UTC)  # a Tuesday in every zone used: no weekly


def learner_rows(n: int, rng: random.Random) -> list[dict]:
    rows = []
    for uid in range(1, n + 1):
        zone = rng.choice(ZONES)
        hour = rng.choice(range(6, 23))
        minute = 0 if rng.random() < 0.5 else rng.randrange(0, 60, 5)
        schedule = PracticeSchedule(time=dt.time(hour, minute), timezone=zone)
        rows.append({"id": uid, "first_name": "L", "language": "nl", "timezone": zone,
                     "practice_time": f"{hour:02d}:{minute:02d}", "practice_days": "0123456",
                     "practice_paused": False, "settings": {}, "blocked": False,
                     "language_chosen": False, "role": "learner",
                     "next_practice_at": next_due(dispatch_schedule(schedule), T0),
                     "created_at": T0, "last_seen_at": T0})
    return rows


def bulk_insert(db: Database, rows: list[dict]) -> None:
    with db.engine.begin() as conn:
        for i in range(0, len(rows), 5000):
            conn.execute(insert(User), rows[i:i + 5000])


def sweep_benchmark(tmp: Path, learners: int) -> dict:
    db = Database(f"sqlite:///{tmp / 'sweep.db'}")
    db.migrate()
    rng = random.Random(7)
    rows = learner_rows(learners, rng)
    started = time.perf_counter()
    bulk_insert(db, rows)
    insert_s = time.perf_counter() - started
    per_minute: dict[dt.datetime, int] = {}
    for row in rows:
        per_minute[row["next_practice_at"]] = per_minute.get(row["next_practice_at"], 0) + 1
    busiest, count = max(per_minute.items(), key=lambda kv: kv[1])
    drills = drill_infos(Catalog.load())
    # Everyone due before that minute was claimed by earlier sweeps (not measured).
    db.call(store.claim_due, drills, busiest - dt.timedelta(seconds=30), 100_000)
    wall, cpu = time.perf_counter(), time.process_time()
    stats = db.call(store.claim_due, drills, busiest, 100_000, None, random.Random(1))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    # An idle sweep (nobody due): the indexed query alone.
    idle_wall = time.perf_counter()
    db.call(store.claim_due, drills, busiest, 500)
    idle_wall = time.perf_counter() - idle_wall
    db.close()
    return {"learners": learners, "bulk_insert_s": round(insert_s, 2),
            "busiest_minute_due": count, "claimed_prompts": stats.claimed,
            "sweep_wall_s": round(wall, 3), "sweep_cpu_s": round(cpu, 3),
            "plan_ms_per_learner": round(1000 * wall / max(stats.learners, 1), 3),
            "idle_sweep_ms": round(1000 * idle_wall, 2)}


async def burst_benchmark(tmp: Path, prompts: int, rate: float) -> dict:
    emulator = Emulator(port=0)
    await emulator.start()
    settings = Settings(data_dir=tmp, default_language="nl", messages_per_second=rate)
    db = Database(f"sqlite:///{tmp / 'burst.db'}")
    db.migrate()
    rows = learner_rows(prompts, random.Random(3))
    for row in rows:
        row["next_practice_at"] = T0
        emulator.user(row["id"], "L", language_code="nl")
        emulator.state.chats[row["id"]].started = True  # as if each had sent /start
    bulk_insert(db, rows)
    app = build_application(settings, db, Catalog.load(), token="1:bench",
                            base_url=emulator.base_url, base_file_url=emulator.base_file_url)
    await app.initialize()
    d = dispatcher(app)
    d.clock = lambda: T0 + dt.timedelta(seconds=1)
    d.running = lambda: True  # the app is not polling here; the job would run while it is
    wall, cpu = time.perf_counter(), time.process_time()
    result = await d.sweep()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    await app.shutdown()
    db.close()
    await emulator.stop()
    allowed = result.sent / rate
    return {"prompts": prompts, "sent": result.sent, "rate_limit": rate,
            "dispatch_s": round(wall, 2), "allowed_by_rate_s": round(allowed, 2),
            "ratio": round(wall / allowed, 3), "within_10_percent": abs(wall / allowed - 1) <= 0.1,
            "cpu_ms_per_prompt": round(1000 * cpu / max(result.sent, 1), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="600-prompt burst (about 20 s)")
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--burst", type=int, default=None)
    args = parser.parse_args()
    burst = args.burst or (600 if args.quick else 10_000)
    with tempfile.TemporaryDirectory() as tmp:
        out = {"machine": "2 cores, shared", "sweep": sweep_benchmark(Path(tmp), args.learners),
               "burst": asyncio.run(burst_benchmark(Path(tmp), burst, 30.0))}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
