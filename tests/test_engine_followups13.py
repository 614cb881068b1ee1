"""Short follow-ups that lean on her previous answer (round 13): "and at peak?" right
after her volumes, "en in de piek, rond de feestdagen?" right after how long a station is
down. The topic carries over from what she just answered and the new words narrow it, so
she answers from that answer or the fact that follows on from it, not with "I don't know
much about that" or "what do you mean exactly?".

The cases vary the scenario, the language and the wording, so a rule fitted to one
sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply as _last

_STOCK = ("niet veel over te zeggen", "weinig over zeggen", "couldn't tell you much",
          "can't really say much", "wat bedoel", "what do you mean")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])



def _texts(library: Library, scenario: str, fact_id: str, lang: str) -> list[str]:
    fact = next(f for f in library.scenarios[scenario].facts if f.id == fact_id)
    texts = [fact.answer] + ([fact.short_answer] if fact.short_answer else [])
    return [str(getattr(t, lang)) if not isinstance(t, dict) else str(t[lang]) for t in texts]


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("nl", ["Goedemiddag, Sanne van Printwise.", "Hoeveel orders gaan er per dag de deur uit?",
            "en in de piek, rond de feestdagen?"], "14.000"),
    ("en", ["Hi, Daan from Printwise.", "How many orders do you ship a day?", "and at peak?"],
     "14,000"),
    ("en", ["Hello, Daan from Printwise.", "What volumes are we talking about on a normal day?",
            "and in the busy season?"], "14,000"),
])
def test_and_at_peak_after_her_volumes_gets_the_peak_figure(library: Library, lang: str,
                                                             lines: list[str],
                                                             expected: str) -> None:
    reply = _last(library, "spin-printing-urgency", lang, lines)
    assert expected in reply
    assert not any(s in reply.lower() for s in _STOCK)


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemiddag, Sanne van Printwise.", "Waar lopen jullie tegenaan met de printers?",
            "Hoe lang ligt zo'n tafel dan stil?", "en in de piek, rond de feestdagen?"]),
    ("en", ["Hi, Daan from Printwise.", "What problems do you have with the printers?",
            "How long is a station down then?", "and at peak?"]),
])
def test_at_peak_after_a_stoppage_gets_what_a_stoppage_then_does(library: Library, lang: str,
                                                                 lines: list[str]) -> None:
    """What a station down for a quarter of an hour does at peak is the missed trailer:
    she tells it as she would (lightly, at first), not "I don't know much about that"."""
    reply = _last(library, "spin-printing-urgency", lang, lines)
    assert any(reply.startswith(t.split(".")[0])
               for t in _texts(library, "spin-printing-urgency", "late_trucks", lang))


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("nl", ["Goedemiddag, Eva van Loonwijs.", "Wie doet nu jullie salarisadministratie?",
            "en de uren?"], "correcties"),
    ("nl", ["Goedemiddag, Eva van Loonwijs.", "Wie verwerkt bij jullie de salarissen?",
            "en de reisuren dan?"], "correcties"),
])
def test_and_the_hours_after_who_does_payroll_gets_the_hours(library: Library, lang: str,
                                                             lines: list[str],
                                                             expected: str) -> None:
    """Not her short "sometimes, yes" to a yes/no question nobody asked."""
    reply = _last(library, "objection-software-renewal", lang, lines)
    assert expected in reply
    assert not reply.startswith(("Soms, ja", "Sometimes, yes"))


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Hi, Daan from Printwise.", "What problems do you have with the printers?",
            "since when?"]),
    ("nl", ["Goedemiddag, Sanne van Printwise.", "Waar lopen jullie tegenaan met de printers?",
            "sinds wanneer?"]),
    ("nl", ["Goedemiddag, Sanne van Printwise.", "Wat gaat er mis in de piek?",
            "sinds wanneer al?"]),
])
def test_since_when_with_no_date_of_hers_gets_a_plain_dont_know(library: Library, lang: str,
                                                                lines: list[str]) -> None:
    """The question is clear; she has no date for it: she says so, not "what do you
    mean exactly?" as if the learner had been vague."""
    reply = _last(library, "spin-printing-urgency", lang, lines)
    assert not any(s in reply.lower() for s in _STOCK)
    assert reply not in _texts(library, "spin-printing-urgency", "jams_peak", lang)
