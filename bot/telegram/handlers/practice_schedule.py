"""Settings of the daily practice schedule: time zone, time of day, days and quiet hours,
by button or as a typed answer to the question a button opened."""

from __future__ import annotations

import datetime as dt
import re

from telegram import InlineKeyboardMarkup as Markup
from telegram import Update

from bot.i18n import t, word_list
from bot.practice.schedule import (
    COMMON_TIMEZONES,
    exact_timezone,
    find_timezones,
    parse_time,
    validate_timezone,
)
from bot.telegram import buttons as b
from bot.telegram import keyboards as kb
from bot.telegram.callback_data import CallbackData, button, pressed
from bot.telegram.common import Context, Handler, answer_query, learner, send, stored_user
from bot.telegram.handlers.settings_panel import (
    ALL_DAYS,
    WORK_DAYS,
    answer,
    days_label,
    schedule,
    set_awaiting,
    show,
)
from bot.telegram.render import tr

_RANGE_RE = re.compile(r"^(?P<a>.+?)\s*(?:-|–|—|tot|to|till|until)\s*(?P<b>.+)$", re.IGNORECASE)


def parse_quiet_hours(text: str) -> tuple[dt.time, dt.time] | None:
    """"22:00-07:00", "22 tot 7", "10pm to 7am": two times, or None."""
    match = _RANGE_RE.match(text.strip())
    if not match:
        return None
    start, end = parse_time(match["a"]), parse_time(match["b"])
    return (start, end) if start is not None and end is not None else None


def days_keyboard(lang: str, days: str) -> Markup:
    """Seven days (✓ when on), two presets and done. A day's button carries the state its
    label offers, so pressing it in an older message sets that state rather than flipping
    whatever the day is now."""
    names = word_list(lang, "practice.settings.day_names")
    toggles = [button(("✓ " if str(i) in days else "") + name,
                      b.SetDay(i, 0 if str(i) in days else 1))
               for i, name in enumerate(names)]
    return Markup([
        toggles[:4], toggles[4:],
        [button(t(lang, "practice.settings.days_all"), b.DayPreset("all")),
         button(t(lang, "practice.settings.days_work"), b.DayPreset("work"))],
        [button(t(lang, "practice.settings.days_done"), b.Settings())],
    ])


def quiet_keyboard(lang: str) -> Markup:
    return Markup([[button(t(lang, "practice.settings.quiet_off"), b.QuietOff())],
                   [kb.back(lang, b.Settings())]])


async def _set_and_show(update: Update, context: Context, **fields: object) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    await schedule(context, uid, **fields)
    await set_awaiting(context, uid, None)
    await show(update, context, uid, lang)


async def ask_timezone(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    await set_awaiting(context, uid, "timezone")
    await answer(update, context, uid, tr(lang, "tg.settings.ask_timezone"), kb.timezones(lang))


async def common_timezone(update: Update, context: Context) -> None:
    await _set_and_show(update, context,
                        timezone=COMMON_TIMEZONES[b.CommonTimezone.of(update).index])


async def named_timezone(update: Update, context: Context) -> None:
    await _set_and_show(update, context,
                        timezone=validate_timezone(b.NamedTimezone.of(update).zone))


async def ask_time(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    await set_awaiting(context, uid, "time")
    await answer(update, context, uid, tr(lang, "tg.settings.ask_time"),
                 Markup([[kb.back(lang, b.Settings())]]))


async def ask_quiet(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    await set_awaiting(context, uid, "quiet")
    await answer(update, context, uid, tr(lang, "practice.settings.ask_quiet"),
                 quiet_keyboard(lang))


async def quiet_off(update: Update, context: Context) -> None:
    await _set_and_show(update, context, quiet_start=None, quiet_end=None)


async def days(update: Update, context: Context) -> None:
    """The days panel, or a change made in it: a preset, a day on or off, or (from a panel
    sent before day buttons named their state) a day flipped. The last day stays on."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    user = await stored_user(context, uid)
    now = "".join(sorted(set(user.practice_days) & set(ALL_DAYS)))
    wanted = _wanted_days(now, pressed(update))
    if not wanted:
        await answer(update, context, uid, tr(lang, "practice.settings.last_day"),
                     days_keyboard(lang, now))
        return
    if wanted != user.practice_days:
        await schedule(context, uid, practice_days=wanted)
    await answer(update, context, uid, tr(lang, "practice.settings.ask_days") + "\n<b>"
                 + days_label(lang, wanted) + "</b>", days_keyboard(lang, wanted))


def _wanted_days(now: str, button: CallbackData | None) -> str:
    match button:
        case b.DayPreset(preset="all"):
            return ALL_DAYS
        case b.DayPreset():
            return WORK_DAYS
        case b.SetDay(day=day, on=on):
            wanted = on == 1
        case b.ToggleDay(day=day):
            wanted = str(day) not in now
        case _:
            return now
    changed = set(now) | {str(day)} if wanted else set(now) - {str(day)}
    return "".join(sorted(changed))


async def on_text(update: Update, context: Context, uid: int, lang: str, awaiting: str,
                  text: str) -> bool:
    """A typed time, city or quiet hours; False (after saying why) keeps the question open."""
    if awaiting == "time":
        value = parse_time(text)
        if value is None:
            await send(context, uid, tr(lang, "tg.settings.bad_time", text=text))
            return False
        await schedule(context, uid, practice_time=value.strftime("%H:%M"),
                       practice_paused=False)
    elif awaiting == "timezone":
        exact = exact_timezone(text)
        found = [exact] if exact else find_timezones(text, limit=5)
        if not found:
            await send(context, uid, tr(lang, "tg.settings.bad_timezone", text=text),
                       kb.timezones(lang))
            return False
        if len(found) > 1:
            await send(context, uid, tr(lang, "practice.settings.timezone_choices", text=text),
                       kb.timezones(lang, found))
            return False
        await schedule(context, uid, timezone=found[0])
    elif awaiting == "quiet":
        window = parse_quiet_hours(text)
        if window is None:
            await send(context, uid, tr(lang, "practice.settings.bad_quiet", text=text),
                       quiet_keyboard(lang))
            return False
        if window[0] == window[1]:
            await send(context, uid, tr(lang, "practice.settings.same_quiet"),
                       quiet_keyboard(lang))
            return False
        await schedule(context, uid, quiet_start=window[0].strftime("%H:%M"),
                       quiet_end=window[1].strftime("%H:%M"))
    return True


ROUTES: dict[type[CallbackData], Handler] = {
    b.AskTimezone: ask_timezone, b.CommonTimezone: common_timezone,
    b.NamedTimezone: named_timezone, b.AskTime: ask_time, b.AskQuiet: ask_quiet,
    b.QuietOff: quiet_off, b.Days: days, b.DayPreset: days, b.SetDay: days, b.ToggleDay: days,
}
