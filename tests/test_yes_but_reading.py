"""One reading of "yes, but": the buyer and the card agree on whether a "but" took the
understanding back, in both languages (the engine's reaction and the card's credit both
come from ``bot.engine.yes_but``)."""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.scenario.library import LoadResult, load_library
from scoring.sections import no_acknowledgement
from tests.engine_calls import RENEWAL_OPENING

# how the buyer takes understanding at face value ("I'm glad you understand/respect that")
WELCOMED = ("glad you", "good that you", "fijn dat u", "goed dat u")

TAKEN_BACK = [
    ("en", "I understand, but our price is really fair."),
    ("en", "Yeah I get it but honestly we are the best on the market."),
    ("en", "I hear that a lot. However, our rates are the sharpest in the country."),
    ("nl", "ja, maar wij zijn echt de beste van Nederland."),
    ("nl", "ja snap ik maar wij zijn gewoon beter"),
    ("nl", "Ik begrijp het, maar u begrijpt ook dat wij goedkoper zijn."),
]
UNDERSTANDING_STANDS = [
    ("en", "I understand, but that's fine, take your time to decide."),
    ("en", "Good point. But that's fine, I respect that you want to be sure."),
    ("nl", "Dat begrijp ik. Maar helemaal goed hoor, neem gerust de tijd."),
    ("nl", "Mooi kantoor trouwens. Maar helemaal goed hoor, ik begrijp dat u zeker wilt "
           "zijn."),
    ("nl", "Dat snap ik, laat maar weten wat u besluit."),
]


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


def _after_objection(library: LoadResult, lang: str, line: str) -> tuple[str, bool]:
    """The buyer's reply to the line right after Gerard's objection, and whether the card
    reads the engine's record of it as understanding taken back."""
    engine = Engine(CompiledScenario(library.scenarios["objection-software-renewal"]))
    state = engine.start(lang, seed=0)
    for opening in RENEWAL_OPENING[lang]:
        engine.turn(state, opening)
    assert state.pending_objection  # the set-up: his concern stands
    result = engine.turn(state, line)
    assert result.record is not None
    return result.reply, no_acknowledgement(result.record)


@pytest.mark.parametrize(("lang", "line"), TAKEN_BACK)
def test_a_but_that_argues_is_taken_back_for_buyer_and_card(library, lang, line):
    reply, taken_back = _after_objection(library, lang, line)
    assert not any(w in reply.lower() for w in WELCOMED), reply
    assert taken_back


@pytest.mark.parametrize(("lang", "line"), UNDERSTANDING_STANDS)
def test_a_but_that_leads_into_understanding_stands_for_buyer_and_card(library, lang, line):
    reply, taken_back = _after_objection(library, lang, line)
    assert any(w in reply.lower() for w in WELCOMED), reply
    assert not taken_back


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Yes, they may be cheaper, but their food is nowhere near as good."),
    ("nl", "Nee hoor, maar wij koken alles vers op locatie."),
    ("nl", "ja snap ik maar wij koken alles vers"),
])
def test_a_yes_but_answers_her_point_and_the_card_names_the_but(library, lang, line):
    """Right after "Vers & Co is fifty cents below you" the engine reads the yes-but as a
    (poor) answer to her point, and the card reads the same "but"."""
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start(lang, seed=0)
    set_up = {"en": ["Good morning Marco, good to see you again.",
                     "What did you think of the proposal?",
                     "How do you feel about the price per lunch?"],
              "nl": ["Goedemorgen Marco.", "Wat vond je van het voorstel?",
                     "Wat vind je van de prijs per lunch?"]}[lang]
    for opening in set_up:
        engine.turn(state, opening)
    result = engine.turn(state, line)
    assert result.record is not None
    assert result.analysis.yes_but
    assert result.record.act == "objection_response"
    assert no_acknowledgement(result.record)
