"""The same script gives the same call in every process.

Trainers replay a learner's call (``play --script``) to check a score, and the dialogue
benchmark compares reports across runs: a reply that depended on Python's per-process hash
seed (set iteration order) once made the same learner line get different answers from one
run to the next."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import yaml

from tests.conftest import ROOT


def _report(script: str, hash_seed: str) -> dict:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    run = subprocess.run(
        [sys.executable, "-m", "bot", "play", "spin-printing-urgency", "--lang", "nl",
         "--script", script, "--json", "--date", "2026-12-01"],
        capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_a_replayed_call_is_the_same_under_any_hash_seed(tmp_path) -> None:
    dialogue = yaml.safe_load((ROOT / "benchmarks/dialogues/dev/"
                               "spin-printing-urgency.nl.good.h3.yaml").read_text("utf-8"))
    script = tmp_path / "call.txt"
    script.write_text("\n".join(t["learner"] for t in dialogue["turns"]) + "\n", "utf-8")
    first, second = _report(str(script), "1"), _report(str(script), "4242")
    assert [t["buyer"] for t in first["turns"]] == [t["buyer"] for t in second["turns"]]
    assert first["score"] == second["score"] and first["feedback"] == second["feedback"]
