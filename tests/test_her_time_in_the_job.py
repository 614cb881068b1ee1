"""Questions a student asks about her, read as a person would.

- "How long have you been office manager?" asks about her: she tells her story (how long,
  how she got there), not "I'll tell you another time" as if it were her holiday;
- "how often did that happen in the last month?" asks how often the problem she just
  told happens; "month" frames the question, so she does not answer with the one line of
  hers that says "months" (her contract's notice period).
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("scenario", "lang", "line", "story"), [
    ("first-visit-cleaning", "en", "How long have you been office manager?", "seven years"),
    ("first-visit-cleaning", "en", "since when are you office manager?", "seven years"),
    ("first-visit-cleaning", "nl", "Sinds wanneer bent u officemanager?", "zeven jaar"),
    ("first-visit-cleaning", "nl", "hoe lang ben je al officemanager hier?", "zeven jaar"),
    ("objection-software-renewal", "nl", "Hoe lang bent u al HR-manager?", "gerard smits"),
])
def test_asked_how_long_she_has_had_her_job_she_tells(library: Library, scenario: str,
                                                      lang: str, line: str, story: str) -> None:
    reply = last_reply(library, scenario, lang, [line])
    assert story in reply.lower(), reply


_SPIN_CALL = [
    "Goedemorgen meneer, ik ben Joris van PrintPartners. Hoe gaat het met de drukte?",
    "Ik wil vandaag graag begrijpen hoe jullie nu printen en waar het knelt. Daarna kijken we"
    " of we kunnen helpen, oke?",
    "Hoeveel printers hebben jullie en hoe oud zijn ze ongeveer?",
    "Hoe vaak gaan ze stuk, en wat gebeurt er dan?",
    "Wat kost het jullie als de labels niet op tijd geprint worden? Missen jullie dan ook de"
    " vrachtwagen?",
]


@pytest.mark.parametrize("line", [
    "Hoe vaak is dat de laatste maand gebeurd",
    "En hoe vaak gebeurde dat vorige maand?",
])
def test_how_often_last_month_is_not_answered_with_her_notice_period(library: Library,
                                                                     line: str) -> None:
    reply = last_reply(library, "spin-printing-urgency", "nl", [*_SPIN_CALL, line])
    assert "opzegtermijn" not in reply and "PrintFix" not in reply, reply


@pytest.mark.parametrize("line", ["Hoe vaak gaan ze stuk?",
                                  "Hoe vaak gaan ze stuk, en wat gebeurt er dan?"])
def test_how_often_they_break_is_asked_in_plain_dutch(library: Library, line: str) -> None:
    """"stuk gaan" is how a student says the printers fail: she tells the jams at peak,
    not "hm, yes, let's carry on" as if it were small talk."""
    reply = last_reply(library, "spin-printing-urgency", "nl",
                       ["Hoeveel printers hebben jullie en hoe oud zijn ze?", line])
    assert "drie keer op een avond" in reply, reply
