"""A local Telegram Bot API emulator: run the bot without a token and test it end to end.

Point python-telegram-bot at ``Emulator.base_url``/``base_file_url`` and talk to the bot
from the browser page at ``Emulator.page_url`` or from Python via ``Emulator.user``.
"""

from bot.emulator.errors import ApiError
from bot.emulator.faults import Fault
from bot.emulator.media import tiny_png
from bot.emulator.server import Emulator, create_app
from bot.emulator.state import ApiCall, EmulatorState, UserActionError
from bot.emulator.user import EmulatedUser

__all__ = [
    "ApiCall",
    "ApiError",
    "EmulatedUser",
    "Emulator",
    "EmulatorState",
    "Fault",
    "UserActionError",
    "create_app",
    "tiny_png",
]
