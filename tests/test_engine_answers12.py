"""What the buyer answers to a plain question about what she just told (round 12): a
consequence question gets the next thing she knows rather than "I've never added that
up", and a short follow-up about one part of a list gets that part, not the whole list
after "like I just said".

The cases vary the scenario, the language and the wording, so a rule fitted to one
sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply as _last

_AS_SAID = ("as i said", "like i said", "like i just said", "zoals ik al zei", "zoals ik zei",
            "dat zei ik net al", "dat zei ik al")

_NO_ANSWER = ("weinig over zeggen", "niet veel over te zeggen", "nooit zo op een rij",
              "couldn't tell you", "never added", "not much to say", "lastig te zeggen",
              "hard to say")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])



@pytest.mark.parametrize(("scenario", "lang", "lines", "expected"), [
    # she played the jams down ("then things run a bit late"); asked what a stoppage
    # means, she tells the jams and the late trailer, not "I couldn't say"
    ("spin-printing-urgency", "nl",
     ["Goedemiddag, Sanne van Printwise.", "Wat voor printers staan er bij jullie?",
      "En wat gebeurt er als er eentje vastloopt?",
      "Wat betekent zo'n stilstand dan voor jullie?"], "trailer"),
    ("spin-printing-urgency", "en",
     ["Hi, Daan from Printwise.", "How many label printers do you have?",
      "What happens when one of them jams?",
      "and what does such a stoppage mean for the shipments?"], "trailer"),
    # the retyping told; "what if the wages are late?" names no fact of its own, yet
    # asks what the problem leads to: the corrections
    ("objection-software-renewal", "nl",
     ["Goedemiddag, Eva van Loonwijs.", "Waar lopen jullie tegenaan met de uren?",
      "hoeveel tijd kost dat?",
      "wat betekent het voor de timmerlui als ze hun geld later krijgen?"], "correcties"),
    ("objection-software-renewal", "en",
     ["Good afternoon, Eva from Loonwijs.", "What problems do you run into with the hours?",
      "how much time does that take?", "and what does it mean if the wages go out late?"],
     "corrections"),
])
def test_consequence_of_what_she_told_gets_an_answer(library: Library, scenario: str,
                                                     lang: str, lines: list[str],
                                                     expected: str) -> None:
    reply = _last(library, scenario, lang, lines)
    assert expected in reply.lower()
    assert not any(p in reply.lower() for p in _NO_ANSWER)


def test_what_a_stoppage_costs_is_asked_as_a_consequence(library: Library) -> None:
    """'wat kost zo'n stilstand jullie?' asks what the problem costs (an implication), so
    she keeps the penalties to herself in her own words instead of "I can't say"."""
    reply = _last(library, "spin-printing-urgency", "nl",
                  ["Hoi, Mark van Printwise.", "Hoeveel printers hebben jullie staan?",
                   "En als er een vastloopt, wat dan?",
                   "Wat kost zo'n onderbreking jullie ongeveer?"])
    assert not any(p in reply.lower() for p in (*_NO_ANSWER, "waar doel", "wat bedoel"))


@pytest.mark.parametrize(("scenario", "lang", "lines", "part", "not_part"), [
    ("closing-catering-followup", "en",
     ["Hi Marco, good to see you again!", "How many people have lunch there on a normal day?",
      "and mondays?"], "mondays", "160"),
    ("closing-catering-followup", "nl",
     ["Hoi Marco, goed je weer te zien!", "Hoeveel collega's lunchen er op een gewone dag?",
      "en op woensdag?"], "woensdag", "160"),
    ("closing-catering-followup", "en",
     ["Hi Marco, good to see you again!", "How many people have lunch there on a normal day?",
      "and on Fridays?"], "fridays", "110"),
])
def test_a_short_follow_up_on_one_part_gets_that_part(library: Library, scenario: str,
                                                      lang: str, lines: list[str],
                                                      part: str, not_part: str) -> None:
    reply = _last(library, scenario, lang, lines)
    assert part in reply.lower()
    assert not_part not in reply
    assert not reply.lower().startswith(_AS_SAID)


def test_a_recap_keeps_the_capital_of_a_weekday(library: Library) -> None:
    """'As I said: tuesdays and Thursdays' reads as a typo: an English day keeps its
    capital after "like I just said"."""
    reply = _last(library, "closing-catering-followup", "en",
                  ["Hi Marco, good to see you again!",
                   "How many people have lunch there on a normal day?",
                   "Sorry, how many was that per day again?"])
    assert "tuesdays" not in reply


@pytest.mark.parametrize(("scenario", "lang", "lines", "own"), [
    ("objection-software-renewal", "nl",
     ["Goedemiddag, Eva van Loonwijs.", "wie beslist er nog meer mee?",
      "en heeft u haar e-mailadres voor me?"], "g.smits@"),
    ("objection-software-renewal", "nl",
     ["Goedemiddag, Eva van Loonwijs.", "wie moet hier verder akkoord op geven?",
      "top, wat is de financieel directeur d'r mailadres?"], "g.smits@"),
    ("spin-printing-urgency", "en",
     ["Hi, Daan from Printwise.", "who decides on this?",
      "great, could you give me ruud's email for the invite?"], "i.bosman@"),
    ("spin-printing-urgency", "en",
     ["Hi, Daan from Printwise.", "who else has a say in this?", "and what's his email?"],
     "i.bosman@"),
])
def test_someone_elses_address_is_not_her_own(library: Library, scenario: str, lang: str,
                                              lines: list[str], own: str) -> None:
    """'monique haar mailadres', 'Ruud's email': she passes it on, neither her own card
    nor a bare "yes, that's fine"."""
    reply = _last(library, scenario, lang, lines)
    assert own not in reply
    assert any(w in reply.lower() for w in ("mail", "gegevens", "details", "stuur", "send"))


@pytest.mark.parametrize(("scenario", "lang", "lines", "unsaid"), [
    ("spin-printing-urgency", "en",
     ["Hi, Daan from Printwise.", "Which printers do you use and how many orders a day?",
      "So if I get it right: at peak the line stood still for days and that cost you "
      "customers. Correct?"], True),
    ("spin-printing-urgency", "nl",
     ["Hoi, Daan van Printwise.", "Welke printers hebben jullie en hoeveel orders per dag?",
      "Even samenvatten: bij een storing ligt alles stil en dat kost jullie klanten, toch?"],
     True),
    # what she did say, in the learner's words, she confirms
    ("spin-printing-urgency", "nl",
     ["Hoi, Daan van Printwise.", "Welke printers hebben jullie en hoeveel orders per dag?",
      "Samengevat: zestien labelprinters uit 2016 en in de piek veel meer orders. Klopt dat?"],
     False),
])
def test_a_summary_with_what_she_kept_back_is_not_confirmed(
        library: Library, scenario: str, lang: str, lines: list[str], unsaid: bool) -> None:
    """'... and that cost you customers. Right?' when she told no lost customer nor any
    fine: she says she never said that, not "yes, that's right"."""
    reply = _last(library, scenario, lang, lines).lower()
    confirmed = reply.startswith(("yes, that's right", "ja, dat klopt"))
    assert confirmed is not unsaid


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("nl", ["Hoi, Daan van Printwise.",
            "Ik wil vandaag graag kennismaken en horen hoe het bij jullie loopt.",
            "hoe is het printen bij jullie georganiseerd?"], "labelprinters"),
    ("en", ["Hi, Daan from Printwise.", "Today I'd like to get to know your operation.",
            "how do you handle printing now?"], "label printers"),
])
def test_how_printing_is_arranged_gets_her_printers(library: Library, lang: str,
                                                    lines: list[str], expected: str) -> None:
    """The plainest situation question of the call gets her fleet, not "I couldn't tell
    you much about that"."""
    assert expected in _last(library, "spin-printing-urgency", lang, lines).lower()


@pytest.mark.parametrize(("scenario", "line", "expected"), [
    ("first-visit-cleaning",
     "Wie heeft er verder nog iets over te zeggen als jullie een schoonmaakbedrijf kiezen?",
     "partners"),
    ("first-visit-cleaning", "Wie heeft er inspraak in de keuze voor een nieuwe schoonmaker?",
     "partners"),
    ("closing-catering-followup", "Wie heeft er verder nog inspraak in de keuze voor een cateraar?",
     "tekent"),
    ("spin-printing-urgency", "Wie heeft er inspraak bij de keuze van een printerleverancier?",
     "ruud"),
])
def test_who_has_a_say_reaches_who_decides(library: Library, scenario: str, line: str,
                                           expected: str) -> None:
    """'wie heeft er inspraak', 'wie heeft er iets over te zeggen': the people who decide,
    not the current supplier or "busy as always"."""
    reply = _last(library, scenario, "nl", ["Goedemorgen, ik ben Tom.",
                                            "Ik wil vandaag graag kennismaken.", line])
    assert expected in reply.lower()
