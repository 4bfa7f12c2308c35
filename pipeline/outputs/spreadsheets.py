"""CSV tables and one XLSX workbook: the forms provincial staff open in Excel.

CSV files are UTF-8 *with* a byte-order mark: without it Excel on Windows reads them as the local
code page and Vietnamese turns to mojibake. The workbook has one sheet per table, the header row
frozen, filters on, and column widths set from the content so it reads without resizing. What a
cell may hold (no live formulas, Excel's length limit) is decided in `cells`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pipeline.outputs.cells import CellCounts, csv_cell, looks_like_formula, xlsx_text
from pipeline.outputs.files import write_atomic
from pipeline.outputs.tables import COLUMNS

MAX_COLUMN_WIDTH = 60


def write_csv_tables(tables: dict[str, list[dict[str, Any]]], out: Path) -> list[Path]:
    written = []
    for name, rows in tables.items():
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS[name], extrasaction="ignore", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)
        path = out / f"{name}.csv"
        write_atomic(path, "\ufeff" + buffer.getvalue())
        written.append(path)
    return written


def write_workbook(tables: dict[str, list[dict[str, Any]]], path: Path, counts: CellCounts | None = None) -> Path:
    """The workbook; `counts.cut` counts the cells cut to Excel's length limit."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    counts = counts if counts is not None else CellCounts()
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in tables.items():
        sheet = workbook.create_sheet(title=name)
        columns = COLUMNS[name]
        sheet.append(columns)
        for row in rows:
            values = [xlsx_text(v, counts) if isinstance(v, str) else v for v in (row.get(c) for c in columns)]
            sheet.append(values)
            for index, value in enumerate(values, start=1):
                if looks_like_formula(value):
                    cell = sheet.cell(row=sheet.max_row, column=index)
                    cell.data_type = "s"  # text, not the formula openpyxl would write
                    cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        if columns:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
        for index, column in enumerate(columns, start=1):
            longest = max([len(column), *(len(str(row.get(column) or "")) for row in rows[:500])])
            sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_COLUMN_WIDTH)
            if longest > MAX_COLUMN_WIDTH:
                for cell in sheet.iter_cols(min_col=index, max_col=index, min_row=2):
                    for c in cell:
                        c.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(path, buffer.getvalue())
    return path
