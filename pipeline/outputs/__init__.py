"""Everything a batch writes besides the per-document JSON: JSONL, CSV, XLSX and SQLite.

`docs/<name>.json` (one `PlanResult` per file) is always written: it is the batch's cache, read
back on a rerun. The other forms are built from those results at the end of each run, each on its
own: one that cannot be written (a full disk, a file open elsewhere, a bug) is reported, and the
others are still written.

This module only names the formats; the writing is in `pipeline.outputs.writer`, imported when it is
first asked for, so that the command line's parser does not load the models and openpyxl.
"""

from __future__ import annotations

from typing import Any

FORMATS = ("json", "jsonl", "csv", "xlsx", "sqlite")
DATABASE = "kehoach.sqlite"
WORKBOOK = "kehoach.xlsx"


def parse_formats(text: str | None) -> list[str]:
    """`--format csv,xlsx` → ["csv", "xlsx"]; None → every format. Raises ValueError on an unknown one."""
    if not text:
        return list(FORMATS)
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    return chosen



_WRITER_NAMES = ("write_outputs", "OutputReport")


def __getattr__(name: str) -> Any:
    """`write_outputs` and `OutputReport` from `pipeline.outputs.writer`, imported on first use."""
    if name in _WRITER_NAMES:
        from pipeline.outputs import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
