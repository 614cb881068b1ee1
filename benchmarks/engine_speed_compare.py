"""Engine speed before and after a change, in one process: the flagship replay of
``engine_speed.py`` on two versions of the code side by side, each turn timed on both in
alternation, so the load on a shared machine falls on both alike. Prints JSON.

Also checks that both versions give the same replies (a speed change must not change
what the buyer says).

    python benchmarks/engine_speed_compare.py main          # a git revision vs this tree
    python benchmarks/engine_speed_compare.py /path/to/old  # another checkout vs this tree
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from engine_speed import FLAGSHIP, messages  # noqa: E402

LANGS = ("nl", "en")


def load_engine(root: Path) -> Any:
    """The flagship engine of the ``bot`` package found under ``root``; the package's
    modules are dropped again so the other version can be imported next."""
    for name in [m for m in sys.modules if m == "bot" or m.startswith("bot.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        engine_module = importlib.import_module("bot.engine.engine")
        compiled = importlib.import_module("bot.engine.compiled")
        loader = importlib.import_module("bot.scenario.loader")
        assert Path(engine_module.__file__ or "").is_relative_to(root)
        # each version reads its own copy: a scenario may use fields the other lacks
        scenario, problems = loader.load_file(root / FLAGSHIP.relative_to(ROOT))
        assert scenario is not None, problems
        engine = engine_module.Engine(compiled.CompiledScenario(scenario))
        for lang in LANGS:
            engine.turn(engine.start(lang, seed=0), "warm up")  # build the indexes first
        return engine
    finally:
        sys.path.remove(str(root))


def compare(before: Path, after: Path, rounds: int) -> dict[str, Any]:
    engines = [load_engine(before), load_engine(after)]
    msgs = messages()
    cpu: list[list[float]] = [[], []]
    replies: list[list[str]] = [[], []]
    for r in range(rounds):
        states = [{lang: e.start(lang, seed=r) for lang in LANGS} for e in engines]
        for i, (lang, text) in enumerate(msgs):
            for side in ((0, 1) if (i + r) % 2 == 0 else (1, 0)):
                engine, state = engines[side], states[side]
                if state[lang].ended or i % 12 == 0:
                    state[lang] = engine.start(lang, seed=r + i)
                start = time.thread_time()
                result = engine.turn(state[lang], text)
                cpu[side].append(time.thread_time() - start)
                replies[side].append(result.reply)
    ratios = [b / a for a, b in zip(*cpu, strict=True) if a > 0]
    return {
        "turns": len(cpu[0]),
        "before_cpu_median_ms": round(statistics.median(cpu[0]) * 1000, 3),
        "after_cpu_median_ms": round(statistics.median(cpu[1]) * 1000, 3),
        "median_after_to_before_per_turn": round(statistics.median(ratios), 3),
        "same_replies": replies[0] == replies[1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="a git revision or a directory holding bot/")
    parser.add_argument("--after", type=Path, default=ROOT, help="default: this tree")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        before = Path(args.before)
        if not (before / "bot").is_dir():
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before],
                                     check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            before = Path(tmp)
        out = compare(before.resolve(), args.after.resolve(), args.rounds)
    print(json.dumps({"before": args.before, "after": str(args.after), **out,
                      "machine": "shared 2-core VM; compare the two columns, not runs"},
                     indent=2))


if __name__ == "__main__":
    main()
