"""A fact the buyer answers to a question counts for its objective.

"How much cheaper are they?" got Vers & Co's offer, found through what Marco had just
said rather than through the question's own words, and the card still marked "which
competitor he compares with" ❌ and told the learner to go and find it out.
"""

from __future__ import annotations

from tests.engine_calls import compiled_library, play

LINES = [
    "Hi Marco, good to see you again. How are things with the new canteen?",
    "Today I'd like to hear your thoughts on the proposal and agree the next step, OK?",
    "What did you think of it?",
    "What do you mean by expensive exactly?",
    "How much cheaper are they?",
]


def test_the_competitor_told_in_answer_to_a_question_is_ticked() -> None:
    report = play(compiled_library(), "closing-catering-followup", "en", LINES)
    told = " ".join(t["buyer"] for t in report["turns"])
    assert "Vers & Co" in told and "140" in told, told
    assert report["objectives"]["internal"]["competitor"] is True
