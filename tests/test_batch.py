"""`kehoach run` over real files: outcomes, resumability, time limit, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pipeline.batch import collect_inputs, run_batch
from pipeline.cli import main
from pipeline.models import PlanResult

PLANS = Path(__file__).resolve().parent.parent / "corpus" / "plans"
PLAN = PLANS / "xuan-hung_KH-02_2025.txt"


def _batch_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(PLAN, folder / "plan.txt")
    (folder / "sub" / "empty.txt").write_bytes(b"")
    (folder / "sub" / "notes.odt").write_bytes(b"not a plan")
    (folder / "~$plan.docx").write_bytes(b"word lock file")
    return folder


def test_collect_walks_folders_and_lists_other_files_as_skipped(tmp_path):
    folder = _batch_folder(tmp_path)
    wanted, skipped = collect_inputs([folder])
    assert [p.name for p in wanted] == ["plan.txt", "empty.txt"]
    assert [p.name for p in skipped] == ["notes.odt"]


def test_batch_records_every_file_and_writes_valid_results(tmp_path):
    folder = _batch_folder(tmp_path)
    out = tmp_path / "out"
    summary = run_batch([folder], out, jobs=2, progress=False)
    by_name = {Path(o.path).name: o for o in summary.outcomes}
    assert by_name["plan.txt"].status == "ok"
    assert by_name["empty.txt"].status == "failed"
    assert by_name["empty.txt"].error_code == "empty"
    assert "empty.txt" in by_name["empty.txt"].message
    assert by_name["notes.odt"].status == "skipped"
    [result_file] = (out / "docs").glob("plan-*.txt.json")
    assert by_name["plan.txt"].output == f"docs/{result_file.name}"
    result = PlanResult.model_validate_json(result_file.read_text(encoding="utf-8"))
    assert result.doc_id == "plan" and result.format == "txt"
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert any(json.loads(line).get("error") == "empty" for line in lines)


def test_rerun_skips_unchanged_files_and_gives_identical_outputs(tmp_path):
    folder = _batch_folder(tmp_path)
    out = tmp_path / "out"
    run_batch([folder], out, jobs=1, progress=False)
    [result_file] = (out / "docs").glob("plan-*.txt.json")
    first = result_file.read_bytes()
    first_jsonl = (out / "results.jsonl").read_bytes()
    summary = run_batch([folder], out, jobs=1, progress=False)
    assert {o.status for o in summary.outcomes if o.status != "skipped"} == {"unchanged"}
    assert result_file.read_bytes() == first
    assert (out / "results.jsonl").read_bytes() == first_jsonl
    forced = run_batch([folder], out, jobs=1, force=True, progress=False)
    assert forced.count("ok") == 1
    assert result_file.read_bytes() == first


def test_changed_file_is_processed_again(tmp_path):
    folder = _batch_folder(tmp_path)
    out = tmp_path / "out"
    run_batch([folder], out, jobs=1, progress=False)
    with (folder / "plan.txt").open("a", encoding="utf-8") as stream:
        stream.write("\nMột đoạn bổ sung.\n")
    summary = run_batch([folder], out, jobs=1, progress=False)
    assert [Path(o.path).name for o in summary.outcomes if o.status == "ok"] == ["plan.txt"]


def test_a_file_over_the_time_limit_is_stopped_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLAN, folder / "a_small.txt")
    text = PLAN.read_text(encoding="utf-8")
    (folder / "b_huge.txt").write_text("\n\n".join([text] * 400), encoding="utf-8")
    shutil.copy(PLAN, folder / "c_small.txt")
    summary = run_batch([folder], tmp_path / "out", jobs=1, timeout=5.0, progress=False)
    by_name = {Path(o.path).name: o for o in summary.outcomes}
    assert by_name["b_huge.txt"].status == "failed"
    assert by_name["b_huge.txt"].error_code == "timeout"
    assert by_name["a_small.txt"].status == "ok"
    assert by_name["c_small.txt"].status == "ok"


def test_same_file_name_in_two_folders_gives_two_outputs(tmp_path):
    for commune in ("xa-a", "xa-b"):
        (tmp_path / commune).mkdir()
        shutil.copy(PLAN, tmp_path / commune / "ke-hoach.txt")
    out = tmp_path / "out"
    summary = run_batch([tmp_path / "xa-a", tmp_path / "xa-b"], out, jobs=2, progress=False)
    assert summary.count("ok") == 2
    assert len(list((out / "docs").glob("ke-hoach*.txt.json"))) == 2


def test_exit_codes(tmp_path, capsys):
    folder = _batch_folder(tmp_path)
    assert main(["run", str(folder), "--out", str(tmp_path / "o1"), "--no-progress"]) == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    assert main(["run", str(bad), "--out", str(tmp_path / "o2"), "--no-progress"]) == 1
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o3")]) == 2
    err = capsys.readouterr().err
    assert "empty.txt" in err and "không có tệp hoặc thư mục" in err


def test_results_are_put_on_disk_before_the_manifest_names_them(tmp_path, monkeypatch):
    """A worker writes its result without an fsync (issue 15); the parent syncs every result it has
    not yet synced before each manifest save, so the manifest on disk never names a result that a
    power cut could lose."""
    import pipeline.batch as batch
    from pipeline.outputs import files
    from pipeline.outputs import manifest as manifests

    events: list[tuple[str, list[str]]] = []
    synced: set[str] = set()
    real_sync, real_save = files.sync_folder, manifests.save

    def sync(folder, paths):
        paths = list(paths)
        synced.update(p.name for p in paths)
        events.append(("sync", sorted(p.name for p in paths)))
        real_sync(folder, paths)

    def save(out, manifest):
        named = sorted(Path(e.output).name for e in manifest.values() if e.output)
        assert set(named) <= synced, "the manifest names a result not yet synced"
        events.append(("save", named))
        return real_save(out, manifest)

    real_write = files.write_atomic
    log = tmp_path / "writes.log"  # the worker is another process: it tells through a file

    def write(path, text, durable=True):
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"{durable}\n")
        return real_write(path, text, durable)

    monkeypatch.setattr(batch, "sync_folder", sync)
    monkeypatch.setattr(manifests, "save", save)
    monkeypatch.setattr("pipeline.workers.write_atomic", write)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(PLAN, folder / name)
    summary = run_batch([folder], tmp_path / "out", jobs=1, progress=False, formats=["json"])
    assert summary.count("ok") == 2
    assert log.read_text(encoding="utf-8").split() == ["False", "False"]  # each result written without fsync
    assert [kind for kind, _ in events][:2] == ["sync", "save"]
    assert synced == {path.name for path in (tmp_path / "out" / "docs").glob("*.json")} and len(synced) == 2
    assert events[-1][0] == "save"


def test_without_syncfs_each_result_and_the_folder_are_synced(tmp_path, monkeypatch):
    """Where the system has no syncfs (not Linux), `sync_folder` falls back to an fsync of every
    result and of the folder, so the manifest's guarantee holds there too."""
    import os

    from pipeline.outputs import files

    written = [tmp_path / name for name in ("a.json", "b.json")]
    for path in written:
        files.write_atomic(path, "{}", durable=False)
    monkeypatch.setattr(files, "_syncfs", lambda: None)
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda handle: synced.append(handle) or real_fsync(handle))
    files.sync_folder(tmp_path, written)
    assert len(synced) == (3 if os.name != "nt" else 2)  # each result, then the folder
