"""Typed errors for documents kehoach cannot read.

Every error names the file and says what the user can do about it, because the people who see
these messages are provincial staff with a folder of a hundred plans, not developers. A batch
records the error (its `code` and message) and goes on with the next file.
"""

from __future__ import annotations

from pathlib import Path


class KehoachError(Exception):
    """Base of every error about one input file."""

    code = "error"
    advice = "check the file and try again"

    def __init__(self, path: str | Path, detail: str = "", advice: str | None = None):
        self.path = str(path)
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
