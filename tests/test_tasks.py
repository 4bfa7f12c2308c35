"""Tasks: assignment-table rows and numbered tasks that state their own completion time.

Small plans of our own are written to .txt files and read through the real ingest and structure
steps; bodies and deadlines come from their own extractors, as in a run. The last test runs the real
corpus in every format against the hand-labelled gold set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_builders import plan

from extractors.bodies import extract_bodies
from extractors.citations import extract_citations
from extractors.deadlines import extract_deadlines, parse_time_expressions
from extractors.tasks import extract_tasks
from pipeline.document import Document
from pipeline.models import PlanResult, Task
from pipeline.process import load_document
from pipeline.scoring import load_gold, load_texts, score

ROOT = Path(__file__).resolve().parent.parent


def tasks_of(document: Document, with_bodies: bool = True) -> list[Task]:
    bodies = extract_bodies(document, extract_citations(document)[0]) if with_bodies else []
    deadlines, _ = extract_deadlines(document)
    return extract_tasks(document, bodies, deadlines)


def specs(text: str) -> list[dict]:
    return [s.model_dump() for s in parse_time_expressions(text)]


def dumped(task: Task) -> dict:
    return {
        "quote": task.quote,
        "group": task.group,
        "lead": task.lead,
        "support": task.support,
        "output": task.output,
        "deadline": [s.model_dump() for s in task.deadline],
    }


ASSIGNMENT = (
    "I. MỤC TIÊU ĐẾN NĂM 2030\n\n"
    "II. PHÂN CÔNG NHIỆM VỤ\n\n"
    "| TT | Nhóm nhiệm vụ | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm đầu ra "
    "| Thời gian hoàn thành |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 1 | Lãnh đạo, chỉ đạo | Kiện toàn Ban Chỉ đạo, Tổ giúp việc | Văn phòng Đảng ủy "
    "| UBND xã, UBKT Đảng ủy | Quyết định kiện toàn | Quý I/2026 và thường xuyên |\n"
    "| 2 |  | Xây dựng kế hoạch hành động | UBND xã | MTTQ và các tổ chức CT-XH, các cơ quan liên quan "
    "| Kế hoạch | Hằng năm |\n"
    "| 3 | Dữ liệu số | Cập nhật dữ liệu dân cư | Công an xã |  | Dữ liệu được cập nhật | Trước ngày 20-12-2025 |\n"
)


def test_assignment_table_rows_are_tasks(tmp_path: Path) -> None:
    """Each row: content → quote, group cell (carried down a merged cell), lead and support cells
    → canonical names (generic phrases left out), output cell, time cell → its own deadlines only
    (not the heading's horizon "đến năm 2030")."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, ASSIGNMENT))]
    assert found == [
        {
            "quote": "Kiện toàn Ban Chỉ đạo, Tổ giúp việc",
            "group": "Lãnh đạo, chỉ đạo",
            "lead": ["Văn phòng Đảng ủy"],
            "support": ["Ủy ban nhân dân xã", "Ủy ban Kiểm tra Đảng ủy"],
            "output": "Quyết định kiện toàn",
            "deadline": specs("Quý I/2026 và thường xuyên"),
        },
        {
            "quote": "Xây dựng kế hoạch hành động",
            "group": "Lãnh đạo, chỉ đạo",
            "lead": ["Ủy ban nhân dân xã"],
            "support": ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Các tổ chức chính trị - xã hội xã"],
            "output": "Kế hoạch",
            "deadline": specs("Hằng năm"),
        },
        {
            "quote": "Cập nhật dữ liệu dân cư",
            "group": "Dữ liệu số",
            "lead": ["Công an xã"],
            "support": [],
            "output": "Dữ liệu được cập nhật",
            "deadline": specs("Trước ngày 20-12-2025"),
        },
    ]
    assert found[0]["deadline"] and found[0]["deadline"][0]["kind"] == "period"


def test_table_tasks_keep_their_bodies_without_body_records(tmp_path: Path) -> None:
    """A caller that passes no body records still gets the names the lead and support cells list."""
    found = tasks_of(plan(tmp_path, ASSIGNMENT), with_bodies=False)
    assert (found[0].lead, found[0].support) == (
        ["Văn phòng Đảng ủy"],
        ["Ủy ban nhân dân xã", "Ủy ban Kiểm tra Đảng ủy"],
    )


CRITERIA = (
    "I. BỘ TIÊU CHÍ ĐÁNH GIÁ\n\n"
    "| STT | Nhóm tiêu chí | Nội dung phản ánh | Chỉ số đo lường | Chu kỳ đánh giá | Cơ quan tổng hợp |\n"
    "|---|---|---|---|---|---|\n"
    "| 1 | Lãnh đạo | Chi bộ lãnh đạo nhiệm vụ | Số chi bộ có nghị quyết | Hằng quý | UBND xã |\n"
)


def test_a_criteria_table_gives_no_task(tmp_path: Path) -> None:
    assert tasks_of(plan(tmp_path, CRITERIA)) == []


NUMBERED = """I. NHIỆM VỤ, GIẢI PHÁP

1. Phát triển dữ liệu số

Ủy ban nhân dân xã chủ trì, phối hợp với Hội Nông dân xã và các doanh nghiệp viễn thông rà soát vùng lõm sóng; \
xây dựng cơ sở dữ liệu đất đai. Công an xã làm sạch dữ liệu dân cư.

Thời gian hoàn thành: Quý IV/2025; duy trì thường xuyên.

2. Chuyển đổi số trong hoạt động của Đảng ủy

Văn phòng Đảng ủy triển khai ký số; hướng dẫn các chi bộ trực thuộc cập nhật dữ liệu đảng viên.

Sản phẩm: Hệ thống ký số được vận hành.

Thời gian: Năm 2026.

3. Tuyên truyền

Ban Xây dựng Đảng chủ trì tuyên truyền Kế hoạch này.

4. Chế độ báo cáo

Văn phòng Đảng ủy tổng hợp, báo cáo Ban Thường vụ Đảng ủy.

Thời gian: trước ngày 25 hằng tháng.
"""


def test_numbered_tasks_with_their_own_time(tmp_path: Path) -> None:
    """A numbered item is a task only where its own text states its time ("Thời gian hoàn thành:");
    the quote is its first sentence, the group its heading; the lead are the bodies doing the work
    (every subject, not a body only guided to help), support those that phối hợp; businesses are not
    bodies. An item without a time line (3.) and the reporting regime (4.) give no task."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, NUMBERED))]
    assert found == [
        {
            "quote": (
                "Ủy ban nhân dân xã chủ trì, phối hợp với Hội Nông dân xã và các doanh nghiệp viễn thông "
                "rà soát vùng lõm sóng; xây dựng cơ sở dữ liệu đất đai"
            ),
            "group": "Phát triển dữ liệu số",
            "lead": ["Ủy ban nhân dân xã", "Công an xã"],
            "support": ["Hội Nông dân xã"],
            "output": None,
            "deadline": specs("Quý IV/2025; duy trì thường xuyên."),
        },
        {
            "quote": "Văn phòng Đảng ủy triển khai ký số; hướng dẫn các chi bộ trực thuộc cập nhật dữ liệu đảng viên",
            "group": "Chuyển đổi số trong hoạt động của Đảng ủy",
            "lead": ["Văn phòng Đảng ủy"],
            "support": [],
            "output": "Hệ thống ký số được vận hành",
            "deadline": specs("Năm 2026."),
        },
    ]
    assert [d["kind"] for d in found[0]["deadline"]] == ["period", "ongoing"]


INLINE = """I. NHIỆM VỤ, GIẢI PHÁP

1. Số hóa hồ sơ

Trung tâm Phục vụ Hành chính công xã chủ trì số hóa hồ sơ còn hiệu lực; Công an xã phối hợp; \
thời hạn hoàn thành: Quý II/2026.
"""


def test_a_time_label_inside_the_paragraph(tmp_path: Path) -> None:
    """ "…; thời hạn hoàn thành: Quý II/2026." gives the task its time; the quote stops before it."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, INLINE))]
    assert found == [
        {
            "quote": "Trung tâm Phục vụ Hành chính công xã chủ trì số hóa hồ sơ còn hiệu lực; Công an xã phối hợp",
            "group": "Số hóa hồ sơ",
            "lead": ["Trung tâm Phục vụ Hành chính công xã"],
            "support": ["Công an xã"],
            "output": None,
            "deadline": specs("Quý II/2026"),
        }
    ]


ITEMS = """I. NỘI DUNG KIỂM TRA

1. Kiểm tra việc số hóa hồ sơ đất đai trên địa bàn xã. (Giao Công an xã chủ trì, phối hợp với Văn phòng \
Đảng ủy, tham mưu trong quý II/2026).

2. Kiểm tra việc cập nhật dữ liệu dân cư tại các thôn (Giao Ủy ban nhân dân xã chủ trì, tham mưu trong \
quý IV/2026).

3. Giao Văn phòng Đảng ủy chủ trì xây dựng quy chế quản lý dữ liệu; trình Ban Thường vụ Đảng ủy trước \
ngày 15/9/2026.

4. Văn phòng Đảng ủy định kỳ 6 tháng tổng hợp, báo cáo Ban Thường vụ Đảng ủy.

5. Tổ chức hội nghị sơ kết việc thực hiện Kế hoạch. Thời gian dự kiến trong tháng 11/2026.

6. Ủy ban nhân dân xã tiếp tục rà soát hạ tầng mạng.
"""


def test_numbered_items_that_assign_their_work_with_a_time(tmp_path: Path) -> None:
    """A numbered item is a task where its doer is named with a time of its own: in a parenthesis that
    assigns it (1., 2.: the quote stops before it), or in the sentence that opens it (3.); or where it
    carries a time label without a colon (5.: the quote stops before the label). A recurring report (4.)
    and an item with no time (6.) are not tasks."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, ITEMS))]
    assert [" ".join(t["quote"].split()[:4]) for t in found] == [
        "Kiểm tra việc số",
        "Kiểm tra việc cập",
        "Giao Văn phòng Đảng",
        "Tổ chức hội nghị",
    ]
    assert [(t["lead"], t["support"]) for t in found] == [
        (["Công an xã"], ["Văn phòng Đảng ủy"]),
        (["Ủy ban nhân dân xã"], []),
        (["Văn phòng Đảng ủy"], []),
        ([], []),
    ]
    assert found[0]["quote"].endswith("trên địa bàn xã.")
    assert found[1]["quote"].endswith("tại các thôn")
    assert found[3]["quote"].endswith("thực hiện Kế hoạch.")
    assert [t["deadline"] for t in found] == [
        specs("quý II/2026"),
        specs("quý IV/2026"),
        specs("trước ngày 15/9/2026"),
        specs("trong tháng 11/2026"),
    ]


def test_a_time_in_an_item_belongs_to_the_item_not_its_heading(tmp_path: Path) -> None:
    """The heading above numbered items is not a task because one of its items has a time line: every task
    is an item, grouped by that heading (gold-guidelines: `group` is the heading of the numbered task)."""
    found = tasks_of(plan(tmp_path, ITEMS))
    assert len(found) == 4 and not any(t.quote.startswith("NỘI DUNG KIỂM TRA") for t in found)
    assert all(t.group == "NỘI DUNG KIỂM TRA" for t in found)


def test_an_item_that_is_only_its_time_is_no_task(tmp_path: Path) -> None:
    body = "I. NHIỆM VỤ\n\n1. Thời gian: quý II/2026.\n\n2. Địa điểm: hội trường Ủy ban nhân dân xã.\n"
    assert tasks_of(plan(tmp_path, body)) == []


def test_an_item_timed_only_from_a_start_is_no_task(tmp_path: Path) -> None:
    """ "từ tháng 6/2026" opens a period with no end: it says when work begins, not when it is done, so
    the item with a doer and that time alone is not a task; the same item dated by an end is one."""
    open_ended = "I. NHIỆM VỤ\n\n1. Công an xã rà soát hộ khẩu trên địa bàn từ tháng 6/2026.\n"
    bounded = "I. NHIỆM VỤ\n\n1. Công an xã rà soát hộ khẩu trên địa bàn trong tháng 6/2026.\n"
    assert tasks_of(plan(tmp_path, open_ended)) == []
    assert [t.lead for t in tasks_of(plan(tmp_path, bounded))] == [["Công an xã"]]


def test_a_sentence_that_opens_with_a_time_word_is_no_time_label(tmp_path: Path) -> None:
    """ "Thời gian qua, …" opens a sentence with the label's words but states no time."""
    body = "I. NHIỆM VỤ\n\n1. Rà soát hồ sơ. Thời gian qua, việc số hóa còn chậm.\n"
    assert tasks_of(plan(tmp_path, body)) == []


def test_a_label_whose_time_does_not_follow_it_is_no_time_label(tmp_path: Path) -> None:
    """A numbered rule that opens with the label's words ("Thời gian nghỉ dưỡng …") and states a length
    later in its sentence gives no task: a label's time follows it at once ("Thời gian dự kiến trong …")."""
    body = (
        "I. CHẾ ĐỘ NGHỈ DƯỠNG\n\n1. Nghỉ dưỡng tập trung:\n\n"
        "1.1. Thời gian nghỉ dưỡng của mỗi đợt ít nhất là 4 ngày, nhiều nhất là 8 ngày.\n"
    )
    assert tasks_of(plan(tmp_path, body)) == []
    timed = "I. NHIỆM VỤ\n\n1. Rà soát hồ sơ đảng viên. Thời gian dự kiến trong tháng 10/2026.\n"
    assert [t.deadline for t in tasks_of(plan(tmp_path, timed))] == [parse_time_expressions("tháng 10/2026")]


def test_no_table_and_no_time_line_give_no_task(tmp_path: Path) -> None:
    body = (
        "I. TỔ CHỨC THỰC HIỆN\n\n1. Ủy ban nhân dân xã\n\nTriển khai thực hiện Kế hoạch này; thường xuyên kiểm tra.\n"
    )
    assert tasks_of(plan(tmp_path, body)) == []


def test_tasks_carry_evidence_in_document_order(tmp_path: Path) -> None:
    document = plan(tmp_path, ASSIGNMENT + "\n" + NUMBERED)
    found = tasks_of(document)
    assert len(found) == 5
    assert [t.span for t in found] == sorted(t.span for t in found)
    for t in found:
        assert document.text[t.span[0] : t.span[1]] == t.quote
        assert t.section and t.prefix


GOLD = load_gold(ROOT / "gold") if any((ROOT / "gold").glob("*.json")) else {}


@pytest.mark.skipif(not GOLD, reason="no gold files")
@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_gold_tasks(fmt: str) -> None:
    """Detection F1 ≥ 0.95 and exact F1 ≥ 0.85 (issue 6) on the gold set, in every format."""
    predictions = []
    for doc_id in sorted(GOLD):
        document = load_document(ROOT / "corpus" / "plans" / f"{doc_id}.{fmt}")
        predictions.append(
            PlanResult(doc_id=doc_id, format=fmt, content_hash="-", pipeline_version="-", tasks=tasks_of(document))
        )
    report = score(GOLD, predictions, load_texts(GOLD, ROOT / "gold"), formats=[fmt]).to_dict()
    tasks = report["overall"]["tasks"]
    assert tasks["detection"]["f1"] >= 0.95, tasks
    assert tasks["exact"]["f1"] >= 0.85, tasks


IN_PARTS = """A. MỤC ĐÍCH

Nắm chắc hiện trạng dữ liệu.

B. NHIỆM VỤ

I. SỐ HÓA SỔ SÁCH ĐẢNG VIÊN

1. Nội dung

Số hóa sổ đảng viên và hồ sơ chi bộ.

2. Cơ quan chủ trì, phối hợp

a) Cơ quan chủ trì

- Văn phòng Đảng ủy.

b) Cơ quan phối hợp

- Công an xã.

3. Thời gian thực hiện: Quý III/2026.
"""


def test_a_section_in_labelled_parts_is_one_task(tmp_path: Path) -> None:
    """A section laid out in parts (content, "Cơ quan chủ trì, phối hợp" with a) and b), "Thời gian thực
    hiện: …") is one task quoted by its heading; its group is the heading above; the parts' labels give
    the roles of the bodies under them."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, IN_PARTS))]
    assert found == [
        {
            "quote": "SỐ HÓA SỔ SÁCH ĐẢNG VIÊN",
            "group": "NHIỆM VỤ",
            "lead": ["Văn phòng Đảng ủy"],
            "support": ["Công an xã"],
            "output": None,
            "deadline": specs("Quý III/2026."),
        }
    ]


DUTIES = """I. NHIỆM VỤ VÀ GIẢI PHÁP

1. Nhiệm vụ

a) Hoàn thành số hóa sổ hộ tịch của xã trong năm 2026.

b) Duy trì trang thông tin điện tử của xã.
"""


def test_a_duty_item_with_its_own_time_is_a_task_without_a_body(tmp_path: Path) -> None:
    """Under "1. Nhiệm vụ", a lettered item that states when it is done is a task though it names no body;
    one without a time is not."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, DUTIES))]
    assert [(t["quote"], t["lead"], t["group"]) for t in found] == [
        ("Hoàn thành số hóa sổ hộ tịch của xã trong năm 2026.", [], "Nhiệm vụ")
    ]


GROUPED = (
    "Điều 1. Giao danh mục công trình và vốn năm 2027 cho các đơn vị tại Phụ lục kèm theo.\n\n"
    "Điều 2. Giám đốc Sở Y tế, Chủ tịch UBND huyện Đông Sơn chịu trách nhiệm thi hành Quyết định này.\n\n"
    "PHỤ LỤC\n\n"
    "| STT | Danh mục công trình/ Đơn vị, địa phương thực hiện | Vốn năm 2027 | Ghi chú |\n"
    "|---|---|---|---|\n"
    "|  | TỔNG CỘNG | 9.000 |  |\n"
    "| I | SỞ Y TẾ | 4.000 |  |\n"
    "| 1 | Bệnh viện đa khoa khu vực: cải tạo khoa cấp cứu | 4.000 |  |\n"
    "| II | HUYỆN ĐÔNG SƠN | 5.000 |  |\n"
    "| 1 | Xây mới Trạm y tế xã Hòa Lạc | 3.000 |  |\n"
    "| 2 | Sửa chữa nhà lớp học Trường Mầm non Đông Sơn | 2.000 |  |\n"
)


def test_group_rows_of_a_joined_column_name_the_doers(tmp_path: Path) -> None:
    """A column headed "Danh mục …/ Đơn vị … thực hiện": each numbered row is a task led by the unit its
    Roman-numbered group row names, written in capitals ("SỞ Y TẾ" → "Sở Y tế" as Điều 2 spells it, a place
    kept under its level word); the total row and the group rows are no tasks."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, GROUPED))]
    assert [(t["quote"], t["group"], t["lead"], t["deadline"]) for t in found] == [
        ("Bệnh viện đa khoa khu vực: cải tạo khoa cấp cứu", "SỞ Y TẾ", ["Sở Y tế"], []),
        ("Xây mới Trạm y tế xã Hòa Lạc", "HUYỆN ĐÔNG SƠN", ["Huyện Đông Sơn"], []),
        ("Sửa chữa nhà lớp học Trường Mầm non Đông Sơn", "HUYỆN ĐÔNG SƠN", ["Huyện Đông Sơn"], []),
    ]


def test_a_column_that_names_no_doers_gives_no_grouped_task(tmp_path: Path) -> None:
    """Without the doers' half of the header ("Danh mục công trình" alone) the group rows are only a
    classification: no task."""
    text = GROUPED.replace("Danh mục công trình/ Đơn vị, địa phương thực hiện", "Danh mục công trình")
    assert tasks_of(plan(tmp_path, text)) == []


BY_BODY = (
    "II. PHÂN CÔNG NHIỆM VỤ\n\n"
    "| TT | Nội dung công việc | Đơn vị chủ trì | Thời gian hoàn thành |\n"
    "|---|---|---|---|\n"
    "| I | Văn phòng Đảng ủy |  |  |\n"
    "| 1 | Số hóa hồ sơ đảng viên của các chi bộ |  | Quý III/2026 |\n"
    "| 2 | Lập danh mục tài liệu lưu trữ điện tử | Công an xã | Tháng 12/2026 |\n"
    "| II | Các nhiệm vụ do Công an xã hướng dẫn thực hiện |  |  |\n"
    "| 1 | Cập nhật dữ liệu cư trú trên ứng dụng |  | Quý IV/2026 |\n"
)


def test_a_group_row_that_is_a_bodys_name_leads_the_rows_without_a_lead(tmp_path: Path) -> None:
    """In an assignment table, a Roman-numbered group row that is wholly a body's name leads the rows under
    it whose lead cell is blank; a row's own lead cell wins; a group row that only mentions a body among
    other words names a topic, and its rows keep no lead."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, BY_BODY))]
    assert [(t["quote"], t["lead"]) for t in found] == [
        ("Số hóa hồ sơ đảng viên của các chi bộ", ["Văn phòng Đảng ủy"]),
        ("Lập danh mục tài liệu lưu trữ điện tử", ["Công an xã"]),
        ("Cập nhật dữ liệu cư trú trên ứng dụng", []),
    ]


def test_an_items_later_sentence_is_other_work(tmp_path: Path) -> None:
    """A numbered item whose first sentence gives its doer a dated duty and whose next sentence adds other
    work with a partner: the partner of that later work is no support of the dated task."""
    body = (
        "I. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Văn phòng Đảng ủy chuẩn bị tài liệu cho hội nghị, gửi đại biểu trước ngày 12/11/2026. "
        "Phối hợp với Công an xã bảo đảm an ninh trong thời gian diễn ra hội nghị.\n"
    )
    found = [dumped(t) for t in tasks_of(plan(tmp_path, body))]
    assert [(t["lead"], t["support"], t["deadline"]) for t in found] == [
        (["Văn phòng Đảng ủy"], [], specs("trước ngày 12/11/2026")),
    ]


LINES_AFTER_ITEMS = """II. NHIỆM VỤ, GIẢI PHÁP

1. Lập kho hồ sơ số của Đảng bộ xã.

Chủ trì: Văn phòng Đảng ủy; phối hợp: Công an xã.

Thời gian hoàn thành: Quý III/2027.

2. Mở chuyên mục chuyển đổi số trên loa truyền thanh.

Sản phẩm: Chuyên mục phát thanh hằng tuần.

Thời gian hoàn thành: Tháng 11/2027.
"""


def test_a_numbered_items_time_on_a_line_after_it(tmp_path: Path) -> None:
    """Numbered items whose bodies, output and time stand on lines of their own after them: each item is a
    task with those lines' bodies, output and time; the heading above takes neither item's time (before,
    the heading's task quoted the first item and took its time, and the second item was lost)."""
    found = [dumped(t) for t in tasks_of(plan(tmp_path, LINES_AFTER_ITEMS))]
    assert [(t["quote"], t["lead"], t["support"], t["output"], t["deadline"]) for t in found] == [
        ("Lập kho hồ sơ số của Đảng bộ xã.", ["Văn phòng Đảng ủy"], ["Công an xã"], None, specs("Quý III/2027")),
        (
            "Mở chuyên mục chuyển đổi số trên loa truyền thanh.",
            [],
            [],
            "Chuyên mục phát thanh hằng tuần",
            specs("Tháng 11/2027"),
        ),
    ]


def test_a_time_sentence_right_after_an_item_is_its_time(tmp_path: Path) -> None:
    """A line right after a numbered duty that closes with its completion time ("Các nội dung gửi … trước ngày
    …") is that item's time line even without a label (gold/README, round 4); the item before it, whose next
    line is another item, takes none."""
    body = (
        "I. NHIỆM VỤ\n\n"
        "1. Ban Tuyên giáo và Dân vận tham mưu kế hoạch tuyên truyền về phong trào học tập số.\n\n"
        "2. Văn phòng Đảng ủy: tham mưu dự thảo quy chế quản lý hồ sơ điện tử của cơ quan.\n\n"
        "Các nội dung gửi Thường trực Đảng ủy trước ngày 15/12/2026.\n"
    )
    found = [dumped(t) for t in tasks_of(plan(tmp_path, body))]
    assert [(t["lead"], t["deadline"]) for t in found] == [
        (["Văn phòng Đảng ủy"], specs("trước ngày 15/12/2026")),
    ]


def test_a_joined_column_whose_group_rows_name_no_doer_gives_no_task(tmp_path: Path) -> None:
    """Group rows that only classify ("I | LĨNH VỰC Y TẾ") under a joined header: no doer, no task; nor a
    header whose second half is a time ("Danh mục công trình/ Thời gian thực hiện")."""
    topics = GROUPED.replace("| I | SỞ Y TẾ |", "| I | LĨNH VỰC Y TẾ |").replace(
        "| II | HUYỆN ĐÔNG SƠN |", "| II | LĨNH VỰC GIÁO DỤC |"
    )
    assert tasks_of(plan(tmp_path, topics)) == []
    timed = GROUPED.replace("Đơn vị, địa phương thực hiện", "Thời gian thực hiện")
    assert tasks_of(plan(tmp_path, timed)) == []
