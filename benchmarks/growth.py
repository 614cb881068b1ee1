"""Cost that grows with the data: the same operations on a small and a large database, as
ratios. Prints JSON.

Two SQLite files (WAL, as the bot runs them) in a temporary folder, built with bulk
inserts: a trainer's cohort of 30 learners with 10 assignments (``trainer_reports.seed``,
the same in both), plus other learners' calls at the same scenarios, 20 turns each, up
to ``--turns`` (10k and 1M). A handful of recent answers are left unsent. Timed (median
of many runs, warm cache; the first run of each is reported as ``first_ms``):

* ``per_turn``: the storage side of a call turn (``call_for_turn`` + ``record_turn`` in
  one transaction, with a realistic 2 KB state);
* ``outbox``: ``unsent_replies`` as the 20-second outbox job calls it;
* ``report``: /report's read (``cohort_data``) and ``report.build``;
* ``progress``: /progress's reads (``scored_sessions`` + ``skill_levels``).

Planning: ``--learners`` (100k and 1M) with daily practice spread over 12 time zones and
practice times (``practice_dispatch.learner_rows``); the busiest minute is claimed the
way the dispatcher does it (``Dispatcher._claim``: batches of ``claim_batch``, each its own
transaction, through the bot's ``Database.run`` and its single database thread) while a
probe sends a call turn through the same ``Database.run`` every 20 ms: ``turn_wait_ms``
is how long a learner's turn took while planning ran (max and p99), the figure that
matters to someone mid-call. ``turn_wait_idle_ms`` is the same probe for as long with
nothing else running: the machine's own floor (a shared machine stalls any thread now and
then). ``batch_hold_ms`` is how long each planning transaction held the database thread,
the longest a turn can wait behind planning.

    .venv/bin/python benchmarks/growth.py            # 10k/1M turns, 100k/1M learners (~10 min)
    .venv/bin/python benchmarks/growth.py --quick    # 10k/100k turns, 10k/100k learners
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from practice_dispatch import learner_rows  # noqa: E402
from trainer_reports import SCENARIOS, seed  # noqa: E402

from bot.catalog import Catalog  # noqa: E402
from bot.practice.dispatcher import Dispatcher, SweepResult  # noqa: E402
from bot.storage import Database  # noqa: E402
from bot.storage import cohorts as cq  # noqa: E402
from bot.storage import practice as store  # noqa: E402
from bot.storage import queries as q  # noqa: E402
from bot.storage.models import User, utcnow  # noqa: E402
from bot.telegram.handlers.practice import drill_infos  # noqa: E402
from bot.trainers import cohort_report as rep  # noqa: E402
from bot.trainers.mine import open_for_practice  # noqa: E402

TURNS_PER_CALL = 20
CALLS_PER_LEARNER = 10
PROBE_USER = 42
UNSENT = 5
STATE = {"turn": 7, "phase": "discovery", "lang": "en",
         "history": [{"learner": "How many square metres do you have?" * 3,
                      "buyer": "About twelve hundred, over two floors." * 3,
                      "moves": ["fact:size", "need:reliability"]} for _ in range(6)],
         "facts": {f"fact{i}": True for i in range(20)}, "seed": 7}
ANALYSIS = json.dumps({"form": "open", "spin": "situation", "objectives": [],
                       "moves": ["fact:size"], "events": []})


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")


def build_turns_db(path: Path, turns: int) -> dict[str, int]:
    """The cohort (via the ORM, as trainer_reports builds it) and ``turns`` turns of other
    learners (raw executemany: a million rows in seconds)."""
    db = Database(f"sqlite:///{path}")
    db.migrate()
    cohort_id = db.call(seed)
    db.call(q.touch_user, PROBE_USER, "Probe", None, "en")
    db.close()
    calls = max(1, turns // TURNS_PER_CALL)
    learners = max(1, calls // CALLS_PER_LEARNER)
    now = dt.datetime.now(dt.UTC)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    first = 100_000
    conn.executemany(
        "INSERT INTO users (id, first_name, language, language_chosen, timezone, "
        "practice_time, practice_days, practice_paused, role, blocked, settings, created_at, "
        "last_seen_at) VALUES (?, 'L', 'nl', 0, 'Europe/Amsterdam', '09:00', '0123456', 1, "
        "'learner', 0, '{}', ?, ?)",
        ((first + i, _stamp(now), _stamp(now)) for i in range(learners)))
    rng = random.Random(11)
    base = conn.execute("SELECT coalesce(max(id), 0) FROM sessions").fetchone()[0]

    def sessions():
        for c in range(calls):
            started = now - dt.timedelta(days=60) + dt.timedelta(seconds=c * 5)
            yield (base + 1 + c, first + c % learners, rng.choice(SCENARIOS), "call", "nl",
                   "ended", "menu", "{}", "{}", _stamp(started),
                   _stamp(started + dt.timedelta(minutes=9)), "stopped", rng.randint(20, 95))
    conn.executemany(
        "INSERT INTO sessions (id, user_id, scenario_id, kind, language, phase, source, prep, "
        "state, started_at, ended_at, end_reason, score) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sessions())

    def turn_rows():
        for c in range(calls):
            at = _stamp(now - dt.timedelta(days=60) + dt.timedelta(seconds=c * 5))
            for n in range(1, TURNS_PER_CALL + 1):
                yield (base + 1 + c, n, n, "How many square metres do you have?",
                       "About twelve hundred, over two floors.", ANALYSIS, at, 1)
    conn.executemany(
        "INSERT INTO turns (session_id, number, message_id, learner, buyer, analysis, "
        "created_at, reply_sent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", turn_rows())
    conn.execute(f"UPDATE turns SET reply_sent = 0 WHERE id > (SELECT max(id) - {UNSENT} "
                 "FROM turns)")
    conn.commit()
    conn.close()
    return {"cohort_id": cohort_id, "turns": calls * TURNS_PER_CALL, "calls": calls,
            "learners": learners, "progress_user": first}


def timed(fn: Callable[[], Any], runs: int) -> dict[str, float]:
    start = time.perf_counter()
    fn()
    first = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(times), 3), "first_ms": round(first, 3)}


def _turn(db: Database, session_id: int, counter: list[int]) -> None:
    db.call(_probe_turn, session_id, counter)


def measure_turns_db(path: Path, info: dict[str, int], runs: int) -> dict[str, Any]:
    db = Database(f"sqlite:///{path}")
    session_id = db.call(q.start_session, PROBE_USER, "first-visit-cleaning", "call", "en",
                         "call", "menu").id
    counter = [10**6]
    cutoff = lambda: utcnow() - dt.timedelta(seconds=20)  # noqa: E731
    cohort = db.call(cq.own_cohort, 1, info["cohort_id"])
    found = db.call(q.unsent_replies, cutoff())
    out = {
        "per_turn": timed(lambda: _turn(db, session_id, counter), runs * 5),
        "outbox": timed(lambda: db.call(q.unsent_replies, cutoff()), runs),
        "report": timed(lambda: rep.build(db.call(cq.cohort_data, cohort), utcnow()), runs),
        "progress": timed(lambda: (db.call(q.scored_sessions, info["progress_user"]),
                                   db.call(q.skill_levels, info["progress_user"])), runs * 2),
        "outbox_found": len(found),
    }
    db.close()
    return out


# -- planning ----------------------------------------------------------------------------------


def build_learners_db(path: Path, learners: int) -> tuple[dt.datetime, int]:
    """``learners`` learners as ``practice_dispatch`` spreads them, inserted 100k at a time
    (a million row dicts at once would take gigabytes); returns the busiest minute."""
    db = Database(f"sqlite:///{path}")
    db.migrate()
    db.call(q.touch_user, PROBE_USER, "Probe", None, "en")
    db.close()
    rng = random.Random(7)
    per_minute: dict[dt.datetime, int] = {}
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    chunk = 100_000
    for offset in range(0, learners, chunk):
        rows = learner_rows(min(chunk, learners - offset), rng)
        for row in rows:
            row["id"] += PROBE_USER + offset  # above the probe learner
            per_minute[row["next_practice_at"]] = per_minute.get(row["next_practice_at"], 0) + 1
        columns = [c.name for c in User.__table__.columns if c.name in rows[0]]
        conn.executemany(
            f"INSERT INTO users ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            ([_stamp(r[c]) if isinstance(r[c], dt.datetime) else
              (json.dumps(r[c]) if isinstance(r[c], dict) else r[c]) for c in columns]
             for r in rows))
        conn.commit()
    conn.close()
    busiest, count = max(per_minute.items(), key=lambda kv: kv[1])
    return busiest, count


def _spread(waits: list[float]) -> dict[str, float | int | None]:
    if not waits:
        return {"max": None, "p99": None, "median": None, "probes": 0}
    waits = sorted(waits)
    return {"max": round(waits[-1], 1), "p99": round(waits[max(0, int(len(waits) * 0.99) - 1)], 1),
            "median": round(statistics.median(waits), 1), "probes": len(waits)}


async def _probe(db: Database, session_id: int, seconds: float | None,
                 done: asyncio.Event) -> list[tuple[float, float]]:
    """A call turn through ``Database.run`` every 20 ms: when each began, how long it took
    (ms)."""
    waits: list[tuple[float, float]] = []
    counter = [10**6 + int(time.time() * 1000) % 10**6 * 10]
    end = time.perf_counter() + seconds if seconds else None
    while not done.is_set() and (end is None or time.perf_counter() < end):
        start = time.perf_counter()
        await db.run(_probe_turn, session_id, counter)
        waits.append((start, (time.perf_counter() - start) * 1000))
        await asyncio.sleep(0.02)
    return waits


async def _plan_with_probe(db: Database, dispatcher: Dispatcher, busiest: dt.datetime,
                           session_id: int) -> dict[str, Any]:
    # The same probe with nothing else running first, as long as planning will take: the
    # floor of this machine (a shared 2-core machine stalls any thread now and then).
    holds: list[float] = []
    call = db.call

    def timed_call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return call(fn, *args, **kwargs)
        finally:
            if fn is store.claim_due:
                holds.append((time.perf_counter() - start) * 1000)

    db.call = timed_call  # type: ignore[method-assign]
    done = asyncio.Event()
    task = asyncio.create_task(_probe(db, session_id, None, done))
    await asyncio.sleep(0.2)
    result = SweepResult()
    start, cpu = time.perf_counter(), time.process_time()
    await dispatcher._claim(result, busiest)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    done.set()
    during = await task
    idle = await _probe(db, session_id, max(wall, 2.0), asyncio.Event())
    return {"claimed": result.claimed, "plan_wall_s": round(wall, 3),
            "plan_cpu_s": round(cpu, 3),
            "batches": len(holds),
            # how long one planning transaction holds the database thread: the longest a
            # turn can wait behind planning
            "batch_hold_ms": _spread(holds),
            "turn_wait_ms": _spread([w for at, w in during if at >= start]),
            "turn_wait_idle_ms": _spread([w for _, w in idle])}


def _probe_turn(s, session_id: int, counter: list[int]) -> None:
    counter[0] += 1
    call = q.call_for_turn(s, PROBE_USER, counter[0])
    q.record_turn(s, call.id if call else session_id, number=counter[0], message_id=counter[0],
                  learner="Who cleans your office now?", buyer="We have a local firm.",
                  analysis={"form": "open"}, state=STATE, phase="call")


def measure_planning(path: Path, learners: int, claim_batch: int | None = None
                     ) -> dict[str, Any]:
    busiest, due = build_learners_db(path, learners)
    db = Database(f"sqlite:///{path}")
    session_id = db.call(q.start_session, PROBE_USER, "first-visit-cleaning", "call", "en",
                         "call", "menu").id
    drills = drill_infos(Catalog.load())
    dispatcher = Dispatcher(db, lambda: drills, send=None,  # type: ignore[arg-type]
                            assignments_for=open_for_practice)
    if claim_batch:
        dispatcher.claim_batch = claim_batch
    # Everyone due before that minute was claimed by earlier sweeps (not measured).
    asyncio.run(dispatcher._claim(SweepResult(), busiest - dt.timedelta(seconds=30)))
    out = asyncio.run(_plan_with_probe(db, dispatcher, busiest, session_id))
    db.close()
    return {"learners": learners, "busiest_minute_due": due,
            "claim_batch": dispatcher.claim_batch, **out}


def ratio(small: dict[str, Any], large: dict[str, Any], key: str) -> float:
    return round(large[key]["median_ms"] / max(small[key]["median_ms"], 1e-6), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k/100k turns, 10k/100k learners")
    parser.add_argument("--turns", default=None, help="two sizes, e.g. 10000,1000000")
    parser.add_argument("--learners", default=None, help="two sizes, e.g. 100000,1000000")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--claim-batch", type=int, default=None,
                        help="learners per claim transaction (default: the dispatcher's)")
    parser.add_argument("--dir", type=Path, default=None,
                        help="where the SQLite files go (default: a temporary folder)")
    args = parser.parse_args()
    turns = [int(x) for x in (args.turns or ("10000,100000" if args.quick
                                              else "10000,1000000")).split(",")]
    learners = [int(x) for x in (args.learners or ("10000,100000" if args.quick
                                                    else "100000,1000000")).split(",")]
    out: dict[str, Any] = {
        "benchmark": "growth",
        "machine": f"{os.cpu_count()} cores, shared with other work; "
                   f"{platform.python_implementation()} {platform.python_version()}, "
                   f"SQLite {sqlite3.sqlite_version}",
    }
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        sizes = {}
        for n in turns:
            path = Path(tmp) / f"turns-{n}.db"
            started = time.perf_counter()
            info = build_turns_db(path, n)
            print(f"[growth] built {n} turns in {time.perf_counter() - started:.1f}s",
                  file=sys.stderr)
            sizes[n] = {"data": info, **measure_turns_db(path, info, args.runs)}
            print(f"[growth] {n} turns: {json.dumps(sizes[n])}", file=sys.stderr, flush=True)
            path.unlink()
        small, large = sizes[turns[0]], sizes[turns[-1]]
        out["turns"] = sizes
        out["turn_ratios"] = {f"{k}_{turns[-1]}_vs_{turns[0]}": ratio(small, large, k)
                              for k in ("per_turn", "outbox", "report", "progress")}
        plans = {}
        for n in learners:
            path = Path(tmp) / f"learners-{n}.db"
            plans[n] = measure_planning(path, n, args.claim_batch)
            print(f"[growth] planned {n} learners: {json.dumps(plans[n])}", file=sys.stderr,
                  flush=True)
            path.unlink()
        out["planning"] = plans
        a, b = plans[learners[0]], plans[learners[-1]]
        out["planning_ratio_wall"] = round(b["plan_wall_s"] / max(a["plan_wall_s"], 1e-6), 2)
    print(json.dumps(out, indent=2, default=str))


if __name__ == "__main__":
    main()
