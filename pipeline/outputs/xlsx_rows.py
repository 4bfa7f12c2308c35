"""Data rows of a write-only openpyxl sheet written straight to its XML stream, the way openpyxl would.

openpyxl writes a cell through two cell objects, a style lookup that hashes the style, and a type
guess: ~25 µs a cell, and a 1,000-plan workbook has ~1.9 million cells, so the workbook took most of
a rerun's time (issue 15). Here a cell is a (coordinate, style id, type, value) written with the same
lxml calls as openpyxl's `lxml_write_cell`, so the file is byte for byte what openpyxl writes (a test
compares them). Only the common values take this path (text, whole and decimal numbers, dates, empty
cells); anything else, and the header row, still goes through openpyxl's own cells.

How it hooks in: a write-only sheet turns each appended row into cells (`_values_to_row`) and hands
them to its writer (`write_row`). `FastRows.install` replaces both for this one sheet, after the
header, so that appended rows of `Prepared` cells are written directly.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import tempfile
from typing import Any

from lxml import etree
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.xml.functions import XML_NS, Element

_SPACE = f"{{{XML_NS}}}space"
_SIMPLE = {str, int, float, type(None), datetime.date}
# Characters XML cannot hold that openpyxl's check lets through: such text goes openpyxl's way, to fail
# as it fails there.
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")
# Both refusals at once, for `FastRows.text_cell`.
_UNWRITABLE = re.compile(f"{ILLEGAL_CHARACTERS_RE.pattern}|{_NOT_XML.pattern}")


class Prepared(tuple):
    """One cell ready to write: (value, style id as text, openpyxl's data type). Only `simple` values."""

    __slots__ = ()


def simple(value: Any, iso_dates: bool = False) -> bool:
    """Whether `value` can take the direct path: a type whose cell openpyxl writes in a fixed way,
    and text without a character openpyxl refuses (that one goes the slow way, to fail the same)."""
    if type(value) not in _SIMPLE or (iso_dates and type(value) is datetime.date):
        return False
    if type(value) is float:
        return math.isfinite(value)  # openpyxl writes NaN and infinities as an empty <v></v>
    if not isinstance(value, str):
        return True
    return not (len(value) > 32767 or ILLEGAL_CHARACTERS_RE.search(value) or _NOT_XML.search(value))


def data_type(value: Any) -> str:
    """openpyxl's type letter for a `simple` value (`Cell._bind_value`); formula-like text is made
    "s" by the caller, as `spreadsheets._cell` does."""
    if value is None or type(value) in (int, float):
        return "n"
    if type(value) is datetime.date:
        return "d"
    return "e" if value in ERROR_CODES else "s"


class Marked(list):
    """A data row already turned into markup, cell by cell: each cell's text after its coordinate
    (`FastRows.cell_tail`), and the columns of its empty cells. Made before the row is appended, so
    the row number is the only thing left to put in."""

    __slots__ = ("blanks",)

    def __init__(self, tails: list[str], blanks: list[int]):
        super().__init__(tails)
        self.blanks = blanks


class FastRows:
    """Writes the data rows of one write-only sheet; see the module docstring."""

    def __init__(self, sheet: Any):
        self.sheet = sheet
        self.epoch = sheet.parent.epoch
        self.letters: list[str] = []
        self.installed = False
        self.rows: Any = None  # the rows written as bytes (`_write_marked`), in runs
        self.segments: list[list[int]] = []  # each run's start and end in `rows`
        self.segment: int | None = None  # the run being written, if the last row was written as bytes
        self._close: Any = None

    def install(self) -> None:
        """Take over from openpyxl for the rows appended from now on (call after the header row)."""
        self.sheet._values_to_row = self._values_to_row
        self.sheet._writer.write_row = self._write_row
        self.installed = True

    def text_cell(self, value: str, style: str) -> str | None:
        """`cell_tail` for text the caller has already cut to Excel's limit, or None where openpyxl
        would refuse it (that row goes the slow way, to fail as it fails there)."""
        if _UNWRITABLE.search(value):
            return None
        if value == "":
            return f'" s="{style}" t="inlineStr"></c>'
        if value in ERROR_CODES:
            return f'" s="{style}" t="e"><v>{_text(value)}</v></c>'
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'" s="{style}" t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'

    def cell_tail(self, value: Any, style: str, kind: str) -> str:
        """What `_row_element` writes of a `simple` cell after its coordinate (`<c r="A5`)."""
        if kind == "d":
            value = to_excel(value, self.epoch)
        head = f'" s="{style}" t="{_TYPE_ATTRIBUTE.get(kind, kind)}">'
        if value == "" or value is None:
            return head + "</c>"
        if kind == "s":
            space = ' xml:space="preserve"' if value != value.strip() else ""
            return f"{head}<is><t{space}>{_text(value)}</t></is></c>"
        return f"{head}<v>{_text(_number(value))}</v></c>"

    def _values_to_row(self, row: list[Any], row_idx: int) -> list[Any]:
        if type(row) is Marked:
            return row
        for column, item in enumerate(row, 1):
            if not isinstance(item, Prepared):  # an openpyxl cell: placed as openpyxl places it
                item.column, item.row = column, row_idx
        return row

    def _letter(self, column: int) -> str:
        while len(self.letters) < column:
            self.letters.append(get_column_letter(len(self.letters) + 1))
        return self.letters[column - 1]

    def _write_row(self, xf: Any, row: list[Any], row_idx: int) -> None:
        attrs = {"r": f"{row_idx}"}
        attrs.update(self.sheet.row_dimensions.get(row_idx, {}))
        if type(row) is Marked:
            self._write_marked(xf, attrs, row, row_idx)
            return
        self.segment = None  # a row written through lxml ends the run of rows written as bytes
        if all(type(item) is Prepared for item in row):
            xf.write(self._row_element(attrs, row, row_idx))
            return
        with xf.element("row", attrs):
            for column, item in enumerate(row, 1):
                if isinstance(item, Prepared):
                    self._write_cell(xf, f"{self._letter(column)}{row_idx}", *item)
                else:  # `WorksheetWriter.write_row`, for one cell
                    if item._comment is not None:
                        self.sheet._comments.append(CommentRecord.from_cell(item))
                    if item._value is None and not item.has_style and not item._comment:
                        continue
                    write_cell(xf, self.sheet, item, item.has_style)

    def _row_element(self, attrs: dict[str, str], row: list[Prepared], row_idx: int) -> Any:
        """A row of `Prepared` cells as one element, parsed from its markup: lxml then writes it as
        `_write_cell` would, cell by cell, at a fraction of the calls. An empty cell gets an empty text,
        so that it is written `<c …></c>` as openpyxl's writer writes it, not `<c …/>`."""
        parts = ["<row", *(f' {key}="{_escape(str(value))}"' for key, value in attrs.items()), ">"]
        empty: list[bool] = []
        for column, (value, style, kind) in enumerate(row, 1):
            if kind == "d":
                value = to_excel(value, self.epoch)
            head = f'<c r="{self._letter(column)}{row_idx}" s="{style}" t="{_TYPE_ATTRIBUTE.get(kind, kind)}">'
            empty.append(value == "" or value is None)
            if empty[-1]:
                parts.append(head + "</c>")
            elif kind == "s":
                space = ' xml:space="preserve"' if value != value.strip() else ""
                parts.append(f"{head}<is><t{space}>{_escape(value)}</t></is></c>")
            else:
                parts.append(f"{head}<v>{_escape(_number(value))}</v></c>")
        parts.append("</row>")
        element = etree.fromstring("".join(parts))
        for cell, blank in zip(element, empty, strict=True):
            if blank:
                cell.text = ""
        return element

    def _write_marked(self, xf: Any, attrs: dict[str, str], row: Marked, row_idx: int) -> None:
        """A row whose cells are already markup, as the bytes lxml would write for it (text in ASCII,
        other characters as references, as openpyxl's stream writes them), kept in `rows` and put in
        place of a marker when the sheet closes (`_splice`): parsing each row into an element for lxml
        to write back was most of the workbook's time (issue 15)."""
        self._letter(len(row))
        number = f"{row_idx}"
        letters = self.letters[: len(row)]
        cells = "".join([f'<c r="{letter}{number}{tail}' for letter, tail in zip(letters, row, strict=True)])
        head = "".join([f' {key}="{_escape(str(value))}"' for key, value in attrs.items()])
        if self.segment is None:
            if self.rows is None:
                self.rows = tempfile.TemporaryFile()  # noqa: SIM115  (held across calls; closed by `_splice`)
                self._close, self.sheet.close = self.sheet.close, self._close_spliced
            self.segment = len(self.segments)
            start = self.rows.tell()
            self.segments.append([start, start])
            xf.write(etree.PI(_MARKER, f"{self.segment}"))
        self.rows.write(f"<row{head}>{cells}</row>".encode("ascii", "xmlcharrefreplace"))
        self.segments[self.segment][1] = self.rows.tell()

    def _close_spliced(self) -> None:
        """Close the sheet as openpyxl does, then put each run of rows in place of its marker."""
        self._close()
        self._splice(self.sheet._writer.out)

    def _splice(self, path: str) -> None:
        """Rewrite the sheet's file at `path` with each `<?kehoach-rows N?>` replaced by run N's bytes.
        The file holds only what lxml wrote (the header, the sheet's settings, any row written the slow
        way), so it is read whole; the rows are copied from `rows` in pieces."""
        assert self.rows is not None
        with open(path, "rb") as stream:
            pieces = stream.read().split(f"<?{_MARKER} ".encode())
        rows = self.rows
        with open(f"{path}.rows", "wb") as target:
            target.write(pieces[0])
            for piece in pieces[1:]:
                end = piece.index(b"?>")
                start, stop = self.segments[int(piece[:end])]
                rows.seek(start)
                while start < stop:
                    chunk = rows.read(min(stop - start, 1 << 20))
                    target.write(chunk)
                    start += len(chunk)
                target.write(piece[end + 2 :])
        os.replace(f"{path}.rows", path)
        rows.close()
        self.rows = None

    def _write_cell(self, xf: Any, coordinate: str, value: Any, style: str, kind: str) -> None:
        """`lxml_write_cell` for a styled cell of a `simple` value."""
        attributes = {"r": coordinate, "s": style}
        attributes["t"] = "inlineStr" if kind == "s" else kind
        if kind == "d":  # never with iso_dates (see `simple`)
            attributes["t"] = "n"
            value = to_excel(value, self.epoch)
        if value == "" or value is None:
            with xf.element("c", attributes):
                return
        with xf.element("c", attributes):
            if kind == "s":
                with xf.element("is"):
                    element = Element("t", {_SPACE: "preserve"} if value != value.strip() else {})
                    element.text = value
                    xf.write(element)
            else:
                with xf.element("v"):
                    xf.write(_number(value))


_MARKER = "kehoach-rows"  # a processing instruction, where a run of rows written as bytes goes
_TYPE_ATTRIBUTE = {"s": "inlineStr", "d": "n"}  # a date is written as its serial number
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})


_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _text(text: str) -> str:
    """Text content as lxml writes it: a quote is left as it is, unlike in `_escape`."""
    return text.translate(_TEXT_ESCAPES)


def _escape(text: str) -> str:
    """Markup for `text` that parses back to exactly `text` (a raw carriage return would not)."""
    return text.translate(_ESCAPES)


def _number(value: Any) -> str:
    """`openpyxl.compat.safe_string` for what reaches it here: finite numbers (dates already made
    numbers) and error codes."""
    if isinstance(value, str):
        return value
    return "%.16g" % value  # noqa: UP031  (openpyxl's own formatting, kept byte for byte)

