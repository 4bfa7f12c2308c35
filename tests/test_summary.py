"""The outputs a provincial officer uses the same day: one row per plan, answers by one filter each,
a workbook that prints, every column and code explained, locations counted from 1 (issue 14).

The questions are asked of a real run of corpus/plans, the way a person asks them in Excel: open
the "Tổng hợp" sheet, find the column by its Vietnamese header, keep the rows whose cell has one
value. The answer is checked against the per-document JSON results, read independently.
"""

from __future__ import annotations

import csv
import sqlite3
import typing
from datetime import datetime
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from pydantic import BaseModel

import pipeline.models as models
from pipeline.batch import run_batch
from pipeline.i18n import catalogue
from pipeline.models import PlanResult
from pipeline.outputs.labels import column_label
from pipeline.outputs.spreadsheets import DATE_FORMAT, sheet_title
from pipeline.outputs.summary import summary_row, summary_rows
from pipeline.outputs.tables import COLUMNS, TABLES, table_columns
from pipeline.process import process_file
from pipeline.scoring import load_predictions

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "corpus" / "plans"


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    run_batch([PLANS], out, jobs=2, progress=False)
    return out


@pytest.fixture(scope="module")
def results(run) -> list[PlanResult]:
    found, problems = load_predictions(run)
    assert not problems and found
    return found


def _filtered(sheet, table: str, column: str, keep) -> set[str]:
    """The plan ids of the rows an Excel filter on one column keeps: the column found by the
    header a person reads, not by its raw name."""
    headers = [cell.value for cell in sheet[1]]
    where = headers.index(column_label(table, column))
    plan = headers.index(column_label(table, "doc_id"))
    return {row[plan] for row in sheet.iter_rows(min_row=2, values_only=True) if keep(row[where])}


def test_the_staffs_questions_take_one_filter_each(run, results):
    workbook = load_workbook(run / "kehoach.xlsx")
    summary = workbook[sheet_title("summary")]
    assert workbook.sheetnames[0] == summary.title == "Tổng hợp"
    plans = {r.doc_id for r in results}
    assert summary.max_row - 1 == len(plans), "one row per plan, not per file"

    cites_57 = {r.doc_id for r in results if any(c.number == "57-NQ/TW" for c in r.citations)}
    assert _filtered(summary, "summary", "cites_57_nq_tw", lambda v: v == 1) == cites_57
    assert cites_57 and cites_57 != plans, "the corpus must tell plans apart for this to test anything"

    by_2030 = {r.doc_id for r in results if any((t.by or "").startswith("2030") for t in r.targets)}
    assert _filtered(summary, "summary", "targets_2030", lambda v: v > 0) == by_2030
    assert by_2030 and by_2030 != plans

    no_deadline = {r.doc_id for r in results if not r.deadlines}
    assert _filtered(summary, "summary", "n_deadlines", lambda v: v == 0) == no_deadline

    # Who leads each task: the tasks sheet, the lead column beside the task's own words.
    tasks = workbook[sheet_title("tasks")]
    headers = [cell.value for cell in tasks[1]]
    lead, quote = headers.index(column_label("tasks", "lead")), headers.index(column_label("tasks", "quote"))
    assert lead < 5 and quote < 5, "the lead must be among the first columns, not after the machine ones"
    shown = sorted((row[quote], row[lead] or "") for row in tasks.iter_rows(min_row=2, values_only=True))
    assert shown == sorted((t.quote, "; ".join(t.lead)) for r in results for t in r.tasks)


def test_the_summary_is_the_same_in_csv_and_sqlite(run, results):
    with (run / "summary.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert {row["doc_id"] for row in rows} == {r.doc_id for r in results}
    assert all(row["formats"] == "docx, txt, pdf" for row in rows), [row["formats"] for row in rows]
    database = sqlite3.connect(run / "kehoach.sqlite")
    cited = {doc_id for (doc_id,) in database.execute("SELECT doc_id FROM summary WHERE implements_02_kh_bcdtw = 1")}
    assert cited == {row["doc_id"] for row in rows if row["implements_02_kh_bcdtw"] == "1"} != set()
    years = [c for c in table_columns("summary", rows) if c.startswith("targets_2")]
    assert years and years == sorted(years)
    assert [row[1] for row in database.execute("PRAGMA table_info(summary)")][1:] == list(rows[0])


def test_dates_are_date_cells_and_counts_are_numbers(run):
    sheet = load_workbook(run / "kehoach.xlsx")[sheet_title("summary")]
    headers = [cell.value for cell in sheet[1]]
    date = headers.index(column_label("summary", "date"))
    dated = [row[date] for row in sheet.iter_rows(min_row=2) if isinstance(row[date].value, datetime)]
    assert dated and all(cell.number_format == DATE_FORMAT for cell in dated)
    targets = headers.index(column_label("summary", "n_targets"))
    assert all(isinstance(row[targets], int) for row in sheet.iter_rows(min_row=2, values_only=True))


def test_every_sheet_prints_on_a4_landscape_fitted_to_width_with_its_header(run):
    workbook = load_workbook(run / "kehoach.xlsx")
    assert workbook.sheetnames[-1] == "Giải thích"
    for sheet in workbook:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.paperSize == 9, sheet.title  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0, "fit to width only, as many pages down as needed"
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref, sheet.title
    documents = workbook[sheet_title("documents")]
    printed = documents.print_area.split("!")[-1]
    headers = [cell.value for cell in documents[1]]
    assert column_label("documents", "content_hash") in headers, "machine columns stay in the sheet"
    last = printed.split(":")[1].strip("$0123456789")
    assert documents[f"{last}1"].value not in {
        column_label("documents", c) for c in ("content_hash", "pipeline_version")
    }


def test_long_texts_wrap_in_a_bounded_width_and_rows_are_tall_enough(run):
    sheet = load_workbook(run / "kehoach.xlsx")[sheet_title("tasks")]
    headers = [cell.value for cell in sheet[1]]
    quote = headers.index(column_label("tasks", "quote")) + 1
    letter = sheet.cell(row=1, column=quote).column_letter
    width = sheet.column_dimensions[letter].width
    assert 20 <= width <= 60
    long_rows = [row for row in sheet.iter_rows(min_row=2) if len(str(row[quote - 1].value)) > 3 * width]
    assert long_rows, "the corpus has long task quotes"
    for row in long_rows:
        assert row[quote - 1].alignment.wrap_text
        assert (sheet.row_dimensions[row[0].row].height or 15) >= 45, "a wrapped row must not spill over the next"


def test_the_explanation_sheet_explains_every_column_and_code(run):
    sheet = load_workbook(run / "kehoach.xlsx")["Giải thích"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    explained = {(row[0], row[2]) for row in rows}
    with (run / "summary.csv").open(encoding="utf-8-sig", newline="") as stream:
        summary_columns = next(csv.reader(stream))
    for table in TABLES:
        columns = summary_columns if table == "summary" else COLUMNS[table]
        for column in columns:
            assert (sheet_title(table), column) in explained, (table, column)
    meanings = {(row[2], row[1]): row[3] for row in rows}
    assert meanings[("relation", "implements")].startswith("Triển khai thực hiện")
    assert meanings[("role", "lead")].startswith("Chủ trì")
    assert meanings[("kind", "ongoing")].startswith("Thường xuyên")
    assert all(row[3] for row in rows), "every row says what it means"


def _literal_fields() -> dict[str, set[str]]:
    """Every field of every model in pipeline.models whose type is (or holds) a Literal, with its values."""
    found: dict[str, set[str]] = {}

    def values(annotation) -> set[str]:
        if typing.get_origin(annotation) is typing.Literal:
            return {str(v) for v in typing.get_args(annotation)}
        return {v for arg in typing.get_args(annotation) for v in values(arg)}

    for model in vars(models).values():
        if isinstance(model, type) and issubclass(model, BaseModel):
            for name, field in model.model_fields.items():
                if values(field.annotation):
                    found.setdefault(name, set()).update(values(field.annotation))
    return found


def test_columns_json_labels_every_column_and_every_code_value():
    keys = catalogue()
    for table, columns in COLUMNS.items():
        assert f"table.{table}" in keys and f"tabledesc.{table}" in keys, table
        for column in columns:
            for prefix in ("col", "coldesc"):
                assert f"{prefix}.{table}.{column}" in keys, f"{prefix}.{table}.{column}"
            assert keys[f"col.{table}.{column}"]["vi"] != column, f"{table}.{column} has no Vietnamese label"
    assert "{year}" in keys["col.summary.targets_year"]["vi"], "the per-year columns share one pattern label"
    literals = _literal_fields()
    assert {"relation", "role", "kind", "doc_type"} <= set(literals)
    for field, values in literals.items():
        for value in values:
            assert f"code.{field}.{value}" in keys, f"code.{field}.{value}"


def test_no_column_needs_quoting_in_sql():
    """A column named like an SQL keyword (`group`, `table`) fails unquoted in SQLite, and `row`,
    `column`, `by`, `end` are reserved in standard SQL: no table may use one."""
    reserved = {"group", "table", "row", "column", "by", "end", "order", "values", "key", "start", "user"}
    database = sqlite3.connect(":memory:")
    for table, columns in COLUMNS.items():
        assert not reserved & set(columns), table
        database.execute(f"CREATE TABLE t_{table} ({', '.join(f'{c} TEXT' for c in columns)})")
        database.execute(f"SELECT {', '.join(columns)} FROM t_{table} ORDER BY {columns[0]}")


def test_formats_that_disagree_are_named_with_their_counts():
    txt, docx_result = (process_file(PLANS / f"tan-phong_45-KH-UBND_2025.{ext}") for ext in ("txt", "docx"))
    assert summary_row([txt, docx_result])["format_differences"] is None
    docx_result.targets = docx_result.targets[:-2]
    row = summary_row([txt, docx_result])
    assert row["formats"] == "docx, txt"
    assert row["format_differences"] == f"chỉ tiêu: docx {len(docx_result.targets)}, txt {len(txt.targets)}"
    assert row["n_targets"] == len(docx_result.targets), "the row shows the first format's figures"
    docx_result.metadata.number = "99/KH-UBND"
    assert summary_row([txt, docx_result])["format_differences"].endswith(
        f"; số hiệu: docx 99/KH-UBND, txt {txt.metadata.number}"
    )


def test_year_columns_come_from_the_data():
    result = process_file(PLANS / "tan-phong_45-KH-UBND_2025.txt")
    result.targets[0].by = "2035"
    rows = summary_rows([result])
    columns = table_columns("summary", rows)
    assert "targets_2035" in columns and rows[0]["targets_2035"] == 1
    assert column_label("summary", "targets_2035") == "Chỉ tiêu đến 2035"
    at = columns.index("n_targets")
    years = [c for c in columns if c[len("targets_") :].isdigit()]
    assert columns[at + 1 : at + 1 + len(years)] == sorted(years)


def test_docx_locations_count_from_one_and_point_at_the_quote():
    """Read back with python-docx, an independent reader: paragraph n is `paragraphs[n - 1]`, table
    cell (t, r, c) is `tables[t - 1].rows[r - 1].cells[c - 1]`, and the quote starts there."""
    path = PLANS / "tan-phong_45-KH-UBND_2025.docx"
    result = process_file(path)
    document = docx.Document(str(path))
    checked = 0
    for kind in ("citations", "targets", "deadlines", "bodies", "tasks"):
        for record in getattr(result, kind):
            where = record.source
            if where.table_no:
                text = document.tables[where.table_no - 1].rows[where.row_no - 1].cells[where.column_no - 1].text
            elif where.paragraph:
                text = document.paragraphs[where.paragraph - 1].text
            else:
                continue
            assert " ".join(record.quote.split()[:3]) in " ".join(text.split()), (kind, where, record.quote)
            checked += 1
    assert checked > 20


def test_txt_table_locations_count_from_one():
    path = PLANS / "tan-phong_45-KH-UBND_2025.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    result = process_file(path)
    cells = [r for kind in ("tasks", "deadlines") for r in getattr(result, kind) if r.source and r.source.table_no]
    assert cells
    for record in cells:
        assert record.source.table_no >= 1 and record.source.row_no >= 1
        row = lines[record.source.line - 1].strip().strip("|").split("|")
        assert " ".join(record.quote.split()[:2]) in " ".join(row[record.source.column_no - 1].split())
