"""Bodies whose clause opens with introducing phrases before them (helper bodies6): the body is the
subject of its clause, so its work gives its role, as after a single introducer."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.bodies import extract_bodies
from extractors.citations import extract_citations
from pipeline.process import load_document

_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH LÂM THẢO\nSố: 12/KH-UBND\nLâm Thảo, ngày 02 tháng 4 năm 2026\nKẾ HOẠCH\n"
    "Hỗ trợ người có công\nI. NHIỆM VỤ\n1. Hồ sơ\n"
)


def _records(tmp_path: Path, sentence: str) -> list[tuple[str, str]]:
    path = tmp_path / "plan.txt"
    path.write_text(_HEAD + sentence + "\n", encoding="utf-8")
    document = load_document(path)
    citations, _ = extract_citations(document)
    return [(b.name, b.role) for b in extract_bodies(document, citations)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Trong thời hạn 5 ngày làm việc, kể từ ngày nhận được hồ sơ hợp lệ, Sở Y tế hoàn thành việc thẩm định.",
            [("Sở Y tế", "lead")],
        ),
        (
            "Trường hợp kinh phí năm sau tăng, giảm so với năm trước, Sở Tài chính thuyết minh cụ thể nguyên nhân.",
            [("Sở Tài chính", "lead")],
        ),
        ("Hằng năm, căn cứ dự toán được giao, Sở Nội vụ tổng hợp nhu cầu đào tạo.", [("Sở Nội vụ", "lead")]),
    ],
)
def test_a_body_after_several_introducers_is_the_subject(
    tmp_path: Path, sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _records(tmp_path, sentence) == expected


def test_an_introducer_does_not_make_a_receiver_a_subject(tmp_path: Path) -> None:
    """The body after "chuyển đến" inside the clause keeps the cue's role."""
    found = _records(tmp_path, "Trong thời hạn 5 ngày, hồ sơ được chuyển đến Sở Y tế thẩm định.")
    assert ("Sở Y tế", "lead") not in found


def test_without_an_introducer_a_body_after_a_comma_gives_nothing(tmp_path: Path) -> None:
    """A leading phrase that introduces nothing ("Kinh phí năm nay tăng,") does not open the clause."""
    assert _records(tmp_path, "Kinh phí năm nay tăng mạnh, Sở Tài chính thuyết minh cụ thể nguyên nhân.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Thường trực HĐND tỉnh, các Ban HĐND tỉnh, đại biểu HĐND tỉnh kiểm tra, giám sát việc thu phí.",
            [("Thường trực Hội đồng nhân dân tỉnh", "oversight")],
        ),
        (
            "Sở Y tế, Sở Nội vụ, đại biểu Hội đồng nhân dân tỉnh theo chức năng, nhiệm vụ giám sát việc cấp phép.",
            [("Sở Y tế", "oversight"), ("Sở Nội vụ", "oversight")],
        ),
    ],
)
def test_subjects_listed_with_unnamed_members_share_their_check(
    tmp_path: Path, sentence: str, expected: list[tuple[str, str]]
) -> None:
    """The subjects' list goes on past the last body found, through names the lexicon does not list, to a shared
    check: the bodies are `oversight`, as when the check follows them at once."""
    found = _records(tmp_path, sentence)
    assert [r for r in found if r in expected] == expected
    assert not [r for r in found if r[1] == "lead"]


def test_a_clause_after_the_subject_is_not_a_list_member(tmp_path: Path) -> None:
    """A lower-case clause after the comma ("triển khai … và kiểm tra") is the subject's own work, led."""
    assert _records(tmp_path, "Sở Y tế, triển khai thực hiện và kiểm tra việc thực hiện.") == [("Sở Y tế", "lead")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hồ sơ đã thẩm định được chuyển Sở Y tế thực hiện chi trả.", [("Sở Y tế", "lead")]),
        ("Sở Nội vụ tham mưu, đề xuất với Sở Tài chính lựa chọn hình thức hỗ trợ.", [("Sở Tài chính", "lead")]),
        ("Định kỳ báo cáo Sở Y tế kết quả thực hiện.", [("Sở Y tế", "report_to")]),
        ("Sở Nội vụ hoàn thiện hồ sơ, trình Sở Tài chính phê duyệt.", [("Sở Tài chính", "report_to")]),
    ],
)
def test_a_body_a_report_cue_names_and_that_does_the_work_after_it_leads(
    tmp_path: Path, sentence: str, expected: list[tuple[str, str]]
) -> None:
    """ "chuyển X thực hiện", "đề xuất với X lựa chọn …": X does the work that follows it (lead); a body given only
    the report or asked to approve ("trình X phê duyệt") receives it."""
    found = _records(tmp_path, sentence)
    assert [r for r in found if r[0] == expected[0][0]] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Sở Nội vụ chỉ đạo các trung tâm y tế dự phòng, các cơ sở đào tạo nghề nghiệp trực thuộc lồng ghép.",
            [("Sở Nội vụ", "lead"), ("Các trung tâm y tế dự phòng", "lead"), ("Các cơ sở đào tạo nghề nghiệp", "lead")],
        ),
        (
            "Sở Nội vụ chỉ đạo các đơn vị chuyên môn thường xuyên theo dõi tiến độ.",
            [("Sở Nội vụ", "lead"), ("Các đơn vị chuyên môn", "lead")],
        ),
    ],
)
def test_a_collective_of_a_definite_kind_in_lower_case_is_a_body(
    tmp_path: Path, sentence: str, expected: list[tuple[str, str]]
) -> None:
    """ "các cơ sở …", "các trung tâm …" with the dictionary word that names their kind are one collective body; a
    second word that is the clause's adverb ("thường xuyên theo dõi") is not part of the name."""
    assert _records(tmp_path, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Sở Nội vụ hướng dẫn các tổ chức, cá nhân nộp hồ sơ trực tuyến.",
        "Sở Nội vụ chỉ đạo các đơn vị liên quan rà soát hồ sơ.",
        "Sở Nội vụ đề nghị các trường tuyên truyền sâu rộng tới học sinh.",
    ],
)
def test_a_collective_that_names_no_kind_is_no_body(tmp_path: Path, sentence: str) -> None:
    """ "các tổ chức, cá nhân", "các đơn vị liên quan", and a kind word followed by the clause's verb name no kind."""
    assert [r for r in _records(tmp_path, sentence) if r[0] != "Sở Nội vụ"] == []
