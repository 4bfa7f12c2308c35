"""Citations: every mention of another document by number, or by a short name that carries a number.

Two layers, so the grammar can be tested on plain strings:
- `scan(text, fold)` finds mentions and parses their fields (type, canonical number, date, issuer)
  from the text alone;
- `extract_citations(document)` drops the plan's references to itself, gives a list's shared issuer
  to each member, resolves short forms ("Nghị quyết 57") inside the document, decides each
  mention's relation from its sentence and its place in the document, and checks the result
  against the registry of known directives.

Why regex alone (no spaCy or underthesea here), measured on the corpus plans (2026-11):
- a citation is a closed grammar: type word, "số", a number of fixed shape, a date, "của" and an
  issuer from a closed list. Regex + lexicon give citations F1 1.00 (detection and exact) against the
  development gold (6 plans) in .txt, .docx and .pdf alike, and 1.00 on the 2 held-out plans, so
  there is no recall or precision left for NLP to add;
- underthesea's word_tokenize splits "57-NQ/TW" into 5 tokens ("57", "-", "NQ", "/", "TW"), so any
  NLP step would need the numbers protected by this grammar first;
- underthesea's CRF ner on the 40 issuer-bearing citation sentences tagged 0 of the 40 issuers as
  ORG: it tags the number "số 57-NQ/TW" and "Ban Thường vụ Tỉnh ủy Ninh Bình" as LOC (1.9 s for
  the 40 sentences, against ~3 ms per plan for this module);
- the issuers are a closed lexicon: a spaCy PhraseMatcher would match exactly the strings the
  alternation already matches, and spaCy's `blank` tokenizers also split "57-NQ/TW".
Unlisted issuers are caught by a rule (a body word after "của", up to the subject), not by NER.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import regex

from extractors.evidence import evidence
from extractors.executors import organisation
from extractors.grammar import (
    AFTER_WORD,
    FULL_DATE,
    HYPHEN,
    LETTER,
    NUMBER,
    NUMBER_RE,
    alternation,
    canonical_number,
    fold,
    number_type_code,
    parse_date,
)
from extractors.levels import own_level, without_invented_level
from extractors.names import spell_out
from extractors.registry import Registry, load_registry, number_key
from pipeline.document import Document
from pipeline.lexicon import (
    CitationCuesLexicon,
    DocTypesLexicon,
    DocumentPartsLexicon,
    HeadingsLexicon,
    LevelsLexicon,
    TimeExpressionsLexicon,
    phrases,
    spaced,
)
from pipeline.models import Citation, DocWarning

# Words that may stand between a type word and "số" ("Quy chế làm việc số 01-QC/ĐU") must not be
# connectives that start a new phrase ("Kế hoạch thực hiện Nghị quyết số 57-NQ/TW" is a Nghị quyết).
_CUES = CitationCuesLexicon.load()
_DAY = TimeExpressionsLexicon.load().day_word  # "ngày"
_YEAR = TimeExpressionsLexicon.load().year_word  # "năm"
_PARTS = DocumentPartsLexicon.load()
_NUMBER_WORD = _PARTS.number_word  # "số"


_STOP_WORDS = phrases(_CUES.name_stop_words)
# A bare number after a type word is a short form unless a unit or time word follows it.
_NOT_SHORT_AFTER = phrases(_CUES.not_short_after)


@dataclass
class Mention:
    """A citation found in a string, before document-level decisions."""

    start: int
    end: int
    doc_type: str
    number: str | None
    short: bool = False
    """Written as a short form ("Nghị quyết 57"): `number` is the digits as written."""
    named: bool = False
    """Cited by its name and date, with no number (a law, the constitution)."""
    year_only: bool = False
    """Named and dated by its year alone ("Hiến pháp … năm 2013"): the year is in its quote."""
    date: str | None = None
    date_invalid: str | None = None
    """A date was written but cannot exist (31/02/2025): the text, for a warning."""
    issuer: str | None = None
    issuer_from_list: bool = False
    issuer_before: bool = False
    """The issuer stood before the document ("của Tỉnh ủy tại Kế hoạch số …"): a list that follows shares it."""


# An unlisted issuer opens with a body word and runs to a word that starts the subject or a new clause.
_BODY_HEAD = phrases(_CUES.body_heads)
_ISSUER_STOP = phrases(_CUES.issuer_stop_words)


@dataclass(frozen=True)
class _Patterns:
    type_start: re.Pattern
    typed: regex.Pattern
    numbered_law: regex.Pattern
    law: regex.Pattern
    bare: regex.Pattern
    tail_date: regex.Pattern
    tail_issuer: regex.Pattern
    generic_issuer: regex.Pattern


@lru_cache(maxsize=4)
def _patterns(registry: Registry) -> _Patterns:
    """The grammar, compiled once per registry.

    Scanning is driven by candidates: the standard `re` module finds where a type word starts
    (one pass, ~0.6 ms on a 25 KB plan; one alternation over every position with `regex` cost
    five times that), and the full grammar is tried only there; a second pass finds bare numbers.
    """
    types = registry.type_pattern
    name_word = rf"(?!{_STOP_WORDS}{AFTER_WORD})(?!{types}{AFTER_WORD})[^\W\d_]+"
    law_word = (
        rf"(?:(?:{registry.name_compounds}){AFTER_WORD}"
        rf"|(?!{phrases(_CUES.law_name_stop_words)}{AFTER_WORD})(?!{types}{AFTER_WORD})[^\W\d_]+)"
    )
    typed = (
        rf"(?P<type>{types})"
        rf"(?:(?:,?\s+{name_word}){{0,8}}?\s+{_NUMBER_WORD}\s*:?\s*|\s*:?\s+)"
        rf"(?:{NUMBER}|(?P<old>\d{{1,5}})\s*/\s*(?P<oldsym>{LETTER}{{2,10}}(?:\.{LETTER}{{2,10}})?)|(?P<short>\d{{1,4}})(?:\s*{HYPHEN}\s*(?P<shortsym>[a-zđð]{{1,6}})(?![\w/]|\s*/))?"
        rf"(?![\w/]|[.,]\d|\s*{HYPHEN}\s*\w|\s*/\s*\w))"
    )
    numbered_law = (  # "Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15": a law's name holds "và"
        rf"(?P<type>{registry.named_kind_pattern})(?:,?\s+{law_word}){{1,14}}?\s+{_NUMBER_WORD}\s*:?\s*{NUMBER}"
        rf"(?![\w/]|[.,]\d|\s*{HYPHEN}\s*\w|\s*/\s*\w)"
    )
    law = (  # "Luật Dữ liệu ngày 30 tháng 11 năm 2024"; "Hiến pháp nước … năm 2013" (by its year)
        rf"(?P<law>{registry.named_kind_pattern})(?P<lawname>(?:,?\s+{law_word}){{0,16}}?)"
        rf"(?=\s*,?\s*(?:{_DAY}\s*)?{FULL_DATE}|\s+(?P<lawyear>{_YEAR}\s+(?:19|20)\d{{2}})(?!\d|\s*[/-]))"
    )
    return _Patterns(
        type_start=re.compile(rf"(?<!\w){types}(?!\w)"),
        typed=regex.compile(typed),
        numbered_law=regex.compile(numbered_law),
        law=regex.compile(law),
        bare=regex.compile(NUMBER),
        tail_date=regex.compile(
            rf"\s*,?\s*(?:(?:{'|'.join(_CUES.signing_verbs)})\s+)?(?:{_DAY}\s*)?(?P<date>{FULL_DATE})"
        ),
        tail_issuer=regex.compile(rf"\s*,?\s*{_CUES.of_word}\s+"),
        generic_issuer=regex.compile(
            # words joined by spaces or a spaced dash: "Bộ Lao động - Thương binh và Xã hội" is one name; a type
            # word is part of it ("Sở Kế hoạch và Đầu tư", "Phòng Tài chính - Kế hoạch") unless a number follows
            rf"{_BODY_HEAD}{AFTER_WORD}(?:(?:[ \t]+|[ \t]*[-–][ \t]*)(?!{_ISSUER_STOP}{AFTER_WORD})"
            rf"(?!{types}\s+(?:{_NUMBER_WORD}{AFTER_WORD}|\d))[^\W\d_]+(?:-[^\W\d_]+)?){{1,9}}"
        ),
    )


# The place name after an issuer: "Ninh Bình" ("Tỉnh ủy Ninh Bình"), "tỉnh Hà Giang" ("Sở … tỉnh Hà Giang").
_PLACE_LEVEL = regex.compile(rf"[ \t]+{phrases(_CUES.place_levels)}(?=[ \t]+\p{{Lu}})", regex.IGNORECASE)
_PLACE_WORD = regex.compile(r"[ \t]+(\p{Lu}[\p{Ll}\p{Lu}]*(?:['’]\p{L}[\p{Ll}\p{Lu}]*)*)")
# Capitalized words after an issuer that open a new phrase, not a place name ("Về", "KHÓA XX").
_TERM_WORDS = frozenset(_CUES.term_words)
# A body at the commune's level drops its place name, as metadata does (gold/README.md).
_MEETING_RE = regex.compile(_CUES.meeting_pattern)
_COMMUNE_PLACE_RE = regex.compile(
    rf"^(.*[ \t]{phrases(LevelsLexicon.load().commune)})(?:[ \t]+\p{{Lu}}[\p{{Ll}}\p{{Lu}}'’]*)+$"
)
# ... but "năm" before a single year, after two digits or more, dates the short form ("Đề án 06 năm 2023");
# "Kế hoạch 5 năm 2021 - 2025" is a five-year plan.
_NOT_SHORT_AFTER_RE = regex.compile(rf"\s*{_NOT_SHORT_AFTER}{AFTER_WORD}")
_DATED_SHORT_RE = regex.compile(rf"\s*{_YEAR}\s+(?:19|20)\d{{2}}(?!\d|\s*[-–/]\s*\d)")


def _candidates(folded: str, patterns: _Patterns) -> list[regex.Match]:
    """Grammar matches in document order, none overlapping: typed mentions, laws, bare numbers."""
    typed: list[regex.Match] = []
    last_end = 0
    for start in patterns.type_start.finditer(folded):
        if start.start() < last_end:
            continue
        at = start.start()
        grammars = (patterns.typed, patterns.numbered_law, patterns.law)
        m = next((found for grammar in grammars if (found := grammar.match(folded, at))), None)
        if m:
            typed.append(m)
            last_end = m.end()
    found: list[regex.Match] = []
    i = 0
    for m in patterns.bare.finditer(folded):
        while i < len(typed) and typed[i].end() <= m.start():
            found.append(typed[i])
            i += 1
        if i < len(typed) and typed[i].start() <= m.start() < typed[i].end():
            continue
        found.append(m)
    found.extend(typed[i:])
    return found


# A numeric date whose year slipped: split by a PDF's space ("16/7/20 21") or short of a digit ("29/6/206").
_SLIPPED_DATE_RE = regex.compile(
    rf"\s*,?\s*(?:{_DAY}\s*)?(?P<day>\d{{1,2}})\s*/\s*(?P<month>\d{{1,2}})\s*/\s*"
    rf"(?P<year>\d{{2}} \d{{2}}|\d{{3}})(?![\d/])"
)
_NUMBER_YEAR_RE = regex.compile(r"/((?:19|20)\d{2})/")


def _slipped_date(folded: str, pos: int, number: str | None) -> tuple[str, int] | None:
    """A date after the number whose year is misprinted, read as meant (gold-guidelines: a date written
    with a slip) where the number carries the year and the printed digits are that year's, split by a
    space or one of them dropped: "24/2021/QĐ-TTg ngày 16/7/20 21", "67/2006/QH11 ngày 29/6/206". The
    ISO date and where it ends; None where the number has no year or the digits do not fit it."""
    year_in_number = _NUMBER_YEAR_RE.search(number or "")
    m = _SLIPPED_DATE_RE.match(folded, pos) if year_in_number else None
    if m is None or year_in_number is None:
        return None
    year, printed = year_in_number.group(1), m.group("year").replace(" ", "")
    if printed != year and not any(year[:i] + year[i + 1 :] == printed for i in range(len(year))):
        return None
    date = parse_date(f"{m.group('day')}/{m.group('month')}/{year}")
    return (date, m.end()) if date else None


def scan(text: str, folded: str | None = None, registry: Registry | None = None) -> list[Mention]:
    """Citations in `text`, fields parsed from the mention itself (no document context)."""
    registry = registry or load_registry()
    folded = fold(text) if folded is None else folded
    patterns = _patterns(registry)
    found: list[Mention] = []
    for m in _candidates(folded, patterns):
        mention = _mention(m, text, folded, registry)
        if mention is None:
            continue
        pos = mention.end
        d = patterns.tail_date.match(folded, pos)
        if d:
            mention.date = parse_date(d.group("date"))
            if mention.date is None:
                mention.date_invalid = text[d.start("date") : d.end("date")]
            pos = mention.end = d.end()
        elif slipped := _slipped_date(folded, pos, mention.number):
            mention.date, pos = slipped
            mention.end = pos
        elif mention.named and not mention.year_only:
            continue  # a law's name without its date is no citation
        joint = _joint_issuers(folded, pos, registry) if _is_joint(mention.number) else None
        if joint:
            mention.issuer, mention.end = joint
        elif i := patterns.tail_issuer.match(folded, pos):
            _read_issuer(mention, i.end(), text, folded, registry, patterns)
        if mention.date is None and mention.issuer is not None:
            # "Nghị quyết số 57-NQ/TW của Bộ Chính trị ngày 22/12/2024": the date after the issuer
            d = patterns.tail_date.match(folded, mention.end)
            if d and (date := parse_date(d.group("date"))):
                mention.date = date
                mention.end = d.end()
        if mention.issuer is None and not mention.named:
            mention.issuer = _issuer_before(mention.start, folded, text, registry, patterns)
            mention.issuer_before = mention.issuer is not None
            mention.issuer = (
                mention.issuer
                or _issuer_in_name(mention.start, folded, text, registry, patterns)
                or _issuer_before_parenthesis(mention.start, folded, text, registry, patterns)
            )
        mention.issuer = organisation(mention.issuer, registry)  # "của Bộ trưởng Bộ Y tế": the Bộ
        found.append(mention)
    found.extend(_abbreviated(text, registry, found))
    found.sort(key=lambda x: x.start)
    if registry is load_registry():
        _last_scan.spans = (text, folded, [(x.start, x.end) for x in found])
    return found


# The spans of this thread's last `scan` with the process's registry, with the very strings it read (see
# `scan_spans`); one per thread, so that documents read side by side in threads never see each other's.
_last_scan = threading.local()


def scan_spans(text: str, folded: str) -> list[tuple[int, int]]:
    """Where `scan(text, folded)` finds citations, in its order. The citations extractor scans a document just
    before targets asks for its citation spans, so they are kept from that scan when the strings are the same
    objects (scanning again cost targets ~1.2 ms a plan, a fifth of its time); else the text is scanned."""
    last = getattr(_last_scan, "spans", None)
    if last is not None and last[0] is text and last[1] is folded:
        return list(last[2])
    return [(x.start, x.end) for x in scan(text, folded)]


def _abbreviated(text: str, registry: Registry, found: list[Mention]) -> list[Mention]:
    """Short forms written as a symbol code glued to the digits ("NQ57", "KH02"): a short citation of
    that kind, resolved like "Nghị quyết 57" (gold-guidelines: its own `mentions` citation). Case is
    kept, so a lower-case word is never one; a code inside a number already read ("57-NQ/TW") is not."""
    out = []
    for m in registry.abbreviated_re.finditer(text):
        if any(x.start <= m.start() < x.end for x in found):
            continue
        kind = registry.doc_type_of_symbol(m.group("code"))
        if kind:
            out.append(Mention(start=m.start(), end=m.end(), doc_type=kind, number=m.group("digits"), short=True))
    return out


_JOINT_OF_RE = regex.compile(
    rf"\s*,?\s*(?:{phrases([_CUES.of_word, *_CUES.joint_of_words])})\s+(?P<head>{spaced(_CUES.joint_head)}\s*:?\s*)?"
)
_JOINT_SEPARATOR_RE = regex.compile(rf"\s*(?:{'|'.join(regex.escape(s) for s in _CUES.joint_separators)})\s*")


def _is_joint(number: str | None) -> bool:
    """A number whose symbol names two or more issuers after its type: 25/2010/TTLT-BLĐTBXH-BTC-BYT."""
    return number is not None and number.rsplit("/", 1)[-1].count("-") >= 2


def _ministry_at(folded: str, at: int, stop: int, registry: Registry) -> tuple[str, bool, int] | None:
    """A ministry named without its "Bộ" at `at`, read no further than `stop` ("của Liên Bộ: … Tài chính",
    "các Bộ: Tài chính (Công văn số …)"): the registry's issuer, as `Registry.issuer_at` gives it, its end
    a position in `folded`."""
    prefix = f"{_CUES.ministry_word} "
    found = registry.issuer_at(prefix + folded[at:stop], 0)
    return (found[0], found[1], at + found[2] - len(prefix)) if found else None


def _joint_issuers(folded: str, pos: int, registry: Registry) -> tuple[str, int] | None:
    """The issuers of a joint document, each canonical, joined by ", " as the gold writes them, and where
    they end: "của Bộ Tài chính, Bộ Kế hoạch & Đầu tư, Bộ …", "giữa Bộ Tài chính và Bộ Nông nghiệp và PTNT",
    "của Liên Bộ: Lao động Thương binh và Xã hội - Tài chính - Y tế" (names without their "Bộ"). None
    where fewer than two issuers are named there: the ordinary reading of "của …" then applies."""
    opening = _JOINT_OF_RE.match(folded, pos)
    if opening is None:
        return None
    names: list[str] = []
    at = end = opening.end()
    while True:
        found = registry.issuer_at(folded, at)
        if found is None and opening.group("head"):
            found = _ministry_at(folded, at, at + 120, registry)
        if found is None or found[0] in names:
            break
        names.append(found[0])
        end = found[2]
        separator = _JOINT_SEPARATOR_RE.match(folded, end)
        if separator is None:
            break
        at = separator.end()
    return (", ".join(names), end) if len(names) > 1 else None


_OF_BEFORE_RE = regex.compile(rf"(?<!\w){_CUES.of_word}\s+")
_AT_BEFORE_RE = regex.compile(rf"\s+{phrases(_CUES.issuer_links)}\s+$")


def _issuer_before(start: int, folded: str, text: str, registry: Registry, patterns: _Patterns) -> str | None:
    """An issuer stated just before the document: "của Sở Khoa học và Công nghệ tại Tờ trình số …"."""
    lo = max(0, start - 160)
    gap = _AT_BEFORE_RE.search(folded, lo, start)
    if gap is None:
        return None
    for of in reversed(list(_OF_BEFORE_RE.finditer(folded, lo, gap.start()))):
        body_at = of.end()  # "của Giám đốc Sở …": `_read_issuer` passes the title over, the Sở issues
        probe = Mention(start=start, end=body_at, doc_type="other", number=None)
        _read_issuer(probe, body_at, text, folded, registry, patterns)
        if probe.issuer and probe.end == gap.start():
            return probe.issuer
    return None


_OPEN_PAREN_BEFORE_RE = regex.compile(r"\s*\(\s*$")
_WORD_START_RE = regex.compile(r"(?<![\w])\w")
_MINISTRIES_LIST_RE = regex.compile(rf"(?<![\w]){spaced(_CUES.ministry_word)}\s*:")


def _issuer_before_parenthesis(
    start: int, folded: str, text: str, registry: Registry, patterns: _Patterns
) -> str | None:
    """The body named just before the parenthesis that holds the document (gold/README.md, round 3):
    "Xét đề nghị của Ủy ban nhân dân tỉnh Nghệ An (Công văn số …)", "ý kiến của các Bộ: Lao động -
    Thương binh và Xã hội (Công văn số …), Tài chính (Công văn số …)": the longest name that ends at the
    "(", a ministry written without its "Bộ" where a list of ministries ("các Bộ:") opened the sentence."""
    gap = _OPEN_PAREN_BEFORE_RE.search(folded, max(0, start - 8), start)
    if gap is None:
        return None
    lo = max(0, start - 120, folded.rfind(")", 0, gap.start()) + 1, folded.rfind(";", 0, gap.start()) + 1)
    ministries = _MINISTRIES_LIST_RE.search(folded, max(0, start - 400), gap.start()) is not None
    for word in _WORD_START_RE.finditer(folded, lo, gap.start()):
        probe = Mention(start=start, end=word.start(), doc_type="other", number=None)
        _read_issuer(probe, word.start(), text, folded, registry, patterns)
        if probe.issuer and probe.end == gap.start():
            return probe.issuer
        found = _ministry_at(folded, word.start(), gap.start(), registry) if ministries else None
        if found and found[2] == gap.start():
            return found[0]
    return None


_NUMBER_WORD_BEFORE_RE = regex.compile(rf"\s+{_NUMBER_WORD}\s*:?\s*$")


def _issuer_in_name(start: int, folded: str, text: str, registry: Registry, patterns: _Patterns) -> str | None:
    """An issuer written between the type and the number: "Quyết định của Thủ tướng Chính phủ số 142/2008/QĐ-TTg",
    "Quyết định của Bộ Chính trị số 31-QĐ/TW"."""
    lo = max(0, start - 160)
    for of in reversed(list(_OF_BEFORE_RE.finditer(folded, lo, start))):
        if not patterns.type_start.search(folded, max(lo, of.start() - 30), of.start()):
            continue
        probe = Mention(start=start, end=of.end(), doc_type="other", number=None)
        _read_issuer(probe, of.end(), text, folded, registry, patterns)
        if probe.issuer and _NUMBER_WORD_BEFORE_RE.match(folded, probe.end, start):
            return probe.issuer
    return None


def _read_issuer(mention: Mention, start: int, text: str, folded: str, registry: Registry, patterns: _Patterns) -> None:
    """The issuer after "của": a lexicon name (canonical, with the place name where it keeps one),
    else an unlisted body opened by a body word ("Sở Tư pháp tỉnh Hà Giang"), as written. A head's title
    before the body ("của Giám đốc Sở Tư pháp"), or its meeting ("của Hội nghị lần thứ sáu Ban Chấp hành Trung
    ương"), is passed over: the body issues the document."""
    for opener in (_MEETING_RE, registry.head_of_body_re):  # "của Hội nghị lần thứ sáu …", "của Giám đốc …"
        head = opener.match(folded, start)
        if head and (registry.issuer_at(folded, head.end()) or patterns.generic_issuer.match(folded, head.end())):
            start = head.end()
    issuer = registry.issuer_at(folded, start)
    if issuer:
        name, keeps_place, end = issuer
        wider = _wider_name(name, start, end, text, folded, registry, patterns)
        if wider:
            mention.issuer, mention.end = wider
            return
        # a name that runs on with its qualifiers ("Ban Bí thư Trung ương| Đoàn| về …"), where no level word and
        # place name follow it (those are the name's place, read below)
        written_level = registry.level_after(folded, start, end) or _PLACE_LEVEL.match(text, end)
        continued = None if written_level else continued_name(name, start, end, text, folded, registry)
        if continued:
            mention.issuer, mention.end = continued
            return
        place = _place_after(text, end)
        if place:
            end = place[1]
            if keeps_place and name:
                name = f"{name} {place[0]}"
        mention.issuer = name
        mention.end = end
        return
    generic = patterns.generic_issuer.match(folded, start)
    if generic:
        name = " ".join(text[generic.start() : generic.end()].split())
        mention.issuer = _COMMUNE_PLACE_RE.sub(r"\1", name)  # "Ủy ban bầu cử xã Công Hải" → "… xã"
        mention.end = generic.end()


@lru_cache(maxsize=8)
def _qualifiers(registry: Registry, until: str | None) -> regex.Pattern:
    """Words that qualify a body's name past the name the lexicon knows, up to `until` (a folded pattern that
    must follow) or, where None, up to the name ends of the lexicon ("về"): no stop word (a descriptor stop, or a
    verb that follows a body's name: "… Trung ương quy định về …"), no digit."""
    end = until if until is not None else rf"[ \t\n]+(?:{registry.continued_name_end}){AFTER_WORD}"
    stops = f"{registry.descriptor_stop}|{registry.continued_name_stop}"
    return regex.compile(
        rf"(?:[ \t]*\n?[ \t]*(?<=\s)(?!(?:{stops}){AFTER_WORD})[^\W\d_]+){{1,12}}?(?={end})"
    )


def continued_name(
    name: str, start: int, end: int, text: str, folded: str, registry: Registry, until: str | None = None
) -> tuple[str, int] | None:
    """The full name of a body the lexicon knows only in part, and where it ends: "Ban Chỉ đạo Trung ương| các
    Chương trình mục tiêu quốc gia| về …", "Ban Bí thư Trung ương| Đoàn| về việc …". The heads whose names run
    on so are the lexicon's (`continued_heads`); the name stops where gold-guidelines stop it, before "về"
    (`until`: the verb of an issuing sentence), never at a word that opens a date, a term or another phrase.
    Written as the text has it, abbreviations spelled out; None where no word qualifies the name."""
    if not registry.continued_head_re.match(folded, start):
        return None
    words = _qualifiers(registry, until).match(folded, end)
    if words is None:
        return None
    return spell_out(" ".join(text[start : words.end()].split())), words.end()


@lru_cache(maxsize=4)
def _descriptor_to_territory(registry: Registry) -> regex.Pattern:
    """Words that describe a body up to the territory it serves: "Ban Chỉ đạo| triển khai xóa nhà tạm, nhà
    dột nát| tỉnh Khánh Hòa" (folded; no word that opens a subject, date or number on the way)."""
    territories = "|".join(regex.escape(w) for w in sorted(LevelsLexicon.load().territories, key=len, reverse=True))
    return regex.compile(
        rf"(?:[ \t]*,?[ \t]+(?!(?:{registry.descriptor_stop}){AFTER_WORD})"
        rf"(?!(?:{registry.descriptor_number_stop})[ \t:]*\d)[^\W\d_]+){{0,24}}?"
        rf"(?=[ \t]+(?:{territories}){AFTER_WORD})"
    )


@lru_cache(maxsize=4)
def _territory_word(registry: Registry) -> regex.Pattern:
    territories = "|".join(regex.escape(w) for w in sorted(LevelsLexicon.load().territories, key=len, reverse=True))
    return regex.compile(rf"[ \t]+({territories}){AFTER_WORD}")


def _wider_name(
    name: str, start: int, end: int, text: str, folded: str, registry: Registry, patterns: _Patterns
) -> tuple[str, int] | None:
    """A commune body's name (canonical "… xã") that the text carries on past its own words, so that it
    names a body above the commune and no level is invented (issue 12): another body follows ("Ban
    Thường vụ Đảng ủy| Bộ Công Thương"), or words describing it up to a territory, with its place ("Ban
    Chỉ đạo| triển khai xóa nhà tạm … tỉnh Khánh Hòa") or without ("Ban Chấp hành| Đảng bộ thị xã khóa
    XIV"). The name is then the body's own words as written (abbreviations spelled out) and what follows;
    None where the text gives no more (the commune's own body) or a level word of its own."""
    commune = f" {LevelsLexicon.load().canonical_commune}"  # " xã"
    if not name.endswith(commune) or registry.level_after(folded, start, end):
        return None
    base = spell_out(" ".join(text[start:end].split()))
    gap = regex.compile(r"[ \t]+").match(folded, end)
    if gap is not None:
        after = registry.issuer_at(folded, gap.end())
        if after and not after[0].endswith(commune):
            other, keeps_place, other_end = after
            place = _place_after(text, other_end) if keeps_place else None
            if place:
                return f"{base} {other} {place[0]}", place[1]
            return f"{base} {other}", other_end
        generic = patterns.generic_issuer.match(folded, gap.end())
        if generic:
            return f"{base} {' '.join(text[generic.start() : generic.end()].split())}", generic.end()
    described = _descriptor_to_territory(registry).match(folded, end)
    if described is None:
        return None
    place = _place_after(text, described.end())
    if place and _PLACE_LEVEL.match(text, described.end()):
        return f"{base} {' '.join(text[end : place[1]].split())}", place[1]
    territory = _territory_word(registry).match(folded, described.end())
    return f"{base}{' '.join(('', *text[end : territory.end()].split()))}", territory.end()


def territory_name(
    name: str, start: int, end: int, text: str, folded: str, registry: Registry
) -> tuple[str, int] | None:
    """A commune body's word that words describing it carry to a higher territory ("Ban Chỉ đạo| chuyển đổi
    số| huyện …"): the name up to the territory word, without the place name that follows (a plan's issuer,
    whose place is the metadata's own field), and where it ends; None otherwise."""
    commune = f" {LevelsLexicon.load().canonical_commune}"
    if not name.endswith(commune) or registry.level_after(folded, start, end):
        return None
    described = _descriptor_to_territory(registry).match(folded, end)
    territory = _territory_word(registry).match(folded, described.end()) if described else None
    if territory is None or described is None or described.end() == end:
        return None
    return spell_out(" ".join(text[start : territory.end()].split())), territory.end()


def _place_after(text: str, pos: int) -> tuple[str, int] | None:
    """The place name written after an issuer: "Ninh Bình", "tỉnh Hà Giang", "NINH BÌNH" (up to four
    capitalized words, none of them a word that opens the subject), and where it ends."""
    level = _PLACE_LEVEL.match(text, pos)
    end = level.end() if level else pos
    words: list[str] = []
    while len(words) < 4:
        m = _PLACE_WORD.match(text, end)
        if not m or fold(m.group(1)) in _TERM_WORDS:
            break
        words.append(m.group(1))
        end = m.end()
    if not words:
        return None
    return " ".join(text[pos:end].split()), end


def _old_number(m: regex.Match, text: str, registry: Registry) -> str:
    """A number with one code after its slash, canonical: "Quyết định số 118/TTg", "Tờ trình số 126/SKHĐT" (an
    older numbering with the issuer's code alone), "Công văn 33/BCĐ.HMTN"; where the code is the type's own
    code glued to an issuer's ("Chỉ thị số 27/CTTg"), the two are parted as the style writes them (27/CT-TTg)."""
    written = text[m.start("oldsym") : m.end("oldsym")]
    speller = registry.speller
    kind = registry.doc_type_of_name(text[m.start("type") : m.end("type")])
    for cut in range(1, len(written)):
        head, tail = written[:cut], written[cut:]
        if speller.known(head) and speller.known(tail) and registry.doc_type_of_symbol(head) == kind:
            return f"{m.group('old')}/{speller.spell(head)}-{speller.spell(tail)}"
    return f"{m.group('old')}/{'.'.join(speller.spell(part) for part in written.split('.'))}"


def _mention(m: regex.Match, text: str, folded: str, registry: Registry) -> Mention | None:
    groups = m.re.groupindex
    if "law" in groups and m.group("law"):
        doc_type = registry.doc_type_of_name(text[m.start("law") : m.end("law")])
        if not m.group("lawname").strip() and doc_type not in registry.unique_kinds:
            return None  # "Luật năm 2020": a law needs its name
        # a name dated by its year only keeps the year in its quote; the date field takes full dates only
        name_end = m.end("lawyear") if m.group("lawyear") else m.end("lawname")
        by_year = bool(m.group("lawyear"))
        return Mention(start=m.start(), end=name_end, doc_type=doc_type, number=None, named=True, year_only=by_year)
    number = None
    if "old" in groups and m.group("old"):
        if not _HAS_UPPER_RE.search(text, m.start("oldsym"), m.end("oldsym")):
            return None  # "Đề án 1/km": a unit, not an issuer's code
        number = _old_number(m, text, registry)
    elif m.group("pn") or m.group("gn") or m.group("ln"):
        number = canonical_number(m, text, registry.speller)
        if number is None:
            return None
    if "type" in groups and m.group("type"):
        type_text = text[m.start("type") : m.end("type")]
        doc_type = registry.doc_type_of_name(type_text)
        if "short" in groups and m.group("short"):
            digits = m.group("short")
            if not type_text[:1].isupper():
                return None
            if len(digits) == 4 and digits[:2] in ("19", "20"):
                return None  # a year: "Kế hoạch 2026" is a plan's own short name, not a number
            dated = len(digits) > 1 and _DATED_SHORT_RE.match(folded, m.end())
            if _NOT_SHORT_AFTER_RE.match(folded, m.end()) and not dated:
                return None
            if m.group("shortsym") and registry.doc_type_of_symbol(m.group("shortsym")) != doc_type:
                return None  # "Nghị quyết 57-NQ" names its type again; "Kế hoạch 5-ha" does not
            return Mention(start=m.start(), end=m.end(), doc_type=doc_type, number=digits, short=True)
        if number is not None and not ("old" in groups and m.group("old")):
            doc_type = registry.doc_type_of_named_number(type_text, number_type_code(m))
        return Mention(start=m.start(), end=m.end(), doc_type=doc_type, number=number)
    # A bare number: only where its symbol names a document type (NQ, KH, QĐ ...).
    doc_type = registry.doc_type_of_symbol(number_type_code(m))
    if doc_type is None:
        return None
    return Mention(start=m.start(), end=m.end(), doc_type=doc_type, number=number)


# --- document-level decisions -----------------------------------------------------------------

_HEADING_RE = regex.compile(r"(?m)^[ \t*#]*(?:[ivx]{1,4}|1|a)\s*[.\-–)]\s+\S")
_OWN_NUMBER_RE = regex.compile(rf"(?m)^[\W_]*{_NUMBER_WORD}\s*:?\s*{NUMBER}")
_ABBREVIATION_RE = regex.compile(r"\s*" + _CUES.abbreviation_pattern)
_ATTACHED_RE = regex.compile(r"\s*" + spaced(_CUES.attached))
_LIST_JOIN = rf"\s*(?:,|;|{_CUES.list_joiner}|,\s*{_CUES.list_joiner})\s*"
_LIST_JOIN_RE = regex.compile(_LIST_JOIN)
# "…, số B và số C": a number that continues a list by the number word alone.
_NUMBER_CONTINUES_RE = regex.compile(rf"{_LIST_JOIN}{_NUMBER_WORD}\s*:?\s*")

_IMPLEMENTS_RE = regex.compile(phrases(_CUES.implements))
# A line that ends with an implementing verb, the document it carries out on the next line.
_IMPLEMENTING_LINE_END_RE = regex.compile(rf"(?:{phrases(_CUES.implements)})[ \t:]*\n[ \t*_]*$")
_REPLACES = spaced(_CUES.replaces)  # "thay\s+thế"
_REPLACES_RE = regex.compile(_REPLACES)
# A list member named by one of its provisions, or by what the list does to it, after the joiner: "A; khoản 2
# Điều 1 B của X", "A và thay thế B của X". For the issuer a list shares only: the words belong to the
# sentence, not to a document's subject (relation and nesting keep _LIST_JOIN_RE).
_PROVISION = rf"(?:{alternation(_CUES.provision_words)}\s+(?:\d+|[^\W\d_])(?!\w)\s*,?\s*)+"
_MEMBER_JOIN_RE = regex.compile(rf"{_LIST_JOIN}(?:{_PROVISION}|{_REPLACES}\s+)?")
# A head paragraph that opens by carrying documents out: "Thực hiện …", "Để triển khai thực hiện …".
_OPENS_IMPLEMENTING_RE = regex.compile(r"[\s*_\-–•]*" + _CUES.opens_implementing_pattern)
# The plan (or decision) itself replaces: "thay thế" opening the clause, or after "… này" in it ("Kế hoạch này
# thay thế …", "Quyết định này có hiệu lực kể từ ngày ký và thay thế …").
_PLAN_REPLACES_RE = regex.compile(
    rf"(?:^[\s*(\-–•]*|(?<!\w)(?:{'|'.join(_CUES.this_words)})(?!\w)[^;]*?\s){_REPLACES}"
)
_BASIS = spaced(_PARTS.basis)  # "căn\s+cứ"
_BASIS_START_RE = regex.compile(r"[\s*(\-–•]*" + _BASIS)
# A clause ends at ";", at ". ", at a blank line, or at a line that starts a new sentence.
_LINE_BREAK_RE = regex.compile(r"\n(?:[ \t]*\n|[ \t*\-–•]*\p{Lu})")
_HAS_LETTER_RE = regex.compile(r"\p{L}")
_HAS_LOWER_RE = regex.compile(r"\p{Ll}")
_HAS_UPPER_RE = regex.compile(r"\p{Lu}")


def head_end(document: Document) -> int:
    """Offset of the first section: what precedes it is the plan's head (title, basis, opening)."""
    if document.sections:
        return min(s.start for s in document.sections)
    m = _HEADING_RE.search(document.fold)
    return m.start() if m else len(document.fold)


# A first numbered heading ("I. MỤC ĐÍCH", "1. Công tác lãnh đạo") the structure did not take for one, on
# `text` (a heading opens with a capital).
_FIRST_HEADING_RE = regex.compile(r"(?m)^[ \t*#]*(?:I|1)[ \t]*[.)][ \t]+\p{Lu}")
# "Phần I" alone on its line, its title on the next (folded).
_FIRST_PART_RE = regex.compile(rf"(?m)^[ \t*#]*{_CUES.first_part_pattern}[ \t]*[.:\-–]?[ \t*]*$")


def body_start(document: Document) -> int:
    """Where the plan's body starts, for the relation of a citation: the structure's first section
    (`head_end`), or earlier where the head, read from its title on, holds a first heading ("1. Công tác
    lãnh đạo, chỉ đạo.", "Phần I" alone on its line) that the structure read as head text (its "title"
    then ran on past it).

    The line that opens a decision's articles ("QUYẾT ĐỊNH:") does not end it here: the plan a decision
    attaches, with its own title and opening, follows the articles, and the gold gives its title's documents
    the title's relation."""
    head = head_end(document)
    header = document.header
    parts = [header.title, header.doc_type_line, header.number_line]
    start = next((span.end for span in parts if span is not None), None)
    if start is None or start >= head:
        return head
    if header.title is not None:
        # the title's own first line may open "1." no more than any heading does; search past its start
        start = header.title.start + 1
    types = _patterns(load_registry()).type_start
    part = _FIRST_PART_RE.search(document.fold, start, head)
    head = part.start() if part else head
    for first in _FIRST_HEADING_RE.finditer(document.text, start, head):
        if not types.match(document.fold, first.end() - 1):
            return first.start()
        # "1. Nghị quyết số 57-NQ/TW …": a numbered list of the documents the plan rests on, no heading
    return head


_BASIS_TITLE_RE = regex.compile(r"[\s*]*" + _BASIS)
_SECOND_ROMAN_RE = regex.compile(r"(?m)^[ \t*#]*ii\s*[.\-–)]\s+\S")


def basis_section(document: Document) -> tuple[int, int] | None:
    """Range of a first section titled "Căn cứ …" ("I. CĂN CỨ LẬP KẾ HOẠCH"): it holds basis citations."""
    if document.sections:
        first = min(document.sections, key=lambda s: s.start)
        if _BASIS_TITLE_RE.match(fold(first.title)):
            return first.start, first.end
        return None
    m = _HEADING_RE.search(document.fold)
    if m is None or not _BASIS_TITLE_RE.match(document.fold, m.end() - 1):
        return None
    nxt = _SECOND_ROMAN_RE.search(document.fold, m.end())
    return m.start(), nxt.start() if nxt else len(document.fold)


def own_number_match(document: Document, end: int | None = None) -> regex.Match | None:
    """The NUMBER match of the plan's own number: inside the structure's number-line span where
    there is one (a blank "Số    -KH/ĐU" holds none), else on a head line opening "Số" before `end`."""
    span = document.header.number_line
    if span is not None:
        return NUMBER_RE.search(document.fold, span.start, span.end)
    limit = head_end(document) if end is None else end
    return _OWN_NUMBER_RE.search(document.fold, 0, limit) or _reprinted_number(document, limit)


_OF_AFTER_RE = regex.compile(rf"[ \t]+{_CUES.of_word}[ \t]")


def _reprinted_number(document: Document, limit: int) -> regex.Match | None:
    """A text without a header that opens with its own type ("Nghị quyết của Ban Chấp hành Đảng bộ tỉnh …",
    a newspaper's reprint): its number is the first of that type its lead states ("… đã ban hành Nghị quyết
    số 10-NQ/TU về …"), read within the first paragraphs (gold/README.md: a document without a header)."""
    header = document.header
    if any(span is not None for span in (header.place_date, header.doc_type_line)):
        return None
    registry = load_registry()
    folded = document.fold
    opening = regex.match(r"[\s#*]*", folded).end()
    kind = _patterns(registry).type_start.match(folded, opening)
    if kind is None or not _OF_AFTER_RE.match(folded, kind.end()):
        return None  # "KẾ HOẠCH" alone is a type line; a reprint's headline names its issuer: "Nghị quyết của …"
    doc_type = registry.doc_type_of_name(document.text[kind.start() : kind.end()])
    for m in NUMBER_RE.finditer(folded, kind.end(), min(limit, kind.end() + 600)):
        if registry.doc_type_of_symbol(number_type_code(m)) == doc_type:
            return m
    return None


def own_number(document: Document, end: int | None = None) -> str | None:
    """The plan's own number from its number line ("Số 10-KH/ĐU"), or None where blank or absent."""
    m = own_number_match(document, end)
    return canonical_number(m, document.text, load_registry().speller) if m else None


def _open_paren(folded: str, pos: int, window: int = 300) -> int | None:
    """Offset just after the '(' that encloses `pos` on its line, if any."""
    lo = max(0, pos - window)
    opening = folded.rfind("(", lo, pos)
    if opening < 0 or folded.find(")", opening, pos) >= 0:
        return None
    return opening + 1


def _clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the clause holding `pos`: after the last ";", ". ", blank line, or line break before a
    capital, not before `floor`. Searched backwards with str.rfind: it runs once per citation."""
    lo = max(floor, pos - 1500)
    start = max(text.rfind(";", lo, pos) + 1, lo)
    period = text.rfind(". ", lo, pos)
    if period >= 0:
        start = max(start, period + 2)
    line = text.rfind("\n", start, pos)
    while line >= start:
        if _LINE_BREAK_RE.match(text, line) and not _wrapped_capitals(text, line):
            return line + 1
        line = text.rfind("\n", start, line)
    return start


def _wrapped_capitals(text: str, line: int) -> bool:
    """The line break at `line` wraps a title set in capitals ("KẾ HOẠCH TRIỂN" / "KHAI NGHỊ QUYẾT SỐ …"):
    the lines on both sides have letters and none in lower case, so no new clause starts there."""
    before = text[text.rfind("\n", 0, line) + 1 : line]
    after_end = text.find("\n", line + 1)
    after = text[line + 1 : after_end if after_end >= 0 else len(text)]
    return all(_HAS_LETTER_RE.search(side) and not _HAS_LOWER_RE.search(side) for side in (before, after))


def _paragraph_start(text: str, pos: int, floor: int = 0) -> int:
    return max(text.rfind("\n", floor, pos) + 1, floor)


def _header_start(document: Document) -> int:
    """Where the plan's own header starts (its number line, place and date, type line or title): text
    above it is no part of the head (a footnote a PDF put first, a portal's summary)."""
    header = document.header
    parts = [header.number_line, header.place_date, header.doc_type_line, header.title]
    return min((span.start for span in parts if span is not None), default=0)


_SENTENCE_END_RE = regex.compile(r"[.:!?][\s*_”\"]*$")


def _continues(document: Document, start: int) -> bool:
    """A head span that the structure started in mid-sentence: the line before it is running text (it has
    lower-case letters, it is no number, date or type line) that ends no sentence ("… tầm nhìn đến năm" /
    "2030 (gọi tắt là Đề án 06); Kế hoạch số …" read as the issuing sentence from "2030" on). Such a span
    opens no clause of its own."""
    text = document.text
    line_start = text.rfind("\n", 0, max(0, start - 1)) + 1
    line = text[line_start:start].rstrip()
    if _in_header_lines(document, line_start) or _in_title(document, line_start, start):
        return False  # a title ends no sentence with a stop, yet the paragraph under it is a new one
    return bool(line) and bool(_HAS_LOWER_RE.search(line)) and not _SENTENCE_END_RE.search(line)


_CAPITAL_OPENING_RE = regex.compile(r"[ \t*_\-–•]*\p{Lu}")


def _in_title(document: Document, pos: int, start: int) -> bool:
    """`pos` is on the plan's title and `start`, a line opening with a capital, is not: the paragraph at
    `start` is a new one under the title (its opening sentence), not the title's words run on. A line the
    structure cut from the title mid-sentence ("… tầm nhìn đến năm" / "2030 (gọi tắt là Đề án 06); …")
    opens with no capital and still reads on."""
    title = document.header.title
    return (
        title is not None
        and title.start <= pos < title.end
        and not title.start <= start < title.end
        and _CAPITAL_OPENING_RE.match(document.text, start) is not None
    )


def _in_header_lines(document: Document, pos: int) -> bool:
    """`pos` is on the plan's number line, place-and-date line or type line: no paragraph runs over them."""
    header = document.header
    spans = [header.number_line, header.place_date, header.doc_type_line]
    return any(span is not None and span.start <= pos < span.end for span in spans)


def _unwrapped_paragraph_start(document: Document, pos: int, floor: int = 0) -> int:
    """Start of the paragraph holding `pos`, read over the line breaks a PDF put inside it: a line that does
    not end a sentence (".", ":") runs on into the next ("… tầm nhìn đến năm" / "2030 (gọi tắt là Đề án 06);
    Kế hoạch số …"). It stops at a line that opens by carrying documents out ("Thực hiện …"), at `floor`, at a
    line opening "Căn cứ" or a preamble's "Xét …" (the documents it lists are basis, gold-guidelines.md: the
    list at the head of a plan), and after a blank line, a line in capitals (the title) or the number, date or
    type line."""
    text, folded = document.text, document.fold
    start = _paragraph_start(text, pos, floor)
    while start > floor and not _OPENS_IMPLEMENTING_RE.match(folded, start):
        previous = _paragraph_start(text, start - 1, floor)
        line = text[previous : start - 1]
        if (
            not _HAS_LOWER_RE.search(line)  # blank, or a title line in capitals
            or _SENTENCE_END_RE.search(line)
            or _PREAMBLE_RE.match(folded, start)  # "Căn cứ …", "Xét …": a list of its own, not carried out
            or _in_header_lines(document, previous)
            or _in_title(document, previous, start)
        ):
            break
        start = previous
    return start


def _relation(document: Document, pos: int, head: int, basis_range: tuple[int, int] | None) -> str:
    """basis, implements, replaces or mentions, from the clause before the mention and its place.

    A clause starts at ";", ". ", a blank line, a line opening with a capital (on `text`, since
    `fold` has no capitals), or the start of the head span (title, Căn cứ line, issuing sentence)
    that holds the mention.
    """
    folded = document.fold
    opening = _open_paren(folded, pos)
    if opening is not None and _ABBREVIATION_RE.match(folded, opening):
        if pos >= head or opening - 1 < _header_start(document):
            return "mentions"
        # A short form in the title or an opening "Thực hiện …" list is carried out with the document it
        # abbreviates (gold-guidelines.md, decisions: a short form takes that place's relation); in a "Căn cứ"
        # list, in the head's prose and in the body it mentions (the bundled plans' gold: "Căn cứ Kế hoạch số
        # 24-KH/TU … (sau đây viết tắt là …)" is `mentions`).
        place = _relation(document, opening - 1, head, basis_range)
        return "implements" if place == "implements" and _in_opening_list(document, pos) else "mentions"
    if basis_range is not None and basis_range[0] <= pos < basis_range[1]:
        return "basis"
    header = document.header
    if pos < _header_start(document):
        return "mentions"  # above the plan's own header: a footnote or a portal's text, not its head
    floor = 0
    for span in [header.title, header.issuing_sentence, *header.basis]:
        if span is not None and span.start <= pos < span.end and not _continues(document, span.start):
            floor = max(floor, span.start)
    clause = folded[_clause_start(document.text, pos, floor) : pos]
    if pos >= head or _ARTICLE_RE.match(folded, _paragraph_start(document.text, pos)):
        # In the body, and in a decision's article ("Điều 1. Ban hành kèm theo …", a section: gold/README.md),
        # only the plan replaces: "Kế hoạch này thay thế …", not "71/NQ-CP thay thế 03/NQ-CP".
        return "replaces" if _PLAN_REPLACES_RE.search(clause) else "mentions"
    if _BASIS_START_RE.match(clause):
        return "basis"
    last = None
    for m in _IMPLEMENTS_RE.finditer(clause):
        last = ("implements", m.start())
    for m in _REPLACES_RE.finditer(clause):
        if last is None or m.start() > last[1]:
            last = ("replaces", m.start())
    if last:
        if last[0] == "implements" and _tells_how_others_carried_out(document, pos):
            return NARRATIVE
        return last[0]
    if _OPENS_IMPLEMENTING_RE.match(folded, _unwrapped_paragraph_start(document, pos, floor)):
        return "implements"  # "Thực hiện A; B; C": the verb opening the list governs every item of it
    if _IMPLEMENTING_LINE_END_RE.search(folded, max(0, pos - 80), _paragraph_start(document.text, pos, 0)):
        return "implements"  # a wrapped head line: "KẾ HOẠCH TRIỂN KHAI" / "NGHỊ QUYẾT SỐ 57-NQ/TW …"
    if header.title is not None and header.title.start <= pos < header.title.end:
        return "implements"  # the title names the document the plan is for
    if _lists_documents(document, pos, floor, clause):
        return "basis"  # a list of documents at the head: basis even where "Căn cứ" was lost
    return NARRATIVE


def _tells_how_others_carried_out(document: Document, pos: int) -> bool:
    """The implementing verb before `pos` stands in a head paragraph of prose, neither the title, nor a basis
    line, nor the sentence that issues the plan, nor a paragraph that opens by carrying documents out: such a
    paragraph may tell how others carried the document out ("Tuy nhiên, qua quá trình triển khai thực hiện tại
    các sở … theo Quyết định số …"), which is `mentions` (gold/README.md, round 2), so the verb alone does not
    make it `implements` (NARRATIVE: implements where the plan carries the same document out elsewhere)."""
    header = document.header
    for span in (header.title, header.issuing_sentence):
        if span is not None and span.start <= pos < span.end:
            return False
    if any(span.start <= pos < span.end for span in header.basis):
        return False
    start = _unwrapped_paragraph_start(document, pos)
    if not _HAS_LOWER_RE.search(document.text, start, pos):
        return False  # a title in capitals the structure did not mark ("KẾ HOẠCH / TRIỂN KHAI NGHỊ QUYẾT SỐ …")
    return not _OPENS_IMPLEMENTING_RE.match(document.fold, start)


def _in_opening_list(document: Document, pos: int) -> bool:
    """`pos` stands in the plan's title or in a head paragraph that opens by carrying documents out ("Thực hiện
    A; B; C", "Để triển khai thực hiện …"): the places whose documents the plan carries out, as against a
    paragraph of prose that names them on the way ("Trong bối cảnh …, việc triển khai Nghị quyết số …")."""
    title = document.header.title
    if title is not None and title.start <= pos < title.end:
        return True
    return _OPENS_IMPLEMENTING_RE.match(document.fold, _unwrapped_paragraph_start(document, pos)) is not None


# The relation `_relation` gives a document named in the head's prose, which lists nothing ("Ngày 09/4/2013,
# Chính phủ đã ban hành Nghị định số …", "Tại Công văn số …"): `extract_citations` makes it `implements` where
# the head carries that document out elsewhere (its title, a "Thực hiện …" line), else `mentions`.
NARRATIVE = "narrative"
_LIST_CLAUSE_RE = regex.compile(r"[\s*\-–•(]*")


def _lists_documents(document: Document, pos: int, floor: int, clause: str) -> bool:
    """The head clause before `pos` lists the documents the plan rests on (gold-guidelines.md, decisions: the
    list at the head is basis even where "Căn cứ" was lost): the document opens its clause ("Căn cứ A; B; C",
    a line that starts with the document), the paragraph opens as a basis or preamble line ("Căn cứ …", "Xét
    …", "Theo đề nghị của … tại Tờ trình số …"), the structure read the line as a basis line or as the
    paragraph that issues the plan ("…; Chính phủ có Nghị quyết số … . Ủy ban nhân dân tỉnh ban hành Kế hoạch
    như sau:"), or the documents stand before the ";" that opens the issuing sentence. A paragraph of prose
    that tells what happened ("Ngày …, Chính phủ đã ban hành …") lists nothing."""
    if _LIST_CLAUSE_RE.fullmatch(clause):
        return True
    folded = document.fold
    start = _unwrapped_paragraph_start(document, pos, floor)
    if _PREAMBLE_RE.match(folded, start) or _PREAMBLE_RE.match(clause):
        return True
    header = document.header
    if any(span is not None and span.start <= pos < span.end for span in [*header.basis, header.issuing_sentence]):
        return True  # a basis line; the paragraph that ends by issuing the plan, read by the structure as one
    # "Tiếp nhận Công văn số …; Thường trực Đảng ủy báo cáo … như sau:": the documents the paragraph lists up
    # to the ";" that opens the sentence issuing the plan, with no full stop on the way
    end = document.text.find("\n", pos)
    end = len(folded) if end < 0 else end
    cut = folded.find(";", pos, end)
    return (
        cut >= 0
        and ". " not in folded[start:cut]
        and _ISSUED_AS_FOLLOWS_RE.search(folded, cut, end) is not None
    )


# A head line that ends the sentence issuing the plan: "… như sau:" (the colon required).
_ISSUED_AS_FOLLOWS_RE = regex.compile(
    rf"(?:{phrases(HeadingsLexicon.load().issuing_end)})[ \t*_]*:[ \t*_]*$", regex.MULTILINE
)


def _share_list_issuers(mentions: list[Mention], folded: str, registry: Registry) -> None:
    """ "QĐ 06/QĐ-TTg, ngày …, QĐ 206/QĐ-TTg, ngày … của Thủ tướng Chính phủ": each takes the issuer.

    A list is cut after each member that carries its own "của …": the members without one before it take
    it where the whole list has no other issuer, or where two or more of them run together ("Quyết định số
    A, Quyết định số B; Quyết định số C của Thủ tướng Chính phủ, Nghị định số D của Chính phủ"). A lone
    member between two issuers ("A của X; B; C của Y") is left without (gold/README.md): a code such as TW
    is shared by several central bodies. A member whose number names another issuer's code than the
    issuing member's never takes it (57-NQ/TW before 02-KH/BCĐTW; 14-KL/TW before 21-KH/TU). A number that
    continues its list with "số" alone ("các Quyết định của X số A, số B và số C") repeats the type and the
    issuer of the one before it.
    """
    group: list[Mention] = []

    def give(members: list[Mention], owner: Mention) -> None:
        for x in members:
            if x.named:
                continue  # a document cited by its name ("Điều lệ Đảng", a law) states its issuer or has none
            known = registry.directive(x.number)
            if known is not None and known.issuer != owner.issuer:
                continue  # "57-NQ/TW, 02-KH/BCĐTW của Ban Chỉ đạo Trung ương": not the list's issuer
            mine, theirs = _issuer_code(x.number), _issuer_code(owner.number)
            if mine and theirs and mine != theirs:
                continue  # "Kết luận 156-KL/TW; Kế hoạch số 03-KH/TU của Ban Thường vụ Tỉnh ủy": TW is not TU
            x.issuer = owner.issuer
            x.issuer_from_list = True

    def flush() -> None:
        if len(group) < 2:
            return
        if group[0].issuer_before and not any(x.issuer for x in group[1:]):
            give(group[1:], group[0])  # "của Tỉnh ủy tại Kế hoạch số A và Kế hoạch số B"
            return
        if group[-1].issuer and not any(x.issuer for x in group[:-1]):
            give(group[:-1], group[-1])
            return
        run: list[Mention] = []
        for x in group:
            if x.issuer is None:
                run.append(x)
                continue
            if len(run) > 1:
                give(run, x)
            run = []

    previous: Mention | None = None
    before_last: Mention | None = None
    for mention in mentions:
        continues = previous is not None and bool(_NUMBER_CONTINUES_RE.fullmatch(folded, previous.end, mention.start))
        if continues and mention.issuer is None and previous is not None and previous.issuer is not None:
            mention.issuer = previous.issuer
            mention.issuer_from_list = True
        joined = previous is not None and bool(_MEMBER_JOIN_RE.fullmatch(folded, previous.end, mention.start))
        if group and (continues or (joined and not _nested(group[-1], before_last, folded))):
            group.append(mention)
        else:
            flush()
            group = [mention]
        before_last, previous = previous, mention
    flush()


def _issuer_code(number: str | None) -> str | None:
    """The issuer's part of a number's symbol, in capitals: TW in 57-NQ/TW, CP in 71/NQ-CP, BTC in
    13/2023/TT-BTC, TTg in 118/TTg; None for a short form ("57") or a document without a number."""
    if not number or "/" not in number:
        return None
    party = _PARTY_SYMBOL_RE.match(number)
    if party:
        return party.group(1).upper()
    symbol = number.rsplit("/", 1)[1]
    return (symbol.split("-", 1)[1] if "-" in symbol else symbol).upper()


_PARTY_SYMBOL_RE = regex.compile(r"^\d+\w*-[^/]+/(.+)$")


def _in_basis_subject(previous: tuple[Mention, str], mention: Mention, folded: str, head: int) -> bool:
    """`mention` is named inside the subject of the `basis` citation just before it, in the head ("… ban hành
    Nghị quyết số 03/NQ-CP về Chương trình hành động … thực hiện Nghị quyết số 57-NQ/TW"): the implementing
    verb belongs to that subject, and the document named there is `basis` too (gold-guidelines, decisions).
    So for a document the head's prose names (NARRATIVE): what is named in its subject shares its relation.
    Not a new member of the list (";", ". ", "và" between them)."""
    before, relation = previous
    if relation not in ("basis", NARRATIVE) or mention.start >= head or before.end > mention.start:
        return False
    gap = folded[before.end : mention.start]
    if ";" in gap or ". " in gap or "\n" in gap.strip() or _LIST_JOIN_RE.fullmatch(folded, before.end, mention.start):
        return False
    return _IMPLEMENTS_RE.search(gap) is not None


def _nested(mention: Mention, before: Mention | None, folded: str) -> bool:
    """A mention that ends with ";" inside the subject of another ("Chương trình số A của X về thực hiện
    Nghị quyết số B; …"): what follows the ";" is the next member of the outer list, not of a list with it.
    `before` is the mention just before it; a subject, not a list joiner, stands between them."""
    if before is None or not folded[mention.end : mention.end + 3].lstrip().startswith(";"):
        return False
    if before.end <= _clause_start(folded, mention.start) or before.end > mention.start:
        return False
    gap = (before.end, mention.start)
    return not (_LIST_JOIN_RE.fullmatch(folded, *gap) or _NUMBER_CONTINUES_RE.fullmatch(folded, *gap))


_LEADING_DIGITS = regex.compile(r"\d+")


def _resolve_short_forms(mentions: list[Mention], folded: str) -> None:
    """ "Nghị quyết 57" → 57-NQ/TW where the document makes it clear, else the digits as written.

    Clear means: the short form is defined in a parenthesis right after a full mention of the same
    type ("Nghị quyết số 57-NQ/TW … (gọi tắt là Nghị quyết 57)"), or the document cites exactly one
    document of that type with those digits in full. "Quyết định số 06/QĐ-TTg … phê duyệt Đề án …
    (gọi tắt là Đề án 06)" names the Đề án, not the Quyết định: it stays `06` (gold-guidelines).
    """
    defined: dict[tuple[str, int], tuple[str, str]] = {}
    full: dict[tuple[str, int], set[str]] = {}
    previous: Mention | None = None
    for x in mentions:
        if x.short and x.number:
            opening = _open_paren(folded, x.start)
            if (
                previous is not None
                and previous.number
                and opening is not None
                and _ABBREVIATION_RE.match(folded, opening)
                and previous.end <= opening
            ):
                defined[(x.doc_type, int(x.number))] = (previous.doc_type, previous.number)
        elif x.number:
            previous = x
            digits = _LEADING_DIGITS.match(x.number)
            if digits:
                full.setdefault((x.doc_type, int(digits.group())), set()).add(x.number)
    for x in mentions:
        if x.short and x.number:
            key = (x.doc_type, int(x.number))
            candidates = full.get(key, set())
            if key in defined and defined[key][0] == x.doc_type:
                x.number = defined[key][1]
            elif len(candidates) == 1:
                x.number = next(iter(candidates))


# An item of the "Căn cứ" list ends at ";", ":", ". ", "và" before another document, or a line break before the
# next "Căn cứ" (a line break alone is a PDF's wrap: "… của Luật" / "Tổ chức Chính phủ …").
_BASIS_ITEM_END_RE = regex.compile(
    rf"[ \t]*(?:[;:]|\.(?:\s|$)|$|\n(?=[ \t*\-–]*{_BASIS})|,?[ \t]+{_CUES.list_joiner}[ \t]+)"
)
_DIGIT_RE = regex.compile(r"\d")
_ITEM_TOKEN_RE = regex.compile(r"\s*(?:[^\s;:.,]+|[.,])")  # a word, or a stop or comma on its own


@lru_cache(maxsize=4)
def _basis_type_re(registry: Registry) -> regex.Pattern:
    """A document type opening a "Căn cứ" line, or an item after ";" on the same line in a "Căn cứ" or
    preamble paragraph (the "QUYẾT ĐỊNH:" line under the last "Căn cứ …;" is none)."""
    return regex.compile(rf"(?:{_BASIS}[ \t\n]*|;[ \t]*)(?P<type>{registry.type_pattern})(?!\w)")


_ARTICLE_RE = regex.compile(rf"[ \t*#]*{spaced(_CUES.article_word)}[ \t]+\d+[ \t]*[.:]")
_THIS_AFTER_RE = regex.compile(rf"[ \t]+(?:{'|'.join(_CUES.this_words)})(?!\w)")
_CONGRESS_RE = regex.compile(rf"(?<!\w){phrases(_CUES.congress_words)}(?!\w)")
_PREAMBLE_RE = regex.compile(rf"[\s*(\-–•]*(?:{_BASIS}|{phrases(_CUES.preamble_openers)})(?!\w)")


def _unnumbered_basis(document: Document, found: list[Mention], head: int, registry: Registry) -> list[Mention]:
    """Documents without a number in the head's "Căn cứ" lines ("Căn cứ Điều lệ Đảng;", "Căn cứ Luật hoạt động
    giám sát của Quốc hội;", "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ xã …") and in a preamble's
    list ("Xét Tờ trình số …; Báo cáo thẩm tra của Ban …"): `basis` citations with number null
    (gold/README.md). A law's "của …" is part of its name; another kind's is its issuer, where its quote
    ends. A line that holds a number or a date is left to the grammar."""
    folded, text = document.fold, document.text
    patterns = _patterns(registry)
    out: list[Mention] = []
    for m in _basis_type_re(registry).finditer(folded, 0, head):
        at = m.start("type")
        if any(x.start <= at < x.end for x in found):
            continue
        if m.group().startswith(";") and not _PREAMBLE_RE.match(folded, _unwrapped_paragraph_start(document, at)):
            continue  # an item after ";" counts only in a paragraph that lists what the plan rests on
        if _THIS_AFTER_RE.match(folded, m.end()):
            continue  # "Căn cứ Kế hoạch này, …": the plan itself
        end = m.end()
        doc_type = registry.doc_type_of_name(text[at : m.end()])
        law = fold(" ".join(m.group("type").split())) in _CITED_BY_NAME  # a law's name holds "và", another's ends there
        while (stop := _BASIS_ITEM_END_RE.match(folded, end)) is None or (
            stop.group().strip(" \t,") == _CUES.list_joiner
            and (law or not patterns.type_start.match(folded, stop.end()))
        ):
            nxt = _ITEM_TOKEN_RE.match(folded, end)
            if nxt is None:
                break
            end = nxt.end()
        if not folded[end:].strip():
            continue  # the text stops inside the item ("Căn cứ Quyết định s"): a cut document, not a citation
        mention = Mention(start=at, end=end, doc_type=doc_type, number=None, named=True)
        of = _OF_BEFORE_RE.search(folded, m.end(), end)
        if of and not law:
            _read_issuer(mention, of.end(), text, folded, registry, patterns)
            if mention.issuer is not None:
                mention.issuer = organisation(mention.issuer, registry)
            else:
                mention.end = end
        if _DIGIT_RE.search(folded, at, mention.end) or len(folded[at : mention.end].split()) > 16:
            continue
        if _CONGRESS_RE.search(folded, at, mention.end):
            continue  # "Nghị quyết Đại hội Đảng bộ xã lần thứ I": a congress named by its ordinal, no citation
        if any(at < x.start < mention.end for x in found):
            continue  # a document named inside ("Luật sửa đổi … của Luật …"): the grammar has it
        mention.end = at + len(folded[at : mention.end].rstrip(" ,.;"))
        out.append(mention)
    return out


# The kinds cited by their name ('Luật', 'Pháp lệnh'): "của …" inside their name is no issuer.
_CITED_BY_NAME = frozenset(fold(name) for name in DocTypesLexicon.load().cited_by_name)


def extract_citations(document: Document) -> tuple[list[Citation], list[DocWarning]]:
    """The plan's citations, each with its evidence and relation, and the registry's warnings."""
    registry = load_registry()
    folded, text = document.fold, document.text
    head = body_start(document)
    basis_range = basis_section(document)
    mine = own_number(document)
    mentions = []
    for x in scan(text, folded, registry):
        if mine and x.number and number_key(x.number) == number_key(mine):
            continue
        opening = _open_paren(folded, x.start)
        if opening is not None and _ATTACHED_RE.match(folded, opening):
            continue  # "(Kèm theo Kế hoạch số …)": the plan naming itself over an appendix
        mentions.append(x)
    mentions = sorted([*mentions, *_unnumbered_basis(document, mentions, head, registry)], key=lambda x: x.start)
    _share_list_issuers(mentions, folded, registry)
    _resolve_short_forms(mentions, folded)

    citations: list[Citation] = []
    warnings: list[DocWarning] = []
    level = own_level(document)
    previous: tuple[Mention, str] | None = None
    relations: list[str] = []
    for x in mentions:
        relation = _relation(document, x.start, head, basis_range)
        if relation == "implements" and previous is not None and _in_basis_subject(previous, x, folded, head):
            # "Nghị quyết số 03/NQ-CP … về … thực hiện Nghị quyết số 57-NQ/TW" in the basis list; "… đã ban hành
            # Thông tư số A hướng dẫn thực hiện Nghị định số B" in the head's prose
            relation = previous[1]
        previous = (x, relation)
        relations.append(relation)
    # A document the head's prose names is `implements` where the title or an opening line carries it out.
    carried = {
        number_key(x.number)
        for x, r in zip(mentions, relations, strict=True)
        if r == "implements" and x.number and _in_opening_list(document, x.start)
    }
    for i, (x, relation) in enumerate(zip(mentions, relations, strict=True)):
        if relation != NARRATIVE:
            continue
        joined = (
            i > 0 and relations[i - 1] == "implements" and _LIST_JOIN_RE.fullmatch(folded, mentions[i - 1].end, x.start)
        )
        carried_out = bool(x.number) and number_key(x.number) in carried
        # "việc triển khai Nghị quyết số A và Nghị quyết số B": B, joined to A, goes with it
        relations[i] = "implements" if carried_out or joined else "mentions"
    for x, relation in zip(mentions, relations, strict=True):
        if x.year_only and relation != "basis":
            continue  # "Luật Cán bộ, công chức năm 2025" outside the basis list: a law's name, no citation
        ev = evidence(document, x.start, x.end)
        citations.append(
            Citation(
                **ev,
                doc_type=x.doc_type,
                number=x.number,
                date=x.date,
                issuer=without_invented_level(x.issuer, folded[x.start : x.end], level),
                relation=relation,
            )
        )
        if x.date_invalid:
            warnings.append(DocWarning.of("invalid_date", span=ev["span"], source=ev["source"], date=x.date_invalid))
    warnings.extend(registry.check_citations(citations))
    return citations, warnings
