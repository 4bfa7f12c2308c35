"""Tasks: the plan's assigned work, each tied to its lead and support bodies, output and deadlines.

Two sources (gold-guidelines, tasks):
- each row of an *assignment table*: a table whose columns include `content` and a `lead` or a
  `deadline` column. A criteria table ("Bộ tiêu chí": content, indicator, cycle, collector) assigns
  no work and gives no task (the annotators' decision). The row's content cell is the quote, its group
  cell the group (carried down where a merged cell left it empty), its lead and support cells the
  bodies, its output cell the output and its time cell the deadlines;
- each *numbered task whose text states its own completion time*: a numbered heading whose own
  paragraphs include a time line ("Thời gian hoàn thành: Quý IV/2025", the labels are the deadline
  headers of `column_roles.json`). The quote is the first sentence under the heading, the group the
  heading's title, the lead the bodies that open a clause of the task's text as its doer ("Công an
  xã làm sạch …"), the support those given `support`; a body only told or guided to do part of the
  work ("hướng dẫn các chi bộ …") is not the task's lead. A reporting regime ("Chế độ báo cáo") is
  not a task.
A task's deadlines are only those of its own time cell or line (`parse_time_expressions`), never a
heading's horizon.
"""

from __future__ import annotations

from functools import cache

import regex

from extractors.bodies import split_bodies
from extractors.deadlines import parse_time_expressions
from extractors.evidence import evidence
from extractors.spans import ByStart
from pipeline.document import Block, Document, Section, Span, Table
from pipeline.models import Body, Deadline, DeadlineSpec, Task
from pipeline.normalize import fold_text, load_lexicon
from pipeline.textmatch import fold_whitespace

_SENTENCE_END = regex.compile(r"[.!?](?=\s|$)")
_REPORTING = regex.compile(r"chế độ[^.]*báo cáo|thông tin,? báo cáo")
_TIME_END = regex.compile(r"[.;)\n]")
_CLAUSE_OPENING = regex.compile(r"(?:^|[.;:]\s*)[\s\-+•–]*$")


@cache
def _labels() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """Line labels for a task's time ("Thời gian hoàn thành:") and output ("Sản phẩm:"), taken from
    the table header words of the same roles so a line and a column are read alike."""
    roles = load_lexicon("column_roles.json")["roles"]

    def alternation(words: list[str]) -> str:
        return "|".join(regex.escape(fold_text(w)) for w in sorted(words, key=len, reverse=True))

    deadline, output = alternation(roles["deadline"]), alternation(roles["output"])
    return (
        regex.compile(rf"\s*(?:{deadline})\s*:\s*"),
        regex.compile(rf"\s*(?:{output})\s*:\s*"),
        regex.compile(rf"(?<=[.;(]\s{{0,3}})(?:{deadline})\s*:\s*"),
    )


def cell_text(document: Document, row: list[Span], column: int | None) -> tuple[str, int, int] | None:
    """(text with whitespace folded, start, end) of the row's cell in `column`; None where the row has
    no such cell or it is blank. Shared with the criteria extractor, which reads its tables alike."""
    if column is None or column >= len(row):
        return None
    span = row[column]
    text = fold_whitespace(document.text[span.start : span.end])
    return (text, span.start, span.end) if text else None


def bodies_by_start(bodies: list[Body] | ByStart[Body]) -> ByStart[Body]:
    """Bodies indexed by where they start (built once per document by extract_tasks)."""
    return bodies if isinstance(bodies, ByStart) else ByStart(bodies, lambda b: b.span[0] if b.span else None)


def _inside(bodies: ByStart[Body], start: int, end: int) -> list[Body]:
    """The bodies whose span lies within [start, end], in their own order."""
    return [body for body in bodies.starting_in(start, end) if body.span[1] <= end]


def _names_in(bodies: ByStart[Body], start: int, end: int, role: str | None = None) -> list[str]:
    names: list[str] = []
    for body in _inside(bodies, start, end):
        if (role is None or body.role == role) and body.name not in names:
            names.append(body.name)
    return names


def cell_bodies(document: Document, bodies: list[Body] | ByStart[Body], cell: tuple[str, int, int] | None) -> list[str]:
    """The canonical names in a lead, support or collector cell: the body records found there, else the names
    the cell lists (so a task keeps its bodies even where a caller passes no body records)."""
    if cell is None:
        return []
    names = _names_in(bodies_by_start(bodies), cell[1], cell[2])
    if names:
        return names
    out: list[str] = []
    for _, _, name in split_bodies(document.text[cell[1] : cell[2]]):
        if name not in out:
            out.append(name)
    return out


def _specs(text: str | None, deadlines: list[Deadline], start: int, end: int) -> list[DeadlineSpec]:
    """The deadlines of a time cell or line: parsed from its words, else the records found in it."""
    if not text:
        return []
    specs = parse_time_expressions(text)
    if specs:
        return specs
    return [
        DeadlineSpec(kind=d.kind, start=d.start, end=d.end, recurrence=d.recurrence, day=d.day)
        for d in deadlines
        if d.span and start <= d.span[0] and d.span[1] <= end
    ]


def _table_tasks(document: Document, table: Table, bodies: ByStart[Body], deadlines: list[Deadline]) -> list[Task]:
    columns = {role: table.column_of(role) for role in ("group", "content", "lead", "support", "output", "deadline")}
    tasks: list[Task] = []
    group: str | None = None
    for row in table.rows:
        content = cell_text(document, row, columns["content"])
        group_cell = cell_text(document, row, columns["group"])
        group = group_cell[0] if group_cell else group
        if content is None:
            continue
        lead = cell_bodies(document, bodies, cell_text(document, row, columns["lead"]))
        support = cell_bodies(document, bodies, cell_text(document, row, columns["support"]))
        output = cell_text(document, row, columns["output"])
        time = cell_text(document, row, columns["deadline"])
        specs = _specs(time[0] if time else None, deadlines, *(time[1:] if time else (0, 0)))
        tasks.append(
            Task(
                group=group if columns["group"] is not None else None,
                lead=lead,
                support=[name for name in support if name not in lead],
                output=output[0] if output else None,
                deadline=specs,
                **evidence(document, content[1], content[2]),
            )
        )
    return tasks


def _own_blocks(blocks: ByStart[Block], section: Section) -> list[Block]:
    """The blocks under a heading that belong to it and not to a sub-heading."""
    return [
        b
        for b in blocks.starting_in(section.start + 1, section.end - 1)
        if b.section == section.path and b.role != "heading"
    ]


def _opens_clause(fold: str, region_start: int, at: int) -> bool:
    return bool(_CLAUSE_OPENING.search(fold[region_start:at]))


def _time_label(document: Document, blocks: list[Block]) -> tuple[Block, int, int, bool] | None:
    """The task's own time: a line that opens with a time label ("Thời gian hoàn thành: …"), or a
    label inside a paragraph after a full stop, semicolon or parenthesis ("…; thời hạn: Quý I/2026").
    Returns the block, where the time text starts and ends, and whether the label opens the block."""
    line_label, inline_label = _labels()[0], _labels()[2]
    fold = document.fold
    for block in blocks:
        found = line_label.match(fold, block.start, block.end)
        if found:
            return block, found.end(), block.end, True
    for block in blocks:
        found = inline_label.search(fold, block.start, block.end)
        if found:
            stop = _TIME_END.search(fold, found.end(), block.end)
            return block, found.end(), stop.start() if stop else block.end, False
    return None


def _numbered_task(
    document: Document,
    section: Section,
    blocks_by_start: ByStart[Block],
    bodies: ByStart[Body],
    deadlines: list[Deadline],
) -> Task | None:
    output_label = _labels()[1]
    fold = document.fold
    blocks = _own_blocks(blocks_by_start, section)
    time = _time_label(document, blocks)
    if time is None or _REPORTING.search(fold_text(section.title)):
        return None
    time_block, time_start, time_end, own_line = time
    work = [b for b in blocks if not (own_line and b is time_block) and b.role in {"paragraph", "list_item"}]
    work = [b for b in work if not output_label.match(fold, b.start, b.end)]
    if not work:
        return None
    first = work[0]
    first_end = first.end
    if not own_line and time_block is first:
        first_end = _inline_label_start(document, first)
    end = _SENTENCE_END.search(document.text, first.start, first_end)
    output_line = next((b for b in blocks if output_label.match(fold, b.start, b.end)), None)
    lead: list[str] = []
    support: list[str] = []
    for block in work:
        for body in _inside(bodies, block.start, block.end):
            if body.role == "lead" and _opens_clause(fold, block.start, body.span[0]) and body.name not in lead:
                lead.append(body.name)
            elif body.role == "support" and body.name not in support:
                support.append(body.name)
    output = None
    if output_line is not None:
        cut = output_label.match(fold, output_line.start, output_line.end).end()
        output = fold_whitespace(document.text[cut : output_line.end]).rstrip(".") or None
    return Task(
        group=fold_whitespace(section.title) or None,
        lead=lead,
        support=[name for name in support if name not in lead],
        output=output,
        deadline=_specs(document.text[time_start:time_end], deadlines, time_start, time_end),
        **evidence(document, first.start, end.start() if end else first_end),
    )


def _inline_label_start(document: Document, block: Block) -> int:
    found = _labels()[2].search(document.fold, block.start, block.end)
    if found is None:
        return block.end
    cut = found.start()
    while cut > block.start and document.text[cut - 1] in " ;(":
        cut -= 1
    return cut


def extract_tasks(document: Document, bodies: list[Body], deadlines: list[Deadline]) -> list[Task]:
    """Every row of an assignment table and every numbered task stating its own completion time,
    in document order."""
    tasks: list[Task] = []
    by_start = bodies_by_start(bodies)
    blocks = ByStart(document.blocks, lambda b: b.start)
    for table in document.tables:
        if table.is_assignment():
            tasks.extend(_table_tasks(document, table, by_start, deadlines))
    for section in document.sections:
        task = _numbered_task(document, section, blocks, by_start, deadlines)
        if task is not None:
            tasks.append(task)
    tasks.sort(key=lambda t: t.span[0] if t.span else 0)
    return tasks
