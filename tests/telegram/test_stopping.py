"""Starting and stopping ``python -m bot run`` with a token, as an operator or a service
manager does, while the Bot API works, hangs, is down or refuses the token."""

from __future__ import annotations

import time
from pathlib import Path

from tests.telegram.broken_api import (
    SECRET_HALF,
    BotProcess,
    broken_api,
    start_bot_process,
    terminate,
)


def assert_calm(bot: BotProcess) -> None:
    output = bot.output()
    assert "Traceback" not in output and " ERROR " not in output, output
    assert SECRET_HALF not in output


async def stop_and_time(bot: BotProcess) -> tuple[int | None, float]:
    started = time.monotonic()
    terminate(bot)
    code = await bot.exit_code(timeout=20)
    return code, time.monotonic() - started


async def test_a_graceful_stop_logs_no_error(tmp_path: Path) -> None:
    async with broken_api({}) as api:
        bot = start_bot_process(tmp_path, api.base_url)
        try:
            await bot.wait_for(lambda: api.count("getUpdates") >= 2)
            code, _ = await stop_and_time(bot)
        finally:
            bot.kill()
    assert code == 0
    assert_calm(bot)


async def test_sigterm_while_the_bot_api_hangs_stops_the_bot_within_seconds(
        tmp_path: Path) -> None:
    async with broken_api({"getUpdates": "hang"}) as api:
        bot = start_bot_process(tmp_path, api.base_url)
        try:
            await bot.wait_for(lambda: api.count("getUpdates") >= 1)
            code, took = await stop_and_time(bot)
        finally:
            bot.kill()
    assert code == 0 and took < 10, (code, took)
    assert_calm(bot)
    assert "could not confirm the last updates" in bot.output()


async def test_an_unreachable_bot_api_is_waited_for_and_sigterm_ends_the_wait(
        tmp_path: Path) -> None:
    async with broken_api({"getMe": 502}) as api:
        bot = start_bot_process(tmp_path, api.base_url)
        try:
            await bot.wait_for(lambda: api.count("getMe") >= 2)
            code, took = await stop_and_time(bot)
        finally:
            bot.kill()
    assert code == 0 and took < 5, (code, took)
    assert_calm(bot)
    assert "cannot reach the Bot API" in bot.output()


async def test_the_bot_starts_once_the_bot_api_is_back(tmp_path: Path) -> None:
    async with broken_api({"getMe": 502}, times=2) as api:
        bot = start_bot_process(tmp_path, api.base_url)
        try:
            await bot.wait_for(lambda: api.count("getUpdates") >= 1)
            code, _ = await stop_and_time(bot)
        finally:
            bot.kill()
    assert code == 0
    assert_calm(bot)
    assert bot.output().count("cannot reach the Bot API") == 2
    assert "setMyCommands" in api.calls  # post_init ran: the bot really started


async def test_a_refused_token_stops_the_bot_with_one_line_saying_so(tmp_path: Path) -> None:
    async with broken_api({"getMe": 401}) as api:
        bot = start_bot_process(tmp_path, api.base_url)
        try:
            code = await bot.exit_code(timeout=30)
        finally:
            bot.kill()
    assert code == 1
    assert_calm(bot)
    assert "refused the token (401 Unauthorized): check BOT_TOKEN" in bot.output()
    assert api.calls == ["getMe"]  # no retrying what cannot work


async def test_the_bot_serves_even_when_the_command_menus_cannot_be_set(tmp_path: Path) -> None:
    """Telegram going away right after getMe once crashed the start with tracebacks."""
    async with broken_api({"setMyCommands": 502}) as api:
        bot = start_bot_process(tmp_path, api.base_url)
        try:
            await bot.wait_for(lambda: api.count("getUpdates") >= 2)
            code, _ = await stop_and_time(bot)
        finally:
            bot.kill()
    assert code == 0
    assert_calm(bot)
    assert "could not set the command menus" in bot.output()
