"""The isolating question in the price drill gets the answer it asks for.

"Apart from the price, is there anything else holding you back?" asked after the buyer
told what he compares with got only "what a stop costs us, I've never worked out": no word
on whether the price is all. A buyer asked to isolate his concern says it is the price.
"""

from __future__ import annotations

import pytest

from tests.engine_calls import compiled_library, play


@pytest.fixture(scope="module")
def library():
    return compiled_library()


@pytest.mark.parametrize("lang,lines,said", [
    ("en", ["I understand, price matters. What are you comparing it with?",
            "OK. Apart from price, is there anything else holding you back?"], "the price"),
    ("nl", ["Ik begrijp het, de prijs telt. Waarmee vergelijkt u het?",
            "Oké. Is er afgezien van de prijs nog iets anders dat u tegenhoudt?"], "de prijs"),
])
def test_asked_whether_price_is_all_he_says_it_is(library, lang, lines, said) -> None:
    reply = play(library, "drill-objection-price", lang, lines)["turns"][-1]["buyer"]
    assert said in reply.lower(), reply
