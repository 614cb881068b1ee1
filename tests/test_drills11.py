"""Drill buyers answer the move the learner made, in persona (round 11).

Each call is played through the same path as ``python -m bot play --script --json``."""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from tests.engine_calls import compiled_library, play


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()



# A handled objection, then the check: the buyer answers it as the person of the drill
# (a garden-centre manager or an office manager has nobody to "explain it to internally").
@pytest.mark.parametrize(("sid", "lang", "lines", "answer"), [
    ("drill-objection-brochure", "en", [
        "Of course, five minutes is short. So the brochure is useful to you, what would you "
        "want it to answer first?",
        "You mentioned absence is in three spreadsheets now. With our absence module "
        "everything is in one overview, so nobody has to merge lists any more.",
        "Would that help you more than a brochure?"], "more useful than a leaflet"),
    ("drill-objection-bad-experience", "nl", [
        "Dat is echt vervelend, midden in de aangifteperiode. Wat ging er precies mis?",
        "Bij ons heeft u een vaste beheerder die uw kantoor kent, en in de aangifteperiode "
        "staat er iemand stand-by die binnen een kwartier terugbelt.",
        "Zou dat u de zekerheid geven die u toen miste?"], "anders dan toen"),
    ("drill-objection-current-supplier", "en", [
        "Eight years says a lot. What do you value most about them, and what could be better?",
        "With us a replacement van is with the engineer within four hours, wherever he is.",
        "Would that be worth looking at together?"], "hear more about that"),
])
def test_the_check_gets_the_drills_own_answer(library, sid, lang, lines, answer):
    report = play(library, sid, lang, lines)
    assert report["objectives"]["external"]["check"]
    reply = report["turns"][-1]["buyer"]
    assert answer in reply and "internal" not in reply.lower(), reply


@pytest.mark.parametrize("line", [
    "Mr Hoekstra, our film is a premium 7-layer film with 300% pre-stretch. "
    "That's why it costs a bit more.",
    "It costs a bit more, but it is better film.",
])
def test_explaining_the_price_is_no_clarifying_question(library, line):
    # "a bit more" asks for a story only as "tell me a bit more (about)"; said of the price
    # it explains it, and the buyer does not answer it as if asked what is behind his concern
    report = play(library, "drill-objection-price", "en", [line])
    assert report["turns"][0]["form"] is None
    assert not report["objectives"]["external"]["clarify"]


def test_asking_for_a_bit_more_still_clarifies(library):
    report = play(library, "drill-objection-price", "en",
                  ["I understand. Could you say a bit more about that?"])
    assert report["objectives"]["external"]["clarify"]


@pytest.mark.parametrize(("lang", "line", "tied"), [
    ("nl", "Als er een bus kapot is, regelen wij binnen een dag vervangend vervoer.", False),
    ("en", "If a van breaks down we arrange a replacement within a day.", False),
    ("nl", "Bij ons staat er binnen vier uur een vervangende bus bij de monteur.", True),
    ("en", "we put a replacement van with the engineer within 4 hrs", True),
])
def test_only_a_replacement_within_hours_answers_the_loyal_buyer(library, lang, line, tied):
    # her supplier already manages "by the next morning": "within a day" is no benefit to her
    first = "Acht jaar, dat zegt veel." if lang == "nl" else "Eight years, that says a lot."
    report = play(library, "drill-objection-current-supplier", lang, [first, line])
    assert report["objectives"]["external"]["respond"] is tied


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Dat hoor ik vaker, maar VanVloot heeft de scherpste tarieven van Nederland."),
    ("en", "I hear that a lot, but our rates are the sharpest in the country."),
])
def test_yes_but_and_a_boast_is_not_answered_with_thanks(library, lang, line):
    reply = play(library, "drill-objection-current-supplier", lang, [line])["turns"][0]["buyer"]
    assert not any(p in reply.lower() for p in ("fijn dat u", "glad you understand")), reply


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Zal ik een offerte voor de hele vloot maken?"),
    ("en", "Shall I make you a quote for the whole fleet?"),
])
def test_a_quotation_offered_before_her_concern_is_met_is_no_yes(library, lang, line):
    turn = play(library, "drill-objection-current-supplier", lang, [line])["turns"][0]
    assert turn["act"] == "next_step_proposal"
    assert not turn["buyer"].lower().startswith(("ja", "yes", "goed", "fine")), turn["buyer"]


def test_a_quotation_as_the_reason_for_questions_is_no_proposal(library):
    report = play(library, "drill-external-objective", "nl", [
        "Goed dat u het vraagt. Ik vertel graag eerst kort iets over Bonenburg.",
        "En ik wil graag weten wat jullie nu betalen en wanneer het contract afloopt, "
        "zodat ik een offerte kan maken."])
    assert report["turns"][1]["act"] != "next_step_proposal"
    assert "zijn we rond" not in report["turns"][1]["buyer"]


@pytest.mark.parametrize(("lang", "first", "second"), [
    ("en", "I'd like us to get to know each other and hear what you need for the coffee "
           "at your three branches.",
     "And if there's a match I'll show you a first idea, and we'll agree on the next step "
     "before I leave."),
    ("en", "thx linda! i'd like to tell u a bit about bonenburg first and then hear how the "
           "coffee is arranged at ur 3 branches",
     "and if there's a match i can already show u what that could look like. ok?"),
    ("nl", "Ik stel voor dat we eerst kort kennismaken en dat ik hoor hoe de koffie nu "
           "geregeld is op de drie vestigingen.",
     "En als het past laat ik een eerste idee zien, en tot slot spreken we een vervolg af."),
])
def test_the_second_half_of_the_agenda_is_taken_as_agenda(library, lang, first, second):
    report = play(library, "drill-external-objective", lang, [first, second])
    turn = report["turns"][1]
    assert turn["act"] == "state_objective"
    assert "first_solution" in turn["objectives"]
    reply = turn["buyer"].lower()
    # neither "a proposal only once you know what we need" nor "I couldn't tell you much"
    assert not any(p in reply for p in ("proposal only", "voorstel pas", "couldn't tell",
                                        "can't really say", "niet zo veel over")), reply
    assert reply.startswith(("fine", "right", "goed", "prima")), reply


def test_the_whole_agenda_at_once_beats_it_in_two_halves(library):
    at_once = play(library, "drill-external-objective", "en", [
        "I'd like us to get to know each other and hear what you need for the coffee at "
        "your three branches. If there's a match I'll show you a first idea, and we'll "
        "agree on the next step before I leave."])
    halves = play(library, "drill-external-objective", "en", [
        "I'd like us to get to know each other and hear what you need for the coffee at "
        "your three branches.",
        "And if there's a match I'll show you a first idea, and we'll agree on the next "
        "step before I leave."])
    assert all(at_once["objectives"]["external"].values())
    assert all(halves["objectives"]["external"].values())
    assert at_once["score"] > halves["score"]


@pytest.mark.parametrize(("amounts", "wrong"), [
    ([25500, 12000, 13500], []),  # the answer with its working
    ([52500, 25500], []),
    ([27000, 15000, 12000], []),  # what is left for April: total minus March
    ([52500, 42000], [42000]),  # March not weighted by the chance
    ([70500, 43500], [70500, 43500]),  # the lost quotation counted
    ([12000, 13500], [12000, 13500]),  # terms of a sum never given
])
def test_the_working_of_a_sum_is_no_wrong_amount(amounts, wrong):
    from bot.engine.figures import wrong_amounts
    assert wrong_amounts(amounts, [(52500, 100), (25500, 100)]) == wrong


@pytest.mark.parametrize(("lang", "lines", "verdict"), [
    ("en", ["Sorry, my total is €52,500.",
            "And March is €25,500: Brink €12,000 plus De Hoeve €13,500."], "what i get too"),
    ("nl", ["totaal is 52.500 euro",
            "maart: brink 12.000 + de hoeve 13.500 = 25.500"], "kom ik ook uit"),
    ("en", ["total is 147k"], "not what i get|doesn't match"),
    ("en", ["total 52.5k, march 25.5k"], "what i get too"),
])
def test_the_forecast_buyer_checks_the_answer_not_its_working(library, lang, lines, verdict):
    reply = play(library, "drill-forecast", lang, lines)["turns"][-1]["buyer"].lower()
    assert any(v in reply for v in verdict.split("|")), reply


@pytest.mark.parametrize(("lang", "lines"), [
    ("nl", ["Dat snap ik, veertien procent is veel.",
            "Hoe vaak staat de lijn stil door scheurende folie?"]),
    ("en", ["I get that, fourteen percent is a lot.",
            "How often does the line stop because the film tears?"]),
])
def test_a_question_about_his_need_is_no_benefit(library, lang, lines):
    report = play(library, "drill-objection-price", lang, lines)
    assert not report["objectives"]["external"]["respond"]
    assert "respond" not in report["turns"][1]["details"]["objection_steps"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Dat snap ik. Maar is de prijs het enige?"),
    ("en", "I get that. Is price the only issue?"),
])
def test_isolating_the_price_clarifies(library, lang, line):
    report = play(library, "drill-objection-price", lang, [line])
    assert report["objectives"]["external"]["clarify"]


@pytest.mark.parametrize(("sid", "lang", "lines", "told"), [
    ("drill-objection-no-time", "en", ["Nice Easter decorations! Did you do them yourself?",
                                       "I understand you're busy. How many people are you short?"],
     "four people"),
    ("drill-objection-bad-experience", "en", ["But we are not like them, we are ISO certified.",
                                              "What exactly went wrong?"], "six hours"),
])
def test_a_false_start_does_not_lock_the_drill_buyer(library, sid, lang, lines, told):
    # he told his concern himself; after one wasted message he still answers about it
    reply = play(library, sid, lang, lines)["turns"][1]["buyer"].lower()
    assert told in reply, reply


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Ok, and until when does the contract with TeleNed run exactly?",
            "We have really good coverage in the countryside, better than TeleNed. "
            "Shall I send you our rates?"]),
    ("nl", ["Tot wanneer loopt het contract met TeleNed precies?",
            "Wij hebben een beter bereik dan TeleNed. Zal ik u onze tarieven sturen?"]),
])
def test_offering_the_rates_is_no_clarifying_question(library, lang, lines):
    # an offer to send something proposes a step; it does not ask what is behind her
    # objection, so she does not tell her hidden reason for it
    turn = play(library, "drill-objection-contract-running", lang, lines)["turns"][1]
    assert turn["act"] == "next_step_proposal"
    assert "clarify" not in turn["details"]["objection_steps"]
    assert "tegen overstappen" not in turn["buyer"] and "against switching" not in turn["buyer"]


@pytest.mark.parametrize("line", ["Vervelend om te horen. Wat ging er mis?",
                                  "Goed om te horen. Hoe bevalt het nu?"])
def test_sorry_to_hear_and_a_question_is_no_agenda(library, line):
    turn = play(library, "drill-objection-bad-experience", "nl", [line])["turns"][0]
    assert "state_objective" not in turn["details"]["moves"]
    assert "zinnige opzet" not in turn["buyer"], turn["buyer"]


@pytest.mark.parametrize(("lang", "line", "objection"), [
    ("en", "Nice Easter decorations! Did you do them yourself?", "no time"),
    ("nl", "Mooie paasdecoratie trouwens! Heeft u die zelf gemaakt?", "geen tijd"),
])
def test_chat_while_he_has_no_time_is_brushed_off(library, lang, line, objection):
    turn = play(library, "drill-objection-no-time", lang, [line])["turns"][0]
    assert turn["act"] == "small_talk"
    reply = turn["buyer"].lower()
    assert objection in reply, reply
    assert not any(p in reply for p in ("couldn't tell", "can't really say", "weinig over",
                                        "fijn dat u", "what can i do for you")), reply


@pytest.mark.parametrize(("lang", "line", "answer"), [
    ("en", "Who is the IT coordinator, and apart from the laptops what will the management "
           "team want to know?", "per classroom"),
    ("nl", "Logisch. Wat wil de directie naast de laptops nog meer weten?", "per lokaal"),
])
def test_what_else_besides_the_laptops_gets_an_answer(library, lang, line, answer):
    reply = play(library, "drill-objection-discuss-others", lang, [line])["turns"][0]["buyer"]
    assert answer in reply and "Bas" in reply, reply


GOOD_NO_TIME = ["Ik snap dat u het druk heeft. Vier man tekort, sinds wanneer is dat al zo?",
                "Wij kunnen deze zaterdag al vier ervaren krachten sturen. Spreekt dat u aan?"]


def test_a_laugh_and_chat_first_is_a_wasted_message(library):
    chat = "Haha ja, ik zie het. Mooie paasdecoratie trouwens! Heeft u die zelf gemaakt?"
    with_chat = play(library, "drill-objection-no-time", "nl", [chat, *GOOD_NO_TIME])
    straight = play(library, "drill-objection-no-time", "nl", GOOD_NO_TIME)
    first = with_chat["turns"][0]
    assert first["act"] == "small_talk" and not first["details"]["objection_steps"]
    assert "geen tijd" in first["buyer"]
    assert with_chat["score"] <= straight["score"] - 20


def test_a_one_word_go_is_no_chat(library):
    turn = play(library, "drill-objection-price", "en",
                ["OK I can give you 10% off.", "Deal?"])["turns"][1]
    assert turn["act"] != "small_talk"
