"""A trainer on their phone works through the review queue: the cohort report (what waits
for a review), the attempt view, the queue's attempt with numbered turns, a comment on a
turn and a redo request; the learner sees both on theirs and starts the redo with one
tap. The chat page at 390×844 against the real bot process, with screenshots of each
screen in ``tests/browser/screenshots/trainer-review-queue/`` (listed in the README)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import SCREENSHOTS
from tests.browser.phone import Phone, shown
from tests.browser.test_trainer_attempt_view import _phone
from tests.telegram.newcomer import RunningBot, start_bot
from tests.telegram.test_trainer_flows import PASSING_LINES

TRAINER = {"id": 930_001, "first_name": "Tineke", "language_code": "en"}
LEARNER = {"id": 930_002, "first_name": "Lotte", "last_name": "de Vries",
           "language_code": "en"}
DRILL = "drill-objection-price"
DRILL_TITLE = "Drill – objection: too expensive"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    folder = tmp_path_factory.mktemp("review")
    (folder / "config.yaml").write_text(f"admins: [{TRAINER['id']}]\n", encoding="utf-8")
    running = start_bot(folder)
    try:
        yield running
    finally:
        running.stop()
    assert "Traceback" not in running.log_text(), running.log_text()[-3000:]


def _shot(phone: Phone, name: str) -> None:
    phone.assert_fits()
    phone.shot(name)


def test_a_trainer_reviews_an_attempt_on_a_phone(browser: Browser, bot: RunningBot) -> None:
    folder = SCREENSHOTS / "trainer-review-queue"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    trainer = _phone(browser, bot, TRAINER, folder, "trainer-")
    learner = _phone(browser, bot, LEARNER, folder, "learner-")

    panel = trainer.send("/cohort new Sales A en", re.compile(r"start=join_"))
    text = panel.inner_text()
    code = re.search(r"start=join_([\w-]+)", text)[1]
    cohort = re.search(r"\(#(\d+)\)", text)[1]
    learner.send(f"/start join_{code}", "Welcome to Sales A")
    # One attempt and a pass mark it will not reach: the redo comes with an extra attempt.
    learner.mark_seen()
    trainer.send(f"/assign {cohort} {DRILL} +7 pass=100 attempts=1", "Assigned")
    learner.expect_reply(DRILL_TITLE)
    learner.tap(shown("en", "trainer.buttons.open_assignment"), DRILL_TITLE)
    learner.tap(f"▶️ {DRILL_TITLE}", re.compile("."))
    for line in PASSING_LINES[:-1]:
        learner.send(line, re.compile("."))
    learner.send(PASSING_LINES[-1], "/100")

    report = trainer.send("/report", "Report Sales A")
    expect(report).to_contain_text("Reviews: 1 waiting, 0 reviewed")
    expect(report).to_contain_text("Waiting for review: Lotte 1")
    report.get_by_text("Reviews:").scroll_into_view_if_needed()
    _shot(trainer, "cohort-report")

    trainer.tap("👤 Learners", "Learners of Sales A")
    trainer.tap("Lotte", re.compile(r"waiting for review"))
    _shot(trainer, "learner-results")
    view = trainer.tap(re.compile(r"^Attempt 1 · \d+$"), "Scores per part")
    view.get_by_text("Scores per part").scroll_into_view_if_needed()
    _shot(trainer, "attempt-view")

    queued = trainer.tap("📝 Review this attempt", "Review 1 of 1")
    expect(queued).to_contain_text("1. Lotte:")
    queued.get_by_text("Review 1 of 1").scroll_into_view_if_needed()
    _shot(trainer, "review-queue-attempt")
    trainer.page.get_by_role("button", name="✅ Reviewed · next").last.scroll_into_view_if_needed()
    _shot(trainer, "review-queue-buttons")

    trainer.tap("💬 On a turn", "Which turn of Lotte's call")
    _shot(trainer, "review-pick-turn")
    trainer.tap("2", "comment on turn 2")
    trainer.send("Good: you turned the price into the cost per pallet.", "Sent to Lotte")
    trainer.tap("🔁 Ask for a redo", "should do differently")
    trainer.send("Ask what they compare it with before you answer.", "Redo asked of Lotte")
    _shot(trainer, "review-comment-sent")

    told = learner.expect_reply("asks you to do the call")
    expect(told).to_contain_text("You got one extra attempt")
    _shot(learner, "comments-received")
    learner.tap("🔁 Do the call again", "Redo")
    _shot(learner, "redo-started")

    trainer.tap("✅ Reviewed · next", "Nothing waits for your review")
    after = trainer.send("/report", "Report Sales A")
    expect(after).to_contain_text("Reviews: 0 waiting, 1 reviewed")
    trainer.send("/trainer", "Trainer")
    expect(trainer.button("📝 Review queue (0)")).to_be_visible()
    _shot(trainer, "panel-queue-empty")
