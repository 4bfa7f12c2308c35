"""`kehoach run`: many plans at once, in parallel worker processes, resumable and safe to interrupt.

Why worker processes we manage ourselves rather than a process pool: a file that hangs (a
pathological PDF) or kills its worker (a crash in a C extension) must be stopped and recorded
while the batch goes on. A pool cannot cancel a running task; here each worker takes one file at
a time over its own pipe, and the parent kills and replaces a worker whose file runs past the
time limit.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing as mp
import os
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from pipeline.errors import KehoachError, TimeoutError_
from pipeline.ingest import SUPPORTED_SUFFIXES
from pipeline.models import PlanResult
from pipeline.outputs import FORMATS, parse_formats, write_outputs
from pipeline.outputs.files import write_atomic
from pipeline.process import content_hash, process_file, result_version

MANIFEST = "manifest.json"
MANIFEST_SAVE_SECONDS = 2.0


@dataclass
class Outcome:
    """What happened to one input file."""

    path: str
    status: str  # "ok", "failed", "skipped", "unchanged"
    output: str | None = None
    error_code: str | None = None
    message: str | None = None
    seconds: float = 0.0
    pages: int | None = None


@dataclass
class BatchSummary:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """Files to process (sorted, de-duplicated) and files skipped for their format.

    Folders are walked recursively; hidden files and Word lock files ("~$plan.docx") are ignored.
    """
    wanted: dict[Path, None] = {}
    skipped: dict[Path, None] = {}
    for given in paths:
        root = Path(given)
        candidates = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in candidates:
            if path.name.startswith((".", "~$")):
                continue
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                wanted[path] = None
            else:
                skipped[path] = None
    return list(wanted), list(skipped)


def output_name(path: Path, taken: set[str]) -> str:
    """`<stem>.<format>.json`: the same plan as .txt, .docx and .pdf gets three results side by side.

    Two different files with the same name (every commune sends "ke-hoach.docx") are told apart by a
    short digest of their path.
    """
    name = f"{path.stem}.{path.suffix.lower().lstrip('.')}.json"
    if name in taken:
        digest = content_hash(str(path.resolve()).encode())[:8]
        name = f"{path.stem}-{digest}.{path.suffix.lower().lstrip('.')}.json"
    taken.add(name)
    return name


def _worker(connection: Connection) -> None:
    """Process the files the parent sends, one at a time, until it sends None."""
    while True:
        task = connection.recv()
        if task is None:
            return
        path, target, digest, nlp = task
        started = time.perf_counter()
        try:
            result = process_file(path, nlp=nlp, digest=digest)
            write_atomic(Path(target), result.model_dump_json(indent=1, exclude_none=False))
            connection.send(("ok", None, None, time.perf_counter() - started, result.pages))
        except KehoachError as error:
            connection.send(("failed", error.code, error.message, time.perf_counter() - started, None))
        except Exception as error:  # a bug or a library crash on one file must not stop the batch
            detail = "".join(traceback.format_exception_only(type(error), error)).strip()
            message = f"{path}: internal error: {detail}; please report it with the file"
            connection.send(("failed", "internal", message, time.perf_counter() - started, None))


class _Slot:
    """One worker process and the file it is working on."""

    def __init__(self, context: mp.context.BaseContext, nlp: bool):
        self.nlp = nlp
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[Path, str] | None = None  # (input, output file)
        self.started = 0.0

    def give(self, path: Path, target: str, digest: str) -> None:
        self.task = (path, target)
        self.started = time.monotonic()
        self.connection.send((str(path), target, digest, self.nlp))

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.connection.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def run_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    jobs: int | None = None,
    force: bool = False,
    timeout: float = 120.0,
    progress: bool = True,
    formats: list[str] | None = None,
    nlp: bool = True,
) -> BatchSummary:
    """Process every plan under `paths` into `out`; return what happened to each file."""
    out = Path(out)
    docs_dir = out / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    for leftover in [*out.glob(".*.tmp"), *docs_dir.glob(".*.tmp")]:  # debris of a run that was killed
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    files, skipped = collect_inputs(paths)
    manifest = _load_manifest(out)
    version = result_version(nlp)
    summary = BatchSummary(outcomes=[Outcome(str(p), "skipped", message="not a .txt, .docx or .pdf") for p in skipped])

    taken: set[str] = set()
    todo: list[tuple[Path, str, str]] = []
    for path in files:
        name = output_name(path, taken)
        digest = content_hash(path.read_bytes())
        previous = manifest.get(str(path))
        target = docs_dir / name
        if (
            not force
            and previous
            and previous.get("content_hash") == digest
            and previous.get("pipeline_version") == version
            and (previous.get("status") != "ok" or target.exists())
        ):
            summary.outcomes.append(
                Outcome(
                    str(path), "unchanged", previous.get("output"), previous.get("error_code"), previous.get("message")
                )
            )
            continue
        todo.append((path, str(target), digest))

    digests = {str(path): digest for path, _, digest in todo}
    saved = time.monotonic()
    for outcome in _run_parallel(todo, jobs or os.cpu_count() or 1, timeout, progress, nlp):
        summary.outcomes.append(outcome)
        manifest[outcome.path] = {
            "content_hash": digests[outcome.path],
            "pipeline_version": version,
            "status": outcome.status,
            "output": outcome.output,
            "error_code": outcome.error_code,
            "message": outcome.message,
        }
        if time.monotonic() - saved > MANIFEST_SAVE_SECONDS:  # a killed run keeps what it finished
            _save_manifest(out, manifest)
            saved = time.monotonic()
    _save_manifest(out, manifest)
    results, errors = _collect_results(out, summary)
    write_outputs(out, results, errors, formats or FORMATS)
    summary.seconds = time.perf_counter() - started
    return summary


def _run_parallel(
    todo: list[tuple[Path, str, str]], jobs: int, timeout: float, progress: bool, nlp: bool = True
) -> Iterator[Outcome]:
    if not todo:
        return
    context = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    slots = [_Slot(context, nlp) for _ in range(min(jobs, len(todo)))]
    queue = todo[::-1]
    bar = _progress_bar(len(todo), progress)
    failures = 0
    try:
        for slot in slots:
            if queue:
                slot.give(*queue.pop())
        while any(slot.task for slot in slots):
            busy = [slot for slot in slots if slot.task]
            ready = wait([slot.connection for slot in busy] + [slot.process.sentinel for slot in busy], timeout=0.5)
            now = time.monotonic()
            for i, slot in enumerate(slots):
                if not slot.task:
                    continue
                path, target = slot.task
                outcome: Outcome | None = None
                if slot.connection in ready:
                    try:
                        status, code, message, seconds, pages = slot.connection.recv()
                        output = str(Path(target).relative_to(Path(target).parent.parent)) if status == "ok" else None
                        outcome = Outcome(str(path), status, output, code, message, seconds, pages)
                    except (EOFError, OSError):
                        outcome = _crashed(slot, path)
                elif slot.process.sentinel in ready or not slot.process.is_alive():
                    outcome = _crashed(slot, path)
                elif now - slot.started > timeout:
                    slot.stop(kill=True)
                    error = TimeoutError_(path, f"stopped after {timeout:.0f} s")
                    outcome = Outcome(str(path), "failed", None, error.code, error.message, now - slot.started)
                    slots[i] = slot = _Slot(context, nlp)
                if outcome is None:
                    continue
                if not slot.process.is_alive():
                    slots[i] = slot = _Slot(context, nlp)
                slot.task = None
                failures += outcome.status == "failed"
                bar.update(1)
                bar.set_postfix(failed=failures, refresh=False)
                yield outcome
                if queue:
                    slot.give(*queue.pop())
    finally:
        bar.close()
        for slot in slots:
            slot.stop(kill=slot.task is not None)


def _crashed(slot: _Slot, path: Path) -> Outcome:
    slot.process.join(timeout=1)
    code = slot.process.exitcode
    message = f"{path}: crash: the worker died (exit code {code}) while reading it; please report it with the file"
    return Outcome(str(path), "failed", None, "crash", message, time.monotonic() - slot.started)


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="kehoach", disable=not enabled, file=sys.stderr, dynamic_ncols=True)


def _save_manifest(out: Path, manifest: dict[str, dict]) -> None:
    write_atomic(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))


def _load_manifest(out: Path) -> dict[str, dict]:
    path = out / MANIFEST
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, OSError):
        return {}  # a damaged manifest only costs a full rerun


def _collect_results(out: Path, summary: BatchSummary) -> tuple[list[PlanResult], list[dict[str, str]]]:
    """This run's results (processed now or unchanged) and errors, for the tables and the database."""
    results: list[PlanResult] = []
    errors: list[dict[str, str]] = []
    for outcome in summary.outcomes:
        if outcome.status in {"ok", "unchanged"} and outcome.output:
            results.append(PlanResult.model_validate_json((out / outcome.output).read_text(encoding="utf-8")))
        elif outcome.status in {"failed", "unchanged"} and outcome.error_code:
            errors.append({"source_file": outcome.path, "error": outcome.error_code, "message": outcome.message or ""})
    return results, errors


def print_summary(summary: BatchSummary, out: Path) -> None:
    processed = summary.count("ok")
    failed = [o for o in summary.outcomes if o.status == "failed"]
    unchanged = summary.count("unchanged")
    skipped = [o for o in summary.outcomes if o.status == "skipped"]
    rate = processed / summary.seconds if summary.seconds else 0.0
    print(
        f"kehoach run: {processed} processed, {len(failed)} failed, {unchanged} unchanged, "
        f"{len(skipped)} skipped in {summary.seconds:.1f} s ({rate:.1f} docs/s) → {out}",
        file=sys.stderr,
    )
    for outcome in failed:
        print(f"  failed: {outcome.message}", file=sys.stderr)
    for outcome in skipped:
        print(f"  skipped: {outcome.path} ({outcome.message})", file=sys.stderr)


def run_command(args) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"kehoach run: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("kehoach run: --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        formats = parse_formats(args.format)
    except ValueError as error:
        print(f"kehoach run: {error}", file=sys.stderr)
        return 2
    out = Path(args.out)
    summary = run_batch(
        args.paths,
        out,
        jobs=args.jobs,
        force=args.force,
        timeout=args.timeout,
        progress=not args.no_progress,
        formats=formats,
        nlp=not args.rules_only,
    )
    print_summary(summary, out)
    attempted = [o for o in summary.outcomes if o.status != "skipped"]
    if attempted and all(o.status == "failed" for o in attempted):
        return 1
    if not attempted:
        print("kehoach run: no .txt, .docx or .pdf file found", file=sys.stderr)
        return 1
    return 0
