"""Two questions from the newcomer's first call that the card read wrongly.

"Vindt u het goed als we u onze nieuwsbrief sturen?" asks her permission; its "als we"
made it a need-payoff question, so the newsletter objective stayed ❌ and the card told
the learner to go and ask it. "Een vast team na sluitingstijd …, zou dat passen bij wat u
zoekt?" offers what she asked for and checks it: a first solution, even without "we can".
"""

from __future__ import annotations

import pytest

from tests.engine_calls import compiled_library, play

OPENING = [
    "Goedemorgen mevrouw De Groot, ik ben Sanne van SchoonWerk.",
    "Hoe is de schoonmaak nu geregeld?",
    "Hoe tevreden bent u daarover?",
]


@pytest.fixture(scope="module")
def library():
    return compiled_library()


@pytest.mark.parametrize("lang,question", [
    ("nl", "Vindt u het goed als we u onze nieuwsbrief sturen?"),
    ("nl", "Is het goed als we u de nieuwsbrief mailen?"),
    ("en", "Would it be OK if we sent you our newsletter?"),
])
def test_asking_leave_to_send_the_newsletter_ticks_it(library, lang, question) -> None:
    report = play(library, "first-visit-cleaning", lang, [OPENING[0], question])
    turn = report["turns"][-1]
    assert "newsletter" in turn["objectives"], turn
    assert turn["spin"] is None and "propose_solution" not in turn["details"]["moves"]
    assert report["objectives"]["internal"]["newsletter"] is True


@pytest.mark.parametrize("lang,offer", [
    ("nl", "Een vast team dat na sluitingstijd komt en één aanspreekpunt voor beide "
           "vestigingen, zou dat passen bij wat u zoekt?"),
    ("en", "A fixed team that comes after closing time and one contact for both branches, "
           "would that fit what you are looking for?"),
])
def test_her_wishes_offered_with_a_check_are_a_first_solution(library, lang, offer) -> None:
    opening = OPENING if lang == "nl" else [
        "Good morning Mrs De Groot, I'm Sanne from SchoonWerk.",
        "How is the cleaning arranged now?",
        "How happy are you with that?",
    ]
    report = play(library, "first-visit-cleaning", lang, [*opening, offer])
    turn = report["turns"][-1]
    assert turn["act"] == "solution", turn
    assert report["objectives"]["external"]["solution"] is True
