"""How long the bot's charts take to render. Prints JSON.

Each chart is what a handler sends: /progress for a learner with 50 and with 150 finished
sessions, a cohort's score distribution, the skills matrix of 30 and of 60 learners, and the
Sunday summary. The first render loads matplotlib and its fonts and is reported on its own;
then median and max over ``--runs`` renders. Handlers render off the event loop, so this is
how long a learner waits for the image, not how long the bot stalls.

Measured on the development machine: 2 cores, shared with other work, Python 3.11.

    .venv/bin/python benchmarks/charts.py [--runs 10]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot import charts

SKILLS = ("preparation", "internal", "external", "questions", "objections", "closing")
NAMES = {s: s.capitalize() for s in SKILLS}
BUDGET_MS = 1000


def progress(sessions: int) -> bytes:
    start = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
    scores = [(start - timedelta(hours=7 * i), (i * 37) % 101) for i in range(sessions)]
    levels = {s: (i * 17) % 101 for i, s in enumerate(SKILLS)}
    return charts.progress_chart(scores, levels, title="Your progress", scores_label="Score",
                                 skills_label="Skills", skill_names=NAMES)


def matrix(learners: int) -> bytes:
    rows = [(f"Learner {i}", {s: (i * 13 + j * 29) % 101 for j, s in enumerate(SKILLS)})
            for i in range(learners)]
    return charts.skills_matrix_chart(rows, NAMES, title="Sales A")


def distribution() -> bytes:
    return charts.distribution_chart([(i * 37) % 101 for i in range(30)], title="Sales A",
                                     x_label="Score", y_label="Learners")


def weekly() -> bytes:
    monday = date(2026, 11, 16)
    days = [(monday + timedelta(days=i), v)
            for i, v in enumerate([55, None, 80, 0, None, 100, 67])]
    return charts.weekly_chart(days, title="Your week", y_label="Best score")


CHARTS: dict[str, Callable[[], bytes]] = {
    "progress_50_sessions": lambda: progress(50),
    "progress_150_sessions": lambda: progress(150),
    "distribution_30_learners": distribution,
    "skills_matrix_30_learners": lambda: matrix(30),
    "skills_matrix_60_learners": lambda: matrix(60),
    "weekly_summary": weekly,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    start = time.perf_counter()
    weekly()
    first_ms = (time.perf_counter() - start) * 1000
    figures = {}
    for name, render in CHARTS.items():
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            png = render()
            times.append((time.perf_counter() - start) * 1000)
        figures[name] = {"median_ms": round(statistics.median(times), 1),
                         "max_ms": round(max(times), 1), "png_kb": round(len(png) / 1024)}
    worst = max(f["median_ms"] for f in figures.values())
    print(json.dumps({
        "machine": f"2 cores, shared; {platform.python_implementation()} "
                   f"{platform.python_version()}",
        "first_render_ms": round(first_ms, 1),
        "charts": figures,
        "budget_ms": BUDGET_MS,
        "slowest_median_vs_budget": round(worst / BUDGET_MS, 3),
    }, indent=2))


if __name__ == "__main__":
    main()
