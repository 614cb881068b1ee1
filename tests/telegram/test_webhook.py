"""Webhook mode: updates arrive by HTTPS POST, and only with Telegram's secret token."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import aiohttp

from bot.config import Settings
from bot.emulator import Emulator
from bot.storage import Database
from bot.telegram.app import ALLOWED_UPDATES, build_application
from tests.databases import new_database_url
from tests.telegram.conftest import TOKEN, catalog, stop_app

SECRET = "s3cret-Token_1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_update(update_id: int, user_id: int) -> dict:
    person = {"id": user_id, "is_bot": False, "first_name": "Wim", "language_code": "en"}
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "from": person,
        "chat": {"id": user_id, "type": "private", "first_name": "Wim"}, "text": "/start",
        "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}


async def test_webhook_accepts_updates_with_the_secret_and_rejects_others(tmp_path: Path) -> None:
    emulator = Emulator(port=0)
    await emulator.start()
    settings = Settings(data_dir=tmp_path, database_url=new_database_url(tmp_path),
                        messages_per_second=0)
    db = Database(settings.effective_database_url)
    db.migrate()
    app = build_application(settings, db, catalog(), token=TOKEN, base_url=emulator.base_url,
                            base_file_url=emulator.base_file_url)
    port = _free_port()
    user = emulator.user(4001, "Wim", language_code="en")
    await user.send("/start")  # opens the chat (bots cannot write first); in webhook mode
    # the bot never polls, so this update is not delivered: the POSTs below are the input
    try:
        await app.initialize()
        await app.start()
        await app.updater.start_webhook(
            listen="127.0.0.1", port=port, url_path="telegram", secret_token=SECRET,
            webhook_url="https://bot.example.org/telegram", allowed_updates=ALLOWED_UPDATES)
        assert emulator.state.webhook["url"] == "https://bot.example.org/telegram"
        url = f"http://127.0.0.1:{port}/telegram"
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json=_start_update(1, 4001)) as forged:
                assert forged.status == 403
            async with http.post(url, json=_start_update(2, 4001),
                                 headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as real:
                assert real.status == 200
        reply = await user.next_message()
        assert "Hi Wim" in reply["text"]
        assert len(emulator.sent_messages(4001)) == 1  # the forged update got nothing
    finally:
        await stop_app(app)
        await emulator.stop()
