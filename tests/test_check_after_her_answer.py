"""A question about "that" right after the learner answered her concern checks the answer,
in whatever words ("does that make it easier to explain internally?"): she says whether
it settled her concern, instead of "I couldn't tell you", and does not bring up a new
concern in the breath of her yes."""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult, load_library
from tests.engine_calls import call

# the price drill: acknowledged and asked, then a benefit he takes
PRICE_ANSWERED = {
    "en": ["I understand, 14% is quite a lot. What do you pay per roll at the moment?",
           "Ok. Our film is stronger and pre-stretched, so you use less of it per pallet, and "
           "in the end the difference is smaller than it looks on paper."],
    "nl": ["Ik begrijp het, 14 procent is best veel. Wat betaalt u nu per rol?",
           "Oké. Onze folie is sterker en voorgerekt, dus u gebruikt er minder van per pallet, "
           "en uiteindelijk is het verschil kleiner dan het op papier lijkt."],
}
# the renewal call up to the turn Gerard accepts the parallel run (the brochure is due)
SWITCH_ANSWERED = {
    "en": ["Morning Gerard! Good to see you again. How was your weekend?",
           "Today I'd like to go deeper into the timesheets and, if it fits, plan a demo. OK?",
           "How do the hours get from the building sites to payroll at the moment?",
           "who types them in?",
           "How long does that take them every month?",
           "And if a correction is wrong, what happens then?",
           "I understand that switching feels risky after last time. What went wrong back "
           "then?",
           "Would it help if we ran your payroll in parallel for two months, so you only "
           "switch when the results match to the cent? Would that take away your worry?"],
    "nl": ["Goedemorgen Gerard, fijn u weer te zien. Hoe was uw weekend?",
           "Vandaag wil ik dieper ingaan op de urenbriefjes en, als het past, een demo "
           "plannen. Goed?",
           "Hoe komen de uren nu van de bouwplaats bij de salarisadministratie?",
           "wie typt ze over?",
           "Hoeveel tijd kost dat elke maand?",
           "En als een correctie fout is, wat gebeurt er dan?",
           "Ik begrijp dat overstappen spannend voelt na de vorige keer. Wat ging er toen mis?",
           "Zou het helpen als we twee maanden parallel draaien, zodat u pas overstapt als "
           "alles tot op de cent klopt? Neemt dat uw zorg weg?"],
}
NOT_KNOWN = ("couldn't tell you", "weet ik niet veel", "go on", "gaat u verder")
YES = ("yes", "ja")


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


@pytest.mark.parametrize(("lang", "check"), [
    ("en", "Does that make it easier to explain internally?"),
    ("en", "Is that something you could live with?"),
    ("nl", "Maakt dat het makkelijker om het intern uit te leggen?"),
    ("nl", "Ziet u dat ook zo?"),
])
def test_a_question_about_the_answer_is_her_check(library, lang, check):
    _engine, state, replies = call(library, "drill-objection-price", lang,
                                   [*PRICE_ANSWERED[lang], check])
    assert not any(p in replies[-1].lower() for p in NOT_KNOWN), replies[-1]
    assert replies[-1].lower().startswith(YES), replies[-1]
    assert state.objections["price"].steps["check"]


@pytest.mark.parametrize(("lang", "check"), [
    ("en", "Does that make it easier to explain internally?"),
    ("nl", "Maakt dat het makkelijker om het intern uit te leggen?"),
])
def test_the_same_question_before_any_answer_checks_nothing(library, lang, check):
    """Asked straight after his objection, before any answer, it is no check."""
    _engine, state, _replies = call(library, "drill-objection-price", lang, [check])
    assert not state.objections["price"].steps["check"]


@pytest.mark.parametrize(("lang", "check", "next_question"), [
    ("en", "Do you see it that way too?",
     "Which parts of the current way of working cost you the most time?"),
    ("nl", "Ziet u dat ook zo?",
     "Welke onderdelen van de huidige werkwijze kosten u de meeste tijd?"),
])
def test_her_yes_after_accepting_brings_no_new_concern(library, lang, check, next_question):
    """"Do you see it that way?" the turn after he accepted gets his yes, not "You know
    what, just send me the brochure"; the brochure comes with the next question."""
    _engine, state, replies = call(library, "objection-software-renewal", lang,
                                   [*SWITCH_ANSWERED[lang], check, next_question])
    accepted, yes, after = replies[-3:]
    assert state.objections["happy_current"].handled, accepted
    assert yes.lower().startswith(YES), yes
    assert "brochure" not in yes.lower()
    assert "brochure" in after.lower()
