"""The buyer does not refer to things that were never said.

Two stock reactions presumed a history: "Then your first price wasn't a serious one" to
a discount where no price had been named (the cleaning visit), and "How exactly does that
fit what I just told you?" to a pitch on a follow-up visit before the buyer had told
anything in this call.
"""

from __future__ import annotations

import pytest

from tests.engine_calls import compiled_library, play

PRESUMED = ("first price", "eerste prijs", "just told you", "net vertelde")


@pytest.fixture(scope="module")
def library():
    return compiled_library()


@pytest.mark.parametrize("lang,lines", [
    ("nl", ["Goedemorgen mevrouw De Groot, ik ben Sanne van SchoonWerk.",
            "Hoe bevalt de huidige schoonmaak?",
            "Wij werken met vaste teams die na 18:00 komen, en u krijgt één vaste "
            "contactpersoon. Hoe klinkt dat?",
            "Als u vóór januari tekent, krijgt u 10 procent korting."]),
    ("en", ["Good morning Mrs De Groot, I'm Sanne from SchoonWerk.",
            "How happy are you with the cleaning now?",
            "We work with fixed teams that come after 6 pm, and you get one contact person. "
            "How does that sound?",
            "If you sign before January, you get 10 percent off."]),
])
def test_a_discount_where_no_price_was_named_presumes_none(library, lang, lines) -> None:
    report = play(library, "first-visit-cleaning", lang, lines)
    assert "duurder" in report["turns"][-2]["buyer"] or "expensive" in report["turns"][-2]["buyer"]
    assert "discount" in report["turns"][-1]["details"]["moves"]
    reply = report["turns"][-1]["buyer"].lower()
    assert not any(p in reply for p in PRESUMED), reply


@pytest.mark.parametrize("lang,lines", [
    ("en", ["Hi Marco, good to see you again.",
            "Our chefs cook everything fresh on site, no reheated trays like other caterers.",
            "And since this year we're fully CO2-neutral, which looks great for your firm."]),
    ("nl", ["Hoi Marco, goed je weer te zien.",
            "Onze koks koken alles vers op locatie, geen opgewarmde bakken zoals anderen.",
            "En sinds dit jaar zijn we volledig CO2-neutraal, dat staat goed voor jullie."]),
])
def test_a_pitch_before_he_told_anything_is_not_held_against_what_he_told(
        library, lang, lines) -> None:
    report = play(library, "closing-catering-followup", lang, lines)
    replies = " ".join(t["buyer"] for t in report["turns"][1:]).lower()
    assert not any(p in replies for p in PRESUMED), replies
