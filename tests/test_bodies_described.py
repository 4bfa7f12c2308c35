"""Bodies rules of the "bodies7b" pass: a body only described, with no duty given to it in its own clause, gets
no record. Each test puts sentences of our own in a small plan (read through the real ingest and structure steps)
and checks the records they give, or that they give none."""

from __future__ import annotations

from pathlib import Path

from test_bodies import L, duty, plan, records

RT = "report_to"


def test_a_noun_ending_in_the_submit_word_is_no_report_cue(tmp_path: Path) -> None:
    """ "Chương trình X", "Công trình X": the syllable of "trình" (submit) ends a noun there, and the name after it
    is a programme's or a work's, not a body that receives a submission; "trình X" itself still is."""
    document = plan(
        tmp_path,
        duty(
            "Tiếp tục triển khai Chương trình Mục tiêu quốc gia Giảm nghèo bền vững trên toàn xã.\n"
            "Đoàn Thanh niên xã gắn biển Công trình Thanh niên Tuyến đường hoa trong tháng 3.\n"
            "Phòng Kinh tế xây dựng dự thảo, trình Ủy ban nhân dân xã trước ngày 15/6/2026."
        ),
    )
    found = [(name, role) for _, name, role in records(document)]
    assert ("Ủy ban nhân dân xã", RT) in found
    assert not any("Giảm nghèo" in name or "Tuyến đường" in name for name, _ in found)


def test_leaders_of_a_body_are_a_noun_not_the_verb_to_lead(tmp_path: Path) -> None:
    """ "bổ nhiệm lãnh đạo X", "cán bộ lãnh đạo X", "ý kiến của Lãnh đạo X", "Đại diện lãnh đạo X": 'lãnh đạo' names
    X's leaders there, and nothing is asked of X; "lãnh đạo X thực hiện" still gives X the duty."""
    document = plan(
        tmp_path,
        duty(
            "Hoàn thành việc bổ nhiệm lãnh đạo Trung tâm Dịch vụ nông nghiệp xã trong quý II.\n"
            "Tổ chức hội thảo với ý kiến của Lãnh đạo Sở Khoa học và Công nghệ về đổi mới sáng tạo.\n"
            "Đảng ủy xã lãnh đạo Hội Cựu chiến binh xã thực hiện phong trào thi đua."
        ),
    )
    found = [name for _, name, _ in records(document)]
    assert not any("Dịch vụ nông nghiệp" in name or "Khoa học" in name for name in found)
    assert any("Cựu chiến binh" in name for name in found)


def test_a_phrase_of_owners_is_no_list_the_cue_runs_over(tmp_path: Path) -> None:
    """ "theo chỉ đạo của Huyện ủy, Hội đồng nhân dân huyện": the bodies after 'của' own the direction and are
    given nothing; the cue may still run over a short list item that is no such phrase ("Chỉ đạo các thôn,
    Hội Phụ nữ xã …")."""
    document = plan(
        tmp_path,
        duty(
            "Thực hiện nghiêm các chủ trương theo chỉ đạo của Huyện ủy, Hội đồng nhân dân huyện về công tác dân số.\n"
            "Chỉ đạo các thôn, Hội Liên hiệp Phụ nữ xã tuyên truyền đến từng hộ gia đình."
        ),
    )
    found = [(name, role) for _, name, role in records(document)]
    assert not any("Hội đồng nhân dân" in name for name, _ in found)
    assert any("Phụ nữ" in name and role == L for name, role in found)


def test_the_issuers_formula_before_a_colon_is_no_duty(tmp_path: Path) -> None:
    """ "Thường trực Đảng ủy xã đã thảo luận và thống nhất như sau:", "Ban Thường vụ Đảng ủy xã lưu ý:": the issuer
    introduces what it decides (gold/README.md: not annotated), also where the clause the extractor reads stops at
    the colon; the body given work after it keeps its record."""
    document = plan(
        tmp_path,
        duty(
            "Sau khi nghe báo cáo, Thường trực Đảng ủy xã đã thảo luận và thống nhất như sau:\n"
            "Ban Thường vụ Đảng ủy xã lưu ý:\n"
            "Văn phòng Đảng ủy xã tổng hợp ý kiến, hoàn thiện dự thảo trước ngày 20/10/2026."
        ),
    )
    found = [(name, role) for _, name, role in records(document)]
    assert not any("Thường" in name for name, _ in found)
    assert any("Văn phòng Đảng" in name and role == L for name, role in found)
