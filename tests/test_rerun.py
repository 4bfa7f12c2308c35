"""What a rerun into the same folder reuses, and what it must not (issue 13, items 1, 3 and 4).

A rerun takes from the manifest only outcomes that depend on nothing but the file's content and the
pipeline version; a timeout is tried again. A file name that is not UTF-8 is processed and named in
every output. Two files of the same name in two folders, run one after the other into one --out,
each keep their own result.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

from run_helpers import PLAN, PLANS, big_plan

from pipeline.batch import run_batch
from pipeline.cli import main
from pipeline.models import PlanResult


def _by_name(summary) -> dict:
    return {Path(o.path).name: o for o in summary.outcomes}


def _result(out: Path, outcome) -> PlanResult:
    return PlanResult.model_validate_json((out / outcome.output).read_text(encoding="utf-8"))


def test_a_timeout_is_not_cached_and_the_next_run_tries_it_again(tmp_path):
    folder = tmp_path / "in"
    big_plan(folder / "dai.txt", copies=30)  # ~380 KB: well over a second, even on a fast machine
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    first = _by_name(run_batch([folder], out, jobs=1, timeout=0.3, progress=False))
    assert first["dai.txt"].error_code == "timeout"
    assert first["empty.txt"].error_code == "empty"
    second = _by_name(run_batch([folder], out, jobs=1, progress=False))
    assert second["dai.txt"].status == "ok", "a timeout was taken from the manifest instead of being retried"
    assert second["empty.txt"].status == "unchanged"  # an empty file stays empty: no need to read it again
    assert second["empty.txt"].error_code == "empty"


def test_unchanged_failures_are_listed_in_the_summary(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLAN, folder / "plan.txt")
    (folder / "empty.txt").write_bytes(b"")
    arguments = ["run", str(folder), "--out", str(tmp_path / "out"), "--no-progress"]
    assert main(arguments) == 0
    capsys.readouterr()
    assert main(arguments) == 0
    err = capsys.readouterr().err
    assert "empty.txt" in err, err
    assert "đã lỗi từ lần trước" in err, err


def test_a_file_name_that_is_not_utf8_is_processed_and_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"k\xe9-ho\xe1ch.txt")  # Latin-1 bytes, as unzip leaves a Windows archive's names
    shutil.copy(PLAN, folder / name)
    out = tmp_path / "out"
    summary = run_batch([folder], out, jobs=1, progress=False)
    [outcome] = summary.outcomes
    assert outcome.status == "ok", outcome.message
    assert outcome.path.endswith("k\\xe9-ho\\xe1ch.txt")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert list(manifest) == [outcome.path]
    assert _result(out, outcome).source == outcome.path
    database = sqlite3.connect(out / "kehoach.sqlite")
    assert database.execute("SELECT source_file FROM documents").fetchall() == [(outcome.path,)]
    assert outcome.path in (out / "documents.csv").read_text(encoding="utf-8-sig")
    again = run_batch([folder], out, jobs=1, progress=False)
    assert [o.status for o in again.outcomes] == ["unchanged"]


def test_same_name_in_two_folders_run_one_after_the_other_keeps_each_result(tmp_path):
    a, b = tmp_path / "xa-a" / "ke-hoach.txt", tmp_path / "xa-b" / "ke-hoach.txt"
    a.parent.mkdir()
    b.parent.mkdir()
    shutil.copy(PLAN, a)
    shutil.copy(PLANS / "thanh-son_22-KH-DU_2025.txt", b)
    out = tmp_path / "out"
    run_batch([a.parent], out, jobs=1, progress=False)
    run_batch([b.parent], out, jobs=1, progress=False)
    for path in (a, b, a):
        [outcome] = run_batch([path.parent], out, jobs=1, progress=False).outcomes
        result = _result(out, outcome)
        assert result.source == str(path)
        assert result.content_hash == hashlib.sha256(path.read_bytes()).hexdigest(), "another file's result"


def test_a_cached_result_that_is_not_this_files_is_not_reused(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLAN, folder / "a.txt")
    shutil.copy(PLANS / "thanh-son_22-KH-DU_2025.txt", folder / "b.txt")
    out = tmp_path / "out"
    first = _by_name(run_batch([folder], out, jobs=1, progress=False))
    (out / first["a.txt"].output).write_bytes((out / first["b.txt"].output).read_bytes())
    second = _by_name(run_batch([folder], out, jobs=1, progress=False))
    assert second["a.txt"].status == "ok", "b's result was taken for a"
    assert second["b.txt"].status == "unchanged"
    assert _result(out, second["a.txt"]).source == str(folder / "a.txt")


def _stats(out: Path) -> dict[str, tuple[int, int]]:
    return {
        path.relative_to(out).as_posix(): (path.stat().st_mtime_ns, path.stat().st_ino)
        for path in out.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    }


def test_a_rerun_that_changes_nothing_writes_nothing_and_a_change_rebuilds_the_tables(tmp_path):
    """Issue 15: an unchanged rerun touches no file (no table, database or manifest rewritten);
    a deleted output is written again, and a changed file updates the tables."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLAN, folder / "a.txt")
    shutil.copy(PLANS / "thanh-son_22-KH-DU_2025.txt", folder / "b.txt")
    out = tmp_path / "out"
    run_batch([folder], out, jobs=1, progress=False)
    before = _stats(out)
    assert "outputs.stamp.json" in before and "kehoach.xlsx" in before
    summary = run_batch([folder], out, jobs=1, progress=False)
    assert {o.status for o in summary.outcomes} == {"unchanged"}
    assert _stats(out) == before, "an unchanged rerun rewrote a file"

    (out / "kehoach.xlsx").unlink()
    run_batch([folder], out, jobs=1, progress=False)
    assert (out / "kehoach.xlsx").exists(), "a deleted workbook was not written again"

    with (folder / "b.txt").open("a", encoding="utf-8") as stream:
        stream.write("\nPhụ lục thêm.\n")
    rows = sqlite3.connect(out / "kehoach.sqlite").execute("SELECT content_hash FROM documents").fetchall()
    summary = _by_name(run_batch([folder], out, jobs=1, progress=False))
    assert summary["b.txt"].status == "ok" and summary["a.txt"].status == "unchanged"
    after = sqlite3.connect(out / "kehoach.sqlite").execute("SELECT content_hash FROM documents").fetchall()
    assert sorted(after) != sorted(rows), "the database was not updated for the changed file"
    assert (out / "documents.csv").stat().st_mtime_ns != before["documents.csv"][0]
