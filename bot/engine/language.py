"""Everything the engine knows about one language, compiled once per process."""

from __future__ import annotations

from functools import cache

from bot.engine.cues import CueIndex, TypoCorrector, correct_typos
from bot.engine.lexicon import Lexicon, load_lexicon
from bot.engine.text import Analyzed, TextPipeline

SPIN_ORDER = ("need_payoff", "implication", "problem", "situation")


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
        self.time = self._index({"time": lexicon.time_cues})
        self.proposal = self._index({"proposal": lexicon.proposal_cues})
        self.pitch = self._index({"pitch": lexicon.pitch_cues})
        self.elaboration = self._index({"more": lexicon.elaboration_cues})
        self.protected = lexicon.stopwords | lexicon.question_words | lexicon.question_verbs

    def _index(self, groups: dict[str, tuple[str, ...]]) -> CueIndex:
        index = CueIndex(self.pipeline, self.corrector, ordered=True)
        for topic, entries in groups.items():
            index.add_keywords(topic, entries)
        return index

    def analyze(self, text: str) -> Analyzed:
        msg = self.pipeline.analyze(text)
        correct_typos(msg, self.corrector, self.protected)
        return msg


@cache
def language_model(lang: str) -> LanguageModel:
    return LanguageModel(load_lexicon(lang))
