from __future__ import annotations

import datetime as dt
import random

import pytest

from bot.practice.choice import (
    Attempt,
    Choice,
    DrillInfo,
    OpenAssignment,
    choose_drill,
    review_due,
    skill_levels,
)

NOW = dt.datetime(2024, 6, 10, 9, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)
SKILLS = ("preparation", "internal", "external", "questions", "objections", "closing")


def ago(days: float = 0, **kw: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days, **kw)


def fail(drill: str, at: dt.datetime, score: int = 30) -> Attempt:
    return Attempt(drill, at, score, passed=False)


def ok(drill: str, at: dt.datetime, score: int = 80) -> Attempt:
    return Attempt(drill, at, score, passed=True)


def drill(id_: str, *skills: str, level: int = 1) -> DrillInfo:
    return DrillInfo(id_, frozenset(skills), level)


CATALOGUE = [drill(f"{s}-1", s) for s in SKILLS]


# --- spaced repetition ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failures", "interval_days"), [(1, 1), (2, 3), (3, 7), (4, 14), (5, 14), (9, 14)]
)
def test_review_interval_boundaries(failures: int, interval_days: int) -> None:
    last = ago(30)
    history = [fail("a", last - i * DAY) for i in range(failures)]
    due_at = last + interval_days * DAY
    assert review_due(history, due_at - dt.timedelta(seconds=1)) == []
    assert review_due(history, due_at) == ["a"]
    assert review_due(history, due_at + 100 * DAY) == ["a"]  # never drops out until passed


def test_pass_takes_drill_out_of_review() -> None:
    history = [fail("a", ago(10)), fail("a", ago(9)), ok("a", ago(8))]
    assert review_due(history, NOW) == []


def test_fail_after_pass_restarts_the_count() -> None:
    # fail, fail, pass, fail: one failure in a row -> due 1 day after the last one.
    history = [fail("a", ago(10)), fail("a", ago(9)), ok("a", ago(8)), fail("a", ago(2))]
    assert review_due(history, ago(1, seconds=1)) == []
    assert review_due(history, ago(1)) == ["a"]


def test_fail_pass_fail_fail_counts_two() -> None:
    history = [fail("a", ago(20)), ok("a", ago(19)), fail("a", ago(5)), fail("a", ago(3))]
    assert review_due(history, ago(0, seconds=1)) == []  # 3 days after ago(3) is NOW
    assert review_due(history, NOW) == ["a"]


def test_history_order_does_not_matter() -> None:
    history = [ok("a", ago(8)), fail("a", ago(2)), fail("a", ago(10))]
    assert review_due(list(reversed(history)), NOW) == review_due(history, NOW) == ["a"]


def test_review_most_overdue_first() -> None:
    history = [
        fail("recent", ago(1)),  # due now
        fail("old", ago(5)),  # due 4 days ago
        fail("twice", ago(8)),
        fail("twice", ago(6)),  # due 3 days ago
        fail("later", ago(1)),
        fail("later", ago(0.5)),  # due in 2.5 days
        ok("passed", ago(3)),
    ]
    assert review_due(history, NOW) == ["old", "twice", "recent"]


# --- skill levels ---------------------------------------------------------------------------


def test_skill_levels_recency_weighted() -> None:
    skills = {"a": frozenset({"questions"}), "b": frozenset({"questions", "closing"})}
    attempts = [Attempt("a", NOW, 100, True), Attempt("b", ago(14), 0, False)]
    levels = skill_levels(attempts, skills, NOW)
    assert levels["questions"] == pytest.approx(100 / 1.5)  # weights 1 and 1/2
    assert levels["closing"] == pytest.approx(0)
    assert set(levels) == {"questions", "closing"}  # unpractised skills are absent


def test_skill_levels_half_life_and_extra() -> None:
    skills = {"a": frozenset({"questions"})}
    attempts = [Attempt("a", ago(7), 0, False)]
    extra = [("questions", NOW, 90.0), ("objections", ago(3), 55.0)]
    levels = skill_levels(attempts, skills, NOW, half_life_days=7, extra=extra)
    assert levels["questions"] == pytest.approx(90 / 1.5)
    assert levels["objections"] == pytest.approx(55)


def test_skill_levels_ignores_unknown_drills_and_clamps() -> None:
    skills = {"a": frozenset({"closing"})}
    attempts = [Attempt("gone", NOW, 10, False), Attempt("a", NOW + DAY, 150, True)]
    assert skill_levels(attempts, skills, NOW) == {"closing": 100}


# --- the choice -----------------------------------------------------------------------------


def test_assignment_within_48h_wins() -> None:
    attempts = [fail("questions-1", ago(3))]  # a review is due too
    assignments = [
        OpenAssignment("far-away", NOW + dt.timedelta(hours=49)),
        OpenAssignment("call-b", NOW + dt.timedelta(hours=47)),
        OpenAssignment("call-a", NOW + dt.timedelta(hours=5)),
    ]
    choice = choose_drill(CATALOGUE, attempts, NOW, assignments=assignments)
    assert choice == Choice("assignment", "call-a", None, "practice.reason.assignment")


def test_assignment_48h_boundary_and_overdue() -> None:
    exactly = [OpenAssignment("edge", NOW + dt.timedelta(hours=48))]
    assert choose_drill(CATALOGUE, [], NOW, assignments=exactly).kind == "assignment"
    later = [OpenAssignment("later", NOW + dt.timedelta(hours=48, seconds=1))]
    assert choose_drill(CATALOGUE, [], NOW, assignments=later).kind != "assignment"
    overdue = [OpenAssignment("late", ago(2))]
    assert choose_drill(CATALOGUE, [], NOW, assignments=overdue).scenario_id == "late"


def test_assignment_sent_yesterday_repeats_only_if_it_is_the_only_one() -> None:
    only = [OpenAssignment("call-a", NOW + dt.timedelta(hours=5))]
    assert choose_drill(CATALOGUE, [], NOW, assignments=only, yesterday="call-a").scenario_id == (
        "call-a"
    )
    two = [*only, OpenAssignment("call-b", NOW + dt.timedelta(hours=30))]
    choice = choose_drill(CATALOGUE, [], NOW, assignments=two, yesterday="call-a")
    assert (choice.kind, choice.scenario_id) == ("assignment", "call-b")


def test_review_before_weakest() -> None:
    attempts = [ok(f"{s}-1", ago(5), 90) for s in SKILLS]
    attempts += [fail("closing-1", ago(4), 60), ok("questions-1", ago(2))]
    choice = choose_drill(CATALOGUE, attempts, NOW, rng=random.Random(1))
    assert choice == Choice("review", "closing-1", "closing", "practice.reason.review")


def test_review_of_removed_drill_is_ignored() -> None:
    attempts = [fail("retired", ago(5)), *(ok(f"{s}-1", ago(3)) for s in SKILLS)]
    assert choose_drill(CATALOGUE, attempts, NOW, rng=random.Random(0)).kind == "weakest"


def test_weakest_skill_chosen() -> None:
    scores = dict(zip(SKILLS, (90, 85, 80, 60, 40, 70), strict=True))
    attempts = [ok(f"{s}-1", ago(3 + i), scores[s]) for i, s in enumerate(SKILLS)]
    choice = choose_drill(CATALOGUE, attempts, NOW, rng=random.Random(0))
    assert choice == Choice("weakest", "objections-1", "objections", "practice.reason.weakest")


def test_unpractised_skill_counts_as_weakest() -> None:
    attempts = [ok(f"{s}-1", ago(3), 10) for s in SKILLS if s != "closing"]
    choice = choose_drill(CATALOGUE, attempts, NOW, rng=random.Random(0))
    assert choice == Choice("new", "closing-1", "closing", "practice.reason.new")


def test_new_learner_gets_every_skill_before_repeats() -> None:
    attempts: list[Attempt] = []
    yesterday = None
    rng = random.Random(7)
    seen = []
    for day in range(len(SKILLS)):
        now = NOW + day * DAY
        choice = choose_drill(CATALOGUE, attempts, now, yesterday=yesterday, rng=rng)
        seen.append(choice.skill)
        attempts.append(ok(choice.scenario_id, now + dt.timedelta(hours=1), 70))
        yesterday = choice.scenario_id
    assert sorted(seen) == sorted(SKILLS)


def test_ties_broken_by_fewest_attempts() -> None:
    drills = [drill("q-1", "questions"), drill("q-2", "questions"), drill("c-1", "closing")]
    attempts = [
        ok("q-1", ago(10), 40),
        ok("q-1", ago(9), 40),
        ok("q-2", ago(8), 40),
        ok("c-1", ago(7), 90),
        ok("c-1", ago(6), 90),  # last attempted, and closing is strong anyway
    ]
    for seed in range(20):
        assert choose_drill(drills, attempts, NOW, rng=random.Random(seed)).scenario_id == "q-2"


def test_new_learner_starts_easy() -> None:
    drills = [drill("hard", "questions", level=3), drill("easy", "questions", level=1)]
    for seed in range(10):
        assert choose_drill(drills, [], NOW, rng=random.Random(seed)).scenario_id == "easy"


def test_deterministic_given_seed_and_varied_across_seeds() -> None:
    picks = {choose_drill(CATALOGUE, [], NOW, rng=random.Random(s)).scenario_id for s in range(40)}
    assert len(picks) > 3  # a new learner's first drill is not always the same one
    for seed in range(5):
        a = choose_drill(CATALOGUE, [], NOW, rng=random.Random(seed))
        b = choose_drill(CATALOGUE, [], NOW, rng=random.Random(seed))
        assert a == b


def test_review_skipped_when_it_was_sent_yesterday() -> None:
    attempts = [fail("closing-1", ago(5))] + [ok(f"{s}-1", ago(6)) for s in SKILLS[:3]]
    choice = choose_drill(CATALOGUE, attempts, NOW, yesterday="closing-1", rng=random.Random(0))
    assert choice.scenario_id != "closing-1"
    assert choice.kind in ("weakest", "new")


def test_last_attempted_drill_avoided() -> None:
    drills = [drill("q-1", "questions"), drill("c-1", "closing")]
    attempts = [ok("c-1", ago(20), 90), ok("q-1", ago(1), 10)]  # questions is weakest
    choice = choose_drill(drills, attempts, NOW, rng=random.Random(0))
    assert choice.scenario_id == "c-1"


def test_only_drill_is_repeated() -> None:
    drills = [drill("only", "questions")]
    choice = choose_drill(drills, [ok("only", ago(1))], NOW, yesterday="only")
    assert choice.scenario_id == "only"


def test_drills_without_skills_fall_back_to_any() -> None:
    drills = [drill("x"), drill("y")]
    choice = choose_drill(drills, [ok("x", ago(1))], NOW, rng=random.Random(0))
    assert choice == Choice("new", "y", None, "practice.reason.new")


def test_nothing_to_choose_raises() -> None:
    with pytest.raises(ValueError, match="no drills"):
        choose_drill([], [], NOW)
    only_far = [OpenAssignment("far", NOW + 5 * DAY)]
    with pytest.raises(ValueError):
        choose_drill([], [], NOW, assignments=only_far)


def test_reason_key_matches_kind() -> None:
    choice = choose_drill(CATALOGUE, [], NOW, rng=random.Random(3))
    assert choice.reason_key == f"practice.reason.{choice.kind}"


@pytest.mark.parametrize("seed", range(5))
def test_never_the_same_drill_two_days_in_a_row(seed: int) -> None:
    rng = random.Random(seed)
    drills = [*CATALOGUE, drill("questions-2", "questions", level=2), drill("mixed", *SKILLS[:3])]
    attempts: list[Attempt] = []
    yesterday = None
    kinds = set()
    for day in range(90):
        now = NOW + day * DAY
        choice = choose_drill(drills, attempts, now, yesterday=yesterday, rng=rng)
        kinds.add(choice.kind)
        assert choice.scenario_id != yesterday
        if attempts:
            assert choice.scenario_id != max(attempts, key=lambda a: a.at).drill_id
        if rng.random() < 0.8:  # the learner sometimes skips a day
            score = rng.randint(20, 100)
            attempts.append(
                Attempt(choice.scenario_id, now + dt.timedelta(hours=2), score, score >= 60)
            )
        yesterday = choice.scenario_id
    assert {"review", "weakest", "new"} <= kinds
