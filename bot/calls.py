"""The life of one stored attempt: start, preparation, turns, the end and its score.

Transport-free: Telegram handlers (and anything else that keeps progress) call these
inside ``Database.run``, so reading the state, the engine's turn and writing the result
are one transaction. Nothing here knows how the answer reaches the learner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sqlmodel import Session

from bot.call_report import json_report
from bot.catalog import Catalog
from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.state import SessionState, TurnRecord
from bot.engine.text import MAX_LEARNER_CHARS
from bot.storage import queries as q
from bot.storage.models import CallSession, utcnow
from bot.storage.practice import PASS_MARK
from scoring.card import ScoreCard, score_call
from scoring.preparation import SECTIONS, PreparationResult, score_preparation

PREP_PHASES = tuple(f"prep_{s}" for s in SECTIONS)


@dataclass
class Started:
    session_id: int
    scenario_id: str
    lang: str
    phase: str
    opening: str | None  # the buyer's first words once the call itself has begun


@dataclass
class Finished:
    """A scored attempt: what a front end needs to show the score card."""

    session_id: int
    cs: CompiledScenario
    state: SessionState
    card: ScoreCard
    report: dict[str, Any]
    goodbye: str = ""

    @property
    def passed(self) -> bool:
        """A drill scored at least the pass mark leaves spaced repetition."""
        return self.card.total >= PASS_MARK


@dataclass
class PrepStep:
    section: str
    covered: list[str]  # checklist labels this section covered
    missing: list[str]  # checklist labels this section still lacks
    started: Started | None  # set when preparation is over and the call began
    score: int | None = None


@dataclass
class TurnOutcome:
    status: Literal["ok", "duplicate", "no_call", "not_in_call"]
    reply: str = ""
    turn_id: int | None = None
    phase: str = ""
    turns_left: int = 0
    finished: Finished | None = None
    events: list[str] = field(default_factory=list)
    scenario_id: str = ""
    lang: str = ""


def current(s: Session, catalog: Catalog, user_id: int) -> CallSession | None:
    """The learner's unfinished attempt; one whose scenario was removed is closed."""
    row = q.active_session(s, user_id)
    if row is not None and row.scenario_id not in catalog.scenarios:
        q.update_session(s, row.id or 0, phase="ended", ended_at=utcnow(),
                         end_reason="scenario_removed")
        return None
    return row


def has_preparation(cs: CompiledScenario) -> bool:
    return any(getattr(cs.scenario.preparation, s) for s in SECTIONS)


def begin(s: Session, catalog: Catalog, user_id: int, scenario_id: str, lang: str,
          source: str, prepare: bool, assignment_id: int | None = None) -> Started:
    """A new attempt, with preparation first if asked for and the scenario has a checklist.

    ``assignment_id`` links the attempt to the assignment it was started from, so it
    counts for that assignment only (see ``bot.trainers.progress``)."""
    cs = catalog.compiled(scenario_id)
    if prepare and has_preparation(cs):
        row = q.start_session(s, user_id, scenario_id, cs.scenario.kind, lang, PREP_PHASES[0],
                              source)
        row.assignment_id = assignment_id
        return Started(row.id or 0, scenario_id, lang, row.phase, None)
    state = Engine(cs).start(lang, today=utcnow().date())
    row = q.start_session(s, user_id, scenario_id, cs.scenario.kind, lang, "call", source,
                          state.to_dict())
    row.assignment_id = assignment_id
    return Started(row.id or 0, scenario_id, lang, "call", state.opening)


def _start_call(s: Session, cs: CompiledScenario, row: CallSession) -> Started:
    state = Engine(cs).start(row.language, today=utcnow().date())
    row.phase, row.state = "call", state.to_dict()
    s.add(row)
    return Started(row.id or 0, row.scenario_id, row.language, "call", state.opening)


def add_preparation(s: Session, catalog: Catalog, user_id: int,
                    text: str | None) -> PrepStep | None:
    """Score one preparation section (``text`` None skips it) and move to the next one."""
    row = current(s, catalog, user_id)
    if row is None or row.phase not in PREP_PHASES:
        return None
    cs = catalog.compiled(row.scenario_id)
    section = row.phase.removeprefix("prep_")
    lines = [ln.strip(" -*•\t") for ln in (text or "").splitlines() if ln.strip(" -*•\t")]
    answers = {k: list(v) for k, v in row.prep.items()}
    answers[section] = [*answers.get(section, []), *lines][:50]
    result = score_preparation(cs.scenario, row.language, answers)
    items = getattr(cs.scenario.preparation, section)
    cl = cs.language(row.language)
    covered = [cl.text(i.label) for i in items if i.id in result.covered]
    missing = [cl.text(i.label) for i in items if i.id not in result.covered]
    row.prep, row.prep_score = answers, result.score
    nxt = PREP_PHASES.index(row.phase) + 1
    while nxt < len(PREP_PHASES) and not getattr(cs.scenario.preparation, SECTIONS[nxt]):
        nxt += 1
    step = PrepStep(section, covered, missing, None, result.score)
    if nxt < len(PREP_PHASES):
        row.phase = PREP_PHASES[nxt]
        s.add(row)
    else:
        step.started = _start_call(s, cs, row)
    return step


def skip_preparation(s: Session, catalog: Catalog, user_id: int) -> Started | None:
    """Straight to the call; what was prepared so far still counts."""
    row = current(s, catalog, user_id)
    if row is None or row.phase not in PREP_PHASES:
        return None
    if not row.prep:
        row.prep_score = None
    return _start_call(s, catalog.compiled(row.scenario_id), row)


def _preparation(cs: CompiledScenario, row: CallSession) -> PreparationResult | None:
    if row.prep_score is None:
        return None
    return score_preparation(cs.scenario, row.language, row.prep)


def turns_left(cs: CompiledScenario, state: SessionState) -> int:
    return max(0, cs.scenario.scoring.max_turns - state.turn)


def play_turn(s: Session, catalog: Catalog, user_id: int, message_id: int | None,
              text: str) -> TurnOutcome:
    """One learner message in a call: the turn, the new state and (if the call ended) the
    score are committed together before anyone sees the answer."""
    call = q.call_for_turn(s, user_id, message_id)
    if call is not None and call.scenario_id not in catalog.scenarios:
        current(s, catalog, user_id)  # closes the attempt at the removed scenario
        call = None
    if call is None:
        return TurnOutcome("no_call")
    if call.phase != "call":
        return TurnOutcome("not_in_call", phase=call.phase)
    if call.answered:
        return TurnOutcome("duplicate")
    cs = catalog.compiled(call.scenario_id)
    engine = Engine(cs)
    state = engine.resume(SessionState.from_dict(call.state))
    result = engine.turn(state, text[:MAX_LEARNER_CHARS])
    record = result.record
    analysis = {"form": result.analysis.form, "spin": result.analysis.spin,
                "objectives": list(result.analysis.objectives),
                **(record.stored() if record is not None else {}), "events": result.events}
    turn_id = q.record_turn(s, call.id, number=state.turn, message_id=message_id,
                            learner=text[:MAX_LEARNER_CHARS], buyer=result.reply,
                            analysis=analysis, state=state.to_dict(), phase="call")
    if turn_id is None:
        return TurnOutcome("no_call")
    outcome = TurnOutcome("ok", result.reply, turn_id, state.phase, turns_left(cs, state),
                          events=result.events, scenario_id=call.scenario_id,
                          lang=call.language)
    if state.ended:
        row = q.get_session(s, call.id)
        assert row is not None  # record_turn just wrote it, in this transaction
        outcome.finished = _finish(s, cs, row, state, engine, goodbye="")
    return outcome


def _finish(s: Session, cs: CompiledScenario, row: CallSession, state: SessionState,
            engine: Engine, goodbye: str) -> Finished:
    if not state.ended:
        goodbye = engine.stop(state)
    card = score_call(cs, state, _preparation(cs, row), transcript(s, row.id or 0, state))
    report = json_report(cs, state, card)
    q.finish_session(s, row.id or 0, state=state.to_dict(), score=card.total, report=report,
                     end_reason=state.end_reason, skills=card.sections)
    return Finished(row.id or 0, cs, state, card, report, goodbye)


def transcript(s: Session, session_id: int, state: SessionState) -> list[TurnRecord]:
    """The call's turns as scoring reads them: from the turns table, which holds every
    turn; a call stored before that kept them in its state (``state.history``)."""
    rows = q.session_turns(s, session_id)
    if not rows:
        return list(state.history)
    return [TurnRecord.from_stored(r.learner, r.buyer, r.analysis) for r in rows]


def stop_call(s: Session, catalog: Catalog, user_id: int) -> Finished | None:
    """The learner ends the call: score it. During preparation the attempt is dropped."""
    row = current(s, catalog, user_id)
    if row is None:
        return None
    if row.phase != "call":
        q.update_session(s, row.id or 0, phase="ended", ended_at=utcnow(),
                         end_reason="abandoned")
        return None
    engine = Engine(catalog.compiled(row.scenario_id))
    state = engine.resume(SessionState.from_dict(row.state))
    return _finish(s, engine.cs, row, state, engine, goodbye="")


def hint(s: Session, catalog: Catalog, user_id: int) -> str | None:
    row = current(s, catalog, user_id)
    if row is None or row.phase != "call":
        return None
    engine = Engine(catalog.compiled(row.scenario_id))
    state = engine.resume(SessionState.from_dict(row.state))
    text = engine.hint(state)
    row.state = state.to_dict()
    s.add(row)
    return text


def call_status(s: Session, catalog: Catalog, user_id: int) -> tuple[CallSession, int] | None:
    """The active attempt and the turns left in it, for 'continue where you were'."""
    row = current(s, catalog, user_id)
    if row is None:
        return None
    left = 0
    if row.phase == "call":
        left = turns_left(catalog.compiled(row.scenario_id), SessionState.from_dict(row.state))
    return row, left


# Reading attempts as they are stored (the query is the whole use case).
unfinished = q.active_session  # as stored, unlike ``current`` (which closes a removed one)
attempt = q.get_session
turns = q.session_turns  # in order
