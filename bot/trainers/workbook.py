""".xlsx export with openpyxl: one sheet per table; moments are date cells, numbers are
numbers, and every text is stored as text (a name like ``=SUM(A1)`` is never a formula, and
needs no escape). Loaded only when a trainer asks for a workbook (see
``spreadsheet.to_xlsx``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as OpenpyxlCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from bot.trainers.export import Cell, Table

MOMENT_WIDTH = len("2025-06-30 17:00")
XLSX_MOMENT = {"nl": "dd-mm-yyyy hh:mm", "en": "yyyy-mm-dd hh:mm"}
MAX_WIDTH, WIDE_TEXT = 40, 60
SHEET_NAME = 31  # Excel's limit


def to_xlsx(tables: Sequence[Table], lang: str) -> bytes:
    """A workbook written in openpyxl's streaming mode (a class of 30 with a term's work
    takes a fraction of a second)."""
    book = Workbook(write_only=True)
    moment = XLSX_MOMENT.get(lang, XLSX_MOMENT["en"])
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for table in tables:
        sheet = book.create_sheet(table.title[:SHEET_NAME])
        for i, width in enumerate(_widths(table), 1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "C2"
        last = get_column_letter(max(1, len(table.header)))
        sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
        sheet.append([_cell(sheet, h, moment, font=bold) for h in table.header])
        for values in table.rows:
            sheet.append([_cell(sheet, v, moment, wrap) for v in values])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(sheet: WriteOnlyWorksheet, value: Cell, moment: str, wrap: Alignment | None = None,
          font: Font | None = None) -> OpenpyxlCell | Cell:
    """Plain values go in as they are (fast); a cell object only where a value needs a
    format, a style or protection from being read as a formula."""
    if font is None and (value is None or isinstance(value, int) or (
            isinstance(value, str) and not value.startswith("=")
            and len(value) <= WIDE_TEXT and ILLEGAL_CHARACTERS_RE.search(value) is None)):
        return value
    cell = WriteOnlyCell(sheet, value=_text(value) if isinstance(value, str) else value)
    if isinstance(value, datetime):
        cell.number_format = moment
    elif isinstance(value, str):
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
        if wrap is not None and len(value) > WIDE_TEXT:
            cell.alignment = wrap
    if font is not None:
        cell.font = font
    return cell


def _widths(table: Table) -> list[float]:
    widths = [len(h) for h in table.header]
    for values in table.rows:
        for i, v in enumerate(values):
            size = MOMENT_WIDTH + 6 if isinstance(v, datetime) else \
                len(str(v)) if v is not None else 0
            widths[i] = max(widths[i], size)
    return [min(MAX_WIDTH, w + 2) for w in widths]


def _text(value: str) -> str:
    """Control characters that XML cannot hold (a learner can type them) are dropped."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)
