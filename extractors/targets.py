"""Targets: every quantified commitment of a plan, one record per quantity.

How a number becomes a target (gold-guidelines.md, targets and Decisions):
1. `numbers.scan_quantities` finds every written quantity with its comparator and range.
2. Numbers that are not quantities are dropped by their neighbours: inside a citation or a date,
   a year, an ordinal ("giai đoạn 1", "thôn 5"), a duration ("trong 6 tháng"), a name in quotes
   ("“5 rõ”"), a descriptor ("chính quyền 2 cấp"), an enumeration ("1)").
3. A statistic of the current state ("hiện nay có … đạt 88,69%", "năm 2024 đạt …") is not a
   commitment; nor is a figure in a report's account of work done (`time_scope.report_looks_back`), one
   whose `by` is a year before the plan's, a result over its plan ("83,2%/50%"), or a count that stands
   outside a target section (or a year label "Năm 2026:") with no commitment word before it.
4. A number inside the indicator of a target before it in the same clause ("… với tốc độ trên 01
   Gb/s") qualifies that target and is not a target of its own.
5. Each target gets its quote (its clause), unit (the guidelines' unit rule), `by` (its clause, its
   sentence, the lead-in it stands under, the year label it stands under, then the nearest heading with a
   horizon, a short unnumbered heading line, and last the plan's title or head), `aspirational`
   ("phấn đấu" earlier in its sentence, its lead-in or heading) and indicator (its core phrase).

NLP (`nlp=True`), two steps from underthesea, both run only where the rules are unsure:
- its POS tagger, on the few words after a figure that a verb before it acts on, tells whether "và"
  joins a verb phrase ("kết quả điện tử và tái sử dụng thông tin") or a noun ("quốc gia và chuyên
  ngành"), so that the passive "được …" of the indicator attaches to the counted noun phrase. Called
  on a handful of short strings per plan, never on the document (see design.md's cost figures).
- its word list (Viet74K, read from the package's data file) tells a page number left inside a word
  ("báo 6 cáo") from a count.
Whether a comma opens a new clause in the indicator is decided by a lexicon rule (a modal word); the
POS tagger was tried there and did worse ("kế hoạch công tác hằng năm": "công tác" tagged a verb).
"""

from __future__ import annotations

from bisect import bisect_right
from calendar import monthrange
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from extractors.citations import scan_spans
from extractors.deadlines import parse_time_expressions
from extractors.evidence import evidence
from extractors.grammar import (
    FULL_DATE_RE,
    MONTH_YEAR,
    NUMBER_RE,
    alternation,
    fold,
    iso_date,
    parse_date,
    parse_partial_date,
)
from extractors.nlp import compound_words, pos_tag
from extractors.numbers import Quantity, lexicon, scan_quantities
from extractors.time_scope import report_looks_back, year_label
from pipeline.document import Block, Document, Section, Span, Table
from pipeline.lexicon import IndicatorPhrasingLexicon, TimeExpressionsLexicon, spaced
from pipeline.markers import ROMAN_NUMERAL
from pipeline.models import DeadlineSpec, Target

_SKIPPED_ROLES = {"header", "signature", "recipients"}
_SKIPPED_COLUMNS = {"stt", "lead", "support", "deadline", "cycle", "collector", "target_value"}
_QUARTER_END = {"i": (3, 31), "ii": (6, 30), "iii": (9, 30), "iv": (12, 31)}
_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}
_SYLLABLE = regex.compile(r"[\w/%.,-]+")
# Small patterns used inside loops, compiled once (issue 15: `regex.match(pattern, …)` looks its
# pattern up in regex's cache on every call).
_LETTER_RUN = regex.compile(r"[^\W\d_]+")
_WORD_AHEAD = regex.compile(r"\s*\w")
_NEXT_CHAR = regex.compile(r"\s+(\S)")
_SPACES = regex.compile(r"\s*")
_WORD_TOKEN = regex.compile(r"[^\W\d_][\w]*(?:/[\w]+)*")
_NUMBER_TOKEN = regex.compile(r"\d+(?!\w)")
_WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$")
_WORD_AFTER = regex.compile(r"\s+(\p{L}+)")
_RESTATED = regex.compile(r"\s*\([\d\s/.,%]{1,20}\)")
_DIGIT_RE = regex.compile(r"\d")
_BRACKETED_UNIT = regex.compile(r"\s*\(\s*(\p{L}[\p{L}\s/]{0,30}?)\s*\)")
_QUOTED_NAME = regex.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")
_RESTATED_HEAD = regex.compile(r"^\s*\([\d\s/.,%]{1,20}\)")


@dataclass(frozen=True)
class _Words:
    """The lexicon compiled once into the patterns the rules use (all on folded text)."""

    unit_stop: regex.Pattern
    unit_max: int
    time_unit: regex.Pattern
    ordinal_before: regex.Pattern
    descriptive: regex.Pattern
    bracket: regex.Pattern
    bracket_before: regex.Pattern
    name_quotes: str
    year_lead: regex.Pattern
    statistic: regex.Pattern
    cue_before: regex.Pattern
    cue_window: int
    target_section: regex.Pattern
    aspiration: regex.Pattern
    aspiration_head: regex.Pattern
    locality: regex.Pattern
    horizons: list[tuple[regex.Pattern, str]]
    title_horizons: list[tuple[regex.Pattern, str]]
    horizon_excluded: regex.Pattern
    quote_end: regex.Pattern
    citation_intro: regex.Pattern
    wrapper_head: regex.Pattern
    link_tail: regex.Pattern
    existential_tail: regex.Pattern
    object_tail: regex.Pattern
    trailing_cut: regex.Pattern
    modal: regex.Pattern
    label_max_words: int
    label_lead: regex.Pattern
    milestone: regex.Pattern
    type_opening: regex.Pattern
    coordinator_then_cue: regex.Pattern
    coordinator: regex.Pattern
    year_mention: regex.Pattern
    change_head: regex.Pattern
    time_adverb: regex.Pattern
    tail_not_share: regex.Pattern
    share_link: regex.Pattern
    share_noun: str
    statistic_column: regex.Pattern
    statistic_section: regex.Pattern
    number_lead: frozenset[str]
    phrasing: IndicatorPhrasingLexicon
    comparators_after: dict[str, str]
    horizon_preposition_end: regex.Pattern
    dates: regex.Pattern
    time_label: regex.Pattern
    criterion: regex.Pattern
    list_announcer: regex.Pattern
    criterion_break: regex.Pattern
    money: regex.Pattern
    declared_unit: regex.Pattern
    change_to: regex.Pattern
    duration_limit: regex.Pattern
    duration_deadline: regex.Pattern
    eligibility_date: regex.Pattern
    bracketed_money: regex.Pattern
    range_open_head: regex.Pattern
    describing: frozenset[str]
    composition: regex.Pattern
    probe_modal: str
    object_markers: frozenset[str]


@cache
def _words() -> _Words:
    lex = lexicon()
    stops = lex.unit_stop_words_guidelines + lex.unit_stop_words_extra
    existential = set(lex.indicator_existential_words)
    cues = [c for c in lex.commitment_cues + lex.indicator_wrapper_verbs if c not in existential]
    phrasing = IndicatorPhrasingLexicon.load()
    coordinators = "|".join(phrasing.coordinators)
    baseline = "|".join(spaced(w) for w in phrasing.baseline_words)
    time_words = TimeExpressionsLexicon.load()
    year = time_words.year_word
    return _Words(
        unit_stop=regex.compile(rf"{alternation(stops)}(?!\w)"),
        unit_max=lex.unit_max_syllables,
        time_unit=regex.compile(rf"\s*{alternation(lex.time_units)}(?!\w)"),
        ordinal_before=regex.compile(rf"(?<!\w){alternation(lex.ordinal_words_before)}\s*$"),
        descriptive=regex.compile(rf"\s*{alternation(lex.descriptive_units)}(?!\w)"),
        bracket=regex.compile(rf"\s*{alternation(lex.bracket_units)}(?!\w)"),
        bracket_before=regex.compile(rf"(?<!\w){alternation(lex.bracket_words)}\s*$"),
        name_quotes="".join(lex.name_quote_marks),
        year_lead=regex.compile(rf"(?<!\w){alternation(lex.year_lead_words)}\s*$"),
        statistic=regex.compile(rf"(?<!\w){alternation(lex.statistic_markers)}(?!\w)"),
        cue_before=regex.compile(rf"(?<!\w){alternation(cues)}(?!\w)"),
        cue_window=lex.commitment_cue_window,
        target_section=regex.compile(rf"(?<!\w){alternation(lex.target_section_words)}(?!\w)"),
        aspiration=regex.compile(rf"(?<!\w){alternation(lex.aspiration_words)}(?!\w)"),
        aspiration_head=regex.compile(rf"\s*{alternation(lex.aspiration_words)}\s+(?=\S)"),
        locality=regex.compile("|".join(lex.indicator_locality_patterns)),
        horizons=[(regex.compile(h.pattern), h.value) for h in lex.horizon_patterns],
        title_horizons=[(regex.compile(h.pattern), h.value) for h in lex.title_horizon_patterns],
        horizon_excluded=regex.compile("|".join(lex.horizon_excluded_patterns)),
        quote_end=regex.compile(rf",\s*{alternation(lex.quote_end_words)}(?!\w)"),
        citation_intro=regex.compile(rf"(?<!\w){alternation(lex.citation_intro_words)}\s*$"),
        wrapper_head=regex.compile(rf"^\s*{alternation(lex.indicator_wrapper_verbs)}(?!\w)[\s,]*"),
        link_tail=regex.compile(rf"(?<!\w){alternation(lex.indicator_link_words)}[\s,]*$"),
        existential_tail=regex.compile(rf"(?<!\w){alternation(lex.indicator_existential_words)}[\s,]*$"),
        object_tail=regex.compile(rf"(?<!\w){alternation(lex.indicator_object_markers)}[\s,]*$"),
        trailing_cut=regex.compile(rf"[\s,]+{alternation(lex.indicator_trailing_cuts)}(?!\w)"),
        modal=regex.compile(rf"(?<!\w){alternation(lex.clause_modal_words)}(?!\w)"),
        label_max_words=lex.label_max_words,
        type_opening=regex.compile(rf"\W*{alternation(time_words.plan_name_words)}(?!\w)"),
        milestone=regex.compile(rf"\(\s*{year}\s+(?:19|20)\d{{2}}\s*$"),
        label_lead=regex.compile(rf"^\s*{alternation(lex.label_lead_words)}(?!\w)\s*"),
        coordinator_then_cue=regex.compile(
            rf"(?:,|;|(?<!\w)(?:{coordinators})(?!\w))\s*(?:{alternation(cues)}(?!\w)|$)"
        ),
        coordinator=regex.compile(rf"[,;]|(?<!\w)(?:{coordinators})(?!\w)"),
        year_mention=regex.compile(rf"(?<!{baseline}\s+|\w){year}\s+((?:19|20)\d{{2}})(?!\d)"),
        time_adverb=regex.compile(rf"(?<!\w){alternation(lex.indicator_time_adverbs)}(?!\w)[\s,]*"),
        change_head=regex.compile(rf"^\s*{alternation(lex.indicator_change_verbs)}(?!\w)\s*"),
        share_link=regex.compile(rf"^\s*{alternation(lex.indicator_share_links)}(?!\w)"),
        share_noun=lex.indicator_share_noun,
        tail_not_share=regex.compile(rf"^\s*(?:{alternation(stops)}|{alternation(lex.time_units)})(?!\w)"),
        number_lead=frozenset(lex.number_lead_words),
        phrasing=phrasing,
        comparators_after={w: comp for comp, words in lex.comparators_after.items() for w in words},
        horizon_preposition_end=regex.compile(
            rf"\s+(?:{'|'.join(phrasing.horizon_prepositions)})\s*$", flags=regex.IGNORECASE
        ),
        statistic_section=regex.compile(rf"(?<!\w){alternation(lex.statistic_section_words)}(?!\w)"),
        statistic_column=regex.compile(rf"(?<!\w){alternation(lex.statistic_column_words)}(?!\w)"),
        dates=regex.compile(rf"{FULL_DATE_RE.pattern}|{MONTH_YEAR}"),
        time_label=regex.compile(rf"[\W\d]*{alternation(time_words.time_labels)}\s*:"),
        list_announcer=regex.compile(rf"(?<!\w){alternation(lex.list_announcers)}\s*:\s*$"),
        criterion=regex.compile(rf"(?<=\w[\s,]*)(?<!\w){alternation(lex.criterion_openers)}(?!\w)"),
        criterion_break=regex.compile(
            rf"(?<!\w){alternation([x for x in lex.indicator_link_words if x not in lex.indicator_change_verbs])}(?!\w)"
        ),
        money=regex.compile(rf"{alternation(lex.money_units)}(?:/[^\n.,;:()]+)?"),
        declared_unit=regex.compile(
            rf"(?<!\w){alternation(lex.declared_unit_labels)}\s*:\s*(?P<unit>[^\s:;,()|][^\n:;,()|]*?)\s*(?:[;,)|]|$)",
            flags=regex.MULTILINE,
        ),
        change_to=regex.compile(rf"^\s*(?:[\w/]+\s+){{0,6}}?{alternation(lex.change_to_words)}\s*$"),
        duration_limit=regex.compile(rf"^{alternation(lex.duration_limit_words)}(?!\w)"),
        duration_deadline=regex.compile(rf"(?<!\w){alternation(lex.duration_deadline_leads)}\s*$"),
        eligibility_date=regex.compile(
            rf"(?:{FULL_DATE_RE.pattern}|{MONTH_YEAR})\s+{alternation(lex.eligibility_date_closers)}(?!\w)"
            rf"|(?:{'|'.join(lex.eligibility_status_patterns)})(?:{FULL_DATE_RE.pattern}|{MONTH_YEAR})"
        ),
        bracketed_money=regex.compile(rf"\(\s*(?P<unit>{alternation(lex.money_units)}(?:/\w+)*)\s*\)"),
        range_open_head=regex.compile(rf"^{alternation(lex.range_open)}\s"),
        describing=frozenset(lex.composition_words + lex.indicator_existential_words),
        probe_modal=lex.directive_probe_modal,
        object_markers=frozenset(lex.indicator_object_markers),
        composition=regex.compile(rf"(?<!\w){alternation(lex.composition_words)}(?!\w)"),
    )


# --- the units the rules read -----------------------------------------------------------------


@dataclass
class _Segment:
    """A run of text read as one: a block, joined with the blocks that continue its sentence."""

    start: int
    end: int
    section: str | None
    role: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class _Candidate:
    q: Quantity  # offsets relative to the document
    segment: int
    clause_start: int
    clause_end: int
    sentence_start: int
    unit: str | None = None
    unit_end: int = 0
    start: int = 0
    end: int = 0


def _numeric_cell(document: Document, span: Block | Span) -> bool:
    """A value cell that holds only a figure ("80", "≥ 03", "80% - 85%"): read by the table rules.
    A value cell that is a sentence ("Tỷ lệ … đạt 100%") is read like running text."""
    words = _LETTER_RUN.findall(document.fold[span.start : span.end])
    return len(words) <= 3


def _valued_rows(document: Document) -> set[tuple[int | None, int | None]]:
    """The (table, row) pairs whose value cell holds a figure ("| Trường … 02 tầng 06 phòng | 3.000 |"): the
    table rules read the row, and the numbers of its other cells belong to what it measures (round 4)."""
    out: set[tuple[int | None, int | None]] = set()
    for table in document.tables:
        for j, column in enumerate(table.columns):
            if column.role != "target_value":
                continue
            for r, row in enumerate(table.rows):
                cell = row[j] if j < len(row) else None
                if cell and _numeric_cell(document, cell) and _DIGIT_RE.search(document.fold[cell.start : cell.end]):
                    out.add((table.index, r))
    return out


def _open_clause(text: str, previous: _Segment) -> bool:
    """Does the previous block stop inside a sentence opened by a lead-in ("… 41,2 triệu cây xanh, trong đó: 10
    triệu cây xanh trồng phân tán;"), so that a line opening with a figure ("31,2 triệu cây xanh …") goes on
    with it? A ":" earlier in its sentence and a closing ";" say so."""
    body = text[previous.start : previous.end].rstrip()
    return body.endswith(";") and ":" in body[body.rfind(".") + 1 :]


def _segments(document: Document) -> list[_Segment]:
    """Blocks that can state targets, a block that continues a sentence joined to the one before.

    A PDF or Word rendition may break a paragraph inside a sentence (at a closing quote mark, a
    page break): a block that opens with a lower-case letter or closing punctuation continues it.
    """
    text = document.text
    valued = _valued_rows(document)
    segments: list[_Segment] = []
    for block in document.blocks:
        if block.role in _SKIPPED_ROLES or block.end <= block.start:
            continue
        if (block.table, block.row) in valued:
            continue  # the row's figure stands in its value cell: "Nhà lớp học 02 tầng 06 phòng" is what it measures
        role = document.column_role(block) if block.role == "cell" else None
        if role in _SKIPPED_COLUMNS and not (role == "target_value" and not _numeric_cell(document, block)):
            continue
        if block.role == "basis":
            # "Thực hiện Quyết định số … . Để bảo đảm hỗ trợ … cho khoảng 71.000 hộ …": the first sentence names
            # what the text implements; a letter's opening paragraph may go on to state its own aims
            first_end = _sentence_end(text, block.start, block.end)
            body = len(text[first_end + 1 : block.end]) - len(text[first_end + 1 : block.end].lstrip())
            if first_end >= block.end or first_end + 1 + body >= block.end:
                continue
            segments.append(_Segment(first_end + 1 + body, block.end, block.section, block.role, [block]))
            continue
        head = text[block.start : block.start + 1]
        previous = segments[-1] if segments else None
        continues = (
            previous is not None
            and block.role in {"paragraph", "list_item"}
            and previous.role != "heading"
            and block.section == previous.section
            and (head.islower() or head in "”’»),.;:" or (head.isdigit() and _open_clause(text, previous)))
            and previous.blocks[-1].table is None
        )
        if continues and previous is not None:
            previous.end = block.end
            previous.blocks.append(block)
        else:
            segments.append(_Segment(block.start, block.end, block.section, block.role, [block]))
    return segments


# --- masks: citations and dates hold numbers that are not quantities ---------------------------


def _masked_spans(document: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans whose numbers are no quantities (citations, document numbers, dates), and the
    citations alone (whose dates are no horizon, while a date in a sentence may be one)."""
    citations = sorted(scan_spans(document.text, document.fold))
    spans = list(citations)
    spans += [m.span() for m in NUMBER_RE.finditer(document.fold)]
    spans += [m.span() for m in _words().dates.finditer(document.fold)]
    return sorted(spans), citations


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect_right(starts, start) - 1
    while i >= 0 and i < len(spans) and spans[i][0] < end:
        if spans[i][1] > start:
            return True
        i += 1
    return False


# --- is this number a quantity? ----------------------------------------------------------------


def _not_a_quantity(folded: str, q: Quantity, floor: int) -> bool:
    """A number that only names, orders or dates something (step 2 of the module docstring)."""
    w = _words()
    before = folded[max(floor, q.start - 40) : q.start]
    after = folded[q.number_end : q.number_end + 40]
    stripped = before.rstrip()
    if stripped and stripped[-1] in w.name_quotes:
        return True  # "“5 rõ”": a name
    if not q.percent and after.startswith(")") and (not stripped or stripped[-1] in "(,;:"):
        return True  # "(1)", "1)": an enumeration
    if q.percent and regex.match(r"\s*/\s*\d", after):
        return True  # "83,2%/50%": a result over its plan, a statistic's ratio
    if not q.percent and w.ordinal_before.search(before) and not _money_after(after):
        return True  # "giai đoạn 2", "Hướng dẫn 42": a percentage, or an amount ("mức 360.000 đồng"), is no ordinal
    if not q.percent:
        if w.time_unit.match(after) and not _duration_limit(folded, q, floor):
            return True
        if w.descriptive.match(after):
            return True
        if w.bracket.match(after) and w.bracket_before.search(folded[max(floor, q.start - 40) : q.number_start]):
            return True  # "trẻ em dưới 15 tuổi", "người từ 65 tuổi trở lên": an age bracket of the population
        if q.value_max is None and q.value == int(q.value) and 1900 <= q.value <= 2100:
            written = folded[q.number_start : q.number_end]
            if written.isdigit() and (not _WORD_AHEAD.match(after) or w.year_lead.search(before)):
                return True  # a year
        if q.value_max is not None and all(1900 <= v <= 2100 for v in (q.value, q.value_max)):
            return True  # "2025 - 2030"
    return False


def _duration_limit(folded: str, q: Quantity, floor: int) -> bool:
    """A duration the text bounds ("tối thiểu là 5 ngày, tối đa là 10 ngày"): a limit it sets, a target of
    its own (round 4). Not a procedure's time limit ("trong thời hạn không quá 15 ngày": a deadline), nor a
    bracket of who qualifies ("dưới 20 năm công tác": "dưới" is no limit word)."""
    w = _words()
    if not w.duration_limit.match(folded[q.start : q.number_start]):
        return False
    return not w.duration_deadline.search(folded[max(floor, q.start - 30) : q.start])


def _money_after(after: str) -> bool:
    """Does a money unit follow the number ("360.000 đồng", "2 triệu đồng/người"), not a word that starts
    like one ("15 đồng chí")?"""
    w = _words()
    head = after.lstrip()
    m = w.money.match(head)
    if not m:
        return False
    rest = head[m.end() :]
    if rest[:1].isalnum():
        return False  # "đồngchí": a longer word
    following = rest.lstrip()
    return not following[:1].isalpha() or bool(w.unit_stop.match(following))


# --- clauses, sentences, units -----------------------------------------------------------------

_SENTENCE_END = regex.compile(r"[.!?…](?=\s+\S)")
_CLAUSE_END = regex.compile(r"[;:](?=\s|$)")


def _sentence_start(text: str, floor: int, pos: int) -> int:
    start = floor
    for m in _SENTENCE_END.finditer(text, floor, pos):
        nxt = _NEXT_CHAR.match(text[m.end() : m.end() + 5])
        if nxt and (nxt.group(1).isupper() or nxt.group(1) in "-+•"):
            start = m.end()
    return start


def _sentence_end(text: str, pos: int, ceiling: int) -> int:
    for m in _SENTENCE_END.finditer(text, pos, ceiling):
        nxt = _NEXT_CHAR.match(text[m.end() : m.end() + 5])
        if nxt and (nxt.group(1).isupper() or nxt.group(1) in "-+•"):
            return m.start()
    return ceiling


def _clause_bounds(text: str, sentence_start: int, sentence_end: int, pos: int) -> tuple[int, int]:
    start = sentence_start
    for m in _CLAUSE_END.finditer(text, sentence_start, pos):
        start = m.end()
    m = _CLAUSE_END.search(text, pos, sentence_end)
    return start, (m.start() if m else sentence_end)


def _unit(document: Document, pos: int, end: int) -> tuple[str | None, int, str | None]:
    """The counted thing: words after the number up to punctuation or a clause word.

    Returns the unit as written, where it ends, and the stop word that ended it (for "trở lên").
    """
    w = _words()
    folded, text = document.fold, document.text
    i = pos
    words = 0
    unit_end = pos
    stop: str | None = None
    while i < end and words < w.unit_max:
        m = _SPACES.match(folded[i:end])
        j = i + (m.end() if m else 0)
        if j >= end:
            break
        s = w.unit_stop.match(folded, j, end)
        if s:
            stop = folded[s.start() : s.end()]
            break
        token = _WORD_TOKEN.match(folded[j:end])
        if not token and words and w.ordinal_before.search(folded[pos:j]):
            token = _NUMBER_TOKEN.match(folded[j:end])  # "tài khoản … mức độ 2"
        if not token:
            break
        i = j + token.end()
        unit_end = i
        words += 1
    if unit_end == pos:
        return None, pos, stop
    return " ".join(text[pos:unit_end].split()), unit_end, stop


# --- horizons: `by` --------------------------------------------------------------------------


def horizon(folded: str, heading: bool = False) -> str | None:
    """The time a quantity must be reached, from one piece of folded text, or None.

    "đến năm 2030" → "2030"; "đến hết năm 2025" → "2025-12-31"; "trước 31/12/2025" → "2025-12-31";
    "Quý II/2026" → "2026-06-30". The first horizon written wins; "tầm nhìn 2045" is not one.
    A heading, lead-in or column header ("Mục tiêu năm 2026", "Chỉ tiêu 2030") names its year bare:
    with `heading`, a bare year counts too (in running text it may be a statistic's year).
    """
    found = _strict_horizon(folded)
    if found or not heading:
        return found
    excluded = [m.span() for m in _words().horizon_excluded.finditer(folded)]
    for m in _BARE_YEAR.finditer(folded):
        if not any(s <= m.start() < e for s, e in excluded):
            return m.group(1)
    return None


_BARE_YEAR = regex.compile(r"(?<![\d/.\-–])((?:19|20)\d{2})(?![\d/.\-–])")


def _title_horizon(document: Document, citations: list[tuple[int, int]]) -> str | None:
    """The plan's own horizon, from its title: "… giai đoạn 2026 - 2030" → 2030, "… nhiệm kỳ 2025-2030"
    → 2030 (a term is a horizon here, where it is the plan's, not a body's), "… chuyển đổi số năm 2026"
    → 2026. It gives `by` to targets no nearer horizon reaches (gold-guidelines, decisions).
    Where no title line was found (an archive's rebuilt header, a one-line heading "NGHỊ QUYẾT số … về …
    giai đoạn 2026 - 2030"), the lines of the head say it instead."""
    span = document.header.title
    if span is None:
        return _head_horizon(document, citations)
    # a quoted name's period is the programme's ("… Dự án “Giúp đỡ … giai đoạn 2011 đến 2015”"; round 5)
    folded = " ".join(_QUOTED_NAME.sub(" ", document.fold[span.start : span.end]).split())
    found = _strict_horizon(folded)
    if found:
        return found
    for pattern, kind in _words().title_horizons:
        m = pattern.search(folded)
        if m:
            return _horizon_value(m, kind)
    return None


def _head_horizon(document: Document, citations: list[tuple[int, int]]) -> str | None:
    """The first horizon stated in the head of a document without a title line: its lines before the
    first body block, citations blanked (a cited document's period is not the plan's)."""
    for block in document.blocks:
        if block.role != "header":
            break
        chars = list(document.fold[block.start : block.end])
        for s, e in citations:
            for k in range(max(s, block.start), min(e, block.end)):
                chars[k - block.start] = " "
        folded = " ".join(_QUOTED_NAME.sub(" ", "".join(chars)).split())  # a quoted name's period is its own
        found = _strict_horizon(folded)
        if found:
            return found
        if _words().type_opening.match(folded):  # "CHƯƠNG TRÌNH HÀNH ĐỘNG … NHIỆM KỲ 2025-2030": type and title
            for pattern, kind in _words().title_horizons:
                m = pattern.search(folded)
                if m:
                    return _horizon_value(m, kind)
    return None


@lru_cache(maxsize=1024)
def _strict_horizon(folded: str) -> str | None:
    """(Remembered: `_by` asks again for the same lead-in, heading or sentence for every count under it; over
    the corpus three asks in four repeat an earlier one.)"""
    w = _words()
    excluded = [m.span() for m in w.horizon_excluded.finditer(folded)]
    best: tuple[int, str] | None = None
    for pattern, kind in w.horizons:
        for m in pattern.finditer(folded):
            if any(s <= m.start() < e for s, e in excluded):
                continue
            value = _horizon_value(m, kind)
            if value and (best is None or m.start() < best[0]):
                best = (m.start(), value)
            break
    return best[1] if best else None


def _horizon_value(m: regex.Match, kind: str) -> str | None:
    if kind == "date":
        return parse_date(m.group("date"))
    year = int(m.group("year"))
    if kind == "year_end":
        return f"{year}-12-31"
    if kind == "half_end":
        return f"{year}-06-30"
    if kind == "month_end":  # "đến tháng 6/2026": the month's last day, as a quarter gives its own
        month = int(m.group("month"))
        return f"{year}-{month:02d}-{monthrange(year, month)[1]:02d}" if 1 <= month <= 12 else None
    if kind == "quarter_end":
        q = m.group("quarter")
        month, day = _QUARTER_END[_ROMAN.get(q, q)]
        return iso_date(day, month, year)
    return str(year)


# --- the extractor -----------------------------------------------------------------------------


class _Context:
    """What the rules need to know about the document around a number."""

    def __init__(self, document: Document):
        self.document = document
        self.sections: dict[str, Section] = {s.path: s for s in document.sections}
        self.headings = sorted(document.sections, key=lambda s: s.start)
        self.segments = _segments(document)
        self.masked, self.citations = _masked_spans(document)
        self.mask_starts = [s for s, _ in self.masked]
        self.citation_starts = [s for s, _ in self.citations]
        # what `unmasked` blanks: citations, and dates that say who qualifies ("nhập ngũ từ ngày … trở về trước",
        # "đã từ trần trước ngày 01 tháng 01 năm 2009")
        eligibility = [m.span() for m in _words().eligibility_date.finditer(document.fold)]
        self.blanked = sorted(self.citations + eligibility)
        self.blanked_starts = [s for s, _ in self.blanked]
        plan_date = None
        if document.header.place_date:
            span = document.header.place_date
            plan_date = parse_partial_date(document.text[span.start : span.end])
        self.plan_year = int(plan_date[:4]) if plan_date else None
        self.title_horizon = _title_horizon(document, self.citations)
        self.looking_back = report_looks_back(document)
        self.labels = _year_labels(document, self.segments)
        self.heading_blocks: dict[str, Block] = {}
        for block in document.blocks:
            if block.role == "heading" and block.section is not None:
                self.heading_blocks.setdefault(block.section, block)

    def chain(self, path: str | None) -> list[Section]:
        """The section at `path` and its ancestors, innermost first."""
        out: list[Section] = []
        while path:
            section = self.sections.get(path)
            if section is None:
                break
            out.append(section)
            path = section.parent
        return out

    def lead_in(self, index: int) -> tuple[_Segment | None, bool]:
        """The paragraph ending with ":" that introduces segment `index`, and whether no full stop
        stands between them (so that the lead-in's sentence runs on into this segment)."""
        segment = self.segments[index]
        unbroken = True
        i = index - 1
        while i >= 0:
            prev = self.segments[i]
            if prev.section != segment.section or prev.role == "heading":
                return None, unbroken
            body = self.document.text[prev.start : prev.end].rstrip()
            if body.endswith(":"):
                return prev, unbroken
            if prev.role == "paragraph" and not self._one_sentence(prev):
                return None, unbroken  # running text between: the lead-in, if any, is not this segment's
            if prev.role not in ("list_item", "cell", "paragraph"):
                return None, unbroken
            if body.endswith("."):
                unbroken = False
            i -= 1
        return None, unbroken

    def _one_sentence(self, segment: _Segment) -> bool:
        """Is the paragraph one sentence, as a list's item is? A conversion that lost the items' dashes ("Phấn
        đấu đến hết năm 2027, đạt các chỉ tiêu sau:" / "90% hộ gia đình có địa chỉ số." / "Ít nhất 70% …")
        leaves them paragraphs; they still stand under the lead-in."""
        text = self.document.text
        return _sentence_end(text, segment.start, segment.end) >= len(text[: segment.end].rstrip(" .;")) - 1

    def unmasked(self, start: int, end: int) -> str:
        """Folded text of [start, end) with citations and their dates blanked out, and the dates that bracket
        who qualifies ("nhập ngũ từ ngày 30 tháng 4 năm 1975 trở về trước"): neither is a horizon, nor the
        past year of a statistic."""
        folded = self.document.fold[start:end]
        i = max(bisect_right(self.blanked_starts, start) - 1, 0)
        chars = list(folded)
        while i < len(self.blanked) and self.blanked[i][0] < end:
            s, e = self.blanked[i]
            for k in range(max(s, start), min(e, end)):
                chars[k - start] = " "
            i += 1
        return "".join(chars)


def _year_labels(document: Document, segments: list[_Segment]) -> list[int | None]:
    """For each segment, the year of the label it stands under ("* Năm 2026: (02 cuộc kiểm tra …)" and
    the lines after it), or None. A label holds until the next label, a heading or the section's end:
    a programme's schedule by year, each year's lines read as under a heading "Năm 2026"."""
    out: list[int | None] = []
    current: int | None = None
    section: str | None = None
    for segment in segments:
        if segment.role == "heading" or segment.section != section:
            current = None
        section = segment.section
        if segment.role != "cell":
            label = year_label(document, segment.start, segment.end)
            if label:
                current = int(label.group("year"))
        out.append(current)
    return out


def _planned_year(ctx: _Context, year: int | None) -> bool:
    """Is `year` one the plan can still commit to (not before the plan's own year)? Unknown where the
    plan has no date."""
    return year is not None and (ctx.plan_year is None or year >= ctx.plan_year)


def _in_target_section(ctx: _Context, segment: _Segment, lead: _Segment | None) -> bool:
    """Under a "Mục tiêu" / "Chỉ tiêu" heading, or after a lead-in that names one."""
    w = _words()
    if any(w.target_section.search(s.title.lower()) for s in ctx.chain(segment.section)):
        return True
    return bool(lead and w.target_section.search(ctx.document.fold[lead.start : lead.end]))


def _splits_a_word(folded: str, q: Quantity, floor: int) -> bool:
    """Does the number stand inside a word ("báo 6 cáo", "phối 9 hợp")? A page number that a
    conversion left in a sentence; the normalizer removes it only where the document shows the
    word unbroken elsewhere. Decided with underthesea's word list."""
    before = _WORD_BEFORE.search(folded[max(floor, q.start - 20) : q.start])
    after = _WORD_AFTER.match(folded[q.number_end : q.number_end + 20])
    if not before or not after or before.group(1) in _words().number_lead:
        return False  # "có 50 người": "có" leads a number, "có người" is no broken word here
    words = compound_words()
    if f"{before.group(1)} {after.group(1)}" not in words:
        return False
    # Each syllable already whole in a word of its own side ("ban hành 03 văn bản": "ban hành", "văn bản"):
    # the number stands between two words, even though "hành văn" is a word too.
    earlier = _WORD_BEFORE.search(folded[max(floor, q.start - 40) : q.start - len(before.group(0))])
    later = _WORD_AFTER.match(folded[q.number_end + len(after.group(0)) : q.number_end + len(after.group(0)) + 20])
    closes = earlier is not None and f"{earlier.group(1)} {before.group(1)}" in words
    opens = later is not None and f"{after.group(1)} {later.group(1)}" in words
    return not (closes and opens)


def _candidates(ctx: _Context, index: int, nlp: bool) -> list[_Candidate]:
    """The quantities of one segment that are quantities at all, with their clause, sentence and unit."""
    document = ctx.document
    segment = ctx.segments[index]
    folded, text = document.fold, document.text
    found: list[_Candidate] = []
    for local in scan_quantities(folded[segment.start : segment.end]):
        q = Quantity(
            start=local.start + segment.start,
            end=local.end + segment.start,
            number_start=local.number_start + segment.start,
            number_end=local.number_end + segment.start,
            value=local.value,
            value_max=local.value_max,
            percent=local.percent,
            comparator=local.comparator,
        )
        if _inside(ctx.masked, ctx.mask_starts, q.number_start, q.number_end):
            continue
        if _not_a_quantity(folded, q, segment.start):
            continue
        plain = not q.percent and q.comparator == "=" and q.value_max is None
        if nlp and plain and _splits_a_word(folded, q, segment.start):
            continue
        s_start = _sentence_start(text, segment.start, q.start)
        s_end = _sentence_end(text, q.end, segment.end)
        c_start, c_end = _clause_bounds(text, s_start, s_end, q.start)
        if q.percent and _criterion(folded, c_start, q.start):
            continue
        c = _Candidate(q=q, segment=index, clause_start=c_start, clause_end=c_end, sentence_start=s_start)
        if not q.percent:
            c.unit, c.unit_end, stop = _unit(document, q.end, c_end)
            bracketed = _BRACKETED_UNIT.match(text, q.end, c_end) if c.unit is None else None
            words_after = bracketed and _WORD_TOKEN.match(folded[bracketed.end() : c_end].lstrip())
            if bracketed and words_after and "/" not in bracketed.group(1):
                bracketed = None  # "03 (ba) bộ hồ sơ": the number restated in words, the unit after it
            if bracketed:  # "0,2 (lít xăng/km)": a unit in brackets right after the number (round 5)
                c.unit, c.unit_end = " ".join(bracketed.group(1).split()), bracketed.end()
            if c.unit is None:
                continue  # a bare number names no counted thing
            comparator = _words().comparators_after.get(" ".join(stop.split())) if stop else None
            if comparator:
                c.q = Quantity(**{**q.__dict__, "comparator": comparator})
        else:
            c.unit_end = q.end
        found.append(c)
    return found


def _criterion(folded: str, clause_start: int, pos: int) -> bool:
    """Does the figure say who qualifies, not what is to be reached: a rate that people "have"
    ("thương binh, bệnh binh có tỷ lệ suy giảm khả năng lao động từ 61% đến 80%"), with no linking word
    between the rate and the figure (not "các xã có tỷ lệ hộ dùng nước sạch đạt 95%"), as "trẻ em dưới 15
    tuổi" brackets a population. A regulation's beneficiaries are listed so; the rate is no target. (A
    change verb is no break: "suy giảm" is part of what the rate measures.)"""
    w = _words()
    openers = list(w.criterion.finditer(folded, clause_start, pos))
    return bool(openers) and not w.criterion_break.search(folded, openers[-1].end(), pos)


def _is_statistic(ctx: _Context, c: _Candidate) -> bool:
    """A figure of the current or past state, told by a marker ("hiện nay có", "đã đạt") or a past
    year ("Năm 2024 toàn xã có …") before it in its clause (a later clause may still commit)."""
    w = _words()
    before = ctx.unmasked(c.clause_start, c.q.start)
    if w.statistic.search(before):
        return True
    titles = [s.title.lower() for s in ctx.chain(ctx.segments[c.segment].section)]
    if any(w.statistic_section.search(t) for t in titles) and not any(w.target_section.search(t) for t in titles):
        return True  # "I. KẾT QUẢ THỰC HIỆN NĂM 2024", "Thực trạng": figures of the past
    if not ctx.plan_year:
        return False
    years = [int(y) for y in w.year_mention.findall(before)]
    when = horizon(ctx.unmasked(c.clause_start, c.clause_end))
    if when:
        years.append(int(when[:4]))
    return any(y < ctx.plan_year for y in years)


def _money(c: _Candidate) -> bool:
    """Is the candidate an amount of money ("500.000 đồng/hộ nghèo", "50.000 triệu đồng")?"""
    return bool(c.unit) and bool(_words().money.fullmatch(" ".join(fold(c.unit or "").split())))


def _level_before(ctx: _Context, c: _Candidate) -> bool:
    """The level a change starts from: "từ 80.000 đồng/người/tháng lên 240.000 đồng/người/tháng" raises it to
    the second figure, the target; the first is the level before it (round 4)."""
    w, folded = _words(), ctx.document.fold
    if not w.range_open_head.match(folded[c.q.start : c.q.number_start]):
        return False
    after = folded[c.q.number_end : min(c.clause_end, c.q.number_end + 80)]
    digit = _DIGIT_RE.search(after)
    return bool(digit) and bool(w.change_to.search(after[: digit.start()]))


def _committed_count(ctx: _Context, c: _Candidate, in_target_section: bool, nlp: bool = False) -> bool:
    """A plain count outside a target section needs a commitment word just before it, or (with `nlp`) to be
    the object of the verb that opens its clause; an amount of money needs neither, the text sets it."""
    if c.q.percent or c.q.comparator != "=" or c.q.value_max is not None:
        return True
    w = _words()
    if _money(c):
        return True  # "được trợ cấp 500.000 đồng/suất": an amount the text sets (round 3: fixed rates are targets)
    if _counts_parts(ctx, c):
        return False
    if in_target_section:
        return True
    before = ctx.document.fold[c.clause_start : c.q.start]
    window = " ".join(before.split()[-w.cue_window :])
    if w.cue_before.search(window) or w.aspiration.search(ctx.document.fold[c.sentence_start : c.q.start]):
        return True
    if horizon(ctx.unmasked(c.clause_start, c.clause_end)) is not None:
        return True
    return nlp and _directive_object(ctx, c)


def _counts_parts(ctx: _Context, c: _Candidate) -> bool:
    """Does the count say what a thing is made of ("Ban Chỉ đạo gồm 13 thành viên", "Hồ sơ gồm 01 bản chính và
    02 bản sao")? A word of composition before it in its clause, and no figure before that word: the whole is
    a thing, not a quantity the plan commits to (the parts of a committed total, "05 mô hình, gồm …", stay
    targets, as round 4 decided)."""
    w, folded = _words(), ctx.document.fold
    before = folded[c.clause_start : c.q.start]
    found = [m for m in w.composition.finditer(before)]
    return bool(found) and not _DIGIT_RE.search(before[: found[-1].start()])


# A list mark before a clause ("- ", "+ ", "a) ", "2. "): no word of it.
_LIST_MARK = regex.compile(r"^[\s\-+•*–—]*(?:(?:\d{1,2}|[^\W\d_])[.)]\s+)*")
_DIGIT_RUN = regex.compile(r"\d+(?:[.,]\d+)*")
# underthesea's tags of a chain of verbs ("hoàn thành lắp đặt", "xây dựng và nhân rộng", "trồng mới"): verbs,
# adverbs, a coordinator, a comma.
_VERB_CHAIN = frozenset({"V", "R", "C", "CH"})


def _directive_object(ctx: _Context, c: _Candidate) -> bool:
    """Is the count the object of the verb that opens its clause ("Phát động 02 đợt thi đua", "Kết nạp 20
    đảng viên mới")? A plan's task item opens with its verb and has no subject: a number it tells to do is a
    commitment (gold-guidelines: a number the plan promises to do), whatever the verb, so no list of verbs
    decides it. Told by underthesea's POS tagger on the clause, lower-cased and after a modal ("cần …": a
    capital, or a verb opening a short string, makes it tag the verb a noun): every word before the figure
    belongs to a chain of verbs that opens the clause ("Hoàn thành lắp đặt 30 camera", "Trồng mới 5.000 cây
    xanh"), the last of them (adverbs such as "mới" skipped) no word of composition or existence. A clause
    with a subject ("Ban Chỉ đạo gồm 15 thành viên", "Tiền ăn sáng và 02 bữa chính"), a count after the
    verb's own object ("Xây dựng dự toán …, kinh phí … trợ cấp 1 lần") or after "gồm" describes; a count
    for whom the work is done, after the verb's object and a marker of it ("Cấp thẻ bảo hiểm y tế cho 300
    người", "Phổ biến pháp luật đến 2.000 lượt người dân"), is what the item tells to do. Asked only
    of plain counts that no commitment word or
    horizon already decided."""
    text = ctx.document.text
    prefix = text[c.clause_start : c.q.start]
    mark = _LIST_MARK.match(prefix)
    prefix = prefix[mark.end() :] if mark else prefix
    if not prefix.strip():
        return False
    probe = _words().probe_modal
    tags = pos_tag(f"{probe} {prefix}{text[c.q.start : c.unit_end]}".lower())[1:]
    figures = len(_DIGIT_RUN.findall(prefix))
    at = next((i for i, (word, _) in enumerate(tags) if _DIGIT_RE.search(word) and (figures := figures - 1) < 0), None)
    if not at or tags[0][1] != "V":
        return False
    if any(tag not in _VERB_CHAIN for _, tag in tags[:at]):
        # "Cấp thẻ bảo hiểm y tế cho 300 người": the verb's object, then a marker of whom it is for, then the
        # figure; no comma between (a new clause: "Tổ chức giải …, với 6 đội tham gia")
        marker = " ".join(tags[at - 1][0].split())
        return marker in _words().object_markers and all(tag != "CH" for _, tag in tags[:at])
    before = at - 1
    while before > 0 and tags[before][1] == "R":
        before -= 1
    word, tag = tags[before]
    return tag == "V" and " ".join(word.split()) not in _words().describing


def _split_clause(ctx: _Context, kept: list[_Candidate]) -> list[_Candidate]:
    """Drop numbers that qualify an earlier target of their clause; share the clause between the rest."""
    w = _words()
    folded = ctx.document.fold
    out: list[_Candidate] = []
    for c in kept:
        c.start, c.end = c.clause_start, c.clause_end
        prev = out[-1] if out else None
        if prev is not None and prev.clause_start == c.clause_start:
            between = folded[prev.unit_end : c.q.start]
            breaks = list(w.coordinator_then_cue.finditer(between))
            if not breaks:
                # "… đạt 80%, tỷ lệ … đạt 95%": the later number has its own linking verb
                coordinators = list(w.coordinator.finditer(between))
                if coordinators and w.link_tail.search(between[coordinators[-1].end() :]):
                    breaks = coordinators[-1:]
                elif coordinators and w.composition.match(between[coordinators[-1].end() :].lstrip()):
                    breaks = coordinators[-1:]  # "05 mô hình, gồm 02 mô hình …": a part of the total (round 4)
            if not breaks and prev.q.percent and c.q.percent:
                # a percentage never qualifies another one: "… 80% (năm 2025 70%)" is a milestone of the same
                # measure, "… 60%, tỉnh miền núi 30%" a list of measures
                milestone = w.milestone.search(between)
                if milestone:
                    prev.end = prev.unit_end + milestone.start()
                    c.start = prev.end + 1
                    out.append(c)
                    continue
                breaks = list(w.coordinator.finditer(between))[-1:]
            if not breaks and ((_money(prev) and _money(c)) or c.q.comparator != "="):
                # "tối đa 500.000 đồng/hộ nghèo, 400.000 đồng/hộ cận nghèo": a list of rates, the bound written once
                # before it bounding each; "35.000 đồng/người/ngày, tối đa không quá 20 ngày": a bound of its own
                breaks = list(w.coordinator.finditer(between))[-1:]
            if breaks and _money(prev) and _money(c) and c.q.comparator == "=" and not between.strip(" ,;"):
                c.q = Quantity(**{**c.q.__dict__, "comparator": prev.q.comparator})
            if not breaks:
                continue  # "… với tốc độ trên 01 Gb/s": part of the earlier target's indicator
            cut = prev.unit_end + breaks[-1].start()
            prev.end = cut
            c.start = cut + 1 if folded[cut] in ",;" else cut + len(breaks[-1].group().split()[0])
        out.append(c)
    return out


def _trim_quote(ctx: _Context, c: _Candidate) -> None:
    """End the quote before a parenthesis, a purpose clause or a cited source that follows the quantity."""
    w = _words()
    folded = ctx.document.fold
    end = c.end
    after = c.unit_end
    restated = _RESTATED.match(folded[after:end])
    if restated:
        after += restated.end()  # "100% (12/12) thôn …": the parenthesis restates the figure
    paren = folded.find(" (", after, end)
    if paren >= 0:
        end = paren
    m = w.quote_end.search(folded, c.unit_end, end)
    if m:
        end = m.start()
    i = bisect_right(ctx.mask_starts, c.unit_end)
    while i < len(ctx.masked) and ctx.masked[i][0] < end:
        s = ctx.masked[i][0]
        intro = w.citation_intro.search(folded[max(c.unit_end, s - 30) : s])
        if intro:
            end = max(c.unit_end, s - 30) + intro.start()
            break
        i += 1
    text = ctx.document.text
    lead = w.aspiration_head.match(folded, c.start, c.q.start + 1)
    if lead:
        c.start = lead.end()  # "Phấn đấu 100% …": the clause starts at the quantity
    while end > c.unit_end and (text[end - 1].isspace() or text[end - 1] in ".…"):
        end -= 1  # a quote carries no closing full stop
    c.end = end
    _balance_brackets(text, c)
    _take_label(ctx, c)


def _balance_brackets(text: str, c: _Candidate) -> None:
    """A quote that a parenthesis opens or closes around a list ("(02 cuộc kiểm tra, 02 cuộc giám
    sát)") keeps neither bracket of the pair it cuts."""
    while c.start < c.q.start and text[c.start].isspace():
        c.start += 1
    quote = text[c.start : c.end]
    if quote.startswith("(") and quote.endswith(")") and quote.count("(") == quote.count(")") == 1:
        c.start, c.end = c.start + 1, c.end - 1  # "(02 cuộc kiểm tra)": the whole quote in brackets
        return
    if quote.startswith("(") and ")" not in quote:
        c.start += 1
        while c.start < c.q.start and text[c.start].isspace():
            c.start += 1
    quote = text[c.start : c.end]
    if quote.endswith(")") and quote.count(")") > quote.count("("):
        c.end -= 1


def _take_label(ctx: _Context, c: _Candidate) -> None:
    """A clause that is only a figure and its unit after a short label ("Về kiểm tra: 02 cuộc") states
    what it counts in the label: the quote starts at the label."""
    text = ctx.document.text
    if text[c.start : c.q.start].strip() or text[c.unit_end : c.end].strip():
        return
    before = text[c.sentence_start : c.start].rstrip()
    if not before.endswith(":"):
        return
    label_start = c.sentence_start
    for m in _CLAUSE_END.finditer(text, c.sentence_start, len(before) + c.sentence_start - 1):
        label_start = m.end()
    label = text[label_start : c.sentence_start + len(before)]
    if 0 < len(label.split()) <= _words().label_max_words:
        c.start = label_start + len(label) - len(label.lstrip())


def _by(ctx: _Context, c: _Candidate, lead: _Segment | None) -> str | None:
    """`by`: the quote's own horizon, then its sentence's, its lead-in's, its table column's, its headings',
    and last the plan's own, from its title."""
    before = ctx.unmasked(c.sentence_start, c.start)
    if _named_item(before):
        before = ""  # "Đề án … giai đoạn 2022-2025: 50.000 triệu đồng": the period is the programme's name
    found = horizon(ctx.unmasked(c.start, c.end)) or _nearest_horizon(before)
    if found:
        return found
    if lead is not None:
        found = horizon(ctx.unmasked(lead.start, lead.end), heading=True)
        if found:
            return found
    label = ctx.labels[c.segment]
    if label is not None:
        return str(label)  # under "Năm 2026:", a label that heads the lines after it
    segment = ctx.segments[c.segment]
    block = segment.blocks[0]
    if block.table is not None and block.column is not None and block.table < len(ctx.document.tables):
        columns = ctx.document.tables[block.table].columns
        if block.column < len(columns):
            found = horizon(columns[block.column].header.lower(), heading=True)  # "Mục tiêu đến năm 2026"
            if found:
                return found
    chain = ctx.chain(segment.section)
    found = _own_time_line(ctx, chain[0]) if chain else None
    if found:
        return found
    for section in chain:
        # nearest first: the heading the target stands under, then the time line of the item that heading is
        # a part of, then the heading above, and so on (a plan's closing "V. THỜI GIAN THỰC HIỆN: …" is no
        # nearer than "1. Mục tiêu đến năm 2030" over the target)
        found = horizon(section.title.lower(), heading=True) or _item_time_line(ctx, section)
        if found:
            return found
    # A misnumbered sub-heading may have left the target outside the heading that gives its horizon:
    # take the nearest heading above it in the same top-level section.
    top = chain[-1].path if chain else None
    for section in reversed(ctx.headings):
        if section.start >= c.start:
            continue
        if top is not None and section.path.split(".")[0] != top:
            break
        found = horizon(section.title.lower(), heading=True)
        if found:
            return found
    found = _unnumbered_heading_horizon(ctx, c.segment)
    return found or ctx.title_horizon


def _named_item(before: str) -> bool:
    """Is the text before the figure only the name of a programme it is allotted to ("Đề án nâng cao năng lực
    … giai đoạn 2022-2025:")? A period there names the programme (as a year in a cited programme's name is
    no deadline); the figure's time is its lead-in's or heading's ("kế hoạch vốn năm 2023")."""
    text = before.strip()
    return text.endswith(":") and ":" not in text[:-1] and bool(_words().type_opening.match(text))


def _nearest_horizon(before: str) -> str | None:
    """The horizon of the text before a quantity in its sentence, nearest part first: in "Năm 2026: 60% …;
    năm 2027: 80% …" the later figure's year is 2027 (gold-guidelines: `by` is the nearest horizon), while
    "Đến năm 2030, tỷ lệ … đạt 80%" reads its one horizon as before."""
    for part in reversed(before.split(";")):
        found = horizon(part)
        if found:
            return found
    return None


def _item_time_line(ctx: _Context, section: Section) -> str | None:
    """The end of the time the target's item states in its own time line, a heading beside the target's
    ("1. Nội dung …" / "3. Thời gian thực hiện: Tháng 11, 12/2013 và thường xuyên"): the round-3 decision
    that a target whose sentence gives no date takes `by` from its item's "Thời gian thực hiện" line. A
    whole year gives the year ("2026"), a shorter period or a date its last day. Looked for among the
    siblings of one section of the target's chain (`_by` asks innermost first, each level's own heading
    before its siblings' time line, so the nearest horizon wins)."""
    w, folded = _words(), ctx.document.fold
    for sibling in ctx.headings:
        if sibling.parent != section.parent or sibling.path == section.path:
            continue
        block = ctx.heading_blocks.get(sibling.path)
        if block is None:
            continue
        end = block.end
        label = w.time_label.match(folded, block.start, end)
        if label is None:
            continue
        specs = [spec for spec in parse_time_expressions(folded[label.end() : end]) if spec.end]
        if specs:
            last = max(specs, key=lambda spec: spec.end or "")
            return last.end[:4] if _whole_years(last) else last.end
    return None


def _own_time_line(ctx: _Context, section: Section) -> str | None:
    """The end of the time a line of the target's own item states ("1. Rà soát dữ liệu …" / "Hoàn thành …
    100% …" / "Thời gian hoàn thành: trước 30/6/2026"): gold-guidelines, a task item's own time line gives
    `by` to the target stated in that item. Only the innermost section, and only a line that opens with
    the label; a whole year gives the year, a shorter period or a date its last day."""
    w, folded = _words(), ctx.document.fold
    start = folded.find("\n", section.start, section.end)  # past the heading's own line
    while 0 <= start < section.end:
        line_end = folded.find("\n", start + 1, section.end)
        line_end = section.end if line_end < 0 else line_end
        label = w.time_label.match(folded, start + 1, line_end)
        if label is not None:
            specs = [spec for spec in parse_time_expressions(folded[label.end() : line_end]) if spec.end]
            if specs:
                last = max(specs, key=lambda spec: spec.end or "")
                return last.end[:4] if _whole_years(last) else last.end
        start = line_end if line_end > start else -1
    return None


def _whole_years(spec: DeadlineSpec) -> bool:
    """Does the time name whole years ("Năm 2026", "Từ năm 2013 đến năm 2020", "đến năm 2030"), so that `by`
    is the year, as a heading's "Năm 2026" gives it? Not a quarter, a month or a date ("trước 31/12/2026")."""
    if spec.end is None or not spec.end.endswith("-12-31"):
        return False
    if spec.kind == "horizon":
        return True
    return spec.kind == "period" and spec.start is not None and spec.start.endswith("-01-01")


def _unnumbered_heading_horizon(ctx: _Context, index: int) -> str | None:
    """The horizon of a short line above the target that reads as a heading the structure did not number
    ("I Mục tiêu đến hết năm 2010" where the conversion lost its full stop): a few words, no closing
    punctuation, a target word ("mục tiêu", "chỉ tiêu"). Looked for only among the few lines above that stand
    in the target's own section, one of its ancestors or no section (the numbered headings on the way gave
    no horizon, or `_by` would not ask); a line of another section is not over the target ("3. Chỉ tiêu năm
    2026" over a table is not the heading of "II. NHIỆM VỤ" after it)."""
    w = _words()
    own = {None, *(section.path for section in ctx.chain(ctx.segments[index].section))}
    for i in range(index - 1, max(-1, index - w.label_max_words * 4), -1):
        segment = ctx.segments[i]
        if segment.section not in own:
            break  # a line of another section ("3. Chỉ tiêu năm 2026" above "II. NHIỆM VỤ"): not over the target
        text = ctx.document.fold[segment.start : segment.end].strip()
        if len(text.split()) > w.label_max_words * 2 or text[-1:] in ".;:,":
            continue  # a sentence
        # (its figures are read only for a short line: scanning every line above each candidate cost ~1 ms a plan)
        if any(q.percent or not 1900 <= q.value <= 2100 for q in scan_quantities(text)):
            continue  # a line that states figures of its own ("Chỉ tiêu năm 2024 đạt 85%")
        if w.target_section.search(text):
            found = horizon(text, heading=True)
            if found:
                return found
    return None


def _aspirational(ctx: _Context, c: _Candidate, lead: _Segment | None, unbroken: bool) -> bool:
    """ "phấn đấu" earlier in the sentence (to the full stop), in a lead-in whose sentence runs on, or in a heading.
    A lead-in that announces its list ("… tập trung phấn đấu … một số nội dung sau đây:") scopes over every
    item of it, full stops between them or not (round-3 decision)."""
    w, folded = _words(), ctx.document.fold
    if w.aspiration.search(folded[c.sentence_start : c.q.start]):
        return True
    lead_text = folded[lead.start : lead.end] if lead is not None else ""
    if w.aspiration.search(lead_text) and (unbroken or w.list_announcer.search(lead_text)):
        return True
    return any(w.aspiration.search(s.title.lower()) for s in ctx.chain(ctx.segments[c.segment].section))


# --- indicator --------------------------------------------------------------------------------


def _clean(s: str) -> str:
    return " ".join(s.split()).strip(" ,;:.-+")


def _new_clause(piece: str) -> bool:
    """Does this comma piece open a clause of its own ("người dân chỉ phải nhập …")? A modal word
    ("phải", "sẽ", "cần") marks a new predicate. (underthesea's tags were tried here and did worse:
    it tags "công tác" in "kế hoạch công tác hằng năm" as a verb.)"""
    return bool(_words().modal.search(piece.lower()))


def _verb_coordination(tail: str) -> int | None:
    """Where "và" joins a verb phrase to the counted noun phrase ("kết quả điện tử và tái sử dụng
    thông tin"), so that the passive "được …" attaches to the noun phrase alone. Uses underthesea's
    POS tags on the tail only (a few words): a noun before "và", a verb (or prefix + verb) after it,
    and no verb earlier in the tail."""
    coordinator = _words().phrasing.verb_coordinator
    if f" {coordinator} " not in f" {tail} ":
        return None
    tags = pos_tag(tail)
    pos = 0
    for i, (word, tag) in enumerate(tags):
        found = tail.find(word, pos)
        pos = found + len(word) if found >= 0 else pos
        if tag == "V":
            return None
        if word.lower() == coordinator and i > 0 and tags[i - 1][1].startswith("N") and i + 1 < len(tags):
            after = [t for _, t in tags[i + 1 : i + 3]]
            if after[0] == "V" or after[:2] == ["Z", "V"]:
                return found - 1 if found > 0 else None
    return None


def _cut_tail(tail: str) -> str:
    """The words after the figure without adjuncts ("theo quy định", "phù hợp với …"), the plan's own
    locality, a horizon, and a comma clause with its own predicate."""
    w = _words()
    m = w.trailing_cut.search(tail.lower())
    if m:
        tail = tail[: m.start()]
    tail = _drop_locality(tail)
    without = _remove(tail, [p for p, _ in w.horizons])
    opening = w.time_adverb.match(without.lower().lstrip())
    if opening:  # "tăng 20% mỗi năm"; not "kế hoạch công tác hằng năm", where it is part of the noun phrase
        without = without.lstrip()[opening.end() :]
    if without != tail:
        tail = w.horizon_preposition_end.sub("", without.rstrip())
    tail = _RESTATED_HEAD.sub("", tail)  # "100% (12/12) thôn": the parenthesis restates it
    pieces = tail.split(",")
    kept = pieces[0]
    for piece in pieces[1:]:
        has_predicate = (
            any(f" {p} " in f" {kept.lower()} " for p in w.phrasing.predicate_words) or len(kept.split()) >= 6
        )
        if has_predicate and _new_clause(piece.strip()):
            break
        kept += "," + piece
    return _clean(kept)


def _drop_locality(s: str) -> str:
    """Leave out an adjunct that only names the plan's own commune or ward ("của phường", "tại Ủy ban
    nhân dân phường", "cho công dân trên địa bàn xã"): every target of the plan is about it."""
    while True:
        m = _words().locality.search(s.lower())
        if not m:
            return s
        s = s[: m.start()] + s[m.end() :]


def _remove(s: str, patterns: list[regex.Pattern]) -> str:
    """`s` without what the patterns match (matched on its lower case, cut from `s` itself)."""
    for pattern in patterns:
        while True:
            m = pattern.search(s.lower())
            if not m or m.end() == m.start():
                break
            s = s[: m.start()] + " " + s[m.end() :]
    return s


def _clean_prefix(prefix: str) -> str:
    """The words before the figure without horizon, "phấn đấu", time adverbs, wrapper verbs
    ("bảo đảm", "hoàn thành") and the object marker ("đối với") that leads to the figure."""
    w = _words()
    label = w.label_lead.match(prefix.lower()) if prefix.rstrip().endswith(":") else None
    if label:
        prefix = prefix[label.end() :]  # "Về kiểm tra: 02 cuộc": what is counted is "kiểm tra"
    s = _remove(prefix, [p for p, _ in w.horizons] + [w.aspiration, w.time_adverb])
    s = _clean(s)
    while True:
        m = w.wrapper_head.match(s.lower())
        if not m or m.end() == 0:
            break
        s = _clean(s[m.end() :])
    m = w.object_tail.search(s.lower())
    if m:
        s = _clean(s[: m.start()])
    # ", bảo đảm “…”" after the verb phrase: a manner clause, not what is done to the counted thing
    parts = s.split(",")
    for k in range(1, len(parts)):
        if w.wrapper_head.match(parts[k].strip().lower()):
            s = _clean(",".join(parts[:k]))
            break
    return s


def _indicator(ctx: _Context, c: _Candidate, nlp: bool) -> str | None:
    """What is measured, in the document's words: the noun phrase after the figure, with a verb that
    acts on it made passive ("hoàn thành số hoá 10% tài liệu …" → "tài liệu … được số hoá"), or the
    subject of a linking verb ("Tỷ lệ … đạt 80%" → "Tỷ lệ …")."""
    text = ctx.document.text
    prefix = text[c.start : c.q.start]
    tail_start = c.q.number_end if not c.q.percent else c.q.end
    tail = _cut_tail(text[tail_start : c.end])
    head = _clean_prefix(prefix)
    w = _words()
    if head and _measure_only(tail, c):
        # "Mức chi điều dưỡng 2.220.000 đồng/người/lần", "Thời gian … tối thiểu là 5 ngày": the words after the
        # figure are its unit of measure, not a counted thing; what is measured is named before it
        tail = ""
    if not head:
        return tail or None
    if prefix.rstrip().endswith(":") and tail == c.unit:
        return head  # "Về kiểm tra: 02 cuộc": the label names what is counted
    existential = w.existential_tail.search(head.lower())
    if existential:
        # "Mỗi thôn có ít nhất 01 Tổ … hoạt động": "Tổ … hoạt động ở mỗi thôn"
        place = _clean(head[: existential.start()])
        if not tail:
            return place or None
        return f"{tail} {w.phrasing.place_link} {place[0].lower()}{place[1:]}" if place else tail
    link = w.link_tail.search(head.lower())
    if link:
        core = _clean(head[: link.start()])
        change = w.change_head.match(core.lower())
        if change and change.end() < len(core):
            core = _clean(core[change.end() :])  # "Tăng tỷ lệ … lên 70%": the measure is the rate
        if tail and w.tail_not_share.match(tail.lower()):
            tail = ""
        if core and tail:
            if w.share_link.search(head.lower()[link.start() :]):
                # "X chiếm 20% Y": the measure is X's share of Y
                return f"{w.share_noun} {core[0].lower()}{core[1:]} {w.phrasing.share_link} {tail}"
            return f"{core} {w.phrasing.share_link} {tail}"  # "X đạt 3% tổng chi Y": X's share in Y
        return core or tail or None
    if not tail:
        return head
    # The verb before the quantity acts on the counted thing: "hoàn thành số hoá 10% tài liệu …"
    # → "tài liệu … được số hoá".
    if len(head) > 1 and head[1].islower():
        head = head[0].lower() + head[1:]
    split = _verb_coordination(tail) if nlp else None
    passive = _words().phrasing.passive_word
    if split is not None:
        return f"{tail[:split]} {passive} {head} {tail[split:].strip()}"
    return f"{tail} {passive} {head}"


def _measure_only(tail: str, c: _Candidate) -> bool:
    """Is the tail after the figure only its unit, and that unit a measure (money, "đồng/người/lần"; time,
    "ngày", "tháng") rather than a counted thing ("mô hình", "đảng viên")? Told by the money and time units
    of the lexicon (target_words.json)."""
    if not tail or not c.unit:
        return False
    unit = " ".join(fold(c.unit).split())
    if " ".join(fold(tail).split()).rstrip(" ,;:") != unit:
        return False
    w = _words()
    return _money(c) or bool(w.time_unit.fullmatch(unit))


def _table_targets(ctx: _Context) -> list[Target]:
    """Targets of a table of indicators: one per value cell of a "Năm 2030" / "Chỉ tiêu đến năm …" column.

    The quote is the value cell (what states the quantity; its prefix holds the row), the indicator
    the row's indicator cell, the unit "%" or the row's "Đơn vị tính" cell, `by` the column's year.
    A column of past results ("Kết quả năm 2024", a year before the plan's) holds statistics.
    """
    document, w = ctx.document, _words()
    text = document.text
    lex = lexicon()
    out: list[Target] = []
    for table in document.tables:
        value_columns = [i for i, c in enumerate(table.columns) if c.role == "target_value"]
        if not value_columns:
            continue
        headers = [" ".join(c.header.lower().split()) for c in table.columns]
        unit_column = next((i for i, h in enumerate(headers) if h in lex.unit_column_headers), None)
        indicator_column = table.column_of("indicator")
        if indicator_column is None:
            indicator_column = table.column_of("content")
        lead_in = _table_lead_in(ctx, table)
        lead_text = ctx.unmasked(lead_in.start, lead_in.end) if lead_in is not None else ""
        heading_by = horizon(lead_text, heading=True) if lead_text else None
        for section in ctx.chain(table.section):
            heading_by = heading_by or horizon(section.title.lower(), heading=True)
        heading_by = heading_by or ctx.title_horizon  # the plan's own horizon, where nothing nearer gives one
        heading_hope = any(w.aspiration.search(s.title.lower()) for s in ctx.chain(table.section))
        heading_hope = heading_hope or bool(w.aspiration.search(lead_text))
        stt_column = table.column_of("stt")
        for j in value_columns:
            header = headers[j]
            by = horizon(header, heading=True) or heading_by
            if w.statistic_column.search(header) or (by and ctx.plan_year and int(by[:4]) < ctx.plan_year):
                continue
            declared = _declared_unit(ctx, table, j)
            values = [_cell_quantity(ctx, row[j]) if j < len(row) else None for row in table.rows]
            kinds = [_row_mark(document, row, stt_column) for row in table.rows]
            aggregates = _aggregate_rows([q.value if q else None for q in values], kinds)
            for r, row in enumerate(table.rows):
                q = values[r]
                if q is None or r in aggregates:
                    continue  # no figure, or a total or subtotal that sums the rows under it (round 4 decision)
                cell = row[j]
                unit_text = None
                if unit_column is not None and unit_column < len(row):
                    unit_span = row[unit_column]
                    unit_text = " ".join(text[unit_span.start : unit_span.end].split()) or None
                percent = q.percent or unit_text == "%" or "%" in header
                if unit_text is None and not percent:
                    # "500 người": the cell's own words; else the unit declared for the table ("ĐVT: triệu đồng")
                    unit_text = _unit(document, cell.start + q.end, cell.end)[0] or declared
                indicator = None
                if indicator_column is not None and indicator_column < len(row):
                    span = row[indicator_column]
                    indicator = _clean(text[span.start : span.end]) or None
                out.append(
                    Target(
                        **evidence(document, cell.start, cell.end),
                        value=q.value,
                        value_max=q.value_max,
                        unit="%" if percent else unit_text,
                        comparator=q.comparator,
                        indicator=indicator,
                        by=by,
                        aspirational=heading_hope or bool(w.aspiration.search(header)),
                    )
                )
    return out


def _table_lead_in(ctx: _Context, table: Table) -> Block | None:
    """The paragraph right above a table that ends with a colon and introduces it ("Phấn đấu đến năm 2028, đạt
    các chỉ tiêu sau:"), in the table's section: its horizon and "phấn đấu" reach the table's figures as a
    lead-in's reach the items of its list. None where the table follows a heading or other text."""
    blocks = ctx.document.blocks
    first = next((k for k, b in enumerate(blocks) if b.table == table.index), None)
    if not first:
        return None
    before = blocks[first - 1]
    if before.role not in ("paragraph", "list_item") or before.section != table.section:
        return None
    return before if ctx.document.text[before.start : before.end].rstrip().endswith(":") else None


def _cell_quantity(ctx: _Context, cell: Span) -> Quantity | None:
    """The figure a value cell holds ("3.000", "≥ 03"), or None where it holds none or a sentence (read as
    running text)."""
    folded = ctx.document.fold
    if not _numeric_cell(ctx.document, cell):
        return None
    for q in scan_quantities(folded[cell.start : cell.end]):
        if not _inside(ctx.masked, ctx.mask_starts, q.number_start + cell.start, q.number_end + cell.start):
            return q
    return None


_ARABIC_MARK = regex.compile(r"\d+[.)]?")
_ROMAN_MARK = regex.compile(rf"{ROMAN_NUMERAL}[.)]?", regex.IGNORECASE)  # on the folded cell


def _row_mark(document: Document, row: list[Span], stt_column: int | None) -> str | None:
    """The kind of a row's number in the "STT" column: "arabic" (1, 2), "roman" (I, II), "other" (a, an
    empty cell), or None where the table has no such column."""
    if stt_column is None or stt_column >= len(row):
        return None
    mark = "".join(document.fold[row[stt_column].start : row[stt_column].end].split())
    if _ARABIC_MARK.fullmatch(mark):
        return "arabic"
    return "roman" if _ROMAN_MARK.fullmatch(mark) else "other"


def _aggregate_rows(values: list[float | None], kinds: list[str | None]) -> set[int]:
    """Rows whose figure is the sum of the rows under it: a "TỔNG SỐ" row, a group row ("I | SỞ Y TẾ |
    14.000") over its projects. They repeat what the rows beneath state (round 4: the group subtotals and
    totals of an allocation table are no targets of their own). Read bottom-up, so that a total sums the
    subtotals (each standing for the rows it covers). Where the table numbers its rows, a total is numbered
    apart from what it sums (I over 1, 2, 3; an empty cell over I, II): a project whose figure happens to
    equal the next ones' sum is no total, and a numbering stands above another where it comes first in the
    table (an empty cell over I over 1): a project's row never sums the group row that follows it."""
    rank: dict[str | None, int] = {}
    for kind in kinds:
        rank.setdefault(kind, len(rank))
    n = len(values)
    covers = list(range(1, n + 1))  # the row after the last row a row stands for
    out: set[int] = set()
    for i in range(n - 1, -1, -1):
        v = values[i]
        if v is None or v <= 0:
            continue
        total, parts, j, first = 0.0, 0, i + 1, None
        while j < n and total < v - 1e-9:
            if values[j] is None:
                j += 1
                continue
            first = j if first is None else first
            total += values[j]
            parts += 1
            j = covers[j] if j in out else j + 1
        if first is None or abs(total - v) > 1e-6 * v:
            continue
        if kinds[i] is not None and rank[kinds[i]] >= rank[kinds[first]]:
            continue
        if kinds[i] is None and parts < 2:
            continue
        out.add(i)
        covers[i] = j
    return out


def _declared_unit(ctx: _Context, table: Table, column: int) -> str | None:
    """The unit a table declares once for its figures: in its value column's header ("Kinh phí (ĐVT:
    triệu đồng)", "Kinh phí (triệu đồng)") or on a line just above it ("ĐVT: triệu đồng", "Đơn vị tính:
    người"), as written."""
    w, document = _words(), ctx.document
    header = table.columns[column].header if column < len(table.columns) else ""
    folded_header = fold(header)
    if len(folded_header) == len(header):
        m = w.declared_unit.search(folded_header) or w.bracketed_money.search(folded_header)
        if m:
            return " ".join(header[m.start("unit") : m.end("unit")].split())
    first = next((k for k, b in enumerate(document.blocks) if b.table == table.index), None)
    if first is None:
        return None
    for block in reversed(document.blocks[max(0, first - 3) : first]):
        if block.table is not None:
            break
        m = w.declared_unit.search(document.fold, block.start, block.end)
        if m:
            return " ".join(document.text[m.start("unit") : m.end("unit")].split())
    return None


def extract_targets(document: Document, nlp: bool = True) -> list[Target]:
    """Every quantified commitment of the plan, one record per quantity, in document order."""
    ctx = _Context(document)
    targets: list[Target] = []
    for index, segment in enumerate(ctx.segments):
        if segment.section in ctx.looking_back:
            continue  # a report's account of work done: its figures are results
        lead, unbroken = ctx.lead_in(index)
        in_section = _in_target_section(ctx, segment, lead) or _planned_year(ctx, ctx.labels[index])
        kept = [
            c
            for c in _candidates(ctx, index, nlp)
            if not _is_statistic(ctx, c)
            and not _level_before(ctx, c)
            and _committed_count(ctx, c, in_section, nlp)
        ]
        for c in _split_clause(ctx, kept):
            _trim_quote(ctx, c)
            by = _by(ctx, c, lead)
            if by is not None and not _planned_year(ctx, int(by[:4])):
                continue  # "Năm 2023, …: 100% …" in a plan of 2024: a result of a year already past
            targets.append(
                Target(
                    **evidence(document, c.start, c.end),
                    value=c.q.value,
                    value_max=c.q.value_max,
                    unit="%" if c.q.percent else c.unit,
                    comparator=c.q.comparator,
                    indicator=_indicator(ctx, c, nlp),
                    by=by,
                    aspirational=_aspirational(ctx, c, lead, unbroken),
                )
            )
    targets += [t for t in _table_targets(ctx) if t.section not in ctx.looking_back]
    return sorted(targets, key=lambda t: t.span[0] if t.span else 0)
