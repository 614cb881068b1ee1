"""Score each part of the call, 0-100, from what the engine recorded. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState, TurnRecord

OPEN_TARGET = 0.7  # a first visit is mostly open questions
ADVANCED_TARGET = 0.3  # share of problem/implication/need-payoff questions
TRIED_CREDIT = 0.5  # a handling step attempted but not done well (an untied answer)


@dataclass
class QuestionMix:
    open: int = 0
    closed: int = 0
    spin: dict[str, int] = field(
        default_factory=lambda: {"situation": 0, "problem": 0, "implication": 0, "need_payoff": 0}
    )

    # Questions that gather information (they have a SPIN type); agenda checks, proposals
    # and check questions are closed by nature and are not held against the learner.
    asking_open: int = 0
    asking_closed: int = 0

    @property
    def total(self) -> int:
        return self.open + self.closed

    @property
    def asking(self) -> int:
        return self.asking_open + self.asking_closed


def question_mix(turns: list[TurnRecord]) -> QuestionMix:
    mix = QuestionMix()
    for turn in turns:
        if turn.form == "open":
            mix.open += 1
        elif turn.form == "closed":
            mix.closed += 1
        if turn.spin in mix.spin:
            mix.spin[turn.spin] += 1
            if turn.form == "open":
                mix.asking_open += 1
            elif turn.form == "closed":
                mix.asking_closed += 1
    return mix


def objectives_met(cs: CompiledScenario, state: SessionState, group: str) -> dict[str, bool]:
    ids = cs.internal_ids if group == "internal" else cs.external_ids
    return {oid: oid in state.objectives for oid in ids}


def objectives_score(cs: CompiledScenario, state: SessionState, group: str) -> float | None:
    met = objectives_met(cs, state, group)
    if not met:
        return None
    weights = {oid: cs.objectives[oid].weight for oid in met}
    total = sum(weights.values())
    if total == 0:
        return None
    return 100.0 * sum(w for oid, w in weights.items() if met[oid]) / total


def questions_score(cs: CompiledScenario, turns: list[TurnRecord]) -> float | None:
    mix = question_mix(turns)
    if mix.asking == 0:
        return None if cs.scenario.kind == "drill" else 0.0  # a drill may ask nothing
    open_part = min(1.0, (mix.asking_open / mix.asking) / OPEN_TARGET)
    spin_total = sum(mix.spin.values())
    advanced = mix.spin["problem"] + mix.spin["implication"] + 2 * mix.spin["need_payoff"]
    spin_part = min(1.0, (advanced / spin_total) / ADVANCED_TARGET) if spin_total else 0.0
    if cs.scenario.kind == "spin":
        deep = mix.spin["implication"] + mix.spin["need_payoff"]
        spin_part = min(spin_part, min(1.0, deep / 3))
        return 100.0 * (0.35 * open_part + 0.65 * spin_part)
    return 100.0 * (0.6 * open_part + 0.4 * spin_part)


def objections_score(state: SessionState) -> float | None:
    raised = [o for o in state.objections.values() if o.raised_turn is not None]
    if not raised:
        return None
    total = 0.0
    for o in raised:
        tried = sum(1 for s in o.tried if not o.steps.get(s))
        steps = (sum(o.steps.values()) + TRIED_CREDIT * tried) / len(o.steps)
        total += 0.5 * steps + (0.5 if o.handled else 0.0)
    return 100.0 * total / len(raised)


def closing_score(state: SessionState) -> float:
    c = state.closing
    if c["agreed"]:
        return 100.0
    if c["attempted"] and c["concrete"]:
        return 60.0
    if c["attempted"]:
        return 35.0
    return 0.0


def weighted_total(parts: dict[str, float | None], weights: dict[str, float]) -> int:
    """Weighted mean of the parts that apply; a part that did not occur is left out."""
    used = {k: w for k, w in weights.items() if w > 0 and parts.get(k) is not None}
    total_weight = sum(used.values())
    if total_weight == 0:
        return 0
    value = sum(parts[k] * w for k, w in used.items()) / total_weight  # type: ignore[operator]
    return max(0, min(100, round(value)))


PITCH_COST = 8  # points off the total per pitch, up to PITCH_COST_MAX
PITCH_COST_MAX = 24
DISCOUNT_COST = 10


def conduct_deduction(turns: list[TurnRecord]) -> int:
    """Points off for what the method warns against whatever else went well: pitching
    before tying the offer to a need, and offering a discount."""
    pitches = sum(1 for t in turns if t.act == "pitch")
    discounts = sum(1 for t in turns if "discount" in t.moves)
    return min(PITCH_COST_MAX, PITCH_COST * pitches) + min(2 * DISCOUNT_COST,
                                                            DISCOUNT_COST * discounts)
