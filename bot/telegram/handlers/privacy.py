"""/privacy, /mydata and /deleteme: what is stored, a copy of it, and removing it."""

from __future__ import annotations

import json

from telegram import InputFile, Update

from bot import accounts
from bot import privacy as data_rights
from bot.telegram import keyboards as kb
from bot.telegram.commands import set_role_menu
from bot.telegram.common import Context, answer_query, learner, send, services
from bot.telegram.render import tr


async def privacy(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    await send(context, uid, tr(lang, "tg.privacy.text"))


async def mydata(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    data = await services(context).db.run(data_rights.export, uid)
    payload = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    await context.bot.send_document(uid, InputFile(payload, filename="salesbot-mydata.json"),
                                    caption=tr(lang, "tg.privacy.mydata"))


async def deleteme(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    text = tr(lang, "tg.privacy.delete_confirm")
    if await services(context).db.run(data_rights.trains_anyone, uid):
        text += "\n\n" + tr(lang, "tg.privacy.delete_trainer_note")
    await send(context, uid, text, kb.confirm_delete(lang))


async def delete_no(update: Update, context: Context) -> None:
    """Keep everything."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    await send(context, uid, tr(lang, "tg.privacy.delete_cancelled"))


async def delete_yes(update: Update, context: Context) -> None:
    """Remove everything about the person (a trainer's class stays, handed to an admin or
    kept without their name)."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    svc = services(context)
    was_staff = await svc.db.run(accounts.stored_role, uid) != "learner"
    await svc.db.run(data_rights.delete, uid, svc.settings.admins)
    if was_staff:  # someone who comes back starts as a learner, with the learner menu
        await set_role_menu(context.bot, uid, lang, trainer=False)
    if context.user_data is not None:
        context.user_data.clear()
    await send(context, uid, tr(lang, "tg.privacy.deleted"))
