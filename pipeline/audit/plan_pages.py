"""The plans' own pages beside the audit report: `plans/<plan id>.html`, what `show --html` writes.

Why: an auditor who reads a finding wants to see its quote where it stands in the plan, with the
records around it. The audit writes one page per plan id into its out folder (for the plan's first
file in the report's order, the file whose row the matrix shows) and the report links each quote of
that file to the record it quotes (`plans/<plan id>.html#target-3`).

Where the plan's text comes from: the file the result names, read again through ingest, normalize
and structure (no extractor runs: the records are the result's own), and only when the file still
holds the content the result was made from (same content hash). A file that moved, changed or
cannot be read gets no page, and its quotes no link; the report is complete without them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.errors import KehoachError
from pipeline.models import PlanResult
from pipeline.process import file_hash, load_document
from pipeline.show_html import anchor_for_span, records_of, write_page

PLANS_DIR = "plans"


def page_name(doc_id: str) -> str:
    """A plan id as a file name that is safe on every system and in a URL."""
    return (re.sub(r"[^\w.-]+", "_", doc_id, flags=re.UNICODE).strip("._") or "plan") + ".html"


def _source_of(result: PlanResult, base: Path | None) -> Path | None:
    """The result's file where it still holds the content the result was made from."""
    if not result.source:
        return None
    for path in (Path(result.source), *((base / result.source,) if base else ())):
        try:
            if path.is_file() and file_hash(path) == result.content_hash:
                return path
        except OSError:
            continue
    return None


def write_plan_pages(
    results: Sequence[PlanResult], out: Path, base: Path | None = None
) -> dict[str, Callable[[Sequence[int] | None], str | None]]:
    """Write a page per plan id into `out/plans/`; return, per source file given a page, the link of a
    span in it (the page itself for None, None for a span no record has). `base`: where relative
    source paths may also stand (the folder a run was made from)."""
    links: dict[str, Callable[[Sequence[int] | None], str | None]] = {}
    done: set[str] = set()
    for result in results:
        if result.doc_id in done or not result.source:
            continue
        path = _source_of(result, base)
        if path is None:
            continue
        try:
            document = load_document(path)
        except KehoachError:
            continue
        done.add(result.doc_id)
        records = records_of(result)
        href = f"{PLANS_DIR}/{page_name(result.doc_id)}"
        write_page(document, records, out / href)

        def link(span: Sequence[int] | None, href: str = href, records: dict = records) -> str | None:
            if span is None:
                return href
            anchor = anchor_for_span(records, span)
            return f"{href}#{anchor}" if anchor else None

        links[result.source] = link
    return links
