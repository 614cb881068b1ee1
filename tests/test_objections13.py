"""Round 14, objections: how the buyer reacts while an objection is open, and what her
explanation of it tells the learner."""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.engine import Engine
from bot.scenario.library import LoadResult, load_library
from bot.scenario.loader import BUILTIN_DIR, load_text
from scoring.card import visit_report

CATERING = (BUILTIN_DIR / "closing-catering-followup.yaml").read_text(encoding="utf-8")

# Marco's follow-up up to his "Vers & Co is fifty cents below you", and the question
# that gets his explanation (Vers & Co, the fifty cents, the fixed 140 lunches)
CATERING_COMPARE = {
    "en": ["Hi Marco, good to be back.",
           "Today: your feedback on the proposal, any changes, and agree the next step. OK?",
           "What did you think of the price?",
           "I understand. Can you tell me a bit more about that?"],
    "nl": ["Hoi Marco, fijn om terug te zijn.",
           "Vandaag: je feedback op het voorstel, wat er anders moet, en de volgende stap. Oké?",
           "Wat vond je van de prijs?",
           "Wat bedoel je precies?"],
}


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load_library(())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_objective_told_in_her_explanation_is_met_and_not_still_unknown(
        library: LoadResult, lang: str) -> None:
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start(lang, seed=0)
    results = [engine.turn(state, line) for line in CATERING_COMPARE[lang]]
    assert "Vers & Co" in results[-1].reply and "140" in results[-1].reply, results[-1].reply
    assert "competitor" in state.objectives
    report = visit_report(engine.cs, state, [r.record for r in results])
    assert "competitor" not in report.missed
    learned = dict(report.learned)
    assert "Vers & Co" in learned["competitor"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_agenda_that_asks_for_feedback_names_no_price(library: LoadResult, lang: str) -> None:
    """"your feedback on the proposal" is no word about money ("fee*" read "feedback" as
    a fee): his fifty-cents concern waits until the price comes up."""
    engine = Engine(CompiledScenario(library.scenarios["closing-catering-followup"]))
    state = engine.start(lang, seed=0)
    replies = [engine.turn(state, line).reply for line in CATERING_COMPARE[lang][:2]]
    assert "Vers & Co" not in replies[1], replies
    assert state.objections["cheaper_competitor"].raised_turn is None


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_explain_tells_names_an_unknown_objective_with_its_line() -> None:
    text = CATERING.replace("explain_tells: [competitor]", "explain_tells: [competitr]")
    _, problems = load_text(text, "c.yaml")
    bad = [p for p in problems if "competitr" in str(p)]
    assert bad and bad[0].line == _line_of(text, "explain_tells: [competitr]"), problems
    assert str(bad[0]).startswith(f"c.yaml:{bad[0].line}:")
    assert "no objective has the id 'competitr'" in str(bad[0])


def test_explain_tells_without_an_explanation_is_refused() -> None:
    start = CATERING.index("  - id: cheaper_competitor")
    end = CATERING.index("    good_handling:", start)
    block = CATERING[start:end]
    explain = block[block.index("    explain:\n"):]
    text = CATERING[:start] + block.replace(explain, "") + CATERING[end:]
    _, problems = load_text(text, "c.yaml")
    assert any("explain_tells needs 'explain'" in str(p) for p in problems), problems


def test_the_builtin_scenarios_compile_with_explain_tells(library: LoadResult) -> None:
    cs = CompiledScenario(library.scenarios["objection-software-renewal"])
    tells = {o.id: o.explain_tells for o in cs.scenario.objections}
    assert tells["price"] == ["competitor_price"] and tells["dmu_consult"] == ["dmu"]
