"""python-telegram-bot's HTTP layer on aiohttp instead of httpx.

PTB lets a bot bring its own ``BaseRequest``. We do because measuring showed httpcore's
connection pool costing about a third of the bot's CPU under load: it probes every pooled
socket on every request. aiohttp (already used by the emulator) keeps a simple keep-alive
pool, and the bot then serves several times more learners on one core. Behaviour follows
PTB's own HTTPXRequest (multipart for files, timeouts mapped to ``TimedOut`` and other
transport errors to ``NetworkError``) and its wire format: url-encoded forms whose
non-string values are JSON-encoded, multipart when there are files. A plain form is
encoded here in one call: aiohttp's ``FormData`` machinery for it was a tenth of the bot's
CPU per message.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

DEFAULT_TIMEOUTS = {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 1.0}
MEDIA_WRITE_TIMEOUT = 20.0
FORM_HEADERS = {"Content-Type": "application/x-www-form-urlencoded"}
# aiohttp puts the request URL, and so the token, into many of its errors' texts.
_TOKEN_IN_URL = re.compile(r"(/bot)\d+:[A-Za-z0-9_-]+")


def _value(given: Any, default: float | None) -> float | None:
    return default if isinstance(given, type(BaseRequest.DEFAULT_NONE)) else given


class AiohttpRequest(BaseRequest):
    def __init__(self, connection_pool_size: int = 16, read_timeout: float | None = 5.0) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = (request_data.multipart_data if request_data else None) or None
        read = _value(read_timeout, self._read_timeout)
        write = _value(write_timeout, MEDIA_WRITE_TIMEOUT if files
                       else DEFAULT_TIMEOUTS["write"])
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=_value(pool_timeout, DEFAULT_TIMEOUTS["pool"]),
            sock_connect=_value(connect_timeout, DEFAULT_TIMEOUTS["connect"]),
            sock_read=read if files is None else max(read or 0.0, write or 0.0) or None,
        )
        data = _body(request_data, files)
        headers = FORM_HEADERS if isinstance(data, bytes) else None
        try:
            async with self._session.request(method, url, data=data, headers=headers,
                                             timeout=timeout) as res:
                return res.status, await res.read()
        except (TimeoutError, aiohttp.ServerTimeoutError) as err:
            raise TimedOut from err
        except aiohttp.ClientError as err:
            text = _TOKEN_IN_URL.sub(r"\1<token>", str(err))
            raise NetworkError(f"aiohttp.{err.__class__.__name__}: {text}") from err


def _body(request_data: RequestData | None, files: dict[str, Any] | None) -> Any:
    if request_data is None:
        return None
    params = request_data.json_parameters
    if not files:
        return urlencode(params).encode() if params else None
    form = aiohttp.FormData()
    for name, value in params.items():
        form.add_field(name, value)
    for name, field in files.items():
        filename, content, *rest = field
        form.add_field(name, content, filename=filename,
                       content_type=rest[0] if rest else "application/octet-stream")
    return form
