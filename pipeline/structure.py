"""Structure: the normalized text of a plan → `Document` (roles, head, heading tree, tables, tail).

A plan has three parts, read in this order:
- the *head*, everything before the first body heading: number line, place-and-date line, the
  document type ("KẾ HOẠCH"), the title lines, the "Căn cứ" paragraphs and the sentence that issues
  the plan. It ends at the first running sentence after the date line (a sentence of 12 words or more, not
  in capitals, outside the title, the issuing sentence and a letter's "Kính gửi" lines): a letter with no
  printed title or heading writes its duties right after "Kính gửi", and they are body text;
- the *body*: headings numbered "I-"/"II.", "1.", "2.1.", "2.1.1.", "a)" and appendices ("PHỤ LỤC I",
  "Phụ biểu II", which become top-level sections named "Phụ lục I", "Phụ biểu II"), with paragraphs,
  list items and tables under them;
- the *tail*: "Nơi nhận:" with its list and the signature ("T/M ĐẢNG ỦY", "BÍ THƯ", the name). It is
  kept out of every section (sections end where it starts) but stays in the text, so metadata can read
  the signer.

When is a numbered line a heading? A plan numbers its headings and its list sentences the same way
("1. Mục đích" is a heading; "1. Cụ thể hóa các quan điểm ..., thành các mục tiêu, dự án cụ thể." is a
numbered paragraph). The rule (`heading_match`): a roman-numbered line is a heading when its title is in
capitals (up to any parenthesis) or short without a final period; an arabic- or letter-numbered line is a
heading when it is written in capitals, or it is at most 160 characters with no ";" and no final "." or
",", or it opens with a short title of at most 8 words followed by ":" ("2. Mục tiêu cụ thể: Chi tiết tại
Phụ lục I."). A Word heading style or a PDF bold line is a hint: it raises the limit to 250 characters and
lets a short title end with "." ("1. Công tác lãnh đạo, chỉ đạo."). Everything else numbered is a
`list_item` with its number as marker.

Tables are joined back where a repeated header row or a page break split them (same columns, no text
between; a repeated header row is dropped), and their columns get roles from the header text through the
lexicon extractors/lexicon/column_roles.json. A vertically merged cell is repeated in each row it spans,
so every body row has one span per column. Header cells have `row=None`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache

import regex
from pydantic import TypeAdapter

from pipeline.document import (
    Block,
    BlockRole,
    Document,
    DocumentHeader,
    Section,
    Span,
    Table,
    TableColumn,
)
from pipeline.lexicon import (
    BodyWordsLexicon,
    CitationCuesLexicon,
    ColumnRolesLexicon,
    DocTypesLexicon,
    DocumentPartsLexicon,
    HeadingsLexicon,
    TimeExpressionsLexicon,
)
from pipeline.markers import (
    APPENDIX_LINE,
    ARABIC_NUMBER,
    BULLET,
    LETTER_ITEM,
    LIST_MARKER,
    NUMBER_LINE,
    RECIPIENTS_LINE,
    ROMAN_MARKER,
    ROMAN_NUMERAL,
    SIGNATURE_LEAD,
)
from pipeline.models import DocWarning
from pipeline.normalize import (
    Line,
    Normalized,
    doc_type_lines,
    fold_text,
    is_type_line,
    normalize,
)
from pipeline.raw import RawDocument, role_from_style

MAX_HEADING_CHARS = 160
MAX_HINTED_HEADING_CHARS = 250
MAX_COLON_TITLE_WORDS = 8

# the markers are normalize's, so both read a line the same way; these add the parts structure needs
_APPENDIX = regex.compile(APPENDIX_LINE.pattern + r"\s*(?P<rest>.*)$")
_ROMAN = regex.compile(ROMAN_MARKER.pattern + r"(?P<title>\S.*)$")
_DECIMAL = regex.compile(rf"^(?P<num>{ARABIC_NUMBER})(?P<sep>\.|\))?\s+(?P<title>\S.*)$")
_LETTER = regex.compile(r"^(?P<num>[a-zđ])(?P<sep>\))\s*(?P<title>\S.*)$")
# "A. MỤC ĐÍCH, YÊU CẦU", "B. NỘI DUNG …": a part above the Roman sections, its title in capitals
_PART = regex.compile(r"^(?P<num>[A-H])\.\s+(?P<title>\S.*)$")
_NUMBERED_ITEM = regex.compile(rf"^(?P<marker>{ARABIC_NUMBER}[.)]?|{LETTER_ITEM}|{BULLET})\s+")
_PARTS = DocumentPartsLexicon.load()
_TIME = TimeExpressionsLexicon.load()
_DAY, _MONTH, _YEAR = _TIME.day_word, _TIME.month_word, _TIME.year_word  # ngày, tháng, năm
_BASIS = _PARTS.basis  # "căn cứ", folded
_PLACE_DATE = regex.compile(
    # a place word may hold an apostrophe or a hyphen ("Đưng K’Nớ", "Đắk R’lấp", "Phan Rang-Tháp Chàm")
    r"(?:\p{Lu}[\p{L}\p{M}'’-]*(?:\s+[\p{L}\p{M}'’-]+){0,4}\s*,\s*)?"
    rf"{_DAY}\s+[\d.…\s]*{_MONTH}\s+[\d.…\s]*{_YEAR}\s+\d{{4}}"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LETTERS = "abcdđeghiklmnopqrstuvxy"

# patterns used inside functions, compiled once
_LOWER = regex.compile(r"\p{Ll}")
_HINT_STYLE = regex.compile(r"(?i)heading|title|bold|strong")
_CLAUSE_CUT = regex.compile(r"[;,]\s+(?=\p{Lu})")
_BASIS_START = regex.compile(r"(?:^|(?<=[;,.]\s))" + regex.escape(_BASIS.capitalize()))
_PERSON_NAME = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}")
_ROW_NUMBER = regex.compile(r"\d{1,3}\.?")
_ROMAN_ONLY = regex.compile(ROMAN_NUMERAL)
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\d]")
_LEAD_END = regex.compile(r"[(:]")  # where a roman heading's lead ends


def roman_value(numeral: str) -> int | None:
    """Value of a roman numeral written the usual way, or None ("IIII", "VX" and "IXA" are not)."""
    if not numeral or any(c not in _ROMAN_VALUES for c in numeral):
        return None  # a table row numbered "C" came here and raised KeyError before C had a value
    total = 0
    values = [_ROMAN_VALUES[c] for c in numeral]
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and values[i + 1] > value else value
    canonical = ""
    rest = total
    symbols = (("C", 100), ("XC", 90), ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
    for symbol, value in symbols:
        while rest >= value:
            canonical += symbol
            rest -= value
    return total if canonical == numeral and total > 0 else None


@dataclass
class HeadingMatch:
    style: str
    """"appendix", "part" ("A." over the Roman sections), "roman", "arabic1" / "arabic2" ... (by number of
    components), "letter"."""
    number: str
    marker: str
    title: str
    title_start: int
    """Offset of the title in the line (after the marker)."""


def _has_lower(text: str) -> bool:
    return bool(_LOWER.search(text))


def _reads_as_heading(title: str, hinted: bool) -> bool:
    if not _has_lower(title):
        return True
    colon = title.find(":")
    if colon > 0 and len(title[:colon].split()) <= MAX_COLON_TITLE_WORDS and ";" not in title[:colon]:
        return True
    if ";" in title and _names_listed(title):
        return len(title) <= MAX_HEADING_CHARS
    if ";" in title or title.rstrip().endswith(","):
        return False
    if title.rstrip().endswith("."):  # "1. Công tác lãnh đạo, chỉ đạo." is a heading only when set as one
        return hinted and len(title) <= MAX_HEADING_CHARS
    return len(title) <= (MAX_HINTED_HEADING_CHARS if hinted else MAX_HEADING_CHARS)


def _names_listed(title: str) -> bool:
    """A heading that lists, with semicolons, the bodies its duties are for ("1. Thủ trưởng các sở, ban, ngành
    tỉnh; Chủ tịch UBND các xã, phường"): every part starts with a capital and the line ends in none of a
    sentence's stops. A list item joins clauses in lower case ("Rà soát …; xây dựng …")."""
    stripped = title.rstrip()
    if not stripped or stripped[-1] in ".;,:":
        return False
    return all(part.strip()[:1].isupper() for part in stripped.split(";"))


def _is_hint(style: str | None) -> bool:
    return bool(style and _HINT_STYLE.match(style))


def heading_match(text: str, style: str | None = None) -> HeadingMatch | None:
    """The heading a line opens, or None (see the module docstring for the rule)."""
    words = HeadingsLexicon.load().appendix_words
    m = _APPENDIX.match(text)
    if m:
        rest = m.group("rest")
        if not rest or rest[0] in ":.-–" or not _has_lower(rest):
            word = words.get(fold_text(" ".join(m.group("word").split())), m.group("word").title())
            title = rest.lstrip(":.-– ").strip()
            return HeadingMatch(
                "appendix", f"{word} {m.group('num')}", m.group(0)[: m.start("rest")].strip(), title, m.start("rest")
            )
        return None
    hinted = _is_hint(style)
    m = _ROMAN.match(text)
    if m and roman_value(m.group("num")) and m.group("title")[0].isupper():
        title = m.group("title")
        lead = _LEAD_END.split(title, maxsplit=1)[0]
        if not _has_lower(lead) or _reads_as_heading(title, hinted):
            return HeadingMatch("roman", m.group("num"), text[: m.start("title")].strip(), title, m.start("title"))
        return None
    m = _PART.match(text)
    if m and not _has_lower(m.group("title")) and _LETTER_OR_DIGIT.search(m.group("title")):
        return HeadingMatch(
            "part", m.group("num"), text[: m.start("title")].strip(), m.group("title"), m.start("title")
        )
    for pattern, style_name in ((_DECIMAL, "arabic"), (_LETTER, "letter")):
        m = pattern.match(text)
        if not m:
            continue
        title = m.group("title")
        if not (title[0].isupper() or title[0].isdigit() or title[0] in '“"('):
            return None
        if style_name == "arabic" and not m.group("sep") and "." not in m.group("num"):
            return None  # "2025 là năm ..." is a sentence, not "2025 ." a heading
        if _reads_as_heading(title, hinted):
            depth = m.group("num").count(".") + 1
            name = f"arabic{depth}" if style_name == "arabic" else "letter"
            return HeadingMatch(name, m.group("num"), text[: m.start("title")].strip(), title, m.start("title"))
        return None
    return None


def _colon_title(title: str) -> str:
    colon = title.find(":")
    if colon > 0 and len(title[:colon].split()) <= MAX_COLON_TITLE_WORDS and _has_lower(title[:colon]):
        return title[:colon].strip()
    return title.strip()


# ---------------------------------------------------------------------------------------------------


@dataclass
class _Entry:
    """One line of the normalized text and what structure decides about it."""

    line: Line
    text: str
    fold: str
    """`fold_text(text)`, cut from the document's fold (`_line_folds`)."""
    role: BlockRole = "paragraph"
    marker: str | None = None
    content_start: int = 0
    heading: HeadingMatch | None = None
    section: str | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    layout: bool = False


@dataclass
class _Builder:
    norm: Normalized
    entries: list[_Entry]
    warnings: list[DocWarning] = field(default_factory=list)
    header: DocumentHeader = field(default_factory=DocumentHeader)
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def span(self, entry: _Entry, start: int = 0, end: int | None = None) -> Span:
        base = entry.line.start
        return Span(start=base + start, end=base + (len(entry.text) if end is None else end))


# A document's blocks are made in one validation of plain dicts rather than one `Block(...)` call each.
_BLOCKS = TypeAdapter(list[Block])


def build_document(raw: RawDocument, doc_id: str) -> Document:
    """Normalize `raw` and structure it: the one entry point the rest of kehoach calls."""
    norm = normalize(raw)
    fold = fold_text(norm.text)
    entries = [
        _Entry(line, text, folded)
        for line, text, folded in zip(norm.lines, *_line_texts(norm, fold), strict=True)
    ]
    builder = _Builder(norm, entries, warnings=list(raw.warnings) + list(norm.warnings))
    body_start = _first_heading(entries)
    _read_head(builder, body_start)
    running = _running_sentence(builder, body_start)
    if running is not None:
        # the head ran on into the body's running text: it ends there, and is read again without it
        builder.header = DocumentHeader()
        for e in entries[running:body_start]:
            e.layout = False
        body_start = running
        _read_head(builder, body_start)
    tail = _read_body(builder, body_start)
    _build_sections(builder, tail)
    _build_tables(builder)
    _assign_sections(builder, tail)
    for table in builder.tables:
        first = next((e for e in entries if e.table == table.index), None)
        table.section = first.section if first else None
    for role in ("signature", "recipients"):
        zone = _first_run(entries, role)
        if zone:
            setattr(builder.header, role, Span(start=zone[0].line.start, end=zone[-1].line.end))
    blocks = _BLOCKS.validate_python(
        [
            {
                "role": e.role,
                "start": e.line.start + e.content_start,
                "end": e.line.end,
                "section": e.section,
                "marker": e.marker,
                "table": e.table,
                "row": e.row,
                "column": e.column,
            }
            for e in entries
        ]
    )
    document = Document(
        doc_id=doc_id,
        path=raw.path,
        format=raw.format,
        text=norm.text,
        fold=fold,
        blocks=blocks,
        sections=builder.sections,
        tables=builder.tables,
        header=builder.header,
        footnotes=dict(raw.footnotes),
        raw_sources=[block.source for block in raw.blocks],
        offsets=norm.offsets,
        pages=raw.pages,
        warnings=builder.warnings,
    )
    for warning in document.warnings:  # ingest and normalize know the offset, not the place in the file
        if warning.span and warning.source is None:
            warning.source = document.locate(warning.span[0])
    return document


def _line_texts(norm: Normalized, fold: str) -> tuple[list[str], list[str]]:
    """Each line's text and its fold. The folds are cut from the whole text's fold, which is the same
    as folding each line where the text is NFC and lower case keeps its length: NFC and lower case
    change nothing across a line break, and the tone move's look-arounds read a line break as they
    read the end of a line. Structure reads every line's fold up to four times; folding each once
    cost ~0.4 ms a plan."""
    text = norm.text
    texts = [text[line.start : line.end] for line in norm.lines]
    if len(fold) == len(text) and len(text.lower()) == len(text) and unicodedata.is_normalized("NFC", text):
        return texts, [fold[line.start : line.end] for line in norm.lines]
    return texts, [fold_text(t) for t in texts]


def _first_run(entries: list[_Entry], role: str) -> list[_Entry]:
    """The first run of lines with `role`, where lines of the other tail role may stand between."""
    run: list[_Entry] = []
    for e in entries:
        if e.role == role:
            run.append(e)
        elif run and e.role not in ("signature", "recipients"):
            break
    return run


def _enacts(folded: str, enacting: set[str]) -> bool:
    return folded.rstrip(" :").strip() in enacting


def _first_heading(entries: list[_Entry]) -> int:
    """Where the head ends: the first body heading or the line after a decision's "QUYẾT ĐỊNH:", or, in a
    plan without either, the line after the sentence that issues the plan (or after the last "Căn cứ").
    Prose between the title and that heading opens the body there (`_opens_the_body`)."""
    enacting = set(HeadingsLexicon.load().enacting_lines)
    for i, e in enumerate(entries):
        found = None
        if e.line.kind == "paragraph" and heading_match(e.text, e.line.style):
            found = i
        elif e.line.kind == "paragraph" and e.text.rstrip().endswith(":") and _enacts(e.fold, enacting):
            found = i + 1  # "QUYẾT ĐỊNH:" between a decision's preamble and its articles
        if found is not None:
            return _prose_before(entries, found)
    last_basis = None
    for i, e in enumerate(entries):
        if e.line.kind != "paragraph":
            continue
        if _issuing_start(e.text, e.fold) is not None:
            return i + 1
        folded = e.fold
        if folded.startswith(_BASIS) or _lost_basis().match(folded):
            last_basis = i
    if last_basis is not None:
        return last_basis + 1
    typed = next((i for i, e in enumerate(entries) if e.fold.strip() in doc_type_lines()), None)
    if typed is not None:
        return min(typed + 2, len(entries))  # the type and one title line
    return _letter_head_end(entries)


def _letter_head_end(entries: list[_Entry]) -> int:
    """A letter with no type line, heading, basis or issuing sentence (number, "V/v …", date line, "Kính gửi …",
    then its text): its head ends at the first running sentence after its date line (`_running_sentence`), else
    there is none (0)."""
    for i, e in enumerate(entries):
        m = _PLACE_DATE.search(e.text)
        if m is None or len(e.text) >= 160 or not _PLACE_DATE_LINE.match(e.text, m.start()):
            continue
        addressees = False
        for j in range(i + 1, len(entries)):
            line = entries[j]
            if line.line.kind == "cell":
                continue
            addressees, running = _head_line_runs(line, addressees)
            if running:
                return j
        return 0
    return 0


def _head_line_runs(e: _Entry, addressees: bool) -> tuple[bool, bool]:
    """(whether a letter's addressee list goes on after this line, whether this line is a running sentence): a
    sentence of at least `_RUNNING_WORDS` words not in capitals, and no addressee line ("Kính gửi: …") or dash
    item under one."""
    if _addressee_opener().match(e.fold):
        return True, False
    if addressees and LIST_MARKER.match(e.text):
        # "- Sở Lao động - Thương binh và Xã hội các tỉnh, …;" under "Kính gửi:"; but a copy that lost the line
        # break after the last addressee runs that item on into the letter's first sentence
        return True, _runs_on(e.text)
    return False, _sentence_long(e.text)


_ITEM_BREAK = regex.compile(r"[,;]")


def _runs_on(text: str) -> bool:
    """An addressee item that ran on into the letter's text: after its last comma or semicolon, where one
    addressee's name ends, comes a whole sentence (at least `_RUNNING_WORDS` words closed by a full stop, not in
    capitals). An addressee's own name ends in a few words ("…, thành phố trực thuộc Trung ương;")."""
    breaks = list(_ITEM_BREAK.finditer(text))
    if not breaks:
        return False
    rest = text[breaks[-1].end() :].strip()
    return _sentence_long(rest) and rest.endswith(".") and not rest.endswith("/.")


def _sentence_long(text: str) -> bool:
    """At least `_RUNNING_WORDS` words and not in capitals: as long as a running sentence, and no heading."""
    return len(text.split()) >= _RUNNING_WORDS and not text.isupper()


# A paragraph of at least this many words that ends a sentence reads as body prose, not as a head line.
_PROSE_MIN_WORDS = 15
_SENTENCE_STOP = regex.compile(r"[.;:]\s*$|\.\s+\p{Lu}")


def _prose_before(entries: list[_Entry], heading_at: int) -> int:
    """The body's first line where prose stands between the title and the first heading: a notice or a
    report that opens with its narrative ("Ngày 26/8/2025, Thường trực Đảng uỷ họp nghe báo cáo …") and
    numbers its points in a way no heading style reads ("1. Về tình hình …; nhiệm vụ …:"), else `heading_at`."""
    types = doc_type_lines()
    typed = next((i for i, e in enumerate(entries[:heading_at]) if e.fold.strip() in types), None)
    if typed is None:
        return heading_at
    for j in range(typed + 2, heading_at):
        e = entries[j]
        if e.line.kind == "paragraph" and _opens_the_body(e.text, e.fold):
            return j
    return heading_at


@cache
def _head_openers() -> regex.Pattern:
    """Openers of head lines that may run as long as prose: a decision's preamble ("Xét …", "Theo đề nghị …")
    and a subject line ("Về việc …", "V/v …")."""
    words = [*CitationCuesLexicon.load().preamble_openers, *TimeExpressionsLexicon.load().letter_subject_words]
    return regex.compile(rf"^\s*(?:{'|'.join(regex.escape(w) for w in sorted(words, key=len, reverse=True))})(?!\w)")


def _opens_the_body(text: str, folded: str) -> bool:
    """A head-zone paragraph that is body prose: a sentence of many words, not in capitals, and none of the
    head's own lines (a basis or preamble line, a subject line, the sentence that issues the plan)."""
    stripped = text.strip()
    if len(stripped.split()) < _PROSE_MIN_WORDS or stripped.isupper() or not _SENTENCE_STOP.search(stripped):
        return False
    lead = folded.strip()
    if lead.startswith(_BASIS) or _lost_basis().match(lead) or _head_openers().match(lead):
        return False
    return _issuing_start(text, folded) is None


# --- head -------------------------------------------------------------------------------------------


@cache
def _issuing_end() -> regex.Pattern:
    """How the sentence that issues the plan ends ("... như sau:"), from the lexicon, compiled once."""
    ends = "|".join(regex.escape(end) for end in HeadingsLexicon.load().issuing_end)
    return regex.compile(rf"(?:{ends})\s*:?\s*$")


def _issuing_start(text: str, folded: str | None = None) -> int | None:
    """Where, in a head line, the sentence that issues the plan starts ("Ban Thường vụ ... như sau:").
    `folded` is `fold_text(text)` where the caller has it."""
    lex = HeadingsLexicon.load()
    folded = fold_text(text) if folded is None else folded
    if not _issuing_end().search(folded):
        return None
    if not any(v in folded for v in lex.issuing_verbs) or not any(o in folded for o in lex.issuing_objects):
        return None
    if not folded.startswith(_BASIS):
        return 0
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(text)]
    for cut in cuts:
        tail = fold_text(text[cut:])
        if not tail.startswith(_BASIS) and any(v in tail for v in lex.issuing_verbs):
            return cut
    return None


def _read_head(b: _Builder, body_start: int) -> None:
    doc_types = doc_type_lines()
    header = b.header
    head = b.entries[:body_start]
    doc_type_at: int | None = None
    data_tables = _data_tables_in(head)
    for i, e in enumerate(head):
        if e.line.kind == "cell":
            if e.line.table in data_tables:
                e.role = "cell"
                continue
            e.layout = True  # a layout table (party name | motto, number | date) is part of the head
        folded = e.fold.strip()
        e.role = "header"
        if header.number_line is None and (m := NUMBER_LINE.search(e.text)) and len(e.text) < 120:
            header.number_line = b.span(e, m.start(), m.end())
        if header.place_date is None and (m := _PLACE_DATE.search(e.text)) and len(e.text) < 160:
            header.place_date = b.span(e, m.start(), m.end())
        if doc_type_at is None and folded in doc_types and e.text.isupper():
            header.doc_type_line = b.span(e)
            doc_type_at = i
    if doc_type_at is None and header.number_line is None:
        _read_self_title(b, head)
    title: list[_Entry] = []
    seen_basis = False
    title_closed = False
    for i, e in enumerate(head):
        if e.line.kind == "cell" or (doc_type_at is not None and i <= doc_type_at):
            continue
        folded = e.fold
        issuing = _issuing_start(e.text, folded)
        if folded.startswith(_BASIS) or _lost_basis().match(folded) or (seen_basis and issuing is None):
            seen_basis = True
            e.role = "basis"
            end = issuing if issuing is not None else len(e.text)
            _add_basis(b, e, end)
            if issuing is not None:
                header.issuing_sentence = b.span(e, issuing)
            continue
        if issuing is not None:
            e.role = "basis"
            header.issuing_sentence = b.span(e, issuing)
            seen_basis = True
            continue
        if title and _reads_as_prose(e.text):
            title_closed = True  # a directive's opening paragraphs follow its title with no "Căn cứ" between
        if doc_type_at is not None and not seen_basis and not title_closed and _LETTER_OR_DIGIT.search(e.text):
            title.append(e)  # a rule under the title ("-----", "*") is decoration, not subject
    if title:
        header.title = Span(start=title[0].line.start, end=title[-1].line.end)


_RUNNING_WORDS = 12
"""A head line in sentence case this long, after the date line, is a running sentence, not a head line."""
_PLACE_DATE_LINE = regex.compile(r"\p{Lu}\p{L}*(?:[ \t]+\p{Lu}\p{L}*)*[ \t]*,")
"""A date line proper opens with its place name and a comma ("Hà Nội, ngày 03 tháng 6 năm 2013"); a date found
inside a portal's headline ("Nghị quyết số 07-NQ/ĐU ngày 13 tháng 3 năm 2026 của …") does not."""


@cache
def _addressee_opener() -> regex.Pattern:
    """ "Kính gửi: …" opens a letter's list of addressees, a head line however long it runs."""
    openers = "|".join(regex.escape(w) for w in sorted(BodyWordsLexicon.load().addressee_openers, key=len)[::-1])
    return regex.compile(rf"^\s*(?:{openers})(?![\p{{L}}\p{{M}}])")


def _running_sentence(b: _Builder, body_start: int) -> int | None:
    """Where the head ends at a running sentence: the first head line after the plan's own date line, outside
    the title and the sentence that issues the plan, that is a sentence (at least `_RUNNING_WORDS` words, not in
    capitals) and not a letter's addressees ("Kính gửi: …" and the dash items under it). A letter without a
    printed title or heading ("Kính gửi …" then "… các nội dung trình Thường trực Đảng ủy trước ngày …") has its
    duties there; a head read up to its first heading (or, with no heading at all, none) would hold them, and
    every extractor would read them as head lines. None where the head has no such line."""
    header = b.header
    date_line = header.place_date
    if date_line is None or not _PLACE_DATE_LINE.match(b.norm.text, date_line.start, date_line.end):
        return None
    addressees = False
    for i, e in enumerate(b.entries[:body_start]):
        if e.line.end <= date_line.end or e.line.kind == "cell" or e.role != "header":
            continue
        if header.title is not None and e.line.start < header.title.end:
            continue
        issuing = header.issuing_sentence
        if issuing is not None and e.line.start < issuing.end and e.line.end > issuing.start:
            continue
        addressees, running = _head_line_runs(e, addressees)
        if running:
            return i
    return None


def _reads_as_prose(text: str) -> bool:
    """A paragraph of running text, which no title line is: longer than any heading, in lower case, closed by a
    full stop ("Thời gian qua, tỉnh … đã có nhiều nỗ lực … ."). It ends a title the head has begun."""
    stripped = text.strip()
    return len(stripped) > MAX_HINTED_HEADING_CHARS and _has_lower(stripped) and stripped.endswith(".")


@cache
def _lost_basis() -> regex.Pattern:
    """A head line that lists a document the plan rests on although its "Căn cứ" was lost in conversion
    (gold decision): "Căn Luật Tổ chức Chính phủ ngày …;" (OCR dropped "cứ"), or a line that opens with a
    document kind and ends with ";" ("Nghị định số 64/2007/NĐ-CP …;"), which no title line does. The
    kinds are the citation kinds of doc_types.json."""
    names = sorted((fold_text(n) for t in DocTypesLexicon.load().types for n in t.names), key=len)
    kinds = "|".join(regex.escape(n) for n in reversed(names))
    opener = regex.escape(_BASIS.split()[0])  # "căn", its "cứ" lost
    return regex.compile(rf"^\s*(?:{opener}\s+(?:{kinds})(?!\w)|(?:{kinds})(?!\w).*;\s*$)")


@cache
def _self_title() -> regex.Pattern:
    """A first line that names the document itself, as a news reprint or an archive copy without a header
    begins: "Nghị quyết số 22/NQ-TU ngày 08/6/2022 ban hành bởi …", "# NGHỊ QUYẾT số 07 -NQ/ĐU ngày 13
    tháng 3 năm 2026 của …". Matched on the folded line; the type words are the head's type lines."""
    types = "|".join(regex.escape(t) for t in sorted(HeadingsLexicon.load().doc_type_lines, key=len)[::-1])
    return regex.compile(
        rf"^[#*\s]*(?P<type>{types})\s+(?P<number>{_PARTS.number_word}\s*:?\s*\d[\d\s./]*[-–/]?\s*\p{{L}}[\p{{L}}\d]*"
        r"(?:\s*[-–/]\s*\p{L}[\p{L}\d]*)+)"
        rf"(?:\s*,?\s*(?P<date>{_DAY}\s+\d{{1,2}}(?:\s+{_MONTH}\s+\d{{1,2}}\s+{_YEAR}\s+\d{{4}}|[/.-]\d{{1,2}}[/.-]\d{{4}})))?"
    )


def _read_self_title(b: _Builder, head: list[_Entry]) -> None:
    """A document with no header of its own, whose first line names it (type, number, date): that line
    gives the type, number and date spans, so the document's own number is not read as a citation."""
    first = next((e for e in head if e.line.kind == "paragraph"), None)
    if first is None:
        return
    m = _self_title().match(first.fold)
    if m is None:
        return
    b.header.doc_type_line = b.span(first, m.start("type"), m.end("type"))
    b.header.number_line = b.span(first, m.start("number"), m.end("number"))
    if m.group("date"):
        b.header.place_date = b.span(first, m.start("date"), m.end("date"))


def _data_tables_in(entries: list[_Entry]) -> set[int]:
    """Tables whose first row is a header of known column roles: data, even when they stand in the head."""
    first_rows: dict[int, list[_Entry]] = {}
    for e in entries:
        if e.line.kind == "cell" and e.line.table is not None:
            row = first_rows.setdefault(e.line.table, [])
            if not row or row[0].line.row == e.line.row:
                row.append(e)
    return {table for table, row in first_rows.items() if _is_header_row(row)}


def _add_basis(b: _Builder, e: _Entry, end: int) -> None:
    """Each "Căn cứ ..." of a line is one basis span, even where two share a paragraph."""
    starts = [m.start() for m in _BASIS_START.finditer(e.text[:end])] or [0]
    for j, start in enumerate(starts):
        stop = starts[j + 1] if j + 1 < len(starts) else end
        piece = e.text[start:stop].rstrip()
        piece_end = start + len(piece)
        b.header.basis.append(b.span(e, start, piece_end))


# --- body and tail ----------------------------------------------------------------------------------


def _looks_like_name(text: str) -> bool:
    return bool(_PERSON_NAME.fullmatch(text.strip()))


def _is_signature_line(text: str, folded: str | None = None) -> bool:
    titles = HeadingsLexicon.load().signature_titles
    if SIGNATURE_LEAD.match(text):
        return True
    return (fold_text(text) if folded is None else folded).strip() in titles


def _read_body(b: _Builder, body_start: int) -> list[tuple[int, int]]:
    """Roles of body lines; returns the tail zones as (first entry, entry after last) pairs."""
    tails: list[tuple[int, int]] = []
    tail_from: int | None = None
    in_recipients = recipients_seen = False
    signature_seen = False
    tail_tables = {
        e.line.table for e in b.entries[body_start:] if e.line.kind == "cell" and _cell_is_tail(e.text, e.fold)
    }
    basis_section = False
    for i in range(body_start, len(b.entries)):
        e = b.entries[i]
        if e.line.kind == "cell":
            if e.line.table in tail_tables:  # "Nơi nhận | T/M ĐẢNG ỦY" laid out side by side in a table
                tail_from = i if tail_from is None else tail_from
                e.layout = True
                e.role = "recipients" if RECIPIENTS_LINE.match(e.text) else "signature"
            else:
                e.role = "cell"
            continue
        text = e.text
        if e.fold.startswith(_BASIS) and basis_section:
            e.role = "basis"  # "I. CĂN CỨ LẬP KẾ HOẠCH": its "Căn cứ ..." paragraphs are the plan's basis
            _add_basis(b, e, len(text))
            continue
        h = heading_match(text, e.line.style)
        if tail_from is not None and ((h and h.style == "appendix") or is_type_line(text)):
            # an appendix, or the document a decision issues ("KẾ HOẠCH" after its signature): the tail ends
            tails.append((tail_from, i))
            tail_from = None
            recipients_seen = False
        if tail_from is None and h:
            e.role, e.heading, e.marker, e.content_start = "heading", h, h.marker, h.title_start
            if h.style in ("roman", "appendix"):
                basis_section = fold_text(h.title).startswith(_BASIS)
            continue
        if RECIPIENTS_LINE.match(text):
            tail_from = i if tail_from is None else tail_from
            in_recipients = recipients_seen = True
            e.role = "recipients"
            continue
        # A list line anywhere in a tail that has a "Nơi nhận" belongs to it: where the list and the
        # signature stand side by side, a PDF reads them across both columns, interleaved.
        if (in_recipients or (tail_from is not None and recipients_seen)) and LIST_MARKER.match(text):
            e.role, e.marker = "recipients", text.split()[0]
            e.content_start = len(e.marker) + 1
            continue
        in_recipients = False
        signs = _is_signature_line(text, e.fold) or (
            tail_from is not None and _looks_like_name(text) and not signature_seen
        )
        if recipients_seen and tail_from is not None and not signs:
            # the rest of a recipient wrapped in a narrow column ("Đảng; - Thủ tướng, các Phó Thủ tướng"):
            # a PDF of a two-column tail breaks each item over several lines that open with no list marker
            e.role = "recipients"
            continue
        if signs:
            tail_from = i if tail_from is None else tail_from
            e.role = "signature"
            signature_seen = signature_seen or _looks_like_name(text)
            continue
        if tail_from is not None:
            e.role = "paragraph"
            continue
        m = _NUMBERED_ITEM.match(text)
        if m:
            e.role, e.marker, e.content_start = "list_item", m.group("marker"), m.end()
        else:
            e.role = "paragraph"
    if tail_from is not None:
        tails.append((tail_from, len(b.entries)))
    return tails


def _cell_is_tail(text: str, folded: str | None = None) -> bool:
    return bool(RECIPIENTS_LINE.match(text) or _is_signature_line(text, folded) or SIGNATURE_LEAD.search(text))


# --- sections ---------------------------------------------------------------------------------------


def _sequence_value(style: str, number: str) -> int | None:
    if style == "roman":
        return roman_value(number)
    if style == "letter":
        return _LETTERS.find(number) + 1 if number in _LETTERS else None
    if style == "part":
        return ord(number) - ord("A") + 1
    if style.startswith("arabic"):
        return int(number.split(".")[-1])
    if style == "appendix":
        numeral = number.split()[-1]
        return int(numeral) if numeral.isdigit() else roman_value(numeral)
    return None


def _build_sections(b: _Builder, tails: list[tuple[int, int]]) -> None:
    stack: list[tuple[str, Section]] = []
    last_number: dict[tuple[str | None, str], int] = {}
    text_end = len(b.norm.text)
    tail_starts = [b.entries[start].line.start for start, _ in tails]
    for e in b.entries:
        h = e.heading
        if h is None:
            continue
        if h.style == "appendix":
            stack = []
        elif any(style == h.style for style, _ in stack):
            while stack and stack[-1][0] != h.style:
                stack.pop()
            stack.pop()
        parent = stack[-1][1] if stack else None
        part = h.number
        if parent is not None and h.style.startswith("arabic") and "." in h.number:
            prefix, _, last = h.number.rpartition(".")
            if parent.number == prefix:
                part = last
        path = f"{parent.path}.{part}" if parent else part
        title = _colon_title(h.title)
        if h.style == "appendix" and not title:
            title = _appendix_caption(b, e)
        section = Section(
            number=h.number,
            path=path,
            title=title,
            level=len(stack) + 1,
            start=e.line.start,
            end=text_end,
            parent=parent.path if parent else None,
        )
        value = _sequence_value(h.style, h.number)
        key = (section.parent, h.style)
        if value is not None:
            previous = last_number.get(key)
            at = (e.line.start, e.line.end)
            marker = e.marker or ""
            if previous is not None and value == previous:
                b.warnings.append(DocWarning.of("heading_repeated", span=at, marker=marker, title=title[:60]))
            elif previous is not None and value > previous + 1:
                b.warnings.append(DocWarning.of("heading_skipped", span=at, marker=marker, previous=previous))
            elif previous is not None and value < previous:
                b.warnings.append(DocWarning.of("heading_back", span=at, marker=marker, previous=previous))
            elif previous is None and value != 1 and h.style != "appendix":
                b.warnings.append(DocWarning.of("heading_start", span=at, marker=marker))
            last_number[key] = value
        for deeper in [k for k in last_number if k[0] and (k[0] == path or k[0].startswith(path + "."))]:
            del last_number[deeper]
        stack.append((h.style, section))
        b.sections.append(section)
        e.section = path
    for i, section in enumerate(b.sections):
        end = text_end
        for later in b.sections[i + 1 :]:
            if later.level <= section.level:
                end = later.start
                break
        for tail_start in tail_starts:
            if section.start < tail_start < end:
                end = tail_start
        section.end = end


def _appendix_caption(b: _Builder, e: _Entry) -> str:
    index = b.entries.index(e)
    for later in b.entries[index + 1 : index + 3]:
        if later.line.kind == "paragraph" and not later.text.startswith("(") and later.heading is None:
            return later.text
    return ""


def _assign_sections(b: _Builder, tails: list[tuple[int, int]]) -> None:
    in_tail = {i for start, end in tails for i in range(start, end)}
    current: str | None = None
    for i, e in enumerate(b.entries):
        if e.heading is not None:
            current = e.section
            continue
        if e.role in ("header", "basis") or i in in_tail:
            e.section = None
            continue
        e.section = current


# --- tables -----------------------------------------------------------------------------------------


@cache
def _role_patterns() -> list[tuple[regex.Pattern, int | None, str]]:
    """Each header word as a whole-word pattern with its length, then each role pattern (length None:
    as long as what it matches), in the lexicon's order, which breaks ties."""
    lexicon = ColumnRolesLexicon.load()
    words = [
        (regex.compile(rf"(?<![\p{{L}}\d]){regex.escape(pattern)}(?![\p{{L}}\d])"), len(pattern), role)
        for role, patterns in lexicon.roles.items()
        for pattern in patterns
    ]
    patterns = [
        (regex.compile(rf"(?<![\p{{L}}\d])(?:{pattern})(?![\p{{L}}\d])"), None, role)
        for role, patterns in lexicon.role_patterns.items()
        for pattern in patterns
    ]
    return words + patterns


@cache
def column_role(header: str) -> str | None:
    """The role of a column from its header text: the longest lexicon pattern found in it wins.
    Shared with the reader of flattened tables (pipeline/ingest/flat_table.py)."""
    folded = " ".join(fold_text(header).replace("/", " / ").split())
    best: tuple[int, str] | None = None
    for pattern, size, role in _role_patterns():
        if best is not None and size is not None and size <= best[0]:
            continue
        m = pattern.search(folded)
        if m is not None and (best is None or (size or len(m.group())) > best[0]):
            best = (size or len(m.group()), role)
    return best[1] if best else None


@dataclass
class _RawTable:
    key: int
    rows: dict[int, list[_Entry]]
    first: int
    last: int

    @property
    def width(self) -> int:
        return max((e.line.column or 0) + e.line.col_span for row in self.rows.values() for e in row)

    def row_texts(self, row: int) -> list[str]:
        return [e.fold.strip() for e in sorted(self.rows[row], key=lambda x: x.line.column or 0)]


def _is_header_row(cells: list[_Entry]) -> bool:
    texts = [c.text for c in cells if c.text.strip()]
    if not texts or any(len(t) > 80 for t in texts):
        return False
    first = texts[0].strip().rstrip(".")
    if _ROW_NUMBER.fullmatch(first) or (_ROMAN_ONLY.fullmatch(first) and roman_value(first)):
        return False  # a numbered row; a Roman numeral numbers a group row ("I | Lĩnh vực kinh tế")
    return sum(column_role(t) is not None for t in texts) * 2 >= len(texts)


def _build_tables(b: _Builder) -> None:
    raw_tables: dict[int, _RawTable] = {}
    for i, e in enumerate(b.entries):
        if e.line.kind != "cell" or e.layout or e.line.table is None:
            continue
        t = raw_tables.setdefault(e.line.table, _RawTable(e.line.table, {}, i, i))
        t.rows.setdefault(e.line.row or 0, []).append(e)
        t.last = i
    groups: list[list[_RawTable]] = []
    for t in sorted(raw_tables.values(), key=lambda t: t.first):
        if groups and _continues_table(b, groups[-1], t):
            groups[-1].append(t)
        else:
            if groups and _adjacent(b, groups[-1][-1], t):
                first = b.entries[t.first].line
                b.warnings.append(
                    DocWarning.of(
                        "table_kept_apart",
                        span=(first.start, first.end),
                        columns=t.width,
                        previous=groups[-1][0].width,
                    )
                )
            groups.append([t])
    for index, group in enumerate(groups):
        b.tables.append(_join(b, index, group))


def _adjacent(b: _Builder, before: _RawTable, after: _RawTable) -> bool:
    between = b.entries[before.last + 1 : after.first]
    return all(e.line.kind == "cell" or not e.text.strip() for e in between)


def _header_rows(t: _RawTable) -> list[int]:
    if any(role_from_style(e.line.style) for cells in t.rows.values() for e in cells):
        return []  # a reader that knows its columns' roles left the header out (a flattened table)
    rows: list[int] = []
    for row in sorted(t.rows):
        if _is_header_row(t.rows[row]) and (not rows or row == rows[-1] + 1) and len(rows) < 3:
            rows.append(row)
        else:
            break
    return rows


def _continues_table(b: _Builder, group: list[_RawTable], t: _RawTable) -> bool:
    """Does `t` carry on the table of `group`: same columns, nothing between, header repeated or none?"""
    first = group[0]
    if not _adjacent(b, group[-1], t) or t.width != first.width:
        return False
    own = _header_rows(t)
    if not own:
        return True
    head = _header_rows(first)
    return [t.row_texts(r) for r in own] == [first.row_texts(r) for r in head]


def _join(b: _Builder, index: int, group: list[_RawTable]) -> Table:
    first = group[0]
    width = first.width
    head_rows = _header_rows(first)
    headers = [""] * width
    for r in head_rows:
        for e in first.rows[r]:
            col = e.line.column or 0
            for c in range(col, min(col + e.line.col_span, width)):
                headers[c] = f"{headers[c]} {e.text}".strip() if e.text not in headers[c] else headers[c]
    hinted = _hinted_roles(group, width)
    columns = [TableColumn(header=h, role=hinted.get(c) or column_role(h)) for c, h in enumerate(headers)]
    rows: list[list[Span]] = []
    pending: dict[int, tuple[Span, int]] = {}  # column → (span, rows still covered) of a vertical merge
    for t in group:
        skip = set(_header_rows(t))
        for r in sorted(t.rows):
            cells = sorted(t.rows[r], key=lambda x: x.line.column or 0)
            if r in skip:
                for e in cells:
                    e.table, e.row, e.column = index, None, e.line.column
                continue
            row: list[Span | None] = [None] * width
            for col, (span, left) in list(pending.items()):
                row[col] = span
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (span, left - 1)
            for e in cells:
                e.table, e.row, e.column = index, len(rows), e.line.column
                span = Span(start=e.line.start, end=e.line.end)
                col = e.line.column or 0
                for c in range(col, min(col + e.line.col_span, width)):
                    row[c] = span
                    if e.line.row_span > 1:
                        pending[c] = (span, e.line.row_span - 1)
            rows.append([s if s is not None else Span(start=cells[0].line.start, end=cells[0].line.start) for s in row])
    return Table(index=index, columns=columns, rows=rows, title=_table_title(b, first))


def _hinted_roles(group: list[_RawTable], width: int) -> dict[int, str]:
    """Column → role where the reader gave its cells one (a table rebuilt from flattened text)."""
    roles: dict[int, str] = {}
    for t in group:
        for cells in t.rows.values():
            for e in cells:
                role = role_from_style(e.line.style)
                if role and (e.line.column or 0) < width:
                    roles.setdefault(e.line.column or 0, role)
    return roles


def _table_title(b: _Builder, t: _RawTable) -> str | None:
    """The caption above a table: the first plain line after the heading it stands under."""
    lines: list[_Entry] = []
    heading: _Entry | None = None
    for e in reversed(b.entries[: t.first]):
        if e.heading is not None:
            heading = e
            break
        if e.line.kind == "cell":
            break
        lines.insert(0, e)
    caption = next((x.text for x in lines if not x.text.startswith("(")), None)
    if heading is None or heading.heading is None:
        return caption
    return caption or heading.heading.title or heading.text
