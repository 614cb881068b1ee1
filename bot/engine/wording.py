"""Text helpers the buyer's answers share: sentences, figures, calendar words, capitals."""

from __future__ import annotations

import re

MONTHS = {name: i % 12 + 1 for names in (
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"),
    ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"),
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
) for i, name in enumerate(names) if name != "may"}  # "may I come by?" names no month

CALENDAR_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "christmas", "easter", "kerst", "pasen"})


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00dd'\"])")

DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def lower_first(text: str, names: frozenset[str]) -> str:
    """"As I said: the contract ..." but "as I said: Joke and Ahmed ...": a name keeps its
    capital, and so do "I" and an abbreviation ("OR"); the Dutch "U gaat ..." does not."""
    first = text.split(" ", 1)[0].strip(".,;:!?'\"()")
    if first in names or first.split("'")[0].split("’")[0] == "I" or not text[:1].isalpha() or (
            len(first) > 1 and first.isupper()) or (
            first.lower().removesuffix("s") in CALENDAR_WORDS and first[:1].isupper()):
        # "as I said: Tuesdays and Thursdays ...": a day or month keeps its capital
        return text
    return text[:1].lower() + text[1:]
