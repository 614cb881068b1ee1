"""Turn a learner's message into comparable words.

Learners type on phones: no capitals, no accents, chat abbreviations ("wnr", "ur"),
"m²" or "vierkante meter". Every comparison in the engine goes through ``analyze`` so
that the scenario's cues and the learner's words meet in the same form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import snowballstemmer

from bot.engine.lexicon import Lexicon

# The one limit on a learner's message, wherever it comes from (Telegram, the terminal, a
# script): longer ones are cut and the learner is told. Nobody types more in a call turn.
MAX_LEARNER_CHARS = 2000
_WORD = re.compile(r"[a-z0-9€@]+(?:['’][a-z]+)?|[€@]")
_CLAUSE = re.compile(r"[,;:–—()]|\s-\s")
# An emoji typed between two sentences ends the first, as a full stop would on a phone:
# "good to be back 🙂 hows the canteen going" is a remark, then a question
_SENTENCE_END = re.compile(
    r"(?<=[.!?\U0001F300-\U0001FAFF\u2600-\u27BF])\s+|\n+|(?<=\?)(?=\S)")


def fold(text: str) -> str:
    """Lower-case, strip accents and control characters, unify quotes and m²."""
    text = text[:MAX_LEARNER_CHARS]
    if text.isascii() and text.isprintable():
        # most messages: no accent, quote or control character to handle, and Unicode
        # normalisation leaves ASCII as it is
        return text.lower()
    text = unicodedata.normalize("NFKC", text).replace("²", "2")
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text.lower())
        if not unicodedata.combining(ch) and (ch.isprintable() or ch in "\n\t")
    )
    return text.replace("’", "'").replace("‘", "'")


@dataclass(slots=True)
class Sentence:
    words: list[str]
    question_mark: bool
    clauses: list[list[str]] = field(default_factory=list)


@dataclass(slots=True)
class Analyzed:
    """A message as the matchers see it."""

    raw: str
    words: list[str]  # folded, abbreviations expanded
    stems: list[str]
    stem_set: set[str] = field(default_factory=set)
    sentences: list[Sentence] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)
    question_mark: bool = False
    corrections: dict[int, set[str]] = field(default_factory=dict)  # position -> fixed stems
    # what the cue indexes work out once per message (``cues``): a message meets some twenty
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


class TextPipeline:
    """Language-specific normalisation and stemming, cached per word."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._stemmer = snowballstemmer.stemmer(lexicon.stemmer)
        self.stem = lru_cache(maxsize=50_000)(self._stem)
        joins = sorted(lexicon.joins, key=len, reverse=True)
        self._joins = re.compile(r"\b(?:" + "|".join(map(re.escape, joins)) + r")\b"
                                 r"(?=\s*(?:[?.!,;:]|$))") if joins else None

    def _stem(self, word: str) -> str:
        if not word.isalpha():
            return word
        return str(self._stemmer.stemWord(word))

    def words(self, folded: str) -> list[str]:
        out: list[str] = []
        expand = self.lexicon.abbreviations
        for token in _WORD.findall(folded):
            if "'" in token and token not in expand:
                out.extend(self._contraction(token))
                continue
            full = expand.get(token)
            if full is None:
                out.append(token)  # a token holds no space: its own one word
            else:
                out.extend(full.split())
        return out

    def _contraction(self, token: str) -> list[str]:
        """we're -> we are, it's -> it is, bakker's -> bakker (per the lexicon)."""
        base, _, tail = token.partition("'")
        joined = base + tail
        full = self.lexicon.contractions.get(tail)
        if joined in self.lexicon.abbreviations and (full is None or tail in ("s", "t")):
            return self.lexicon.abbreviations[joined].split()  # don't -> do not, not "don"
        if full is None:
            return [joined]
        if tail == "t" and base.endswith("n"):
            return [base[:-1], *full.split()]  # haven't -> have not, wouldn't -> would not
        if tail == "s" and base not in self.lexicon.is_contracted:
            return [base]
        return [self.lexicon.abbreviations.get(base, base), *full.split()]

    def tokens(self, text: str) -> list[str]:
        """Words of a cue or phrase, folded and expanded like a message."""
        return self.words(_join_hyphens(fold(text)))

    def analyze(self, text: str) -> Analyzed:
        unjoined = fold(text)
        if self._joins is not None:
            unjoined = self._joins.sub(lambda m: self.lexicon.joins[m.group()], unjoined)
        folded = _join_hyphens(unjoined)
        sentences = []
        all_words: list[str] = []
        for part in _SENTENCE_END.split(folded):
            # no word runs across a clause mark, so the clauses' words are the sentence's
            clauses = [c for c in (self.words(x) for x in _CLAUSE.split(part)) if c]
            words = [w for clause in clauses for w in clause]
            if words:
                sentences.append(Sentence(words, part.rstrip().endswith("?"), clauses))
                all_words.extend(words)
        stems = [self.stem(w) for w in all_words]
        result = Analyzed(
            raw=text,
            words=all_words,
            stems=stems,
            stem_set=set(stems) | set(all_words),
            sentences=sentences,
            numbers=parse_numbers(folded),
            question_mark="?" in folded,
        )
        self._hyphen_parts(unjoined, result)
        return result

    def _hyphen_parts(self, unjoined: str, msg: Analyzed) -> None:
        """A hyphenated word is one word ("ICT-coördinator"), and its parts stand in its
        place too, so a cue "ict coordinator" or "coordinator" finds it."""
        if "-" not in unjoined:
            return
        stopwords = self.lexicon.stopwords
        for compound in _HYPHENATED.findall(unjoined):
            split = compound.split("-")
            if split[-1] in stopwords:
                continue  # "run-up", "follow-up": a phrase of its own, not its parts
            parts = [w for w in split if len(w) > 1 and w not in stopwords]
            joined = compound.replace("-", "")
            stems = {self.stem(w) for w in parts}
            for i, word in enumerate(msg.words):
                if word == joined:
                    msg.corrections.setdefault(i, set()).update(stems)
                    msg.stem_set.update(stems)


_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")


def _join_hyphens(text: str) -> str:
    """'e-mail' and 'follow-up' become one word, as learners also type them."""
    return _INNER_HYPHEN.sub("", text) if "-" in text else text


_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")


def parse_numbers(text: str) -> list[float]:
    """Numbers as written in Dutch or English: 2.900 / 2,900 / 3,5 / 1.5 / 40%, and in
    thousands as typed on a phone: 52.5k / 147k."""
    found: list[float] = []
    for match in _NUMBER_TOKEN.finditer(text):
        token, thousands = match.group(1), match.group(2) is not None
        if thousands:
            value = float(token.replace(",", ".")) if _DECIMAL.fullmatch(token) else (
                float(re.sub(r"[.,]", "", token)))
            found.append(value * 1000)
            continue
        if (m := _THOUSANDS.fullmatch(token)) is not None:
            whole, _, frac = token.rpartition((m.group(1) == "." and ",") or ".")
            if not whole or m.group(1) in token[len(whole):]:
                whole, frac = token, ""
            found.append(float(re.sub(r"[.,]", "", whole) + (f".{frac}" if frac else "")))
        elif (m := _DECIMAL.fullmatch(token)) is not None:
            found.append(float(f"{m.group(1)}.{m.group(2)}"))
        else:
            found.extend(float(part) for part in re.split(r"[.,]", token) if part)
    return found


_NUMBER_TOKEN = re.compile(r"(\d+(?:[.,]\d+)*)(k\b)?", re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*(?:[.,]\d{1,2})?")
_DECIMAL = re.compile(r"(\d+)[.,](\d{1,2})")


def label_in_sentence(label: str) -> str:
    """A label used inside a sentence: lower-case first letter, unless it is an acronym
    ("DMU"); the Dutch "Eén" becomes "één", not "eén"."""
    if label[:2].isupper():
        return label
    if label.startswith("Eén"):
        return "één" + label[3:]
    return label[:1].lower() + label[1:]
