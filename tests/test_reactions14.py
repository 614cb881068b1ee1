"""Round 15, reactions: how the buyer answers proposals, offers and questions while an
objection or a put-off is open (one answer to one question, no stock line that
contradicts what she just said)."""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.scenario.library import LoadResult, load_library
from tests.engine_calls import RENEWAL_PHONE_CALL


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


def _play(library: LoadResult, scenario: str, lang: str, lines: list[str]) -> list[str]:
    engine = Engine(CompiledScenario(library.scenarios[scenario]))
    state = engine.start(lang, seed=0)
    return [engine.turn(state, line).reply for line in lines]


# Gerard's renewal call up to "it pays for itself", then a demo proposal on the turn his
# brochure brush-off is due by the clock
RENEWAL_WARMING = RENEWAL_PHONE_CALL[:11]


def test_her_answer_to_a_proposal_brings_no_new_brush_off_in_the_same_breath(
        library: LoadResult) -> None:
    """"It has to be before mid-September; which date do you suggest? You know what, I
    have a site meeting at eleven, just send me the brochure" answers one proposal twice
    and takes back the first answer; the brochure waits."""
    replies = _play(library, "objection-software-renewal", "en",
                    [*RENEWAL_WARMING[:-1], "shall we plan a demo with Monique soon?"])
    assert "pays for itself" in replies[-2], replies[-2]
    assert "Which date" in replies[-1], replies[-1]
    assert "brochure" not in replies[-1], replies[-1]


def test_a_proposal_that_brings_in_her_decision_maker_gets_her_answer_not_a_stall(
        library: LoadResult) -> None:
    """Right after "it pays for itself", "a demo with Monique next Tuesday" already holds
    what her "I can't decide alone, Monique signs" would ask for: she agrees (and names
    who comes) instead of "let's first see how the year goes", and once agreed no
    "just send me the brochure" takes the yes back."""
    replies = _play(library, "objection-software-renewal", "en", [
        *RENEWAL_WARMING, "great, whats monique's email so i can send the invite?"])
    assert "invite Monique" in replies[-2], replies[-2]
    assert "how the year goes" not in replies[-2], replies[-2]
    assert "brochure" not in replies[-1], replies[-1]


@pytest.mark.parametrize(("lang", "offer"), [
    ("en", "I'll send you our brochure later."),
    ("nl", "Prima, ik stuur u de brochure en de prijslijst vandaag nog."),
])
def test_an_offer_to_send_material_asks_her_to_decide_nothing(
        library: LoadResult, lang: str, offer: str) -> None:
    """"I'll send you our brochure later" is no proposal to take to Monique: no "I can't
    decide that alone"; she lets it come. A call to plan still gets her concern."""
    opening = {"en": ["Good morning Mr Smits, good to see you again.",
                      "What's the biggest headache with payroll at the moment?"],
               "nl": ["Goedemorgen meneer Smits, goed u weer te zien.",
                      "Waar loopt u het meest tegenaan met de salarisverwerking?"]}[lang]
    call = {"en": "Can I call you next Tuesday at 10 to hear what you thought?",
            "nl": "Kan ik u volgende week dinsdag om 10 uur bellen om te horen wat u ervan vond?"}
    replies = _play(library, "objection-software-renewal", lang, [*opening, offer, call[lang]])
    assert "Monique" not in replies[2], replies[2]
    assert replies[2].strip(), replies
    assert "Monique" in replies[3], replies[3]


# Marco's follow-up up to his "Vers & Co is fifty cents below you" and his explanation
CATERING_FIFTY_CENTS = [
    "Hoi Marco, goed je weer te zien. Hoe gaat de verbouwing?",
    "Ik wil vandaag graag horen wat je van ons voorstel vond, of er nog dingen anders moeten, "
    "en dan de volgende stap afspreken. Is dat goed?",
    "wat vond je ervan?",
    "Wat bedoel je precies met duurder?",
    "Hoeveel vraagt Vers & Co dan per lunch?",
]


def test_an_answer_that_names_lunches_and_fridays_proposes_no_date(library: LoadResult) -> None:
    """"you pay per lunch taken, so no fixed costs when fewer people are in on Fridays.
    Does that take away your doubt?" names a weekday and a lunch, not a lunchtime on a
    Friday: it checks his concern, and he accepts (no "let me think it over" as if a
    date had been proposed)."""
    replies = _play(library, "closing-catering-followup", "nl", [
        *CATERING_FIFTY_CENTS,
        "Begrijp ik. Bij ons betaal je alleen per afgenomen lunch, dus geen vaste kosten als "
        "er op vrijdag minder mensen zijn. Neemt dat je twijfel weg?"])
    assert "op jaarbasis goedkoper" in replies[-1], replies[-1]
    assert "nadenken" not in replies[-1], replies[-1]


def test_a_trial_close_offering_a_choice_is_no_agenda(library: LoadResult) -> None:
    """"zou je dan meteen ... willen beginnen, of eerst met soep?" asks for the order in
    disguise; its "dan ... eerst" is no "first ..., then ..." agenda."""
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start("nl", seed=0)
    for line in CATERING_FIFTY_CENTS:
        engine.turn(state, line)
    result = engine.turn(state, "Stel dat we starten zodra de kantine klaar is: zou je dan "
                                "meteen met de saladebar willen beginnen, of eerst met soep?")
    assert result.record.act == "ask_order", result.record.act


@pytest.mark.parametrize(("scenario", "lang", "question", "fact"), [
    ("closing-catering-followup", "nl", "Wie moet er verder ja zeggen?", "dmu"),
    ("closing-catering-followup", "en", "Who needs to say yes to this?", "dmu"),
    ("spin-printing-urgency", "nl", "Wie moet er verder ja zeggen?", "dmu"),
    ("first-visit-cleaning", "nl", "Wie moet er verder ja zeggen?", "decision_makers"),
    ("first-visit-cleaning", "en", "Who needs to say yes to this?", "decision_makers"),
])
def test_who_has_to_say_yes_asks_who_decides(library: LoadResult, scenario: str, lang: str,
                                             question: str, fact: str) -> None:
    """"Wie moet er verder ja zeggen?" asks for people (Annelies signs), not for what
    makes her say yes ("the taste, honestly")."""
    cl = CompiledScenario(library.scenarios[scenario]).language(lang)
    found = cl.facts.match(cl.lm.analyze(question))
    assert found and max(found, key=lambda f: found[f]) == fact, found


def test_who_else_must_agree_after_his_put_off_gets_who_decides(library: LoadResult) -> None:
    """Right after "let me bounce it off a few colleagues", "who else has to say yes?"
    asks a fact he has: Annelies, not the reason behind his put-off."""
    replies = _play(library, "closing-catering-followup", "nl", [
        *CATERING_FIFTY_CENTS,
        "Begrijp ik. Als je alleen betaalt voor de lunches die echt worden afgenomen, en we op "
        "vrijdag een kleiner buffet doen, scheelt dat flink. Zou dat je zorg wegnemen?",
        "Wat vinden je collega's belangrijk aan de lunch?",
        "Stel dat we een proefweek doen in de eerste week van september, zodat iedereen kan "
        "proeven. Wat zou je daarvan vinden?",
        "Wie moet er verder ja zeggen?"])
    assert "Annelies Kooij" in replies[-1], replies[-1]
    assert "De smaak" not in replies[-1], replies[-1]


def test_a_question_about_her_printers_is_no_small_talk(library: LoadResult) -> None:
    """"hoe gaat t met de printers bij jullie" asks about the business: no "Maar daar
    kom je niet voor" (you're not here for that), the line for chat about her busy day."""
    engine = Engine(CompiledScenario(library.scenarios["spin-printing-urgency"]))
    state = engine.start("nl", seed=0)
    engine.turn(state, "hoi ingrid, ik ben lotte van printwise")
    result = engine.turn(state, "hoe gaat t met de printers bij jullie")
    assert result.record.act == "fact_question", result.record.act
    assert "daar kom je niet voor" not in result.reply, result.reply


def test_chat_with_the_sellers_company_name_stays_small_talk(library: LoadResult) -> None:
    """"Printwise", the seller's own name, is no word about her printers: "Druk beneden
    zeg, is dat altijd zo?" is still chat about her day."""
    replies = _play(library, "spin-printing-urgency", "nl", [
        "Hoi Ingrid, ik ben Joris van Printwise. Druk beneden zeg, is dat altijd zo?"])
    assert replies[0].startswith("Druk"), replies[0]
