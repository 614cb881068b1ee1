"""What a student meets in whole calls typed the way students type (round 21).

- Said once, heard: a seller who told her "we lease label printers, an engineer within four
  hours" is not asked later "do you do label printers too, or just office kit?" - a buyer
  who asks that was not listening.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call, last_turn


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


_PRINT_CALL = {
    "nl": ["hoi ingrid, ik ben Tom van printwise. druk hier he?",
           "hoeveel printers hebben jullie en wie doet het onderhoud nu?",
           "en hoe vaak valt er eentje uit?",
           "wat gebeurt er dan als een labelprinter stilstaat in de piek?",
           "{offer}",
           "wie beslist er eigenlijk over zoiets?",
           "wanneer loopt het contract met de storingsdienst af?",
           "hoeveel zendingen gaan er op een piekdag de deur uit?",
           "en wat kost een gemiste trailer jullie?"],
    "en": ["hi ingrid, tom from printwise. busy down there huh",
           "how many printers do you have and who maintains them?",
           "how often does one break down?",
           "what happens when a label printer stops in the peak?",
           "{offer}",
           "who decides on something like this?",
           "when does the contract with the repair firm end?",
           "how many parcels go out on a peak day?",
           "and what does a missed trailer cost you?"],
}


@pytest.mark.parametrize(("lang", "offer", "asked"), [
    ("nl", "Wij hebben labelprinters in lease met een monteur binnen 4 uur, dat lost het op toch",
     "ook labelprinters"),
    ("nl", "We leasen labelprinters, met monitoring op afstand.", "ook labelprinters"),
    ("en", "We lease label printers with an engineer on site within four hours.",
     "label printers too"),
])
def test_she_does_not_ask_about_what_the_seller_offered(library: Library, lang: str,
                                                         offer: str, asked: str) -> None:
    lines = [line.format(offer=offer) for line in _PRINT_CALL[lang]]
    _engine, _state, replies = call(library, "spin-printing-urgency", lang, lines)
    assert not any(asked in reply for reply in replies), replies


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_she_still_asks_when_the_seller_spoke_of_other_things(library: Library,
                                                              lang: str) -> None:
    """The signal itself still comes when nothing the seller said settles it."""
    offer = {"nl": "Wij doen ook het onderhoud van kopieerapparaten op kantoor.",
             "en": "We also service office copiers."}[lang]
    lines = [line.format(offer=offer) for line in _PRINT_CALL[lang]]
    _engine, _state, replies = call(library, "spin-printing-urgency", lang, lines)
    assert any(("ook labelprinters" if lang == "nl" else "label printers too") in reply
               for reply in replies), replies


_RENEWAL_EN = [
    "morning gerard good to see u again. hows the new project in rosmalen going?",
    "last time u told me about the paper timesheets. today id like to dig a bit deeper and "
    "see if a demo makes sense, ok?",
    "so how do the hours get from the site to payroll now",
    "and how much time does that cost ur payroll people each week?",
    "what happens when an allowance is wrong on a payslip",
    "we have an hours app on the phone so the foreman fills it in on site and it goes "
    "straight to payroll. no more paper",
    "i get that 9.40 feels like a lot. what are you comparing it with?",
    "ok but if ur people save 2 days a month on corrections, thats way more than the "
    "difference right?",
    "does that take away ur concern about the price?",
    "who else would need to see a demo, and when do you decide?",
]


def test_a_demo_that_settles_her_concern_on_a_day_past_her_deadline_is_not_agreed(
        library: Library) -> None:
    """June, notice due by 1 October: "can we do the demo on 14 January?" answers "just send
    me the brochure" (a demo with his own data beats a brochure) but the date is too late.
    He says so in the same reply, instead of a yes-sounding "show it with our data, then"
    followed by a buying question, and "that appointment isn't agreed yet" at the goodbye."""
    lines = [*_RENEWAL_EN, "can we do the demo on thursday 14 jan at 10 with ur finance "
             "director?"]
    _engine, state, replies = call(library, "objection-software-renewal", "en", lines)
    # his concern was pending (since round 22 the price: "that's way more than the difference
    # right?" is an argument he agrees to, no question that brings up the brochure)
    said = " ".join(replies[:-1]).lower()
    assert "brochure" in said or "twenty percent" in said, replies
    assert "too late" in replies[-1].lower(), replies[-1]
    assert "how long does an implementation" not in replies[-1].lower(), replies[-1]
    assert not state.closing["agreed"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Dat begrijp ik goed, acht jaar tevreden zegt veel. Wat bevalt u het meest aan "
           "AutoLease Oost, en wat zou nog beter kunnen?"),
    ("en", "That makes sense, eight years says a lot. What do you like most about them, and "
           "is there anything that could be better?"),
])
def test_asking_what_she_likes_after_acknowledging_clarifies_her_objection(
        library: Library, lang: str, line: str) -> None:
    """The drill's card asks "Clarify: what does she like, what could be even better?":
    asking exactly that after acknowledging her loyalty is the clarify step, also when her
    answer is a fact of the scenario (what works, what bugs her)."""
    opener = {"nl": "Dank u, koffie graag. Fijn dat u zo eerlijk bent.",
              "en": "Thanks, coffee sounds great. Honesty is good."}[lang]
    turn = last_turn(library, "drill-objection-current-supplier", lang, [opener, line])
    assert {"acknowledge", "clarify"} <= set(turn["objectives"]), turn


@pytest.mark.parametrize("line", ["Sure, go ahead.", "Please go ahead, I'm listening.",
                                  "Go ahead, I'd like to hear it."])
def test_inviting_her_to_speak_is_no_request_for_the_order(library: Library,
                                                            line: str) -> None:
    """"Let me be honest with you straight away" - "Sure, go ahead.": the learner lets her
    speak; "Hold on, first this:" as if asked to sign would answer something not said."""
    turn = last_turn(library, "drill-objection-current-supplier", "en", [line])
    assert turn["act"] != "ask_order", turn
    assert not turn["buyer"].startswith("Hold on"), turn


@pytest.mark.parametrize("line", ["Shall we go ahead?", "Can we go ahead with two trucks "
                                  "from March?", "Shall I go ahead and put the order through?"])
def test_asking_to_go_ahead_still_asks_for_the_order(library: Library, line: str) -> None:
    turn = last_turn(library, "drill-closing-order", "en", [line])
    assert turn["act"] == "ask_order", turn


_CATERING = {
    "en": ["Good morning Marco, thanks for the coffee!",
           "Today I'd like to hear what you thought of our proposal and agree how we go on. OK?",
           "What did you think of the proposal?"],
    "nl": ["Goedemorgen Marco, dank je voor de koffie!",
           "Vandaag wil ik graag horen wat je van ons voorstel vond en afspreken hoe we verder "
           "gaan. Goed?",
           "Wat vond je van het voorstel?"],
}
_COMPETITOR = {"en": "Which other caterers have you asked for a proposal?",
               "nl": "Welke andere cateraars hebben jullie om een voorstel gevraagd?"}
_PRICE = {"en": "Our price is 6.90 per lunch, and the food is cooked fresh on site.",
          "nl": "Onze prijs is 6,90 per lunch, en het eten wordt vers op locatie gekookt."}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_rival_she_named_is_no_news_when_she_objects_to_the_price(library: Library,
                                                                     lang: str) -> None:
    """Once Marco said Vers & Co is fifty cents cheaper, his price objection recalls it
    ("like I said"), instead of "I have to be honest - ..." as if he had not."""
    told = _CATERING[lang] + [_COMPETITOR[lang], _PRICE[lang]]
    _engine, state, replies = call(library, "closing-catering-followup", lang, told)
    assert state.objections["cheaper_competitor"].raised_turn == len(told), replies
    assert "Vers & Co" in replies[-2], replies
    recall = {"en": "Like I said", "nl": "Zoals ik al zei"}[lang]
    news = {"en": "I do have to be honest", "nl": "Wat ik wel eerlijk moet zeggen"}[lang]
    assert recall in replies[-1] and news not in replies[-1], replies[-1]

    untold = _CATERING[lang] + [_PRICE[lang]]
    _engine, state, replies = call(library, "closing-catering-followup", lang, untold)
    assert news in replies[-1] and recall not in replies[-1], replies[-1]


@pytest.mark.parametrize(("scenario", "lang", "opening", "line", "not_said"), [
    ("spin-printing-urgency", "en", "Hi Ingrid, Tom from Printwise.",
     "Do you live in Venlo yourself?", "Busy"),
    ("spin-printing-urgency", "nl", "Hoi Ingrid, Tom van Printwise.",
     "Woon je zelf ook in Venlo?", "Druk"),
    ("first-visit-cleaning", "nl", "Goedemorgen, ik ben Lisa van SchoonWerk.",
     "Woont u hier in de buurt?", "daar weet ik niet veel"),
    ("objection-software-renewal", "en", "Morning Gerard, good to see you again.",
     "How was your holiday?", "Busy"),
    ("closing-catering-followup", "en", "Hi Marco, good to see you again.",
     "How do you get to work, by bike?", "Busy"),
    ("first-visit-cleaning", "en", "Good morning, I am Lisa from SchoonWerk.",
     "What do you think of the weather today?", "Go on"),
])
def test_a_question_about_her_life_is_not_answered_with_how_busy_she_is(
        library: Library, scenario: str, lang: str, opening: str, line: str,
        not_said: str) -> None:
    """"Busy as ever" answers "how are you?" or "busy day?", not "do you live in Venlo?";
    nor does "I couldn't tell you much about that". She keeps her private life for later
    and turns to the visit, friendly."""
    turn = last_turn(library, scenario, lang, [opening, line])
    assert turn["act"] == "small_talk", turn
    assert not_said not in turn["buyer"], turn


@pytest.mark.parametrize(("scenario", "lang", "line", "said"), [
    ("spin-printing-urgency", "nl", "Hoi Ingrid, Tom van Printwise. Druk he?", "Druk"),
    ("spin-printing-urgency", "en", "Hi Ingrid, Tom from Printwise. Busy day?", "Busy"),
])
def test_how_she_is_doing_gets_her_own_answer(library: Library, scenario: str, lang: str,
                                              line: str, said: str) -> None:
    assert said in last_turn(library, scenario, lang, [line])["buyer"]


@pytest.mark.parametrize(("lang", "line", "not_said"), [
    ("en", "Lovely weather today, isn't it?", "another time"),
    ("nl", "Mooi weer, toch?", "andere keer"),
    ("nl", "Lekker weertje vandaag, hè?", "andere keer"),
])
def test_small_talk_asking_her_to_agree_gets_agreement(library: Library, lang: str,
                                                       line: str, not_said: str) -> None:
    opening = {"en": "Good morning, I am Lisa from SchoonWerk.",
               "nl": "Goedemorgen, ik ben Lisa van SchoonWerk."}[lang]
    reply = last_turn(library, "first-visit-cleaning", lang, [opening, line])["buyer"]
    assert reply.startswith("Ha,") and not_said not in reply, reply


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Ik kom even horen wat je van ons voorstel vond."),
    ("en", "I've come to hear what you thought of our proposal."),
])
def test_coming_to_hear_his_reaction_is_the_agenda_not_a_proposal(library: Library,
                                                                  lang: str, line: str) -> None:
    """"Ik kom even horen ..." says why the learner came; "I'd rather not say yes today"
    would answer a proposal nobody made."""
    opening = {"nl": "Hoi Marco, fijn je weer te zien.",
               "en": "Hi Marco, good to see you again."}[lang]
    turn = last_turn(library, "closing-catering-followup", lang, [opening, line])
    assert turn["act"] == "state_objective", turn


_ANSWER_AHEAD = {
    "en": "I see. With us you only pay for the lunches people actually take, so no Friday "
          "waste. Over a year that's cheaper than 140 fixed lunches. Does that help?",
    "nl": "Bij ons betaal je alleen de lunches die echt gegeten worden, dus geen verspilling "
          "op vrijdag. Op jaarbasis is dat goedkoper dan 140 vaste lunches. Helpt dat?",
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_price_answered_in_the_message_that_names_it_raises_no_concern(
        library: Library, lang: str) -> None:
    """He named Vers & Co; the learner answers the fifty cents before he raises it (pay
    only for lunches taken, cheaper over the year). "Like I said, fifty cents below you"
    after that would ignore the answer, and the card would call every step missing."""
    lines = [*_CATERING[lang], _COMPETITOR[lang], _ANSWER_AHEAD[lang]]
    _engine, state, replies = call(library, "closing-catering-followup", lang, lines)
    assert "Vers & Co" in replies[-2], replies
    assert "Vers & Co" not in replies[-1], replies[-1]
    # (read as never raised, or as raised when he named the rival and settled now)
    concern = state.objections["cheaper_competitor"]
    assert concern.raised_turn is None or (concern.handled and concern.steps["respond"])
    assert state.pending_objection is None


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_price_named_without_an_answer_still_raises_his_concern(library: Library,
                                                                  lang: str) -> None:
    line = {"en": "Our price is 6.90 per lunch, that is about 150,000 per year in total.",
            "nl": "Onze prijs is 6,90 per lunch, dat is zo'n 150.000 per jaar in totaal."}[lang]
    _engine, state, replies = call(library, "closing-catering-followup", lang,
                                   [*_CATERING[lang], line])
    assert state.pending_objection == "cheaper_competitor", replies


def test_a_check_after_he_agreed_gets_a_yes_not_a_new_price_concern(library: Library) -> None:
    """He said "yes, that answers it for me" to the value argument; "does that take away
    your concern about the price?" asks for his yes. "Now the money: that's twenty percent
    more" would raise, for the first time, the concern the learner asked him to close."""
    lines = _RENEWAL_EN[:9]
    _engine, state, replies = call(library, "objection-software-renewal", "en", lines)
    assert replies[-1].startswith("Yes"), replies[-1]
    assert "twenty percent" not in replies[-1].lower(), replies[-1]
    assert state.pending_objection != "price", replies


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Wij zijn de grootste schoonmaker van Nederland met vaste teams. Wie doet nu uw "
           "schoonmaak?"),
    ("en", "We're the biggest cleaning company in the country, with fixed teams. Who does "
           "your cleaning now?"),
])
def test_a_pitch_with_a_question_gets_the_answer_not_a_request_for_a_question(
        library: Library, lang: str, line: str) -> None:
    """"I'd rather hear a question first" right after a question denies it; she shrugs
    off the boast and answers what was asked."""
    opening = {"nl": "Goedemorgen, ik ben Lisa van SchoonWerk.",
               "en": "Good morning, I'm Lisa from SchoonWerk."}[lang]
    turn = last_turn(library, "first-visit-cleaning", lang, [opening, line])
    assert turn["act"] in ("pitch", "fact_question"), turn
    assert "Blinkend Schoon" in turn["buyer"], turn
    assert "vraag" not in turn["buyer"].lower() and "question" not in turn["buyer"].lower()
