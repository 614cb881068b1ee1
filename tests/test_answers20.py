"""She answers the question asked (round 20).

- "how is the cleaning arranged now?" asks how it is arranged today: who does it (the
  current cleaning company), not which rooms are cleaned;
- "what does that mean for the invoicing?" right after she told a problem asks its
  consequence for one matter; a fact that merely shares the objective ("Joke and Ahmed,
  one and a half FTE") is no answer to it, she says what the problem costs her; asked
  for a matter that fact speaks of ("for Joke and Ahmed?"), it still is the answer;
- "how much time does your team lose on those corrections?" about a told problem gets
  what she knows of it, not the staffing told in other words;
- once a problem of hers is on the table, a need-payoff question about what she spoke
  of gets the value she sees, not "that isn't what keeps me awake"; a benefit she never
  brought up (washing the company cars) still does.

The cases vary scenario, language and wording, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply as _last

CLEANING = {
    "nl": ["Goedemiddag mevrouw De Groot, Tom de Vries van SchoonGroep.",
           "Ik wil graag eerst horen hoe het nu gaat en wat u belangrijk vindt. Goed?"],
    "en": ["Good afternoon Ms de Groot, Tom de Vries from CleanGroup.",
           "I'd like to hear first how things are now and what matters to you. OK?"],
}
RENEWAL = {
    "nl": ["Goedemorgen Gerard, fijn u weer te zien.",
           "Vandaag wil ik dieper ingaan op de uren en een demo plannen. Goed?",
           "Hoe komen de uren van de bouwplaats bij de salarisadministratie?"],
    "en": ["Good morning Gerard, nice to see you again.",
           "Today I'd like to go deeper into the hours and plan a demo. OK?",
           "How do the hours from the sites reach payroll?"],
}
CATERING = {
    "nl": ["Hoi Marco, fijn je weer te zien.", "Hoe is de lunch nu geregeld?"],
    "en": ["Hi Marco, good to see you again.", "How is lunch arranged at the moment?"],
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "Hoe is het schoonmaken hier op dit moment georganiseerd?"),
    ("nl", "En hoe is de schoonmaak nu geregeld?"),
    ("en", "So how is the cleaning organised at the moment?"),
    ("en", "how is the cleaning arranged now?"),
])
def test_how_it_is_arranged_now_names_the_current_company(library: Library, lang: str,
                                                          question: str) -> None:
    reply = _last(library, "first-visit-cleaning", lang, [*CLEANING[lang], question])
    assert "Blinkend Schoon" in reply
    assert "pantr" not in reply  # the rooms are not what was asked


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "En welke ruimtes worden er schoongemaakt?"),
    ("en", "And which rooms get cleaned?"),
])
def test_which_rooms_still_gets_the_rooms(library: Library, lang: str, question: str) -> None:
    reply = _last(library, "first-visit-cleaning", lang, [*CLEANING[lang], question])
    assert "pantr" in reply


@pytest.mark.parametrize(("lang", "question", "known"), [
    ("nl", "Wat betekent dat allemaal voor de facturatie?", "merken we"),
    ("en", "What does all that mean for the invoicing?", "notice it"),
])
def test_consequence_for_a_matter_of_its_own_is_no_staff_numbers(
        library: Library, lang: str, question: str, known: str) -> None:
    reply = _last(library, "objection-software-renewal", lang, [*RENEWAL[lang], question])
    assert "Ahmed" not in reply
    assert known in reply  # she knows what her problem costs her, not "never added up"


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", [*RENEWAL["nl"], "Wat betekent dat allemaal voor de facturatie?",
            "En wat betekent het voor Joke en Ahmed?"]),
    ("en", [*RENEWAL["en"], "So what does that mean for Joke and Ahmed?"]),
])
def test_consequence_for_a_matter_a_fact_speaks_of_gets_that_fact(
        library: Library, lang: str, lines: list[str]) -> None:
    reply = _last(library, "objection-software-renewal", lang, lines)
    assert "pensioen" in reply or "retires" in reply


@pytest.mark.parametrize(("lang", "question", "expected"), [
    ("nl", "En hoeveel tijd verliest uw team per maand aan die correcties?", "correcties"),
    ("en", "And how much time does your team lose on those corrections each month?",
     "corrections"),
])
def test_time_lost_on_corrections_is_no_staffing(library: Library, lang: str, question: str,
                                                 expected: str) -> None:
    reply = _last(library, "objection-software-renewal", lang, [*RENEWAL[lang], question])
    assert expected in reply
    assert "FTE" not in reply and "fte" not in reply


@pytest.mark.parametrize(("lang", "question", "dismissive"), [
    ("nl", "Als je mensen een warme lunch in de nieuwe kantine hadden, wat zou dat "
           "voor jou waard zijn?", "wakker"),
    ("en", "If your people had a warm lunch in the new canteen, what would that be worth to "
           "you?", "keeps me awake"),
])
def test_value_of_what_she_spoke_of_once_a_problem_is_hers(
        library: Library, lang: str, question: str, dismissive: str) -> None:
    reply = _last(library, "closing-catering-followup", lang, [*CATERING[lang], question])
    assert dismissive not in reply
    assert "schelen" in reply or "help" in reply


@pytest.mark.parametrize(("lang", "question", "dismissive"), [
    ("nl", "Wat zou het voor je betekenen als wij ook elke week de bedrijfsauto's wassen?",
     "wakker"),
    ("en", "What would it mean for you if we also washed the company cars every week?",
     "keeps me awake"),
])
def test_value_of_what_she_never_brought_up_stays_lukewarm(
        library: Library, lang: str, question: str, dismissive: str) -> None:
    reply = _last(library, "closing-catering-followup", lang, [*CATERING[lang], question])
    assert dismissive in reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    # "that" after who cleans: the words name no deeper fact, so the question asks her
    # problem, and she tells it
    ("en", [*CLEANING["en"], "Who does your cleaning now?", "and how is that going then?"],
     "team"),
    # right after she told it, asked again what does not go as she would like: she
    # says it again, not "I can't say much about that"
    ("nl", [*CLEANING["nl"], "Wie verzorgt de schoonmaak nu?",
            "Hoe tevreden bent u over hun werk?", "En wat gaat er dan niet zoals het hoort?"],
     "team"),
])
def test_a_problem_question_after_the_supplier_gets_her_problem(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    reply = _last(library, "first-visit-cleaning", lang, lines)
    assert expected in reply
    assert "couldn't tell you" not in reply and "weet ik niet veel" not in reply


@pytest.mark.parametrize(("question", "branches"), [
    ("Waar zit het probleem volgens u?", False),
    ("Waar zit voor u de grootste ergernis?", False),
    ("Waar zitten jullie vestigingen?", True),
    ("Waar zijn jullie gevestigd?", True),
])
def test_where_it_lies_is_no_question_about_the_branches(library: Library, question: str,
                                                         branches: bool) -> None:
    reply = _last(library, "first-visit-cleaning", "nl", [
        *CLEANING["nl"], "Wie verzorgt de schoonmaak nu?", question])
    assert ("Twee vestigingen" in reply) is branches


@pytest.mark.parametrize(("lang", "question", "expected", "not_expected"), [
    ("nl", "Wordt de schoonmaak nu door een extern bedrijf gedaan?", "Blinkend Schoon",
     "weet ik niet"),
    ("en", "Is the cleaning done by an outside firm at the moment?", "Blinkend Schoon",
     "couldn't tell"),
    ("nl", "Wat gaat er niet zoals u zou willen met de schoonmaak?", "vier uur", "weet ik niet"),
    ("nl", "Hoe is het kantoor verdeeld over Haarlem en Beverwijk?", "twintig", "Houtweg"),
    ("en", "How is the office split between Haarlem and Beverwijk?", "twenty", "Houtweg"),
    ("nl", "Wat zijn de adressen van beide vestigingen?", "Houtweg", "twintig"),
    ("en", "What are the addresses of both branches?", "Houtweg", "twenty"),
])
def test_flagship_plain_questions_reach_the_fact_asked(library: Library, lang: str,
                                                       question: str, expected: str,
                                                       not_expected: str) -> None:
    reply = _last(library, "first-visit-cleaning", lang, [*CLEANING[lang], question])
    assert expected in reply
    assert not_expected not in reply


@pytest.mark.parametrize(("lang", "lines", "question"), [
    ("en", ["Hi Mrs Jansen, Tom from PrintPartners.", "Who does the maintenance now?"],
     "And are you satisfied with them?"),
    ("nl", ["Hoi mevrouw Jansen, Tom van PrintPartners.", "Wie doet nu het onderhoud?"],
     "En bent u tevreden over ze?"),
])
def test_satisfied_with_the_repair_firm_she_just_named(library: Library, lang: str,
                                                       lines: list[str], question: str) -> None:
    reply = _last(library, "spin-printing-urgency", lang, [*lines, question])
    assert "PrintFix" in reply
    assert "couldn't tell" not in reply and "weet ik niet" not in reply


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "And what does all that mean for your invoicing to clients?"),
    ("nl", "En wat betekent dat allemaal voor de facturatie naar klanten?"),
])
def test_consequence_for_matters_no_fact_speaks_of_is_no_other_story(
        library: Library, lang: str, question: str) -> None:
    # several words, but no story of their own ("if the wages go out late"): they name
    # for what the consequence is asked, and neither the allowances nor the staffing
    # speak of any of it
    reply = _last(library, "objection-software-renewal", lang, [*RENEWAL[lang], question])
    assert "Ahmed" not in reply and "FTE" not in reply and "fte" not in reply
    assert "mileage" not in reply and "kilometers" not in reply
