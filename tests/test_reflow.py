"""Reflow: a plain-text plan reads the same whatever its line breaks (pipeline/reflow.py, ingest/txt.py).

Unit tests for each rule, a property test over generated hard-wrapped text, and the end-to-end promise
over every file of corpus/real/: the file as it is, with a blank line after every line, and with no
blank line at all give the same records.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.txt import split_blocks
from pipeline.models import RECORD_KINDS
from pipeline.normalize import normalize
from pipeline.process import process_file
from pipeline.raw import RawBlock, RawDocument
from pipeline.reflow import WrapWidth, continues, is_header_line, starts_paragraph

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "corpus" / "real"


def paragraphs(text: str) -> list[str]:
    """The normalized lines of a .txt file's text."""
    raw = RawDocument(path="t.txt", format="txt", blocks=split_blocks(text))
    return normalize(raw).text.split("\n")


NO_WRAP = WrapWidth(None)
WRAPPED = WrapWidth(90)

HEAD = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
-------
Số: 2150/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lai Châu, ngày 14 tháng 7 năm 2025
KẾ HOẠCH
Triển khai thực hiện chuyển đổi số
trên địa bàn tỉnh năm 2025
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của cán bộ về chuyển đổi số;
- Bảo đảm 100% hồ sơ được xử lý trên môi trường mạng."""


def test_header_lines_stay_apart_and_a_wrapped_subject_joins():
    assert paragraphs(HEAD) == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LAI CHÂU",
        "-------",
        "Số: 2150/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lai Châu, ngày 14 tháng 7 năm 2025",
        "KẾ HOẠCH",
        "Triển khai thực hiện chuyển đổi số trên địa bàn tỉnh năm 2025",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Nâng cao nhận thức của cán bộ về chuyển đổi số;",
        "- Bảo đảm 100% hồ sơ được xử lý trên môi trường mạng.",
    ]


def test_blank_lines_change_nothing():
    assert paragraphs(HEAD.replace("\n", "\n\n")) == paragraphs(HEAD)
    assert paragraphs(HEAD.replace("\n", "\n \n\n")) == paragraphs(HEAD)


@pytest.mark.parametrize(
    "line",
    [
        "ỦY BAN NHÂN DÂN",
        "**T/M BAN THƯỜNG VỤ**",
        "-----------",
        "*",
        "Số: 14/KH-UBND",
        "Số       -KH/ĐU",
        "Hà Nội, ngày 05 tháng 3 năm 2025",
        "Thành phố Hồ Chí Minh, ngày    tháng 02 năm 2026",
        "Độc lập - Tự do - Hạnh phúc",
    ],
)
def test_header_lines(line):
    assert is_header_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025",  # a citation's date inside a sentence
        "Số lượng hồ sơ trực tuyến tăng",
        "Ủy ban nhân dân xã chủ trì",
    ],
)
def test_not_header_lines(line):
    assert not is_header_line(line)


@pytest.mark.parametrize(
    "line", ["V/v triển khai Nghị quyết số 57-NQ/TW", "Kính gửi: Các sở, ban, ngành", "- mục", "2. Nhiệm vụ"]
)
def test_lines_that_start_a_paragraph(line):
    assert starts_paragraph(line)


def test_a_wrapped_line_continues_only_when_full():
    full = "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của các cơ quan Đảng"
    assert continues(full, "Ủy ban nhân dân xã và các tổ chức", WRAPPED)
    assert not continues("Mục tiêu chung", "Ủy ban nhân dân xã và các tổ chức", WRAPPED)
    assert not continues(full, "Ủy ban nhân dân xã và các tổ chức", NO_WRAP)


def test_rules_that_hold_without_a_wrap_width():
    assert continues("ưu tiên phát triển", "kỹ năng số cho cán bộ.", NO_WRAP)  # lower case goes on
    assert continues("Kế hoạch số 24-KH/TU (sau đây gọi là", "Kế hoạch 24)", NO_WRAP)  # open parenthesis
    assert continues("thực hiện Nghị quyết số 57-", "NQ/TW của Bộ Chính trị", NO_WRAP)  # the line ends in a word
    assert continues("phát triển kinh tế", "- xã hội của xã.", NO_WRAP)  # a spaced dash, not an item
    assert not continues("bảo đảm an toàn.", "Ủy ban nhân dân xã chủ trì.", WRAPPED)  # a sentence ended
    assert not continues("các nhiệm vụ sau:", "- rà soát hạ tầng", WRAPPED)  # an item
    assert not continues("TỈNH LAI CHÂU", "thực hiện", WRAPPED)  # a header line is never continued
    assert continues("V/v triển khai thực hiện", "Nghị quyết số 57-NQ/TW", WrapWidth(30))


def test_wrap_width():
    wrapped = ["x" * 88, "x" * 90, "x" * 91, "x" * 87, "x" * 90, "x" * 40]
    assert WrapWidth.of(wrapped).chars == 90
    assert WrapWidth.of(["x" * 400, "x" * 300, "x" * 500, "x" * 280, "x" * 350]).chars is None
    assert WrapWidth.of(["x" * 90]).chars is None  # too few lines to tell


SYLLABLES = [
    "phát",
    "triển",
    "khoa",
    "học",
    "công",
    "nghệ",
    "đổi",
    "mới",
    "sáng",
    "tạo",
    "chuyển",
    "số",
    "xã",
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "Đảng",
    "bộ",
    "cán",
    "dữ",
    "liệu",
    "hạ",
    "tầng",
    "trực",
    "tuyến",
]
sentence = st.lists(st.sampled_from(SYLLABLES), min_size=25, max_size=60).map(
    lambda words: " ".join(words).capitalize() + "."
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(sentence, min_size=3, max_size=8),
    st.integers(min_value=70, max_value=110),
    st.lists(st.booleans(), min_size=8, max_size=8),
)
def test_hard_wrapped_paragraphs_come_back_whole(sentences, width, blank_after):
    """Paragraphs wrapped at any width, with or without blank lines between them, read back whole."""
    lines = []
    for i, text in enumerate(sentences):
        lines.extend(textwrap.wrap(text, width=width))
        if blank_after[i]:
            lines.append("")
    assert paragraphs("\n".join(lines)) == sentences


def _real_files() -> list[Path]:
    return sorted(REAL.glob("*/*.txt"))


def _records(path: Path) -> dict:
    """What a user compares: metadata and every record's fields, without where it stands in the file."""
    result = process_file(path)
    out = {"metadata": result.metadata.model_dump()}
    for kind in RECORD_KINDS:
        out[kind] = [r.model_dump(exclude={"span", "source", "prefix"}) for r in getattr(result, kind)]
    return out


@pytest.mark.slow
@pytest.mark.parametrize("path", _real_files(), ids=lambda p: p.stem)
def test_line_breaks_do_not_change_the_records(path, tmp_path):
    """The file as it is, with a blank line after every line, and with no blank line: the same records."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    variants = {
        "blank after every line": "\n".join(line for original in lines for line in (original, "")),
        "no blank line": "\n".join(line for line in lines if line.strip()),
    }
    expected = _records(path)
    for name, variant in variants.items():
        copy = tmp_path / path.name
        copy.write_text(variant, encoding="utf-8")
        got = _records(copy)
        differing = [kind for kind in expected if got[kind] != expected[kind]]
        # Name the kinds only: a held-out file's words must not be printed.
        assert not differing, f"{path.parent.name}/{path.name} ({name}): records differ in {differing}"


def test_a_copied_web_tables_cell_borders_cut_header_lines():
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|\n"
        "Số: 12/2025/NQ-HĐND |\nYên Bái, ngày 3 tháng 4 năm 2025 |"
    )
    assert paragraphs(text) == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/2025/NQ-HĐND",
        "Yên Bái, ngày 3 tháng 4 năm 2025",
    ]
    assert paragraphs("tỷ lệ a|b không đổi") == ["tỷ lệ a|b không đổi"]  # a bar inside a word is text


def test_a_markdown_exports_wrapper_is_not_read(tmp_path):
    from pipeline.ingest import read_document

    body = "\n".join(["ĐẢNG ỦY XÃ YÊN PHÚ", "Số 05-KH/ĐU", "KẾ HOẠCH", "Chuyển đổi số năm 2026"] + ["- Nội dung."] * 30)
    wrapper = "---\nso_hieu: 05-KH/ĐU\n---\n# Kế hoạch chuyển đổi số\nTóm tắt: Chuyển đổi số năm 2026\n"
    wrapped = f"{wrapper}```text\n{body}\n```\n"
    path = tmp_path / "ke-hoach.txt"
    path.write_text(wrapped, encoding="utf-8")
    raw = read_document(path)
    assert raw.blocks[0].text == "ĐẢNG ỦY XÃ YÊN PHÚ" and raw.blocks[0].source.line == 7
    assert "Tóm tắt" not in " ".join(b.text for b in raw.blocks)
    assert [(w.code, w.values["first"]) for w in raw.warnings] == [("txt_fenced", 7)]
    path.write_text("Tóm tắt\n```text\nKẾ HOẠCH\n```\n" + "\n".join(["- Nội dung dài của kế hoạch."] * 20), "utf-8")
    assert "Tóm tắt" in " ".join(b.text for b in read_document(path).blocks)  # a small fence wraps nothing


def test_an_archive_records_short_document_is_its_fenced_block(tmp_path):
    """An archive's record (metadata between "---" lines, then a summary) around a short letter: the summary
    outweighs the text, yet the fenced block is the document and the record's number is not read as a citation."""
    from pipeline.ingest import read_document

    summary = "\n".join(["Tóm tắt: mời dự hội nghị Ban Chấp hành Đảng bộ xã lần thứ ba."] * 12)
    record = f"---\nso_hieu: 31-CV/ĐU\n---\n# Mời họp\n**Số hiệu:** 31-CV/ĐU\n{summary}\n"
    letter = "ĐẢNG ỦY XÃ YÊN PHÚ\nSố -CV/ĐU\nKính gửi: các đồng chí Ủy viên Ban Chấp hành."
    path = tmp_path / "cong-van.txt"
    path.write_text(f"{record}```text\n{letter}\n```\n", encoding="utf-8")
    text = " ".join(b.text for b in read_document(path).blocks)
    assert text.startswith("ĐẢNG ỦY XÃ YÊN PHÚ") and "31-CV/ĐU" not in text


def test_a_type_line_a_pdf_groups_with_the_signature_opens_its_own_line():
    """A PDF groups the signer's line and the type line of the document a decision issues into one block
    ("CHỦ TỊCH Trần Văn An\nQUY ĐỊNH"); the type line opens the attached document on its own line, so the
    structure finds it (a joined line hid the whole attached document in the tail)."""
    raw = RawDocument(
        path="t.pdf",
        format="pdf",
        blocks=[RawBlock(text="TM. ỦY BAN NHÂN DÂN"), RawBlock(text="CHỦ TỊCH Trần Văn An\nQUY ĐỊNH")],
    )
    assert normalize(raw).text.split("\n")[-2:] == ["CHỦ TỊCH Trần Văn An", "QUY ĐỊNH"]
