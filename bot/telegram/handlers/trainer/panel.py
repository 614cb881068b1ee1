"""``/trainer``: the panel, and admins making someone a trainer (by id or by forwarding)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup as Markup
from telegram import Update

from bot import accounts
from bot.clock import utcnow
from bot.i18n import t
from bot.telegram import buttons as b
from bot.telegram.callback_data import button
from bot.telegram.commands import set_role_menu
from bot.telegram.common import Context, learner, send, services
from bot.telegram.handlers.trainer.base import Who, number, on, trainer
from bot.telegram.render import tr
from bot.trainers import reviews, roles


async def trainer_command(update: Update, context: Context) -> None:
    """``/trainer`` (the panel), ``/trainer add|remove <telegram id>`` (admins)."""
    who = await trainer(update, context)
    if who is None:
        return
    args = context.args or []
    if args and args[0] in ("add", "remove"):
        target = number(args[1]) if len(args) > 1 else None
        if not roles.is_admin(who.role):
            await send(context, who.uid, tr(who.lang, "trainer.admin_only"))
        elif target is None:
            await send(context, who.uid, tr(who.lang, "trainer.promote.usage"))
        else:
            await _set_role(context, who, target, args[0] == "add")
        return
    await home(context, who, b.Home())


@on(b.Home)
async def home(context: Context, who: Who, _: b.Home) -> None:
    lang = who.lang
    text = tr(lang, "trainer.panel") + ("\n\n" + tr(lang, "trainer.panel_admin")
                                        if roles.is_admin(who.role) else "")
    waiting = await services(context).db.run(reviews.queue_count, who.uid, utcnow())
    markup = Markup([[button(t(lang, "trainer.buttons.cohorts"), b.CohortList()),
                      button(t(lang, "trainer.buttons.scenarios"), b.ScenarioList())],
                     [button(t(lang, "trainer.buttons.review_queue", count=waiting),
                             b.ReviewQueue())],
                     [button(t(lang, "trainer.buttons.leaderboards"), b.Leaderboards())],
                     [button(t(lang, "tg.back"), b.Menu())]])
    await send(context, who.uid, text, markup)


@on(b.Promote)
async def promote(context: Context, who: Who, data: b.Promote) -> None:
    if not roles.is_admin(who.role):
        await send(context, who.uid, tr(who.lang, "trainer.admin_only"))
        return
    await _set_role(context, who, data.user_id, True)


async def _set_role(context: Context, who: Who, target: int, promote: bool) -> None:
    user = await services(context).db.run(accounts.set_role, target,
                                          roles.TRAINER if promote else roles.LEARNER)
    if user is None:
        await send(context, who.uid, tr(who.lang, "trainer.promote.unknown", id=target))
        return
    key = "trainer.promote.done" if promote else "trainer.promote.removed"
    await send(context, who.uid, tr(who.lang, key, name=user.first_name or target, id=target))
    await set_role_menu(context.bot, target, user.language, trainer=promote)
    if promote:
        await send(context, target, tr(user.language, "trainer.promote.welcome"))


async def on_forward(update: Update, context: Context) -> None:
    """An admin forwards a message from someone: offer to make them a trainer."""
    uid, lang = await learner(update, context)
    message = update.effective_message
    origin = message.forward_origin if message is not None else None
    sender = getattr(origin, "sender_user", None)
    if sender is None or sender.is_bot:
        await send(context, uid, tr(lang, "trainer.promote.hidden"))
        return
    await send(context, uid, tr(lang, "trainer.promote.ask", name=sender.first_name),
               Markup([[button(t(lang, "trainer.buttons.promote"), b.Promote(sender.id))]]))
