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
import re
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


class FastRows:
    """Writes the data rows of one write-only sheet; see the module docstring."""

    def __init__(self, sheet: Any):
        self.sheet = sheet
        self.epoch = sheet.parent.epoch
        self.letters: list[str] = []

    def install(self) -> None:
        """Take over from openpyxl for the rows appended from now on (call after the header row)."""
        self.sheet._values_to_row = self._values_to_row
        self.sheet._writer.write_row = self._write_row

    def _values_to_row(self, row: list[Any], row_idx: int) -> list[Any]:
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


_TYPE_ATTRIBUTE = {"s": "inlineStr", "d": "n"}  # a date is written as its serial number
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})


def _escape(text: str) -> str:
    """Markup for `text` that parses back to exactly `text` (a raw carriage return would not)."""
    return text.translate(_ESCAPES)


def _number(value: Any) -> str:
    """`openpyxl.compat.safe_string` for what reaches it here: finite numbers (dates already made
    numbers) and error codes."""
    if isinstance(value, str):
        return value
    return "%.16g" % value  # noqa: UP031  (openpyxl's own formatting, kept byte for byte)

