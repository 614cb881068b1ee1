"""Turn a score card into the JSON report of contract.md and into readable text."""

from __future__ import annotations

from typing import Any

from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState
from bot.i18n import t
from scoring.card import ScoreCard
from scoring.feedback import Tip
from scoring.sections import handling_steps, objection_handled

STEP_NAMES = ("acknowledge", "clarify", "respond", "check")


def json_report(cs: CompiledScenario, state: SessionState, card: ScoreCard) -> dict[str, Any]:
    """The report others script against: keys and meanings fixed by contract.md."""
    lang = state.lang
    objections = []
    for oid, o in state.objections.items():
        steps = handling_steps(o, card.turns)
        objections.append({
            "id": oid,
            "raised": o.raised_turn is not None,
            "handled": objection_handled(o, card.turns),
            # the card's reading (no yes-but acknowledgement, no errand-only clarify), so
            # the report and the card's ticks and tips agree
            "steps": {s: bool(steps.get(s)) for s in STEP_NAMES},
        })
    prep = card.preparation
    return {
        "scenario": cs.scenario.id,
        "language": lang,
        "score": card.total,
        "objectives": {"internal": card.internal, "external": card.external},
        "questions": {
            "open": card.questions.open,
            "closed": card.questions.closed,
            "spin": dict(card.questions.spin),
        },
        "objections": objections,
        "closing": {"attempted": state.closing["attempted"], "agreed": state.closing["agreed"]},
        "preparation": None if prep is None else {
            "score": prep.score, "covered": prep.covered, "missing": prep.missing,
        },
        "turns": [
            {
                "learner": turn.learner,
                "buyer": turn.buyer,
                "form": turn.form,
                "spin": turn.spin,
                "objectives": list(turn.objectives),
                "act": turn.act,
                "details": {"moves": list(turn.moves), "facts": list(turn.answered or turn.facts),
                            "objection_steps": list(turn.steps)},
            }
            for turn in card.turns
        ],
        "feedback": [render_tip(lang, tip) for tip in card.tips],
        "sections": {k: (None if v is None else round(v)) for k, v in card.sections.items()},
        "deduction": card.deduction,
        "deduction_reasons": card.deduction_reasons,
        "end_reason": state.end_reason,
        "visit_report": {
            "learned": {oid: words for oid, words in card.visit_report.learned},
            "missed": card.visit_report.missed,
            "needs": card.visit_report.needs,
            "next_step": card.visit_report.next_step,
        },
    }


def pad_label(cs: CompiledScenario, objective_id: str, lang: str) -> str:
    """How the visit report names an objective: its pad keyword in the learner's language,
    else its label (never the other language's jargon)."""
    objective = cs.objectives[objective_id]
    return (objective.pad_in(lang, cs.scenario.languages)
            or cs.language(lang).text(objective.label))


def render_tip(lang: str, tip: Tip) -> str:
    """A tip in words, with the buyer's pronouns and form of address filled in, and the
    objection steps (ids in the tip) named in the learner's language."""
    values = dict(tip.values)
    gender = values.pop("gender", "female")
    address = values.pop("address", "u")
    for word in ("she", "She", "her", "her_obj", "herself"):
        values.setdefault(word, t(lang, f"persona.{gender}.{word}"))
    for word in ("you", "your"):
        values.setdefault(word, t(lang, f"persona.{address}.{word}"))
    if values.get("steps"):
        values["steps"] = ", ".join(t(lang, f"tips.step_names.{step.strip()}", her=values["her"])
                                    for step in values["steps"].split(","))
    if "parts" in values:
        values["parts"] = ", ".join(t(lang, f"tips.close_parts.{part.strip()}")
                                    for part in values["parts"].split(",") if part.strip())
    return t(lang, f"tips.{tip.key}", **values)


def objective_marks(cs: CompiledScenario, card: ScoreCard) -> list[tuple[str, str, str]]:
    """Each objective on the card as (group, id, mark): "met", "missed", or "asked" for an
    internal objective the learner asked about that the buyer kept to herself, or
    "proposed" for the next step she has not agreed to ("Agree a concrete next step" is
    not ticked when she said "that date isn't agreed yet"). The score
    counts the asking (contract.md); the mark keeps the card in line with the visit report,
    which lists it as still unknown. An objective met by doing it (proposing the new
    appointment) rather than by asking is met, whatever she told."""
    facts = cs.facts
    done = {oid for turn in card.turns for oid in turn.objectives
            if not any(facts[f].objective == oid for f in turn.facts if f in facts)}
    unknown = set(card.visit_report.missed) - done
    marks: list[tuple[str, str, str]] = []
    for group, met in (("internal", card.internal), ("external", card.external)):
        for oid, ok in met.items():
            mark = "missed" if not ok else (
                "asked" if group == "internal" and oid in unknown
                else "proposed" if oid == card.unagreed else "met")
            marks.append((group, oid, mark))
    return marks


# what a half mark means, after the objective's label
MARK_NOTES = {"asked": "card.asked_not_told", "proposed": "card.proposed_not_agreed"}
TEXT_MARKS = {"met": "✓", "asked": "?", "proposed": "?", "missed": "✗"}


def bar(value: float | None, width: int = 10) -> str:
    if value is None:
        return "·" * width
    filled = round(max(0.0, min(100.0, value)) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def deduction_line(lang: str, card: ScoreCard) -> str:
    """Why points came off the total, so the sections and the total can be squared."""
    reasons = ", ".join(t(lang, f"card.deduction_reasons.{kind}")
                        for kind in card.deduction_reasons)
    return t(lang, "card.deduction", points=card.deduction, reasons=reasons)


def text_card(cs: CompiledScenario, state: SessionState, card: ScoreCard) -> str:
    """A plain-text score card for the terminal (Telegram renders its own HTML)."""
    lang = state.lang
    cl = cs.language(lang)
    out = [t(lang, "card.title", title=cl.text(cs.scenario.title)), ""]
    out.append(f"{t(lang, 'card.total')}: {card.total}/100  {bar(card.total, 20)}")
    for name, value in card.sections.items():
        label = t(lang, f"card.sections.{name}")
        shown = t(lang, "card.not_applicable") if value is None else f"{round(value):>3}"
        out.append(f"  {label:<24} {bar(value)} {shown}")
    if card.deduction:
        out.append(f"  {deduction_line(lang, card)}")
    group_shown = ""
    for group, oid, mark in objective_marks(cs, card):
        if group != group_shown:
            group_shown = group
            out.append("")
            out.append(t(lang, f"card.{group}") + ":")
        label = cl.text(cs.objectives[oid].label)
        if mark in MARK_NOTES:
            label += " " + t(lang, MARK_NOTES[mark])
        out.append(f"  {TEXT_MARKS[mark]} {label}")
    q = card.questions
    out.append("")
    out.append(t(lang, "card.questions", open=q.open, closed=q.closed, **q.spin))
    if card.preparation is not None:
        out.append(t(lang, "card.preparation", score=card.preparation.score))
    out.append("")
    out.append(t(lang, "card.tips") + ":")
    out.extend(f"  • {render_tip(lang, tip)}" for tip in card.tips)
    report = card.visit_report
    out.append("")
    out.append(t(lang, "card.report") + ":")
    if cs.internal_ids:  # a drill with nothing to find out has no "found out" line
        out.append("  " + t(lang, "card.learned") + ":")
        out.extend([f"    - {pad_label(cs, oid, lang)}: {words}"
                    for oid, words in report.learned] or ["    " + t(lang, "card.nothing")])
    if report.missed:
        out.append("  " + t(lang, "card.unknown") + ": " + ", ".join(
            pad_label(cs, o, lang) for o in report.missed))
    if report.needs:
        out.append("  " + t(lang, "card.needs", buyer=cs.scenario.buyer.name) + ": " + "; ".join(
            cl.text(cs.needs[n].label) for n in report.needs))
    if report.next_step:
        out.append("  " + t(lang, "card.next_step") + f": {report.next_step}")
    return "\n".join(out)
