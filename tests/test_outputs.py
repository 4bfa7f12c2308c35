"""Every output of a batch tells the same story: same counts in JSON, CSV, XLSX and SQLite; schema holds."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.batch import run_batch
from pipeline.models import RECORD_KINDS, PlanResult
from pipeline.outputs import parse_formats
from pipeline.outputs.labels import column_label
from pipeline.outputs.spreadsheets import sheet_title
from pipeline.outputs.tables import COLUMNS, TABLES
from pipeline.scoring import load_predictions

PLANS = Path(__file__).resolve().parent.parent / "corpus" / "plans"
SCHEMA = Path(__file__).resolve().parent.parent / "pipeline" / "plan_result.schema.json"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    for path in sorted(PLANS.glob("*")):
        if path.suffix in {".txt", ".docx", ".pdf"}:
            (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    out = tmp_path_factory.mktemp("out")
    run_batch([folder], out, jobs=2, progress=False)
    return out


def _results(out: Path) -> list[PlanResult]:
    results, problems = load_predictions(out)
    assert not problems, problems
    return results


def _csv_rows(out: Path, table: str) -> list[dict[str, str]]:
    raw = (out / f"{table}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM so Excel reads Vietnamese"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_counts_agree_across_json_csv_xlsx_and_sqlite(batch):
    results = _results(batch)
    assert results, "the corpus batch produced no result"
    expected = {kind: sum(len(getattr(r, kind)) for r in results) for kind in RECORD_KINDS}
    expected["documents"] = len(results)
    expected["errors"] = 1
    workbook = load_workbook(batch / "kehoach.xlsx", read_only=True)
    database = sqlite3.connect(batch / "kehoach.sqlite")
    jsonl = [json.loads(line) for line in (batch / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(jsonl) == len(results) + 1
    for table, count in expected.items():
        assert len(_csv_rows(batch, table)) == count, table
        assert sum(1 for _ in workbook[sheet_title(table)].iter_rows()) - 1 == count, table
        assert database.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == count, table
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []


def test_vietnamese_survives_every_table(batch):
    documents = _csv_rows(batch, "documents")
    assert any("Nhữ Khê" in (row["meta_place"] or "") for row in documents) or any(
        "nhu-khe" in row["doc_id"] for row in documents
    )
    errors = _csv_rows(batch, "errors")
    assert errors[0]["source_file"].endswith("broken.docx")
    assert "broken.docx" in errors[0]["message"]


def test_workbook_has_frozen_header_filters_and_widths(batch):
    workbook = load_workbook(batch / "kehoach.xlsx")
    assert workbook.sheetnames == [sheet_title(t) for t in (*TABLES, "explanation")]
    assert workbook.sheetnames[0] == "Tổng hợp" and workbook.sheetnames[-1] == "Giải thích"
    sheet = workbook[sheet_title("documents")]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert [c.value for c in sheet[1]] == [column_label("documents", c) for c in COLUMNS["documents"]]
    assert [c.comment.text.rsplit(" ", 1)[-1] for c in sheet[1]] == COLUMNS["documents"]
    assert sheet.column_dimensions["A"].width > 8


def test_rerun_does_not_duplicate_database_rows(batch, tmp_path):
    database = sqlite3.connect(batch / "kehoach.sqlite")
    before = {t: database.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    database.close()
    folder = Path(json.loads((batch / "manifest.json").read_text(encoding="utf-8")).popitem()[0]).parent
    run_batch([folder], batch, jobs=1, force=True, progress=False)
    database = sqlite3.connect(batch / "kehoach.sqlite")
    after = {t: database.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert after == before


def test_published_json_schema_is_current_and_outputs_follow_it(batch):
    jsonschema = pytest.importorskip("jsonschema")
    published = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert published == PlanResult.model_json_schema(), "run `python -m pipeline.schema` to republish the schema"
    for path in sorted((batch / "docs").glob("*.json")):
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), published)


def test_format_choice():
    assert parse_formats("csv, XLSX") == ["csv", "xlsx"]
    assert parse_formats(None) == ["json", "jsonl", "csv", "xlsx", "sqlite"]
    with pytest.raises(ValueError, match="unknown format pdf"):
        parse_formats("csv,pdf")
