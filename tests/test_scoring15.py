"""Round 15: the card credits what the method asks and keeps its slots for the method.

From the lead's fresh calls: a short question about the problem he just named, asked
with leave ("Mag ik u één vraag stellen: ...?"), was read as a next step and called a
message that "did nothing for the drill".
"""

from __future__ import annotations

import pytest

from bot.engine.compiled import CompiledScenario
from tests.engine_calls import compiled_library, play


@pytest.fixture(scope="module")
def library() -> dict[str, CompiledScenario]:
    return compiled_library()


@pytest.mark.parametrize(("lang", "question"), [
    ("nl", "Mag ik u één vraag stellen: hoeveel tijd kost het u nu om de planning rond "
           "te krijgen?"),
    ("nl", "Mag ik één ding vragen: waar loopt het nu vast?"),
    ("en", "Can I ask you one thing: where does the scheduling get stuck right now?"),
])
def test_a_question_asked_with_leave_clarifies_his_concern(library, lang, question):
    report = play(library, "drill-objection-no-time", lang,
                  ["Ik zie dat u het druk heeft, ik houd het kort." if lang == "nl"
                   else "I can see you're busy, I'll keep it short.", question])
    asked = report["turns"][1]
    assert asked["form"] == "open"
    assert asked["act"] == "objection_response", asked
    assert report["objectives"]["external"]["clarify"] is True
    assert not any("deed niets voor de oefening" in t or "did nothing for the drill" in t
                   for t in report["feedback"])
