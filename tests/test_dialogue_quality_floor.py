"""The buyer must not understand learners worse than it does today, on the dev dialogues.

Plays the labelled dev calls in benchmarks/dialogues/dev through the same path as
``python -m bot play --script --json`` (benchmarks/dialogue_quality.py prints all
figures). The floors sit a little below what the engine reaches on the 98 calls after it
read acts, form and SPIN by grammar and context (act 0.92, acts other than fact questions
0.87, form 0.98, SPIN 0.90, no stonewalls); the 48 calls written without sight of the
engine started at act 0.80, SPIN 0.79, 4 stonewalled calls. The first held-out set (24
calls, run only for figures) joined dev afterwards as the `.h1` files, which lowered the
dev figures to act 0.90, other acts 0.85, worst score gap 55; reading acts by the
method's rules in everyday wording then brought act 0.93, other acts 0.89, SPIN 0.91 and
the flagship's end-of-call F1 0.96. The second held-out set (29 calls) joined as the
`.h2` files after it had been run for figures; the floors below sit under the 151-call
figures then (act 0.907, other acts 0.857, form 0.98, SPIN 0.89, gap 7.4 / 35, flagship
end F1 0.949), raised after two rounds of work on the testers' and reviewers' findings
(act 0.922, other acts 0.878, form 0.982, SPIN 0.917, objective F1 per turn 0.873 and at
the end 0.946, gap 6.5 / 23, flagship end F1 0.968). The third held-out set (28 calls)
joined as the `.h3` files after it had been run for figures, which lowered the 179-call
figures to act 0.906, other acts 0.851, SPIN 0.89, objective F1 per turn 0.852 and at the
end 0.937, gap 7.5 / 52, flagship end F1 0.964; the floors below sit under the figures
after the rounds of work that followed (act 0.921, other acts 0.876, form 0.981, SPIN
0.908, objective F1 per turn 0.863 and at the end 0.946, gap 6.7 / 26). The fourth
held-out set (28 calls) joined as the `.h4` files after it had been run for figures, which
lowered the 207-call figures to act 0.911, other acts 0.863, SPIN 0.888, objective F1 per
turn 0.859 and at the end 0.942, gap 7.3 / 29, flagship end F1 0.960; the floors below sit
under the figures after the rounds of work that followed (act 0.918, other acts 0.870, form
0.985, SPIN 0.909, objective F1 per turn 0.869 and at the end 0.948, gap 6.8 / 24, flagship
end F1 0.964). Raise them as the engine improves.
The held-out set stays out of the tests.
"""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from dialogue_quality import ACTS, evaluate, load_dialogues, play

FLOORS = {
    "act_accuracy": 0.913,
    "act_accuracy_non_fact": 0.865,
    "form_accuracy": 0.98,
    "spin_accuracy": 0.90,
    "objective_f1_turn": 0.862,
    "objective_f1_end": 0.942,
}
CEILINGS = {
    "calls_stonewalled": 0,
    "calls_cut_short": 0,
    "calls_ending_wrong": 1,
    "turns_unplayed": 0,
    # 7.3 when the .h4 set joined; 6.7 before it; 7.5 when the .h3 set joined; 6.5 on 151 calls
    "score_gap_mean": 7.2,  # 6.8 at the end of the rounds after the .h4 set joined
    # 52 when the .h3 set joined (a drill); 27 once a drill answer whose steps were read in
    # words that do not take them counts as a false start (round 11); 23 on the 151 calls
    "score_gap_worst": 35,
    "cards_outside_tip_range": 0,  # every card holds 3-5 tips
}
FLAGSHIP_END_F1_FLOOR = 0.958  # 0.964 now; 0.960 when the .h4 set joined; 0.964 with the .h3 set


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
