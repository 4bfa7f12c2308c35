"""Plain-text plans: decode, then cut into paragraphs and pipe-table cells.

A paragraph is a run of non-blank lines; its line breaks are kept (normalize decides which are
hard wraps and which start a new list item). A run of lines that start and end with "|" is a
table in the Markdown pipe style the corpus texts use; its separator rows (|---|) are dropped.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import EmptyDocumentError, UnreadableDocumentError
from pipeline.models import SourceLocation
from pipeline.raw import RawBlock, RawDocument


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 (with or without BOM), UTF-16 by BOM, else Windows-1258."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as exc:
        raise UnreadableDocumentError(path, f"not UTF-8, UTF-16 or Windows-1258 text ({exc.reason})") from exc


def _is_table_line(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|")


def _is_separator_row(cells: list[str]) -> bool:
    return all(set(cell.strip()) <= set("-: ") for cell in cells)


def split_blocks(text: str) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    lines = text.splitlines()
    table_index = -1
    row_index = 0
    in_table = False
    paragraph: list[str] = []
    paragraph_line = 0

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            blocks.append(RawBlock(text="\n".join(paragraph), source=SourceLocation(line=paragraph_line)))
            paragraph = []

    for number, line in enumerate(lines, start=1):
        if _is_table_line(line):
            flush()
            cells = line.strip()[1:-1].split("|")
            if _is_separator_row(cells):
                continue
            if not in_table:
                table_index += 1
                row_index = 0
                in_table = True
            for column, cell in enumerate(cells):
                blocks.append(
                    RawBlock(
                        text=cell.strip(),
                        kind="cell",
                        source=SourceLocation(line=number, table=table_index, row=row_index, column=column),
                    )
                )
            row_index += 1
            continue
        in_table = False
        if line.strip():
            if not paragraph:
                paragraph_line = number
            paragraph.append(line)
        else:
            flush()
    flush()
    return blocks


def read_txt(path: Path, data: bytes) -> RawDocument:
    text, encoding = decode_text(path, data)
    blocks = split_blocks(text)
    if not any(block.text.strip() for block in blocks):
        raise EmptyDocumentError(path, "the file has only blank lines")
    return RawDocument(path=str(path), format="txt", blocks=blocks, encoding=encoding)
