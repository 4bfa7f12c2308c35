"""Where a time expression stands decides whether it is this plan's deadline (gold-guidelines, deadlines):
a time inside the subject of a document the title cites is that document's. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from extractors.citations import extract_citations
from extractors.deadlines import extract_deadlines
from pipeline.process import load_document

HEAD = """ỦY BAN NHÂN DÂN HUYỆN AN LẠC

Số: 45/KH-UBND

An Lạc, ngày 20 tháng 3 năm 2019

KẾ HOẠCH

{title}

Ủy ban nhân dân huyện ban hành Kế hoạch như sau:

"""

TAIL = """

Nơi nhận:
- Như trên;
- Lưu VT.
"""


def _quotes(tmp_path: Path, title: str, body: str) -> list[str]:
    path = tmp_path / "plan.txt"
    path.write_text(HEAD.format(title=title) + body + TAIL, encoding="utf-8")
    document = load_document(path)
    found, _ = extract_deadlines(document, extract_citations(document)[0])
    return [r.quote for r in found]


BODY = "I. NHIỆM VỤ\n\n1. Rà soát danh mục công trình, hoàn thành trước ngày 30/6/2019.\n"


def test_a_time_in_the_subject_of_a_document_the_title_cites_is_that_documents(tmp_path: Path) -> None:
    """The title implements a decision that approved a programme with its own period and horizon, written
    over two lines: neither time is the plan's, down to the place the plan covers."""
    title = (
        "TRIỂN KHAI QUYẾT ĐỊNH SỐ 88/QĐ-TTG NGÀY 05 THÁNG 02 NĂM 2018 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ PHÊ DUYỆT\n"
        "CHƯƠNG TRÌNH NƯỚC SẠCH NÔNG THÔN GIAI ĐOẠN 2017-2020 VÀ ĐỊNH HƯỚNG ĐẾN NĂM 2025 TRÊN ĐỊA BÀN HUYỆN"
    )
    quotes = _quotes(tmp_path, title, BODY)
    assert quotes == ["hoàn thành trước ngày 30/6/2019"], quotes


def test_a_time_after_the_place_the_plan_covers_is_the_plans(tmp_path: Path) -> None:
    """After "trên địa bàn …" the title speaks of the plan itself again: its year counts."""
    title = (
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về chuyển đổi số quốc gia "
        "trên địa bàn huyện An Lạc năm 2019"
    )
    quotes = _quotes(tmp_path, title, BODY)
    assert "năm 2019" in quotes, quotes


def test_a_title_without_a_citation_keeps_its_period(tmp_path: Path) -> None:
    """With no cited document in the title, its period is the plan's own."""
    quotes = _quotes(tmp_path, "Phát triển giao thông nông thôn giai đoạn 2019-2020", BODY)
    assert "giai đoạn 2019-2020" in quotes, quotes


def _body_records(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "plan.txt"
    body = f"I. NỘI DUNG\n\n1. {sentence}\n"
    path.write_text(HEAD.format(title="Hỗ trợ người có công trên địa bàn huyện") + body + TAIL, encoding="utf-8")
    document = load_document(path)
    found, _ = extract_deadlines(document, extract_citations(document)[0])
    return [(r.quote, r.kind, r.start, r.end) for r in found]


def test_a_start_the_plan_applies_back_to_is_a_period(tmp_path: Path) -> None:
    """The plan (20/3/2019) grants an allowance from a day before its own date: still a period with a start."""
    granted = _body_records(tmp_path, "Người có công được hưởng mức trợ cấp mới kể từ ngày 01/01/2019.")
    assert granted == [("từ ngày 01/01/2019", "period", "2019-01-01", None)], granted
    applied = _body_records(tmp_path, "Mức hỗ trợ tăng lên 300.000 đồng; thời gian áp dụng từ ngày 01/02/2019.")
    assert applied == [("từ ngày 01/02/2019", "period", "2019-02-01", None)], applied


def test_a_start_of_work_already_running_is_a_status(tmp_path: Path) -> None:
    """Work that began before the plan's date, with no word of granting or applying, is no deadline."""
    assert _body_records(tmp_path, "Trung tâm y tế huyện vận hành phần mềm mới từ ngày 01/02/2019.") == []
    assert _body_records(tmp_path, "Bệnh viện đã áp dụng từ ngày 01/02/2019 quy trình mới.") == []


LETTER = """ĐẢNG BỘ HUYỆN AN LẠC
ĐẢNG ỦY XÃ BÌNH MINH
Số 45-CV/ĐU
Về việc đôn đốc chuẩn bị nội dung
hội nghị Ban Chấp hành
ĐẢNG CỘNG SẢN VIỆT NAM
Bình Minh, ngày 10 tháng 9 năm 2025
Kính gửi: - Các chi bộ trực thuộc,
- Văn phòng Đảng ủy.
Để chuẩn bị hội nghị của Ban Chấp hành Đảng bộ xã, Thường trực Đảng ủy yêu cầu các chi bộ trực thuộc
tổng hợp ý kiến của đảng viên và gửi Văn phòng Đảng ủy trước ngày 25/9/2025.
1. Văn phòng Đảng ủy:
- Tổng hợp ý kiến của các chi bộ, báo cáo Thường trực Đảng ủy trước ngày 28/9/2025.
Nơi nhận:
- Như trên,
- Lưu VPĐU.
T/M BAN THƯỜNG VỤ
"""


def test_a_letters_duty_the_head_ran_on_into_is_read(tmp_path: Path) -> None:
    """A letter without a printed title whose first duty follows "Kính gửi" in the head: its due date counts,
    the letter's own date line still gives none."""
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    document = load_document(path)
    found, _ = extract_deadlines(document, extract_citations(document)[0])
    quotes = [r.quote for r in found]
    assert "trước ngày 25/9/2025" in quotes, quotes
    assert not any("10 tháng 9" in q for q in quotes), quotes


def test_a_time_in_a_named_strategy_or_master_plan_is_that_documents(tmp_path: Path) -> None:
    """'Chiến lược …' and 'Quy hoạch …' written with their capital name a document, as 'Đề án …' does: the horizon
    and period of their names are theirs, not the plan's; the same word as an adjective leaves the time alone."""
    named = _body_records(
        tmp_path,
        "Giám sát việc thực hiện Chiến lược phát triển du lịch của huyện đến năm 2025, tầm nhìn đến năm 2030.",
    )
    assert named == [], named
    named = _body_records(tmp_path, "Tổ chức triển khai Quy hoạch vùng nguyên liệu thời kỳ 2021-2030 của huyện.")
    assert named == [], named
    adjective = _body_records(tmp_path, "Hoàn thành các công trình có tính chiến lược trước ngày 30/9/2019.")
    assert [r[1] for r in adjective] == ["by_date"], adjective


SUBJECT_LETTER = """ỦY BAN NHÂN DÂN TỈNH LÂM THẢO
Số: 905/UBND-VX
V/v tổ chức tập huấn kỹ năng số cho cán bộ cấp xã năm 2026
Lâm Thảo, ngày 14 tháng 4 năm 2026
Kính gửi: Sở Khoa học và Công nghệ
Ủy ban nhân dân tỉnh giao Sở Khoa học và Công nghệ xây dựng tài liệu tập huấn, hoàn thành trước ngày 30/5/2026.
"""


def test_a_letters_subject_line_dates_it_though_no_type_line_is_printed(tmp_path: Path) -> None:
    """A letter with no type line, heading or Căn cứ: its head (number, "V/v …", date line, "Kính gửi") is read up to
    its first running sentence, so the subject line's year is the letter's own period, as a title's is, and the
    date line gives none."""
    path = tmp_path / "subject.txt"
    path.write_text(SUBJECT_LETTER, encoding="utf-8")
    document = load_document(path)
    found, _ = extract_deadlines(document, extract_citations(document)[0])
    by_quote = {r.quote: (r.kind, r.start, r.end) for r in found}
    assert by_quote.get("năm 2026") == ("period", "2026-01-01", "2026-12-31"), by_quote
    assert by_quote.get("hoàn thành trước ngày 30/5/2026") == ("by_date", None, "2026-05-30"), by_quote
    assert not any("14 tháng 4" in q for q in by_quote), by_quote


def _records_under(tmp_path: Path, body: str) -> list[tuple]:
    path = tmp_path / "aims.txt"
    path.write_text(HEAD.format(title="Phòng, chống hạn hán trên địa bàn huyện") + body + TAIL, encoding="utf-8")
    document = load_document(path)
    found, _ = extract_deadlines(document, extract_citations(document)[0])
    return [(r.quote, r.kind) for r in found]


def test_a_time_that_qualifies_the_plans_aim_is_no_deadline(tmp_path: Path) -> None:
    """A section titled only "Mục đích" says what the plan aims at: a time there qualifies the aim. Its sibling
    "Yêu cầu", and a section titled "Mục đích, yêu cầu", may set due times and keep them."""
    aims = (
        "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nBảo đảm đủ nước tưới cho vụ mùa và cả năm 2019 trên địa bàn huyện.\n\n"
        "2. Yêu cầu\n\nCác xã rà soát công trình thủy lợi, hoàn thành trước ngày 30/6/2019.\n"
    )
    assert _records_under(tmp_path, aims) == [("hoàn thành trước ngày 30/6/2019", "by_date")]
    joint = "I. MỤC ĐÍCH, YÊU CẦU\n\nCác xã tập trung nạo vét kênh mương trong năm 2019.\n"
    assert _records_under(tmp_path, joint) == [("trong năm 2019", "period")]
