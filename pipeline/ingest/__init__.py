"""Ingest: one reader per format, each returning the same `RawDocument`.

`read_document(path)` picks the reader by the file's content first and its extension second, so a
.doc renamed .docx or a PDF saved as .txt gets a clear error instead of a garbled result.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import EmptyDocumentError, UnsupportedFormatError
from pipeline.raw import RawDocument

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")


def read_document(path: str | Path) -> RawDocument:
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise EmptyDocumentError(path, "the file is empty")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from pipeline.ingest.txt import read_txt

        return read_txt(path, data)
    if suffix == ".docx":
        from pipeline.ingest.docx import read_docx

        return read_docx(path, data)
    if suffix == ".pdf":
        from pipeline.ingest.pdf import read_pdf

        return read_pdf(path, data)
    raise UnsupportedFormatError(path, f"'{suffix or 'no extension'}' is not a plan format kehoach reads")
