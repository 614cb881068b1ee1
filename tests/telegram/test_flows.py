"""A learner's conversations with the bot, end to end through the emulator."""

from __future__ import annotations

import json

from bot.storage import queries as q
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons, open_briefing, start_call, until_buttons


async def test_first_call_from_start_to_score_card(env: BotEnv) -> None:
    user = env.emulator.user(1001, "Sanne", language_code="en")
    await user.send("/start")
    welcome = await user.next_message()
    assert "Sanne" in welcome["text"] and "pick" in buttons(welcome)
    await user.press(welcome, "pick")
    kinds = await user.next_message()
    await user.press(kinds, "k:first_visit:0")
    picker = await user.next_message()
    assert any("Level" not in b and b == "s:first-visit-cleaning" for b in buttons(picker))
    await user.press(picker, "s:first-visit-cleaning")
    briefing = await user.next_message()
    assert "notary" in briefing["text"].lower()
    await user.press(briefing, "go:first-visit-cleaning")
    opening = await user.next_message()
    assert "/hint" in opening["text"] and "/stop" in opening["text"]
    await user.send("Good morning, I'm Tom from CleanCo. Could you tell me about yourself?")
    reply = await user.next_message()
    assert "turns left" in reply["text"]
    await user.send("/stop")
    messages = await until_buttons(user, "s:first-visit-cleaning")
    card = messages[-1]["text"]
    assert "/100" in card and "Visit report" in card and "Tips" in card
    assert "Tom from CleanCo" in card  # a tip quotes the learner's own words
    assert set(buttons(messages[-1])) >= {"s:first-visit-cleaning", "pick", "menu"}
    rows = await env.db.run(q.scored_sessions, 1001)
    assert len(rows) == 1 and rows[0].report["turns"][0]["learner"].startswith("Good morning")


async def test_dutch_learner_gets_dutch_texts_and_dutch_buyer(env: BotEnv) -> None:
    user = env.emulator.user(1002, "Daan", language_code="nl")
    opening = await start_call(user)
    assert "Het gesprek begint" in opening["text"]
    await user.send("Goedemorgen, ik ben Daan van Schoonmaak BV. Hoe gaat het met u?")
    reply = await user.next_message()
    assert "nog" in reply["text"] and "beurten" in reply["text"]


async def test_preparation_is_scored_part_by_part_then_the_call_starts(env: BotEnv) -> None:
    user = env.emulator.user(1003, "Sanne", language_code="en")
    briefing = await open_briefing(user, "first-visit-cleaning")
    await user.press(briefing, "prep:first-visit-cleaning")
    ask = await user.next_message()
    assert "1/3" in ask["text"] and set(buttons(ask)) == {"prep_next", "prep_skip"}
    await user.send("decision maker\ncurrent supplier\ncontract end date\nsquare metres")
    feedback = await user.next_message()
    assert "✓" in feedback["text"] and "Not yet covered" in feedback["text"]
    assert "2/3" in (await user.next_message())["text"]
    await user.press(ask, "prep_next")  # skip the external objective
    await user.next_message()  # its (empty) feedback
    assert "3/3" in (await user.next_message())["text"]
    await user.send("Who decides about cleaning?\nHow satisfied are you with your supplier?")
    done = await user.next_message()
    assert "%" in done["text"]
    opening = await user.next_message()
    assert "/hint" in opening["text"]
    await user.send("/stop")
    card = (await until_buttons(user, "pick"))[-1]["text"]
    assert "Preparation" in card


async def test_skipping_preparation_goes_straight_to_the_call(env: BotEnv) -> None:
    user = env.emulator.user(1004, "Sanne", language_code="en")
    briefing = await open_briefing(user, "first-visit-cleaning")
    await user.press(briefing, "prep:first-visit-cleaning")
    ask = await user.next_message()
    await user.press(ask, "prep_skip")
    assert "/hint" in (await user.next_message())["text"]


async def test_hint_gives_a_next_step_and_stop_without_call_is_explained(env: BotEnv) -> None:
    user = env.emulator.user(1005, "Sanne", language_code="en")
    await user.send("/hint")
    assert "not in a call" in (await user.next_message())["text"]
    await start_call(user)
    await user.send("/hint")
    hint = await user.next_message()
    assert "💡" in hint["text"] and "introduc" in hint["text"].lower()


async def test_two_quick_messages_are_answered_in_order(env: BotEnv) -> None:
    user = env.emulator.user(1006, "Sanne", language_code="en")
    await start_call(user)
    await user.send("Good morning, I'm Tom from CleanCo.")
    await user.send("Who is responsible for cleaning at your office?")
    await user.next_message()
    await user.next_message()
    row = await env.db.run(q.active_session, 1006)
    turns = await env.db.run(q.session_turns, row.id)
    assert [t.number for t in turns] == [1, 2]
    assert turns[0].learner.startswith("Good morning") and turns[1].learner.startswith("Who")
    assert row.state["turn"] == 2


async def test_deep_links_unknown_and_malformed_get_a_friendly_answer(env: BotEnv) -> None:
    user = env.emulator.user(1007, "Sanne", language_code="en")
    for payload in ("play_no-such-scenario", "weird$$payload", "join_abc"):
        await user.send(f"/start {payload}")
        reply = await user.next_message()
        assert "menu" in reply["text"].lower() or "pick one" in reply["text"].lower()
        assert buttons(reply)


async def test_mydata_sends_everything_as_json_and_deleteme_removes_it(env: BotEnv) -> None:
    user = env.emulator.user(1008, "Sanne", language_code="en")
    await start_call(user)
    await user.send("Good morning, I'm Tom from CleanCo.")
    await user.next_message()
    await user.send("/mydata")
    document = await user.next_message()
    data = json.loads(env.emulator.file_bytes(document["document"]["file_id"]))
    assert data["user"]["telegram_id"] == 1008
    assert data["sessions"][0]["turns"][0]["learner"] == "Good morning, I'm Tom from CleanCo."
    await user.send("/deleteme")
    confirm = await user.next_message()
    await user.press(confirm, "del:no")
    assert "Nothing was deleted" in (await user.next_message())["text"]
    assert await env.db.run(q.get_user, 1008) is not None
    await user.press(confirm, "del:yes")
    assert "deleted" in (await user.next_message())["text"]
    assert await env.db.run(q.export_user, 1008) is None


async def test_progress_shows_history_and_a_chart(env: BotEnv) -> None:
    user = env.emulator.user(1009, "Sanne", language_code="en")
    await user.send("/progress")
    assert "No finished calls yet" in (await user.next_message())["text"]
    await start_call(user)
    await user.send("Good morning, I'm Tom from CleanCo. Who cleans your offices now?")
    await user.next_message()
    await user.send("/stop")
    await until_buttons(user, "pick")
    await user.send("/progress")
    text = await user.next_message()
    assert "1 scored call ·" in text["text"]
    photo = await user.next_message(timeout=15)
    assert photo.get("photo")


async def test_settings_language_time_and_timezone(env: BotEnv) -> None:
    user = env.emulator.user(1010, "Sanne", language_code="en")
    await user.send("/settings")
    panel = await user.next_message()
    await user.press(panel, "set:lang:nl")
    dutch = await user.next_edit()
    assert "Instellingen" in dutch["text"]
    await user.press(dutch, "set:time")
    await user.next_edit()
    await user.send("25:99")
    assert "herken ik niet" in (await user.next_message())["text"]
    await user.send("8:30")
    dutch = await user.next_message()
    assert "08:30" in dutch["text"]
    await user.press(dutch, "set:tz")
    await user.next_edit()
    await user.send("new york")
    assert "America/New_York" in (await user.next_message())["text"]
    saved = await env.db.run(q.get_user, 1010)
    assert (saved.language, saved.practice_time, saved.timezone) == ("nl", "08:30",
                                                                     "America/New_York")
    assert saved.language_chosen and not saved.practice_paused


async def test_command_menus_are_set_in_both_languages(env: BotEnv) -> None:
    scope = {"type": "all_private_chats"}
    english = {c["command"]: c["description"] for c in env.emulator.commands(scope, "en")}
    dutch = {c["command"]: c["description"] for c in env.emulator.commands(scope, "nl")}
    assert {"start", "hint", "stop", "progress", "settings", "deleteme"} <= set(english)
    assert english.keys() == dutch.keys() and english["stop"] != dutch["stop"]


async def test_an_open_settings_question_survives_a_restart_and_a_command_closes_it(
        env: BotEnv) -> None:
    from tests.telegram.conftest import stop_app

    user = env.emulator.user(1011, "Sanne", language_code="en")
    await user.send("/settings")
    panel = await user.next_message()
    await user.press(panel, "set:time")
    await user.next_edit()
    await stop_app(env.app)
    await env.start()
    await user.send("7:45")
    panel = await user.next_message()
    assert "07:45" in panel["text"]
    await user.press(panel, "set:time")
    await user.next_edit()
    await user.send("/menu")  # walks away from the question
    await user.next_message()
    await user.send("8:00")
    assert "not in a call" in (await user.next_message())["text"]
