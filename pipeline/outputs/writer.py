"""Writing every output besides the per-document JSON from the results: JSONL, CSV, XLSX, SQLite.

The results are streamed: each is written to every output as it comes, and only a few hundred
bytes of it (`PlanFacts`, for the summary) are kept, so a batch's parent does not hold every result
while it writes (issue 15: 2.9 GB for 5,000 plans before). A batch gives them one at a time in
source-file order, read from `docs/`; a list is sorted here.

Kept apart from `pipeline.outputs` (which names the formats) so that parsing the command line does
not import the models, openpyxl and the database code (issue 15: `kehoach --help` starts fast).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import os_reason, say
from pipeline.models import PlanResult
from pipeline.outputs import DATABASE, WORKBOOK
from pipeline.outputs.cells import XLSX_MAX_CHARS, CellCounts
from pipeline.outputs.database import DatabaseUpdate
from pipeline.outputs.files import AtomicFile
from pipeline.outputs.spreadsheets import CsvStream, WorkbookStream
from pipeline.outputs.summary import PlanFacts
from pipeline.outputs.tables import closing_rows, result_rows, source_order

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
        return _Output(self, name).run(lambda: self.written.extend(write()) or True) is not None

    def fail(self, name: str, error: Exception) -> None:
        reason = os_reason(error) if isinstance(error, OSError) else str(error) or type(error).__name__
        self.problems.append(say("output_failed", name=name, reason=reason))


class _Output:
    """One output being written in steps: the first step that fails is reported under its name, its
    partial file discarded, and its later steps skipped; the other outputs go on."""

    def __init__(self, report: OutputReport, name: str, open_: Callable[[], Any] | None = None):
        self.report, self.name = report, name
        self.failed = False
        self.sink: Any = None
        if open_ is not None:
            self.sink = self.run(open_)

    def run(self, step: Callable[[], Any]) -> Any:
        """`step()`, or None when it fails or an earlier step did."""
        if self.failed:
            return None
        try:
            return step()
        except Exception as error:  # any failure of one output must leave the others written
            self.report.fail(self.name, error)
            self.stop()
            return None

    def stop(self) -> None:
        """Give up this output, discarding what it wrote (no problem reported)."""
        self.failed = True
        discard = getattr(self.sink, "discard", None) or getattr(self.sink, "abort", None)
        if discard is not None:
            with contextlib.suppress(Exception):  # already failed and reported; the cleanup is best effort
                discard()

    @property
    def live(self) -> bool:
        return not self.failed and self.sink is not None


def write_outputs(
    out: Path,
    results: Iterable[PlanResult],
    errors: Sequence[dict[str, str]],
    formats: Sequence[str],
    sources: Sequence[str] | None = None,
) -> OutputReport:
    """Write every asked-for output from `results` and `errors`.

    `results` is a list (sorted here by source file), or an iterator giving them already in that order
    with `sources` naming them beforehand (the database removes the documents of any other file first).
    An iterator is always read to its end, whatever the formats."""
    report = OutputReport()
    if isinstance(results, Sequence):
        results = sorted(results, key=source_order)
        sources = [result.source for result in results]
    counts = CellCounts()
    spreadsheets = {"csv", "xlsx"} & set(formats)
    jsonl = _Output(report, "results.jsonl", lambda: AtomicFile(out / "results.jsonl")) if "jsonl" in formats else None
    tables = (
        _Output(report, " and ".join(f"the {form.upper()} tables" for form in sorted(spreadsheets)), lambda: True)
        if spreadsheets
        else None
    )
    csv = _Output(report, "the CSV tables", lambda: CsvStream(out)) if "csv" in formats else None
    xlsx = _Output(report, WORKBOOK, lambda: WorkbookStream(out / WORKBOOK, counts)) if "xlsx" in formats else None
    database = None
    if "sqlite" in formats:
        database_counts = CellCounts() if spreadsheets else counts  # the tables' cells are counted once
        database = _Output(report, DATABASE, lambda: DatabaseUpdate(out / DATABASE, sources or [], database_counts))
    keep_facts = bool(spreadsheets) or database is not None
    facts: list[PlanFacts] = []
    rows = None
    for result in results:
        if keep_facts:
            facts.append(PlanFacts.of(result))
        if jsonl is not None and jsonl.live:
            jsonl.run(lambda result=result: jsonl.sink.stream.write(_one_line(result.model_dump_json()) + "\n"))
        if tables is not None and tables.live:
            rows = tables.run(lambda result=result: result_rows(result, counts))
            if rows is None:
                for output in (csv, xlsx):
                    if output is not None:
                        output.stop()  # the tables could not be built: neither form is written
            for output in (csv, xlsx):
                if rows is not None and output is not None and output.live:
                    output.run(lambda output=output, rows=rows: [output.sink.add(n, part) for n, part in rows.items()])
        if database is not None and database.live:
            shared = rows if tables is not None and tables.live else None  # the same cells, made once
            database.run(lambda result=result, shared=shared: database.sink.add(result, shared))
    if jsonl is not None and jsonl.live:

        def finish_jsonl() -> None:
            for e in errors:
                line = json.dumps(
                    {"source": e["source_file"], "error": e["error"], "message": e["message"]}, ensure_ascii=False
                )
                jsonl.sink.stream.write(_one_line(line) + "\n")
            report.written.append(jsonl.sink.commit())

        jsonl.run(finish_jsonl)
    whole = None
    if tables is not None and tables.live:
        whole = tables.run(lambda: closing_rows(facts, errors, counts))
    for output in (csv, xlsx):
        if output is not None and (whole is None or not output.live):
            output.stop()
    if csv is not None and csv.live:
        csv.run(lambda: report.written.extend(csv.sink.finish(whole)))
    if xlsx is not None and xlsx.live:
        xlsx.run(lambda: report.written.append(xlsx.sink.finish(whole)))
        if counts.cut:
            report.repeatable.append(say("cells_cut", count=counts.cut, limit=XLSX_MAX_CHARS, name=WORKBOOK))
            report.warnings.append(report.repeatable[-1])
    if database is not None and database.live:

        def finish_database() -> None:
            database.sink.finish(facts, errors)
            report.warnings.extend(database.sink.warnings)
            report.written.append(out / DATABASE)

        database.run(finish_database)
    if counts.replaced:
        held = [name for name, form in (("CSV", "csv"), ("XLSX", "xlsx"), ("SQLite", "sqlite")) if form in formats]
        report.repeatable.append(say("cells_replaced", count=counts.replaced, outputs=", ".join(held)))
        report.warnings.append(report.repeatable[-1])
    return report
