"""HTML for Telegram: briefing, buyer turns, the score card, progress. Every learner- or
scenario-provided text is escaped here, once, so a '<' in a message can never break a reply."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.call_report import (
    MARK_NOTES,
    bar,
    deduction_line,
    objective_marks,
    pad_label,
    render_tip,
)
from bot.calls import Finished, PrepStep
from bot.engine.compiled import CompiledScenario
from bot.i18n import t, word_list
from bot.i18n.html import h as h  # re-exported: handlers render through this module
from bot.i18n.html import tr as tr
from bot.scenario.model import SHORT_TITLE_MAX, Scenario

if TYPE_CHECKING:
    from bot.storage.models import CallSession

# met / asked but not told (internal objectives only) / missed
CARD_MARKS = {"met": "✅", "asked": "❔", "proposed": "❔", "missed": "❌"}

SKILLS = ("preparation", "internal", "external", "questions", "objections", "closing")


def scenario_title(scenario: Scenario, lang: str) -> str:
    title = scenario.title
    if isinstance(title, dict):
        return str(title.get(lang) or next(iter(title.values())))  # type: ignore[call-overload]
    return str(title)


def picker_label(scenario: Scenario, lang: str, best: int | None) -> str:
    if scenario.kind == "drill":
        return drill_label(scenario, lang, best)
    done = f"✓ {best} · " if best is not None else ""
    return t(lang, "tg.picker.item", done=done, title=scenario_title(scenario, lang),
             level=scenario.level, minutes=scenario.minutes)


def short_title(scenario: Scenario, lang: str) -> str:
    """A few words for a button: the scenario's short title, else its title without a
    leading "Drill – ", cut at a word with "…"."""
    short = scenario.short_title
    if isinstance(short, dict):
        short = short.get(lang) or next(iter(short.values()))  # type: ignore[call-overload]
    text = short or re.sub(r"^\w{1,10}\s+[–-]\s+", "", scenario_title(scenario, lang))
    limit = SHORT_TITLE_MAX
    if len(text) > limit:
        text = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",:;–-") + "…"
    return text


PART_TITLE_MAX = 40


def part_label(scenario: Scenario, lang: str) -> str:
    """One part of an assignment on its button: a drill by its short title, a call by its
    title (cut at a word when long)."""
    if scenario.kind == "drill" or scenario.short_title:
        return "▶️ " + short_title(scenario, lang)
    title = scenario_title(scenario, lang)
    if len(title) > PART_TITLE_MAX:
        title = title[:PART_TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
    return "▶️ " + title


def drill_label(scenario: Scenario, lang: str, best: int | None) -> str:
    """A drill's button, one line on a phone: "✓85 Too expensive · L1" (every drill takes
    two minutes, which the list's heading says once)."""
    done = f"✓{best} " if best is not None else ""
    return t(lang, "tg.picker.drill_item", done=done, title=short_title(scenario, lang),
             level=scenario.level)


def bar_cell(value: float) -> str:
    """A bar and its number in one monospace run: outside it, a proportional font makes
    " 65" and "100" different widths and the labels after them no longer line up."""
    return f"<code>{bar(value)} {round(value):>3}</code>"


def briefing(cs: CompiledScenario, lang: str, best: int | None) -> str:
    s = cs.scenario
    cl = cs.language(lang)
    lines = [f"<b>{h(cl.text(s.title))}</b>",
             tr(lang, "tg.briefing.meta", level=s.level, minutes=s.minutes,
                buyer=s.buyer.name, role=cl.text(s.buyer.role), company=cl.text(s.buyer.company)),
             "", h(cl.text(s.briefing).strip())]
    if s.month:
        month = word_list(lang, "month_names")[s.month - 1]
        lines += ["", tr(lang, "tg.briefing.month", month=month)]
    if best is not None:
        lines += ["", tr(lang, "tg.briefing.best", score=best)]
    return "\n".join(lines)


def prep_question(cs: CompiledScenario, lang: str, phase: str) -> str:
    section = phase.removeprefix("prep_")
    count = len(getattr(cs.scenario.preparation, section))
    return "\n".join([f"<b>{tr(lang, f'tg.prep.title.{section}')}</b>",
                      tr(lang, f"tg.prep.ask.{section}", count=count),
                      "", tr(lang, "tg.prep.how")])


def prep_feedback(lang: str, step: PrepStep) -> str:
    """What this part covered, and by name what it still lacks: a count alone ("4 points")
    gives the learner nothing to think about. Nothing missing: no missing line at all."""
    items = "; ".join(step.missing)
    if step.covered:
        lines = [f"✓ {h(label)}" for label in step.covered]
        if step.missing:
            lines.append(tr(lang, "tg.prep.missing", items=items))
        text = "\n".join(lines)
    elif step.missing:
        text = tr(lang, "tg.prep.none", items=items)
    else:
        text = ""
    if step.started is not None:
        text = "\n\n".join(filter(None, [text, tr(lang, "tg.prep.done", score=step.score or 0)]))
    return text


def call_start(cs: CompiledScenario, lang: str, opening: str) -> str:
    return "\n".join([tr(lang, "tg.call.started"), "",
                      buyer_line(cs, opening)])


def buyer_line(cs: CompiledScenario, text: str) -> str:
    return f"<b>{h(cs.scenario.buyer.name)}:</b> {h(text)}"


def turn_reply(cs: CompiledScenario, lang: str, text: str, phase: str, turns_left: int) -> str:
    progress = tr(lang, "tg.call.progress", phase=t(lang, f"tg.phases.{phase}"),
                  left=turns_left)
    return f"{buyer_line(cs, text)}\n\n<i>{progress}</i>"


def score_card(done: Finished) -> str:
    """The score card: bars per section, objectives met and missed, question mix, tips that
    quote the learner, and the visit report."""
    cs, card, lang = done.cs, done.card, done.state.lang
    cl = cs.language(lang)
    out = [f"<b>{tr(lang, 'card.title', title=cl.text(cs.scenario.title))}</b>",
           f"<b>{card.total}/100</b> <code>{bar(card.total, 12)}</code>", ""]
    for name, value in card.sections.items():
        if value is None:
            continue
        label = h(t(lang, f"card.sections.{name}"))
        out.append(f"{bar_cell(value)} {label}")
    if card.deduction:
        out.append(h(deduction_line(lang, card)))
    group_shown = ""
    for group, oid, mark in objective_marks(cs, card):
        if group != group_shown:
            group_shown = group
            out += ["", f"<b>{tr(lang, f'card.{group}')}</b>"]
        label = h(cl.text(cs.objectives[oid].label))
        if mark in MARK_NOTES:
            label += " " + h(t(lang, MARK_NOTES[mark]))
        out.append(f"{CARD_MARKS[mark]} {label}")
    q = card.questions
    out += ["", tr(lang, "card.questions", open=q.open, closed=q.closed, **q.spin)]
    if card.preparation is not None:
        out.append(tr(lang, "card.preparation", score=card.preparation.score))
    out += ["", f"<b>{tr(lang, 'card.tips')}</b>"]
    out += [f"• {h(render_tip(lang, tip))}" for tip in card.tips]
    report = visit_report(done)
    if report:
        out += ["", report]
    return "\n".join(out)


def visit_report(done: Finished) -> str:
    cs, report, lang = done.cs, done.card.visit_report, done.state.lang
    if cs.scenario.kind == "drill" and not (
            report.learned or report.missed or report.needs or report.next_step):
        return ""  # a two-minute drill that asks for no facts has nothing to report
    cl = cs.language(lang)
    out = [f"<b>{tr(lang, 'card.report')}</b>"]
    if cs.internal_ids:  # "found out: nothing yet" is untrue where nothing was to be found out
        out.append(f"<i>{tr(lang, 'card.learned')}:</i>")
        out += [f"– <b>{h(pad_label(cs, oid, lang))}</b>: {h(words)}"
                for oid, words in report.learned] or ["– " + tr(lang, "card.nothing")]
    if report.missed:
        out.append(f"<i>{tr(lang, 'card.unknown')}:</i> "
                   + h(", ".join(pad_label(cs, o, lang) for o in report.missed)))
    if report.needs:
        out.append(f"<i>{tr(lang, 'card.needs', buyer=cs.scenario.buyer.name)}:</i> "
                   + h("; ".join(cl.text(cs.needs[n].label) for n in report.needs)))
    if report.next_step:
        out.append(f"<i>{tr(lang, 'card.next_step')}:</i> {h(report.next_step)}")
    return "\n".join(out)


def progress_text(lang: str, sessions: list[CallSession], levels: dict[str, float],
                  titles: dict[str, str]) -> str:
    if not sessions:
        return tr(lang, "tg.progress.empty")
    out = [f"<b>{tr(lang, 'tg.progress.title')}</b>",
           tr(lang, "tg.progress.summary", count=len(sessions),
              average=round(sum(s.score or 0 for s in sessions) / len(sessions)),
              best=max(s.score or 0 for s in sessions)), "",
           f"<b>{tr(lang, 'tg.progress.skills')}</b>"]
    for skill in SKILLS:
        if skill in levels:
            out.append(f"{bar_cell(levels[skill])} {h(t(lang, f'card.sections.{skill}'))}")
    out += ["", f"<b>{tr(lang, 'tg.progress.recent')}</b>"]
    for s in sessions[-8:][::-1]:
        when = s.ended_at.strftime("%d-%m") if s.ended_at else ""
        out.append(f"<code>{h(when)} {s.score or 0:>3}</code> "
                   f"{h(titles.get(s.scenario_id, s.scenario_id))}")
    return "\n".join(out)


# -- daily practice --------------------------------------------------------------------------

SITUATION_MAX = 180


def situation_line(cs: CompiledScenario, lang: str) -> str:
    """The drill's situation in one line: the briefing's first sentence (plain text)."""
    text = " ".join(cs.language(lang).text(cs.scenario.briefing).split())
    end = text.find(". ")
    first = text if end < 0 else text[:end + 1]
    return first if len(first) <= SITUATION_MAX else first[:SITUATION_MAX - 1].rstrip() + "…"


def practice_prompt(cs: CompiledScenario, lang: str, reason_key: str | None,
                    skill: str | None, streak_current: int, streak_best: int,
                    missed_yesterday: bool) -> str:
    """The daily prompt: what, why this one, and the streak (a missed day noted kindly)."""
    cl = cs.language(lang)
    skill_name = t(lang, f"practice.skills.{skill}") if skill else ""
    key = f"practice.reason.{reason_key}" if reason_key and (skill or reason_key in (
        "assignment",)) else "practice.reason.any"
    lines = [t(lang, "practice.prompt.title"), "",
             tr(lang, "practice.prompt.situation", title=cl.text(cs.scenario.title),
                situation=situation_line(cs, lang)),
             "", f"<i>{tr(lang, key, skill=skill_name)}</i>", ""]
    if missed_yesterday:
        lines.append(tr(lang, "practice.prompt.missed"))
    if streak_current:
        lines.append(tr(lang, "practice.prompt.streak", count=streak_current, best=streak_best))
    else:
        lines.append(tr(lang, "practice.prompt.streak_start"))
    return "\n".join(lines)


def drill_card(done: Finished, passed: bool) -> str:
    """The compact card after a practice drill: score, pass or not, and the first tip."""
    cs, card, lang = done.cs, done.card, done.state.lang
    verdict = t(lang, "practice.drill.passed" if passed else "practice.drill.not_passed")
    out = [tr(lang, "practice.drill.card", title=cs.language(lang).text(cs.scenario.title),
              score=card.total, bar=bar(card.total, 12), verdict=verdict)]
    if card.tips:
        out += ["", tr(lang, "practice.drill.tip", tip=render_tip(lang, card.tips[0]))]
    return "\n".join(out)


def weekly_caption(lang: str, practised_days: int, best: int | None, streak_current: int
                   ) -> str:
    if not practised_days:
        return tr(lang, "practice.weekly.caption_empty")
    return tr(lang, "practice.weekly.caption", days=practised_days, best=best or 0,
              streak=streak_current)
