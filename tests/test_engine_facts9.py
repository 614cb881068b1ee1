"""Which fact a question reaches (issue 11, round 8): the words the learner typed decide.

Each case holds a variation in the other language or wording, so a rule fitted to one
sentence fails here.
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.cues import CueIndex
from bot.engine.engine import Engine
from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


@pytest.mark.parametrize(("lang", "keyword", "message"), [
    # the stem of "gegevens" is "geven": a message that only says "geven" names no data
    ("nl", "eigen gegevens", "Kunt u mij uw eigen mening geven?"),
    ("nl", "gegevens", "Wat zou u ervoor geven?"),
    # the stem of "wagens" is "wagen", of "wagen" "waag": the raw "wagen" is not "wagens"
    ("nl", "wagens", "Durft u het te wagen?"),
])
def test_a_raw_word_is_no_keyword_stem(library: Library, lang: str, keyword: str,
                                       message: str) -> None:
    """A keyword is matched against the stems of the message, not its raw words, so a
    word that happens to spell another word's stem does not name that word's topic."""
    cl = CompiledScenario(library.scenarios["objection-software-renewal"]).language(lang)
    index = CueIndex(cl.lm.pipeline)
    index.add_keywords("topic", [keyword])
    assert "topic" not in index.match(cl.lm.analyze(message))
    same = message.replace("geven", "gegevens").replace("wagen?", "wagens?")
    assert "topic" in index.match(cl.lm.analyze(same))


@pytest.mark.parametrize(("scenario", "lang", "greeting", "ask", "answer_word"), [
    ("spin-printing-urgency", "nl", "Hoi Ingrid, ik ben Sem van PrintPro.",
     "Hoe ben jij eigenlijk in de logistiek terechtgekomen?", "vloer"),
    ("spin-printing-urgency", "en", "Hi Ingrid, Sem from PrintPro.",
     "So how did you end up in logistics?", "floor"),
    ("first-visit-cleaning", "nl", "Goedemorgen, ik ben Lisa van SchoonWerk.",
     "hoe lang werk je hier al?", "zeven jaar"),
    ("first-visit-cleaning", "en", "Good morning, I'm Lisa from CleanWork.",
     "how long have you worked here?", "seven years"),
    ("objection-software-renewal", "en", "Good morning Gerard, Sem from Loonwijs.",
     "How did you end up in HR?", "controller"),
    ("closing-catering-followup", "nl", "Hoi Marco!",
     "hoe ben jij eigenlijk facilitair manager geworden?", "conciërge"),
])
def test_a_question_about_herself_gets_her_answer(
        library: Library, scenario: str, lang: str, greeting: str, ask: str,
        answer_word: str) -> None:
    """Asked about her own career she answers in character, as small talk (no stock "I
    couldn't tell you much about that", no fact of the case credited)."""
    engine = Engine(CompiledScenario(library.scenarios[scenario]))
    state = engine.start(lang, seed=0)
    engine.turn(state, greeting)
    result = engine.turn(state, ask)
    assert answer_word in result.reply.lower(), result.reply
    assert result.record is not None and not result.record.facts


@pytest.mark.parametrize(("lang", "ask", "figure"), [
    ("nl", "Hoeveel mensen werken hier eigenlijk?", "vijfenvijftig"),
    ("en", "How many staff do you have here?", "fifty-five"),
])
def test_the_headcount_is_answered(library: Library, lang: str, ask: str,
                                   figure: str) -> None:
    """"How many people work here?" gets the headcount, not "busy as ever"."""
    engine = Engine(CompiledScenario(library.scenarios["spin-printing-urgency"]))
    state = engine.start(lang, seed=0)
    engine.turn(state, "Hoi Ingrid, ik ben Sem." if lang == "nl" else "Hi Ingrid, I'm Sem.")
    reply = engine.turn(state, ask).reply
    assert figure in reply.lower(), reply


@pytest.mark.parametrize(("lang", "ask"), [
    ("nl", "Wat hebben te late trailers je vorig jaar gekost?"),
    ("nl", "Wat doe je met de orders die niet mee zijn gegaan?"),
    ("en", "What do you do with the orders that don't make it?"),
])
def test_a_plain_question_naming_a_deeper_fact_gets_it_played_down(
        library: Library, lang: str, ask: str) -> None:
    """When the words name a consequence but the question reads as a situation or problem
    question, the fact the words name wins: she plays it down with its short answer (the
    full story still waits for the implication question), no stock "I can't say"."""
    engine = Engine(CompiledScenario(library.scenarios["spin-printing-urgency"]))
    state = engine.start(lang, seed=0)
    engine.turn(state, "Hoi Ingrid, ik ben Sem." if lang == "nl" else "Hi Ingrid, I'm Sem.")
    result = engine.turn(state, ask)
    assert result.record is not None and result.record.answered, result.reply
    told = {f.id for f in engine.scenario.facts if f.short_answer is not None
            and any(t in result.reply for t in engine.cs.language(lang).texts(f.short_answer))}
    assert told & set(result.record.answered), result.reply


@pytest.mark.parametrize(("scenario", "lang", "lines", "expected"), [
    ("first-visit-cleaning", "en",
     ["Good morning, I'm Lisa from CleanWork.", "Do you have one cleaning company for both "
      "offices?"], "Blinkend Schoon"),
    ("first-visit-cleaning", "en",
     ["Good morning, I'm Lisa from CleanWork.", "How often is the office cleaned?",
      "And who does that now?"], "Blinkend Schoon"),
    ("first-visit-cleaning", "nl",
     ["Goedemorgen, ik ben Lisa van SchoonWerk.",
      "Wie doet bij jullie nu eigenlijk de schoonmaak?"], "Blinkend Schoon"),
    ("first-visit-cleaning", "nl",
     ["Goedemorgen, ik ben Lisa van SchoonWerk.", "Hoe vaak wordt er schoongemaakt?",
      "wie doet dat dan?"], "Blinkend Schoon"),
    ("first-visit-cleaning", "en",
     ["Good morning, I'm Lisa from CleanWork.", "Which rooms get cleaned?",
      "who does that?"], "Blinkend Schoon"),
    ("spin-printing-urgency", "nl",
     ["Hoi Ingrid, ik ben Sem.", "hebben jullie ook nog gewone kantoorprinters?"],
     "2016"),
    ("spin-printing-urgency", "en",
     ["Hi Ingrid, I'm Sem.", "Do you have office printers as well?"], "2016"),
    ("spin-printing-urgency", "nl",
     ["Hoi Ingrid, ik ben Sem.", "Heb je in de drukte meer last van de printers?"],
     "vast"),
])
def test_an_ordinary_question_gets_her_fact(library: Library, scenario: str, lang: str,
                                            lines: list[str], expected: str) -> None:
    """Plain questions in words the facts did not list yet ("one cleaning company", "who
    does that now?", "office printers") get her answer, not "I couldn't tell you much"."""
    engine = Engine(CompiledScenario(library.scenarios[scenario]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, line).reply for line in lines]
    assert expected in replies[-1], replies


@pytest.mark.parametrize(("scenario", "lang", "lines", "asked", "told"), [
    ("first-visit-cleaning", "en",
     ["Good morning, I'm Lisa.", "Many offices in Haarlem have their cleaning in the "
      "evening. Who decides on the cleaning contract?"], "decision_makers", "time_of_day"),
    ("first-visit-cleaning", "nl",
     ["Goedemorgen, ik ben Lisa.", "Veel kantoren in Haarlem laten 's avonds schoonmaken. "
      "Wie beslist er over het schoonmaakcontract?"], "decision_makers", "time_of_day"),
    ("objection-software-renewal", "nl",
     ["Goedemorgen Gerard, Sem van Loonwijs.", "Een leverancier waar je al jaren mee "
      "werkt, wissel je niet zomaar. Wat zou er moeten gebeuren voordat u een alternatief "
      "serieus overweegt?"], "satisfaction", "current_supplier"),
])
def test_the_question_not_the_statement_before_it_decides_the_answer(
        library: Library, scenario: str, lang: str, lines: list[str], asked: str,
        told: str) -> None:
    """A topic the learner mentions in a statement before the question ("many offices
    clean in the evening. Who decides ...?") is not what she answers."""
    engine = Engine(CompiledScenario(library.scenarios[scenario]))
    state = engine.start(lang, seed=0)
    results = [engine.turn(state, line) for line in lines]
    record = results[-1].record
    assert record is not None and told not in record.answered, results[-1].reply
    assert asked in record.answered, results[-1].reply
