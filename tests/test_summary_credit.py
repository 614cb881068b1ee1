"""The summary objective is earned by summing up, not by pointing back to ask a question.

"You said the repair firm is local, how fast are they usually there?" refers to her words
to ask something new; a trainer does not tick "summarise the problem and its consequences"
for it. A real recap before an open check ("Let me sum up: ... What did I miss?") still
earns it, in both languages.
"""

from __future__ import annotations

import pytest

from tests.engine_calls import compiled_library, play

OPENING = {
    "en": ["Good morning Ms Bosman, I'm Tom from Printwise.",
           "How many printers do you run, and who maintains them?",
           "How often do they jam?",
           "What happens on the floor when a label printer jams during peak?"],
    "nl": ["Goedemorgen mevrouw Bosman, ik ben Tom van Printwise.",
           "Hoeveel printers heeft u en wie onderhoudt ze?",
           "Hoe vaak lopen ze vast?",
           "Wat gebeurt er op de vloer als een labelprinter vastloopt in de piek?"],
}
POINTING_BACK = {
    "en": "Interesting. You said the repair firm is local, how fast are they usually there?",
    "nl": "Interessant. U zei dat de reparateur uit de buurt komt, hoe snel zijn ze er meestal?",
}
RECAP = {
    "en": "Let me sum up: the label printers jam at peak, trucks leave without parcels and "
          "that costs you penalties. What did I miss?",
    "nl": "Even samenvatten: de labelprinters lopen vast in de piek, de vrachtwagen gaat "
          "zonder pakketten weg en dat kost u boetes. Wat mis ik nog?",
}


@pytest.fixture(scope="module")
def library():
    return compiled_library()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_question_that_points_back_is_no_summary(library, lang):
    report = play(library, "spin-printing-urgency", lang, OPENING[lang] + [POINTING_BACK[lang]])
    assert report["objectives"]["external"]["summary"] is False


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_recap_before_an_open_check_earns_the_summary(library, lang):
    report = play(library, "spin-printing-urgency", lang, OPENING[lang] + [RECAP[lang]])
    assert report["objectives"]["external"]["summary"] is True
