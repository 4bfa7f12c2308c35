"""Worker processes for `kehoach run`: one file at a time each, stopped when a file runs too long, capped
in memory, and never outliving the run.

Why worker processes we manage ourselves rather than a process pool: a file that hangs (a
pathological PDF) or kills its worker (a crash in a C extension) must be stopped and recorded
while the batch goes on. A pool cannot cancel a running task; here each worker takes one file at
a time over its own pipe, and the parent kills and replaces a worker whose file runs past the
time limit.

What keeps one file from harming the rest:
- Memory: each worker's address space is capped (`resource.setrlimit(RLIMIT_AS)`): at what it inherits
  from the parent when forked, plus --memory for the file. (A cap on the whole address space alone would
  charge a worker for the parent's mappings: forked from a large process, such as a test session that had
  loaded everything, a worker met its cap before reading a byte and failed an empty file as `memory`.) A file
  that needs more fails with a `memory` error and its worker is replaced; the machine keeps its
  memory. Under the cap a library may fail in odd ways (lxml raises SystemError, pdfium reports a
  damaged file), so any failure in a worker that came near its cap is reported as a memory error:
  that error is tried again on the next run, where a wrong "damaged" verdict would be cached. A
  worker may also die outright at its cap (a C library aborts); the parent samples each worker's
  peak while it works, and a worker that dies near its cap is reported the same way, as is one that
  aborts (SIGABRT) while capped: an abort can come faster than the sampling.
- Orphans: a worker asks the kernel to kill it when its parent dies (Linux PR_SET_PDEATHSIG), so a
  parent killed by SIGKILL or the OOM killer leaves no worker behind. Workers ignore Ctrl-C: the
  terminal sends it to the whole process group, and the parent alone decides what to stop.
- Output: a result that cannot be written (a full disk) is the disk's fault, not the file's, and
  says so.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import importlib
import multiprocessing as mp
import os
import resource
import signal
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path

from pipeline.errors import (
    CRASH,
    INTERNAL,
    KehoachError,
    MemoryLimitError,
    OutputWriteError,
    TimeoutError_,
    failure_message,
    os_reason,
)
from pipeline.i18n import say
from pipeline.outputs.files import write_atomic
from pipeline.version import DEFAULT_BODY_MODE

DEFAULT_MEMORY_MB = 1024.0
NEAR_LIMIT = 0.9  # a failure above this share of the memory cap is taken for a memory failure
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Task:
    path: Path  # the file as the file system names it
    source: str  # the same, as every output shows it
    target: Path  # docs/<name>.json
    digest: str


@dataclass(frozen=True)
class Settings:
    nlp: bool = True
    bodies_mode: str = DEFAULT_BODY_MODE
    timeout: float = 120.0
    max_mb: float | None = None
    memory_mb: float | None = DEFAULT_MEMORY_MB
    inherited_mb: float = 0.0  # the parent's address space when the workers fork: theirs to begin with

    @property
    def cap_bytes(self) -> int:
        """A worker's address-space cap: what it inherits plus what one file may take; 0 for none."""
        return int((self.memory_mb + self.inherited_mb) * 1024 * 1024) if self.memory_mb else 0


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


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _status_bytes(field: str, pid: int | str = "self") -> int:
    """A size /proc/<pid>/status gives (VmPeak, VmSize), in bytes; 0 where /proc does not say."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _peak_memory(pid: int | str = "self") -> int:
    """A process's peak address space in bytes (VmPeak), 0 where /proc does not say."""
    return _status_bytes("VmPeak", pid)


def _address_space(pid: int | str = "self") -> int:
    """A process's address space now in bytes (VmSize), 0 where /proc does not say."""
    return _status_bytes("VmSize", pid)


def _worker(connection: Connection, parent: int, settings: Settings) -> None:
    """Process the files the parent sends, one at a time, until it sends None."""
    from pipeline.process import process_file  # the parent imported it before forking: already loaded

    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    cap = settings.cap_bytes
    if cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.getrlimit(resource.RLIMIT_AS)[1]))
    while True:
        task: Task | None = connection.recv()
        if task is None:
            return
        started = time.perf_counter()
        failure: tuple[str, str] | None = None
        pages = None
        try:
            result = process_file(
                task.path,
                nlp=settings.nlp,
                digest=task.digest,
                max_mb=settings.max_mb,
                bodies_mode=settings.bodies_mode,
            )
            pages = result.pages
            text = result.model_dump_json(indent=1, exclude_none=False)
            try:
                write_atomic(task.target, text, durable=False)  # the parent syncs before naming it
            except OSError as error:
                failure = _error(
                    OutputWriteError(task.path, "result_unwritable", target=task.target, reason=os_reason(error))
                )
        except KehoachError as error:
            failure = _error(error)
        except MemoryError:
            failure = _error(_memory_error(task, settings))
        except Exception as error:  # a bug or a library crash on one file must not stop the batch
            detail = "".join(traceback.format_exception_only(type(error), error)).strip()
            failure = (INTERNAL, failure_message(task.source, INTERNAL, detail))
        near_cap = bool(cap) and _peak_memory() >= NEAR_LIMIT * cap
        if failure and near_cap and failure[0] != OutputWriteError.code:
            failure = _error(_memory_error(task, settings))
        seconds = time.perf_counter() - started
        # Near its cap a worker ends after this file (what is left of its memory is not to be trusted),
        # and says so, so that the parent replaces it instead of sending it the next file.
        if failure:
            connection.send(("failed", *failure, seconds, None, near_cap))
        else:
            connection.send(("ok", None, None, seconds, pages, near_cap))
        if near_cap:
            return


def _error(error: KehoachError) -> tuple[str, str]:
    return error.code, error.message


def _memory_error(task: Task, settings: Settings) -> MemoryLimitError:
    return MemoryLimitError(task.source, "memory_over", limit=f"{settings.memory_mb:,.0f}")


class _Slot:
    """One worker process and the file it is working on."""

    def __init__(self, context: mp.context.BaseContext, settings: Settings):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, os.getpid(), settings), daemon=True)
        self.process.start()
        child.close()
        self.task: Task | None = None
        self.started = 0.0
        self.peak = 0  # the worker's peak address space, as last sampled by the parent

    def give(self, task: Task) -> None:
        self.task = task
        self.started = time.monotonic()
        self.connection.send(task)

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


def run_parallel(todo: list[Task], jobs: int, settings: Settings, progress: bool) -> Iterator[Outcome]:
    """Each task's outcome, as workers finish them (in any order)."""
    if not todo:
        return
    # The extractors, lexicons and models, imported here (not when the module is) so that a rerun with
    # nothing to process never loads them, and once in the parent so that every forked worker shares them.
    importlib.import_module("pipeline.process")
    # What the parent holds now (modules, lexicons, compiled patterns) is never garbage: kept out of
    # the collector, it is not scanned by every collection in a forked worker, and the pages the
    # collector would write to are not copied into each worker (gc.freeze's purpose).
    gc.collect()
    gc.freeze()
    settings = replace(settings, inherited_mb=_address_space() / (1024 * 1024))
    context = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    slots = [_Slot(context, settings) for _ in range(min(jobs, len(todo)))]
    queue = todo[::-1]
    bar = _progress_bar(len(todo), progress)
    failures = 0
    try:
        for slot in slots:
            if queue:
                slot.give(queue.pop())
        while any(slot.task for slot in slots):
            busy = [slot for slot in slots if slot.task]
            ready = wait([slot.connection for slot in busy] + [slot.process.sentinel for slot in busy], timeout=0.5)
            now = time.monotonic()
            for slot in busy:
                slot.peak = max(slot.peak, _peak_memory(slot.process.pid))
            for i, slot in enumerate(slots):
                if not slot.task:
                    continue
                task = slot.task
                outcome: Outcome | None = None
                ending = False
                if slot.connection in ready:
                    try:
                        status, code, message, seconds, pages, ending = slot.connection.recv()
                        output = _relative(task.target) if status == "ok" else None
                        outcome = Outcome(task.source, status, output, code, message, seconds, pages)
                    except (EOFError, OSError):
                        outcome = _crashed(slot, task, settings)
                elif slot.process.sentinel in ready or not slot.process.is_alive():
                    outcome = _crashed(slot, task, settings)
                elif now - slot.started > settings.timeout:
                    slot.stop(kill=True)
                    error = TimeoutError_(task.source, "stopped_after", seconds=f"{settings.timeout:g}")
                    outcome = Outcome(task.source, "failed", None, error.code, error.message, now - slot.started)
                if outcome is None:
                    continue
                slot.task = None
                if ending:
                    slot.process.join(timeout=5)
                if ending or not slot.process.is_alive():
                    slots[i] = slot = _Slot(context, settings)
                failures += outcome.status == "failed"
                bar.update(1)
                bar.set_postfix_str(say("progress.failed", count=failures), refresh=False)
                yield outcome
                if queue:
                    slot.give(queue.pop())
    finally:
        bar.close()
        for slot in slots:
            slot.stop(kill=slot.task is not None)


def _relative(target: Path) -> str:
    """`docs/<name>.json`, as the manifest and an outcome name a result within the output folder."""
    return target.relative_to(target.parent.parent).as_posix()


def _crashed(slot: _Slot, task: Task, settings: Settings) -> Outcome:
    slot.process.join(timeout=1)
    seconds = time.monotonic() - slot.started
    code = slot.process.exitcode
    # A native library that cannot allocate under the cap aborts (std::bad_alloc → SIGABRT) faster than the
    # parent samples the worker's peak (every 0.5 s), and a dead worker's /proc no longer tells: an abort under
    # a cap is read as the cap's doing.
    aborted_capped = bool(settings.memory_mb) and code == -signal.SIGABRT
    if aborted_capped or (settings.memory_mb and slot.peak >= NEAR_LIMIT * settings.cap_bytes):
        error = _memory_error(task, settings)
        return Outcome(task.source, "failed", None, error.code, error.message, seconds)
    message = failure_message(task.source, CRASH, say("detail.worker_died", code=code))
    return Outcome(task.source, "failed", None, CRASH, message, seconds)


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit=say("progress.unit"),
        desc=say("progress.description"),
        disable=not enabled,
        file=sys.stderr,
        dynamic_ncols=True,
    )
