"""Which objectives a learner's turn is credited with, as a trainer credits them.

- a next step with no day ("Can I give you a demo sometime?", "Zullen we binnenkort nog eens
  afspreken?") fixes nothing yet: the card ticks the next step once a day is named;
- an agenda that names a recap ("for today: a quick recap, ...") announces it: the recap
  is ticked when the learner sums up;
- her words cited to offer the solution ("You said payroll loses days on corrections. Our
  cao module ...") tick the solution, not the summary;
- in the catering follow-up "shall we go ahead?" and "can I put you down for a start on
  1 September?" are trial closes; the close is the signing (or the signature asked for);
  a summary's "right?" asks no order;
- small talk with a keyword in it ("there's a chip shop next to you, any good?",
  "yours is one of the nicest receptions, how long have you worked here?") credits no
  item of the sale.

The lines vary scenario and language, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_turn, script_turns


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("scenario", "lang", "vague", "dated", "objective"), [
    ("spin-printing-urgency", "en", "Can I give you a demo sometime?",
     "How about Thursday 23 May at two o'clock, here in Venlo?", "demo"),
    ("spin-printing-urgency", "nl", "Zal ik een keer een demo komen geven?",
     "Wat dacht je van donderdag 22 mei om 14.00 uur?", "demo"),
    ("first-visit-cleaning", "nl", "Zullen we binnenkort nog een keer afspreken om een "
     "offerte te bespreken?", "Wat dacht u van dinsdag 11 november om 9 uur, hier in "
     "Haarlem?", "follow_up"),
    ("first-visit-cleaning", "en", "Shall I come back in a few weeks with a quote?",
     "Would Thursday the 21st in the morning work, say 10 o'clock?", "follow_up"),
    ("objection-software-renewal", "en", "Could I give a demo to you and your colleagues "
     "some time in the next few weeks?", "How about Wednesday the 12th at 10, with you and "
     "the finance director?", "demo_dmu"),
])
def test_a_next_step_is_credited_once_it_names_a_day(
        library: Library, scenario: str, lang: str, vague: str, dated: str,
        objective: str) -> None:
    opening = {"en": "Good morning, I'm Tom from the supplier.",
               "nl": "Goedemorgen, ik ben Tom van de leverancier."}[lang]
    turns = script_turns(library, scenario, lang, [opening, vague, dated])
    assert objective not in turns[1]["objectives"], turns[1]
    assert objective in turns[2]["objectives"], turns[2]


@pytest.mark.parametrize(("lang", "agenda"), [
    ("en", "For today: a quick recap, a closer look at the hours and allowance problems, "
           "and then whether a demo is useful. Is that ok?"),
    ("nl", "Ik stel voor dat ik eerst kort samenvat wat ik vorige keer hoorde, dan een paar "
           "punten verder uitdiep en, als het past, een demo plan. Akkoord?"),
])
def test_an_agenda_that_names_a_recap_is_no_recap(library: Library, lang: str,
                                                  agenda: str) -> None:
    greeting = {"en": "Good morning Gerard, good to see you again.",
                "nl": "Goedemorgen Gerard, fijn u weer te zien."}[lang]
    turn = script_turns(library, "objection-software-renewal", lang, [greeting, agenda])[-1]
    assert turn["act"] == "state_objective", turn
    assert "agenda" in turn["objectives"] and "recap" not in turn["objectives"], turn


RENEWAL_TO_THE_PAIN = {
    "en": ["Good morning Gerard, good to see you again.",
           "How do the hours from the building sites reach payroll now?",
           "What goes wrong with them most, and how do you fix it now?"],
    "nl": ["Goedemorgen Gerard, fijn u weer te zien.",
           "Hoe komen de uren van de bouwplaats nu bij de salarisadministratie?",
           "Wat gaat er het vaakst mis, en hoe lost u dat nu op?"],
}


@pytest.mark.parametrize(("lang", "offer"), [
    ("en", "You said payroll types the timesheets over by hand. Our hours app lets the "
           "foremen enter the hours on site, so the retyping goes away."),
    ("nl", "U zei dat de salarisadministratie de urenbriefjes overtikt. Met onze uren-app "
           "vullen de uitvoerders de uren op de bouwplaats in, dus dat overtypen verdwijnt."),
])
def test_her_words_cited_to_offer_the_solution_earn_the_solution(
        library: Library, lang: str, offer: str) -> None:
    turns = script_turns(library, "objection-software-renewal", lang,
                         [*RENEWAL_TO_THE_PAIN[lang], offer])
    assert "recap" not in turns[-1]["objectives"], turns[-1]
    assert "solution" in {o for t in turns for o in t["objectives"]}, turns[-1]


CATERING_TO_THE_CLOSE = {
    "en": ["Hi Marco, good to see you again.",
           "What did you think of the proposal?"],
    "nl": ["Hoi Marco, goed je weer te zien.",
           "Wat vond je van het voorstel?"],
}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Shall we go ahead then?"),
    ("en", "If we sort that out, can I put you down for a start in September?"),
    ("nl", "Zullen we het gewoon doen dan?"),
    ("nl", "Stel dat we het zo doen, kunnen we dan uitgaan van een start op 1 september?"),
])
def test_a_trial_close_is_no_close(library: Library, lang: str, line: str) -> None:
    turn = script_turns(library, "closing-catering-followup", lang,
                        [*CATERING_TO_THE_CLOSE[lang], line])[-1]
    assert turn["act"] == "ask_order", turn
    assert "trial_close" in turn["objectives"] and "close" not in turn["objectives"], turn


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Then let's book the signing: Wednesday 28 June at 10am, you and your director, "
           "and I'll bring the final quotation. Shall I send the invitation?"),
    ("nl", "Zullen we dan de tekenafspraak plannen op dinsdag 20 juni om 11 uur, met jou en "
           "de directeur?"),
])
def test_the_signing_on_a_date_is_the_close(library: Library, lang: str, line: str) -> None:
    turn = script_turns(library, "closing-catering-followup", lang,
                        [*CATERING_TO_THE_CLOSE[lang], line])[-1]
    assert "close" in turn["objectives"], turn


def test_a_summary_check_asks_no_order(library: Library) -> None:
    line = ("Even samenvatten of ik het goed heb: je bent positief, je wilt meer afwisseling, "
            "jullie willen starten op 1 september en de directeur tekent. Klopt dat?")
    turn = script_turns(library, "closing-catering-followup", "nl",
                        [*CATERING_TO_THE_CLOSE["nl"], line])[-1]
    assert turn["act"] == "summary", turn
    assert not {"close", "trial_close"} & set(turn["objectives"]), turn


def test_small_talk_about_the_chip_shop_next_door_names_no_decision_maker(
        library: Library) -> None:
    lines = ["Hoi Ingrid, Jeroen van Printwise.",
             "Ik zag trouwens dat er naast jullie een frietkraam zit. Is die een beetje goed?"]
    turn = last_turn(library, "spin-printing-urgency", "nl", lines)
    assert "dmu" not in turn["objectives"], turn
    assert "Ruud" not in turn["buyer"], turn
    # who decides beside her still asks the decision makers
    lines[1] = "Wie beslist er naast jou nog mee over de printers?"
    assert "dmu" in last_turn(library, "spin-printing-urgency", "nl", lines)["objectives"]


def test_a_compliment_with_a_keyword_before_a_small_talk_question_credits_no_scope(
        library: Library) -> None:
    lines = ["Good morning, I'm Tom from SchoonWerk.",
             "I see a lot of reception desks, and yours is honestly one of the nicest. How "
             "long have you been working here?"]
    turn = last_turn(library, "first-visit-cleaning", "en", lines)
    assert "scope" not in turn["objectives"], turn
    assert "seven years" in turn["buyer"].lower(), turn
