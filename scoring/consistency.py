"""Contradictions a card can be proven to hold against itself or the call. Pure.

A tip that says a step is missing while the card ticks it, praise for a line whose turn
did not do what the praise names, "you did not ask about X" when a turn asked it: each
costs the card its credibility with a learner who remembers what she typed. The checker
only reports what the card and the turn records prove; a tip it cannot check passes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.engine.acts import Act
from bot.engine.classify import names_day, names_time_of_day
from bot.engine.compiled import CompiledScenario
from bot.engine.state import ObjectionState, SessionState, TurnRecord
from scoring.card import ScoreCard
from scoring.feedback import (
    CLOSE_PARTS,
    EARLY_PITCH_ASKS,
    HANDLING_STEPS,
    REPEATABLE,
    Tip,
    exchange,
    in_sentence,
    proposed_in_words,
    quote,
    role_ids,
    steps_taken,
    told_by_spin,
)
from scoring.sections import WEAK_STEP, handling_steps, one_open_question, pitch_turns

# The classes of contradiction, as the report counts them.
TICKS = "tip_vs_ticks"  # a tip calls missing what the card ticks (or done what it does not)
TURNS = "tip_vs_turns"  # a tip calls missing what a turn record shows done
PRAISE = "praise_vs_turn"  # praise quoting a line whose turn did not do what it says
DUPLICATE = "duplicate"  # two tips making the same point (or quoting the same line)
BEFORE = "quote_before_objection"  # an answer to an objection quoted from before it
CLASSES = (TICKS, TURNS, PRAISE, DUPLICATE, BEFORE)

CLOSE_ACTS = (Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER)
STYLE_ONLY = ("good_", "strong_", "register", "full_marks_register", "full_marks_capital")
# What a praise tip claims its quoted turn did.
_PRAISE_ACTS = {"good_summary": (Act.SUMMARY,), "good_agenda": (Act.STATE_OBJECTIVE,),
                "good_solution": (Act.SOLUTION,), "good_close": CLOSE_ACTS,
                "good_close_order": (Act.ASK_ORDER,),
                "good_question_first": (Act.FACT_QUESTION,)}
_PRAISE_SPIN = {"good_implication": "implication", "good_need_payoff": "need_payoff"}
_PRAISE_STEP = {"good_acknowledge": "acknowledge", "good_clarify": "clarify",
                "good_check": "check", "good_objection": "respond"}
_OBJECTION_TIPS = ("objection", "objection_steps", "objection_open")
# A tip about the quoted turn's own form or act.
_CRITICISED_ACTS = {"vague_close": CLOSE_ACTS, "close_not_earned": CLOSE_ACTS,
                    "close_not_agreed": CLOSE_ACTS}


@dataclass(frozen=True)
class Contradiction:
    kind: str
    tip: str
    detail: str


def contradictions(cs: CompiledScenario, state: SessionState, card: ScoreCard,
                   turns: list[TurnRecord]) -> list[Contradiction]:
    """Every contradiction the card's tips hold that its ticks or the turns prove."""
    found: list[Contradiction] = []
    tips = list(card.tips)
    for tip in tips:
        found.extend(_against_ticks(cs, state, card, turns, tip))
        found.extend(_against_turns(cs, state, turns, tip))
        found.extend(_praise(state, turns, tip))
        found.extend(_before_objection(cs, state, turns, tip))
    found.extend(_duplicates(cs, state, tips))
    found.extend(_praise_vs_criticism(cs, state, card, turns, tips))
    found.extend(_early_pitch(cs, card, turns, tips))
    return found


def _early_pitch(cs: CompiledScenario, card: ScoreCard, turns: list[TurnRecord],
                 tips: list[Tip]) -> list[Contradiction]:
    """An offer the deduction calls untied while its tip calls it tied to what she said
    (or the other way round); a tip saying she had not yet told what the problem costs or
    a fix is worth when she answered that question before the offer; and a second tip
    coaching the question the early-pitch tip already asks."""
    out: list[Contradiction] = []
    early = [t for t in tips if t.key in EARLY_PITCH_ASKS]
    if "pitch" in card.deduction_reasons and early:
        out.append(Contradiction(TICKS, early[0].key, "calls the offer tied to what she said; "
                                 "the deduction says it was not tied to a need"))
    if "pitch_early" in card.deduction_reasons and any(t.key == "pitch" for t in tips):
        out.append(Contradiction(TICKS, "pitch", "calls the offer untied; the deduction says "
                                 "it was tied, only too early"))
    for tip in early:
        asks = EARLY_PITCH_ASKS[tip.key]
        found = _turn_of(turns, tip.values.get("quote"))
        if found is not None:
            before = turns[:found[0]]
            for kind, what in (("implication", "what the problem costs"),
                               ("need_payoff", "what a fix is worth")):
                if kind in asks and told_by_spin(cs, before, kind):
                    out.append(Contradiction(TURNS, tip.key, f"says she had not told {what}; "
                                             "she answered it before the offer"))
        for other in tips:
            if other.key in asks or other.key.startswith("solution"):
                out.append(Contradiction(DUPLICATE, other.key, f"coaches the step '{tip.key}' "
                                         "already coaches"))
    return out


def _praise_vs_criticism(cs: CompiledScenario, state: SessionState, card: ScoreCard,
                         turns: list[TurnRecord], tips: list[Tip]) -> list[Contradiction]:
    """Praise for a goal or a message that another tip on the card calls not done."""
    out: list[Contradiction] = []
    claimed = {_step_named(c): t.key for t in tips for c in _claims(cs, state, t)}
    for tip in tips:
        if tip.key == "good_task":
            for oid in _named(cs, state, tip, "task", cs.external_ids, sentence=True):
                if _step_named(oid) in claimed:
                    out.append(Contradiction(PRAISE, tip.key, f"praises '{oid}' done; "
                                             f"'{claimed[_step_named(oid)]}' calls it missing"))
                if not card.external.get(oid):
                    out.append(Contradiction(TICKS, tip.key,
                                             f"praises '{oid}' done; the card does not tick it"))
        found = _turn_of(turns, tip.values.get("quote"))
        if cs.scenario.kind == "drill" and tip.key.startswith("good_") and found is not None \
                and found[1].form == "open" and "step:clarify" in claimed \
                and _answers_an_objection(state, turns, found[1]):
            # in an objection drill, an open question asked after her objection is what
            # clarifying is
            out.append(Contradiction(PRAISE, tip.key, "praises an open question about the "
                                     f"objection; '{claimed['step:clarify']}' says nobody "
                                     "asked"))
        if tip.key == "good_first_message" and turns:
            first = quote(turns[0].learner)
            # (a word about capitals or shorthand is no fault in what the message did)
            critics = [t.key for t in tips if not t.key.startswith(STYLE_ONLY)
                       and t.values.get("quote") == first]
            if critics:
                out.append(Contradiction(PRAISE, tip.key, "praises the first message that "
                                         f"'{critics[0]}' criticises"))
            if claimed:
                out.append(Contradiction(PRAISE, tip.key, "says the first message did it all; "
                                         f"'{next(iter(claimed.values()))}' names a part "
                                         "still to do"))
    return out


def _labels(cs: CompiledScenario, state: SessionState, ids: Iterable[str],
            sentence: bool = False) -> dict[str, str]:
    cl = cs.language(state.lang)
    out = {}
    for oid in ids:
        label = cl.text(cs.objectives[oid].label)
        out[in_sentence(label) if sentence else label] = oid
    return out


def _named(cs: CompiledScenario, state: SessionState, tip: Tip, key: str, ids: Iterable[str],
           sentence: bool = False) -> list[str]:
    """The objective ids a tip's "; "-joined list of labels names."""
    text = tip.values.get(key)
    if not text:
        return []
    labels = _labels(cs, state, ids, sentence)
    return [labels[part] for part in text.split("; ") if part in labels]


def _turn_of(turns: list[TurnRecord], said: str | None) -> tuple[int, TurnRecord] | None:
    if said is None:
        return None
    return next(((i, t) for i, t in enumerate(turns) if quote(t.learner) == said), None)


def _claims(cs: CompiledScenario, state: SessionState, tip: Tip) -> set[str]:
    """The objectives (or handling steps) a tip says are still to do."""
    roles = role_ids(cs)
    key = tip.key
    if key.startswith("introduce") and "introduce" in roles:
        return {roles["introduce"]}
    if key.startswith("solution") and "solution" in roles:
        return {roles["solution"]}
    if key in ("no_close", "vague_close", "quote_close") and "follow_up" in roles:
        return {roles["follow_up"]}
    if key == "missed_internal":
        # "not_told" names items the learner asked for: the card ticks them (contract.md)
        # and marks them ❔ asked, not told; whether she told them is checked below
        return set(_named(cs, state, tip, "topics", cs.internal_ids))
    if key == "missed_external":
        return set(_named(cs, state, tip, "topics", cs.external_ids))
    if key in _OBJECTION_TIPS:
        return {f"step:{s}" for s in tip.values.get("steps", "").split(", ") if s}
    return set()


def _against_ticks(cs: CompiledScenario, state: SessionState, card: ScoreCard,
                   turns: list[TurnRecord], tip: Tip) -> list[Contradiction]:
    ticked = {o for o, met in {**card.internal, **card.external}.items() if met}
    out = [Contradiction(TICKS, tip.key, f"says '{o}' is still to do; the card ticks it")
           for o in sorted(_claims(cs, state, tip) & ticked)]
    if tip.key in _OBJECTION_TIPS:
        # a drill's goals named after the steps: the card ticks the step as a goal
        steps = {c.removeprefix("step:") for c in _claims(cs, state, tip)}
        out += [Contradiction(TICKS, tip.key, f"says step '{s}' is missing; the card ticks it")
                for s in sorted(steps & ticked)]
    # the card's objection block: a step it marks done is no step still open
    shown = {step for o in state.objections.values() if o.raised_turn is not None
             for step, done in handling_steps(o, turns).items() if done}
    if tip.key == "missed_external":
        out += [Contradiction(TICKS, tip.key, f"says step '{o}' is open; the card's objection "
                              "shows it done")
                for o in _named(cs, state, tip, "topics", cs.external_ids) if o in shown]
    if tip.key in _OBJECTION_TIPS:
        ostate = _objection_of(cs, state, tip)
        marked = {s for s, d in handling_steps(ostate, turns).items() if d} if ostate else set()
        out += [Contradiction(TICKS, tip.key, f"says step '{s}' is missing; the card's "
                              "objection shows it done")
                for s in tip.values.get("steps", "").split(", ") if s in marked]
    if tip.key == "no_close" and state.closing.get("agreed"):
        out.append(Contradiction(TICKS, tip.key, "says no close; the card records one agreed"))
    if tip.key in ("strong_call", "strong_drill", "strong_drill_part"):
        done = _named(cs, state, tip, "done", cs.external_ids, sentence=True)
        out += [Contradiction(TICKS, tip.key, f"names '{o}' done; the card does not tick it")
                for o in done if not card.external.get(o)]
    return out


def _against_turns(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                   tip: Tip) -> list[Contradiction]:
    key = tip.key
    acts = {t.act for t in turns}
    out: list[Contradiction] = []

    def flag(detail: str) -> None:
        out.append(Contradiction(TURNS, key, detail))

    if key.startswith("state_objective") and Act.STATE_OBJECTIVE in acts:
        flag("says the purpose was not stated; a turn stated it")
    if key.startswith("solution") and Act.SOLUTION in acts:
        flag("says no solution was proposed; a turn proposed one")
    if key in ("solution", "solution_follow_up") \
            and proposed_in_words(turns, pitch_turns(cs, state, turns)) is not None:
        flag("asks for a proposal; a turn proposed one in so many words")
    if key == "no_close" and acts & set(CLOSE_ACTS):
        flag("says no next step was proposed; a turn proposed one")
    if key == "summarise" and Act.SUMMARY in acts:
        flag("says there was no summary; a turn summed up")
    if key in ("implication", "need_payoff") and any(t.spin == key for t in turns):
        flag(f"says no {key} question was asked; a turn asked one")
    if key == "missed_internal":
        objective_of = {f.id: f.objective for f in cs.scenario.facts}
        asked = {objective_of.get(f) for t in turns for f in [*t.facts, *t.answered]}
        for oid in _named(cs, state, tip, "topics", cs.internal_ids):
            if oid in asked:
                flag(f"says '{oid}' was not asked about; a turn asked it")
    if key == "not_told":
        objective_of = {f.id: f.objective for f in cs.scenario.facts}
        told = {objective_of.get(f) for f in state.revealed}
        told |= {objective_of.get(f) for t in turns for f in t.answered}
        for oid in _named(cs, state, tip, "topics", cs.internal_ids):
            if oid in told:
                flag(f"says '{oid}' was not told; she answered it")
    if key in _OBJECTION_TIPS:
        ostate = _objection_of(cs, state, tip)
        if ostate is not None:
            taken = steps_taken(exchange(state, ostate, turns))
            for step in tip.values.get("steps", "").split(", "):
                if step in taken:
                    flag(f"says step '{step}' is missing; a turn took it")
    found = _turn_of(turns, tip.values.get("quote"))
    if found is not None:
        turn = found[1]
        # "shall i send u an offer then?" read as a question is a next step all the same,
        # too weak to count as a close: the vague-close tip names it as such
        weak = key == "vague_close" and bool(WEAK_STEP.search(turn.learner))
        if key in _CRITICISED_ACTS and turn.act not in _CRITICISED_ACTS[key] and not weak:
            flag(f"quotes a {turn.act} turn as a close")
        if key == "closed_question" and turn.form != "closed":
            flag("quotes a question that was not closed")
        named = _close_parts_named(cs, state, turn.learner)
        for part in tip.values.get("parts", "").split(", "):
            if part in named:
                flag(f"says the next step lacks '{part}'; the quoted line names it")
    return out


def _close_parts_named(cs: CompiledScenario, state: SessionState, said: str) -> set[str]:
    """The parts of a diary appointment (day, time) a line names, read by the engine."""
    lm = cs.language(state.lang).lm
    msg = lm.analyze(said)
    named = {"day": names_day(msg, lm), "time": names_time_of_day(msg, lm)}
    return {part for part in CLOSE_PARTS if named.get(part)}


def _objection_of(cs: CompiledScenario, state: SessionState, tip: Tip) -> ObjectionState | None:
    """The objection an objection tip is about (its advice is the objection's own)."""
    cl = cs.language(state.lang)
    for oid, ostate in state.objections.items():
        if oid in cs.objections and cl.text(cs.objections[oid].good_handling) \
                == tip.values.get("advice"):
            return ostate
    return None


def _praise(state: SessionState, turns: list[TurnRecord], tip: Tip) -> list[Contradiction]:
    key = tip.key
    found = _turn_of(turns, tip.values.get("quote"))
    if not key.startswith("good_") or found is None:
        return []
    index, turn = found
    out: list[Contradiction] = []

    def flag(detail: str) -> None:
        out.append(Contradiction(PRAISE, key, f"{detail}: {turn.learner!r}"))

    if key in _PRAISE_ACTS and turn.act not in _PRAISE_ACTS[key]:
        flag(f"praises a {turn.act} turn")
    if key in _PRAISE_SPIN and turn.spin != _PRAISE_SPIN[key]:
        flag(f"praises a {turn.spin} question as {_PRAISE_SPIN[key]}")
    if key == "good_open_question" and (turn.form != "open" or not turn.answered):
        flag("praises a question that was not open or that she answered nothing of")
    if key == "good_open_question" and not one_open_question(turn.learner):
        flag("praises as open a question that stacks a yes/no one")
    if key in _PRAISE_STEP:
        step = _PRAISE_STEP[key]
        taken = set(turn.steps) | {s for s in turn.objectives if s in HANDLING_STEPS}
        if step == "acknowledge":  # said in so many words, which the engine may miss
            taken |= steps_taken([turn]) & {"acknowledge"}
        if step not in taken and not (step == "check" and "respond" in taken):
            flag(f"praises a turn that took no '{step}' step")
    if key in ("good_close", "good_close_order") and not state.closing.get("agreed"):
        flag("praises a close she did not agree to")
    if key == "good_opening" and index != 0:
        flag("praises a later turn as the opening")
    return out


def _answers_an_objection(state: SessionState, turns: list[TurnRecord],
                          turn: TurnRecord) -> bool:
    return any(turn in exchange(state, o, turns) for o in state.objections.values()
               if o.raised_turn is not None)


def _before_objection(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                      tip: Tip) -> list[Contradiction]:
    """An answer to an objection is a line said after she raised it."""
    found = _turn_of(turns, tip.values.get("quote"))
    if found is None:
        return []
    index = found[0]
    if tip.key == "objection":
        ostate = _objection_of(cs, state, tip)
        if ostate is not None and ostate.raised_turn is not None \
                and index < ostate.raised_turn:
            return [Contradiction(BEFORE, tip.key, f"quotes turn {index + 1}, said before "
                                  f"the objection (turn {ostate.raised_turn + 1})")]
    if tip.key in ("good_objection", "good_acknowledge", "good_clarify", "good_check"):
        raised = [o.raised_turn for o in state.objections.values() if o.raised_turn is not None]
        if raised and index < min(raised):
            return [Contradiction(BEFORE, tip.key, f"quotes turn {index + 1} as handling, "
                                  f"said before any objection (turn {min(raised) + 1})")]
    return []


def _step_named(claim: str) -> str:
    """A drill's goal named after a handling step is the same point as the step."""
    return f"step:{claim}" if claim in HANDLING_STEPS else claim


def _duplicates(cs: CompiledScenario, state: SessionState, tips: list[Tip]) -> list[Contradiction]:
    out: list[Contradiction] = []
    keys: set[str] = set()
    quotes: dict[str, str] = {}
    claims: dict[str, str] = {}
    for tip in tips:
        if tip.key in keys and tip.key not in REPEATABLE:
            out.append(Contradiction(DUPLICATE, tip.key, "the same kind of tip twice"))
        keys.add(tip.key)
        said = tip.values.get("quote")
        if said is not None:
            if said in quotes:
                out.append(Contradiction(DUPLICATE, tip.key,
                                         f"quotes the line '{quotes[said]}' quotes too"))
            quotes[said] = tip.key
        for claim in sorted(_step_named(c) for c in _claims(cs, state, tip)):
            if claim in claims and not (tip.key in _OBJECTION_TIPS
                                        and claims[claim] in _OBJECTION_TIPS):
                out.append(Contradiction(DUPLICATE, tip.key,
                                         f"says '{claim}' is still to do, as "
                                         f"'{claims[claim]}' does"))
            claims.setdefault(claim, tip.key)
    return out
