"""``/report``, ``/export``, the charts, one learner's results, an attempt's transcript
and ``/override``. A cohort is read through ``results.own_report`` and an attempt through
``attempts.owned_attempt``: another trainer's data is never found."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from telegram import InlineKeyboardMarkup as Markup
from telegram import Update
from telegram.error import TelegramError

from bot import accounts, calls, charts
from bot.clock import utcnow
from bot.i18n import t
from bot.telegram import buttons as b
from bot.telegram.callback_data import button
from bot.telegram.common import Context, send, services
from bot.telegram.handlers.trainer.base import (
    Who,
    denied,
    number,
    on,
    remember_tz,
    title,
    trainer,
    tz,
)
from bot.telegram.render import tr
from bot.trainers import attempts, breakdown, export, results, spreadsheet, views
from bot.trainers import cohort_report as rep
from bot.trainers import cohorts as cq

log = logging.getLogger(__name__)
MAX_REASON = 300
ATTEMPT_BUTTONS = 10
TRANSCRIPT_WORDS = ("transcripts", "gesprekken")


async def _one_cohort(update: Update, context: Context, action: str,
                      run: Callable[[Context, Who, int], Awaitable[None]]) -> None:
    """A command about one cohort: the one named, the only one, or a choice of buttons."""
    who = await trainer(update, context)
    if who is None:
        return
    args = context.args or []
    if args:
        cohort_id = number(args[0])
        if cohort_id is None:
            await send(context, who.uid, tr(who.lang, f"trainer.{action}_usage"))
        else:
            await run(context, who, cohort_id)
        return
    rows = await services(context).db.run(cq.trainer_cohorts, who.uid)
    if not rows:
        await send(context, who.uid, tr(who.lang, "trainer.cohort.none"))
    elif len(rows) == 1:
        await run(context, who, rows[0][0].id or 0)
    else:
        kind = {"report": b.Report, "export": b.Export}[action]
        await send(context, who.uid, tr(who.lang, "trainer.pick_cohort"),
                   Markup([[button(c.name[:40], kind(c.id or 0))] for c, _ in rows]))


async def _report_for(context: Context, who: Who, cohort_id: int) -> rep.CohortReport | None:
    found = await services(context).db.run(results.own_report, who.uid, cohort_id, utcnow())
    if found is None:
        await denied(context, who)
    return found


async def report_command(update: Update, context: Context) -> None:
    """``/report [cohort]``: the learner × assignment table, weakest skills, not started."""
    await _one_cohort(update, context, "report", _report)


@on(b.Report)
async def report_button(context: Context, who: Who, data: b.Report) -> None:
    await _report(context, who, data.cohort_id)


async def _report(context: Context, who: Who, cohort_id: int) -> None:
    report = await _report_for(context, who, cohort_id)
    if report is None:
        return
    zone, lang, c = await remember_tz(context, who.uid), who.lang, cohort_id
    markup = Markup([
        [button(t(lang, "trainer.buttons.charts"), b.Charts(c)),
         button(t(lang, "trainer.buttons.members"), b.Members(c))],
        [button(t(lang, "trainer.buttons.export"), b.Export(c)),
         button(t(lang, "trainer.buttons.cohort"), b.CohortPanel(c))],
    ])
    await send(context, who.uid, views.report_text(lang, report, title(context, lang), zone),
               markup)


@on(b.Charts)
async def charts_button(context: Context, who: Who, data: b.Charts) -> None:
    report = await _report_for(context, who, data.cohort_id)
    if report is None:
        return
    lang = who.lang
    skill_names = {s: t(lang, f"card.sections.{s}") for s in rep.SKILLS}
    distribution = await asyncio.to_thread(
        charts.distribution_chart, report.best_scores(),
        title=t(lang, "trainer.charts.distribution", name=report.cohort.name),
        x_label=t(lang, "trainer.charts.score"), y_label=t(lang, "trainer.charts.learners"),
        empty_text=t(lang, "trainer.charts.empty"),
        pass_marks={m: t(lang, "trainer.charts.pass_mark", score=m) for m in report.pass_marks()})
    matrix = await asyncio.to_thread(
        charts.skills_matrix_chart,
        [(r.name, {s: r.skills.get(s) for s in rep.SKILLS}) for r in report.rows],
        skill_names, title=t(lang, "trainer.charts.skills", name=report.cohort.name),
        empty_text=t(lang, "trainer.charts.empty"))
    for image in (distribution, matrix):
        try:
            await context.bot.send_photo(who.uid, image)
        except TelegramError as exc:
            log.warning("could not send a chart: %s", exc)


async def export_command(update: Update, context: Context) -> None:
    """``/export [cohort] [xlsx|csv] [transcripts]``: the choice of files, or the file named."""
    args = [a.lower() for a in context.args or []]
    fmt = next((a for a in args if a in ("xlsx", "csv")), None)
    full = any(a in TRANSCRIPT_WORDS for a in args)
    if context.args is not None:
        context.args = [a for a in context.args
                        if a.lower() not in ("xlsx", "csv", *TRANSCRIPT_WORDS)]
    if fmt is None:
        await _one_cohort(update, context, "export", _export)
    else:
        await _one_cohort(update, context, "export",
                          lambda c, who, cid: _send_export(c, who, cid, fmt, full))


@on(b.Export)
async def export_button(context: Context, who: Who, data: b.Export) -> None:
    await _export(context, who, data.cohort_id)


async def _export(context: Context, who: Who, cohort_id: int) -> None:
    """What the trainer can take away: a workbook or CSV files, with or without the
    conversations."""
    cohort = await services(context).db.run(cq.own_cohort, who.uid, cohort_id)
    if cohort is None:
        await denied(context, who)
        return
    lang, c = who.lang, cohort_id
    await send(context, who.uid, tr(lang, "trainer.export.pick", name=cohort.name,
                                    sep=export.separator(lang),
                                    tz=await remember_tz(context, who.uid)),
               Markup([[button(t(lang, "trainer.buttons.export_xlsx"), b.ExportFile(c, 0, "xlsx")),
                        button(t(lang, "trainer.buttons.export_csv"), b.ExportFile(c, 0, "csv"))],
                       [button(t(lang, "trainer.buttons.export_xlsx_full"),
                               b.ExportFile(c, 1, "xlsx")),
                        button(t(lang, "trainer.buttons.export_csv_full"),
                               b.ExportFile(c, 1, "csv"))]]))


@on(b.ExportFile)
async def export_file_button(context: Context, who: Who, data: b.ExportFile) -> None:
    await _send_export(context, who, data.cohort_id, data.fmt, bool(data.transcripts))


async def _send_export(context: Context, who: Who, cohort_id: int, fmt: str,
                       full: bool) -> None:
    found = await services(context).db.run(export.gather, who.uid, cohort_id, utcnow(), full)
    if found is None:
        await denied(context, who)
        return
    lang, zone = who.lang, await remember_tz(context, who.uid)
    tables = export.tables(found, lang, title(context, lang), zone)
    cohort = found.report.cohort
    slug = "".join(ch if ch.isalnum() else "-" for ch in cohort.name).strip("-")[:40] or "cohort"
    stem = f"{slug}-{utcnow():%Y-%m-%d}"
    counts = {"rows": len(tables[0].rows), "attempts": len(tables[1].rows),
              "turns": len(tables[2].rows) if len(tables) > 2 else 0}
    if fmt == "xlsx":
        data = await asyncio.to_thread(spreadsheet.to_xlsx, tables, lang)
        extra = t(lang, "trainer.export.with_transcripts", turns=counts["turns"]) if full else ""
        await context.bot.send_document(
            who.uid, data, filename=f"{stem}.xlsx",
            caption=tr(lang, "trainer.export.caption_xlsx", name=cohort.name, tz=zone,
                      transcripts=extra, **counts))
        return
    captions = {"results": tr(lang, "trainer.export.caption", rows=counts["rows"],
                              sep=export.separator(lang)),
                "attempts": tr(lang, "trainer.export.caption_attempts", **counts),
                "transcripts": tr(lang, "trainer.export.caption_transcripts", **counts)}
    for table in tables:
        name = f"{stem}-{t(lang, f'trainer.csv.file_{table.key}')}.csv"
        await context.bot.send_document(who.uid, spreadsheet.to_csv(table, lang),
                                        filename=name, caption=captions[table.key])


@on(b.LearnerDetail)
async def learner_detail(context: Context, who: Who, data: b.LearnerDetail) -> None:
    report = await _report_for(context, who, data.cohort_id)
    if report is None:
        return
    row = next((r for r in report.rows if r.user_id == data.user_id), None)
    if row is None:
        await denied(context, who)
        return
    lang = who.lang
    text = views.learner_detail(lang, row.name, report, title(context, lang), tz(context))
    shown = [a for cell in row.cells for a in cell.counted][-ATTEMPT_BUTTONS:]
    buttons = [[button(t(lang, "trainer.buttons.transcript", n=a.number, score=a.score),
                       b.Transcript(a.session_id))] for a in shown]
    buttons.append([button(t(lang, "tg.back"), b.Members(data.cohort_id))])
    await send(context, who.uid, text, Markup(buttons))


@on(b.Transcript)
async def transcript(context: Context, who: Who, data: b.Transcript) -> None:
    svc = services(context)
    found = await svc.db.run(attempts.owned_attempt, who.uid, data.session_id)
    if found is None:
        await denied(context, who)
        return
    row = found.session
    turns = await svc.db.run(calls.turns, data.session_id)
    scenario = svc.catalog.scenarios.get(row.scenario_id)
    buyer = scenario.buyer.name if scenario else "?"
    why = breakdown.breakdown(row.report, scenario, who.lang,
                              (row.state or {}).get("hints_used", 0))
    await send(context, who.uid, views.transcript(
        who.lang, row, turns, found.learner.first_name,
        title(context, who.lang)(row.scenario_id), buyer, found.history,
        await remember_tz(context, who.uid), found.number, why),
        Markup([[button(t(who.lang, "trainer.buttons.review"), b.ReviewOpen(data.session_id))]])
        if row.score is not None else None)


async def override_command(update: Update, context: Context) -> None:
    """``/override <attempt> <score> <reason>``: correct a score, always with a reason."""
    who = await trainer(update, context)
    if who is None:
        return
    args = context.args or []
    session_id = number(args[0]) if args else None
    score = number(args[1]) if len(args) > 1 else None
    reason = " ".join(args[2:]).strip()[:MAX_REASON]
    if session_id is None or score is None or not 0 <= score <= 100 or not reason:
        await send(context, who.uid, tr(who.lang, "trainer.override.usage"))
        return
    done = await services(context).db.run(attempts.override, who.uid, session_id, score, reason)
    if done is None:
        await denied(context, who)
        return
    previous = done.override.previous if done.override else done.session.score
    await send(context, who.uid, tr(who.lang, "trainer.override.done", n=done.number,
                                    name=done.learner.first_name, original=previous,
                                    score=score, reason=reason))
    await _tell_learner(context, who, done)


async def _tell_learner(context: Context, who: Who, done: attempts.OwnedAttempt) -> None:
    """The learner hears of every correction of their score, and why."""
    user, row, o = done.learner, done.session, done.override
    if user.blocked or o is None:
        return
    author = (await services(context).db.run(accounts.get, who.uid))
    await send(context, user.id, tr(
        user.language, "trainer.override.told", trainer=author.first_name if author else "",
        title=title(context, user.language)(row.scenario_id),
        when=views.when(row.ended_at or row.started_at, user.timezone),
        previous=o.previous if o.previous is not None else row.score, score=o.score,
        reason=o.reason))
