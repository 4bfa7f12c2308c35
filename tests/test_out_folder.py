"""The state kept in --out between runs (issue 13, items 9, 10 and 11).

A damaged, foreign or older database and a manifest of the wrong shape are moved aside and rebuilt
from docs/*.json, with a warning naming them; a second run into a folder a first run is writing
refuses with a clear message; every output describes the same files (everything ever run into the
folder); a read-only folder and a full disk give a clear line, never a traceback, and a full disk is
not blamed on the file.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from run_helpers import (
    PLAN,
    PLANS,
    big_plan,
    children,
    in_own_mounts,
    kehoach,
    kehoach_line,
    namespaces_work,
    start_kehoach,
    wait_for,
)

from pipeline.cli import main
from pipeline.outputs.spreadsheets import sheet_title
from pipeline.outputs.tables import COLUMNS

SECOND = PLANS / "thanh-son_22-KH-DU_2025.txt"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLAN, folder / "a.txt")
    shutil.copy(SECOND, folder / "b.txt")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _run(folder: Path, out: Path, capsys) -> str:
    capsys.readouterr()
    assert main(["run", str(folder), "--out", str(out), "--no-progress"]) == 0
    return capsys.readouterr().err


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:3000])


def _foreign(path: Path) -> None:
    path.unlink()
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE people (name TEXT)")
    other.commit()
    other.close()


def _older_schema(path: Path) -> None:
    database = sqlite3.connect(path)
    database.execute("ALTER TABLE documents DROP COLUMN n_warnings")
    database.commit()
    database.close()


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database at all\n" * 100)


@pytest.mark.parametrize("damage", [_truncate, _foreign, _older_schema, _garbage])
def test_a_damaged_or_older_database_is_moved_aside_and_rebuilt(tmp_path, capsys, damage):
    folder, out = _folder(tmp_path), tmp_path / "out"
    _run(folder, out, capsys)
    damage(out / "kehoach.sqlite")
    err = _run(folder, out, capsys)
    [aside] = list(out.glob("kehoach.sqlite.*"))
    assert "kehoach.sqlite" in err and aside.name in err, err
    database = sqlite3.connect(out / "kehoach.sqlite")
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert database.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    assert database.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == 1
    assert database.execute("SELECT COUNT(*) FROM targets").fetchone()[0] > 0


@pytest.mark.parametrize("content", ['["a.txt"]', '{"a.txt": 5}', '{"a.txt": {"status": 3}}', "{trunc"])
def test_a_manifest_of_the_wrong_shape_is_moved_aside_and_rebuilt_from_the_results(tmp_path, capsys, content):
    folder, out = _folder(tmp_path), tmp_path / "out"
    _run(folder, out, capsys)
    (out / "manifest.json").write_text(content, encoding="utf-8")
    err = _run(folder, out, capsys)
    assert "manifest.json" in err and "đã chuyển sang" in err, err
    assert list(out.glob("manifest.json.*")), "the damaged manifest was not kept"
    assert "không đổi 2" in err, "the results in docs/ were not reused"  # empty.txt is simply read again
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(Path(source).name for source in manifest) == ["a.txt", "b.txt", "empty.txt"]


def test_every_output_describes_every_file_run_into_the_folder(tmp_path, capsys):
    folder, out = _folder(tmp_path), tmp_path / "out"
    for name in ("a.txt", "b.txt"):
        assert main(["run", str(folder / name), "--out", str(out), "--no-progress"]) == 0
    expected = {str(folder / "a.txt"), str(folder / "b.txt")}
    with (out / "documents.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert {row["source_file"] for row in csv.DictReader(stream)} == expected
    sheet = load_workbook(out / "kehoach.xlsx")[sheet_title("documents")]
    column = COLUMNS["documents"].index("source_file")
    assert {row[column] for row in sheet.iter_rows(min_row=2, values_only=True)} == expected
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["source"] for line in lines} == expected
    database = sqlite3.connect(out / "kehoach.sqlite")
    assert {row[0] for row in database.execute("SELECT source_file FROM documents")} == expected
    assert len(list((out / "docs").glob("*.json"))) == 2


def test_a_second_run_into_a_folder_being_written_refuses_with_a_clear_message(tmp_path):
    out = tmp_path / "out"
    slow = big_plan(tmp_path / "slow" / "dai.txt", copies=60)
    first = start_kehoach("run", slow.parent, "--out", out, "--no-progress", "--jobs", "1")
    try:
        assert wait_for(lambda: bool(children(first.pid)), 60), "the first run started no worker"
        second = kehoach("run", PLAN, "--out", out, "--no-progress")
        assert second.returncode == 1, second.stderr
        assert "một lần chạy kehoach khác" in second.stderr and str(first.pid) in second.stderr, second.stderr
        assert "Traceback" not in second.stderr
    finally:
        _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    again = kehoach("run", PLAN, "--out", out, "--no-progress")
    assert again.returncode == 0, again.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {Path(source).name for source in manifest} == {"dai.txt", PLAN.name}


needs_namespaces = pytest.mark.skipif(not namespaces_work(), reason="no user and mount namespaces here")


@needs_namespaces
def test_a_read_only_output_folder_gives_one_clear_line(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    done = in_own_mounts(
        f"mount -t tmpfs -o ro,size=1m tmpfs {out} && {kehoach_line('run', PLAN, '--out', out, '--no-progress')}"
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert f"không ghi được vào {out}" in done.stderr and "chỉ cho đọc" in done.stderr, done.stderr


@needs_namespaces
def test_a_full_disk_is_not_blamed_on_the_file_and_the_file_is_retried(tmp_path):
    folder = _folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    first, second = tmp_path / "first.err", tmp_path / "second.err"
    run = kehoach_line("run", folder, "--out", out, "--no-progress", "--jobs", "1")
    done = in_own_mounts(
        f"mount -t tmpfs -o size=24k tmpfs {out} && {run} 2> {first}; echo $? >> {first}; "
        f"mount -o remount,size=20m {out} && {run} 2> {second}"
    )
    full = first.read_text(encoding="utf-8")
    assert "Traceback" not in full, full
    assert "đĩa đã đầy" in full, full
    assert "hãy báo lỗi này kèm theo tệp" not in full, full
    assert "a.txt" in full and "b.txt" in full
    assert done.returncode == 0, second.read_text(encoding="utf-8")
    after = second.read_text(encoding="utf-8")
    assert "đã xử lý 2," in after, after  # the files the disk refused were tried again
