"""/settings: language, time zone, daily practice time, days, quiet hours and pause, and,
for learners in a cohort, whether their name shows on the leaderboards.

Every schedule change goes through ``storage.practice.update_schedule``, which recomputes
the learner's next prompt moment at once (a prompt already due moves to the new time and is
not lost; nobody gets two prompts on one day), and the panel shows that next moment in the
learner's own time, so they can see what the change did.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram import Message, Update
from telegram.error import BadRequest

from bot.i18n import t, word_list
from bot.practice.schedule import (
    COMMON_TIMEZONES,
    exact_timezone,
    find_timezones,
    parse_time,
    validate_timezone,
)
from bot.storage import cohorts as cq
from bot.storage import practice as store
from bot.storage import queries as q
from bot.storage.models import User
from bot.telegram import keyboards as kb
from bot.telegram.common import (
    Context,
    answer_query,
    button_data,
    learner,
    message_of,
    remember_language,
    send,
    services,
    stored_user,
)
from bot.telegram.handlers.practice import clock
from bot.telegram.render import tr
from bot.trainers import identity

ALL_DAYS = "0123456"
WORK_DAYS = "01234"
_RANGE_RE = re.compile(r"^(?P<a>.+?)\s*(?:-|–|—|tot|to|till|until)\s*(?P<b>.+)$", re.IGNORECASE)


def parse_quiet_hours(text: str) -> tuple[dt.time, dt.time] | None:
    """"22:00-07:00", "22 tot 7", "10pm to 7am": two times, or None."""
    match = _RANGE_RE.match(text.strip())
    if not match:
        return None
    start, end = parse_time(match["a"]), parse_time(match["b"])
    return (start, end) if start is not None and end is not None else None


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


def days_keyboard(lang: str, days: str) -> Markup:
    """Seven days (✓ when on), two presets and done. A day's button carries the state its
    label offers (``set:day:<0-6>:<0|1>``), so pressing it in an older message sets that
    state rather than flipping whatever the day is now."""
    names = word_list(lang, "practice.settings.day_names")
    toggles = [Button(("✓ " if str(i) in days else "") + name,
                      callback_data=f"set:day:{i}:{0 if str(i) in days else 1}")
               for i, name in enumerate(names)]
    return Markup([
        toggles[:4], toggles[4:],
        [Button(t(lang, "practice.settings.days_all"), callback_data="set:days:all"),
         Button(t(lang, "practice.settings.days_work"), callback_data="set:days:work")],
        [Button(t(lang, "practice.settings.days_done"), callback_data="settings")],
    ])


def quiet_keyboard(lang: str) -> Markup:
    return Markup([[Button(t(lang, "practice.settings.quiet_off"),
                           callback_data="set:quiet:off")],
                   [Button(t(lang, "tg.back"), callback_data="settings")]])


async def _set_awaiting(context: Context, uid: int, what: str | None) -> None:
    """Remember which answer a settings question waits for, also across a restart."""
    if context.user_data is not None:
        if context.user_data.get("awaiting") == what:
            return
        context.user_data["awaiting"] = what
    await services(context).db.run(q.update_user, uid, awaiting=what)


async def _schedule(context: Context, uid: int, **fields: object) -> User | None:
    return await services(context).db.run(store.update_schedule, uid, clock(context)(),
                                          **fields)


async def _answer(update: Update, context: Context, uid: int, text: str,
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


async def _show(update: Update, context: Context, uid: int, lang: str) -> None:
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
    await _answer(update, context, uid, text,
                  kb.settings(lang, user.practice_paused, hide_name))


async def settings(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    await _set_awaiting(context, uid, None)
    await _show(update, context, uid, lang)


async def settings_button(update: Update, context: Context) -> None:
    """``set:lang:<nl|en>``, ``set:tz``, ``set:tz:<i>``, ``set:tzn:<zone>``, ``set:time``,
    ``set:practice:<on|off>``, ``set:days``, ``set:day:<0-6>:<0|1>``,
    ``set:days:<all|work>``, ``set:quiet``, ``set:quiet:off``, ``set:hide:<0|1>`` (one's
    name on the leaderboards; kept on the person, so it survives rejoining). Anything else (a
    stale or forged button) shows the panel."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    db = services(context).db
    parts = button_data(update).split(":", 2)
    what = parts[1] if len(parts) > 1 else ""
    arg = parts[2] if len(parts) > 2 else None
    if what == "lang" and arg in ("nl", "en"):
        await db.run(q.update_user, uid, language=arg, language_chosen=True)
        remember_language(context, arg)
        await _show(update, context, uid, arg)
    elif what == "tz" and arg is not None and arg.isdigit() and int(arg) < len(COMMON_TIMEZONES):
        await _schedule(context, uid, timezone=COMMON_TIMEZONES[int(arg)])
        await _set_awaiting(context, uid, None)
        await _show(update, context, uid, lang)
    elif what == "tzn" and arg and validate_timezone(arg):
        await _schedule(context, uid, timezone=arg)
        await _set_awaiting(context, uid, None)
        await _show(update, context, uid, lang)
    elif what == "tz":
        await _set_awaiting(context, uid, "timezone")
        await _answer(update, context, uid, tr(lang, "tg.settings.ask_timezone"),
                      kb.timezones(lang))
    elif what == "time":
        await _set_awaiting(context, uid, "time")
        await _answer(update, context, uid, tr(lang, "tg.settings.ask_time"),
                      Markup([[Button(t(lang, "tg.back"), callback_data="settings")]]))
    elif (what == "practice" and arg in ("on", "off")) or what == "pause":
        user = await stored_user(context, uid)
        # practice on or off as the button said; a bare "set:pause" (a panel from before
        # buttons named their state) still toggles
        paused = arg == "off" if what == "practice" else not user.practice_paused
        if paused != user.practice_paused:
            await _schedule(context, uid, practice_paused=paused)
        await _show(update, context, uid, lang)
    elif what == "sn":
        await _ask_student_number(context, uid, lang)
    elif what == "hide" and arg in ("0", "1"):
        await db.run(cq.set_hide_name, uid, arg == "1")
        await _show(update, context, uid, lang)
    elif what in ("days", "day"):
        await _days(update, context, uid, lang, what, arg)
    elif what == "quiet" and arg == "off":
        await _schedule(context, uid, quiet_start=None, quiet_end=None)
        await _set_awaiting(context, uid, None)
        await _show(update, context, uid, lang)
    elif what == "quiet":
        await _set_awaiting(context, uid, "quiet")
        await _answer(update, context, uid, tr(lang, "practice.settings.ask_quiet"),
                      quiet_keyboard(lang))
    else:
        await _show(update, context, uid, lang)


async def _days(update: Update, context: Context, uid: int, lang: str, what: str,
                arg: str | None) -> None:
    user = await stored_user(context, uid)
    days = "".join(sorted(set(user.practice_days) & set(ALL_DAYS)))
    day, _, on = (arg or "").partition(":")
    if what == "days" and arg in ("all", "work"):
        days = ALL_DAYS if arg == "all" else WORK_DAYS
    elif what == "day" and len(day) == 1 and day in ALL_DAYS and on in ("", "0", "1"):
        wanted = (day not in days) if on == "" else on == "1"  # bare: an older toggle button
        changed = "".join(sorted(set(days) | {day} if wanted else set(days) - {day}))
        if not changed:
            await _answer(update, context, uid, tr(lang, "practice.settings.last_day"),
                          days_keyboard(lang, days))
            return
        days = changed
    if days != user.practice_days:
        await _schedule(context, uid, practice_days=days)
    await _answer(update, context, uid, tr(lang, "practice.settings.ask_days") + "\n<b>"
                  + days_label(lang, days) + "</b>", days_keyboard(lang, days))


async def on_setting_text(update: Update, context: Context) -> None:
    """The learner typed a time, a city or quiet hours while a settings question was open.
    A bad answer is explained and the question stays open; nothing is changed."""
    uid, lang = await learner(update, context)
    text = (message_of(update).text or "").strip()[:80]
    awaiting = context.user_data.get("awaiting") if context.user_data else None
    if awaiting == "time":
        value = parse_time(text)
        if value is None:
            await send(context, uid, tr(lang, "tg.settings.bad_time", text=text))
            return
        await _schedule(context, uid, practice_time=value.strftime("%H:%M"),
                        practice_paused=False)
    elif awaiting == "timezone":
        exact = exact_timezone(text)
        found = [exact] if exact else find_timezones(text, limit=5)
        if not found:
            await send(context, uid, tr(lang, "tg.settings.bad_timezone", text=text),
                       kb.timezones(lang))
            return
        if len(found) > 1:
            await send(context, uid, tr(lang, "practice.settings.timezone_choices", text=text),
                       kb.timezones(lang, found))
            return
        await _schedule(context, uid, timezone=found[0])
    elif awaiting == "student_number":
        if not await _save_student_number(context, uid, lang, text):
            return
    elif awaiting == "quiet":
        window = parse_quiet_hours(text)
        if window is None:
            await send(context, uid, tr(lang, "practice.settings.bad_quiet", text=text),
                       quiet_keyboard(lang))
            return
        if window[0] == window[1]:
            await send(context, uid, tr(lang, "practice.settings.same_quiet"),
                       quiet_keyboard(lang))
            return
        await _schedule(context, uid, quiet_start=window[0].strftime("%H:%M"),
                        quiet_end=window[1].strftime("%H:%M"))
    await _set_awaiting(context, uid, None)
    await _show(update, context, uid, lang)


async def studentnumber_command(update: Update, context: Context) -> None:
    """``/studentnumber [number|-]``: the number a trainer's export shows next to the name."""
    uid, lang = await learner(update, context)
    if not context.args:
        await _ask_student_number(context, uid, lang)
        return
    if await _save_student_number(context, uid, lang, " ".join(context.args)):
        await _set_awaiting(context, uid, None)


async def _ask_student_number(context: Context, uid: int, lang: str) -> None:
    user = await services(context).db.run(q.get_user, uid)
    await _set_awaiting(context, uid, "student_number")
    current = user.student_number if user and user.student_number else "–"
    await send(context, uid, tr(lang, "trainer.student_number.ask", number=current),
               Markup([[Button(t(lang, "tg.back"), callback_data="settings")]]))


async def _save_student_number(context: Context, uid: int, lang: str, text: str) -> bool:
    """Store it (or remove it); a bad one is explained and nothing changes."""
    value = identity.clean_student_number(text)
    if value is None:
        await send(context, uid, tr(lang, "trainer.student_number.bad", text=text[:40],
                                    limit=identity.MAX_STUDENT_NUMBER))
        return False
    await services(context).db.run(q.update_user, uid, student_number=value or None)
    key = "trainer.student_number.saved" if value else "trainer.student_number.cleared"
    await send(context, uid, tr(lang, key, number=value))
    return True
