"""Objection handling as a learner notices it (round 22).

- She tells the substance of her price concern when asked about other suppliers ("Vers &
  Co sent something too. Fifty cents cheaper per lunch ..."); the learner's next message
  grants it and asks about it ("ok fair. what do they offer for that price?"): that is her
  concern taken up, the objection response. She explains what lies behind it (their fixed
  140 lunches) instead of announcing "like I said, fifty cents below you" as if nobody had
  spoken of it, and the card does not list acknowledging or clarifying as still missing.

The lines vary scenario, wording and language, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import script_report as report


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


# -- 1. her concern taken up right after she told its substance --------------------------

@pytest.mark.parametrize(("lang", "lines", "explained", "too_late"), [
    ("en", ["Hi Marco, good to see you again.",
            "Are you also talking to other caterers?",
            "Ok fair. What do they offer for that price?"],
     "fixed 140", "Like I said"),
    ("en", ["Hi Marco, good to see you again.",
            "Who else made you an offer, if I may ask?",
            "I understand, price matters. What makes them cheaper, do they offer less?"],
     "fixed 140", "Like I said"),
    ("nl", ["Hoi Marco, goed je weer te zien.",
            "Kijk je ook naar andere cateraars?",
            "Dat begrijp ik, de prijs telt mee. Waarom zijn ze goedkoper, bieden ze minder?"],
     "vast aantal van 140", "Zoals ik al zei"),
])
def test_her_told_price_concern_taken_up_is_the_objection_response(
        library: Library, lang: str, lines: list[str], explained: str, too_late: str) -> None:
    rep = report(library, "closing-catering-followup", lang, lines)
    told, last = rep["turns"][-2], rep["turns"][-1]
    assert "Vers & Co" in told["buyer"], told
    assert last["act"] == "objection_response", last
    assert explained in last["buyer"], last
    assert too_late not in last["buyer"], last
    tips = " ".join(rep.get("feedback") or [])
    assert "acknowledge" not in tips and "clarify" not in tips, tips


def test_a_price_question_granting_nothing_still_asks(library: Library) -> None:
    """"Met wie, en waarin zijn ze goedkoper?" grants nothing: a question, as before."""
    rep = report(library, "closing-catering-followup", "nl", [
        "Hoi Marco, goed je weer te zien.",
        "Kijk je ook naar andere cateraars?",
        "Met wie, en waarin zijn ze goedkoper?"])
    assert rep["turns"][-1]["act"] == "fact_question", rep["turns"][-1]


# -- 2. a question about the price is no step on a concern that is not about money -------

RENEWAL_TO_BROCHURE = [
    "Good morning Gerard, good to see you again.",
    "Last time we talked about the hours from the building sites. Today I'd like to go "
    "deeper into that and see whether a demo makes sense. Is that all right?",
    "Where do those paper timesheets go wrong in practice?",
    "I understand, nine years is a long time. What would need to be better for you to "
    "consider a switch?",
    "We'd run both systems side by side until everything matches. Would that take away "
    "your worry?",
    "Which system do you use at the moment?",
    "What do you pay for it now per employee?",
    "When does the contract end?",
]


@pytest.mark.parametrize("question", [
    "ok i get it, ur busy. but what is it about the price that bothers u?",
    "I see. Which part of the price is the problem for you: per employee or the total?",
    "I understand, that's quite a rise. What would be a fair amount for you?",
])
def test_a_price_question_is_no_step_on_her_brochure_request(library: Library,
                                                             question: str) -> None:
    rep = report(library, "objection-software-renewal", "en",
                 [*RENEWAL_TO_BROCHURE, question])
    asked, last = rep["turns"][-2], rep["turns"][-1]
    assert "brochure" in asked["buyer"], asked
    # her explanation of the brochure request ("I want to see whether the corrections go
    # away") answers a question into that request, not one about the price
    assert "Mainly I want to see" not in last["buyer"], last
    assert "clarify" not in (last.get("steps") or []), last


def test_a_question_into_her_concern_with_a_price_word_aside_still_clarifies(
        library: Library) -> None:
    rep = report(library, "drill-objection-bad-experience", "en", [
        "Oh no, in the middle of tax season! Which firm was it, if you don't mind me "
        "asking? I bet it was one of those cheap ones"])
    assert rep["objectives"]["external"]["clarify"] is True, rep["objectives"]


# -- 3. her price granted, then argued with ----------------------------------------------

@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Hi Marco, good to see you again.",
            "Are you also talking to other caterers?",
            "Well, they may be cheaper, but our chefs cook everything fresh on site."]),
    ("nl", ["Hoi Marco, goed je weer te zien.",
            "Kijk je ook naar andere cateraars?",
            "Die zijn misschien goedkoper, dat klopt, maar wij koken alles vers op locatie."]),
    ("nl", ["Hoi Marco, goed je weer te zien.",
            "Kijk je ook naar andere cateraars?",
            "Oké, dat snap ik. Maar bij ons is alles vers, dat doen zij niet."]),
])
def test_her_price_granted_then_argued_is_a_poor_objection_response(
        library: Library, lang: str, lines: list[str]) -> None:
    """Right after she told the cheaper offer, "they may be cheaper, but we cook fresh"
    argues with her point: an objection response, and she says it does not settle it
    (no pitch reply, no "like I said, fifty cents below you" as if nobody had spoken)."""
    rep = report(library, "closing-catering-followup", lang, lines)
    last = rep["turns"][-1]
    assert last["act"] == "objection_response", last
    assert "Like I said" not in last["buyer"] and "Zoals ik al zei" not in last["buyer"], last
    assert "Every supplier says that" not in last["buyer"], last
    assert "Dat zeggen alle leveranciers" not in last["buyer"], last


# -- 4. a pitch past her concern is a pitch -----------------------------------------------

def test_a_company_story_to_a_buyer_with_no_time_is_a_pitch(library: Library) -> None:
    """In the no-time drill, "Ik houd het kort! Wij bestaan al twintig jaar, ..." tells the
    company's story: a pitch, and she says she has no time for a whole story (not "that
    does not settle my point", as if her concern had been answered)."""
    rep = report(library, "drill-objection-no-time", "nl", [
        "Ik houd het kort hoor! FlexWerk bestaat al twintig jaar, al onze flexkrachten zijn "
        "gescreend en we regelen de hele loonadministratie."])
    last = rep["turns"][-1]
    assert last["act"] == "pitch", last
    assert "niet van tafel" not in last["buyer"], last


def test_a_boast_that_names_her_word_in_passing_is_a_pitch(library: Library) -> None:
    """Her concern about switching raised in the call, "Our system is simply the best for
    construction, everyone is switching to it" boasts past it: a pitch."""
    rep = report(library, "objection-software-renewal", "en", [
        "Good morning Gerard, good to see you again.",
        "How do the hours come in from the building sites now?",
        "And what happens when an allowance is wrong?",
        "Our system is simply the best on the market for construction, everyone is "
        "switching to it."])
    assert "Loonhuis" in " ".join(t["buyer"] for t in rep["turns"][:3]), rep["turns"]
    assert rep["turns"][-1]["act"] == "pitch", rep["turns"][-1]


def test_a_cost_in_time_is_no_price_question(library: Library) -> None:
    """"How much time does the retyping cost you?" while her switching worry stands asks
    no price: she still answers it as before (the hours), not as a question about money."""
    rep = report(library, "objection-software-renewal", "en", [
        *RENEWAL_TO_BROCHURE[:3],
        "I see, nine years counts for something. How much time does that switch worry cost "
        "you, when you think about it?"])
    assert rep["turns"][-1]["act"] == "objection_response", rep["turns"][-1]
