"""Everything the emulated Telegram knows: users, private chats, messages, callbacks, calls.

The state is plain in-memory data mutated only from the event loop, so no locks are
needed; every change bumps a sequence number and fires signals so long polls (the page, the
Python API's ``next_message``) wake up at once. All collections are bounded so a demo left
running for days does not grow without limit.
"""

from __future__ import annotations

import asyncio
import copy
import inspect
import json
import secrets
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.emulator.errors import BLOCKED_DESCRIPTION, ApiError, bad_request, forbidden
from bot.emulator.faults import FaultInjector
from bot.emulator.formatting import detect_entities
from bot.emulator.media import FileStore, StoredFile, tiny_png
from bot.emulator.signals import Signal
from bot.emulator.updates import UpdateQueue

DEFAULT_BOT_ID = 7000000001
CHAT_ACTION_SECONDS = 5.0  # how long Telegram clients show a chat action
DEFAULT_SCOPE = {"type": "default"}


class UserActionError(ValueError):
    """Something an emulated user cannot do (press a button that does not exist, ...)."""


@dataclass
class ChatEvent:
    """One change in a chat as it happened, with a snapshot of the message at that time."""

    seq: int
    kind: str  # "message", "edit" or "delete"
    from_bot: bool
    message: dict[str, Any]


@dataclass
class ApiCall:
    """One Bot API request the bot made, for tests that assert on what was called."""

    method: str
    params: dict[str, Any]
    token: str
    status: int
    description: str | None = None
    at: float = field(default_factory=time.time)

    @property
    def ok(self) -> bool:
        return self.status == 200


class ChatState:
    """A private chat between the bot and one user."""

    def __init__(self, user: dict[str, Any], max_messages: int, max_events: int) -> None:
        self.id: int = user["id"]
        self.user = user
        self.started = False  # a bot may not write first, as on Telegram
        self.max_messages = max_messages
        self.messages: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self.next_message_id = 1
        self.version = 0
        self.events: deque[ChatEvent] = deque(maxlen=max_events)
        self.action: str | None = None
        self.action_until = 0.0
        self.reply_keyboard: dict[str, Any] | None = None
        self.callback_answers: deque[dict[str, Any]] = deque(maxlen=20)
        self.menu_button: dict[str, Any] | None = None
        self.signal = Signal()
        self.instance = str(secrets.randbits(62))  # callback queries' chat_instance

    @property
    def chat(self) -> dict[str, Any]:
        result = {"id": self.id, "type": "private", "first_name": self.user["first_name"]}
        for key in ("last_name", "username"):
            if self.user.get(key):
                result[key] = self.user[key]
        return result

    @property
    def current_action(self) -> str | None:
        if self.action and time.monotonic() < self.action_until:
            return self.action
        return None

    def store(self, message: dict[str, Any]) -> None:
        self.messages[message["message_id"]] = message
        while len(self.messages) > self.max_messages:
            self.messages.popitem(last=False)


IDLE_TURNS = 5  # event-loop turns that must stay quiet before wait_idle returns
IDLE_RECHECK = 0.01  # seconds between looks at a bot that is still busy
Busy = Callable[[], bool | Awaitable[bool]]


class EmulatorState:
    """The whole emulated service; Bot API handlers and the control API both act on it."""

    def __init__(
        self,
        *,
        bot_username: str = "salesbot_local_bot",
        bot_first_name: str = "SalesBot (local)",
        bot_id: int | None = None,
        max_messages_per_chat: int = 500,
        max_pending_updates: int = 1000,
        max_events_per_chat: int = 200,
        max_calls: int = 1000,
    ) -> None:
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.bot_id = bot_id
        self.max_messages_per_chat = max_messages_per_chat
        self.max_events_per_chat = max_events_per_chat
        self.files = FileStore()
        self.faults = FaultInjector()
        self.calls: deque[ApiCall] = deque(maxlen=max_calls)
        self.activity = Signal()
        self.updates = UpdateQueue(max_pending_updates, self.activity)
        self.users: dict[int, dict[str, Any]] = {}
        self.chats: dict[int, ChatState] = {}
        self.blocked: set[int] = set()
        self.callback_queries: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.bot_texts: dict[tuple[str, str], str] = {}
        self.default_menu_button: dict[str, Any] | None = None
        # The bot's own view of whether it still holds an update, when it runs in this
        # process (``salesbot run`` without a token sets it; see ``wait_idle``).
        self.bot_busy: Busy | None = None
        self.webhook: dict[str, Any] = {"url": ""}
        self.tokens: list[str] = []
        self.requests_in_flight = 0  # Bot API requests being answered, long polls aside
        self.views_waiting = 0  # chat views (the page) long-polling for a change
        self._seq = 0

    # -- identity ---------------------------------------------------------------------

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    @property
    def seq(self) -> int:
        return self._seq

    def note_token(self, token: str) -> None:
        if token not in self.tokens:
            self.tokens.append(token)

    def bot_user(self, token: str | None = None) -> dict[str, Any]:
        """The bot as a User; its id comes from the token's numeric prefix, as on Telegram."""
        token = token or (self.tokens[-1] if self.tokens else "")
        prefix = token.split(":", 1)[0]
        bot_id = self.bot_id or (int(prefix) if prefix.isdigit() else DEFAULT_BOT_ID)
        return {
            "id": bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def get_me(self, token: str) -> dict[str, Any]:
        return self.bot_user(token) | {
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    # -- users and chats --------------------------------------------------------------

    def register_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> dict[str, Any]:
        """Create or update a user (and their private chat); only given fields change."""
        if not isinstance(user_id, int) or isinstance(user_id, bool) or user_id <= 0:
            raise UserActionError("user id must be a positive integer")
        user = self.users.get(user_id)
        if user is None:
            user = {"id": user_id, "is_bot": False, "first_name": first_name or f"User {user_id}"}
            language_code = language_code or "en"  # Telegram clients nearly always send one
            self.users[user_id] = user
            self.chats[user_id] = ChatState(
                user, self.max_messages_per_chat, self.max_events_per_chat
            )
        updates = {
            "first_name": first_name,
            "last_name": last_name,
            "username": username,
            "language_code": language_code,
        }
        for key, value in updates.items():
            if value is not None:
                if value == "" and key != "first_name":
                    user.pop(key, None)
                elif value:
                    user[key] = value
        return user

    def chat(self, chat_id: int) -> ChatState | None:
        return self.chats.get(chat_id)

    def chat_for_bot(self, chat_id: int | None, *, check_blocked: bool = True) -> ChatState:
        """The chat a bot method targets, or the error Telegram gives for it."""
        if chat_id is None:
            raise bad_request("chat_id is empty")
        chat = self.chats.get(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        if check_blocked and chat_id in self.blocked:
            raise ApiError(403, BLOCKED_DESCRIPTION)
        if not chat.started:
            raise forbidden("bot can't initiate conversation with a user")
        return chat

    def touch(
        self,
        chat: ChatState,
        kind: str | None = None,
        message: dict[str, Any] | None = None,
        *,
        from_bot: bool = False,
    ) -> None:
        """Record that a chat changed and wake everyone waiting on it."""
        chat.version = self.next_seq()
        if kind and message is not None:
            chat.events.append(ChatEvent(chat.version, kind, from_bot, copy.deepcopy(message)))
        chat.signal.fire()
        self.activity.fire()

    # -- messages ---------------------------------------------------------------------

    def _new_message(
        self,
        chat: ChatState,
        sender: dict[str, Any],
        content: dict[str, Any],
        reply_to: dict[str, Any] | None,
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": chat.next_message_id,
            "from": dict(sender),
            "chat": chat.chat,
            "date": int(time.time()),
            **content,
        }
        chat.next_message_id += 1
        if reply_to is not None:
            replied = copy.deepcopy(reply_to)
            replied.pop("reply_to_message", None)
            message["reply_to_message"] = replied
        return message

    def add_bot_message(
        self,
        chat: ChatState,
        token: str,
        content: dict[str, Any],
        *,
        reply_markup: dict[str, Any] | None = None,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        message = self._new_message(chat, self.bot_user(token), content, reply_to)
        if reply_markup:
            if "inline_keyboard" in reply_markup:
                # Message objects only ever carry inline keyboards.
                message["reply_markup"] = reply_markup
            elif "keyboard" in reply_markup:
                chat.reply_keyboard = reply_markup
            elif reply_markup.get("remove_keyboard"):
                chat.reply_keyboard = None
        chat.action = None  # clients stop showing "typing" once the message lands
        chat.store(message)
        self.touch(chat, "message", message, from_bot=True)
        return copy.deepcopy(message)

    def bot_edited(self, chat: ChatState, message: dict[str, Any]) -> dict[str, Any]:
        message["edit_date"] = int(time.time())
        self.touch(chat, "edit", message, from_bot=True)
        return copy.deepcopy(message)

    def delete_message(self, chat: ChatState, message_id: int) -> None:
        message = chat.messages.pop(message_id, None)
        if message is None:
            raise bad_request("message to delete not found")
        self.touch(chat, "delete", message, from_bot=True)  # only the bot deletes via the API

    def set_chat_action(self, chat: ChatState, action: str) -> None:
        chat.action = action
        chat.action_until = time.monotonic() + CHAT_ACTION_SECONDS
        self.touch(chat)

    # -- what users do ----------------------------------------------------------------

    def _user_and_chat(self, user_id: int) -> tuple[dict[str, Any], ChatState]:
        user = self.users.get(user_id)
        if user is None:
            raise UserActionError(f"unknown user {user_id}; register the user first")
        if user_id in self.blocked:
            raise UserActionError(f"user {user_id} has blocked the bot; unblock first")
        return user, self.chats[user_id]

    def user_send(
        self,
        user_id: int,
        content: dict[str, Any],
        *,
        reply_to_message_id: int | None = None,
    ) -> dict[str, Any]:
        """A user's new message: stored in the chat and queued as a ``message`` update."""
        user, chat = self._user_and_chat(user_id)
        reply_to = None
        if reply_to_message_id is not None:
            reply_to = chat.messages.get(reply_to_message_id)
            if reply_to is None:
                raise UserActionError(f"no message {reply_to_message_id} to reply to")
        text = content.get("text")
        keyboard = chat.reply_keyboard
        if keyboard and keyboard.get("one_time_keyboard") and text is not None:
            labels = {
                button.get("text") if isinstance(button, dict) else button
                for row in keyboard.get("keyboard", [])
                for button in row
            }
            if text in labels:
                chat.reply_keyboard = None
        chat.started = True
        message = self._new_message(chat, user, content, reply_to)
        chat.store(message)
        self.touch(chat, "message", message)
        self.updates.push("message", copy.deepcopy(message))
        return copy.deepcopy(message)

    def user_send_text(
        self, user_id: int, text: str, *, reply_to_message_id: int | None = None
    ) -> dict[str, Any]:
        if not text or not text.strip():
            raise UserActionError("message text is empty")
        content: dict[str, Any] = {"text": text}
        entities = detect_entities(text)
        if entities:
            content["entities"] = entities
        return self.user_send(user_id, content, reply_to_message_id=reply_to_message_id)

    def user_send_file(
        self,
        user_id: int,
        kind: str,
        data: bytes | None = None,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        caption: str | None = None,
        emoji: str = "👍",
        duration: int = 1,
    ) -> dict[str, Any]:
        """A user's photo, document, voice note or sticker, stored so the bot can getFile it."""
        self._user_and_chat(user_id)
        content: dict[str, Any]
        if kind == "sticker":
            stored = self.files.add(data or tiny_png(8, 8), kind="stickers", mime_type="image/png")
            content = {"sticker": {
                **stored.document(),
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "emoji": emoji,
            }}
            content["sticker"].pop("mime_type", None)
        elif kind == "photo":
            stored = self._user_file(data, "photos", file_name, mime_type)
            if not stored.width:
                raise UserActionError("photo is not a PNG, JPEG, GIF or WebP image")
            content = {"photo": [stored.photo_size()]}
        elif kind == "document":
            stored = self._user_file(data, "documents", file_name or "file", mime_type)
            content = {"document": stored.document()}
        elif kind == "voice":
            voice = data if data is not None else b"OggS" + bytes(60)
            stored = self._user_file(voice, "voice", None, mime_type or "audio/ogg")
            content = {"voice": {
                **stored.document(),
                "duration": duration,
                "mime_type": stored.mime_type,
            }}
        else:
            raise UserActionError(f"unknown media kind {kind!r}")
        if caption and kind != "sticker":
            content["caption"] = caption
            entities = detect_entities(caption)
            if entities:
                content["caption_entities"] = entities
        return self.user_send(user_id, content)

    def _user_file(
        self, data: bytes | None, kind: str, file_name: str | None, mime_type: str | None
    ) -> StoredFile:
        if not data:
            raise UserActionError("file is empty")
        return self.files.add(data, kind=kind, file_name=file_name, mime_type=mime_type)

    def user_edit(self, user_id: int, message_id: int, text: str) -> dict[str, Any]:
        """A user edits their text message; the bot gets an ``edited_message`` update."""
        _, chat = self._user_and_chat(user_id)
        message = chat.messages.get(message_id)
        if message is None or message["from"].get("is_bot"):
            raise UserActionError(f"no message {message_id} of this user to edit")
        if "text" not in message:
            raise UserActionError("only text messages can be edited here")
        if not text.strip():
            raise UserActionError("message text is empty")
        if text == message["text"]:
            return copy.deepcopy(message)
        message["text"] = text
        entities = detect_entities(text)
        if entities:
            message["entities"] = entities
        else:
            message.pop("entities", None)
        message["edit_date"] = int(time.time())
        self.touch(chat, "edit", message)
        self.updates.push("edited_message", copy.deepcopy(message))
        return copy.deepcopy(message)

    def user_press(
        self,
        user_id: int,
        message_id: int,
        *,
        data: str | None = None,
        text: str | None = None,
    ) -> dict[str, Any]:
        """A user presses an inline button, found by callback_data or else by its label."""
        user, chat = self._user_and_chat(user_id)
        message = chat.messages.get(message_id)
        if message is None:
            raise UserActionError(f"no message {message_id} in chat {user_id}")
        rows = message.get("reply_markup", {}).get("inline_keyboard") or []
        buttons = [button for row in rows for button in row]
        button = next((b for b in buttons if data is not None and b.get("callback_data") == data),
                      None)
        if button is None:
            label = text if text is not None else data
            button = next((b for b in buttons if b.get("text") == label), None)
        if button is None:
            raise UserActionError(f"message {message_id} has no button {data or text!r}")
        if "callback_data" not in button:
            raise UserActionError(f"button {button.get('text')!r} does not send a callback")
        query_id = str(secrets.randbits(62))
        query = {
            "id": query_id,
            "from": dict(user),
            "message": copy.deepcopy(message),
            "chat_instance": chat.instance,
            "data": button["callback_data"],
        }
        self.callback_queries[query_id] = {"chat_id": chat.id, "query": query, "answer": None}
        while len(self.callback_queries) > 1000:
            self.callback_queries.popitem(last=False)
        self.updates.push("callback_query", copy.deepcopy(query))
        self.activity.fire()
        return copy.deepcopy(query)

    def answer_callback(self, query_id: str, answer: dict[str, Any]) -> None:
        entry = self.callback_queries.get(query_id)
        if entry is None or entry["answer"] is not None:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        entry["answer"] = answer
        chat = self.chats.get(entry["chat_id"])
        if chat is not None:
            chat.callback_answers.append({"callback_query_id": query_id, **answer})
            self.touch(chat)
        else:
            self.activity.fire()

    def set_blocked(self, user_id: int, blocked: bool) -> None:
        """Block or unblock the bot as the user, with the my_chat_member update Telegram sends."""
        user = self.users.get(user_id)
        if user is None:
            raise UserActionError(f"unknown user {user_id}")
        if blocked == (user_id in self.blocked):
            return
        if blocked:
            self.blocked.add(user_id)
        else:
            self.blocked.discard(user_id)
        chat = self.chats[user_id]
        bot = self.bot_user()
        old, new = ("member", "kicked") if blocked else ("kicked", "member")

        def member(status: str) -> dict[str, Any]:
            return {"user": bot, "status": status} | ({"until_date": 0} if status == "kicked"
                                                     else {})

        if chat.started:
            self.updates.push("my_chat_member", {
                "chat": chat.chat,
                "from": dict(user),
                "date": int(time.time()),
                "old_chat_member": member(old),
                "new_chat_member": member(new),
            })
        self.touch(chat)

    # -- bot settings -----------------------------------------------------------------

    @staticmethod
    def scope_key(scope: dict[str, Any] | None) -> str:
        scope = scope or DEFAULT_SCOPE
        return json.dumps(
            {k: (int(v) if k in ("chat_id", "user_id") and str(v).lstrip("-").isdigit() else v)
             for k, v in scope.items()},
            sort_keys=True,
        )

    def resolve_commands(self, chat_id: int, language_code: str | None) -> list[dict[str, str]]:
        """The command menu a private-chat user would see, using Telegram's fallback order."""
        scopes: list[dict[str, Any]] = [
            {"type": "chat", "chat_id": chat_id},
            {"type": "all_private_chats"},
            DEFAULT_SCOPE,
        ]
        languages = [language_code, ""] if language_code else [""]
        for scope in scopes:
            for language in languages:
                commands = self.commands.get((self.scope_key(scope), language or ""))
                if commands:
                    return list(commands)
        return []

    # -- bookkeeping ------------------------------------------------------------------

    def record_call(self, call: ApiCall) -> None:
        self.calls.append(call)
        self.activity.fire()

    @property
    def idle(self) -> bool:
        """Nothing outstanding: every update delivered and confirmed, no request open.

        A getUpdates long poll does not count: a bot with nothing to do holds one open.
        """
        return not self.updates.pending_count and not self.requests_in_flight

    async def wait_idle(self, busy: Busy | None = None, timeout: float = 5.0) -> None:
        """Wait until nothing is outstanding: every update delivered and confirmed, no Bot
        API request being answered and ``busy()`` (the bot's own view; ``bot_busy`` when
        not given) false.

        A test waits here before asserting that nothing more arrives, instead of sleeping
        for a while. The emulator sees only its side of the wire: a request the bot is
        about to make, or an update it fetched but has not handled, is visible only to the
        bot, so the bot's ``busy`` is asked too. Once all is quiet the check is repeated
        over a few turns of the event loop, so a task that was scheduled but has not
        started yet gets to show itself.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        quiet_turns = 0
        while quiet_turns < IDLE_TURNS:
            # bot_busy is read each time: a bot starting up sets it only once it is built
            if self.idle and not await _ask(busy if busy is not None else self.bot_busy):
                quiet_turns += 1
                await asyncio.sleep(0)
                continue
            quiet_turns = 0
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"the bot was still busy after {timeout}s")
            # the bot's side fires no signal here, so look again soon
            await self.activity.wait(min(remaining, IDLE_RECHECK))

    def close(self) -> None:
        """Wake every long poll so the server can stop without waiting for timeouts."""
        self.updates.close()
        for chat in self.chats.values():
            chat.signal.fire()
        self.activity.fire()

    def reset(self) -> None:
        """Forget users, chats, files, faults and settings; waiting polls are released.

        Update ids keep counting up, because a running bot confirms updates by offset and
        would silently skip new updates whose ids restarted below it.
        """
        chats = list(self.chats.values())
        self.users.clear()
        self.chats.clear()
        self.blocked.clear()
        self.callback_queries.clear()
        self.commands.clear()
        self.bot_texts.clear()
        self.default_menu_button = None
        self.webhook = {"url": ""}
        self.files.clear()
        self.faults.clear()
        self.calls.clear()
        self.updates.drop_pending()
        for chat in chats:
            chat.version = self.next_seq()
            chat.signal.fire()
        self.activity.fire()


async def _ask(busy: Busy | None) -> bool:
    if busy is None:
        return False
    answer = busy()
    return await answer if inspect.isawaitable(answer) else answer
