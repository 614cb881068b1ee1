"""How often an ordinary question reaches the fact the persona has a stored answer for.

Each question of the paraphrase corpus (``tests/data/fact_paraphrases.yaml``) and of its
held-out part (``fact_paraphrases_heldout.yaml``), and the same for the two-minute drills
(``drill_paraphrases.yaml``, ``drill_paraphrases_heldout.yaml``), is asked as the first
question after a neutral greeting. Prints JSON per scenario and language: recall (the
fact asked about is the one answered first; a guarded fact counts when it is the one
refused), wrong-fact rate (another fact answered) and near misses that reached the fact
they must not; and for the needs, how often a learner's line about a need is recognised
as naming it (``need_recall``) and how often it also names another need (``other_need``).

    python benchmarks/fact_recall.py [--ref main] [--errors]

``--ref`` reads the scenarios from a git revision instead of the work tree, for a
before/after comparison with the same corpus.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.engine.compiled import CompiledScenario  # noqa: E402
from bot.engine.engine import Engine  # noqa: E402
from bot.scenario.loader import load_file  # noqa: E402

DATA = ROOT / "tests" / "data"
CORPORA = {"corpus": DATA / "fact_paraphrases.yaml",
           "heldout": DATA / "fact_paraphrases_heldout.yaml",
           "drills": DATA / "drill_paraphrases.yaml",
           "drills_heldout": DATA / "drill_paraphrases_heldout.yaml"}
COUNTS = ("asked", "reached", "wrong", "near_asked", "near_reached", "need_lines",
          "need_found", "need_other")
GREETING = {"nl": "Goedemorgen, ik ben Sam de Vries van {company}.",
            "en": "Good morning, I'm Sam de Vries from {company}."}


def greeting(engine: Engine, lang: str) -> str:
    company = engine.scenario.seller.company
    if isinstance(company, dict):
        company = company.get(lang) or next(iter(company.values()))
    return GREETING[lang].format(company=company)


def _variants(value: Any, lang: str) -> list[str]:
    if isinstance(value, dict):
        value = value.get(lang, [])
    return [value] if isinstance(value, str) else list(value or [])


def reached(engine: Engine, lang: str, question: str, *, by_reply: bool = False) -> list[str]:
    """The facts the buyer answers (or refuses, if guarded), best match first.

    With ``by_reply`` a fact also counts when its answer is in the reply although no fact
    was recorded: in an objection drill a clarifying question is answered on the
    objection's path ("what happened?" gets the six hours), in a closing drill the
    order question on the closing path; the learner hears the answer either way.
    """
    state = engine.start(lang, seed=0)
    engine.turn(state, greeting(engine, lang))
    result = engine.turn(state, question)
    record = result.record
    answered = list(record.answered) if record is not None else []
    if answered or not by_reply:
        return answered
    reply = result.reply
    return [fact.id for fact in engine.scenario.facts
            if any(text[:40] in reply for text in _variants(fact.answer, lang))]


def needs_named(engine: Engine, lang: str, line: str) -> list[str]:
    """The needs the engine recognises in a learner's line after a greeting."""
    state = engine.start(lang, seed=0)
    engine.turn(state, greeting(engine, lang))
    return list(engine.turn(state, line).analysis.needs)


def scenario_path(scenario_id: str) -> Path:
    """A full scenario lives in scenarios/, a two-minute drill in scenarios/drills/."""
    path = ROOT / "scenarios" / f"{scenario_id}.yaml"
    return path if path.exists() else ROOT / "scenarios" / "drills" / f"{scenario_id}.yaml"


def load_engine(scenario_id: str, ref: str | None) -> Engine:
    path = scenario_path(scenario_id)
    if ref is None:
        scenario, problems = load_file(path)
    else:
        relative = path.relative_to(ROOT).as_posix()
        text = subprocess.run(["git", "show", f"{ref}:{relative}"],
                              cwd=ROOT, check=True, capture_output=True, text=True).stdout
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / path.name
            copy.write_text(text, encoding="utf-8")
            scenario, problems = load_file(copy)
    assert scenario is not None, problems
    return Engine(CompiledScenario(scenario))


def evaluate(corpus: dict[str, Any], engines: dict[str, Engine], *,
             by_reply: bool = False) -> tuple[dict, list[dict]]:
    summary: dict[str, Any] = {}
    errors: list[dict] = []
    totals = dict.fromkeys(COUNTS, 0)
    for scenario_id, block in corpus.items():
        engine = engines[scenario_id]
        per_lang: dict[str, dict[str, int]] = {}
        for fact_id, langs in block.get("facts", {}).items():
            for lang, questions in langs.items():
                counts = per_lang.setdefault(lang, dict.fromkeys(COUNTS, 0))
                for question in questions:
                    got = reached(engine, lang, question, by_reply=by_reply)
                    counts["asked"] += 1
                    if got[:1] == [fact_id]:
                        counts["reached"] += 1
                        continue
                    if got:
                        counts["wrong"] += 1
                    errors.append({"scenario": scenario_id, "lang": lang, "fact": fact_id,
                                   "question": question, "got": got})
        for miss in block.get("near_misses", []):
            counts = per_lang.setdefault(miss["lang"], dict.fromkeys(COUNTS, 0))
            counts["near_asked"] += 1
            got = reached(engine, miss["lang"], miss["text"], by_reply=by_reply)
            if got[:1] == [miss["not"]]:
                counts["near_reached"] += 1
                errors.append({"scenario": scenario_id, "lang": miss["lang"],
                               "not": miss["not"], "question": miss["text"], "got": got})
        for need_id, langs in block.get("needs", {}).items():
            for lang, lines in langs.items():
                counts = per_lang.setdefault(lang, dict.fromkeys(COUNTS, 0))
                for line in lines:
                    got = needs_named(engine, lang, line)
                    counts["need_lines"] += 1
                    counts["need_found"] += need_id in got
                    counts["need_other"] += any(n != need_id for n in got)
                    if need_id not in got or len(got) > 1:
                        errors.append({"scenario": scenario_id, "lang": lang, "need": need_id,
                                       "line": line, "got": got})
        for lang, counts in sorted(per_lang.items()):
            summary[f"{scenario_id}/{lang}"] = _rates(counts)
            for key in totals:
                totals[key] += counts[key]
    summary["all"] = _rates(totals)
    return summary, errors


def _rates(c: dict[str, int]) -> dict[str, Any]:
    asked, lines = max(c["asked"], 1), max(c["need_lines"], 1)
    return {"questions": c["asked"], "recall": round(c["reached"] / asked, 3),
            "wrong_fact": round(c["wrong"] / asked, 3),
            "near_misses_reached": f"{c['near_reached']}/{c['near_asked']}",
            "need_lines": c["need_lines"], "need_recall": round(c["need_found"] / lines, 3),
            "other_need": round(c["need_other"] / lines, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ref", help="git revision to read the scenarios from (before)")
    parser.add_argument("--errors", action="store_true", help="list the misses")
    parser.add_argument("--only", choices=sorted(CORPORA), help="run one part only")
    args = parser.parse_args()
    out: dict[str, Any] = {}
    engines: dict[str, Engine] = {}
    for name, path in CORPORA.items():
        if args.only and name != args.only:
            continue
        corpus = yaml.safe_load(path.read_text(encoding="utf-8"))
        for scenario_id in corpus:
            if scenario_id not in engines:
                engines[scenario_id] = load_engine(scenario_id, args.ref)
        summary, errors = evaluate(corpus, engines, by_reply=name.startswith("drills"))
        out[name] = summary
        if args.errors:
            out[f"{name}_errors"] = errors
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
