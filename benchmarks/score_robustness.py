"""How robust the score is: single-reading swings and leave-one-group-out gaps, on dev.

A score fitted to the dev calls can look fair there and miss on calls nobody wrote yet
(issue 11). This prints two checks as JSON:

- ``swings``: replays every dev call once, then changes one thing the engine read (drops
  one ticked objective, one objection step, flips "handled", reads one message as a pitch
  or not, flips the buyer's agreement) and reports how far the score moves: mean, worst,
  and how many single changes move it 15 points or more. A trainer's score degrades
  gracefully; a cliff here is a cliff on unseen calls.
- ``leave_out``: for a small grid of the scale and cost constants, picks the best on all
  calls but one scenario (style, language) and measures the gap on the group left out.
  A leave-out gap close to the dev gap means the constants are not fitted to dev.

    python benchmarks/score_robustness.py

The held-out set is not read.
"""

from __future__ import annotations

import copy
import itertools
import json
import statistics
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from dialogue_quality import load_dialogues  # noqa: E402

import scoring.card as card  # noqa: E402
import scoring.sections as sections  # noqa: E402
from bot.engine.compiled import CompiledScenario  # noqa: E402
from bot.engine.state import SessionState, TurnRecord  # noqa: E402
from bot.scenario.library import load_library  # noqa: E402
from bot.terminal import play_lines  # noqa: E402

Run = tuple[dict, CompiledScenario, SessionState, list[TurnRecord]]
CLIFF = 15  # points: a single reading that moves the score this far is a cliff
GRID = {  # (module, name or dict key) -> values tried; the first is the current value
    "call_base": (15.0, 10.0, 20.0),
    "call_top": (93.0, 90.0, 96.0),
    "drill_base": (30.0, 20.0, 40.0),
    "best_share": (sections.BEST_SHARE, 0.0, 0.5),
    "pitch_share_cost": (sections.PITCH_SHARE_COST, 60, 100),
}


def replay() -> list[Run]:
    """Every dev call played as ``play --script`` plays it, kept as state and turns."""
    library = {sid: CompiledScenario(s) for sid, s in load_library(()).scenarios.items()}
    runs: list[Run] = []
    for dialogue in load_dialogues("dev"):
        cs = library[dialogue["scenario"]]
        call = play_lines(cs, dialogue["language"], [t["learner"] for t in dialogue["turns"]])
        state, turns = call.state, call.turns
        runs.append((dialogue, cs, state, turns))
    return runs


def total(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord]) -> int:
    return card.score_call(cs, state, None, turns).total


def variants(run: Run) -> Iterator[tuple[str, SessionState, list[TurnRecord]]]:
    """The call with one reading changed, per kind of change."""
    _, _, state, turns = run
    for oid in list(state.objectives):
        changed = copy.deepcopy(state)
        changed.objectives.pop(oid)
        copies = [copy.copy(t) for t in turns]
        for t in copies:
            t.objectives = [o for o in t.objectives if o != oid]
        yield "drop_objective", changed, copies
    for key, objection in state.objections.items():
        if objection.raised_turn is None:
            continue
        for step, done in objection.steps.items():
            if done:
                changed = copy.deepcopy(state)
                changed.objections[key].steps[step] = False
                yield "drop_objection_step", changed, turns
        changed = copy.deepcopy(state)
        changed.objections[key].handled = not objection.handled
        yield "flip_handled", changed, turns
    for index, turn in enumerate(turns):
        copies = [copy.copy(t) for t in turns]
        copies[index].act = "solution" if turn.act == "pitch" else "pitch"
        yield "flip_pitch", state, copies
    if state.closing["attempted"]:
        changed = copy.deepcopy(state)
        changed.closing["agreed"] = not state.closing["agreed"]
        yield "flip_agreed", changed, turns


def swings(runs: list[Run]) -> dict:
    moved: dict[str, list[int]] = {}
    for run in runs:
        _, cs, state, turns = run
        before = total(cs, state, turns)
        for kind, changed, changed_turns in variants(run):
            moved.setdefault(kind, []).append(abs(total(cs, changed, changed_turns) - before))
    return {kind: {"changes": len(v), "mean": round(statistics.mean(v), 1), "worst": max(v),
                   f"at_least_{CLIFF}": sum(1 for x in v if x >= CLIFF)}
            for kind, v in moved.items()}


@contextmanager
def constants(config: dict) -> Iterator[None]:
    saved = (dict(sections.TRAINER_BASE), dict(sections.TRAINER_TOP), sections.BEST_SHARE,
             sections.PITCH_SHARE_COST)
    sections.TRAINER_BASE.update(call=config["call_base"], drill=config["drill_base"])
    sections.TRAINER_TOP["call"] = config["call_top"]
    sections.BEST_SHARE = config["best_share"]
    sections.PITCH_SHARE_COST = config["pitch_share_cost"]
    try:
        yield
    finally:
        sections.TRAINER_BASE.update(saved[0])
        sections.TRAINER_TOP.update(saved[1])
        sections.BEST_SHARE, sections.PITCH_SHARE_COST = saved[2], saved[3]


def gaps(runs: list[Run]) -> list[int]:
    return [abs(total(cs, state, turns) - d["fair_score"]) for d, cs, state, turns in runs]


def _summary(values: list[int]) -> dict:
    return {"mean": round(statistics.mean(values), 2), "worst": max(values)}


def leave_out(runs: list[Run]) -> dict:
    configs = [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]
    table = []
    for config in configs:
        with constants(config):
            table.append(gaps(runs))

    def fit(values: list[int]) -> float:  # the mean, with an eye on the worst call
        return statistics.mean(values) + max(values) / 10

    def by(group: Callable[[dict], str]) -> dict:
        left: list[int] = []
        for name in sorted({group(d) for d, *_ in runs}):
            inside = [i for i, (d, *_) in enumerate(runs) if group(d) != name]
            outside = [i for i, (d, *_) in enumerate(runs) if group(d) == name]
            best = min(range(len(configs)), key=lambda k: fit([table[k][i] for i in inside]))
            left += [table[best][i] for i in outside]
        return _summary(left)

    best = min(range(len(configs)), key=lambda k: fit(table[k]))
    return {
        "current": _summary(table[0]),
        "best_on_all_dev": {**_summary(table[best]), "constants": configs[best]},
        "scenario_left_out": by(lambda d: d["scenario"]),
        "style_left_out": by(lambda d: d["style"]),
        "language_left_out": by(lambda d: d["language"]),
    }


def main() -> int:
    runs = replay()
    print(json.dumps({"calls": len(runs), "swings": swings(runs), "leave_out": leave_out(runs)},
                     indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
