"""Deadlines read the way a careful reader reads a real document's times (sentences in our own words):

- a date line repeated outside the head ("Tân Lập, ngày   tháng 5 năm 2026") is no deadline;
- a section that reports results ("KẾT QUẢ THỰC HIỆN …") dates work done, and a heading's year that ended
  before the plan's date is past;
- a line in capitals after the signature (the title of the plan a decision issues) is read as a heading;
- a horizon joined to a period that is refused ("… giai đoạn 2026 - 2030 và định hướng đến năm 2035" as a
  document's name) is refused with it; a quoted name's time in a title that states its own year is not the
  plan's; the title ends before an opening sentence and before a rule line;
- "hằng năm" after the verb it times ("sơ kết hằng năm", "được công bố hằng năm"), after "phấn đấu", or after
  a comma opening a clause; "định kỳ" glued to its period ("định kỳhằng năm") or with a bare one ("định kỳ quý");
  "(thực hiện thường xuyên)" closing a duty; "đến 2030" without "năm".
"""

from __future__ import annotations

from pathlib import Path

from extractors.deadlines import extract_deadlines, parse_time_expressions
from pipeline.process import load_document

HEAD = """ỦY BAN NHÂN DÂN XÃ TÂN LẬP
Số: 14/KH-UBND
Tân Lập, ngày 12 tháng 5 năm 2026
KẾ HOẠCH
Phát triển phong trào văn nghệ quần chúng{tail}

"""


def _quotes(tmp_path: Path, body: str, tail: str = "", head: str = HEAD) -> list[str]:
    path = tmp_path / "doc.txt"
    path.write_text(head.format(tail=tail) + body.strip() + "\n", encoding="utf-8")
    found, _ = extract_deadlines(load_document(path))
    return [r.quote for r in found]


def _records(tmp_path: Path, body: str) -> list[tuple]:
    path = tmp_path / "doc.txt"
    path.write_text(HEAD.format(tail="") + body.strip() + "\n", encoding="utf-8")
    found, _ = extract_deadlines(load_document(path))
    return [(r.quote, r.kind, r.start, r.end, r.recurrence) for r in found]


def test_a_date_line_repeated_in_the_body_is_no_deadline(tmp_path: Path) -> None:
    body = "I. NỘI DUNG\n\nCác thôn tổ chức hội diễn trong quý III/2026.\n\nTân Lập, ngày   tháng 5 năm 2026\n"
    assert _quotes(tmp_path, body) == ["trong quý III/2026"]


def test_a_results_section_dates_work_done(tmp_path: Path) -> None:
    body = (
        "I. KẾT QUẢ THỰC HIỆN NĂM 2025\n\nTrong quý IV/2025 các thôn đã tổ chức 12 buổi biểu diễn.\n\n"
        "II. NHIỆM VỤ\n\nTổ chức liên hoan văn nghệ trong quý III/2026.\n"
    )
    assert _quotes(tmp_path, body) == ["trong quý III/2026"]


def test_a_heading_year_before_the_plan_is_past(tmp_path: Path) -> None:
    body = "I. NĂM 2025\n\nCác thôn duy trì sinh hoạt câu lạc bộ.\n\nII. NĂM 2026\n\nMở lớp dạy hát dân ca.\n"
    assert _quotes(tmp_path, body) == ["NĂM 2026"]


def test_a_line_in_capitals_after_the_signature_is_a_heading(tmp_path: Path) -> None:
    head = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
Số: 88/QĐ-UBND
Bình An, ngày 03 tháng 02 năm 2026
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch phát triển thư viện cơ sở

"""
    body = (
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển thư viện cơ sở.\n\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nCHỦ TỊCH\n\n"
        "KẾ HOẠCH\n\nPHÁT TRIỂN THƯ VIỆN CƠ SỞ TỈNH BÌNH AN GIAI ĐOẠN 2026 - 2028\n"
    )
    assert _quotes(tmp_path, body, head=head) == ["GIAI ĐOẠN 2026 - 2028"]


def test_a_horizon_in_the_name_of_a_document_to_be_issued(tmp_path: Path) -> None:
    body = (
        "I. NHIỆM VỤ\n\n1. Ban hành các nghị quyết chuyên đề:\n\n"
        "- Nghị quyết phát triển thiết chế văn hóa giai đoạn 2026 - 2030 và định hướng đến năm 2035.\n\n"
        "- Nghị quyết bảo tồn lễ hội truyền thống giai đoạn 2026 - 2030, tầm nhìn đến năm 2040.\n\n"
        "2. Hoàn thành kiểm kê di tích đến năm 2027.\n"
    )
    assert _quotes(tmp_path, body) == ["đến năm 2027"]


def test_a_quoted_name_in_a_title_that_states_its_own_year(tmp_path: Path) -> None:
    tail = ' thực hiện Đề án “Xây dựng đời sống văn hóa giai đoạn 2024 - 2028, tầm nhìn đến năm 2035” năm 2026'
    assert _quotes(tmp_path, "I. MỤC TIÊU\n\nNâng cao đời sống tinh thần.\n", tail=tail) == ["năm 2026"]


def test_a_quoted_name_that_is_all_the_title_gives_its_period(tmp_path: Path) -> None:
    tail = " “Dự án tu bổ nhà văn hóa thôn giai đoạn 2026 - 2027”"
    assert _quotes(tmp_path, "I. MỤC TIÊU\n\nNâng cao đời sống tinh thần.\n", tail=tail) == [
        "giai đoạn 2026 - 2027"
    ]


def test_the_title_ends_before_the_opening_sentence(tmp_path: Path) -> None:
    head = """ỦY BAN NHÂN DÂN XÃ TÂN LẬP
Số: 14/KH-UBND
Tân Lập, ngày 12 tháng 5 năm 2026
KẾ HOẠCH
PHÁT TRIỂN PHONG TRÀO VĂN NGHỆ NĂM 2026
Thực hiện Quyết định số 210/QĐ-UBND ngày 02/3/2026 của Ủy ban nhân dân huyện về bảo tồn dân ca đến năm 2030,
"""
    assert _quotes(tmp_path, "I. MỤC TIÊU\n\nDuy trì các câu lạc bộ.\n", head=head) == ["NĂM 2026"]


def test_each_year_after_the_verb_it_times(tmp_path: Path) -> None:
    body = (
        "I. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Văn phòng Ủy ban nhân dân xã tham mưu sơ kết hằng năm việc thực hiện Kế hoạch.\n\n"
        "2. Danh sách thôn văn hóa được công bố hằng năm trên trang thông tin của xã.\n\n"
        "3. Phấn đấu hằng năm, tỷ lệ gia đình văn hóa đạt trên 90%.\n\n"
        "4. Căn cứ kế hoạch của xã, hằng năm các thôn đăng ký danh hiệu thôn văn hóa.\n\n"
        "5. Lồng ghép vào chương trình công tác toàn khóa, hằng năm, kế hoạch của các thôn.\n"
    )
    assert _quotes(tmp_path, body) == ["hằng năm", "hằng năm", "hằng năm", "hằng năm"]


def test_periodic_with_a_glued_or_bare_period() -> None:
    assert [s.recurrence for s in parse_time_expressions("định kỳhằng năm")] == ["yearly"]
    assert [s.recurrence for s in parse_time_expressions("định kỳ quý")] == ["quarterly"]


def test_a_time_note_in_brackets_closes_a_duty(tmp_path: Path) -> None:
    body = "I. NHIỆM VỤ\n\n1. Vận động Nhân dân giữ gìn cảnh quan di tích (thực hiện thường xuyên).\n"
    assert _records(tmp_path, body) == [("thường xuyên", "ongoing", None, None, None)]


def test_until_a_bare_year_in_a_heading(tmp_path: Path) -> None:
    body = "I. MỤC TIÊU\n\n1. Mục tiêu cụ thể đến 2028:\n\n- Mỗi thôn có một đội văn nghệ.\n"
    assert _records(tmp_path, body) == [("đến 2028", "horizon", None, "2028-12-31", None)]


def test_from_the_start_of_a_year(tmp_path: Path) -> None:
    body = "I. NHIỆM VỤ\n\nChủ động xây dựng lịch biểu diễn ngay từ đầu năm 2027 để các thôn chuẩn bị.\n"
    assert _records(tmp_path, body) == [("ngay từ đầu năm 2027", "period", "2027-01-01", None, None)]


def test_a_period_that_names_a_plan_or_a_meeting(tmp_path: Path) -> None:
    body = (
        "I. NHIỆM VỤ\n\n1. Rà soát việc thực hiện theo kế hoạch 6 tháng cuối năm 2026 của Ủy ban nhân dân xã.\n\n"
        "2. Chuẩn bị nội dung sinh hoạt chuyên đề quý III năm 2026 về bảo tồn dân ca.\n\n"
        "3. Tổ chức liên hoan văn nghệ trong quý IV năm 2026.\n"
    )
    assert _quotes(tmp_path, body) == ["trong quý IV năm 2026"]


def test_a_horizon_that_names_a_period_or_a_document(tmp_path: Path) -> None:
    body = (
        "I. NHIỆM VỤ\n\n1. Tổng kết các chương trình văn hóa giai đoạn đến năm 2025 của xã.\n\n"
        "2. Các văn bản cần ban hành:\n\n- Đề án về phát triển du lịch văn hóa thôn Đồng Xanh đến năm 2030.\n\n"
        "3. Hoàn thành tu bổ đình làng đến năm 2028.\n"
    )
    assert _quotes(tmp_path, body) == ["đến năm 2028"]


def test_a_date_of_effect_is_no_deadline(tmp_path: Path) -> None:
    body = "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2026.\n"
    assert _quotes(tmp_path, body) == []


def test_a_reports_opening_gives_the_coming_months_period(tmp_path: Path) -> None:
    head = """ĐẢNG ỦY XÃ TÂN LẬP
Số 52-BC/ĐU
Tân Lập, ngày   tháng 4 năm 2026
BÁO CÁO
kết quả công tác tháng 4 năm 2026 và nhiệm vụ trọng tâm tháng 5 năm 2026
-----
Đảng ủy xã báo cáo kết quả công tác tháng 4 năm 2026 và nhiệm vụ trọng tâm tháng 5 năm 2026 như sau:
"""
    body = (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 4\n\nTrong quý I/2026 các thôn đã tổ chức 9 buổi giao lưu.\n\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 5 NĂM 2026\n\nTổ chức hội thi trước ngày 25/5/2026.\n"
    )
    assert _quotes(tmp_path, body, head=head) == [
        "tháng 5 năm 2026",
        "tháng 5 năm 2026",
        "THÁNG 5 NĂM 2026",
        "trước ngày 25/5/2026",
    ]


def test_a_month_or_a_years_start_without_its_year_takes_the_headings(tmp_path: Path) -> None:
    body = (
        "I. NHIỆM VỤ TRỌNG TÂM THÁNG 6 NĂM 2026\n\n"
        "Trong tháng 6, các thôn tập luyện cho hội diễn.\n\n"
        "II. GIẢI PHÁP\n\nNgay từ đầu năm học, các trường phối hợp với thôn.\n"
    )
    assert _records(tmp_path, body) == [
        ("THÁNG 6 NĂM 2026", "period", "2026-06-01", "2026-06-30", None),
        ("Trong tháng 6", "period", "2026-06-01", "2026-06-30", None),
    ]


def test_from_the_start_of_the_headings_year(tmp_path: Path) -> None:
    body = "I. PHƯƠNG HƯỚNG NĂM 2027\n\nRà soát quy ước của các thôn ngay từ đầu năm.\n"
    assert _records(tmp_path, body) == [
        ("NĂM 2027", "period", "2027-01-01", "2027-12-31", None),
        ("ngay từ đầu năm", "period", "2027-01-01", None, None),
    ]


def test_the_year_of_a_figure(tmp_path: Path) -> None:
    body = (
        "I. MỤC TIÊU\n\nTỷ lệ thôn có đội văn nghệ đạt 90% (năm 2027 80%); "
        "số liệu so sánh: năm 2024 60%.\n"
    )
    assert _records(tmp_path, body) == [("năm 2027", "period", "2027-01-01", "2027-12-31", None)]


def test_a_title_in_capitals_may_end_in_a_short_line_in_sentence_case(tmp_path: Path) -> None:
    head = """ỦY BAN NHÂN DÂN XÃ TÂN LẬP
Số: 14/KH-UBND
Tân Lập, ngày 12 tháng 5 năm 2026
KẾ HOẠCH
PHÁT TRIỂN PHONG TRÀO VĂN NGHỆ QUẦN CHÚNG
Trên địa bàn xã năm 2026
"""
    assert _quotes(tmp_path, "I. MỤC TIÊU\n\nDuy trì các câu lạc bộ.\n", head=head) == ["năm 2026"]


def test_the_coming_week_of_a_weekly_report(tmp_path: Path) -> None:
    head = """ĐẢNG ỦY XÃ TÂN LẬP
Số 60-BC/ĐU
Tân Lập, ngày   tháng 6 năm 2026
BÁO CÁO
Kết quả công tác tuần (từ ngày 08/6/2026 - 14/6/2026) và nhiệm vụ trọng tâm tuần tới
"""
    body = (
        "I. KẾT QUẢ CÔNG TÁC TRONG TUẦN\n\nCác thôn đã tập luyện văn nghệ.\n\n"
        "II. NHIỆM VỤ TRỌNG TÂM TUẦN TỚI\n\nHoàn thành kịch bản hội diễn.\n"
    )
    path = tmp_path / "doc.txt"
    path.write_text(head + body, encoding="utf-8")
    found, _ = extract_deadlines(load_document(path))
    assert [(r.quote, r.start, r.end) for r in found] == [
        ("tuần tới", "2026-06-15", "2026-06-21"),
        ("TUẦN TỚI", "2026-06-15", "2026-06-21"),
    ]


def test_a_plan_has_no_coming_week(tmp_path: Path) -> None:
    body = "I. NHIỆM VỤ\n\nTrong tuần tới, các thôn rà soát danh sách diễn viên.\n"
    assert _quotes(tmp_path, body) == []


def test_items_of_a_list_share_its_year(tmp_path: Path) -> None:
    body = "I. NHIỆM VỤ\n\nTổ chức các đợt biểu diễn lưu động trong tháng 8, quý IV và 6 tháng cuối năm 2027.\n"
    assert _records(tmp_path, body) == [
        ("trong tháng 8", "period", "2027-08-01", "2027-08-31", None),
        ("quý IV", "period", "2027-10-01", "2027-12-31", None),
        ("6 tháng cuối năm 2027", "period", "2027-07-01", "2027-12-31", None),
    ]


def test_a_title_period_over_before_the_document_is_dated(tmp_path: Path) -> None:
    head = """ỦY BAN NHÂN DÂN XÃ TÂN LẬP
Số: 21/NQ-UBND
Tân Lập, ngày 05 tháng 7 năm 2026
NGHỊ QUYẾT
Phiên họp thường kỳ tháng 6 năm 2026
"""
    assert _quotes(tmp_path, "I. NHIỆM VỤ\n\nHoàn thành sửa chữa nhà văn hóa trong quý III/2026.\n", head=head) == [
        "trong quý III/2026"
    ]
