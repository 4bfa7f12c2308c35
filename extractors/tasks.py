"""Tasks: the plan's assigned work, each tied to its lead and support bodies, output and deadlines.

Two sources (gold-guidelines, tasks):
- each row of an *assignment table*: a table whose columns include `content` and a `lead` or a
  `deadline` column. A criteria table ("Bộ tiêu chí": content, indicator, cycle, collector) assigns
  no work and gives no task (the annotators' decision). The row's content cell is the quote, its group
  cell the group (carried down where a merged cell left it empty), its lead and support cells the
  bodies, its output cell the output and its time cell the deadlines;
- each *numbered task whose text states its own completion time*: a numbered heading whose own
  paragraphs include a time line ("Thời gian hoàn thành: Quý IV/2025", the labels are the deadline
  headers of `column_roles.json`; "Thời gian dự kiến trong tháng 10/2025" without a colon where a time
  follows), or a numbered list item that assigns its work with a time of its own ("1. Kiểm tra việc … (Giao
  Ban Xây dựng Đảng chủ trì, tham mưu trong quý II/2026).", "2. Giao Ủy ban nhân dân xã chủ trì …; trình
  Thường trực Đảng ủy trước ngày 20/8/2025."). The quote is the first sentence under the heading, the group the
  heading's title, the lead the bodies that open a clause of the task's text as its doer ("Công an
  xã làm sạch …"), the support those given `support`; a body only told or guided to do part of the
  work ("hướng dẫn các chi bộ …") is not the task's lead. A reporting regime ("Chế độ báo cáo") is
  not a task.
- *prose assignments* (ministries', the Prime Minister's and provinces' plans): a numbered item closed by
  a parenthesis that opens with its time ("… (trong năm 2013)."); an item under a heading that is a body's
  name ("1. Bộ X" / "- Chủ trì xây dựng …, trình … trong quý 1/2019.") or under a lead-in that assigns the
  list ("… yêu cầu Chính phủ … sau đây:"), the frame giving the lead; a numbered heading that carries its
  body's duty after a colon ("1. Sở Tư pháp: chủ trì …"); a bullet or paragraph that assigns its work with a
  verb ("- Giao Sở X chủ trì …, hoàn thành trong quý III/2025."); a bullet opened by its year ("- Năm 2019:
  Trình …"). Where only the verb or the frame makes the task, its time must date the work (a time
  preposition or the clause's end), not qualify a noun ("Chỉ số … năm 2025 và các năm tiếp theo").
A task's deadlines are only those of its own time cell or line (`parse_time_expressions`), never a
heading's horizon.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

import regex

from extractors.bodies import role_label_words, split_bodies
from extractors.deadlines import parse_time_expressions
from extractors.evidence import evidence
from extractors.grammar import alternation
from extractors.names import spell_out
from extractors.spans import ByStart
from pipeline.document import Block, Document, Section, Span, Table
from pipeline.lexicon import (
    BodyWordsLexicon,
    ColumnRolesLexicon,
    LevelsLexicon,
    TargetWordsLexicon,
    TaskCuesLexicon,
)
from pipeline.markers import ROMAN_NUMERAL
from pipeline.models import Body, Deadline, DeadlineSpec, Task
from pipeline.normalize import fold_text
from pipeline.textmatch import fold_whitespace

_SENTENCE_END = regex.compile(r"[.!?](?=\s|$)")
_TIME_END = regex.compile(r"[.;)\n]")


# The roles of a task's doer: it leads the work, or, where the work is an inspection, oversees it.
_DOER_ROLES = frozenset({"lead", "oversight"})
# A recurrence ("định kỳ 6 tháng … báo cáo") or "thường xuyên" says how often, not when the work is done.
_NOT_COMPLETION = frozenset({"recurring", "ongoing"})


@cache
def _cues() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """From task_cues.json: a clause opening that may end in an assignment verb ("(Giao "), the
    qualifier a colon-less time label may take, and the markers of a numbered item."""
    cues = TaskCuesLexicon.load()
    verbs = "|".join(regex.escape(fold_text(w)) for w in cues.assignment_verbs)
    qualifiers = "|".join(regex.escape(fold_text(w)) for w in cues.time_label_qualifiers)
    return (
        regex.compile(rf"(?:^|[.;:(]\s*)[\s\-+•–]*(?:(?:{verbs})\s+)?$"),
        regex.compile(rf"(?:\s+(?:{qualifiers}))?\s+"),
        regex.compile(cues.item_markers),
    )


@cache
def _reporting() -> regex.Pattern:
    """A section or block about reporting duties, whose time is how often to report (task_cues.json)."""
    return regex.compile(TaskCuesLexicon.load().reporting)


@cache
def _labels() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    """Line labels for a task's time ("Thời gian hoàn thành:") and output ("Sản phẩm:"), taken from
    the table header words of the same roles so a line and a column are read alike; the last is a time
    label with no colon after a sentence's end, which counts only where a time follows it."""
    roles = ColumnRolesLexicon.load().roles

    deadline, output = alternation(roles["deadline"]), alternation(roles["output"])
    return (
        regex.compile(rf"\s*(?:{deadline})\s*:\s*"),
        regex.compile(rf"\s*(?:{output})\s*:\s*"),
        regex.compile(rf"(?<=[.;(]\s{{0,3}})(?:{deadline})\s*:\s*"),
        regex.compile(rf"(?<=[.;(]\s{{0,3}})(?:{deadline})(?=\s)"),
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
    return [_spec(d) for d in deadlines if d.span and start <= d.span[0] and d.span[1] <= end]


def _spec(deadline: Deadline) -> DeadlineSpec:
    """A deadline record as a task's deadline (its fields without the quote)."""
    return DeadlineSpec(
        kind=deadline.kind, start=deadline.start, end=deadline.end, recurrence=deadline.recurrence, day=deadline.day
    )


def _table_tasks(document: Document, table: Table, bodies: ByStart[Body], deadlines: list[Deadline]) -> list[Task]:
    columns = {role: table.column_of(role) for role in ("group", "content", "lead", "support", "output", "deadline")}
    number_column = table.column_of("stt")
    tasks: list[Task] = []
    group: str | None = None
    grouped = columns["group"] is not None
    group_doers: list[str] = []  # the bodies a Roman-numbered group row names, doers of the rows under it
    for row in table.rows:
        content = cell_text(document, row, columns["content"])
        group_cell = cell_text(document, row, columns["group"])
        group = group_cell[0] if group_cell else group
        if content is None:
            continue
        if _is_group_row(document, row, number_column, columns):
            group, grouped = content[0], True
            group_doers = _group_doers(document, bodies, content)
            continue
        lead_cell = cell_text(document, row, columns["lead"])
        lead, support = _lead_and_support(document, bodies, lead_cell, cell_text(document, row, columns["support"]))
        if lead_cell is None and not lead:
            lead = [name for name in group_doers if name not in support]
        output = cell_text(document, row, columns["output"])
        time = cell_text(document, row, columns["deadline"])
        specs = _specs(time[0] if time else None, deadlines, *(time[1:] if time else (0, 0)))
        tasks.append(
            Task(
                group=group if grouped else None,
                lead=lead,
                support=[name for name in support if name not in lead],
                output=output[0] if output else None,
                deadline=specs,
                **evidence(document, content[1], content[2]),
            )
        )
    return tasks


def _lead_and_support(
    document: Document,
    bodies: ByStart[Body],
    lead_cell: tuple[str, int, int] | None,
    support_cell: tuple[str, int, int] | None,
) -> tuple[list[str], list[str]]:
    """The row's lead and support: its columns' bodies, except where a cell says another role for one of
    them ("UBND xã chủ trì, phối hợp Công an xã" in an executing column: UBND xã leads), as the body
    records of that cell tell (`extractors.bodies`)."""
    lead = cell_bodies(document, bodies, lead_cell)
    support = cell_bodies(document, bodies, support_cell)
    to_lead = _names_in(bodies, support_cell[1], support_cell[2], "lead") if support_cell else []
    to_support = _names_in(bodies, lead_cell[1], lead_cell[2], "support") if lead_cell else []
    lead = [n for n in lead if n not in to_support] + [n for n in to_lead if n not in lead]
    support = [n for n in support if n not in to_lead] + [n for n in to_support if n not in support]
    return lead, support


_ROMAN_NUMBER = regex.compile(rf"{ROMAN_NUMERAL}\.?")


_GROUP_LETTER = regex.compile(r"[A-ZĐ]\.?")


def _is_group_row(document: Document, row: list[Span], number_column: int | None, columns: dict) -> bool:
    """A row that fills only its content and is not numbered as an item names the group of the rows under
    it (gold-guidelines: `group` is the table's group cell): numbered with a Roman numeral ("I | Lĩnh vực kinh
    tế") or a capital letter ("A | CÔNG TÁC LÃNH ĐẠO"), or not numbered at all ("| | Ứng dụng trong y tế |"),
    where Arabic numbers number the items. A cell merged across the row repeats the content's span: it fills
    nothing of its own."""
    number = cell_text(document, row, number_column)
    if number is not None and not (_ROMAN_NUMBER.fullmatch(number[0]) or _GROUP_LETTER.fullmatch(number[0])):
        return False
    content = row[columns["content"]] if columns["content"] is not None and columns["content"] < len(row) else None
    for role in ("lead", "support", "deadline", "output"):
        cell = cell_text(document, row, columns[role])
        if cell is not None and (content is None or (cell[1], cell[2]) != (content.start, content.end)):
            return False
    return True


@cache
def _grouped_header() -> tuple[regex.Pattern, regex.Pattern]:
    """From task_cues.json: the words of a header part that names a table's items, and of one that names
    their doers ("Danh mục dự án/ Cơ quan, đơn vị, địa phương thực hiện")."""
    cues = TaskCuesLexicon.load()
    return (
        regex.compile(rf"(?<!\w){alternation(cues.grouped_items)}(?!\w)"),
        regex.compile(rf"(?<!\w){alternation(cues.grouped_doers)}(?!\w)"),
    )


def _grouped_column(table: Table) -> int | None:
    """The column whose header joins the listed work and its doers with a slash ("Danh mục dự án/ Cơ quan,
    đơn vị, địa phương thực hiện"): its group rows name the doers, its numbered rows the work. None where
    no header is so joined."""
    items, doers = _grouped_header()
    for index, column in enumerate(table.columns):
        parts = [fold_text(part) for part in column.header.split("/")]
        if len(parts) < 2:
            continue
        if any(items.search(a) and doers.search(b) for a in parts for b in parts if a is not b):
            return index
    return None


_ARABIC_NUMBER = regex.compile(r"\d{1,3}(?:\.\d{1,3})*\.?")


def _grouped_table_tasks(document: Document, table: Table, column: int, bodies: ByStart[Body]) -> list[Task]:
    """The rows of a table whose Roman-numbered group rows name the doer of the numbered rows under them
    (an allocation decision's appendix: "I | SỞ Y TẾ" over "1 | Xây dựng mới Trạm y tế xã …"): each numbered
    row is a task quoted by its cell in the joined column, grouped and led by the group row above it. Rows
    before any group row, and unnumbered rows (a total), give none."""
    number_column = table.column_of("stt")
    time_column = table.column_of("deadline")
    tasks: list[Task] = []
    group: tuple[str, list[str]] | None = None
    for row in table.rows:
        cell = cell_text(document, row, column)
        number = cell_text(document, row, number_column)
        if cell is None or number is None:
            continue
        if _ROMAN_NUMBER.fullmatch(number[0]):
            group = (cell[0], _group_doers(document, bodies, cell))
            continue
        if group is None or not _ARABIC_NUMBER.fullmatch(number[0]):
            continue
        time = cell_text(document, row, time_column)
        tasks.append(
            Task(
                group=group[0],
                lead=list(group[1]),
                support=[],
                output=None,
                deadline=parse_time_expressions(time[0]) if time else [],
                **evidence(document, cell[1], cell[2]),
            )
        )
    # group rows none of which names a doer ("I | Lĩnh vực giáo dục") only classify the rows
    return tasks if any(task.lead for task in tasks) else []


@cache
def _level_opening() -> regex.Pattern:
    """A level word opening a place's name ("huyện", "thị xã", "thành phố"; levels.json), not the first
    syllable of another word ("xã hội")."""
    levels = LevelsLexicon.load()
    other_word = alternation(levels.not_before)
    return regex.compile(rf"{alternation(levels.territories + levels.commune)}(?=\s)(?!\s+{other_word}(?!\w))")


def _group_doers(document: Document, bodies: ByStart[Body], cell: tuple[str, int, int]) -> list[str]:
    """The doers a group row names where its cell is wholly their names: the body records in it; else, for
    a name written in capitals, the body of that name the document names elsewhere or the lexicon lists
    ("SỞ Y TẾ" → "Sở Y tế"), or a place under its level word ("HUYỆN PHÙ CÁT" → "Huyện Phù Cát", a locality
    kept as written, no body word added: the round-4 labeller's reading); else the names the cell lists.
    A group row that only mentions a body among other words ("Lĩnh vực do Công an xã phụ trách") names a
    topic, not a doer: none."""
    text = cell[0]
    records = [body for body in _inside(bodies, cell[1], cell[2])]
    if records:
        spans = [(body.span[0] - cell[1], body.span[1] - cell[1]) for body in records]
        if _only_names(document.fold[cell[1] : cell[2]], spans):
            return list(dict.fromkeys(body.name for body in records))
        return []
    folded = " ".join(fold_text(text).split())
    named = {" ".join(fold_text(body.name).split()): body.name for body in bodies.items}
    if folded in named:
        return [named[folded]]
    listed = split_bodies(text)
    if listed:
        return list(dict.fromkeys(name for _, _, name in listed)) if _only_names(text, listed) else []
    level = _level_opening().match(folded)
    if level is not None and text.isupper():
        words = text.split()
        size = len(level.group().split())
        place = " ".join(word.lower().capitalize() for word in words[size:])
        return [spell_out(" ".join(words[:size]).lower() + " " + place)]
    return []


def _only_names(text: str, spans: list[tuple[int, ...]]) -> bool:
    """Whether the names at `spans` (offsets in `text`) are nearly all of it: besides them, at most a few
    letters ("và", "các") and punctuation."""
    rest = text
    for start, end, *_ in sorted(spans, reverse=True):
        rest = rest[:start] + rest[end:]
    return len(regex.sub(r"[\W\d_]", "", rest)) <= _HEADING_REST


def _own_blocks(blocks: ByStart[Block], section: Section) -> list[Block]:
    """The blocks under a heading that belong to it and not to a sub-heading."""
    return [
        b
        for b in blocks.starting_in(section.start + 1, section.end - 1)
        if b.section == section.path and b.role != "heading"
    ]


@cache
def _joined() -> regex.Pattern:
    """What joins two doers of one clause ("Giao Văn phòng Đảng ủy, Ban Xây dựng Đảng tham mưu …", "X và Y
    chủ trì …"): a comma or a joiner word of body_words.json, nothing else."""
    return regex.compile(rf"\s*(?:,|{alternation(BodyWordsLexicon.load().cell_joiners)})?\s*")


def _doers(fold: str, bodies: list[Body], region_start: int, roles: frozenset[str] = _DOER_ROLES) -> list[Body]:
    """The bodies of a block that open a clause as its doer (`_opens_clause`), and those written with such a
    doer as one subject ("Giao Văn phòng Đảng ủy, Ban Xây dựng Đảng tham mưu …": both lead the work;
    gold-guidelines: `lead` is a list of bodies), joined to it by a comma or "và" only."""
    found: list[Body] = []
    for body in bodies:
        if body.role not in roles:
            continue
        joined = bool(found) and _joined().fullmatch(fold, found[-1].span[1], body.span[0]) is not None
        if joined or _opens_clause(fold, region_start, body.span[0]):
            found.append(body)
    return found


def _opens_clause(fold: str, region_start: int, at: int) -> bool:
    """Whether a body at `at` is its clause's doer: only an opening, a bullet or an assignment verb
    ("Giao", "(Giao") stands between the clause's start and the body."""
    return bool(_cues()[0].search(fold[region_start:at]))


def _time_label(document: Document, blocks: list[Block]) -> tuple[Block, int, int, bool] | None:
    """The task's own time: a line that opens with a time label ("Thời gian hoàn thành: …"), or a
    label inside a paragraph after a full stop, semicolon or parenthesis ("…; thời hạn: Quý I/2026"), or a
    label with no colon that a time follows at once ("Thời gian dự kiến trong tháng 10/2025").
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
    bare_label, qualifier = _labels()[3], _cues()[1]
    for block in blocks:
        for found in bare_label.finditer(fold, block.start, block.end):
            after = qualifier.match(fold, found.end(), block.end)
            start = after.end() if after else found.end()
            stop = _TIME_END.search(fold, start, block.end)
            end = stop.start() if stop else block.end
            # the time must follow the label, not stand somewhere in a sentence the label's words open
            # ("Thời gian điều dưỡng … tối thiểu là 5 ngày": a rule's length, not a task's time)
            head = " ".join(document.text[start:end].split()[:_TIME_HEAD_WORDS])
            if parse_time_expressions(head) and parse_time_expressions(document.text[start:end]):
                return block, start, end, False
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
    numbered = next((i for i, b in enumerate(blocks) if _is_numbered_item(b)), None)
    if numbered is not None:
        blocks = blocks[:numbered]  # from its first numbered item on, the lines are that item's, not the heading's
    time = _time_label(document, blocks)
    if time is None or _reporting().search(fold_text(section.title)):
        return None
    time_block, time_start, time_end, own_line = time
    work = [b for b in blocks if not (own_line and b is time_block) and b.role in {"paragraph", "list_item"}]
    work = [b for b in work if not output_label.match(fold, b.start, b.end)]
    if not work:
        return None
    first = work[0]
    first_end = first.end
    if not own_line and time_block is first:
        first_end = min(_inline_label_start(document, first), _label_start(document, time_start))
    end = _SENTENCE_END.search(document.text, first.start, first_end)
    quote_end = end.start() if end else first_end
    if quote_end <= first.start:
        return None  # the heading's first words are its time: no work of its own to quote
    output_line = next((b for b in blocks if output_label.match(fold, b.start, b.end)), None)
    lead: list[str] = []
    support: list[str] = []
    for block in work:
        inside = _inside(bodies, block.start, block.end)
        doers = _doers(fold, inside, block.start, frozenset({"lead"}))
        for body in inside:
            if body in doers and body.name not in lead:
                lead.append(body.name)
            elif body.role == "support" and body.name not in support:
                support.append(body.name)
    labelled = _labelled_roles(document, bodies, work)
    if labelled is not None:
        lead, support = labelled
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
        **evidence(document, first.start, quote_end),
    )


def _task_in_parts(
    document: Document,
    section: Section,
    children: dict[str | None, list[Section]],
    bodies: ByStart[Body],
    deadlines: list[Deadline],
) -> Task | None:
    """A section laid out as one task in labelled parts ("1. Nội dung, biện pháp", "2. Cơ quan chủ trì, phối
    hợp" over "a) Cơ quan chủ trì" / "b) Cơ quan phối hợp", "3. Thời gian thực hiện: Tháng 12/2013"): the task
    is quoted by the section's heading, its group is the heading above, its lead and support are the bodies
    of its label parts, its time the time part's (a national plan's layout; gold: ban-chi-dao-quoc-gia)."""
    line_label = _labels()[0]
    fold = document.fold
    parts = children.get(section.path, [])
    time = None
    for part in parts:
        heading_end = fold.find("\n", part.start)
        heading_end = len(fold) if heading_end < 0 else heading_end
        title_at = fold.find(fold_text(part.title), part.start, heading_end)
        found = line_label.match(fold, title_at, heading_end) if title_at >= 0 else None
        if found:
            time = (found.end(), heading_end)
            break
    if time is None or len(parts) < 2:
        return None
    below, stack = [], list(parts)
    while stack:  # the sections under this one, at any depth
        part = stack.pop()
        below.append(part)
        stack.extend(children.get(part.path, []))
    labelled = [p for p in below if _label_role(p.title) is not None]
    if not any(p.parent == section.path for p in labelled):
        return None
    lead: list[str] = []
    support: list[str] = []
    for part in (p for p in labelled if p.parent == section.path):
        for body in _inside(bodies, part.start, part.end):
            # the innermost label over the body says its role ("b) Cơ quan phối hợp" under "2. Cơ quan chủ trì,
            # phối hợp"); a label naming both roles leaves the body's own
            inner = min((p for p in labelled if p.start <= body.span[0] < p.end), key=lambda p: p.end - p.start)
            role = _label_role(inner.title) or body.role
            target = support if role == "support" else lead
            if body.name not in target:
                target.append(body.name)
    title_at = document.fold.find(fold_text(section.title), section.start)
    if title_at < 0:
        return None
    time_start, time_end = time
    parent_title = next((s.title for s in children.get(_grandparent(section), []) if s.path == section.parent), None)
    return Task(
        group=fold_whitespace(parent_title) if parent_title else None,
        lead=lead,
        support=[name for name in support if name not in lead],
        output=None,
        deadline=_specs(document.text[time_start:time_end], deadlines, time_start, time_end),
        **evidence(document, title_at, title_at + len(section.title)),
    )


def _grandparent(section: Section) -> str | None:
    """The parent path of a section's parent ("B" for "B.I.2"), the key its parent is listed under."""
    if section.parent is None:
        return None
    return section.parent.rsplit(".", 1)[0] if "." in section.parent else None


def _label_role(title: str) -> str | None:
    """The role a part's title labels: "lead", "support", "" where it names both, None where neither."""
    folded = fold_text(title)
    found = {role for word, role in role_label_words().items() if word in folded}
    if not found:
        return None
    return found.pop() if len(found) == 1 else ""


def _label_start(document: Document, time_start: int) -> int:
    """Where the time label ending at `time_start` begins ("Thời gian dự kiến trong …" → "Thời"), cut
    back over the punctuation before it: the task's quote stops there."""
    line = document.fold.rfind("\n", 0, time_start) + 1
    found = None
    for m in _labels()[3].finditer(document.fold, line, time_start):
        found = m.start()
    cut = found if found is not None else time_start
    while cut > line and document.text[cut - 1] in " ;(":
        cut -= 1
    return cut


def _inline_label_start(document: Document, block: Block) -> int:
    found = _labels()[2].search(document.fold, block.start, block.end)
    if found is None:
        return block.end
    cut = found.start()
    while cut > block.start and document.text[cut - 1] in " ;(":
        cut -= 1
    return cut


def _item_task(
    document: Document,
    block: Block,
    bodies: ByStart[Body],
    deadlines: ByStart[Deadline],
    duty_sections: dict[str, str] | None = None,
) -> Task | None:
    """A numbered list item that states its own time: a time label in it ("… Thời gian dự kiến trong
    tháng 10/2025."), or a body that opens a clause as its doer with a completion time after it (a
    recurrence alone is a reporting duty's), or, in a section titled as the plan's duties
    (`duty_sections`: "1. Nhiệm vụ"), any completion time of its own even with no body named. The quote is
    the item's first sentence, cut before a parenthesis that assigns it ("… trên địa bàn xã (Giao …)") or
    the time label; lead and support are the bodies of the assignment, from its doer to the item's end."""
    fold = document.fold
    doers = _doers(fold, _inside(bodies, block.start, block.end), block.start)
    assigned = doers[0].span[0] if doers else block.start
    scope_end = block.end  # where the dated work ends: the bodies after it do other work
    label = _time_label(document, [block])
    if label is not None:
        _, time_start, time_end, _ = label
        specs = _specs(
            document.text[time_start:time_end], list(deadlines.starting_in(time_start, time_end)), time_start, time_end
        )
        first_end = _inline_label_start(document, block)
    else:
        times = [d for d in deadlines.starting_in(assigned, block.end) if d.span[1] <= block.end]
        completes = any(_completes(d) for d in times)
        if not completes or not (doers or block.section in (duty_sections or {})):
            return None
        specs = [_spec(d) for d in times]
        opening = fold.rfind("(", block.start, assigned)
        first_end = opening if opening > block.start else block.end
        # the sentence that states the last completion time closes the task's work ("… trước 15 giờ 00, ngày
        # 17/10/2025. Phối hợp Văn phòng … trang trí hội trường." – the second sentence is other work)
        last = max(d.span[1] for d in times if _completes(d))
        scope_end = _first_sentence(document, last, block.end)
    quote_end = _first_sentence(document, block.start, first_end)
    if quote_end <= block.start:
        return None  # an item that is only its time ("1. Thời gian: quý II/2026") states no work
    lead = list(dict.fromkeys(body.name for body in doers if assigned <= body.span[0] < scope_end))
    support = _names_in(bodies, assigned, scope_end, "support")
    labelled = _labelled_roles(document, bodies, [block], inline=True)
    if labelled is not None:
        lead, support = labelled
    return Task(
        group=(duty_sections or {}).get(block.section or ""),  # "Nhiệm vụ" over its lettered duties
        lead=lead,
        support=[name for name in support if name not in lead],
        output=None,
        deadline=specs,
        **evidence(document, block.start, quote_end),
    )


@cache
def _duty_titles() -> frozenset[str]:
    return frozenset(fold_text(w) for w in TaskCuesLexicon.load().duty_section_titles)


def _duty_sections(document: Document) -> dict[str, str]:
    """The sections titled as the plan's duties ("1. Nhiệm vụ"), whose lettered items are tasks: path → title."""
    return {
        s.path: fold_whitespace(s.title)
        for s in document.sections
        if " ".join(fold_text(s.title).strip(" :.").split()) in _duty_titles()
    }


def _is_numbered_item(block: Block) -> bool:
    """A list item numbered or lettered ("1.", "a)"): a task of its own, where it states a time."""
    return block.role == "list_item" and bool(block.marker) and bool(_cues()[2].match(block.marker))


@cache
def _assigning() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """From task_cues.json: an assignment verb right before the body it gives the work to, at a clause's
    opening ("Giao ", "(Giao ", "; yêu cầu "); such a verb anywhere, as a lead-in's cue; and such a verb
    right before the body after the one who speaks ("Phó Thủ tướng … yêu cầu Bộ X khẩn trương …", a letter's
    demand), not after a word that tells the assignment as past (`past_markers`: "… đã giao Bộ X …" recounts
    an earlier letter)."""
    cues = TaskCuesLexicon.load()
    verbs = "|".join(regex.escape(fold_text(w)) for w in cues.assignment_verbs)
    past = alternation(cues.past_markers)
    return (
        regex.compile(rf"(?:^|[.;:(]\s*)[\s\-+•–]*(?:{verbs})\s+$"),
        regex.compile(rf"(?<!\w)(?:{verbs})\s"),
        regex.compile(rf"(?:^|[.;:(])[^.;:(]*(?<!\w)(?<!{past}\s+)(?P<verb>{verbs})\s+$"),
    )


def _completes(deadline: Deadline | DeadlineSpec) -> bool:
    """A time that says when work is done: not a cadence or "thường xuyên", and bounded by an end (a
    procedure's relative limit, "trong thời hạn 15 ngày kể từ …", has none and sets no task's date)."""
    return deadline.kind not in _NOT_COMPLETION and deadline.end is not None


@cache
def _list_cut() -> regex.Pattern:
    """Where the first time of a parenthesis ends: a comma, a semicolon or a joiner (task_cues.json)."""
    return regex.compile(rf",|;|\s{alternation(TaskCuesLexicon.load().time_joiners)}\s")


@cache
def _time_preposition() -> regex.Pattern:
    return regex.compile(rf"(?:{alternation(TaskCuesLexicon.load().time_prepositions)})\s")


def _dates_work(document: Document, deadline: Deadline, end: int) -> bool:
    """Whether a time dates a body's work: it opens with a time preposition ("trong năm 2012 để …",
    "trước ngày 30/9/2025") or ends its clause ("…, trình … quý 1/2019.", "… tham mưu trong quý IV/2029)");
    a bare year followed by more words qualifies a noun ("đánh giá Chỉ số cải cách hành chính năm 2025 và
    các năm tiếp theo") and dates no work (task_cues.json)."""
    if _time_preposition().match(document.fold, deadline.span[0]):
        return True
    rest = document.text[deadline.span[1] : end].lstrip()
    return not rest or rest[0] in ".;,)"


def _first_sentence(document: Document, start: int, end: int) -> int:
    """Where the sentence that opens at `start` ends (its full stop kept), at most `end`."""
    found = _SENTENCE_END.search(document.text, start, end)
    stop = found.end() if found else end
    while stop > start and document.text[stop - 1].isspace():
        stop -= 1
    return stop


_TIME_HEAD_WORDS = 5
_HEAD_CUT = regex.compile(r"[:,]")
_DIGIT = regex.compile(r"\d")


def _closing_time(document: Document, block: Block) -> tuple[int, list[DeadlineSpec]] | None:
    """A parenthesis that closes the item and opens with a time ("… hài cốt liệt sĩ (trong năm 2013).",
    "(Quý IV/2013, Quý I/2014 và thường xuyên)"): the item's own time cell, written inline. Returns where
    the parenthesis opens and its times; None where the item does not close so or the time completes nothing."""
    text = document.text
    end = block.end
    while end > block.start and (text[end - 1].isspace() or text[end - 1] in ".;"):
        end -= 1
    if end <= block.start or text[end - 1] != ")":
        return None
    opening = text.rfind("(", block.start, end)
    if opening <= block.start:
        return None
    inner = text[opening + 1 : end - 1]
    first = _list_cut().split(fold_text(inner), maxsplit=1)[0]
    if len(first.split()) > _TIME_HEAD_WORDS or not parse_time_expressions(first):
        return None
    specs = parse_time_expressions(inner)
    return (opening, specs) if any(_completes(s) for s in specs) else None


def _heading_bodies(document: Document, section: Section | None, bodies: ByStart[Body]) -> list[str]:
    """The bodies a heading names as its whole title ("1. Bộ Lao động - Thương binh và Xã hội", "2. Sở Tư
    pháp, Sở Nội vụ"): the doers of the duties listed under it. A title that only mentions a body among
    other words ("Phát huy vai trò của Mặt trận Tổ quốc") names a topic, not a doer."""
    if section is None:
        return []
    title = fold_text(section.title)
    at = document.fold.find(title, section.start, section.end)
    if at < 0 or not title.strip():
        return []
    found = [b for b in _inside(bodies, at, at + len(title)) if b.role in _DOER_ROLES]
    rest = document.fold[at : at + len(title)]
    for body in reversed(found):
        rest = rest[: body.span[0] - at] + rest[body.span[1] - at :]
    if not found or len(regex.sub(r"[\W\d_]", "", rest)) > _HEADING_REST:
        return []
    return list(dict.fromkeys(b.name for b in found))


# letters a body heading may hold besides its bodies ("Đối với", "và", "các")
_HEADING_REST = 12


def _framed_item_task(
    document: Document,
    block: Block,
    bodies: ByStart[Body],
    deadlines: ByStart[Deadline],
    frame: tuple[list[str], str | None] | None,
    title: str,
) -> Task | None:
    """An item whose doer is not named in it: it closes with a time parenthesis of its own (no body
    named, or the frame's), or its frame names the doers — a heading that is a body's name over its
    duties ("1. Bộ Lao động - Thương binh và Xã hội" / "- Chủ trì xây dựng Đề án …, trình … trong quý
    1/2019"), or a lead-in that assigns the list ("… yêu cầu Chính phủ … thực hiện các nhiệm vụ sau đây:")
    — and it states a completion time. `frame` is (lead, group); `title` the title of the block's heading."""
    closing = _closing_time(document, block) if _is_numbered_item(block) else None
    if closing is not None:
        cut, specs = closing
    else:
        if frame is None:
            return None
        times = [d for d in deadlines.starting_in(block.start, block.end) if d.span[1] <= block.end]
        if not any(_completes(d) and _dates_work(document, d, block.end) for d in times):
            return None
        cut, specs = block.end, [_spec(d) for d in times]
    quote_end = _first_sentence(document, block.start, cut)
    if quote_end <= block.start:
        return None
    lead, group = frame if frame is not None else ([], None)
    if closing is not None and frame is None:
        group = fold_whitespace(title) or None
    support = _names_in(bodies, block.start, block.end, "support")
    return Task(
        group=group,
        lead=list(lead),
        support=[name for name in support if name not in lead],
        output=None,
        deadline=specs,
        **evidence(document, block.start, quote_end),
    )


def _assigned_block_task(
    document: Document, block: Block, bodies: ByStart[Body], deadlines: ByStart[Deadline]
) -> Task | None:
    """A bullet or a plain paragraph that gives its work to a body with an assignment verb and states a
    completion time ("- Giao Sở Nội vụ chủ trì …, hoàn thành trong tháng 10/2025.", "Giám sát việc … (Giao
    Ủy ban Kiểm tra Đảng ủy chủ trì, tham mưu trong quý IV/2029)."). Without a number, only the verb tells
    an assignment from running text. The quote is the sentence the verb opens, or, where the assignment is
    a closing parenthesis, the block's first sentence before it."""
    fold = document.fold
    verb_before, _, spoken = _assigning()
    doers = [
        body
        for body in _inside(bodies, block.start, block.end)
        if body.role in _DOER_ROLES
        and (verb_before.search(fold[block.start : body.span[0]]) or spoken.search(fold[block.start : body.span[0]]))
    ]
    if not doers:
        return None
    assigned = doers[0].span[0]
    times = [d for d in deadlines.starting_in(assigned, block.end) if d.span[1] <= block.end]
    if not any(_completes(d) and _dates_work(document, d, block.end) for d in times):
        return None
    clause = verb_before.search(fold[block.start : assigned])
    if clause is not None:
        verb_at = block.start + clause.start()
    else:  # the verb after its speaker: the quote opens at the verb
        verb_at = block.start + spoken.search(fold[block.start : assigned]).start("verb")
    while verb_at < assigned and not fold[verb_at].isalpha() and fold[verb_at] != "(":
        verb_at += 1
    if fold[verb_at] == "(":
        start, stop = block.start, verb_at
    else:
        start, stop = verb_at, block.end
    quote_end = _first_sentence(document, start, stop)
    if quote_end <= start:
        return None
    lead = list(dict.fromkeys(body.name for body in doers + _directed(document, bodies, doers[0], block.end)))
    support = _names_in(bodies, assigned, block.end, "support")
    return Task(
        group=None,
        lead=lead,
        support=[name for name in support if name not in lead],
        output=None,
        deadline=[_spec(d) for d in times],
        **evidence(document, start, quote_end),
    )


@cache
def _directing() -> regex.Pattern:
    """A directing verb right after the assigned body and right before the body it directs ("giao UBND xã chỉ
    đạo các cơ quan chuyên môn tham mưu …", task_cues.json directing_verbs)."""
    return regex.compile(rf"\s*{alternation(TaskCuesLexicon.load().directing_verbs)}\s+$")


def _directed(document: Document, bodies: ByStart[Body], doer: Body, end: int) -> list[Body]:
    """The bodies the assigned one is told to direct, which lead the work too (gold/README: a body another is
    told to direct is `lead` of that work): those right after a directing verb that follows the doer."""
    found: list[Body] = []
    at = doer.span[1]
    for body in _inside(bodies, doer.span[1], end):
        if body.role not in _DOER_ROLES or not _directing().match(document.fold[at : body.span[0]]):
            break
        found.append(body)
        at = body.span[1]
    return found


def _dated_block_task(document: Document, block: Block, title: str) -> Task | None:
    """A bullet, or a paragraph that continues a heading ending with a colon, opened by its own completion
    time ("- Năm 2019: Trình ban hành Pháp lệnh …"; "đ) Đẩy nhanh … với mục tiêu:" / "Đến năm 2020, giải
    quyết căn bản hồ sơ … còn tồn đọng."): scheduled work under the heading it belongs to. A free paragraph
    opened by a year reviews it ("Trong năm 2025, bám sát sự chỉ đạo …", a report). The opening must be only
    a time, and what follows must state work, not a figure: a sentence with a number after the time is a
    target ("Đến năm 2025, 100% …"), a count of what the year holds ("Năm 2026: (02 cuộc kiểm tra)") is not
    work."""
    text = document.text
    sep = _HEAD_CUT.search(text, block.start, block.end)
    if sep is None:
        return None
    head = text[block.start : sep.start()]
    if not head.strip() or len(head.split()) > _TIME_HEAD_WORDS:
        return None
    specs = parse_time_expressions(head)
    if not specs or not all(_completes(s) for s in specs):
        return None
    rest = sep.end()
    while rest < block.end and text[rest].isspace():
        rest += 1
    if rest >= block.end or not text[rest].isalpha():
        return None
    start = rest if sep.group() == ":" else block.start
    quote_end = _first_sentence(document, start, block.end)
    if _DIGIT.search(text, rest, quote_end):
        return None
    title = title.strip().rstrip(":").strip()
    return Task(
        group=fold_whitespace(title) or None,
        lead=[],
        support=[],
        output=None,
        deadline=specs,
        **evidence(document, start, quote_end),
    )


@cache
def _goal_title() -> regex.Pattern:
    """A heading that opens with the words of a targets section ("Mục tiêu cụ thể", "II. CHỈ TIÊU"),
    target_words.json."""
    return regex.compile(rf"\s*{alternation(TargetWordsLexicon.load().target_section_words)}(?!\w)")


def _under_goals(section: Section | None, by_path: dict[str, Section]) -> bool:
    """Whether a block stands under a heading of goals, at any depth: a bullet there opened by its year
    ("- Đến năm 2027: Hoàn thành số hóa …") states what the plan aims at, not work it assigns."""
    while section is not None:
        if _goal_title().match(fold_text(section.title)):
            return True
        section = by_path.get(section.parent or "")
    return False


def _inline_heading(document: Document, block: Block, sections: dict[str, Section]) -> bool:
    """A numbered heading that carries its duty on its own line after a colon ("1. Sở Tư pháp: chủ trì …,
    hoàn thành trong quý III/2025."): read as a numbered item whose first words are its doer."""
    if block.role != "heading" or not block.marker or not _cues()[2].match(block.marker):
        return False
    section = sections.get(block.section or "")
    if section is None:
        return False
    title_end = block.start + len(section.title)
    return document.text.startswith(":", title_end) and bool(document.text[title_end + 1 : block.end].strip())


class _Covered:
    """Spans already taken by other tasks, asked whether a block overlaps one in logarithmic time (every
    block of a long plan asks)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # the spans that start before the block ends
        return before > 0 and self.reach[before - 1] > start


def _item_tasks(
    document: Document,
    bodies: ByStart[Body],
    deadlines: list[Deadline],
    taken: list[Task],
    sections: list[tuple[int, int]],
) -> list[Task]:
    """The tasks of list items and paragraphs, leaving out a block a heading's task already covers, or a
    section that is one task in labelled parts (`sections`): numbered items that state their own time
    (`_item_task`, `_framed_item_task`), and bullets or paragraphs that assign work with a verb or open with
    its time (`_assigned_block_task`, `_dated_block_task`)."""
    by_start = ByStart(deadlines, lambda d: d.span[0] if d.span else None)
    covered = _Covered([t.span for t in taken if t.span] + sections)
    duties = _duty_sections(document)
    by_path = {s.path: s for s in document.sections}
    heading_bodies: dict[str | None, list[str]] = {}
    goals: dict[str | None, bool] = {}  # whether a section stands under a heading of goals
    lead_in: list[str] | None = None  # the doers of the paragraph that introduced the list under way
    found = []
    continues_heading = False  # the block follows a heading that ends with a colon
    timed_until = -1  # the paragraphs up to here are the time and output lines of an item read before
    for index, block in enumerate(document.blocks):
        if block.start < timed_until:
            continue
        follows, continues_heading = continues_heading, block.role == "heading" and document.text[
            block.start : block.end
        ].rstrip().endswith(":")
        numbered = _is_numbered_item(block) or _inline_heading(document, block, by_path)
        if block.role in {"heading", "paragraph"} and not numbered:
            lead_in = _lead_in(document, block, bodies)
        if block.role not in {"list_item", "paragraph"} and not numbered:
            continue
        if covered.overlaps(block.start, block.end):
            continue
        if _reporting().search(document.fold, block.start, block.end):
            continue
        if block.section not in heading_bodies:
            heading_bodies[block.section] = _heading_bodies(document, by_path.get(block.section or ""), bodies)
        title = by_path[block.section].title if block.section in by_path else ""
        frame = None
        if heading_bodies[block.section]:
            frame = (heading_bodies[block.section], fold_whitespace(by_path[block.section].title))
        elif lead_in is not None and block.role == "list_item":
            frame = (lead_in, None)
        if numbered:
            task = _item_task(document, block, bodies, by_start, duties)
            if task is None:
                task = _framed_item_task(document, block, bodies, by_start, frame, title)
            elif not task.lead and frame is not None and frame[0]:
                # an item that names no doer of its own is done by the body its frame names
                task.lead = list(frame[0])
                task.support = [name for name in task.support if name not in task.lead]
            if task is None:
                task = _item_with_time_line(document, index, bodies, by_start)
                if task is not None:
                    timed_until = _continuation_end(document, index)
        else:
            task = _assigned_block_task(document, block, bodies, by_start)
            if task is None and frame is not None and block.role == "list_item":
                task = _framed_item_task(document, block, bodies, by_start, frame, title)
            if task is None and (block.role == "list_item" or follows) and not goals.setdefault(
                block.section, _under_goals(by_path.get(block.section or ""), by_path)
            ):
                task = _dated_block_task(document, block, title)
        if task is not None:
            if _is_numbered_item(block) and task.group is None:
                # the heading the numbered task stands under (gold-guidelines: `group` is the heading of the
                # numbered task); a heading that carries its duty after a colon is the task, not its group
                task.group = fold_whitespace(title) or None
            found.append(task)
    return found


def _continuation(document: Document, index: int) -> list[Block]:
    """The paragraphs right after a numbered item, before the next item, bullet or heading: its own lines
    ("1. Rà soát quy chế làm việc." / "Chủ trì: Văn phòng Đảng ủy." / "Thời gian hoàn thành: Quý II/2026.")."""
    item = document.blocks[index]
    lines: list[Block] = []
    for block in document.blocks[index + 1 :]:
        if block.section != item.section:
            break
        if block.role != "paragraph" and not (block.role == "list_item" and _labelled_line(document, block)):
            break  # a bullet is a line of the item only where a label opens it ("- Thời gian hoàn thành: …")
        lines.append(block)
    return lines


def _labelled_line(document: Document, block: Block) -> bool:
    """Does a bullet (not a numbered item) open with a time, output, lead or support label and a colon
    ("- Đơn vị thực hiện: …", "- Thời gian hoàn thành: …")? Such bullets under a numbered item are its own
    lines, as the paragraphs of the same labels are."""
    if _is_numbered_item(block):
        return False
    fold = document.fold
    return any(
        label.match(fold, block.start, block.end) for label in (_labels()[0], _labels()[1], _role_line())
    )


@cache
def _role_line() -> regex.Pattern:
    """A line that opens with a lead or support label and a colon ("Cơ quan chủ trì: …", "Phối hợp: …"):
    the header words of the lead and support columns (column_roles.json), so that a labelled line and a
    table column are read alike. Group 1 is the label."""
    return regex.compile(rf"\s*({alternation(list(role_label_words()))})\s*:\s*")


@cache
def _role_part() -> regex.Pattern:
    """A lead or support label and its colon where a line, a clause of it or a parenthesis starts ("…; phối
    hợp: …", "… (Chủ trì: …)")."""
    return regex.compile(rf"(?:\G|(?<=[;.(]\s*))[\s\-+•–*]*({alternation(list(role_label_words()))})\s*:\s*")


def _labelled_roles(
    document: Document, bodies: ByStart[Body], lines: list[Block], inline: bool = False
) -> tuple[list[str], list[str]] | None:
    """The lead and support that an item's labelled lines give ("Cơ quan chủ trì: Công an xã." / "Cơ quan
    phối hợp: Đoàn Thanh niên."), as the lead and support cells of a table row do: the label decides the
    role, not the cues of the line's words. A label of executing ("Cơ quan thực hiện: X") gives `lead` where
    no other lead label stands, `support` where one does (gold-guidelines, decisions). With `inline`, labels
    inside a line count too ("1. Rà soát … (Chủ trì: X; phối hợp: Y; thời gian: quý II/2026)."). None where no
    line is so labelled."""
    executing = frozenset(fold_text(w) for w in TaskCuesLexicon.load().executing_labels)
    words = role_label_words()
    found: list[tuple[str, str, list[str]]] = []
    for line in lines:
        if not inline and _role_line().match(document.fold, line.start, line.end) is None:
            continue
        # "Chủ trì: Văn phòng Đảng ủy; phối hợp: Công an xã.": each label holds up to the next one
        parts = list(_role_part().finditer(document.fold, line.start, line.end))
        for k, m in enumerate(parts):
            end = parts[k + 1].start() if k + 1 < len(parts) else line.end
            label = " ".join(m.group(1).split())
            names = cell_bodies(document, bodies, (document.text[m.end() : end], m.end(), end))
            found.append((label, words.get(label, ""), names))
    if not found:
        return None
    chaired = any(role == "lead" and label not in executing for label, role, _ in found)
    lead: list[str] = []
    support: list[str] = []
    for label, role, names in found:
        target = support if role == "support" or (chaired and label in executing) else lead
        target.extend(name for name in names if name not in target)
    return lead, [name for name in support if name not in lead]


def _continuation_end(document: Document, index: int) -> int:
    lines = _continuation(document, index)
    return lines[-1].end if lines else document.blocks[index].end


def _time_sentence(
    document: Document, lines: list[Block], deadlines: ByStart[Deadline]
) -> tuple[Block, int, int, bool] | None:
    """A line right after an item whose first sentence closes with a completion time ("Các nội dung trình
    Thường trực Đảng ủy trước ngày 01/10/2025."): the item's time line though it has no label (gold/README,
    round 4: a time line after item 3 belongs to item 3 only). Returns it as `_time_label` does."""
    if not lines:
        return None
    line = lines[0]
    end = _first_sentence(document, line.start, line.end)
    times = [d for d in deadlines.starting_in(line.start, end) if d.span[1] <= end]
    if not times or not all(_completes(d) for d in times):
        return None
    if not _dates_work(document, times[-1], end):
        return None
    return line, times[0].span[0], times[-1].span[1], True


def _item_with_time_line(
    document: Document, index: int, bodies: ByStart[Body], deadlines: ByStart[Deadline]
) -> Task | None:
    """A numbered item whose time stands on a line of its own after it ("2. Số hóa hồ sơ đảng viên." /
    "Thời gian hoàn thành: Quý III/2026."), as a numbered heading's does: the item is the task, quoted by
    its first sentence; its lead the bodies that open a clause of it or of its lines as their doer, its
    support those given `support` there, its output the "Sản phẩm:" line's."""
    output_label = _labels()[1]
    fold = document.fold
    item = document.blocks[index]
    lines = _continuation(document, index)
    time = _time_label(document, lines) or _time_sentence(document, lines[:1], deadlines)
    if time is None:
        return None
    time_block, time_start, time_end, own_line = time
    quote_end = _first_sentence(document, item.start, item.end)
    if quote_end <= item.start:
        return None
    lead: list[str] = []
    support: list[str] = []
    for block in [item, *lines]:
        if block is time_block and own_line:
            continue
        inside = _inside(bodies, block.start, block.end)
        doers = _doers(fold, inside, block.start)
        for body in inside:
            if body in doers:
                lead.append(body.name)
            elif body.role == "support":
                support.append(body.name)
    lead = list(dict.fromkeys(lead))
    labelled = _labelled_roles(document, bodies, lines)
    if labelled is not None:
        lead, support = labelled
    output_line = next((b for b in lines if output_label.match(fold, b.start, b.end)), None)
    output = None
    if output_line is not None:
        cut = output_label.match(fold, output_line.start, output_line.end).end()
        output = fold_whitespace(document.text[cut : output_line.end]).rstrip(".") or None
    return Task(
        group=None,
        lead=lead,
        support=[name for name in dict.fromkeys(support) if name not in lead],
        output=output,
        deadline=_specs(
            document.text[time_start:time_end], list(deadlines.starting_in(time_start, time_end)), time_start, time_end
        ),
        **evidence(document, item.start, quote_end),
    )


def _lead_in(document: Document, block: Block, bodies: ByStart[Body]) -> list[str] | None:
    """The doers a paragraph gives the list after it: a paragraph that ends with a colon and assigns with a
    verb ("Ủy ban thường vụ Quốc hội yêu cầu Chính phủ, Thủ tướng Chính phủ … sau đây:") → the bodies after
    the verb (maybe none found); None where the paragraph introduces no assigned list."""
    if block.role != "paragraph" or not document.text[block.start : block.end].rstrip().endswith(":"):
        return None
    verb = _assigning()[1].search(document.fold, block.start, block.end)
    if verb is None:
        return None
    return list(dict.fromkeys(b.name for b in _inside(bodies, verb.end(), block.end) if b.role in _DOER_ROLES))


def extract_tasks(document: Document, bodies: list[Body], deadlines: list[Deadline]) -> list[Task]:
    """Every row of an assignment table and every numbered task stating its own completion time,
    in document order."""
    tasks: list[Task] = []
    by_start = bodies_by_start(bodies)
    blocks = ByStart(document.blocks, lambda b: b.start)
    for table in document.tables:
        if table.is_assignment():
            tasks.extend(_table_tasks(document, table, by_start, deadlines))
        elif (column := _grouped_column(table)) is not None:
            tasks.extend(_grouped_table_tasks(document, table, column, by_start))
    in_parts: list[tuple[int, int]] = []
    children: dict[str | None, list[Section]] = {}
    for section in document.sections:
        children.setdefault(section.parent, []).append(section)
    for section in document.sections:
        if any(a <= section.start < b for a, b in in_parts):
            continue  # a part of a section that is one task in labelled parts is no task of its own
        task = _task_in_parts(document, section, children, by_start, deadlines)
        if task is not None:
            in_parts.append((section.start, section.end))
        else:
            task = _numbered_task(document, section, blocks, by_start, deadlines)
        if task is not None:
            tasks.append(task)
    tasks.extend(_item_tasks(document, by_start, deadlines, tasks, in_parts))
    tasks.sort(key=lambda t: t.span[0] if t.span else 0)
    return tasks
