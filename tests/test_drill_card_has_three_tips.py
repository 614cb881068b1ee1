"""A drill card holds at least three tips, also after a false start that a later message
made good.

A joke first, then an agenda that names every part of the external objective: the card
says the first message missed, praises the second, and says which message to lead with
next time. Before, it held two tips, below the three every card promises.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import script_report


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Wat een mooie showroom zeg! Rijdt u zelf ook in zo'n cabrio? Haha.",
            "Maar goed, ter zake: ik stel voor dat we eerst kennismaken, ik vertel over"
            " Bonenburg en u over Van der Meer. Daarna hoor ik graag hoe de koffie nu geregeld"
            " is en wat u belangrijk vindt. Als het past laat ik een eerste idee zien, en tot"
            " slot spreken we een vervolgafspraak af. Dan weet u waar u aan toe bent."]),
    ("en", ["What a lovely showroom! Do you drive one of those convertibles yourself? Haha.",
            "Anyway, to business: I suggest we first get to know each other, I'll tell you"
            " about Bonenburg and you about Van der Meer. Then I'd love to hear how coffee is"
            " arranged now and what matters to you. If it fits I'll show a first idea, and"
            " finally we agree on a follow-up meeting. Then you know what to expect."]),
])
def test_a_false_start_made_good_still_gets_three_tips(library: Library, lang: str,
                                                       lines: list[str]) -> None:
    report = script_report(library, "drill-external-objective", lang, lines)
    assert all(report["objectives"]["external"].values()), report["objectives"]
    assert 3 <= len(report["feedback"]) <= 5, report["feedback"]
