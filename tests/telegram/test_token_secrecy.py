"""The bot token never reaches the terminal or a log, whatever fails.

Every Bot API URL holds the token, and failing requests put their URL into exception texts
and the tracebacks of their causes; Python prints uncaught exceptions and warnings itself.
Each test runs the bot (or the logging set-up) in its own process and reads everything it
wrote to stdout and stderr, at DEBUG, the most talkative level.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.telegram.broken_api import (
    SECRET_HALF,
    TOKEN,
    BotProcess,
    broken_api,
    start_bot_process,
    terminate,
)


def assert_masked(output: str) -> None:
    assert SECRET_HALF not in output, output
    assert "<token>" in output, "the failing URL was never reported:\n" + output


async def test_a_malformed_api_url_is_reported_without_the_token(tmp_path: Path) -> None:
    bot = start_bot_process(tmp_path, "http://[::1/bot", LOG_LEVEL="DEBUG")
    try:
        code = await bot.exit_code(timeout=60)
    finally:
        bot.kill()
    assert code == 1, bot.output()
    assert SECRET_HALF not in bot.output()
    assert "salesbot: BOT_API_BASE_URL 'http://[::1/bot' is not a valid URL" in bot.output()
    assert "Traceback" not in bot.output()


async def test_requests_failing_with_their_url_in_the_error_never_print_the_token(
        tmp_path: Path) -> None:
    """getUpdates runs into a redirect loop: aiohttp's error holds the whole URL."""
    async with broken_api({"getUpdates": "redirect"}) as api:
        bot = start_bot_process(tmp_path, api.base_url, LOG_LEVEL="DEBUG")
        try:
            await bot.wait_for(lambda: api.count("getUpdates") >= 2)
            await bot.wait_for(lambda: "TooManyRedirects" in bot.output())
            terminate(bot)
            code = await bot.exit_code(timeout=20)
        finally:
            bot.kill()
    assert code == 0, bot.output()
    assert_masked(bot.output())
    assert " DEBUG telegram" in bot.output()  # LOG_LEVEL=DEBUG was honoured


def test_warnings_thread_crashes_and_uncaught_exceptions_are_masked(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import logging, threading, warnings
        from bot.logs import setup_logging
        TOKEN = {TOKEN!r}
        URL = "https://api.telegram.org/bot" + TOKEN + "/getMe"
        setup_logging("DEBUG", secrets=[TOKEN])
        warnings.warn("deprecated call to " + URL)
        try:
            raise ConnectionError("cannot reach " + URL)
        except ConnectionError:
            logging.getLogger("telegram.ext").exception("while polling %s", URL)
        logging.getLogger("x").error("percent-encoded %s", URL.replace(":", "%3A"))
        thread = threading.Thread(target=lambda: (_ for _ in ()).throw(ValueError(URL)))
        thread.start()
        thread.join()
        print("stdout", URL)
        raise RuntimeError("fatal " + URL)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[2],
                          capture_output=True, text=True, timeout=60)
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert SECRET_HALF not in output, output
    for seen in ("deprecated call", "while polling", "percent-encoded", "ValueError",
                 "stdout", "RuntimeError: fatal"):
        assert seen in output
    assert output.count("<token>") >= 6, output


async def test_without_a_token_the_emulators_stand_in_is_masked_as_well(tmp_path: Path) -> None:
    """``python -m bot run`` without a token talks to the built-in emulator with a token of
    its own; its request URLs are logged like Telegram's, so they are masked the same way."""
    from bot.runner import EMULATOR_TOKEN

    (tmp_path / "config.yaml").write_text("emulator:\n  port: 0\n")
    environ = {k: v for k, v in os.environ.items()
               if k not in ("BOT_TOKEN", "DATABASE_URL", "SALESBOT_CONFIG", "LOG_LEVEL")}
    log = tmp_path / "bot.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=tmp_path,
                                env={**environ, "LOG_LEVEL": "DEBUG"},
                                stdout=out, stderr=subprocess.STDOUT)
    bot = BotProcess(proc, log)
    try:
        await bot.wait_for(lambda: "Set Bot API URL" in bot.output(), timeout=60)
        await bot.wait_for(lambda: "getUpdates" in bot.output(), timeout=30)
        terminate(bot)
        code = await bot.exit_code(timeout=30)
    finally:
        bot.kill()
    assert code == 0, bot.output()
    assert EMULATOR_TOKEN.split(":")[1] not in bot.output(), bot.output()
    assert "/bot<token>" in bot.output()


def test_an_unknown_log_level_stops_the_bot_with_a_clear_message(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=tmp_path,
                          env={**os.environ, "LOG_LEVEL": "loud"},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "LOG_LEVEL: should be one of DEBUG, INFO, WARNING, ERROR" in done.stderr
