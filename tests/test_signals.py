"""Stopping a run (issue 13, items 8 and 11): workers die with their parent, and Ctrl-C or SIGTERM
ends a run with one clean line, no traceback, and a rerun finishes the rest."""

from __future__ import annotations

import os
import signal
import time

from run_helpers import alive, big_plan, children, kehoach, start_kehoach, wait_for


def _slow_batch(tmp_path, files: int = 2):
    folder = tmp_path / "in"
    for i in range(files):
        big_plan(folder / f"dai-{i}.txt", copies=40)  # each a few seconds of work
    return folder


def _started(tmp_path, **options):
    process = start_kehoach(
        "run", _slow_batch(tmp_path), "--out", tmp_path / "out", "--jobs", "2", "--no-progress", **options
    )
    assert wait_for(lambda: len(children(process.pid)) == 2, 60), "the run started no workers"
    time.sleep(0.5)  # let the workers take their files
    return process, children(process.pid)


def test_workers_die_when_their_parent_is_killed(tmp_path):
    process, workers = _started(tmp_path)
    os.kill(process.pid, signal.SIGKILL)  # the parent only, as the OOM killer or `kill -9 PID` would
    process.wait()
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 10), "orphaned workers still run"


def _stopped_cleanly(tmp_path, send) -> None:
    process, workers = _started(tmp_path, start_new_session=True)
    send(process)
    _, err = process.communicate(timeout=60)
    assert process.returncode in (130, 143), (process.returncode, err)
    assert "Traceback" not in err, err
    assert "chạy lại đúng lệnh này" in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 10), "workers outlived the run"
    rerun = kehoach("run", tmp_path / "in", "--out", tmp_path / "out", "--no-progress", timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "lỗi 0," in rerun.stderr, rerun.stderr
    assert len(list((tmp_path / "out" / "docs").glob("*.json"))) == 2


def test_sigterm_ends_a_run_with_one_clean_line(tmp_path):
    _stopped_cleanly(tmp_path, lambda process: os.kill(process.pid, signal.SIGTERM))


def test_ctrl_c_ends_a_run_with_one_clean_line(tmp_path):
    # A terminal sends SIGINT to the whole foreground process group: the parent and its workers.
    _stopped_cleanly(tmp_path, lambda process: os.killpg(process.pid, signal.SIGINT))
