"""A Bot API server that misbehaves on purpose, and ``python -m bot run`` pointed at it.

The emulator answers like Telegram; these failures are the ones Telegram and the network in
between produce (redirect loops, requests that never get an answer), where the library's
error texts and tracebacks hold the request URL, and so the token.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

# Shaped like a real token (bot id, colon, 35 characters), so that nothing can tell it apart.
TOKEN = "7012345678:AAH-bq4Zc9rT2kXw_Lp0sYdVn8mJfEuG3aQ"
SECRET_HALF = TOKEN.split(":", 1)[1]
BOT_USER = {"id": 7012345678, "is_bot": True, "first_name": "Salesbot",
            "username": "salesbot_test_bot"}


@dataclass
class BrokenApi:
    """``failing`` maps a Bot API method to how it fails: ``"redirect"`` (a redirect loop),
    ``"hang"`` (accepted, never answered) or an HTTP status; ``times`` (when given) how
    often before it works. Other methods succeed."""

    failing: dict[str, str | int]
    times: int | None = None
    calls: list[str] = field(default_factory=list)
    base_url: str = ""

    async def handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        self.calls.append(method)
        how = self.failing.get(method)
        if how is not None and (self.times is None or self.count(method) <= self.times):
            if how == "redirect":
                raise web.HTTPFound(str(request.rel_url))
            if how == "hang":
                await asyncio.Event().wait()
            if isinstance(how, int):
                return web.json_response({"ok": False, "error_code": how,
                                          "description": "Unauthorized" if how == 401
                                          else "Bad Gateway"}, status=how)
        if method == "getMe":
            return web.json_response({"ok": True, "result": BOT_USER})
        if method == "getUpdates":
            await asyncio.sleep(0.5)
            return web.json_response({"ok": True, "result": []})
        return web.json_response({"ok": True, "result": True})

    def count(self, method: str) -> int:
        return self.calls.count(method)


@asynccontextmanager
async def broken_api(failing: dict[str, str | int],
                     times: int | None = None) -> AsyncIterator[BrokenApi]:
    api = BrokenApi(failing, times)
    app = web.Application()
    app.router.add_route("*", "/bot{token}/{method}", api.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    api.base_url = f"http://127.0.0.1:{port}/bot"
    try:
        yield api
    finally:
        await runner.cleanup()


@dataclass
class BotProcess:
    proc: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    async def wait_for(self, predicate, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("not reached; output:\n" + self.output())
            await asyncio.sleep(0.05)

    async def exit_code(self, timeout: float) -> int | None:
        """The exit status, or None if the process was still running after ``timeout``."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return self.proc.poll()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def start_bot_process(folder: Path, base_url: str, **env: str) -> BotProcess:
    """``python -m bot run`` with the token in the environment, as an operator starts it."""
    environ = {k: v for k, v in os.environ.items()
               if k not in ("DATABASE_URL", "SALESBOT_CONFIG", "LOG_LEVEL")}
    environ.update(BOT_TOKEN=TOKEN, BOT_API_BASE_URL=base_url, **env)
    log = folder / "bot.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=folder, env=environ,
                                stdout=out, stderr=subprocess.STDOUT)
    return BotProcess(proc, log)


def terminate(bot: BotProcess) -> None:
    bot.proc.send_signal(signal.SIGTERM)
