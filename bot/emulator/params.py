"""Bot API request parameters, however the client chose to send them.

Telegram accepts the query string, a JSON body, a url-encoded form or multipart form data.
In the form encodings every non-string value arrives JSON-encoded (that is what
python-telegram-bot does), so typed accessors decode on demand instead of guessing up front.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.emulator.errors import ApiError, bad_request


@dataclass(frozen=True)
class Upload:
    """A file sent in a multipart part."""

    data: bytes
    filename: str | None
    content_type: str | None


class Params:
    """Typed, Telegram-like access to one request's parameters."""

    def __init__(self, values: dict[str, Any], uploads: dict[str, Upload] | None = None) -> None:
        self.values = values
        self.uploads = uploads or {}

    @classmethod
    async def from_request(cls, request: web.Request) -> Params:
        values: dict[str, Any] = dict(request.query)
        uploads: dict[str, Upload] = {}
        if request.can_read_body:
            try:
                if request.content_type == "application/json":
                    try:
                        body = await request.json()
                    except ValueError as exc:
                        raise bad_request("can't parse JSON request body") from exc
                    if not isinstance(body, dict):
                        raise bad_request("JSON request body must be an object")
                    values.update(body)
                else:
                    form = await request.post()
                    for key, value in form.items():
                        if isinstance(value, web.FileField):
                            uploads[key] = Upload(
                                value.file.read(), value.filename, value.content_type
                            )
                        else:
                            values[key] = value
            except web.HTTPRequestEntityTooLarge as exc:
                raise ApiError(413, "Request Entity Too Large") from exc
        return cls(values, uploads)

    def has(self, name: str) -> bool:
        return self.values.get(name) is not None or name in self.uploads

    def get_str(self, name: str) -> str | None:
        value = self.values.get(name)
        if value is None:
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def get_int(self, name: str) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise bad_request(f"invalid {name} specified")
        try:
            return int(value)
        except (TypeError, ValueError) as exc:
            raise bad_request(f"invalid {name} specified") from exc

    def get_float(self, name: str) -> float | None:
        value = self.values.get(name)
        if value is None or value == "":
            return None
        try:
            return float(value)
        except (TypeError, ValueError) as exc:
            raise bad_request(f"invalid {name} specified") from exc

    def get_bool(self, name: str, default: bool = False) -> bool:
        value = self.values.get(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in ("true", "1")

    def get_json(self, name: str, error: str | None = None) -> Any:
        """Decode an object/array parameter that form encodings send as a JSON string."""
        value = self.values.get(name)
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except ValueError as exc:
            raise bad_request(error or f"can't parse {name} JSON object") from exc

    def get_file(self, name: str) -> Upload | str | None:
        """An uploaded file, or the file_id/URL string given instead (``attach://`` resolved)."""
        if name in self.uploads:
            return self.uploads[name]
        value = self.get_str(name)
        if value and value.startswith("attach://"):
            attached = self.uploads.get(value.removeprefix("attach://"))
            if attached is None:
                raise bad_request(f"can't find attached file {value.removeprefix('attach://')}")
            return attached
        return value or None

    def loggable(self) -> dict[str, Any]:
        """Parameters for the call log, with uploads summarised instead of copied."""
        logged = dict(self.values)
        for key, upload in self.uploads.items():
            logged[key] = f"<upload {upload.filename or 'file'}: {len(upload.data)} bytes>"
        return logged
