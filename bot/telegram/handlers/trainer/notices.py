"""Telling trainers what happens in their cohorts: a learner joined, or completed an
assignment (``bot.trainers.notices`` decides which; switched off per cohort)."""

from __future__ import annotations

from bot.calls import Finished
from bot.clock import utcnow
from bot.telegram.common import Context, send, services
from bot.telegram.handlers.trainer.base import title
from bot.telegram.render import tr
from bot.trainers import notices, views


async def tell_joined(context: Context, cohort_id: int, user_id: int) -> None:
    notice = await services(context).db.run(notices.joined, cohort_id, user_id)
    if notice is None:
        return
    lang = notice.trainer.language
    await send(context, notice.trainer.id, tr(lang, "trainer.notice.joined",
                                              name=notice.learner_name,
                                              cohort=notice.cohort.name, count=notice.members)
               + "\n" + tr(lang, "trainer.notice.switch"))


async def tell_completed(context: Context, done: Finished) -> None:
    for notice in await services(context).db.run(notices.completed, done.session_id, utcnow()):
        lang = notice.trainer.language
        assignment = notice.assignment
        if assignment is None:
            continue
        text = tr(lang, f"trainer.notice.{notice.status}", name=notice.learner_name,
                  cohort=notice.cohort.name, best="–" if notice.best is None else notice.best,
                  title=views.assignment_title(assignment, title(context, lang)))
        await send(context, notice.trainer.id, text + "\n" + tr(lang, "trainer.notice.switch"))
