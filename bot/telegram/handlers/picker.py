"""Picking a scenario: the kinds, one kind's page of scenarios, and a scenario's briefing
(saying whether an attempt now is graded or free practice)."""

from __future__ import annotations

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram import Update

from bot import accounts, calls, history
from bot.clock import utcnow
from bot.i18n import t
from bot.telegram import buttons as b
from bot.telegram import keyboards as kb
from bot.telegram import render
from bot.telegram.callback_data import button
from bot.telegram.common import Context, answer_query, learner, send, services, shown_briefings
from bot.telegram.render import tr
from bot.trainers import mine


async def show_kinds(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    await send(context, uid, tr(lang, "tg.picker.kinds"), kb.kinds(lang, services(context).catalog))


async def show_picker(update: Update, context: Context) -> None:
    """The scenarios of one kind, with level, minutes and best score."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    pressed = b.Picker.of(update)
    kind = pressed.kind
    svc = services(context)
    if kind not in svc.catalog.kinds():
        await send(context, uid, tr(lang, "tg.picker.kinds"), kb.kinds(lang, svc.catalog))
        return
    best = await svc.db.run(history.best_scores, uid)
    text = tr(lang, "tg.picker.title", kind=tr(lang, f"tg.kinds.{kind}"))
    audience = await svc.db.run(accounts.audience, uid)
    await send(context, uid, text,
               kb.picker(lang, svc.catalog, kind, pressed.page, best, audience))


async def show_briefing_for(context: Context, uid: int, lang: str, scenario_id: str) -> None:
    svc = services(context)
    if svc.catalog.get(scenario_id, audience=await svc.db.run(accounts.audience, uid)) is None:
        await send(context, uid, tr(lang, "tg.errors.unknown_scenario"),
                   kb.kinds(lang, svc.catalog))
        return
    cs = svc.catalog.compiled(scenario_id)
    play_lang = svc.catalog.language_for(cs.scenario, lang)
    best = (await svc.db.run(history.best_scores, uid)).get(scenario_id)
    text = render.briefing(cs, play_lang, best)
    if play_lang != lang:
        text = tr(lang, "tg.briefing.other_language", language=play_lang) + "\n\n" + text
    note, graded = await practice_note(context, uid, lang, scenario_id)
    markup = kb.briefing(lang, scenario_id, calls.has_preparation(cs))
    if graded is not None:
        markup = Markup([[graded], *markup.inline_keyboard])
    await send(context, uid, text + note, markup)
    shown_briefings(context)[uid] = scenario_id


async def practice_note(context: Context, uid: int, lang: str, scenario_id: str,
                        offer: bool = True) -> tuple[str, Button | None]:
    """Before a free attempt at an assigned scenario (the picker, a drill, the daily prompt,
    the free replay): that it is free practice, and one tap to the graded attempt instead
    when one is left (``bot.trainers.mine`` decides where it would count)."""
    target, assigned = await services(context).db.run(
        mine.graded_next, uid, scenario_id, utcnow())
    if target is None:
        return ("\n\n" + tr(lang, "trainer.mine.free_practice") if assigned else ""), None
    key = "trainer.mine.free_other" if offer else "trainer.mine.free_other_list"
    text = "\n\n" + tr(lang, key, n=target.number, max=target.limit, cohort=target.cohort.name)
    return text, graded_button(lang, target) if offer else None


def graded_button(lang: str, target: mine.Counting) -> Button:
    """One tap to the briefing of the graded attempt ``target`` (it names the cohort: the
    next graded attempt may be for another assignment than the one just played)."""
    label = t(lang, "trainer.mine.graded_button", n=target.number, max=target.limit,
              cohort=target.cohort.name)
    return button(label[:60], b.PartBriefing(target.assignment.id or 0, target.part))


async def show_briefing(update: Update, context: Context) -> None:
    """A scenario's briefing with prepare / start buttons."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    await show_briefing_for(context, uid, lang, b.Briefing.of(update).scenario_id)
