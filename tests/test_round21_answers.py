"""The buyer answers the question the learner asked, as a person does (round 21).

- the fact a question asks is the one its head names, not the matter it asks *about*
  ("what did your colleagues say about the employee contribution?" gets no payment terms);
- two questions get two answers, also when a phone typist marks only the first, or types
  the second without its verb; a fact the first asks openly is told in full;
- an aside ("my brother-in-law is a notary, is it like that here?") is small talk, and a
  business question after an aside in a sentence of its own is answered;
- words a fact's cue shares with small talk ("why did you switch to HR?") are chat;
- in the no-time drill his yes takes up the time the learner proposed;
- chat under way: a compliment is thanked for, a joke laughed at, and other chat gets no
  "Haha.";
- "How's it going with your transport?" asks about hers: no introduction of the seller.

The lines vary scenario, phrasing and language, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply, last_turn


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


CLEANING_HI = {"nl": "Goedemiddag, ik ben Tom van SchoonWerk.",
               "en": "Good afternoon, I'm Tom from SchoonWerk."}


@pytest.mark.parametrize(("lang", "line", "wanted", "unwanted"), [
    ("nl", "Beslist u zelf over de schoonmaak, of kijken de notarissen ook mee?",
     "partners", "Blinkend Schoon"),
    ("en", "Do you decide yourself about the cleaning, or do the notaries have a say?",
     "partners", "Blinkend Schoon"),
])
def test_what_a_question_asks_about_is_no_fact_it_asks(
        library: Library, lang: str, line: str, wanted: str, unwanted: str) -> None:
    """"Beslist u zelf over de schoonmaak?" asks who decides; the cleaning it is about is
    no question who cleans."""
    reply = last_reply(library, "first-visit-cleaning", lang, [CLEANING_HI[lang], line])
    assert wanted in reply and unwanted not in reply, reply


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Good afternoon Marco, thanks for having me again.",
            "What did you think of the proposal?",
            "And what did your colleagues say about the employee contribution of €2.50?"]),
    ("nl", ["Goedemiddag Marco, fijn dat ik er weer ben.",
            "Wat vond je van het voorstel?",
            "En wat zeiden je collega's over de eigen bijdrage van € 2,50?"]),
])
def test_colleagues_on_the_contribution_get_no_payment_terms(
        library: Library, lang: str, lines: list[str]) -> None:
    turn = last_turn(library, "closing-catering-followup", lang, lines)
    assert "payment_terms" not in turn["objectives"], turn
    for word in ("invoice", "factuur", "purchase order", "inkoopnummer"):
        assert word not in turn["buyer"], turn


@pytest.mark.parametrize(("scenario", "lang", "lines", "first", "second"), [
    ("first-visit-cleaning", "nl",
     [CLEANING_HI["nl"], "wat betalen jullie nu ong per maand? en tot wanneer loopt t contract"],
     "", "1 april"),
    ("first-visit-cleaning", "en",
     [CLEANING_HI["en"], "which rooms do they do? and how often do they come"],
     "Offices, the client meeting rooms", "three times a week"),
    ("objection-software-renewal", "en",
     ["Morning Gerard!", "n when do u want to decide? budget for next yr already set?"],
     "September", "budget"),
])
def test_both_questions_get_an_answer(library: Library, scenario: str, lang: str,
                                      lines: list[str], first: str, second: str) -> None:
    """A phone typist marks only the first question, or types the second without its
    verb: both are asked, and a refusal of one leaves the other answered."""
    reply = last_reply(library, scenario, lang, lines)
    assert first in reply and second in reply, reply


def test_a_later_list_of_examples_is_no_question_of_its_own(library: Library) -> None:
    """"Alleen u?" narrows "wie beslist er mee?": no story of the last switch beside it."""
    reply = last_reply(library, "objection-software-renewal", "nl", [
        "Goedemorgen Gerard!", "En wie beslist er mee over een overstap? Alleen u?"])
    assert "Monique" in reply and "2016" not in reply, reply


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Hoe gaat de betaling bij jullie, per maand op factuur met een inkoopnummer? En "
           "loopt de eigen bijdrage via de kassa of via het salaris?"),
    ("en", "How does payment work for you, monthly invoices with a purchase order? And does "
           "the employee contribution go through payroll?"),
])
def test_a_fact_asked_openly_first_is_told_in_full(library: Library, lang: str,
                                                   line: str) -> None:
    reply = last_reply(library, "closing-catering-followup", lang, ["Hi Marco!", line])
    assert "30" in reply or "thirty" in reply or "dertig" in reply, reply


@pytest.mark.parametrize(("scenario", "lang", "lines", "unwanted"), [
    ("first-visit-cleaning", "en",
     [CLEANING_HI["en"], "My brother-in-law is a notary in Utrecht, by the way. He says the "
                         "work never stops in December. Is it like that here too?"],
     "partners"),
    ("first-visit-cleaning", "nl",
     [CLEANING_HI["nl"], "Mijn schoonvader is ook notaris, in Utrecht. Die zegt dat het in "
                         "december nooit stopt. Is dat hier ook zo?"],
     "partners"),
])
def test_an_aside_about_the_family_is_small_talk(library: Library, scenario: str, lang: str,
                                                 lines: list[str], unwanted: str) -> None:
    turn = last_turn(library, scenario, lang, lines)
    assert turn["act"] == "small_talk", turn
    assert unwanted not in turn["buyer"], turn


@pytest.mark.parametrize(("lang", "line", "wanted"), [
    ("nl", "Haha, Black Friday, mijn schoonmoeder bestelt dan alleen al vijf pakketjes. Maar "
           "serieus: welke printers staan er nu, en wie doet het onderhoud?", "PrintFix"),
    ("en", "Haha, Black Friday, my mother-in-law orders five parcels on her own. But "
           "seriously: which printers do you have now, and who maintains them?", "PrintFix"),
])
def test_a_business_question_after_an_aside_is_answered(library: Library, lang: str,
                                                        line: str, wanted: str) -> None:
    turn = last_turn(library, "spin-printing-urgency", lang, ["Hi, I'm Tom from PrintWise.", line])
    assert turn["act"] == "fact_question", turn
    assert wanted in turn["buyer"], turn


def test_how_she_ended_up_with_them_asks_about_the_supplier(library: Library) -> None:
    reply = last_reply(library, "first-visit-cleaning", "en", [
        CLEANING_HI["en"], "Who takes care of it at the moment, and how did you end up with them?"])
    assert "Blinkend Schoon" in reply and "estate agent" not in reply, reply


@pytest.mark.parametrize(("lang", "line", "wanted"), [
    ("en", "You were a controller before right? Why did you switch to HR, if i may ask",
     "controller"),
    ("nl", "Ik zag op LinkedIn dat u vroeger controller was, klopt dat? Mist u dat werk nooit?",
     "controller"),
])
def test_his_career_is_small_talk_not_the_switch(library: Library, lang: str, line: str,
                                                 wanted: str) -> None:
    opening = {"en": "Morning Gerard!", "nl": "Goedemorgen Gerard!"}[lang]
    turn = last_turn(library, "objection-software-renewal", lang, [opening, line])
    assert turn["act"] == "small_talk", turn
    assert wanted in turn["buyer"], turn
    assert "risk" not in turn["buyer"] and "Redelijk" not in turn["buyer"], turn


def test_the_paper_slips_are_the_case_not_small_talk(library: Library) -> None:
    turn = last_turn(library, "objection-software-renewal", "nl", [
        "Goedemorgen Gerard!", "gaat het nog steeds met die papieren briefjes?"])
    assert turn["act"] == "fact_question", turn
    assert "papier" in turn["buyer"], turn


@pytest.mark.parametrize(("lang", "lines", "wanted", "unwanted"), [
    ("nl", ["Ik snap dat u het druk heeft hoor. Vier man tekort, sinds wanneer is dat al zo?",
            "Wij kunnen deze zaterdag al vier ervaren krachten sturen. Zal ik maandag om "
            "9.00 uur even bellen om het te regelen?"],
     "Maandag om 9.00 uur", "half negen"),
    ("en", ["I get that you're busy. Is it mainly Saturdays?",
            "We can have four people with till experience here this Saturday. Shall I call "
            "you tomorrow morning at 10 to arrange it?"],
     "Tomorrow morning at 10", "half eight"),
])
def test_his_yes_takes_up_the_time_proposed(library: Library, lang: str, lines: list[str],
                                            wanted: str, unwanted: str) -> None:
    reply = last_reply(library, "drill-objection-no-time", lang, lines)
    assert wanted in reply and unwanted not in reply, reply


def test_without_a_time_proposed_he_offers_his_own(library: Library) -> None:
    reply = last_reply(library, "drill-objection-no-time", "en", [
        "I get that you're busy. Is it mainly Saturdays?",
        "We can have four people with till experience here this Saturday, so you're off "
        "the till."])
    assert "half eight" in reply, reply


def test_a_compliment_is_thanked_for(library: Library) -> None:
    reply = last_reply(library, "drill-objection-no-time", "nl", [
        "Haha ja, ik zie het. Mooie paasdecoratie trouwens! Heeft u die zelf gemaakt?"])
    assert reply.startswith("Dank u"), reply


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Hoi, ik ben Tom van PrintWise.", "Hoeveel zendingen gaan er per dag de deur uit?",
            "O ja, nog even iets heel anders: hebben jullie hier een eigen kantine? Ik rook "
            "soep op de trap."]),
    ("en", ["Hi, I'm Tom from PrintWise.", "How many parcels go out per day?",
            "Totally unrelated, but is there a canteen here? I smelled soup on the stairs."]),
])
def test_chat_that_jokes_about_nothing_gets_no_laugh(library: Library, lang: str,
                                                     lines: list[str]) -> None:
    turn = last_turn(library, "spin-printing-urgency", lang, lines)
    assert turn["act"] == "small_talk", turn
    assert not turn["buyer"].startswith("Ha"), turn


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "How's it going with your transport?"),
    ("nl", "Hoe gaat het met uw transport?"),
])
def test_her_transport_is_no_introduction_of_the_seller(library: Library, lang: str,
                                                       line: str) -> None:
    turn = last_turn(library, "drill-closed-to-open", lang, [line])
    assert turn["act"] == "fact_question", turn
    assert "introduce" not in turn["details"]["moves"], turn


@pytest.mark.parametrize(("lang", "lines", "unwanted"), [
    ("nl", ["Hoi", "Ik ben trouwens Joost, van Printwise. Wij doen printers. Heb jij hier altijd "
                   "gewerkt of kom je uit een andere branche?"], "2016"),
    ("en", ["Hi Ingrid, I'm Daan Mulder from Printwise. We take care of label and office "
            "printers, lease plus maintenance. What does Van Dijk Fulfilment do exactly?"],
     "PrintFix"),
])
def test_what_the_seller_tells_is_not_asked(library: Library, lang: str, lines: list[str],
                                            unwanted: str) -> None:
    """The printers the seller names in a statement are no question about hers, when the
    question asks something of its own."""
    turn = last_turn(library, "spin-printing-urgency", lang, lines)
    assert unwanted not in turn["buyer"], turn
    assert "current_setup" not in turn["objectives"], turn


def test_a_question_about_what_was_sent_still_asks_it(library: Library) -> None:
    """"Ik heb u de prijs gestuurd. Wat vond u ervan?" asks about the price told before it."""
    turn = last_turn(library, "objection-software-renewal", "nl", [
        "Goedemorgen Gerard!", "Ik heb u de prijs gestuurd, € 9,40. Wat vond u ervan?"])
    assert turn["act"] == "fact_question", turn


def test_who_notices_asks_no_notice_period(library: Library) -> None:
    reply = last_reply(library, "first-visit-cleaning", "en", [
        CLEANING_HI["en"], "Who cleans for you now?",
        "Who notices that first, your colleagues or the clients who come in?"])
    assert "1 April" not in reply, reply
    reply = last_reply(library, "first-visit-cleaning", "en", [
        CLEANING_HI["en"], "Is there a notice period on your contract?"])
    assert "three months" in reply, reply


def test_a_when_clause_sets_the_scene_for_one_question(library: Library) -> None:
    """"When that happens, what does it mean for the notaries ...?" asks one thing: what
    it means, not also who decides."""
    reply = last_reply(library, "first-visit-cleaning", "en", [
        CLEANING_HI["en"], "Who cleans for you now?", "How happy are you with them?",
        "When that happens, what does it mean for the notaries and for clients who come in "
        "for a signing?"])
    assert "embarrassing" in reply and "decide" not in reply, reply


def test_a_question_pointing_back_keeps_what_was_told(library: Library) -> None:
    """"..., and it would be good if whoever decides is there too. Who would that be?"
    asks about who decides, named before the question."""
    reply = last_reply(library, "first-visit-cleaning", "en", [
        CLEANING_HI["en"],
        "It would be good if whoever decides on the cleaning joins our next meeting. Who "
        "would that be? And how often do they clean now?"])
    assert "partners" in reply, reply
