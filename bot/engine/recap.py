"""Saying again what she told: one path for every "as I said".

A person who is asked again does not replay a sentence behind a fixed formula. The rule:

- she only says "as I said" about what she did say in this call (the caller passes
  when; ``None`` means she never said it, and then there is no lead);
- "like I just said" is for her last reply only; further back it is "as I said";
- asked about the same sentence again right after she recapped it, she neither replays
  it nor uses the lead of last time: she says she has nothing to add and gives it briefly;
- asked about one part of what she just said ("since when?", "who types them in?"), she
  gives that part, with no lead at all: the learner just heard the rest.

What she remembers for this stays small: per fact the turn she last spoke of it, and
the last sentence she recapped (a checksum), in ``state.flags``.
"""

from __future__ import annotations

import re
import zlib
from enum import Enum

from bot.engine.analysis import TurnAnalysis
from bot.engine.compiled import CompiledLanguage
from bot.engine.context import ScenarioContext
from bot.engine.lines import stock_line
from bot.engine.policy import Turn
from bot.engine.state import SessionState
from bot.engine.wording import DIGITS, lower_first, split_sentences

BRIEF_WORDS = 6  # a sentence longer than this is said again in its part that answers
GIST_WORDS = 3  # a clause this long says the point of its sentence ("the team keeps changing")

_CLAUSE = re.compile(r",\s+(?:(?:and|en|or|of|but|maar)\s+)?|\s+[–-]\s+|;\s*")

# "twee dingen", "and", "en": words a clause may open with that a recap leaves off
_OPENERS = frozenset({"and", "en", "but", "maar", "so", "dus", "also", "ook"})


class Said(Enum):
    """When she said what she is about to say again."""

    NEVER = "never"  # not in this call: no "as I said"
    LAST_REPLY = "last_reply"  # in her reply just before this message
    EARLIER = "earlier"  # further back in this call


# the lead for each moment she said it; "again" when she recapped it a turn ago
_LEADS = {Said.LAST_REPLY: "repeat_just", Said.EARLIER: "repeat"}
_AGAIN = "repeat_again"


def heard(state: SessionState, fact_id: str, part: str = "") -> None:
    """She spoke of this fact in this turn: told it, in short or in full (``part`` ""),
    or said one sentence of it again (``part``)."""
    state.flags[f"heard:{fact_id}"] = state.turn
    state.flags[f"heard_part:{fact_id}"] = _key(part) if part else 0


def said_when(state: SessionState, fact_id: str, sentence: str = "") -> Said:
    """When she last said this sentence of a fact: in her last reply (she told the fact,
    or said this very sentence again), earlier, or never. A call stored before this was
    remembered counts a told fact as said earlier."""
    turn = state.flags.get(f"heard:{fact_id}")
    if turn is None:
        told = fact_id in state.revealed or f"short:{fact_id}" in state.flags
        return Said.EARLIER if told else Said.NEVER
    part = state.flags.get(f"heard_part:{fact_id}", 0)
    if turn == state.turn - 1 and part in (0, _key(sentence.strip())):
        return Said.LAST_REPLY
    return Said.EARLIER


def _key(text: str) -> int:
    return zlib.crc32(text.encode())


def recap(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, sentence: str,
          said: Said, names: frozenset[str], t: Turn | None = None) -> str:
    """Her words said again, by the rule above (``names`` keep their capital after a
    lead: "as I said: Joke and Ahmed ..."). The part she said is kept in
    ``state.flags["recap_text"]`` (a checksum) for the next turn."""
    sentence = sentence.strip()
    if not sentence:
        return ""
    # a question for a figure, a date or a person gets the part that gives it
    a = t.a if t is not None else None
    asks_who = t is not None and bool(set(cl.lm.analyze(t.text).words) & _WHO)
    part = brief(cl, sentence, a, names, asks_who=asks_who) if a is not None and (
        a.asks_amount or a.asks_when or asks_who) else sentence
    again = state.flags.get("recap_text") == _key(part) and (
        state.flags.get("recap_turn") == state.turn - 1)
    state.flags["recap_text"] = _key(part)
    state.flags["recap_turn"] = state.turn
    if said is Said.NEVER:
        return part
    trimmed = part != sentence
    first, _, rest = part.partition(" ")
    if first.lower() in _OPENERS and rest:
        part = rest  # "as I said: and the windows ..." drops the "and"
    if again:
        # asked for the same again right after she said it again: nothing new, briefly
        short = brief(cl, part, a, names, asks_who=asks_who) if a is not None else part
        return stock_line(ctx, cl, state, _AGAIN) + lower_first(short, names)
    if said is Said.LAST_REPLY and trimmed:
        # "since when?" right after "..., for about five years now": the part asked
        return part[:1].upper() + part[1:]
    sentences = split_sentences(part)
    if said is Said.LAST_REPLY and len(sentences) > 1 and a is not None:
        # she said all of it a moment ago: "like I just said: the team keeps changing ...",
        # the sentence that answers (the first when none stands out); the rest word for
        # word again would sound recorded
        part = _answering(cl, sentences, a)
    return stock_line(ctx, cl, state, _LEADS[said]) + lower_first(part, names)


def _answering(cl: CompiledLanguage, sentences: list[str], a: TurnAnalysis) -> str:
    """The sentence sharing most words with the question; when none stands out, the
    first clause of each, in one sentence."""
    skip = cl.lm.lexicon.stopwords
    scores = [sum(1 for st in cl.stems_of(x)[0] - skip if len(st) > 2 and st in a.topic_stems)
              for x in sentences]
    top = max(scores)
    if top > 0 and scores.count(top) == 1:
        return sentences[scores.index(top)]
    # nothing stands out ("what bothers you most?"): the gist of each, in one breath -
    # "the team keeps changing; they also arrive at four."
    gist = []
    for sentence in sentences:
        whole = sentence.strip(" .!?")
        first = _CLAUSE.split(whole)[0]
        words = first.lower().split()
        if len(words) < GIST_WORDS or _SUBORDINATE & set(words):
            first = whole  # "alleen alles wat met uren te maken heeft" needs its verb
        opener, _, rest = first.partition(" ")
        gist.append(rest if opener.lower() in _OPENERS and rest else first)
    return "; ".join(g if i == 0 else g[:1].lower() + g[1:] if not g.startswith("I ") else g
                     for i, g in enumerate(gist)) + "."


def brief(cl: CompiledLanguage, sentence: str, a: TurnAnalysis, names: frozenset[str], *,
          asks_who: bool = False) -> str:
    """The part of a long sentence that answers the question ("for about five years now"
    to "since when?"), ending in a full stop; the sentence when no one part stands out."""
    if len(sentence.split()) <= BRIEF_WORDS:
        return sentence
    clauses = [c.strip(" .!?") for c in _CLAUSE.split(sentence) if c.strip(" .!?")]
    if len(clauses) < 2:
        return sentence
    skip = cl.lm.lexicon.stopwords

    def fit(clause: str) -> float:
        stems, words = cl.stems_of(clause)
        shared: float = sum(1 for st in stems - skip if len(st) > 2 and any(
            st == q or (len(q) >= 5 and q.endswith(st)) or (len(st) >= 5 and st.endswith(q))
            for q in a.topic_stems))
        figure = bool(DIGITS.search(clause) or words & set(cl.lm.lexicon.number_words))
        if ((a.asks_amount or a.asks_when) and figure) or (a.asks_when and words & _TIME) or (
                asks_who and any(w.strip(".,;:!?'\"()") in names for w in clause.split())):
            shared += 1.5
        return shared

    scores = [fit(c) for c in clauses]
    top = max(scores)
    if top <= 0 or scores.count(top) > 1:
        return sentence
    part = clauses[scores.index(top)]
    first, _, rest = part.partition(" ")
    if first.lower() in _OPENERS and rest:
        part = rest
    if len(part.split()) < 3:
        return sentence  # "for years" alone says too little
    return part + "."


_WHO = frozenset({"who", "whom", "wie"})

# a clause with one of these may need the rest of its sentence for its verb
_SUBORDINATE = frozenset({"wat", "die", "dat", "als", "omdat", "wanneer", "waar", "wie", "what",
                          "which", "that", "if", "when", "because", "where", "who", "whose"})

_TIME = frozenset({"year", "years", "jaar", "jaren", "since", "sinds", "ago", "geleden",
                   "months", "maanden", "now", "nu"})

