"""The buyer's reactions a strict trainer marks (issue 11, round 9 user tests).

Each case comes from the testers' calls, with a variation in the other language or wording,
so a rule fitted to one sentence fails here.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call as _call


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


FIRST_VISIT_EN = [
    "Good morning Ms de Groot, my name is Tom Jansen from SchoonWerk Netherlands. Today I'd "
    "like to hear how cleaning is arranged at your two offices and what you'd like to "
    "improve. Could you tell me a bit about yourself and the office?",
    "How is the cleaning organised at the moment in Haarlem and Beverwijk?",
    "How satisfied are you with them?",
    "At what time of day do they clean now, and how often?",
    "When does your current contract end?",
]


@pytest.mark.parametrize(("lang", "lines", "wrong", "right"), [
    ("en", [*FIRST_VISIT_EN, "So if I understand correctly: the current supplier is mostly "
            "fine, and the contract runs until the end of the year. Is that right?"],
     "the end of the year", "1 April"),
    ("en", [*FIRST_VISIT_EN, "Let me sum up: they come every evening, and the contract runs "
            "until April. Correct?"], "evening", "four in the afternoon"),
    ("nl", ["Goedemorgen mevrouw, ik ben Ahmed van SchoonWerk Nederland.",
            "Hoe laat komen de schoonmakers?",
            "Dus als ik het goed samenvat: de schoonmakers komen 's avonds en dat gaat "
            "prima. Klopt dat?"], "'s avonds", "vier uur"),
])
def test_a_summary_with_a_wrong_time_is_corrected_in_her_words(
        library: Library, lang: str, lines: list[str], wrong: str, right: str) -> None:
    """"The contract runs until the end of the year" when she said 1 April gets no "yes,
    that's right": she names the wrong part and says what she did tell."""
    _engine, _state, replies = _call(library, "first-visit-cleaning", lang, lines)
    assert wrong in replies[-1] and right in replies[-1], replies[-1]
    assert "that's right" not in replies[-1] and "klopt" not in replies[-1], replies[-1]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_right_summary_of_times_is_confirmed(library: Library, lang: str) -> None:
    lines = ({"en": [*FIRST_VISIT_EN, "So to sum up: they come at four in the afternoon and "
                     "the contract runs until 1 April. Is that right?"],
              "nl": ["Goedemorgen mevrouw, ik ben Ahmed van SchoonWerk Nederland.",
                     "Hoe laat komen de schoonmakers?",
                     "Dus samengevat: ze komen om vier uur 's middags, en dat is te vroeg. "
                     "Klopt dat?"]})[lang]
    _engine, _state, replies = _call(library, "first-visit-cleaning", lang, lines)
    assert replies[-1].startswith(("Yes", "Exactly", "Ja", "Zo is het")), replies[-1]


SOFTWARE_EN = [
    "Good morning Mr Smits, good to see you again.",
    "I'd suggest we first look back briefly at our last meeting, then go deeper into the "
    "timesheets and the cao corrections, and finally see whether a demo for the decision "
    "makers makes sense. Would that suit you?",
    "Last time you told me the site foremen still fill in paper timesheets, and payroll "
    "retypes them every week. Is that still the case?",
    "What goes wrong most often with those timesheets?",
    "And what does that lead to for the workers and for payroll?",
    "How do you feel about your current payroll supplier?",
    "I can understand that; a supplier you've trusted for years is worth a lot. What would "
    "they need to do better for you?",
    "What do you pay them per employee today?",
    "I hear you, 9.40 is more per head. When you compare, do you also count the hours "
    "payroll spends on corrections each month?",
    "You said payroll loses about two days a month on corrections. Our site app and the cao "
    "module calculate the allowances automatically, so most of that work disappears. Does "
    "that change how you see the price?",
]


@pytest.mark.parametrize("proposal", [
    "Then I'd like to propose a demo with Monique and someone from the works council, on "
    "Thursday 6 April at 2pm here. Shall I book that?",
    "Shall we plan a demo together with Monique and the works council on Tuesday 7 October "
    "at 10:00, using your own hours data?",
])
def test_a_proposal_that_invites_the_deciders_is_not_told_to_ask_them_first(
        library: Library, proposal: str) -> None:
    """"I need to discuss this with Monique first, and the works council" in answer to a
    demo with Monique and the works council ignores what was proposed."""
    _engine, state, replies = _call(library, "objection-software-renewal", "en",
                                    [*SOFTWARE_EN, proposal])
    assert "discuss this with Monique first" not in replies[-1], replies[-1]
    assert state.objections["dmu_consult"].raised_turn is None


def test_a_proposal_without_the_deciders_still_meets_her_concern(library: Library) -> None:
    _engine, state, replies = _call(library, "objection-software-renewal", "en", [
        *SOFTWARE_EN, "Then I'd like to propose a demo on Thursday 6 April at 2pm here. "
        "Shall I book that?"])
    assert "Monique" in replies[-1], replies[-1]
    assert state.pending_objection == "dmu_consult"


@pytest.mark.parametrize(("scenario", "lang", "ask"), [
    ("spin-printing-urgency", "en", "can u sign up for our newsletter, whats ur email?"),
    ("closing-catering-followup", "en", "can i have ur email adress for the newsletter"),
    ("objection-software-renewal", "nl", "ok top, wat is uw email? dan stuur ik de nieuwsbrief"),
])
def test_asked_for_her_address_she_gives_it(
        library: Library, scenario: str, lang: str, ask: str) -> None:
    """"What's your e-mail address?" - "Sure, I'll send you the details by email" cannot
    work: she hands over her card (or the address) instead."""
    _engine, _state, replies = _call(library, scenario, lang, [
        {"en": "Good morning, nice to see you.", "nl": "Goedemorgen, fijn u te zien."}[lang],
        {"en": "How is that arranged now?", "nl": "Hoe is dat nu geregeld?"}[lang], ask])
    assert any(w in replies[-1] for w in ("kaartje", "card", "@")), replies[-1]
    assert "send you the details" not in replies[-1], replies[-1]


@pytest.mark.parametrize(("lang", "ask"), [
    ("en", "can i get the directors email adress?"),
    ("en", "Great. Could you send me the email address of your director so I can send the "
           "invite?"),
    ("en", "And Monique's e-mail, for the invitation?"),
    ("nl", "Mag ik het mailadres van Monique, dan stuur ik haar de uitnodiging?"),
])
def test_asked_for_someone_elses_address_she_passes_it_on(
        library: Library, lang: str, ask: str) -> None:
    """A user test: "the email address of your director" got Gerard's own address."""
    _engine, _state, replies = _call(library, "objection-software-renewal", lang, [
        {"en": "Good morning, nice to see you.", "nl": "Goedemorgen, fijn u te zien."}[lang],
        ask])
    assert "g.smits@" not in replies[-1] and "card" not in replies[-1], replies[-1]


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemorgen mevrouw Bosman, Kees de Wit van Printwise.",
            "Hoe vaak valt er een labelprinter uit?",
            "Wat gebeurt er met de orders als een labelprinter stilstaat?",
            "Hoeveel pakketten lopen dan vertraging op, en wat kost u dat?",
            "Wat zou het voor uw afdeling betekenen als een storing binnen vier uur verholpen "
            "is?"]),
    ("en", ["Good morning Ms Bosman, I'm Sara Visser from Printwise.",
            "How often do the label printers jam in a typical week?",
            "What happens on the floor when a printer jams during the afternoon peak?",
            "What does a late shipment cost you with your web shop clients?",
            "Suppose a broken printer were fixed within four hours, what would that mean for "
            "your department?"]),
])
def test_the_value_of_solving_a_pain_she_told_is_no_non_priority(
        library: Library, lang: str, lines: list[str]) -> None:
    """"Sounds nice, but it isn't a priority for me" right after her penalty story takes
    back what she just said."""
    _engine, _state, replies = _call(library, "spin-printing-urgency", lang, lines)
    assert "prioriteit" not in replies[-1] and "priority" not in replies[-1], replies[-1]
    assert "wakker" not in replies[-1] and "awake" not in replies[-1], replies[-1]


@pytest.mark.parametrize(("lang", "lines", "unfit"), [
    ("en", ["Good morning Gerard, good to see you again.",
            "Cool. My uncle is in construction too, he always complains about the paperwork "
            "haha"], "Fine, thank you"),
    ("nl", ["Goedemorgen Gerard, goed u weer te zien.",
            "Haha, mijn schoonvader zit ook in de bouw, die klaagt ook altijd over al dat "
            "papierwerk."], "Het gaat goed, dank u"),
    ("en", ["Hi Gerard! Did you survive the quarter closing?"], "Welcome back"),
])
def test_small_talk_gets_an_answer_that_fits_it(
        library: Library, lang: str, lines: list[str], unfit: str) -> None:
    """A remark that asks nothing gets no "fine, thank you"; a greeting that asks her
    something gets no bare "welcome back"."""
    _engine, _state, replies = _call(library, "objection-software-renewal", lang, lines)
    assert unfit not in replies[-1], replies[-1]
    assert "?" in replies[-1], replies[-1]  # and she steers back to the call


def test_two_buyers_do_not_hang_up_with_the_same_words(library: Library) -> None:
    """"Hold on, that date isn't agreed yet ... Goodbye." word for word from two personas
    reads canned: each says it in their own words."""
    byes = []
    for scenario in ("objection-software-renewal", "closing-catering-followup"):
        _engine, state, replies = _call(library, scenario, "en", [
            "Good morning, good to see you again.",
            "Shall we meet again on Tuesday 14 October at 10:00?",
            "Great, see you Tuesday at 10! Bye."])
        assert state.ended and not state.closing["agreed"], replies
        byes.append(replies[-1])
    assert byes[0] != byes[1], byes


OBJECTION_OPEN_EN = [
    "Good afternoon Mr Smits, thanks for seeing me again. Last time you told me about the "
    "paper timesheets. Today I'd like to dig a bit deeper into that.",
    "What did you think of the indicative price I sent you?",
    "I can imagine €9.40 looks like a lot next to what you pay now. Can you tell me what you "
    "pay your current supplier per employee?",
    "And what does the processing of the paper timesheets cost you in hours every month?",
    "What happens when a timesheet is wrong or late?",
    "What would it mean for your team if the hours came in straight from the site?",
]


@pytest.mark.parametrize(("summary", "expect", "unfit"), [
    ("So you pay less now, but you spend extra hours on corrections every month, and errors "
     "cause trouble with the cao payments. Did I get that right?", "that's right",
     "settle my point"),
    ("So you pay less now, but 300 errors a month cause trouble with the cao payments. Did I "
     "get that right?", "300", "settle my point"),
])
def test_a_summary_while_she_objects_is_confirmed_or_corrected(
        library: Library, summary: str, expect: str, unfit: str) -> None:
    """A summary of her points is no answer to her concern: "that doesn't quite settle my
    point" to "did I get that right?" answers a question nobody asked."""
    _engine, state, replies = _call(library, "objection-software-renewal", "en",
                                    [*OBJECTION_OPEN_EN, summary])
    assert state.pending_objection is not None
    assert expect in replies[-1] and unfit not in replies[-1], replies[-1]
