"""Before the bot starts: is the Bot API there, and does it take the token?

Left to itself, python-telegram-bot gives up at the first failed request at start with
three chained tracebacks, whatever the cause. An operator needs to know which of two
things happened: the settings cannot work (a malformed ``BOT_API_BASE_URL``, a token the
server refuses), which retrying cannot fix, so the bot stops with one line saying what to
change; or the network or the server is down for now, which the bot waits out, one
warning per attempt with growing pauses, until it is back or the bot is told to stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import aiohttp

log = logging.getLogger(__name__)
ATTEMPT_TIMEOUT = 10.0
MAX_DELAY = 60.0


class BotApiUnusable(Exception):
    """The settings cannot work; the message says what to change (it never holds the
    token)."""


async def _get_me(http: aiohttp.ClientSession, base_url: str, token: str) -> None:
    """Returns when getMe succeeds; BotApiUnusable when it cannot; anything else is
    passing trouble."""
    try:
        async with http.get(f"{base_url}{token}/getMe") as response:
            status = response.status
            try:
                body = await response.json(content_type=None)
            except ValueError:
                body = None
    except (aiohttp.InvalidURL, ValueError):
        raise BotApiUnusable(
            f"BOT_API_BASE_URL {base_url!r} is not a valid URL") from None
    if status == 200 and isinstance(body, dict) and body.get("ok"):
        return
    description = body.get("description") if isinstance(body, dict) else None
    said = f"{status} {description or ''}".strip()
    if status in (401, 404):
        raise BotApiUnusable(f"the Bot API at {base_url} refused the token ({said}): "
                             "check BOT_TOKEN and BOT_API_BASE_URL")
    if 400 <= status < 500 and status != 429:
        raise BotApiUnusable(f"the Bot API at {base_url} answered getMe with {said}")
    raise ConnectionError(f"the server answered {said}")


async def wait_for_bot_api(base_url: str, token: str, stop: asyncio.Event, *,
                           first_delay: float = 1.0) -> bool:
    """True once the Bot API answers getMe with the token; False if ``stop`` is set first.
    Raises BotApiUnusable when the settings cannot work."""
    delay = first_delay
    timeout = aiohttp.ClientTimeout(total=ATTEMPT_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        while not stop.is_set():
            attempt = asyncio.ensure_future(_get_me(http, base_url, token))
            stopped = asyncio.ensure_future(stop.wait())
            await asyncio.wait({attempt, stopped}, return_when=asyncio.FIRST_COMPLETED)
            stopped.cancel()
            if not attempt.done():
                attempt.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await attempt
                return False
            error = attempt.exception()
            if error is None:
                return True
            if isinstance(error, BotApiUnusable):
                raise error
            reason = (str(error) or error.__class__.__name__).replace(token, "<token>")
            log.warning("cannot reach the Bot API at %s (%s); trying again in %.0f s",
                        base_url, reason, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            delay = min(delay * 2, MAX_DELAY)
    return False
