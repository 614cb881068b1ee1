"""Closing and the end of a call: answering a proposal or a request for the order,
buying signals told, what happens after a turn, and when the buyer ends the call."""

from __future__ import annotations

import re

from bot.engine.acts import CLOSING_ACTS, Act, Move
from bot.engine.analysis import TurnAnalysis
from bot.engine.compiled import CompiledLanguage
from bot.engine.context import ScenarioContext
from bot.engine.lines import end_call, next_line, pick, stock_line
from bot.engine.objections import _MATERIAL, _SEND, answers_in_its_words, trigger
from bot.engine.policy import (
    Outcome,
    Turn,
    names_a_day,
    names_weekday,
    wishes,
)
from bot.engine.state import SessionState
from bot.engine.wording import MONTHS, SELLER_SIDE, split_sentences

SITUATION_STREAK = 5

PATIENCE_MIN_TURNS = 5  # nobody walks out after a message or two, however poor

PROPOSING = frozenset({Move.ASK_FOR_ORDER, Move.PROPOSE_NEXT_STEP})

_OPENING_ACTS = frozenset({Act.GREET_INTRODUCE, Act.STATE_OBJECTIVE, Act.SMALL_TALK,
                           Act.GOODBYE})


_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# the seller speaking for the company: "we lease ...", "wij doen managed print", "our ..."
# A stem this long is a compound in Dutch ("labelprinter", "kopieerapparaat").
_COMPOUND_MIN = 10


def _content(cl: CompiledLanguage, text: str) -> tuple[list[str], list[str]]:
    said = cl.lm.analyze(text)
    return said.stems, said.words


def closing_reply(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, events: list[str]) -> str:
    """Answers a proposal; returns an objection if the proposal triggers one."""
    state, a = t.state, t.a
    closing = ctx.scenario.closing
    timed = month_answer(ctx, cl, t) if t.outcome is Outcome.HANDLED and closing is None else ""
    if timed:
        # "shall I call you in March, before the notice period?" took her concern up and
        # names a month: after her acceptance she says whether it is in time
        state.closing["attempted"] = True
        return timed
    if t.outcome is Outcome.HANDLED and t.act is not Act.ASK_ORDER and not (
            a.meeting_words or names_weekday(t.text)):
        # "if your people lose four hours less a week to corrections, doesn't it pay for
        # itself?" answered her concern and she took it: it names no meeting to agree to,
        # so her acceptance is the reply; a concern about a next step waits for one
        # ("four hours a week" is a rate, not a time in the diary)
        return ""
    state.closing["attempted"] = True
    # on a first visit there is nothing to sign yet: "15% off if you sign now" is no
    # next step she can agree to ("put it in the diary")
    premature = t.act is Act.ASK_ORDER and ctx.scenario.buyer.visit == "first"
    concrete = a.concrete_time or (t.act is Act.ASK_ORDER and not premature)
    state.closing["concrete"] = state.closing["concrete"] or concrete
    if state.phase != "ended":
        state.phase = "closing"
    if names_a_day(t):
        state.flags["date_on_hold"] = state.turn  # until she agrees below
    if Move.PROPOSE_NEXT_STEP in a.moves and t.act is not Act.ASK_ORDER:
        answered_ahead(ctx, state, a)
    if not state.closing["agreed"] and only_sends_material(t):
        # "I'll send you our brochure later" asks her to decide nothing: no "I can't
        # decide that alone", no "let's see how the year goes"; she lets it come
        t.closing_text = stock_line(ctx, cl, state, "permission_yes")
        return ""
    objection = trigger(ctx, cl, state, "next_step")
    if objection:
        objection = reacted_first(ctx, cl, t, objection)
        if t.outcome is Outcome.HANDLED:
            # "fair enough, show it with our data. Hold on, I can't decide that alone"
            # says yes and no at once: the new concern is her answer to the proposal
            t.objection_text = ""
        return past_her_deadline(ctx, cl, t, objection, events)
    if closing is None:
        # "shall I call you in March?" when notice is due by 1 December: not "fine"
        t.closing_text = month_answer(ctx, cl, t, late_only=True) or stock_line(
            ctx, cl, state, "after_close")
    elif state.closing["agreed"]:
        # "kunnen we volgende week afspreken?" after they agreed: no "zo is het, ja"
        t.closing_text = stock_line(ctx, cl, state, "already_agreed")
    elif premature or not closing_earned(ctx, state):
        t.closing_text = past_her_deadline(
            ctx, cl, t, next_line(state, "stall", cl.texts(closing.stall)), events)
        events.append("stall")
        state.flags["stalled"] = state.turn
    elif closing.late and too_late(ctx, cl, t):
        # "15 December" when the quotation must be there in November: she says so; "some
        # time in January" too, rather than ask "when exactly?" about a month too late
        t.closing_text = next_line(state, "late", cl.texts(closing.late))
        events.append("too_late")
        state.flags["date_on_hold"] = state.turn  # a date too late is no date agreed
    elif not concrete and only_mails_a_quote(t):
        # "shall I put a quote together and e-mail it to you?" books nothing in her diary:
        # she lets it come, not "fine, but when exactly?" as if a meeting was proposed
        t.closing_text = stock_line(ctx, cl, state, "quote_by_mail")
    elif not concrete:
        vague = cl.texts(closing.vague) if closing.vague else []
        t.closing_text = (next_line(state, "vague", vague) if vague
                          else next_line(state, "stall", cl.texts(closing.stall)))
    else:
        state.closing["agreed"] = True
        state.flags.pop("date_on_hold", None)
        t.closing_text = pick(cl, state, "agree", cl.texts(closing.agree))
        chosen = first_of_two_days(t.text, state.lang)
        if chosen:
            # "tue or thu morning?": her yes picks one, or the diary holds neither
            said = stock_line(ctx, cl, state, "choice_first").replace("{day}", chosen)
            t.closing_text = f"{said} {t.closing_text}".strip()
        events.append("agreed")
    return ""


# her deadline as she told it: "give notice by 1 December", "uiterlijk 1 december",
# "voor 1 juli moet ik het weten"
_DEADLINE = re.compile(r"\b(?:by|before|until|uiterlijk|voor|vóór)\s+(\d{1,2})\s+([a-z]+)",
                       re.IGNORECASE)


def month_answer(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, *,
                 late_only: bool = False) -> str:
    """Her answer to a proposal that names a month ("shall I call you in March, before the
    notice period?") when a deadline she told in this call says whether it is in time:
    "March is too late, though: it has to be settled by 1 December", or "March is fine".
    Read against the call's month; without one, or with no deadline told, she says
    nothing of it."""
    state = t.state
    if not state.month or not (t.act in CLOSING_ACTS or Move.PROPOSE_NEXT_STEP in t.a.moves):
        return ""
    # "in October, well before 1 December": the month proposed, not her deadline named
    words = re.findall(r"[A-Za-zé]+|\d+", t.text)
    proposed = next(((w, MONTHS[w.lower()]) for i, w in enumerate(words)
                     if ((w.lower() in MONTHS and len(w) > 3) or w.lower() == "mei")
                     and not _BEFORE & {x.lower() for x in words[max(0, i - 3):i]}), None)
    if proposed is None:
        return ""
    from bot.engine.summary_check import said_texts  # the summary check reads her lines
    deadlines = []
    for line in said_texts(ctx, cl, state)[1:]:  # not the briefing: what she said
        for m in _DEADLINE.finditer(line):
            month = MONTHS.get(m.group(2).lower())
            if month is not None:
                deadlines.append((int(m.group(1)), month, f"{m.group(1)} {m.group(2)}"))
    if not deadlines:
        return ""

    def ahead(month: int) -> int:
        return (month - state.month) % 12
    day, month, said = min(deadlines, key=lambda d: (ahead(d[1]), d[0]))
    word, wanted = proposed
    late = ahead(wanted) > ahead(month) or (wanted == month and day <= 7)
    if late_only and not late:
        return ""
    line = stock_line(ctx, cl, state, "proposal_too_late" if late else "proposal_in_time")
    return line.replace("{month}", word[:1].upper() + word[1:]).replace("{deadline}", said)


# "Hold on, I can't decide that alone": a concern that stops a proposal short without a
# word about it; the interjection gives way to her reaction to what was proposed
_STOPS_SHORT = re.compile(r"^(?:hold on|wait(?: a (?:moment|minute))?|one moment|ho|wacht"
                          r"(?: even)?|momentje)\s*[,.!:]\s*", re.IGNORECASE)

# what was proposed, for "A demo - fine in principle, but not yet." (its line is
# ``proposal_<kind>``; the first kind named wins)
_PROPOSAL_KINDS = (
    ("demo", re.compile(r"\b(?:demo\w*|demonstrat\w*|presentati\w*|laten zien|show you)\b", re.I)),
    ("trial", re.compile(r"\b(?:trial|pilot|proef\w*|test ?(?:week|period|periode))\b", re.I)),
    ("quote", re.compile(r"\b(?:quot\w*|offerte\w*|proposal|voorstel)\b", re.I)),
    ("call", re.compile(r"\b(?:call|ring|phone|bel|bellen|belafspraak|telefo\w*)\b", re.I)),
    ("meeting", re.compile(r"\b(?:meet\w*|appointment|afspr\w*|visit\w*|langs\w*|"
                           r"bezoek\w*|gesprek\w*|overleg\w*|come by|drop by|sit down)\b", re.I)),
)


def reacted_first(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, objection: str) -> str:
    """A concern raised by a proposal, said after her reaction to the proposal: "A demo
    - fine in principle, but not yet. I can't decide that alone ...", not a bare "hold on,
    I can't decide that alone" as if nothing had been proposed. A concern that reacts
    itself ("Sounds great, really. But ...") is said as written."""
    stop = _STOPS_SHORT.match(objection)
    if not stop:
        return objection
    address = ctx.scenario.buyer.address
    kind = next((k for k, pattern in _PROPOSAL_KINDS if pattern.search(t.text)), "")
    named = cl.lm.lexicon.line(f"proposal_{kind}", address) if kind else ()
    lead = stock_line(ctx, cl, t.state, "proposal_not_yet")
    if not lead:
        return objection
    what = pick(cl, t.state, f"proposal_{kind}", list(named))
    lead = (lead.replace("{what}", what) if what else
            lead.split("{what}", 1)[-1].lstrip(" –-,").capitalize())
    rest = objection[stop.end():]
    return f"{lead} {rest[:1].upper()}{rest[1:]}"


# Something to plan or decide beyond the material itself: a meeting, a call, a trial, a
# quote, a date ("and we'll find a date for a demo later", "and give you a call next week")
_TO_DECIDE = re.compile(
    r"\b(?:demo\w*|meet\w*|call|calls|ring|bel|bellen|belt|afspr\w*|appointment|visit\w*|"
    r"langs\w*|trial|pilot|proef\w*|presentati\w*|dates?|datum|agenda|diary|calendar|"
    r"quot\w*|offerte\w*|proposal|voorstel|contract|overleg\w*|gesprek\w*|come back|get back|"
    r"terug\w*|next week|volgende week|tomorrow|morgen|sign\w*|teken\w*|order)\b",
    re.IGNORECASE)


def only_sends_material(t: Turn) -> bool:
    """The "proposal" only offers to send material (a brochure, a price list, some
    information), with nothing to plan or decide: her answer is to let it come."""
    return (t.act is not Act.ASK_ORDER and not t.a.concrete_time and not names_a_day(t)
            and bool(_MATERIAL.search(t.text) and _SEND.search(t.text))
            and not _TO_DECIDE.search(t.text))


_QUOTE = re.compile(r"\b(?:quot(?:e|es|ation|ations)|offerte\w*|price proposal|prijsvoorstel)\b",
                    re.IGNORECASE)


def only_mails_a_quote(t: Turn) -> bool:
    """The proposal only offers to send a quote ("shall I e-mail you a quote?"), with no
    meeting, call or day in it."""
    rest = _QUOTE.sub(" ", t.text)
    return (t.act is not Act.ASK_ORDER and not t.a.concrete_time and not names_a_day(t)
            and bool(_QUOTE.search(t.text) and _SEND.search(t.text))
            and not _TO_DECIDE.search(rest))


_DAY_NAMES = {
    "en": {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
           "fri": "Friday"},
    "nl": {"ma": "Maandag", "di": "Dinsdag", "wo": "Woensdag", "do": "Donderdag",
           "vr": "Vrijdag"},
}
_FULL_DAY = (r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri)(?:day)?|"
             r"(?:maan|dins|woens|donder|vrij)dag")
_TWO_DAYS = re.compile(rf"\b({_FULL_DAY}|ma|di|wo|do|vr)(?:ochtend|middag|avond)?\b(?:\s+\w+)?"
                       rf"\s+(?:or|of)\s+(?:\w+\s+)?(?:{_FULL_DAY}|ma|di|wo|do|vr)"
                       rf"(?:ochtend|middag|avond)?\b", re.IGNORECASE)


def first_of_two_days(text: str, lang: str) -> str:
    """The first day of a choice of two the learner offers ("tue or thu morning?",
    "dinsdag of donderdag?"), as she names it ("Tuesday"), or ""."""
    m = _TWO_DAYS.search(text)
    if m is None:
        return ""
    word = m.group(1).lower()
    names = _DAY_NAMES.get(lang, {})
    key = word[:2] if lang == "nl" else word[:3]
    return names.get(key, "")


# The learner books a date she has not agreed to: "I'll send you the invitation", "see
# you Thursday", "ik stuur je vandaag nog een bevestiging", "tot dan", "in de agenda"
_BOOKS_THE_DATE = re.compile(
    r"\b(?:invit\w*|uitnodig\w*|confirmation|bevestiging|see (?:you|u|ya)\b|until then|"
    r"tot dan|tot (?:maan|dins|woens|donder|vrij)dag|in (?:the|my|your) (?:diary|calendar)|"
    r"in (?:de|mijn|je|jouw|uw) agenda)", re.IGNORECASE)


def date_not_agreed(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn) -> str:
    """Her correction when the learner treats a date she put off as agreed, in the middle
    of the call ("Great, I'll send you the invitation. And may I have your e-mail?"):
    the first words of her own "that date isn't agreed yet", once for each date. A
    goodbye gets the whole line (see ``policy``); a new proposal gets her answer to it."""
    state = t.state
    hold = state.flags.get("date_on_hold")
    if (hold is None or hold == state.turn or state.closing["agreed"] or state.ended
            or t.act is Act.GOODBYE or t.act in CLOSING_ACTS or state.flags.get(
                "date_corrected") == hold):
        return ""
    if not (_BOOKS_THE_DATE.search(t.text) or (
            t.a.names_date and Move.PROPOSE_NEXT_STEP not in t.moves)):
        return ""
    state.flags["date_corrected"] = hold
    own = ctx.scenario.buyer.lines.get("goodbye_unagreed")
    texts = [str(x) for x in cl.texts(own)] if own is not None else []
    texts = texts or list(cl.lm.lexicon.line("goodbye_unagreed", ctx.scenario.buyer.address))
    return split_sentences(texts[0])[0] if texts else ""


def answered_ahead(ctx: ScenarioContext, state: SessionState, a: TurnAnalysis,
                   event: str = "next_step") -> None:
    """A proposal that already answers the concern it would raise ("a demo on Tuesday
    with Monique and someone from the works council") does not raise it: "I need to
    discuss this with Monique first" would ignore what was just proposed. So with the
    price: "you only pay for the lunches taken, so over a year that's cheaper than 140
    fixed ones" names the price and answers the fifty cents in one breath."""
    for objection in ctx.scenario.objections:
        ostate = state.objections[objection.id]
        if (objection.raise_when.after == event and ostate.raised_turn is None
                and objection.id in a.responds_to and (
                    event != "price" or answers_in_its_words(objection, a))):
            # (a price named with "per year" in it answers nothing: the answer names the
            # need her concern is answered by, "only pay for the lunches taken")
            state.flags[f"preempted:{objection.id}"] = state.turn


def past_her_deadline(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, answer: str,
                      events: list[str]) -> str:
    """Her answer to a proposal she does not take up yet (a concern that stands, a "not
    yet"), led by "that's too late for us" when the date is past her deadline: "14 January"
    when notice is due by 1 January is wrong whatever else holds her back, and a buyer
    says so first. Her own counter-proposal ("Could we do it in November?") is left out:
    she is not planning anything yet."""
    closing = ctx.scenario.closing
    if not answer or closing is None or not closing.late or not too_late(ctx, cl, t):
        return answer
    late = [s for s in split_sentences(next_line(t.state, "late", cl.texts(closing.late)))
            if not s.endswith("?")]
    if not late:
        return answer
    if _deadline_told_now(ctx, cl, events, " ".join(late)) and ":" in late[0]:
        # "... I have to give Loonhuis notice before 1 October. That's too late: ... before
        # 1 October" says it twice in one breath: the reason was just given
        late = [late[0].split(":", 1)[0].rstrip() + "."]
    events.append("too_late")
    t.state.flags["date_on_hold"] = t.state.turn  # "see you then!" next agrees nothing
    # "Hold on, first this:" answers the proposal; the late date has answered it already
    for hold in cl.lm.lexicon.line("proposal_on_hold", ctx.scenario.buyer.address):
        if answer.startswith(hold + " "):
            rest = answer[len(hold):].strip()
            answer = rest[:1].upper() + rest[1:]
            break
    return " ".join([*late, answer])


def _deadline_told_now(ctx: ScenarioContext, cl: CompiledLanguage, events: list[str],
                       late: str) -> bool:
    """A fact she tells in this reply names the date her "too late" line gives."""
    dates = {m.group().lower() for m in _DAY_MONTH.finditer(late)}
    told = [str(x) for e in events if e.startswith("fact:") and e[5:] in ctx.cs.facts
            for x in cl.texts(ctx.cs.facts[e[5:]].answer)]
    return any(m.group().lower() in dates for line in told for m in _DAY_MONTH.finditer(line))


_DAY_MONTH = re.compile(r"\b\d{1,2}\s+[A-Za-z]+")


def too_late(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn) -> bool:
    """The proposal names a month past her deadline (``closing.late_months``)."""
    closing = ctx.scenario.closing
    assert closing is not None
    words = cl.lm.analyze(t.text).words
    return any(month_too_late(MONTHS.get(w), closing.late_months, t.state.month)
               and not _BEFORE & set(words[max(0, i - 3):i]) for i, w in enumerate(words))


# "well before 1 January", "ruim voor 1 januari": her deadline named, no date proposed
_BEFORE = frozenset({"before", "by", "until", "till", "prior", "ahead", "voor", "vóór",
                     "uiterlijk", "tot"})


def month_too_late(month: int | None, late_months: list[int], today_month: int) -> bool:
    """Whether a proposed month falls in her late window as it comes next.

    ``late_months`` runs from her deadline onwards (the first entry is the first month
    that is too late). Learners propose the next such month to come: in December, "15
    January" is six weeks away and well before a September deadline, while in the
    deadline month itself the whole window is already upon her. Without the call's month
    (``today_month`` 0) the months are read as they stand."""
    if month is None or month not in late_months:
        return False
    if not today_month:
        return True
    def ahead(m: int) -> int:
        return (m - today_month) % 12
    return ahead(month) >= ahead(late_months[0])


def closing_earned(ctx: ScenarioContext, state: SessionState) -> bool:
    closing = ctx.scenario.closing
    if closing is None:
        return True
    req = closing.requires
    if state.trust < req.trust:
        return False
    if any(o not in state.objectives and not _proposed_with(ctx, state, o)
           for o in req.objectives):
        return False
    if req.objections_handled:
        for ostate in state.objections.values():
            if ostate.raised_turn is not None and not (ostate.handled or ostate.rested):
                return False
    return True


def _proposed_with(ctx: ScenarioContext, state: SessionState, objective: str) -> bool:
    """A proposal already brought in what a concern of hers would have told ("a demo with
    Monique" before "I can't decide alone, Monique signs"): the proposal holds what the
    closing waits for, and "let's first see how the year goes" would ignore it. (The
    objective itself stays unmet: the learner never asked.)"""
    return any(f"preempted:{o.id}" in state.flags and objective in o.explain_tells
               for o in ctx.scenario.objections)


def situation_streak(ctx: ScenarioContext, state: SessionState, a: TurnAnalysis) -> int:
    """Consecutive situation questions, this one included: a buyer tires of facts."""
    if a.spin == "situation" and a.act is Act.FACT_QUESTION and not a.probes_deeper:
        state.situation_streak += 1
    elif a.is_question:
        state.situation_streak = 0
    if ctx.scenario.kind not in ("spin", "first_visit"):
        return 0
    if state.turn - state.flags.get("situation_overload", -99) < SITUATION_STREAK:
        return 0
    return state.situation_streak if a.spin == "situation" and not a.probes_deeper else 0


def after_turn(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, a: TurnAnalysis,
               events: list[str], *, cool: bool = False, text: str = "",
               settled: bool = False, answered_proposal: bool = False,
               reply: str = "", plan_open: bool = False) -> str:
    """Objections set off by what was said, a buying signal, or the end of the call.
    Says at most one of them (an end line always). ``settled``: her reply confirms a
    concern settled ("yes, I can work with that" to the check after her acceptance), and
    a concern due by the clock waits. ``answered_proposal``: her reply is her answer to a
    proposal (a yes, a "not yet", "too late"), and a concern due by the clock waits too:
    "let's first see how the year goes. You know what, I have a site meeting at eleven,
    just send me the brochure" gives two answers to one question. ``reply``: what she
    says before it."""
    if state.ended:
        return ""
    said = ""
    raised_now = any(o.raised_turn == state.turn for o in state.objections.values())
    # a concern due by the clock or set off by the price waits until the learner is
    # through the opening (greeting, agenda, small talk): "we'll go through the
    # proposal" is no moment for "the other caterer is fifty cents cheaper"
    opening = a.act in _OPENING_ACTS
    # nor in the reply that accepts (or lets rest) another one: "all right, worth a
    # look - just send me the brochure" takes back in one breath what it granted; so
    # does "yes, I can work with that" to the check after it
    settled_now = settled or any(e.startswith(("handled:", "rested:")) for e in events)
    # nor in her yes to a check the turn after she accepted ("Do you see it that way?" -
    # "Yes, that's right. You know what, just send me the brochure"); the next question
    # may bring it
    settled_now = settled_now or (Move.CHECK in a.moves and a.is_question and any(
        state.flags.get(f"handled_turn:{oid}") == state.turn - 1 for oid in state.objections))
    # "what matters most to you, the price or that people actually eat there?": the price
    # is one of the choices she is asked to weigh; her answer (the taste) is what matters,
    # not a complaint about the price in the same breath
    weighs_price = a.is_question and bool(a.answered) and _price_in_a_choice(cl, text or "")
    if not raised_now and not state.pending_objection:
        if a.price and not opening and not weighs_price:
            answered_ahead(ctx, state, a, "price")
            said = trigger(ctx, cl, state, "price")
        for fact_id in [e.removeprefix("fact:") for e in events if e.startswith("fact:")]:
            said = said or trigger(ctx, cl, state, "fact", fact=fact_id)
        # nor once the next step is agreed: "just send me the brochure" after "I'll invite
        # Monique, bring the calculation" takes the yes back
        if not opening and not settled_now and not answered_proposal and not (
                state.closing["agreed"]):
            said = said or trigger(ctx, cl, state, "turn")
    closing = ctx.scenario.closing
    offer_told(ctx, cl, state, a, text)
    if not said and not cool and not opening and closing is not None and (
        not state.closing["agreed"] and not state.pending_objection
    ):
        for i, signal in enumerate(closing.buying_signals):
            if i in state.signals_sent or any(
                    f in state.revealed or f"short:{f}" in state.flags for f in signal.about):
                continue  # its topic is settled: "how soon could you start?" after 1 Sept
            if signal.after_turn <= state.turn:
                state.signals_sent.append(i)
                said = pick(cl, state, f"signal:{i}", cl.texts(signal.text))
                break
    end = end_check(ctx, cl, state, events, reply=" ".join(p for p in (reply, said) if p),
                    text=text or "", plan_open=plan_open and a.act not in CLOSING_ACTS
                    and not answered_proposal and not said)
    if end and state.end_reason == "patience":
        return end
    return " ".join(p for p in (said, end) if p)


def offer_told(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
               a: TurnAnalysis, text: str) -> None:
    """What the learner told or proposed of the offer answers the buying signals about it
    ("We leasen labelprinters" - no "doen jullie ook labelprinters?" later), whatever her
    reply to it (a concern it set off included)."""
    if ctx.scenario.closing is None:
        return
    proposes = bool(a.moves & (PROPOSING | {Move.PROPOSE_SOLUTION}))
    told = not a.is_question and len(a.topic_stems) >= 2
    if proposes or told:
        signals_told(ctx, cl, state, a.topic_stems, proposes=proposes,
                     offers=bool(told and SELLER_SIDE.search(text or "")))
    elif a.is_question and text:
        # "We lease label and office printers. What does your company do?": what the
        # seller says about the offer before the question tells it all the same
        # ("Printwise levert industriële labelprinters in lease": the firm by name too)
        firm = cl.text(ctx.scenario.seller.company)
        stated = " ".join(part for part in _SENTENCES.split(text)
                          if not part.rstrip().endswith("?") and (SELLER_SIDE.search(part) or (
                              firm and firm.lower() in part.lower())))
        if stated:
            signals_told(ctx, cl, state, frozenset(_content(cl, stated)[0]), offers=True)


def signals_told(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                 told: frozenset[str], *, proposes: bool = False, offers: bool = False
                 ) -> None:
    """A buying signal the learner already answered ("we lease label and office
    printers") is not asked later ("do you do label printers too?"); nor one the
    learner just offered ("shall we do a trial week?" - "could we do a trial week
    first?"): one shared word is enough then. When the seller says what the offer holds
    ("wij leasen labelprinters"), a compound word shared with her question counts as the
    two words it is made of (label + printers)."""
    closing = ctx.scenario.closing
    assert closing is not None
    for i, signal in enumerate(closing.buying_signals):
        if i in state.signals_sent:
            continue
        texts = cl.texts(signal.text)
        if not texts:
            continue
        stems = {st for st, w in zip(*_content(cl, str(texts[0])), strict=True)
                 if len(st) > 3 and w not in cl.lm.lexicon.stopwords}
        shared = stems & told
        weight = len(shared) + (sum(len(st) >= _COMPOUND_MIN for st in shared) if offers else 0)
        if weight >= (1 if proposes else 2):
            state.signals_sent.append(i)


def end_check(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
              events: list[str], *, reply: str = "", text: str = "",
              plan_open: bool = False) -> str:
    """The buyer ends the call when her patience or the time runs out. ``reply`` is what
    she says before it in the same message, ``text`` the learner's message;
    ``plan_open``: her reply so far takes up no proposal of his."""
    if state.ended:
        return ""
    if state.patience <= 0 and state.turn >= PATIENCE_MIN_TURNS:
        end_call(state, "patience", events)
        return stock_line(ctx, cl, state, "end_patience")
    if state.turn >= ctx.scenario.scoring.max_turns:
        end_call(state, "max_turns", events)
        if ctx.scenario.kind == "drill" and invites_more(reply):
            # a drill is two or three messages long and the screen says it has ended:
            # "Tell me how that works." or "Go ahead." is her last word, not "tell me
            # how it works - I'm out of time" in one breath
            return ""
        # "succes om 4 uur!", "good luck with the board": she thanks him back
        end = stock_line(ctx, cl, state, "out_of_time_thanks" if wishes(text)
                         else "out_of_time")
        if ctx.scenario.kind == "drill" and (not reply or plan_open) and makes_a_plan(
                cl, text or ""):
            # "Top, dan bel ik Bas morgen om een moment te prikken": she takes up his plan
            # in a few words before she wraps up, not only "my time is up"
            return " ".join(p for p in (stock_line(ctx, cl, state, "plan_ack"), end) if p)
        return end
    return ""




CHOICE_REACH = 3  # words either side of "or" that make up one of the choices


def _price_in_a_choice(cl: CompiledLanguage, text: str) -> bool:
    """The price is one side of an "or" ("the price or that people eat there?", "de prijs
    of de smaak?"), not the matter of a question that also says "of" ("wat is het budget,
    of weet je dat nog niet?")."""
    words = cl.lm.analyze(text).words
    for i, word in enumerate(words):
        if word in cl.lm.lexicon.choice_words:
            near = " ".join(words[max(0, i - CHOICE_REACH):i + CHOICE_REACH + 1])
            if cl.lm.price.match(cl.lm.analyze(near)):
                return True
    return False


def makes_a_plan(cl: CompiledLanguage, text: str) -> bool:
    """The learner says what he will do next ("Great, I'll email Bas today", "dan bel ik
    Bas morgen"), asking her nothing: a plan she can take up."""
    # "Heeft u in het weekend genoeg mensen? Anders kom ik na Pasen nog eens langs.": the
    # plan is a sentence of its own, after the question
    told = " ".join(s for s in split_sentences(text) if not s.rstrip().endswith("?"))
    msg = cl.lm.analyze(told)
    return bool(msg.words) and bool(cl.lm.plans.match(msg))


# The start of a sentence that asks the seller to go on: "Tell me how that works.",
# "Go ahead.", "Begint u maar.", "Vertelt u eens hoe dat werkt.", "Zeg in één zin waar het
# over gaat."
_INVITATION = re.compile(
    r"(?:tell me|tell us|go ahead|go on|show me|let's hear|let me hear|i'm listening|"
    r"vertel|vertelt u|begin maar|begint u maar|ga je gang|ga uw gang|ga maar door|"
    r"gaat u maar door|laat (?:maar |eens )*(?:horen|zien)|laat u (?:maar |eens )*"
    r"(?:horen|zien)|zeg het maar|zegt u het maar|zeg in één zin|zegt u in één zin)\b",
    re.IGNORECASE)


def invites_more(reply: str) -> bool:
    """Her reply ends by asking the seller to go on: a question, or "tell me how"."""
    sentences = split_sentences(reply)
    if not sentences:
        return False
    last = sentences[-1].strip()
    return last.endswith("?") or bool(_INVITATION.match(last))


# The time a learner proposes for a call or a visit: "maandag om 9.00 uur", "tomorrow
# morning at half eight", "morgenochtend om half negen", "Monday at 10"
_DAY = (r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday|morgen|tomorrow|overmorgen|vanmiddag|"
        r"vanavond|this afternoon|tonight)(?:\s*(?:ochtend|middag|avond|morgen)|"
        r"\s+(?:morning|afternoon|evening))?")
_CLOCK = (r"(?:(?:om|at|rond|around)\s+)?(?:half\s+\w+|kwart\s+(?:over|voor)\s+\w+|"
          r"\d{1,2}(?:[:.]\d{2})?(?:\s*(?:uur|u|am|pm|o'clock))?|"
          r"(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|one|two|three|"
          r"four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*(?:uur|o'clock))?)")
_PROPOSED_TIME = re.compile(rf"\b{_DAY}(?:\s+{_CLOCK})?\b", re.IGNORECASE)
_CLOCK_ONLY = re.compile(rf"\s{_CLOCK}$", re.IGNORECASE)

# her yes to the learner's own time ("{time} is fine, I'm in the office then"), in place
# of the time her acceptance proposes herself
AT_THEIR_TIME = "accepted_at_time"


def at_their_time(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, accepted: str) -> str:
    """Her concern answered in the same message that proposes a time to call ("Zal ik
    maandag om 9.00 uur even bellen om het te regelen?"): she takes up that time, not the
    one her acceptance offers ("Of belt u maandag om half negen"). The sentences of her
    acceptance that name a day of their own give way to her yes to theirs; without a
    time in the learner's words her acceptance stands."""
    a = t.a
    if not (a.concrete_time or a.names_date) or Move.PROPOSE_NEXT_STEP not in a.moves:
        return accepted
    # the day with a time of the day ("deze zaterdag al vier krachten. Zal ik maandag om
    # 9.00 uur bellen?" proposes Monday at nine), else the day its question names
    found = [m.group(0).strip() for m in _PROPOSED_TIME.finditer(t.text)]
    asked = [m.group(0).strip() for part in _SENTENCES.split(t.text) if "?" in part
             for m in _PROPOSED_TIME.finditer(part)]
    timed = [w for w in found if _CLOCK_ONLY.search(w)]
    when = next(iter(timed or asked or found[-1:]), "")
    if not when:
        return accepted
    sentences = split_sentences(accepted)
    timed_at = {i for i, s in enumerate(sentences) if _PROPOSED_TIME.search(s)}
    if not timed_at:
        return accepted  # her acceptance offers no time of its own
    # "Oké, dan heb ik twee minuten. *Of* belt u maandag om half negen": the time she
    # offers is the other choice to the one before it; the learner chose a later time,
    # so "then I've got two minutes" gives way as well (a question before it stays)
    choices = cl.lm.lexicon.choice_words
    for i in sorted(timed_at):
        first = sentences[i].split()[:1]
        if i and first and first[0].lower().strip(",") in choices and not (
                sentences[i - 1].rstrip().endswith("?")):
            timed_at.add(i - 1)
    kept = [s for i, s in enumerate(sentences) if i not in timed_at]
    said = stock_line(ctx, cl, t.state, AT_THEIR_TIME)
    if said.startswith("{time}"):
        when = when[:1].upper() + when[1:]
    said = said.replace("{time}", when)
    return " ".join([*kept, said])
