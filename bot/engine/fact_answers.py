"""Fact answers and follow-ups: what she tells when asked, what she has told already,
a question that asks further, deeper or for contact details, and the gist she repeats."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from bot.engine.acts import CLOSING_ACTS, Act
from bot.engine.analysis import FOLLOW_UP_WORDS, TurnAnalysis
from bot.engine.compiled import CompiledLanguage
from bot.engine.context import ScenarioContext
from bot.engine.lines import pick, stock_line
from bot.engine.policy import (
    Turn,
)
from bot.engine.recap import Said, heard, recap, said_when
from bot.engine.state import SessionState
from bot.engine.wording import CALENDAR_WORDS, DIGITS, MONTHS, split_sentences
from bot.scenario.model import Fact

MAX_FACTS_PER_REPLY = 3

# "what does that mean for you?" names no topic of its own; "what would it mean if the
# proofs were ready in two days?" does
FURTHER_TOPIC_WORDS = 1

NEW_ANGLE_WORDS = 2  # words a question names beyond her told answer to ask something further

WHO_WORDS = 5  # a name among a sentence's first words is who does what it says

FIGURE_WORDS = 6  # "Two or three times a week.": a short sentence that only gives a figure

LEAD_IN_WORDS = 3  # "It's mixed.", "Twee dingen.": a first sentence this short only leads in

_ASKING_ACTS = frozenset({Act.FACT_QUESTION, Act.SMALL_TALK, Act.SUMMARY,
                          Act.OBJECTION_RESPONSE})

_DEEPER_SPIN = frozenset({"implication", "need_payoff"})

# her own contact details: "your e-mail address", "ur email", "uw mailadres"
_OWN_CONTACT = re.compile(
    r"\b(?:your|ur|uw|je|jouw)\s+(?:e-?mail|mail|phone|mobile|number|card|contact|"
    r"telefoon|nummer|kaartje|visitekaartje|gegevens|contactgegevens|e-?mailadres|mailadres)",
    re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _same_stem(st: str, q: str) -> bool:
    """A compound ends in its head: "overtyp(en)" is about "typ(en)". Cached: a turn
    compares the same few stems thousands of times."""
    return st == q or (len(st) >= 3 and len(q) >= 5 and q.endswith(st)) or (
        len(q) >= 3 and len(st) >= 5 and st.endswith(q))


_NUMBER_WORDS = frozenset({"twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
                           "twintig", "dertig", "veertig", "honderd", "anderhalve", "half",
                           "two", "three", "four", "five", "six", "seven", "eight", "nine",
                           "ten", "twenty", "thirty", "forty", "hundred"})

_WHO = frozenset({"who", "whom", "wie"})

# "anything you would change?", "is er iets wat u mist?": a yes/no question in form
# whose yes is the thing itself, so she names it ("two things: ..."), not "a few"; a
# problem she plays down ("anything that goes wrong?" "now and then") stays short
_ANYTHING = frozenset({"anything", "something", "iets"})
_CHANGE = frozenset({"change", "adjust", "improve", "different", "differently", "miss", "add",
                     "veranderen", "aanpassen", "verbeteren", "anders", "missen", "mist",
                     "toevoegen", "wijzigen"})

# what answers "since when?": years, months ago, a month's name, a year ("a week" is
# how often, no since when)
_TIME_WORDS = CALENDAR_WORDS | frozenset(MONTHS) | frozenset({
    "jaar", "jaren", "maanden", "sinds", "geleden", "year", "years", "months", "since", "ago"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")

_GENERIC = frozenset({"thing", "things", "anything", "something", "ding", "dingen", "iets"})

# words that open a story of the question's own ("what does it mean *if* the wages go out
# late?"): its words tell what happens, not for whom or what the consequence is asked
_STORY_WORDS = frozenset({"if", "when", "once", "suppose", "imagine", "als", "wanneer",
                          "zodra", "mocht", "stel", "indien"})


def pain_told(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
              a: TurnAnalysis) -> bool:
    """The question is about one of her needs (a breakdown fixed within four hours)
    after she told what her problem costs her (the late trucks, the penalties), or it
    names the problem she told: she knows what solving it is worth, and what it leads
    to; proofs she never mentioned she does not."""
    if a.spin not in _DEEPER_SPIN:
        return False
    pains = [ctx.cs.facts[f] for f in state.revealed if f in ctx.cs.facts and (
        {"problem", "implication"} & set(ctx.cs.facts[f].spin) or ctx.cs.facts[f].reveals)]
    if a.spin == "need_payoff" and a.needs:
        return bool(state.needs_stated) or any(
            {"problem", "implication"} & set(f.spin) for f in pains)
    # "what would a peak without one missed truck mean for you?" after she told the
    # missed trailers: the words name the pain she told, so she knows what it is worth
    asked = a.topic_stems - cl.facts.frame - cl.lm.lexicon.stopwords
    if a.spin == "implication" and len(asked) <= FURTHER_TOPIC_WORDS and state.last_answered and (
            state.flags.get("answered_turn") == state.turn - 1) and any(
            f.id == state.last_answered[0] for f in pains):
        # "and what does that mean for the invoicing?" right after she told the
        # corrections: "that" is the problem she just told, and she knows what it costs
        return True
    # ("every day" is no matter she spoke of)
    asked = asked - stems_of(cl, " ".join(sorted(_FREQUENCY | _NUMBER_WORDS)))[0]
    if any(_shared_stems(ctx, cl, " ".join(cl.texts(f.answer)), asked) for f in pains):
        return True
    # "if your engineers had a proper hot lunch, what would that mean for you?" once a
    # problem of hers is on the table (the sandwiches thrown away): the question is about
    # what she spoke of, so she says what solving it is worth, not "it doesn't keep me
    # awake"; the proofs she never mentioned still get that
    if a.spin != "need_payoff" or not (pains or state.needs_stated):
        return False
    spoken = [text for text, _ in _said_lines(ctx, cl, state)]
    spoken += cl.texts(ctx.scenario.buyer.greeting) + [
        text for n in state.needs_stated if n in ctx.cs.needs
        for text in cl.texts(ctx.cs.needs[n].label)]
    return any(_shared_stems(ctx, cl, str(text), asked) for text in spoken)


def answer_facts(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn,
                 events: list[str]) -> list[str]:
    a, state = t.a, t.state
    parts: list[str] = []
    refusals: list[str] = []
    queue = list(a.answered[:MAX_FACTS_PER_REPLY])
    # "how many hours a month does your payroll team lose on it?": the time it takes (the
    # four days a month she told), not who the payroll team are; "how much time do you
    # lose on those corrections?" gets the corrections she counts per month
    timed = [f for f in a.facts if asks_duration(t.text) and _DURATION.search(
        told_answer(cl, state, ctx.cs.facts[f]))]
    if a.facts and not timed and asks_duration(t.text):
        # "hoeveel uur zijn Joke en Ahmed er per maand mee bezig?": the words that name
        # the time taken stand apart, so only the people matched; the fact of hers that
        # tells a time and shares the question's matter answers it
        timed = _takes_time(ctx, cl, t)
    swapped = bool(timed and queue) and not set(timed) & set(queue) and not any(
        _PER_PERIOD.search(told_answer(cl, state, ctx.cs.facts[f])) for f in queue)
    if swapped:
        queue = a.answered = timed[:1]
    if any(f not in state.revealed for f in queue):
        # she tells something new; a told fact only a side word pointed at ("when does
        # the *current* contract end?" is no question about the supplier again) is not
        # recited between the answers
        # (a told fact that a question of its own asks, "Missen jullie dan ook de
        # vrachtwagen?", is answered again: it is no side word)
        queue = [f for f in queue if f not in state.revealed or f in a.fact_forms or gist_of(
            cl, told_answer(cl, state, ctx.cs.facts[f]), a,
            strict=True)]
    while queue:
        fact_id = queue.pop(0)
        fact = ctx.cs.facts[fact_id]
        # a fact told in its short form counts: "they jam now and then", then "what
        # happens when one jams?" is the SPIN path the persona opens up to
        missing_before = [f for f in fact.after if f not in state.revealed
                          and f"short:{f}" not in state.flags]
        # asked for an example of what she told, she tells the story whatever its depth
        # a deeper story she told already is hers to recap, asked plainly ("who pays that
        # penalty?"): not played down again as if untold
        wrong_spin = bool(fact.spin) and a.spin not in fact.spin and not t.elaborates and (
            fact_id not in state.revealed)
        if missing_before and (f"short:{fact_id}" in state.flags or (
                a.spin in _DEEPER_SPIN and not wrong_spin and _problem_just_told(ctx, state))):
            # Asked again, more pointedly: she opens up about what comes first, and
            # then answers what was asked ("what does a jam mean for the trucks?")
            first = ctx.cs.facts[missing_before[0]]
            if state.trust >= first.trust and missing_before[0] not in a.answered:
                if len(missing_before) == 1 and not wrong_spin:
                    queue.insert(0, fact_id)
                fact_id, fact, missing_before = first.id, first, []
                wrong_spin = False
        if missing_before or wrong_spin:
            short = cl.texts(fact.short_answer) if fact.short_answer else []
            if short and f"short:{fact_id}" not in state.flags:
                parts.append(pick(cl, state, f"short:{fact_id}", short))
                state.flags[f"short:{fact_id}"] = state.turn
                heard(state, fact_id)
            elif short:
                parts.append(stock_line(ctx, cl, state, "vague_answer"))
            continue
        if state.trust < fact.trust and a.form == "closed" and fact.short_answer and (
                f"short:{fact_id}" not in state.flags) and ctx.scenario.kind != "drill":
            # "has it ever cost you a customer?" before she trusts the seller: she plays it
            # down ("those things happen in this business"), as to any closed question,
            # rather than refusing a yes/no question outright
            parts.append(pick(cl, state, f"short:{fact_id}", cl.texts(fact.short_answer)))
            state.flags[f"short:{fact_id}"] = state.turn
            heard(state, fact_id)
            continue
        if state.trust < fact.trust and not (ctx.scenario.kind == "drill" and fact.trust <= 0):
            # (a drill's buyer has told his concern already: one false start of two or
            # three messages does not make him keep its facts to himself)
            if t.act in CLOSING_ACTS:
                continue  # a proposal asked nothing of it: her answer to it is the reply
            guarded = cl.texts(fact.guarded) if fact.guarded else []
            refusals.append(_refusal(ctx, cl, state, fact_id, pick(
                cl, state, f"guarded:{fact_id}", guarded) if guarded else stock_line(
                ctx, cl, state, "guarded")))
            events.append(f"guarded:{fact_id}")
            continue
        times = state.revealed.get(fact_id, 0)
        # "en de reisuren dan?" reads as closed, but asks "and what about X?": no yes/no
        # question her short "sometimes, yes" answers
        closed = a.fact_forms.get(fact_id, a.form) == "closed" and (
            fact.short_answer is not None) and not (
            a.word_count <= NARROW_WORDS and _PHRASE.match(t.text)) and not (
            _asks_what_to_change(cl, t.text))
        if closed and not times and f"short:{fact_id}" not in state.flags:
            # A closed question gets the short answer; the full story stays for later.
            parts.append(pick(cl, state, f"short:{fact_id}",
                              cl.texts(fact.short_answer)))
            state.flags[f"short:{fact_id}"] = state.turn
            heard(state, fact_id)
            continue
        answer = told_answer(cl, state, fact)
        if times and t.act not in _ASKING_ACTS and not (t.act is Act.PITCH and (
                t.text.rstrip().endswith("?"))):
            # a proposal's "would that suit you?" asks no told fact again; a pitch that
            # ends in a question about hers does ("we do office printers too. Do you have
            # many of those upstairs?")
            continue
        if times and t.act is Act.FACT_QUESTION and a.spin in _DEEPER_SPIN and (
                not swapped) and new_angle(cl, answer, a):
            # asked about a told fact from a new angle ("and what does that mean for
            # your web-shop customers?"): the next thing she knows, not "as I said"
            deeper = deeper_fact(ctx, fact, t, queue, new_words=True)
            if deeper is not None:
                queue.insert(0, deeper)
                continue
        if times and t.act is Act.FACT_QUESTION and fact_id in state.last_answered and (
                cl.lm.elaboration.match(cl.lm.analyze(t.text))):
            # "can you give me an example of what goes wrong?" right after she told it: an
            # instance of it (the story of what it led to), not "I just mentioned it"
            t.elaborates = True
            example = deeper_fact(ctx, fact, t, queue)
            if example is not None:
                queue.insert(0, example)
                continue
        if times and (who := _who_does_it(ctx, cl, t, fact, answer, queue)):
            # "who does those corrections?" after she told how many there are: the people
            # who do them, not "as I said: thirty to forty corrections"
            queue.insert(0, who)
            a.answered = [who if f == fact_id else f for f in a.answered]
            continue
        if times:
            # asked again: she recaps the gist, not the whole story word for word; a
            # sentence of hers that fits better comes from what else she told ("what
            # goes wrong with the windows?" gets the windows, not the changing team)
            # ("who pays that penalty?" recaps the part that names who: "that bill lands
            # on Ruud's desk")
            gist = gist_of(cl, answer, a, strict=True) or _who_and_what(
                ctx, cl, t, answer, told_elsewhere(ctx, cl, state, fact, a) or gist_of(
                    cl, answer, a))
            part = part_asked(cl, gist, a, t.text)
            answer = part or said_again(ctx, cl, t, fact_id, gist)
            if part:
                heard(state, fact_id, part)
        else:
            heard(state, fact_id)
            events.append(f"fact:{fact_id}")
            state.flags[f"told:{fact_id}"] = state.turn
        parts.append(answer)
        state.revealed[fact_id] = times + 1
        for need in fact.reveals:
            if need not in state.needs_stated:
                state.needs_stated.append(need)
        if state.phase == "opening":
            state.phase = "inventory"
    # "Wat kost het jullie, en missen jullie dan de vrachtwagen?": what she tells first,
    # then what she keeps to herself; "that's internal" followed by the story of the
    # same trouble reads as refusing and telling in one breath
    return parts + refusals


# "how many hours", "how much time", "hoeveel uur", "hoeveel tijd": the question asks how
# long something takes
_ASKS_DURATION = re.compile(
    r"\b(?:how many (?:hours|days|minutes)|how much time|how long does|how long do|"
    r"hoeveel (?:uur|uren|dagen|minuten|tijd)|hoe lang (?:duurt|zijn|ben|is))\b", re.IGNORECASE)
# an amount of time in her answer: "about four days every month", "een uur per week"
_DURATION = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|six|eight|ten|twenty|half|een|twee|"
    r"drie|vier|vijf|zes|acht|tien|twintig|half|anderhalve?|paar|couple of)\s+(?:\w+\s+)?"
    r"(?:hours?|days?|minutes?|working days|uur|uren|dagen|dag|minuten|werkdagen)\b",
    re.IGNORECASE)


# a figure per period: "thirty to forty corrections every month", "een uur per week"
_PER_PERIOD = re.compile(r"\b(?:every|each|per|a|an|elke|iedere|per)\s+(?:day|week|month|year|"
                         r"dag|week|maand|jaar)\b", re.IGNORECASE)


def _takes_time(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn) -> list[str]:
    """The facts that tell how long something takes ("about four days every month") and
    share a content word with the question besides its time words, told ones first."""
    state = t.state
    asked = t.a.topic_stems - cl.facts.frame - cl.lm.lexicon.stopwords - stems_of(
        cl, " ".join(sorted(_FREQUENCY | _TIME_UNITS)))[0]
    if not asked:
        return []
    found = []
    for fact in ctx.scenario.facts:
        if fact.id not in state.revealed and (state.trust < fact.trust or any(
                f not in state.revealed for f in fact.after)):
            continue
        answer = told_answer(cl, state, ctx.cs.facts[fact.id])
        if _DURATION.search(answer) and _shared_stems(ctx, cl, answer, asked):
            found.append(fact.id)
    return sorted(found, key=lambda f: f not in state.revealed)[:1]


# the words of a duration question that name the unit, not the matter it asks about
_TIME_UNITS = frozenset({"hour", "hours", "uur", "uren", "minutes", "minuten", "time", "tijd",
                         "days", "dagen", "long", "lang"})


def asks_duration(text: str) -> bool:
    return bool(_ASKS_DURATION.search(text))


def _problem_just_told(ctx: ScenarioContext, state: SessionState) -> bool:
    """Her last answer told a problem of hers ("PrintFix comes within two working days"):
    asked what it leads to, she opens up about what comes first rather than "I've never
    added that up"."""
    return any(f in state.revealed and f in ctx.cs.facts and ctx.cs.facts[f].reveals
               for f in state.last_answered)


def said_again(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, fact_id: str,
               sentence: str) -> str:
    """A sentence of a fact she spoke of, said again by the one rule of recap.py (when
    she said it decides the lead; asked a third time she says it briefly), and
    remembered as spoken of in this turn."""
    state = t.state
    text = recap(ctx, cl, state, sentence, said_when(state, fact_id, sentence),
                 names_in(ctx, cl, state.lang), t)
    state.flags[f"heard:{fact_id}"] = state.turn
    state.flags[f"heard_part:{fact_id}"] = state.flags["recap_text"]
    return text


def _refusal(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, fact_id: str,
             text: str) -> str:
    """Asked again about what she keeps to herself, she says so as a reminder ("as I
    said: those are internal figures"), not as if new; a refusal of another matter in
    the same words claims no "as I said": she never refused this one."""
    key = f"refused:{fact_id}"
    said = state.flags.get(key)
    same = state.flags.get(f"refusal:{fact_id}") == zlib.crc32(text.encode())
    state.flags[key] = state.turn
    state.flags[f"refusal:{fact_id}"] = zlib.crc32(text.encode())
    if said is None or not same:
        return text  # in other words than last time: no "as I said" about these
    when = Said.LAST_REPLY if said == state.turn - 1 else Said.EARLIER
    return recap(ctx, cl, state, text, when, names_in(ctx, cl, state.lang))


def _who_does_it(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, fact: Fact, told: str,
                 queue: list[str]) -> str | None:
    """Asked who, about a fact she told that names nobody: the untold fact of the same
    matter that names the people (the same objective, or sharing its words), when she
    would tell it now; None when her answer names someone or no such fact is there."""
    a, state = t.a, t.state
    if not set(cl.lm.analyze(t.text).words) & _WHO:
        return None
    names = names_in(ctx, cl, state.lang)

    def names_someone(text: str, words: int = WHO_WORDS) -> bool:
        return any(w.strip(".,;:!?'\"()") in names for sentence in split_sentences(text)
                   for w in sentence.split()[:words])

    if names_someone(told, len(told)):
        # "who pays that penalty?" after "..., and that bill lands on Ruud's desk": her
        # story names the one asked about, wherever in it
        return None
    matter = content_stems(ctx, cl, " ".join(cl.texts(fact.answer)))
    best: tuple[int, str] | None = None
    for other in ctx.scenario.facts:
        if other.id in state.revealed or other.id in queue or state.trust < other.trust or (
                other.spin and a.spin not in other.spin) or any(
                f not in state.revealed and f"short:{f}" not in state.flags for f in other.after):
            continue
        text = " ".join(cl.texts(other.answer))
        if not names_someone(text):
            continue
        related = _shared_stems(ctx, cl, text, matter) + 2 * (
            bool(fact.objective) and other.objective == fact.objective)
        if related and (best is None or related > best[0]):
            best = (related, other.id)
    return best[1] if best else None


def _asks_what_to_change(cl: CompiledLanguage, text: str) -> bool:
    """"Anything you would change?": its yes is the change, so the short "a few little
    things" would answer nothing; "anything that goes wrong?" is not one of these."""
    words = set(cl.lm.analyze(text).words)
    return bool(words & _ANYTHING and words & _CHANGE)


def tells_of(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, fact_id: str,
             word: str) -> bool:
    """Her answer for the fact names the word ("terrace"), in any of its forms."""
    stem = cl.lm.pipeline.stem(word)
    answer = told_answer(cl, state, ctx.cs.facts[fact_id])
    return any(_same_stem(stem, st) for st in content_stems(ctx, cl, answer))


def told_answer(cl: CompiledLanguage, state: SessionState, fact: Fact) -> str:
    """Her answer as she told it: of a fact with several wordings, "as I said" recalls
    the one she used, not the one this turn would pick."""
    texts = cl.texts(fact.answer)
    turn = state.flags.get(f"told:{fact.id}")
    if turn is None or len(texts) < 2:
        return pick(cl, state, f"fact:{fact.id}", texts)
    h = zlib.crc32(f"{state.seed}:fact:{fact.id}:{turn}".encode())
    return str(texts[h % len(texts)])


def told_elsewhere(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, fact: Fact,
                   a: TurnAnalysis) -> str:
    """The sentence of another answer she gave that answers this question, when the
    fact it reached holds none."""
    asked = a.topic_stems - cl.facts.frame
    if not asked or a.spin in _DEEPER_SPIN:
        return ""  # what something leads to is no sentence about the same words

    def fit(sentence: str) -> int:
        return sum(1 for st in content_stems(ctx, cl, sentence)
                   if any(_same_stem(st, q) for q in asked))

    own = max((fit(x) for x in split_sentences(told_answer(cl, state, fact))), default=0)
    best, best_fit = "", own
    for other in ctx.scenario.facts:
        if other.id != fact.id and other.id in state.revealed:
            for sentence in split_sentences(told_answer(cl, state, other)):
                if (score := fit(sentence)) > best_fit:
                    best, best_fit = sentence, score
    return best


def asks_further(cl: CompiledLanguage, t: Turn, text: str) -> bool:
    """A consequence or value question with no topic of its own, or a request for an
    example ("can you give me an example?", "hoezo?"), right after she answered
    something: it asks about what she just told."""
    a, state = t.a, t.state
    if not (t.act is Act.FACT_QUESTION and bool(state.last_answered)
            and (state.last_answered[0] in state.revealed
                 or f"short:{state.last_answered[0]}" in state.flags)
            and state.flags.get("answered_turn") == state.turn - 1):
        return False
    last = next((f for f in cl.scenario.facts if f.id == state.last_answered[0]), None)
    if last is not None and last.id in state.revealed and a.spin in _DEEPER_SPIN:
        gist = gist_of(cl, told_answer(cl, state, last), a, strict=True)
        if gist and _figure(gist):
            # "what does that cost you in time per month?" right after "about four days
            # every month": she told that figure, so she recaps it, not the next story
            return False
    if a.spin in _DEEPER_SPIN and len(a.topic_stems) <= FURTHER_TOPIC_WORDS:
        return True
    if a.spin == "implication" and not a.facts:
        # "and what does it mean when the salaries are late?" right after she told the
        # retyping: words no fact of hers names still ask what her problem leads to, and
        # the next thing she knows answers it, not "I've never added that up"
        return True
    # the words of "give me an example" are no topic of their own
    t.elaborates = bool(cl.lm.elaboration.match(cl.lm.analyze(text)))
    return t.elaborates


def asks_contact(cl: CompiledLanguage, t: Turn, text: str) -> bool:
    """A question or request for contact details (an e-mail address, a name)."""
    a = t.a
    if not names_contact(cl, a, text):
        return False
    if t.act in CLOSING_ACTS:
        # "could I have your e-mail address, to send a confirmation?" asks no meeting
        return not a.concrete_time
    # while her objection waits, "could you give me Monique's e-mail address?" took no
    # step for it: it is still a request she answers
    asking = t.act is Act.FACT_QUESTION or (
        t.act is Act.OBJECTION_RESPONSE and not a.steps)
    return asking and (a.is_question or a.asks or a.asks_permission)


def asks_own(text: str) -> bool:
    """The contact details asked are hers ("what's your e-mail address?"), not those
    of the director or of whoever handles the invoices."""
    return bool(_OWN_CONTACT.search(text))


def names_contact(cl: CompiledLanguage, a: TurnAnalysis, text: str) -> bool:
    """The message names contact details (an e-mail address, a phone number)."""
    return bool(a.topic_stems & cl.contact_stems) and bool(
        cl.contact.match(cl.lm.analyze(text)))


def about_contact(ctx: ScenarioContext, cl: CompiledLanguage, fact_id: str) -> bool:
    """A fact whose answer gives contact details ("here's my card") answers the ask."""
    if fact_id not in ctx.contact_facts:
        answer = " ".join(cl.texts(ctx.cs.facts[fact_id].answer))
        ctx.contact_facts[fact_id] = "@" in answer or bool(
            cl.contact.match(cl.lm.analyze(answer)))
    return ctx.contact_facts[fact_id]


def new_angle(cl: CompiledLanguage, answer: str, a: TurnAnalysis) -> bool:
    """The question names more that her told answer does not hold than it does ("what
    does a late correction mean for the men on site?" after the corrections), so it
    asks further; "how much time does the retyping take?" asks the same again."""
    told = stems_of(cl, answer)[0]
    frame = cl.facts.frame
    known = unknown = 0
    for q in a.topic_stems - frame:
        if any(_same_stem(st, q) for st in told):
            known += 1
        else:
            unknown += 1
    return unknown >= NEW_ANGLE_WORDS and unknown > known


def further_fact(ctx: ScenarioContext, told: Fact, t: Turn) -> str | None:
    """What a question about what she just told reaches: a fact she only told in short
    ("then things run a bit late"), asked what that means for them, is the one she now
    tells in full (what must come first, first); a fact told in full leads deeper."""
    if told.id not in t.state.revealed:
        fits = not told.spin or t.a.spin in told.spin
        return told.id if fits else None
    return deeper_fact(ctx, told, t, [])


def deeper_fact(ctx: ScenarioContext, told: Fact, t: Turn, queue: list[str], *,
                new_words: bool = False) -> str | None:
    """An untold fact that takes a told one further: first one written to come after
    it (the missed trailer, then the penalties), else another of the same objective
    (the corrections, then the four days of retyping). Only one she would tell now:
    its SPIN type fits the question and what must come first has come; a fact
    written after this one may be guarded, she then says so in her own words.
    ``new_words``: the question asks about a told fact in words of its own ("how many
    hours does your team spend on those corrections?"), which a fact of the same matter
    must speak of."""
    state, a = t.state, t.a
    cl = ctx.cs.language(state.lang)
    # "what does that mean for the invoicing?": the consequence asked is for one matter
    # it names; a fact only of the same objective ("Joke and Ahmed, one and a half FTE")
    # is no consequence for it unless it speaks of that matter ("what if the wages go
    # out late?" tells a story of its own, which the corrections may answer)
    named = a.topic_stems - cl.facts.frame - cl.lm.lexicon.stopwords if (
        a.spin in _DEEPER_SPIN and not t.elaborates) else frozenset()
    if len(named) > FURTHER_TOPIC_WORDS and not new_words and (
            _STORY_WORDS & set(cl.lm.analyze(t.text).words)):
        named = frozenset()
    chained: list[Fact] = []
    related: list[Fact] = []
    example: list[Fact] = []  # asked for an example: what it led to is one
    through: list[Fact] = []  # what follows on another problem of hers, not yet told
    for fact in ctx.scenario.facts:
        if fact.id in state.revealed or fact.id in queue or fact.id in a.answered:
            continue
        if fact.spin and a.spin not in fact.spin and not t.elaborates:
            continue  # an example of what she told may come from any depth
        if a.spin == "need_payoff" and not fact.spin:
            continue  # what a solution is worth to her is no further problem
        if a.spin in told.spin and not fact.spin:
            # asked again what the problem means for her, once she told it: no list of
            # wishes, she says again what it costs her
            continue
        missing = [f for f in fact.after if f not in state.revealed
                   and f"short:{f}" not in state.flags]
        if missing:
            if told.reveals and not told.spin and a.spin in _DEEPER_SPIN and all(
                    f in ctx.cs.facts and ctx.cs.facts[f].reveals and not ctx.cs.facts[f].spin
                    and state.trust >= ctx.cs.facts[f].trust for f in missing):
                # "what happens with the orders meanwhile?" after the two days PrintFix
                # takes: the missed trailer follows the jams she has not told yet; she
                # tells those first (answer_facts opens up about what comes first)
                through.append(fact)
            continue
        if told.id in fact.after:
            chained.append(fact)
        elif told.objective and fact.objective == told.objective and (
                state.trust >= fact.trust and not fact.after) and not (
                t.elaborates and not fact.spin and not fact.reveals) and not (
                named and not _shared_stems(ctx, cl, " ".join(cl.texts(fact.answer)), named)):
            # (asked for an example, "Loonhuis, since 2016" is none: a fact of the same
            # matter is one when it tells a problem)
            related.append(fact)
        elif t.elaborates and "implication" in fact.spin and state.trust >= fact.trust:
            example.append(fact)
    best = (chained or related or example or through)[:1]
    return best[0].id if best else None


def follow_up(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, events: list[str]) -> list[str]:
    """A question about what she just told, in words no fact lists ("Uit welk jaar zijn
    ze?" after "all bought in 2016"): she points to the part of her last answer that
    answers it; a short "and at peak?" narrows what she told. Nothing when neither
    applies; then the question is really new."""
    return _about_told(ctx, cl, t, events) or narrowed(ctx, cl, t, events) or (
        from_what_she_knows(ctx, cl, t, events))


_INTRODUCTION = "introduce_back"  # her own line about who she is and what the firm does

OWN_WORDS_FIT = 2  # topic words a question must share with her line when it asks no who/when


def from_what_she_knows(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn,
                        events: list[str]) -> list[str]:
    """A plain question no fact's cues caught, about her own business ("since when
    are you office manager?" after "seven years", "who cleans here now?"): the line of
    hers that answers it, one she already said ("as I said: ...") or a fact she would
    tell now, and not "I couldn't tell you" about what she plainly knows. A question
    that asks who, when or how many needs a line with a name, a date or a figure."""
    a, state = t.a, t.state
    chat = _business_chat(t)
    if (t.act is not Act.FACT_QUESTION and not chat) or not a.is_question or a.facts or (
            a.spin in _DEEPER_SPIN):
        return []
    msg = cl.lm.analyze(t.text)
    # "how often did that happen last month?": the month frames the question, it is not
    # what it asks about (no "two months' notice" for it)
    frame = {st for w, st in zip(msg.words, msg.stems, strict=True) if w in _HOW_OFTEN_FRAME}
    asked = a.topic_stems - cl.facts.frame - cl.lm.lexicon.stopwords - frame
    words = set(msg.words)
    kind = "who" if words & _WHO else "when" if a.asks_when else (
        "amount" if a.asks_amount else "")
    names = names_in(ctx, cl, state.lang)
    if chat:
        # "Hoi Marco! Haha, ... Hoe staat het ervoor met de verbouwing?": only the question
        # asks; her name greets her, it is no topic her introduction shares
        questions = [s for s in msg.sentences if s.question_mark] or msg.sentences[-1:]
        last = {w for s in questions for w in s.words} - {
            w.lower() for w in ctx.scenario.buyer.name.split()}
        asked = asked & {st for w, st in zip(msg.words, msg.stems, strict=True) if w in last}
        intro = ctx.scenario.buyer.lines.get(_INTRODUCTION)
        if intro is not None and _names_her_firm(ctx, cl, last) and not state.flags.get(
                f"said:{_INTRODUCTION}"):
            # "Kunt u iets vertellen over Van Dijk Fulfilment en wat u daar doet?": her
            # firm by its name, asked about: who she is and what the firm does
            return [stock_line(ctx, cl, state, _INTRODUCTION)]
    if not asked:
        return []

    def fits_kind(sentence: str) -> bool:
        if kind == "who":
            return any(w.strip(".,;:!?'\"()") in names for w in sentence.split()[:WHO_WORDS])
        found = {w.lower() for w in re.findall(r"[\w']+", sentence)}
        if kind == "when":
            return bool(found & _TIME_WORDS or _YEAR.search(sentence))
        if kind == "amount":
            return _figure(sentence)
        return True

    def fit(text: str) -> int:
        return sum(1 for q in asked if any(_same_stem(st, q)
                                           for st in content_stems(ctx, cl, text)))

    # "will you let me know?" wants a yes, not a line of hers; "do you ship for any big
    # web shops?" is answered by her introduction, when two of its words are there
    closed = not kind and a.form != "open" and not chat
    intro_only = chat or closed
    if not closed and (t.elaborates or cl.lm.elaboration.match(msg)):
        # "an example from last month?" asks for a story, not a line that says "month":
        # with nothing new to tell, the time it went wrong that she already told
        return _told_example(ctx, cl, t)
    # a question read as chat ("do you ship for any big web shops?") takes her line only
    # when it shares two topic words with it: a brush-off would not do, a stretch neither
    need = OWN_WORDS_FIT if intro_only else 1 if kind else OWN_WORDS_FIT
    # what she would tell now: a fact not told yet, its SPIN and what comes first in place
    best: tuple[int, str] | None = None
    for fact in () if intro_only else ctx.scenario.facts:
        if fact.id in state.revealed or state.trust < fact.trust or (
                fact.spin and a.spin not in fact.spin) or any(
                f not in state.revealed and f"short:{f}" not in state.flags for f in fact.after):
            continue
        answer = " ".join(cl.texts(fact.answer))
        score = fit(answer)
        if score >= need and (best is None or score > best[0]) and any(
                fits_kind(s) for s in split_sentences(answer)):
            best = (score, fact.id)
    intro = ctx.scenario.buyer.lines.get(_INTRODUCTION)
    if intro is not None and not state.flags.get(f"said:{_INTRODUCTION}") and (
            "invited" not in t.fresh):
        # "what do you do as operations manager, and for which web shops?": who she is
        # and what the firm does, the way she introduces herself when invited to; the
        # question names her role, as her introduction's first words do
        text = " ".join(str(x) for x in cl.texts(intro))
        if (score := fit(text)) >= need and (best is None or score > best[0]) and any(
                fits_kind(x) for x in split_sentences(text)) and (intro_only or fit(
                split_sentences(text)[0])):
            if intro_only:
                # "do you ship for big web shops?": the part of it that answers, not who
                # she is (her introduction stays hers to give when she is invited to)
                return [" ".join(x for x in split_sentences(text) if fit(x))]
            return [stock_line(ctx, cl, state, _INTRODUCTION)]
    if intro_only:
        # chat answered by a fact's words ("what are you building there?" - the hours per
        # project) would be a stretch: only what she and her firm do answers it
        return []
    said = [(s, source) for text, source in _said_lines(ctx, cl, state)
            for s in split_sentences(text) if fits_kind(s)]
    scores = [fit(s) for s, _ in said]
    top = max(scores, default=0)
    if top >= need and (best is None or top > best[0]):
        sentence, source = said[scores.index(top)]
        if source in ctx.cs.facts:
            return [said_again(ctx, cl, t, source, sentence)]
        return [recap(ctx, cl, state, sentence, Said.EARLIER, names, t)]
    if best is not None:
        return _answer_with(ctx, cl, t, events, best[1])
    return []


# words that tell how often something happens
_FREQUENCY = frozenset({"daily", "weekly", "monthly", "week", "weeks", "day", "days", "month",
                        "months", "times", "every", "dagelijks", "wekelijks", "maandelijks",
                        "weken", "dag", "dagen", "maand", "maanden", "keer", "elke",
                        "iedere", "vaak", "often"})


# a sentence that tells one time something happened: an example
_ONE_TIME = frozenset({"last", "yesterday", "once", "recently", "vorige", "afgelopen",
                       "gisteren", "laatst", "onlangs", "keer"})

# the span a "how often?" counts over, not what it asks about: "in the last month"
_HOW_OFTEN_FRAME = _FREQUENCY | _ONE_TIME | frozenset({"laatste", "past", "vorig"})


def _names_her_firm(ctx: ScenarioContext, cl: CompiledLanguage, words: set[str]) -> bool:
    """The words name her company ("Van Dijk Fulfilment", "Brandsma & Kooij"): one of
    its own words of some length, not "van" or "bureau" alone."""
    company = " ".join(str(x) for x in cl.texts(ctx.scenario.buyer.company))
    own = {w for w in cl.lm.pipeline.tokens(company)
           if len(w) > 4 and w not in cl.lm.lexicon.stopwords}
    return bool(own & words)


def _business_chat(t: Turn) -> bool:
    """A question read as small talk that asks about her firm or her work, not about her
    private life or how she is ("do you ship for any big web shops?", "werken jullie
    vanuit hier of zitten de verpleegkundigen op de weg?"): she answers it from what she
    knows when a line of hers fits, rather than brushing it off as chat."""
    a = t.a
    # ("my brother has an office in Haarlem too, do you ever go to the market there?" is
    # an aside about his life: the office and the town are his, not her firm's)
    return t.act is Act.SMALL_TALK and a.is_question and not a.personal and not (
        a.wellbeing or a.compliment or a.tagged or a.aside or a.joke)


def _told_example(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn) -> list[str]:
    """The one time it went wrong that her last answer told ("last winter we had to
    rerun an entire payroll"), as the example asked for; nothing when it told none."""
    state = t.state
    for fact_id in state.last_answered:
        if fact_id not in state.revealed or fact_id not in ctx.cs.facts:
            continue
        for sentence in split_sentences(told_answer(cl, state, ctx.cs.facts[fact_id])):
            if _ONE_TIME & {w.lower() for w in re.findall(r"[\w']+", sentence)}:
                return [said_again(ctx, cl, t, fact_id, sentence)]
    return []


def _said_lines(ctx: ScenarioContext, cl: CompiledLanguage,
                state: SessionState) -> list[tuple[str, str]]:
    """What she has told in this call, each with where it comes from (a fact's id, a
    line's key, an objection's id): the facts she told, her own lines she said (her
    introduction) and the concerns she raised."""
    told = [(told_answer(cl, state, ctx.cs.facts[f]), f) for f in state.revealed
            if f in ctx.cs.facts]
    for key, line in ctx.scenario.buyer.lines.items():
        if state.flags.get(f"said:{key}"):
            told.extend((str(x), key) for x in cl.texts(line))
    for objection in ctx.scenario.objections:
        if state.objections.get(objection.id) and (
                state.objections[objection.id].raised_turn is not None):
            told.extend((str(x), objection.id) for x in cl.texts(objection.text))
    return told


def _about_told(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn,
                events: list[str]) -> list[str]:
    a, state = t.a, t.state
    if t.act is not Act.FACT_QUESTION or not a.is_question or a.facts or not (
            state.last_answered):
        return []
    fact = ctx.cs.facts.get(state.last_answered[0])
    if fact is None:
        return []
    if fact.id in state.revealed:
        answer = told_answer(cl, state, fact)
    elif f"short:{fact.id}" in state.flags and fact.short_answer:
        # she only gave the short form: "as I said" quotes that, not the full story
        answer = pick(cl, state, f"short:{fact.id}", cl.texts(fact.short_answer))
    else:
        return []  # she kept it to herself: there is nothing of hers to go back to
    gist = gist_of(cl, answer, a, strict=True)
    if a.how_often_told and not (gist and _FREQUENCY & {
            w.lower() for w in re.findall(r"[\w']+", gist)}):
        # "how often does that happen?" about a pain she told with no frequency in it:
        # she says how often, in her words, not a figure of another kind ("at four")
        return [stock_line(ctx, cl, state, "pain_how_often")]
    if not gist and fact.id in state.revealed and (
            reacted := _someone_reacted(ctx, cl, t, answer)):
        return [reacted]
    if not gist and fact.id in state.revealed and a.refers_back and (
            who := _who_in(ctx, cl, t, answer)):
        # "and who fixes it?" right after "Joke and Ahmed retype them ...": the people
        # her story named, not "I don't know that off the top of my head"
        return [said_again(ctx, cl, t, fact.id, who)]
    if not gist and fact.id not in state.revealed:
        told = tell_more(ctx, cl, t, fact, events)
        if told:
            return told
    if not gist:
        further = follow_on(ctx, cl, t, fact, answer, events)
        if further or fact.id in state.revealed or a.form != "closed" or (
                not a.refers_back) or a.word_count > FOLLOW_UP_WORDS or (
                not a.topic_stems <= content_stems(ctx, cl, answer)):
            return further
        # "is that a big problem?" after "they jam now and then, it comes with it":
        # she says it again, as lightly as before
        gist = answer
    return [part_asked(cl, gist, a, t.text) or said_again(ctx, cl, t, fact.id, gist)]


def _someone_reacted(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, told: str) -> str:
    """"Wat zeiden de partners daarvan?" right after "... en notaris Bakker was daar niet
    blij mee": how others took it is the sentence of her story that names someone, not
    "what exactly do you mean?"; "" when the question asks no reaction or none names one."""
    words = set(cl.lm.analyze(t.text).words)
    lex = cl.lm.lexicon
    if not words & lex.reaction_words or words & lex.second_person:
        return ""
    names = names_in(ctx, cl, t.state.lang)
    for sentence in split_sentences(told):
        clauses = [c.strip(" .!?;") for c in _CLAUSE.split(sentence) if c.strip(" .!?;")]
        for clause in clauses:
            if any(w.strip(".,;:!?'\"()") in names for w in clause.split()):
                # the part that tells who and how: "Notaris Bakker was daar niet blij mee."
                return clause[:1].upper() + clause[1:] + "."
    return ""


def _who_and_what(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, told: str,
                  gist: str) -> str:
    """The recap for a question that (also) asks who: the sentence naming who, after the
    gist when a question word comes before "who" ("what kind of printers are they, and who
    looks after them?" wants both halves), else the gist."""
    who = _who_in(ctx, cl, t, told)
    if not who or who == gist:
        return gist
    words = cl.lm.analyze(t.text).words
    asking = [w for w in words if w in cl.lm.lexicon.question_words or w in _WHO]
    if asking and asking[0] not in _WHO and gist and who not in gist:
        return f"{gist} {who}"
    return who


def _who_in(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, told: str) -> str:
    """The sentence of her answer that opens with who does it, for a question that asks
    who ("en wie lost dat op?"); "" otherwise."""
    if not set(cl.lm.analyze(t.text).words) & _WHO:
        return ""
    names = names_in(ctx, cl, t.state.lang)

    def named(words: list[str]) -> bool:
        return any(w.strip(".,;:!?'\"()") in names for w in words)

    sentences = split_sentences(told)
    lex = cl.lm.lexicon
    if _asks_where_it_lands(cl, t.text):
        # "bij wie komen die klachten dan terecht?" after "..., en notaris Bakker was daar
        # niet blij mee. En ik ben elke week wel een uur kwijt aan nabellen": with her
        mine = next((s for s in sentences if lex.first_person & {
            w.strip(".,;:!?'\"()").lower() for w in s.split()}), "")
        if mine:
            return mine
    opening = next((s for s in sentences if named(s.split()[:WHO_WORDS])), "")
    if opening:
        return opening
    # "who pays that penalty?" after "..., and that bill lands on Ruud's desk": the part
    # of a sentence that names the one it lands with
    return next((c.strip(" .!?;")[:1].upper() + c.strip(" .!?;")[1:] + "."
                 for s in sentences for c in _CLAUSE.split(s) if named(c.split())), "")


def _asks_where_it_lands(cl: CompiledLanguage, text: str) -> bool:
    """"Bij wie komen die klachten terecht?", "whose desk does it land on?": who the
    trouble ends up with."""
    joined = " " + " ".join(cl.lm.analyze(text).words) + " "
    return any(f" {cue} " in joined for cue in cl.lm.lexicon.lands_with)


NARROW_RELATED = 2  # a deeper fact only follows on a told one this close

NARROW_WORDS = 7  # "en in de piek, rond de feestdagen?": a follow-up this short leans on the last


def narrowed(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, events: list[str]) -> list[str]:
    """"And at peak?" right after her volumes, "en in de piek?" right after how long a
    station is down: the topic carries over from what she just answered, the new words
    narrow it. She gives the sentence of that answer about them, else an untold fact on
    the same matter that names them, else the part of her answer beyond its first
    figure (the peak beside the normal day); with nothing of hers, a short "no idea"."""
    a, state = t.a, t.state
    if t.act is not Act.FACT_QUESTION or not a.is_question or a.facts or not (
            state.last_answered) or state.flags.get("answered_turn") != state.turn - 1 or (
            a.word_count > NARROW_WORDS) or not _ELLIPSIS.match(t.text):
        return []
    fact = ctx.cs.facts.get(state.last_answered[0])
    if fact is None or fact.id not in state.revealed:
        return []
    asked = a.topic_stems - cl.facts.frame - cl.lm.lexicon.stopwords
    if not asked:
        return []
    told = told_answer(cl, state, fact)

    def fit(text: str) -> int:
        return sum(1 for q in asked if any(_same_stem(st, q)
                                           for st in content_stems(ctx, cl, text)))

    sentences = split_sentences(told)
    scores = [fit(s) for s in sentences]
    if scores and max(scores) > 0 and scores.count(max(scores)) == 1:
        return [sentences[scores.index(max(scores))]]
    matter = content_stems(ctx, cl, " ".join(cl.texts(fact.answer)))
    best: tuple[int, int, str] | None = None
    for other in ctx.scenario.facts:
        if other.id in state.revealed or other.id == fact.id or any(
                f not in state.revealed and f"short:{f}" not in state.flags
                for f in other.after):
            continue  # what must come first has not: "and the hours?" is no way into it
        text = " ".join(cl.texts(other.answer))
        # how closely it follows on: written to come after it, about the same matter
        # ("a station down for a quarter of an hour"), or of the same objective
        shared = _shared_stems(ctx, cl, text, matter)
        related = 2 * (fact.id in other.after) + shared + (
            bool(fact.objective) and other.objective == fact.objective)
        if other.spin and a.spin not in other.spin and related < NARROW_RELATED:
            continue  # her short "sometimes, yes" fits only what follows on closely
        score = fit(text)
        if related and score and (best is None or (score, related) > best[:2]):
            best = (score, related, other.id)
    if best is not None:
        answers = _answer_with(ctx, cl, t, events, best[2])
        if answers:
            return answers
    later = [s for s in sentences[1:] if _figure(s)]
    if later and _figure(sentences[0]):
        return [later[0]]
    return [stock_line(ctx, cl, state, "follow_up_unknown")]


_CLAUSE = re.compile(r",\s+(?:(?:and|en|or|of)\s+)?|\s+[–-]\s+")

# "and on Fridays?", "en op woensdag?", "what about Mondays?": a question that only
# names what it asks about, the rest taken from the question before
_ELLIPSIS = re.compile(r"^\W*(?:and|en|or|of|plus|what about|how about|en hoe zit het met|"
                       r"en wat met|hoe zit het met)\b", re.IGNORECASE)

ELLIPSIS_WORDS = 5

# "and the hours?", "en in de piek?", "what about Fridays?": a phrase, no verb that makes
# it a yes/no question of its own ("and are you happy with it?", "en kost je dat geld?")
_PHRASE = re.compile(
    r"^\W*(?:(?:and|en|or|of|plus)\s+(?:the|a|an|at|on|in|for|with|during|around|after|"
    r"de|het|een|op|bij|voor|met|tijdens|rond|na|'?s)\b|what about|how about|"
    r"en hoe zit het met|en wat met|hoe zit het met)", re.IGNORECASE)


def part_asked(cl: CompiledLanguage, gist: str, a: TurnAnalysis, text: str) -> str:
    """"And on Fridays?" after "Tuesdays ... 160, Mondays ... 110, and Fridays 40 at
    most": a short follow-up that names one part of a list she gave gets that part
    ("Fridays 40 at most."), not the whole list again after "like I just said"; "" when
    the question is longer or no single part of the sentence is about it."""
    if a.word_count > ELLIPSIS_WORDS or not a.topic_stems or not _ELLIPSIS.match(text):
        return ""
    clauses = [c.strip(" .!?;") for c in _CLAUSE.split(gist) if c.strip(" .!?;")]
    if len(clauses) < 2:
        return ""
    skip = cl.lm.lexicon.stopwords

    def fit(clause: str) -> int:
        stems = stems_of(cl, clause)[0] - skip
        return sum(1 for q in a.topic_stems if any(_same_stem(st, q) for st in stems))

    scores = [fit(c) for c in clauses]
    if sorted(scores)[-1] == 0 or scores.count(max(scores)) > 1:
        return ""
    part = clauses[scores.index(max(scores))]
    return part[:1].upper() + part[1:] + "."


def tell_more(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, fact: Fact,
              events: list[str]) -> list[str]:
    """Asked further into what she only said in short ("how many times last year?"
    after "they jam now and then"): the full story holds the answer, so she tells it
    now, rather than "as I said" about words she never said."""
    a, state = t.a, t.state
    full = pick(cl, state, f"fact:{fact.id}", cl.texts(fact.answer))
    # "can you give an example?" after "they jam now and then": the full story is one
    example = bool(cl.lm.elaboration.match(cl.lm.analyze(t.text)))
    if not (example or gist_of(cl, full, a, strict=True)) or state.trust < fact.trust:
        return []
    if any(f not in state.revealed and f"short:{f}" not in state.flags for f in fact.after):
        # what comes first comes first: the way any pointed question opens her up
        before = dict(state.revealed)
        a.answered = [fact.id]
        answers = answer_facts(ctx, cl, t, events)
        told = [f for f in state.revealed if f not in before]
        a.answered = told  # what she told is what this turn answered
        if told:
            state.last_answered = told
        return answers
    events.append(f"fact:{fact.id}")
    state.revealed[fact.id] = 1
    heard(state, fact.id)
    a.answered = [fact.id]
    state.needs_stated.extend(n for n in fact.reveals if n not in state.needs_stated)
    return [full]


def follow_on(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, fact: Fact, told: str,
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
    kind = "who" if words & _WHO else (
        "when" if a.asks_when else "amount" if a.asks_amount else "")
    if not kind:
        return []
    told_stems = stems_of(cl, told)[0]
    # what the matter is: her words, and the full story behind a short answer
    told_content = content_stems(ctx, cl, told) | content_stems(
        ctx, cl, " ".join(cl.texts(fact.answer)))
    unknown = [q for q in a.topic_stems if not any(_same_stem(st, q) for st in told_stems)]
    if len(unknown) > 1:
        return []  # it names something of its own: a new question, not a follow-up
    names = names_in(ctx, cl, state.lang)

    def fits(text: str) -> bool:
        if kind == "who":
            # a name near the start of a sentence does it ("Bas clears a jammed roll",
            # "Dat doet Blinkend Schoon"); "... Black Friday" late in one is a date
            return any(w.strip(".,;:!?'\"()") in names
                       and w.strip(".,;:!?'\"()").lower() not in CALENDAR_WORDS
                       for sentence in split_sentences(text) for w in sentence.split()[:WHO_WORDS])
        found = {w.lower() for w in re.findall(r"[\w']+", text)}
        if kind == "when":
            # "since when?" after "all bought in 2016": the year, not "three times a week"
            return bool(found & _TIME_WORDS or _YEAR.search(text))
        return bool(DIGITS.search(text)) or bool(_NUMBER_WORDS & found)

    said = [s for s in split_sentences(told) if fits(s)]
    if kind in ("who", "when") and said:
        # "wie is dat dan precies?" right after she named Annelies: who she named; "since
        # when?" right after "all bought in 2016": that year, not another fact's figures
        return [said_again(ctx, cl, t, fact.id, said[0])]
    if kind == "when":
        # "since when?" asks about what she said; another fact's date is no answer, and
        # with none in hers she says she doesn't know, not "what do you mean?"
        return [stock_line(ctx, cl, state, "follow_up_unknown")]
    best: tuple[int, str] | None = None
    for other in ctx.scenario.facts:
        if other.id in state.revealed or state.trust < other.trust or (
                other.spin and a.spin not in other.spin):
            continue
        if any(f not in state.revealed and f"short:{f}" not in state.flags
               for f in other.after):
            continue
        text = cl.texts(other.answer)[0]
        if not fits(text):
            continue
        shared = _shared_stems(ctx, cl, text, told_content)
        if shared and (best is None or shared > best[0]):
            best = (shared, other.id)
    if best is not None:
        return _answer_with(ctx, cl, t, events, best[1])
    if not said:
        return []
    return [said_again(ctx, cl, t, fact.id, said[0])]


def content_stems(ctx: ScenarioContext, cl: CompiledLanguage, text: str) -> frozenset[str]:
    """The stems of her line that carry its topic ("jam", "station"), not "thing" or
    "run": two answers that share one are about the same matter."""
    key = ("content", cl.lang, text)
    if key not in ctx.content:
        said = cl.lm.analyze(text)
        lex = cl.lm.lexicon
        skip = lex.stopwords | lex.fillers | lex.frame_words | lex.question_words
        ctx.content[key] = frozenset(
            st for st, w in zip(said.stems, said.words, strict=True)
            if len(st) > 3 and w not in skip and not w[:1].isdigit()
            and w not in _NUMBER_WORDS and w not in _GENERIC)
    return ctx.content[key]


def names_in(ctx: ScenarioContext, cl: CompiledLanguage, lang: str) -> frozenset[str]:
    """Words the buyer writes with a capital inside a sentence (names): "as I said: Joke
    and Ahmed ..." keeps it, "as I said: the contract ..." does not."""
    if lang not in ctx.names:
        names: set[str] = set()
        texts = [t for fact in ctx.scenario.facts for t in cl.texts(fact.answer)]
        texts += [t for o in ctx.scenario.objections for t in cl.texts(o.text)]
        texts += cl.texts(ctx.scenario.buyer.greeting)
        # a word she also writes in lower case is no name ("Over", "Kleine dingetjes")
        common = {w for text in texts for w in re.findall(r"[\w']+", str(text)) if w.islower()}
        common |= cl.lm.lexicon.stopwords
        for text in texts:
            words = str(text).split()
            for prev, word in pairwise(words):
                bare = word.split("'")[0].strip(".,;:!?\"()")
                if word[:1].isupper() and not prev.endswith((".", "!", "?", ":")):
                    names.add(bare)
                first = prev.split("'")[0].strip(".,;:!?\"()")
                if (first[:1].isupper() and not prev.endswith((".", "!", "?", ":", ","))
                        and first.lower() not in common and first != "I"
                        and (word == "&" or (word[:1].isupper() and bare != "I"))
                        and bare.lower() not in CALENDAR_WORDS):
                    # "Bakkerij Kok brings ...", "Vers & Co charges ...": a name of two
                    # words opens the sentence, its first word is a name too
                    names.add(first)
        ctx.names[lang] = frozenset(names)
    return ctx.names[lang]


def stems_of(cl: CompiledLanguage, text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Stems and words of one of her own lines, analysed once per compiled scenario
    (an engine may be made per turn; her lines are the scenario's, a bounded set)."""
    return cl.stems_of(text)


def gist_of(cl: CompiledLanguage, answer: str, a: TurnAnalysis, *,
            strict: bool = False) -> str:
    """The sentence of an earlier answer that answers this question: asked "how much
    time does the retyping take?" again, she repeats the four days, not how the slips
    come in. The first sentence when none stands out."""
    sentences = split_sentences(answer)
    if len(sentences) < 2 and not strict:
        return answer
    asked = a.topic_stems
    # "and", "the": no word of hers that a question's word ends in ("br-and")
    skip = cl.lm.lexicon.stopwords

    same = _same_stem

    if strict:
        told = stems_of(cl, answer)[0] - skip
        unknown = [q for q in asked if not any(same(st, q) for st in told)]
        if len(unknown) > (1 if a.refers_back else 0):
            return ""  # it names something her answer did not: a new question

    def fit(sentence: str) -> float:
        stems, words = stems_of(cl, sentence)
        shared = sum(1 for st in stems - skip if len(st) > 2 and any(
            same(st, q) for q in asked))
        if not a.asks_amount:
            return shared
        if a.asks_when and not (words & _TIME_WORDS or _YEAR.search(sentence)):
            # "since when?" is no question the "two pantries" of her list answer
            return shared
        # a figure answers "how many", "how often", "which year": digits most surely
        if any(w[:1].isdigit() for w in words):
            return shared + 1.5
        return shared + (1.0 if _NUMBER_WORDS & words else 0.0)

    scores = [fit(s) for s in sentences]
    if not strict and not any(scores) and a.framed_stems != asked:
        # "is there a notice period?": "notice" frames other questions ("do you notice
        # it?") but here it is what her sentence about the notice answers
        asked = a.framed_stems
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
    if len(sentences[0].split()) <= LEAD_IN_WORDS or (
            not a.asks_amount and len(sentences[0].split()) <= FIGURE_WORDS
            and _figure(sentences[0])):
        # "It's mixed." / "Two things." only leads in: the recap is what follows it; "Two
        # or three times a week." answers how often, not "what does a stop cost you?"
        return " ".join(sentences[1:3])
    return sentences[0]


def _figure(sentence: str) -> bool:
    words = {w.lower() for w in re.findall(r"[\w']+", sentence)}
    return bool(DIGITS.search(sentence)) or bool(_NUMBER_WORDS & words)


def _answer_with(ctx: ScenarioContext, cl: CompiledLanguage, t: Turn, events: list[str],
                 fact_id: str) -> list[str]:
    """Answer with one fact picked for a follow-up, and remember it as her last answer
    when she told it (the next follow-up narrows from there)."""
    t.a.answered = [fact_id]
    answers = answer_facts(ctx, cl, t, events)
    if answers:
        t.state.last_answered = [fact_id]
    return answers


def _shared_stems(ctx: ScenarioContext, cl: CompiledLanguage, text: str,
                  stems: Iterable[str]) -> int:
    """How many content words of ``text`` share a stem with ``stems``."""
    pool = list(stems)
    return sum(1 for st in content_stems(ctx, cl, text) if any(_same_stem(st, q) for q in pool))
