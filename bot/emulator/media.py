"""Stored files: what the bot uploads and what emulated users send, addressable by file_id.

Telegram hands out opaque file_ids and serves bytes under ``/file/bot<token>/<file_path>``;
the emulator keeps the bytes in memory (bounded) so the page can show them and tests can
fetch them back.
"""

from __future__ import annotations

import mimetypes
import secrets
import struct
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # getFile refuses bigger files, as Telegram does
_EXTENSIONS = {"photos": ".jpg", "voice": ".oga", "stickers": ".webp", "documents": ""}


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str  # folder name in file_path: photos, documents, voice, stickers
    data: bytes | None  # None for files only known by URL
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    url: str | None = None
    width: int = 0
    height: int = 0

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0

    def photo_size(self) -> dict[str, Any]:
        return self._base() | {"width": self.width, "height": self.height}

    def document(self) -> dict[str, Any]:
        result = self._base()
        if self.file_name:
            result["file_name"] = self.file_name
        if self.mime_type:
            result["mime_type"] = self.mime_type
        return result

    def telegram_file(self) -> dict[str, Any]:
        return self._base() | {"file_path": self.file_path}

    def _base(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
        }
        if self.data is not None:
            result["file_size"] = self.size
        return result


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF, JPEG or WebP image; None when it is not one.

    Telegram rejects photos it cannot decode, so the emulator needs to recognise real images.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP" and len(data) >= 30:
        chunk = data[12:16]
        if chunk == b"VP8X":
            width = int.from_bytes(data[24:27], "little") + 1
            height = int.from_bytes(data[27:30], "little") + 1
            return width, height
        if chunk == b"VP8 ":
            width, height = struct.unpack("<HH", data[26:30])
            return width & 0x3FFF, height & 0x3FFF
        if chunk == b"VP8L" and len(data) >= 25:
            bits = int.from_bytes(data[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0xFF:
            index += 1
            continue
        length = struct.unpack(">H", data[index + 2 : index + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return width, height
        index += 2 + length
    return None


def tiny_png(width: int = 1, height: int = 1, rgb: tuple[int, int, int] = (255, 204, 0)) -> bytes:
    """A valid solid-colour PNG, for placeholder stickers and for tests."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


class FileStore:
    """All files by file_id and by file_path, evicting the oldest beyond its bounds."""

    def __init__(self, max_files: int = 500, max_bytes: int = 256 * 1024 * 1024) -> None:
        self.max_files = max_files
        self.max_bytes = max_bytes
        self._files: OrderedDict[str, StoredFile] = OrderedDict()
        self._by_path: dict[str, str] = {}
        self._bytes = 0
        self._counter = 0

    def add(
        self,
        data: bytes,
        *,
        kind: str,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> StoredFile:
        if mime_type in (None, "", "application/octet-stream") and file_name:
            mime_type = mimetypes.guess_type(file_name)[0] or mime_type
        size = image_size(data) if kind in ("photos", "stickers") else None
        stored = self._new(kind, data=data, file_name=file_name, mime_type=mime_type)
        if size:
            stored.width, stored.height = size
        self._bytes += len(data)
        self._evict()
        return stored

    def add_url(self, url: str, *, kind: str) -> StoredFile:
        stored = self._new(kind, data=None, url=url, file_name=url.rsplit("/", 1)[-1] or None)
        self._evict()
        return stored

    def get(self, file_id: str) -> StoredFile | None:
        return self._files.get(file_id)

    def by_path(self, file_path: str) -> StoredFile | None:
        file_id = self._by_path.get(file_path)
        return self._files.get(file_id) if file_id else None

    def clear(self) -> None:
        self._files.clear()
        self._by_path.clear()
        self._bytes = 0

    def _new(self, kind: str, **fields: Any) -> StoredFile:
        self._counter += 1
        extension = _EXTENSIONS.get(kind, "")
        name = fields.get("file_name") or ""
        if kind == "documents" and "." in name:
            extension = "." + name.rsplit(".", 1)[-1][:10]
        stored = StoredFile(
            file_id=f"EMU{kind[0].upper()}{secrets.token_urlsafe(24)}",
            file_unique_id=secrets.token_urlsafe(9),
            kind=kind,
            file_path=f"{kind}/file_{self._counter}{extension}",
            **fields,
        )
        self._files[stored.file_id] = stored
        self._by_path[stored.file_path] = stored.file_id
        return stored

    def _evict(self) -> None:
        while self._files and (len(self._files) > self.max_files or self._bytes > self.max_bytes):
            _, oldest = self._files.popitem(last=False)
            self._by_path.pop(oldest.file_path, None)
            self._bytes -= oldest.size
