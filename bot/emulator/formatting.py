"""Telegram text formatting: the HTML parse mode subset, entities, and safe rendering.

Telegram does not store HTML: it parses ``parse_mode=HTML`` into plain text plus
``MessageEntity`` objects (offsets in UTF-16 code units) and rejects markup it does not
understand. The emulator does the same so a bot that works here does not break on the real
service because of an unsupported tag or a message that is too long once parsed.
"""

from __future__ import annotations

import html
import re
from typing import Any

from bot.emulator.errors import ApiError, bad_request

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_SUPPORTED_TAGS = {*_SIMPLE_TAGS, "a", "span", "blockquote", "tg-emoji"}

_START_TAG = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)"
    r"((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)"
    r"\s*>"
)
_ATTRIBUTE = re.compile(
    r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+)))?"
)
_END_TAG = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)\s*>")
_TAG_NAME = re.compile(r"</?([^\s>/]*)")
_CHAR_REF = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);")
_NAMED_REFS = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

_BOT_COMMAND = re.compile(
    r"(?<![^\s])/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?(?![a-zA-Z0-9_@/])"
)
_URL = re.compile(r"(?<![^\s(])https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")

_SAFE_URL_SCHEMES = ("http://", "https://", "tg://", "mailto:")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram uses for limits and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _utf16_slice(encoded: bytes, start: int, end: int) -> str:
    return encoded[2 * start : 2 * end].decode("utf-16-le", errors="replace")


def _decode_char_ref(match: re.Match[str]) -> str:
    ref = match.group(1)
    if ref in _NAMED_REFS:
        return _NAMED_REFS[ref]
    code = int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:])
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return chr(code)


def _unescape(value: str) -> str:
    return _CHAR_REF.sub(_decode_char_ref, value)


def _parse_error(detail: str) -> ApiError:
    return bad_request(f"can't parse entities: {detail}")


class _HtmlParser:
    """One-shot parser for Telegram's HTML subset, mirroring the errors tdlib reports."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pieces: list[str] = []
        self.length = 0
        self.entities: list[dict[str, Any]] = []
        # Each frame: (tag name, entity or None, byte offset of the tag).
        self.stack: list[tuple[str, dict[str, Any] | None, int]] = []

    def byte_offset(self, index: int) -> int:
        return len(self.source[:index].encode("utf-8"))

    def emit(self, text: str) -> None:
        if text:
            self.pieces.append(text)
            self.length += utf16_len(text)

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        source = self.source
        index = 0
        while index < len(source):
            next_special = min(
                (pos for pos in (source.find("<", index), source.find("&", index)) if pos >= 0),
                default=len(source),
            )
            self.emit(source[index:next_special])
            index = next_special
            if index >= len(source):
                break
            if source[index] == "&":
                match = _CHAR_REF.match(source, index)
                if match:
                    self.emit(_decode_char_ref(match))
                    index = match.end()
                else:
                    self.emit("&")
                    index += 1
            elif source.startswith("</", index):
                index = self.end_tag(index)
            else:
                index = self.start_tag(index)
        if self.stack:
            raise _parse_error(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1][0]}"'
            )
        return "".join(self.pieces), self.entities

    def start_tag(self, index: int) -> int:
        match = _START_TAG.match(self.source, index)
        name_match = _TAG_NAME.match(self.source, index)
        name = (match.group(1) if match else name_match.group(1) if name_match else "").lower()
        if name not in _SUPPORTED_TAGS:
            raise _parse_error(
                f'Unsupported start tag "{name}" at byte offset {self.byte_offset(index)}'
            )
        if not match:
            raise _parse_error(f"Unclosed start tag at byte offset {self.byte_offset(index)}")
        attributes = {
            key.lower(): _unescape(double or single or bare)
            for key, double, single, bare in _ATTRIBUTE.findall(match.group(2))
        }
        entity = self._entity_for(name, attributes, index)
        self.stack.append((name, entity, self.byte_offset(index)))
        return match.end()

    def _entity_for(
        self, name: str, attributes: dict[str, str], index: int
    ) -> dict[str, Any] | None:
        offset = self.length
        if name in _SIMPLE_TAGS:
            kind = _SIMPLE_TAGS[name]
            language = attributes.get("class", "")
            parent = self.stack[-1] if self.stack else None
            if (
                kind == "code"
                and parent is not None
                and parent[0] == "pre"
                and parent[1] is not None
                and language.startswith("language-")
            ):
                # <pre><code class="language-x"> is one pre entity with a language.
                parent[1]["language"] = language.removeprefix("language-")
                return None
            return {"type": kind, "offset": offset}
        if name == "span":
            if attributes.get("class") != "tg-spoiler":
                raise _parse_error('Tag "span" must have class "tg-spoiler"')
            return {"type": "spoiler", "offset": offset}
        if name == "blockquote":
            kind = "expandable_blockquote" if "expandable" in attributes else "blockquote"
            return {"type": kind, "offset": offset}
        if name == "tg-emoji":
            emoji_id = attributes.get("emoji-id", "")
            if not emoji_id.isdigit():
                raise _parse_error('Custom emoji entity must contain a tg://emoji URL')
            return {"type": "custom_emoji", "offset": offset, "custom_emoji_id": emoji_id}
        # name == "a"
        href = attributes.get("href")
        if not href:
            return None
        return {"type": "text_link", "offset": offset, "url": href}

    def end_tag(self, index: int) -> int:
        match = _END_TAG.match(self.source, index)
        if not match:
            raise _parse_error(f"Unclosed end tag at byte offset {self.byte_offset(index)}")
        name = match.group(1).lower()
        if not self.stack:
            raise _parse_error(f'Unexpected end tag at byte offset {self.byte_offset(index)}')
        open_name, entity, _ = self.stack[-1]
        if open_name != name:
            raise _parse_error(
                f"Unmatched end tag at byte offset {self.byte_offset(index)}, "
                f'expected "</{open_name}>", found "</{name}>"'
            )
        self.stack.pop()
        if entity is not None:
            entity["length"] = self.length - entity["offset"]
            if entity["length"] > 0:
                self.entities.append(entity)
        return match.end()


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram-flavoured HTML into ``(text, entities)`` or raise the Bad Request."""
    text, entities = _HtmlParser(source).run()
    return text, sorted(entities, key=lambda e: (e["offset"], -e["length"]))


def _strip(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim surrounding whitespace like Telegram does, keeping entities aligned."""
    stripped_left = text.lstrip()
    shift = utf16_len(text) - utf16_len(stripped_left)
    stripped = stripped_left.rstrip()
    limit = utf16_len(stripped)
    kept = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, limit)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


def _validate_entities(raw: Any, text: str) -> list[dict[str, Any]]:
    if not isinstance(raw, list) or not all(isinstance(e, dict) for e in raw):
        raise bad_request("can't parse entities JSON object")
    limit = utf16_len(text)
    result = []
    for entity in raw:
        try:
            offset, length = int(entity["offset"]), int(entity["length"])
            kind = str(entity["type"])
        except (KeyError, TypeError, ValueError) as exc:
            raise bad_request("can't parse entities JSON object") from exc
        if length > 0 and 0 <= offset < limit:
            result.append({**entity, "type": kind, "offset": offset,
                           "length": min(length, limit - offset)})
    return sorted(result, key=lambda e: (e["offset"], -e["length"]))


def format_text(
    text: str | None,
    parse_mode: str | None,
    entities: Any = None,
    *,
    caption: bool = False,
) -> tuple[str, list[dict[str, Any]]]:
    """Turn a method's text parameters into what Telegram would store, enforcing its limits.

    Markdown parse modes are accepted but not parsed (the text is kept as sent), so only
    the HTML mode is checked as strictly as Telegram does.
    """
    text = text or ""
    mode = (parse_mode or "").strip().lower()
    if mode == "html":
        text, parsed = parse_html(text)
    elif mode in ("", "markdown", "markdownv2"):
        parsed = _validate_entities(entities, text) if entities is not None and not mode else []
    else:
        raise bad_request("unsupported parse_mode")
    text, parsed = _strip(text, parsed)
    limit = MAX_CAPTION_LENGTH if caption else MAX_TEXT_LENGTH
    if not caption and not text:
        raise bad_request("message text is empty")
    if utf16_len(text) > limit:
        raise bad_request("message caption is too long" if caption else "message is too long")
    return text, parsed


def detect_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram adds by itself to what a user types (commands and links)."""
    found = []
    for pattern, kind in ((_BOT_COMMAND, "bot_command"), (_URL, "url")):
        for match in pattern.finditer(text):
            found.append({
                "type": kind,
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group(0)),
            })
    return sorted(found, key=lambda e: (e["offset"], -e["length"]))


def _safe_url(url: str) -> str | None:
    candidate = url.strip()
    return candidate if candidate.lower().startswith(_SAFE_URL_SCHEMES) else None


_ENTITY_TAGS = {
    "bold": ("<b>", "</b>"),
    "italic": ("<i>", "</i>"),
    "underline": ("<u>", "</u>"),
    "strikethrough": ("<s>", "</s>"),
    "spoiler": ('<span class="tg-spoiler">', "</span>"),
    "code": ("<code>", "</code>"),
    "blockquote": ("<blockquote>", "</blockquote>"),
    "expandable_blockquote": ('<blockquote class="expandable">', "</blockquote>"),
}


def _open_tag(entity: dict[str, Any], text_of: str) -> tuple[str, str]:
    kind = entity.get("type")
    if kind in _ENTITY_TAGS:
        return _ENTITY_TAGS[kind]
    if kind == "pre":
        language = html.escape(str(entity.get("language", "")), quote=True)
        return f'<pre data-language="{language}">', "</pre>"
    if kind in ("text_link", "url"):
        url = _safe_url(str(entity.get("url", text_of)))
        if url is None:
            return "", ""
        href = html.escape(url, quote=True)
        return f'<a href="{href}" target="_blank" rel="noopener noreferrer">', "</a>"
    if kind == "bot_command":
        command = html.escape(text_of, quote=True)
        return f'<span class="tg-command" data-command="{command}">', "</span>"
    return "", ""


def render_html(text: str, entities: list[dict[str, Any]] | None) -> str:
    """Render text and entities as HTML that is safe to put in a page.

    Everything is escaped; only tags produced here from known entity types appear, so a
    message can never inject markup into the chat page.
    """
    encoded = text.encode("utf-16-le")
    total = len(encoded) // 2
    spans = sorted(
        (
            (int(e["offset"]), int(e["offset"]) + int(e["length"]), e)
            for e in entities or []
            if int(e.get("length", 0)) > 0 and 0 <= int(e.get("offset", -1)) < total
        ),
        key=lambda s: (s[0], -s[1]),
    )
    boundaries = sorted({0, total, *(s[0] for s in spans), *(min(s[1], total) for s in spans)})
    out: list[str] = []
    stack: list[tuple[int, str, str]] = []  # (end, open tag, close tag)
    next_span = 0
    position = 0
    for boundary in boundaries:
        out.append(html.escape(_utf16_slice(encoded, position, boundary), quote=False))
        position = boundary
        if any(end <= boundary for end, _, _ in stack):
            reopen = []
            while any(end <= boundary for end, _, _ in stack):
                frame = stack.pop()
                out.append(frame[2])
                if frame[0] > boundary:
                    reopen.append(frame)
            for frame in reversed(reopen):
                out.append(frame[1])
                stack.append(frame)
        while next_span < len(spans) and spans[next_span][0] == boundary:
            start, end, entity = spans[next_span]
            next_span += 1
            opening, closing = _open_tag(entity, _utf16_slice(encoded, start, end))
            out.append(opening)
            stack.append((min(end, total), opening, closing))
    while stack:
        out.append(stack.pop()[2])
    return "".join(out)
