"""Work one extractor does once per document and another reuses (issue 15) gives what doing it again gives."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from extractors import citations
from extractors.citations import extract_citations, scan, scan_spans
from extractors.targets import extract_targets
from pipeline.process import load_document

PLAN = """ĐẢNG ỦY XÃ TÂN LẬP
Số 08-KH/ĐU
Tân Lập, ngày 02 tháng 6 năm 2025

KẾ HOẠCH
triển khai chuyển đổi số trong các chi bộ

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 và Kế hoạch số 15/KH-UBND ngày 3/4/2025 của UBND huyện,
Đảng ủy xã xây dựng kế hoạch như sau.

I. MỤC TIÊU

- Đến năm 2027, 90% hồ sơ thủ tục hành chính được xử lý trực tuyến.
- Năm 2026 mở 4 lớp tập huấn kỹ năng số cho 120 đảng viên.
"""


def _counting_scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every text `scan` reads from here on."""
    read: list[str] = []
    real = citations.scan

    def counted(text: str, *args, **kwargs):
        read.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(citations, "scan", counted)
    return read


def test_citation_spans_are_those_of_the_scan() -> None:
    text = "Theo Quyết định số 210/QĐ-UBND ngày 5/5/2025 và Nghị quyết số 03/NQ-CP, xã rà soát 12 thủ tục."
    expected = [(m.start, m.end) for m in scan(text)]
    assert len(expected) == 2
    assert scan_spans(text, citations.fold(text)) == expected


def test_spans_are_kept_from_the_scan_of_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Căn cứ Chỉ thị số 05-CT/TU ngày 10/3/2025 của Ban Thường vụ Tỉnh ủy, xã lập danh sách."
    folded = citations.fold(text)
    expected = [(m.start, m.end) for m in scan(text, folded)]
    read = _counting_scans(monkeypatch)
    assert scan_spans(text, folded) == expected
    assert read == []
    other = "Thực hiện Kế hoạch số 44/KH-UBND ngày 9/9/2025, thôn tổ chức 2 buổi tuyên truyền."
    assert scan_spans(other, citations.fold(other)) == [(m.start, m.end) for m in scan(other)]
    assert read[0] == other  # another text is scanned, not served the last one's spans


def test_a_caller_changing_the_spans_does_not_change_the_kept_ones() -> None:
    text = "Theo Công văn số 77/UBND-VP ngày 1/8/2025, xã báo cáo."
    folded = citations.fold(text)
    scan(text, folded)
    scan_spans(text, folded).clear()
    assert scan_spans(text, folded) == [(m.start, m.end) for m in scan(text, folded)] != []


def test_another_thread_does_not_see_this_threads_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Theo Chỉ thị số 09/CT-UBND ngày 2/2/2025, các thôn rà soát hộ nghèo."
    folded = citations.fold(text)
    scan(text, folded)
    read = _counting_scans(monkeypatch)
    seen: list[list[tuple[int, int]]] = []
    worker = threading.Thread(target=lambda: seen.append(scan_spans(text, folded)))
    worker.start()
    worker.join()
    assert read == [text]  # the other thread scanned for itself
    assert seen == [scan_spans(text, folded)] and read == [text]


def test_targets_read_the_same_with_and_without_the_kept_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    document = load_document(path)
    extract_citations(document)  # as process_file does, just before targets
    read = _counting_scans(monkeypatch)
    kept = extract_targets(document, nlp=False)
    assert read == []
    monkeypatch.setattr(citations, "_last_scan", threading.local())
    again = extract_targets(document, nlp=False)
    assert read == [document.text]
    assert [t.model_dump() for t in kept] == [t.model_dump() for t in again]
    assert len(kept) >= 2


# --- pure lookups remembered across calls: the same answer as working it out again -------------------


@pytest.mark.parametrize(
    "folded",
    ["ubnd xã", "ủy ban nhân dân xã", "ubnd phường", "mttq việt nam xã", "hđnd&ubnd xã", "không là cơ quan"],
)
def test_a_remembered_lexicon_name_is_the_one_worked_out(folded: str) -> None:
    from extractors.bodies import _lexicon_name

    assert _lexicon_name(folded) == _lexicon_name.__wrapped__(folded)
    assert _lexicon_name(folded) == _lexicon_name.__wrapped__(folded)  # the second answer comes from memory


def test_the_lexicon_name_is_remembered() -> None:
    from extractors.bodies import _lexicon_name

    _lexicon_name("ubnd xã")
    hits = _lexicon_name.cache_info().hits
    assert _lexicon_name("ubnd xã") == "Ủy ban nhân dân xã"
    assert _lexicon_name.cache_info().hits == hits + 1


@pytest.mark.parametrize(
    "folded",
    [
        "phấn đấu đến năm 2030 có 95% hộ dân dùng điện thoại thông minh",
        "hoàn thành trước 31/12/2026",
        "đến hết năm 2027, mỗi thôn có 1 tổ công nghệ số",
        "trong quý ii/2026 rà soát toàn bộ hồ sơ",
        "tổ chức 3 lớp tập huấn cho cán bộ xã",
    ],
)
def test_a_remembered_horizon_is_the_one_worked_out(folded: str) -> None:
    from extractors.targets import _strict_horizon, horizon

    expected = _strict_horizon.__wrapped__(folded)
    assert _strict_horizon(folded) == expected
    assert _strict_horizon(folded) == expected
    assert horizon(folded) == expected
