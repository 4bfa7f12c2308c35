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


def test_document_texts_are_found_from_any_working_folder(tmp_path, monkeypatch):
    """gold/real/dev's `source` is relative to the project: from another folder the text must still be found,
    or the records are paired without the document-order tie-break and the score depends on the folder."""
    from pipeline.scoring import load_gold, load_texts

    gold_dir = ROOT / "gold" / "real" / "dev"
    gold = {doc_id: doc for doc_id, doc in load_gold(gold_dir).items() if doc_id.startswith("son-la_254")}
    monkeypatch.chdir(tmp_path)
    texts = load_texts(gold, gold_dir)
    assert set(texts) == set(gold) and all(texts.values())
