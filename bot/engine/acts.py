"""What a learner's message mainly does in the call: one dialogue act, decided in context.

The cue lists in the lexicon find *moves* (a message can introduce, ask and propose at
once); the act is the one thing the buyer reacts to. Context decides where the words do
not: a question right after an objection clarifies it, an agenda ending in "is that OK?"
states the objective, a closing word inside a question about something else is no close.
The vocabulary is fixed by ``contract.md`` (the ``act`` of every turn in the JSON report).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.engine.analysis import TurnAnalysis
    from bot.engine.state import SessionState


class Act(StrEnum):
    GREET_INTRODUCE = "greet_introduce"
    STATE_OBJECTIVE = "state_objective"
    FACT_QUESTION = "fact_question"
    SMALL_TALK = "small_talk"
    PITCH = "pitch"
    SOLUTION = "solution"
    OBJECTION_RESPONSE = "objection_response"
    SUMMARY = "summary"
    NEXT_STEP_PROPOSAL = "next_step_proposal"
    ASK_ORDER = "ask_order"
    GOODBYE = "goodbye"
    OTHER = "other"


class Move(StrEnum):
    """Cue-level moves a message can hold (several per message); scenario detectors
    name the first thirteen (``bot.scenario.model.Move``)."""

    INTRODUCE = "introduce"
    INVITE_INTRODUCTION = "invite_introduction"
    STATE_OBJECTIVE = "state_objective"
    SUMMARIZE = "summarize"
    ACKNOWLEDGE = "acknowledge"
    CLARIFY = "clarify"
    RESPOND_BENEFIT = "respond_benefit"
    CHECK = "check"
    PROPOSE_SOLUTION = "propose_solution"
    PROPOSE_NEXT_STEP = "propose_next_step"
    ASK_FOR_ORDER = "ask_for_order"
    DISCOUNT = "discount"
    RUDE = "rude"
    GREET = "greet"
    GOODBYE = "goodbye"
    SMALL_TALK = "small_talk"


OBJECTION_MOVES = frozenset({Move.ACKNOWLEDGE, Move.CLARIFY, Move.RESPOND_BENEFIT, Move.CHECK})
CLOSING_ACTS = frozenset({Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER})
OPENING_TURNS = 3  # "tell me about yourself" in the first turns is part of the introduction


def main_act(a: TurnAnalysis, state: SessionState) -> Act:
    """The one act the buyer reacts to; the order of the tests is the priority."""
    moves = a.moves
    if a.empty:
        return Act.OTHER
    asks_fact = bool(a.facts) and a.asks
    if Move.GOODBYE in moves and not asks_fact and not moves & {
        Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER
    }:
        return Act.GOODBYE
    if state.pending_objection and _handles_objection(a, state):
        return Act.OBJECTION_RESPONSE
    if Move.ASK_FOR_ORDER in moves and not asks_fact:
        return Act.ASK_ORDER
    if Move.PROPOSE_NEXT_STEP in moves and not (asks_fact and a.form == "open"):
        return Act.NEXT_STEP_PROPOSAL
    if Move.SUMMARIZE in moves and not (a.is_question and a.form == "open"):
        return Act.SUMMARY
    if Move.PROPOSE_SOLUTION in moves or (Move.RESPOND_BENEFIT in moves and not a.is_question):
        if a.tied_needs:
            return Act.SOLUTION
        if Move.PROPOSE_SOLUTION in moves and not a.is_question:
            return Act.PITCH
    if a.pitch:
        return Act.PITCH
    fresh_intro = Move.INTRODUCE in moves and "introduced" not in state.flags
    if fresh_intro or (Move.INVITE_INTRODUCTION in moves and state.turn <= OPENING_TURNS
                       and "invited" not in state.flags):
        return Act.GREET_INTRODUCE
    if Move.STATE_OBJECTIVE in moves and not asks_fact:
        return Act.STATE_OBJECTIVE
    if Move.CHECK in moves and a.is_question and not asks_fact:
        return Act.SOLUTION if "solution_tied" in state.flags else Act.OTHER
    if Move.SMALL_TALK in moves and not asks_fact:
        return Act.SMALL_TALK
    if a.is_question or a.asks:
        return Act.FACT_QUESTION
    if Move.GREET in moves or Move.INTRODUCE in moves:
        return Act.GREET_INTRODUCE
    if Move.STATE_OBJECTIVE in moves:
        return Act.STATE_OBJECTIVE
    return Act.OTHER


def _handles_objection(a: TurnAnalysis, state: SessionState) -> bool:
    """A step of objection handling; a plain fact question later on is just a question."""
    if a.moves & {Move.ACKNOWLEDGE, Move.RESPOND_BENEFIT, Move.CHECK}:
        return True
    if Move.CLARIFY in a.moves:
        oid = state.pending_objection
        raised = state.objections[oid].raised_turn if oid else None
        just_raised = raised is not None and state.turn - raised <= 1
        return just_raised or not a.facts
    return False
