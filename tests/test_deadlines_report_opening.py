"""A report's opening turns to coming work at a forward word ("nhiệm vụ trọng tâm", "kế hoạch …"), but not at
the name of a document it cites ("Thực hiện Kế hoạch số 08/KH-UBND …"): before that turn the report's own period
is work done, no deadline (gold-guidelines, deadlines: a status of work done is none). Sentences written for
these tests."""

from __future__ import annotations

from pathlib import Path

from extractors.citations import extract_citations
from extractors.deadlines import extract_deadlines
from extractors.grammar import fold
from extractors.time_scope import forward_match
from pipeline.process import load_document

REPORT = """ỦY BAN NHÂN DÂN XÃ HÒA BÌNH

Số: 12/BC-UBND

Hòa Bình, ngày 05 tháng 4 năm 2025

BÁO CÁO

Tình hình công tác dân vận quý I năm 2025

{opening}

I. KẾT QUẢ ĐẠT ĐƯỢC

1. Đã tổ chức 03 buổi tuyên truyền tại các thôn.

Nơi nhận:
- Như trên;
- Lưu VT.
"""


def _quotes(tmp_path: Path, opening: str) -> list[str]:
    path = tmp_path / "report.txt"
    path.write_text(REPORT.format(opening=opening), encoding="utf-8")
    document = load_document(path)
    found, _ = extract_deadlines(document, extract_citations(document)[0])
    return [r.quote for r in found]


def test_a_cited_plans_name_is_no_turn_to_coming_work() -> None:
    text = fold("Thực hiện Kế hoạch số 08/KH-UBND ngày 10/01/2025 của xã, Ủy ban nhân dân xã báo cáo như sau")
    assert forward_match(text, 0, len(text)) is None
    text = fold("Thực hiện Kế hoạch số: 08/KH-UBND, Ủy ban nhân dân xã báo cáo như sau")
    assert forward_match(text, 0, len(text)) is None


def test_a_forward_word_still_turns_to_coming_work() -> None:
    text = fold("báo cáo kết quả quý I và kế hoạch công tác quý II năm 2025 như sau")
    found = forward_match(text, 0, len(text))
    assert found is not None and text[found.start() :].startswith(fold("kế hoạch công tác"))


def test_the_reports_own_period_after_a_cited_plan_is_no_deadline(tmp_path: Path) -> None:
    opening = (
        "Thực hiện Kế hoạch số 08/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân xã về công tác dân vận năm 2025, "
        "Ủy ban nhân dân xã báo cáo kết quả công tác dân vận quý II năm 2025 như sau:"
    )
    assert "quý II năm 2025" not in _quotes(tmp_path, opening)


def test_the_coming_period_after_a_forward_word_is_kept(tmp_path: Path) -> None:
    opening = "Ủy ban nhân dân xã báo cáo kết quả quý I và nhiệm vụ trọng tâm quý II năm 2025 như sau:"
    assert "quý II năm 2025" in _quotes(tmp_path, opening)
