"""Criteria: the rows of a plan's criteria table ("Bộ tiêu chí"), kept for the audit's "rõ hiệu quả".

A plan of our own is written to a .txt and read through the real ingest and structure steps; the
corpus plan with a criteria table (Phụ biểu II of nhu-khe) is read in all three formats.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_builders import plan

from extractors.bodies import extract_bodies
from extractors.citations import extract_citations
from extractors.criteria import extract_criteria, is_criteria_table
from pipeline.models import Criterion
from pipeline.process import process_file

ROOT = Path(__file__).resolve().parent.parent

SECTIONS = "I. MỤC TIÊU\n\nNâng cao chất lượng phục vụ Nhân dân.\n\nII. TIÊU CHÍ ĐÁNH GIÁ\n\n"
"""The sections before the criteria table: the table stands in section II."""


def criteria_of(tmp_path: Path, table: str) -> list[Criterion]:
    document = plan(tmp_path, SECTIONS + table)
    return extract_criteria(document, extract_bodies(document, extract_citations(document)[0]))


CRITERIA = (
    "| STT | Nhóm tiêu chí | Chỉ số đo lường chủ yếu | Chu kỳ đánh giá | Cơ quan tổng hợp |\n"
    "|---|---|---|---|---|\n"
    "| 1 | Dữ liệu số | Số nhóm dữ liệu được cập nhật | Hàng quý | UBND xã |\n"
    "| 2 |  | Tỷ lệ hộ có dữ liệu đúng hạn | Hàng năm | Công an xã |\n"
    "| 3 | Kỹ năng số |  | Hàng năm | MTTQ và các tổ chức CT-XH |\n"
)


def test_rows_of_a_criteria_table(tmp_path: Path) -> None:
    """Each row with an indicator: its group (carried down an empty cell), indicator as the quote,
    cycle, and the collector cell's bodies by canonical name; a row with no indicator gives none."""
    rows = criteria_of(tmp_path, CRITERIA)
    assert [(c.group, c.indicator, c.cycle, c.collector) for c in rows] == [
        ("Dữ liệu số", "Số nhóm dữ liệu được cập nhật", "Hàng quý", ["Ủy ban nhân dân xã"]),
        ("Dữ liệu số", "Tỷ lệ hộ có dữ liệu đúng hạn", "Hàng năm", ["Công an xã"]),
    ]
    assert all(c.quote == c.indicator and c.span and c.section == "II" for c in rows)


def test_an_assignment_table_is_not_a_criteria_table(tmp_path: Path) -> None:
    """A table that assigns work (content and a lead) stays the tasks extractor's, even with an
    indicator column."""
    table = (
        "| STT | Nội dung công việc | Cơ quan chủ trì | Chỉ tiêu | Thời gian hoàn thành |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Cập nhật dữ liệu dân cư | Công an xã | 100% hộ | Quý I/2026 |\n"
    )
    document = plan(tmp_path, SECTIONS + table)
    assert document.tables and not any(is_criteria_table(t) for t in document.tables)
    assert criteria_of(tmp_path, table) == []


@pytest.mark.parametrize("ext", ["txt", "docx", "pdf"])
def test_corpus_criteria_table_in_every_format(ext: str) -> None:
    result = process_file(ROOT / "corpus" / "plans" / f"nhu-khe_10-KH-DU_2025.{ext}", nlp=False)
    rows = result.criteria
    assert len(rows) == 12
    assert rows[0].group == "Lãnh đạo, chỉ đạo" and rows[0].collector == ["Văn phòng Đảng ủy"]
    assert rows[0].indicator.startswith("Bảng theo dõi nhiệm vụ")
    assert rows[10].collector == ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Các tổ chức chính trị - xã hội xã"]
    assert rows[11].group == "Triển khai ở chi bộ, thôn"
    # The quote's source is the indicator cell (4th column) of the criteria table.
    assert rows[0].source is not None and rows[0].source.column_no == 4


def test_plans_without_a_criteria_table_have_none() -> None:
    for name in ("tan-phong_45-KH-UBND_2025.txt", "thanh-son_22-KH-DU_2025.txt"):
        assert process_file(ROOT / "corpus" / "plans" / name, nlp=False).criteria == []
