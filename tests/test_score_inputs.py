"""`kehoach score` on damaged inputs (issue 13, item 11): a gold file it leaves out is named, and a
truncated UTF-8 file gives a message naming it, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

from run_helpers import PLAN, ROOT, kehoach

from pipeline.cli import main

GOLD = ROOT / "gold" / f"{PLAN.stem}.json"


def _run_folder(tmp_path: Path) -> Path:
    pred = tmp_path / "pred"
    assert kehoach("run", PLAN, "--out", pred, "--no-progress").returncode == 0
    return pred


def test_a_gold_file_left_out_is_named(tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLD, gold / GOLD.name)
    shutil.copy(GOLD, gold / f"{PLAN.stem} (1).json")  # a copy a file manager made: not a doc_id name
    pred = _run_folder(tmp_path)
    assert main(["score", "--gold", str(gold), "--pred", str(pred)]) == 0
    out = capsys.readouterr().out
    assert f"{PLAN.stem} (1).json" in out and "ignored" in out, out


def test_a_truncated_utf8_gold_file_is_named_not_a_traceback(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    data = GOLD.read_bytes()
    cut = data.index("Ủ".encode()) + 1  # in the middle of a two-byte character
    (gold / GOLD.name).write_bytes(data[:cut])
    done = kehoach("score", "--gold", gold, "--pred", _run_folder(tmp_path))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and GOLD.name in done.stderr, done.stderr


def test_a_truncated_utf8_manifest_in_the_run_folder_does_not_stop_scoring(tmp_path):
    pred = _run_folder(tmp_path)
    (pred / "manifest.json").write_bytes('{"ké'.encode()[:-1])
    done = kehoach("score", "--gold", ROOT / "gold", "--pred", pred)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
