"""What the learner could try next: the method's order applied to the call so far."""

from __future__ import annotations

from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState
from bot.engine.text import label_in_sentence


def next_hint(cs: CompiledScenario, state: SessionState) -> str:
    cl = cs.language(state.lang)
    hints = cl.lm.lexicon.hints
    persona = cs.scenario.buyer
    buyer = persona.name.split()[0]
    words = {**cl.lm.lexicon.persona.get(persona.gender, {}),
             **cl.lm.lexicon.persona.get(persona.address, {})}

    def say(key: str, **values: str) -> str:
        return hints[key].format(buyer=buyer, **words, **values)

    if state.ended:
        return say("ended")
    if state.pending_objection:
        steps = state.objections[state.pending_objection].steps
        label = cl.text(cs.objections[state.pending_objection].good_handling)
        if not steps["acknowledge"]:
            return say("objection_acknowledge", objection=state.pending_objection)
        if not steps["clarify"]:
            return say("objection_clarify")
        if not steps["respond"]:
            return say("objection_respond", need=_need_labels(cs, state) or label)
        return say("objection_check")
    flags = state.flags
    roles = {o.method_role for o in cs.scenario.objectives.external if o.method_role}
    drill = cs.scenario.kind == "drill"
    follow_up = persona.visit == "follow_up"
    if not drill and not follow_up and "introduced" not in flags and "introduce" in roles:
        return say("introduce")
    if "objective_stated" not in flags and "needs" in roles and not drill:
        return say("objective")
    for oid in (*cs.internal_ids, *cs.external_ids):
        if oid in state.objectives or cs.objectives[oid].method_role:
            continue
        objective = cs.objectives[oid]
        if any(f.objective == oid for f in cs.scenario.facts):
            pad = objective.pad_in(cl.lang, cs.scenario.languages) or oid
            return say("ask_about", topic=cl.text(objective.label), pad=pad)
    if cs.scenario.kind == "spin":
        spins = set(state.spins) | {t.spin for t in state.history}
        if "implication" not in spins:
            return say("dig_deeper")
        if "need_payoff" not in spins:
            return say("need_payoff")
    if "solution_tied" not in flags and state.needs_stated and cs.scenario.closing is not None:
        return say("solution", need=_need_labels(cs, state))
    if state.signals_sent:
        return say("close_order")
    return say("close")


def _need_labels(cs: CompiledScenario, state: SessionState) -> str:
    cl = cs.language(state.lang)
    return ", ".join(label_in_sentence(cl.text(cs.needs[n].label)) for n in state.needs_stated[:2])
