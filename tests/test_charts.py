"""Charts the bot sends: phone-sized PNGs, in the caller's words, safe from worker threads.

Rendering costs ~0.1-0.2 s a chart, so each distinct chart is rendered once (`rendered` caches)
and the tests share those images.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from bot import charts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# matplotlib's font cache goes to a temp dir, not the user's home (bot.charts imports matplotlib
# lazily, so this still applies). A fixed name lets later runs reuse the cache.
os.environ.setdefault("MPLCONFIGDIR", str(Path(tempfile.gettempdir()) / "salesbot-mplconfig"))
PYPLOT_PRELOADED = "matplotlib.pyplot" in sys.modules

ROOT = Path(__file__).resolve().parents[1]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
AMSTERDAM = timezone(timedelta(hours=1))

# Dutch, accents, typographic quotes and a "$" (which must not start matplotlib's mathtext).
TITLES = ("Jouw voortgang: één “goede” week", "Twee ‘sessies’ — €5 of $5, Zoë")
SKILL_NAMES = {
    "preparation": "Voorbereiding",
    "internal": "Interne doelen",
    "external": "Externe doelen",
    "questions": "Vragen “open”",
    "objections": "Bezwaren",
    "closing": "Afsluiten",
}
SKILLS: dict[str, float | None] = {
    "preparation": 72.5, "internal": None, "external": 45.0,
    "questions": 88.0, "objections": 0.0, "closing": 100.0,
}
MONDAY = date(2025, 3, 3)


def scores(n: int) -> list[tuple[datetime, int]]:
    """n sessions, newest first (the caller need not sort), in a non-UTC time zone."""
    start = datetime(2025, 3, 3, 9, 30, tzinfo=AMSTERDAM)
    return [(start - timedelta(hours=7 * i), (i * 37) % 101) for i in range(n)]


def learners(n: int) -> list[tuple[str, dict[str, float | None]]]:
    return [
        (f"Zoë {i}" if i % 3 else f"Deelnemer {i} met een erg lange achternaam", {
            k: None if (i + j) % 5 == 0 else (i * 13 + j * 29) % 101
            for j, k in enumerate(SKILL_NAMES)
        })
        for i in range(n)
    ]


def week(values: list[int | None]) -> list[tuple[date, int | None]]:
    return [(MONDAY + timedelta(days=i), v) for i, v in enumerate(values)]


def progress(title: str, n: int = 5) -> bytes:
    return charts.progress_chart(
        scores(n), SKILLS, title=title, scores_label="Score per sessie",
        skills_label="Vaardigheden", skill_names=SKILL_NAMES,
    )


def distribution(title: str) -> bytes:
    # -5 and 130 are clipped into the first and last bin.
    return charts.distribution_chart(
        [-5, 5, 18, 42, 47, 55, 61, 68, 73, 77, 81, 90, 100, 130], title=title, x_label="Score",
        y_label="Deelnemers",
    )


def matrix(title: str, n: int = 1) -> bytes:
    return charts.skills_matrix_chart(learners(n), SKILL_NAMES, title=title)


def weekly(title: str) -> bytes:
    return charts.weekly_chart(
        week([55, None, 80, 0, None, 100, 67]), title=title, y_label="Beste score"
    )


CHARTS: dict[str, Callable[[str], bytes]] = {
    "progress": progress,
    "distribution": distribution,
    "matrix": matrix,
    "weekly": weekly,
}


@cache
def rendered(kind: str, title: str = TITLES[0]) -> bytes:
    return CHARTS[kind](title)


def size(png: bytes) -> tuple[int, int]:
    """Decode the PNG fully (a truncated or corrupt file raises) and return (width, height)."""
    assert png.startswith(PNG_MAGIC)
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        return image.size


def assert_phone_png(png: bytes) -> tuple[int, int]:
    width, height = size(png)
    assert 800 <= width <= 1000
    assert 300 <= height <= 2000
    assert len(png) < 200_000
    return width, height


@pytest.mark.parametrize("kind", CHARTS)
def test_each_chart_is_a_small_phone_sized_png_with_dutch_text(kind: str) -> None:
    assert_phone_png(rendered(kind))


@cache
def rendered_in_threads() -> dict[tuple[str, str], bytes]:
    """All four charts with both titles (8 charts), drawn by 4 worker threads at once."""
    jobs = [(kind, title) for title in TITLES for kind in CHARTS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(jobs, pool.map(lambda job: CHARTS[job[0]](job[1]), jobs), strict=True))


def test_charts_from_several_threads_at_once() -> None:
    results = rendered_in_threads()
    assert len(results) == 8
    for png in results.values():
        assert_phone_png(png)
    # Identical to the same charts drawn one at a time: no thread drew into another's figure.
    for kind in CHARTS:
        assert results[kind, TITLES[0]] == rendered(kind, TITLES[0])


@pytest.mark.parametrize("kind", CHARTS)
def test_the_callers_title_is_what_is_drawn(kind: str) -> None:
    # Rendering is deterministic (see the threads test), so a difference is the title's.
    results = rendered_in_threads()
    assert results[kind, TITLES[0]] != results[kind, TITLES[1]]


@pytest.mark.parametrize(
    "render",
    [
        lambda: charts.progress_chart(
            [], {}, title="Voortgang", scores_label="Score", skills_label="Vaardigheden",
            skill_names={}, empty_text="Nog geen sessies",
        ),
        lambda: charts.distribution_chart(
            [], title="Groep", x_label="Score", y_label="Aantal", empty_text="Nog niemand"
        ),
        lambda: charts.skills_matrix_chart([], SKILL_NAMES, title="Groep", empty_text="Leeg"),
        lambda: charts.skills_matrix_chart([("An", {})], {}, title="Groep"),
        lambda: charts.weekly_chart([], title="Week", y_label="Score"),
        lambda: no_practice_week("Niet geoefend"),
    ],
    ids=["progress", "distribution", "matrix", "matrix-no-skills", "weekly", "weekly-no-practice"],
)
def test_empty_inputs_still_give_a_chart(render: Callable[[], bytes]) -> None:
    assert_phone_png(render())


@cache
def no_practice_week(empty_text: str) -> bytes:
    return charts.weekly_chart(
        week([None] * 7), title="Week", y_label="Score", empty_text=empty_text
    )


def test_empty_chart_shows_the_callers_message() -> None:
    assert no_practice_week("Niet geoefend") != no_practice_week("")


def test_progress_copes_with_one_session() -> None:
    assert_phone_png(progress(TITLES[0], n=1))


def test_progress_copes_with_many_sessions() -> None:
    # how long it takes: benchmarks/charts.py
    assert_phone_png(progress(TITLES[0], n=150))


def test_matrix_fits_one_to_60_learners_growing_with_the_cohort() -> None:
    one, sixty = size(rendered("matrix")), assert_phone_png(matrix(TITLES[0], n=60))
    assert one[0] == sixty[0]
    # In between the height grows with the cohort (sizes read off the figures, not rendered),
    # and 60 learners already hit the cap: more make the rows smaller, not the image longer.
    heights = [
        charts._skills_matrix_figure(learners(n), SKILL_NAMES, title="", empty_text="")
        .get_size_inches()[1] * charts.DPI
        for n in (10, 30)
    ]
    assert one[1] < heights[0] < heights[1] < sixty[1] == charts.MAX_HEIGHT_IN * charts.DPI


# The figure builders, checked on their texts. Numbers, numeric dates and the "–" marking a
# missing value need no translation; every word must be one the caller passed in.
NEUTRAL = re.compile(r"^[\d\s:.\-–−]*$")


def texts(fig: Figure) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


@pytest.mark.parametrize(
    ("build", "given"),
    [
        (
            lambda: charts._progress_figure(
                scores(20), SKILLS, title="T1", scores_label="T2", skills_label="T3",
                skill_names=SKILL_NAMES, empty_text="",
            ),
            {"T1", "T2", "T3", *SKILL_NAMES.values()},
        ),
        (
            lambda: charts._distribution_figure(
                [3, 50, 99], title="T1", x_label="T2", y_label="T3", empty_text=""
            ),
            {"T1", "T2", "T3"},
        ),
        (
            lambda: charts._skills_matrix_figure(
                [("An", SKILLS), ("Bo", {})], SKILL_NAMES, title="T1", empty_text=""
            ),
            {"T1", "An", "Bo", *SKILL_NAMES.values()},
        ),
        (
            lambda: charts._weekly_figure(
                week([10, None, 0]), title="T1", y_label="T2", day_labels=["ma", "di", "wo"],
                empty_text="T3",
            ),
            {"T1", "T2", "ma", "di", "wo"},
        ),
    ],
    ids=["progress", "distribution", "matrix", "weekly"],
)
def test_no_words_of_its_own(build: Callable[[], Figure], given: set[str]) -> None:
    fig = build()
    for ax in fig.axes:  # tick labels (and the date offset) get their text when asked for
        ax.get_xticklabels()
        ax.get_yticklabels()
    assert {s for s in texts(fig) if not NEUTRAL.match(s)} == given


def test_missing_values_are_shown_as_a_dash_not_as_zero() -> None:
    fig = charts._weekly_figure(
        week([10, None, 0]), title="", y_label="", day_labels=None, empty_text=""
    )
    assert [t.get_text() for t in fig.axes[0].texts] == ["10", "–", "0"]
    fig = charts._progress_figure(
        [], SKILLS, title="", scores_label="", skills_label="", skill_names={}, empty_text=""
    )
    assert [t.get_text() for t in fig.axes[1].texts] == ["72", "–", "45", "88", "0", "100"]


def test_importing_loads_no_matplotlib() -> None:
    code = "import sys, bot.charts; assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


@pytest.mark.skipif(PYPLOT_PRELOADED, reason="another module imported pyplot first")
def test_rendering_never_imports_pyplot() -> None:
    rendered("progress")
    assert "matplotlib.pyplot" not in sys.modules
