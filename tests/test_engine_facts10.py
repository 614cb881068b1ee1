"""Which answer a short follow-up reaches (issue 11, round 9): "who does that?" right
after she told something asks about what she just said.

Each case holds a variation in the other language, scenario or wording, so a rule fitted
to one sentence fails here.
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.lexicon import load_lexicon
from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call

_STOCK = ("getting at", "doel je", "naartoe", "couldn't tell", "weinig over", "niet veel over",
          "what do you mean", "wat bedoel")


# every lead she says something again with ("as I said", "like I just said"), both languages
_REPEATS = tuple(lead.strip() for lang in ("en", "nl") for key in ("repeat", "repeat_just")
                 for lead in load_lexicon(lang).line(key))


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


def _play(library: Library, scenario: str, lang: str, lines: list[str]) -> str:
    """The buyer's last reply (the shared helper plays the lines, seed 0)."""
    return call(library, scenario, lang, lines)[2][-1]


@pytest.mark.parametrize(("scenario", "lang", "lines", "expected"), [
    # after the jams: who clears them (Bas, PrintFix), not "what are you getting at?"
    ("spin-printing-urgency", "en",
     ["Hi Ingrid, I'm Sem.", "do u have problems with jams?", "who does that?"], "Bas"),
    ("spin-printing-urgency", "nl",
     ["Hoi Ingrid, ik ben Sem.", "Heeft u last van storingen?", "wie doet dat dan?"], "Bas"),
    # after the short answer on late trucks: who fixes a stopped station
    ("spin-printing-urgency", "en",
     ["Hi Ingrid, I'm Sem.", "What printers do you have?",
      "What happens exactly when one of them jams?", "Who does that?"], "Bas"),
])
def test_who_follow_up_reaches_the_related_fact(library: Library, scenario: str, lang: str,
                                                lines: list[str], expected: str) -> None:
    reply = _play(library, scenario, lang, lines)
    assert expected in reply, reply
    assert not any(s in reply.lower() for s in _STOCK), reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("nl", ["Hoi Marco!", "wie tekent er bij jullie?", "wie is dat dan precies?"],
     "Annelies Kooij"),
    ("en", ["Hi Marco!", "who signs on your side?", "who is that exactly?"], "Annelies Kooij"),
])
def test_who_is_that_recalls_the_person_she_named(library: Library, lang: str,
                                                  lines: list[str], expected: str) -> None:
    """"Who is that?" right after she named the director: she says who again, not the
    decision criteria or "what are you getting at?"."""
    reply = _play(library, "closing-catering-followup", lang, lines)
    assert expected in reply, reply
    assert not any(s in reply.lower() for s in _STOCK), reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", ["Hi Ingrid, I'm Sem.", "What printers do you have?",
            "What happens exactly when one of them jams?",
            "How many times did that happen last peak?"], "three times"),
    ("nl", ["Hoi Ingrid, ik ben Sem.", "Wat gebeurt er als er in de piek een printer "
            "vastloopt?", "Hoeveel keer is dat afgelopen jaar gebeurd?"], "drie keer"),
])
def test_a_follow_up_on_a_short_answer_never_quotes_what_she_did_not_say(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    """She only said "then things run a bit late": asked how many times, she tells what
    comes first (the jams, with their figure), not "as I said: eleven times", a sentence of
    a story she never told."""
    reply = _play(library, "spin-printing-urgency", lang, lines)
    assert expected in reply, reply
    assert not reply.startswith(_REPEATS), reply


@pytest.mark.parametrize(("scenario", "lang", "ask", "fact"), [
    # who signs, who decides, worded the ordinary way
    ("closing-catering-followup", "nl", "Wie moet er bij jullie uiteindelijk tekenen?", "dmu"),
    ("closing-catering-followup", "en", "Who has to sign in the end?", "dmu"),
    ("spin-printing-urgency", "nl", "Wie neemt er naast u de beslissing over zo'n investering?",
     "dmu"),
    ("spin-printing-urgency", "en", "Who takes the decision besides you?", "dmu"),
    # her reaction to the proposal and what she wants on the menu
    ("closing-catering-followup", "nl", "Welke onderdelen spraken u het meest aan?",
     "proposal_feedback"),
    ("closing-catering-followup", "en", "What did Annelies say about it?", "proposal_feedback"),
    ("closing-catering-followup", "en", "What would you like to see on the menu?", "open_points"),
    ("closing-catering-followup", "nl", "Wat wilt u graag op het menu zien?", "open_points"),
    ("closing-catering-followup", "en", "When will the new staff restaurant be ready?",
     "start_timing"),
    # the price he was sent: he answers with what he pays now
    ("objection-software-renewal", "en", "What did you think of the €9.40 per employee?",
     "price_paid"),
    ("objection-software-renewal", "nl", "Wat vond u van de prijs die ik stuurde?", "price_paid"),
    # who on his team feels it: Joke and Ahmed
    ("objection-software-renewal", "nl", "Wie van uw team merkt dat het meest?", "staffing"),
    ("objection-software-renewal", "en", "Who in your team notices it most?", "staffing"),
    ("spin-printing-urgency", "nl", "Valt er wel eens eentje uit?", "jams_peak"),
])
def test_ordinary_wordings_reach_the_fact_she_knows(library: Library, scenario: str, lang: str,
                                                    ask: str, fact: str) -> None:
    """Questions the persona must be able to answer, in the words the testers used: no
    "I couldn't tell you much about that"."""
    engine = Engine(CompiledScenario(library.scenarios[scenario]))
    state = engine.start(lang, seed=0)
    engine.turn(state, "Hallo, ik ben Sem." if lang == "nl" else "Hello, I'm Sem.")
    engine.turn(state, "Ik wil graag horen hoe het nu gaat." if lang == "nl"
                else "I'd like to hear how things are going.")
    result = engine.turn(state, ask)
    assert fact in result.analysis.facts, (result.analysis.facts, result.reply)
    assert not any(s in result.reply.lower() for s in _STOCK), result.reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", ["Good morning, I'm Lisa from CleanWork.", "Which rooms get cleaned?",
            "How satisfied are you with them?", "What exactly goes wrong with the windows?"],
     "window"),
    ("nl", ["Goedemorgen, ik ben Lisa van SchoonWerk.", "Welke ruimtes worden schoongemaakt?",
            "Hoe tevreden bent u over ze?", "Wat gaat er precies mis met de ramen?"], "ramen"),
])
def test_as_i_said_recalls_the_sentence_that_answers(library: Library, lang: str,
                                                     lines: list[str], expected: str) -> None:
    """Asked about the windows after she told the rooms (windows only when she asks) and
    her satisfaction, "as I said" recalls the windows, not the changing team."""
    reply = _play(library, "first-visit-cleaning", lang, lines)
    assert reply.startswith(_REPEATS), reply
    assert expected in reply.lower(), reply


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_as_i_said_quotes_the_wording_she_used(library: Library, lang: str) -> None:
    """A fact with two wordings: "as I said" repeats the one she told, whatever the seed."""
    lines = (["Good morning, I'm Lisa.", "How satisfied are you with the cleaning?",
              "How many square metres is it?", "How satisfied are you with them, really?"]
             if lang == "en" else
             ["Goedemorgen, ik ben Lisa.", "Hoe tevreden bent u over de schoonmaak?",
              "Hoeveel vierkante meter is het?", "Hoe tevreden bent u nou echt over ze?"])
    for seed in range(12):
        engine = Engine(CompiledScenario(library.scenarios["first-visit-cleaning"]))
        state = engine.start(lang, seed=seed)
        replies = [engine.turn(state, line).reply for line in lines]
        assert replies[3].startswith(_REPEATS), replies
        recalled = replies[3].split(":", 1)[1].strip()
        assert recalled[:25].lower() in replies[1].lower(), (seed, replies)


@pytest.mark.parametrize(("scenario", "lang", "ask", "address"), [
    ("spin-printing-urgency", "en", "can u sign up for our newsletter, whats ur email?",
     "i.bosman@"),
    ("spin-printing-urgency", "nl", "Wat is je mailadres voor de nieuwsbrief?", "i.bosman@"),
    ("objection-software-renewal", "nl", "ok top, wat is uw email? dan stuur ik de nieuwsbrief",
     "g.smits@"),
    ("objection-software-renewal", "en", "Could I have your contact details?", "g.smits@"),
    ("closing-catering-followup", "en", "can i have ur email adress for the newsletter",
     "m.visser@"),
    ("closing-catering-followup", "nl", "Kan ik uw e-mailadres nog even krijgen?", "m.visser@"),
])
def test_asked_for_her_email_she_gives_it(library: Library, scenario: str, lang: str,
                                          ask: str, address: str) -> None:
    """Everyone knows their own address: not "I couldn't tell you much about that", nor
    "I'll send you the details by email" to a request for the address itself."""
    engine = Engine(CompiledScenario(library.scenarios[scenario]))
    state = engine.start(lang, seed=0)
    engine.turn(state, "Hallo, ik ben Sem." if lang == "nl" else "Hello, I'm Sem.")
    engine.turn(state, "Ik wil graag horen hoe het nu gaat." if lang == "nl"
                else "I'd like to hear how things are going.")
    reply = engine.turn(state, ask).reply
    assert address in reply, reply
