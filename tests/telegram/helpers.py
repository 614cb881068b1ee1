"""Steps many conversation tests share."""

from __future__ import annotations

import asyncio

from bot.emulator.user import EmulatedUser


def buttons(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row]


async def open_briefing(user: EmulatedUser, scenario: str) -> dict:
    await user.send(f"/start play_{scenario}")
    return await user.next_message()


async def start_call(user: EmulatedUser, scenario: str = "first-visit-cleaning") -> dict:
    """Deep link to the briefing, start without preparation; returns the opening message."""
    briefing = await open_briefing(user, scenario)
    await user.press(briefing, f"go:{scenario}")
    return await user.next_message()


async def until_buttons(user: EmulatedUser, wanted: str, limit: int = 6) -> list[dict]:
    """Messages up to and including the first one carrying the button ``wanted``."""
    seen = []
    for _ in range(limit):
        message = await user.next_message()
        seen.append(message)
        if wanted in buttons(message):
            return seen
    raise AssertionError(f"no message with button {wanted!r} among {len(seen)}")


async def eventually(check, timeout: float = 5.0):
    """Await ``check()`` until it returns something truthy: for effects the bot commits
    just after the HTTP call a test can observe."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = await check()
        if result or loop.time() > deadline:
            return result
        await asyncio.sleep(0.02)
