"""Targets in the documents of ministries, provinces and the Prime Minister (sentences in our own words):

- a number the plan promises to keep ("giữ nguyên 12 đội như hiện nay") is a commitment like "duy trì";
- a target whose sentence gives no time takes `by` from its item's own time line, a heading beside it
  ("3. Thời gian thực hiện: Quý IV/2026"), before the horizon of the part above (round-3 decision);
- a rate that says who qualifies ("bệnh binh có tỷ lệ suy giảm khả năng lao động từ 41% đến 60%") is no
  target, while the fixed rate a regulation grants them ("Giảm 50% học phí") is one; a rate "có tỷ lệ … đạt
  95%" that a linking word ties to its figure stays a target;
- a lead-in that announces its list ("… tập trung phấn đấu thực hiện các nội dung sau đây:") makes every
  item's target aspirational, full stops between the items or not (round-3 decision).
"""

from __future__ import annotations

from pathlib import Path

from extractors.targets import extract_targets
from pipeline.process import load_document

HEAD = """BAN CHỈ ĐẠO PHÒNG CHỐNG THIÊN TAI TỈNH HÒA BÌNH AN
Số: 19/KH-BCĐ
Hòa Bình An, ngày 09 tháng 3 năm 2026
KẾ HOẠCH
Nâng cao năng lực cứu hộ, cứu nạn

"""


def _targets(tmp_path: Path, body: str) -> list:
    path = tmp_path / "plan.txt"
    path.write_text(HEAD + body.strip() + "\n", encoding="utf-8")
    return extract_targets(load_document(path))


ITEMS = """A. NHIỆM VỤ, GIẢI PHÁP TỪ NAY ĐẾN NĂM 2030

I. KIỆN TOÀN LỰC LƯỢNG CỨU HỘ

1. Nội dung

a) Rà soát, sắp xếp các đội cứu hộ. Trước mắt, giữ nguyên 12 đội như hiện nay; bổ sung trang thiết bị cho các đội.

2. Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.

3. Thời gian thực hiện: {time}.

II. HUẤN LUYỆN

1. Nội dung

a) Mở lớp huấn luyện, bảo đảm 100% đội viên được huấn luyện kỹ năng cứu nạn.
"""


def test_a_number_kept_as_it_is_is_a_commitment(tmp_path: Path) -> None:
    found = _targets(tmp_path, ITEMS.format(time="Quý IV/2026"))
    assert [(t.value, t.unit) for t in found] == [(12, "đội"), (100, "%")]


def test_a_target_takes_by_from_its_items_time_line(tmp_path: Path) -> None:
    """The first item's time line gives `by` to its target; the second item has none and keeps the part's
    horizon ("TỪ NAY ĐẾN NĂM 2030")."""
    found = _targets(tmp_path, ITEMS.format(time="Quý IV/2026 và thường xuyên"))
    assert [t.by for t in found] == ["2026-12-31", "2030"]
    found = _targets(tmp_path, ITEMS.format(time="Năm 2027"))
    assert [t.by for t in found] == ["2027", "2030"]


REGULATION = """Điều 3. Mức giảm học phí

1. Giảm 50% học phí cho các đối tượng là: con của thương binh, bệnh binh có tỷ lệ suy giảm khả năng lao động
từ 41% đến 60%; con của người bị nhiễm chất độc hóa học có tỷ lệ suy giảm khả năng lao động từ 21% trở lên.

2. Các trường có tỷ lệ học sinh được miễn, giảm học phí đạt 95% được ưu tiên bố trí kinh phí.
"""


def test_a_rate_that_says_who_qualifies_is_no_target(tmp_path: Path) -> None:
    found = _targets(tmp_path, REGULATION)
    assert [(t.value, t.value_max, t.unit) for t in found] == [(50, None, "%"), (95, None, "%")]


def test_a_lead_in_announcing_its_list_scopes_phan_dau_over_it(tmp_path: Path) -> None:
    body = (
        "II. NHIỆM VỤ\n\n1. Nhiệm vụ\n\n"
        "Các cấp, các ngành tập trung phấn đấu thực hiện các nội dung chủ yếu sau đây:\n\n"
        "a) Đến năm 2028, 100% xã có đội cứu hộ tình nguyện.\n\n"
        "b) Đến năm 2029, 90% đội viên được trang bị áo phao.\n"
    )
    assert [t.aspirational for t in _targets(tmp_path, body)] == [True, True]
    plain = body.replace("tập trung phấn đấu thực hiện các nội dung chủ yếu sau đây", "phấn đấu đến năm 2030")
    assert [t.aspirational for t in _targets(tmp_path, plain)] == [True, False]
