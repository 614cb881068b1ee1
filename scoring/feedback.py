"""Choose 3-5 tips, each true, specific and quoting the learner's own words. Pure.

The wording lives in the translation files (``bot/i18n``); a tip here is a key plus the
values to fill in, so the same tip reads naturally in Dutch and English. Every tip also
carries the buyer's persona (``gender``, ``address``), so "she/he" and "u/je" in the
wording follow the scenario.

Order: what went wrong that matters most first, then what could be deeper, then praise
for what was good (a strong call gets praise first, and never "try again"). Praise and
criticism never quote the same words, and no two tips quote the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from bot.engine.acts import CLOSING_ACTS, Act, Move
from bot.engine.classify import is_concrete, names_day, names_time_of_day
from bot.engine.compiled import CompiledScenario
from bot.engine.state import ObjectionState, SessionState, TurnRecord
from bot.engine.text import label_in_sentence
from bot.engine.wording import MONTHS
from bot.engine.yes_but import is_yes_but, taken_back
from scoring.notes import sentences
from scoring.sections import (
    ACKNOWLEDGES,
    BEHIND,
    CHECK_OPENINGS,
    CLOSING_MOVES,
    DATE_BY_MONTH,
    ERRAND,
    LEADING_TAG,
    ORDINAL_DATE,
    PAYOFF_ASKED,
    PRICE_PROMISE,
    QUESTION_VERBS,
    SUMMED_UP,
    WEAK_STEP,
    QuestionMix,
    agreed_to_a_summary,
    answerable,
    aside_sentences,
    asked_by_spin,
    asks_his_view_only,
    asks_only_chat,
    checked_after_answer,
    corrected,
    costed_false_starts,
    courtesy_opening,
    drill_asides,
    external_ticked,
    false_starts,
    handling_steps,
    informal,
    internal_aloud,
    invited,
    late_parts_cost,
    late_proposals,
    late_small_talk,
    names_a_moment,
    no_acknowledgement,
    no_check,
    no_clarify,
    objectives_met,
    offers_discount,
    one_open_question,
    pitch_turns,
    purpose_stated,
    question_clauses,
    question_mix,
    reopens,
    small_talk_cost,
    stacked_questions,
    text_speak,
    to_a_colleague,
    understood_then_argued,
    vague_steps,
    verb_first_frames,
    wasted_messages,
    wrong_beside_right,
    yes_no_question,
)

MAX_TIPS = 5
MIN_TIPS = 3
QUOTE_CHARS = 90
STRONG_SCORE = 85  # from here the card opens with praise
CLOSED_SHARE = 0.3  # more closed fact questions than this gets a tip
INVENTORY_DONE = 0.75  # share of the inventory found out from which the situation is known
# "May I note your e-mail address?" asks permission: closed by nature, no tip about it.
PERMISSION_OPENINGS = ("may i", "can i", "could i", "shall i", "mag ik", "kan ik", "zal ik",
                       "mogen wij", "mogen we")
# A sentence that starts with one of these asks, with or without its question mark.
QUESTION_STARTS = frozenset({"who", "what", "when", "where", "which", "why", "how", "wie",
                             "wat", "wanneer", "waar", "welke", "welk", "waarom", "hoe",
                             "hoeveel", "hoelang"})
FRAGMENT_WORDS = 4  # "m2 both offices?": a few words without a verb ask for a figure
# "Shall I send you a quote?": a quotation, unless the follow-up itself is about one.
# "I understand. But ..." takes the understanding back: a yes-but is no acknowledgement
# "Which firm was it? I bet it was one of those cheap ones haha": a laugh at her expense
# while she tells what went wrong is no step a trainer holds up as the model
_LAUGH = re.compile(r"\b(ha){2,}h?\b|\bhihi\b|\blol\b|😂|🤣|😅", re.IGNORECASE)
_QUOTATION = re.compile(r"\b(quote|quotation|offerte|prijsopgave)\b", re.IGNORECASE)
_LEADING_TAG = LEADING_TAG  # "rather outdated, isn't it?", "duur, toch?": no check
# "en 's avonds of overdag?", "in the evening or during the day?": a choice between two
# answers ("Weet u of het contract ...?" asks whether, no choice)
_EITHER_OR = re.compile(r"\b(or|of)\s+(?!(het|de|u|je|er|dat|ze|zij|hij|we|wij|jullie|dit)\b)"
                        r"[\w'-]+(\s+[\w'-]+){0,2}\s*\?\s*$", re.IGNORECASE)
# "What would you still like to know before you say yes?", "Waar wil je precies nog over
# nadenken?", "Apart from the price, is there anything else that holds you back?"
_HOLDS_BACK = re.compile(
    r"\b(hold(s|ing)? (you|him|her) back|stand(s|ing)? in the way|still (like|want|need) to "
    r"know|still (think|thinking) about|think (it )?over|"
    r"tegenhoudt|houdt (je|u|jou) (nog )?tegen|in de weg staat|nog (over )?(na )?(wilt|wil) "
    r"(denken|nadenken)|nog over nadenken|over nadenken|nog (wilt|wil) weten|nog weten voordat)\b"
    r"[^.!]*\?", re.IGNORECASE)
# "Sorry, €2.50 of course.": the learner mends a slip of their own, which shows no
# understanding of her concern ("Sorry to hear that" does)
_SELF_CORRECTION = re.compile(r"^\W*(sorry|excuse me|pardon|oeps|oops|sorry hoor)\b"
                              r"(?!\s+(to hear|that|dat|om te horen|dat te horen|voor))",
                              re.IGNORECASE)
# "die kwaliteit is gewoon niet goed", "they're known for being slow", "Die staan er niet
# om bekend dat ze snel zijn": a bad word about the supplier she works with or compares
_KNOCKS = re.compile(
    r"\b(die|they|they'?re|them|those|zij|ze|hun|their)\b[^.?!]{0,60}?"
    r"(\b(niet goed|slecht\w*|waardeloos|rommel|prutswerk|not good|no good|rubbish|terrible|"
    r"worse|poor quality|unreliable|onbetrouwbaar|amateurs?)\b|\bniet (om )?bekend\b|"
    r"\bnot (exactly )?known for\b)"
    # "Dat heeft uw huidige leasemaatschappij volgens mij niet", "your current provider
    # doesn't offer that": what we have, said as what the supplier she is happy with lacks
    r"|\b(dat|dit|die|zoiets)\s+(heeft|hebben|doet|doen|kan|kunnen|biedt|bieden)\s+(uw|je|jouw|"
    r"jullie)\s+(huidige\s+)?\w*(leverancier|maatschappij|bedrijf|partij|bureau|cateraar|"
    r"aanbieder|dienst)\w*(\s+(volgens mij|denk ik|vast|waarschijnlijk))?\s+niet\b"
    r"|\b(your|their)\s+(current\s+|present\s+|existing\s+)?(\w+\s+)?(supplier|provider|"
    r"company|partner|firm|agency|caterer|vendor)\s+(probably\s+)?(doesn'?t|does not|can'?t|"
    r"cannot|won'?t|don'?t)\s+(have|offer|do|give)\s+(that|this|it)\b", re.IGNORECASE)
_OFFER = re.compile(r"\b(offer|proposal|voorstel)\b", re.IGNORECASE)
# Praise names a question's SPIN type: only when its words ask for consequences or value
# ("Welke merken zijn dat?" read as an implication question is not praised as one).
_SPIN_WORDING = {
    "implication": re.compile(
        r"happen|mean|effect|impact|lead|cost|affect|result|consequen|\bdo(es)? to\b|"
        r"come back|gebeur|beteken|gevolg|invloed|kost|leidt|levert|ervan|erdoor|"
        r"merk(t|en) (u|je|jij|jullie|ze|zij|hij)\b",
        re.IGNORECASE),
    "need_payoff": re.compile(
        r"worth|mean|value|help|benefit|gain|save|difference|waard|beteken|opleveren|oplevert|"
        r"levert|helpen|helpt|schelen|scheelt|verschil|winst|voordeel",
        re.IGNORECASE),
}
# Words that can only ask for consequences or value ("what does that mean for the
# trucks?", "what does it cost you?"), where "what happens with the printers?" may ask
# what goes wrong
_SPIN_STRONG = {
    "implication": re.compile(
        r"\bmean|effect|impact|\blead|cost|affect|result|consequen|\bdo(es)? to\b|"
        r"beteken|gevolg|invloed|kost|leidt",
        re.IGNORECASE),
    "need_payoff": _SPIN_WORDING["need_payoff"],
}
# Trouble named ("when one jams", "als er een vastloopt", "late or wrong") or pointed back to
# ("what happens then?", "wat gebeurt er dan?", "when that happens")
_TROUBLE = re.compile(
    r"\b(then|when that|if that|dan|daarna|als dat|wanneer dat|zoiets)\b|jam|\bstop|break|"
    r"broke|fail|wrong|\bdown\b|\blate\b|stuck|delay|vastl|storing|stilsta|\bstil\b|stuk|"
    r"misgaat|mis gaat|uitval|valt uit|te laat|vertrag|fout|ervan|erdoor|blijf\w* liggen|"
    r"left undone|too expensive|te duur",
    re.IGNORECASE)
_PAYOFF_ASKED = PAYOFF_ASKED
# What she pays now, asked as such: a situation question, whatever its "cost" suggests
_PRICE_NOW = re.compile(
    r"\b(cost|costs|pay|paying|kost|kosten|betaalt|betalen)\b[^?]{0,40}"
    r"\b(per (month|maand|week|year|jaar|lunch|payslip|loonstrook|hour|uur)|at the moment|"
    r"currently|right now|op dit moment|momenteel|nu)\b",
    re.IGNORECASE)
_ERRAND = ERRAND  # the learner's own errand is no clarifying question
_ACKNOWLEDGES = ACKNOWLEDGES
# "We can do it cheaper, I'm sure": a price promised before the learner knows the price is
# no solution a trainer holds up as the model, however well the rest of it fits
_PRICE_PROMISE = PRICE_PROMISE
# "..., zodat ik een offerte kan maken", "so I can put it in our CRM": the internal objective
# said aloud (the method keeps it on the pad), which no question is praised for
_OWN_AIM = re.compile(r"\b(zodat ik|so (that )?(i|we) can|om (een|de|ons)|in order to)\b"
                      r"[^.?!]{0,40}\b(offerte|quote|quotation|prijsopgave|crm)\b",
                      re.IGNORECASE)
# "Oké snap ik. Dan stuur ik u de brochure": giving in to a brochure request is no answer
# to it (the method asks what she would look for in it, and offers something better)
_GIVES_IN = re.compile(r"\b(send|sending|leave|drop off|stuur|sturen|mail|mailen)\b[^.?!]{0,30}"
                       r"\b(brochure|folder|leaflet|flyer)s?\b"
                       r"|\b(brochure|folder|leaflet|flyer)s?\b[^.?!]{0,30}"
                       r"\b(send|sturen|toe|mailen|opsturen)\b", re.IGNORECASE)
# "I'm Tom", "mijn naam is ...": the learner introduced herself (maybe not her company).
_SELF_INTRO = re.compile(r"\b(i'?m|i am|my name is|my name's|this is|ik ben|mijn naam is|"
                         r"ik heet)\b", re.IGNORECASE)
# "Goedemorgen mevrouw, Lotte van PrintPro.", "Hi, Tom from Cleanwise": a name and the
# company she comes from, the usual way to say who is calling without "I'm" (case counts:
# both are names)
_NAME_FROM = re.compile(r"\b([A-Z][a-z\u00e0-\u00ff]+)(?: [A-Z][a-z\u00e0-\u00ff]+)? "
                        r"(?:van|from|namens|of) [A-Z]")
_TITLES = frozenset({"mevrouw", "meneer", "mr", "mrs", "ms", "miss", "sir", "madam",
                     "goedemorgen", "goedemiddag", "goedenavond", "hallo", "hello", "hi"})


@dataclass(frozen=True)
class Tip:
    key: str
    values: dict[str, str] = field(default_factory=dict)


def quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _first(turns: list[TurnRecord], predicate: Callable[[TurnRecord], bool]) -> TurnRecord | None:
    return next((t for t in turns if predicate(t)), None)


def _introduced_self(cs: CompiledScenario, text: str) -> bool:
    """Whether the first message said who is calling: "I'm Tom", or a name with the company
    ("Lotte van PrintPro") that is not the buyer's own (greeting her by name and firm)."""
    if _SELF_INTRO.search(text):
        return True
    buyer = {w.lower() for w in cs.scenario.buyer.name.split()}
    return any(m.group(1).lower() not in buyer and m.group(1).lower() not in _TITLES
               for m in _NAME_FROM.finditer(text))


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
    if not turns:
        return [Tip("no_turns")]
    improve = _improvements(cs, state, turns)
    # A missing capital is a word about style: it waits until the method has nothing left
    # to say (the last slot), and it takes no praise from what its message did
    capital = [t for t in improve if t.key == "register_capital"]
    improve = [t for t in improve if t.key != "register_capital"]
    criticised = {t.values.get("quote") for t in improve} - {None}
    praise = [t for t in _strengths(cs, state, turns) if t.values.get("quote") not in criticised]
    # "your first message already did it" is no praise for a message a tip finds fault with
    # (other than its capitals)
    faulted = {t.values.get("quote") for t in improve if not t.key.startswith("register")}
    if quote(turns[0].learner) in faulted:
        praise = [t for t in praise if t.key != "good_first_message"]
    fallback: list[Tip] = []
    # "sum up what she told you" needs something she told
    told = bool(state.revealed) or any(t.answered for t in turns)
    if cs.scenario.kind != "drill" and told and not any(
            t.act == Act.SUMMARY or SUMMED_UP.search(t.learner) for t in turns):
        fallback.append(Tip("summarise"))
    # "A strong call, 86/100" reads as "nothing decisive went wrong": not with a summary she
    # had to correct or an answer that left her objection standing, named first instead
    strong = total is not None and total >= STRONG_SCORE and not (
        cs.scenario.kind != "drill" and any(t.key in DECISIVE for t in improve))
    cl = cs.language(state.lang)
    if strong:
        # A score alone is no feedback: the opener names the parts of the task done.
        # a next step she did not agree to earns its credit, but is not "agreed" on the card
        # (in a drill about stating the visit's objective, naming the follow-up is the task)
        unagreed = {role_ids(cs).get("follow_up")} if (
            not state.closing["agreed"] or agreed_to_a_summary(cs, state, turns)) \
            and cs.scenario.kind != "drill" else set()
        ticked = external_ticked(cs, state, turns)  # what the card ticks
        done = "; ".join(in_sentence(cl.text(cs.objectives[o].label))
                         for o in cs.external_ids if ticked[o] and o not in unagreed)
        to_full = _to_full_marks(cs, state, total, turns, improve) \
            if cs.scenario.kind == "drill" else []
        if any(t.key == "full_marks_isolate" for t in to_full):
            # "you did what it asks" is untrue with a step left out, and a label that names
            # isolating ("is price the only issue?") is not done either
            done = "; ".join(in_sentence(cl.text(cs.objectives[o].label))
                             for o in cs.external_ids if ticked[o] and o not in unagreed
                             and not ISOLATES.search(cl.text(cs.objectives[o].label)))
            kind = "strong_drill_part"
            praise = [t for t in praise if t.key != "good_first_message"]
        else:
            kind = "strong_drill" if cs.scenario.kind == "drill" else "strong_call"
        opener = [Tip(kind, {"score": str(total), "done": done})] if done else []
        tips = [*opener, *to_full, *praise[:1], *improve[:2], *praise[1:], *improve[2:],
                *fallback]
    else:
        tips = [*improve[:MAX_TIPS - 1], *praise[:1], *improve[MAX_TIPS - 1:], *praise[1:],
                *fallback]
    tips = _distinct(tips)
    framed = verb_first_frames(cs, state, turns)
    if framed and len(tips) < MAX_TIPS:
        # the goal left open says what; this says why ("Mag ik vragen hoe ...?"), quoting a
        # line no other tip quotes (a praised line keeps its praise to itself)
        quoted = {t.values.get("quote") for t in tips}
        line = next((quote(t.learner) for t in framed if quote(t.learner) not in quoted), None)
        tips.append(Tip("verb_first_frame", {"quote": line}) if line is not None
                    else Tip("verb_first_frame_plain"))
    dropped = [t for t in tips if t.key == "good_first_message"]
    if tips and tips[0].key == "strong_drill":
        # "You did what it asks" already says the first message did it (unless the card
        # has nothing else true to say: it is kept as the last tip below)
        tips = [t for t in tips if t.key != "good_first_message"]
    else:
        dropped = []
    if len(tips) < MIN_TIPS:
        tips = _praise_the_answer_too(tips, _strengths(cs, state, turns))
    if len(tips) < MIN_TIPS and cs.scenario.kind == "drill":
        tips.extend(_idle_messages(cs, state, turns, tips)[:1])
    if len(tips) < MIN_TIPS and cs.scenario.kind == "drill":
        tips.extend(_wrap_ups(cs, state, turns, tips)[:1])
    # (a false-start tip says that much already)
    if len(tips) < MIN_TIPS and cs.scenario.kind == "drill" \
            and not any(t.key == "false_start" for t in tips):
        tips.extend(_late_success(cs, state, turns))
    if len(tips) < MIN_TIPS:
        # what a strong answer does: the goals still to learn, or those done that no tip
        # names yet (a list of what the learner already did, as the tips above praise it,
        # adds nothing)
        ticked = objectives_met(cs, state, "external", turns)
        named = " ".join(t.values.get("task", "") for t in tips)
        left = [o for o in cs.external_ids if not ticked[o]]
        unnamed = [o for o in cs.external_ids if ticked[o]
                   and in_sentence(cl.text(cs.objectives[o].label)) not in named]
        goals = "; ".join(in_sentence(cl.text(cs.objectives[o].label))
                          for o in left or unnamed)
        if goals and not (strong and tips and tips[0].key.startswith("strong_")) \
                and not any(t.key == "missed_external" for t in tips):
            tips.append(Tip("model_answer" if left else "model_answer_done",
                            {"topics": goals}))
    if len(tips) < MIN_TIPS and dropped:
        tips.extend(dropped)
    if len(tips) < MIN_TIPS and cs.scenario.kind == "drill":
        # a false start, then a message that did it all: which message to lead with is the
        # third thing worth saying (the card never holds fewer than three tips)
        tips.extend(t for t in _late_success(cs, state, turns) if t not in tips)
    if capital and len(tips) < MAX_TIPS:
        # quoting a line no other tip quotes (a praised line keeps its praise to itself)
        quoted = {t.values.get("quote") for t in tips}
        lower = [quote(t.learner) for t in turns if _starts_lower(t.learner)]
        line = next((q for q in lower if q not in quoted), None)
        tips.append(Tip("register_capital", {"quote": line}) if line is not None
                    else Tip("register_capital_plain"))
    return tips


# Isolating an objection ("apart from the price, is there anything else?"): the clarify
# step's second half, which tells the seller whether the answer will take all of it away.
ISOLATES = re.compile(
    r"\b(anything else|something else|what else|only (thing|issue|point|concern|reason|"
    r"objection|problem|question|obstacle)|the only|apart from|aside from|besides|other than|"
    r"is that all|nog iets anders|iets anders|wat nog meer|het enige|enige (punt|bezwaar|"
    r"reden|probleem|vraag|drempel|struikelblok)|afgezien van|behalve|los van|verder nog|"
    r"is dat alles|"
    # "Vergelijkt u met uw huidige folie, of speelt er nog meer mee?", "or is there more to it?"
    r"speelt er nog|nog meer mee|is there more|anything more|any other (concern|reason|issue)s?)"
    r"\b", re.IGNORECASE)
FULL_MARKS = 100


def _teaches_isolating(cs: CompiledScenario, state: SessionState) -> bool:
    """Whether this exercise asks to isolate the objection ("is price the only issue?"):
    in the no-time or brochure drill a second question goes against keeping it short."""
    cl = cs.language(state.lang)
    texts = [cl.text(cs.objectives[o].label) for o in cs.external_ids] + [
        cl.text(cs.objections[oid].good_handling) for oid, o in state.objections.items()
        if o.raised_turn is not None and oid in cs.objections]
    return any(ISOLATES.search(text) for text in texts)


def _to_full_marks(cs: CompiledScenario, state: SessionState, total: int | None,
                   turns: list[TurnRecord], improve: list[Tip]) -> list[Tip]:
    """A strong drill card below 100 names what would have made it 100, in one tip: the
    step left out (isolating the objection), else chat shorthand in one message (a
    trainer hears it even when most messages are written out), else the polish the
    steps cannot show. A card that already names a fault leaves it at that."""
    if total is None or total >= FULL_MARKS:
        return []
    missing = FULL_MARKS - total
    values = {"score": str(total), "missing": str(missing)}
    raised = [o for o in state.objections.values() if o.raised_turn is not None]
    if raised and _teaches_isolating(cs, state) and not any(
            ISOLATES.search(t.learner) for t in turns):
        after = exchange(state, raised[0], turns)
        clarified = _first(after, lambda t: "clarify" in t.steps or "clarify" in t.objectives)
        said = clarified or _first(after, lambda t: t.act != Act.GOODBYE)
        if said is not None:
            return [Tip("full_marks_isolate", {**values, "quote": quote(said.learner)})]
        return [Tip("full_marks_isolate_plain", values)]
    if improve or to_a_colleague(cs):
        return []  # (a chat line to her own manager is no lapse: ``to_a_colleague``)
    speak = [t for t in turns if text_speak(t.learner, state.lang)]
    if speak:
        return [Tip("full_marks_register", {**values, "quote": quote(speak[0].learner)})]
    lower = [t for t in turns if _starts_lower(t.learner)]
    if lower:
        return [Tip("full_marks_capital", {**values, "quote": quote(lower[0].learner)})]
    # nothing in the learner's lines cost the last points (a trainer's top for a drill
    # done right is 92): a tip that names no line of theirs would be boilerplate
    return []


def _starts_lower(text: str) -> bool:
    """"total is 52,500": a message that starts like a chat line, not a business one."""
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()


def _praise_the_answer_too(tips: list[Tip], strengths: list[Tip]) -> list[Tip]:
    """On a short card, an answer to an objection that did one step well ("Of course. What
    would you look for in it?" explores the brochure request) is praised for it, and the
    objection's tip names her objection instead of those words."""
    out = list(tips)
    for index, tip in enumerate(out):
        said = tip.values.get("quote")
        praise = next((p for p in strengths if said is not None and p.values.get("quote") == said
                       and p.key in ("good_acknowledge", "good_clarify", "good_check",
                                     "good_task")), None)
        if tip.key == "objection" and "objection" in tip.values and praise is not None:
            steps = {k: v for k, v in tip.values.items() if k != "quote"}
            out[index] = Tip("objection_steps", steps)
            out.insert(index + 1, praise)
            break
    return out


def _still_asked(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                 turn: TurnRecord) -> str:
    """What the exercise still asked for when this message came: a figure got right
    before it ("total is 52,5k") is not listed again as the one to find."""
    cl = cs.language(state.lang)
    done = {o for t in turns[:turns.index(turn)] for o in t.objectives}
    left = [o for o in cs.external_ids[:3] if o not in done] or cs.external_ids[:3]
    return "; ".join(in_sentence(cl.text(cs.objectives[o].label)) for o in left)


def _idle_messages(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                   tips: list[Tip]) -> list[Tip]:
    """A short card's third tip, true of any drill: a message no other tip quotes that did
    nothing for the exercise (no goal met, no handling step), rather than a second tip
    saying what another already says."""
    quoted = {t.values.get("quote") for t in tips}
    wrap_ups = _after_the_exercise(cs, turns)
    return [Tip("wrong_figure", {"quote": quote(t.learner),
                                 "topics": _still_asked(cs, state, turns, t)})
            if _wrong_figure(cs, t) else
            Tip("wasted_message", {"quote": quote(t.learner),
                                   "topics": _still_asked(cs, state, turns, t)}) for t in turns
            if not t.objectives and not t.steps and t.act != Act.GOODBYE
            and t not in wrap_ups and not (t is turns[0] and _greeted_first(cs, state, t))
            and quote(t.learner) not in quoted and not _took_a_step(cs, state, turns, t)]


def _greeted_first(cs: CompiledScenario, state: SessionState, first: TurnRecord) -> bool:
    """An objection drill's first message that only greeted him or gave him the floor
    (``courtesy_opening``): no message that failed the exercise."""
    return any(o.raised_turn is not None for o in state.objections.values()) \
        and courtesy_opening(first)


def _late_parts(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord]) -> str:
    """The parts of a drill of several parts that its first message left to a later one,
    when that costs points (``late_parts_cost``), in the words of their labels; or ""."""
    met = [o in state.objectives for o in cs.external_ids]
    objection = any(o.raised_turn is not None for o in state.objections.values())
    if not late_parts_cost(cs, met, objection, costed_false_starts(cs, state, turns), turns):
        return ""
    cl = cs.language(state.lang)
    return "; ".join(in_sentence(cl.text(cs.objectives[o].label)) for o in cs.external_ids
                     if o not in turns[0].objectives)


def _late_success(cs: CompiledScenario, state: SessionState,
                  turns: list[TurnRecord]) -> list[Tip]:
    """A short card's third tip about this learner's own messages, rather than the
    exercise's goals once more: the exercise was done, but only by a later message, after
    ones that did nothing of it yet (a real buyer hears the first answer)."""
    if not _exercise_done(cs, turns):
        return []
    done_at = len(turns) - len(_after_the_exercise(cs, turns))
    # a first message that did part of it ("I'd like us to get to know each other") was
    # no miss: the answer just took two messages
    # (a greeting before it was no miss either: ``_greeted_first``)
    start = 1 if turns and _greeted_first(cs, state, turns[0]) else 0
    if done_at <= 1 + start or any(t.objectives or t.steps for t in turns[start:done_at - 1]):
        return []
    return [Tip("late_success", {"done_at": str(done_at)})]


def _exercise_done(cs: CompiledScenario, turns: list[TurnRecord]) -> bool:
    goals = set(cs.external_ids)
    return bool(goals) and goals <= set().union(*(t.objectives for t in turns))


def _after_the_exercise(cs: CompiledScenario, turns: list[TurnRecord]) -> list[TurnRecord]:
    """The messages sent once every goal of the drill was met ("perfect, I'll email it
    within the hour" after her yes): a wrap-up, which has nothing left to do for it."""
    goals = set(cs.external_ids)
    done: set[str] = set()
    for index, turn in enumerate(turns):
        done.update(turn.objectives)
        if goals and goals <= done:
            return turns[index + 1:]
    return []


def _wrap_ups(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
              tips: list[Tip]) -> list[Tip]:
    """A short card's praise for the message after the exercise was done that said what
    happens next without selling on (sales talk after her yes gets its own tip)."""
    quoted = {t.values.get("quote") for t in tips}
    return [Tip("good_wrap_up", {"quote": quote(t.learner)})
            for t in _after_the_exercise(cs, turns)
            # (a goodbye counts when it says what happens next: "I'll send the
            # confirmation today, see you Tuesday!"; a bare "thanks, bye" does not)
            if (t.act in CLOSING_ACTS or (t.act == Act.GOODBYE and (
                WEAK_STEP.search(t.learner) or names_a_moment(cs, state.lang, t.learner))))
            and not offers_discount(t)
            and not _asks(t.learner) and quote(t.learner) not in quoted]


def _wrong_figure(cs: CompiledScenario, turn: TurnRecord) -> bool:
    """A figure where the exercise asks for one worked out ("total is 147000" for the
    forecast): the figure was wrong, which "did nothing for the exercise" does not say."""
    return bool(re.search(r"\d", turn.learner)) and any(
        d.number is not None for o in cs.external_ids for d in cs.objectives[o].detect)


def _took_a_step(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                 turn: TurnRecord) -> bool:
    """Whether a message answering an objection took a handling step the turn records
    may have missed ("That's completely fair, Sandra. Can I ask what the notice period
    is?")."""
    for ostate in state.objections.values():
        after = exchange(state, ostate, turns)
        if turn in after:
            # with the turns before it: a check counts after the answer it checks ("Zou u
            # daar meer aan hebben dan aan een brochure?" after the benefit)
            index = after.index(turn)
            drill = cs.scenario.kind == "drill"
            return bool(steps_taken(after[index:index + 1]) or steps_taken(
                after[:index + 1], drill=drill) - steps_taken(after[:index], drill=drill))
    return False


# Tips that say the next step is still to be made (or made concrete).
# Faults a trainer names before any praise in a call: a summary she had to correct, an
# answer that left her objection standing (one the learner never took up is named too, but
# a textbook call that ran out of time for it is still a strong one).
DECISIVE = frozenset({"summary_wrong", "false_memory", "objection", "objection_passed"})
CLOSE_TIPS = frozenset({"no_close", "vague_close", "quote_close", "firmer_order", "close_confirm"})
# Kinds of tip that may appear more than once on a card.
REPEATABLE = frozenset({"good_task", "objection", "objection_open", "objection_steps",
                        "objection_passed",
                        "wasted_message", "wrong_figure"})


def _distinct(tips: list[Tip]) -> list[Tip]:
    """Each kind of tip once (the first that applies), each quote in one tip only."""
    seen: set[str] = set()
    keys: set[str] = set()
    out: list[Tip] = []
    for tip in tips:
        said = tip.values.get("quote")
        if (tip.key in keys and tip.key not in REPEATABLE) or (said is not None and said in seen):
            continue
        keys.add(tip.key)
        if said is not None:
            seen.add(said)
        out.append(tip)
    return out


def _improvements(cs: CompiledScenario, state: SessionState,
                  turns: list[TurnRecord]) -> list[Tip]:
    """What would have been better, most important first, each with the learner's words."""
    cl = cs.language(state.lang)
    roles = role_ids(cs)
    drill = cs.scenario.kind == "drill"
    follow_up = cs.scenario.buyer.visit == "follow_up"
    improve: list[Tip] = []
    first = turns[0]
    pitches = pitch_turns(cs, state, turns)
    # The opening is quoted once; when it was a pitch, the pitch tip quotes it.
    opening = {} if first in pitches else {"quote": quote(first.learner)}
    # "I want to sell you ... and find out who decides": the fault to name first, quoted
    # once (the opening tip then says what else it lacked without quoting it again)
    aloud = next(iter(internal_aloud(turns)), None)
    if aloud is not None:
        improve.append(Tip("internal_aloud", {"quote": quote(aloud.learner)}))
        if opening.get("quote") == quote(aloud.learner):
            opening = {}
    if "introduce" in roles and roles["introduce"] not in state.objectives and not follow_up:
        company = cl.text(cs.scenario.seller.company)
        if _introduced_self(cs, first.learner) and company.lower() not in first.learner.lower():
            improve.append(Tip("introduce_company", {"quote": quote(first.learner),
                                                     "company": company}))
        elif _introduced_self(cs, first.learner) and not invited(turns, early=False):
            # "hoi linda, ik ben Noor van bonenburg koffieservice!": she did her half; the
            # other half, the buyer's turn, is what is missing
            improve.append(Tip("invite_introduction"))
        else:
            improve.append(Tip("introduce" if opening else "introduce_plain", opening))
        opening = {}
    wrong = next(iter(corrected(cs, state, turns)), None) if not drill else None
    if wrong is not None:
        # what she had to correct is the decisive fault of the call: named first
        # (small talk that claims what he never said, "Did you end up going to Portugal?
        # Last time you were still doubting.", is no summary: it is a memory made up)
        key = "false_memory" if wrong.act == Act.SMALL_TALK else "summary_wrong"
        improve.insert(0, Tip(key, {"quote": quote(wrong.learner)}))
        if opening.get("quote") == quote(wrong.learner):
            opening = {}
    if "needs" in roles and not purpose_stated(state, turns, cs) and not drill:
        key = "state_objective_follow_up" if follow_up else "state_objective"
        improve.append(Tip(key if opening else f"{key}_plain", opening))
    if drill:
        asks = "; ".join(in_sentence(cl.text(cs.objectives[o].label))
                         for o in cs.external_ids[:3])
        questions_count = cs.scenario.scoring.weights.questions > 0
        wasted_turns = wasted_messages(cs, state, turns)
        if not wasted_turns and not state.objectives and not any(t.steps for t in turns):
            # nothing of the exercise done: the first message that missed it is the fault
            # to name (the closed question, the wrong figures), not its missing capital
            # (sales talk gets its own tip)
            wasted_turns = [t for t in false_starts(turns, questions_count)
                            if t not in pitches and not offers_discount(t)
                            and not (t is first and courtesy_opening(t))][:1]
        # a message that took a handling step in words the engine missed did something
        wasted_turns = [t for t in wasted_turns if not _took_a_step(cs, state, turns, t)]
        for wasted in wasted_turns:
            key = "false_start" if wasted is first else "wasted_message"
            if cs.scenario.closing is not None and reopens(wasted):
                key = "pitch_closing"  # she has shown interest: come to the point
            elif questions_count and wasted.form == "closed":
                key = "closed_start"  # say what was wrong: a yes/no question
            elif (but := _taken_back_by_but(wasted)) is not None:
                # "… must have been really stressful. But we're not like that": the
                # understanding was there; the "but" after it is the fault to name
                improve.append(Tip("yes_but", {"quote": quote(but[0]), "but": quote(but[1])}))
                continue
            elif _wrong_figure(cs, wasted):
                improve.append(Tip("wrong_figure", {"quote": quote(wasted.learner),
                                                    "topics": _still_asked(cs, state, turns,
                                                                           wasted)}))
                continue
            improve.append(Tip(key, {"quote": quote(wasted.learner), "topics": asks}))
        # "totaal is 52.500 euro, in maart 42.000": the right total beside a wrong figure for
        # March, which she cannot use (the figure still asked for is named)
        beside = next((t for t in wrong_beside_right(cs, turns) if t not in wasted_turns), None)
        if beside is not None:
            done = {o for t in turns[:turns.index(beside) + 1] for o in t.objectives}
            left = [o for o in cs.external_ids if o not in done
                    and any(d.number is not None for d in cs.objectives[o].detect)]
            if left:
                improve.append(Tip("wrong_figure", {
                    "quote": quote(beside.learner),
                    "topics": "; ".join(in_sentence(cl.text(cs.objectives[o].label))
                                        for o in left)}))
        # the plan given in two halves costs points: the card says which parts came late
        late = _late_parts(cs, state, turns)
        if late and not any(t.values.get("quote") == quote(first.learner) for t in improve):
            improve.append(Tip("late_parts", {"quote": quote(first.learner), "topics": late}))
        # understanding taken back by a "but" still answered her: no false start, but the
        # "but" is the fault to name
        argued = [halves for t in turns if t not in wasted_turns and understood_then_argued(t)
                  and (halves := _taken_back_by_but(t)) is not None]
        if argued and not any(t.key == "yes_but" for t in improve):
            improve.append(Tip("yes_but", {"quote": quote(argued[0][0]),
                                           "but": quote(argued[0][1])}))
    # a discount is named as a discount (its own tip says why), not as a pitch
    # (nor is a message the card credits with a goal: "And then hopefully we can send you
    # a quote afterwards" names the follow-up of the agenda the exercise asks for)
    met = objectives_met(cs, state, "external", turns)
    # "Ja die zijn goedkoper, maar die kwaliteit is gewoon niet goed": running down the
    # supplier she compares you with is its own fault, not a pitch of the offer
    knocks = next((t for t in turns if _KNOCKS.search(t.learner)), None)
    if knocks is not None:
        improve.append(Tip("knock_competitor", {"quote": quote(knocks.learner)}))
    pitched = first_pitched(cs, state, turns, knocks)
    pitch_key = None
    # a buying signal she gave that the next message went past ("how soon could you
    # start?" answered with the price per lunch): in a closing visit the fault to name,
    # also when that message was sales talk (its pitch tip would send the learner back to
    # questions about her situation)
    ignored = signals_ignored(cs, state, turns)
    signal_tip = [Tip("signal_missed", {"signal": quote(signal), "quote": quote(past.learner)})
                  for signal, past in ignored[:1]]
    if ignored and ignored[0][1] is pitched:
        pitched = None
    early = early_solution(cs, state, turns) if pitched is None else None
    if early is not None:
        # the offer came before she said what the problem costs her: the pitch tip's words
        pitch_key = early[1]
        improve.append(Tip(pitch_key, {"quote": quote(early[0].learner)}))
    if pitched is not None:
        pitch_key = pitch_tip_key(cs, state, turns, pitched)
        if pitch_key == "pitch" and follow_up and not drill:
            pitch_key = "pitch_follow_up"  # she knows the offer: adapt it to her points
        improve.append(Tip(pitch_key, {"quote": quote(pitched.learner)}))
    discount = _first(turns, offers_discount)
    if discount is not None:
        improve.append(Tip("discount", {"quote": quote(discount.learner)}))
    if not drill and small_talk_cost(state, turns, cs):
        # chat past the opening costs points: the card says which line (one no other tip
        # quotes, so the tip is not dropped as a repeat)
        quoted = {t.values.get("quote") for t in improve}
        chat = [quote(t.learner) for t in late_small_talk(state, turns, cs)]
        line = next((q for q in chat if q not in quoted), chat[0])
        improve.append(Tip("small_talk_late", {"quote": line}))
    asides = drill_asides(cs, state, turns)
    if asides:
        # the chat itself, in the learner's words (the rest of the message did its step)
        # (from the middle of the message: "…My own accountant is always stressed …")
        aside = aside_sentences(cs, state.lang, asides[0].learner)[0]
        starts = " ".join(asides[0].learner.split()).startswith(aside)
        improve.append(Tip("drill_aside" if starts else "drill_aside_mid",
                           {"quote": quote(aside)}))
    improve.extend(_objection_tips(cs, state, turns, {t.values.get("quote", "") for t in improve}))
    if cs.scenario.kind == "closing":
        # a closing visit is about her buying signals: named right after an objection left
        # standing (elsewhere a question of hers left hanging comes last)
        improve.extend(signal_tip)
        signal_tip = []
    stacked = stacked_questions(turns)
    if stacked:
        improve.append(Tip("stacked", {"quote": quote(stacked[0].learner)}))
    mix = question_mix(turns)
    closed = _first(turns, lambda t: _gathering_closed(turns, t))
    # A first visit is mostly open; later in the sale closed questions confirm and commit.
    if closed is not None and mix.asking and mix.asking_closed / mix.asking > CLOSED_SHARE \
            and not follow_up:
        improve.append(Tip("closed_question", {"quote": quote(closed.learner)}))
    # a topic she answered about was asked, even in words the engine did not credit
    answered = {fact for t in turns for fact in t.answered} | _volunteered(cs, state, turns)
    told = {f.objective for f in cs.scenario.facts if f.id in answered}
    asked = {f.objective for f in cs.scenario.facts
             if f.objective is not None and any(f.id in t.facts for t in turns)}
    asked |= set(state.objectives)
    # "What would it mean for you if a jam were fixed within four hours?": an open
    # implication or need-payoff question asked for what the problem costs or what a fix is
    # worth, whichever of her answers the engine matched it to (a tip praising the question
    # while listing its topic as never asked contradicts itself)
    asked |= asked_by_spin(cs, turns)
    missed = [cs.objectives[o] for o in cs.internal_ids if o not in asked and o not in told]
    if missed:
        labels = "; ".join(cl.text(o.label) for o in missed[:3])
        improve.append(Tip("missed_internal", {"topics": labels}))
    # asked in so many words and dodged: a question she answered nothing of (an agreed
    # meeting ticks the appointment, it asks nothing; a question she answered in part may
    # only have seemed to touch the rest)
    dodged = [t for t in turns if not t.answered]
    questioned = {f.objective for f in cs.scenario.facts
                  if f.objective is not None and any(f.id in t.facts for t in dodged)}
    questioned |= {o for t in dodged if t.act == Act.FACT_QUESTION for o in t.objectives}
    # "Wat zou het voor jou betekenen als de piek zonder storingen liep?" and she dodged it
    # ("Lastig te zeggen"): she held the value back, the learner did ask
    questioned |= asked_by_spin(cs, dodged)
    withheld = _asked_not_told(cs, state, questioned, answered)
    deeper = _deeper_questions(cs, turns, mix, state.lang)
    if deeper is not None and pitch_key is not None \
            and deeper.key in EARLY_PITCH_ASKS.get(pitch_key, ()):
        # the early-pitch tip already asks that question, before the offer
        deeper = None
    if deeper is not None:
        improve.append(deeper)
    # a need the learner already answered with an offer ("a trial of two weeks when you
    # open", "the foreman enters hours on site"), in whatever act, is no need to adjust to
    open_needs = [n for n in state.needs_stated if n in cs.needs and not _offered_for(n, turns)]
    # (an offer tied to what she told, made too early, was a proposal: its tip says when
    # to make it, and a second tip asking for one coaches the same step)
    proposed = proposed_in_words(turns, pitches)
    if "solution" in roles and roles["solution"] not in state.objectives and open_needs \
            and not any(t.act == Act.SOLUTION for t in turns) \
            and pitch_key not in EARLY_PITCH_ASKS \
            and not (proposed is not None and _builds_on_her_problem(turns, proposed)):
        # ("wij zouden de labelprinters vervangen en op afstand monitoren" after the truck
        # she told about was a proposal tied to her problem, whatever act it was read as)
        need = in_sentence(cl.text(cs.needs[open_needs[0]].label))
        if proposed is not None:
            # proposed, but not on what she told: tie that proposal, do not ask for one
            improve.append(Tip("solution_tie", {"quote": quote(proposed.learner),
                                                "need": need}))
        else:
            # on a follow-up visit an offer is on the table: adjust it, do not start over
            improve.append(Tip("solution_follow_up" if follow_up else "solution",
                               {"need": need}))
    improve.extend(_closing_tips(cs, state, turns, roles, met))
    vague = vague_steps(cs, state, turns)
    if vague and not any(t.key in ("vague_close", "firmer_close") for t in improve):
        # "let's talk again soon" costs points even when a question for the order after it
        # closed the drill: say what it lacked
        improve.append(_close_tip(cs, state, "vague_close", vague[-1].learner))
    if withheld:
        # asked, and she kept it to herself: not a question missed, but trust not yet earned
        labels = "; ".join(cl.text(cs.objectives[o].label) for o in withheld[:3])
        improve.append(Tip("not_told", {"topics": labels}))
    if drill:
        # an objection drill's goals are the handling steps: one the turns record is done
        taken = set().union(*(steps_taken(exchange(state, o, turns), drill=True)
                              for o in state.objections.values()))
        met = objectives_met(cs, state, "external", turns)
        said = _goals_named(roles, improve)
        if any(t.key == "yes_but" for t in improve):
            # the understanding its tip credits is not "still open"
            said |= {o for o in cs.external_ids if cs.objectives[o].detect and all(
                Move.ACKNOWLEDGE in d.moves for d in cs.objectives[o].detect)}
        # (a benefit the engine heard is no "benefit tied to his need" the goal asks for:
        # "our film is stronger, so you use less per pallet" when his need is the line stops)
        open_goals = [cs.objectives[o] for o in cs.external_ids
                      if not met[o] and (o not in taken or (_needs_a_tie(cs, o)
                                                            and _untied_answers(turns)))
                      and o not in said]
        if open_goals:
            labels = "; ".join(cl.text(o.label) for o in open_goals[:3])
            improve.append(Tip("missed_external", {"topics": labels}))
    improve.extend(signal_tip)
    if "introduce" in roles and roles["introduce"] in state.objectives and not follow_up \
            and not drill and not invited(turns, early=False):
        # the card ticks the introduction; its other half, her turn, earns half the credit
        improve.append(Tip("invite_introduction"))
    if informal(turns, state.lang) and not to_a_colleague(cs):
        speak = [t for t in turns if text_speak(t.learner, state.lang)]
        if speak:
            improve.append(Tip("register", {"quote": quote(speak[0].learner)}))
        elif not drill or set(cs.external_ids) <= set(state.objectives):
            # well-formed lines whose only fault is the missing capital (in a drill of two
            # or three messages only once the exercise is done: the tips go to it first)
            lower = [t for t in turns if t.learner[:1].islower()] or turns
            improve.append(Tip("register_capital", {"quote": quote(lower[0].learner)}))
    return improve


_OFFERING_MOVES = frozenset({"propose_solution", "respond_benefit"})


# "we lease new label printers including maintenance", "wij zouden de printers vervangen":
# the seller's company as subject of what it would do or offer
_PROPOSES = re.compile(
    r"\b(we|wij|we'd|we'll|we're)\s+(could|can|would|will|offer|lease|provide|replace|install|"
    r"deliver|supply|set up|take care|zouden|kunnen|kan|bieden|leveren|vervangen|installeren|"
    r"regelen|plaatsen|leasen|verzorgen|nemen)\b", re.IGNORECASE)
_NOT_A_PROPOSAL = frozenset({Act.STATE_OBJECTIVE, Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER,
                             Act.SUMMARY, Act.GREET_INTRODUCE, Act.GOODBYE})


def proposed_in_words(turns: list[TurnRecord], pitches: list[TurnRecord]) -> TurnRecord | None:
    """The first message that proposes what the seller would do for her ("we lease new
    label printers including maintenance with a four-hour response time"), whatever act
    it was read as: not a pitch (its own tip), an agenda ("see if we can help"), a next
    step or a summary."""
    return next((t for t in turns if t not in pitches and t.act not in _NOT_A_PROPOSAL
                 and _PROPOSES.search(t.learner)), None)


def _offered_for(need: str, turns: list[TurnRecord]) -> bool:
    """Whether a statement of the learner's offered something for this need (a benefit or
    a proposal naming it); a question or a summary that names it offers nothing."""
    return any(need in t.needs and t.act not in (Act.FACT_QUESTION, Act.SUMMARY)
               and (_OFFERING_MOVES & set(t.moves) or "respond" in t.steps) for t in turns)


_WORD = re.compile(r"[a-zà-ÿ]{3,}")
# words a pitch shares with anything a buyer says: no sign it builds on what she told
_COMMON = frozenset({"that", "this", "what", "with", "have", "your", "jullie", "onze", "ours",
                     "from", "they", "them", "then", "there", "when", "about", "which",
                     "just", "really", "would", "could", "also", "maar", "want", "wordt",
                     "hebben", "heeft", "worden", "zijn", "deze", "voor", "naar", "niet",
                     "over", "echt", "even", "more", "meer", "very", "exactly", "precies",
                     "every", "elke", "alle", "company", "bedrijf", "printer", "the", "and",
                     "you", "for", "but", "are", "was", "not", "can", "our", "its", "all",
                     "any", "how", "who", "why", "now", "few", "new", "one", "two", "too",
                     "out", "see", "get", "got", "het", "een", "dat", "wat", "die", "wie",
                     "hoe", "nog", "ook", "dan", "wel", "bij", "met", "van", "per", "ons",
                     "wij", "zij", "hij", "jij", "uit", "aan", "his", "her", "she", "him",
                     "has", "had", "did", "doe", "ben", "heb", "kan", "mag", "zal", "wil",
                     "yes", "nee", "wer", "day", "dag", "come", "komen", "komt", "time",
                     "tijd", "some", "well", "good", "goed", "like", "year", "jaar"})


# a word in the answers of at most this many facts, of at least this length, is its own
_RARE_SPREAD = 2
_RARE_STEM = 4
_CUE_MATCH = 100.0  # a keyword match of the fact's cues scores above this


def _stems(text: str) -> set[str]:
    stems = {w.rstrip("s") if len(w) > 3 else w for w in _WORD.findall(text.lower())}
    return {w for w in stems if w not in _COMMON and len(w) >= 3}


# What an offer tied to her problem, made too early, still had to wait for: the key names
# the questions she had not yet answered before it (and so which SPIN tip it stands for).
EARLY_PITCH_ASKS: dict[str, tuple[str, ...]] = {
    "pitch_early": ("implication", "need_payoff"),  # neither what it costs nor is worth
    "pitch_early_value": ("need_payoff",),  # she said what it costs, not what a fix is worth
    "pitch_early_cost": ("implication",),  # she said what a fix is worth, not what it costs
    "pitch_tied": (),  # both told: the offer only had to be made as an answer to them
}


def first_pitched(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                  knocks: TurnRecord | None = None) -> TurnRecord | None:
    """The first pitch the card names as one: not a discount (its own tip says why), not a
    line running down her supplier (``knocks``), not a line the card credits with a goal
    ("And then hopefully we can send you a quote afterwards" names the follow-up)."""
    if knocks is None:
        knocks = next((t for t in turns if _KNOCKS.search(t.learner)), None)
    met = objectives_met(cs, state, "external", turns)
    return next((t for t in pitch_turns(cs, state, turns)
                 if not offers_discount(t) and t is not knocks
                 and not any(met.get(o) for o in t.objectives)), None)


def pitch_tip_key(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                  pitched: TurnRecord) -> str:
    """Which fault a pitch is: plain sales talk, sales talk after her interest (closing
    drill), a quotation promised, or an offer tied to her problem made too early (the key
    then names what she had not told yet, so the tip asks only for that)."""
    # "we can send you a quote afterwards" promises no feature: its fault is the goal
    if _QUOTATION.search(pitched.learner) and not _quotation_goal(cs, state):
        return "quote_close"
    # In a closing drill she has shown her interest already: the cure for more sales
    # talk is to come to the point, not to go back to questions about her situation.
    if cs.scenario.kind == "drill" and cs.scenario.closing is not None:
        return "pitch_closing"
    if cs.scenario.kind in ("spin", "first_visit") and _builds_on_her_problem(turns, pitched):
        # "the jams on the packing lines, that's exactly what our monitoring solves":
        # tied to what she described, but before she said what it costs or is worth
        before = turns[:turns.index(pitched)]
        cost = told_by_spin(cs, before, "implication")
        value = told_by_spin(cs, before, "need_payoff")
        if cost and value:
            return "pitch_tied"
        return "pitch_early_value" if cost else "pitch_early_cost" if value else "pitch_early"
    return "pitch"


def signals_ignored(cs: CompiledScenario, state: SessionState,
                    turns: list[TurnRecord]) -> list[tuple[str, TurnRecord]]:
    """The buying signals she gave ("Quick one in between – how soon could you actually
    start?") that the learner's next message went past: no word of hers taken up, no
    close tried. Each with the words she said it in and the message that went past it."""
    closing = cs.scenario.closing
    if closing is None or not closing.buying_signals:
        return []
    cl = cs.language(state.lang)
    out: list[tuple[str, TurnRecord]] = []
    for turn, after in pairwise(turns):
        for signal in closing.buying_signals:
            said = next((text for text in cl.texts(signal.text) if text and text in turn.buyer),
                        None)
            if said is None:
                continue
            # taken up: a close tried, a word of hers, or a moment named ("From 1
            # September, no problem" answers "how soon could you start?")
            msg = cl.lm.analyze(after.learner)
            hers = {st for st in _stems(said) if len(st) >= _RARE_STEM}
            if after.act in (Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER) \
                    or CLOSING_MOVES & set(after.moves) \
                    or hers & _stems(after.learner) \
                    or names_day(msg, cl.lm) or ORDINAL_DATE.search(after.learner) \
                    or any(MONTHS.get(w) for w in msg.words):
                continue
            out.append((said, after))
    return out


def early_solution(cs: CompiledScenario, state: SessionState,
                   turns: list[TurnRecord]) -> tuple[TurnRecord, str] | None:
    """In a SPIN call, the solution the card credits made before she said what her
    problem costs her ("Daar hebben wij echt een goede oplossing voor. Wij leasen ..."
    right after the breakdowns, before any consequence): tied to what she said, but too
    early. With the early-pitch key naming what she had not told yet. (On a first visit
    a first, careful solution is part of the visit's aim, and trainers praise one tied to
    her words.)"""
    role = role_ids(cs).get("solution")
    if cs.scenario.kind != "spin" or role is None:
        return None
    made = _first(turns, lambda t: t.act == Act.SOLUTION and role in t.objectives)
    if made is None:
        return None
    before = turns[:turns.index(made)]
    cost = told_by_spin(cs, before, "implication")
    if cost:
        return None
    value = told_by_spin(cs, before, "need_payoff")
    return made, "pitch_early_cost" if value else "pitch_early"


def told_by_spin(cs: CompiledScenario, turns: list[TurnRecord], kind: str) -> bool:
    """Whether she answered a question of this SPIN kind ("What does that mean for you
    when clients come in?" and she told what it costs her) in these turns."""
    facts = {f.id for f in cs.scenario.facts if kind in f.spin}
    return any(t.answered and (t.spin == kind or facts & set(t.answered)) for t in turns)


def _builds_on_her_problem(turns: list[TurnRecord], pitch: TurnRecord) -> bool:
    """Whether a pitch names a problem she described before it (a word of her answer to
    a problem or implication question): it is tied to what she said, only too early."""
    index = turns.index(pitch)
    told = set().union(*(_stems(t.buyer) for t in turns[:index]
                         if t.spin in ("problem", "implication") and t.answered))
    return bool(told & _stems(pitch.learner))


def _taken_back_by_but(turn: TurnRecord) -> tuple[str, str] | None:
    """An understanding said and taken back by a "but" ("I'm sorry to hear that … must
    have been really stressful. But we're not like that, we have 24/7 support"): the two
    halves, to credit the first and name the second."""
    match = taken_back(turn.learner)
    if match is None:
        return None
    before = turn.learner[:match.start].strip(" ,;")
    # ("Dat hoor ik vaker, maar …" is a stock phrase before the counter-argument)
    if not _names_her_concern(before) or not (
            _ACKNOWLEDGES.search(before) or "acknowledge" in turn.steps
            or Move.ACKNOWLEDGE in turn.moves):
        return None
    return before, turn.learner[match.end:].strip(" .,;!")


def _needs_a_tie(cs: CompiledScenario, objective_id: str) -> bool:
    """Whether an objective asks for a benefit tied to her need (not any benefit)."""
    return any(d.tied_to_need for d in cs.objectives[objective_id].detect)


def _untied_answers(turns: list[TurnRecord]) -> bool:
    """Whether the answers to her objection name no need of hers: the engine heard a
    benefit, in none of the words of what she needs."""
    answers = [t for t in turns if "respond" in t.steps]
    return bool(answers) and not any(t.needs or "respond" in t.objectives for t in answers)


def _goals_named(roles: dict[str, str], tips: list[Tip]) -> set[str]:
    """The exercise's goals a tip already names as still to do: the steps an objection tip
    lists as missing, the introduction an introduce tip asks for. "Still open: ..." names
    them a second time, in fewer words than the tip that says how."""
    named = {step for tip in tips if tip.key in ("objection", "objection_steps",
                                                  "objection_open")
             for step in tip.values.get("steps", "").replace("respond_tried", "respond")
             .split(", ")}
    if "introduce" in roles and any(tip.key.startswith("introduce") for tip in tips):
        named.add(roles["introduce"])
    if "follow_up" in roles and any(tip.key in CLOSE_TIPS for tip in tips):
        named.add(roles["follow_up"])
    return named


def _volunteered(cs: CompiledScenario, state: SessionState,
                 turns: list[TurnRecord]) -> set[str]:
    """Facts she put into words unasked ("we've been with Loonhuis for nine years"):
    the learner knows them, so "still to find out" must not list them. A line counts
    when it names the fact's topic (its cues) and a word only its answer holds (the
    "nine" of "nine years"), so a passing "budget round" does not tell the budget."""
    cl = cs.language(state.lang)
    stems: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    spread: dict[str, int] = {}
    for fact in cs.scenario.facts:
        said = cl.texts(fact.answer) + (cl.texts(fact.short_answer) if fact.short_answer else [])
        stems[fact.id] = set().union(*(_stems(text) for text in said))
        short[fact.id] = set().union(*(_stems(text) for text in (
            cl.texts(fact.short_answer) if fact.short_answer else [])))
        for stem in stems[fact.id]:
            spread[stem] = spread.get(stem, 0) + 1
    valued = {f.id for f in cs.scenario.facts if "need_payoff" in f.spin}
    told: set[str] = set()
    for turn in turns:
        if not turn.buyer:
            continue
        words = _stems(turn.buyer)
        for fact_id, score in cl.facts.match(cl.lm.analyze(turn.buyer)).items():
            if fact_id in valued:
                continue  # what a solution is worth counts in her answer to the question
            rare = {st for st in stems.get(fact_id, set())
                    if len(st) >= _RARE_STEM and spread[st] <= _RARE_SPREAD}
            gist = short.get(fact_id, set())
            # two words only its answer holds, or most of its short answer ("Loonhuis.
            # Nine years now.")
            if score > _CUE_MATCH and (len(rare & words) >= 2 or (
                    len(gist & words) >= 2 and 3 * len(gist & words) >= 2 * len(gist))):
                told.add(fact_id)
    return told


def _asked_not_told(cs: CompiledScenario, state: SessionState, asked: set[str],
                    answered: set[str]) -> list[str]:
    """Internal objectives the learner asked about that she has not told yet (none of
    their facts revealed or answered, "I'd rather not say yet"): not a question missed."""
    facts: dict[str, list[str]] = {}
    for fact in cs.scenario.facts:
        if fact.objective is not None:
            facts.setdefault(fact.objective, []).append(fact.id)
    return [o for o in cs.internal_ids if o in asked and o in facts
            and not any(f in state.revealed or f in answered for f in facts[o])]


def _objection_tips(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                    used: set[str]) -> list[Tip]:
    cl = cs.language(state.lang)
    out: list[Tip] = []
    for oid, ostate in state.objections.items():
        if ostate.raised_turn is None or ostate.handled or oid not in cs.objections:
            continue
        objection = cs.objections[oid]
        after = exchange(state, ostate, turns)
        # a step the turns themselves record is done, whatever the objection's tally says
        taken = steps_taken(after, drill=cs.scenario.kind == "drill")
        steps = handling_steps(ostate, turns)
        # an answer not tied to her need is still no "benefit tied to her need": every step
        # not done is named, or the list credits what the learner did not do
        missing = [s for s, done in steps.items() if not done and s not in taken]
        if not missing:
            continue
        # "Dan verdient de app zich toch snel terug, als die uren wegvallen?": a benefit he
        # heard, but one the engine could not tie to his need (an attempt): what is still
        # to do is making it concrete in his words and figures, not giving one
        # (in the words her concern is answered by, "verdient zich terug", "pays for itself":
        # an answer to it, where "we have the biggest fleet" is a benefit to nobody)
        attempt = next((t for t in after if Move.RESPOND_BENEFIT in t.moves
                        and "respond" not in t.steps
                        and oid in cl.objection_cues.match(cl.lm.analyze(t.learner))), None)
        if "respond" in missing and "respond" in ostate.tried and attempt is not None:
            missing = ["respond_tried" if s == "respond" else s for s in missing]
        values = {"steps": ", ".join(missing), "advice": cl.text(objection.good_handling)}
        reply = (attempt if "respond_tried" in missing else None) \
            or _first(after, lambda t: t.act == Act.OBJECTION_RESPONSE and not t.steps) \
            or _first(after, lambda t: t.act == Act.OBJECTION_RESPONSE) \
            or _first(after, lambda t: t.act != Act.GOODBYE)
        # the words she raised it in, when the transcript holds them
        raised_in = turns[ostate.raised_turn - 1].buyer \
            if 0 < ostate.raised_turn <= len(turns) else ""
        texts = [text for text in cl.texts(objection.text) if text]
        heard = next((text for text in texts if text in raised_in), None)
        said = quote(heard or texts[0])
        if reply is not None and heard is not None and reply is after[0] \
                and _went_past(reply.learner, heard, raised_in.replace(heard, " ")):
            # "€7.80 per payslip … You know what, I have a site meeting at eleven. Just send
            # me the brochure" answered with "€9.40 is more than that …": the answer is to
            # the rest of her reply, and the objection was never taken up
            out.append(Tip("objection_passed", {"advice": values["advice"], "objection": said,
                                                "quote": quote(reply.learner)}))
        elif reply is None or not answerable(turns, ostate.raised_turn):
            out.append(Tip("objection_open", {**values, "objection": said}))
        elif quote(reply.learner) in used or (
                reply.act != Act.OBJECTION_RESPONSE and cs.scenario.kind != "drill"):
            # those words already have their own tip; or the learner went on with her next
            # question ("How many people work on site?"), which is no answer to quote as one
            out.append(Tip("objection_steps", {**values, "objection": said}))
        else:
            out.append(Tip("objection", {**values, "quote": quote(reply.learner),
                                         "objection": said}))
    return out


def _went_past(answer: str, objection: str, rest: str) -> bool:
    """Whether an answer takes up the rest of the buyer's reply (the price she gave) and
    not a word of the objection she tacked onto it."""
    words = _stems(answer)
    return bool(rest.strip()) and not words & _stems(objection) and bool(words & _stems(rest))


def exchange(state: SessionState, ostate: ObjectionState,
             turns: list[TurnRecord]) -> list[TurnRecord]:
    """The learner's turns that answer one objection: from her objection up to her next
    one (which starts another exchange)."""
    if ostate.raised_turn is None:
        return []
    later = [o.raised_turn for o in state.objections.values()
             if o.raised_turn is not None and o.raised_turn > ostate.raised_turn]
    return turns[ostate.raised_turn:min(later, default=len(turns))]


HANDLING_STEPS = ("acknowledge", "clarify", "respond", "check")


def steps_taken(after: list[TurnRecord], drill: bool = False) -> set[str]:
    """The handling steps the turns of an exchange record (as steps, or as the drill's
    objectives named after them: the card ticks "a benefit tied to his need", so no tip
    calls it missing), plus a check the engine may read as a fact question: with the
    answer or after it, a yes/no question that asks for no new fact ("Kunt u het intern
    zo uitleggen?", "..., does that make it easier to defend internally?") checks it.
    In an objection drill every message answers her objection, so an open question that
    explores ("who is that then?", "Op welke dagen mist u die vier mensen het meest?")
    clarifies it, whatever the engine read it as: no tip calls that step missing while
    another praises the question."""
    taken = {step for t in after for step in [*t.steps, *t.objectives]
             if step in HANDLING_STEPS and (step != "clarify" or not no_clarify(t))
             and (step != "check" or not no_check(t, proposals=not drill))
             and (step != "acknowledge" or not no_acknowledgement(t))}
    if drill and any(t.form == "open" and t.act == Act.FACT_QUESTION and _explores(t)
                     and not yes_no_question(t.learner) for t in after):
        taken.add("clarify")
    # "Ik snap dat overstappen spannend is. Wat zou er voor u geregeld moeten zijn om de
    # overstap veilig te maken?": the acknowledgement and the question that explores it
    if any("acknowledge" in t.steps and _explores(t)
           and not yes_no_question(t.learner) for t in after):
        taken.add("clarify")
    # "That's completely fair, Sandra. Can I ask ...?", "helemaal goed. wat wil je nog
    # uitzoeken ...?": understanding said in so many words, in words the engine missed
    if any(_ACKNOWLEDGES.search(t.learner) and not is_yes_but(t.learner)
           and not _LAUGH.search(t.learner) for t in after):
        taken.add("acknowledge")
    # the first thing said after her objection, an open question that asks for no fact of
    # the case, asks about the objection ("wat wil je nog uitzoeken voordat je ja zegt?")
    first = after[0] if after else None
    if first is not None and first.form == "open" and not first.facts and _explores(first) \
            and not yes_no_question(first.learner):
        taken.add("clarify")
    if checked_after_answer(after, drill):
        taken.add("check")
    return taken


def _gathering_closed(turns: list[TurnRecord], turn: TurnRecord) -> bool:
    """A closed question that gathers facts (not a permission, a check or a proposal)."""
    text = turn.learner.lower().lstrip("-–•* ")
    if turn.form != "closed" or turn.act != Act.FACT_QUESTION or not turn.facts \
            or turn.spin is None or text.startswith(PERMISSION_OPENINGS) or "check" in turn.moves:
        return False
    asked = [s.lower() for s in sentences(turn.learner) if s.rstrip().endswith("?")]
    if any(s.startswith(CHECK_OPENINGS) for s in asked or [text]):
        return False
    if any(_EITHER_OR.search(q) for q in asked or [text]):
        return False  # "'s avonds of overdag?" offers a choice: no yes or no to it
    words = [w for w in (asked or [text])[0].split() if any(c.isalnum() for c in w)]
    if len(words) <= FRAGMENT_WORDS and words[0] not in QUESTION_VERBS:
        return False  # "m2 both offices?" asks for a figure, not for yes or no
    index = turns.index(turn)
    before = turns[index - 1] if index else None
    # right after a proposal or an answer to an objection, a yes/no question is a check
    return before is None or before.act not in (Act.SOLUTION, Act.OBJECTION_RESPONSE,
                                                 Act.NEXT_STEP_PROPOSAL)


def _deeper_questions(cs: CompiledScenario, turns: list[TurnRecord],
                      mix: QuestionMix, lang: str | None = None) -> Tip | None:
    if cs.scenario.kind not in ("spin", "first_visit") or mix.total < 3:
        return None
    if mix.spin["implication"] == 0:
        # quote a question that probed the problem by itself: after "who cleans now, are
        # you happy with them and what does it cost?" the consequences are no next step
        problems = [t for t in turns if t.spin == "problem" and t.act == Act.FACT_QUESTION]
        problem = next((t for t in problems if question_clauses(t.learner) <= 1),
                       problems[0] if problems else None)
        if problem is not None and lang is not None and all(
                _only_short(cs, lang, t) for t in problems):
            # "Reasonably. It could be better, but it's not dramatic.": no problem on the
            # table yet, so the next question asks what could be better, not what it costs
            return Tip("problem_first", {"quote": quote(problem.learner)})
        if problem is not None:
            return Tip("implication", {"quote": quote(problem.learner)})
    elif mix.spin["need_payoff"] == 0 and not any(
            t.form == "open" and _PAYOFF_ASKED.search(t.learner) for t in turns):
        # "What would it mean for you if the complaints stopped?" read as an implication
        # question is the very question the tip would suggest
        return Tip("need_payoff")
    return None


# "Reasonably. It could be better, but it's not dramatic.", "Redelijk. Het werkt.": fair
# content, no problem named yet
_FAIRLY_CONTENT = re.compile(
    r"\b(could be better|not dramatic|reasonably|it works|kan beter|niet dramatisch|redelijk|"
    r"het werkt)\b", re.IGNORECASE)


def _only_short(cs: CompiledScenario, lang: str, turn: TurnRecord) -> bool:
    """Whether her reply to the question gave only her short answer and that says she is
    fairly content ("Reasonably. It could be better, but it's not dramatic."), none of
    the story of what goes wrong."""
    cl = cs.language(lang)
    facts = [cs.facts[f] for f in turn.answered if f in cs.facts]
    return bool(facts) and bool(_FAIRLY_CONTENT.search(turn.buyer)) and all(
        any(text and text in turn.buyer for text in cl.texts(f.short_answer or []))
        and not any(text and text in turn.buyer for text in cl.texts(f.answer))
        for f in facts)


def _closing_tips(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                  roles: dict[str, str], met: dict[str, bool]) -> list[Tip]:
    if cs.scenario.closing is None:
        # in a drill the follow-up may be an agenda item: the open-parts tip names it
        if "follow_up" in roles and roles["follow_up"] not in state.objectives \
                and cs.scenario.kind != "drill":
            return [_weak_or_no_close(cs, state, turns)]
        return []
    if state.closing["agreed"]:
        return []
    # (a proposal the card credits with the follow-up is one, whatever act it was read as:
    # "Then I'd like to propose a demo ... Would Thursday 14 January at 10:00 work?")
    attempts = [t for t in turns if t.act in (Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER)
                or (roles.get("follow_up") in t.objectives and CLOSING_MOVES & set(t.moves))]
    if not attempts:
        return [_weak_or_no_close(cs, state, turns)]
    lm = cs.language(state.lang).lm
    concrete = [t for t in attempts if is_concrete(lm.analyze(t.learner), lm)]
    if not state.closing["concrete"] and not concrete:
        # the proposal that closed the call is the one to make firmer: the last one (an
        # early "I came to hear what you thought of our proposal" read as a proposal, or a
        # discount's "if you sign", is not what "I'll call you next week" should have been)
        offers = [t for t in attempts if not offers_discount(t)] or attempts
        ticked = [t for t in offers if roles.get("follow_up") in t.objectives]
        last = (ticked or offers)[-1]
        if last.act == Act.ASK_ORDER or "ask_for_order" in last.moves:
            # "So how would you like to proceed with the order?" asks for the order: no
            # diary appointment to make firmer, a direct question she can say yes to
            return [Tip("firmer_order", {"quote": quote(last.learner)})]
        closing = cs.scenario.closing
        if closing is not None and closing.late and last in late_proposals(cs, state, turns):
            # "bv di 12 jan om 10u" when notice is due by 1 October: the date is the fault,
            # whatever else the proposal lacks
            late = next(iter(cs.language(state.lang).texts(closing.late)), "")
            return [Tip("close_too_late", {"quote": quote(last.learner), "late": late})]
        if met.get(roles.get("follow_up", "")):
            # the card ticks the next step (a day without a time, "maybe Wednesday?"):
            # "not yet a concrete next step" would deny it; say how to make it firmer
            return [_close_tip(cs, state, "firmer_close", last.learner)]
        # (on a follow-up visit her offer is on the table: the date is what is missing)
        if _QUOTATION.search(last.learner) and not _quotation_goal(cs, state) \
                and cs.scenario.buyer.visit != "follow_up":
            return [Tip("quote_close", {"quote": quote(last.learner)})]
        return [_close_tip(cs, state, "vague_close", last.learner)]
    last = (concrete or attempts)[-1]
    if offers_discount(last):
        # "sign this week and get 15% off" is no concrete proposal: the discount tip says
        # what a discount is
        return []
    closing = cs.scenario.closing
    if closing is not None and closing.late and last in late_proposals(cs, state, turns):
        # "a demo on 10 December" when notice is due by 1 July: the right form, a date
        # that is no use to her, whatever else she answered
        late = next(iter(cs.language(state.lang).texts(closing.late)), "")
        return [Tip("close_too_late", {"quote": quote(last.learner), "late": late})]
    if any(o.raised_turn is not None and not o.handled for o in state.objections.values()):
        return []  # the objection's own tip says what to do first
    # after a full inventory "find out more about her situation first" is the wrong advice:
    # what is left is to find out what still holds her back
    inventory = objectives_met(cs, state, "internal", turns)
    known = sum(inventory.values())
    if inventory and known / len(inventory) >= INVENTORY_DONE:
        # "Waar wil je precies nog over nadenken?" asked already: "ask what still holds him
        # back" would tell the learner to do what they did; what is left is to answer it
        index = turns.index(last)
        asked = next((t for t in reversed(turns[:index]) if _HOLDS_BACK.search(t.learner)), None)
        if asked is not None:
            return [Tip("close_not_agreed_asked", {"quote": quote(last.learner),
                                                   "asked": quote(asked.learner)})]
        return [Tip("close_not_agreed", {"quote": quote(last.learner)})]
    return [Tip("close_not_earned", {"quote": quote(last.learner)})]


# "with you and your partners", "can Mrs Bakker join us?", "samen met uw collega": who
# attends ("a proposal for your team" says who it is for, not who will be there)
_WHO_ATTENDS = re.compile(
    r"\b(join|joins|attend|attends|present at|both of you|all of you|the two of you|"
    r"erbij|aanschuiven|aansluiten|jullie (allebei|beiden|samen)|samen met)\b|"
    r"\b(with|and|met|en)\s+(you and |u en |jou en |both |all |also )?"
    r"(your|the|our|my|a|uw|je|jouw|jullie|de|onze|mijn|een|mr\.?|mrs\.?|ms\.?|meneer|"
    r"mevrouw)?\s*(team|colleagues?|partners?|managers?|directors?|boss|owner|"
    r"collega'?s?|directeur|directie|eigenaar|leidinggevende|baas|teamleider)\b|"
    # "a demo for you and the finance director" (two people: who attends)
    r"\b(for|to|voor|aan)\s+(you|u|jou|jullie)\s*(,|\band\b|\ben\b)\s*\w+", re.IGNORECASE)
# "with a proposal", "do a demo", "een offerte meenemen": what the learner brings
_WHAT_BROUGHT = re.compile(
    r"\b(proposals?|quotes?|quotations?|demo|demonstration|plan|offer|samples?|"
    r"designs?|calculations?|trial|presentation|voorstel|offerte|berekening|ontwerp|"
    r"presentatie|proef\w*|monster\w*|plan)\b", re.IGNORECASE)
CLOSE_PARTS = ("day", "time", "who", "what")


def close_parts_missing(cs: CompiledScenario, state: SessionState, said: str) -> str:
    """What a proposed next step still lacks to go in her diary, as ids joined by ", "
    (a day, a time, who attends, what the learner brings): "next week Thursday with a
    proposal for your team" lacks only the time and who attends."""
    lm = cs.language(state.lang).lm
    msg = lm.analyze(said)
    # ("di 12 jan", "12 January": a date by its month names the day)
    dated = bool(DATE_BY_MONTH.search(said))
    has = {"day": names_day(msg, lm) or bool(ORDINAL_DATE.search(said)) or dated,
           "time": names_time_of_day(msg, lm),
           "who": bool(_WHO_ATTENDS.search(said)), "what": bool(_WHAT_BROUGHT.search(said))}
    return ", ".join(part for part in CLOSE_PARTS if not has[part])


def _close_tip(cs: CompiledScenario, state: SessionState, key: str, said: str) -> Tip:
    parts = close_parts_missing(cs, state, said)
    if not parts:
        # every part named, and still no commitment: what is left is her yes
        return Tip("close_confirm", {"quote": quote(said)})
    return Tip(key, {"quote": quote(said), "parts": parts})


def _weak_or_no_close(cs: CompiledScenario, state: SessionState,
                      turns: list[TurnRecord]) -> Tip:
    """"You did not propose a next step" is untrue after "shall I send you an offer?",
    even when the engine read it as a question: the learner offered one, too weak to
    commit her. Say why it is too weak (no day, no time; a quotation too early)."""
    weak = [t for t in turns if WEAK_STEP.search(t.learner)]
    if not weak:
        return Tip("no_close")
    last = weak[-1]
    # on a follow-up visit her offer is on the table: only the missing date is the fault
    if (_QUOTATION.search(last.learner) or _OFFER.search(last.learner)) \
            and not _quotation_goal(cs, state) and cs.scenario.buyer.visit != "follow_up":
        return Tip("quote_close", {"quote": quote(last.learner)})
    return _close_tip(cs, state, "vague_close", last.learner)


def _quotation_goal(cs: CompiledScenario, state: SessionState) -> bool:
    """Where an objective is about a quotation, asking for one is on the way."""
    cl = cs.language(state.lang)
    return any(_QUOTATION.search(cl.text(o.label)) for o in cs.objectives.values())


def _strengths(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord]) -> list[Tip]:
    """What the learner did well, each with the words that did it; most telling first."""
    found: list[Tip] = []

    def add(key: str, turn: TurnRecord | None) -> None:
        if turn is not None:
            found.append(Tip(key, {"quote": quote(turn.learner)}))

    ticked_external = objectives_met(cs, state, "external", turns)
    closes = [t for t in turns if t.act in (Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER)]
    # her yes to "So, to check: ... Correct?" read as a proposal is no close of the
    # learner's: the date proposed later she did not take
    if state.closing["agreed"] and closes and not agreed_to_a_summary(cs, state, turns):
        lm = cs.language(state.lang).lm
        concrete = [t for t in closes if is_concrete(lm.analyze(t.learner), lm)]
        close = (concrete or closes)[-1]
        # "So how would you like to proceed with the order?" asks for the order: no diary
        # step was proposed, and the praise says what it did; "we'll be in touch soon" she
        # may say yes to, but it "gave a concrete next step" no more than before
        if close.act == Act.ASK_ORDER:
            add("good_close_order", close)
        elif close in concrete or names_a_moment(cs, state.lang, close.learner):
            add("good_close", close)
    # (in a drill that asks for a benefit tied to his need, one the card does not tick is
    # not praised as tied to what he said)
    untied = cs.scenario.kind == "drill" and _untied_answers(turns) and any(
        _needs_a_tie(cs, o) and not ticked_external[o] for o in cs.external_ids)
    if not untied:
        add("good_objection", _good_answer(state, turns, cs))
    for spin, key in (("need_payoff", "good_need_payoff"), ("implication", "good_implication")):
        worthy = [t for t in turns if t.spin == spin and _spin_worth_praise(spin, t)
                  # "Wat zou het voor jou betekenen als je de piek ingaat zonder ...?" asks
                  # the value of a fix: no implication question, however it was read
                  and not (spin == "implication" and _PAYOFF_ASKED.search(t.learner))]
        add(key, next(iter(worthy), None))
    answering = [t for o in state.objections.values() for t in exchange(state, o, turns)]
    for step in ("acknowledge", "clarify", "check"):
        # understanding said in words the engine missed ("That's completely fair, Sandra")
        # is praised as any acknowledgement is
        add(f"good_{step}", next((t for t in turns if (step in t.steps or (
            step == "acknowledge" and t in answering and _ACKNOWLEDGES.search(t.learner)))
                                  and _step_worth_praise(step, t)
                                  and not (step == "clarify" and (
                                      asks_only_chat(cs, state.lang, t)
                                      or _asks_back(cs, state, turns, t)
                                      or not _about_objection(cs, state, turns, t)))),
                                 None))
    if not any(tip.key == "good_check" for tip in found):
        # the benefit and its check in one message ("..., would that help?")
        add("good_check", next((t for t in turns if "respond" in t.steps and not t.facts
                                and yes_no_question(t.learner)
                                and _step_worth_praise("check", t)), None))
    roles = role_ids(cs)
    early = early_solution(cs, state, turns)
    if "solution" in roles and roles["solution"] in state.objectives and early is None:
        add("good_solution", _first(turns, lambda t: t.act == Act.SOLUTION
                                    and roles["solution"] in t.objectives
                                    and not _PRICE_PROMISE.search(t.learner)
                                    and _uses_her_words(turns, t)
                                    and not _made_up_mention(cs, state, turns, t)))
    add("good_summary", _first(turns, lambda t: t.act == Act.SUMMARY
                               and _summary_worth_praise(cs, state, turns, t)))
    agenda = _first(turns, lambda t: t.act == Act.STATE_OBJECTIVE)
    if agenda is not None and cs.scenario.kind != "drill":
        add("good_agenda", agenda)
    # the opening is the first message (an introduction she had to ask for is none)
    if turns[0].act == Act.GREET_INTRODUCE and turns[0].objectives:
        add("good_opening", turns[0])
    found.extend(_tasks_done(cs, state, turns))
    proposal = _first(turns, lambda t: t.act in (Act.NEXT_STEP_PROPOSAL, Act.ASK_ORDER))
    if cs.scenario.kind == "drill" and cs.scenario.closing is not None \
            and proposal is not None and turns.index(proposal) > 0:
        # in a closing drill, a question right before the proposal made it fit (one that
        # invites more questions reopens the sale instead)
        before = turns[turns.index(proposal) - 1]
        # a line that asks nothing ("Great to hear! And don't forget, both trucks come with
        # our warranty.") is more selling after her yes, however the engine read it
        if before.form is not None and before.act == Act.FACT_QUESTION \
                and _asks(before.learner) and not _OWN_AIM.search(before.learner) \
                and not reopens(before):
            add("good_question_first", before)
    heard: set[str] = set()
    for turn in turns:  # the first one not quoted elsewhere is kept
        # "as I said ...": a question she answered with a repeat got her telling nothing new
        if _open_question(turn, cs.scenario.kind == "drill") and set(turn.answered) - heard \
                and not _OWN_AIM.search(turn.learner):
            add("good_open_question", turn)
        heard.update(turn.answered)
    # (one tip per message: where the agenda is praised, its check is part of it)
    if agenda is not None and agenda.form == "closed" and cs.scenario.kind == "drill":
        check = next((s for s in reversed(sentences(agenda.learner)) if s.endswith("?")), None)
        if check is not None:
            found.append(Tip("good_agenda_check", {"check": quote(check)}))
    return found


def _summary_worth_praise(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                          summary: TurnRecord) -> bool:
    """A summary a trainer would praise sums up what she told: something was told before
    it, and she did not have to correct it ("Niet helemaal: 300? Dat heb ik niet gezegd.",
    "Hold on, I didn't say all of that.")."""
    index = turns.index(summary)
    if not any(t.answered for t in turns[:index]):
        return False
    if corrected(cs, state, [summary]):
        return False
    # "so you have one office in haarlem" (two branches), "het contract loopt nog 3 jaar",
    # "around 150 lunches" (115): a figure she never said is no summary of what she told,
    # even when the engine let it pass
    told = set().union(*(_figures(t.buyer) for t in turns[:index])) if index else set()
    return _figures(summary.learner) <= told and _sums_up(summary.learner)


# "And the timesheets are still on paper you said?" echoes one fact back; a summary lists
# two things or more, or one told in full ("Dus je wilt per 1 juli starten met 300 lunches
# per dag")
SUMMARY_ITEMS = 2
SUMMARY_WORDS = 10


def _sums_up(text: str) -> bool:
    longest = max((p for p in re.split(r"[.?!]+", text) if p.strip()), key=len, default="")
    body = _LEADING_JOINER.sub("", longest)
    return _summed_items(text) >= SUMMARY_ITEMS or len(body.split()) >= SUMMARY_WORDS


_ITEM_BREAK = re.compile(r"[,;:]|\b(and|en|but|maar|plus|also|ook)\b", re.IGNORECASE)
_LEADING_JOINER = re.compile(r"^\s*(and|en|so|dus|ok[eé]?|oké|right)\b[\s,]*", re.IGNORECASE)


def _summed_items(text: str) -> int:
    """How many things a summary's longest sentence lists ("the printers are old and jam
    now and then": two), its opening "so"/"en" and a check after it not counted."""
    longest = max((p for p in re.split(r"[.?!]+", text) if p.strip()), key=len, default="")
    body = _LEADING_JOINER.sub("", longest)
    return len([part for part in _ITEM_BREAK.split(body)
                if part and not _ITEM_BREAK.fullmatch(part) and len(part.split()) >= 2])


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "twaalf": 12, "twintig": 20, "dertig": 30, "veertig": 40,
    "vijftig": 50}
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}([.]\d{2})?\s*(uur|am|pm)\b")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+", re.IGNORECASE)


def _figures(text: str) -> set[float]:
    """The figures in a text, as numbers ("150", "€4.40", "4,40", "two", "twee")."""
    found: set[float] = set()
    for token in _FIGURE.findall(_CLOCK.sub(" ", text.lower())):
        if token[0].isdigit():
            plain = token.replace(".", "").replace(",", "") if re.fullmatch(
                r"\d{1,3}([.,]\d{3})+", token) else token.replace(",", ".")
            try:
                found.add(float(plain))
            except ValueError:
                continue
        elif token in _NUMBER_WORDS:
            found.add(float(_NUMBER_WORDS[token]))
    return found


def _spin_worth_praise(spin: str, turn: TurnRecord) -> bool:
    """A SPIN question a trainer would hold up as the model: one open question whose words
    ask for consequences or value. "Does that cost you a lot, and who fixes them?" touches
    the cost, but closed and with a second question in its tail it draws a yes or a name."""
    if spin == "implication" and _PRICE_NOW.search(turn.learner):
        return False  # "What does that cost you per month at the moment?" asks the price
    if spin == "implication" and not _SPIN_STRONG[spin].search(turn.learner) \
            and not _TROUBLE.search(turn.learner):
        # "What happens with the printers when it gets really busy?" names no trouble and
        # points back to none: it asks whether something goes wrong (a problem question),
        # where "what happens on the floor when one jams?" asks what follows from it
        return False
    return (turn.act == Act.FACT_QUESTION and turn.form == "open"
            and question_clauses(turn.learner) <= 1
            and bool(_SPIN_WORDING[spin].search(turn.learner)))


def _step_worth_praise(step: str, turn: TurnRecord) -> bool:
    """A handling step the turn records that a trainer would also call good: a yes-but
    takes the understanding back, and a clarifying step has to ask a real question."""
    if _LAUGH.search(turn.learner) and step in ("acknowledge", "clarify"):
        return False
    if step == "acknowledge" and _THANKS_ONLY.match(turn.learner):
        return False  # "Thank you, good to hear. What stood out ...?" understands nothing
    if _GIVES_IN.search(turn.learner):
        return False  # "Oké snap ik. Dan stuur ik u de brochure": understanding, then giving in
    if step == "acknowledge":
        return not is_yes_but(turn.learner) and not _SELF_CORRECTION.search(
            turn.learner) and _names_her_concern(turn.learner)
    if step == "clarify":
        return _explores(turn) and not no_clarify(turn)
    if step == "check":
        # "rather outdated, isn't it?" leads her to a yes, and "Shall we meet on Tuesday?"
        # or "Zal ik een offerte maken?" asks for the next step: neither asks whether her
        # concern is gone
        return not no_check(turn)
    return True


ACKNOWLEDGE_WORDS = 5  # "ok fair enough", "Of course, I understand": stock, not her concern
# "Thank you, good to hear.", "Dank u, fijn om te horen!": thanks and pleasure, before a
# question, say nothing of what she is concerned about
_THANKS_ONLY = re.compile(
    r"^\W*((thanks|thank you|many thanks|dank (u|je)( wel)?|bedankt|great|good|fijn|mooi|"
    r"nice|glad|goed|leuk)\b[\s,!.]*)+((it'?s |that'?s |dat is )?(good|great|nice|glad|fijn|"
    r"goed|leuk|mooi) (to hear( that)?|om te horen)\b)?[\s,!.]*(?=[A-Z][^.!]*\?|$)",
    re.IGNORECASE)


def _names_her_concern(text: str) -> bool:
    """Whether the understanding shown says what it understands ("I get that, price
    matters", "a whole day down in tax season"): the words before the first question, or
    before its last comma. "ok fair enough. what do they charge per lunch?" is a stock
    phrase in front of a question, no understanding a trainer would hold up."""
    said = sentences(text)
    before = [s for s in said[:next((i for i, s in enumerate(said) if s.endswith("?")),
                                    len(said))]]
    ack = " ".join(before) if before else said[0].rsplit(",", 1)[0] if said else ""
    return len(re.findall(r"\w+", ack)) >= ACKNOWLEDGE_WORDS


def _uses_her_words(turns: list[TurnRecord], turn: TurnRecord) -> bool:
    """A solution praised as "tied to what she said" holds a word of hers: a list of
    selling points with none of them is a pitch, however the engine read it."""
    told = set().union(*(_stems(t.buyer) for t in turns[:turns.index(turn)]))
    return bool(told & _stems(turn.learner))


# "You mentioned the waiting time for repairs: ...", "Je zei dat jullie ...", "zoals u al
# zei, ...": what follows is put in her mouth, up to the next colon, comma or full stop
_MENTIONED = re.compile(
    r"\b(you (just )?(mentioned|said|told me|were saying|talked about)( that)?|as you said|"
    r"(u|je|jij) (noemde|zei|vertelde|had het over)( net| al)?( dat)?|zoals (u|je) (al |net )?"
    r"(zei|noemde|vertelde)|(had|heeft) (u|je) het (net |al )?over)\b(?P<said>[^:;,.!?]+)",
    re.IGNORECASE)


def _made_up_mention(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                     turn: TurnRecord) -> bool:
    """After a summary she had to correct, a proposal tied to something she is said to
    have mentioned that she never did ("You mentioned the waiting time for repairs" when
    she spoke of jams at peak): a word of what it puts in her mouth is in none of her
    replies so far. The tie is made up as the summary was, not made to what she said.
    (Without her correction a paraphrase of hers is given the benefit of the doubt.)"""
    index = turns.index(turn)
    if not any(turns.index(t) < index for t in corrected(cs, state, turns)):
        return False
    told = {w[:_STEM_PREFIX] for t in turns[:index] for w in _stems(t.buyer)}
    for match in _MENTIONED.finditer(turn.learner):
        if any(w[:_STEM_PREFIX] not in told for w in _stems(match.group("said"))):
            return True
    return False


_STEM_PREFIX = 5  # "reliability" is her "reliable", "repairs" her "repair"


def _asks_back(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
               turn: TurnRecord) -> bool:
    """A question that asks back what she already said ("until when does the contract with
    TeleNed run exactly?" after "Our contract with TeleNed runs until 1 March"): every
    word of it she used before, in her objection or her replies. It found out nothing of
    what lies behind her objection, however well it is put."""
    cl = cs.language(state.lang)
    told = set().union(*(_stems(t.buyer) for t in turns[:turns.index(turn)]))
    for oid, ostate in state.objections.items():
        if ostate.raised_turn is not None and oid in cs.objections:
            told |= set().union(*(_stems(text) for text in cl.texts(cs.objections[oid].text)))
    asked = set().union(*(_stems(q) for q in sentences(turn.learner) if q.rstrip().endswith("?")))
    return bool(asked) and asked <= told


def _explores(turn: TurnRecord) -> bool:
    """A clarifying step worth praising asks a real question: not a summary, not the
    learner's own errand ("wat is uw mailadres dan?"), and not an echo of her words
    ("AutoLease Oost? Die staan er niet om bekend dat ze snel zijn.", which runs down the
    competitor she is happy with)."""
    asked = [q for q in sentences(turn.learner) if q.rstrip().endswith("?")]
    # ("What did you think of it?" asks the view he has told: ``asks_his_view_only``)
    return turn.act != Act.SUMMARY and any(len(q.split()) >= 3 and not _ERRAND.search(q)
                                           and not _LEADING_TAG.search(q)
                                           and not asks_his_view_only(q) for q in asked)


# "then you no longer ...", "saves your team ...", "lost dat op", "..., dus Bas kan het zelf
# testen": a benefit says what it brings her or solves of what she said; "our new version
# does the allowances automatically" says what the product does (a feature)
_FOR_HER = re.compile(r"\b(u|uw|je|jij|jou|jouw|jullie|you|your|yours)\b"
                      r"|\b(lost|solves?|fixes|takes care of) (dat|dit|that|this)\b"
                      r"|,\s*(dus|so|which means)\b|\b(zodat|waardoor|so that)\b", re.IGNORECASE)


def _good_answer(state: SessionState, turns: list[TurnRecord],
                 cs: CompiledScenario | None = None) -> TurnRecord | None:
    """The answer worth praising as objection handling: a statement credited with "respond"
    to an objection that got handled, given after the learner acknowledged or explored it.
    A benefit blurted out before the concern was even heard is a pitch that happened to
    land, not handling (a trainer's review of a pitch that ignored the switch fear), and so
    is one after a yes-but ("I understand it is higher. But you get ..."). A feature claim
    that never says what it brings her ("ik snap het. onze nieuwe versie doet de cao
    toeslagen automatisch", in none of her words) answers with the product, not with a
    benefit for her."""
    for ostate in state.objections.values():
        if not ostate.handled:
            continue
        heard = False
        for turn in exchange(state, ostate, turns):
            # "I understand it is higher. But you get ..." takes the understanding back
            now = any(_step_worth_praise(step, turn) for step in turn.steps
                      if step in ("acknowledge", "clarify"))
            # one sentence that acknowledges ("Heel logisch dat u dit samen beslist.") holds
            # no benefit besides: the answer comes in a sentence of its own
            answers = heard or (now and len(sentences(turn.learner)) > 1)
            answer = sentences(turn.learner)[1:] if now and not heard else [turn.learner]
            if answers and "respond" in turn.steps and turn.form is None \
                    and not _GIVES_IN.search(turn.learner) \
                    and (any(_FOR_HER.search(said) for said in answer)
                         or _uses_her_words(turns, turn)) \
                    and (cs is None or _touches_concern(cs, state, ostate, turns, turn)):
                return turn
            heard = heard or now
    return None


def _touches_concern(cs: CompiledScenario, state: SessionState, ostate: ObjectionState,
                     turns: list[TurnRecord], answer: TurnRecord) -> bool:
    """Whether an answer takes up a word of her concern as she put it: the objection and
    what she said about it until the answer. "Fresh, cooked on site, staff pay €2.50"
    names nothing of "Vers & Co is fifty cents a lunch cheaper": a benefit, not an answer
    to the objection."""
    if ostate.raised_turn is None:
        return True
    cl = cs.language(state.lang)
    objection = cs.objections.get(next((oid for oid, o in state.objections.items()
                                        if o is ostate), ""))
    # (the reply she raised it in may hold other facts besides: only the objection counts)
    said = [t.buyer for t in turns[ostate.raised_turn:turns.index(answer)]]
    if objection is not None:
        # and the model answer, which names what takes it away ("a trial week")
        said += [text for text in (*cl.texts(objection.text), cl.text(objection.good_handling))
                 if text]
    concern = set().union(*(_stems(text) for text in said)) - _ADVICE_WORDS if said else set()
    return not concern or bool(concern & _stems(answer.learner))


# the model answers' words for the steps themselves, no part of any concern
_ADVICE_WORDS = frozenset({"acknowledge", "ask", "check", "isolate", "show", "only", "then",
                           "tie", "erken", "vraag", "toon", "isoleer", "alleen", "koppel"})


_BEHIND = BEHIND  # what lies behind a concern, asked whatever its topic


def _about_objection(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord],
                     turn: TurnRecord) -> bool:
    """Whether a question read as clarifying asks about her objection: in its words, or
    asking what lies behind it. "What happens when a correction is missed?" after "the last
    switch was a disaster" is an implication question about the problem, not about the
    fear of switching."""
    if _BEHIND.search(turn.learner):
        return True
    cl = cs.language(state.lang)
    for oid, ostate in state.objections.items():
        if oid in cs.objections and turn in exchange(state, ostate, turns):
            said = [text for text in cl.texts(cs.objections[oid].text) if text]
            if set().union(*(_stems(text) for text in said)) & _stems(turn.learner):
                return True
    return not any(o.raised_turn is not None for o in state.objections.values())


def _asks(text: str) -> bool:
    """Whether the message asks something: a question mark, or a question word up front
    in a sentence of its own (typed on a phone without the mark)."""
    if "?" in text:
        return True
    return any(s.split()[0].lower().strip(",") in QUESTION_STARTS
               for s in sentences(text) if s.split())


def _open_question(turn: TurnRecord, drill: bool) -> bool:
    """An open question worth naming: any in a drill, else one that probes a problem."""
    return turn.form == "open" and turn.act == Act.FACT_QUESTION and bool(turn.facts) and (
        drill or turn.spin == "problem") and one_open_question(turn.learner)


def in_sentence(label: str) -> str:
    """A label inside a sentence ("A switch …" -> "a switch …", "DMU" stays)."""
    if label[1:2] == " ":
        return label[:1].lower() + label[1:]
    return label_in_sentence(label)


def _tasks_done(cs: CompiledScenario, state: SessionState, turns: list[TurnRecord]) -> list[Tip]:
    """In a drill, the parts of the exercise done, with the words that did them (parts done
    by one message in one tip), and praise for a first message that already did it."""
    if cs.scenario.kind != "drill":
        return []
    cl = cs.language(state.lang)
    done: dict[str, list[str]] = {}
    met = objectives_met(cs, state, "external", turns)
    # ("we can come by sometime next week" is no concrete next step, whatever the card
    # ticked after it)
    vague = vague_steps(cs, state, turns)
    for oid in cs.external_ids:
        moves = {m for d in cs.objectives[oid].detect for m in d.moves}
        # ("werkt u hier al lang?" beside the understanding explored nothing of her concern)
        turn = next((t for t in turns if oid in t.objectives and t not in vague and not (
            "clarify" in moves and asks_only_chat(cs, state.lang, t))), None)
        # praise only what the card ticks ("soon! I'll send you an email" named a step the
        # vague close after it took back)
        if oid in state.objectives and met[oid] and turn is not None \
                and all(_step_worth_praise(m, turn) for m in moves) \
                and not ("clarify" in moves and _asks_back(cs, state, turns, turn)):
            label = in_sentence(cl.text(cs.objectives[oid].label))
            done.setdefault(quote(turn.learner), []).append(label)
    out = [Tip("good_task", {"quote": said, "task": "; ".join(labels)})
           for said, labels in done.items()]
    complete = all(met[o] for o in cs.external_ids)
    wasted = wasted_messages(cs, state, turns)
    if complete and not wasted and turns[0] not in vague \
            and (turns[0].objectives or turns[0].steps) \
            and _first_message_did_it_all(cs, state, turns[0]):
        out.append(Tip("good_first_message"))
    return out


def _first_message_did_it_all(cs: CompiledScenario, state: SessionState,
                              first: TurnRecord) -> bool:
    """Praise for the first message only when it alone met every part of the exercise: an
    acknowledgement or clarifying question followed later by the benefit and the check is
    good handling, but not "your first message already did it"."""
    if not set(cs.external_ids) <= set(first.objectives):
        return False
    return all(set(o.steps) <= set(first.steps) for o in state.objections.values()
               if o.raised_turn is not None)
