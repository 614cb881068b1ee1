"""Trainer texts agree with their numbers in both languages: "1 learner", "2 learners",
never "1 learners" or "1 rows"."""

from __future__ import annotations

import pytest

from bot.i18n import t

VALUES = {"id": 3, "name": "Sales A", "state": "open", "language": "nl", "ends": "–",
          "n": 1, "title": "Drill", "due": "30-06-2026 23:59", "pass_mark": 60,
          "scenario": "drill-x", "told": 1, "sep": ";", "status": "passed", "best": 80,
          "cohort": "Sales A", "turn": 9, "when": "30-06-2026 17:00"}
# key, the number that agrees, its words for one and for more, per language
CASES = [
    ("cohort.line", "members", {"en": ("learner", "learners"), "nl": ("deelnemer", "deelnemers")}),
    ("cohort.meta", "members", {"en": ("learner", "learners"), "nl": ("deelnemer", "deelnemers")}),
    ("assignment.line", "attempts", {"en": ("attempt", "attempts"), "nl": ("poging", "pogingen")}),
    ("assign.when", "attempts", {"en": ("attempt.", "attempts."), "nl": ("poging.", "pogingen.")}),
    ("assign.done", "members", {"en": ("learner was told", "learners were told"),
                                "nl": ("deelnemer kreeg", "deelnemers kregen")}),
    ("export.caption", "rows", {"en": ("row", "rows"), "nl": ("rij", "rijen")}),
    ("learner.assignment", "max", {"en": ("attempt", "attempts"), "nl": ("poging", "pogingen")}),
    ("mine.line", "max", {"en": ("attempt", "attempts"), "nl": ("poging", "pogingen")}),
    ("mine.new", "attempts", {"en": ("attempt", "attempts"), "nl": ("poging", "pogingen")}),
    ("review.pick_turn", "count", {"en": ("turn", "turns"), "nl": ("beurt", "beurten")}),
    ("review.no_turn", "count", {"en": ("turn.", "turns."), "nl": ("beurt.", "beurten.")}),
    ("review.title_done", "count", {"en": ("attempt waits", "attempts wait"),
                                    "nl": ("poging wacht", "pogingen wachten")}),
    ("review.title_other", "count", {"en": ("attempt waits", "attempts wait"),
                                     "nl": ("poging wacht", "pogingen wachten")}),
]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("key", "number", "words"), CASES, ids=[c[0] for c in CASES])
def test_trainer_texts_use_the_singular_for_one_and_the_plural_for_two(
        lang: str, key: str, number: str, words: dict[str, tuple[str, str]]) -> None:
    one, more = words[lang]
    for count, word, wrong in ((1, one, more), (2, more, None)):
        values = {**VALUES, "members": 5, "attempts": 5, "max": 5, "rows": 5, number: count}
        if key in ("learner.assignment", "mine.line"):
            values["attempts"] = 0
        text = t(lang, f"trainer.{key}", **values)
        shown = f"/{count}" if number == "max" else f"{count}"  # "0/1 attempt"
        assert f"{shown} {word}" in text, text
        if wrong is not None:
            assert f"{shown} {wrong}" not in text, text
