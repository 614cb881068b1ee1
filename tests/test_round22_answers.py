"""Round 22: the buyer answers the question the learner asked, as a person would.

- "bij wie komen die klachten dan terecht?" / "who do those complaints end up with?" asks
  where the trouble lands (her hour a week of chasing), not who cleans or how big the
  branches are;
- "what does it mean for the staff *when their payslip is wrong*, and for the workload in
  payroll?": the if-part names the trouble, the question asks what it leads to (the
  payroll people), not how payslips are sent;
- "Dan uw punt over de prijsindicatie. Wat betaalt u nu aan uw huidige leverancier?" asks
  the price the statement before it also names: she tells what she pays, not "as I said:
  thirty to forty corrections";
- in the no-time drill "werken jullie al met een uitzendbureau?" is a question about his
  situation, answered briefly, not chat; a learner who proposes Monday at nine hears his
  yes to Monday, not "then I've got two minutes" before it.

The lines vary wording and language, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import call, last_turn


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("nl", ["Goedemorgen, ik ben Sanne van SchoonWerk.", "Hoe tevreden bent u over hun werk?",
            "En bij wie komen die klachten dan terecht?"], "uur kwijt"),
    ("nl", ["Goedemorgen, ik ben Sanne van SchoonWerk.", "Hoe tevreden bent u over hun werk?",
            "Wie krijgt die klachten dan?"], "uur kwijt"),
    ("en", ["Good morning, I'm Sanne from SchoonWerk.", "How happy are you with their work?",
            "And who do those complaints end up with?"], "an hour every week"),
    ("en", ["Good morning, I'm Sanne from SchoonWerk.", "How happy are you with their work?",
            "who hears the complaints then?"], "an hour every week"),
])
def test_where_the_complaints_land_is_her_time_lost(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    reply = call(library, "first-visit-cleaning", lang, lines)[2][-1]
    assert expected in reply, reply
    assert "Blinkend Schoon" not in reply and "Haarlem is" not in reply, reply
    turn = last_turn(library, "first-visit-cleaning", lang, lines)
    assert turn["spin"] == "implication", turn


@pytest.mark.parametrize(("lang", "lines", "expected", "not_said"), [
    ("nl", ["Goedemorgen Gerard, fijn u weer te zien.",
            "En hoe vaak moeten cao-toeslagen achteraf worden gecorrigeerd?",
            "Wat betekent dat voor de medewerkers als hun loonstrook niet klopt, en voor de "
            "werkdruk bij de salarisadministratie?"], "Joke", "per post"),
    ("en", ["Good morning Gerard, good to see you again.",
            "And how often do allowances have to be corrected afterwards?",
            "What does that mean for the employees when their payslip is wrong, and for the "
            "workload in payroll?"], "Joke", "by post"),
])
def test_the_if_part_names_the_trouble_not_the_answer(
        library: Library, lang: str, lines: list[str], expected: str, not_said: str) -> None:
    reply = call(library, "objection-software-renewal", lang, lines)[2][-1]
    assert expected in reply, reply
    assert not_said not in reply, reply


@pytest.mark.parametrize(("lang", "line", "expected"), [
    ("nl", "Dan uw punt over de prijsindicatie van € 9,40 per medewerker per maand. Wat "
           "betaalt u nu aan uw huidige leverancier, zodat ik het eerlijk kan vergelijken?",
     "7,80"),
    ("en", "Then your point about the indicative price of €9.40 per employee per month. What "
           "do you pay your current supplier now, so I can compare fairly?", "7.80"),
])
def test_a_price_named_before_the_question_and_asked_in_it_is_told(
        library: Library, lang: str, line: str, expected: str) -> None:
    opening = {
        "nl": ["Goedemorgen meneer Smits, fijn u weer te spreken.",
               "Hoeveel uur is uw salarisadministratie per maand kwijt aan die briefjes?",
               "En hoe vaak moeten cao-toeslagen achteraf worden gecorrigeerd?",
               "Met welk pakket werkt u nu, en wat bevalt u daar goed aan?",
               "Dat begrijp ik goed: als iets al jaren werkt, stap je niet zomaar over. Wat "
               "zou er moeten veranderen om een overstap de moeite waard te maken?"],
        "en": ["Good morning Mr Smits, good to speak to you again.",
               "How many hours a month does payroll spend on those timesheets?",
               "And how often do allowances have to be corrected afterwards?",
               "Which package do you use now, and what do you like about it?",
               "I understand: if something has worked for years you don't just switch. What "
               "would have to change to make a switch worth it?"],
    }[lang]
    reply = call(library, "objection-software-renewal", lang, [*opening, line])[2][-1]
    assert expected in reply, reply
    assert "thirty to forty" not in reply and "dertig tot veertig" not in reply, reply


PITCH = {"nl": "Ik houd het kort hoor! FlexWerk bestaat al dertig jaar, we hebben een eigen "
               "academy en al onze flexkrachten zijn gescreend.",
         "en": "I'll keep it short! FlexWerk has been around for thirty years, we have our own "
               "academy and all our temps are screened."}


@pytest.mark.parametrize(("lang", "line", "expected"), [
    ("nl", "Werken jullie op dit moment al met een uitzendbureau?", "scholieren"),
    ("nl", "Hoe vangt u dat nu op, met oproepkrachten?", "scholieren"),
    ("en", "Do you already work with a staffing agency at the moment?", "students"),
    ("en", "how do you cover that now?", "students"),
])
def test_his_current_agency_is_a_question_not_chat(
        library: Library, lang: str, line: str, expected: str) -> None:
    turn = last_turn(library, "drill-objection-no-time", lang, [PITCH[lang], line])
    assert turn["act"] != "small_talk", turn
    assert expected in turn["buyer"], turn


@pytest.mark.parametrize(("lang", "lines", "said", "not_said"), [
    ("nl", ["Haha ja, ik zie het. Mooie paasdecoratie trouwens!",
            "Ik snap dat u het druk heeft hoor. Vier man tekort, sinds wanneer is dat al zo?",
            "Wij kunnen deze zaterdag al vier ervaren krachten sturen. Zal ik maandag om 9.00 "
            "uur even bellen om het te regelen?"], "Maandag om 9.00 uur is goed",
     "twee minuten"),
    ("en", ["I get it, you're on the till yourself. We have people for the weekend, four "
            "trained staff by this Saturday. Shall I call you Monday at 9 to set it up?"],
     "Monday at 9 works", "two minutes"),
])
def test_his_yes_to_the_learners_monday_offers_no_two_minutes(
        library: Library, lang: str, lines: list[str], said: str, not_said: str) -> None:
    reply = call(library, "drill-objection-no-time", lang, lines)[2][-1]
    assert said in reply, reply
    assert not_said not in reply, reply


@pytest.mark.parametrize(("lang", "line", "expected"), [
    ("nl", "Twintig minuten, prima. Ik wil graag horen hoe jullie het printen nu geregeld "
           "hebben en waar het knelt, en als er iets is waar we mee kunnen helpen, plannen we "
           "een demo. Vertel eens, wat doe jij hier precies?", "operations manager"),
    ("en", "Twenty minutes, fine. I'd like to hear how you handle printing now and where it "
           "pinches, and if there's something we can help with, we plan a demo. Tell me, what "
           "exactly do you do here?", "operations manager"),
])
def test_an_agenda_before_her_question_is_no_proposal(
        library: Library, lang: str, line: str, expected: str) -> None:
    """The agenda names its topics (the printing, a demo) in a sentence of its own; only
    the question after it is answered: her role, not the printer park or "send me some
    information first"."""
    opening = {"nl": "Hoi Ingrid, Jeroen van Printwise.",
               "en": "Hi Ingrid, Jeroen from Printwise."}[lang]
    turn = last_turn(library, "spin-printing-urgency", lang, [opening, line])
    assert turn["act"] == "state_objective", turn
    assert expected in turn["buyer"], turn
    assert "PrintFix" not in turn["buyer"] and "informati" not in turn["buyer"], turn
    assert not {"current_setup", "decision_timing", "demo"} & set(turn["objectives"]), turn


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("nl", ["Goedemorgen, ik ben Sanne van SchoonWerk.", "Hoe tevreden bent u over hun werk?",
            "Wat merkt het kantoor daarvan, bijvoorbeeld als er 's ochtends cliënten komen?",
            "En bij wie komen die klachten dan terecht?"], "ik ben elke week"),
    ("en", ["Good morning, I'm Sanne from SchoonWerk.", "How happy are you with their work?",
            "What do the clients notice of that?",
            "And who do those complaints end up with?"], "I lose an hour every week"),
])
def test_after_her_story_the_complaints_land_with_her(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    """Her story told, "who do those complaints end up with?" gets the part where she
    speaks of herself, not "Mrs Bakker was not pleased" (who complained) or the notice
    period ("what do the clients *notice*?" asks what they notice)."""
    replies = call(library, "first-visit-cleaning", lang, lines)[2]
    assert "Bakker" in replies[-2], replies
    assert expected in replies[-1], replies
    assert "Bakker" not in replies[-1], replies


RENEWAL_PRICE = {
    "en": ["goodmorning mr smits, thx for having me again. plan for today: quick recap of last "
           "time, then ur questions on the price, n if it fits we plan a demo. ok?",
           "last time u mentioned the paper timesheets from the sites: foremen fill them in by "
           "hand n payroll types them over. did i get that right?",
           "what goes wrong most often w the hours n allowances? n how much time does fixing "
           "it cost ur team",
           "who does ur payroll now btw, n how happy r u w them?",
           "what do u pay them now per employee per month?",
           "ok clear. u said at the start ud come back to our price, whats ur take on the 9.40?"],
    "nl": ["Goedemorgen Gerard, fijn u weer te zien.",
           "Vorige keer vertelde u over de urenbriefjes. Vandaag wil ik daar dieper op ingaan "
           "en een demo plannen. Goed?",
           "hoe vaak moeten toeslagen gecorrigeerd worden?",
           "Met onze uren-app vullen uitvoerders de uren in op de bouwplaats en de cao-module "
           "rekent de toeslagen uit. Neemt dat het overtypen weg?"],
}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "ok but if ur people save 2 days a month on corrections, thats way more than the "
           "difference right?"),
    ("en", "but if your team saves two days a month on corrections, that's worth more than the "
           "difference, isn't it?"),
    ("nl", "ok maar als uw mensen 2 dagen per maand besparen op correcties, is dat veel meer "
           "dan het verschil toch?"),
])
def test_a_value_argument_with_a_tag_is_no_question_about_the_corrections(
        library: Library, lang: str, line: str) -> None:
    """The corrections are the seller's case; "..., right?" asks her to agree with the
    argument: she reacts to it, not "as I mentioned: thirty to forty corrections"."""
    turn = last_turn(library, "objection-software-renewal", lang, [*RENEWAL_PRICE[lang], line])
    assert "thirty to forty" not in turn["buyer"], turn
    assert "dertig tot veertig" not in turn["buyer"], turn
    assert not turn["details"]["facts"], turn
    assert turn["act"] != "fact_question", turn


@pytest.mark.parametrize(("lang", "line", "expected"), [
    ("en", "Who's the competition, if I may ask? Is it one of the big ones?", "Vers & Co"),
    ("nl", "Wie is de concurrentie, als ik vragen mag?", "Vers & Co"),
    ("en", "Who handles the purchasing side then, you or finance?", "purchase order"),
    ("nl", "Wie regelt de inkoop dan, jij of financiën?", "inkoopnummer"),
])
def test_the_competition_and_the_purchasing_are_asked_in_plain_words(
        library: Library, lang: str, line: str, expected: str) -> None:
    opening = {"en": ["Hi Marco, good to see you again.", "What did you think of the proposal?"],
               "nl": ["Hoi Marco, leuk je weer te zien.", "Wat vond je van het voorstel?"]}[lang]
    reply = call(library, "closing-catering-followup", lang, [*opening, line])[2][-1]
    assert expected in reply, reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", ["Hi Marco, good to see you again.", "Are you talking to other caterers?",
            "how much cheaper are they?"], "Fifty cents"),
    ("nl", ["Hoi Marco, leuk je weer te zien.", "Praat je ook met andere cateraars?",
            "hoeveel goedkoper zijn ze dan"], "ijftig cent"),
])
def test_how_much_cheaper_asks_the_rivals_price(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    reply = call(library, "closing-catering-followup", lang, lines)[2][-1]
    assert expected in reply, reply
    assert "Two things" not in reply and "Twee dingen" not in reply, reply


@pytest.mark.parametrize(("lang", "lines", "expected"), [
    ("en", ["Good morning, I'm Sanne from SchoonWerk.",
            "And how happy are you with them, honestly?",
            "Can you give me an example of what goes wrong?"], "will reading"),
    ("nl", ["Goedemorgen, ik ben Sanne van SchoonWerk.", "Hoe tevreden bent u over hen?",
            "Kunt u een voorbeeld geven van wat er misgaat?"], "testamentbespreking"),
])
def test_an_example_of_what_she_just_told_is_a_story(
        library: Library, lang: str, lines: list[str], expected: str) -> None:
    """Asked for an example of what goes wrong right after she said it, she tells what
    happened, not "I just mentioned it: the team keeps changing"."""
    reply = call(library, "first-visit-cleaning", lang, lines)[2][-1]
    assert expected in reply, reply
    assert "just mentioned" not in reply and "Net al genoemd" not in reply, reply
