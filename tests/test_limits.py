"""What kehoach refuses before reading, and what one file may cost (issue 13, items 6 and 11).

Size is checked before a file is read and before a .docx part is unpacked, with the flag that raises
the limit; a worker's memory is capped so that one file fails, not the machine; FIFOs, devices and
dangling links are named, never read; bad flag values are usage errors.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from run_helpers import PLAN, PLANS, big_plan, docx_with_document_xml, kehoach

from pipeline.batch import run_batch
from pipeline.cli import main
from pipeline.i18n import say


def _by_name(summary) -> dict:
    return {Path(o.path).name: o for o in summary.outcomes}


def test_a_file_over_the_size_limit_fails_before_it_is_read(tmp_path):
    big = big_plan(tmp_path / "in" / "dai.txt", copies=120)  # 1.5 MB
    shutil.copy(PLAN, tmp_path / "in" / "plan.txt")
    done = kehoach("run", tmp_path / "in", "--out", tmp_path / "out", "--no-progress", "--max-size", "1")
    assert done.returncode == 0, done.stderr
    err = done.stderr
    assert say("advice.too_large") in err and "--max-size" in err and big.name in err, err
    assert "đã xử lý 1, lỗi 1," in done.stderr


def test_a_docx_part_over_the_size_limit_is_not_unpacked(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    docx_with_document_xml(folder / "bom.docx", padding=3_000_000)  # 3 MB of XML in a small package
    assert (folder / "bom.docx").stat().st_size < 300_000
    outcome = _by_name(run_batch([folder], tmp_path / "out", jobs=1, progress=False, max_mb=1))["bom.docx"]
    assert outcome.error_code == "too_large", outcome.message
    assert "word/document.xml" in outcome.message and "--max-size" in outcome.message


def test_a_file_needing_more_memory_than_a_worker_may_use_fails_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    docx_with_document_xml(folder / "a_bom.docx", padding=0, paragraphs=600_000)  # ~40 MB of paragraphs
    shutil.copy(PLAN, folder / "b_plan.txt")
    summary = _by_name(run_batch([folder], tmp_path / "out", jobs=1, progress=False, memory_mb=700))
    assert summary["a_bom.docx"].error_code == "memory", summary["a_bom.docx"].message
    assert "--memory" in summary["a_bom.docx"].message
    assert summary["b_plan.txt"].status == "ok"


def test_a_worker_killed_at_its_memory_cap_is_reported_as_memory_not_as_a_crash(tmp_path):
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(PLANS / "nhu-khe_10-KH-DU_2025.pdf")
    long = pdfium.PdfDocument.new()
    while len(long) < 300:
        long.import_pages(source)
    long.save(tmp_path / "dai.pdf")  # pdfium aborts the process (SIGABRT) when an allocation fails
    # --memory is what the file may take beyond the worker's start; 300 pages need more than 100 MB
    done = kehoach("run", tmp_path / "dai.pdf", "--out", tmp_path / "out", "--no-progress", "--memory", "100")
    assert say("advice.memory") in done.stderr and "--memory" in done.stderr, done.stderr
    assert say("advice.crash") not in done.stderr


def test_show_refuses_a_device_instead_of_reading_it_forever():
    done = kehoach("show", "/dev/zero", timeout=30)
    assert done.returncode == 1
    assert say("advice.not_a_file") in done.stderr and "/dev/zero" in done.stderr, done.stderr


def test_a_fifo_named_directly_does_not_hang(tmp_path):
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    done = kehoach("run", fifo, "--out", tmp_path / "out", "--no-progress", timeout=60)
    assert done.returncode == 1, done.stderr
    assert say("advice.not_a_file") in done.stderr and "plan.txt" in done.stderr, done.stderr


def test_fifos_and_dangling_links_in_a_folder_are_named(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLAN, folder / "plan.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.docx").symlink_to(tmp_path / "nowhere.docx")
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "pipe.txt" in err and "gone.docx" in err, err
    assert "đã xử lý 1, lỗi 2," in err, err


def test_a_file_of_nul_bytes_is_not_a_plan(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "nul.txt").write_bytes(b"\x00" * 1_000_000)
    [outcome] = run_batch([tmp_path / "in"], tmp_path / "out", jobs=1, progress=False).outcomes
    assert outcome.status == "failed" and outcome.error_code == "empty", outcome


def test_a_bad_byte_is_reported_where_it_is(tmp_path):
    data = PLAN.read_bytes()
    at = data.index(b" ", 3800)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(data[:at] + b"\x81" + data[at + 1 :])
    [outcome] = run_batch([tmp_path / "in"], tmp_path / "out", jobs=1, progress=False).outcomes
    assert outcome.error_code == "unreadable"
    assert f"byte {at:,}" in outcome.message, outcome.message


@pytest.mark.parametrize("flag", ["--timeout", "--max-size", "--memory"])
@pytest.mark.parametrize("value", ["0", "-5", "nan", "inf"])
def test_limits_must_be_positive_numbers(tmp_path, capsys, flag, value):
    with pytest.raises(SystemExit) as stop:
        main(["run", str(PLAN), "--out", str(tmp_path / "out"), flag, value])
    assert stop.value.code == 2
    assert flag in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
