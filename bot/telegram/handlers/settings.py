"""/settings: language, timezone, daily practice time and pause."""

from __future__ import annotations

from telegram import Update

from bot.practice.schedule import COMMON_TIMEZONES, find_timezones, parse_time
from bot.storage import queries as q
from bot.telegram import keyboards as kb
from bot.telegram.common import Context, answer_query, learner, remember_language, send, services
from bot.telegram.render import tr


async def _set_awaiting(context: Context, uid: int, what: str | None) -> None:
    """Remember which answer a settings question waits for, also across a restart."""
    if context.user_data is not None:
        if context.user_data.get("awaiting") == what:
            return
        context.user_data["awaiting"] = what
    await services(context).db.run(q.update_user, uid, awaiting=what)


async def _show(context: Context, uid: int, lang: str) -> None:
    user = await services(context).db.run(q.get_user, uid)
    paused = tr(lang, "tg.settings.paused") if user.practice_paused else user.practice_time
    text = tr(lang, "tg.settings.text", language=tr(lang, f"tg.languages.{user.language}"),
              timezone=user.timezone, time=paused)
    await send(context, uid, text, kb.settings(lang, user.practice_paused))


async def settings(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    await _set_awaiting(context, uid, None)
    await _show(context, uid, lang)


async def settings_button(update: Update, context: Context) -> None:
    """``set:lang:<nl|en>``, ``set:tz``, ``set:tz:<i>``, ``set:time``, ``set:pause``."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    db = services(context).db
    parts = update.callback_query.data.split(":")
    what = parts[1] if len(parts) > 1 else ""
    if what == "lang" and len(parts) == 3 and parts[2] in ("nl", "en"):
        await db.run(q.update_user, uid, language=parts[2], language_chosen=True)
        remember_language(context, parts[2])
        await _show(context, uid, parts[2])
    elif what == "tz" and len(parts) == 3 and parts[2].isdigit() \
            and int(parts[2]) < len(COMMON_TIMEZONES):
        await db.run(q.update_user, uid, timezone=COMMON_TIMEZONES[int(parts[2])])
        await _show(context, uid, lang)
    elif what == "tz":
        await _set_awaiting(context, uid, "timezone")
        await send(context, uid, tr(lang, "tg.settings.ask_timezone"), kb.timezones(lang))
    elif what == "time":
        await _set_awaiting(context, uid, "time")
        await send(context, uid, tr(lang, "tg.settings.ask_time"))
    elif what == "pause":
        user = await db.run(q.get_user, uid)
        await db.run(q.update_user, uid, practice_paused=not user.practice_paused)
        await _show(context, uid, lang)
    else:
        await _show(context, uid, lang)


async def on_setting_text(update: Update, context: Context) -> None:
    """The learner typed a time or a city while a settings question was open."""
    uid, lang = await learner(update, context)
    db = services(context).db
    text = (update.effective_message.text or "").strip()[:80]
    awaiting = context.user_data.get("awaiting") if context.user_data else None
    if awaiting == "time":
        value = parse_time(text)
        if value is None:
            await send(context, uid, tr(lang, "tg.settings.bad_time", text=text))
            return
        await db.run(q.update_user, uid, practice_time=value.strftime("%H:%M"),
                     practice_paused=False)
    elif awaiting == "timezone":
        found = find_timezones(text, limit=1)
        if not found:
            await send(context, uid, tr(lang, "tg.settings.bad_timezone", text=text),
                       kb.timezones(lang))
            return
        await db.run(q.update_user, uid, timezone=found[0])
    await _set_awaiting(context, uid, None)
    await _show(context, uid, lang)
