"""/progress: history, skill levels and a chart rendered off the event loop."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram import Update

from bot import history
from bot.charts import progress_chart
from bot.i18n import t
from bot.telegram import keyboards as kb
from bot.telegram.common import Context, answer_query, learner, send, services
from bot.telegram.render import SKILLS, progress_text, scenario_title


def chart_texts(lang: str) -> dict[str, Any]:
    """The chart's words in the learner's language (short enough for a phone's width)."""
    return {"title": t(lang, "tg.progress.chart_title"),
            "scores_label": t(lang, "tg.progress.scores"),
            "skills_label": t(lang, "tg.progress.chart_skills"),
            "skill_names": {skill: t(lang, f"card.sections.{skill}") for skill in SKILLS}}


async def progress(update: Update, context: Context) -> None:
    await answer_query(update)
    uid, lang = await learner(update, context)
    svc = services(context)
    sessions = await svc.db.run(history.scored_sessions, uid)
    levels = await svc.db.run(history.skill_levels, uid)
    titles = {sid: scenario_title(s, lang) for sid, s in svc.catalog.scenarios.items()}
    await send(context, uid, progress_text(lang, sessions, levels, titles), kb.main_menu(lang))
    if not sessions:
        return
    points = [(s.ended_at, s.score or 0) for s in sessions if s.ended_at]
    image = await asyncio.to_thread(
        progress_chart, points, {k: levels.get(k) for k in SKILLS}, **chart_texts(lang))
    await context.bot.send_photo(uid, image, caption=t(lang, "tg.progress.chart_caption"))
