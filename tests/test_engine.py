"""The buyer behaves like the method's buyer: answers what is asked, guards what is sensitive."""

from __future__ import annotations

import json

from bot.engine.engine import Engine
from bot.engine.lexicon import load_lexicon
from bot.engine.state import SessionState

OPENING_NL = [
    "Goedemorgen, ik ben Sanne Visser van SchoonWerk Nederland. Kunt u iets over uzelf vertellen?",
    "Het doel van vandaag is kennismaken, uw wensen in kaart brengen en een vervolgstap afspreken.",
]


def _play(engine: Engine, lines: list[str], lang: str = "nl", seed: int = 7) -> SessionState:
    state = engine.start(lang, seed=seed)
    for line in lines:
        engine.turn(state, line)
    return state


def test_greeting_is_in_persona_and_language(engine: Engine):
    nl = engine.start("nl", seed=1)
    en = engine.start("en", seed=1)
    assert "Marieke de Groot" in nl.opening and "Goedemorgen" in nl.opening
    assert "Good morning" in en.opening


def test_price_is_guarded_until_trust_is_earned(engine: Engine):
    cold = engine.start("nl", seed=3)
    reply = engine.turn(cold, "Wat betaalt u nu voor de schoonmaak?").reply
    assert "2.900" not in reply
    warm = _play(engine, [*OPENING_NL, "Wie maakt er nu bij u schoon?"])
    reply = engine.turn(warm, "Wat betaalt u nu ongeveer per maand voor de schoonmaak?").reply
    assert "2.900" in reply


def test_open_question_gets_a_richer_answer_than_a_closed_one(engine: Engine):
    open_state = _play(engine, OPENING_NL)
    closed_state = _play(engine, OPENING_NL)
    rich = engine.turn(open_state, "Hoe vaak wordt er nu schoongemaakt?").reply
    short = engine.turn(closed_state, "Wordt er dagelijks schoongemaakt?").reply
    assert len(rich) > len(short)


def test_several_topics_in_one_message_are_all_answered(engine: Engine):
    state = _play(engine, OPENING_NL)
    result = engine.turn(state, "hvl m2 is t ong en wie maakt nu schoon bij jullie?")
    assert {"square_metres", "supplier"} <= set(result.analysis.facts)
    assert "700" in result.reply and "Blinkend Schoon" in result.reply


def test_mobile_typing_with_typos_is_understood(engine: Engine):
    state = _play(engine, OPENING_NL)
    result = engine.turn(state, "wnr loopt t contrct af en wat is de opzegtermijn")
    assert "contract_end" in result.analysis.objectives
    assert "1 april" in result.reply


def test_asking_again_gets_as_i_said(engine: Engine):
    state = _play(engine, [*OPENING_NL, "Wie maakt er nu bij u schoon?"])
    reply = engine.turn(state, "Welk schoonmaakbedrijf werkt er nu voor u?").reply
    # asked right after she told it: the lead for her last reply ("dat zei ik net al")
    leads = load_lexicon("nl").line("repeat_just")
    assert reply.startswith(tuple(lead.strip() for lead in leads)), reply


def test_rudeness_ends_the_meeting(engine: Engine):
    state = engine.start("en", seed=1)
    result = engine.turn(state, "Shut up and listen, you idiot.")
    assert result.ended and state.end_reason == "rude"


def test_patience_runs_out_on_empty_talk(engine: Engine):
    state = engine.start("en", seed=1)
    for _ in range(40):
        result = engine.turn(state, "Nice weather today.")
        if result.ended:
            break
    assert state.ended and state.end_reason == "patience"
    assert state.turn < 20


def test_follow_up_is_only_agreed_when_earned(engine: Engine):
    early = engine.start("nl", seed=2)
    reply = engine.turn(early, "Zullen we dinsdag om 10 uur een vervolgafspraak maken?").reply
    assert not early.closing["agreed"] and reply
    good = _play(engine, [
        *OPENING_NL,
        "Wie verzorgt nu de schoonmaak en hoe tevreden bent u daarover?",
        "Hoeveel vierkante meter is het en hoe vaak wordt er schoongemaakt?",
    ])
    result = engine.turn(good, "Zullen we dinsdag 14 oktober om 10 uur afspreken om een offerte "
                                "te bespreken?")
    assert good.closing["agreed"], result.reply
    assert {"follow_up", "new_appointment"} <= set(result.analysis.objectives)


def test_objection_is_raised_after_a_solution_and_handled_in_steps(engine: Engine):
    state = _play(engine, [*OPENING_NL, "Hoe tevreden bent u over de huidige schoonmaak?"])
    reply = engine.turn(state, "Wij kunnen een vast team na kantoortijd inzetten.").reply
    assert state.pending_objection == "price" and "duurder" in reply
    engine.turn(state, "Dat begrijp ik. Waarmee vergelijkt u de prijs precies?")
    # the benefit put as what it is worth to her: a price concern is answered by value
    # (tests/test_value_answers_price.py: without it, the price stays open)
    result = engine.turn(state, "Met een vast gescreend team na kantoortijd hebben uw cliënten "
                                "geen last meer, en dat is voor de partners meer waard dan een "
                                "paar euro verschil. Beantwoordt dat uw vraag?")
    steps = state.objections["price"].steps
    assert state.objections["price"].handled, result.reply
    assert all(steps.values())


def test_same_seed_same_call_and_state_survives_json(engine: Engine):
    lines = [*OPENING_NL, "Wie maakt er nu schoon?", "Hoe tevreden bent u?"]
    a = engine.start("nl", seed=11)
    replies_a = [engine.turn(a, line).reply for line in lines]
    b = engine.start("nl", seed=11)
    replies_b = [engine.turn(b, line).reply for line in lines[:2]]
    restored = SessionState.from_dict(json.loads(json.dumps(b.to_dict())))
    replies_b += [engine.turn(restored, line).reply for line in lines[2:]]
    assert replies_b == replies_a
    assert restored.to_dict() == a.to_dict()


def test_state_does_not_grow_with_the_transcript(engine: Engine):
    """The turns table keeps the transcript; the stored state stays the size of what the
    buyer needs to decide, so a long call costs the same per turn as a short one."""
    state = _play(engine, OPENING_NL)
    short = len(json.dumps(state.to_dict()))
    for _ in range(10):
        engine.turn(state, "Hoeveel vierkante meter is het kantoor ongeveer?")
    assert len(json.dumps(state.to_dict())) < short + 400
    assert not state.history


def test_a_state_stored_before_version_2_still_plays_and_scores(engine: Engine):
    from scoring.card import score_call

    state = _play(engine, [*OPENING_NL, "Wie maakt er nu bij u schoon?"])
    old = state.to_dict()
    old["version"] = 1
    for key in ("last_act", "situation_streak", "spins"):
        del old[key]
    for o in old["objections"].values():
        for key in ("idle", "recalled", "rested"):
            del o[key]
    old["history"] = [{"learner": line, "buyer": "…", "form": "open", "spin": "situation",
                       "objectives": ["current_supplier"], "moves": [], "facts": ["supplier"],
                       "needs": [], "phase": "inventory"} for line in OPENING_NL]
    loaded = engine.resume(SessionState.from_dict(old))
    assert engine.turn(loaded, "Hoe tevreden bent u over hen?").reply
    card = score_call(engine.cs, loaded, None)
    assert [t.learner for t in card.turns] == OPENING_NL


def test_hint_follows_the_call(engine: Engine):
    state = engine.start("en", seed=1)
    assert "introduc" in engine.hint(state).lower()
    for line in ["Good morning, I'm Tom from SchoonWerk. Could you tell me about your role?",
                 "The purpose of today is to get to know each other and map your needs."]:
        engine.turn(state, line)
    assert "open question" in engine.hint(state).lower()


def test_pitch_costs_patience_and_gets_a_pitch_reply(engine: Engine):
    state = engine.start("en", seed=5)
    engine.turn(state, "Good morning, I'm Tom from SchoonWerk Netherlands.")
    before = state.patience
    result = engine.turn(state, "We are the market leader in office cleaning with the best "
                                "quality, certified staff and years of experience nationwide.")
    assert result.analysis.pitch and state.patience < before


def test_two_questions_of_different_kinds_are_both_answered(engine: Engine):
    state = _play(engine, OPENING_NL)
    result = engine.turn(state, "Wie maakt er nu schoon en hoe tevreden bent u daarover?")
    assert {"supplier", "satisfaction"} <= set(result.analysis.facts)
    assert "Blinkend Schoon" in result.reply


def test_stored_state_is_complete_and_round_trips(engine) -> None:
    """The hand-written to_dict must keep every field a resumed call needs."""
    from dataclasses import asdict

    from bot.engine.state import SessionState

    state = engine.start("en", seed=3)
    for line in ("Good morning, I'm Tom from CleanCo.", "Who cleans your office now?",
                 "That sounds expensive?", "Shall we meet next Tuesday at 10?"):
        engine.turn(state, line)
    assert state.to_dict() == asdict(state)
    assert SessionState.from_dict(state.to_dict()) == state


def test_a_call_resumes_on_a_changed_version_of_its_scenario(engine: Engine):
    from bot.engine.compiled import CompiledScenario
    from scoring.card import score_call

    state = _play(engine, [*OPENING_NL, "Wie maakt er nu bij u schoon?"])
    assert state.revealed and state.objections
    sc = engine.scenario
    removed_fact = next(iter(state.revealed))
    renamed = sc.objections[0].model_copy(update={"id": "renamed"})
    changed = sc.model_copy(update={
        "facts": [f for f in sc.facts if f.id != removed_fact],
        "objections": [renamed, *sc.objections[1:]]})
    new = Engine(CompiledScenario(changed))

    resumed = new.resume(SessionState.from_dict(state.to_dict()))
    assert removed_fact not in resumed.revealed
    assert set(resumed.objections) == {o.id for o in changed.objections}
    assert resumed.turn == state.turn and resumed.objectives == {
        k: v for k, v in state.objectives.items() if k in resumed.objectives}
    for line in ["Wat betaalt u nu?", "Dat klinkt duur, waarmee vergelijkt u dat?"]:
        assert new.turn(resumed, line).reply
    new.stop(resumed)
    assert 0 <= score_call(new.cs, resumed, None).total <= 100
