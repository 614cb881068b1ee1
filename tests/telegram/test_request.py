"""The bot's HTTP layer (aiohttp under python-telegram-bot) against a bare HTTP server that
records what arrives: the same wire format as PTB's own, and Telegram's failures mapped to
the errors PTB's callers expect."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.telegram.request import AiohttpRequest

TOKEN = "123:wire"
ME = {"id": 123, "is_bot": True, "first_name": "Salesbot", "username": "salesbot"}
MESSAGE = {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"}, "text": "x"}


@dataclass
class Recorder:
    """Answers like Telegram and keeps what each request carried."""

    status: int = 200
    answer: dict | None = None  # instead of a message, for the next requests
    delay: float = 0.0
    drop: bool = False
    seen: list[tuple[str, str, dict, dict]] = field(default_factory=list)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        form = await request.post()
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        files = {k: v.file.read() for k, v in form.items() if isinstance(v, web.FileField)}
        self.seen.append((method, request.content_type, fields, files))
        if method == "getMe":
            return web.json_response({"ok": True, "result": ME})
        if self.drop:
            assert request.transport is not None
            request.transport.close()
        await asyncio.sleep(self.delay)
        return web.json_response(self.answer or {"ok": True, "result": MESSAGE},
                                 status=self.status)


@pytest.fixture
async def wire() -> AsyncIterator[tuple[Recorder, Bot]]:
    recorder = Recorder()
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", recorder.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    bot = Bot(TOKEN, base_url=f"http://127.0.0.1:{port}/bot",
              request=AiohttpRequest(read_timeout=0.5), get_updates_request=AiohttpRequest())
    try:
        async with bot:
            yield recorder, bot
    finally:
        await runner.cleanup()


async def test_a_message_arrives_as_the_form_ptb_itself_sends(wire) -> None:
    recorder, bot = wire
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Opnieuw ↻", callback_data="go:x")]])
    sent = await bot.send_message(5, "Goedemorgen, café & <b>co</b> 👋", reply_markup=keyboard,
                                  parse_mode="HTML")
    assert sent.message_id == 1
    method, content_type, fields, _ = recorder.seen[-1]
    assert (method, content_type) == ("sendMessage", "application/x-www-form-urlencoded")
    assert fields["chat_id"] == "5" and fields["parse_mode"] == "HTML"
    assert fields["text"] == "Goedemorgen, café & <b>co</b> 👋"
    markup = json.loads(fields["reply_markup"])
    assert markup["inline_keyboard"][0][0] == {"text": "Opnieuw ↻", "callback_data": "go:x"}


async def test_a_file_goes_as_multipart_with_its_name(wire) -> None:
    recorder, bot = wire
    await bot.send_document(5, b'{"user": 5}', filename="mydata.json", caption="Jouw gegevens")
    method, content_type, fields, files = recorder.seen[-1]
    assert (method, content_type) == ("sendDocument", "multipart/form-data")
    assert fields["caption"] == "Jouw gegevens" and files == {"document": b'{"user": 5}'}


async def test_flood_control_is_a_retry_after_with_telegrams_delay(wire) -> None:
    recorder, bot = wire
    recorder.status = 429
    recorder.answer = {"ok": False, "error_code": 429, "description": "Too Many Requests",
                       "parameters": {"retry_after": 7}}
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(5, "hallo")
    assert caught.value.retry_after == dt.timedelta(seconds=7)  # PTB_TIMEDELTA, see bot.telegram


async def test_a_silent_server_times_out_and_a_dropped_connection_is_a_network_error(
        wire) -> None:
    recorder, bot = wire
    recorder.delay = 2.0
    with pytest.raises(TimedOut):
        await bot.send_message(5, "hallo")
    recorder.delay, recorder.drop = 0.0, True
    with pytest.raises(NetworkError):
        await bot.send_message(5, "hallo")
