"""A yes/no question that names her concern in her own words ("would that kind of freedom
after March appeal to you?") handles her objection; she answers it instead of "I couldn't
tell you much about that"."""

from __future__ import annotations

import pytest

from bot.scenario.library import load_library
from tests.engine_calls import script_turns

NOT_KNOWN = ("couldn't tell you much", "weinig over zeggen", "niet veel over te zeggen")


@pytest.fixture(scope="module")
def library():
    return load_library([])


def test_a_yes_no_question_in_her_words_about_her_concern(library):
    turn = script_turns(library, "drill-objection-contract-running", "en", [
        "I understand, you don't want to be stuck again.",
        "Would that kind of freedom after March appeal to you?"])[-1]
    assert turn["act"] == "objection_response"
    assert not any(p in turn["buyer"] for p in NOT_KNOWN)
