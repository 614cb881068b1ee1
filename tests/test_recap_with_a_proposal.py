"""A recap followed by a proposal: the date is the learner's, not a misquote.

"You said you'd like a trial week first. Shall we do that in the first week of September?"
hands back his wish and then proposes a month. He never said September, and he need not
have: he does not answer "Not quite: September? I never said that", and the card takes
no points for a summary he had to correct. A recap that itself names a wrong month is
still corrected.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply, script_turns


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "You said you'd like a trial week first. Shall we do that in the first week of"
           " September?"),
    ("nl", "Je zei dat jullie een proefweek willen. Dat kan! Zullen we die in de eerste week"
           " van september doen?"),
])
def test_the_month_a_recap_goes_on_to_propose_is_no_misquote(library: Library, lang: str,
                                                              line: str) -> None:
    reply = last_reply(library, "closing-catering-followup", lang, [line])
    assert "eptember?" not in reply, reply
    assert "never said" not in reply and "niet gezegd" not in reply, reply


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "So if I understand you right, the canteen opens in October?"),
    ("nl", "Dus als ik het goed begrijp gaat de kantine in oktober open?"),
])
def test_a_recap_that_names_a_wrong_month_is_still_corrected(library: Library, lang: str,
                                                             line: str) -> None:
    reply = last_reply(library, "closing-catering-followup", lang, [line])
    assert "ctober?" in reply or "ktober?" in reply, reply


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "You said you'd like a trial week first. Shall we do that in the first week of"
           " September?"),
    ("nl", "Je zei dat jullie een proefweek willen. Dat kan! Zullen we die in de eerste week"
           " van september doen?"),
])
def test_a_recap_that_ends_in_a_proposal_is_the_proposal(library: Library, lang: str,
                                                         line: str) -> None:
    """He answers the trial week proposed, not only "yes, that's right" to the recap."""
    turn = script_turns(library, "closing-catering-followup", lang, [line])[-1]
    assert turn["act"] == "next_step_proposal", turn
    assert turn["buyer"] not in ("Yes, that's right.", "Ja, dat klopt."), turn
