"""The role-play engine: given a scenario, a state and a learner message, the buyer answers.

No I/O here. Front ends (terminal, Telegram) call ``start``, ``turn``, ``hint`` and
``stop``; the state they get back is plain data they may store between turns.

Every turn is planned the same way (see ``bot.engine.policy`` for the rules): the
learner's message gets one main act (``bot.engine.acts``); the buyer gives at most one
reaction to it, answers what was actually asked, and brings in at most one thing herself
(an objection, a reminder of a pending one, or a buying signal).
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from bot.engine.acts import CLOSING_ACTS, INFORMATION_ACTS, Act, Move, main_act
from bot.engine.analysis import FOLLOW_UP_WORDS, TurnAnalysis, analyze_turn
from bot.engine.compiled import CompiledLanguage, CompiledScenario
from bot.engine.policy import (
    REST_AFTER,
    Event,
    Outcome,
    Turn,
    apply_effects,
    events_for,
    reaction,
)
from bot.engine.state import ObjectionState, SessionState, TurnRecord
from bot.engine.text import MAX_LEARNER_CHARS, fold, parse_numbers
from bot.scenario.model import Fact, Scenario

MAX_FACTS_PER_REPLY = 3
STEP_MOVES = {"acknowledge": Move.ACKNOWLEDGE, "clarify": Move.CLARIFY,
              "respond": Move.RESPOND_BENEFIT, "check": Move.CHECK}
SITUATION_STREAK = 5
FIGURE_MIN = 1000  # an amount the drill asks for; a chance (60%) or a date (1 March) is none
KEYWORD_MATCH = 100.0  # a cue match scores above this; a fuzzy phrasing below
# "what does that mean for you?" names no topic of its own; "what would it mean if the
# proofs were ready in two days?" does
FURTHER_TOPIC_WORDS = 1
NEW_ANGLE_WORDS = 2  # words a question names beyond her told answer to ask something further
WHO_WORDS = 5  # a name among a sentence's first words is who does what it says
LEAD_IN_WORDS = 3  # "It's mixed.", "Twee dingen.": a first sentence this short only leads in
PATIENCE_MIN_TURNS = 5  # nobody walks out after a message or two, however poor
RECALL_RULES = frozenset({"an answer that misses her point"})
# reactions that say yes to what the learner asked or said
AGREEING = frozenset({"permission or offer", "summary", "objective stated", "check after handling",
                      "small talk", "small talk that asks nothing"})


@dataclass
class TurnResult:
    """What one learner message caused: the buyer's reply and what the engine saw."""

    reply: str
    analysis: TurnAnalysis
    ended: bool
    events: list[str] = field(default_factory=list)
    record: TurnRecord | None = None


class Engine:
    """Plays the buyer of one scenario; holds no per-session data itself."""

    def __init__(self, scenario: Scenario | CompiledScenario) -> None:
        self.cs = scenario if isinstance(scenario, CompiledScenario) else CompiledScenario(scenario)
        self.scenario = self.cs.scenario
        self._names: dict[str, frozenset[str]] = {}
        self._contact_facts: dict[str, bool] = {}  # fact id -> its answer gives contact details
        self._content: dict[tuple[str, str, str], frozenset[str]] = {}

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
            line = self._line(cl, state, "bye_after_agreement" if state.closing["agreed"]
                              else "goodbye")
            return TurnResult(line, TurnAnalysis(False, None, None, False, empty=True), True)
        state.turn += 1
        a = analyze_turn(text, self.cs, cl, state)
        if not state.pending_objection and a.moves & {Move.ACKNOWLEDGE, Move.CLARIFY} and (
            self._reopen_rested(state)
        ):
            # "about your concern earlier: I understand ..." takes it up again
            a = analyze_turn(text, self.cs, cl, state)
        if not state.pending_objection and a.price and self._anticipated(cl, state, a, text):
            # "I see fifty cents stands out. What do they offer for it?": the learner takes up
            # the concern before she voices it; the message answers it, she does not raise it
            a = analyze_turn(text, self.cs, cl, state)
        act = main_act(a, state)
        a.act = act
        if act is Act.GOODBYE and "?" not in text:
            a.form = a.spin = None  # "thanks, have a nice day!" asks nothing
        if act in (Act.SMALL_TALK, Act.GREET_INTRODUCE) and not a.facts:
            a.spin = None  # "did you survive the quarter closing?" gathers no information
        events: list[str] = []
        if Move.RUDE in a.moves:
            state.trust = -5.0
            self._end(state, "rude", events)
            reply = self._line(cl, state, "end_rude")
        else:
            reply = self._plan(cl, state, a, events, text)
        if act is Act.OBJECTION_RESPONSE and "check" in a.steps and "clarify" not in a.steps:
            a.spin = None  # "would that help you?" checks her objection, it asks no facts
        if act not in INFORMATION_ACTS:
            a.spin = None  # "Zou dat iets voor jullie zijn?" after a proposal asks no facts
        record = TurnRecord(
            learner=text[:MAX_LEARNER_CHARS], buyer=reply, form=a.form, spin=a.spin,
            objectives=list(a.objectives), moves=sorted(a.moves),
            facts=list(a.facts), needs=list(a.needs), phase=state.phase, act=str(act),
            answered=list(a.answered), steps=list(a.steps),
        )
        state.last_act = str(act)
        if a.spin and a.spin not in state.spins:
            state.spins.append(a.spin)
        return TurnResult(reply, a, state.ended, events, record)

    def stop(self, state: SessionState) -> str:
        """The learner ends the call (``/stop``)."""
        cl = self.cs.language(state.lang)
        if not state.ended:
            state.ended = True
            state.end_reason = state.end_reason or "stopped"
            state.phase = "ended"
        return self._line(cl, state, "bye_after_agreement" if state.closing["agreed"]
                          else "goodbye")

    def hint(self, state: SessionState) -> str:
        from bot.engine.hints import next_hint

        state.hints_used += 1
        return next_hint(self.cs, state)

    # -- one turn: the plan -------------------------------------------------------------
    def _plan(self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis,
              events: list[str], text: str = "") -> str:
        t = Turn(a, Act(a.act), state, text=text,
                 follow_up=self.scenario.buyer.visit == "follow_up",
                 own_lines=frozenset(self.scenario.buyer.lines),
                 past_opening="past_opening" in state.flags,
                 pain_told=self._pain_told(cl, state, a))
        if t.act not in (Act.GREET_INTRODUCE, Act.SMALL_TALK):
            state.flags.setdefault("past_opening", state.turn)
        self._mark_once(t)
        self._mark_figures(t, text)
        t.summarizing = bool(
            state.pending_objection and t.act is Act.OBJECTION_RESPONSE and Move.SUMMARIZE
            in a.moves and text.rstrip().endswith("?") and not a.moves & _PROPOSING)
        if t.act is Act.SUMMARY or t.summarizing:
            # every wrong part is corrected ("Bloemendaal, evening?"), in the order said
            wrong = [w for w in (self._misquoted(cl, state, text), self._mistimed(
                cl, state, text), self._misnamed(cl, state, text)) if w]
            t.misquoted = ", ".join(sorted(wrong, key=lambda w: text.find(w)))
            t.unsaid = not t.misquoted and self._unsaid(cl, state, text)
        if state.pending_objection:
            self._objection_step(cl, t, events, self._names_contact(cl, a, text))
            if t.outcome is Outcome.HANDLED and a.form != "open":
                # her acceptance is the answer; "what if it costs less than the penalties?"
                # does not also ask about the penalties
                a.answered = []
            if t.outcome is Outcome.CLARIFIED:
                # Her explanation answers the clarifying question; only a fact she has not
                # told yet is worth adding ("what are you comparing with?" is not "who cleans")
                a.answered = [f for f in a.answered if f not in state.revealed]
        contact = self._asks_contact(cl, t, text)
        if contact:
            # "could you send me the name of whoever handles your POs?": she gives it; the
            # invoicing she told about is no answer to it (a fact not told yet still is:
            # "who else should I invite, and at which address?")
            a.answered = [f for f in a.answered
                          if self._about_contact(cl, f) or f not in state.revealed]
            if _OTHERS_CONTACT.search(text):
                # "the e-mail address of your director": not her own card
                a.answered = [f for f in a.answered if not self._about_contact(cl, f)]
            else:
                # her card, where the scenario has one ("here's my card"), also when the
                # message was read as a proposal ("... so I can send a confirmation?")
                found = a.facts or list(cl.facts.match(cl.lm.analyze(text)))
                a.answered += [f for f in found if f not in a.answered
                               and self._about_contact(cl, f)][:1]
        answers = self._answer_facts(cl, t, events)
        if not answers and not a.facts and self._asks_further(cl, t, text):
            # "what does that mean for you?" right after she told the retyping: the next
            # thing she knows (the corrections), not "I've never added that up"
            deeper = next((d for f in state.last_answered
                           if (d := self._deeper(self.cs.facts[f], t, [])) is not None), None)
            if deeper is not None and state.trust >= self.cs.facts[deeper].trust:
                a.answered = [deeper]
                answers = self._answer_facts(cl, t, events)
        if answers:
            state.flags["answered_turn"] = state.turn
        if contact and not any(self._about_contact(cl, f) for f in a.answered):
            # "what's your e-mail address?" gets her card, not "I'll e-mail you the details";
            # Monique's address or the director's is passed on later
            answers.append(self._line(cl, state, "contact_own" if self._asks_own(text)
                                      else "contact_yes"))
        elif not answers and (not state.pending_objection or (
                t.outcome is Outcome.NONE and not a.about_objection)):
            # a follow-up on her last answer is answered while her objection waits too
            answers = self._follow_up(cl, t, events)
            if answers:
                state.flags["answered_turn"] = state.turn  # a further follow-up builds on it
        elif answers:
            state.last_answered = list(a.answered)
        t.answered = bool(answers)
        bring_in = ""
        if t.act in CLOSING_ACTS and ("objective_stated" in t.fresh or contact):
            pass  # an agenda that ends in "and then we see about a follow-up" plans the visit
        elif (t.act in CLOSING_ACTS or self._dated_proposal(t)) and not state.pending_objection:
            bring_in = self._closing(cl, t, events)
            if t.outcome is Outcome.HANDLED:
                t.closing_text = ""  # her acceptance is the answer; no second reaction
        elif t.act in CLOSING_ACTS or (t.act is Act.SUMMARY and state.pending_objection
                                       and bool(a.moves & _PROPOSING)) or (
                t.outcome is Outcome.ACKNOWLEDGED and bool(a.moves & _PROPOSING)):
            # "so all that's left is choosing when you switch; shall we fix that today?"
            # right after she refused to switch: no "yes, that's right"; "I understand.
            # Shall we do the demo on Friday?" gets her answer to the proposal, not "I'm
            # glad you understand"
            t.closing_text = self._proposal_while_objecting(cl, t)
        if t.act is Act.SOLUTION and not state.pending_objection:
            if self._once(state, "solution_tied"):
                t.fresh.add("solution_tied")
                if state.phase not in ("closing", "ended"):
                    state.phase = "presentation"
            events.append("solution")
            bring_in = bring_in or self._trigger(cl, state, "solution")
        checks = (Move.CHECK in a.moves or a.act is Act.OBJECTION_RESPONSE) and a.is_question
        # In a drill, "Shall I call you tomorrow at 9 to arrange it?" once the buyer took the
        # answer asks him to commit to it: his yes is the check (as trainers count it). Only
        # after the answer: a pitch that ignores him and names a time has handled nothing.
        checks = checks or (self.scenario.kind == "drill" and t.act is Act.NEXT_STEP_PROPOSAL
                            and a.is_question and a.concrete_time)
        if checks and t.outcome is Outcome.NONE and not state.pending_objection and (
                self._check_after_handling(state, a)):
            t.fresh.add("checked_after")
        if self._situation_streak(state, a) >= SITUATION_STREAK:
            state.flags["situation_overload"] = state.turn
            t.fresh.add("situation_overload")
        rule = reaction(t)
        rule_name = rule.name if rule is not None else ""
        react = ""
        if rule is not None:
            if rule.line == "@closing":
                react = t.closing_text
            elif rule.line == "@objection":
                react = t.objection_text
            elif not (rule.line == "solution_ack" and bring_in):
                line = rule.line if rule.line != "@summary" else (
                    "summary_misquoted" if t.misquoted
                    else "summary_unsaid" if t.unsaid else "summary_ack")
                react = self._line(cl, state, line)  # an objection replaces the praise
                react = react.replace("{figure}", t.misquoted)
                if line == "summary_misquoted":
                    right = [self._right_version(cl, state, text, w)
                             for w in t.misquoted.split(", ")]
                    react = " ".join(dict.fromkeys(p for p in (react, *right) if p))
        apply_effects(state, events_for(t))
        if t.act is Act.GOODBYE:
            self._end(state, "goodbye", events)
        bring_in = bring_in or self._bring_in(
            cl, t, answers, events, agreed=bool(react) and rule_name in AGREEING,
            reacted=bool(react) and rule_name not in RECALL_RULES)
        if answers and (rule_name.startswith("small talk") or (
                rule_name == "invited to introduce herself"
                and any(self.cs.facts[f].small_talk for f in a.answered))):
            # "how long have you worked here?" gets her answer, not "busy as ever" or her
            # whole introduction before it
            react = ""
        if "objection_rested" in t.fresh and rule_name in RECALL_RULES:
            react = ""  # "let's move on" replaces "that concern still stands", not joins it
        self._tick(state, a)
        # a refusal, a rebuke or a stall is no moment to sound keen: no buying signal
        cool = (rule is not None and rule.cool) or bool(
            t.closing_text and "agreed" not in events) or any(
            e.startswith("guarded:") or e == "stall" for e in events)
        if bring_in:
            tail = self._end_check(cl, state, events)
        else:
            tail = self._after_turn(cl, state, a, events, cool=cool)
        if rule_name in _NON_ANSWERS and not answers and any(
                o.raised_turn == state.turn for o in state.objections.values()):
            # "who's the boss on this?" - "I'd have to go to Ruud with it": the concern she
            # raises is her answer; "I can't say much about that" before it contradicts it
            react = ""
        # two guarded facts asked at once get one refusal, not the same sentence twice
        parts = dict.fromkeys(p for p in (react, *answers, bring_in, tail) if p)
        return " ".join(_once_each(list(parts))).strip() or self._line(cl, state, "default")

    def _pain_told(self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis) -> bool:
        """The question is about one of her needs (a breakdown fixed within four hours)
        after she told what her problem costs her (the late trucks, the penalties): she
        knows what solving it is worth; proofs she never mentioned she does not."""
        if a.spin != "need_payoff" or not a.needs:
            return False
        return bool(state.needs_stated) or any(
            {"problem", "implication"} & set(self.cs.facts[f].spin)
            for f in state.revealed if f in self.cs.facts)

    def _misquoted(self, cl: CompiledLanguage, state: SessionState, text: str) -> str:
        """The first figure in a learner's summary that she never gave ("thirty corrections"
        when she said sixteen), or "". She corrects it instead of saying "yes, that's
        right". Only digits are checked on the learner's side; her side also counts number
        words, the briefing and the seller's offer, so a figure the learner may know is
        never called wrong."""
        figures = [(m.group(), _figure(m.group())) for m in _DIGITS.finditer(text)]
        if not figures:
            return ""
        said = self._said_texts(cl, state)
        words = cl.lm.lexicon.number_words
        known = {_figure(m.group()) for line in said for m in _DIGITS.finditer(line)}
        known |= {words[w] for line in said for w in re.findall(r"\w+", line.lower())
                  if w in words}
        return next((raw for raw, value in figures if value not in known), "")

    def _mistimed(self, cl: CompiledLanguage, state: SessionState, text: str) -> str:
        """A time in the learner's summary that she never gave ("the cleaners come in the
        evening" when they come at four, "the contract runs until the end of the year" when
        it runs until 1 April), or "": she corrects it rather than say "yes, that's right"."""
        named = _times(text)
        if not named:
            return ""
        told: set[str] = set()
        for line in self._said_texts(cl, state):
            told |= set(_times(line).values())
        return next((raw for raw, kind in named.items() if kind not in told), "")

    def _right_version(self, cl: CompiledLanguage, state: SessionState, text: str,
                       wrong: str) -> str:
        """What she did say about the part of a summary she corrects, in her own words:
        the told sentence with a figure or a time, from the fact that part is about
        ("Not quite: the end of the year? ... The contract runs until 1 April.")."""
        clause = next((c for c in re.split(r"[,;:]", text)
                       if wrong.lower() in c.lower()), text)
        scores = cl.facts.match(cl.lm.analyze(clause))
        # what she told, or a plain fact she would tell if asked ("they come at four")
        told = [f for f in sorted(scores, key=lambda f: -scores[f])
                if scores[f] >= KEYWORD_MATCH and (f in state.revealed or (
                    state.trust >= self.cs.facts[f].trust and all(
                        b in state.revealed for b in self.cs.facts[f].after)))]
        kind_time = bool(_times(wrong))
        # a figure is put right by a figure of the same thing: "280 employees" by "about
        # 380 employees", not by "four days a month"
        after = re.search(re.escape(wrong) + r"\W+(\w+)", text)
        unit = set(cl.lm.analyze(after.group(1)).stems) if after else set()
        for fact_id in told[:2]:
            for sentence in _sentences(self._pick(cl, state, f"fact:{fact_id}",
                                                  cl.texts(self.cs.facts[fact_id].answer))):
                if kind_time and _times(sentence):
                    return sentence
                words = cl.lm.analyze(sentence)
                if not kind_time and unit and any(
                        (_DIGITS.fullmatch(w) or w in cl.lm.lexicon.number_words)
                        and unit & set(words.stems[i + 1:i + 3])
                        for i, w in enumerate(words.words)):
                    return sentence
        return ""

    def _misnamed(self, cl: CompiledLanguage, state: SessionState, text: str) -> str:
        """A name in the learner's summary that nobody in the call or the briefing used
        ("two offices in Haarlem and Bloemendaal" when they are in Haarlem and Beverwijk):
        she corrects it rather than say "yes, that's right"."""
        names = [m.group(1) for m in _INNER_NAME.finditer(text)]
        if not names:
            return ""
        known = {w.lower() for line in self._said_texts(cl, state)
                 for w in re.findall(r"\w+", line)}
        sc = self.scenario
        for line in (sc.buyer.name, cl.text(sc.buyer.company), cl.text(sc.seller.company)):
            known |= {w.lower() for w in re.findall(r"\w+", line)}
        return next((n for n in names if n.lower() not in known
                     and n.lower() not in _CALENDAR_WORDS), "")

    def _said_texts(self, cl: CompiledLanguage, state: SessionState) -> list[str]:
        """What the learner may know: the briefing, the offer, and all she said so far."""
        sc = self.scenario
        said: list[str] = [cl.text(sc.briefing), *cl.texts(sc.buyer.greeting)]
        if sc.seller.offer is not None:
            said.append(cl.text(sc.seller.offer))
        for fact_id in state.revealed:
            fact = self.cs.facts[fact_id]
            said += cl.texts(fact.answer)
            if fact.short_answer is not None:
                said += cl.texts(fact.short_answer)
        for fact_id in state.flags:
            if fact_id.startswith("short:") and fact_id[6:] in self.cs.facts:
                short = self.cs.facts[fact_id[6:]].short_answer
                said += cl.texts(short) if short is not None else []
        for objection in sc.objections:
            if state.objections[objection.id].raised_turn is not None:
                for value in (objection.text, objection.firmer, objection.explain):
                    said += cl.texts(value) if value is not None else []
        if sc.closing is not None:
            said += [t for s in sc.closing.buying_signals for t in cl.texts(s.text)]
        return said

    @staticmethod
    def _dated_proposal(t: Turn) -> bool:
        """A dated proposal read as an answer to her concern ("then let's meet to sign:
        Thursday 4 July at 2 pm. Does that work for you?") is still a proposal: she answers
        it, or a goodbye later says the date she never answered "isn't agreed yet"."""
        return t.act is Act.OBJECTION_RESPONSE and t.a.concrete_time and bool(
            t.moves & {Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER})

    @staticmethod
    def _agenda(t: Turn) -> bool:
        """A proposal before she has told anything, in a message that states the objective:
        "first get acquainted, then my questions, and at the end we see whether a
        follow-up makes sense" is the agenda, not a request for a next appointment."""
        state = t.state
        return not state.revealed and not state.closing["attempted"] and not t.a.concrete_time

    def _unsaid(self, cl: CompiledLanguage, state: SessionState, text: str) -> bool:
        """A learner's summary names a fact she keeps for later (trust-gated, or a
        consequence she tells only when asked) and has not told: "penalties, overtime,
        maybe a lost customer" when she spoke of none. She says so instead of "yes,
        that's right"; the plain facts of the case may be known from elsewhere."""
        lex = cl.lm.lexicon
        told: set[str] = set()
        for line in self._said_texts(cl, state):
            told |= self._stems_of(cl, line)[0]
        # only the words that name things she never used: "dat kost je" names no fact, and
        # "parcels miss the last trailer" is what she said, not a question's cue
        said = cl.lm.analyze(text)
        named = " ".join(w for w, st in zip(said.words, said.stems, strict=True)
                         if w not in lex.stopwords and w not in lex.frame_words
                         and st not in told)
        for fact_id, score in cl.facts.match(cl.lm.analyze(named)).items():
            fact = self.cs.facts[fact_id]
            if score < KEYWORD_MATCH or not (fact.trust > 0 or "implication" in fact.spin):
                continue  # the value of a solution shares her problem's words
            if fact_id not in state.revealed and f"short:{fact_id}" not in state.flags:
                return True
        return False

    def _mark_figures(self, t: Turn, text: str) -> None:
        """A drill that asks for figures (the forecast): she checks the amounts named and
        says whether they are right, as a sales manager doing the maths alongside would.
        Only where the drill has lines for it; amounts under 1,000 (a chance, a date) are
        no answer."""
        lines = self.scenario.buyer.lines
        if self.scenario.kind != "drill" or not {"figures_right", "figures_wrong"} <= set(lines):
            return
        checks = [(o.id, d.number) for o in self.scenario.objectives.external
                  for d in o.detect if d.number is not None]
        amounts = [n for n in parse_numbers(fold(text)) if n >= FIGURE_MIN]
        if not checks or not amounts:
            return
        def fits(n: float) -> bool:
            return any(abs(n - c.value) <= c.tolerance for _, c in checks)
        if not all(fits(n) for n in amounts):
            t.fresh.add("figures_wrong")
            return
        met = set(t.a.objectives) | set(t.state.objectives)
        done = all(oid in met for oid, _ in checks)
        t.fresh.add("figures_right" if done or "figures_partly" not in lines else "figures_partly")

    def _mark_once(self, t: Turn) -> None:
        """Once-per-call moments of the opening: they earn trust and a reaction once."""
        state, moves = t.state, t.a.moves
        if Move.INTRODUCE in moves and self._once(state, "introduced"):
            t.fresh.add("introduced")
        if t.act is Act.GREET_INTRODUCE and Move.GREET in moves and self._once(state, "greeted"):
            t.fresh.add("greeted")
        if Move.INVITE_INTRODUCTION in moves and self._once(state, "invited"):
            t.fresh.add("invited")
        if Move.STATE_OBJECTIVE in moves and (t.act not in CLOSING_ACTS or self._agenda(
                t)) and self._once(state, "objective_stated"):
            t.fresh.add("objective_stated")
        if t.act is Act.SUMMARY:
            state.flags["summaries"] = state.flags.get("summaries", 0) + 1

    # -- answers --------------------------------------------------------------------------
    def _answer_facts(self, cl: CompiledLanguage, t: Turn, events: list[str]) -> list[str]:
        a, state = t.a, t.state
        parts: list[str] = []
        queue = list(a.answered[:MAX_FACTS_PER_REPLY])
        if any(f not in state.revealed for f in queue):
            # she tells something new; a told fact only a side word pointed at ("when does
            # the *current* contract end?" is no question about the supplier again) is not
            # recited between the answers
            queue = [f for f in queue if f not in state.revealed or self._gist(
                cl, self._told(cl, state, self.cs.facts[f]), a,
                strict=True)]
        while queue:
            fact_id = queue.pop(0)
            fact = self.cs.facts[fact_id]
            # a fact told in its short form counts: "they jam now and then", then "what
            # happens when one jams?" is the SPIN path the persona opens up to
            missing_before = [f for f in fact.after if f not in state.revealed
                              and f"short:{f}" not in state.flags]
            # asked for an example of what she told, she tells the story whatever its depth
            wrong_spin = bool(fact.spin) and a.spin not in fact.spin and not t.elaborates
            if missing_before and f"short:{fact_id}" in state.flags:
                # Asked again, more pointedly: she opens up about what comes first, and
                # then answers what was asked ("what does a jam mean for the trucks?")
                first = self.cs.facts[missing_before[0]]
                if state.trust >= first.trust and missing_before[0] not in a.answered:
                    if len(missing_before) == 1 and not wrong_spin:
                        queue.insert(0, fact_id)
                    fact_id, fact, missing_before = first.id, first, []
                    wrong_spin = False
            if missing_before or wrong_spin:
                short = cl.texts(fact.short_answer) if fact.short_answer else []
                if short and f"short:{fact_id}" not in state.flags:
                    parts.append(self._pick(cl, state, f"short:{fact_id}", short))
                    state.flags[f"short:{fact_id}"] = state.turn
                elif short:
                    parts.append(self._line(cl, state, "vague_answer"))
                continue
            if state.trust < fact.trust:
                guarded = cl.texts(fact.guarded) if fact.guarded else []
                parts.append(self._pick(cl, state, f"guarded:{fact_id}", guarded)
                             if guarded else self._line(cl, state, "guarded"))
                events.append(f"guarded:{fact_id}")
                continue
            times = state.revealed.get(fact_id, 0)
            closed = a.form == "closed" and fact.short_answer is not None
            if closed and not times and f"short:{fact_id}" not in state.flags:
                # A closed question gets the short answer; the full story stays for later.
                parts.append(self._pick(cl, state, f"short:{fact_id}",
                                        cl.texts(fact.short_answer)))
                state.flags[f"short:{fact_id}"] = state.turn
                continue
            answer = self._told(cl, state, fact)
            if times and t.act not in _ASKING_ACTS:
                continue  # a proposal's "would that suit you?" asks no told fact again
            if times and t.act is Act.FACT_QUESTION and a.spin in _DEEPER_SPIN and (
                    self._new_angle(cl, answer, a)):
                # asked about a told fact from a new angle ("and what does that mean for
                # your web-shop customers?"): the next thing she knows, not "as I said"
                deeper = self._deeper(fact, t, queue)
                if deeper is not None:
                    queue.insert(0, deeper)
                    continue
            if times:
                # asked again: she recaps the gist, not the whole story word for word; a
                # sentence of hers that fits better comes from what else she told ("what
                # goes wrong with the windows?" gets the windows, not the changing team)
                gist = self._gist(cl, answer, a, strict=True) or self._told_elsewhere(
                    cl, state, fact, a) or self._gist(cl, answer, a)
                answer = self._line(cl, state, "repeat") + _lower_first(
                    gist, self._names_in(cl, state.lang))
            else:
                events.append(f"fact:{fact_id}")
                state.flags[f"told:{fact_id}"] = state.turn
            parts.append(answer)
            state.revealed[fact_id] = times + 1
            for need in fact.reveals:
                if need not in state.needs_stated:
                    state.needs_stated.append(need)
            if state.phase == "opening":
                state.phase = "inventory"
        return parts

    def _told(self, cl: CompiledLanguage, state: SessionState, fact: Fact) -> str:
        """Her answer as she told it: of a fact with several wordings, "as I said" recalls
        the one she used, not the one this turn would pick."""
        texts = cl.texts(fact.answer)
        turn = state.flags.get(f"told:{fact.id}")
        if turn is None or len(texts) < 2:
            return self._pick(cl, state, f"fact:{fact.id}", texts)
        h = zlib.crc32(f"{state.seed}:fact:{fact.id}:{turn}".encode())
        return str(texts[h % len(texts)])

    def _told_elsewhere(self, cl: CompiledLanguage, state: SessionState, fact: Fact,
                        a: TurnAnalysis) -> str:
        """The sentence of another answer she gave that answers this question, when the
        fact it reached holds none."""
        asked = a.topic_stems - cl.facts.frame
        if not asked or a.spin in _DEEPER_SPIN:
            return ""  # what something leads to is no sentence about the same words

        def fit(sentence: str) -> int:
            return sum(1 for st in self._content_stems(cl, sentence)
                       if any(_same_stem(st, q) for q in asked))

        own = max((fit(x) for x in _sentences(self._told(cl, state, fact))), default=0)
        best, best_fit = "", own
        for other in self.scenario.facts:
            if other.id != fact.id and other.id in state.revealed:
                for sentence in _sentences(self._told(cl, state, other)):
                    if (score := fit(sentence)) > best_fit:
                        best, best_fit = sentence, score
        return best

    def _asks_further(self, cl: CompiledLanguage, t: Turn, text: str) -> bool:
        """A consequence or value question with no topic of its own, or a request for an
        example ("can you give me an example?", "hoezo?"), right after she answered
        something: it asks about what she just told."""
        a, state = t.a, t.state
        if not (t.act is Act.FACT_QUESTION and bool(state.last_answered)
                and state.last_answered[0] in state.revealed
                and state.flags.get("answered_turn") == state.turn - 1):
            return False
        if a.spin in _DEEPER_SPIN and len(a.topic_stems) <= FURTHER_TOPIC_WORDS:
            return True
        # the words of "give me an example" are no topic of their own
        t.elaborates = bool(cl.lm.elaboration.match(cl.lm.analyze(text)))
        return t.elaborates

    def _asks_contact(self, cl: CompiledLanguage, t: Turn, text: str) -> bool:
        """A question or request for contact details (an e-mail address, a name)."""
        a = t.a
        if not self._names_contact(cl, a, text):
            return False
        if t.act in CLOSING_ACTS:
            # "could I have your e-mail address, to send a confirmation?" asks no meeting
            return not a.concrete_time
        # while her objection waits, "could you give me Monique's e-mail address?" took no
        # step for it: it is still a request she answers
        asking = t.act is Act.FACT_QUESTION or (
            t.act is Act.OBJECTION_RESPONSE and not a.steps)
        return asking and (a.is_question or a.asks or a.asks_permission)

    @staticmethod
    def _asks_own(text: str) -> bool:
        """The contact details asked are hers ("what's your e-mail address?"), not those
        of the director or of whoever handles the invoices."""
        return bool(_OWN_CONTACT.search(text))

    @staticmethod
    def _names_contact(cl: CompiledLanguage, a: TurnAnalysis, text: str) -> bool:
        """The message names contact details (an e-mail address, a phone number)."""
        return bool(a.topic_stems & cl.contact_stems) and bool(
            cl.contact.match(cl.lm.analyze(text)))

    def _about_contact(self, cl: CompiledLanguage, fact_id: str) -> bool:
        """A fact whose answer gives contact details ("here's my card") answers the ask."""
        if fact_id not in self._contact_facts:
            answer = " ".join(cl.texts(self.cs.facts[fact_id].answer))
            self._contact_facts[fact_id] = "@" in answer or bool(
                cl.contact.match(cl.lm.analyze(answer)))
        return self._contact_facts[fact_id]

    def _new_angle(self, cl: CompiledLanguage, answer: str, a: TurnAnalysis) -> bool:
        """The question names more that her told answer does not hold than it does ("what
        does a late correction mean for the men on site?" after the corrections), so it
        asks further; "how much time does the retyping take?" asks the same again."""
        told = self._stems_of(cl, answer)[0]
        frame = cl.facts.frame
        known = unknown = 0
        for q in a.topic_stems - frame:
            if any(_same_stem(st, q) for st in told):
                known += 1
            else:
                unknown += 1
        return unknown >= NEW_ANGLE_WORDS and unknown > known

    def _deeper(self, told: Fact, t: Turn, queue: list[str]) -> str | None:
        """An untold fact that takes a told one further: first one written to come after
        it (the missed trailer, then the penalties), else another of the same objective
        (the corrections, then the four days of retyping). Only one she would tell now:
        its SPIN type fits the question and what must come first has come; a fact
        written after this one may be guarded, she then says so in her own words."""
        state, a = t.state, t.a
        chained: list[Fact] = []
        related: list[Fact] = []
        example: list[Fact] = []  # asked for an example: what it led to is one
        for fact in self.scenario.facts:
            if fact.id in state.revealed or fact.id in queue or fact.id in a.answered:
                continue
            if fact.spin and a.spin not in fact.spin and not t.elaborates:
                continue  # an example of what she told may come from any depth
            if a.spin == "need_payoff" and not fact.spin:
                continue  # what a solution is worth to her is no further problem
            if any(f not in state.revealed and f"short:{f}" not in state.flags
                   for f in fact.after):
                continue
            if told.id in fact.after:
                chained.append(fact)
            elif told.objective and fact.objective == told.objective and (
                    state.trust >= fact.trust and not fact.after):
                related.append(fact)
            elif t.elaborates and "implication" in fact.spin and state.trust >= fact.trust:
                example.append(fact)
        best = (chained or related or example)[:1]
        return best[0].id if best else None

    def _follow_up(self, cl: CompiledLanguage, t: Turn, events: list[str]) -> list[str]:
        """A question about what she just told, in words no fact lists ("Uit welk jaar zijn
        ze?" after "all bought in 2016"): she points to the part of her last answer that
        answers it. Nothing when no part does; then the question is really new."""
        a, state = t.a, t.state
        if t.act is not Act.FACT_QUESTION or not a.is_question or a.facts or not (
                state.last_answered):
            return []
        fact = self.cs.facts.get(state.last_answered[0])
        if fact is None:
            return []
        if fact.id in state.revealed:
            answer = self._told(cl, state, fact)
        elif f"short:{fact.id}" in state.flags and fact.short_answer:
            # she only gave the short form: "as I said" quotes that, not the full story
            answer = self._pick(cl, state, f"short:{fact.id}", cl.texts(fact.short_answer))
        else:
            return []  # she kept it to herself: there is nothing of hers to go back to
        gist = self._gist(cl, answer, a, strict=True)
        if not gist and fact.id not in state.revealed:
            told = self._tell_more(cl, t, fact, events)
            if told:
                return told
        if not gist:
            further = self._follow_on(cl, t, fact, answer, events)
            if further or fact.id in state.revealed or a.form != "closed" or (
                    not a.refers_back) or a.word_count > FOLLOW_UP_WORDS or (
                    not a.topic_stems <= self._content_stems(cl, answer)):
                return further
            # "is that a big problem?" after "they jam now and then, it comes with it":
            # she says it again, as lightly as before
            gist = answer
        return [self._line(cl, state, "repeat") + _lower_first(gist, self._names_in(
            cl, state.lang))]

    def _tell_more(self, cl: CompiledLanguage, t: Turn, fact: Fact,
                   events: list[str]) -> list[str]:
        """Asked further into what she only said in short ("how many times last year?"
        after "they jam now and then"): the full story holds the answer, so she tells it
        now, rather than "as I said" about words she never said."""
        a, state = t.a, t.state
        full = self._pick(cl, state, f"fact:{fact.id}", cl.texts(fact.answer))
        if not self._gist(cl, full, a, strict=True) or state.trust < fact.trust:
            return []
        if any(f not in state.revealed and f"short:{f}" not in state.flags for f in fact.after):
            # what comes first comes first: the way any pointed question opens her up
            before = dict(state.revealed)
            a.answered = [fact.id]
            answers = self._answer_facts(cl, t, events)
            told = [f for f in state.revealed if f not in before]
            a.answered = told  # what she told is what this turn answered
            if told:
                state.last_answered = told
            return answers
        events.append(f"fact:{fact.id}")
        state.revealed[fact.id] = 1
        a.answered = [fact.id]
        state.needs_stated.extend(n for n in fact.reveals if n not in state.needs_stated)
        return [full]

    def _follow_on(self, cl: CompiledLanguage, t: Turn, fact: Fact, told: str,
                   events: list[str]) -> list[str]:
        """"Who does that?" / "hoe lang duurt dat dan?" right after she told something: a
        short follow-up asks about what she just said, so she tells the untold fact
        closest to it that names a person (who) or a figure (how long, how many), and
        else the sentence of her answer that does; not "what are you getting at?"."""
        a, state = t.a, t.state
        if state.flags.get("answered_turn") != state.turn - 1 or (
                a.word_count > FOLLOW_UP_WORDS):
            return []
        words = set(cl.lm.analyze(t.text).words)
        kind = "who" if words & _WHO else ("amount" if a.asks_amount else "")
        if not kind:
            return []
        told_stems = self._stems_of(cl, told)[0]
        # what the matter is: her words, and the full story behind a short answer
        told_content = self._content_stems(cl, told) | self._content_stems(
            cl, " ".join(cl.texts(fact.answer)))
        unknown = [q for q in a.topic_stems if not any(_same_stem(st, q) for st in told_stems)]
        if len(unknown) > 1:
            return []  # it names something of its own: a new question, not a follow-up
        names = self._names_in(cl, state.lang)

        def fits(text: str) -> bool:
            if kind == "who":
                # a name near the start of a sentence does it ("Bas clears a jammed roll",
                # "Dat doet Blinkend Schoon"); "... Black Friday" late in one is a date
                return any(w.strip(".,;:!?'\"()") in names
                           and w.strip(".,;:!?'\"()").lower() not in _CALENDAR_WORDS
                           for sentence in _sentences(text) for w in sentence.split()[:WHO_WORDS])
            found = set(re.findall(r"[\w']+", text))
            return bool(_DIGITS.search(text)) or bool(
                _NUMBER_WORDS & {w.lower() for w in found})

        said = [s for s in _sentences(told) if fits(s)]
        if kind == "who" and said:
            # "wie is dat dan precies?" right after she named Annelies: who she named
            return [self._line(cl, state, "repeat") + _lower_first(said[0], names)]
        best: tuple[int, str] | None = None
        for other in self.scenario.facts:
            if other.id in state.revealed or state.trust < other.trust or (
                    other.spin and a.spin not in other.spin):
                continue
            if any(f not in state.revealed and f"short:{f}" not in state.flags
                   for f in other.after):
                continue
            text = cl.texts(other.answer)[0]
            if not fits(text):
                continue
            shared = sum(1 for st in self._content_stems(cl, text) if any(
                _same_stem(st, q) for q in told_content))
            if shared and (best is None or shared > best[0]):
                best = (shared, other.id)
        if best is not None:
            a.answered = [best[1]]
            answers = self._answer_facts(cl, t, events)
            if answers:
                state.last_answered = [best[1]]
            return answers
        if not said:
            return []
        return [self._line(cl, state, "repeat") + _lower_first(said[0], names)]

    def _content_stems(self, cl: CompiledLanguage, text: str) -> frozenset[str]:
        """The stems of her line that carry its topic ("jam", "station"), not "thing" or
        "run": two answers that share one are about the same matter."""
        key = ("content", cl.lang, text)
        if key not in self._content:
            said = cl.lm.analyze(text)
            lex = cl.lm.lexicon
            skip = lex.stopwords | lex.fillers | lex.frame_words | lex.question_words
            self._content[key] = frozenset(
                st for st, w in zip(said.stems, said.words, strict=True)
                if len(st) > 3 and w not in skip and not w[:1].isdigit()
                and w not in _NUMBER_WORDS and w not in _GENERIC)
        return self._content[key]

    def _names_in(self, cl: CompiledLanguage, lang: str) -> frozenset[str]:
        """Words the buyer writes with a capital inside a sentence (names): "as I said: Joke
        and Ahmed ..." keeps it, "as I said: the contract ..." does not."""
        if lang not in self._names:
            names: set[str] = set()
            texts = [t for fact in self.scenario.facts for t in cl.texts(fact.answer)]
            texts += [t for o in self.scenario.objections for t in cl.texts(o.text)]
            texts += cl.texts(self.scenario.buyer.greeting)
            for text in texts:
                words = str(text).split()
                for prev, word in pairwise(words):
                    if word[:1].isupper() and not prev.endswith((".", "!", "?", ":")):
                        names.add(word.split("'")[0].strip(".,;:!?\"()"))
            self._names[lang] = frozenset(names)
        return self._names[lang]

    @staticmethod
    def _stems_of(cl: CompiledLanguage, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """Stems and words of one of her own lines, analysed once per compiled scenario
        (an engine may be made per turn; her lines are the scenario's, a bounded set)."""
        return cl.stems_of(text)

    def _gist(self, cl: CompiledLanguage, answer: str, a: TurnAnalysis, *,
              strict: bool = False) -> str:
        """The sentence of an earlier answer that answers this question: asked "how much
        time does the retyping take?" again, she repeats the four days, not how the slips
        come in. The first sentence when none stands out."""
        sentences = _sentences(answer)
        if len(sentences) < 2 and not strict:
            return answer
        asked = a.topic_stems

        same = _same_stem

        if strict:
            told = self._stems_of(cl, answer)[0]
            unknown = [q for q in asked if not any(same(st, q) for st in told)]
            if len(unknown) > (1 if a.refers_back else 0):
                return ""  # it names something her answer did not: a new question

        def fit(sentence: str) -> float:
            stems, words = self._stems_of(cl, sentence)
            shared = sum(1 for st in stems if len(st) > 2 and any(
                same(st, q) for q in asked))
            if not a.asks_amount:
                return shared
            # a figure answers "how many", "how often", "which year": digits most surely
            if any(w[:1].isdigit() for w in words):
                return shared + 1.5
            return shared + (1.0 if _NUMBER_WORDS & words else 0.0)

        scores = [fit(s) for s in sentences]
        best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
        if scores[best] > 0:
            tied = [i for i, score in enumerate(scores) if score == scores[best]]
            if a.asks_amount and len(tied) == 2:
                # "and in peak season, how much more?": both figures she gave answer it
                # (6,000 a day, 14,000 at peak), not the first one alone
                return " ".join(sentences[i] for i in tied)
            return sentences[best]
        if strict:
            return ""
        if len(sentences[0].split()) <= LEAD_IN_WORDS:
            # "It's mixed." / "Two things." only leads in: the recap is what follows it
            return " ".join(sentences[1:3])
        return sentences[0]

    # -- closing ------------------------------------------------------------------------
    def _closing(self, cl: CompiledLanguage, t: Turn, events: list[str]) -> str:
        """Answers a proposal; returns an objection if the proposal triggers one."""
        state, a = t.state, t.a
        closing = self.scenario.closing
        state.closing["attempted"] = True
        # on a first visit there is nothing to sign yet: "15% off if you sign now" is no
        # next step she can agree to ("put it in the diary")
        premature = t.act is Act.ASK_ORDER and self.scenario.buyer.visit == "first"
        concrete = a.concrete_time or (t.act is Act.ASK_ORDER and not premature)
        state.closing["concrete"] = state.closing["concrete"] or concrete
        if state.phase != "ended":
            state.phase = "closing"
        if a.concrete_time:
            state.flags["date_on_hold"] = state.turn  # until she agrees below
        if Move.PROPOSE_NEXT_STEP in a.moves and t.act is not Act.ASK_ORDER:
            self._answered_ahead(state, a)
        objection = self._trigger(cl, state, "next_step")
        if objection:
            if t.outcome is Outcome.HANDLED:
                # "fair enough, show it with our data. Hold on, I can't decide that alone"
                # says yes and no at once: the new concern is her answer to the proposal
                t.objection_text = ""
            return objection
        if closing is None:
            t.closing_text = self._line(cl, state, "after_close")
        elif state.closing["agreed"]:
            # "kunnen we volgende week afspreken?" after they agreed: no "zo is het, ja"
            t.closing_text = self._line(cl, state, "already_agreed")
        elif premature or not self._closing_earned(state):
            t.closing_text = self._next(state, "stall", cl.texts(closing.stall))
            events.append("stall")
            state.flags["stalled"] = state.turn
        elif not concrete:
            vague = cl.texts(closing.vague) if closing.vague else []
            t.closing_text = (self._next(state, "vague", vague) if vague
                              else self._next(state, "stall", cl.texts(closing.stall)))
        elif closing.late and self._too_late(cl, t):
            # "15 December" when the quotation must be there in November: she says so
            state.closing["concrete"] = state.closing["concrete"] or concrete
            t.closing_text = self._next(state, "late", cl.texts(closing.late))
            events.append("too_late")
        else:
            state.closing["agreed"] = True
            state.flags.pop("date_on_hold", None)
            t.closing_text = self._pick(cl, state, "agree", cl.texts(closing.agree))
            events.append("agreed")
        return ""

    def _answered_ahead(self, state: SessionState, a: TurnAnalysis) -> None:
        """A proposal that already answers the concern it would raise ("a demo on Tuesday
        with Monique and someone from the works council") does not raise it: "I need to
        discuss this with Monique first" would ignore what was just proposed."""
        for objection in self.scenario.objections:
            ostate = state.objections[objection.id]
            if (objection.raise_when.after == "next_step" and ostate.raised_turn is None
                    and objection.id in a.responds_to):
                state.flags[f"preempted:{objection.id}"] = state.turn

    def _too_late(self, cl: CompiledLanguage, t: Turn) -> bool:
        """The proposal names a month past her deadline (``closing.late_months``)."""
        closing = self.scenario.closing
        assert closing is not None
        words = cl.lm.analyze(t.text).words
        return any(_MONTHS.get(w) in closing.late_months for w in words)

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
                if ostate.raised_turn is not None and not (ostate.handled or ostate.rested):
                    return False
        return True

    # -- objections ---------------------------------------------------------------------
    def _trigger(self, cl: CompiledLanguage, state: SessionState, event: str,
                 fact: str | None = None) -> str:
        """The first objection waiting for this event, raised now ("" if none)."""
        if state.pending_objection:
            return ""
        for objection in self.scenario.objections:
            ostate = state.objections[objection.id]
            if ostate.raised_turn is not None or f"preempted:{objection.id}" in state.flags:
                continue
            trig = objection.raise_when
            if trig.after != event:
                continue
            if event == "fact" and trig.fact != fact:
                continue
            if event == "turn" and (trig.turn or 0) > state.turn:
                continue
            return self._raise(cl, state, objection.id)
        return ""

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

    def _objection_step(self, cl: CompiledLanguage, t: Turn, events: list[str],
                        contact: bool = False) -> None:
        """What the learner's message did for the pending objection (steps, outcome).
        ``contact``: the message asks for contact details ("could you give me Monique's
        e-mail address?"), which is no check of her objection."""
        state, a = t.state, t.a
        oid = state.pending_objection
        assert oid is not None
        objection = self.cs.objections[oid]
        ostate = state.objections[oid]
        ostate.attempts += 1
        did: set[str] = set()
        fits = False
        # A summary's "is that right?" and a new proposal's "would that work?" check those,
        # not her objection; the proposal may still answer it (the respond step).
        # A summary that carries the seller's answer ("you said the downtime costs you
        # hours; with our 4-hour fix that is solved. Does that sound useful?") checks it.
        offers = t.act is Act.SUMMARY and a.seller_talk and bool(a.answers_objection)
        if t.act not in (Act.GOODBYE, Act.SMALL_TALK, Act.PITCH, Act.GREET_INTRODUCE,
                         Act.SUMMARY) or offers:
            for move, step in ((Move.ACKNOWLEDGE, "acknowledge"), (Move.CLARIFY, "clarify"),
                               (Move.CHECK, "check")):
                if move in a.moves and t.act is not Act.SOLUTION:
                    did.add(step)
            if did == {"acknowledge"} and a.is_question and a.form == "open" and not (
                    a.facts or a.meeting_words or a.moves & {
                        Move.RESPOND_BENEFIT, Move.PROPOSE_SOLUTION, Move.PROPOSE_NEXT_STEP,
                        Move.ASK_FOR_ORDER}):
                # "I understand, that is quite a rise. What would be a fair amount for
                # you?": an open question after acknowledging asks into her objection
                did.add("clarify")
            answered_by = set(objection.answered_by)
            tied = bool(answered_by.intersection(a.tied_needs or a.needs)) or (
                oid in a.responds_to)
            if a.moves & {Move.RESPOND_BENEFIT, Move.PROPOSE_SOLUTION} and a.form != "open":
                if tied or not answered_by:
                    did.add("respond")
                elif "respond" not in ostate.tried:
                    ostate.tried.append("respond")  # an answer, but not tied to her need
                # the answer her doubt asked for, tied to what she said ("a two-week trial"
                # to "what if the colleagues don't like it?"): she takes it, even unacknowledged
                # (a cue word alone, "a link to our demo", is not enough)
                fits = bool(answered_by.intersection(a.tied_needs))
        if not did and t.act is Act.OBJECTION_RESPONSE and a.form == "closed" and not a.facts and (
            ostate.steps["respond"] or "respond" in ostate.tried
        ) and not a.asks_permission and not contact:
            did.add("check")  # "Would that help you take it to the board?" after an answer
        for step in did:
            ostate.steps[step] = True
        a.steps = sorted(did)
        self._tick_steps(a, did)
        if not did:
            ostate.idle += 1
            return
        ostate.idle = 0
        if ostate.steps["respond"] and (ostate.steps["acknowledge"] or ostate.steps["clarify"]
                                        or ("respond" in did and fits)):
            ostate.handled = True
            state.pending_objection = None
            events.append(f"handled:{oid}")
            t.outcome = Outcome.HANDLED
            t.objection_text = self._pick(cl, state, f"accepted:{oid}",
                                          cl.texts(objection.accepted))
            if state.phase == "objection":
                state.phase = "presentation" if "solution_tied" in state.flags else "inventory"
            return
        if "clarify" in did:
            t.outcome = Outcome.CLARIFIED
            explain = cl.texts(objection.explain) if objection.explain else []
            if self._once(state, f"explained:{oid}"):
                t.objection_text = (self._pick(cl, state, f"explain:{oid}", explain) if explain
                                    else self._line(cl, state, "clarified"))
            elif self._once(state, f"explained_again:{oid}"):
                t.objection_text = self._line(cl, state, "clarified")
            # a third clarifying question gets no stock line: she answers what she can
        elif did == {"acknowledge"}:
            t.outcome = Outcome.ACKNOWLEDGED
        else:
            t.outcome = Outcome.PROGRESS

    def _proposal_while_objecting(self, cl: CompiledLanguage, t: Turn) -> str:
        """A proposal while her objection stands: noted, but she comes back to it first."""
        state = t.state
        state.closing["attempted"] = True
        state.closing["concrete"] = state.closing["concrete"] or t.a.concrete_time
        if t.a.concrete_time:
            state.flags["date_on_hold"] = state.turn  # "see you then!" next is no agreement
        oid = state.pending_objection
        assert oid is not None
        objection = self.cs.objections[oid]
        ostate = state.objections[oid]
        if ostate.recalled or objection.firmer is None:
            text = self._line(cl, state, "objection_pending")
        else:
            text = self._pick(cl, state, f"firmer:{oid}", cl.texts(objection.firmer))
        ostate.recalled = True
        # she answers the proposal first ("before we plan anything"), then says why
        hold = self._line(cl, state, "proposal_on_hold")
        return f"{hold} {_lower_first(text, self._names_in(cl, state.lang))}" if hold else text

    def _anticipated(self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis,
                     text: str) -> bool:
        """A price objection she has not raised yet, named by a message that acknowledges
        or asks about it: it counts as raised, and this message as the answer to it."""
        if not a.moves & {Move.ACKNOWLEDGE, Move.CLARIFY} and not a.is_question:
            return False
        for objection in self.scenario.objections:
            ostate = state.objections[objection.id]
            if ostate.raised_turn is not None or objection.raise_when.after != "price":
                continue
            shared = cl.objection_stems.get(objection.id, frozenset()) & cl.lm.analyze(
                text).stem_set
            if shared & cl.objection_rare.get(objection.id, frozenset()) or len(shared) >= 2:
                ostate.raised_turn = state.turn - 1
                state.pending_objection = objection.id
                for need in objection.reveals:
                    if need not in state.needs_stated:
                        state.needs_stated.append(need)
                return True
        return False

    @staticmethod
    def _reopen_rested(state: SessionState) -> bool:
        for oid, ostate in state.objections.items():
            if ostate.rested and not ostate.handled:
                ostate.rested = False
                ostate.idle = 0
                state.pending_objection = oid
                return True
        return False

    def _bring_in(self, cl: CompiledLanguage, t: Turn, answers: list[str],
                  events: list[str], *, agreed: bool = False, reacted: bool = False) -> str:
        """At most one thing the buyer raises herself: a pending objection's reminder (once),
        letting it rest, or nothing (objections and signals come in ``_after_turn``).

        She lets an objection rest out loud ("fine, let's move on") only when she has
        nothing else to say: after an answer or a reaction of her own (a yes, a reply to a
        proposal) the line refers to nothing and contradicts what she just said."""
        state = t.state
        oid = state.pending_objection
        if not oid or t.outcome is not Outcome.NONE or state.ended:
            return ""
        objection = self.cs.objections[oid]
        ostate = state.objections[oid]
        if ostate.raised_turn == state.turn:
            return ""
        if t.closing_text:
            return ""  # her answer to the proposal already restated it; it rests later
        if ostate.idle >= REST_AFTER:
            state.pending_objection = None
            ostate.rested = True
            t.fresh.add("objection_rested")
            apply_effects(state, [Event.OBJECTION_RESTED])
            events.append(f"rested:{oid}")
            if state.phase == "objection":
                state.phase = "inventory"
            if answers or reacted:
                return ""  # she answers and lets it rest; "let's move on" after an answer jars
            return self._line(cl, state, "objection_rests")
        if ostate.recalled:
            return ""
        if agreed or answers:
            # she answers the question, or just said yes: "yes, that's fine. No, really,
            # I don't want to rush" takes it back in one breath, and "Friday is empty. As I
            # said, I don't want to rush" glues her concern onto a plain answer; it waits
            # for a turn that asks her nothing, or rests
            return ""
        ostate.recalled = True
        apply_effects(state, [Event.OBJECTION_IGNORED])
        firmer = cl.texts(objection.firmer) if objection.firmer else []
        return (self._pick(cl, state, f"firmer:{oid}", firmer) if firmer
                else self._line(cl, state, "objection_pending"))

    def _situation_streak(self, state: SessionState, a: TurnAnalysis) -> int:
        """Consecutive situation questions, this one included: a buyer tires of facts."""
        if a.spin == "situation" and a.act is Act.FACT_QUESTION:
            state.situation_streak += 1
        elif a.is_question:
            state.situation_streak = 0
        if self.scenario.kind not in ("spin", "first_visit"):
            return 0
        if state.turn - state.flags.get("situation_overload", -99) < SITUATION_STREAK:
            return 0
        return state.situation_streak if a.spin == "situation" else 0

    def _tick_steps(self, a: TurnAnalysis, steps: set[str]) -> None:
        """Objectives that stand for a handling step are met when the step is taken, also
        in words the cue lists do not know ("Eight years says a lot" acknowledges)."""
        moves = {STEP_MOVES[s] for s in steps}
        for objective in self.cs.objectives.values():
            if objective.id in a.objectives:
                continue
            for det in objective.detect:
                if det.moves and moves.intersection(det.moves) and not (
                    det.form or det.spin or det.asked_by or det.number
                    or (det.tied_to_need and not a.tied_needs)
                ):
                    a.objectives.append(objective.id)
                    break

    def _check_after_handling(self, state: SessionState, a: TurnAnalysis) -> bool:
        """A check right after the buyer accepted still completes the handling steps."""
        for ostate in state.objections.values():
            if ostate.handled and not ostate.steps["check"] and ostate.raised_turn is not None:
                ostate.steps["check"] = True
                a.steps = ["check"]
                self._tick_steps(a, {"check"})
                return True
        return False

    # -- bookkeeping --------------------------------------------------------------------
    def _tick(self, state: SessionState, a: TurnAnalysis) -> None:
        for objective in a.objectives:
            state.objectives.setdefault(objective, state.turn)

    def _after_turn(self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis,
                    events: list[str], *, cool: bool = False) -> str:
        """Objections set off by what was said, a buying signal, or the end of the call.
        Says at most one of them (an end line always)."""
        if state.ended:
            return ""
        said = ""
        raised_now = any(o.raised_turn == state.turn for o in state.objections.values())
        # a concern due by the clock or set off by the price waits until the learner is
        # through the opening (greeting, agenda, small talk): "we'll go through the
        # proposal" is no moment for "the other caterer is fifty cents cheaper"
        opening = a.act in _OPENING_ACTS
        # nor in the reply that accepts (or lets rest) another one: "all right, worth a
        # look - just send me the brochure" takes back in one breath what it granted
        settled_now = any(e.startswith(("handled:", "rested:")) for e in events)
        if not raised_now and not state.pending_objection:
            if a.price and not opening:
                said = self._trigger(cl, state, "price")
            for fact_id in [e.removeprefix("fact:") for e in events if e.startswith("fact:")]:
                said = said or self._trigger(cl, state, "fact", fact=fact_id)
            if not opening and not settled_now:
                said = said or self._trigger(cl, state, "turn")
        closing = self.scenario.closing
        proposes = bool(a.moves & (_PROPOSING | {Move.PROPOSE_SOLUTION}))
        told = not a.is_question and len(a.topic_stems) >= 2
        if closing is not None and (proposes or told):
            self._signals_told(cl, state, a, proposes=proposes)
        if not said and not cool and not opening and closing is not None and (
            not state.closing["agreed"] and not state.pending_objection
        ):
            for i, signal in enumerate(closing.buying_signals):
                if i in state.signals_sent or any(
                        f in state.revealed or f"short:{f}" in state.flags for f in signal.about):
                    continue  # its topic is settled: "how soon could you start?" after 1 Sept
                if signal.after_turn <= state.turn:
                    state.signals_sent.append(i)
                    said = self._pick(cl, state, f"signal:{i}", cl.texts(signal.text))
                    break
        end = self._end_check(cl, state, events)
        if end and state.end_reason == "patience":
            return end
        return " ".join(p for p in (said, end) if p)

    def _signals_told(self, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis, *,
                      proposes: bool = False) -> None:
        """A buying signal the learner already answered ("we lease label and office
        printers") is not asked later ("do you do label printers too?"); nor one the
        learner just offered ("shall we do a trial week?" - "could we do a trial week
        first?"): one shared word is enough then."""
        closing = self.scenario.closing
        assert closing is not None
        for i, signal in enumerate(closing.buying_signals):
            if i in state.signals_sent:
                continue
            texts = cl.texts(signal.text)
            if not texts:
                continue
            stems = {st for st, w in zip(*_content(cl, str(texts[0])), strict=True)
                     if len(st) > 3 and w not in cl.lm.lexicon.stopwords}
            if len(stems & a.topic_stems) >= (1 if proposes else 2):
                state.signals_sent.append(i)

    def _end_check(self, cl: CompiledLanguage, state: SessionState, events: list[str]) -> str:
        """The buyer ends the call when her patience or the time runs out."""
        if state.ended:
            return ""
        if state.patience <= 0 and state.turn >= PATIENCE_MIN_TURNS:
            self._end(state, "patience", events)
            return self._line(cl, state, "end_patience")
        if state.turn >= self.scenario.scoring.max_turns:
            self._end(state, "max_turns", events)
            return self._line(cl, state, "out_of_time")
        return ""

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
        texts = cl.texts(override) if override is not None else []
        if not texts or (len(texts) < 2 and state.flags.get(f"said:{key}", 0) >= 1):
            # said before, and the scenario wrote one version: the stock variants take over
            texts = texts + list(cl.lm.lexicon.line(key, self.scenario.buyer.address))
        if key in _ONCE_A_CALL_LINES:
            return self._pick(cl, state, f"line:{key}", texts)
        return self._next(state, key, texts)

    @staticmethod
    def _next(state: SessionState, key: str, texts: list[Any]) -> str:
        """A line said again takes the next variant: a person rephrases, and one sentence
        in every other reply reads as a wall. Deterministic per seed, like ``_pick``."""
        if not texts:
            return ""
        uses = state.flags.get(f"said:{key}", 0)
        state.flags[f"said:{key}"] = uses + 1
        first = zlib.crc32(f"{state.seed}:line:{key}".encode())
        return str(texts[(first + uses) % len(texts)])

    @staticmethod
    def _pick(cl: CompiledLanguage, state: SessionState, key: str, texts: list[Any]) -> str:
        """Deterministic per session and turn, so a replayed call reads the same."""
        if not texts:
            return ""
        h = zlib.crc32(f"{state.seed}:{key}:{state.turn}".encode())
        return str(texts[h % len(texts)])


# Reactions that say she has no answer; a concern she raises in the same reply replaces them.
_NON_ANSWERS = frozenset({"a specific fact she has not at hand", "vague open question",
                          "clear question she has no answer to", "question she cannot place"})
_ASKING_ACTS = frozenset({Act.FACT_QUESTION, Act.SMALL_TALK, Act.SUMMARY,
                          Act.OBJECTION_RESPONSE})
_DEEPER_SPIN = frozenset({"implication", "need_payoff"})
_PROPOSING = frozenset({Move.ASK_FOR_ORDER, Move.PROPOSE_NEXT_STEP})
_MONTHS = {name: i % 12 + 1 for names in (
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"),
    ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"),
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
) for i, name in enumerate(names) if name != "may"}  # "may I come by?" names no month
# a capitalised word inside a sentence (not after . ! ? or at the start): a name
_INNER_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)(?<=\s)([A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff]{2,})\b")
_CALENDAR_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "christmas", "easter", "kerst", "pasen"})
_OPENING_ACTS = frozenset({Act.GREET_INTRODUCE, Act.STATE_OBJECTIVE, Act.SMALL_TALK,
                           Act.GOODBYE})

# Lines said at most once in a call, picked as before (a replayed call reads the same).
# her own contact details: "your e-mail address", "ur email", "uw mailadres"
_OWN_CONTACT = re.compile(
    r"\b(?:your|ur|uw|je|jouw)\s+(?:e-?mail|mail|phone|mobile|number|card|contact|"
    r"telefoon|nummer|kaartje|visitekaartje|gegevens|contactgegevens|e-?mailadres|mailadres)",
    re.IGNORECASE)
# Someone else's details: "the e-mail address of your director", "het nummer van Monique",
# "the director's e-mail" (not "your e-mail address for the invite")
_OTHERS_CONTACT = re.compile(
    r"\b(?:e-?mail|mail|phone|mobile|number|contact|card|address|telefoonnummer|nummer|"
    r"gegevens|contactgegevens|e-?mailadres|mailadres|adres)\s+(?:address\s+|details\s+)?"
    r"(?:of|from|van)\s+(?!you\b|u\b|jou\b|jezelf\b|yourself\b)\w"
    r"|\b\w+'s\s+(?:e-?mail|mail|phone|mobile|number|contact)", re.IGNORECASE)
_ONCE_A_CALL_LINES = frozenset({"greet_back", "greet_again", "goodbye", "goodbye_unagreed",
                                "bye_after_agreement",
                                "end_patience", "end_rude", "out_of_time"})


def _same_stem(st: str, q: str) -> bool:
    """A compound ends in its head: "overtyp(en)" is about "typ(en)"."""
    return st == q or (len(st) >= 3 and len(q) >= 5 and q.endswith(st)) or (
        len(q) >= 3 and len(st) >= 5 and st.endswith(q))


def _content(cl: CompiledLanguage, text: str) -> tuple[list[str], list[str]]:
    said = cl.lm.analyze(text)
    return said.stems, said.words


def _once_each(parts: list[str]) -> list[str]:
    """Two answers that share a sentence ("Once or twice a month." ends one fact and
    starts the next) say it once: a person does not repeat herself within one reply."""
    said: set[str] = set()
    out: list[str] = []
    for part in parts:
        sentences = _sentences(part)
        fresh = [x for x in sentences if x not in said]
        said.update(sentences)
        if fresh:
            out.append(part if len(fresh) == len(sentences) else " ".join(fresh))
    return out


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00dd'\"])")
_NUMBER_WORDS = frozenset({"twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
                           "twintig", "dertig", "veertig", "honderd", "anderhalve", "half",
                           "two", "three", "four", "five", "six", "seven", "eight", "nine",
                           "ten", "twenty", "thirty", "forty", "hundred"})


_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
_WHO = frozenset({"who", "whom", "wie"})
_GENERIC = frozenset({"thing", "things", "anything", "something", "ding", "dingen", "iets"})
# Times a summary may get wrong: a part of the day, a month, a weekday, the year's end.
_DAY_PARTS = {"morning": "morning", "mornings": "morning", "ochtend": "morning",
              "ochtends": "morning", "afternoon": "afternoon", "afternoons": "afternoon",
              "middag": "afternoon", "middags": "afternoon", "evening": "evening",
              "evenings": "evening", "avond": "evening", "avonds": "evening",
              "night": "night", "nights": "night", "nacht": "night", "nachts": "night"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_YEAR_END = re.compile(r"\b(?:(?:the )?end of (?:the|this) year|year[- ]end|"
                       r"(?:het )?eind(?:e)? (?:van )?(?:het|dit) jaar|jaareinde)\b", re.I)


def _times(text: str) -> dict[str, str]:
    """The times a text names, as typed -> what kind ("'s avonds" and "evenings" are one)."""
    found: dict[str, str] = {m.group(): "year_end" for m in _YEAR_END.finditer(text)}
    for m in re.finditer(r"(?:'s\s+)?(\w+)", text):  # "'s avonds" is quoted whole
        raw, word = m.group(0), m.group(1).lower()
        if word in _DAY_PARTS:
            found[raw] = _DAY_PARTS[word]
        elif word in _MONTHS and (len(word) > 3 or word == "mei"):  # "Jan" is a name too
            found[raw] = f"month{_MONTHS[word]}"
        elif word in _WEEKDAYS:
            found[raw] = f"day{_WEEKDAYS.index(word) % 7}"
    return found


def _figure(raw: str) -> float:
    """ "2,50" and "2.50" are one figure."""
    return float(raw.replace(",", "."))


def _lower_first(text: str, names: frozenset[str]) -> str:
    """"As I said: the contract ..." but "as I said: Joke and Ahmed ...": a name keeps its
    capital."""
    first = text.split(" ", 1)[0].strip(".,;:!?'\"()")
    if first in names or not text[:2].isalpha() or text[:2].isupper():
        return text
    return text[:1].lower() + text[1:]
