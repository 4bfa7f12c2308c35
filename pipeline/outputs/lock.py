"""One run at a time in an output folder.

Two runs writing into one folder each rewrite the manifest from what they read at their start, so each
loses the other's entries, and their tables disagree. A run holds an exclusive `flock` on
`DIR/.kehoach.lock` from start to end; a second run finds it taken and refuses at once, naming the
process that holds it. The kernel drops the lock when its holder exits, however it exits (even
SIGKILL or a power cut), so a stale lock can never block a folder. The file itself stays: removing
it would let two runs lock two different files of the same name.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import RunError, os_reason, say

LOCK = ".kehoach.lock"


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the lock of `out` (created if need be) for the body of the `with`; raise RunError with a
    clear message where another run holds it or the folder cannot be written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle = (out / LOCK).open("a+", encoding="utf-8")
    except OSError as error:
        raise RunError(say("out_unwritable", out=out, reason=os_reason(error))) from error
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise RunError(say("out_locked", pid=holder, out=out)) from error
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()  # closing the file releases the lock
