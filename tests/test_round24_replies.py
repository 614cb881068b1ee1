"""Round 24: the buyer answers what the learner just said, as a person would.

- an early question about her firm that no fact's cues catch ("do you ship for any big
  web shops?") gets what she knows of it, not a small-talk brush-off; a chat question
  about something else still gets her chat line;
- at a drill's last turn, a message that makes a plan ("dan mail ik Bas vandaag nog")
  is taken up in a few words before "my time is up";
- "hoeveel uur zijn Joke en Ahmed er per maand mee bezig?" (the words apart) gets the
  time it takes, not the FTE;
- "when does the contract with your current supplier end?" ticks the contract's end on
  the card, not the supplier she did not name;
- "how often do they come, and before or after office hrs?" gets two answers;
- "what matters most, the price or that people eat there?" gets what matters to him,
  not a complaint about the competitor's price in the same breath;
- what she keeps to herself comes after what she tells, not before it.

The lines vary name, scenario and language, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply, last_turn

BRUSH_OFFS = ("laten we verder gaan", "let's carry on", "daar kom je niet voor",
              "not why you're here", "waar waren we", "where were we")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("lang", "lines", "told"), [
    ("en", ["Hi, I'm Tom from LabelPro.", "Do you ship for any big web shops?"],
     "forty web shops"),
    ("en", ["Hello Ingrid, Sam from Printwise.", "So do you store stuff for web shops too?"],
     "forty web shops"),
    ("nl", ["Goedemorgen, ik ben Tom van LabelPro.",
            "Doen jullie ook de verzending voor grote webshops?"], "veertig webshops"),
])
def test_an_early_question_about_her_firm_gets_what_she_knows(
        library: Library, lang: str, lines: list[str], told: str) -> None:
    reply = last_reply(library, "spin-printing-urgency", lang, lines)
    assert told in reply, reply
    for brush_off in BRUSH_OFFS:
        assert brush_off not in reply, reply
    # the part that answers, not her whole introduction ("I'm the operations manager")
    assert "operations manager" not in reply, reply


@pytest.mark.parametrize(("lang", "line", "intro"), [
    ("nl", "Hoi Marco! Haha, dat geboor hoort erbij, het wordt vast mooi. Hoe staat het "
     "ervoor met de verbouwing?", "facilitair"),
    ("en", "Hi Marco! Haha, the drilling comes with it, it'll be lovely. How is the "
     "refurbishment coming along?", "facilities"),
])
def test_chat_about_the_building_is_no_cue_for_his_introduction(
        library: Library, lang: str, line: str, intro: str) -> None:
    """His name in the greeting is no topic his introduction shares: the renovation chat
    gets his chat (or the date the builders finish), not "Marco, facilities, ..."."""
    reply = last_reply(library, "closing-catering-followup", lang, [line])
    assert intro not in reply, reply
    for brush_off in BRUSH_OFFS:
        assert brush_off not in reply, reply


@pytest.mark.parametrize(("lang", "lines", "ack", "not_only"), [
    ("nl", ["Logisch dat u dit niet alleen beslist. Wat wil de ICT-coördinator precies weten?",
            "Onze schermen werken draadloos met alle laptops. Zal ik de ICT-coördinator "
            "uitnodigen om dat zelf te proberen?",
            "Goed, dan mail ik Bas vandaag nog."], "doe dat", "tijd is om"),
    ("nl", ["Logisch dat u dit niet alleen beslist. Wat wil de ICT-coördinator precies weten?",
            "Onze schermen werken draadloos met alle laptops. Zal ik de ICT-coördinator "
            "uitnodigen om dat zelf te proberen?",
            "Top, dan bel ik Bas morgen om een moment te prikken."], "Bas", "tijd is om"),
    ("en", ["Makes sense you don't decide alone. What does the IT coordinator want to know?",
            "Our screens work wirelessly with all laptops. Shall I invite the IT coordinator "
            "to try it?",
            "Perfect, I will ring Bas in the morning to set a time."], "Bas", "out of time"),
])
def test_a_plan_in_a_drills_last_message_is_taken_up(library: Library, lang: str,
                                                     lines: list[str], ack: str,
                                                     not_only: str) -> None:
    reply = last_reply(library, "drill-objection-discuss-others", lang, lines)
    assert not_only in reply, reply
    assert ack in reply.split(not_only)[0], reply
    # he calls Bas himself: she does not say she will put it to Bas
    assert "aan Bas voor" not in reply and "put it to Bas" not in reply, reply


@pytest.mark.parametrize(("lines", "told", "not_told"), [
    (["Goedemorgen Gerard. Ik stel voor dat we kort terugblikken. Goed?",
      "Hoe komen de uren van de bouwplaats nu binnen?",
      "En hoeveel uur zijn Joke en Ahmed er per maand eigenlijk mee bezig?"],
     "vier dagen", "fte"),
    (["Goedemorgen Gerard. Ik stel voor dat we kort terugblikken. Goed?",
      "Hoe komen de uren van de bouwplaats nu binnen?",
      "Hoeveel uur is de salarisadministratie daar in totaal per maand mee bezig?"],
     "vier dagen", "correcties"),
])
def test_hours_asked_with_the_words_apart_get_the_time(library: Library, lines: list[str],
                                                        told: str, not_told: str) -> None:
    reply = last_reply(library, "objection-software-renewal", "nl", lines)
    assert told in reply, reply
    assert not_told not in reply, reply


@pytest.mark.parametrize(("scenario", "lang", "line", "ticked", "not_ticked"), [
    ("first-visit-cleaning", "nl", "Wanneer loopt het contract met jullie huidige leverancier "
     "af?", "contract_end", "current_supplier"),
    ("spin-printing-urgency", "nl", "Wanneer loopt het contract met jullie huidige leverancier "
     "af?", "contract_end", "current_setup"),
])
def test_the_contract_end_asked_ticks_no_supplier(library: Library, scenario: str, lang: str,
                                                  line: str, ticked: str,
                                                  not_ticked: str) -> None:
    opening = "Goedemorgen, ik ben Tom van SchoonWerk."
    turn = last_turn(library, scenario, lang, [opening, line])
    assert ticked in turn["objectives"], turn
    assert not_ticked not in turn["objectives"], turn


@pytest.mark.parametrize(("lang", "line", "first", "second"), [
    ("en", "how often do they come, and before or after office hrs?", "three times a week",
     "four in the afternoon"),
    ("nl", "hoe vaak komen ze, en voor of na kantoortijd?", "Drie keer per week",
     "vier uur"),
    ("en", "who cleans for you now? and do they come before or after office hrs?",
     "Blinkend Schoon", "four"),
])
def test_a_choice_added_with_and_gets_its_own_answer(library: Library, lang: str, line: str,
                                                     first: str, second: str) -> None:
    opening = {"en": "Hi, I'm Tom from SchoonWerk.", "nl": "Hoi, ik ben Tom van SchoonWerk."}
    reply = last_reply(library, "first-visit-cleaning", lang, [opening[lang], line])
    assert first in reply, reply
    assert second in reply, reply


def test_a_second_question_with_there_gets_its_answer(library: Library) -> None:
    """"..., en is er al budget gereserveerd?" asks a second thing: the price he pays now
    is not left out."""
    reply = last_reply(library, "objection-software-renewal", "nl", [
        "Goedemorgen Gerard. Ik stel voor dat we kort terugblikken. Goed?",
        "Wat betaalt u nu per medewerker, als ik vragen mag, en is er voor volgend jaar al "
        "budget gereserveerd?"])
    assert "7,80" in reply, reply
    assert "budget" in reply.lower(), reply


@pytest.mark.parametrize(("lang", "lines", "answer", "not_said"), [
    ("en", ["Hi Marco! Good to see you again.",
            "Today I'd like to hear your feedback on our proposal and agree on next steps. OK?",
            "What did you think of the proposal?", "Have you looked at other caterers as well?",
            "What matters most to you, the price or that people actually eat there?"],
     "taste", "fifty cents"),
    ("nl", ["Hoi Marco! Fijn je weer te zien.",
            "Vandaag wil ik graag je feedback op ons voorstel horen en de volgende stap "
            "afspreken. Goed?",
            "Wat vond je van het voorstel?", "Heb je ook naar andere cateraars gekeken?",
            "Wat vind je het belangrijkst, de prijs of dat de mensen er echt eten?"],
     "smaak", "vijftig cent"),
])
def test_weighing_the_price_is_no_cue_for_the_price_complaint(
        library: Library, lang: str, lines: list[str], answer: str, not_said: str) -> None:
    reply = last_reply(library, "closing-catering-followup", lang, lines)
    assert answer in reply.lower(), reply
    assert not_said not in reply, reply


def test_what_she_keeps_to_herself_comes_after_what_she_tells(library: Library) -> None:
    """Two questions, one she answers and one she will not yet: the refusal is not the
    opening of a reply that then tells the same trouble."""
    reply = last_reply(library, "spin-printing-urgency", "en", [
        "Hi, I'm Tom from LabelPro.", "How often do the printers go wrong?",
        "What does it cost you when the labels aren't printed in time? Do you miss the truck "
        "too?"])
    assert "internal" in reply, reply
    assert not reply.startswith("That's internal"), reply


@pytest.mark.parametrize(("scenario", "lang", "opening", "line", "told"), [
    ("spin-printing-urgency", "nl", "Goedemorgen, ik ben Tom van Printwise.",
     "Kunt u iets vertellen over Van Dijk Fulfilment en wat u daar precies doet?",
     "operations manager"),
    ("spin-printing-urgency", "en", "Hi, I'm Tom from Printwise.",
     "So what's Van Dijk Fulfilment all about then?", "operations manager"),
])
def test_her_firm_asked_about_by_name_gets_her_introduction(
        library: Library, scenario: str, lang: str, opening: str, line: str,
        told: str) -> None:
    reply = last_reply(library, scenario, lang, [opening, line])
    assert told in reply, reply
    for brush_off in BRUSH_OFFS:
        assert brush_off not in reply, reply


@pytest.mark.parametrize(("scenario", "lang", "lines", "answer"), [
    ("objection-software-renewal", "en", ["Morning Gerard, good to see you again.",
                                          "Do you build houses or offices mostly?"],
     "A bit of both"),
    ("drill-objection-contract-running", "nl", [
        "Haha, dat is nog eens duidelijk! Werken jullie vanuit hier of zitten de "
        "verpleegkundigen allemaal op de weg?"], "Een beetje van allebei"),
    ("drill-objection-contract-running", "en", [
        "Ha, that's clear! Do you work from here or are the nurses on the road all day?"],
     "A bit of both"),
])
def test_chat_that_asks_her_to_choose_gets_a_choice(library: Library, scenario: str,
                                                    lang: str, lines: list[str],
                                                    answer: str) -> None:
    """"Houses or offices?" is no yes/no question, nor one "busy as ever" answers."""
    reply = last_reply(library, scenario, lang, lines)
    assert reply.startswith(answer), reply
    for wrong in ("Yes, actually", "Ja hoor", "Busy as ever", "Druk als altijd", "carry on",
                  "verder gaan"):
        assert wrong not in reply, reply


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemorgen, ik ben Tom van Printwise.", "Hoe lang zit je eigenlijk al in Venlo?"]),
    ("en", ["Good morning, I'm Tom from Printwise.", "Do you ship abroad as well?"]),
])
def test_her_how_am_i_line_answers_no_other_chat(library: Library, lang: str,
                                                 lines: list[str]) -> None:
    """Past the greeting, "busy, as always" answers how she is, not how long she has been
    in Venlo or whether they ship abroad."""
    reply = last_reply(library, "spin-printing-urgency", lang, lines)
    for wrong in ("Druk, zoals altijd", "Busy, as always"):
        assert wrong not in reply, reply


def test_a_closed_question_her_introduction_answers_mid_call(library: Library) -> None:
    """Later in the call the same question is a fact question; her introduction still
    answers it rather than "I couldn't tell you much about that"."""
    reply = last_reply(library, "spin-printing-urgency", "en", [
        "Good morning, I'm Tom from Printwise.", "How many printers do you have?",
        "Do you ship for any big web shops?"])
    assert "forty web shops" in reply, reply
    assert "couldn't tell you" not in reply, reply


@pytest.mark.parametrize(("lang", "lines", "told", "ack"), [
    ("nl", ["Haha, ik zie het! Al die paashazen en narcissen, mooi hoor. Verkopen jullie "
            "eigenlijk ook paaseieren?",
            "O sorry, u heeft het natuurlijk druk. Ik ben Joris van FlexWerk, wij doen "
            "uitzendkrachten, ook voor tuincentra.",
            "Heeft u in het weekend eigenlijk genoeg mensen? Anders kom ik na Pasen nog eens "
            "langs."], "vier man tekort", "doe dat"),
])
def test_a_plan_after_a_question_at_a_drills_end_is_taken_up(
        library: Library, lang: str, lines: list[str], told: str, ack: str) -> None:
    """"Enough people at weekends? Otherwise I'll come by after Easter.": she answers the
    question and takes up the plan before she wraps up."""
    reply = last_reply(library, "drill-objection-no-time", lang, lines)
    assert told in reply, reply
    assert ack in reply, reply


@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    ("drill-external-objective", "nl", [
        "Goed dat u het vraagt. Ik vertel graag eerst kort iets over Bonenburg en ik wil u en "
        "het autobedrijf ook beter leren kennen.",
        "En ik wil graag weten wat jullie nu betalen en wanneer het contract afloopt, zodat "
        "ik een offerte kan maken."]),
    ("drill-objection-brochure", "en", [
        "Of course! But let me quickly tell you what we do: PersoneelsPlein is a complete HR "
        "suite.", "And we link with all the big payroll packages.",
        "I'll send the brochure today then. Which email address is best?"]),
])
def test_no_plan_taken_up_twice_or_read_into_a_request(library: Library, scenario: str,
                                                       lang: str, lines: list[str]) -> None:
    """A wish to know something is no plan; her "I'll e-mail you the details" already takes
    his up: no "do that" after either."""
    reply = last_reply(library, scenario, lang, lines)
    assert "doe dat" not in reply and "do that" not in reply, reply


@pytest.mark.parametrize(("lang", "line", "wrong"), [
    ("en", "Will there be a terrace at the new canteen? That would be great in summer.",
     "After the summer"),
    ("nl", "Komt er ook een terras bij de nieuwe kantine? Lijkt me heerlijk in de zomer.",
     "Na de zomer"),
])
def test_a_thing_asked_to_exist_gets_no_answer_about_something_else(
        library: Library, lang: str, line: str, wrong: str) -> None:
    """The canteen's opening date says nothing of a terrace: she says she cannot tell,
    and the card ticks no start date for it."""
    opening = {"en": "Hi Marco, good to see you again.", "nl": "Hoi Marco, fijn je weer te zien."}
    turn = last_turn(library, "closing-catering-followup", lang, [opening[lang], line])
    assert wrong not in turn["buyer"], turn
    assert "start_date" not in turn["objectives"], turn


@pytest.mark.parametrize(("scenario", "lang", "lines", "told"), [
    ("objection-software-renewal", "nl", [
        "Goedemorgen Gerard. Ik stel voor dat we kort terugblikken. Goed?",
        "Is er voor volgend jaar al budget gereserveerd voor salarissoftware?"], "budget"),
    ("first-visit-cleaning", "en", ["Hi, I'm Tom from SchoonWerk.", "Who cleans here now?",
                                    "And is there a notice period?"], "three months"),
])
def test_is_there_questions_her_facts_answer_still_get_them(
        library: Library, scenario: str, lang: str, lines: list[str], told: str) -> None:
    """(told, or kept back until he trusts the seller, but not "I couldn't tell you")"""
    reply = last_reply(library, scenario, lang, lines)
    assert told in reply, reply
    assert "couldn't tell you" not in reply and "weet ik niet veel" not in reply, reply


@pytest.mark.parametrize(("lang", "line", "told", "not_told"), [
    ("nl", "Hoe vaak gaat het mis?", "steeds andere mensen", "Drie keer per week"),
    ("en", "How often does something go wrong?", "always different people",
     "three times a week"),
])
def test_how_often_it_goes_wrong_gets_what_goes_wrong(library: Library, lang: str, line: str,
                                                      told: str, not_told: str) -> None:
    """"How often" alone names the cleaning rota; "how often does it go wrong?" asks what
    goes wrong, not how often they clean."""
    opening = {"nl": "Goedemiddag, ik ben Tom van SchoonWerk.",
               "en": "Good afternoon, I'm Tom from SchoonWerk."}
    reply = last_reply(library, "first-visit-cleaning", lang, [opening[lang], line])
    assert told in reply, reply
    assert not_told not in reply, reply
