"""A wake-everyone notification for long polls inside one asyncio loop."""

from __future__ import annotations

import asyncio


class Signal:
    """Lets any number of waiters sleep until something changes, without polling.

    ``fire`` swaps in a fresh event, so a waiter that grabbed the old one is woken exactly once
    and a waiter that starts after the change waits for the next one.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait(self, timeout: float) -> bool:
        """Wait for the next ``fire``; ``False`` if ``timeout`` seconds passed first."""
        if timeout <= 0:
            return False
        event = self._event
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except TimeoutError:
            return False
        return True
