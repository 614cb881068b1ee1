"""The emulator on its own thread and event loop, for ``salesbot run`` without a token.

The bot then starts exactly as it does against Telegram (``run_polling`` with its
post_init, job queue, signal handling and shutdown), so the two modes cannot drift apart;
the emulator only stands in for the Bot API server at another address.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from bot.emulator.server import Emulator


@contextmanager
def emulator_in_background(host: str, port: int) -> Iterator[Emulator]:
    """A started emulator served from a daemon thread; stopped when the block ends.

    Falls back to a free port when ``port`` is taken, so a second bot on the same
    machine still starts.
    """
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="telegram-emulator", daemon=True)
    thread.start()

    async def start() -> Emulator:
        try:
            return await Emulator(host, port).start()
        except OSError:  # the configured port is taken: any free port will do
            return await Emulator(host, 0).start()

    try:
        emulator = asyncio.run_coroutine_threadsafe(start(), loop).result()
        try:
            yield emulator
        finally:
            asyncio.run_coroutine_threadsafe(emulator.stop(), loop).result(timeout=10)
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        if not thread.is_alive():
            loop.close()
