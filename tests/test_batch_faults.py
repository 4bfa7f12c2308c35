"""A provincial-size batch with bad files in it, and a run killed halfway then run again."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import run_batch
from pipeline.models import PlanResult

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "corpus" / "plans"
FIXTURES = ROOT / "tests" / "fixtures"
BAD_FIXTURES = ["truncated.docx", "encrypted.pdf", "scanned.pdf", "empty.txt", "old_binary.docx"]


def _make_batch(folder: Path, good: int, bad: int) -> tuple[list[Path], list[Path]]:
    """`good` copies of the corpus renditions (made unique by a trailing line) and `bad` broken files."""
    rng = random.Random(57)
    sources = sorted(p for p in PLANS.iterdir() if p.suffix in {".txt", ".docx", ".pdf"})
    goods, bads = [], []
    for i in range(good):
        source = sources[i % len(sources)]
        target = folder / f"xa-{i:03d}" / source.name
        target.parent.mkdir(parents=True)
        data = source.read_bytes()
        if source.suffix == ".txt":
            data += f"\nBản số {i}.\n".encode()
        target.write_bytes(data)
        goods.append(target)
    for i in range(bad):
        name = BAD_FIXTURES[i % len(BAD_FIXTURES)]
        target = folder / f"hong-{i:03d}" / name
        target.parent.mkdir(parents=True)
        if (FIXTURES / name).exists():
            target.write_bytes((FIXTURES / name).read_bytes())
        else:
            target.write_bytes(rng.randbytes(2048))
        bads.append(target)
    random_pdf = folder / "hong-random" / "random.pdf"
    random_pdf.parent.mkdir()
    random_pdf.write_bytes(rng.randbytes(4096))
    bads.append(random_pdf)
    return goods, bads


@pytest.mark.slow
def test_batch_of_300_with_bad_files_records_every_file(tmp_path):
    goods, bads = _make_batch(tmp_path / "in", good=270, bad=29)
    summary = run_batch([tmp_path / "in"], tmp_path / "out", jobs=2, progress=False, formats=["json", "sqlite"])
    by_path = {o.path: o for o in summary.outcomes}
    assert len(by_path) == len(goods) + len(bads)
    assert all(by_path[str(p)].status == "ok" for p in goods)
    assert all(by_path[str(p)].status == "failed" and by_path[str(p)].message for p in bads)
    database = sqlite3.connect(tmp_path / "out" / "kehoach.sqlite")
    assert database.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(goods)
    assert database.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == len(bads)


@pytest.mark.slow
def test_run_killed_halfway_then_rerun_ends_complete(tmp_path):
    goods, bads = _make_batch(tmp_path / "in", good=120, bad=10)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.cli", "run", str(tmp_path / "in"), "--out", str(out), "--jobs", "2"]
    process = subprocess.Popen([*command, "--no-progress"], cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / "docs").glob("*.json"))) < 30:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the whole group: parent and workers, as a power cut would
    process.wait()
    assert len(list((out / "docs").glob("*.json"))) < len(goods), "the run finished before it could be killed"

    rerun = subprocess.run([*command, "--no-progress"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    outputs = sorted((out / "docs").glob("*.json"))
    assert len(outputs) == len(goods)
    assert not list(out.rglob("*.tmp")), "temporary files of the killed run were left behind"
    for path in outputs:
        PlanResult.model_validate_json(path.read_text(encoding="utf-8"))  # complete, parseable
    database = sqlite3.connect(out / "kehoach.sqlite")
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert database.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(goods)
    assert database.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == len(bads)
