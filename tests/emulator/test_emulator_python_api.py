"""The Python API tests and the CLI use, and Bot API details not covered elsewhere."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest
from telegram import Bot, LinkPreviewOptions, ReplyParameters
from telegram.error import BadRequest

from bot.emulator import Emulator, UserActionError


async def test_users_cannot_do_impossible_things(emulator: Emulator, bot: Bot) -> None:
    user = emulator.user(id=5001, first_name="Bo")
    sent = await user.send("hi")

    with pytest.raises(UserActionError, match="button"):
        await user.press(sent, "nothing")
    with pytest.raises(UserActionError, match="empty"):
        await user.send("  ")
    user.block()
    with pytest.raises(UserActionError, match="blocked"):
        await user.send("let me in")
    user.unblock()
    assert (await user.send("back"))["text"] == "back"


async def test_next_message_times_out_and_cursors_are_per_user(
    emulator: Emulator, bot: Bot
) -> None:
    first = emulator.user(id=5002, first_name="Ab")
    second = emulator.user(id=5003, first_name="Cd")
    await first.send("hi")
    await second.send("hi")
    await bot.send_message(5002, "for first")
    await bot.send_message(5002, "again for first")

    with pytest.raises(TimeoutError):
        await second.next_message(timeout=0.2)
    first.skip_pending()
    await bot.send_message(5002, "fresh")

    assert (await first.next_message())["text"] == "fresh"
    assert emulator.user(id=5002) is first  # the same handle, with its cursor
    assert first.info["language_code"] == "en"


async def test_wait_for_call_and_call_log(emulator: Emulator, bot: Bot) -> None:
    await emulator.user(id=5004, first_name="Ed").send("hi")
    await bot.send_chat_action(5004, "upload_document")

    call = await emulator.wait_for_call("sendChatAction", timeout=1)

    assert call.ok and call.params["action"] == "upload_document"
    assert str(call.params["chat_id"]) == "5004"
    with pytest.raises(TimeoutError):
        await emulator.wait_for_call("sendChatAction", count=2, timeout=0.2)


async def test_idle_waits_for_confirmed_updates_and_finished_requests(
    emulator: Emulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    await emulator.wait_idle(timeout=1)  # nothing has happened yet
    await emulator.user(id=5008, first_name="Ida").send("hi")
    with pytest.raises(TimeoutError):  # the update waits for the bot
        await emulator.wait_idle(timeout=0.2)
    (update,) = await bot.get_updates(timeout=0)
    with pytest.raises(TimeoutError):  # fetched but not confirmed: the bot may not be done
        await emulator.wait_idle(timeout=0.2)
    await bot.get_updates(offset=update.update_id + 1, timeout=0)
    await emulator.wait_idle(timeout=1)

    release = asyncio.Event()

    async def slow_body():
        yield b'{"chat_id": 5008, '
        await release.wait()
        yield b'"text": "late"}'

    async def send_slowly() -> int:
        async with http.post("/bot1:abc/sendMessage", data=slow_body(),
                             headers={"Content-Type": "application/json"}) as response:
            return response.status

    request = asyncio.create_task(send_slowly())
    await emulator.wait_until(lambda: emulator.state.requests_in_flight)
    with pytest.raises(TimeoutError):  # a request is still being answered
        await emulator.wait_idle(timeout=0.2)
    release.set()
    await emulator.wait_idle(timeout=1)
    assert (await request) == 200 and emulator.sent_messages(5008)[-1]["text"] == "late"
    with pytest.raises(TimeoutError):  # the bot's own view counts too
        await emulator.wait_idle(busy=lambda: True, timeout=0.1)


async def test_reply_parameters_and_link_preview_options(emulator: Emulator, bot: Bot) -> None:
    question = await emulator.user(id=5005, first_name="Fien").send("Wat kost het?")

    reply = await bot.send_message(
        5005,
        "Zie https://example.org/prijzen",
        reply_parameters=ReplyParameters(question["message_id"]),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    lenient = await bot.send_message(
        5005, "ok", reply_parameters=ReplyParameters(999, allow_sending_without_reply=True)
    )

    assert reply.reply_to_message.message_id == question["message_id"]
    assert reply.reply_to_message.text == "Wat kost het?"
    assert reply.link_preview_options.is_disabled is True
    assert reply.entities[0].type == "url"
    assert lenient.reply_to_message is None


@pytest.mark.parametrize("encoding", ["json", "form", "query"])
async def test_every_request_encoding_is_understood(
    emulator: Emulator, http: aiohttp.ClientSession, encoding: str
) -> None:
    await emulator.user(id=5006, first_name="Gus").send("hi")
    params = {
        "chat_id": 5006,
        "text": "<b>hi</b>",
        "parse_mode": "HTML",
        "reply_markup": {"inline_keyboard": [[{"text": "a", "callback_data": "a"}]]},
    }
    as_strings = {
        key: value if isinstance(value, str) else json.dumps(value)
        for key, value in params.items()
    }
    url = "/bot1:abc/sendMessage"
    if encoding == "json":
        request = http.post(url, json=params)
    elif encoding == "form":
        request = http.post(url, data=as_strings)
    else:
        request = http.get(url, params=as_strings)
    async with request as response:
        body = await response.json()

    assert response.status == 200 and body["ok"] is True
    assert body["result"]["text"] == "hi"
    assert body["result"]["entities"] == [{"type": "bold", "offset": 0, "length": 2}]
    assert body["result"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "a"


async def test_files_over_twenty_megabytes_cannot_be_downloaded(
    emulator: Emulator, bot: Bot
) -> None:
    user = emulator.user(id=5007, first_name="Hans")
    big = await user.send_document(b"\0" * (20 * 1024 * 1024 + 1), "big.bin")
    small = await user.send_document(b"tiny", "small.txt")

    with pytest.raises(BadRequest, match=r"(?i)file is too big"):
        await bot.get_file(big["document"]["file_id"])
    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("made-up")
    telegram_file = await bot.get_file(small["document"]["file_id"])

    assert telegram_file.file_size == 4
    assert bytes(await telegram_file.download_as_bytearray()) == b"tiny"
