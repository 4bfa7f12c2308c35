"""One test per clause of gold-guidelines.md that the rules once read otherwise than the guidelines say.

Each builds a short plan of its own words through the real path (normalize, structure, extract) and
checks the record the clause decides: relation by place, deadline kind and bounds, a target's `by`.
"""

from __future__ import annotations

from extractors.citations import extract_citations
from extractors.deadlines import extract_deadlines
from extractors.targets import extract_targets
from pipeline.process import load_document
from pipeline.raw import RawBlock, RawDocument
from pipeline.structure import build_document


def _document(*lines: str):
    """A plan of one block per line, as a .txt gives it."""
    raw = RawDocument(path="clause.txt", format="txt", blocks=[RawBlock(text=line) for line in lines])
    return build_document(raw, "clause")


# The head of a provincial decision, shared by the tests of its preamble and articles.
DECISION_HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH AN LẠC",
    "Số: 120/QĐ-UBND",
    "QUYẾT ĐỊNH",
    "Về việc ban hành Kế hoạch chuyển đổi số",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN LẠC",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
)


def test_a_xet_line_after_a_thuc_hien_line_is_basis() -> None:
    """Citations, relation: the list at the head before the issuing sentence is `basis`; a "Thực hiện" line
    above does not carry its verb over a preamble's "Xét …" line."""
    doc = _document(
        *DECISION_HEAD,
        "Thực hiện Chương trình số 15-CTr/TU ngày 10/3/2025 của Tỉnh ủy An Lạc;",
        "Xét đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 55/TTr-STP ngày 03/3/2025.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Nay ban hành Kế hoạch số hóa sổ hộ tịch của tỉnh, kèm theo đây.",
    )
    citations, _ = extract_citations(doc)
    assert [(c.number, c.relation) for c in citations] == [
        (None, "basis"),
        ("15-CTr/TU", "implements"),
        ("55/TTr-STP", "basis"),
    ]


def test_a_decision_that_takes_effect_and_replaces_another_replaces_it() -> None:
    """Citations, relation: `replaces` ("thay thế") where the plan or decision itself replaces, the verb
    later in the clause than "… này"; another document replacing a third stays `mentions`."""
    doc = _document(
        *DECISION_HEAD,
        "QUYẾT ĐỊNH:",
        "Điều 1. Nay ban hành Kế hoạch số hóa sổ hộ tịch của tỉnh, kèm theo đây.",
        "Điều 2. Quyết định này có hiệu lực từ ngày ký và thay thế Quyết định số 99/QĐ-UBND ngày 01/02/2024.",
        "Điều 3. Nghị quyết số 71/NQ-CP thay thế Nghị quyết số 03/NQ-CP được quán triệt đến các sở.",
    )
    citations, _ = extract_citations(doc)
    assert [(c.number, c.relation) for c in citations][1:] == [
        ("99/QĐ-UBND", "replaces"),
        ("71/NQ-CP", "mentions"),
        ("03/NQ-CP", "mentions"),
    ]


def _commune_plan(title: str, *rest: str):
    """A commune plan dated 12/10/2025 with `title`, one basis line and its issuing sentence, then `rest`."""
    return _document(
        "ỦY BAN NHÂN DÂN XÃ HÒA AN",
        "Số: 45/KH-UBND",
        "Hòa An, ngày 12 tháng 10 năm 2025",
        "KẾ HOẠCH",
        title,
        "Căn cứ Kế hoạch số 11-KH/TU ngày 02/02/2025 của Ban Thường vụ Tỉnh ủy;",
        "Ủy ban nhân dân xã ban hành Kế hoạch như sau:",
        *rest,
    )


def _deadlines(*body: str) -> list[tuple]:
    """(quote, kind, start, end, recurrence, day) of the deadlines of a commune plan dated 12/10/2025."""
    doc = _commune_plan(
        "Chuyển đổi số của xã",
        "I. NHIỆM VỤ",
        *body,
    )
    found, _ = extract_deadlines(doc, extract_citations(doc)[0])
    return [(d.quote, d.kind, d.start, d.end, d.recurrence, d.day) for d in found]


def test_a_due_time_already_passed_at_the_plans_date_is_still_a_deadline() -> None:
    """Deadlines: a time that says when a task is due counts; only a status date of work done is none."""
    assert _deadlines(
        "1. Văn phòng xã hoàn thành rà soát dữ liệu hộ tịch trước 30/9/2025.",
        "2. Các thôn hoàn thành ngay trong tháng 9/2025 việc cập nhật danh sách hộ.",
        "3. Các nhiệm vụ đã hoàn thành đến ngày 30/6/2025 gồm rà soát, số hóa hồ sơ.",
        "4. Xã vận hành bộ máy mới từ ngày 01/7/2025 theo quy định.",
    ) == [
        ("trước 30/9/2025", "by_date", None, "2025-09-30", None, None),
        ("trong tháng 9/2025", "period", "2025-09-01", "2025-09-30", None, None),
    ]


def test_a_month_of_every_year_is_one_recurring_deadline() -> None:
    """Deadlines, recurring: "vào tháng 12 hằng năm" says when the work is done each year (as "trước ngày 25
    hằng tháng" does); the month alone has no year and is no deadline of its own."""
    assert _deadlines("1. Ủy ban nhân dân xã tổ chức sơ kết việc chuyển đổi số vào tháng 12 hằng năm.") == [
        ("vào tháng 12 hằng năm", "recurring", None, None, "yearly", None),
    ]


def _targets(*body: str) -> list[tuple]:
    """(value, unit, comparator, by, aspirational) of the targets of a commune plan for 2026."""
    doc = _commune_plan(
        "Chuyển đổi số xã Hòa An năm 2026",
        *body,
    )
    return [(t.value, t.unit, t.comparator, t.by, t.aspirational) for t in extract_targets(doc)]


def test_a_task_items_own_time_line_gives_by_to_its_target() -> None:
    """Targets, `by`: "Thời gian hoàn thành: trước 30/6/2026" in the item gives its target a day; a target of
    another item without one takes the title's year."""
    assert _targets(
        "I. NHIỆM VỤ",
        "1. Làm sạch dữ liệu dân cư",
        "Công an xã hoàn thành làm sạch 100% dữ liệu dân cư trên địa bàn.",
        "Thời gian hoàn thành: trước 30/6/2026.",
        "2. Phát triển hạ tầng số",
        "Bảo đảm 100% thôn có sóng di động băng rộng.",
    ) == [(100, "%", "=", "2026-06-30", False), (100, "%", "=", "2026", False)]


def _title_by(title: str) -> str | None:
    doc = _commune_plan(title, "I. MỤC TIÊU", "- Bảo đảm 100% thôn có sóng di động băng rộng.")
    [target] = extract_targets(doc)
    return target.by


def test_the_titles_year_gives_by_wherever_it_stands_in_the_title() -> None:
    """Targets, `by`: the plan's own horizon in its title ("… năm 2026", a span of years) gives `by` where no
    nearer horizon does, also where the title runs on after the year; a cited document's date gives none."""
    assert _title_by("Chuyển đổi số năm 2026 trên địa bàn xã Hòa An") == "2026"
    assert _title_by("Tuyên truyền về chuyển đổi số năm 2026 - 2027 trên địa bàn xã") == "2027"
    assert _title_by("Tổ chức Chỉ thị số 09-CT/TU ngày 03 tháng 7 năm 2024 của Ban Thường vụ Huyện ủy") is None


def test_by_is_the_nearest_horizon_of_the_sentence_and_a_month_gives_its_last_day() -> None:
    """Targets, `by`: the horizon nearest the figure in its sentence ("…; năm 2027: 80% …" is 2027, not the
    sentence's first year); "Đến tháng 6/2026" gives the month's last day, as a quarter gives its own."""
    assert [t[3] for t in _targets(
        "I. MỤC TIÊU",
        "- Năm 2026: 60% thủ tục được giải quyết trực tuyến; năm 2027: 80% thủ tục được giải quyết trực tuyến.",
        "- Đến tháng 6/2026, 80% hộ gia đình có địa chỉ số.",
    )] == ["2026", "2027", "2026-06-30"]


def test_a_table_cell_without_a_unit_column_takes_the_words_after_its_number(tmp_path) -> None:
    """Targets, unit: the words right after the number that name the counted thing, in a table's value cell
    as in a sentence, where the table has no "Đơn vị tính" column (a .txt table, read as a table)."""
    path = tmp_path / "bang.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN\nXÃ HÒA AN\nSố: 45/KH-UBND\n\nHòa An, ngày 12 tháng 10 năm 2025\n\nKẾ HOẠCH\n"
        "Chuyển đổi số của xã\n\nI. MỤC TIÊU\n\n| TT | Nhiệm vụ | Chỉ tiêu đến năm 2028 |\n|---|---|---|\n"
        "| 1 | Số hóa sổ hộ tịch | 100% |\n| 2 | Bồi dưỡng kỹ năng số | 500 người |\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.tables
    assert [(t.value, t.unit, t.by) for t in extract_targets(doc)] == [(100, "%", "2028"), (500, "người", "2028")]


def test_a_range_of_two_dated_quarters_or_months_is_one_period() -> None:
    """Deadlines, period: "Quý IV/2025 - Quý I/2026" is one time, as "Quý II-IV/2026" is: from the first part's
    start to the second part's end."""
    assert _deadlines(
        "1. Công an xã lắp đặt camera giám sát trong thời gian Quý IV/2025 - Quý I/2026.",
        "2. Văn phòng xã thí điểm hồ sơ điện tử tại bộ phận một cửa, thời gian Tháng 12/2025 - tháng 3/2026.",
    ) == [
        ("Quý IV/2025 - Quý I/2026", "period", "2025-10-01", "2026-03-31", None, None),
        ("Tháng 12/2025 - tháng 3/2026", "period", "2025-12-01", "2026-03-31", None, None),
    ]


def test_an_issuer_named_up_to_its_province_keeps_its_whole_name_not_the_communes() -> None:
    """Citations, issuer: never a level the text does not state. A steering committee described up to its
    province ("… đổi mới sáng tạo và chuyển đổi số tỉnh") stays whole in a commune's plan, "số" of its
    name included; it is not the commune's own Ban Chỉ đạo."""
    doc = _document(
        "ỦY BAN NHÂN DÂN XÃ HÒA AN",
        "Số: 45/KH-UBND",
        "Hòa An, ngày 12 tháng 10 năm 2025",
        "KẾ HOẠCH",
        "Chuyển đổi số của xã",
        "Căn cứ Kế hoạch số 11-KH/BCĐ ngày 02/02/2025 của Ban Chỉ đạo phát triển khoa học, công nghệ, "
        "đổi mới sáng tạo và chuyển đổi số tỉnh;",
        "Ủy ban nhân dân xã ban hành Kế hoạch như sau:",
        "I. MỤC TIÊU",
    )
    [citation], _ = extract_citations(doc)
    assert citation.issuer == (
        "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh"
    )


def test_a_cadence_written_with_a_slash_is_recurring() -> None:
    """Deadlines, recurring: "6 tháng/lần" says how often the work recurs, as "định kỳ 6 tháng" does."""
    assert _deadlines("1. Ban Chỉ đạo xã kiểm tra việc cập nhật dữ liệu 6 tháng/lần.") == [
        ("6 tháng/lần", "recurring", None, None, "semiannual", None),
    ]


def test_the_titles_verb_does_not_carry_into_the_opening_paragraph_under_it() -> None:
    """Citations, relation: `implements` is what the title or opening sentence says the plan carries out. A
    title "Triển khai …" that names no document does not make the documents of the paragraph under it
    implemented: that paragraph, before the issuing sentence, lists them (`basis`), and a document named in
    the subject of one of them ("… thực hiện Nghị quyết số 57-NQ/TW") is `basis` too."""
    doc = _document(
        "ỦY BAN NHÂN DÂN TỈNH AN LẠC",
        "Số: 210/KH-UBND",
        "An Lạc, ngày 15 tháng 5 năm 2025",
        "KẾ HOẠCH",
        "Triển khai nhiệm vụ số hóa, cải cách hành chính của tỉnh An Lạc năm 2025",
        "Ngày 22/12/2024, Bộ Chính trị ra Nghị quyết số 57-NQ/TW nêu yêu cầu đột phá; Chính phủ có Nghị quyết "
        "số 03/NQ-CP ngày 09/01/2025 về các giải pháp để sớm thực hiện Nghị quyết số 57-NQ/TW. Để cụ thể hóa, "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Triển khai đồng bộ các nhiệm vụ tại Nghị quyết số 03/NQ-CP.",
    )
    citations, _ = extract_citations(doc)
    assert [(c.number, c.relation) for c in citations] == [
        ("57-NQ/TW", "basis"),
        ("03/NQ-CP", "basis"),
        ("57-NQ/TW", "basis"),
        ("03/NQ-CP", "mentions"),
    ]
