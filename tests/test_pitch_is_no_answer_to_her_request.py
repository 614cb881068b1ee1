"""A pitch in reply to her brochure request ("Of course! But let me quickly tell you what
we do: a complete HR suite, ... all in one place") names her need in passing but answers
nobody: she does not take it as the answer, and the card ticks no "benefit tied to his
need" for it. A question for the e-mail address is no clarifying question either."""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult, load_library
from tests.engine_calls import call

SID = "drill-objection-brochure"
PITCH = {
    "en": "Of course! But let me quickly tell you what we do: PersoneelsPlein is a complete "
          "HR suite, payroll, onboarding, absence, performance reviews, all in one place.",
    "nl": "Natuurlijk! Maar laat me u even vertellen wat wij doen: PersoneelsPlein is een "
          "complete HR-suite, salaris, onboarding, verzuim, beoordelingen, alles op één plek.",
}
EMAIL = {"en": "I'll send the brochure today then. Which email address is best?",
         "nl": "Dan stuur ik de brochure vandaag. Welk mailadres is het handigst?"}


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_pitch_is_not_taken_as_the_answer(library: LoadResult, lang: str) -> None:
    _, state, replies = call(library, SID, lang, [PITCH[lang]])
    objection = library.scenarios[SID].objections[0]
    accepted = objection.accepted[lang] if isinstance(objection.accepted, dict) else []
    for text in [accepted] if isinstance(accepted, str) else accepted:
        assert text not in replies[0]
    assert not any(o.handled or o.steps["respond"] for o in state.objections.values())
    tied = [o.id for o in library.scenarios[SID].objectives.external
            if any(d.tied_to_need for d in o.detect)]
    assert tied and not set(tied) & set(state.objectives)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_asking_for_the_address_clarifies_nothing(library: LoadResult, lang: str) -> None:
    _, state, replies = call(library, SID, lang, [PITCH[lang], EMAIL[lang]])
    assert not any(o.steps["clarify"] for o in state.objections.values()), replies
