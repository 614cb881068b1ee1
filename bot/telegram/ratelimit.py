"""Keep under Telegram's flood limits without slowing down what they do not count.

Telegram limits *messages* (about 30 a second overall, 20 a minute per group). Chat
actions, callback answers, getUpdates and setMyCommands are not messages; throttling them
through the same bucket would only delay the learner's reply, so they go straight out;
messages get the bucket and the library's retry on 429 ``retry_after``.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter

MESSAGE_METHODS = frozenset({
    "sendMessage", "sendPhoto", "sendDocument", "sendAudio", "sendVoice", "sendVideo",
    "sendAnimation", "sendSticker", "sendMediaGroup", "sendLocation", "sendContact",
    "sendPoll", "sendDice", "copyMessage", "copyMessages", "forwardMessage",
    "forwardMessages", "editMessageText", "editMessageCaption", "editMessageMedia",
})


class MessageRateLimiter(AIORateLimiter):
    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        if endpoint in MESSAGE_METHODS:
            return await super().process_request(callback, args, kwargs, endpoint, data,
                                                 rate_limit_args)
        return await callback(*args, **kwargs)
