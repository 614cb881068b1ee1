"""What a learner's message mainly does in the call: one dialogue act, decided in context.

The cue lists in the lexicon find *moves* (a message can introduce, ask and propose at
once); the act is the one thing the buyer reacts to. Context decides where the words do
not: a question right after an objection clarifies it, an agenda ending in "is that OK?"
states the objective, a closing word inside a question about something else is no close.
The vocabulary is fixed by ``contract.md`` (the ``act`` of every turn in the JSON report).
"""

from __future__ import annotations

from dataclasses import replace
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
    THANKS = "thanks"
    SMALL_TALK = "small_talk"
    PITCH_QUESTION = "pitch_question"  # "did you know our ...?", "... Interested?"


OBJECTION_MOVES = frozenset({Move.ACKNOWLEDGE, Move.CLARIFY, Move.RESPOND_BENEFIT, Move.CHECK})
CLOSING_ACTS = frozenset({Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER})
OPENING_TURNS = 3
CHECK_ALONE_WORDS = 8  # "tell me about yourself" in the first turns is part of the introduction
BARE_CHECK_WORDS = 12  # "does that take away your concern about the price?"


# Acts whose question gathers information (and so has a SPIN type): a proposal's "does
# that suit you?", a pitch's "interested?", a summary's "right?" or a close ask for none
INFORMATION_ACTS = frozenset({Act.FACT_QUESTION, Act.OBJECTION_RESPONSE, Act.OTHER})
# Opening acts whose question may invite her to introduce herself ("I'm Tom from SchoonWerk.
# Could you tell me a bit about yourself?"): that invitation asks about her situation
OPENING_ACTS = frozenset({Act.GREET_INTRODUCE, Act.STATE_OBJECTIVE})


def invites_her_story(a: TurnAnalysis, act: Act) -> bool:
    """An opening (a greeting with an introduction, or the agenda) whose question is the
    invitation to tell about herself or her company: a situation question, as a trainer
    counts it, while the act stays the introduction or the agenda. An agenda asked to be
    agreed ("..., is that OK? Then tell me ...") asks the check first: no SPIN type."""
    return act in OPENING_ACTS and Move.INVITE_INTRODUCTION in a.moves and a.form == "open"


def isolates_her_concern(a: TurnAnalysis, act: Act) -> bool:
    """"Apart from the price, is there anything else that would stop you?", "is de prijs
    het enige?": the yes/no question that isolates her objection asks no SPIN question
    (what she doubts about, asked open, does: "waar twijfel je nog over?")."""
    return act is Act.OBJECTION_RESPONSE and a.isolates


def pitch_keeps_question(a: TurnAnalysis, act: Act) -> bool:
    """A pitch told beside a question about her ("we have a model 30% faster. What
    matters most to you in a printer?"): the question keeps its SPIN type."""
    return act is Act.PITCH and a.pitch_aside and a.is_question


def main_act(a: TurnAnalysis, state: SessionState) -> Act:
    """The one act the buyer reacts to; the order of the tests is the priority."""
    if a.empty:
        return Act.OTHER
    if _discount_on_signing(a):
        # "I'll knock 40 cents off if you sign this month", "als u voor drie jaar tekent
        # gaat er 10% af": the signing is the discount's condition, the offer is the point
        a = replace(a, moves=a.moves - {Move.ASK_FOR_ORDER})
    moves = a.moves
    asks_fact = bool(a.facts) and a.asks
    opening = state.turn <= 1 or bool(moves & {Move.GREET, Move.INTRODUCE})
    closing_moves = moves & {Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER}
    farewell = Move.GOODBYE in moves or _thanks_at_the_end(a, state)
    if farewell and not asks_fact and not opening and (
        not closing_moves or state.closing["agreed"] or not a.is_question
    ):
        return Act.GOODBYE  # "I'll send you the quote then. Have a nice day!" takes leave
    pending = state.pending_objection
    # A summary sums up; one that goes on to propose something is that proposal, one that
    # goes on to the agenda states the objective ("last time you said ...; today I'd like").
    offers = Move.PROPOSE_SOLUTION in moves or (a.seller_talk and not a.is_question)
    # "so fewer jams; shall we meet Thursday 15 January at 10:00?", "... the square metres
    # you mentioned - how about Tuesday 11 November at 9?": a day and a time make it a
    # proposal, whatever it recalls of hers
    offers = offers or (Move.PROPOSE_NEXT_STEP in moves and (a.dated or a.asks_proposal))
    # "from what u said a fixed team would really help. thats how we work, same ppl every
    # time. would that fix it for u?": her need met by what we do, and asked whether it does
    offers = offers or (a.seller_talk and a.tells_own_side and bool(a.tied_needs) and (
        a.form == "closed") and not a.facts and not pending)
    if Move.SUMMARIZE in moves and (a.form != "open" or a.recap_check) and not offers and (
        not a.question_closes) and (
        Move.STATE_OBJECTIVE not in moves
    ) and not (Move.GREET in moves and not a.is_question) and not (
            pending and (a.states_benefit or a.responds_to or (
            # "so you're afraid the switch goes wrong again?" clarifies her concern
            Move.CLARIFY in moves and a.about_objection))) and not (
            # "you said X; our module does Y. Does that take away your price concern?"
            Move.CHECK in moves and a.responds_to and a.tied_needs):
        return Act.SUMMARY
    if pending and state.objections[pending].raised_turn != 0 and (
            _proposes_for_her_needs(a, pending) or _adjusts_the_offer(a)):
        return Act.SOLUTION
    if pending and _handles_objection(a, state):
        return Act.OBJECTION_RESPONSE
    if not pending and _checks_handling(a, state):
        return Act.OBJECTION_RESPONSE
    if not pending and _asks_about_put_off(a, state):
        return Act.OBJECTION_RESPONSE
    if a.reports_back and not a.is_question and not closing_moves:
        # "Good question, I'll check with our planner and let you know": an answer to come
        # (not a pitch for "our planner", nor a next step of the sale)
        return Act.OTHER
    if Move.PITCH_QUESTION in moves and not closing_moves:
        # "Did you know our batteries charge in an hour?": the offer, asked as a question
        return Act.SOLUTION if a.tied_needs else Act.PITCH
    if Move.ASK_FOR_ORDER in moves and (not asks_fact or a.question_closes) and (
            a.form != "open" or a.question_closes):  # "so how shall we go ahead with the order?"
        if Move.PROPOSE_NEXT_STEP in moves and a.meeting_words and not a.question_closes:
            # "shall we make an appointment to sign, Thursday at 2?", "I'll email you the
            # order confirmation": a meeting or a document to come is the next step
            return Act.NEXT_STEP_PROPOSAL
        return Act.ASK_ORDER
    if Move.PROPOSE_NEXT_STEP in moves and Move.STATE_OBJECTIVE in moves and (
            state.turn <= OPENING_TURNS and not state.closing["attempted"]):
        # "Today I'd like to get to know each other, ... and agree a next step. Does that fit
        # until half past ten?": in the opening a plan for the visit is its agenda
        return Act.STATE_OBJECTIVE
    if Move.PROPOSE_NEXT_STEP in moves and not (asks_fact and a.form == "open"):
        return Act.NEXT_STEP_PROPOSAL
    if a.joke and not a.tied_needs and not asks_fact and Move.GREET not in moves:
        return Act.SMALL_TALK  # "haha, our cleaners are quicker than I am at parking"
    if opening_boast(a, state):
        # "Good morning! Tom, SchoonWerk. We're the largest cleaner in the country, ISO
        # certified": the greeting that opens the call, however much it boasts (she still
        # answers the boast: "you don't know anything about us yet")
        return Act.GREET_INTRODUCE
    if Move.SUMMARIZE in moves and offers:
        # "what you described: that is exactly what our app fixes" cites her words (while
        # an objection stands too, when it does not answer that objection)
        return Act.SOLUTION
    if Move.PROPOSE_SOLUTION in moves or (Move.RESPOND_BENEFIT in moves and not a.is_question):
        # a follow-up visit knows her needs from the first one, unless the offer is recited
        # as a list of what we have ("salad bar, soup, fresh, local, and our chefs are ...")
        knows_needs = bool(state.needs_stated) or (a.follow_up and not a.pitch)
        if a.tied_needs or (Move.PROPOSE_SOLUTION in moves and knows_needs and (
                a.needs or Move.CHECK in moves)):
            return Act.SOLUTION
        if Move.PROPOSE_SOLUTION in moves and not a.is_question:
            return Act.PITCH
        if a.needs and not a.is_question and not a.pitch:
            # "we swap a broken printer within 4 hours, so no more missed trucks": a
            # benefit on one of her needs is the offer, tied once she has stated needs
            return Act.SOLUTION if knows_needs else Act.PITCH
    if a.pitch or (Move.DISCOUNT in moves and not a.is_question):
        return Act.PITCH  # a discount nobody asked for sells on price
    if a.seller_talk and not a.is_question and not pending and Move.ACKNOWLEDGE in moves and (
            not moves & {Move.SUMMARIZE, Move.STATE_OBJECTIVE, Move.GREET, Move.INTRODUCE}):
        # "Great to hear! And don't forget, our trucks come with ...", "dat hoor ik vaker, wij
        # hebben daar een mooi pakket voor": a nod, then the offer nobody asked about
        return Act.PITCH
    fresh_intro = Move.INTRODUCE in moves and "introduced" not in state.flags
    if Move.STATE_OBJECTIVE in moves and not asks_fact and not (
        fresh_intro and Move.GREET in moves and not _agenda_checked(a)
    ):
        # "Good morning, I'm Tom from SchoonWerk. Today I'd like to ... Does that work for
        # you?": an agenda she is asked to agree to is the point, whatever greets it
        return Act.STATE_OBJECTIVE
    if fresh_intro:
        return Act.GREET_INTRODUCE
    if Move.GREET in moves and not a.is_question and state.turn <= OPENING_TURNS and (
            not a.greeting_with_content):
        return Act.GREET_INTRODUCE
    # "what do you think of the weather today?" checks nothing: small talk (below)
    chat = Move.SMALL_TALK in moves and not pending and "solution_tied" not in state.flags
    if Move.CHECK in moves and a.is_question and not asks_fact and not chat:
        long = a.word_count > CHECK_ALONE_WORDS  # a proposal with its check question
        return Act.SOLUTION if long or "solution_tied" in state.flags else Act.OTHER
    if Move.INVITE_INTRODUCTION in moves and Move.STATE_OBJECTIVE in moves and (
            state.turn <= OPENING_TURNS and not closing_moves):
        # "Today I'd like to hear how ..., and then see whether ... But first, tell me about
        # yourself?": the opening's agenda with its invitation (the topics it names are its
        # items, not questions)
        return Act.STATE_OBJECTIVE
    if Move.INVITE_INTRODUCTION in moves and a.is_question:
        return Act.FACT_QUESTION  # "what does your role look like?" asks about her
    if Move.SMALL_TALK in moves and (not asks_fact or not a.facts or a.aside):
        # "Totally unrelated, but do you do returns too? My sister has a web shop": an
        # aside asks about her life or business outside the call, whatever words it shares
        return Act.SMALL_TALK
    if a.is_question or a.asks:
        if Move.GREET in moves and not asks_fact:
            return Act.SMALL_TALK  # "hi, how are you?"
        if a.pitch_aside and not pending and not a.tied_needs:
            # "We have a new model that prints 30% faster. What matters most to you?": the
            # offer told beside a question about her is a pitch (the question keeps its form
            # and SPIN type)
            return Act.PITCH
        return Act.FACT_QUESTION
    if (Move.GREET in moves and not a.greeting_with_content) or Move.INTRODUCE in moves:
        return Act.GREET_INTRODUCE
    if not pending and a.needs and not moves - {Move.ACKNOWLEDGE}:
        # "On top of that, the cao module calculates every allowance automatically": the
        # offer's benefits talked up with no question and no step proposed (a benefit on
        # her own words is the solution)
        return Act.SOLUTION if a.tied_needs else Act.PITCH
    return Act.OTHER


def opening_boast(a: TurnAnalysis, state: SessionState) -> bool:
    """The first message greets and talks up the seller's company or offer, asking
    nothing and setting no agenda: an opening (a trainer labels it the greeting), whose
    boast is what the buyer reacts to."""
    moves = a.moves
    return state.turn <= 1 and Move.GREET in moves and not a.is_question and not (
        state.pending_objection) and not (
        moves & {Move.STATE_OBJECTIVE, Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER,
                 Move.SUMMARIZE}) and not a.tied_needs and (
        Move.PROPOSE_SOLUTION in moves or a.pitch)


def _agenda_checked(a: TurnAnalysis) -> bool:
    """The agenda ends in a check that she agrees ("..., is dat goed?", "ok?"): the
    analysis reads such a message as one closed question that asks no facts."""
    return a.is_question and a.form == "closed" and not a.asks and not a.facts


def _discount_on_signing(a: TurnAnalysis) -> bool:
    """A discount offered on the condition of signing, stated, not asked: a price offer
    (to her objection, or a pitch), no request for the order."""
    return Move.DISCOUNT in a.moves and Move.ASK_FOR_ORDER in a.moves and not a.is_question


def _checks_handling(a: TurnAnalysis, state: SessionState) -> bool:
    """"Does that take away your concern?" after her objection was answered (or while it
    was just answered): the check step of objection handling."""
    if not a.is_question or a.facts or (a.form == "open" and Move.CHECK not in a.moves):
        return False
    for ostate in state.objections.values():
        if ostate.raised_turn is not None and not ostate.steps["check"] and (
            ostate.handled or ostate.steps["respond"]
        ):
            return Move.CHECK in a.moves or (a.form == "closed" and not a.moves & {
                Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER})
    return False


def _asks_about_put_off(a: TurnAnalysis, state: SessionState) -> bool:
    """"What exactly would you like to think over?" right after she put the proposal off
    ("let me bounce it off a few colleagues"): a clarifying question on that put-off, the
    same step as on an objection (no new fact asked, no new proposal made)."""
    return state.flags.get("stalled") == state.turn - 1 and a.is_question and (
        a.form == "open") and not a.facts and not a.moves & {
            Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER, Move.PROPOSE_SOLUTION, Move.SUMMARIZE}


def _proposes_for_her_needs(a: TurnAnalysis, oid: str) -> bool:
    """A proposal built on needs she stated while a concern she raised later in the call
    stands ("Dan zou ik het zo doen: de uren-app voor de uitvoerders, ... U hoeft uw
    huidige pakket niet in één keer los te laten", "Then I'd adapt the proposal: a two-week
    trial ..."): the (adjusted) solution, as a trainer labels it. Not when it takes her
    concern up by name or price, acknowledges or asks into it, or proposes a meeting; a
    concern she opened the call with (a drill) makes every answer the response to it."""
    return Move.PROPOSE_SOLUTION in a.moves and bool(a.tied_needs) and not (
        a.moves & {Move.ACKNOWLEDGE, Move.CLARIFY, Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER}
    ) and not a.about_objection and oid not in a.responds_to and not a.price


def _adjusts_the_offer(a: TurnAnalysis) -> bool:
    """The offer changed on her points while a concern she raised later in the call stands
    ("Then my suggestion: we fix the €4.40 employer part for the first year, ...", "Dan pas ik
    het voorstel aan: ...", "We could also drop the hot dish on Fridays, that brings the
    price down"): the adjusted solution, as a trainer labels it. Not a nod to her concern
    first ("OK, I understand. Maybe we could spread the cost"), a yes-but, a discount, a
    dated meeting, a request for the order or sales talk ("We could also add a theme day
    every week, people love that")."""
    return a.adjusts_offer and not a.yes_but and not a.dated and not a.pitch and not (
        a.moves & {Move.ACKNOWLEDGE, Move.CLARIFY, Move.ASK_FOR_ORDER, Move.DISCOUNT})


def _answers_then_proposes(a: TurnAnalysis, oid: str | None) -> bool:
    """A benefit on the need her pending concern named, followed by a step to make it happen
    ("Bij ons kunt u maandelijks toestellen erbij of eraf doen, dus geen drie jaar vast. Ik
    bel u in november nog even."): the answer is the point, not the proposal."""
    return oid is not None and Move.PROPOSE_NEXT_STEP in a.moves and (
        Move.RESPOND_BENEFIT in a.moves) and (a.states_benefit or not a.dated) and not (
        a.moves & {Move.ASK_FOR_ORDER, Move.DISCOUNT, Move.GREET}) and bool(
        set(a.tied_needs) & set(a.answers_objection))


GOODBYE_WORDS = 14


def _thanks_at_the_end(a: TurnAnalysis, state: SessionState) -> bool:
    """"Thanks Marco, see you on the 20th!" once the next step is agreed (or time is up)."""
    if Move.THANKS not in a.moves or a.is_question or a.word_count > GOODBYE_WORDS:
        return False
    # "No problem, I'll email you the brochure then. Thanks!" leaves with a last promise
    return state.closing["agreed"] or state.closing["attempted"] or (
        Move.PROPOSE_NEXT_STEP in a.moves)


def _handles_objection(a: TurnAnalysis, state: SessionState) -> bool:
    """A step of objection handling, or an attempt at one. While her objection stands a
    message that takes a step, names it or answers it is the response; a pitch, a
    proposal on other points (with its own "would that work?"), a summary or a joke that
    ignores it is what it is. When she raised it in her first words the whole call is
    about it, and any statement answers it."""
    oid = state.pending_objection
    ostate = state.objections[oid] if oid else None
    knew = bool(ostate and ostate.raised_turn == 0)
    named = a.about_objection or bool(set(a.tied_needs) & set(a.answers_objection)) or (
        Move.DISCOUNT in a.moves)
    refers = knew or named
    handling = a.moves & {Move.ACKNOWLEDGE, Move.CLARIFY, Move.CHECK}
    if a.asks_mailing and not a.responds_to:
        return False  # "Shall I sign you up for our newsletter too?" asks her permission
    if a.asks_contact and not handling and not a.states_benefit:
        return False  # "Mag ik het e-mailadres van de directeur?" asks where to reach him
    if not a.is_question and ostate is not None and a.yes_but:
        # "Ja, die zijn goedkoper, maar hun kwaliteit is niet goed", "Ja, maar kijk: bij ons
        # zit support er gratis bij" while her concern stands: a (poor) answer to her point,
        # arguing with it
        return True
    if knew and not named and a.pitch and not handling and not a.needs and (
            Move.RESPOND_BENEFIT not in a.moves):
        return False  # "we are ISO certified and serve 200 offices" boasts past her concern
    if ((a.pitch and not knew) or (knew and not named and Move.INTRODUCE in a.moves)) and not (
            handling or a.needs or a.tied_needs or a.responds_to or a.is_question
            or a.moves & {Move.RESPOND_BENEFIT, Move.DISCOUNT}):
        # "Our system really is the best on the market, everyone is switching to it" names
        # her word in passing; "Ik houd het kort! FlexWerk bestaat al dertig jaar, ..."
        # tells the company's story to a buyer who said she has no time: a pitch (in a
        # drill one that speaks of her concern, "but we're not like that company", argues)
        return False
    if handling == {Move.CHECK} and Move.PROPOSE_SOLUTION in a.moves and not refers:
        return False  # "Then I'd add a second hot dish. Would that cover it?" checks that
    if handling == {Move.CHECK} and Move.PROPOSE_NEXT_STEP in a.moves and a.names_date and (
            not named and not a.responds_to and Move.RESPOND_BENEFIT not in a.moves):
        return False  # "Tuesday the 14th at ten, does that suit you?" checks the date
    if _answers_then_proposes(a, oid):
        # "Our screens work with every laptop, so that's no problem. Can I come by and show
        # them?": the answer to her concern is the bulk, the visit its follow-through
        return True
    if a.moves & {Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER, Move.GREET} and not handling:
        return False
    if a.joke and not handling:
        return False
    if Move.SMALL_TALK in a.moves and a.is_question and not a.facts and not named and (
            handling <= {Move.ACKNOWLEDGE}):
        return False  # "I see. Lovely decorations by the way, did you make them?" chats
    if handling:
        return not (a.facts and Move.CLARIFY not in a.moves and Move.ACKNOWLEDGE not in a.moves
                    and a.form == "open")
    if a.is_question and not a.tagged:  # "ur system has no site app right" argues
        # "Would that help you?" after an answer checks it, and so does a benefit with its
        # own check ("With our module that work disappears. Would that answer it?"), or
        # her own need met with a check ("you said X; our module does Y. Does the sum still
        # look the same?"); other questions are questions
        if ostate and a.form == "closed" and not a.facts and oid in a.responds_to:
            return True  # "Zal ik een proefrol sturen?" offers what answers her concern
        if ostate and a.form == "closed" and not a.facts and a.about_objection and (
                not a.asks_permission and Move.SMALL_TALK not in a.moves):
            # "Is that the kind of freedom you're looking for after March?": a yes/no
            # question in her own words about her concern checks or clarifies it
            return True
        return bool(ostate and a.form == "closed" and not a.facts and not a.asks_permission
                    and (ostate.steps["respond"] or "respond" in ostate.tried
                         or (Move.RESPOND_BENEFIT in a.moves
                             and (a.states_benefit or bool(a.tied_needs)))))
    if refers:
        return True
    # A new proposal on her other points is a solution, a pitch a pitch.
    return not (Move.PROPOSE_SOLUTION in a.moves or a.pitch or Move.SUMMARIZE in a.moves)


def bare_check(a: TurnAnalysis) -> bool:
    """A check question and nothing else ("does that take away your concern about the
    price?"): it proposes nothing a concern could come up against, and asks for her yes.
    "We have a CAO module that does exactly that. Would that help?" offers something."""
    return (Move.CHECK in a.moves and a.is_question and not a.seller_talk
            and not a.states_benefit and a.word_count <= BARE_CHECK_WORDS
            and not a.moves & {Move.PROPOSE_SOLUTION, Move.RESPOND_BENEFIT})
