"""Tips the lead's user calls of round 11 judged unfair (round 12).

Each test builds the turns the engine recorded in such a call and asserts what the card
says: an opening tip says what the learner did and what not, a wrap-up after her yes is no
wasted message, a bare feature claim is not praised as objection handling.
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.state import ObjectionState, SessionState, TurnRecord
from scoring.feedback import _strengths, choose_tips
from tests.engine_calls import compiled_library
from tests.engine_calls import turn_record as turn


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()



def _keys(cs: CompiledScenario, lang: str, turns: list[TurnRecord],
          state: SessionState | None = None) -> dict[str, dict[str, str]]:
    state = state or SessionState(scenario_id=cs.scenario.id, lang=lang, seed=0)
    state.history = list(turns)
    return {t.key: t.values for t in choose_tips(cs, state)}


def test_a_name_and_company_is_an_introduction_the_tip_does_not_ask_for_again(library):
    """"Goedemorgen mevrouw, Lotte van PrintPro." introduced her (under the wrong company):
    the tip must not say "begin met jezelf en je bedrijf voor te stellen" as if she had not."""
    cs = library["spin-printing-urgency"]
    opening = turn("Goedemorgen mevrouw, Lotte van PrintPro. Bedankt voor uw tijd!",
                   "greet_introduce")
    tips = _keys(cs, "nl", [opening, turn("Hoe gaat het hier, druk?", "small_talk")])
    assert "introduce" not in tips and "introduce_plain" not in tips
    assert tips["introduce_company"]["company"] == "Printwise"
    # greeting her by her name and firm says nothing about who is calling
    greeting = turn("Goedemorgen Ingrid van Van Dijk Fulfilment!", "greet")
    assert "introduce_company" not in _keys(cs, "nl", [greeting])


def test_a_wrap_up_after_her_yes_did_not_do_nothing(library):
    """"perfect, ill email it within the hour" after she agreed to sign was called a message
    that "did nothing for the exercise": the exercise was done, it said what happens next."""
    cs = library["drill-closing-order"]
    ask = turn("great! price stays as quoted and delivery before 1 march is confirmed. "
               "shall i send the order form today so u can sign?", "ask_order",
               form="closed", objectives=("ask_for_order",))
    wrap_up = turn("perfect, ill email it within the hour", "next_step_proposal")
    tips = _keys(cs, "en", [ask, wrap_up])
    assert "wasted_message" not in tips
    assert tips["good_wrap_up"]["quote"] == "perfect, ill email it within the hour"
    # before the exercise is done the same kind of line still did nothing for it
    early = _keys(cs, "en", [turn("ok, ill email you the details", "next_step_proposal"),
                             ask])
    assert "good_wrap_up" not in early


def test_a_feature_claim_is_not_praised_as_objection_handling(library):
    """"ik snap het. onze nieuwe versie doet de cao toeslagen automatisch" was praised as
    "beantwoordde zijn zorg met een voordeel": it says what the product does, not what it
    brings him. An answer that says what it brings him is still praised."""
    cs = library["objection-software-renewal"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    state.objections["happy_current"] = ObjectionState(raised_turn=0, handled=True)
    feature = turn("ik snap het. onze nieuwe versie doet de cao toeslagen automatisch",
                   "objection_response", steps=("acknowledge", "respond"))
    assert "good_objection" not in {t.key for t in _strengths(cs, state, [feature])}
    benefit = turn("Ik snap het. Dan hoeven Joke en Ahmed bij u niets meer over te typen.",
                   "objection_response", steps=("acknowledge", "respond"))
    assert "good_objection" in {t.key for t in _strengths(cs, state, [benefit])}


def test_a_short_drill_card_speaks_of_the_learners_messages_not_the_goals_again(library):
    """A closed question, then a good open one: the third tip was "Wat een sterk antwoord in
    deze oefening doet: ..." (the exercise's goals again). It is about this learner's
    messages: only the second did it. A first message that did part of it is no miss."""
    cs = library["drill-closed-to-open"]
    goals = tuple(cs.external_ids)
    closed = turn("Bent u eigenlijk tevreden over uw huidige vervoerder?", "fact_question",
                  form="closed")
    open_ = turn("Hoe bevalt de samenwerking met uw vervoerder tot nu toe?", "fact_question",
                 form="open", objectives=goals)
    tips = _keys(cs, "nl", [closed, open_])
    assert "model_answer" not in tips
    assert tips["late_success"]["done_at"] == "2"
    assert "late_success" not in _keys(cs, "nl", [open_])


def test_an_order_asked_for_is_praised_as_asking_for_the_order(library):
    """"So how would you like to proceed with the order?" was praised as "gave a concrete
    next step": it asked for the order, and the praise says so."""
    cs = library["drill-closing-order"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.closing.update(attempted=True, concrete=True, agreed=True)
    ask = turn("Price stays as it is and delivery before 1 March is no problem. So how would "
               "you like to proceed with the order?", "ask_order",
               objectives=("ask_for_order",))
    keys = {t.key for t in _strengths(cs, state, [ask])}
    assert "good_close_order" in keys and "good_close" not in keys


def test_a_price_brought_down_to_a_figure_is_named_as_a_discount(library):
    """"if we drop to 6.50 can we sign today?" cut the price and the card said nothing of
    it. A lower number of days or lunches is no discount."""
    cs = library["closing-catering-followup"]
    cut = turn("if we drop to 6.50 can we sign today?", "ask_order", form="closed")
    tips = _keys(cs, "en", [turn("Hello Marco, good to see you again.", "greet_introduce"),
                            cut])
    assert tips["discount"]["quote"] == "if we drop to 6.50 can we sign today?"
    fewer = turn("If we go down to 4 days a week, would that help?", "solution")
    assert "discount" not in _keys(cs, "en", [fewer])
