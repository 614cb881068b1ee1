"""A scenario made ready for matching: cue indexes per language, built once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any

from bot.engine.cues import CueIndex, TypoCorrector
from bot.engine.language import LanguageModel, language_model
from bot.engine.wording import MONTHS
from bot.scenario.model import Cues, Fact, Need, Objection, Objective, Scenario
from bot.scenario.text import localized, variants


def cues_for(value: Any, lang: str, languages: Sequence[str]) -> Cues | None:
    """The cues of one language, from cues written for one or per language."""
    if value is None:
        return None
    picked = localized(value, lang, languages)
    return picked if isinstance(picked, Cues) else None


RARE_WORD = 7
CASE_WORD_FACTS = 2  # a word in this many of her answers belongs to the case, not the objection
_CALENDAR = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
             "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
             "sunday", "evening", "avond", "morning", "ochtend")
CASE_STEM_LETTERS = 6  # shorter stems ("goed", "niet") are everyday words, not the case's


class CompiledLanguage:
    """One scenario in one language: the indexes the engine asks every turn."""

    def __init__(self, scenario: Scenario, lang: str) -> None:
        self.scenario = scenario
        self.lang = lang
        self.lm: LanguageModel = language_model(lang)
        self._said: dict[str, tuple[frozenset[str], frozenset[str]]] = {}  # line -> stems, words
        self.corrector = TypoCorrector()
        self.facts = self._index((f.id, f.asked_by) for f in scenario.facts)
        lex = self.lm.lexicon
        self.facts.frame = frozenset(self.lm.pipeline.stem(w) for w in lex.frame_words)
        self.facts.question = frozenset(self.lm.pipeline.stem(w) for w in lex.question_words)
        self.needs = self._index((n.id, n.asked_by) for n in scenario.needs)
        self.problems = self._problem_index(scenario.needs)
        self.contact = CueIndex(self.lm.pipeline, ordered=True)
        self.contact.add_keywords("contact", lex.contact_cues)
        # a message without one of these words asks no contact details (checked first)
        self.contact_stems = frozenset(
            self.lm.pipeline.stem(w)
            for w in self.lm.pipeline.tokens(" ".join(lex.contact_cues).replace("|", " "))
            if w not in lex.stopwords)
        self.objection_cues = self._index((o.id, o.respond) for o in scenario.objections)
        detectors = []
        for obj in (*scenario.objectives.internal, *scenario.objectives.external):
            for i, det in enumerate(obj.detect):
                detectors.append((f"{obj.id}#{i}", det.asked_by))
        self.detector_cues = self._index(detectors)
        # The words of each objection as she says it: a question that shares one is about
        # the objection ("fifty cents?"), one that does not is a question of its own.
        # Long words of her own ("vijftig", "begroting", "nadenken") name it on their own;
        # the words of the whole case ("payroll", "schoonmaak") do not.
        spread: dict[str, int] = {}
        for fact in scenario.facts:
            for stem in {self.lm.pipeline.stem(w)
                         for w in self.lm.pipeline.tokens(" ".join(self.texts(fact.answer)))}:
                spread[stem] = spread.get(stem, 0) + 1
        # the case's own long words ("printers", "loonstroken", "schoonmaak"): in her
        # answers and in the questions that ask for them; a question that names one asks
        # about the business, not small talk
        # (the calendar is everyone's: "and in December? that'll be hectic" is chat)
        calendar = {self.lm.pipeline.stem(w) for w in (*_CALENDAR, *MONTHS)}
        self.case_stems = frozenset(
            stem for stem in spread.keys() & self.facts.stems()
            if len(stem) >= CASE_STEM_LETTERS and stem not in self.lm.lexicon.stopwords
            and stem not in calendar)
        self.objection_stems: dict[str, frozenset[str]] = {}
        self.objection_rare: dict[str, frozenset[str]] = {}
        for objection in scenario.objections:
            said = " ".join(self.texts(objection.text) + (
                self.texts(objection.firmer) if objection.firmer else []))
            words = [w for w in self.lm.pipeline.tokens(said)
                     if w not in self.lm.lexicon.stopwords and len(w) >= 5]
            self.objection_stems[objection.id] = frozenset(
                self.lm.pipeline.stem(w) for w in words)
            self.objection_rare[objection.id] = frozenset(
                stem for stem in (self.lm.pipeline.stem(w) for w in words if len(w) >= RARE_WORD)
                if spread.get(stem, 0) < CASE_WORD_FACTS)
        company = localized(scenario.seller.company, lang, scenario.languages)
        self.company_words = {
            w for w in self.lm.pipeline.tokens(company)
            if len(w) > 3 and w not in self.lm.lexicon.stopwords
            and w not in {"nederland", "netherlands", "holland", "group", "groep", "services"}
        }

    def stems_of(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """Stems and words of one of the buyer's own lines, analysed once."""
        if text not in self._said:
            said = self.lm.analyze(text)
            self._said[text] = frozenset(said.stem_set), frozenset(said.words)
        return self._said[text]

    def _index(self, items: Iterable[tuple[str, Any]]) -> CueIndex:
        index = CueIndex(self.lm.pipeline, self.corrector)
        for topic, value in items:
            cues = cues_for(value, self.lang, self.scenario.languages)
            if cues is None:
                continue
            index.add_keywords(topic, cues.keywords)
            index.add_phrasings(topic, cues.phrasings)
        return index

    def _problem_index(self, needs: Iterable[Need]) -> CueIndex:
        """Each need's problem, in the words of its cues: a cue that names the solution
        ("minder storing*", "less downtime", "no more waiting") without the words that
        make it one ("storing*", "downtime", "waiting"). Cues that say no such word
        ("fixed team") name the need itself and are left to ``needs``."""
        index = CueIndex(self.lm.pipeline, self.corrector)
        lex = self.lm.lexicon
        turning = lex.solution_words | lex.negations
        for need in needs:
            cues = cues_for(need.asked_by, self.lang, self.scenario.languages)
            if cues is None:
                continue
            for entry in cues.keywords:
                for alternative in entry.split("|"):
                    kept: list[str] = []
                    turned = False
                    for raw in alternative.replace("...", " ").split():
                        tokens = self.lm.pipeline.tokens(raw.rstrip("*"))
                        if any(t in turning for t in tokens):
                            turned = True
                        elif tokens and not all(t in lex.stopwords for t in tokens):
                            kept.append(raw)
                    if turned and kept:
                        index.add_keywords(need.id, [" ".join(kept)])
        return index

    def texts(self, value: Any) -> list[str]:
        return variants(value, self.lang, self.scenario.languages)

    def text(self, value: Any) -> str:
        return str(localized(value, self.lang, self.scenario.languages))


class CompiledScenario:
    """A validated scenario plus lazily built per-language indexes and lookups."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self._langs: dict[str, CompiledLanguage] = {}

    def language(self, lang: str) -> CompiledLanguage:
        if lang not in self.scenario.languages:
            raise ValueError(f"scenario {self.scenario.id} has no language {lang!r}")
        if lang not in self._langs:
            self._langs[lang] = CompiledLanguage(self.scenario, lang)
        return self._langs[lang]

    @cached_property
    def facts(self) -> dict[str, Fact]:
        return {f.id: f for f in self.scenario.facts}

    @cached_property
    def objections(self) -> dict[str, Objection]:
        return {o.id: o for o in self.scenario.objections}

    @cached_property
    def needs(self) -> dict[str, Need]:
        return {n.id: n for n in self.scenario.needs}

    @cached_property
    def objectives(self) -> dict[str, Objective]:
        s = self.scenario.objectives
        return {o.id: o for o in (*s.internal, *s.external)}

    @cached_property
    def internal_ids(self) -> list[str]:
        return [o.id for o in self.scenario.objectives.internal]

    @cached_property
    def external_ids(self) -> list[str]:
        return [o.id for o in self.scenario.objectives.external]
