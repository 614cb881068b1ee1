"""Drill answers in a student's own words get the credit the drill promises.

- closed-to-open: "hoe ervaart u de samenwerking met uw huidige vervoerder?" is the open
  question about his experience with the carrier the drill asks for;
- external objective: "wat jullie belangrijk vinden" names her wishes and needs, and asked
  "vertelt u eerst eens wat over uw bedrijf?" she tells about her company instead of
  "I couldn't tell you much about that".
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call, script_report, script_turns


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "hoe ervaart u de samenwerking met jullie huidige vervoerder?"),
    ("nl", "Hoe ervaren jullie de huidige vervoerder?"),
    ("en", "How do you experience working with your current carrier?"),
])
def test_asking_how_he_experiences_the_carrier_is_the_open_question(
        library: Library, lang: str, line: str) -> None:
    report = script_report(library, "drill-closed-to-open", lang, [line])
    assert report["objectives"]["external"]["open_satisfaction"], report["turns"]


_AGENDA = {
    "nl": "Goed dat u tijd heeft! Ik wil graag eerst even kennismaken, ik vertel wat over"
          " Bonenburg en hoor graag hoe het bij jullie zit. Daarna wil ik weten wat jullie"
          " belangrijk vinden aan koffie op de vestigingen, en als het past laat ik een eerste"
          " idee zien. Aan het eind kijken we of een vervolgafspraak zin heeft. Is dat goed?",
    "en": "Good to meet you! Today I'd like us to get to know each other, hear what is"
          " important to you about coffee at your branches, maybe show a first idea and agree"
          " on a next step. OK?",
}
_ASK_ABOUT_HER = {"nl": "Prima! Vertelt u eerst eens wat over uw bedrijf?",
                  "en": "Great. Could you tell me a bit about your company first?"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_agenda_naming_what_she_finds_important_covers_her_needs(library: Library,
                                                                    lang: str) -> None:
    report = script_report(library, "drill-external-objective", lang, [_AGENDA[lang]])
    assert all(report["objectives"]["external"].values()), report["objectives"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_asked_about_her_company_she_tells_about_it(library: Library, lang: str) -> None:
    replies = call(library, "drill-external-objective", lang,
                   [_AGENDA[lang], _ASK_ABOUT_HER[lang]])[2]
    assert "Van der Meer" in replies[-1], replies[-1]


@pytest.mark.parametrize(("lang", "line"), [("en", "hi monique, how are you?"),
                                            ("nl", "hoi monique, alles goed?"),
                                            ("en", "Could you tell me a bit about your company?")])
def test_the_sales_manager_waits_for_the_forecast_not_for_a_pitch(library: Library, lang: str,
                                                                   line: str) -> None:
    """Monique is the learner's own manager: no "what can I do for you?" or "I buy this
    kind of service here"."""
    reply = call(library, "drill-forecast", lang, [line])[2][-1]
    assert "forecast" in reply, reply
    assert "can I do for you" not in reply and "kan ik voor" not in reply, reply


@pytest.mark.parametrize(("scenario", "lines", "step"), [
    ("drill-objection-brochure",
     ["Sure, I can send one. What would you look for in the brochure?"], "acknowledge"),
    ("drill-objection-current-supplier",
     ["8 years, that's a great relationship. What do you like most about them?"],
     "acknowledge"),
    ("drill-objection-discuss-others",
     ["Of course you want to involve them. What will they want to know besides the laptops?",
      "We can test it on three of the teachers' laptops next week, so Bas sees it working."
      " Would that help for your meeting?"], "respond"),
])
def test_objection_steps_in_a_students_words(library: Library, scenario: str,
                                             lines: list[str], step: str) -> None:
    report = script_report(library, scenario, "en", lines)
    assert report["objectives"]["external"][step], report["turns"]


def test_coffee_is_the_business_of_a_coffee_service_not_small_talk(library: Library) -> None:
    """Asked to a coffee service's prospect, "how the coffee is arranged now" is her needs,
    announced in the agenda; "lekker, koffie!" at a printer supplier's visit stays chat."""
    turns = script_turns(library, "drill-external-objective", "nl", [
        "Goedemiddag mevrouw Vermeulen, Tom de Boer van Bonenburg Koffieservice. Ik wil vandaag"
        " graag kennismaken en u vertellen wie wij zijn en wat we doen.",
        "Daarna hoor ik graag hoe de koffie nu geregeld is op uw drie vestigingen en wat u"
        " belangrijk vindt."])
    assert turns[-1]["act"] == "state_objective", turns[-1]
    assert "wishes_needs" in turns[-1]["objectives"], turns[-1]
    chat = script_turns(library, "spin-printing-urgency", "nl",
                        ["Goedemorgen! Lekker, koffie. Druk vandaag?"])[-1]
    assert chat["act"] == "small_talk", chat


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Ik wil graag kennismaken en horen wat u belangrijk vindt. Daarna kan ik u een"
           " offerte sturen."),
    ("en", "I'd like us to get to know each other and hear what is important to you. Then I"
           " can send you a quote."),
])
def test_a_quote_to_be_sent_is_no_follow_up_agreed(library: Library, lang: str,
                                                    line: str) -> None:
    report = script_report(library, "drill-external-objective", lang, [line])
    assert not report["objectives"]["external"]["follow_up"], report["turns"]
