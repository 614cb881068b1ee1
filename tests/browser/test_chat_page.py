"""The chat page itself, on a phone: it follows new messages (or says there are new ones
when the reader scrolled up), links in bot messages work, and long messages and images fit.

The messages under test are sent through the emulator's Bot API, exactly as the bot sends
its own, so each test controls what arrives and when; links to the bot then go through the
real bot process.
"""

from __future__ import annotations

import io
import re

import httpx
import pytest
from PIL import Image
from playwright.sync_api import Route, expect

from bot.runner import EMULATOR_TOKEN
from tests.browser.phone import Phone, pattern
from tests.telegram.newcomer import RunningBot


class BotSide:
    """The bot's end of the chat, through the Bot API the bot itself uses."""

    def __init__(self, bot: RunningBot, chat_id: int) -> None:
        self.url = f"{bot.page_url.rstrip('/')}/bot{EMULATOR_TOKEN}"
        self.chat_id = chat_id

    def _call(self, method: str, **kwargs: object) -> dict:
        response = httpx.post(f"{self.url}/{method}", timeout=10, **kwargs)
        body = response.json()
        assert body["ok"], body
        return body["result"]

    def username(self) -> str:
        return self._call("getMe")["username"]

    def say(self, text: str, **fields: object) -> dict:
        return self._call("sendMessage", json={"chat_id": self.chat_id, "text": text, **fields})

    def photo(self, width: int, height: int, caption: str = "") -> dict:
        image = Image.new("RGB", (width, height), (58, 123, 213))
        data = io.BytesIO()
        image.save(data, "PNG")
        return self._call("sendPhoto", data={"chat_id": str(self.chat_id), "caption": caption},
                          files={"photo": ("chart.png", data.getvalue(), "image/png")})


@pytest.fixture
def bot_side(bot: RunningBot, phone: Phone) -> BotSide:
    """The phone's chat, started as a learner starts it (a bot cannot write first)."""
    phone.send("/start", pattern("en", "tg.start.welcome"))
    return BotSide(bot, phone.user_id)


def _fill_the_screen(phone: Phone, bot_side: BotSide, count: int = 12) -> None:
    for n in range(1, count + 1):
        bot_side.say(f"Message {n}: a few lines of text so that the chat needs scrolling "
                     "on a phone, as a score card or a briefing does.")
    expect(phone.bot_rows.filter(has_text=f"Message {count}:")).to_be_in_viewport()


def test_a_new_message_scrolls_into_view(phone: Phone, bot_side: BotSide) -> None:
    _fill_the_screen(phone, bot_side)
    bot_side.photo(900, 700, caption="A chart arrives last")
    image = phone.wait_for_image()
    # The whole image and its caption are in view once it has loaded: the page follows the
    # bottom while the image grows, as a chat app does.
    expect(image).to_be_in_viewport(ratio=1)
    expect(phone.newest().get_by_text("A chart arrives last")).to_be_in_viewport(ratio=1)
    expect(phone.page.locator("#jump")).to_be_hidden()
    phone.shot("followed-to-the-image")


def test_scrolled_up_the_reader_keeps_their_place_and_sees_a_badge(
        phone: Phone, bot_side: BotSide) -> None:
    _fill_the_screen(phone, bot_side)
    log = phone.page.locator("#log")
    log.evaluate("log => { log.scrollTop = 0; }")
    first = phone.bot_rows.filter(has_text="Message 1:")
    expect(first).to_be_in_viewport()

    bot_side.say("Message 13: arrives while you are reading higher up.")
    badge = phone.page.locator("#jump")
    expect(badge).to_have_text("↓ 1 new message")
    bot_side.say("Message 14: and another one.")
    expect(badge).to_have_text("↓ 2 new messages")
    newest = phone.bot_rows.filter(has_text="Message 14:")
    expect(newest).not_to_be_in_viewport()
    expect(first).to_be_in_viewport()  # the page did not jump away from what they read
    phone.shot("badge")

    badge.tap()
    expect(newest).to_be_in_viewport()
    expect(badge).to_be_hidden()
    phone.shot("after-the-badge")

    # Sending a message always brings the reader down to it and to the answer.
    log.evaluate("log => { log.scrollTop = 0; }")
    phone.send("/help", pattern("en", "tg.help"))
    expect(badge).to_be_hidden()


def test_links_in_bot_messages_can_be_tapped(phone: Phone, bot_side: BotSide) -> None:
    context = phone.page.context
    opened: list[str] = []

    def outside(route: Route) -> None:  # no internet in tests: answer for the outside world
        opened.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>outside</p>")

    context.route(re.compile(r"^https://(t\.me|example\.org)/"), outside)
    bot = bot_side.username()
    join = f"https://t.me/{bot}?start=join_0123456789abcdef"
    bot_side.say(f'Join Sales A 2025: {join}\nQuestions? Ask <a href="https://t.me/BotFather">'
                 f'BotFather</a> or read <a href="https://example.org/guide">the guide</a>.',
                 parse_mode="HTML",
                 reply_markup={"inline_keyboard": [[{
                     "text": "Play the first visit",
                     "url": f"https://t.me/{bot}?start=play_first-visit-cleaning"}]]})
    message = phone.newest()
    join_link = message.get_by_role("link", name=join)
    expect(join_link).to_have_attribute("href", join)
    expect(message.get_by_role("link", name="BotFather")).to_have_attribute(
        "href", "https://t.me/BotFather")
    phone.shot("links")

    # A text link and a t.me link to someone else open in a new tab.
    for name, url in (("the guide", "https://example.org/guide"),
                      ("BotFather", "https://t.me/BotFather")):
        with context.expect_page() as tab:
            message.get_by_role("link", name=name).tap()
        expect(tab.value).to_have_url(url)
        tab.value.close()
    assert opened == ["https://example.org/guide", "https://t.me/BotFather"]

    # A join link to this bot does what Telegram does: "/start join_<code>" to the bot,
    # which answers (here: the code is unknown).
    phone.mark_seen()
    join_link.tap()
    expect(phone.page.locator("#log .row.out").last).to_have_text(
        re.compile(r"^/start join_0123456789abcdef"))
    phone.expect_reply(pattern("en", "trainer.join.unknown"))
    phone.shot("join-link-tapped")

    # So does a play link on a URL button: the scenario's briefing opens.
    phone.mark_seen()
    phone.page.get_by_role("link", name=re.compile("Play the first visit")).tap()
    phone.expect_reply(re.compile("cleaning for a notary office", re.IGNORECASE))
    assert len(opened) == 2, "links to the bot itself must not leave the chat"
    phone.shot("play-link-tapped")


def test_long_messages_and_images_fit_a_phone(phone: Phone, bot_side: BotSide) -> None:
    long_word = "Verantwoordelijkheidsverdeling" * 8
    long_url = "https://example.org/" + "a-very-long-path/" * 12
    text = (f"{long_word}\n{long_url}\n" + "A long score card line, repeated. " * 100).strip()
    bot_side.say(text[:4000])
    bot_side.say("<pre>" + "| column " * 40 + "</pre>", parse_mode="HTML")
    bot_side.say("Pick one", reply_markup={"inline_keyboard": [
        [{"text": "Drill – objection: I have to discuss it with others · L1 · 2 min",
          "callback_data": "x"}],
        [{"text": "A", "callback_data": "a"}, {"text": "Another rather long label",
                                               "callback_data": "b"}]]})
    bot_side.photo(2400, 400, caption="wide")
    phone.wait_for_image()
    bot_side.photo(400, 2400, caption="tall")
    tall = phone.wait_for_image()
    phone.assert_fits()
    box = tall.bounding_box()
    assert box is not None and box["height"] <= 400, "a tall image is kept to a phone's height"
    assert abs(box["width"] - box["height"] / 6) < 2, "and keeps its proportions"
    phone.shot("tall-image")

    # Inline buttons stay one line high, cut with an ellipsis, as in the Telegram apps.
    heights = phone.page.locator("#log .kb-row > *").evaluate_all(
        "nodes => nodes.map(n => n.getBoundingClientRect().height)")
    assert max(heights) - min(heights) < 1, heights
    phone.bot_rows.filter(has_text=long_word[:30]).evaluate(
        "row => row.scrollIntoView({block: 'start'})")
    phone.shot("long-message")
