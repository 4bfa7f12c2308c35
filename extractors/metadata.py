"""Metadata of the plan itself: type, number, date, place, issuer, signer, title, and what it
implements or replaces.

The structure stage marks the head's lines (`Document.header`); where it found none (a plan with
no number line, a PDF whose head came out in another order), the same facts are read from the text
of the head with the shared grammar, so one missing span never empties a field that the text
states. `implements` and `replaces` come from the citations, which already know their relation.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from extractors.citations import continued_name, head_end, own_number_match, territory_name
from extractors.executors import organisation
from extractors.grammar import (
    AFTER_WORD,
    BEFORE_WORD,
    HYPHEN,
    LETTER,
    NUMBER_RE,
    addressee_opener,
    alternation,
    canonical_number,
    fold,
    parse_partial_date,
    phrase_pattern,
    tone_key,
)
from extractors.registry import Registry, load_registry
from pipeline.document import Document
from pipeline.lexicon import (
    CitationCuesLexicon,
    DocumentPartsLexicon,
    HeadingsLexicon,
    LevelsLexicon,
    MetadataCuesLexicon,
    TimeExpressionsLexicon,
    phrases,
)
from pipeline.models import Citation, Metadata

_CUES = MetadataCuesLexicon.load()
_CITING = CitationCuesLexicon.load()  # the issuer's 'của'
_PARTS = DocumentPartsLexicon.load()  # 'Số', 'Nơi nhận'
_TIME = TimeExpressionsLexicon.load()
_DAY, _MONTH, _YEAR = _TIME.day_word, _TIME.month_word, _TIME.year_word  # ngày, tháng, năm

# "Số    -KH/ĐU": the number left blank for the office to fill in.
_BLANK_CORE = (
    rf"[\W_]*{_PARTS.number_word}\s*:?[ \t._…]*(?:{HYPHEN}|/)\s*(?P<s1>{LETTER}{{1,6}})\s*(?P<sep>[/-])\s*"
    rf"(?P<s2>{LETTER}{{2,10}}\d{{0,2}})(?![\w/])"
)
# Inside the structure's number-line span the blank opens the span; without it, a line of its own.
_BLANK_AT = regex.compile(_BLANK_CORE)
_BLANK_NUMBER_RE = regex.compile(rf"(?m)^{_BLANK_CORE}")
# "Nhữ Khê, ngày 22 tháng 9 năm 2025", "Xuân Hưng, ngày    tháng 8 năm 2025": the date part ends its
# line; the place is the run of capitalized words just before the comma.
_BLANK = r"[\d \t._…,]*"
_DATE_PART_RE = regex.compile(
    r"[ \t]*,?[ \t]*(?<![\w\d])"
    # a copied web table may wrap the line after "ngày": "Vĩnh Long, ngày" / "06 tháng 6 năm 2022"
    rf"(?P<date>{_DAY}\b(?:(?:[ \t]*\n)?{_BLANK}{_MONTH}{_BLANK}(?:{_YEAR}|{_MONTH})[ \t]*\d{{4}}"
    r"|[ \t]*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}))"
    r"(?=[ \t*_.|]*(?:\n|$))"  # the date ends its line (or its table cell)
)
# A place word: capitalised, and an apostrophe may join a second capital ("Đưng K’Nớ", "Đắk R’lấp").
_PLACE_WORD = r"\p{Lu}(?=[\p{Ll}'’-])\p{Ll}*(?:['’-]\p{L}\p{Ll}*)*"
_PLACE_BEFORE_RE = regex.compile(rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,4}}[ \t*_,]*$")
_UPPER_PLACE_BEFORE_RE = regex.compile(r"(?<![\w/-])(?:\p{Lu}[\p{Lu}'’-]+)(?:[ \t]+\p{Lu}[\p{Lu}'’-]+){0,4}[ \t*_,]*$")
# "Xã Yên Lạc, ngày …": the place field holds the name, without its level word.
_PLACE_LEVEL_RE = regex.compile(rf"^(?:{_CUES.place_level_pattern})\s+", regex.IGNORECASE)
_DATE_LINE_START = regex.compile(rf"[ \t*_]*{_DAY}\b")
_ISSUING_RE = regex.compile(r"[ \t*]*(?P<subject>[^\n;:.]{4,90}?)\s+" + _CUES.issuing_pattern)
_CLOSING_REPORT_RE = regex.compile(_CUES.closing_report_pattern)
_LINE_START_RE = regex.compile(r"(?m)^[ \t*_]*")
_SENTENCE_START_RE = regex.compile(r"(?m)^|[;:.,]\s+")
_OF_LINE_RE = regex.compile(rf"(?m)^[ \t*]*{_CITING.of_word}\s+(?P<body>[^\n]{{4,80}}?)[ \t*]*$")
_ON_BEHALF_RE = regex.compile(rf"(?m)^[ \t*]*(?:{_CUES.on_behalf_pattern})\s+(?P<body>[^\n*]{{3,60}})")
# "Nguyễn Hữu Phương", "Lò Văn Thắng", "H' Bia Niê", "Y Ngông Niê Kđăm": two to five capitalized words.
_PERSON_RE = regex.compile(r"^(?:\p{Lu}['’]?\p{Ll}*)(?:[ \t]+\p{Lu}['’]?\p{Ll}*){1,4}$")
_CELL_LINE_RE = regex.compile(r"[^\n|]*[^\s|][^\n|]*")
_TAIL_END_RE = regex.compile(rf"(?m)^[ \t*#]*{phrases(list(HeadingsLexicon.load().appendix_words))}\b")


def extract_metadata(document: Document, citations: list[Citation]) -> Metadata:
    """The plan's own metadata; `citations` are this plan's, from `extract_citations`."""
    registry = load_registry()
    head = head_end(document)
    own = own_number_match(document, head)  # read once: the number and a letter's "V/v" beside it
    number, symbol = _number(document, own, head, registry)
    date, place = _date_place(document, head)
    doc_type = (
        _doc_type(document, own, head, registry)
        or (registry.doc_type_of_symbol(symbol.split("/")[0].split("-")[0]) if symbol else None)
        or _issued_type(document, registry)
        or _headless_type(document, registry)
    )
    signer, signer_title = _signer(document, registry)
    return Metadata(
        doc_type=doc_type,  # type: ignore[arg-type]
        number=number,
        symbol=symbol,
        date=date,
        place=place,
        issuer=_joint_issuer(document, head, registry)
        or _stated_level(organisation(_issuer(document, head, registry), registry), document, head, registry)
        or registry.issuer_of_symbol(symbol),  # a header cut or spaced out: the code in its number's symbol
        signer=signer,
        signer_title=signer_title,
        title=_title(document),
        implements=_numbers(citations, "implements"),
        replaces=_numbers(citations, "replaces"),
    )


def _numbers(citations: list[Citation], relation: str) -> list[str]:
    seen: list[str] = []
    for c in citations:
        if c.relation == relation and c.number and c.number not in seen:
            seen.append(c.number)
    return seen


def _number(
    document: Document, m: regex.Match | None, head: int, registry: Registry
) -> tuple[str | None, str | None]:
    """The plan's number and symbol, read where the citations read it (`own_number_match`), in the
    printed style; a blank number line gives the symbol alone."""
    if m:
        number = canonical_number(m, document.text, registry.speller, keep_style=True)  # as printed
        if number:
            return number, _symbol_of(number)
    span = document.header.number_line
    if span is not None:
        blank = _BLANK_AT.match(document.fold, span.start, span.end)
    else:
        blank = _BLANK_NUMBER_RE.search(document.fold, 0, head)
    if blank:
        s1 = registry.speller.spell(document.text[blank.start("s1") : blank.end("s1")])
        s2 = registry.speller.spell(document.text[blank.start("s2") : blank.end("s2")])
        return None, f"{s1}{blank.group('sep')}{s2}"
    return None, None


def _symbol_of(number: str) -> str:
    """'10-KH/ĐU' → 'KH/ĐU'; '15/KH-UBND' → 'KH-UBND'; '193/2025/QH15' → 'QH15'."""
    return regex.sub(r"^\d+[-/](?:\d{4}/)?", "", number)


def _date_place(document: Document, head: int) -> tuple[str | None, str | None]:
    span = document.header.place_date
    folded = document.fold
    if span is not None:
        if _DATE_LINE_START.match(folded, span.start):
            return parse_partial_date(folded[span.start : span.end]), None  # a date line without a place
        found = _read_date_line(document, span.start, span.end, needs_place=False)
        if found:
            return found
    return _read_date_line(document, 0, head, needs_place=True) or (None, None)


def _read_date_line(document: Document, lo: int, hi: int, needs_place: bool) -> tuple[str | None, str | None] | None:
    """The first "<place>, ngày …" in [lo, hi) whose date ends its line; outside the structure's span
    a place must stand before it (so "Căn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024" is not read)."""
    text = document.text
    for m in _DATE_PART_RE.finditer(document.fold, lo, hi):
        line_start = max(text.rfind("\n", lo, m.start()) + 1, lo)
        place = _PLACE_BEFORE_RE.search(text, line_start, m.start()) or _UPPER_PLACE_BEFORE_RE.search(
            text, line_start, m.start()
        )
        if place or not needs_place:
            name = " ".join(place.group().strip(" \t*_,").split()) if place else None
            if name and place.start() == line_start:
                name = _wrapped_place_start(text, line_start) + name
            if name:
                name = _PLACE_LEVEL_RE.sub("", name) or None
            return parse_partial_date(m.group("date")), name
    return None


# A place name that a copied web table wrapped: "Tiền" / "Giang, ngày 24 tháng 02 năm 2023".
_LONE_PLACE_WORD = regex.compile(rf"\n[ \t]*({_PLACE_WORD})[ \t]*\n$")


def _wrapped_place_start(text: str, line_start: int) -> str:
    """The first word of a place name left alone on the line above its date line, with a space; else ""."""
    found = _LONE_PLACE_WORD.search(text, max(0, line_start - 40), line_start)
    return f"{found.group(1)} " if found else ""


@lru_cache(maxsize=4)
def _type_patterns(registry: Registry) -> tuple[regex.Pattern, regex.Pattern]:
    """The type word opening the structure's type-line span, and a head line that opens with one
    ("KẾ HOẠCH" alone, or joined to the title by a converter): compiled once per registry."""
    return (
        regex.compile(rf"[ \t*_|]*({registry.type_pattern})"),
        regex.compile(rf"(?m)^[ \t*_|]*({registry.type_pattern})(?:[ \t*_|]*$|\s)"),
    )


def _doc_type(document: Document, number: regex.Match | None, head: int, registry: Registry) -> str | None:
    type_at, type_line = _type_patterns(registry)
    span = document.header.doc_type_line
    if span is not None:  # "KẾ HOẠCH", or a type line that runs on into the subject
        m = type_at.match(document.fold, span.start, span.end)
        if m:
            return registry.doc_type_of_name(m.group(1))
    for m in type_line.finditer(document.fold, 0, head):
        written = document.text[m.start(1) : m.end(1)]
        if written.isupper():
            return registry.doc_type_of_name(written)
    line_subject, after_number = _letter_subject()
    if line_subject.search(document.fold, 0, head) or (number and after_number.match(document.fold, number.end())):
        return HeadingsLexicon.load().letter_doc_type  # "V/v …" under the number, or beside it: a công văn
    return None


def _issued_type(document: Document, registry: Registry) -> str | None:
    """The kind a head with no type line and no number issues itself as, from its issuing sentence ("Ủy
    ban nhân dân thị xã ban hành Chương trình hành động với các nội dung như sau"): a text whose header a
    copy lost still names what it is."""
    span = document.header.issuing_sentence  # the structure's, not any head line ("Về … xây dựng kế hoạch")
    issuing = _ISSUING_RE.search(document.fold, span.start, span.end) if span is not None else None
    if issuing is None:
        return None
    type_at, _ = _type_patterns(registry)
    found = type_at.search(document.fold, issuing.end("subject"), span.end)
    return registry.doc_type_of_name(document.text[found.start(1) : found.end(1)]) if found else None


def _headless_type(document: Document, registry: Registry) -> str | None:
    """The kind of a copy that lost its whole header (a portal's page, a PDF cut at its first line), read from
    how its text opens: a letter copied from its salutation ("Kính gửi: …") is a công văn; a page that opens on
    the document's own title ("Nghị quyết Đại hội đại biểu …", "Kế hoạch thực hiện …") is what that title names.
    Only a text with no type line and no number: a header that survives says more."""
    if document.header.doc_type_line is not None:
        return None
    opening = _FIRST_LINE.search(document.fold)
    if opening is None:
        return None
    if addressee_opener().match(document.fold, opening.start()):
        return HeadingsLexicon.load().letter_doc_type
    titled = _title_opening(registry).match(document.fold, opening.start(), opening.end())
    return registry.doc_type_of_name(document.text[titled.start(1) : titled.end(1)]) if titled else None


# The text's first line that holds a letter: where a headerless copy opens.
_FIRST_LINE = regex.compile(r"(?m)^[ \t*_|#>]*(?=\p{L}).*$")


@cache
def _title_opening(registry: Registry) -> regex.Pattern:
    """A title that opens on a type name and goes on with its subject, not a number ("Nghị quyết số …")
    nor a full stop (a sentence that merely starts with a type name)."""
    number_word = phrase_pattern(DocumentPartsLexicon.load().number_word)
    return regex.compile(rf"({registry.type_pattern})\s+(?!{number_word}{AFTER_WORD}|\d)[^\n.;:]{{4,200}}$")


@cache
def _letter_subject() -> tuple[regex.Pattern, regex.Pattern]:
    """A letter's subject line ("V/v triển khai …"): opening a head line, or written right after the
    number in the same cell of a copied header table ("Số: 2638/LĐTBXH-KHTC V/v xây dựng …")."""
    openers = "|".join(regex.escape(o) for o in sorted(HeadingsLexicon.load().letter_subject, key=len, reverse=True))
    return regex.compile(rf"(?m)^[ \t*_|]*(?:{openers})(?=\s)"), regex.compile(rf"[ \t]*(?:{openers})(?=\s)")


def _canonical_body(phrase: str, registry: Registry) -> str | None:
    """The bodies-table name of the body a folded phrase opens with ("ban thường vụ đảng ủy xã rạng đông")."""
    found = registry.issuer_at(phrase.strip(" \t*_"), 0)
    return found[0] if found else None


_SUBJECT_END = r"[ \t*]*(?:\(|$)"  # the end of an issuing sentence's subject, or its "(sau đây gọi tắt …)"


def _subject_body(document: Document, start: int, end: int, registry: Registry) -> str | None:
    """The body an issuing sentence's subject names, read as a name's grammar rather than looked up: a commune
    body's word with words describing it to the territory it serves ("Ban Chỉ đạo chuyển đổi số huyện …", its
    place name left to the place field), or a name the lexicon knows only in part that runs on with its
    qualifiers to the verb ("Ban Bí thư Trung ương Đoàn| ban hành …"); else the lexicon's name."""
    text, folded = document.text[start:end], document.fold[start:end]
    lead = len(folded) - len(folded.lstrip(" \t*_"))
    found = registry.issuer_at(folded, lead)
    if found is None:
        return None
    name, _keeps_place, name_end = found
    whole = territory_name(name, lead, name_end, text, folded, registry) or continued_name(
        name, lead, name_end, text, folded, registry, until=_SUBJECT_END
    )
    return whole[0] if whole else name


def _issuer(document: Document, head: int, registry: Registry) -> str | None:
    """Who issues the plan: "KẾ HOẠCH / CỦA BAN CHẤP HÀNH …" under the type, else a report's closing
    sentence ("Trên đây là báo cáo của …"), else the subject of the issuing sentence ("Ban Thường vụ
    Đảng ủy xã … ban hành Kế hoạch", "Thường trực Đảng ủy báo cáo … như sau"), else "T/M …"."""
    folded = document.fold
    title = document.header.title
    start = document.header.doc_type_line.end if document.header.doc_type_line else 0
    end = title.end if title is not None else head
    of_line = _OF_LINE_RE.search(folded, start, min(end, start + 400) if title is None else end)
    # "… QUYẾT ĐỊNH SỐ 63/QĐ-TTG NGÀY 12 THÁNG 01 NĂM 2018 / CỦA THỦ TƯỚNG …": a title wrapped after the
    # document it cites names that document's issuer on its "của" line, not the plan's
    if of_line and not NUMBER_RE.search(folded, start, of_line.start()):
        name = _canonical_body(of_line.group("body"), registry)
        if name:
            return name
    closing = [
        m
        for m in _CLOSING_REPORT_RE.finditer(folded, head)
        if _canonical_body(folded[m.end() : m.end() + 90], registry)
    ]
    if closing:  # "Trên đây là báo cáo của Ban Thường vụ …": a report's author, over its opening (gold/README.md)
        return _canonical_body(folded[closing[-1].end() : closing[-1].end() + 90], registry)
    span = document.header.issuing_sentence
    lo, hi = (span.start, span.end) if span is not None else (0, head)
    starts = [lo] + [m.end() for m in _SENTENCE_START_RE.finditer(folded, lo, hi)]
    for start in starts:
        m = _ISSUING_RE.match(folded, start, hi)
        name = _subject_body(document, m.start("subject"), m.end("subject"), registry) if m else None
        if name:
            return name
    for m in _ON_BEHALF_RE.finditer(folded, head):
        name = _canonical_body(m.group("body"), registry)
        if name:
            return name
    # Last: the issuing body printed at the top, above the number ("ỦY BAN NHÂN DÂN / XÃ PHÌN HỒ").
    # The lower line of a two-line block names the issuer ("ĐẢNG BỘ TỈNH …" over "ĐẢNG ỦY XÃ …").
    top = document.header.doc_type_line.start if document.header.doc_type_line else head
    found_last = None
    parent: tuple[str, int] | None = None  # the body on the line above, and where that line ends
    for m in _LINE_START_RE.finditer(folded, 0, top):
        found = registry.issuer_at(folded, m.end()) if m.end() < top else None
        line_end = folded.find("\n", m.end())
        line_end = top if line_end < 0 or line_end > top else line_end
        if found:
            found_last = found[0]
            parent = (found[0], line_end)
            continue
        unit = _unit_under(parent[0], document, m.end(), line_end, registry) if parent else None
        if parent and m.start() == parent[1] + 1 and unit:
            found_last = unit
        parent = None
    return found_last or _authority_line(document, head, registry) or _headline_issuer(document, registry)


_UNIT_LINE_END_RE = regex.compile(r"[\s*_|]*$")
_WORD_START_RE = regex.compile(r"(?<![\w])\w")


def _unit_under(parent: str, document: Document, start: int, end: int, registry: Registry) -> str | None:
    """The issuer a header's unit line names under its parent's line, where the lexicon does not know the
    line alone (header grammar, issue 12): a unit of the parent the lexicon knows whole ("BAN CHẤP HÀNH TRUNG
    ƯƠNG / VĂN PHÒNG" → "Văn phòng Trung ương Đảng": a known name that opens with the line and goes on with the
    end of the parent's name), or a unit word before a body the lexicon knows, which closes the line ("BAN
    CHẤP HÀNH TRUNG ƯƠNG / ĐẢNG ĐOÀN QUỐC HỘI" → "Đảng đoàn Quốc hội", the unit word in sentence case, the body
    as the lexicon writes it). None where the line reads neither way: the parent's line names the issuer."""
    line = document.fold[start:end]
    line = line[: _UNIT_LINE_END_RE.search(line).start()]
    unit = tone_key(line)
    if not unit or any(ch.isdigit() for ch in unit):
        return None
    parent_words = parent.split()
    tails = {tone_key(" ".join(parent_words[i:])) for i in range(len(parent_words))}
    for entry in registry.issuers.issuers:
        key = tone_key(entry.name)
        if key.startswith(f"{unit} ") and any(
            key[len(unit) + 1 :] == t or key[len(unit) + 1 :].startswith(f"{t} ") for t in tails
        ):
            return entry.name
    for word in list(_WORD_START_RE.finditer(line))[1:4]:
        known = registry.issuer_at(line, word.start())
        if known and known[2] == len(line) and not registry.level_after(line, 0, word.start()):
            head = " ".join(document.text[start : start + word.start()].split()).lower()
            return f"{head[:1].upper()}{head[1:]} {known[0]}"
    return None


_JOINT_ISSUING_RE = regex.compile(_CUES.joint_issuing_pattern)
_JOINER_RE = regex.compile(rf"\s+{_CITING.list_joiner}\s+")
_CLAUSE_STOP_RE = regex.compile(r"[.;:]\s|\n\s*\n")


def _joint_issuer(document: Document, head: int, registry: Registry) -> str | None:
    """The two bodies that issue a document together, in the sentence of its head that says so ("Thường trực Hội
    đồng nhân dân tỉnh và Ủy ban nhân dân tỉnh thống nhất ban hành Quy chế …"): joined by ", " as gold/README.md
    writes a joint document's issuers, each with its level. The pair is the body that closes the subject and the
    body right before the "và" that joins it ("… UBND tỉnh nhiệm kỳ 2016-2021 và Ủy ban MTTQ Việt Nam tỉnh khóa
    XIII, nhiệm kỳ 2014-2019 thống nhất ban hành …"); one body alone is no joint issuer."""
    folded = document.fold
    cue = _JOINT_ISSUING_RE.search(folded, 0, max(head, 1))
    if cue is None:
        return None
    stops = list(_CLAUSE_STOP_RE.finditer(folded, max(0, cue.start() - 600), cue.start()))
    lo = stops[-1].end() if stops else max(0, cue.start() - 600)
    bodies: list[tuple[int, int, str]] = []
    at = lo
    while at < cue.start():
        m = registry.issuer_re.search(folded, at, cue.start())
        if m is None:
            break
        found = registry.issuer_at(folded, m.start())
        if found is None or found[2] > cue.start():
            at = m.end()
            continue
        bodies.append((m.start(), found[2], found[0]))
        at = found[2]
    if len(bodies) < 2:
        return None
    last = bodies[-1]
    joiners = list(_JOINER_RE.finditer(folded, bodies[-2][1], last[0]))
    if not joiners:
        return None
    first = next((b for b in reversed(bodies[:-1]) if b[1] <= joiners[-1].start()), None)
    if first is None or first[2] == last[2]:
        return None
    names = [_written_level(b[2], folded, b[1], registry) for b in (first, last)]
    names = [_stated_level(organisation(name, registry), document, head, registry) for name in names]
    return ", ".join(name for name in names if name)


def _written_level(name: str, folded: str, end: int, registry: Registry) -> str:
    """A commune body's default level ("… xã") replaced by the level word the sentence writes right after the
    body ("Ủy ban MTTQ Việt Nam tỉnh khóa XV" → "… tỉnh")."""
    canonical = LevelsLexicon.load().canonical_commune
    level = _written_level_re(registry.level_words).match(folded, end)
    if level is None or not name.endswith(f" {canonical}"):
        return name
    return f"{name[: -len(canonical)]}{' '.join(level.group(1).split())}"


@lru_cache(maxsize=4)
def _written_level_re(level_words: str) -> regex.Pattern:
    """A level word after a body's name, on the same line or the next ("… Việt Nam" / "tỉnh")."""
    return regex.compile(rf"\s+({level_words})(?![\p{{L}}])")


_HEADLINE_ISSUER_RE = regex.compile(rf"(?<!\w)(?:{_CUES.headline_issuer_pattern})\s+")
_FIRST_LINE_RE = regex.compile(r"\s*")


def _headline_issuer(document: Document, registry: Registry) -> str | None:
    """The issuer a reprint's headline names, where the document has no header that does: its first line
    opens with the document's type and gives the issuer after "của" or "ban hành bởi" ("Nghị quyết số
    22/NQ-TU ngày … ban hành bởi Tỉnh ủy Kiên Giang về …", "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh khóa
    XIII về …"). Not where another type word stands between ("Kế hoạch thực hiện Nghị quyết số 57-NQ/TW
    của Bộ Chính trị": the issuer of the document it cites)."""
    folded = document.fold
    start = _FIRST_LINE_RE.match(folded).end()
    end = folded.find("\n", start)
    end = len(folded) if end < 0 else end
    opening = _type_patterns(registry)[0].match(folded, start, end)
    if opening is None:
        return None
    cue = _HEADLINE_ISSUER_RE.search(folded, opening.end(), end)
    if cue is None or _type_patterns(registry)[0].search(folded, opening.end(), cue.start()) is not None:
        return None
    title = registry.head_of_body_re.match(folded, cue.end())
    found = registry.issuer_at(folded, title.end() if title else cue.end())
    return found[0] if found else None


def _authority_line(document: Document, head: int, registry: Registry) -> str | None:
    """The authority line of a decision or resolution, in capitals between its title and its "Căn cứ" list
    ("THỦ TƯỚNG CHÍNH PHỦ", "HỘI ĐỒNG NHÂN DÂN TỈNH …", "CHỦ TỊCH ỦY BAN NHÂN DÂN …": the body its head
    stands for), read where the header above the type line names no issuer: a reprint that lost it, or
    a line with a footnote marker glued to it."""
    folded, text = document.fold, document.text
    header = document.header
    if header.title is not None:  # the title's span may run on over the authority line: skip its first line
        first = folded.find("\n", header.title.start)
        start = first if first >= 0 else header.title.end
    elif header.doc_type_line is not None:
        start = header.doc_type_line.end
    else:
        return None
    end = min([head, *(span.start for span in header.basis)])
    for m in _LINE_START_RE.finditer(folded, start, end):
        line_end = folded.find("\n", m.end())
        line = text[m.end() : line_end if 0 <= line_end < end else end]
        if not line.strip() or not line.isupper():
            continue
        at = m.end()
        title = registry.head_of_body_re.match(folded, at)
        found = registry.issuer_at(folded, title.end() if title else at)
        if found:
            return found[0]
    return None


@lru_cache(maxsize=64)
def _level_after(base: str, level_words: str) -> regex.Pattern:
    """A body's name followed by a level word ("ủy ban nhân dân thành phố"), compiled once per name."""
    return regex.compile(rf"{phrase_pattern(base)}\s+({level_words})(?![\p{{L}}])")


def _stated_level(issuer: str | None, document: Document, head: int, registry: Registry) -> str | None:
    """A commune body's name ends in "xã" by default ("ỦY BAN NHÂN DÂN" alone in the header reads as
    "Ủy ban nhân dân xã"); where the head names the same body with another level ("CHỦ TỊCH ỦY BAN NHÂN
    DÂN THÀNH PHỐ ĐÀ NẴNG"), that level is the issuer's, so no level is invented."""
    canonical = LevelsLexicon.load().canonical_commune
    if issuer is None or not issuer.endswith(f" {canonical}"):
        return issuer
    base = issuer[: -len(canonical) - 1]
    levels = [
        " ".join(m.group(1).split())
        for m in _level_after(base, _stated_level_words(registry)).finditer(document.fold, 0, max(head, 1))
    ]
    if not levels:
        place_level = _province_level(document)
        return f"{base} {place_level}" if place_level else issuer
    if canonical in levels:
        return issuer
    return f"{base} {levels[0]}"


@lru_cache(maxsize=4)
def _stated_level_words(registry: Registry) -> str:
    """The levels a head may give its issuer: a place's, or a national one ("BAN CHỈ ĐẠO QUỐC GIA VỀ …")."""
    return f"{registry.level_words}|{alternation(LevelsLexicon.load().central)}"


def _province_level(document: Document) -> str | None:
    """ "tỉnh" or "thành phố" where the date line's place is a province or a centrally-run city ("Quảng Nam,
    ngày …"): the level of a head that lost its level line (the round-2 development decision)."""
    span = document.header.place_date
    if span is None:
        return None
    levels = LevelsLexicon.load()
    line = fold(document.text[span.start : span.end])
    if any(line.startswith(fold(p)) for p in levels.provinces):
        return levels.province_level
    if any(line.startswith(fold(c)) for c in levels.cities):
        return levels.city_level
    return None


_TITLE_NOTE_RE = regex.compile(rf"\s*\((?:{_CUES.title_note_pattern})[^()]*\)\s*$", regex.IGNORECASE)


def _title(document: Document) -> str | None:
    span = document.header.title
    if span is None:
        return None
    lines = [line.strip(" \t*_") for line in document.text[span.start : span.end].splitlines()]
    kept = [line for line in lines if line and not fold(line).startswith(f"{_CITING.of_word} ")]
    title = " ".join(" ".join(kept).split())
    # "(Thay thế Kế hoạch số 08-KH/ĐU …)" closing the title is a note on the plan, not its subject.
    return _TITLE_NOTE_RE.sub("", title) or None


def _tail(document: Document) -> tuple[int, int]:
    """Where the signature stands: from "Nơi nhận" (or the last section) to the appendices."""
    folded = document.fold
    last = folded.rfind(_PARTS.recipients)  # str.rfind: the tail is read once per plan, keep it cheap
    start = max(0, (last if last >= 0 else head_end(document)) - 600)
    signature = document.header.signature
    if signature is not None:  # the structure's span, widened: a span that stops short loses the name
        start = min(start, signature.start)
    appendix = _TAIL_END_RE.search(folded, start)
    end = appendix.start() if appendix else len(folded)
    if signature is not None:
        end = max(end, signature.end)
    return start, end


def _signer(document: Document, registry: Registry) -> tuple[str | None, str | None]:
    """The signer's name (a line of two to five capitalized words) and the title printed above it."""
    start, end = _tail(document)
    text = document.text
    # Lines, and the cells of a table row: a signature set beside "Nơi nhận" in a two-column table.
    lines = [(m.start(), m.group()) for m in _CELL_LINE_RE.finditer(text[start:end])]
    # Where "Nơi nhận" and the signature stand side by side, a PDF reads them line by line across
    # both columns: the recipients' lines fall between the title and the name, and are not counted.
    lines = [(o, line) for o, line in lines if not _in_recipients(document, start + o + len(line.rstrip()) - 1)]
    names = [
        i
        for i, (_, line) in enumerate(lines)
        if _PERSON_RE.match(line.strip(" \t*_")) and not _CAPITAL_HEADINGS.search(fold(line))
    ]
    titles = [i for i, (_, line) in enumerate(lines) if registry.signer_title_re.search(fold(line))]
    # The first name under the last printed title ("BÍ THƯ"), else the last name-like line after "Nơi nhận".
    name_index = None
    for t in reversed(titles):
        under = [i for i in names if t < i <= t + 4]
        if under:
            name_index = under[0]
            break
    if name_index is None and names and _PARTS.recipients in document.fold:
        name_index = names[-1]
    if name_index is None:
        name_index = _upper_case_name(lines, registry)
    if name_index is None:
        name, title = _run_on_signature(lines, registry)
        return (name, title) if name else (None, _title_alone(lines, registry))
    name = " ".join(lines[name_index][1].strip(" \t*_").split())
    title = None
    for _, line in reversed(lines[max(0, name_index - 4) : name_index]):
        m = registry.signer_title_re.search(fold(line))
        if m:
            # "K/T BÍ THƯ / PHÓ BÍ THƯ": the line nearest the name is the signer's own title.
            title = registry.signer_title(m.group(1))
            break
    return name, title


# A signature block copied from a web page's table cell, on one line: "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM
# Nguyễn Sỹ Hiệp": the titles in capitals, then the name.
_RUN_ON_SIGNATURE_RE = regex.compile(
    r"^(?P<titles>[^\p{Ll}]*\p{Lu}[^\p{Ll}]*?)\s+(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,4})\s*$"
)


def _run_on_signature(lines: list[tuple[int, str]], registry: Registry) -> tuple[str | None, str | None]:
    """The signer of a signature block set on one line (a portal's table cell): the name closing it, and
    the last title printed before the name (the signer's own: "KT. BỘ TRƯỞNG … PHÓ CHỦ NHIỆM")."""
    for _, line in reversed(lines):
        m = _RUN_ON_SIGNATURE_RE.match(line.strip(" \t*_|"))
        if m is None:
            continue
        titles = list(registry.signer_title_re.finditer(fold(m.group("titles"))))
        if titles:
            return " ".join(m.group("name").split()), registry.signer_title(titles[-1].group(1))
    return None, None


def _title_alone(lines: list[tuple[int, str]], registry: Registry) -> str | None:
    """The signer's title where the name was dropped (a portal's table keeps "| CHỦ TỊCH |" and loses the
    signature under it): the last line or cell in capitals that is a signer's title and nothing more."""
    for _, line in reversed(lines):
        cell = line.strip(" \t*_|")
        if not cell.isupper():
            continue
        folded = fold(cell)
        found = list(registry.signer_title_re.finditer(folded))  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the last
        if found and not folded[found[-1].end() :].strip(" .:,"):
            return registry.signer_title(found[-1].group(1))
    return None


def _in_recipients(document: Document, offset: int) -> bool:
    """Is the character at `offset` (a line's last, past any list marker) in a "Nơi nhận" block?"""
    block = document.block_at(offset)
    return block is not None and block.role == "recipients"


def _upper_case_name(lines: list[tuple[int, str]], registry: Registry) -> int | None:
    """A name printed in capitals ("NGUYỄN HỮU PHƯƠNG") on one of the three lines under a signer's title."""
    for i, (_, line) in enumerate(lines):
        if not registry.signer_title_re.search(fold(line)):
            continue
        for j in range(i + 1, min(i + 4, len(lines))):
            clean = lines[j][1].strip(" \t*_")
            words = clean.split()
            if (
                2 <= len(words) <= 5
                and clean.isupper()
                and all(w.isalpha() for w in words)
                and not registry.signer_title_re.search(fold(clean))
                and not _CAPITAL_HEADINGS.search(fold(clean))
            ):
                return j
    return None


# Words of a body or a heading, never of a person's name (a line "Ban Chỉ Đạo" is not a signer).
_CAPITAL_HEADINGS = regex.compile(rf"{BEFORE_WORD}(?:{'|'.join(_CUES.heading_words)}){AFTER_WORD}")
