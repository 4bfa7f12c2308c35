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
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from extractors import extract_all
from pipeline.document import Document, Span
from pipeline.errors import KehoachError, for_terminal
from pipeline.i18n import catalogue, say
from pipeline.ingest import read_document
from pipeline.models import RECORD_KINDS, DocWarning, Evidence, Metadata, SourceLocation, describe_place
from pipeline.process import doc_id_for
from pipeline.structure import build_document
from pipeline.textmatch import fold_whitespace

WIDTH = 100
# Fields whose values are codes (data shared with the gold set), shown in words where the catalogue explains them.
CODE_FIELDS = frozenset({"doc_type", "relation", "role", "kind", "recurrence"})


def _clip(text: str, width: int = WIDTH) -> str:
    text = for_terminal(fold_whitespace(text))
    return text if len(text) <= width else text[: width - 1] + "…"


def _quote(document: Document, span: Span | None) -> str:
    return _clip(document.text[span.start : span.end]) if span else "—"


def _label(key: str) -> str:
    """A label from the catalogue, or the key's last part where the catalogue has none (a field a
    newer model added): a raw name is better than a crash."""
    return say(key) if key in catalogue() else key.rpartition(".")[2]


def _code(field: str, value: object) -> str:
    """A code value (`implements`, `lead`, `by_date`) in words where the catalogue explains it
    (`code.<field>.<value>`, from the tables' labels), else the code itself, which is data."""
    key = f"code.{field}.{value}"
    return say(key) if key in catalogue() else str(value)


def render(document: Document, out: TextIO) -> None:
    """Write the readable summary of `document` to `out`."""
    h = document.header
    pages = say("show.pages", pages=document.pages) if document.pages else ""
    print(
        say(
            "show.file", path=for_terminal(document.path), format=document.format, chars=len(document.text), pages=pages
        ),
        file=out,
    )
    print(f"\n{say('show.head')}", file=out)
    for key, span in (
        ("number", h.number_line),
        ("place_date", h.place_date),
        ("type", h.doc_type_line),
        ("title", h.title),
        ("issued_by", h.issuing_sentence),
    ):
        print(f"  {say(f'show.head.{key}'):<16} {_quote(document, span)}", file=out)
    for span in h.basis:
        print(f"  {say('show.head.basis'):<16} {_quote(document, span)}", file=out)

    print(f"\n{say('show.headings', count=len(document.sections))}", file=out)
    for section in document.sections:
        indent = "  " * section.level
        print(f"{indent}{section.path:<14} {_clip(section.title, WIDTH - len(indent) - 15)}", file=out)

    print(f"\n{say('show.tables', count=len(document.tables))}", file=out)
    for table in document.tables:
        line = say(
            "show.table",
            table=describe_place(SourceLocation(table_no=table.index + 1)),  # table.index counts from 0
            rows=len(table.rows),
            section=table.section or say("show.no_section"),
            title=_clip(table.title or "", 60),
        )
        print(f"  {line}", file=out)
        for i, column in enumerate(table.columns, start=1):
            role = say(f"show.column_role.{column.role}") if column.role else "?"
            print(f"    {i:>2} {role:<13} {_clip(column.header, 70)}", file=out)

    tail = [b for b in document.blocks if b.role in ("recipients", "signature")]
    if tail:
        print(f"\n{say('show.tail')}", file=out)
        for block in tail:
            text = _clip(document.text[block.start : block.end], 80)
            print(f"  {say(f'show.tail.{block.role}'):<11} {text}", file=out)

    print(f"\n{say('show.warnings', count=len(document.warnings))}", file=out)
    for warning in document.warnings:
        print(f"  - {_warning_line(warning)}", file=out)


def _warning_line(warning: DocWarning) -> str:
    """The warning in the current language, then where it is in the original file."""
    place = describe_place(warning.source)
    return for_terminal(warning.text() + (f" ({place})" if place else ""))


def _shown_value(name: str, value: object) -> str:
    if isinstance(value, bool):
        return say("show.yes")
    if isinstance(value, list):
        return "; ".join(_shown_value(name, item) for item in value)
    if isinstance(value, dict):  # a task's deadline: kind and its dates
        dates = f"{value.get('start') or ''}..{value.get('end') or ''}".strip(". ")
        return f"{_code('kind', value['kind'])} {dates}".strip()
    return _code(name, value) if name in CODE_FIELDS else str(value)


def _fields(record: Evidence) -> str:
    """The record's own fields (not its evidence), as `label=value` pairs, empty ones left out."""
    values = []
    for name, value in record.model_dump(exclude=set(Evidence.model_fields)).items():
        if value in (None, [], False):
            continue
        values.append(f"{_label(f'show.field.{name}')}={_shown_value(name, value)}")
    return ", ".join(values)


def render_findings(records: dict, out: TextIO, shown: Sequence[DocWarning] = ()) -> None:
    """Write the records found, each with its section and place, and the warnings not in `shown`
    (the document's own, which `render` printed already)."""
    metadata: Metadata = records["metadata"]
    print(f"\n{say('show.metadata')}", file=out)
    for name, value in metadata.model_dump(exclude_none=True).items():
        if value not in ([], ""):
            print(f"  {_label(f'show.field.{name}'):<16} {_clip(_shown_value(name, value), WIDTH - 19)}", file=out)
    for kind in RECORD_KINDS:
        found = records[kind]
        print(f"\n{say(f'show.kind.{kind}', count=len(found))}", file=out)
        for record in found:
            where = " · ".join(part for part in (record.section or "", describe_place(record.source)) if part)
            print(f"  [{where}] {_clip(record.quote, 70)}", file=out)
            print(f"      {_clip(_fields(record), WIDTH - 6)}", file=out)
    warnings = [w for w in records["warnings"] if w not in shown]
    if warnings:
        print(f"\n{say('show.extraction_warnings', count=len(warnings))}", file=out)
        for warning in warnings:
            print(f"  - {_clip(_warning_line(warning), WIDTH - 4)}", file=out)


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
    render(document, sys.stdout)
    render_findings(extract_all(document), sys.stdout, shown=document.warnings)
    return 0
