"""Praise for a summary quotes a line that sums up: one fact echoed back ("And the
timesheets are still on paper you said?") is no summary, whatever act it was read as."""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from bot.engine.state import SessionState
from scoring.feedback import choose_tips
from tests.engine_calls import compiled_library, turn_record


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()


@pytest.mark.parametrize(("lang", "said", "praised"), [
    ("en", "And the timesheets are still on paper you said? That must be a pain.", False),
    ("nl", "En de urenbriefjes zijn nog op papier zei je? Dat is vast lastig.", False),
    ("en", "So the timesheets are still on paper and the payslips are often wrong. "
           "Correct?", True),
    ("nl", "Dus de urenbriefjes zijn nog op papier en de loonstroken kloppen vaak niet. "
           "Klopt dat?", True),
])
def test_only_a_line_that_sums_up_is_praised_as_a_summary(
        library: dict[str, CompiledScenario], lang: str, said: str, praised: bool) -> None:
    cs = library["objection-software-renewal"]
    state = SessionState(scenario_id=cs.scenario.id, lang=lang, seed=0)
    asked = turn_record("How do the timesheets work now?", "fact_question", form="open",
                        spin="situation", facts=(next(iter(cs.facts)),),
                        buyer="On paper, and the payslips are often wrong.")
    summary = turn_record(said, "summary", form="closed", buyer="Yes.")
    keys = [t.key for t in choose_tips(cs, state, 60, [asked, summary])]
    assert ("good_summary" in keys) is praised, keys
