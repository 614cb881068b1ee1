"""Failures the bot must handle: injected faults, blocked users, and Telegram's validation."""

from __future__ import annotations

import datetime as dtm

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot.emulator import Emulator, tiny_png

# python-telegram-bot itself warns while constructing RetryAfter (int vs timedelta period).
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def seconds(value: int | dtm.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


async def started_user(emulator: Emulator, user_id: int = 2001) -> int:
    """A user who has written to the bot, so the bot may write back."""
    user = emulator.user(id=user_id, first_name="Test")
    await user.send("/start")
    return user.chat_id


async def test_flood_limit_surfaces_as_retry_after(emulator: Emulator, bot: Bot) -> None:
    chat_id = await started_user(emulator)
    emulator.fail_next("sendMessage", error=429, retry_after=3, chat_id=chat_id)

    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(chat_id, "first try")
    retried = await bot.send_message(chat_id, "second try")

    assert seconds(caught.value.retry_after) == 3
    assert retried.text == "second try"
    assert [m["text"] for m in emulator.sent_messages(chat_id)] == ["second try"]


async def test_faults_for_one_chat_leave_other_chats_alone(emulator: Emulator, bot: Bot) -> None:
    target = await started_user(emulator, 2002)
    bystander = await started_user(emulator, 2003)
    emulator.fail_next("sendmessage", error=429, times=2, chat_id=target)

    await bot.send_message(bystander, "fine")
    for _ in range(2):
        with pytest.raises(RetryAfter):
            await bot.send_message(target, "limited")
    await bot.send_message(target, "fine again")

    assert len(emulator.sent_messages(bystander)) == 1
    assert [m["text"] for m in emulator.sent_messages(target)] == ["fine again"]


async def test_blocked_user_surfaces_as_forbidden(emulator: Emulator, bot: Bot) -> None:
    chat_id = await started_user(emulator)
    await bot.get_updates(timeout=0)  # the /start message
    emulator.block(chat_id)

    with pytest.raises(Forbidden, match="blocked"):
        await bot.send_message(chat_id, "are you there?")
    with pytest.raises(Forbidden):
        await bot.send_chat_action(chat_id, "typing")
    updates = await bot.get_updates(timeout=0)
    emulator.unblock(chat_id)
    delivered = await bot.send_message(chat_id, "welcome back")

    member_updates = [u.my_chat_member for u in updates if u.my_chat_member]
    assert member_updates and member_updates[-1].new_chat_member.status == "kicked"
    assert delivered.text == "welcome back"


async def test_injected_bad_request_and_forbidden(emulator: Emulator, bot: Bot) -> None:
    chat_id = await started_user(emulator)
    emulator.fail_next("sendMessage", error=400, description="Bad Request: chat is deactivated")
    emulator.fail_next("sendMessage", error=403)

    with pytest.raises(BadRequest, match=r"(?i)chat is deactivated"):
        await bot.send_message(chat_id, "one")
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(chat_id, "two")


async def test_server_errors_and_dropped_connections_are_network_errors(
    emulator: Emulator, bot: Bot
) -> None:
    chat_id = await started_user(emulator)
    emulator.fail_next("sendMessage", error=500)
    emulator.fail_next("*", error="disconnect", chat_id=chat_id)

    with pytest.raises(NetworkError):
        await bot.send_message(chat_id, "boom")
    with pytest.raises(NetworkError):
        await bot.send_message(chat_id, "dropped")
    survivor = await bot.send_message(chat_id, "after the storm")

    assert survivor.text == "after the storm"
    statuses = [call.status for call in emulator.calls("sendMessage")]
    assert statuses == [500, 0, 200]


async def test_too_long_messages_are_rejected_like_telegram(emulator: Emulator, bot: Bot) -> None:
    chat_id = await started_user(emulator)

    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(chat_id, "x" * 4097)
    at_limit = await bot.send_message(chat_id, "x" * 4096)
    # Tags and entities do not count; only the parsed text does.
    markup = await bot.send_message(chat_id, "<b>" + "&lt;" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(chat_id, "<i>" + "y" * 4097 + "</i>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_photo(chat_id, tiny_png(), caption="c" * 1025)

    assert len(at_limit.text) == 4096
    assert markup.text == "<" * 4096


async def test_empty_and_malformed_text_is_rejected(emulator: Emulator, bot: Bot) -> None:
    chat_id = await started_user(emulator)

    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(chat_id, "   \n ")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(chat_id, "<b></b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities: unsupported start tag"):
        await bot.send_message(chat_id, "Price <br> 100", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(chat_id, "<b>bold <i>mixed</b></i>", parse_mode="HTML")

    assert emulator.sent_messages(chat_id) == []


async def test_editing_without_changes_is_not_modified(emulator: Emulator, bot: Bot) -> None:
    chat_id = await started_user(emulator)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("a", callback_data="a")]])
    sent = await bot.send_message(chat_id, "same", reply_markup=keyboard)

    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("same", chat_id, sent.message_id, reply_markup=keyboard)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("other", chat_id, sent.message_id + 50)
    edited = await bot.edit_message_text("changed", chat_id, sent.message_id)

    assert edited.text == "changed" and edited.reply_markup is None


async def test_invalid_keyboards_and_targets_are_rejected(emulator: Emulator, bot: Bot) -> None:
    chat_id = await started_user(emulator)
    emulator.user(id=2999, first_name="Silent")  # known, but never wrote to the bot
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])

    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(chat_id, "menu", reply_markup=too_long)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(424242, "hello stranger")
    with pytest.raises(Forbidden, match="can't initiate conversation"):
        await bot.send_message(2999, "hello silent")
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(chat_id, "re", reply_to_message_id=999)


async def test_callback_queries_can_be_answered_once(emulator: Emulator, bot: Bot) -> None:
    chat_id = await started_user(emulator)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("go", callback_data="go")]])
    sent = await bot.send_message(chat_id, "menu", reply_markup=keyboard)
    query = await emulator.user(id=chat_id).press(sent.message_id, "go")

    assert await bot.answer_callback_query(query["id"], text="ok")
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query["id"])


async def test_unknown_methods_answer_404_not_found(http: aiohttp.ClientSession) -> None:
    async with http.post("/bot1:abc/sendTelepathy", json={"chat_id": 1}) as response:
        body = await response.json()

    assert response.status == 404
    assert body == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_faults_can_be_injected_over_http(
    emulator: Emulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    chat_id = await started_user(emulator)
    fault = {"method": "sendMessage", "error": 429, "retry_after": 7, "times": 1}
    async with http.post("/emulator/api/faults", json=fault) as response:
        assert response.status == 200
    async with http.get("/emulator/api/faults") as response:
        active = (await response.json())["result"]

    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(chat_id, "x")
    async with http.get("/emulator/api/faults") as response:
        remaining = (await response.json())["result"]

    assert len(active) == 1 and remaining == []
    assert seconds(caught.value.retry_after) == 7
