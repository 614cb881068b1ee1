"""Small talk that names a week or a day ("Did the rain hold off on your sites this
week?") asks after hers and plans nothing: no concern she keeps for a proposal ("I can't
decide that alone"), no "that appointment isn't agreed yet" after it, and the agenda that
follows is no answer to an objection."""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult, load_library
from tests.engine_calls import call

SID = "objection-software-renewal"
LINES = {
    "en": ["Good morning Gerard, good to see you again. Did the rain hold off on your sites "
           "this week?",
           "Last time we talked about the paper timesheets. Today I'd like to go a bit deeper "
           "into that, answer your questions about the price and see whether a demo makes "
           "sense.",
           "Roughly how many timesheets come in each week?"],
    "nl": ["Goedemorgen Gerard, fijn u weer te zien. Bleef het deze week een beetje droog op "
           "de bouwplaatsen?",
           "Vorige keer hadden we het over de papieren urenbriefjes. Vandaag wil ik daar wat "
           "dieper op ingaan, uw vragen over de prijs beantwoorden en kijken of een demo zin "
           "heeft.",
           "Hoeveel urenbriefjes komen er ongeveer per week binnen?"],
}


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_small_talk_about_her_week_raises_no_proposal_concern(library: LoadResult,
                                                               lang: str) -> None:
    _, state, replies = call(library, SID, lang, LINES[lang])
    scenario = library.scenarios[SID]
    for objection in scenario.objections:
        if objection.raise_when.after == "next_step":
            assert state.objections[objection.id].raised_turn is None, replies[0]
    assert state.closing["attempted"] is False
    for reply in replies:
        assert "appointment" not in reply and "afspraak" not in reply, reply
