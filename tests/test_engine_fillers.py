"""Stock lines only where they fit: the dev review found "what do you mean exactly?" after
clear questions, "fine, let's move on" glued to unrelated answers, and "yes, that's right"
to summaries with figures the buyer never gave."""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.lexicon import load_lexicon
from bot.scenario.library import load_library

PRINTING_EN = [
    "Good afternoon Ms Bosman. My name is Lars de Boer, I work for Printwise.",
    "How many printers do you have in the warehouse, and how old are they?",
    "Who does the maintenance now?",
]


@pytest.fixture(scope="module")
def library():
    return load_library([])


def _engine(library, scenario_id: str) -> Engine:
    return Engine(CompiledScenario(library.scenarios[scenario_id]))


@pytest.mark.parametrize("figure, corrected", [("30", True), ("16", False)])
def test_a_summary_is_confirmed_only_with_the_figures_she_gave(library, figure, corrected):
    """She said "sixteen label printers ... all bought in 2016": a summary with 30
    printers is corrected, one with 16 (digits for her words) is confirmed."""
    engine = _engine(library, "spin-printing-urgency")
    state = engine.start("en", seed=1)
    for line in PRINTING_EN:
        engine.turn(state, line)
    result = engine.turn(state, f"So to sum up: {figure} label printers from 2016 that jam "
                                "in the peak. Is that right?")
    assert result.record.act == "summary"
    confirmed = any(ok in result.reply for ok in ("that's right", "Exactly, yes"))
    assert confirmed is not corrected, result.reply
    assert (f"{figure}?" in result.reply) is corrected


def test_a_dutch_summary_with_a_wrong_amount_is_corrected(library):
    engine = _engine(library, "spin-printing-urgency")
    state = engine.start("nl", seed=1)
    for line in ["Goedemiddag, ik ben Lars van Printwise.",
                 "Hoeveel printers hebben jullie in het magazijn, en hoe oud zijn ze?"]:
        engine.turn(state, line)
    result = engine.turn(state, "Even samenvatten: 40 labelprinters uit 2016. Klopt dat?")
    assert result.record.act == "summary"
    assert "klopt" not in result.reply.lower() and "40?" in result.reply, result.reply


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_clear_question_she_cannot_place_is_not_met_with_what_do_you_mean(library, seed):
    """She may not answer it, but she does not pretend a plain question is unclear."""
    engine = _engine(library, "spin-printing-urgency")
    state = engine.start("en", seed=seed)
    for line in PRINTING_EN:
        engine.turn(state, line)
    replies = [engine.turn(state, line).reply for line in [
        "Are you satisfied with them?", "And do your colleagues like the scanners?"]]
    assert not any("mean" in r or "getting at" in r for r in replies), replies
    assert all(r.strip() for r in replies)


def test_letting_an_objection_rest_is_not_glued_to_another_reaction(library):
    """A pitch past his "no time", then a request he grants: "Yes, that's fine" is not
    followed by "fine, let's move on, but that point isn't off the table"."""
    engine = _engine(library, "drill-objection-no-time")
    state = engine.start("en", seed=1)
    replies = [engine.turn(state, line).reply for line in [
        "I'll be quick! FlexWerk is one of the biggest staffing agencies in the region.",
        "We do retail, logistics and hospitality, and we have a great app for hours.",
        "Can I leave our rate card with you?"]]
    assert state.objections["no_time"].rested
    assert not any("move on" in r for r in replies), replies


def test_a_proposal_while_her_objection_stands_is_answered_not_brushed_off(library):
    """A date proposed when her concern is about to rest gets her concern first ("before we
    plan anything"), not a bare "let's move on" that leaves the date hanging."""
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start("en", seed=1)
    for line in ["Hi Marco, good to see you again!",
                 "Are there other offers on the table, and how do they compare on price?",
                 "Our price per lunch is what it is.",
                 "We also do a fantastic dessert bar with homemade cakes."]:
        engine.turn(state, line)
    result = engine.turn(state, "Ok, then let's meet again to sign, how about Monday 19 June "
                                "at 3pm?")
    assert "move on" not in result.reply, result.reply
    assert "first this" in result.reply and not state.closing["agreed"]


@pytest.mark.parametrize("seed", [2, 3])
def test_a_recap_gives_what_she_said_not_only_its_lead_in(library, seed):
    """Asked again what bothers her, "as I said: it's mixed." says nothing; the recap is
    the part after the lead-in (the changing team, four o'clock)."""
    engine = _engine(library, "first-visit-cleaning")
    state = engine.start("en", seed=seed)
    for line in ["Good morning, I'm Tom from SchoonWerk.",
                 "Who cleans the office now, and how happy are you with them?"]:
        engine.turn(state, line)
    result = engine.turn(state, "What bothers you most about it?")
    leads = [lead.strip() for lead in load_lexicon("en").line("repeat_just")]
    assert result.reply.startswith(tuple(leads)) and "four" in result.reply, result.reply
