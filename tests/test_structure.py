"""Structure: the three corpus plans read end to end, and each rule on small real-shaped inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.document import Document
from pipeline.ingest import read_document
from pipeline.raw import RawBlock, RawDocument, RawPlace
from pipeline.structure import build_document, column_role, heading_match, roman_value

PLANS = Path(__file__).resolve().parent.parent / "corpus" / "plans"


def plan(name: str) -> Document:
    return build_document(read_document(PLANS / f"{name}.txt"), name)


def quote(doc: Document, span) -> str:
    return doc.text[span.start : span.end] if span else ""


def doc_of(*texts: str, blocks: list[RawBlock] | None = None) -> Document:
    raw = RawDocument(path="t.txt", format="txt", blocks=[RawBlock(text=t) for t in texts] + (blocks or []))
    return build_document(raw, "t")


@pytest.fixture(scope="module")
def nhu_khe() -> Document:
    return plan("nhu-khe_10-KH-DU_2025")


@pytest.fixture(scope="module")
def rang_dong() -> Document:
    return plan("rang-dong_KH-57_2026")


@pytest.fixture(scope="module")
def xuan_hung() -> Document:
    return plan("xuan-hung_KH-02_2025")


# --- the corpus -------------------------------------------------------------------------------------

EXPECTED_PATHS = {
    "nhu-khe_10-KH-DU_2025": "I II II.1 II.2 III III.1 III.2 IV IV.1 IV.2 IV.3 IV.4 IV.5 IV.6 IV.7 IV.8 IV.9 "
    "V V.1 V.2 V.3 V.4 V.5 V.6 V.7 V.8 V.9 Phụ_lục_I Phụ_biểu_II",
    "rang-dong_KH-57_2026": "I II II.1 II.2 III III.1 III.2 III.3 III.4 III.5 III.6 III.7 IV V V.1 V.2 V.3 V.4 V.5 "
    "V.6 V.7",
    "xuan-hung_KH-02_2025": "I I.1 I.2 II II.1 II.2 III IV IV.1 IV.2 IV.3 IV.4 IV.5 IV.6 IV.7",
}


@pytest.mark.parametrize("name", sorted(EXPECTED_PATHS))
def test_heading_paths(name):
    doc = plan(name)
    assert [s.path for s in doc.sections] == [p.replace("_", " ") for p in EXPECTED_PATHS[name].split()]
    assert doc.warnings == []


def test_nhu_khe_head(nhu_khe):
    h = nhu_khe.header
    assert quote(nhu_khe, h.number_line) == "Số 10-KH/ĐU"
    assert quote(nhu_khe, h.place_date) == "Nhữ Khê, ngày 22 tháng 9 năm 2025"
    assert quote(nhu_khe, h.doc_type_line) == "KẾ HOẠCH"
    assert quote(nhu_khe, h.title).startswith("CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ\nthực hiện Kế hoạch số 24-KH/TU")
    assert len(h.basis) == 5
    assert all(quote(nhu_khe, s).startswith("Căn cứ") for s in h.basis)
    assert quote(nhu_khe, h.issuing_sentence) == "Ban Chấp hành Đảng bộ xã Nhữ Khê xây dựng Kế hoạch thực hiện như sau:"


def test_nhu_khe_tables(nhu_khe):
    assignment, criteria = nhu_khe.tables
    assert assignment.section == "Phụ lục I"
    assert len(assignment.rows) == 14  # four pieces, three repeated headers dropped
    assert [c.role for c in assignment.columns] == ["stt", "group", "content", "lead", "support", "output", "deadline"]
    assert assignment.title == "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH"
    assert [quote(nhu_khe, row[0]) for row in assignment.rows] == [str(i) for i in range(1, 15)]
    assert quote(nhu_khe, assignment.rows[13][6]) == "6 tháng, hằng năm"
    assert criteria.section == "Phụ biểu II"
    assert len(criteria.rows) == 12
    assert [c.role for c in criteria.columns] == ["stt", "group", "content", "indicator", "cycle", "collector"]
    assert "STT\nNhóm nhiệm vụ" not in nhu_khe.text[nhu_khe.text.index("\n1\nLãnh đạo") :]  # repeats left the text


def test_nhu_khe_tail_is_outside_sections(nhu_khe):
    roles = {b.role for b in nhu_khe.blocks if b.section is None}
    assert {"recipients", "signature", "header", "basis"} <= roles
    signature = [quote(nhu_khe, b) for b in nhu_khe.blocks if b.role == "signature"]
    assert signature == ["T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Hữu Phương"]
    assert quote(nhu_khe, nhu_khe.header.signature) == "T/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Hữu Phương"
    assert quote(nhu_khe, nhu_khe.header.recipients).startswith("Nơi nhận:\n- Ban Thường vụ Tỉnh ủy (b/c),")
    assert quote(nhu_khe, nhu_khe.header.recipients).endswith("- Lưu Văn phòng Đảng ủy.")
    v9 = next(s for s in nhu_khe.sections if s.path == "V.9")
    assert "Nơi nhận" not in nhu_khe.text[v9.start : v9.end]
    assert nhu_khe.section_at(nhu_khe.text.index("Nơi nhận")) is None
    assert nhu_khe.section_at(nhu_khe.text.index("Rà soát, bổ sung nhiệm vụ")) == "Phụ lục I"


def test_rang_dong_numbered_sentences_are_list_items(rang_dong):
    i_items = [b for b in rang_dong.blocks if b.section == "I" and b.role == "list_item"]
    assert [b.marker for b in i_items] == ["1.", "2.", "3.", "4.", "5."]
    assert not [s for s in rang_dong.sections if s.path.startswith("I.")]
    # page number removed and page-break paragraph joined
    assert "thông tin, báo cáo định kỳ hằng quý" in rang_dong.text
    assert "chủ trì phối hợp tổ chức sơ kết" in rang_dong.text
    assert "huy động sự tham gia đồng bộ" in rang_dong.text
    ii2 = next(s for s in rang_dong.sections if s.path == "II.2")
    assert ii2.title == "Mục tiêu cụ thể"


def test_rang_dong_head_two_bases_in_one_paragraph(rang_dong):
    bases = [quote(rang_dong, s) for s in rang_dong.header.basis]
    assert len(bases) == 5
    assert bases[3].endswith("tỉnh Ninh Bình năm 2026;")
    assert bases[4].startswith("Căn cứ tình hình thực tiễn")
    assert rang_dong.header.number_line is None


def test_xuan_hung_head_and_signer(xuan_hung):
    h = xuan_hung.header
    assert quote(xuan_hung, h.issuing_sentence) == "Ban Thường vụ Đảng ủy xã ban hành Kế hoạch thực hiện như sau:"
    assert quote(xuan_hung, h.basis[0]).endswith("(gọi tắt là Kế hoạch số 02-KH/BCĐTW);")
    assert quote(xuan_hung, h.title).startswith("Thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban")
    assert [quote(xuan_hung, b) for b in xuan_hung.blocks if b.role == "signature"] == ["Trần Văn Vy"]
    assert next(s for s in xuan_hung.sections if s.path == "III").title == "NHIỆM VỤ (Có Phụ lục I, II kèm theo)."


def test_every_block_section_matches_section_at(nhu_khe, rang_dong, xuan_hung):
    for doc in (nhu_khe, rang_dong, xuan_hung):
        for block in doc.blocks:
            if block.role in ("paragraph", "list_item", "cell") and block.section is not None:
                assert doc.section_at(block.start) == block.section


def test_locate_reaches_the_source_line(nhu_khe):
    at = nhu_khe.text.index("Nguyễn Hữu Phương")
    raw = read_document(PLANS / "nhu-khe_10-KH-DU_2025.txt")
    line = nhu_khe.locate(at).line
    assert raw.blocks[[b.source.line for b in raw.blocks].index(line)].text == "Nguyễn Hữu Phương"


# --- rules ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "style", "number"),
    [
        ("I- QUAN ĐIỂM CHỈ ĐẠO", None, "I"),
        ("II. MỤC TIÊU", None, "II"),
        ("III- NHIỆM VỤ (Có Phụ lục I, II kèm theo).", None, "III"),
        ("1. Mục đích", None, "1"),
        ("2.1. Phát triển hạ tầng số", None, "2.1"),
        ("2.1.1. Hạ tầng viễn thông", None, "2.1.1"),
        ("a) Về hạ tầng", None, "a"),
        ("2. Mục tiêu cụ thể: Chi tiết tại Phụ lục I.", None, "2"),
        ("PHỤ LỤC I", None, "Phụ lục I"),
        ("Phụ biểu II", None, "Phụ biểu II"),
        ("PHỤ LỤC 2: DANH MỤC NHIỆM VỤ", None, "Phụ lục 2"),
        ("1. TĂNG CƯỜNG LÃNH ĐẠO, CHỈ ĐẠO; NÂNG CAO NHẬN THỨC.", None, "1"),
        ("3. Nâng cao chất lượng dịch vụ công trực tuyến cho người dân, doanh nghiệp trên địa bàn xã.", "bold", "3"),
        ("1. Công tác lãnh đạo, chỉ đạo.", "Heading 2", "1"),
    ],
)
def test_headings(line, style, number):
    match = heading_match(line, style)
    assert match is not None and match.number == number


@pytest.mark.parametrize(
    "line",
    [
        "1. Cụ thể hóa các quan điểm, chủ trương, nhiệm vụ, giải pháp của Nghị quyết, thành các mục tiêu, "
        "dự án cụ thể.",
        "5. Thực hiện tốt chế độ thông tin, báo cáo, sơ kết, tổng kết; kịp thời phát hiện khó khăn",
        "a) xây dựng kế hoạch;",
        "- Văn phòng Đảng ủy",
        "2025 là năm tăng tốc",
        "Phụ lục I kèm theo Kế hoạch này gồm các nhiệm vụ cụ thể",
        "IV là số la mã",
        "VX- KHÔNG PHẢI SỐ LA MÃ",
        "1. Bảo đảm các điều kiện cần thiết để thực hiện đầy đủ các yêu cầu: Nhân lực, kinh phí.",
    ],
)
def test_not_headings(line):
    assert heading_match(line) is None


def test_bold_does_not_make_a_long_sentence_a_heading():
    sentence = "1. Cụ thể hóa các quan điểm, chủ trương của Nghị quyết thành các mục tiêu, dự án cụ thể " * 2 + "."
    assert heading_match(sentence, "bold") is None
    assert heading_match("2. Tăng cường lãnh đạo; phát huy vai trò", "bold") is None


def test_roman_values():
    assert [roman_value(n) for n in ("I", "IV", "IX", "XIV", "IIII", "VX")] == [1, 4, 9, 14, None, None]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("STT", "stt"),
        ("TT", "stt"),
        ("Nhóm nhiệm vụ", "group"),
        ("Nhóm tiêu chí", "group"),
        ("Nội dung công việc trọng tâm", "content"),
        ("Nội dung", "content"),
        ("Nội dung phản ánh chất lượng/hiệu quả", "content"),
        ("Cơ quan chủ trì", "lead"),
        ("Cơ quan phối hợp", "support"),
        ("Sản phẩm đầu ra", "output"),
        ("Thời gian hoàn thành", "deadline"),
        ("Thời hạn", "deadline"),
        ("Chỉ số đo lường chủ yếu", "indicator"),
        ("Chu kỳ đánh giá", "cycle"),
        ("Cơ quan tổng hợp", "collector"),
        ("Chỉ tiêu đến năm 2030", "target_value"),
        ("Ghi chú", "note"),
        ("Cột lạ", None),
    ],
)
def test_column_roles(header, role):
    assert column_role(header) == role


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Số 10-KH/ĐU", "Số 10-KH/ĐU"),
        ("Số      -KH/ĐU", "Số -KH/ĐU"),
        ("Số: 45/KH-UBND", "Số: 45/KH-UBND"),
        ("ĐẢNG BỘ XÃ NHỮ KHÊ Số 10-KH/ĐU", "Số 10-KH/ĐU"),
    ],
)
def test_number_line(line, number):
    doc = doc_of(line, "Nhữ Khê, ngày    tháng 9 năm 2025", "KẾ HOẠCH", "I. MỤC TIÊU")
    assert quote(doc, doc.header.number_line) == number
    assert quote(doc, doc.header.place_date) == "Nhữ Khê, ngày tháng 9 năm 2025"


def test_numbering_warnings():
    doc = doc_of("KẾ HOẠCH", "I- MỤC ĐÍCH", "1. Mục đích", "3. Yêu cầu", "III- MỤC TIÊU", "III- TỔ CHỨC")
    found = [(w.code, w.values.get("marker")) for w in doc.warnings]
    assert ("heading_skipped", "3.") in found
    assert ("heading_skipped", "III-") in found
    assert ("heading_repeated", "III-") in found
    assert all(w.span and w.source is not None for w in doc.warnings)  # each one points at its heading


def test_sections_nest_and_end():
    doc = doc_of(
        "KẾ HOẠCH",
        "I. MỤC TIÊU",
        "1. Mục tiêu chung",
        "a) Về hạ tầng",
        "Nội dung a.",
        "b) Về dữ liệu",
        "2. Mục tiêu cụ thể",
        "- 100% hồ sơ.",
        "II. TỔ CHỨC THỰC HIỆN",
        "Nội dung.",
    )
    assert [s.path for s in doc.sections] == ["I", "I.1", "I.1.a", "I.1.b", "I.2", "II"]
    i1 = doc.sections[1]
    assert doc.text[i1.start : i1.end].rstrip().endswith("b) Về dữ liệu")
    item = next(b for b in doc.blocks if b.role == "list_item")
    assert (item.marker, item.section, doc.text[item.start : item.end]) == ("-", "I.2", "100% hồ sơ.")


def test_tables_split_without_repeat_join_and_others_warn():
    def table(index: int, rows: list[list[str]]) -> list[RawBlock]:
        return [
            RawBlock(text=t, kind="cell", source=RawPlace(table=index, row=r, column=c))
            for r, row in enumerate(rows)
            for c, t in enumerate(row)
        ]

    blocks = [
        RawBlock(text="PHỤ LỤC I"),
        *table(0, [["STT", "Nội dung", "Chủ trì"], ["1", "Một", "UBND xã"]]),
        *table(1, [["2", "Hai", "MTTQ"]]),
        *table(2, [["STT", "Chỉ tiêu"], ["1", "100%"]]),
    ]
    doc = build_document(RawDocument(path="t", format="pdf", blocks=blocks), "t")
    assert [len(t.rows) for t in doc.tables] == [2, 1]
    assert [c.role for c in doc.tables[0].columns] == ["stt", "content", "lead"]
    assert doc.tables[0].section == "Phụ lục I"
    assert [(w.code, w.values) for w in doc.warnings] == [("table_kept_apart", {"columns": 2, "previous": 3})]


def test_vertical_merge_fills_each_row():
    blocks = [
        RawBlock(text="Nhóm", kind="cell", source=RawPlace(table=0, row=0, column=0)),
        RawBlock(text="Nội dung", kind="cell", source=RawPlace(table=0, row=0, column=1)),
        RawBlock(text="Hạ tầng", kind="cell", source=RawPlace(table=0, row=1, column=0), row_span=2),
        RawBlock(text="Cáp quang", kind="cell", source=RawPlace(table=0, row=1, column=1)),
        RawBlock(text="Sóng 5G", kind="cell", source=RawPlace(table=0, row=2, column=1)),
    ]
    doc = build_document(RawDocument(path="t", format="docx", blocks=blocks), "t")
    rows = doc.tables[0].rows
    assert [[quote(doc, s) for s in row] for row in rows] == [["Hạ tầng", "Cáp quang"], ["Hạ tầng", "Sóng 5G"]]


def test_fold_has_the_length_of_text(nhu_khe):
    assert len(nhu_khe.fold) == len(nhu_khe.text)
    at = nhu_khe.fold.index("ủy ban kiểm tra đảng ủy")
    assert nhu_khe.text[at : at + 23] == "Ủy ban Kiểm tra Đảng ủy"


def test_tail_laid_out_in_a_table_is_not_a_data_table():
    blocks = [
        RawBlock(text="KẾ HOẠCH"),
        RawBlock(text="I. MỤC TIÊU"),
        RawBlock(text="Nội dung."),
        RawBlock(text="Nơi nhận:\n- Như trên;\n- Lưu VT.", kind="cell", source=RawPlace(table=0, row=0, column=0)),
        RawBlock(text="T/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Văn A", kind="cell", source=RawPlace(table=0, row=0, column=1)),
    ]
    doc = build_document(RawDocument(path="t", format="docx", blocks=blocks), "t")
    assert doc.tables == []
    assert [b.role for b in doc.blocks[-2:]] == ["recipients", "signature"]
    assert doc.sections[0].end <= doc.blocks[-2].start
    assert doc.blocks[-1].section is None


def test_basis_section_at_the_top_of_the_body():
    doc = doc_of(
        "KẾ HOẠCH", "I. CĂN CỨ LẬP KẾ HOẠCH", "Căn cứ Nghị quyết số 57-NQ/TW;", "II. MỤC TIÊU", "Căn cứ vào đó."
    )
    assert [quote(doc, s) for s in doc.header.basis] == ["Căn cứ Nghị quyết số 57-NQ/TW;"]
    assert [b.role for b in doc.blocks] == ["header", "heading", "basis", "heading", "paragraph"]


def test_plan_without_headings_has_a_body():
    doc = doc_of(
        "KẾ HOẠCH",
        "Chuyển đổi số năm 2026",
        "Căn cứ Kế hoạch số 02-KH/BCĐTW;",
        "Ủy ban nhân dân xã ban hành Kế hoạch như sau:",
        "- 100% hồ sơ được xử lý trực tuyến.",
        "Nơi nhận:",
        "- Lưu VT.",
    )
    assert [b.role for b in doc.blocks] == [
        "header",
        "header",
        "basis",
        "basis",
        "list_item",
        "recipients",
        "recipients",
    ]
    assert doc.sections == []


def test_a_notice_that_opens_with_its_narrative_has_a_body_from_there():
    """A notice numbers its points in a way no heading style reads; its opening narrative, a long sentence
    after the title, is the body's first paragraph, not part of the head. A decision's preamble ("Xét …",
    "Căn cứ …") and a subject line stay in the head however long."""
    doc = doc_of(
        "ĐẢNG ỦY XÃ YÊN PHÚ",
        "Số 12-TB/ĐU",
        "THÔNG BÁO",
        "KẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG ỦY",
        "về một số nội dung cuộc họp ngày 02/3/2026",
        "Ngày 02/3/2026, Thường trực Đảng ủy họp nghe Văn phòng Đảng ủy báo cáo tình hình thực hiện nhiệm vụ quý I"
        " và cho ý kiến các nội dung sau:",
        "1. Về tình hình thực hiện nhiệm vụ quý I; nhiệm vụ trọng tâm thời gian tới:",
        "- Ủy ban nhân dân xã hoàn thành số hóa hồ sơ trước ngày 30/3/2026.",
        "2. Cho ý kiến một số nội dung, gồm:",
    )
    roles = [b.role for b in doc.blocks]
    assert roles[:5] == ["header"] * 5
    assert "header" not in roles[5:]
    preamble = doc_of(
        "QUYẾT ĐỊNH",
        "Về việc phê duyệt phương án số hóa hồ sơ đất đai",
        "Xét đề nghị của công chức địa chính xã tại Tờ trình số 05/TTr-ĐC ngày 02/3/2026 về phương án số hóa hồ"
        " sơ đất đai của các thôn trên địa bàn.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Phê duyệt phương án số hóa hồ sơ đất đai của các thôn.",
    )
    assert {b.role for b in preamble.blocks[:3]} <= {"header", "basis"}


def test_recipients_wrapped_in_a_narrow_column_stay_recipients():
    """A PDF of a tail laid out in two columns breaks each recipient over lines that open with no list
    marker ("Đảng; - Văn phòng Chủ tịch nước; -"): they are the recipients list, not paragraphs whose
    bodies would be read as duties; the signature after them is still the signature."""
    doc = doc_of(
        "KẾ HOẠCH",
        "I. NHIỆM VỤ",
        "Sở Tư pháp hướng dẫn thực hiện.",
        "Nơi nhận: - Ban Bí thư Trung ương",
        "Đảng; - Văn phòng Chủ tịch nước; - HĐND,",
        "UBND các tỉnh, thành phố; -",
        "Lưu: VT.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Văn Minh",
    )
    roles = [b.role for b in doc.blocks]
    assert roles[3:7] == ["recipients"] * 4
    assert roles[-1] == "signature"


@pytest.mark.parametrize(
    "line, number",
    [
        ("Số: 48/2009/QĐ-TTg", "48/2009/QĐ-TTg"),
        ("Số: 12/2025/NQ-HĐND", "12/2025/NQ-HĐND"),
        ("Số 05-CTr/ĐU", "05-CTr/ĐU"),
    ],
)
def test_number_lines_of_every_numbering_style(line, number):
    from pipeline.raw import RawBlock, RawDocument
    from pipeline.structure import build_document

    text = f"ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\n{line}\nKẾ HOẠCH\nChuyển đổi số năm 2025\nI. MỤC ĐÍCH"
    doc = build_document(
        RawDocument(path="t.txt", format="txt", blocks=[RawBlock(text=t) for t in text.split("\n")]), "t"
    )
    span = doc.header.number_line
    assert span is not None and doc.text[span.start : span.end].endswith(number)


def test_a_document_without_a_header_named_by_its_first_line():
    """A news reprint or archive copy: its first line gives type, number and date, and no citation."""
    doc = _document_of(
        "# NGHỊ QUYẾT số 09 -NQ/ĐU ngày 4 tháng 5 năm 2026 của ĐẢNG ỦY XÃ YÊN PHÚ về chuyển đổi số\n"
        "## I. MỤC TIÊU\nĐến năm 2030, 100% hồ sơ được xử lý trực tuyến."
    )
    assert doc.text.startswith("NGHỊ QUYẾT số 09")  # the Markdown heading marks are debris
    assert doc.text[doc.header.number_line.start : doc.header.number_line.end] == "số 09 -NQ/ĐU"
    assert doc.text[doc.header.doc_type_line.start : doc.header.doc_type_line.end] == "NGHỊ QUYẾT"
    assert doc.text[doc.header.place_date.start : doc.header.place_date.end] == "ngày 4 tháng 5 năm 2026"


def _document_of(text: str):
    """The Document of a .txt file's text, read as the txt reader reads it."""
    from pipeline.ingest.txt import split_blocks
    from pipeline.raw import RawDocument
    from pipeline.structure import build_document

    return build_document(RawDocument(path="t.txt", format="txt", blocks=split_blocks(text)), "t")


def test_a_basis_list_whose_can_cu_was_lost_in_conversion():
    """ "Căn Luật …;" (OCR dropped "cứ") and a line that opens with a document kind and ends with ";" are
    basis lines, not more title (gold decision: the head's list is basis even where "Căn cứ" was lost)."""
    doc = doc_of(
        "QUYẾT ĐỊNH",
        "Phê duyệt Kế hoạch chuyển đổi số giai đoạn 2026 - 2030",
        "Căn Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ;",
        "Xét đề nghị của Giám đốc Sở Khoa học và Công nghệ,",
        "QUYẾT ĐỊNH:",
    )
    assert quote(doc, doc.header.title) == "Phê duyệt Kế hoạch chuyển đổi số giai đoạn 2026 - 2030"
    assert [b.role for b in doc.blocks] == ["header", "header", "basis", "basis", "basis", "basis"]


def test_a_title_line_that_names_a_document_stays_title():
    doc = doc_of("KẾ HOẠCH", "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị", "I. MỤC ĐÍCH")
    assert quote(doc, doc.header.title) == "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị"


def test_the_head_of_a_decision_ends_at_its_enacting_line():
    """ "QUYẾT ĐỊNH:" stands between a decision's preamble and its articles: what follows is the body,
    even where the articles are not read as headings."""
    doc = doc_of(
        "QUYẾT ĐỊNH",
        "Ban hành Kế hoạch chuyển đổi số năm 2026",
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
        "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ,",
        "QUYẾT ĐỊNH:",
        "Điều Ban hành Kế hoạch số hóa hồ sơ năm 2026 kèm theo Quyết định này.",
    )
    assert [b.role for b in doc.blocks][-2:] == ["basis", "paragraph"]


def test_a_roman_numbered_group_row_is_no_header():
    """"I | Lĩnh vực chính quyền số" under the header names a group of rows: "lĩnh vực" is a group header
    word, but a Roman numeral in the first cell numbers the group, so the row is data."""
    rows = [["STT", "Nội dung", "Chủ trì"], ["I", "Lĩnh vực chính quyền số", ""], ["1", "Số hóa hộ tịch", "UBND xã"]]
    blocks = [
        RawBlock(text=t, kind="cell", source=RawPlace(table=0, row=r, column=c))
        for r, row in enumerate(rows)
        for c, t in enumerate(row)
    ]
    doc = build_document(RawDocument(path="t", format="docx", blocks=blocks), "t")
    assert [c.role for c in doc.tables[0].columns] == ["stt", "content", "lead"]
    assert len(doc.tables[0].rows) == 2


@pytest.mark.parametrize(
    ("line", "style"),
    [
        ("A. MỤC ĐÍCH, YÊU CẦU", "part"),
        ("B. NỘI DUNG, NHIỆM VỤ", "part"),
        ("A. Nguyễn Văn Bình phát biểu", None),  # a title with lowercase letters is no part
        ("I. MỤC TIÊU", "roman"),  # "I." is a Roman numeral before it is a letter
    ],
)
def test_a_part_heading_is_a_capital_letter_over_a_title_in_capitals(line: str, style: str | None):
    found = heading_match(line)
    assert (found.style if found else None) == style


def test_the_plan_a_decision_issues_is_read_after_its_signature(tmp_path: Path):
    """A quyết định ban hành kế hoạch prints the plan after its own signature: "KẾ HOẠCH" in capitals there
    ends the tail, and the plan's sections are read as sections."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN PHÚ\nSố: 40/QĐ-UBND\nAn Phú, ngày 03 tháng 4 năm 2026\nQUYẾT ĐỊNH\n"
        "Ban hành Kế hoạch số hóa hồ sơ\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch số hóa hồ sơ.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
        "CHỦ TỊCH\nLê Văn Hòa\nKẾ HOẠCH\nSố hóa hồ sơ\nI. MỤC ĐÍCH\n1. Số hóa hồ sơ đất đai của toàn tỉnh\n"
    )
    path = tmp_path / "qd.txt"
    path.write_text(text, encoding="utf-8")
    doc = build_document(read_document(path), "qd")
    assert [s.path for s in doc.sections] == ["I", "I.1"]


def test_a_paragraph_of_running_text_ends_the_title():
    """A directive's opening paragraphs follow its title with no "Căn cứ" between: a long lower-case paragraph
    closed by a full stop is running text, not more title."""
    opening = (
        "Trong những năm gần đây, các cơ quan, đơn vị trên địa bàn tỉnh đã có nhiều cố gắng trong việc đơn giản "
        "hóa thủ tục, rút ngắn thời gian giải quyết hồ sơ và công khai kết quả; tuy vậy, ở một số nơi việc tiếp "
        "nhận hồ sơ trực tuyến còn chậm, chưa thuận tiện cho người dân, doanh nghiệp khi thực hiện thủ tục."
    )
    doc = doc_of("CHỈ THỊ", "VỀ VIỆC NÂNG CAO CHẤT LƯỢNG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", opening, "I. NHIỆM VỤ")
    assert quote(doc, doc.header.title) == "VỀ VIỆC NÂNG CAO CHẤT LƯỢNG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"


def test_a_heading_that_lists_bodies_with_semicolons():
    """ "1. Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện" lists, with a semicolon, the bodies its
    duties are for: a heading. A numbered line that joins clauses in lower case, or ends with a stop, is not."""
    assert heading_match("1. Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã") is not None
    assert heading_match("2. Rà soát các thủ tục hành chính; công khai kết quả trên cổng thông tin") is None
    assert heading_match("3. Sở Tài chính; Sở Nội vụ phối hợp thực hiện;") is None


def test_a_roman_numeral_up_to_c_has_its_value_and_other_letters_none():
    """A table row numbered "C" or "XC" reached roman_value, which knew no C and raised KeyError."""
    from pipeline.structure import roman_value

    assert roman_value("C") == 100 and roman_value("XC") == 90 and roman_value("XIV") == 14
    assert roman_value("IIII") is None and roman_value("IXA") is None and roman_value("") is None


def test_the_head_ends_at_a_running_sentence() -> None:
    """A letter with no printed title or heading: its head (number, subject, date line, "Kính gửi") ends at the first
    running sentence after the date line, which every extractor then reads as body text; a long addressee line and
    the dash items under it stay in the head."""
    doc = doc_of(
        "ĐẢNG ỦY XÃ HÒA LẠC",
        "Số 12-CV/ĐU",
        "Về việc chuẩn bị báo cáo sơ kết",
        "Hòa Lạc, ngày 05 tháng 3 năm 2026",
        "Kính gửi:",
        "- Ủy ban nhân dân xã, Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội xã;",
        "Thường trực Đảng ủy đề nghị các đơn vị tổng hợp kết quả, gửi Văn phòng Đảng ủy trước ngày 20/3/2026.",
        "Văn phòng Đảng ủy theo dõi, đôn đốc việc thực hiện văn bản này.",
    )
    roles = {doc.text[b.start : b.end][:20]: b.role for b in doc.blocks}
    assert roles["Kính gửi:"] == "header"
    assert roles["- Ủy ban nhân dân xã"] == "header", roles
    assert roles["Thường trực Đảng ủy "] == "paragraph", roles
    assert roles["Văn phòng Đảng ủy th"] == "paragraph", roles
    assert quote(doc, doc.header.place_date) == "Hòa Lạc, ngày 05 tháng 3 năm 2026"


def test_a_title_in_sentence_case_is_no_running_sentence() -> None:
    """The title under the type line is the head's, however many words it has: the head ends after it."""
    doc = doc_of(
        "ỦY BAN NHÂN DÂN XÃ HÒA LẠC",
        "Số: 30/KH-UBND",
        "Hòa Lạc, ngày 05 tháng 3 năm 2026",
        "KẾ HOẠCH",
        "Tổ chức các hoạt động hưởng ứng ngày chuyển đổi số quốc gia trên địa bàn xã năm 2026",
        "Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân huyện;",
        "I. MỤC ĐÍCH, YÊU CẦU",
    )
    title = quote(doc, doc.header.title)
    assert title.startswith("Tổ chức các hoạt động"), title
    assert [b.role for b in doc.blocks if doc.text[b.start : b.end].startswith("Tổ chức")] == ["header"]


def test_an_addressee_item_that_ran_on_into_the_letter_ends_the_head() -> None:
    """A copy that lost the line break after a letter's last addressee joins that dash item with the letter's
    first sentence ("- Các chi bộ trực thuộc, Thường trực Đảng ủy đề nghị …"): what follows the item's last
    comma is a whole sentence, so the head ends there and the extractors read it (a deadline included) as body
    text. A long addressee whose name ends in a few words after its comma stays in the head."""
    from extractors.deadlines import extract_deadlines

    doc = doc_of(
        "ĐẢNG ỦY XÃ HÒA LẠC",
        "Số 14-CV/ĐU",
        "Hòa Lạc, ngày 06 tháng 4 năm 2026",
        "Kính gửi:",
        "- Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố trực thuộc Trung ương;",
        "- Các chi bộ trực thuộc, Thường trực Đảng ủy đề nghị các chi bộ tổ chức hội nghị đánh giá kết quả và "
        "triển khai nhiệm vụ trọng tâm tháng 5 năm 2026 theo chương trình công tác.",
    )
    roles = {doc.text[b.start : b.end][:20]: b.role for b in doc.blocks}
    assert roles["- Sở Lao động - Thươ"] == "header", roles
    assert roles["Các chi bộ trực thuộ"] == "list_item", roles
    deadlines, _ = extract_deadlines(doc)
    assert [d.quote for d in deadlines] == ["tháng 5 năm 2026"]


def test_a_short_addressee_item_stays_in_the_head() -> None:
    """The same letter with the break kept: the dash item names its addressees only and stays a head line."""
    doc = doc_of(
        "ĐẢNG ỦY XÃ HÒA LẠC",
        "Số 14-CV/ĐU",
        "Hòa Lạc, ngày 06 tháng 4 năm 2026",
        "Kính gửi:",
        "- Các chi bộ trực thuộc, các ban xây dựng Đảng và Văn phòng Đảng ủy xã.",
        "Thường trực Đảng ủy đề nghị các chi bộ tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ quý I.",
    )
    roles = {doc.text[b.start : b.end][:20]: b.role for b in doc.blocks}
    assert roles["- Các chi bộ trực th"] == "header", roles
    assert roles["Thường trực Đảng ủy "] == "paragraph", roles
