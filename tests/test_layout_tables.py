"""Plans whose head and end are laid out in borderless Word tables (tests/fixtures/layout_*.docx/.pdf).

Real commune plans put "ĐẢNG ỦY XÃ … / Số 12-KH/ĐU" beside "ĐẢNG CỘNG SẢN VIỆT NAM / place, date", and
"Nơi nhận: …" beside "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / name", in two-column tables without lines. Those
tables are layout, not data: the metadata must be read from them as from plain lines, no plan table or
task may come from them, the "Nơi nhận" list names no responsible body, and the body is read as usual.
The fixtures are made by tests/fixtures/make_layout_fixtures.py. The last tests pin each rule alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pipeline.ingest import read_document
from pipeline.ingest.pdf import _Line, _paragraphs
from pipeline.process import load_document, process_file

FIXTURES = Path(__file__).parent / "fixtures"

EXPECTED_METADATA = {
    "layout_party": {
        "number": "12-KH/ĐU",
        "symbol": "KH/ĐU",
        "date": "2025-09-18",
        "place": "Hòa An",
        "issuer": "Ban Thường vụ Đảng ủy xã",
        "signer": "Nguyễn Văn Bình",
        "signer_title": "Phó Bí thư",
    },
    "layout_committee": {
        "number": "87/KH-UBND",
        "symbol": "KH-UBND",
        "date": "2025-10-24",
        "place": "Nậm Chảy",
        "issuer": "Ủy ban nhân dân xã",
        "signer": "Lò Thị Mai",
        "signer_title": "Phó Chủ tịch",
    },
    "layout_ward": {
        "number": "09-KH/ĐU",
        "symbol": "KH/ĐU",
        "date": "2025-11-05",
        "place": "Tân An",
        "issuer": "Đảng ủy phường",
        "signer": "Trần Minh Đức",
        "signer_title": "Bí thư",
    },
}

# Bodies named only in the "Nơi nhận" list: never a responsible body.
RECIPIENTS_ONLY = {
    "layout_party": ["Hội Nông dân", "Hội đồng nhân dân", "Ban Thường vụ Tỉnh ủy"],
    "layout_committee": ["Hội Liên hiệp Phụ nữ", "Sở Khoa học và Công nghệ"],
    "layout_ward": ["Đoàn Thanh niên", "Ủy ban nhân dân phường", "Ban Thường vụ Tỉnh ủy"],
}

# (name, role, section) of bodies, (value, section) of targets, (end, section) of deadlines in the body.
EXPECTED_BODIES = {
    "layout_party": [
        ("Ủy ban Mặt trận Tổ quốc Việt Nam xã", "support", "III.1"),
        ("Ủy ban nhân dân xã", "lead", "III.2"),
        ("Văn phòng Đảng ủy", "lead", "IV"),
    ],
    "layout_committee": [
        ("Công an xã", "lead", "II.1"),
        ("Đoàn Thanh niên", "support", "II.1"),
        ("Phòng Văn hóa - Xã hội xã", "lead", "III"),
    ],
    "layout_ward": [
        ("Văn phòng Đảng ủy", "lead", "II.1"),
        ("Văn phòng Đảng ủy", "support", "II.2"),
    ],
}
EXPECTED_TARGETS = {
    "layout_party": [(100.0, "II"), (80.0, "II")],
    "layout_committee": [(60.0, "I"), (100.0, "I")],
    "layout_ward": [(90.0, "I")],
}
EXPECTED_DEADLINES = {
    "layout_party": [("2025-12-31", "III.1"), ("2026-12-31", "III.2")],
    "layout_committee": [("2026-06-30", "II.1"), ("2026-09-30", "II.2"), ("2026-12-15", "III")],
    "layout_ward": [("2026-03-31", "II.1"), ("2026-12-31", "II.2")],
}

EXPECTED_TITLES = {
    "layout_party": "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa "
    "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn xã",
    "layout_committee": "Chuyển đổi số trên địa bàn xã Nậm Chảy năm 2026",
    "layout_ward": "thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về chuyển đổi số "
    "trong các cơ quan đảng",
}

CASES = [(name, ext) for name in EXPECTED_METADATA for ext in ("docx", "pdf")]
IDS = [f"{name}.{ext}" for name, ext in CASES]


@pytest.fixture(scope="module")
def results():
    return {(name, ext): process_file(FIXTURES / f"{name}.{ext}") for name, ext in CASES}


@pytest.mark.parametrize(("name", "ext"), CASES, ids=IDS)
def test_metadata_read_from_layout_tables(results, name: str, ext: str) -> None:
    metadata = results[(name, ext)].metadata
    got = {field: getattr(metadata, field) for field in EXPECTED_METADATA[name]}
    assert got == EXPECTED_METADATA[name]


@pytest.mark.parametrize(("name", "ext"), CASES, ids=IDS)
def test_type_and_title_read_apart_from_the_rule_under_them(results, name: str, ext: str) -> None:
    metadata = results[(name, ext)].metadata
    assert (metadata.doc_type, metadata.title) == ("ke_hoach", EXPECTED_TITLES[name])


def test_title_year_is_a_deadline_in_every_format(results) -> None:
    for ext in ("docx", "pdf"):
        title_deadlines = [(d.quote, d.end) for d in results[("layout_committee", ext)].deadlines if d.section is None]
        assert title_deadlines == [("năm 2026", "2026-12-31")], ext


@pytest.mark.parametrize(("name", "ext"), CASES, ids=IDS)
def test_layout_tables_are_not_plan_tables(results, name: str, ext: str) -> None:
    document = load_document(FIXTURES / f"{name}.{ext}")
    assert document.tables == []
    assert not any(block.role == "cell" for block in document.blocks)
    assert results[(name, ext)].tasks == []
    # the head and the end still have their roles
    roles = {block.role for block in document.blocks}
    assert {"header", "basis", "signature", "recipients"} <= roles


@pytest.mark.parametrize(("name", "ext"), CASES, ids=IDS)
def test_recipients_give_no_bodies(results, name: str, ext: str) -> None:
    document = load_document(FIXTURES / f"{name}.{ext}")
    tail = document.text.find("Nơi nhận")
    assert tail > 0
    bodies = results[(name, ext)].bodies
    assert bodies
    assert all(body.span is not None and body.span[0] < tail for body in bodies)
    for name_only in RECIPIENTS_ONLY[name]:
        assert not any(name_only.lower() in body.name.lower() for body in bodies), name_only


@pytest.mark.parametrize(("name", "ext"), CASES, ids=IDS)
def test_body_records_still_found(results, name: str, ext: str) -> None:
    result = results[(name, ext)]
    bodies = {(b.name, b.role, b.section) for b in result.bodies}
    assert set(EXPECTED_BODIES[name]) <= bodies
    targets = {(t.value, t.section) for t in result.targets}
    assert set(EXPECTED_TARGETS[name]) <= targets
    deadlines = {(d.end, d.section) for d in result.deadlines}
    assert set(EXPECTED_DEADLINES[name]) <= deadlines


# --- the rules, one at a time ------------------------------------------------------------------------


def _two_cell_docx(path: Path, style: str | None, cells: tuple[list[str], list[str]], rows: int = 1) -> Path:
    doc = WordDocument()
    table = doc.add_table(rows=rows, cols=2)
    if style:
        table.style = doc.styles[style]
    for cell, lines in zip(table.rows[0].cells, cells, strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for r in range(1, rows):
        table.rows[r].cells[0].text = f"hàng {r}"
    doc.save(path)
    return path


def test_docx_borderless_small_table_reads_as_lines_column_by_column(tmp_path: Path) -> None:
    path = _two_cell_docx(tmp_path / "head.docx", None, (["ỦY BAN NHÂN DÂN", "XÃ A", "Số: 5/KH-UBND"], ["B", "C"]))
    raw = read_document(path)
    assert [b.text for b in raw.blocks] == ["ỦY BAN NHÂN DÂN", "XÃ A", "Số: 5/KH-UBND", "B", "C"]
    assert all(b.kind == "paragraph" for b in raw.blocks)
    assert [(b.source.table, b.source.column) for b in raw.blocks] == [(0, 0)] * 3 + [(0, 1)] * 2


def test_docx_table_with_lines_stays_a_table(tmp_path: Path) -> None:
    path = _two_cell_docx(tmp_path / "grid.docx", "Table Grid", (["STT", "1"], ["Nội dung", "Việc"]))
    raw = read_document(path)
    assert [b.kind for b in raw.blocks] == ["cell", "cell"]
    assert raw.blocks[0].text == "STT\n1"


def test_docx_borderless_long_table_stays_a_table(tmp_path: Path) -> None:
    path = _two_cell_docx(tmp_path / "long.docx", None, (["STT"], ["Nội dung"]), rows=4)
    raw = read_document(path)
    assert {b.kind for b in raw.blocks} == {"cell"}


def test_docx_borderless_one_line_header_over_a_row_stays_a_table(tmp_path: Path) -> None:
    path = _two_cell_docx(tmp_path / "short.docx", None, (["Chỉ tiêu"], ["Giá trị"]), rows=2)
    raw = read_document(path)
    assert [b.kind for b in raw.blocks] == ["cell"] * 4


def test_docx_styled_table_whose_cells_switch_borders_off_is_layout(tmp_path: Path) -> None:
    """Word's "No Border" on a "Table Grid" table writes w:tcBorders nil in every cell, not w:tblBorders."""
    path = _two_cell_docx(tmp_path / "styled.docx", "Table Grid", (["Nơi nhận:", "- Lưu VT."], ["BÍ THƯ", "Tên"]))
    doc = WordDocument(str(path))
    for cell in doc.tables[0].rows[0].cells:
        borders = OxmlElement("w:tcBorders")
        for edge in ("top", "left", "bottom", "right"):
            element = OxmlElement(f"w:{edge}")
            element.set(qn("w:val"), "nil")
            borders.append(element)
        cell._tc.get_or_add_tcPr().append(borders)
    doc.save(str(path))
    raw = read_document(path)
    assert [(b.kind, b.text) for b in raw.blocks] == [
        ("paragraph", "Nơi nhận:"),
        ("paragraph", "- Lưu VT."),
        ("paragraph", "BÍ THƯ"),
        ("paragraph", "Tên"),
    ]


def test_docx_two_row_head_table(tmp_path: Path) -> None:
    """Body | motto over number | date, each in its own row: read column by column, then as plain lines."""
    doc = WordDocument()
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].paragraphs[0].text = "ỦY BAN NHÂN DÂN"
    table.rows[0].cells[0].add_paragraph("XÃ BẢN LẦY")
    table.rows[0].cells[1].paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.rows[0].cells[1].add_paragraph("Độc lập - Tự do - Hạnh phúc")
    table.rows[1].cells[0].text = "Số: 14/KH-UBND"
    table.rows[1].cells[1].text = "Bản Lầy, ngày 03 tháng 12 năm 2025"
    for line in (
        "KẾ HOẠCH",
        "Chuyển đổi số năm 2026",
        "Căn cứ Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương;",
        "Ủy ban nhân dân xã Bản Lầy ban hành Kế hoạch như sau:",
        "I. NHIỆM VỤ",
        "Công an xã chủ trì hướng dẫn người dân, hoàn thành trước ngày 30/6/2026.",
    ):
        doc.add_paragraph(line)
    path = tmp_path / "two_rows.docx"
    doc.save(str(path))
    metadata = process_file(path).metadata
    got = (metadata.number, metadata.date, metadata.place, metadata.issuer)
    assert got == ("14/KH-UBND", "2025-12-03", "Bản Lầy", "Ủy ban nhân dân xã")
    assert load_document(path).tables == []


def _txt(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return path


# A tail as a PDF reads "Nơi nhận" and the signature side by side: the two columns interleaved (blank
# lines keep a .txt reader from joining them into paragraphs).
INTERLEAVED_TAIL = """KẾ HOẠCH
về chuyển đổi số

I. NHIỆM VỤ

Văn phòng Đảng ủy chủ trì triển khai phần mềm, hoàn thành trước ngày 31/3/2026.

T/M BAN THƯỜNG VỤ

PHÓ BÍ THƯ

Nơi nhận:

- Ban Thường vụ Tỉnh ủy (b/c),

- Hội Nông dân xã,

- Các chi bộ trực thuộc,

- Ủy ban nhân dân xã,

Phạm Quang Huy

- Lưu Văn phòng Đảng ủy.
"""


def test_recipients_lines_between_title_and_name_are_skipped(tmp_path: Path) -> None:
    metadata = process_file(_txt(tmp_path, INTERLEAVED_TAIL)).metadata
    assert (metadata.signer, metadata.signer_title) == ("Phạm Quang Huy", "Phó Bí thư")


def test_list_line_after_the_signature_belongs_to_the_recipients(tmp_path: Path) -> None:
    document = load_document(_txt(tmp_path, INTERLEAVED_TAIL))
    last = document.blocks[-1]
    assert document.text[last.start : last.end] == "Lưu Văn phòng Đảng ủy."
    assert last.role == "recipients"


def _centred(text: str, top: float, width: float) -> _Line:
    """A bold centred line of a 14-point page whose text column runs from 85 to 540 points."""
    middle = (85 + 540) / 2
    return _Line(chars=[], text=text, x0=middle - width / 2, x1=middle + width / 2, top=top, size=14, bold=True)


def test_pdf_centred_capitals_over_ordinary_case_are_two_paragraphs() -> None:
    lines = [
        _centred("KẾ HOẠCH", 200, 70),
        _centred("Chuyển đổi số trên địa bàn xã năm 2026", 216, 300),
        _centred("T/M BAN THƯỜNG VỤ", 400, 150),
        _centred("PHÓ BÍ THƯ", 416, 90),
    ]
    groups = _paragraphs(lines, left=85, right=540, pitch=16)
    assert [[line.text for line in group] for group in groups] == [
        ["KẾ HOẠCH"],
        ["Chuyển đổi số trên địa bàn xã năm 2026"],
        ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"],  # capitals over capitals: one block, as before
    ]


def test_rule_under_the_title_is_not_part_of_it(tmp_path: Path) -> None:
    text = (
        "KẾ HOẠCH\n\nChuyển đổi số năm 2026\n\n-----\n\nCăn cứ Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025;\n\nI. MỤC TIÊU\n"
    )
    metadata = process_file(_txt(tmp_path, text)).metadata
    assert metadata.title == "Chuyển đổi số năm 2026"
