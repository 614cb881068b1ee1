"""An audit of every card on the dev calls, played through the real path (as
``play --script --json`` and the benchmark play them): every tip is true of the call.

- every learner line a tip quotes (“...” or «...») is one the learner typed in that call,
  word for word or a clear prefix of it (a long line is cut with "…");
- a tip that says something is missing (an objective, a handling step such as the check,
  a next step, a summary, the visit's purpose) is never shown when the call's report
  shows it done: its ticked objectives, its objection steps, its closing, its turns;
- a card of 80 or more never tells the learner to play again or try another approach;
- the tips speak of the buyer as he or she, as the scenario has it, in both languages.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from typing import Any

import pytest

from bot.call_report import json_report, render_tip
from bot.engine.compiled import CompiledScenario
from bot.scenario.library import load_library
from bot.terminal import play_lines
from scoring.card import score_call
from scoring.feedback import Tip, role_ids
from scoring.sections import names_a_moment
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from dialogue_quality import DIALOGUES_DAY, load_dialogues

SENTINEL = "\x01"
LEARNER_VALUES = ("quote", "asked", "but")  # tip values that hold the learner's own words
QUOTED = re.compile(r"“([^”]*)”|«([^»]*)»")
PLAY_AGAIN = re.compile(
    r"\b(play|try|do) (it |this |the call |the exercise )?(again|once more)\b"
    r"|\b(different|another|other) (approach|tack)\b"
    r"|\b(opnieuw|nog een keer|nog eens) (spelen|proberen|doen)\b|\bandere aanpak\b"
    r"|\bspeel (het |dit )?(opnieuw|nog een keer|nog eens)\b", re.IGNORECASE)
# the buyer's pronouns outside quotes and brackets (a quote is the learner's or hers)
OTHER_GENDER = {
    ("en", "male"): re.compile(r"\b(she|her|hers|herself)\b", re.IGNORECASE),
    ("en", "female"): re.compile(r"\b(he|him|his|himself)\b", re.IGNORECASE),
    # Dutch "ze" is also "they" and "zijn" also "are": the unambiguous ones, and "ze"
    # with a verb in the singular
    ("nl", "male"): re.compile(r"\bhaar\b|\bze (vertelde|zei|kan|heeft|wil|maakte|vraagt|"
                               r"stemde|was|is|moest)\b", re.IGNORECASE),
    ("nl", "female"): re.compile(r"\b(hij|hem)\b", re.IGNORECASE),
}
_ASIDE = re.compile(r"“[^”]*”|«[^»]*»|\([^)]*\)")
MISSING_CLOSE = ("no_close", "vague_close", "firmer_close", "quote_close")
NOT_AGREED = ("close_not_earned", "close_not_agreed", "close_not_agreed_asked")


@cache
def _scenario(sid: str) -> CompiledScenario:
    return CompiledScenario(load_library(()).scenarios[sid])


def _play(dialogue: dict[str, Any]) -> tuple[CompiledScenario, dict[str, Any], list[Tip]]:
    """The call as the benchmark plays it: the JSON report and the card's tips."""
    cs = _scenario(dialogue["scenario"])
    call = play_lines(cs, dialogue["language"], [t["learner"] for t in dialogue["turns"]],
                      today=DIALOGUES_DAY)
    state, turns = call.state, call.turns
    card = score_call(cs, state, None, turns)
    return cs, json_report(cs, state, card), list(card.tips)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _typed(said: str, lines: list[str], prefix: bool) -> bool:
    """Whether a quoted piece is a line the learner typed: the whole line or a clear start
    of it (cut with "…", or ending where a word does: "Eight years, that's loyal!" before
    the "But ..." a tip names apart); the words after a "but" may come from the middle."""
    cut = said.endswith("…")
    core = _norm(said.removesuffix("…"))
    if not core:
        return False
    for line in map(_norm, lines):
        if core == line:
            return True
        if not prefix:
            if core in line:
                return True
            continue
        rest = line[len(core):] if line.startswith(core) else None
        if rest is not None and (cut or not rest[:1].isalnum()):
            return True
    return False


def quote_faults(lang: str, tip: Tip, lines: list[str]) -> list[str]:
    """The learner quotes of one tip that are no line the learner typed."""
    real = render_tip(lang, tip)
    blank = render_tip(lang, Tip(tip.key, {k: (SENTINEL if k in LEARNER_VALUES else v)
                                           for k, v in tip.values.items()}))
    real_parts = [a or b for a, b in QUOTED.findall(real)]
    blank_parts = [a or b for a, b in QUOTED.findall(blank)]
    faults: list[str] = []
    if len(real_parts) != len(blank_parts):
        # a typed “ or ” in the quote itself: check the values instead
        return [f"{k}: {v}" for k, v in tip.values.items()
                if k in LEARNER_VALUES and not _typed(v, lines, k != "but")]
    for said, slot in zip(real_parts, blank_parts, strict=True):
        if SENTINEL not in slot:
            continue
        pattern = re.escape(slot).replace(re.escape(SENTINEL), "(.+)")
        found = re.fullmatch(pattern, said, re.DOTALL)
        pieces = found.groups() if found else (said,)
        for index, piece in enumerate(pieces):
            at_start = index == 0 and slot.startswith(SENTINEL)
            if not _typed(piece, lines, prefix=at_start):
                faults.append(piece)
    return faults


def _labels(cs: CompiledScenario, lang: str, group: str) -> dict[str, str]:
    cl = cs.language(lang)
    ids = cs.internal_ids if group == "internal" else cs.external_ids
    return {oid: _norm(cl.text(cs.objectives[oid].label)) for oid in ids}


def missing_faults(cs: CompiledScenario, lang: str, report: dict[str, Any],
                   tips: list[Tip]) -> list[str]:
    """Tips that call missing what the report shows done."""
    faults: list[str] = []
    turns = report["turns"]
    acts = [t["act"] for t in turns]
    roles = role_ids(cs)
    for tip in tips:
        key = tip.key
        topics = _norm(tip.values.get("topics", ""))
        for group, tip_key in (("internal", "missed_internal"), ("external", "missed_external")):
            if key != tip_key:
                continue
            for oid, label in _labels(cs, lang, group).items():
                if label and label in topics and report["objectives"][group].get(oid):
                    faults.append(f"{key}: '{oid}' is ticked")
        if "steps" in tip.values:
            missing = {s.strip() for s in tip.values["steps"].split(",") if s.strip()}
            raised = [o for o in report["objections"] if o["raised"]]
            for step in missing:
                if raised and all(o["steps"].get(step) for o in raised):
                    faults.append(f"{key}: step '{step}' is done")
        if key in MISSING_CLOSE and report["closing"]["agreed"] and key != "vague_close":
            faults.append(f"{key}: the next step was agreed")
        if key == "no_close" and any(a in ("next_step_proposal", "ask_order") for a in acts):
            faults.append("no_close: a next step was proposed")
        if key in NOT_AGREED and report["closing"]["agreed"]:
            faults.append(f"{key}: she agreed")
        if key == "vague_close" and names_a_moment(
                cs, lang, tip.values.get("quote", "").removesuffix("…")):
            faults.append("vague_close: the proposal names a day and a time")
        if key == "summarise" and "summary" in acts:
            faults.append("summarise: a turn summed up")
        if key.startswith("state_objective") and "state_objective" in acts[:3]:
            faults.append(f"{key}: the opening stated the purpose")
        ticked = report["objectives"]["external"]
        for role, keys in (("introduce", ("introduce", "introduce_plain")),
                           ("solution", ("solution", "solution_follow_up")),
                           ("follow_up", ("no_close",))):
            oid = roles.get(role)
            if key in keys and oid is not None and ticked.get(oid):
                faults.append(f"{key}: '{oid}' is ticked")
        if key == "invite_introduction" and any(
                "invite_introduction" in t["details"]["moves"] for t in turns):
            faults.append("invite_introduction: a turn invited her")
    return faults


DIALOGUES = load_dialogues("dev")


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=[d["file"] for d in DIALOGUES])
def test_every_tip_is_true_of_the_call(dialogue: dict[str, Any]) -> None:
    cs, report, tips = _play(dialogue)
    lang = dialogue["language"]
    lines = [t["learner"] for t in report["turns"]]
    faults = [f"quote not typed: {q}" for tip in tips for q in quote_faults(lang, tip, lines)]
    faults += missing_faults(cs, lang, report, tips)
    if report["score"] >= 80:
        faults += [f"play again at {report['score']}: {text}" for text in report["feedback"]
                   if PLAY_AGAIN.search(_ASIDE.sub("", text))]
    other = OTHER_GENDER[(lang, cs.scenario.buyer.gender)]
    faults += [f"pronoun: {text}" for text in report["feedback"]
               if other.search(_ASIDE.sub("", text))]
    assert not faults, faults


def test_the_audit_finds_an_untyped_quote_and_a_missing_step_done() -> None:
    dialogue = next(d for d in DIALOGUES if d["file"].endswith(
        "drill-closing-next-step.en.good.h4.yaml"))
    cs, report, _ = _play(dialogue)
    lines = [t["learner"] for t in report["turns"]]
    assert quote_faults("en", Tip("pitch", {"quote": "We are the cheapest."}), lines)
    assert not quote_faults("en", Tip("pitch", {"quote": lines[0]}), lines)
    assert missing_faults(cs, "en", report, [Tip("no_close")])
    assert missing_faults(cs, "en", report, [Tip("vague_close", {"quote": lines[0],
                                                                 "parts": "who"})])
    assert PLAY_AGAIN.search("Good work. Play it again with a different approach.")
    assert OTHER_GENDER[("en", "male")].search("Ask her what she needs.")
