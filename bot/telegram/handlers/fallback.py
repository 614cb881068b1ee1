"""Everything that is not a text message: a friendly word instead of silence."""

from __future__ import annotations

from telegram import ChatMemberUpdated, Update

from bot import accounts
from bot.telegram.common import Context, language_from_code, learner, send, services
from bot.telegram.render import tr


def _kind(update: Update) -> str:
    message = update.effective_message
    for kind in ("sticker", "photo", "voice", "video_note", "audio", "video", "document",
                 "animation", "location", "contact", "poll"):
        if getattr(message, kind, None):
            return kind
    return "other"


async def non_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice notes, files…: the buyer only reads text."""
    uid, lang = await learner(update, context)
    kind = _kind(update)
    await send(context, uid, tr(lang, f"tg.nontext.{kind}") + "\n" + tr(lang, "tg.nontext.hint"))


async def edited(update: Update, context: Context) -> None:
    """An edit cannot change a turn the buyer already answered; say so."""
    uid, lang = await learner(update, context)
    await send(context, uid, tr(lang, "tg.nontext.edited"))


async def group_chat(update: Update, context: Context) -> None:
    chat = update.effective_chat
    user = update.effective_user
    lang = language_from_code(user.language_code if user else None,
                              services(context).settings.default_language)
    if chat is not None:
        await send(context, chat.id, tr(lang, "tg.errors.private_only"))


async def membership(update: Update, context: Context) -> None:
    """Telegram tells us when a learner blocks or unblocks the bot."""
    change: ChatMemberUpdated | None = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    db = services(context).db
    if change.new_chat_member.status in ("kicked", "left"):
        await db.run(accounts.mark_blocked, change.chat.id)
        if context.user_data is not None:
            context.user_data.pop("lang", None)
    elif change.new_chat_member.status == "member":
        user = change.from_user
        lang = language_from_code(user.language_code, services(context).settings.default_language)
        await db.run(accounts.touch, user.id, user.first_name or "", user.username, lang,
                     user.last_name)
