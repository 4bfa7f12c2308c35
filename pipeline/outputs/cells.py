"""What a table cell may hold in CSV, XLSX and SQLite, and what is done with what it may not.

Three hazards, each seen to do harm (issue 13):
- Control characters. One U+001B or U+0000 in a plan made openpyxl refuse the whole workbook, and
  CSV readers stop at a NUL. They are replaced by their visible Unicode pictures (␛, ␀), in place,
  so the reader sees that something was there; lone surrogates (no UTF-8 output can hold them)
  become �. Every such cell is counted, and the run says how many. The per-document JSON and the
  JSONL keep the exact text: JSON escapes any character.
- Formulas. A cell beginning with =, +, -, @ (or a tab or carriage return) is run as a formula by
  Excel: a commune file named `=1+2.txt` showed as 3, `=HYPERLINK(…)` as a link. As OWASP advises,
  a CSV cell gets a leading apostrophe; an XLSX cell is written as a string with Excel's own "quote
  prefix" flag, so its text is unchanged and Excel still treats it as text when it is edited.
- Length. Excel holds 32,767 characters in a cell and silently cuts the rest. The workbook cuts
  such a cell itself, with a marker saying so; the CSV, JSONL and SQLite keep the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.errors import say

XLSX_MAX_CHARS = 32_767
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_UNHOLDABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


@dataclass
class CellCounts:
    """How many cells an output had to change: control characters shown, texts cut."""

    replaced: int = 0
    cut: int = 0


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def visible(value: Any, counts: CellCounts) -> Any:
    """`value` with control characters shown as their pictures and lone surrogates as �."""
    if isinstance(value, str) and _UNHOLDABLE.search(value):
        counts.replaced += 1
        return _UNHOLDABLE.sub(_picture, value)
    return value


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """A CSV cell Excel shows as text: a leading apostrophe before a formula trigger."""
    return "'" + value if looks_like_formula(value) else value


def xlsx_text(value: str, counts: CellCounts) -> str:
    """A text cut to what an Excel cell holds, with a marker saying where and how long it was."""
    if len(value) <= XLSX_MAX_CHARS:
        return value
    counts.cut += 1
    marker = say("cut_marker", limit=XLSX_MAX_CHARS, length=len(value))
    return value[: XLSX_MAX_CHARS - len(marker)] + marker
