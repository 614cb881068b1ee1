"""Which concern is about money reads the same in both languages, and a concern's own
answer in words the scenario had not listed ("we draaien eerst naast Loonhuis") answers it.

"Nu het geld. ... bij Loonhuis betalen we €7,80" is a price concern as much as "Now the
money. ... at Loonhuis we pay €7.80": a reminder names it as the price, money offered for
it gets "even cheaper, why you?" rather than "the price was never my point", and an answer
to it must speak of value (tests/test_value_answers_price.py)."""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.context import ScenarioContext
from bot.engine.objections import about_price
from bot.scenario.library import LoadResult, load_library
from tests.engine_calls import call


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


def test_a_money_concern_is_one_in_every_language(library: LoadResult) -> None:
    money = set()
    for sid, scenario in library.scenarios.items():
        cs = CompiledScenario(scenario)
        ctx = ScenarioContext(cs)
        for objection in scenario.objections:
            read = {lang: about_price(ctx, cs.language(lang), objection.id)
                    for lang in scenario.languages}
            assert len(set(read.values())) == 1, (sid, objection.id, read)
            if next(iter(read.values())):
                money.add((sid, objection.id))
    assert ("objection-software-renewal", "price") in money
    assert ("spin-printing-urgency", "not_budgeted") in money
    assert ("objection-software-renewal", "happy_current") not in money


RENEWAL = {
    "nl": ["Goedemorgen Gerard, fijn u weer te zien.",
           "Vorige keer vertelde u over de urenbriefjes. Vandaag wil ik daar verder op ingaan "
           "en kijken wat een volgende stap is. Goed?",
           "Hoe gaat het nu met de urenbriefjes van de bouwplaatsen?",
           "Dat snap ik, negen jaar zegt veel. Wat zou er beter moeten voor u overstapt?",
           "Dan draaien we de eerste maanden naast Loonhuis, zodat u zeker weet dat elke "
           "loonstrook klopt. Zou dat helpen?"],
    "en": ["Morning Gerard, good to see you again.",
           "Last time you told me about the timesheets. Today I'd like to go further into "
           "that and see what a next step is. OK?",
           "How are the timesheets from the building sites going now?",
           "I get that, nine years says a lot. What would have to be better before you switch?",
           "Then we run alongside Loonhuis for the first months, so you know every payslip "
           "is right. Would that help?"],
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_running_alongside_the_current_package_answers_it(library: LoadResult,
                                                          lang: str) -> None:
    _, state, replies = call(library, "objection-software-renewal", lang, RENEWAL[lang])
    happy = state.objections["happy_current"]
    assert happy.raised_turn is not None, replies
    assert happy.handled and happy.steps["respond"], replies[-1]
