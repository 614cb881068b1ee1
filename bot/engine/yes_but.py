"""The one reader of a "yes, but": a "but" that takes back the understanding before it.

"I understand, but our price is fair", "ja snap ik maar wij zijn goedkoper", "Dat hoor ik
vaker, maar ...": the "but" tells her an argument follows. The engine (how she takes the
acknowledgement, whether the message answers her point) and the card (whether the
understanding earns its credit, the tip that names the "but") read it here, so they agree.

Two things are no "but" that takes anything back:
- a "but" that leads into the understanding itself: "Mooi kantoor. Maar helemaal goed
  hoor, dat contract respecteer ik", "but that's fine, I respect the contract";
- the Dutch softener and "only": "laat maar weten", "stuur het maar op", "zeg het maar",
  "het is maar twee euro".
Plain text only (no scenario content): a trainer's own scenario reads the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# words that turn a sentence against what came before it, wherever they stand
_ALWAYS = r"but|however|echter"
# words that turn only at the head of a sentence or clause ("Fair, though our film ...",
# "Ja, alleen is het zo dat ..."); elsewhere "even though", "alleen de kantine"
_AT_CLAUSE_START = r"though|tho|alleen|maar"
# "maar" in the middle of a clause turns only before the start of a new clause ("ja snap
# ik maar wij zijn goedkoper"); "kom maar langs", "maar twee euro" soften or mean "only"
_NEW_CLAUSE_AFTER_MAAR = (
    r"wij|we|ik|u|uw|je|jij|jullie|het|dat|dit|die|deze|de|onze|ons|mijn|er|daar|dan|toch|"
    r"juist|als|omdat|bij|met|zij|ze|hij|men|wel|misschien|eigenlijk|daarom|hoe|wat")
# a verb before "maar" makes it the softener ("laat maar", "stuur het maar op")
_SOFTENING_VERBS = (
    r"laat|stuur|kijk|zeg|doe|ga|bel|mail|denk|neem|kom|geef|vraag|probeer|lees|wacht|"
    r"zoek|app|schiet|loop|zet|plan|rustig")
# "not only ... but also": an addition, nothing taken back
_NOT_ONLY = re.compile(r"\b(?:not\s+only|not\s+just|niet\s+alleen)\b[^.!?]*$", re.IGNORECASE)

_BUT = re.compile(
    rf"(?P<head>(?:^|[.!?,;:\n]|\s[-–—])\s*)(?P<lead>(?:{_ALWAYS}|{_AT_CLAUSE_START})\b)"
    rf"|\b(?P<mid>{_ALWAYS})\b"
    rf"|(?<!\w)(?P<maar>maar)\s+(?=(?:{_NEW_CLAUSE_AFTER_MAAR})\b)",
    re.IGNORECASE)
# "alleen" before what it limits ("alleen de prijs", "alleen op vrijdag", "alleen 2 euro"),
# or in a question, means "only"; "Alleen, ...", "alleen is het zo dat ..." turn
_ONLY_THE = re.compile(
    r"\s+(?:de|het|een|die|dat|deze|dit|op|in|per|voor|bij|met|over|om|als|nog|maar|\d)\b",
    re.IGNORECASE)
_ASKED = re.compile(r"[^.!?]*\?")
_SOFTENED = re.compile(rf"\b(?:{_SOFTENING_VERBS})\b(?:\s+\w+)?\s*$", re.IGNORECASE)

# what a "but" may lead into without arguing: understanding said by the seller herself.
# "maar u begrijpt dat ..." / "but you understand that ..." persuades: only "I"/"we" may
# understand, and "fine"/"fair" must be about her point ("that's fine"), not the offer.
_INTENSIFIER = (r"(?:fully|completely|totally|really|absolutely|of\s+course|helemaal|heel|"
                r"echt|natuurlijk|uiteraard|best|zeker)")
_UNDERSTANDING_AFTER = re.compile(
    r"^[\s,]*(?:(?:hoor|nou|well|eh+|uh+|ok(?:é|e|ay)?|ja|yes|again|anyway|goed)[\s,]+)?"
    rf"(?:{_INTENSIFIER}[\s,]+)?"
    r"(?:"
    rf"(?:i|we)\s+(?:do\s+)?(?:{_INTENSIFIER}\s+)?(?:understand|respect|get\s+(?:it|that|you))"
    r"|(?:that|it)(?:'s|\s+is)\s+(?:" + _INTENSIFIER + r"\s+)?"
    r"(?:fine|fair|okay|ok|understandable|all\s+right|alright|no\s+problem)"
    r"|fair\s+enough|no\s+problem|no\s+worries|of\s+course\s+i\s+(?:understand|get)"
    r"|(?:ik\s+|wij\s+|we\s+)?(?:begrijp|snap|respecteer)\w*(?!\s+(?:u|je|jij|jullie)\b)"
    r"|(?:dat\s+|het\s+)?(?:is\s+)?(?:" + _INTENSIFIER + r"\s+)?"
    r"(?:helemaal\s+goed|prima|terecht|logisch|begrijpelijk|geen\s+probleem|goed\s+hoor)"
    r"|(?:dat|het)\s+(?:is|mag|kan)\s+(?:ook\s+)?(?:gewoon\s+)?(?:natuurlijk\s+)?goed"
    r")\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class TakenBack:
    """Where the "but" stands: ``text[:start]`` is what it takes back, ``text[end:]`` the
    argument after it."""

    start: int
    end: int
    word: str


def _buts(text: str) -> list[TakenBack]:
    found: list[TakenBack] = []
    for m in _BUT.finditer(text):
        group = next(g for g in ("lead", "mid", "maar") if m.group(g))
        start, end = m.start(group), m.end(group)
        word = m.group(group).lower()
        before = text[:start]
        if word == "maar" and _SOFTENED.search(before) and not re.search(r"[,.;!?]\s*$", before):
            continue  # "laat het maar weten"
        if word in ("but", "maar") and _NOT_ONLY.search(before) and re.match(
                r"\s*(?:also|ook)\b", text[end:], re.IGNORECASE):
            continue  # "not only the price but also ..."
        if word == "but" and re.search(r"\b(?:nothing|all|anything)\s*$", before, re.IGNORECASE):
            continue  # "nothing but", "all but"
        if word == "alleen" and (_ONLY_THE.match(text[end:]) or _ASKED.match(text[end:])):
            continue  # "Waar vergelijkt u mee, alleen de prijs per rol?": "only", no "but"
        found.append(TakenBack(start, end, word))
    return found


def taken_back(text: str) -> TakenBack | None:
    """The first "but" in the message that takes back what was said before it (one that
    leads into understanding, a softener, an "only" is none)."""
    for but in _buts(text):
        if not _UNDERSTANDING_AFTER.match(text[but.end:]):
            return but
    return None


def is_yes_but(text: str) -> bool:
    """Whether a "but" in the message takes back what was said before it."""
    return taken_back(text) is not None
