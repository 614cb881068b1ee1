"""What the buyer says back when a student asks something she can answer (round 14).

- "zit u hier al lang?" is small talk about her: she says how long, not "Ha, ja.";
- "what does it mean for you when clients are there?" after she already told the story
  asks what it costs her: she recaps it, not her list of wishes;
- "anything you would change?" is closed in form, but its yes is the thing itself: she
  names her points, not "a few little things";
- a recap that opens with a two-word name keeps its capital ("Bakkerij Kok").

The cases vary scenario, language and wording, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


def _last(library: Library, scenario: str, lang: str, lines: list[str]) -> str:
    return call(library, scenario, lang, lines)[2][-1]


@pytest.mark.parametrize(("scenario", "lang", "lines", "expected"), [
    ("first-visit-cleaning", "nl",
     ["Goedemiddag mevrouw De Groot, ik ben Jesse van SchoonWerk. Leuk dat ik langs mag komen!",
      "Mooi kantoor trouwens, zit u hier al lang?"], "zeven jaar"),
    ("first-visit-cleaning", "en",
     ["Good afternoon Mrs de Groot, I'm Jesse from CleanWork. Nice to meet you!",
      "Lovely office by the way, have you been here long?"], "seven years"),
    ("closing-catering-followup", "nl",
     ["Hoi Marco, goed je weer te zien!", "Mooi gebouw, werk je hier al lang?"], "twintig jaar"),
    ("spin-printing-urgency", "en",
     ["Hi, I'm Sam from Printwise.", "Nice place, have you worked here long?"], "twelve years"),
    ("objection-software-renewal", "nl",
     ["Goedemorgen Gerard, fijn u weer te zien.", "Bent u hier al lang, trouwens?"], "elf jaar"),
])
def test_how_long_she_has_worked_there_is_answered(library: Library, scenario: str, lang: str,
                                                   lines: list[str], expected: str) -> None:
    assert expected in _last(library, scenario, lang, lines).lower()
