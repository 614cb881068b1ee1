"""Whole conversations: a real python-telegram-bot Application polling the emulator."""

from __future__ import annotations

import hashlib
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes, MessageHandler, filters

from bot.emulator import Emulator, tiny_png

from .conftest import StartApp


async def test_echo_application_answers_the_user(emulator: Emulator, start_app: StartApp) -> None:
    seen: list[Update] = []

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append(update)
        await update.effective_message.reply_text(update.effective_message.text)

    app = await start_app(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    user = emulator.user(id=1001, first_name="Sanne", language_code="nl")

    sent = await user.send("Goedemorgen, ik bel over uw offerte")
    reply = await user.next_message(timeout=5)

    assert reply["text"] == sent["text"]
    assert reply["chat"]["id"] == user.chat_id
    assert reply["from"]["is_bot"] is True
    assert reply["message_id"] > sent["message_id"]
    received = seen[0].effective_message
    assert received.from_user.first_name == "Sanne"
    assert received.from_user.language_code == "nl"
    assert received.chat.id == user.id
    assert [m["message_id"] for m in emulator.messages(user.chat_id)] == [
        sent["message_id"], reply["message_id"]
    ]
    assert app.bot_data["errors"] == []


async def test_commands_arrive_with_a_bot_command_entity(
    emulator: Emulator, start_app: StartApp
) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        name = update.effective_user.first_name
        await update.effective_message.reply_text(f"Welcome {name}, args={context.args}")

    async def other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text("not a command")

    await start_app(CommandHandler("start", start), MessageHandler(filters.TEXT, other))
    user = emulator.user(id=1002, first_name="Piet")

    sent = await user.send("/start deal42")
    reply = await user.next_message()
    await user.send("start without slash")
    second = await user.next_message()

    assert sent["entities"][0] == {"type": "bot_command", "offset": 0, "length": len("/start")}
    assert "Piet" in reply["text"] and "deal42" in reply["text"]
    assert second["text"] == "not a command"


async def test_inline_button_round_trip(emulator: Emulator, start_app: StartApp) -> None:
    async def menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        keyboard = InlineKeyboardMarkup([
            [InlineKeyboardButton("Play a call", callback_data="menu:play")],
            [InlineKeyboardButton("Docs", url="https://example.org/help")],
        ])
        await update.effective_message.reply_text("Pick one", reply_markup=keyboard)

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        await query.answer(f"Got {query.data}")
        await query.edit_message_text(f"You chose <b>{query.data}</b>", parse_mode="HTML")

    app = await start_app(CommandHandler("menu", menu), CallbackQueryHandler(pressed))
    user = emulator.user(id=1003, first_name="Joost")

    await user.send("/menu")
    offer = await user.next_message()
    query = await user.press(offer, "menu:play")
    answer = await emulator.callback_answer(query["id"])
    edited = await user.next_edit()

    assert answer["text"] == "Got menu:play" and answer["show_alert"] is False
    assert edited["message_id"] == offer["message_id"]
    assert edited["text"] == "You chose menu:play"
    bold = edited["text"].index("menu:play")
    assert edited["entities"] == [{"type": "bold", "offset": bold, "length": len("menu:play")}]
    assert "edit_date" in edited
    assert "reply_markup" not in edited  # editing text without a keyboard removes it
    current = emulator.sent_messages(user.chat_id)[-1]
    assert current["text"] == edited["text"]
    assert app.bot_data["errors"] == []


async def test_buttons_can_be_pressed_by_label(emulator: Emulator, start_app: StartApp) -> None:
    async def menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="c:y")]])
        await update.effective_message.reply_text("Sure?", reply_markup=keyboard)

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer()
        await update.callback_query.edit_message_reply_markup(None)

    await start_app(CommandHandler("ask", menu), CallbackQueryHandler(pressed))
    user = emulator.user(id=1004, first_name="Ans")
    await user.send("/ask")
    question = await user.next_message()

    query = await user.press(question, "Yes")
    edited = await user.next_edit()

    assert query["data"] == "c:y"
    assert query["message"]["message_id"] == question["message_id"]
    assert "reply_markup" not in edited and edited["text"] == question["text"]


async def test_edited_user_message_reaches_the_bot(
    emulator: Emulator, start_app: StartApp
) -> None:
    async def on_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.edited_message.reply_text(f"edited to {update.edited_message.text}")

    await start_app(MessageHandler(filters.UpdateType.EDITED_MESSAGE, on_edit))
    user = emulator.user(id=1005, first_name="Kees")
    original = await user.send("prijs is 100")

    await user.edit(original, "prijs is 120")
    reply = await user.next_message()

    assert reply["text"] == "edited to prijs is 120"
    assert emulator.messages(user.chat_id)[0]["text"] == "prijs is 120"


async def test_bot_downloads_a_document_the_user_uploaded(
    emulator: Emulator, start_app: StartApp
) -> None:
    async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        document = update.effective_message.document
        telegram_file = await document.get_file()
        data = await telegram_file.download_as_bytearray()
        digest = hashlib.sha256(data).hexdigest()
        await update.effective_message.reply_text(f"{document.file_name} {len(data)} {digest}")

    app = await start_app(MessageHandler(filters.Document.ALL, on_document))
    user = emulator.user(id=1006, first_name="Eva")
    content = b"name: cold call\nbuyer:\n  mood: sceptical\n" * 50

    sent = await user.send_document(content, "scenario.yaml", caption="my scenario")
    reply = await user.next_message()

    assert sent["document"]["file_name"] == "scenario.yaml"
    assert sent["document"]["file_size"] == len(content)
    assert reply["text"] == f"scenario.yaml {len(content)} {hashlib.sha256(content).hexdigest()}"
    assert app.bot_data["errors"] == []


async def test_stickers_photos_and_voice_reach_the_bot(
    emulator: Emulator, start_app: StartApp
) -> None:
    kinds: list[str] = []

    async def on_media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        kind = "sticker" if message.sticker else "photo" if message.photo else "voice"
        kinds.append(kind)
        await message.reply_text(kind)

    await start_app(
        MessageHandler(filters.Sticker.ALL | filters.PHOTO | filters.VOICE, on_media)
    )
    user = emulator.user(id=1007, first_name="Wim")

    await user.send_sticker("🔥")
    await user.next_message()
    await user.send_photo(tiny_png(4, 3), caption="whiteboard")
    await user.next_message()
    await user.send_voice(duration=3)
    await user.next_message()

    assert kinds == ["sticker", "photo", "voice"]
    photo = emulator.messages(user.chat_id)[2]["photo"][0]
    assert (photo["width"], photo["height"]) == (4, 3)


async def test_reply_keyboards_follow_telegram_rules(
    emulator: Emulator, start_app: StartApp
) -> None:
    async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        markup = ReplyKeyboardMarkup([["Yes", "No"]], one_time_keyboard=True)
        await update.effective_message.reply_text("Interested?", reply_markup=markup)

    async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text("Noted", reply_markup=ReplyKeyboardRemove())

    await start_app(CommandHandler("ask", ask), MessageHandler(filters.TEXT, answer))
    user = emulator.user(id=1008, first_name="Lot")
    chat = emulator.state.chat(user.chat_id)
    assert chat is not None

    await user.send("/ask")
    question = await user.next_message()
    keyboard: dict[str, Any] | None = chat.reply_keyboard
    await user.send("Yes")
    await user.next_message()

    assert "reply_markup" not in question  # Message objects only carry inline keyboards
    assert keyboard is not None
    assert [b["text"] for b in keyboard["keyboard"][0]] == ["Yes", "No"]
    assert chat.reply_keyboard is None
