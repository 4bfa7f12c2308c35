"""Writing every output besides the per-document JSON from the results: JSONL, CSV, XLSX, SQLite.

Kept apart from `pipeline.outputs` (which names the formats) so that parsing the command line does
not import the models, openpyxl and the database code (issue 15: `kehoach --help` starts fast).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import os_reason, say
from pipeline.models import PlanResult
from pipeline.outputs import DATABASE, WORKBOOK
from pipeline.outputs.cells import XLSX_MAX_CHARS, CellCounts
from pipeline.outputs.database import update_database
from pipeline.outputs.files import write_atomic
from pipeline.outputs.spreadsheets import write_csv_tables, write_workbook
from pipeline.outputs.tables import build_tables

_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _one_line(line: str) -> str:
    """A JSON line that no reader splits: JSON may hold U+0085, U+2028 and U+2029 raw, but Python's
    `splitlines()` and many editors break lines there. They can only stand inside JSON strings, where
    their escapes mean the same."""
    for raw, escaped in _LINE_BREAKS.items():
        line = line.replace(raw, escaped)
    return line


@dataclass
class OutputReport:
    """What `write_outputs` did: the files written, the outputs that failed, and what it had to change."""

    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    repeatable: list[str] = field(default_factory=list)  # the warnings the same inputs always give (cells)

    def attempt(self, name: str, write: Callable[[], list[Path]]) -> bool:
        """Run one output's writer; a failure is reported under `name` and kept from the others."""
        try:
            self.written += write()
            return True
        except Exception as error:  # any failure of one output must leave the others written
            reason = os_reason(error) if isinstance(error, OSError) else str(error) or type(error).__name__
            self.problems.append(say("output_failed", name=name, reason=reason))
            return False


def write_outputs(
    out: Path, results: Sequence[PlanResult], errors: Sequence[dict[str, str]], formats: Sequence[str]
) -> OutputReport:
    report = OutputReport()
    if "jsonl" in formats:

        def jsonl() -> list[Path]:
            lines = [r.model_dump_json() for r in sorted(results, key=lambda r: r.source or "")]
            lines += [
                json.dumps(
                    {"source": e["source_file"], "error": e["error"], "message": e["message"]}, ensure_ascii=False
                )
                for e in errors
            ]
            write_atomic(out / "results.jsonl", "".join(_one_line(line) + "\n" for line in lines))
            return [out / "results.jsonl"]

        report.attempt("results.jsonl", jsonl)
    counts = CellCounts()
    tables: dict[str, list[dict]] = {}

    def build() -> list[Path]:
        tables.update(build_tables(results, errors, counts))
        return []

    spreadsheets = {"csv", "xlsx"} & set(formats)
    if spreadsheets and not report.attempt(
        " and ".join(f"the {form.upper()} tables" for form in sorted(spreadsheets)), build
    ):
        spreadsheets = set()
    if "csv" in spreadsheets:
        report.attempt("the CSV tables", lambda: write_csv_tables(tables, out))
    if "xlsx" in spreadsheets:
        report.attempt(WORKBOOK, lambda: [write_workbook(tables, out / WORKBOOK, counts)])
        if counts.cut:
            report.repeatable.append(say("cells_cut", count=counts.cut, limit=XLSX_MAX_CHARS, name=WORKBOOK))
            report.warnings.append(report.repeatable[-1])
    if "sqlite" in formats:

        def database() -> list[Path]:
            report.warnings.extend(update_database(out / DATABASE, results, errors, None if tables else counts))
            return [out / DATABASE]

        report.attempt(DATABASE, database)
    if counts.replaced:
        held = [name for name, form in (("CSV", "csv"), ("XLSX", "xlsx"), ("SQLite", "sqlite")) if form in formats]
        report.repeatable.append(say("cells_replaced", count=counts.replaced, outputs=", ".join(held)))
        report.warnings.append(report.repeatable[-1])
    return report
