"""Typed errors for documents kehoach cannot read.

Every error names the file and says what the user can do about it, because the people who see
these messages are provincial staff with a folder of a hundred plans, not developers. A batch
records the error (its `code` and message) and goes on with the next file. The words are in the
catalogue (`pipeline/i18n/errors.json`; messages about a whole run in `run.json`).
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from pipeline.i18n import catalogue, say  # `say` also taken from here by pipeline.outputs

_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(path: str | Path) -> str:
    """A path as it can be printed, stored and written into JSON, CSV, XLSX and SQLite.

    A name that is not UTF-8 (the usual result of unzipping a Windows archive) reaches Python with
    its bad bytes as lone surrogates, which no UTF-8 output can hold; they are shown as `\\xe0`.
    A UTF-8 name is returned unchanged.
    """
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


def for_terminal(text: str) -> str:
    """`text` safe to print: control characters (from a file's name or content) escaped as `\\x1b`,
    so that none can move the cursor, recolour or retitle the user's terminal."""
    return _TERMINAL_CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


class KehoachError(Exception):
    """Base of every error about one input file.

    The message is built from the catalogue (`pipeline/i18n/errors.json`): what went wrong
    (`error.<code>`), the detail this file gave (`detail.<key>` with its values), and what to do
    (`advice.<code>`), in the run's language. `code` never changes with the language: it is data
    in the outputs.

    `cacheable`: whether the error depends only on the file's content and the pipeline version, so
    that a rerun may record it again without reading the file. A timeout, a memory limit, a full
    disk or a crash says nothing lasting about the file and is always tried again.
    """

    code = "error"
    cacheable = True

    def __init__(self, path: str | Path, detail: str = "", **values: object):
        self.path = shown(path)
        self.detail = say(f"detail.{detail}", **values) if detail else ""
        self.advice = say(f"advice.{self.code}")
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return failure_message(self.path, self.code, self.detail)


def failure_message(path: str, code: str, detail: str = "") -> str:
    """One file's failure as the user reads it: the file, what went wrong (this file's detail, else the
    kind of failure), and what to do."""
    return say("error.line", path=path, what=detail or say(f"error.{code}"), advice=say(f"advice.{code}"))


def os_reason(error: OSError) -> str:
    """Why the system refused, in the user's language where the catalogue knows the errno (the
    system's own `strerror` is English whatever the language of the run)."""
    key = f"oserror.{errno.errorcode.get(error.errno or 0, '')}"
    return say(key) if key in catalogue() else (error.strerror or str(error) or type(error).__name__)


class EmptyDocumentError(KehoachError):
    code = "empty"


class UnsupportedFormatError(KehoachError):
    code = "unsupported_format"


class UnreadableDocumentError(KehoachError):
    code = "unreadable"


class FileNotFoundError_(KehoachError):
    """The file was listed (or named) but is not there: it was deleted, moved or misspelt. Told so,
    not that it is damaged, and tried again on the next run."""

    code = "not_found"
    cacheable = False


class EncryptedPdfError(KehoachError):
    code = "encrypted"


class ImageOnlyPdfError(KehoachError):
    code = "image_only_pdf"


class LegacyEncodingError(KehoachError):
    code = "legacy_encoding"


class LegacyDocFormatError(KehoachError):
    code = "legacy_doc"


class TimeoutError_(KehoachError):
    """Raised by no reader: a batch stops the worker and records this error in its place."""

    code = "timeout"
    cacheable = False


class TooLargeError(KehoachError):
    """Checked before reading: the file, or a part of a .docx once unpacked, is over --max-size."""

    code = "too_large"
    cacheable = False  # the verdict depends on --max-size, and checking again costs one stat


class NotAFileError(KehoachError):
    """A FIFO, device, socket or link to nothing: reading it would hang or never end."""

    code = "not_a_file"
    cacheable = False


class MemoryLimitError(KehoachError):
    """A worker ran out of the memory --memory allows it (the file failed, not the machine)."""

    code = "memory"
    cacheable = False


class OutputWriteError(KehoachError):
    """The file was read, but its result could not be written (a full disk, a read-only folder)."""

    code = "output"
    cacheable = False


# Outcomes a worker reports without raising: the worker died, or a bug was hit. Never cached.
CRASH = "crash"
INTERNAL = "internal"


def cacheable_codes() -> frozenset[str]:
    """Error codes a rerun may take from the manifest without reading the file again."""
    found: set[str] = set()
    pending = [KehoachError]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.cacheable and cls is not KehoachError:
            found.add(cls.code)
    return frozenset(found)


class RunError(Exception):
    """A whole run cannot start (the output folder is locked or cannot be written); not one file's fault."""
