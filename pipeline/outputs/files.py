"""Writing outputs so that an interrupted run never leaves a half-written file.

Every output is written to a temporary name in the same folder, flushed to disk, then renamed over
the final name: a rename within one file system is atomic, so a reader (or a rerun after Ctrl-C or
SIGKILL) sees either the old complete file or the new complete file.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path


def _default_mode() -> int:
    """The mode a plain `open()` would give (0o666 less the umask): mkstemp's 0o600 would hide a
    report from the colleague or web server that must read it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _default_mode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class AtomicFile:
    """A file written in pieces (a table streamed row by row) that appears whole or not at all: the
    pieces go to a temporary name beside it, and `commit` flushes and renames it over the final name,
    as `write_atomic` does with one text. `discard` removes what was written."""

    def __init__(self, path: Path, text: bool = True):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        handle, self.temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.stream = os.fdopen(handle, "w", encoding="utf-8", newline="") if text else os.fdopen(handle, "wb")

    def commit(self) -> Path:
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.chmod(self.temporary, _default_mode())
            os.replace(self.temporary, self.path)
        except BaseException:
            self.discard()
            raise
        return self.path

    def discard(self) -> None:
        if not self.stream.closed:
            self.stream.close()
        Path(self.temporary).unlink(missing_ok=True)


def aside_name(path: Path) -> Path:
    """A free name to move a damaged `path` to, beside it: `<name>.damaged-<date>-<time>` (a number
    added where a second one is moved aside within the same second). Damaged state is kept, never
    deleted: it may hold what someone needs."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    return aside
