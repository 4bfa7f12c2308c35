"""Amounts of money and fixed rates that a decision or regulation sets (sentences and tables in our own words):

- an allocation table's unit declared once above it ("ĐVT: triệu đồng") or in its value column's header is
  the unit of its bare figures; its total and group subtotal rows (sums of the rows beneath) are no targets,
  and the numbers inside a row's description ("Nhà 03 tầng 12 phòng") belong to what the row measures;
- a money amount the text sets ("được hỗ trợ 300.000 đồng/người/tháng") is a target without a commitment word
  (gold/README, round 3: fixed rates in a regulation are targets, `=`, by null), a past figure is not;
- "từ X lên Y" raises a level: only Y is a target;
- "tối thiểu là 3 ngày, tối đa là 7 ngày" sets two limits (two targets), while a time limit of a procedure
  ("trong thời hạn không quá 10 ngày") is a deadline and "dưới 15 năm công tác" says who qualifies.
"""

from __future__ import annotations

from pathlib import Path

from extractors.targets import _aggregate_rows, extract_targets
from pipeline.process import load_document

HEAD = """ỦY BAN NHÂN DÂN TỈNH SÔNG MÂY
Số: 214/QĐ-UBND
Sông Mây, ngày 14 tháng 4 năm 2026
QUYẾT ĐỊNH
Về việc phân bổ kinh phí sửa chữa trường học năm 2026

"""

TABLE = """Điều 1. Phân bổ kinh phí sửa chữa trường học năm 2026 theo Phụ lục kèm theo Quyết định này.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

PHỤ LỤC

DANH MỤC CÔNG TRÌNH VÀ KINH PHÍ SỬA CHỮA NĂM 2026

{unit_line}

| STT | Công trình | {value_header} | Ghi chú |
|---|---|---|---|
|  | TỔNG CỘNG | 4.500 |  |
| I | HUYỆN ĐỒI XANH | 2.700 |  |
| 1 | Trường Tiểu học Đồi Xanh: sửa mái Nhà 03 tầng 12 phòng | 1.500 |  |
| 2 | Trường Mầm non Suối Bạc: lát sân | 600 |  |
| 3 | Trường THCS Gò Nổi: xây 02 phòng bộ môn | 600 |  |
| II | HUYỆN BẾN ĐÁ | 1.800 |  |
| 1 | Trường Tiểu học Bến Đá: chống thấm | 1.800 |  |
"""


def _targets(tmp_path: Path, body: str) -> list:
    path = tmp_path / "quyet-dinh.txt"
    path.write_text(HEAD + body.strip() + "\n", encoding="utf-8")
    return extract_targets(load_document(path))


def test_a_table_takes_the_unit_declared_above_it_and_leaves_its_totals_out(tmp_path: Path) -> None:
    found = _targets(tmp_path, TABLE.format(unit_line="ĐVT: triệu đồng", value_header="Kinh phí năm 2026"))
    assert [(t.value, t.unit, t.by) for t in found] == [
        (1500, "triệu đồng", "2026"),
        (600, "triệu đồng", "2026"),
        (600, "triệu đồng", "2026"),
        (1800, "triệu đồng", "2026"),
    ]


def test_a_table_takes_the_unit_declared_in_its_value_header(tmp_path: Path) -> None:
    found = _targets(tmp_path, TABLE.format(unit_line="", value_header="Kinh phí năm 2026 (ĐVT: triệu đồng)"))
    assert [t.unit for t in found] == ["triệu đồng"] * 4
    found = _targets(tmp_path, TABLE.format(unit_line="", value_header="Kinh phí năm 2026 (nghìn đồng)"))
    assert [t.unit for t in found] == ["nghìn đồng"] * 4


def test_without_a_declared_unit_the_figures_have_none(tmp_path: Path) -> None:
    found = _targets(tmp_path, TABLE.format(unit_line="", value_header="Kinh phí năm 2026"))
    assert [(t.value, t.unit) for t in found] == [(1500, None), (600, None), (600, None), (1800, None)]


def test_totals_are_the_rows_that_sum_the_rows_under_them() -> None:
    # TỔNG | I (2 rows) | II (1 row): the total sums the subtotals, each subtotal its rows
    values = [10.0, 6.0, 4.0, 2.0, 4.0, 4.0]
    kinds = ["other", "roman", "arabic", "arabic", "roman", "arabic"]
    assert _aggregate_rows(values, kinds) == {0, 1, 4}
    # the last project of a group equals the next group's subtotal: a project never sums a group row
    kinds = ["other", "roman", "arabic", "arabic", "roman", "arabic"]
    assert _aggregate_rows([5.0, 3.0, 1.0, 2.0, 2.0, 2.0], kinds) == {0, 1, 4}
    # a project whose figure equals the sum of the next ones is numbered like them: no total
    assert _aggregate_rows([3.0, 1.0, 1.0, 1.0], ["arabic"] * 4) == set()
    # without a numbering column, a total needs at least two rows under it
    assert _aggregate_rows([5.0, 5.0], [None, None]) == set()
    assert _aggregate_rows([5.0, 2.0, 3.0], [None, None, None]) == {0}


RULES_HEAD = """ỦY BAN NHÂN DÂN TỈNH SÔNG MÂY
Số: 31/2026/QĐ-UBND
Sông Mây, ngày 02 tháng 3 năm 2026
QUYẾT ĐỊNH
Quy định mức hỗ trợ người cao tuổi và hộ gia đình gặp thiên tai

"""

RULES = """Điều 1. Mức hỗ trợ

1. Người cao tuổi sống một mình được hỗ trợ 350.000 đồng/người/tháng.

2. Hộ gia đình có nhà bị sập do bão được trợ cấp một lần bằng 4.000.000 đồng.

3. Ban Chỉ đạo cấp tỉnh gồm 15 đồng chí.

4. Năm 2024, toàn tỉnh đã chi trả 12.500 triệu đồng cho các đối tượng.
"""


def _rules(tmp_path: Path, body: str) -> list:
    path = tmp_path / "quy-dinh.txt"
    path.write_text(RULES_HEAD + body.strip() + "\n", encoding="utf-8")
    return extract_targets(load_document(path))


def test_an_amount_the_text_sets_is_a_target_without_a_commitment_word(tmp_path: Path) -> None:
    found = _rules(tmp_path, RULES)
    assert [(t.value, t.unit, t.comparator, t.by) for t in found] == [
        (350000, "đồng/người/tháng", "=", None),
        (4000000, "đồng", "=", None),
    ]


def test_a_raised_level_is_the_target_not_the_level_it_starts_from(tmp_path: Path) -> None:
    body = """Điều 1. Điều chỉnh mức trợ cấp

- Tăng mức trợ cấp nuôi dưỡng từ 250.000 đồng/người/tháng lên 420.000 đồng/người/tháng;

- Mức hỗ trợ tiền ăn từ 30.000 đồng/ngày xuống còn 25.000 đồng/ngày.
"""
    found = _rules(tmp_path, body)
    assert [(t.value, t.unit) for t in found] == [(420000, "đồng/người/tháng"), (25000, "đồng/ngày")]


def test_an_amount_after_a_level_word_is_no_ordinal(tmp_path: Path) -> None:
    body = "Điều 1. Người có công sống cô đơn được xét trợ cấp hằng tháng mức 410.000 đồng."
    assert [(t.value, t.unit) for t in _rules(tmp_path, body)] == [(410000, "đồng")]


def test_a_date_that_says_who_qualifies_is_no_horizon_and_no_past_year(tmp_path: Path) -> None:
    body = (
        "Điều 2. Chế độ trợ cấp\n\nDân công hỏa tuyến tham gia kháng chiến từ ngày 30 tháng 4 năm 1975 trở về trước, "
        "có từ đủ 10 năm công tác, được trợ cấp 700.000 đồng/người/tháng.\n"
    )
    assert [(t.value, t.by) for t in _rules(tmp_path, body)] == [(700000, None)]
    body = (
        "Điều 3. Trợ cấp một lần\n\nNgười hưởng trợ cấp đã từ trần trước ngày 01 tháng 7 năm 2026 thì thân nhân "
        "được hưởng trợ cấp một lần bằng 1.800.000 đồng.\n"
    )
    assert [(t.value, t.by) for t in _rules(tmp_path, body)] == [(1800000, None)]


def test_two_limits_of_a_duration_are_two_targets_a_procedures_time_limit_none(tmp_path: Path) -> None:
    body = """Điều 3. Thời gian và thủ tục

1. Mỗi đợt nghỉ dưỡng kéo dài tối thiểu là 3 ngày, tối đa là 7 ngày.

2. Trong thời hạn không quá 10 ngày làm việc, cơ quan tiếp nhận trả lời bằng văn bản.

3. Người có dưới 15 năm công tác được hưởng trợ cấp một lần.
"""
    assert [(t.value, t.unit, t.comparator) for t in _rules(tmp_path, body)] == [(3, "ngày", ">="), (7, "ngày", "<=")]


def test_a_copula_between_a_comparator_and_its_number() -> None:
    from extractors.numbers import scan_quantities

    assert [(q.value, q.comparator) for q in scan_quantities("tối thiểu là 40 giờ, không quá 60 giờ")] == [
        (40, ">="),
        (60, "<="),
    ]


def test_a_period_in_the_name_of_the_programme_allotted_is_no_horizon(tmp_path: Path) -> None:
    body = """Điều 1. Phân bổ kế hoạch vốn năm 2026 cho các chương trình sau:

- Chương trình phát triển du lịch cộng đồng giai đoạn 2026-2030: 1.200 triệu đồng;

- Đề án trồng rừng ven biển giai đoạn 2025-2028: 800 triệu đồng.
"""
    assert [(t.value, t.unit, t.by) for t in _rules(tmp_path, body)] == [
        (1200, "triệu đồng", "2026"),
        (800, "triệu đồng", "2026"),
    ]


def test_amounts_of_work_done_are_statistics(tmp_path: Path) -> None:
    body = """Điều 1. Tình hình và mức hỗ trợ

1. Toàn tỉnh đã huy động trên 8.400 tỷ đồng cho giao thông nông thôn.

2. Thu ngân sách trên địa bàn đạt 12.300/11.050 tỷ đồng.

3. Kinh phí hỗ trợ năm 2026 mới được tạm ứng 1.500 triệu đồng.

4. Mỗi hộ được hỗ trợ 25.000.000 đồng để sửa chữa nhà ở.
"""
    assert [(t.value, t.unit) for t in _rules(tmp_path, body)] == [(25000000, "đồng")]


LETTER_HEAD = """SỞ XÂY DỰNG TỈNH SÔNG MÂY
Số: 19/KH-SXD
Sông Mây, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Hỗ trợ nhà ở cho hộ nghèo

"""


def test_an_opening_paragraph_states_its_aim_after_the_document_it_implements(tmp_path: Path) -> None:
    body = (
        "Thực hiện Quyết định số 15/2026/QĐ-UBND ngày 02/02/2026 của Ủy ban nhân dân tỉnh về hỗ trợ nhà ở cho "
        "hộ nghèo giai đoạn 2026 - 2030, bảo đảm 95% hồ sơ được duyệt đúng hạn. Để hoàn thành sửa chữa nhà ở cho "
        "khoảng 1.200 hộ nghèo trong năm 2026, Sở Xây dựng ban hành Kế hoạch như sau:\n\n"
        "1. Rà soát danh sách hộ nghèo có nhà ở hư hỏng.\n\n2. Báo cáo kết quả về Sở Xây dựng.\n"
    )
    path = tmp_path / "ke-hoach.txt"
    path.write_text(LETTER_HEAD + body, encoding="utf-8")
    document = load_document(path)
    assert document.block_at(document.text.find("Thực hiện")).role == "basis"
    found = extract_targets(document)
    # the first sentence's 95% belongs to the document implemented; the aim after it is the plan's own
    assert [(t.value, t.unit, t.comparator, t.by) for t in found] == [(1200, "hộ nghèo", "~", "2026")]


def test_a_period_inside_a_quoted_name_in_the_title_gives_no_by(tmp_path: Path) -> None:
    head = """ỦY BAN NHÂN DÂN TỈNH SÔNG MÂY
Số: 44/KH-UBND
Sông Mây, ngày 10 tháng 4 năm 2026
KẾ HOẠCH
Triển khai Đề án “Phát triển rừng phòng hộ ven biển giai đoạn 2026-2030”

"""
    body = """I. MỨC HỖ TRỢ

1. Hỗ trợ trồng rừng phòng hộ mức 9.000.000 đồng/ha.

II. MỤC TIÊU

1. Giai đoạn 2026-2028, toàn tỉnh trồng mới 4 triệu cây xanh, trong đó: 1,5 triệu cây xanh trồng phân tán;
2,5 triệu cây xanh trồng tập trung ven biển.
"""
    path = tmp_path / "ke-hoach.txt"
    path.write_text(head + body, encoding="utf-8")
    document = load_document(path)
    found = [(t.value, t.unit, t.by) for t in extract_targets(document)]
    # the rate takes no by from the programme's name; the parts of the total take their sentence's period,
    # the line that opens with a figure going on with the sentence above it
    assert found == [
        (9000000, "đồng/ha", None),
        (4, "triệu cây xanh", "2028"),
        (1.5, "triệu cây xanh trồng phân tán", "2028"),
        (2.5, "triệu cây xanh trồng tập trung ven biển", "2028"),
    ]


def test_a_list_of_rates_shares_the_bound_written_before_it(tmp_path: Path) -> None:
    body = """Điều 4. Hỗ trợ sản xuất

1. Mức hỗ trợ tối đa 600.000 đồng/hộ nghèo, 450.000 đồng/hộ cận nghèo.

2. Bồi dưỡng cộng tác viên mức 40.000 đồng/người/ngày, tối đa không quá 15 ngày.

3. Người tự túc phương tiện được hỗ trợ bằng 0,3 (lít xăng/km) tính theo khoảng cách thực tế.

4. Hộ gia đình lập 02 (hai) bộ hồ sơ gửi Ủy ban nhân dân xã.
"""
    assert [(t.value, t.unit, t.comparator) for t in _rules(tmp_path, body)] == [
        (600000, "đồng/hộ nghèo", "<="),
        (450000, "đồng/hộ cận nghèo", "<="),
        (40000, "đồng/người/ngày", "="),
        (15, "ngày", "<="),
        (0.3, "lít xăng/km", "="),
    ]
