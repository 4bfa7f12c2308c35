"""The plan's own level (extractors/levels.py) and the rule it serves: no level is invented for a body
or an issuer the text names without one in a plan above the commune (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.bodies import extract_bodies
from extractors.citations import extract_citations
from extractors.levels import HIGHER, own_level
from pipeline.process import load_document

PROVINCE = """ỦY BAN NHÂN DÂN
TỈNH LÂM THẢO
Số: 88/KH-UBND
Lâm Thảo, ngày 02 tháng 4 năm 2026
KẾ HOẠCH
Chuyển đổi số năm 2026
Căn cứ Tờ trình số 12/TTr-UBND ngày 20/3/2026 của Ủy ban nhân dân;
I. NHIỆM VỤ
1. UBND chủ trì, phối hợp với Sở Khoa học và Công nghệ triển khai nền tảng số dùng chung.
"""

COMMUNE = PROVINCE.replace("TỈNH LÂM THẢO", "XÃ HÒA BÌNH").replace("Lâm Thảo, ngày", "Hòa Bình, ngày")


def _document(tmp_path: Path, text: str, name: str = "plan"):
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


@pytest.mark.parametrize(
    ("head", "level"),
    [
        ("ỦY BAN NHÂN DÂN\nTỈNH LÂM THẢO", HIGHER),
        ("ĐẢNG BỘ TỈNH LÂM THẢO\nĐẢNG ỦY XÃ HÒA BÌNH", "xã"),  # a Party header names its parent first
        ("ỦY BAN NHÂN DÂN\nPHƯỜNG AN KHÊ", "phường"),
        ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", HIGHER),
        ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None),  # no level, and not the motto's "xã"
    ],
)
def test_the_level_the_head_states(tmp_path: Path, head: str, level: str | None) -> None:
    text = f"{head}\nSố: 5/KH-UBND\nngày 02 tháng 4 năm 2026\nKẾ HOẠCH\nChuyển đổi số\nI. NHIỆM VỤ\n1. Rà soát."
    assert own_level(_document(tmp_path, text)) == level


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Chuyển đổi số trên địa bàn tỉnh Lâm Thảo năm 2026", HIGHER),
        ("Hoạt động của Ban Chỉ đạo chuyển đổi số xã Hòa Bình", "xã"),
        ("Thực hiện Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương", None),  # a cited issuer's level
        ("Hỗ trợ các xã xây dựng chính quyền số", None),  # a plural names no territory
    ],
)
def test_a_head_without_its_place_line_takes_the_territory_its_title_names(tmp_path, title, level) -> None:
    text = f"ỦY BAN NHÂN DÂN\nSố: 5/KH-UBND\nngày 02 tháng 4 năm 2026\nKẾ HOẠCH\n{title}\nI. NHIỆM VỤ\n1. Rà soát."
    assert own_level(_document(tmp_path, text)) == level


def test_a_provinces_plan_gives_its_own_bodies_no_commune_level(tmp_path: Path) -> None:
    document = _document(tmp_path, PROVINCE)
    bodies = [(b.name, b.role) for b in extract_bodies(document, extract_citations(document)[0])]
    assert ("Ủy ban nhân dân", "lead") in bodies
    assert not any(name.endswith(" xã") for name, _ in bodies)
    (tờ_trình,) = [c for c in extract_citations(document)[0] if c.doc_type == "to_trinh"]
    assert tờ_trình.issuer == "Ủy ban nhân dân"


def test_a_communes_plan_names_its_own_bodies_at_its_level(tmp_path: Path) -> None:
    document = _document(tmp_path, COMMUNE)
    bodies = [(b.name, b.role) for b in extract_bodies(document, extract_citations(document)[0])]
    assert ("Ủy ban nhân dân xã", "lead") in bodies
    (tờ_trình,) = [c for c in extract_citations(document)[0] if c.doc_type == "to_trinh"]
    assert tờ_trình.issuer == "Ủy ban nhân dân xã"


def test_a_cited_issuer_on_the_number_line_is_not_the_plans_level(tmp_path: Path) -> None:
    """A PDF puts the number and the subject on one line ("* Số -CV/ĐU Triển khai Nghị quyết … của Tỉnh ủy"):
    the organisation lines end where the number starts, so the cited issuer's "tỉnh" does not replace "xã"."""
    head = (
        "ĐẢNG BỘ TỈNH LÂM THẢO\nĐẢNG ỦY XÃ HÒA BÌNH\n* Số 7-CV/ĐU Triển khai Nghị quyết số 03-NQ/TU ngày 02/3/2026"
        " của Tỉnh ủy\nHòa Bình, ngày 20 tháng 3 năm 2026\nKính gửi:\n- Ủy ban nhân dân xã,\n"
        "Ban Thường vụ Đảng ủy giao Ủy ban nhân dân xã chủ trì rà soát, báo cáo kết quả trước ngày 30/4/2026."
    )
    assert own_level(_document(tmp_path, head)) == "xã"
