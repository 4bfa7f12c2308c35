"""Metadata of the plan itself, as tables of a plan's head or tail → expected fields, and the
corpus in every format against the gold set."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_documents import gold_case, gold_renditions, make_document

from extractors.citations import extract_citations
from extractors.metadata import extract_metadata
from pipeline.document import DocumentHeader, Span
from pipeline.models import Metadata
from pipeline.process import load_document

BODY = "\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNội dung.\n"


def metadata_of(text: str) -> Metadata:
    doc = make_document(text)
    citations, _ = extract_citations(doc)
    return extract_metadata(doc, citations)


NUMBER_LINES = [
    ("Số 10-KH/ĐU", "10-KH/ĐU", "KH/ĐU"),
    ("Số: 10-KH/ĐU", "10-KH/ĐU", "KH/ĐU"),
    ("Số    -KH/ĐU", None, "KH/ĐU"),
    ("Số:      -KH/ĐU", None, "KH/ĐU"),
    ("Số 15/KH-UBND", "15/KH-UBND", "KH-UBND"),
    ("Số      /KH-UBND", None, "KH-UBND"),
    ("Số 03-KH/DU", "03-KH/ĐU", "KH/ĐU"),
    ("Số: 96-KH/UBND", "96-KH/UBND", "KH/UBND"),  # the plan's own number is recorded in its printed style
    ("", None, None),
]


@pytest.mark.parametrize(("line", "number", "symbol"), NUMBER_LINES)
def test_number_and_symbol(line: str, number: str | None, symbol: str | None) -> None:
    meta = metadata_of(f"ĐẢNG BỘ XÃ\n{line}\nKẾ HOẠCH\nvề chuyển đổi số{BODY}")
    assert (meta.number, meta.symbol) == (number, symbol)


DATE_LINES = [
    ("Nhữ Khê, ngày 22 tháng 9 năm 2025", "2025-09-22", "Nhữ Khê"),
    ("Xuân Hưng, ngày 14 tháng 8 năm 2025", "2025-08-14", "Xuân Hưng"),
    ("Xuân Hưng, ngày    tháng 8 năm 2025", "2025-08", "Xuân Hưng"),
    ("Xuân Hưng, ngày ... tháng 8 năm 2025", "2025-08", "Xuân Hưng"),
    ("Xuân Hưng, ngày    tháng    năm 2025", "2025", "Xuân Hưng"),
    ("Rạng Đông, ngày 14/8/2025", "2025-08-14", "Rạng Đông"),
    ("Xã Minh Hòa, ngày 14/8/2025", "2025-08-14", "Minh Hòa"),
    ("Ea H'leo, ngày 14/8/2025", "2025-08-14", "Ea H'leo"),
    ("MINH HÒA, ngày 14/8/2025", "2025-08-14", "MINH HÒA"),
    ("Minh Hòa, ngày 5 tháng 9, năm 2025", "2025-09-05", "Minh Hòa"),
    ("Minh Hòa ngày 14 tháng 8 năm 2025", "2025-08-14", "Minh Hòa"),
    ("| Số 31-KH/ĐU | Minh Hòa, ngày 05 tháng 9 năm 2025 |", "2025-09-05", "Minh Hòa"),
    ("*Rạng Đông, ngày 19 tháng 6 tháng 2025*", "2025-06-19", "Rạng Đông"),
    ("", None, None),
]


@pytest.mark.parametrize(("line", "iso", "place"), DATE_LINES)
def test_date_and_place(line: str, iso: str | None, place: str | None) -> None:
    meta = metadata_of(f"{line}\nKẾ HOẠCH\nvề chuyển đổi số{BODY}")
    assert (meta.date, meta.place) == (iso, place)


def test_a_basis_line_with_a_date_is_not_the_date_line() -> None:
    meta = metadata_of(
        f"KẾ HOẠCH\nvề chuyển đổi số\nCăn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị;{BODY}"
    )
    assert (meta.date, meta.place) == (None, None)


DOC_TYPES = [
    ("KẾ HOẠCH", "ke_hoach"),
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "chuong_trinh"),
    ("**NGHỊ QUYẾT**", "nghi_quyet"),
    ("| KẾ HOẠCH |", "ke_hoach"),
]


@pytest.mark.parametrize(("line", "code"), DOC_TYPES)
def test_doc_type(line: str, code: str) -> None:
    assert metadata_of(f"Số 10-KH/ĐU\n{line}\nvề chuyển đổi số{BODY}").doc_type == code


ISSUERS = [
    # "KẾ HOẠCH / CỦA BAN CHẤP HÀNH …" under the type wins over the signature's "T/M ĐẢNG ỦY"
    ("KẾ HOẠCH\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ\nthực hiện Kế hoạch\n", "T/M ĐẢNG ỦY", "Ban Chấp hành Đảng bộ xã"),
    (
        "KẾ HOẠCH\nvề chuyển đổi số\nBan Thường vụ Đảng ủy xã Rạng Đông ban hành Kế hoạch như sau:\n",
        "",
        "Ban Thường vụ Đảng ủy xã",
    ),
    (
        "KẾ HOẠCH\nvề chuyển đổi số\nCăn cứ tình hình thực tế; Ban Thường vụ Đảng uỷ xã ban hành Kế hoạch như sau:\n",
        "",
        "Ban Thường vụ Đảng ủy xã",
    ),
    (
        "KẾ HOẠCH\nvề chuyển đổi số\nBan Chấp hành Đảng bộ xã Nhữ Khê xây dựng Kế hoạch thực hiện như sau:\n",
        "",
        "Ban Chấp hành Đảng bộ xã",
    ),
    ("KẾ HOẠCH\nvề chuyển đổi số\n", "T/M BAN THƯỜNG VỤ ĐẢNG ỦY XÃ", "Ban Thường vụ Đảng ủy xã"),
    ("KẾ HOẠCH\nvề chuyển đổi số\n", "T/M BAN THƯỜNG VỤ", "Ban Thường vụ Đảng ủy xã"),
    ("KẾ HOẠCH\nvề chuyển đổi số\n", "T/M BAN CHẤP HÀNH", "Ban Chấp hành Đảng bộ xã"),
    (
        "UBND HUYỆN YÊN SƠN\nỦY BAN NHÂN DÂN XÃ MINH HÒA\nSố: 5/KH-UBND\nKẾ HOẠCH\nvề chuyển đổi số\n",
        "",
        "Ủy ban nhân dân xã",
    ),
    ("KẾ HOẠCH\nvề chuyển đổi số\nĐảng ủy xã Minh Hòa triển khai thực hiện như sau:\n", "", "Đảng ủy xã"),
    # a ward keeps its level word: the bodies table is written for a xã
    (
        "KẾ HOẠCH\nvề chuyển đổi số\nỦy ban nhân dân phường Tân Phong ban hành Kế hoạch như sau:\n",
        "",
        "Ủy ban nhân dân phường",
    ),
    ("ỦY BAN NHÂN DÂN\nXÃ PHÌN HỒ\nSố:    /KH-UBND\nKẾ HOẠCH\nvề chuyển đổi số\n", "", "Ủy ban nhân dân xã"),
    ("KẾ HOẠCH\nvề chuyển đổi số\n", "", None),
]


@pytest.mark.parametrize(("head", "on_behalf", "issuer"), ISSUERS)
def test_issuer(head: str, on_behalf: str, issuer: str | None) -> None:
    meta = metadata_of(f"{head}{BODY}\nNơi nhận:\n- Lưu VPĐU.\n{on_behalf}\nBÍ THƯ\nNguyễn Văn An\n")
    assert meta.issuer == issuer


AUTHORITY_LINES = [
    # a reprint that starts at the type line: the authority line over the "Căn cứ" list names the issuer
    (
        "NGHỊ QUYẾT\nVỀ VIỆC ĐIỀU CHỈNH KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2024\nHỘI ĐỒNG NHÂN DÂN TỈNH YÊN MINH\n"
        "KHÓA XVII, KỲ HỌP THỨ 9\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n",
        "Hội đồng nhân dân tỉnh",
    ),
    # the head of the body stands for it
    (
        "QUYẾT ĐỊNH\nBan hành Kế hoạch cải cách hành chính năm 2024\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TÂN AN\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n",
        "Ủy ban nhân dân huyện",
    ),
    # a title line in capitals is not an authority line
    (
        "QUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH\nNĂM 2024\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n",
        None,
    ),
]


@pytest.mark.parametrize(("head", "issuer"), AUTHORITY_LINES)
def test_authority_line_over_the_basis_list_names_the_issuer(head: str, issuer: str | None, tmp_path: Path) -> None:
    path = tmp_path / "reprint.txt"  # read through the structure, which finds the type line, title and basis
    path.write_text(f"{head}{BODY}", encoding="utf-8")
    doc = load_document(path)
    assert doc.header.doc_type_line is not None and doc.header.basis
    assert extract_metadata(doc, extract_citations(doc)[0]).issuer == issuer


HEADLINES = [
    ("Nghị quyết số 15/NQ-TU ngày 02/3/2023 ban hành bởi Tỉnh ủy Hòa An về phát triển du lịch\n", "Tỉnh ủy"),
    ("Nghị quyết của Ban Chấp hành Đảng bộ tỉnh khóa XV về phát triển nông nghiệp\n", "Ban Chấp hành Đảng bộ tỉnh"),
    # the issuer of the document the headline's plan carries out, not the plan's
    ("Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị năm 2025\n", None),
    # a headline deeper in the text is a sentence, not the document's headline
    ("Tin tức địa phương\nNghị quyết của Ban Chấp hành Đảng bộ tỉnh khóa XV về nông nghiệp\n", None),
]


@pytest.mark.parametrize(("headline", "issuer"), HEADLINES)
def test_a_reprints_headline_names_the_issuer(headline: str, issuer: str | None) -> None:
    lead = "Báo tỉnh trân trọng giới thiệu toàn văn.\n1. Tình hình chung\nNội dung.\n"
    assert metadata_of(f"{headline}{lead}").issuer == issuer


SIGNATURES = [
    (
        "Nơi nhận:\n- Như trên,\n- Lưu VPĐU.\n**T/M BAN THƯỜNG VỤ\nBÍ THƯ**\n\nTrần Trung Hiếu\n",
        "Trần Trung Hiếu",
        "Bí thư",
    ),
    ("Nơi nhận:\n- Lưu VPĐU.\nT/M ĐẢNG ỦY\nK/T BÍ THƯ\nPHÓ BÍ THƯ\nNguyễn Thị Hoa\n", "Nguyễn Thị Hoa", "Phó Bí thư"),
    ("Nơi nhận:\n- Lưu VPĐU.\n\n\n\nTrần Văn Vy\n", "Trần Văn Vy", None),
    (
        "Nơi nhận:\n- Lưu VPĐU.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Trung Hiếu\nPHỤ LỤC I\nDanh Sách Thôn\n",
        "Trần Trung Hiếu",
        "Bí thư",
    ),
    ("Nơi nhận:\n- Ban Thường vụ Tỉnh ủy (b/c),\n- Lưu VPĐU.\n", None, None),
    ("Nơi nhận:\n- Lưu VT.\nT/M ĐẢNG ỦY\nBÍ THƯ\nH' Bia Niê\n", "H' Bia Niê", "Bí thư"),
    ("T/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Văn An\nGhi Chú Thêm\n", "Nguyễn Văn An", "Bí thư"),
    ("| Nơi nhận: | T/M ĐẢNG ỦY |\n| - Lưu VP. | BÍ THƯ |\n|  | Phạm Văn Hùng |\n", "Phạm Văn Hùng", "Bí thư"),
    ("Nơi nhận:\n- Lưu VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nNGUYỄN VĂN BÌNH\n", "NGUYỄN VĂN BÌNH", "Chủ tịch"),
    # a portal's table kept the title cell and lost the name under it: the title alone
    ("| Nơi nhận: | KT. CHỦ TỊCH PHÓ CHỦ TỊCH |\nKẾ HOẠCH\nSố hóa hồ sơ đất đai\n", None, "Phó Chủ tịch"),
    ("Nơi nhận: | CHỦ TỊCH |\n", None, "Chủ tịch"),
    # a title inside a sentence of the tail is not a signature
    ("Nơi nhận:\n- Chủ tịch UBND các xã;\n- Lưu VT.\n", None, None),
]


@pytest.mark.parametrize(("tail", "signer", "title"), SIGNATURES)
def test_signer_and_title(tail: str, signer: str | None, title: str | None) -> None:
    meta = metadata_of(f"KẾ HOẠCH\nvề chuyển đổi số{BODY}{tail}")
    assert (meta.signer, meta.signer_title) == (signer, title)


def test_implements_and_replaces_come_from_the_head() -> None:
    meta = metadata_of(
        "KẾ HOẠCH\nthực hiện Kế hoạch số 24-KH/TU ngày 11/8/2025 của Ban Chấp hành Đảng bộ tỉnh về thực hiện "
        "Nghị quyết số 57-NQ/TW của Bộ Chính trị (Thay thế Kế hoạch số 08-KH/ĐU ngày 28/7/2025)\n"
        "Căn cứ Nghị quyết số 71/NQ-CP của Chính phủ;" + BODY + "Triển khai thực hiện Nghị quyết số 193/2025/QH15.\n"
    )
    assert meta.implements == ["24-KH/TU", "57-NQ/TW"]
    assert meta.replaces == ["08-KH/ĐU"]


# --- the corpus against the gold set, every format -----------------------------------------------

FIELDS = ["doc_type", "number", "symbol", "date", "place", "issuer", "signer", "signer_title", "implements", "replaces"]


@pytest.mark.slow
@pytest.mark.parametrize("path", gold_renditions(), ids=lambda p: p.name)
def test_corpus_metadata_against_gold(path: Path) -> None:
    from pipeline.scoring import score_metadata

    gold, doc = gold_case(path)
    citations, _ = extract_citations(doc)
    agreement, finding = score_metadata(gold.metadata, extract_metadata(doc, citations))
    equal = sum(agreement.equal.values())
    total = sum(agreement.total.values())
    assert total == len(FIELDS)
    assert equal / total >= 0.95, finding


def test_head_lines_joined_by_a_converter_read_from_the_structure_spans() -> None:
    """A converter that joined the head into one line: the structure's spans open mid-line."""
    text = "ĐẢNG BỘ XÃ AN BÌNH Số: 12-KH/ĐU An Bình, ngày 05 tháng 9 năm 2025\nKẾ HOẠCH về chuyển đổi số" + BODY
    doc = make_document(text)
    number_at, date_at = text.index("Số:"), text.index("An Bình,")
    doc.header = DocumentHeader(
        number_line=Span(start=number_at, end=date_at - 1),
        place_date=Span(start=date_at, end=text.index("\n")),
    )
    meta = extract_metadata(doc, [])
    assert (meta.number, meta.symbol, meta.date, meta.place) == ("12-KH/ĐU", "KH/ĐU", "2025-09-05", "An Bình")
    assert meta.doc_type == "ke_hoach"


def test_title_is_the_subject_without_a_closing_replacement_note() -> None:
    text = (
        "KẾ HOẠCH\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ\nthực hiện Kế hoạch số 24-KH/TU ngày 11/8/2025\n"
        "(Thay thế Kế hoạch số 08-KH/ĐU ngày 28/7/2025)" + BODY
    )
    doc = make_document(text)
    doc.header = DocumentHeader(title=Span(start=text.index("CỦA"), end=text.index(")") + 1))
    assert extract_metadata(doc, []).title == "thực hiện Kế hoạch số 24-KH/TU ngày 11/8/2025"


def test_a_type_line_that_runs_on_into_the_subject() -> None:
    text = "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW" + BODY
    doc = make_document(text)
    doc.header = DocumentHeader(doc_type_line=Span(start=0, end=text.index("\n")))
    assert extract_metadata(doc, []).doc_type == "ke_hoach"


def test_an_issuer_takes_the_level_its_head_states_not_an_invented_one(tmp_path):
    from pipeline.process import process_file

    head = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 15/QĐ-UBND | Yên Bái, ngày 3 tháng 4 năm 2025 |\n"
    )
    body = "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch chuyển đổi số\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\nQUYẾT ĐỊNH:\n"
    path = tmp_path / "qd.txt"
    path.write_text(head + body + "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.", encoding="utf-8")
    assert process_file(path).metadata.issuer == "Ủy ban nhân dân tỉnh"
    path.write_text(head.replace("ỦY BAN NHÂN DÂN |", "ỦY BAN NHÂN DÂN\nXÃ YÊN PHÚ |") + body, encoding="utf-8")
    assert process_file(path).metadata.issuer == "Ủy ban nhân dân xã"


def test_a_title_wrapped_after_a_cited_number_does_not_name_the_issuer(tmp_path):
    """A title line opening "CỦA …" names the plan's issuer ("KẾ HOẠCH / CỦA BAN THƯỜNG VỤ …") unless the title
    wrapped right after a document it cites: then "của" belongs to that document."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH HÒA AN\nSố: 41/KH-UBND\nHòa An, ngày 09 tháng 10 năm 2026\nKẾ HOẠCH\n"
    wrapped = "THỰC HIỆN QUYẾT ĐỊNH SỐ 12/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2026\nCỦA THỦ TƯỚNG CHÍNH PHỦ VỀ ĐẦU TƯ CÔNG\n"
    body = "I. MỤC TIÊU\nCơ cấu lại đầu tư công.\n"
    assert _metadata_of(tmp_path, head + wrapped + body).issuer == "Ủy ban nhân dân tỉnh"


def test_a_national_body_keeps_the_level_its_head_states(tmp_path):
    """ "BAN CHỈ ĐẠO QUỐC GIA VỀ …" is a national steering committee: its date line's city ("Hà Nội, ngày …")
    gives it no city level."""
    text = (
        "| BAN CHỈ ĐẠO QUỐC GIA VỀ PHÒNG CHỐNG THIÊN TAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "| Số: 31/KH-BCĐQG | Hà Nội, ngày 3 tháng 4 năm 2026 |\nKẾ HOẠCH\nDiễn tập ứng phó bão năm 2026\n"
        "I. MỤC ĐÍCH\nNâng cao năng lực ứng phó.\n"
    )
    assert _metadata_of(tmp_path, text).issuer == "Ban Chỉ đạo quốc gia"


def test_a_decision_whose_type_line_was_lost_is_issued_by_the_organisation_its_head_signs_for(tmp_path):
    """ "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" over the preamble names who signs; the issuer is the organisation
    (gold decision), whichever line the issuer was read from."""
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 21/QĐ-UBND | Lâm Thảo, ngày 3 tháng 4 năm 2025 |\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM THẢO\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành Kế hoạch số hóa hồ sơ kèm theo Quyết định này.\n"
    )
    assert _metadata_of(tmp_path, text).issuer == "Ủy ban nhân dân tỉnh"


def test_a_letter_is_told_by_its_subject_line(tmp_path):
    """A công văn prints no type line: its "V/v …" subject under the number tells what it is."""
    text = (
        "BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 812/BKHCN-CĐS\nV/v hướng dẫn xây dựng kế hoạch chuyển đổi số năm 2026\n"
        "Hà Nội, ngày 3 tháng 4 năm 2025\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố\n"
        "Để triển khai kế hoạch, Bộ đề nghị các địa phương gửi báo cáo trước ngày 30/6/2026.\n"
    )
    assert _metadata_of(tmp_path, text).doc_type == "cong_van"
    assert _metadata_of(tmp_path, text.replace("V/v ", "Về ")).doc_type is None
    # a copied header table puts the subject in the number's cell, on the same line
    beside = text.replace("Số: 812/BKHCN-CĐS\nV/v", "| Số: 812/BKHCN-CĐS V/v").replace("2026\nHà Nội", "2026 | Hà Nội")
    assert _metadata_of(tmp_path, beside).doc_type == "cong_van"


def test_a_text_that_lost_its_header_is_the_kind_its_issuing_sentence_issues(tmp_path):
    """A plan copied without its header (no type line, no number) still says what it issues: "… ban hành
    Chương trình hành động …" makes it a chương trình; "… triển khai thực hiện như sau" names no kind, and a
    subject line ("Về … xây dựng kế hoạch", test above) is no issuing sentence."""
    text = (
        "Thực hiện Nghị quyết số 08-NQ/TU ngày 02/3/2026 của Ban Chấp hành Đảng bộ huyện về chuyển đổi số. Ủy ban "
        "nhân dân huyện Hòa An ban hành Chương trình hành động với các nội dung như sau:\n"
        "I. MỤC ĐÍCH\nNâng cao chất lượng dịch vụ công trực tuyến.\n"
    )
    assert _metadata_of(tmp_path, text).doc_type == "chuong_trinh"
    unnamed = text.replace("ban hành Chương trình hành động với các nội dung", "triển khai thực hiện")
    assert _metadata_of(tmp_path, unnamed).doc_type is None


@pytest.mark.parametrize("place", ["Đưng K’Nớ", "Phan Rang-Tháp Chàm"])
def test_a_place_name_with_an_apostrophe_or_a_hyphen(tmp_path, place):
    """Place names hold an apostrophe ("Đưng K’Nớ", "Đắk R'lấp") or a hyphen ("Phan Rang-Tháp Chàm"): all of it
    is the place."""
    text = f"ỦY BAN NHÂN DÂN\nXÃ ĐƯNG K’NỚ\nSố: 31/BC-UBND\n{place}, ngày 07 tháng 3 năm 2025\nBÁO CÁO\nKết quả\n"
    metadata = _metadata_of(tmp_path, text)
    assert (metadata.place, metadata.date) == (place, "2025-03-07")


def test_a_date_line_wrapped_after_ngay_in_a_copied_web_table(tmp_path):
    """A portal copy breaks its header cell "Vĩnh Long, ngày 06 tháng 6 năm 2022" after "ngày": one date line."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM THẢO\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n|\nSố: 43/KH-UBND\n|\n"
        "Lâm Thảo, ngày\n06 tháng 6 năm 2022\n|\nKẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ\n"
    )
    metadata = _metadata_of(tmp_path, text)
    assert (metadata.date, metadata.place) == ("2022-06-06", "Lâm Thảo")


def test_a_head_without_its_level_takes_it_from_the_province_its_date_line_names(tmp_path):
    text = "ỦY BAN NHÂN DÂN\nSố: 7384/KH-UBND\nQuảng Nam, ngày 12 tháng 10 năm 2023\nKẾ HOẠCH\nChuyển đổi số\n"
    assert _metadata_of(tmp_path, text).issuer == "Ủy ban nhân dân tỉnh"
    not_a_province = text.replace("Quảng Nam, ngày", "Hòa An, ngày")
    assert _metadata_of(tmp_path, not_a_province).issuer == "Ủy ban nhân dân xã"  # as before


def test_a_place_name_wrapped_above_its_date_line(tmp_path):
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM THẢO\n|\nSố: 56/KH-UBND\n|\nLâm\nThảo, ngày 24 tháng 02 năm 2023\n|\n"
        "KẾ HOẠCH\nSố hóa\n"
    )
    assert _metadata_of(tmp_path, text).place == "Lâm Thảo"


def _metadata_of(tmp_path, text: str):
    """The metadata of `text` read as a .txt plan, through the whole pipeline."""
    from pipeline.process import process_file

    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return process_file(path).metadata


REPORT = """ĐẢNG BỘ XÃ TÂN AN
ĐẢNG ỦY XÃ
Số 14-BC/ĐU
Tân An, ngày 02 tháng 3 năm 2026
BÁO CÁO
kết quả số hóa hồ sơ đảng viên tháng 02 năm 2026
Căn cứ Công văn số 31-CV/TU ngày 04/01/2026 của Tỉnh ủy; Thường trực Đảng ủy xã báo cáo kết quả như sau:
I. KẾT QUẢ
Đã số hóa 120 hồ sơ đảng viên.
{closing}
Nơi nhận:
- Văn phòng Tỉnh ủy,
- Lưu VPĐU.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Trần Văn Bình
"""


def test_a_reports_issuer_is_its_reporting_sentences_subject(tmp_path):
    closing = "Đề nghị Văn phòng Tỉnh ủy tổng hợp./."
    assert _metadata_of(tmp_path, REPORT.format(closing=closing)).issuer == "Thường trực Đảng ủy xã"


def test_a_reports_closing_sentence_names_its_author(tmp_path):
    """gold/README.md: the closing sentence that names the author is read over the opening's."""
    closing = "Trên đây là báo cáo của Ban Thường vụ Đảng ủy xã Tân An về kết quả số hóa./."
    assert _metadata_of(tmp_path, REPORT.format(closing=closing)).issuer == "Ban Thường vụ Đảng ủy xã"


def test_a_signature_block_copied_on_one_line(tmp_path):
    """A portal's table cell puts the whole signature block on one line: the name closes it, and the last
    title before the name is the signer's own."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN PHÚ\nSố: 12/KH-UBND\nAn Phú, ngày 03 tháng 4 năm 2026\nKẾ HOẠCH\nSố hóa hồ sơ\n"
        "I. NHIỆM VỤ\n1. Số hóa hồ sơ đất đai.\n"
        "| Nơi nhận: - Sở Nội vụ; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn Hòa |\n"
    )
    metadata = _metadata_of(tmp_path, text)
    assert (metadata.signer, metadata.signer_title) == ("Lê Văn Hòa", "Phó Chủ tịch")


def test_two_bodies_that_agree_to_issue_a_document_are_its_joint_issuer(tmp_path):
    """ "A và B thống nhất ban hành Quy chế …": a joint document, its issuers joined by ", " (gold/README.md), each
    at the level the head gives it; the body that closes the subject and the one before its "và" are the pair."""
    text = (
        "ỦY BAN NHÂN DÂN\nỦY BAN MTTQ VIỆT NAM\nTỈNH BẮC KẠN\n"
        "| Số: 03/QCPH-UBND-MTTQ | Bắc Kạn, ngày 5 tháng 4 năm 2024 |\n"
        "QUY CHẾ\nPhối hợp công tác giữa hai cơ quan\nCăn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 09/6/2015;\n"
        "Để nâng cao hiệu quả phối hợp, Ủy ban nhân dân tỉnh nhiệm kỳ 2021-2026 và Ủy ban MTTQ Việt Nam tỉnh\n"
        "khóa XV thống nhất ban hành Quy chế phối hợp như sau:\nChương I\nQUY ĐỊNH CHUNG\n"
    )
    assert _metadata_of(tmp_path, text).issuer == "Ủy ban nhân dân tỉnh, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
    standing = text.replace("Ủy ban nhân dân tỉnh nhiệm kỳ 2021-2026", "Thường trực Hội đồng nhân dân tỉnh")
    assert _metadata_of(tmp_path, standing).issuer.startswith("Thường trực Hội đồng nhân dân tỉnh, ")
    # one body alone, or no agreement to issue together: no joint issuer
    alone = text.replace("thống nhất ban hành", "ban hành")
    assert "," not in (_metadata_of(tmp_path, alone).issuer or "")


def test_a_header_cut_by_a_portal_leaves_the_issuer_to_its_numbers_symbol(tmp_path):
    """ "BỘ TÀI NGUYÊN VÀ |": the header's name is cut and names no body; the issuer's code in the symbol of the
    document's own number (…/CT-BTNMT) still tells who issued it. A code of no listed body (…/CT-XYZ) gives none,
    and a header that names its body keeps it."""
    text = (
        "BỘ TÀI NGUYÊN VÀ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 41/CT-BTNMT | Hà Nội, ngày 2 tháng 5 năm 2024 |\n"
        "Thời gian qua, công tác quản lý đất đai tại các địa phương đã có nhiều chuyển biến tích cực.\n"
    )
    assert _metadata_of(tmp_path, text).issuer == "Bộ Tài nguyên và Môi trường"
    assert _metadata_of(tmp_path, text.replace("CT-BTNMT", "CT-XYZ")).issuer is None
    named = text.replace("BỘ TÀI NGUYÊN VÀ |", "BỘ TÀI CHÍNH |")
    assert _metadata_of(tmp_path, named).issuer == "Bộ Tài chính"
