"""``/review``: the trainer's review queue, one attempt at a time, with comments on a turn
or the whole call and redo requests that reach the learner; and the learner's one-tap
redo. Rules live in ``bot.trainers.reviews``; here input is parsed and answers rendered.

A comment is the next text the trainer sends after choosing what it is about: the choice
is kept in ``awaiting`` (``review:<attempt>:<turn>:<redo>``, also across a restart) and
any other button or command drops it, as the settings questions do.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup as Markup
from telegram import Update

from bot import accounts
from bot.clock import utcnow
from bot.i18n import t
from bot.telegram import buttons as b
from bot.telegram import render
from bot.telegram.callback_data import button
from bot.telegram.common import Context, answer_query, learner, send, services
from bot.telegram.handlers import play
from bot.telegram.handlers.trainer.base import (
    Who,
    denied,
    number,
    on,
    remember_tz,
    title,
    trainer,
)
from bot.telegram.render import tr
from bot.trainers import breakdown, review_views, reviews, views

AWAITING = "review"
TURNS_PER_ROW = 5


def _awaiting(session_id: int, turn: int | None, redo: bool) -> str:
    return f"{AWAITING}:{session_id}:{turn or 0}:{int(redo)}"


def parse_awaiting(value: str | None) -> tuple[int, int | None, bool] | None:
    """The attempt, turn (None: the whole call) and redo flag a typed comment is for."""
    parts = (value or "").split(":")
    if len(parts) != 4 or parts[0] != AWAITING or not all(p.isdigit() for p in parts[1:]):
        return None
    return int(parts[1]), int(parts[2]) or None, parts[3] == "1"


def waits_for_comment(context: Context) -> bool:
    return parse_awaiting((context.user_data or {}).get("awaiting")) is not None


async def _set_awaiting(context: Context, uid: int, value: str | None) -> None:
    if context.user_data is not None:
        context.user_data["awaiting"] = value
    await services(context).db.run(accounts.set_awaiting, uid, value)


# -- the queue -------------------------------------------------------------------------------


async def review_command(update: Update, context: Context) -> None:
    """``/review`` (the oldest waiting attempt) or ``/review <attempt id>``."""
    who = await trainer(update, context)
    if who is None:
        return
    args = context.args or []
    if args:
        session_id = number(args[0])
        if session_id is None or session_id <= 0:
            await send(context, who.uid, tr(who.lang, "trainer.review.usage"))
            return
        await _open(context, who, session_id)
        return
    await _next(context, who)


@on(b.ReviewQueue)
async def queue_button(context: Context, who: Who, _: b.ReviewQueue) -> None:
    await _next(context, who)


@on(b.ReviewOpen)
async def open_button(context: Context, who: Who, data: b.ReviewOpen) -> None:
    await _open(context, who, data.session_id)


@on(b.ReviewSkip)
async def skip_button(context: Context, who: Who, data: b.ReviewSkip) -> None:
    await _next(context, who, after=data.session_id)


async def _next(context: Context, who: Who, after: int | None = None) -> None:
    found = await services(context).db.run(reviews.next_waiting, who.uid, utcnow(), after)
    if found is None:
        await send(context, who.uid, tr(who.lang, "trainer.review.empty"),
                   Markup([[button(t(who.lang, "tg.back"), b.Home())]]))
        return
    await _show(context, who, found)


async def _open(context: Context, who: Who, session_id: int) -> None:
    found = await services(context).db.run(reviews.open_review, who.uid, session_id, utcnow())
    if found is None:
        await denied(context, who)
        return
    await _show(context, who, found)


async def _show(context: Context, who: Who, r: reviews.Review) -> None:
    svc, lang = services(context), who.lang
    row = r.owned.session
    scenario = svc.catalog.scenarios.get(row.scenario_id)
    why = breakdown.breakdown(row.report, scenario, lang, (row.state or {}).get("hints_used", 0))
    text = review_views.review(lang, r, title(context, lang)(row.scenario_id),
                               scenario.buyer.name if scenario else "?",
                               await remember_tz(context, who.uid), why)
    await send(context, who.uid, text, _keyboard(lang, r))


def _keyboard(lang: str, r: reviews.Review) -> Markup:
    sid = r.owned.session.id or 0
    rows = [[button(t(lang, "trainer.buttons.rv_call"), b.ReviewCall(sid))]]
    if r.turns:
        rows[0].append(button(t(lang, "trainer.buttons.rv_turn"), b.ReviewTurns(sid)))
    rows.append([button(t(lang, "trainer.buttons.rv_redo"), b.ReviewRedo(sid))])
    if r.reviewed_at is None:
        last = [button(t(lang, "trainer.buttons.rv_done"), b.ReviewDone(sid))]
        if r.waiting > 1:
            last.append(button(t(lang, "trainer.buttons.rv_skip"), b.ReviewSkip(sid)))
        rows.append(last)
    else:
        rows.append([button(t(lang, "trainer.buttons.rv_next"), b.ReviewQueue())])
    return Markup(rows)


@on(b.ReviewDone)
async def done_button(context: Context, who: Who, data: b.ReviewDone) -> None:
    ok, following = await services(context).db.run(reviews.mark_reviewed, who.uid,
                                                    data.session_id, utcnow())
    if not ok:
        await denied(context, who)
        return
    await send(context, who.uid, tr(who.lang, "trainer.review.marked"))
    if following is None:
        await send(context, who.uid, tr(who.lang, "trainer.review.empty"),
                   Markup([[button(t(who.lang, "tg.back"), b.Home())]]))
    else:
        await _show(context, who, following)


# -- writing a comment -----------------------------------------------------------------------


@on(b.ReviewTurns)
async def turns_button(context: Context, who: Who, data: b.ReviewTurns) -> None:
    found = await services(context).db.run(reviews.open_review, who.uid, data.session_id,
                                           utcnow())
    if found is None:
        await denied(context, who)
        return
    lang, sid = who.lang, data.session_id
    if not found.turns:
        await send(context, who.uid, tr(lang, "trainer.review.no_turns"))
        return
    numbers = [button(str(n), b.ReviewTurn(sid, n)) for n in range(1, len(found.turns) + 1)]
    rows = [numbers[i:i + TURNS_PER_ROW] for i in range(0, len(numbers), TURNS_PER_ROW)]
    rows.append([button(t(lang, "tg.back"), b.ReviewOpen(sid))])
    await send(context, who.uid, review_views.pick_turn(lang, found), Markup(rows))


@on(b.ReviewTurn)
async def turn_button(context: Context, who: Who, data: b.ReviewTurn) -> None:
    await _ask(context, who, data.session_id, data.turn, False)


@on(b.ReviewCall)
async def call_button(context: Context, who: Who, data: b.ReviewCall) -> None:
    await _ask(context, who, data.session_id, None, False)


@on(b.ReviewRedo)
async def redo_button(context: Context, who: Who, data: b.ReviewRedo) -> None:
    await _ask(context, who, data.session_id, None, True)


async def _ask(context: Context, who: Who, session_id: int, turn: int | None,
               redo: bool) -> None:
    """Check what the comment is about, then wait for the trainer's text."""
    choice = await services(context).db.run(reviews.check_turn, who.uid, session_id, turn,
                                            utcnow())
    if choice.review is None:
        await denied(context, who)
        return
    if choice.error is not None:
        await send(context, who.uid, tr(who.lang, f"trainer.review.{choice.error}", turn=turn,
                                        count=len(choice.review.turns)))
        return
    await _set_awaiting(context, who.uid, _awaiting(session_id, turn, redo))
    await send(context, who.uid, review_views.ask(who.lang, choice.review, turn, redo),
               Markup([[button(t(who.lang, "trainer.buttons.rv_cancel"),
                               b.ReviewOpen(session_id))]]))


async def on_comment_text(update: Update, context: Context) -> None:
    """The trainer typed the comment they were asked for: store it and pass it on."""
    who = await trainer(update, context)
    if who is None:  # no longer a trainer: the question is dropped
        uid, _ = await learner(update, context)
        await _set_awaiting(context, uid, None)
        return
    target = parse_awaiting((context.user_data or {}).get("awaiting"))
    message = update.effective_message
    if target is None or message is None:
        return
    session_id, turn, redo = target
    svc, lang = services(context), who.lang
    done = await svc.db.run(reviews.comment, who.uid, session_id, turn, message.text or "",
                            redo, utcnow())
    if done.status in ("empty_comment", "too_long"):  # the question stays open
        await send(context, who.uid, tr(lang, f"trainer.review.{done.status}",
                                        length=done.length, limit=reviews.MAX_COMMENT),
                   Markup([[button(t(lang, "trainer.buttons.rv_cancel"),
                                   b.ReviewOpen(session_id))]]))
        return
    await _set_awaiting(context, who.uid, None)
    if done.status == "not_found":
        await denied(context, who)
        return
    if done.status != "sent" or done.learner is None:
        await send(context, who.uid, tr(lang, f"trainer.review.{done.status}", turn=turn,
                                        count=done.turns))
        return
    name = done.learner.first_name
    confirm = tr(lang, "trainer.review.sent", name=name)
    if redo:
        confirm = tr(lang, "trainer.review.redo_sent", name=name) + " " + \
            review_views.redo_note(lang, done.redo, name)
    if done.learner.blocked:
        confirm += "\n" + tr(lang, "trainer.review.blocked", name=name)
    again = await svc.db.run(reviews.open_review, who.uid, session_id, utcnow())
    await send(context, who.uid, confirm, _keyboard(lang, again) if again else None)
    await _tell_learner(context, who, done)


async def _tell_learner(context: Context, who: Who, done: reviews.Commented) -> None:
    user, row, c = done.learner, done.session, done.comment
    if user is None or row is None or c is None or user.blocked:
        return
    author = await services(context).db.run(accounts.get, who.uid)
    lang = user.language
    text = review_views.told(lang, done, author.first_name if author else "",
                             title(context, lang)(row.scenario_id),
                             views.when(row.ended_at or row.started_at, user.timezone))
    markup = Markup([[button(t(lang, "trainer.buttons.redo_start"), b.RedoCall(c.id or 0))]]) \
        if c.redo else None
    await send(context, user.id, text, markup)


# -- the learner's redo ----------------------------------------------------------------------


async def redo_call(update: Update, context: Context) -> None:
    """The call again, graded when the assignment still takes an attempt."""
    data = b.RedoCall.of(update)
    await answer_query(update)
    uid, lang = await learner(update, context)
    svc = services(context)
    begun = await svc.db.run(reviews.start_redo, svc.catalog, uid, data.comment_id, lang,
                             utcnow())
    if begun.started is None:
        await send(context, uid, tr(lang, f"trainer.review.redo_{begun.error or 'gone'}"),
                   Markup([[button(t(lang, "tg.card.menu"), b.Menu())]]))
        return
    cs = svc.catalog.compiled(begun.scenario_id)
    note = "trainer.review.redo_start_graded" if begun.graded else "trainer.review.redo_start_free"
    await send(context, uid, tr(lang, note) + "\n\n" + render.briefing(cs, begun.started.lang,
                                                                      None))
    await play.announce(context, uid, begun.started)

