"""Round 24, tips: what the card praises and names as missing is what the learner did.

- "What happens with the label printers on your busiest days?" names no trouble: it asks
  whether something goes wrong (a problem question). The implication praise goes to the
  question that asks what a jam means for the trucks.
- After a summary she had to correct, a proposal opening "You mentioned the slow repair
  visits" (she never did) is not praised as "tied to what she said".
- "Dat verdient u toch snel terug als al die uren verdwijnen?" to Gerard's twenty percent
  argues in the words his concern is answered by: he takes it, and no tip says the benefit
  is still to be given.
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.terminal import play_lines
from scoring.feedback import _strengths
from tests.engine_calls import compiled_library, play

INGRID = [
    "Hello Ingrid, I'm Sara Jansen from Printwise, we take care of label printers for "
    "warehouses. Could you tell me a little about your role?",
    "Today I'd like to understand how printing works on your floor and see whether a "
    "closer look makes sense. Is that OK?",
    "How many label printers do you have on the floor, and who maintains them?",
]

# Gerard's renewal visit up to his price objection and the question that clarifies it
GERARD = [
    "Goedemorgen meneer Smits, fijn dat ik weer langs mocht komen.",
    "Ik wil vandaag graag nog wat beter begrijpen hoe de uren bij jullie lopen, en daarna "
    "laten zien wat Werkwijzer HR voor Hendriks Bouw kan betekenen.",
    "U had het de vorige keer over de papieren urenbriefjes. Hoe gaat dat nu precies in de "
    "praktijk?",
    "Met onze uren-app vullen uw mensen op de bouwplaats hun uren gewoon in op hun telefoon "
    "en komt alles meteen bij de salarisadministratie binnen. De cao-toeslagen worden "
    "daarna automatisch berekend.",
    "Bent u eigenlijk tevreden over uw huidige leverancier?",
    "Ik begrijp dat de prijs hoger is dan wat u nu betaalt. Maar u krijgt er ook veel meer "
    "voor terug, denk aan de medewerkersapp en de begeleide overstap met twee maanden "
    "parallel draaien.",
    "Wat betaalt u nu eigenlijk per medewerker?",
    "En hoeveel uur is de salarisadministratie nu per maand kwijt aan het overtypen van die "
    "briefjes?",
]


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()


def test_a_question_that_names_no_trouble_is_not_the_implication_praised(library):
    report = play(library, "spin-printing-urgency", "en", [
        *INGRID,
        "What happens with the label printers on your busiest days?",
        "And when one of them jams late in the afternoon, what does that mean for the trucks?",
        "What does that cost you in the end, in penalties or overtime?",
        "If the coming peak ran without a single jam, what would that be worth to you?",
    ])
    praise = [tip for tip in report["feedback"] if "is an implication question" in tip]
    assert praise, report["feedback"]
    assert "busiest days" not in praise[0], praise
    assert "jams late in the afternoon" in praise[0], praise


@pytest.mark.parametrize(("mention", "praised"), [
    ("You mentioned the slow repair visits", False),  # she never spoke of waiting
    ("You mentioned the penalties from Nestwerk", True),  # she did
])
def test_a_proposal_tied_to_something_she_never_said_is_not_praised(library, mention,
                                                                    praised):
    cs = library["spin-printing-urgency"]
    call = play_lines(cs, "en", [
        *INGRID,
        "And when one of them jams late in the afternoon, what does that mean for the trucks?",
        "What does that cost you in the end, in penalties or overtime?",
        "So if I understand you correctly: the printers are old, the repair firm is slow to "
        "come out, and at peak a jam means late trucks and overtime. Is that right?",
        f"Then an idea. {mention}: we would lease you new label printers with a technician "
        "on site within four hours, for one fixed monthly fee. Would that solve the late "
        "trucks for you?",
    ], 0, None)
    assert "didn't say all of that" in call.turns[-2].buyer  # the summary was corrected
    assert call.turns[-1].act == "solution", call.turns[-1]
    keys = {tip.key for tip in _strengths(cs, call.state, call.turns)}
    assert ("good_solution" in keys) is praised, keys


def test_his_money_earned_back_by_the_hours_he_named_answers_the_price(library):
    report = play(library, "objection-software-renewal", "nl", [
        *GERARD, "Dat verdient u toch snel terug als al die uren verdwijnen?"])
    reply = report["turns"][-1]["buyer"]
    assert "verdient het zich terug" in reply, reply
    said = " ".join(report["feedback"])
    assert "een voordeel dat aansluit op zijn behoefte" not in said, report["feedback"]
