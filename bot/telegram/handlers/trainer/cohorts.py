"""``/cohort`` and the cohort buttons: list, create, the cohort panel, the join link,
members and removing one. Every cohort is looked up through the trainer's own cohorts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, Update
from telegram import InlineKeyboardMarkup as Markup

from bot.clock import utcnow
from bot.i18n import t
from bot.telegram import buttons as b
from bot.telegram.callback_data import button
from bot.telegram.common import Context, send, services
from bot.telegram.handlers.trainer.base import (
    Who,
    denied,
    link,
    number,
    on,
    remember_tz,
    title,
    trainer,
)
from bot.telegram.render import tr
from bot.trainers import codes, views
from bot.trainers import cohort_report as rep
from bot.trainers import cohorts as cq

if TYPE_CHECKING:
    from bot.storage.models import Assignment

LINK_ACTIONS = ("link", "rotate", "close", "open")


async def cohort_command(update: Update, context: Context) -> None:
    """``/cohort [list]``, ``/cohort new <name> [nl|en] [end date]``,
    ``/cohort link|rotate|close|open <id>``, ``/cohort remove <id> <learner id>``."""
    who = await trainer(update, context)
    if who is None:
        return
    args = context.args or []
    action = args[0].lower() if args else "list"
    ids = [number(a) for a in args[1:3]]
    if action == "list":
        await cohort_list(context, who, b.CohortList())
    elif action == "new":
        await _create(context, who, args[1:])
    elif action in LINK_ACTIONS and ids and ids[0] is not None:
        await _link_action(context, who, action, ids[0])
    elif action == "remove" and len(ids) == 2 and ids[0] and ids[1]:
        await remove(context, who, b.RemoveYes(ids[0], ids[1]))
    else:
        await send(context, who.uid, tr(who.lang, "trainer.cohort.usage"))


@on(b.CohortList)
async def cohort_list(context: Context, who: Who, _: b.CohortList) -> None:
    rows = await services(context).db.run(cq.trainer_cohorts, who.uid)
    if not rows:
        await send(context, who.uid, tr(who.lang, "trainer.cohort.none"))
        return
    text = "\n".join([f"<b>{tr(who.lang, 'trainer.cohort.list')}</b>",
                      *(views.cohort_line(who.lang, c, n) for c, n in rows)])
    buttons = [[button(f"{c.name[:40]} ({n})", b.CohortPanel(c.id or 0))] for c, n in rows]
    await send(context, who.uid, text, Markup(buttons))


async def _create(context: Context, who: Who, words: list[str]) -> None:
    made = await services(context).db.run(cq.create, who.uid, words, who.lang,
                                          utcnow().date())
    if made.cohort is None:
        await send(context, who.uid, tr(who.lang, made.error or "", limit=cq.MAX_NAME))
        return
    await send(context, who.uid, tr(who.lang, "trainer.cohort.created", name=made.cohort.name))
    await cohort_panel(context, who, b.CohortPanel(made.cohort.id or 0))


@on(b.CohortPanel)
async def cohort_panel(context: Context, who: Who, data: b.CohortPanel) -> None:
    svc, lang, c = services(context), who.lang, data.cohort_id
    found = await svc.db.run(cq.overview, who.uid, c)
    if found is None:
        await denied(context, who)
        return
    cohort = found.cohort
    zone = await remember_tz(context, who.uid)
    text = views.cohort_panel(lang, cohort, len(found.members),
                              await link(context, cohort.join_code), found.assignments,
                              title(context, lang), zone)
    join_key = "trainer.buttons.close" if cohort.join_open else "trainer.buttons.open"
    lb_key = "trainer.buttons.lb_off" if cohort.leaderboard else "trainer.buttons.lb_on"
    notify_key = "trainer.buttons.notify_off" if cohort.notify else "trainer.buttons.notify_on"
    digest_key = "trainer.buttons.digest_off" if cohort.digest else "trainer.buttons.digest_on"
    markup = Markup([
        [button(t(lang, "trainer.buttons.report"), b.Report(c)),
         button(t(lang, "trainer.buttons.export"), b.Export(c))],
        [button(t(lang, "trainer.buttons.assign"), b.AssignMenu(c)),
         button(t(lang, "trainer.buttons.members"), b.Members(c))],
        [button(t(lang, "trainer.buttons.rotate"), b.RotateLink(c)),
         button(t(lang, join_key), b.ToggleJoin(c))],
        [button(t(lang, lb_key), b.ToggleLeaderboard(c)),
         button(t(lang, notify_key), b.ToggleNotices(c))],
        [button(t(lang, "trainer.buttons.attention"), b.Attention(c)),
         button(t(lang, digest_key), b.ToggleDigest(c))],
        *_manage_rows(lang, found.assignments),
        [button(t(lang, "tg.back"), b.CohortList())],
    ])
    await send(context, who.uid, text, markup)


def _manage_rows(lang: str, assignments: list[Assignment]) -> list[list[InlineKeyboardButton]]:
    """A ⚙️ button per assignment (labelled as in the list above it), four to a row."""
    keys = [button(t(lang, "trainer.buttons.manage", n=a.label), b.AssignmentPanel(a.id or 0))
            for a in assignments]
    return [keys[i:i + 4] for i in range(0, len(keys), 4)]


async def _link_action(context: Context, who: Who, action: str, cohort_id: int) -> None:
    db = services(context).db
    if action == "link":
        cohort = await db.run(cq.own_cohort, who.uid, cohort_id)
    elif action == "rotate":
        cohort = await db.run(cq.rotate_code, who.uid, cohort_id, codes.new_code)
    else:
        cohort = await db.run(cq.update_cohort, who.uid, cohort_id, join_open=action == "open")
    if cohort is None:
        await denied(context, who)
        return
    if action == "close":
        await send(context, who.uid, tr(who.lang, "trainer.cohort.closed_now", name=cohort.name))
        return
    key = "trainer.cohort.rotated" if action == "rotate" else "trainer.cohort.link_is"
    await send(context, who.uid, tr(who.lang, key, name=cohort.name,
                                    link=await link(context, cohort.join_code)))


@on(b.RotateLink)
async def rotate(context: Context, who: Who, data: b.RotateLink) -> None:
    await _link_action(context, who, "rotate", data.cohort_id)


@on(b.ToggleJoin)
async def toggle_join(context: Context, who: Who, data: b.ToggleJoin) -> None:
    cohort = await services(context).db.run(cq.toggle, who.uid, data.cohort_id, "join_open")
    if cohort is None:
        await denied(context, who)
        return
    if not cohort.join_open:
        await send(context, who.uid, tr(who.lang, "trainer.cohort.closed_now", name=cohort.name))
        return
    await send(context, who.uid, tr(who.lang, "trainer.cohort.link_is", name=cohort.name,
                                    link=await link(context, cohort.join_code)))


@on(b.ToggleLeaderboard)
async def toggle_leaderboard(context: Context, who: Who, data: b.ToggleLeaderboard) -> None:
    await _toggle(context, who, data.cohort_id, "leaderboard")


@on(b.ToggleNotices)
async def toggle_notices(context: Context, who: Who, data: b.ToggleNotices) -> None:
    await _toggle(context, who, data.cohort_id, "notify")


async def _toggle(context: Context, who: Who, cohort_id: int, flag: str) -> None:
    if await services(context).db.run(cq.toggle, who.uid, cohort_id, flag) is None:
        await denied(context, who)
        return
    await cohort_panel(context, who, b.CohortPanel(cohort_id))


@on(b.Members)
async def members(context: Context, who: Who, data: b.Members) -> None:
    c = data.cohort_id
    found = await services(context).db.run(cq.overview, who.uid, c)
    if found is None:
        await denied(context, who)
        return
    if not found.members:
        await send(context, who.uid, tr(who.lang, "trainer.report.no_members"))
        return
    names = rep.display_names([u for u, _ in found.members])
    buttons = [[button(names[u.id][:40], b.LearnerDetail(c, u.id)),
                button("✖", b.RemoveAsk(c, u.id))] for u, _ in found.members]
    buttons.append([button(t(who.lang, "tg.back"), b.CohortPanel(c))])
    await send(context, who.uid, tr(who.lang, "trainer.members.title", name=found.cohort.name,
                                    count=len(found.members)), Markup(buttons))


@on(b.RemoveAsk)
async def confirm_remove(context: Context, who: Who, data: b.RemoveAsk) -> None:
    found = await services(context).db.run(cq.overview, who.uid, data.cohort_id)
    member = [u for u, _ in found.members if u.id == data.user_id] if found else []
    if found is None or not member:
        await denied(context, who)
        return
    await send(context, who.uid, tr(who.lang, "trainer.members.confirm",
                                    name=member[0].first_name, cohort=found.cohort.name),
               Markup([[button(t(who.lang, "trainer.buttons.remove_yes"),
                               b.RemoveYes(data.cohort_id, data.user_id)),
                        button(t(who.lang, "tg.back"), b.Members(data.cohort_id))]]))


@on(b.RemoveYes)
async def remove(context: Context, who: Who, data: b.RemoveYes) -> None:
    """Out of the cohort: the learner is told, and their link no longer lets them back in
    until the trainer invites them again."""
    done = await services(context).db.run(cq.remove_member, who.uid, data.cohort_id,
                                          data.user_id)
    if done is None:
        await denied(context, who)
        return
    user, cohort = done
    await send(context, who.uid, tr(who.lang, "trainer.members.removed", name=user.first_name),
               Markup([[button(t(who.lang, "trainer.buttons.reinvite"),
                               b.Reinvite(data.cohort_id, data.user_id))]]))
    if not user.blocked:
        await send(context, user.id, tr(user.language, "trainer.members.told_removed",
                                        cohort=cohort.name))


@on(b.Reinvite)
async def reinvite(context: Context, who: Who, data: b.Reinvite) -> None:
    done = await services(context).db.run(cq.reinvite, who.uid, data.cohort_id, data.user_id)
    if done is None:
        await denied(context, who)
        return
    user, cohort = done
    await send(context, who.uid, tr(who.lang, "trainer.members.reinvited", name=user.first_name,
                                    cohort=cohort.name))
    if not user.blocked:
        await send(context, user.id, tr(user.language, "trainer.members.invited_back",
                                        cohort=cohort.name,
                                        link=await link(context, cohort.join_code)))
