"""A drill set is scored per drill: an untried drill is "not yet", never a 0 that drags the
learner's good drill down, and the report, the chart and the leaderboard agree on one figure."""

from __future__ import annotations

from datetime import timedelta

from bot import charts
from bot.storage.cohorts import CohortData
from bot.storage.models import Cohort, Membership, User
from bot.trainers import cohort_report as rep
from bot.trainers import views
from bot.trainers.progress import Part, progress
from tests.trainers.test_progress import NOW, assignment, attempt


def test_each_drill_of_a_set_has_its_own_result() -> None:
    a = assignment(ids=("drill-a", "drill-b", "drill-c"))
    p = progress(a, [attempt("drill-a", 40), attempt("drill-a", 90), attempt("drill-b", 50)],
                 {}, NOW)
    assert p.parts == [Part("drill-a", 90, 2, True), Part("drill-b", 50, 1, False),
                       Part("drill-c", None, 0, False)]
    assert p.parts_passed == 1
    # the mean of the drills tried, not (90 + 50 + 0) / 3 = 47
    assert (p.status, p.best) == ("in_progress", 70)


def test_one_good_drill_is_not_dragged_down_by_the_untried_ones() -> None:
    a = assignment(ids=("drill-a", "drill-b"))
    half = progress(a, [attempt("drill-a", 80)], {}, NOW)
    assert (half.status, half.best, half.parts_passed) == ("in_progress", 80, 1)


def _report() -> rep.CohortReport:
    cohort = Cohort(id=1, trainer_id=9, name="Sales A", join_code="x")
    users = [User(id=1, first_name="Ans"), User(id=2, first_name="Bo")]
    drills = assignment(ids=("drill-a", "drill-b"))
    sessions = [attempt("drill-a", 90), attempt("drill-a", 70)]
    sessions[0].user_id, sessions[1].user_id = 1, 2
    members = [(u, Membership(cohort_id=1, user_id=u.id or 0)) for u in users]
    return rep.build(CohortData(cohort, members, [drills], sessions), NOW)


def test_report_chart_and_leaderboard_use_the_same_figure() -> None:
    report = _report()
    assert report.best_scores() == [90, 70]
    assert [(name, score) for name, _, score in rep.leaderboard(report)] == \
        [("Ans", 90), ("Bo", 70)]
    text = views.report_text("en", report, lambda sid: sid, "Europe/Amsterdam")
    assert "90…1/2" in text and "70…1/2" in text  # best, in progress, drills passed of all
    detail = views.learner_detail("en", "Ans", report, lambda sid: sid, "Europe/Amsterdam")
    assert "✓ drill-a: best 90 · 1/2 attempts" in detail
    assert "· drill-b: best – · 0/2 attempts" in detail


def test_the_chart_draws_the_pass_mark_with_its_label() -> None:
    from matplotlib.lines import Line2D
    from matplotlib.text import Text

    fig = charts._distribution_figure([55, 70], title="Sales A: mean best score", x_label="",
                                      y_label="", empty_text="", pass_marks={60: "pass mark 60"})
    ax = fig.axes[0]
    lines = [ln for ln in ax.findobj(Line2D) if list(ln.get_xdata()) == [60, 60]]
    assert lines and lines[0].get_linestyle() == "--"
    assert "pass mark 60" in {t.get_text().strip() for t in fig.findobj(Text)}
    assert charts.distribution_chart([55], title="T", x_label="", y_label="",
                                     pass_marks={60: "pass"}).startswith(b"\x89PNG")


def test_a_pass_after_time_counts_per_drill() -> None:
    a = assignment(ids=("drill-a", "drill-b"), due_days=-1)
    late = progress(a, [attempt("drill-a", 80, days_ago=3),
                        attempt("drill-b", 70, days_ago=0)], {}, NOW + timedelta(hours=1))
    assert late.status == "passed" and late.late and late.parts_passed == 2
