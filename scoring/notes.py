"""Short notes for the visit report, the way a seller jots them down after the call.

The buyer's answer is a spoken paragraph; the report keeps its first informative sentence
or two ("That's Blinkend Schoon, a regional company from Haarlem"), not the whole reply,
and drops the filler around it ("Of course.", "Here is my card.").
"""

from __future__ import annotations

import re

NOTE_CHARS = 100  # about two lines on a phone
ENOUGH_CHARS = 40  # a first sentence this long is a note by itself
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\s])")
FILLER_WORDS = 3  # a sentence this short ("Of course.", "Ja hoor.") carries no fact


# Titles and abbreviations a sentence does not end at ("mr. Verhoef", "ca. 450 m²").
ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "mevr", "dhr", "mw", "ca", "bijv", "incl",
                           "excl", "o.a", "e.g", "i.e", "nr", "no", "st", "vs", "etc"})


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _SENTENCE_END.split(" ".join(text.split())):
        last = out[-1].rsplit(" ", 1)[-1].rstrip(".").lower() if out else ""
        if out and out[-1].endswith(".") and last in ABBREVIATIONS:
            out[-1] = f"{out[-1]} {piece}"
        elif piece.strip():
            out.append(piece.strip())
    return out


def note(text: str, used: set[str] | None = None, limit: int = NOTE_CHARS) -> str:
    """The informative start of ``text`` in at most ``limit`` characters; sentences already
    in ``used`` (noted under another item) are skipped, and the ones taken are added."""
    used = set() if used is None else used
    picked: list[str] = []
    for sentence in sentences(text):
        if sentence in used or len(sentence.split()) <= FILLER_WORDS:
            continue
        if picked and len(" ".join(picked)) + 1 + len(sentence) > limit:
            break
        picked.append(sentence)
        if len(" ".join(picked)) >= ENOUGH_CHARS:
            break
    if not picked:
        # the whole answer is short ("Ja, dat mag.", "Yes, that's fine."): for a yes/no
        # item that IS the note, and an empty line under "@:" tells the seller nothing
        picked = [s for s in sentences(text) if s not in used][:1]
    used.update(picked)
    return _cut(" ".join(picked), limit)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
