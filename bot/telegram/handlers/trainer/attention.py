"""``/attention`` and the cohort panel's "needs attention" button, the daily digest switch
and the digest job. Who needs attention and when the digest goes are
``bot.trainers.attention``'s rules; this module only renders them."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup as Markup
from telegram import Update

from bot.clock import utcnow
from bot.i18n import t
from bot.i18n.html import h
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
)
from bot.telegram.handlers.trainer.cohorts import cohort_panel
from bot.telegram.render import tr
from bot.trainers import attention, views
from bot.trainers import cohorts as cq
from bot.trainers.attention import Attention, Flag
from bot.trainers.views import Title


async def attention_command(update: Update, context: Context) -> None:
    """``/attention`` for every cohort, ``/attention <cohort>`` for one."""
    who = await trainer(update, context)
    if who is None:
        return
    args = context.args or []
    if args:
        cohort_id = number(args[0])
        if cohort_id is None or cohort_id <= 0:
            await send(context, who.uid, tr(who.lang, "trainer.attention.usage"))
            return
        await show(context, who, b.Attention(cohort_id))
        return
    zone = await remember_tz(context, who.uid)
    found = await services(context).db.run(attention.for_trainer, who.uid, utcnow(), zone)
    if not found:
        await send(context, who.uid, tr(who.lang, "trainer.cohort.none"))
        return
    for view in found:
        await _send_view(context, who, view, zone)


@on(b.Attention)
async def show(context: Context, who: Who, data: b.Attention) -> None:
    zone = await remember_tz(context, who.uid)
    view = await services(context).db.run(attention.for_cohort, who.uid, data.cohort_id,
                                          utcnow(), zone)
    if view is None:
        await denied(context, who)
        return
    await _send_view(context, who, view, zone)


async def _send_view(context: Context, who: Who, view: Attention, zone: str) -> None:
    c = view.cohort.id or 0
    await send(context, who.uid, render(who.lang, view, title(context, who.lang), zone),
               Markup([[button(t(who.lang, "trainer.buttons.report"), b.Report(c)),
                        button(t(who.lang, "trainer.buttons.cohort"), b.CohortPanel(c))]]))


@on(b.ToggleDigest)
async def toggle_digest(context: Context, who: Who, data: b.ToggleDigest) -> None:
    cohort = await services(context).db.run(cq.toggle, who.uid, data.cohort_id, "digest")
    if cohort is None:
        await denied(context, who)
        return
    await cohort_panel(context, who, b.CohortPanel(data.cohort_id))


def render(lang: str, view: Attention, name_of: Title, zone: str) -> str:
    out = [f"<b>{tr(lang, 'trainer.attention.title', name=view.cohort.name)}</b>"]
    if not view.learners:
        out.append(tr(lang, "trainer.attention.none", members=view.members))
    for learner in view.learners:
        out.append(f"<b>{h(learner.name)}</b>")
        out += [_flag_line(lang, f, name_of, zone) for f in learner.flags]
    out += ["", f"<b>{tr(lang, 'trainer.attention.tomorrow')}</b>"]
    if not view.tomorrow:
        out.append(tr(lang, "trainer.attention.tomorrow_none"))
    for up in view.tomorrow:
        out.append(tr(lang, "trainer.attention.tomorrow_line",
                      time=views.when(up.at, zone)[-5:], name=up.name,
                      title=views.assignment_title(up.assignment, name_of)))
    return "\n".join(out)


def _flag_line(lang: str, f: Flag, name_of: Title, zone: str) -> str:
    why = ", ".join(t(lang, f"trainer.attention.reasons.{r}", due=views.when(f.assignment.due_at,
                                                                            zone))
                    for r in f.reasons)
    best = "–" if f.progress.best is None else f.progress.best
    return tr(lang, "trainer.attention.line", title=views.assignment_title(f.assignment, name_of),
              reasons=why, best=best, pass_mark=f.assignment.pass_mark)


async def digest_job(context: Context) -> None:
    """Every trainer whose digest moment has come today gets it once."""
    for digest in await services(context).db.run(attention.claim_digests, utcnow()):
        lang, zone = digest.trainer.language, digest.trainer.timezone
        text = "\n\n".join([f"<b>{tr(lang, 'trainer.attention.digest')}</b>",
                            *(render(lang, v, title(context, lang), zone)
                              for v in digest.cohorts)])
        await send(context, digest.trainer.id, text + "\n\n" + tr(lang, "trainer.attention.switch"))
