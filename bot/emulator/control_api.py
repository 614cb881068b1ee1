"""The control API under ``/emulator/api``: the user's side of the conversation.

The chat page and out-of-process tests use it to act as Telegram users (send, edit, press
buttons, upload files, block the bot), to read a chat as the user sees it, and to inject
faults. Responses use ``{"ok": true, "result": ...}`` like the Bot API, so one client helper
serves both.
"""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from bot.emulator.app_keys import STATE_KEY
from bot.emulator.faults import DISCONNECT, Fault
from bot.emulator.formatting import render_html
from bot.emulator.state import ChatState, EmulatorState, UserActionError

PREFIX = "/emulator/api"
MAX_WAIT_SECONDS = 30.0
_USER_FIELDS = ("first_name", "last_name", "username", "language_code")


class ControlError(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


@web.middleware
async def _errors(request: web.Request, handler: Any) -> web.StreamResponse:
    """Turn user mistakes into JSON 4xx answers instead of aiohttp's HTML error pages."""
    answer: web.StreamResponse
    if not request.path.startswith(PREFIX):
        answer = await handler(request)
        return answer
    try:
        answer = await handler(request)
        return answer
    except ControlError as error:
        status, description = error.status, error.description
    except UserActionError as error:
        status, description = 400, str(error)
    except ValueError as error:
        status, description = 400, f"invalid request: {error}"
    return web.json_response({"ok": False, "description": description}, status=status)


async def _body(request: web.Request) -> dict[str, Any]:
    if not request.can_read_body:
        return {}
    if request.content_type == "application/json":
        body = await request.json()
        if not isinstance(body, dict):
            raise ControlError(400, "JSON body must be an object")
        return body
    return dict(await request.post())


def _int(value: Any, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise ControlError(400, f"{name} must be an integer") from exc


def _chat(state: EmulatorState, request: web.Request) -> ChatState:
    chat = state.chat(_int(request.match_info["chat_id"], "chat_id"))
    if chat is None:
        raise ControlError(404, "no such chat; register the user first")
    return chat


def _ensure_user(state: EmulatorState, chat_id: int, body: dict[str, Any]) -> None:
    """Register the chat's user on first use, updating details the page sends along."""
    info = body.get("user") or {}
    if not isinstance(info, dict):
        raise ControlError(400, "user must be an object")
    fields = {key: str(info[key]) for key in _USER_FIELDS if info.get(key) is not None}
    if fields or chat_id not in state.users:
        state.register_user(chat_id, fields.pop("first_name", None), **fields)


def file_url(state: EmulatorState, file_id: str) -> str:
    stored = state.files.get(file_id)
    if stored is not None and stored.url:
        return stored.url
    return f"{PREFIX}/files/{file_id}"


def message_view(state: EmulatorState, message: dict[str, Any]) -> dict[str, Any]:
    """A message as the page shows it: safe HTML, file URLs and buttons, plus the raw object."""
    view: dict[str, Any] = {
        "id": message["message_id"],
        "from_bot": bool(message["from"].get("is_bot")),
        "date": message["date"],
        "edit_date": message.get("edit_date"),
        "raw": message,
    }
    if "text" in message:
        view["html"] = render_html(message["text"], message.get("entities"))
    if "caption" in message:
        view["caption_html"] = render_html(message["caption"], message.get("caption_entities"))
    if message.get("photo"):
        largest = max(message["photo"], key=lambda size: size.get("width", 0))
        view["photo"] = {
            "url": file_url(state, largest["file_id"]),
            "width": largest.get("width", 0),
            "height": largest.get("height", 0),
        }
    if "document" in message:
        document = message["document"]
        view["document"] = {
            "url": file_url(state, document["file_id"]) + "?download=1",
            "file_name": document.get("file_name") or "file",
            "file_size": document.get("file_size"),
            "mime_type": document.get("mime_type"),
        }
    if "sticker" in message:
        view["sticker"] = {"emoji": message["sticker"].get("emoji", "")}
    if "voice" in message:
        view["voice"] = {
            "url": file_url(state, message["voice"]["file_id"]),
            "duration": message["voice"].get("duration", 0),
        }
    inline = message.get("reply_markup", {}).get("inline_keyboard")
    if inline:
        view["inline_keyboard"] = inline
    replied = message.get("reply_to_message")
    if replied:
        snippet = replied.get("text") or replied.get("caption") or "media"
        view["reply_to"] = {"id": replied["message_id"], "text": snippet[:80]}
    return view


def chat_view(state: EmulatorState, chat: ChatState) -> dict[str, Any]:
    action = chat.current_action
    return {
        "version": chat.version,
        "chat": chat.chat,
        "user": chat.user,
        "bot": state.bot_user(),
        "blocked": chat.id in state.blocked,
        "started": chat.started,
        "messages": [message_view(state, m) for m in chat.messages.values()],
        "action": action,
        "action_expires_in": max(chat.action_until - time.monotonic(), 0.0) if action else 0.0,
        "reply_keyboard": chat.reply_keyboard,
        "callback_answers": list(chat.callback_answers),
        "commands": state.resolve_commands(chat.id, chat.user.get("language_code")),
        "menu_button": chat.menu_button or state.default_menu_button or {"type": "default"},
        "bot_online": state.updates.bot_is_polling(),
    }


# -- routes ---------------------------------------------------------------------------

routes = web.RouteTableDef()


@routes.get(f"{PREFIX}/info")
async def info(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    return _ok({
        "bot": state.bot_user(),
        "tokens_seen": len(state.tokens),
        "webhook_url": state.webhook["url"],
        "pending_updates": state.updates.pending_count,
        "bot_online": state.updates.bot_is_polling(),
        "users": list(state.users.values()),
    })


@routes.post(f"{PREFIX}/users")
async def register_user(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    body = await _body(request)
    user_id = _int(body.get("id"), "id")
    _ensure_user(state, user_id, {"user": body})
    return _ok(state.users[user_id])


@routes.post(f"{PREFIX}/users/{{user_id}}/block")
async def block_user(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    state.set_blocked(_int(request.match_info["user_id"], "user_id"), True)
    return _ok(True)


@routes.post(f"{PREFIX}/users/{{user_id}}/unblock")
async def unblock_user(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    state.set_blocked(_int(request.match_info["user_id"], "user_id"), False)
    return _ok(True)


@routes.get(f"{PREFIX}/chats")
async def list_chats(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    return _ok([
        {"chat": chat.chat, "version": chat.version, "messages": len(chat.messages)}
        for chat in state.chats.values()
    ])


@routes.get(f"{PREFIX}/chats/{{chat_id}}")
async def read_chat(request: web.Request) -> web.Response:
    """The chat as the user sees it; with ``since``/``wait`` it long-polls for a change."""
    state = request.app[STATE_KEY]
    chat = _chat(state, request)
    since = request.query.get("since")
    wait = min(float(request.query.get("wait", 0) or 0), MAX_WAIT_SECONDS)
    if since is not None and wait > 0:
        deadline = time.monotonic() + wait
        since_version = _int(since, "since")
        state.views_waiting += 1
        state.activity.fire()
        try:
            while chat.version <= since_version and state.chats.get(chat.id) is chat:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not await chat.signal.wait(remaining):
                    break
        finally:
            state.views_waiting -= 1
        if state.chats.get(chat.id) is not chat:
            raise ControlError(404, "chat was reset")
    return _ok(chat_view(state, chat))


@routes.post(f"{PREFIX}/chats/{{chat_id}}/messages")
async def send_message(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    chat_id = _int(request.match_info["chat_id"], "chat_id")
    body = await _body(request)
    _ensure_user(state, chat_id, body)
    reply_to = body.get("reply_to_message_id")
    message = state.user_send_text(
        chat_id,
        str(body.get("text", "")),
        reply_to_message_id=_int(reply_to, "reply_to_message_id") if reply_to else None,
    )
    return _ok(message)


@routes.post(f"{PREFIX}/chats/{{chat_id}}/messages/{{message_id}}/edit")
async def edit_message(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    chat = _chat(state, request)
    body = await _body(request)
    message_id = _int(request.match_info["message_id"], "message_id")
    return _ok(state.user_edit(chat.id, message_id, str(body.get("text", ""))))


@routes.post(f"{PREFIX}/chats/{{chat_id}}/callback")
async def press_button(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    chat = _chat(state, request)
    body = await _body(request)
    query = state.user_press(
        chat.id,
        _int(body.get("message_id"), "message_id"),
        data=body.get("data"),
        text=body.get("text"),
    )
    return _ok(query)


@routes.post(f"{PREFIX}/chats/{{chat_id}}/media")
async def send_media(request: web.Request) -> web.Response:
    """Multipart: ``kind`` (photo/document/voice/sticker), ``file``, ``caption``, ``emoji``."""
    state = request.app[STATE_KEY]
    chat_id = _int(request.match_info["chat_id"], "chat_id")
    data: bytes | None = None
    file_name = mime_type = None
    fields: dict[str, Any] = {}
    if request.content_type == "multipart/form-data":
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                data = value.file.read()
                file_name, mime_type = value.filename, value.content_type
            else:
                fields[key] = value
    else:
        fields = await _body(request)
    user = {key: fields[key] for key in _USER_FIELDS if fields.get(key)}
    _ensure_user(state, chat_id, {"user": user})
    message = state.user_send_file(
        chat_id,
        str(fields.get("kind", "document")),
        data,
        file_name=file_name,
        mime_type=mime_type,
        caption=str(fields["caption"]) if fields.get("caption") else None,
        emoji=str(fields.get("emoji") or "👍"),
        duration=_int(fields.get("duration") or 1, "duration"),
    )
    return _ok(message)


@routes.get(f"{PREFIX}/files/{{file_id}}")
async def download_file(request: web.Request) -> web.StreamResponse:
    stored = request.app[STATE_KEY].files.get(request.match_info["file_id"])
    if stored is None or stored.data is None:
        raise ControlError(404, "no such file")
    headers = {"Content-Type": stored.mime_type or "application/octet-stream"}
    if request.query.get("download"):
        name = (stored.file_name or stored.file_path.rsplit("/", 1)[-1]).replace('"', "")
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return web.Response(body=stored.data, headers=headers)


@routes.get(f"{PREFIX}/faults")
async def list_faults(request: web.Request) -> web.Response:
    return _ok([fault.to_dict() for fault in request.app[STATE_KEY].faults.active()])


@routes.post(f"{PREFIX}/faults")
async def add_fault(request: web.Request) -> web.Response:
    """Body: ``method``, ``error`` (status or "disconnect"), ``times``, ``chat_id``,
    ``retry_after``, ``description``."""
    body = await _body(request)
    error = body.get("error", 429)
    if error != DISCONNECT:
        error = _int(error, "error")
    chat_id = body.get("chat_id")
    fault = Fault(
        method=str(body.get("method") or "*"),
        error=error,
        times=_int(body.get("times", 1), "times"),
        chat_id=_int(chat_id, "chat_id") if chat_id is not None else None,
        retry_after=_int(body.get("retry_after", 1), "retry_after"),
        description=body.get("description"),
    )
    request.app[STATE_KEY].faults.add(fault)
    return _ok(fault.to_dict())


@routes.delete(f"{PREFIX}/faults")
async def clear_faults(request: web.Request) -> web.Response:
    request.app[STATE_KEY].faults.clear()
    return _ok(True)


@routes.get(f"{PREFIX}/calls")
async def list_calls(request: web.Request) -> web.Response:
    """Recent Bot API calls, newest last; ``method`` filters, ``limit`` caps."""
    state = request.app[STATE_KEY]
    wanted = (request.query.get("method") or "").lower()
    limit = _int(request.query.get("limit", 100), "limit")
    calls = [c for c in state.calls if not wanted or c.method.lower() == wanted][-limit:]
    return _ok([
        {"method": c.method, "params": c.params, "status": c.status,
         "description": c.description, "at": c.at}
        for c in calls
    ])


@routes.get(f"{PREFIX}/idle")
async def wait_idle(request: web.Request) -> web.Response:
    """Answers once the bot has handled everything sent to it (``EmulatorState.wait_idle``:
    nothing pending or in flight, and the bot in this process holds no update); 504 if it
    is still busy after ``timeout`` seconds. A client waits here, not for a quiet while,
    before it takes what has arrived as the whole answer."""
    timeout = min(float(request.query.get("timeout", 5) or 5), MAX_WAIT_SECONDS)
    try:
        await request.app[STATE_KEY].wait_idle(timeout=timeout)
    except TimeoutError as exc:
        raise ControlError(504, str(exc)) from exc
    return _ok(True)


@routes.post(f"{PREFIX}/reset")
async def reset(request: web.Request) -> web.Response:
    request.app[STATE_KEY].reset()
    return _ok(True)


def add_routes(app: web.Application) -> None:
    app.middlewares.append(_errors)
    app.router.add_routes(routes)
