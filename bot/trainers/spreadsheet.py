"""Export tables written as CSV or as an Excel workbook (.xlsx, with openpyxl).

CSV: UTF-8 *with* a byte-order mark (Excel on Windows otherwise reads ANSI and breaks every
accented name), ``;`` for Dutch trainers and ``,`` for English ones, moments as
``2025-06-30 17:00`` (the one form both Excel, in any locale, and LibreOffice read as a
date). A text cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``,
``-``, ``@``, a tab or a return) gets an invisible zero-width space in front: the usual
apostrophe shows up in the cell when Excel or LibreOffice opens a CSV file.

.xlsx: see ``bot.trainers.workbook``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime

from bot.trainers.export import Cell, Table, separator

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
INVISIBLE = "\u200b"  # zero-width space
CSV_MOMENT = "%Y-%m-%d %H:%M"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(CSV_MOMENT)
    text = str(value)
    return INVISIBLE + text if isinstance(value, str) and text.startswith(FORMULA_START) \
        else text


def to_csv(table: Table, lang: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator(lang), lineterminator="\r\n")
    writer.writerow([csv_text(h) for h in table.header])
    writer.writerows([csv_text(v) for v in row] for row in table.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(tables: Sequence[Table], lang: str) -> bytes:
    """The tables as a workbook. openpyxl (with numpy) is imported here, on the first export,
    not when the bot starts: it is most of a second of every start for something trainers
    do now and then."""
    from bot.trainers import workbook

    return workbook.to_xlsx(tables, lang)
