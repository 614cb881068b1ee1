"""What the buyer answers when a question names no fact's cues (round 15).

- asked about her own business in words no fact lists ("since when are you office
  manager here?", "who cleans here now?"), she answers from what she knows or already
  said, never "I don't know offhand";
- "management" is who decides, an "office manager" is not: how long she has had the job
  gets how long, not the partners who sign;
- a closed request with no fact in it ("will you let me know?") gets no "as I said".

The cases vary scenario, language and wording, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.lexicon import load_lexicon
from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call
from tests.engine_calls import last_reply as _last

IGNORANT = ("weet ik zo niet", "niet veel over te zeggen", "weinig over zeggen",
            "don't know offhand", "couldn't tell you", "can't really say", "can't say much")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


CLEANING_NL = ["Goedemorgen mevrouw De Groot, ik ben Daan Visser van SchoonWerk.",
               "Ik wil vandaag vooral kennismaken en horen hoe het bij u geregeld is.",
               "Kunt u misschien iets over uzelf en het kantoor vertellen?"]
CLEANING_EN = ["Good morning Mrs de Groot, I'm Dan Visser from CleanWork.",
               "Today I'd mainly like to get to know you and hear how things are arranged.",
               "Could you tell me a bit about yourself and the office?"]
RENEWAL_NL = ["Goedemorgen Gerard!", "Goed, laten we beginnen.",
              "Wat betalen jullie nu eigenlijk bij de huidige club?"]


@pytest.mark.parametrize(("scenario", "lang", "lines", "expected"), [
    ("first-visit-cleaning", "nl", [*CLEANING_NL, "Sinds wanneer bent u hier officemanager?"],
     "zeven jaar"),
    ("first-visit-cleaning", "en", [*CLEANING_EN, "Since when have you been the office "
                                    "manager here?"], "seven years"),
    ("first-visit-cleaning", "nl", [*CLEANING_NL, "Sinds wanneer bent u hier officemanager?",
                                    "En wie maakt er op dit moment bij jullie schoon?"],
     "Blinkend Schoon"),
    ("objection-software-renewal", "nl", [*RENEWAL_NL, "En sinds wanneer zitten jullie daar?"],
     "2016"),
])
def test_she_answers_from_what_she_knows(library: Library, scenario: str, lang: str,
                                         lines: list[str], expected: str) -> None:
    reply = _last(library, scenario, lang, lines)
    assert expected.lower() in reply.lower()
    assert not any(phrase in reply for phrase in IGNORANT)


def test_office_manager_is_no_question_about_who_decides(library: Library) -> None:
    reply = _last(library, "first-visit-cleaning", "en",
                  [*CLEANING_EN, "How long have you been office manager?"])
    assert "partners" not in reply
    assert "seven years" in reply.lower()


def test_a_closed_request_gets_no_recap(library: Library) -> None:
    reply = _last(library, "objection-software-renewal", "nl",
                  [*RENEWAL_NL, "Oké, prima, overleg het maar even met de directie. "
                   "Laat je het me weten?"])
    assert "zei ik" not in reply and "Zoals ik al zei" not in reply


def _reached(library: Library, scenario: str, lang: str, lines: list[str]) -> list[str]:
    """The facts the buyer's last reply told or kept back (``fact:``/``guarded:`` events)."""
    engine = Engine(CompiledScenario(library.scenarios[scenario]))
    state = engine.start(lang, seed=0)
    events: list[str] = []
    for line in lines:
        events = engine.turn(state, line).events
    return [e.split(":", 1)[1] for e in events if e.startswith(("fact:", "guarded:"))]


@pytest.mark.parametrize(("scenario", "lang", "question", "fact"), [
    # the budget asked "for new software" is the budget, not what new software must do
    ("objection-software-renewal", "nl",
     "Is er voor volgend jaar al budget gereserveerd voor nieuwe software?", "budget"),
    ("objection-software-renewal", "en",
     "Has any budget been set aside for new software next year?", "budget"),
    # hours spent is the retyping time, not who is on the payroll team
    ("objection-software-renewal", "en",
     "How many hours a month does your payroll team spend on those corrections?",
     "hours_process"),
    ("objection-software-renewal", "nl",
     "Hoeveel tijd gaat er per week ongeveer in dat overtikken zitten?", "hours_process"),
    # what the rival charges is the rival's offer ("charge" is no typo of "change")
    ("closing-catering-followup", "en", "ok fair enough. what do they charge per lunch?",
     "competitor"),
    ("closing-catering-followup", "nl", "Oké. En wat vragen zij per lunch?", "competitor"),
])
def test_the_fact_asked_about_is_the_one_answered(library: Library, scenario: str, lang: str,
                                                  question: str, fact: str) -> None:
    greeting = {"nl": "Goedemorgen, fijn u weer te zien.", "en": "Good morning, good to see you."}
    assert _reached(library, scenario, lang, [greeting[lang], question])[:1] == [fact]


def test_an_example_asked_for_is_the_time_it_went_wrong(library: Library) -> None:
    lines = ["Morning Gerard! Good to see you again.",
             "How do the hours from the sites reach payroll?",
             "What happens when a correction is missed? Who notices it first?",
             "Can you give me an example from last month?"]
    reply = _last(library, "objection-software-renewal", "en", lines)
    assert "last winter" in reply
    assert "since 2016" not in reply and "couldn't tell you" not in reply


@pytest.mark.parametrize(("lines", "expected"), [
    # "n" typed for "and" joins two questions: how many, and who fixes them
    (["hi ingrid, sam from printwise", "how many printers do u have n who fixes them"],
     ("Sixteen", "Bas")),
    (["hi ingrid, sam from printwise", "who fixes ur printers n how old r they"],
     ("Bas", "2016")),
])
def test_both_halves_of_a_texted_question_are_answered(library: Library, lines: list[str],
                                                       expected: tuple[str, ...]) -> None:
    reply = _last(library, "spin-printing-urgency", "en", lines)
    assert all(part in reply for part in expected)


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("nl", ["Goedemorgen Gerard, fijn u weer te zien.",
            "Wat gaat er mis met de toeslagen?", "Wie doet die correcties dan?"], "Joke"),
    ("en", ["Morning Gerard, good to see you again.",
            "What goes wrong with the allowances?", "And who does those corrections?"], "Joke"),
])
def test_who_about_what_she_told_names_the_people(library: Library, lang: str,
                                                  lines: list[str], expected: str) -> None:
    reply = _last(library, "objection-software-renewal", lang, lines)
    assert expected in reply
    assert "thirty to forty" not in reply and "dertig tot veertig" not in reply


PITCHING_NL = [  # a seller who pitches and runs down her supplier: she keeps things back
    "Goedemorgen! Ik ben Kevin de Boer van SchoonWerk Nederland. Wij zijn een van de grootste "
    "schoonmaakbedrijven van het land, met meer dan 4000 medewerkers en een ISO-certificering.",
    "We werken met groene schoonmaakmiddelen, vaste teams en een eigen app waarin u meldingen "
    "kunt doen, en we zijn 24/7 bereikbaar. Eigenlijk alles wat een notariskantoor nodig "
    "heeft dus.",
    "Daarnaast doen we ook glasbewassing, vloeronderhoud en sanitair, allemaal onder één contract.",
    "Wat vindt u daarvan?",
    "Nee hoor, wij zijn juist heel scherp geprijsd. En als u voor drie jaar tekent kan er nog "
    "10% vanaf.",
    "Met wie werken jullie nu eigenlijk?",
    "Ah die ken ik, daar horen we veel klachten over. Wij doen het echt beter.",
    "Hoe groot is het pand?"]


@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    ("objection-software-renewal", "nl",
     ["Goedemorgen Gerard!", "Wat betalen jullie nu bij Loonhuis?",
      "En wat betalen jullie nu eigenlijk bij de huidige club?"]),
    ("first-visit-cleaning", "nl",
     [*PITCHING_NL, "Zal ik gewoon een offerte sturen voor beide vestigingen?",
                   "Wat is uw mailadres?"]),
])
def test_a_refusal_asked_again_is_no_replay(library: Library, scenario: str, lang: str,
                                            lines: list[str]) -> None:
    *before, last = call(library, scenario, lang, lines)[2]
    assert last not in before
    # the same refusal, recalled ("as I said: ..."), or a refusal in other words that
    # claims no "as I said" about words she never used
    leads = [lead.strip() for key in ("repeat", "repeat_just")
             for lead in load_lexicon(lang).line(key)]
    assert any(r[:1].lower() + r[1:] in last for r in before if r.startswith(("Dat", "Daar"))) or (
        not any(lead in last for lead in leads)), last


@pytest.mark.parametrize(("lang", "lines", "unknown"), [
    ("en", ["Hi Ingrid, I'm Sanne from Printwise, we lease label printers to logistics firms.",
            "Today I'd like to understand where printing gets in the way. OK with you?",
            "How often does a label printer jam in a week?",
            "What happens on the packing line when one jams in the afternoon?",
            "And if the truck leaves without those parcels, what does that cost you?",
            "What would it mean for you if the next peak went by without a single missed truck?"],
     "isn't what keeps me awake"),
    ("nl", ["Hoi Ingrid, Sam van Printwise. Ik wil vandaag horen hoe het printen hier gaat.",
            "Wat gebeurt er met de labelprinters in de piek?",
            "En wat betekent een storing in de piek voor de wagens?",
            "Wat zou het voor jou betekenen als de volgende piek zonder gemiste trailer verloopt?"],
     "niet wakker van"),
])
def test_the_worth_of_solving_a_pain_she_told_is_no_shrug(library: Library, lang: str,
                                                          lines: list[str], unknown: str) -> None:
    reply = _last(library, "spin-printing-urgency", lang, lines)
    assert unknown not in reply
    assert "nooit zo op een rij" not in reply and "never really added" not in reply


def test_a_told_fact_named_outright_is_answered_again(library: Library) -> None:
    """"what do they charge per lunch?" about the rival he described is his rival's price
    again, not his open points ("charge" read as "change")."""
    lines = ["hi marco! good to be back", "today: ur feedback on the proposal, any changes, "
             "and hopefully agree the next step. ok?", "so what did u think? anything u want "
             "different", "what exactly is too much, the price or the portions?",
             "who else decides on this besides u",
             "and budget wise whats the max per lunch for the company",
             "when wud u want to start? straight after summer?",
             "r u comparing us w anyone else", "ok fair enough. what do they charge per lunch?"]
    reply = _last(library, "closing-catering-followup", "en", lines)
    assert "fifty cents" in reply
    assert "Fridays" not in reply


@pytest.mark.parametrize(("scenario", "lang", "lines", "expected"), [
    ("spin-printing-urgency", "nl",
     ["Hoi Ingrid, Sam van Printwise.", "Mag ik je e-mailadres voor de uitnodiging? En vind je "
      "het goed als ik je op onze nieuwsbrief zet?"], ("i.bosman@", "zet me er maar op")),
    ("closing-catering-followup", "en",
     ["Hi Marco, good to be back!", "Shall I put you on our newsletter with the seasonal menus?"],
     ("put me on it",)),
    ("objection-software-renewal", "nl",
     ["Goedemorgen Gerard!", "Mag ik u ook toevoegen aan onze nieuwsbrief?"],
     ("Zet u mij er maar op",)),
])
def test_the_newsletter_question_gets_its_answer(library: Library, scenario: str, lang: str,
                                                 lines: list[str],
                                                 expected: tuple[str, ...]) -> None:
    reply = _last(library, scenario, lang, lines)
    assert all(part.lower() in reply.lower() for part in expected)


def test_offering_the_newsletter_asks_no_situation_question(library: Library) -> None:
    engine = Engine(CompiledScenario(library.scenarios["spin-printing-urgency"]))
    state = engine.start("en", seed=0)
    engine.turn(state, "Hi Ingrid, Sam from Printwise.")
    result = engine.turn(state, "Do you get our newsletter by the way? It has loads of tips.")
    assert result.analysis.spin is None


@pytest.mark.parametrize(("lang", "question", "expected"), [
    ("nl", "Wat doe jij precies als operations manager, en voor wat voor webshops werken "
           "jullie vooral?", "veertig webshops"),
    ("en", "What does an operations manager do here exactly, and which web shops do you "
           "work for?", "forty web shops"),
])
def test_asked_about_her_role_she_introduces_herself(library: Library, lang: str,
                                                     question: str, expected: str) -> None:
    opening = {"nl": ["Hoi Ingrid, ik ben Sam van Printwise.",
                      "Ik wil vandaag horen hoe het printen hier gaat. Is dat goed?"],
               "en": ["Hi Ingrid, I'm Sam from Printwise.",
                      "Today I'd like to hear how printing goes here. Is that OK?"]}
    reply = _last(library, "spin-printing-urgency", lang, [*opening[lang], question])
    assert expected in reply
    assert not any(phrase in reply for phrase in IGNORANT)
