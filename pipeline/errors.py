"""Typed errors for documents kehoach cannot read.

Every error names the file and says what the user can do about it, because the people who see
these messages are provincial staff with a folder of a hundred plans, not developers. A batch
records the error (its `code` and message) and goes on with the next file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

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

    `cacheable`: whether the error depends only on the file's content and the pipeline version, so
    that a rerun may record it again without reading the file. A timeout, a memory limit, a full
    disk or a crash says nothing lasting about the file and is always tried again.
    """

    code = "error"
    advice = "check the file and try again"
    cacheable = True

    def __init__(self, path: str | Path, detail: str = "", advice: str | None = None):
        self.path = shown(path)
        self.detail = detail
        self.advice = advice or self.advice
        super().__init__(self.message)

    @property
    def message(self) -> str:
        what = f": {self.detail}" if self.detail else ""
        return f"{self.path}: {self.code}{what}; {self.advice}"


class EmptyDocumentError(KehoachError):
    code = "empty"
    advice = "the file has no text; check that the right file was sent"


class UnsupportedFormatError(KehoachError):
    code = "unsupported_format"
    advice = "save it as .docx, .pdf or .txt (UTF-8) and run again"


class UnreadableDocumentError(KehoachError):
    code = "unreadable"
    advice = "the file is damaged or truncated; ask the sender for a new copy"


class EncryptedPdfError(KehoachError):
    code = "encrypted"
    advice = "the PDF is password-protected; remove the password (or print to a new PDF) and run again"


class ImageOnlyPdfError(KehoachError):
    code = "image_only_pdf"
    advice = "the PDF has no text layer (a scan); run OCR first (e.g. ocrmypdf -l vie) and run again"


class LegacyEncodingError(KehoachError):
    code = "legacy_encoding"
    advice = "the text is in a legacy Vietnamese font encoding; convert it to Unicode (e.g. with UniKey) and run again"


class LegacyDocFormatError(KehoachError):
    code = "legacy_doc"
    advice = "this is an old binary Word .doc file; open it in Word or LibreOffice and save as .docx"


class TimeoutError_(KehoachError):
    """Raised by no reader: a batch stops the worker and records this error in its place."""

    code = "timeout"
    advice = "open it to check it is a normal plan, or raise --timeout"
    cacheable = False


class TooLargeError(KehoachError):
    """Checked before reading: the file, or a part of a .docx once unpacked, is over --max-size."""

    code = "too_large"
    advice = "if it is a real plan, raise the limit with --max-size (in MB) and run again"
    cacheable = False  # the verdict depends on --max-size, and checking again costs one stat


class NotAFileError(KehoachError):
    """A FIFO, device, socket or link to nothing: reading it would hang or never end."""

    code = "not_a_file"
    advice = "give kehoach the plan file itself, not a link to a missing file, a pipe or a device"
    cacheable = False


class MemoryLimitError(KehoachError):
    """A worker ran out of the memory --memory allows it (the file failed, not the machine)."""

    code = "memory"
    advice = "the file needs more memory than one worker may use; raise --memory (in MB) and run it again"
    cacheable = False


class OutputWriteError(KehoachError):
    """The file was read, but its result could not be written (a full disk, a read-only folder)."""

    code = "output"
    advice = "the file is not at fault: free space on the disk, or choose another --out, and run again"
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


# Messages about a run rather than one file, in one place so that they can be translated together.
MESSAGES: dict[str, str] = {
    "out_locked": (
        "another kehoach run (process {pid}) is writing into {out}; wait for it to finish, or choose another --out"
    ),
    "out_unwritable": "cannot write into {out} ({reason}); choose a folder you can write to with --out",
    "interrupted": (
        "stopped by {signal}; every file finished so far is kept: run the same command again to finish the rest"
    ),
    "output_failed": "{name} could not be written ({reason}); the other outputs were written",
    "manifest_unsaved": ("{name} could not be saved ({reason}); the next run will process this run's files again"),
    "moved_aside": "{name} {reason}; moved aside to {aside} and rebuilt from docs/*.json",
    "result_unreadable": "{name} cannot be read ({reason}); {source} will be processed again on the next run",
    "cells_replaced": (
        "{count} cells held characters that {outputs} cannot store (control characters); "
        "they are shown as visible symbols (␀ for NUL, ␛ for ESC)"
    ),
    "cells_cut": (
        "{count} cells longer than {limit:,} characters (Excel's limit) were cut in {name}, "
        "marked where cut; the CSV, JSONL and SQLite hold the full text"
    ),
    "cut_marker": " … [cut at {limit:,} of {length:,} characters; the full text is in the CSV, JSONL and SQLite]",
    "bad_number": "--{flag} must be a number above 0 (got {value})",
    "unchanged_failure": "failed earlier, file unchanged: {message}",
}


def say(key: str, **values: object) -> str:
    """The message `key` of MESSAGES with its values filled in."""
    return MESSAGES[key].format(**values)
