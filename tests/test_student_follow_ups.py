"""What a student's short follow-up reaches, as the lead typed them in a call.

- When they *decide* is not when they *start*: "wanneer willen jullie beslissen?" gets
  the decision moment (before the summer holiday), not the contractor's handover.
- "What does the baker cost you now?" asks what the current supplier costs: the buyer
  knows that roughly, it is what the budget was set at; not the story of 150 sandwiches.
- "How often does that happen?" right after her example of what goes wrong asks how
  often her problem happens, not how often the offices are cleaned; "how often do they
  clean?" still asks that.
- "What would it mean if the jams were gone?" supposes the problem solved: she says what
  a fix is worth (need-payoff), not the plays-down line about how it costs time.
- "Let me sum up: ... What did I miss?" is a summary, confirmed as one, while "You said
  X, how fast are they?" stays a question.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.engine_calls import compiled_library, play

CATERING = {
    "nl": ["hoi marco! lang niet gezien, hoe is t met de verbouwing?",
           "ik wil vandaag graag horen wat u van ons voorstel vond, ok?"],
    "en": ["hi marco! long time no see, how's the renovation going?",
           "today I'd like to hear what you thought of our proposal, ok?"],
}
DECIDE = {"nl": ["wanneer willen jullie beslissen dan",
                 "voor wanneer wil annelies het rond hebben?"],
          "en": ["when do you want to decide then", "by when does annelies want it settled?"]}
START = {"nl": "wanneer willen jullie starten?", "en": "when would you like to start?"}
BAKER_COST = {"nl": ["en wat kost die bakker u nu per maand ongeveer",
                     "wat betalen jullie nu eigenlijk voor de broodjes?"],
              "en": ["and what does the baker cost you now per month roughly",
                     "what do you pay for the sandwiches now?"]}
CLEANING = {
    "nl": ["goedemorgen mevrouw de groot, ik ben lisa van schoonwerk",
           "wie doet nu de schoonmaak?", "en bent u tevreden?", "kunt u een voorbeeld geven"],
    "en": ["hi mrs de groot, im lisa from schoonwerk nederland",
           "who does ur cleaning now?", "and r u happy with them", "can u give an example"],
}
HOW_OFTEN = {"nl": ["hoe vaak gebeurt dat?", "hoe vaak ongeveer?"],
             "en": ["how often does that happen?", "how often, roughly?"]}
HOW_OFTEN_CLEANED = {"nl": "en hoe vaak maken ze schoon?", "en": "and how often do they clean?"}
PRINTING = {
    "nl": ["Goedemorgen mevrouw Bosman, ik ben Tom van Printwise.",
           "Hoeveel printers heeft u en wie onderhoudt ze?",
           "Hoe vaak lopen ze vast?",
           "Wat gebeurt er op de vloer als een labelprinter vastloopt in de piek?"],
    "en": ["Good morning Ms Bosman, I'm Tom from Printwise.",
           "How many printers do you run, and who maintains them?",
           "How often do they jam?",
           "What happens on the floor when a label printer jams during peak?"],
}
JAMS_GONE = {
    "nl": "Wat zou het voor u betekenen als die storingen voor de kerstpiek weg waren?",
    "en": "What would it mean for you if the jams were gone before the Christmas peak?",
}
RECAP = {
    "en": "Let me sum up: the label printers jam at peak, trucks leave without parcels. "
          "What did I miss?",
    "nl": "Even samenvatten: de labelprinters lopen vast in de piek en de vrachtwagen gaat "
          "zonder pakketten weg. Wat mis ik nog?",
}
NEW_QUESTION_AFTER_RECAP = {
    "en": "So the label printers jam at peak and trucks leave without parcels. "
          "How fast is the repair firm there?",
    "nl": "Dus de labelprinters lopen vast in de piek en de vrachtwagen gaat zonder "
          "pakketten weg. Hoe snel is de reparateur er?",
}


@pytest.fixture(scope="module")
def library():
    return compiled_library()


def _last(library: Any, sid: str, lang: str, lines: list[str]) -> dict[str, Any]:
    return dict(play(library, sid, lang, lines)["turns"][-1])


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("which", [0, 1])
def test_when_they_decide_is_not_when_they_start(library, lang, which):
    decided = _last(library, "closing-catering-followup", lang,
                    CATERING[lang] + [DECIDE[lang][which]])["buyer"]
    started = _last(library, "closing-catering-followup", lang,
                    CATERING[lang] + [START[lang]])["buyer"]
    assert ("zomervakantie" in decided) if lang == "nl" else ("summer holiday" in decided)
    # the contractor's handover answers when they start, not when they decide
    contractor = "aannemer" if lang == "nl" else "contractor"
    assert contractor not in decided
    assert "september" in started.lower() and "zomervakantie" not in started


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("which", [0, 1])
def test_what_the_current_supplier_costs_gets_the_cost(library, lang, which):
    reply = _last(library, "closing-catering-followup", lang,
                  CATERING[lang] + [BAKER_COST[lang][which]])["buyer"]
    assert "115.000" in reply or "115,000" in reply
    assert "150" not in reply  # not the story of the sandwiches she orders


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("which", [0, 1])
def test_how_often_that_happens_is_about_her_problem(library, lang, which):
    turn = _last(library, "first-visit-cleaning", lang, CLEANING[lang] + [HOW_OFTEN[lang][which]])
    frequency = "drie keer per week" if lang == "nl" else "three times a week"
    assert frequency not in turn["buyer"].lower()
    assert ("week" in turn["buyer"]) and turn["act"] == "fact_question"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_how_often_they_clean_still_gets_the_frequency(library, lang):
    reply = _last(library, "first-visit-cleaning", lang,
                  CLEANING[lang] + [HOW_OFTEN_CLEANED[lang]])["buyer"]
    assert ("drie keer per week" in reply.lower()) if lang == "nl" else (
        "three times a week" in reply)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_problem_gone_asks_what_a_fix_is_worth(library, lang):
    turn = _last(library, "spin-printing-urgency", lang, PRINTING[lang] + [JAMS_GONE[lang]])
    assert turn["spin"] == "need_payoff"
    played_down = ("Het kost tijd" if lang == "nl" else "It costs time")
    assert played_down not in turn["buyer"]
    assert ("zeven uur" in turn["buyer"]) if lang == "nl" else ("at seven" in turn["buyer"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_recap_with_an_open_check_is_a_summary(library, lang):
    report = play(library, "spin-printing-urgency", lang, PRINTING[lang] + [RECAP[lang]])
    turn = report["turns"][-1]
    assert turn["act"] == "summary"
    assert report["objectives"]["external"]["summary"] is True
    assert "Zoals ik" not in turn["buyer"] and "Like I" not in turn["buyer"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_new_question_after_a_recap_is_still_asked(library, lang):
    turn = _last(library, "spin-printing-urgency", lang,
                 PRINTING[lang] + [NEW_QUESTION_AFTER_RECAP[lang]])
    assert turn["act"] == "fact_question"
    assert "PrintFix" in turn["buyer"]
