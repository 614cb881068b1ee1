"""Choose 3-5 tips, each quoting the learner's own words. Pure: returns keys and values.

The wording lives in the translation files (``bot/i18n``); a tip here is a key plus the
values to fill in, so the same tip reads naturally in Dutch and English.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState, TurnRecord
from scoring.sections import question_mix

MAX_TIPS = 5
MIN_TIPS = 3
QUOTE_CHARS = 90


@dataclass(frozen=True)
class Tip:
    key: str
    values: dict[str, str] = field(default_factory=dict)


def quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _first(turns: list[TurnRecord], predicate) -> TurnRecord | None:
    return next((t for t in turns if predicate(t)), None)


def choose_tips(cs: CompiledScenario, state: SessionState) -> list[Tip]:
    cl = cs.language(state.lang)
    turns = state.history
    tips: list[Tip] = []
    external = set(cs.external_ids)
    buyer = cs.scenario.buyer.name.split()[0]
    if not turns:
        return [Tip("no_turns", {"buyer": buyer})]
    first = turns[0]
    if "introduce" in external and "introduce" not in state.objectives:
        tips.append(Tip("introduce", {"quote": quote(first.learner), "buyer": buyer}))
    drill = cs.scenario.kind == "drill"
    if "needs" in external and "objective_stated" not in state.flags and not drill:
        tips.append(Tip("state_objective", {"quote": quote(first.learner)}))
    pitch = _first(turns, lambda t: t.form is None and len(t.learner.split()) >= 14
                   and not t.objectives and not t.facts)
    if pitch is not None:
        tips.append(Tip("pitch", {"quote": quote(pitch.learner)}))
    discount = _first(turns, lambda t: "discount" in t.moves)
    if discount is not None:
        tips.append(Tip("discount", {"quote": quote(discount.learner)}))
    for oid, ostate in state.objections.items():
        if ostate.raised_turn is None or ostate.handled:
            continue
        reply = _first(turns[ostate.raised_turn:], lambda t: True) if ostate.raised_turn < len(
            turns) else None
        missing = [s for s, done in ostate.steps.items() if not done]
        tips.append(Tip("objection", {
            "quote": quote(reply.learner) if reply else "",
            "steps": ", ".join(missing),
            "advice": cl.text(cs.objections[oid].good_handling),
        }))
    mix = question_mix(state)
    closed = _first(turns, lambda t: t.form == "closed" and t.facts)
    if closed is not None and mix.total and mix.closed / mix.total > 0.3:
        tips.append(Tip("closed_question", {"quote": quote(closed.learner)}))
    missed = [cs.objectives[o] for o in cs.internal_ids if o not in state.objectives]
    if missed:
        labels = "; ".join(cl.text(o.label) for o in missed[:3])
        tips.append(Tip("missed_internal", {"topics": labels}))
    if cs.scenario.kind in ("spin", "first_visit") and mix.total >= 3:
        if mix.spin["implication"] == 0:
            problem = _first(turns, lambda t: t.spin == "problem")
            if problem is not None:
                tips.append(Tip("implication", {"quote": quote(problem.learner)}))
        elif mix.spin["need_payoff"] == 0:
            tips.append(Tip("need_payoff", {"buyer": buyer}))
    if "solution" in external and "solution" not in state.objectives and state.needs_stated:
        need = cl.text(cs.needs[state.needs_stated[0]].label).lower()
        tips.append(Tip("solution", {"need": need, "buyer": buyer}))
    attempt = _first(turns, lambda t: "propose_next_step" in t.moves or "ask_for_order" in t.moves)
    if cs.scenario.closing is not None and not state.closing["agreed"]:
        if attempt is None:
            tips.append(Tip("no_close", {}))
        elif not state.closing["concrete"]:
            tips.append(Tip("vague_close", {"quote": quote(attempt.learner)}))
    if len(tips) < MIN_TIPS:
        tips.extend(_strengths(turns, state))
    return tips[:MAX_TIPS]


def _strengths(turns: list[TurnRecord], state: SessionState) -> list[Tip]:
    found: list[Tip] = []
    for spin, key in (("need_payoff", "good_need_payoff"), ("implication", "good_implication")):
        turn = _first(turns, lambda t, s=spin: t.spin == s)
        if turn is not None:
            found.append(Tip(key, {"quote": quote(turn.learner)}))
    opener = _first(turns, lambda t: "introduce" in t.objectives)
    if opener is not None:
        found.append(Tip("good_opening", {"quote": quote(opener.learner)}))
    if state.closing["agreed"]:
        close = _first(reversed(turns), lambda t: "propose_next_step" in t.moves
                       or "ask_for_order" in t.moves)
        if close is not None:
            found.append(Tip("good_close", {"quote": quote(close.learner)}))
    if not found:
        found.append(Tip("keep_practising", {}))
    return found
