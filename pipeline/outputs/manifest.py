"""`manifest.json`: what every file run into a folder came to, and what a rerun may reuse.

One entry per input file (keyed by its path as shown in the outputs): its content hash, the pipeline
version, the outcome, and the result file or the error. The manifest is the list of files every other
output describes (everything ever run into the folder), and the cache a rerun reads:

- A result is reused only where the file's content and the pipeline version are unchanged *and* the
  result file is this file's (its recorded source and content hash agree): two plans called
  `ke-hoach.txt` in two folders, run one after the other, must never swap results.
- An error is reused only where it depends on nothing but the content and the version (a damaged
  .docx stays damaged). A timeout, a crash, a memory limit or a full disk is tried again every run.

A manifest that cannot be read or has the wrong shape is moved aside, with a warning, and rebuilt from
`docs/*.json`: each result names its source, content hash and version, so nothing is processed again.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError

from pipeline.errors import cacheable_codes, os_reason, say
from pipeline.models import PlanResult
from pipeline.outputs.files import aside_name, write_atomic

MANIFEST = "manifest.json"
DOCS = "docs"


class Entry(BaseModel):
    content_hash: str
    pipeline_version: str
    status: str  # "ok" or "failed"
    output: str | None = None  # "docs/<name>.json" when status is "ok"
    error_code: str | None = None
    message: str | None = None

    def reusable(self, digest: str, version: str) -> bool:
        """Whether a rerun may take this outcome without reading the file (a result still has to be
        checked to be this file's: see `belongs`)."""
        if (self.content_hash, self.pipeline_version) != (digest, version):
            return False
        if self.status == "ok":
            return self.output is not None
        return self.error_code in cacheable_codes()


_SHAPE = TypeAdapter(dict[str, Entry])


def belongs(result: PlanResult, source: str, digest: str, version: str) -> bool:
    """Whether a stored result is the one of this file, this content and this pipeline version."""
    return (result.source, result.content_hash, result.pipeline_version) == (source, digest, version)


def read_result(path: Path) -> PlanResult | None:
    try:
        return PlanResult.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        return None


def rebuild(out: Path) -> dict[str, Entry]:
    """Entries for every readable result in `docs/`; where two claim one source, the newest wins."""
    found: dict[str, tuple[float, Entry]] = {}
    for path in sorted((out / DOCS).glob("*.json")):
        result = read_result(path)
        if result is None or not result.source:
            continue
        stamp = path.stat().st_mtime
        if result.source in found and found[result.source][0] >= stamp:
            continue
        entry = Entry(
            content_hash=result.content_hash,
            pipeline_version=result.pipeline_version,
            status="ok",
            output=path.relative_to(out).as_posix(),
        )
        found[result.source] = (stamp, entry)
    return {source: entry for source, (_, entry) in sorted(found.items())}


def load(out: Path) -> tuple[dict[str, Entry], list[str]]:
    """The manifest of `out`, and the warnings to show (a damaged one moved aside)."""
    path = out / MANIFEST
    if not path.exists():
        return rebuild(out), []  # a first run, or one killed before it saved: the results say what was done
    try:
        return _SHAPE.validate_json(path.read_bytes()), []
    except ValidationError as error:
        invalid = any(item["type"] == "json_invalid" for item in error.errors())
        reason = say("reason_not_json" if invalid else "reason_wrong_shape")
    except OSError as error:
        reason = say("reason_cannot_read", reason=os_reason(error))
    aside = aside_name(path)
    path.replace(aside)
    return rebuild(out), [say("moved_aside", name=MANIFEST, reason=reason, aside=aside.name)]


def save(out: Path, manifest: dict[str, Entry]) -> str:
    """Write the manifest, unless the file already holds exactly it: a rerun that changed nothing
    writes nothing (and spends no `fsync`). The text, which `stamp.state_digest` takes."""
    data = {source: entry.model_dump() for source, entry in sorted(manifest.items())}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    try:
        if (out / MANIFEST).read_bytes() == text.encode("utf-8"):
            return text
    except (OSError, UnicodeEncodeError):
        pass  # none yet, unreadable, or a name only the write below can hold: write it
    write_atomic(out / MANIFEST, text)
    return text


def prune(out: Path, manifest: dict[str, Entry]) -> None:
    """Remove results no entry refers to (a file whose content changed and now fails; a duplicate),
    so that `docs/` holds what the manifest and every table hold, and `kehoach score` reads no stale
    result."""
    kept = {entry.output for entry in manifest.values() if entry.status == "ok"}
    for path in (out / DOCS).glob("*.json"):
        if path.relative_to(out).as_posix() not in kept:
            path.unlink(missing_ok=True)
