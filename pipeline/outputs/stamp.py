"""`outputs.stamp.json`: what the tables were last built from, so a rerun that changes nothing touches nothing.

Every output besides `docs/` is a function of the manifest's entries, the result files they name, the
requested formats, the pipeline version and the language of the labels. After the outputs are written
the stamp records a digest of those inputs and the size, modification time and inode of every result
file and every output file. A later run whose manifest digest is the same, and whose files all still
stat the same, skips reading the results back and writing the tables (issue 15: a rerun of thousands of
unchanged plans used to rebuild the whole workbook). Anything else — a file edited, deleted, moved
aside or written by someone else, another format or language — takes the full path, as before.

The stamp also vouches for a result file without reading it: a file it recorded for this source,
content hash and version, still with the same size, time and inode, is the one checked when the
stamp was made (`manifest.belongs`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.outputs.files import write_atomic
from pipeline.outputs.manifest import Entry

STAMP = "outputs.stamp.json"
_LAYOUT = 1  # bumped when the stamp's shape changes, so an older stamp vouches for nothing


def _stat(path: Path) -> list[int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ino]


def state_digest(manifest_text: str, formats: Iterable[str], version: str, language: str) -> str:
    """A digest of everything the outputs are built from, besides the result files' contents: the
    manifest (as `manifest.save` wrote it), the formats, the pipeline version and the language."""
    head = json.dumps([_LAYOUT, version, language, sorted(formats)])
    return hashlib.sha256(f"{head}\n{manifest_text}".encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Stamp:
    """A stamp as read from `out` (empty where there is none or it cannot be read)."""

    state: str = ""
    docs: dict[str, list] = field(default_factory=dict)  # output → [source, content hash, version, stat]
    outputs: dict[str, list[int]] = field(default_factory=dict)  # file name → stat
    warnings: list[str] = field(default_factory=list)  # what writing the outputs said, said again on a skip
    checked: set[str] = field(default_factory=set)  # outputs vouched for in this run: not stat'ed twice

    def vouches(self, out: Path, source: str, entry: Entry) -> bool:
        """Whether this entry's result file is, unread, the one the stamp recorded for it."""
        recorded = self.docs.get(entry.output or "")
        if recorded is None or recorded[:3] != [source, entry.content_hash, entry.pipeline_version]:
            return False
        if entry.output in self.checked:
            return True
        if recorded[3] != _stat(out / (entry.output or "")):
            return False
        self.checked.add(entry.output or "")
        return True

    def current(self, out: Path, manifest: Mapping[str, Entry], state: str) -> bool:
        """Whether the outputs in `out` are already those of this manifest and state."""
        if not self.state or state != self.state:
            return False
        if any(entry.status == "ok" and not self.vouches(out, source, entry) for source, entry in manifest.items()):
            return False
        return all(_stat(out / name) == recorded for name, recorded in self.outputs.items())


def load(out: Path) -> Stamp:
    try:
        data = json.loads((out / STAMP).read_text(encoding="utf-8"))
        if data.get("layout") != _LAYOUT:
            return Stamp()
        return Stamp(data["state"], data["docs"], data["outputs"], data["warnings"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Stamp()


def forget(out: Path) -> None:
    """Remove the stamp before outputs are rewritten: an interrupted write must not be vouched for."""
    (out / STAMP).unlink(missing_ok=True)


def record(
    out: Path, manifest: Mapping[str, Entry], state: str, written: Iterable[Path], warnings: list[str]
) -> None:
    """Stamp the outputs just written from `manifest` (every result in it read and checked)."""
    docs = {
        entry.output: [source, entry.content_hash, entry.pipeline_version, _stat(out / entry.output)]
        for source, entry in manifest.items()
        if entry.status == "ok" and entry.output
    }
    outputs = {path.relative_to(out).as_posix(): _stat(path) for path in written}
    data = {"layout": _LAYOUT, "state": state, "docs": docs, "outputs": outputs, "warnings": warnings}
    write_atomic(out / STAMP, json.dumps(data))
