"""The settings panel every settings handler answers with, and the open settings question.

Every schedule change goes through ``storage.practice.update_schedule``, which recomputes
the learner's next prompt moment at once (a prompt already due moves to the new time and is
not lost; nobody gets two prompts on one day), and the panel shows that next moment in the
learner's own time, so they can see what the change did.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup as Markup
from telegram import Message, Update
from telegram.error import BadRequest

from bot import accounts, daily_practice
from bot.i18n import t, word_list
from bot.telegram import keyboards as kb
from bot.telegram.common import Context, send, services, stored_user
from bot.telegram.handlers.practice import clock
from bot.telegram.render import tr
from bot.trainers import cohorts as cq

if TYPE_CHECKING:
    from bot.storage.models import User

ALL_DAYS = "0123456"
WORK_DAYS = "01234"


def days_label(lang: str, days: str) -> str:
    if set(days) >= set(ALL_DAYS):
        return t(lang, "practice.settings.every_day")
    if "".join(sorted(set(days))) == WORK_DAYS:
        return t(lang, "practice.settings.weekdays")
    names = word_list(lang, "practice.settings.day_names")
    return ", ".join(names[int(d)] for d in sorted(set(days)) if d in ALL_DAYS)


def next_label(lang: str, user: User) -> str:
    if user.practice_paused or user.next_practice_at is None:
        return tr(lang, "practice.settings.next_none")
    at = user.next_practice_at
    at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    local = at.astimezone(ZoneInfo(user.timezone))
    day = word_list(lang, "practice.settings.day_names")[local.weekday()]
    return tr(lang, "practice.settings.next", when=f"{day} {local:%d-%m %H:%M}")


async def set_awaiting(context: Context, uid: int, what: str | None) -> None:
    """Remember which answer a settings question waits for, also across a restart."""
    if context.user_data is not None:
        if context.user_data.get("awaiting") == what:
            return
        context.user_data["awaiting"] = what
    await services(context).db.run(accounts.set_awaiting, uid, what)


async def schedule(context: Context, uid: int, **fields: object) -> User | None:
    """Change the practice schedule (and so the next prompt's moment)."""
    return await services(context).db.run(daily_practice.update_schedule, uid, clock(context)(),
                                          **fields)


async def answer(update: Update, context: Context, uid: int, text: str,
                 markup: Markup | None = None) -> None:
    """A button's answer replaces the message it sits in, so the chat keeps one settings
    panel instead of a new copy per tap; a typed answer or a command gets a new message."""
    query = update.callback_query
    message = query.message if query is not None else None
    if isinstance(message, Message) and message.text is not None:
        try:
            await message.edit_text(text, reply_markup=markup)
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return
            # too old to edit, or deleted: fall through to a new message
    await send(context, uid, text, markup)


async def show(update: Update, context: Context, uid: int, lang: str) -> None:
    """The panel: every setting's current value and the next practice prompt."""
    user = await stored_user(context, uid)
    time = tr(lang, "practice.settings.paused") if user.practice_paused else user.practice_time
    quiet = (f"{user.quiet_start}–{user.quiet_end}" if user.quiet_start and user.quiet_end
             else t(lang, "practice.settings.no_quiet"))
    text = tr(lang, "practice.settings.text", language=tr(lang, f"tg.languages.{user.language}"),
              timezone=user.timezone, time=time, days=days_label(lang, user.practice_days),
              quiet=quiet, next="")
    text = text.rstrip() + "\n" + next_label(lang, user)
    if user.student_number:
        text += "\n" + tr(lang, "trainer.student_number.line", number=user.student_number)
    hide_name = None
    if await services(context).db.run(cq.learner_cohorts, uid):  # leaderboards concern them
        hide_name = user.hide_name
        text += "\n" + tr(lang, "trainer.leaderboard.setting_hidden" if hide_name
                          else "trainer.leaderboard.setting_shown")
    await answer(update, context, uid, text, kb.settings(lang, user.practice_paused, hide_name))
