"""Recognise topics in a message from keyword cues and example phrasings.

Everything is precomputed when a scenario is compiled, and a message only touches the
entries that share a word with it (inverted indexes), so a turn costs about the same on
a scenario with a thousand facts as on one with twenty.

Keyword grammar (documented for trainers in README.md): an entry is alternatives
separated by ``|``; an alternative is words that must all appear, in any order; a word
ending in ``*`` matches any word starting with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from bot.engine.text import Analyzed, TextPipeline

PHRASING_THRESHOLD = 86.0
MIN_TYPO_LEN = 5
MAX_REMEMBERED = 50_000  # corrections kept per corrector (like the stems per pipeline)
# A keyword whose words stand apart counts this much less sure per word in between.
SPREAD_COST = 0.4
# A word that says what kind of question it is ("how much time", "what does it cost"),
# not what it is about, counts this much of a topic word when facts are ranked.
FRAME_WEIGHT = 0.2
MIN_SURE = 0.01
LOOSE_CLAUSE_SPAN = 12  # the furthest apart the words of a "lopen ... vast" keyword stand
# Dutch separable-verb particles: they close the clause, far from their verb ("valt ... uit")
_PARTICLES = frozenset({"uit", "vast", "mis", "af", "op", "aan", "door", "mee", "tegen",
                        "terug", "weg", "toe", "los", "stil", "achter", "over", "om", "in"})
QUALIFIER_SHARE = 0.25  # of a word's spread cost, for words in a phrase that qualifies


@dataclass(frozen=True, slots=True)
class _Alternative:
    topic: str
    stems: tuple[str, ...]
    prefixes: tuple[str, ...]
    sequence: tuple[tuple[str, bool, str], ...]  # (stem or prefix, is_prefix, word) in order
    loose: bool = False  # "lopen ... vast": near each other, not side by side (Dutch particles)
    stem_set: frozenset[str] = frozenset()  # ``stems`` for a subset test done in C
    spaced_prefixes: tuple[str, ...] = ()  # " " + each prefix, found in ``_spaced``


class TypoCorrector:
    """Maps a mistyped word to a known cue word (symmetric-delete lookup + rapidfuzz check)."""

    def __init__(self) -> None:
        self.vocab: set[str] = set()
        self._deletes: dict[str, set[str]] = defaultdict(set)
        self._seen: dict[str, list[str]] = {}  # word -> its corrections, until a word is added

    def add(self, word: str) -> None:
        if word in self.vocab:
            return
        self.vocab.add(word)
        self._seen.clear()
        if len(word) >= MIN_TYPO_LEN and word.isalpha():
            for variant in _deletes(word, 2 if len(word) >= 8 else 1):
                self._deletes[variant].add(word)

    def correct(self, word: str) -> list[str]:
        """Every known word at the smallest edit distance (ties are all kept)."""
        if len(word) < MIN_TYPO_LEN or word in self.vocab or not word.isalpha():
            return []
        seen = self._seen.get(word)
        if seen is None:
            if len(self._seen) >= MAX_REMEMBERED:
                self._seen.clear()  # a long-running bot meets ever new words
            seen = self._seen[word] = self._correct(word)
        return list(seen)

    def _correct(self, word: str) -> list[str]:
        budget = 2 if len(word) >= 8 else 1
        candidates: set[str] = set()
        for variant in _deletes(word, budget):
            candidates |= self._deletes.get(variant, set())
        best: list[str] = []
        best_distance = budget + 1
        for cand in candidates:
            if cand[0] != word[0]:
                continue  # typos rarely hit the first letter; "meter" is not "beter"
            limit = min(budget, 2 if len(cand) >= 8 else 1)
            distance = DamerauLevenshtein.distance(word, cand, score_cutoff=limit)
            if distance > limit:
                continue
            if distance < best_distance:
                best, best_distance = [cand], distance
            elif distance == best_distance:
                best.append(cand)
        return best


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        out |= nxt
        frontier = nxt
    return out


class CueIndex:
    """All keyword alternatives and phrasings of one kind of topic, for one language."""

    def __init__(
        self,
        pipeline: TextPipeline,
        corrector: TypoCorrector | None = None,
        *,
        ordered: bool = False,
        mended: bool = False,
    ) -> None:
        self.pipeline = pipeline
        self.ordered = ordered
        # an ordered cue word may stand as a typo the corrector mended ("exmaple"): for
        # short lists of unmistakable words only; on the move lists it read "marco" as cues
        self.mended = mended
        self.corrector = corrector
        self._alts: list[_Alternative] = []
        self._by_stem: dict[str, list[int]] = defaultdict(list)
        self._by_head: dict[str, list[int]] = defaultdict(list)
        self._phrasings: list[tuple[str, frozenset[str], str]] = []
        self._phrasing_by_stem: dict[str, list[int]] = defaultdict(list)
        # stems that frame a question rather than name its topic (see FRAME_WEIGHT)
        self.frame: frozenset[str] = frozenset()
        self.question: frozenset[str] = frozenset()  # question words: no topic either
        self._weights: list[float] = []  # per alternative, filled on first use (frame set)
        self._single: tuple[int, frozenset[str]] | None = None  # see ``single_stems``

    def stems(self) -> frozenset[str]:
        """The stems the alternatives are found by (each one's longest word)."""
        return frozenset(self._by_stem)

    def add_keywords(self, topic: str, entries: Iterable[str]) -> None:
        for entry in entries:
            for alternative in entry.split("|"):
                self._add_alternative(topic, alternative)

    def _add_alternative(self, topic: str, text: str) -> None:
        stems: list[str] = []
        prefixes: list[str] = []
        sequence: list[tuple[str, bool, str]] = []
        loose = "..." in text
        for raw in text.replace("...", " ").split():
            is_prefix = raw.endswith("*")
            for word in self.pipeline.tokens(raw.rstrip("*")):
                if is_prefix:
                    prefixes.append(word)
                    sequence.append((word, True, word))
                else:
                    stems.append(self.pipeline.stem(word))
                    sequence.append((stems[-1], False, word))
        if not stems and not prefixes:
            return
        index = len(self._alts)
        self._alts.append(_Alternative(topic, tuple(stems), tuple(prefixes), tuple(sequence),
                                       loose, frozenset(stems),
                                       tuple(f" {p}" for p in prefixes)))
        if stems:
            # Every stem must be present, so one rare stem is enough to find the candidate:
            # indexing "you said" under "you" too would make every message a candidate.
            common = self.pipeline.lexicon.stopwords
            anchor = max(sorted(set(stems)), key=lambda w: (w not in common, len(w)))
            self._by_stem[anchor].append(index)
            if self.corrector is not None:
                for stem in set(stems):
                    self.corrector.add(stem)
        else:
            self._by_head[prefixes[0][:3]].append(index)

    def names(self, topic: str, stems: frozenset[str]) -> bool:
        """One of these stems is a word of one of the topic's keywords ("clean" in
        "often clean*"), whole or as the start of a prefix keyword."""
        return any(alt.topic == topic and (
            stems & alt.stem_set or any(st.startswith(p) for p in alt.prefixes for st in stems))
            for alt in self._alts)

    def single_stems(self) -> frozenset[str]:
        """The stems that are a keyword on their own ("storing", "klachten"), worked out
        once: a Dutch compound ending in one ("printerstoringen") names it too."""
        known = self._single
        if known is None or known[0] != len(self._alts):
            stems = frozenset(a.stems[0] for a in self._alts
                              if len(a.stems) == 1 and not a.prefixes)
            self._single = known = (len(self._alts), stems)
        return known[1]

    def add_phrasings(self, topic: str, phrasings: Iterable[str]) -> None:
        for phrasing in phrasings:
            content = self.content_stems(self.pipeline.tokens(phrasing))
            if len(set(content)) < 2:
                continue  # one content word is a keyword's job; as a phrasing it fires alone
            index = len(self._phrasings)
            self._phrasings.append((topic, frozenset(content), " ".join(content)))
            qwords = self.pipeline.lexicon.question_words
            for stem in set(content) - qwords:  # "what" would make every question a candidate
                self._phrasing_by_stem[stem].append(index)
                if self.corrector is not None:
                    self.corrector.add(stem)

    def content_stems(self, words: Iterable[str]) -> list[str]:
        """Words that carry meaning; question words stay, they tell questions apart."""
        lex = self.pipeline.lexicon
        return [self.pipeline.stem(w) for w in words
                if w not in lex.stopwords or w in lex.question_words]

    def match(self, msg: Analyzed, where: dict[str, int] | None = None,
              framed: set[str] | None = None,
              spans: dict[str, tuple[int, int]] | None = None) -> dict[str, float]:
        """Topics the message refers to, with a confidence 0-100 (over 100: a keyword
        match, surer the more topic words it holds). ``where`` receives the position of
        each topic's first word in the message, so answers can follow the order asked;
        ``framed`` the topics matched only by words that frame a question ("how much time
        does it cost"), weaker than any match that names what is asked about; ``spans``
        the first and last word of each topic's keyword match (phrasings give none)."""
        found: dict[str, float] = {}
        # the message's stems (and typo and hyphen corrections), not its raw words: a raw
        # "gegevens" or "alles" is no stem "geven" or "als"
        present = _present(msg)
        candidates: set[int] = set()
        by_stem, by_head = self._by_stem, self._by_head
        for stem in by_stem.keys() & present:
            candidates.update(by_stem[stem])
        if by_head:
            for head in by_head.keys() & _heads(msg):
                candidates.update(by_head[head])
        if not candidates:  # most lists on most messages
            if self._phrasings:
                self._match_phrasings(msg, found, where)
            return found
        if len(self._weights) != len(self._alts):
            self._weights = [self._weight(a) for a in self._alts]
        weights = self._weights
        starts: list[int] | None = None  # where a second question starts, when needed
        best: dict[str, float] = {}
        sure: dict[str, float] = {}
        for index in candidates:
            alt = self._alts[index]
            words = weights[index]
            if alt.topic in best and (self.ordered or words <= sure[alt.topic]):
                continue  # cue lists only need the topic; facts the surest alternative
            if not alt.stem_set <= present or (alt.prefixes and not all(
                    p in _spaced(msg) for p in alt.spaced_prefixes)):
                continue  # a prefix " schoon" in " de schoonmaak": a word starting with it
            if self.ordered and not alt.loose and not _in_sequence(alt.sequence, msg, self.mended):
                continue
            spread = 0.0
            start: int | None = None  # where the keyword's tightest stretch begins
            end: int | None = None
            if not self.ordered and len(alt.sequence) > 1:
                # "who decides on the cleaning, and when does ..." asks no "when clean"
                if starts is None:
                    starts = _question_starts(msg, self.pipeline.lexicon.question_words,
                                              self.pipeline.lexicon.prepositions)
                if not (self._question_word_leads(alt, msg)
                        and self._one_question(alt, msg, starts)):
                    continue
            if (not self.ordered or alt.loose) and len(alt.sequence) > 1:
                gap = _spread(alt.sequence, msg, exact=alt.loose,
                              prepositions=self.pipeline.lexicon.prepositions)
                if gap is None:
                    continue
                spread, start, end = gap
            # More words matched make a surer match: the score ranks the facts one question
            # could refer to (100 = any keyword match).
            # Words far apart are a looser match than the same words side by side ("who
            # decides about the cleaning" is about deciding, not about who cleans).
            score = max(words - SPREAD_COST * spread, MIN_SURE)
            if score <= sure.get(alt.topic, 0.0):
                continue  # more words, but further apart: the closer keyword stands
            best[alt.topic] = words
            sure[alt.topic] = score
            if spans is not None:
                spans[alt.topic] = self._content_span(alt, msg, start, end)
            if where is not None:
                # "how often ..., and how big is it?": "how big" stands where its own
                # "how" is, not at the first "how" of the message
                where[alt.topic] = (start if start is not None
                                    else _first_position(alt.sequence, msg))
            if framed is not None:
                if all(t in self.frame or t in self.question for t, _p, _w in alt.sequence):
                    framed.add(alt.topic)
                else:
                    framed.discard(alt.topic)
        for topic, score in sure.items():
            found[topic] = 100.0 + score
        if self._phrasings:
            self._match_phrasings(msg, found, where)
        return found

    def _content_span(self, alt: _Alternative, msg: Analyzed, start: int | None,
                      end: int | None) -> tuple[int, int]:
        """The first and last word of a keyword match that are no stopword: "orders the"
        found in "the purchase order number" stands on "order" alone."""
        low = start if start is not None else _first_position(alt.sequence, msg)
        high = end if end is not None else min(low + len(alt.sequence), len(msg.words)) - 1
        common = self.pipeline.lexicon.stopwords
        own = {i for t, p, _w in alt.sequence for i in _positions(t, p, msg)}
        content = [i for i in range(low, high + 1) if i in own and msg.words[i] not in common]
        return (content[0], content[-1]) if content else (low, high)

    def _question_word_leads(self, alt: _Alternative, msg: Analyzed) -> bool:
        """A keyword with a question word ("wanneer schoon*") is that question only when the
        question word comes first: in "wie beslist over de schoonmaak en wanneer loopt het
        contract af" the "when" opens the next question."""
        qwords = self.pipeline.lexicon.question_words
        leads = {w for _t, is_prefix, w in alt.sequence if not is_prefix and w in qwords}
        if not leads:
            return True
        starts = [i for i, w in enumerate(msg.words) if w in leads]
        # words the keyword puts before its question word lead into it: "tot wanneer",
        # "by when" (the spread keeps them near)
        first = next(k for k, (_t, p, w) in enumerate(alt.sequence) if not p and w in qwords)
        lead_in, rest = alt.sequence[:first], [
            (t, p, w) for t, p, w in alt.sequence[first:] if p or w not in qwords]
        return any(all(any(i >= start for i in _positions(t, p, msg)) for t, p, _w in rest)
                   and all(any(start - first <= i < start for i in _positions(t, p, msg))
                           for t, p, _w in lead_in)
                   for start in starts)

    @staticmethod
    def _one_question(alt: _Alternative, msg: Analyzed, starts: list[int]) -> bool:
        """All words of a keyword stand in one of the questions a message joins with "and":
        "who decides on the cleaning, and when does the contract end?" holds no "who does
        the cleaning"."""
        if not starts:
            return True
        bounds = [0, *starts, len(msg.words)]
        lists = [_positions(t, p, msg) for t, p, _w in alt.sequence]
        return any(all(any(lo <= i < hi for i in plist) for plist in lists)
                   for lo, hi in pairwise(bounds))

    def _weight(self, alt: _Alternative) -> float:
        """How much of the topic an alternative names: "hoeveel tijd kost" (a frame) weighs
        less than "overtypen" (the thing asked about)."""
        frame = self.frame
        return (sum(FRAME_WEIGHT if s in frame else 1.0 for s in alt.stems)
                + sum(FRAME_WEIGHT if p in frame else 1.0 for p in alt.prefixes))

    def _match_phrasings(self, msg: Analyzed, found: dict[str, float],
                         where: dict[str, int] | None = None) -> None:
        lex = self.pipeline.lexicon
        content = [s for s, w in zip(msg.stems, msg.words, strict=True)
                   if w not in lex.stopwords or w in lex.question_words]
        extra = msg.stem_set - set(msg.stems) - set(msg.words)
        content.extend(sorted(extra))  # typo corrections
        if not content:
            return
        text = " ".join(content)
        candidates: set[int] = set()
        for stem in set(content):
            candidates.update(self._phrasing_by_stem.get(stem, ()))
        for index in candidates:
            topic, stems, phrasing = self._phrasings[index]
            if found.get(topic, 0.0) >= 100.0:
                continue
            shared = len(stems.intersection(content))
            if shared < (len(stems) if len(stems) <= 3 else 0.7 * len(stems)):
                continue
            score = fuzz.token_set_ratio(text, phrasing)
            if score >= PHRASING_THRESHOLD and score > found.get(topic, 0.0):
                found[topic] = score
                if where is not None:
                    where[topic] = min((i for i, s in enumerate(msg.stems) if s in stems),
                                       default=len(msg.stems))


def _present(msg: Analyzed) -> set[str]:
    """The message's stems and its typo and hyphen corrections, not its raw words (a raw
    "gegevens" or "alles" is no stem "geven" or "als"). Worked out once per message;
    again only when a correction was added (the stem set only grows)."""
    size = len(msg.stem_set)
    known = msg.memo.get("present")
    if known is not None and known[0] == size:
        return known[1]  # type: ignore[no-any-return]
    present = set(msg.stems) | (msg.stem_set - set(msg.words))
    msg.memo["present"] = (size, present)
    return present


def _heads(msg: Analyzed) -> set[str]:
    """The first three letters of each word, where prefix cues ("schoon*") are looked up."""
    heads = msg.memo.get("heads")
    if heads is None:
        heads = msg.memo["heads"] = {word[:3] for word in msg.words}
    return heads


def _spaced(msg: Analyzed) -> str:
    """The message's words, each after a space: a word starts with a prefix exactly when
    " " + prefix occurs in it (words hold no space)."""
    spaced = msg.memo.get("spaced")
    if spaced is None:
        spaced = msg.memo["spaced"] = "".join(f" {w}" for w in msg.words)
    return spaced


def _same_word(word: str, stem: str, cue_stem: str, cue_word: str) -> bool:
    """Same stem and nearly the same spelling: "korte" is not "korting" though both stem to kort."""
    if word == cue_word:
        return True
    if stem != cue_stem:
        return False
    head = max(3, len(cue_word) - 2)
    return word[:head] == cue_word[:head]


def _in_sequence(sequence: tuple[tuple[str, bool, str], ...], msg: Analyzed,
                 mended: bool = False) -> bool:
    """The words stand next to each other, in this order, somewhere in the message (with
    ``mended``, a word may stand as a typo the corrector mended)."""
    stems, words = msg.stems, msg.words
    fixed = msg.corrections if mended else {}
    n = len(sequence)
    first, first_is_prefix, first_word = sequence[0]
    for start in range(len(stems) - n + 1):
        # the first word decides most starts; the same test as below, without a call
        if first_is_prefix:
            if not words[start].startswith(first):
                continue
        elif words[start] != first_word and stems[start] != first and (
                first not in fixed.get(start, ())):
            continue
        for offset, (term, is_prefix, cue_word) in enumerate(sequence):
            i = start + offset
            if is_prefix:
                if not words[i].startswith(term):
                    break
            elif not _same_word(words[i], stems[i], term, cue_word) and (
                    term not in fixed.get(i, ())):
                break
        else:
            return True
    return False


_JOINERS = frozenset({"en", "of", "and", "or"})


def _question_starts(msg: Analyzed, question_words: frozenset[str],
                     prepositions: frozenset[str] = frozenset()) -> list[int]:
    """Where a second question starts: a question word right after "and"/"or", or the
    preposition that leads into it ("and by when", "en tot wanneer")."""
    words = msg.words
    starts = []
    for i in range(1, len(words)):
        if words[i] not in question_words:
            continue
        if words[i - 1] in _JOINERS:
            starts.append(i)
        elif i >= 2 and words[i - 1] in prepositions and words[i - 2] in _JOINERS:
            starts.append(i - 1)
    return starts


def _first_position(sequence: tuple[tuple[str, bool, str], ...], msg: Analyzed) -> int:
    """Where a matched keyword starts in the message (its earliest word)."""
    found = [p for term, is_prefix, _ in sequence for p in _positions(term, is_prefix, msg)]
    return min(found, default=len(msg.words))


def _positions(term: str, is_prefix: bool, msg: Analyzed, word: str = "") -> list[int]:
    if word:  # the very word: a particle's stem is another word's too ("vast", "vaste")
        return [i for i, w in enumerate(msg.words) if w == word]
    if is_prefix:
        return [i for i, w in enumerate(msg.words) if w.startswith(term)]
    return [i for i, (s, w) in enumerate(zip(msg.stems, msg.words, strict=True))
            if s == term or w == term or term in msg.corrections.get(i, ())]


def _spread(sequence: tuple[tuple[str, bool, str], ...], msg: Analyzed,
            exact: bool = False,
            prepositions: frozenset[str] = frozenset()) -> tuple[float, int, int] | None:
    """How many other words stand between the words of one keyword (any order), and where
    the tightest stretch holding them starts and ends, or None when they are too far
    apart: "who cleans" must not match "who makes the final
    decision on a cleaning contract". Words that only qualify the first one ("the
    contract *with the repair firm* end") count a quarter: they keep the topic."""
    span = len(sequence) + 3  # Dutch puts particles far away: "wie maakt er nu bij u schoon"
    lists = [_positions(term, is_prefix, msg, word if exact and not is_prefix else "")
             for term, is_prefix, word in sequence]
    if any(not p for p in lists):
        return None
    window = _tightest(lists)
    if window is None or (window[1] - window[0] > span and not (
            exact and window[1] - window[0] <= LOOSE_CLAUSE_SPAN
            and sequence[-1][2] in _PARTICLES and _one_clause(msg, *window))):
        # a Dutch particle closes its clause however long the middle: "valt er in zo'n
        # drukke week een labelprinter uit" holds "valt ... uit"
        return None
    low, high = window
    # the parts of one hyphenated word stand at one place ("ict-coordinator"): no gap
    gap = max(high - low - (len(sequence) - 1), 0)
    if gap and msg.words[low + 1] in prepositions:
        return gap * QUALIFIER_SHARE, low, high
    return gap, low, high


def _one_clause(msg: Analyzed, low: int, high: int) -> bool:
    """Both positions stand in one clause of the message (no comma or sentence between)."""
    start = 0
    for sentence in msg.sentences:
        for clause in sentence.clauses or [sentence.words]:
            end = start + len(clause)
            if start <= low < end:
                return high < end
            start = end
    return False


def _tightest(lists: list[list[int]]) -> tuple[int, int] | None:
    """The smallest stretch of the message holding one occurrence of every word: a
    common word that comes again elsewhere ("together *with* your IT coordinator ...
    *with* it") must not stretch the keyword apart (a sweep over the sorted positions)."""
    events = sorted((p, i) for i, plist in enumerate(lists) for p in set(plist))
    need = len(lists)
    counts = [0] * need
    have = 0
    best: tuple[int, int] | None = None
    start = 0
    for pos, i in events:
        counts[i] += 1
        have += counts[i] == 1
        while have == need:
            low, j = events[start]
            if best is None or pos - low < best[1] - best[0]:
                best = (low, pos)
            counts[j] -= 1
            have -= counts[j] == 0
            start += 1
    return best


def correct_typos(msg: Analyzed, corrector: TypoCorrector, protected: frozenset[str]) -> None:
    """Add the corrected forms of mistyped words to the message's stem set."""
    for i, (stem, word) in enumerate(zip(msg.stems, msg.words, strict=True)):
        if word in protected:
            continue
        fixed = corrector.correct(stem)
        if fixed:
            msg.stem_set.update(fixed)
            msg.corrections.setdefault(i, set()).update(fixed)
