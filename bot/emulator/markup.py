"""reply_markup validation, so a keyboard Telegram would reject is rejected here too.

The classic mistake this catches is callback_data longer than 64 bytes, which works in
naive fakes and fails in production.
"""

from __future__ import annotations

from typing import Any

from bot.emulator.errors import bad_request

MAX_CALLBACK_DATA_BYTES = 64
_INLINE_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_URL_SCHEMES = ("http://", "https://", "tg://")


def _button_error(detail: str) -> Exception:
    return bad_request(f"can't parse inline keyboard button: {detail}")


def _rows(markup: dict[str, Any], key: str) -> list[list[Any]]:
    rows = markup.get(key)
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(f"can't parse reply keyboard markup JSON object: field \"{key}\" "
                          "must be an Array of Arrays")
    return rows


def _inline_button(button: Any) -> dict[str, Any]:
    if not isinstance(button, dict):
        raise _button_error("InlineKeyboardButton must be an Object")
    if not isinstance(button.get("text"), str):
        raise _button_error("Field \"text\" must be of type String")
    actions = [key for key in _INLINE_ACTIONS if key in button]
    if not actions:
        raise _button_error("Text buttons are unallowed in the inline keyboard")
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button and not str(button["url"]).lower().startswith(_URL_SCHEMES):
        raise bad_request("BUTTON_URL_INVALID")
    return button


def _reply_button(button: Any) -> dict[str, Any]:
    if isinstance(button, str):
        return {"text": button}
    if isinstance(button, dict) and isinstance(button.get("text"), str):
        return button
    raise bad_request("can't parse keyboard button: KeyboardButton must be a String or an Object")


def parse_reply_markup(raw: Any) -> dict[str, Any] | None:
    """Validate a decoded reply_markup; None when absent."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in raw:
        rows = _rows(raw, "inline_keyboard")
        if sum(len(row) for row in rows) > 100:
            raise bad_request("reply markup is too long")
        return {"inline_keyboard": [[_inline_button(b) for b in row] for row in rows]}
    if "keyboard" in raw:
        rows = _rows(raw, "keyboard")
        return {**raw, "keyboard": [[_reply_button(b) for b in row] for row in rows]}
    if raw.get("remove_keyboard") is True or raw.get("force_reply") is True:
        return raw
    raise bad_request("can't parse reply keyboard markup JSON object")
