"""How a student opens and asks, read as a trainer reads it.

- "Goedemiddag mevrouw De Groot, ik ben Tom van SchoonWerk." greets her and introduces
  the learner: her surname is no boast (the "groot" of "de grootste");
- thanking her by name later ("Dank u wel mevrouw De Groot, ...") is no pitch either;
- two questions in two sentences ("are you happy with them? and who else decides?") get
  two answers, each in its own form: a short one to the yes/no question, the people to
  the "who" question.

The lines vary name, scenario and language, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call, last_turn


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("scenario", "lang", "line", "firm"), [
    ("first-visit-cleaning", "nl", "Goedemiddag mevrouw De Groot, ik ben Tom van SchoonWerk.",
     True),
    ("first-visit-cleaning", "nl", "Goedemiddag mevrouw De Groot, ik ben Tom van CleanCo.",
     False),
    ("first-visit-cleaning", "nl",
     "goedemorgen mevr de groot! ik ben sanne de wit van schoonwerk nl", True),
    ("first-visit-cleaning", "en", "Hi Mrs de Groot, I'm Tom from SchoonWerk.", True),
    ("drill-objection-price", "nl", "Goedemorgen meneer Hoekstra, ik ben Anouk van Folie Direct.",
     False),
])
def test_greeting_her_by_surname_is_a_greeting(library: Library, scenario: str, lang: str,
                                               line: str, firm: bool) -> None:
    """Her surname is no boast; the card credits the introduction when the learner names
    the firm of the briefing (another firm name gets a tip saying which one)."""
    turn = last_turn(library, scenario, lang, [line])
    assert turn["act"] == "greet_introduce", turn
    assert ("introduce" in turn["objectives"]) is firm or scenario != "first-visit-cleaning", turn


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Dank u wel mevrouw De Groot, dat is heel duidelijk voor mij."),
    ("en", "Thank you very much Mrs De Groot, that is really clear to me now."),
])
def test_thanking_her_by_name_is_no_pitch(library: Library, lang: str, line: str) -> None:
    opening = {"nl": "Goedemiddag, ik ben Tom van SchoonWerk.",
               "en": "Good afternoon, I'm Tom from SchoonWerk."}[lang]
    turn = last_turn(library, "first-visit-cleaning", lang, [opening, line])
    assert turn["act"] != "pitch", turn
    assert "weet nog niets van ons" not in turn["buyer"], turn
    assert "don't know anything about us" not in turn["buyer"], turn


def test_a_size_question_still_asks_the_size(library: Library) -> None:
    """Her name is taken out, not the word "groot": "hoe groot is het kantoor?" asks the
    square metres."""
    turn = last_turn(library, "first-visit-cleaning", "nl", [
        "Goedemiddag mevrouw De Groot, ik ben Tom van SchoonWerk.",
        "Hoe groot zijn de kantoren bij elkaar, in vierkante meters?"])
    assert "square_metres" in turn["details"]["facts"], turn


@pytest.mark.parametrize(("lang", "lines", "first", "second"), [
    ("en", ["Hi, I'm Tom from SchoonWerk.", "Who cleans the offices now?",
            "are you happy with them? and who else decides on this?"],
     "it could be better", "partners"),
    ("nl", ["Goedemiddag, ik ben Tom van SchoonWerk.", "Wie maakt er nu schoon?",
            "Bent u tevreden over ze? En wie beslist er verder mee?"],
     "kan beter", "partners"),
    ("en", ["Hi, I'm Tom from SchoonWerk.",
            "do you have a cleaner now? and how often do they come?"],
     "Blinkend Schoon", "three times a week"),
])
def test_two_questions_in_two_sentences_get_two_answers(
        library: Library, lang: str, lines: list[str], first: str, second: str) -> None:
    reply = call(library, "first-visit-cleaning", lang, lines)[2][-1]
    assert first.lower() in reply.lower(), reply
    assert second.lower() in reply.lower(), reply
    # the "who" question gets the people, not the short "No, I only advise" of a yes/no one
    short = ("No, I only advise; the two partners decide.",
             "Nee, ik adviseer alleen; de twee partners beslissen.")
    assert not reply.rstrip().endswith(short), reply


@pytest.mark.parametrize(("lang", "line", "answer"), [
    ("nl", "kunt u vertellen hoe het bevalt met jullie huidige vervoerder?", "goedkoop"),
    ("nl", "Kunt u mij eens vertellen wat er beter kan aan het transport?", "vaste ophaaltijd"),
    ("en", "Could you tell me how things are going with your current carrier?", "cheap"),
    ("en", "how are things going with the carrier you use now?", "cheap"),
])
def test_a_request_to_tell_is_the_open_question_of_the_drill(
        library: Library, lang: str, line: str, answer: str) -> None:
    """"Kunt u vertellen ...?" asks him to tell (the drill's model answer), no recap of
    what he said ("u vertelde" shares its stem): he tells, and the card credits it."""
    reply = call(library, "drill-closed-to-open", lang, [line])[2][-1]
    assert answer in reply.lower(), reply
    turn = last_turn(library, "drill-closed-to-open", lang, [line])
    assert "not_closed" in turn["objectives"], turn
    assert "summarize" not in turn["details"]["moves"], turn


@pytest.mark.parametrize(("lang", "lines", "fact"), [
    ("en", ["Hi, I'm Tom from SchoonWerk.", "What does it cost you now per month, roughly?"],
     "price_paid"),
    ("nl", ["Hallo, ik ben Tom van SchoonWerk.", "Wat kost de schoonmaak u nu per maand?"],
     "price_paid"),
    ("en", ["Hi, I'm Tom from SchoonWerk.", "What goes wrong with the cleaning now?",
            "And what does that cost you per month?"], "impact"),
])
def test_what_she_pays_now_is_her_price_not_her_pain(
        library: Library, lang: str, lines: list[str], fact: str) -> None:
    """"What does it cost you now per month?" asks her bill (a situation question); "what
    does *that* cost you?" after a problem asks what the problem costs her."""
    turn = last_turn(library, "first-visit-cleaning", lang, lines)
    assert turn["details"]["facts"][:1] == [fact], turn
    assert turn["spin"] == ("situation" if fact == "price_paid" else "implication"), turn


@pytest.mark.parametrize(("lang", "lines", "fact"), [
    ("en", ["Hi Marco, good to see you again.",
            "what do the others in the office think about it?"], "proposal_feedback"),
    ("nl", ["Hoi Marco, leuk je weer te zien.", "wat vinden de anderen op kantoor ervan?"],
     "proposal_feedback"),
    ("en", ["Hi Marco, good to see you again.",
            "How many people are in the office on a normal day?"], "occupancy"),
    ("nl", ["Hoi Marco, leuk je weer te zien.", "hoeveel mensen zitten er per dag op kantoor?"],
     "occupancy"),
])
def test_what_the_others_think_is_their_opinion_not_the_head_count(
        library: Library, lang: str, lines: list[str], fact: str) -> None:
    """"What do the others in the office think about it?" asks their opinion of the
    proposal; "in the office" is where they are, not how many."""
    turn = last_turn(library, "closing-catering-followup", lang, lines)
    assert turn["details"]["facts"][:1] == [fact], turn


@pytest.mark.parametrize(("lang", "lines", "warm"), [
    ("en", ["Morning Gerard, good to see you again.",
            "Last time you told me about the paper timesheets. Today I'd like to go deeper, ok?",
            "what happens when there's a mistake in the hours?",
            "what would it mean for you if the hours came in straight from the app?"],
     "certainly help"),
    ("nl", ["Goedemorgen Gerard, fijn je weer te zien.",
            "Vorige keer vertelde je over de urenbriefjes. Vandaag wil ik daar dieper op in, goed?",
            "wat gaat er mis als er een fout in de uren zit?",
            "wat zou het voor je betekenen als de uren direct via de app binnenkomen?"],
     "zeker schelen"),
])
def test_the_value_of_the_hours_app_after_his_pain(library: Library, lang: str,
                                                    lines: list[str], warm: str) -> None:
    """After Gerard told what goes wrong with the hours, "what would it mean if the hours
    came in straight from the app?" asks the value of his own need: he sees it, not "it
    isn't a priority for me"."""
    reply = call(library, "objection-software-renewal", lang, lines)[2][-1]
    assert warm in reply.lower(), reply


@pytest.mark.parametrize(("lang", "line", "second"), [
    ("en", "how many ppl on the sites now and who collects the hours?", "site managers"),
    ("nl", "hoeveel mensen werken er op de bouw en wie verzamelt de uren?", "uitvoerders"),
])
def test_who_collects_the_hours_is_answered_beside_the_head_count(
        library: Library, lang: str, line: str, second: str) -> None:
    opening = {"en": "morning gerard! good to see u again", "nl": "goedemorgen gerard"}[lang]
    reply = call(library, "objection-software-renewal", lang, [opening, line])[2][-1]
    assert "380" in reply and second in reply, reply


def test_only_in_a_clarifying_question_keeps_the_acknowledgement(library: Library) -> None:
    """"..., alleen de prijs per rol?" means "only the price?", no "but" that takes the
    understanding back: the card keeps the acknowledgement and says nothing is missing."""
    from tests.engine_calls import compiled_library, play
    report = play(compiled_library(), "drill-objection-price", "nl", [
        "Dat begrijp ik, veertien procent is een flink verschil. Waar vergelijkt u ons "
        "precies mee, alleen de prijs per rol?",
        "Onze folie scheurt bijna nooit, dus uw inpaklijn staat niet meer stil. Die "
        "stilstand kost u nu ook geld, toch?",
        "is daarmee uw bezwaar over de prijs weg?"])
    steps = report["objections"][0]["steps"]
    assert all(steps.values()), steps
    assert not any("Begrip tonen" in tip for tip in report["feedback"]), report["feedback"]
    assert report["score"] >= 80, report["score"]


def test_time_lost_chasing_is_no_proposal_to_call(library: Library) -> None:
    """"een uur kwijt aan nabellen" recaps her chasing the cleaners; "zal ik u nabellen?"
    proposes a call."""
    opening = "Goedemiddag, ik ben Tom van SchoonWerk."
    recap = last_turn(library, "first-visit-cleaning", "nl", [
        opening, "Dus u bent elke week een uur kwijt aan nabellen van de schoonmakers."])
    assert recap["act"] != "next_step_proposal", recap
    assert not {"new_appointment", "follow_up"} & set(recap["objectives"]), recap
    proposal = last_turn(library, "first-visit-cleaning", "nl", [
        opening, "Zal ik u volgende week dinsdag om 10 uur nabellen over de offerte?"])
    assert proposal["act"] == "next_step_proposal", proposal


@pytest.mark.parametrize(("lang", "line", "checks"), [
    ("nl", "Hoi Monique, mijn totaal is 70.500 euro", ("kom ik niet uit", "klopt niet")),
    ("en", "Hi Monique, my total is 70,500", ("not what i get", "doesn't match")),
])
def test_a_wrong_total_in_a_short_greeting_is_checked(library: Library, lang: str,
                                                      line: str, checks: tuple[str, ...]) -> None:
    """A figure in a short greeting is the forecast: Monique checks it, she does not just
    greet back ("Hi. Figures, that's what counts.") as if nothing was said."""
    turn = last_turn(library, "drill-forecast", lang, [line])
    assert turn["act"] == "other", turn
    assert any(c in turn["buyer"].lower() for c in checks), turn


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemorgen Gerard, fijn je weer te zien.",
            "Zullen we een demo doen met uw eigen gegevens, met Monique erbij, op donderdag "
            "11 september om 10 uur?"]),
    ("en", ["Morning Gerard, good to see you again.",
            "Shall we do a demo with your own data, with Monique there, on Thursday "
            "11 September at 10?"]),
])
def test_a_demo_with_his_own_data_is_a_proposal_not_a_request_for_his_card(
        library: Library, lang: str, lines: list[str]) -> None:
    turn = last_turn(library, "objection-software-renewal", lang, lines)
    assert turn["act"] == "next_step_proposal", turn
    assert "@" not in turn["buyer"], turn


def test_asking_his_details_still_gets_them(library: Library) -> None:
    turn = last_turn(library, "objection-software-renewal", "nl", [
        "Goedemorgen Gerard, fijn je weer te zien.",
        "Mag ik uw gegevens nog even noteren voor de uitnodiging?"])
    assert "@" in turn["buyer"], turn


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemiddag, ik ben Jeroen van SchoonWerk.",
            "Wij werken met vaste teams en een eigen kwaliteitscontroleur, dus u heeft nooit "
            "meer gedoe."]),
    ("en", ["Good afternoon, I'm Jeroen from SchoonWerk.",
            "We work with fixed teams and our own quality inspector, so you never have any "
            "hassle again."]),
])
def test_a_benefit_before_she_said_anything_is_a_pitch(library: Library, lang: str,
                                                      lines: list[str]) -> None:
    """"..., dus u heeft nooit meer gedoe" before she told anything recaps nothing: the
    offer told to nobody's need is a pitch, whatever "so you" suggests."""
    turn = last_turn(library, "first-visit-cleaning", lang, lines)
    assert turn["act"] == "pitch", turn
    assert "summarize" not in turn["details"]["moves"], turn
