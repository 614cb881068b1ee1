"""Fair scores and true tips: what a demanding trainer would give, card by card (issue 11).

Most tests play a call through the same path as ``python -m bot play --script --json``
and read the card the learner sees; a few build the turns by hand where the engine's
reading of free text is not the point (that is tested in the engine's own tests).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.call_report import render_tip
from bot.engine.compiled import CompiledScenario
from bot.engine.state import ObjectionState, SessionState, TurnRecord
from bot.scenario.library import load_library
from bot.terminal import run_script
from scoring.card import score_call
from scoring.feedback import Tip, _deeper_questions, _strengths, choose_tips, quote
from scoring.sections import (
    CLOSING_CREDIT,
    DISCOUNT_COST,
    closing_score,
    conduct_deduction,
    informal,
    objections_score,
    offers_discount,
    question_mix,
    questions_score,
)


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return {sid: CompiledScenario(s) for sid, s in load_library(()).scenarios.items()}


def play(library: dict[str, CompiledScenario], sid: str, lang: str, lines: list[str]) -> dict:
    return run_script(library[sid], lang, lines, None)


def turn(learner: str, act: str, *, form: str | None = None, spin: str | None = None,
         objectives: tuple[str, ...] = (), facts: tuple[str, ...] = (),
         steps: tuple[str, ...] = ()) -> TurnRecord:
    return TurnRecord(learner=learner, buyer="…", form=form, spin=spin,
                      objectives=list(objectives), moves=[], facts=list(facts), needs=[],
                      phase="inventory", act=act, answered=list(facts), steps=list(steps))


# -- the score ---------------------------------------------------------------------------


def test_a_concrete_proposal_she_did_not_take_earns_most_of_the_closing_but_not_all(library):
    """A user test: closing 95 while she said "Ho, die datum staat nog niet vast". The
    form earns most of the part; only her agreement earns it all."""
    opening = "Good morning, I'm Tom from SchoonWerk Netherlands."
    need = "What would you like to be different about the cleaning?"
    concrete = play(library, "first-visit-cleaning", "en", [
        opening, need, "Could we meet again on Tuesday 14 March at 10 to talk about a quotation?"])
    vague = play(library, "first-visit-cleaning", "en", [
        opening, need, "Could we meet again sometime to talk about a quotation?"])
    assert concrete["closing"]["agreed"] is False
    assert 40 < concrete["sections"]["closing"] <= 80
    assert vague["sections"]["closing"] == 40
    assert concrete["score"] > vague["score"]
    # the vague one is told to name a day and a time (in words that do not deny the next
    # step the card ticks for it)
    assert not any("a day, a time" in tip for tip in concrete["feedback"])
    assert any("a day, a time" in tip for tip in vague["feedback"])


def test_a_dated_proposal_before_any_need_is_known_is_no_near_perfect_close(library):
    """A user test: "ok so next week thursday 2pm, me and you, i bring the quote?" before
    she had told anything scored the closing 95. The form is right, the moment is not."""
    report = play(library, "first-visit-cleaning", "en", [
        "Good morning, I'm Tom from SchoonWerk Netherlands.",
        "Could we meet again on Tuesday 14 March at 10 to talk about a quotation?"])
    assert 40 < report["sections"]["closing"] < 80


def test_a_dated_proposal_pushed_over_a_concern_left_alone_is_no_near_perfect_close(library):
    """A user test: the buyer raised the price, the learner never answered it and pushed a
    dated meeting; the closing scored 95 although she refused. Once the learner worked on
    the concern (any handling step), the same proposal is a close at the right moment."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.closing.update(attempted=True, concrete=True)
    state.objections["price"] = ObjectionState(raised_turn=1)
    asked = turn("What would you like to be different about the cleaning?", "fact_question",
                 form="open", spin="problem", facts=("satisfaction",))
    ignored = turn("And how many people work here?", "fact_question", form="open",
                   spin="situation")
    proposal = turn("Could we meet again on Tuesday 14 March at 10 with Mr Verhoef?",
                    "next_step_proposal", form="closed")
    pushed = closing_score(cs, state, [asked, ignored, proposal])
    ignored.act, ignored.steps = "objection_response", ["acknowledge"]
    timed = closing_score(cs, state, [asked, ignored, proposal])
    assert 40 < pushed < timed < 100


def test_a_drill_done_right_first_time_scores_92_with_praise_and_no_try_again(library):
    line = "My total forecast is €52,500, and March is €25,500."
    report = play(library, "drill-forecast", "en", [line])
    assert report["score"] == 92
    assert 3 <= len(report["feedback"]) <= 5
    joined = " ".join(report["feedback"])
    # (the opener says it did what the exercise asks; a second tip saying so is redundant)
    assert line in joined and "You did what it asks" in joined
    assert "again" not in joined and "different approach" not in joined


def test_first_message_praise_only_when_that_message_alone_did_the_exercise(library):
    """A trainer's review: an acknowledgement with a question, then the benefit and the
    check, is good handling, but "your first message already did it" is not true of it."""
    report = play(library, "drill-objection-price", "en", [
        "Fourteen percent is a real difference, I understand. What does it cost you when the "
        "packing line stops because the film tears?",
        "Our film tears far less and is thinner, so you use less per pallet and the line keeps "
        "running.",
        "If we show that with a trial roll on your line, would that take away your concern?"])
    assert report["score"] >= 70
    assert not any("first message already did" in tip for tip in report["feedback"])
    partial = play(library, "drill-forecast", "nl", ["Mijn totale forecast is € 52.500."])
    assert not any("eerste bericht deed al" in tip for tip in partial["feedback"])


def test_a_false_start_in_a_drill_costs_about_a_quarter_and_is_named(library):
    report = play(library, "drill-forecast", "en", [
        "My total forecast is €70,500.", "Sorry, Kuipers is lost so that's zero. Total €52,500.",
        "And March is €25,500."])
    assert 60 <= report["score"] <= 75
    assert "“My total forecast is €70,500.”" in report["feedback"][0]
    assert 3 <= len(report["feedback"]) <= 5


def test_a_weak_answer_to_an_objection_earns_partial_credit_not_zero(library):
    ack = "I understand fourteen percent sounds like a lot."
    defended = play(library, "drill-objection-price", "en", [
        ack, "But our film is simply better quality, you will see that soon enough.",
        "Is that ok for you?"])
    silent = play(library, "drill-objection-price", "en", [ack, "ok", "ok"])
    good = play(library, "drill-objection-price", "en", [
        "Fourteen percent is a real difference, I understand. What does it cost you when the "
        "packing line stops because the film tears?",
        "Our film tears far less and is thinner, so you use less per pallet and the line keeps "
        "running.",
        "If we show that with a trial roll on your line, would that take away your concern?"])
    assert 30 <= defended["score"] <= 55  # a trainer: some understanding, then defending
    assert silent["score"] < defended["score"] < good["score"]


def test_an_objection_raised_after_the_learners_last_words_is_not_held_against_the_score(
        library):
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.objections["price"] = ObjectionState(raised_turn=2)
    turns = [turn("Good morning, I'm Tom from SchoonWerk Netherlands.", "greet_introduce",
                  objectives=("introduce",)),
             turn("Could we meet on Tuesday 14 March at 10?", "next_step_proposal"),
             turn("Thank you, goodbye!", "goodbye")]
    assert objections_score(state, turns) is None
    card = score_call(cs, state, None, turns)
    assert card.sections["objections"] is None
    assert any(tip.key == "objection_open" for tip in card.tips)


def test_a_solution_before_she_stated_any_need_is_a_pitch(library):
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"introduce": 1})
    early = "We'd put a fixed team on both offices with a weekly quality check."
    turns = [turn("Good morning, I'm Tom from SchoonWerk Netherlands.", "greet_introduce",
                  objectives=("introduce",)),
             turn(early, "solution")]
    card = score_call(cs, state, None, turns)
    assert card.deduction > 0
    assert any(tip.key == "pitch" and early in tip.values["quote"] for tip in card.tips)


def test_taking_stock_of_needs_without_saying_the_purpose_earns_half_of_it(library):
    cs = library["first-visit-cleaning"]
    turns = [turn("What bothers you most about the cleaning?", "fact_question", form="open",
                  spin="problem", objectives=("needs",), facts=("satisfaction",))]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"needs": 1})
    without = score_call(cs, state, None, turns).sections["external"]
    state.flags["objective_stated"] = 1
    stated = score_call(cs, state, None, turns).sections["external"]
    assert without is not None and stated is not None
    assert without == pytest.approx(stated / 2)


def test_an_agenda_read_as_another_act_still_counts_as_the_purpose_said(library):
    """A trainer's review: "My proposal: first we get acquainted, then I ask how the
    cleaning goes, and at the end we see whether a next meeting makes sense. OK?" states
    the purpose, even when its closing words get it read as a proposal: the needs earn
    their full credit and no tip says to state the purpose early."""
    cs = library["first-visit-cleaning"]
    agenda = turn("My proposal: first we get acquainted, then I ask how the cleaning goes, "
                  "and at the end we see whether a next meeting makes sense. OK?",
                  "next_step_proposal", form="closed")
    agenda.moves = ["state_objective", "propose_next_step", "check"]
    question = turn("What bothers you most about the cleaning?", "fact_question",
                    form="open", spin="problem", objectives=("needs",), facts=("satisfaction",))
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"needs": 1})
    said = score_call(cs, state, None, [agenda, question])
    unsaid = score_call(cs, state, None, [question])
    assert said.sections["external"] == pytest.approx(2 * unsaid.sections["external"])
    assert not any(tip.key.startswith("state_objective") for tip in said.tips)
    assert any(tip.key.startswith("state_objective") for tip in unsaid.tips)
    # the same words after the inventory are a closing proposal, not the agenda
    late = score_call(cs, state, None, [question, agenda])
    assert late.sections["external"] == unsaid.sections["external"]


def test_a_first_visit_inventory_needs_implication_and_need_payoff_questions(library):
    cs = library["first-visit-cleaning"]
    shallow = [turn(f"Question {i}?", "fact_question", form="open", spin=spin)
               for i, spin in enumerate(["situation", "problem", "problem", "situation"])]
    deep = [*shallow[:2],
            turn("What does that mean for your clients?", "fact_question", form="open",
                 spin="implication"),
            turn("What would it mean for you if …?", "fact_question", form="open",
                 spin="need_payoff")]
    shallow_score = questions_score(cs, shallow)
    deep_score = questions_score(cs, deep)
    assert shallow_score is not None and deep_score is not None
    assert shallow_score < deep_score == 100


def test_a_spin_call_needs_the_value_question_as_well_as_the_consequences(library):
    """In the SPIN scenario three implication questions without one need-payoff question
    leave half of the depth unearned; two of each kind earn it all."""
    cs = library["spin-printing-urgency"]

    def score(*spins: str) -> float:
        turns = [turn(f"Question {i}?", "fact_question", form="open", spin=spin)
                 for i, spin in enumerate(spins)]
        result = questions_score(cs, turns)
        assert result is not None
        return result

    base = ("situation", "situation", "problem")
    consequences_only = score(*base, "implication", "implication", "implication")
    both = score(*base, "implication", "implication", "need_payoff")
    assert both == 100
    assert consequences_only == pytest.approx(100 * (0.35 + 0.65 * 0.5))
    assert score(*base, "implication", "need_payoff") < both


def test_a_pitch_with_a_few_questions_is_not_credited_like_a_needs_analysis(library):
    """The same four questions earn less of the questions part when most of the call was
    sales talk around them; in a drill, where a message or two is all, they do not."""
    questions = [turn(f"Question {i}?", "fact_question", form="open", spin="situation")
                 for i in range(4)]
    talk = [turn(f"We are great at {i}.", "pitch") for i in range(6)]
    goodbye = turn("Thanks, goodbye!", "goodbye")
    call = library["first-visit-cleaning"]
    inventory = questions_score(call, [*questions, goodbye])
    pitch = questions_score(call, [*talk[:3], *questions, *talk[3:], goodbye])
    assert inventory is not None and pitch is not None
    assert pitch == pytest.approx(inventory * (4 / 10) / 0.6)
    drill = library["drill-closed-to-open"]
    assert questions_score(drill, [talk[0], *questions]) == questions_score(drill, questions)


def test_a_pitch_without_questions_stays_low_but_is_not_wiped_out(library):
    report = play(library, "first-visit-cleaning", "en", [
        "Hello, I'm Tom from SchoonWerk Netherlands.",
        "We're the number one cleaning company in the country, with certified staff.",
        "So if you sign with us this week I can give you 15% off the first year."])
    assert 5 <= report["score"] <= 30


# -- the tips ----------------------------------------------------------------------------


def test_every_card_holds_three_to_five_tips(library):
    calls = [("drill-objection-brochure", "en", ["Of course. What would you look for in it?"]),
             ("drill-closing-order", "en", ["The price stays as quoted and we deliver before "
                                            "1 March. Shall I put the order through today?"]),
             ("first-visit-cleaning", "nl", ["Hallo"]),
             ("spin-printing-urgency", "en", ["Hi Ingrid, I'm Eva from Printwise.",
                                              "How many printers do you have?"])]
    for sid, lang, lines in calls:
        report = play(library, sid, lang, lines)
        assert 3 <= len(report["feedback"]) <= 5, (sid, report["feedback"])


def test_a_check_question_is_praised_as_a_check_and_never_advised_to_be_opened(library):
    report = play(library, "drill-objection-brochure", "en", [
        "Of course, five minutes is short. What would you want the brochure to answer first?",
        "You mentioned absence is in three spreadsheets now. With our absence module everything "
        "is in one overview.",
        "Would that help you?"])
    joined = " ".join(report["feedback"])
    assert "closed question" not in joined
    assert "“Would that help you?” checked" in joined


def test_tips_about_a_male_buyer_say_he_and_him(library):
    report = play(library, "drill-objection-brochure", "en", [
        "ok", "we have a great module", "bye"])
    joined = " ".join(report["feedback"])
    assert " she " not in joined and " her " not in joined
    assert " he " in joined or " him" in joined or " his " in joined


def test_missing_objection_steps_are_named_in_the_learners_language(library):
    report = play(library, "drill-objection-price", "nl", [
        "Dat begrijp ik, veertien procent is veel.",
        "Maar onze folie is gewoon van betere kwaliteit, dat ziet u vanzelf.",
        "Is dat goed voor u?"])
    step_tip = next(tip for tip in report["feedback"] if "Nog niet gedaan" in tip)
    assert "doorvragen" in step_tip and "clarify" not in step_tip


def test_an_introduction_with_another_company_says_which_company_the_briefing_names(library):
    report = play(library, "first-visit-cleaning", "en", [
        "Good morning, I'm Lisa from CleanCo.",
        "Could you tell me how the cleaning is organised now?"])
    intro = report["feedback"][0]
    assert "I'm Lisa from CleanCo" in intro and "SchoonWerk" in intro


def test_chat_style_costs_points_and_gets_a_tip_but_the_dutch_u_is_polite():
    chat = [turn("hi im sam from printwise", "greet_introduce"),
            turn("what printers r u using now", "fact_question", form="open")]
    polite = [turn("Hoe tevreden bent u over uw vervoerder?", "fact_question", form="open"),
              turn("Wat zou u willen verbeteren?", "fact_question", form="open")]
    assert informal(chat, "en")
    assert not informal(polite, "nl")


def test_a_chatty_drill_gets_the_register_tip_and_costs_points(library):
    chatty = play(library, "drill-closing-order", "en", [
        "price stays as quoted n delivery before 1 march. shall i put the order thru?",
        "cool thx, ill email u the confirmation"])
    neat = play(library, "drill-closing-order", "en", [
        "The price stays as quoted and we deliver before 1 March. Shall I put the order "
        "through?", "Great, I'll email you the confirmation."])
    assert any("text-speak" in tip for tip in chatty["feedback"])
    assert chatty["score"] < neat["score"]


def test_a_stacked_question_gets_a_tip_when_part_of_it_got_lost(library):
    """Four questions in one, of which she answered three facts: a part got lost. Two
    questions she answered both of lost nothing, however many facts their words touch."""
    lost = play(library, "first-visit-cleaning", "en", [
        "Good morning, I'm Tom from SchoonWerk Netherlands.",
        "Who cleans them now, how big are the offices, how often do they come and what do "
        "you pay?"])
    assert any("several things at once" in tip for tip in lost["feedback"])
    both = play(library, "first-visit-cleaning", "en", [
        "Good morning, I'm Tom from SchoonWerk Netherlands.",
        "How big are both offices and how many times a week do they clean?"])
    assert not any("several things at once" in tip for tip in both["feedback"])


def test_every_tip_renders_in_both_languages(library):
    cs = library["drill-objection-price"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    state.objections["price"] = ObjectionState(raised_turn=0)
    turns = [turn("ok", "objection_response"), turn("ok doei", "goodbye")]
    for tip in score_call(cs, state, None, turns).tips:
        for lang in ("nl", "en"):
            text = render_tip(lang, tip)
            assert "{" not in text and not text.startswith("tips."), text


def test_sales_talk_in_a_closing_drill_is_told_to_come_to_the_point(library):
    """A trainer's review: after her buying signal, "ask an open question about her
    situation first" is the wrong cure for more sales talk; asking for the order is."""
    talk = ("Great to hear! And don't forget the batteries come with three years of "
            "warranty, maintenance is included for two years and they have a speed limiter.")
    cs = library["drill-closing-order"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    tips = score_call(cs, state, None, [turn(talk, "pitch"),
                                        turn("Thanks, goodbye!", "goodbye")]).tips
    pitch = next(tip for tip in tips if tip.key.startswith("pitch"))
    assert pitch.key == "pitch_closing"
    for lang in ("nl", "en"):
        text = render_tip(lang, pitch)
        assert "{" not in text and ("order" in text)
    assert "open question" not in render_tip("en", pitch)
    call = library["first-visit-cleaning"]
    state = SessionState(scenario_id=call.scenario.id, lang="en", seed=0)
    early = score_call(call, state, None, [turn("Hello, I'm Tom.", "greet_introduce"),
                                           turn(talk, "pitch")]).tips
    assert any(tip.key == "pitch" for tip in early)


def test_promising_a_quotation_is_told_why_it_is_no_goal_yet_not_called_a_feature_pitch(
        library):
    """A trainer's review: "And then hopefully we can send you a quote afterwards." read as
    sales talk is no feature pitch; its fault is that a quotation is no realistic goal of a
    first visit."""
    cs = library["drill-external-objective"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    agenda = turn("Today I'd like to get to know each other and hear what you need.",
                  "state_objective")
    promise = turn("And then hopefully we can send you a quote afterwards.", "pitch")
    keys = [tip.key for tip in score_call(cs, state, None, [agenda, promise]).tips]
    assert "quote_close" in keys and "pitch" not in keys
    talk = turn("And our machines grind fresh beans for every cup.", "pitch")
    assert "pitch" in [tip.key for tip in score_call(cs, state, None, [agenda, talk]).tips]


def test_the_solution_tip_says_the_need_follows_from_her_words_not_that_she_named_it():
    """A trainer's review: "She mentioned: cleaning outside office hours" when she told of
    a cleaner vacuuming during a will reading; the need is read from her words, so the tip
    says so instead of putting words in her mouth."""
    tip = Tip("solution", {"need": "cleaning outside office hours", "gender": "female"})
    assert render_tip("en", tip).startswith("What she told you points to this need: "
                                            "cleaning outside office hours.")
    assert "vertelde wijst op" in render_tip("nl", tip)
    assert "mentioned" not in render_tip("en", tip)


def test_a_vague_proposal_followed_by_a_concrete_one_costs_a_message_in_a_drill(library):
    concrete = "Shall we say Thursday at 8, two of us, to measure the morning shift?"
    vague_first = play(library, "drill-closing-next-step", "en", [
        "We could come by some time next week.", concrete])
    straight = play(library, "drill-closing-next-step", "en", [concrete])
    assert straight["score"] == 92
    assert 60 <= vague_first["score"] <= 80
    assert "“We could come by some time next week.”" in vague_first["feedback"][0]
    assert not any("first message already" in tip for tip in vague_first["feedback"])


def test_a_push_for_the_signature_without_a_date_is_an_attempt_not_a_concrete_step(library):
    report = play(library, "first-visit-cleaning", "en", [
        "Good morning, I'm Tom from SchoonWerk Netherlands.", "Who cleans your offices now?",
        "If you sign with us this week I can give you 15% off the first year. Shall I put you "
        "down?"])
    assert report["closing"] == {"attempted": True, "agreed": False}
    assert report["sections"]["closing"] == 40


def test_a_word_about_the_company_before_the_agenda_is_an_introduction_not_a_pitch(library):
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"introduce": 1})
    hello = turn("Good morning, I'm Tom from SchoonWerk Netherlands.", "greet_introduce",
                 objectives=("introduce",))
    company = turn("SchoonWerk is a national cleaning company; nearby we clean a law firm.",
                   "pitch")
    agenda = turn("Today I'd like to get to know you and hear what matters to you.",
                  "state_objective")
    more = turn("We also have green products and a 24/7 service desk.", "pitch")
    introduced = score_call(cs, state, None, [hello, company, agenda])
    monologue = score_call(cs, state, None, [hello, company, more])
    assert not any(tip.key == "pitch" for tip in introduced.tips)
    assert any(tip.key == "pitch" for tip in monologue.tips) and monologue.deduction > 0


# -- robustness: one reading the engine missed is no cliff ------------------------------


def test_a_concrete_proposal_keeps_the_base_even_when_its_objective_was_not_recognised(
        library):
    """A closing drill whose objective the engine did not tick still sees a concrete next
    step proposed: the learner keeps the trainer's base instead of dropping to nothing."""
    cs = library["drill-closing-next-step"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.closing.update(attempted=True, concrete=True)
    turns = [turn("Shall I come by on Thursday 12 June at 10 with the samples?",
                  "next_step_proposal", form="closed")]
    card = score_call(cs, state, None, turns)
    state.closing.update(attempted=False, concrete=False)
    nothing = score_call(cs, state, None, [turn("We are the best in the region.", "pitch")])
    assert card.total >= 40
    assert nothing.total <= 10


def test_a_drills_detour_costs_only_when_the_learner_got_there_in_the_end(library):
    """Messages that did nothing for the exercise cost when the learner got it right
    later (a false start); when the exercise was never completed, the objectives not met
    already cost and the messages are not charged a second time."""
    cs = library["drill-forecast"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    wrong = [turn("My total forecast is €70,500.", "other"),
             turn("And March is €40,000.", "other")]
    assert score_call(cs, state, None, wrong).deduction == 0
    state.objectives["forecast_march"] = 1
    half = [*wrong, turn("Sorry, March is €25,500.", "other", objectives=("forecast_march",))]
    assert score_call(cs, state, None, half).deduction == 0
    state.objectives["forecast_total"] = 1
    full = [*half, turn("And the total is €52,500.", "other", objectives=("forecast_total",))]
    card = score_call(cs, state, None, full)
    assert 0 < card.deduction <= 30  # a detour costs, but never most of the score


def test_a_concrete_proposal_read_as_another_act_still_scores_as_concrete(library):
    """'Then let's book the signing: Wednesday 28 June at 10am' may be read as a solution
    too; its closing move still makes it the learner's concrete proposal (95, not 40)."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.closing.update(attempted=True, concrete=True)
    proposal = turn("So we start with both offices; shall we meet on Wednesday 28 June at "
                    "10am to go through the quotation?", "solution", form="closed")
    proposal.moves = ["propose_next_step"]
    vague = turn("Could we meet again some time?", "next_step_proposal", form="closed")
    asked = turn("What would you like to be different about the cleaning?", "fact_question",
                 form="open", spin="problem", facts=("satisfaction",))
    assert closing_score(cs, state, [asked, vague, proposal]) == CLOSING_CREDIT["concrete"]
    proposal.moves = []
    assert closing_score(cs, state, [asked, vague, proposal]) == 40


# -- tips a trainer found unfair on the dev review ------------------------------------


def test_a_strong_drill_card_says_what_was_done_not_just_the_score(library):
    report = play(library, "drill-forecast", "en",
                  ["My total forecast is €52,500, and March is €25,500."])
    opener = report["feedback"][0]
    assert opener.startswith("Strong work: 92/100")
    assert "You did what it asks: total forecast" in opener


def test_a_closed_question_in_the_open_question_drill_is_named_as_closed(library):
    report = play(library, "drill-closed-to-open", "en", [
        "Are you happy with your current carrier?",
        "What do you like about them, and what could be better?"])
    tip = next(t for t in report["feedback"] if "Are you happy" in t)
    assert "closed question" in tip and "The exercise asks for: an open question" in tip
    assert "did not yet do what the exercise asks" not in tip


def test_lower_case_alone_gets_the_capital_tip_and_text_speak_the_chat_tip(library):
    polite = play(library, "drill-closed-to-open", "en", [
        "how satisfied are you with your current carrier?", "what could they do better?"])
    # (both lines earn praise, which keeps its quote: the capital tip speaks of the messages)
    assert any("start without a capital" in tip for tip in polite["feedback"])
    assert not any("chat with a friend" in tip for tip in polite["feedback"])
    chatty = play(library, "drill-closed-to-open", "en", [
        "how satisfied are u with ur current carrier?", "thx, what could they do better?"])
    assert any("chat with a friend" in tip and "are u with ur" in tip
               for tip in chatty["feedback"])
    assert chatty["score"] == polite["score"]  # the same cost, a truer tip


def test_a_follow_up_visit_is_told_to_recap_not_to_get_acquainted(library):
    report = play(library, "closing-catering-followup", "en", [
        "Good afternoon Marco, thanks for having me again.", "So what did you think of it?"])
    joined = " ".join(report["feedback"])
    assert "recap of last time" in joined
    assert "get to know each other" not in joined


def test_praise_for_a_spin_question_names_the_question_not_an_effect_she_did_not_show(
        library):
    cs = library["spin-printing-urgency"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    asked = "What happens to your orders when a printer stops for an hour?"
    turns = [turn("Good morning, I'm Sam from PrintPartners.", "greet_introduce"),
             turn("Today I'd like to hear how printing goes and agree a next step.",
                  "state_objective"),
             turn(asked, "fact_question", form="open", spin="implication")]
    tips = score_call(cs, state, None, turns).tips
    text = " ".join(render_tip("en", tip) for tip in tips)
    assert f"“{asked}” is an implication question" in text
    assert "made her think" not in text


def test_the_objection_tip_quotes_the_reply_to_that_objection_not_to_a_later_one(library):
    cs = library["objection-software-renewal"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.objections["happy_current"] = ObjectionState(raised_turn=1)
    state.objections["brochure"] = ObjectionState(raised_turn=2)
    later = "Totally get that you want a brochure first, I'll bring one."
    turns = [turn("Good morning Mr Smits, good to be back.", "greet_introduce"),
             turn("How many hours a week go into retyping?", "fact_question", form="open",
                  spin="problem"),
             turn(later, "objection_response")]
    tips = [t for t in score_call(cs, state, None, turns).tips
            if t.key.startswith("objection") and t.values.get("quote") == later]
    brochure = cs.language("en").text(cs.objections["brochure"].good_handling)
    assert [t.values["advice"] for t in tips] == [brochure]  # the request it answered


def test_closed_questions_get_no_tip_on_a_follow_up_visit(library):
    """A first visit is mostly open; in a follow-up that closes the sale, closed
    questions confirm and commit."""
    questions = [turn("Good afternoon, I'm Tom from SchoonWerk.", "greet_introduce",
                      objectives=("introduce",))]
    questions += [turn(f"Are you also talking to {who}?", "fact_question", form="closed",
                       spin="situation", facts=("competitor",))
                  for who in ("other caterers", "other suppliers", "anyone else")]

    def closed_tip(sid: str) -> bool:
        cs = library[sid]
        state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                             flags={"objective_stated": 1}, objectives={"introduce": 1})
        return any(t.key == "closed_question" for t in score_call(cs, state, None, questions).tips)

    assert closed_tip("first-visit-cleaning")
    assert not closed_tip("closing-catering-followup")


def test_an_agenda_drill_names_the_follow_up_as_open_not_as_a_missing_proposal(library):
    report = play(library, "drill-external-objective", "nl", [
        "Goedemorgen, ik ben Sanne van KoffieCompleet. Ik wil graag horen wat u nodig heeft."])
    assert not any("Je stelde geen vervolgstap voor" in tip for tip in report["feedback"])
    assert any(tip.startswith("Nog open in deze oefening") for tip in report["feedback"])


def test_an_introduction_she_had_to_ask_for_is_not_praised_as_a_good_opening(library):
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"introduce": 1})
    turns = [turn("So how big is the office?", "fact_question", form="open",
                  spin="situation"),
             turn("Oh sorry, I'm Daan from SchoonWerk.", "greet_introduce",
                  objectives=("introduce",))]
    assert not any(t.key == "good_opening" for t in score_call(cs, state, None, turns).tips)


def test_one_pitch_in_a_long_call_costs_little_and_a_call_of_pitches_the_full_cost(library):
    """Pitching costs by the share of the call it took, so one message the engine read
    as a pitch in a long, good call does not cost like a call of sales talk."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"introduce": 1})
    opening = turn("Good morning, I'm Tom from SchoonWerk.", "greet_introduce",
                   objectives=("introduce",))
    pitch = turn("We are the biggest cleaner in the country, with our own academy.", "pitch")
    questions = [turn(f"Question {n}: how does the cleaning go at {place}?", "fact_question",
                      form="open", spin="situation")
                 for n, place in enumerate(["Haarlem", "Beverwijk"] * 7)]
    long_call = conduct_deduction(cs, state, [opening, *questions, pitch])
    pitches = [turn(f"{n}. We are the biggest, the cheapest and the best.", "pitch")
               for n in range(3)]
    sales_talk = conduct_deduction(cs, state, [opening, *pitches])
    assert 0 < long_call <= 5
    assert sales_talk == 24


def test_an_objection_never_answered_does_not_wipe_out_one_handled_well():
    state = SessionState(scenario_id="objection-software-renewal", lang="en", seed=0)
    steps = {"acknowledge": True, "clarify": True, "respond": True, "check": True}
    state.objections["happy_current"] = ObjectionState(raised_turn=0, steps=dict(steps),
                                                       handled=True)
    state.objections["dmu_consult"] = ObjectionState(raised_turn=1)
    turns = [turn("I understand, nine good years count.", "objection_response"),
             turn("How many hours a week go into retyping?", "fact_question", form="open"),
             turn("And who else decides with you?", "fact_question", form="open")]
    score = objections_score(state, turns)
    assert score is not None and 60 <= score < 100  # the open one costs, but not half


def test_a_stacked_question_she_answered_in_full_gets_no_tip(library):
    """The tip says the rest got lost: only true when she answered part of it."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"introduce": 1}, flags={"objective_stated": 1})
    asked = "Who cleans now, are you happy with them, and what does it cost?"
    facts = ("supplier", "satisfaction", "price_paid")
    opening = turn("Good morning, I'm Tom from SchoonWerk.", "greet_introduce",
                   objectives=("introduce",))
    answered = turn(asked, "fact_question", form="open", spin="problem", facts=facts)
    part = turn(asked, "fact_question", form="open", spin="problem", facts=facts)
    part.answered = ["supplier"]
    assert not any(t.key == "stacked" for t in score_call(cs, state, None,
                                                          [opening, answered]).tips)
    assert any(t.key == "stacked" for t in score_call(cs, state, None, [opening, part]).tips)


def test_one_question_touching_several_facts_is_not_called_several_things_at_once(library):
    """'When does the contract end?' touches end date, renewal and notice, but it is one
    question; a when-clause that sets the scene does not make a second one."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"introduce": 1}, flags={"objective_stated": 1})
    opening = turn("Good morning, I'm Tom from SchoonWerk.", "greet_introduce",
                   objectives=("introduce",))
    facts = ("supplier", "satisfaction", "price_paid")
    for asked in ("When does the contract with the repair firm end?",
                  "And when a truck leaves without them, what does that cost you, "
                  "with the web shops or in overtime?"):
        one = turn(asked, "fact_question", form="open", spin="situation", facts=facts)
        one.answered = ["supplier"]
        assert not any(t.key == "stacked" for t in score_call(cs, state, None, [opening, one]).tips)
    two = turn("Who cleans now and when does that contract end?", "fact_question",
               form="open", spin="situation", facts=facts)
    two.answered = ["supplier"]
    assert any(t.key == "stacked" for t in score_call(cs, state, None, [opening, two]).tips)


def test_a_step_the_turns_record_is_not_called_missing(library):
    """The objection's tally can miss a step the turns themselves record (here a benefit
    given with a proposal), and a yes/no question after the answer checks it even when it
    reads as a fact question; the card must not list either as still open."""
    cs = library["drill-objection-discuss-others"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"acknowledge": 1})
    state.objections["discuss_with_others"] = ObjectionState(raised_turn=0)
    turns = [turn("Of course, I understand.", "objection_response", steps=("acknowledge",)),
             turn("Our screens work with all common laptops. Shall I come back next week?",
                  "next_step_proposal", steps=("respond",)),
             turn("Could you explain it internally like that?", "fact_question", form="open")]
    turns[1].needs = ["works_with_laptops"]  # (round 23: the benefit names her need)
    tips = score_call(cs, state, None, turns).tips
    still_open = " ".join(t.values.get("topics", "") + t.values.get("steps", "") for t in tips
                          if t.key in ("missed_external", "objection", "objection_steps"))
    assert "laptops" not in still_open and "respond" not in still_open
    assert "Check" not in still_open and "check" not in still_open
    assert "Clarify" in still_open or "clarify" in still_open  # what really is missing


def test_objection_advice_is_framed_as_a_model_answer_in_both_languages(library):
    """The scenario's advice names facts the buyer tells a learner who asks; in a call
    where they never came up, the tip must not say the learner heard them."""
    cs = library["objection-software-renewal"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.objections["happy_current"] = ObjectionState(raised_turn=1)
    turns = [turn("Good morning Mr Smits, good to be back.", "greet_introduce"),
             turn("But our app is much better.", "objection_response")]
    tip = next(t for t in score_call(cs, state, None, turns).tips if t.key == "objection")
    assert "A strong answer in this case, built on what he tells you once you ask:" \
        in render_tip("en", tip)
    assert "Een sterk antwoord in dit geval, met wat hij vertelt zodra je ernaar vraagt:" \
        in render_tip("nl", tip)


def test_a_few_words_asking_for_a_figure_are_not_called_a_yes_no_question(library):
    """'m2 both offices?' asks for a number; the closed-question tip says she can answer
    yes or no, which is untrue of it. A verb-first question still gets the tip."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         flags={"objective_stated": 1}, objectives={"introduce": 1})
    opening = turn("Good afternoon, I'm Tom from SchoonWerk.", "greet_introduce",
                   objectives=("introduce",))

    def closed_tip(asked: str) -> bool:
        questions = [turn(asked, "fact_question", form="closed", spin="situation",
                          facts=("scope",)) for _ in range(3)]
        return any(t.key == "closed_question"
                   for t in score_call(cs, state, None, [opening, *questions]).tips)

    assert not closed_tip("m2 both offices?")
    assert closed_tip("Are both offices the same size?")


def test_a_discount_is_named_as_a_discount_not_as_a_pitch(library):
    cs = library["drill-objection-current-supplier"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    offer = turn("Wij hebben ook nog elektrische bussen en een scherpe prijs.", "pitch")
    offer.moves = ["discount"]
    tips = score_call(cs, state, None, [offer]).tips
    quoted = {t.key for t in tips if t.values.get("quote", "").startswith("Wij hebben")}
    assert quoted == {"discount"}


@pytest.mark.parametrize(("lang", "said"), [
    ("nl", "En als u voor drie jaar tekent gaat er nog eens 10% vanaf."),
    ("nl", "Nou, wij zitten meestal zo'n tien tot vijftien procent onder de grote namen."),
    ("en", "I understand. But if you sign before the end of the month I can give you 15% off."),
    ("en", "I'm pretty sure we can do that for less, our rates are very competitive."),
])
def test_a_discount_in_so_many_words_costs_as_a_discount_whatever_act_it_was_read_as(
        library, lang: str, said: str):
    """A trainer's review: "10% vanaf", "15% off", "we can do that for less" are price
    cuts, whether or not the engine heard a discount in them (read as asking for the
    order, or as other talk): they cost what a discount costs and get the discount tip."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang=lang, seed=0)
    opening = turn("Hello, I'm Tom from SchoonWerk.", "greet_introduce")
    plain = turn("We clean offices all over the country.", "other")
    offer = turn(said, "ask_order")
    assert conduct_deduction(cs, state, [opening, offer]) == \
        conduct_deduction(cs, state, [opening, plain]) + DISCOUNT_COST
    tips = score_call(cs, state, None, [opening, offer]).tips
    assert [t.key for t in tips if t.values.get("quote", "").startswith(said[:20])] == [
        "discount"]
    assert conduct_deduction(cs, state, [opening, turn(
        "With a fixed team you pay for less hassle and fewer complaints.", "other")]) == \
        conduct_deduction(cs, state, [opening, plain])


def test_offering_a_quotation_says_why_it_is_not_the_goal_yet(library):
    """On a first visit whose follow-up is a demo, 'may I send you a quote?' is premature
    by the method; where the follow-up is an appointment for a quotation it is only vague."""
    def close_keys(sid: str, asked: str) -> set[str]:
        cs = library[sid]
        state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0,
                             flags={"objective_stated": 1}, objectives={"introduce": 1})
        turns = [turn("Goedemorgen, ik ben Tom.", "greet_introduce", objectives=("introduce",)),
                 turn(asked, "next_step_proposal", form="closed")]
        return {t.key for t in score_call(cs, state, None, turns).tips} & {
            "quote_close", "vague_close"}

    assert close_keys("spin-printing-urgency", "Mag ik u een offerte sturen?") == {"quote_close"}
    assert close_keys("first-visit-cleaning", "Mag ik u een offerte sturen?") == {"vague_close"}
    assert close_keys("spin-printing-urgency", "Zullen we binnenkort verder praten?") == {
        "vague_close"}
    for lang in ("nl", "en"):
        text = render_tip(lang, Tip("quote_close", {"quote": "Mag ik u een offerte sturen?"}))
        assert "{" not in text and not text.startswith("tips.") and "offerte sturen" in text


def test_a_topic_she_answered_about_is_not_listed_as_not_asked(library):
    """She told who cleans and how happy she is in reply to the learner's words, though
    the engine did not credit the objective: the card must not say it was not asked."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         flags={"objective_stated": 1},
                         objectives={"introduce": 1, "naw": 1, "dmu": 1, "newsletter": 1})
    opening = turn("Good morning, I'm Tom from SchoonWerk.", "greet_introduce",
                   objectives=("introduce",))
    asked = turn("And the cleaning now, how is that going?", "fact_question", form="open",
                 spin="situation", facts=("supplier", "satisfaction"))

    def topics(turns: list[TurnRecord], key: str = "missed_internal") -> str:
        tips = score_call(cs, state, None, turns).tips
        return next((t.values["topics"] for t in tips if t.key == key), "")

    label = cs.language("en").text(cs.objectives["current_supplier"].label)
    assert label not in topics([opening, asked])
    assert label not in topics([opening, asked], "not_told")
    asked.answered = []  # asked, and she dodged it: not told yet, but not "not asked"
    assert label not in topics([opening, asked])
    assert label in topics([opening, asked], "not_told")
    assert render_tip("en", Tip("missed_internal", {"topics": label})).startswith(
        "Still to find out")


def test_spin_praise_needs_words_that_ask_for_consequences_or_value(library):
    """'Welke merken zijn dat?' misread as an implication question must not be praised as
    one; a question about what a jam leads to still is."""
    cs = library["spin-printing-urgency"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0,
                         flags={"objective_stated": 1}, objectives={"introduce": 1})
    opening = turn("Goedemorgen, ik ben Tom van Printwise.", "greet_introduce",
                   objectives=("introduce",))

    def praised(asked: str) -> bool:
        turns = [opening, turn(asked, "fact_question", form="open", spin="implication")]
        # a strong card opens with praise, so the praise is not crowded out
        return any(t.key == "good_implication" for t in choose_tips(cs, state, 90, turns))

    assert not praised("Welke merken zijn dat?")
    assert praised("Wat gebeurt er dan met de orders als een printer vastloopt?")


def test_spin_praise_goes_to_one_open_question_not_a_closed_double_one(library):
    """A trainer's review: "Ouch. Does that cost you a lot, and who fixes them?" touches the
    cost but draws a yes and a name; holding it up as a strong implication question teaches
    the wrong form. The open question about what a jam leads to is the one to praise."""
    cs = library["spin-printing-urgency"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         flags={"objective_stated": 1}, objectives={"introduce": 1})
    opening = turn("Good morning, I'm Tom from Printwise.", "greet_introduce",
                   objectives=("introduce",))

    def praised(asked: str, form: str) -> bool:
        turns = [opening, turn(asked, "fact_question", form=form, spin="implication")]
        return any(t.key == "good_implication" for t in choose_tips(cs, state, 90, turns))

    assert not praised("Ouch. Does that cost you a lot, and who fixes them?", "closed")
    assert not praised("What does that cost you, and who fixes them?", "open")
    assert praised("What happens to the orders when a printer jams at the end of the day?",
                   "open")


def test_the_implication_tip_follows_the_question_that_probed_the_problem_by_itself(library):
    """After a stacked opener ("who cleans now, are you happy with them, and what does it
    cost?") the consequences are no natural next question; after "what bothers you most
    about it?" they are, so the tip quotes that one."""
    cs = library["first-visit-cleaning"]
    stacked = turn("And the cleaning, who does that now, are you happy with them, and what "
                   "does it cost?", "fact_question", form="open", spin="problem")
    single = turn("What bothers you most about it?", "fact_question", form="open",
                  spin="problem")
    size = turn("How big are both offices?", "fact_question", form="open", spin="situation")
    def quoted(turns: list[TurnRecord]) -> str:
        tip = _deeper_questions(cs, turns, question_mix(turns))
        assert tip is not None and tip.key == "implication"
        return tip.values["quote"]

    assert quoted([stacked, size, single]) == single.learner
    assert quoted([stacked, size, size]).startswith("And the cleaning")


def test_a_benefit_before_the_concern_was_heard_is_not_praised_as_objection_handling(
        library):
    """A trainer's review: a pitch answering an objection nobody acknowledged or explored
    is not "good objection handling"; the same benefit after an acknowledgement is."""
    state = SessionState(scenario_id="objection-software-renewal", lang="nl", seed=0)
    steps = {"acknowledge": True, "clarify": False, "respond": True, "check": False}
    state.objections["switch_fear"] = ObjectionState(raised_turn=0, steps=dict(steps),
                                                     handled=True)
    pitch = turn("Onze uren-app lost dat op: de toeslagen worden automatisch berekend.",
                 "objection_response", steps=("respond",))
    ack = turn("Dat snap ik, na negen jaar wil je geen gedoe.", "objection_response",
               steps=("acknowledge",))
    cs = library[state.scenario_id]
    keys = [t.key for t in _strengths(cs, state, [pitch, ack])]
    assert "good_objection" not in keys and "good_acknowledge" in keys
    keys = [t.key for t in _strengths(cs, state, [ack, pitch])]
    assert "good_objection" in keys
    yes_but = turn("Ik begrijp dat 9,40 hoger is. Maar u krijgt er ook een cao-module bij.",
                   "objection_response", steps=("acknowledge", "respond"))
    assert "good_objection" not in [t.key for t in _strengths(cs, state, [yes_but])]


def test_no_advice_to_sum_up_what_she_told_when_she_told_nothing(library):
    """A trainer's review: "sum up what she told you" after a call of pure sales talk, in
    which she told nothing, is advice that does not fit the call."""
    pitch = play(library, "first-visit-cleaning", "en", [
        "Hello, I'm Tom from SchoonWerk Netherlands.",
        "We're the number one cleaning company in the country, with certified staff, green "
        "products and an app where you can follow every cleaning round.",
        "So if you sign with us this week I can give you 15% off the first year."])
    assert not any("Sum up what" in tip for tip in pitch["feedback"])
    assert 3 <= len(pitch["feedback"]) <= 5
    asked = play(library, "first-visit-cleaning", "en", [
        "Hello, I'm Tom from SchoonWerk Netherlands.",
        "How is the cleaning arranged now, and who does it?",
        "So if you sign with us this week I can give you 15% off the first year."])
    assert any("Sum up what" in tip for tip in asked["feedback"])


def test_a_yes_but_is_not_praised_as_acknowledging_the_objection(library):
    """A trainer's review: "Dat snap ik. Maar u kunt het toch eens proberen?" is a push."""
    state = SessionState(scenario_id="objection-software-renewal", lang="nl", seed=0)
    state.objections["switch_fear"] = ObjectionState(raised_turn=0)
    cs = library[state.scenario_id]
    push = turn("Dat snap ik. Maar u kunt het toch eens proberen?", "objection_response",
                form="closed", steps=("acknowledge",))
    assert "good_acknowledge" not in [t.key for t in _strengths(cs, state, [push])]
    heard = turn("Dat snap ik: een overstap die misgaat wil niemand nog eens.",
                 "objection_response", steps=("acknowledge",))
    assert "good_acknowledge" in [t.key for t in _strengths(cs, state, [push, heard])]


def test_running_down_the_competitor_is_not_praised_as_exploring_the_objection(library):
    """A trainer's review: "AutoLease Oost? Die staan er niet echt om bekend dat ze snel
    zijn hoor." knocks the supplier she is happy with; it found out nothing."""
    knock = "AutoLease Oost? Die staan er niet echt om bekend dat ze snel zijn hoor."
    report = play(library, "drill-objection-current-supplier", "nl", [
        knock,
        "Bij ons krijgt u een nieuwere vloot, scherpere tarieven en een app waarin u alle "
        "ritten ziet.",
        "En als u nu overstapt, geef ik de eerste twee maanden twintig procent korting."])
    assert not any(tip.startswith("Goed") and knock in tip for tip in report["feedback"])
    state = SessionState(scenario_id="drill-objection-current-supplier", lang="nl", seed=0)
    state.objections["happy_with_supplier"] = ObjectionState(raised_turn=0)
    cs = library[state.scenario_id]
    asked = turn("Acht jaar, dat zegt veel. Wat bevalt u het meest aan hen?",
                 "objection_response", form="open", steps=("clarify",))
    assert "good_clarify" in [t.key for t in _strengths(cs, state, [asked])]


def test_a_clarifying_question_with_a_laugh_at_the_competitor_is_not_praised(library):
    """A trainer's review: "Which firm was it? I bet it was one of those cheap ones haha"
    gossips about the firm that let her down; the plain question is the one to praise."""
    cs = library["drill-objection-bad-experience"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.objections["bad_experience"] = ObjectionState(raised_turn=0)

    def praised(text: str) -> bool:
        asked = turn(text, "objection_response", form="open", steps=("clarify",))
        return "good_clarify" in [t.key for t in _strengths(cs, state, [asked])]

    assert not praised("Oh no, in tax season of all times! Which firm was it, if you don't "
                       "mind me asking? I bet it was one of those cheap ones haha")
    assert praised("That must have been awful in tax season. What exactly went wrong then?")


def test_a_sign_this_week_discount_is_named_as_a_discount_not_a_concrete_proposal(library):
    """A trainer's review: a discount is never an objective, whatever the engine read."""
    report = play(library, "first-visit-cleaning", "en", [
        "Hello, I'm Tom from SchoonWerk Netherlands.",
        "We're the number one cleaning company in the country, with certified staff, green "
        "products and an app where you can follow every cleaning round.",
        "So if you sign with us this week I can give you 15% off the first year."])
    joined = " ".join(report["feedback"])
    assert "was a concrete proposal" not in joined
    assert "discount is never an objective" in joined


def test_a_next_step_she_did_not_agree_to_is_not_listed_as_agreed(library):
    """A trainer's review: "Done: … agree a concrete next step" on a strong card whose
    buyer ended with "that date isn't agreed yet" is not true."""
    dev = Path(__file__).parents[1] / "benchmarks" / "dialogues" / "dev"
    path = dev / "first-visit-cleaning.en.good.b.yaml"
    lines = [t["learner"] for t in yaml.safe_load(path.read_text(encoding="utf-8"))["turns"]]
    report = play(library, "first-visit-cleaning", "en", lines)
    assert report["closing"]["agreed"] is False and report["score"] >= 80
    assert report["feedback"][0].startswith("A strong call")
    assert "a first solution" in report["feedback"][0]
    assert "next step" not in report["feedback"][0]


@pytest.mark.parametrize(("sid", "lang", "objective", "other_step", "demo"), [
    ("objection-software-renewal", "nl", "demo_dmu",
     "Zullen we de verlenging zo afspreken, dan stuur ik morgen de nieuwe offerte?",
     "Zullen we dinsdag 14 maart om 10 uur een demo doen met Monique erbij?"),
    ("spin-printing-urgency", "en", "demo",
     "Shall I send you our price list tomorrow morning?",
     "Can we plan a demo next Thursday at 2 pm with you and Ruud?"),
])
def test_a_dated_next_step_ticks_the_demo_objective_only_when_it_is_a_demo(
        library, sid, lang, objective, other_step, demo):
    opening = {"nl": "Goedemorgen, ik ben Sem.", "en": "Good morning, I'm Sem."}[lang]
    other = play(library, sid, lang, [opening, other_step])
    booked = play(library, sid, lang, [opening, demo])
    assert other["objectives"]["external"][objective] is False
    assert booked["objectives"]["external"][objective] is True


def test_the_order_drill_is_not_done_by_a_pitch_and_a_promise_to_call(library):
    pitched = play(library, "drill-closing-order", "en", [
        "Great to hear! They come with our new lithium batteries. I'll send you the spec sheet.",
        "Shall I call you next week to see what you think?"])
    asked = play(library, "drill-closing-order", "en", [
        "Great to hear. Shall I book the delivery for the week of 20 February?"])
    assert pitched["objectives"]["external"]["ask_for_order"] is False
    assert pitched["score"] <= 30
    assert asked["objectives"]["external"]["ask_for_order"] is True


def test_the_catering_close_is_not_ticked_by_a_promise_to_call(library):
    opening = "Hi Marco, good to see you again."
    call_back = play(library, "closing-catering-followup", "en", [
        opening, "Ok fine. Can I call you next week then?"])
    signing = play(library, "closing-catering-followup", "en", [
        opening, "Shall we meet on Tuesday 3 June at 10 to sign the agreement?"])
    assert call_back["objectives"]["external"]["close"] is False
    assert signing["objectives"]["external"]["close"] is True


def test_a_percentage_cheaper_for_signing_now_is_named_as_a_discount(library):
    """A user test: "wij kunnen het 15% goedkoper doen als u nu tekent" got no discount tip."""
    report = play(library, "first-visit-cleaning", "nl", [
        "Goedemorgen, ik ben Tim van SchoonWerk.",
        "Wie maakt er nu bij u schoon, en hoe bevalt dat?",
        "Wij kunnen het 15% goedkoper doen als u nu tekent."])
    assert any("korting geven is nooit een doelstelling" in tip for tip in report["feedback"])


def test_on_a_follow_up_visit_the_solution_tip_adjusts_the_proposal_on_the_table(library):
    """A user test: "make a first, careful proposal" on a second visit where the proposal
    was sent two weeks ago; the tip says to adjust that proposal instead."""
    def solution_tips(sid: str) -> list[str]:
        cs = library[sid]
        state = SessionState(scenario_id=sid, lang="en", seed=0)
        state.needs_stated = [next(iter(cs.needs))]
        asked = turn("What did you think of the proposal?", "fact_question", form="open",
                     spin="situation")
        return [t.key for t in choose_tips(cs, state, 50, [asked]) if "solution" in t.key]

    assert solution_tips("closing-catering-followup") == ["solution_follow_up"]
    assert solution_tips("first-visit-cleaning") == ["solution"]
    text = render_tip("en", Tip("solution_follow_up", {"need": "a trial week"}))
    assert "Adjust the proposal" in text and "first, careful" not in text


@pytest.mark.parametrize(("sid", "lang", "lines", "fault"), [
    ("drill-forecast", "en", ["total is 147000 i think, march is 72000",
                              "oh wait, with the chances its 70500?", "march 55500"],
     "“total is 147000 i think, march is 72000” names a figure, but not the one"),
    ("drill-closed-to-open", "en", ["do you think your carrier is doing a good job or not?",
                                    "and are they on time?"], "is a closed question"),
])
def test_a_drills_three_tips_name_the_real_fault_not_the_missing_capital(library, sid, lang,
                                                                         lines, fault):
    """A user test: on a three-tip drill card "starts without a capital" took the place of
    the real fault (a closed question, wrong figures). A drill is a spoken exchange."""
    report = play(library, sid, lang, lines)
    assert 3 <= len(report["feedback"]) <= 5
    assert not any("capital" in tip for tip in report["feedback"])
    assert any(fault in tip for tip in report["feedback"])


def test_asking_where_to_send_the_brochure_is_not_praised_as_exploring_the_objection(library):
    """A user test: "ok prima, wat is uw mailadres dan?" gives in to the brochure request;
    the card praised it as finding out what was behind his objection."""
    cs = library["drill-objection-brochure"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    state.objections[next(iter(cs.objections))] = ObjectionState(raised_turn=0)

    def praised(text: str) -> bool:
        asked = turn(text, "objection_response", form="open", steps=("clarify",))
        return "good_clarify" in [t.key for t in _strengths(cs, state, [asked])]

    assert not praised("ok prima, wat is uw mailadres dan?")
    assert not praised("wanneer hoor ik dan iets?")
    assert praised("Waar zou u in die brochure vooral naar zoeken?")


def test_a_topic_she_would_not_tell_yet_is_not_called_a_question_missed(library):
    """A user test: "is there a newsletter I can sign you up for?" got "I'd rather not say
    yet", and the card said "you did not ask about: permission for the e-mail newsletter".
    The learner asked; what is missing is her trust, and the tip says how to earn it."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    asked = turn("Could I sign you up for our newsletter?", "fact_question", form="closed",
                 facts=("newsletter_permission",))
    asked.answered = []  # she kept it to herself
    tips = choose_tips(cs, state, 40, [turn("Hello, I'm Tom from SchoonWerk.", "greet_introduce"),
                                       asked])
    newsletter = cs.language("en").text(cs.objectives["newsletter"].label)
    missed = [t for t in tips if t.key == "missed_internal"]
    assert missed and newsletter not in missed[0].values["topics"]
    told = [t for t in tips if t.key == "not_told"]
    assert told and newsletter in told[0].values["topics"]
    for lang in ("en", "nl"):
        assert "{" not in render_tip(lang, told[0])


def test_a_summary_she_corrected_or_made_before_she_told_anything_is_not_praised(library):
    """User tests: "dus je wilt per 1 juli starten met 300 lunches per dag, klopt dat?" got
    "Niet helemaal: 300? Dat heb ik niet gezegd." and the card praised it as a summary; so
    did a summary of a call in which the buyer had told nothing yet."""
    cs = library["closing-catering-followup"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    asked = turn("Hoeveel mensen lunchen er per dag?", "fact_question", form="open",
                 spin="situation", facts=(next(iter(cs.facts)),))
    asked.buyer = "Zo'n 300 per dag, en we willen per 1 juli starten."
    summary = turn("Dus je wilt per 1 juli starten met 300 lunches per dag, klopt dat?",
                   "summary", form="closed")

    def praised(turns: list[TurnRecord]) -> bool:
        return "good_summary" in [t.key for t in _strengths(cs, state, turns)]

    summary.buyer = "Ja, dat klopt."
    assert praised([asked, summary])
    assert not praised([summary])  # nothing told yet: nothing to sum up
    summary.buyer = "Niet helemaal: 300? Dat heb ik niet gezegd. Dat tikt aan hoor."
    assert not praised([asked, summary])
    summary.buyer = "Ho, dat heb ik niet allemaal gezegd."  # it names what she never said
    assert not praised([asked, summary])


def test_an_open_question_she_answered_with_a_repeat_is_not_praised_for_getting_her_talking(
        library):
    """A user test: "wat kost een storing u eigenlijk?" got "Zoals ik al zei: ..." and the
    card said "Goede open vraag: ... zette haar aan het vertellen"."""
    cs = library["spin-printing-urgency"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    first = turn("Heeft u vaak storingen?", "fact_question", form="closed", spin="problem",
                 facts=("jams_peak",))
    again = turn("Wat kost een storing u eigenlijk?", "fact_question", form="open",
                 spin="problem", facts=("jams_peak",))
    quoted = [t.values.get("quote") for t in _strengths(cs, state, [first, again])
              if t.key == "good_open_question"]
    assert again.learner not in quoted
    assert again.learner in [t.values.get("quote") for t in _strengths(cs, state, [again])
                             if t.key == "good_open_question"]


def test_an_open_question_about_the_proposal_is_not_called_sales_talk(library):
    """A user test: "en, wat vond je van het voorstel" was called "een verkooppraatje"
    (read as a proposal for its word "voorstel"); it is an open question."""
    cs = library["closing-catering-followup"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    opening = turn("Hoi Marco, fijn je weer te zien.", "greet_introduce")
    question = turn("en, wat vond je van het voorstel", "pitch")
    talk = turn("Wij zijn echt de beste cateraar van Rotterdam, beter dan elke bakker.",
                "pitch")
    keys = {t.key: t.values.get("quote") for t in score_call(cs, state, None,
                                                             [opening, question]).tips}
    assert keys.get("pitch") != question.learner
    assert conduct_deduction(cs, state, [opening, question]) == 0
    assert conduct_deduction(cs, state, [opening, talk]) > 0


def test_a_benefit_the_card_ticks_is_not_called_missing_in_another_tip(library):
    """A user test: "Still missing: a benefit tied to his need, check" next to "Done well -
    a benefit tied to getting absence out of Excel" on the same drill card; the benefit
    came with its check ("Would a 20-minute screen share be more useful than a brochure?")."""
    cs = library["drill-objection-brochure"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"acknowledge": 1, "clarify": 1, "respond": 2})
    state.objections["send_brochure"] = ObjectionState(
        raised_turn=0, steps={"acknowledge": True, "clarify": True, "respond": False,
                              "check": False})
    turns = [turn("Of course, I can send one. So I send the right thing: what would you want "
                  "to find in it about absence tracking?", "objection_response",
                  objectives=("acknowledge", "clarify"), steps=("acknowledge", "clarify")),
             turn("With one system instead of three spreadsheets your planners see right away "
                  "who is off. Would a 20-minute screen share next Tuesday be more useful than "
                  "a brochure?", "objection_response", form="closed",
                  objectives=("clarify", "respond"), steps=("clarify",))]
    tips = score_call(cs, state, None, turns).tips
    said = " ".join(render_tip("en", t) for t in tips)
    assert "a benefit tied to his need" not in said
    assert "Still missing: check" not in said and "Still open" not in said
    assert 3 <= len(tips) <= 5


def test_a_benefit_with_its_check_in_one_message_is_praised_as_a_check(library):
    """A user test: "..., so you avoid those line stops. Does that make it easier to
    defend internally?" got "Still open in this exercise: Check that the concern is gone"."""
    cs = library["drill-objection-price"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"acknowledge": 1, "clarify": 1})
    oid = next(iter(cs.objections))
    state.objections[oid] = ObjectionState(
        raised_turn=0, handled=True, steps={"acknowledge": True, "clarify": True,
                                            "respond": True, "check": False})
    answer = turn("Our film is thicker and hardly tears, so you avoid those line stops. Does "
                  "that make it easier to defend internally?", "objection_response",
                  form="closed", steps=("clarify", "respond"))
    turns = [turn("I understand, fourteen percent is a big step. What are you comparing it "
                  "with?", "objection_response", form="open", steps=("acknowledge", "clarify"),
                  objectives=("acknowledge", "clarify")), answer]
    tips = score_call(cs, state, None, turns).tips
    assert not any(t.key == "missed_external" and "Check" in t.values["topics"] for t in tips)
    assert any(t.key == "good_check" and t.values["quote"] == quote(answer.learner)
               for t in tips)
    assert 3 <= len(tips) <= 5


def test_an_acknowledgement_alone_is_not_praised_as_answering_with_a_benefit(library):
    """A user test: "Heel logisch dat u dit samen met de ICT-coördinator en de directie
    beslist." was praised as "beantwoordde haar zorg met een voordeel"."""
    cs = library["drill-objection-discuss-others"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    state.objections[next(iter(cs.objections))] = ObjectionState(raised_turn=0, handled=True)
    # (round 23: the benefit the card ticks as tied to her need; an untied one is no
    # "answered her concern with a benefit tied to what she said")
    state.objectives.update({o.id: 0 for o in cs.scenario.objectives.external
                             if any(d.tied_to_need for d in o.detect)})

    def praised(text: str) -> bool:
        said = turn(text, "objection_response", steps=("acknowledge", "respond"))
        return "good_objection" in [t.key for t in _strengths(cs, state, [said])]

    assert not praised("Heel logisch dat u dit samen met de ICT-coördinator en de directie "
                       "beslist.")
    assert praised("Heel logisch dat u dit samen beslist. Onze schermen werken met elke "
                   "laptop, dus Bas kan het zelf testen.")


def test_state_the_purpose_is_not_advised_when_the_card_ticks_the_purpose(library):
    """A user test: "State the purpose of the meeting early on" on a card that ticked
    "state the purpose of the meeting" (the agenda came after a first question)."""
    cs = library["spin-printing-urgency"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"introduce": 1, "agenda": 2})
    turns = [turn("Good morning Ingrid, I'm Sam from Printwise.", "greet_introduce",
                  objectives=("introduce",)),
             turn("How many shipments do you send a day?", "fact_question", form="open",
                  spin="situation"),
             turn("What I'd like today is to understand your printing and see if we can help.",
                  "other", objectives=("agenda",))]
    keys = [t.key for t in score_call(cs, state, None, turns).tips]
    assert not any(k.startswith("state_objective") for k in keys)
    state.objectives.pop("agenda")
    turns[2].objectives = []
    keys = [t.key for t in score_call(cs, state, None, turns).tips]
    assert any(k.startswith("state_objective") for k in keys)


def test_asking_for_her_e_mail_address_to_send_the_brochure_earns_no_clarifying_step(library):
    """A user test: "sure, whats your email adress?" gives in to the brochure request; it
    scored 36 with the clarifying step ticked, and the tips implied it had explored the
    objection. Asking what she would look for in it does explore it."""
    lines = ["sure, whats your email adress?", "and do you want our newsletter too?",
             "ok ill send it, bye"]
    report = play(library, "drill-objection-brochure", "en", lines)
    assert report["objectives"]["external"]["clarify"] is False
    assert report["score"] < 30
    said = " ".join(report["feedback"])
    assert "Still missing: acknowledge, clarify" in said
    good = play(library, "drill-objection-brochure", "en", [
        "Of course. So I send the right thing: what would you want to find in it?"])
    assert good["objectives"]["external"]["clarify"] is True


def test_a_solution_that_promises_a_lower_price_is_not_praised(library):
    """A user test: "Good: “We can do it cheaper, I'm sure, we have a fixed team per location
    and we work after 18:00.” tied your proposal to what she said herself"; a trainer flags
    the price promise made before the learner knows the price."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"solution": 1})

    asked = turn("What would you like to be different?", "fact_question", form="open")
    asked.buyer = "The cleaners change every week. I'd like a fixed team, after 18:00."

    def praised(text: str) -> bool:
        said = turn(text, "solution", objectives=("solution",))
        return "good_solution" in [t.key for t in _strengths(cs, state, [asked, said])]

    assert not praised("We can do it cheaper, I'm sure, we have a fixed team per location "
                       "and we work after 18:00.")
    assert praised("We have a fixed team per location and we work after 18:00.")


def test_an_acknowledgement_with_a_question_that_explores_it_is_not_told_to_clarify(library):
    """"I understand you decide this together. Who else will want to know more, and what
    matters to them?" acknowledges and clarifies in one message (user test obj_good: "Ik snap
    dat overstappen spannend is. Wat zou er voor u geregeld moeten zijn ...?"); the engine
    may record only the acknowledgement, but no tip calls the clarifying step missing."""
    cs = library["drill-objection-discuss-others"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"acknowledge": 1})
    state.objections["discuss_with_others"] = ObjectionState(raised_turn=0)
    turns = [turn("I understand you decide this together. What will they want to know?",
                  "objection_response", form="open", steps=("acknowledge",))]
    tips = score_call(cs, state, None, turns).tips
    still_open = " ".join(t.values.get("topics", "") + t.values.get("steps", "") for t in tips
                          if t.key in ("missed_external", "objection", "objection_steps"))
    assert "clarify" not in still_open.lower()
    assert "respond" in still_open or "benefit" in still_open.lower()  # what really is missing


def test_the_vague_close_tip_quotes_the_proposal_that_closed_the_call(library):
    """A reviewer (h2): the card called the opening line "I came to hear what you thought
    of our proposal" (read as a proposal) a weak next step, while the weak one was the
    closing "Ik bel je volgende week even". The tip quotes the last proposal made."""
    cs = library["closing-catering-followup"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    early = turn("Ik kom vandaag vooral horen wat je van ons voorstel vond.",
                 "next_step_proposal")
    asked = turn("Wat vonden je collega's ervan?", "fact_question", form="open",
                 spin="situation", facts=("proposal_feedback",))
    late = turn("Ik bel je volgende week even om te horen hoe het staat, goed?",
                "next_step_proposal", form="closed")
    tips = choose_tips(cs, state, 50, [early, asked, late])
    vague = [t for t in tips if t.key == "vague_close"]
    assert vague and vague[0].values["quote"] == quote(late.learner)


def test_a_free_month_for_signing_is_a_discount_not_a_next_step(library):
    """A reviewer (h2): "the first month is free if you sign before the end of the year"
    was advised to be made concrete with a day and a time; it is a price cut to push the
    signature, and the discount tip names it. A trial week is no discount."""
    from scoring.sections import offers_discount

    free = turn("And this quarter we have a special offer, the first month is free if you "
                "sign before the end of the year.", "ask_order")
    assert offers_discount(free)
    assert offers_discount(turn("De eerste maand gratis als u nu tekent!", "ask_order"))
    assert not offers_discount(turn("We start with a free trial week in the new canteen.",
                                    "solution"))
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    later = turn("Shall I call you next week?", "next_step_proposal", form="closed")
    tips = choose_tips(cs, state, 20, [turn("Hello, I'm Tom from SchoonWerk.",
                                            "greet_introduce"), free, later])
    assert "discount" in [t.key for t in tips]
    closes = [t for t in tips if t.key in ("vague_close", "firmer_close", "quote_close")]
    assert closes and closes[0].values["quote"] == quote(later.learner)


def test_a_refused_date_after_a_full_inventory_is_not_told_to_find_out_more_first(library):
    """A reviewer (h2): after a full inventory and a trial close, the card said "first
    find out more about his situation". What is left is what still holds him back."""
    cs = library["closing-catering-followup"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={o: 1 for o in cs.internal_ids},
                         revealed={f: 1 for f in cs.facts},
                         closing={"attempted": True, "concrete": True, "agreed": False})
    proposal = turn("Shall we sign on Thursday 4 July at 2 pm, with your director?",
                    "ask_order", form="closed")
    tips = choose_tips(cs, state, 80, [turn("Hi Marco, good to be back.", "greet_introduce"),
                                       proposal])
    keys = [t.key for t in tips]
    assert "close_not_agreed" in keys and "close_not_earned" not in keys
    for lang in ("en", "nl"):
        text = render_tip(lang, next(t for t in tips if t.key == "close_not_agreed"))
        assert "{" not in text and ("holds him back" in text or "hem nog tegenhoudt" in text)
    state.objectives = {}
    assert "close_not_earned" in [t.key for t in choose_tips(
        cs, state, 40, [turn("Hi Marco, good to be back.", "greet_introduce"), proposal])]


def test_more_selling_after_her_yes_is_not_praised_as_a_question_before_the_proposal(library):
    """A reviewer (h2): "Good: you asked 'Great to hear! And don't forget, both trucks
    come with our warranty…' before proposing" – that line asks nothing; it is the extra
    selling the closing drill warns against."""
    cs = library["drill-closing-order"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    selling = turn("Great to hear! And don't forget, both trucks come with our five-year "
                   "battery warranty.", "fact_question", form="closed", spin="situation")
    proposal = turn("Shall I give you a call next week?", "next_step_proposal", form="closed")
    assert "good_question_first" not in [t.key for t in _strengths(cs, state,
                                                                   [selling, proposal])]
    asked = turn("Which of the two would you like delivered first?", "fact_question",
                 form="open", spin="situation")
    assert "good_question_first" in [t.key for t in _strengths(cs, state, [asked, proposal])]


def test_a_question_that_says_the_internal_objective_aloud_is_not_praised(library):
    """A reviewer (h2): "Goede open vraag" for "wat jullie nu betalen …, zodat ik een
    offerte kan maken": the internal objective stays on the pad."""
    cs = library["drill-external-objective"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)

    def praised(text: str) -> bool:
        asked = turn(text, "fact_question", form="open", spin="situation",
                     facts=("park_details",))
        return "good_open_question" in [t.key for t in _strengths(cs, state, [asked])]

    assert not praised("En ik wil graag weten wat jullie nu betalen, zodat ik een offerte "
                       "kan maken.")
    assert not praised("What do you pay now, so that I can make you a quote?")
    assert praised("Hoe is de koffie nu geregeld op de drie vestigingen?")


def test_giving_in_to_the_brochure_request_is_not_praised_as_handling_it(library):
    """A reviewer (h2): "Goede bezwaarbehandeling" for "Oké snap ik. Dan stuur ik u de
    brochure": agreeing to send it answers nothing of what is behind the request."""
    cs = library["objection-software-renewal"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    state.objections["brochure"] = ObjectionState(raised_turn=1, handled=True)
    gives_in = turn("Oké snap ik. Dan stuur ik u de brochure, die kunt u aan hen laten zien.",
                    "objection_response", steps=("acknowledge", "respond"))
    keys = [t.key for t in _strengths(cs, state, [turn("Goedemorgen.", "greet_introduce"),
                                                  gives_in])]
    assert "good_objection" not in keys and "good_acknowledge" not in keys
    answers = turn("Dat snap ik, uw tijd is krap. Een demo met uw eigen uren laat in een "
                   "half uur zien of het overtypen verdwijnt.", "objection_response",
                   steps=("acknowledge", "respond"))
    keys = [t.key for t in _strengths(cs, state, [turn("Goedemorgen.", "greet_introduce"),
                                                  answers])]
    assert "good_objection" in keys


def test_the_objection_tip_does_not_quote_the_next_question_as_the_answer(library):
    """A reviewer: "When he objected you said 'How many people work on site?'" – the
    learner went on with a question of the inventory; the tip names his objection."""
    cs = library["objection-software-renewal"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.objections["dmu_consult"] = ObjectionState(raised_turn=1)
    moved_on = turn("How many people work on site and how many in the office?",
                    "fact_question", form="open", spin="situation")
    tips = choose_tips(cs, state, 30, [turn("Good morning Gerard.", "greet_introduce"),
                                       moved_on])
    assert not [t for t in tips if t.key == "objection"]
    steps = [t for t in tips if t.key == "objection_steps"]
    assert steps and "quote" not in steps[0].values


def test_understanding_and_a_check_in_words_the_engine_missed_are_not_called_missing(library):
    """A reviewer (h2): "Still open: respect the running contract; check whether it
    appeals to her" and "'That's completely fair, Sandra…' did nothing for the exercise",
    though the learner said it was fair and ended the benefit with "would that be
    useful?". The card praises the acknowledgement and names neither step as open."""
    cs = library["drill-objection-contract-running"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"clarify": 1, "respond": 1})
    state.objections["contract_running"] = ObjectionState(raised_turn=0, handled=True)
    fair = turn("That's completely fair, Sandra, and thanks for being so clear. Can I ask "
                "what the notice period on the contract is?", "next_step_proposal",
                form="open")
    clarify = turn("And what made this contract feel that way?", "objection_response",
                   form="open", steps=("clarify",), objectives=("clarify",))
    benefit = turn("Our plans run per year, so you're not stuck when your team changes. If I "
                   "prepare a comparison before your notice date, would that be useful?",
                   "objection_response", form="closed", steps=("clarify", "respond"),
                   objectives=("respond",))
    tips = choose_tips(cs, state, 69, [fair, clarify, benefit])
    open_goals = " ".join(t.values.get("topics", "") for t in tips
                          if t.key == "missed_external")
    assert "Respect" not in open_goals and "Check" not in open_goals
    assert not [t for t in tips if t.key in ("wasted_message", "false_start")
                and t.values.get("quote") == quote(fair.learner)]
    assert any(t.key == "good_acknowledge" and t.values["quote"] == quote(fair.learner)
               for t in tips)


@pytest.mark.parametrize(("lang", "line"), [("nl", "ik bel u wel"),
                                            ("nl", "Ik bel u volgende week."),
                                            ("en", "I'll call you next week.")])
def test_a_promise_to_call_does_not_tick_the_concrete_next_step(library, lang, line):
    """A user test and the lead: "ik bel u wel" ticked "pick up the buying signal with a
    concrete next step (day, time, who, what)" while the tip said it was no concrete step.
    A promise to call fixes nothing; a day ("maybe Wednesday?") is on the way and stays
    ticked, with the tip on how to make it firmer."""
    vague = play(library, "drill-closing-next-step", lang, [line])
    assert not vague["objectives"]["external"]["next_step"]
    day = {"nl": "Zullen we woensdag langskomen om de maten op te nemen?",
           "en": "Shall we come by on Wednesday to take the measurements?"}[lang]
    firmer = play(library, "drill-closing-next-step", lang, [day])
    assert firmer["objectives"]["external"]["next_step"]
    assert firmer["score"] > vague["score"]


def test_an_introduction_without_inviting_hers_earns_half_and_says_so(library):
    """The lead: "Introduce yourself and your company and invite her to do the same" was
    ticked in full for "I'm Tom from SchoonWerk" alone. Her turn is half of it: the part
    scores half and a tip says how to invite her."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"introduce": 1})
    intro = turn("Good morning, I'm Tom from SchoonWerk Netherlands.", "greet_introduce",
                 objectives=("introduce",))
    pitch = turn("We clean over 400 offices in the region.", "pitch")
    invite = turn("Could you tell me a bit about the office and your role?", "fact_question",
                  form="open", spin="situation", facts=("locations",))
    alone = score_call(cs, state, None, [intro, pitch, pitch])
    asked = score_call(cs, state, None, [intro, invite, pitch])
    assert alone.sections["external"] < asked.sections["external"]
    assert "invite_introduction" in [t.key for t in alone.tips]
    assert "invite_introduction" not in [t.key for t in asked.tips]
    for lang in ("en", "nl"):
        text = render_tip(lang, next(t for t in alone.tips if t.key == "invite_introduction"))
        assert "{" not in text and "Marieke" in text


def test_an_offer_tied_to_the_problem_she_described_is_not_called_untied(library):
    """A reviewer (h2): "ok so the jams on the packing lines, that's exactly what our
    remote monitoring solves" was called a pitch "before tying it to anything she said";
    it was tied to the jams she described, only before she said what they cost her."""
    cs = library["spin-printing-urgency"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    asked = turn("Do they break down a lot?", "fact_question", form="closed", spin="problem",
                 facts=("jams_peak",))
    asked.buyer = "They jam now and then at peak. That comes with it."
    tied = turn("Ok so the jams on the packing lines, that's exactly what our remote "
                "monitoring solves.", "pitch")
    untied = turn("Our remote monitoring is the best on the market.", "pitch")
    opening = turn("Good afternoon, I'm Rick from Printwise.", "greet_introduce")
    keys = [t.key for t in choose_tips(cs, state, 40, [opening, asked, tied])]
    assert "pitch_early" in keys and "pitch" not in keys
    keys = [t.key for t in choose_tips(cs, state, 40, [opening, asked, untied])]
    assert "pitch" in keys and "pitch_early" not in keys
    for lang in ("en", "nl"):
        assert "{" not in render_tip(lang, Tip("pitch_early", {
            "quote": "x", "buyer": "Ingrid", "gender": "female", "address": "u"}))


def test_a_purpose_said_in_words_read_as_another_act_is_not_called_missing(library):
    """A reviewer (h2): "Open a follow-up visit with ... what you want to agree today"
    after "Ik kom vandaag eigenlijk vooral om te horen wat je van ons voorstel vond"."""
    cs = library["closing-catering-followup"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0)
    opening = turn("Hoi Marco, goed je weer te zien.", "greet_introduce")
    purpose = turn("Ik kom vandaag eigenlijk vooral om te horen wat je van ons voorstel vond.",
                   "next_step_proposal")
    asked = turn("Wat vonden je collega's ervan?", "fact_question", form="open",
                 spin="situation", facts=("proposal_feedback",))
    keys = [t.key for t in choose_tips(cs, state, 50, [opening, purpose, asked])]
    assert not [k for k in keys if k.startswith("state_objective")]
    keys = [t.key for t in choose_tips(cs, state, 50, [opening, asked])]
    assert [k for k in keys if k.startswith("state_objective")]


def test_a_yes_but_does_not_tick_the_acknowledgement(library):
    """The worst dev gap (71 against a trainer's 36): "Ik begrijp dat 14 procent veel
    lijkt, meneer Hoekstra. Maar onze folie is echt van betere kwaliteit" ticked "show
    understanding for his objection"; the "maar" takes it back, as the praise already
    knew. The goal stays open and the tip says so."""
    from scoring.sections import handling_steps, objectives_met

    cs = library["drill-objection-price"]

    def card(text: str):
        state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0,
                             objectives={"acknowledge": 1, "respond": 1})
        state.objections["price"] = ObjectionState(
            raised_turn=0, handled=True,
            steps={"acknowledge": True, "clarify": False, "respond": True, "check": False})
        said = turn(text, "objection_response", steps=("acknowledge", "respond"),
                    objectives=("acknowledge", "respond"))
        return (objectives_met(cs, state, "external", [said]),
                handling_steps(state.objections["price"], [said]),
                score_call(cs, state, None, [said]))

    met, steps, yes_but = card("Ik begrijp dat 14 procent veel lijkt. Maar onze folie scheurt "
                               "bijna nooit, dus uw lijn staat niet meer stil.")
    assert not met["acknowledge"] and not steps["acknowledge"]
    label = cs.language("nl").text(cs.objectives["acknowledge"].label)
    assert any(t.key == "missed_external" and label in t.values["topics"] for t in yes_but.tips)
    met, steps, heard = card("Ik begrijp dat 14 procent veel lijkt. Onze folie scheurt bijna "
                             "nooit, dus uw lijn staat niet meer stil.")
    assert met["acknowledge"] and steps["acknowledge"]
    assert heard.total > yes_but.total


def test_a_fact_she_refused_counts_as_asked_and_the_card_marks_it_not_told(library):
    """User tests (ut9): internal 73 for refusals ("Those are internal figures...") while
    the visit report noted nothing learned. The contract ticks an objective the learner
    worked towards "whether or not the buyer gives everything away"; the card marks it ❔
    (asked, not told) and the visit report lists it as still unknown, so they agree."""
    report = play(library, "objection-software-renewal", "en", [
        "Good morning Gerard, good to see you again.",
        "What do you pay now per employee, and when does your contract end?"])
    assert "internal figures" in report["turns"][1]["buyer"]
    internal = report["objectives"]["internal"]
    assert internal["competitor_price"] and internal["contract_end"]
    missed = set(report["visit_report"]["missed"])
    assert {"competitor_price", "contract_end"} <= missed  # the card shows them ❔ (Telegram
    # test_a_question_she_would_not_answer_yet_shows_as_asked_not_as_known)


def test_the_new_appointment_the_card_ticks_is_not_listed_as_missed(library):
    """User tests (ut9): the card ticked the new appointment and the visit report listed it
    as missed. An item the learner does (not one she tells) follows the card."""
    report = play(library, "first-visit-cleaning", "en", [
        "Good morning, I'm Tom from SchoonWerk Netherlands.",
        "What would you like to be different about the cleaning?",
        "Could we meet again on Tuesday 14 March at 10 to talk about a quotation?"])
    assert report["objectives"]["internal"]["new_appointment"]
    assert "new_appointment" not in report["visit_report"]["missed"]


def test_a_date_past_her_deadline_is_the_wrong_moment(library):
    """She says the date is too late (``closing.late``): the form was right, the date not."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.closing.update(attempted=True, concrete=True)
    asked = turn("What would you like to be different about the cleaning?", "fact_question",
                 form="open", spin="problem", facts=("satisfaction",))
    proposal = turn("Could we meet again on Tuesday 17 November at 10 with Mr Verhoef?",
                    "next_step_proposal", form="closed")
    in_time = closing_score(cs, state, [asked, proposal])
    proposal.buyer = cs.language("en").texts(cs.scenario.closing.late)[0]
    assert closing_score(cs, state, [asked, proposal]) < in_time
    # (round 14) a December date is past her deadline whatever she answered to it
    proposal.learner, proposal.buyer = proposal.learner.replace("17 November",
                                                                "15 December"), "…"
    assert closing_score(cs, state, [asked, proposal]) < in_time


@pytest.mark.parametrize("line", [
    "we can give u the first 3 months for free",
    "ok well the price is a bit high maybe, i can do €6.50",
    "Wij kunnen het voor €6,20 doen", "ik kan wel €6,50 doen"])
def test_a_price_cut_in_other_words_gets_the_discount_tip(line):
    """User tests (ut9): "3 months for free" and "i can do €6.50" got no discount tip."""
    assert offers_discount(turn(line, "pitch"))


@pytest.mark.parametrize("line", ["We charge €6.90 per lunch.", "I can do Tuesday at 10.",
                                  "Zou er eerst een proefweek in zitten?"])
def test_a_price_or_a_day_named_is_no_discount(line):
    assert not offers_discount(turn(line, "pitch"))


def test_a_summary_read_as_a_fact_question_is_not_told_to_sum_up(library):
    """User test (ut9): "So: a daily lunch ..., and the director signs. Is that correct?"
    was read as a fact question and the card said "Sum up what he told you"."""
    cs = library["closing-catering-followup"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         revealed={next(iter(cs.facts)): 1})
    asked = turn("What did Annelies think of it?", "fact_question", form="open",
                 spin="situation", facts=(next(iter(cs.facts)),))
    summed = turn("So: a daily lunch from the opening of the restaurant, around 115 lunches, "
                  "and the director signs. Is that correct?", "fact_question", form="closed",
                  spin="situation")
    other = turn("And how many people eat there?", "fact_question", form="open",
                 spin="situation")
    assert "summarise" not in [t.key for t in choose_tips(cs, state, 50, [asked, summed])]
    assert "summarise" in [t.key for t in choose_tips(cs, state, 50, [asked, other])]


def test_the_json_report_shows_the_objection_steps_the_card_counts(library):
    """scoring9: the report's objections[].steps showed the engine's raw steps, so a yes-but
    acknowledgement the card does not count was true in the JSON."""
    from bot.call_report import json_report

    cs = library["drill-objection-price"]
    state = SessionState(scenario_id=cs.scenario.id, lang="nl", seed=0,
                         objectives={"acknowledge": 1, "respond": 1})
    state.objections["price"] = ObjectionState(
        raised_turn=0, handled=True,
        steps={"acknowledge": True, "clarify": False, "respond": True, "check": False})
    said = turn("Ik begrijp dat 14 procent veel lijkt. Maar onze folie scheurt bijna nooit.",
                "objection_response", steps=("acknowledge", "respond"),
                objectives=("acknowledge", "respond"))
    report = json_report(cs, state, score_call(cs, state, None, [said]))
    steps = next(o["steps"] for o in report["objections"] if o["id"] == "price")
    assert steps == {"acknowledge": False, "clarify": False, "respond": True, "check": False}


@pytest.mark.parametrize(("summary", "praised"), [
    ("So to summarise, you have one office in Haarlem and the cleaners come at four, correct?",
     False),
    ("So to summarise, you have two offices and the cleaners come at four, correct?", True)])
def test_a_summary_with_a_figure_she_never_said_is_not_praised(library, summary, praised):
    """User tests (ut9): "you have one office in haarlem" (two branches) and "het contract
    loopt nog 3 jaar" got "Good: ... summed up what she told you" after a "yes"."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    asked = turn("Could you tell me about the office?", "fact_question", form="open",
                 spin="situation", facts=("organisation",))
    asked.buyer = "We have two branches, Haarlem and Beverwijk. The cleaners come at four."
    summed = turn(summary, "summary", form="closed")
    summed.buyer = "Yes, that's right."
    keys = [t.key for t in _strengths(cs, state, [asked, summed])]
    assert ("good_summary" in keys) is praised


def test_a_benefit_with_its_check_ticks_the_check_the_praise_names(library):
    """User test (ut9): "With us a replacement van is at the door within four hours, ...
    Would that make a difference for you?" was praised as a check while the goal and the
    step stayed open ("Still open in this exercise: check ...", 69 for a textbook answer)."""
    from scoring.sections import handling_steps, objectives_met

    cs = library["drill-objection-current-supplier"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"respond": 1})
    oid = next(iter(cs.objections))
    state.objections[oid] = ObjectionState(raised_turn=0, steps={"respond": True})

    def ticked(text: str) -> tuple[bool, bool]:
        said = turn(text, "objection_response", steps=("respond",), objectives=("respond",))
        return (objectives_met(cs, state, "external", [said])["check"],
                bool(handling_steps(state.objections[oid], [said]).get("check")))

    assert ticked("With us a replacement van is at the door within four hours, so your "
                  "engineer keeps working. Would that make a difference for you?") == (True, True)
    assert ticked("With us a replacement van is at the door within four hours, so your "
                  "engineer keeps working.") == (False, False)


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "I want to sell you our coffee machines and find out who decides and what you pay now"),
    ("nl", "nou ik wil eigenlijk weten wie uw huidige leverancier is, wat u betaalt en wanneer "
           "het contract afloopt")])
def test_internal_objectives_said_aloud_get_a_tip_naming_it(library, lang, line):
    """User tests (ut9, scoring9): the briefing says "keep your internal objectives to
    yourself"; the card only said "start by introducing yourself"."""
    report = play(library, "drill-external-objective", lang, [line])
    assert any(line[:40] in tip and ("internal objectives" in tip or "interne doelen" in tip)
               for tip in report["feedback"])


def test_the_visit_purpose_said_for_her_is_not_called_an_internal_objective(library):
    report = play(library, "drill-external-objective", "en", [
        "Good morning Linda, I'm Sam from Bonenburg. Today I'd like us to get to know each "
        "other, hear how coffee is arranged at your branches and what you'd like to improve, "
        "and agree how we follow up. Does that suit you?"])
    assert not any("internal objectives" in tip for tip in report["feedback"])


def test_internal_objectives_said_aloud_cost_points(library):
    """drills7: saying the internal objectives aloud cost nothing (68 against a trainer's
    45 on dev); it is the mistake the exercise is about."""
    purpose = ("Well, we're Bonenburg, we do coffee machines, beans and maintenance. Today I'd "
               "like to find out which machines you've got at the three branches")
    aloud = play(library, "drill-external-objective", "en", [
        purpose + ", how happy you are with your supplier and who decides on this."])
    kept = play(library, "drill-external-objective", "en", [
        purpose + " and what you'd like to improve there."])
    assert aloud["deduction"] >= 15 > kept["deduction"]
    assert aloud["score"] < kept["score"]


def test_a_drill_half_done_is_no_two_thirds_score(library):
    """drills7: acknowledge and a benefit, skipping the clarifying question and the check,
    scored 69 against a trainer's 45 (the straight line from the drill's base of 30)."""
    report = play(library, "drill-objection-discuss-others", "en", [
        "Of course, I understand.",
        "Our screens work with all common laptops, so that won't be a problem.",
        "Shall I come back next week to present it to the management team?"])
    assert report["objections"][0]["steps"]["clarify"] is False
    assert report["score"] <= 65


def test_no_need_payoff_tip_after_the_question_it_suggests(library):
    """User tests (ut9): "What would it mean for you if the complaints about the meeting
    rooms stopped?" was read as an implication question and the card said "Let Marieke put
    the value into words herself: 'What would it mean for you if …?'"."""
    cs = library["first-visit-cleaning"]

    def tip(last: str) -> Tip | None:
        turns = [turn("Who cleans your offices now?", "fact_question", form="open",
                      spin="situation"),
                 turn("What bothers you about it?", "fact_question", form="open",
                      spin="problem"),
                 turn("What does that mean for the notaries?", "fact_question", form="open",
                      spin="implication"),
                 turn(last, "fact_question", form="open", spin="implication")]
        return _deeper_questions(cs, turns, question_mix(turns))

    asked = tip("What would it mean for you if the complaints about the meeting rooms stopped?")
    assert asked is None or asked.key != "need_payoff"
    other = tip("And what happens when the windows are skipped?")
    assert other is not None and other.key == "need_payoff"


def test_asking_what_she_pays_now_is_not_praised_as_an_implication_question(library):
    """User test (ut9): "What does that cost you per month at the moment?" was praised as an
    implication question while the card said what they pay was still to find out."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)

    def praised(text: str) -> bool:
        asked = turn(text, "fact_question", form="open", spin="implication")
        return "good_implication" in [t.key for t in _strengths(cs, state, [asked])]

    assert not praised("What does that cost you per month at the moment?")
    assert praised("What does that cost you when a client has to wait in a dirty room?")


def test_a_wrong_figure_is_named_as_a_wrong_figure(library):
    """drills7 (forecast): "total is 147000" got "did nothing for the exercise"; the fault
    is the figure, not worked out as the exercise asks."""
    report = play(library, "drill-forecast", "en", [
        "total is 147000 and march is 72000", "oh wait, kuipers is lost, so 117000?"])
    wrong = [tip for tip in report["feedback"] if "names a figure, but not the one" in tip]
    assert len(wrong) == 2
    assert not any("did nothing for the exercise" in tip for tip in report["feedback"])


def test_her_yes_to_a_summary_read_as_a_proposal_is_no_agreed_close(library):
    """User test (ut9, fv_mid): "So, to check: ..., and the contract runs until April.
    Correct?" got "That's fine. Put it in the diary ..."; the date proposed later got an
    objection, yet the card said closing 100 and "Good close: 'Shall I come back on
    Thursday 9 October ...' gave a concrete next step"."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0)
    state.closing.update(attempted=True, concrete=True, agreed=True)
    asked = turn("What would you like to be different about the cleaning?", "fact_question",
                 form="open", spin="problem", facts=("satisfaction",))
    summary = turn("So, to check: the rotating team and the 4 pm slot bother you, and the "
                   "contract runs until April. Correct?", "next_step_proposal", form="closed")
    summary.moves = ["propose_next_step"]
    summary.buyer = cs.language("en").texts(cs.scenario.closing.agree)[0]
    proposal = turn("Shall I come back on Thursday 9 October at 16:00 with a proposal?",
                    "next_step_proposal", form="closed")
    proposal.buyer = "Hold on, first this: the partners really look at price."
    turns = [asked, summary, proposal]
    assert closing_score(cs, state, turns) < 100
    assert "good_close" not in [t.key for t in _strengths(cs, state, turns)]
    # her yes to the proposal itself is the agreed close
    summary.buyer, proposal.buyer = "Yes, that's right.", summary.buyer
    assert closing_score(cs, state, turns) == 100
    assert "good_close" in [t.key for t in _strengths(cs, state, turns)]


def test_what_she_volunteered_is_not_listed_as_still_to_find_out(library):
    """A user test: he said unasked "We've been with Loonhuis for nine years and it
    works", and the card said "Still to find out: Current supplier and satisfaction". The
    learner knows it; only what is still unknown belongs in that tip. A passing "budget
    round" does not tell the budget, so that stays listed."""
    cs = library["objection-software-renewal"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         flags={"objective_stated": 1})
    asked = turn("How long does that take then?", "fact_question", form="open",
                 spin="problem", facts=("hours_process",))
    asked.buyer = ("About four days every month. May I be frank? We've been with Loonhuis "
                   "for nine years and it works.")
    timing = turn("When are you planning to decide?", "fact_question", form="open",
                  spin="situation", facts=("decision_timing",))
    timing.buyer = ("Monique wants to decide in September, in the budget round. If we "
                    "switch, I have to give Loonhuis notice before 1 October.")
    tips = score_call(cs, state, None, [asked, timing]).tips
    missed = next(t.values["topics"] for t in tips if t.key == "missed_internal")
    label = cs.language("en").text
    assert label(cs.objectives["current_supplier"].label) not in missed
    assert label(cs.objectives["contract_end"].label) not in missed
    assert label(cs.objectives["budget"].label) in missed


@pytest.mark.parametrize("sid,lang,offer,key", [
    ("first-visit-cleaning", "en", "Shall I send you an offer?", "vague_close"),
    ("first-visit-cleaning", "nl", "Zal ik u een offerte sturen?", "vague_close"),
    ("spin-printing-urgency", "en", "Shall I send you an offer?", "quote_close"),
    ("closing-catering-followup", "en", "Can I email you the proposal?", "vague_close"),
])
def test_a_weak_next_step_is_called_weak_not_missing(library, sid, lang, offer, key):
    """"Shall I send you an offer?" read as a question got "You did not propose a next
    step": untrue, the learner offered one. The tip says why it is too weak instead."""
    cs = library[sid]
    state = SessionState(scenario_id=cs.scenario.id, lang=lang, seed=0)
    turns = [turn("Hello, I'm Tom.", "greet_introduce"),
             turn("What would you like to be different?", "fact_question", form="open",
                  spin="problem"),
             turn(offer, "fact_question", form="closed")]
    keys = {t.key: t for t in choose_tips(cs, state, 40, turns)}
    assert "no_close" not in keys
    assert key in keys and keys[key].values["quote"] == quote(offer)


def test_praise_names_the_move_the_learner_made(library):
    """User tests: a leading tag ("rather outdated, isn't it?") praised as a check, a
    closing proposal praised as "checked that her concern was taken away", and a list of
    selling points with none of her words praised as "tied to what she said"."""
    cs = library["first-visit-cleaning"]
    state = SessionState(scenario_id=cs.scenario.id, lang="en", seed=0,
                         objectives={"solution": 1})

    def praised(turns: list[TurnRecord]) -> set[str]:
        return {t.key for t in _strengths(cs, state, turns)}

    opening = turn("Hello, I'm Tom.", "greet_introduce")
    opening.buyer = "Hello. The windows are always dirty and the kitchen is never done."
    leading = turn("Your current way of working is rather outdated, isn't it?",
                   "objection_response", form="closed", steps=("check",))
    proposal = turn("Shall we meet on Tuesday at ten?", "next_step_proposal",
                    form="closed", steps=("check",))
    check = turn("Does that take away your worry?", "objection_response", form="closed",
                 steps=("check",))
    assert "good_check" not in praised([opening, leading])
    assert "good_check" not in praised([opening, proposal])
    assert "good_check" in praised([opening, check])
    selling = turn("We offer ISO certification, green products and a fixed team.",
                   "solution", objectives=("solution",))
    tied = turn("For the dirty windows and the kitchen we add a weekly round.", "solution",
                objectives=("solution",))
    assert "good_solution" not in praised([opening, selling])
    assert "good_solution" in praised([opening, tied])


@pytest.mark.parametrize("lang,lines", [
    ("nl", ["Goedemiddag, ik ben Jesse van SchoonWerk.", "Mag ik u op onze nieuwsbrief zetten?"]),
    ("en", ["Good afternoon, I'm Jesse from SchoonWerk.", "Can I add you to our newsletter?"]),
])
def test_a_short_yes_is_noted_in_the_visit_report(library, lang, lines):
    """Lead's browser call: the visit report showed "@:" with nothing after it, because her
    whole answer ("Ja, dat mag.") was too short to count as a fact sentence."""
    report = play(library, "first-visit-cleaning", lang, lines)
    noted = report["visit_report"]["learned"].get("newsletter")
    assert noted and noted.split()[0].rstrip(",") in {"Ja", "Yes"}, report["visit_report"]
