"""`kehoach show FILE`: one document in the terminal — its head, heading tree, tables, what was found
(metadata, citations, targets, deadlines, bodies, tasks, each with its section and its place in the original
file) and the warnings.

Meant for a person checking what kehoach made of a file before trusting a batch: every figure printed
here comes straight from the `Document` the extractors read, so a wrong heading or a table that was not
joined shows up here first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from extractors import extract_all
from pipeline.document import Document, Span
from pipeline.errors import KehoachError, for_terminal
from pipeline.i18n import say
from pipeline.ingest import read_document
from pipeline.models import RECORD_KINDS, Evidence, Metadata, describe_place
from pipeline.process import doc_id_for
from pipeline.structure import build_document
from pipeline.textmatch import fold_whitespace

WIDTH = 100


def _clip(text: str, width: int = WIDTH) -> str:
    text = for_terminal(fold_whitespace(text))
    return text if len(text) <= width else text[: width - 1] + "…"


def _quote(document: Document, span: Span | None) -> str:
    return _clip(document.text[span.start : span.end]) if span else "—"


def render(document: Document, out: TextIO) -> None:
    """Write the readable summary of `document` to `out`."""
    h = document.header
    print(
        f"{for_terminal(document.path)}  ({document.format}, {len(document.text)} characters"
        + (f", {document.pages} pages" if document.pages else "")
        + ")",
        file=out,
    )
    print("\nHEAD", file=out)
    for label, span in (
        ("number", h.number_line),
        ("place, date", h.place_date),
        ("type", h.doc_type_line),
        ("title", h.title),
        ("issued by", h.issuing_sentence),
    ):
        print(f"  {label:<12} {_quote(document, span)}", file=out)
    for span in h.basis:
        print(f"  {'basis':<12} {_quote(document, span)}", file=out)

    print(f"\nHEADINGS ({len(document.sections)})", file=out)
    for section in document.sections:
        indent = "  " * section.level
        print(f"{indent}{section.path:<14} {_clip(section.title, WIDTH - len(indent) - 15)}", file=out)

    print(f"\nTABLES ({len(document.tables)})", file=out)
    for table in document.tables:
        where = table.section or "no section"
        print(f"  table {table.index}: {len(table.rows)} rows, in {where} — {_clip(table.title or '', 60)}", file=out)
        for i, column in enumerate(table.columns):
            print(f"    {i:>2} {column.role or '?':<13} {_clip(column.header, 70)}", file=out)

    tail = [b for b in document.blocks if b.role in ("recipients", "signature")]
    if tail:
        print("\nTAIL", file=out)
        for block in tail:
            print(f"  {block.role:<11} {_clip(document.text[block.start : block.end], 80)}", file=out)

    print(f"\nWARNINGS ({len(document.warnings)})", file=out)
    for warning in document.warnings:
        print(f"  - {for_terminal(warning)}", file=out)


def _fields(record: Evidence) -> str:
    """The record's own fields (not its evidence), as `name=value` pairs, empty ones left out."""
    values = []
    for name, value in record.model_dump(exclude=set(Evidence.model_fields)).items():
        if value in (None, [], False):
            continue
        if name == "deadline":
            value = "; ".join(
                f"{spec['kind']} {spec.get('start') or ''}..{spec.get('end') or ''}".strip(". ") for spec in value
            )
        values.append(f"{name}={value}")
    return ", ".join(values)


def render_findings(records: dict, out: TextIO) -> None:
    metadata: Metadata = records["metadata"]
    print("\nMETADATA", file=out)
    for name, value in metadata.model_dump(exclude_none=True).items():
        if value not in ([], ""):
            print(f"  {name:<12} {_clip(str(value), WIDTH - 15)}", file=out)
    for kind in RECORD_KINDS:
        found = records[kind]
        print(f"\n{kind.upper()} ({len(found)})", file=out)
        for record in found:
            where = " · ".join(part for part in (record.section or "", describe_place(record.source)) if part)
            print(f"  [{where}] {_clip(record.quote, 70)}", file=out)
            print(f"      {_clip(_fields(record), WIDTH - 6)}", file=out)
    warnings = [w for w in records["warnings"] if w.code != "structure"]
    if warnings:
        print(f"\nEXTRACTION WARNINGS ({len(warnings)})", file=out)
        for warning in warnings:
            print(f"  - {warning.code}: {_clip(warning.message, WIDTH - 6)} {describe_place(warning.source)}", file=out)


def show_command(args: argparse.Namespace) -> int:
    """Print one document's structure; a file kehoach cannot read gives its message on stderr and 1.
    What `run` refuses before reading (a device such as /dev/zero, a pipe, a size over --max-size),
    `show` refuses too: it reads through the same `read_document`."""
    path = Path(args.file)
    try:
        raw = read_document(path, getattr(args, "max_size", None))
        document = build_document(raw, doc_id_for(path))
    except KehoachError as error:
        print(for_terminal(error.message), file=sys.stderr)
        return 1
    if getattr(args, "html", None):
        from pipeline.show_html import write_page

        print(say("html.written", path=write_page(document, extract_all(document), Path(args.html))), file=sys.stderr)
        return 0
    render(document, sys.stdout)
    render_findings(extract_all(document), sys.stdout)
    return 0
