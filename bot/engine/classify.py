"""Is a message a question, is it open or closed, and which SPIN type is it?

Rules follow the method (domain.md §4): open questions start with a question word or ask
for a description ("Kunt u vertellen hoe…"); closed questions start with a verb or offer
a choice; a statement with a question mark is closed. SPIN is read from cue phrases,
the most advanced type winning (need-payoff > implication > problem > situation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from bot.engine.language import LanguageModel
from bot.engine.lexicon import Lexicon
from bot.engine.text import Analyzed, Sentence
from bot.engine.wording import SELLER_WORDS

_NON_INVENTORY = ("propose_next_step", "check", "ask_for_order", "summarize",
                  "pitch_question")


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    is_question: bool
    form: str | None  # "open" | "closed" | None
    spin: str | None
    asks: bool  # asks for information (a question, a request or "may I note…")
    # a second question probes deeper than the first, which gives the type ("who cleans
    # now, and are you happy with them?"): no bare list of facts to the buyer
    deeper: bool = False


def strip_fillers(words: list[str], fillers: frozenset[str]) -> list[str]:
    """The words from the first one that is no filler ("well, so, ...") on."""
    i = 0
    while i < len(words) - 1 and words[i] in fillers:
        i += 1
    return words[i:]


# Words after which a question word starts a new question ("... maar wat betalen jullie").
JOINERS = frozenset({"maar", "en", "of", "dus", "but", "and", "so", "or", "plus"})
_SUBJECTS = frozenset({"ik", "i", "we", "wij", "u", "you", "ze", "zij", "they", "he", "she",
                       "hij", "het", "it", "dat", "that", "weet", "know", "snap", "see"})
# Question words that open a question even after a comma in a message typed without a
# question mark ("goedemorgen gerard, hoe is het"); "which"/"die" there open relative clauses.
_STRONG_OPENERS = frozenset({"hoe", "waarom", "hoeveel", "hoelang", "how", "why", "wie", "who"})
# The seller telling: "let me tell you about us", "ik vertel u" ask nothing
_TELLING = ("let me tell you", "i will tell you", "ik vertel u", "laat me u vertellen",
            "ik zal u vertellen")
_AND = frozenset({"en", "maar", "and", "but", "plus"})  # not "or": "is it X or is it Y?"
_INVERTING = frozenset({"dan", "toen", "daarna", "nu", "daar", "hier", "dus", "ook", "then"})
_REPORTED = frozenset({"vertelde", "vertelden", "verteld", "beschreef", "schetste", "legde",
                       "told", "described", "explained", "shared", "mentioned"})
_RELATIVE = frozenset({"which", "welke", "welk", "whose", "wiens"})  # "..., which is what"
# "Dus, wat denkt u, zullen we ervoor gaan?": a frame before the real question
_OPINION_FRAMES = frozenset({"wat denkt u", "wat denk je", "wat vindt u", "wat vind je",
                             "wat zegt u", "wat zeg je", "what do you think", "what do you say",
                             "what do you reckon", "what say you"})
_NOT_QUESTIONS = ("how about", "what about", "wat dacht", "hoe zit", "what if", "wat als")


def _embedded(words: list[str], i: int, lex: Lexicon) -> bool:
    """"What *you* said", "when *you* compare", "hoe *u* dat doet": a question word right
    before a subject opens an embedded clause (questions put the verb there instead);
    "wat *een* pand", "how *nice*" open an exclamation."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return nxt in lex.subjects or nxt in lex.exclamations or (
        f"{words[i]} {nxt}" in _NOT_QUESTIONS)


def _question_word_at(clause: list[str], lm: LanguageModel) -> int | None:
    """Where a question word opens the clause, also after "maar"/"and" or a name:
    "mss een rare vraag maar wat betalen jullie", "en beverwijk hoe vaak gaan ze"."""
    lex = lm.lexicon
    words = strip_fillers(clause, lex.fillers)
    for i, word in enumerate(words):
        if word not in lex.question_words:
            continue
        if _embedded(words, i, lex):
            return None
        before = words[:i]
        if before and before[-1] in lex.prepositions:
            before = before[:-1]
        if not before or before[-1] in JOINERS:
            return i
        if len(before) <= 2 and not set(before) & _SUBJECTS:
            return i
        return None
    return None


def _clause_opens_with_question_word(clause: list[str], lm: LanguageModel) -> bool:
    return _question_word_at(clause, lm) is not None


def _clause_form(clause: list[str], previous: list[str] | None, lm: LanguageModel,
                 question_mark: bool) -> str | None:
    """The form of the question one clause asks, if it asks one. A later clause counts only
    in a question (a question mark, or a strong opener on a phone: "..., hoe is het")."""
    lex = lm.lexicon
    words = strip_fillers(clause, lex.fillers)
    if not words:
        return None
    at = _question_word_at(clause, lm)
    if previous is None or question_mark:
        if at is not None:
            return "open"
        if previous is not None and words[0] in lex.question_verbs and (
            len(words) > 1 and words[1] in lex.subjects | {"er", "there", "dat", "that"}
        ):
            return "closed"  # "Wat een mooi pand, zitten jullie hier al lang?"
        return None
    if at is not None and len(words) > at + 1 and (
        words[at] in _STRONG_OPENERS
        or (words[at] not in _RELATIVE and words[at + 1] in lex.question_verbs)
    ):
        return "open"  # "..., what does that mean for u"
    subordinate = bool(previous) and strip_fillers(previous, lex.fillers)[:1] and (
        strip_fillers(previous, lex.fillers)[0] in lex.subordinators)
    # only "en"/"maar" go: Dutch puts the verb first after "dan" in a statement too
    bare = clause[1:] if clause[:1] and clause[0] in JOINERS else clause
    if not subordinate and len(bare) > 1 and bare[0] in lex.question_verbs and (
        bare[1] in lex.subjects
    ):
        return "closed"  # "en jullie leverancier, zijn jullie daar tevreden over"
    return None


def sentence_form(sentence: Sentence, lm: LanguageModel) -> str | None:
    """open, closed or None for one sentence of a message."""
    lex = lm.lexicon
    words = strip_fillers(sentence.words, lex.fillers)
    if not words:
        return None
    # "u vertelde dat ...", "you told me ...": a request verb in the past reports, asks nothing
    told = " ".join(words)
    sub = lm.pipeline.analyze(" ".join(w for w in words if w not in _REPORTED)) if not any(
        p in told for p in _TELLING) else lm.pipeline.analyze("")
    first = words[0]
    lead = sentence.words[:sentence.words.index(first)] if first in sentence.words else []
    if not sentence.question_mark and (sentence.words[0] in _INVERTING or _INVERTING & set(lead)):
        # "Dan zijn wij goedkoper", "Top, dan zie ik je donderdag": Dutch puts the verb
        # first after "dan", also after a word of approval before it
        first = ""
    explains = _seller_explains(words, lm)
    if lm.open_requests.match(sub) and not explains:
        return "open"
    request = bool(lm.requests.match(sub)) and not explains
    if request and any(w in lex.question_words for w in words[1:]):
        return "open"  # "Mag ik vragen wat u nu betaalt?" asks it indirectly
    # The first clause that asks something decides ("Are there other offers, and on which
    # points do they compare?" is closed); a verb-first sentence is closed unless a
    # clause of its own opens with a question word.
    previous: list[str] | None = None
    clauses = sentence.clauses or [sentence.words]
    for index, clause in enumerate(clauses):
        if index + 1 < len(clauses) and " ".join(strip_fillers(clause, lex.fillers)) in (
                _OPINION_FRAMES):
            previous = clause  # "wat denkt u, zullen we ervoor gaan?" asks the second
            continue
        if previous is None and index + 1 < len(clauses) and set(clause) <= JOINERS | lex.fillers:
            continue  # "en, wat vond je van het voorstel": the joiner opens the question
        form = _clause_form(clause, previous, lm, sentence.question_mark)
        if form is not None:
            if form == "open" and sentence.question_mark and _alternative(clauses, lm) and (
                    not _WHO & set(strip_fillers(clause, lex.fillers)[:1])):
                # ("Wie beslist er: doet u dat zelf, of kijken de notarissen mee?" names the
                # people only to illustrate who: open)
                return "closed"  # "Wat was het ergste: dat alles plat lag, of ...?"
            return form
        if previous is None and first in lex.question_verbs and sentence.question_mark:
            break  # "Heeft u ..., en hoeveel ...?": the verb-first question comes first
        previous = clause
    opens_with_question_word = first in lex.question_words and not _embedded(words, 0, lex)
    if opens_with_question_word and any(
        _clause_opens_with_question_word(c, lm) for c in clauses[1:]
    ) and sentence.question_mark:
        return "open"
    if request and not sentence.question_mark and first not in lex.question_verbs:
        return "open"
    if not sentence.question_mark and ends_with_tag(words):
        return "closed"  # "so u want the same people every time right", "..., klopt dat"
    if not sentence.question_mark and _negated_without_subject(words, lex):
        return None  # "And don't forget, both trucks come with ...", "heeft geen zin" tell
    if not sentence.question_mark and len(words) > 1 and words[0] in lex.question_verbs and (
            words[1] in _BE):
        return None  # "Could be nice for you guys.", "Might be useful for you." tell
    if not sentence.question_mark and _imperative_with_er(words, lex):
        return None  # "denk er rustig over na", "kijk er maar naar": a Dutch imperative
    if sentence.question_mark or first in lex.question_verbs:
        if first in lex.question_words and sentence.question_mark and len(clauses) == 1 and (
            len(words) > 1 and words[1] in lex.subjects
        ):
            return "open"  # "hoe jullie dat nu doen?": typed without the verb up front
        return "closed"
    return None


_BE = frozenset({"be", "been"})  # "could be ...", "would have been ...": no subject, no question


def _negated_without_subject(words: list[str], lex: Lexicon) -> bool:
    """"Don't forget ...", "is niet nodig": a verb and a negation with no subject between
    or after them make an imperative or a statement; a question puts the subject there
    ("don't you think ...", "heeft u geen ...")."""
    return len(words) > 2 and words[0] in lex.question_verbs and words[1] in lex.negations and (
        words[2] not in lex.subjects)


# Verb forms that ask with "er" after them ("is er nog iets?", "zijn er klachten?"): the
# third person or a modal, never the bare stem an imperative uses ("denk er ... over na")
_ER_QUESTION_VERBS = frozenset({"is", "zijn", "was", "waren", "wordt", "worden", "kan",
                                "kunnen", "zal", "zullen", "mag", "mogen", "wil", "willen",
                                "zou", "zouden", "heb", "moet", "moeten"})


def _imperative_with_er(words: list[str], lex: Lexicon) -> bool:
    """A Dutch imperative: the bare verb stem first, "er" after it and no subject ("denk
    er rustig over na"); a question puts the subject there, or a verb in the third person
    before "er" ("komt er nog iets bij?")."""
    return len(words) > 2 and words[0] in lex.question_verbs and words[1] == "er" and (
        not words[0].endswith("t") and words[0] not in _ER_QUESTION_VERBS
        and not lex.subjects.intersection(words[2:4]))


_SELLER = frozenset({"ik", "i", "we", "wij"})
_BUYER = frozenset({"u", "you", "je", "jij", "jullie", "uw", "your", "jouw"})
_TELLING_VERBS = ("toelicht", "vertel", "uitleg", "explain", "tell", "describ", "beschrijf",
                  "schets", "presenteer", "present")


def _seller_explains(words: list[str], lm: LanguageModel) -> bool:
    """"Zullen we een afspraak maken waarin ik het voorstel kom toelichten?": the seller
    is the one to explain, so the request word asks her for no description ("kunt u mij
    vertellen" does)."""
    if not _SELLER.intersection(words) or not any(w.startswith(_TELLING_VERBS) for w in words):
        return False  # cheap and exact: the answer below needs both
    for end in range(1, len(words) + 1):
        if lm.open_requests.match(lm.pipeline.analyze(" ".join(words[:end]))):
            before = set(words[:end - 1])
            return words[end - 1].startswith(_TELLING_VERBS) and bool(
                before & _SELLER) and not before & _BUYER
    return False


# A tag that turns a statement into a check, typed without a question mark on a phone
_TAGS = (("right",), ("correct",), ("is", "that", "right"), ("is", "that", "correct"),
         ("klopt", "dat"), ("klopt", "het"), ("of", "niet"))
_NOT_BEFORE_TAG = frozenset({"is", "that", "thats", "all", "quite", "exactly", "dat", "het"})


def ends_with_tag(words: list[str]) -> bool:
    """"so you want the same people every time right": a statement with a check tag."""
    for tag in _TAGS:
        n = len(tag)
        if len(words) > n + 2 and tuple(words[-n:]) == tag and (
                words[-n - 1] not in _NOT_BEFORE_TAG):
            return True
    return False


_WHO = frozenset({"who", "wie"})


def _alternative(clauses: list[list[str]], lm: LanguageModel) -> bool:
    """A question that offers a choice after its question word: "what was worst: X, or Y?"."""
    return len(clauses) > 2 and clauses[-1][:1] != [] and (
        clauses[-1][0] in lm.lexicon.choice_words)


def detect_moves(msg: Analyzed, lm: LanguageModel, concrete: bool | None = None,
                 cued: set[str] | None = None) -> set[str]:
    """Moves from the lexicon cues, with next-step proposals needing a proposal or a time.
    ``cued``, when given, is the lexicon's match already made."""
    moves = set(lm.moves.match(msg) if cued is None else cued)
    if concrete is None:
        concrete = has_concrete_time(msg, lm)
    proposal = bool(lm.proposal.match(msg)) and not _only_asks_leave_to_ask(msg, lm)
    if "propose_next_step" in moves and not (concrete or proposal):
        moves.discard("propose_next_step")  # "afspraken" alone proposes nothing
    if moves & {"check", "propose_solution"} and _asks_her_view_of_the_offer(msg):
        moves -= {"check", "propose_solution"}  # "so what do u think of our proposal?" asks
    glad = _glad_to_see_her(msg, lm)
    if glad is not None and "goodbye" in moves and not glad & {"goodbye"}:
        moves.discard("goodbye")  # "Hi Marco, good to see you again" greets
    elif glad is not None and "greet" in moves and not glad & {"greet"}:
        moves.discard("greet")  # "Thanks, good to see you, see you Thursday!" takes leave
    if _sums_up_then_checks(msg):
        moves.add("summarize")  # "So: a hot lunch daily, 115 lunches, Annelies signs. Correct?"
    if _pitch_question(msg) or (_seeks_approval(msg) and not moves & _PLANS):
        moves.add("pitch_question")  # "Wist u dat onze accu in een uur laadt?", "... Interesse?"
    instead = _PRICE_INSTEAD.search(msg.raw)
    if instead and _MONEY.search(msg.raw[max(0, instead.start() - 2):instead.end()]):
        # "€6.50 instead of €9.40", "28 euro in plaats van 32" ("1 overzicht ipv 3 excel
        # lijsten" sets no price against another)
        moves.add("discount")
    if _PRICE_DOWN.search(msg.raw):
        moves.add("discount")  # "what if we make it €2?", "verlagen naar 2 euro"
    bare_time = msg.question_mark and is_concrete(msg, lm) and not (
        set(msg.words) & lm.lexicon.question_words)  # "dinsdag 11 uur?" proposes a time
    if (concrete and proposal and not moves & {"summarize", "propose_solution"}) or (
        proposal and lm.time.match(msg)
    ) or bare_time:
        # "How about Tuesday 17 September at 10am?" ("...a team that comes after five"
        # describes a solution, "...after five, right?" sums up: no next step)
        moves.add("propose_next_step")
    if promises_to_send(msg):
        moves.add("propose_next_step")
    if "propose_next_step" in moves and _promise_then_asks_her_details(msg, lm):
        moves.discard("propose_next_step")  # "I'll email it by Friday. Do you have a card?"
    if "propose_next_step" in moves and finds_out_and_reports_back(msg):
        moves.discard("propose_next_step")  # "I'll check and get back to you on that"
    return moves


# "I'll look into it and get back to you", "ik zoek het uit en kom erop terug": the seller
# promises an answer to her question, no meeting, demo or document for a next step
_FIND_OUT = re.compile(
    r"\b(?:check|look (?:into|it up|that up)|find (?:it |that )?out|ask (?:around|my|our)|"
    r"double check|verify|confirm with|"
    r"uitzoeken|zoek (?:\S+ ){0,3}?uit|navragen|vraag (?:\S+ ){0,3}?na|nagaan|"
    r"ga (?:\S+ ){0,3}?na|opzoeken|zoek (?:\S+ ){0,3}?op|checken|check|informeren|"
    r"controleren|uitvragen)\b")
_REPORT_BACK = re.compile(
    r"\b(?:get back to (?:you|u)|come back to (?:you|u)|let (?:you|u) know|report back|"
    r"get back (?:on|about)|back to you (?:on|about)|"
    r"kom (?:\S+ ){0,4}?terug|terugkomen|laat (?:\S+ ){0,4}?weten|hoort (?:\S+ ){0,2}?van mij|"
    r"hoor (?:\S+ ){0,2}?van mij|terugkoppelen|koppel (?:\S+ ){0,4}?terug)\b")
# what makes the answer a step after all ("..., and come back to you with a quote")
STEP_NOUNS = frozenset({"demo", "demonstration", "appointment", "meeting", "quote",
                         "quotation", "proposal", "offer", "visit", "presentation", "trial",
                         "afspraak", "offerte", "voorstel", "aanbod", "bezoek", "presentatie",
                         "proef", "proefperiode", "demonstratie", "pilot"})


def finds_out_and_reports_back(msg: Analyzed) -> bool:
    """"Good question, I'll check and come back to you", "dat zoek ik uit en ik laat het je
    weten": the answer to come, no next step of the sale (an act of its own, ``other``)."""
    if msg.question_mark or STEP_NOUNS & set(msg.words):
        return False
    text = " ".join(msg.words)
    found = _FIND_OUT.search(text)
    return found is not None and _REPORT_BACK.search(text, found.start()) is not None


# "€6.50 instead of €9.40", "voor 28 euro per uur in plaats van 32": a lower price set
# against one (a discount, whichever words surround it)
_PRICE_INSTEAD = re.compile(
    r"\d[\d.,]*(\s+[^\s\d]+){0,3}?\s+(instead\s+of|rather\s+than|in\s+plaats\s+van|ipv|"
    r"i\.p\.v\.)\s+(€\s*|eur\s*)?\d", re.IGNORECASE)
# a price brought down to an amount: "what if we make it €2?", "we kunnen de bijdrage
# verlagen naar 2 euro", "wat als we er € 2 van maken?", "if we drop to 6.50", "could we go
# down to 6.60", "als we naar 6,50 zakken" (an amount in euros, cents or with two decimals)
_AMOUNT = r"(?:€\s*\d|\d+[.,]\d{2}\b|\d[\d.,]*\s*(?:euros?\b|eur\b|cents?\b))"
_PRICE_DOWN = re.compile(
    r"\bmake\s+it\s+(?:€\s*\d|\d[\d.,]*\s*(?:euros?\b|eur\b|cents?\b))"
    r"|\b(?:(?:bring|take|get)\s+(?:it|that|the\s+price)\s+down\s+to|"
    r"(?:lower|reduce|cut|drop)\s+(?:it|that|the\s+price|our\s+price)\s+to|"
    r"drop\s+to|(?:go|come|get)\s+down\s+to|"
    r"(?:verlagen|omlaag|zakken|terug|naar\s+beneden)\s+naar)\s+" + _AMOUNT
    + r"|\ber\s+€\s*\d[\d.,]*\s+van\s+maken"
    r"|\bnaar\s+" + _AMOUNT + r"[\w\s.,]{0,20}?\b(?:zakken|omlaag|verlagen|terug)\b",
    re.IGNORECASE)
# the seller promises to send something after working on it: "I'll rework the quote and
# mail it over", "ik werk de offerte bij en mail hem morgen"
_SEND_LATER = re.compile(
    r"\bi (?:will|shall) (?:\S+ ){1,10}?and "
    r"(?:then )?(?:send|email|e-mail|mail|forward)\b"
    r"|\bik (?:\S+ ){1,10}?en (?:dan )?(?:stuur|mail|email|verstuur|e-mail) (?:ik )?"
    r"(?:het|hem|die|dat|ze|deze|u|je|jou|jullie)\b")


def promises_to_send(msg: Analyzed) -> bool:
    """"I'll adjust the proposal with the €2 and send it to you", "ik pas het voorstel aan
    en stuur het u toe": a document to come is a next step, however far the promise stands
    from the sending (the cue "I'll send" needs the two words side by side)."""
    return bool(_SEND_LATER.search(" ".join(msg.words)))


_MONEY = re.compile(r"€|\beur\b|\beuro|\bcent|\d[.,]\d", re.IGNORECASE)
_SEE_YOU = ("good to see you", "nice to see you", "great to see you", "lovely to see you",
            "glad to see you", "good to see u", "nice to see u", "fijn je te zien",
            "fijn u te zien", "goed je te zien", "goed u te zien", "leuk je te zien",
            "leuk u te zien", "fijn jullie te zien")


def _glad_to_see_her(msg: Analyzed, lm: LanguageModel) -> set[str] | None:
    """"Hi Marco, good to see you again": "see you" greets there, and takes leave only
    with another farewell ("..., see you Thursday!"). The moves left once the phrase is
    taken out, or None when the message holds no such phrase."""
    text = f" {' '.join(msg.words)} "
    if not any(f" {p} " in text for p in _SEE_YOU):
        return None
    for phrase in _SEE_YOU:
        text = text.replace(f" {phrase} ", " ")
    return set(lm.moves.match(lm.pipeline.analyze(text)))


_OFFER_WORDS = frozenset({"proposal", "quote", "quotation", "offer", "voorstel", "offerte",
                          "aanbod", "prijsvoorstel"})
_VIEW_WORDS = frozenset({"think", "thought", "reaction", "reactions", "feel", "vind", "vindt",
                         "vond", "vonden", "reactie", "reacties", "dacht", "denk", "denkt",
                         # "what was your impression of our proposal?", "wat is uw mening
                         # over de offerte?", "hoe kijkt u aan tegen ons voorstel?"
                         "impression", "impressions", "opinion", "verdict", "indruk",
                         "indrukken", "mening", "oordeel", "kijkt", "kijken"})


def _asks_her_view_of_the_offer(msg: Analyzed) -> bool:
    """"So what do u think of our proposal?", "wat vonden ze van de offerte?": one open
    question about the offer she has asks her reaction (a fact question), it offers or
    checks nothing ("We'd add a salad bar. What do you think?" checks)."""
    if len(msg.sentences) != 1:
        return False
    words = set(msg.words)
    return bool(words & _OFFER_WORDS and words & _VIEW_WORDS) and bool(
        msg.words[:3] and set(msg.words[:3]) & {"what", "how", "wat", "hoe"})


# what her view is asked of in a follow-up ("what did you think of it / of the 9.40?")
_THE_OFFER_IT = frozenset({"ervan", "it", "price", "prijs", "prices", "prijzen", "bedrag",
                           "amount"})
_ASKING_HOW = frozenset({"what", "how", "wat", "hoe", "whats"})
_HER_SIDE = frozenset({"pay", "paying", "betaal", "betaalt", "betalen", "current", "huidige",
                       "supplier", "leverancier"})


def asks_her_opinion_of_the_offer(msg: Analyzed) -> bool:
    """"What did you think of our proposal?", "wat vond je ervan?", "whats ur take on the
    9.40?": the first question asks her opinion of the offer or its price (the labelling
    conventions give it no SPIN type: it asks no situation, problem or consequence)."""
    asking = [s for s in msg.sentences if s.question_mark] or msg.sentences[-1:]
    words = asking[0].words if asking else []
    if not words or not set(words[:4]) & _ASKING_HOW:
        return False
    view = set(words) & _VIEW_WORDS or any(
        pair in (("take", "on"), ("make", "of")) for pair in pairwise(words))
    if set(words) & _HER_SIDE:
        return False  # "how do you feel about the price you pay now?": her supplier's price
    return bool(view) and bool(set(words) & (_OFFER_WORDS | _THE_OFFER_IT) or any(
        w[:1].isdigit() for w in words))


# What she gives when asked for her details or leave to mail her
_HER_DETAILS = frozenset({"newsletter", "mailing", "card", "address", "number", "nieuwsbrief",
                          "kaartje", "visitekaartje", "mailadres", "emailadres", "e-mailadres",
                          "adres", "telefoonnummer", "nummer", "06"})


def _promise_then_asks_her_details(msg: Analyzed, lm: LanguageModel) -> bool:
    """"Great, I'll email it by Friday. Do you have a card for me?", "ik stuur je vanmiddag
    de uitnodiging. mag ik je op de nieuwsbrief zetten?": the promise confirms a step
    already agreed; the question, about her details, is what she answers."""
    last = msg.sentences[-1]
    if len(msg.sentences) < 2 or not last.question_mark or not _HER_DETAILS & set(last.words):
        return False
    return not lm.proposal.match(lm.pipeline.analyze(" ".join(last.words))) or bool(
        {"newsletter", "nieuwsbrief", "mailing"} & set(last.words))


# A check that the seller heard right, asked after a restatement: "Is that correct?"
_CORRECTNESS_TAGS = frozenset({
    "is that correct", "is that right", "is this correct", "is this right", "correct", "right",
    "did i miss anything", "have i missed anything", "did i get that right",
    "have i got that right", "is that a fair summary", "klopt dat", "klopt dat zo", "klopt het",
    "klopt", "heb ik iets gemist", "mis ik iets", "heb ik het goed", "zie ik dat goed"})
_SO = frozenset({"so", "dus"})
_OK = frozenset({"ok", "oke", "okay", "right", "alright", "goed", "prima"})
_SELLER_FIRST = frozenset({"i", "we", "our", "ik", "wij", "onze", "ons", "mijn", "my"})
RESTATEMENT_WORDS = 6


def _sums_up_then_checks(msg: Analyzed) -> bool:
    """"So: a daily hot lunch, about 115 lunches, and the director signs. Is that correct?",
    "dus kort: jullie willen ..., klopt dat?": a restatement opened by "so" and closed by a
    check that it is right sums up (whatever it restates); "we start Monday, right?" and an
    argument ("but cheap is expensive in the end, right?") do not open with "so"."""
    words = msg.words
    start = 1 if words[:1] and words[0] in _OK else 0
    if len(words) <= start or words[start] not in _SO:
        return False
    if words[start + 1:start + 2] and words[start + 1] in _SELLER_FIRST:
        return False  # "so we start on Monday, right?" proposes
    last = msg.sentences[-1]
    if not last.question_mark:
        return False
    tail = (last.clauses or [last.words])[-1] if len(msg.sentences) == 1 else last.words
    return " ".join(tail) in _CORRECTNESS_TAGS and len(words) - len(tail) >= RESTATEMENT_WORDS


_DID_YOU_KNOW = (("did", "you", "know"), ("did", "u", "know"), ("wist", "u"), ("wist", "je"),
                 ("wist", "jij"), ("wisten", "jullie"))
_LEAD_INS = frozenset({"en", "and", "but", "maar", "trouwens", "by", "the", "way", "super",
                       "great", "oh", "o"})
_INTERESTED = frozenset({"interesse", "interested", "geinteresseerd", "geïnteresseerd", "any",
                         "interest"})


def _pitch_question(msg: Analyzed) -> bool:
    """"Wist u dat onze accu in een uur laadt?" and a selling line closed by "Interesse?"
    ask nothing of her situation: the question only carries the offer."""
    for sentence in msg.sentences:
        words = [w for w in sentence.words if w not in _LEAD_INS]
        if any(tuple(words[:len(p)]) == p for p in _DID_YOU_KNOW):
            return True
    last = msg.sentences[-1]
    return len(msg.sentences) > 1 and last.question_mark and bool(last.words) and (
        set(last.words) <= _INTERESTED)


# "..., sounds good right?", "..., interessant toch?": the seller asks her to like the offer
# (a plain "good" is no bid: "Is dat goed?" checks an agenda)
_APPROVAL_HEADS = frozenset({"sounds", "sound", "great", "nice", "interesting", "cool",
                             "klinkt", "mooi", "interessant", "top"})
_APPROVAL_TAGS = _APPROVAL_HEADS | frozenset({"good", "goed", "right", "toch", "he", "hè",
                                             "niet", "or", "not", "does", "it", "eh"})
# an agenda, a summary or a proposal closed by "Sound good?" asks her to agree to the plan
# (an offer's terms closed that way are a pitch, or a solution once tied to her need)
_PLANS = frozenset({"state_objective", "summarize", "propose_next_step", "ask_for_order"})
APPROVAL_WORDS = 5


def _seeks_approval(msg: Analyzed) -> bool:
    """Claims about our offer closed by a bid for her approval ("We have fixed teams and eco
    products. Sounds good, right?", "2000 clients and fixed teams, interesting right?") ask
    nothing about her situation: a pitch, not a question."""
    last = msg.sentences[-1]
    if len(msg.sentences) > 1 and len(last.words) <= APPROVAL_WORDS:
        tail, before = last.words, [w for s in msg.sentences[:-1] for w in s.words]
    elif len(last.clauses) > 1:
        tail, before = last.clauses[-1], [w for c in last.clauses[:-1] for w in c]
    else:
        return False
    return (0 < len(tail) <= APPROVAL_WORDS and set(tail) <= _APPROVAL_TAGS
            and bool(_APPROVAL_HEADS & set(tail)) and bool(SELLER_WORDS & set(before)))


# "Can I ask ...", "mag ik vragen ...": the modal asks leave to ask a question, it offers
# nothing; "mag ik u één vraag stellen: ...", "may I ask you one thing: ..." name the question
# that follows
_LEAVE_TO_ASK = re.compile(
    r"\b(?:(?:can|could|may|might) i ask(?: you)?(?: something| one thing| a question"
    r"| one question)?|(?:mag|kan) ik(?: u| je)?(?: iets| een ding)? vragen"
    r"|(?:mag|kan) ik(?: u| je)? een vraag(?:je)? stellen)\b")


def _only_asks_leave_to_ask(msg: Analyzed, lm: LanguageModel) -> bool:
    """"Can I ask what the notice period is, and whether there's a penalty before 1
    March?": the only proposal words ask leave to ask (a question, no next step)."""
    kept, found = _LEAVE_TO_ASK.subn(" ", " ".join(msg.words))
    return bool(found) and not lm.proposal.match(lm.pipeline.analyze(kept))


def has_concrete_time(msg: Analyzed, lm: LanguageModel) -> bool:
    return bool(lm.time.match(msg)) or _has_clock_time(msg.words)


_CLOCK_SUFFIXES = ("am", "pm", "u", "h", "uur")
_AT = frozenset({"at", "om", "rond", "around", "from", "vanaf"})
_DAYPARTS = frozenset({"morning", "afternoon", "evening", "noon", "lunchtime", "ochtend",
                       "middag", "avond", "morgenochtend", "morgenmiddag", "ochtends",
                       "middags", "lunchtijd"})
# "lunch" is a part of the day only after a word of time ("Friday at lunch", "vrijdag
# rond de lunch"); "you only pay per lunch taken, fewer people on Fridays" sells lunches
_AT_LUNCH = frozenset({"at", "around", "during", "after", "before", "om", "rond", "tijdens",
                       "na"})


_SIGNING_DAYS = frozenset({
    "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "vandaag",
    "morgen", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"})


def is_concrete(msg: Analyzed, lm: LanguageModel) -> bool:
    """A proposal a diary can take: a day or date *and* a time or part of the day
    ("Tuesday 14 November at 10", "tomorrow morning"); "next week, maybe Wednesday" is not."""
    if _SIGNING_DAYS.intersection(msg.words) and "ask_for_order" in lm.moves.match(msg):
        return True  # "could you sign it tomorrow?": a day is all an order needs
    return names_day(msg, lm) and names_time_of_day(msg, lm)


def names_day(msg: Analyzed, lm: LanguageModel) -> bool:
    """Whether a proposal names a day or date ("next week Thursday", "21 Oct")."""
    return bool(lm.time.match(msg))


def names_time_of_day(msg: Analyzed, lm: LanguageModel) -> bool:
    """Whether a proposal names an hour or a part of the day ("at 10", "10am", "om half
    negen", "in the morning", "at lunch")."""
    words = msg.words
    clock = _has_clock_time(words) or any(
        w in _AT and i + 1 < len(words) and words[i + 1].isdigit() and 0 < int(words[i + 1]) <= 23
        for i, w in enumerate(words)) or _has_clock_in_words(words, lm.lexicon.number_words)
    daypart = bool(_DAYPARTS.intersection(words)) or any(
        w == "lunch" and _AT_LUNCH.intersection(words[max(0, i - 2):i])
        for i, w in enumerate(words))
    return clock or daypart


# "om half negen", "at quarter past two", "om tien uur": an hour typed in words
_HOUR_PARTS = frozenset({"half", "kwart", "quarter"})
_HOUR_LINKS = frozenset({"over", "voor", "past", "to"})
_NO_HOUR = frozenset({"procent", "percent", "euro", "euros", "minuten", "minutes", "min",
                      "dagen", "days", "weken", "weeks", "man", "people", "mensen", "keer",
                      "times", "printers", "rollen", "rolls", "jaar", "years", "maanden",
                      "months", "uurtjes", "hours", "of", "van"})
_ONE = frozenset({"een", "één", "one"})  # "om een demo te geven", "at one of your sites"


def _has_clock_in_words(words: list[str], number_words: dict[str, float]) -> bool:
    """'om tien uur', 'at ten', 'om half negen', 'at quarter past two': a diary takes an
    hour in words as well as in figures ('at ten people' counts heads, no time)."""

    def hour(word: str) -> bool:
        value = number_words.get(word)
        return value is not None and value == int(value) and 1 <= value <= 12

    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if hour(w) and nxt in {"uur", "oclock"}:
            return True
        if w not in _AT:
            continue
        rest = words[i + 1:i + 5]
        if rest[:1] and rest[0] in _HOUR_PARTS:
            rest = rest[2:] if rest[1:2] and rest[1] in _HOUR_LINKS else rest[1:]
        if rest[:1] and hour(rest[0]) and not (rest[1:2] and (
                rest[1] in _NO_HOUR or rest[0] in _ONE)):
            return True
    return False


def _has_clock_time(words: list[str]) -> bool:
    """'10 uur', '10am', '10:30' (two number words), '14h' make a proposal concrete."""
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w.isdigit() and (nxt in {"uur", "am", "pm", "oclock"} or (
            nxt.isdigit() and len(nxt) == 2 and int(nxt) < 60 and 0 < int(w) <= 23
        )):
            return True
        for suffix in _CLOCK_SUFFIXES:
            head = w.removesuffix(suffix)
            if head != w and head.isdigit() and 0 < int(head) <= 23:
                return True
    return False


_SELLER_SAYS = frozenset({"i", "we", "our", "my", "ik", "wij", "onze", "mijn", "me", "mij"})
CONCLUSION_WORDS = 20  # longer, it recaps the call (a summary) or argues
CONCLUSION_AT = 4  # "u vergelijkt ons dus ...": the "dus" follows her and the verb


def _conclusion_to_confirm(msg: Analyzed, lm: LanguageModel, moves: set[str]) -> bool:
    """"So you print all the labels yourselves, here on the floor.", "Dus die storingsdienst
    komt alleen als jullie bellen.", "U vergelijkt ons dus ook met een andere cateraar.":
    one sentence that draws a conclusion about her side for her to confirm is a closed
    question without its question mark (a trainer reads it so, and she answers it). The
    seller's own plans ("so I'll send the quote"), a condition ("so if you sign ...") and
    any move (a proposal, a pitch, a summary) say something instead."""
    if msg.question_mark or len(msg.sentences) != 1 or moves - {"acknowledge"}:
        return False
    words = strip_fillers(msg.words, lm.lexicon.fillers - _SO)
    while words[:1] and words[0] in _OK:
        words = words[1:]
    if not words or len(words) > CONCLUSION_WORDS or _SELLER_SAYS & set(words):
        return False
    if not _BUYER & set(words):
        return False  # "so that's that": nothing of hers to confirm
    if words[0] in _SO:
        return len(words) > 2 and words[1] not in lm.lexicon.subordinators and (
            words[1] not in lm.lexicon.question_words)
    return words[0] in _BUYER and bool(_SO & set(words[1:CONCLUSION_AT]))


# "when"/"wanneer" opening a clause about what happens, before the clause that asks
_CONDITION_WORDS = frozenset({"when", "wanneer", "whenever", "if"})
_DETERMINERS = frozenset({"the", "a", "an", "that", "this", "it", "there", "de", "het", "een",
                          "dat", "dit", "er", "zo'n", "such"})


def _sets_a_condition(clause: list[str], lex: Lexicon) -> bool:
    """"When that happens, ...", "wanneer de printer vastloopt, ...": a clause that opens
    with "when" and its subject (no verb: "when does it end?" asks) sets the scene for
    the question after it."""
    return len(clause) > 2 and clause[0] in _CONDITION_WORDS and (
        clause[1] in lex.subjects or clause[1] in _DETERMINERS)


# "..., en is er al budget?", "and is there a budget yet?": "there" opens a question as a
# subject does
_THERE = frozenset({"er", "there"})


def _choice_clause(clause: list[str], lex: Lexicon) -> bool:
    """A clause joined on by "and" that offers a choice without a verb of its own: "and
    before or after office hours?", "en voor of na kantoortijd?" asks a second thing."""
    return len(clause) > 3 and clause[0] in _AND and clause[1] in lex.prepositions and (
        clause[2] in {"or", "of"}) and clause[3] in lex.prepositions


def count_questions(msg: Analyzed, lm: LanguageModel) -> int:
    """Question words that open a clause or follow 'and'/'or': "wie ... en hoe ..." is two."""
    lex = lm.lexicon
    count = 0
    closed_alone = 0  # verb-first questions of their own sentence: "are you happy with them?"
    marked = any(s.question_mark for s in msg.sentences)
    for sentence in msg.sentences:
        if marked and not sentence.question_mark:
            continue  # "What works well is a fixed team. Would that suit you?" asks one
        clauses = sentence.clauses if sentence.question_mark else sentence.clauses[:1]
        # "do u have a cleaner now and are u happy with them?": a verb-first question asks
        # one thing too, counted once a second question follows it
        opened = strip_fillers(sentence.words, lex.fillers)
        closed_first = sentence.question_mark and len(opened) > 1 and (
            opened[0] in lex.question_verbs and opened[1] in lex.subjects)
        before = count
        for k, clause in enumerate(clauses):
            for i, word in enumerate(clause):
                if i == 0 and k + 1 < len(clauses) and _sets_a_condition(clause, lex):
                    continue  # "When that happens, what does it mean for ...?" asks once
                if word in lex.question_words and not _embedded(clause, i, lex) and (
                    i == 0 or clause[i - 1] in JOINERS or clause[i - 1] in lex.fillers
                    or (i > 1 and clause[i - 2] in JOINERS and (
                        clause[i - 1] in lex.frame_words or clause[i - 1] in lex.prepositions))
                    or (i == 1 and clause[0] in lex.prepositions)
                ):  # "... and roughly how many ...?", "om hoeveel ...?", "and by when" ask too
                    count += 1
                elif i and clause[i - 1] in JOINERS and word in lex.question_verbs and (
                    i + 1 < len(clause) and clause[i + 1] in lex.subjects | _THERE
                ) and (count or (closed_first and clause[i - 1] in _AND)):
                    count += 1  # "wie doet het nu en bent u tevreden?" asks two things
            if k and count > before and _choice_clause(clause, lex):
                count += 1  # "how often do they come, and before or after office hours?"
        if closed_first and count > before:
            count += 1
        elif closed_first and count == before:
            closed_alone += 1
        elif sentence.question_mark and count == before and len(opened) > 2 and (
                len(clauses) == 1 and not {"or", "of"} & set(opened)) and any(
                s.question_mark for s in msg.sentences[:msg.sentences.index(sentence)]):
            # "when do u want to decide? budget for next yr already set?": a later question
            # typed without its verb asks a thing of its own ("Alleen u?" only narrows, and
            # "Corrections, angry phone calls?" lists what the question before may bring)
            closed_alone += 1
    # "are you happy with them? and who else decides?" asks two things, as "who decides and
    # are you happy?" does; a yes/no question alone ("is dat goed?") still counts as none
    return count + closed_alone if count else count


def classify(msg: Analyzed, lm: LanguageModel, moves: set[str]) -> QuestionInfo:
    # A learner who puts a question mark somewhere punctuates: the sentences without one
    # state ("What works well in offices like yours is a fixed cleaner. Would that suit
    # you?" asks the second); unpunctuated phone typing is read by its words
    marked = any(s.question_mark for s in msg.sentences)
    # a message closed with a full stop tells: its "when" opens a condition ("So when people
    # join or leave you only pay for the phones in use."), not a question typed without "?"
    told = not marked and msg.raw.rstrip().endswith(".")
    forms = [f for f in (sentence_form(s, lm) for s in msg.sentences
                         if (s.question_mark or not marked)
                         and not (told and _opens_a_condition(s, lm))) if f]
    intent = bool(lm.intents.match(msg))
    if not forms and _conclusion_to_confirm(msg, lm, moves):
        forms = ["closed"]  # "so you print the labels yourselves." asks her to confirm it
    if not forms:
        return QuestionInfo(False, None, None, intent)
    form = forms[0]
    # "You said the film tears: how often does the line stop?" recalls her words to ask an
    # open question, which gathers information like any other (a closed one checks a recap)
    asking = moves - {"summarize"} if form == "open" else moves
    if form == "closed" and _checks_she_took_in_the_offer(msg):
        # "Did you get a chance to read the proposal?", "heeft u nog vragen over de prijs?":
        # a check on the offer sent, no question about her situation
        return QuestionInfo(True, form, None, True)
    spin = deepest = spin_type(msg, lm, asking)
    first = _first_of_two_questions(msg, lm)
    if spin is not None and first is not None:
        # "Which package do you use, and how happy are you with it?": the first question
        # gives the message its type, as it gives its form
        spin = spin_type(first, lm, asking) or spin
    return QuestionInfo(True, form, spin, True, deeper=spin != deepest)


_AND_JOINERS = frozenset({"and", "en", "plus"})
# "read", "look at", "gelezen", "bekeken": she took in what was sent
_TOOK_IN = frozenset({"read", "look", "looked", "glance", "seen", "see", "lezen", "gelezen",
                      "bekeken", "bekijken", "doorgenomen", "doornemen", "doorgelezen",
                      "doorlezen", "kijken", "gekeken", "inzien", "ingezien"})
# what the seller sent: the proposal, the quote, the price
_SENT = frozenset({"proposal", "quote", "quotation", "offer", "price", "prices", "brochure",
                   "email", "mail", "voorstel", "offerte", "aanbod", "prijs", "prijzen",
                   "prijsindicatie", "it", "hem", "het", "m", "ervan",
                   "sent", "gestuurd", "stuurde", "toegestuurd"})
_QUESTIONS = frozenset({"questions", "question", "vragen", "vraag"})
_MORE = frozenset({"any", "more", "other", "further", "nog", "verder", "andere", "meer"})


def _checks_she_took_in_the_offer(msg: Analyzed) -> bool:
    """One closed question whether she read or looked at what was sent ("did u get a
    chance to look at the price i sent?"), or whether she has any questions ("Any
    questions so far?", "had je daar nog vragen over?"): a check, no SPIN type."""
    asking = [s for s in msg.sentences if s.question_mark] or msg.sentences[-1:]
    if len(asking) != 1:
        return False
    words = set(asking[0].words)
    if words & _QUESTIONS and words & _MORE:
        return True
    return bool(words & _TOOK_IN and words & _SENT)


_CONDITION_WORDS = frozenset({"when", "whenever", "wanneer", "zodra"})


def _opens_a_condition(sentence: Sentence, lm: LanguageModel) -> bool:
    """"when people join ...", "wanneer er iemand bij komt ...": the sentence's question
    word opens a condition (no verb right after it, as a question has)."""
    words = strip_fillers(sentence.words, lm.lexicon.fillers)
    while words and words[0] in JOINERS | {"so", "dus", "then", "dan"}:
        words = words[1:]
    return len(words) > 2 and words[0] in _CONDITION_WORDS and (
        words[1] not in lm.lexicon.question_verbs)


def _first_of_two_questions(msg: Analyzed, lm: LanguageModel) -> Analyzed | None:
    """The first of two questions one sentence joins ("who cleans now, and are you happy
    with them?"): the words up to where the second opens with "and" and a question word
    or a verb and its subject, when the words before ask a fact of their own."""
    lex = lm.lexicon
    asking = [s for s in msg.sentences if s.question_mark] or msg.sentences[:1]
    words = asking[0].words
    for i in range(2, len(words) - 1):
        if words[i - 1] not in _AND_JOINERS:
            continue
        second = words[i] in lex.question_words or (
            words[i] in lex.question_verbs and words[i + 1] in lex.subjects)
        if not second:
            continue
        head = strip_fillers(words[:i - 1], lex.fillers)
        if head[:1] != [] and (head[0] in _FACT_OPENERS or tuple(head[:2]) in _HOW_MANY):
            return lm.pipeline.analyze(" ".join(head) + "?")
        return None
    return None


# A first question that asks a fact of her situation: who, which, how many, where ("what
# goes well, and what could be better?" asks one thing twice over)
_FACT_OPENERS = frozenset({"who", "wie", "which", "welke", "welk", "hoeveel", "where", "waar"})
_HOW_MANY = frozenset({("how", "many"), ("how", "much")})


def spin_type(msg: Analyzed, lm: LanguageModel, moves: set[str]) -> str | None:
    """None for questions that do not gather information (proposals, checks)."""
    if moves.intersection(_NON_INVENTORY):
        return None
    msg = _question_part(msg, lm)
    if _asks_her_view_of_the_offer(msg):
        return "situation"  # her reaction to the offer she has, as the dev labels read it
    msg = _compound_heads(_brands_as_nouns(msg, lm), lm)
    found = lm.spin.match(msg)
    if "implication" in found and _reacts_to_the_offer(msg, lm):
        del found["implication"]  # "what was your first reaction to the proposal?"
    if "need_payoff_value" in found and _value_is_hypothetical(msg, lm):
        found["need_payoff"] = 100.0
    if "implication" in found and _asks_her_bill(msg, lm):
        del found["implication"]  # "what does it cost you now per month?" asks her price
    condition = _condition(msg, lm, _OCCASIONS)
    if condition is not None:
        # "What would it mean if your people didn't like the food?" asks about the
        # consequence of a problem; "... if the printers just kept running?" about value.
        # "What does it cost you when the line stops?" too; "who fixes them when they
        # break?" asks who, the breaking is only the occasion.
        bad = _names_a_problem(condition, lm)
        hypothesis = _condition(msg, lm, _IFS)
        if "need_payoff" in found and hypothesis is not None and _names_a_problem(hypothesis, lm):
            del found["need_payoff"]
            found["implication"] = 100.0
        elif bad and not found.keys() & {"need_payoff", "implication"}:
            main = _head_clause(msg, lm)
            if main and main[0] in lm.lexicon.question_words and (
                main[0] in _ASKS_WHO_WHICH
            ) and not lm.spin.match(lm.pipeline.analyze(" ".join(main))).keys() - {
                    "need_payoff_value"}:
                return "situation"
            if _COSTS & set(main or []):
                return "implication"
        elif not found.keys() & {"need_payoff", "implication"} and _others_react(msg, lm):
            return "implication"
    if "need_payoff" in found and "need_payoff_value" not in found and "problem" in found and (
            _bare_supposition(msg, lm)):
        # "What would you change, if you could?" supposes nothing changed: it asks what
        # she is unhappy with (a problem question), no value of a solution
        del found["need_payoff"]
    if "problem" in found and not found.keys() & {"need_payoff", "implication"} and (
            _COST_VERBS & set(msg.words)) and msg.words[:1] and (
            msg.words[0] in lm.lexicon.question_words):
        return "implication"  # "wat kost een storing?": what the problem costs her
    if "need_payoff" in found and "need_payoff_value" not in found and _if_it_happens(msg):
        return "implication"  # "wat als dat in de piek gebeurt?": the problem, not its fix
    if "need_payoff" in found and "need_payoff_value" not in found and _then_asks(msg, lm):
        return "implication"  # "wat als Joke in november stopt, wie doet het dan?"
    for kind in ("need_payoff", "implication", "problem"):
        if kind in found:
            return kind
    return "situation"


# "what if that happens in the peak?" asks what the problem leads to; "what if that were
# fixed?" asks its value (a fix or relief word), and so does "what would that bring?"
_IF_WORDS = (("wat", "als"), ("what", "if"), ("en", "als"), ("and", "if"))
_HAPPENS = frozenset({"gebeurt", "gebeurde", "happens", "happened", "happen", "voorkomt",
                      "occurs", "plaatsvindt"})


def _bare_supposition(msg: Analyzed, lm: LanguageModel) -> bool:
    """The only supposition is "if you could", "als het kon": a subject and a modal verb,
    nothing supposed about her situation."""
    hypothesis = _condition(msg, lm, _IFS)
    return hypothesis is not None and 0 < len(hypothesis) <= 2 and all(
        w in lm.lexicon.subjects or w in _MODALS for w in hypothesis)


_MODALS = frozenset({"could", "can", "would", "might", "were", "did", "kon", "kan", "kunt",
                     "zou", "mocht", "mag", "kunnen", "zouden", "konden"})


COMPOUND_MIN = 9  # letters of a word that may be a compound ("printerstoringen")
HEAD_MIN = 5  # letters of the head it ends in ("storingen")


def _compound_heads(msg: Analyzed, lm: LanguageModel) -> Analyzed:
    """Dutch writes compounds as one word and puts the head last: "printerstoringen" are
    "storingen", "salarisfouten" are "fouten". A compound ending in a word that is a SPIN
    keyword on its own names that word too."""
    if lm.lexicon.stemmer != "dutch":
        return msg
    single = lm.spin.single_stems()
    heads: dict[int, tuple[str, str]] = {}
    for i, word in enumerate(msg.words):
        if len(word) < COMPOUND_MIN or not word.isalpha() or msg.stems[i] in single:
            continue
        for cut in range(3, len(word) - HEAD_MIN + 1):
            stem = lm.pipeline.stem(word[cut:])
            if stem in single:
                heads[i] = (word[cut:], stem)  # the compound stands for its head
                break
    if not heads:
        return msg
    words = [heads[i][0] if i in heads else w for i, w in enumerate(msg.words)]
    stems = [heads[i][1] if i in heads else stem for i, stem in enumerate(msg.stems)]
    return replace(msg, words=words, stems=stems, memo={},
                   stem_set=msg.stem_set | {stem for _w, stem in heads.values()})


def _then_asks(msg: Analyzed, lm: LanguageModel) -> bool:
    """"What if Joke retires in November, who does it then?" supposes an event and asks
    what follows from it (who, what, how): the consequence of a situation, not the value of
    a fix, unless the supposition is the fix ("what if we took that off your hands?")."""
    words = msg.words
    starts = [i for i, pair in enumerate(pairwise(words)) if pair in _IF_WORDS]
    if not starts or (_FIXED | _RELIEF) & set(words):
        return False
    supposed = words[starts[0] + 2:starts[0] + 3]
    if set(supposed) & _SELLER_OR_HER:
        return False  # "what if we took that over / you didn't have to ..., what then?"
    after = words[starts[0] + 3:]
    return any(w in lm.lexicon.question_words for w in after) and bool(
        {"dan", "then"} & set(after))


_SELLER_OR_HER = frozenset({"we", "wij", "you", "u", "je", "jij", "jullie", "ik", "i"})


def _if_it_happens(msg: Analyzed) -> bool:
    words = msg.words
    pairs = set(pairwise(words))
    return bool(pairs.intersection(_IF_WORDS)) and bool(_HAPPENS & set(words)) \
        and not (_FIXED | _RELIEF) & set(words)


# "welke merken", "wat voor merken": the noun (brands), not the verb (to notice)
_BRAND_NOUN = ("merken", "merknamen")
_BEFORE_NOUN = frozenset({"welke", "voor", "andere", "deze", "die", "alle", "de", "twee",
                          "drie", "verschillende"})


_BEFORE_BRAND = frozenset({"welk", "welke", "het", "een", "dat", "dit", "ander", "hetzelfde",
                           "zelfde", "uw", "jullie", "je"})
_SUBJECT_AFTER = frozenset({"je", "jij", "u", "jullie", "ik"})


def _brands_as_nouns(msg: Analyzed, lm: LanguageModel) -> Analyzed:
    """"Welke merken zijn dat?" asks which brands; "merken" as a verb ("wat merken uw
    klanten daarvan?") asks about consequences."""
    words = msg.words
    noun, singular = _BRAND_NOUN

    def brand(i: int, w: str) -> bool:
        # "welke merken", "van welk merk" (not "merk je dat?", "merkt u dat?")
        nxt = words[i + 1] if i + 1 < len(words) else ""
        return bool(i) and ((w == noun and words[i - 1] in _BEFORE_NOUN) or (
            w == "merk" and words[i - 1] in _BEFORE_BRAND and nxt not in _SUBJECT_AFTER))

    if not any(brand(i, w) for i, w in enumerate(words)):
        return msg
    text = " ".join(singular if brand(i, w) else w for i, w in enumerate(words))
    return lm.pipeline.analyze(text + ("?" if msg.question_mark else ""))


def _question_part(msg: Analyzed, lm: LanguageModel) -> Analyzed:
    """The sentences that ask: the SPIN type is what the question is about, not the remark
    before it ("u heeft het druk. wat zou u in de brochure willen zien?")."""
    asking = [s for s in msg.sentences if s.question_mark]
    if not asking or len(asking) == len(msg.sentences):
        return msg
    # cut from the message itself (words, stems and typo fixes line up): no second analysis
    words: list[str] = []
    stems: list[str] = []
    corrections: dict[int, set[str]] = {}
    start = 0
    for sentence in msg.sentences:
        end = start + len(sentence.words)
        if sentence.question_mark:
            for i in range(start, end):
                if i in msg.corrections:
                    corrections[len(words) + i - start] = msg.corrections[i]
            words.extend(msg.words[start:end])
            stems.extend(msg.stems[start:end])
        start = end
    stem_set = set(stems) | set(words)
    for fixed in corrections.values():
        stem_set |= fixed
    return Analyzed(raw=msg.raw, words=words, stems=stems, stem_set=stem_set,
                    sentences=asking, numbers=msg.numbers, question_mark=True,
                    corrections=corrections)


_IFS = frozenset({"if", "als", "indien", "mocht"})  # a supposed change
_OCCASIONS = _IFS | {"when", "whenever", "wanneer", "zodra"}  # ... or just the occasion
# "no longer", "nooit meer": a problem gone, the value of a solution
_RELIEF = frozenset({"meer", "again", "longer", "anymore", "hoeft", "hoef", "hoeven", "need"})
_RELIEF_PHRASES = ("have to", "had to", "has to", "no more")
# "never ... again", "nooit meer": a problem gone for good ("doesn't show again" recurs)
_FOR_GOOD = frozenset({"never", "nooit", "anymore", "longer"})
# "if breakdowns were fixed within four hours", "if the jams were gone": a problem solved
# is the value of a solution
_FIXED = frozenset({"verholpen", "opgelost", "gerepareerd", "gemaakt", "voorkomen", "fixed",
                    "solved", "resolved", "repaired", "prevented", "avoided", "sorted",
                    "vervangen", "omgeruild", "replaced", "swapped",
                    # "if the jams were gone", "als de storingen weg waren": gone is fixed
                    "gone", "disappeared", "vanished", "eliminated", "weg", "verdwenen",
                    "uitgebannen", "voorbij"})
# "als u minder tijd kwijt bent aan nabellen", "if there were fewer stops": a problem made
# smaller is the value of a solution, not its consequence
_LESS = frozenset({"minder", "less", "fewer"})
# "Stel dat ...", "Suppose ...": a clause that opens a supposition
_SUPPOSE = frozenset({"stel", "suppose", "supposing", "imagine", "stelt"})
_ASKS_WHO_WHICH = frozenset({"who", "wie", "which", "welke", "where", "waar", "whom"})
_COST_VERBS = frozenset({"kost", "kosten", "kostte", "cost", "costs"})
_PAY_WORDS = _COST_VERBS | {"pay", "pays", "paying", "spend", "spending", "betaalt", "betalen",
                            "betaal", "uitgeven", "geeft", "kwijt"}
# a period or "now" that a price is quoted for; a problem's cost is asked about "that"
_BILLED = (("per", "month"), ("a", "month"), ("per", "year"), ("a", "year"),
           ("per", "maand"), ("per", "jaar"), ("in", "de", "maand"), ("op", "jaarbasis"))
_BILLED_WORDS = frozenset({"monthly", "annually", "yearly", "maandelijks", "jaarlijks", "now",
                           "currently", "nu", "momenteel", "tegenwoordig"})
_BACK = frozenset({"that", "this", "those", "these", "it's", "dat", "dit", "die", "deze",
                   "daarmee", "daardoor", "daar"})


def _asks_her_bill(msg: Analyzed, lm: LanguageModel) -> bool:
    """What she pays now or per period, asked with the cost words an implication question
    uses: "What does it cost you now per month, roughly?", "wat kost het u nu per maand?".
    "What does that cost you per month?" asks what her problem costs: it points back; so
    does "wat kost één gemiste vrachtwagen jullie nu?", which names the problem."""
    words = msg.words
    text = f" {' '.join(words)} "
    billed = bool(_BILLED_WORDS & set(words)) or any(
        f" {' '.join(p)} " in text for p in _BILLED)
    if not (billed and _PAY_WORDS & set(words)) or _BACK & set(words):
        return False
    rest = [w for w in words if w not in _PAY_WORDS and w not in _BILLED_WORDS]
    return not lm.spin.match(lm.pipeline.analyze(" ".join(rest))).keys() & {
        "problem", "implication"}
_COSTS = frozenset({"kost", "kosten", "cost", "costs", "tijd", "time", "geld", "money",
                    "boete", "boetes", "fine", "fines", "penalty", "penalties", "claim",
                    "claims"})


def _split_condition(msg: Analyzed, markers: frozenset[str]) -> int | None:
    """Where a condition starts ("... als de lijn stilstaat", "... when it breaks"), if
    the message holds one after its first words."""
    for i, word in enumerate(msg.words):
        if i > 1 and word in markers:
            return i
    return None


def _condition(msg: Analyzed, lm: LanguageModel, markers: frozenset[str]) -> list[str] | None:
    """The words of the condition: a clause opening with a marker ("If you went for ...,
    what would that mean?"), or what follows a marker later on."""
    for sentence in msg.sentences:
        for clause in sentence.clauses[:-1]:
            if clause[:1] and (clause[0] in markers or clause[0] in _SUPPOSE):
                return clause[1:]
    at = _split_condition(msg, markers)
    return None if at is None else msg.words[at + 1:]


def _head_clause(msg: Analyzed, lm: LanguageModel) -> list[str] | None:
    at = _split_condition(msg, _OCCASIONS)
    head = msg.words if at is None else msg.words[:at]
    return [w for w in head if w not in lm.lexicon.fillers] or None


_WHAT_HOW = frozenset({"wat", "hoe", "what", "how"})  # not "who else has a say", "when ..."


def _others_react(msg: Analyzed, lm: LanguageModel) -> bool:
    """"What do the notaries think when someone vacuums?", "how do clients react if ...":
    how others take what happens is its consequence (implication), not her satisfaction."""
    main = _head_clause(msg, lm)
    lex = lm.lexicon
    return bool(main) and main is not None and main[0] in _WHAT_HOW and bool(
        lex.reaction_words & set(main)) and not lex.second_person & set(main)


# "the proposal", "de offerte": the seller's offer, what a reaction to it is about
_OFFER_NOUNS = frozenset({"proposal", "proposals", "quote", "quotation", "offer", "voorstel",
                          "voorstellen", "offerte", "aanbod", "prijsindicatie"})
_REACTION_PREFIXES = ("reacti", "react", "reage")


def _reacts_to_the_offer(msg: Analyzed, lm: LanguageModel) -> bool:
    """"What was your first reaction to the proposal?" asks her opinion of the offer;
    only "how do clients react when parcels are late?" asks about a consequence."""
    if not _OFFER_NOUNS & set(msg.words):
        return False
    rest = [w for w in msg.words if not w.startswith(_REACTION_PREFIXES)]
    if len(rest) == len(msg.words):
        return False
    return "implication" not in lm.spin.match(lm.pipeline.analyze(" ".join(rest)))


def _names_a_problem(words: list[str], lm: LanguageModel) -> bool:
    """A problem, or something not happening, and not both ("if it never jams again")."""
    found = lm.spin.match(_compound_heads(lm.pipeline.analyze(" ".join(words)), lm))
    problem = bool(found.keys() & {"problem", "implication"})
    relief = bool(_RELIEF & set(words)) or any(p in " ".join(words) for p in _RELIEF_PHRASES)
    negated = bool(lm.lexicon.negations & set(words))
    if problem and _FIXED & set(words):
        return negated  # "if breakdowns were fixed in four hours" (not "weren't fixed")
    if problem and _LESS & set(words) and (relief or not negated):
        return False  # "... minder tijd kwijt, en geen gedoe meer": smaller, or gone
    if negated and relief and _FOR_GOOD & set(words):
        return False  # "if they never jammed again", "als u nooit meer hoeft te bellen"
    return problem != (negated and not relief)


def _value_is_hypothetical(msg: Analyzed, lm: LanguageModel) -> bool:
    """"Would that be useful?" asks for value; "it is useful to you, what would you want
    to read?" does not: the value word and the "would" share a clause."""
    hypothetical = lm.lexicon.hypothetical
    if not any(w in hypothetical for w in msg.words):
        return False
    for sentence in msg.sentences:
        for clause in sentence.clauses:
            if hypothetical.intersection(clause) and "need_payoff_value" in lm.spin.match(
                    lm.pipeline.analyze(" ".join(clause))):
                return True
    return False
