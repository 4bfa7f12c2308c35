"""`kehoach show FILE --html OUT.html`: the plan's own text with every record highlighted where it was found.

Why a page and not only the terminal listing: a reviewer decides whether to trust (or correct) what
kehoach read by seeing each record in its place in the text, beside its neighbours. So the page
shows the normalized text the extractors read (paragraphs, headings and tables as they are), wraps
every record's span in a highlight coloured by kind (bodies by role), and offers a legend with a
toggle per kind, a panel with the record's fields in Vietnamese, and one list per kind that jumps to
each record. The audit report links its quotes here, so anchors are stable: the record's kind in the
singular and its 1-based index in its list (`#citation-3`, `#task-1`), the same on every run of the
same result.

The page is self-contained (styles and script inline, nothing fetched): it is opened from disk, sent
by mail, and read where there is no network. Every piece of the plan's text is escaped (a plan may
hold `<script>`), and the records' fields travel as JSON in a `<script type="application/json">`
with `<` escaped, so no text can close that element.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, get_args

from pipeline.audit.html import e, format_number, vn_date
from pipeline.audit.messages import doc_type_name
from pipeline.document import Document
from pipeline.highlight import Mark, MarkWindow, mark_up
from pipeline.i18n import catalogue, say
from pipeline.models import RECORD_KINDS, DeadlineSpec, Evidence, Metadata, Role, describe_place
from pipeline.outputs.files import write_atomic
from pipeline.textmatch import fold_whitespace

STATIC = Path(__file__).parent / "static"
SINGULAR = {"citations": "citation", "targets": "target", "deadlines": "deadline", "bodies": "body", "tasks": "task"}
ROLES: tuple[str, ...] = get_args(Role)
DATE_FIELDS = {"date", "start", "end", "by"}
COMPARATORS = {">=": "≥", ">": ">", "<=": "≤", "~": "≈", "=": "="}
# When an audit quote's span is the span of records of several kinds, the one its link names: the work
# first (a task, then a target or deadline it holds), then the kinds in their usual order.
_FIRST_ANCHORS = ("tasks", "targets", "deadlines")
ANCHOR_ORDER = tuple(
    sorted(
        RECORD_KINDS,
        key=lambda kind: (kind not in _FIRST_ANCHORS, _FIRST_ANCHORS.index(kind) if kind in _FIRST_ANCHORS else 0),
    )
)


def record_anchor(kind: str, index: int) -> str:
    """The stable anchor of the `index`-th (1-based) record of `kind`: `citation-3`."""
    return f"{SINGULAR[kind]}-{index}"


def anchor_for_span(records: Mapping[str, Any], span: Sequence[int] | None) -> str | None:
    """The anchor of the record whose span is `span` (the audit's quotes carry the span of the record
    they quote), or None when no record has it."""
    if not span:
        return None
    wanted = tuple(span)
    for kind in ANCHOR_ORDER:
        for index, record in enumerate(records.get(kind, []), start=1):
            if record.span and tuple(record.span) == wanted:
                return record_anchor(kind, index)
    return None


def code_label(name: str, value: str) -> str:
    """A code value in words: from the tables' catalogue (`code.<field>.<value>`, pipeline/i18n/columns.json)
    where it explains it, else from this page's own words (`html.role.lead`, `html.relation.basis`), else as is."""
    for key in (f"code.{name}.{value}", f"html.{name}.{value}"):
        if key in catalogue():
            return say(key)
    return value


def deadline_words(spec: DeadlineSpec | Mapping[str, Any]) -> str:
    """A deadline as a sentence says it: "từ 01/07/2025 đến 31/12/2025", "định kỳ hằng quý, ngày 20"."""
    data = spec if isinstance(spec, Mapping) else spec.model_dump()
    recurrence = data.get("recurrence")
    words = say(
        f"html.deadline.{data['kind']}",
        start=vn_date(data.get("start")),
        end=vn_date(data.get("end")),
        recurrence=say(f"html.recurrence.{recurrence}") if recurrence else "",
    ).strip()
    if data.get("day"):
        words += ", " + say("html.deadline.day", day=data["day"])
    return words


def value_words(name: str, value: Any) -> str:
    """A field's value as a reader wants it: dates dd/mm/yyyy, decimal commas, codes in words, lists joined."""
    if isinstance(value, bool):
        return say("html.yes") if value else ""
    if isinstance(value, float):
        return format_number(value)
    if name == "deadline":
        return "; ".join(deadline_words(spec) for spec in value)
    if name == "comparator":
        return COMPARATORS.get(str(value), str(value))
    if name == "doc_type":
        return doc_type_name(str(value)) or str(value)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if name in DATE_FIELDS:
        return vn_date(str(value))
    if name in {"relation", "role"}:
        return code_label(name, str(value))
    return str(value)


def field_rows(record: Evidence | Metadata) -> list[tuple[str, str]]:
    """(label, value) for every field of `record` that holds something, evidence first."""
    rows: list[tuple[str, str]] = []
    if isinstance(record, Evidence):
        rows.append((say("html.field.quote"), record.quote))
        if record.section:
            rows.append((say("html.field.section"), record.section))
        place = describe_place(record.source)
        if place:
            rows.append((say("html.field.location"), place))
        values = record.model_dump(exclude=set(Evidence.model_fields))
        if isinstance(record, DeadlineSpec):  # its kind, dates and recurrence read as one phrase
            values = {"deadline": [values]}
    else:
        values = record.model_dump()
    for name, value in values.items():
        words = "" if value is None else value_words(name, value)
        if words:
            key = f"html.field.{name}"
            rows.append((say(key) if key in catalogue() else name, words))
    return rows


def _marks(records: Mapping[str, Any]) -> list[Mark]:
    marks: list[Mark] = []
    for kind in RECORD_KINDS:
        for index, record in enumerate(records.get(kind, []), start=1):
            if not record.span:
                continue
            classes = f"rec k-{kind}" + (f" r-{record.role}" if kind == "bodies" else "")
            marks.append(Mark(record.span[0], record.span[1], record_anchor(kind, index), classes))
    return marks


def _text_html(document: Document, marks: list[Mark]) -> str:
    """The document's text block by block (a block's list or heading marker, which stands just before
    it, shown with it); consecutive table cells as one table. Text outside every block is kept."""
    text = document.text
    window = MarkWindow(marks)
    started: set[str] = set()

    def piece(start: int, end: int) -> str:
        return mark_up(text, start, end, window.between(start, end), started)

    parts: list[str] = []
    table: int | None = None
    row: int | None = None
    previous = 0
    for block in sorted(document.blocks, key=lambda b: b.start):
        start = previous + (len(text[previous : block.start]) - len(text[previous : block.start].lstrip()))
        if block.role == "cell":
            if table != block.table:
                if table is not None:
                    parts.append("</tr></table></div>")
                parts.append(f'<div class="tbl"><table data-table="{e(block.table)}"><tr>')
                table, row = block.table, block.row
            elif row != block.row:
                parts.append("</tr><tr>")
                row = block.row
            parts.append(f"<td>{piece(start, block.end)}</td>")
        else:
            if table is not None:
                parts.append("</tr></table></div>")
                table = None
            parts.append(f'<p class="blk {block.role}">{piece(start, block.end)}</p>')
        previous = max(previous, block.end)
    if table is not None:
        parts.append("</tr></table></div>")
    if text[previous:].strip():
        parts.append(f'<p class="blk paragraph">{piece(previous, len(text))}</p>')
    return "".join(parts)


def _legend(records: Mapping[str, Any]) -> str:
    items = []
    for kind in RECORD_KINDS:
        found = records.get(kind, [])
        swatches = (
            "".join(
                f'<span class="rec k-bodies r-{role}">{e(say(f"html.role.{role}"))}</span>'
                for role in ROLES
                if any(b.role == role for b in found)
            )
            if kind == "bodies"
            else f'<span class="rec k-{kind}">{e(say(f"html.kind.{kind}"))}</span>'
        )
        items.append(
            f'<label class="toggle"><input type="checkbox" class="kind-toggle" value="{kind}" checked> '
            f"{swatches or e(say(f'html.kind.{kind}'))} <span class=n>({len(found)})</span></label>"
        )
    return f'<fieldset class="legend"><legend>{e(say("html.legend"))}</legend>{"".join(items)}</fieldset>'


def _lists(records: Mapping[str, Any]) -> str:
    parts = [f"<h2>{e(say('html.records'))}</h2>"]
    for kind in RECORD_KINDS:
        found = records.get(kind, [])
        entries = []
        for index, record in enumerate(found, start=1):
            anchor = record_anchor(kind, index)
            where = " · ".join(part for part in (record.section or "", describe_place(record.source)) if part)
            role = (
                f'<span class="rec k-bodies r-{record.role}">{e(code_label("role", record.role))}</span> '
                if (kind == "bodies")
                else ""
            )
            entries.append(
                f'<li><a class="jump" href="#{anchor}" data-rec="{anchor}">{role}{e(fold_whitespace(record.quote))}</a>'
                + (f' <span class="where">{e(where)}</span>' if where else "")
                + "</li>"
            )
        body = f"<ol>{''.join(entries)}</ol>" if entries else f'<p class="muted">{e(say("html.none_found"))}</p>'
        parts.append(
            f'<details class="list" id="list-{kind}"{" open" if found else ""}>'
            f'<summary><span class="rec k-{kind}">{e(say(f"html.kind.{kind}"))}</span> ({len(found)})</summary>'
            f"{body}</details>"
        )
    return "".join(parts)


def _panel_data(records: Mapping[str, Any]) -> str:
    data: dict[str, Any] = {}
    for kind in RECORD_KINDS:
        for index, record in enumerate(records.get(kind, []), start=1):
            data[record_anchor(kind, index)] = {"kind": say(f"html.kind.{kind}"), "fields": field_rows(record)}
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def _metadata(metadata: Metadata | None) -> str:
    rows = field_rows(metadata) if metadata else []
    items = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in rows)
    return f'<section class="meta"><h2>{e(say("html.metadata"))}</h2><dl>{items}</dl></section>'


def _warnings(warnings: Sequence[Any]) -> str:
    items = "".join(
        f"<li>{e(getattr(w, 'message', w))}"
        + (f' <span class="where">{e(describe_place(w.source))}</span>' if getattr(w, "source", None) else "")
        + "</li>"
        for w in warnings
    )
    body = f"<ul>{items}</ul>" if items else f'<p class="muted">{e(say("html.no_warnings"))}</p>'
    heading = e(say("html.warnings", n=len(warnings)))
    return f'<section class="warnings" id="warnings"><h2>{heading}</h2>{body}</section>'


def render_page(document: Document, records: Mapping[str, Any]) -> str:
    """The whole page for `document` and its records (the keyword arguments of a `PlanResult`, as
    `extract_all` returns them, or a `PlanResult`'s own fields: the spans must be this text's)."""
    metadata: Metadata | None = records.get("metadata")
    name = (metadata.title if metadata and metadata.title else None) or document.doc_id
    facts = say("html.facts", path=document.path, format=document.format, chars=len(document.text))
    if document.pages:
        facts += " · " + say("html.facts_pages", pages=document.pages)
    style = (STATIC / "show.css").read_text(encoding="utf-8")
    script = (STATIC / "show.js").read_text(encoding="utf-8")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(say('html.page_title', name=document.doc_id))}</title>\n"
        '<link rel="icon" href="data:,">\n'
        f"<style>{style}</style>\n</head>\n<body>\n"
        f'<header><h1>{e(name)}</h1><p class="facts">{e(facts)}</p></header>\n'
        '<div class="layout"><main>'
        + _metadata(metadata)
        + _legend(records)
        + f'<section class="doc" aria-labelledby="doc-h"><h2 id="doc-h">{e(say("html.text"))}</h2>'
        f'<p class="hint">{e(say("html.text_hint"))}</p>'
        f'<div class="text" id="text">{_text_html(document, _marks(records))}</div></section>'
        + _warnings(records.get("warnings", []))
        + "</main>"
        f'<aside><section class="panel" id="panel" aria-live="polite"><h2>{e(say("html.panel"))}'
        f' <button type="button" class="close" aria-label="{e(say("html.panel_close"))}">×</button></h2>'
        f'<div class="panel-body"><p class="muted">{e(say("html.panel_empty"))}</p></div></section>'
        + _lists(records)
        + "</aside></div>\n"
        f"<footer><p>{e(say('html.footer'))}</p></footer>\n"
        f'<script type="application/json" id="records">{_panel_data(records)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def write_page(document: Document, records: Mapping[str, Any], out: Path) -> Path:
    """Write the page atomically (a reader never sees half of it) and return its path."""
    write_atomic(out, render_page(document, records))
    return out


def records_of(result: Any) -> dict[str, Any]:
    """A `PlanResult`'s records in the shape `render_page` reads."""
    return {name: getattr(result, name) for name in ("metadata", *RECORD_KINDS, "warnings")}
