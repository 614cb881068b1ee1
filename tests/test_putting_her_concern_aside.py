"""Backing off from her concern lets it rest, as a person would.

"No problem, let's leave the price for now", "prima, dan parkeren we dat even": she says
it is not off the table, and then lets it be: no reminder in the next replies, no "before
we plan anything, the price" on a proposal. The card shows it as not handled. Taking it
up again by name reopens it; "I see" to something else does not. Setting the price aside
to isolate it ("leaving the price aside, is there anything else?") is a clarifying step,
no backing off.
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.scenario.library import LoadResult, load_library
from bot.terminal import run_script
from tests.engine_calls import call
from tests.test_value_answers_price import CLEANING, CLEANING_OPENING

PARK = {
    "en": ["No problem, let's leave the price for now.",
           "Fair enough, we'll come back to that later.",
           "ok lets park that for a sec"],
    "nl": ["Prima, dan parkeren we dat even.",
           "Helemaal goed, daar komen we later op terug.",
           "ok laten we de prijs even laten rusten"],
}
# what the learner goes on with: questions of the inventory, then a dated proposal
AFTER = {
    "en": ["How many square metres are the two offices together?",
           "I see. And when does the contract with Blinkend Schoon end?",
           "Could we meet on Thursday 12 November at 10 to go through a proposal?"],
    "nl": ["Hoeveel vierkante meter zijn de twee kantoren samen?",
           "Ik snap het. En wanneer loopt het contract met Blinkend Schoon af?",
           "Zullen we donderdag 12 november om 10 uur afspreken om een voorstel door te "
           "nemen?"],
}
# her words for a standing concern (the scenario's firmer line, the stock reminders)
REMINDERS = ("partners really look at price", "price still needs", "price is still open",
             "still find it difficult", "kijken echt naar de prijs", "prijs staat voor mij",
             "blijf het lastig", "not addressing my point", "niet van tafel")


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


def _opening(lang: str) -> list[str]:
    return CLEANING_OPENING[lang][:-1]  # up to her objection, nothing said to it yet


@pytest.mark.parametrize("lang,line", [(lang, line) for lang, lines in PARK.items()
                                       for line in lines])
def test_backing_off_lets_it_rest(library: LoadResult, lang: str, line: str) -> None:
    _, state, replies = call(library, CLEANING, lang, [*_opening(lang), line, *AFTER[lang]])
    price = state.objections["price"]
    assert price.raised_turn is not None
    parked = replies[len(_opening(lang))]
    assert state.pending_objection is None and price.rested and not price.handled, parked
    assert any(w in parked.lower() for w in ("table", "tafel")), parked
    later = replies[len(_opening(lang)) + 1:]
    for reply in later:
        assert not any(r in reply.lower() for r in REMINDERS), later


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_card_shows_it_as_not_handled(library: LoadResult, lang: str) -> None:
    cs = CompiledScenario(library.scenarios[CLEANING])
    report = run_script(cs, lang, [*_opening(lang), PARK[lang][0], *AFTER[lang]], None)
    price = next(o for o in report["objections"] if o["id"] == "price")
    assert price["raised"] and not price["handled"]


TAKEN_UP = {"en": "Back to the price for a moment: I understand paying more than now is a "
                  "hard sell to the partners.",
            "nl": "Nog even terug naar de prijs: ik begrijp dat meer betalen dan nu lastig "
                  "ligt bij de partners."}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_named_again_it_is_open_again(library: LoadResult, lang: str) -> None:
    _, state, replies = call(library, CLEANING, lang,
                             [*_opening(lang), PARK[lang][0], AFTER[lang][0], TAKEN_UP[lang]])
    assert state.pending_objection == "price", replies[-1]
    assert state.objections["price"].steps["acknowledge"]


ISOLATE = {"en": "I understand. Leaving the price aside for a moment, is there anything else "
                 "that would hold you back?",
           "nl": "Dat begrijp ik. Als we de prijs even buiten beschouwing laten, is er dan nog "
                 "iets anders dat u tegenhoudt?"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_setting_the_price_aside_to_isolate_it_clarifies(library: LoadResult,
                                                         lang: str) -> None:
    _, state, replies = call(library, CLEANING, lang, [*_opening(lang), ISOLATE[lang]])
    price = state.objections["price"]
    assert state.pending_objection == "price" and not price.rested, replies[-1]
    assert price.steps["clarify"], replies[-1]


DRILL_PARK = {"nl": "Goed, die veertien procent parkeren we even. Hoe lang werkt u al met "
                    "uw huidige folie?",
              "en": "Sure, let's put the fourteen percent aside for now. How long have you "
                    "used your current film?"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_in_a_drill_too_and_her_answer_follows(library: LoadResult, lang: str) -> None:
    _, state, replies = call(library, "drill-objection-price", lang, [DRILL_PARK[lang]])
    price = state.objections["price"]
    assert price.rested and not price.handled and state.pending_objection is None
    assert any(w in replies[0].lower() for w in ("table", "tafel")), replies[0]
