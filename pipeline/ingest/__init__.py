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
from typing import Literal

from pipeline.errors import (
    EmptyDocumentError,
    LegacyDocFormatError,
    UnreadableDocumentError,
    UnsupportedFormatError,
    shown,
)
from pipeline.i18n import say
from pipeline.ingest.guard import check_zip_parts, max_bytes, read_checked
from pipeline.models import DocWarning
from pipeline.raw import RawDocument

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")
Format = Literal["txt", "docx", "pdf"]


def sniff(path: Path, data: bytes) -> Format:
    """The format the bytes are in, whatever the name says; raise when it is none we read."""
    head = data[:1024]
    suffix = path.suffix.lower()
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise LegacyDocFormatError(path, "binary_office")
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as exc:
            if suffix == ".docx":
                return "docx"  # the docx reader explains the damage
            raise UnreadableDocumentError(path, "zip_damaged", reason=exc) from exc
        if "word/document.xml" in names or any(n.endswith("document.xml") for n in names):
            return "docx"
        if "content.xml" in names:
            raise UnsupportedFormatError(path, "odt")
        if any(n.startswith("xl/") for n in names):
            raise UnsupportedFormatError(path, "xlsx")
        raise UnsupportedFormatError(path, "zip_without_word")
    if data.lstrip()[:5] == b"{\\rtf":
        raise UnsupportedFormatError(path, "rtf")
    if suffix == ".pdf":
        raise UnreadableDocumentError(path, "pdf_without_header")
    if suffix == ".docx":
        raise UnreadableDocumentError(path, "docx_not_zip")
    if suffix == ".txt":
        return "txt"
    raise UnsupportedFormatError(path, "unknown_suffix", suffix=suffix or say("detail.no_suffix"))


def read_document(path: str | Path, max_mb: float | None = None) -> RawDocument:
    """One file's text blocks. `max_mb` caps the file and each XML part of a .docx (default 50 MB)."""
    limit = max_bytes(max_mb)
    data = read_checked(Path(path), limit)
    # Readers take the bytes and use the path only to name the file: give them a name every output can
    # hold (a name that is not UTF-8 is shown with its bad bytes escaped).
    path = Path(shown(path))
    if not data.strip():
        raise EmptyDocumentError(path, "empty_file")
    if not data.replace(b"\x00", b"").strip():
        raise EmptyDocumentError(path, "only_nul")
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
        raw.warnings.append(DocWarning.of("format_mismatch", file=path.name, kind=kind.upper()))
    return raw
