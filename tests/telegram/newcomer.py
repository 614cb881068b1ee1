"""The README's first command as a newcomer meets it: ``python -m bot run`` in an empty
folder (no config, no token), driven through the chat page's control API over HTTP."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp

INTERNAL_ERRORS = ("er ging aan mijn kant iets mis", "something went wrong on my side")
SCORE = re.compile(r"\b\d{1,3}/100\b")


def newcomer_environment() -> dict[str, str]:
    """The developer's environment without anything that would point the bot elsewhere."""
    drop = ("BOT_TOKEN", "BOT_API_BASE_URL", "DATABASE_URL", "SALESBOT_CONFIG")
    return {k: v for k, v in os.environ.items() if k not in drop}


@dataclass
class RunningBot:
    proc: subprocess.Popen
    log: Path
    page_url: str

    @property
    def api(self) -> str:
        return self.page_url.rstrip("/") + "/emulator/api"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> int:
        """SIGTERM, as Ctrl+C or a service manager would; the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise
        return self.proc.returncode


def start_bot(folder: Path, timeout: float = 60.0) -> RunningBot:
    """Starts the README's command in ``folder`` and waits for the printed page address."""
    log = folder / "bot.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=folder,
                                env=newcomer_environment(), stdout=out,
                                stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        match = re.search(r"Open (http://\S+) in your browser", log.read_text(errors="replace"))
        if match:
            return RunningBot(proc, log, match.group(1))
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    raise AssertionError("no page address printed:\n" + log.read_text(errors="replace"))


class PageClient:
    """What the chat page does, through the same control API, for one user."""

    def __init__(self, http: aiohttp.ClientSession, bot: RunningBot, chat_id: int,
                 first_name: str, language: str) -> None:
        self.http, self.bot, self.chat_id = http, bot, chat_id
        self.user = {"id": chat_id, "first_name": first_name, "language_code": language}
        self.version = 0
        self.messages: list[dict] = []

    async def _call(self, method: str, path: str, **kwargs) -> object:
        async with self.http.request(method, self.bot.api + path, **kwargs) as response:
            body = await response.json()
        assert body.get("ok"), body
        return body["result"]

    async def send(self, text: str) -> list[dict]:
        """Sends a message; the bot's messages that answer it."""
        await self._call("POST", f"/chats/{self.chat_id}/messages",
                         json={"text": text, "user": self.user})
        return await self.answers()

    async def press(self, message: dict, data: str) -> list[dict]:
        await self._call("POST", f"/chats/{self.chat_id}/callback",
                         json={"message_id": message["id"], "data": data})
        return await self.answers()

    async def answers(self, timeout: float = 30.0) -> list[dict]:
        """The bot's messages that answer what was just sent: the emulator's idle barrier
        (the bot in that process has handled every update and every request is answered)
        says when the answer is complete, so nothing waits for a quiet while."""
        await self._call("GET", "/idle", params={"timeout": timeout})
        first = len(self.messages)
        chat = await self._call("GET", f"/chats/{self.chat_id}")
        self.version = chat["version"]
        self.messages = [m for m in chat["messages"] if m["from_bot"]]
        return self.messages[first:]

    def texts(self) -> list[str]:
        return [m["raw"].get("text") or m["raw"].get("caption") or "" for m in self.messages]

    async def set_commands(self) -> list[dict]:
        return await self._call("GET", "/calls", params={"method": "setMyCommands",
                                                        "limit": 1000})


def buttons(message: dict) -> list[tuple[str, str]]:
    markup = message["raw"].get("reply_markup") or {}
    return [(b["text"], b.get("callback_data", "")) for row in markup.get("inline_keyboard", [])
            for b in row]


def button(messages: list[dict], prefix: str) -> tuple[dict, str]:
    """The newest message with a button whose data starts with ``prefix``, and the data."""
    for message in reversed(messages):
        for _, data in buttons(message):
            if data.startswith(prefix):
                return message, data
    raise AssertionError(f"no button {prefix!r} in {[buttons(m) for m in messages]}")
