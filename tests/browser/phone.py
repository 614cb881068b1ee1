"""A learner's phone: the chat page in Chromium at 390×844, driven as a thumb would.

Every wait is on something the learner would see (a bubble with a text, an image that has
loaded); nothing sleeps. Each step can leave a screenshot for a human to look at.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from bot.i18n import t

REPLY_TIMEOUT_MS = 20_000
_TAG = re.compile(r"<[^>]+>")
_PLACEHOLDER = re.compile(r"\\\{[a-z_]+\\\}")


def shown(lang: str, key: str, **values: object) -> str:
    """The first line of an i18n text as the page shows it (tags gone, entities decoded)."""
    text = html.unescape(_TAG.sub("", t(lang, key, **values)))
    return next(line.strip() for line in text.splitlines() if line.strip())


def pattern(lang: str, key: str) -> re.Pattern[str]:
    """The first line of an i18n text with every ``{placeholder}`` matching anything."""
    first = next(line for line in t(lang, key).splitlines() if line.strip())
    escaped = re.escape(html.unescape(_TAG.sub("", first)).strip())
    return re.compile(_PLACEHOLDER.sub(".+?", escaped))


class Phone:
    def __init__(self, page: Page, screenshots: Path, lang: str, user_id: int,
                 prefix: str = "") -> None:
        self.page = page
        self.lang = lang
        self.user_id = user_id
        self.screenshots = screenshots
        self.prefix = prefix
        self.step = 0

    # -- looking ------------------------------------------------------------------------

    def shot(self, name: str) -> None:
        self.step += 1
        self.page.screenshot(path=self.screenshots / f"{self.prefix}{self.step:02d}-{name}.png")

    @property
    def bot_rows(self) -> Locator:
        return self.page.locator("#log .row.in")

    def newest(self) -> Locator:
        return self.bot_rows.last

    def fresh(self, text: str | re.Pattern[str]) -> Locator:
        """Bot messages with ``text`` that appeared (or changed) since the last action."""
        return self.page.locator("#log .row.in:not([data-seen])").filter(has_text=text)

    def expect_reply(self, text: str | re.Pattern[str]) -> Locator:
        """Waits for a new bot message with ``text``; it must be in view, as a chat app
        scrolls to what just arrived."""
        reply = self.fresh(text).last
        expect(reply).to_be_visible(timeout=REPLY_TIMEOUT_MS)
        expect(reply).to_be_in_viewport()
        return reply

    def bot_texts(self) -> list[str]:
        return self.bot_rows.all_inner_texts()

    def assert_fits(self) -> None:
        """Nothing sticks out sideways: no horizontal scrolling on a phone."""
        overflow = self.page.evaluate("""() => {
            const width = document.documentElement.clientWidth;
            const out = [];
            if (document.documentElement.scrollWidth > width) out.push("page scrolls sideways");
            const log = document.getElementById("log");
            if (log.scrollWidth > log.clientWidth) out.push("chat scrolls sideways");
            for (const node of document.querySelectorAll(
                    "#log .bubble, #log .kb-row > *, #log img")) {
                const box = node.getBoundingClientRect();
                if (box.left < -0.5 || box.right > width + 0.5) {
                    out.push(node.className + " " + Math.round(box.left) + ".."
                             + Math.round(box.right) + ": " + node.textContent.slice(0, 40));
                }
            }
            return out;
        }""")
        assert overflow == [], overflow

    # -- acting -------------------------------------------------------------------------

    def mark_seen(self) -> None:
        """From now on only messages that arrive (or change) count as a reply."""
        self.page.evaluate(
            "document.querySelectorAll('#log .row').forEach(r => r.dataset.seen = '1')")

    def send(self, text: str, reply: str | re.Pattern[str]) -> Locator:
        """Types ``text``, sends it with Enter, and waits for the bot's ``reply``."""
        self.mark_seen()
        box = self.page.locator("#input")
        box.fill(text)
        box.press("Enter")
        expect(box).to_have_value("")
        return self.expect_reply(reply)

    def tap(self, label: str | re.Pattern[str], reply: str | re.Pattern[str]) -> Locator:
        """Taps the newest button called ``label`` and waits for the bot's ``reply``."""
        self.mark_seen()
        self.button(label).tap()
        return self.expect_reply(reply)

    def button(self, label: str | re.Pattern[str]) -> Locator:
        exact = isinstance(label, str)
        return self.page.get_by_role("button", name=label, exact=exact).last

    def wait_for_image(self) -> Locator:
        """The newest image in the chat, once the browser has decoded it."""
        image = self.page.locator("#log img.photo").last
        expect(image).to_be_visible(timeout=REPLY_TIMEOUT_MS)
        self.page.wait_for_function("image => image.complete && image.naturalWidth > 0",
                                    arg=image.element_handle(), timeout=REPLY_TIMEOUT_MS)
        return image
