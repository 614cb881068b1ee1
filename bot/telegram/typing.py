"""The "typing…" indicator, only when the learner would actually see it.

An answer normally leaves within a few milliseconds, before any client could draw the
indicator, so sending it first would only cost a request per turn. When an answer takes
longer (a busy bot, a slow disk), the indicator appears after a short delay and is
renewed until the answer is out (Telegram shows it for five seconds).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import TelegramError

DELAY = 1.0
RENEW = 4.5


async def _keep_typing(bot: Bot, chat_id: int, delay: float) -> None:
    await asyncio.sleep(delay)
    while True:
        with contextlib.suppress(TelegramError):
            await bot.send_chat_action(chat_id, ChatAction.TYPING)
        await asyncio.sleep(RENEW)


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int, delay: float = DELAY) -> AsyncIterator[None]:
    task = asyncio.create_task(_keep_typing(bot, chat_id, delay))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
