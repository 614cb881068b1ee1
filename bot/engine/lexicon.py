"""Per-language data of the engine (``bot/lexicon/<lang>.yaml``).

Everything language-specific that is not scenario content lives in those files: chat
abbreviations, question words, cue lists for moves and SPIN types, default buyer lines
and hints. Adding a language is adding a file, not code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicon"


@dataclass(frozen=True)
class Lexicon:
    lang: str
    stemmer: str
    abbreviations: dict[str, str]
    contractions: dict[str, str]
    is_contracted: frozenset[str]
    stopwords: frozenset[str]
    question_words: frozenset[str]
    question_verbs: frozenset[str]
    fillers: frozenset[str]
    request_cues: tuple[str, ...]
    intent_cues: tuple[str, ...]
    open_requests: tuple[str, ...]
    hypothetical: frozenset[str]
    choice_words: frozenset[str]
    prepositions: frozenset[str]
    subjects: frozenset[str]  # "what *you* said": a question word before a subject is no question
    subordinators: frozenset[str]  # "*when* you compare, do you ...": a clause, not a question
    negations: frozenset[str]
    second_person: frozenset[str]
    reaction_words: frozenset[str]  # "what do the partners *think* when ...": effect on others
    frame_words: frozenset[str]  # "how much *time*", "what does it *cost*": the question's frame
    exclamations: frozenset[str]  # "wat *een* pand", "how *nice*": exclamations, no questions
    spin: dict[str, tuple[str, ...]]
    moves: dict[str, tuple[str, ...]]
    price_cues: tuple[str, ...]
    proposal_cues: tuple[str, ...]
    time_cues: tuple[str, ...]
    pitch_cues: tuple[str, ...]
    lines: dict[str, tuple[str, ...]]
    hints: dict[str, str]
    lines_je: dict[str, tuple[str, ...]]  # lines for a buyer who says "je" (nl)
    persona: dict[str, dict[str, str]]  # words for the buyer in hints, by gender/address
    # "sixteen printers" and "16 printers" are the same figure in a learner's summary
    number_words: dict[str, float] = field(default_factory=dict)
    # "could I have your e-mail address?": contact details she gives, no fact to recite
    contact_cues: tuple[str, ...] = ()
    # "can you give me an example?", "hoezo?": asks her to go on about what she just told
    elaboration_cues: tuple[str, ...] = ()
    # "totally unrelated, but ...", "my sister has a web shop": an aside from the call, or
    # the seller's private life; a question in it is small talk whatever words it shares
    aside_cues: tuple[str, ...] = ()
    # "nice office!", "mooie paasdecoratie!": small talk that pays her a compliment, which
    # she thanks for (a laugh answers a joke)
    compliment_cues: tuple[str, ...] = ()
    # "how are you?", "busy day?", "alles goed?": small talk about how she is doing, which a
    # scenario's own "busy as ever" answers; "do you live in Venlo?" it does not
    wellbeing_cues: tuple[str, ...] = ()
    # two words typed apart that are one word at the end of a clause ("wat vind je er van?")
    joins: dict[str, str] = field(default_factory=dict)
    # "where do you live?", "how was your holiday?", "did you watch the match?": small talk
    # about her private life, which a scenario's "busy as ever" does not answer
    personal_cues: tuple[str, ...] = ()
    # "anders kom ik na Pasen nog eens langs": a plan of his own she takes up at a drill's end
    plan_cues: tuple[str, ...] = ()
    # "what's the biggest headache?": a problem question in words no fact lists is read
    # as this plain one, so it reaches the problem the scenario tied to "problems"
    problem_question: str = ""
    # what an answer to a concern about money speaks of: what it earns back, what her
    # problem costs now, what she gets for the money (bot.engine.value)
    value_cues: tuple[str, ...] = ()
    # "less", "geen", "no more": the words that make a need's cue its solution; without them
    # the cue names her problem ("less downtime" - "downtime")
    solution_words: frozenset[str] = frozenset()
    # "bij wie komen die klachten terecht?", "whose desk does it land on?": who the trouble
    # ends up with, which her own sentence ("ik ben elke week een uur kwijt") answers
    lands_with: tuple[str, ...] = ()
    # her words for herself ("ik", "I"): the sentence where she speaks of herself
    first_person: frozenset[str] = frozenset()

    def line(self, key: str, address: str = "u") -> tuple[str, ...]:
        """A default buyer line in the buyer's form of address (je/u where it differs)."""
        if address == "je" and key in self.lines_je:
            return self.lines_je[key]
        return self.lines[key]


def _strs(values: object) -> tuple[str, ...]:
    if not values:
        return ()
    assert isinstance(values, list | tuple), values
    return tuple(str(v) for v in values)


@cache
def load_lexicon(lang: str) -> Lexicon:
    data = yaml.safe_load((LEXICON_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    return Lexicon(
        lang=lang,
        stemmer=data["stemmer"],
        abbreviations={str(k): str(v) for k, v in data["abbreviations"].items()},
        contractions={str(k): str(v) for k, v in (data.get("contractions") or {}).items()},
        is_contracted=frozenset(data.get("is_contracted") or []),
        stopwords=frozenset(map(str, data["stopwords"])),
        question_words=frozenset(data["question_words"]),
        question_verbs=frozenset(data["question_verbs"]),
        fillers=frozenset(map(str, data["fillers"])),
        request_cues=_strs(data["request_cues"]),
        intent_cues=_strs(data["intent_cues"]),
        open_requests=_strs(data["open_requests"]),
        hypothetical=frozenset(data["hypothetical"]),
        choice_words=frozenset(data["choice_words"]),
        prepositions=frozenset(data.get("prepositions") or []),
        subjects=frozenset(data.get("subjects") or []),
        subordinators=frozenset(data.get("subordinators") or []),
        negations=frozenset(data.get("negations") or []),
        second_person=frozenset(map(str, data.get("second_person") or [])),
        reaction_words=frozenset(map(str, data.get("reaction_words") or [])),
        frame_words=frozenset(map(str, data.get("frame_words") or [])),
        exclamations=frozenset(data.get("exclamations") or []),
        spin={k: _strs(v) for k, v in data["spin"].items()},
        moves={k: _strs(v) for k, v in data["moves"].items()},
        price_cues=_strs(data["price_cues"]),
        proposal_cues=_strs(data["proposal_cues"]),
        time_cues=_strs(data["time_cues"]),
        pitch_cues=_strs(data["pitch_cues"]),
        lines={k: _strs(v) for k, v in data["lines"].items()},
        hints={k: str(v) for k, v in data["hints"].items()},
        lines_je={k: _strs(v) for k, v in (data.get("lines_je") or {}).items()},
        persona={str(k): {str(a): str(b) for a, b in v.items()}
                 for k, v in (data.get("persona") or {}).items()},
        number_words={str(k): float(v) for k, v in (data.get("number_words") or {}).items()},
        contact_cues=_strs(data.get("contact_cues")),
        elaboration_cues=_strs(data.get("elaboration_cues")),
        aside_cues=_strs(data.get("aside_cues")),
        compliment_cues=_strs(data.get("compliment_cues")),
        wellbeing_cues=_strs(data.get("wellbeing_cues")),
        joins={str(k): str(v) for k, v in (data.get("joins") or {}).items()},
        personal_cues=_strs(data.get("personal_cues")),
        plan_cues=_strs(data.get("plan_cues")),
        problem_question=str(data.get("problem_question") or ""),
        value_cues=_strs(data.get("value_cues")),
        solution_words=frozenset(map(str, data.get("solution_words") or [])),
        lands_with=_strs(data.get("lands_with")),
        first_person=frozenset(map(str, data.get("first_person") or [])),
    )
