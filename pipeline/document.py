"""The structured document every extractor reads.

Two coordinate systems, named plainly (a lesson from eyecite):
- *normalized offsets*: positions in `Document.text`, where every record's `span` lives;
- *source locations*: page / paragraph / line / table cell in the original file, reached from a
  normalized offset through `Document.locate()` only when a finding is shown or written out.

`Document.text` keeps the document's own spelling (NFC). `Document.fold` is the same text with one
tone-mark convention and lower case, *of the same length*, so a pattern can match on `fold` and the
quote be cut from `text` at the same offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, Field

from pipeline.models import DocWarning, SourceLocation
from pipeline.raw import RawPlace

BlockRole = Literal[
    "heading",  # a numbered or titled heading of the body (I-, 1., 2.1.1., a), Phụ lục I)
    "paragraph",  # running text
    "list_item",  # a paragraph opened by "-", "+", "•", "a)" that is not a heading
    "cell",  # a table cell
    "header",  # the document header: number line, place-and-date line, national motto, title
    "basis",  # a "Căn cứ ..." paragraph of the head, and the sentence that issues the plan
    "signature",  # "T/M ...", "BÍ THƯ", the signer's name
    "recipients",  # "Nơi nhận:" and its list
]

ColumnRole = Literal[
    "stt",
    "group",  # nhóm nhiệm vụ / nhóm tiêu chí
    "content",  # nội dung (công việc), nhiệm vụ
    "lead",  # cơ quan chủ trì
    "support",  # cơ quan phối hợp
    "output",  # sản phẩm đầu ra
    "deadline",  # thời gian hoàn thành / thời hạn
    "indicator",  # chỉ số, chỉ tiêu
    "cycle",  # chu kỳ đánh giá
    "collector",  # cơ quan tổng hợp
    "target_value",  # giá trị / chỉ tiêu đến năm ...
    "note",  # ghi chú
]


class Span(BaseModel):
    start: int
    end: int


class Block(BaseModel):
    """A unit of the normalized text: it occupies `text[start:end]`."""

    role: BlockRole
    start: int
    end: int
    section: str | None = None
    """Path of the innermost heading above it, outermost first: "III.2", "Phụ lục I.3"."""
    marker: str | None = None
    """The list or heading marker as printed ("-", "+", "a)", "2.1.", "II-"), not part of the span."""
    table: int | None = None
    row: int | None = None
    column: int | None = None


class Section(BaseModel):
    """A heading and the blocks under it."""

    number: str
    """As printed, trimmed of its punctuation: "II", "2", "2.1.1", "a", "Phụ lục I"."""
    path: str
    """Numbers of this heading and its ancestors, outermost first, joined by ".": "III.2"."""
    title: str
    level: int
    start: int
    """Offset of the heading in the normalized text."""
    end: int
    """End of the section's content (the next heading of the same or higher level)."""
    parent: str | None = None


class TableColumn(BaseModel):
    header: str
    role: ColumnRole | None = None


class Table(BaseModel):
    """A table, joined back into one where repeated header rows or page breaks split it."""

    index: int
    section: str | None = None
    columns: list[TableColumn] = Field(default_factory=list)
    rows: list[list[Span]] = Field(default_factory=list)
    """Body rows (header rows excluded): each a list of cell spans in the normalized text."""
    title: str | None = None
    """The caption above it ("PHỤ LỤC I", "PHÂN CÔNG NHIỆM VỤ ..."), if any."""

    def column_of(self, role: ColumnRole) -> int | None:
        for i, column in enumerate(self.columns):
            if column.role == role:
                return i
        return None

    def role_of(self, column: int | None) -> ColumnRole | None:
        if column is None or not 0 <= column < len(self.columns):
            return None
        return self.columns[column].role

    def is_assignment(self) -> bool:
        """A table of assigned work: a content column and a lead or a deadline column. A criteria
        table ("Bộ tiêu chí") has neither lead nor deadline; its rows describe criteria, not duties."""
        roles = {column.role for column in self.columns}
        return "content" in roles and bool(roles & {"lead", "deadline"})


class DocumentHeader(BaseModel):
    """The head of a plan, before its first section."""

    number_line: Span | None = None
    """"Số 10-KH/ĐU", or the blank "Số     -KH/ĐU"."""
    place_date: Span | None = None
    """"Nhữ Khê, ngày 22 tháng 9 năm 2025"."""
    doc_type_line: Span | None = None
    """"KẾ HOẠCH"."""
    title: Span | None = None
    """The subject lines under the document type ("thực hiện Kế hoạch số 24-KH/TU ...")."""
    basis: list[Span] = Field(default_factory=list)
    """The "Căn cứ ..." paragraphs."""
    issuing_sentence: Span | None = None
    """"Ban Chấp hành Đảng bộ xã ... xây dựng Kế hoạch thực hiện như sau:"."""
    signature: Span | None = None
    recipients: Span | None = None


class OffsetRun(BaseModel):
    """`length` characters copied from raw block `block` at `raw_start` to normalized `start`."""

    start: int
    block: int
    raw_start: int
    length: int


class Document(BaseModel):
    doc_id: str
    path: str
    format: Literal["txt", "docx", "pdf"]
    text: str
    fold: str
    blocks: list[Block] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    header: DocumentHeader = Field(default_factory=DocumentHeader)
    footnotes: dict[str, str] = Field(default_factory=dict)
    raw_sources: list[RawPlace] = Field(default_factory=list)
    """Where each raw block stands, as the readers count (index = `OffsetRun.block`)."""
    offsets: list[OffsetRun] = Field(default_factory=list)
    pages: int | None = None
    warnings: list[DocWarning] = Field(default_factory=list)

    @cached_property
    def _offset_starts(self) -> list[int]:
        return [run.start for run in self.offsets]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    def locate(self, offset: int) -> SourceLocation | None:
        """Map a normalized offset to where it stands in the original file, counted from 1."""
        if not self.offsets:
            return None
        i = max(bisect_right(self._offset_starts, offset) - 1, 0)
        return self.raw_sources[self.offsets[i].block].located()

    def _innermost_section(self, offset: int) -> str | None:
        best: Section | None = None
        for section in self.sections:
            if section.start <= offset < section.end and (best is None or section.level >= best.level):
                best = section
        return best.path if best else None

    @cached_property
    def _section_steps(self) -> tuple[list[int], list[str | None]]:
        """The offsets where the innermost section can change (every section's start and end), and the
        innermost section from each on: `section_at` runs once per record, so it bisects these."""
        steps = sorted({s.start for s in self.sections} | {s.end for s in self.sections})
        return steps, [self._innermost_section(step) for step in steps]

    def section_at(self, offset: int) -> str | None:
        """Path of the innermost section whose range contains `offset`."""
        steps, paths = self._section_steps
        i = bisect_right(steps, offset) - 1
        return paths[i] if i >= 0 else None

    def table(self, index: int | None) -> Table | None:
        """The table whose `index` is `index` (the index blocks carry), or None."""
        return next((table for table in self.tables if table.index == index), None) if index is not None else None

    def column_role(self, block: Block) -> ColumnRole | None:
        """The role of the column a table cell stands in (None for a block that is no table cell)."""
        table = self.table(block.table)
        return table.role_of(block.column) if table else None

    def block_at(self, offset: int) -> Block | None:
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None
