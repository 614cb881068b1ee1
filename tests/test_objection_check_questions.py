"""A yes/no question after an answer to her objection checks it, also when it holds a word
that elsewhere asks her to tell ("Does that make it easier to explain internally?"), or
names her concern in her own words; she says whether it helps instead of "I couldn't
tell you much about that"."""

from __future__ import annotations

import pytest

from bot.engine.classify import classify, detect_moves
from bot.engine.language import language_model
from bot.scenario.library import load_library
from tests.engine_calls import script_turns

NOT_KNOWN = ("couldn't tell you much", "weinig over zeggen", "niet veel over te zeggen")


@pytest.fixture(scope="module")
def library():
    return load_library([])


@pytest.mark.parametrize(("lang", "line", "form"), [
    ("en", "Does that make it easier to explain to your board?", "closed"),
    ("en", "Is it easy to describe to the partners?", "closed"),
    ("en", "Could you explain how the planning works now?", "open"),
    ("nl", "Maakt dat het makkelijker om uit te leggen aan de directie?", "closed"),
    ("nl", "Kunt u uitleggen hoe de planning nu werkt?", "open"),
])
def test_a_request_word_inside_a_yes_no_question_about_a_thing(lang, line, form):
    lm = language_model(lang)
    msg = lm.analyze(line)
    assert classify(msg, lm, detect_moves(msg, lm)).form == form


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["I hear you, the price matters. What are you comparing it with?",
            "Our film is stronger, so you use less per pallet and the line stops less often.",
            "Does that make it easier to explain to your manager?"]),
    ("nl", ["Ik snap dat de prijs telt. Waarmee vergelijkt u het?",
            "Onze folie is sterker, dus u gebruikt minder per pallet en de lijn staat minder "
            "vaak stil.",
            "Maakt dat het makkelijker om uit te leggen aan uw directeur?"]),
])
def test_checking_an_answer_to_the_price_objection(library, lang, lines):
    turn = script_turns(library, "drill-objection-price", lang, lines)[-1]
    assert (turn["act"], turn["form"], turn["spin"]) == ("objection_response", "closed", None)
    assert not any(p in turn["buyer"] for p in NOT_KNOWN)


def test_a_yes_no_question_in_her_words_about_her_concern(library):
    turn = script_turns(library, "drill-objection-contract-running", "en", [
        "I understand, you don't want to be stuck again.",
        "Would that kind of freedom after March appeal to you?"])[-1]
    assert turn["act"] == "objection_response"
    assert not any(p in turn["buyer"] for p in NOT_KNOWN)
