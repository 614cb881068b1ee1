"""What the buyer answers to a question in her own everyday words (round 16).

- "what's the biggest headache with payroll?" asks her problem in words no fact lists:
  she tells the problem the scenario tied to "what problems do you run into?", not her
  objection alone or "I don't know that off the top of my head";
- asked what that costs her per month, she recaps the figure she gave (four days every
  month), not the sentence whose "paper" merely ends in "per".

The cases vary scenario, language and wording, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply as _last

RENEWAL_EN = ["hi mr smits, good to see you again!",
              "today I'd like to hear where you stand and see if we can help, ok?"]
PRINTING_EN = ["Hi Mrs Jansen, I'm Tom from PrintPartners.",
               "I'd like to understand how printing works in your warehouse today, ok?"]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


@pytest.mark.parametrize(("scenario", "lang", "lines", "expected"), [
    ("objection-software-renewal", "en",
     [*RENEWAL_EN, "what's the biggest headache with payroll at the moment"], "timesheets"),
    ("spin-printing-urgency", "en",
     [*PRINTING_EN, "what is your biggest headache in the warehouse right now?"], "jam"),
])
def test_a_problem_in_other_words_gets_her_problem(library: Library, scenario: str,
                                                   lang: str, lines: list[str],
                                                   expected: str) -> None:
    reply = _last(library, scenario, lang, lines)
    assert expected in reply.lower()
    assert "off the top of my head" not in reply


def test_what_it_costs_per_month_recaps_her_figure(library: Library) -> None:
    reply = _last(library, "objection-software-renewal", "en", [
        *RENEWAL_EN, "what's the biggest headache with payroll at the moment",
        "hmm ok. what does that cost you in time per month roughly?"])
    assert "four days" in reply
    assert "paper timesheets" not in reply


PRINTING_NL = ["Goedemorgen mevrouw Jansen, ik ben Tom van PrintPartners.",
               "Ik wil graag begrijpen hoe het printen nu gaat, goed?"]


def test_how_many_label_printers_is_no_question_about_the_order_volumes(
        library: Library) -> None:
    reply = _last(library, "spin-printing-urgency", "en", [
        *PRINTING_EN, "how many label printers do you have and how old are they"])
    assert "Sixteen label printers" in reply
    assert "orders" not in reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", [*PRINTING_EN, "who maintains them?",
            "so when one breaks down, how long is it out?"], "two working days"),
    ("nl", [*PRINTING_NL, "Wie onderhoudt ze?",
            "En als er eentje kapot gaat, hoe lang is die dan buiten gebruik?"],
     "twee werkdagen"),
])
def test_how_long_a_broken_printer_is_out_gets_the_repair_time(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    assert expected in _last(library, "spin-printing-urgency", lang, lines)


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", [*PRINTING_EN, "so when one breaks down, how long is it out?",
            "what happens with the orders in the meantime?"], "trailer"),
    ("nl", [*PRINTING_NL, "En als er eentje kapot gaat, hoe lang ligt die dan stil?",
            "Wat gebeurt er in de tussentijd met de orders?"], "trailer"),
])
def test_what_a_told_breakdown_leads_to_opens_up_the_jams_and_the_trailers(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    reply = _last(library, "spin-printing-urgency", lang, lines)
    assert expected in reply
    assert "never" not in reply and "nooit" not in reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("nl", ["Goedemiddag mevrouw De Groot, ik ben Joris van SchoonWerk.",
            "Ik wil eerst wat vragen stellen over hoe het nu geregeld is. Goed?",
            "wie doet de schoonmaak nu eigenlijk", "Hoe bevalt dat?",
            "kunt u een voorbeeld geven?", "Wat zeiden de partners daarvan?"],
     "Notaris Bakker was daar niet blij mee."),
    ("en", ["Good morning Mrs de Groot, I'm Dan from CleanWork.",
            "Today I'd like to hear how things are arranged, ok?",
            "who does the cleaning now?", "how happy are you with them?",
            "can you give an example?", "what did the partners say about that?"],
     "Mrs Bakker was not pleased."),
])
def test_how_others_took_her_story_is_the_part_that_names_them(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    assert _last(library, "first-visit-cleaning", lang, lines) == expected


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("nl", ["Goedemiddag mevrouw De Groot, ik ben Joris van SchoonWerk.",
            "Ik wil eerst wat vragen stellen over hoe het nu geregeld is. Goed?",
            "wie doet de schoonmaak nu eigenlijk", "Hoe bevalt dat?",
            "Als u minder tijd kwijt bent aan nabellen en er geen gedoe meer is tijdens "
            "afspraken, wat is dat u waard?"], "rust"),
    ("en", ["Good morning Mrs de Groot, I'm Dan from CleanWork.",
            "Today I'd like to hear how things are arranged, ok?",
            "who does the cleaning now?", "how happy are you with them?",
            "If you spent less time chasing them and there was no more fuss during "
            "appointments, what would that be worth to you?"], "peace of mind"),
])
def test_what_a_smaller_problem_is_worth_gets_her_value_not_the_story(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    reply = _last(library, "first-visit-cleaning", lang, lines)
    assert expected in reply
    assert "Bakker" not in reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", [*PRINTING_EN, "what goes wrong with the printers at peak?",
            "what would it be worth to you if a broken printer was replaced the same day?"],
     "goes out at seven"),
    ("nl", [*PRINTING_NL, "Wat gaat er mis met de printers in de piek?",
            "Wat zou het u waard zijn als een kapotte printer dezelfde dag vervangen wordt?"],
     "om zeven uur de deur uit"),
])
def test_worth_of_a_broken_printer_replaced_the_same_day_is_her_value(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    assert expected in _last(library, "spin-printing-urgency", lang, lines)


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", [*RENEWAL_EN, "what's the biggest headache with payroll at the moment",
            "how often does that happen? and who fixes it"], "Joke and Ahmed"),
    ("nl", ["Goedemorgen meneer Smits!",
            "Ik wil vandaag horen waar u staat en kijken of we kunnen helpen, goed?",
            "Waar loopt u tegenaan in de salarisverwerking?",
            "En wie moet dat dan oplossen?"], "Joke en Ahmed"),
])
def test_who_fixes_what_she_just_told_names_the_people_of_her_story(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    assert expected in _last(library, "objection-software-renewal", lang, lines)


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", [*PRINTING_NL, "Wat gaat er mis met de printers in de piek?", "Wat kost een storing?"]),
    ("en", [*PRINTING_EN, "what goes wrong with the printers at peak?",
            "what does a breakdown cost?"]),
])
def test_what_a_breakdown_she_told_costs_gets_what_it_leads_to(
        library: Library, lang: str, lines: list[str]) -> None:
    reply = _last(library, "spin-printing-urgency", lang, lines)
    assert "trailer" in reply
    assert "vast" not in reply and "jam" not in reply


def test_a_yes_no_question_about_what_she_keeps_back_is_played_down_not_refused(
        library: Library) -> None:
    reply = _last(library, "spin-printing-urgency", "en", [
        "Hi Mrs Jansen, I'm Tom from PrintPartners. thanks for making time",
        "before we start, how long have you been running the warehouse here?",
        "I'd like to understand how printing works in your warehouse today and then see if "
        "there's something worth talking about, ok?",
        "how many label printers do you have and how old are they", "who maintains them?",
        "so when one breaks down, how long is it out?",
        "what happens with the orders in the meantime?",
        "and in the peak season? what does that do?", "has it ever cost you a customer?"])
    assert "Those things happen in this business." in reply
    assert "another time" not in reply
