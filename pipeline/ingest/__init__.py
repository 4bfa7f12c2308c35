"""Ingest: one reader per format, each returning the same `RawDocument`.

`read_document(path)` picks the reader by the file's content first and its extension second:
staff rename files, mail clients strip extensions, and a .doc saved as ".docx" is common. A PDF
named .txt is read as a PDF (with a warning), a zip that is not a Word package or an old binary
Office file gets a clear typed error instead of a garbled result. Before any of that, `guard` refuses
what must not be read at all (a pipe, a device, a size over --max-size).
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from pipeline.errors import (
    EmptyDocumentError,
    LegacyDocFormatError,
    UnreadableDocumentError,
    UnsupportedFormatError,
    shown,
)
from pipeline.ingest.guard import check_zip_parts, max_bytes, read_checked
from pipeline.models import INPUT_FORMATS, InputFormat
from pipeline.raw import RawDocument

SUPPORTED_SUFFIXES = tuple(f".{name}" for name in INPUT_FORMATS)  # ".txt", ".docx", ".pdf"
Format = InputFormat


def sniff(path: Path, data: bytes) -> Format:
    """The format the bytes are in, whatever the name says; raise when it is none we read."""
    head = data[:1024]
    suffix = path.suffix.lower()
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise LegacyDocFormatError(path, "the file is an old binary Office document (.doc/.xls), not a .docx")
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as exc:
            if suffix == ".docx":
                return "docx"  # the docx reader explains the damage
            raise UnreadableDocumentError(path, f"a damaged or truncated zip package ({exc})") from exc
        if "word/document.xml" in names or any(n.endswith("document.xml") for n in names):
            return "docx"
        if "content.xml" in names:
            raise UnsupportedFormatError(path, "an OpenDocument file (.odt), not a Word .docx")
        if any(n.startswith("xl/") for n in names):
            raise UnsupportedFormatError(path, "an Excel workbook, not a plan document")
        raise UnsupportedFormatError(path, "a zip package that holds no Word document")
    if data.lstrip()[:5] == b"{\\rtf":
        raise UnsupportedFormatError(path, "a Rich Text (.rtf) file")
    if suffix == ".pdf":
        raise UnreadableDocumentError(path, "named .pdf but it is not a PDF (no %PDF header)")
    if suffix == ".docx":
        raise UnreadableDocumentError(path, "named .docx but it is not a Word package (not a zip file)")
    if suffix == ".txt":
        return "txt"
    raise UnsupportedFormatError(path, f"'{suffix or 'no extension'}' is not a plan format kehoach reads")


def read_document(path: str | Path, max_mb: float | None = None) -> RawDocument:
    """One file's text blocks. `max_mb` caps the file and each XML part of a .docx (default 50 MB)."""
    limit = max_bytes(max_mb)
    data = read_checked(Path(path), limit)
    # Readers take the bytes and use the path only to name the file: give them a name every output can
    # hold (a name that is not UTF-8 is shown with its bad bytes escaped).
    path = Path(shown(path))
    if not data.strip():
        raise EmptyDocumentError(path, "the file is empty")
    if not data.replace(b"\x00", b"").strip():
        raise EmptyDocumentError(path, "the file holds only NUL bytes, no text")
    kind = sniff(path, data)
    if kind == "docx":
        try:
            with zipfile.ZipFile(BytesIO(data)) as package:
                check_zip_parts(path, package, limit)
        except zipfile.BadZipFile:
            pass  # the docx reader explains the damage
    if kind == "txt":
        from pipeline.ingest.txt import read_txt

        raw = read_txt(path, data)
    elif kind == "docx":
        from pipeline.ingest.docx import read_docx

        raw = read_docx(path, data)
    else:
        from pipeline.ingest.pdf import read_pdf

        raw = read_pdf(path, data)
    if path.suffix.lower() != f".{kind}":
        raw.warnings.append(f"{path.name}: the file is a {kind.upper()} despite its name; read as {kind}")
    return raw
