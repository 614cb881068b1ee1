"""The cohort report and its CSV on a full class (the benchmark's data set): every
learner × assignment row survives Python's csv module, in both locales, odd names
included. How long it takes is benchmarks/trainer_reports.py's business."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

from bot.storage import Database
from bot.storage import cohorts as cq
from bot.storage.models import utcnow
from bot.trainers import cohort_report as rep
from bot.trainers import export, views

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import trainer_reports as bench


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> rep.CohortReport:
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('class')}/c.db")
    db.migrate()
    cohort_id = db.call(bench.seed)
    cohort = db.call(cq.own_cohort, 1, cohort_id)
    report = rep.build(db.call(cq.cohort_data, cohort), utcnow())
    db.close()
    return report


@pytest.mark.parametrize(("lang", "sep"), [("nl", ";"), ("en", ",")])
def test_the_csv_round_trips_with_every_row(built: rep.CohortReport, lang: str,
                                             sep: str) -> None:
    raw = export.to_csv(built, lang, lambda sid: f"Title of {sid}, with a comma")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=sep))
    header, body = rows[0], rows[1:]
    assert len(body) == bench.LEARNERS * bench.ASSIGNMENTS
    assert all(len(r) == len(header) for r in body)
    names = {r[1] for r in body}
    assert {"Zoë", "Jan, de Vries", 'Anne "AJ"', "'=SUM(A1)", "Ömer"} <= names
    status = header.index("Status")
    for row, (learner, index) in zip(body, [(r, i) for r in built.rows
                                            for i in range(len(built.assignments))],
                                     strict=True):
        cell = learner.cells[index]
        assert row[0] == str(learner.user_id)
        assert row[status] == export.t(lang, f"trainer.status.{cell.status}")
        assert row[header.index(export.t(lang, "trainer.csv.best_score"))] == \
            ("" if cell.best is None else str(cell.best))


def test_the_report_lists_every_learner_and_the_weakest_skills(
        built: rep.CohortReport) -> None:
    text = views.report_text("en", built, str, "Europe/Amsterdam")
    assert all(r.name[:views.NAME_WIDTH] in text.replace("&quot;", '"') for r in built.rows)
    assert "Weakest skills" in text and len(built.weakest) == 3
    assert built.weakest[0][1] <= built.weakest[-1][1]
