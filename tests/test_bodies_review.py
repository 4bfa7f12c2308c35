"""Bodies rules of the "bodies7" pass, each for a grammatical cause met in several issuers' documents: every
test puts sentences of our own in a small plan or report (read through the real ingest and structure steps) and
checks the records they give, or that they give none."""

from __future__ import annotations

from pathlib import Path

from test_bodies import L, duty, plan, records

from pipeline.process import load_document

S, RT = "support", "report_to"


def test_a_plans_review_of_past_results_names_no_actor(tmp_path: Path) -> None:
    """A plan's look back ("UBND xã đã ban hành …", a list of subjects before "đã") gives no record (gold/README.md:
    in a plan's review of past results the actors are not annotated); the duties it assigns still do."""
    document = plan(
        tmp_path,
        duty(
            "Thời gian qua, Ủy ban nhân dân xã đã ban hành nhiều văn bản về chuyển đổi số.\n"
            "Hội Nông dân xã, Đoàn Thanh niên cũng đã tổ chức các lớp tập huấn cho hội viên.\n"
            "Công an xã chủ trì bảo đảm an toàn thông tin trên địa bàn."
        ),
    )
    found = [(name, role) for _, name, role in records(document)]
    assert found == [("Công an xã", L)]


REPORT = """ĐẢNG BỘ XÃ HÒA BÌNH
BAN THƯỜNG VỤ ĐẢNG ỦY XÃ

Số: 12-BC/ĐU

Hòa Bình, ngày 25 tháng 9 năm 2025

BÁO CÁO

Kết quả công tác chuyển đổi số quý III năm 2025

I. KẾT QUẢ THỰC HIỆN

1. Công tác chỉ đạo
Trong quý, Ủy ban nhân dân xã đã ban hành kế hoạch số hóa hồ sơ hành chính.
"""


def test_a_report_keeps_the_actors_of_reported_work(tmp_path: Path) -> None:
    """The same past work told in a report is what the report is about: its actor is `lead`."""
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    found = [(name, role) for _, name, role in records(load_document(path))]
    assert ("Ủy ban nhân dân xã", L) in found


def test_a_collective_held_by_a_body_is_one_body() -> None:
    """Units written as a collective and the body that holds them ("các đơn vị thuộc Bộ Y tế") are one mention: the
    body makes the kind definite. A kind alone after an unrelated noun ("cơ cấu tổ chức của Sở") is not one."""
    from extractors.bodies import find_mentions
    from extractors.levels import HIGHER
    from pipeline.normalize import fold_text

    def named(text: str) -> list[tuple[str, str]]:
        return [(text[m.start : m.end], m.name) for m in find_mentions(text, fold_text(text), plan_level=HIGHER)]

    assert named("Chỉ đạo các cơ quan, đơn vị thuộc Bộ Y tế rà soát hồ sơ.") == [
        ("các cơ quan, đơn vị thuộc Bộ Y tế", "Các cơ quan, đơn vị thuộc Bộ Y tế")
    ]
    assert named("Giám đốc các sở, cơ quan thuộc UBND tỉnh triển khai.")[-1] == (
        "cơ quan thuộc UBND tỉnh",
        "Các cơ quan thuộc Ủy ban nhân dân tỉnh",
    )
    assert named("các tổ chức thành viên của Mặt trận Tổ quốc Việt Nam vận động hội viên") == [
        (
            "các tổ chức thành viên của Mặt trận Tổ quốc Việt Nam",
            "Các tổ chức thành viên của Mặt trận Tổ quốc Việt Nam",
        )
    ]
    assert named("quy định cơ cấu tổ chức của Sở Nội vụ;") == [("Sở Nội vụ", "Sở Nội vụ")]


def test_a_held_collective_takes_the_cue_before_it(tmp_path: Path) -> None:
    """The collective and its body take the role the words before them give, as one record."""
    document = plan(tmp_path, duty("Đảng ủy xã chỉ đạo các đơn vị thuộc Ủy ban nhân dân xã rà soát thủ tục."))
    assert ("Các đơn vị thuộc Ủy ban nhân dân xã", L) in [(name, role) for _, name, role in records(document)]


def test_responsibility_of_a_body_gives_it_the_duty_where_the_words_assign_it(tmp_path: Path) -> None:
    """ "quy định rõ trách nhiệm của X", "Tăng cường trách nhiệm của X" and a heading "Trách nhiệm của X" make X `lead`;
    raising awareness ("Nâng cao nhận thức, trách nhiệm của X") or a matter in X's remit gives X no record."""
    document = plan(
        tmp_path,
        duty(
            "Phân công cụ thể, quy định rõ trách nhiệm của Văn phòng Đảng ủy trong việc số hóa hồ sơ.\n"
            "Nâng cao nhận thức, trách nhiệm của Hội Nông dân xã đối với nông nghiệp số.\n"
            "Việc cấp chữ ký số thuộc trách nhiệm của Công an xã."
        ),
    )
    assert [(name, role) for _, name, role in records(document)] == [("Văn phòng Đảng ủy", L)]


def test_a_support_cue_runs_on_over_a_list_joined_by_semicolons(tmp_path: Path) -> None:
    """ "phối hợp với A; B; C": each item of the cue's list is `support`, though a semicolon stands between them."""
    document = plan(
        tmp_path,
        duty("Văn phòng Đảng ủy chủ trì, phối hợp với Hội Nông dân xã; Đoàn Thanh niên; Công an xã tổ chức tập huấn."),
    )
    found = [(name, role) for _, name, role in records(document)]
    assert found == [("Văn phòng Đảng ủy", L), ("Hội Nông dân xã", S), ("Đoàn Thanh niên", S), ("Công an xã", S)]


def test_a_report_through_an_office_reaches_the_office(tmp_path: Path) -> None:
    """ "báo cáo X (thông qua Y)" makes Y `report_to`, as "(qua Y)" does."""
    document = plan(tmp_path, duty("Các chi bộ báo cáo Ban Thường vụ Đảng ủy (thông qua Văn phòng Đảng ủy) hằng quý."))
    assert ("Văn phòng Đảng ủy", RT) in [(name, role) for _, name, role in records(document)]


def test_a_body_asked_to_consider_or_help_receives_the_request(tmp_path: Path) -> None:
    """ "đề nghị X xem xét / có hướng dẫn / bổ sung kinh phí": X receives the request (`report_to`); "đề nghị X
    triển khai" still asks X to do the work (`lead`)."""
    document = plan(
        tmp_path,
        duty(
            "Ủy ban nhân dân xã lập tờ trình đề nghị Sở Tài chính xem xét bổ sung kinh phí.\n"
            "Đề nghị Hội Nông dân xã triển khai mô hình sàn thương mại điện tử."
        ),
    )
    found = [(name, role) for _, name, role in records(document)]
    assert ("Sở Tài chính", RT) in found
    assert ("Hội Nông dân xã", L) in found


CLOSING = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
Số: 88/QĐ-UBND
Hòa Bình, ngày 02 tháng 4 năm 2026
QUYẾT ĐỊNH
Ban hành Kế hoạch số hóa hồ sơ người có công năm 2026
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành Kế hoạch số hóa hồ sơ kèm theo Quyết định này.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Kho bạc Nhà nước tỉnh, Thủ trưởng cơ quan ngang Bộ, \
cơ quan thuộc UBND tỉnh, Giám đốc Sở Văn hóa, Thể thao và Du lịch chịu trách nhiệm thi hành./.
"""


def test_one_title_over_bodies_parted_by_commas_heads_each(tmp_path: Path) -> None:
    """In the closing article a comma followed by another body's head word ("…, Kho bạc …", "…, cơ quan thuộc …")
    starts a body the same title heads; a name's own commas ("Sở Văn hóa, Thể thao và Du lịch") do not."""
    from extractors.bodies import extract_bodies
    from extractors.citations import extract_citations

    path = tmp_path / "decision.txt"
    path.write_text(CLOSING, encoding="utf-8")
    document = load_document(path)
    found = [(b.quote, b.name) for b in extract_bodies(document, extract_citations(document)[0])]
    assert ("Sở Nội vụ", "Sở Nội vụ") in found
    assert ("Kho bạc Nhà nước tỉnh", "Kho bạc Nhà nước tỉnh") in found
    assert ("cơ quan ngang Bộ", "Các cơ quan ngang Bộ") in found
    assert ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch") in found


def test_a_name_ends_before_the_joiner_that_links_it_to_a_known_body() -> None:
    """A department's name read on across "và" into a body the lexicon knows ends before the joiner: both are
    bodies. A known body inside a longer name with no joiner before it ("Bộ Chỉ huy quân sự tỉnh") is not cut."""
    from extractors.bodies import find_mentions
    from extractors.levels import HIGHER
    from pipeline.normalize import fold_text

    text = "Giao Sở Nội vụ phối hợp với Sở Văn hóa, Thể thao và Du lịch và UBND các huyện rà soát hồ sơ."
    found = [(text[m.start : m.end], m.name) for m in find_mentions(text, fold_text(text), plan_level=HIGHER)]
    assert ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch") in found
    assert ("UBND các huyện", "Ủy ban nhân dân các huyện") in found
    text = "Phối hợp Bộ Chỉ huy quân sự tỉnh tổ chức diễn tập."
    found = [text[m.start : m.end] for m in find_mentions(text, fold_text(text), plan_level=HIGHER)]
    assert "Bộ Chỉ huy" not in found


ANNOUNCEMENT = """ĐẢNG BỘ XÃ HÒA BÌNH
ĐẢNG ỦY XÃ

Số: 15-TB/ĐU

Hòa Bình, ngày 30 tháng 9 năm 2025

THÔNG BÁO

Kết luận của Thường trực Đảng ủy về công tác chuyển đổi số

Ngày 29/9/2025, sau khi nghe báo cáo tiến độ, Thường trực Đảng ủy đã thảo luận và thống nhất như sau:
1. Thường trực Đảng ủy cơ bản nhất trí với dự thảo kế hoạch.
2. Giao Văn phòng Đảng ủy hoàn thiện kế hoạch, trình Thường trực Đảng ủy trước ngày 10/10/2025.
"""


def test_the_issuer_in_its_own_formula_is_no_actor(tmp_path: Path) -> None:
    """ "X đã thảo luận và thống nhất như sau:", "X cơ bản nhất trí với …": the issuer introducing what it decides is
    not given a role; the duties it assigns ("Giao Văn phòng Đảng ủy …, trình Thường trực Đảng ủy") still are."""
    path = tmp_path / "announcement.txt"
    path.write_text(ANNOUNCEMENT, encoding="utf-8")
    found = [(name, role) for _, name, role in records(load_document(path))]
    assert ("Thường trực Đảng ủy xã", L) not in found
    assert ("Văn phòng Đảng ủy", L) in found
    assert ("Thường trực Đảng ủy xã", RT) in found
