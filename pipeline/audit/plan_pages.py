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
from collections.abc import Sequence
from pathlib import Path

from pipeline.audit.html import PlanLinks
from pipeline.errors import KehoachError
from pipeline.models import PlanResult
from pipeline.process import file_hash, load_document
from pipeline.show_html import anchor_for_span, records_of, write_page

PLANS_DIR = "plans"


def page_name(doc_id: str, taken: set[str]) -> str:
    """A plan id as a file name that is safe on every system and in a URL, and not one of `taken`
    (two ids may differ only in the characters replaced: "a b" and "a_b")."""
    stem = re.sub(r"[^\w.-]+", "_", doc_id, flags=re.UNICODE).strip("._") or "plan"
    name, n = f"{stem}.html", 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}.html"
    taken.add(name)
    return name


def _source_of(result: PlanResult) -> Path | None:
    """The result's file where it still holds the content the result was made from."""
    path = Path(result.source or "")
    try:
        return path if result.source and path.is_file() and file_hash(path) == result.content_hash else None
    except OSError:
        return None


def write_plan_pages(results: Sequence[PlanResult], out: Path) -> PlanLinks:
    """Write a page per plan id into `out/plans/`; return, per source file given a page, the link of a
    span in it (the page itself for None, None for a span no record has)."""
    links: PlanLinks = {}
    done: set[str] = set()
    taken: set[str] = set()
    for result in results:
        if result.doc_id in done or not result.source:
            continue
        path = _source_of(result)
        if path is None:
            continue
        try:
            document = load_document(path)
        except KehoachError:
            continue
        done.add(result.doc_id)
        records = records_of(result)
        href = f"{PLANS_DIR}/{page_name(result.doc_id, taken)}"
        write_page(document, records, out / href)

        def link(span: Sequence[int] | None, href: str = href, records: dict = records) -> str | None:
            if span is None:
                return href
            anchor = anchor_for_span(records, span)
            return f"{href}#{anchor}" if anchor else None

        links[result.source] = link
    return links
