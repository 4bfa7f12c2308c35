"""`kehoach show`: what a person sees for a real plan, and a clear error for a file kehoach cannot read."""

from __future__ import annotations

from pathlib import Path

from pipeline.cli import main
from pipeline.i18n import say

PLANS = Path(__file__).resolve().parent.parent / "corpus" / "plans"


def test_show_prints_head_tree_tables(capsys):
    assert main(["show", str(PLANS / "nhu-khe_10-KH-DU_2025.txt")]) == 0
    out = capsys.readouterr().out
    assert "Số 10-KH/ĐU" in out
    assert "Nhữ Khê, ngày 22 tháng 9 năm 2025" in out
    assert "\n  IV             NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM" in out
    assert "\n    IV.9           Kiểm tra, giám sát" in out
    assert "bảng 1: 14 hàng, thuộc Phụ lục I" in out
    assert "bảng 2: 12 hàng, thuộc Phụ biểu II" in out
    assert " 4 chủ trì       Cơ quan chủ trì" in out
    assert "người ký    Nguyễn Hữu Phương" in out
    assert "CẢNH BÁO (0)" in out


def test_show_typed_error_goes_to_stderr(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    assert main(["show", str(empty)]) == 1
    captured = capsys.readouterr()
    assert "tệp rỗng" in captured.err and captured.out == ""


def test_show_unsupported_format(tmp_path, capsys):
    odt = tmp_path / "plan.odt"
    odt.write_bytes(b"not a plan")
    assert main(["show", str(odt)]) == 1
    assert say("advice.unsupported_format") in capsys.readouterr().err


def test_show_missing_file(tmp_path, capsys):
    assert main(["show", str(tmp_path / "none.txt")]) == 1
    err = capsys.readouterr().err
    assert "none.txt" in err and "không tìm thấy tệp" in err
    assert "hỏng" not in err  # a missing file is not called damaged


def test_show_lists_what_was_found_with_its_place(capsys):
    plan = Path(__file__).resolve().parent.parent / "corpus" / "plans" / "xuan-hung_KH-02_2025.pdf"
    assert main(["show", str(plan)]) == 0
    out = capsys.readouterr().out
    for heading in ("THÔNG TIN VĂN BẢN", "VĂN BẢN ĐƯỢC DẪN (", "CHỈ TIÊU (", "THỜI HẠN (", "CƠ QUAN (", "NHIỆM VỤ ("):
        assert heading in out
    assert "Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương" in out
    assert "[II.2 · trang " in out  # a target under "Mục tiêu cụ thể", with its PDF page
