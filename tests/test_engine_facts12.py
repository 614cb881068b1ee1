"""What the buyer answers to a question (round 11): the fact that best fits each question,
"as I said" only for what she really said, and a fact she told given again in short form
rather than "I couldn't tell you much about that".

The cases vary the scenario, the language and the wording, so a rule fitted to one
sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


def _play(library: Library, scenario: str, lang: str, lines: list[str]) -> str:
    """The buyer's last reply (the shared helper plays the lines, seed 0)."""
    return call(library, scenario, lang, lines)[2][-1]


_AS_SAID = ("as i said", "like i said", "like i just said", "zoals ik al zei", "zoals ik zei",
            "dat zei ik net al", "dat zei ik al")


@pytest.mark.parametrize(("scenario", "lang", "lines", "who", "not_asked"), [
    ("first-visit-cleaning", "en",
     ["Good morning, I'm Tom from SchoonWerk.",
      "Who else is involved when you choose a cleaning company? Do the partners decide, "
      "or is it your call?"],
     "Verhoef", ("discretion", "screened")),
    ("first-visit-cleaning", "en",
     ["Good morning, I'm Tom from SchoonWerk.", "Which rooms get cleaned?",
      "Who else is involved when you choose a cleaning company? Do the partners decide, "
      "or is it your call?"],
     "Verhoef", ("discretion", "screened")),
])
def test_a_question_about_the_decision_gets_who_decides_not_her_requirements(
        library: Library, scenario: str, lang: str, lines: list[str], who: str,
        not_asked: tuple[str, ...]) -> None:
    # "choose a cleaning company" in the same question as "who else is involved" is
    # no question about what she requires of a supplier
    reply = _play(library, scenario, lang, lines)
    assert who in reply, reply
    assert not any(word in reply.lower() for word in not_asked), reply


@pytest.mark.parametrize(("lang", "lines", "told", "withheld"), [
    ("en", ["Hi Ingrid, I'm Daan from Printwise.", "Who maintains the printers now?",
            "Is there a contract with them, and until when?"], "31 August", "look that up"),
    ("nl", ["Hoi Ingrid, Daan van Printwise.", "Wie doet nu het onderhoud van de printers?",
            "Hebben jullie een contract met ze, en tot wanneer?"], "31 augustus", "zoek ik"),
])
def test_the_contract_of_her_repair_firm_is_told_or_withheld_in_character(
        library: Library, lang: str, lines: list[str], told: str, withheld: str) -> None:
    # early in the call she keeps the date to herself, with a reason; she never claims
    # not to know when her own contract ends
    reply = _play(library, "spin-printing-urgency", lang, lines)
    assert told in reply or withheld in reply, reply


@pytest.mark.parametrize(("scenario", "lang", "lines", "expected"), [
    # who should be there: the people who decide
    ("spin-printing-urgency", "nl",
     ["Hoi Ingrid, Daan van Printwise.", "wie moet er dan bij zijn?"], "Ruud"),
    ("closing-catering-followup", "en",
     ["Hi Marco!", "Who should be there when we go through the final proposal?"], "Annelies"),
    ("objection-software-renewal", "nl",
     ["Goedemiddag Gerard, goed u weer te zien.", "Wie zou je er verder bij willen hebben?"],
     "Monique"),
    # when the canteen opens is when he wants to start
    ("closing-catering-followup", "nl",
     ["Hoi Marco!", "Wanneer verwacht je dat de kantine open kan?"], "augustus"),
    ("closing-catering-followup", "en",
     ["Hi Marco!", "When do you expect the canteen to open?"], "August"),
    # whether he has read the proposal: he has
    ("closing-catering-followup", "nl",
     ["Hoi Marco!", "Goed, het voorstel. Heb je het al kunnen lezen?"], "voorstel"),
    ("closing-catering-followup", "en",
     ["Hi Marco!", "So, the proposal. Have you had a chance to read it?"], "proposal"),
    # the seller's own price indication is no question about what he pays now
    ("objection-software-renewal", "en",
     ["Hi Gerard", "So about our software, you had a look at the price I sent?"], "read it"),
    ("objection-software-renewal", "nl",
     ["Goedemiddag Gerard", "Heeft u naar de prijsindicatie gekeken die ik gestuurd heb?"],
     "gelezen"),
    # since when: the supplier she has had for five years
    ("first-visit-cleaning", "nl",
     ["Goedemorgen, Daan van SchoonWerk.", "Sinds wanneer zitten jullie bij jullie huidige "
      "schoonmaker?"], "vijf"),
])
def test_a_plain_question_reaches_the_fact_she_knows(
        library: Library, scenario: str, lang: str, lines: list[str], expected: str) -> None:
    reply = _play(library, scenario, lang, lines)
    assert expected in reply, reply


def test_a_date_asked_again_is_recalled_not_a_sentence_sharing_a_filler(
        library: Library) -> None:
    # "echt" (really) in the question is no topic: "as I said: lovely proposal, really"
    # is no answer to when the canteen opens
    reply = _play(library, "closing-catering-followup", "nl", [
        "Hoi Marco! Hoe staat het ervoor met de verbouwing?",
        "Wat vond je van ons voorstel?",
        "Wanneer verwacht je dat de kantine echt open kan?"])
    assert "augustus" in reply, reply
    assert "voorstel" not in reply, reply


@pytest.mark.parametrize(("lang", "lines", "year", "not_this"), [
    ("en", ["Hi Ingrid, I'm Daan from Printwise.", "How many printers do you have?",
            "Since when?"], "2016", "jam"),
    ("nl", ["Hoi Ingrid, Daan van Printwise.", "Hoeveel printers hebben jullie?",
            "sinds wanneer?"], "2016", "vast"),
])
def test_since_when_after_a_told_fact_recalls_its_year_not_another_story(
        library: Library, lang: str, lines: list[str], year: str, not_this: str) -> None:
    reply = _play(library, "spin-printing-urgency", lang, lines)
    assert year in reply, reply
    assert not_this not in reply.lower(), reply


@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    # her answer holds no brand: "and" in "brand" is no word of hers
    ("spin-printing-urgency", "en",
     ["Hi Ingrid, I'm Daan from Printwise.", "How many printers do you have?",
      "Are they all from the same brand?"]),
    # her list of rooms holds "two pantries", no since when
    ("first-visit-cleaning", "en",
     ["Good morning, I'm Tom from SchoonWerk.", "Which rooms get cleaned?",
      "Since when is that?"]),
    ("first-visit-cleaning", "nl",
     ["Goedemorgen, Tom van SchoonWerk.", "Welke ruimtes worden er schoongemaakt?",
      "Sinds wanneer doen ze dat?"]),
])
def test_a_new_question_is_not_met_with_as_i_said_and_an_unrelated_sentence(
        library: Library, scenario: str, lang: str, lines: list[str]) -> None:
    reply = _play(library, scenario, lang, lines)
    assert not any(phrase in reply.lower() for phrase in _AS_SAID), reply


@pytest.mark.parametrize(("lang", "lines", "story"), [
    ("en", ["Hi Ingrid, I'm Daan from Printwise.", "Do the printers ever jam?",
            "Can you give me an example?"], "four and seven"),
    ("nl", ["Hoi Ingrid, Daan van Printwise.", "Lopen de printers weleens vast?",
            "Kun je een voorbeeld geven?"], "vier en zeven"),
])
def test_asked_for_an_example_after_her_short_answer_she_tells_the_story(
        library: Library, lang: str, lines: list[str], story: str) -> None:
    reply = _play(library, "spin-printing-urgency", lang, lines)
    assert story in reply, reply


@pytest.mark.parametrize(("lang", "lines", "who", "when"), [
    ("en", ["hi ingrid, lisa from printwise", "who decides on this, u or the director? and when"],
     "Ruud", "July"),
    ("nl", ["hoi ingrid, lisa van printwise",
            "wie beslist hierover, jij of de directeur? en wanneer"],
     "Ruud", "juli"),
    ("nl", ["Hoi Ingrid, Daan van Printwise.",
            "Wanneer wordt de begroting voor volgend jaar gemaakt, en wie beslist daarover?"],
     "Ruud", "juli"),
])
def test_both_halves_of_who_decides_and_when_are_answered(
        library: Library, lang: str, lines: list[str], who: str, when: str) -> None:
    reply = _play(library, "spin-printing-urgency", lang, lines)
    assert who in reply, reply
    assert when in reply, reply


@pytest.mark.parametrize(("scenario", "lang", "lines", "own", "also"), [
    ("closing-catering-followup", "nl",
     ["Hoi Marco!", "Welk mailadres kan ik voor je directeur gebruiken voor de uitnodiging?"],
     "m.visser@", ""),
    ("first-visit-cleaning", "en",
     ["Good morning, I'm Tom from SchoonWerk.",
      "Could I have the partners' names and e-mail addresses for the invitation? And would "
      "you like to receive our quarterly newsletter?"],
     "here's my card", "fine"),
])
def test_someone_elses_contact_details_are_not_answered_with_her_own(
        library: Library, scenario: str, lang: str, lines: list[str], own: str,
        also: str) -> None:
    reply = _play(library, scenario, lang, lines)
    assert own not in reply, reply
    assert also in reply, reply


@pytest.mark.parametrize(("lang", "lines", "impact"), [
    ("en", ["I get it, 14% is a lot. how often does the film tear now?",
            "what does a stoppage like that cost you?"], "six people"),
    ("nl", ["snap ik, 14% is best wat. hoe vaak scheurt die folie nu eigenlijk?",
            "wat kost zo'n stilstand jullie?"], "zes mensen"),
])
def test_asked_what_a_told_problem_costs_she_recalls_its_impact_not_how_often(
        library: Library, lang: str, lines: list[str], impact: str) -> None:
    reply = _play(library, "drill-objection-price", lang, lines)
    assert impact in reply, reply
    assert "three times" not in reply and "drie keer" not in reply, reply


@pytest.mark.parametrize(("lang", "lines", "notice"), [
    ("en", ["hi marieke, im sanne from schoonwerk", "when does ur contract end?",
            "and is there a notice period or smth"], "three months"),
    ("nl", ["hoi marieke, sanne van schoonwerk", "wanneer loopt jullie contract af?",
            "en is er een opzegtermijn ofzo"], "drie maanden"),
])
def test_the_notice_period_asked_after_the_contract_end_recalls_the_notice(
        library: Library, lang: str, lines: list[str], notice: str) -> None:
    reply = _play(library, "first-visit-cleaning", lang, lines)
    assert notice in reply, reply
