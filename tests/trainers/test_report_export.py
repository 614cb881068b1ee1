"""The cohort report and its export on a full class (the benchmark's data set): every
learner × assignment row survives Python's csv module and openpyxl, in both locales, odd
names included. How long it takes is benchmarks/trainer_reports.py's business."""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from bot.storage import Database
from bot.storage import cohorts as cq
from bot.storage import queries as q
from bot.storage.models import utcnow
from bot.trainers import cohort_report as rep
from bot.trainers import export, spreadsheet, views
from tests.databases import new_database_url

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import trainer_reports as bench


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, int]]:
    """The benchmark's class, seeded once for the module (it is most of the module's time)."""
    db = Database(new_database_url(tmp_path_factory.mktemp("class"), "c"))
    db.migrate()
    cohort_id = db.call(bench.seed)
    db.call(q.update_user, 1001, last_name="van den Berg", username="janb",
            student_number="500123")
    yield db, cohort_id
    db.close()


@pytest.fixture(scope="module")
def built(seeded: tuple[Database, int]) -> rep.CohortReport:
    db, cohort_id = seeded
    cohort = db.call(cq.own_cohort, 1, cohort_id)
    return rep.build(db.call(cq.cohort_data, cohort), utcnow())


@pytest.fixture(scope="module")
def gathered(seeded: tuple[Database, int]) -> export.ExportData:
    db, cohort_id = seeded
    return db.call(export.gather, 1, cohort_id, utcnow(), True)


@pytest.mark.parametrize(("lang", "sep"), [("nl", ";"), ("en", ",")])
def test_the_csv_round_trips_with_every_row(gathered: export.ExportData, lang: str,
                                             sep: str) -> None:
    built = gathered.report
    results = export.tables(gathered, lang, lambda sid: f"Title of {sid}, with a comma",
                            "Europe/Amsterdam")[0]
    raw = spreadsheet.to_csv(results, lang)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=sep))
    header, body = rows[0], rows[1:]
    assert len(body) == bench.LEARNERS * bench.ASSIGNMENTS
    assert all(len(r) == len(header) for r in body)
    name = header.index(export.t(lang, "trainer.csv.name"))
    names = {r[name] for r in body}
    # a formula-like name gets an invisible escape, never a visible apostrophe
    assert {"Zoë", "Jan, de Vries van den Berg", 'Anne "AJ"', "\u200b=SUM(A1)", "Ömer"} <= names
    jan = next(r for r in body if r[name].startswith("Jan"))
    assert jan[:4] == ["500123", "Jan, de Vries van den Berg", "janb", "1001"]
    status = header.index("Status")
    due = header.index(export.t(lang, "trainer.csv.due", tz="Europe/Amsterdam"))
    for row, (learner, index) in zip(body, [(r, i) for r in built.rows
                                            for i in range(len(built.assignments))],
                                     strict=True):
        cell = learner.cells[index]
        assert row[3] == str(learner.user_id)
        assert row[status] == export.t(lang, f"trainer.status.{cell.status}")
        assert row[header.index(export.t(lang, "trainer.csv.best_score"))] == \
            ("" if cell.best is None else str(cell.best))
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row[due])


def test_a_drill_set_has_a_column_per_drill(gathered: export.ExportData) -> None:
    results = export.tables(gathered, "en", str, "Europe/Amsterdam")[0]
    sets = [i for i, a in enumerate(gathered.report.assignments) if len(a.scenario_ids) > 1]
    drills = gathered.report.assignments[sets[0]].scenario_ids
    assert all(d in results.header for d in drills)
    for learner, first in zip(gathered.report.rows,
                              range(0, len(results.rows), len(gathered.report.assignments)),
                              strict=True):
        row, cell = results.rows[first + sets[0]], learner.cells[sets[0]]
        for d in drills:
            scores = [a.score for a in cell.counted if a.scenario_id == d]
            assert row[results.header.index(d)] == (max(scores) if scores else None)
        single = results.rows[first]  # A1 is one scenario: its drill cells stay empty
        assert all(single[results.header.index(d)] is None for d in drills)


def test_the_workbook_holds_dates_as_dates_and_text_as_text(
        gathered: export.ExportData) -> None:
    tables = export.tables(gathered, "nl", str, "Europe/Amsterdam")
    book = openpyxl.load_workbook(io.BytesIO(spreadsheet.to_xlsx(tables, "nl")))
    assert book.sheetnames == ["Resultaten", "Pogingen", "Gesprekken"]
    sheet = book["Resultaten"]
    header = [c.value for c in sheet[1]]
    due = header.index("Deadline (Europe/Amsterdam)") + 1
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(values) == bench.LEARNERS * bench.ASSIGNMENTS
    assert all(isinstance(r[due - 1], datetime) for r in values)
    assert sheet.cell(2, due).number_format == "dd-mm-yyyy hh:mm"
    formula = next(c for c in sheet["B"] if c.value == "=SUM(A1)")
    assert formula.data_type == "s"  # text, not a formula, and nothing added to it
    attempts = book["Pogingen"]
    head = [c.value for c in attempts[1]]
    overridden = [r for r in attempts.iter_rows(min_row=2, values_only=True)
                  if r[head.index("Reden")]]
    assert overridden and all(r[head.index("Score")] == 70 for r in overridden)
    assert all(isinstance(r[head.index("Oorspronkelijke score")], int) for r in overridden)


def test_the_report_lists_every_learner_and_the_weakest_skills(
        built: rep.CohortReport) -> None:
    text = views.report_text("en", built, str, "Europe/Amsterdam")
    assert all(r.name[:views.NAME_WIDTH] in text.replace("&quot;", '"') for r in built.rows)
    assert "Weakest skills" in text and len(built.weakest) == 3
    assert built.weakest[0][1] <= built.weakest[-1][1]
