"""What a student meets in whole calls typed the way students type (round 21).

- Said once, heard: a seller who told her "we lease label printers, an engineer within four
  hours" is not asked later "do you do label printers too, or just office kit?" - a buyer
  who asks that was not listening.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


_PRINT_CALL = {
    "nl": ["hoi ingrid, ik ben Tom van printwise. druk hier he?",
           "hoeveel printers hebben jullie en wie doet het onderhoud nu?",
           "en hoe vaak valt er eentje uit?",
           "wat gebeurt er dan als een labelprinter stilstaat in de piek?",
           "{offer}",
           "wie beslist er eigenlijk over zoiets?",
           "wanneer loopt het contract met de storingsdienst af?",
           "hoeveel zendingen gaan er op een piekdag de deur uit?",
           "en wat kost een gemiste trailer jullie?"],
    "en": ["hi ingrid, tom from printwise. busy down there huh",
           "how many printers do you have and who maintains them?",
           "how often does one break down?",
           "what happens when a label printer stops in the peak?",
           "{offer}",
           "who decides on something like this?",
           "when does the contract with the repair firm end?",
           "how many parcels go out on a peak day?",
           "and what does a missed trailer cost you?"],
}


@pytest.mark.parametrize(("lang", "offer", "asked"), [
    ("nl", "Wij hebben labelprinters in lease met een monteur binnen 4 uur, dat lost het op toch",
     "ook labelprinters"),
    ("nl", "We leasen labelprinters, met monitoring op afstand.", "ook labelprinters"),
    ("en", "We lease label printers with an engineer on site within four hours.",
     "label printers too"),
])
def test_she_does_not_ask_about_what_the_seller_offered(library: Library, lang: str,
                                                         offer: str, asked: str) -> None:
    lines = [line.format(offer=offer) for line in _PRINT_CALL[lang]]
    _engine, _state, replies = call(library, "spin-printing-urgency", lang, lines)
    assert not any(asked in reply for reply in replies), replies


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_she_still_asks_when_the_seller_spoke_of_other_things(library: Library,
                                                              lang: str) -> None:
    """The signal itself still comes when nothing the seller said settles it."""
    offer = {"nl": "Wij doen ook het onderhoud van kopieerapparaten op kantoor.",
             "en": "We also service office copiers."}[lang]
    lines = [line.format(offer=offer) for line in _PRINT_CALL[lang]]
    _engine, _state, replies = call(library, "spin-printing-urgency", lang, lines)
    assert any(("ook labelprinters" if lang == "nl" else "label printers too") in reply
               for reply in replies), replies
