"""How well the buyer understands a learner and how fair the card is, on labelled calls.

Plays every dialogue in ``benchmarks/dialogues/<set>/`` through the same function as
``python -m bot play SCENARIO --script FILE --json`` and compares the report with the
labels (see ``benchmarks/dialogues/README.md``). Prints JSON, per scenario and overall:

- act accuracy, and act accuracy on turns whose labelled act is not ``fact_question``
  (a turn without an ``act`` in the report counts as wrong);
- question-form accuracy (all turns) and SPIN accuracy (turns labelled with a question);
- objective F1 per turn (the ids a turn is the first to work towards, against the ids
  the report says the turn ticked) and at the end of the call (ticked objectives against
  ``expected_objectives``), plus the end-of-call F1 of the flagship alone;
- stonewalls: one buyer sentence (three words or more) in three or more replies of a call;
- calls cut short: a full scenario's call ended while a ``good`` or ``average`` learner
  still had lines (drills may end once their task is done);
- calls that should have ended by themselves and did not, or the reverse
  (``ends_by_itself: null`` means either is fine);
- the gap between the score and the trainer's ``fair_score`` (mean and worst);
- tips per card (min, median, max; a card should hold 3 to 5) and cards outside 3-5.

Accuracy figures are over the turns that were played; ``turns_unplayed`` counts the
rest. ``--sample PATH`` writes (learner, buyer reply, good reply) triples with an empty
``coherent`` field for a reviewer; ``--reviewed PATH`` reads such a file back and adds
the coherence rate to the output; ``--review PATH`` writes whole calls (every reply and
every tip, to be judged in context) and ``--reviewed`` then adds the rate of fair tips too.
The held-out set is for the final check only.

    python benchmarks/dialogue_quality.py [--set dev|heldout|all] [--sample PATH] [--review PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.engine.compiled import CompiledScenario  # noqa: E402
from bot.scenario.library import load_library  # noqa: E402
from bot.terminal import run_script  # noqa: E402

DIALOGUES = ROOT / "benchmarks" / "dialogues"
# The labelled calls were written around this day and their proposals name months as a
# learner would then ("Thursday 15 January"); they are played as if on that day.
DIALOGUES_DAY = date(2026, 12, 1)
SETS = ("dev", "heldout")
ACTS = ("greet_introduce", "state_objective", "fact_question", "small_talk", "pitch",
        "solution", "objection_response", "summary", "next_step_proposal", "ask_order",
        "goodbye", "other")  # the act vocabulary of shared/contract.md
FLAGSHIP = "first-visit-cleaning"
MUST_FINISH_STYLES = ("good", "average")
DRILL_PREFIX = "drill-"
STONEWALL_REPLIES = 3
STONEWALL_MIN_WORDS = 3
TIPS_MIN, TIPS_MAX = 3, 5  # tips a card should hold (issue 11)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def load_dialogues(set_name: str) -> list[dict]:
    """The labelled dialogues of one set (or both for ``all``), each with its file name."""
    names = SETS if set_name == "all" else (set_name,)
    dialogues = []
    for name in names:
        for path in sorted((DIALOGUES / name).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["file"] = f"{name}/{path.name}"
            dialogues.append(data)
    return dialogues


@dataclass
class Tally:
    """Counts behind every rate, so per-scenario and overall figures add up the same way."""

    turns: int = 0
    unplayed: int = 0
    act_ok: int = 0
    act_missing: int = 0
    other_acts: int = 0
    other_acts_ok: int = 0
    form_ok: int = 0
    questions: int = 0
    spin_ok: int = 0
    turn_tp: int = 0
    turn_fp: int = 0
    turn_fn: int = 0
    end_tp: int = 0
    end_fp: int = 0
    end_fn: int = 0
    calls: int = 0
    stonewalled: int = 0
    cut_short: int = 0
    ending_wrong: int = 0
    gaps: list[int] = field(default_factory=list)
    tips: list[int] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if name in ("gaps", "tips"):
                getattr(self, name).extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    def summary(self) -> dict:
        played = self.turns - self.unplayed
        return {
            "calls": self.calls,
            "turns": self.turns,
            "turns_unplayed": self.unplayed,
            "act_accuracy": _rate(self.act_ok, played),
            "act_accuracy_non_fact": _rate(self.other_acts_ok, self.other_acts),
            "act_missing": self.act_missing,
            "form_accuracy": _rate(self.form_ok, played),
            "spin_accuracy": _rate(self.spin_ok, self.questions),
            "objective_f1_turn": _f1(self.turn_tp, self.turn_fp, self.turn_fn),
            "objective_f1_end": _f1(self.end_tp, self.end_fp, self.end_fn),
            "calls_stonewalled": self.stonewalled,
            "calls_cut_short": self.cut_short,
            "calls_ending_wrong": self.ending_wrong,
            "score_gap_mean": round(sum(self.gaps) / len(self.gaps), 1) if self.gaps else None,
            "score_gap_worst": max(self.gaps) if self.gaps else None,
            "tips_min": min(self.tips) if self.tips else None,
            "tips_median": statistics.median(self.tips) if self.tips else None,
            "tips_max": max(self.tips) if self.tips else None,
            "cards_outside_tip_range": sum(1 for n in self.tips
                                           if not TIPS_MIN <= n <= TIPS_MAX),
        }


def _rate(ok: int, total: int) -> float | None:
    return round(ok / total, 3) if total else None


def _f1(tp: int, fp: int, fn: int) -> float | None:
    if tp + fp + fn == 0:
        return None
    return round(2 * tp / (2 * tp + fp + fn), 3)


def stonewalls(replies: list[str]) -> list[dict]:
    """Buyer sentences repeated in STONEWALL_REPLIES or more replies of one call."""
    seen: Counter[str] = Counter()
    for reply in replies:
        sentences = {" ".join(s.lower().split()) for s in _SENTENCE_END.split(reply or "")}
        seen.update(s for s in sentences if len(s.split()) >= STONEWALL_MIN_WORDS)
    return [{"sentence": s, "replies": n} for s, n in seen.most_common()
            if n >= STONEWALL_REPLIES]


def play(dialogue: dict, library: dict[str, CompiledScenario]) -> dict:
    """The JSON report of the dialogue's learner lines, exactly as ``play --script --json``."""
    sid = dialogue["scenario"]
    if sid not in library:
        library[sid] = CompiledScenario(load_library(()).scenarios[sid])
    cs = library[sid]
    lines = [turn["learner"] for turn in dialogue["turns"]]
    return run_script(cs, dialogue["language"], lines, None, today=DIALOGUES_DAY)


def score_dialogue(dialogue: dict, report: dict) -> tuple[Tally, dict, list[tuple]]:
    """Compare one report with its labels; returns the counts, a row and act confusions."""
    tally = Tally(calls=1)
    labels = dialogue["turns"]
    played = report.get("turns", [])
    confusions = []
    gold_seen: set[str] = set()
    pred_seen: set[str] = set()
    for index, label in enumerate(labels):
        tally.turns += 1
        gold_new = set(label.get("objectives") or []) - gold_seen
        gold_seen |= gold_new
        if index >= len(played):
            tally.unplayed += 1
            continue
        turn = played[index]
        act = turn.get("act")
        if act is None:
            tally.act_missing += 1
        if act == label["act"]:
            tally.act_ok += 1
        else:
            confusions.append((label["act"], act))
        if label["act"] != "fact_question":
            tally.other_acts += 1
            tally.other_acts_ok += act == label["act"]
        tally.form_ok += turn.get("form") == label["form"]
        if label["form"] is not None:
            tally.questions += 1
            tally.spin_ok += turn.get("spin") == label["spin"]
        pred_new = set(turn.get("objectives") or []) - pred_seen
        pred_seen |= pred_new
        tally.turn_tp += len(gold_new & pred_new)
        tally.turn_fp += len(pred_new - gold_new)
        tally.turn_fn += len(gold_new - pred_new)
    ticked = {oid for group in report.get("objectives", {}).values()
              for oid, done in group.items() if done}
    expected = set(dialogue.get("expected_objectives") or [])
    tally.end_tp, tally.end_fp, tally.end_fn = (
        len(ticked & expected), len(ticked - expected), len(expected - ticked))
    walls = stonewalls([turn.get("buyer", "") for turn in played])
    tally.stonewalled = int(bool(walls))
    short = len(played) < len(labels)
    tally.cut_short = int(short and dialogue["style"] in MUST_FINISH_STYLES
                          and not dialogue["scenario"].startswith(DRILL_PREFIX))
    end_reason = report.get("end_reason")
    ended_itself = end_reason != "stopped" if end_reason is not None else short
    should_end = dialogue.get("ends_by_itself")
    tally.ending_wrong = int(should_end is not None and ended_itself != should_end)
    gap = abs(report.get("score", 0) - dialogue["fair_score"])
    tally.gaps.append(gap)
    tally.tips.append(len(report.get("feedback") or []))
    row = {
        "file": dialogue["file"],
        "style": dialogue["style"],
        "score": report.get("score"),
        "fair_score": dialogue["fair_score"],
        "gap": gap,
        "tips": len(report.get("feedback") or []),
        "turns_played": f"{len(played)}/{len(labels)}",
        "end_reason": end_reason,
        "ends_by_itself_expected": dialogue.get("ends_by_itself"),
        "missed_objectives": sorted(expected - ticked),
        "extra_objectives": sorted(ticked - expected),
        "stonewalls": walls,
    }
    return tally, row, confusions


def sample_triples(dialogues: list[dict], reports: list[dict], size: int,
                   seed: int = 11) -> list[dict]:
    """A reproducible sample of played turns for a reviewer to judge coherence."""
    triples = []
    for dialogue, report in zip(dialogues, reports, strict=True):
        for index, (label, turn) in enumerate(zip(dialogue["turns"], report.get("turns", []),
                                                  strict=False)):
            triples.append({
                "file": dialogue["file"], "turn": index + 1,
                "learner": label["learner"], "buyer": turn.get("buyer", ""),
                "good_reply": label["good_reply"], "coherent": None,
            })
    rng = random.Random(seed)
    picked = rng.sample(triples, min(size, len(triples)))
    return sorted(picked, key=lambda t: (t["file"], t["turn"]))


def review_calls(dialogues: list[dict], reports: list[dict]) -> list[dict]:
    """Whole calls for a trainer to review: every buyer reply in its context, with an empty
    ``coherent`` field, and every tip on the card with an empty ``fair`` field (true of
    this call, and useful). A reply is judged in its call, not as a loose triple."""
    calls = []
    for dialogue, report in zip(dialogues, reports, strict=True):
        calls.append({
            "file": dialogue["file"], "style": dialogue["style"],
            "language": dialogue["language"], "score": report.get("score"),
            "opening": report.get("opening", ""),
            "turns": [{"learner": t.get("learner", ""), "buyer": t.get("buyer", ""),
                       "coherent": None} for t in report.get("turns", [])],
            "tips": [{"text": tip, "fair": None} for tip in report.get("feedback") or []],
        })
    return calls


def coherence_rate(path: Path) -> dict:
    """Rates a reviewer's judgements: coherent replies, from sampled triples or whole calls
    (``--review``), and fair tips (whole calls only). Entries left at null are not
    counted."""
    data = json.loads(path.read_text(encoding="utf-8"))
    turns = [t for c in data for t in c["turns"]] if data and "turns" in data[0] else data
    tips = [t for c in data for t in c.get("tips", [])] if data and "turns" in data[0] else []
    judged = [t["coherent"] for t in turns if t.get("coherent") is not None]
    fair = [t["fair"] for t in tips if t.get("fair") is not None]
    result = {"reviewed": len(judged), "coherent_rate": _rate(sum(map(bool, judged)), len(judged))}
    if fair:
        result |= {"tips_reviewed": len(fair), "tips_fair_rate": _rate(sum(map(bool, fair)),
                                                                        len(fair))}
    return result


def evaluate(set_name: str = "dev", sample: Path | None = None,
             sample_size: int = 80, review: Path | None = None) -> dict:
    """Every figure of the set as one JSON-ready dict (the floor test reads it too)."""
    library: dict[str, CompiledScenario] = {}
    dialogues = load_dialogues(set_name)
    reports = [play(d, library) for d in dialogues]
    overall = Tally()
    per_scenario: dict[str, Tally] = {}
    per_style: dict[str, Tally] = {}
    per_kind: dict[str, Tally] = {}
    flagship = Tally()
    rows = []
    confusions: Counter[tuple] = Counter()
    for dialogue, report in zip(dialogues, reports, strict=True):
        tally, row, confused = score_dialogue(dialogue, report)
        overall.add(tally)
        per_scenario.setdefault(dialogue["scenario"], Tally()).add(tally)
        per_style.setdefault(dialogue["style"], Tally()).add(tally)
        kind = "drill" if dialogue["scenario"].startswith(DRILL_PREFIX) else "full"
        per_kind.setdefault(kind, Tally()).add(tally)
        if dialogue["scenario"] == FLAGSHIP:
            flagship.add(tally)
        rows.append(row)
        confusions.update(confused)
    result = {
        "set": set_name,
        "overall": overall.summary(),
        "flagship_objective_f1_end": flagship.summary()["objective_f1_end"],
        "per_scenario": {sid: t.summary() for sid, t in sorted(per_scenario.items())},
        "per_style": {style: t.summary() for style, t in sorted(per_style.items())},
        "per_kind": {kind: t.summary() for kind, t in sorted(per_kind.items())},
        "act_confusions": [{"labelled": g, "reported": p, "turns": n}
                           for (g, p), n in confusions.most_common(15)],
        "calls": rows,
    }
    if sample is not None:
        triples = sample_triples(dialogues, reports, sample_size)
        sample.write_text(json.dumps(triples, ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
        result["sample"] = {"path": str(sample), "triples": len(triples)}
    if review is not None:
        calls = review_calls(dialogues, reports)
        review.write_text(json.dumps(calls, ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
        result["review"] = {"path": str(review), "calls": len(calls)}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "all"], default="dev")
    parser.add_argument("--sample", type=Path, help="write triples for a coherence review")
    parser.add_argument("--sample-size", type=int, default=80)
    parser.add_argument("--review", type=Path,
                        help="write whole calls (replies and tips) for a trainer's review")
    parser.add_argument("--reviewed", type=Path, help="a reviewed sample or review file to rate")
    args = parser.parse_args(argv)
    result = evaluate(args.set, args.sample, args.sample_size, args.review)
    if args.reviewed is not None:
        result["coherence"] = coherence_rate(args.reviewed)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
