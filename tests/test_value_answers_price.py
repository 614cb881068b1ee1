"""A price objection is answered by value, as a person hears it.

- "We can also do the reception desk after hours" to "you'll be more expensive than
  Blinkend Schoon" is a benefit on one of her needs, but it says nothing about the price:
  she notes it and keeps her concern ("the price is still the price"), the card does not
  tick the answer step, and the concern stays open.
- The same benefit put as value ("you stop losing that hour a week, which is worth more
  than the difference") answers it.
- "Wat je nu kwijt bent aan storingen verdien je snel terug" ties the offer to his own
  problem and to money earned back, in words the need itself does not list: the answer
  step is credited, typed with slips too; a question about what the stops cost argues
  nothing.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult, load_library
from tests.engine_calls import call

CLEANING = "first-visit-cleaning"
# up to her price objection, which she raises after a first solution
CLEANING_OPENING = {
    "en": ["Good morning, I'm Sanne Pietersen from SchoonWerk. Could you tell me a little "
           "about the office and your role?",
           "I'd like to hear how the cleaning goes now and what you'd want differently, and "
           "then see what a next step could be. All right?",
           "What would you like to be different about the cleaning?",
           "And what does that lead to for you and the partners?",
           "Then I'd suggest one fixed, screened team that comes after office hours, so no "
           "client is disturbed. Would that suit you?",
           "I can see that. What exactly are you comparing our price with?"],
    "nl": ["Goedemorgen, ik ben Sanne Pietersen van SchoonWerk. Kunt u iets vertellen over "
           "het kantoor en uw rol?",
           "Ik wil graag horen hoe de schoonmaak nu gaat en wat u anders zou willen, en dan "
           "kijken wat een volgende stap kan zijn. Goed?",
           "Wat zou u anders willen aan de schoonmaak?",
           "En waar leidt dat toe, voor u en de partners?",
           "Dan stel ik één vast, gescreend team voor dat na kantoortijd komt, zodat geen "
           "cliënt gestoord wordt. Zou dat passen?",
           "Dat snap ik. Waar vergelijkt u onze prijs precies mee?"],
}
# a benefit on her needs (after hours) that says nothing about money
BESIDE_THE_PRICE = {
    "en": "We can also take the reception desk along after hours, so your visitors always "
          "walk into a tidy office.",
    "nl": "We kunnen ook de receptie na kantoortijd meenemen, dan lopen uw bezoekers altijd "
          "een opgeruimd kantoor binnen.",
}
# the same needs, put as what they are worth
AS_VALUE = {
    "en": "With one fixed team after hours you no longer spend an hour every week chasing "
          "them, and that alone is worth more than the difference per month.",
    "nl": "Met één vast team na kantoortijd bent u niet meer elke week een uur kwijt aan "
          "achter ze aan zitten, en dat alleen is al meer waard dan het verschil per maand.",
}


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_benefit_beside_the_price_leaves_it_open(library: LoadResult, lang: str) -> None:
    _, state, replies = call(library, CLEANING, lang,
                             [*CLEANING_OPENING[lang], BESIDE_THE_PRICE[lang]])
    price = state.objections["price"]
    assert price.raised_turn is not None, replies
    assert not price.handled and not price.steps["respond"], replies[-1]
    assert state.pending_objection == "price"
    assert ("price" if lang == "en" else "prijs") in replies[-1].lower(), replies[-1]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_same_benefit_as_value_answers_it(library: LoadResult, lang: str) -> None:
    _, state, replies = call(library, CLEANING, lang,
                             [*CLEANING_OPENING[lang], BESIDE_THE_PRICE[lang], AS_VALUE[lang]])
    price = state.objections["price"]
    assert price.handled and price.steps["respond"], replies[-2:]


DRILL = "drill-objection-price"
UNDERSTAND = {"nl": "Dat begrijp ik, veertien procent is geen klein verschil.",
              "en": "I get that, fourteen percent is no small gap."}
EARNED_BACK = {
    "nl": ["Wat je nu kwijt bent aan storingen verdien je het snel terug.",
           "wat u nu kwijt bent aan storingn verdient u zo terug",
           "Die stilstand kost u nu al meer dan die veertien procent, dat haalt u er dubbel "
           "uit."],
    "en": ["What you lose on downtime now, you earn back fast.",
           "those tears already cost u more than the 14%, u win it back in a few months",
           "Every stoppage already costs you more than that fourteen percent, so it pays "
           "for itself."],
}


@pytest.mark.parametrize("lang,line", [(lang, line) for lang, lines in EARNED_BACK.items()
                                       for line in lines])
def test_money_earned_back_on_his_problem_answers_it(library: LoadResult, lang: str,
                                                      line: str) -> None:
    _, state, replies = call(library, DRILL, lang, [UNDERSTAND[lang], line])
    price = state.objections["price"]
    assert price.steps["respond"], replies
    assert "respond" in state.objectives, replies
    assert price.handled, replies


@pytest.mark.parametrize("lang,line", [
    ("nl", "Wat kost een storing op de inpaklijn u nu eigenlijk?"),
    ("en", "What does the downtime cost you now, roughly?")])
def test_asking_what_his_problem_costs_argues_nothing(library: LoadResult, lang: str,
                                                      line: str) -> None:
    _, state, replies = call(library, DRILL, lang, [UNDERSTAND[lang], line])
    assert not state.objections["price"].steps["respond"], replies


CATERING = "closing-catering-followup"
# up to Vers & Co's fifty cents, which comes up with the price
CATERING_OPENING = {
    "nl": ["Hoi Marco, fijn om weer even bij te praten!",
           "Vandaag wil ik graag je feedback op het voorstel horen en kijken wat we moeten "
           "aanpassen. Goed?",
           "Wat vond je van het voorstel?",
           "En hoe zit het met de prijs per lunch, hoe kijk je daarnaar?"],
    "en": ["Hi Marco, good to catch up again!",
           "Today I'd like to hear your feedback on the proposal and see what we should "
           "adjust. OK?",
           "What did you think of the proposal?",
           "And how about the price per lunch, how do you see it?"],
}
# her point granted in her own words ("per year"), then a question that offers nothing
GRANTED = {"nl": "Snap ik, vijftig cent is per jaar best een bedrag. Vergelijk je dan alleen "
                 "de prijs per lunch?",
           "en": "I get that, fifty cents adds up over the year. Are you only comparing the "
                 "price per lunch?"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_granting_her_point_before_a_question_answers_nothing(library: LoadResult,
                                                              lang: str) -> None:
    _, state, replies = call(library, CATERING, lang, [*CATERING_OPENING[lang], GRANTED[lang]])
    concern = state.objections["cheaper_competitor"]
    assert concern.raised_turn is not None, replies
    assert concern.steps["acknowledge"] and concern.steps["clarify"], replies[-1]
    assert not concern.steps["respond"] and not concern.handled, replies[-1]


PRINTING = "spin-printing-urgency"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_understanding_and_a_benefit_beside_the_budget_leave_it_open(library: LoadResult,
                                                                     lang: str) -> None:
    # her budget is the concern: trucks on time is a benefit, but no answer to money
    _, state, replies = call(library, PRINTING, lang, PRINTING_CALL[lang])
    concern = state.objections["not_budgeted"]
    assert concern.raised_turn is not None, replies
    assert concern.steps["acknowledge"] and not concern.steps["respond"], replies[-1]
    assert not concern.handled
    assert ("price" if lang == "en" else "prijs") in replies[-1].lower(), replies[-1]


PRINTING_CALL = {
    "en": ["Hi Ingrid, I'm Lisa from PrintWise, we lease label and office printers. Could you "
           "tell me a bit about your role?",
           "Today I'd like to understand how printing goes in the warehouse now, and see if "
           "there's a fit. OK?",
           "What problems do you run into with the label printers?",
           "What does that lead to when trucks leave late?",
           "What does that cost you, roughly?",
           "We could replace the printers with a lease contract including a four-hour repair "
           "service, so the jams in the peak are gone. Would that fit?",
           "I understand. With the four-hour repair service your trucks leave on time in the "
           "peak."],
    "nl": ["Hoi Ingrid, ik ben Lisa van PrintWise, wij leasen label- en kantoorprinters. Kun "
           "je iets vertellen over je rol?",
           "Vandaag wil ik graag begrijpen hoe het printen in het magazijn nu gaat, en kijken "
           "of er een match is. Goed?",
           "Tegen welke problemen loop je aan met de labelprinters?",
           "Waar leidt dat toe als vrachtwagens te laat vertrekken?",
           "Wat kost dat jullie ongeveer?",
           "We kunnen de printers vervangen met een leasecontract inclusief reparatie binnen "
           "vier uur, zodat de storingen in de piek weg zijn. Past dat?",
           "Snap ik. Met de reparatie binnen vier uur vertrekken je vrachtwagens in de piek op "
           "tijd."],
}
