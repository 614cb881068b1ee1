"""The browser-facing side: the page, the control API, file URLs and settings."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    MenuButtonCommands,
)
from telegram import InlineKeyboardMarkup as Markup
from telegram.error import BadRequest, Forbidden

from bot.emulator import Emulator, tiny_png


async def api(
    http: aiohttp.ClientSession, method: str, path: str, expect: int = 200, **kwargs: Any
) -> Any:
    async with http.request(method, "/emulator/api" + path, **kwargs) as response:
        body = await response.json()
    assert response.status == expect, body
    return body["result"] if body["ok"] else body


async def test_page_is_self_contained_html(http: aiohttp.ClientSession) -> None:
    async with http.get("/") as response:
        page = await response.text()

    assert response.status == 200
    assert response.content_type == "text/html"
    assert "<script src" not in page and "<link" not in page  # no CDN, no build output
    assert "/emulator/api" in page


async def test_user_message_via_http_becomes_an_update(
    emulator: Emulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    user = {"first_name": "Noor", "language_code": "nl"}
    sent = await api(http, "POST", "/chats/4001/messages",
                     json={"text": "/start hello", "user": user})

    updates = await bot.get_updates(timeout=0)

    message = updates[-1].message
    assert message.message_id == sent["message_id"]
    assert message.from_user.first_name == "Noor"
    assert message.from_user.language_code == "nl"
    assert message.text == "/start hello"
    assert message.entities[0].type == "bot_command"


async def test_chat_view_long_poll_wakes_on_bot_message(
    emulator: Emulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    await api(http, "POST", "/chats/4002/messages", json={"text": "hi"})
    view = await api(http, "GET", "/chats/4002")

    async def wait_for_change() -> dict[str, Any]:
        return await api(http, "GET", f"/chats/4002?since={view['version']}&wait=10")

    poll = asyncio.create_task(wait_for_change())
    await emulator.wait_until(lambda: emulator.state.views_waiting)
    assert not poll.done()
    await bot.send_message(4002, "<b>Hello</b> &lt;i&gt; &amp; co", parse_mode="HTML")
    changed = await asyncio.wait_for(poll, timeout=5)  # long before the poll's 10 s
    await bot.send_message(4002, "<script>alert(1)</script>")  # no parse_mode: plain text
    plain = await api(http, "GET", "/chats/4002")

    assert changed["version"] > view["version"]
    latest = changed["messages"][-1]
    assert latest["from_bot"] is True
    assert latest["raw"]["text"] == "Hello <i> & co"
    assert latest["html"] == "<b>Hello</b> &lt;i&gt; &amp; co"
    assert plain["messages"][-1]["html"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert [m["from_bot"] for m in changed["messages"]] == [False, True]


async def test_chat_view_shows_actions_keyboards_and_answers(
    emulator: Emulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    await api(http, "POST", "/chats/4003/messages", json={"text": "hi"})
    await bot.send_chat_action(4003, "typing")
    typing = await api(http, "GET", "/chats/4003")
    keyboard = Markup([[InlineKeyboardButton("Start", callback_data="go")]])
    sent = await bot.send_message(4003, "Ready?", reply_markup=keyboard)
    after = await api(http, "GET", "/chats/4003")

    query = await api(http, "POST", "/chats/4003/callback",
                      json={"message_id": sent.message_id, "data": "go"})
    await bot.answer_callback_query(query["id"], text="Let's go", show_alert=True)
    answered = await api(http, "GET", "/chats/4003")

    assert typing["action"] == "typing" and typing["action_expires_in"] > 0
    assert after["action"] is None  # a message ends the chat action
    assert after["messages"][-1]["inline_keyboard"][0][0]["callback_data"] == "go"
    assert answered["callback_answers"][-1]["text"] == "Let's go"
    assert answered["callback_answers"][-1]["show_alert"] is True


async def test_bot_photos_and_documents_are_shown_and_downloadable(
    emulator: Emulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    await api(http, "POST", "/chats/4004/messages", json={"text": "report please"})
    image = tiny_png(6, 4)
    report = b"Score: 7/10\nGood discovery questions.\n"

    photo = await bot.send_photo(4004, image, caption="Your <i>chart</i>", parse_mode="HTML")
    document = await bot.send_document(4004, report, filename="report.txt")
    resent = await bot.send_photo(4004, photo.photo[-1].file_id)
    view = await api(http, "GET", "/chats/4004")
    photo_view, document_view = view["messages"][1], view["messages"][2]
    async with http.get(photo_view["photo"]["url"]) as response:
        image_back = await response.read()
    async with http.get(document_view["document"]["url"]) as response:
        report_back = await response.read()
        disposition = response.headers["Content-Disposition"]

    assert (photo.photo[-1].width, photo.photo[-1].height) == (6, 4)
    assert photo.caption == "Your chart" and photo_view["caption_html"] == "Your <i>chart</i>"
    assert document.document.file_name == "report.txt"
    assert document.document.file_size == len(report)
    assert resent.photo[-1].file_unique_id == photo.photo[-1].file_unique_id
    assert image_back == image and report_back == report
    assert "report.txt" in disposition
    assert emulator.file_bytes(document.document.file_id) == report


async def test_invalid_photo_is_rejected(emulator: Emulator, bot: Bot) -> None:
    await emulator.user(id=4005, first_name="Tim").send("hi")

    with pytest.raises(BadRequest, match=r"(?i)image_process_failed"):
        await bot.send_photo(4005, b"definitely not an image")
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_document(4005, "no-such-file-id")


async def test_uploaded_media_via_http_can_be_fetched_by_the_bot(
    emulator: Emulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    form = aiohttp.FormData()
    form.add_field("kind", "document")
    form.add_field("first_name", "Roos")
    form.add_field("file", b"a,b\n1,2\n", filename="deal.csv", content_type="text/csv")
    sent = await api(http, "POST", "/chats/4006/media", data=form)
    sticker = await api(http, "POST", "/chats/4006/media", json={"kind": "sticker", "emoji": "🎉"})

    updates = await bot.get_updates(timeout=0)
    document = updates[0].message.document
    downloaded = await (await bot.get_file(document.file_id)).download_as_bytearray()

    assert sent["document"]["mime_type"] == "text/csv"
    assert updates[0].message.from_user.first_name == "Roos"
    assert bytes(downloaded) == b"a,b\n1,2\n"
    assert updates[1].message.sticker.emoji == "🎉"
    assert sticker["sticker"]["emoji"] == "🎉"


async def test_user_edits_over_http_produce_edited_message(
    bot: Bot, http: aiohttp.ClientSession
) -> None:
    sent = await api(http, "POST", "/chats/4007/messages", json={"text": "budget 10k"})
    await api(http, "POST", f"/chats/4007/messages/{sent['message_id']}/edit",
              json={"text": "budget 12k"})

    updates = await bot.get_updates(timeout=0)

    assert updates[-1].edited_message.text == "budget 12k"
    assert updates[-1].edited_message.message_id == sent["message_id"]


async def test_control_api_reports_user_mistakes(http: aiohttp.ClientSession) -> None:
    missing = await api(http, "GET", "/chats/999999", expect=404)
    await api(http, "POST", "/chats/4008/messages", json={"text": "hi"})
    no_button = await api(http, "POST", "/chats/4008/callback",
                          json={"message_id": 1, "data": "nope"}, expect=400)
    empty = await api(http, "POST", "/chats/4008/messages", json={"text": " "}, expect=400)

    assert missing["ok"] is False
    assert "button" in no_button["description"]
    assert "empty" in empty["description"]


async def test_blocking_over_http(bot: Bot, http: aiohttp.ClientSession) -> None:
    await api(http, "POST", "/chats/4009/messages", json={"text": "hi"})
    await api(http, "POST", "/users/4009/block")
    blocked_view = await api(http, "GET", "/chats/4009")
    with pytest.raises(Forbidden):
        await bot.send_message(4009, "still there?")
    await api(http, "POST", "/users/4009/unblock")

    assert blocked_view["blocked"] is True
    assert (await bot.send_message(4009, "hello again")).text == "hello again"


async def test_commands_per_scope_and_language(
    emulator: Emulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    dutch = await emulator.user(id=4010, first_name="Daan", language_code="nl").send("hi")
    await emulator.user(id=4011, first_name="Dan", language_code="en").send("hi")
    await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")])
    await bot.set_my_commands([BotCommand("start", "Begin")], language_code="nl")
    await bot.set_my_commands(
        [BotCommand("admin", "Admin")], scope=BotCommandScopeChat(dutch["chat"]["id"])
    )

    default = await bot.get_my_commands()
    nl = await bot.get_my_commands(language_code="nl")
    dutch_view = await api(http, "GET", "/chats/4010")
    english_view = await api(http, "GET", "/chats/4011")
    await bot.delete_my_commands(scope=BotCommandScopeChat(4010))
    dutch_after = await api(http, "GET", "/chats/4010")

    assert [c.command for c in default] == ["start", "help"]
    assert [c.description for c in nl] == ["Begin"]
    assert [c["command"] for c in dutch_view["commands"]] == ["admin"]
    assert [c["command"] for c in english_view["commands"]] == ["start", "help"]
    assert [c["description"] for c in dutch_after["commands"]] == ["Begin"]
    assert emulator.commands(language_code="nl") == [{"command": "start", "description": "Begin"}]


async def test_get_chat_menu_button_and_bot_texts(emulator: Emulator, bot: Bot) -> None:
    await emulator.user(id=4012, first_name="Iris", username="iris_sells").send("hi")
    chat = await bot.get_chat(4012)
    assert await bot.set_chat_menu_button(4012, MenuButtonCommands())
    button = await bot.get_chat_menu_button(4012)
    assert await bot.set_my_description("Practice sales calls")

    assert chat.first_name == "Iris" and chat.username == "iris_sells"
    assert chat.type == "private"
    assert button.type == "commands"
    assert (await bot.get_my_description()).description == "Practice sales calls"


async def test_delete_message_removes_it_from_the_chat(
    emulator: Emulator, bot: Bot
) -> None:
    user = emulator.user(id=4013, first_name="Jan")
    await user.send("hi")
    sent = await bot.send_message(4013, "temporary")

    assert await bot.delete_message(4013, sent.message_id)
    deleted = await user.next_deletion()

    assert deleted["text"] == "temporary"
    assert emulator.sent_messages(4013) == []


async def test_reset_forgets_chats_but_keeps_update_ids_rising(
    emulator: Emulator, bot: Bot
) -> None:
    await emulator.user(id=4014, first_name="Kim").send("before")
    before = await bot.get_updates(timeout=0)
    emulator.reset()
    await emulator.user(id=4014, first_name="Kim").send("after")
    after = await bot.get_updates(offset=before[-1].update_id + 1, timeout=0)

    assert [u.message.text for u in after] == ["after"]
    assert after[0].update_id > before[-1].update_id


async def test_idle_waits_until_the_bot_has_fetched_confirmed_and_handled_the_update(
    emulator: Emulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    """The barrier a chat client waits on instead of a quiet while: not before the bot has
    the update, confirmed it and (its own view, ``bot_busy``) finished handling it."""
    assert await api(http, "GET", "/idle") is True  # nothing outstanding
    handled, asked = asyncio.Event(), asyncio.Event()

    def busy() -> bool:
        asked.set()  # asked only once the emulator's side is quiet
        return not handled.is_set()

    await api(http, "POST", "/chats/4010/messages", json={"text": "hi", "user": {}})
    idle = asyncio.create_task(api(http, "GET", "/idle"))
    updates = await bot.get_updates(timeout=0)
    emulator.state.bot_busy = busy  # a starting bot sets it late, while a client waits
    assert not asked.is_set()  # fetched, not yet confirmed: the bot is not even asked
    await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)  # confirmed
    await asyncio.wait_for(asked.wait(), 5)
    assert not idle.done()  # the bot said it is still handling the update
    handled.set()
    assert await idle is True
    emulator.state.bot_busy = lambda: True
    timed_out = await api(http, "GET", "/idle", expect=504, params={"timeout": 0.2})
    assert "still busy" in timed_out["description"]
