"""The buyer's dialogue policy: named rules in tables, read top to bottom.

A reply is planned per turn (``bot.engine.engine``): at most one *reaction* to what the
learner did, the *answers* to what was actually asked, and at most one thing the buyer
*brings in* herself. Which reaction, and what every event does to trust and patience, is
decided here, in one place, so a trainer or developer can read the buyer's behaviour
without reading the engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.engine.acts import Act, Move, bare_check, opening_boast
from bot.engine.wording import SELLER_SIDE
from bot.engine.yes_but import is_yes_but, taken_back

if TYPE_CHECKING:
    from bot.engine.analysis import TurnAnalysis
    from bot.engine.state import SessionState


class Event(StrEnum):
    """Things that happen in a turn and change how the buyer feels about the seller."""

    INTRODUCED = "introduced"
    INVITED = "invited"
    OBJECTIVE_STATED = "objective_stated"
    SUMMARY = "summary"
    OPEN_QUESTION = "open_question"
    SOLUTION_TIED = "solution_tied"
    OBJECTION_ACKNOWLEDGED = "objection_acknowledged"
    OBJECTION_HANDLED = "objection_handled"
    OBJECTION_IGNORED = "objection_ignored"
    OBJECTION_RESTED = "objection_rested"
    DISCOUNT = "discount"
    PITCH = "pitch"
    SITUATION_OVERLOAD = "situation_overload"
    EMPTY = "empty"
    UNPRODUCTIVE = "unproductive"


# What each event does: (trust, patience). The only place where trust and patience change
# during a call (rudeness ends the call outright).
EFFECTS: dict[Event, tuple[float, int]] = {
    Event.INTRODUCED: (1.0, 0),
    Event.INVITED: (1.0, 0),
    Event.OBJECTIVE_STATED: (1.0, 0),
    Event.SUMMARY: (0.5, 0),
    Event.OPEN_QUESTION: (0.25, 0),
    Event.SOLUTION_TIED: (1.0, 0),
    Event.OBJECTION_ACKNOWLEDGED: (0.5, 0),
    Event.OBJECTION_HANDLED: (1.0, 0),
    Event.OBJECTION_IGNORED: (-0.5, -1),
    Event.OBJECTION_RESTED: (-1.0, 0),
    Event.DISCOUNT: (-1.0, 0),
    Event.PITCH: (-0.5, -1),
    Event.SITUATION_OVERLOAD: (0.0, -1),
    Event.EMPTY: (0.0, -1),
    Event.UNPRODUCTIVE: (0.0, -1),
}
TRUST_MIN, TRUST_MAX = -5.0, 10.0
SUMMARY_CREDIT = 2  # summaries that still earn trust; after that they are just polite
REST_AFTER = 3  # turns a buyer waits for an answer to her objection before letting it rest
FEW_FACTS = 3  # below this many answered facts, the buyer "hardly knows anything about us"
VAGUE_WORDS = 6  # "what about the cleaning?" is vague; a longer question is just unknown
# "what do you mean exactly?" fits "and then?"; a question this long is clear, only new to her
CLEAR_WORDS = 4


class Outcome(StrEnum):
    """What the learner's message did to a pending objection."""

    NONE = "none"
    ACKNOWLEDGED = "acknowledged"
    CLARIFIED = "clarified"
    PROGRESS = "progress"
    HANDLED = "handled"
    PARKED = "parked"  # the learner put it aside ("let's leave the price for now"): it rests


@dataclass
class Turn:
    """What the policy needs to know about the turn being answered."""

    a: TurnAnalysis
    act: Act
    state: SessionState
    text: str = ""  # the learner's words (a month named in a proposal)
    answered: bool = False  # the buyer gives at least one answer to a question
    outcome: Outcome = Outcome.NONE
    fresh: set[str] = field(default_factory=set)  # once-per-call flags set by this turn
    closing_text: str = ""
    objection_text: str = ""  # accepted / explained, from the objection itself
    follow_up: bool = False  # the scenario is a follow-up visit: they have met before
    # her own chat line ("busy as ever, the building season is in full swing") shares a
    # word with the message ("what are you building there?")
    chat_line_fits: bool = False
    misquoted: str = ""  # a figure in the learner's summary that she never gave
    unsaid: bool = False  # the summary holds something she has not told (penalties, a rival)
    rest_right: bool = False  # one point of the summary is not hers; the rest is right
    own_lines: frozenset[str] = frozenset()  # line keys the scenario writes for this buyer
    own_pitch_lines: int = 0  # variants of her own reply to a pitch, in this language
    elaborates: bool = False  # "can you give me an example?" about what she just told
    # the learner already did more than greet (an agenda, a question, a pitch): "welcome
    # back" or "nice to meet you" no longer fits, whatever the message holds
    past_opening: bool = False
    # she has told what her problem costs her (the penalties, the re-run payroll): the
    # value of solving it is no "nice, but no priority"
    pain_told: bool = False
    # "so you pay less now, but lose hours on corrections. Did I get that right?" while
    # her objection stands: a summary she confirms or corrects, not an answer to weigh
    summarizing: bool = False
    # "Morning Marco! Coffee would be lovely. Nice to see the canteen is getting there":
    # the greeting chats too (about what she said when she opened, or small talk)
    greets_with_chat: bool = False

    @property
    def moves(self) -> set[str]:
        return self.a.moves


@dataclass(frozen=True)
class Rule:
    """One reaction: when it applies, and the buyer line (a lexicon/scenario key) it says.

    ``line`` names a line key; the values ``"@closing"`` and ``"@objection"`` say the text
    the closing or objection step already chose."""

    name: str
    applies: Callable[[Turn], bool]
    line: str
    cool: bool = False  # a refusal, a rebuke or not following: no buying signal after it


QUESTION_ACTS = frozenset({Act.FACT_QUESTION, Act.SMALL_TALK})
# the rule whose reply takes leave: the engine ends the call after it
LEAVES_ON_A_REFUSED_DATE = "leave-taking that books a date she did not agree"


def _asked_unanswered(t: Turn) -> bool:
    """A question she cannot place; proposals, summaries and the like are no questions."""
    return (t.a.is_question or t.a.asks) and not t.answered and t.act in QUESTION_ACTS


def _argues(t: Turn) -> bool:
    """"I understand. Maybe we could spread the cost over the lease": the message argues
    too; "I'm glad you understand" would ignore the argument."""
    return bool(t.moves & {Move.RESPOND_BENEFIT, Move.PROPOSE_SOLUTION}) or t.a.states_benefit


def _talks_past_it(t: Turn) -> bool:
    """"I get it, but our software is just better", "I understand. Your supplier is
    outdated anyway": the understanding is a preamble to talk about the seller's side or
    her supplier, and "I'm glad you understand" would take it at face value."""
    return t.a.seller_talk and not _argues(t)


def _asks_her(t: Turn) -> bool:
    """"I understand. Shall we do the demo on Friday?": the understanding leads up to a
    question, and "I'm glad you understand" would leave the question unanswered."""
    return t.a.is_question or t.a.asks


def _asks_her_business(t: Turn) -> bool:
    """A question beside the understanding that she must answer: not one that only chats
    ("Mooi uitzicht, werkt u hier al lang? Maar ik begrijp het: het contract loopt"), which
    she lets pass to take the understanding in."""
    return _asks_her(t) and not (Move.SMALL_TALK in t.moves and not t.a.facts and not (
        t.moves & {Move.CLARIFY, Move.CHECK, Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER}))


def _misses_the_point(t: Turn) -> bool:
    """An attempt at her objection that takes no step, after she already repeated it."""
    oid = t.state.pending_objection
    if t.act is not Act.OBJECTION_RESPONSE or t.outcome is not Outcome.NONE or t.answered:
        return False
    ostate = t.state.objections[oid] if oid else None
    return bool(ostate and ostate.recalled and ostate.idle < REST_AFTER)


def _asks_about_stall(t: Turn) -> bool:
    """"What exactly would you like to think over?" right after she put a proposal off
    ("let me bounce it off a few colleagues"): she says what holds her back, not "I
    couldn't tell you much about that"."""
    return (t.state.flags.get("stalled") == t.state.turn - 1 and not t.answered
            and not t.state.pending_objection and t.act not in (Act.GOODBYE, Act.SUMMARY)
            and t.a.is_question and (Move.CLARIFY in t.moves or t.a.form == "open"))


def _small_talk_question(t: Turn) -> bool:
    """"Hi Gerard! Did you survive the quarter closing?", "hi ingrid, lisa from printwise.
    busy day?": the greeting asks her something, and "welcome back" or "nice to meet you"
    would leave it unanswered."""
    return Move.SMALL_TALK in t.moves and t.a.is_question


def _chat_question(t: Turn) -> bool:
    """A small-talk question ("hi, good weekend?", "where do you live?") that no fact of
    hers answers."""
    small = t.act is Act.SMALL_TALK or (t.act is Act.GREET_INTRODUCE and _small_talk_question(t)
                                         and not t.past_opening)
    return small and (t.a.is_question or "?" in t.text) and not t.answered


def _no_line_of_her_own(t: Turn) -> bool:
    """Chat about something else than how she is, and the scenario wrote no chat line for
    her (or she said it already): the lexicon's "fine, thanks" is for "how are you?" only.
    Past the greeting her own line ("busy, as always") answers how she is, not "how long
    have you been in Venlo?" or "do you ship abroad as well?"."""
    return not t.a.wellbeing and (
        "small_talk" not in t.own_lines or bool(t.state.flags.get("said:small_talk"))
        or (t.state.turn > 1 and not {"greeted", "introduced"} & t.fresh
            and not t.chat_line_fits))


def _welcomed(t: Turn) -> bool:
    """She already welcomed him back to an earlier greeting: "Werkwijzer HR is the most
    complete package" next (the company named, read as an introduction) gets no second
    "good to see you again"."""
    return t.state.flags.get("greeted", t.state.turn) < t.state.turn


def _chatty_return(t: Turn) -> bool:
    """A greeting on a follow-up visit that chats as well, asking her nothing."""
    return t.follow_up and bool({"introduced", "greeted"} & t.fresh) and (
        t.greets_with_chat) and not t.past_opening and not _small_talk_question(t) and (
        not t.answered)


# "..., or are the nurses on the road?", "huizen of kantoren?": a choice between two things;
# not "or not?", "of zo?", nor "weet u of ..." (whether)
_CHOICE = re.compile(
    r"\b(or|of)\s+(?!not\b|niet\b|so\b|zo\b|what\b|wat\b|something\b|iets\b|anything\b|"
    r"nothing\b|niks\b|nee\b|no\b)\w+\s+\w+", re.IGNORECASE)
_WHETHER = frozenset({"weet", "weten", "vraag", "benieuwd", "know", "wonder", "wondering",
                      "check", "kijken", "zien", "see"})
CHOICE_WHETHER_REACH = 3  # words before "of" that make it "whether" ("weet u of ...")


def _offers_a_choice(text: str) -> bool:
    for match in _CHOICE.finditer(text):
        before = re.findall(r"\w+", text[:match.start()].lower())[-CHOICE_WHETHER_REACH:]
        if before and not _WHETHER & set(before):
            return True
    return False


def _chat_choice(t: Turn) -> bool:
    """Chat that asks her to choose ("do you build houses or offices mostly?", "werken
    jullie vanuit hier of zitten ze op de weg?") past the greeting: "yes" answers no such
    question, nor does "busy as ever"."""
    return t.act is Act.SMALL_TALK and t.a.form == "closed" and not t.answered and not (
        t.a.wellbeing or t.a.tagged or t.a.compliment) and (
        t.state.turn > 1 or t.state.pending_objection is not None) and not {
        "greeted", "introduced"} & t.fresh and _offers_a_choice(t.text)


def _chat_later(t: Turn) -> bool:
    """Small talk once she has told something, or while her concern stands: she answers
    it briefly and steers back (unless her own small-talk line is still unsaid)."""
    return t.act is Act.SMALL_TALK and (
        bool(t.state.revealed) or t.state.pending_objection is not None) and (
        "small_talk" not in t.own_lines or bool(t.state.flags.get("said:small_talk"))
        or not t.a.wellbeing)


def _remark(t: Turn) -> bool:
    """Small talk that asks her nothing ("my uncle is in construction too, haha"): "fine,
    thank you" would answer a question nobody asked."""
    return t.act is Act.SMALL_TALK and not (t.a.is_question or "?" in t.text)


def _assumes_a_date(t: Turn) -> bool:
    """"See you Tuesday!" takes a date as agreed; "I'll e-mail you some dates" or "I'll
    call you in January to fix a date" promises to propose one, and takes nothing."""
    return t.a.names_date and Move.PROPOSE_NEXT_STEP not in t.moves


# a weekday: "demo next thursday?" asks for that day ("next week", "in januari" do not)
_WEEKDAY = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|"
    r"(?:maan|dins|woens|donder|vrij|zater|zon)dag)\b", re.IGNORECASE)


def names_weekday(text: str) -> bool:
    return bool(_WEEKDAY.search(text))


def names_a_day(t: Turn) -> bool:
    """The proposal names a day (a date such as "20 June", a time on a day, or a weekday):
    until she agrees, "see you then!" takes something she has not given."""
    return t.a.concrete_time or t.a.day_of_month or bool(_WEEKDAY.search(t.text))


# "I'll send you the invitation", "see you then", "tot dinsdag de 8e": the goodbye takes
# up the appointment she was asked for
_TAKES_UP_THE_MEETING = re.compile(
    r"\b(?:invit\w*|uitnodig\w*|see (?:you|u|ya) then|until then|tot dan|tot zo)\b",
    re.IGNORECASE)


def _takes_up_refused_date(t: Turn) -> bool:
    """A goodbye that treats a date she did not agree to as agreed: a dated proposal she
    answered with a concern or a "not yet" (at any earlier turn, until she agrees to one),
    then "thanks, I'll send you the invitation, see you on the 8th"."""
    return "date_on_hold" in t.state.flags and (
        t.a.names_date or bool(_TAKES_UP_THE_MEETING.search(t.text)))


# Good wishes in the learner's message: "succes om 4 uur!", "good luck with the board",
# "fijne dag nog" (a plain "thanks" needs no "you too")
_WISHES = re.compile(
    r"\b(?:succes|good luck|best of luck|veel plezier|enjoy (?:your|the rest)|"
    r"have a (?:good|nice|great)|fijne (?:dag|middag|avond|weekend)|"
    r"prettige (?:dag|middag|avond)|sterkte)\b",
    re.IGNORECASE)


def wishes(text: str) -> bool:
    return bool(_WISHES.search(text))


def _leaves_on_a_refused_date(t: Turn) -> bool:
    """"Great, I'll send you an invite this afternoon. Thanks Ingrid, and good luck
    downstairs!" after she put the date off: a leave-taking that books it, asking nothing;
    her "that appointment isn't agreed yet" is the answer, not her concern again."""
    return t.act in (Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER) and "?" not in t.text and (
        not t.state.closing["agreed"]) and _takes_up_refused_date(t) and (
        bool(t.moves & {Move.THANKS, Move.GOODBYE}) or wishes(t.text))


# the seller's side ("we", "ons", "our") and a closing question whether it helps her
_HELPS_HER = re.compile(
    r"\b(?:(?:would|will|could|does|do|can)\s+(?:that|this|it)\s+(?:help|fix|work|solve|suit)|"
    r"fits? what (?:u|you) said|sound good|appeal|"
    r"spreekt (?:je|u|jou) dat aan|(?:zou|zal|kan) dat (?:helpen|werken|passen)|helpt dat|"
    r"past dat|lijkt (?:je|u|jou) dat wat|werkt dat voor)", re.IGNORECASE)


def _proposes_and_checks(t: Turn) -> bool:
    """A message read as a summary that goes on to what the seller would do and asks
    whether that helps her ("Dan maken we twee uitgiftepunten ... Spreekt je dat aan?")."""
    question = t.text.rstrip()
    last = re.split(r"(?<=[.!])\s+", question)[-1] if question.endswith("?") else ""
    before = question[: len(question) - len(last)] if last else ""
    return bool(last and _HELPS_HER.search(last) and SELLER_SIDE.search(before))


# "laat je het me weten?", "will you let me know?", "hoor ik dan van u?"
_ASKS_TO_HEAR_BACK = re.compile(
    r"\b(?:laat (?:je|u) (?:het|mij|me)(?: (?:me|mij|even))? weten|hoor ik (?:het |dan |nog )*"
    r"van (?:je|u|jou)|(?:will|would|could|can) you let (?:me|us) know|let me know|"
    r"(?:will|would|could) you (?:get back|call me|give me a call)|belt u mij|bel je me)\b"
    r"[^.!]*\?", re.IGNORECASE)


# "dat contract respecteer ik natuurlijk", "I respect that": respect, not understanding
_RESPECTS = re.compile(r"\b(?:respect|respecteer|respecteren)\b", re.IGNORECASE)


def _yes_but(t: Turn) -> bool:
    """"Dat hoor ik vaker, maar VanVloot heeft de scherpste tarieven": the understanding
    is the first half of a "yes, but", and "I'm glad you understand" would take it at face
    value. A "but" that leads into the understanding ("Nice office. But that's fine, I
    respect the contract") turns from small talk to her point: no yes-but (``yes_but``
    reads it, as the card does)."""
    return is_yes_but(t.text) and (not _asks_her(t) or _argues_as_a_question(t))


def _argues_as_a_question(t: Turn) -> bool:
    """"Dat snap ik. Maar u kunt het toch eens proberen?": the "but" opens a yes/no question
    that asks her to give in, no fact of hers: the argument in question form."""
    but = taken_back(t.text)
    if but is None or t.a.form != "closed" or t.a.facts:
        return False
    after = t.text[but.start:]
    return "?" in after and not re.search(r"[.!?]\s", after.split("?")[0])


def discount_objecting(t: Turn) -> bool:
    """Money offered while her concern stands ("if you sign this month I can do €8.50"):
    she notices it, whatever else the message holds, and it does not answer her concern.
    A scenario that writes her own discount lines (the drills) keeps them."""
    return (Move.DISCOUNT in t.moves and bool(t.state.pending_objection)
            and "discount" not in t.own_lines)


def _offered_before(t: Turn, flag: str) -> bool:
    """Money was offered for her pending concern in an earlier turn (``offered_money``)."""
    turn = t.state.flags.get(f"{flag}:{t.state.pending_objection}")
    return turn is not None and turn < t.state.turn


def _pitch_before_knowing_her(t: Turn) -> bool:
    """A pitch before she has told much: "you don't know anything about us yet". On a
    follow-up visit the seller does know them; only the scenario's own lines fit (each
    once), after that the pitch gets the reply to a pitch that ignores what she said."""
    boast = t.act is Act.GREET_INTRODUCE and opening_boast(t.a, t.state)  # "Hi! We're the best"
    # what she told counts, also in a word to a closed question ("three times a week")
    told = set(t.state.revealed) | {k.removeprefix("short:") for k in t.state.flags
                                    if k.startswith("short:")}
    if (t.act is not Act.PITCH and not boast) or len(told) >= FEW_FACTS:
        return False
    return not t.follow_up or t.state.flags.get("said:pitch", 0) < t.own_pitch_lines


# The reaction to the learner's act: the first rule that applies wins; none may apply
# (then the buyer just answers, or says the default line).
REACTIONS: tuple[Rule, ...] = (
    Rule("empty message", lambda t: t.a.empty, "deflect", cool=True),
    Rule("goodbye after agreement", lambda t: t.act is Act.GOODBYE
         and t.state.closing["agreed"], "bye_after_agreement"),
    Rule("goodbye to a date she did not agree", lambda t: t.act is Act.GOODBYE
         and not t.state.closing["agreed"] and (_assumes_a_date(t) or t.state.flags.get(
             "date_on_hold") == t.state.turn - 1 or _takes_up_refused_date(t)),
         "goodbye_unagreed"),
    Rule("goodbye", lambda t: t.act is Act.GOODBYE, "goodbye"),
    Rule("objection accepted", lambda t: t.outcome is Outcome.HANDLED, "@objection"),
    Rule("objection explained", lambda t: t.outcome is Outcome.CLARIFIED and not t.answered,
         "@objection"),
    # "no problem, let's leave the price for now": she lets it rest, saying it is not gone
    Rule("objection put aside by the learner", lambda t: t.outcome is Outcome.PARKED,
         "@objection", cool=True),
    # "Oké, prima, overleg het maar even met de directie. Laat je het me weten?": he lets
    # her take it away and asks to hear back; her yes, not "my point still stands"
    Rule("asked to let him know while her concern stands", lambda t: bool(
        t.state.pending_objection) and not t.answered and t.outcome in (
        Outcome.NONE, Outcome.ACKNOWLEDGED, Outcome.PROGRESS) and bool(
        _ASKS_TO_HEAR_BACK.search(t.text)),
         "will_let_know"),
    # "I understand, 9.40 is more. If those corrections were gone, what would that be
    # worth to you?": the value question is answered, whatever the concern still asks
    Rule("objection acknowledged, then asked what solving it is worth", lambda t: t.outcome
         in (Outcome.ACKNOWLEDGED, Outcome.PROGRESS) and not t.answered and t.a.is_question
         and t.a.form == "open" and t.a.spin == "need_payoff" and not t.closing_text,
         "value_known"),
    Rule("discount offered while her concern stands", discount_objecting,
         "discount_objecting", cool=True),
    # a scenario's own line to money offered ("So you were just too high to begin with?")
    # answers the discount itself, before "that doesn't change the fourteen percent"
    Rule("discount offered while her concern stands, in her own words", lambda t: Move.DISCOUNT
         in t.moves and bool(t.state.pending_objection) and "discount" in t.own_lines
         and not t.answered and t.outcome is Outcome.NONE, "discount", cool=True),
    Rule("summary while she objects", lambda t: t.summarizing and not t.answered and t.outcome
         in (Outcome.NONE, Outcome.ACKNOWLEDGED, Outcome.PROGRESS), "@summary"),
    # "we do the reception desk after hours too" to "you'll be more expensive": the benefit
    # is noted, the price is not answered ("nice to have, but the price stays the price")
    Rule("a benefit that leaves her money concern open", lambda t: t.outcome
         in (Outcome.PROGRESS, Outcome.ACKNOWLEDGED) and bool(t.objection_text)
         and not t.answered and not t.closing_text, "@objection"),
    Rule("objection acknowledged with an argument that misses it", lambda t: t.outcome
         is Outcome.ACKNOWLEDGED and not t.answered and _argues(t) and not t.closing_text,
         "objection_progress"),
    Rule("objection acknowledged as a preamble to talk about the seller or her supplier",
         lambda t: t.outcome is Outcome.ACKNOWLEDGED and not t.answered and (
             _talks_past_it(t) or _yes_but(t)), "acknowledge_past_it", cool=True),
    Rule("objection acknowledged with respect for it", lambda t: t.outcome
         is Outcome.ACKNOWLEDGED and not t.answered and not _asks_her_business(t)
         and bool(_RESPECTS.search(t.text)), "acknowledge_respect"),
    Rule("objection acknowledged", lambda t: t.outcome is Outcome.ACKNOWLEDGED
         and not t.answered and not _asks_her_business(t), "acknowledge_ack"),
    # "... a demo on Thursday 3 October at 9. Does that suit you?" with a benefit in it:
    # her answer to the proposal ("before we plan anything: ...") also says the point stands
    Rule("objection partly answered", lambda t: t.outcome is Outcome.PROGRESS
         and not t.answered and not t.closing_text, "objection_progress"),
    Rule(LEAVES_ON_A_REFUSED_DATE, _leaves_on_a_refused_date, "goodbye_unagreed"),
    Rule("closing answer", lambda t: bool(t.closing_text), "@closing"),
    Rule("asked what holds her back after she put off a proposal", _asks_about_stall,
         "stall_reason"),
    # after money was offered for it: the lower price noted, then her concern in other words
    Rule("an answer that misses her price point after a discount", lambda t: _misses_the_point(
        t) and _offered_before(t, "discounted_price"), "objection_after_discount", cool=True),
    Rule("an answer that misses her point after a discount", lambda t: _misses_the_point(
        t) and _offered_before(t, "discounted"), "objection_not_the_price", cool=True),
    Rule("an answer that misses her point", _misses_the_point, "objection_pending", cool=True),
    Rule("discount offered once she has told what she needs", lambda t: Move.DISCOUNT
         in t.moves and (t.follow_up or len(t.state.revealed) >= FEW_FACTS), "discount_late",
         cool=True),
    Rule("discount offered", lambda t: Move.DISCOUNT in t.moves, "discount", cool=True),
    # "does that take away your concern about the price?" after she took the answer: a yes,
    # not "that could fit, tell me how it works" to a check that proposes nothing
    Rule("a check that proposes nothing", lambda t: t.act is Act.SOLUTION and bare_check(t.a)
         and not t.answered and not t.state.pending_objection, "check_ack"),
    Rule("tied solution", lambda t: t.act is Act.SOLUTION and "solution_tied" in t.fresh,
         "solution_ack"),
    # "We're the biggest in the country. Who cleans for you now?": she answers the question;
    # "I'd rather hear a question first" would deny the one just asked
    Rule("pitch before knowing her, with a question she answers", lambda t:
         _pitch_before_knowing_her(t) and t.a.is_question and t.answered,
         "pitch_with_question", cool=True),
    Rule("pitch before knowing her", _pitch_before_knowing_her, "pitch", cool=True),
    Rule("pitch after the inventory", lambda t: t.act is Act.PITCH, "pitch_late", cool=True),
    Rule("invited to introduce herself", lambda t: "invited" in t.fresh, "introduce_back"),
    Rule("objective stated", lambda t: "objective_stated" in t.fresh, "objective_ack"),
    # "... and if there's a match I'll show you a first idea": the rest of the agenda, sent
    # as a second message, is taken in too (not met with silence or "what do you mean?")
    Rule("agenda carried on", lambda t: t.act is Act.STATE_OBJECTIVE and not t.answered
         and "objective_stated" in t.state.flags, "objective_more"),
    Rule("greeted, first meeting", lambda t: "introduced" in t.fresh
         and not t.follow_up and not t.past_opening and not _small_talk_question(t),
         "greet_back"),
    # a follow-up visit: she welcomed him back when she opened, so the chat in his greeting
    # is what she answers ("busy, busy! ... anyway, you're here about lunch"), not a second
    # "welcome back"
    Rule("greeting with chat, follow-up visit, in her own words", lambda t: _chatty_return(t)
         and "small_talk" in t.own_lines and not t.state.flags.get("said:small_talk"),
         "small_talk"),
    Rule("greeting with chat, follow-up visit", _chatty_return, "small_talk_remark"),
    Rule("greeted, follow-up visit", lambda t: "introduced" in t.fresh
         and not t.past_opening and not _small_talk_question(t) and not _welcomed(t),
         "greet_again"),
    Rule("greeting, first meeting", lambda t: "greeted" in t.fresh and not t.follow_up
         and not t.past_opening and not _small_talk_question(t), "greet_back"),
    Rule("greeting, follow-up visit", lambda t: "greeted" in t.fresh and not t.past_opening
         and not _small_talk_question(t), "greet_again"),
    Rule("figures she asked for, all right", lambda t: "figures_right" in t.fresh
         and not t.answered, "figures_right"),
    Rule("figures she asked for, right so far", lambda t: "figures_partly" in t.fresh
         and not t.answered, "figures_partly"),
    Rule("figures she asked for, wrong", lambda t: "figures_wrong" in t.fresh
         and not t.answered, "figures_wrong", cool=True),
    Rule("summary with a figure she never gave", lambda t: t.act is Act.SUMMARY
         and bool(t.misquoted), "summary_misquoted", cool=True),
    Rule("summary with something she never said", lambda t: t.act is Act.SUMMARY
         and t.unsaid, "summary_unsaid", cool=True),
    # "... thats how we work, same ppl every time. would that fix it for u?": what the
    # seller would do, checked against her need; "yes, that's right" answers no such thing
    Rule("summary that proposes the seller's way and asks if it helps", lambda t: t.act
         is Act.SUMMARY and not t.answered and _proposes_and_checks(t), "solution_ack"),
    Rule("summary", lambda t: t.act is Act.SUMMARY and not t.answered, "summary_ack"),
    Rule("check after handling", lambda t: "checked_after" in t.fresh, "check_ack"),
    # "do you build houses or offices mostly?": a bit of both, then back to it
    Rule("small talk asking her to choose, once the call is under way", lambda t:
         _chat_choice(t) and _chat_later(t), "small_talk_choice_later"),
    Rule("small talk asking her to choose", _chat_choice, "small_talk_choice"),
    # a compliment gets a thank-you, a joke a laugh, other chat a plain "anyway"
    Rule("small talk: a compliment once the call is under way", lambda t: _chat_later(t)
         and t.a.compliment, "small_talk_thanks"),
    Rule("small talk: a joke once the call is under way", lambda t: _chat_later(t) and t.a.joke,
         "small_talk_joke"),
    Rule("small talk once the call is under way", _chat_later, "small_talk_later"),
    Rule("small talk that asks nothing", _remark, "small_talk_remark"),
    # "how was your holiday?", "where are you from?": a question about her private life
    # that "busy as ever" or "fine, thanks" would not answer; she keeps it for later
    Rule("small talk about her private life", lambda t: _chat_question(t) and t.a.personal
         and t.a.form == "open" and not t.a.tagged, "small_talk_aside"),
    # "lovely weather, isn't it?": "ha, indeed"; "good weekend?", "did you watch the
    # match?", "zitten jullie hier al lang?": a yes to the question itself
    Rule("small talk asking her to agree", lambda t: _chat_question(t) and t.a.tagged
         and not t.a.wellbeing, "small_talk_remark"),
    Rule("small talk asking her for a yes", lambda t: _chat_question(t) and t.a.personal
         and not t.a.wellbeing, "small_talk_yes"),
    # "is this one of those old canal houses?", "which web shops do you work for?" when the
    # scenario gives her no chat line of her own: "fine, thanks" answers neither
    Rule("small talk she has no line of her own for, open", lambda t: _chat_question(t)
         and _no_line_of_her_own(t) and t.a.form == "open", "small_talk_aside"),
    Rule("small talk she has no line of her own for, a yes/no question", lambda t:
         _chat_question(t) and _no_line_of_her_own(t) and t.a.form == "closed"
         and not t.a.tagged and "?" in t.text, "small_talk_yes"),
    Rule("small talk she has no line of her own for", lambda t: _chat_question(t)
         and _no_line_of_her_own(t), "small_talk_remark"),
    Rule("small talk", lambda t: t.act is Act.SMALL_TALK or (
        t.act is Act.GREET_INTRODUCE and _small_talk_question(t) and not t.past_opening),
         "small_talk"),
    Rule("situation overload", lambda t: "situation_overload" in t.fresh, "situation_overload",
         cool=True),
    Rule("permission or offer", lambda t: _asked_unanswered(t) and t.a.form == "closed"
         and t.a.asks_permission, "permission_yes"),
    Rule("a specific fact she has not at hand", lambda t: _asked_unanswered(t)
         and t.a.form == "open" and t.a.spin == "situation" and bool(t.a.topic_stems)
         and (t.a.asks_amount or t.a.asks_which), "not_at_hand", cool=True),
    Rule("vague open question", lambda t: _asked_unanswered(t) and t.a.form == "open"
         and t.a.spin == "situation" and t.a.word_count <= VAGUE_WORDS and not t.a.asks_which,
         "vague_answer",
         cool=True),
    Rule("value of a need she stated", lambda t: _asked_unanswered(t)
         and t.a.spin == "need_payoff" and (bool(t.a.tied_needs) or t.pain_told),
         "value_known"),
    Rule("consequence of a problem she stated", lambda t: _asked_unanswered(t)
         and t.a.spin == "implication" and (bool(t.a.tied_needs) or t.a.consequence_of_told
                                             or t.pain_told),
         "consequence_known"),
    Rule("value of something she did not bring up", lambda t: _asked_unanswered(t)
         and t.a.spin == "need_payoff", "value_unknown", cool=True),
    Rule("consequence she has not thought about", lambda t: _asked_unanswered(t)
         and t.a.spin == "implication", "consequence_unknown", cool=True),
    Rule("clear question she has no answer to", lambda t: _asked_unanswered(t)
         and t.a.word_count >= CLEAR_WORDS, "no_answer", cool=True),
    Rule("question she cannot place", _asked_unanswered, "deflect", cool=True),
)


def reaction(t: Turn) -> Rule | None:
    return next((rule for rule in REACTIONS if rule.applies(t)), None)


def apply_effects(state: SessionState, events: list[Event]) -> None:
    for event in events:
        trust, patience = EFFECTS[event]
        state.trust += trust
        state.patience += patience
    state.trust = max(TRUST_MIN, min(TRUST_MAX, state.trust))


PRODUCTIVE_ACTS = frozenset({
    Act.GREET_INTRODUCE, Act.STATE_OBJECTIVE, Act.SOLUTION, Act.OBJECTION_RESPONSE,
    Act.SUMMARY, Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER, Act.GOODBYE,
})


def events_for(t: Turn) -> list[Event]:
    """The events of a turn, from its act, its moves and what the buyer did."""
    events: list[Event] = []
    for flag, event in (("introduced", Event.INTRODUCED), ("invited", Event.INVITED),
                        ("objective_stated", Event.OBJECTIVE_STATED),
                        ("solution_tied", Event.SOLUTION_TIED),
                        ("situation_overload", Event.SITUATION_OVERLOAD)):
        if flag in t.fresh:
            events.append(event)
    if t.act is Act.SUMMARY and t.state.flags.get("summaries", 0) <= SUMMARY_CREDIT:
        events.append(Event.SUMMARY)
    if t.a.is_question and t.a.form == "open":
        events.append(Event.OPEN_QUESTION)
    if t.outcome is Outcome.ACKNOWLEDGED or (
        t.outcome is not Outcome.NONE and Move.ACKNOWLEDGE in t.moves
    ):
        events.append(Event.OBJECTION_ACKNOWLEDGED)
    if t.outcome is Outcome.HANDLED:
        events.append(Event.OBJECTION_HANDLED)
    if Move.DISCOUNT in t.moves:
        events.append(Event.DISCOUNT)
    if t.act is Act.PITCH:
        events.append(Event.PITCH)
    if t.a.empty:
        events.append(Event.EMPTY)
    elif not (t.answered or t.outcome is not Outcome.NONE or t.act in PRODUCTIVE_ACTS):
        events.append(Event.UNPRODUCTIVE)
    return events
