"""``python -m bot.emulator``: run the emulator on its own and print how to connect."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging

from bot.emulator.server import Emulator


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bot.emulator",
        description="Local Telegram Bot API emulator with a browser chat page.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--bot-username", default="salesbot_local_bot")
    parser.add_argument("--bot-name", default="SalesBot (local)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    async def run() -> None:
        emulator = Emulator(
            args.host, args.port, bot_username=args.bot_username, bot_first_name=args.bot_name
        )
        await emulator.start()
        print(f"Chat page:      {emulator.page_url}")
        print(f"Bot API base:   {emulator.base_url}")
        print(f"File base:      {emulator.base_file_url}")
        print("Any bot token is accepted. Press Ctrl+C to stop.")
        await emulator.serve_forever()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())


if __name__ == "__main__":
    main()
