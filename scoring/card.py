"""The score card of a finished call: every section, the total, tips and visit report."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.acts import Act
from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState, TurnRecord
from scoring.feedback import EARLY_PITCH_ASKS, Tip, choose_tips, first_pitched, pitch_tip_key
from scoring.notes import note
from scoring.preparation import PreparationResult
from scoring.sections import (
    QuestionMix,
    agreed_to_a_summary,
    closing_score,
    conduct_costs,
    external_ticked,
    fact_items,
    heard_facts,
    objections_score,
    objectives_met,
    objectives_score,
    on_trainer_scale,
    question_mix,
    questions_score,
    weighted_total,
)


@dataclass
class VisitReport:
    """The bezoekrapport: what the learner found out, and what is still unknown."""

    learned: list[tuple[str, str]] = field(default_factory=list)  # (objective id, short notes)
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
    turns: list[TurnRecord] = field(default_factory=list)
    deduction: int = 0
    # why points came off (the kinds of ``conduct_costs``), shown under the sections
    deduction_reasons: list[str] = field(default_factory=list)
    # the external objective of the next step the learner proposed but she has not agreed
    # to ("Wait, that date isn't agreed yet"): it earns its credit, and the card marks it
    # proposed, not agreed (its label says "agree a concrete next step")
    unagreed: str | None = None


# What the method warns against (pitching, a discount, chat) costs points, but a call keeps
# half of what its questions and steps earned: the writers' trainers gave the calls that
# pitched throughout yet asked a few real questions about half their worth (dev, pitch
# style: mean gap 9.1 at a third kept, signed -5; 7.0 and 0 at half; 0.45-0.6 all within
# 0.1 of it overall).
KEPT_AFTER_DEDUCTION = 0.5
# Acts that are part of the method whatever the engine made of their details: a learner
# who did these earns the trainer's base even when no objective or step was recognised,
# so one missed detection is no cliff from a base to nothing. An answer to an objection
# counts by its steps, a proposal when it is concrete (sales talk is neither).
METHOD_ACTS = frozenset({Act.STATE_OBJECTIVE, Act.SUMMARY})


def did_method_work(state: SessionState, turns: list[TurnRecord]) -> bool:
    """Whether the learner did any part of the method: an objective met, an objection
    step taken, an agenda or a summary, or a concrete next step proposed; a greeting,
    small talk or a pitch alone is not."""
    return (bool(state.objectives) or bool(state.closing["concrete"])
            or any(t.steps or t.act in METHOD_ACTS for t in turns))


def score_call(
    cs: CompiledScenario, state: SessionState, preparation: PreparationResult | None = None,
    turns: list[TurnRecord] | None = None,
) -> ScoreCard:
    """Score a finished call from its state and its transcript (``turns``; calls stored
    before the transcript left the state still carry it in ``state.history``)."""
    turns = list(turns) if turns is not None else list(state.history)
    sections: dict[str, float | None] = {
        "preparation": float(preparation.score) if preparation is not None else None,
        "internal": objectives_score(cs, state, "internal", turns),
        "external": objectives_score(cs, state, "external", turns),
        "questions": questions_score(cs, turns),
        "objections": objections_score(state, turns, drill=cs.scenario.kind == "drill"),
        "closing": (closing_score(cs, state, turns) if cs.scenario.closing is not None
                    else None),
    }
    weights = cs.scenario.scoring.weights.model_dump()
    if cs.scenario.kind == "drill":
        weights["questions"] = weights["questions"] if turns else 0
    costs = conduct_costs(cs, state, turns)
    deduction = sum(points for _, points in costs)
    did_something = did_method_work(state, turns)
    raw = weighted_total(sections, weights)
    earned = round(on_trainer_scale(raw, cs.scenario.kind, did_something))
    # what the method warns against costs points, but leaves a third of what was earned
    deduction = min(deduction, earned - round(earned * KEPT_AFTER_DEDUCTION))
    total = max(0, earned - deduction)
    return ScoreCard(
        total=total,
        sections=sections,
        internal=objectives_met(cs, state, "internal", turns),
        external=external_ticked(cs, state, turns),
        questions=question_mix(turns),
        preparation=preparation,
        tips=choose_tips(cs, state, total, turns),
        visit_report=visit_report(cs, state, turns),
        turns=turns,
        deduction=deduction,
        deduction_reasons=_reasons(cs, state, turns, costs) if deduction else [],
        unagreed=unagreed_step(cs, state, turns),
    )


def unagreed_step(cs: CompiledScenario, state: SessionState,
                  turns: list[TurnRecord]) -> str | None:
    """The follow-up objective whose label asks for her agreement (``agreed``) in a call
    whose next step she did not agree to (her yes to a summary is no yes to the date), or
    None (a drill's task is the proposal; "Propose a demo with a date" is done when
    proposed)."""
    if cs.scenario.kind == "drill" or (
            state.closing["agreed"] and not agreed_to_a_summary(cs, state, turns)):
        return None
    return next((o.id for o in cs.scenario.objectives.external
                 if o.method_role == "follow_up" and o.agreed), None)


def _reasons(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
             costs: list[tuple[str, int]]) -> list[str]:
    """Why points came off, in the words the tips use: a pitch its tip calls tied to what
    she said, only too early, is not "selling before tying the offer to a need"."""
    pitched = first_pitched(cs, state, turns)
    early = pitched is not None and pitch_tip_key(cs, state, turns, pitched) in EARLY_PITCH_ASKS
    return ["pitch_early" if kind == "pitch" and early else kind for kind, _ in costs]


def visit_report(cs: CompiledScenario, state: SessionState,
                 turns: list[TurnRecord] | None = None) -> VisitReport:
    turns = list(state.history) if turns is None else turns
    report = VisitReport()
    heard = heard_facts(cs, state)
    told = {cs.facts[f].objective for f in heard}
    explained = {key.removeprefix("explained_objective:") for key in state.flags
                 if key.startswith("explained_objective:")}
    told |= explained
    used: set[str] = set()  # a sentence is noted under one item only
    items = fact_items(cs)
    ticked = objectives_met(cs, state, "internal", turns)
    for oid in cs.internal_ids:
        if oid in told:
            report.learned.append((oid, _notes_for(cs, state, turns, oid, used, heard)))
        elif oid not in items and ticked[oid]:
            # an item she does not tell but does (the new appointment): as the card ticks it
            continue
        else:
            report.missed.append(oid)
    report.needs = list(state.needs_stated)
    if state.closing["agreed"]:
        close = next((t for t in reversed(turns)
                      if t.act in ("next_step_proposal", "ask_order")
                      or "propose_next_step" in t.moves or "ask_for_order" in t.moves), None)
        report.next_step = close.learner if close else None
    return report


MAX_FACTS_NOTED = 3


def _notes_for(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
               objective_id: str, used: set[str], heard: set[str]) -> str:
    """Short notes of what the buyer told about this objective: per fact she revealed, the
    informative start of the answer as she said it in the call."""
    cl = cs.language(state.lang)
    notes: list[str] = []
    noted: set[str] = set()
    for turn in turns:
        for fact_id in [*turn.answered, *turn.facts]:
            fact = cs.facts.get(fact_id)
            if fact is None or fact.objective != objective_id or fact_id not in heard \
                    or fact_id in noted:
                continue
            noted.add(fact_id)
            said = next((text for text in (*cl.texts(fact.answer), *cl.texts(fact.short_answer))
                         if text and text in turn.buyer), turn.buyer)
            text = note(said, used).rstrip(".")
            if text and text not in notes:
                notes.append(text)
    if not notes and f"explained_objective:{objective_id}" in state.flags:
        # told in her explanation of an objection (``explain_tells``), not as a fact
        for objection in cs.scenario.objections:
            if objective_id not in objection.explain_tells:
                continue
            said = next((text for turn in turns for text in cl.texts(objection.explain)
                         if text and text in turn.buyer), "")
            text = note(said, used).rstrip(".") if said else ""
            if text:
                notes.append(text)
    return " · ".join(notes[:MAX_FACTS_NOTED])
