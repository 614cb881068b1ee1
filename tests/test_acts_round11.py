"""Acts of round-11 findings (the third held-out set): the learner's turn read by what it
does, in wordings not taken from the dialogue files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.scenario.library import load_library
from tests.engine_calls import last_turn, script_turns

DEV = Path(__file__).resolve().parents[1] / "benchmarks" / "dialogues" / "dev"
OPENING = {"en": "Good morning, I'm Tom from SchoonWerk. Nice to meet you.",
           "nl": "Goedemorgen, ik ben Tom van SchoonWerk. Prettig kennis te maken."}


@pytest.fixture(scope="module")
def library():
    return load_library([])


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Shall I make you a quote?"),
    ("en", "Should I draw up an offer for both offices?"),
    ("en", "I can email you a brochure and a sample calculation, is that ok?"),
    ("en", "ok shall i send u an offer? whats ur email"),
    ("en", "Shall I work out a quote for the two branches?"),
    ("nl", "Zal ik een offerte voor u maken?"),
    ("nl", "Zal ik u anders wat informatie mailen?"),
    ("nl", "Zal ik een prijsopgave maken voor beide vestigingen?"),
    ("nl", "Zou ik nog eens terug mogen komen om alles op te meten?"),
    ("nl", "Zal ik een voorbeeldberekening sturen?"),
])
def test_offering_a_document_or_a_visit_to_come_proposes_a_next_step(library, lang, line):
    """"Shall I make you a quote?" offers a next step: no question about her situation, and
    a request for her e-mail after it does not undo the offer."""
    turn = last_turn(library, "first-visit-cleaning", lang, [OPENING[lang], line])
    assert turn["act"] == "next_step_proposal"
    assert turn["spin"] is None


@pytest.mark.parametrize("line", [
    "Donderdag de 9e om half drie, past dat?",
    "Woensdag 15 oktober om elf uur, werkt dat voor u?",
    "Vrijdag de 17e om negen uur, past dat bij u?",
])
def test_a_date_with_its_check_proposes_the_date_while_her_objection_stands(library, line):
    """"Thursday at half past two, does that suit you?" checks the date, not her concern
    (the price objection she raised still stands when the learner proposes a visit)."""
    data = yaml.safe_load((DEV / "first-visit-cleaning.nl.average.h3.yaml").read_text())
    lines = [t["learner"] for t in data["turns"][:11]]
    lines += ["Mag ik nog eens terugkomen om alles op te meten voor een offerte?", line]
    turns = script_turns(library, "first-visit-cleaning", "nl", lines)
    # her objection stands (said bare or by name, "de prijs staat voor mij nog open"):
    # what this test is about
    assert any(w in turns[-2]["buyer"] for w in ("bezwaar", "nog open", "nog geen antwoord"))
    assert turns[-1]["act"] == "next_step_proposal"


BOASTS = {
    "en": ["Our service is the most complete package on the market: offices, windows and "
           "grounds in one contract.",
           "Besides that, there's a 24/7 helpdesk and integrations with every facility system.",
           "With more than 400 law firms as clients, you know you're in good hands.",
           "And remember, the warranty covers every missed clean, so you really get a lot for "
           "this price."],
    "nl": ["SchoonWerk is het meest complete schoonmaakbedrijf van de regio: kantoren, ramen "
           "en terrein in één contract.",
           "Daarnaast hebben de teams een 24/7 storingslijn en een app voor meldingen.",
           "Met meer dan 400 notariskantoren als klant weet u dat het goed zit.",
           "Het pakket is sneller dan elke andere oplossing als er iets misgaat."],
}


@pytest.mark.parametrize(("lang", "index"), [(lang, i) for lang in BOASTS for i in range(4)])
def test_a_boast_about_the_offer_before_any_need_is_a_pitch(library, lang, index):
    """"The most complete package", "600 firms as clients", "better than", "the warranty":
    the offer praised before she said what she needs is a pitch, in any of these words."""
    opening = {"en": "Good morning, I'm Tom from SchoonWerk.",
               "nl": "Goedemorgen, ik ben Tom van SchoonWerk."}[lang]
    turn = last_turn(library, "first-visit-cleaning", lang, [opening, BOASTS[lang][index]])
    assert turn["act"] == "pitch"


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Maar uw huidige leverancier is toch wat ouderwets, of niet?"),
    ("nl", "Die andere partij levert toch minder kwaliteit, toch?"),
    ("nl", "Hun service is behoorlijk traag, vindt u niet?"),
    ("en", "But your current supplier is a bit old-fashioned, isn't it?"),
    ("en", "Their service is pretty slow, don't you think?"),
    ("en", "Their vans are getting old, aren't they?"),
])
def test_a_claim_with_a_tag_against_her_supplier_answers_her_objection(library, lang, line):
    """"Your current supplier is outdated, isn't it?" argues with her objection (happy with
    the current supplier): a (poor) response to it, no question about her situation."""
    turn = last_turn(library, "drill-objection-current-supplier", lang, [line])
    assert turn["act"] == "objection_response"
    assert turn["spin"] is None


BUSINESS = {"en": ["Good morning, I'm Tom from SchoonWerk.", "Who does the cleaning now?",
                   "How many square metres are the two offices?"],
            "nl": ["Goedemorgen, ik ben Tom van SchoonWerk.", "Wie doet nu de schoonmaak?",
                   "Hoeveel vierkante meter zijn de twee kantoren?"]}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "By the way, what car do you drive? I saw a lovely old Saab outside."),
    ("en", "Any hobbies outside work, if I may ask?"),
    ("en", "Lovely decorations in the hall. Did you make them yourself?"),
    ("en", "Is that your dog on the photo behind you?"),
    ("nl", "Wat voor auto rijdt u eigenlijk? Ik zag een mooie oude Saab staan."),
    ("nl", "Speelt u zelf ook golf? Ik zag een golftas in de gang staan."),
    ("nl", "Mooie versiering in de hal trouwens. Heeft u die zelf gemaakt?"),
    ("nl", "Is dat uw hond op de foto achter u?"),
])
def test_a_question_about_her_life_outside_the_deal_is_small_talk(library, lang, line):
    """Her car, her hobbies, the photo on the wall: small talk in the middle of the call
    too, not a situation question."""
    turn = last_turn(library, "first-visit-cleaning", lang, [*BUSINESS[lang], line])
    assert turn["act"] == "small_talk"
    assert turn["spin"] is None


@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Ik snap het, u heeft het druk. Mooie kerstversiering trouwens, zelf gemaakt?"),
    ("nl", "Dat zie ik, het is hier een drukte van belang. Is dat uw hond op de foto?"),
    ("en", "I can see you're busy. Lovely decorations by the way, did you make them yourself?"),
    ("en", "I see, busy day. Is that your dog on the photo?"),
])
def test_a_nod_then_a_chat_question_after_her_objection_is_small_talk(library, lang, line):
    """"I see you're busy. Lovely decorations, did you make them?": the question is the
    point, and it is small talk, not a step of handling her objection."""
    turn = last_turn(library, "drill-objection-no-time", lang, [line])
    assert turn["act"] == "small_talk"


RENEWAL_PAIN = {
    "en": ["Good morning Gerard, good to see you again.", "How are the timesheets handled now?",
           "How much time does the payroll team spend on that each week?"],
    "nl": ["Goedemorgen Gerard, goed u weer te zien.", "Hoe gaan de urenbriefjes nu?",
           "Hoeveel tijd is de salarisadministratie daar per week mee kwijt?"],
}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Last time you talked about the paper timesheets, and you have about 250 people, "
           "right?"),
    ("nl", "Kort samengevat: het overtypen kost tijd en u bent bang voor weer zo'n "
           "overstap, klopt dat?"),
    ("nl", "Vorige keer had u het over de papieren urenbriefjes, en u heeft zo'n 250 man, "
           "toch?"),
])
def test_her_words_cited_back_and_checked_sum_up(library, lang, line):
    """"Last time you talked about ..., right?", "vorige keer had u het over ..., toch?":
    her own words restated with a check are a summary, not a new question."""
    turns = script_turns(library, "objection-software-renewal", lang, [*RENEWAL_PAIN[lang], line])
    assert turns[-1]["act"] == "summary"
    assert turns[-1]["spin"] is None


@pytest.mark.parametrize(("scenario", "lang", "line"), [
    ("drill-closing-order", "en", "So how would you like to proceed with the order?"),
    ("drill-closing-order", "en", "Everything is in place. How shall we go ahead with the order?"),
    ("drill-closing-order", "nl", "Alles staat klaar. Hoe wilt u verder met de bestelling?"),
    ("drill-objection-price", "en", "Shall I send you the trial order to sign?"),
])
def test_asking_how_to_go_ahead_with_the_order_asks_for_it(library, scenario, lang, line):
    """"How would you like to proceed with the order?", "... the order to sign?": the
    question asks for the decision (an open question can close too)."""
    assert last_turn(library, scenario, lang, [line])["act"] == "ask_order"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Counting the retyping, you earn the difference back. Does that put your mind at "
           "rest?"),
    ("nl", "Reken je de uren mee, dan haal je het verschil er ruim uit. Kun je je daarin "
           "vinden?"),
    ("nl", "Met de uren erbij verdien je het verschil terug. Zit je daarmee goed?"),
])
def test_checking_her_objection_in_other_words_responds_to_it(library, lang, line):
    """"Kun je je daarin vinden?", "does that put your mind at rest?": the check step on her
    objection, no question about her situation."""
    turns = script_turns(library, "objection-software-renewal", lang, [*RENEWAL_PAIN[lang], line])
    assert turns[-1]["act"] == "objection_response"
    assert turns[-1]["spin"] is None


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "So: a daily salad bar, fresh soup, a hot dish and vegetarian choices, all from "
           "local growers, and our own chefs are trained in-house."),
    ("en", "Quick reminder of what we offer: sandwiches, soups, a hot meal and a salad bar, "
           "plus a free fit-out of the restaurant by our team."),
    ("nl", "Wat wij bieden is een saladebar, verse soep, een warm gerecht en vegetarische "
           "opties, en onze koks zijn allemaal intern opgeleid."),
    ("nl", "Wij leveren dagelijks verse soep, een warm gerecht en een saladebar met lokale "
           "producten, en de inrichting van het restaurant doen we gratis."),
])
def test_reciting_the_offer_on_a_follow_up_visit_is_a_pitch(library, lang, line):
    """A follow-up visit knows her needs from the first one, but the offer recited as a list
    of what we have, tied to nothing she said, is a pitch."""
    opening = {"en": "Hi Marco, good to see you again.", "nl": "Hoi Marco, goed je weer te zien."}
    turn = last_turn(library, "closing-catering-followup", lang, [opening[lang], line])
    assert turn["act"] == "pitch"


def test_an_offer_citing_her_words_on_a_follow_up_visit_stays_a_solution(library):
    lines = ["Hi Marco, good to see you again.", "What did the team think of the proposal?",
             "You said people want more variety, so we could rotate the hot dish every week."]
    assert last_turn(library, "closing-catering-followup", "en", lines)["act"] == "solution"
