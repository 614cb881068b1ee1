"""A trainer on their phone reads why a learner's attempt scored what it did: the checklist
(asked / learned), the score per part and the tips, in the chat page at 390×844, against
the real bot process (``python -m bot run`` with the trainer as the configured admin)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import BOT_START_MS, PHONE_SIZE, SCREENSHOTS
from tests.browser.phone import Phone, shown
from tests.telegram.newcomer import RunningBot, start_bot

TRAINER = {"id": 920_001, "first_name": "Tineke", "language_code": "en"}
LEARNER = {"id": 920_002, "first_name": "Lotte", "last_name": "de Vries",
           "language_code": "en"}
# Asks who decides (she tells), what they pay now and when the contract ends (too early:
# she keeps those to herself), then ends the call.
LINES = ["Good morning, I am Jan from CleanCo. Who decides about the cleaning here?",
         "What do you pay now for the cleaning?", "When does your current contract end?"]


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    folder = tmp_path_factory.mktemp("trainer")
    (folder / "config.yaml").write_text(f"admins: [{TRAINER['id']}]\n", encoding="utf-8")
    running = start_bot(folder)
    try:
        yield running
    finally:
        running.stop()
    assert "Traceback" not in running.log_text(), running.log_text()[-3000:]


def _phone(browser: Browser, bot: RunningBot, user: dict, folder: Path, prefix: str) -> Phone:
    context = browser.new_context(viewport=PHONE_SIZE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="en-NL")
    context.set_default_timeout(10_000)
    context.add_init_script(
        f"localStorage.setItem('emulator.user', JSON.stringify({json.dumps(user)}))")
    page = context.new_page()
    page.goto(bot.page_url)
    expect(page.locator("#status")).to_have_text(re.compile("^@"), timeout=BOT_START_MS)
    return Phone(page, folder, "en", user["id"], prefix=prefix)


def test_the_trainer_reads_why_an_attempt_scored_what_it_did(
        browser: Browser, bot: RunningBot) -> None:
    folder = SCREENSHOTS / "trainer-attempt-view"
    folder.mkdir(parents=True, exist_ok=True)
    trainer = _phone(browser, bot, TRAINER, folder, "trainer-")
    learner = _phone(browser, bot, LEARNER, folder, "learner-")

    panel = trainer.send("/cohort new Sales A en", re.compile(r"start=join_"))
    text = panel.inner_text()
    code = re.search(r"start=join_([\w-]+)", text)[1]
    cohort = re.search(r"\(#(\d+)\)", text)[1]
    learner.send(f"/start join_{code}", "Welcome to Sales A")
    trainer.send(f"/assign {cohort} first-visit-cleaning +7", "Assigned")

    # graded: started from the learner's list (free practice would be in nobody's report)
    learner.send("/assignments", "Next attempt counts for: Sales A")
    learner.tap(re.compile("^🎯 "), "graded attempt 1 of 3")
    learner.tap(shown("en", "trainer.mine.start_graded", n=1, max=3), "/hint")
    for line in LINES:
        learner.send(line, re.compile("."))
    learner.send("/stop", "/100")

    trainer.send("/report", "Report Sales A")
    trainer.tap("👤 Learners", "Learners of Sales A")
    trainer.tap("Lotte", re.compile(r"Attempt 1 · First visit"))
    view = trainer.tap(re.compile(r"^Attempt 1 · \d+$"), "Checklist")
    for part in ("Scores per part", "✓✗ What they pay now", "✓✓ Who decides",
                 "Tips the learner got", "The call"):
        expect(view).to_contain_text(part)
    trainer.assert_fits()
    view.get_by_text("Checklist").scroll_into_view_if_needed()
    trainer.shot("attempt-view-checklist")
    view.get_by_text("Tips the learner got").scroll_into_view_if_needed()
    trainer.shot("attempt-view-tips")
    view.screenshot(path=folder / "trainer-attempt-view-whole.png")
