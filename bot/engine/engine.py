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
from dataclasses import dataclass, field
from datetime import date

from bot.engine.acts import (
    CLOSING_ACTS,
    INFORMATION_ACTS,
    Act,
    Move,
    bare_check,
    invites_her_story,
    isolates_her_concern,
    main_act,
    pitch_keeps_question,
)
from bot.engine.analysis import TurnAnalysis, analyze_turn
from bot.engine.closing import (
    PROPOSING,
    SITUATION_STREAK,
    after_turn,
    at_their_time,
    closing_reply,
    date_not_agreed,
    end_check,
    month_answer,
    offer_told,
    past_her_deadline,
    situation_streak,
)
from bot.engine.compiled import CompiledLanguage, CompiledScenario
from bot.engine.context import ScenarioContext
from bot.engine.fact_answers import (
    about_contact,
    answer_facts,
    asks_contact,
    asks_further,
    asks_own,
    content_stems,
    follow_up,
    further_fact,
    gist_of,
    names_contact,
    names_in,
    pain_told,
    tells_of,
)
from bot.engine.lines import end_call, once, pick, remember_said, stock_line, unsaid_part
from bot.engine.objections import (
    anticipated,
    bring_in_line,
    check_after_handling,
    check_answered,
    checks_her_answer,
    invited_money_concern,
    note_offered,
    objection_step,
    pending_named,
    proposal_while_objecting,
    raise_objection,
    reopen_rested,
    take_as_check,
    tick_explained,
    trigger,
)
from bot.engine.policy import (
    LEAVES_ON_A_REFUSED_DATE,
    Outcome,
    Turn,
    apply_effects,
    events_for,
    reaction,
)
from bot.engine.state import ObjectionState, SessionState, TurnRecord
from bot.engine.summary_check import (
    dated_proposal,
    mark_figures,
    mark_once,
    misnamed,
    misquoted,
    mistimed,
    recapped,
    right_version,
    unsaid,
    unsaid_point,
    unvoiced_need,
)
from bot.engine.text import MAX_LEARNER_CHARS
from bot.engine.wording import lower_first, split_sentences
from bot.scenario.model import Scenario

RECALL_RULES = frozenset({"an answer that misses her point",
                          "an answer that misses her price point after a discount",
                          "an answer that misses her point after a discount"})

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
        self.ctx = ScenarioContext(self.cs)

    # -- public API -------------------------------------------------------------------
    def start(self, lang: str | None = None, seed: int | None = None,
              today: date | None = None) -> SessionState:
        """A new call; ``state.opening`` holds the buyer's first words. ``today`` is the day
        the call takes place: the months the learner proposes are read against it, unless
        the scenario sets the month of its own calendar."""
        lang = lang or self.scenario.languages[0]
        cl = self.cs.language(lang)
        seed = random.randrange(1 << 30) if seed is None else seed
        state = SessionState(
            scenario_id=self.scenario.id,
            lang=lang,
            seed=seed,
            trust=float(self.scenario.buyer.trust.start),
            patience=self.scenario.buyer.patience,
            month=self.scenario.month or (today.month if today is not None else 0),
        )
        for objection in self.scenario.objections:
            state.objections[objection.id] = ObjectionState()
        opening = [pick(cl, state, "greeting", cl.texts(self.scenario.buyer.greeting))]
        for objection in self.scenario.objections:
            if objection.raise_when.after == "start":
                opening.append(raise_objection(self.ctx, cl, state, objection.id))
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
            line = stock_line(self.ctx, cl, state, "bye_after_agreement" if state.closing["agreed"]
                              else "goodbye")
            return TurnResult(line, TurnAnalysis(False, None, None, False, empty=True), True)
        state.turn += 1
        a = analyze_turn(text, self.cs, cl, state)
        if not state.pending_objection and a.moves & {Move.ACKNOWLEDGE, Move.CLARIFY} and (
            reopen_rested(self.ctx, cl, state, text)
        ):
            # "about your concern earlier: I understand ..." takes it up again
            a = analyze_turn(text, self.cs, cl, state)
        if not state.pending_objection and anticipated(self.ctx, cl, state, a, text):
            # "I see fifty cents stands out. What do they offer for it?": the learner takes up
            # the concern before she voices it; the message answers it, she does not raise it
            a = analyze_turn(text, self.cs, cl, state)
        if checks_her_answer(state, text):
            # "does that make it easier to explain internally?", "is de prijs nog een bezwaar?"
            take_as_check(self.ctx, a, text)
        act = main_act(a, state)
        a.act = act
        _credit_offer_on_her_words(self.cs, state, a)
        if act is Act.GOODBYE and "?" not in text:
            a.form = a.spin = None  # "thanks, have a nice day!" asks nothing
        if act in (Act.SMALL_TALK, Act.GREET_INTRODUCE) and not a.facts:
            a.spin = None  # "did you survive the quarter closing?" gathers no information
        events: list[str] = []
        if Move.RUDE in a.moves:
            state.trust = -5.0
            end_call(state, "rude", events)
            reply = stock_line(self.ctx, cl, state, "end_rude")
        else:
            reply = self._plan(cl, state, a, events, text)
        if act is Act.OBJECTION_RESPONSE and "check" in a.steps and "clarify" not in a.steps:
            a.spin = None  # "would that help you?" checks her objection, it asks no facts
        if isolates_her_concern(a, act):
            a.spin = None  # "apart from the price, is there anything else?" isolates it
        if a.opinion_of_offer and act is Act.FACT_QUESTION:
            a.spin = None  # "what did you think of our proposal?" asks her opinion of it
        if invites_her_story(a, act):
            a.spin = "situation"  # "I'm Tom from SchoonWerk. Tell me about yourself?"
        elif act not in INFORMATION_ACTS and not pitch_keeps_question(a, act):
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
        return stock_line(self.ctx, cl, state, "bye_after_agreement" if state.closing["agreed"]
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
                 own_pitch_lines=len(cl.texts(self.scenario.buyer.lines["pitch"]))
                 if "pitch" in self.scenario.buyer.lines else 0,
                 past_opening="past_opening" in state.flags,
                 pain_told=pain_told(self.ctx, cl, state, a))
        if t.act is Act.SMALL_TALK and "small_talk" in self.scenario.buyer.lines:
            own = " ".join(str(x) for x in cl.texts(self.scenario.buyer.lines["small_talk"]))
            t.chat_line_fits = bool(content_stems(self.ctx, cl, own) & a.topic_stems)
        if t.act not in (Act.GREET_INTRODUCE, Act.SMALL_TALK):
            state.flags.setdefault("past_opening", state.turn)
        elif t.follow_up and not t.past_opening:
            t.greets_with_chat = Move.SMALL_TALK in a.moves or _echoes(
                cl, state.opening, text,
                names_in(self.ctx, cl, state.lang) | frozenset(self.scenario.buyer.name.split()))
        mark_once(t)
        mark_figures(self.ctx, t, text)
        t.summarizing = bool(
            state.pending_objection and t.act is Act.OBJECTION_RESPONSE and Move.SUMMARIZE
            in a.moves and text.rstrip().endswith("?") and not a.moves & PROPOSING)
        if t.act is Act.SUMMARY or t.summarizing:
            # every wrong part is corrected ("Bloemendaal, evening?"), in the order said
            recap = recapped(cl, a.moves, text)
            wrong = [w for w in (misquoted(self.ctx, cl, state, recap), mistimed(
                self.ctx, cl, state, recap), misnamed(self.ctx, cl, state, recap),
                unvoiced_need(self.ctx, cl, state, recap)) if w]
            point = "" if wrong else unsaid_point(self.ctx, cl, state, recap)
            if point:
                # "so cleaner, and invoices later too?": that point is not hers, the rest is
                t.rest_right = True
                wrong = [point]
            t.misquoted = ", ".join(sorted(wrong, key=lambda w: text.find(w)))
            t.unsaid = not t.misquoted and unsaid(self.ctx, cl, state, recap)
        note_offered(state, a, text)
        if state.pending_objection:
            objection_step(self.ctx, cl, t, events, names_contact(cl, a, text))
            if t.outcome is Outcome.HANDLED and a.form != "open":
                # her acceptance is the answer; "what if it costs less than the penalties?"
                # does not also ask about the penalties
                a.answered = []
            elif t.outcome is Outcome.HANDLED:
                # "... How does that compare with Vers & Co?" after the argument: her
                # acceptance answers it; Vers & Co's offer, told before, is not told again
                a.answered = [f for f in a.answered if f not in state.revealed and (
                    f"explained_objective:{self.cs.facts[f].objective}" not in state.flags)]
            if t.outcome is Outcome.CLARIFIED:
                # Her explanation answers the clarifying question; only a fact she has not
                # told yet is worth adding ("what are you comparing with?" is not "who cleans")
                a.answered = [f for f in a.answered if f not in state.revealed and (
                    f"explained_objective:{self.cs.facts[f].objective}" not in state.flags)]
        if a.answered and a.form == "closed" and not a.fact_forms and (
                thing := _asked_to_exist(text)) and not set(a.answered) & set(
                    cl.facts.match(cl.lm.analyze(thing))) and not any(
                tells_of(self.ctx, cl, state, f, thing.split()[0]) for f in a.answered):
            # "Will there be a terrace at the new canteen?": the canteen's opening date
            # says nothing of a terrace; she has no answer to it rather than a wrong one,
            # and the card ticks nothing for it
            dropped = {self.cs.facts[f].objective for f in a.facts}
            a.objectives = [o for o in a.objectives if o not in dropped]
            a.answered = []
        # "what did you think of the 9.40?": her price concern is the answer
        invited = invited_money_concern(self.ctx, cl, state, a, text)
        contact = asks_contact(cl, t, text)
        others_asked = False
        if contact:
            # "could you send me the name of whoever handles your POs?": she gives it; the
            # invoicing she told about is no answer to it (a fact not told yet still is:
            # "who else should I invite, and at which address?")
            a.answered = [f for f in a.answered
                          if about_contact(self.ctx, cl, f) or f not in state.revealed]
            others_asked = bool(_OTHERS_CONTACT.search(text))
            if others_asked:
                # "the e-mail address of your director": not her own card; a question of
                # its own ("and may we send you our newsletter?") still gets its answer
                others = " ".join(s for s in split_sentences(text) if _OTHERS_CONTACT.search(s))
                asked = cl.facts.match(cl.lm.analyze(others))
                a.answered = [f for f in a.answered
                              if not about_contact(self.ctx, cl, f) or f not in asked]
            else:
                # her card, where the scenario has one ("here's my card"), also when the
                # message was read as a proposal ("... so I can send a confirmation?")
                found = a.facts or list(cl.facts.match(cl.lm.analyze(text)))
                a.answered += [f for f in found if f not in a.answered
                               and about_contact(self.ctx, cl, f)][:1]
        if t.act is Act.PITCH and "?" not in text and not state.pending_objection:
            # "Our printers come with remote monitoring ... Could be nice for you guys.":
            # a pitch asks her nothing; the service it names is no question about hers
            a.answered = []
        answers = answer_facts(self.ctx, cl, t, events)
        if not answers and (not a.facts or a.consequence_of_told) and asks_further(cl, t, text):
            # "what does that mean for you?" right after she told the retyping: the next
            # thing she knows (the corrections), not "I've never added that up"
            deeper = next((d for f in state.last_answered
                           if (d := further_fact(self.ctx, self.cs.facts[f], t)) is not None),
                          None)
            if deeper is not None and state.trust >= self.cs.facts[deeper].trust:
                a.answered = [deeper]
                answers = answer_facts(self.ctx, cl, t, events)
        if answers:
            state.flags["answered_turn"] = state.turn
        if not contact and not answers and _ASKS_WHERE_TO_SEND.search(text):
            # "Naar wie mag ik de bevestiging sturen?", "who should I send it to?": to her
            answers.append(stock_line(self.ctx, cl, state, "contact_send_to"))
        elif contact and (others_asked or not any(
                about_contact(self.ctx, cl, f) for f in a.answered)):
            # "what's your e-mail address?" gets her card, not "I'll e-mail you the details";
            # Monique's address or the director's is passed on later
            answers.append(stock_line(self.ctx, cl, state, "contact_own" if asks_own(text)
                                      else "contact_yes"))
        elif not answers and not invited and (not state.pending_objection or (
                t.outcome is Outcome.NONE and not a.about_objection)):
            # a follow-up on her last answer is answered while her objection waits too
            answers = follow_up(self.ctx, cl, t, events)
            if answers:
                state.flags["answered_turn"] = state.turn  # a further follow-up builds on it
        elif answers:
            state.last_answered = list(a.answered)
        if _ASKS_HOW_SHE_LIKES_HER_JOB.search(text) and not state.pending_objection and not any(
                self.cs.facts[f].small_talk for f in a.answered):
            # "How do you like working here?", "Werkt u hier graag?": about her, not about
            # the cleaning she is (or is not) happy with
            told = {self.cs.facts[f].objective for f in a.facts}
            a.objectives = [o for o in a.objectives if o not in told]
            a.answered, a.facts = [], []
            answers = [stock_line(self.ctx, cl, state, "likes_her_job")]
        t.answered = bool(answers)
        bring_in = invited
        if t.act in CLOSING_ACTS and ("objective_stated" in t.fresh or contact):
            pass  # an agenda that ends in "and then we see about a follow-up" plans the visit
        elif (t.act in CLOSING_ACTS or dated_proposal(t)) and not state.pending_objection:
            bring_in = closing_reply(self.ctx, cl, t, events)
            if t.outcome is Outcome.HANDLED:
                if "too_late" in events:
                    # "fair enough, show it with our data" is a yes to the demo, not to
                    # 14 January when notice is due by 1 October: she says so after it
                    # ("But not on that date." joins the yes to the demo and the no to
                    # the date: one without the other reads as changing her mind)
                    bring_in = bring_in or " ".join(p for p in (stock_line(
                        self.ctx, cl, state, "not_that_date"), t.closing_text) if p)
                t.closing_text = ""  # her acceptance is the answer; no second reaction
        elif t.act in CLOSING_ACTS or (t.act is Act.SUMMARY and state.pending_objection
                                       and bool(a.moves & PROPOSING)) or (
                t.outcome is Outcome.ACKNOWLEDGED and bool(a.moves & PROPOSING)):
            # "so all that's left is choosing when you switch; shall we fix that today?"
            # right after she refused to switch: no "yes, that's right"; "I understand.
            # Shall we do the demo on Friday?" gets her answer to the proposal, not "I'm
            # glad you understand"
            t.closing_text = past_her_deadline(
                self.ctx, cl, t, proposal_while_objecting(self.ctx, cl, t), events)
        if not bring_in and t.outcome is Outcome.HANDLED and not self.scenario.closing and (
                t.act not in CLOSING_ACTS and Move.PROPOSE_NEXT_STEP in a.moves):
            # "shall I ring you in March, so you can compare in time?" settled her concern
            # and names a month: after her acceptance, whether it is in time
            bring_in = month_answer(self.ctx, cl, t)
        if t.act is Act.SOLUTION and not state.pending_objection:
            if once(state, "solution_tied"):
                t.fresh.add("solution_tied")
                if state.phase not in ("closing", "ended"):
                    state.phase = "presentation"
            events.append("solution")
            if not bare_check(a):
                bring_in = bring_in or trigger(self.ctx, cl, state, "solution")
        checks = (Move.CHECK in a.moves or a.act is Act.OBJECTION_RESPONSE) and a.is_question
        # In a drill, "Shall I call you tomorrow at 9 to arrange it?" once the buyer took the
        # answer asks him to commit to it: his yes is the check (as trainers count it). Only
        # after the answer: a pitch that ignores him and names a time has handled nothing.
        checks = checks or (self.scenario.kind == "drill" and t.act is Act.NEXT_STEP_PROPOSAL
                            and a.is_question and a.concrete_time)
        if checks and t.outcome is Outcome.NONE and not state.pending_objection and (
                check_after_handling(self.ctx, state, a)):
            t.fresh.add("checked_after")
        if situation_streak(self.ctx, state, a) >= SITUATION_STREAK:
            state.flags["situation_overload"] = state.turn
            t.fresh.add("situation_overload")
        rule = reaction(t)
        rule_name = rule.name if rule is not None else ""
        concern_recalled = False
        react = ""
        if rule is not None:
            if rule.line == "@closing":
                react = t.closing_text
            elif rule.line == "@objection":
                react = t.objection_text
                if t.outcome is Outcome.HANDLED:
                    react = at_their_time(self.ctx, cl, t, react)
            elif not (rule.line == "solution_ack" and bring_in):
                line = rule.line if rule.line != "@summary" else (
                    "summary_misquoted" if t.misquoted
                    else "summary_unsaid" if t.unsaid else "summary_ack")
                react = stock_line(self.ctx, cl, state, line)  # an objection replaces the praise
                react = react.replace("{figure}", t.misquoted)
                if line == "summary_misquoted":
                    right = [right_version(self.ctx, cl, state, text, w)
                             for w in t.misquoted.split(", ")]
                    right = _one_lead(right, cl.lm.lexicon.line(
                        "repeat", self.scenario.buyer.address))
                    react = " ".join(dict.fromkeys(p for p in (react, *right) if p))
                    if t.rest_right:
                        react = f"{react} {stock_line(self.ctx, cl, state, 'summary_rest_right')}"
        if t.act is Act.SMALL_TALK and a.about_objection and not answers and (
                rule_name.startswith("small talk")):
            # "Heeft u in het weekend eigenlijk genoeg mensen?" after "I'm four people short
            # at weekends": not "yes, anyway", but what she said of it
            recalled = self._her_concern_again(cl, state, a)
            concern_recalled = bool(recalled)
            react = recalled or react
        if rule_name == "check after handling":
            react = check_answered(cl, self.scenario.buyer.address, react, text)
        apply_effects(state, events_for(t))
        if t.act is Act.GOODBYE or rule_name == LEAVES_ON_A_REFUSED_DATE:
            end_call(state, "goodbye", events)
        bring_in = bring_in or bring_in_line(
            self.ctx, cl, t, answers, events, agreed=bool(react) and rule_name in AGREEING,
            reacted=bool(react) and rule_name not in RECALL_RULES)
        if answers and (rule_name.startswith("small talk") or (
                rule_name == "invited to introduce herself"
                and any(self.cs.facts[f].small_talk for f in a.answered))):
            # "how long have you worked here?" gets her answer, not "busy as ever" or her
            # whole introduction before it
            react = ""
        if "objection_rested" in t.fresh and rule_name in RECALL_RULES:
            react = ""  # "let's move on" replaces "that concern still stands", not joins it
        if a.is_question and a.answered and a.facts and not _answered_as_asked(self.cs, a):
            # "Yours is one of the nicest receptions. How long have you worked here?" gets
            # how long she has worked there: the word that matched another fact ("reception")
            # was not what she was asked, so its objective is not credited
            told = {self.cs.facts[f].objective for f in a.answered}
            matched_only = {self.cs.facts[f].objective for f in a.facts} - told
            a.objectives = [o for o in a.objectives if o not in matched_only]
        elif a.is_question and a.answered and not a.fact_forms and (
                set(a.answered) < set(a.facts)):
            # "wanneer loopt het contract met jullie huidige leverancier af?" asks one thing,
            # the contract's end: the supplier its side words also matched is not told, so
            # the card does not tick it (a fact she holds back for trust still counts)
            told = {self.cs.facts[f].objective for f in a.answered}
            passed = {self.cs.facts[f].objective for f in a.facts if f not in a.answered
                      and state.trust >= self.cs.facts[f].trust} - told
            kept = {self.cs.facts[f].objective for f in a.facts if f not in a.answered
                    and state.trust < self.cs.facts[f].trust}
            a.objectives = [o for o in a.objectives if o not in passed - kept]
        if a.is_question:
            # the fact she answers to a question counts for its objective, also when she
            # found it by what she already said rather than by the question's words ("how
            # much cheaper are they?" gets Vers & Co's offer: the competitor is learned)
            a.objectives += [o for f in a.answered if (o := self.cs.facts[f].objective)
                             and o not in a.objectives]
        _tick_objectives(state, a)
        # a refusal, a rebuke or a stall is no moment to sound keen: no buying signal
        cool = (rule is not None and rule.cool) or bool(
            t.closing_text and "agreed" not in events) or any(
            e.startswith("guarded:") or e == "stall" for e in events)
        so_far = " ".join(p for p in (react, *answers, bring_in) if p)
        if bring_in:
            offer_told(self.ctx, cl, state, a, text)  # the concern it set off aside
            tail = end_check(self.ctx, cl, state, events, reply=so_far, text=text)
        else:
            # her reply so far only tells (her concern again, a fact): a plan he adds at a
            # drill's end is still hers to take up ("Anders kom ik na Pasen nog eens langs")
            only_tells = (concern_recalled or (not react and bool(a.answered))) and not any(
                e.startswith("guarded:") for e in events) and not contact
            tail = after_turn(self.ctx, cl, state, a, events, cool=cool, text=text,
                              settled=rule_name == "check after handling",
                              answered_proposal=bool(t.closing_text), reply=so_far,
                              plan_open=only_tells)
        if rule_name in _NON_ANSWERS and not answers and any(
                o.raised_turn == state.turn for o in state.objections.values()):
            # "who's the boss on this?" - "I'd have to go to Ruud with it": the concern she
            # raises is her answer; "I can't say much about that" before it contradicts it
            react = ""
        # "I'll send you the invitation" after she put the date off: she says so first
        unagreed = date_not_agreed(self.ctx, cl, t)
        # two guarded facts asked at once get one refusal, not the same sentence twice
        parts = dict.fromkeys(p for p in (unagreed, react, *answers, bring_in, tail) if p)
        # a stock sentence she said before in the call is left out the second time (her
        # answers say it again their own way: "as I said ...")
        fresh = {p: p if p in answers else unsaid_part(state, p) for p in parts}
        remember_said(state, [p for p in parts if p not in answers])
        if any(fresh.values()) or ("pitch" in rule_name and not state.pending_objection):
            # all of it said before (a sixth pitch after five replies to pitches): her
            # short "hm, go on" below; anything else she says again rather than nothing
            parts = dict.fromkeys(fresh[p] for p in parts if fresh[p])
        reply = " ".join(_once_each(list(parts))).strip()
        if t.outcome is Outcome.CLARIFIED:
            tick_explained(self.ctx, cl, state, reply)
        return reply or self._nothing_else(cl, t) or stock_line(self.ctx, cl, state, "default")

    def _her_concern_again(self, cl: CompiledLanguage, state: SessionState,
                           a: TurnAnalysis) -> str:
        """The sentence of her last raised concern that the question asks about, as she
        said it before ("Zoals ik al zei: ik kom vier man tekort in de weekenden ...")."""
        raised = [(o.raised_turn, oid) for oid, o in state.objections.items()
                  if o.raised_turn is not None]
        if not raised:
            return ""
        oid = max(raised)[1]
        texts = cl.texts(self.cs.objections[oid].text)
        if not texts:
            return ""
        gist = gist_of(cl, str(texts[0]), a)
        leads = cl.lm.lexicon.line("repeat", self.scenario.buyer.address)
        if not gist or not leads:
            return gist
        return f"{leads[0]}{lower_first(gist, names_in(self.ctx, cl, state.lang))}"

    def _nothing_else(self, cl: CompiledLanguage, t: Turn) -> str:
        """Her reply when nothing else answers the message, where "hm, go on" would not
        do: a proposal for her needs gets her reaction to it ("that could fit, tell me how
        it works"), a question about her pending concern what the concern is about."""
        state, a = t.state, t.a
        if t.act is Act.SOLUTION and not state.pending_objection:
            return stock_line(self.ctx, cl, state, "solution_ack")
        oid = state.pending_objection
        if oid is None or not a.is_question or t.outcome not in (
                Outcome.ACKNOWLEDGED, Outcome.NONE):
            return ""
        # "when you say cheaper, is that per lunch or for the whole package?": she says
        # what her concern is about, once; after that she names it
        objection = self.cs.objections[oid]
        explain = cl.texts(objection.explain) if objection.explain else []
        if explain and once(state, f"explained:{oid}"):
            reply = pick(cl, state, f"explain:{oid}", explain)
            tick_explained(self.ctx, cl, state, reply)
            return reply
        return pending_named(self.ctx, cl, state, oid)


# "is there a terrace?", "will there be a terrace at the new canteen?", "komt er ook een
# terras?", "is er een parkeerplaats?": the thing asked to exist
_EXISTS = re.compile(
    r"\b(?:is there|will there be|would there be|is there going to be|is er|komt er)"
    r"\s+(?:also\s+|ook\s+|nog\s+)?(?:a|an|een)\s+(\w{4,}(?:\s+\w+){0,2})", re.IGNORECASE)


_NO_THING = frozenset({"anything", "something", "anyone", "someone", "anybody", "somebody",
                       "iets", "iemand", "niets", "niemand", "nothing", "more", "meer", "other",
                       "another", "andere", "ander"})


def _asked_to_exist(text: str) -> str:
    """The thing a yes/no question asks to exist ("terrace"), or "" (none, or a word such
    as "anything" that names no thing: "is there anything that bothers you?")."""
    match = _EXISTS.search(text)
    words = match.group(1).lower().split() if match else []
    return "" if not words or words[0] in _NO_THING else " ".join(words)


# Reactions that say she has no answer; a concern she raises in the same reply replaces them.
_NON_ANSWERS = frozenset({"a specific fact she has not at hand", "vague open question",
                          "clear question she has no answer to", "question she cannot place"})


# Someone else's details: "the e-mail address of your director", "het nummer van Monique",
# "the director's e-mail", "the partners' e-mail addresses", "mailadres voor je directeur"
# (not "your e-mail address for the invite")
_OTHERS_CONTACT = re.compile(
    r"\b(?:e-?mail|mail|phone|mobile|number|contact|card|address|telefoonnummer|nummer|"
    r"gegevens|contactgegevens|e-?mailadres|mailadres|adres)\s+(?:address\s+|details\s+)?"
    r"(?:of|from|van)\s+(?!you\b|u\b|jou\b|jezelf\b|yourself\b)\w"
    r"|\b\w+'s\s+(?:e-?mail|mail|phone|mobile|number|contact)"
    # "monique haar mailadres", "his number", "z'n nummer": someone else's
    r"|\b(?:haar|zijn|z'n|d'r|hun|his|her|their)\s+(?:e-?mail|mail|phone|mobile|number|contact|"
    r"telefoonnummer|nummer|gegevens|contactgegevens|e-?mailadres|mailadres|adres|address)"
    # "the partners' names and e-mail addresses", "een mailadres voor je directeur"
    r"|\b\w+s'\s+(?:names?\s+and\s+)?(?:e-?mail|mail|phone|mobile|number|contact)"
    r"|\b(?:for|voor|of|van)\s+(?:your|the|je|jouw|uw|de)\s+(?:director|directeur|partners?|"
    r"boss|baas|manager|owner|eigenaar|colleagues?|collega'?s?|cfo)\b", re.IGNORECASE)


# The seller asks where or to whom to send something: "Naar wie mag ik de bevestiging
# sturen?", "Naar welk adres zal ik de offerte mailen?", "Who should I send the order
# confirmation to?", "Where can I e-mail the quote?" (not "where do you send the parcels?")
_ASKS_WHERE_TO_SEND = re.compile(
    r"\b(?:naar wie|aan wie|naar welk\w*(?:\s+\S+)?|waar(?:heen)?)\s+(?:mag|moet|kan|zal|mogen|"
    r"moeten|kunnen|zullen)\s+(?:ik|we|wij)\b[^.!?]{0,60}\b(?:stur\w*|mail\w*|richt\w*|"
    r"adresser\w*|naartoe|heen)[^.!?]*\?"
    r"|\b(?:who|whom|where|which (?:e-?mail|address))\s+(?:should|shall|can|may|do|could|must)"
    r"\s+(?:i|we)\s+[^.!?]{0,60}\b(?:send|mail|e-?mail|address|forward)\w*[^.!?]*\?",
    re.IGNORECASE)


# A question how she likes her own job: "How do you like working here?", "Do you enjoy
# working here?", "Werkt u hier graag?", "Hoe bevalt het u om hier te werken?"
_ASKS_HOW_SHE_LIKES_HER_JOB = re.compile(
    r"\b(?:(?:like|enjoy|love)\s+working\s+(?:here|at|for|in)|enjoy (?:your|the) (?:job|work)|"
    r"how do you like (?:it here|your job|the job)|"
    r"(?:werkt u|werk je|werk jij) hier (?:graag|met plezier)|"
    r"bevalt (?:het|uw werk|je werk|jouw werk) (?:u|je|jou)?\s*(?:hier|om hier te werken|"
    r"hier te werken)|(?:vindt u|vind je) het (?:leuk|fijn) (?:om )?hier(?: te werken)?|"
    r"met plezier (?:hier )?(?:werkt|werken))", re.IGNORECASE)

ECHO_STEM = 6  # "kantine", "geboor": a word of her opening he takes up; "again", "weer" no


def _echoes(cl: CompiledLanguage, opening: str, text: str, names: frozenset[str]) -> bool:
    """The learner takes up something she said when she opened ("sorry about the drilling,
    that's our canteen-to-be" - "nice to see the canteen is getting there")."""
    lex = cl.lm.lexicon
    # greetings and thanks are said back, no topic taken up ("good morning" - "morning"),
    # and her name said back ("Hoekstra, De Friese Weide" - "good afternoon Mr Hoekstra")
    skip = lex.stopwords | {w for key in ("greet", "thanks") for cue in lex.moves.get(key, ())
                            for w in cue.replace("|", " ").split()} | {
                                n.lower() for name in names for n in name.split()}
    said, said_words = cl.stems_of(opening)
    heard = cl.lm.analyze(text)
    return any(len(w) >= ECHO_STEM and w not in skip and (st in said or w in said_words)
               for w, st in zip(heard.words, heard.stems, strict=True))


def _one_lead(parts: list[str], leads: tuple[str, ...]) -> list[str]:
    """Her corrections said again in one breath: "As I said: they come at four; offices
    three times a week ...", not "as I said" before each."""
    out: list[str] = []
    for part in dict.fromkeys(p for p in parts if p):
        lead = next((x for x in leads if part.startswith(x)), "")
        if lead and out and any(out[0].startswith(x) for x in leads):
            out[-1] = f"{out[-1].rstrip('.')}; {part[len(lead):]}"
        else:
            out.append(part)
    return out


def _once_each(parts: list[str]) -> list[str]:
    """Two answers that share a sentence ("Once or twice a month." ends one fact and
    starts the next) say it once: a person does not repeat herself within one reply."""
    said: set[str] = set()
    out: list[str] = []
    for part in parts:
        sentences = split_sentences(part)
        fresh = [x for x in sentences if x not in said]
        said.update(sentences)
        if fresh:
            out.append(part if len(fresh) == len(sentences) else " ".join(fresh))
    return out


def _answered_as_asked(cs: CompiledScenario, a: TurnAnalysis) -> bool:
    """She answered a fact the question was matched to, or what has to come first for it
    (her prerequisite told before the asked fact)."""
    answered = set(a.answered)
    return bool(answered & set(a.facts)) or any(
        answered & set(cs.facts[f].after) for f in a.facts if f in cs.facts)


def _credit_offer_on_her_words(cs: CompiledScenario, state: SessionState,
                               a: TurnAnalysis) -> None:
    """"u said the quality goes up and down. we'd put a fixed crew on it + a weekly check",
    "..., so the problems you mentioned would be sorted": a proposal read as the solution
    because it cites what she said works towards the objective of a solution tied to her
    needs, even where her words are not matched to one of the scenario's needs."""
    if a.act != Act.SOLUTION or not (
            state.needs_stated or (a.adjusts_offer and state.pending_objection)) or not (
            {Move.SUMMARIZE, Move.PROPOSE_SOLUTION} <= a.moves or (
                Move.SUMMARIZE in a.moves and a.tells_own_side and bool(a.tied_needs)) or (
                a.adjusts_offer and state.pending_objection)):
        # ("Then my suggestion: we fix the €4.40 employer part for the first year, ..." adapts
        # the offer to what she said just as well)
        return
    for objective in cs.objectives.values():
        if objective.id not in a.objectives and any(
                det.tied_to_need and Move.PROPOSE_SOLUTION in det.moves
                for det in objective.detect):
            a.objectives.append(objective.id)


def _tick_objectives(state: SessionState, a: TurnAnalysis) -> None:
    for objective in a.objectives:
        state.objectives.setdefault(objective, state.turn)
    for objective in a.vague_steps:  # ticked once a day is named for it
        state.flags.setdefault(f"vague_step:{objective}", state.turn)
