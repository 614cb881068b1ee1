"""The buyer answers the question that was asked: the fact it is about, in the order asked.

Each case has its own variations (other wording, a typo, the other language), so a rule
that only fits one sentence fails here.
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.engine.state import SessionState
from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library

INTRO = {
    "nl": "Goedemorgen, ik ben Sanne Visser van SchoonWerk Nederland. Vertelt u eens over uzelf?",
    "en": "Good morning, I'm Sanne Visser from SchoonWerk Nederland. Tell me about yourself?",
}
RENEWAL_INTRO = {
    "nl": "Goedemiddag, ik ben Sam de Vries van Urenwerk.",
    "en": "Good afternoon, I'm Sam de Vries from Urenwerk.",
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([])


def _engine(library: Library, scenario_id: str) -> Engine:
    return Engine(CompiledScenario(library.scenarios[scenario_id]))


def _call(engine: Engine, lang: str, lines: list[str]) -> SessionState:
    state = engine.start(lang, seed=7)
    for line in lines:
        engine.turn(state, line)
    return state


@pytest.mark.parametrize(("lang", "question", "first", "second"), [
    ("nl", "Hoe vaak wordt er schoongemaakt en hoeveel vierkante meter is het?", "Drie keer",
     "450"),
    ("nl", "Hoeveel vierkante meter is het, en hoe vaak wordt er schoongemaakt?", "450",
     "Drie keer"),
    ("en", "How often do they clean, and roughly how many square metres is it?", "three times",
     "450"),
    ("en", "Which areas need cleaning, and roughly how many square metres is that?", "Offices",
     "450"),
])
def test_several_questions_are_answered_in_the_order_asked(
        engine: Engine, lang: str, question: str, first: str, second: str) -> None:
    state = _call(engine, lang, [INTRO[lang]])
    reply = engine.turn(state, question).reply
    assert first in reply and second in reply, reply
    assert reply.index(first) < reply.index(second), reply


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "wat vinden de notarissen ervan als er gestofzuigd wordt?"),
    ("nl", "Hoe reageren de cliënten als de schoonmaker tijdens een bespreking binnenkomt?"),
    ("nl", "wat vinden de notarisen ervan wanneer er tijdens een afspraak gestofzuigd wordt"),
    ("en", "What do the notaries think when someone is vacuuming?"),
    ("en", "How do your clients react if a cleaner walks in during a meeting?"),
])
def test_how_others_take_a_problem_is_its_consequence(
        engine: Engine, lang: str, question: str) -> None:
    state = _call(engine, lang, [INTRO[lang]])
    result = engine.turn(state, question)
    assert result.analysis.spin == "implication"
    assert result.analysis.answered == ["impact"], result.reply


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "Who else would have a say if you switched?"),
    ("en", "When does the current contract end, and is there a notice period?"),
    ("nl", "Wie moet er verder nog ja zeggen als u overstapt?"),
])
def test_a_who_or_when_question_with_an_occasion_stays_a_situation_question(
        engine: Engine, lang: str, question: str) -> None:
    state = _call(engine, lang, [INTRO[lang], "Wie maakt er nu schoon?" if lang == "nl"
                                 else "Who cleans now?"])
    assert engine.turn(state, question).analysis.spin == "situation"


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "Wat waardeert u het meest aan hen?"),
    ("nl", "wat vind je het prettigst aan loonhuis"),
    ("en", "What do you appreciate most about them?"),
    ("en", "what do u like most abut loonhuis"),
])
def test_what_she_values_in_her_supplier_is_her_satisfaction(
        library: Library, lang: str, question: str) -> None:
    engine = _engine(library, "objection-software-renewal")
    state = _call(engine, lang, [RENEWAL_INTRO[lang]])
    assert engine.turn(state, question).analysis.answered == ["satisfaction"]


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "hoeveel tijd kost het overtypen?"),
    ("nl", "Hoeveel tijd kost het overtypen van de briefjes per week?"),
    ("en", "How much time does the retyping cost you?"),
])
def test_the_topic_named_outranks_the_frame_of_the_question(
        library: Library, lang: str, question: str) -> None:
    """"How much time does X cost" is about X, not about whatever fact has a keyword
    "how much time"."""
    engine = _engine(library, "objection-software-renewal")
    state = _call(engine, lang, [RENEWAL_INTRO[lang]])
    assert engine.turn(state, question).analysis.answered == ["hours_process"]


@pytest.mark.parametrize(("lang", "question", "expected"), [
    ("nl", "Wie beslist er over de schoonmaak en wanneer loopt het contract af?",
     ["decision_makers", "contract_terms"]),
    ("en", "Who decides on the cleaning, and when does the contract end?",
     ["decision_makers", "contract_terms"]),
])
def test_a_keyword_does_not_span_two_questions(
        engine: Engine, lang: str, question: str, expected: list[str]) -> None:
    """"... de schoonmaak en wanneer ..." is no "wanneer schoonmaak" (time of day)."""
    state = _call(engine, lang, [INTRO[lang]])
    assert engine.turn(state, question).analysis.answered == expected


@pytest.mark.parametrize(("lang", "first", "again", "expected", "not_expected"), [
    ("nl", "Hoe komen de uren nu binnen?", "Hoeveel tijd kost het overtypen per maand?",
     "vier dagen", "verzamelen op vrijdag"),
    ("en", "How do the hours come in now?", "How much time does the retyping take each month?",
     "four days", "collect the paper"),
])
def test_asked_again_she_repeats_the_part_that_answers(
        library: Library, lang: str, first: str, again: str, expected: str,
        not_expected: str) -> None:
    engine = _engine(library, "objection-software-renewal")
    state = _call(engine, lang, [RENEWAL_INTRO[lang], first])
    reply = engine.turn(state, again).reply
    assert expected in reply and not_expected not in reply, reply
    assert "joke" not in reply  # a name keeps its capital after "as I said:"


SIGNAL = {"nl": "labelprinters, of alleen", "en": "label printers too"}
PRINTING_WARMUP = {
    "nl": ["Goedemorgen, ik ben Sam van PrintPartners.", "Hoeveel zendingen gaat er per dag uit?",
           "Welke printers staan er nu?", "Wie doet het onderhoud?", "Hoe oud zijn ze?",
           "Wat gebeurt er als een printer vastloopt?"],
    "en": ["Good morning, I'm Sam from PrintPartners.", "How many shipments go out per day?",
           "Which printers do you have now?", "Who does the maintenance?", "How old are they?",
           "What happens when a printer jams?"],
}


@pytest.mark.parametrize(("lang", "cold"), [
    ("nl", "Ons leasecontract begint bij 39 euro per printer per maand, alles inbegrepen."),
    ("nl", "Wij zijn marktleider in managed print en onze klanten geven ons een 9."),
    ("en", "Our lease starts at 39 euros per printer per month, all-in."),
    ("en", "we r market leader in managed print, our clients rate us a 9"),
])
def test_no_buying_signal_straight_after_she_turns_something_down(
        library: Library, lang: str, cold: str) -> None:
    """A buyer who just said "this isn't going anywhere" does not ask, in the same breath,
    whether you also do label printers; she asks it on a warmer turn."""
    engine = _engine(library, "spin-printing-urgency")
    state = _call(engine, lang, PRINTING_WARMUP[lang])
    assert state.turn >= 6
    cold_reply = engine.turn(state, cold).reply
    assert SIGNAL[lang] not in cold_reply, cold_reply
    warm = engine.turn(state, "Wie beslist hierover?" if lang == "nl" else "Who decides on this?")
    assert SIGNAL[lang] in warm.reply, warm.reply


@pytest.mark.parametrize(("lang", "bye", "stall_line"), [
    ("nl", "Dank u wel, tot dinsdag de 14e!", "staat nog niet vast"),
    ("nl", "top! tot dinsdag", "staat nog niet vast"),
    ("en", "Thanks for your time, see you on the 14th!", "isn't agreed yet"),
    ("en", "cheers, see u tue", "isn't agreed yet"),
])
def test_a_goodbye_to_a_date_she_never_agreed_is_corrected(
        engine: Engine, lang: str, bye: str, stall_line: str) -> None:
    """She said she finds it difficult; "see you Tuesday" does not make it an appointment."""
    state = _call(engine, lang, [INTRO[lang]])
    result = engine.turn(state, bye)
    assert result.ended and not state.closing["agreed"]
    assert stall_line in result.reply


def test_a_plain_goodbye_without_a_date_stays_a_goodbye(engine: Engine) -> None:
    state = _call(engine, "en", [INTRO["en"]])
    reply = engine.turn(state, "Thanks for your time, goodbye!").reply
    assert "agreed" not in reply and "Goodbye" in reply


@pytest.mark.parametrize(("lang", "lines", "follow_up", "expected"), [
    ("nl", ["Welke printers staan er nu?"], "Uit welk jaar zijn ze?", "2016"),
    ("nl", ["welke printers hebben jullie"], "hoe oud zijn die", "2016"),
    ("en", ["Which printers do you have now?"], "how old are they?", "2016"),
    ("en", ["Which printers do you have now?"], "When were they bought?", "2016"),
])
def test_a_follow_up_on_her_last_answer_gets_the_part_that_answers_it(
        library: Library, lang: str, lines: list[str], follow_up: str, expected: str) -> None:
    """No fact lists "which year", but she just said it: she points to it instead of
    "what do you mean exactly?"."""
    engine = _engine(library, "spin-printing-urgency")
    state = _call(engine, lang, [PRINTING_WARMUP[lang][0], *lines])
    reply = engine.turn(state, follow_up).reply
    assert expected in reply, reply
    assert "Sixteen" not in reply and "Zestien" not in reply and "zestien" not in reply


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "Hoeveel medewerkers heeft u?"),
    ("en", "How many people work here?"),
])
def test_a_new_question_is_not_mistaken_for_a_follow_up(
        library: Library, lang: str, question: str) -> None:
    engine = _engine(library, "spin-printing-urgency")
    state = _call(engine, lang, [PRINTING_WARMUP[lang][0], PRINTING_WARMUP[lang][2]])
    reply = engine.turn(state, question).reply
    assert "2016" not in reply and "16" not in reply, reply


@pytest.mark.parametrize(("lang", "questions", "move_on"), [
    ("en", ["Which package do you use now?", "How do the hours come in now?",
            "Who runs payroll?", "When does your current contract end?",
            "Who decides about a switch?", "Are you happy with Loonhuis otherwise?",
            "How many payslips a month?"], "let's move on"),
    ("nl", ["Met welk pakket werkt u nu?", "Hoe komen de uren nu binnen?",
            "Wie doet de salarisadministratie?", "Wanneer loopt het contract af?",
            "Wie beslist over een overstap?", "Bent u verder tevreden over Loonhuis?",
            "Hoeveel loonstroken zijn het per maand?"], "laten we verder gaan"),
])
def test_an_objection_left_alone_rests_without_a_line_glued_to_an_answer(
        library: Library, lang: str, questions: list[str], move_on: str) -> None:
    engine = _engine(library, "objection-software-renewal")
    state = engine.start(lang, seed=7)
    replies = [engine.turn(state, line).reply for line in [RENEWAL_INTRO[lang], *questions]]
    assert any(o.rested for o in state.objections.values())
    assert not any(move_on in r for r in replies), replies


@pytest.mark.parametrize(("lang", "question", "expected"), [
    ("en", "When does the contract with the repair firm end?", "contract_end"),
    ("nl", "Wanneer loopt het contract met de reparateur af?", "contract_end"),
    ("nl", "wat gebeurt er dan met de orders als een printer een uur stilstaat?", "late_trucks"),
    ("en", "what happens to the orders when a printer is down for an hour?", "late_trucks"),
])
def test_words_that_qualify_the_topic_or_share_a_closing_word_keep_the_question(
        library: Library, lang: str, question: str, expected: str) -> None:
    """"the contract *with the repair firm* end" is about the contract; the warehouse's
    "orders" are no request for the order."""
    engine = _engine(library, "spin-printing-urgency")
    warmup = PRINTING_WARMUP[lang]
    state = _call(engine, lang, [warmup[0], warmup[2], "Waar lopen jullie tegenaan?"
                                 if lang == "nl" else "What problems do you run into?"])
    result = engine.turn(state, question)
    assert result.analysis.act == "fact_question"
    assert result.analysis.answered == [expected], result.reply


@pytest.mark.parametrize(("lang", "question", "expected"), [
    ("nl", "Snap ik, u heeft het druk. Gaat het vooral om het weekend?", "zaterdag en zondag"),
    ("nl", "snap ik helemaal. gaat het vooral om de zaterdagen en zondagen?", "zaterdag en zondag"),
    ("en", "I get it, you're busy. Is it mainly the weekends?", "Saturdays and Sundays"),
])
def test_the_busy_shop_owner_explains_his_objection_when_asked(
        library: Library, lang: str, question: str, expected: str) -> None:
    engine = _engine(library, "drill-objection-no-time")
    state = engine.start(lang, seed=7)
    assert expected in engine.turn(state, question).reply


@pytest.mark.parametrize(("lang", "agenda", "question"), [
    ("nl", "Fijn. Ik stel voor dat we eerst terugkijken op uw wensen, dan laat ik zien wat we "
           "kunnen, en aan het eind spreken we een vervolgstap af. Is dat goed?",
     "Met welk pakket werkt u nu?"),
    ("en", "Great. I suggest we first look back at your wishes, then I show what we can do, "
           "and at the end we agree a next step. Is that OK?",
     "Which package do you use now?"),
])
def test_a_concern_due_by_the_clock_waits_until_the_agenda_is_set(
        library: Library, lang: str, agenda: str, question: str) -> None:
    engine = _engine(library, "objection-software-renewal")
    state = engine.start(lang, seed=7)
    engine.turn(state, RENEWAL_INTRO[lang])
    engine.turn(state, "Hoe gaat het?" if lang == "nl" else "How are you?")
    engine.turn(state, agenda)
    assert state.pending_objection is None
    engine.turn(state, question)
    assert state.pending_objection == "happy_current"


@pytest.mark.parametrize(("lang", "question", "first", "second"), [
    ("nl", "Om hoeveel vierkante meter gaat het, en komen ze elke dag?", "450", "Drie keer"),
    ("nl", "Wie maakt er nu schoon en bent u daar blij mee?", "Blinkend Schoon", "tevreden"),
    ("en", "Who signs, you or the partners, and is there a budget?", "partners", "budget"),
])
def test_a_second_question_after_a_comma_or_a_preposition_is_answered_too(
        engine: Engine, lang: str, question: str, first: str, second: str) -> None:
    state = _call(engine, lang, [INTRO[lang]])
    result = engine.turn(state, question)
    assert len(result.analysis.answered) == 2, result.reply
    assert first in result.reply, result.reply


@pytest.mark.parametrize(("lang", "question", "known", "unknown"), [
    ("nl", "Wat zou het u opleveren als de uitvoerders de uren via een app op hun telefoon "
           "doorgeven?", "zou zeker schelen", "niet wakker"),
    ("en", "What would it mean for you if the site managers entered hours in an app on their "
           "phone?", "certainly help", "keeps me awake"),
])
def test_the_value_of_a_need_she_stated_is_not_shrugged_off(
        library: Library, lang: str, question: str, known: str, unknown: str) -> None:
    engine = _engine(library, "objection-software-renewal")
    hours = "Hoe komen de uren nu binnen?" if lang == "nl" else "How do the hours come in now?"
    state = _call(engine, lang, [RENEWAL_INTRO[lang], hours])
    reply = engine.turn(state, question).reply
    assert known in reply and unknown not in reply, reply


@pytest.mark.parametrize(("lang", "question", "vague"), [
    ("nl", "Hoeveel medewerkers werken er in het magazijn?", "Wat bedoel"),
    ("en", "How many people work in the warehouse?", "What do you mean"),
])
def test_a_specific_question_without_an_answer_is_not_called_unclear(
        library: Library, lang: str, question: str, vague: str) -> None:
    engine = _engine(library, "spin-printing-urgency")
    state = _call(engine, lang, PRINTING_WARMUP[lang][:3])
    reply = engine.turn(state, question).reply
    assert vague not in reply and "general" not in reply and "algemeen" not in reply, reply


@pytest.mark.parametrize(("lang", "lines", "proposal", "hold"), [
    ("en", ["Which package do you use now?", "How do the hours come in now?"],
     "shall we plan a call next tuesday at 10 to go through the new quote?",
     ("Before we plan anything", "Hold on, first this")),
    ("nl", ["Met welk pakket werkt u nu?", "Hoe komen de uren nu binnen?"],
     "zullen we dinsdag om 10 uur bellen om de offerte door te nemen?",
     ("Voordat we iets inplannen", "Ho, eerst dit")),
])
def test_a_proposal_while_her_objection_stands_is_answered_before_she_restates_it(
        library: Library, lang: str, lines: list[str], proposal: str,
        hold: tuple[str, str]) -> None:
    engine = _engine(library, "objection-software-renewal")
    state = _call(engine, lang, [RENEWAL_INTRO[lang], *lines])
    assert state.pending_objection
    reply = engine.turn(state, proposal).reply
    assert reply.startswith(hold), reply
    assert not state.closing["agreed"]


def test_a_buying_signal_the_learner_already_answered_is_not_asked(library: Library) -> None:
    engine = _engine(library, "spin-printing-urgency")
    rest = [*PRINTING_WARMUP["en"][1:], "Who decides on this?",
            "When does the maintenance contract end?"]
    told = engine.start("en", seed=7)
    replies = [engine.turn(told, line).reply for line in [
        "Good morning, I'm Sam from PrintPartners. We lease label printers and office "
        "printers to warehouses.", *rest]]
    assert not any(SIGNAL["en"] in r for r in replies), replies
    untold = engine.start("en", seed=7)
    replies = [engine.turn(untold, line).reply for line in [PRINTING_WARMUP["en"][0], *rest]]
    assert any(SIGNAL["en"] in r for r in replies), replies


@pytest.mark.parametrize(("lang", "problem", "implication", "known"), [
    ("en", "What goes wrong with the allowances most?",
     "And if those corrections keep piling up, what does that do to payroll at the end of "
     "the month?", "certainly notice"),
    ("en", "What goes wrong with the allowances?",
     "If the corections keep coming, what does that mean for the month end?",
     "certainly notice"),
    ("nl", "Hoe vaak moeten er toeslagen gecorrigeerd worden?",
     "En als die correcties zich opstapelen, wat betekent dat dan voor de salarisrun?",
     "merken we zeker"),
])
def test_the_consequence_of_a_pain_she_told_is_not_the_same_story_again(
        library: Library, lang: str, problem: str, implication: str, known: str) -> None:
    engine = _engine(library, "objection-software-renewal")
    state = _call(engine, lang, [RENEWAL_INTRO[lang]])
    told = engine.turn(state, problem).reply
    reply = engine.turn(state, implication).reply
    assert known in reply, reply
    assert "said" not in reply and "zei" not in reply, reply
    assert not any(sentence in reply for sentence in told.split(". ")[1:]), (told, reply)


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "Quick check first: are all eighty on site at the same time, or split over the two "
           "shifts?"),
    ("en", "What time do the shifts start?"),
    ("nl", "Even checken: zijn ze er allemaal tegelijk, of in twee ploegen?"),
    ("nl", "Hoe laat beginnen de ploegen?"),
])
def test_the_next_step_drill_buyer_knows_his_own_shifts(
        library: Library, lang: str, question: str) -> None:
    """Planning the fitting around the shifts is the point of the drill; he knows them."""
    engine = _engine(library, "drill-closing-next-step")
    state = engine.start(lang, seed=7)
    reply = engine.turn(state, question).reply
    assert ("half past two" if lang == "en" else "half drie") in reply, reply


@pytest.mark.parametrize(("lang", "hours", "who", "how_long"), [
    ("en", "How many timesheets come in every week?", "Who types them into the system?",
     "And how long does that take them?"),
    ("nl", "Hoeveel urenbriefjes komen er per week binnen?", "Wie typt ze over in het systeem?",
     "En hoe lang zijn ze daarmee bezig?"),
])
def test_a_follow_up_with_them_or_that_is_answered_while_her_objection_waits(
        library: Library, lang: str, hours: str, who: str, how_long: str) -> None:
    """"them" points at the timesheets she just described; her objection does not stop
    her from saying who retypes them and how long it takes."""
    engine = _engine(library, "objection-software-renewal")
    state = _call(engine, lang, [RENEWAL_INTRO[lang], hours])
    first = engine.turn(state, who).reply
    assert state.pending_objection is not None
    second = engine.turn(state, how_long).reply
    assert "Joke" in first, first
    assert ("four days" if lang == "en" else "vier dagen") in second, second


@pytest.mark.parametrize(("lang", "question", "wrong"), [
    ("en", "And where do they let you down now and then?", "cheap"),
])
def test_a_pronoun_alone_does_not_make_a_question_about_her_last_answer(
        library: Library, lang: str, question: str, wrong: str) -> None:
    engine = _engine(library, "drill-closed-to-open")
    state = engine.start(lang, seed=7)
    engine.turn(state, "What do you like about the way they work for you?")
    reply = engine.turn(state, question).reply
    assert wrong not in reply, reply


@pytest.mark.parametrize(("question", "spin"), [
    ("Welke merken zijn dat?", "situation"),
    ("Wat voor merken heeft u staan?", "situation"),
    ("Wat merken uw klanten daarvan?", "implication"),
])
def test_brands_are_not_noticing(library: Library, question: str, spin: str) -> None:
    """'merken' is the noun (brands) after 'welke'; the verb (to notice) asks consequences."""
    engine = _engine(library, "spin-printing-urgency")
    state = _call(engine, "nl", PRINTING_WARMUP["nl"][:3])
    assert engine.turn(state, question).analysis.spin == spin


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "Met welke vervoerders werkt u?"),
    ("nl", "Welke merken zijn dat?"),
    ("en", "Which carriers do you work with?"),
])
def test_a_which_question_she_has_no_fact_for_is_not_called_vague(
        library: Library, lang: str, question: str) -> None:
    engine = _engine(library, "spin-printing-urgency")
    state = _call(engine, lang, PRINTING_WARMUP[lang][:3])
    reply = engine.turn(state, question).reply
    for vague in ("algemeen", "Waar doel", "general", "getting at", "What do you mean"):
        assert vague not in reply, reply


@pytest.mark.parametrize(("lang", "first", "again", "asked"), [
    ("en", "What happens on the line when a label printer jams?",
     "And during peak, what does a jam mean for the trucks that have to leave?",
     "trailer to the hub leaves at seven"),
    ("nl", "Wat gebeurt er op de lijn als een labelprinter vastloopt?",
     "En wat betekent dat voor de vrachtwagens die weg moeten?",
     "vertrekt de laatste trailer"),
])
def test_asked_again_pointedly_she_tells_what_comes_first_and_then_what_was_asked(
        library: Library, lang: str, first: str, again: str, asked: str) -> None:
    engine = _engine(library, "spin-printing-urgency")
    state = _call(engine, lang, [*PRINTING_WARMUP[lang][:3], first])
    reply = engine.turn(state, again).reply
    assert asked in reply, reply


@pytest.mark.parametrize(("lang", "question", "joke"), [
    ("en", "Who cleans the offices now?", "Haha, everyone says we're expensive 😄"),
    ("nl", "Wie maakt er nu schoon?", "Haha, iedereen zegt dat wij duur zijn 😄"),
])
def test_small_talk_in_the_middle_of_the_call_does_not_restart_it(
        engine: Engine, lang: str, question: str, joke: str) -> None:
    """'Right, what can I do for you?' opens a call; after she has told facts it rings false."""
    state = _call(engine, lang, [INTRO[lang], question])
    reply = engine.turn(state, joke).reply
    for opening in ("what can I do for you", "where shall we start", "waar kan ik",
                    "waar zullen we beginnen"):
        assert opening not in reply, reply
    assert any(on in reply for on in ("where were we", "carry on", "waar waren we",
                                      "verder gaan")), reply
