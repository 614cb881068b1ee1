"""The student number a trainer's export shows next to a learner's name: asked from the
settings panel or set with ``/studentnumber [number|-]``."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup as Markup
from telegram import Update

from bot import accounts
from bot.telegram import buttons as b
from bot.telegram import keyboards as kb
from bot.telegram.common import Context, answer_query, learner, send, services
from bot.telegram.handlers.settings_panel import set_awaiting
from bot.telegram.render import tr
from bot.trainers import identity


async def command(update: Update, context: Context) -> None:
    """``/studentnumber [number|-]``: set it (``-`` removes it), or be asked for it."""
    uid, lang = await learner(update, context)
    if not context.args:
        await ask(context, uid, lang)
        return
    if await save(context, uid, lang, " ".join(context.args)):
        await set_awaiting(context, uid, None)


async def ask_button(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    await ask(context, uid, lang)


async def ask(context: Context, uid: int, lang: str) -> None:
    user = await services(context).db.run(accounts.get, uid)
    await set_awaiting(context, uid, "student_number")
    current = user.student_number if user and user.student_number else "–"
    await send(context, uid, tr(lang, "trainer.student_number.ask", number=current),
               Markup([[kb.back(lang, b.Settings())]]))


async def save(context: Context, uid: int, lang: str, text: str) -> bool:
    """Store it (or remove it); a bad one is explained and nothing changes."""
    value = identity.clean_student_number(text)
    if value is None:
        await send(context, uid, tr(lang, "trainer.student_number.bad", text=text[:40],
                                    limit=identity.MAX_STUDENT_NUMBER))
        return False
    await services(context).db.run(accounts.set_student_number, uid, value or None)
    key = "trainer.student_number.saved" if value else "trainer.student_number.cleared"
    await send(context, uid, tr(lang, key, number=value))
    return True
