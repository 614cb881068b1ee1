"""The learner's side of cohorts: joining by link or code, their assignments and starting
one, leaving a cohort, and the leaderboard."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup as Markup
from telegram import Update

from bot import accounts, calls, history
from bot.clock import utcnow
from bot.i18n import t
from bot.telegram import buttons as b
from bot.telegram import keyboards as kb
from bot.telegram import render
from bot.telegram.callback_data import button, decode, pressed
from bot.telegram.common import Context, answer_query, learner, send, services
from bot.telegram.handlers import picker, play
from bot.telegram.handlers.trainer import notices
from bot.telegram.handlers.trainer.base import Who, on, remember_tz, role_of, title
from bot.telegram.render import tr
from bot.trainers import codes, dates, mine, results, roles, views
from bot.trainers import cohorts as cq

HIDE_WORDS, SHOW_WORDS = ("hide", "verberg"), ("show", "toon")


async def join_link(update: Update, context: Context, code: str) -> None:
    """``/start join_<code>``: join the cohort and see its assignments."""
    uid, lang = await learner(update, context)
    await _join(context, uid, lang, code)


async def join_command(update: Update, context: Context) -> None:
    """``/join <code or link>`` for a learner who got the code on paper."""
    uid, lang = await learner(update, context)
    code = (context.args or [""])[0].rsplit("join_", 1)[-1]
    if not codes.looks_like_code(code):
        await send(context, uid, tr(lang, "trainer.join.usage"))
        return
    await _join(context, uid, lang, code)


async def _join(context: Context, uid: int, lang: str, code: str) -> None:
    result = await services(context).db.run(cq.join, code, uid, utcnow().date())
    if result.cohort is None:
        await send(context, uid, tr(lang, "trainer.join.unknown"), kb.main_menu(lang))
        return
    await send(context, uid, tr(lang, f"trainer.join.{result.status}", name=result.cohort.name,
                                trainer=result.trainer_name))
    if result.status in ("joined", "already"):
        await _my_assignments(context, uid, lang)
    if result.status == "joined":
        await notices.tell_joined(context, result.cohort.id or 0, uid)


async def assignments_command(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    await _my_assignments(context, uid, lang)


async def _my_assignments(context: Context, uid: int, lang: str) -> None:
    """Each assigned scenario once, saying where its next graded attempt counts, with one
    tap to its briefing (``bot.trainers.mine`` holds the rule)."""
    zone = await remember_tz(context, uid)
    entries = await services(context).db.run(mine.my_list, uid, utcnow())
    if not entries:
        await send(context, uid, tr(lang, "trainer.mine.none"), kb.main_menu(lang))
        return
    name = title(context, lang)
    out = [f"<b>{tr(lang, 'trainer.mine.title')}</b>"]
    buttons = []
    for e in entries:
        c = e.target
        target = (c.cohort.name, c.due_at, c.number, c.limit) if c else None
        lines = [(m.assignment, m.cohort, m.progress, mine.part_status(m, e.scenario_id),
                  next((p for p in m.progress.parts if p.scenario_id == e.scenario_id), None))
                 for m in e.items]
        out.append(views.learner_entry(lang, name(e.scenario_id), target, lines, zone))
        if c is not None and e.scenario_id in services(context).catalog.scenarios:
            buttons.append([button(f"🎯 {name(e.scenario_id)}"[:50],
                                   b.PartBriefing(c.assignment.id or 0, c.part))])
    buttons.append([button(t(lang, "tg.card.menu"), b.Menu())])
    await send(context, uid, "\n\n".join(out), Markup(buttons))


async def leave_command(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    rows = await services(context).db.run(cq.learner_cohorts, uid)
    if not rows:
        await send(context, uid, tr(lang, "trainer.leave.none"))
        return
    await send(context, uid, tr(lang, "trainer.leave.pick"),
               Markup([[button(c.name[:50], b.Leave(c.id or 0))] for c, _ in rows]))


LEARNER_BUTTONS = (b.MyAssignments, b.ShowAssignment, b.StartPart, b.PreparePart, b.PartBriefing,
                   b.StartBriefed, b.Leave, b.LeaveYes)


def is_learner_button(data: object) -> bool:
    """The pattern of ``learner_button``: a forged or stale ``as:`` or ``co:`` button matches
    no handler and gets the stale-button toast and the menu."""
    return isinstance(data, str) and isinstance(decode(data), LEARNER_BUTTONS)


async def learner_button(update: Update, context: Context) -> None:
    """Every assignment and cohort button of a learner."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    data = pressed(update)
    if isinstance(data, b.MyAssignments):
        await _my_assignments(context, uid, lang)
    elif isinstance(data, b.ShowAssignment):
        await _show_assignment(context, uid, lang, data.assignment_id)
    elif isinstance(data, b.PartBriefing):
        await _part_briefing(context, uid, lang, data.assignment_id, data.n)
    elif isinstance(data, b.StartBriefed):
        await _start(context, uid, lang, data.assignment_id, data.n, data.prepare == 1,
                     briefed=True)
    elif isinstance(data, b.StartPart | b.PreparePart):
        await _start(context, uid, lang, data.assignment_id, data.n,
                     isinstance(data, b.PreparePart))
    elif isinstance(data, b.Leave | b.LeaveYes):
        await _leave(context, uid, lang, data.cohort_id, isinstance(data, b.LeaveYes))


async def _show_assignment(context: Context, uid: int, lang: str, assignment_id: int) -> None:
    svc = services(context)
    item = await svc.db.run(mine.one, uid, assignment_id, utcnow())
    if item is None:
        await send(context, uid, tr(lang, "trainer.mine.gone"), kb.main_menu(lang))
        return
    zone = await remember_tz(context, uid)
    name = title(context, lang)
    lines = [views.learner_assignment(lang, item.assignment, item.cohort, item.progress, name,
                                      zone)]
    rows = []
    for n, sid in enumerate(item.assignment.scenario_ids):
        if sid not in svc.catalog.scenarios:
            continue
        counting = mine.can_take(item, sid)
        if counting is not None:
            lines.append(tr(lang, "trainer.mine.part_next", title=name(sid),
                            n=counting.number, max=counting.limit))
        else:
            key = "passed" if mine.part_status(item, sid) == "passed" else "used"
            lines.append(tr(lang, f"trainer.mine.part_{key}", title=name(sid)))
            continue
        row = [button(t(lang, "trainer.buttons.start", title=name(sid))[:60],
                      b.StartPart(assignment_id, n))]
        if calls.has_preparation(svc.catalog.compiled(sid)):
            row.append(button(t(lang, "tg.briefing.prepare"), b.PreparePart(assignment_id, n)))
        rows.append(row)
    rows.append([button(t(lang, "tg.back"), b.MyAssignments())])
    await send(context, uid, "\n".join(lines), Markup(rows))


async def _part_briefing(context: Context, uid: int, lang: str, assignment_id: int,
                         n: int) -> None:
    """The briefing of an assignment's part, saying before the start which graded attempt
    it will be and whose assignment it counts for; free practice when none can take it."""
    svc = services(context)
    found = await svc.db.run(mine.for_part, uid, assignment_id, n, utcnow())
    if found is None or found.scenario_id not in svc.catalog.scenarios:
        await send(context, uid, tr(lang, "trainer.mine.gone"), kb.main_menu(lang))
        return
    sid, target = found.scenario_id, found.target
    if target is None:  # passed or used up everywhere: the free briefing says so
        await picker.show_briefing_for(context, uid, lang, sid)
        return
    cs = svc.catalog.compiled(sid)
    play_lang = svc.catalog.language_for(cs.scenario, lang)
    best = (await svc.db.run(history.best_scores, uid)).get(sid)
    text = render.briefing(cs, play_lang, best)
    if play_lang != lang:
        text = tr(lang, "tg.briefing.other_language", language=play_lang) + "\n\n" + text
    zone = await remember_tz(context, uid)
    text += "\n\n" + views.counts_line(lang, target.cohort.name, target.due_at, target.number,
                                       target.limit, zone)
    aid = target.assignment.id or 0
    rows = [[button(t(lang, "trainer.mine.start_graded", n=target.number, max=target.limit),
                    b.StartBriefed(aid, target.part, 0))]]
    if calls.has_preparation(cs):
        rows.append([button(t(lang, "tg.briefing.prepare"),
                            b.StartBriefed(aid, target.part, 1))])
    for other in found.others:  # the learner's one-tap choice of another grade book
        label = t(lang, "trainer.mine.instead", cohort=other.cohort.name,
                  due=dates.local(other.due_at, zone).strftime("%d-%m"))
        rows.append([button(label[:60], b.PartBriefing(other.assignment.id or 0, other.part))])
    rows.append([button(t(lang, "trainer.buttons.open_assignment"), b.ShowAssignment(aid)),
                 button(t(lang, "tg.back"), b.MyAssignments())])
    await send(context, uid, text, Markup(rows))


async def _start(context: Context, uid: int, lang: str, assignment_id: int, n: int,
                 prepare: bool, briefed: bool = False) -> None:
    """A graded attempt for this assignment: the briefing (unless just shown) and the
    graded line before the buyer's first words or the first preparation question."""
    svc = services(context)
    begun = await svc.db.run(mine.begin_assignment, svc.catalog, uid, assignment_id, n, lang,
                             prepare, utcnow())
    if begun.started is None or begun.counting is None:
        await send(context, uid, tr(lang, begun.error or "trainer.mine.gone"),
                   Markup([[button(t(lang, "trainer.buttons.my_assignments"),
                                   b.MyAssignments())],
                           [button(t(lang, "tg.card.menu"), b.Menu())]]))
        return
    cs = svc.catalog.compiled(begun.scenario_id)
    c = begun.counting
    zone = await remember_tz(context, uid)
    line = views.counts_line(lang, c.cohort.name, c.due_at, c.number, c.limit, zone)
    await send(context, uid, line if briefed
               else render.briefing(cs, begun.started.lang, None) + "\n\n" + line)
    await play.announce(context, uid, begun.started)


async def _leave(context: Context, uid: int, lang: str, cohort_id: int, sure: bool) -> None:
    db = services(context).db
    mine_ids = {c.id: c for c, _ in await db.run(cq.learner_cohorts, uid)}
    if cohort_id not in mine_ids:
        await send(context, uid, tr(lang, "trainer.leave.none"))
        return
    if not sure:
        await send(context, uid, tr(lang, "trainer.leave.confirm", name=mine_ids[cohort_id].name),
                   Markup([[button(t(lang, "trainer.buttons.leave_yes"), b.LeaveYes(cohort_id)),
                            kb.back(lang)]]))
        return
    cohort = await db.run(cq.leave, uid, cohort_id)
    await send(context, uid, tr(lang, "trainer.leave.done", name=cohort.name if cohort else ""),
               kb.main_menu(lang))


async def leaderboard_command(update: Update, context: Context) -> None:
    """``/leaderboard``: the boards of the learner's cohorts where the trainer switched it on
    (trainers also see their own cohorts'); ``/leaderboard hide|show`` for one's name."""
    uid, lang = await learner(update, context)
    svc = services(context)
    args = [a.lower() for a in context.args or []]
    if args and args[0] in HIDE_WORDS + SHOW_WORDS:
        hide = args[0] in HIDE_WORDS
        await svc.db.run(accounts.set_hide_name, uid, hide)
        key = "trainer.leaderboard.hidden" if hide else "trainer.leaderboard.shown"
        await send(context, uid, tr(lang, key))
        return
    await _leaderboards(context, uid, lang, roles.can_train(await role_of(context, uid)))


@on(b.Leaderboards)
async def trainer_leaderboards(context: Context, who: Who, _: b.Leaderboards) -> None:
    await _leaderboards(context, who.uid, who.lang, True)


async def _leaderboards(context: Context, uid: int, lang: str, trains: bool) -> None:
    boards = await services(context).db.run(results.leaderboards, uid, trains, utcnow())
    if not boards:
        await send(context, uid, tr(lang, "trainer.leaderboard.none"))
        return
    out = []
    for board in boards:
        out += ["", f"<b>{tr(lang, 'trainer.leaderboard.title', name=board.cohort.name)}</b>"]
        if not board.shown_to_learners:
            out.append(tr(lang, "trainer.leaderboard.off_note"))
        for place, (name, passed, score) in enumerate(board.places, 1):
            shown = name if name is not None else t(lang, "trainer.leaderboard.anonymous")
            out.append(tr(lang, "trainer.leaderboard.line", place=place, name=shown,
                          passed=passed, score=score))
        if not board.places:
            out.append(tr(lang, "trainer.leaderboard.empty"))
    out += ["", tr(lang, "trainer.leaderboard.privacy")]
    await send(context, uid, "\n".join(out).strip())
