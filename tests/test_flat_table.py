"""Tables flattened to one cell per line by a PDF-to-text tool, rebuilt as tables (pipeline/ingest/flat_table.py).

The plan below is written here, in the shape such an extraction takes: a header whose words are scattered
over short lines, rows whose content wraps over several lines, then the row's time cells, then its bodies.
"""

from __future__ import annotations

from pathlib import Path

from extractors import extract_all
from extractors.bodies import find_mentions
from pipeline.ingest.txt import read_txt
from pipeline.normalize import fold_text
from pipeline.process import load_document

HEAD = """ĐẢNG BỘ XÃ HƯNG LONG
ĐẢNG ỦY XÃ
Số 31-KH/ĐU
Hưng Long, ngày 04 tháng 3 năm 2026
KẾ HOẠCH
thực hiện các việc lớn năm 2026

I. MỤC ĐÍCH

Làm rõ việc của từng cơ quan trong năm.

II. DANH MỤC VIỆC LỚN

"""

TABLE = """Stt
Nội dung
Thời gian
hoàn thành
Cơ quan
chủ trì
phối hợp
I
Lĩnh vực chính quyền số
Số hóa sổ hộ tịch còn lưu
bằng giấy của xã từ năm
1995 đến nay.
Quý II/2026
Văn phòng
Đảng ủy
UBND xã
Mở chuyên mục hỏi đáp trực
tuyến về thủ tục đất đai.
Tháng 9/2026
UBND xã
chủ trì,
phối hợp
Công an xã
II
Lĩnh vực xã hội số
Tập huấn kỹ năng số cho
hội viên phụ nữ các thôn.
Quý IV hàng
năm
Hội Liên hiệp Phụ nữ xã
Đoàn Thanh niên
"""

TAIL = """
T/M ĐẢNG ỦY
BÍ THƯ
Lê Văn Minh
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _cells(path: Path) -> dict[int, dict[int, str]]:
    raw = read_txt(path, path.read_bytes())
    rows: dict[int, dict[int, str]] = {}
    for block in raw.blocks:
        if block.kind == "cell":
            rows.setdefault(block.source.row, {})[block.source.column] = " ".join(block.text.split())
    return rows


def _tasks(path: Path) -> list[tuple[str, list[str], list[str], int, str | None]]:
    records = extract_all(load_document(path))
    return [(t.quote, t.lead, t.support, len(t.deadline), t.group) for t in records["tasks"]]


def test_rows_come_back_as_cells(tmp_path: Path) -> None:
    rows = _cells(_write(tmp_path, HEAD + TABLE + TAIL))
    assert rows[0] == {0: "I", 1: "Lĩnh vực chính quyền số"}
    assert rows[1] == {
        1: "Số hóa sổ hộ tịch còn lưu bằng giấy của xã từ năm 1995 đến nay.",
        2: "Quý II/2026",
        3: "Văn phòng Đảng ủy",  # a name wrapped over two lines is one cell
        4: "UBND xã",  # a whole name on its own line is the next column's
    }
    assert (rows[2][3], rows[2][4]) == ("UBND xã", "chủ trì, phối hợp Công an xã")
    assert rows[4][2] == "Quý IV hàng năm"  # a time cell's lowercase rest joins it
    assert rows[4][3] == "Hội Liên hiệp Phụ nữ xã"  # a wider line that one name fills
    assert len(rows) == 5


def test_tasks_take_lead_support_time_and_group(tmp_path: Path) -> None:
    tasks = _tasks(_write(tmp_path, HEAD + TABLE + TAIL))
    first, second, third = tasks
    assert first == (
        "Số hóa sổ hộ tịch còn lưu bằng giấy của xã từ năm 1995 đến nay.",
        ["Văn phòng Đảng ủy"],
        ["Ủy ban nhân dân xã"],
        1,
        "Lĩnh vực chính quyền số",  # the Roman-numbered row names the group, and is no task
    )
    # the executing cell names its own lead ("chủ trì") and support ("phối hợp")
    assert second[1:] == (["Ủy ban nhân dân xã"], ["Công an xã"], 1, "Lĩnh vực chính quyền số")
    assert (third[1], third[2], third[4]) == (["Hội Liên hiệp Phụ nữ xã"], ["Đoàn Thanh niên"], "Lĩnh vực xã hội số")


def test_blank_lines_between_the_lines_change_nothing(tmp_path: Path) -> None:
    spaced = "\n\n".join((HEAD + TABLE + TAIL).splitlines())
    assert _tasks(_write(tmp_path, spaced)) == _tasks(_write(tmp_path / "..", HEAD + TABLE + TAIL))


def test_a_criteria_header_is_no_assignment_table(tmp_path: Path) -> None:
    """A header of indicators (no content, lead or time column) leaves the lines as text."""
    text = HEAD + "STT\nTên chỉ tiêu\nĐơn vị tính\nGiá trị\n1\nTỷ lệ hộ có cáp quang\n%\n80\n" + TAIL
    assert _cells(_write(tmp_path, text)) == {}


def test_a_lone_stt_line_is_text(tmp_path: Path) -> None:
    text = HEAD + "TT\nCác thôn báo cáo kết quả về Văn phòng Đảng ủy trước ngày 15 hằng tháng.\n" + TAIL
    assert _cells(_write(tmp_path, text)) == {}


def test_a_table_needs_two_rows_with_typed_cells(tmp_path: Path) -> None:
    text = HEAD + "Stt\nNội dung\nChủ trì\n1\nRà soát hồ sơ đảng viên.\nVăn phòng Đảng ủy\n" + TAIL
    assert _cells(_write(tmp_path, text)) == {}


def test_a_name_never_spans_two_lines_of_the_text() -> None:
    """A line break ends a block (two cells, two paragraphs): "Đảng ủy" over "UBND xã" is two bodies,
    not "Đảng ủy UBND xã" (the Party committee of the commune's People's Committee)."""
    text = "Đảng ủy\nUBND xã"
    assert [m.name for m in find_mentions(text, fold_text(text), plan_level="xã")] == [
        "Đảng ủy xã",
        "Ủy ban nhân dân xã",
    ]


def test_an_executing_cell_that_names_its_own_lead(tmp_path: Path) -> None:
    """Two body columns (chủ trì, thực hiện): the second cell may say who of it leads and who supports."""
    table = """STT
Nội dung công việc
Tiến độ
Chủ trì
Thực hiện
1
Diễn tập phương án ứng phó
sự cố mất điện của máy chủ.
Quý III/2026
Đảng ủy
UBND xã
chủ trì,
phối hợp
Công an xã
2
Cập nhật bản đồ số các thôn.
Quý IV/2026
Đảng ủy
UBND xã
"""
    tasks = _tasks(_write(tmp_path, HEAD + table + TAIL))
    assert [(t[1], t[2]) for t in tasks] == [
        (["Đảng ủy xã", "Ủy ban nhân dân xã"], ["Công an xã"]),
        (["Đảng ủy xã"], ["Ủy ban nhân dân xã"]),
    ]
