"""`kehoach run`: many plans at once, resumable, safe to interrupt, and safe to run again.

What a run decides, file by file, before any worker starts: a file that is not a regular file, or is
over --max-size, fails at once with a typed error (nothing is read); a file whose content, pipeline
version and stored result are unchanged is reused (see `outputs.manifest` for what may be reused);
every other file goes to the workers (`pipeline.workers`). At the end every output is rebuilt from
the manifest, so all of them describe the same files: everything ever run into the folder.

One run at a time writes into a folder (`outputs.lock`). An interrupted run (Ctrl-C, SIGTERM) saves
what it finished, and the next run finishes the rest.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import (
    FileNotFoundError_,
    KehoachError,
    RunError,
    UnreadableDocumentError,
    for_terminal,
    os_reason,
    shown,
)
from pipeline.i18n import language, say
from pipeline.ingest import SUPPORTED_SUFFIXES
from pipeline.ingest.guard import check_file, max_bytes
from pipeline.models import PlanResult
from pipeline.outputs import FORMATS, parse_formats
from pipeline.outputs import manifest as manifests
from pipeline.outputs import stamp as stamps
from pipeline.outputs.files import sync_folder
from pipeline.outputs.lock import locked
from pipeline.outputs.manifest import Entry
from pipeline.version import DEFAULT_BODY_MODE, file_hash, result_version
from pipeline.workers import Outcome, Settings, Task, run_parallel

MANIFEST_SAVE_SECONDS = 2.0
_STEM_KEEP = re.compile(r"[^\w.\-]+")

__all__ = ["BatchSummary", "Outcome", "collect_inputs", "output_name", "run_batch", "run_command"]


@dataclass
class BatchSummary:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # about the run, not one file: outputs, damaged state

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """Files to process (sorted, de-duplicated) and files skipped for their format.

    Folders are walked recursively; hidden files and Word lock files ("~$plan.docx") are ignored.
    Anything in a folder that is not a folder is a candidate, so that a FIFO or a link to a missing
    file named like a plan is reported, not silently passed over.
    """
    wanted: dict[Path, None] = {}
    skipped: dict[Path, None] = {}
    for given in paths:
        root = Path(given)
        candidates = sorted(p for p in root.rglob("*") if not p.is_dir()) if root.is_dir() else [root]
        for path in candidates:
            if path.name.startswith((".", "~$")):
                continue
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                wanted[path] = None
            else:
                skipped[path] = None
    return list(wanted), list(skipped)


def output_name(source: str) -> str:
    """`<stem>-<digest>.<format>.json`: the digest of the file's path keeps apart two plans of one name
    in two folders, in one run or in two (every commune sends "ke-hoach.docx"), and the format keeps
    the .txt, .docx and .pdf of one plan side by side. The stem is only for people: cut short and
    reduced to characters any file system takes."""
    path = Path(source)
    stem = _STEM_KEEP.sub("_", path.stem).strip("._")[:80] or "plan"
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:10]
    return f"{stem}-{digest}.{path.suffix.lower().lstrip('.')}.json"


@dataclass
class _Plan:
    """What this run does: files to give the workers, outcomes already known, results already loaded."""

    todo: list[Task] = field(default_factory=list)
    known: list[Outcome] = field(default_factory=list)
    loaded: dict[str, PlanResult] = field(default_factory=dict)


def _plan(
    files: list[Path],
    out: Path,
    manifest: dict[str, Entry],
    version: str,
    force: bool,
    limit: int,
    stamp: stamps.Stamp,
) -> _Plan:
    plan = _Plan()
    for path in files:
        source = shown(path)
        try:
            check_file(path, limit)
            try:
                digest = file_hash(path)
            except FileNotFoundError as error:  # deleted or moved since it was listed
                raise FileNotFoundError_(path) from error
            except OSError as error:  # unreadable since it was listed
                raise UnreadableDocumentError(path, "cannot_open", reason=os_reason(error)) from error
        except KehoachError as error:
            plan.known.append(Outcome(source, "failed", None, error.code, error.message))
            continue
        previous = manifest.get(source)
        if not force and previous and previous.reusable(digest, version):
            if previous.status != "ok":
                plan.known.append(Outcome(source, "unchanged", None, previous.error_code, previous.message))
                continue
            if stamp.vouches(out, source, previous):  # the result checked when the tables were last built
                plan.known.append(Outcome(source, "unchanged", previous.output))
                continue
            result = manifests.read_result(out / previous.output)
            if result is not None and manifests.belongs(result, source, digest, version):
                plan.loaded[source] = result
                plan.known.append(Outcome(source, "unchanged", previous.output))
                continue
        target = out / manifests.DOCS / output_name(source)
        plan.todo.append(Task(path, source, target, digest))
    return plan


def _entry(outcome: Outcome, digest: str, version: str) -> Entry:
    return Entry(
        content_hash=digest,
        pipeline_version=version,
        status="ok" if outcome.status == "ok" else "failed",
        output=outcome.output,
        error_code=outcome.error_code,
        message=outcome.message,
    )


class _Saver:
    """Saves the manifest now and then during a run (a killed run keeps what it finished), and at the
    end; a manifest that cannot be saved is reported once, not fatal.

    The workers write their results without waiting for the disk (an `fsync` a result was 1–4 ms of
    a worker's time on this machine's disk: issue 15); before the manifest names any of them, they are
    put on disk at once (`files.sync_folder`). A killed run loses nothing it wrote (the results are
    in the system's cache, and the next run checks each one it did not stamp); a machine that loses
    power keeps every result the saved manifest names, as before, and does again the files finished
    since the last save (at most `MANIFEST_SAVE_SECONDS`)."""

    def __init__(self, out: Path, manifest: dict[str, Entry], summary: BatchSummary):
        self.out, self.manifest, self.summary = out, manifest, summary
        self.saved = time.monotonic()
        self.failed = False
        self.text: str | None = None  # the manifest as last saved; None where the save failed
        self.unsynced: list[Path] = []  # results written since the last save, not yet known on disk

    def wrote(self, output: str | None) -> None:
        if output:
            self.unsynced.append(self.out / output)

    def save(self, now: bool = True) -> None:
        if not now and time.monotonic() - self.saved < MANIFEST_SAVE_SECONDS:
            return
        self.text = None
        try:
            if self.unsynced:
                sync_folder(self.out / manifests.DOCS, [path for path in self.unsynced if path.exists()])
                self.unsynced = []
            self.text = manifests.save(self.out, self.manifest)
        except OSError as error:
            if not self.failed:
                self.summary.warnings.append(say("manifest_unsaved", name=manifests.MANIFEST, reason=os_reason(error)))
            self.failed = True
        self.saved = time.monotonic()


def run_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    jobs: int | None = None,
    force: bool = False,
    timeout: float = 120.0,
    progress: bool = True,
    formats: list[str] | None = None,
    nlp: bool = True,
    bodies_mode: str = DEFAULT_BODY_MODE,
    max_mb: float | None = None,
    memory_mb: float | None = None,
) -> BatchSummary:
    """Process every plan under `paths` into `out`; return what happened to each file.

    Raises RunError where the run cannot start (another run holds `out`, or it cannot be written).
    """
    out = Path(out)
    if bodies_mode != "rules":
        _check_body_model()
    settings = Settings(
        nlp=nlp, bodies_mode=bodies_mode, timeout=timeout, max_mb=max_mb, memory_mb=memory_mb or Settings.memory_mb
    )
    with locked(out):
        return _run_locked(paths, out, jobs, force, progress, formats or list(FORMATS), settings)


def _check_body_model() -> None:
    """A run that asks for the learned bodies model stops before any file when the model is missing,
    rather than failing every file with the same error."""
    from extractors.body_model import BodyModelMissing, load_tagger

    try:
        load_tagger()
    except BodyModelMissing as error:
        raise RunError(str(error)) from error


def _run_locked(
    paths: Iterable[str | Path],
    out: Path,
    jobs: int | None,
    force: bool,
    progress: bool,
    formats: list[str],
    settings: Settings,
) -> BatchSummary:
    started = time.perf_counter()
    docs_dir = out / manifests.DOCS
    try:
        docs_dir.mkdir(parents=True, exist_ok=True)
        for leftover in [*out.glob(".*.tmp"), *docs_dir.glob(".*.tmp")]:  # debris of a run that was killed
            leftover.unlink(missing_ok=True)
    except OSError as error:
        raise RunError(say("out_unwritable", out=out, reason=os_reason(error))) from error
    files, skipped = collect_inputs(paths)
    manifest, warnings = manifests.load(out)
    summary = BatchSummary([Outcome(shown(p), "skipped", message=say("skipped.format")) for p in skipped])
    summary.warnings += warnings
    version = result_version(settings.nlp, settings.bodies_mode)
    stamp = stamps.load(out)
    plan = _plan(files, out, manifest, version, force, max_bytes(settings.max_mb), stamp)
    summary.outcomes += plan.known
    for outcome in plan.known:
        if outcome.status == "failed":
            manifest[outcome.path] = _entry(outcome, "", version)  # listed among the errors; never reused
    digests = {task.source: task.digest for task in plan.todo}
    saver = _Saver(out, manifest, summary)
    fresh: set[str] = set()  # results the workers wrote in this run
    try:
        for outcome in run_parallel(plan.todo, jobs or os.cpu_count() or 1, settings, progress):
            summary.outcomes.append(outcome)
            manifest[outcome.path] = _entry(outcome, digests[outcome.path], version)
            if outcome.status == "ok":
                fresh.add(outcome.path)
                saver.wrote(outcome.output)
            saver.save(now=False)
    finally:
        saver.save()  # also when interrupted: the next run reuses what this one finished
    if saver.text and stamp.current(out, manifest, stamps.state_digest(saver.text, formats, version, language())):
        with contextlib.suppress(OSError):
            manifests.prune(out, manifest)
        summary.warnings += stamp.warnings  # nothing changed: every output is already this run's
    else:
        _write_everything(out, manifest, plan, formats, version, summary, saver, fresh)
    summary.seconds = time.perf_counter() - started
    return summary


def _write_everything(
    out: Path,
    manifest: dict[str, Entry],
    plan: _Plan,
    formats: list[str],
    version: str,
    summary: BatchSummary,
    saver: _Saver,
    fresh: set[str],
) -> None:
    """Read every result back and rebuild every output from them; stamp what was built.

    With no table asked for (`--format json`) a result the workers wrote in this run is not read back:
    nothing would use it, and reading 1,000 of them cost the parent 1.3 s while the workers ran."""
    from pipeline.outputs.writer import write_outputs  # openpyxl and the tables: only when written

    with contextlib.suppress(OSError):
        stamps.forget(out)
    unread = fresh if set(formats) <= {"json"} else set()
    sources, results, errors = _everything(out, manifest, plan.loaded, summary, unread)
    saver.save()
    with contextlib.suppress(OSError):
        manifests.prune(out, manifest)
    entries = len(manifest)
    report = write_outputs(out, results, errors, formats, sources)
    if len(manifest) != entries:  # a result could not be read: its entry was dropped
        saver.save()
        with contextlib.suppress(OSError):
            manifests.prune(out, manifest)
    summary.warnings += report.problems + report.warnings
    if not report.problems and saver.text:
        state = stamps.state_digest(saver.text, formats, version, language())
        with contextlib.suppress(OSError):
            stamps.record(out, manifest, state, report.written, report.repeatable)


def _everything(
    out: Path,
    manifest: dict[str, Entry],
    loaded: dict[str, PlanResult],
    summary: BatchSummary,
    unread: set[str] = frozenset(),
) -> tuple[list[str], Iterator[PlanResult], list[dict[str, str]]]:
    """Every result and error in the manifest (every file ever run into `out`), less the results of
    `unread`: the sources of the results, the results one at a time in that (source-file) order, read
    as they are asked for so that no list of every result is ever held (issue 15), and the errors.
    A result file that can no longer be read drops its entry, with a warning, so the file is processed
    again next time."""
    errors: list[dict[str, str]] = []
    sources: list[str] = []
    for source, entry in manifest.items():
        if entry.status != "ok":
            errors.append({"source_file": source, "error": entry.error_code or "error", "message": entry.message or ""})
        elif source not in unread:
            sources.append(source)
    sources.sort()

    def results() -> Iterator[PlanResult]:
        for source in sources:
            entry = manifest[source]
            result = loaded.pop(source, None) or manifests.read_result(out / (entry.output or ""))
            if result is None:
                del manifest[source]
                warning = say(
                    "result_unreadable", name=entry.output, reason=say("reason_missing_or_damaged"), source=source
                )
                summary.warnings.append(warning)
                continue
            yield result

    return sources, results(), errors


def print_summary(summary: BatchSummary, out: Path) -> None:
    """The lines a run ends with on stderr: the counts, then each failure, skip and warning."""
    processed = summary.count("ok")
    failed = [o for o in summary.outcomes if o.status == "failed"]
    unchanged = [o for o in summary.outcomes if o.status == "unchanged"]
    failed_earlier = [o for o in unchanged if o.error_code]
    skipped = [o for o in summary.outcomes if o.status == "skipped"]
    rate = processed / summary.seconds if summary.seconds else 0.0
    of_which = say("summary.failed_earlier", count=len(failed_earlier)) if failed_earlier else ""
    counts = say(
        "summary.line",
        processed=processed,
        failed=len(failed),
        unchanged=len(unchanged),
        of_which=of_which,
        skipped=len(skipped),
        seconds=f"{summary.seconds:.1f}",
        rate=f"{rate:.1f}",
        out=out,
    )
    lines = [
        counts,
        *(say("summary.failed", message=outcome.message) for outcome in failed),
        *(say("unchanged_failure", message=outcome.message) for outcome in failed_earlier),
        *(say("summary.skipped", path=outcome.path, reason=outcome.message) for outcome in skipped),
        *(say("summary.warning", warning=warning) for warning in summary.warnings),
    ]
    for number, line in enumerate(lines):
        print(for_terminal(line if number == 0 else f"  {line}"), file=sys.stderr)


def run_command(args) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        names = ", ".join(shown(p) for p in missing)
        print(for_terminal(f"kehoach run: {say('run.no_such_path', names=names)}"), file=sys.stderr)
        return 2
    out = Path(args.out)
    summary = run_batch(
        args.paths,
        out,
        jobs=args.jobs,
        force=args.force,
        timeout=args.timeout,
        progress=not args.no_progress,
        formats=parse_formats(args.format),
        nlp=not args.rules_only,
        bodies_mode=args.bodies or DEFAULT_BODY_MODE,
        max_mb=args.max_size,
        memory_mb=args.memory,
    )
    print_summary(summary, out)
    attempted = [o for o in summary.outcomes if o.status != "skipped"]
    if attempted and all(o.status == "failed" or o.error_code for o in attempted):
        return 1  # every file failed, in this run or, unchanged, in an earlier one
    if not attempted:
        print(f"kehoach run: {say('run.nothing_found')}", file=sys.stderr)
        return 1
    return 0
