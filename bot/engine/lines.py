"""The buyer's stock lines: which variant she says, once-a-call lines, and the end of a call."""

from __future__ import annotations

import re
import zlib
from typing import Any

from bot.engine.compiled import CompiledLanguage
from bot.engine.context import ScenarioContext
from bot.engine.state import SessionState
from bot.engine.wording import split_sentences

# Lines said at most once in a call, picked as before (a replayed call reads the same).
_ONCE_A_CALL_LINES = frozenset({"greet_back", "greet_again", "goodbye", "goodbye_unagreed",
                                "bye_after_agreement",
                                "end_patience", "end_rude", "out_of_time"})


def end_call(state: SessionState, reason: str, events: list[str]) -> None:
    state.ended = True
    state.end_reason = reason
    state.phase = "ended"
    events.append(f"ended:{reason}")


def once(state: SessionState, flag: str) -> bool:
    if flag in state.flags:
        return False
    state.flags[flag] = state.turn
    return True


def stock_line(ctx: ScenarioContext, cl: CompiledLanguage, state: SessionState, key: str) -> str:
    override = ctx.scenario.buyer.lines.get(key)
    texts = cl.texts(override) if override is not None else []
    if not texts or (len(texts) < 2 and state.flags.get(f"said:{key}", 0) >= 1):
        # said before, and the scenario wrote one version: the stock variants take over
        texts = texts + list(cl.lm.lexicon.line(key, ctx.scenario.buyer.address))
    if key in _ONCE_A_CALL_LINES:
        return pick(cl, state, f"line:{key}", texts)
    return next_line(state, key, texts)


def next_line(state: SessionState, key: str, texts: list[Any]) -> str:
    """A line said again takes the next variant: a person rephrases, and one sentence
    in every other reply reads as a wall. Deterministic per seed, like ``_pick``."""
    if not texts:
        return ""
    uses = state.flags.get(f"said:{key}", 0)
    state.flags[f"said:{key}"] = uses + 1
    first = zlib.crc32(f"{state.seed}:line:{key}".encode())
    return _unsaid_variant(state, texts, first + uses)


def pick(cl: CompiledLanguage, state: SessionState, key: str, texts: list[Any]) -> str:
    """Deterministic per session and turn, so a replayed call reads the same."""
    if not texts:
        return ""
    h = zlib.crc32(f"{state.seed}:{key}:{state.turn}".encode())
    return _unsaid_variant(state, texts, h)


def _unsaid_variant(state: SessionState, texts: list[Any], start: int) -> str:
    """The variant at ``start``, or the next one she has not said in this call when she
    has said all of that one ("every supplier says that" to a second pitch is said in
    her other words); the one at ``start`` when she has said them all. A variant that
    opens with the word another reply of hers did ("Ha, yes. Anyway, ...") gives way to
    one that opens otherwise: a person does not answer every aside the same way."""
    def fresh_sentences(text: str) -> bool:
        keys = [k for k in map(_said_key, split_sentences(text)) if k is not None]
        return not keys or not all(k in state.flags for k in keys)

    def all_fresh(text: str) -> bool:
        keys = [k for k in map(_said_key, split_sentences(text)) if k is not None]
        return not any(k in state.flags for k in keys)

    def fresh_opener(text: str) -> bool:
        sentences = split_sentences(text)
        opener = _opener_key(sentences[0]) if sentences else None
        return opener is None or opener not in state.flags

    # best first: nothing said before; a new opening with something new; a new opening
    # (what she said before is left out of it: "Jazeker." rather than the same "Ja hoor.
    # Goed, zullen we beginnen?" again); something new
    for fits in (lambda x: all_fresh(x) and fresh_opener(x),
                 lambda x: fresh_sentences(x) and fresh_opener(x), fresh_opener,
                 fresh_sentences):
        for step in range(len(texts)):
            text = str(texts[(start + step) % len(texts)])
            if fits(text):
                return text
    return str(texts[start % len(texts)])


SAID_WORDS = 4  # a sentence this long said twice in a call reads as a recording
_WORD = re.compile(r"\w+")


# the filler a sentence may open with: "Maar goed, waar zullen we beginnen?" and "Goed,
# waar zullen we beginnen?" are the same sentence said again
_FILLER = re.compile(r"^\W*(?:(?:maar|nou|enfin|but|so|well|right|anyway)[\s,]+)*(?:goed|nou|"
                     r"anyway|right|well)?\W+", re.IGNORECASE)


def _said_key(sentence: str) -> str | None:
    words = _WORD.findall(_FILLER.sub(" ", sentence.lower(), count=1))
    if len(words) < SAID_WORDS:
        return None
    return f"said_sentence:{zlib.crc32(' '.join(words).encode())}"


SAID_KEPT = 12  # the stock sentences she remembers saying: the state stays small


OPENER_WORDS = 3  # "Ha, yes.", "Ja hoor.", "Hm.": an interjection, not a sentence of hers


def _opener_key(sentence: str) -> str | None:
    """The first word of a reply that opens with an interjection ("Ha, yes.", "Hm."):
    one reply after another opening the same way reads as a template."""
    words = _WORD.findall(sentence.lower())
    if not words or len(words) > OPENER_WORDS:
        return None
    return f"said_opener:{words[0]}"


def remember_said(state: SessionState, parts: list[str]) -> None:
    """Her stock sentences of this reply, so that one does not come back word for word;
    the last ``SAID_KEPT`` are kept (and as many of the words her lines open with)."""
    for part in parts:
        sentences = split_sentences(part)
        opener = _opener_key(sentences[0]) if sentences else None
        if opener is not None:
            state.flags.setdefault(opener, state.turn)
        for sentence in sentences:
            key = _said_key(sentence)
            if key is not None:
                state.flags.setdefault(key, state.turn)
    for prefix in ("said_sentence:", "said_opener:"):
        kept = sorted((k for k in state.flags if k.startswith(prefix)),
                      key=lambda k: state.flags[k])
        for key in kept[:-SAID_KEPT]:
            del state.flags[key]


def unsaid_part(state: SessionState, part: str) -> str:
    """A stock part of her reply without the sentences she already said in this call
    ("Just so we're clear, that appointment isn't agreed yet." in the goodbye after she
    said it two turns before): a person leaves it out or rephrases it the second time."""
    kept = []
    for sentence in split_sentences(part):
        key = _said_key(sentence)
        if key is None or state.flags.get(key, state.turn) >= state.turn:
            kept.append(sentence)
    return " ".join(kept)
