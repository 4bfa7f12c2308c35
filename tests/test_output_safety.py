"""What each table output does with text it cannot hold as it is (issue 13, items 2, 5 and 11).

A control character in one plan must not cost the whole batch its workbook and database; a cell
that starts like a formula must stay text in CSV and XLSX; a quote longer than Excel's cell limit is
cut visibly; and an output that cannot be written is reported while the others are still written.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from openpyxl import load_workbook
from run_helpers import PLAN, kehoach

from pipeline.cli import main
from pipeline.outputs import write_outputs
from pipeline.outputs.spreadsheets import sheet_title
from pipeline.outputs.tables import COLUMNS
from pipeline.process import process_file

CONTROL = "\x1b[31m"


def _control_plan(folder: Path) -> Path:
    text = PLAN.read_text(encoding="utf-8").replace("đã tích hợp trên Cổng", f"đã tích hợp{CONTROL} trên\x00 Cổng", 1)
    path = folder / f"ke-hoach{CONTROL[0]}.txt"  # and one in the file name, which lands in every table
    path.write_text(text, encoding="utf-8")
    return path


def _csv(out: Path, table: str) -> list[dict[str, str]]:
    with (out / f"{table}.csv").open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_control_characters_are_shown_not_fatal_in_every_table(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    _control_plan(folder)
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "ký tự điều khiển" in err, err
    workbook = load_workbook(out / "kehoach.xlsx")
    assert workbook[sheet_title("targets")].max_row > 1
    cells = [c.value for sheet in workbook for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("\u241b[31m trên\u2400 Cổng" in cell for cell in cells)  # ␛ and ␀: visible, in their place
    database = sqlite3.connect(out / "kehoach.sqlite")
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [(quote,)] = database.execute("SELECT quote FROM targets WHERE quote LIKE '%trên%Cổng%' LIMIT 1").fetchall()
    assert "\u241b" in quote and "\x1b" not in quote
    assert any("\u241b" in row["quote"] for row in _csv(out, "targets"))
    # The per-document JSON and the JSONL keep the text exactly: JSON can hold any character.
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(CONTROL in target["quote"] for line in lines for target in line.get("targets", []))


def test_cells_that_start_like_a_formula_stay_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["=1+2", "+1", "-1", "@SUM(A1)", '=HYPERLINK("x")']
    for name in names:
        (folder / f"{name}.txt").write_bytes(PLAN.read_bytes())
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--no-progress", "--format", "csv,xlsx"]) == 0
    sheet = load_workbook(out / "kehoach.xlsx")[sheet_title("documents")]
    doc_ids = {row[0].value: row[0].data_type for row in sheet.iter_rows(min_row=2, max_col=1)}
    assert set(doc_ids) == set(names)
    assert set(doc_ids.values()) == {"s"}, "a cell became a formula"
    for sheet in load_workbook(out / "kehoach.xlsx"):
        assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"], sheet.title
    # CSV: a leading apostrophe, as OWASP advises, so that Excel shows the text and runs nothing.
    assert sorted(row["doc_id"] for row in _csv(out, "documents")) == sorted(f"'{name}" for name in names)


def test_a_cell_longer_than_excel_holds_is_cut_visibly_and_kept_whole_elsewhere(tmp_path):
    result = process_file(PLAN)
    long_quote = ("Ủy ban nhân dân xã triển khai nhiệm vụ chuyển đổi số. " * 1000)[:49_609]
    result.targets[0].quote = long_quote
    report = write_outputs(tmp_path, [result], [], ["csv", "xlsx", "sqlite"])
    sheet = load_workbook(tmp_path / "kehoach.xlsx")[sheet_title("targets")]
    column = COLUMNS["targets"].index("quote")
    cell = sheet.cell(row=2, column=column + 1).value
    assert len(cell) <= 32_767
    assert "cắt ở ký tự 32,767 trên 49,609" in cell
    assert any("bị cắt" in warning and "kehoach.xlsx" in warning for warning in report.warnings), report.warnings
    assert _csv(tmp_path, "targets")[0]["quote"] == long_quote
    database = sqlite3.connect(tmp_path / "kehoach.sqlite")
    assert database.execute("SELECT length(quote) FROM targets LIMIT 1").fetchone()[0] == 49_609


def test_an_output_that_cannot_be_written_is_reported_and_the_others_are_written(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(PLAN.read_bytes())
    out = tmp_path / "out"
    (out / "kehoach.xlsx").mkdir(parents=True)  # a folder where the workbook should go
    assert main(["run", str(folder), "--out", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "không ghi được kehoach.xlsx" in err, err
    assert "Traceback" not in err
    assert (out / "documents.csv").is_file() and (out / "results.jsonl").is_file()
    database = sqlite3.connect(out / "kehoach.sqlite")
    assert database.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1


def test_control_characters_never_reach_the_terminal(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    plan = _control_plan(folder)
    (folder / "\x1b]0;owned\x07.txt").write_bytes(b"")  # would retitle the terminal if printed raw
    done = kehoach("run", folder, "--out", tmp_path / "out", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert "\\x1b]0;owned\\x07.txt" in done.stderr
    shown = kehoach("show", plan)
    assert shown.returncode == 0, shown.stderr
    assert "\\x1b" in shown.stdout
    for output in (done.stderr, shown.stdout, shown.stderr):
        assert not [c for c in output if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
