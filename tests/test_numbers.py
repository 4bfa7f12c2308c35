"""The number grammar of Vietnamese plans: decimal comma, thousands dot, leading zeros, ranges, comparators."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.numbers import format_number, parse_number, scan_quantities


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("88,69", 88.69),  # decimal comma
        ("1.139", 1139),  # thousands dot
        ("24.530", 24530),
        ("27.656", 27656),
        ("1.234.567", 1234567),
        ("24.530,5", 24530.5),  # both: the last separator is the decimal one
        ("1,234,567.5", 1234567.5),  # English style, several comma groups
        ("1,234,567", 1234567),
        ("2.5", 2.5),  # a dot not followed by three digits is a decimal point
        ("0,5", 0.5),
        ("01", 1),  # counts written with a leading zero
        ("02", 2),
        ("100", 100),
        ("0", 0),
    ],
)
def test_parse_number(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "abc", ".5", "5.", "1.23.4", "1,2,3", "12a", "1.2345.678"])
def test_parse_number_rejects(written: str) -> None:
    assert parse_number(written) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (value, value_max, percent, comparator)
        ("100% cán bộ", [(100, None, True, "=")]),
        ("tối thiểu 60% hồ sơ", [(60, None, True, ">=")]),
        ("ít nhất 02 mô hình", [(2, None, False, ">=")]),
        ("không dưới 30 hộ", [(30, None, False, ">=")]),
        ("≥ 60%", [(60, None, True, ">=")]),
        (">= 60%", [(60, None, True, ">=")]),
        ("từ 80% trở lên", [(80, None, True, ">=")]),
        ("80% trở lên", [(80, None, True, ">=")]),
        ("trên 90%", [(90, None, True, ">")]),
        ("hơn 100 hộ", [(100, None, False, ">")]),
        ("tối đa 5%", [(5, None, True, "<=")]),
        ("không quá 10 ngày", [(10, None, False, "<=")]),
        ("không vượt quá 3%", [(3, None, True, "<=")]),
        ("khoảng 3.500 lượt", [(3500, None, False, "~")]),
        ("gần 95%", [(95, None, True, "~")]),
        ("xấp xỉ 98%", [(98, None, True, "~")]),
        ("trên dưới 10 hộ", [(10, None, False, "~")]),
        ("80% - 90%", [(80, 90, True, "=")]),
        ("80-90%", [(80, 90, True, "=")]),
        ("80 – 90 %", [(80, 90, True, "=")]),
        ("từ 20% đến 25%", [(20, 25, True, "=")]),
        ("từ 3 đến 5 sản phẩm", [(3, 5, False, "=")]),
        ("88,69%", [(88.69, None, True, "=")]),
        ("50 phần trăm", [(50, None, True, "=")]),
        ("1,5 tỷ đồng", [(1.5, None, False, "=")]),
        # not numbers of their own: glued to letters, fractions, dates' pieces
        ("4g, 5g", []),
        ("24.530/27.656 người", []),
        ("quý i/2026", []),
        ("tỷ lệ cao", []),
    ],
)
def test_scan_quantities(text: str, expected: list[tuple]) -> None:
    got = [(q.value, q.value_max, q.percent, q.comparator) for q in scan_quantities(text)]
    assert got == [(pytest.approx(v), None if m is None else pytest.approx(m), p, c) for v, m, p, c in expected]


def test_spans_cover_comparator_and_figure() -> None:
    text = "đạt tối thiểu 60% hồ sơ"
    (q,) = scan_quantities(text)
    assert text[q.start : q.end] == "tối thiểu 60%"
    assert text[q.number_start : q.number_end] == "60%"


# --- properties: what format_number writes, parse_number reads back -----------------------------


@given(st.integers(min_value=0, max_value=10**12))
def test_round_trip_integers_with_thousands_dots(n: int) -> None:
    written = format_number(n)
    assert "," not in written
    assert parse_number(written) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=4))
def test_round_trip_decimal_comma(units: int, decimals: int) -> None:
    value = Decimal(units) / (Decimal(10) ** decimals)
    written = format_number(float(value), decimals)
    assert parse_number(written) == pytest.approx(float(value), rel=1e-12, abs=1e-12)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=2))
def test_round_trip_without_thousands_dots(units: int, decimals: int) -> None:
    value = Decimal(units) / (Decimal(10) ** decimals)
    written = format_number(float(value), decimals, thousands=False)
    assert parse_number(written) == pytest.approx(float(value))


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=1, max_value=3))
def test_round_trip_leading_zeros(n: int, zeros: int) -> None:
    assert parse_number("0" * zeros + str(n)) == n


@given(st.integers(min_value=0, max_value=10**7), st.sampled_from(["tối thiểu", "ít nhất", "khoảng", "trên", "tối đa"]))
def test_scan_reads_formatted_quantities(n: int, word: str) -> None:
    text = f"đạt {word} {format_number(n)}% hồ sơ"
    (q,) = scan_quantities(text)
    assert q.value == n and q.percent
    assert q.comparator == {"tối thiểu": ">=", "ít nhất": ">=", "khoảng": "~", "trên": ">", "tối đa": "<="}[word]


@given(st.text(alphabet=st.sampled_from(list("0123456789.,/%- abcđtừ")), max_size=40))
def test_scan_never_crashes_and_values_come_from_the_text(text: str) -> None:
    for q in scan_quantities(text):
        assert 0 <= q.start <= q.number_start < q.number_end <= q.end <= len(text)
        assert q.value_max is None or q.value_max > q.value
