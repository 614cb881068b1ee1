"""The Bot API side: ``/bot<token>/<method>`` and ``/file/bot<token>/<file_path>``.

Each handler gets the decoded parameters and returns the ``result`` Telegram would return,
or raises ``ApiError`` with Telegram's own description. Faults injected by tests are applied
here, before the handler runs, exactly where the real network would fail.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.emulator.app_keys import STATE_KEY
from bot.emulator.errors import ApiError, bad_request, not_found
from bot.emulator.formatting import detect_entities, format_text
from bot.emulator.markup import parse_reply_markup
from bot.emulator.media import MAX_DOWNLOAD_BYTES, StoredFile, image_size
from bot.emulator.params import Params, Upload
from bot.emulator.state import DEFAULT_SCOPE, ApiCall, ChatState, EmulatorState

log = logging.getLogger(__name__)

CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})
SCOPE_TYPES = frozenset({
    "default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat",
    "chat_administrators", "chat_member",
})
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_FILE_TYPE_NAMES = {"photos": "Photo", "documents": "Document", "voice": "Voice",
                    "stickers": "Sticker"}
# Auto-detected entities are not added inside these, as on Telegram.
_VERBATIM = frozenset({"code", "pre", "text_link", "url", "bot_command"})


@dataclass
class Call:
    state: EmulatorState
    params: Params
    token: str


Handler = Callable[[Call], Awaitable[Any]]
METHODS: dict[str, Handler] = {}


def method(*names: str) -> Callable[[Handler], Handler]:
    """Register a handler under Telegram method names (matched case-insensitively)."""

    def register(handler: Handler) -> Handler:
        for name in names:
            METHODS[name.lower()] = handler
        return handler

    return register


# -- parameter helpers ----------------------------------------------------------------


def peek_chat_id(params: Params) -> int | None:
    """chat_id as an int if it is one; used to match faults without raising."""
    value = params.values.get("chat_id")
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def _chat_id(params: Params) -> int:
    value = params.values.get("chat_id")
    if value is None or value == "":
        raise bad_request("chat_id is empty")
    chat_id = peek_chat_id(params)
    if chat_id is None:  # @username addresses only work for public groups and channels
        raise bad_request("chat not found")
    return chat_id


def _message_id(params: Params) -> int:
    message_id = params.get_int("message_id")
    if message_id is None:
        raise bad_request("message identifier is not specified")
    return message_id


def _with_auto_entities(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged = list(entities)
    for found in detect_entities(text):
        start, end = found["offset"], found["offset"] + found["length"]
        if not any(
            e["type"] in _VERBATIM and e["offset"] < end and start < e["offset"] + e["length"]
            for e in merged
        ):
            merged.append(found)
    return sorted(merged, key=lambda e: (e["offset"], -e["length"]))


def _text_content(params: Params) -> dict[str, Any]:
    text, entities = format_text(
        params.get_str("text"), params.get_str("parse_mode"), params.get_json("entities")
    )
    content: dict[str, Any] = {"text": text}
    entities = _with_auto_entities(text, entities)
    if entities:
        content["entities"] = entities
    return content


def _caption_content(params: Params) -> dict[str, Any]:
    caption = params.get_str("caption")
    if not caption:
        return {}
    text, entities = format_text(
        caption, params.get_str("parse_mode"), params.get_json("caption_entities"), caption=True
    )
    if not text:
        return {}
    content: dict[str, Any] = {"caption": text}
    entities = _with_auto_entities(text, entities)
    if entities:
        content["caption_entities"] = entities
    return content


def _reply_markup(params: Params, *, inline_only: bool = False) -> dict[str, Any] | None:
    markup = parse_reply_markup(
        params.get_json("reply_markup", "can't parse reply keyboard markup JSON object")
    )
    if inline_only and markup is not None and "inline_keyboard" not in markup:
        raise bad_request("inline keyboard expected")
    return markup


def _reply_target(chat: ChatState, params: Params) -> dict[str, Any] | None:
    reply = params.get_json("reply_parameters", "can't parse reply parameters JSON object")
    if reply is None:
        message_id = params.get_int("reply_to_message_id")
        allow_missing = params.get_bool("allow_sending_without_reply")
    elif isinstance(reply, dict) and "message_id" in reply:
        try:
            message_id = int(reply["message_id"])
        except (TypeError, ValueError) as exc:
            raise bad_request("can't parse reply parameters JSON object") from exc
        allow_missing = bool(reply.get("allow_sending_without_reply"))
    else:
        raise bad_request("can't parse reply parameters JSON object")
    if message_id is None:
        return None
    target = chat.messages.get(message_id)
    if target is None and not allow_missing:
        raise bad_request("message to be replied not found")
    return target


def _link_preview(params: Params, content: dict[str, Any]) -> None:
    options = params.get_json("link_preview_options")
    if options is None and params.has("disable_web_page_preview"):
        options = {"is_disabled": params.get_bool("disable_web_page_preview")}
    if not isinstance(options, dict) or not options:
        return
    has_link = any(e["type"] in ("url", "text_link") for e in content.get("entities", []))
    if has_link:
        content["link_preview_options"] = options


def _input_file(call: Call, name: str, kind: str) -> StoredFile:
    """The file a send method refers to: a fresh upload, a known file_id or a URL."""
    value = call.params.get_file(name)
    files = call.state.files
    if value is None:
        raise bad_request(f"there is no {name} in the request")
    if isinstance(value, Upload):
        if not value.data:
            raise bad_request("file must be non-empty")
        if kind == "photos" and image_size(value.data) is None:
            raise bad_request("IMAGE_PROCESS_FAILED")
        return files.add(
            value.data, kind=kind, file_name=value.filename, mime_type=value.content_type
        )
    stored = files.get(value)
    if stored is not None:
        if stored.kind != kind:
            raise bad_request(
                f"can't use file of type {_FILE_TYPE_NAMES.get(stored.kind, stored.kind)} "
                f"as {_FILE_TYPE_NAMES.get(kind, kind)}"
            )
        return stored
    if value.lower().startswith(("http://", "https://")):
        return files.add_url(value, kind=kind)
    raise bad_request("wrong file identifier/HTTP URL specified")


def _message_to_edit(call: Call) -> tuple[ChatState, dict[str, Any]]:
    """The chat and the bot's own message that an edit method names."""
    if call.params.has("inline_message_id"):
        raise bad_request("inline messages are not supported by the emulator")
    chat = call.state.chat_for_bot(_chat_id(call.params))
    return chat, _own_message(chat, call.params, "message to edit not found")


def _own_message(chat: ChatState, params: Params, missing: str) -> dict[str, Any]:
    message = chat.messages.get(_message_id(params))
    if message is None:
        raise bad_request(missing)
    if not message["from"].get("is_bot"):
        raise bad_request("message can't be edited")
    return message


def _apply_edit(call: Call, chat: ChatState, message: dict[str, Any],
                changes: dict[str, Any]) -> dict[str, Any]:
    """Apply ``changes`` (None removes a field) or fail the way Telegram does if nothing
    would change."""
    if all(message.get(key) == (value or None) for key, value in changes.items()):
        raise bad_request(NOT_MODIFIED)
    for key, value in changes.items():
        if value:
            message[key] = value
        else:
            message.pop(key, None)
    return call.state.bot_edited(chat, message)


# -- getting updates and webhooks -----------------------------------------------------


@method("getMe")
async def get_me(call: Call) -> Any:
    return call.state.get_me(call.token)


@method("logOut", "close")
async def log_out(call: Call) -> Any:
    return True


@method("getUpdates")
async def get_updates(call: Call) -> Any:
    state, params = call.state, call.params
    if state.webhook["url"]:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    limit = params.get_int("limit") or 100
    allowed = params.get_json("allowed_updates")
    if allowed is not None and not isinstance(allowed, list):
        raise bad_request("can't parse allowed_updates JSON object")
    return await state.updates.get(
        params.get_int("offset"),
        min(max(limit, 1), 100),
        max(params.get_float("timeout") or 0.0, 0.0),
        allowed,
    )


@method("setWebhook")
async def set_webhook(call: Call) -> Any:
    params = call.params
    url = params.get_str("url") or ""
    if url:
        match = re.match(r"^https://[^/:]+(?::(\d+))?(/|$)", url)
        if not match:
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if match.group(1) and int(match.group(1)) not in (80, 88, 443, 8443):
            raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 "
                              "or 8443")
    if params.get_bool("drop_pending_updates"):
        call.state.updates.drop_pending()
    call.state.webhook = {
        "url": url,
        "max_connections": params.get_int("max_connections") or 40,
        "allowed_updates": params.get_json("allowed_updates"),
    }
    return True


@method("deleteWebhook")
async def delete_webhook(call: Call) -> Any:
    if call.params.get_bool("drop_pending_updates"):
        call.state.updates.drop_pending()
    call.state.webhook = {"url": ""}
    return True


@method("getWebhookInfo")
async def get_webhook_info(call: Call) -> Any:
    webhook = call.state.webhook
    info: dict[str, Any] = {
        "url": webhook["url"],
        "has_custom_certificate": False,
        "pending_update_count": call.state.updates.pending_count,
    }
    if webhook["url"]:
        info["max_connections"] = webhook.get("max_connections", 40)
        if webhook.get("allowed_updates"):
            info["allowed_updates"] = webhook["allowed_updates"]
    return info


# -- messages -------------------------------------------------------------------------


@method("sendMessage")
async def send_message(call: Call) -> Any:
    chat = call.state.chat_for_bot(_chat_id(call.params))
    content = _text_content(call.params)
    _link_preview(call.params, content)
    markup = _reply_markup(call.params)
    reply_to = _reply_target(chat, call.params)
    return call.state.add_bot_message(
        chat, call.token, content, reply_markup=markup, reply_to=reply_to
    )


@method("sendPhoto")
async def send_photo(call: Call) -> Any:
    chat = call.state.chat_for_bot(_chat_id(call.params))
    caption = _caption_content(call.params)
    markup = _reply_markup(call.params)
    reply_to = _reply_target(chat, call.params)
    stored = _input_file(call, "photo", "photos")
    return call.state.add_bot_message(
        chat, call.token, {"photo": [stored.photo_size()], **caption},
        reply_markup=markup, reply_to=reply_to,
    )


@method("sendDocument")
async def send_document(call: Call) -> Any:
    chat = call.state.chat_for_bot(_chat_id(call.params))
    caption = _caption_content(call.params)
    markup = _reply_markup(call.params)
    reply_to = _reply_target(chat, call.params)
    stored = _input_file(call, "document", "documents")
    return call.state.add_bot_message(
        chat, call.token, {"document": stored.document(), **caption},
        reply_markup=markup, reply_to=reply_to,
    )


@method("editMessageText")
async def edit_message_text(call: Call) -> Any:
    chat, message = _message_to_edit(call)
    if "text" not in message:
        raise bad_request("there is no text in the message to edit")
    content = _text_content(call.params)
    changes = {
        "text": content["text"],
        "entities": content.get("entities"),
        "reply_markup": _reply_markup(call.params, inline_only=True),
    }
    return _apply_edit(call, chat, message, changes)


@method("editMessageCaption")
async def edit_message_caption(call: Call) -> Any:
    chat, message = _message_to_edit(call)
    if "text" in message:
        raise bad_request("there is no caption in the message to edit")
    caption = _caption_content(call.params)
    changes = {
        "caption": caption.get("caption"),
        "caption_entities": caption.get("caption_entities"),
        "reply_markup": _reply_markup(call.params, inline_only=True),
    }
    return _apply_edit(call, chat, message, changes)


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(call: Call) -> Any:
    chat, message = _message_to_edit(call)
    changes = {"reply_markup": _reply_markup(call.params, inline_only=True)}
    return _apply_edit(call, chat, message, changes)


@method("deleteMessage")
async def delete_message(call: Call) -> Any:
    chat = call.state.chat_for_bot(_chat_id(call.params), check_blocked=False)
    call.state.delete_message(chat, _message_id(call.params))
    return True


@method("deleteMessages")
async def delete_messages(call: Call) -> Any:
    chat = call.state.chat_for_bot(_chat_id(call.params), check_blocked=False)
    ids = call.params.get_json("message_ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
        raise bad_request("message_ids must be a non-empty array of at most 100 ids")
    for message_id in ids:
        if int(message_id) in chat.messages:
            call.state.delete_message(chat, int(message_id))
    return True


@method("answerCallbackQuery")
async def answer_callback_query(call: Call) -> Any:
    params = call.params
    query_id = params.get_str("callback_query_id")
    if not query_id:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = params.get_str("text") or ""
    if len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    answer: dict[str, Any] = {"text": text, "show_alert": params.get_bool("show_alert")}
    if params.get_str("url"):
        answer["url"] = params.get_str("url")
    call.state.answer_callback(query_id, answer)
    return True


@method("sendChatAction")
async def send_chat_action(call: Call) -> Any:
    chat = call.state.chat_for_bot(_chat_id(call.params))
    action = call.params.get_str("action")
    if action not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    call.state.set_chat_action(chat, action)
    return True


# -- files ----------------------------------------------------------------------------


@method("getFile")
async def get_file(call: Call) -> Any:
    file_id = call.params.get_str("file_id") or ""
    stored = call.state.files.get(file_id)
    if stored is None:
        raise bad_request("invalid file_id")
    if stored.size > MAX_DOWNLOAD_BYTES:
        raise bad_request("file is too big")
    return stored.telegram_file()


# -- bot settings and chats -----------------------------------------------------------


def _scope(call: Call) -> dict[str, Any]:
    scope = call.params.get_json("scope", "can't parse BotCommandScope JSON object")
    if scope is None:
        return DEFAULT_SCOPE
    if not isinstance(scope, dict) or scope.get("type") not in SCOPE_TYPES:
        raise bad_request("can't parse BotCommandScope JSON object")
    if "chat_id" in scope:
        try:
            chat_id = int(scope["chat_id"])
        except (TypeError, ValueError) as exc:
            raise bad_request("chat not found") from exc
        if chat_id not in call.state.chats:
            raise bad_request("chat not found")
    return scope


def _command_key(call: Call) -> tuple[str, str]:
    language = call.params.get_str("language_code") or ""
    if language and not re.fullmatch(r"[a-z]{2}", language):
        raise bad_request("invalid language code specified")
    return call.state.scope_key(_scope(call)), language


@method("setMyCommands")
async def set_my_commands(call: Call) -> Any:
    commands = call.params.get_json("commands", "can't parse commands JSON object")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("can't parse commands JSON object")
    cleaned = []
    for command in commands:
        if not isinstance(command, dict):
            raise bad_request("can't parse BotCommand JSON object")
        name = str(command.get("command", ""))
        description = str(command.get("description", ""))
        if not _COMMAND_NAME.fullmatch(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        cleaned.append({"command": name, "description": description})
    key = _command_key(call)
    if cleaned:
        call.state.commands[key] = cleaned
    else:
        call.state.commands.pop(key, None)
    call.state.activity.fire()
    return True


@method("getMyCommands")
async def get_my_commands(call: Call) -> Any:
    return list(call.state.commands.get(_command_key(call), []))


@method("deleteMyCommands")
async def delete_my_commands(call: Call) -> Any:
    call.state.commands.pop(_command_key(call), None)
    call.state.activity.fire()
    return True


def _bot_text_method(kind: str, field: str, limit: int) -> tuple[Handler, Handler]:
    async def setter(call: Call) -> Any:
        value = call.params.get_str(field) or ""
        if len(value) > limit:
            raise bad_request(f"{field} is too long")
        key = (kind, call.params.get_str("language_code") or "")
        if value:
            call.state.bot_texts[key] = value
        else:
            call.state.bot_texts.pop(key, None)
        return True

    async def getter(call: Call) -> Any:
        language = call.params.get_str("language_code") or ""
        texts = call.state.bot_texts
        default = call.state.bot_first_name if kind == "name" else ""
        return {field: texts.get((kind, language), texts.get((kind, ""), default))}

    return setter, getter


for _kind, _field, _limit, _name in (
    ("description", "description", 512, "Description"),
    ("short_description", "short_description", 120, "ShortDescription"),
    ("name", "name", 64, "Name"),
):
    _setter, _getter = _bot_text_method(_kind, _field, _limit)
    method(f"setMy{_name}")(_setter)
    method(f"getMy{_name}")(_getter)


@method("setChatMenuButton")
async def set_chat_menu_button(call: Call) -> Any:
    button = call.params.get_json("menu_button", "can't parse menu button JSON object")
    button = button or {"type": "default"}
    if not isinstance(button, dict) or button.get("type") not in ("commands", "web_app",
                                                                  "default"):
        raise bad_request("can't parse menu button JSON object")
    if call.params.has("chat_id"):
        chat = call.state.chat_for_bot(_chat_id(call.params), check_blocked=False)
        chat.menu_button = button
        call.state.touch(chat)
    else:
        call.state.default_menu_button = button
    return True


@method("getChatMenuButton")
async def get_chat_menu_button(call: Call) -> Any:
    if call.params.has("chat_id"):
        chat = call.state.chat_for_bot(_chat_id(call.params), check_blocked=False)
        if chat.menu_button:
            return chat.menu_button
    return call.state.default_menu_button or {"type": "default"}


@method("getChat")
async def get_chat(call: Call) -> Any:
    chat = call.state.chat(_chat_id(call.params))
    if chat is None or not chat.started:
        raise bad_request("chat not found")
    return chat.chat | {"accent_color_id": 0, "max_reaction_count": 11}


# -- HTTP plumbing --------------------------------------------------------------------


async def _drop_connection(request: web.Request) -> web.StreamResponse:
    """Close the socket without answering, like a network failure mid-request."""
    if request.transport is not None:
        request.transport.abort()
    # With handler cancellation the server cancels us now; otherwise wait briefly.
    await asyncio.sleep(0.05)
    return web.Response(status=500)


async def handle_method(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE_KEY]
    token = request.match_info["token"]
    name = request.match_info["method"]
    state.note_token(token)
    handler = METHODS.get(name.lower())
    counted = name.lower() != "getupdates"  # a long poll is the bot waiting, not working
    state.requests_in_flight += counted
    state.activity.fire()
    try:
        return await _answer(request, state, name, token, handler)
    finally:
        state.requests_in_flight -= counted
        state.activity.fire()


async def _answer(request: web.Request, state: EmulatorState, name: str, token: str,
                  handler: Handler | None) -> web.StreamResponse:
    params = Params({})
    try:
        if handler is None:
            raise not_found()
        params = await Params.from_request(request)
        fault = state.faults.take(name, peek_chat_id(params))
        if fault is not None:
            log.info("emulator: injecting %s into %s", fault.error, name)
            if fault.disconnects:
                state.record_call(ApiCall(name, params.loggable(), token, 0, "disconnected"))
                return await _drop_connection(request)
            raise fault.to_error()
        result = await handler(Call(state, params, token))
    except ApiError as error:
        state.record_call(ApiCall(name, params.loggable(), token, error.code, error.description))
        return web.json_response(error.payload(), status=error.code)
    state.record_call(ApiCall(name, params.loggable(), token, 200))
    return web.json_response({"ok": True, "result": result})


async def handle_file_download(request: web.Request) -> web.StreamResponse:
    stored = request.app[STATE_KEY].files.by_path(request.match_info["path"])
    if stored is None or stored.data is None:
        return web.json_response(not_found().payload(), status=404)
    return web.Response(
        body=stored.data,
        headers={"Content-Type": stored.mime_type or "application/octet-stream"},
    )


def add_routes(app: web.Application) -> None:
    app.router.add_route("*", "/bot{token}/{method}", handle_method)
    app.router.add_get("/file/bot{token}/{path:.+}", handle_file_download)
