"""Targets read where a careful reader would: not in a report's account of work done, not for a year
already past, under a year label ("Năm 2027:") as under a heading, and with the plan's horizon from its
head when no title line was found. Also the small shapes of real text around a figure (a percentage
glued to its word, a result over its plan "83%/50%", a bracketed list, a label "Về tập huấn: 02 lớp").

Plans of our own, written to .txt and read through the real pipeline.
"""

from __future__ import annotations

from pathlib import Path

from extractors.targets import extract_targets
from pipeline.process import load_document

PLAN_HEAD = """ỦY BAN NHÂN DÂN XÃ TÂN LẬP
Số 31/KH-UBND
Tân Lập, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
phát triển văn hóa cơ sở trên địa bàn xã

"""

REPORT_HEAD = """ĐẢNG ỦY XÃ HÒA LỢI
Số 45-BC/ĐU
Hòa Lợi, ngày 20 tháng 12 năm 2025

BÁO CÁO
công tác chuyển đổi số năm 2025 và phương hướng năm 2026

"""


def _targets(tmp_path: Path, head: str, body: str) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(head + body.strip() + "\n", encoding="utf-8")
    return extract_targets(load_document(path))


def _summary(targets: list) -> list[tuple]:
    return [(t.value, t.unit, t.by) for t in targets]


def test_a_report_gives_targets_only_where_it_looks_ahead(tmp_path: Path) -> None:
    body = (
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO\n\n1. Về hạ tầng số\n\n"
        "Toàn xã có 96% hộ gia đình dùng cáp quang; 100% cán bộ được cấp máy tính.\n\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026\n\n"
        "- Phấn đấu 100% hồ sơ công việc của xã được xử lý trên môi trường mạng.\n"
    )
    targets = _targets(tmp_path, REPORT_HEAD, body)
    assert _summary(targets) == [(100, "%", "2026")]
    assert targets[0].quote.startswith("100% hồ sơ công việc")


def test_the_same_figures_in_a_plan_are_targets(tmp_path: Path) -> None:
    body = "I. MỤC TIÊU\n\n1. Hạ tầng\n\nPhấn đấu 96% hộ gia đình dùng cáp quang; 100% cán bộ được cấp máy tính.\n"
    assert [t.value for t in _targets(tmp_path, PLAN_HEAD, body)] == [96, 100]


def test_a_figure_of_a_year_before_the_plan_is_a_result(tmp_path: Path) -> None:
    body = (
        "I. CÔNG TÁC VĂN HÓA CƠ SỞ\n\n"
        "Năm 2025, nhờ sự chung tay của các thôn: 100% nhà văn hóa thôn được sửa chữa; 90% thôn có đội văn nghệ.\n\n"
        "II. MỤC TIÊU\n\nNăm 2026, 100% thôn duy trì đội văn nghệ quần chúng.\n"
    )
    assert _summary(_targets(tmp_path, PLAN_HEAD, body)) == [(100, "%", "2026")]


def test_counts_under_a_year_label_are_planned_for_that_year(tmp_path: Path) -> None:
    body = (
        "I. NỘI DUNG\n\n"
        "* Năm 2026: (03 hội thi, 01 liên hoan)\n"
        "- Về hội thi: 03 cuộc\n"
        "1. Hội thi tiếng hát thôn bản vào quý II.\n"
        "* Năm 2027: (02 hội thi)\n"
        "- Về hội thi: 02 cuộc\n"
        "1. Hội thi nghệ nhân trẻ vào quý III.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n\nCác thôn báo cáo kết quả về Ủy ban nhân dân xã.\n"
    )
    targets = _targets(tmp_path, PLAN_HEAD, body)
    assert _summary(targets) == [
        (3, "hội thi", "2026"),
        (1, "liên hoan", "2026"),
        (3, "cuộc", "2026"),
        (2, "hội thi", "2027"),
        (2, "cuộc", "2027"),
    ]
    # the quotes keep neither bracket of the list, and a bare count takes its label
    assert [t.quote for t in targets] == [
        "03 hội thi",
        "01 liên hoan",
        "Về hội thi: 03 cuộc",
        "02 hội thi",
        "Về hội thi: 02 cuộc",
    ]
    assert targets[2].indicator == "hội thi"


def test_a_year_label_of_the_past_commits_to_nothing(tmp_path: Path) -> None:
    body = "I. NỘI DUNG\n\n* Năm 2024: (04 hội thi)\n- Về hội thi: 04 cuộc\n"
    assert _targets(tmp_path, PLAN_HEAD, body) == []


def test_a_year_label_ends_at_the_next_heading(tmp_path: Path) -> None:
    body = (
        "I. NỘI DUNG\n\n* Năm 2027: (02 hội thi)\n\n"
        "II. MỤC TIÊU\n\n- 100% thôn có đội văn nghệ quần chúng.\n"
    )
    assert _summary(_targets(tmp_path, PLAN_HEAD, body)) == [(2, "hội thi", "2027"), (100, "%", None)]


def test_the_horizon_of_a_head_without_a_title_line(tmp_path: Path) -> None:
    head = (
        "# NGHỊ QUYẾT số 05-NQ/ĐU ngày 02 tháng 3 năm 2026 của ĐẢNG ỦY XÃ TÂN LẬP về xây dựng "
        "thôn văn hóa giai đoạn 2026 - 2028\n\n"
    )
    body = "## I. MỤC TIÊU\n\n- 95% thôn đạt danh hiệu thôn văn hóa.\n"
    assert [t.by for t in _targets(tmp_path, head, body)] == ["2028"]


def test_a_percentage_after_a_document_word_is_a_quantity(tmp_path: Path) -> None:
    body = "I. NHIỆM VỤ\n\nChỉ đạo, hướng dẫn 100% thôn xây dựng quy ước văn hóa.\n"
    (t,) = _targets(tmp_path, PLAN_HEAD, body)
    assert (t.value, t.unit) == (100, "%")
    assert t.quote.endswith("100% thôn xây dựng quy ước văn hóa")


def test_a_result_over_its_plan_is_no_target(tmp_path: Path) -> None:
    body = "I. MỤC TIÊU\n\nNhiều chỉ tiêu vượt kế hoạch như tỷ lệ thôn văn hóa 92%/80% tổng số thôn.\n"
    assert _targets(tmp_path, PLAN_HEAD, body) == []


def test_a_number_of_periods_is_no_count(tmp_path: Path) -> None:
    body = "I. NHIỆM VỤ\n\nTham mưu ban hành các kế hoạch của tỉnh và 2 giai đoạn 2026 - 2030 đúng thời hạn.\n"
    assert _targets(tmp_path, PLAN_HEAD, body) == []


def test_a_percentage_glued_to_the_word_before_it(tmp_path: Path) -> None:
    body = "I. MỤC TIÊU\n\nĐưa vào vận hành hiệu quả85% thiết chế văn hóa thôn.\n"
    (t,) = _targets(tmp_path, PLAN_HEAD, body)
    assert (t.value, t.unit) == (85, "%")


def test_a_milestone_in_brackets_and_a_list_of_percentages(tmp_path: Path) -> None:
    body = (
        "I. MỤC TIÊU ĐẾN NĂM 2028\n\n"
        "- Tỷ lệ thôn có nhà văn hóa đạt chuẩn ở vùng đồng bằng 90% (năm 2026 75%), vùng đồi núi 70%.\n"
    )
    targets = _targets(tmp_path, PLAN_HEAD, body)
    assert _summary(targets) == [(90, "%", "2028"), (75, "%", "2026"), (70, "%", "2028")]
    assert targets[1].quote == "năm 2026 75%"


def test_the_horizon_of_a_heading_line_that_lost_its_numbering(tmp_path: Path) -> None:
    body = (
        "I. NỘI DUNG\n\nĐiều 1 Phê duyệt Kế hoạch phát triển văn hóa cơ sở với các nội dung sau:\n\n"
        "II Mục tiêu đến hết năm 2027\n\n"
        "a) Về thiết chế văn hóa\n\n"
        "- Tỷ lệ thôn có sân khấu ngoài trời đạt 60%.\n"
    )
    assert [t.by for t in _targets(tmp_path, PLAN_HEAD, body)] == ["2027-12-31"]


def test_the_horizon_of_a_type_line_that_holds_the_title(tmp_path: Path) -> None:
    head = (
        "ĐẢNG ỦY XÃ TÂN LẬP\nSố -CTr/ĐU\nTân Lập, ngày   tháng 11 năm 2025\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ GIỮ GÌN BẢN SẮC VĂN HÓA CỦA XÃ TÂN LẬP, NHIỆM KỲ 2025-2030\n-----\n\n"
    )
    body = "I. MỤC TIÊU\n\n- Tỷ lệ thôn đạt chuẩn văn hóa đạt 95%.\n"
    assert [t.by for t in _targets(tmp_path, head, body)] == ["2030"]


def test_a_short_line_with_figures_of_its_own_gives_no_horizon(tmp_path: Path) -> None:
    body = (
        "I. NỘI DUNG\n\nChỉ tiêu năm 2025 đạt 85%\n\n"
        "a) Về thiết chế văn hóa\n\n- Tỷ lệ thôn có sân khấu ngoài trời đạt 60%.\n"
    )
    assert [(t.value, t.by) for t in _targets(tmp_path, PLAN_HEAD, body)] == [(60, None)]
