"""/settings: language, time zone, daily practice time, days, quiet hours and pause, and,
for learners in a cohort, whether their name shows on the leaderboards.

One handler per declared settings button (``bot.telegram.buttons``); the practice schedule's
settings are in ``practice_schedule``, the student number in ``student_number``, and the
panel they all answer with in ``settings_panel``.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot import accounts
from bot.telegram import buttons as b
from bot.telegram.callback_data import CallbackData, pressed
from bot.telegram.common import (
    App,
    Context,
    Handler,
    answer_query,
    learner,
    message_of,
    remember_language,
    services,
    stored_user,
)
from bot.telegram.handlers import practice_schedule, student_number
from bot.telegram.handlers.settings_panel import schedule, set_awaiting, show


async def settings(update: Update, context: Context) -> None:
    """The panel (``/settings`` or its button); an open settings question is closed."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    await set_awaiting(context, uid, None)
    await show(update, context, uid, lang)


async def language(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, _ = await learner(update, context)
    lang = b.SetLanguage.of(update).lang
    await services(context).db.run(accounts.choose_language, uid, lang)
    remember_language(context, lang)
    await show(update, context, uid, lang)


async def practice(update: Update, context: Context) -> None:
    """Daily practice on or off as the button says (or, a panel from before buttons named
    their state, flipped)."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    user = await stored_user(context, uid)
    match pressed(update):
        case b.SetPractice(state=state):
            paused = state == "off"
        case _:
            paused = not user.practice_paused
    if paused != user.practice_paused:
        await schedule(context, uid, practice_paused=paused)
    await show(update, context, uid, lang)


async def hide_name(update: Update, context: Context) -> None:
    """One's name on the leaderboards (kept on the person, so it survives rejoining)."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    await services(context).db.run(accounts.set_hide_name, uid, b.HideName.of(update).hide == 1)
    await show(update, context, uid, lang)


async def on_setting_text(update: Update, context: Context) -> None:
    """The learner typed a time, a city, quiet hours or a student number while a settings
    question was open. A bad answer is explained and the question stays open; nothing is
    changed."""
    uid, lang = await learner(update, context)
    text = (message_of(update).text or "").strip()[:80]
    awaiting = context.user_data.get("awaiting") if context.user_data else None
    if awaiting == "student_number":
        done = await student_number.save(context, uid, lang, text)
    else:
        done = await practice_schedule.on_text(update, context, uid, lang, awaiting or "", text)
    if done:
        await set_awaiting(context, uid, None)
        await show(update, context, uid, lang)


studentnumber_command = student_number.command

ROUTES: dict[type[CallbackData], Handler] = {
    b.Settings: settings, b.SetLanguage: language, b.SetPractice: practice,
    b.TogglePause: practice, b.HideName: hide_name, b.AskStudentNumber: student_number.ask_button,
    **practice_schedule.ROUTES,
}


def register(app: App) -> None:
    """A handler for every settings button, routed by its declared type."""
    for kind, callback in ROUTES.items():
        app.add_handler(CallbackQueryHandler(callback, pattern=kind.matches))
