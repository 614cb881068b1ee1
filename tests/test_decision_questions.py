"""Questions about the decision, each answered with what it asks.

"Who else is involved in the decision? And when do you want it decided?" asks who and
when: Marco names the people and the moment, not what decides for him ("decision" shares
its stem with "decisive", a cue of his criteria). "What is decisive for you?" still asks
his criteria.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import last_reply


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


def test_who_and_when_get_the_people_and_the_moment(library: Library) -> None:
    reply = last_reply(library, "closing-catering-followup", "en",
                       ["who else is involved in the decision? and when do you want it decided"])
    assert "Annelies Kooij" in reply and "summer holiday" in reply, reply
    assert "taste" not in reply, reply


@pytest.mark.parametrize("line", ["What is decisive for you?", "What will be the deciding factor?"])
def test_what_decides_gets_his_criteria(library: Library, line: str) -> None:
    reply = last_reply(library, "closing-catering-followup", "en", [line])
    assert "taste" in reply, reply
