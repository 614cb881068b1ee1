"""What every handler needs: the shared services, who the learner is, and safe sending."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from telegram import Message, Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ContextTypes, ExtBot

from bot import accounts
from bot.catalog import Catalog
from bot.config import Settings
from bot.i18n import LANGUAGES
from bot.storage import Database
from bot.telegram.buttons import InSettings
from bot.telegram.callback_data import decode
from bot.telegram.split import split_html

if TYPE_CHECKING:
    from bot.storage.models import User

TOUCH_EVERY = 600.0  # seconds between refreshes of a known learner's row


@dataclass
class Services:
    settings: Settings
    db: Database
    catalog: Catalog


Context = ContextTypes.DEFAULT_TYPE
Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]
# The bot's Application as handlers see it (``context.application`` leaves the context and
# job queue types open).
App = Application[ExtBot[Any], Any, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any]


def services(context: Context) -> Services:
    return cast(Services, context.application.bot_data["services"])


def language_from_code(code: str | None, default: str) -> str:
    """Dutch for nl/nl-BE apps, English for en-*, otherwise the configured default."""
    base = (code or "").split("-")[0].lower()
    return base if base in LANGUAGES else default


async def learner(update: Update, context: Context) -> tuple[int, str]:
    """The learner's id and language, creating or refreshing their row when needed.

    A learner who had blocked the bot and writes again is unmarked here, so messages
    reach them again.
    """
    user = update.effective_user
    assert user is not None
    data = context.user_data if context.user_data is not None else {}
    now = time.monotonic()
    svc = services(context)
    if "lang" not in data or now - data.get("touched", 0.0) >= TOUCH_EVERY:
        lang = language_from_code(user.language_code, svc.settings.default_language)
        row, _returned = await svc.db.run(accounts.touch, user.id, user.first_name or "",
                                          user.username, lang, user.last_name)
        data["lang"], data["touched"], data["awaiting"] = row.language, now, row.awaiting
    if data.get("awaiting") and _leaves_settings(update):
        data["awaiting"] = None
        await svc.db.run(accounts.set_awaiting, user.id, None)
    return user.id, data["lang"]


def _leaves_settings(update: Update) -> bool:
    """Any other button or a command closes an open settings question, so a learner who
    walks away from it is never stuck answering it."""
    if update.callback_query is not None:
        return not isinstance(decode(update.callback_query.data), InSettings)
    message = update.effective_message
    return bool(message and (message.text or "").startswith("/"))


def shown_briefings(context: Context) -> dict[int, str]:
    """The scenario whose briefing each learner was shown last and has not started yet, so a
    message typed under a briefing (instead of tapping Start) is answered with that
    scenario's Start button rather than the main menu. Kept in memory only: after a
    restart the learner gets the menu, which is still right."""
    shown: dict[int, str] = context.application.bot_data.setdefault("shown_briefings", {})
    return shown


def remember_language(context: Context, lang: str) -> None:
    if context.user_data is not None:
        context.user_data["lang"] = lang


async def send(context: Context, chat_id: int, html: str, markup: Any = None,
               **kwargs: Any) -> Message | None:
    """Send HTML, split over several messages when longer than Telegram allows; the
    keyboard goes with the last part. A learner who blocked the bot is marked, not retried;
    throttling and retries are the send policy's (``bot.telegram.ratelimit``)."""
    parts = split_html(html)
    message = None
    try:
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            message = await context.bot.send_message(
                chat_id, part, reply_markup=markup if last else None, **kwargs)
    except Forbidden:
        await services(context).db.run(accounts.mark_blocked, chat_id)
        if context.user_data is not None:
            context.user_data.pop("lang", None)
        return None
    return message


async def answer_query(update: Update, text: str | None = None) -> None:
    """Stop the button's spinner (with ``text`` as a toast); an expired query is not worth
    an error. A query can be answered once only: a handler that may hand a button on to
    ``menu.stale_button`` must leave the answer to it, or its toast never shows."""
    query = update.callback_query
    if query is not None:
        with contextlib.suppress(TelegramError):  # an expired query: the button still works
            await query.answer(text)


# What python-telegram-bot guarantees by the handler's registration, stated once for the
# type checker: a button handler's update has button data, a message handler's a message.

def button_data(update: Update) -> str:
    """The pressed button's ``callback_data`` (handlers registered for button presses)."""
    query = update.callback_query
    if query is None or query.data is None:
        raise TypeError("a button handler was called without a pressed button")
    return query.data


def message_of(update: Update) -> Message:
    """The message a message handler was called for."""
    message = update.effective_message
    if message is None:
        raise TypeError("a message handler was called without a message")
    return message


async def stored_user(context: Context, uid: int) -> User:
    """The learner's row, which ``learner`` has made sure exists."""
    row = await services(context).db.run(accounts.get, uid)
    if row is None:
        raise LookupError(f"user {uid} has no row")
    return row
