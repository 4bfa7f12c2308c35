"""Tables copied from a web page one cell per line, with a line holding only "|" between cells.

A portal's table, copied as text, can come out as the cells of each row in reading order, each cell's
text on its own line(s) and a line "|" after it:

    STT / | / Tên chỉ tiêu / | / … / | / Chỉ tiêu cụ thể / | / I / | / Đào tạo … / | / 1 / | / Tỷ lệ … / | / % / | / 100

Read as paragraphs, its lines lose the "|" borders and its short cells ("1", "100") are taken for page
numbers and dropped, so the figures of an annex of indicators vanish. This module gives the table back
as cells, so the structure step builds a `Table` as it does for a Markdown pipe table.

How the table is recognised (conservative: only such a table has lines that are a lone "|"):
- it opens with a row-number header ("STT", "TT": `column_roles.json`, role `stt`) followed by a "|" line;
- its header row is the cells before the first row number; their count is the table's width;
- a row starts at a row-number cell (digits or a Roman numeral) when the row before is full, or when the
  cell after it is text: so a value cell "100" before the next row's "2" stays in its row, and a group row
  ("I | Đào tạo …", fewer cells than the header) ends at the next row's number;
- blank lines carry nothing; it ends at the last "|" line before a run of more lines than a cell holds, or
  at the end of the file (the text after the last "|" is then the last cell, cut by the file's end).
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.ingest.flat_table import FlatTable, may_be_row_number_header
from pipeline.lexicon import ColumnRolesLexicon
from pipeline.normalize import fold_text
from pipeline.raw import RawBlock, RawPlace

_ROW_NUMBER = regex.compile(r"(?:\d{1,3}|[IVXLC]{1,6})\.?")
_MAX_CELL_LINES = 12  # lines of one cell: more, and the text is no longer the table's


@cache
def _row_number_headers() -> frozenset[str]:
    return frozenset(fold_text(w) for w in ColumnRolesLexicon.load().roles["stt"])


def _is_border(line: str) -> bool:
    return line.strip() == "|"


def _cells(lines: list[str], at: int) -> tuple[list[tuple[int, str]], int]:
    """The cells from line `at` (0-based): (first line number from 1, text), and the line index after them."""
    cells: list[tuple[int, str]] = []
    current: list[str] = []
    first = at
    i = at
    while i < len(lines):
        line = lines[i].strip()
        if _is_border(line):
            cells.append((first + 1, "\n".join(current)))
            current = []
            first = i + 1
        elif line:  # blank lines carry nothing: a copy may put one after every line
            if not current:
                first = i
            current.append(line)
            if len(current) > _MAX_CELL_LINES:
                return cells, first  # a run of text: the table ended at the last border
        i += 1
    if current:
        cells.append((first + 1, "\n".join(current)))  # the last cell, cut by the end of the file
    return cells, i


def find_line_cell_table(lines: list[str], at: int, table: int) -> FlatTable | None:
    """The table one cell per line whose header starts at line `at` (0-based), as cells of table number
    `table`; None where no such table starts there."""
    first = lines[at].strip()
    if not may_be_row_number_header(first) or fold_text(first) not in _row_number_headers():
        return None
    following = next((line for line in lines[at + 1 :] if line.strip()), "")
    if not _is_border(following):
        return None
    cells, end = _cells(lines, at)
    numbered = [k for k, (_, text) in enumerate(cells) if k and _ROW_NUMBER.fullmatch(text)]
    if not numbered or numbered[0] < 2:
        return None
    width = numbered[0]
    rows: list[list[tuple[int, str]]] = [cells[:width]]
    for k in range(width, len(cells)):
        text = cells[k][1]
        after = cells[k + 1][1] if k + 1 < len(cells) else ""
        row = rows[-1]
        starts = bool(_ROW_NUMBER.fullmatch(text)) and (
            len(row) >= width or (len(row) >= 2 and not _ROW_NUMBER.fullmatch(after))
        )
        if starts or row is rows[0]:
            rows.append([cells[k]])
        else:
            row.append(cells[k])
    if len(rows) < 2:
        return None
    blocks = [
        RawBlock(text=text, kind="cell", source=RawPlace(line=line, table=table, row=r, column=c))
        for r, row in enumerate(rows)
        for c, (line, text) in enumerate(row)
    ]
    return FlatTable(first=at, end=end, cells=blocks)
