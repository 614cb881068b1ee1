"""The README's first command, as a newcomer runs it: one bot process in an empty folder
(no config file, no token), driven through the chat page's control API.

These tests exist because the emulator mode once started the bot without PTB's post_init:
every call turn then ended in an internal error, a call that ended by itself never showed
its score card, and the "/" command menu was missing, while every other test passed."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import aiohttp
import pytest

from tests.telegram.newcomer import (
    INTERNAL_ERRORS,
    SCORE,
    PageClient,
    RunningBot,
    button,
    start_bot,
)

CALL_EN = [
    "Good morning Mrs De Groot, my name is Daan Visser from SchoonWerk Nederland. "
    "Thanks for making time for me.",
    "Today I'd like us to get to know each other, hear how cleaning is organised now and "
    "what matters to you. Does that work for you?",
    "Could you tell me a bit about the office and your role?",
    "How is the cleaning organised at the moment?",
    "And how satisfied are you with that?",
    "What happens when it goes wrong while clients are in the building?",
    "How many square metres are we talking about, and how often is it cleaned?",
    "When does your current contract end?",
    "Roughly what do you pay per month now?",
    "Who else is involved in choosing a cleaning company?",
    "A fixed team after office hours with one contact person for both branches, would that "
    "fit what you are looking for?",
    "May I note the names and e-mail addresses of the partners?",
    "Shall we meet on Tuesday 14 January at 10 to go through a quotation, with one of the "
    "partners there too?",
    "Thank you for your time, see you on Tuesday!",
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    folder = tmp_path_factory.mktemp("newcomer")
    assert not any(folder.iterdir())
    running = start_bot(folder)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


def assert_no_errors(client: PageClient, bot: RunningBot) -> None:
    shown = [t for t in client.texts() if any(e in t.lower() for e in INTERNAL_ERRORS)]
    assert not shown, shown
    assert "Traceback" not in bot.log_text(), bot.log_text()


async def test_command_menu_is_set_in_both_languages(bot: RunningBot,
                                                     http: aiohttp.ClientSession) -> None:
    client = PageClient(http, bot, 7101, "Eva", "nl")
    await client.send("/start")
    calls = [c for c in await client.set_commands() if c["status"] == 200]
    menus = {c["params"].get("language_code", ""): json.loads(c["params"]["commands"])
             for c in calls}
    assert {"nl", "en"} <= menus.keys()
    for language in ("nl", "en"):
        names = {command["command"] for command in menus[language]}
        assert {"start", "hint", "stop", "progress", "settings"} <= names


async def test_a_call_that_ends_by_itself_shows_the_score_card(
        bot: RunningBot, http: aiohttp.ClientSession) -> None:
    client = PageClient(http, bot, 7102, "Daan", "en")
    await client.send("/start")
    briefing = await client.send("/start play_first-visit-cleaning")
    message, go = button(briefing, "go:")
    opening = await client.press(message, go)
    assert "Groot" in opening[-1]["raw"]["text"]
    unanswered = []
    for line in CALL_EN:
        before = len(client.messages)
        await client.send(line)
        if len(client.messages) == before:
            unanswered.append(line)
    assert not unanswered
    texts = client.texts()
    assert any(SCORE.search(t) for t in texts), "no score card without /stop"
    assert_no_errors(client, bot)


async def test_a_call_ended_with_stop_shows_the_score_card(
        bot: RunningBot, http: aiohttp.ClientSession) -> None:
    client = PageClient(http, bot, 7103, "Sanne", "nl")
    briefing = await client.send("/start play_first-visit-cleaning")
    message, go = button(briefing, "go:")
    await client.press(message, go)
    reply = await client.send("Goedemiddag, ik ben Sanne van SchoonWerk. Wie maakt hier nu "
                              "schoon, en hoe bevalt dat?")
    assert "Groot" in reply[-1]["raw"]["text"]
    card = await client.send("/stop")
    assert any(SCORE.search(m["raw"].get("text") or "") for m in card)
    assert_no_errors(client, bot)


async def test_a_drill_from_the_menu_ends_with_its_card(bot: RunningBot,
                                                        http: aiohttp.ClientSession) -> None:
    client = PageClient(http, bot, 7104, "Lisa", "en")
    menu = await client.send("/start")
    message, drills = button(menu, "k:drill")
    picker = await client.press(message, drills)
    message, first = button(picker, "s:drill-")
    briefing = await client.press(message, first)
    message, go = button(briefing, "go:")
    await client.press(message, go)
    for line in ("I hear you, that matters. What exactly makes it a problem for you?",
                 "What if we took that off your plate, would that help?",
                 "So does that answer your concern?"):
        if any(SCORE.search(t) for t in client.texts()):
            break
        await client.send(line)
    assert any(SCORE.search(t) for t in client.texts()), client.texts()[-3:]
    assert_no_errors(client, bot)


def test_stops_cleanly_and_keeps_the_data(bot: RunningBot) -> None:
    assert bot.stop() == 0
    log = bot.log_text()
    assert "Traceback" not in log and " ERROR " not in log, log
    assert (bot.log.parent / "salesbot.db").exists()
