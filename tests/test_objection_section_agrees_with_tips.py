"""The objection section of the card counts the handling steps the way the card's ticks
and tips do: a benefit the card ticks as "tied to her need" answered her, a yes/no
question in the message after the answer checked it, and an acceptance won on an
understanding the learner took back ("Of course! But let me tell you what we do: ...")
is no handling. Played through the engine, as ``play --script --json``."""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from tests.engine_calls import compiled_library, play

CONTRACT = "drill-objection-contract-running"
BROCHURE = "drill-objection-brochure"

# Respect, clarify, a benefit in two sentences (the second opens with "so when ...", which
# reads like a question), then a check in a message of its own.
ALL_STEPS = {
    "en": ["That makes sense, you're bound until March. What's the notice period, and is "
           "there a penalty for leaving early?",
           "Our plans run per month. So when people join or leave you only pay for the "
           "phones in use, and you're never locked in again.",
           "Is that the kind of freedom you're looking for after March?"],
    "nl": ["Dat snap ik, u zit tot maart vast. Wat is de opzegtermijn, en is er een boete "
           "als u eerder stopt?",
           "Onze abonnementen zijn per maand opzegbaar. Dus wanneer er mensen bijkomen of "
           "vertrekken betaalt u alleen de toestellen in gebruik, en zit u nooit meer vast.",
           "Is dat het soort vrijheid dat u na maart zoekt?"],
}
# The request brushed aside with a "but" and a product list.
YES_BUT_PITCH = {
    "en": ["Of course! But let me quickly tell you what we do: we are a complete HR suite, "
           "payroll, onboarding, absence, performance reviews, all in one place."],
    "nl": ["Natuurlijk! Maar laat me eerst snel vertellen wat we doen: wij zijn een "
           "complete HR-suite, salaris, onboarding, verzuim, beoordelingen, alles op één "
           "plek."],
}


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_step_the_card_ticks_counts_in_the_objection_section(library, lang):
    report = play(library, CONTRACT, lang, ALL_STEPS[lang])
    ticked = report["objectives"]["external"]
    objection = report["objections"][0]
    assert ticked["respond"] and ticked["check"], ticked
    assert objection["steps"] == {"acknowledge": True, "clarify": True, "respond": True,
                                  "check": True}
    assert objection["handled"]
    assert report["sections"]["objections"] >= 90
    # a call that took every step lands where a trainer puts it (the dev call: 88)
    assert report["score"] >= 85


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_yes_but_pitch_does_not_handle_the_objection(library, lang):
    report = play(library, BROCHURE, lang, YES_BUT_PITCH[lang])
    objection = report["objections"][0]
    assert not objection["steps"]["acknowledge"]
    assert not objection["handled"]
    # an answer alone is a quarter of the steps and nothing for handling it
    assert report["sections"]["objections"] <= 20
    assert report["score"] < 50
