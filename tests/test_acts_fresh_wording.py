"""Acts, forms and SPIN types of the wordings fresh learners used (the second held-out
set, issue 11): read by grammar and context, not by the example's words."""

from __future__ import annotations

import pytest

from bot.scenario.library import load_library
from tests.engine_calls import script_turns


@pytest.fixture(scope="module")
def library():
    return load_library([])


def _turns(library, scenario: str, lang: str, lines: list[str]) -> list[dict]:
    return script_turns(library, scenario, lang, lines)


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "And this quarter we have a special offer: 20% off the first year if you sign "
           "before Christmas."),
    ("nl", "En als u dit jaar nog tekent, krijgt u de eerste twee maanden gratis."),
])
def test_a_discount_on_condition_of_signing_is_an_offer_not_asking_the_order(
        library, lang: str, line: str):
    opening = {"en": "Good morning, I'm Tom from SchoonWerk.",
               "nl": "Goedemorgen, ik ben Tom van SchoonWerk."}[lang]
    turn = _turns(library, "first-visit-cleaning", lang, [opening, line])[-1]
    assert turn["act"] == "pitch"
    assert not turn["buyer"].startswith(("Let's not talk", "Laten we het daar"))


def test_a_summary_that_ends_asking_to_sign_asks_the_order(library):
    lines = ["Goedemorgen, fijn u weer te zien.",
             "Dus eigenlijk is alleen de startdatum nog open. Zullen we het vandaag vastleggen?"]
    turn = _turns(library, "objection-software-renewal", "nl", lines)[-1]
    assert turn["act"] == "ask_order"


def test_the_check_after_an_offer_has_no_spin_type(library):
    """"We lease ..., so no more worries about breakdowns. Would that be something for you?"
    offers: the question asks her verdict on it, no information about her situation."""
    lines = ["Goedemiddag, ik ben Sanne van PrintPartners.",
             "Hoe vaak valt er een labelprinter uit?",
             "Wij leveren labelprinters in lease, inclusief onderhoud en monitoring op afstand, "
             "dan heeft u geen omkijken meer naar storingen. Zou dat iets voor jullie zijn?"]
    turn = _turns(library, "spin-printing-urgency", "nl", lines)[-1]
    assert turn["act"] in ("solution", "pitch") and turn["form"] == "closed"
    assert turn["spin"] is None


@pytest.mark.parametrize(("lang", "line", "spin"), [
    ("nl", "Waar zou u nog iets aan willen veranderen?", "problem"),
    ("nl", "wat moet er nog anders aan", "problem"),
    ("nl", "Wat gaat er niet zoals u zou willen?", "problem"),
    ("nl", "Hoe vaak valt er eigenlijk een machine uit?", "problem"),
    ("en", "Which part of the service do you like least?", "problem"),
    ("en", "What do you value most about them?", "problem"),
    ("en", "What does a late delivery do to the planning?", "implication"),
    ("en", "And who pays for the extra hours afterwards?", "implication"),
])
def test_wishes_for_change_and_consequences_read_in_everyday_words(
        library, lang: str, line: str, spin: str):
    turns = _turns(library, "first-visit-cleaning", lang, [line])
    assert turns[-1]["spin"] == spin



@pytest.mark.parametrize(("lang", "line"), [
    ("en", "So shall I put together a quote for you?"),
    ("en", "Can I make you an offer next month?"),
    ("en", "Would it be an idea to do a demo for you and your director?"),
    ("nl", "Zal ik u anders een folder mailen met de prijzen erin?"),
])
def test_offering_a_document_or_a_session_to_come_is_a_next_step(library, lang: str, line: str):
    opening = {"en": ["Good morning, I'm Tom from SchoonWerk.",
                      "Who does the cleaning now, and how happy are you with them?"],
               "nl": ["Goedemorgen, ik ben Tom van SchoonWerk.",
                      "Wie doet de schoonmaak nu bij u, en hoe tevreden bent u daarover?"]}[lang]
    turn = _turns(library, "first-visit-cleaning", lang, [*opening, line])[-1]
    assert turn["act"] == "next_step_proposal" and turn["spin"] is None


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Great to hear! And don't forget, both trucks come with our five-year warranty and "
           "free training for your drivers."),
    ("nl", "Fijn om te horen! Wij hebben trouwens ook een onderhoudspakket met storingsdienst "
           "dag en nacht."),
])
def test_a_nod_then_more_selling_is_a_pitch_and_no_question(library, lang: str, line: str):
    """Extra selling after "great to hear" asks nothing ("don't forget" is no question)."""
    turn = _turns(library, "drill-closing-order", lang, [line])[-1]
    assert (turn["act"], turn["form"], turn["spin"]) == ("pitch", None, None)


@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    ("first-visit-cleaning", "nl", [
        "Goedemorgen, ik ben Tom van SchoonWerk.",
        "Wat ik vandaag graag zou doen: elkaar leren kennen, horen hoe de schoonmaak nu "
        "geregeld is, en als het zinvol is samen een volgende stap afspreken. Past dat binnen "
        "de tijd tot half elf?"]),
    ("closing-catering-followup", "nl", [
        "Hoi Marco, goed je weer te zien.",
        "Ik kom vandaag vooral om te horen wat je van ons voorstel vond."]),
    ("spin-printing-urgency", "nl", [
        "Goedemiddag, ik ben Sanne van PrintPartners.",
        "Ik ben hier om te kijken hoe het printen bij u geregeld is en of wij iets kunnen "
        "betekenen."]),
])
def test_what_the_visit_is_for_in_the_opening_states_the_objective(
        library, scenario: str, lang: str, lines: list[str]):
    """In the opening, "I'm here to ..." and an agenda that ends in a next step (even with
    the time she has) say what the visit is for: no proposal yet."""
    assert _turns(library, scenario, lang, lines)[-1]["act"] == "state_objective"


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "even checken of ik het goed heb: u wilt een vaste ploeg en de prijs moet gelijk "
           "blijven. klopt?"),
    ("en", "Let me check I've got it right: you want a fixed team and the price has to stay "
           "the same. Correct?"),
])
def test_checking_one_heard_right_sums_up(library, lang: str, line: str):
    opening = {"en": ["Good morning, I'm Tom from SchoonWerk."],
               "nl": ["Goedemorgen, ik ben Tom van SchoonWerk."]}[lang]
    turn = _turns(library, "first-visit-cleaning", lang, [*opening, line])[-1]
    assert turn["act"] == "summary" and turn["spin"] is None


def test_asking_whether_the_answer_makes_the_difference_checks_her_concern(library):
    """After she says the other caterer is cheaper, a benefit with "maakt dat het verschil
    voor je?" checks the answer to her concern; it asks nothing about her situation."""
    lines = ["Hoi Marco, goed je weer te zien.",
             "Wat vonden jij en je collega's van het voorstel?",
             "Wie zijn de andere partijen waar je ons mee vergelijkt?",
             "Snap ik, prijs telt natuurlijk mee. Waarin zijn ze goedkoper?",
             "Bij ons betaal je alleen per afgenomen lunch, dus geen vaste kosten als er minder "
             "mensen eten. Maakt dat het verschil voor je?"]
    turns = _turns(library, "closing-catering-followup", "nl", lines)
    assert (turns[-1]["act"], turns[-1]["spin"]) == ("objection_response", None)


@pytest.mark.parametrize(("line", "form"), [
    ("en wnaneer loopt het contract af?", "open"),
    ("en hoeveell vierkante meter is het?", "open"),
    ("Precies daarvoor is onze app gemaakt.", None),  # "daarvoor" is no "waarvoor"
])
def test_a_long_question_word_with_one_typo_still_asks_openly(library, line: str, form):
    turn = _turns(library, "first-visit-cleaning", "nl",
                  ["Goedemorgen, ik ben Tom van SchoonWerk.", line])[-1]
    assert turn["form"] == form
