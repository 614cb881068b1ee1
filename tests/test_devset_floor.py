"""Regression floor on the hand-labelled dev set (tests/data/devset).

The dev set was written before the engine was tuned, and the tuning was measured on it;
these floors sit a little below today's figures, so a change that breaks detection
fails here instead of in a trainer's class. benchmarks/nlu_accuracy.py prints the figures.
"""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from nlu_accuracy import evaluate


def test_dev_set_accuracy_stays_above_the_floor():
    summary, rows = evaluate()
    assert len(rows) >= 450
    for lang in ("nl", "en"):
        assert summary[lang]["form_accuracy"] >= 0.95, summary[lang]
        assert summary[lang]["spin_accuracy"] >= 0.88, summary[lang]
        assert summary[lang]["objective_f1"] >= 0.85, summary[lang]
    assert summary["transcripts"]["objective_f1"] >= 0.88, summary["transcripts"]
