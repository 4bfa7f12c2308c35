"""The shortcuts normalize and structure take for speed (issue 15) give what the long way gives."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import normalize as norm
from pipeline.ingest.flat_table import may_be_row_number_header
from pipeline.normalize import _breaks, _LazyPairs, _word_pairs, fold_text, normalize
from pipeline.raw import RawBlock, RawDocument
from pipeline.structure import _line_texts, build_document


def raw_of(*texts: str) -> RawDocument:
    return RawDocument(path="t.txt", format="txt", blocks=[RawBlock(text=t) for t in texts])


# --- the offset map's breaks ------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=2**40), max_size=60))
def test_breaks_are_where_an_offset_does_not_follow_the_one_before(offsets):
    expected = [i for i, (a, b) in enumerate(itertools.pairwise(offsets), 1) if b != a + 1]
    assert _breaks(offsets) == expected


def test_breaks_of_a_run_with_an_inserted_space():
    assert _breaks([5, 6, 7, 7, 8, 20, 21]) == [3, 5]


# --- word pairs, looked at only when a page number needs them ---------------------------------------


def _count_word_pairs(monkeypatch) -> list[int]:
    """Record the size of every set of word pairs normalize builds (the list fills as it runs)."""
    made: list[int] = []
    real = norm._word_pairs

    def counted(lines):
        made.append(len(lines))
        return real(lines)

    monkeypatch.setattr(norm, "_word_pairs", counted)
    return made


def test_word_pairs_are_not_made_where_no_number_needs_them(monkeypatch):
    made = _count_word_pairs(monkeypatch)
    normalize(raw_of("Trong 6 tháng đầu năm, xã tổ chức 3 hội nghị.", "Không có số trang ở đây."))
    assert made == []


def test_a_page_number_is_removed_with_its_pair_searched_for(monkeypatch):
    made = _count_word_pairs(monkeypatch)
    result = normalize(
        raw_of("Chế độ báo cáo và tổng hợp hằng tháng.", "Ban chỉ đạo gửi báo 7 cáo và tổng hợp kịp thời.")
    )
    assert result.text.split("\n")[1] == "Ban chỉ đạo gửi báo cáo và tổng hợp kịp thời."
    assert made == []  # one pair asked for: searched for, no set made


LINES = ["Báo cáo định kỳ (quý 1) và  tổng hợp", "số 6 liệu; Uỷ ban", "hoà   giải"]


@pytest.mark.parametrize(
    ("pair", "inside"),
    [
        (("báo", "cáo"), True),
        (("và", "tổng"), True),  # two spaces between
        (("hòa", "giải"), True),  # the fold's tone convention
        (("6", "liệu"), True),
        (("cáo", "báo"), False),
        (("kỳ", "quý"), False),  # a parenthesis between: a token of its own
        (("hợp", "số"), False),  # across a line break
        (("ban", "hòa"), False),
        (("áo", "cáo"), False),  # part of a word
        (("quý", "1"), True),
        (("(", "quý"), True),  # not two words: answered from the set
    ],
)
def test_a_searched_pair_is_found_as_in_the_set(pair, inside):
    assert (pair in _LazyPairs(LINES)) is inside
    assert (pair in _word_pairs(LINES)) is inside


def test_the_set_is_made_after_a_few_searches(monkeypatch):
    made: list[int] = []
    real = norm._word_pairs
    monkeypatch.setattr(norm, "_word_pairs", lambda lines: made.append(1) or real(lines))
    pairs = _LazyPairs(LINES)
    answers = [("báo", "cáo") in pairs for _ in range(norm._SEARCHED_PAIRS + 3)]
    assert all(answers) and made == [1]


# --- the gates in front of normalize's patterns -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tỷ lệ hộ dùng điện đạt 98%2.", "Tỷ lệ hộ dùng điện đạt 98%."),  # a footnote glued to a percent
        ("Tỷ lệ đạt 98% trở lên.", "Tỷ lệ đạt 98% trở lên."),
        ("Hai  khoảng   trắng liền nhau.", "Hai khoảng trắng liền nhau."),
        ("Một khoảng trắng thôi.", "Một khoảng trắng thôi."),
        ("Có\u00a0dấu cách cứng.", "Có dấu cách cứng."),
    ],
)
def test_gated_patterns_still_apply(text, expected):
    assert normalize(raw_of(text)).text == expected


# --- line folds cut from the document's fold --------------------------------------------------------


def _lines(text: str):
    result = normalize(raw_of(*text.split("\n")))
    return result, fold_text(result.text)


@pytest.mark.parametrize(
    "text",
    [
        "Uỷ ban nhân dân xã hoà\nquý khoẻ thuý\nQUÝ I NĂM 2026 HOÀ",
        "Ý kiến của Đảng uỷ\nthuý",
        "Công văn gửi İstanbul\nΣ ΟΔΟΣ",  # lower case that changes a length: each line folded alone
    ],
)
def test_line_folds_equal_each_line_folded_alone(text):
    result, fold = _lines(text)
    texts, folds = _line_texts(result, fold)
    assert texts == [result.text[line.start : line.end] for line in result.lines]
    assert folds == [fold_text(t) for t in texts]


def test_structure_reads_the_same_with_the_cut_folds():
    raw = raw_of(
        "KẾ HOẠCH",
        "Thực hiện chương trình chuyển đổi số năm 2026",
        "Căn cứ Kế hoạch số 12-KH/HU của Huyện uỷ; Ban Thường vụ Đảng uỷ xây dựng Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Hoàn thành các chỉ tiêu được giao.",
        "Nơi nhận:",
        "- Như trên,",
        "T/M BAN THƯỜNG VỤ",
    )
    document = build_document(raw, "t")
    roles = [block.role for block in document.blocks]
    assert roles[:3] == ["header", "header", "basis"]
    assert roles[3] == "heading"
    assert roles[-3:] == ["recipients", "recipients", "signature"]
    assert document.fold == fold_text(document.text)


# --- row-number headers, answered from a line's length first ----------------------------------------


@pytest.mark.parametrize("line", ["STT", "TT", "Số TT.", "Số thứ tự", "S\u0302\u0301o TT", "stt......................"])
def test_a_row_number_header_is_short_enough(line):
    assert may_be_row_number_header(line)


def test_a_sentence_is_not_a_row_number_header():
    assert not may_be_row_number_header("Tổ chức tuyên truyền, phổ biến nội dung của kế hoạch đến cán bộ, đảng viên.")


def test_regex_white_space_is_python_white_space():
    """`bodies._role_from_cue` strips with `str.rstrip` to see whether its `\\s*,\\s*$` item patterns can match at all;
    that is only safe if every character `\\s` matches is one `str.isspace` strips."""
    import regex

    space = regex.compile(r"\s")
    assert all(chr(c).isspace() for c in range(0x110000) if space.match(chr(c)))


@pytest.mark.parametrize(
    "left",
    [
        "Giao nhiệm vụ cho các phòng chuyên môn, các thôn, ",
        "chỉ đạo các công chức chuyên môn, các tổ dân phố,\n",
        "đề nghị Mặt trận Tổ quốc xã phối hợp với ",
        "tổng hợp kết quả và báo cáo về ",
        "các cơ quan, đơn vị, thôn ,  ",
        "Các ban của Đảng ủy xã",
        "",
        "giao các hội đoàn thể, ",
    ],
)
def test_role_from_cue_fast_exit_keeps_the_slow_answer(left: str) -> None:
    """Without a closing comma the cue reader returns at once; it answers as the loop without that check does."""
    from extractors import bodies

    assert bodies._role_from_cue(left) == _slow_role_from_cue(left)


def _slow_role_from_cue(left: str) -> str | None:
    """`bodies._role_from_cue` as it was before the comma check (the same loop, no early return)."""
    from extractors import bodies

    possessive = bodies._cues()["possessive_item"]
    for _ in range(4):
        role = bodies._governing_role(left)
        if role:
            return role
        for words in range(1, len(bodies._LAST_ITEM) + 1):
            item = bodies._LAST_ITEM[words - 1].search(left)
            if item is None or bodies._GENERIC_WORDS.search(item.group(1)):
                break
            if possessive.match(item.group(1)):
                return None
            role = bodies._governing_role(left[: item.start(1)])
            if role:
                return role
        item = bodies._TRAILING_ITEM.search(left)
        if item is None or bodies._GENERIC_WORDS.search(item.group(1)) or possessive.match(item.group(1)):
            return None
        left = left[: item.start(1)]
    return None
