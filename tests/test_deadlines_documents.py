"""Deadlines in the documents of ministries, provinces and the Prime Minister (sentences in our own words):

- a procedure's time limit ("trong thời hạn không quá 10 (mười) ngày làm việc kể từ …") is `by_date` with no
  calendar bound (gold/README, round-3 decisions); a cap alone ("không quá 02 ngày") is one only where the
  count's origin follows ("kể từ …"); a date of effect ("có hiệu lực sau 15 ngày, kể từ ngày ký") is none;
"""

from __future__ import annotations

from pathlib import Path

from extractors.deadlines import extract_deadlines
from pipeline.process import load_document

HEAD = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH AN
Số: 27/2026/QĐ-UBND
Hòa Bình An, ngày 09 tháng 3 năm 2026
QUYẾT ĐỊNH
Ban hành Quy định về hỗ trợ nhà ở cho hộ nghèo{tail}

"""


def _records(tmp_path: Path, body: str, tail: str = "") -> list[tuple]:
    path = tmp_path / "doc.txt"
    path.write_text(HEAD.format(tail=tail) + body.strip() + "\n", encoding="utf-8")
    found, _ = extract_deadlines(load_document(path))
    return [(r.quote, r.kind, r.start, r.end, r.recurrence) for r in found]


def test_a_procedures_time_limit_is_a_deadline_without_calendar_bound(tmp_path: Path) -> None:
    body = (
        "Điều 4. Trình tự giải quyết\n\n"
        "1. Ủy ban nhân dân cấp xã: Trong thời hạn không quá 10 (mười) ngày làm việc kể từ ngày nhận đơn, "
        "lập danh sách gửi Phòng Nội vụ.\n\n"
        "2. Phòng Tài chính thẩm định không quá 04 ngày làm việc, kể từ ngày nhận đủ danh sách.\n\n"
        "3. Quyết định này có hiệu lực thi hành sau 15 ngày, kể từ ngày ký.\n"
    )
    assert _records(tmp_path, body) == [
        ("Trong thời hạn không quá 10 (mười) ngày làm việc", "by_date", None, None, None),
        ("không quá 04 ngày làm việc", "by_date", None, None, None),
    ]


def test_a_cap_without_the_counts_origin_is_no_time_limit(tmp_path: Path) -> None:
    body = "Điều 5. Mức hỗ trợ\n\nMỗi hộ được hỗ trợ lưu trú không quá 03 ngày tại nhà văn hóa thôn.\n"
    assert _records(tmp_path, body) == []
