"""A drill buyer who just asked for the point in one sentence does not also run out of time.

"Echt, geen tijd. Zeg in één zin waar het over gaat, dan hoor ik wel of het de moeite is.
Ik moet nu echt afronden, mijn tijd is om." asks the learner to go on and ends the talk in
one breath; the drill's end shows on screen, her invitation is her last word.
"""

from __future__ import annotations

from tests.engine_calls import compiled_library, play

LINES = [
    "Ik zie dat u het druk heeft, ik houd het kort.",
    "Mag ik u één vraag stellen: hoeveel tijd kost het u nu om de planning rond te krijgen?",
    "Zullen we volgende week dinsdag om 9 uur een kwartiertje bellen?",
]


def test_her_invitation_to_say_it_in_one_sentence_is_her_last_word() -> None:
    report = play(compiled_library(), "drill-objection-no-time", "nl", LINES)
    last = report["turns"][-1]["buyer"]
    assert report["end_reason"] == "max_turns"
    assert "één zin" in last and "tijd is om" not in last, last
