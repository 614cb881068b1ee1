"""benchmarks/learner_view.py: what the writers of labelled dialogues see is what a
learner sees (the briefing with its month, her first words, the card's ids)."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from learner_view import main


def test_views_show_the_opening_a_learner_reads(tmp_path) -> None:
    assert main([str(tmp_path)]) == 0
    drill = (tmp_path / "drill-objection-current-supplier.en.md").read_text(encoding="utf-8")
    assert "AutoLease Oost" in drill  # her concern is part of her first words
    assert "`clarify`" in drill and "`happy_with_supplier`" in drill
    renewal = (tmp_path / "objection-software-renewal.nl.md").read_text(encoding="utf-8")
    assert "juni" in renewal  # the month of the role-play, as the briefing says it
    assert "Loonhuis" not in renewal.split("## The card")[0].split("opens the call")[1]
