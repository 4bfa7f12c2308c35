"""A table copied one cell per line, with a lone "|" line between cells (pipeline/ingest/line_cells.py):
its rows come back as cells, a value cell "100" is kept (not dropped as a page number), and an annex of
indicators gives its targets (value from "Chỉ tiêu cụ thể", unit from "Đơn vị tính")."""

from __future__ import annotations

from pathlib import Path

from extractors.targets import extract_targets
from pipeline.ingest.line_cells import find_line_cell_table
from pipeline.process import load_document

ANNEX = """STT
|
Tên chỉ tiêu
|
Cách tính
|
Đơn vị tính
|
Chỉ tiêu cụ thể
|
I
|
Dịch vụ công trực tuyến (02 chỉ
tiêu)
|
1
|
Tỷ lệ hồ sơ thủ tục hành chính
của xã được tiếp nhận trực tuyến
|
Số hồ sơ tiếp nhận trực tuyến/tổng số hồ sơ
|
%
|
80
|
2
|
Số điểm truy cập Internet công cộng tại các thôn
|
Đếm số điểm
|
điểm
|
6
|
II
|
Nhân lực số
|
|
|
1
|
Tỷ lệ công chức xã được bồi dưỡng kỹ năng số
"""


def test_rows_come_back_as_cells() -> None:
    table = find_line_cell_table(ANNEX.splitlines(), 0, 0)
    assert table is not None
    rows: dict[int, list[str]] = {}
    for cell in table.cells:
        rows.setdefault(cell.source.row, []).append(cell.text)
    assert rows[0] == ["STT", "Tên chỉ tiêu", "Cách tính", "Đơn vị tính", "Chỉ tiêu cụ thể"]
    assert rows[1] == ["I", "Dịch vụ công trực tuyến (02 chỉ\ntiêu)"]
    assert rows[2][0] == "1" and rows[2][3:] == ["%", "80"]
    assert rows[3][0] == "2" and rows[3][3:] == ["điểm", "6"]  # "6" ends row 2's values, "II" opens a group
    assert rows[4] == ["II", "Nhân lực số", "", ""]
    assert rows[5] == ["1", "Tỷ lệ công chức xã được bồi dưỡng kỹ năng số"]


def test_blank_lines_carry_nothing() -> None:
    """A copy with a blank line after every line gives the same cells."""
    spaced = [line for original in ANNEX.splitlines() for line in (original, "")]
    table, spaced_table = find_line_cell_table(ANNEX.splitlines(), 0, 0), find_line_cell_table(spaced, 0, 0)
    assert table is not None and spaced_table is not None
    assert [c.text for c in spaced_table.cells] == [c.text for c in table.cells]


def test_the_table_ends_at_its_last_border_before_running_text() -> None:
    lines = ["STT", "|", "Nội dung", "|", "Ghi chú", "|", "1", "|", "Sửa đường thôn", "|", "", "|"]
    lines += [f"Dòng văn bản thứ {n} của phần sau bảng." for n in range(15)]
    table = find_line_cell_table(lines, 0, 0)
    assert table is not None and table.end == 12
    assert [c.text for c in table.cells][-3:] == ["1", "Sửa đường thôn", ""]


def test_a_file_without_the_layout_gives_none() -> None:
    assert find_line_cell_table(["STT", "Nội dung", "|"], 0, 0) is None
    assert find_line_cell_table(["Kế hoạch", "|", "STT"], 0, 0) is None


def test_an_annex_of_indicators_gives_its_targets(tmp_path: Path) -> None:
    path = tmp_path / "annex.txt"
    path.write_text(ANNEX, encoding="utf-8")
    found = extract_targets(load_document(path))
    assert [(t.value, t.unit, t.indicator) for t in found] == [
        (80, "%", "Tỷ lệ hồ sơ thủ tục hành chính của xã được tiếp nhận trực tuyến"),
        (6, "điểm", "Số điểm truy cập Internet công cộng tại các thôn"),
    ]
