"""getUpdates semantics: long polling, offsets, allowed_updates, conflicts, webhooks."""

from __future__ import annotations

import asyncio
import time

import pytest
from telegram import Bot
from telegram.error import Conflict

from bot.emulator import Emulator


async def test_long_poll_returns_as_soon_as_a_message_arrives(
    emulator: Emulator, bot: Bot
) -> None:
    user = emulator.user(id=3001, first_name="Mila")
    poll = asyncio.create_task(bot.get_updates(timeout=60))
    await emulator.wait_until(lambda: emulator.state.updates.polls_waiting)
    assert not poll.done()  # nothing to deliver yet: the request waits

    sent = await user.send("hoi")
    updates = await asyncio.wait_for(poll, timeout=5)  # long before the poll's 60 s

    assert [u.message.message_id for u in updates] == [sent["message_id"]]


async def test_empty_long_poll_waits_for_its_timeout(emulator: Emulator, bot: Bot) -> None:
    started = time.monotonic()
    updates = await bot.get_updates(timeout=1)

    assert updates == ()
    assert time.monotonic() - started >= 0.9


async def test_offset_confirms_and_limit_caps(emulator: Emulator, bot: Bot) -> None:
    user = emulator.user(id=3002, first_name="Bas")
    for text in ("one", "two", "three"):
        await user.send(text)

    first_two = await bot.get_updates(limit=2, timeout=0)
    again = await bot.get_updates(timeout=0)  # nothing confirmed yet
    rest = await bot.get_updates(offset=first_two[-1].update_id + 1, timeout=0)
    after_all = await bot.get_updates(offset=rest[-1].update_id + 1, timeout=0)

    assert [u.message.text for u in first_two] == ["one", "two"]
    assert [u.message.text for u in again] == ["one", "two", "three"]
    assert [u.message.text for u in rest] == ["three"]
    assert after_all == ()
    ids = [u.update_id for u in again]
    assert ids == sorted(ids) and len(set(ids)) == 3


async def test_negative_offset_keeps_only_the_newest(emulator: Emulator, bot: Bot) -> None:
    user = emulator.user(id=3003, first_name="Fee")
    for text in ("a", "b", "c"):
        await user.send(text)

    newest = await bot.get_updates(offset=-1, timeout=0)
    remaining = await bot.get_updates(timeout=0)

    assert [u.message.text for u in newest] == ["c"]
    assert [u.message.text for u in remaining] == ["c"]


async def test_allowed_updates_filters_later_updates(emulator: Emulator, bot: Bot) -> None:
    user = emulator.user(id=3004, first_name="Rik")
    await bot.get_updates(timeout=0, allowed_updates=["callback_query"])

    await user.send("ignored")
    filtered = await bot.get_updates(timeout=0)
    await bot.get_updates(timeout=0, allowed_updates=[])  # back to the default set
    await user.send("delivered")
    delivered = await bot.get_updates(timeout=0)

    assert filtered == ()
    assert [u.message.text for u in delivered] == ["delivered"]


async def test_second_bot_instance_terminates_the_first_poll(
    emulator: Emulator, bot: Bot
) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await emulator.wait_until(lambda: emulator.state.updates.polls_waiting)
    async with Bot(bot.token, base_url=emulator.base_url) as second_instance:
        second = await second_instance.get_updates(timeout=0)

    with pytest.raises(Conflict, match="terminated by other getUpdates"):
        await asyncio.wait_for(first, timeout=3)
    assert second == ()


async def test_webhook_blocks_polling_until_deleted(emulator: Emulator, bot: Bot) -> None:
    user = emulator.user(id=3005, first_name="Ida")
    await user.send("pending")

    assert await bot.set_webhook("https://example.org/hook")
    info = await bot.get_webhook_info()
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates(timeout=0)
    assert await bot.delete_webhook(drop_pending_updates=True)
    after = await bot.get_updates(timeout=0)

    assert info.url == "https://example.org/hook"
    assert info.pending_update_count == 1
    assert after == ()


async def test_pending_updates_are_bounded() -> None:
    async with Emulator(max_pending_updates=5, max_messages_per_chat=3) as emu:
        user = emu.user(id=3006, first_name="Max")
        for index in range(12):
            await user.send(f"m{index}")

        pending = emu.state.updates.pending_count
        kept = [m["text"] for m in emu.messages(user.chat_id)]

    assert pending == 5
    assert kept == ["m9", "m10", "m11"]


async def test_get_me_describes_a_bot_from_the_token(emulator: Emulator, bot: Bot) -> None:
    me = await bot.get_me()

    assert me.is_bot is True
    assert me.id == int(bot.token.split(":")[0])
    assert me.username == emulator.state.bot_username
    assert me.can_join_groups is True
    assert bot.token in emulator.state.tokens
