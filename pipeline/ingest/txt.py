"""Plain-text plans: decode (legacy font encodings converted), then cut into paragraphs and pipe-table cells.

A paragraph is a run of lines that `pipeline.reflow` reads as one (blank lines are no signal); its line
breaks are kept for normalize, which joins them (rejoining a word a line-end hyphen split). A run of
lines that start and end with "|" is a table in the Markdown pipe style the corpus texts use; its
separator rows (|---|) are dropped.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.errors import EmptyDocumentError, UnreadableDocumentError
from pipeline.i18n import say
from pipeline.ingest.flat_table import FlatTable, find_flat_table
from pipeline.ingest.legacy_encoding import convert, converted_warning, detect, legacy_view, refuse_unsure
from pipeline.ingest.line_cells import find_line_cell_table
from pipeline.models import DocWarning
from pipeline.raw import RawBlock, RawDocument, RawPlace
from pipeline.reflow import WrapWidth, continues


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[DocWarning, ...] = ()


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL in Vietnamese text's ASCII parts."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) * 0.2 and even == 0:
        return "utf-16-le"
    if even > len(sample) * 0.2 and odd == 0:
        return "utf-16-be"
    return None


def decode_text(path: Path, data: bytes) -> Decoded:
    """Decode a plain-text plan: UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-byte pattern),
    else Windows-1258; then look for a legacy Vietnamese font encoding (TCVN3, VNI) and convert it.

    Windows-1258 text comes out with combining tone marks ("a" + U+0301): that is valid Unicode,
    and normalize makes it NFC later.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _strict(path, data[3:], "utf-8"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _strict(path, data, "utf-16"), "utf-16"
    elif (utf16 := _looks_utf16(data)) is not None:
        text, encoding = _strict(path, data, utf16), "utf-16"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as not_utf8:
            text, encoding = _strict(path, data, "cp1258", not_utf8), "cp1258"
    # What a legacy font's user typed: an 8-bit file's Windows-1252 reading, else the text itself.
    view = legacy_view(data) if encoding == "cp1258" else text
    verdict = detect(view, text)
    refuse_unsure(path, verdict)
    if verdict.encoding is None:
        return Decoded(text, encoding)
    return Decoded(convert(view, verdict.encoding), verdict.encoding, (converted_warning(path, [verdict.encoding]),))


def _strict(path: Path, data: bytes, codec: str, first: UnicodeDecodeError | None = None) -> str:
    """Decode or raise. Where a fallback codec fails too, the error reported is the first codec's:
    a UTF-8 file with one bad byte at 3,819 must be told so, not "not valid cp1258 at byte 1"."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        shown = first or exc
        also = say("detail.not_text_either", codec=codec) if first else ""
        raise UnreadableDocumentError(
            path, "not_text", encoding=shown.encoding, byte=f"{shown.start:,}", reason=shown.reason, also=also
        ) from exc


def _is_table_line(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|")


def _is_separator_row(cells: list[str]) -> bool:
    return all(set(cell.strip()) <= set("-: ") for cell in cells)


def _rebuilt_table(lines: list[str], at: int, table: int) -> FlatTable | None:
    """A table that text lost its borders of, starting at line `at` (0-based), rebuilt as cells: one cell
    per line between "|" lines (`pipeline/ingest/line_cells.py`), else a PDF's flattened table
    (`pipeline/ingest/flat_table.py`). Both come back as a `FlatTable`, so one path lays them out."""
    by_line = find_line_cell_table(lines, at, table)
    return by_line if by_line is not None else find_flat_table(lines, at, table)


def split_blocks(text: str, document: tuple[int, int] | None = None) -> list[RawBlock]:
    """Paragraph blocks (their lines joined by "\n") and pipe-table cells, in reading order.

    Which lines make one paragraph is decided from their words (`pipeline.reflow`), not from blank lines:
    a portal copy has none, a hard-wrapped PDF extraction breaks every sentence, a typed file puts a blank
    line between paragraphs; all three must read the same. A paragraph's block keeps its first line's
    number, which is where a user finds it in the file.
    """
    lines = text.splitlines()
    first, last = document or document_lines(lines)
    lines = [line if first <= i < last else "" for i, line in enumerate(lines)]
    width = WrapWidth.of([line for line in lines if not _is_table_line(line)])
    blocks: list[RawBlock] = []
    table_index = -1
    row_index = 0
    in_table = False
    paragraph: list[str] = []
    paragraph_line = 0

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            blocks.append(RawBlock(text="\n".join(paragraph), source=RawPlace(line=paragraph_line)))
            paragraph = []

    skip_to = 0
    for number, line in enumerate(lines, start=1):
        if number <= skip_to:
            continue
        flat = _rebuilt_table(lines, number - 1, table_index + 1) if line.strip() else None
        if flat is not None:
            # the header lines stay text (a line-cell table has none: it starts at its header), the rows
            # become cells
            flush()
            for header in lines[number - 1 : flat.first]:
                if header.strip():
                    if not paragraph:
                        paragraph_line = number
                    paragraph.append(header)
            flush()
            table_index += 1
            in_table = False
            blocks.extend(flat.cells)
            skip_to = flat.end
            continue
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
                        source=RawPlace(line=number, table=table_index, row=row_index, column=column),
                    )
                )
            row_index += 1
            continue
        if not line.strip():
            continue  # a blank line ends neither a paragraph nor a table: reflow decides paragraphs
        in_table = False
        for fragment in _fragments(line):
            if paragraph and not continues(paragraph[-1], fragment, width):
                flush()
            if not paragraph:
                paragraph_line = number
            paragraph.append(fragment)
    flush()
    return blocks


_FENCE = regex.compile(r"^\s*(?:```|~~~)")
# A fenced block holding at least this share of a file's characters is the document the file wraps.
WRAPPED_SHARE = 0.5


def document_lines(lines: list[str]) -> tuple[int, int]:
    """[first, last) of the lines that are the document, where a Markdown export wraps it.

    A document archive's export puts metadata (a YAML block between "---" lines), a title and a summary
    around the document's text, which it fences as a code block ("```text … ```"). The wrapper repeats
    the document's own lines (its subject, its first citation), so reading it would count them twice:
    where one fenced block holds most of the file's characters, only its lines are the document. Any
    other file is read whole.
    """
    fences = [i for i, line in enumerate(lines) if _FENCE.match(line)]
    total = sum(len(line.strip()) for line in lines) or 1
    for start, end in itertools.pairwise(fences):
        inside = sum(len(line.strip()) for line in lines[start + 1 : end])
        if inside >= WRAPPED_SHARE * total:
            return start + 1, end
    if len(fences) >= 2 and _front_matter_end(lines) is not None:
        # an archive's record (metadata between "---" lines) around a short document: its summary may
        # outweigh the text, yet the first fenced block is still the document
        return fences[0] + 1, fences[1]
    return 0, len(lines)


_FRONT_MATTER = regex.compile(r"^---\s*$")


def _front_matter_end(lines: list[str]) -> int | None:
    """The line that closes a YAML metadata block opening the file ("---" … "---"), or None."""
    if not lines or not _FRONT_MATTER.match(lines[0]):
        return None
    return next((i for i in range(1, len(lines)) if _FRONT_MATTER.match(lines[i])), None)


# A cell border of a table copied from a web page as text: "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI …|".
_CELL_BORDER = regex.compile(r"(?:^|\s)\|(?:\s|$)")


def _fragments(line: str) -> list[str]:
    """The pieces of a line a copied web table's cell borders cut ("Số: 34/2025/NQ-HĐND | Đồng Tháp, ngày …
    |" → the number line and the date line); a line without such a border is one piece."""
    if "|" not in line:
        return [line]
    return [piece for piece in _CELL_BORDER.split(line) if piece.strip()]


def read_txt(path: Path, data: bytes) -> RawDocument:
    decoded = decode_text(path, data)
    lines = decoded.text.splitlines()
    first, last = document_lines(lines)
    blocks = split_blocks(decoded.text, (first, last))
    if not any(block.text.strip() for block in blocks):
        raise EmptyDocumentError(path, "only_blank_lines")
    warnings = list(decoded.warnings)
    if (first, last) != (0, len(lines)):
        warnings.append(DocWarning.of("txt_fenced", file=path.name, first=first + 1, last=last))
    return RawDocument(path=str(path), format="txt", blocks=blocks, encoding=decoded.encoding, warnings=warnings)
