"""Fixtures: a started emulator, a real python-telegram-bot Bot, and a polling Application."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from telegram import Bot
from telegram.ext import Application, BaseHandler

from bot.emulator import Emulator

TOKEN = "123456:TEST-token"
StartApp = Callable[..., Awaitable[Application]]


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emu = Emulator(host="127.0.0.1", port=0)
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


@pytest.fixture
async def bot(emulator: Emulator) -> AsyncIterator[Bot]:
    tg_bot = Bot(TOKEN, base_url=emulator.base_url, base_file_url=emulator.base_file_url)
    await tg_bot.initialize()
    try:
        yield tg_bot
    finally:
        await tg_bot.shutdown()


@pytest.fixture
async def start_app(emulator: Emulator) -> AsyncIterator[StartApp]:
    """Build, start and poll an Application with the given handlers; errors are collected
    in ``app.bot_data["errors"]`` so tests can assert the bot never crashed."""
    started: list[Application] = []

    async def start(*handlers: BaseHandler[Any, Any, Any]) -> Application:
        app = (
            Application.builder()
            .token(TOKEN)
            .base_url(emulator.base_url)
            .base_file_url(emulator.base_file_url)
            .build()
        )
        app.bot_data["errors"] = []

        async def on_error(update: object, context: Any) -> None:
            app.bot_data["errors"].append(context.error)

        app.add_error_handler(on_error)
        for handler in handlers:
            app.add_handler(handler)
        await app.initialize()
        await app.start()
        await app.updater.start_polling(poll_interval=0.0, timeout=5)
        started.append(app)
        return app

    try:
        yield start
    finally:
        for app in started:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()


@pytest.fixture
async def http(emulator: Emulator) -> AsyncIterator[aiohttp.ClientSession]:
    """A plain HTTP client rooted at the emulator, for the control API and raw Bot API."""
    async with aiohttp.ClientSession(base_url=emulator.url) as session:
        yield session
