"""A proposal made in so many words ("We lease new label printers including maintenance",
"wij zouden de labelprinters vervangen"), whatever act the engine read it as, is not
answered with "propose a first solution"."""

from __future__ import annotations

import pytest

from bot.call_report import render_tip
from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState
from scoring.consistency import contradictions
from scoring.feedback import choose_tips, quote
from tests.engine_calls import compiled_library, turn_record
from tests.test_card_consistency import play_card

OPENING = {
    "en": ["Good morning Ms Bosman, I'm Tom from Printwise. Thanks for making time.",
           "I'd like to understand how printing works for you today and where it hurts, "
           "and then see if we can help. Does that work for you?",
           "How many printers do you run, and who maintains them?",
           "How often do they jam?",
           "What happens on the floor when a label printer jams during peak?"],
    "nl": ["Goedemorgen mevrouw Bosman, ik ben Tom van Printwise. Fijn dat u tijd maakt.",
           "Ik wil graag begrijpen hoe het printen nu bij u gaat en waar het knelt, en dan "
           "kijken of we kunnen helpen. Is dat goed?",
           "Hoeveel printers heeft u, en wie onderhoudt ze?",
           "Hoe vaak lopen ze vast?",
           "Wat gebeurt er op de vloer als een labelprinter vastloopt in de piek?"],
}
PROPOSAL = {
    # tied to what she told (the jams at peak)
    "en": "We lease new label printers with maintenance, so a jam at peak is fixed within "
          "four hours.",
    "nl": "Wij zouden de labelprinters vervangen en op afstand monitoren, zodat een storing "
          "in de piek binnen vier uur is verholpen.",
}
CLOSE = {"en": ["Who else is involved in a decision like this?", "Thanks, bye!"],
         "nl": ["Wie is er verder bij zo'n beslissing betrokken?", "Bedankt, doei!"]}


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()


ASKS_FOR_ONE = {"en": "Propose a first, careful solution", "nl": "Doe een eerste, voorzichtig"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_tied_proposal_in_words_is_not_asked_for(lang: str) -> None:
    cs, state, card, turns = play_card("spin-printing-urgency", lang,
                                       OPENING[lang] + [PROPOSAL[lang]] + CLOSE[lang])
    texts = [render_tip(lang, t) for t in card.tips]
    assert not any(ASKS_FOR_ONE[lang] in text for text in texts), texts
    assert not any(t.key in ("solution", "solution_tie") for t in card.tips)
    assert not contradictions(cs, state, card, turns)


@pytest.mark.parametrize("lang,offer", [
    ("en", "We could also give your staff a free coffee machine."),
    ("nl", "Wij kunnen jullie personeel ook een gratis koffieautomaat geven."),
])
def test_a_proposal_beside_her_problem_is_quoted_and_tied_not_asked_for(
        library: dict[str, CompiledScenario], lang: str, offer: str) -> None:
    cs = library["spin-printing-urgency"]
    need = next(iter(cs.needs))
    state = SessionState(scenario_id=cs.scenario.id, lang=lang, seed=0, needs_stated=[need])
    fact = next(f.id for f in cs.scenario.facts
                if not {"implication", "need_payoff"} & set(f.spin))
    turns = [turn_record(OPENING[lang][0], "greet_introduce"),
             turn_record(OPENING[lang][3], "fact_question", form="open", spin="problem",
                         facts=(fact,), buyer="Daily, at peak the trucks wait."),
             turn_record(offer, "other")]
    tips = choose_tips(cs, state, 40, turns)
    keys = [t.key for t in tips]
    assert "solution" not in keys, keys
    tie = next(t for t in tips if t.key == "solution_tie")
    assert tie.values["quote"] == quote(offer)
