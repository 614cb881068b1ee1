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

# the days a proposal names: "Thursday", "dinsdag", "tomorrow", "overmorgen"
DAY_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "overmorgen"})


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


# A day and a time offered for her answer: "how about Tuesday 11 November at 9?", "wat
# dacht u van dinsdag om negen uur?", "past donderdag de 15e om tien?", "does Thursday at
# ten suit you?" (with a concrete time; "do the cleaners come on Tuesday at four?" asks)
_OFFERS_A_TIME = re.compile(
    r"\b(?:how about|what about|would .{1,40}\b(?:suit|work for) you|(?:does|do|would|will)\b"
    r".{1,40}\b(?:suit|work for) you|is .{1,40}\bconvenient|shall we say|"
    r"wat dacht (?:u|je|jij) van|hoe klinkt|(?:past|schikt|lukt) (?:u|je|jou|het|dat|jullie)\b|"
    r"(?:past|schikt|lukt)\b.{1,40}\b(?:u|je|jou|jullie)\b|zullen we (?:zeggen|afspreken))",
    re.IGNORECASE)


def offers_a_time(text: str) -> bool:
    """The message offers a time for her yes or no (read with a concrete time only)."""
    return bool(_OFFERS_A_TIME.search(text)) and "?" in text


# A meeting word that plans no meeting: a room ("is there a meeting room for the
# trainings?", "vergaderruimte"), or a meeting or demo she had ("how did the demo at
# your competitor go?", "hoe ging de demo bij jullie concurrent?", "had u vorige week een
# afspraak met hen?", "which demo did you see?")
_NO_MEETING = re.compile(
    r"\b(?:meeting ?rooms?|conference ?rooms?|board ?rooms?|vergader(?:ruimte|zaal|kamer)s?|"
    r"spreekkamers?|overlegruimtes?)\b", re.IGNORECASE)
_PAST_MEETING = re.compile(
    r"\b(?:how did|how was|how were|did you (?:have|see|get|attend|do)|have you (?:had|seen)|"
    r"which \w+ did you|what did you think of|you had|you saw|last (?:week|month|time|year)|"
    r"yesterday|ago|hoe ging|hoe was|hoe waren|had (?:u|je|jij|jullie)|hebt u .{0,40}"
    r"(?:gehad|gezien|bijgewoond)|heb (?:je|jij) .{0,40}(?:gehad|gezien|bijgewoond)|"
    r"hebben jullie .{0,40}(?:gehad|gezien)|vorige (?:week|maand|keer)|gisteren|geleden)\b",
    re.IGNORECASE)
# ... unless the message goes on to propose ("how was the demo? shall we plan one here?")
_PROPOSES = re.compile(
    r"\b(?:shall|should|could|can|may) (?:we|i)\b|\blet's\b|\bi'd like to\b|\bhow about\b|"
    r"\bzullen we\b|\b(?:zal|kan|mag) ik\b|\bkunnen we\b|\bzou ik\b|\bwat dacht\b|"
    r"\bi (?:will|'ll)\b|\bik (?:kom|wil)\b", re.IGNORECASE)


def proposes(text: str) -> bool:
    """The message puts something forward: "shall we", "could I", "zullen we", "kan ik"."""
    return bool(_PROPOSES.search(text))


def plans_no_meeting(text: str) -> bool:
    """Its meeting words name a room or a meeting she had, and it proposes nothing."""
    if _PROPOSES.search(text):
        return False
    return bool(_NO_MEETING.search(text) or _PAST_MEETING.search(text))


# the seller's own side in a message ("we lease printers", "bij ons", "our app"): the
# words as a set for word lists, and as a pattern for raw text
SELLER_WORDS = frozenset({"we", "wij", "ons", "onze", "our", "ours", "us"})
SELLER_SIDE = re.compile(r"\b(?:" + "|".join(sorted(SELLER_WORDS)) + r")\b", re.IGNORECASE)
