"""Bodies rules added for text shapes that recur across issuers (the "bodies5" pass): each test puts
sentences of our own in a small plan (read through the real ingest and structure steps) and checks
the records they give, or that they give none."""

from __future__ import annotations

from pathlib import Path

from test_bodies import L, duty, plan, records

from extractors.bodies import find_mentions
from pipeline.normalize import fold_text
from pipeline.process import load_document


def test_a_body_inside_a_cited_documents_subject_is_given_no_role(tmp_path: Path) -> None:
    """ "Chỉ thị số … của Tỉnh ủy về tăng cường sự lãnh đạo của các cấp ủy đảng …": the subject after "về" is
    the cited document's title, so the bodies there are described, not given work by this plan."""
    sentence = (
        "Tiếp tục quán triệt Chỉ thị số 09-CT/TU ngày 05/3/2024 của Ban Thường vụ Tỉnh ủy về tăng cường sự "
        "lãnh đạo của các cấp ủy đảng đối với công tác chuyển đổi số; Hội Nông dân xã tuyên truyền đến hội viên."
    )
    assert records(plan(tmp_path, duty(sentence))) == [("Hội Nông dân xã", "Hội Nông dân xã", L)]


def test_an_introduced_citation_ends_its_subject_at_the_comma(tmp_path: Path) -> None:
    """ "Thực hiện Kết luận số … về …, Ban Thường vụ Đảng ủy yêu cầu UBND xã …": the comma closes the phrase
    that introduces the document; the bodies after it are the clause's own."""
    sentence = (
        "Thực hiện Kết luận số 15-KL/TW ngày 02/4/2025 của Ban Bí thư về việc chấn chỉnh lề lối làm việc, "
        "Ban Thường vụ Đảng ủy yêu cầu UBND xã rà soát các thủ tục hành chính."
    )
    found = [(name, role) for _, name, role in records(plan(tmp_path, duty(sentence)))]
    assert ("Ủy ban nhân dân xã", L) in found


def test_a_parenthesis_after_a_cited_subject_still_assigns(tmp_path: Path) -> None:
    """ "… về sử dụng Sổ tay đảng viên điện tử (Giao Ban Xây dựng Đảng chủ trì …)": the parenthesis ends the
    subject and assigns the item."""
    sentence = (
        "Kiểm tra việc thực hiện Quy định số 12-QĐ/TW ngày 03/5/2025 của Ban Bí thư về sử dụng ứng dụng "
        "Sổ tay đảng viên (Giao Ban Xây dựng Đảng chủ trì, tham mưu trong quý II/2026)."
    )
    assert [name for _, name, _ in records(plan(tmp_path, duty(sentence)))] == ["Ban Xây dựng Đảng"]


REPORT = """ĐẢNG BỘ XÃ HÒA BÌNH
Số: 12-BC/ĐU
Hòa Bình, ngày 10 tháng 02 năm 2026
BÁO CÁO NHANH
Công tác chuẩn bị đón Tết tại xã Hòa Bình
1. Công tác lãnh đạo, chỉ đạo.
Ban Thường vụ Đảng ủy đã chỉ đạo Ủy ban nhân dân xã xây dựng kế hoạch trực Tết.
2. Công tác thăm hỏi; tặng quà các gia đình chính sách:
Hội Nông dân xã đã phối hợp tổ chức chương trình tặng quà.
3. Công tác bảo đảm an ninh trật tự
Công an xã chủ trì tuần tra trong dịp Tết.
"""


def test_the_opening_paragraphs_of_a_report_are_read_as_text(tmp_path: Path) -> None:
    """A report whose first items are not read as headings ("1. … ." closed by a full stop, "2. …; …:") leaves them
    in the head zone: after the head's own parts (number, date, title) they are running text and give roles."""
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    found = [(name, role) for _, name, role in records(load_document(path))]
    assert ("Ủy ban nhân dân xã", L) in found
    assert ("Hội Nông dân xã", L) in found


def test_a_line_in_capitals_in_the_head_zone_gives_no_body(tmp_path: Path) -> None:
    """ "HỘI NGHỊ … / BAN CHẤP HÀNH ĐẢNG BỘ XÃ (KHÓA I)" under a type line the head does not read (a garbled
    "KẾT LUẬN"): a title left in the head zone names its issuer, who is given no role by it."""
    path = tmp_path / "conclusion.txt"
    path.write_text(
        "ĐẢNG BỘ XÃ HÒA BÌNH\nSố 05-KL/ĐU\nHòa Bình, ngày 10 tháng 02 năm 2026\nK ÊT LUẬN\nHỘI NGHỊ LẦN THỨ HAI\n"
        "BAN CHẤP HÀNH ĐẢNG BỘ XÃ (KHÓA I)\nI. ĐÁNH GIÁ\nCông an xã chủ trì tuần tra trong dịp Tết.\n",
        encoding="utf-8",
    )
    assert [name for _, name, _ in records(load_document(path))] == ["Công an xã"]


def test_a_body_joined_for_a_check_oversees_it(tmp_path: Path) -> None:
    """ "Phối hợp với Công an xã kiểm tra …": the body joined is the one that checks (gold/README.md: "phối hợp
    với X kiểm tra, giám sát" makes X oversight); joined for other work it supports."""
    checked = "Phối hợp với Công an xã kiểm tra việc bảo vệ bí mật nhà nước tại các thôn."
    assert [(n, r) for _, n, r in records(plan(tmp_path, duty(checked)))] == [("Công an xã", "oversight")]
    helped = "Phối hợp với Công an xã tuyên truyền về bảo vệ bí mật nhà nước tại các thôn."
    assert [(n, r) for _, n, r in records(plan(tmp_path, duty(helped)))] == [("Công an xã", "support")]


def test_a_subject_that_joins_another_for_a_check_keeps_the_check(tmp_path: Path) -> None:
    """ "Ủy ban Kiểm tra Đảng ủy phối hợp với Công an xã tổ chức kiểm tra …": the subject checks, the body it
    joins supports it (corpus/plans gold)."""
    sentence = "Ủy ban Kiểm tra Đảng ủy phối hợp với Công an xã tổ chức kiểm tra việc bảo vệ bí mật nhà nước."
    found = [(n, r) for _, n, r in records(plan(tmp_path, duty(sentence)))]
    assert ("Công an xã", "support") in found


def test_a_departments_collective_keeps_its_qualifier() -> None:
    """ "các bộ, ngành chức năng", "các sở, ban, ngành khác", "các sở, ban, ngành trực thuộc UBND tỉnh": the words
    that close the collective are part of its name; the body they stand under is spelled out."""
    for written, name in [
        ("các bộ, ngành chức năng", "Các bộ, ngành chức năng"),
        ("các sở, ban, ngành khác", "Các sở, ban, ngành khác"),
        ("các sở, ban, ngành trực thuộc UBND tỉnh", "Các sở, ban, ngành trực thuộc Ủy ban nhân dân tỉnh"),
    ]:
        assert [m.name for m in find_mentions(written, fold_text(written), plan_level="")] == [name]


def test_subjects_listed_with_semicolons_share_their_work(tmp_path: Path) -> None:
    """ "Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã có trách nhiệm …": the subjects before
    the work are one list, each its lead."""
    sentence = "Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã có trách nhiệm rà soát thủ tục."
    found = [(n, r) for _, n, r in records(plan(tmp_path, duty(sentence), level="tỉnh"))]
    assert found == [("Các sở, ban, ngành tỉnh", L), ("Ủy ban nhân dân các huyện, thị xã", L)]


def test_a_document_to_issue_names_no_body_in_its_title(tmp_path: Path) -> None:
    """ "- Nghị quyết nâng cao chất lượng giám sát, phản biện xã hội của Mặt trận Tổ quốc …" in a list of documents
    to issue: the title describes bodies, it gives them no work; the next line's actor is still read."""
    lines = (
        "- Nghị quyết về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác dân vận.\n\n"
        "- Nghị quyết nâng cao chất lượng phản biện xã hội của Mặt trận Tổ quốc xã.\n\n"
        "- Hội Nông dân xã chủ trì tuyên truyền các nghị quyết đến hội viên."
    )
    assert [(n, r) for _, n, r in records(plan(tmp_path, duty(lines)))] == [("Hội Nông dân xã", L)]


def test_a_kind_that_is_also_a_verb_opens_a_duty(tmp_path: Path) -> None:
    """ "Hướng dẫn …" (to guide) opens a duty, not a document's title: the bodies after it are given the work."""
    sentence = "Hướng dẫn các chi bộ trực thuộc tổ chức sinh hoạt chuyên đề về chuyển đổi số."
    assert [n for _, n, _ in records(plan(tmp_path, duty(sentence)))] == ["Các chi bộ trực thuộc Đảng ủy"]


def test_checking_work_after_monitoring_or_a_lead_and_its_partners(tmp_path: Path) -> None:
    """ "tham mưu X theo dõi, kiểm tra …" and "Giao X chủ trì, phối hợp với Y theo dõi, kiểm tra …": the work given
    to X is a check, so X oversees; Y, joined by a subject's cue, supports."""
    advised = "Tham mưu Ủy ban nhân dân xã theo dõi, kiểm tra việc giải quyết thủ tục hành chính."
    assert [(n, r) for _, n, r in records(plan(tmp_path, duty(advised)))] == [("Ủy ban nhân dân xã", "oversight")]
    given = "Giao Văn phòng Đảng ủy chủ trì, phối hợp với Công an xã theo dõi, kiểm tra, đánh giá kết quả."
    assert [(n, r) for _, n, r in records(plan(tmp_path, duty(given)))] == [
        ("Văn phòng Đảng ủy", "oversight"),
        ("Công an xã", "support"),
    ]


def test_doi_voi_cues_a_duty_only_where_it_opens_the_clause(tmp_path: Path) -> None:
    """ "Đối với Hội Nông dân xã: …" addresses the body its duties; "… hài lòng của người dân đối với chính quyền
    xã" only says what a measure is about."""
    addressed = "Đối với Hội Nông dân xã: tuyên truyền, vận động hội viên sử dụng dịch vụ công trực tuyến."
    assert [(n, r) for _, n, r in records(plan(tmp_path, duty(addressed)))] == [("Hội Nông dân xã", L)]
    measured = "Phấn đấu tỷ lệ hài lòng của người dân đối với Ủy ban nhân dân xã đạt trên 90%."
    assert records(plan(tmp_path, duty(measured))) == []


def test_a_nearer_cue_governs_a_body_inside_a_long_range_one(tmp_path: Path) -> None:
    """ "Hồ sơ gửi Văn phòng Đảng ủy, để tham mưu cho Ban Thường vụ Đảng ủy xem xét …": "gửi … cho" would make the
    second body a receiver, but "tham mưu cho", nearer, says it is advised to act (lead)."""
    sentence = "Các chi bộ lập hồ sơ gửi Văn phòng Đảng ủy, để tham mưu cho Ban Thường vụ Đảng ủy xem xét, quyết định."
    found = [(n, r) for _, n, r in records(plan(tmp_path, duty(sentence)))]
    assert ("Văn phòng Đảng ủy", "report_to") in found
    assert ("Ban Thường vụ Đảng ủy xã", L) in found


def test_a_heading_of_heads_and_their_bodies_leads_its_duties(tmp_path: Path) -> None:
    """ "1. Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã" over a list of duties: the heads
    stand for their bodies, and a line made only of them heads their duties (lead)."""
    body = (
        "I. NHIỆM VỤ\n\n1. Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã\n\n"
        "a) Rà soát, công khai các thủ tục hành chính.\n"
    )
    found = [(n, r) for _, n, r in records(plan(tmp_path, body, level="tỉnh"))]
    assert found == [("Các sở, ban, ngành tỉnh", L), ("Ủy ban nhân dân các huyện, thị xã", L)]


def test_a_body_directed_to_step_up_checks_oversees(tmp_path: Path) -> None:
    """ "Chỉ đạo Hội đồng nhân dân xã tăng cường giám sát …": the directed body's work is a check (gold/README.md:
    a directed body whose work is checking is oversight)."""
    sentence = "Chỉ đạo Hội đồng nhân dân xã tăng cường giám sát việc giải quyết kiến nghị của cử tri."
    assert [(n, r) for _, n, r in records(plan(tmp_path, duty(sentence)))] == [("Hội đồng nhân dân xã", "oversight")]
