"""The role-play engine: given a scenario, a state and a learner message, the buyer answers.

No I/O here. Front ends (terminal, Telegram) call ``start``, ``turn``, ``hint`` and
``stop``; the state they get back is plain data they may store between turns.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, field
from typing import Any

from bot.engine.analysis import TurnAnalysis, analyze_turn
from bot.engine.compiled import CompiledLanguage, CompiledScenario
from bot.engine.state import ObjectionState, SessionState, TurnRecord
from bot.engine.text import MAX_LEARNER_CHARS
from bot.scenario.model import Scenario

MAX_FACTS_PER_REPLY = 3
TRUST_MAX = 10.0
SITUATION_STREAK = 5


@dataclass
class TurnResult:
    """What one learner message caused: the buyer's reply and what the engine saw."""

    reply: str
    analysis: TurnAnalysis
    ended: bool
    events: list[str] = field(default_factory=list)


class Engine:
    """Plays the buyer of one scenario; holds no per-session data itself."""

    def __init__(self, scenario: Scenario | CompiledScenario) -> None:
        self.cs = scenario if isinstance(scenario, CompiledScenario) else CompiledScenario(scenario)
        self.scenario = self.cs.scenario

    # -- public API -------------------------------------------------------------------
    def start(self, lang: str | None = None, seed: int | None = None) -> SessionState:
        """A new call; ``state.opening`` holds the buyer's first words."""
        lang = lang or self.scenario.languages[0]
        cl = self.cs.language(lang)
        seed = random.randrange(1 << 30) if seed is None else seed
        state = SessionState(
            scenario_id=self.scenario.id,
            lang=lang,
            seed=seed,
            trust=float(self.scenario.buyer.trust.start),
            patience=self.scenario.buyer.patience,
        )
        for objection in self.scenario.objections:
            state.objections[objection.id] = ObjectionState()
        opening = [self._pick(cl, state, "greeting", cl.texts(self.scenario.buyer.greeting))]
        for objection in self.scenario.objections:
            if objection.raise_when.after == "start":
                opening.append(self._raise(cl, state, objection.id))
                break
        state.opening = " ".join(opening)
        return state

    def resume(self, state: SessionState) -> SessionState:
        """Fit a stored state to this version of the scenario, in place.

        A trainer may replace a scenario (or a release change the library) while a learner
        is in a call: what the new version no longer has is forgotten, what it added starts
        fresh, and the call goes on instead of failing on every turn.
        """
        sc = self.scenario
        if state.lang not in sc.languages:
            state.lang = sc.languages[0]
        objections = {o.id for o in sc.objections}
        if state.objections.keys() != objections:
            state.objections = {o.id: state.objections.get(o.id) or ObjectionState()
                                for o in sc.objections}
        if state.pending_objection not in objections:
            state.pending_objection = None
        objectives = {o.id for o in (*sc.objectives.internal, *sc.objectives.external)}
        state.objectives = {k: v for k, v in state.objectives.items() if k in objectives}
        facts = {f.id for f in sc.facts}
        state.revealed = {k: v for k, v in state.revealed.items() if k in facts}
        needs = {n.id for n in sc.needs}
        state.needs_stated = [n for n in state.needs_stated if n in needs]
        signals = len(sc.closing.buying_signals) if sc.closing else 0
        state.signals_sent = [i for i in state.signals_sent if i < signals]
        for record in state.history:
            record.objectives = [o for o in record.objectives if o in objectives]
            record.facts = [f for f in record.facts if f in facts]
            record.needs = [n for n in record.needs if n in needs]
        state.scenario_id = sc.id
        return state

    def turn(self, state: SessionState, text: str) -> TurnResult:
        """Answer one learner message and update ``state`` in place."""
        cl = self.cs.language(state.lang)
        if state.ended:
            line = self._line(cl, state, "after_close" if state.closing["agreed"] else "goodbye")
            return TurnResult(line, TurnAnalysis(False, None, None, False, empty=True), True)
        state.turn += 1
        analysis = analyze_turn(text, self.cs, cl, state)
        events: list[str] = []
        parts = self._respond(cl, state, analysis, events)
        self._tick(state, analysis)
        self._after_turn(cl, state, analysis, parts, events)
        reply = " ".join(p for p in parts if p).strip() or self._line(cl, state, "default")
        state.history.append(
            TurnRecord(
                learner=text[:MAX_LEARNER_CHARS], buyer=reply,
                form=analysis.form, spin=analysis.spin,
                objectives=list(analysis.objectives), moves=sorted(analysis.moves),
                facts=list(analysis.facts), needs=list(analysis.needs), phase=state.phase,
            )
        )
        return TurnResult(reply, analysis, state.ended, events)

    def stop(self, state: SessionState) -> str:
        """The learner ends the call (``/stop``)."""
        cl = self.cs.language(state.lang)
        if not state.ended:
            state.ended = True
            state.end_reason = state.end_reason or "stopped"
            state.phase = "ended"
        return self._line(cl, state, "goodbye")

    def hint(self, state: SessionState) -> str:
        from bot.engine.hints import next_hint

        state.hints_used += 1
        return next_hint(self.cs, state)

    # -- one turn ---------------------------------------------------------------------
    def _respond(
        self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis, events: list[str]
    ) -> list[str]:
        parts: list[str] = []
        if "rude" in a.moves:
            state.trust = -5.0
            self._end(state, "rude", events)
            return [self._line(cl, state, "end_rude")]
        if a.empty:
            state.patience -= 1
            return [self._line(cl, state, "deflect")]
        productive = False
        if "introduce" in a.moves and self._once(state, "introduced"):
            state.trust += 1
            productive = True
            if "invite_introduction" not in a.moves:
                parts.append(self._line(cl, state, "greet_back"))
        if "invite_introduction" in a.moves and self._once(state, "invited"):
            state.trust += 1
            productive = True
            parts.append(self._line(cl, state, "introduce_back"))
        if "state_objective" in a.moves and self._once(state, "objective_stated"):
            state.trust += 1
            productive = True
            parts.append(self._line(cl, state, "objective_ack"))
        if "summarize" in a.moves:
            productive = True
            if state.flags.get("summaries", 0) < 2:
                state.trust += 0.5
            state.flags["summaries"] = state.flags.get("summaries", 0) + 1
            if not a.facts:
                parts.append(self._line(cl, state, "summary_ack"))
        if state.pending_objection:
            text, handled_now = self._objection_turn(cl, state, a, events)
            parts.append(text)
            productive = productive or handled_now
        elif "check" in a.moves and self._check_after_handling(state):
            productive = True
            parts.append(self._line(cl, state, "summary_ack"))
        told = self._answer_facts(cl, state, a, parts, events)
        productive = productive or told
        if "propose_solution" in a.moves and not state.pending_objection:
            productive = True
            self._solution(cl, state, a, parts, events)
        if a.moves & {"propose_next_step", "ask_for_order"} and not state.pending_objection:
            productive = True
            self._closing(cl, state, a, parts, events)
        if "discount" in a.moves:
            state.trust -= 1
            parts.append(self._line(cl, state, "discount"))
        if a.pitch:
            state.trust -= 0.5
            state.patience -= 1
            parts.append(self._line(cl, state, "pitch"))
        if a.is_question and a.form == "open":
            state.trust += 0.25
        if self._situation_streak(state, a) >= SITUATION_STREAK:
            state.patience -= 1
            state.flags["situation_overload"] = state.turn
            parts.append(self._line(cl, state, "situation_overload"))
        if not parts:
            if a.is_question:
                key = "vague_answer" if a.form == "open" and a.spin == "situation" else "deflect"
                parts.append(self._line(cl, state, key))
            else:
                parts.append(self._line(cl, state, "small_talk" if len(a.moves) else "default"))
        if not productive:
            state.patience -= 1
        state.trust = max(-5.0, min(TRUST_MAX, state.trust))
        return parts

    def _answer_facts(
        self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis, parts: list[str],
        events: list[str],
    ) -> bool:
        told = False
        fresh = [f for f in a.facts if f not in state.revealed
                 and not (a.form == "closed" and f"short:{f}" in state.flags)]
        asked = fresh if (fresh or state.pending_objection) else a.facts[:1]
        for fact_id in asked[:MAX_FACTS_PER_REPLY]:
            fact = self.cs.facts[fact_id]
            missing_before = [f for f in fact.after if f not in state.revealed]
            wrong_spin = bool(fact.spin) and a.spin not in fact.spin
            if missing_before or wrong_spin:
                short = cl.texts(fact.short_answer) if fact.short_answer else []
                parts.append(self._pick(cl, state, f"short:{fact_id}", short)
                             if short else self._line(cl, state, "vague_answer"))
                continue
            if state.trust < fact.trust:
                guarded = cl.texts(fact.guarded) if fact.guarded else []
                parts.append(self._pick(cl, state, f"guarded:{fact_id}", guarded)
                             if guarded else self._line(cl, state, "guarded"))
                events.append(f"guarded:{fact_id}")
                continue
            told = True
            times = state.revealed.get(fact_id, 0)
            closed = a.form == "closed" and fact.short_answer is not None
            if closed and not times:
                # A closed question gets the short answer; the full story stays for later.
                parts.append(self._pick(cl, state, f"short:{fact_id}",
                                        cl.texts(fact.short_answer)))
                state.flags[f"short:{fact_id}"] = state.turn
                continue
            texts = cl.texts(fact.answer)
            answer = self._pick(cl, state, f"fact:{fact_id}", texts)
            if times:
                answer = self._line(cl, state, "repeat") + _lower_first(answer)
                told = False
            else:
                events.append(f"fact:{fact_id}")
            parts.append(answer)
            state.revealed[fact_id] = times + 1
            for need in fact.reveals:
                if need not in state.needs_stated:
                    state.needs_stated.append(need)
            if state.phase == "opening":
                state.phase = "inventory"
        return told

    def _solution(
        self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis, parts: list[str],
        events: list[str],
    ) -> None:
        tied = [n for n in a.needs if n in state.needs_stated]
        if tied:
            if self._once(state, "solution_tied"):
                state.trust += 1
            state.phase = "presentation"
            parts.append(self._line(cl, state, "solution_ack"))
            events.append("solution")
            self._trigger(cl, state, "solution", parts)
        else:
            parts.append(self._line(cl, state, "solution_untied"))
            if a.needs:
                self._trigger(cl, state, "solution", parts)

    def _closing(
        self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis, parts: list[str],
        events: list[str],
    ) -> None:
        closing = self.scenario.closing
        state.closing["attempted"] = True
        concrete = a.concrete_time or "ask_for_order" in a.moves
        state.closing["concrete"] = state.closing["concrete"] or concrete
        if state.phase != "ended":
            state.phase = "closing"
        if self._trigger(cl, state, "next_step", parts):
            return
        if closing is None:
            parts.append(self._line(cl, state, "after_close"))
            return
        if state.closing["agreed"]:
            parts.append(self._line(cl, state, "summary_ack"))
            return
        if not self._closing_earned(state):
            parts.append(self._pick(cl, state, "stall", cl.texts(closing.stall)))
            events.append("stall")
            return
        if not concrete:
            vague = cl.texts(closing.vague) if closing.vague else []
            parts.append(self._pick(cl, state, "vague", vague) if vague
                         else self._pick(cl, state, "stall", cl.texts(closing.stall)))
            return
        state.closing["agreed"] = True
        parts.append(self._pick(cl, state, "agree", cl.texts(closing.agree)))
        events.append("agreed")

    def _closing_earned(self, state: SessionState) -> bool:
        closing = self.scenario.closing
        if closing is None:
            return True
        req = closing.requires
        if state.trust < req.trust:
            return False
        if any(o not in state.objectives for o in req.objectives):
            return False
        if req.objections_handled:
            for ostate in state.objections.values():
                if ostate.raised_turn is not None and not ostate.handled:
                    return False
        return True

    # -- objections ---------------------------------------------------------------------
    def _trigger(self, cl: CompiledLanguage, state: SessionState, event: str,
                 parts: list[str], fact: str | None = None) -> bool:
        if state.pending_objection:
            return False
        for objection in self.scenario.objections:
            ostate = state.objections[objection.id]
            if ostate.raised_turn is not None:
                continue
            trig = objection.raise_when
            if trig.after != event:
                continue
            if event == "fact" and trig.fact != fact:
                continue
            if event == "turn" and (trig.turn or 0) > state.turn:
                continue
            parts.append(self._raise(cl, state, objection.id))
            return True
        return False

    def _raise(self, cl: CompiledLanguage, state: SessionState, objection_id: str) -> str:
        objection = self.cs.objections[objection_id]
        state.objections[objection_id].raised_turn = state.turn
        state.pending_objection = objection_id
        if state.phase not in ("ended",):
            state.phase = "objection"
        for need in objection.reveals:
            if need not in state.needs_stated:
                state.needs_stated.append(need)
        return self._pick(cl, state, f"objection:{objection_id}", cl.texts(objection.text))

    def _objection_turn(
        self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis, events: list[str]
    ) -> tuple[str, bool]:
        oid = state.pending_objection
        assert oid is not None
        objection = self.cs.objections[oid]
        ostate = state.objections[oid]
        ostate.attempts += 1
        steps = ostate.steps
        did = set()
        if "acknowledge" in a.moves:
            did.add("acknowledge")
        if "clarify" in a.moves:
            did.add("clarify")
        if "check" in a.moves:
            did.add("check")
        answered_by = set(objection.answered_by)
        tied = bool(answered_by.intersection(a.needs)) or oid in a.responds_to
        if ("respond_benefit" in a.moves or "propose_solution" in a.moves) and (
            tied or not answered_by
        ):
            did.add("respond")
        for step in did:
            steps[step] = True
        if "acknowledge" in did:
            state.trust += 0.5
        if steps["respond"] and (steps["acknowledge"] or steps["clarify"]):
            ostate.handled = True
            state.pending_objection = None
            state.trust += 1
            events.append(f"handled:{oid}")
            if state.phase == "objection":
                state.phase = "presentation" if "solution_tied" in state.flags else "inventory"
            return self._pick(cl, state, f"accepted:{oid}", cl.texts(objection.accepted)), True
        if did == {"clarify"} or did == {"acknowledge", "clarify"}:
            return self._line(cl, state, "clarified"), True
        if did:
            return self._line(cl, state, "acknowledge_ack") if did == {"acknowledge"} else "", True
        if ostate.attempts >= 2 or objection.firmer is None:
            state.patience -= 1
            state.trust -= 0.5
            return self._line(cl, state, "objection_pending"), False
        return self._pick(cl, state, f"firmer:{oid}", cl.texts(objection.firmer)), False

    def _situation_streak(self, state: SessionState, a: TurnAnalysis) -> int:
        """Consecutive situation questions, this one included: a buyer tires of facts."""
        if a.spin != "situation" or self.scenario.kind not in ("spin", "first_visit"):
            return 0
        if state.turn - state.flags.get("situation_overload", -99) < SITUATION_STREAK:
            return 0
        streak = 1
        for turn in reversed(state.history):
            if turn.spin != "situation":
                break
            streak += 1
        return streak

    @staticmethod
    def _check_after_handling(state: SessionState) -> bool:
        """A check right after the buyer accepted still completes the handling steps."""
        for ostate in state.objections.values():
            if ostate.handled and not ostate.steps["check"] and ostate.raised_turn is not None:
                ostate.steps["check"] = True
                return True
        return False

    # -- bookkeeping --------------------------------------------------------------------
    def _tick(self, state: SessionState, a: TurnAnalysis) -> None:
        for objective in a.objectives:
            state.objectives.setdefault(objective, state.turn)

    def _after_turn(self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis,
                    parts: list[str], events: list[str]) -> None:
        if state.ended:
            return
        if a.price:
            self._trigger(cl, state, "price", parts)
        for fact_id in a.facts:
            if f"fact:{fact_id}" in events:
                self._trigger(cl, state, "fact", parts, fact=fact_id)
        self._trigger(cl, state, "turn", parts)
        closing = self.scenario.closing
        if closing is not None:
            for i, signal in enumerate(closing.buying_signals):
                if signal.after_turn <= state.turn and i not in state.signals_sent:
                    state.signals_sent.append(i)
                    parts.append(self._pick(cl, state, f"signal:{i}", cl.texts(signal.text)))
                    break
        if state.closing["agreed"] and not state.pending_objection:
            self._end(state, "agreed", events)
        elif state.patience <= 0:
            parts.append(self._line(cl, state, "end_patience"))
            self._end(state, "patience", events)
        elif state.turn >= self.scenario.scoring.max_turns:
            parts.append(self._line(cl, state, "out_of_time"))
            self._end(state, "max_turns", events)

    def _end(self, state: SessionState, reason: str, events: list[str]) -> None:
        state.ended = True
        state.end_reason = reason
        state.phase = "ended"
        events.append(f"ended:{reason}")

    @staticmethod
    def _once(state: SessionState, flag: str) -> bool:
        if flag in state.flags:
            return False
        state.flags[flag] = state.turn
        return True

    def _line(self, cl: CompiledLanguage, state: SessionState, key: str) -> str:
        override = self.scenario.buyer.lines.get(key)
        texts = cl.texts(override) if override is not None else list(cl.lm.lexicon.lines[key])
        return self._pick(cl, state, f"line:{key}", texts)

    @staticmethod
    def _pick(cl: CompiledLanguage, state: SessionState, key: str, texts: list[Any]) -> str:
        """Deterministic per session and turn, so a replayed call reads the same."""
        if not texts:
            return ""
        h = zlib.crc32(f"{state.seed}:{key}:{state.turn}".encode())
        return str(texts[h % len(texts)])


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2].isalpha() and not text[:2].isupper() else text
