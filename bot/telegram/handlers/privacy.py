"""/privacy, /mydata and /deleteme: what is stored, a copy of it, and removing it."""

from __future__ import annotations

import json

from telegram import InputFile, Update

from bot.storage import queries as q
from bot.telegram import keyboards as kb
from bot.telegram.common import Context, answer_query, button_data, learner, send, services
from bot.telegram.render import tr


async def privacy(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    await send(context, uid, tr(lang, "tg.privacy.text"))


async def mydata(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    data = await services(context).db.run(q.export_user, uid)
    payload = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    await context.bot.send_document(uid, InputFile(payload, filename="salesbot-mydata.json"),
                                    caption=tr(lang, "tg.privacy.mydata"))


async def deleteme(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    await send(context, uid, tr(lang, "tg.privacy.delete_confirm"), kb.confirm_delete(lang))


async def delete_answer(update: Update, context: Context) -> None:
    """``del:yes`` removes everything about the learner; ``del:no`` keeps it."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    if button_data(update) != "del:yes":
        await send(context, uid, tr(lang, "tg.privacy.delete_cancelled"))
        return
    await services(context).db.run(q.delete_user, uid)
    if context.user_data is not None:
        context.user_data.clear()
    await send(context, uid, tr(lang, "tg.privacy.deleted"))
