"""The buyer answers the question asked, read in its context.

- A question that names nothing itself ("what is it exactly that doesn't go well?") after a
  statement that names several topics is about the topic named last, nearest the
  question ("... when I asked if you're happy with them"), not the first word of the
  statement that happens to be a keyword of another fact ("coming back ..." is no
  question about the decision date).
- A deeper story she told a few turns ago (the penalty clause), asked about again in
  plain words, gets a recap of it, not "I couldn't tell you much about that" nor her
  playing it down as if she never told it.
- Asked who pays, right after a story that ends with who pays ("... and that bill lands
  on Ruud's desk"), she says that part, not the one who signs contracts.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply

STOCK_NON_ANSWERS = ("couldn't tell you", "can't really say", "weet ik niet veel",
                     "kan ik weinig", "what are you getting at", "waar doel je")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


@pytest.mark.parametrize(("lang", "lines", "expected", "not_expected"), [
    ("en", ["Good morning Mrs de Groot, Tom from SchoonWerk.",
            "Today I would like to hear how the cleaning goes now, ok?",
            "Coming back to your cleaner for a sec: you hesitated a bit when I asked if you "
            "are happy with them. What is it exactly that does not go well?"],
     "different people", "December"),
    ("nl", ["Goedemorgen mevrouw De Groot, Tom van SchoonWerk.",
            "Ik wil graag horen hoe de schoonmaak nu gaat, goed?",
            "Even terugkomend op uw schoonmaker: u aarzelde toen ik vroeg of u tevreden bent "
            "over ze. Wat gaat er precies niet goed?"],
     "steeds andere mensen", "december"),
])
def test_a_bare_question_is_about_the_topic_named_just_before_it(
        library: Library, lang: str, lines: list[str], expected: str,
        not_expected: str) -> None:
    reply = last_reply(library, "first-visit-cleaning", lang, lines)
    assert expected in reply
    assert not_expected not in reply


def test_a_told_story_asked_about_again_is_recapped_not_denied(library: Library) -> None:
    lines = ["Hi Ingrid, Ruben from Printwise. What does your role cover here?",
             "Today I would like to understand where printing gets stuck, ok?",
             "When do the label printers jam?", "What happens then?",
             "And what does that mean for the web shops you ship for?",
             "Who pays for the overtime?",
             "Has anyone ever talked to you about those penalties?"]
    reply = last_reply(library, "spin-printing-urgency", "en", lines)
    assert "2,500" in reply
    assert not any(stock in reply for stock in STOCK_NON_ANSWERS)
    assert "clauses about that in contracts" not in reply  # her played-down short answer


def test_who_pays_is_the_part_of_her_story_that_names_who(library: Library) -> None:
    lines = ["Hoi Ingrid, Jeroen van Printwise. Wat doe je hier precies?",
             "Ik wil graag horen waar het printen vastloopt, goed?",
             "Wanneer lopen de labelprinters vast?", "Wat gebeurt er dan?",
             "En wat betekent dat voor de webshops waarvoor jullie verzenden?",
             "Wie betaalt die boete dan?"]
    reply = last_reply(library, "spin-printing-urgency", "nl", lines)
    assert "Ruud" in reply
    assert "tekent" not in reply  # who signs contracts answers another question
    assert not any(stock in reply for stock in STOCK_NON_ANSWERS)


@pytest.mark.parametrize(("lang", "question", "start", "invoice"), [
    ("en", "When would you like the first lunch to be served? And how does invoicing work "
           "on your side, do you need a purchase order number from us?",
     "1 September", "One invoice a month"),
    ("nl", "Wanneer wil je dat de eerste lunch geserveerd wordt? En hoe gaat het factureren "
           "bij jullie, moet er een inkoopnummer op?",
     "1 september", "Eén factuur per maand"),
])
def test_two_questions_get_both_answers_and_no_third(
        library: Library, lang: str, question: str, start: str, invoice: str) -> None:
    opening = {"en": ["Good afternoon Marco, good to see you again.",
                      "Today I would like to hear how the proposal landed, ok?"],
               "nl": ["Goedemiddag Marco, fijn je weer te zien.",
                      "Ik wil vandaag horen hoe het voorstel viel, goed?"]}[lang]
    reply = last_reply(library, "closing-catering-followup", lang, [*opening, question])
    assert start in reply
    assert invoice in reply
    # the "order" of "purchase order number" asks nothing about who orders the sandwiches
    assert "150" not in reply


def test_who_sits_in_on_the_decision_and_when_gets_both(library: Library) -> None:
    lines = ["Hi Ingrid, Ruben from Printwise. What does your role cover here?",
             "Today I would like to understand where printing gets stuck, ok?",
             "Who would sit with you when that decision is made, and when would it have to "
             "be running?"]
    reply = last_reply(library, "spin-printing-urgency", "en", lines)
    assert "Ruud van Dijk" in reply  # who decides
    assert "mid-October" in reply  # when it has to run


@pytest.mark.parametrize(("lang", "lines", "who", "when"), [
    ("en", ["Hi Ingrid, Lars from Printwise.",
            "I'd like to hear how printing works here and where it gets stuck, ok?",
            "Who else is involved when you decide on this, and by when would it have to be "
            "decided?"], "Ruud van Dijk", "July"),
    ("nl", ["Hoi Ingrid, Jeroen van Printwise.",
            "Ik wil graag horen hoe het printen gaat en waar het vastloopt, goed?",
            "Wie is er nog meer betrokken als je hierover beslist, en voor wanneer moet het "
            "draaien?"], "Ruud van Dijk", "juli"),
])
def test_a_second_question_led_by_a_preposition_is_answered_too(
        library: Library, lang: str, lines: list[str], who: str, when: str) -> None:
    reply = last_reply(library, "spin-printing-urgency", lang, lines)
    assert who in reply
    assert when in reply  # "and by when ...?" is a question of its own


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", ["Good morning Gerard.",
            "Haha yes. Well, I sent you the price, 9.40. What did you think of it?"], "read it"),
    ("nl", ["Goedemorgen meneer Smits.",
            "Haha ja. Nou, ik heb u de prijs gestuurd, € 9,40. Wat vond u ervan?"], "gelezen"),
])
def test_what_she_thought_of_the_price_is_her_reaction_not_a_refusal(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    # the price sent names her own figures as much as her reaction to it: between the two
    # she gives the reaction, not "those are internal figures"
    reply = last_reply(library, "objection-software-renewal", lang, lines)
    assert expected in reply
    assert "internal" not in reply and "interne" not in reply


@pytest.mark.parametrize(("lang", "lines", "expected", "not_expected"), [
    ("en", ["Good afternoon Marco, good to see you again.",
            "Today I would like to hear how the proposal landed, ok?",
            "How do invoices work on your side?",
            "Could you send me the invoice address and the purchase order number?"],
     "invoice", "baker"),
])
def test_a_word_inside_another_facts_keyword_asks_nothing_of_its_own(
        library: Library, lang: str, lines: list[str], expected: str,
        not_expected: str) -> None:
    reply = last_reply(library, "closing-catering-followup", lang, lines)
    assert expected in reply
    assert not_expected not in reply.lower()
