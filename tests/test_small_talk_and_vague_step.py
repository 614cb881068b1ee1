"""A trainer docks small talk past the opening of a full call (small talk in the opening
is part of the method), and a next step without a day and a time in the drill about the
buying signal, even when a question for the order after it closed the drill. Both say so
on the card, in nl and en, through the real path (``play --script --json``)."""

from __future__ import annotations

import pytest

from bot.engine.engine import Engine
from scoring.sections import vague_steps
from tests.engine_calls import compiled_library, play, turn_record

CHAT = {
    "en": ["By the way, did you see the match last night? Crazy ending, haha.",
           "Haha, my brother-in-law is a notary too, he never stops working."],
    "nl": ["Zag je trouwens de wedstrijd gisteren? Wat een slot, haha.",
           "Haha, mijn zwager is ook notaris, die werkt ook altijd door."],
}
CALL = {
    "en": ["Good morning Marieke, nice office! Did you find a parking spot easily this morning?",
           "I'm Sam from SchoonWerk, we clean offices in the region. Today I'd like to get to "
           "know each other, hear what matters to you in cleaning and see whether a next step "
           "makes sense. Does that work for you?",
           "Could you tell me a bit about your firm and the offices?",
           "Who cleans the offices now, and how happy are you with them?",
           "What happens when the cleaning is not done properly?",
           "Who else is involved in choosing a cleaning company?",
           "So if I understand you correctly, you want a fixed, screened team. Shall I come "
           "back on Tuesday the 14th at 10am with a proposal for you and your partner?"],
    "nl": ["Goedemorgen Marieke, mooi kantoor! Kon u vanochtend makkelijk parkeren?",
           "Ik ben Sam van SchoonWerk, wij maken kantoren schoon in de regio. Vandaag wil ik "
           "graag kennismaken, horen wat voor u belangrijk is bij schoonmaak en kijken of een "
           "vervolgstap zinvol is. Is dat goed?",
           "Kunt u iets vertellen over uw kantoor en de vestigingen?",
           "Wie maakt er nu schoon, en hoe tevreden bent u daarover?",
           "Wat gebeurt er als de schoonmaak niet goed gedaan wordt?",
           "Wie is er verder betrokken bij de keuze voor een schoonmaakbedrijf?",
           "Dus als ik u goed begrijp wilt u een vast, gescreend team. Zal ik dinsdag de 14e "
           "om 10 uur terugkomen met een voorstel voor u en de partners?"],
}
REASON = {"en": "small talk past the opening", "nl": "smalltalk na de opening"}


@pytest.fixture(scope="module")
def library():
    return compiled_library()


def _chatty(lang: str) -> list[str]:
    lines = list(CALL[lang])
    return [*lines[:4], CHAT[lang][0], lines[4], CHAT[lang][1], *lines[5:]]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_small_talk_past_the_opening_costs_points_and_says_so(library, lang):
    plain = play(library, "first-visit-cleaning", lang, CALL[lang])
    chatty = play(library, "first-visit-cleaning", lang, _chatty(lang))
    assert "small_talk" not in plain["deduction_reasons"]
    assert "small_talk" in chatty["deduction_reasons"]
    # the rest of the call earns the same: the chat is what costs
    assert plain["score"] - chatty["score"] >= 8
    tip = next(t for t in chatty["feedback"] if REASON[lang] in t)
    # it quotes one of the chat lines as typed
    assert any(f"“{line}”" in tip for line in CHAT[lang])


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_one_friendly_aside_past_the_opening_costs_nothing(library, lang):
    """"Nice building, by the way!" once is how people talk; the chat that keeps coming
    back is what a trainer docks."""
    lines = list(CALL[lang])
    one = play(library, "first-visit-cleaning", lang, [*lines[:4], CHAT[lang][0], *lines[4:]])
    assert "small_talk" not in one["deduction_reasons"]
    assert not any(REASON[lang] in t for t in one["feedback"])


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_small_talk_in_the_opening_costs_nothing(library, lang):
    # the first line chats about parking: the opening, as the method has it
    report = play(library, "first-visit-cleaning", lang, CALL[lang])
    assert report["turns"][0]["act"] == "small_talk"
    assert "small_talk" not in report["deduction_reasons"]
    assert not any(REASON[lang] in t for t in report["feedback"])


def test_small_talk_costs_nothing_in_a_drill(library):
    lines = ["Haha, busy morning here! By the way, did you see the match?",
             "Shall we say Tuesday at 7:00, when the early shift starts? Our fitter and I "
             "will come and measure everyone."]
    report = play(library, "drill-closing-next-step", "en", lines)
    assert "small_talk" not in report["deduction_reasons"]


VAGUE = {"en": ("We can come by sometime next week.", "Shall I go ahead and arrange it?"),
         "nl": ("Mooi! Zullen we binnenkort eens een afspraak maken?",
                "Zal ik het gaan regelen?")}
CONCRETE = {"en": "Great! Shall we say Tuesday at 7:00, when the early shift starts? Our fitter "
                  "and I will come and measure everyone.",
            "nl": "Mooi! Zal ik dinsdag om 7 uur komen, bij het begin van de ochtendploeg? Dan "
                  "nemen onze passer en ik bij iedereen de maten op."}
MISSING = {"en": ("a day", "a time", "who attends"), "nl": ("een dag", "een tijd", "wie erbij is")}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_vague_next_step_costs_and_says_what_it_lacked(library, lang):
    vague, ask = VAGUE[lang]
    report = play(library, "drill-closing-next-step", lang, [vague, ask])
    concrete = play(library, "drill-closing-next-step", lang, [CONCRETE[lang], ask])
    assert "vague_step" in report["deduction_reasons"]
    assert report["score"] <= concrete["score"] - 10
    tip = next(t for t in report["feedback"] if f"“{vague}”" in t)
    # it names what was missing: a time at least, and who attends
    assert MISSING[lang][1] in tip and MISSING[lang][2] in tip
    # and no praise calls it a concrete next step
    praise = ("concrete next step" if lang == "en" else "concrete vervolgstap")
    assert not any(f"“{vague}”" in t and praise in t and ("Good" in t or "Goed" in t)
                   for t in report["feedback"])


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_next_step_with_day_time_who_and_what_costs_nothing(library, lang):
    report = play(library, "drill-closing-next-step", lang, [CONCRETE[lang], VAGUE[lang][1]])
    assert "vague_step" not in report["deduction_reasons"]
    assert not any(f"“{CONCRETE[lang][:40]}" in t and MISSING[lang][1] in t
                   for t in report["feedback"])


def test_a_time_named_in_the_question_for_the_order_makes_the_step_concrete(library):
    # "we can come next week", then "shall I book you in for Tuesday at 7?" read as asking
    # for the order: the step has its day and time, the vague start costs as a false start
    cs = library["drill-closing-next-step"]
    state = Engine(cs).start("en", seed=0)
    vague = turn_record("We can come by next week.", "next_step_proposal",
                        objectives=("next_step",))
    booked = turn_record("Shall I book you in for Tuesday at 7:00 with our fitter?",
                         "ask_order", objectives=("next_step",))
    assert vague_steps(cs, state, [vague]) == [vague]
    assert vague_steps(cs, state, [vague, booked]) == []
