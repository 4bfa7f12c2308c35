"""Deadlines in the documents of ministries, provinces and the Prime Minister (sentences in our own words):

- a procedure's time limit ("trong thời hạn không quá 10 (mười) ngày làm việc kể từ …") is `by_date` with no
  calendar bound (gold/README, round-3 decisions); a cap alone ("không quá 02 ngày") is one only where the
  count's origin follows ("kể từ …"); a date of effect ("có hiệu lực sau 20 ngày, kể từ …") is none;
- a letter whose subject names a budget ("V/v lập dự toán ngân sách năm 2027") gives its budget year and plan
  period to the budget, not to a deadline; its submission date stays one, and a plan whose opening only
  mentions a budget keeps its years;
- a bracket that closes a duty with its time ("… (quý III/2026 và thường xuyên).") is read as a time cell: its
  "thường xuyên" and "hằng năm" count there; a bracket that states a milestone's figure ("(năm 2026 70%)") is not;
- "định kỳ" that ends a noun phrase is no cadence, also where an adverb and "và" stand between it and the noun
  ("kiểm tra thường xuyên và định kỳ", "khám sức khỏe định kỳ"); opening a duty it is one;
- a year's figure after "đạt" ("năm 2027 đạt 95%") dates a milestone as "năm 2027 95%" does; "Kết thúc năm 2027,
  X báo cáo …" is a horizon; "trong hai năm 2026 - 2027" one period; "03 năm một lần" a cadence with no
  recurrence value, "6 tháng một lần" semiannual (round-3 decisions);
- the title in capitals of the plan a decision issues keeps its year where its attachment note closes the line
  ("… NĂM 2027 (Kèm theo Quyết định số … ngày …)");
- a year that opens a duty before a comma ("- Năm 2027, hoàn thành …") is its time, unless it ended before
  the plan's date (then it reports a result: "Năm 2025, toàn tỉnh đã …");
- a bare year is the time of completed work only near its completion word ("tổng kết việc thực hiện năm
  2027"), not where "hoàn thành" stands far before it in another phrase ("mức độ hoàn thành nhiệm vụ …");
- a horizon that ends a document's proper name ("triển khai Đề án phát triển làng nghề, du lịch nông thôn đến
  năm 2030") names that document; one after a citation ("theo Quyết định số 12/2026/QĐ-UBND … đến hết năm
  2027") or after "Kế hoạch này" is the time of the work.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.citations import extract_citations
from extractors.deadlines import extract_deadlines
from pipeline.process import load_document

HEAD = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH AN
Số: 27/2026/QĐ-UBND
Hòa Bình An, ngày 09 tháng 3 năm 2026
QUYẾT ĐỊNH
Ban hành Quy định về hỗ trợ nhà ở cho hộ nghèo{tail}

"""


def _deadlines(tmp_path: Path, name: str, text: str) -> list:
    """The deadline records of a document written as a .txt file and read through the pipeline."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_deadlines(load_document(path))[0]


def _records(tmp_path: Path, body: str, tail: str = "") -> list[tuple]:
    found = _deadlines(tmp_path, "doc.txt", HEAD.format(tail=tail) + body.strip() + "\n")
    return [(r.quote, r.kind, r.start, r.end, r.recurrence) for r in found]


def test_a_procedures_time_limit_is_a_deadline_without_calendar_bound(tmp_path: Path) -> None:
    body = (
        "Điều 4. Trình tự giải quyết\n\n"
        "1. Ủy ban nhân dân cấp xã: Trong thời hạn không quá 10 (mười) ngày làm việc kể từ ngày nhận đơn, "
        "lập danh sách gửi Phòng Nội vụ.\n\n"
        "2. Phòng Tài chính thẩm định không quá 04 ngày làm việc, kể từ ngày nhận đủ danh sách.\n\n"
        "3. Bản quy định về hỗ trợ có hiệu lực sau 20 ngày, kể từ ngày đăng công báo tỉnh.\n"
    )
    assert _records(tmp_path, body) == [
        ("Trong thời hạn không quá 10 (mười) ngày làm việc", "by_date", None, None, None),
        ("không quá 04 ngày làm việc", "by_date", None, None, None),
    ]


def test_a_cap_without_the_counts_origin_is_no_time_limit(tmp_path: Path) -> None:
    body = "Điều 5. Mức hỗ trợ\n\nMỗi hộ được hỗ trợ lưu trú không quá 03 ngày tại nhà văn hóa thôn.\n"
    assert _records(tmp_path, body) == []


LETTER = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 812/BNNMT-KH V/v lập dự toán ngân sách năm 2027 và kế hoạch tài chính 03 năm 2027-2029
Hà Nội, ngày 02 tháng 6 năm 2026
Kính gửi: Sở Nông nghiệp và Môi trường các tỉnh

"""


def test_a_budget_letters_budget_years_are_no_deadlines(tmp_path: Path) -> None:
    body = (
        "I. Lập dự toán năm 2027\n\n"
        "Các Sở căn cứ số đối tượng dự kiến trong năm 2027 để lập dự toán chi.\n\n"
        "II. Lập kế hoạch tài chính 03 năm 2027-2029\n\n"
        "Các Sở gửi báo cáo về Bộ trước ngày 15/7/2026 để tổng hợp.\n"
    )
    found = _deadlines(tmp_path, "letter.txt", LETTER + body)
    assert [(r.quote, r.kind, r.end) for r in found] == [("trước ngày 15/7/2026", "by_date", "2026-07-15")]


def test_a_plan_that_mentions_a_budget_in_its_opening_keeps_its_years(tmp_path: Path) -> None:
    """An opening that the structure leaves in the head (its first item is no heading) names a budget: its
    year is not the document's budget year, and the duty's "trong năm 2026" stays a deadline."""
    body = (
        "Để bảo đảm nguồn ngân sách năm 2026 cho công tác hỗ trợ, Chủ tịch UBND tỉnh yêu cầu:\n\n"
        "1. Các sở, ngành; Ủy ban nhân dân các xã\n\na) Rà soát danh sách hộ nghèo.\n\n"
        "2. Sở Tài chính\n\nHoàn thành việc cấp kinh phí trong năm 2026.\n"
    )
    found = _deadlines(tmp_path, "directive.txt", HEAD.format(tail="").replace("QUYẾT ĐỊNH", "CHỈ THỊ") + body)
    assert "trong năm 2026" in [r.quote for r in found]


PLAN = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH AN
Số: 41/KH-UBND
Hòa Bình An, ngày 09 tháng 3 năm 2026
KẾ HOẠCH
Phát triển nghề truyền thống giai đoạn 2026 - 2030

"""


def test_a_bracket_closing_a_duty_with_its_time_is_a_time_cell(tmp_path: Path) -> None:
    body = (
        "II. NHIỆM VỤ\n\n"
        "1. Rà soát, công nhận các làng nghề đủ điều kiện (quý III/2026 và thường xuyên).\n\n"
        "2. Bồi dưỡng nghệ nhân cho các làng nghề (năm 2026 và bổ sung hằng năm).\n\n"
        "3. Tỷ lệ làng nghề có sản phẩm OCOP đạt 80% (năm 2027 70%); tổ chức hội chợ làng nghề.\n"
    )
    found = _deadlines(tmp_path, "plan.txt", PLAN + body)
    assert [(r.quote, r.kind, r.recurrence) for r in found] == [
        ("giai đoạn 2026 - 2030", "period", None),
        ("quý III/2026", "period", None),
        ("thường xuyên", "ongoing", None),
        ("năm 2026", "period", None),
        ("hằng năm", "recurring", "yearly"),
        ("năm 2027", "period", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sở Y tế tổ chức kiểm tra thường xuyên và định kỳ các cơ sở khám chữa bệnh.", []),
        ("Sở Y tế tổ chức kiểm tra đột xuất hoặc định kỳ các cơ sở khám chữa bệnh.", []),
        ("Người cao tuổi được khám sức khỏe định kỳ tại trạm y tế xã.", []),
        ("Định kỳ, Sở Y tế tổng hợp kết quả báo cáo Ủy ban nhân dân tỉnh.", ["Định kỳ"]),
    ],
)
def test_dinh_ky_ending_a_noun_phrase_is_no_cadence(tmp_path: Path, sentence: str, expected: list[str]) -> None:
    found = _deadlines(tmp_path, "plan.txt", PLAN + "II. NHIỆM VỤ\n\n1. Chăm sóc sức khỏe\n\n" + sentence + "\n")
    assert [r.quote for r in found if r.kind == "recurring"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Tỷ lệ hộ được hỗ trợ năm 2027 đạt 95%, năm 2028 đạt 98%.",
            [
                ("năm 2027", "period", "2027-01-01", "2027-12-31", None),
                ("năm 2028", "period", "2028-01-01", "2028-12-31", None),
            ],
        ),
        (
            "Kết thúc năm 2027, Sở Xây dựng báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.",
            [("Kết thúc năm 2027", "horizon", None, "2027-12-31", None)],
        ),
        (
            "Các huyện bố trí vốn để hoàn thành cơ bản trong hai năm 2026 - 2027.",
            [("trong hai năm 2026 - 2027", "period", "2026-01-01", "2027-12-31", None)],
        ),
        (
            "Tổ chức điều dưỡng tập trung 03 năm một lần cho người có công.",
            [("03 năm một lần", "recurring", None, None, None)],
        ),
        ("Tổ chức kiểm tra thiết bị 6 tháng một lần.", [("6 tháng một lần", "recurring", None, None, "semiannual")]),
    ],
)
def test_times_of_a_provinces_duties(tmp_path: Path, sentence: str, expected: list[tuple]) -> None:
    found = _deadlines(tmp_path, "plan.txt", PLAN + "II. NHIỆM VỤ\n\n1. Hỗ trợ nhà ở\n\n" + sentence + "\n")
    assert [(r.quote, r.kind, r.start, r.end, r.recurrence) for r in found][1:] == expected


def test_an_attached_plans_title_with_its_note_is_a_heading(tmp_path: Path) -> None:
    body = (
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm kê kho lưu trữ.\n\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nCHỦ TỊCH\n\n"
        "KẾ HOẠCH\n\nKIỂM KÊ KHO LƯU TRỮ CỦA TỈNH NĂM 2027 (Kèm theo Quyết định số 27/2026/QĐ-UBND "
        "ngày 09/3/2026 của Ủy ban nhân dân tỉnh)\n"
    )
    assert [r[0] for r in _records(tmp_path, body)] == ["NĂM 2027"]


def test_a_year_opening_a_duty_before_a_comma_is_its_time(tmp_path: Path) -> None:
    body = (
        "II. NHIỆM VỤ\n\n1. Hỗ trợ nhà ở\n\n- Năm 2027, hoàn thành việc hỗ trợ nhà ở cho hộ nghèo.\n\n"
        "- Năm 2025, toàn tỉnh đã hỗ trợ 1.200 hộ.\n"
    )
    found = _deadlines(tmp_path, "plan.txt", PLAN + body)
    assert [(r.quote, r.start) for r in found][1:] == [("Năm 2027", "2027-01-01")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sở Nội vụ tổng kết việc thực hiện năm 2027.", ["năm 2027"]),
        (
            "Sở Nội vụ căn cứ kết quả đánh giá, xem xét mức độ hoàn thành nhiệm vụ của các cơ quan, đơn vị và "
            "trách nhiệm của người đứng đầu làm cơ sở xếp hạng Chỉ số hài lòng của người dân năm 2027.",
            [],
        ),
    ],
)
def test_a_completion_word_dates_a_bare_year_only_near_it(tmp_path: Path, sentence: str, expected: list[str]) -> None:
    found = _deadlines(tmp_path, "plan.txt", PLAN + "II. NHIỆM VỤ\n\n1. Đánh giá\n\n" + sentence + "\n")
    assert [r.quote for r in found][1:] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Các huyện triển khai Đề án phát triển làng nghề, du lịch nông thôn đến năm 2030 và những năm tiếp theo.", []),
        (
            "Hoàn thành hỗ trợ nhà ở theo Quyết định số 12/2026/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh "
            "đến hết năm 2027.",
            ["đến hết năm 2027"],
        ),
        ("Các sở triển khai Kế hoạch này đến năm 2028.", ["đến năm 2028"]),
        ("Các huyện phát triển làng nghề, du lịch nông thôn đến năm 2029.", ["đến năm 2029"]),
    ],
)
def test_a_horizon_ending_a_documents_name_names_it(tmp_path: Path, sentence: str, expected: list[str]) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN + "II. NHIỆM VỤ\n\n1. Làng nghề\n\n" + sentence + "\n", encoding="utf-8")
    document = load_document(path)
    found, _ = extract_deadlines(document, extract_citations(document)[0])
    assert [r.quote for r in found][1:] == expected


def test_one_year_in_a_cadence_list_is_yearly(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    body = "II. NHIỆM VỤ\n\n1. Kiểm tra\n\nSơ kết 6 tháng, 1 năm việc thực hiện Kế hoạch.\n"
    path.write_text(PLAN + body, encoding="utf-8")
    found, _ = extract_deadlines(load_document(path))
    assert [(r.quote, r.recurrence) for r in found][1:] == [("Sơ kết 6 tháng", "semiannual"), ("1 năm", "yearly")]


def test_a_period_followed_by_da_dates_work_done(tmp_path: Path) -> None:
    body = (
        "I. KHÁI QUÁT\n\nTrong giai đoạn 2021-2025, đã huy động hơn 900 tỷ đồng cho giao thông nông thôn.\n\n"
        "II. NHIỆM VỤ\n\nTrong giai đoạn 2026-2030, huy động các nguồn lực cho giao thông nông thôn.\n"
    )
    found = _deadlines(tmp_path, "undated.txt", "NGHỊ QUYẾT\nvề phát triển giao thông nông thôn\n\n" + body)
    assert [r.quote for r in found] == ["Trong giai đoạn 2026-2030"]


def test_a_reviewed_period_before_the_reviews_own_time_is_no_deadline(tmp_path: Path) -> None:
    body = "II. NHIỆM VỤ\n\n1. Kiểm tra\n\nTổng kết giai đoạn 2026-2027 vào năm 2027; tổng kết thực hiện năm 2028.\n"
    found = _deadlines(tmp_path, "plan.txt", PLAN + body)
    assert [r.quote for r in found][1:] == ["vào năm 2027", "năm 2028"]
