"""Bodies rules of the "bodies7" pass, each for a grammatical cause met in several issuers' documents: every
test puts sentences of our own in a small plan or report (read through the real ingest and structure steps) and
checks the records they give, or that they give none."""

from __future__ import annotations

from pathlib import Path

from test_bodies import L, duty, plan, records

from pipeline.process import load_document


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
