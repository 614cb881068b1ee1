"""A trainer's own scenarios: ``/scenario`` (list, download, test, delete; publish for
admins), uploading a YAML document, and installing the stored ones at start."""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineKeyboardButton, Update
from telegram import InlineKeyboardMarkup as Markup

from bot import calls
from bot.i18n import t
from bot.telegram import buttons as b
from bot.telegram import keyboards as kb
from bot.telegram import render
from bot.telegram.callback_data import button
from bot.telegram.common import App, Context, learner, send, services
from bot.telegram.handlers import fallback
from bot.telegram.handlers.trainer.base import Who, denied, on, role_of, title, trainer
from bot.telegram.render import h, tr
from bot.trainers import own_scenarios, roles, uploads

log = logging.getLogger(__name__)
MAX_PROBLEMS = 30


async def scenario_command(update: Update, context: Context) -> None:
    """``/scenario [list]``, ``/scenario download|test|delete <id>``,
    ``/scenario publish|unpublish <id>`` (admins). A YAML document uploads one."""
    who = await trainer(update, context)
    if who is None:
        return
    args = context.args or []
    action = args[0].lower() if args else "list"
    sid = args[1] if len(args) > 1 else ""
    if action == "list":
        await scenario_list(context, who, b.ScenarioList())
    elif action == "download" and sid:
        await _download(context, who, sid)
    elif action == "test" and sid:
        await try_scenario(context, who, b.TryScenario(sid))
    elif action == "delete" and sid:
        await _delete(context, who, sid)
    elif action in ("publish", "unpublish") and sid:
        await _publish(context, who, sid, action == "publish")
    else:
        await send(context, who.uid, _usage(who.lang))


def _usage(lang: str) -> str:
    return tr(lang, "trainer.scenario.usage", limit=uploads.MAX_SCENARIOS_PER_TRAINER,
              size=uploads.MAX_UPLOAD_BYTES // 1024)


def _try_button(lang: str, sid: str) -> list[list[InlineKeyboardButton]]:
    data = b.TryScenario(sid)
    return [[button(t(lang, "trainer.buttons.test", id=sid)[:60], data)]] if data.fits() else []


@on(b.ScenarioList)
async def scenario_list(context: Context, who: Who, _: b.ScenarioList) -> None:
    lang = who.lang
    rows = await services(context).db.run(own_scenarios.listed, who.uid)
    out = [f"<b>{tr(lang, 'trainer.scenario.mine')}</b>"]
    out += [tr(lang, "trainer.scenario.line", id=r.scenario_id,
               title=title(context, lang)(r.scenario_id),
               state=t(lang, "trainer.scenario.published" if r.published
                       else "trainer.scenario.private")) for r in rows]
    if not rows:
        out.append(tr(lang, "trainer.scenario.none"))
    out += ["", _usage(lang)]
    buttons = [row for r in rows for row in _try_button(lang, r.scenario_id)]
    await send(context, who.uid, "\n".join(out), Markup(buttons) if buttons else None)


async def _download(context: Context, who: Who, sid: str) -> None:
    svc = services(context)
    admin = roles.is_admin(who.role)
    if not admin and svc.catalog.get(sid, audience={who.uid}) is None:
        await denied(context, who)
        return
    row = await svc.db.run(own_scenarios.one, sid)
    if row is not None:
        data, name = row.yaml_text.encode("utf-8"), row.file_name
    elif sid in svc.catalog.sources:
        data, name = await asyncio.to_thread(_read_bytes, svc.catalog.sources[sid]), f"{sid}.yaml"
    else:
        await denied(context, who)
        return
    await context.bot.send_document(who.uid, data, filename=name,
                                    caption=t(who.lang, "trainer.scenario.download_caption"))


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


@on(b.TryScenario)
async def try_scenario(context: Context, who: Who, data: b.TryScenario) -> None:
    """A trainer tries their scenario exactly as a learner will see it."""
    svc, sid = services(context), data.scenario_id
    if svc.catalog.get(sid, audience={who.uid}) is None:
        await denied(context, who)
        return
    cs = svc.catalog.compiled(sid)
    play_lang = svc.catalog.language_for(cs.scenario, who.lang)
    await send(context, who.uid, render.briefing(cs, play_lang, None),
               kb.briefing(who.lang, sid, calls.has_preparation(cs)))


async def _delete(context: Context, who: Who, sid: str) -> None:
    svc = services(context)
    if not await svc.db.run(own_scenarios.delete, who.uid, sid):
        await denied(context, who)
        return
    svc.catalog.remove(sid)
    await send(context, who.uid, tr(who.lang, "trainer.scenario.deleted", id=sid))


async def _publish(context: Context, who: Who, sid: str, published: bool) -> None:
    if not roles.is_admin(who.role):
        await send(context, who.uid, tr(who.lang, "trainer.admin_only"))
        return
    svc = services(context)
    if await svc.db.run(own_scenarios.set_published, sid, published) is None:
        await denied(context, who)
        return
    svc.catalog.set_published(sid, published)
    key = "trainer.scenario.now_public" if published else "trainer.scenario.now_private"
    await send(context, who.uid, tr(who.lang, key, id=sid))


async def on_document(update: Update, context: Context) -> None:
    """A trainer's YAML file: validated like ``python -m bot validate``, then installed."""
    uid, lang = await learner(update, context)
    if not roles.can_train(await role_of(context, uid)):
        await fallback.non_text(update, context)
        return
    message = update.effective_message
    doc = message.document if message is not None else None
    if doc is None:
        return
    name = (doc.file_name or "scenario.yaml").replace("/", "_")[:100]
    early = uploads.precheck(name, doc.file_size)
    if early is not None:
        await send(context, uid, tr(lang, early.error or "", **early.values))
        return
    svc = services(context)
    file = await context.bot.get_file(doc.file_id)
    raw = bytes(await file.download_as_bytearray())
    mine_rows = await svc.db.run(own_scenarios.listed, uid)
    check = uploads.check_upload(name, raw, uid, svc.catalog.builtin_ids(),
                                 dict(svc.catalog.owners), len(mine_rows))
    if check.error:
        await send(context, uid, tr(lang, check.error, **check.values))
        return
    if check.scenario is None:
        problems = "\n".join(h(p) for p in check.problems[:MAX_PROBLEMS])
        more = len(check.problems) - MAX_PROBLEMS
        await send(context, uid, tr(lang, "trainer.upload.invalid", name=name,
                                    count=len(check.problems))
                   + f"\n<pre>{problems}</pre>"
                   + (("\n" + tr(lang, "trainer.report.more", count=more)) if more > 0 else ""))
        return
    scenario = check.scenario
    row = await svc.db.run(own_scenarios.save, uid, scenario.id, name,
                           raw.decode("utf-8-sig"))
    svc.catalog.add(scenario, uid, row.published)
    key = ("trainer.upload.replaced" if check.replaces else "trainer.upload.installed_as"
           if check.uploaded_id else "trainer.upload.installed")
    await send(context, uid, tr(lang, key, id=scenario.id, uploaded=check.uploaded_id or "",
                                title=render.scenario_title(scenario, lang)),
               Markup(_try_button(lang, scenario.id)) if b.TryScenario(scenario.id).fits()
               else None)


def load_trainer_scenarios(app: App) -> None:
    """Install the uploaded scenarios at start; one that no longer validates is skipped."""
    svc = app.bot_data["services"]
    try:
        rows = svc.db.call(own_scenarios.listed)
    except Exception:  # an unmigrated database: the runner migrates before this
        log.exception("could not load trainer scenarios")
        return
    for scenario, owner_id, published in own_scenarios.installable(rows):
        svc.catalog.add(scenario, owner_id, published)
