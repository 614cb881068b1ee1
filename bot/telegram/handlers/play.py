"""An attempt: its start, preparation, the call itself, the score card, /hint and /stop
(picking a scenario and its briefing are in ``picker``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram import Update

from bot import accounts, calls
from bot.calls import Finished, PrepStep, Started
from bot.clock import utcnow
from bot.engine.text import MAX_LEARNER_CHARS
from bot.telegram import buttons as b
from bot.telegram import keyboards as kb
from bot.telegram import render
from bot.telegram.common import (
    Context,
    answer_query,
    learner,
    message_of,
    send,
    services,
    shown_briefings,
)
from bot.telegram.handlers.picker import graded_button
from bot.telegram.render import tr
from bot.telegram.typing import typing
from bot.trainers import mine

MAX_TEXT = MAX_LEARNER_CHARS


async def prepare(update: Update, context: Context) -> None:
    """Start an attempt with its preparation questions."""
    await _begin(update, context, b.Prepare.of(update).scenario_id, prepare=True)


async def go(update: Update, context: Context) -> None:
    """Start an attempt straight into the call."""
    await _begin(update, context, b.Go.of(update).scenario_id, prepare=False)


async def _begin(update: Update, context: Context, scenario_id: str, *, prepare: bool) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    svc = services(context)
    scenario = svc.catalog.get(scenario_id, audience=await svc.db.run(accounts.audience, uid))
    if scenario is None:
        await send(context, uid, tr(lang, "tg.errors.unknown_scenario"),
                   kb.kinds(lang, svc.catalog))
        return
    play_lang = svc.catalog.language_for(scenario, lang)
    started = await svc.db.run(calls.begin, svc.catalog, uid, scenario_id, play_lang, "menu",
                               prepare)
    await announce(context, uid, started)


async def announce(context: Context, uid: int, started: Started) -> None:
    shown_briefings(context).pop(uid, None)
    cs = services(context).catalog.compiled(started.scenario_id)
    if started.opening is not None:
        await send(context, uid, render.call_start(cs, started.lang, started.opening))
    else:
        await send(context, uid, render.prep_question(cs, started.lang, started.phase),
                   kb.preparation(started.lang))


async def prep_skip(update: Update, context: Context) -> None:
    """Skip the rest of the preparation: the call starts."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    svc = services(context)
    started = await svc.db.run(calls.skip_preparation, svc.catalog, uid)
    if started is None:
        await send(context, uid, tr(lang, "tg.errors.no_preparation"))
        return
    await announce(context, uid, started)


async def prep_next(update: Update, context: Context) -> None:
    """Skip one part of the preparation."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    svc = services(context)
    step = await svc.db.run(calls.add_preparation, svc.catalog, uid, None)
    await _after_prep_step(context, uid, lang, step)


async def _after_prep_step(context: Context, uid: int, lang: str, step: PrepStep | None) -> None:
    if step is None:
        await send(context, uid, tr(lang, "tg.errors.no_preparation"))
        return
    svc = services(context)
    row = await svc.db.run(calls.unfinished, uid)
    session_lang = row.language if row else lang
    feedback = render.prep_feedback(session_lang, step)
    if feedback:
        await send(context, uid, feedback)
    if step.started is not None:
        await announce(context, uid, step.started)
    elif row is not None:
        cs = svc.catalog.compiled(row.scenario_id)
        await send(context, uid, render.prep_question(cs, row.language, row.phase),
                   kb.preparation(row.language))


async def on_text(update: Update, context: Context) -> None:
    """A learner's text: a preparation answer or a turn in the call."""
    message = message_of(update)
    uid, lang = await learner(update, context)
    text = message.text or ""
    svc = services(context)
    async with typing(context.bot, uid):
        outcome = await svc.db.run(calls.play_turn, svc.catalog, uid, message.message_id, text)
    if outcome.status == "not_in_call":
        step = await svc.db.run(calls.add_preparation, svc.catalog, uid, text[:MAX_TEXT])
        await _after_prep_step(context, uid, lang, step)
        return
    if outcome.status == "no_call":
        await _no_call(context, uid, lang)
        return
    if outcome.status == "duplicate":
        return
    lang = outcome.lang
    cs = svc.catalog.compiled(outcome.scenario_id)
    if len(text) > MAX_TEXT:
        await send(context, uid, tr(lang, "tg.call.cut", limit=MAX_TEXT))
    reply = (render.buyer_line(cs, outcome.reply) if outcome.finished
             else render.turn_reply(cs, lang, outcome.reply, outcome.phase, outcome.turns_left))
    sent = await send(context, uid, reply)
    if sent is not None and outcome.turn_id is not None:
        context.application.bot_data["sent_marks"].add(outcome.turn_id)
    if outcome.finished is not None and sent is not None:
        await send_card(context, uid, outcome.finished)


async def _no_call(context: Context, uid: int, lang: str) -> None:
    catalog = services(context).catalog
    scenario_id = shown_briefings(context).get(uid)
    if scenario_id is not None and catalog.get(scenario_id) is not None:
        cs = catalog.compiled(scenario_id)
        title = cs.language(catalog.language_for(cs.scenario, lang)).text(cs.scenario.title)
        await send(context, uid, tr(lang, "tg.errors.no_call_briefing", title=title),
                   kb.briefing(lang, scenario_id, calls.has_preparation(cs)))
        return
    await send(context, uid, tr(lang, "tg.errors.no_call"), kb.main_menu(lang))


AFTER_CARD: dict[str, Callable[[Context, Finished], Awaitable[None]]] = {}
"""Who else hears of a finished attempt, after the learner's card (the trainer package
registers its notices here, so this module need not import it)."""


async def send_card(context: Context, uid: int, done: Finished) -> None:
    await _card(context, uid, done)
    for hook in AFTER_CARD.values():
        await hook(context, done)


async def _card(context: Context, uid: int, done: Finished) -> None:
    # The database work comes before the first message, so "call ended" and the card
    # arrive back to back, not with a pause between them that reads as "no card".
    lang = done.state.lang
    drill_card = False
    if done.cs.scenario.kind == "drill":
        row = await services(context).db.run(calls.attempt, done.session_id)
        drill_card = row is not None and row.source == "practice"
    note, graded = await _grading_note(context, uid, lang, done)
    if drill_card:
        await send(context, uid, tr(lang, "tg.call.ended"))
        await _send_drill_card(context, uid, done, note, graded)
        return
    card = render.score_card(done) + note
    markup = kb.after_card(lang, done.cs.scenario.id)
    if graded is not None:
        markup = Markup([[graded], *markup.inline_keyboard])
    await send(context, uid, tr(lang, "tg.call.ended"))
    await send(context, uid, card, markup)


async def _grading_note(context: Context, uid: int, lang: str, done: Finished
                        ) -> tuple[str, Button | None]:
    """What the card says about grading, as the trainer's report counts it (graded attempt
    n of m for which cohort, or free practice), and the graded replay when one is left."""
    note = await services(context).db.run(mine.card_note, uid, done.session_id, utcnow())
    if note.graded is not None:
        c = note.graded
        key = "trainer.mine.card_graded" if note.counted else "trainer.mine.card_not_counted"
        text = "\n\n" + tr(lang, key, n=c.number, max=c.limit, cohort=c.cohort.name)
    else:
        text = "\n\n" + tr(lang, "trainer.mine.card_free") if note.assigned else ""
    return text, None if note.next is None else graded_button(lang, note.next)


async def hint(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    svc = services(context)
    text = await svc.db.run(calls.hint, svc.catalog, uid)
    if text is None:
        await _no_call(context, uid, lang)
        return
    await send(context, uid, "💡 " + render.h(text))


async def stop(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    svc = services(context)
    row = await svc.db.run(calls.unfinished, uid)
    done = await svc.db.run(calls.stop_call, svc.catalog, uid)
    if done is None:
        key = "tg.call.prep_stopped" if row is not None else "tg.errors.no_call"
        await send(context, uid, tr(lang, key), kb.main_menu(lang))
        return
    if done.goodbye:
        await send(context, uid, render.buyer_line(done.cs, done.goodbye))
    await send_card(context, uid, done)


async def resume(update: Update, context: Context) -> None:
    """Repeat where the learner was, after a break or a restart."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    svc = services(context)
    status = await svc.db.run(calls.call_status, svc.catalog, uid)
    if status is None:
        await _no_call(context, uid, lang)
        return
    row, left = status
    cs = svc.catalog.compiled(row.scenario_id)
    if row.phase != "call":
        await send(context, uid, render.prep_question(cs, row.language, row.phase),
                   kb.preparation(row.language))
        return
    turns = await svc.db.run(calls.turns, row.id)
    last = turns[-1].buyer if turns else row.state.get("opening", "")
    text = tr(row.language, "tg.call.resumed", left=left) + "\n\n" + render.buyer_line(cs, last)
    await send(context, uid, text)


async def _send_drill_card(context: Context, uid: int, done: Finished, note: str,
                           graded: Button | None) -> None:
    """A drill from daily practice: the compact card (score, verdict, the first tip) and a
    one-tap retry, because a drill is practised by repeating it at once."""
    lang = done.state.lang
    markup = kb.drill_card(lang, done.cs.scenario.id)
    if graded is not None:
        markup = Markup([[graded], *markup.inline_keyboard])
    await send(context, uid, render.drill_card(done, done.passed) + note, markup)
