"""The grammar of quantities as Vietnamese plans write them: numbers, percentages, ranges, comparators.

Kept apart from `targets.py` so that it can be tested (and property-tested) on plain strings:
- Vietnamese writes a decimal comma and a thousands dot ("88,69" = 88.69, "1.139" = 1139,
  "24.530,5" = 24530.5); some writers use the English style ("2.5", "1,234,567"). `parse_number`
  reads both: a dot followed by exactly three digits groups thousands, otherwise it is a decimal
  point; a single comma is the Vietnamese decimal comma, several commas in three-digit groups
  group thousands.
- Counts are often written with a leading zero ("01 định danh số", "02 mô hình"): 1, 2.
- The comparator words and the range forms come from `lexicon/target_words.json`, so that a new
  wording is a data change. Patterns match on folded text (lower case), as every extractor does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractors.grammar import alternation, phrase_pattern
from pipeline.lexicon import TargetWordsLexicon

# A written number: thousands-dot groups with an optional decimal comma ("1.139", "24.530,5"),
# English thousands commas with an optional decimal point ("1,234,567.5"), an English decimal point
# that is not a thousands dot ("2.5", "0.75"), or digits with an optional decimal comma ("88,69").
NUMBER = (
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"
    r"|\d+\.(?:\d{1,2}|\d{4,})(?!\d)"
    r"|\d+(?:,\d+)?)"
)
# Not part of a longer token: no letter or digit glued on either side ("5G"), no word joined by a
# hyphen before it ("COVID-19"), no date or fraction slash, no trailing separator followed by a digit.
NUMBER_TOKEN = rf"(?<![\w.,/])(?<!\p{{L}}[-‐‑]){NUMBER}(?![\w/]|[.,]\d)"
NUMBER_RE = regex.compile(NUMBER_TOKEN)
_DIGIT = regex.compile(r"\d")
_SPACE_RUN = regex.compile(r"\s+")
_DIGITS_AND_SEPARATORS = regex.compile(r"[\d.,]+")


def parse_number(written: str) -> float | None:
    """The value of a number written in Vietnamese (or English) style, or None if it is not one.

    >>> parse_number("88,69"), parse_number("1.139"), parse_number("01"), parse_number("24.530,5")
    (88.69, 1139.0, 1.0, 24530.5)
    """
    s = _SPACE_RUN.sub("", written)
    if not s or not _DIGITS_AND_SEPARATORS.fullmatch(s) or not s[0].isdigit() or not s[-1].isdigit():
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        # Both separators: the last one written is the decimal separator.
        if s.rfind(",") > s.rfind("."):
            integer, _, fraction = s.rpartition(",")
            integer = integer.replace(".", "")
        else:
            integer, _, fraction = s.rpartition(".")
            integer = integer.replace(",", "")
        return float(f"{integer}.{fraction}")
    if dots:
        groups = s.split(".")
        if dots > 1 or len(groups[1]) == 3:
            if not all(len(g) == 3 for g in groups[1:]):
                return None
            return float("".join(groups))
        return float(s)
    if commas:
        groups = s.split(",")
        if commas > 1:
            if not all(len(g) == 3 for g in groups[1:]):
                return None
            return float("".join(groups))
        return float(s.replace(",", "."))
    return float(s)


def format_number(value: float, decimals: int = 0, thousands: bool = True) -> str:
    """`value` written the Vietnamese way: thousands dot, decimal comma ("24.530,50").

    The inverse of `parse_number` (used by the property tests, and where a figure is shown).
    """
    text = f"{value:,.{decimals}f}"  # English: 24,530.50
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text if thousands else text.replace(".", "")


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a string: its span and the fields of a target it would make.

    `start` covers the comparator words when there are some; `number_start`/`number_end` cover
    the figure (both ends of a range, and the "%" sign).
    """

    start: int
    end: int
    number_start: int
    number_end: int
    value: float
    value_max: float | None
    percent: bool
    comparator: str


def lexicon() -> TargetWordsLexicon:
    """target_words.json: the comparator, range and unit words that numbers and targets read."""
    return TargetWordsLexicon.load()


@cache
def _patterns() -> tuple[regex.Pattern, dict[str, str], dict[str, str]]:
    """One regex for a quantity with its comparator words, and the word → comparator tables."""
    lex = lexicon()
    before = {w: comp for comp, words in lex.comparators_before.items() for w in words}
    after = {w: comp for comp, words in lex.comparators_after.items() for w in words}
    percent = alternation(lex.percent_signs)
    range_sep = alternation(lex.range_separators)
    range_open = alternation(lex.range_open)
    range_close = alternation(lex.range_close)
    num = NUMBER_TOKEN
    # A percentage glued to the word before it, as PDF extraction leaves it ("hiệu quả80%"): a code
    # ("5G", "ISO 9001") has no percent sign, so the sign makes it a quantity.
    glued = rf"(?<=\p{{L}}){NUMBER}(?![\w/]|[.,]\d)(?=\s*{percent})"
    quantity = (
        # comparator words before: "tối thiểu", "trên", "khoảng", "≥"; "từ" only opens a range or "trở lên"
        # a copula may stand between them: "tối thiểu là 5 ngày"
        rf"(?:(?P<before>{alternation(list(before))})(?:\s+{alternation(lex.comparator_links)})?\s*(?=\d))?"
        rf"(?:(?P<open>{range_open})\s+(?=\d))?"
        rf"(?P<num>(?P<v1>{num}|{glued})(?P<p1>\s*{percent})?"
        rf"(?:(?:\s*{range_sep}\s*|\s+{range_close}\s+)(?P<v2>{num})(?P<p2>\s*{percent})?)?)"
        rf"(?:\s+(?P<after>{alternation(list(after))})(?!\w))?"
    )
    # A number written in words counts only right after a comparator ("không quá hai lần"): alone, "một",
    # "năm" and "ba" are mostly no numbers.
    spelled_before = [w for w in before if w not in lex.comparators_also_prepositions]
    spelled = (
        rf"(?<!\w)(?P<before>{alternation(spelled_before)})(?:\s+{alternation(lex.comparator_links)})?\s+"
        rf"(?P<num>(?P<v1>{alternation(list(lex.number_words))}))(?=\s+\p{{L}})"
    )
    return regex.compile(rf"{quantity}|{spelled}"), before, after


@cache
def _spelled_pattern() -> regex.Pattern:
    """A number in words (lexicon `number_words`): tells whether a string without a digit needs scanning."""
    return regex.compile(rf"(?<!\w){alternation(list(lexicon().number_words))}(?!\w)")


@cache
def _compiled_words(table: tuple[tuple[str, str], ...]) -> list[tuple[regex.Pattern, str]]:
    return [(regex.compile(phrase_pattern(word)), comparator) for word, comparator in table]


@cache
def _key_cached(table: tuple[tuple[str, str], ...], folded: str) -> str | None:
    for pattern, comparator in _compiled_words(table):
        if pattern.fullmatch(folded):
            return comparator
    return None


def _key(table: dict[str, str], written: str | None) -> str | None:
    if not written:
        return None
    return _key_cached(tuple(table.items()), _SPACE_RUN.sub(" ", written.lower()).strip())


def scan_quantities(folded: str) -> list[Quantity]:
    """Every written number of `folded` with its comparator and range; no judgement of meaning.

    Which of them are targets (not dates, years, ordinals or statistics) is decided by the caller,
    which knows the surrounding words.
    """
    pattern, before, after = _patterns()
    if not _DIGIT.search(folded) and not _spelled_pattern().search(folded):
        return []
    found: list[Quantity] = []
    spelled = {w: float(v) for w, v in lexicon().number_words.items()}
    for m in pattern.finditer(folded):
        v1 = parse_number(m.group("v1")) if m.group("v1")[:1].isdigit() else spelled.get(m.group("v1"))
        if v1 is None:
            continue
        v2 = parse_number(m.group("v2")) if m.group("v2") else None
        percent = bool(m.group("p1") or m.group("p2"))
        if m.group("v2") and m.group("p1") and not m.group("p2"):
            percent = True  # "80% - 90" is still a range of percentages
        comparator = _key(before, m.group("before")) or "="
        closing = _key(after, m.group("after"))
        if closing:
            comparator = closing
        if v2 is not None and v2 <= v1:
            v2 = None  # "2025 - 2030"-like pairs are handled by the caller; a falling range is not one
        if v2 is not None:
            comparator = _key(before, m.group("before")) or "="
        start = m.start("before") if m.group("before") else (m.start("open") if m.group("open") else m.start("num"))
        end = m.end("after") if m.group("after") else m.end("num")
        number_end = m.end("num")
        if v2 is None and m.group("v2"):
            # Not a range after all: keep the first number only.
            number_end = m.end("p1") if m.group("p1") else m.end("v1")
            end = number_end
            percent = bool(m.group("p1"))
        found.append(
            Quantity(
                start=start,
                end=end,
                number_start=m.start("num"),
                number_end=number_end,
                value=v1,
                value_max=v2,
                percent=percent,
                comparator=comparator,
            )
        )
    return found
