"""Everything a batch writes besides the per-document JSON: JSONL, CSV, XLSX and SQLite.

`docs/<name>.json` (one `PlanResult` per file) is always written: it is the batch's cache, read
back on a rerun. The other forms are built from those results at the end of each run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pipeline.models import PlanResult
from pipeline.outputs.database import update_database
from pipeline.outputs.files import write_atomic
from pipeline.outputs.spreadsheets import write_csv_tables, write_workbook
from pipeline.outputs.tables import build_tables

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


def write_outputs(
    out: Path, results: Sequence[PlanResult], errors: Sequence[dict[str, str]], formats: Sequence[str]
) -> list[Path]:
    written: list[Path] = []
    if "jsonl" in formats:
        lines = [r.model_dump_json() for r in sorted(results, key=lambda r: r.source or "")]
        lines += [
            json.dumps({"source": e["source_file"], "error": e["error"], "message": e["message"]}, ensure_ascii=False)
            for e in errors
        ]
        write_atomic(out / "results.jsonl", "".join(line + "\n" for line in lines))
        written.append(out / "results.jsonl")
    if "csv" in formats or "xlsx" in formats:
        tables = build_tables(results, errors)
        if "csv" in formats:
            written += write_csv_tables(tables, out)
        if "xlsx" in formats:
            written.append(write_workbook(tables, out / WORKBOOK))
    if "sqlite" in formats:
        update_database(out / DATABASE, results, errors)
        written.append(out / DATABASE)
    return written
