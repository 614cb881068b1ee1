"""Trainer and admin commands (cohorts, assignments, reports, their own scenarios) and the
learner's side of cohorts (joining, assignments, leaving, the leaderboard), one module
per feature. Handlers parse, call one use case (``bot.trainers``) and render.

Every trainer command and every ``tr:`` button checks the role on the server side first
(``base.trainer``); a learner gets "not available to you" and nothing else happens. A
button is decoded by ``bot.telegram.callback_data`` into the type declared in
``bot.telegram.buttons``; a forged or stale one is refused there, with the same answer as for an id
that does not exist. Every cohort, learner or attempt a trainer names is looked up
through queries that only find the trainer's *own*, so a guessed id reveals nothing.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.telegram import buttons as b
from bot.telegram.callback_data import decode
from bot.telegram.common import App, Context
from bot.telegram.handlers import menu, play
from bot.telegram.handlers.trainer import (
    assignments,
    attention,
    cohorts,
    learners,
    notices,
    panel,
    reports,
    reviews,
    scenarios,
)
from bot.telegram.handlers.trainer.base import ROUTES, denied, trainer

REMINDER_INTERVAL = 300  # seconds

TRAINER_COMMANDS = {
    "trainer": panel.trainer_command, "cohort": cohorts.cohort_command,
    "assign": assignments.assign_command, "report": reports.report_command,
    "export": reports.export_command, "override": reports.override_command,
    "scenario": scenarios.scenario_command, "attention": attention.attention_command,
    "review": reviews.review_command,
}
LEARNER_COMMANDS = {
    "join": learners.join_command, "leave": learners.leave_command,
    "assignments": learners.assignments_command, "leaderboard": learners.leaderboard_command,
}


async def trainer_button(update: Update, context: Context) -> None:
    """Every ``tr:`` button: the role first, then the declared handler, which checks that
    the trainer owns what the button's ids point to."""
    who = await trainer(update, context)
    if who is None:
        return
    data = decode(update.callback_query.data if update.callback_query else None)
    handler = ROUTES.get(type(data)) if data is not None else None
    if handler is None:
        await denied(context, who)
        return
    await handler(context, who, data)


def register(app: App) -> None:
    """Add the trainer handlers (called before the bot's catch-all handlers)."""
    private = filters.ChatType.PRIVATE
    for name, callback in {**TRAINER_COMMANDS, **LEARNER_COMMANDS}.items():
        app.add_handler(CommandHandler(name, callback, filters=private))
    app.add_handler(CallbackQueryHandler(trainer_button, pattern=r"^tr:"))
    app.add_handler(CallbackQueryHandler(learners.learner_button,
                                         pattern=learners.is_learner_button))
    app.add_handler(CallbackQueryHandler(reviews.redo_call, pattern=b.RedoCall.matches))
    app.add_handler(MessageHandler(private & filters.Document.ALL, scenarios.on_document))
    admins = app.bot_data["services"].settings.admins
    if admins:
        app.add_handler(MessageHandler(private & filters.FORWARDED & filters.User(admins),
                                       panel.on_forward))
    menu.DEEP_LINKS["join"] = learners.join_link
    play.AFTER_CARD["trainer-notices"] = notices.tell_completed
    scenarios.load_trainer_scenarios(app)
    if app.job_queue is not None:
        app.job_queue.run_repeating(assignments.reminder_job, interval=REMINDER_INTERVAL,
                                    first=timedelta(seconds=15), name="assignment-reminders",
                                    job_kwargs={"misfire_grace_time": None})
        app.job_queue.run_repeating(attention.digest_job, interval=REMINDER_INTERVAL,
                                    first=timedelta(seconds=20), name="trainer-digests",
                                    job_kwargs={"misfire_grace_time": None})
