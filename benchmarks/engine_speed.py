"""Engine speed: turn latency on the flagship and on a generated 1,000-fact scenario,
and the time to load and validate 200 scenario files. Prints JSON.

Turns replay the dev-set messages (Dutch and English) on fresh and progressing calls.
Absolute numbers depend on the machine (measured on a shared 2-core box); the ratio
between the large scenario and the flagship is the stable figure.

    python benchmarks/engine_speed.py
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.engine.compiled import CompiledScenario  # noqa: E402
from bot.engine.engine import Engine  # noqa: E402
from bot.scenario.loader import load_file, load_paths  # noqa: E402

FLAGSHIP = ROOT / "scenarios" / "first-visit-cleaning.yaml"
DEVSET = ROOT / "tests" / "data" / "devset" / "questions.jsonl"


def messages() -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [(r["lang"], r["text"]) for r in rows]


def turn_times(engine: Engine, msgs: list[tuple[str, str]], rounds: int = 5,
               cpu: list[float] | None = None) -> list[float]:
    """Wall time per turn; ``cpu`` also collects the thread's CPU time per turn, which a
    busy shared machine disturbs much less than the wall clock."""
    times: list[float] = []
    for lang in ("nl", "en"):
        engine.turn(engine.start(lang, seed=0), "warm up")  # build the indexes first
    for r in range(rounds):
        states = {lang: engine.start(lang, seed=r) for lang in ("nl", "en")}
        for i, (lang, text) in enumerate(msgs):
            if states[lang].ended or i % 12 == 0:
                states[lang] = engine.start(lang, seed=r + i)
            start, start_cpu = time.perf_counter(), time.thread_time()
            engine.turn(states[lang], text)
            times.append(time.perf_counter() - start)
            if cpu is not None:
                cpu.append(time.thread_time() - start_cpu)
    return times


def summary(times: list[float], cpu: list[float] | None = None) -> dict:
    ordered = sorted(times)
    out = {
        "turns": len(times),
        "median_ms": round(statistics.median(ordered) * 1000, 3),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 3),
    }
    if cpu:
        out["cpu_median_ms"] = round(statistics.median(cpu) * 1000, 3)
    return out


def _word(rng: random.Random) -> str:
    consonants, vowels = "bdfgklmnprstvz", "aeiou"
    return "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(3, 5)))


def generated_scenario(base: dict, facts: int, seed: int = 1) -> dict:
    """The flagship plus ``facts`` extra facts with their own invented vocabulary."""
    rng = random.Random(seed)
    data = json.loads(json.dumps(base))
    data["id"] = f"generated-{facts}"
    for i in range(facts):
        cues = {}
        for lang in ("nl", "en"):
            words = [_word(rng) for _ in range(4)]
            cues[lang] = {
                "keywords": [words[0], f"{words[1]} {words[2]}", f"{words[3]}*"],
                "phrasings": [f"wat is de {words[0]} van de {words[1]}",
                              f"hoe zit het met {words[2]} en {words[3]}"],
            }
        data["facts"].append({
            "id": f"gen_{i}", "objective": "scope", "asked_by": cues,
            "answer": {"nl": f"Antwoord {i}.", "en": f"Answer {i}."},
        })
    return data


def load_200(sources: list[str]) -> dict:
    """200 files cycling through ``sources``, each with its own id."""
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(200):
            text = sources[i % len(sources)]
            _, sep, rest = text.partition("\nid: ")
            old_id = rest.split("\n", 1)[0] if sep else text.split("id: ", 1)[1].split("\n")[0]
            text = text.replace(f"id: {old_id}", f"id: copy-{i:03d}", 1)
            (Path(tmp) / f"copy-{i:03d}.yaml").write_text(text, encoding="utf-8")
        runs, cpu = [], []
        for _ in range(3):
            start, start_cpu = time.perf_counter(), time.process_time()
            result = load_paths([Path(tmp)])
            runs.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            assert len(result.scenarios) == 200 and not result.problems
    size = sum(len(src) for src in sources) // len(sources)
    return {"files": 200, "mean_file_kb": round(size / 1024, 1),
            "median_s": round(statistics.median(runs), 3),
            "cpu_median_s": round(statistics.median(cpu), 3)}


def library_texts() -> list[str]:
    files = sorted((ROOT / "scenarios").rglob("*.yaml"))
    return [f.read_text(encoding="utf-8") for f in files]


def main() -> None:
    base_text = FLAGSHIP.read_text(encoding="utf-8")
    scenario, problems = load_file(FLAGSHIP)
    assert scenario is not None, problems
    msgs = messages()
    cpu: list[float] = []
    flagship = summary(turn_times(Engine(CompiledScenario(scenario)), msgs, cpu=cpu), cpu)
    big_data = generated_scenario(yaml.safe_load(base_text), 1000)
    from bot.scenario.model import Scenario

    big = Scenario.model_validate(big_data)
    start = time.perf_counter()
    big_engine = Engine(CompiledScenario(big))
    big_engine.turn(big_engine.start("nl", seed=0), "x")
    compile_s = time.perf_counter() - start
    big_cpu: list[float] = []
    large = summary(turn_times(big_engine, msgs, cpu=big_cpu), big_cpu)
    print(json.dumps({
        "machine": "shared 2-core VM; absolute times are indicative, ratios are stable",
        "flagship_turn": flagship,
        "facts_1000_turn": {**large, "compile_s": round(compile_s, 3)},
        "ratio_median_1000_vs_flagship": round(large["median_ms"] / flagship["median_ms"], 2),
        "load_and_validate_library_mix": load_200(library_texts()),
        "load_and_validate_200_flagships": load_200([base_text]),
        "targets": {"median_ms": 1.0, "p99_ms": 5.0, "ratio": 3.0, "load_200_s": 2.0},
    }, indent=2))


if __name__ == "__main__":
    main()
