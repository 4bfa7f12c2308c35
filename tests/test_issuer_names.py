"""An issuer's name read as a grammar, not only looked up: a body the lexicon knows by a shorter name keeps the
qualifiers the text gives it up to the stop gold-guidelines set ("về" after "của"; the verb of an issuing
sentence), and a committee described up to the territory it serves keeps that description in the plan's own
issuer (issue 12). Sentences written for these tests, in the style of the documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.citations import extract_citations, scan
from extractors.metadata import extract_metadata
from pipeline.process import load_document


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # qualifiers after the known name, up to "về"
        (
            "Quyết định số 7/QĐ-BCĐTW ngày 2/3/2023 của Ban Chỉ đạo Trung ương các Chương trình phát triển vùng "
            "về ban hành quy chế",
            "Ban Chỉ đạo Trung ương các Chương trình phát triển vùng",
        ),
        (
            "Kế hoạch số 9-KH/TWĐTN ngày 2/3/2024 của Ban Bí thư Trung ương Đoàn về việc tổ chức hội trại",
            "Ban Bí thư Trung ương Đoàn",
        ),
        # a commune committee with a task and no territory, up to "về": no level is invented
        (
            "Công văn số 12/CV-BCĐ ngày 3/6/2025 của Ban Chỉ đạo sắp xếp đơn vị hành chính về việc giao biên chế",
            "Ban Chỉ đạo sắp xếp đơn vị hành chính",
        ),
        # nothing between the name and "về": the lexicon's name, as before
        ("Chỉ thị số 5-CT/TW ngày 1/2/2024 của Ban Bí thư về tăng cường", "Ban Bí thư"),
        ("Kế hoạch số 15/KH-BCĐ ngày 3/3/2025 của Ban Chỉ đạo về chuyển đổi số tỉnh Lâm Thảo", "Ban Chỉ đạo xã"),
        # a term or a date stops the name: no "về" is reached through them
        ("Kết luận số 5-KL/TW ngày 1/2/2024 của Ban Bí thư khóa XIII về công tác cán bộ", "Ban Bí thư"),
        # a place name after a level word is the place, read as before
        ("Kế hoạch số 5/KH-BCĐ ngày 1/2/2024 của Ban Chỉ đạo tỉnh Lâm Thảo về", "Ban Chỉ đạo tỉnh Lâm Thảo"),
        ("Kế hoạch số 5/KH-BCĐ ngày 1/2/2024 của Ban Chỉ đạo xã Tân Phú về", "Ban Chỉ đạo xã"),
        # a body outside the heads that run on keeps its lexicon name
        ("Nghị quyết số 12/NQ-CP ngày 2/2/2024 của Chính phủ ban hành chương trình về", "Chính phủ"),
    ],
)
def test_a_cited_issuer_keeps_its_qualifiers_up_to_ve(text: str, issuer: str) -> None:
    (mention,) = scan(text)
    assert mention.issuer == issuer


def _issuer_of(tmp_path: Path, text: str) -> str | None:
    """The metadata issuer of a plan written from `text` (its sections stand after the given head)."""
    path = tmp_path / "plan.txt"
    path.write_text(text + "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNội dung.\n", encoding="utf-8")
    doc = load_document(path)
    return extract_metadata(doc, extract_citations(doc)[0]).issuer


def _plan_issuer(tmp_path: Path, opening: str) -> str | None:
    return _issuer_of(tmp_path, f"KẾ HOẠCH\nHoạt động năm 2025\n{opening}\n")


@pytest.mark.parametrize(
    ("opening", "issuer"),
    [
        # the subject of the issuing sentence runs on to its verb
        (
            "Thực hiện chương trình công tác năm 2025, Ban Bí thư Trung ương Hội ban hành Kế hoạch như sau:",
            "Ban Bí thư Trung ương Hội",
        ),
        # a committee described up to its territory keeps the description; the place name is the place field's
        (
            "Thực hiện Kế hoạch số 5/KH-UBND ngày 2/1/2025 của Ủy ban nhân dân tỉnh, Ban Chỉ đạo cải cách hành "
            "chính huyện Tân Phú (sau đây gọi là Ban Chỉ đạo) ban hành Kế hoạch như sau:",
            "Ban Chỉ đạo cải cách hành chính huyện",
        ),
        # the lexicon's whole name with nothing after it: as before
        (
            "Thực hiện chương trình công tác năm 2025, Ban Thường vụ Đảng ủy xã ban hành Kế hoạch như sau:",
            "Ban Thường vụ Đảng ủy xã",
        ),
    ],
)
def test_the_plans_issuer_is_the_whole_subject_of_its_issuing_sentence(
    opening: str, issuer: str, tmp_path: Path
) -> None:
    assert _plan_issuer(tmp_path, opening) == issuer


def _header_issuer(tmp_path: Path, header: str) -> str | None:
    head = "Số 12-KH/VP\nHà Nội, ngày 3 tháng 2 năm 2025\nKẾ HOẠCH\nCông tác lưu trữ năm 2025\n"
    return _issuer_of(tmp_path, f"{header}\n{head}")


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        # a unit of the parent that the lexicon knows whole, opened by the unit line
        ("BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC", "Ban Tổ chức Trung ương"),
        ("QUỐC HỘI\nVĂN PHÒNG", "Văn phòng Quốc hội"),
        # a unit word before a body the lexicon knows
        ("BAN CHẤP HÀNH TRUNG ƯƠNG\n**ĐẢNG ĐOÀN ỦY BAN THƯỜNG VỤ QUỐC HỘI**", "Đảng đoàn Ủy ban Thường vụ Quốc hội"),
        # a unit line that reads neither way leaves the parent as issuer
        ("BAN CHẤP HÀNH TRUNG ƯƠNG\nVỤ TỔNG HỢP", "Ban Chấp hành Trung ương"),
        # a known lower line is read as before
        ("ĐẢNG BỘ TỈNH LÂM THẢO\nĐẢNG ỦY XÃ TÂN PHÚ", "Đảng ủy xã"),
    ],
)
def test_a_headers_unit_line_under_its_parent_names_the_issuer(header: str, issuer: str, tmp_path: Path) -> None:
    assert _header_issuer(tmp_path, header) == issuer


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # a verb after the name is no qualifier of it, though "về" follows
        (
            "Quy định số 8-QĐ/BCĐTW ngày 6/7/2023 của Ban Chỉ đạo Trung ương quy định về chế độ họp",
            "Ban Chỉ đạo Trung ương",
        ),
        ("Công văn số 8/BCĐ ngày 6/7/2023 của Ban Bí thư Trung ương hướng dẫn về tổ chức", "Ban Bí thư"),
        # a task word that merely contains no verb stays in the name
        (
            "Kế hoạch số 3/KH-BCĐ ngày 6/7/2023 của Ban Chỉ đạo an toàn giao thông về cao điểm Tết",
            "Ban Chỉ đạo an toàn giao thông",
        ),
    ],
)
def test_a_verb_after_the_name_stops_it(text: str, issuer: str) -> None:
    (mention,) = scan(text)
    assert mention.issuer == issuer
