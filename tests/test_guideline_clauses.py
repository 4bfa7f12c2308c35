"""One test per clause of gold-guidelines.md that the rules once read otherwise than the guidelines say.

Each builds a short plan of its own words through the real path (normalize, structure, extract) and
checks the record the clause decides: relation by place, deadline kind and bounds, a target's `by`.
"""

from __future__ import annotations

from extractors.citations import extract_citations
from pipeline.raw import RawBlock, RawDocument
from pipeline.structure import build_document


def _document(*lines: str):
    """A plan of one block per line, as a .txt gives it."""
    raw = RawDocument(path="clause.txt", format="txt", blocks=[RawBlock(text=line) for line in lines])
    return build_document(raw, "clause")


def test_a_xet_line_after_a_thuc_hien_line_is_basis() -> None:
    """Citations, relation: the list at the head before the issuing sentence is `basis`; a "Thực hiện" line
    above does not carry its verb over a preamble's "Xét …" line."""
    doc = _document(
        "ỦY BAN NHÂN DÂN TỈNH AN LẠC",
        "Số: 120/QĐ-UBND",
        "QUYẾT ĐỊNH",
        "Về việc ban hành Kế hoạch chuyển đổi số",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN LẠC",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
        "Thực hiện Chương trình số 15-CTr/TU ngày 10/3/2025 của Tỉnh ủy An Lạc;",
        "Xét đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 55/TTr-STP ngày 03/3/2025.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số.",
    )
    citations, _ = extract_citations(doc)
    assert [(c.number, c.relation) for c in citations] == [
        (None, "basis"),
        ("15-CTr/TU", "implements"),
        ("55/TTr-STP", "basis"),
    ]
