"""One file through the whole flow: ingest → normalize → structure → extractors → PlanResult.

This is the pure per-document step; `pipeline.batch` runs it over many files in worker processes.
"""

from __future__ import annotations

from pathlib import Path

import numpy  # noqa: F401  (normalize's offset map uses it: loaded here, before a batch forks its workers)

from extractors import extract_all
from pipeline.document import Document
from pipeline.errors import shown
from pipeline.ingest import read_document
from pipeline.models import PlanResult
from pipeline.structure import build_document
from pipeline.version import DEFAULT_BODY_MODE, content_hash, file_hash, pipeline_version, result_version

# The versions and hashes are `pipeline.version`'s, still named here for the callers that take them from here.
__all__ = [
    "content_hash",
    "doc_id_for",
    "file_hash",
    "load_document",
    "pipeline_version",
    "process_file",
    "result_version",
]


def doc_id_for(path: str | Path) -> str:
    """A document's id is its file name without the extension, as the gold set names it (a name
    that is not UTF-8 with its bad bytes escaped, so that every output can hold it)."""
    return Path(shown(path)).stem


def load_document(path: str | Path, max_mb: float | None = None) -> Document:
    """Ingest, normalize and structure one file (raises a typed `KehoachError` on bad input)."""
    return build_document(read_document(path, max_mb), doc_id_for(path))


def process_file(
    path: str | Path,
    nlp: bool = True,
    digest: str | None = None,
    max_mb: float | None = None,
    bodies_mode: str = DEFAULT_BODY_MODE,
) -> PlanResult:
    """One file's result. `digest` is the file's `content_hash` where the caller has it already
    (a batch hashes every file to decide what to skip), so the file is not read a second time.
    `max_mb` is the size limit of `pipeline.ingest.guard`; `bodies_mode` is `kehoach run --bodies`."""
    path = Path(path)
    document = load_document(path, max_mb)
    records = extract_all(document, nlp=nlp, bodies_mode=bodies_mode)
    return PlanResult(
        doc_id=document.doc_id,
        source=shown(path),
        format=document.format,
        content_hash=digest or file_hash(path),
        pipeline_version=result_version(nlp, bodies_mode),
        pages=document.pages,
        **records,
    )
