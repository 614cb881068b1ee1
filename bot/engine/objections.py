"""Objections and buying signals: raising a concern, the learner's steps in handling it,
reminders of a pending one, and what she brings in herself."""

from __future__ import annotations

import re
from typing import Any

from bot.engine.acts import Act, Move
from bot.engine.analysis import TurnAnalysis
from bot.engine.compiled import CompiledLanguage
from bot.engine.context import ScenarioContext
from bot.engine.fact_answers import names_in
from bot.engine.lines import next_line, once, pick, stock_line
from bot.engine.policy import (
    REST_AFTER,
    Event,
    Outcome,
    Turn,
    apply_effects,
    discount_objecting,
    names_a_day,
)
from bot.engine.state import SessionState
from bot.engine.summary_check import KEYWORD_MATCH
from bot.engine.value import money_concern, speaks_to_value
from bot.engine.wording import lower_first
from bot.engine.yes_but import taken_back
from bot.scenario.model import Objection

STEP_MOVES = {"acknowledge": Move.ACKNOWLEDGE, "clarify": Move.CLARIFY,
              "respond": Move.RESPOND_BENEFIT, "check": Move.CHECK}


def trigger(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, event: str,
            fact: str | None = None) -> str:
    """The first objection waiting for this event, raised now ("" if none)."""
    if state.pending_objection:
        return ""
    for objection in ctx.scenario.objections:
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
        if event == "next_step" and any(f"offered:{need}" in state.flags
                                        for need in objection.reveals):
            # the trial week she would ask for ("what if the colleagues don't like it?")
            # was offered already: the doubt it answers does not come up
            continue
        if "offered:material" in state.flags and _MATERIAL.search(
                " ".join(cl.texts(objection.text))):
            # "just send me the brochure" after the learner offered to send it: no request
            # of her own for what is already on its way
            continue
        return raise_objection(ctx, cl, state, objection.id)
    return ""


# a question after her view of something: "what did you think of the 9.40?", "whats ur take
# on our price?", "wat vond u van de prijsindicatie?", "hoe kijkt u aan tegen het bedrag?"
_HER_VIEW = re.compile(
    r"\b(?:take\s+on|think\s+of|think\s+about|make\s+of|views?\s+on|feel\s+about|"
    r"opinion\s+(?:of|on|about)|thoughts\s+on|reaction\s+to|react\s+to|"
    r"(?:vond|vindt|vind)\s+(?:u|je|jij|jullie)\s+(?:\w+\s+)?van|"
    r"(?:denkt|dacht|denk)\s+(?:u|je|jij|jullie)\s+(?:\w+\s+)?over|"
    r"(?:kijkt|keek|kijk)\s+(?:u|je|jij|jullie)\s+(?:\w+\s+)?(?:aan\s+)?tegen|"
    r"(?:zegt|zeg)\s+(?:u|je|jij)\s+van|mening\s+over|reactie\s+op|hoe\s+(?:viel|valt))\b",
    re.IGNORECASE)


def invited_money_concern(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                          a: TurnAnalysis, text: str) -> str:
    """"What did you think of the 9.40?" asks her view of the price: a money concern she
    has not voiced yet (whenever it was due) is her answer, raised now ("now the money:
    that's twenty percent more"), not the figure she pays today recited as a fact."""
    if state.pending_objection or not a.is_question or not a.price or not _HER_VIEW.search(
            text.replace("’", "'")) or a.act in (Act.STATE_OBJECTIVE, Act.GREET_INTRODUCE) or (
            not state.revealed):
        # (an agenda's "your reaction to the price" plans the talk; asked before she has
        # told anything, she puts the price off herself: "first I'd like to hear what you
        # have brought")
        return ""
    for objection in ctx.scenario.objections:
        ostate = state.objections[objection.id]
        if ostate.raised_turn is not None or f"preempted:{objection.id}" in state.flags or (
                not money_concern(cl, objection)):
            continue
        told = {o for f in a.facts if (o := ctx.cs.facts[f].objective)}
        a.objectives = [o for o in a.objectives if o not in told]
        a.answered = []  # what she pays now is in her concern's own words
        return raise_objection(ctx, cl, state, objection.id)
    return ""


def note_offered(state: SessionState, a: TurnAnalysis, text: str = "") -> None:
    """Needs the learner offered something for (a solution or an answer naming them: "we
    start with a two-week trial"), and material offered ("I'll send you a brochure"): a
    concern that would only ask for it stays unsaid."""
    if a.moves & {Move.PROPOSE_SOLUTION, Move.RESPOND_BENEFIT}:
        for need in a.needs:
            state.flags.setdefault(f"offered:{need}", state.turn)
    if _MATERIAL.search(text) and _SEND.search(text):
        state.flags.setdefault("offered:material", state.turn)


def raise_objection(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                    objection_id: str) -> str:
    objection = ctx.cs.objections[objection_id]
    state.objections[objection_id].raised_turn = state.turn
    state.pending_objection = objection_id
    if state.phase not in ("ended",):
        state.phase = "objection"
    for need in objection.reveals:
        if need not in state.needs_stated:
            state.needs_stated.append(need)
    texts = cl.texts(objection.text)
    if objection.told_before and any(
            ctx.cs.facts[f].objective in objection.explain_tells for f in state.revealed
            if f in ctx.cs.facts):
        texts = cl.texts(objection.told_before) or texts
    return pick(cl, state, f"objection:{objection_id}", texts)


def objection_step(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, events: list[str],
                   contact: bool = False) -> None:
    """What the learner's message did for the pending objection (steps, outcome).
    ``contact``: the message asks for contact details ("could you give me Monique's
    e-mail address?"), which is no check of her objection."""
    state, a = t.state, t.a
    oid = state.pending_objection
    assert oid is not None
    objection = ctx.cs.objections[oid]
    ostate = state.objections[oid]
    ostate.attempts += 1
    if Move.DISCOUNT in a.moves:
        offered_money(ctx, cl, state, oid)
    did: set[str] = set()
    fits = False
    untied = False
    # A summary's "is that right?" and a new proposal's "would that work?" check those,
    # not her objection; the proposal may still answer it (the respond step).
    # A summary that carries the seller's answer ("you said the downtime costs you
    # hours; with our 4-hour fix that is solved. Does that sound useful?") checks it.
    offers = t.act is Act.SUMMARY and a.seller_talk and bool(a.answers_objection)
    # "So: printers from 2016, a slow repair service, late trucks at the peak. Right?" hands
    # her own problems back: she confirms it; it argues nothing ("put like that, doing
    # nothing costs me more" would accept a sum nobody made)
    recap = t.summarizing and a.form == "closed" and not (
        a.seller_talk or a.states_benefit or a.tied_needs)
    if (t.act not in (Act.GOODBYE, Act.SMALL_TALK, Act.PITCH, Act.GREET_INTRODUCE,
                      Act.SUMMARY) or offers) and not recap:
        # a check checks an answer: "and since when has it got out of hand?" before any
        # answer was given checks nothing ("I hear you, but..." would reply to no answer)
        answered = offers or ostate.steps["respond"] or "respond" in ostate.tried or bool(
            a.moves & {Move.RESPOND_BENEFIT, Move.PROPOSE_SOLUTION, Move.PROPOSE_NEXT_STEP,
                       Move.DISCOUNT}) or a.seller_talk or _states_before_asking(t.text)
        for move, step in ((Move.ACKNOWLEDGE, "acknowledge"), (Move.CLARIFY, "clarify"),
                           (Move.CHECK, "check")):
            if move in a.moves and t.act is not Act.SOLUTION and (
                    step != "check" or answered) and not (contact and step == "clarify"):
                # "which e-mail address is best?" asks where to send it, not into her concern
                did.add(step)
        if did == {"acknowledge"} and a.is_question and a.form == "open" and not (
                a.meeting_words or a.moves & {
                    Move.RESPOND_BENEFIT, Move.PROPOSE_SOLUTION, Move.PROPOSE_NEXT_STEP,
                    Move.ASK_FOR_ORDER}):
            # "I understand, that is quite a rise. What would be a fair amount for
            # you?": an open question after acknowledging asks into her objection
            did.add("clarify")
        answered_by = set(objection.answered_by)
        # "we can do the reception desk after hours too" to "you'll be more expensive":
        # a benefit on her need, but about money it says nothing; an answer to a money
        # concern speaks of value (what it earns back, costs now, gives for the money)
        leaves_price = money_concern(cl, objection) and not (
            speaks_to_value(cl, cl.lm.analyze(t.text)) or oid in a.responds_to
            or set(objection.reveals).intersection(a.needs))
        tied = (bool(answered_by.intersection(a.tied_needs or a.needs)) or (
            oid in a.responds_to)) and not leaves_price
        # "With us you only pay for lunches actually taken. How does that compare with
        # their offer?": the argument is made before the open question that checks it
        argued_first = a.form == "open" and oid in a.responds_to and bool(
            answered_by.intersection(a.tied_needs)) and _states_before_asking(t.text)
        # "And is there a budget for this per year?" asks her a fact: no argument is made,
        # whatever cue of the answer ("per year") it happens to hold
        asks_fact = a.is_question and bool(a.facts) and not (
            a.states_benefit or a.seller_talk or _states_before_asking(t.text))
        # "Let me quickly tell you what we do: a complete HR suite, payroll, absence, all in
        # one place" presents the product to nobody in particular: a pitch that names his
        # need in passing is no answer tied to him (that speaks of "you", "your sheets")
        framed = _PITCH_FRAME.search(t.text)
        pitched = bool(framed) and "?" not in t.text and not set(
            cl.lm.analyze(_PITCH_FRAME.sub(" ", t.text)).words) & (
            cl.lm.lexicon.second_person | _YOUR)
        if pitched and framed:
            # "laat me u even vertellen wat wij doen: ..." asks her nothing
            did.discard("clarify")
            untick(ctx, a, frozenset({Move.CLARIFY}))
            untick(ctx, a, _ANSWER_MOVES, tied=True)
        # "With us you only pay for the lunches taken, so no Friday waste. Does that help?"
        # argues in the words her concern is answered by (its own cues and needs), with no
        # "so that" or "you get" for the benefit cues to find
        own_answer = answers_in_its_words(objection, a) and (
            not a.is_question or _states_before_asking(t.text))
        if (a.moves & {Move.RESPOND_BENEFIT, Move.PROPOSE_SOLUTION} or own_answer) and (
                a.form != "open" or argued_first) and not asks_fact:
            if pitched:
                untick(ctx, a, _ANSWER_MOVES, tied=True)
            if (tied or not answered_by) and not pitched:
                did.add("respond")
            else:
                # (money gets her own reply; a question asks her something: she answers)
                untied = Move.DISCOUNT not in a.moves and not a.is_question
                if untied and leaves_price and not pitched:
                    # "nice to have, but it doesn't change the price"
                    t.objection_text = stock_line(ctx, cl, state, "objection_not_value")
                if "respond" not in ostate.tried:
                    ostate.tried.append("respond")  # an answer, but not tied to her need
            # the answer her doubt asked for, tied to what she said ("a two-week trial"
            # to "what if the colleagues don't like it?"): she takes it, even unacknowledged
            # (a cue word alone, "a link to our demo", is not enough)
            # ("A brochure, sure, but honestly it won't show you ..." waves her request away
            # before answering: the answer counts, her yes waits for the steps)
            # (seller talk told to nobody in particular, "our software does it all: hours
            # app, cao module, ...", is a pitch that names her need in passing: it may count,
            # her yes waits for the steps; "wat u vandaag noemde ..." speaks to her)
            fits = bool(answered_by.intersection(a.tied_needs)) and not _grants_then_argues(
                cl, t.text) and not (a.pitch and not set(cl.lm.analyze(t.text).words) & (
                    cl.lm.lexicon.second_person | _YOUR))
    if ("respond" in did or untied) and checks_own_answer(t.text) and not (
            a.asks_permission or contact or t.act in (
                Act.SUMMARY, Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER) or (
                t.summarizing and not asks_only_if_it_stands(t.text))):
        # "... u kunt maandelijks opzeggen. Spreekt u dat aan?" answers and asks whether
        # that settles it: a check, not a question into her concern (a summary's "is that
        # correct?" and a date's "does that work?" ask about those)
        if "clarify" in did:
            did.discard("clarify")
            untick(ctx, a, frozenset({Move.CLARIFY}))
        did.add("check")
    if {"check", "clarify"} <= did and asks_only_if_it_stands(t.text):
        # "Is die veertien procent dan nog een bezwaar?" after the answer names her concern
        # to ask whether it still stands: the check, no question into it
        did.discard("clarify")
        untick(ctx, a, frozenset({Move.CLARIFY}))
    if not did and t.act is Act.OBJECTION_RESPONSE and a.form == "closed" and not a.facts and (
        ostate.steps["respond"] or "respond" in ostate.tried
    ) and not a.asks_permission and not contact:
        did.add("check")  # "Would that help you take it to the board?" after an answer
    if contact and Move.CLARIFY in a.moves and "clarify" not in did:
        untick(ctx, a, frozenset({Move.CLARIFY}))
    if did & {"clarify", "check"} and ostate.raised_turn != 0 and _asks_about_money_instead(
            ctx, cl, oid, a, t.text):
        # "what is it about the price that bothers u?", "does that take away ur concern
        # about the price?" while her concern is the brochure or the last switch: they ask
        # into (or after) a money concern she has not voiced, not hers (in a drill she
        # opened with hers, "hoeveel tijd kost het u nu?" asks into it)
        did -= {"clarify", "check"}
        untick(ctx, a, frozenset({Move.CLARIFY, Move.CHECK}))
    for step in did:
        ostate.steps[step] = True
    a.steps = sorted(did)
    tick_steps(ctx, a, did)
    if puts_aside(t.text) and "respond" not in did and Move.DISCOUNT not in a.moves and not (
            "clarify" in did and _ISOLATES.search(t.text)):
        # "no problem, let's leave the price for now", "prima, dan parkeren we dat even":
        # the learner backs off; she lets it rest and does not bring it up again herself
        # ("leaving the price aside, is there anything else?" isolates it: a clarifying step)
        _park(ctx, cl, t, events)
        return
    if not did:
        if untied:
            # an answer that misses her need ("a vegetarian dish daily" to "fifty cents
            # cheaper") still takes her concern on: she says it does not settle it,
            # instead of letting it rest as if nobody had tried
            t.outcome = Outcome.PROGRESS
        elif not (a.yes_but and not a.is_question):
            # ("Ja, maar bij ons zit support er gratis bij" argues with her point: no sign
            # that nobody takes it up, and she does not let it rest on that)
            ostate.idle += 1
        return
    ostate.idle = 0
    # She accepts on a message that answers her (the benefit, or the check after it): "I
    # understand" or "what worries you?" after an earlier answer gets no "all right, worth
    # a look"; nor does money offered ("... and I can give you 15% off")
    answers_now = bool(did & {"respond", "check"}) and Move.DISCOUNT not in a.moves
    if ostate.steps["respond"] and answers_now and (
            ostate.steps["acknowledge"] or ostate.steps["clarify"]
            or ("respond" in did and fits)):
        ostate.handled = True
        state.flags[f"handled_turn:{oid}"] = state.turn
        state.pending_objection = None
        events.append(f"handled:{oid}")
        t.outcome = Outcome.HANDLED
        t.objection_text = pick(cl, state, f"accepted:{oid}",
                                cl.texts(objection.accepted))
        if state.phase == "objection":
            state.phase = "presentation" if "solution_tied" in state.flags else "inventory"
        return
    if "clarify" in did:
        t.outcome = Outcome.CLARIFIED
        explain = cl.texts(objection.explain) if objection.explain else []
        if once(state, f"explained:{oid}"):
            t.objection_text = (pick(cl, state, f"explain:{oid}", explain) if explain
                                else stock_line(ctx, cl, state, "clarified"))
        elif once(state, f"explained_again:{oid}"):
            t.objection_text = stock_line(ctx, cl, state, "clarified")
        # a third clarifying question gets no stock line: she answers what she can
    elif did == {"acknowledge"}:
        t.outcome = Outcome.ACKNOWLEDGED
    else:
        t.outcome = Outcome.PROGRESS


# a word that grants her point before a "but" ("sure, but", "I know ..., but", "ja, maar")
_GRANTS = re.compile(
    r"\b(?:sure|yes|yeah|of\s+course|certainly|true|right|i\s+know|agreed|ja|zeker|natuurlijk|"
    r"tuurlijk|prima|klopt|dat\s+weet\s+ik|weet\s+ik|inderdaad)\b", re.IGNORECASE)


def _grants_then_argues(cl: CompiledLanguage, text: str) -> bool:
    """Her point granted and taken back with a "but" ("A brochure, sure, but honestly it
    won't show you ...", "I know €9.40 is more, but you get a lot more for it"): the answer
    argues with her, and she does not take it at once (a "but" inside the offer itself,
    "we keep €6.90, but you only pay for lunches taken", grants her nothing)."""
    but = taken_back(text)
    if but is None:
        return False
    before = text[:but.start]
    return bool(_GRANTS.search(before)) or Move.ACKNOWLEDGE.value in cl.lm.moves.match(
        cl.lm.analyze(before))


def _park(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, events: list[str]) -> None:
    """Her pending concern put aside by the learner: it rests, unhandled (the card says
    so), and she says it is not off the table."""
    state = t.state
    oid = state.pending_objection
    assert oid is not None
    state.pending_objection = None
    state.objections[oid].rested = True
    state.flags[f"parked:{oid}"] = state.turn
    apply_effects(state, [Event.OBJECTION_RESTED])
    events.append(f"rested:{oid}")
    if state.phase == "objection":
        state.phase = "inventory"
    t.outcome = Outcome.PARKED
    t.objection_text = stock_line(ctx, cl, state, "objection_rests")


# The learner backs off from her concern: "let's leave the price for now", "we'll come back
# to that later", "let's park it", "prima, dan parkeren we dat even", "laten we dat even
# laten rusten", "daar komen we later op terug". (A question that sets the price aside to
# isolate it, "leaving the price aside, is there anything else?", clarifies instead.)
_IT = r"(?:that|it|this|price|(?:the|your|that|those)\s+\w+(?:\s+\w+)?)"
_HET = r"(?:dat|het|dit|(?:de|die|dat|uw|je)\s+\w+(?:\s+\w+)?)"
# a question that sets her concern aside to find out whether it is the only one
_ISOLATES = re.compile(
    r"\b(?:anything|something)\s+else\b|\bother\s+(?:concerns?|reasons?|objections?|"
    r"points?|issues?|questions?)\b|\bnog\s+(?:iets|wat|andere?)\b|\biets\s+anders\b|"
    r"\bverder\s+nog\b|\bandere\s+(?:bezwaren|punten|redenen|zorgen)\b", re.IGNORECASE)
_PUTS_ASIDE = re.compile(
    r"\blet'?s\s+(?:just\s+)?(?:leave|park|put|set)\s+" + _IT + r"\s+(?:aside|to\s+one\s+side|"
    r"on\s+hold|there|for\s+(?:now|a\s+(?:moment|bit|minute|second)|later|the\s+moment))\b"
    r"|\b(?:leave|park|put|set)\s+" + _IT + r"\s+(?:aside|to\s+one\s+side|on\s+hold|"
    r"for\s+(?:now|the\s+moment))\b"
    r"|\bpark\s+(?:that|it|this|the\s+price)\b"
    r"|\b(?:come|get)\s+back\s+to\s+" + _IT + r"\s+(?:later|another\s+time|at\s+a\s+later|"
    r"when|once|next\s+time)"
    r"|\b(?:talk\s+about|speak\s+about|discuss|look\s+at)\s+" + _IT
    + r"\s+(?:later|another\s+time)\b"
    r"|\blet'?s\s+(?:not\s+worry\s+about|skip|forget(?:\s+about)?)\s+" + _IT + r"\b"
    r"|\bforget\s+(?:about\s+)?(?:the\s+)?price\s+for\s+(?:now|a\s+(?:moment|second|minute))"
    r"|\blet'?s\s+move\s+on\b"
    r"|\bparkeren\s+(?:we|wij|ik)\b|\b" + _HET + r"\s+(?:\w+\s+){0,2}?"
    r"(?:parkeren|geparkeerd|opzij\s+(?:zetten|leggen)|laten\s+(?:rusten|liggen|zitten))\b"
    r"|\b(?:zet|zetten|leg|leggen)\s+(?:we|wij|ik)\s+" + _HET + r"\s+(?:\w+\s+)?opzij\b"
    r"|\blaat\s+" + _HET + r"\s+(?:\w+\s+)?(?:rusten|liggen|zitten)\b"
    r"|\b(?:daar|hier|er)\s+(?:kom|komen)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,3}?(?:op\s+)?terug\b"
    r"|\b(?:kom|komen)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,3}?(?:later|straks|nog)\s+(?:\w+\s+)?"
    r"op\s+terug\b"
    r"|\b(?:ik|we|wij)\s+(?:kom|komen)\s+(?:er|daar|hier)\s+(?:\w+\s+){0,3}?op\s+terug\b"
    r"|\b(?:bespreken|hebben)\s+we\s+(?:het\s+)?(?:later|straks|een\s+andere\s+keer)\b"
    r"|\bvergeet\s+(?:de\s+prijs|dat|het)\s+(?:\w+\s+)?(?:even|eventjes|voor\s+nu)\b"
    r"|\blaten\s+we\s+(?:maar\s+|even\s+)*verder\s+gaan\b",
    re.IGNORECASE)


def puts_aside(text: str) -> bool:
    """The message puts her concern aside for later instead of taking it on."""
    return bool(_PUTS_ASIDE.search(text.replace("’", "'")))


# "Does that make it easier to explain internally?", "Is that the kind of freedom you're
# after?", "Zou dat zo voor u werken?", "Neemt dat uw zorg weg?": a closed question about
# "that", the answer just given, in whatever words follow
_ABOUT_THAT = re.compile(
    r"^(?:(?:and|so|ok|okay|well|en|dus|oké|oke|nou|goed)[,\s]+)?(?:"
    r"(?:does|did|would|will|could|can|is|was|has|might|doet|helpt|maakt|zou|zouden|is|neemt|"
    r"past|geeft|scheelt|werkt|kan|lost|haalt|brengt|biedt|klinkt|komt|voelt|klopt|sounds?|"
    r"spreekt)\s+(?:(?:u|je|jou|jullie)\s+)?(?:that|this|dat|dit)\b"
    # "Ziet u dat ook zo?", "Do you see it that way?", "Vindt u dat redelijk?"
    r"|(?:ziet|vindt|zie|vind)\s+(?:u|je|jij)\s+(?:dat|dit|het)\b"
    r"|do\s+you\s+(?:see|agree\s+with)\s+(?:that|it|this)\b)", re.IGNORECASE)


# words that address her besides the second-person pronouns: "your", "uw"
_YOUR = frozenset({"your", "yours", "uw", "jouw", "jullie", "je"})
# "let me quickly tell you what we do", "ik vertel u even wat wij doen": the "you" of the
# frame addresses her as a listener, not her situation
_PITCH_FRAME = re.compile(
    r"\b(?:let\s+me\s+(?:just\s+|quickly\s+|briefly\s+)?(?:tell|show)\s+you|"
    r"i(?:'ll|\s+will)\s+(?:quickly\s+|just\s+|briefly\s+)?(?:tell|show)\s+you|"
    r"(?:laat|mag)\s+(?:ik\s+)?(?:me|mij)?\s*(?:u|je|jou)\s+(?:even\s+|snel\s+|kort\s+)?"
    r"(?:vertellen|laten\s+zien|uitleggen)|"
    r"ik\s+(?:vertel|laat)\s+(?:u|je|jou)\s+(?:even\s+|snel\s+|kort\s+)?(?:wat|zien))",
    re.IGNORECASE)


# "..., so your engineers keep working. Interested?", "... dan hoeft u niet achter de kassa.
# Interessant?": a short question after the answer asks what she makes of it
_SHORT_CHECK = re.compile(
    r"^(?:(?:and|so|en|dus|ok|oké|oke)[,\s]+)?(?:interested|interesting|sounds?\s+(?:good|ok(?:ay)?|"
    r"fair|reasonable)|what\s+do\s+you\s+think|how\s+does\s+that\s+sound|would\s+that\s+work|"
    r"interessant|klinkt\s+(?:dat\s+)?(?:goed|interessant|redelijk)|wat\s+vindt\s+u(?:\s+ervan)?|"
    r"wat\s+vind\s+je(?:\s+ervan)?|zou\s+dat\s+wat\s+zijn|lijkt\s+(?:u|je)\s+dat\s+wat)"
    r"\s*[?!.]*$", re.IGNORECASE)


# "blijft die veertien procent dan nog het bezwaar?", "is de prijs dan nog een probleem?",
# "is that still your concern?", "does the fourteen percent still stand in the way?": a
# yes/no question whether her concern still stands, in the concern's own words (no
# "anything else?", which isolates it, and no open "what still stands in the way?")
_STILL_STANDS = re.compile(
    r"\bstill\b[^?]*\b(?:concerns?|objections?|problems?|issues?|worr(?:y|ies)|obstacles?|"
    r"hurdles?|(?:deal[\s-]?)?breakers?|sticking\s+points?|in\s+the\s+way|holding\s+you\s+back|"
    r"hold\s+you\s+back|a\s+point)\b"
    r"|\b(?:concerns?|objections?|problems?|issues?|worr(?:y|ies))\b[^?]*\bstill\b"
    r"|\b(?:nog|steeds|blijft|blijven)\b[^?]*\b(?:bezwaa?r|bezwaren|probleem|problemen|zorg|"
    r"zorgen|punt|struikelblok|obstakel|drempel|in\s+de\s+weg|bezwaarlijk)\b", re.IGNORECASE)
_NOT_A_CHECK = re.compile(
    r"\b(?:what|how|which|why|who|where|wat|hoe|welke?|waarom|wie|waar|ander|andere|anders|"
    r"else|other|only|enige|iets|anything|something|meer|more)\b", re.IGNORECASE)


def asks_if_concern_stands(question: str) -> bool:
    """A closed question whether her concern still stands ("is die veertien procent dan
    nog een bezwaar?"): after an answer, the check step in her concern's own words."""
    return bool(_STILL_STANDS.search(question)) and not _NOT_A_CHECK.search(question)


def asks_only_if_it_stands(text: str) -> bool:
    """The message's one question asks whether her concern still stands."""
    asked = [p for p in _ANY_SENTENCE_END.split(text.strip()) if p.rstrip().endswith("?")]
    return len(asked) == 1 and asks_if_concern_stands(asked[0])


def take_as_check(ctx: ScenarioContext, a: TurnAnalysis, text: str) -> None:
    """A check of the answer she was given: the check move; one that only asks whether her
    concern still stands ("is die veertien procent dan nog een bezwaar?") asks her no fact
    its words happen to name (the comparison, her price)."""
    a.moves.add(Move.CHECK)
    if not asks_only_if_it_stands(text) or not a.facts:
        return
    told = {o for f in a.facts if (o := ctx.cs.facts[f].objective)}
    a.objectives = [o for o in a.objectives if o not in told]
    a.facts, a.answered = [], []
    a.spin = None


def check_answered(cl: CompiledLanguage, address: str, reply: str, text: str) -> str:
    """Her yes to a check, turned round when the check asked whether her concern still
    stands: "is die veertien procent dan nog een bezwaar?" gets "Nee, daar kan ik mee
    verder", not a "Ja" that says it does."""
    if not asks_only_if_it_stands(text):
        return reply
    lex = cl.lm.lexicon
    yes, no = lex.line("check_ack_yes", address), lex.line("check_ack_no", address)
    for word in yes:
        if re.match(rf"{re.escape(word)}\b", reply) and no:
            return no[0] + reply[len(word):]
    return reply


def checks_own_answer(text: str) -> bool:
    """The message argues first and then asks whether that settles it, in one breath
    ("Bij ons zit u niet meer vast. Spreekt u dat aan?", "... so you're never tied again.
    sound good?"): its last question is about the answer just given."""
    if not _states_before_asking(text):
        return False
    asked = [p.strip() for p in _ANY_SENTENCE_END.split(text.strip()) if p.strip()]
    last = asked[-1] if asked else ""
    return last.endswith("?") and bool(_ABOUT_THAT.match(last) or _SHORT_CHECK.match(last)
                                       or asks_if_concern_stands(last))


def checks_her_answer(state: SessionState, text: str) -> bool:
    """A question about "that" right after the learner answered her concern (the concern
    still open with an answer tried, or accepted on the turn before): it asks whether the
    answer settled it, whatever its words ("does that make it easier to explain
    internally?"), and she says whether it did instead of "I couldn't tell you"."""
    asked = [p for p in _ANY_SENTENCE_END.split(text.strip()) if p.rstrip().endswith("?")]
    if not asked or not (_ABOUT_THAT.match(asked[0]) or (
            len(asked) == 1 and asks_if_concern_stands(asked[0]))):
        return False
    oid = state.pending_objection
    if oid:
        ostate = state.objections[oid]
        return ostate.steps["respond"] or "respond" in ostate.tried
    return any(o.handled and state.flags.get(f"handled_turn:{i}")
               == state.turn - 1 for i, o in state.objections.items())


def _states_before_asking(text: str) -> bool:
    """The message says something before its question (a sentence that is no question;
    typed in lower case too: "... that's gone. does that help?")."""
    parts = [p for p in _ANY_SENTENCE_END.split(text.strip()) if p]
    return any(not part.endswith("?") for part in parts[:-1])


_ANY_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def proposal_while_objecting(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn) -> str:
    """A proposal while her objection stands: noted, but she comes back to it first."""
    state = t.state
    state.closing["attempted"] = True
    state.closing["concrete"] = state.closing["concrete"] or t.a.concrete_time
    if names_a_day(t):
        state.flags["date_on_hold"] = state.turn  # "see you then!" next is no agreement
    oid = state.pending_objection
    assert oid is not None
    objection = ctx.cs.objections[oid]
    ostate = state.objections[oid]
    closing = ctx.scenario.closing
    if t.outcome is Outcome.NONE and _sends_what_she_asked(cl, objection.text, t.text):
        # "just send me the brochure" - "shall I mail you the brochure?": she takes what she
        # asked for ("sure, go ahead"); the brush-off was given in to, not handled, and
        # rests (no "really, a brochure is enough for me" to her own request)
        state.pending_objection = None
        ostate.rested = True
        apply_effects(state, [Event.OBJECTION_RESTED])
        if state.phase == "objection":
            state.phase = "inventory"
        return stock_line(ctx, cl, state, "permission_yes")
    if her_wish_met(ctx, cl, state, t.a) and not set(objection.answered_by).intersection(
            t.a.needs) and Move.DISCOUNT not in t.a.moves:
        # "shall we start with a trial week?" after she asked for one herself: she welcomes
        # what she asked for, and names the concern that still waits ("only the price is
        # still open"); "fifty cents times a year adds up" would brush her own wish off
        welcome = stock_line(ctx, cl, state, "proposal_welcome")
        return f"{welcome} {pending_named(ctx, cl, state, oid)}"
    if discount_objecting(t):
        # the money takes her reply ("a discount, just like that?") and nothing of her
        # concern is said: it is not recalled yet, so the next proposal gets her firmer
        # line, not "you're not addressing my point" as if she had said it twice
        return pick(cl, state, f"hold:{oid}", list(
            cl.lm.lexicon.line("proposal_on_hold", ctx.scenario.buyer.address)))
    if ostate.recalled and oid in t.a.responds_to:
        # "then Thursday 10 September, with Monique?" after "I need to discuss this with
        # Monique first" takes her concern up: it helps, it does not settle it; "you're
        # not addressing my point" would deny what was just offered
        return stock_line(ctx, cl, state, "objection_progress")
    reminded = sum(state.flags.get(f"said:{key}", 0) for key in _PENDING_KEYS)
    if ostate.recalled and reminded >= 1 and closing is not None and closing.stall:
        # she has said her concern stands, firmly and once more: a third time would be a
        # loop; she stops helping and puts the proposal off ("let's first see how the year
        # goes"), and the concern stays open
        return next_line(state, "stall", cl.texts(closing.stall))
    if money_offered(state, oid):
        text = after_money_line(ctx, cl, state, oid)
    elif ostate.recalled or objection.firmer is None:
        # "before we plan anything: the price is still open for me", not a bare "that
        # concern still stands" after other steps and proposals
        text = pending_named(ctx, cl, state, oid)
    else:
        text = pick(cl, state, f"firmer:{oid}", cl.texts(objection.firmer))
    ostate.recalled = True
    # she answers the proposal first ("before we plan anything"), then says why
    hold = stock_line(ctx, cl, state, "proposal_on_hold")
    return f"{hold} {lower_first(text, names_in(ctx, cl, state.lang))}" if hold else text


# her reminders that a concern stands, bare or named: said once on a proposal, the next
# proposal gets her stall instead of a third reminder
_PENDING_KEYS = ("objection_pending", "pending_price", "pending_other")


def her_wish_met(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                 a: TurnAnalysis) -> bool:
    """The proposal offers what she asked for herself in a buying signal ("could we do a
    trial week first?"): a need the learner names that her own words called for."""
    closing = ctx.scenario.closing
    if closing is None or not a.needs:
        return False
    asked = [text for i in state.signals_sent if i < len(closing.buying_signals)
             for text in cl.texts(closing.buying_signals[i].text)]
    wished = {need for line in asked
              for need, score in cl.needs.match(cl.lm.analyze(line)).items()
              if score >= KEYWORD_MATCH}
    return bool(wished.intersection(a.needs))


def pending_named(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                  oid: str) -> str:
    """Her pending concern recalled in a word: the price by name, another as her other
    point (no bare "that concern", which leaves the learner to guess which)."""
    key = "pending_price" if about_price(ctx, cl, oid) else "pending_other"
    return stock_line(ctx, cl, state, key)


def offered_money(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                  oid: str) -> None:
    """Money offered while this concern stands (a discount, a lower price): noted, so her
    later reminders react to it instead of restating a gap the cut may have closed ("fifty
    cents times a hundred lunches" after €6.40, Vers & Co's own level)."""
    state.flags.setdefault(f"discounted:{oid}", state.turn)
    if about_price(ctx, cl, oid):
        state.flags.setdefault(f"discounted_price:{oid}", state.turn)


def money_offered(state: SessionState, oid: str) -> bool:
    return f"discounted:{oid}" in state.flags


def about_price(ctx: ScenarioContext, cl: CompiledLanguage, oid: str) -> bool:
    """Her concern is the price: it comes up with the price, or names money itself
    ("fifty cents per lunch below you", "fourteen percent more per roll")."""
    return money_concern(cl, ctx.cs.objections[oid])


def after_money_line(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                     oid: str) -> str:
    """Her reminder once money was offered: a price concern gets "even at a lower price,
    why you?"; another concern "the price was never my point"."""
    key = ("objection_after_discount" if f"discounted_price:{oid}" in state.flags
           else "objection_not_the_price")
    return stock_line(ctx, cl, state, key)


# material a buyer asks to be sent instead of a meeting ("just send me the brochure")
_MATERIAL = re.compile(
    r"\b(?:brochures?|folders?|leaflets?|flyers?|catalog(?:ue)?s?|catalogus|documentation|"
    r"documentatie|information|informatie|info|price\s*lists?|prijslijst(?:en)?)\b", re.IGNORECASE)
_SEND = re.compile(
    r"\b(?:send|sending|mail|e-?mail|forward|drop\s+you|stuu?r\w*|opstur\w*|toestur\w*|"
    r"mail(?:en|t)?|e-?mailen|doorstur\w*)\b", re.IGNORECASE)


def _sends_what_she_asked(cl: CompiledLanguage, objection_text: Any, text: str) -> bool:
    """The proposal offers to send the material her objection asked for."""
    asked = " ".join(cl.texts(objection_text))
    return bool(_MATERIAL.search(asked) and _MATERIAL.search(text) and _SEND.search(text))


def answers_in_its_words(objection: Objection, a: TurnAnalysis) -> bool:
    """The message argues in the words her concern is answered by: its own cues and a need
    it is answered by ("you only pay for the lunches taken, so no Friday waste")."""
    return objection.id in a.responds_to and bool(set(objection.answered_by) & set(a.needs))


def anticipated(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis,
                text: str) -> bool:
    """A price objection she has not raised yet, named by a message that acknowledges
    or asks about it, or taken up right after she told its substance: it counts as
    raised, and this message as the answer to it."""
    asks = bool(a.moves & {Move.ACKNOWLEDGE, Move.CLARIFY}) or a.is_question
    for objection in ctx.scenario.objections:
        ostate = state.objections[objection.id]
        if ostate.raised_turn is not None or objection.raise_when.after != "price":
            continue
        if answers_in_its_words(objection, a) and not a.moves & {Move.ACKNOWLEDGE,
                                                                 Move.CLARIFY}:
            # "you only pay for the lunches taken, so over a year it's cheaper. Does that
            # help?" answers the fifty cents before he says it: nothing is left to raise
            state.flags[f"preempted:{objection.id}"] = state.turn
            continue
        shared = cl.objection_stems.get(objection.id, frozenset()) & cl.lm.analyze(
            text).stem_set
        if (asks and a.price and (shared & cl.objection_rare.get(objection.id, frozenset())
                                  or len(shared) >= 2)) or (
                _takes_up_what_she_told(ctx, state, a, text, objection.explain_tells)):
            ostate.raised_turn = state.turn - 1
            state.pending_objection = objection.id
            for need in objection.reveals:
                if need not in state.needs_stated:
                    state.needs_stated.append(need)
            return True
    return False


def _takes_up_what_she_told(ctx: ScenarioContext, state: SessionState, a: TurnAnalysis,
                            text: str, tells: list[str]) -> bool:
    """She has just told the substance of her price concern (asked "who else is pitching?":
    "Vers & Co, fifty cents cheaper per lunch"); the learner's next message about the price
    granting her point ("ok fair. what do they offer for that price?", "snap ik, prijs telt
    mee. waarin zijn ze goedkoper?") takes it up: her concern is on the table and this is
    the answer to it (her "like I said, fifty cents below you" would come too late); a
    fact it asks as well is still told."""
    # A "but" argues with it ("they might be cheaper, but our food is fresh", "oké, dat snap
    # ik. maar bij ons is alles vers"): a (poor) answer to her concern, not a pitch.
    # ("met wie, en waarin zijn ze goedkoper?", granting nothing, still gathers facts)
    granted = Move.ACKNOWLEDGE in a.moves
    argued = taken_back(text) is not None
    takes_up = (a.price and granted) or (argued and (a.price or granted))
    return takes_up and any(
        state.flags.get(f"heard:{f}") == state.turn - 1
        for f in ctx.cs.facts if ctx.cs.facts[f].objective in tells)


def reopen_rested(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                  text: str) -> bool:
    """A concern that rests is taken up again by a message that acknowledges or asks about
    it; one the learner put aside himself only by a message that names it ("about the
    price: I understand ..."), not by "I see" to whatever she said next."""
    for oid, ostate in state.objections.items():
        if ostate.rested and not ostate.handled:
            if f"parked:{oid}" in state.flags and not _names_concern(ctx, cl, oid, text):
                continue
            ostate.rested = False
            ostate.idle = 0
            state.pending_objection = oid
            return True
    return False


def _asks_about_money_instead(ctx: ScenarioContext, cl: CompiledLanguage, oid: str,
                              a: TurnAnalysis, text: str) -> bool:
    """The message's question is about the price, her pending concern is not about
    money, and the message names nothing of hers (her words, her answer's cues, the needs
    that answer it). ("Which firm was it? I bet one of those cheap ones" asks into hers.)"""
    asked = " ".join(_QUESTION.findall(text)) or text
    if _ISOLATES.search(text) or _IN_TIME.search(asked):
        # "apart from the price, is there anything else?" asks for hers; "what does the
        # retyping cost you in hours?" asks no price
        return False
    return a.price and not money_concern(cl, ctx.cs.objections[oid]) and bool(
        cl.lm.price.match(cl.lm.analyze(asked))) and not _names_concern(ctx, cl, oid, text)


# a sentence ending in a question mark
_QUESTION = re.compile(r"[^.!?]*\?")
# a cost counted in time, not money
_IN_TIME = re.compile(r"\b(?:time|hours|days|tijd|uren|uur|dagen)\b", re.IGNORECASE)


def _names_concern(ctx: ScenarioContext, cl: CompiledLanguage, oid: str, text: str) -> bool:
    """The message names her concern: her own words, its answer's cue words, or money
    when money is her concern."""
    msg = cl.lm.analyze(text)
    objection = ctx.cs.objections[oid]
    # her rare words, not the names in them ("Blinkend Schoon" names the supplier, and
    # "when does the contract with Blinkend Schoon end?" asks about the contract)
    names = {cl.lm.pipeline.stem(m.group(1).lower())
             for line in cl.texts(objection.text) for m in _NAME.finditer(line)}
    rare = (cl.objection_rare.get(oid, frozenset()) - names) & msg.stem_set
    return bool(rare) or oid in cl.objection_cues.match(msg) or bool(
        set(objection.answered_by).intersection(cl.needs.match(msg))) or (
        money_concern(cl, objection) and bool(cl.lm.price.match(msg)))


# a capitalised word inside a sentence: a name ("than Blinkend Schoon", "with Loonhuis")
_NAME = re.compile(r"(?<=[^\s.!?:])\s+([A-Z][\w'-]+)")


def bring_in_line(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, answers: list[str],
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
    objection = ctx.cs.objections[oid]
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
        return stock_line(ctx, cl, state, "objection_rests")
    if ostate.recalled:
        return ""
    if reacted and Move.DISCOUNT in t.moves:
        # "a discount, just like that?" (or the scenario's own words for it) is her reply;
        # the fifty cents come next
        return ""
    if agreed or answers:
        # she answers the question, or just said yes: "yes, that's fine. No, really,
        # I don't want to rush" takes it back in one breath, and "Friday is empty. As I
        # said, I don't want to rush" glues her concern onto a plain answer; it waits
        # for a turn that asks her nothing, or rests
        return ""
    ostate.recalled = True
    apply_effects(state, [Event.OBJECTION_IGNORED])
    if money_offered(state, oid):
        return after_money_line(ctx, cl, state, oid)
    firmer = cl.texts(objection.firmer) if objection.firmer else []
    return (pick(cl, state, f"firmer:{oid}", firmer) if firmer
            else stock_line(ctx, cl, state, "objection_pending"))


def untick(ctx: ScenarioContext, a: TurnAnalysis, moves: frozenset[Move], *,
           tied: bool = False) -> None:
    """A step the message did not take after all: a pitch is no answer tied to her need
    (no "a benefit tied to getting absence out of Excel" for it), a request for an e-mail
    address no clarifying question; an objective met only by such moves is not met, so
    the card does not praise it."""
    for objective in ctx.cs.objectives.values():
        if objective.id in a.objectives and objective.detect and all(
                det.moves and set(det.moves) <= moves and (det.tied_to_need or not tied)
                for det in objective.detect):
            a.objectives.remove(objective.id)


_ANSWER_MOVES = frozenset({Move.RESPOND_BENEFIT, Move.PROPOSE_SOLUTION})


def tick_steps(ctx: ScenarioContext, a: TurnAnalysis, steps: set[str]) -> None:
    """Objectives that stand for a handling step are met when the step is taken, also
    in words the cue lists do not know ("Eight years says a lot" acknowledges)."""
    moves = {STEP_MOVES[s] for s in steps}
    for objective in ctx.cs.objectives.values():
        if objective.id in a.objectives:
            continue
        for det in objective.detect:
            if det.moves and moves.intersection(det.moves) and not (
                det.form or det.spin or det.asked_by or det.number
                or (det.tied_to_need and not a.tied_needs)
            ):
                a.objectives.append(objective.id)
                break


def check_after_handling(ctx: ScenarioContext, state: SessionState, a: TurnAnalysis) -> bool:
    """A check right after the buyer accepted still completes the handling steps."""
    for ostate in state.objections.values():
        if ostate.handled and not ostate.steps["check"] and ostate.raised_turn is not None:
            ostate.steps["check"] = True
            a.steps = ["check"]
            tick_steps(ctx, a, {"check"})
            return True
    # "Do you see it that way too?" right after she accepted (checked already): she says
    # yes again, not "go on" as if nothing were asked
    return any(o.handled and state.flags.get(f"handled_turn:{oid}") == state.turn - 1
               for oid, o in state.objections.items())


def tick_explained(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                   reply: str) -> None:
    """Objectives her explanation told ("Vers & Co charges fifty cents less" says which
    competitor she compares with) are met once the explanation is in her reply, as if the
    learner had asked for them; the card then lists them as learned, not still unknown."""
    for objection in ctx.scenario.objections:
        if not objection.explain_tells or state.flags.get(
                f"explained:{objection.id}") != state.turn:
            continue
        if not any(text and text in reply for text in cl.texts(objection.explain)):
            continue  # a fact she answered took the explanation's place
        for oid in objection.explain_tells:
            state.objectives.setdefault(oid, state.turn)
            state.flags.setdefault(f"explained_objective:{oid}", state.turn)
