"""Ingest readers: every input state a plan arrives in gives the right text or the right typed error.

Fixtures in tests/fixtures are committed (see their README); .docx inputs are also built here with
python-docx, and .pdf inputs with LibreOffice when `soffice` is installed (skipped otherwise).
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
import unicodedata
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from pipeline.errors import (
    EmptyDocumentError,
    EncryptedPdfError,
    ImageOnlyPdfError,
    KehoachError,
    LegacyDocFormatError,
    LegacyEncodingError,
    UnreadableDocumentError,
    UnsupportedFormatError,
)
from pipeline.ingest import read_document
from pipeline.ingest.legacy_encoding import build_tcvn3_table, build_vni_table, load_table
from pipeline.raw import RawDocument

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PLANS = ROOT / "corpus" / "plans"
CORPUS_STEMS = sorted(p.stem for p in PLANS.glob("*.txt"))
HAS_SOFFICE = shutil.which("soffice") is not None


def nfc_texts(raw: RawDocument) -> list[str]:
    return [unicodedata.normalize("NFC", block.text) for block in raw.blocks]


def squash(text: str) -> str:
    """Text with all whitespace removed: compares cells across formats whose wrapping differs."""
    return "".join(unicodedata.normalize("NFC", text).split())


# ---------------------------------------------------------------- text encodings


@pytest.fixture(scope="module")
def reference() -> list[str]:
    raw = read_document(FIXTURES / "utf8_bom.txt")
    assert raw.encoding == "utf-8-sig"
    assert not raw.blocks[0].text.startswith("\ufeff")
    return nfc_texts(raw)


@pytest.mark.parametrize(
    ("name", "encoding", "legacy"),
    [
        ("utf16.txt", "utf-16", False),
        ("nfd.txt", "utf-8", False),
        ("cp1258.txt", "cp1258", False),
        ("tcvn3.txt", "tcvn3", True),
        ("vni.txt", "vni", True),
    ],
)
def test_encoded_fixture_gives_the_reference_text(name: str, encoding: str, legacy: bool, reference: list[str]):
    raw = read_document(FIXTURES / name)
    assert raw.encoding == encoding
    assert nfc_texts(raw) == reference
    if legacy:
        assert [w.code for w in raw.warnings] == ["legacy_converted"] and name in raw.warnings[0].message
    else:
        assert raw.warnings == []


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_shipped_table_inverts_the_fixture_makers_independent_table(encoding: str):
    """tests/fixtures/*_map.json were written by another hand from the published code tables."""
    from pipeline.ingest.legacy_encoding import convert

    theirs = json.loads((FIXTURES / f"{encoding}_map.json").read_text("utf-8"))["map"]
    assert len(theirs) > 60
    wrong = {
        letter: convert(legacy, encoding) for letter, legacy in theirs.items() if convert(legacy, encoding) != letter
    }
    assert wrong == {}


def test_vni_table_is_the_documented_scheme():
    assert load_table("vni") == build_vni_table()


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv builds the TCVN3 table")
def test_tcvn3_table_is_the_vn3_subset_of_tcvn5712():
    assert load_table("tcvn3") == build_tcvn3_table()


def to_legacy(text: str, encoding: str) -> str:
    """Write Unicode text as a legacy font's user would have typed it (the Windows-1252 view)."""
    inverse: dict[str, str] = {}
    for key, letter in sorted(load_table(encoding).items(), key=lambda kv: len(kv[0]), reverse=True):
        inverse.setdefault(letter, key)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(inverse.get(ch) or inverse.get(ch.lower()) or ch)  # TCVN3: capitals via the H font
    return "".join(out)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 the way Windows writes it: precomposed where the code page has the letter,
    else base letter (with its hat/horn) + a combining tone byte."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += base.encode("cp1258") + "".join(c for c in parts if c in tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("stem", CORPUS_STEMS)
def test_corpus_text_in_every_unicode_encoding_is_not_mistaken_for_legacy(stem: str, tmp_path: Path):
    original = (PLANS / f"{stem}.txt").read_text("utf-8")
    expected = [unicodedata.normalize("NFC", b.text) for b in read_document(PLANS / f"{stem}.txt").blocks]
    for codec, data in (
        ("utf-8", original.encode("utf-8")),
        ("utf-16", original.encode("utf-16")),
        ("cp1258", to_cp1258(original)),
    ):
        path = tmp_path / f"{stem}-{codec}.txt"
        path.write_bytes(data)
        raw = read_document(path)
        assert raw.encoding == codec
        assert raw.warnings == []
        assert nfc_texts(raw) == expected


@pytest.mark.parametrize("stem", CORPUS_STEMS)
@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_corpus_text_in_a_legacy_encoding_is_detected_and_converted(stem: str, encoding: str, tmp_path: Path):
    """Compared character by character, not with difflib: SequenceMatcher(autojunk=False) over a whole
    plan (up to ~27k characters) grows worse than quadratically (1.5 s at 10k, 10 s at 20k) and once
    made this test take 37-45 s."""
    original = (PLANS / f"{stem}.txt").read_text("utf-8")
    legacy = to_legacy(original, encoding)
    want = unicodedata.normalize("NFC", "\n".join(b.text for b in read_document(PLANS / f"{stem}.txt").blocks))
    for form, data in (("bytes", legacy.encode("cp1252")), ("copied", legacy.encode("utf-8"))):
        path = tmp_path / f"{stem}-{encoding}-{form}.txt"
        path.write_bytes(data)
        raw = read_document(path)
        assert raw.encoding == encoding
        text = "\n".join(nfc_texts(raw))
        if encoding == "vni":
            assert text == want
        else:  # TCVN3 has no uppercase toned letters: a capital at a sentence start may come out small
            assert text.lower() == want.lower() and len(text) == len(want)
            assert sum(a != b for a, b in zip(text, want, strict=True)) < 0.005 * len(want)


def test_text_half_tcvn3_half_vni_is_refused(tmp_path: Path, reference: list[str]):
    body = "\n\n".join(reference)
    mixed = to_legacy(body, "tcvn3") + "\n\n" + to_legacy(body, "vni")
    path = tmp_path / "mixed.txt"
    path.write_bytes(mixed.encode("cp1252"))
    with pytest.raises(LegacyEncodingError) as error:
        read_document(path)
    assert "mixed.txt" in str(error.value) and "UniKey" in str(error.value)


def test_raw_text_fixtures_are_returned_as_written():
    """Debris, hard wraps and old tone marks are normalize's business: ingest must not alter them."""
    debris = read_document(FIXTURES / "word_debris.txt")
    assert debris.blocks[0].text.startswith("[bookmark: _Hlk123456]")
    wrapped = read_document(FIXTURES / "hard_wrapped.txt")
    assert wrapped.encoding == "utf-8"
    assert wrapped.blocks[0].text.splitlines()[0] == "ĐẢNG BỘ XÃ BÌNH MINH"
    old = read_document(FIXTURES / "old_tone_marks.txt")
    assert "Uỷ ban" in "\n".join(nfc_texts(old))


# ---------------------------------------------------------------- typed errors


@pytest.mark.parametrize(
    ("name", "error", "detail"),
    [
        ("empty.txt", EmptyDocumentError, "tệp rỗng"),
        ("empty.docx", EmptyDocumentError, "không có chữ"),
        ("blank.pdf", EmptyDocumentError, "trống"),
        ("scanned.pdf", ImageOnlyPdfError, "lớp chữ"),
        ("encrypted.pdf", EncryptedPdfError, "mật khẩu"),
        ("truncated.docx", UnreadableDocumentError, "không đầy đủ"),
        ("old_binary.docx", LegacyDocFormatError, ".doc"),
        ("random.pdf", UnreadableDocumentError, "không phải PDF"),
    ],
)
def test_bad_input_gives_a_typed_error_naming_the_file(name: str, error: type[KehoachError], detail: str):
    with pytest.raises(error) as caught:
        read_document(FIXTURES / name)
    assert type(caught.value) is error
    message = str(caught.value)
    assert message.startswith(str(FIXTURES / name))
    assert detail in message
    assert caught.value.advice in message


def test_content_wins_over_the_extension(tmp_path: Path):
    pdf_as_txt = tmp_path / "plan.txt"
    pdf_as_txt.write_bytes((FIXTURES / "table_two_pages.pdf").read_bytes())
    raw = read_document(pdf_as_txt)
    assert raw.format == "pdf" and raw.pages == 2
    assert [(w.code, w.values["kind"]) for w in raw.warnings] == [("format_mismatch", "PDF")]

    docx_as_pdf = tmp_path / "plan.pdf"
    docx_as_pdf.write_bytes((FIXTURES / "table_two_pages.docx").read_bytes())
    assert read_document(docx_as_pdf).format == "docx"

    text_as_pdf = tmp_path / "note.pdf"
    text_as_pdf.write_text("Kế hoạch", "utf-8")
    with pytest.raises(UnreadableDocumentError, match=r"note\.pdf"):
        read_document(text_as_pdf)

    import openpyxl

    book = tmp_path / "sheet.docx"
    openpyxl.Workbook().save(book)
    with pytest.raises(UnsupportedFormatError, match="Excel"):
        read_document(book)

    other = tmp_path / "plan.odt"
    other.write_text("Kế hoạch", "utf-8")
    with pytest.raises(UnsupportedFormatError, match=r"plan\.odt"):
        read_document(other)


# ---------------------------------------------------------------- docx


def _set_cell(cell, text: str) -> None:
    cell.text = text


@pytest.fixture(scope="module")
def built_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plan with what Word users do: styles, lists, merged cells, a nested table, header/footer."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "ĐẢNG BỘ XÃ BÌNH MINH"
    doc.sections[0].footer.paragraphs[0].text = "Trang chân"
    doc.add_paragraph("KẾ HOẠCH", style="Title")
    doc.add_heading("I. MỤC TIÊU", level=1)
    doc.add_paragraph("Đạt 100% hồ sơ trực tuyến", style="List Bullet")
    doc.add_paragraph("Hoàn thành trước 31/12/2026", style="List Number")
    doc.add_paragraph("Hoàn thành báo cáo quý", style="List Number")
    bold = doc.add_paragraph()
    bold.add_run("Phụ lục").bold = True
    table = doc.add_table(rows=4, cols=3)
    for j, title in enumerate(("STT", "Nhiệm vụ", "Chủ trì")):
        _set_cell(table.rows[0].cells[j], title)
    _set_cell(table.rows[1].cells[0], "1")
    _set_cell(table.rows[1].cells[1], "Số hóa hồ sơ")
    table.cell(1, 2).merge(table.cell(2, 2))  # vertical merge: one cell spanning two rows
    table.cell(1, 2).text = "UBND xã"
    _set_cell(table.rows[2].cells[0], "2")
    _set_cell(table.rows[2].cells[1], "Tập huấn")
    table.cell(3, 0).merge(table.cell(3, 1))  # horizontal merge
    table.cell(3, 0).text = "Tổng cộng"
    inner = table.cell(3, 2).add_table(rows=1, cols=2)
    inner.rows[0].cells[0].text = "Quý I"
    inner.rows[0].cells[1].text = "Quý II"
    after = doc.add_paragraph("Đoạn sau bảng.")
    after.add_run(" chữ ẩn").font.hidden = True
    after.add_run().add_break(WD_BREAK.LINE)
    after.add_run("Dòng thứ hai.")
    path = tmp_path_factory.mktemp("docx") / "built.docx"
    doc.save(path)
    return path


def test_docx_body_order_styles_and_numbering(built_docx: Path):
    raw = read_document(built_docx)
    assert raw.format == "docx"
    paragraphs = [b for b in raw.blocks if b.kind == "paragraph"]
    assert [(b.text, b.style) for b in paragraphs] == [
        ("KẾ HOẠCH", "Title"),
        ("I. MỤC TIÊU", "Heading 1"),
        ("- Đạt 100% hồ sơ trực tuyến", "List Bullet"),
        ("1. Hoàn thành trước 31/12/2026", "List Number"),
        ("2. Hoàn thành báo cáo quý", "List Number"),
        ("Phụ lục", "bold"),
        ("Đoạn sau bảng.\nDòng thứ hai.", None),
    ]
    assert [b.source.paragraph for b in paragraphs] == [0, 1, 2, 3, 4, 5, 6]
    kinds = [b.kind for b in raw.blocks]
    first_cell, last_cell = kinds.index("cell"), len(kinds) - 1 - kinds[::-1].index("cell")
    assert raw.blocks[first_cell - 1].text == "Phụ lục" and raw.blocks[last_cell + 1].text.startswith("Đoạn sau")


def test_docx_merged_and_nested_cells(built_docx: Path):
    raw = read_document(built_docx)
    cells = {(b.source.row, b.source.column): b for b in raw.blocks if b.kind == "cell"}
    assert {b.source.table for b in cells.values()} == {0}
    assert cells[(0, 1)].text == "Nhiệm vụ"
    assert (cells[(1, 2)].text, cells[(1, 2)].row_span) == ("UBND xã", 2)
    assert (2, 2) not in cells  # the merged cell appears once
    assert (cells[(3, 0)].text, cells[(3, 0)].col_span) == ("Tổng cộng", 2)
    assert (3, 1) not in cells
    assert cells[(3, 2)].text == "Quý I | Quý II"
    assert len(cells) == 3 + 3 + 2 + 2


def test_docx_headers_and_footers_are_furniture_only(built_docx: Path):
    raw = read_document(built_docx)
    assert {b.text for b in raw.furniture} == {"ĐẢNG BỘ XÃ BÌNH MINH", "Trang chân"}
    body = "\n".join(b.text for b in raw.blocks)
    assert "BÌNH MINH" not in body and "Trang chân" not in body


def test_docx_footnote_kept_out_of_the_body():
    raw = read_document(FIXTURES / "table_two_pages.docx")
    assert raw.footnotes == {"1": "Văn bản được chuyển sang định dạng .docx từ bản .txt trong kho kehoach."}
    assert all("kho kehoach" not in b.text for b in raw.blocks)


def test_docx_runs_in_legacy_fonts_are_converted(tmp_path: Path, reference: list[str]):
    doc = Document()
    title = doc.add_paragraph().add_run(to_legacy("kế hoạch", "tcvn3"))
    title.font.name = ".VnTimeH"  # the capitals face: lowercase codes drawn as capitals
    mixed = doc.add_paragraph()
    mixed.add_run("Unicode: Ủy ban nhân dân xã; ")
    mixed.add_run(to_legacy(reference[1], "tcvn3")).font.name = ".VnTime"
    doc.add_paragraph().add_run(to_legacy(reference[0], "vni")).font.name = "VNI-Times"
    path = tmp_path / "fonts.docx"
    doc.save(path)
    raw = read_document(path)
    assert nfc_texts(raw) == ["KẾ HOẠCH", "Unicode: Ủy ban nhân dân xã; " + reference[1], reference[0]]
    assert raw.encoding == "tcvn3+vni"
    assert len(raw.warnings) == 1 and raw.warnings[0].values["file"] == "fonts.docx"


def test_docx_legacy_text_in_a_unicode_font_is_detected(tmp_path: Path, reference: list[str]):
    doc = Document()
    for paragraph in reference:
        doc.add_paragraph(to_legacy(paragraph, "vni"))
    path = tmp_path / "lost_font.docx"
    doc.save(path)
    raw = read_document(path)
    assert raw.encoding == "vni"
    assert nfc_texts(raw) == reference


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _note_ref(note_id: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


def _with_footnotes(plain: Path, out: Path, body_xml: str, notes: dict[int, str]) -> Path:
    """python-docx cannot write footnotes: add the part, its relationship and content type by hand,
    and replace the body with `body_xml` (paragraph XML)."""
    import zipfile

    with zipfile.ZipFile(plain) as zin:
        parts = {name: zin.read(name) for name in zin.namelist()}
    separator = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    notes_xml = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for i, text in notes.items()
    )
    parts["word/footnotes.xml"] = f"<w:footnotes {W_NS}>{separator}{notes_xml}</w:footnotes>".encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdNotes" Target="footnotes.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/></Relationships>',
    )
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = (
        parts["[Content_Types].xml"]
        .decode()
        .replace(
            "</Types>",
            '<Override PartName="/word/footnotes.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
        )
    )
    parts["[Content_Types].xml"] = types.encode()
    document = parts["word/document.xml"].decode()
    start, end = document.index("<w:body>") + len("<w:body>"), document.index("<w:sectPr")
    parts["word/document.xml"] = (document[:start] + body_xml + document[end:]).encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    return out


@pytest.fixture(scope="module")
def noted_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("notes")
    plain = folder / "plain.docx"
    Document().save(plain)
    body = (
        f"<w:p>{_run('Đạt 90%')}{_note_ref(5)}{_run(' hồ sơ trực tuyến.')}</w:p>"
        f"<w:p>{_run('Hoàn thành năm 2026')}{_note_ref(2)}{_run('.')}"
        f'<w:del w:id="9" w:author="A"><w:r><w:delText>chữ đã xóa</w:delText></w:r></w:del>'
        f'<w:ins w:id="10" w:author="A">{_run(" Chữ thêm.")}</w:ins></w:p>'
    )
    notes = {2: "Theo Quyết định số 12/QĐ-UBND.", 5: "Số liệu năm 2025."}
    return _with_footnotes(plain, folder / "noted.docx", body, notes)


def test_docx_footnotes_numbered_as_printed_and_kept_out_of_the_body(noted_docx: Path):
    raw = read_document(noted_docx)
    assert raw.footnotes == {"1": "Số liệu năm 2025.", "2": "Theo Quyết định số 12/QĐ-UBND."}
    assert [b.text for b in raw.blocks] == ["Đạt 90% hồ sơ trực tuyến.", "Hoàn thành năm 2026. Chữ thêm."]


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_pdf_footnotes_and_their_markers(tmp_path: Path):
    plain = tmp_path / "plain.docx"
    Document().save(plain)
    body = (
        f"<w:p>{_run('Đạt 90%')}{_note_ref(1)}{_run(' hồ sơ trực tuyến.')}</w:p>"
        f"<w:p>{_run('Hoàn thành năm 2026')}{_note_ref(2)}{_run('.')}</w:p>"
        f'<w:p>{_run("Diện tích 100 m")}<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        "<w:t>2</w:t></w:r></w:p>"
    )
    notes = {1: "Số liệu năm 2025.", 2: "Theo Quyết định số 12/QĐ-UBND."}
    raw = read_document(_soffice_pdf(_with_footnotes(plain, tmp_path / "noted.docx", body, notes), tmp_path))
    assert raw.footnotes == {"1": "Số liệu năm 2025.", "2": "Theo Quyết định số 12/QĐ-UBND."}
    # the markers go; a superscript that points to no footnote (m²) stays
    assert [b.text for b in raw.blocks] == ["Đạt 90% hồ sơ trực tuyến.", "Hoàn thành năm 2026.", "Diện tích 100 m2"]


def _soffice_pdf(docx_path: Path, folder: Path) -> Path:
    profile = Path("/tmp") / f"lo_ingest_{uuid.uuid4().hex}"
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(folder), str(docx_path)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return folder / f"{docx_path.stem}.pdf"


def test_docx_table_over_two_pages_is_one_table_with_one_header():
    raw = read_document(FIXTURES / "table_two_pages.docx")
    rows = table_rows(raw)
    assert list(rows) == [0]
    assert len(rows[0]) == 23 and rows[0][0][0] == "STT"
    assert [r[0] for r in rows[0][1:]] == [str(i) for i in range(1, 23)]
    assert rows[0][13][2:] == ["Ủy ban Kiểm tra Đảng ủy", "Văn phòng Đảng ủy", "Quý IV/2026"]


# ---------------------------------------------------------------- pdf


def table_rows(raw: RawDocument) -> dict[int, list[list[str]]]:
    grid: dict[int, dict[int, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for b in raw.blocks:
        if b.kind == "cell":
            grid[b.source.table][b.source.row][b.source.column] = " ".join(b.text.split())
    return {t: [[row[c] for c in sorted(row)] for _, row in sorted(rows.items())] for t, rows in grid.items()}


def logical_tables(raw: RawDocument) -> list[list[list[str]]]:
    """Tables as a reader of the plan sees them: consecutive tables (or table parts) that repeat the
    first table's header row are one table, and the repeated header rows are dropped."""
    out: list[list[list[str]]] = []
    for _, rows in sorted(table_rows(raw).items()):
        squashed = [[squash(c) for c in row] for row in rows]
        header = squashed[0]
        if out and [squash(c) for c in out[-1][0]] == header:
            out[-1].extend(r for r, s in zip(rows, squashed, strict=True) if s != header)
        else:
            out.append([rows[0], *[r for r, s in zip(rows[1:], squashed[1:], strict=True) if s != header]])
    return out


def test_pdf_table_over_two_pages_fixture():
    raw = read_document(FIXTURES / "table_two_pages.pdf")
    assert raw.pages == 2
    rows = table_rows(raw)
    assert list(rows) == [0]  # the part on page 2 continues table 0
    assert sum(r[0] == "STT" for r in rows[0]) == 2  # the repeated header is kept as a row
    data = [r for r in rows[0] if r[0] != "STT"]
    assert [r[0] for r in data] == [str(i) for i in range(1, 23)]
    assert data[10][1] == "Xây dựng chuyên mục chuyển đổi số trên Cổng thông tin xã"  # split row joined
    assert data[12][2:] == ["Ủy ban Kiểm tra Đảng ủy", "Văn phòng Đảng ủy", "Quý IV/2026"]
    pages = {b.source.page for b in raw.blocks if b.kind == "cell"}
    assert pages == {1, 2}
    assert [b.text for b in raw.furniture] == ["1", "2"]
    assert raw.footnotes == {"1": "Văn bản được chuyển sang định dạng .docx từ bản .txt trong kho kehoach."}


@pytest.fixture(scope="module")
def built_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not HAS_SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    doc = Document()
    doc.sections[0].footer.paragraphs[0].text = "Đảng bộ xã Bình Minh - Kế hoạch 57"
    page_number = doc.sections[0].header.paragraphs[0]
    page_number.add_run("Trang ")
    page_number._p.append(  # a PAGE field, as Word inserts it
        parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
    heading = doc.add_paragraph()
    heading.add_run("I. MỤC TIÊU CHUNG").bold = True
    for i in range(1, 31):
        doc.add_paragraph(
            f"{i}. Nội dung nhiệm vụ số {i} của kế hoạch, giao Ủy ban nhân dân xã chủ trì thực hiện, "
            "phối hợp với Mặt trận Tổ quốc xã và các tổ chức chính trị - xã hội, hoàn thành trong năm 2026."
        )
    table = doc.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for j, title in enumerate(("STT", "Nhiệm vụ", "Chủ trì")):
        table.rows[0].cells[j].text = title
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "Số hóa hồ sơ"
    table.cell(2, 0).text, table.cell(2, 1).text = "2", "Tập huấn kỹ năng số"
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(1, 2).text = "UBND xã"
    folder = tmp_path_factory.mktemp("pdf")
    docx_path = folder / "built.docx"
    doc.save(docx_path)
    return _soffice_pdf(docx_path, folder)


def test_pdf_built_with_libreoffice(built_pdf: Path):
    raw = read_document(built_pdf)
    assert raw.format == "pdf" and raw.pages and raw.pages >= 2
    assert all(b.source.page and 1 <= b.source.page <= raw.pages for b in raw.blocks)
    assert raw.blocks[0].text == "I. MỤC TIÊU CHUNG" and raw.blocks[0].style == "bold"
    items = [b for b in raw.blocks if b.kind == "paragraph"][1:]
    assert [squash(b.text)[:8] for b in items] == [squash(f"{i}. Nội dung")[:8] for i in range(1, 31)]
    assert all(b.style is None for b in items)
    cells = {(b.source.row, b.source.column): b for b in raw.blocks if b.kind == "cell"}
    assert cells[(0, 0)].text == "STT" and cells[(2, 1)].text == "Tập huấn kỹ năng số"
    assert (cells[(1, 2)].text, cells[(1, 2)].row_span) == ("UBND xã", 2) and (2, 2) not in cells
    footer = "Đảng bộ xã Bình Minh - Kế hoạch 57"
    furniture = [(b.source.page, b.text) for b in raw.furniture]
    assert furniture == [item for n in range(1, raw.pages + 1) for item in ((n, f"Trang {n}"), (n, footer))]
    assert all(footer not in b.text and not b.text.startswith("Trang") for b in raw.blocks)


# ---------------------------------------------------------------- the corpus renders

PAGE_NUMBER_ONLY = re.compile(r"^\s*(?:trang\s*)?\d{1,3}\s*$", re.IGNORECASE)


@pytest.mark.parametrize("stem", CORPUS_STEMS)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_corpus_render_tables_and_body(stem: str, fmt: str):
    path = PLANS / f"{stem}.{fmt}"
    if not path.exists():
        pytest.skip(f"{path.name} not rendered")
    source = read_document(PLANS / f"{stem}.txt")
    raw = read_document(path)
    want = logical_tables(source)
    got = logical_tables(raw)
    assert [(len(t), len(t[0])) for t in got] == [(len(t), len(t[0])) for t in want]
    for got_table, want_table in zip(got, want, strict=True):
        assert [[squash(c) for c in row] for row in got_table] == [[squash(c) for c in row] for row in want_table]
    body = [b for b in raw.blocks if b.kind == "paragraph"]
    assert not any(PAGE_NUMBER_ONLY.match(line) for b in body for line in b.text.splitlines())
    for note in raw.footnotes.values():
        assert all(note not in b.text for b in raw.blocks)
    for piece in raw.furniture:
        assert all(piece.text != line.strip() for b in body for line in b.text.splitlines())
    if fmt == "pdf":
        assert raw.pages and all(b.source.page for b in raw.blocks)
        assert [b.text for b in raw.furniture] == [str(n) for n in range(1, raw.pages + 1)]
    if fmt == "pdf":  # paragraphs are cut where Word cut them (the .docx is the PDF's source)
        docx_paragraphs = [
            squash(b.text) for b in read_document(path.with_suffix(".docx")).blocks if b.kind == "paragraph"
        ]
        pdf_paragraphs = {squash(b.text) for b in body}
        found = sum(p in pdf_paragraphs for p in docx_paragraphs)
        assert found >= 0.95 * len(docx_paragraphs)
    # the words of the body, in order, are the .txt's (markup and table pipes aside)
    want_words = " ".join(b.text for b in source.blocks if b.kind == "paragraph").replace("**", "").split()
    got_words = " ".join(b.text for b in body).split()
    ratio = difflib.SequenceMatcher(None, got_words, want_words, autojunk=False).ratio()
    assert ratio > 0.97


def test_docx_styles_are_parsed_once_per_template_and_never_mixed(tmp_path):
    import docx as python_docx

    import pipeline.ingest.docx as docx_reader

    docx_reader._STYLES_SEEN.clear()
    plans = sorted(PLANS.glob("*.docx"))[:2]
    first, second = (read_document(p) for p in plans)
    assert len(docx_reader._STYLES_SEEN) == 1  # both renders come from one template
    assert any(b.style == "Heading 1" for b in first.blocks) and any(b.style == "Heading 1" for b in second.blocks)

    own = python_docx.Document()
    own.styles.add_style("Tiêu đề riêng", 1)
    own.add_paragraph("Kế hoạch của một xã khác.", style="Tiêu đề riêng")
    own.save(tmp_path / "own.docx")
    read = read_document(tmp_path / "own.docx")
    assert len(docx_reader._STYLES_SEEN) == 2
    assert read.blocks[0].style == "Tiêu đề riêng"
