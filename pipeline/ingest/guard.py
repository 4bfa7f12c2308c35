"""What kehoach refuses before it reads: files that are not regular files, and sizes over the limit.

Why before: reading is where the harm is done. `open()` on a FIFO waits for a writer that never comes,
`/dev/zero` never ends, a 50 MB text or a .docx whose 200 KB package unpacks into 40 MB of XML takes
gigabytes once parsed. A `stat` and a zip directory cost nothing and tell all of this in advance, so
the file gets a typed error naming it and the flag that raises the limit, and the batch goes on.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from pipeline.errors import FileNotFoundError_, NotAFileError, TooLargeError, UnreadableDocumentError, os_reason

DEFAULT_MAX_MB = 50.0
MB = 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "kind_folder"),
    (stat.S_ISFIFO, "kind_fifo"),
    (stat.S_ISCHR, "kind_char_device"),
    (stat.S_ISBLK, "kind_block_device"),
    (stat.S_ISSOCK, "kind_socket"),
)


def max_bytes(max_mb: float | None) -> int:
    return int((max_mb or DEFAULT_MAX_MB) * MB)


def check_file(path: Path, limit: int) -> int:
    """The size of `path` if it is a regular file within `limit` bytes; else a typed error naming it."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        if path.is_symlink():
            raise NotAFileError(path, "dangling_link") from exc
        raise FileNotFoundError_(path) from exc
    except OSError as exc:
        raise UnreadableDocumentError(path, "cannot_open", reason=os_reason(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "kind_other")
        raise NotAFileError(path, kind)
    if info.st_size > limit:
        raise TooLargeError(path, "over_limit", size=f"{info.st_size / MB:,.1f}", limit=f"{limit / MB:,.0f}")
    return info.st_size


def read_checked(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (a file that grows while read is cut off
    at the limit and refused, so it cannot outgrow the check made before opening it)."""
    check_file(path, limit)
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError as exc:  # removed between the check and the reading
        raise FileNotFoundError_(path) from exc
    except OSError as exc:
        raise UnreadableDocumentError(path, "cannot_open", reason=os_reason(exc)) from exc
    if len(data) > limit:
        raise TooLargeError(path, "grew_past_limit", limit=f"{limit / MB:,.0f}")
    return data


def check_zip_parts(path: Path, package: zipfile.ZipFile, limit: int) -> None:
    """Refuse a package whose XML parts, by the sizes its directory declares, unpack past `limit`.

    The declared size bounds what `zipfile` will inflate (it stops there), so checking it is enough.
    Pictures and other binary parts are never read, so a plan with large photos is not refused.
    """
    for info in package.infolist():
        if info.filename.endswith((".xml", ".rels")) and info.file_size > limit:
            raise TooLargeError(
                path,
                "part_over_limit",
                part=info.filename,
                size=f"{info.file_size / MB:,.1f}",
                limit=f"{limit / MB:,.0f}",
            )
