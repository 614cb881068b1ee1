"""Points taken off the total are named on the card.

A learner saw sections of 88, 82, 63, 0 and 70 and a total of 58, with no word on the 8
points chat style had cost: a trainer cannot square such a card with the call. The
card now says what came off and why, in the terminal, on Telegram and in the JSON report.
"""

from __future__ import annotations

import pytest

from bot.terminal import interactive
from tests.engine_calls import compiled_library, play

CHATTY = [
    "hi mrs jansen, tom from printwise here",
    "how many label printers do u have",
    "and who fixes them when they break",
]
NEAT = [
    "Good morning Mrs Jansen, I'm Tom from Printwise.",
    "How many label printers do you have?",
    "And who fixes them when they break?",
]


@pytest.fixture(scope="module")
def library():
    return compiled_library()


def test_chat_style_is_named_as_the_reason_points_came_off(library) -> None:
    chatty = play(library, "spin-printing-urgency", "en", CHATTY)
    neat = play(library, "spin-printing-urgency", "en", NEAT)
    assert chatty["deduction"] > 0 and "register" in chatty["deduction_reasons"]
    assert "register" not in neat["deduction_reasons"]


def test_the_terminal_card_shows_the_points_off_with_their_reason(library) -> None:
    typed = iter(["/skip", *CHATTY, "/stop"])
    shown: list[str] = []
    interactive(library["spin-printing-urgency"], "en", 1, read=lambda _p: next(typed),
                write=shown.append)
    card = "\n".join(shown)
    assert "for: chat style towards a buyer" in card, card[-1500:]
