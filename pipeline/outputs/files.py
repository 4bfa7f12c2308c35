"""Writing outputs so that an interrupted run never leaves a half-written file.

Every output is written to a temporary name in the same folder, flushed to disk, then renamed over
the final name: a rename within one file system is atomic, so a reader (or a rerun after Ctrl-C or
SIGKILL) sees either the old complete file or the new complete file.
"""

from __future__ import annotations

import ctypes
import os
import sys
import tempfile
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any


def _default_mode() -> int:
    """The mode a plain `open()` would give (0o666 less the umask): mkstemp's 0o600 would hide a
    report from the colleague or web server that must read it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, text: str | bytes, durable: bool = True) -> None:
    """`text` at `path`, whole or not at all. With `durable` it is on disk before it takes the name;
    without, the caller makes it so before relying on it (`sync_folder`): a batch's worker leaves that
    to the parent, which syncs once for every result it is about to name in the manifest (issue 15)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
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


@cache
def _syncfs() -> Any:
    """Linux's `syncfs(2)` (every file of one file system to disk in one call), or None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


def sync_folder(folder: Path, files: Iterable[Path]) -> None:
    """Put `files` (written in `folder` without `durable`) and their names on disk: one `syncfs` of
    the folder's file system where there is one, else an `fsync` of each file and of the folder.
    Raises OSError where that fails."""
    syncfs = _syncfs()
    if syncfs is not None:
        handle = os.open(folder, os.O_RDONLY)
        try:
            if syncfs(handle) == 0:
                return
        finally:
            os.close(handle)
    for path in files:
        handle = os.open(path, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
    if os.name == "nt":  # a folder cannot be opened to sync there; a rename is written through
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


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
