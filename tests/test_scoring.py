"""Scores are fair: a well-run call scores high, a pitch low, and tips quote the learner."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from bot.engine.compiled import CompiledScenario
from bot.terminal import run_script
from scoring.preparation import parse_prep_text, score_preparation
from tests.conftest import ROOT

TRANSCRIPTS = ROOT / "tests" / "data" / "devset" / "transcripts"


def _transcript(name: str) -> tuple[str, list[str]]:
    data = yaml.safe_load((TRANSCRIPTS / f"{name}.yaml").read_text(encoding="utf-8"))
    return data["lang"], [t["text"] for t in data["turns"]]


@pytest.mark.parametrize("name", ["nl_good", "en_good"])
def test_well_run_call_scores_at_least_80(flagship: CompiledScenario, name: str):
    lang, lines = _transcript(name)
    report = run_script(flagship, lang, lines, None)
    assert report["score"] >= 80, report["sections"]
    assert report["closing"] == {"attempted": True, "agreed": True}
    assert report["questions"]["open"] > report["questions"]["closed"]


@pytest.mark.parametrize("name", ["nl_pitch", "en_pitch"])
def test_pitch_without_questions_scores_at_most_30(flagship: CompiledScenario, name: str):
    lang, lines = _transcript(name)
    report = run_script(flagship, lang, lines, None)
    assert report["score"] <= 30
    assert report["questions"]["open"] + report["questions"]["closed"] == 0


def test_poor_call_scores_between_pitch_and_good(flagship: CompiledScenario):
    scores = {}
    for name in ("nl_pitch", "nl_poor", "nl_good"):
        lang, lines = _transcript(name)
        scores[name] = run_script(flagship, lang, lines, None)["score"]
    assert scores["nl_pitch"] < scores["nl_poor"] < scores["nl_good"]


def test_tips_quote_the_learners_own_words(flagship: CompiledScenario):
    lines = ["Wij zijn de beste en goedkoopste schoonmaker van Nederland met jarenlange "
             "ervaring, kwaliteit en gecertificeerde mensen.",
             "Bent u tevreden over uw schoonmaker?", "Heeft u veel vierkante meters?"]
    report = run_script(flagship, "nl", lines, None)
    assert 3 <= len(report["feedback"]) <= 5
    joined = " ".join(report["feedback"])
    assert "Bent u tevreden over uw schoonmaker?" in joined
    assert "Wij zijn de beste" in joined


def test_preparation_is_scored_against_the_checklist(flagship: CompiledScenario):
    prep = parse_prep_text("internal:\n- NAW\n- dmu\n- huidige lev + tevredenheid\n"
                           "- m2 / freq\nexternal:\nkennismaken\nwensen en behoeften\n"
                           "questions:\n- welke ruimtes, ramen?\n")
    result = score_preparation(flagship.scenario, "nl", prep)
    assert {"prep_naw", "prep_dmu", "prep_supplier", "prep_scope", "prep_intro",
            "prep_needs", "q_services"} <= set(result.covered)
    assert "prep_price" in result.missing and "prep_contract" in result.missing
    assert 0 < result.score < 100
    empty = score_preparation(flagship.scenario, "nl", parse_prep_text(""))
    assert empty.score == 0 and not empty.covered


def test_play_json_follows_the_contract(tmp_path):
    script = tmp_path / "call.txt"
    script.write_text("# a comment\nGood morning, I'm Tom from SchoonWerk.\n\n"
                      "Who does your cleaning at the moment?\n", encoding="utf-8")
    prep = tmp_path / "prep.txt"
    prep.write_text("internal:\nDMU\nexternal:\nget to know\nquestions:\nwindows\n")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "play", "first-visit-cleaning", "--script", str(script),
         "--prep", str(prep), "--lang", "en", "--json"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["scenario"] == "first-visit-cleaning" and report["language"] == "en"
    assert isinstance(report["score"], int) and 0 <= report["score"] <= 100
    assert set(report["objectives"]["internal"]) == {
        "naw", "dmu", "newsletter", "current_supplier", "scope", "competitor_price",
        "contract_end", "new_appointment"}
    assert set(report["objectives"]["external"]) == {"introduce", "needs", "solution",
                                                     "follow_up"}
    assert set(report["questions"]["spin"]) == {"situation", "problem", "implication",
                                                "need_payoff"}
    assert [t["learner"] for t in report["turns"]] == [
        "Good morning, I'm Tom from SchoonWerk.", "Who does your cleaning at the moment?"]
    assert report["turns"][0]["form"] is None and report["turns"][1]["form"] == "open"
    assert report["turns"][1]["objectives"] == ["current_supplier"]
    assert report["objections"][0]["id"] == "price"
    assert set(report["objections"][0]["steps"]) == {"acknowledge", "clarify", "respond", "check"}
    assert report["preparation"]["score"] > 0 and "prep_dmu" in report["preparation"]["covered"]
    assert report["closing"] == {"attempted": False, "agreed": False}
    assert all(isinstance(tip, str) and tip for tip in report["feedback"])


def test_play_errors_exit_2_with_reason(tmp_path):
    unknown = subprocess.run([sys.executable, "-m", "bot", "play", "nope", "--script",
                              str(tmp_path / "x.txt"), "--json"],
                             capture_output=True, text=True, cwd=ROOT)
    assert unknown.returncode == 2 and "unknown scenario" in unknown.stderr
    assert unknown.stdout == ""
    missing = subprocess.run([sys.executable, "-m", "bot", "play", "first-visit-cleaning",
                              "--script", str(tmp_path / "missing.txt"), "--json"],
                             capture_output=True, text=True, cwd=ROOT)
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_scenarios_json_lists_the_library():
    run = subprocess.run([sys.executable, "-m", "bot", "scenarios", "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0
    rows = json.loads(run.stdout)
    flagship = next(r for r in rows if r["id"] == "first-visit-cleaning")
    assert flagship == {"id": "first-visit-cleaning", "title": flagship["title"],
                        "kind": "first_visit", "languages": ["nl", "en"], "minutes": 15}
