"""How the buyer says again what she told: one rule for every "as I said".

- "like I just said" only about her last reply; further back it is "as I said";
- asked about one part of what she just said ("since when?"), she gives that part, no lead;
- asked the same again right after a recap, she neither replays it nor uses the same lead;
- a refusal of another matter claims no "as I said";
- a summary word she said inside a compound of hers ("salade" in "saladebar") is hers.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from bot.engine.lexicon import load_lexicon
from tests.engine_calls import compiled_library, play


def _leads(lang: str, *keys: str) -> tuple[str, ...]:
    return tuple(lead.strip().rstrip(":") for key in keys
                 for lead in load_lexicon(lang).line(key))


@pytest.fixture(scope="module")
def library():
    return compiled_library()


@pytest.mark.parametrize("lang,lines,told", [
    ("en", ["Hi Ingrid, thanks for making time. I'm Ruben de Vries from Printwise; we lease and "
            "maintain label and office printers for warehouses, and we monitor them remotely so "
            "we usually spot a problem before you do. Before I go on: what does your role cover "
            "here, and which printers do you run?",
            "Sound OK if we look at where printing gets stuck?",
            "So you print all the shipping labels yourselves.",
            "What kind of printers are they again?"],
     "sixteen"),
])
def test_just_said_is_only_for_her_last_reply(library, lang, lines, told) -> None:
    turns = play(library, "spin-printing-urgency", lang, lines)["turns"]
    assert told in turns[0]["buyer"].lower() and told not in turns[2]["buyer"].lower()
    reply = turns[-1]["buyer"]
    assert told in reply.lower()
    assert not any(lead in reply for lead in _leads(lang, "repeat_just")), reply


@pytest.mark.parametrize("lang,question,figure", [
    ("en", "Since when?", "five years"),
    ("nl", "Sinds wanneer?", "vijf"),
])
def test_a_part_asked_right_after_is_that_part_without_a_lead(
        library, lang, question, figure) -> None:
    first = {"en": ["Good morning, I'm Sanne from SchoonWerk.",
                    "And the cleaning, who does that for you at the moment?"],
             "nl": ["Goedemorgen, ik ben Sanne van SchoonWerk.",
                    "En de schoonmaak, wie doet die nu voor u?"]}[lang]
    turns = play(library, "first-visit-cleaning", lang, [*first, question])["turns"]
    told, reply = turns[1]["buyer"], turns[2]["buyer"]
    assert figure in told and figure in reply
    assert len(reply.split()) < len(told.split()) // 2, reply
    assert not reply.startswith(_leads(lang, "repeat", "repeat_just", "repeat_again")), reply


@pytest.mark.parametrize("lang,lines", [
    ("en", ["Morning Gerard, good to see you again.",
            "Roughly how many timesheets come in each week?",
            "How many days does the retyping take?",
            "How much time does the retyping take each month?",
            "So how long does the retyping take, all in all?"]),
    ("nl", ["Goedemorgen Gerard, fijn u weer te zien.",
            "Hoeveel urenbriefjes komen er ongeveer per week binnen?",
            "Hoeveel dagen kost het overtypen?",
            "Hoeveel tijd kost het overtypen per maand?",
            "Hoe lang kost het overtypen dan in totaal?"]),
])
def test_asked_again_and_again_she_never_says_it_the_same_way_twice(library, lang, lines) -> None:
    replies = [t["buyer"] for t in play(library, "objection-software-renewal", lang,
                                        lines)["turns"]][2:]
    leads = _leads(lang, "repeat", "repeat_just", "repeat_again")
    for before, after in pairwise(replies):
        assert before != after, replies
        lead_before = next((x for x in leads if before.startswith(x)), None)
        assert lead_before is None or not after.startswith(lead_before), replies


def test_a_refusal_of_another_matter_claims_no_as_i_said(library) -> None:
    lines = ["Goedemorgen Gerard, fijn u weer te zien.",
             "Zijn jullie eigenlijk tevreden over jullie huidige leverancier?",
             "Ok, maar tevreden is ook niet alles toch? Er kan altijd iets beter.",
             "Wie beslist er bij jullie over zo'n pakket?"]
    turns = play(library, "objection-software-renewal", "nl", lines)["turns"]
    leads = _leads("nl", "repeat", "repeat_just", "repeat_again")
    for turn in turns[1:]:
        assert not turn["buyer"].startswith(leads), turn["buyer"]


def test_a_summary_word_inside_her_compound_is_no_need_she_never_voiced(library) -> None:
    lines = ["Goedemiddag Marco, fijn dat ik weer langs mag komen.",
             "Wat vond u van het voorstel?",
             "Even op een rij: u vond de salade goed en het moet binnen het budget blijven. "
             "Klopt dat?"]
    turns = play(library, "closing-catering-followup", "nl", lines)["turns"]
    assert "saladebar" in turns[1]["buyer"].lower(), turns[1]["buyer"]
    assert "salade?" not in turns[-1]["buyer"].lower(), turns[-1]["buyer"]
