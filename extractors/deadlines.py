"""Deadlines: every time expression that says when this plan's work is due or how often it recurs.

Two layers, so the grammar can be tested on plain strings:
- `_Grammar.candidates(fold)` finds time expressions in a folded string, each already normalized to
  a `DeadlineSpec` (kind, start, end, recurrence, day);
- `extract_deadlines(document)` decides from where each expression stands whether it is a deadline
  (gold-guidelines "deadlines", its Decisions, and gold/README.md):
  * a table's time cell ("Thời gian hoàn thành", "Chu kỳ đánh giá") and the words after a label
    "Thời gian hoàn thành:" are read whole: every period, recurrence and "thường xuyên" counts;
  * running text keeps what is bounded (by_date, horizon, a period with its year) wherever it
    stands, except a bound that closed before the plan's own date (a status: "đã hoàn thành đến
    ngày 30-6-2025", "vận hành … từ ngày 01/7/2025") or one after "đã"/"tính đến";
  * an adverb of frequency counts only where it says when the work is done or reported:
    "thường xuyên" opening a clause; "hằng năm" opening a clause, before a duty verb, or closing a
    reporting clause ("báo cáo Ủy ban nhân dân xã hằng quý"), not closing a noun phrase ("kế hoạch
    công tác hằng năm"); a bare "định kỳ" that is not the tail of a noun ("kiểm tra định kỳ",
    "báo cáo định kỳ"); none of them inside a sentence of obligation ("… phải …; thường xuyên …");
  * headings and the title give only bounded expressions and the year ("Mục tiêu cụ thể đến năm
    2030", "… năm 2026"); not "sơ kết, tổng kết năm" as a section's name;
  * the head's Căn cứ lines, the issuing sentence, the date line, the signature and Nơi nhận give
    none, and a date that no cue word ("trước ngày", "đến ngày", "từ ngày") introduces is never a
    deadline in running text: that is how citation dates and the plan's own date stay out; a date
    line repeated in the body ("Công Hải, ngày   tháng 8 năm 2025") gives none either;
  * what looks back gives none: a report's account of work done (`time_scope`), a section that
    reports results ("KẾT QUẢ THỰC HIỆN …"), a heading's period already over at the plan's date; a
    report's title and opening give what follows their forward word ("… nhiệm vụ trọng tâm tháng 3"),
    and its "tuần tới" / "tháng tới" is the week or month after the period it reports;
  * a time that only names something gives none: a quoted name in a title that states its own year,
    a plan or meeting named with its period ("sinh hoạt chuyên đề quý I năm 2026"), "giai đoạn đến
    năm 2030", a horizon in a clause that opens with a document's name or joined to a refused period
    ("… giai đoạn 2026 - 2030 và định hướng đến năm 2035"), a date of effect ("có hiệu lực kể từ …");
  * a month or a year's start without its year ("Trong tháng 3", "ngay từ đầu năm") takes the year
    of the heading above; a line in capitals that no numbering made a heading is read as a heading.

Expressions are chosen leftmost-longest, so "Định kỳ trước ngày 25 hằng tháng" is one record, and a
cadence list ("định kỳ hằng quý, 6 tháng, cuối năm"; "theo tháng, quý, 6 tháng, năm") gives one
record per period named.

Why no NLP step (measured on the six gold plans, .txt, 140 deadlines): the open-class decision is
whether "hằng năm"/"định kỳ" is an adverb of the duty or the tail of a noun phrase. Replacing the
duty-verb list by underthesea's POS tag of the next word ("V") gives the same F1 (1.0) for
"hằng X" and loses one record for "định kỳ" (F1 0.996: "thực hiện định kỳ hoặc đột xuất" and
"kiểm tra định kỳ hoặc đột xuất" have the same tags; only the noun-head list tells them apart), at
~46 ms per plan for pos_tag on the candidate blocks alone, against ~3 ms for this whole extractor.
Accepting every such adverb (no context rule) drops precision to 0.90. The words are in
lexicon/time_expressions.json.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from itertools import product
from typing import Literal

import regex

from extractors.evidence import evidence
from extractors.grammar import (
    _TONE_PAIRS,
    _TONE_RE,
    AFTER_WORD,
    AND_WORD,
    BEFORE_WORD,
    FULL_DATE,
    FULL_DATE_RE,
    NUMBER,
    YEAR,
    alternation,
    fold,
    parse_date,
    parse_partial_date,
    tone_key,
)
from extractors.spans import Enclosing
from extractors.time_scope import forward_match, is_report, looks_forward, report_looks_back, year_label
from pipeline.document import Document, Section, Span
from pipeline.lexicon import TimeExpressionsLexicon
from pipeline.models import Citation, Deadline, DeadlineSpec, DocWarning

Mode = Literal["cell", "body", "heading", "title"]

# Candidate classes: how a candidate is judged in running text.
BOUND = "bound"  # by_date, horizon, a period with its year: a deadline wherever it stands
BARE_YEAR = "bare_year"  # "năm 2026" without a cue word
STRONG = "strong"  # a recurrence stated in full: "định kỳ hằng quý", "trước ngày 25 hằng tháng", "sơ kết 6 tháng"
EACH = "each"  # "hằng năm": an adverb only where it opens a clause or a duty verb follows
PERIODIC = "periodic"  # a bare "định kỳ"
ONGOING = "ongoing"  # "thường xuyên"
HEAD = "head"  # "theo tháng": a cadence list's first item
ITEM = "item"  # a bare period word of a cadence list ("quý", "6 tháng", "cuối năm")
CELL_ONLY = "cell_only"  # "2026", "Quý I" without a year, a bare date: only in a time cell
LISTED = "listed"  # "tháng 7, quý III và 6 tháng cuối năm 2025": a list item that shares the list's year
COMING = "coming"  # "tuần tới", "tháng tới": the week or month after the period the report covers
YEARLESS = "yearless"  # "trong tháng 3", "ngay từ đầu năm": the year from the heading above, in running text only
SKIP = "skip"  # dates and document numbers outside any cue: they mask, they give nothing

WINDOW = 60
CELL_PATTERNS = {"item", "quarter_bare", "cell_year"}
"""Patterns only a time cell admits: the running-text scan skips them (a bare "năm" is everywhere)."""
_Pattern = tuple[str, str, int, regex.Pattern]
"""Characters scanned either side of an anchor: more than the longest expression around its anchor."""

_RECURRING_CLASSES = {STRONG, EACH, PERIODIC, ONGOING, HEAD, ITEM}


@dataclass
class Candidate:
    start: int
    end: int
    cls: str
    spec: DeadlineSpec | None
    invalid: str | None = None
    """The text of an impossible date or month (31-02-2026): a warning instead of a record."""
    priority: int = 0


@dataclass
class Region:
    """A stretch of the text read in one mode (a block, a cell, the title, a labelled time)."""

    start: int
    end: int
    mode: Mode
    candidates: list[Candidate] = field(default_factory=list)


def _alt(words: list[str] | dict) -> str:
    return alternation(list(words))


_AND_FOLDED = fold(AND_WORD)


def _literal_keys(words: list[str] | dict) -> tuple[str, ...] | None:
    """Strings of which every match of the words' `alternation` holds one, character for character: for
    each word, its longest run between spaces spelled every way `phrase_pattern` admits ("oa/oe/uy" with
    the tone on either vowel, "đ" or "ð"), the and-word ("&" may stand for it) left out. A window lacking
    every key holds none of the words, which `str.__contains__` tells faster than the words' regex
    (issue 15). None where a word gives no key."""
    keys: set[str] = set()
    for phrase in words:
        if not phrase.strip():
            continue  # `alternation` leaves an empty word out
        folded = fold(fold(phrase).strip())  # as `alternation` folds it, then `phrase_pattern`
        runs: list[list[list[str]]] = [[]]  # runs between spaces, each a list of the ways to write each part
        i = 0
        while i < len(folded):  # the same reading as `phrase_pattern`
            m = _TONE_RE.match(folded, i)
            if m:
                runs[-1].append(_TONE_PAIRS[m.group()].removeprefix("(?:").removesuffix(")").split("|"))
                i = m.end()
                continue
            ch = folded[i]
            if ch.isspace():
                runs.append([])
            elif ch in "đð":
                runs[-1].append(["đ", "ð"])
            else:
                runs[-1].append([ch])
            i += 1
        spelled = [["".join(parts) for parts in product(*run)] for run in runs if run]
        spelled = [ways for ways in spelled if ways != [_AND_FOLDED]]
        if not spelled:
            return None
        keys.update(max(spelled, key=lambda ways: len(ways[0])))
    return tuple(sorted(keys, key=len)) if keys else None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


class _Grammar:
    """The time-expression patterns, composed from the lexicon's words."""

    def __init__(self, lex: TimeExpressionsLexicon):
        self.lex = lex
        self.unit_recurrence = {tone_key(k): v for k, v in lex.units.items()}
        self.count_recurrence = {int(k): v for k, v in lex.month_counts.items()}
        self.number_words = {tone_key(k): v for k, v in lex.number_words.items()}
        self.roman = {tone_key(k): v for k, v in lex.roman.items()}
        self.half = {tone_key(k): v for k, v in lex.half_of_year.items()}
        B, A = BEFORE_WORD, AFTER_WORD
        month, quarter, year, day = (_alt([w]) for w in (lex.month_word, lex.quarter_word, lex.year_word, lex.day_word))
        units, each, periodic = _alt(lex.units), _alt(lex.each), _alt(lex.periodic)
        within, until, until_end = _alt(lex.within), _alt(lex.until), _alt(lex.until_end)
        seps, list_words = _alt(lex.range_separators), _alt(lex.list_words)
        number = rf"(?:\d{{1,2}}|{_alt(lex.number_words)})"
        rom = rf"(?:{_alt(lex.roman)}){A}"
        y = rf"(?P<y>{YEAR})(?!\d)"
        h = r"[^\S\n]"  # a space that stays on the line: a lookahead must not read the next cell
        no_digit_after = rf"(?!{h}*[/-]?{h}*\d)"
        day_cue = rf"(?:(?:{_alt(lex.by_date_cues)})\s*|(?:{within}\s+)?{day}\s+)"
        # a time of day before the date: "08 giờ 00’", "15 giờ00", "14 giờ 30 phút", then ", ngày"
        clock = rf"\d{{1,2}}\s*{_alt([lex.clock_hour])}(?:\s*\d{{1,2}}(?:\s*(?:{_alt(lex.clock_minutes)}){A}|['’])?)?"
        clock_to_date = rf"{clock}\s*,?\s*(?:{day}\s+)?"
        quarter_tail = rf"(?:\s*(?:{seps}|,|{list_words})\s*(?:{quarter}\s+)?(?P<q2>{rom}))?"
        year_join = rf"(?:\s*/\s*|\s*,?\s*{year}\s+|\s+)"
        # a count of days, spelled out again in brackets as decisions write it: "15 (mười lăm) ngày làm việc"
        limit = rf"\d{{1,3}}(?:\s*\([^()\d]{{1,25}}\))?\s+(?:{_alt(lex.limit_units)}){A}"
        self.item = (
            rf"{B}(?:(?:{each})\s+)?(?:(?P<n>{number})\s+{month}|(?P<ye>{_alt(lex.year_end)}|(?:{_alt(lex.single_counts)})\s+{year})"
            rf"|(?P<hy>{_alt(lex.half_year)})|(?P<u>{units})){A}"
            rf"(?!{h}*[/-]?{h}*(?:\d|{rom}))(?!{h}+(?:{_alt(lex.not_after_bare_unit)}){A})"
        )
        self.separator = rf"(?:\s*[,/]\s*(?:(?:{list_words})\s+)?|\s+(?:{list_words})\s+)"
        table: list[tuple[str, str, str]] = [
            # (name, class, pattern); at equal start and length, the earlier entry wins.
            (
                "monthly_paren",
                STRONG,
                rf"{B}(?:(?:{periodic})\s+)?(?:{each})\s+(?P<u>{month})\s*\(\s*{day_cue}(?P<day>\d{{1,2}})"
                rf"(?:\s+(?:{each})\s+{month})?\s*\)",
            ),
            (
                "monthly_day",
                STRONG,
                rf"{B}(?:(?:{periodic})\s+)?{day_cue}(?P<day>\d{{1,2}})\s+(?:(?:{_alt(lex.of_words)})\s+)?"
                rf"(?:(?:{each})\s+(?P<u>{units})|{month}\s+(?:{_alt(lex.half_of_year)})\s+(?P<u>{quarter}|{year})){A}",
            ),
            (
                "by_date",
                BOUND,
                rf"{B}(?:(?:{_alt(lex.from_now)})\s+)?(?:{_alt(lex.by_date_cues)})\s*(?:{clock_to_date})?(?P<d>{FULL_DATE})",
            ),
            # an event held on a day: "Vào lúc 08 giờ 00’, ngày 18/10/2025" (a meeting's time: one day)
            ("event", BOUND, rf"{B}(?:{_alt(lex.clock_openers)})\s+{clock_to_date}(?P<d>{FULL_DATE})"),
            (
                "from_date",
                BOUND,
                rf"{B}(?:{_alt(lex.from_)})\s+(?:{clock_to_date}|{day}\s+)?(?P<d>{FULL_DATE})"
                rf"(?:\s*(?:{seps})\s*(?:{until_end}\s+)?(?:{day}\s+)?(?P<d2>{FULL_DATE}))?",
            ),
            (
                "horizon",
                BOUND,
                # "đến năm 2030", and in a heading's short form "Mục tiêu cụ thể đến 2030"
                rf"{B}(?:(?:(?:{_alt(lex.from_now)})\s+)?(?:{until})\s+(?:(?P<end>{until_end})\s+)?"
                rf"|(?:{_alt(lex.closing_words)})\s+)(?:{year}\s+)?{y}",
            ),
            ("vision", BOUND, rf"{B}(?:{_alt(lex.vision)})\s+(?:{year}\s+)?{y}"),
            # a procedure's time limit: "trong thời hạn không quá 15 (mười lăm) ngày làm việc", "không quá 03
            # ngày làm việc kể từ ngày nhận đủ hồ sơ" (a cap alone needs the count's origin after it)
            (
                "limit",
                BOUND,
                rf"{B}(?:(?:{_alt(lex.limit_openers)})\s+(?:(?:{_alt(lex.limit_caps)})\s+)?(?P<lim>{limit})"
                rf"|(?:{_alt(lex.limit_caps)})\s+(?P<capped>{limit})(?=\s*,?\s*(?:{_alt(lex.limit_counters)}){A}))",
            ),
            # "từ đầu năm 2026": from the year's start, no end
            (
                "from_year_start",
                BOUND,
                rf"{B}(?:(?:{_alt(lex.immediacy_words)})\s+)?(?:{_alt(lex.from_)})\s+(?:{_alt(lex.year_start_words)})\s+{y}",
            ),
            # the same without their year, which the heading above gives ("III. NHIỆM VỤ … THÁNG 3 NĂM 2026")
            (
                "year_start_bare",
                YEARLESS,
                rf"{B}(?:(?:{_alt(lex.immediacy_words)})\s+)?(?:{_alt(lex.from_)})\s+(?:{_alt(lex.year_start_words)}){A}"
                rf"(?!\s+(?:{year}\s+)?\d)"
                rf"(?!\s+(?:{_alt(lex.not_after_bare_unit)}){A})",
            ),
            (
                "listed",
                LISTED,
                rf"{B}(?<!{day}\s+\d{{1,2}}\s+)(?:(?:{within})\s+)?(?:{month}\s+(?P<m>\d{{1,2}})|{quarter}\s+(?P<q>{rom}))"
                rf"(?![\d/.\-])(?=(?:\s*,\s*|\s+(?:{list_words})\s+)(?:\d+\s+)?(?:{month}|{quarter})\s)",
            ),
            ("coming", COMING, rf"{B}(?P<cu>{_alt(lex.coming_units)})\s+(?:{_alt(lex.coming_words)}){A}"),
            ("month_bare", YEARLESS, rf"{B}(?:{within})\s+{month}\s+(?P<m>\d{{1,2}})(?![\d/.\-])(?!\s+{year}\s+\d)"),
            (
                "until_part",
                BOUND,
                rf"{B}(?:{until})\s+(?:{until_end}\s+)?(?:{month}\s+(?P<m>\d{{1,2}})|{quarter}\s+(?P<q>{rom})){year_join}{y}",
            ),
            (
                "from_part",
                BOUND,
                rf"{B}(?:{_alt(lex.from_)})\s+(?:{month}\s+(?P<m>\d{{1,2}})|{quarter}\s+(?P<q>{rom}))"
                rf"(?:{year_join}(?P<y1>{YEAR})(?!\d))?(?:\s*(?:{seps})\s*(?:{until_end}\s+)?"
                rf"(?:{month}\s+(?P<m2>\d{{1,2}})|{quarter}\s+(?P<q2>{rom})))?{year_join}{y}",
            ),
            # "Quý IV/2025 - Quý I/2026", "Tháng 12/2025 - tháng 3/2026": a range of two dated parts is one
            # period from the first one's start to the second one's end, as "Quý II-IV/2026" is
            (
                "part_range",
                BOUND,
                rf"{B}(?:(?:{within})\s+)?(?:{month}\s+(?P<m>\d{{1,2}})|{quarter}\s+(?P<q>{rom})){year_join}(?P<y1>{YEAR})"
                rf"\s*(?:{seps})\s*(?:{until_end}\s+)?(?:{month}\s+(?P<m2>\d{{1,2}})|{quarter}\s+(?P<q2>{rom})){year_join}{y}",
            ),
            # "Tháng 11, 12/2013": two months of one year, one period
            (
                "months",
                BOUND,
                rf"{B}(?:(?:{within})\s+)?{month}\s+(?P<m>\d{{1,2}})\s*(?:,|{seps})\s*"
                rf"(?:{month}\s+)?(?P<m2>\d{{1,2}}){year_join}{y}",
            ),
            ("quarter", BOUND, rf"{B}(?:(?:{within})\s+)?{quarter}\s+(?P<q>{rom}){quarter_tail}{year_join}{y}"),
            # "Quý IV hàng năm": the quarter of every year, one recurring time
            ("quarter_each_year", EACH, rf"{B}{quarter}\s+{rom}\s*(?:{each})\s+(?P<u>{year}){A}{no_digit_after}"),
            # "(vào) tháng 12 hằng năm": a month of every year says when the work is done, as "trước ngày 25
            # hằng tháng" does (gold-guidelines, recurring), wherever it stands in the clause
            (
                "month_each_year",
                STRONG,
                rf"{B}(?:(?:{within})\s+)?{month}\s+\d{{1,2}}\s*(?:{each})\s+(?P<u>{year}){A}{no_digit_after}",
            ),
            ("quarter_bare", CELL_ONLY, rf"{B}{quarter}\s+(?P<q>{rom}){quarter_tail}(?![\w/])"),
            (
                "half",
                BOUND,
                rf"{B}(?:(?:{within})\s+)?(?P<n>{number})\s+{month}\s+(?P<w>{_alt(lex.half_of_year)})\s+{year}\s+{y}",
            ),
            ("month", BOUND, rf"{B}(?:(?:{within})\s+)?(?<!\d\s{{0,3}}){month}\s+(?P<m>\d{{1,2}}){year_join}{y}"),
            (
                "year_from",
                BOUND,
                rf"{B}(?:{_alt(lex.from_)})\s+{year}\s+{y}(?:\s*(?:{seps})\s*(?:{year}\s+)?(?P<y2>{YEAR})(?!\d))?",
            ),
            ("year_end_dated", BOUND, rf"{B}(?:(?:{within})\s+)?(?:{_alt(lex.year_end)})\s+{y}"),
            ("year_within", BOUND, rf"{B}(?:{within})\s+{year}\s+{y}(?!\s*(?:{seps})\s*\d)"),
            # "trong hai năm 2012 - 2013": the years named with their count
            (
                "years_within",
                BOUND,
                rf"{B}(?:{within})\s+(?:{number}\s+)?{year}\s+{y}\s*(?:{seps})\s*(?:{year}\s+)?(?P<y2>{YEAR})(?!\d)",
            ),
            # "02 năm một lần", "6 tháng một lần": a cadence stated as a count of periods
            # "6 tháng/lần" writes the same cadence with a slash
            (
                "once_every",
                STRONG,
                rf"{B}(?P<n>{number})\s+(?P<u>{units})(?:\s+(?:{_alt(lex.once_words)})|\s*/\s*(?:{_alt(lex.per_once_words)})){A}",
            ),
            (
                "range",
                BARE_YEAR,
                rf"{B}(?P<tr>(?:{within})\s+)?(?:{_alt(lex.range_words)})\s+{y}\s*(?:{seps})\s*(?P<y2>{YEAR})(?!\d)",
            ),
            ("term", SKIP, rf"{B}(?:{_alt(lex.term_words)})\s+{YEAR}\s*(?:{seps})\s*{YEAR}(?!\d)"),
            ("bare_year", BARE_YEAR, rf"{B}{year}\s+{y}(?:\s*(?:{seps})\s*(?:{year}\s+)?(?P<y2>{YEAR})(?!\d))?"),
            ("cell_year", CELL_ONLY, rf"(?<![\w/.\-]){y}(?:\s*(?:{seps})\s*(?P<y2>{YEAR})(?!\d))?(?![\w/])"),
            ("date", CELL_ONLY, rf"(?P<d>{FULL_DATE})"),
            ("number", SKIP, NUMBER),
            (
                "periodic",
                PERIODIC,
                # "định kỳ hằng năm", "định kỳ quý", and as a PDF glues them, "định kỳhàng năm"
                rf"{B}(?:{periodic})(?:\s*(?:(?:{each})\s+)?(?P<u>{units})|\s+(?P<n>{number})\s+{month})?{A}"
                rf"{no_digit_after}",
            ),
            ("each", EACH, rf"{B}(?:{each})\s+(?P<u>{units}){A}{no_digit_after}"),
            (
                "review",
                STRONG,
                rf"{B}(?:{_alt(lex.review)})\s+(?:(?P<n>{number})\s+{month}|(?P<u>{quarter}|{year})){A}{no_digit_after}"
                rf"(?!\s+(?:{_alt(lex.half_of_year)})\s+{year})",
            ),
            ("ongoing", ONGOING, rf"{B}(?:{_alt(lex.ongoing)}){A}"),
            (
                "head",
                HEAD,
                rf"{B}(?:{_alt(lex.list_head)})\s+(?:(?P<n>{number})\s+{month}|(?P<u>{month}|{quarter}|{year})){A}"
                rf"{no_digit_after}",
            ),
            ("item", ITEM, self.item),
        ]
        self.patterns = [(name, cls, i, regex.compile(p)) for i, (name, cls, p) in enumerate(table)]
        # words a pattern cannot match without (one of them is inside every match it makes): where a window
        # has none, the pattern would find nothing there and does not run. Only for costly patterns whose
        # words are rarer than the windows and cheaper to find than the pattern's own search (issue 15: all
        # windows of the corpus 200 -> 165 ms; "by_date", "limit", "half" gained nothing and run as before).
        # `tests/test_combined_patterns.py` checks that each pattern's matches hold one of its words.
        needed: dict[str, list[str]] = {
            "monthly_paren": list(lex.each),
            "monthly_day": [*lex.by_date_cues, lex.day_word],
            "horizon": [*lex.until, *lex.closing_words],
            "listed": [lex.month_word, lex.quarter_word],
            "until_part": list(lex.until),
            "quarter": [lex.quarter_word],
            "term": list(lex.term_words),
            "once_every": [*lex.once_words, *lex.per_once_words],
            # issue 15, sixth pass: with the words looked for as plain substrings (`need_keys`), a check
            # costs less than any pattern's search, so every pattern with a word it cannot do without has one
            "by_date": list(lex.by_date_cues),
            "event": list(lex.clock_openers),
            "from_date": list(lex.from_),
            "vision": list(lex.vision),
            "limit": [*lex.limit_openers, *lex.limit_caps],
            "from_year_start": list(lex.year_start_words),
            "from_part": list(lex.from_),
            "part_range": [lex.month_word, lex.quarter_word],
            "months": [lex.month_word],
            "month_bare": [lex.month_word],
            "half": list(lex.half_of_year),
            "month": [lex.month_word],
            "year_from": list(lex.from_),
            "year_end_dated": list(lex.year_end),
            "year_within": list(lex.within),
            "years_within": list(lex.within),
            "range": list(lex.range_words),
        }
        self.needs = {name: regex.compile(_alt(words)) for name, words in needed.items()}
        # the same check without a regex search: a piece of each word that any match of it holds as it is
        # written (`_literal_keys`), looked for with `in` in the window (None: a word has no such piece)
        self.need_keys = {name: _literal_keys(words) for name, words in needed.items()}
        self.item_re = regex.compile(self.item)
        self.chain_re = regex.compile(rf"{self.separator}(?P<it>{self.item.removeprefix(B)})")
        self.list_re = regex.compile(rf"{self.item}(?={self.separator}{self.item.removeprefix(B)})")
        anchors = {
            "year_start_bare": regex.compile(_alt(lex.year_start_words)),
            "coming": regex.compile(_alt(lex.coming_words)),
            "periodic": regex.compile(_alt(lex.periodic)),
            "each": regex.compile(_alt(lex.each)),
            "quarter_each_year": regex.compile(_alt(lex.each)),
            "month_each_year": regex.compile(_alt(lex.each)),
            "review": regex.compile(_alt(lex.review)),
            "ongoing": regex.compile(_alt(lex.ongoing)),
            "head": regex.compile(_alt(lex.list_head)),
        }
        digit = regex.compile(r"\d")
        self.by_anchor: dict[regex.Pattern, list[_Pattern]] = {}
        self.cell_patterns: list[_Pattern] = []
        for entry in self.patterns:
            if entry[0] in CELL_PATTERNS:
                self.cell_patterns.append(entry)
            else:
                self.by_anchor.setdefault(anchors.get(entry[0], digit), []).append(entry)
        self.label_re = regex.compile(rf"{B}(?:{_alt(lex.time_labels)})\s*:")
        # a bracket closing a duty that opens with its time ("… (Quý IV/2013, Quý I/2014 và thường xuyên)."):
        # its words are the duty's time, read as a time cell; not one that states a figure ("(năm 2009 70%)")
        self.time_bracket_re = regex.compile(
            rf"\((?P<inner>\s*(?:(?:{within})\s+)?(?:{year}|{quarter}|{month})\s+(?:\d|{rom})[^()%]*)\)(?=\s*(?:[.;]|$))"
        )
        # what opens a cited document's subject right after the citation: "về …", "phê duyệt …", "“…"
        self.subject_opener = regex.compile(rf"[\s,]*(?:{_alt(lex.cited_subject_openers)})")
        # "hằng năm" right after the verb it times ("sơ kết hằng năm", "được công bố hàng năm") or after
        # "phấn đấu"; not after a noun head ("chương trình kiểm tra hằng năm" names a kind of programme)
        heads = {tone_key(w) for w in lex.noun_heads}
        verbs = [w for w in lex.duty_verbs if tone_key(w) not in heads]
        self.each_after_re = regex.compile(rf"{B}(?:{_alt(verbs + lex.each_openers)})\s*$")
        # what may join a vision to the period before it: "giai đoạn 2026 - 2030 và định hướng đến năm 2035"
        self.sequel_gap = regex.compile(
            rf"\s*(?:,\s*|(?:{_alt(lex.list_words)})\s+)?(?:(?:{_alt(lex.sequel_words)})\s*)?"
        )
        # a time note in brackets closing a duty: "(thực hiện thường xuyên)"
        self.time_note_re = regex.compile(rf"\(\s*(?:(?:{_alt(lex.time_note_openers)})\s+)?$")
        # the date line's formula, "Công Hải, ngày   tháng 8 năm 2025" (read on the text: a place name is capitalized)
        place = r"\p{Lu}\p{L}*(?:[ \t]+\p{Lu}\p{L}*)*"
        self.dateline_re = regex.compile(rf"{place}[ \t]*,[ \t]*{day}(?:[ \t]+\d{{1,2}})?[ \t]*$")
        # a period that names a plan or a meeting ("theo kế hoạch 06 tháng cuối năm 2025", "sinh hoạt chuyên
        # đề quý I năm 2026"), a horizon that names a period ("giai đoạn đến năm 2030"), a clause that opens
        # with a document's name ("- Nghị quyết về … đến năm 2030", not "Kế hoạch này …"), a date of effect
        self.named_period_re = regex.compile(rf"{B}(?:{_alt(lex.plan_name_words + lex.named_period_heads)})\s*$")
        self.range_before_re = regex.compile(rf"{B}(?:{_alt(lex.range_words)})\s*$")
        self.name_opening = regex.compile(
            rf"[\s{regex.escape(_MARKER_CHARS)}]*(?:{_alt(lex.plan_name_words)}){A}(?!\s+(?:{_alt(lex.self_words)}){A})"
        )
        self.effect_re = regex.compile(rf"{B}(?:{_alt(lex.effect_words)}){A}")
        self.subject_opening = regex.compile(rf"\W*(?:{_alt(lex.subject_words)})\s")
        self.part_re = regex.compile(rf"{B}(?:{_alt(lex.part_words)})\s+(?:[ivx]+|\d+){A}")
        part = rf"(?:{_alt(lex.part_words)})\s+[ivx\d]+\W*"
        self.results_heading = regex.compile(rf"^[\W\d_]*(?:{part})?(?:{_alt(lex.results_heading_words)}){A}")
        self.purpose_heading = regex.compile(rf"^[\W\d_]*(?:{_alt(lex.purpose_heading_words)})[\W\d_]*$")
        self.verb_re = regex.compile(rf"\s+(?:{_alt(lex.duty_verbs)}){A}")
        self.report_re = regex.compile(rf"{B}(?:{_alt(lex.report_verbs)}){A}")
        self.noun_head_re = regex.compile(rf"{B}(?:{_alt(lex.noun_heads)})\s*$")
        # "kiểm tra thường xuyên và định kỳ": an adverb and "và" between the noun head and "định kỳ"
        self.paired_adverb_re = regex.compile(rf"{B}(?:{_alt(lex.paired_adverbs)})\s*(?:,|{list_words})\s*$")
        self.plan_name_re = regex.compile(rf"{B}(?:{_alt(lex.plan_name_words)})\s*$")
        # a document's proper name, capitalized where the judge uses it ("Đề án …", "Chiến lược …", "Quy hoạch …")
        self.plan_name_word_re = regex.compile(rf"{B}(?:{_alt(lex.plan_name_words + lex.proper_name_words)}){A}")
        self.self_after_re = regex.compile(rf"\s+(?:{_alt(lex.self_words)}){A}")
        self.numbered_after_re = regex.compile(rf"\s+(?:(?:{_alt(lex.document_number_words)})\s*:?\s*)?\d")
        self.year_subject_re = regex.compile(rf"\s+(?:{_alt(lex.year_subject_verbs)}){A}")
        self.status_re = regex.compile(rf"{B}(?:{_alt(lex.status_cues)}){A}")
        # the time a clause states right after a period it names: "… giai đoạn 2013-2015 vào năm 2015"
        self.own_time_after_re = regex.compile(rf"\s+(?:{within})\s+(?:{year}|{quarter}|{month})\s+(?:\d|{rom})")
        self.status_after_re = regex.compile(rf"\s*,\s*(?:{_alt(lex.status_cues)}){A}")
        self.completion_re = regex.compile(rf"{B}(?:{_alt(lex.completion_words)}){A}")
        # "Hoàn thành trước 30/9/2025": words that make a time the task's due time even where it has passed
        self.due_re = regex.compile(rf"{B}(?:{_alt(lex.due_words)})(?:\s+\S+){{0,8}}\s*$")
        self.requirement_re = regex.compile(rf"{B}(?:{_alt(lex.requirement_words)}){A}")
        self.budget_re = regex.compile(rf"{B}(?:{_alt(lex.budget_words)}){A}")
        # a percentage right after a year, or after "đạt": the figure for that year ("năm 2018 đạt 99%")
        self.year_figure_re = regex.compile(rf"\s*(?:(?:{_alt(lex.figure_links)})\s+)?\d+(?:[.,]\d+)?\s*%")
        self.letter_subject_re = regex.compile(rf"{B}(?:{_alt(lex.letter_subject_words)}){A}")
        # "kể từ ngày …", "áp dụng từ ngày …": the start of what the plan grants or applies
        self.regime_start_re = regex.compile(rf"{B}(?:{_alt(lex.regime_start_words)})\s*$")
        # where a cited document's subject inside the title ends: as in running text, or at the place the plan
        # covers ("trên địa bàn …"); a title's line breaks are wrapping, not the end of the subject
        self.title_subject_end = regex.compile(rf"[;”(]|\.(?:\s|$)|{B}(?:{_alt(lex.place_scope_words)}){A}")

    # --- normalization ---------------------------------------------------------------------

    def recurrence_of(self, m: regex.Match) -> tuple[bool, str | None]:
        """(is a period stated, its recurrence) for the groups n / u / ye / hy of a match."""
        groups = m.groupdict()
        if groups.get("n"):
            count = self.count(groups["n"])
            return True, self.count_recurrence.get(count) if count else None
        if groups.get("ye"):
            return True, "yearly"
        if groups.get("hy"):
            return True, "semiannual"
        if groups.get("u"):
            return True, self.unit_recurrence.get(tone_key(groups["u"]))
        return False, None

    def count(self, text: str) -> int | None:
        key = tone_key(text)
        return int(key) if key.isdigit() else self.number_words.get(key)

    def spec(self, name: str, m: regex.Match) -> tuple[DeadlineSpec | None, str | None]:
        """The normalized value of a match, or (None, text) where a date or month cannot exist."""
        g = m.groupdict()
        try:
            if name in {"monthly_paren", "monthly_day"}:
                day = int(g["day"])
                if not 1 <= day <= 31:
                    return None, m.group()
                _, recurrence = self.recurrence_of(m)
                return DeadlineSpec(kind="recurring", recurrence=recurrence, day=day), None
            if name in {"by_date", "from_date", "date", "event"}:
                first = parse_date(g["d"])
                if first is None:
                    return None, g["d"]
                if name in {"by_date", "date"}:
                    return DeadlineSpec(kind="by_date", end=first), None
                if name == "event":
                    return DeadlineSpec(kind="period", start=first, end=first), None
                second = parse_date(g["d2"]) if g.get("d2") else None
                if g.get("d2") and second is None:
                    return None, g["d2"]
                return DeadlineSpec(kind="period", start=first, end=second), None
            if name == "limit":
                return DeadlineSpec(kind="by_date"), None  # counted from an event: no calendar bound
            if name in {"horizon", "vision"}:
                return DeadlineSpec(kind="horizon", end=f"{g['y']}-12-31"), None
            year = int(g["y"]) if g.get("y") else None
            if name == "until_part":
                if g.get("m"):
                    return DeadlineSpec(kind="by_date", end=_last_day(year, int(g["m"])).isoformat()), None
                q = self.roman[tone_key(g["q"])]
                return DeadlineSpec(kind="by_date", end=_last_day(year, 3 * q).isoformat()), None
            if name in {"from_part", "part_range"}:
                first_year = int(g["y1"]) if g.get("y1") else year
                first = int(g["m"]) if g.get("m") else 3 * self.roman[tone_key(g["q"])] - 2
                start = date(first_year, first, 1).isoformat()
                if not (g.get("m2") or g.get("q2")):
                    return DeadlineSpec(kind="period", start=start), None
                last = int(g["m2"]) if g.get("m2") else 3 * self.roman[tone_key(g["q2"])]
                end = _last_day(year, last).isoformat()
                if end < start:
                    return None, m.group()
                return DeadlineSpec(kind="period", start=start, end=end), None
            if name == "months":
                first, last = int(g["m"]), int(g["m2"])
                if not 1 <= first < last <= 12:
                    return None, m.group()
                return DeadlineSpec(
                    kind="period", start=date(year, first, 1).isoformat(), end=_last_day(year, last).isoformat()
                ), None
            if name in {"quarter", "quarter_bare"}:
                q1 = self.roman[tone_key(g["q"])]
                q2 = self.roman[tone_key(g["q2"])] if g.get("q2") else q1
                if q2 < q1:
                    return None, m.group()
                if year is None:
                    return DeadlineSpec(kind="period"), None
                start = date(year, 3 * q1 - 2, 1).isoformat()
                return DeadlineSpec(kind="period", start=start, end=_last_day(year, 3 * q2).isoformat()), None
            if name == "half":
                n = self.count(g["n"])
                if n is None or not 1 <= n <= 12:
                    return None, m.group()
                if self.half.get(tone_key(g["w"])) == "first":
                    return DeadlineSpec(kind="period", start=f"{year}-01-01", end=_last_day(year, n).isoformat()), None
                return DeadlineSpec(kind="period", start=date(year, 13 - n, 1).isoformat(), end=f"{year}-12-31"), None
            if name == "month":
                month = int(g["m"])
                if not 1 <= month <= 12:
                    return None, m.group()
                return DeadlineSpec(
                    kind="period", start=date(year, month, 1).isoformat(), end=_last_day(year, month).isoformat()
                ), None
            if name in {"year_start_bare", "month_bare", "coming", "listed"}:
                return None, None  # resolved against the heading's year by the judge
            if name == "from_year_start":
                return DeadlineSpec(kind="period", start=f"{year}-01-01"), None
            if name == "year_end_dated":
                return DeadlineSpec(kind="by_date", end=f"{year}-12-31"), None
            if name == "year_from":
                end = f"{g['y2']}-12-31" if g.get("y2") else None
                return DeadlineSpec(kind="period", start=f"{year}-01-01", end=end), None
            if name == "once_every":
                count = self.count(g["n"])
                unit = self.unit_recurrence.get(tone_key(g["u"]))
                if count == 1:
                    return DeadlineSpec(kind="recurring", recurrence=unit), None
                months = {"monthly": 1, "quarterly": 3, "yearly": 12}.get(unit or "")
                recurrence = self.count_recurrence.get(count * months) if count and months else None
                return DeadlineSpec(kind="recurring", recurrence=recurrence), None
            if name in {"year_within", "years_within", "range", "bare_year", "cell_year"}:
                last = int(g["y2"]) if g.get("y2") else year
                if last < year:
                    return None, m.group()
                return DeadlineSpec(kind="period", start=f"{year}-01-01", end=f"{last}-12-31"), None
        except (ValueError, KeyError):
            return None, m.group()
        if name == "ongoing":
            return DeadlineSpec(kind="ongoing"), None
        if name in {"periodic", "each", "review", "head", "item", "quarter_each_year", "month_each_year"}:
            _, recurrence = self.recurrence_of(m)
            return DeadlineSpec(kind="recurring", recurrence=recurrence), None
        return None, None

    def candidates(self, text: str, pos: int = 0, endpos: int | None = None, cell: bool = False) -> list[Candidate]:
        """The time expressions of `text[pos:endpos]` (folded), overlapping ones included.

        For running text (`cell=False`) each pattern runs only in windows around its anchor (a
        digit, or the word it cannot do without: "định kỳ", "hằng", "thường xuyên" …), and the
        patterns that only a time cell admits (a bare "quý", "2026") do not run. A cell (`cell=True`)
        is short and runs every pattern.
        """
        endpos = len(text) if endpos is None else endpos
        if cell:
            return self._scan(text, pos, endpos, self.patterns)
        found: list[Candidate] = []
        for anchor, patterns in self.by_anchor.items():
            for start, end in self.windows(anchor, text, pos, endpos):
                found.extend(self._scan(text, start, end, patterns))
        return found

    def cell_candidates(self, text: str, pos: int, endpos: int) -> list[Candidate]:
        """The candidates that only a time cell admits (the running-text scan leaves them out)."""
        return self._scan(text, pos, endpos, self.cell_patterns)

    def windows(self, anchor: regex.Pattern, text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
        out: list[list[int]] = []
        for m in anchor.finditer(text, pos, endpos):
            start, end = max(pos, m.start() - WINDOW), min(endpos, m.end() + WINDOW)
            if out and start <= out[-1][1]:
                out[-1][1] = max(out[-1][1], end)
            else:
                out.append([start, end])
        return [(s, e) for s, e in out]

    def _scan(self, text: str, pos: int, endpos: int, patterns: list[_Pattern]) -> list[Candidate]:
        found: list[Candidate] = []
        window = text[pos:endpos]
        present: dict[str, bool] = {}  # each key looked for once in this window, whichever patterns share it
        for name, cls, priority, pattern in patterns:
            need = self.needs.get(name)
            if need is not None:
                keys = self.need_keys.get(name)
                if keys is None:
                    if need.search(text, pos, endpos) is None:
                        continue
                elif not any(present[k] if k in present else present.setdefault(k, k in window) for k in keys):
                    continue
            for m in pattern.finditer(text, pos, endpos):
                if cls == SKIP:
                    found.append(Candidate(m.start(), m.end(), SKIP, None, priority=priority))
                    continue
                spec, invalid = self.spec(name, m)
                judged = cls
                if name == "periodic" and self.recurrence_of(m)[0]:
                    judged = STRONG
                elif name == "range" and m.group("tr"):
                    judged = BOUND
                found.append(Candidate(m.start(), m.end(), judged, spec, invalid, priority))
        return found


_YEARS = regex.compile(rf"(?<![\d/.\-])({YEAR})(?:\s*[-–]\s*({YEAR}))?(?![\d/])")


def _budget_years(document: Document | None, grammar: _Grammar) -> set[tuple[int, int]]:
    """The years (first, last) that the document's subject gives to a budget: in its title, or a head line
    whose subject a letter opens with "V/v" ("V/v xây dựng dự toán ngân sách … năm 2020 và kế hoạch tài
    chính - NSNN 03 năm 2020-2022"), every year or range after the budget word (gold/README: a budget
    letter's budget year or plan period is no deadline, only its submission date). An opening paragraph
    that only mentions a budget gives none."""
    found: set[tuple[int, int]] = set()
    if document is None:
        return found
    spans = [(b.start, b.end) for b in document.blocks if b.role == "header"]
    title = document.header.title
    for start, end in spans:
        subject = grammar.letter_subject_re.search(document.fold, start, end)
        if subject is None and not (title is not None and start <= title.start < end):
            continue
        word = grammar.budget_re.search(document.fold, subject.end() if subject else start, end)
        if word is None:
            continue
        for m in _YEARS.finditer(document.fold, word.end(), end):
            first = int(m.group(1))
            found.add((first, int(m.group(2)) if m.group(2) else first))
    return found


def _plan_date(document: Document | None) -> str | None:
    """The plan's own date (ISO, first day where only a month or year is printed), if its date line has one."""
    if document is None or document.header.place_date is None:
        return None
    span = document.header.place_date
    value = parse_partial_date(document.text[span.start : span.end])
    if value is None:
        return None
    return value + ("-01-01" if len(value) == 4 else "-01" if len(value) == 7 else "")


@cache
def _grammar() -> _Grammar:
    return _Grammar(TimeExpressionsLexicon.load())


# --- choosing what counts ---------------------------------------------------------------------

_LIST_REACH = 60
"""Characters after a list item within which the list states its year."""
_COMPLETION_REACH = 12
"""Words before a bare year within which a completion word ("hoàn thành", "tổng kết") makes it the time of
that work; a completion word far before it ("mức độ hoàn thành nhiệm vụ … làm cơ sở đánh giá Chỉ số … năm
2025") governs something else."""
_SENTENCE_WORDS = 12
"""A line in sentence case this long, under a title in capitals, is the opening sentence, not the title."""
_CLAUSE_BOUNDARY = regex.compile(r"[;:.!?(\n]")
_MARKER_CHARS = " \t-+•*–"
_LABELLED_END = regex.compile(r"\.(?:\s|$)|\n")
"""Where a labelled time ("Thời gian hoàn thành: …") ends: its full stop or its line's end."""


class _Judge:
    """Decides, for one region, which candidates are deadlines, and extends cadence lists."""

    def __init__(self, grammar: _Grammar, fold_text: str, document: Document | None):
        self.g = grammar
        self.fold = fold_text
        self.document = document
        self.plan_date = _plan_date(document)
        self.reporting = document is not None and is_report(document)
        self.budget_years = _budget_years(document, grammar)
        self.cited: set[int] = set()
        """Where the citations of the document start (a cited document is named by its number, not its name)."""

    def clause_start(self, region: Region, offset: int) -> int:
        """Offset where the clause holding `offset` begins (after ; : . ( or the region's start)."""
        i = offset - 1
        while i >= region.start:
            if _CLAUSE_BOUNDARY.match(self.fold, i) and not self._decimal_point(i):
                return i + 1
            i -= 1
        return region.start

    def _decimal_point(self, i: int) -> bool:
        return (
            self.fold[i] == "."
            and 0 < i < len(self.fold) - 1
            and self.fold[i - 1].isdigit()
            and self.fold[i + 1].isdigit()
        )

    def sentence_start(self, region: Region, offset: int) -> int:
        i = offset - 1
        while i >= region.start:
            if self.fold[i] in ".!?\n" and not self._decimal_point(i):
                return i + 1
            i -= 1
        return region.start

    def in_requirement(self, region: Region, offset: int) -> bool:
        """A clause that continues a sentence of obligation ("… phải gắn với …; thường xuyên kiểm tra …")."""
        return bool(self.g.requirement_re.search(self.fold, self.sentence_start(region, offset), offset))

    def before_plan(self, spec: DeadlineSpec) -> bool:
        """A bound that closed, or a start that passed, before the plan was issued: a status, not a deadline."""
        if self.plan_date is None or spec.kind not in {"by_date", "period"}:
            return False
        if spec.end is not None:
            return spec.end < self.plan_date
        return spec.start is not None and spec.start < self.plan_date

    def accept(self, region: Region, c: Candidate) -> bool:
        """Whether the candidate is a deadline where it stands (or, if impossible, worth a warning)."""
        mode = region.mode
        if c.cls == SKIP:
            return False
        if c.cls == YEARLESS:
            c.spec = self.with_heading_year(c) if mode in {"body", "cell"} else None
            return c.spec is not None
        if c.cls == COMING:
            c.spec = self.coming(c)
            return c.spec is not None
        if c.cls == LISTED:
            c.spec = self.listed(c)
            return c.spec is not None and not self.before_plan(c.spec)
        if mode == "cell":
            return True
        if c.cls == CELL_ONLY:
            return False
        if self.budget_period(c.spec):
            return False  # "II. Xây dựng dự toán năm 2020" in a letter on the 2020 budget: the budget's year
        before = self.fold[self.clause_start(region, c.start) : c.start]
        if mode == "title" and self.quoted(region, c):
            return False  # "Đề án “… tầm nhìn đến năm 2030” năm 2023": the quoted name's time, not the plan's
        if c.cls == BARE_YEAR:
            if self.g.plan_name_re.search(before) or self.g.year_subject_re.match(self.fold, c.end):
                return False
            if mode in {"heading", "title"} and c.spec is not None and self.before_plan(c.spec):
                return False  # "KẾT QUẢ NĂM 2022" over a plan of 2023: a year already past
            if mode == "body" and self.g.year_figure_re.match(self.fold, c.end):
                # "80% (năm 2026 70%)": the year a figure is to be reached, unless it has passed
                return c.spec is not None and not self.before_plan(c.spec)
            if mode == "body" and not before.strip(_MARKER_CHARS) and self.fold.startswith(",", c.end):
                # "- Năm 2018, hoàn thành việc hỗ trợ …": the year opens the duty as its time, unless it has passed
                return c.spec is not None and not self.before_plan(c.spec)
            if mode in {"title", "heading"}:
                return True
            if self.g.own_time_after_re.match(self.fold, c.end):
                return False  # "Tổng kết giai đoạn 2013-2015 vào năm 2015": what is reviewed, not when
            near = " ".join(before.split()[-_COMPLETION_REACH:])  # "hoàn thành năm 2018", "tổng kết … năm 2025"
            return bool(self.g.completion_re.search(near))
        if c.cls == BOUND:
            if c.spec is None:
                return True
            if mode in {"heading", "title"} and self.before_plan(c.spec):
                return False
            passed = mode == "body" and self.before_plan(c.spec)
            if passed and not (self.stated_due(before) or self.regime_start(before, c)):
                return False
            if mode == "body" and self.names_something(before, c):
                return False
            if self.g.status_after_re.match(self.fold, c.end):
                return False  # "Trong giai đoạn 2011-2015, đã huy động …": the time of work done
            return not (c.spec.kind == "by_date" and self.g.status_re.search(before))
        if mode != "body" or self.in_requirement(region, c.start):
            return False
        if c.cls == STRONG:
            return True
        opens = not before.strip(_MARKER_CHARS)
        if c.cls == ONGOING:  # "Thường xuyên rà soát …"; "… (thực hiện thường xuyên)."
            return opens or self.time_note(c)
        if c.cls == EACH:  # "hằng năm tham mưu …", "… báo cáo Ủy ban nhân dân xã hằng quý", "sơ kết hằng năm"
            return opens or bool(
                # ", hằng năm Ban Thường vụ ban hành …": the adverb opening a clause (not "toàn khóa, hằng năm, …")
                (before.rstrip().endswith(",") and regex.match(r"\s+\w", self.fold[c.end : c.end + 2]))
                or self.g.verb_re.match(self.fold, c.end)
                or self.g.report_re.search(before)
                or self.g.each_after_re.search(self.fold, max(0, c.start - 30), c.start)
            )
        if c.cls == PERIODIC:
            head = self.fold[region.start : c.start]
            paired = self.g.paired_adverb_re.search(head)
            if paired:
                head = head[: paired.start()]
            return opens or not self.g.noun_head_re.search(head)
        return c.cls == HEAD or (c.cls == ITEM and c.priority < 0)  # list starts come from `list_starts`

    def stated_due(self, before: str) -> bool:
        """The clause says the time is when the task is due ("Hoàn thành trước 30/9/2025", "chậm nhất ngày …"),
        with no "đã" of work done: a due time even where the plan was issued after it (gold-guidelines,
        deadlines: a time that says when a task is due; only a status date of work done is none)."""
        return bool(self.g.due_re.search(before)) and not self.g.status_re.search(before)

    def regime_start(self, before: str, c: Candidate) -> bool:
        """A start with no end that says from when the plan grants or applies something ("được hưởng chế độ
        kể từ ngày 01/01/2019", "Thời gian áp dụng từ ngày 01/10/2019"): a period from that day even where the
        plan, issued later, applies it back to it (gold-guidelines: "từ ngày 01/7/2025" is a period with a
        start); the start of work already running ("đi vào hoạt động từ ngày …") stays a status."""
        spec = c.spec
        return (
            spec is not None
            and spec.kind == "period"
            and spec.end is None
            and bool(self.g.regime_start_re.search(before))
            and not self.g.status_re.search(before)
        )

    def budget_period(self, spec: DeadlineSpec | None) -> bool:
        """Is this whole-year period one that the head's subject gives to a budget (its budget year, or its
        three-year plan "03 năm 2020-2022")? Those years are what the budget is for, not when work is due."""
        if spec is None or spec.kind != "period" or not spec.start or not spec.end:
            return False
        if not (spec.start.endswith("-01-01") and spec.end.endswith("-12-31")):
            return False
        return (int(spec.start[:4]), int(spec.end[:4])) in self.budget_years

    def listed(self, c: Candidate) -> DeadlineSpec | None:
        """A month or quarter without its year in a list whose last item states it ("tháng 7, quý III và
        6 tháng cuối năm 2025"): the list's year, found before the clause ends."""
        stop = _CLAUSE_BOUNDARY.search(self.fold, c.end, min(len(self.fold), c.end + _LIST_REACH))
        tail = self.fold[c.end : stop.start() if stop else min(len(self.fold), c.end + _LIST_REACH)]
        found = regex.search(rf"(?:{self.g.lex.year_word}\s+|/)({YEAR})(?!\d)", tail)
        if found is None:
            return None
        year = int(found.group(1))
        words = self.fold[c.start : c.end].split()
        number = words[-1]
        if words[-2] == fold(self.g.lex.month_word) and number.isdigit():
            m = int(number)
            if not 1 <= m <= 12:
                return None
            return DeadlineSpec(kind="period", start=date(year, m, 1).isoformat(), end=_last_day(year, m).isoformat())
        q = self.g.roman.get(tone_key(number))
        if q is None:
            return None
        return DeadlineSpec(
            kind="period", start=date(year, 3 * q - 2, 1).isoformat(), end=_last_day(year, 3 * q).isoformat()
        )

    def coming(self, c: Candidate) -> DeadlineSpec | None:
        """ "tuần tới" / "tháng tới" in a report: the week or month after the last day of the period it
        reports, as its title dates it ("… tuần (từ ngày 24/12/2025 - 31/12/2025) và … tuần tới" → 01–07/01/2026),
        else after the report's own date. Only a report (a plan's "thời gian tới" names no period)."""
        if self.document is None or not self.reporting:
            return None
        last = self.reported_until()
        if last is None:
            return None
        unit = tone_key(self.fold[c.start : c.end].split()[0])
        if unit == tone_key(self.g.lex.month_word):
            year, month = (last.year + 1, 1) if last.month == 12 else (last.year, last.month + 1)
            start_day, end_day = date(year, month, 1), _last_day(year, month)
            return DeadlineSpec(kind="period", start=start_day.isoformat(), end=end_day.isoformat())
        start = last + timedelta(days=1)
        return DeadlineSpec(kind="period", start=start.isoformat(), end=(start + timedelta(days=6)).isoformat())

    def reported_until(self) -> date | None:
        """The last full date the title states (the end of the reported period), else the report's date."""
        document = self.document
        if document is None:
            return None
        found: list[str] = []
        title = document.header.title
        if title is not None:
            dates = FULL_DATE_RE.finditer(document.fold, title.start, title.end)
            found = [iso for m in dates if (iso := parse_date(m.group()))]
        if found:
            return date.fromisoformat(max(found))
        if self.plan_date is not None and len(self.plan_date) == 10 and not self.plan_date.endswith("-01"):
            return date.fromisoformat(self.plan_date)
        return None

    def with_heading_year(self, c: Candidate) -> DeadlineSpec | None:
        """A month or a year's start written without its year takes the year of the nearest heading above
        that states one ("III. NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 3 NĂM 2026" over "Trong tháng 3, …")."""
        if self.document is None:
            return None
        by_path = {s.path: s for s in self.document.sections}
        path = self.document.section_at(c.start)
        while path:
            section = by_path.get(path)
            if section is None:
                return None
            found = regex.search(rf"(?<!\d)({YEAR})(?!\d)", section.title)
            if found:
                year = int(found.group(1))
                month = regex.search(r"(\d{1,2})\s*$", self.fold[c.start : c.end])
                if month is None:
                    return DeadlineSpec(kind="period", start=f"{year}-01-01")
                m = int(month.group(1))
                if not 1 <= m <= 12:
                    return None
                return DeadlineSpec(
                    kind="period", start=date(year, m, 1).isoformat(), end=_last_day(year, m).isoformat()
                )
            path = section.parent
        return None

    def names_something(self, before: str, c: Candidate) -> bool:
        """Running text where a bounded time only names a plan, a meeting or a period, or dates an effect."""
        kind = c.spec.kind if c.spec is not None else None
        if kind == "period" and self.g.named_period_re.search(before):
            return True
        if kind == "horizon" and self.g.range_before_re.search(before):
            return True
        if kind == "horizon" and self.g.name_opening.match(before):
            return True
        if kind == "horizon" and self.named_before(c.start - len(before), c.start):
            return True
        return bool(self.g.effect_re.search(before))

    def named_before(self, start: int, end: int) -> bool:
        """Does a document's proper name run up to the horizon ("triển khai thực hiện Đề án tìm kiếm, quy tập
        hài cốt liệt sĩ từ nay đến năm 2020")? The name word is written with its capital ("Đề án", not
        "đề án"), not followed by "này", and no clause break stands between it and the horizon: the horizon
        is part of that document's name, not the time of this plan's work."""
        if self.document is None:
            return False
        for m in self.g.plan_name_word_re.finditer(self.fold, start, end):
            if m.start() in self.cited or self.g.numbered_after_re.match(self.fold, m.end()):
                continue  # "theo Quyết định số 22/2013/QĐ-TTg … đến hết năm 2019": a citation, not a name
            if self.document.text[m.start()].isupper() and not self.g.self_after_re.match(self.fold, m.end()):
                return True
        return False

    def quoted(self, region: Region, c: Candidate) -> bool:
        """Is the candidate inside a quoted name of a title that states its own time after the name
        ("… Đề án “… tầm nhìn đến năm 2030” … năm 2023")? Where the quoted name is all the title has
        ("PHÊ DUYỆT “DỰ ÁN … GIAI ĐOẠN 2018-2020”"), its time is the plan's."""
        before = self.fold[region.start : c.start]
        if not (before.count("“") > before.count("”") or before.count('"') % 2 == 1):
            return False
        close = regex.compile(r"[”\"]").search(self.fold, c.end, region.end)
        return close is not None and bool(regex.search(r"(?:19|20)\d{2}", self.fold[close.end() : region.end]))

    def sequel(self, refused: int, c: Candidate) -> bool:
        """A horizon joined to a period refused just before it ("giai đoạn 2026 - 2030 và định hướng đến
        năm 2035", "giai đoạn 2022 - 2025, tầm nhìn đến năm 2030") belongs to the same name and is refused too."""
        if c.spec is None or c.spec.kind != "horizon" or c.start < refused:
            return False
        gap = self.g.sequel_gap.match(self.fold, refused, c.start)
        return gap is not None and gap.end() == c.start

    def time_note(self, c: Candidate) -> bool:
        """A bracket that holds only the time of the duty before it: "(thực hiện thường xuyên)"."""
        return bool(
            self.g.time_note_re.search(self.fold, max(0, c.start - 20), c.start)
            and regex.match(r"\s*\)", self.fold[c.end : c.end + 3])
        )

    def list_starts(self, region: Region) -> list[Candidate]:
        """Bare cadence lists that open a clause or a parenthesis: "(quý, 6 tháng, 9 tháng, cuối năm)"."""
        out = []
        starts = {region.start} | {m.end() for m in _CLAUSE_BOUNDARY.finditer(self.fold, region.start, region.end)}
        for s in sorted(starts):
            while s < region.end and self.fold[s] in _MARKER_CHARS:
                s += 1
            m = self.g.list_re.match(self.fold, s, region.end)
            if m:
                first = self.g.item_re.match(self.fold, s, region.end)
                spec = DeadlineSpec(kind="recurring", recurrence=self.g.recurrence_of(first)[1])
                out.append(Candidate(m.start(), m.end(), ITEM, spec, priority=-1))
        return out

    def chain(self, region: Region, end: int) -> list[Candidate]:
        """The further items of a cadence list after an accepted recurrence: ", quý, năm"."""
        items = []
        while True:
            m = self.g.chain_re.match(self.fold, end, region.end)
            if not m:
                return items
            spec = DeadlineSpec(kind="recurring", recurrence=self.g.recurrence_of(m)[1])
            items.append(Candidate(m.start("it"), m.end(), ITEM, spec))
            end = m.end()

    def select(self, region: Region, found: list[Candidate]) -> list[Candidate]:
        """Leftmost-longest choice among overlapping candidates, then the region's judgement."""
        if region.mode == "body":
            found = found + self.list_starts(region)
        found.sort(key=lambda c: (c.start, -(c.end - c.start), c.priority))
        chosen: list[Candidate] = []
        last_end = region.start
        refused = -1  # where the last period refused here ends
        for c in found:
            if c.start < last_end or c.end > region.end:
                continue
            sequel = refused >= 0 and self.sequel(refused, c)
            if sequel or not self.accept(region, c):
                if c.cls in {SKIP, BOUND, BARE_YEAR, CELL_ONLY}:
                    last_end = c.end  # a date or year masks the words inside it
                if c.cls in {BOUND, BARE_YEAR}:
                    refused = c.end
                continue
            last_end = c.end
            if c.invalid is not None or c.spec is None:
                chosen.append(c)  # an impossible date: warned about, not recorded
                continue
            items: list[Candidate] = []
            if c.cls in _RECURRING_CLASSES - {ONGOING} and not (c.cls == PERIODIC and c.spec.recurrence is None):
                items = self.chain(region, c.end)
            if c.cls == HEAD and not items and region.mode == "body":
                continue  # "theo tháng" alone is not a cadence
            chosen.append(c)
            chosen.extend(items)
            if items:
                last_end = items[-1].end
        return chosen


# --- regions ----------------------------------------------------------------------------------


def _regions(document: Document, grammar: _Grammar) -> list[Region]:
    """The stretches of the document that can hold deadlines, each with the mode it is read in."""
    lex = grammar.lex
    regions: list[Region] = []
    title = document.header.title
    looking_back = report_looks_back(document)
    if title is None:
        title = _subject_line(document, grammar)  # "về xây dựng … đến năm 2025": the head's subject line
    if title is not None:
        start, end = title.start, _title_end(document, title)
        part = grammar.part_re.search(document.fold, title.start, end)
        if part:
            end = part.start()  # "… NĂM 2023 PHẦN I. KẾT QUẢ …": the first part's heading ran into the title
        if looking_back:  # a report's title dates what it reports, except after "phương hướng …"
            ahead = forward_match(document.fold, title.start, end)
            start = ahead.start() if ahead else end
        if start < end:
            regions.append(Region(start, end, "title"))
        title_end = end
    else:
        title_end = len(document.text)
    reporting = bool(looking_back)
    looking_back = looking_back | _results_sections(document, grammar)
    purpose = _purpose_sections(document, grammar)
    own_heading = {s.start: s.path for s in document.sections}
    for block in document.blocks:
        if block.end <= block.start:
            continue
        # a heading belongs to the section it opens ("III. NHIỆM VỤ TRỌNG TÂM THÁNG 3 NĂM 2026" looks forward)
        section = own_heading.get(block.start, block.section) if block.role == "heading" else block.section
        opening = block.role == "header" and block.start >= title_end
        if looking_back and section in looking_back:
            if section is None and reporting and (block.role in lex.text_roles or opening):
                # the opening of a report: "… báo cáo tình hình tháng 02 và nhiệm vụ trọng tâm tháng 3 năm
                # 2026 như sau": what follows a forward word is the coming work's, as in its title
                ahead = forward_match(document.fold, block.start, block.end)
                if ahead:
                    regions.append(Region(ahead.start(), block.end, "body"))
            continue
        if section is not None and section in purpose:
            continue  # "1. Mục đích": the aims, whose times qualify them, not due times of work
        if block.role == "heading":
            # "3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.": the time after the label is a time cell
            label = grammar.label_re.search(document.fold, block.start, block.end)
            if label is None:
                regions.append(Region(block.start, block.end, "heading"))
            else:
                regions.append(Region(block.start, label.start(), "heading"))
                regions.append(Region(label.end(), block.end, "cell"))
        elif block.role in lex.text_roles and _capital_line(document, block.start, block.end):
            # a line in capitals that no numbering made a heading ("KẾ HOẠCH … GIAI ĐOẠN 2014 - 2018" of the
            # plan a decision issues, after its signature) is read as one; not one that reports results
            if not grammar.results_heading.match(document.fold, block.start, block.end):
                regions.append(Region(block.start, block.end, "heading"))
        elif block.role in lex.text_roles:
            label = year_label(document, block.start, block.end)
            start = block.start
            if label:  # "* Năm 2026: (02 cuộc kiểm tra …)": a year labelling what follows, read as a heading
                regions.append(Region(block.start, label.end(), "heading"))
                start = label.end()
            regions.extend(_split_labelled(document, grammar, start, block.end))
        elif block.role == "cell" and block.row is not None and block.table is not None and block.column is not None:
            role = document.column_role(block)
            if role in lex.cell_columns:
                regions.append(Region(block.start, block.end, "cell"))
            elif role in lex.text_columns:
                regions.extend(_split_labelled(document, grammar, block.start, block.end))
    regions.sort(key=lambda r: r.start)
    return regions


def _subject_line(document: Document, grammar: _Grammar) -> Span | None:
    """Where no title line was found in a printed head (one with its number or date line), the line of the
    head that opens with the document's subject ("về xây dựng … đến năm 2025, định hướng đến năm 2030").
    A one-line headline that packs type, number, date and subject ("Nghị quyết số 22/NQ-TU ngày … về …",
    a portal's wrapper over a reprint) is not one."""
    header = document.header
    if header.place_date is None and header.number_line is None:
        return None
    for block in document.blocks:
        if block.role != "header":
            return None
        if grammar.subject_opening.match(document.fold, block.start, block.end):
            return Span(start=block.start, end=block.end)
    return None


def _title_end(document: Document, title: Span) -> int:
    """Where the title really ends: a title in capitals ends before the first line in sentence case
    that reads as a sentence ("Thực hiện Quyết định số …", the opening that ran into it: long, or ending in
    punctuation), and any title before a rule line ("-----")."""
    text = document.text
    pos = title.start
    capitals = False
    for n, line in enumerate(text[title.start : title.end].split("\n")):
        stripped = line.strip()
        letters = [ch for ch in stripped if ch.isalpha()]
        if n and stripped and not letters and len(set(stripped)) == 1:
            return pos  # a rule under the title
        sentence = len(stripped.split()) >= _SENTENCE_WORDS or stripped[-1:] in ",;:."
        if n and capitals and letters and letters[0].isupper() and not stripped.isupper() and sentence:
            return pos  # "Thực hiện Quyết định số … về …,": the opening, not "Trên địa bàn xã năm 2026"
        capitals = capitals or (bool(letters) and stripped.isupper())
        pos += len(line) + 1
    return title.end


_TRAILING_BRACKET = regex.compile(r"\s*\([^()]*\)\s*$")


def _capital_line(document: Document, start: int, end: int) -> bool:
    """A block of at least three words whose letters are all capitals, but for a bracket that closes it:
    the attached plan's title with its note ("… NĂM 2023 (Kèm theo Quyết định số … của Chủ tịch …)")."""
    text = document.text[start:end]
    text = text[: m.start()] if (m := _TRAILING_BRACKET.search(text)) else text
    return len(text.split()) >= 3 and text.isupper()


def _results_sections(document: Document, grammar: _Grammar) -> set[str | None]:
    """Sections that report results ("I. KẾT QUẢ THỰC HIỆN NĂM 2024", "Thực trạng …") and those under them:
    their times date work done. A section that looks forward ("… và phương hướng năm 2026") is not one."""
    by_path = {s.path: s for s in document.sections}
    out: set[str | None] = set()
    for path, section in by_path.items():
        chain = []
        node: Section | None = section
        while node is not None:
            chain.append(node)
            node = by_path.get(node.parent) if node.parent else None
        if any(looks_forward(n.title) for n in chain):
            continue
        if any(grammar.results_heading.match(fold(n.title)) for n in chain):
            out.add(path)
    return out


def _purpose_sections(document: Document, grammar: _Grammar) -> set[str | None]:
    """Sections titled only "Mục đích" and those under them: they state what the plan aims at ("Bảo đảm nước
    phục vụ sản xuất vụ Đông Xuân và cả năm 2020"), and a time there qualifies the aim; when work is due is
    said in the duties and their time lines. A section "Mục đích, yêu cầu" is not one: its requirements may
    set times."""
    by_path = {s.path: s for s in document.sections}
    out: set[str | None] = set()
    for path in by_path:
        node: Section | None = by_path[path]
        while node is not None:
            if grammar.purpose_heading.match(fold(node.title)):
                out.add(path)
                break
            node = by_path.get(node.parent) if node.parent else None
    return out


def _split_labelled(document: Document, grammar: _Grammar, start: int, end: int) -> list[Region]:
    """Running text, with the words after "Thời gian hoàn thành:" read as a time cell up to the full stop, and
    so is a bracket that closes a duty with its time ("(năm 2013 và kiện toàn thường xuyên hàng năm).")."""
    out: list[Region] = []
    pos = start
    cells: list[tuple[int, int, int]] = []  # (where the body stops, cell start, cell end)
    for m in grammar.label_re.finditer(document.fold, start, end):
        stop = _LABELLED_END.search(document.fold, m.end(), end)
        cells.append((m.start(), m.end(), stop.start() if stop else end))
    for m in grammar.time_bracket_re.finditer(document.fold, start, end):
        cells.append((m.start("inner"), m.start("inner"), m.end("inner")))
    for body_end, cell_start, cell_end in sorted(cells):
        if cell_start < pos:
            continue  # a bracket inside a labelled time is read with it
        if body_end > pos:
            out.append(Region(pos, body_end, "body"))
        out.append(Region(cell_start, cell_end, "cell"))
        pos = cell_end
    if pos < end:
        out.append(Region(pos, end, "body"))
    return out


# --- public API -------------------------------------------------------------------------------


# A cited document's subject ends at ";", a full stop before a space, a closing quote, a parenthesis
# (that assigns or dates the plan's own work: "… (Giao Ban Xây dựng Đảng chủ trì, trong quý II/2026)"),
# or a line break (a paragraph's end, or the next cell of a table flattened one cell per line).
_SUBJECT_END = regex.compile(r";|\.(?:\s|$)|”|\(|\n")


def _cited_subjects(document: Document, citations: list[Citation], grammar: _Grammar) -> list[tuple[int, int]]:
    """The subjects of cited documents ("Quyết định số 1679/QĐ-TTg … phê duyệt Chiến lược dân số Việt Nam
    đến năm 2030;"): from the citation to the end of its clause, where the words after it open a subject.
    A horizon there is the cited document's, not this plan's (gold: a year in a cited programme's name),
    in the title too ("Triển khai Quyết định số 63/QĐ-TTg … về phê duyệt Đề án … giai đoạn 2017-2020"),
    where the subject ends at the place the plan covers."""
    fold = document.fold
    title = document.header.title
    ranges = []
    for c in citations:
        if not c.span:
            continue
        opener = grammar.subject_opener.match(fold, c.span[1])
        if opener is None:
            continue
        limit = min(len(fold), opener.end() + 400)
        if title is not None and title.start <= c.span[0] < title.end:
            # a title's lines are wrapped, not paragraphs: the cited subject runs on to the place the plan
            # covers ("… Đề án … giai đoạn 2017-2020 và định hướng đến năm 2025 trên địa bàn tỉnh …"); what
            # follows that place is the plan's own ("… trên địa bàn xã Rạng Đông năm 2026")
            limit = min(limit, title.end)
            stop = grammar.title_subject_end.search(fold, opener.end(), limit)
        else:
            stop = _SUBJECT_END.search(fold, opener.end(), limit)
        ranges.append((c.span[1], stop.start() if stop else limit))
    return ranges


def extract_deadlines(
    document: Document, citations: list[Citation] | None = None
) -> tuple[list[Deadline], list[DocWarning]]:
    """Every deadline of the document (running text and table time cells), in document order; a time in
    the subject of one of `citations` is the cited document's and is left out.

    An impossible date or month ("trước ngày 31-02-2026") gives a warning and no record.
    """
    grammar = _grammar()
    regions = _regions(document, grammar)
    if not regions:
        return [], []
    subjects = Enclosing(_cited_subjects(document, citations or [], grammar))
    starts = [r.start for r in regions]
    for c in grammar.candidates(document.fold):
        if subjects.holds(c.start, c.end):
            continue
        if grammar.dateline_re.search(document.text, max(0, c.start - 60), c.start):
            continue  # "Công Hải, ngày   tháng 8 năm 2025": a date line, wherever it stands
        i = bisect_right(starts, c.start) - 1
        if i >= 0 and c.start < regions[i].end:
            regions[i].candidates.append(c)
    for region in regions:
        if region.mode == "cell":
            region.candidates.extend(grammar.cell_candidates(document.fold, region.start, region.end))
    judge = _Judge(grammar, document.fold, document)
    judge.cited = {c.span[0] for c in citations or [] if c.span}
    records: list[Deadline] = []
    warnings: list[DocWarning] = []
    for region in regions:
        for c in judge.select(region, region.candidates):
            if c.invalid is not None or c.spec is None:
                fields = evidence(document, c.start, c.end)
                warnings.append(
                    DocWarning.of(
                        "impossible_date", span=fields["span"], source=fields["source"], quote=fields["quote"]
                    )
                )
                continue
            records.append(Deadline(**evidence(document, c.start, c.end), **c.spec.model_dump()))
    records.sort(key=lambda r: r.span[0] if r.span else 0)
    return records, warnings


def parse_time_expressions(text: str) -> list[DeadlineSpec]:
    """The deadline specs of a short text read as a table's time cell.

    "Quý I/2026 và thường xuyên" → [period 2026-01-01..2026-03-31, ongoing]. Impossible dates are
    left out (the document-level extractor is the one that warns).
    """
    grammar = _grammar()
    folded = fold(text)
    region = Region(0, len(folded), "cell")
    judge = _Judge(grammar, folded, None)
    chosen = judge.select(region, grammar.candidates(folded, cell=True))
    return [c.spec for c in chosen if c.invalid is None and c.spec is not None]
