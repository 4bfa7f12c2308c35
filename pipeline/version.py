"""kehoach's version, and the versions and hashes a batch compares to decide what to process again.

The package version comes from the installed package's metadata (`pip install -e .` records it). The
rest (`pipeline_version`, `result_version`, `file_hash`) lives here rather than in `pipeline.process`
so that a rerun which reuses every result does not import the extractors, their lexicons and models
(issue 15: a rerun with nothing changed returns in well under a second).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# The bodies mode a result's version leaves unnamed: `extractors.body_model.DEFAULT_BODY_MODE`, repeated
# here so that computing a version imports no extractor (a test checks the two agree).
DEFAULT_BODY_MODE = "rules"
_PACKAGE_DIRS = ("pipeline", "extractors")


def package_version() -> str:
    """The version pyproject.toml declares, or "0+unknown" when kehoach runs from a bare checkout."""
    try:
        return version("kehoach")
    except PackageNotFoundError:
        return "0+unknown"


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
