"""Criteria: the rows of a plan's criteria table, which say how each group of work is measured.

A criteria table ("Bộ tiêu chí, chỉ tiêu đánh giá": nhóm tiêu chí, chỉ số đo lường chủ yếu, chu kỳ
đánh giá, cơ quan tổng hợp) assigns no work, so the tasks extractor gives it no task (the annotators'
decision). Yet an auditor reading a plan counts a task whose group has a row there as having a
measure ("rõ hiệu quả"). This extractor keeps each such row, with its indicator cell as the quote,
so the audit can link tasks to it. A criteria table is any table with an `indicator` column that
is not an assignment table. Pure: reads the `Document` and the body records, nothing else.
"""

from __future__ import annotations

from extractors.evidence import evidence
from extractors.tasks import bodies_by_start, cell_bodies, cell_text
from pipeline.document import Document, Table
from pipeline.models import Body, Criterion


def is_criteria_table(table: Table) -> bool:
    """A table with an indicator column that assigns no work (no lead/deadline beside its content)."""
    return table.column_of("indicator") is not None and not table.is_assignment()


def extract_criteria(document: Document, bodies: list[Body]) -> list[Criterion]:
    """Every row of every criteria table that states an indicator, in document order. A group cell
    left empty by a merged cell carries the group of the row above."""
    out: list[Criterion] = []
    indexed = bodies_by_start(bodies)  # once, not once per row: a long plan has thousands of rows
    for table in document.tables:
        if not is_criteria_table(table):
            continue
        columns = {r: table.column_of(r) for r in ("group", "content", "indicator", "cycle", "collector")}
        group: str | None = None
        for row in table.rows:
            group_cell = cell_text(document, row, columns["group"])
            group = group_cell[0] if group_cell else group
            indicator = cell_text(document, row, columns["indicator"])
            if indicator is None:
                continue
            content = cell_text(document, row, columns["content"])
            cycle = cell_text(document, row, columns["cycle"])
            out.append(
                Criterion(
                    group=group,
                    content=content[0] if content else None,
                    indicator=indicator[0],
                    cycle=cycle[0] if cycle else None,
                    collector=cell_bodies(document, indexed, cell_text(document, row, columns["collector"])),
                    **evidence(document, indicator[1], indicator[2]),
                )
            )
    out.sort(key=lambda c: c.span[0] if c.span else 0)
    return out
