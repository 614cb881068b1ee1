"""Everything the engine knows about one language, compiled once per process."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import DamerauLevenshtein

from bot.engine.cues import CueIndex, TypoCorrector, correct_typos
from bot.engine.lexicon import Lexicon, load_lexicon
from bot.engine.text import Analyzed, TextPipeline

SPIN_ORDER = ("need_payoff", "implication", "problem", "situation")
# Question words this long have no everyday word one typo away ("wnaneer", "wanneet" are
# "wanneer"); shorter ones do ("waarop" is no "waarom"), so they are read as typed
TYPO_QUESTION_WORD_LEN = 7
_WORD = re.compile(r"[^\W\d_]+")


# words that may open a second question before its question word: "en tot wanneer ...",
# "and how often ...", "n who ..."
_LEADS = frozenset({"en", "and", "n", "of", "or", "plus", "maar", "but", "ook", "also"})
_INVERTING = frozenset({"dan", "toen", "daarna", "nu", "daar", "hier", "dus", "then", "so"})


def _mark_unpunctuated_question(msg: Analyzed, lex: Lexicon) -> None:
    """"wat betalen jullie nu? en tot wanneer loopt t contract": a phone typist puts the
    mark on the first question only; a last sentence after a marked one that opens with
    a question word ("en hoe vaak ...") or a verb and its subject ("en bent u ...") asks
    too, so it is read as marked ("What works well is a fixed team. Would that suit you?"
    still states first and asks last)."""
    sentences = msg.sentences
    if len(sentences) < 2 or sentences[-1].question_mark or not any(
            s.question_mark for s in sentences[:-1]):
        return
    words = sentences[-1].words
    if words[0] in _INVERTING:
        return  # "Dan heeft u het zwart op wit.": Dutch puts the verb first after "dan"
    i = 0
    while i < len(words) - 1 and (words[i] in _LEADS or words[i] in lex.fillers):
        i += 1
    if i < len(words) - 1 and words[i] in lex.prepositions and words[i + 1] in (
            lex.question_words):
        i += 1  # "tot wanneer", "by when"
    rest = words[i:]
    if len(rest) < 2:
        return
    if rest[0] in lex.question_words or (
            rest[0] in lex.question_verbs and rest[1] in lex.subjects):
        sentences[-1].question_mark = True


class LanguageModel:
    """Lexicon cues of one language as ready-to-match indexes."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.pipeline = TextPipeline(lexicon)
        self.corrector = TypoCorrector()
        self.moves = self._index(lexicon.moves)
        self.spin = self._index(lexicon.spin)
        self.requests = self._index({"request": lexicon.request_cues})
        self.intents = self._index({"intent": lexicon.intent_cues})
        self.open_requests = self._index({"open": lexicon.open_requests})
        self.price = self._index({"price": lexicon.price_cues})
        self.value = self._index({"value": lexicon.value_cues})
        self.time = self._index({"time": lexicon.time_cues})
        self.proposal = self._index({"proposal": lexicon.proposal_cues})
        self.pitch = self._index({"pitch": lexicon.pitch_cues})
        self.elaboration = self._index({"more": lexicon.elaboration_cues}, mended=True)
        self.aside = self._index({"aside": lexicon.aside_cues})
        self.compliment = self._index({"compliment": lexicon.compliment_cues})
        self.wellbeing = self._index({"wellbeing": lexicon.wellbeing_cues})
        self.personal = self._index({"personal": lexicon.personal_cues})
        self.plans = self._index({"plan": lexicon.plan_cues})
        self.protected = lexicon.stopwords | lexicon.question_words | lexicon.question_verbs
        self._long_question_words = sorted(
            w for w in lexicon.question_words if len(w) >= TYPO_QUESTION_WORD_LEN)

    def _index(self, groups: dict[str, tuple[str, ...]], mended: bool = False) -> CueIndex:
        index = CueIndex(self.pipeline, self.corrector, ordered=True, mended=mended)
        for topic, entries in groups.items():
            index.add_keywords(topic, entries)
        return index

    def analyze(self, text: str) -> Analyzed:
        if self._long_question_words:
            text = _WORD.sub(self._question_word, text)
        msg = self.pipeline.analyze(text)
        correct_typos(msg, self.corrector, self.protected)
        _mark_unpunctuated_question(msg, self.lexicon)
        return msg


    def _question_word(self, match: re.Match[str]) -> str:
        """A long question word with one typo ("wnaneer loopt het contract af?") still asks."""
        word = match.group(0)
        low = word.lower()
        if len(low) < TYPO_QUESTION_WORD_LEN or low in self.protected or (
                low in self.lexicon.abbreviations):
            return word
        for question_word in self._long_question_words:
            # the first letter as typed: "daarvoor" is no "waarvoor"
            if low[0] == question_word[0] and DamerauLevenshtein.distance(
                    low, question_word, score_cutoff=1) <= 1:
                return question_word
        return word


@cache
def language_model(lang: str) -> LanguageModel:
    return LanguageModel(load_lexicon(lang))
