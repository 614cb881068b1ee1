"""A benefit that answers her concern ("if your people lose four hours a week less to
corrections, doesn't it pay for itself?") names no meeting: the buyer reacts to the
answer; a concern she keeps for a proposal ("I can't decide that alone") waits for one,
and the check that follows is not answered with "I won't make an appointment"."""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult, load_library
from tests.engine_calls import call

LINES = {
    "nl": [
        "Goedemorgen meneer Smits, fijn dat ik weer langs mag komen.",
        "Vandaag wil ik graag kort terugblikken op ons vorige gesprek, uw vragen over de "
        "prijsindicatie bespreken en als het past een demo plannen. Akkoord?",
        "Vorige keer vertelde u dat de urenbriefjes nog op papier gaan. Klopt dat nog steeds?",
        "Hoeveel tijd kost dat uw salarisadministratie per week?",
        "En wat gebeurt er als er een fout in zit?",
        "hoe tevreden bent u verder over jullie huidige pakket",
        "U zei net dat u de prijsindicatie gelezen had. Wat vond u ervan?",
        "Ik begrijp dat 9,40 per medewerker niet niks is. Waar vergelijkt u het mee?",
        "Maar als uw mensen vier uur per week minder kwijt zijn aan correcties, verdient het "
        "zich dan niet terug?",
        "Is daarmee uw zorg over de prijs weggenomen?",
    ],
    "en": [
        "Good morning Mr Smits, nice to be back.",
        "Today I'd like to look back briefly at our last conversation, discuss your questions "
        "about the price indication and, if it fits, plan a demo. OK?",
        "Last time you told me the timesheets are still on paper. Is that still the case?",
        "How much time does that cost your payroll administration per week?",
        "And what happens when there's a mistake in it?",
        "how satisfied are you otherwise with your current package",
        "You just said you had read the price indication. What did you think of it?",
        "I understand that 9.40 per employee is not nothing. What are you comparing it with?",
        "But if your people spend four hours a week less on corrections, doesn't it pay "
        "for itself?",
        "Has that taken away your concern about the price?",
    ],
}


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_benefit_gets_a_reaction_not_a_new_concern(library: LoadResult, lang: str) -> None:
    _, state, replies = call(library, "objection-software-renewal", lang, LINES[lang])
    scenario = library.scenarios["objection-software-renewal"]
    proposal_concerns = [o for o in scenario.objections if o.raise_when.after == "next_step"]
    assert proposal_concerns
    for objection in proposal_concerns:
        # raised by no line of this call: nobody proposed a meeting
        assert state.objections[objection.id].raised_turn is None
    for reply in replies[-2:]:
        assert "afspraak" not in reply.lower() and "appointment" not in reply.lower()

