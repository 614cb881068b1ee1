"""The one policy for every request the bot makes: throttle, wait out 429, retry safely.

Every send goes through here (python-telegram-bot calls the rate limiter around each Bot
API request), so the replies in a call, the daily-practice prompts and the trainers'
notices all follow the same rules:

- *Messages* share one bucket of ``messages_per_second`` (Telegram allows about 30 a
  second overall, 20 a minute per group). Chat actions, callback answers, getUpdates and
  setMyCommands are not messages; throttling them would only delay the learner's reply,
  so they go straight out.
- A 429 ``retry_after`` holds every message for that long (the limit is per bot), then
  the message is tried again, up to ``max_retries`` times (python-telegram-bot's
  ``AIORateLimiter`` does both).
- A request that never left (no connection could be made) is tried again after a short
  backoff: it cannot have reached Telegram. One that may have reached it (a read timeout,
  a connection dropped mid-answer) is not, since that would risk a double message; the
  caller decides (a call's answer is delivered late by the outbox, a practice prompt is
  left for the dispatcher's next sweep).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import aiohttp
import httpx
from telegram.error import NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

MESSAGE_METHODS = frozenset({
    "sendMessage", "sendPhoto", "sendDocument", "sendAudio", "sendVoice", "sendVideo",
    "sendAnimation", "sendSticker", "sendMediaGroup", "sendLocation", "sendContact",
    "sendPoll", "sendDice", "copyMessage", "copyMessages", "forwardMessage",
    "forwardMessages", "editMessageText", "editMessageCaption", "editMessageMedia",
})
# Transport errors raised before a single byte of the request was sent.
NOT_SENT = (aiohttp.ClientConnectorError, httpx.ConnectError, httpx.ConnectTimeout,
            httpx.PoolTimeout)
RECONNECT_DELAYS = (0.2, 0.5, 1.0)  # seconds before each new try of a request never sent
MAX_RETRIES = 3  # tries after a 429, each after its retry_after


def never_sent(error: NetworkError) -> bool:
    """Whether the request certainly did not reach Telegram, so trying again is safe."""
    return isinstance(error.__cause__, NOT_SENT)


class SendPolicy(AIORateLimiter):
    """``messages_per_second`` 0 switches throttling off; 429s and reconnects still apply."""

    def __init__(self, messages_per_second: float = 30.0, *, max_retries: int = MAX_RETRIES,
                 reconnect_delays: tuple[float, ...] = RECONNECT_DELAYS) -> None:
        super().__init__(overall_max_rate=messages_per_second, max_retries=max_retries)
        self.reconnect_delays = reconnect_delays

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        delays = list(self.reconnect_delays)
        while True:
            try:
                if endpoint in MESSAGE_METHODS:
                    return await super().process_request(callback, args, kwargs, endpoint,
                                                          data, rate_limit_args)
                return await callback(*args, **kwargs)
            except NetworkError as error:
                if not delays or not never_sent(error):
                    raise
                delay = delays.pop(0)
                log.info("%s could not connect (%s); trying again in %ss",
                         endpoint, error, delay)
                await asyncio.sleep(delay)
