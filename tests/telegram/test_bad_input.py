"""Whatever the learner sends, they get a clear answer and nothing is lost."""

from __future__ import annotations

from bot.storage import queries as q
from tests.telegram.conftest import BotEnv
from tests.telegram.helpers import buttons, eventually, open_briefing, start_call, until_buttons

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


async def test_sticker_photo_voice_and_file_get_a_friendly_answer_mid_call(env: BotEnv) -> None:
    user = env.emulator.user(2001, "Sanne", language_code="en")
    await start_call(user)
    await user.send_sticker("😀")
    assert "sticker" in (await user.next_message())["text"].lower()
    await user.send_photo(PNG)
    assert "photo" in (await user.next_message())["text"].lower()
    await user.send_voice(b"OggS", duration=3)
    assert "voice" in (await user.next_message())["text"].lower()
    await user.send_document(b"hello", "notes.txt")
    assert "files" in (await user.next_message())["text"].lower()
    await user.send("Good morning, I'm Tom from CleanCo.")
    reply = await user.next_message()
    assert "turns left" in reply["text"]  # the call went on where it was
    row = await env.db.run(q.active_session, 2001)
    assert row.state["turn"] == 1


async def test_an_edited_message_is_explained_and_changes_nothing(env: BotEnv) -> None:
    user = env.emulator.user(2002, "Sanne", language_code="en")
    await start_call(user)
    sent = await user.send("Good morning, I'm Tom from CleanCo.")
    await user.next_message()
    await user.edit(sent, "Something else entirely")
    assert "Edits" in (await user.next_message())["text"]
    row = await env.db.run(q.active_session, 2002)
    turns = await env.db.run(q.session_turns, row.id)
    assert [t.learner for t in turns] == ["Good morning, I'm Tom from CleanCo."]


async def test_a_4000_character_message_is_answered(env: BotEnv) -> None:
    from bot.engine.text import MAX_LEARNER_CHARS

    user = env.emulator.user(2003, "Sanne", language_code="en")
    await start_call(user)
    await user.send(("How many square metres do you clean every week? " * 90)[:4096])
    cut = await user.next_message()
    assert f"first {MAX_LEARNER_CHARS} characters" in cut["text"]
    assert "turns left" in (await user.next_message())["text"]
    row = await env.db.run(q.active_session, 2003)
    (turn,) = await env.db.run(q.session_turns, row.id)
    assert len(turn.learner) == MAX_LEARNER_CHARS


async def test_html_in_a_message_is_shown_not_interpreted(env: BotEnv) -> None:
    user = env.emulator.user(2004, "Sanne", language_code="en")
    await start_call(user)
    await user.send("<b>Hello</b> & welcome, I'm Tom <script>")
    reply = await user.next_message()
    assert "turns left" in reply["text"]
    await user.send("/stop")
    for _ in range(4):
        message = await user.next_message()
        if "pick" in buttons(message):
            break
    assert "<b>Hello</b> &" in message["text"]


async def test_unknown_command_and_old_buttons(env: BotEnv) -> None:
    user = env.emulator.user(2005, "Sanne", language_code="en")
    await user.send("/frobnicate now")
    reply = await user.next_message()
    assert "/frobnicate" in reply["text"] and buttons(reply)
    await user.send("/start")
    menu = await user.next_message()
    await user.press(menu, "pick")
    kinds = await user.next_message()
    # buttons from an older version of the bot, still on screen in the learner's chat
    stored = env.emulator.state.chat(2005).messages[kinds["message_id"]]
    stored["reply_markup"]["inline_keyboard"].append(
        [{"text": "old kind", "callback_data": "k:no_such_kind:0"},
         {"text": "old action", "callback_data": "obsolete:42"}])
    await user.press(kinds, "k:no_such_kind:0")
    assert "k:first_visit:0" in buttons(await user.next_message())
    await user.press(kinds, "obsolete:42")
    assert "older message" in (await user.next_message())["text"]


async def test_text_outside_a_call_points_to_the_menu(env: BotEnv) -> None:
    user = env.emulator.user(2006, "Sanne", language_code="en")
    await user.send("hello?")
    reply = await user.next_message()
    assert "not in a call" in reply["text"] and "pick" in buttons(reply)


async def test_a_greeting_typed_under_a_briefing_points_to_that_scenarios_start(
        env: BotEnv) -> None:
    """A student reads the briefing and types "hallo" instead of tapping Start: she is
    told the call has not started and gets that scenario's Start button, not the menu."""
    user = env.emulator.user(2016, "Sanne", language_code="nl")
    await open_briefing(user, "first-visit-cleaning")
    await user.send("goedemorgen mevrouw de groot")
    reply = await user.next_message()
    assert "nog niet begonnen" in reply["text"] and "Eerste bezoek" in reply["text"]
    assert "go:first-visit-cleaning" in buttons(reply)
    await user.press(reply, "go:first-visit-cleaning")
    assert "Marieke" in (await user.next_message())["text"]  # the call starts from there
    await user.send("/stop")
    await until_buttons(user, "s:first-visit-cleaning")  # the card, with "again"
    await user.send("nog een vraag")  # after the call: the menu again, nothing pending
    after = await user.next_message()
    assert "niet in een gesprek" in after["text"]
    assert "go:first-visit-cleaning" not in buttons(after)


async def test_a_learner_who_blocked_the_bot_is_marked_and_unmarked_on_return(
        env: BotEnv) -> None:
    user = env.emulator.user(2007, "Sanne", language_code="en")
    await start_call(user)
    # the learner blocks the bot right after sending: the answer is refused with 403
    env.emulator.fail_next("sendMessage", 403, chat_id=2007)
    await user.send("Good morning, I'm Tom from CleanCo.")
    assert await eventually(lambda: _blocked(env, 2007))
    row = await env.db.run(q.active_session, 2007)
    assert row.state["turn"] == 1  # the turn itself is kept
    # they come back later, when the bot's cached profile has expired
    for data in env.app.user_data.values():
        data["touched"] = -1e9
    await user.send("Who cleans your office now?")
    assert "turns left" in (await user.next_message())["text"]
    assert not await _blocked(env, 2007)


async def _blocked(env: BotEnv, user_id: int) -> bool:
    return (await env.db.run(q.get_user, user_id)).blocked


async def test_a_locked_database_gets_a_clear_message_and_the_call_goes_on(
        env: BotEnv, monkeypatch) -> None:
    from bot import calls
    from bot.storage import DatabaseBusy

    user = env.emulator.user(2008, "Sanne", language_code="en")
    await start_call(user)
    real_call = env.db.call

    def locked_once(fn, *args, **kwargs):
        if fn is calls.play_turn:
            monkeypatch.setattr(env.db, "call", real_call)
            raise DatabaseBusy("the database stayed locked")
        return real_call(fn, *args, **kwargs)

    monkeypatch.setattr(env.db, "call", locked_once)
    await user.send("Good morning, I'm Tom from CleanCo.")
    assert "send it again" in (await user.next_message())["text"]
    await user.send("Good morning, I'm Tom from CleanCo.")
    assert "turns left" in (await user.next_message())["text"]
    row = await env.db.run(q.active_session, 2008)
    assert row.state["turn"] == 1


async def test_a_slow_answer_shows_typing_and_a_quick_one_needs_none(
        env: BotEnv, monkeypatch) -> None:
    import time

    from bot import calls
    from bot.telegram import typing

    user = env.emulator.user(2009, "Sanne", language_code="en")
    await start_call(user)
    await user.send("Good morning, I'm Tom from CleanCo.")
    await user.next_message()
    assert env.emulator.calls("sendChatAction") == []  # answered before a client could draw it
    real_call = env.db.call

    def slow(fn, *args, **kwargs):
        if fn is calls.play_turn:
            time.sleep(typing.DELAY + 0.4)
        return real_call(fn, *args, **kwargs)

    monkeypatch.setattr(env.db, "call", slow)
    await user.send("Who cleans your office now?")
    assert "turns left" in (await user.next_message())["text"]
    actions = env.emulator.calls("sendChatAction")
    assert len(actions) == 1 and actions[0].params["action"] == "typing"
