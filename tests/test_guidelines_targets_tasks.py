"""Targets' and tasks' fields as gold-guidelines.md decides them, in several issuers' layouts.

Each test builds a short plan of its own words (a ministry's, a province's, a commune Party committee's)
through the real path (normalize, structure, extract) and checks one field the guidelines decide: a
target's `by` from the nearest horizon, a task's `lead` and `group`.
"""

from __future__ import annotations

from pathlib import Path

from extractors.bodies import extract_bodies
from extractors.citations import extract_citations
from extractors.deadlines import extract_deadlines
from extractors.targets import extract_targets
from extractors.tasks import extract_tasks
from pipeline.models import Task
from pipeline.process import load_document
from pipeline.raw import RawBlock, RawDocument
from pipeline.structure import build_document

MINISTRY_HEAD = (
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
    "Số: 71/KH-BNNMT",
    "Hà Nội, ngày 09 tháng 02 năm 2026",
    "KẾ HOẠCH",
    "Số hóa quản lý vùng trồng của ngành",
    "Bộ Nông nghiệp và Môi trường ban hành Kế hoạch như sau:",
)

PROVINCE_HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH BÌNH LỘC",
    "Số: 318/KH-UBND",
    "Bình Lộc, ngày 20 tháng 01 năm 2026",
    "KẾ HOẠCH",
    "Phát triển chính quyền số tỉnh Bình Lộc giai đoạn 2026 - 2030",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
)

COMMUNE_HEAD = (
    "ĐẢNG ỦY XÃ PHÚ THỌ",
    "Số: 21-KH/ĐU",
    "Phú Thọ, ngày 06 tháng 01 năm 2026",
    "KẾ HOẠCH",
    "Chuyển đổi số trong hoạt động của Đảng bộ xã năm 2026",
    "Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch như sau:",
)


def _document(*lines: str):
    """A plan of one block per line, as a .txt gives it."""
    raw = RawDocument(path="fields.txt", format="txt", blocks=[RawBlock(text=line) for line in lines])
    return build_document(raw, "fields")


def _by(*lines: str) -> list[tuple[float, str | None]]:
    return [(t.value, t.by) for t in extract_targets(_document(*lines))]


def _tasks(*lines: str, path: Path | None = None) -> list[Task]:
    """The tasks of a plan of these lines; with `path`, written to a .txt and read by the real ingest (which
    reads a Markdown table's rows as cells)."""
    if path is None:
        doc = _document(*lines)
    else:
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        doc = load_document(path)
    bodies = extract_bodies(doc, extract_citations(doc)[0])
    deadlines, _ = extract_deadlines(doc)
    return extract_tasks(doc, bodies, deadlines)


def test_the_heading_a_target_stands_under_is_nearer_than_a_closing_time_section() -> None:
    """`by`: "taken from the sentence, else from the nearest heading or lead-in it stands under". A plan's
    closing "III. THỜI GIAN THỰC HIỆN: Từ năm 2026 đến năm 2028" is another section's time, not nearer than
    "1. Mục tiêu đến năm 2030" over the target; a target under no horizon of its own still takes it (the
    time line of its item, round 3)."""
    assert _by(
        *MINISTRY_HEAD,
        "I. MỤC TIÊU",
        "1. Mục tiêu đến năm 2030",
        "- Có ít nhất 40 vùng trồng được cấp mã số và quản lý trên bản đồ số.",
        "2. Chỉ tiêu năm 2026",
        "- Cấp mã số cho 12 vùng trồng chủ lực của các tỉnh phía Bắc.",
        "II. NHIỆM VỤ",
        "- Xây dựng cơ sở dữ liệu vùng trồng dùng chung.",
        "III. THỜI GIAN THỰC HIỆN: Từ năm 2026 đến năm 2028.",
    ) == [(40, "2030"), (12, "2026")]
    assert _by(
        *PROVINCE_HEAD,
        "II. MỤC TIÊU CỤ THỂ ĐẾN HẾT NĂM 2027",
        "Bảo đảm 95% hồ sơ thủ tục hành chính của tỉnh được số hóa.",
        "V. THỜI GIAN THỰC HIỆN: Quý I/2026 đến quý IV/2026.",
    ) == [(95, "2027-12-31")]


def test_an_items_time_line_still_gives_by_where_no_heading_gives_one() -> None:
    """`by`: round 3, a target whose sentence gives no date takes its item's "Thời gian thực hiện" line; the
    item's parts stand as sibling headings."""
    assert _by(
        *COMMUNE_HEAD,
        "I. NHIỆM VỤ",
        "1. Sổ tay đảng viên điện tử",
        "1.1. Nội dung",
        "Vận động 90% đảng viên của các chi bộ cài đặt sổ tay đảng viên.",
        "1.2. Thời gian thực hiện: Quý II/2026",
    ) == [(90, "2026-06-30")]


def test_a_numbered_task_is_grouped_by_the_heading_it_stands_under() -> None:
    """`group`: "the heading of the numbered task". Numbered items that state their own time take the
    heading they stand under, whether their time is on a line of its own or in their sentence; a heading
    that carries its own duty after a colon ("2. Ủy ban nhân dân xã: …") is a task, not its group."""
    tasks = _tasks(
        *COMMUNE_HEAD,
        "III. CÁC NHIỆM VỤ TRỌNG TÂM",
        "1. Bồi dưỡng kỹ năng số cho bí thư các chi bộ trực thuộc.",
        "Thời gian hoàn thành: Quý II/2026.",
        "2. Ủy ban Kiểm tra Đảng ủy giám sát việc dùng sổ tay đảng viên ở các chi bộ, hoàn thành trong quý IV/2026.",
        "3. Ủy ban nhân dân xã: chủ trì lắp mạng không dây ở nhà văn hóa các thôn, hoàn thành trong quý III/2026.",
    )
    assert [(t.quote[:20], t.group) for t in tasks] == [
        ("Bồi dưỡng kỹ năng số", "CÁC NHIỆM VỤ TRỌNG TÂM"),
        ("Ủy ban Kiểm tra Đảng", "CÁC NHIỆM VỤ TRỌNG TÂM"),
        ("Ủy ban nhân dân xã: ", None),
    ]


def test_an_items_labelled_lines_give_its_lead_and_support_as_a_tables_columns_do() -> None:
    """`lead`, `support`: "Cơ quan chủ trì: X" / "Cơ quan phối hợp: Y" under a numbered item are the item's lead
    and support cells; bullets that open with a label ("- Đơn vị thực hiện: …", "- Thời gian hoàn thành: …")
    are the item's own lines too; "Cơ quan thực hiện: X" is `lead` where no chủ trì label stands and `support`
    where one does (gold-guidelines, decisions)."""
    tasks = _tasks(
        *PROVINCE_HEAD,
        "III. NHIỆM VỤ CỤ THỂ",
        "1. Xây dựng bản đồ số các khu công nghiệp của tỉnh.",
        "- Đơn vị thực hiện: Sở Công Thương.",
        "- Thời gian hoàn thành: Quý III/2026.",
        "2. Vận hành kho dữ liệu dùng chung của tỉnh.",
        "Cơ quan chủ trì: Sở Khoa học và Công nghệ.",
        "Cơ quan thực hiện: Trung tâm Công nghệ thông tin và Truyền thông.",
        "Cơ quan phối hợp: Sở Tài chính, Sở Nội vụ.",
        "Thời gian hoàn thành: Tháng 11/2026.",
    )
    assert [(t.quote, t.lead, t.support) for t in tasks] == [
        ("Xây dựng bản đồ số các khu công nghiệp của tỉnh.", ["Sở Công Thương"], []),
        (
            "Vận hành kho dữ liệu dùng chung của tỉnh.",
            ["Sở Khoa học và Công nghệ"],
            ["Trung tâm Công nghệ thông tin và Truyền thông", "Sở Tài chính", "Sở Nội vụ"],
        ),
    ]
    assert [t.deadline[0].end for t in tasks] == ["2026-09-30", "2026-11-30"]


def test_labels_inside_an_items_parenthesis_and_under_a_numbered_heading_give_its_roles() -> None:
    """`lead`, `support`: labels inside a numbered item ("(Chủ trì: X; phối hợp: Y; thời gian: …)") and the
    labelled lines of a numbered heading's task ("2.1. …" / "Đơn vị chủ trì: …" / "Thời gian hoàn thành: …")
    are read as a table row's lead and support cells."""
    tasks = _tasks(
        *MINISTRY_HEAD,
        "II. NHIỆM VỤ",
        "1. Chuẩn hóa danh mục dữ liệu vùng trồng (Chủ trì: Cục Trồng trọt; phối hợp: Vụ Pháp chế; thời gian: "
        "quý II/2026).",
        "2. Các nhiệm vụ về hạ tầng",
        "2.1. Nâng cấp trung tâm dữ liệu của Bộ",
        "Bảo đảm máy chủ đủ sức chứa dữ liệu của các vùng trồng.",
        "Đơn vị chủ trì: Trung tâm Tin học và Thống kê.",
        "Đơn vị phối hợp: Vụ Kế hoạch - Tài chính.",
        "Thời gian hoàn thành: Quý IV/2026.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        (["Cục Trồng trọt"], ["Vụ Pháp chế"]),
        (["Trung tâm Tin học và Thống kê"], ["Vụ Kế hoạch - Tài chính"]),
    ]


def test_an_assignment_tables_lead_and_time_columns_named_in_other_words(tmp_path: Path) -> None:
    """`lead`, `deadline`: a table's lead column may be headed "Trách nhiệm thực hiện" or "Đơn vị được giao",
    its time column "Thời điểm hoàn thành"; they are the chủ trì and time columns of the guidelines' tables."""
    tasks = _tasks(
        *PROVINCE_HEAD,
        "PHỤ LỤC",
        "| STT | Nội dung công việc | Trách nhiệm thực hiện | Thời điểm hoàn thành |",
        "| 1 | Cấp chữ ký số cho công chức cấp xã | Sở Nội vụ | Quý II/2026 |",
        "| 2 | Kết nối phần mềm một cửa với cổng dịch vụ công | Sở Khoa học và Công nghệ | Tháng 9/2026 |",
        path=tmp_path / "plan.txt",
    )
    assert [(t.quote, t.lead, [s.end for s in t.deadline]) for t in tasks] == [
        ("Cấp chữ ký số cho công chức cấp xã", ["Sở Nội vụ"], ["2026-06-30"]),
        ("Kết nối phần mềm một cửa với cổng dịch vụ công", ["Sở Khoa học và Công nghệ"], ["2026-09-30"]),
    ]


def test_a_short_target_line_of_another_section_gives_no_by() -> None:
    """`by`: a short line with a target word and a year ("3. Chỉ tiêu năm 2026", heading a table of figures)
    heads its own section only; a target in the next section ("II. NHIỆM VỤ") with no horizon of its own
    takes the plan's own from its title, not that year (guidelines: the nearest heading it stands under)."""
    assert _by(
        *COMMUNE_HEAD[:4],
        "Chương trình chuyển đổi số của xã giai đoạn 2026 - 2030",
        COMMUNE_HEAD[5],
        "I. MỤC TIÊU",
        "1. Chỉ tiêu năm 2026",
        "Mở 02 lớp bồi dưỡng kỹ năng số cho đảng viên cao tuổi.",
        "II. NHIỆM VỤ",
        "Mỗi quý, tổ chức tập huấn cho 100% bí thư chi bộ về sổ tay đảng viên.",
    ) == [(2, "2026"), (100, "2030")]


def test_items_that_lost_their_dashes_still_stand_under_their_lead_in() -> None:
    """`by`, `aspirational`: "else from the nearest heading or lead-in it stands under". A conversion that lost
    the items' dashes leaves one-sentence paragraphs under "Phấn đấu đến hết năm 2027, đạt các chỉ tiêu sau:";
    each takes the lead-in's horizon and its "phấn đấu" (a lead-in that announces its list, round 3), not
    only the first. A later lead-in ("Đến năm 2030:") takes over."""
    found = [
        (t.value, t.by, t.aspirational)
        for t in extract_targets(
            _document(
                *PROVINCE_HEAD,
                "II. MỤC TIÊU CỤ THỂ",
                "Phấn đấu đến hết năm 2027, đạt các chỉ tiêu sau:",
                "85% doanh nghiệp nhỏ và vừa dùng hóa đơn điện tử.",
                "Ít nhất 60% chợ truyền thống có điểm thanh toán không dùng tiền mặt.",
                "Đến năm 2030:",
                "Toàn bộ 100% trạm y tế xã có bệnh án điện tử.",
            )
        )
    ]
    assert found == [(85, "2027-12-31", True), (60, "2027-12-31", True), (100, "2030", False)]


def test_a_unit_of_measure_after_the_figure_is_not_what_is_measured() -> None:
    """`indicator`: "what is measured, in the document's words". Where the words after the figure are only
    its unit of money or time ("… 1.500.000 đồng/người/năm", "… tối đa 5 ngày"), what is measured is
    named before the figure; a counted thing after it ("05 mô hình …") still is the indicator's core."""
    doc = _document(
        *PROVINCE_HEAD,
        "II. MỨC HỖ TRỢ",
        "1. Mức hỗ trợ học nghề cho lao động nông thôn 1.500.000 đồng/người/năm.",
        "2. Tiền ăn cho học viên ở xa tối đa 120.000 đồng/người/ngày.",
        "3. Thu nhập bình quân của lao động sau học nghề đạt 6 triệu đồng/tháng.",
        "4. Xây dựng 05 mô hình nông nghiệp số ở các huyện miền núi.",
    )
    assert [t.indicator for t in extract_targets(doc)] == [
        "Mức hỗ trợ học nghề cho lao động nông thôn",
        "Tiền ăn cho học viên ở xa",
        "Thu nhập bình quân của lao động sau học nghề",
        "mô hình nông nghiệp số ở các huyện miền núi được xây dựng",
    ]


def test_bodies_written_as_one_subject_all_lead_the_item() -> None:
    """`lead`: "list of canonical body names". Bodies written as one subject of the item ("Giao Văn phòng Đảng
    ủy, Ban Xây dựng Đảng tham mưu …", "Công an xã và Đoàn Thanh niên chủ trì …") all lead it; the body they
    advise ("tham mưu Ban Thường vụ Đảng ủy …") is no doer of the item."""
    tasks = _tasks(
        *COMMUNE_HEAD,
        "I. NHIỆM VỤ",
        "1. Giao Văn phòng Đảng ủy, Ban Xây dựng Đảng tham mưu Ban Thường vụ Đảng ủy sơ kết việc dùng sổ tay đảng "
        "viên, hoàn thành trong tháng 7/2026.",
        "2. Công an xã và Đoàn Thanh niên chủ trì hướng dẫn người dân cài ứng dụng định danh, hoàn thành trong "
        "quý II/2026.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        (["Văn phòng Đảng ủy", "Ban Xây dựng Đảng"], []),
        (["Công an xã", "Đoàn Thanh niên"], []),
    ]


def test_a_tables_figures_take_the_lead_in_above_it_and_else_the_titles_horizon(tmp_path: Path) -> None:
    """`by`, `aspirational`: a table's value column with no year of its own ("Mục tiêu", "Giá trị") takes the
    nearest horizon above it: the lead-in right before the table ("Phấn đấu đến năm 2028, đạt các chỉ tiêu
    sau:", with its "phấn đấu"), else its headings', else the plan's own from its title ("… năm 2026")."""
    lines = (
        "ỦY BAN NHÂN DÂN XÃ PHƯỚC AN",
        "Số: 09/KH-UBND",
        "Phước An, ngày 20 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Phát triển thanh toán số xã Phước An năm 2026",
        "Ủy ban nhân dân xã ban hành Kế hoạch như sau:",
        "I. CHỈ TIÊU CỤ THỂ",
        "| STT | Chỉ tiêu | Đơn vị tính | Mục tiêu |\n|---|---|---|---|\n| 1 | Tỷ lệ chợ có mã QR | % | 80 |",
        "II. CHỈ TIÊU CÁC NĂM SAU",
        "Phấn đấu đến năm 2028, đạt các chỉ tiêu sau:",
        "| STT | Chỉ tiêu | Đơn vị tính | Giá trị |\n|---|---|---|---|\n| 1 | Tỷ lệ hộ dùng ví điện tử | % | 65 |",
    )
    path = tmp_path / "plan.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    found = [(t.value, t.by, t.aspirational) for t in extract_targets(load_document(path))]
    assert found == [(80, "2026", False), (65, "2028", True)]


def test_a_tables_group_rows_lettered_or_unnumbered_name_the_group(tmp_path: Path) -> None:
    """`group`: "its group name where the table has one". A row that fills only its content and is numbered
    with a capital letter ("A | CÔNG TÁC LÃNH ĐẠO") or not at all names the group of the rows under it, as a
    Roman-numbered one does; it is no task of its own."""
    lines = (
        *COMMUNE_HEAD,
        "PHỤ LỤC NHIỆM VỤ",
        "| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        "|---|---|---|---|---|\n"
        "| A | CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO | | | |\n"
        "| 1 | Ban hành quy chế dùng sổ tay đảng viên | Văn phòng Đảng ủy | Ban Xây dựng Đảng | Quý I/2026 |\n"
        "| | Sinh hoạt chi bộ | | | |\n"
        "| 2 | Đưa nội dung số vào sinh hoạt chi bộ | Các chi bộ trực thuộc | | Quý II/2026 |",
    )
    tasks = _tasks(*lines, path=tmp_path / "plan.txt")
    assert [(t.quote, t.group) for t in tasks] == [
        ("Ban hành quy chế dùng sổ tay đảng viên", "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO"),
        ("Đưa nội dung số vào sinh hoạt chi bộ", "Sinh hoạt chi bộ"),
    ]
