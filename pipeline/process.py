"""One file through the whole flow: ingest → normalize → structure → extractors → PlanResult.

This is the pure per-document step; `pipeline.batch` runs it over many files in worker processes.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from extractors import extract_all
from extractors.body_model import DEFAULT_BODY_MODE
from pipeline.document import Document
from pipeline.errors import shown
from pipeline.ingest import read_document
from pipeline.models import PlanResult
from pipeline.structure import build_document
from pipeline.version import package_version

_PACKAGE_DIRS = ("pipeline", "extractors")


@cache
def pipeline_version() -> str:
    """The package version plus a digest of the code, lexicons and learned model that shape a result.

    A batch skips a file only when its content hash *and* this version are unchanged, so a
    developer who edits a rule or a lexicon gets fresh results without remembering --force.
    """
    base = package_version()
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for package in _PACKAGE_DIRS:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in {".py", ".json", ".tsv", ".crfsuite"} and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{base}+{digest.hexdigest()[:12]}"


def doc_id_for(path: str | Path) -> str:
    """A document's id is its file name without the extension, as the gold set names it (a name
    that is not UTF-8 with its bad bytes escaped, so that every output can hold it)."""
    return Path(shown(path)).stem


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str:
    """`content_hash` of a file's bytes, read in blocks: a batch hashes every file, and a big one
    must not be held in the parent's memory to do it."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def result_version(nlp: bool = True, bodies_mode: str = DEFAULT_BODY_MODE) -> str:
    """The version a result records: a rules-only result differs from a full one, and a result whose
    bodies came from the learned model from one whose came from the rules, so a batch rerun with other
    flags never takes one for the other."""
    bodies = "" if bodies_mode == DEFAULT_BODY_MODE else f"+bodies-{bodies_mode}"
    return pipeline_version() + ("" if nlp else "+rules-only") + bodies


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
