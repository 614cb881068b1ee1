"""Build the python-telegram-bot Application: handlers, defaults, command menus, errors."""

from __future__ import annotations

import contextlib
import html
import logging
from datetime import timedelta

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    filters,
)

from bot import accounts, replies
from bot.catalog import Catalog
from bot.clock import utcnow
from bot.config import Settings
from bot.i18n import t
from bot.storage import Database, DatabaseBusy
from bot.telegram import buttons as b
from bot.telegram.callback_data import CallbackData
from bot.telegram.commands import set_default_menus, set_role_menu
from bot.telegram.common import App, Context, Handler, Services, learner, services
from bot.telegram.handlers import (
    fallback,
    menu,
    picker,
    play,
    practice,
    privacy,
    progress,
    settings,
    trainer,
)
from bot.telegram.ordering import PerLearnerUpdateProcessor
from bot.telegram.outbox import SentMarks
from bot.telegram.ratelimit import SendPolicy
from bot.telegram.render import buyer_line
from bot.telegram.request import AiohttpRequest

log = logging.getLogger(__name__)
OUTBOX_INTERVAL = 20  # seconds
# Sixteen parallel requests already exceed what Telegram lets one bot send.
POOL_SIZE = 16
GET_UPDATES_READ_TIMEOUT = 2.0
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]


def build_application(settings: Settings, db: Database, catalog: Catalog, *, token: str,
                      base_url: str | None = None, base_file_url: str | None = None,
                      messages_per_second: float | None = None) -> App:
    """The bot, ready for ``run_polling``/``run_webhook`` or manual start in tests."""
    rate = settings.messages_per_second if messages_per_second is None else messages_per_second
    builder = (
        Application.builder()
        .token(token)
        .defaults(Defaults(parse_mode=ParseMode.HTML,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .concurrent_updates(PerLearnerUpdateProcessor(256))
        .rate_limiter(SendPolicy(rate))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .request(AiohttpRequest(POOL_SIZE))
        # getUpdates waits its long-poll timeout plus this; the last call when stopping
        # waits only this, so a stop while Telegram is unreachable takes seconds.
        .get_updates_request(AiohttpRequest(1, read_timeout=GET_UPDATES_READ_TIMEOUT))
    )
    if base_url:
        builder = builder.base_url(base_url)
    if base_file_url:
        builder = builder.base_file_url(base_file_url)
    app = builder.build()
    app.bot_data["services"] = Services(settings, db, catalog)
    add_handlers(app)
    return app


def add_handlers(app: App) -> None:
    private = filters.ChatType.PRIVATE
    commands = {
        "start": menu.start, "help": menu.help_command, "menu": menu.menu,
        "hint": play.hint, "stop": play.stop, "progress": progress.progress,
        "settings": settings.settings, "privacy": privacy.privacy, "mydata": privacy.mydata,
        "deleteme": privacy.deleteme, "studentnumber": settings.studentnumber_command,
    }
    app.add_handler(ChatMemberHandler(fallback.membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(~private & filters.COMMAND, fallback.group_chat))
    for name, callback in commands.items():
        app.add_handler(CommandHandler(name, callback, filters=private))
    # Each button is routed by its declared type; anything the codec refuses (forged,
    # stale, malformed) reaches no handler but the last, ``menu.stale_button``.
    buttons: dict[type[CallbackData], Handler] = {
        b.Menu: menu.menu, b.Help: menu.help_command, b.Kinds: picker.show_kinds,
        b.Picker: picker.show_picker, b.Briefing: picker.show_briefing,
        b.Prepare: play.prepare, b.Go: play.go, b.PrepNext: play.prep_next,
        b.PrepSkip: play.prep_skip, b.Resume: play.resume, b.Progress: progress.progress,
        b.DeleteYes: privacy.delete_yes, b.DeleteNo: privacy.delete_no,
    }
    for kind, on_press in buttons.items():
        app.add_handler(CallbackQueryHandler(on_press, pattern=kind.matches))
    settings.register(app)
    trainer.register(app)
    practice.register(app)
    app.add_handler(CallbackQueryHandler(menu.stale_button))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, fallback.edited))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & private, on_text))
    app.add_handler(MessageHandler(filters.COMMAND & private, menu.unknown_command))
    app.add_handler(MessageHandler(private & filters.UpdateType.MESSAGE, on_non_text))
    app.add_error_handler(on_error)


def handling(app: App) -> bool:
    """Whether the bot still holds an update: queued, or in one of its handlers."""
    return not app.update_queue.empty() or app.update_processor.current_concurrent_updates > 0


async def on_text(update: Update, context: Context) -> None:
    """A typed message answers an open settings question (time, city, quiet hours) or a
    trainer's review comment when one is open, and is otherwise preparation or a turn in
    the call."""
    await learner(update, context)  # loads an open question after a restart
    if trainer.reviews.waits_for_comment(context):  # a trainer's review comment
        await trainer.reviews.on_comment_text(update, context)
    elif context.user_data and context.user_data.get("awaiting"):
        await settings.on_setting_text(update, context)
    else:
        await play.on_text(update, context)


async def on_non_text(update: Update, context: Context) -> None:
    """A sticker, photo or voice note: a trainer writing a review comment is told that a
    comment is text; anyone else hears that the buyer only reads text."""
    await learner(update, context)
    if trainer.reviews.waits_for_comment(context):
        await trainer.reviews.on_comment_text(update, context)
    else:
        await fallback.non_text(update, context)


async def _post_init(app: App) -> None:
    """Command menus in both languages, then answers a crash kept from being sent."""
    svc: Services = app.bot_data["services"]
    app.bot_data["sent_marks"] = SentMarks(svc.db)
    try:
        await set_default_menus(app.bot, svc.settings.default_language)
        for user_id, lang in await svc.db.run(accounts.staff, svc.settings.admins):
            await set_role_menu(app.bot, user_id, lang, trainer=True)
    except (NetworkError, RetryAfter) as exc:
        # Telegram went away right after answering getMe: the bot still serves learners
        # when it returns; the menus stay as they were until the next start.
        log.warning("could not set the command menus (%s); they are set at the next start",
                    exc)
    await resend_unsent(app)
    if app.job_queue is not None:
        app.job_queue.run_repeating(_resend_job, interval=OUTBOX_INTERVAL, first=OUTBOX_INTERVAL,
                                    name="outbox", job_kwargs={"misfire_grace_time": None})


async def _resend_job(context: Context) -> None:
    await resend_unsent(context.application, older_than=timedelta(seconds=OUTBOX_INTERVAL))


async def resend_unsent(app: App, older_than: timedelta | None = None) -> None:
    """A turn is committed before its answer goes out; if the process died or the network
    failed in between, the learner still gets the answer, marked as sent late. At start
    every such answer goes out; later only ones old enough not to be still in flight.

    Telegram unreachable ends the round: every other answer would fail the same way, each
    only after the reconnect backoff, and a stop waits for a running job, so trying them
    all held a stop for seconds per answer. A round started by the job also ends when the
    bot stops. What is not sent stays unsent for the next round or start."""
    svc: Services = app.bot_data["services"]
    cutoff = utcnow() - older_than if older_than is not None else None
    for user_id, turn, lang in await svc.db.run(replies.unsent, cutoff):
        if older_than is not None and not app.running:
            return
        sid = await svc.db.run(replies.deliverable, user_id, turn.session_id)
        if sid is not None and sid in svc.catalog.scenarios:
            cs = svc.catalog.compiled(sid)
            text = f"<i>{html.escape(t(lang, 'tg.call.late'))}</i>\n" \
                   f"{buyer_line(cs, turn.buyer)}"
            try:
                await app.bot.send_message(user_id, text)
            except Forbidden:
                await svc.db.run(accounts.mark_blocked, user_id)
            except NetworkError as exc:
                if isinstance(exc, BadRequest):  # this message only: try the others
                    log.warning("could not resend an answer to %s: %s", user_id, exc)
                    continue
                log.warning("could not resend the late answers (%s); they go out once "
                            "Telegram can be reached", exc)
                return
            except TelegramError as exc:
                log.warning("could not resend an answer to %s: %s", user_id, exc)
                continue
        await svc.db.run(replies.mark_sent, turn.id)


async def _post_shutdown(app: App) -> None:
    marks = app.bot_data.get("sent_marks")
    if marks is not None:
        await marks.close()
    app.bot_data["services"].db.close()


async def on_error(update: object, context: Context) -> None:
    """Log it, and tell the learner plainly; their committed turns are safe."""
    error = context.error
    if isinstance(error, Forbidden) and isinstance(update, Update) and update.effective_user:
        await services(context).db.run(accounts.mark_blocked, update.effective_user.id)
        return
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        # Telegram unreachable: telling the learner would fail too. A committed turn's
        # answer waits in the outbox and goes out once the connection is back.
        log.warning("network problem talking to Telegram: %s", error)
        return
    log.error("error while handling an update", exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    lang = (context.user_data or {}).get("lang") or services(context).settings.default_language
    key = "tg.errors.busy" if isinstance(error, DatabaseBusy) else "tg.errors.internal"
    with contextlib.suppress(TelegramError):
        await context.bot.send_message(update.effective_chat.id, html.escape(t(lang, key)))
