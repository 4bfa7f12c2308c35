"""Criteria: the rows of a plan's criteria table, which say how each group of work is measured.

A criteria table ("Bộ tiêu chí, chỉ tiêu đánh giá": nhóm tiêu chí, chỉ số đo lường chủ yếu, chu kỳ
đánh giá, cơ quan tổng hợp) assigns no work, so the tasks extractor gives it no task (the annotators'
decision). Yet an auditor reading a plan counts a task whose group has a row there as having a
measure ("rõ hiệu quả"). This extractor keeps each such row, with its indicator cell as the quote,
so the audit can link tasks to it. A criteria table is any table with an `indicator` column that
is not an assignment table. Pure: reads the `Document` and the body records, nothing else.
"""

from __future__ import annotations

from extractors.bodies import split_bodies
from extractors.evidence import evidence, fold_whitespace
from extractors.tasks import is_assignment_table
from pipeline.document import Document, Span, Table
from pipeline.models import Body, Criterion


def is_criteria_table(table: Table) -> bool:
    """A table with an indicator column that assigns no work (no lead/deadline beside its content)."""
    return table.column_of("indicator") is not None and not is_assignment_table(table)


def _cell(document: Document, row: list[Span], column: int | None) -> tuple[str, int, int] | None:
    if column is None or column >= len(row):
        return None
    span = row[column]
    text = fold_whitespace(document.text[span.start : span.end])
    return (text, span.start, span.end) if text else None


def _collectors(document: Document, bodies: list[Body], cell: tuple[str, int, int] | None) -> list[str]:
    """Canonical names of the bodies in the collector cell: the body records there, else the names
    the cell lists (a collector cell is a list of bodies, like a lead cell)."""
    if cell is None:
        return []
    names: list[str] = []
    for body in bodies:
        if body.span and cell[1] <= body.span[0] and body.span[1] <= cell[2] and body.name not in names:
            names.append(body.name)
    if names:
        return names
    for _, _, name in split_bodies(document.text[cell[1] : cell[2]]):
        if name not in names:
            names.append(name)
    return names


def extract_criteria(document: Document, bodies: list[Body]) -> list[Criterion]:
    """Every row of every criteria table that states an indicator, in document order. A group cell
    left empty by a merged cell carries the group of the row above."""
    out: list[Criterion] = []
    for table in document.tables:
        if not is_criteria_table(table):
            continue
        columns = {r: table.column_of(r) for r in ("group", "content", "indicator", "cycle", "collector")}
        group: str | None = None
        for row in table.rows:
            group_cell = _cell(document, row, columns["group"])
            group = group_cell[0] if group_cell else group
            indicator = _cell(document, row, columns["indicator"])
            if indicator is None:
                continue
            content = _cell(document, row, columns["content"])
            cycle = _cell(document, row, columns["cycle"])
            out.append(
                Criterion(
                    group=group,
                    content=content[0] if content else None,
                    indicator=indicator[0],
                    cycle=cycle[0] if cycle else None,
                    collector=_collectors(document, bodies, _cell(document, row, columns["collector"])),
                    **evidence(document, indicator[1], indicator[2]),
                )
            )
    out.sort(key=lambda c: c.span[0] if c.span else 0)
    return out
