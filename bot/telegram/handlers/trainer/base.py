"""What every trainer handler shares: who is asking, the one refusal, titles and time
zones, and the routing of typed buttons to the handler declared for them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from telegram import Update

from bot import accounts
from bot.telegram import keyboards as kb
from bot.telegram.callback_data import CallbackData
from bot.telegram.common import Context, answer_query, learner, send, services
from bot.telegram.render import tr
from bot.trainers import codes, roles

DEFAULT_TZ = "Europe/Amsterdam"


@dataclass(frozen=True)
class Who:
    """A trainer or admin who passed the role check."""

    uid: int
    lang: str
    role: str


Handler = Callable[[Context, Who, Any], Awaitable[None]]
ROUTES: dict[type[CallbackData], Handler] = {}
D = TypeVar("D", bound=CallbackData)


def on(kind: type[D]) -> Callable[[Callable[[Context, Who, D], Awaitable[None]]],
                                  Callable[[Context, Who, D], Awaitable[None]]]:
    """Declare the handler of a ``tr:`` button (one per button type)."""
    def register(handler: Callable[[Context, Who, D], Awaitable[None]]
                 ) -> Callable[[Context, Who, D], Awaitable[None]]:
        if kind in ROUTES:
            raise TypeError(f"{kind.__name__} is routed twice")
        ROUTES[kind] = handler
        return handler
    return register


async def role_of(context: Context, uid: int) -> str:
    svc = services(context)
    return roles.effective_role(uid, await svc.db.run(accounts.stored_role, uid),
                                svc.settings.admins)


async def trainer(update: Update, context: Context) -> Who | None:
    """A trainer or admin; anyone else is told no, and that is all."""
    await answer_query(update)
    uid, lang = await learner(update, context)
    role = await role_of(context, uid)
    if not roles.can_train(role):
        await send(context, uid, tr(lang, "trainer.denied"))
        return None
    return Who(uid, lang, role)


async def denied(context: Context, who: Who) -> None:
    """The same answer for "not yours" as for "does not exist": nothing leaks."""
    await send(context, who.uid, tr(who.lang, "trainer.not_found"))


def title(context: Context, lang: str) -> Callable[[str], str]:
    catalog = services(context).catalog
    return lambda sid: kb.title_of(catalog, sid, lang)


def tz(context: Context) -> str:
    return (context.user_data or {}).get("tz") or DEFAULT_TZ


async def remember_tz(context: Context, uid: int) -> str:
    user = await services(context).db.run(accounts.get, uid)
    zone = user.timezone if user else DEFAULT_TZ
    if context.user_data is not None:
        context.user_data["tz"] = zone
    return zone


async def link(context: Context, code: str) -> str:
    username = context.bot.username or (await context.bot.get_me()).username or ""
    return codes.join_link(username, code)


def number(text: str | None) -> int | None:
    """A whole number typed in a command, or None."""
    return int(text) if text and text.lstrip("-").isdigit() and len(text) < 19 else None
