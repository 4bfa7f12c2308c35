"""Flatten `PlanResult`s into the tables staff open in Excel and the database holds.

`summary` has one row per plan (see `summary`); `documents` one per file; the record tables one per
record, with the plan it belongs to, its quote and every field of the record, its section and where
it stands in the original file (`place` in words, then the file and the location numbers, counted
from 1). Identifying columns come first and machine ones last, so that a sheet reads and prints from
the left. The column lists are derived from the pydantic models, so a field added to a record
appears in every output without touching this module; a field named like an SQL keyword gets a
column name that is not one (`COLUMN_OF_FIELD`). Every cell passes `cells.visible`, so that CSV,
XLSX and SQLite hold the same text (control characters shown, not fatal).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pipeline.models import (
    RECORD_KINDS,
    RECORD_MODELS,
    DeadlineSpec,
    Evidence,
    Metadata,
    PlanResult,
    SourceLocation,
    describe_place,
)
from pipeline.outputs.cells import CellCounts, visible
from pipeline.outputs.summary import SUMMARY_COLUMNS, PlanFacts, summary_rows, with_year_columns

TABLES = ("summary", "documents", *RECORD_KINDS, "warnings", "errors")
METADATA_FIELDS = [name for name in Metadata.model_fields if name != "note"]
# A record field whose name is an SQL keyword gets a column name that is not, so that a query
# needs no quotes (`SELECT by_date FROM targets`); the models keep the gold set's names.
COLUMN_OF_FIELD = {"group": "task_group", "by": "by_date", "start": "start_date", "end": "end_date"}
# Each record kind's own fields (beside the quote and its place), one column each.
RECORD_FIELDS = {
    kind: [name for name in RECORD_MODELS[kind].model_fields if name not in Evidence.model_fields]
    for kind in RECORD_KINDS
}

IDENTIFYING_METADATA = ("place", "issuer", "number", "symbol", "date", "title")
# Identifying columns first, the ones a person filters on; machine ones (hashes, offsets) last.
DOCUMENT_COLUMNS = [
    "doc_id",
    *[f"meta_{name}" for name in IDENTIFYING_METADATA],
    *[f"meta_{name}" for name in METADATA_FIELDS if name not in IDENTIFYING_METADATA],
    *[f"n_{kind}" for kind in RECORD_KINDS],
    "n_warnings",
    "format",
    "pages",
    "source_file",
    "content_hash",
    "pipeline_version",
]
LOCATION_COLUMNS = [*SourceLocation.model_fields, "span_start", "span_end"]
ERROR_COLUMNS = ["source_file", "error", "message"]
WARNING_COLUMNS = ["doc_id", "code", "message", "place", "format", "source_file", *LOCATION_COLUMNS]


def record_columns(kind: str) -> list[str]:
    """A record table's columns: the plan, the quote and the record's own fields, where it stands
    (section and place in words), then the file and the location numbers."""
    fields = [COLUMN_OF_FIELD.get(name, name) for name in RECORD_FIELDS[kind]]
    return ["doc_id", "quote", *fields, "section", "place", "format", "source_file", *LOCATION_COLUMNS]


COLUMNS: dict[str, list[str]] = {
    "summary": SUMMARY_COLUMNS,
    "documents": DOCUMENT_COLUMNS,
    **{kind: record_columns(kind) for kind in RECORD_KINDS},
    "warnings": WARNING_COLUMNS,
    "errors": ERROR_COLUMNS,
}


def table_columns(name: str, rows: list[dict[str, Any]]) -> list[str]:
    """The columns of one built table: `COLUMNS`, and for the summary the per-year target counts
    this run found (`targets_2025`, `targets_2030`, …), in year order, after `n_targets`."""
    if name != "summary":
        return COLUMNS[name]
    return with_year_columns(COLUMNS[name], rows)


def format_deadline(spec: DeadlineSpec) -> str:
    """A deadline as one readable cell: "period 2026-01-01..2026-03-31", "recurring monthly day 25"."""
    parts = [spec.kind]
    if spec.start or spec.end:
        parts.append(f"{spec.start or ''}..{spec.end or ''}")
    if spec.recurrence:
        parts.append(spec.recurrence)
    if spec.day:
        parts.append(f"day {spec.day}")
    return " ".join(parts)


def cell_value(value: Any) -> Any:
    """A scalar for a CSV/XLSX cell or an SQLite column: lists joined with "; "."""
    if isinstance(value, list):
        return "; ".join(format_deadline(v) if isinstance(v, DeadlineSpec) else str(v) for v in value)
    if isinstance(value, bool):
        return int(value)
    return value


def _location(source: Any, span: tuple[int, int] | None) -> dict[str, Any]:
    row = {name: getattr(source, name, None) if source else None for name in SourceLocation.model_fields}
    row["span_start"], row["span_end"] = span if span else (None, None)
    row["place"] = describe_place(source)  # the same, in the words a person looks it up by
    return row


def document_row(result: PlanResult) -> dict[str, Any]:
    row: dict[str, Any] = {
        "doc_id": result.doc_id,
        "source_file": result.source,
        "format": result.format,
        "pages": result.pages,
        "content_hash": result.content_hash,
        "pipeline_version": result.pipeline_version,
        "n_warnings": len(result.warnings),
    }
    for name in METADATA_FIELDS:
        row[f"meta_{name}"] = cell_value(getattr(result.metadata, name))
    for kind in RECORD_KINDS:
        row[f"n_{kind}"] = len(getattr(result, kind))
    return row


def record_rows(result: PlanResult, kind: str) -> list[dict[str, Any]]:
    rows = []
    for record in getattr(result, kind):
        row: dict[str, Any] = {"doc_id": result.doc_id, "source_file": result.source, "format": result.format}
        row["quote"] = record.quote
        row["section"] = record.section
        row.update(_location(record.source, record.span))
        for name in RECORD_FIELDS[kind]:
            row[COLUMN_OF_FIELD.get(name, name)] = cell_value(getattr(record, name))
        rows.append(row)
    return rows


def warning_rows(result: PlanResult) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": result.doc_id,
            "source_file": result.source,
            "format": result.format,
            "code": warning.code,
            "message": warning.message,
            **_location(warning.source, warning.span),
        }
        for warning in result.warnings
    ]


def result_rows(result: PlanResult, counts: CellCounts) -> dict[str, list[dict[str, Any]]]:
    """One result's rows of the tables made per document (documents, each record kind, warnings),
    each cell holdable by every table format; `counts` counts the cells that had to change."""
    tables = {"documents": [document_row(result)], **{kind: record_rows(result, kind) for kind in RECORD_KINDS}}
    tables["warnings"] = warning_rows(result)
    return {name: visible_rows(rows, counts) for name, rows in tables.items()}


def closing_rows(
    results: Iterable[PlanResult | PlanFacts], errors: Iterable[dict[str, str]], counts: CellCounts
) -> dict[str, list[dict[str, Any]]]:
    """The tables made from every result at once (the summary, from the results or their `PlanFacts`)
    and the errors, in source-file order: the same for the whole tables and for a streamed run."""
    return {
        "summary": visible_rows(summary_rows(results), counts),
        "errors": visible_rows(sorted(errors, key=lambda e: e["source_file"]), counts),
    }


def build_tables(
    results: Iterable[PlanResult], errors: Iterable[dict[str, str]], counts: CellCounts | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows, in a stable order (documents by source file, records in document order),
    each cell holdable by every table format; `counts` counts the cells that had to change."""
    counts = counts if counts is not None else CellCounts()
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    results = sorted(results, key=source_order)
    for result in results:
        for name, rows in result_rows(result, counts).items():
            tables[name].extend(rows)
    tables.update(closing_rows(results, errors, counts))
    return tables


def source_order(result: PlanResult) -> str:
    """The order of the tables' rows: by source file (the plan id where a result has none)."""
    return result.source or result.doc_id


def visible_rows(rows: Iterable[dict[str, Any]], counts: CellCounts) -> list[dict[str, Any]]:
    """`rows` with every cell made holdable by every table format (`visible`), counted in `counts`."""
    return [{k: visible(v, counts) for k, v in row.items()} for row in rows]
