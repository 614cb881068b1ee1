"""Tips and scores a demanding trainer would sign (round 23).

- An objection drill's first message that greets, thanks or gives him the floor ("Hi
  Gerrit, thanks for calling back. What did you think of it?", "sure, go ahead") is the
  courtesy any call opens with: no tip blames it for not handling an objection, and it
  costs nothing; chat or a laugh instead of his concern is still a false start.
- Asking for his view once he has told it ("What did you think of it?", "Vertelt u het
  maar") explores nothing behind his concern: the card does not tick "clarify" for it,
  and it says that step is still open.
- "O sorry, u heeft het natuurlijk druk", "I know you're busy": his busyness seen and
  said is understanding shown.

The lines vary scenario, wording and language, so a rule fitted to one sentence fails.
"""

from __future__ import annotations

import pytest

from bot.scenario.library import LoadResult as Library
from bot.scenario.library import load_library
from tests.engine_calls import script_report as report


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(())


def _tips(rep: dict) -> str:
    return "\n".join(rep["feedback"])


# -- 1. a greeting first is no false start ------------------------------------------------

@pytest.mark.parametrize(("scenario", "lang", "lines"), [
    ("drill-objection-brochure", "en",
     ["Good afternoon Mr De Wit, Sam Baker from PersoneelsPlein. Thanks for making time.",
      "I understand, a brochure you can read when it suits you. May I ask what you would "
      "look for in it?",
      "So you keep sick leave in three Excel lists now: with us every sick report and "
      "return-to-work step sits in one overview, so no more separate lists. Would that be "
      "more useful to you than a brochure?"]),
    ("drill-objection-contract-running", "nl",
     ["Goedemiddag mevrouw, ik ben Mark van Belzeker. Steekt u maar van wal.",
      "Dat begrijp ik helemaal, een lopend contract breek je niet zomaar. Wanneer loopt het "
      "af en wat is de opzegtermijn?",
      "Bij ons kunt u na het eerste jaar maandelijks opzeggen, dus u zit nooit meer jaren "
      "vast. Zou dat voor u een verschil maken?"]),
])
def test_a_greeting_before_the_steps_is_no_false_start(library: Library, scenario: str,
                                                        lang: str, lines: list[str]) -> None:
    rep = report(library, scenario, lang, lines)
    tips = _tips(rep)
    first = lines[0][:40]
    assert first not in tips, tips
    assert rep["score"] >= 85, rep["score"]


@pytest.mark.parametrize(("lang", "first"), [
    ("nl", "Haha, ik zie het! Al die paashazen, mooi hoor. Verkopen jullie ook paaseieren?"),
    ("en", "Haha, I can see that! All those Easter bunnies, lovely. Do you sell eggs too?"),
])
def test_chat_first_is_still_a_false_start(library: Library, lang: str, first: str) -> None:
    second = {"nl": "Dat begrijp ik, u heeft het druk. Op welke dagen komt u het meest "
                    "mensen tekort?",
              "en": "I understand, you're busy. Which days are you shortest of people?"}[lang]
    rep = report(library, "drill-objection-no-time", lang, [first, second])
    assert first[:40] in _tips(rep), _tips(rep)


# -- 2. his view asked for is no clarifying question --------------------------------------

@pytest.mark.parametrize(("lang", "view", "clarify"), [
    ("en", "Hi Gerrit, thanks for calling back. What did you think of it?",
     "Hi Gerrit, thanks for calling back. What are you comparing our price with?"),
    ("nl", "Goedemiddag meneer Hoekstra, fijn dat u terugbelt. Wat vond u ervan?",
     "Goedemiddag meneer Hoekstra, fijn dat u terugbelt. Waarmee vergelijkt u onze prijs?"),
])
def test_asking_his_view_is_no_clarifying_step(library: Library, lang: str, view: str,
                                               clarify: str) -> None:
    answer = {"en": ["I understand, nobody likes paying more. Our film tears a lot less, so "
                     "your packing line stops less often.", "Does that take your concern away?"],
              "nl": ["Ik begrijp het, niemand betaalt graag meer. Onze folie scheurt veel "
                     "minder, dus uw inpaklijn staat minder vaak stil.",
                     "Neemt dat uw bezwaar weg?"]}[lang]
    asked_view = report(library, "drill-objection-price", lang, [view, *answer])
    asked_behind = report(library, "drill-objection-price", lang, [clarify, *answer])
    assert not asked_view["objectives"]["external"]["clarify"], asked_view["turns"][0]
    assert asked_behind["objectives"]["external"]["clarify"], asked_behind["turns"][0]
    assert asked_view["score"] < asked_behind["score"]
    # the card says which step is still open, and does not call the greeting a miss
    tips = _tips(asked_view)
    assert ("Clarify" in tips or "Doorvragen" in tips), tips
    assert view[:40] not in tips, tips


# -- 3. his busyness seen is understanding ------------------------------------------------

@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "O sorry, u heeft het natuurlijk druk. Ik ben Joris van FlexWerk."),
    ("en", "Oh sorry, you are obviously busy. I'm Joris from FlexWerk."),
])
def test_his_busyness_said_is_understanding(library: Library, lang: str, line: str) -> None:
    rep = report(library, "drill-objection-no-time", lang, [line])
    assert rep["objectives"]["external"]["acknowledge"], rep["turns"][0]


def test_keeping_it_short_before_a_pitch_is_no_understanding(library: Library) -> None:
    rep = report(library, "drill-objection-no-time", "en",
                 ["I'll be quick! FlexWerk is one of the biggest staffing agencies in the "
                  "region, with over 2,000 flex workers."])
    assert "acknowledge" not in rep["turns"][0]["objectives"], rep["turns"][0]
