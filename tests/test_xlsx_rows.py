"""The workbook's data rows written directly (`pipeline.outputs.xlsx_rows`) are byte for byte what
openpyxl writes through its own cells (issue 15: that path was most of a rerun's time)."""

from __future__ import annotations

import gc
import zipfile
from pathlib import Path

import pytest

from pipeline.outputs import spreadsheets, xlsx_rows
from pipeline.outputs.cells import CellCounts
from pipeline.outputs.xlsx_rows import FastRows

# Values of every kind a table cell can hold, and the awkward ones: text openpyxl refuses or cuts,
# text that looks like a formula or an error code, spaces to preserve, dates, numbers, nothing.
AWKWARD = [
    "kế hoạch thường",
    "  lề trái được giữ",
    "=1+2",
    "-gạch đầu dòng",
    "#REF!",
    "#N/A",
    "",
    None,
    0,
    7,
    -3,
    2.5,
    float("nan"),
    12345678901234567,
    True,
    "2025-03-31",
    "31/03/2025",
    "x" * 40000,
    "chữ ␛ đã hiện",
    "a & b < c > d \"e\" ]]>",
    "nháy 'đơn' và dấu cách\u00a0cứng, \x7f, \x85 và 😀 ngoài mặt phẳng cơ bản",
    "dòng một\r\ndòng hai\n",
    "\tthụt đầu",
    0.1,
    1e20,
    float("inf"),
]


def _tables() -> dict[str, list[dict]]:
    rows = []
    for i, value in enumerate(AWKWARD):
        rows.append({"doc_id": f"d{i}", "quote": value, "date": value, "source_file": value, "span_start": value})
    return {"citations": rows}


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def test_direct_rows_write_what_openpyxl_writes(tmp_path, monkeypatch):
    fast = spreadsheets.write_workbook(_tables(), tmp_path / "fast.xlsx", CellCounts())
    monkeypatch.setattr(FastRows, "install", lambda self: None)  # openpyxl's own cells for every row
    monkeypatch.setattr(xlsx_rows, "simple", lambda value, iso_dates=False: False)
    slow = spreadsheets.write_workbook(_tables(), tmp_path / "slow.xlsx", CellCounts())
    assert _parts(fast) == _parts(slow)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # openpyxl's stream, left open
def test_a_value_openpyxl_refuses_is_refused_the_same(tmp_path, monkeypatch):
    from openpyxl.utils.exceptions import IllegalCharacterError

    tables = {"citations": [{"doc_id": "d", "quote": "a\x01b"}]}
    with pytest.raises(IllegalCharacterError):
        spreadsheets.write_workbook(tables, tmp_path / "fast.xlsx", CellCounts())
    gc.collect()  # the abandoned stream's complaint belongs to this test
