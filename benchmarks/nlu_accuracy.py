"""Accuracy of the engine's reading of learner messages on the labelled dev set.

Prints JSON: question-form accuracy, SPIN accuracy (questions labelled with a SPIN type)
and micro-F1 of objective detection on the flagship ids, per language and overall.
Single questions are read as the first turn after a neutral opening; transcripts are
played in order, as in a real call.

    python benchmarks/nlu_accuracy.py [--errors]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.engine.compiled import CompiledScenario  # noqa: E402
from bot.engine.engine import Engine  # noqa: E402
from bot.scenario.loader import load_file  # noqa: E402

DEVSET = ROOT / "tests" / "data" / "devset"
FLAGSHIP = ROOT / "scenarios" / "first-visit-cleaning.yaml"


def load_items() -> list[dict]:
    items = []
    for line in (DEVSET / "questions.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            item["source"] = "questions"
            items.append(item)
    return items


def evaluate() -> tuple[dict, list[dict]]:
    scenario, problems = load_file(FLAGSHIP)
    assert scenario is not None, problems
    engine = Engine(CompiledScenario(scenario))
    rows: list[dict] = []
    for item in load_items():
        state = engine.start(item["lang"], seed=0)
        result = engine.turn(state, item["text"])
        rows.append(_row(item, result.analysis))
    for path in sorted((DEVSET / "transcripts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        state = engine.start(data["lang"], seed=0)
        for turn in data["turns"]:
            result = engine.turn(state, turn["text"])
            rows.append(_row({**turn, "lang": data["lang"], "source": path.stem}, result.analysis))
            if state.ended:
                break
    return summarise(rows), rows


def _row(item: dict, analysis) -> dict:
    return {
        "lang": item["lang"], "text": item["text"], "source": item["source"],
        "form": item.get("form"), "spin": item.get("spin"),
        "objectives": sorted(item.get("objectives") or []),
        "got_form": analysis.form, "got_spin": analysis.spin,
        "got_objectives": sorted(analysis.objectives),
    }


def summarise(rows: list[dict]) -> dict:
    """Per language and overall, plus whole transcripts (the form the F1 goal is set on)
    and single messages (read without context, as the first turn of a call)."""
    groups = {
        "nl": [r for r in rows if r["lang"] == "nl"],
        "en": [r for r in rows if r["lang"] == "en"],
        "all": rows,
        "transcripts": [r for r in rows if r["source"] != "questions"],
        "single_messages": [r for r in rows if r["source"] == "questions"],
    }
    out: dict = {}
    for lang, sel in groups.items():
        form_ok = sum(r["form"] == r["got_form"] for r in sel)
        spin_rows = [r for r in sel if r["spin"] is not None]
        spin_ok = sum(r["spin"] == r["got_spin"] for r in spin_rows)
        tp = fp = fn = 0
        per_id: Counter = Counter()
        for r in sel:
            gold, got = set(r["objectives"]), set(r["got_objectives"])
            tp += len(gold & got)
            fp += len(got - gold)
            fn += len(gold - got)
            for oid in got - gold:
                per_id[f"fp:{oid}"] += 1
            for oid in gold - got:
                per_id[f"fn:{oid}"] += 1
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[lang] = {
            "messages": len(sel),
            "form_accuracy": round(form_ok / len(sel), 3),
            "spin_accuracy": round(spin_ok / len(spin_rows), 3) if spin_rows else None,
            "spin_labelled": len(spin_rows),
            "objective_precision": round(precision, 3),
            "objective_recall": round(recall, 3),
            "objective_f1": round(f1, 3),
            "objective_errors": dict(per_id.most_common(12)),
        }
    return out


def main() -> None:
    summary, rows = evaluate()
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    if "--errors" in sys.argv:
        for r in rows:
            bad = []
            if r["form"] != r["got_form"]:
                bad.append(f"form {r['form']}→{r['got_form']}")
            if r["spin"] is not None and r["spin"] != r["got_spin"]:
                bad.append(f"spin {r['spin']}→{r['got_spin']}")
            if r["objectives"] != r["got_objectives"]:
                bad.append(f"obj {r['objectives']}→{r['got_objectives']}")
            if bad:
                print(f"[{r['lang']}] {r['text'][:110]!r}\n     " + "; ".join(bad), file=sys.stderr)


if __name__ == "__main__":
    main()
