"""The export opens in LibreOffice (headless) as a trainer would see it: names whole, dates
as date cells, a formula-like name as plain text with no apostrophe in front.

Needs ``soffice`` (Debian: ``apt-get install --no-install-recommends
libreoffice-calc-nogui``, about 90 MB to download and 280 MB on disk); skipped without it.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from bot.storage import Database
from bot.storage import queries as q
from bot.storage.models import utcnow
from bot.trainers import export, spreadsheet
from tests.databases import new_database_url

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import trainer_reports as bench

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (apt-get install "
    "--no-install-recommends libreoffice-calc-nogui); the export's LibreOffice check is opt-in")
# The CSV export filter: comma, double quote, UTF-8, from line 1, cells *as shown*.
AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"
FULL_NAME = "Jan, de Vries van den Berg"


def convert(source: Path, target: str, out: Path, infilter: str | None = None) -> Path:
    profile = out / "profile"
    command = [SOFFICE or "soffice", f"-env:UserInstallation=file://{profile}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", str(out), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    converted = out / f"{source.stem}.{target.split(':')[0]}"
    assert converted.exists(), f"LibreOffice wrote no {converted.name}"
    return converted


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[export.Table]]:
    folder = tmp_path_factory.mktemp("libreoffice")
    db = Database(new_database_url(folder, "c"))
    db.migrate()
    cohort_id = db.call(bench.seed, 6, 4)
    db.call(q.update_user, 1001, last_name="van den Berg", student_number="500123")
    data = db.call(export.gather, 1, cohort_id, utcnow(), True)
    db.close()
    tables = export.tables(data, "nl", str, "Europe/Amsterdam")
    (folder / "export.xlsx").write_bytes(spreadsheet.to_xlsx(tables, "nl"))
    (folder / "export.csv").write_bytes(spreadsheet.to_csv(tables[0], "nl"))
    return folder, tables


def test_the_workbook_converts_with_names_whole_and_dates_as_dates(
        exported: tuple[Path, list[export.Table]]) -> None:
    folder, tables = exported
    out = convert(folder / "export.xlsx", AS_SHOWN, folder / "from-xlsx")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    header, body = rows[0], rows[1:]
    assert header == tables[0].header
    assert len(body) == len(tables[0].rows)
    name, due = header.index("Naam"), header.index("Deadline (Europe/Amsterdam)")
    assert FULL_NAME in {r[name] for r in body}
    assert "=SUM(A1)" in {r[name] for r in body}  # text, shown as typed: no apostrophe
    # A date cell is shown in the workbook's date format (a text cell would be as written)
    for row, source in zip(body, tables[0].rows, strict=True):
        assert row[due] == source[header.index("Deadline (Europe/Amsterdam)")].strftime(
            "%d-%m-%Y %H:%M")


def test_the_csv_opens_with_dates_as_date_cells_and_no_visible_escape(
        exported: tuple[Path, list[export.Table]]) -> None:
    folder, tables = exported
    out = convert(folder / "export.csv", "xlsx", folder / "from-csv", infilter="CSV:59,34,76,1")
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    body = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(body) == len(tables[0].rows)
    name, due = header.index("Naam"), header.index("Deadline (Europe/Amsterdam)")
    names = {r[name] for r in body}
    assert FULL_NAME in names and "Zoë" in names and 'Anne "AJ"' in names
    formula_like = {n for n in names if n and n.endswith("=SUM(A1)")}
    assert formula_like == {"\u200b=SUM(A1)"}  # text; the escape is invisible, not a "'"
    assert all(isinstance(r[due], datetime) for r in body)
    assert body[0][due] == tables[0].rows[0][header.index("Deadline (Europe/Amsterdam)")]
