"""What the buyer says back when a student asks something she can answer (round 14).

- "zit u hier al lang?" is small talk about her: she says how long, not "Ha, ja.";
- "what does it mean for you when clients are there?" after she already told the story
  asks what it costs her: she recaps it, not her list of wishes;
- "anything you would change?" is closed in form, but its yes is the thing itself: she
  names her points, not "a few little things";
- a recap that opens with a two-word name keeps its capital ("Bakkerij Kok").

The cases vary scenario, language and wording, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply as _last


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])



@pytest.mark.parametrize(("scenario", "lang", "lines", "expected"), [
    ("first-visit-cleaning", "nl",
     ["Goedemiddag mevrouw De Groot, ik ben Jesse van SchoonWerk. Leuk dat ik langs mag komen!",
      "Mooi kantoor trouwens, zit u hier al lang?"], "zeven jaar"),
    ("first-visit-cleaning", "en",
     ["Good afternoon Mrs de Groot, I'm Jesse from CleanWork. Nice to meet you!",
      "Lovely office by the way, have you been here long?"], "seven years"),
    ("closing-catering-followup", "nl",
     ["Hoi Marco, goed je weer te zien!", "Mooi gebouw, werk je hier al lang?"], "twintig jaar"),
    ("spin-printing-urgency", "en",
     ["Hi, I'm Sam from Printwise.", "Nice place, have you worked here long?"], "twelve years"),
    ("objection-software-renewal", "nl",
     ["Goedemorgen Gerard, fijn u weer te zien.", "Bent u hier al lang, trouwens?"], "elf jaar"),
])
def test_how_long_she_has_worked_there_is_answered(library: Library, scenario: str, lang: str,
                                                   lines: list[str], expected: str) -> None:
    assert expected in _last(library, scenario, lang, lines).lower()


@pytest.mark.parametrize(("lang", "lines", "story", "wishes"), [
    ("nl", ["Goedemiddag mevrouw De Groot, ik ben Jesse van SchoonWerk.",
            "wie doet de schoonmaak nu en hoe tevreden bent u daarover?",
            "kunt u een voorbeeld geven?",
            "Hoe vaak komen ze en om welke tijd?",
            "wat betekent dat voor u als er klanten zitten terwijl ze schoonmaken?"],
     ("gênant", "stofzuigen", "uur kwijt"), "Discretie staat voorop"),
    ("en", ["Good afternoon Mrs de Groot, I'm Jesse from CleanWork. Nice to meet you!",
            "who does the cleaning now and how happy are you with them?",
            "can you give an example?",
            "how often do they come and at what time?",
            "what does it mean for you when clients are there while they clean?"],
     ("embarrassing", "vacuuming", "lose an hour"), "Discretion comes first"),
])
def test_what_a_told_problem_means_for_her_is_no_list_of_wishes(
        library: Library, lang: str, lines: list[str], story: tuple[str, ...],
        wishes: str) -> None:
    reply = _last(library, "first-visit-cleaning", lang, lines)
    assert wishes not in reply
    assert any(word in reply for word in story), reply


@pytest.mark.parametrize(("lang", "lines", "points"), [
    ("en", ["hi marco! good to see u again",
            "what did u think of the proposal overall?", "anything u would change?"],
     ("Fridays", "vegan")),
    ("nl", ["Hoi Marco, goed je weer te zien!", "Wat vond je van het voorstel?",
            "is er iets dat je zou willen veranderen?"], ("vrijdag", "vegan")),
    ("en", ["Hi Marco, nice to see you again.",
            "Is there something you would like to change?"],
     ("Fridays", "vegan")),
])
def test_anything_you_would_change_gets_the_points(library: Library, lang: str,
                                                   lines: list[str],
                                                   points: tuple[str, ...]) -> None:
    reply = _last(library, "closing-catering-followup", lang, lines)
    assert all(point in reply for point in points), reply


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["hi marco, good to see you again", "how is lunch arranged now?",
            "and who brings the sandwiches now?"]),
    ("nl", ["Hoi Marco, goed je weer te zien!", "Hoe is de lunch nu geregeld?",
            "en wie brengt de broodjes nu?"]),
])
def test_a_recap_keeps_the_capital_of_a_two_word_name(library: Library, lang: str,
                                                      lines: list[str]) -> None:
    reply = _last(library, "closing-catering-followup", lang, lines)
    assert "Bakkerij Kok" in reply
    assert "bakkerij Kok" not in reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", ["hey, im daan from printwise.", "anything that goes wrong with them sometimes?"],
     "jam"),
    ("nl", ["Hoi, ik ben Daan van Printwise.", "Gaat er weleens wat mis met de printers?"],
     "vast"),
    ("en", ["Hi, Daan from Printwise.", "anything you'd change about how it works now?"], "jam"),
    ("nl", ["Hoi, ik ben Daan van Printwise.", "Wat zou je veranderen aan hoe het nu gaat?"],
     "vast"),
])
def test_what_goes_wrong_or_would_change_reaches_her_problem(library: Library, lang: str,
                                                             lines: list[str],
                                                             expected: str) -> None:
    reply = _last(library, "spin-printing-urgency", lang, lines)
    assert expected in reply.lower(), reply


@pytest.mark.parametrize(("line", "expected", "not_expected"), [
    ("met hoeveel mensen werken jullie hier en hoeveel vestigingen hebben jullie?",
     "twintig", "Blinkend Schoon"),
    ("Met hoeveel mensen werkt u hier?", "twintig", "Blinkend Schoon"),
    ("werken jullie met een schoonmaakbedrijf?", "Blinkend Schoon", "twintig"),
])
def test_how_many_people_work_here_is_no_question_about_the_cleaner(
        library: Library, line: str, expected: str, not_expected: str) -> None:
    reply = _last(library, "first-visit-cleaning", "nl",
                  ["Goedemorgen, ik ben Sanne van SchoonWerk.", line])
    assert expected in reply and not_expected not in reply, reply
