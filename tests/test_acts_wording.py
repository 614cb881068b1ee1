"""The act of a learner's turn read from the method's rules in everyday wording: typed on
a phone, informal, in another word order (issue 11, item 1)."""

from __future__ import annotations

import pytest

from bot.engine.acts import Act, Move, main_act
from bot.engine.analysis import TurnAnalysis
from bot.engine.compiled import CompiledScenario
from bot.engine.state import ObjectionState, SessionState
from bot.scenario.library import load_library
from bot.terminal import run_script

OPENING = {
    "nl": ["Goedemorgen, ik ben Tom van SchoonWerk.",
           "Wie doet de schoonmaak nu bij u, en hoe tevreden bent u daarover?"],
    "en": ["Good morning, I'm Tom from SchoonWerk.",
           "Who does the cleaning now, and how happy are you with them?"],
}


@pytest.fixture(scope="module")
def library():
    return load_library([])


def _last_turn(library, lang: str, line: str, scenario: str = "first-visit-cleaning",
               before: list[str] | None = None) -> dict:
    cs = CompiledScenario(library.scenarios[scenario])
    lines = [*(OPENING[lang] if before is None else before), line]
    return run_script(cs, lang, lines, None)["turns"][-1]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Voor beide panden kom je bij ons op zo'n 2.000 euro per maand, alles inbegrepen."),
    ("nl", "Wij zitten meestal een stuk onder de prijs van de grote schoonmaakbedrijven."),
    ("nl", "We doen trouwens ook de glazenwasser en het sanitair, alles op één factuur."),
    ("en", "And the price is very reasonable: 1,900 a month for both offices."),
    ("en", "We work for more than fifty law firms across the region, so we know the sector."),
])
def test_the_offer_or_its_price_told_unasked_is_a_pitch(library, lang: str, line: str):
    assert _last_turn(library, lang, line)["act"] == "pitch"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "wich company does the cleaning at the moment"),
    ("en", "hwo often do they come"),
    ("nl", "hoevel vierkante meter is het samen?"),
])
def test_a_mistyped_question_word_still_asks(library, lang: str, line: str):
    turn = _last_turn(library, lang, line)
    assert turn["act"] == "fact_question" and turn["form"] == "open"


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Prima, dan mail ik u morgen de offerte. Is dat goed?"),
    ("en", "No problem, then I'll email you a quotation tomorrow so you can read it. OK?"),
])
def test_a_later_proposal_with_an_agreement_check_is_a_next_step_not_an_agenda(
        library, lang: str, line: str):
    turn = _last_turn(library, lang, line)
    assert turn["act"] == "next_step_proposal"
    assert turn["spin"] is None  # "is dat goed?" asks her nothing about her situation


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Zullen we het dan zo doen?"),
    ("nl", "zullen we er gewoon voor gaan?"),
    ("en", "Shall we go for it then?"),
    ("nl", "Als ik dat aanpas, kunnen we dan zeggen dat we in september beginnen?"),
    ("en", "If I change that, can we say we start in September?"),
    ("en", "ready to sign?"),
    ("en", "Shall I get the paperwork going?"),
    ("nl", "Zullen we de knoop doorhakken?"),
    ("nl", "Mag ik u noteren voor twintig stuks?"),
])
def test_a_trial_close_in_everyday_words_asks_for_the_order(library, lang: str, line: str):
    turn = _last_turn(library, lang, line, "drill-closing-order", before=[])
    assert turn["act"] == "ask_order" and turn["form"] == "closed"


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Dat snap ik, u heeft het druk.", "Hoeveel mensen werken er bij jullie?"]),
    ("en", ["I understand, you're busy.", "How many people work here, roughly?"]),
])
def test_an_open_question_about_the_concern_she_opened_with_clarifies_it(
        library, lang: str, lines: list[str]):
    """In a drill she opens with her objection: a question she has no stock answer for
    explores it (a clarifying question), the convention of the labelled dialogues."""
    cs = CompiledScenario(library.scenarios["drill-objection-brochure"])
    report = run_script(cs, lang, lines, None)
    assert report["turns"][-1]["act"] == "objection_response"
    assert report["objections"][0]["steps"]["clarify"]


def test_her_own_need_met_and_checked_while_she_objects_answers_the_objection(library):
    """"You said X; our module does Y. Does it look different then?" answers her objection
    with her own words and checks it: not a question about her situation."""
    cs = CompiledScenario(library.scenarios["objection-software-renewal"])
    report = run_script(cs, "en", [
        "Good morning Gerard, good to see you again.",
        "Last time you said the timesheets from the sites are still on paper and payroll "
        "retypes them.",
        "Our app would fix all of that, it's the best on the market.",
        "What happens when an allowance is paid wrongly?",
        "You mentioned the corrections take days every month. With our cao module the "
        "allowances come straight from the hours on site, so those corrections go away. "
        "Does the switch look different to you then?",
    ], None)
    assert report["turns"][-1]["act"] == "objection_response"


@pytest.mark.parametrize("drill", ["drill-objection-no-time", "drill-objection-bad-experience"])
def test_boasting_past_the_concern_she_opened_with_is_a_pitch(library, drill: str):
    cs = CompiledScenario(library.scenarios[drill])
    report = run_script(cs, "en", ["Honestly, that won't happen with us, we are ISO certified "
                                   "and have 300 clients."], None)
    assert report["turns"][-1]["act"] == "pitch"


def test_her_words_cited_with_the_benefit_are_a_solution_while_another_concern_stands():
    """"You told me X: our module does Y" ties the offer to her words (a solution), also
    while an objection it does not answer is still open."""
    state = SessionState(scenario_id="s", lang="en", seed=0, turn=6,
                         objections={"switch": ObjectionState(raised_turn=3)},
                         pending_objection="switch")
    a = TurnAnalysis(False, None, None, False, moves={Move.SUMMARIZE, Move.RESPOND_BENEFIT},
                     needs=["fewer_corrections"], seller_talk=True, states_benefit=True,
                     word_count=20)
    assert main_act(a, state) is Act.SOLUTION


def test_her_opinion_of_the_proposal_summed_up_is_a_summary_not_a_new_offer(library):
    cs = CompiledScenario(library.scenarios["closing-catering-followup"])
    report = run_script(cs, "nl", [
        "Hoi Marco, goed je weer te zien.",
        "Oké, dus als ik het goed begrijp vind je het voorstel goed, maar twijfel je nog "
        "over de prijs?",
    ], None)
    assert report["turns"][-1]["act"] == "summary"


def test_a_benefit_told_before_she_stated_a_need_is_a_pitch_not_nothing(library):
    cs = CompiledScenario(library.scenarios["spin-printing-urgency"])
    report = run_script(cs, "en", [
        "Good morning, I'm Tom from PrintPartners.",
        "How many label printers do you have, and how old are they?",
        "We monitor the printers remotely and put a replacement there within four hours, so "
        "no more missed trucks.",
    ], None)
    assert report["turns"][-1]["act"] == "pitch"


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "En vindt u het goed als ik u op onze nieuwsbrief zet?"),
    ("en", "Oh and would you mind if I put you on our newsletter?"),
])
def test_asking_leave_after_a_joining_word_gathers_no_information(library, lang, line):
    turn = _last_turn(library, lang, line)
    assert turn["form"] == "closed" and turn["spin"] is None


def test_the_first_question_gives_the_spin_type_not_a_permission_after_it(library):
    turn = _last_turn(library, "nl", "Met hoeveel mensen werken jullie in Beverwijk? En "
                                     "vindt u het goed als ik u op onze nieuwsbrief zet?")
    assert turn["spin"] == "situation"


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Goedemorgen, ik ben Tom van PrintPartners.", "Heeft u wel eens storingen?",
            "Hoe vaak ongeveer?"]),
    ("en", ["Good morning, I'm Tom from PrintPartners.", "Do you ever have breakdowns?",
            "How often, roughly?"]),
])
def test_how_often_right_after_she_told_a_pain_asks_about_the_problem(library, lang, lines):
    turn = _last_turn(library, lang, lines[-1], "spin-printing-urgency", before=lines[:-1])
    assert turn["spin"] == "problem"


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Mag ik uw mailadres en uw mobiele nummer, dan stuur ik u een bevestiging?"),
    ("en", "could I get your email so I can send you a confirmation?"),
])
def test_asking_her_details_to_send_a_confirmation_is_a_fact_question(library, lang, line):
    assert _last_turn(library, lang, line)["act"] == "fact_question"


def test_offering_to_send_an_email_is_still_a_proposal(library):
    line = "Shall I send you an email with some info, and we find a date for a demo later?"
    assert _last_turn(library, "en", line)["act"] == "next_step_proposal"


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Prima, ik stuur u vanmiddag de uitnodiging en de planning. Dank u wel, tot de 12e."),
    ("en", "Great, I'll send you the invitation and the planning this afternoon. Thanks, see "
           "you on the 12th."),
])
def test_a_last_promise_with_thanks_and_see_you_on_a_date_takes_leave(library, lang, line):
    assert _last_turn(library, lang, line)["act"] == "goodbye"


def test_a_greeting_word_offering_a_choice_is_no_greeting(library):
    engine_turn = _last_turn(library, "en", "evening or morning cleaning now")
    assert engine_turn["act"] != "greet_introduce"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Shall I work out a quote and go through it with you on Tuesday 14 May at 10?"),
    ("nl", "Zal ik een offerte maken en die met u doornemen, dinsdag de 14e om 10 uur?"),
])
def test_a_day_and_a_time_proposed_is_a_new_appointment_whatever_it_is_called(
        library, lang: str, line: str):
    turn = _last_turn(library, lang, line)
    assert turn["act"] == "next_step_proposal"
    assert "new_appointment" in turn["objectives"]


def test_a_punctuated_statement_before_a_check_is_no_question(library):
    """"What works well for offices like yours is a fixed crew. Would that suit you?"
    proposes and checks: the first sentence opens with "what" but states."""
    lines = ["Goedemorgen, ik ben Tom van SchoonWerk.",
             "Wie doet de schoonmaak nu, en wat vindt u belangrijk?"]
    turn = _last_turn(library, "nl", "Wat bij kantoren als het uwe goed werkt, is een vaste "
                                     "ploeg per pand. Dan heeft u altijd dezelfde mensen. Zou "
                                     "dat bij u passen?", before=lines)
    assert (turn["act"], turn["form"], turn["spin"]) == ("solution", "closed", None)
    assert "solution" in turn["objectives"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "U zei dat er steeds andere mensen komen: hoe vaak gaat er dan iets mis?"),
    ("en", "You said different people keep turning up: how often does something go wrong?"),
])
def test_an_open_question_after_recalling_her_words_still_has_a_spin_type(library, lang, line):
    turn = _last_turn(library, lang, line)
    assert turn["form"] == "open" and turn["spin"] == "problem"


def test_an_agenda_that_fits_her_half_hour_is_no_dated_proposal(library):
    """"Past dat in uw half uur?" names how long the visit takes, not when to meet."""
    turn = _last_turn(library, "nl", "Mijn voorstel: eerst kort kennismaken, dan stel ik u "
                                     "wat vragen, en aan het eind kijken we of een "
                                     "vervolgafspraak zin heeft. Past dat in uw half uur?",
                      before=["Goedemorgen, ik ben Tom van SchoonWerk."])
    assert turn["act"] == "state_objective"


INVENTORY = {
    "nl": ["Goedemorgen, ik ben Tom van SchoonWerk.",
           "Wie maakt er nu schoon, en hoe tevreden bent u daarover?",
           "Wat stoort u het meest?"],
    "en": ["Good morning, I'm Tom from SchoonWerk Netherlands.",
           "Who cleans the office now, and how happy are you with them?",
           "What bothers you most about it?"],
}


@pytest.mark.parametrize(("lang", "line", "act"), [
    ("en", "In short, you want the same people every time and cleaning after hours, yes?",
     "summary"),
    ("en", "If I'm hearing you right, reliability matters more than price?", "summary"),
    ("nl", "Kortom: steeds andere gezichten en schoonmaken terwijl er cliënten zijn. Klopt dat?",
     "summary"),
    ("nl", "Dus eigenlijk wilt u vaste mensen en schoonmaak na kantoortijd, toch?", "summary"),
    ("nl", "Omdat u vaste gezichten wilt, zetten wij één vast team op beide vestigingen.",
     "solution"),
    ("nl", "Daarnaast hebben we een app waarin u alles ziet.", "pitch"),
])
def test_summaries_and_offers_in_everyday_word_order(library, lang, line, act):
    assert _last_turn(library, lang, line, before=INVENTORY[lang])["act"] == act


@pytest.mark.parametrize(("lang", "line", "act"), [
    ("en", "Shall we just sign for a year then?", "ask_order"),
    ("en", "Would you like to start with one office first?", "ask_order"),
    ("nl", "Wilt u eerst met één vestiging beginnen?", "ask_order"),
    ("nl", "Wanneer komt het u uit om verder te praten?", "next_step_proposal"),
    ("nl", "Heeft u donderdagmiddag tijd om de teamleider te ontmoeten?", "next_step_proposal"),
])
def test_closing_questions_in_everyday_words(library, lang, line, act):
    assert _last_turn(library, lang, line, before=INVENTORY[lang][:2])["act"] == act


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "What would it mean for you if they never jammed again?"),
    ("en", "What would it mean if the printers didn't break down anymore?"),
    ("nl", "Wat zou het betekenen als de printers nooit meer kapot gingen?"),
])
def test_a_problem_gone_for_good_asks_for_the_value_of_a_solution(library, lang, line):
    before = {"en": ["Good morning, I'm Tom from PrintPartners.",
                     "How many label printers do you have?"],
              "nl": ["Goedemorgen, ik ben Tom van PrintPartners.",
                     "Hoeveel labelprinters hebben jullie?"]}[lang]
    turn = _last_turn(library, lang, line, "spin-printing-urgency", before=before)
    assert turn["spin"] == "need_payoff"


@pytest.mark.parametrize(("line", "spin"), [
    ("Hebben jullie wel eens last van de printers?", "problem"),  # her own trouble
    ("Hebben jullie klanten daar last van?", "implication"),  # its effect on others
    ("Hoe reageren jullie klanten als pakketten te laat zijn?", "implication"),
])
def test_trouble_she_has_is_a_problem_its_effect_on_others_an_implication(library, line, spin):
    before = ["Goedemorgen, ik ben Tom van PrintPartners.", "Hoeveel labelprinters hebben jullie?"]
    turn = _last_turn(library, "nl", line, "spin-printing-urgency", before=before)
    assert turn["spin"] == spin


RAISED = {
    "nl": ["Goedemorgen Gerard, goed u weer te zien.",
           "Vorige keer zei u dat de urenbriefjes nog op papier gaan en de salarisadministratie "
           "alles overtypt.",
           "Onze app lost dat allemaal op, echt de beste van de markt."],
    "en": ["Good morning Gerard, good to see you again.",
           "Last time you said the timesheets from the sites are still on paper and payroll "
           "retypes them.",
           "Our app would fix all of that, it's the best on the market."],
}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "what went wrong with the last switch exactly?"),
    ("en", "So you're worried the same thing happens again?"),
    ("nl", "Dus u bent bang dat een overstap weer een drama wordt?"),
])
def test_a_question_about_the_concern_she_just_raised_clarifies_it(library, lang, line):
    """Her objection (a happy supplier, a switch that went wrong) was just raised: asking
    what went wrong or naming her worry clarifies it, even where a fact matches too."""
    turn = _last_turn(library, lang, line, "objection-software-renewal", before=RAISED[lang])
    assert turn["act"] == "objection_response"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "so basicly u want the same ppl every time right"),
    ("nl", "dus eigenlijk wilt u steeds dezelfde mensen klopt dat"),
])
def test_a_recap_with_a_typed_tag_is_a_closed_summary(library, lang, line):
    turn = _last_turn(library, lang, line, before=INVENTORY[lang][:2])
    assert (turn["act"], turn["form"]) == ("summary", "closed")


@pytest.mark.parametrize(("lang", "line"), [("en", "yes that's right"), ("nl", "ja dat klopt")])
def test_agreeing_is_no_tag_question(library, lang, line):
    assert _last_turn(library, lang, line, before=INVENTORY[lang][:2])["form"] is None


def test_a_typed_argument_with_a_tag_answers_her_objection(library):
    turn = _last_turn(library, "en", "ok but ur current system doesnt even do the site hours "
                                     "right", "objection-software-renewal", before=RAISED["en"])
    assert turn["act"] == "objection_response"


def test_whats_bugging_you_asks_about_a_problem(library):
    turn = _last_turn(library, "en", "whats bugging u most about them",
                      before=INVENTORY["en"][:2])
    assert turn["spin"] == "problem"


def test_acknowledging_the_cents_she_mentioned_takes_up_her_price_concern(library):
    """She told the competitor is fifty cents cheaper; "fifty cents is real money" names
    the price, so the message answers the concern she has not raised in so many words."""
    turn = _last_turn(library, "en", "I get it, fifty cents is real money.",
                      "closing-catering-followup",
                      before=["Hi Marco, good to see you again!",
                              "What did you think of the proposal?",
                              "Who else are you comparing us with?"])
    assert turn["act"] == "objection_response"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "would that make up for the 14%?"),
    ("nl", "zou dat het verschil goedmaken?"),
])
def test_a_check_naming_the_difference_is_a_check_not_a_farewell(library, lang, line):
    before = {"en": ["I understand, 14% is a lot.",
                     "Our film tears less, so the line stops less often and you save on "
                     "downtime."],
              "nl": ["Dat snap ik, 14% is veel.",
                     "Onze folie scheurt minder, dus de lijn staat minder stil en u bespaart "
                     "op stilstand."]}[lang]
    turn = _last_turn(library, lang, line, "drill-objection-price", before=before)
    assert turn["act"] == "objection_response" and "check" in turn["objectives"]


def test_her_words_a_benefit_and_a_check_on_her_concern_are_no_mere_summary(library):
    turn = _last_turn(library, "nl", "U zei dat de salarisadministratie elke maand dagen kwijt "
                                     "is aan correcties. Met onze cao-module gaan de toeslagen "
                                     "automatisch goed, dus dat werk verdwijnt. Neemt dat uw "
                                     "zorg over de prijs weg?", "objection-software-renewal",
                      before=["Goedemorgen Gerard, goed u weer te zien.",
                              "Hoeveel correcties doet de salarisadministratie per maand?"])
    assert turn["act"] == "solution"


@pytest.mark.parametrize(("lang", "before", "line"), [
    ("nl", ["Goedemorgen, ik ben Eva van PrintPlus."],
     "Mijn voorstel: ik vertel kort wie wij zijn, dan wil ik vooral van u horen hoe het printen "
     "nu loopt, en aan het eind bekijken we samen of een vervolg zinvol is. Is dat een goed plan?"),
    ("en", ["Good morning, I'm Eva from PrintPlus."],
     "I'd briefly tell you who we are, then hear how printing goes now, and at the end we see "
     "if a next step makes sense. Is that a good plan?"),
])
def test_an_agenda_of_steps_with_an_agreement_check_states_the_objective(
        library, lang: str, before: list[str], line: str):
    turn = _last_turn(library, lang, line, "spin-printing-urgency", before)
    assert turn["act"] == "state_objective" and turn["form"] == "closed"


def test_a_pitch_ending_in_a_quote_offer_proposes_a_next_step_not_an_agenda(library):
    line = ("wij zijn de beste schoonmaker van nederland, we doen alles: kantoren, ramen, "
            "tapijt. zal ik een offerte sturen?")
    turn = _last_turn(library, "nl", line, before=OPENING["nl"][:1])
    assert turn["act"] == "next_step_proposal"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "we'll be in touch"),
    ("nl", "ik laat wel van me horen"),
])
def test_a_vague_promise_to_be_in_touch_is_a_next_step_not_a_pitch(library, lang, line):
    turn = _last_turn(library, lang, line, "drill-closing-next-step", [])
    assert turn["act"] == "next_step_proposal"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "What's the cleaning schedule now?"),
    ("en", "Have you received other proposals?"),
    ("nl", "Heeft u andere voorstellen gekregen?"),
])
def test_an_early_question_about_the_deal_is_no_small_talk(library, lang, line):
    turn = _last_turn(library, lang, line, before=[])
    assert turn["act"] == "fact_question" and turn["spin"] == "situation"


@pytest.mark.parametrize(("lang", "line", "act"), [
    ("en", "What are your concerns about the proposal?", "fact_question"),
    ("nl", "Wat zijn uw zorgen over het voorstel?", "fact_question"),
    ("en", "Shall I sign you up for our newsletter?", "fact_question"),
    ("nl", "Zal ik u aanmelden voor onze nieuwsbrief?", "fact_question"),
])
def test_asking_her_concerns_or_the_newsletter_is_no_check_and_no_close(library, lang, line,
                                                                        act):
    assert _last_turn(library, lang, line)["act"] == act


def test_a_loss_because_of_her_problem_is_an_implication(library):
    turn = _last_turn(library, "en", "did a webshop ever leave because of it?",
                      "spin-printing-urgency", [])
    assert turn["spin"] == "implication"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "I'll send the confirmation, could you sign it tomorrow?"),
    ("nl", "Ik stuur u de bevestiging, kunt u die morgen tekenen?"),
    ("en", "Shall I book the delivery for the week of 20 February?"),
    ("nl", "Zal ik de levering inplannen voor de week van 20 februari?"),
])
def test_a_document_to_come_with_a_request_to_sign_asks_for_the_order(library, lang, line):
    assert _last_turn(library, lang, line, "drill-closing-order", [])["act"] == "ask_order"


def test_a_greeting_that_delivers_the_forecast_is_no_greeting(library):
    forecast = "forecast is in totaal 52.500 euro, en daarvan valt 25.500 euro in maart."
    plain, greeted = (_last_turn(library, "nl", line, "drill-forecast", [])["act"]
                      for line in (f"Mijn {forecast}", f"Hoi Monique, mijn {forecast}"))
    assert greeted == plain != "greet_introduce"


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Wat als ik u over 2 weken bel?"),
    ("en", "What if I call you in two weeks?"),
])
def test_what_if_i_call_you_at_a_time_proposes_a_next_step(library, lang, line):
    turn = _last_turn(library, lang, line, "drill-closing-next-step", [])
    assert turn["act"] == "next_step_proposal" and turn["spin"] is None


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Zal ik een proefrol sturen?"),
])
def test_offering_what_answers_her_concern_responds_without_clarifying(library, lang, line):
    cs = CompiledScenario(library.scenarios["drill-objection-price"])
    report = run_script(cs, lang, [line], None)
    assert report["turns"][-1]["act"] == "objection_response"
    assert report["objections"][0]["steps"]["clarify"] is False


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "I can give you 15% off if you sign this month."),
    ("nl", "ik kan er 10% vanaf doen"),
    ("nl", "Dan zitten we 5 procent onder uw huidige prijs."),
])
def test_a_percentage_off_typed_with_a_sign_is_a_discount(library, lang, line):
    turn = _last_turn(library, lang, line)
    assert "discount" in turn["details"]["moves"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Top, dan zet ik de twee heftrucks voor u vast. Akkoord?"),
    ("en", "Great, then I'll reserve them for you. OK?"),
])
def test_an_assumptive_close_with_an_agreement_tag_asks_for_the_order(library, lang, line):
    assert _last_turn(library, lang, line, "drill-closing-order", [])["act"] == "ask_order"


def test_an_agenda_of_what_to_talk_about_today_states_the_objective(library):
    line = ("Ik wil het vandaag hebben over de verlenging van jullie contract, en horen hoe het "
            "bevalt. Is dat oké?")
    turn = _last_turn(library, "nl", line, "objection-software-renewal",
                      ["Goedemiddag meneer Smits, Lotte Verbeek van Werkwijzer HR."])
    assert turn["act"] == "state_objective"


@pytest.mark.parametrize(("lang", "agenda", "check"), [
    ("nl", "Graag wil ik vandaag eerst uw autobedrijf leren kennen en kort vertellen wie "
           "Bonenburg is. Daarna hoor ik graag wat u belangrijk vindt rond koffie, en tot slot "
           "spreken we een vervolgafspraak af.", "Is dat goed?"),
    ("en", "I'd like to get to know your company first and tell you briefly who Bonenburg is. "
           "Then I'd like to hear what matters to you about coffee, and finally we agree a next "
           "step.", "Is that OK?"),
])
def test_a_bare_agreement_check_after_the_agenda_checks_the_agenda(library, lang, agenda,
                                                                    check):
    cs = CompiledScenario(library.scenarios["drill-external-objective"])
    turns = run_script(cs, lang, [agenda, check], None)["turns"]
    assert turns[0]["act"] == turns[1]["act"] == "state_objective"
    assert turns[1]["spin"] is None


def test_looking_back_asked_of_her_is_a_question_not_an_agenda(library):
    line = "Kees, how do you look back on the cooperation with your current carrier so far?"
    turn = _last_turn(library, "en", line, "drill-closed-to-open", [])
    assert turn["act"] == "fact_question" and "state_objective" not in turn["details"]["moves"]


def test_nice_to_meet_you_and_a_name_like_jan_propose_no_meeting(library):
    line = ("Hi Ingrid, Jan from Printwise, nice to meet you. What I'd like is to understand your "
            "printing and see if we can help. Could you tell me something about your company?")
    turn = _last_turn(library, "en", line, "spin-printing-urgency", [])
    assert turn["act"] != "next_step_proposal"
    assert "propose_next_step" not in turn["details"]["moves"]
