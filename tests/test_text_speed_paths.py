"""The shortcuts that make reading a turn cheaper read it exactly as the long way does:
plain ASCII folds as before, a remembered typo correction is forgotten when the corrector
learns a word, and a message's remembered stems follow the corrections added to it."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from bot.engine.cues import CueIndex, TypoCorrector
from bot.engine.language import language_model
from bot.engine.text import _SENTENCE_END, MAX_LEARNER_CHARS, _join_hyphens, fold


def _fold_the_long_way(text: str) -> str:
    text = unicodedata.normalize("NFKC", text[:MAX_LEARNER_CHARS]).replace("²", "2")
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(ch) and (ch.isprintable() or ch in "\n\t"))
    return text.replace("’", "'").replace("‘", "'")


@pytest.mark.parametrize("text", [
    "Hoe LANG loopt het contract nog?", "What's your budget, 2.500 EUR?", "tab\there",
    "two lines\nhere", "bell\x07 and del\x7f", "Coördinator", "m² en ’s avonds", "",
    "x" * (MAX_LEARNER_CHARS + 10),
])
def test_fold_reads_plain_and_unusual_text_as_before(text: str) -> None:
    assert fold(text) == _fold_the_long_way(text)


def test_a_remembered_correction_gives_way_to_a_word_learnt_later() -> None:
    corrector = TypoCorrector()
    corrector.add("contract")
    assert corrector.correct("contrackt") == ["contract"]
    corrector.add("contrakt")  # one edit away too: now both are as close
    assert sorted(corrector.correct("contrackt")) == ["contract", "contrakt"]
    fixed = corrector.correct("contrackt")
    fixed.clear()  # a caller's list is its own
    assert corrector.correct("contrackt")


def test_a_correction_added_to_a_message_counts_for_the_next_match() -> None:
    lm = language_model("nl")
    index = CueIndex(lm.pipeline)
    index.add_keywords("termijn", ["opzegtermijn"])
    msg = lm.pipeline.analyze("hoe lang is de opzegtermin")
    assert "termijn" not in index.match(msg)  # the typo is not read yet
    msg.stem_set.add(lm.pipeline.stem("opzegtermijn"))  # as correct_typos adds it
    assert "termijn" in index.match(msg)


def _devset_messages() -> list[tuple[str, str]]:
    path = Path(__file__).parent / "data" / "devset" / "questions.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [(r["lang"], r["text"]) for r in rows]


def test_a_sentence_reads_as_the_words_of_its_clauses() -> None:
    """The sentence's words are taken from its clauses instead of a second reading: for
    every dev-set message (and a few with clause marks, contractions and hyphens) they are
    the words the whole sentence reads as."""
    extra = [("en", "We're fine - mostly; the e-mail (and follow-up) didn't come: ok?"),
             ("nl", "Wie beslist er – u of de ICT-coördinator? Dat is 2.500, toch?")]
    for lang, text in [*_devset_messages(), *extra]:
        pipeline = language_model(lang).pipeline
        msg = pipeline.analyze(text)
        for sentence in msg.sentences:
            assert sentence.words == [w for c in sentence.clauses for w in c]
        whole = [w for part in _SENTENCE_END.split(_join_hyphens(fold(text)))
                 for w in pipeline.words(part)]
        assert msg.words == whole, text


@pytest.mark.parametrize("ordered", [False, True])
def test_a_prefix_cue_finds_a_word_starting_with_it_only(ordered: bool) -> None:
    lm = language_model("nl")
    index = CueIndex(lm.pipeline, ordered=ordered)
    index.add_keywords("cleaning", ["schoon*"])
    index.add_keywords("contract", ["contract* lop*"])
    assert "cleaning" in index.match(lm.pipeline.analyze("wie doet de schoonmaak nu?"))
    assert "cleaning" not in index.match(lm.pipeline.analyze("het is onschoon, sorry"))
    assert "contract" in index.match(lm.pipeline.analyze("contracten lopen af"))
    assert "contract" not in index.match(lm.pipeline.analyze("de contracten zijn klaar"))
