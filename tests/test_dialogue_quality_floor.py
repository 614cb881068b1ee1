"""The buyer must not understand learners worse than it does today, on the dev dialogues.

Plays the labelled dev calls in benchmarks/dialogues/dev through the same path as
``python -m bot play --script --json`` (benchmarks/dialogue_quality.py prints all
figures). Each held-out set joins dev (as the `.h1` to `.h8` files) after it has been run
for figures; being harder than what the engine was tuned on, it lowers the dev figures,
and the floors are set a little below them, then raised after the rounds of work that
follow. History of the figures at those points (act / other acts / form / SPIN, objective
F1 per turn / at the end, score gap mean / worst, flagship end F1):

- 98 calls, after reading acts by grammar and context: 0.92 / 0.87 / 0.98 / 0.90;
- 151 calls with `.h2`: 0.907 / 0.857 / 0.98 / 0.89, gap 7.4 / 35, flagship 0.949;
  after two rounds 0.922 / 0.878 / 0.982 / 0.917, F1 0.873 / 0.946, gap 6.5 / 23;
- 179 calls with `.h3`: 0.906 / 0.851 / – / 0.89, F1 0.852 / 0.937, gap 7.5 / 52;
  after the rounds 0.921 / 0.876 / 0.981 / 0.908, F1 0.863 / 0.946, gap 6.7 / 26;
- 207 calls with `.h4`: 0.911 / 0.863 / 0.980 / 0.888, F1 0.859 / 0.942, gap 7.3 / 29,
  flagship 0.960; after the rounds 0.918 / 0.870 / 0.985 / 0.909, F1 0.869 / 0.948,
  gap 6.8 / 24, flagship 0.964;
- 235 calls with `.h5` (1 December): 0.899 / 0.842 / 0.980 / 0.889, F1 0.854 / 0.944,
  gap 7.4 / 31, flagship 0.963; two of its calls end otherwise than their writers expected;
  after the rounds 0.905 / 0.851 / 0.983 / 0.901, F1 0.858 / 0.946, gap 7.1 / 27,
  flagship 0.965, every call ending as its writer expected;
- 263 calls with `.h6`: 0.895 / 0.836 / 0.979 / 0.891, F1 0.844 / 0.942, gap 7.7 / 28,
  flagship 0.959; after round 20 (2 December) 0.904 / 0.849 / 0.979 / 0.909, F1 0.852 /
  0.944, gap 7.7 / 27, flagship 0.962;
- 291 calls with `.h7` (2 December): 0.899 / 0.840 / 0.979 / 0.904, F1 0.852 / 0.944,
  gap 8.2 / 32, flagship 0.965; one call ends otherwise than its writer expected; after
  rounds 21 and 22 (2 December) 0.913 / 0.864 / 0.979 / 0.909, F1 0.898 / 0.954, gap
  7.0 / 24, flagship 0.966;
- 319 calls with `.h8` (2 December): 0.910 / 0.859 / 0.980 / 0.908, F1 0.899 / 0.954,
  gap 7.2 / 40, flagship 0.963; two calls end otherwise than their writers expected;
  after rounds 23 and 24 and the lead's fixes (2 December) 0.920 / 0.875 / 0.981 / 0.918,
  F1 0.912 / 0.961, gap 6.7 / 28, flagship 0.981 (part of the SPIN, end-F1 and flagship
  gain is labels brought in line with the eighth set's conventions: no `introduce` at the
  end without an invitation, no SPIN type for her opinion of the offer).

Raise the floors as the engine improves. The held-out set stays out of the tests.
"""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from dialogue_quality import ACTS, evaluate, load_dialogues, play

FLOORS = {
    "act_accuracy": 0.918,
    "act_accuracy_non_fact": 0.872,
    "form_accuracy": 0.979,
    "spin_accuracy": 0.915,
    "objective_f1_turn": 0.909,
    "objective_f1_end": 0.958,
}
CEILINGS = {
    "calls_stonewalled": 0,
    "calls_cut_short": 0,
    "calls_ending_wrong": 1,
    "turns_unplayed": 0,
    # 6.7 after round 24, 7.2 when the .h8 set joined, 7.0 after round 22 (see the
    # docstring)
    "score_gap_mean": 6.9,
    # 28 after round 24 (a first visit typed on a phone, a solution read as a pitch); 40
    # when the .h8 set joined (a drill); 52 when the .h3 set joined (a drill); 27 once
    # a drill answer whose steps were read in words that do not take them counts as a
    # false start (round 11); 23 on the 151 calls
    "score_gap_worst": 30,
    "cards_outside_tip_range": 0,  # every card holds 3-5 tips
}
FLAGSHIP_END_F1_FLOOR = 0.978  # 0.981 after round 24 (labels, see above); 0.963 with .h8


@pytest.fixture(scope="module")
def figures() -> dict:
    return evaluate("dev")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_understanding_does_not_fall_below_floor(figures: dict, name: str) -> None:
    assert figures["overall"][name] >= FLOORS[name], figures["overall"]


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_call_defects_do_not_grow(figures: dict, name: str) -> None:
    assert figures["overall"][name] <= CEILINGS[name], [
        (c["file"], c["turns_played"], c["end_reason"], c["gap"]) for c in figures["calls"]]


def test_flagship_card_ticks_what_the_learner_worked_towards(figures: dict) -> None:
    assert figures["flagship_objective_f1_end"] >= FLAGSHIP_END_F1_FLOOR


def test_dev_labels_use_the_contract_vocabulary_and_the_scenarios_ids() -> None:
    """A typo in a label would silently lower every figure; catch it here instead."""
    known_ids: dict[str, set[str]] = {}
    for dialogue in load_dialogues("dev"):
        sid = dialogue["scenario"]
        if sid not in known_ids:
            probe = {"scenario": sid, "language": dialogue["language"],
                     "turns": [{"learner": "Goedemorgen."}]}
            report = play(probe, {})
            known_ids[sid] = {oid for group in report["objectives"].values() for oid in group}
        assert set(dialogue["expected_objectives"]) <= known_ids[sid], dialogue["file"]
        assert 0 <= dialogue["fair_score"] <= 100, dialogue["file"]
        for turn in dialogue["turns"]:
            where = (dialogue["file"], turn["learner"])
            assert turn["act"] in ACTS, where
            assert turn["form"] in (None, "open", "closed"), where
            assert turn["spin"] in (None, "situation", "problem", "implication",
                                    "need_payoff"), where
            assert turn["form"] is not None or turn["spin"] is None, where
            assert set(turn["objectives"]) <= known_ids[sid], where
            assert turn["good_reply"].strip(), where
