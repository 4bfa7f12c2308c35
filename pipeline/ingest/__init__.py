"""Ingest: one reader per format, each returning the same `RawDocument`.

`read_document(path)` picks the reader by the file's content first and its extension second:
staff rename files, mail clients strip extensions, and a .doc saved as ".docx" is common. A PDF
named .txt is read as a PDF (with a warning), a zip that is not a Word package or an old binary
Office file gets a clear typed error instead of a garbled result.
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
)
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


def read_document(path: str | Path) -> RawDocument:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocumentError(path, f"the file cannot be opened ({exc.strerror})") from exc
    if not data.strip():
        raise EmptyDocumentError(path, "the file is empty")
    kind = sniff(path, data)
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
