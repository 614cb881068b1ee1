"""``salesbot run``: the Telegram front end."""

from __future__ import annotations

import sys

from bot.config import Settings


def run_command(settings: Settings) -> int:
    # The Telegram front end and its local emulator are tracked in their own issue; until
    # they land, say so plainly instead of pretending to run.
    del settings
    print("salesbot: the Telegram front end is not part of this version yet. "
          "Try `salesbot play first-visit-cleaning` in the terminal.", file=sys.stderr)
    return 2
