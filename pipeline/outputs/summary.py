"""One row per plan: what a provincial officer filters on before opening any plan.

A plan is one thing even when it comes as .txt, .docx and .pdf: those files share a `doc_id`, the
plan id, and `source_file` tells them apart. The summary groups the results by plan id and keeps,
per plan, the place and its level, issuer, number, date and title, whether it cites (and
implements) each directive in `summary.json`, its counts (targets per horizon year, deadlines,
tasks, tasks without a lead, warnings), the formats it came in, and where those formats disagree,
so that a difference between renditions is seen instead of hidden by picking one.

Year columns (`targets_2025`, `targets_2030`, …) are made from the years the run's targets name,
not from a list: a plan set to 2035 gets its column without a code change.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.i18n import say
from pipeline.lexicon import LevelsLexicon
from pipeline.models import RECORD_KINDS, Metadata, PlanResult

YEAR_COLUMN = "targets_{year}"
YEAR_COLUMN_PATTERN = re.compile(r"^targets_(\d{4})$")
NO_YEAR_COLUMN = "targets_no_year"
# The metadata whose disagreement between formats is worth a reader's attention.
COMPARED_METADATA = ("number", "date")


@cache
def settings() -> dict[str, Any]:
    return json.loads((Path(__file__).with_name("summary.json")).read_text(encoding="utf-8"))


def directive_key(number: str) -> str:
    """'02-KH/BCĐTW' → '02_kh_bcdtw': a column-name part from a document number."""
    plain = unicodedata.normalize("NFD", number.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


def directive_columns() -> list[str]:
    return [f"{verb}_{directive_key(n)}" for n in settings()["directives"] for verb in ("cites", "implements")]


SUMMARY_COLUMNS = [
    "doc_id",
    "place_name",
    "place_level",
    "issuer",
    "number",
    "date",
    "title",
    *directive_columns(),
    "n_targets",
    NO_YEAR_COLUMN,
    "n_deadlines",
    "n_tasks",
    "n_tasks_without_lead",
    "n_warnings",
    "formats",
    "format_differences",
    "source_files",
]


def with_year_columns(columns: list[str], rows: list[dict[str, Any]]) -> list[str]:
    """`columns` with one column per horizon year found in `rows`, in year order, after n_targets."""
    years = sorted({key for row in rows for key in row if YEAR_COLUMN_PATTERN.match(key)})
    at = columns.index("n_targets") + 1
    return [*columns[:at], *years, *columns[at:]]


def place_level(issuer: str | None) -> str | None:
    """The administrative level an issuer names last ('Ủy ban nhân dân phường' → 'phường'), from
    the level words of levels.json; the longest match wins ('thị xã' over 'xã')."""
    if not issuer:
        return None
    words = issuer.lower()
    levels = LevelsLexicon.load()
    found = [level for level in levels.territories + levels.commune if re.search(rf"(?<!\w){level}$", words)]
    return max(found, key=len) if found else None


def _same_number(a: str | None, b: str) -> bool:
    return bool(a) and re.sub(r"\s+", "", a or "").upper() == b.upper()


@dataclass(frozen=True)
class PlanFacts:
    """What the summary reads of one result: its metadata, its counts and which directives it cites.

    A run keeps these, a few hundred bytes each, instead of every result (~0.6 MB each) while its
    tables are streamed, and makes the summary from them at the end (issue 15)."""

    doc_id: str
    format: str
    source: str | None
    metadata: Metadata
    counts: dict[str, int]
    directives: dict[str, tuple[bool, bool]]  # number -> (cited, implemented)
    by_year: dict[str, int]  # year column -> targets, in the order the targets name them
    tasks_without_lead: int
    warnings: int

    @classmethod
    def of(cls, result: PlanResult) -> PlanFacts:
        directives = {}
        for number in settings()["directives"]:
            cited = [c for c in result.citations if _same_number(c.number, number)]
            directives[number] = (bool(cited), any(c.relation == "implements" for c in cited))
        by_year: dict[str, int] = defaultdict(int)
        for target in result.targets:
            by_year[YEAR_COLUMN.format(year=target.by[:4]) if target.by else NO_YEAR_COLUMN] += 1
        return cls(
            doc_id=result.doc_id,
            format=result.format,
            source=result.source,
            metadata=result.metadata,
            counts={kind: len(getattr(result, kind)) for kind in RECORD_KINDS},
            directives=directives,
            by_year=dict(by_year),
            tasks_without_lead=sum(1 for task in result.tasks if not task.lead),
            warnings=len(result.warnings),
        )


def _facts(results: Sequence[PlanResult | PlanFacts]) -> list[PlanFacts]:
    return [r if isinstance(r, PlanFacts) else PlanFacts.of(r) for r in results]


def in_format_order(results: Sequence[PlanResult | PlanFacts]) -> list[PlanFacts]:
    """The formats of one plan, the one whose values the row shows first (`format_order`)."""
    order = settings()["format_order"]
    return sorted(
        _facts(results), key=lambda r: (order.index(r.format) if r.format in order else len(order), r.source or "")
    )


def format_differences(results: Sequence[PlanResult | PlanFacts]) -> str | None:
    """Where the formats of one plan disagree, in words: 'chỉ tiêu: docx 45, txt 47; ngày: …'."""
    if len(results) < 2:
        return None
    facts = _facts(results)
    compared = [(say(f"table.{kind}"), [r.counts[kind] for r in facts]) for kind in RECORD_KINDS]
    compared += [
        (say(f"col.summary.{name}"), [getattr(r.metadata, name) for r in facts]) for name in COMPARED_METADATA
    ]
    parts = [
        say("summary_difference", what=what.lower(), values=_listing([r.format for r in facts], values))
        for what, values in compared
        if len(set(values)) > 1
    ]
    return "; ".join(parts) or None


def _listing(formats: list[str], values: list[Any]) -> str:
    return ", ".join(f"{fmt} {'—' if value is None else value}" for fmt, value in zip(formats, values, strict=True))


def summary_row(results: Sequence[PlanResult | PlanFacts]) -> dict[str, Any]:
    """The row of one plan from the results of its formats (at least one), or their `PlanFacts`."""
    facts = in_format_order(results)
    main = facts[0]
    meta = main.metadata
    row: dict[str, Any] = {
        "doc_id": main.doc_id,
        "place_name": meta.place,
        "place_level": place_level(meta.issuer),
        "issuer": meta.issuer,
        "number": meta.number or meta.symbol,
        "date": meta.date,
        "title": meta.title,
    }
    for number in settings()["directives"]:
        cited, implemented = main.directives[number]
        row[f"cites_{directive_key(number)}"] = int(cited)
        row[f"implements_{directive_key(number)}"] = int(implemented)
    row["n_targets"] = main.counts["targets"]
    row[NO_YEAR_COLUMN] = 0
    row.update(main.by_year)
    row["n_deadlines"] = main.counts["deadlines"]
    row["n_tasks"] = main.counts["tasks"]
    row["n_tasks_without_lead"] = main.tasks_without_lead
    row["n_warnings"] = main.warnings
    row["formats"] = ", ".join(r.format for r in facts)
    row["format_differences"] = format_differences(facts)
    row["source_files"] = "; ".join(r.source or "" for r in facts)
    return row


def summary_rows(results: Iterable[PlanResult | PlanFacts]) -> list[dict[str, Any]]:
    """One row per plan id, in plan id order; a year column a plan has no target for holds 0."""
    plans: dict[str, list[PlanResult | PlanFacts]] = defaultdict(list)
    for result in results:
        plans[result.doc_id].append(result)
    rows = [summary_row(plans[doc_id]) for doc_id in sorted(plans)]
    years = {key for row in rows for key in row if YEAR_COLUMN_PATTERN.match(key)}
    for row in rows:
        for year in years:
            row.setdefault(year, 0)
    return rows
