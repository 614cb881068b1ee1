"""The score card of a finished call: every section, the total, tips and visit report."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState
from scoring.feedback import Tip, choose_tips
from scoring.preparation import PreparationResult
from scoring.sections import (
    QuestionMix,
    closing_score,
    objections_score,
    objectives_met,
    objectives_score,
    question_mix,
    questions_score,
    weighted_total,
)


@dataclass
class VisitReport:
    """The bezoekrapport: what the learner found out, and what is still unknown."""

    learned: list[tuple[str, str]] = field(default_factory=list)  # (objective id, buyer's words)
    missed: list[str] = field(default_factory=list)  # objective ids
    needs: list[str] = field(default_factory=list)
    next_step: str | None = None


@dataclass
class ScoreCard:
    total: int
    sections: dict[str, float | None]
    internal: dict[str, bool]
    external: dict[str, bool]
    questions: QuestionMix
    preparation: PreparationResult | None
    tips: list[Tip]
    visit_report: VisitReport


def score_call(
    cs: CompiledScenario, state: SessionState, preparation: PreparationResult | None = None
) -> ScoreCard:
    sections: dict[str, float | None] = {
        "preparation": float(preparation.score) if preparation is not None else None,
        "internal": objectives_score(cs, state, "internal"),
        "external": objectives_score(cs, state, "external"),
        "questions": questions_score(cs, state),
        "objections": objections_score(state),
        "closing": closing_score(state) if cs.scenario.closing is not None else None,
    }
    weights = cs.scenario.scoring.weights.model_dump()
    if cs.scenario.kind == "drill":
        weights["questions"] = weights["questions"] if state.history else 0
    return ScoreCard(
        total=weighted_total(sections, weights),
        sections=sections,
        internal=objectives_met(cs, state, "internal"),
        external=objectives_met(cs, state, "external"),
        questions=question_mix(state),
        preparation=preparation,
        tips=choose_tips(cs, state),
        visit_report=visit_report(cs, state),
    )


def visit_report(cs: CompiledScenario, state: SessionState) -> VisitReport:
    report = VisitReport()
    told = {cs.facts[f].objective for f in state.revealed if f in cs.facts}
    for oid in cs.internal_ids:
        if oid in told:
            answer = _answer_for(cs, state, oid)
            report.learned.append((oid, answer))
        else:
            report.missed.append(oid)
    report.needs = list(state.needs_stated)
    if state.closing["agreed"]:
        close = next((t for t in reversed(state.history)
                      if "propose_next_step" in t.moves or "ask_for_order" in t.moves), None)
        report.next_step = close.learner if close else None
    return report


def _answer_for(cs: CompiledScenario, state: SessionState, objective_id: str) -> str:
    """The buyer's words that answered this objective, as said in the call."""
    for turn in state.history:
        for fact_id in turn.facts:
            if cs.facts[fact_id].objective == objective_id and fact_id in state.revealed:
                return turn.buyer
    return ""
