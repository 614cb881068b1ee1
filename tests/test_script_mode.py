"""``play --script``: the lines ``/hint`` and ``/stop`` behave as in a live call
(contract.md): a hint is no turn and is listed under "hints"; ``/stop`` ends the call."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def play(tmp_path, lines: str, lang: str = "en",
         scenario: str = "first-visit-cleaning") -> dict:
    script = tmp_path / "call.txt"
    script.write_text(lines, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "play", scenario, "--script", str(script),
         "--lang", lang, "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_hint_is_not_a_turn_and_stop_ends_the_call(tmp_path) -> None:
    report = play(tmp_path, "/hint\nGood morning, I'm Tom from SchoonWerk.\n/hint\n"
                            "Who does your cleaning at the moment?\n/stop\n"
                            "When does your contract end?\n")
    assert [t["learner"] for t in report["turns"]] == [
        "Good morning, I'm Tom from SchoonWerk.", "Who does your cleaning at the moment?"]
    assert len(report["hints"]) == 2
    assert all(isinstance(h, str) and h and not h.startswith("/") for h in report["hints"])
    assert report["hints"][0] != report["hints"][1]  # each hint follows the call so far
    assert not report["objectives"]["internal"]["contract_end"]  # never asked: after /stop


def test_without_commands_the_report_has_an_empty_hint_list(tmp_path) -> None:
    report = play(tmp_path, "Goedemorgen, ik ben Tom van SchoonWerk.\n", lang="nl")
    assert report["hints"] == [] and len(report["turns"]) == 1


def test_a_mistyped_command_in_a_live_terminal_call_is_not_sent_to_the_buyer() -> None:
    """A student typing "/skip" or "/hlep" mid-call gets told so; the buyer never sees it."""
    run = subprocess.run(
        [sys.executable, "-m", "bot", "play", "first-visit-cleaning", "--lang", "en"],
        input="/skip\nGood morning, I'm Tom from SchoonWerk.\n/hlep\n/stop\n",
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    call = run.stdout.split("/stop to end the call.", 1)[1]  # after the preparation and intro
    assert "/hlep is not a command here" in call
    assert call.count("Marieke de Groot:") == 2  # her opening and one reply: /hlep was no turn


def test_the_report_holds_her_opening_words(tmp_path) -> None:
    """A reviewer reading a scripted call sees what the learner saw first: in an objection
    drill her concern comes before the learner's first line."""
    report = play(tmp_path, "I understand. What do you like most about them?\n",
                  scenario="drill-objection-current-supplier")
    assert "AutoLease Oost" in report["opening"], report["opening"]
    greeting = play(tmp_path, "Good morning!\n")["opening"]
    assert "Marieke de Groot" in greeting and "AutoLease" not in greeting
