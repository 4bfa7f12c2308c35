"""What ingest gives: the text of a file as blocks in reading order, each knowing where it came from.

All three readers (txt, docx, pdf) return a `RawDocument`, so nothing after ingest needs to know
the file's format. Body blocks are kept apart from page furniture (running headers and footers,
page numbers) and from footnotes, because those must never be read as part of the plan's text, yet
an auditor may still want to see them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from pipeline.models import DocWarning, InputFormat, SourceLocation

BlockKind = Literal["paragraph", "cell"]


class RawPlace(BaseModel):
    """Where a raw block stands in its file, as the readers count: `page` and `line` from 1,
    `paragraph`, `table`, `row` and `column` from 0, because normalize and structure use them as
    indices (the n-th table of the file, a row's cells by column). People never see these numbers:
    `located()` turns them into the `SourceLocation` a record carries, counted from 1 throughout."""

    page: int | None = None
    paragraph: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None

    def located(self) -> SourceLocation:
        """The same place, every number counted from 1 (the one conversion between the two)."""

        def one_based(index: int | None) -> int | None:
            return None if index is None else index + 1

        return SourceLocation(
            page=self.page,
            paragraph=one_based(self.paragraph),
            line=self.line,
            table_no=one_based(self.table),
            row_no=one_based(self.row),
            column_no=one_based(self.column),
        )


_COLUMN_ROLE_STYLE = "column-role:"


def column_role_style(role: str) -> str:
    """The `style` of a cell whose reader knows its column's role (a table rebuilt from flattened text,
    whose header words cannot be read per column): structure takes the role from it."""
    return _COLUMN_ROLE_STYLE + role


def role_from_style(style: str | None) -> str | None:
    """The column role a cell's `style` carries (see `column_role_style`), else None."""
    return style.removeprefix(_COLUMN_ROLE_STYLE) if style and style.startswith(_COLUMN_ROLE_STYLE) else None


class RawBlock(BaseModel):
    """One paragraph of text, or one table cell.

    `text` is as the file gives it (line breaks kept inside a paragraph: a PDF's wrapped lines,
    a .txt's hard-wrapped lines). `style` is a hint the format offers (a Word style name such as
    "Heading 1" or "List Number", "bold" for a PDF line set in a bold font), or None.
    Table cells carry `source.table/row/column`; a merged cell appears once, at its top-left
    position, with `row_span`/`col_span` saying how far it reaches.
    """

    text: str
    kind: BlockKind = "paragraph"
    style: str | None = None
    source: RawPlace = Field(default_factory=RawPlace)
    row_span: int = 1
    col_span: int = 1


class RawDocument(BaseModel):
    path: str
    format: InputFormat
    blocks: list[RawBlock] = Field(default_factory=list)
    footnotes: dict[str, str] = Field(default_factory=dict)
    """Footnote id (as the marker prints it: "1", "2") → footnote text."""
    furniture: list[RawBlock] = Field(default_factory=list)
    """Running headers, footers and page numbers, kept out of the body."""
    pages: int | None = None
    encoding: str | None = None
    warnings: list[DocWarning] = Field(default_factory=list)
