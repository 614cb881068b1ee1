"""Telegram HTML for trainers and for learners' assignments. Every word comes from the
translation files (``trainer.*``); names, titles and transcripts are escaped here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from bot.i18n import t
from bot.i18n.html import h, tr
from bot.storage.models import Assignment, CallSession, Cohort, ScoreOverride, Turn
from bot.trainers.breakdown import Breakdown
from bot.trainers.cohort_report import CohortReport
from bot.trainers.dates import local
from bot.trainers.progress import SYMBOLS, Part, Progress

Title = Callable[[str], str]
NAME_WIDTH = 12
MAX_NOT_STARTED_NAMES = 8


def when(moment: datetime, tz: str) -> str:
    return local(moment, tz).strftime("%d-%m-%Y %H:%M")


def link_html(url: str) -> str:
    """A tappable link that shows its own address, so a trainer can tap, copy or forward
    it (``<code>`` would make it copy-only text)."""
    return f'<a href="{escape(url)}">{h(url)}</a>'


def assignment_title(a: Assignment, title: Title) -> str:
    return " + ".join(title(sid) for sid in a.scenario_ids)


def cohort_line(lang: str, cohort: Cohort, members: int) -> str:
    state = "trainer.cohort.open" if cohort.join_open else "trainer.cohort.closed"
    return tr(lang, "trainer.cohort.line", id=cohort.id, name=cohort.name, members=members,
              state=t(lang, state))


def cohort_panel(lang: str, cohort: Cohort, members: int, link: str,
                 assignments: list[Assignment], title: Title, tz: str) -> str:
    out = [f"<b>{h(cohort.name)}</b> (#{cohort.id})",
           tr(lang, "trainer.cohort.meta", language=cohort.language, members=members,
              ends=cohort.ends_on.strftime("%d-%m-%Y") if cohort.ends_on else "–")]
    if cohort.join_open:
        out += [tr(lang, "trainer.cohort.link"), link_html(link)]
    else:
        out.append(tr(lang, "trainer.cohort.link_closed"))
    out.append(tr(lang, "trainer.cohort.leaderboard_on") if cohort.leaderboard
               else tr(lang, "trainer.cohort.leaderboard_off"))
    out.append(tr(lang, "trainer.cohort.notify_on") if cohort.notify
               else tr(lang, "trainer.cohort.notify_off"))
    out.append(tr(lang, "trainer.cohort.digest_on") if cohort.digest
               else tr(lang, "trainer.cohort.digest_off"))
    out += ["", f"<b>{tr(lang, 'trainer.cohort.assignments')}</b>"]
    if not assignments:
        out.append(tr(lang, "trainer.cohort.no_assignments", id=cohort.id))
    for a in assignments:
        out.append(tr(lang, "trainer.assignment.line", n=a.label, title=assignment_title(a, title),
                      due=when(a.due_at, tz), pass_mark=a.pass_mark, attempts=a.max_attempts))
    return "\n".join(out)


def assignment_panel(lang: str, a: Assignment, cohort: Cohort, title: Title, tz: str) -> str:
    """One assignment for its trainer: its terms and how to change them."""
    return "\n".join([
        f"<b>A{a.label} {h(assignment_title(a, title))}</b> · {h(cohort.name)}",
        tr(lang, "trainer.assignment.terms", due=when(a.due_at, tz), pass_mark=a.pass_mark,
           attempts=a.max_attempts),
        tr(lang, "trainer.assignment.how_edit", id=a.id),
    ])


def report_text(lang: str, report: CohortReport, title: Title, tz: str) -> str:
    cohort = report.cohort
    out = [f"<b>{tr(lang, 'trainer.report.title', name=cohort.name)}</b>"]
    if not report.rows:
        out.append(tr(lang, "trainer.report.no_members"))
        return "\n".join(out)
    if not report.assignments:
        out.append(tr(lang, "trainer.report.no_assignments", id=cohort.id))
        return "\n".join(out)
    for a in report.assignments:
        out.append(tr(lang, "trainer.assignment.line", n=a.label, title=assignment_title(a, title),
                      due=when(a.due_at, tz), pass_mark=a.pass_mark, attempts=a.max_attempts))
    head = " " * NAME_WIDTH + "".join(f"{'A' + str(a.label):>7}" for a in report.assignments)
    lines = [head]
    for row in report.rows:
        name = row.name[:NAME_WIDTH].ljust(NAME_WIDTH)
        cells = "".join(_cell(c) for c in row.cells)
        lines.append(name + cells)
    out += ["", "<pre>" + h("\n".join(lines)) + "</pre>", tr(lang, "trainer.report.legend")]
    if report.weakest:
        weak = ", ".join(f"{t(lang, f'card.sections.{s}')} {round(v)}" for s, v in report.weakest)
        out += ["", tr(lang, "trainer.report.weakest", skills=weak)]
    missing = []
    for i in range(len(report.assignments)):
        names = report.not_started(i)
        if names:
            shown = ", ".join(names[:MAX_NOT_STARTED_NAMES])
            more = len(names) - MAX_NOT_STARTED_NAMES
            if more > 0:
                shown += " " + t(lang, "trainer.report.more", count=more)
            missing.append(tr(lang, "trainer.report.not_started_line",
                              n=report.assignments[i].label,
                              count=len(names), names=shown))
    out += ["", f"<b>{tr(lang, 'trainer.report.not_started')}</b>"]
    out += missing or [tr(lang, "trainer.report.everyone_started")]
    out += review_lines(lang, report)
    return "\n".join(out)


def review_lines(lang: str, report: CohortReport) -> list[str]:
    """Reviewed and waiting attempts of the cohort, and who is waiting (the queue)."""
    counted = [sid for row in report.rows for sid in report.counted_ids(row)]
    if not counted:
        return []
    done = sum(1 for sid in counted if sid in report.reviewed)
    out = ["", tr(lang, "trainer.review.report_line", waiting=len(counted) - done,
                  reviewed=done)]
    waiting = report.waiting_for_review()
    if waiting:
        names = ", ".join(f"{name} {n}" for name, n in waiting[:MAX_NOT_STARTED_NAMES])
        more = len(waiting) - MAX_NOT_STARTED_NAMES
        if more > 0:
            names += " " + t(lang, "trainer.report.more", count=more)
        out.append(tr(lang, "trainer.review.report_waiting", names=names))
    return out


def _cell(p: Progress) -> str:
    """Best score, status and attempts; for a drill set the drills passed of all (``1/3``)
    instead of attempts, since attempts are counted per drill."""
    best = "–" if p.best is None else str(p.best)
    mark = SYMBOLS[p.status] + ("*" if p.overridden else "")
    tail = f"{p.parts_passed}/{len(p.parts)}" if len(p.parts) > 1 else str(p.attempts)
    return f"{best:>4}{mark}{tail}".rjust(7)


def learner_detail(lang: str, name: str, report: CohortReport, title: Title, tz: str) -> str:
    row = next(r for r in report.rows if r.name == name)
    out = [f"<b>{h(name)}</b> · {h(report.cohort.name)} · #{row.user_id}"]
    for a, p in zip(report.assignments, row.cells, strict=True):
        out += ["", tr(lang, "trainer.learner.assignment", n=a.label,
                       title=assignment_title(a, title), status=status_text(lang, p),
                       best="–" if p.best is None else p.best,
                       attempts=p.attempts, max=p.max_attempts or a.max_attempts)]
        if len(p.parts) > 1:
            out += [drill_line(lang, part, p.max_attempts or a.max_attempts, title)
                    for part in p.parts]
        for at in p.counted:
            cs = report.sessions.get(at.session_id)
            ended = when(cs.ended_at, tz) if cs and cs.ended_at else ""
            note = tr(lang, "trainer.learner.overridden", original=at.original) \
                if at.overridden else ""
            review = t(lang, "trainer.review.attempt_reviewed"
                       if at.session_id in report.reviewed else "trainer.review.attempt_waiting")
            out.append(tr(lang, "trainer.learner.attempt", n=at.number,
                          title=title(at.scenario_id), score=at.score, when=ended) + note
                       + review)
    if row.skills:
        skills = ", ".join(f"{t(lang, f'card.sections.{s}')} {round(v)}"
                           for s, v in row.skills.items())
        out += ["", tr(lang, "trainer.learner.skills", skills=skills)]
    return "\n".join(out)


def drill_line(lang: str, part: Part, max_attempts: int, title: Title) -> str:
    """One drill of a set: passed or not, its best score and its own attempts."""
    return tr(lang, "trainer.learner.drill", mark="✓" if part.passed else "·",
              title=title(part.scenario_id), best="–" if part.best is None else part.best,
              attempts=part.attempts, max=max_attempts)


def status_text(lang: str, p: Progress) -> str:
    text = t(lang, f"trainer.status.{p.status}")
    return text + (" " + t(lang, "trainer.status.late") if p.late else "")


def transcript(lang: str, cs: CallSession, turns: list[Turn], name: str, title: str,
               buyer: str, history: list[tuple[ScoreOverride, str]], tz: str,
               number: int, why: Breakdown | None = None, numbered: bool = False) -> str:
    """The attempt as the trainer reads it: the score and their corrections (the current
    one first, then every change: who, when, from what to what, why), why it scored that
    (checklist, parts, the tips and hints the learner got), then the call itself."""
    out = [f"<b>{tr(lang, 'trainer.transcript.title', n=number, name=name, title=title)}</b>"]
    if cs.score is not None:
        out.append(tr(lang, "trainer.transcript.score", score=cs.score))
    if history:
        current = history[-1][0]
        out.append(tr(lang, "trainer.transcript.override", score=current.score,
                      reason=current.reason))
        out.append(tr(lang, "trainer.transcript.history"))
        out += [override_line(lang, o, author, tz) for o, author in history]
    if why is not None and cs.score is not None:
        out += _why(lang, why)
    out += ["", tr(lang, "trainer.transcript.conversation")]
    for n, turn in enumerate(turns, 1):
        mark = f"<b>{n}.</b> " if numbered else ""
        out.append(f"{mark}<b>{h(name)}:</b> {h(turn.learner)}")
        out.append(f"<i>{h(buyer)}:</i> {h(turn.buyer)}")
    if not turns:
        out.append(tr(lang, "trainer.transcript.no_turns"))
    out += ["", tr(lang, "trainer.transcript.how_override", id=cs.id)]
    return "\n".join(out)


def _why(lang: str, why: Breakdown) -> list[str]:
    if not why.stored:
        return ["", tr(lang, "trainer.transcript.no_report")]
    out: list[str] = []
    if why.sections:
        out += ["", tr(lang, "trainer.transcript.sections")]
        out += [f"{h(t(lang, f'card.sections.{name}'))}: <b>{score}</b>"
                for name, score in why.sections]
    if why.internal:
        out += ["", tr(lang, "trainer.transcript.checklist")]
        if any(i.learned is not None for i in why.internal):
            out.append(tr(lang, "trainer.transcript.checklist_legend"))
        for item in why.internal:
            learned = "" if item.learned is None else ("✓" if item.learned else "✗")
            marks = ("✓" if item.asked else "✗") + learned
            out.append(f"{marks} {h(item.label)}")
    if why.external:
        out += ["", tr(lang, "trainer.transcript.external")]
        out += [f"{'✓' if i.asked else '✗'} {h(i.label)}" for i in why.external]
    if why.tips:
        out += ["", tr(lang, "trainer.transcript.tips")]
        out += [f"• {h(tip)}" for tip in why.tips]
    if why.hints:
        out.append(tr(lang, "trainer.transcript.hints", count=why.hints))
    return out


def override_line(lang: str, o: ScoreOverride, author: str, tz: str) -> str:
    return tr(lang, "trainer.transcript.change", when=when(o.at, tz), author=author or "?",
              previous="–" if o.previous is None else o.previous, score=o.score,
              reason=o.reason)


def learner_assignment(lang: str, a: Assignment, cohort: Cohort, p: Progress, title: Title,
                       tz: str) -> str:
    return tr(lang, "trainer.mine.line", title=assignment_title(a, title), cohort=cohort.name,
              due=when(p.due_at or a.due_at, tz), status=status_text(lang, p),
              best="–" if p.best is None else p.best, pass_mark=a.pass_mark,
              attempts=p.attempts, max=p.max_attempts or a.max_attempts)


def counts_line(lang: str, cohort: str, due: datetime, n: int, limit: int, tz: str) -> str:
    """Before a graded attempt starts: which one it is and whose assignment it counts for."""
    return tr(lang, "trainer.mine.counts", n=n, max=limit, cohort=cohort, due=when(due, tz))


def learner_entry(lang: str, title: str, target: tuple[str, datetime, int, int] | None,
                  lines: list[tuple[Assignment, Cohort, Progress, str, Part | None]],
                  tz: str) -> str:
    """One scenario of the learner's list, shown once however many assignments set it:
    where the next graded attempt counts (cohort, due, number), then each assignment's
    state of it (``lines``: assignment, cohort, progress, the part's status, the part)."""
    out = [f"<b>{h(title)}</b>"]
    if target is not None:
        cohort, due, n, limit = target
        out.append(tr(lang, "trainer.mine.entry_counts", cohort=cohort, due=when(due, tz),
                      n=n, max=limit))
    for a, cohort_row, p, status, part in lines:
        best = part.best if part is not None and len(p.parts) > 1 else p.best
        attempts = part.attempts if part is not None and len(p.parts) > 1 else p.attempts
        text = t(lang, f"trainer.status.{status}")
        if status == "passed" and p.late and len(p.parts) <= 1:
            text += " " + t(lang, "trainer.status.late")
        out.append(tr(lang, "trainer.mine.entry_line", cohort=cohort_row.name,
                      due=when(p.due_at or a.due_at, tz), status=text,
                      best="–" if best is None else best, pass_mark=a.pass_mark,
                      attempts=attempts, max=p.max_attempts or a.max_attempts))
    return "\n".join(out)
