"""The command menus Telegram shows under "/": learners see theirs in every private chat;
trainers and admins also get the trainer commands, set for their own chat only."""

from __future__ import annotations

import contextlib

from telegram import Bot, BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeChat
from telegram.error import TelegramError

from bot.i18n import LANGUAGES, t

LEARNER = ("start", "menu", "hint", "stop", "progress", "assignments", "settings", "help",
           "privacy", "mydata", "deleteme")
TRAINER = ("trainer", "cohort", "assign", "report", "export", "override", "scenario",
           "attention", "review")


def menu(lang: str, trainer: bool = False) -> list[BotCommand]:
    names = (*LEARNER, *TRAINER) if trainer else LEARNER
    return [BotCommand(name, t(lang, f"tg.commands.{name}")) for name in names]


async def set_default_menus(bot: Bot, default_language: str) -> None:
    """The learner menu in Dutch and English, and in the default language for the rest."""
    scope = BotCommandScopeAllPrivateChats()
    for lang in LANGUAGES:
        await bot.set_my_commands(menu(lang), scope=scope, language_code=lang)
    await bot.set_my_commands(menu(default_language), scope=scope)


async def set_role_menu(bot: Bot, user_id: int, lang: str, trainer: bool) -> None:
    """A chat-scoped menu wins over the general one, so a trainer sees both sets; removing
    it brings back the learner menu. A chat the bot cannot reach is not an error here."""
    scope = BotCommandScopeChat(user_id)
    with contextlib.suppress(TelegramError):
        if trainer:
            await bot.set_my_commands(menu(lang, trainer=True), scope=scope)
        else:
            await bot.delete_my_commands(scope=scope)
