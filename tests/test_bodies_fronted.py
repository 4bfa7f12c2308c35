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
