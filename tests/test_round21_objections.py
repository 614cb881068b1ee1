"""Objection handling as a learner notices it (round 21).

- A check after the answer, asked in the objection's own words ("blijft die veertien
  procent dan nog het bezwaar?", "is that still your concern?"), is the check step: the
  card credits it, no clarifying question is praised for it, and she answers it as a
  check ("No, ..."), not with a "Yes" that says the concern still stands.

The lines vary scenario, wording and language, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call
from tests.engine_calls import script_report as report


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


def card(rep: dict[str, Any]) -> dict[str, bool]:
    return rep["objectives"]["external"]


# -- 1. the check in her concern's own words --------------------------------------------

@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    ("drill-objection-price", "nl", [
        "Dat begrijp ik, veertien procent is een flink verschil.",
        "Onze folie is dunner maar sterker, dus minder scheuren en minder rolwissels. Als de "
        "lijn daardoor minder vaak stilvalt, blijft die veertien procent dan nog het bezwaar?"]),
    ("drill-objection-price", "en", [
        "I see, fourteen percent is quite a difference.",
        "Our film is thinner but stronger, so fewer tears and fewer roll changes. If the line "
        "stops less often, is the fourteen percent still an issue for you?"]),
    ("drill-objection-contract-running", "nl", [
        "Dat begrijp ik, u houdt zich aan het contract.",
        "Bij ons kunt u maandelijks opzeggen, dus u zit nooit meer drie jaar vast. Is dat "
        "vastzitten dan nog steeds een probleem voor u?"]),
])
def test_a_check_in_her_own_words_is_the_check(library: Library, scenario: str, lang: str,
                                                lines: list[str]) -> None:
    rep = report(library, scenario, lang, lines)
    last = rep["turns"][-1]
    assert last["act"] == "objection_response", last
    assert card(rep)["check"] is True, rep["objectives"]
    assert "clarify" not in last["objectives"], last
    assert last["spin"] is None, last


@pytest.mark.parametrize(("scenario", "lang", "lines", "no"), [
    ("drill-objection-price", "nl", [
        "Dat begrijp ik, veertien procent is een flink verschil.",
        "Onze folie is dunner maar sterker, dus minder scheuren en de lijn staat minder vaak "
        "stil.",
        "Is die veertien procent dan nog een bezwaar?"], "Nee"),
    ("drill-objection-contract-running", "en", [
        "I understand, you honour your contract.",
        "With us you can cancel monthly, so you're never locked in for three years again.",
        "Is that still your concern then?"], "No"),
])
def test_she_answers_the_check_that_her_concern_is_gone(library: Library, scenario: str,
                                                        lang: str, lines: list[str],
                                                        no: str) -> None:
    """Asked whether her concern still stands, after she took the answer, she says it does
    not: "No, ...", not "Yes, ..." (and she asks her own price or comparison nothing)."""
    _, _, replies = call(library, scenario, lang, lines)
    assert replies[-1].startswith(no), replies
    assert "alleen de prijs" not in replies[-1], replies
    rep = report(library, scenario, lang, lines)
    assert rep["turns"][-1]["act"] == "objection_response", rep["turns"][-1]
    assert card(rep)["check"] is True, rep["objectives"]


def test_isolating_is_no_check(library: Library) -> None:
    """"Is er dan nog een ander bezwaar?" isolates her concern: still a clarifying question."""
    rep = report(library, "drill-objection-price", "nl", [
        "Dat begrijp ik, veertien procent is een flink verschil.",
        "Onze folie is dunner maar sterker, dus minder scheuren. Is er dan nog een ander "
        "bezwaar?"])
    assert "check" not in rep["turns"][-1]["objectives"], rep["turns"][-1]


# -- 2. a fitting answer is taken; small talk is no clarifying question ------------------

@pytest.mark.parametrize(("lang", "lines", "taken"), [
    ("nl", ["wat vervelend, snap heel goed dat u voorzichtig bent",
            "wat ging er toen precies mis?",
            "bij ons belt u 1 vast nummer en heeft u binnen 15 min iemand aan de lijn, ook in de "
            "aangifteperiode. neemt dat uw zorg weg?"], "precies wat we toen misten"),
    ("en", ["That sounds awful, I understand you're careful.",
            "What exactly went wrong back then?",
            "With us you call one fixed number and have someone on the line within fifteen "
            "minutes, also in tax season. Does that take away your worry?"],
     "exactly what we were missing"),
])
def test_a_benefit_on_what_she_missed_is_taken(library: Library, lang: str, lines: list[str],
                                               taken: str) -> None:
    """One number and someone on the line within minutes answers "nobody picked up": she
    takes it ("that's exactly what we were missing"), no "that doesn't settle my point",
    and the card credits the benefit."""
    _, _, replies = call(library, "drill-objection-bad-experience", lang, lines)
    assert taken in replies[-1], replies
    rep = report(library, "drill-objection-bad-experience", lang, lines)
    assert card(rep)["respond"] is True, rep["objectives"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Goedemiddag! Mooi uitzicht over de rivier hier, werkt u hier al lang? Maar ik "
           "begrijp het helemaal: het contract loopt tot maart, dan houdt u zich daar netjes "
           "aan."),
    ("en", "Good afternoon! Lovely view of the river here, have you worked here long? But I "
           "completely understand: the contract runs until March and you stick to it."),
])
def test_small_talk_beside_the_understanding_clarifies_nothing(library: Library, lang: str,
                                                               line: str) -> None:
    """A chat question next to the understanding is no question into her concern: the
    card does not credit (or praise) a clarifying step for it, and she takes in the
    understanding rather than "I'll make a note of that"."""
    rep = report(library, "drill-objection-contract-running", lang, [line])
    turn = rep["turns"][-1]
    assert turn["act"] == "objection_response", turn
    assert "acknowledge" in turn["objectives"], turn
    assert "clarify" not in turn["objectives"], turn
    assert card(rep)["clarify"] is False, rep["objectives"]
    assert not any(tip for tip in rep["feedback"] if line[:40] in tip and (
        "achter haar bezwaar" in tip or "behind her objection" in tip)), rep["feedback"]
    _, _, replies = call(library, "drill-objection-contract-running", lang, [line])
    assert replies[-1] not in ("Dat noteer ik.", "I'll make a note of that."), replies


# -- 3. she answers what was asked ------------------------------------------------------

@pytest.mark.parametrize(("lang", "lines", "facts"), [
    ("nl", ["Dat begrijp ik, u houdt zich aan het contract.",
            "Mijn broer werkt trouwens ook in de thuiszorg, die zit de hele dag in de auto. Wat "
            "is bij TeleNed eigenlijk de opzegtermijn, en zit er een boete op als u eerder "
            "stopt?"], ("drie maanden", "boete")),
    ("en", ["I understand, you honour your contract.",
            "My sister works in home care too, she's in the car all day. What is the notice "
            "period with TeleNed, and is there a penalty if you stop early?"],
     ("Three months", "penalty")),
])
def test_a_clarifying_question_after_a_private_story_gets_the_facts(
        library: Library, lang: str, lines: list[str], facts: tuple[str, ...]) -> None:
    """The private story is a sentence of its own; the question after it asks about her
    contract: she gives the notice period and the penalty, not her stock explanation."""
    _, _, replies = call(library, "drill-objection-contract-running", lang, lines)
    for fact in facts:
        assert fact in replies[-1], replies
    rep = report(library, "drill-objection-contract-running", lang, lines)
    assert "clarify" in rep["turns"][-1]["objectives"], rep["turns"][-1]


# -- 4. her price concern, invited; a topic taken up again is no proposal ----------------

RENEWAL_START = {
    "en": ["Good morning Mr Smits, good to see you again. Today I'd like to go over the price "
           "and show you a bit more of our hours app.",
           "Who do you use now for payroll, and are you happy with them?"],
    "nl": ["Goedemorgen meneer Smits, fijn u weer te zien. Vandaag wil ik het met u over de "
           "prijs hebben en u meer laten zien van onze uren-app.",
           "Met welk pakket werkt u nu, en hoe tevreden bent u daarover?"],
}


@pytest.mark.parametrize(("lang", "line", "concern"), [
    ("en", "You said at the start you'd come back to our price. What did you think of the 9.40?",
     "twenty percent more"),
    ("en", "ok clear. u said ud come back to our price, whats ur take on the 9.40?",
     "twenty percent more"),
    ("nl", "U zei dat u nog terug zou komen op onze prijs. Wat vond u van de 9,40?",
     "twintig procent meer"),
])
def test_asked_her_view_of_the_price_she_raises_her_concern(library: Library, lang: str,
                                                            line: str, concern: str) -> None:
    """"What did you think of the 9.40?" gets her price concern ("that's twenty percent
    more"), not her current price recited as a fact; the question proposes no meeting
    (no "I can't decide that alone") and ticks no objective of its own."""
    lines = [*RENEWAL_START[lang], line]
    _, state, replies = call(library, "objection-software-renewal", lang, lines)
    assert concern in replies[-1], replies
    assert state.pending_objection == "price", state.pending_objection
    turn = report(library, "objection-software-renewal", lang, lines)["turns"][-1]
    assert turn["act"] == "fact_question", turn
    assert "competitor_price" not in turn["objectives"], turn


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Coming back to the price: we have a volume scale, above 350 employees I can do "
           "something."),
    ("nl", "Mooi. Maar om even terug te komen op de prijs: we hebben een staffel, boven de 350 "
           "medewerkers kan ik misschien nog wat doen."),
])
def test_coming_back_to_a_topic_is_no_next_step(library: Library, lang: str, line: str) -> None:
    turn = report(library, "objection-software-renewal", lang,
                  [*RENEWAL_START[lang], line])["turns"][-1]
    assert turn["act"] != "next_step_proposal", turn


# -- 5. the answer with its follow-through is the answer ---------------------------------

@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    ("drill-objection-contract-running", "nl", [
        "Dat begrijp ik, u houdt zich aan het contract.",
        "Oké. Bij ons kunt u maandelijks toestellen erbij of eraf doen, dus geen drie jaar vast. "
        "Ik bel u in november nog wel even."]),
    ("drill-objection-discuss-others", "en", [
        "That makes sense, it's a decision for more people.",
        "Our screens work with every laptop, Windows or Mac, through USB-C or wireless, so "
        "that's no problem at all. Can I just come by and explain it to them?"]),
])
def test_a_benefit_on_her_concern_with_a_step_answers_it(library: Library, scenario: str,
                                                         lang: str, lines: list[str]) -> None:
    """A benefit on the need her concern named, then a call or a visit to follow it up: the
    report reads the answer to her objection (the step is its follow-through), and the card
    credits the benefit."""
    rep = report(library, scenario, lang, lines)
    turn = rep["turns"][-1]
    assert turn["act"] == "objection_response", turn
    assert card(rep)["respond"] is True, rep["objectives"]


def test_a_dated_proposal_alone_stays_a_proposal(library: Library) -> None:
    """"Shall we set up a demo with you and the finance director, Tuesday at 10?" while his
    concern stands is a proposal, whatever need its people happen to name."""
    lines = [*RENEWAL_START["en"], "What did you think of the 9.40?",
             "Shall we set up a demo with you and the finance director, Tuesday 12 November at "
             "10?"]
    turn = report(library, "objection-software-renewal", "en", lines)["turns"][-1]
    assert turn["act"] == "next_step_proposal", turn


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Ja, maar kijk: bij ons zit support er gratis bij. Bij andere leveranciers betaalt u "
           "dat apart."),
    ("en", "Yes, but look: with us support is included for free. Other suppliers charge you "
           "for that separately."),
])
def test_yes_but_while_her_concern_stands_argues_with_it(library: Library, lang: str,
                                                         line: str) -> None:
    """A "yes, but" while his concern stands (not only right after he said it) is a poor
    answer to his point: the report reads an objection response, and he does not let the
    concern rest ("let's move on") as if nobody had taken it up."""
    lines = [*RENEWAL_START[lang], "What did you think of the 9.40?" if lang == "en"
             else "Wat vond u van de 9,40?", "Ok.", line]
    _, state, replies = call(library, "objection-software-renewal", lang, lines)
    turn = report(library, "objection-software-renewal", lang, lines)["turns"][-1]
    assert turn["act"] == "objection_response", turn
    assert state.pending_objection is not None, replies
    assert "verder gaan" not in replies[-1] and "move on" not in replies[-1], replies


@pytest.mark.parametrize(("lang", "lines", "line"), [
    ("nl", ["Goedemorgen meneer Smits, fijn u weer te zien.",
            "Vorige keer vertelde u dat de uren op papieren briefjes binnenkomen en dat uw "
            "administratie die overtypt. Klopt dat nog?",
            "Hoe vaak moeten cao-toeslagen achteraf worden gecorrigeerd?"],
     "Dan stel ik voor: de uren-app voor de uitvoerders, zodat de briefjes verdwijnen, "
     "en de cao-module die de toeslagen zelf berekent."),
    ("en", ["Good morning Mr Smits, good to see you again.",
            "Last time you told me the hours come in on paper timesheets and your payroll "
            "people type them over. Is that still right?",
            "How often do cao allowances have to be corrected afterwards?"],
     "Then I suggest this: the hours app for the foremen, so the paper timesheets "
     "disappear, and the cao module that calculates the allowances itself."),
])
def test_a_proposal_on_her_needs_while_a_later_concern_stands_is_the_solution(
        library: Library, lang: str, lines: list[str], line: str) -> None:
    """Gerard raised his concern during the call; a proposal built on the needs he stated
    is the solution the card asks for, not only an answer to that concern."""
    _, state, _ = call(library, "objection-software-renewal", lang, lines)
    assert state.pending_objection is not None and state.objections[
        state.pending_objection].raised_turn != 0, state.pending_objection
    rep = report(library, "objection-software-renewal", lang, [*lines, line])
    assert rep["turns"][-1]["act"] == "solution", rep["turns"][-1]
    assert "solution" in rep["turns"][-1]["objectives"], rep["turns"][-1]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Sure, take your time. When do you think you'll know?"),
    ("nl", "snap dat u er ff over na wilt denken. wat moet u nog uitzoeken voor u ja kunt "
           "zeggen?"),
])
def test_granting_her_time_to_think_takes_up_her_concern(library: Library, lang: str,
                                                         line: str) -> None:
    """"Take your time", "snap dat u erover na wilt denken" acknowledge her wish to think
    it over: the question after it is the objection response, and the card credits no
    new fact question for it."""
    start = {"en": ["Good morning Marco, good to see you again.",
                    "Shall we sign the proposal today, starting 1 September?"],
             "nl": ["Goedemorgen Marco, fijn je weer te zien.",
                    "Zullen we het voorstel vandaag tekenen, met start op 1 september?"]}[lang]
    _, state, _ = call(library, "closing-catering-followup", lang, start)
    assert state.pending_objection == "think_it_over", state.pending_objection
    turn = report(library, "closing-catering-followup", lang, [*start, line])["turns"][-1]
    assert turn["act"] == "objection_response", turn


def test_a_fitting_answer_that_waves_her_request_away_is_not_taken_at_once(
        library: Library) -> None:
    """"A brochure, sure, but honestly it won't show you ..." answers his need while waving
    his request away: the card credits the benefit, but he does not take it at once, and a
    demo proposed next is no check of it."""
    lines = ["A brochure, sure, but honestly it won't show you how easy it is. PersoneelsPlein "
             "puts all your absence data in one system instead of three spreadsheets, with "
             "automatic reminders for the company doctor.",
             "There's also an app where drivers report sick themselves, and a link to your "
             "payroll.",
             "Shall I just book a demo for you next Tuesday at nine? Then you'll see it all in "
             "one go."]
    _, _, replies = call(library, "drill-objection-brochure", "en", lines)
    assert "Then I'd like to see it" not in replies[0], replies
    rep = report(library, "drill-objection-brochure", "en", lines)
    assert card(rep)["respond"] is True, rep["objectives"]
    assert card(rep)["check"] is False, rep["objectives"]


def test_a_but_inside_the_offer_grants_nothing(library: Library) -> None:
    """"We keep €6.90, but the employer only pays for lunches actually taken" is no "yes,
    but" to her point: an answer that fits is taken as before."""
    _, _, replies = call(library, "drill-objection-bad-experience", "en", [
        "That sounds awful, I understand you're careful.",
        "We keep the price the same, but you get one fixed number and someone on the line "
        "within fifteen minutes, also in tax season."])
    assert "exactly what we were missing" in replies[-1], replies


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "And when you say you don't want to be locked in for three years again, what made "
           "this contract feel that way?"),
    ("nl", "En als u zegt dat u niet weer drie jaar vast wilt zitten, wat maakte dat dit "
           "contract zo voelde?"),
])
def test_her_need_quoted_in_a_question_is_no_benefit(library: Library, lang: str,
                                                     line: str) -> None:
    """A clarifying question in her own words ("locked in again") offers nothing: the card
    credits the clarifying step, not a benefit tied to her need."""
    first = {"en": "That's completely fair, and thanks for being so clear.",
             "nl": "Dat is heel terecht, en dank voor uw duidelijkheid."}[lang]
    rep = report(library, "drill-objection-contract-running", lang, [first, line])
    turn = rep["turns"][-1]
    assert "clarify" in turn["objectives"], turn
    assert "respond" not in turn["objectives"], turn
    assert card(rep)["respond"] is False, rep["objectives"]


@pytest.mark.parametrize(("scenario", "lang", "lines", "told"), [
    ("drill-objection-no-time", "en",
     ["Of course, I can see it's packed, I'll be quick.",
      "Which days do you need them most, just Saturday and Sunday or also Easter Monday?"],
     "Saturdays and Sundays"),
    ("drill-objection-brochure", "nl",
     ["Natuurlijk, dat begrijp ik.", "Hoeveel ziekmeldingen hebben jullie ongeveer per maand?"],
     "vijftien ziekmeldingen"),
])
def test_a_question_about_her_situation_in_a_drill_clarifies_her_concern(
        library: Library, scenario: str, lang: str, lines: list[str], told: str) -> None:
    """In a drill she opened with her concern, a question about her situation asks what is
    behind it: the objection response, the clarifying step on the card, and she answers
    the question itself."""
    rep = report(library, scenario, lang, lines)
    turn = rep["turns"][-1]
    assert turn["act"] == "objection_response", turn
    assert card(rep)["clarify"] is True, rep["objectives"]
    assert told in turn["buyer"], turn


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Our plans run per month, with no fixed term. So when people join or leave you only "
           "pay for the phones in use, and you're never locked in again."),
    ("nl", "Onze abonnementen lopen per maand. Dus wanneer er mensen bij komen of weggaan "
           "betaalt u alleen voor de toestellen in gebruik, en zit u nooit meer vast."),
])
def test_a_condition_in_the_answer_is_no_question(library: Library, lang: str,
                                                  line: str) -> None:
    """"So when people join or leave you only pay ..." in an answer closed with a full stop
    states a condition: no clarifying question, she takes the benefit, and the check after
    it is the check."""
    first = {"en": "Thanks for being so direct, that makes sense.",
             "nl": "Dank voor uw duidelijkheid, dat snap ik."}[lang]
    check = {"en": "Is that the kind of freedom you're looking for after March?",
             "nl": "Is dat de vrijheid die u zoekt na maart?"}[lang]
    rep = report(library, "drill-objection-contract-running", lang, [first, line, check])
    answer, checked = rep["turns"][1], rep["turns"][2]
    assert answer["form"] is None and "clarify" not in answer["objectives"], answer
    assert "respond" in answer["objectives"], answer
    assert card(rep)["check"] is True, rep["objectives"]
    assert checked["act"] == "objection_response", checked


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Our software does it all: hours app, cao module, employee app, and a fixed contact "
           "person. Most construction companies are switched over within three months."),
    ("nl", "Onze software doet het allemaal: uren-app, cao-module, medewerkersapp en een vaste "
           "contactpersoon. De meeste bouwbedrijven zijn binnen drie maanden over."),
])
def test_a_feature_list_told_to_nobody_is_not_taken_at_once(library: Library, lang: str,
                                                             line: str) -> None:
    """Gerard said he is happy with Loonhuis; a list of what "our software" does, with no
    word of his or to him, does not win his "all right, worth a look" on the spot."""
    start = {"en": ["Good morning Mr Smits, good to see you again. Today I'd like to go over "
                    "the price and show you a bit more of our hours app.",
                    "Are you still using the paper timesheets on the building sites?",
                    "And is that a lot of work for your payroll people?"],
             "nl": ["Goedemorgen meneer Smits, fijn u weer te zien. Vandaag wil ik het over de "
                    "prijs hebben en u meer laten zien van onze uren-app.",
                    "Werkt u op de bouwplaats nog met papieren urenbriefjes?",
                    "En is dat veel werk voor uw salarisadministratie?"]}[lang]
    _, state, replies = call(library, "objection-software-renewal", lang, [*start, line])
    assert state.objections["happy_current"].raised_turn is not None, replies
    assert not state.objections["happy_current"].handled, replies[-1]


@pytest.mark.parametrize(("lang", "line", "unmoved"), [
    ("nl", "Dat snap ik. Maar u kunt het toch eens proberen?", "zorg niet weg"),
    ("en", "I get that. But you could just give it a try, couldn't you?", "concern"),
])
def test_a_yes_but_asked_as_a_question_leaves_her_unmoved(library: Library, lang: str,
                                                          line: str, unmoved: str) -> None:
    """"Dat snap ik. Maar u kunt het toch eens proberen?" argues in question form: she says
    her concern is not taken away, not "go on" as if nothing were asked."""
    start = {"en": ["Good morning Mr Smits, good to see you again.",
                    "Are you still using the paper timesheets on the building sites?",
                    "And is that a lot of work for your payroll people?"],
             "nl": ["Goedemorgen meneer Smits, fijn u weer te zien.",
                    "Werkt u op de bouwplaats nog met papieren urenbriefjes?",
                    "En is dat veel werk voor uw salarisadministratie?"]}[lang]
    _, state, replies = call(library, "objection-software-renewal", lang, [*start, line])
    assert state.pending_objection == "happy_current", replies
    assert unmoved in replies[-1], replies
    assert "go on" not in replies[-1].lower() and "verder" not in replies[-1], replies


@pytest.mark.parametrize(("lang", "line", "agreed"), [
    ("nl", "Mijn voorstel voor vandaag: eerst kort terugblikken op ons vorige gesprek, dan uw "
           "vragen over de prijsindicatie, daarna kijken hoe onze software past en tot slot of "
           "een demo zinvol is. Kunnen we het zo doen in drie kwartier?", "zinnige opzet"),
    ("en", "My plan for today: first a short look back at our last talk, then your questions "
           "about the price indication, then how our software fits, and finally whether a demo "
           "makes sense. Can we do it like that in forty-five minutes?", "sensible plan"),
])
def test_an_agenda_naming_the_price_asks_no_price(library: Library, lang: str, line: str,
                                                  agreed: str) -> None:
    """The agenda names "your questions about the price indication" as a topic: she agrees
    to the plan and does not recite what she pays now (no competitor price ticked)."""
    greet = {"nl": "Goedemorgen meneer Smits, fijn u weer te zien.",
             "en": "Good morning Mr Smits, good to see you again."}[lang]
    rep = report(library, "objection-software-renewal", lang, [greet, line])
    turn = rep["turns"][-1]
    assert turn["act"] == "state_objective", turn
    assert agreed in turn["buyer"], turn
    assert "7,80" not in turn["buyer"] and "7.80" not in turn["buyer"], turn
    assert "competitor_price" not in turn["objectives"], turn
