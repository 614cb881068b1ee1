"""The chat page in a real browser: Playwright driving Debian's Chromium at a phone's size
against the README's first command, ``python -m bot run`` in an empty folder.

Chromium comes from the system (``apt-get install chromium``; ``.ci/run`` installs it),
never from ``playwright install``. Screenshots of every step go to
``tests/browser/screenshots/<test>/`` (not committed) for a human to look at.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from bot.i18n import t
from tests.browser.phone import Phone
from tests.telegram.newcomer import RunningBot, start_bot

CHROMIUM = Path("/usr/bin/chromium")
PHONE_SIZE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
BOT_START_MS = 60_000
expect.set_options(timeout=10_000)  # a shared 2-core machine can be slow to paint
_user_ids = itertools.count(910_001)


@pytest.fixture(scope="package")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    """One bot process for the browser tests; each test talks to it as its own user."""
    running = start_bot(tmp_path_factory.mktemp("newcomer"))
    try:
        yield running
    finally:
        running.stop()
    assert "Traceback" not in running.log_text(), running.log_text()[-3000:]


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Headless Chromium; Playwright gives it a fresh, temporary user-data dir."""
    if not CHROMIUM.exists():
        pytest.skip(f"the browser tests drive Debian's Chromium ({CHROMIUM}): "
                    "apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def open_phone(browser: Browser, bot: RunningBot,
               request: pytest.FixtureRequest) -> Iterator[Callable[..., Phone]]:
    """Opens the chat page on a new phone (its own browser context and Telegram user)."""
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    phones: list[Phone] = []

    def open_(lang: str = "en", name: str = "Sanne") -> Phone:
        context = browser.new_context(viewport=PHONE_SIZE, device_scale_factor=2,
                                      is_mobile=True, has_touch=True, locale=f"{lang}-NL")
        context.set_default_timeout(10_000)
        user = {"id": next(_user_ids), "first_name": name, "language_code": lang}
        context.add_init_script(
            f"localStorage.setItem('emulator.user', JSON.stringify({json.dumps(user)}))")
        page = context.new_page()
        page.goto(bot.page_url)
        # "@username" under the bot's name: the page is registered and the bot is polling
        # (the first test may wait here for the bot process to finish starting).
        expect(page.locator("#status")).to_have_text(re.compile("^@"), timeout=BOT_START_MS)
        phone = Phone(page, folder, lang, user["id"], prefix=f"{len(phones) + 1}-"
                      if phones else "")
        phones.append(phone)
        return phone

    yield open_
    try:
        for phone in phones:
            seen = " ".join(phone.bot_texts())
            for lang in ("nl", "en"):
                assert shown_internal_error(lang) not in seen, "the bot reported an error"
    finally:
        for phone in phones:
            phone.page.context.close()


@pytest.fixture
def phone(open_phone: Callable[..., Phone]) -> Phone:
    """An English-speaking learner's phone with the chat page open."""
    return open_phone("en")


def shown_internal_error(lang: str) -> str:
    return t(lang, "tg.errors.internal").split(";")[0]
