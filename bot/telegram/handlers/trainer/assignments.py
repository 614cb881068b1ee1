"""``/assign`` and the assign buttons, telling the learners, and the reminder job. The
rules (terms, due moment, which scenarios) are ``bot.trainers.assigning``'s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup as Markup
from telegram import Update

from bot import accounts
from bot.clock import utcnow
from bot.i18n import t
from bot.telegram import buttons as b
from bot.telegram import keyboards as kb
from bot.telegram import render
from bot.telegram.callback_data import button
from bot.telegram.common import Context, send, services
from bot.telegram.handlers.trainer.base import (
    DEFAULT_TZ,
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
from bot.trainers import assigning, dates, reminders, views
from bot.trainers import cohorts as cq
from bot.trainers.assigning import DEFAULT_ATTEMPTS, DEFAULT_PASS, DUE_CHOICES, Terms

if TYPE_CHECKING:
    from bot.storage.models import Assignment, User

KINDS = ("first_visit", "spin", "objection", "closing", "drill")
MANAGE = ("edit", "delete", "extra", "extend")


async def assign_command(update: Update, context: Context) -> None:
    """``/assign <cohort> <scenario>[,<drill>…] <due> [HH:MM] [pass=60] [attempts=3]``."""
    who = await trainer(update, context)
    if who is None:
        return
    args = context.args or []
    action = args[0].lower() if args else ""
    if action in MANAGE:
        await _manage(context, who, action, args[1:])
        return
    cohort_id = number(args[0]) if args else None
    if len(args) < 3 or cohort_id is None:
        await send(context, who.uid, tr(who.lang, "trainer.assign.usage"))
        return
    terms = assigning.read_terms(args[2:], await remember_tz(context, who.uid), utcnow())
    if terms.error:
        await send(context, who.uid, tr(who.lang, terms.error, **terms.values))
        return
    await _assign(context, who, cohort_id, args[1].split(","), terms)


@on(b.AssignDue)
async def assign_in_days(context: Context, who: Who, data: b.AssignDue) -> None:
    terms = assigning.in_days(data.days, await remember_tz(context, who.uid), utcnow())
    await _assign(context, who, data.cohort_id, [data.scenario_id], terms)


async def _assign(context: Context, who: Who, cohort_id: int, scenario_ids: list[str],
                  terms: Terms) -> None:
    svc = services(context)

    def may_assign(sid: str) -> bool:
        return svc.catalog.get(sid, audience={who.uid}) is not None

    done = await svc.db.run(assigning.assign, who.uid, cohort_id, scenario_ids, terms,
                            may_assign, utcnow())
    if done.assignment is None:
        await send(context, who.uid, tr(who.lang, done.error or "", **done.values))
        return
    told = 0
    for user in done.learners:
        if not user.blocked and await _tell(context, user, done.assignment) is not None:
            told += 1
    text = tr(who.lang, "trainer.assign.done",
              title=views.assignment_title(done.assignment, title(context, who.lang)),
              due=views.when(done.assignment.due_at, tz(context)),
              told=told, members=len(done.learners))
    await send(context, who.uid, text + _after_end(context, who, done),
               Markup([[button(t(who.lang, "trainer.buttons.cohort"), b.CohortPanel(cohort_id))]]))


def _after_end(context: Context, who: Who, done: assigning.Assigned) -> str:
    """The warning line when the due date lies after the cohort's end, else nothing."""
    a, cohort = done.assignment, done.cohort
    if a is None or cohort is None or not assigning.after_end(a, cohort, tz(context)):
        return ""
    ends = cohort.ends_on.strftime("%d-%m-%Y") if cohort.ends_on else ""
    return "\n" + tr(who.lang, "trainer.assignment.after_end", ends=ends)


async def _manage(context: Context, who: Who, action: str, args: list[str]) -> None:
    """``/assign edit <id> [due] [pass=70] [attempts=2]`` and ``/assign delete <id>`` (the
    id is in the assignment's panel, under ⚙️ in the cohort)."""
    assignment_id = number(args[0]) if args else None
    if assignment_id is None:
        await send(context, who.uid, tr(who.lang, "trainer.assignment.usage"))
        return
    if action == "delete":
        await delete_ask(context, who, b.AssignmentDelete(assignment_id))
        return
    if action in ("extra", "extend"):
        await _grant(context, who, action, assignment_id, args[1:])
        return
    changes = assigning.read_changes(args[1:], await remember_tz(context, who.uid), utcnow())
    if changes.error:
        await send(context, who.uid, tr(who.lang, changes.error, **changes.values))
        return
    if changes.due is None and not any(changes.values.values()):
        await send(context, who.uid, tr(who.lang, "trainer.assignment.usage"))
        return
    done = await services(context).db.run(assigning.edit, who.uid, assignment_id, changes,
                                          utcnow())
    if done.assignment is None:
        await send(context, who.uid, tr(who.lang, done.error or "", **done.values))
        return
    await send(context, who.uid, tr(who.lang, "trainer.assignment.edited")
               + _after_end(context, who, done))
    await assignment_panel(context, who, b.AssignmentPanel(assignment_id))


async def _grant(context: Context, who: Who, action: str, assignment_id: int,
                 args: list[str]) -> None:
    """``/assign extra <id> <learner id>`` (one more attempt per scenario) and ``/assign
    extend <id> <learner id> <due>`` (a later due moment for that learner only); the
    learner is told."""
    user_id = number(args[0]) if args else None
    due = None
    if action == "extend":
        due = dates.parse_due(args[1:], await remember_tz(context, who.uid), utcnow())
        if due is None or due <= utcnow():
            user_id = None
    if user_id is None:
        await send(context, who.uid, tr(who.lang, "trainer.assignment.usage"))
        return
    granted = await services(context).db.run(cq.grant, who.uid, assignment_id, user_id,
                                             1 if action == "extra" else 0, due)
    if granted is None:
        await denied(context, who)
        return
    a, user, _ = granted
    name = views.assignment_title(a, title(context, who.lang))
    if due is not None:
        await send(context, who.uid, tr(who.lang, "trainer.assignment.extended", title=name,
                                        name=user.first_name, due=views.when(due, tz(context))))
    else:
        await send(context, who.uid, tr(who.lang, "trainer.assignment.extra_given", title=name,
                                        name=user.first_name))
    if user.blocked:
        return
    mine_title = views.assignment_title(a, title(context, user.language))
    told = (tr(user.language, "trainer.mine.extended", title=mine_title,
               due=views.when(due, user.timezone)) if due is not None
            else tr(user.language, "trainer.mine.extra", title=mine_title))
    await send(context, user.id, told, _parts(context, user.language, a))


@on(b.AssignmentPanel)
async def assignment_panel(context: Context, who: Who, data: b.AssignmentPanel) -> None:
    found = await services(context).db.run(cq.own_assignment, who.uid, data.assignment_id)
    if found is None:
        await denied(context, who)
        return
    a, cohort = found
    zone = await remember_tz(context, who.uid)
    text = views.assignment_panel(who.lang, a, cohort, title(context, who.lang), zone)
    if assigning.after_end(a, cohort, zone):
        text += "\n" + tr(who.lang, "trainer.assignment.after_end",
                          ends=cohort.ends_on.strftime("%d-%m-%Y") if cohort.ends_on else "")
    await send(context, who.uid, text, Markup([
        [button(t(who.lang, "trainer.buttons.delete"), b.AssignmentDelete(a.id or 0)),
         button(t(who.lang, "trainer.buttons.cohort"), b.CohortPanel(cohort.id or 0))]]))


@on(b.AssignmentDelete)
async def delete_ask(context: Context, who: Who, data: b.AssignmentDelete) -> None:
    found = await services(context).db.run(cq.own_assignment, who.uid, data.assignment_id)
    if found is None:
        await denied(context, who)
        return
    a, cohort = found
    await send(context, who.uid, tr(who.lang, "trainer.assignment.delete_ask",
                                    title=views.assignment_title(a, title(context, who.lang)),
                                    cohort=cohort.name),
               Markup([[button(t(who.lang, "trainer.buttons.delete_yes"),
                               b.AssignmentDeleteYes(a.id or 0)),
                        button(t(who.lang, "tg.back"), b.AssignmentPanel(a.id or 0))]]))


@on(b.AssignmentDeleteYes)
async def delete_yes(context: Context, who: Who, data: b.AssignmentDeleteYes) -> None:
    gone = await services(context).db.run(cq.delete_assignment, who.uid, data.assignment_id)
    if gone is None:
        await denied(context, who)
        return
    await send(context, who.uid, tr(who.lang, "trainer.assignment.deleted",
                                    title=views.assignment_title(gone, title(context, who.lang))),
               Markup([[button(t(who.lang, "trainer.buttons.cohort"),
                               b.CohortPanel(gone.cohort_id))]]))


async def _tell(context: Context, user: User, a: Assignment) -> object:
    text = tr(user.language, "trainer.mine.new",
              title=views.assignment_title(a, title(context, user.language)),
              due=views.when(a.due_at, user.timezone), pass_mark=a.pass_mark,
              attempts=a.max_attempts)
    return await send(context, user.id, text, _parts(context, user.language, a))


def _parts(context: Context, lang: str, a: Assignment) -> Markup:
    """The assignment's page and one tap to each of its parts."""
    catalog = services(context).catalog
    return kb.assignment_parts(lang, a.id or 0,
                               [catalog.scenarios.get(sid) for sid in a.scenario_ids])


@on(b.AssignMenu)
async def assign_menu(context: Context, who: Who, data: b.AssignMenu) -> None:
    svc, c = services(context), data.cohort_id
    if await svc.db.run(cq.own_cohort, who.uid, c) is None:
        await denied(context, who)
        return
    rows = []
    for kind in KINDS:
        for s in svc.catalog.of_kind(kind, who.lang, audience={who.uid}):
            pick = b.AssignScenario(c, s.id)
            if pick.fits():
                rows.append([button(render.scenario_title(s, who.lang)[:60], pick)])
    rows.append([button(t(who.lang, "tg.back"), b.CohortPanel(c))])
    await send(context, who.uid, tr(who.lang, "trainer.assign.pick", id=c), Markup(rows))


@on(b.AssignScenario)
async def assign_due(context: Context, who: Who, data: b.AssignScenario) -> None:
    if await services(context).db.run(cq.own_cohort, who.uid, data.cohort_id) is None:
        await denied(context, who)
        return
    choices = [b.AssignDue(data.cohort_id, d, data.scenario_id) for d in DUE_CHOICES]
    rows = [[button(t(who.lang, "trainer.buttons.in_days", days=c.days), c)
             for c in choices if c.fits()]]
    await send(context, who.uid, tr(who.lang, "trainer.assign.when",
                                    title=title(context, who.lang)(data.scenario_id),
                                    pass_mark=DEFAULT_PASS, attempts=DEFAULT_ATTEMPTS,
                                    id=data.cohort_id, scenario=data.scenario_id),
               Markup(rows))


async def reminder_job(context: Context) -> None:
    svc = services(context)
    for r in await svc.db.run(reminders.claim_due_reminders, utcnow()):
        user = await svc.db.run(accounts.get, r.user_id)
        zone = user.timezone if user else DEFAULT_TZ
        text = tr(r.language, "trainer.mine.reminder",
                  title=views.assignment_title(r.assignment, title(context, r.language)),
                  cohort=r.cohort_name,
                  due=views.when(r.due_at or r.assignment.due_at, zone),
                  pass_mark=r.assignment.pass_mark)
        await send(context, r.user_id, text, _parts(context, r.language, r.assignment))
