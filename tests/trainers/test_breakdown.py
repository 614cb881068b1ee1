"""The attempt view's "why": asked and learned per objective, parts, tips and hints, read
from the stored report (keys as contract.md fixes them) and the scenario's labels."""

from __future__ import annotations

from bot.storage.models import CallSession
from bot.trainers import views
from bot.trainers.breakdown import breakdown
from tests.telegram.conftest import catalog

# What the first-visit scenario stores after a call in which the learner asked who
# decides (told), what they pay now and when the contract ends (both refused: no trust yet).
REPORT = {
    "language": "nl", "score": 23,
    "objectives": {
        "internal": {"naw": False, "dmu": True, "competitor_price": True, "contract_end": True},
        "external": {"introduce": False, "needs": True},
    },
    "sections": {"preparation": None, "internal": 35.4, "external": 0, "questions": 60},
    "visit_report": {"learned": {"dmu": "De partners beslissen."}, "missed": ["naw"]},
    "feedback": ["Stel jezelf eerst voor."],
}


def test_asked_but_not_told_is_told_apart_from_not_asked() -> None:
    why = breakdown(REPORT, catalog().scenarios["first-visit-cleaning"], "en", hints=2)
    marks = {i.id: (i.asked, i.learned) for i in why.internal}
    assert marks == {"naw": (False, False), "dmu": (True, True),
                     "competitor_price": (True, False), "contract_end": (True, False)}
    assert [i.learned for i in why.external] == [None, None]  # nothing to learn there
    assert why.sections == [("internal", 35), ("external", 0), ("questions", 60)]
    text = views.transcript("en", CallSession(id=5, user_id=1, scenario_id="x", language="nl",
                                              score=23), [], "Lotte", "First visit", "Marieke",
                            [], "Europe/Amsterdam", 1, why)
    assert "✓✗ What they pay now" in text and "✓✓ Who decides" in text
    assert "✗✗ Contact details of the DMU" in text and "✓ State the purpose" in text
    assert "Internal objectives: <b>35</b>" in text and "Hints used: 2" in text
    assert "• Stel jezelf eerst voor." in text


def test_an_attempt_without_a_stored_report_says_so() -> None:
    why = breakdown(None, None, "nl")
    text = views.transcript("nl", CallSession(id=5, user_id=1, scenario_id="x", language="nl",
                                              score=50), [], "Lotte", "X", "Y", [],
                            "Europe/Amsterdam", 1, why)
    assert "geen scorekaart bewaard" in text
