"""Checking what the learner says back: a summary that misquotes a figure, gets a time
wrong, names the wrong person or names what she never said; and the figures a drill asks for.

She corrects what a buyer would notice and agrees with the rest.
"""

from __future__ import annotations

import re

from bot.engine.acts import CLOSING_ACTS, Act, Move
from bot.engine.compiled import CompiledLanguage, cues_for
from bot.engine.context import ScenarioContext
from bot.engine.fact_answers import content_stems, names_in, stems_of
from bot.engine.figures import wrong_amounts
from bot.engine.lines import once, pick, stock_line
from bot.engine.policy import (
    FEW_FACTS,
    Turn,
)
from bot.engine.state import SessionState
from bot.engine.text import fold, parse_numbers
from bot.engine.wording import CALENDAR_WORDS, DIGITS, MONTHS, lower_first, split_sentences

FIGURE_MIN = 1000  # an amount the drill asks for; a chance (60%) or a date (1 March) is none

COUNTED_MIN = 5  # "two offices" is counted from "Haarlem and Beverwijk"; "thirty printers" is not

KEYWORD_MATCH = 100.0  # a cue match scores above this; a fuzzy phrasing below

TOPIC_STEM = 5  # "klant" names a matter; "week", "loop", "stay" do not

# a capitalised word inside a sentence (not after . ! ? or at the start): a name
_INNER_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)(?<=\s)([A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff]{2,})\b")

# Times a summary may get wrong: a part of the day, a month, a weekday, the year's end.
_DAY_PARTS = {"morning": "morning", "mornings": "morning", "ochtend": "morning",
              "ochtends": "morning", "afternoon": "afternoon", "afternoons": "afternoon",
              "middag": "afternoon", "middags": "afternoon", "evening": "evening",
              "evenings": "evening", "avond": "evening", "avonds": "evening",
              "night": "night", "nights": "night", "nacht": "night", "nachts": "night"}

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_YEAR_END = re.compile(r"\b(?:(?:the )?end of (?:the|this) year|year[- ]end|"
                       r"(?:het )?eind(?:e)? (?:van )?(?:het|dit) jaar|jaareinde)\b", re.I)


def _times(text: str) -> dict[str, str]:
    """The times a text names, as typed -> what kind ("'s avonds" and "evenings" are one)."""
    found: dict[str, str] = {m.group(): "year_end" for m in _YEAR_END.finditer(text)}
    for m in re.finditer(r"(?:'s\s+)?(\w+)", text):  # "'s avonds" is quoted whole
        raw, word = m.group(0), m.group(1).lower()
        if word in _DAY_PARTS:
            found[raw] = _DAY_PARTS[word]
        elif word in MONTHS and (len(word) > 3 or word == "mei"):  # "Jan" is a name too
            found[raw] = f"month{MONTHS[word]}"
        elif word in _WEEKDAYS:
            found[raw] = f"day{_WEEKDAYS.index(word) % 7}"
    return found


def _figure(raw: str) -> float:
    """ "2,50" and "2.50" are one figure."""
    return float(raw.replace(",", "."))


def misquoted(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, text: str) -> str:
    """The first figure in a learner's summary that she never gave ("thirty corrections"
    when she said sixteen), or "". She corrects it instead of saying "yes, that's
    right". On the learner's side digits are checked, and counts in words before a thing
    she spoke of ("thirty label printers"); her side also counts number words, the
    briefing and the seller's offer, so a figure the learner may know is never called
    wrong."""
    figures = [(m.start(), m.group(), _figure(m.group())) for m in DIGITS.finditer(text)]
    said = said_texts(ctx, cl, state)
    figures += _counted_in_words(cl, text, said)
    if not figures:
        return ""
    words = cl.lm.lexicon.number_words
    known = {_figure(m.group()) for line in said for m in DIGITS.finditer(line)}
    known |= {words[w] for line in said for w in re.findall(r"\w+", line.lower())
              if w in words}
    # "1 augustus": the date is quoted whole ("1 augustus?"), not its day ("1?")
    figures = [(start, _with_month(text, start, raw), value) for start, raw, value in figures]
    wrong = next((raw for _, raw, value in sorted(figures) if value not in known), "")
    return wrong or _wrong_for_its_thing(cl, text, sorted(figures), said)


def _with_month(text: str, start: int, raw: str) -> str:
    """A day figure with the month after it ("1 augustus"), else the figure."""
    after = re.match(r" +([A-Za-z]+)", text[start + len(raw):])
    if after is not None and after.group(1).lower() in MONTHS and len(after.group(1)) > 2:
        return f"{raw} {after.group(1)}"
    return raw


def _wrong_for_its_thing(cl: CompiledLanguage, text: str, figures: list[tuple[int, str, float]],
                         said: list[str]) -> str:
    """A figure she did give, but for something else: "five times a week" when the offices
    are done three times a week (and "five" was her years with the supplier). Every
    sentence she said that names the thing gives its figures; one of them must match.
    A thing she gave no figure for is not checked."""
    words = cl.lm.lexicon.number_words
    sentences = []
    for line in said:
        for sentence in split_sentences(line):
            analysed = cl.lm.analyze(sentence)
            values = {_figure(m.group()) for m in DIGITS.finditer(sentence)}
            values |= {words[w] for w in analysed.words if w in words}
            sentences.append((set(analysed.stems), values))
    for start, raw, value in figures:
        # "five times a week", not "from 2016, jams": the thing counted follows directly
        # a date ("1 augustus"): the month is the thing its day is checked against
        thing = re.match(r" +([\w-]+)", f" {raw.split()[1]}" if " " in raw
                         else text[start + len(raw):])
        if thing is None or thing.group(1).lower() in cl.lm.lexicon.stopwords:
            continue
        stems = set(cl.lm.analyze(thing.group(1)).stems)
        given = set().union(*(values for said_stems, values in sentences
                              if stems & said_stems)) if stems else set()
        if given and value not in given:
            return raw
    return ""


def _counted_in_words(cl: CompiledLanguage, text: str,
                      said: list[str]) -> list[tuple[int, str, float]]:
    """The counts a summary spells out ("about thirty label printers"): a number word
    from five up right before a thing she spoke of. Smaller ones are what a learner
    counts from what she told ("two offices" for Haarlem and Beverwijk, "one jam"), and
    "three points" or "twenty-five" are not read: a number word before a word she never
    used names no figure of hers."""
    words = cl.lm.lexicon.number_words
    told: set[str] = set()
    for line in said:
        told |= set(cl.lm.analyze(line).stems)
    found: list[tuple[int, str, float]] = []
    for m in re.finditer(r"[\w'-]+", text):
        value = words.get(m.group().lower())
        if value is None or value < COUNTED_MIN:
            continue
        after = re.match(r"\W+([\w-]+)", text[m.end():])
        if after and after.group(1).lower() not in cl.lm.lexicon.stopwords and set(
                cl.lm.analyze(after.group(1)).stems) & told:
            found.append((m.start(), m.group(), value))
    return found


def recapped(cl: CompiledLanguage, moves: set[str], text: str) -> str:
    """The recap in a message that also proposes: "You said you'd like a trial week. Shall
    we do it in the first week of September?" hands back her words in the first sentence;
    the September is the learner's proposal, no claim that she said it."""
    if not moves & _PROPOSING:
        return text
    kept = []
    for sentence in split_sentences(text):
        moves = set(cl.lm.moves.match(cl.lm.analyze(sentence)))
        if Move.SUMMARIZE in moves or not (moves & _PROPOSING or _times(sentence)):
            kept.append(sentence)
    return " ".join(kept) if kept else text


_PROPOSING = frozenset({Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER})


def mistimed(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, text: str) -> str:
    """A time in the learner's summary that she never gave ("the cleaners come in the
    evening" when they come at four, "the contract runs until the end of the year" when
    it runs until 1 April), or "": she corrects it rather than say "yes, that's right"."""
    named = _times(text)
    if not named:
        return ""
    told: set[str] = set()
    for line in said_texts(ctx, cl, state):
        told |= set(_times(line).values())
    return next((raw for raw, kind in named.items() if kind not in told), "")


def right_version(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, text: str,
                  wrong: str) -> str:
    """What she did say about the part of a summary she corrects, in her own words:
    the told sentence with a figure or a time, from the fact that part is about
    ("Not quite: the end of the year? ... The contract runs until 1 April.")."""
    clause = next((c for c in re.split(r"[,;:]", text)
                   if wrong.lower() in c.lower()), text)
    scores = cl.facts.match(cl.lm.analyze(clause))
    # what she told, or a plain fact she would tell if asked ("they come at four")
    told = [f for f in sorted(scores, key=lambda f: -scores[f])
            if scores[f] >= KEYWORD_MATCH and (f in state.revealed or (
                state.trust >= ctx.cs.facts[f].trust and all(
                    b in state.revealed for b in ctx.cs.facts[f].after)))]
    kind_time = bool(_times(wrong))
    # a figure is put right by a figure of the same thing: "280 employees" by "about
    # 380 employees", not by "four days a month"
    after = re.search(re.escape(wrong) + r"\W+(\w+)", text)
    unit = set(cl.lm.analyze(after.group(1)).stems) if after else set()
    for fact_id in told[:2]:
        for sentence in split_sentences(pick(cl, state, f"fact:{fact_id}",
                                             cl.texts(ctx.cs.facts[fact_id].answer))):
            words = cl.lm.analyze(sentence)
            if (kind_time and _times(sentence)) or (not kind_time and unit and any(
                    (DIGITS.fullmatch(w) or w in cl.lm.lexicon.number_words)
                    and unit & set(words.stems[i + 1:i + 3])
                    for i, w in enumerate(words.words))):
                if fact_id not in state.revealed:
                    return sentence
                # she told it: "as I said: they come at four in the afternoon", not the
                # sentence word for word a second time
                return stock_line(ctx, cl, state, "repeat") + lower_first(
                    sentence, names_in(ctx, cl, state.lang))
    return ""


def misnamed(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, text: str) -> str:
    """A name in the learner's summary that nobody in the call or the briefing used
    ("two offices in Haarlem and Bloemendaal" when they are in Haarlem and Beverwijk):
    she corrects it rather than say "yes, that's right"."""
    names = [m.group(1) for m in _INNER_NAME.finditer(text)]
    if not names:
        return ""
    known = {w.lower() for line in said_texts(ctx, cl, state)
             for w in re.findall(r"\w+", line)}
    sc = ctx.scenario
    for line in (sc.buyer.name, cl.text(sc.buyer.company), cl.text(sc.seller.company)):
        known |= {w.lower() for w in re.findall(r"\w+", line)}
    return next((n for n in names if n.lower() not in known
                 and n.lower() not in CALENDAR_WORDS), "")


# "last time you told me", "u vertelde toen", "in our first meeting": the first visit
_LAST_VISIT = re.compile(
    r"\b(?:last time|previous(?:ly)?|first (?:meeting|visit|conversation|call)|back then|"
    r"vorige keer|toen|eerste gesprek|eerste bezoek|de vorige)\b", re.IGNORECASE)


def unvoiced_need(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                  text: str) -> str:
    """A word in the learner's summary that gives her a need she never voiced ("you want
    more variety" when she asked for vegan, halal and no paying for empty Fridays), or "":
    she puts that right rather than say "yes, that's right". Only words she never used
    count, and a need she asked for (a buying signal, a concern) is hers; a word she used
    about the seller's proposal ("Annelies liked the salad bar") voices no need."""
    sc = ctx.scenario
    if sc.buyer.visit == "follow_up" and (
            len(state.revealed) < FEW_FACTS or _LAST_VISIT.search(text)):
        return ""  # "last time you told me ...": the first visit, which the call never heard
    told: set[str] = set()
    for line in said_texts(ctx, cl, state):
        told |= stems_of(cl, line)[0]
    # what she asked for herself: "could we do a trial week first?", a concern she raised
    asked = [t for i in state.signals_sent if i < len(sc.closing.buying_signals)
             for t in cl.texts(sc.closing.buying_signals[i].text)] if sc.closing else []
    for objection in sc.objections:
        if state.objections[objection.id].raised_turn is not None:
            asked += cl.texts(objection.text)
    voiced = set(state.needs_stated)
    for line in asked:
        voiced |= {n for n, score in cl.needs.match(cl.lm.analyze(line)).items()
                   if score >= KEYWORD_MATCH}
    lex = cl.lm.lexicon
    said = cl.lm.analyze(text)
    for word, stem in zip(said.words, said.stems, strict=True):
        if (len(word) < TOPIC_STEM or _said_in(stem, told) or word in lex.stopwords
                or word in lex.frame_words):
            continue
        scores = cl.needs.match(cl.lm.analyze(word))
        if any(score >= KEYWORD_MATCH and need not in voiced for need, score in scores.items()):
            return word
    return ""


def _said_in(stem: str, told: set[str]) -> bool:
    """A word of the summary she said, also as part of a compound of hers or the other
    way round ("salade" in her "saladebar", "bar" no: short heads say nothing)."""
    return stem in told or (len(stem) >= TOPIC_STEM and any(
        len(st) >= TOPIC_STEM and (st.startswith(stem) or st.endswith(stem)
                                   or stem.startswith(st) or stem.endswith(st))
        for st in told))


def said_texts(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState) -> list[str]:
    """What the learner may know: the briefing, the offer, and all she said so far."""
    sc = ctx.scenario
    said: list[str] = [cl.text(sc.briefing), *cl.texts(sc.buyer.greeting)]
    if sc.seller.offer is not None:
        said.append(cl.text(sc.seller.offer))
    for fact_id in state.revealed:
        fact = ctx.cs.facts[fact_id]
        said += cl.texts(fact.answer)
        if fact.short_answer is not None:
            said += cl.texts(fact.short_answer)
    for fact_id in state.flags:
        if fact_id.startswith("short:") and fact_id[6:] in ctx.cs.facts:
            short = ctx.cs.facts[fact_id[6:]].short_answer
            said += cl.texts(short) if short is not None else []
    for objection in sc.objections:
        if state.objections[objection.id].raised_turn is not None:
            for value in (objection.text, objection.firmer, objection.explain):
                said += cl.texts(value) if value is not None else []
    if sc.closing is not None:
        # the buying signals she gave, not those she would give later
        said += [t for i in state.signals_sent if i < len(sc.closing.buying_signals)
                 for t in cl.texts(sc.closing.buying_signals[i].text)]
    return said


def dated_proposal(t: Turn) -> bool:
    """A dated proposal read as an answer to her concern ("then let's meet to sign:
    Thursday 4 July at 2 pm. Does that work for you?") is still a proposal: she answers
    it, or a goodbye later says the date she never answered "isn't agreed yet"."""
    return t.act is Act.OBJECTION_RESPONSE and t.a.concrete_time and bool(
        t.moves & {Move.PROPOSE_NEXT_STEP, Move.ASK_FOR_ORDER})


def agenda(t: Turn) -> bool:
    """A proposal before she has told anything, in a message that states the objective:
    "first get acquainted, then my questions, and at the end we see whether a
    follow-up makes sense" is the agenda, not a request for a next appointment."""
    state = t.state
    return not state.revealed and not state.closing["attempted"] and not t.a.concrete_time


def unsaid(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, text: str) -> bool:
    """A learner's summary names a fact she keeps for later (trust-gated, or a
    consequence she tells only when asked) and has not told: "penalties, overtime,
    maybe a lost customer" when she spoke of none. She says so instead of "yes,
    that's right"; the plain facts of the case may be known from elsewhere."""
    lex = cl.lm.lexicon
    told: set[str] = set()
    for line in said_texts(ctx, cl, state):
        told |= stems_of(cl, line)[0]
    # only the words that name things she never used: "dat kost je" names no fact, and
    # "parcels miss the last trailer" is what she said, not a question's cue
    said = cl.lm.analyze(text)
    named = " ".join(w for w, st in zip(said.words, said.stems, strict=True)
                     if w not in lex.stopwords and w not in lex.frame_words
                     and st not in told)
    for fact_id, score in cl.facts.match(cl.lm.analyze(named)).items():
        fact = ctx.cs.facts[fact_id]
        if score < KEYWORD_MATCH or not (fact.trust > 0 or "implication" in fact.spin):
            continue  # the value of a solution shares her problem's words
        if fact_id not in state.revealed and f"short:{fact_id}" not in state.flags:
            return True
    return _names_kept_back(ctx, cl, state, named)


def _names_kept_back(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                     named: str) -> bool:
    """A word of the summary she never used that names what a story she keeps back is
    about, in its cues and in her words for it ("... and that cost you customers" when
    she told no customer she lost or fined her): no whole cue need be in the summary for
    her to know she never said so. Short words ("week", "loop") name no matter."""
    stems = {st for st in content_stems(ctx, cl, named) if len(st) >= TOPIC_STEM}
    if not stems:
        return False
    for fact in ctx.scenario.facts:
        if fact.id in state.revealed or f"short:{fact.id}" in state.flags or not (
                fact.trust > 0 or "implication" in fact.spin):
            continue
        cues = cues_for(fact.asked_by, cl.lang, ctx.scenario.languages)
        if cues is None:
            continue
        cue_stems = {st.rstrip("*") for cue in cues.keywords
                     for st in stems_of(cl, cue.replace("|", " ").replace("*", ""))[0]}
        told = set().union(*(content_stems(ctx, cl, t) for t in cl.texts(fact.answer)))
        if stems & cue_stems & told:
            return True
    return False


def mark_figures(ctx: ScenarioContext, t: Turn, text: str) -> None:
    """A drill that asks for figures (the forecast): she checks the amounts named and
    says whether they are right, as a sales manager doing the maths alongside would.
    Only where the drill has lines for it; amounts under 1,000 (a chance, a date) are
    no answer."""
    lines = ctx.scenario.buyer.lines
    if ctx.scenario.kind != "drill" or not {"figures_right", "figures_wrong"} <= set(lines):
        return
    checks = [(o.id, d.number) for o in ctx.scenario.objectives.external
              for d in o.detect if d.number is not None]
    amounts = [n for n in parse_numbers(fold(text)) if n >= FIGURE_MIN]
    if not checks or not amounts:
        return
    # the working of a sum ("Brink 12,000 plus De Hoeve 13,500") is no wrong answer
    if wrong_amounts(amounts, [(c.value, c.tolerance) for _, c in checks]):
        t.fresh.add("figures_wrong")
        return
    met = set(t.a.objectives) | set(t.state.objectives)
    done = all(oid in met for oid, _ in checks)
    t.fresh.add("figures_right" if done or "figures_partly" not in lines else "figures_partly")


def mark_once(t: Turn) -> None:
    """Once-per-call moments of the opening: they earn trust and a reaction once."""
    state, moves = t.state, t.a.moves
    if Move.INTRODUCE in moves and once(state, "introduced"):
        t.fresh.add("introduced")
    if t.act is Act.GREET_INTRODUCE and Move.GREET in moves and once(state, "greeted"):
        t.fresh.add("greeted")
    if Move.INVITE_INTRODUCTION in moves and once(state, "invited"):
        t.fresh.add("invited")
    if Move.STATE_OBJECTIVE in moves and (t.act not in CLOSING_ACTS or agenda(
            t)) and once(state, "objective_stated"):
        t.fresh.add("objective_stated")
    if t.act is Act.SUMMARY:
        state.flags["summaries"] = state.flags.get("summaries", 0) + 1


# the parts of a summary: "so you want it cleaner, and invoices later too, right?"
_POINTS = re.compile(r"\s*(?:[,;:]|\s[–-]\s|\band\b|\ben\b|\bplus\b)\s*",
                     re.IGNORECASE)
# the summary's own frame ("so you said ...", "right?", "klopt dat?"), no point of hers
_FRAME = re.compile(
    r"^(?:so|dus|if i|als ik|let me|even|kort|in short|samengevat|to sum up)\b.*?\b(?:"
    r"you|u|je|jij)\b\s*|\b(?:right|correct|klopt dat|toch|is that so|is dat zo|"
    r"did i get that right|heb ik dat goed)\b\W*$", re.IGNORECASE)
_ASKS_BACK = re.compile(
    r"\b(?:check\w*|correct|klopt|right|understand|begrijp\w*|goed heb|got it|said|zei|"
    r"vertelde|noemde|mentioned|told)\b"
    # "..., or has anything changed since we spoke?", "of is er iets veranderd?": the
    # learner asks whether it still holds, no point of hers
    r"|^(?:or|of)\b|\b(?:anything|something|iets)\b[^.?!]{0,15}\b(?:changed|veranderd|anders)\b"
    r"|\b(?:still the case|still the picture|nog steeds zo|nog zo)\b",
    re.IGNORECASE)
# "..., or has anything changed since we spoke?", "... of is er iets veranderd?": the
# other answer the learner offers her, no point she is said to have made
_ALTERNATIVE = re.compile(r"^(?:or|of|otherwise|anders)\b", re.IGNORECASE)
POINT_STEM = 5  # "komen", "ook", "nu" name no point; "facturen", "invoices" do
_NO_POINT = frozenset({"later", "earlier", "eerder", "really", "echt", "altijd", "always",
                       "still", "nog", "steeds", "everything", "alles", "graag"})


def unsaid_point(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState,
                 text: str) -> str:
    """A point of the learner's summary that shares no word with anything she said or
    the learner could know ("so you want it cleaner, and invoices later too, right?" when
    she never spoke of invoices), or "": she corrects that point and confirms the rest.
    A summary of one point, or with no point she spoke of, is left to the other checks."""
    lex = cl.lm.lexicon
    told: set[str] = set()
    for line in said_texts(ctx, cl, state):
        told |= stems_of(cl, line)[0]
    points = [p.strip(" .?!") for s in split_sentences(text) if s.rstrip().endswith("?")
              or len(split_sentences(text)) == 1 for p in _POINTS.split(s) if p.strip(" .?!")]
    # what she has to tell and has not: a point about it is one she never made
    untold: set[str] = set()
    for fact in ctx.scenario.facts:
        if fact.id not in state.revealed and f"short:{fact.id}" not in state.flags:
            for line in cl.texts(fact.answer):
                untold |= stems_of(cl, str(line))[0]
    found = []
    for point in points:
        if _ASKS_BACK.search(point) or _ALTERNATIVE.match(point):
            continue  # "even checken of ik het goed heb", "fits what you said?"
        said = cl.lm.analyze(_FRAME.sub("", point))
        content = [st for w, st in zip(said.words, said.stems, strict=True)
                   if len(st) >= POINT_STEM and w not in lex.stopwords and w not in _NO_POINT
                   and w not in lex.frame_words and not w.isdigit()]
        if content:
            new = all(not _said_in(st, told) for st in content) and any(
                st in untold for st in content)
            found.append((point, new))
    if len(found) < 2 or all(new for _, new in found):
        return ""
    return next((point for point, new in found if new), "")
