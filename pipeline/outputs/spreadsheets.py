"""CSV tables and one XLSX workbook: the forms provincial staff open in Excel, and print.

CSV files are UTF-8 *with* a byte-order mark: without it Excel on Windows reads them as the local
code page and Vietnamese turns to mojibake. They keep the raw column names and ISO dates, for
programs.

The workbook is for people. Its first sheet is the one-row-per-plan summary ("Tổng hợp"), its
last explains every sheet, column and code value ("Giải thích"). Each header cell shows the
column's Vietnamese label; its raw name (the CSV and SQLite name) is in the cell's comment and in
the explanation sheet, so it is never in the way of a printed page yet always findable. Dates are
date cells (dd/mm/yyyy), numbers number cells. Identifying columns come first and the machine
ones last; long texts wrap in a bounded width so a row never spills over its neighbours. Every
sheet prints on A4 landscape, fitted to the page width, with the header row repeated on each
page, and its print area stops before the machine columns (location numbers, hashes, versions),
which the "place" column already says in words. What a cell may hold (no live formulas, Excel's
length limit) is decided in `cells`.

The workbook is written in openpyxl's write-only mode (rows streamed to the file, not held as
cell objects). A batch streams its rows in too (`WorkbookStream`, `CsvStream`): each result's rows
are written as the result is read, a sheet holding back only its first `SAMPLED_ROWS` rows (its
column widths come from them), so the parent never holds every result (issue 15). Every style the
data cells use is made first, in one fixed order (`_Styles`), so the file's bytes do not depend on
the order the sheets were filled in: the streamed workbook is byte for byte `write_workbook`'s.
"""

from __future__ import annotations

import csv
import io
import math
import re
import shutil
import tempfile
from collections.abc import Iterable
from copy import copy
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.i18n import say
from pipeline.models import SourceLocation
from pipeline.outputs.cells import FORMULA_STARTS, CellCounts, csv_cell, looks_like_formula, xlsx_text
from pipeline.outputs.files import AtomicFile, write_atomic
from pipeline.outputs.labels import (
    code_meaning,
    code_values,
    column_description,
    column_label,
    table_description,
    table_title,
)
from pipeline.outputs.tables import TABLES, table_columns

DATE_COLUMNS = {"date", "meta_date", "start_date", "end_date", "by_date"}
DATE_FORMAT = "DD/MM/YYYY"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Columns kept out of the printed area (they come last in every table): location numbers, hashes
# and versions are for machines, and the file path is long while the plan id already names it.
UNPRINTED_COLUMNS = {
    *SourceLocation.model_fields,
    "span_start",
    "span_end",
    "content_hash",
    "pipeline_version",
    "source_file",
    "source_files",
}
# Long texts get a wider column, wrapped at this width; any other column wraps beyond MAX_WIDTH.
WIDE_COLUMNS = {"quote": 50, "title": 50, "meta_title": 50, "message": 50, "format_differences": 40, "meaning": 70}
MAX_WIDTH = 28
MIN_WIDTH = 6
HEADER_WIDTH = 10  # a label longer than this wraps onto more lines rather than widen a number column
LINE_HEIGHT = 15  # points per line of 11-point text
CHARACTERS_PER_WIDTH = 1.2
MAX_ROW_HEIGHT = 409  # Excel's limit
SAMPLED_ROWS = 500
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
EXPLANATION = "explanation"


def _csv_writer(stream: Any, columns: list[str]) -> csv.DictWriter:
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    return writer


def _csv_rows(rows: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    return ({key: csv_cell(value) for key, value in row.items()} for row in rows)


def write_csv_tables(tables: dict[str, list[dict[str, Any]]], out: Path) -> list[Path]:
    written = []
    for name, rows in tables.items():
        buffer = io.StringIO()
        _csv_writer(buffer, table_columns(name, rows)).writerows(_csv_rows(rows))
        path = out / f"{name}.csv"
        write_atomic(path, "\ufeff" + buffer.getvalue())
        written.append(path)
    return written


class CsvStream:
    """The CSV tables written row by row as results come (`add`), each to a temporary file until
    `finish` renames them all; the same bytes as `write_csv_tables` given the same rows. The summary,
    whose year columns depend on every plan, is written whole at the end."""

    def __init__(self, out: Path, streamed: Iterable[str] = tuple(name for name in TABLES if name != "summary")):
        self.out = out
        self.files: dict[str, AtomicFile] = {}
        self.writers: dict[str, csv.DictWriter] = {}
        try:
            for name in streamed:
                self._open(name, table_columns(name, []))
        except BaseException:
            self.discard()
            raise

    def _open(self, name: str, columns: list[str]) -> None:
        """Table `name`'s temporary file, begun as `write_csv_tables` begins one: the BOM, the header."""
        self.files[name] = AtomicFile(self.out / f"{name}.csv")
        self.files[name].stream.write("\ufeff")
        self.writers[name] = _csv_writer(self.files[name].stream, columns)

    def add(self, table: str, rows: list[dict[str, Any]]) -> None:
        self.writers[table].writerows(_csv_rows(rows))

    def finish(self, whole: dict[str, list[dict[str, Any]]]) -> list[Path]:
        """Write the tables given `whole` (the summary, the errors), then make every file final; the
        paths in `TABLES` order."""
        try:
            for name, rows in whole.items():
                if name not in self.files:
                    self._open(name, table_columns(name, rows))
                self.add(name, rows)
            order = [name for name in TABLES if name in self.files] + [n for n in self.files if n not in TABLES]
            return [self.files.pop(name).commit() for name in order]
        finally:
            self.discard()

    def discard(self) -> None:
        for file in self.files.values():
            file.discard()
        self.files.clear()


def sheet_title(table: str) -> str:
    """A table's Vietnamese title as Excel allows a sheet name (31 characters, no []:*?/\\)."""
    return SHEET_NAME_FORBIDDEN.sub(" ", table_title(table))[:31]


def column_width(column: str, label: str, values: list[Any]) -> tuple[int, bool]:
    """A column's width in characters and whether its cells wrap: wide enough for most of its
    values (the 90th percentile of a sample, so one long cell does not widen the column), never
    narrower than the label's longest word, and bounded, longer texts wrapping."""
    lengths = sorted(len(str(value)) for value in values if value is not None and value != "")
    typical = lengths[int(len(lengths) * 0.9)] if lengths else 0
    longest = lengths[-1] if lengths else 0
    header = max(max(len(word) for word in label.split()), min(len(label), HEADER_WIDTH))
    width = max(header, min(typical, WIDE_COLUMNS.get(column, MAX_WIDTH)), MIN_WIDTH)
    return width + 2, longest > width


def wrapped_lines(text: str, width: int, density: float = CHARACTERS_PER_WIDTH) -> int:
    """How many lines `text` takes wrapped in a column `width` wide. A width counts digit widths;
    a line of Vietnamese text holds about a fifth more letters than that (measured in the PNGs of
    docs/make_screenshots_xlsx.py), less a margin for words that do not fit at a line's end."""
    usable = max(int(width * density) - 3, 1)
    return sum(max(math.ceil(len(line) / usable), 1) for line in text.split("\n"))


def row_height(
    values: list[Any], widths: list[int], wraps: list[bool], density: float = CHARACTERS_PER_WIDTH
) -> float | None:
    """The height a row needs for its wrapped cells, or None (one line). Set explicitly, because
    LibreOffice keeps a row one line high and draws the wrapped lines over the next rows."""
    lines = max(
        (
            wrapped_lines(str(v), w, density)
            for v, w, wrap in zip(values, widths, wraps, strict=True)
            if wrap and v not in (None, "")
        ),
        default=1,
    )
    return min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT) if lines > 1 else None


def _printable(sheet: Any, last_printed_column: int, n_rows: int) -> None:
    """A4 landscape, fitted to the page width, the header row on every page, gridlines printed."""
    from openpyxl.utils import get_column_letter

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4 in the OOXML paper-size table (openpyxl: Worksheet.PAPERSIZE_A4)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_title_rows = "1:1"
    sheet.print_area = f"A1:{get_column_letter(max(last_printed_column, 1))}{max(n_rows, 1)}"


# Every kind of data cell, (wraps, is a date, is formula-like text), in the order their styles are made.
_CELL_KINDS = [
    (False, False, False),
    (True, False, False),
    (False, True, False),
    (True, True, False),
    (False, False, True),
    (True, False, True),
]


class _Styles:
    """The few styles the workbook uses, made once (openpyxl shares equal styles in the file), all of
    them before any cell is written and always in the same order: the header's, then each kind of data
    cell's. The workbook's style list is then the same whichever sheet is filled first."""

    def __init__(self, sheet: Any) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill

        from pipeline.outputs import xlsx_rows  # openpyxl: only once a workbook is written

        self.rows = xlsx_rows

        self.header_font = Font(name="Calibri", size=11, bold=True)
        self.header_fill = PatternFill("solid", fgColor="DDEBF7")
        self.header_alignment = Alignment(wrap_text=True, vertical="top")
        self.wrapped = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        # A data cell's style ids and its entry in the workbook's style list, by (wraps, is a date, is
        # formula-like text): setting a style attribute hashes the style into the workbook's lists on
        # every cell, so it is done once per kind and the ids reused after that (issue 15).
        self.arrays: dict[tuple[bool, bool, bool], tuple[Any, str]] = {}
        header = WriteOnlyCell(sheet, "")
        header.font, header.fill, header.alignment = self.header_font, self.header_fill, self.header_alignment
        _ = header.style_id  # registered now, not at the first sheet's header
        for wrap, is_date, formula in _CELL_KINDS:
            # made from a value of its kind, as a real cell is: a date registers openpyxl's own date format
            cell = WriteOnlyCell(sheet, date(2000, 1, 1) if is_date else "=" if formula else "")
            cell.alignment = self.wrapped if wrap else self.top
            if is_date:
                cell.number_format = DATE_FORMAT
            elif formula:
                cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
            self.arrays[wrap, is_date, formula] = (copy(cell._style), f"{cell.style_id}")


def _cell(sheet: Any, value: Any, column: str, wrap: bool, styles: _Styles, counts: CellCounts) -> Any:
    """A data cell: a `Prepared` one for the direct writer (`xlsx_rows`) where its value allows, else
    an openpyxl cell, with the style `_Styles` made for its kind."""
    if column in DATE_COLUMNS and isinstance(value, str) and ISO_DAY.match(value):
        value = date.fromisoformat(value)
    elif isinstance(value, str):
        value = xlsx_text(value, counts)
    is_date = isinstance(value, date)
    formula = not is_date and looks_like_formula(value)
    known = styles.arrays[wrap, is_date, formula]
    if styles.rows.simple(value, sheet.parent.iso_dates):
        return styles.rows.Prepared((value, known[1], "s" if formula else styles.rows.data_type(value)))
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value)
    if formula:
        cell.data_type = "s"  # text, not the formula openpyxl would write
    cell._style = copy(known[0])  # the ids `_Styles` made for this kind of cell
    return cell


# The kinds of data cell `_Sheet._marked` writes, as (is a date, is formula-like text).
_DIRECT_KINDS = [(False, False), (True, False), (False, True)]


def _header(sheet: Any, label: str, raw: str, styles: _Styles) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment

    cell = WriteOnlyCell(sheet, label)
    cell.font, cell.fill, cell.alignment = styles.header_font, styles.header_fill, styles.header_alignment
    if raw != label:
        cell.comment = Comment(say("xlsx_raw_name", name=raw), "kehoach")
    return cell


class _Sheet:
    """One sheet being written: its columns, their widths and whether each wraps, and its rows so far."""

    def __init__(self, sheet: Any, columns: list[str], labels: list[str]):
        self.sheet, self.columns, self.labels = sheet, columns, labels
        self.direct: Any = None  # `xlsx_rows.FastRows`, once the header is written
        self.marked: Any = None  # `xlsx_rows.Marked`
        self.styles: list[tuple[str, str, str, bool]] = []
        self.widths: list[int] = []
        self.wraps: list[bool] = []
        self.rows = 0

    def open(self, sample: list[list[Any]], styles: _Styles) -> None:
        """Column widths from the `sample` rows, the header row, and what prints; before any data row
        (a write-only sheet writes its columns before its first row)."""
        from openpyxl.utils import get_column_letter

        sheet, columns = self.sheet, self.columns
        for index, (column, label) in enumerate(zip(columns, self.labels, strict=True), start=1):
            width, wrap = column_width(column, label, [row[index - 1] for row in sample[:SAMPLED_ROWS]])
            sheet.column_dimensions[get_column_letter(index)].width = width
            self.widths.append(width)
            self.wraps.append(wrap and column not in UNPRINTED_COLUMNS)  # a long path must not make every row tall
        sheet.freeze_panes = "A2"
        self._print(1)  # fitting to the page is written before the rows; the print area is set again at the end
        height = row_height(self.labels, self.widths, [True] * len(columns), density=1.0)  # bold labels, all wrap
        if height:
            sheet.row_dimensions[1].height = height
        sheet.append([_header(sheet, label, raw, styles) for raw, label in zip(columns, self.labels, strict=True)])
        self.direct, self.marked = styles.rows.FastRows(sheet), styles.rows.Marked
        self.direct.install()  # the data rows: written directly (`xlsx_rows`)
        # Each column's style ids for (text or number, date, formula-like text), and whether it holds dates.
        self.styles = [
            (*(styles.arrays[wrap, is_date, formula][1] for is_date, formula in _DIRECT_KINDS), column in DATE_COLUMNS)
            for column, wrap in zip(columns, self.wraps, strict=True)
        ]

    def _print(self, n_rows: int) -> None:
        printed = [i for i, column in enumerate(self.columns, start=1) if column not in UNPRINTED_COLUMNS]
        _printable(self.sheet, max(printed, default=len(self.columns)), n_rows)

    def append(self, rows: list[list[Any]], styles: _Styles, counts: CellCounts) -> None:
        sheet, columns = self.sheet, self.columns
        for values in rows:
            number = self.rows + 2
            height = row_height(values, self.widths, self.wraps)
            if height:
                sheet.row_dimensions[number].height = height
            marked = self._marked(values, counts) if self.direct is not None and self.direct.installed else None
            sheet.append(
                marked
                if marked is not None
                else [
                    _cell(sheet, v, column, wrap, styles, counts)
                    for v, column, wrap in zip(values, columns, self.wraps, strict=True)
                ]
            )
            self.rows += 1

    def _marked(self, values: list[Any], counts: CellCounts) -> Any:
        """The row as `_cell` then `xlsx_rows` would write it, made in one pass over its values (most of
        a workbook's time was spent per cell, ~1.9 million cells for 1,000 plans: issue 15); None where
        a value is not of the common kinds (the row then goes through `_cell`, unchanged)."""
        direct = self.direct
        tails: list[str] = []
        blanks: list[int] = []
        cut = CellCounts()
        for index, (value, (plain, dated, formula, date_column)) in enumerate(zip(values, self.styles, strict=True)):
            kind = type(value)
            if value is None:
                blanks.append(index)
                tails.append(f'" s="{plain}" t="n"></c>')
            elif kind is str:
                if date_column and ISO_DAY.match(value):
                    day = date.fromisoformat(value)
                    if self.sheet.parent.iso_dates:
                        return None
                    tails.append(direct.cell_tail(day, dated, "d"))
                    continue
                value = xlsx_text(value, cut)
                tail = direct.text_cell(value, formula if value.startswith(FORMULA_STARTS) else plain)
                if tail is None:
                    return None
                if value == "":
                    blanks.append(index)
                tails.append(tail)
            elif kind is int or (kind is float and math.isfinite(value)):
                tails.append(direct.cell_tail(value, plain, "n"))
            else:
                return None
        counts.cut += cut.cut
        return self.marked(tails, blanks)

    def close(self) -> None:
        """What depends on the number of rows: the print area and the filter (written at the end)."""
        from openpyxl.utils import get_column_letter

        self._print(self.rows + 1)
        if self.columns:
            self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self.rows + 1}"


def _write_sheet(
    workbook: Any,
    table: str,
    columns: list[str],
    labels: list[str],
    rows: list[list[Any]],
    styles: _Styles,
    counts: CellCounts,
    sheet: Any = None,
) -> None:
    one = _Sheet(sheet if sheet is not None else workbook.create_sheet(title=sheet_title(table)), columns, labels)
    one.open(rows, styles)
    one.append(rows, styles, counts)
    one.close()


def explanation_rows(tables: dict[str, list[dict[str, Any]]]) -> list[list[Any]]:
    """The "Giải thích" sheet: each sheet and what a row of it is, each column's label, raw name
    and meaning, then each code value and its meaning; all from the catalogue."""
    rows: list[list[Any]] = []
    for table, table_rows in tables.items():
        rows.append([sheet_title(table), "", table, table_description(table)])
        for column in table_columns(table, table_rows):
            rows.append([sheet_title(table), column_label(table, column), column, column_description(table, column)])
    for field, values in code_values().items():
        for value in values:
            rows.append([say("xlsx_code_value"), value, field, code_meaning(field, value)])
    return rows


def _save(workbook: Any, path: Path) -> Path:
    """Save to an anonymous temporary file where openpyxl keeps its sheets, then copy it to `path`
    atomically: the zip is never held whole in memory, and a full disk at `path` fails the copy, not
    openpyxl half-way through its sheets (which then complains on stderr as it is collected)."""
    with tempfile.TemporaryFile() as made:
        workbook.save(made)
        made.seek(0)
        file = AtomicFile(path, text=False)
        try:
            shutil.copyfileobj(made, file.stream, 1 << 20)
        except BaseException:
            file.discard()
            raise
        return file.commit()


def write_workbook(tables: dict[str, list[dict[str, Any]]], path: Path, counts: CellCounts | None = None) -> Path:
    """The workbook; `counts.cut` counts the cells cut to Excel's length limit."""
    from openpyxl import Workbook

    counts = counts if counts is not None else CellCounts()
    workbook = Workbook(write_only=True)
    sheets = [workbook.create_sheet(title=sheet_title(name)) for name in (*tables, EXPLANATION)]
    styles = _Styles(sheets[0])
    for sheet, (name, rows) in zip(sheets, tables.items(), strict=False):
        columns = table_columns(name, rows)
        values = [[row.get(column) for column in columns] for row in rows]
        _write_sheet(workbook, name, columns, [column_label(name, c) for c in columns], values, styles, counts, sheet)
    _write_explanation(workbook, tables, styles, counts, sheets[-1])
    return _save(workbook, path)


def _write_explanation(
    workbook: Any, tables: dict[str, list[dict[str, Any]]], styles: _Styles, counts: CellCounts, sheet: Any
) -> None:
    """The explanation sheet of the workbook's `tables` (of the streamed workbook's too) into `sheet`."""
    explanation_columns = ["sheet", "label", "raw_name", "meaning"]
    _write_sheet(
        workbook,
        EXPLANATION,
        explanation_columns,
        [say(f"xlsx_explain_{column}") for column in explanation_columns],
        explanation_rows(tables),
        styles,
        counts,
        sheet,
    )


class WorkbookStream:
    """The workbook written as results come (`add`), the same bytes as `write_workbook` given the same
    rows. Each sheet holds back its first `SAMPLED_ROWS` rows, from which its column widths are set,
    then writes every row as it comes; the summary and the errors are given whole to `finish`."""

    def __init__(self, path: Path, counts: CellCounts, tables: Iterable[str] = TABLES):
        from openpyxl import Workbook

        self.path, self.counts = path, counts
        self.tables = list(tables)
        self.workbook = Workbook(write_only=True)
        self.sheets = {name: self.workbook.create_sheet(title=sheet_title(name)) for name in self.tables}
        self.explanation = self.workbook.create_sheet(title=sheet_title(EXPLANATION))
        self.styles = _Styles(self.sheets[self.tables[0]] if self.tables else self.explanation)
        self.held: dict[str, list[list[Any]]] = {name: [] for name in self.tables}
        self.open: dict[str, _Sheet] = {}

    def add(self, table: str, rows: list[dict[str, Any]]) -> None:
        columns = table_columns(table, [])
        values = [[row.get(column) for column in columns] for row in rows]
        if table in self.open:
            self.open[table].append(values, self.styles, self.counts)
            return
        self.held[table] += values
        if len(self.held[table]) >= SAMPLED_ROWS:
            self._open(table, columns)

    def _open(self, table: str, columns: list[str]) -> None:
        one = _Sheet(self.sheets[table], columns, [column_label(table, c) for c in columns])
        held = self.held.pop(table)
        one.open(held, self.styles)
        one.append(held, self.styles, self.counts)
        self.open[table] = one

    def finish(self, whole: dict[str, list[dict[str, Any]]]) -> Path:
        """Add the tables given `whole` (the summary, the errors), close every sheet, write the
        explanation sheet and save."""
        for name in self.tables:
            rows = whole.get(name)
            if rows is not None:
                columns = table_columns(name, rows)
                self.held[name] = [[row.get(column) for column in columns] for row in rows]
                self._open(name, columns)
            elif name not in self.open:
                self._open(name, table_columns(name, []))
            self.open[name].close()
        columns_of = {name: whole.get(name, []) for name in self.tables}
        _write_explanation(self.workbook, columns_of, self.styles, self.counts, self.explanation)
        return _save(self.workbook, self.path)
