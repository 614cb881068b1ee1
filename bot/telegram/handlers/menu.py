"""/start (with deep links), /help, the main menu and unknown commands."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from telegram import InlineKeyboardMarkup, Update

from bot import accounts, calls
from bot.clock import utcnow
from bot.i18n import t
from bot.telegram import keyboards as kb
from bot.telegram.common import Context, answer_query, learner, message_of, send, services
from bot.telegram.handlers.picker import show_briefing_for
from bot.telegram.render import tr
from bot.trainers import mine, roles

PAYLOAD = re.compile(r"^(?P<action>[a-z]+)_(?P<arg>[A-Za-z0-9_-]{1,60})$")
DeepLink = Callable[[Update, Context, str], Awaitable[None]]
# Other features add their own payloads here (e.g. ``join`` for cohort links).
DEEP_LINKS: dict[str, DeepLink] = {}


async def _menu_markup(context: Context, uid: int, lang: str) -> InlineKeyboardMarkup:
    svc = services(context)
    status = await svc.db.run(calls.call_status, svc.catalog, uid)
    title = kb.title_of(svc.catalog, status[0].scenario_id, lang) if status else None
    open_work = await svc.db.run(mine.open_count, uid, utcnow())
    role = roles.effective_role(uid, await svc.db.run(accounts.stored_role, uid),
                                svc.settings.admins)
    return kb.main_menu(lang, title, open_work, roles.can_train(role))


async def start(update: Update, context: Context) -> None:
    """``/start`` or a deep link ``/start play_<scenario>``."""
    uid, lang = await learner(update, context)
    payload = context.args[0] if context.args else ""
    if payload:
        match = PAYLOAD.match(payload)
        if match and match["action"] == "play":
            await show_briefing_for(context, uid, lang, match["arg"])
            return
        if match and match["action"] in DEEP_LINKS:
            await DEEP_LINKS[match["action"]](update, context, match["arg"])
            return
        await send(context, uid, tr(lang, "tg.start.bad_link"),
                   await _menu_markup(context, uid, lang))
        return
    name = update.effective_user.first_name if update.effective_user else ""
    await send(context, uid, tr(lang, "tg.start.welcome", name=name),
               await _menu_markup(context, uid, lang))


async def help_command(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    await send(context, uid, tr(lang, "tg.help"), await _menu_markup(context, uid, lang))


async def menu(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    await send(context, uid, tr(lang, "tg.menu.title"), await _menu_markup(context, uid, lang))


async def unknown_command(update: Update, context: Context) -> None:
    uid, lang = await learner(update, context)
    command = (message_of(update).text or "").split()[0][:40]
    await send(context, uid, tr(lang, "tg.errors.unknown_command", command=command),
               await _menu_markup(context, uid, lang))


async def stale_button(update: Update, context: Context) -> None:
    """A button from an old message or an older version of the bot (or a forged one): a
    toast, and the current menu."""
    uid, lang = await learner(update, context)
    await answer_query(update, t(lang, "tg.errors.stale_button"))
    await send(context, uid, tr(lang, "tg.errors.stale_button"),
               await _menu_markup(context, uid, lang))
