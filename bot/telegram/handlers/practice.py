"""Daily practice: the dispatcher job, drill prompts, streaks and the weekly summary.

The dispatcher (``bot.practice.dispatcher``) runs as one repeating JobQueue job. Its
``misfire_grace_time`` is None (a late run is never skipped), ``coalesce`` folds runs
missed while the process was busy into one, and ``max_instances=1`` keeps sweeps from
overlapping: a sweep sends everything due before it returns, so nothing waits for the
next one. The first sweep runs a few seconds after start and sends whatever an earlier
process claimed but did not get to send.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import CallbackQueryHandler

from bot import accounts, calls, daily_practice
from bot.catalog import Catalog
from bot.charts import weekly_chart
from bot.i18n import t, word_list
from bot.practice import choice
from bot.practice.choice import DrillInfo
from bot.practice.dispatcher import Blocked, Dispatcher, Permanent, RetryLater
from bot.practice.streaks import week_summary
from bot.telegram import buttons as b
from bot.telegram import keyboards as kb
from bot.telegram import render
from bot.telegram.common import (
    App,
    Context,
    Services,
    answer_query,
    learner,
    send,
    services,
)
from bot.telegram.handlers.picker import practice_note, show_briefing_for
from bot.telegram.render import tr
from bot.trainers.mine import open_for_practice

if TYPE_CHECKING:
    from bot.storage.models import PracticePrompt

log = logging.getLogger(__name__)
SWEEP_SECONDS = 30
FIRST_SWEEP_SECONDS = 3
def drill_infos(catalog: Catalog) -> list[DrillInfo]:
    """The catalogue's drills with the skills they train (``choice.drill_infos``)."""
    return choice.drill_infos(catalog.of_kind("drill"))


def dispatcher(app: App) -> Dispatcher:
    return cast(Dispatcher, app.bot_data["practice"])


def clock(context: Context) -> Callable[[], dt.datetime]:
    """The practice clock (tests replace it to travel through DST and weeks)."""
    return dispatcher(context.application).clock


def register(app: App) -> None:
    """Add the practice handlers and jobs (called before the bot's catch-all handlers)."""
    svc: Services = app.bot_data["services"]
    drills = drill_infos(svc.catalog)

    async def send_prompt(prompt: PracticePrompt) -> int | None:
        return await _send_prompt(app, prompt)

    app.bot_data["practice"] = Dispatcher(
        svc.db, lambda: drills, send_prompt,
        running=lambda: app.running, assignments_for=open_for_practice)
    app.add_handler(CallbackQueryHandler(start_drill, pattern=b.StartDrill.matches))
    app.add_handler(CallbackQueryHandler(later, pattern=b.DrillLater.matches))
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            _sweep_job, interval=SWEEP_SECONDS, first=FIRST_SWEEP_SECONDS, name="practice",
            job_kwargs={"misfire_grace_time": None, "coalesce": True, "max_instances": 1})


async def _sweep_job(context: Context) -> None:
    result = await dispatcher(context.application).sweep()
    if result.claimed or result.sent or result.skipped:
        log.info("practice sweep: %s", result)


# -- sending ---------------------------------------------------------------------------------


async def _send_prompt(app: App, prompt: PracticePrompt) -> int | None:
    """Build and send one prompt; Telegram's errors become the dispatcher's three kinds."""
    svc: Services = app.bot_data["services"]
    now = dispatcher(app).clock()
    view = await svc.db.run(daily_practice.prompt_view, prompt.id, now)
    if view is None:
        raise Permanent("the learner or the prompt is gone")
    try:
        if prompt.kind == "weekly":
            return await _send_weekly(app, view, now)
        return await _send_drill(app, svc.catalog, view)
    except Forbidden as exc:
        raise Blocked() from exc
    except RetryAfter as exc:
        raise RetryLater(exc.retry_after.total_seconds()
                         if isinstance(exc.retry_after, dt.timedelta)
                         else float(exc.retry_after)) from exc
    except BadRequest as exc:
        raise Permanent(str(exc)) from exc
    except NetworkError as exc:
        raise RetryLater(None) from exc


async def _send_drill(app: App, catalog: Catalog, view: daily_practice.PromptView) -> int | None:
    prompt, lang = view.prompt, view.language
    if not prompt.scenario_id or catalog.get(prompt.scenario_id) is None:
        raise Permanent(f"drill {prompt.scenario_id!r} is not in the catalogue")
    cs = catalog.compiled(prompt.scenario_id)
    play_lang = catalog.language_for(cs.scenario, lang)
    skill = choice.prompt_skill(prompt.scenario_id, drill_infos(catalog), view.attempts,
                                dispatcher(app).clock())
    text = render.practice_prompt(cs, play_lang, prompt.reason, skill, view.streak.current,
                                  view.streak.best, view.streak.missed_yesterday)
    message = await app.bot.send_message(prompt.user_id, text,
                                         reply_markup=kb.practice_prompt(lang, prompt.scenario_id))
    return message.message_id


async def _send_weekly(app: App, view: daily_practice.PromptView, now: dt.datetime) -> int | None:
    """The Sunday summary: best score per day of the (local) week as a chart."""
    from zoneinfo import ZoneInfo

    lang = view.language
    today = now.astimezone(ZoneInfo(view.timezone)).date()
    week_start = today - dt.timedelta(days=today.weekday())
    days = week_summary(view.attempts, week_start, view.timezone)
    scores = [score for _, score in days if score is not None]
    labels = [f"{name} {d.day}" for name, (d, _) in
              zip(word_list(lang, "practice.weekly.days"), days, strict=True)]
    png = await asyncio.to_thread(
        weekly_chart, days, title=t(lang, "practice.weekly.title"),
        y_label=t(lang, "practice.weekly.y_label"), day_labels=labels,
        empty_text=t(lang, "practice.weekly.empty"))
    caption = render.weekly_caption(lang, len(scores), max(scores, default=None),
                                    view.streak.current)
    message = await app.bot.send_photo(view.prompt.user_id, photo=png, caption=caption)
    return message.message_id


# -- buttons ---------------------------------------------------------------------------------


async def start_drill(update: Update, context: Context) -> None:
    """One tap from the prompt (or the drill card) to the buyer's opening."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    svc = services(context)
    scenario_id = b.StartDrill.of(update).scenario_id
    audience = await svc.db.run(accounts.audience, uid)
    scenario = svc.catalog.get(scenario_id, audience=audience)
    if scenario is None:
        best: dict[str, int] = {}
        await send(context, uid, tr(lang, "practice.drill.unknown"),
                   kb.picker(lang, svc.catalog, "drill", 0, best, audience))
        return
    if scenario.kind != "drill":  # an assigned full call: its briefing, then prepare or go
        await show_briefing_for(context, uid, lang, scenario_id)
        return
    play_lang = svc.catalog.language_for(scenario, lang)
    started = await svc.db.run(calls.begin, svc.catalog, uid, scenario_id, play_lang,
                               "practice", False)
    cs = svc.catalog.compiled(scenario_id)
    note, _ = await practice_note(context, uid, lang, scenario_id, offer=False)
    text = render.briefing(cs, play_lang, None) + note + "\n\n" + render.call_start(
        cs, play_lang, started.opening or "")
    await send(context, uid, text)


async def later(update: Update, context: Context) -> None:
    """"Not now" - the prompt stays, with its start button."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    await send(context, uid, tr(lang, "practice.prompt.later_done"))
