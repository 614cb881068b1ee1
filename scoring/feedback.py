"""Choose 3-5 tips, each true, specific and quoting the learner's own words. Pure.

The wording lives in the translation files (``bot/i18n``); a tip here is a key plus the
values to fill in, so the same tip reads naturally in Dutch and English. Every tip also
carries the buyer's persona (``gender``, ``address``), so "she/he" and "u/je" in the
wording follow the scenario.

Order: what went wrong that matters most first, then what could be deeper, then praise
for what was good (a strong call gets praise first, and never "try again").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.engine.acts import Act
from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState, TurnRecord
from bot.engine.text import label_in_sentence
from scoring.sections import question_mix

MAX_TIPS = 5
MIN_TIPS = 3
QUOTE_CHARS = 90
STRONG_SCORE = 85  # from here the card opens with praise
CLOSED_SHARE = 0.3  # more closed fact questions than this gets a tip
# "May I note your e-mail address?" asks permission: closed by nature, no tip about it.
PERMISSION_OPENINGS = ("may i", "can i", "could i", "shall i", "mag ik", "kan ik", "zal ik",
                       "mogen wij", "mogen we")


@dataclass(frozen=True)
class Tip:
    key: str
    values: dict[str, str] = field(default_factory=dict)


def quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _first(turns: list[TurnRecord], predicate: Callable[[TurnRecord], bool]) -> TurnRecord | None:
    return next((t for t in turns if predicate(t)), None)


def role_ids(cs: CompiledScenario) -> dict[str, str]:
    """The method's role -> the external objective that plays it in this scenario."""
    out: dict[str, str] = {}
    for objective in cs.scenario.objectives.external:
        role = objective.method_role
        if role is not None and role not in out:
            out[role] = objective.id
    return out


def choose_tips(cs: CompiledScenario, state: SessionState, total: int | None = None,
                turns: list[TurnRecord] | None = None) -> list[Tip]:
    buyer = cs.scenario.buyer
    persona = {"buyer": buyer.name.split()[0], "gender": buyer.gender, "address": buyer.address}
    turns = list(state.history) if turns is None else turns
    tips = [Tip(t.key, {**persona, **t.values}) for t in _tips(cs, state, total, turns)]
    return tips[:MAX_TIPS]


def _tips(cs: CompiledScenario, state: SessionState, total: int | None,
          turns: list[TurnRecord]) -> list[Tip]:
    cl = cs.language(state.lang)
    if not turns:
        return [Tip("no_turns")]
    roles = role_ids(cs)
    drill = cs.scenario.kind == "drill"
    follow_up = cs.scenario.buyer.visit == "follow_up"
    improve: list[Tip] = []
    first = turns[0]
    if "introduce" in roles and roles["introduce"] not in state.objectives and not follow_up:
        improve.append(Tip("introduce", {"quote": quote(first.learner)}))
    if "needs" in roles and "objective_stated" not in state.flags and not drill:
        improve.append(Tip("state_objective", {"quote": quote(first.learner)}))
    pitch = _first(turns, lambda t: t.act == Act.PITCH)
    if pitch is not None:
        improve.append(Tip("pitch", {"quote": quote(pitch.learner)}))
    discount = _first(turns, lambda t: "discount" in t.moves)
    if discount is not None:
        improve.append(Tip("discount", {"quote": quote(discount.learner)}))
    for oid, ostate in state.objections.items():
        if ostate.raised_turn is None or ostate.handled:
            continue
        after = turns[ostate.raised_turn:] if ostate.raised_turn < len(turns) else []
        reply = _first(after, lambda t: t.act != Act.GOODBYE)
        missing = [s for s, done in ostate.steps.items() if not done]
        values = {"steps": ", ".join(missing),
                  "advice": cl.text(cs.objections[oid].good_handling)}
        if reply is None:
            said = cl.texts(cs.objections[oid].text)
            improve.append(Tip("objection_open", {**values, "objection": quote(said[0])}))
        else:
            improve.append(Tip("objection", {**values, "quote": quote(reply.learner)}))
    mix = question_mix(turns)
    closed = _first(turns, lambda t: t.form == "closed" and t.act == Act.FACT_QUESTION
                    and bool(t.facts) and t.spin is not None
                    and not t.learner.lower().startswith(PERMISSION_OPENINGS))
    if closed is not None and mix.asking and mix.asking_closed / mix.asking > CLOSED_SHARE:
        improve.append(Tip("closed_question", {"quote": quote(closed.learner)}))
    missed = [cs.objectives[o] for o in cs.internal_ids if o not in state.objectives]
    if missed:
        labels = "; ".join(cl.text(o.label) for o in missed[:3])
        improve.append(Tip("missed_internal", {"topics": labels}))
    deeper = _deeper_questions(cs, turns, mix)
    if deeper is not None:
        improve.append(deeper)
    if "solution" in roles and roles["solution"] not in state.objectives and state.needs_stated:
        need = label_in_sentence(cl.text(cs.needs[state.needs_stated[0]].label))
        improve.append(Tip("solution", {"need": need}))
    improve.extend(_closing_tips(cs, state, turns, roles))
    if drill:
        open_goals = [cs.objectives[o] for o in cs.external_ids if o not in state.objectives]
        if open_goals:
            labels = "; ".join(cl.text(o.label) for o in open_goals[:3])
            improve.append(Tip("missed_external", {"topics": labels}))
    praise = _strengths(turns, state)
    fallback = []
    if not drill and not any(t.act == Act.SUMMARY for t in turns):
        fallback.append(Tip("summarise"))
    if total is not None and total >= STRONG_SCORE:
        tips = [Tip("strong_call", {"score": str(total)}), *praise[:1], *improve,
                *praise[1:], *fallback]
    else:
        tips = [*improve[:MAX_TIPS - 1], *praise[:1], *improve[MAX_TIPS - 1:], *praise[1:],
                *fallback]
        if len(tips) < MIN_TIPS and (total is None or total < STRONG_SCORE):
            tips.append(Tip("keep_practising"))
    return tips


def _deeper_questions(cs: CompiledScenario, turns: list[TurnRecord], mix) -> Tip | None:
    if cs.scenario.kind not in ("spin", "first_visit") or mix.total < 3:
        return None
    if mix.spin["implication"] == 0:
        problem = _first(turns, lambda t: t.spin == "problem" and t.act == Act.FACT_QUESTION)
        if problem is not None:
            return Tip("implication", {"quote": quote(problem.learner)})
    elif mix.spin["need_payoff"] == 0:
        return Tip("need_payoff")
    return None


def _closing_tips(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                  roles: dict[str, str]) -> list[Tip]:
    if cs.scenario.closing is None:
        if "follow_up" in roles and roles["follow_up"] not in state.objectives:
            return [Tip("no_close")]
        return []
    if state.closing["agreed"]:
        return []
    attempt = _first(turns, lambda t: t.act in (Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER))
    if attempt is None:
        return [Tip("no_close")]
    if not state.closing["concrete"]:
        return [Tip("vague_close", {"quote": quote(attempt.learner)})]
    last = _first(list(reversed(turns)), lambda t: t.act in (Act.NEXT_STEP_PROPOSAL,
                                                              Act.ASK_ORDER))
    return [Tip("close_not_earned", {"quote": quote((last or attempt).learner)})]


def _strengths(turns: list[TurnRecord], state: SessionState) -> list[Tip]:
    found: list[Tip] = []
    if state.closing["agreed"]:
        close = _first(list(reversed(turns)), lambda t: t.act in (Act.NEXT_STEP_PROPOSAL,
                                                                   Act.ASK_ORDER))
        if close is not None:
            found.append(Tip("good_close", {"quote": quote(close.learner)}))
    handled = [o for o in state.objections.values() if o.handled]
    if handled:
        turn = _first(turns, lambda t: "respond" in t.steps)
        if turn is not None:
            found.append(Tip("good_objection", {"quote": quote(turn.learner)}))
    for spin, key in (("need_payoff", "good_need_payoff"), ("implication", "good_implication")):
        turn = _first(turns, lambda t, s=spin: t.spin == s)
        if turn is not None:
            found.append(Tip(key, {"quote": quote(turn.learner)}))
    quoted = {t.values.get("quote") for t in found}
    for step in ("acknowledge", "clarify", "check"):
        turn = _first(turns, lambda t, s=step: s in t.steps)
        if turn is not None and quote(turn.learner) not in quoted:
            quoted.add(quote(turn.learner))
            found.append(Tip(f"good_{step}", {"quote": quote(turn.learner)}))
    opener = _first(turns, lambda t: t.act == Act.GREET_INTRODUCE and bool(t.objectives))
    if opener is not None:
        found.append(Tip("good_opening", {"quote": quote(opener.learner)}))
    return found
