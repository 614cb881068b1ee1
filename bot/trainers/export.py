"""The cohort as a CSV file for Excel and LibreOffice.

One row per learner per assignment, then one column per skill. Encoded as UTF-8 *with* a
byte-order mark, because Excel on Windows otherwise reads the file as ANSI and breaks
every accented name. The separator follows the trainer's language: Dutch Excel expects
``;`` (the comma is the decimal separator there), English Excel ``,``. Scores are whole
numbers, so no decimal separator is ever needed. Cells that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from bot.i18n import t
from bot.trainers.cohort_report import SKILLS, CohortReport

SEPARATORS = {"nl": ";", "en": ","}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def separator(lang: str) -> str:
    return SEPARATORS.get(lang, ",")


def _safe(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def header(lang: str) -> list[str]:
    columns = ["learner_id", "learner", "assignment", "scenarios", "due", "pass_mark",
               "max_attempts", "status", "best_score", "attempts", "overridden", "late"]
    return [t(lang, f"trainer.csv.{c}") for c in columns] + \
           [t(lang, f"card.sections.{s}") for s in SKILLS]


def to_csv(report: CohortReport, lang: str, title: Callable[[str], str]) -> bytes:
    """The report as CSV bytes; ``title`` names a scenario in the trainer's language."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator(lang), lineterminator="\r\n")
    writer.writerow(header(lang))
    yes, no = t(lang, "trainer.csv.yes"), t(lang, "trainer.csv.no")
    for row in report.rows:
        for index, assignment in enumerate(report.assignments):
            cell = row.cells[index]
            skills = row.cell_skills[index]
            writer.writerow([
                row.user_id, _safe(row.name), f"A{index + 1}",
                _safe(" + ".join(title(sid) for sid in assignment.scenario_ids)),
                assignment.due_at.strftime("%Y-%m-%d %H:%M UTC"), assignment.pass_mark,
                assignment.max_attempts, t(lang, f"trainer.status.{cell.status}"),
                "" if cell.best is None else cell.best, cell.attempts,
                yes if cell.overridden else no, yes if cell.late else no,
                *("" if s not in skills else round(skills[s]) for s in SKILLS),
            ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
