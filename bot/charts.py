"""PNG charts the bot sends: a learner's /progress, a trainer's cohort report, the weekly summary.

Every public function is pure: data and the caller's (already translated) texts go in, PNG bytes
come out. Nothing here is worded in any language, so the chart reads in the learner's language.

Only matplotlib's object API is used (a `Figure` with its own Agg canvas), never `pyplot`: pyplot
keeps a global list of figures and a current-figure pointer, which is not safe when charts are
drawn in worker threads via `asyncio.to_thread`. For the same reason font sizes are passed to each
artist instead of going through `rcParams`/`rc_context`, which are process-global. matplotlib is
imported lazily, so importing this module neither loads it nor touches the backend setting.

Conventions shared by all charts:

* Scores and skill levels are on a 0-100 scale; values outside it are clipped.
* A missing value (`None`) is never drawn as 0: its slot stays empty and shows a dash ("–"),
  the same in every language, so "not practised" never reads as "scored zero".
* Empty input renders the axes with the caller's `empty_text` in the middle (blank if not given)
  instead of raising, so the bot can always answer with an image.
* Colours come from the Okabe-Ito palette and the heat map uses `cividis`; both stay readable
  with the common forms of colour blindness.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from io import BytesIO
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.path import Path
    from matplotlib.text import Text

__all__ = ["distribution_chart", "progress_chart", "skills_matrix_chart", "weekly_chart"]

# 8 in at 120 dpi = 960 px wide: sharp on a phone, and Telegram keeps it as a photo.
WIDTH_IN = 8.0
DPI = 120
MAX_HEIGHT_IN = 15.0  # 1800 px: the tallest skills matrix (reached at about 44 learners)

# Okabe-Ito colour-blind-safe palette.
BLUE = "#0072B2"
SKY = "#56B4E9"
GREY = "#BBBBBB"
VERMILION = "#D55E00"  # the pass mark
MISSING = "#E4E4E4"
INK = "#222222"

TITLE_SIZE = 15
LABEL_SIZE = 12
TICK_SIZE = 11
NOTE_SIZE = 10

# Room for the title, 0-100 / count tick labels and the axis labels of the single-panel charts,
# whose labels are short numbers and so need no adaptive layout (8 x 4.5 in).
FIXED_MARGINS = {"left": 0.1, "right": 0.98, "bottom": 0.15, "top": 0.88}

# /progress is looked at on a phone, often about 320 px wide: the two panels are stacked on a
# figure 4.8 in wide (960 px at 200 dpi), so 12 pt text is still about 11 px tall there.
PROGRESS_WIDTH_IN = 4.8
PROGRESS_HEIGHT = 7.4
PROGRESS_DPI = 200
PROGRESS_SIZES = {"title": 16, "label": 13, "tick": 12, "note": 12}
MIN_TEXT_PT = 10  # a caller's long title shrinks down to this, then wraps

NA = "–"  # shown where a value is missing; a dash needs no translation
NAME_MAX = 24  # learner names longer than this are cut with an ellipsis in the matrix


def progress_chart(
    scores: Sequence[tuple[datetime, int]],
    skills: Mapping[str, float | None],
    *,
    title: str,
    scores_label: str,
    skills_label: str,
    skill_names: Mapping[str, str],
    empty_text: str = "",
) -> bytes:
    """A learner's /progress: scores over time (left) and the current level per skill (right).

    `scores` are (finished-at, score) pairs in any order; dates follow the datetimes' own time
    zone. Skills are listed top to bottom in `skills`' order, labelled via `skill_names`
    (falling back to the id). A skill whose level is None keeps its row but gets no bar, only
    "–", so the layout is the same for every learner and an untried skill is not read as 0.
    """
    return _png(
        _progress_figure(
            scores, skills, title=title, scores_label=scores_label, skills_label=skills_label,
            skill_names=skill_names, empty_text=empty_text,
        )
    )


def distribution_chart(
    scores: Sequence[int], *, title: str, x_label: str, y_label: str, empty_text: str = "",
    pass_marks: Mapping[int, str] | None = None,
) -> bytes:
    """A cohort's best scores as a histogram with bins of 10 (0-9, ..., 90-100).

    The trainer sees at a glance where the group sits; each bar carries its count so no
    gridline reading is needed. 100 falls in the last bin. ``pass_marks`` (score → the
    caller's label) are drawn as dashed lines, so "how many are above the bar" needs no
    counting of bins.
    """
    return _png(
        _distribution_figure(
            scores, title=title, x_label=x_label, y_label=y_label, empty_text=empty_text,
            pass_marks=pass_marks,
        )
    )


def skills_matrix_chart(
    rows: Sequence[tuple[str, Mapping[str, float | None]]],
    skill_names: Mapping[str, str],
    *,
    title: str,
    empty_text: str = "",
) -> bytes:
    """A cohort's skills as a heat map: one row per learner, one column per skill.

    Columns follow `skill_names`' order (skills not in it are left out; if it is empty, the
    skills found in `rows` are used, labelled by id). Each cell shows its value; a missing
    value is a grey cell with "–". The image grows 0.3 in (36 px) per learner up to 15 in
    (1800 px, about 44 learners); beyond that rows and their text get smaller instead, so 60
    learners still read at 8 pt. Names longer than 24 characters are cut with "…".
    """
    return _png(_skills_matrix_figure(rows, skill_names, title=title, empty_text=empty_text))


def weekly_chart(
    days: Sequence[tuple[date, int | None]],
    *,
    title: str,
    y_label: str,
    day_labels: Sequence[str] | None = None,
    empty_text: str = "",
) -> bytes:
    """The Sunday summary: one bar per day of the week (normally 7), in the order given.

    A day with None (no practice) keeps its slot with no bar and a "–", so gaps in the week are
    visible. Days are labelled dd-mm unless the caller passes `day_labels` (e.g. translated
    weekday names), one per day.
    """
    return _png(
        _weekly_figure(
            days, title=title, y_label=y_label, day_labels=day_labels, empty_text=empty_text
        )
    )


# --- figure builders (kept separate from rendering so tests can inspect the texts) ---------


def _progress_figure(
    scores: Sequence[tuple[datetime, int]],
    skills: Mapping[str, float | None],
    *,
    title: str,
    scores_label: str,
    skills_label: str,
    skill_names: Mapping[str, str],
    empty_text: str,
) -> Figure:
    import matplotlib.dates as mdates

    size = PROGRESS_SIZES
    ids = list(skills)
    names = [_shorten(skill_names.get(i, i)) for i in ids]
    fig = _figure(PROGRESS_HEIGHT, margins={}, width_in=PROGRESS_WIDTH_IN, dpi=PROGRESS_DPI)
    left, right = _progress_axes(fig, names)
    if title:
        _fitted(fig, fig.text(0.5, 1 - 0.3 / PROGRESS_HEIGHT, _plain(title), ha="center",
                              va="center", fontsize=size["title"], color=INK))

    _score_axis(left)
    left.tick_params(labelsize=size["tick"])
    _panel_title(fig, left, scores_label)
    points = sorted(scores, key=lambda p: p[0])
    if points:
        xs = [p[0] for p in points]
        ys = [_clip(p[1]) for p in points]
        many = len(points) > 40
        # matplotlib converts datetimes itself; its stubs know only numbers
        left.plot(
            xs, ys, color=BLUE,  # type: ignore[arg-type]
            linewidth=1.2 if many else 1.8, marker="o",
            markersize=3 if many else 6, markeredgewidth=0, alpha=0.9,
        )
        tz = xs[0].tzinfo
        # Evenly spaced ticks: with interval multiples, day ticks restart at each month's 1st
        # and "31-03" and "01-04" end up on top of each other.
        locator = mdates.AutoDateLocator(  # type: ignore[no-untyped-call]
            tz=tz, minticks=3, maxticks=5, interval_multiples=False)
        left.xaxis.set_major_locator(locator)
        left.xaxis.set_major_formatter(
            mdates.ConciseDateFormatter(  # type: ignore[no-untyped-call]
                locator, tz=tz,
                # Numbers only: month names would come out in English (C locale).
                formats=["%Y", "%m-%Y", "%d-%m", "%H:%M", "%H:%M", "%S"],
                zero_formats=["", "%Y", "%d-%m", "%d-%m", "%H:%M", "%H:%M"],
                offset_formats=["", "%Y", "%Y", "%d-%m-%Y", "%d-%m-%Y", "%d-%m-%Y %H:%M"],
            )
        )
        lo, hi = xs[0], xs[-1]
        # One session (or all at once) still gets a readable day-wide axis around it.
        pad = (hi - lo) * 0.04 if hi > lo else timedelta(days=3)
        left.set_xlim(lo - pad, hi + pad)  # type: ignore[arg-type]  # datetimes
        left.xaxis.get_offset_text().set_fontsize(size["note"])
    else:
        left.set_xticks([])
        _empty_note(left, empty_text)

    _panel_title(fig, right, skills_label)
    right.set_xlim(0, 100)
    right.set_xticks(range(0, 101, 25))
    right.grid(axis="x", color=GREY, linewidth=0.6, alpha=0.6)
    right.set_axisbelow(True)
    right.tick_params(labelsize=size["tick"])
    _despine(right)
    if ids:
        ypos = list(range(len(ids)))
        values = [skills[i] for i in ids]
        known = [(y, _clip(v)) for y, v in zip(ypos, values, strict=True) if v is not None]
        right.barh(
            [y for y, _ in known], [v for _, v in known], height=0.6, color=SKY,
            edgecolor=BLUE, linewidth=0.8,
        )
        for y, v in zip(ypos, values, strict=True):
            if v is None:
                right.text(2, y, NA, va="center", ha="left", fontsize=size["note"], color=INK)
            else:
                shown = _clip(v)
                inside = shown > 80
                right.text(
                    shown - 2 if inside else shown + 2, y, str(round(shown)), va="center",
                    ha="right" if inside else "left", fontsize=size["note"], color=INK,
                )
        right.set_yticks(ypos, [_plain(name) for name in names])
        right.set_ylim(len(ids) - 0.5, -0.5)  # first skill on top
    else:
        right.set_yticks([])
        _empty_note(right, empty_text)
    return fig


def _distribution_figure(
    scores: Sequence[int], *, title: str, x_label: str, y_label: str, empty_text: str,
    pass_marks: Mapping[int, str] | None = None,
) -> Figure:
    from matplotlib.ticker import MaxNLocator

    fig = _figure(4.5, margins=FIXED_MARGINS)
    ax = fig.subplots()
    _title(fig, title)
    counts = [0] * 10
    for s in scores:
        counts[min(int(_clip(s)) // 10, 9)] += 1
    ax.bar(
        [b * 10 for b in range(10)], counts, width=10, align="edge", color=SKY,
        edgecolor=BLUE, linewidth=1.0,
    )
    for b, n in enumerate(counts):
        if n:
            ax.text(b * 10 + 5, n, str(n), ha="center", va="bottom", fontsize=NOTE_SIZE)
    ax.set_xlim(0, 100)
    ax.set_xticks(range(0, 101, 10))
    ax.set_ylim(0, max(max(counts) * 1.15, 1))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(_plain(x_label), fontsize=LABEL_SIZE)
    ax.set_ylabel(_plain(y_label), fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    ax.grid(axis="y", color=GREY, linewidth=0.6, alpha=0.6)
    ax.set_axisbelow(True)
    for mark, label in sorted((pass_marks or {}).items()):
        x = _clip(mark)
        ax.axvline(x, color=VERMILION, linestyle="--", linewidth=1.6)
        ax.text(x, 1.0, f" {_plain(label)}", transform=ax.get_xaxis_transform(), ha="left",
                va="top", fontsize=NOTE_SIZE, color=VERMILION)
    _despine(ax)
    if not scores:
        _empty_note(ax, empty_text)
    return fig


def _skills_matrix_figure(
    rows: Sequence[tuple[str, Mapping[str, float | None]]],
    skill_names: Mapping[str, str],
    *,
    title: str,
    empty_text: str,
) -> Figure:
    import matplotlib
    import numpy as np

    if skill_names:
        ids = list(skill_names)
    else:
        ids = list(dict.fromkeys(k for _, levels in rows for k in levels))
    n = len(rows)
    height = min(max(1.9 + 0.3 * n, 3.5), MAX_HEIGHT_IN)
    fig = _figure(height)
    ax = fig.subplots()
    _title(fig, title)
    if not rows or not ids:
        ax.set_xticks([])
        ax.set_yticks([])
        _empty_note(ax, empty_text)
        return fig

    data = np.array(
        [[math.nan if (level := levels.get(i)) is None else _clip(level) for i in ids]
         for _, levels in rows],
        dtype=float,
    )
    cmap = matplotlib.colormaps["cividis"].with_extremes(bad=MISSING)
    ax.imshow(
        np.ma.masked_invalid(data), cmap=cmap, vmin=0, vmax=100, aspect="auto",
        interpolation="nearest",
    )
    row_in = (height - 1.9) / n
    fontsize = max(5.0, min(NOTE_SIZE, row_in * 72 * 0.5))
    labels = [
        (c, r, NA if math.isnan(v) else str(round(v)),
         INK if math.isnan(v) else _text_on(cmap(v / 100)))
        for r, row in enumerate(data) for c, v in enumerate(row)
    ]
    _cell_labels(fig, ax, labels, fontsize)
    ax.set_xticks(
        range(len(ids)), [_plain(skill_names.get(i, i)) for i in ids], rotation=30,
        ha="left", rotation_mode="anchor",
    )
    ax.set_yticks(range(n), [_plain(_shorten(name)) for name, _ in rows])
    ax.tick_params(axis="x", top=True, labeltop=True, bottom=False, labelbottom=False,
                   labelsize=TICK_SIZE)
    ax.tick_params(axis="y", labelsize=max(fontsize, min(TICK_SIZE, fontsize + 1)), length=0)
    # White lines between cells; two line collections are far cheaper than minor ticks.
    ax.vlines([c - 0.5 for c in range(1, len(ids))], -0.5, n - 0.5, color="white", linewidth=1)
    ax.hlines([r - 0.5 for r in range(1, n)], -0.5, len(ids) - 0.5, color="white", linewidth=1)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


def _weekly_figure(
    days: Sequence[tuple[date, int | None]],
    *,
    title: str,
    y_label: str,
    day_labels: Sequence[str] | None,
    empty_text: str,
) -> Figure:
    fig = _figure(4.5, margins={**FIXED_MARGINS, "bottom": 0.1})  # no x label
    ax = fig.subplots()
    _title(fig, title)
    _score_axis(ax)
    ax.set_ylabel(_plain(y_label), fontsize=LABEL_SIZE)
    if not days:
        ax.set_xticks([])
        _empty_note(ax, empty_text)
        return fig
    xs = list(range(len(days)))
    values = [v for _, v in days]
    known = [(x, _clip(v)) for x, v in zip(xs, values, strict=True) if v is not None]
    ax.bar(
        [x for x, _ in known], [v for _, v in known], width=0.65, color=SKY, edgecolor=BLUE,
        linewidth=1.0,
    )
    for x, v in zip(xs, values, strict=True):
        label = NA if v is None else str(round(_clip(v)))
        y = 1.5 if v is None else _clip(v) + 1.5
        size = LABEL_SIZE if v is None else NOTE_SIZE
        ax.text(x, y, label, ha="center", va="bottom", fontsize=size, color=INK)
    if day_labels is not None and len(day_labels) == len(days):
        labels = [_plain(s) for s in day_labels]
    else:
        labels = [d.strftime("%d-%m") for d, _ in days]
    ax.set_xticks(xs, labels)
    ax.set_xlim(-0.6, len(days) - 0.4)
    if all(v is None for v in values):
        _empty_note(ax, empty_text)
    return fig


# --- helpers ---------------------------------------------------------------------------------


def _figure(height_in: float, margins: Mapping[str, float] | None = None, *,
            width_in: float = WIDTH_IN, dpi: int = DPI) -> Figure:
    """A new Figure on its own Agg canvas: no pyplot, no GUI backend, no global registry.

    Without `margins` matplotlib's constrained layout fits the axes around their labels; with
    them (even empty: the caller places the axes) the layout is fixed. Constrained layout
    measures every label once more and makes a chart about twice as slow to render.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    layout: Literal["constrained"] | None = None if margins is not None else "constrained"
    fig = Figure(figsize=(width_in, height_in), dpi=dpi, layout=layout)
    if margins:
        fig.subplots_adjust(**margins)
    FigureCanvasAgg(fig)
    fig.set_facecolor("white")
    return fig


def _progress_axes(fig: Figure, skill_labels: Sequence[str]) -> list[Axes]:
    """Scores on top, skills below, each under its own title, with room on the left for the
    widest skill label (at most NAME_MAX characters). Placed by hand: constrained layout
    would double the render time of the chart learners ask for most. Sizes in inches."""
    from matplotlib.font_manager import FontProperties

    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg, see _figure
    prop = FontProperties(size=PROGRESS_SIZES["tick"])
    label_w = max(
        (renderer.get_text_width_height_descent(s, prop, ismath=False)[0] for s in skill_labels),
        default=0.0,
    ) / fig.dpi
    width, height = fig.get_size_inches()
    right = 0.3
    scores_left = 0.6  # "100" left of the score axis
    skills_left = min(max(scores_left, 0.3 + label_w), width * 0.55)
    # from the top: figure title, panel title, scores, dates, panel title, skills, ticks
    scores_top, scores_h = 1.1, 2.5
    skills_top = scores_top + scores_h + 1.15
    skills_h = height - skills_top - 0.5
    return [
        fig.add_axes((scores_left / width, 1 - (scores_top + scores_h) / height,
                      (width - scores_left - right) / width, scores_h / height)),
        fig.add_axes((skills_left / width, 1 - (skills_top + skills_h) / height,
                      (width - skills_left - right) / width, skills_h / height)),
    ]


def _panel_title(fig: Figure, ax: Axes, text: str) -> None:
    """A panel's title over the whole figure width (not just over its axes, which for the
    skills panel start right of the labels), shrunk or wrapped until it fits."""
    if text:
        box = ax.get_position()
        y = box.y1 + 0.3 / fig.get_size_inches()[1]
        _fitted(fig, fig.text(0.5, y, _plain(text), ha="center", va="center",
                              fontsize=PROGRESS_SIZES["label"], color=INK))


def _fitted(fig: Figure, text: Text) -> None:
    """Shrink a text down to MIN_TEXT_PT until it fits the figure's width, then wrap it
    onto two lines: a title is never cut off at the image's edge."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg, see _figure
    room = fig.bbox.width * 0.94
    size = float(text.get_fontsize())  # always points here: every text is given a number
    while text.get_window_extent(renderer).width > room and size > MIN_TEXT_PT:
        size -= 1
        text.set_fontsize(size)
    if text.get_window_extent(renderer).width > room:
        words = text.get_text().split()
        half = len(" ".join(words)) / 2
        at = next((i for i in range(1, len(words))
                   if len(" ".join(words[:i])) >= half), len(words) - 1)
        text.set_text(" ".join(words[:at]) + "\n" + " ".join(words[at:]))


def _png(fig: Figure) -> bytes:
    """Render to a 256-colour PNG: looks the same as full colour and is about 3x smaller."""
    import numpy as np
    from PIL import Image  # Pillow is a dependency of matplotlib

    canvas = fig.canvas
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())  # type: ignore[attr-defined]  # Agg, see _figure
    image = Image.fromarray(rgba).convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE)
    fig.clear()  # drop the artists now instead of waiting for the cycle collector
    buf = BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def _cell_labels(
    fig: Figure, ax: Axes, labels: Sequence[tuple[float, float, str, str]], fontsize: float
) -> None:
    """Draw (x, y, text, colour) labels centred on data points, as one collection of glyphs.

    Hundreds of `Text` artists (60 learners x 6 skills) take most of a second to lay out and
    draw; the same labels as outlines in a single `PathCollection` take a few milliseconds.
    """
    from matplotlib.collections import PathCollection
    from matplotlib.transforms import Affine2D

    ax.add_collection(
        PathCollection(
            [_glyphs(text, fontsize) for _, _, text, _ in labels],
            offsets=[(x, y) for x, y, _, _ in labels],
            offset_transform=ax.transData,
            transform=Affine2D().scale(1 / 72) + fig.dpi_scale_trans,  # points to pixels
            facecolors=[colour for *_, colour in labels],
            edgecolors="none",
            snap=False,  # snapping can round the thin "–" away to zero height
        ),
        autolim=False,
    )


@lru_cache(maxsize=512)
def _glyphs(text: str, fontsize: float) -> Path:
    """The outline of `text` in points, centred on (0, 0). Cached: cells repeat 0-100 and "–"."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.path import Path
    from matplotlib.textpath import TextPath

    path = TextPath((0, 0), text, prop=FontProperties(size=fontsize))
    # Centre on the control points: exact enough, and far cheaper than Path.get_extents().
    points = path.vertices if path.codes is None else path.vertices[path.codes != Path.CLOSEPOLY]
    (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
    return Path(path.vertices - ((x0 + x1) / 2, (y0 + y1) / 2), path.codes)


def _title(fig: Figure, title: str) -> None:
    if title:
        fig.suptitle(_plain(title), fontsize=TITLE_SIZE, color=INK)


def _set_title(ax: Axes, text: str) -> None:
    if text:
        ax.set_title(_plain(text), fontsize=LABEL_SIZE, color=INK)


def _score_axis(ax: Axes) -> None:
    """A 0-100 score axis, fixed so charts from different weeks compare by eye."""
    ax.set_ylim(0, 105)
    ax.set_yticks(range(0, 101, 20))
    ax.grid(axis="y", color=GREY, linewidth=0.6, alpha=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=TICK_SIZE)
    _despine(ax)


def _despine(ax: Axes) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)


def _empty_note(ax: Axes, text: str) -> None:
    if text:
        ax.text(
            0.5, 0.5, _plain(text), transform=ax.transAxes, ha="center", va="center",
            fontsize=LABEL_SIZE, color="#555555", wrap=True,
        )


def _clip(value: float) -> float:
    return min(max(float(value), 0.0), 100.0)


def _plain(text: str) -> str:
    """Caller text shown literally: an unpaired or paired "$" must not start mathtext."""
    return text.replace("$", r"\$")


def _shorten(name: str) -> str:
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1].rstrip() + "…"


def _text_on(rgba: tuple[float, float, float, float]) -> str:
    """Black or white, whichever reads better on a heat-map cell of this colour."""
    r, g, b, _ = rgba
    return INK if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else "white"
