"""Responsible bodies, as tables of input → expected records.

- `canonical_body` / `split_bodies` rows: written forms and cell lists and what they name.
- Running-text rows: a sentence put in a small plan of our own (written to a .txt file and read
  through the real ingest and structure steps, since a role depends on where a name stands), and the
  (quote, name, role) records it must give, or none.
- Then headings of "Tổ chức thực hiện", table columns, a ward (phường) plan, the head, citations and
  Nơi nhận, evidence, and the real corpus in every format against the hand-labelled gold set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.bodies import canonical_body, extract_bodies, find_mentions, split_bodies
from extractors.citations import extract_citations
from pipeline.document import Document
from pipeline.models import PlanResult
from pipeline.normalize import fold_text
from pipeline.process import load_document
from pipeline.scoring import load_gold, load_texts, score

ROOT = Path(__file__).resolve().parent.parent

# --- names ------------------------------------------------------------------------------------

CANONICAL = [
    ("UBND xã", "Ủy ban nhân dân xã"),
    ("Uỷ ban nhân dân", "Ủy ban nhân dân xã"),
    ("HĐND", "Hội đồng nhân dân xã"),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
    ("Mặt trận Tổ quốc xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
    ("UBKT Đảng ủy", "Ủy ban Kiểm tra Đảng ủy"),
    ("VPĐU", "Văn phòng Đảng ủy"),
    ("BCĐ xã", "Ban Chỉ đạo xã"),
    ("các tổ chức CT-XH", "Các tổ chức chính trị - xã hội xã"),
    ("các tổ chức chính trị – xã hội", "Các tổ chức chính trị - xã hội xã"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "Đoàn Thanh niên"),
    ("Hội Phụ nữ", "Hội Liên hiệp Phụ nữ xã"),
    ("Hội Nông dân", "Hội Nông dân xã"),
    ("Hội Cựu chiến binh", "Hội Cựu chiến binh xã"),
    ("Công an xã", "Công an xã"),
    ("Quân sự xã", "Ban Chỉ huy Quân sự xã"),
    ("Trạm Y tế xã", "Trạm Y tế xã"),
    ("Trung tâm Phục vụ Hành chính công", "Trung tâm Phục vụ Hành chính công xã"),
    ("Phòng Văn hóa - Xã hội xã", "Phòng Văn hóa - Xã hội xã"),
    ("Phòng Kinh tế xã", "Phòng Kinh tế xã"),
    ("Tổ công nghệ số cộng đồng thôn", "Tổ công nghệ số cộng đồng"),
    ("các chi bộ trực thuộc", "Các chi bộ trực thuộc Đảng ủy"),
    ("Văn phòng HĐND và UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
    # the level word the text gives is kept
    ("UBND phường", "Ủy ban nhân dân phường"),
    ("Công an thị trấn", "Công an thị trấn"),
    # bodies above the commune: spelled out, level and place kept
    ("UBND tỉnh Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu"),
    ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
    # names the lexicon does not list, found by pattern
    ("Hội Người cao tuổi xã", "Hội Người cao tuổi xã"),
    ("Trung tâm Văn hóa - Thể thao xã", "Trung tâm Văn hóa - Thể thao xã"),
    # not bodies
    ("các cơ quan, đơn vị", None),
    ("người đứng đầu", None),
    ("doanh nghiệp", None),
    ("công an", None),
    ("chính quyền cùng cấp", None),
]


@pytest.mark.parametrize(("written", "name"), CANONICAL)
def test_canonical_body(written: str, name: str | None) -> None:
    assert canonical_body(written) == name


SPLITS = [
    (
        "UBND xã, Ban Xây dựng Đảng, UBKT Đảng ủy",
        [
            ("UBND xã", "Ủy ban nhân dân xã"),
            ("Ban Xây dựng Đảng", "Ban Xây dựng Đảng"),
            ("UBKT Đảng ủy", "Ủy ban Kiểm tra Đảng ủy"),
        ],
    ),
    (
        "MTTQ và các tổ chức CT-XH, chi bộ/thôn",
        [
            ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
            ("các tổ chức CT-XH", "Các tổ chức chính trị - xã hội xã"),
            ("chi bộ/thôn", "Các thôn, tổ dân phố"),
        ],
    ),
    (
        "Văn phòng HĐND và UBND phường; Phòng Kinh tế, Hạ tầng và Đô thị",
        [
            ("Văn phòng HĐND và UBND phường", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"),
            ("Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Kinh tế, Hạ tầng và Đô thị phường"),
        ],
    ),
    # two forms of one collective side by side are one body
    ("các chi bộ cơ sở, chi bộ trực thuộc", [("các chi bộ cơ sở, chi bộ trực thuộc", "Các chi bộ trực thuộc Đảng ủy")]),
    # a generic list names no one body
    ("các cơ quan liên quan", []),
    ("", []),
]


@pytest.mark.parametrize(("cell", "expected"), SPLITS)
def test_split_bodies(cell: str, expected: list[tuple[str, str]]) -> None:
    assert [(cell[s:e], name) for s, e, name in split_bodies(cell)] == expected


# --- running text -----------------------------------------------------------------------------

HEAD = """ĐẢNG BỘ XÃ HÒA BÌNH
{issuer}

Số: 07-KH/ĐU

Hòa Bình, ngày 15 tháng 9 năm 2025

KẾ HOẠCH

Chuyển đổi số trên địa bàn {level} Hòa Bình

Căn cứ Chương trình hành động số 70-CTr/TU ngày 20/02/2025 của Ban Thường vụ Tỉnh ủy về phát triển khoa học;

Ban Thường vụ Đảng ủy {level} xây dựng Kế hoạch thực hiện như sau:

"""

TAIL = """

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (b/c),
- Văn phòng Đảng ủy,
- Ủy ban nhân dân xã,
- Lưu VPĐU.
"""

L, S, OV, RT = "lead", "support", "oversight", "report_to"


def plan(tmp_path: Path, body: str, level: str = "xã", name: str = "plan") -> Document:
    """A small plan written as a .txt file and read through ingest and structure."""
    path = tmp_path / f"{name}.txt"
    issuer = "BAN THƯỜNG VỤ ĐẢNG ỦY " + level.upper()
    path.write_text(HEAD.format(issuer=issuer, level=level) + body + TAIL, encoding="utf-8")
    return load_document(path)


def duty(sentence: str) -> str:
    """A sentence standing as a duty under a tasks section (not "Tổ chức thực hiện")."""
    return f"I. NHIỆM VỤ, GIẢI PHÁP\n\n1. Công tác lãnh đạo\n\n{sentence}\n"


def records(document: Document) -> list[tuple[str, str, str]]:
    citations, _ = extract_citations(document)
    return [(b.quote, b.name, b.role) for b in extract_bodies(document, citations)]


RUNNING = [
    # a subject that does the work
    ("Ủy ban nhân dân xã chủ trì rà soát thủ tục hành chính.", [("Ủy ban nhân dân xã", "Ủy ban nhân dân xã", L)]),
    (
        "Hội Nông dân xã tuyên truyền, vận động hội viên ứng dụng công nghệ số.",
        [("Hội Nông dân xã", "Hội Nông dân xã", L)],
    ),
    # phối hợp (với) → support, for every body of the list it heads
    (
        "Văn phòng Đảng ủy chủ trì, phối hợp với UBND xã, Công an xã và Đoàn Thanh niên triển khai nền tảng số.",
        [
            ("Văn phòng Đảng ủy", "Văn phòng Đảng ủy", L),
            ("UBND xã", "Ủy ban nhân dân xã", S),
            ("Công an xã", "Công an xã", S),
            ("Đoàn Thanh niên", "Đoàn Thanh niên", S),
        ],
    ),
    # a subject whose work is phối hợp supports; so does a body told to coordinate
    (
        "Ủy ban nhân dân xã chủ trì; Công an xã phối hợp thực hiện.",
        [("Ủy ban nhân dân xã", "Ủy ban nhân dân xã", L), ("Công an xã", "Công an xã", S)],
    ),
    (
        "Đề nghị Hội Cựu chiến binh xã phối hợp tuyên truyền.",
        [("Hội Cựu chiến binh xã", "Hội Cựu chiến binh xã", S)],
    ),
    # receiving reports, proposals, feedback → report_to
    (
        "Gửi báo cáo kết quả cho Thường trực HĐND xã trước ngày 15/12/2025.",
        [("Thường trực HĐND xã", "Thường trực Hội đồng nhân dân xã", RT)],
    ),
    (
        "Định kỳ hằng quý báo cáo Ban Thường vụ Đảng ủy (qua Văn phòng Đảng ủy) kết quả thực hiện.",
        [("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy xã", RT), ("Văn phòng Đảng ủy", "Văn phòng Đảng ủy", RT)],
    ),
    (
        "Kịp thời đề xuất với Ban Chỉ đạo xã các giải pháp tháo gỡ khó khăn.",
        [("Ban Chỉ đạo xã", "Ban Chỉ đạo xã", RT)],
    ),
    (
        "Tổng hợp kết quả, gửi về Hội đồng nhân dân xã trước ngày 20 hằng tháng.",
        [("Hội đồng nhân dân xã", "Hội đồng nhân dân xã", RT)],
    ),
    (
        "Thủ trưởng các đơn vị chịu trách nhiệm trước Ban Chấp hành Đảng bộ xã về kết quả thực hiện.",
        [("Ban Chấp hành Đảng bộ xã", "Ban Chấp hành Đảng bộ xã", RT)],
    ),
    (
        "Kịp thời phản ánh ý kiến của Nhân dân với Đảng ủy và UBND xã.",
        [("Đảng ủy", "Đảng ủy xã", RT), ("UBND xã", "Ủy ban nhân dân xã", RT)],
    ),
    # kiểm tra, giám sát → oversight
    (
        "Đưa nội dung chuyển đổi số vào chương trình kiểm tra, giám sát của Ủy ban Kiểm tra Đảng ủy.",
        [("Ủy ban Kiểm tra Đảng ủy", "Ủy ban Kiểm tra Đảng ủy", OV)],
    ),
    (
        "Phát huy vai trò giám sát, phản biện xã hội của MTTQ xã và các đoàn thể chính trị - xã hội.",
        [
            ("MTTQ xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", OV),
            ("các đoàn thể chính trị - xã hội", "Các tổ chức chính trị - xã hội xã", OV),
        ],
    ),
    (
        "Ban Chỉ đạo xã chủ trì, phối hợp với các cơ quan liên quan tổ chức kiểm tra, giám sát việc thực hiện.",
        [("Ban Chỉ đạo xã", "Ban Chỉ đạo xã", OV)],
    ),
    # a body advised or told to act is lead of that work; advised to check → oversight
    (
        "Tham mưu Ban Thường vụ Đảng ủy sơ kết, tổng kết việc thực hiện.",
        [("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy xã", L)],
    ),
    (
        "Tham mưu Ban Thường vụ Đảng ủy kiểm tra, giám sát việc thực hiện tại các chi bộ.",
        [("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy xã", OV)],
    ),
    (
        "Chỉ đạo các bộ phận chuyên môn, các thôn triển khai thực hiện.",
        [("các bộ phận chuyên môn", "Các bộ phận chuyên môn", L), ("các thôn", "Các thôn, tổ dân phố", L)],
    ),
    (
        "Giao Trạm Y tế xã triển khai hồ sơ sức khỏe điện tử.",
        [("Trạm Y tế xã", "Trạm Y tế xã", L)],
    ),
    (
        "Phát huy vai trò nòng cốt của các tổ chức đoàn thể, đặc biệt là Hội Phụ nữ, Hội Cựu chiến binh.",
        [
            ("các tổ chức đoàn thể", "Các tổ chức chính trị - xã hội xã", L),
            ("Hội Phụ nữ", "Hội Liên hiệp Phụ nữ xã", L),
            ("Hội Cựu chiến binh", "Hội Cựu chiến binh xã", L),
        ],
    ),
    # an introducer closed by a comma may open the clause before its subject
    ("Trên cơ sở đó, UBND xã xây dựng kế hoạch cụ thể.", [("UBND xã", "Ủy ban nhân dân xã", L)]),
    (
        "Hằng năm, Ủy ban Kiểm tra Đảng ủy kiểm tra việc thực hiện.",
        [("Ủy ban Kiểm tra Đảng ủy", "Ủy ban Kiểm tra Đảng ủy", OV)],
    ),
    # a body told to check others is oversight of that work
    (
        "Ban Thường vụ Đảng ủy giao Ủy ban Kiểm tra Đảng ủy giám sát việc thực hiện.",
        [
            ("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy xã", L),
            ("Ủy ban Kiểm tra Đảng ủy", "Ủy ban Kiểm tra Đảng ủy", OV),
        ],
    ),
    (
        "Thường trực HĐND xã giám sát việc thực hiện các chỉ tiêu.",
        [("Thường trực HĐND xã", "Thường trực Hội đồng nhân dân xã", OV)],
    ),
    # a body the lexicon does not list, found by its capitalised name and level word
    (
        "Hội Người cao tuổi xã phối hợp với Trung tâm Văn hóa - Thể thao xã tổ chức lớp học kỹ năng số.",
        [
            ("Hội Người cao tuổi xã", "Hội Người cao tuổi xã", L),
            ("Trung tâm Văn hóa - Thể thao xã", "Trung tâm Văn hóa - Thể thao xã", S),
        ],
    ),
    # a body above the commune that receives reports
    (
        "Tổng hợp, báo cáo Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ) hằng tháng.",
        [
            ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", RT),
            ("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", RT),
        ],
    ),
    # a Party committee's own office or department above the commune, in either tone-mark spelling
    (
        "Xã chủ động làm việc cùng, phối hợp với Văn phòng Huyện uỷ để chuẩn hóa dữ liệu.",
        [("Văn phòng Huyện uỷ", "Văn phòng Huyện ủy", S)],
    ),
    (
        "Hồ sơ nhân sự gửi Ban Tổ chức Thành ủy thẩm định.",
        [("Ban Tổ chức Thành ủy", "Ban Tổ chức Thành ủy", RT)],
    ),
    # "kính đề nghị" addresses a superior: the bodies it names receive the request
    (
        "Đảng ủy xã kính đề nghị Thường trực Huyện ủy quan tâm bố trí kinh phí.",
        [("Đảng ủy xã", "Đảng ủy xã", L), ("Thường trực Huyện ủy", "Thường trực Huyện ủy", RT)],
    ),
    # a connective before the subject does not hide it (work to come: in a plan, work already done ("đã") is its
    # review of past results, which names no actor: test_bodies_review.py)
    ("Ngoài ra, Hội Nông dân xã mở lớp tập huấn bán hàng trực tuyến.", [("Hội Nông dân xã", "Hội Nông dân xã", L)]),
    ("Bên cạnh đó, Công an xã rà soát dữ liệu dân cư.", [("Công an xã", "Công an xã", L)]),
    # in a commune's text "Ủy ban Kiểm tra" alone is the Party committee's inspection commission
    (
        "Rà soát việc kê khai tài sản (Giao Uỷ ban Kiểm tra phối hợp với Văn phòng Đảng ủy tham mưu).",
        [("Uỷ ban Kiểm tra", "Ủy ban Kiểm tra Đảng ủy", L), ("Văn phòng Đảng ủy", "Văn phòng Đảng ủy", S)],
    ),
    # a report tells what a body did: after a leading phrase closed by a comma, a tense word marks the subject
    (
        "Trong quý III, theo đúng định hướng của huyện, Hội Cựu chiến binh xã sẽ vận động hội viên cài ứng dụng.",
        [("Hội Cựu chiến binh xã", "Hội Cựu chiến binh xã", L)],
    ),
    # "Hiện", "Đến nay," open a report's sentence like any opening
    ("Hiện Trạm Y tế xã đang lập hồ sơ sức khỏe điện tử cho người cao tuổi.", [("Trạm Y tế xã", "Trạm Y tế xã", L)]),
    # a name the tagger reads whole keeps the lexicon's shorter form inside it from counting twice
    (
        "Phối hợp Bộ Chỉ huy quân sự tỉnh tổ chức ngày hội tòng quân.",
        [("Bộ Chỉ huy quân sự tỉnh", "Bộ Chỉ huy quân sự tỉnh", S)],
    ),
    # a department's name ends before the verb that follows it (no dictionary word spans the two); joined
    # for a check, the department is the checker (gold/README.md: "phối hợp với X kiểm tra" makes X oversight)
    (
        "Phối hợp với Sở Y tế kiểm tra an toàn thực phẩm tại chợ.",
        [("Sở Y tế", "Sở Y tế", OV)],
    ),
    # bodies of a commune's Party organisation written short
    ("Chi bộ Công an chủ trì rà soát hồ sơ cư trú.", [("Chi bộ Công an", "Chi bộ Công an", L)]),
    ("TT. HĐND xã chủ trì giám sát việc cấp đổi giấy tờ.", [("TT. HĐND xã", "Thường trực Hội đồng nhân dân xã", OV)]),
    # a body above the commune keeps the level or plural it is written with
    (
        "Báo cáo kết quả về Ban Chỉ đạo quốc gia và Ban Chỉ đạo các quân khu.",
        [
            ("Ban Chỉ đạo quốc gia", "Ban Chỉ đạo quốc gia", RT),
            ("Ban Chỉ đạo các quân khu", "Ban Chỉ đạo các quân khu", RT),
        ],
    ),
    # ministries and departments whose names hold a dash; a head title stands for its body
    (
        "Phối hợp với Bộ Lao động - Thương binh và Xã hội, Vụ Kế hoạch - Tài chính rà soát.",
        [
            ("Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội", S),
            ("Vụ Kế hoạch - Tài chính", "Vụ Kế hoạch - Tài chính", S),
        ],
    ),
    (
        "Định kỳ báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện.",
        [("Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", RT)],
    ),
    # a collective of a definite kind at the central level
    ("Phối hợp với các Bộ, ngành liên quan rà soát.", [("các Bộ, ngành liên quan", "Các bộ, ngành liên quan", S)]),
    # an organisation at every level keeps "các cấp" in its name (a national plan's reading)
    (
        "Phối hợp với Hội Cựu chiến binh các cấp vận động hội viên.",
        [("Hội Cựu chiến binh các cấp", "Hội Cựu chiến binh các cấp", S)],
    ),
    # a department by pattern keeps the level written after it
    ("Phối hợp Sở Y tế tỉnh Lai Châu rà soát.", [("Sở Y tế tỉnh Lai Châu", "Sở Y tế tỉnh Lai Châu", S)]),
]

NOTHING = [
    # bodies only described or acted upon
    "Nâng cao chất lượng phục vụ của Trung tâm Phục vụ Hành chính công.",
    "Kiện toàn Ban Chỉ đạo, Tổ giúp việc của xã.",
    "Số hóa hồ sơ, tài liệu của cơ quan Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể.",
    # persons, not organizations
    "Các thành viên Ban Chỉ đạo chịu trách nhiệm về lĩnh vực được phân công.",
    "Phát huy vai trò của đoàn viên thanh niên, công an, cán bộ thôn trong hỗ trợ người dân.",
    # generic phrases and a generic list
    "Các cơ quan, đơn vị liên quan chủ động triển khai thực hiện.",
    "Nếu có khó khăn, các cơ quan, tổ chức, chi bộ kịp thời phản ánh để xử lý.",
    # a relative level names no one body
    "Lãnh đạo, chỉ đạo chính quyền cùng cấp cụ thể hóa các nhiệm vụ.",
    # the plan's own issuer in its formulas
    "Ban Thường vụ Đảng ủy xã yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện.",
    # the issuer of a citation
    "Thực hiện Kế hoạch số 24-KH/TU ngày 11/8/2025 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số.",
    # a measured population, not a duty
    "Phấn đấu 100% chi bộ trực thuộc ứng dụng sổ tay đảng viên điện tử.",
    # a letter's addressees are read like "Nơi nhận" (gold/README.md)
    "Kính gửi:\n- Ủy ban nhân dân xã,\n- Hội Nông dân xã.",
    # a leading phrase closed by a comma, with no tense word after the name: a description, not a doer
    "Theo số liệu thống kê, Công an xã hiện quản lý hơn bốn nghìn nhân khẩu.",
]


@pytest.mark.parametrize(("sentence", "expected"), RUNNING)
def test_running_text(tmp_path: Path, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert records(plan(tmp_path, duty(sentence))) == expected


@pytest.mark.parametrize("sentence", NOTHING)
def test_running_text_gives_nothing(tmp_path: Path, sentence: str) -> None:
    assert records(plan(tmp_path, duty(sentence))) == []


def test_a_letters_addressees_in_its_head_give_nothing(tmp_path: Path) -> None:
    """A letter with no type line or heading: its head ends at its first running sentence, so "Kính gửi:" and the
    dash items under it stay head lines, read like "Nơi nhận" (gold/README.md); the duty after them is read."""
    text = (
        "ĐẢNG ỦY XÃ HÒA LẠC\nSố 12-CV/ĐU\nVề việc chuẩn bị hội nghị\nHòa Lạc, ngày 05 tháng 3 năm 2026\n"
        "Kính gửi:\n- Hội Nông dân xã,\n- Hội Cựu chiến binh xã.\n"
        "Thường trực Đảng ủy giao Văn phòng Đảng ủy chủ trì chuẩn bị tài liệu hội nghị, "
        "báo cáo kết quả trước ngày 20/3/2026.\n"
    )
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    names = [b.name for b in extract_bodies(document, extract_citations(document)[0])]
    assert "Văn phòng Đảng ủy" in names, names
    assert not any(n.startswith(("Hội Nông dân", "Hội Cựu chiến binh")) for n in names), names


def test_head_and_recipients_give_nothing(tmp_path: Path) -> None:
    """The issuing sentence names the plan's author, the Căn cứ line an issuer, Nơi nhận the
    recipients: none of them is a responsible body."""
    assert records(plan(tmp_path, duty("Triển khai các nhiệm vụ được giao."))) == []


TCTH = """II. TỔ CHỨC THỰC HIỆN

1. Ủy ban nhân dân xã và Công an xã

Triển khai các nhiệm vụ quản lý nhà nước về chuyển đổi số; định kỳ báo cáo Ban Thường vụ Đảng ủy.

2. Văn phòng Đảng ủy (cơ quan thường trực Ban Chỉ đạo)

Theo dõi, đôn đốc việc thực hiện Kế hoạch.

3. Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy

- Ban Xây dựng Đảng

+ Hướng dẫn các chi bộ cơ sở, chi bộ trực thuộc tổ chức sinh hoạt chuyên đề.
"""


def test_headings_of_to_chuc_thuc_hien_are_lead(tmp_path: Path) -> None:
    """Each heading of "Tổ chức thực hiện" (and a dash sub-heading made only of a name) is the lead of
    its duties; a name in a heading's parenthesis only describes; two forms of one collective
    written together are one record."""
    assert records(plan(tmp_path, TCTH)) == [
        ("Ủy ban nhân dân xã", "Ủy ban nhân dân xã", L),
        ("Công an xã", "Công an xã", L),
        ("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy xã", RT),
        ("Văn phòng Đảng ủy", "Văn phòng Đảng ủy", L),
        (
            "Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy",
            "Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy",
            L,
        ),
        ("Ban Xây dựng Đảng", "Ban Xây dựng Đảng", L),
        ("các chi bộ cơ sở, chi bộ trực thuộc", "Các chi bộ trực thuộc Đảng ủy", L),
    ]


TABLES = (
    "I. PHÂN CÔNG NHIỆM VỤ\n\n"
    "| TT | Nhóm nhiệm vụ | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm "
    "| Thời gian hoàn thành |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 1 | Giám sát của HĐND xã | Hướng dẫn chi bộ sinh hoạt chuyên đề | Văn phòng Đảng ủy "
    "| UBND xã, MTTQ và các tổ chức CT-XH, các cơ quan liên quan | Báo cáo của UBND xã | Quý I/2026 |\n\n"
    "II. BỘ TIÊU CHÍ ĐÁNH GIÁ\n\n"
    "| STT | Nhóm tiêu chí | Nội dung phản ánh | Chỉ số đo lường | Chu kỳ đánh giá | Cơ quan tổng hợp |\n"
    "|---|---|---|---|---|---|\n"
    "| 1 | Lãnh đạo | Chi bộ lãnh đạo nhiệm vụ tại cơ sở | Số chi bộ có nghị quyết | Hằng quý | UBND xã |\n"
)


def test_table_columns_give_roles(tmp_path: Path) -> None:
    """Lead and support cells give their column's role, one record per body; an assignment
    table's content cell is read as text; group and output cells, a criteria table's content cells
    and generic phrases give nothing; its "Cơ quan tổng hợp" gives lead."""
    assert records(plan(tmp_path, TABLES)) == [
        ("chi bộ", "Các chi bộ trực thuộc Đảng ủy", L),
        ("Văn phòng Đảng ủy", "Văn phòng Đảng ủy", L),
        ("UBND xã", "Ủy ban nhân dân xã", S),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", S),
        ("các tổ chức CT-XH", "Các tổ chức chính trị - xã hội xã", S),
        ("UBND xã", "Ủy ban nhân dân xã", L),
    ]


def test_a_ward_plan_names_its_bodies_at_its_level(tmp_path: Path) -> None:
    """In a phường plan a name written without a level word takes the plan's level."""
    body = duty("Phòng Văn hóa - Xã hội chủ trì, phối hợp với UBND phường và Trung tâm Phục vụ Hành chính công.")
    assert records(plan(tmp_path, body, level="phường")) == [
        ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội phường", L),
        ("UBND phường", "Ủy ban nhân dân phường", S),
        ("Trung tâm Phục vụ Hành chính công", "Trung tâm Phục vụ Hành chính công phường", S),
    ]


def test_records_carry_evidence(tmp_path: Path) -> None:
    document = plan(tmp_path, TCTH)
    found = extract_bodies(document, extract_citations(document)[0])
    assert [b.span for b in found] == sorted(b.span for b in found)
    for b in found:
        assert document.text[b.span[0] : b.span[1]] == b.quote
        assert b.section is not None and b.section.startswith("II")
        assert b.prefix


NLP_ONLY = [
    (
        "Ủy ban nhân dân xã chủ trì, phối hợp với Bưu điện văn hóa xã hỗ trợ người dân thanh toán số.",
        [("Bưu điện văn hóa xã", "Bưu điện văn hóa xã", S)],
    ),
    ("Định kỳ báo cáo Thanh tra tỉnh kết quả thực hiện.", [("Thanh tra tỉnh", "Thanh tra tỉnh", RT)]),
    (
        "Phối hợp với Chi nhánh Ngân hàng Chính sách xã hội huyện hướng dẫn người dân.",
        [
            (
                "Chi nhánh Ngân hàng Chính sách xã hội huyện",
                "Chi nhánh Ngân hàng Chính sách xã hội huyện",
                S,
            )
        ],
    ),
    # not bodies, with or without NLP
    ("Phối hợp với Nhân dân giữ gìn an ninh trật tự.", []),
    ("Giao Hợp tác xã Nông nghiệp Tân Tiến xây dựng mô hình.", []),
]


@pytest.mark.parametrize(("sentence", "added"), NLP_ONLY)
def test_nlp_finds_unseen_names_after_a_cue(tmp_path: Path, sentence: str, added: list[tuple[str, str, str]]) -> None:
    """With `nlp=True` a capitalised name after a role cue that no lexicon form or pattern knows is
    delimited by underthesea's part-of-speech tags (a run of nouns closed by a level word); the
    rules alone do not find it."""
    document = plan(tmp_path, duty(sentence))
    citations = extract_citations(document)[0]
    rules = [(b.quote, b.name, b.role) for b in extract_bodies(document, citations, nlp=False)]
    with_nlp = [(b.quote, b.name, b.role) for b in extract_bodies(document, citations, nlp=True)]
    assert [r for r in with_nlp if r not in rules] == added
    assert all(r in with_nlp for r in rules)


def test_a_lead_or_support_cell_names_only_bodies(tmp_path: Path) -> None:
    """An item of a lead or support cell that no form names but that is written as a name is a
    body; generic items and header cells are not."""
    table = (
        "I. PHÂN CÔNG NHIỆM VỤ\n\n"
        "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Hỗ trợ thanh toán số | Bưu điện văn hóa xã | UBND xã; các đơn vị liên quan; Nhân dân | Năm 2026 |\n"
    )
    assert records(plan(tmp_path, table)) == [
        ("Bưu điện văn hóa xã", "Bưu điện văn hóa xã", L),
        ("UBND xã", "Ủy ban nhân dân xã", S),
    ]


def test_rules_alone_give_the_same_records(tmp_path: Path) -> None:
    """`nlp=False` (the ablation's rules-only run) is accepted and gives the rules' records."""
    document = plan(tmp_path, TCTH)
    citations = extract_citations(document)[0]
    assert extract_bodies(document, citations, nlp=False) == extract_bodies(document, citations, nlp=True)


# --- the corpus against the gold set ----------------------------------------------------------

GOLD = load_gold(ROOT / "gold") if any((ROOT / "gold").glob("*.json")) else {}


@pytest.mark.skipif(not GOLD, reason="no gold files")
@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_gold_bodies(fmt: str) -> None:
    """Detection F1 ≥ 0.95 and exact F1 ≥ 0.95 on the gold set, in every format (issue 6 asks 0.90
    exact; the margin catches a regression before it reaches that floor)."""
    predictions = []
    for doc_id in sorted(GOLD):
        path = ROOT / "corpus" / "plans" / f"{doc_id}.{fmt}"
        document = load_document(path)
        bodies = extract_bodies(document, extract_citations(document)[0])
        predictions.append(PlanResult(doc_id=doc_id, format=fmt, content_hash="-", pipeline_version="-", bodies=bodies))
    report = score(GOLD, predictions, load_texts(GOLD, ROOT / "gold"), formats=[fmt]).to_dict()
    bodies = report["overall"]["bodies"]
    assert bodies["detection"]["f1"] >= 0.95, bodies
    assert bodies["exact"]["f1"] >= 0.95, bodies


DECISION = """ỦY BAN NHÂN DÂN TỈNH LÂM THẢO
Số: 215/QĐ-UBND
Lâm Thảo, ngày 12 tháng 3 năm 2026
QUYẾT ĐỊNH
Ban hành Kế hoạch chuyển đổi số năm 2026
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành Kế hoạch số hóa hồ sơ năm 2026 kèm theo Quyết định này.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc Sở Khoa học và Công nghệ, Giám đốc các Sở, Ban, ngành; \
Thủ trưởng các đơn vị liên quan; Chủ tịch UBND các xã, phường chịu trách nhiệm thi hành./.
"""


def test_the_closing_article_of_a_decision_names_its_executors(tmp_path: Path) -> None:
    """Each body the closing article names before "chịu trách nhiệm thi hành" is lead, named as written
    after its head's title ("Chánh Văn phòng X" → Văn phòng X); a generic collective is left out."""
    document = _plan_of(tmp_path, DECISION)
    found = [(b.name, b.role, b.quote) for b in _bodies_of(document)]
    assert found == [
        ("Văn phòng Ủy ban nhân dân tỉnh", "lead", "Văn phòng UBND tỉnh"),
        ("Sở Khoa học và Công nghệ", "lead", "Sở Khoa học và Công nghệ"),
        ("Các sở, ban, ngành", "lead", "các Sở, Ban, ngành"),
        ("Ủy ban nhân dân các xã, phường", "lead", "UBND các xã, phường"),
    ]


def test_without_its_cue_the_article_names_no_executor(tmp_path: Path) -> None:
    document = _plan_of(tmp_path, DECISION.replace("chịu trách nhiệm thi hành", "nhận được"))
    names = [b.name for b in _bodies_of(document)]
    assert "Các sở, ban, ngành" not in names and "Sở Khoa học và Công nghệ" not in names


def test_a_body_given_an_inspection_in_the_parenthesis_that_closes_it_oversees_it(tmp_path: Path) -> None:
    """ "Kiểm tra việc … (Giao X chủ trì, tham mưu trong quý II/2026)": the item's work is an inspection, so
    X is `oversight`; an item whose work is not ("Xây dựng …") leaves X `lead`. Either way X is the task's lead."""
    from extractors.deadlines import extract_deadlines
    from extractors.tasks import extract_tasks

    body = (
        "ĐẢNG ỦY XÃ HÒA BÌNH\nSố 40-CTr/ĐU\nHòa Bình, ngày 2 tháng 1 năm 2026\nCHƯƠNG TRÌNH\n"
        "Kiểm tra, giám sát năm 2026\nI. NỘI DUNG\n1. Kiểm tra việc số hóa hồ sơ đảng viên. "
        "(Giao Ủy ban Kiểm tra Đảng ủy chủ trì, tham mưu trong quý II/2026).\n"
        "2. Xây dựng kho dữ liệu văn bản của Đảng ủy. (Giao Văn phòng Đảng ủy chủ trì, tham mưu trong quý III/2026).\n"
    )
    document = _plan_of(tmp_path, body)
    bodies = _bodies_of(document)
    assert [(b.name, b.role) for b in bodies] == [
        ("Ủy ban Kiểm tra Đảng ủy", "oversight"),
        ("Văn phòng Đảng ủy", "lead"),
    ]
    tasks = extract_tasks(document, bodies, extract_deadlines(document)[0])
    assert [t.lead for t in tasks] == [["Ủy ban Kiểm tra Đảng ủy"], ["Văn phòng Đảng ủy"]]


def test_a_body_after_an_enumeration_or_a_time_introducer_opens_its_clause(tmp_path: Path) -> None:
    """ "(1) Đảng ủy đã …; (2) Ủy ban nhân dân xã đã …" and "Trong tháng 02, Đảng ủy …": the body is the doer of
    its clause."""
    body = (
        "ĐẢNG ỦY XÃ HÒA BÌNH\nSố 20-BC/ĐU\nHòa Bình, ngày 2 tháng 3 năm 2026\nBÁO CÁO\nKết quả tháng 02\n"
        "I. KẾT QUẢ\n1. Công tác cán bộ: (1) Đảng ủy đã kiện toàn các chi bộ; (2) Ủy ban nhân dân xã đã rà soát "
        "vị trí việc làm.\n2. Trong tháng 02, Văn phòng Đảng ủy số hóa hồ sơ đảng viên.\n"
    )
    document = _plan_of(tmp_path, body)
    found = [(b.name, b.role) for b in _bodies_of(document)]
    assert found == [("Đảng ủy xã", "lead"), ("Ủy ban nhân dân xã", "lead"), ("Văn phòng Đảng ủy", "lead")]


def test_provincial_departments_by_name_and_a_heading_that_names_a_body(tmp_path: Path) -> None:
    """ "Sở …" is a body as written ("Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch"), and a heading that
    is only a body's name ("1. Sở Y tế") makes it the lead of the duties under it, in any section."""
    body = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM THẢO\nSố: 88/KH-UBND\nLâm Thảo, ngày 02 tháng 4 năm 2026\nKẾ HOẠCH\nDân số\n"
        "I. NHIỆM VỤ CỦA CÁC CƠ QUAN\n1. Sở Y tế\nTham mưu triển khai chương trình dân số.\n"
        "2. Sở Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền; Sở Nội vụ, Sở Tài chính phối hợp bố trí nguồn lực.\n"
    )
    document = _plan_of(tmp_path, body)
    found = [(b.name, b.role) for b in _bodies_of(document)]
    assert found == [
        ("Sở Y tế", "lead"),
        ("Sở Văn hóa, Thể thao và Du lịch", "lead"),
        ("Sở Nội vụ", "support"),
        ("Sở Tài chính", "support"),
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Giao UBND các xã, phường, đặc khu chủ trì rà soát.", "Ủy ban nhân dân các xã, phường, đặc khu"),
        ("Giao Ủy ban nhân dân xã, phường chủ trì rà soát.", "Ủy ban nhân dân các xã, phường"),
        ("Giao UBND các huyện, thị xã, thành phố chủ trì rà soát.", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
        # without "các", in capitals, or closed by "trực thuộc Trung ương": the same collective
        ("Giao Ủy ban nhân dân Huyện, Thị xã, Thành phố báo cáo.", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
        ("Giao UBND huyện, thành phố tổng hợp.", "Ủy ban nhân dân các huyện, thành phố"),
        (
            "Giao UBND các tỉnh, thành phố trực thuộc trung ương rà soát.",
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        ),
        # no list of units: the name as written
        ("Giao Ủy ban nhân dân các cấp rà soát.", "Ủy ban nhân dân các cấp"),
        ("Giao UBND tỉnh Lai Châu rà soát.", "Ủy ban nhân dân tỉnh Lai Châu"),
        ("Phối hợp với các sở, ban, ngành của tỉnh rà soát.", "Các sở, ban, ngành tỉnh"),
        ("Sở, ban, ngành liên quan chủ trì rà soát.", "Các sở, ban, ngành liên quan"),
    ],
)
def test_one_body_word_over_several_units_is_one_collective(written: str, name: str) -> None:
    """Gold decision: "UBND các huyện, thị xã, thành phố" is one collective record, named with its units; a list
    written without "các" names the same collective (most development gold adds it; can-tho_165 does not)."""
    assert [m.name for m in find_mentions(written, fold_text(written), plan_level="")] == [name]


def _plan_of(tmp_path: Path, text: str) -> Document:
    """`text` read as a .txt plan through ingest and structure."""
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def _bodies_of(document: Document) -> list:
    return extract_bodies(document, extract_citations(document)[0])


def test_names_under_a_role_label_take_its_role(tmp_path: Path) -> None:
    """A role label heading ("a) Cơ quan chủ trì") over a dash list of names: each name takes the role a
    column of that name would give."""
    body = (
        "I. NHIỆM VỤ\n\n1. Số hóa hồ sơ\n\na) Cơ quan chủ trì\n\n- Văn phòng Đảng ủy.\n\n"
        "b) Cơ quan phối hợp\n\n- Công an xã.\n"
    )
    assert records(plan(tmp_path, body)) == [
        ("Văn phòng Đảng ủy", "Văn phòng Đảng ủy", L),
        ("Công an xã", "Công an xã", S),
    ]


def test_a_dash_item_under_a_role_label_lists_bodies(tmp_path: Path) -> None:
    """Under "a) Cơ quan chủ trì", a dash item naming several bodies with their joiners gives each the role."""
    body = (
        "I. NHIỆM VỤ\n\n1. Số hóa hồ sơ\n\na) Cơ quan chủ trì\n\n- Văn phòng Đảng ủy; các sở, ban, ngành liên quan.\n"
    )
    assert [(name, role) for _, name, role in records(plan(tmp_path, body))] == [
        ("Văn phòng Đảng ủy", L),
        ("Các sở, ban, ngành liên quan", L),
    ]


def test_the_lead_of_a_checking_section_oversees(tmp_path: Path) -> None:
    """Under "II. KIỂM TRA, SƠ KẾT …", the bodies a "Cơ quan chủ trì" label names check the work: oversight."""
    body = (
        "I. NHIỆM VỤ\n\n1. Số hóa hồ sơ\n\nSố hóa sổ đảng viên.\n\n"
        "II. KIỂM TRA, SƠ KẾT VIỆC SỐ HÓA\n\n1. Cơ quan chủ trì\n\n- Ủy ban Kiểm tra Đảng ủy.\n"
    )
    assert [(name, role) for _, name, role in records(plan(tmp_path, body))] == [("Ủy ban Kiểm tra Đảng ủy", OV)]


def test_a_label_and_its_names_on_one_line(tmp_path: Path) -> None:
    """ "Cơ quan chủ trì: X; Y." and "- Cơ quan phối hợp: Z, W." on one line: the names after the colon take
    the label's role, a capitalised name no lexicon lists included; a cue inside the part still wins."""
    body = (
        "I. NHIỆM VỤ\n\n1. Số hóa hồ sơ\n\n"
        "- Cơ quan chủ trì: Văn phòng Đảng ủy; Công an xã.\n\n"
        "- Cơ quan phối hợp: Trạm Khuyến nông xã, Đoàn Thanh niên xã.\n\n"
        "2. Cải cách thủ tục\n\n"
        "a) Cơ quan chủ trì: Ủy ban nhân dân xã, phối hợp với Văn phòng Đảng ủy.\n"
    )
    assert [(name, role) for _, name, role in records(plan(tmp_path, body))] == [
        ("Văn phòng Đảng ủy", L),
        ("Công an xã", L),
        ("Trạm Khuyến nông xã", S),
        ("Đoàn Thanh niên", S),
        ("Ủy ban nhân dân xã", L),
        ("Văn phòng Đảng ủy", S),
    ]


def test_a_label_in_running_text_is_no_label(tmp_path: Path) -> None:
    """ "phối hợp" inside a sentence, even before a colon later on, opens no labelled part."""
    body = duty("Ủy ban nhân dân xã tăng cường phối hợp trong các nội dung sau: tuyên truyền, vận động.")
    assert [(name, role) for _, name, role in records(plan(tmp_path, body))] == [("Ủy ban nhân dân xã", L)]


def test_an_unlisted_name_under_a_role_label(tmp_path: Path) -> None:
    """A dash item under "b) Cơ quan phối hợp" that no lexicon form names is still a body when written as a
    short name; a long sentence there is not made one."""
    body = (
        "I. NHIỆM VỤ\n\n1. Số hóa hồ sơ\n\na) Cơ quan chủ trì\n\n- Văn phòng Đảng ủy.\n\n"
        "b) Cơ quan phối hợp\n\n- Bưu điện văn hóa xã.\n\n"
        "- Rà soát lại toàn bộ các hồ sơ đã lưu trữ tại kho của cơ quan trong nhiều năm qua.\n"
    )
    assert [(name, role) for _, name, role in records(plan(tmp_path, body))] == [
        ("Văn phòng Đảng ủy", L),
        ("Bưu điện văn hóa xã", S),
    ]


def test_an_item_opened_by_bodies_and_a_colon_is_their_duty(tmp_path: Path) -> None:
    """ "4. Sở Tư pháp: Phối hợp với …": the province's way of giving each body its duties; the bodies
    before the colon lead, those in the duty take their own cues."""
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp: Phối hợp với Sở Nội vụ rà soát các văn bản.\n\n"
        "2. Sở Tài chính, Sở Y tế: Bố trí kinh phí, báo cáo Ủy ban nhân dân tỉnh.\n"
    )
    found = [(name, role) for _, name, role in records(plan(tmp_path, body, level="tỉnh"))]
    assert found == [
        ("Sở Tư pháp", L),
        ("Sở Nội vụ", S),
        ("Sở Tài chính", L),
        ("Sở Y tế", L),
        ("Ủy ban nhân dân tỉnh", RT),
    ]


EXECUTION_ARTICLE = DECISION.split("Điều 3.")[0] + "Điều 3. {article}\n"


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (
            "Các ông (bà): Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Nội vụ, Tài chính; Chủ tịch UBND các "
            "huyện chịu trách nhiệm thi hành Quyết định này./.",
            [
                ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
                ("Sở: Nội vụ", "Sở Nội vụ"),
                ("Tài chính", "Sở Tài chính"),
                ("UBND các huyện", "Ủy ban nhân dân các huyện"),
            ],
        ),
        (
            "Các Bộ trưởng, Thủ trưởng cơ quan thuộc Chính phủ, Thủ trưởng cơ quan ngang Bộ và các thành viên "
            "Ban Chỉ đạo có trách nhiệm thi hành Quyết định này./.",
            [
                ("Các Bộ trưởng", "Các bộ"),
                ("cơ quan thuộc Chính phủ", "Các cơ quan thuộc Chính phủ"),
                ("cơ quan ngang Bộ", "Các cơ quan ngang Bộ"),
            ],
        ),
    ],
)
def test_the_closing_article_in_its_other_forms(tmp_path: Path, article: str, expected: list) -> None:
    """A colon opening the list or a kind's names does not end the sentence; "các Sở: A, B" names one body per
    item; a plural title with no body after it stands for its bodies; a title before a kind in lower case
    heads every body of that kind; "và các thành viên …" after the last item is no part of it. Every one lead."""
    found = [
        (b.quote, b.name, b.role) for b in _bodies_of(_plan_of(tmp_path, EXECUTION_ARTICLE.format(article=article)))
    ]
    assert found == [(quote, name, L) for quote, name in expected]


@pytest.mark.parametrize(
    ("written", "names"),
    [
        # central bodies: no level, named as the lexicon lists them
        ("Chính phủ báo cáo Ủy ban thường vụ Quốc hội kết quả.", ["Chính phủ", "Ủy ban Thường vụ Quốc hội"]),
        ("Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam đưa tin.", ["Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"]),
        # a unit head before a listed body names that unit, or the ministry
        ("Giao Văn phòng UBND tỉnh tổng hợp.", ["Văn phòng Ủy ban nhân dân tỉnh"]),
        ("Văn phòng Chính phủ theo dõi.", ["Văn phòng Chính phủ"]),
        ("Bộ Công an hướng dẫn.", ["Bộ Công an"]),
        # a head in lower case is a common noun; the listed body alone
        ("Sắp xếp văn phòng UBND tỉnh gọn nhẹ.", ["Ủy ban nhân dân tỉnh"]),
    ],
)
def test_central_bodies_and_unit_heads(written: str, names: list[str]) -> None:
    """Plans of ministries and the Government name central bodies the commune table lacks, and offices of
    listed bodies ("Văn phòng UBND tỉnh") that would otherwise be read as the body itself."""
    assert [m.name for m in find_mentions(written, fold_text(written), plan_level="")] == names


@pytest.mark.parametrize(
    "written", ["Giao Văn phòng HĐND&UBND xã chuẩn bị.", "Giao Văn phòng HĐND & UBND xã chuẩn bị."]
)
def test_an_ampersand_stands_for_the_and_word_in_a_name(written: str) -> None:
    """ "Văn phòng HĐND&UBND xã" is the office of both bodies, as "Văn phòng HĐND và UBND xã" is."""
    found = find_mentions(written, fold_text(written), plan_level="xã")
    assert [m.name for m in found] == ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường tổ chức quán triệt Chỉ thị.",
            [("Các sở, ban, ngành", L), ("Ủy ban nhân dân các xã, phường", L)],
        ),
        ("Hằng quý báo cáo Chủ tịch UBND tỉnh kết quả thực hiện.", [("Ủy ban nhân dân tỉnh", "report_to")]),
        # "người đứng đầu" does not stand for the body (gold/README.md, conflicts): no role
        ("Đề cao trách nhiệm của người đứng đầu cấp ủy, chính quyền trong triển khai.", []),
    ],
)
def test_a_head_title_stands_for_its_body(tmp_path: Path, sentence: str, expected: list) -> None:
    """A cue before a head's title ("yêu cầu Thủ trưởng …", "báo cáo Chủ tịch …") gives the body its role."""
    found = [(name, role) for _, name, role in records(plan(tmp_path, duty(sentence), level="tỉnh"))]
    assert found == expected


@pytest.mark.parametrize(
    "written",
    ["Các tổ chức Đảng", "Các tổ chức đảng trực thuộc", "Các cấp ủy đảng", "Các tổ chức cơ sở đảng"],
)
def test_the_party_organisations_under_the_committee(tmp_path: Path, written: str) -> None:
    """The forms a commune's documents give the Party organisations under its committee (development gold)."""
    sentence = f"{written} tổ chức quán triệt, phổ biến đến cán bộ, đảng viên."
    found = [(name, role) for _, name, role in records(plan(tmp_path, duty(sentence)))]
    assert found == [("Các tổ chức đảng trực thuộc Đảng ủy", L)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Giao Ủy ban Kiểm tra Đảng ủy thường xuyên kiểm tra, giám sát việc thực hiện Nghị quyết.",
        "Ủy ban Kiểm tra Đảng ủy chủ trì tham mưu việc kiểm tra, giám sát các chi bộ.",
    ],
)
def test_checking_work_after_an_adverb_or_an_advising_verb(tmp_path: Path, sentence: str) -> None:
    """ "thường xuyên", "chủ trì tham mưu việc" may stand between the body and its checking work: oversight."""
    found = [(name, role) for _, name, role in records(plan(tmp_path, duty(sentence)))]
    assert found[0] == ("Ủy ban Kiểm tra Đảng ủy", OV)


def test_a_title_in_capitals_cues_no_unseen_name(tmp_path: Path) -> None:
    """ "… CHUYỂN ĐỔI SỐ QUỐC GIA" in a title: "chuyển" ends a cue in running text, but a line in capitals is a
    title, and the capitals after it are no body."""
    body = duty("KẾ HOẠCH PHÁT TRIỂN HẠ TẦNG PHỤC VỤ CHUYỂN ĐỔI SỐ QUỐC GIA GIAI ĐOẠN MỚI")
    assert records(plan(tmp_path, body)) == []


def test_the_words_around_a_labelled_name_still_say_its_part(tmp_path: Path) -> None:
    """ "Đơn vị thực hiện: X chủ trì; Y phối hợp.": the label names who does the work, the verbs after each name
    say who leads and who supports."""
    body = duty("Số hóa hồ sơ.\n\nĐơn vị thực hiện: Văn phòng Đảng ủy chủ trì; Công an xã phối hợp.")
    found = [(name, role) for _, name, role in records(plan(tmp_path, body))]
    assert found == [("Văn phòng Đảng ủy", L), ("Công an xã", S)]
