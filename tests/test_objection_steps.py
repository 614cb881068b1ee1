"""The steps of objection handling a learner takes are recognised, in nl and en, written
properly or typed fast on a phone (issue 11: cards called steps missing that were done).

Each call is played through the same path as ``python -m bot play --script --json``; the
steps are read from the report the card is built from."""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.scenario.library import load_library
from bot.terminal import run_script


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return {sid: CompiledScenario(s) for sid, s in load_library(()).scenarios.items()}


def steps(library: dict[str, CompiledScenario], sid: str, lang: str,
          lines: list[str]) -> dict[str, bool]:
    report = run_script(library[sid], lang, lines, None)
    raised = [o for o in report["objections"] if o["raised"]]
    assert raised, "the buyer raised no objection"
    return raised[0]["steps"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Twaalf jaar al, dat is mooi."),
    ("nl", "snap ik het hoor, u zit er goed bij"),
    ("nl", "Respect voor zo'n lange samenwerking."),
    ("nl", "Dat is heel begrijpelijk."),
    ("en", "understand."),
    ("en", "Fair comment."),
    ("en", "Twelve years, that is impressive."),
    ("en", "I respect your loyalty to them."),
])
def test_acknowledging_her_loyalty_or_concern_is_the_acknowledge_step(library, lang, line):
    done = steps(library, "drill-objection-current-supplier", lang, [line])
    assert done["acknowledge"] is True


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Waar vergelijk je het mee?"),
    ("nl", "Wat bieden zij voor die prijs?"),
    ("nl", "wat bedoel je met te duur"),
    ("en", "What do they give you for that money?"),
    ("en", "What are you comparing it with?"),
    ("en", "what do u mean by too expensive?"),
])
def test_asking_what_lies_behind_the_price_is_the_clarify_step(library, lang, line):
    done = steps(library, "drill-objection-price", lang, [line])
    assert done["clarify"] is True


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Dan heeft u het verzuim allemaal in één overzicht, niet in losse Excel-lijsten."),
    ("en", "It's all in one overview instead of three spreadsheets, no merging."),
])
def test_a_benefit_tied_to_her_spreadsheets_is_the_respond_step(library, lang, line):
    done = steps(library, "drill-objection-brochure", lang, [line])
    assert done["respond"] is True


@pytest.mark.parametrize(("lang", "check"), [
    ("nl", "Zou dat helpen?"),
    ("nl", "kunt u het intern zo uitleggen?"),
    ("nl", "Klinkt dat goed?"),
    ("en", "Would that help?"),
    ("en", "Is that a fair way to look at it?"),
])
def test_a_closed_check_after_an_answer_is_the_check_step(library, lang, check):
    answer = {"nl": "Dan heeft u alles in één overzicht in plaats van in drie Excel-lijsten.",
              "en": "Then it's all in one overview instead of three spreadsheets."}[lang]
    done = steps(library, "drill-objection-brochure", lang, [answer, check])
    assert done["check"] is True


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Goedemiddag, ik wil vandaag graag horen wat u nodig heeft."),
    ("en", "Good afternoon, today I'd like to hear what you need."),
])
def test_saying_she_wants_to_hear_what_the_buyer_needs_states_the_objective(library, lang, line):
    report = run_script(library["drill-external-objective"], lang, [line], None)
    assert report["turns"][0]["act"] == "state_objective"


OPENING = ["Fijn dat ik weer mocht komen, Marco. Ik wil horen wat jullie van het voorstel vonden.",
           "Hoe is het voorstel gevallen?"]


def test_an_amount_offered_after_her_price_objection_is_a_discount(library):
    report = run_script(library["closing-catering-followup"], "nl", [
        *OPENING,
        "Wat kost de lunch bij hen?",
        "Ik kan het doen voor €2,25 per couvert.",
    ], None)
    assert any(o["id"] == "cheaper_competitor" and o["raised"] for o in report["objections"])
    assert "korting?" in report["turns"][-1]["buyer"].lower()  # she reacts to the money
    assert any("korting geven" in tip for tip in report["feedback"])


def test_an_amount_she_is_asked_about_is_no_discount(library):
    report = run_script(library["closing-catering-followup"], "nl", [
        *OPENING,
        "Wat kost de lunch bij hen?",
        "Dus zij rekenen 2,10 euro per lunch?",
    ], None)
    assert "Korting" not in report["turns"][-1]["buyer"]
    assert not any("korting geven" in tip for tip in report["feedback"])


def test_the_reply_that_accepts_an_answer_raises_no_new_objection_in_the_same_breath(
        library):
    """'All right, it's worth a look. Just send me the brochure' took back what it granted:
    an objection due by the clock waits for the next turn."""
    lines = [
        "Morning Gerard! Good to see you again. How was your weekend?",
        "Today I'd like to go deeper into the timesheets and, if it fits, plan a demo. OK?",
        "How do the hours get from the building sites to payroll at the moment?",
        "who types them in?",
        "How long does that take them every month?",
        "And if a correction is wrong, what happens then?",
        "I understand that switching feels risky after last time. What went wrong back then?",
        "Would it help if we ran your payroll in parallel for two months, so you only switch "
        "when the results match to the cent? Would that take away your worry?",
        "Which parts of the current way of working cost you the most time?",
    ]
    report = run_script(library["objection-software-renewal"], "en", lines, None)
    accepted, after = report["turns"][7], report["turns"][8]  # due by the clock at turn 8
    assert "worth a look" in accepted["buyer"]
    assert "brochure" not in accepted["buyer"]
    assert "brochure" in after["buyer"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "ok prima, wat is uw mailadres dan?"),
    ("en", "sure, whats your email adress?"),
])
def test_asking_her_address_to_send_the_brochure_clarifies_nothing(library, lang, line):
    done = steps(library, "drill-objection-brochure", lang, [line])
    assert not done["clarify"]


@pytest.mark.parametrize(("sid", "lang", "line"), [
    ("drill-objection-brochure", "nl", "Natuurlijk kan ik een brochure sturen."),
    ("drill-objection-no-time", "nl", "ik zie het, u heeft het druk"),
    ("drill-objection-no-time", "en", "no worries, I'll be quick"),
])
def test_everyday_acknowledgements_are_the_acknowledge_step(library, sid, lang, line):
    assert steps(library, sid, lang, [line])["acknowledge"]


def test_isolating_her_concern_after_she_let_it_rest_is_the_clarify_step(library):
    lines = [
        "Goedemiddag meneer Smits, Lotte Verbeek van Werkwijzer HR.",
        "Vandaag wil ik graag verder ingaan op de urenregistratie en horen wat u van de "
        "prijsindicatie vond. Akkoord?",
        "Wat vond u van de prijsindicatie die ik u stuurde?",
        "Dat begrijp ik, u kijkt kritisch naar elke euro. Waar vergelijkt u het bedrag mee?",
        "Hoeveel tijd gaat er nu per week zitten in het overtypen van de urenbriefjes?",
        "Wat kost dat u op jaarbasis, als u het omrekent?",
        "Stel dat de uren rechtstreeks vanaf de bouwplaats binnenkomen, wat levert dat uw "
        "afdeling op?",
        "Naast de prijs, is er nog iets anders waardoor u aarzelt?"]
    report = run_script(library["objection-software-renewal"], "nl", lines, None)
    assert "clarify" in report["turns"][-1]["details"]["objection_steps"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Dan laat ik u liever in tien minuten zien hoe uw verzuim in één overzicht komt, met "
           "uw eigen gegevens. Zou dat u meer helpen dan een folder?"),
    ("en", "Then I'd rather show you in ten minutes how your absence fits in one overview, "
           "with your own data. Would that help you more than a leaflet?"),
])
def test_a_benefit_with_would_that_help_you_more_is_respond_and_check(library, lang, line):
    done = steps(library, "drill-objection-brochure", lang, [line])
    assert done["respond"] and done["check"] and not done["clarify"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Gaat het u om de prijs per rol of om de totale kosten?"),
    ("nl", "Bedoelt u dat het budget vastligt?"),
    ("en", "Do you mean the budget is fixed?"),
])
def test_a_closed_question_on_what_her_concern_is_clarifies_and_answers_nothing(
        library, lang, line):
    done = steps(library, "drill-objection-price", lang, [line])
    assert done["clarify"] and not done["respond"]


WEAK_CALL = ["hey gerard! how was the weekend? did you see the match?",
             "so did u read my offer, its a really good deal and what do you pay now?",
             "what do you mean?", "ok I can give you 10% off if you sign this month",
             "yeah i get it but our software is just better than your current one",
             "who decides that then?", "how long does that take then?",
             "so you are basicly happy to switch as long as the price goes down, right?",
             "can I put you on our newsletter list? what's your email adress?"]


def test_a_bare_demo_proposal_is_no_answer_to_her_concern(library):
    report = run_script(library["objection-software-renewal"], "en",
                        [*WEAK_CALL, "lets plan a demo, next week?"], None)
    assert "respond" not in report["turns"][-1]["details"]["objection_steps"]
    tied = steps(library, "drill-objection-brochure", "nl",
                 ["Zal ik een demo geven met uw eigen gegevens?"])
    assert tied["respond"]


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Heel logisch dat u dit samen met de ICT-coördinator en de directie beslist."),
    ("en", "Makes sense that you decide this together with the IT coordinator and the board."),
])
def test_acknowledging_her_words_is_no_answer_to_them(library, lang, line):
    done = steps(library, "drill-objection-discuss-others", lang, [line])
    assert done["acknowledge"] and not done["respond"]


def test_an_open_clarifying_question_before_any_answer_is_no_check(library):
    line = ("Makes sense that you want to take this to the IT coordinator and the management "
            "team. Besides the laptop question, what will they want to know, and what do you "
            "think yourself?")
    done = steps(library, "drill-objection-discuss-others", "en", [line])
    assert done["acknowledge"] and done["clarify"] and not done["check"]
