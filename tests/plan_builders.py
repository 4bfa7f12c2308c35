"""A small Party-committee plan of our own, written to a .txt and read through the real ingest and
structure steps: the frame the task and criteria tests put their tables and numbered tasks in."""

from __future__ import annotations

from pathlib import Path

from pipeline.document import Document
from pipeline.process import load_document

HEAD = """ĐẢNG BỘ XÃ HÒA BÌNH
BAN CHẤP HÀNH ĐẢNG BỘ XÃ

Số: 09-KH/ĐU

Hòa Bình, ngày 15 tháng 9 năm 2025

KẾ HOẠCH

Chuyển đổi số trên địa bàn xã Hòa Bình

Ban Chấp hành Đảng bộ xã xây dựng Kế hoạch thực hiện như sau:

"""

TAIL = """

Nơi nhận:
- Văn phòng Đảng ủy,
- Lưu VPĐU.
"""


def plan(tmp_path: Path, body: str) -> Document:
    """The document of HEAD + `body` + TAIL, saved as tmp_path/plan.txt."""
    path = tmp_path / "plan.txt"
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    return load_document(path)
