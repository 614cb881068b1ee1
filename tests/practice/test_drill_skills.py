"""Which skills a drill trains, and which one its daily prompt names: practice rules that
used to live in the Telegram handler, checked here without a bot."""

from __future__ import annotations

import datetime as dt

from bot.catalog import Catalog
from bot.practice.choice import Attempt, DrillInfo, drill_infos, prompt_skill

NOW = dt.datetime(2024, 6, 10, 9, tzinfo=dt.UTC)


def test_a_drill_trains_its_specific_skill_not_the_framing_one() -> None:
    infos = {d.id: d for d in drill_infos(Catalog.load().of_kind("drill"))}
    # scored on external (60) and objections (40): it is an objection drill
    assert infos["drill-objection-price"].skills == {"objections"}
    # scored on external only: that is what it trains
    assert infos["drill-external-objective"].skills == {"external"}
    assert all(d.skills for d in infos.values())


def test_the_prompt_names_the_skill_the_learner_is_weakest_at() -> None:
    drills = [DrillInfo("mixed", frozenset({"questions", "closing"})),
              DrillInfo("q", frozenset({"questions"})), DrillInfo("c", frozenset({"closing"}))]
    strong_questions = [Attempt("q", NOW - dt.timedelta(days=1), 90, True),
                        Attempt("c", NOW - dt.timedelta(days=1), 20, False)]
    assert prompt_skill("mixed", drills, strong_questions, NOW) == "closing"
    strong_closing = [Attempt("q", NOW - dt.timedelta(days=1), 20, False),
                      Attempt("c", NOW - dt.timedelta(days=1), 90, True)]
    assert prompt_skill("mixed", drills, strong_closing, NOW) == "questions"
    # a skill never practised comes before any practised one, even a weak one
    assert prompt_skill("mixed", drills, strong_questions[1:], NOW) == "questions"
    assert prompt_skill("gone", drills, strong_questions, NOW) is None
