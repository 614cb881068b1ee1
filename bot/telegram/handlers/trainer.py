"""Trainer and admin commands: cohorts, assignments, reports, their own scenarios; and the
learner's side of it: joining by link, assignments, leaving, the leaderboard.

Every trainer command and every ``tr:`` button checks the role on the server side first
(``_trainer``); a learner gets "not available to you" and nothing else happens. Every
cohort, learner or attempt a trainer names is looked up through queries that only find
the trainer's *own* cohorts, so a forged button or a guessed id reveals nothing.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import calls, charts
from bot.i18n import LANGUAGES, t
from bot.scenario.loader import load_text
from bot.storage import cohorts as cq
from bot.storage import queries as q
from bot.storage.models import utcnow
from bot.telegram import keyboards as kb
from bot.telegram import render
from bot.telegram.commands import set_role_menu
from bot.telegram.common import Context, answer_query, learner, send, services
from bot.telegram.handlers import fallback, menu
from bot.telegram.render import h, tr
from bot.trainers import attempts, codes, dates, export, mine, reminders, roles, uploads, views
from bot.trainers import cohort_report as rep

log = logging.getLogger(__name__)
REMINDER_INTERVAL = 300  # seconds
DEFAULT_PASS, DEFAULT_ATTEMPTS = 60, 3
MAX_ATTEMPTS_LIMIT = 20
DUE_CHOICES = (3, 7, 14)
MAX_NAME = 60


# -- who is asking ---------------------------------------------------------------------------


async def role_of(context: Context, uid: int) -> str:
    svc = services(context)
    return roles.effective_role(uid, await svc.db.run(cq.stored_role, uid), svc.settings.admins)


async def _trainer(update: Update, context: Context) -> tuple[int, str, str] | None:
    """(id, language, role) of a trainer or admin; anyone else is told no, and that is all."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    role = await role_of(context, uid)
    if not roles.can_train(role):
        await send(context, uid, tr(lang, "trainer.denied"))
        return None
    return uid, lang, role


async def _denied(context: Context, uid: int, lang: str) -> None:
    """The same answer for "not yours" as for "does not exist": nothing leaks."""
    await send(context, uid, tr(lang, "trainer.not_found"))


def _title(context: Context, lang: str):
    catalog = services(context).catalog
    return lambda sid: kb.title_of(catalog, sid, lang)


def _tz(context: Context) -> str:
    return (context.user_data or {}).get("tz") or "Europe/Amsterdam"


async def _remember_tz(context: Context, uid: int) -> str:
    user = await services(context).db.run(q.get_user, uid)
    tz = user.timezone if user else "Europe/Amsterdam"
    if context.user_data is not None:
        context.user_data["tz"] = tz
    return tz


def _int(text: str | None) -> int | None:
    return int(text) if text and text.lstrip("-").isdigit() and len(text) < 19 else None


# -- /trainer --------------------------------------------------------------------------------


async def trainer_command(update: Update, context: Context) -> None:
    """``/trainer`` (the panel), ``/trainer add|remove <telegram id>`` (admins)."""
    who = await _trainer(update, context)
    if who is None:
        return
    uid, lang, role = who
    args = context.args or []
    if args and args[0] in ("add", "remove"):
        if not roles.is_admin(role):
            await send(context, uid, tr(lang, "trainer.admin_only"))
            return
        target = _int(args[1]) if len(args) > 1 else None
        if target is None:
            await send(context, uid, tr(lang, "trainer.promote.usage"))
            return
        await _set_role(context, uid, lang, target, args[0] == "add")
        return
    await _panel(context, uid, lang, role)


async def _panel(context: Context, uid: int, lang: str, role: str) -> None:
    text = tr(lang, "trainer.panel") + ("\n\n" + tr(lang, "trainer.panel_admin")
                                        if roles.is_admin(role) else "")
    markup = Markup([[Button(t(lang, "trainer.buttons.cohorts"), callback_data="tr:cl"),
                      Button(t(lang, "trainer.buttons.scenarios"), callback_data="tr:sl")],
                     [Button(t(lang, "tg.back"), callback_data="menu")]])
    await send(context, uid, text, markup)


async def _set_role(context: Context, uid: int, lang: str, target: int, promote: bool) -> None:
    svc = services(context)
    user = await svc.db.run(cq.set_role, target,
                            roles.TRAINER if promote else roles.LEARNER)
    if user is None:
        await send(context, uid, tr(lang, "trainer.promote.unknown", id=target))
        return
    key = "trainer.promote.done" if promote else "trainer.promote.removed"
    await send(context, uid, tr(lang, key, name=user.first_name or target, id=target))
    await set_role_menu(context.bot, target, user.language, trainer=promote)
    if promote:
        await send(context, target, tr(user.language, "trainer.promote.welcome"))


async def on_forward(update: Update, context: Context) -> None:
    """An admin forwards a message from someone: offer to make them a trainer."""
    uid, lang = await learner(update, context)
    origin = update.effective_message.forward_origin
    sender = getattr(origin, "sender_user", None)
    if sender is None or sender.is_bot:
        await send(context, uid, tr(lang, "trainer.promote.hidden"))
        return
    await send(context, uid, tr(lang, "trainer.promote.ask", name=sender.first_name),
               Markup([[Button(t(lang, "trainer.buttons.promote"),
                               callback_data=f"tr:pr:{sender.id}")]]))


# -- cohorts ---------------------------------------------------------------------------------


async def cohort_command(update: Update, context: Context) -> None:
    """``/cohort [list]``, ``/cohort new <name> [nl|en] [end date]``,
    ``/cohort link|rotate|close|open <id>``, ``/cohort remove <id> <learner id>``."""
    who = await _trainer(update, context)
    if who is None:
        return
    uid, lang, _ = who
    args = context.args or []
    action = args[0].lower() if args else "list"
    if action == "list":
        await _cohort_list(context, uid, lang)
    elif action == "new":
        await _cohort_new(context, uid, lang, args[1:])
    elif action in ("link", "rotate", "close", "open") and len(args) > 1 \
            and _int(args[1]) is not None:
        await _cohort_action(context, uid, lang, action, _int(args[1]) or 0)
    elif action == "remove" and len(args) > 2 and _int(args[1]) and _int(args[2]):
        await _remove_member(context, uid, lang, _int(args[1]) or 0, _int(args[2]) or 0)
    else:
        await send(context, uid, tr(lang, "trainer.cohort.usage"))


async def _cohort_list(context: Context, uid: int, lang: str) -> None:
    rows = await services(context).db.run(cq.trainer_cohorts, uid)
    if not rows:
        await send(context, uid, tr(lang, "trainer.cohort.none"))
        return
    text = "\n".join([f"<b>{tr(lang, 'trainer.cohort.list')}</b>",
                      *(views.cohort_line(lang, c, n) for c, n in rows)])
    buttons = [[Button(f"{c.name[:40]} ({n})", callback_data=f"tr:c:{c.id}")] for c, n in rows]
    await send(context, uid, text, Markup(buttons))


async def _cohort_new(context: Context, uid: int, lang: str, words: list[str]) -> None:
    ends_on = None
    language = lang
    if words and dates.parse_date(words[-1]) is not None:
        ends_on = dates.parse_date(words.pop())
        if ends_on is not None and ends_on < utcnow().date():
            await send(context, uid, tr(lang, "trainer.cohort.end_past"))
            return
    if words and words[-1].lower() in LANGUAGES:
        language = words.pop().lower()
    name = " ".join(words).strip()
    if not name or len(name) > MAX_NAME:
        await send(context, uid, tr(lang, "trainer.cohort.usage_new", limit=MAX_NAME))
        return
    cohort = await services(context).db.run(cq.create_cohort, uid, name, language, ends_on,
                                            codes.new_code)
    await send(context, uid, tr(lang, "trainer.cohort.created", name=name))
    await _cohort_panel(context, uid, lang, cohort.id or 0)


async def _link(context: Context, code: str) -> str:
    username = context.bot.username or (await context.bot.get_me()).username
    return codes.join_link(username, code)


async def _cohort_panel(context: Context, uid: int, lang: str, cohort_id: int) -> None:
    svc = services(context)
    cohort = await svc.db.run(cq.own_cohort, uid, cohort_id)
    if cohort is None:
        await _denied(context, uid, lang)
        return
    members = await svc.db.run(cq.members, cohort_id)
    assignments = await svc.db.run(cq.cohort_assignments, cohort_id)
    tz = await _remember_tz(context, uid)
    text = views.cohort_panel(lang, cohort, len(members), await _link(context, cohort.join_code),
                              assignments, _title(context, lang), tz)
    c = cohort.id
    join_key = "trainer.buttons.close" if cohort.join_open else "trainer.buttons.open"
    lb_key = "trainer.buttons.lb_off" if cohort.leaderboard else "trainer.buttons.lb_on"
    markup = Markup([
        [Button(t(lang, "trainer.buttons.report"), callback_data=f"tr:r:{c}"),
         Button(t(lang, "trainer.buttons.export"), callback_data=f"tr:x:{c}")],
        [Button(t(lang, "trainer.buttons.assign"), callback_data=f"tr:a:{c}"),
         Button(t(lang, "trainer.buttons.members"), callback_data=f"tr:m:{c}")],
        [Button(t(lang, "trainer.buttons.rotate"), callback_data=f"tr:rot:{c}"),
         Button(t(lang, join_key), callback_data=f"tr:jo:{c}")],
        [Button(t(lang, lb_key), callback_data=f"tr:lb:{c}"),
         Button(t(lang, "tg.back"), callback_data="tr:cl")],
    ])
    await send(context, uid, text, markup)


async def _cohort_action(context: Context, uid: int, lang: str, action: str,
                         cohort_id: int) -> None:
    db = services(context).db
    if action == "link":
        cohort = await db.run(cq.own_cohort, uid, cohort_id)
    elif action == "rotate":
        cohort = await db.run(cq.rotate_code, uid, cohort_id, codes.new_code)
    else:
        cohort = await db.run(cq.update_cohort, uid, cohort_id, join_open=action == "open")
    if cohort is None:
        await _denied(context, uid, lang)
        return
    if action == "close":
        await send(context, uid, tr(lang, "trainer.cohort.closed_now", name=cohort.name))
        return
    key = "trainer.cohort.rotated" if action == "rotate" else "trainer.cohort.link_is"
    await send(context, uid, tr(lang, key, name=cohort.name,
                                link=await _link(context, cohort.join_code)))


async def _remove_member(context: Context, uid: int, lang: str, cohort_id: int,
                         user_id: int) -> None:
    user = await services(context).db.run(cq.remove_member, uid, cohort_id, user_id)
    if user is None:
        await _denied(context, uid, lang)
        return
    await send(context, uid, tr(lang, "trainer.members.removed", name=user.first_name))


async def _members(context: Context, uid: int, lang: str, cohort_id: int) -> None:
    svc = services(context)
    cohort = await svc.db.run(cq.own_cohort, uid, cohort_id)
    if cohort is None:
        await _denied(context, uid, lang)
        return
    rows = await svc.db.run(cq.members, cohort_id)
    names = rep.display_names([u for u, _ in rows])
    if not rows:
        await send(context, uid, tr(lang, "trainer.report.no_members"))
        return
    buttons = [[Button(names[u.id][:40], callback_data=f"tr:l:{cohort_id}:{u.id}"),
                Button("✖", callback_data=f"tr:rm:{cohort_id}:{u.id}")] for u, _ in rows]
    buttons.append([Button(t(lang, "tg.back"), callback_data=f"tr:c:{cohort_id}")])
    await send(context, uid, tr(lang, "trainer.members.title", name=cohort.name,
                                count=len(rows)), Markup(buttons))


# -- assignments -----------------------------------------------------------------------------


async def assign_command(update: Update, context: Context) -> None:
    """``/assign <cohort> <scenario>[,<drill>…] <due> [HH:MM] [pass=60] [attempts=3]``."""
    who = await _trainer(update, context)
    if who is None:
        return
    uid, lang, _ = who
    args = context.args or []
    if len(args) < 3 or _int(args[0]) is None:
        await send(context, uid, tr(lang, "trainer.assign.usage"))
        return
    pass_mark, attempts, due_words = DEFAULT_PASS, DEFAULT_ATTEMPTS, []
    for word in args[2:]:
        key, sep, value = word.partition("=")
        if sep and key.lower() in ("pass", "cijfer", "score"):
            pass_mark = _int(value.rstrip("%"))
            if pass_mark is None or not 0 <= pass_mark <= 100:
                await send(context, uid, tr(lang, "trainer.assign.bad_pass"))
                return
        elif sep and key.lower() in ("attempts", "pogingen", "max"):
            attempts = _int(value)
            if attempts is None or not 1 <= attempts <= MAX_ATTEMPTS_LIMIT:
                await send(context, uid, tr(lang, "trainer.assign.bad_attempts",
                                            limit=MAX_ATTEMPTS_LIMIT))
                return
        else:
            due_words.append(word)
    tz = await _remember_tz(context, uid)
    due = dates.parse_due(due_words, tz, utcnow())
    if due is None:
        await send(context, uid, tr(lang, "trainer.assign.bad_due"))
        return
    await _assign(context, uid, lang, _int(args[0]) or 0,
                  [sid for sid in args[1].split(",") if sid], due, pass_mark, attempts)


async def _assign(context: Context, uid: int, lang: str, cohort_id: int,
                  scenario_ids: list[str], due, pass_mark: int, attempts: int) -> None:
    svc = services(context)
    unknown = [sid for sid in scenario_ids if svc.catalog.get(sid, audience={uid}) is None]
    if unknown or not scenario_ids:
        await send(context, uid, tr(lang, "trainer.assign.unknown_scenario",
                                    ids=", ".join(unknown) or "–"))
        return
    if due <= utcnow():
        await send(context, uid, tr(lang, "trainer.assign.due_past"))
        return
    created = await svc.db.run(cq.create_assignment, uid, cohort_id, list(dict.fromkeys(
        scenario_ids)), due, pass_mark, attempts)
    if created is None:
        await _denied(context, uid, lang)
        return
    assignment, learners = created
    told = 0
    for user in learners:
        if user.blocked:
            continue
        title = views.assignment_title(assignment, _title(context, user.language))
        text = tr(user.language, "trainer.mine.new", title=title,
                  due=views.when(assignment.due_at, user.timezone), pass_mark=pass_mark,
                  attempts=attempts)
        markup = kb.assignment_parts(user.language, assignment.id, [
            svc.catalog.scenarios.get(sid) for sid in assignment.scenario_ids])
        if await send(context, user.id, text, markup) is not None:
            told += 1
    await send(context, uid, tr(lang, "trainer.assign.done",
                                title=views.assignment_title(assignment, _title(context, lang)),
                                due=views.when(assignment.due_at, _tz(context)), told=told,
                                members=len(learners)),
               Markup([[Button(t(lang, "trainer.buttons.cohort"),
                               callback_data=f"tr:c:{cohort_id}")]]))


async def _assign_pick(context: Context, uid: int, lang: str, cohort_id: int) -> None:
    svc = services(context)
    if await svc.db.run(cq.own_cohort, uid, cohort_id) is None:
        await _denied(context, uid, lang)
        return
    rows = []
    for kind in ("first_visit", "spin", "objection", "closing", "drill"):
        for s in svc.catalog.of_kind(kind, lang, audience={uid}):
            data = f"tr:ap:{cohort_id}:{s.id}"
            if len(data.encode()) <= 64:
                rows.append([Button(render.scenario_title(s, lang)[:60], callback_data=data)])
    rows.append([Button(t(lang, "tg.back"), callback_data=f"tr:c:{cohort_id}")])
    await send(context, uid, tr(lang, "trainer.assign.pick", id=cohort_id), Markup(rows))


async def _assign_due(context: Context, uid: int, lang: str, cohort_id: int,
                      scenario_id: str) -> None:
    if await services(context).db.run(cq.own_cohort, uid, cohort_id) is None:
        await _denied(context, uid, lang)
        return
    rows = [[Button(t(lang, "trainer.buttons.in_days", days=d),
                    callback_data=f"tr:ad:{cohort_id}:{d}:{scenario_id}"[:64])
             for d in DUE_CHOICES]]
    await send(context, uid, tr(lang, "trainer.assign.when", title=_title(context, lang)(
        scenario_id), pass_mark=DEFAULT_PASS, attempts=DEFAULT_ATTEMPTS, id=cohort_id,
        scenario=scenario_id), Markup(rows))


# -- reports ---------------------------------------------------------------------------------


async def _pick_cohort(context: Context, uid: int, lang: str, action: str) -> int | None:
    """The cohort a /report or /export means: the argument, the only one, or a choice."""
    args = context.args or []
    if args:
        cohort_id = _int(args[0])
        if cohort_id is None:
            await send(context, uid, tr(lang, f"trainer.{action}_usage"))
        return cohort_id
    rows = await services(context).db.run(cq.trainer_cohorts, uid)
    if not rows:
        await send(context, uid, tr(lang, "trainer.cohort.none"))
        return None
    if len(rows) == 1:
        return rows[0][0].id
    prefix = {"report": "r", "export": "x"}[action]
    await send(context, uid, tr(lang, "trainer.pick_cohort"),
               Markup([[Button(c.name[:40], callback_data=f"tr:{prefix}:{c.id}")]
                       for c, _ in rows]))
    return None


async def _report_for(context: Context, uid: int, lang: str,
                      cohort_id: int) -> rep.CohortReport | None:
    """The cohort's report, or None after telling the trainer it is not theirs."""
    db = services(context).db
    cohort = await db.run(cq.own_cohort, uid, cohort_id)
    if cohort is None:
        await _denied(context, uid, lang)
        return None
    data = await db.run(cq.cohort_data, cohort)
    return rep.build(data, utcnow())


async def _for_one_cohort(update: Update, context: Context, action: str, run) -> None:
    """A trainer command about one cohort: the one named, the only one, or a choice."""
    who = await _trainer(update, context)
    if who is None:
        return
    uid, lang, _ = who
    cohort_id = await _pick_cohort(context, uid, lang, action)
    if cohort_id is not None:
        await run(context, uid, lang, cohort_id)


async def report_command(update: Update, context: Context) -> None:
    """``/report [cohort]``: the learner × assignment table, weakest skills, not started."""
    await _for_one_cohort(update, context, "report", _report)


async def _report(context: Context, uid: int, lang: str, cohort_id: int) -> None:
    report = await _report_for(context, uid, lang, cohort_id)
    if report is None:
        return
    tz = await _remember_tz(context, uid)
    markup = Markup([
        [Button(t(lang, "trainer.buttons.charts"), callback_data=f"tr:ch:{cohort_id}"),
         Button(t(lang, "trainer.buttons.members"), callback_data=f"tr:m:{cohort_id}")],
        [Button(t(lang, "trainer.buttons.export"), callback_data=f"tr:x:{cohort_id}"),
         Button(t(lang, "trainer.buttons.cohort"), callback_data=f"tr:c:{cohort_id}")],
    ])
    await send(context, uid, views.report_text(lang, report, _title(context, lang), tz), markup)


async def _charts(context: Context, uid: int, lang: str, cohort_id: int) -> None:
    report = await _report_for(context, uid, lang, cohort_id)
    if report is None:
        return
    skill_names = {s: t(lang, f"card.sections.{s}") for s in rep.SKILLS}
    distribution = await asyncio.to_thread(
        charts.distribution_chart, report.best_scores(),
        title=t(lang, "trainer.charts.distribution", name=report.cohort.name),
        x_label=t(lang, "trainer.charts.score"), y_label=t(lang, "trainer.charts.learners"),
        empty_text=t(lang, "trainer.charts.empty"))
    matrix = await asyncio.to_thread(
        charts.skills_matrix_chart,
        [(r.name, {s: r.skills.get(s) for s in rep.SKILLS}) for r in report.rows],
        skill_names, title=t(lang, "trainer.charts.skills", name=report.cohort.name),
        empty_text=t(lang, "trainer.charts.empty"))
    for image in (distribution, matrix):
        try:
            await context.bot.send_photo(uid, image)
        except TelegramError as exc:
            log.warning("could not send a chart: %s", exc)


async def export_command(update: Update, context: Context) -> None:
    """``/export [cohort]``: a CSV file, one row per learner per assignment."""
    await _for_one_cohort(update, context, "export", _export)


async def _export(context: Context, uid: int, lang: str, cohort_id: int) -> None:
    report = await _report_for(context, uid, lang, cohort_id)
    if report is None:
        return
    data = export.to_csv(report, lang, _title(context, lang))
    slug = "".join(ch if ch.isalnum() else "-" for ch in report.cohort.name).strip("-")[:40]
    name = f"{slug or 'cohort'}-{utcnow():%Y-%m-%d}.csv"
    await context.bot.send_document(uid, data, filename=name,
                                    caption=t(lang, "trainer.export.caption",
                                              rows=len(report.rows) * len(report.assignments),
                                              sep=export.separator(lang)))


async def _learner_detail(context: Context, uid: int, lang: str, cohort_id: int,
                          user_id: int) -> None:
    report = await _report_for(context, uid, lang, cohort_id)
    if report is None:
        return
    row = next((r for r in report.rows if r.user_id == user_id), None)
    if row is None:
        await _denied(context, uid, lang)
        return
    text = views.learner_detail(lang, row.name, report, _title(context, lang), _tz(context))
    attempts = [a for cell in row.cells for a in cell.counted][-10:]
    buttons = [[Button(t(lang, "trainer.buttons.transcript", id=a.session_id, score=a.score),
                       callback_data=f"tr:t:{a.session_id}")] for a in attempts]
    buttons.append([Button(t(lang, "tg.back"), callback_data=f"tr:m:{cohort_id}")])
    await send(context, uid, text, Markup(buttons))


async def _transcript(context: Context, uid: int, lang: str, session_id: int) -> None:
    db = services(context).db
    found = await db.run(attempts.owned_attempt, uid, session_id)
    if found is None:
        await _denied(context, uid, lang)
        return
    row = found.session
    turns = await db.run(q.session_turns, session_id)
    scenario = services(context).catalog.scenarios.get(row.scenario_id)
    buyer = scenario.buyer.name if scenario else "?"
    await send(context, uid, views.transcript(lang, row, turns, found.learner.first_name,
                                              _title(context, lang)(row.scenario_id), buyer,
                                              found.override))


async def override_command(update: Update, context: Context) -> None:
    """``/override <attempt> <score> <reason>``: correct a score, always with a reason."""
    who = await _trainer(update, context)
    if who is None:
        return
    uid, lang, _ = who
    args = context.args or []
    session_id = _int(args[0]) if args else None
    score = _int(args[1]) if len(args) > 1 else None
    reason = " ".join(args[2:]).strip()
    if session_id is None or score is None or not 0 <= score <= 100 or not reason:
        await send(context, uid, tr(lang, "trainer.override.usage"))
        return
    done = await services(context).db.run(attempts.override, uid, session_id, score,
                                          reason[:300])
    if done is None:
        await _denied(context, uid, lang)
        return
    await send(context, uid, tr(lang, "trainer.override.done", id=session_id,
                                name=done.learner.first_name, original=done.session.score,
                                score=score, reason=reason[:300]))


# -- leaderboard -----------------------------------------------------------------------------


async def leaderboard_command(update: Update, context: Context) -> None:
    """``/leaderboard``: the boards of the learner's cohorts where the trainer switched it on
    (trainers also see their own cohorts'); ``/leaderboard hide|show`` for one's name."""
    uid, lang = await learner(update, context)
    svc = services(context)
    args = [a.lower() for a in context.args or []]
    if args and args[0] in ("hide", "show", "verberg", "toon"):
        hide = args[0] in ("hide", "verberg")
        await svc.db.run(cq.set_hide_name, uid, hide)
        key = "trainer.leaderboard.hidden" if hide else "trainer.leaderboard.shown"
        await send(context, uid, tr(lang, key))
        return
    cohorts = [c for c, _ in await svc.db.run(cq.learner_cohorts, uid) if c.leaderboard]
    if roles.can_train(await role_of(context, uid)):
        cohorts += [c for c, _ in await svc.db.run(cq.trainer_cohorts, uid)]
    if not cohorts:
        await send(context, uid, tr(lang, "trainer.leaderboard.none"))
        return
    out = []
    for cohort in {c.id: c for c in cohorts}.values():
        data = await svc.db.run(cq.cohort_data, cohort)
        board = rep.leaderboard(rep.build(data, utcnow()))
        out += ["", f"<b>{tr(lang, 'trainer.leaderboard.title', name=cohort.name)}</b>"]
        if not cohort.leaderboard:
            out.append(tr(lang, "trainer.leaderboard.off_note"))
        for place, (name, passed, score) in enumerate(board[:20], 1):
            shown = name if name is not None else t(lang, "trainer.leaderboard.anonymous")
            out.append(tr(lang, "trainer.leaderboard.line", place=place, name=shown,
                          passed=passed, score=score))
        if not board:
            out.append(tr(lang, "trainer.leaderboard.empty"))
    out += ["", tr(lang, "trainer.leaderboard.privacy")]
    await send(context, uid, "\n".join(out).strip())


# -- trainer scenarios -----------------------------------------------------------------------


async def scenario_command(update: Update, context: Context) -> None:
    """``/scenario [list]``, ``/scenario download|test|delete <id>``,
    ``/scenario publish|unpublish <id>`` (admins). A YAML document uploads one."""
    who = await _trainer(update, context)
    if who is None:
        return
    uid, lang, role = who
    args = context.args or []
    action = args[0].lower() if args else "list"
    sid = args[1] if len(args) > 1 else ""
    if action == "list":
        await _scenario_list(context, uid, lang)
    elif action in ("download", "test", "delete") and sid:
        await {"download": _download, "test": _test, "delete": _delete}[action](
            context, uid, lang, role, sid)
    elif action in ("publish", "unpublish") and sid:
        await _publish(context, uid, lang, role, sid, action == "publish")
    else:
        await send(context, uid, tr(lang, "trainer.scenario.usage",
                                    limit=uploads.MAX_SCENARIOS_PER_TRAINER,
                                    size=uploads.MAX_UPLOAD_BYTES // 1024))


async def _scenario_list(context: Context, uid: int, lang: str) -> None:
    rows = await services(context).db.run(cq.trainer_scenarios, uid)
    out = [f"<b>{tr(lang, 'trainer.scenario.mine')}</b>"]
    out += [tr(lang, "trainer.scenario.line", id=r.scenario_id,
               title=_title(context, lang)(r.scenario_id),
               state=t(lang, "trainer.scenario.published" if r.published
                       else "trainer.scenario.private")) for r in rows]
    if not rows:
        out.append(tr(lang, "trainer.scenario.none"))
    out += ["", tr(lang, "trainer.scenario.usage", limit=uploads.MAX_SCENARIOS_PER_TRAINER,
                   size=uploads.MAX_UPLOAD_BYTES // 1024)]
    buttons = [[Button(t(lang, "trainer.buttons.test", id=r.scenario_id)[:60],
                       callback_data=f"tr:st:{r.scenario_id}"[:64])] for r in rows]
    await send(context, uid, "\n".join(out), Markup(buttons) if buttons else None)


async def _download(context: Context, uid: int, lang: str, role: str, sid: str) -> None:
    svc = services(context)
    audience = None if roles.is_admin(role) else {uid}
    if svc.catalog.get(sid, audience=audience or set()) is None and not roles.is_admin(role):
        await _denied(context, uid, lang)
        return
    row = await svc.db.run(cq.trainer_scenario, sid)
    if row is not None:
        data, name = row.yaml_text.encode("utf-8"), row.file_name
    elif sid in svc.catalog.sources:
        path = svc.catalog.sources[sid]
        data, name = await asyncio.to_thread(_read_bytes, path), f"{sid}.yaml"
    else:
        await _denied(context, uid, lang)
        return
    await context.bot.send_document(uid, data, filename=name,
                                    caption=t(lang, "trainer.scenario.download_caption"))


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


async def _test(context: Context, uid: int, lang: str, role: str, sid: str) -> None:
    """A trainer tries their scenario exactly as a learner will see it."""
    svc = services(context)
    if svc.catalog.get(sid, audience={uid}) is None:
        await _denied(context, uid, lang)
        return
    cs = svc.catalog.compiled(sid)
    play_lang = svc.catalog.language_for(cs.scenario, lang)
    await send(context, uid, render.briefing(cs, play_lang, None),
               kb.briefing(lang, sid, calls.has_preparation(cs)))


async def _delete(context: Context, uid: int, lang: str, role: str, sid: str) -> None:
    svc = services(context)
    if not await svc.db.run(cq.delete_trainer_scenario, uid, sid):
        await _denied(context, uid, lang)
        return
    svc.catalog.remove(sid)
    await send(context, uid, tr(lang, "trainer.scenario.deleted", id=sid))


async def _publish(context: Context, uid: int, lang: str, role: str, sid: str,
                   published: bool) -> None:
    if not roles.is_admin(role):
        await send(context, uid, tr(lang, "trainer.admin_only"))
        return
    svc = services(context)
    row = await svc.db.run(cq.set_published, sid, published)
    if row is None:
        await _denied(context, uid, lang)
        return
    svc.catalog.set_published(sid, published)
    key = "trainer.scenario.now_public" if published else "trainer.scenario.now_private"
    await send(context, uid, tr(lang, key, id=sid))


async def on_document(update: Update, context: Context) -> None:
    """A trainer's YAML file: validated like ``python -m bot validate``, then installed."""
    uid, lang = await learner(update, context)
    if not roles.can_train(await role_of(context, uid)):
        await fallback.non_text(update, context)
        return
    doc = update.effective_message.document
    name = (doc.file_name or "scenario.yaml").replace("/", "_")[:100]
    early = uploads.precheck(name, doc.file_size)
    if early is not None:
        await send(context, uid, tr(lang, early.error or "", **early.values))
        return
    svc = services(context)
    file = await context.bot.get_file(doc.file_id)
    raw = bytes(await file.download_as_bytearray())
    mine_rows = await svc.db.run(cq.trainer_scenarios, uid)
    owners = dict(svc.catalog.owners)
    check = uploads.check_upload(name, raw, uid, svc.catalog.builtin_ids(), owners,
                                 len(mine_rows))
    if check.error:
        await send(context, uid, tr(lang, check.error, **check.values))
        return
    if check.scenario is None:
        problems = "\n".join(h(p) for p in check.problems[:30])
        more = len(check.problems) - 30
        await send(context, uid, tr(lang, "trainer.upload.invalid", name=name,
                                    count=len(check.problems))
                   + f"\n<pre>{problems}</pre>"
                   + (("\n" + tr(lang, "trainer.report.more", count=more)) if more > 0 else ""))
        return
    scenario = check.scenario
    row = await svc.db.run(cq.save_trainer_scenario, uid, scenario.id, name,
                           raw.decode("utf-8-sig"))
    svc.catalog.add(scenario, uid, row.published)
    key = "trainer.upload.replaced" if check.replaces else "trainer.upload.installed"
    await send(context, uid, tr(lang, key, id=scenario.id,
                                title=render.scenario_title(scenario, lang)),
               Markup([[Button(t(lang, "trainer.buttons.test", id=scenario.id)[:60],
                               callback_data=f"tr:st:{scenario.id}"[:64])]]))


def load_trainer_scenarios(app: Application) -> None:
    """Install the uploaded scenarios at start; one that no longer validates is skipped."""
    svc = app.bot_data["services"]
    try:
        rows = svc.db.call(cq.trainer_scenarios)
    except Exception:  # an unmigrated database: the runner migrates before this
        log.exception("could not load trainer scenarios")
        return
    for row in rows:
        scenario, problems = load_text(row.yaml_text, row.file_name)
        if scenario is None:
            log.warning("trainer scenario %s skipped: %s", row.scenario_id,
                        "; ".join(map(str, problems)))
            continue
        svc.catalog.add(scenario, row.owner_id, row.published)


# -- trainer buttons -------------------------------------------------------------------------


async def trainer_button(update: Update, context: Context) -> None:
    """Every ``tr:`` button: the role first, then ownership inside each action."""
    who = await _trainer(update, context)
    if who is None:
        return
    uid, lang, role = who
    parts = (update.callback_query.data or "").split(":")
    action, rest = parts[1] if len(parts) > 1 else "", parts[2:]
    ids = [_int(p) for p in rest]
    one = ids[0] if ids else None
    if action == "cl":
        await _cohort_list(context, uid, lang)
    elif action == "sl":
        await _scenario_list(context, uid, lang)
    elif action == "home":
        await _panel(context, uid, lang, role)
    elif action == "pr" and one is not None:
        if not roles.is_admin(role):
            await send(context, uid, tr(lang, "trainer.admin_only"))
            return
        await _set_role(context, uid, lang, one, True)
    elif action == "st" and rest:
        await _test(context, uid, lang, role, ":".join(rest))
    elif action == "ap" and one is not None and len(rest) > 1:
        await _assign_due(context, uid, lang, one, ":".join(rest[1:]))
    elif action == "ad" and one is not None and len(rest) > 2 and ids[1] in DUE_CHOICES:
        due = dates.parse_due([f"+{ids[1]}"], await _remember_tz(context, uid), utcnow())
        await _assign(context, uid, lang, one, [":".join(rest[2:])], due, DEFAULT_PASS,
                      DEFAULT_ATTEMPTS)
    elif action in ("l", "rm", "rmy") and one is not None and len(ids) > 1 and ids[1]:
        if action == "l":
            await _learner_detail(context, uid, lang, one, ids[1])
        elif action == "rm":
            await _confirm_remove(context, uid, lang, one, ids[1])
        else:
            await _remove_member(context, uid, lang, one, ids[1])
    elif one is not None and action in _COHORT_BUTTONS:
        await _COHORT_BUTTONS[action](context, uid, lang, one)
    else:
        await _denied(context, uid, lang)


async def _confirm_remove(context: Context, uid: int, lang: str, cohort_id: int,
                          user_id: int) -> None:
    db = services(context).db
    cohort = await db.run(cq.own_cohort, uid, cohort_id)
    member = [u for u, _ in await db.run(cq.members, cohort_id)
              if u.id == user_id] if cohort else []
    if not member:
        await _denied(context, uid, lang)
        return
    await send(context, uid, tr(lang, "trainer.members.confirm", name=member[0].first_name,
                                cohort=cohort.name),
               Markup([[Button(t(lang, "trainer.buttons.remove_yes"),
                               callback_data=f"tr:rmy:{cohort_id}:{user_id}"),
                        Button(t(lang, "tg.back"), callback_data=f"tr:m:{cohort_id}")]]))


async def _toggle_join(context: Context, uid: int, lang: str, cohort_id: int) -> None:
    cohort = await services(context).db.run(cq.own_cohort, uid, cohort_id)
    if cohort is None:
        await _denied(context, uid, lang)
        return
    await _cohort_action(context, uid, lang, "open" if not cohort.join_open else "close",
                         cohort_id)


async def _toggle_leaderboard(context: Context, uid: int, lang: str, cohort_id: int) -> None:
    db = services(context).db
    cohort = await db.run(cq.own_cohort, uid, cohort_id)
    if cohort is None:
        await _denied(context, uid, lang)
        return
    await db.run(cq.update_cohort, uid, cohort_id, leaderboard=not cohort.leaderboard)
    await _cohort_panel(context, uid, lang, cohort_id)


async def _rotate(context: Context, uid: int, lang: str, cohort_id: int) -> None:
    await _cohort_action(context, uid, lang, "rotate", cohort_id)


# Buttons that carry one id (a cohort's, or for "t" an attempt's); each action checks that
# the trainer owns what the id points to.
_COHORT_BUTTONS = {
    "c": _cohort_panel, "r": _report, "x": _export, "ch": _charts, "m": _members,
    "a": _assign_pick, "rot": _rotate, "jo": _toggle_join, "lb": _toggle_leaderboard,
    "t": _transcript,
}


# -- the learner's side ----------------------------------------------------------------------


async def join_link(update: Update, context: Context, code: str) -> None:
    """``/start join_<code>``: join the cohort and see its assignments."""
    uid, lang = await learner(update, context)
    await _join(context, uid, lang, code)


async def join_command(update: Update, context: Context) -> None:
    """``/join <code or link>`` for a learner who got the code on paper."""
    uid, lang = await learner(update, context)
    text = (context.args or [""])[0]
    code = text.rsplit("join_", 1)[-1]
    if not codes.looks_like_code(code):
        await send(context, uid, tr(lang, "trainer.join.usage"))
        return
    await _join(context, uid, lang, code)


async def _join(context: Context, uid: int, lang: str, code: str) -> None:
    svc = services(context)
    result = await svc.db.run(cq.join, code, uid, utcnow().date())
    if result.cohort is None:
        await send(context, uid, tr(lang, "trainer.join.unknown"), kb.main_menu(lang))
        return
    values = {"name": result.cohort.name, "trainer": result.trainer_name}
    await send(context, uid, tr(lang, f"trainer.join.{result.status}", **values))
    if result.status in ("joined", "already"):
        await _my_assignments(context, uid, lang)


async def assignments_command(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    await _my_assignments(context, uid, lang)


async def _my_assignments(context: Context, uid: int, lang: str) -> None:
    svc = services(context)
    tz = await _remember_tz(context, uid)
    items = await svc.db.run(mine.my_assignments, uid, utcnow())
    if not items:
        await send(context, uid, tr(lang, "trainer.mine.none"), kb.main_menu(lang))
        return
    title = _title(context, lang)
    out = [f"<b>{tr(lang, 'trainer.mine.title')}</b>"]
    out += [views.learner_assignment(lang, m.assignment, m.cohort, m.progress, title, tz)
            for m in items]
    buttons = [[Button(views.assignment_title(m.assignment, title)[:50],
                       callback_data=f"as:{m.assignment.id}")] for m in items if m.open]
    buttons.append([Button(t(lang, "tg.card.menu"), callback_data="menu")])
    await send(context, uid, "\n\n".join(out), Markup(buttons))


async def leave_command(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    rows = await services(context).db.run(cq.learner_cohorts, uid)
    if not rows:
        await send(context, uid, tr(lang, "trainer.leave.none"))
        return
    await send(context, uid, tr(lang, "trainer.leave.pick"),
               Markup([[Button(c.name[:50], callback_data=f"co:l:{c.id}")] for c, _ in rows]))


async def learner_button(update: Update, context: Context) -> None:
    """``as:list``, ``as:<id>`` (an assignment), ``as:go:<id>:<n>``/``as:prep:<id>:<n>``
    (start scenario n of it), ``co:l:<id>``/``co:ly:<id>`` (leave a cohort)."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    parts = (update.callback_query.data or "").split(":")
    if parts == ["as", "list"]:
        await _my_assignments(context, uid, lang)
    elif parts[0] == "as" and len(parts) == 2 and _int(parts[1]):
        await _show_assignment(context, uid, lang, _int(parts[1]) or 0)
    elif parts[0] == "as" and len(parts) == 4 and parts[1] in ("go", "prep") \
            and _int(parts[2]) and _int(parts[3]) is not None:
        await _start_assignment(context, uid, lang, _int(parts[2]) or 0, _int(parts[3]) or 0,
                                parts[1] == "prep")
    elif parts[0] == "co" and len(parts) == 3 and parts[1] in ("l", "ly") and _int(parts[2]):
        await _leave(context, uid, lang, _int(parts[2]) or 0, parts[1] == "ly")
    else:
        await menu.stale_button(update, context)


async def _show_assignment(context: Context, uid: int, lang: str, assignment_id: int) -> None:
    svc = services(context)
    item = await svc.db.run(mine.one, uid, assignment_id, utcnow())
    if item is None:
        await send(context, uid, tr(lang, "trainer.mine.gone"), kb.main_menu(lang))
        return
    tz = await _remember_tz(context, uid)
    title = _title(context, lang)
    text = views.learner_assignment(lang, item.assignment, item.cohort, item.progress, title, tz)
    rows = []
    for n, sid in enumerate(item.assignment.scenario_ids):
        if sid not in svc.catalog.scenarios:
            continue
        cs = svc.catalog.compiled(sid)
        row = [Button(t(lang, "trainer.buttons.start", title=title(sid))[:60],
                      callback_data=f"as:go:{assignment_id}:{n}")]
        if calls.has_preparation(cs):
            row.append(Button(t(lang, "tg.briefing.prepare"),
                              callback_data=f"as:prep:{assignment_id}:{n}"))
        rows.append(row)
    rows.append([Button(t(lang, "tg.back"), callback_data="as:list")])
    await send(context, uid, text, Markup(rows))


async def _start_assignment(context: Context, uid: int, lang: str, assignment_id: int,
                            n: int, prepare: bool) -> None:
    svc = services(context)
    item = await svc.db.run(mine.one, uid, assignment_id, utcnow())
    ids = item.assignment.scenario_ids if item else []
    if item is None or not 0 <= n < len(ids) or ids[n] not in svc.catalog.scenarios:
        await send(context, uid, tr(lang, "trainer.mine.gone"), kb.main_menu(lang))
        return
    from bot.trainers.progress import attempts_left

    sid = ids[n]
    if item.progress.status == "passed" or attempts_left(item.assignment, item.progress,
                                                         sid) == 0:
        key = "trainer.mine.passed" if item.progress.status == "passed" \
            else "trainer.mine.no_attempts"
        await send(context, uid, tr(lang, key), kb.main_menu(lang))
        return
    cs = svc.catalog.compiled(sid)
    play_lang = svc.catalog.language_for(cs.scenario, lang)
    await send(context, uid, render.briefing(cs, play_lang, None))
    started = await svc.db.run(calls.begin, svc.catalog, uid, sid, play_lang, "assignment",
                               prepare, assignment_id)
    if started.opening is not None:
        await send(context, uid, render.call_start(cs, started.lang, started.opening))
    else:
        await send(context, uid, render.prep_question(cs, started.lang, started.phase),
                   kb.preparation(started.lang))


async def _leave(context: Context, uid: int, lang: str, cohort_id: int, sure: bool) -> None:
    db = services(context).db
    mine_ids = {c.id: c for c, _ in await db.run(cq.learner_cohorts, uid)}
    if cohort_id not in mine_ids:
        await send(context, uid, tr(lang, "trainer.leave.none"))
        return
    if not sure:
        await send(context, uid, tr(lang, "trainer.leave.confirm", name=mine_ids[cohort_id].name),
                   Markup([[Button(t(lang, "trainer.buttons.leave_yes"),
                                   callback_data=f"co:ly:{cohort_id}"),
                            Button(t(lang, "tg.back"), callback_data="menu")]]))
        return
    cohort = await db.run(cq.leave, uid, cohort_id)
    await send(context, uid, tr(lang, "trainer.leave.done", name=cohort.name if cohort else ""),
               kb.main_menu(lang))


# -- reminders -------------------------------------------------------------------------------


async def reminder_job(context: Context) -> None:
    svc = services(context)
    due = await svc.db.run(reminders.claim_due_reminders, utcnow())
    for r in due:
        user = await svc.db.run(q.get_user, r.user_id)
        tz = user.timezone if user else "Europe/Amsterdam"
        text = tr(r.language, "trainer.mine.reminder",
                  title=views.assignment_title(r.assignment, _title(context, r.language)),
                  cohort=r.cohort_name, due=views.when(r.assignment.due_at, tz),
                  pass_mark=r.assignment.pass_mark)
        await send(context, r.user_id, text, kb.assignment_parts(r.language, r.assignment.id, [
            svc.catalog.scenarios.get(sid) for sid in r.assignment.scenario_ids]))


# -- wiring ----------------------------------------------------------------------------------

TRAINER_COMMANDS = {
    "trainer": trainer_command, "cohort": cohort_command, "assign": assign_command,
    "report": report_command, "export": export_command, "override": override_command,
    "scenario": scenario_command,
}
LEARNER_COMMANDS = {
    "join": join_command, "leave": leave_command, "assignments": assignments_command,
    "leaderboard": leaderboard_command,
}


def register(app: Application) -> None:
    """Add the trainer handlers (called before the bot's catch-all handlers)."""
    private = filters.ChatType.PRIVATE
    for name, callback in {**TRAINER_COMMANDS, **LEARNER_COMMANDS}.items():
        app.add_handler(CommandHandler(name, callback, filters=private))
    app.add_handler(CallbackQueryHandler(trainer_button, pattern=r"^tr:"))
    app.add_handler(CallbackQueryHandler(learner_button, pattern=r"^(as|co):"))
    app.add_handler(MessageHandler(private & filters.Document.ALL, on_document))
    admins = app.bot_data["services"].settings.admins
    if admins:
        app.add_handler(MessageHandler(private & filters.FORWARDED & filters.User(admins),
                                       on_forward))
    menu.DEEP_LINKS["join"] = join_link
    load_trainer_scenarios(app)
    if app.job_queue is not None:
        app.job_queue.run_repeating(reminder_job, interval=REMINDER_INTERVAL,
                                    first=timedelta(seconds=15), name="assignment-reminders",
                                    job_kwargs={"misfire_grace_time": None})
