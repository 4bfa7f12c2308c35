"""Assignment tables that a PDF-to-text tool flattened to one cell (or one piece of a cell) per line.

A signed PDF's table, extracted to text by a tool that knows no tables, comes out column by column
within each row: the row's number, its content wrapped over several lines, then its time cells
("Quý I/2026"), then its bodies ("Đảng uỷ", "UBND xã"), then the next row. Reflow would join all of it
into one paragraph and no task, lead or time would be read from the table. This module finds such a
table and gives its rows back as cells, so the structure step builds a `Table` as it does for a .docx.

How a flattened table is recognised (conservative: a miss costs a table, a false table costs a
plan's text):
- its header: a line that is only a row-number header ("Stt", "TT"), followed within a few short
  lines by the header words of a content column and of a lead or a time column (`column_roles.json`);
- its rows: the lines after the header, read as runs. A *typed run* is a run of short lines that
  each open a time cell (a time expression, or a time-cell opener (`column_roles.json`, `flat_time_openers`) such as
  "Theo chỉ đạo") or a body (a name the bodies lexicon knows, over up to three short lines: "Ban Xây" /
  "dựng Đảng"), with the lowercase lines that finish them. The text lines before a typed run are the
  row's content; a Roman numeral alone opens a group row, whose title follows it;
- it ends at a line in capitals of two words or more (a signature's "T/M BAN CHẤP HÀNH", a heading), at
  a long run of text with no typed line, or at the end of the file.

The rebuilt row has five columns, each cell carrying its column's role in `style` (the header words
of a flattened table are scattered over lines and cannot be read per column): row number, content,
time (every time line of the row, so a plan that gives a time for each of two steps keeps both), lead
(the first body of the typed run) and support (the bodies after it: a second body column is "thực
hiện" or "phối hợp", and the annotators' decision makes an executing body beside a lead `support`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from pipeline.lexicon import ColumnRolesLexicon, phrases
from pipeline.normalize import fold_text
from pipeline.raw import RawBlock, RawPlace, column_role_style

# Columns of a rebuilt table, in order.
COLUMNS = ("stt", "content", "deadline", "lead", "support")
_ROMAN = regex.compile(r"[IVXLC]{1,6}\.?")
_NUMBER = regex.compile(r"\d{1,3}\.?")
_SHORT = 18  # characters: a typed cell's line is narrower than the content column
_NAME_LINE = 40  # a body column may be wider, where one name fills the line ("Hội Liên hiệp Phụ nữ xã")
_HEADER_LINES = 16
_MAX_TEXT_RUN = 24  # lines of text with no typed line: the table has ended
_BODY_WINDOW = 3  # lines a body's name may be wrapped over


@cache
def _row_number_headers() -> frozenset[str]:
    """The header words of a row-number column ("stt", "tt"): the line a flattened header starts with."""
    return frozenset(ColumnRolesLexicon.load().roles["stt"])


@cache
def _row_number_header_limit() -> int:
    """No line longer than this, trailing dots aside, folds to a row-number header: a folded line is as
    long as its NFC form, and NFC makes one character of at most four."""
    return 4 * max(map(len, _row_number_headers()), default=0)


def may_be_row_number_header(text: str) -> bool:
    """Whether a stripped line is short enough to be a row-number header. Every non-blank line of a
    text file is asked whether it starts a table; folding each (twice) cost ~0.4 ms a plan, and
    this answers most lines from their length alone."""
    return len(text.rstrip(".")) <= _row_number_header_limit()


@cache
def _time_openers() -> regex.Pattern:
    return regex.compile(phrases(ColumnRolesLexicon.load().flat_time_openers) + r"(?![\p{L}\p{M}])")


@cache
def _lead_in() -> regex.Pattern:
    """A line ending in a word that goes on in the next line ("… ngày", "… chỉ đạo của")."""
    return regex.compile(r"(?<![\p{L}\p{M}])" + phrases(ColumnRolesLexicon.load().flat_lead_ins) + r"\s*$")


def _goes_on(line: str) -> bool:
    return bool(_lead_in().search(fold_text(line.strip())))


def _role_of(text: str) -> str | None:
    from pipeline.structure import column_role  # structure reads tables; a late import keeps ingest first

    return column_role(text)


@dataclass
class _Row:
    number: list[int] = field(default_factory=list)
    content: list[int] = field(default_factory=list)
    times: list[int] = field(default_factory=list)
    lead: list[int] = field(default_factory=list)
    support: list[int] = field(default_factory=list)

    def typed(self) -> bool:
        return bool(self.times or self.lead or self.support)

    def empty(self) -> bool:
        return not (self.number or self.content or self.typed())


def _is_time(line: str) -> bool:
    from extractors.deadlines import parse_time_expressions  # the extractors' own reading of a time cell

    text = line.strip()
    if len(text) > _SHORT or text.endswith(".") or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    return bool(_time_openers().match(fold_text(text)) or parse_time_expressions(text))


def _body_lines(lines: list[str], at: int, end: int) -> int:
    """How many lines from `at` one body's name takes (0: the line opens no body)."""
    from extractors.bodies import find_mentions

    first = lines[at]
    if len(first) > _NAME_LINE or not first[:1].isupper():
        return 0
    alone = find_mentions(first, fold_text(first))
    whole = bool(alone) and alone[0].start == 0 and alone[0].end == len(first)
    follows = lines[at + 1] if at + 1 < end else ""
    if whole and not _continues(follows):
        return 1  # a whole name on its line: a capitalised next line is a cell of its own ("Đảng uỷ" / "UBND xã")
    if len(first) > _SHORT:
        return int(whole)  # a longer line is a body cell only where one name fills it
    window: list[str] = []
    for i in range(at, min(end, at + _BODY_WINDOW)):
        piece = lines[i]
        if len(piece) > _SHORT:
            break
        window.append(piece)
    joined = " ".join(window)
    mentions = find_mentions(joined, fold_text(joined))
    if not mentions or mentions[0].start != 0:
        return 0
    covered, taken = 0, 0
    for piece in window:
        if covered >= mentions[0].end:
            break
        covered += len(piece) + 1
        taken += 1
    return taken


def _continues(line: str) -> bool:
    """A short lowercase line that finishes the cell above it ("năm" after "Quý IV hàng")."""
    text = line.strip()
    return bool(text) and len(text) <= _SHORT and text[:1].islower()


def _ends_table(line: str) -> bool:
    text = line.strip()
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 2 and bool(letters) and all(c.isupper() for c in letters)


def _header_end(lines: list[str], at: int) -> int | None:
    """The line after a flattened header that starts at `at`, or None where `at` starts none."""
    first = lines[at].strip()
    if not may_be_row_number_header(first) or fold_text(first).rstrip(".") not in _row_number_headers():
        return None
    roles: set[str] = set()
    pending = ""
    i, seen = at + 1, 0
    while i < len(lines) and seen < _HEADER_LINES:
        text = lines[i].strip()
        seen += bool(text)
        if _ROMAN.fullmatch(text) or _NUMBER.fullmatch(text) or len(text) > 40:
            break
        if text:
            folded = fold_text(text)
            own = _role_of(folded)  # a content line is content, whatever words pend before it
            role = own if own == "content" else (_role_of(f"{pending} {folded}".strip()) or own)
            if role:
                roles.add(role)
                pending = ""
            else:
                pending = folded
        i += 1
    return i if "content" in roles and roles & {"lead", "deadline"} else None


def _typed_run(lines: list[str], at: int, end: int, row: _Row) -> int:
    """Read the typed lines from `at` into `row`; returns the first line after them."""
    i = at
    while i < end:
        text = lines[i]
        if _is_time(text):
            row.times.append(i)
            i += 1
            while i < end and (_continues(lines[i]) or _goes_on(lines[i - 1])) and not _body_lines(lines, i, end):
                row.times.append(i)
                i += 1
            continue
        taken = _body_lines(lines, i, end)
        if taken:
            target = row.lead if not row.lead else row.support
            target.extend(range(i, i + taken))
            i += taken
            continue
        if row.lead and _continues(lines[i]):  # a role word inside a body cell ("chủ trì,", "phối hợp")
            row.support.append(i)
            i += 1
            continue
        break
    return i


def _rows(lines: list[str]) -> tuple[list[_Row], int]:
    """The rows of a flattened table whose body starts at `lines[0]` (the non-blank lines after its
    header, stripped), and the index of the first line after it."""
    rows: list[_Row] = []
    row = _Row()
    text_run = 0
    i = 0
    while i < len(lines):
        text = lines[i]
        if _ends_table(text) or text_run > _MAX_TEXT_RUN:
            break
        if _ROMAN.fullmatch(text):
            if not row.empty():
                rows.append(row)
            group = _Row(number=[i])
            i += 1
            while i < len(lines) and (not group.content or lines[i][:1].islower()):
                group.content.append(i)
                i += 1
            rows.append(group)
            row = _Row()
            continue
        if _NUMBER.fullmatch(text):
            if not row.empty():
                rows.append(row)
            row = _Row(number=[i])
            i += 1
            continue
        goes_on = bool(row.content) and _goes_on(lines[row.content[-1]])
        after = _typed_run(lines, i, len(lines), row) if row.content and not goes_on else i
        if after > i:
            text_run = 0
            i = after
            continue
        if row.typed():
            rows.append(row)
            row = _Row()
        row.content.append(i)
        text_run += 1
        i += 1
    if not row.empty() and row.typed():
        rows.append(row)
    # the table ends after its last row that has typed cells
    while rows and not rows[-1].typed():
        rows.pop()
    last = max((max(r.number + r.content + r.times + r.lead + r.support) for r in rows), default=-1)
    return rows, last + 1


@dataclass
class FlatTable:
    """A rebuilt table: its rows are the file's lines [first, end) (0-based), its cells raw blocks."""

    first: int
    end: int
    cells: list[RawBlock]


def _cell(texts: list[str], numbers: list[int], indices: list[int], place: tuple[int, int, int]) -> RawBlock | None:
    """The cell of `place` (table, row, column) made of the non-blank lines `indices` (`numbers` gives
    each one's line number in the file, from 1)."""
    if not indices:
        return None
    table, row, column = place
    return RawBlock(
        text="\n".join(texts[indices[0] : indices[-1] + 1]),
        kind="cell",
        style=column_role_style(COLUMNS[column]),
        source=RawPlace(line=numbers[indices[0]], table=table, row=row, column=column),
    )


def find_flat_table(lines: list[str], at: int, table: int) -> FlatTable | None:
    """The flattened table whose header starts at line `at` (0-based), as cells of table number
    `table`; None where no such table starts there. Header lines stay text (they are the table's
    caption to a reader); the rows become cells."""
    header_end = _header_end(lines, at)
    if header_end is None:
        return None
    # blank lines carry nothing in a flattened table (a copy may put one after every line)
    numbers = [i + 1 for i in range(header_end, len(lines)) if lines[i].strip()]
    texts = [lines[n - 1].strip() for n in numbers]
    rows, end = _rows(texts)
    if sum(r.typed() for r in rows) < 2:
        return None
    cells: list[RawBlock] = []
    for number, row in enumerate(rows):
        parts = (row.number, row.content, row.times, row.lead, row.support)
        for column, indices in enumerate(parts):
            cell = _cell(texts, numbers, indices, (table, number, column))
            if cell is not None:
                cells.append(cell)
    return FlatTable(first=header_end, end=numbers[end - 1], cells=cells)
