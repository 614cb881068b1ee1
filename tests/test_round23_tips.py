"""Tips and scores a demanding trainer would sign (round 23).

- An objection drill's first message that greets, thanks or gives him the floor ("Hi
  Gerrit, thanks for calling back. What did you think of it?", "sure, go ahead") is the
  courtesy any call opens with: no tip blames it for not handling an objection, and it
  costs nothing; chat or a laugh instead of his concern is still a false start.
- Asking for his view once he has told it ("What did you think of it?", "Vertelt u het
  maar") explores nothing behind his concern: the card does not tick "clarify" for it,
  and it says that step is still open.
- "O sorry, u heeft het natuurlijk druk", "I know you're busy": his busyness seen and
  said is understanding shown.

The lines vary scenario, wording and language, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.state import TurnRecord
from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from bot.terminal import play_lines
from scoring.feedback import _improvements, close_parts_missing, quote
from tests.engine_calls import script_report as report


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


def _tips(rep: dict) -> str:
    return "\n".join(rep["feedback"])


# -- 1. a greeting first is no false start ------------------------------------------------

@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    ("drill-objection-brochure", "en",
     ["Good afternoon Mr De Wit, Sam Baker from PersoneelsPlein. Thanks for making time.",
      "I understand, a brochure you can read when it suits you. May I ask what you would "
      "look for in it?",
      "So you keep sick leave in three Excel lists now: with us every sick report and "
      "return-to-work step sits in one overview, so no more separate lists. Would that be "
      "more useful to you than a brochure?"]),
    ("drill-objection-contract-running", "nl",
     ["Goedemiddag mevrouw, ik ben Mark van Belzeker. Steekt u maar van wal.",
      "Dat begrijp ik helemaal, een lopend contract breek je niet zomaar. Wanneer loopt het "
      "af en wat is de opzegtermijn?",
      "Bij ons kunt u na het eerste jaar maandelijks opzeggen, dus u zit nooit meer jaren "
      "vast. Zou dat voor u een verschil maken?"]),
])
def test_a_greeting_before_the_steps_is_no_false_start(library: Library, scenario: str,
                                                        lang: str, lines: list[str]) -> None:
    rep = report(library, scenario, lang, lines)
    tips = _tips(rep)
    first = lines[0][:40]
    assert first not in tips, tips
    assert rep["score"] >= 85, rep["score"]


@pytest.mark.parametrize(("lang", "first"), [
    ("nl", "Haha, ik zie het! Al die paashazen, mooi hoor. Verkopen jullie ook paaseieren?"),
    ("en", "Haha, I can see that! All those Easter bunnies, lovely. Do you sell eggs too?"),
])
def test_chat_first_is_still_a_false_start(library: Library, lang: str, first: str) -> None:
    second = {"nl": "Dat begrijp ik, u heeft het druk. Op welke dagen komt u het meest "
                    "mensen tekort?",
              "en": "I understand, you're busy. Which days are you shortest of people?"}[lang]
    rep = report(library, "drill-objection-no-time", lang, [first, second])
    assert first[:40] in _tips(rep), _tips(rep)


# -- 2. his view asked for is no clarifying question --------------------------------------

@pytest.mark.parametrize(("lang", "view", "clarify"), [
    ("en", "Hi Gerrit, thanks for calling back. What did you think of it?",
     "Hi Gerrit, thanks for calling back. What are you comparing our price with?"),
    ("nl", "Goedemiddag meneer Hoekstra, fijn dat u terugbelt. Wat vond u ervan?",
     "Goedemiddag meneer Hoekstra, fijn dat u terugbelt. Waarmee vergelijkt u onze prijs?"),
])
def test_asking_his_view_is_no_clarifying_step(library: Library, lang: str, view: str,
                                               clarify: str) -> None:
    answer = {"en": ["I understand, nobody likes paying more. Our film tears a lot less, so "
                     "your packing line stops less often.", "Does that take your concern away?"],
              "nl": ["Ik begrijp het, niemand betaalt graag meer. Onze folie scheurt veel "
                     "minder, dus uw inpaklijn staat minder vaak stil.",
                     "Neemt dat uw bezwaar weg?"]}[lang]
    asked_view = report(library, "drill-objection-price", lang, [view, *answer])
    asked_behind = report(library, "drill-objection-price", lang, [clarify, *answer])
    assert not asked_view["objectives"]["external"]["clarify"], asked_view["turns"][0]
    assert asked_behind["objectives"]["external"]["clarify"], asked_behind["turns"][0]
    assert asked_view["score"] < asked_behind["score"]
    # the card says which step is still open, and does not call the greeting a miss
    tips = _tips(asked_view)
    assert ("Clarify" in tips or "Doorvragen" in tips), tips
    assert view[:40] not in tips, tips


# -- 3. his busyness seen is understanding ------------------------------------------------

@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "O sorry, u heeft het natuurlijk druk. Ik ben Joris van FlexWerk."),
    ("en", "Oh sorry, you are obviously busy. I'm Joris from FlexWerk."),
])
def test_his_busyness_said_is_understanding(library: Library, lang: str, line: str) -> None:
    rep = report(library, "drill-objection-no-time", lang, [line])
    assert rep["objectives"]["external"]["acknowledge"], rep["turns"][0]


def test_keeping_it_short_before_a_pitch_is_no_understanding(library: Library) -> None:
    rep = report(library, "drill-objection-no-time", "en",
                 ["I'll be quick! FlexWerk is one of the biggest staffing agencies in the "
                  "region, with over 2,000 flex workers."])
    assert "acknowledge" not in rep["turns"][0]["objectives"], rep["turns"][0]


# -- 4. a recap that asks whether it still holds is no wrong summary ----------------------

@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Morning Gerard! Good to see you again.",
            "Last time you told me the paper timesheets from the sites mean a lot of "
            "retyping and corrections in payroll. Is that still the picture, or has anything "
            "changed since we spoke?"]),
    ("nl", ["Goedemorgen Gerard, fijn u weer te zien.",
            "Vorige keer vertelde u dat de urenbriefjes van de bouwplaats veel overtypen en "
            "correcties geven bij de salarisadministratie. Is dat nog steeds zo, of is er "
            "iets veranderd sinds ons gesprek?"]),
])
def test_a_recap_asking_whether_it_still_holds_is_confirmed(library: Library, lang: str,
                                                           lines: list[str]) -> None:
    rep = report(library, "objection-software-renewal", lang, lines)
    reply = rep["turns"][1]["buyer"]
    assert "never said" not in reply and "niet gezegd" not in reply, reply
    assert "summary_wrong" not in str(rep.get("tip_keys", "")), rep
    tips = _tips(rep)
    assert "had something in it" not in tips and "iets in wat" not in tips, tips


# -- 5. a dated proposal read as another act is the close the card judges -----------------

def test_a_late_demo_proposal_is_named_late_not_vague(library: Library) -> None:
    lines = [
        "Good morning Gerard, thanks for making time again.",
        "Today I'd like to recap, look at your hours and allowances, and see whether a demo "
        "makes sense. OK?",
        "Who besides you will be involved in the decision, and when do you expect to decide?",
        "Then I'd like to propose a demo for you, the finance director and someone from the "
        "works council, showing the hours app with your own collective agreement. Would "
        "Thursday 14 January at 10:00 here at Hendriks Bouw work?",
        "Great, I'll send the invitation today with a short agenda. Thanks for your time.",
    ]
    rep = report(library, "objection-software-renewal", "en", lines)
    tips = _tips(rep)
    assert "is not yet a concrete next step" not in tips, tips


# -- 6. a closing visit: buying signals, sales talk, the quotation ------------------------

CATERING_START = {
    "en": ["Morning Marco, good to see you again.",
           "Today I'd like to hear what you thought of our proposal and agree how we go ahead. "
           "OK?",
           "What did you think of it?"],
    "nl": ["Goedemorgen Marco, goed je weer te zien.",
           "Vandaag hoor ik graag wat je van ons voorstel vond, en spreken we af hoe we "
           "verdergaan. Goed?",
           "Wat vond je ervan?"],
}


@pytest.mark.parametrize(("lang", "went_past", "took_up"), [
    ("en", "Who else needs to approve this?",
     "From 1 September, no problem. And who signs on your side?"),
    ("en", "Great. Just as a reminder, it's €6.90 per lunch, with a salad bar, soup and a hot "
           "dish every day.",
     "We can start as soon as the canteen opens. Who signs on your side?"),
    ("nl", "Wie moet er verder nog akkoord geven?",
     "Vanaf 1 september kan dat. Wie tekent er bij jullie?"),
])
def test_a_buying_signal_gone_past_is_named(library: Library, lang: str, went_past: str,
                                            took_up: str) -> None:
    """His 'how soon could you start?' answered with another question or the price list is
    the fault to name, not 'ask about his situation first'; answered, it is not named."""
    missed = _tips(report(library, "closing-catering-followup", lang,
                          [*CATERING_START[lang], went_past]))
    assert ("buying signal" in missed or "een koopsignaal" in missed), missed
    assert went_past[:30] in missed, missed
    assert "Ask an open question about his situation first" not in missed, missed
    answered = _tips(report(library, "closing-catering-followup", lang,
                            [*CATERING_START[lang], took_up]))
    assert "a buying signal. Your next" not in answered, answered
    assert "een koopsignaal. Je volgende" not in answered, answered


@pytest.mark.parametrize(("lang", "pitch"), [
    ("en", "Our system really is the best on the market for construction, everyone is "
           "switching to it."),
    ("nl", "Onze software is echt de beste voor de bouw, iedereen stapt erop over."),
])
def test_sales_talk_on_a_follow_up_visit_asks_to_adapt_the_offer(library: Library, lang: str,
                                                                 pitch: str) -> None:
    opening = {"en": ["Morning Gerard! Good to see you again."],
               "nl": ["Goedemorgen Gerard, fijn u weer te zien."]}[lang]
    tips = _tips(report(library, "objection-software-renewal", lang, [*opening, pitch]))
    assert pitch[:30] in tips, tips
    assert "situation first" not in tips and "over haar situatie" not in tips, tips
    assert "follow-up visit" in tips or "vervolgbezoek" in tips, tips


@pytest.mark.parametrize(("lang", "close"), [
    ("en", "OK, I'll send you the final quotation then and give you a ring next week."),
    ("nl", "Oké, dan stuur ik je de definitieve offerte en bel ik je volgende week even."),
])
def test_a_quotation_on_a_follow_up_visit_is_no_wrong_goal(library: Library, lang: str,
                                                           close: str) -> None:
    """On a follow-up visit the quotation is on the table: what the close lacks is the
    date of the signing, not 'who decides and when'."""
    who = {"en": "Who signs on your side, and when do you want to decide?",
           "nl": "Wie tekent er bij jullie, en wanneer wil je beslissen?"}[lang]
    cs = CompiledScenario(library.scenarios["closing-catering-followup"])
    played = play_lines(cs, lang, [*CATERING_START[lang], who, close])
    keys = {t.key: t for t in _improvements(cs, played.state, played.turns)}
    assert "quote_close" not in keys, keys
    assert keys["vague_close"].values["quote"] == quote(close), keys


@pytest.mark.parametrize(("lang", "agenda"), [
    ("en", "Today I'd like to hear what you thought of our proposal and agree how we go ahead. "
           "OK?"),
    ("nl", "Vandaag hoor ik graag wat je van ons voorstel vond, en spreken we af hoe we "
           "verdergaan. Goed?"),
])
def test_an_agenda_with_its_check_is_praised_once(library: Library, lang: str,
                                                  agenda: str) -> None:
    rep = report(library, "closing-catering-followup", lang,
                 [CATERING_START[lang][0], agenda, "Bye for now."])
    praised = [t for t in rep["feedback"] if agenda[:30] in t
               or "ending your plan with" in t or "door je plan af te sluiten" in t]
    assert len(praised) == 1, rep["feedback"]


# -- 7. the forecast: to her own manager, with figures right and wrong --------------------

FORECAST_RIGHT = {
    "nl": ["hoi monique, totaal is € 52.500 (zuiderhaven 15k, brink 12k, de hoeve 13,5k, ten "
           "hove 12k, kuipers telt 0 want verloren)",
           "maart = € 25.500, dus brink 12.000 + de hoeve 13.500",
           "april is dan de rest, 27k. succes om 4 uur! gr"],
    "en": ["hi monique, total is €52,500 (zuiderhaven 15k, brink 12k, de hoeve 13.5k, ten hove "
           "12k, kuipers counts 0 as it's lost)",
           "march = €25,500, so brink 12,000 + de hoeve 13,500",
           "april is the rest then, 27k. good luck at 4! cheers"],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_chat_style_to_her_own_manager_is_no_lapse(library: Library, lang: str) -> None:
    """Monique is the learner's own sales manager: no tip about writing to a customer,
    no points off for it, and no list of the goals the tips already praise."""
    rep = report(library, "drill-forecast", lang, FORECAST_RIGHT[lang])
    tips = _tips(rep)
    assert "klant" not in tips and "customer" not in tips, tips
    assert "Wat een sterk antwoord" not in tips and "What a strong answer" not in tips, tips
    assert rep["score"] >= 85, rep["score"]
    assert len(rep["feedback"]) >= 3, rep["feedback"]


def test_chat_style_to_a_customer_still_costs(library: Library) -> None:
    lines = ["hi sandra, mark from belzeker. totally get that, no point breaking a contract. "
             "when does it end? any notice period?",
             "with us u can cancel monthly after yr 1 so ur never locked in again. would that "
             "help u?"]
    tips = _tips(report(library, "drill-objection-contract-running", "en", lines))
    assert "customer" in tips, tips


@pytest.mark.parametrize(("lang", "lines", "wrong"), [
    ("nl", ["totaal is 52.500 euro, in maart 42.000",
            "o wacht sorry, maart moet ook x kans: brink 12.000 + de hoeve 13.500 = 25.500"],
     "totaal is 52.500 euro, in maart 42.000"),
    ("en", ["My total forecast is 52,500 euros, and March is 43,500.",
            "Sorry, Kuipers is lost, so March is 25,500: Brink 12,000 plus De Hoeve 13,500."],
     "My total forecast is 52,500 euros, and March is 43,500."),
])
def test_a_wrong_figure_beside_a_right_one_is_named_and_costs(library: Library, lang: str,
                                                              lines: list[str],
                                                              wrong: str) -> None:
    rep = report(library, "drill-forecast", lang, lines)
    right_at_once = report(library, "drill-forecast", lang, [
        {"nl": "Totaal is 52.500 euro, in maart 25.500: Brink 12.000 en De Hoeve 13.500.",
         "en": "The total is 52,500 euros and March is 25,500: Brink 12,000 plus De Hoeve "
               "13,500."}[lang]])
    tip = next(t for t in rep["feedback"] if wrong[:30] in t)
    assert "maart" in tip.lower() or "march" in tip.lower(), tip
    assert rep["score"] <= right_at_once["score"] - 15, (rep["score"], right_at_once["score"])


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["I'd like us to get to know each other a bit and hear what you need when it comes "
            "to coffee at your three branches.",
            "And if there's a match I'll show you a first idea, and we'll agree on the next "
            "step before I leave."]),
    ("nl", ["Ik wil graag dat we elkaar wat leren kennen en horen wat u nodig heeft aan koffie "
            "op uw drie vestigingen.",
            "En als het past laat ik u een eerste idee zien, en spreken we voor ik vertrek een "
            "vervolgstap af."]),
])
def test_a_plan_in_two_halves_is_named(library: Library, lang: str, lines: list[str]) -> None:
    """The points it costs are explained, and the card does not list as 'what a strong
    answer does' the parts the learner did."""
    rep = report(library, "drill-external-objective", lang, lines)
    tips = _tips(rep)
    assert any(lines[0][:30] in t and ("later" in t) for t in rep["feedback"]), tips
    assert "What a strong answer does" not in tips and "Wat een sterk antwoord" not in tips


# -- 8. a leading "..., doesn't it?" / "toch" is no check ---------------------------------

PRICE_ANSWER = {
    "en": ["I understand, nobody likes paying more. What are you comparing our price with?",
           "Our film tears a lot less, so your packing line stops less often."],
    "nl": ["Ik begrijp het, niemand betaalt graag meer. Waarmee vergelijkt u onze prijs?",
           "Onze folie scheurt veel minder, dus uw inpaklijn staat minder vaak stil."],
}


@pytest.mark.parametrize(("lang", "leading", "check"), [
    ("en", "That pays for itself quickly, doesn't it, once the line stops less?",
     "Does that take your concern away?"),
    ("nl", "Dan verdient de folie zich toch snel terug, als de lijn minder stilstaat?",
     "Neemt dat uw bezwaar weg?"),
])
def test_a_leading_tag_inside_the_question_is_no_check(library: Library, lang: str,
                                                       leading: str, check: str) -> None:
    led = report(library, "drill-objection-price", lang, [*PRICE_ANSWER[lang], leading])
    asked = report(library, "drill-objection-price", lang, [*PRICE_ANSWER[lang], check])
    assert not led["objectives"]["external"]["check"], led["turns"][-1]
    assert not any(leading[:30] in t for t in led["feedback"]
                   if t.startswith(("Good", "Goed"))), led["feedback"]
    assert asked["objectives"]["external"]["check"], asked["turns"][-1]


def test_a_choice_with_toch_is_no_leading_tag(library: Library) -> None:
    """'Of wilt u toch eerst de folder?' offers him the choice; it leads him nowhere."""
    lines = ["Dat kan zeker, meneer De Wit, en ik snap dat u weinig tijd heeft. Mag ik vragen "
             "waar u in zo'n brochure vooral naar zou kijken, nu het verzuim in drie "
             "Excel-lijsten staat?",
             "Dan is dit misschien handig om te weten: in onze verzuimmodule ziet u op één "
             "scherm wie er ziek is, sinds wanneer, en wanneer de arbodienst in beeld moet "
             "komen. U hoeft dan geen drie lijsten meer naast elkaar bij te houden.",
             "Zou u daar meer aan hebben dan aan een brochure, als ik het over twee weken in een "
             "kwartier met uw eigen verzuimcijfers laat zien? Of wilt u toch eerst de folder?"]
    rep = report(library, "drill-objection-brochure", "nl", lines)
    assert rep["objectives"]["external"]["check"], rep["turns"][-1]


# -- 9. a benefit that misses his need is not praised as tied to it ----------------------

@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["I understand, 14% is quite a lot. What do you pay per roll at the moment?",
            "Ok. Our film is stronger and pre-stretched, so you use less of it per pallet, and "
            "in the end the difference is smaller than it looks on paper.",
            "Does that make it easier to explain internally?"]),
    ("nl", ["Ik begrijp het, 14% is best veel. Wat betaalt u nu per rol?",
            "Oké. Onze folie is sterker en voorgerekt, dus u gebruikt er minder van per pallet, "
            "en uiteindelijk is het verschil kleiner dan het lijkt.",
            "Kunt u het intern zo makkelijker uitleggen?"]),
])
def test_an_untied_benefit_is_named_open_not_praised(library: Library, lang: str,
                                                     lines: list[str]) -> None:
    rep = report(library, "drill-objection-price", lang, lines)
    assert not rep["objectives"]["external"]["respond"], rep["turns"][1]
    # he came round by himself: three steps of four, a trainer's 50-60, not 75
    assert rep["score"] <= 70, rep["score"]
    tips = _tips(rep)
    assert "tied to what he said" not in tips and "aansluit bij wat hij zelf zei" not in tips
    assert ("stilstand" in tips or "downtime" in tips), tips


# -- 10. praise that names what the message did; a made-up memory is no summary ----------

def test_thanks_before_a_question_is_no_understanding_praised(library: Library) -> None:
    rep = report(library, "drill-objection-discuss-others", "en", [
        "Thank you, good to hear. What stood out for you when you tried it?",
        "That makes sense, a choice for a whole school isn't one person's call. Who else will "
        "want a say, and what will they want to know?"])
    praised = [t for t in rep["feedback"] if "showed her you understood" in t]
    assert praised and all("Thank you, good to hear" not in t for t in praised), rep["feedback"]


def test_small_talk_she_had_to_correct_is_no_summary(library: Library) -> None:
    cs = CompiledScenario(library.scenarios["closing-catering-followup"])
    played = play_lines(cs, "en", ["Morning Marco, good to see you again."])
    chat = TurnRecord(learner="Did you end up going to Portugal? Last time you were still "
                              "doubting.", buyer="Not quite: Portugal? I never said that.",
                      form="closed", spin=None, objectives=[], moves=["small_talk"], facts=[],
                      needs=[], phase="opening", act="small_talk")
    keys = [t.key for t in _improvements(cs, played.state, [*played.turns, chat])]
    assert "false_memory" in keys and "summary_wrong" not in keys, keys


@pytest.mark.parametrize(("lang", "lines", "offer"), [
    ("nl", ["Goedemiddag mevrouw Bosman, ik ben Sanne de Groot van Printwise. Wij doen managed "
            "print, dus labelprinters en kantoorprinters in lease met onderhoud erbij.",
            "Hoeveel printers hebben jullie nu in het magazijn staan en hoe oud zijn die "
            "ongeveer?",
            "Hebben jullie vaak storingen?",
            "Wie doet nu het onderhoud, en hoe tevreden bent u daarover?"],
     "Daar hebben wij echt een goede oplossing voor. Wij leasen industriële labelprinters, "
     "houden ze op afstand in de gaten en er staat binnen vier uur een monteur. Alles voor "
     "één vast bedrag per maand."),
    ("en", ["Good afternoon Ms Bosman, I'm Sanne from Printwise. We do managed print: label "
            "and office printers in lease, with maintenance.",
            "How many printers do you have in the warehouse now, and how old are they?",
            "Do you often have breakdowns?",
            "Who does the maintenance now, and how happy are you with them?"],
     "We have a really good solution for that. We lease industrial label printers, monitor "
     "them remotely and a technician is there within four hours. All for one fixed monthly "
     "fee."),
])
def test_a_solution_before_the_cost_is_told_is_too_early_in_a_spin_call(
        library: Library, lang: str, lines: list[str], offer: str) -> None:
    rep = report(library, "spin-printing-urgency", lang, [*lines, offer])
    assert rep["turns"][-1]["act"] == "solution", rep["turns"][-1]
    tip = next((t for t in rep["feedback"] if offer[:30] in t), "")
    assert tip and not tip.startswith(("Good", "Goed")), rep["feedback"]
    assert "too early" in tip or "te vroeg" in tip, tip


# -- 11. what we have, said as what her supplier lacks, runs the supplier down ------------

@pytest.mark.parametrize(("lang", "lines", "knock"), [
    ("nl", ["Goedemiddag mevrouw Mulder, ik ben Bas van VanVloot Lease.",
            "Fijn dat u tevreden bent, dat is mooi om te horen. Maar bij ons krijgt u vervangend "
            "vervoer binnen vier uur, ook op locatie. Dat heeft uw huidige leasemaatschappij "
            "volgens mij niet.",
            "Zou dat iets voor jullie zijn?"], "Fijn dat u tevreden bent"),
    ("en", ["Good afternoon Ms Mulder, I'm Bas from VanVloot Lease.",
            "Good to hear you're happy. But with us you get a replacement van within four "
            "hours, on site too. Your current leasing company probably doesn't offer that.",
            "Would that be something for you?"], "Good to hear you're happy"),
])
def test_what_her_supplier_lacks_is_named_as_running_it_down(library: Library, lang: str,
                                                             lines: list[str],
                                                             knock: str) -> None:
    rep = report(library, "drill-objection-current-supplier", lang, lines)
    said = [t for t in rep["feedback"] if knock in t]
    assert said and not any(t.startswith(("Good", "Goed", "Done", "Goed gedaan"))
                            for t in said), rep["feedback"]
    assert any("runs down" in t or "kraakt" in t for t in said), said


# -- 12. no problem on the table yet: ask what could be better, not what it costs ---------

def test_after_fair_content_the_next_question_asks_what_could_be_better(
        library: Library) -> None:
    opening = ["Good morning Mrs de Groot, I'm Tom from SchoonWerk.",
               "Today I'd like to get to know each other, hear how the cleaning is organised "
               "and agree a next step. OK?",
               "Who does the cleaning for you now?",
               "How many square metres are the offices?"]
    content = _tips(report(library, "first-visit-cleaning", "en", [
        *opening, "Is there anything about the cleaning now that bothers you?",
        "When does your contract end?"]))
    assert "no problem is on the table yet" in content, content
    assert "ask about the consequences" not in content, content


# -- 13. a proposal's day and people in chat words; its date past his deadline ------------

@pytest.mark.parametrize(("lang", "said"), [
    ("nl", "zal ik een demo geven voor jou, de financieel directeur en iemand van de OR? bv di "
           "12 jan om 10u hier?"),
    ("en", "shall i give a demo for you, the finance director and someone from the works "
           "council? eg tue 12 jan at 10 here?"),
])
def test_a_date_by_its_month_and_a_list_of_people_are_named_parts(library: Library, lang: str,
                                                                  said: str) -> None:
    cs = CompiledScenario(library.scenarios["objection-software-renewal"])
    state = play_lines(cs, lang, ["Goedemorgen Gerard."]).state
    missing = close_parts_missing(cs, state, said)
    assert "day" not in missing and "who" not in missing, missing


def test_a_proposal_past_his_deadline_is_named_late_even_when_not_read_as_concrete(
        library: Library) -> None:
    lines = ["goedemorgen gerard, dank je. vandaag wil ik kort terugblikken en kijken of een "
             "demo zin heeft, goed?",
             "wie beslist er mee, en wanneer wordt er besloten?",
             "zal ik een demo geven voor jou, de financieel directeur en iemand van de OR? bv "
             "di 12 jan om 10u hier?"]
    cs = CompiledScenario(library.scenarios["objection-software-renewal"])
    played = play_lines(cs, "nl", lines)
    keys = [t.key for t in _improvements(cs, played.state, played.turns)]
    assert "close_too_late" in keys and "firmer_close" not in keys, keys
