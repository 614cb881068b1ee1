"""``python -m bot run`` without a token: the emulator, the bot, and the page's address."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[2]


async def test_run_without_token_serves_the_chat_page_and_stops_cleanly(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("emulator:\n  host: 127.0.0.1\n  port: 0\nstorage:\n  data_dir: data\n")
    environ = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL")}
    environ["SALESBOT_CONFIG"] = str(config)
    proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=environ,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = _wait_for_url(proc)
        async with aiohttp.ClientSession() as http:
            async with http.get(url) as page:
                assert page.status == 200 and "<html" in (await page.text()).lower()
            base = url.rstrip("/")
            async with http.post(f"{base}/emulator/api/users", json={
                    "id": 77, "first_name": "Newcomer", "language_code": "en"}) as made:
                assert made.status in (200, 201)
            async with http.post(f"{base}/emulator/api/chats/77/messages",
                                 json={"text": "/start"}) as sent:
                assert sent.status == 200
            assert "Hi Newcomer" in await _bot_reply(http, base, 77)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert (tmp_path / "data" / "salesbot.db").exists()


async def _bot_reply(http: aiohttp.ClientSession, base: str, chat_id: int) -> str:
    """The first bot message in the chat, long-polling the control API for it."""
    version = 0
    for _ in range(20):
        async with http.get(f"{base}/emulator/api/chats/{chat_id}",
                            params={"since": version, "wait": 2}) as response:
            chat = (await response.json())["result"]
        bot_texts = [m["raw"].get("text", "") for m in chat["messages"] if m["from_bot"]]
        if bot_texts:
            return bot_texts[0]
        version = chat["version"]
    raise AssertionError("the bot never answered /start")


def _wait_for_url(proc: subprocess.Popen, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        seen.append(line)
        match = re.search(r"Open (http://\S+) in your browser", line)
        if match:
            return match.group(1)
    raise AssertionError("no page address printed:\n" + "".join(seen))
