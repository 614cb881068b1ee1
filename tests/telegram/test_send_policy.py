"""The one send policy (bot.telegram.ratelimit) against Telegram's failures, through the
emulator: a 429 holds every message and each still arrives once; a request that never
left is sent again; one that may have arrived is not sent twice."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator

import pytest
from telegram.error import NetworkError
from telegram.ext import ExtBot

from bot.emulator import Emulator
from bot.telegram.ratelimit import SendPolicy
from bot.telegram.request import AiohttpRequest
from tests.telegram.conftest import TOKEN, BotEnv


async def test_a_429_holds_every_message_and_each_arrives_once(env: BotEnv) -> None:
    first = env.emulator.user(2101, "Anna", language_code="en")
    second = env.emulator.user(2102, "Bram", language_code="en")
    env.emulator.fail_next("sendMessage", 429, retry_after=1, chat_id=2101)
    await first.send("/privacy")
    await env.emulator.wait_until(lambda: env.emulator.calls("sendMessage"))
    await second.send("/privacy")
    assert "What is stored" in (await first.next_message())["text"]
    assert "What is stored" in (await second.next_message())["text"]
    await env.settle()
    assert len(first.bot_messages()) == len(second.bot_messages()) == 1

    def to(chat_id: int) -> list:
        return [c for c in env.emulator.calls("sendMessage")
                if str(c.params["chat_id"]) == str(chat_id)]

    assert [c.status for c in to(2101)] == [429, 200]
    (answered,) = to(2102)
    assert answered.at - to(2101)[0].at >= 1.0  # the other learner waited out the pause


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
async def direct() -> AsyncIterator[tuple[Emulator, ExtBot]]:
    """A bot with the send policy against an emulator on a fixed port (so it can go away
    and come back where the bot expects it)."""
    emulator = Emulator(port=_free_port())
    await emulator.start()
    emulator.user(2103, "Cas", language_code="en")
    await emulator.user(2103).send("/start")  # a bot may not write first
    bot = ExtBot(TOKEN, base_url=emulator.base_url, request=AiohttpRequest(),
                 rate_limiter=SendPolicy(0, reconnect_delays=(0.05, 2.0, 5.0)))
    try:
        async with bot:
            yield emulator, bot
    finally:
        await emulator.stop()


async def test_a_message_that_never_left_is_sent_when_telegram_is_back(
        direct, caplog) -> None:
    emulator, bot = direct
    caplog.set_level(logging.INFO, logger="bot.telegram.ratelimit")
    await emulator.stop()  # connections are refused now
    sending = asyncio.create_task(bot.send_message(2103, "still there"))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while "could not connect" not in caplog.text:
        assert loop.time() < deadline and not sending.done()
        await asyncio.sleep(0.01)
    await emulator.start()
    sent = await asyncio.wait_for(sending, timeout=15)
    assert sent.text == "still there"
    assert [m["text"] for m in emulator.sent_messages(2103)] == ["still there"]
    assert [c.status for c in emulator.calls("sendMessage")] == [200]


async def test_a_message_that_may_have_arrived_is_not_sent_twice(direct) -> None:
    emulator, bot = direct
    emulator.fail_next("sendMessage", "disconnect", chat_id=2103)
    with pytest.raises(NetworkError):
        await bot.send_message(2103, "once at most")
    assert [c.status for c in emulator.calls("sendMessage")] == [0]  # tried once only
    emulator.fail_next("sendMessage", 429, retry_after=1, chat_id=2103)
    await bot.send_message(2103, "after the pause")
    assert [c.status for c in emulator.calls("sendMessage")] == [0, 429, 200]
    assert [m["text"] for m in emulator.sent_messages(2103)] == ["after the pause"]
