"""Normalize: from the raw blocks of a file to one clean text, one paragraph per line, with an offset map.

Why each step exists:
- NFC, because Vietnamese text arrives both composed and decomposed, and every pattern and quote must
  see one form;
- converter debris (`[bookmark: _Hlk…]`, `[footnoteRef:N]`, markdown `**` and "## " heading marks,
  zero-width characters, NBSP) is removed, because it splits words and numbers that patterns must see whole;
- a footnote marker glued to a number or word ("đạt 90%1.") is removed and recorded, because "90%1"
  would otherwise read as a different figure;
- a page number that landed inside a sentence ("báo 6 cáo") is removed, conservatively (see
  `_page_number_is_debris`), because it breaks phrases and invents numbers;
- hyphen-split words at line ends are rejoined ("quốc gi-\\na" → "quốc gia"), keeping the hyphen of a
  document number ("57-\\nNQ/TW" → "57-NQ/TW");
- text extracted from signed PDFs gets its syllables back: glued syllables are split ("uỷxã" → "uỷ xã")
  and letter-spaced words joined ("r à s o á t" → "rà soát") by `pipeline.syllables.repair`, which
  decides a syllable by the Vietnamese syllable grammar and underthesea's dictionary, never touches
  document numbers, abbreviations or foreign words, and maps a space it puts back to the letter before;
- hard-wrapped lines are joined into paragraphs, and two paragraphs a page break split mid-sentence are
  joined, but list items, headings and table cells are never merged.

Every normalized character keeps where it came from (raw block, offset in it), so a record found in the
normalized text can be located in the original file. Characters that normalize inserts (the space that
replaces a line break, the "\\n" between lines) are mapped to the raw character next to them.

`fold_text` gives the matching form: lower case and one tone-mark convention ("hoà" → "hòa", "Uỷ" → "ủy"),
always the same length as its NFC input, so a pattern matched on the fold cuts its quote from the text at
the same offsets.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cache

import regex
from pydantic import TypeAdapter

from pipeline.document import OffsetRun
from pipeline.lexicon import DocumentPartsLexicon, HeadingsLexicon, NormalizeLexicon
from pipeline.markers import (
    APPENDIX_LINE,
    HEADING_MARKER,
    LIST_MARKER,
    RECIPIENTS_LINE,
    SIGNATURE_LEAD,
    opens_item,
)
from pipeline.models import DocWarning
from pipeline.raw import RawBlock, RawDocument
from pipeline.syllables import repair as repair_syllables

# patterns used inside functions, compiled once
_CLUSTER = regex.compile(r"\P{M}\p{M}*|\p{M}+")
_WORD_END = regex.compile(r"[\p{L}\p{M}]+$")
_DATE_CUT = regex.compile(r"(?<!\S)\d{1,2}/(?:\d{1,2}/)?(\d{1,3})$")
_YEAR_REST = regex.compile(r"\d{1,3}(?!\d)")
_WORD_START = regex.compile(r"[\p{L}\p{M}]+")
_DIGITS = regex.compile(r"\d{1,3}")
_TOKEN = regex.compile(r"[\p{L}\p{M}\d]+|[^\s\p{L}\p{M}\d]")
_SENTENCE_END = regex.compile(r"[.!?:;…]['\"”’)]*$")
_LOWER = regex.compile(r"\p{Ll}")
_NUMBER_ONLY = regex.compile(r"\s*\d{1,3}\s*")
_HEADING_STYLE = regex.compile("(?i)" + "|".join(DocumentPartsLexicon.load().heading_styles))


# ---------------------------------------------------------------------------------------------------
# fold: one tone-mark convention, lower case, same length


_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def _split_tone(ch: str) -> tuple[str, str | None]:
    """A precomposed vowel → (vowel without its tone mark, the tone mark) ("ý" → ("y", acute))."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = next((c for c in decomposed if c in _TONES), None)
    if tone is None:
        return ch, None
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c != tone))
    return base, tone


# The old style puts the mark on the second vowel of "oa", "oe", "uy" in an open syllable ("hoà",
# "khoẻ", "thuý"); the new style (the one the fold uses) on the first ("hòa", "khỏe", "thúy"). After
# "q" the "u" is part of the consonant, so "quý" is already right and stays.
_OLD_STYLE = regex.compile(r"(?<!q)([ou])([àáảãạèéẻẽẹỳýỷỹỵ])(?!\p{L}|\p{M})")
_OLD_STYLE_ANY_CASE = regex.compile(r"(?<![qQ])([ouOU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?!\p{L}|\p{M})")


def _move_tone(match: regex.Match) -> str:
    first, second = match.group(1), match.group(2)
    base, tone = _split_tone(second)
    if (first.lower(), base.lower()) not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return match.group(0)
    return unicodedata.normalize("NFC", first + tone) + base


def new_style_tones(s: str) -> str:
    """`s` (NFC) with its tone marks in the new style ("Tỉnh uỷ" → "Tỉnh ủy"), case kept, same length.

    For tools that read the text as written but know one convention only: underthesea's tagger reads
    "uỷ" as an unknown word and ends a name before it ("Văn phòng Tỉnh uỷ" → "Văn phòng Tỉnh")."""
    return _OLD_STYLE_ANY_CASE.sub(_move_tone, s)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def fold_text(s: str) -> str:
    """The matching form of `s`: NFC, lower case, one tone-mark convention; as long as NFC(`s`)."""
    text = _lower_same_length(unicodedata.normalize("NFC", s))
    return _OLD_STYLE.sub(_move_tone, text)


# ---------------------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------------------
# a string that remembers, for each character, its offset in the raw block


@dataclass
class Tracked:
    text: str
    pos: list[int]

    def rebuild(self, pieces: list[tuple[str, list[int]]]) -> Tracked:
        return Tracked("".join(p[0] for p in pieces), [i for p in pieces for i in p[1]])

    def sub(self, pattern: regex.Pattern, replace) -> Tracked:
        """Apply `replace(match) -> list of (start, end) to keep | (str, anchor) to insert` to each match."""
        pieces: list[tuple[str, list[int]]] = []
        last = 0
        changed = False
        for match in pattern.finditer(self.text):
            result = replace(match)
            if result is None:
                continue
            changed = True
            pieces.append((self.text[last : match.start()], self.pos[last : match.start()]))
            for item in result:
                if isinstance(item[0], str):
                    text, anchor = item
                    anchor_pos = self.pos[min(anchor, len(self.pos) - 1)] if self.pos else 0
                    pieces.append((text, [anchor_pos] * len(text)))
                else:
                    a, b = item
                    pieces.append((self.text[a:b], self.pos[a:b]))
            last = match.end()
        if not changed:
            return self
        pieces.append((self.text[last:], self.pos[last:]))
        return self.rebuild(pieces)


def _nfc_tracked(text: str, base: int = 0) -> Tracked:
    """NFC, composing each base letter with its marks, each composed character keeping the base's offset."""
    if unicodedata.is_normalized("NFC", text):
        return Tracked(text, list(range(base, base + len(text))))
    chars: list[str] = []
    pos: list[int] = []
    for match in _CLUSTER.finditer(text):
        composed = unicodedata.normalize("NFC", match.group(0))
        chars.append(composed)
        pos.extend(base + min(match.start() + i, match.end() - 1) for i in range(len(composed)))
    joined = "".join(chars)
    if not unicodedata.is_normalized("NFC", joined):  # composition across clusters (rare scripts)
        joined = unicodedata.normalize("NFC", text)
        pos = [base + min(i, len(text) - 1) for i in range(len(joined))]
    return Tracked(joined, pos)


_DROP_CHARS = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\r]")
_SPACE_CHARS = regex.compile(r"[\u00a0\u202f\u2007\u2009\t\f\v]")
_LINE_END_SOFT_HYPHEN = regex.compile(r"[\u00ad\ufffe](?=[ \t]*\n)")  # pdfium writes a line-end hyphen as U+FFFE
_SOFT_HYPHEN = regex.compile(r"[\u00ad\ufffe]")
_BOOKMARK = regex.compile(r"\[bookmark:[^\]\n]*\]")
_FOOTNOTE_REF = regex.compile(r"\[(?:footnoteRef:\s*|\^)(\w+)\]")
_BOLD = regex.compile(r"\*\*|__(?=\S)|(?<=\S)__")
# "Chỉ thị46-CT/TW", "số46-CT/TW": a PDF extraction lost the space between a word and a document number.
_WORD_GLUED_TO_NUMBER = regex.compile(r"\p{Ll}\p{M}*(?=\d{1,5}\s*[-–/]\s*\p{Lu})")
_MARKDOWN_HEADING = regex.compile(r"(?m)^[ \t]*#{1,6}[ \t]+(?=\S)")
_ITALIC = regex.compile(r"(?<![\*\w])\*(?=[^\s*)])([^*\n]+?)(?<=[^\s*(])\*(?![\*\w])")
_STAR_ONLY = regex.compile(r"^[\s*]+$")
# Every character one of the patterns above (drop, space, soft hyphen, bookmark, footnote reference,
# bold, heading, italic) needs in order to match: a block without any skips them (`_clean_debris`).
# A class of listed characters means the same to `re` as to `regex`, and `re` finds none three times faster.
_DEBRIS_CHAR = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\r\u00a0\u202f\u2007\u2009\t\f\v\u00ad\ufffe\[*_#]")
_GLUED_PERCENT = regex.compile(r"(?<=\d%)(\d{1,2})(?=[.,;:)]|\s|$)")
_GLUED_WORD = regex.compile(r"(?<=(?<![\p{L}\d])(\p{Ll}[\p{Ll}\p{M}]*)[\p{Ll}\p{M}])(\d{1,2})(?=[.,;:)]|\s|$)")
_LINE_HYPHEN = regex.compile(r"([\p{L}\d]+)[-\u2010\u2011]\n[ \t]*([\p{L}\d][\p{L}\p{M}\d]*)")
# What `_LINE_HYPHEN` and `_WORD_GLUED_TO_NUMBER` each need somewhere in a block to match at all: a hyphen
# before a line break; a digit, a dash or slash, a capital. Searching for these first is 10-30 times
# cheaper than the patterns, which try a match at every letter; 1 block in 360, and 1 in 9, has them.
_HYPHEN_BREAK = regex.compile(r"[-\u2010\u2011]\n")
_NUMBER_SYMBOL = regex.compile(r"\d\s*[-–/]\s*\p{Lu}")
_WS_RUN = regex.compile(r"[ ]{2,}")
_VOWELS = "aăâeêioôơuưy"
_SYLLABLE = regex.compile(rf"[^{_VOWELS}\d]*[{_VOWELS}]+[^{_VOWELS}\d]*")


def _base_letters(word: str) -> str:
    """Lower-case letters of a word without tone marks, keeping ă â ê ô ơ ư apart ("Ưỡng" → "ương")."""
    return "".join(_split_tone(c)[0] for c in unicodedata.normalize("NFC", word.lower()))


def _is_syllable_split(before: str, after: str) -> bool:
    """A line-break hyphen between two letter fragments that make one Vietnamese syllable ("gi"+"a").

    "57-NQ", "chính trị-xã hội", "COVID-19" keep their hyphen: digits or capitals after it, or two
    fragments that together hold two vowel groups (two syllables), mean the hyphen is part of the text.
    """
    if not before[-1:].isalpha() or not after[:1].isalpha() or not after[0].islower():
        return False
    return bool(_SYLLABLE.fullmatch(_base_letters(before + after)))


@dataclass
class FootnoteMark:
    raw_offset: int
    """Global raw offset (block base + offset in the block) where the marker stood."""
    note: str


@dataclass
class Context:
    footnote_ids: set[str]
    marks: list[FootnoteMark] = field(default_factory=list)


def clean_block(text: str, base: int, ctx: Context) -> Tracked:
    """NFC, debris, glued footnote markers and line-break hyphens of one raw block (line breaks kept)."""
    t = _nfc_tracked(text, base)
    if _DEBRIS_CHAR.search(t.text):
        cleaned = _clean_debris(t, ctx)
        if cleaned is None:
            return Tracked("", [])
        t = cleaned
    elif _STAR_ONLY.match(t.text):
        return Tracked("", [])
    t = _remove_glued_footnotes(t, ctx)

    def hyphen(m: regex.Match) -> list:
        if _is_syllable_split(m.group(1), m.group(2)):
            return [(m.start(1), m.end(1)), (m.start(2), m.end(2))]
        return [(m.start(1), m.end(1)), ("-", m.end(1)), (m.start(2), m.end(2))]

    if _HYPHEN_BREAK.search(t.text):
        t = t.sub(_LINE_HYPHEN, hyphen)
    if _NUMBER_SYMBOL.search(t.text):
        t = t.sub(_WORD_GLUED_TO_NUMBER, lambda m: [(m.start(), m.end()), (" ", m.end() - 1)])
    # PDF-extraction debris: spaced-out numbers joined here, glued syllables split and letter-spaced words
    # joined by pipeline/syllables.py (numbers first, so the letters around them read as words alone)
    t = t.sub(_SPACED_NUMBER, _join_spaced_number)
    return repair_syllables(t)


def _clean_debris(t: Tracked, ctx: Context) -> Tracked | None:
    """Invisible and odd spaces, soft hyphens, bookmarks, footnote markers and Markdown emphasis.

    Each pattern here needs a character of `_DEBRIS_CHAR`; a block with none (most of them) skips them
    all, since nothing here can match in it. None for a line of stars only: the block is empty."""
    t = t.sub(_DROP_CHARS, lambda m: [])
    t = t.sub(_SPACE_CHARS, lambda m: [(" ", m.start())])
    t = t.sub(_LINE_END_SOFT_HYPHEN, lambda m: [("-", m.start())])
    t = t.sub(_SOFT_HYPHEN, lambda m: [])
    t = t.sub(_BOOKMARK, lambda m: [])

    def footnote_ref(m: regex.Match) -> list:
        ctx.marks.append(FootnoteMark(t.pos[m.start()], m.group(1)))
        return []

    t = t.sub(_FOOTNOTE_REF, footnote_ref)
    if _STAR_ONLY.match(t.text):
        return None
    t = t.sub(_BOLD, lambda m: [])
    t = t.sub(_MARKDOWN_HEADING, lambda m: [])
    return t.sub(_ITALIC, lambda m: [(m.start(1), m.end(1))])


# A document number or a figure spelled one character at a time ("4 0 / Q Đ - U B N D", "0 1 / 7 / 2 0 2 5",
# "6 1 0 . 2 5 0 . 0 0 0"): single digits, capitals and number punctuation over single spaces, on one line.
_SPACED_NUMBER = regex.compile(r"(?<!\S)[\p{Lu}\d/.\-–](?: [\p{Lu}\d/.\-–])+(?!\S)")


_SPACED_LETTER_BEFORE = regex.compile(r"(?:^|\s)\p{L}\s$")
_SPACED_LETTER_AFTER = regex.compile(r"\s\p{L}(?:\s|$)")


def _join_spaced_number(m: regex.Match) -> list | None:
    """Join a letter-spaced number: it is the same debris as the letter-spaced words around it, which
    `repair_syllables` joins next. Only where it reads as such: a single letter stands beside it ("s ố 1 8",
    "2 0 2 5 đ ồ n g"), or it is a document number or a figure with its punctuation ("4 5 - C T / T W",
    "2 0 2 1 – 2 0 2 6"). Two digits alone ("6 6") are left as written, and so are "A B C" and "I - II"."""
    run = m.group(0)
    digits = sum(c.isdigit() for c in run)
    if digits < 2:
        return None
    text = m.string
    beside = _SPACED_LETTER_BEFORE.search(text, max(0, m.start() - 3), m.start()) or _SPACED_LETTER_AFTER.match(
        text, m.end()
    )
    symbol = "/" in run and any(c.isalpha() for c in run)  # a document number: "4 5 - C T / T W"
    if not beside and not symbol and not (digits >= 3 and any(c in "/.-–" for c in run)):
        return None
    return [(m.start() + i, m.start() + i + 1) for i, c in enumerate(run) if c != " "]


def _remove_glued_footnotes(t: Tracked, ctx: Context) -> Tracked:
    """ "đạt 90%1." → "đạt 90%.": a percent sign followed by digits is never a figure, so that one is
    always a marker. A word with digits glued on ("nhiệm vụ2.") is one only where the document has a
    footnote with that number, and the word is not a unit ("km2")."""

    def percent(m: regex.Match) -> list:
        ctx.marks.append(FootnoteMark(t.pos[m.start()], m.group(1)))
        return []

    if "%" in t.text:  # what `_GLUED_PERCENT` looks behind for: most blocks have none
        t = t.sub(_GLUED_PERCENT, percent)
    if not ctx.footnote_ids:
        return t
    units = _word_sets()["units_before_footnote"]

    def word(m: regex.Match) -> list | None:
        note = m.group(2)
        start = m.start(2)
        head = _WORD_END.search(t.text[:start])
        if note not in ctx.footnote_ids or head is None or fold_text(head.group(0)) in units:
            return None
        ctx.marks.append(FootnoteMark(t.pos[start], note))
        return [(m.start(), start)]

    return t.sub(_GLUED_WORD, word)


# ---------------------------------------------------------------------------------------------------
# lines: split a block at list items, join hard wraps


def _starts_new_line(previous: str, line: str) -> bool:
    """Inside one raw block, does `line` start a new paragraph rather than continue `previous`?"""
    if not line or not previous:
        return True
    dash = LIST_MARKER.match(line)
    if dash and line[0] in "-+–" and line[dash.end() :][:1].islower() and not _ends_sentence(previous):
        return False  # "kinh tế\n- xã hội": a spaced dash the wrap put first, not a list item
    if opens_item(line) or SIGNATURE_LEAD.match(previous) or APPENDIX_LINE.fullmatch(previous.strip()):
        return True
    if is_type_line(line):  # "CHỦ TỊCH Phạm Thế Dũng\nQUY ĐỊNH": a PDF groups the signature with the next
        return True  # document's type line; the attached document starts there
    return bool(RECIPIENTS_LINE.match(previous) and previous.rstrip().endswith(":"))


@cache
def doc_type_lines() -> frozenset[str]:
    """The folded type lines of a document ("kế hoạch", "quyết định"; headings.json)."""
    return frozenset(fold_text(w) for w in HeadingsLexicon.load().doc_type_lines)


def is_type_line(line: str) -> bool:
    """A line that is only a document's type in capitals ("QUY ĐỊNH", "KẾ HOẠCH"): in normalize, the start of
    a document a PDF grouped with the line above; in structure, the document a decision issues after its
    signature."""
    words = line.strip(" \t*_")
    return words.isupper() and fold_text(words) in doc_type_lines()


def _vowelless(token: str) -> bool:
    return bool(token) and token.isalpha() and not any(c in _VOWELS for c in _base_letters(token))


def _wrap_glue(before: str, after: str) -> str:
    """What a line break inside a paragraph or cell becomes: " ", or "" where a narrow column broke a
    word without a hyphen ("HĐN|D xã", "Hàng tháng/q|uý", "quý/nă|m").

    Only a fragment with no vowel can be half a word; it is glued to its neighbour where the two make
    one syllable ("nă"+"m") or one all-capital abbreviation ("UBN"+"D"), never in "với|UBND xã". A
    date cut inside its year ("15/11/20|25") is glued too.
    """
    date = _DATE_CUT.search(before)
    year = _YEAR_REST.match(after)
    if date and year and len(date.group(1)) + len(year.group(0)) == 4:
        return ""  # "15/11/20|25": a date a narrow column cut
    left = _WORD_END.search(before)
    right = _WORD_START.match(after)
    if not left or not right:
        return " "
    a, b = left.group(0), right.group(0)
    if not (_vowelless(a) or _vowelless(b)):
        return " "
    if a.isupper() and len(a) >= 2 and b.isupper() and _vowelless(b) and len(b) <= 2:
        return ""
    if (a + b).islower() and _SYLLABLE.fullmatch(_base_letters(a + b)):
        return ""
    return " "


def split_lines(t: Tracked) -> list[Tracked]:
    """Cut a cleaned block into paragraphs: line breaks become spaces except before a new item."""
    pieces: list[Tracked] = []
    raw_lines = split_tracked(t, "\n")
    current: Tracked | None = None
    for line in raw_lines:
        stripped = _strip(line)
        if not stripped.text:
            continue
        if _DIGITS.fullmatch(stripped.text) and len(raw_lines) > 1:
            continue  # a page number standing alone between the wrapped lines of a paragraph
        if current is None or _starts_new_line(current.text, stripped.text):
            if current is not None:
                pieces.append(current)
            current = stripped
        else:
            glue = _wrap_glue(current.text, stripped.text)
            current = Tracked(
                current.text + glue + stripped.text, [*current.pos, *[current.pos[-1]] * len(glue), *stripped.pos]
            )
    if current is not None:
        pieces.append(current)
    return [_collapse(p) for p in pieces]


def _strip(t: Tracked) -> Tracked:
    text = t.text
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    return Tracked(text[left:right], t.pos[left:right])


def _collapse(t: Tracked) -> Tracked:
    """Runs of spaces made one (`_WS_RUN` needs two spaces in a row: most lines have none)."""
    if "  " not in t.text:
        return t
    return t.sub(_WS_RUN, lambda m: [(m.start(), m.start() + 1)])


def _join_cell(t: Tracked) -> Tracked:
    """A table cell is one line: its line breaks become spaces (or nothing, see `_wrap_glue`)."""
    parts = [_strip(p) for p in split_tracked(t, "\n")]
    parts = [p for p in parts if p.text]
    if not parts:
        return Tracked("", [])
    current = parts[0]
    for part in parts[1:]:
        glue = _wrap_glue(current.text, part.text)
        current = Tracked(current.text + glue + part.text, [*current.pos, *[current.pos[-1]] * len(glue), *part.pos])
    return _collapse(current)


def split_tracked(t: Tracked, sep: str) -> list[Tracked]:
    """`t` cut at each `sep` (one character), as `str.split` cuts: found with `str.find`, not by a loop
    over every character."""
    out: list[Tracked] = []
    text, start = t.text, 0
    while True:
        i = text.find(sep, start)
        if i < 0:
            out.append(Tracked(text[start:], t.pos[start:]))
            return out
        out.append(Tracked(text[start:i], t.pos[start:i]))
        start = i + 1


# ---------------------------------------------------------------------------------------------------
# page numbers inside a sentence


_PAGE_NUMBER = regex.compile(r"(?<=(?<!\S)(\p{Ll}[\p{L}\p{M}]*) )(\d{1,3}) (?=(\p{Ll}[\p{L}\p{M}]*)(?: (\p{L}+))?)")


@cache
def _word_sets() -> dict[str, frozenset[str]]:
    """The word lists of normalize.json as sets, built once: they are looked up per candidate number."""
    words = NormalizeLexicon.load().model_dump(exclude={"about", "version"})
    return {key: frozenset(forms) for key, forms in words.items()}


def _page_number_is_debris(before: str, after: str, next_word: str | None, pairs: Container[tuple[str, str]]) -> bool:
    """Is the number between `before` and `after` a page number that broke a phrase?

    Conservative on purpose: the pair must be seen unbroken elsewhere in the document ("báo cáo"), the
    word after the number must not be one that numbers count ("6 tháng", "12 cơ sở") nor open a counted
    phrase ("3 hợp tác xã"), and the word before must not be one that numbers follow ("trong 6", "ngày 25").
    """
    lexicon = _word_sets()
    before_f, after_f = fold_text(before), fold_text(after)
    if after_f in lexicon["counters"] or before_f in lexicon["number_preceders"]:
        return False
    if next_word and f"{after_f} {fold_text(next_word)}" in lexicon["counter_phrases"]:
        return False
    return (before_f, after_f) in pairs


def _folded_lines(lines: list[str]) -> list[str]:
    """Each line folded. The lines are folded as one text joined by line breaks (one call instead of one
    per line): no fold step looks across a line break (NFC composes nothing with it, the tone move's
    look-arounds stop at it, lower case keeps each character's length or the per-line fold is taken)."""
    joined = "\n".join(lines)
    folded = fold_text(joined).split("\n") if len(joined.lower()) == len(joined) else []
    if len(folded) != len(lines) or any(len(a) != len(b) for a, b in zip(folded, lines, strict=True)):
        folded = [fold_text(line) for line in lines]  # a line with a line break, or one NFC changed
    return folded


def _word_pairs(lines: list[str]) -> set[tuple[str, str]]:
    """Every pair of adjacent words within one line, folded."""
    pairs: set[tuple[str, str]] = set()
    for line in _folded_lines(lines):
        pairs.update(itertools.pairwise(_TOKEN.findall(line)))
    return pairs


_WORD_TOKEN = regex.compile(r"[\p{L}\p{M}\d]+")
_SEARCHED_PAIRS = 8


class _LazyPairs:
    """Whether two words stand side by side in one of the document's lines (`_word_pairs`), found
    without making every pair where few are asked for.

    A pair is asked for only for a number that passed every other test of `_page_number_is_debris`;
    in four documents of five none does, and in the rest a few. Making every pair (fold and split
    every line) cost ~1.3 ms a plan; the first `_SEARCHED_PAIRS` word pairs asked for are searched
    for in the folded lines instead (joined by a NUL, which like any character that is neither a
    space nor part of a word keeps two tokens apart: no pair is found across it), and only after
    that, or for a pair that is not two words, is the set made. The lines are the ones given here,
    so page numbers removed meanwhile do not change the answers."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.folded: str | None = None
        self.pairs: set[tuple[str, str]] | None = None
        self.searched = 0

    def __contains__(self, pair: object) -> bool:
        if self.pairs is None and self._searchable(pair) and self.searched < _SEARCHED_PAIRS:
            self.searched += 1
            if self.folded is None:
                self.folded = "\x00".join(_folded_lines(self.lines))
            first, second = pair  # type: ignore[misc]
            return _pair_pattern(first, second).search(self.folded) is not None
        if self.pairs is None:
            self.pairs = _word_pairs(self.lines)
        return pair in self.pairs

    @staticmethod
    def _searchable(pair: object) -> bool:
        return (
            isinstance(pair, tuple)
            and len(pair) == 2
            and all(isinstance(word, str) and _WORD_TOKEN.fullmatch(word) for word in pair)
        )


def _pair_pattern(first: str, second: str) -> regex.Pattern:
    """Two word tokens of `_TOKEN`, whole, with nothing but white space between them."""
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\d]){regex.escape(first)}\s+{regex.escape(second)}(?![\p{{L}}\p{{M}}\d])"
    )


def remove_page_numbers(t: Tracked, pairs: Container[tuple[str, str]]) -> Tracked:
    def replace(m: regex.Match) -> list | None:
        if _page_number_is_debris(m.group(1), m.group(3), m.group(4), pairs):
            return []
        return None

    return t.sub(_PAGE_NUMBER, replace)


# ---------------------------------------------------------------------------------------------------
# the whole document


@dataclass
class Line:
    """One line of the normalized text: a paragraph, or one table cell."""

    start: int
    end: int
    kind: str
    blocks: list[int]
    style: str | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    row_span: int = 1
    col_span: int = 1


@dataclass
class Normalized:
    text: str
    lines: list[Line]
    offsets: list[OffsetRun]
    footnote_marks: list[tuple[int, str]]
    """(normalized offset, footnote id) of each marker removed."""
    warnings: list[DocWarning] = field(default_factory=list)


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) or text.endswith("./.")


_CLOSING = "”’,;:.)…"


def _continues(previous: str, following: str) -> bool:
    """Two paragraphs a page break split: the first stops mid-sentence and the next goes on.

    The next one goes on when it starts in lower case or with punctuation no sentence starts with
    ("”;"), or when the first left a parenthesis open. A heading ("2. Mục tiêu cụ thể đến năm 2030")
    and a list item or heading that follows are never joined.
    """
    if _ends_sentence(previous) or not _LOWER.search(previous) or opens_item(following):
        return False
    if HEADING_MARKER.match(previous) and len(previous) <= 160 and ";" not in previous:
        return False
    if previous.count("(") > previous.count(")"):
        return True
    if following[:1] in _CLOSING:
        return True
    return following[:1].isalpha() and following[0].islower()


@dataclass
class _Piece:
    """A line being built; `t.pos` holds *global* raw offsets (block base + offset in the block)."""

    t: Tracked
    block: int
    kind: str
    style: str | None
    first_of_block: bool = True


def normalize(raw: RawDocument) -> Normalized:
    """Normalize every block of `raw` (see the module docstring); paragraphs and cells one per line."""
    ctx = Context(set(raw.footnotes))
    bases: list[int] = []
    total = 0
    for block in raw.blocks:
        bases.append(total)
        total += len(block.text)
    pieces: list[_Piece] = []
    for index, block in enumerate(raw.blocks):
        cleaned = clean_block(block.text, bases[index], ctx)
        if block.kind == "cell":
            pieces.append(_Piece(_join_cell(cleaned), index, "cell", block.style))
            continue
        if not cleaned.text.strip() or _NUMBER_ONLY.fullmatch(cleaned.text):
            continue  # empty after debris, or a page number standing as its own paragraph
        for j, part in enumerate(split_lines(cleaned)):
            pieces.append(_Piece(part, index, "paragraph", block.style, first_of_block=j == 0))

    pieces = _join_table_pieces(pieces, raw)
    merged: list[_Piece] = []
    for piece in pieces:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and piece.kind == prev.kind == "paragraph"
            and piece.first_of_block
            and prev.block != piece.block
            and not _is_heading_style(prev.style)
            and not _is_heading_style(piece.style)
            and _continues(prev.t.text, piece.t.text)
        ):
            glue = "" if piece.t.text[:1] in _CLOSING else " "
            joined = Tracked(
                prev.t.text + glue + piece.t.text, [*prev.t.pos, *prev.t.pos[-1:] * len(glue), *piece.t.pos]
            )
            merged[-1] = _Piece(joined, piece.block, "paragraph", prev.style, first_of_block=False)
            continue
        merged.append(piece)

    pairs = _LazyPairs([p.t.text for p in merged])
    for piece in merged:
        if piece.kind == "paragraph":
            piece.t = remove_page_numbers(piece.t, pairs)
    return _assemble(raw, merged, bases, ctx)


def _join_table_pieces(pieces: list[_Piece], raw: RawDocument) -> list[_Piece]:
    """Undo what a page break does to a table, in the text itself, so every format reads the same.

    Tables with nothing between them and the same columns are pieces of one (a reader may also give
    them as one table). Inside such a run, a row that repeats the run's first row (a header repeated on
    each page) is dropped; and a row cut by a page break — the first row of a new piece, of a new page,
    or after a dropped header, whose first cell is empty — is the rest of the row above, so its cells
    are appended to that row's cells.
    """
    rows: list[tuple[int, int, list[int]]] = []  # (table, row, piece indices) in text order
    for i, piece in enumerate(pieces):
        if piece.kind != "cell":
            continue
        src = raw.blocks[piece.block].source
        key = (src.table if src.table is not None else -1, src.row or 0)
        if rows and (rows[-1][0], rows[-1][1]) == key and rows[-1][2][-1] == i - 1:
            rows[-1][2].append(i)
        else:
            rows.append((key[0], key[1], [i]))

    def width(row: list[int]) -> int:
        return max((raw.blocks[pieces[i].block].source.column or 0) + raw.blocks[pieces[i].block].col_span for i in row)

    def texts(row: list[int]) -> list[str]:
        return [fold_text(pieces[i].t.text) for i in row]

    def columns(row: list[int]) -> dict[int, int]:
        return {raw.blocks[pieces[i].block].source.column or 0: i for i in row}

    def page(row: list[int]) -> int | None:
        return raw.blocks[pieces[row[0]].block].source.page

    dropped: set[int] = set()
    head: list[int] | None = None
    head_texts: list[str] | None = None  # texts(head), folded once a run: rows are appended to, never the head
    last_kept: list[int] | None = None
    previous: tuple[int, int, list[int]] | None = None
    for table, _row, cells in rows:
        adjacent = previous is not None and all(p.kind == "cell" for p in pieces[previous[2][-1] + 1 : cells[0]])
        same_run = adjacent and head is not None and width(cells) == width(head)
        if not same_run:
            head, last_kept, previous, head_texts = cells, None, (table, _row, cells), None
            continue
        broke = previous is not None and (
            table != previous[0] or page(cells) != page(previous[2]) or previous[2][0] in dropped
        )
        previous = (table, _row, cells)
        if head_texts is None:
            head_texts = texts(head)
        if texts(cells) == head_texts:
            dropped.update(cells)
            continue
        by_column = columns(cells)
        first_cell = by_column.get(min(by_column))
        if broke and last_kept is not None and not pieces[first_cell].t.text and any(pieces[i].t.text for i in cells):
            target = columns(last_kept)
            for column, i in by_column.items():
                extra = pieces[i].t
                if extra.text and column in target:
                    host = pieces[target[column]]
                    glue = " " if host.t.text else ""
                    anchor = host.t.pos[-1:] or extra.pos[:1]
                    host.t = Tracked(host.t.text + glue + extra.text, [*host.t.pos, *anchor * len(glue), *extra.pos])
            dropped.update(cells)
            continue
        last_kept = cells
    return [p for i, p in enumerate(pieces) if i not in dropped]


def _is_heading_style(style: str | None) -> bool:
    return bool(style and _HEADING_STYLE.match(style))


def _locate_raw(bases: list[int], global_offset: int) -> tuple[int, int]:
    block = max(bisect_right(bases, global_offset) - 1, 0)
    # several empty blocks share a base: bisect picks the last, which is the one that owns the offset
    return block, global_offset - bases[block]


def _breaks(pos_all: list[int]) -> list[int]:
    """Every i where `pos_all[i]` does not follow `pos_all[i - 1]` by one.

    Every character of the text is compared: in Python (a comprehension over pairs) that cost ~0.8 ms
    of a plan's 13,000 characters, with numpy ~0.2 ms. numpy is imported here, not with the module, so
    that the commands that only fold text do not load it; `pipeline.process` loads it before a batch
    forks its workers."""
    import numpy

    positions = numpy.frombuffer(array("q", pos_all), dtype=numpy.int64)
    return (numpy.flatnonzero(numpy.diff(positions) != 1) + 1).tolist()


def _runs(pos_all: list[int], bases: list[int]) -> list[tuple[int, int, int, int]]:
    """(start, block, raw_start, length) runs of consecutive raw offsets that stay inside one block.

    The breaks in consecutiveness are found by numpy (`_breaks`); each stretch between two breaks is
    then cut where it crosses into the next block."""
    if not pos_all:
        return []
    breaks = _breaks(pos_all)
    runs: list[tuple[int, int, int, int]] = []
    for start, end in zip([0, *breaks], [*breaks, len(pos_all)], strict=True):
        while start < end:
            block, raw_offset = _locate_raw(bases, pos_all[start])
            block_end = bases[block + 1] if block + 1 < len(bases) else 1 << 62
            length = min(end - start, max(block_end - pos_all[start], 1))
            runs.append((start, block, raw_offset, length))
            start += length
    return runs


# The offset map's runs are made in one validation of plain dicts: one `OffsetRun(...)` call per run, a
# Python-level constructor each, cost 2.5 times as much (~0.45 ms of a bench plan's ~260 runs).
_OFFSET_RUNS = TypeAdapter(list[OffsetRun])


def _assemble(raw: RawDocument, pieces: list[_Piece], bases: list[int], ctx: Context) -> Normalized:
    parts: list[str] = []
    pos_all: list[int] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for i, piece in enumerate(pieces):
        if i:
            parts.append("\n")
            pos_all.append(pos_all[-1] if pos_all else bases[piece.block])
            offset += 1
        parts.append(piece.t.text)
        pos_all.extend(piece.t.pos)
        spans.append((offset, offset + len(piece.t.text)))
        offset += len(piece.t.text)
    runs = _runs(pos_all, bases)
    lines: list[Line] = []
    r = 0
    for piece, (start, end) in zip(pieces, spans, strict=True):
        while r + 1 < len(runs) and runs[r + 1][0] <= start:
            r += 1
        owners: set[int] = set()
        k = r
        while k < len(runs) and runs[k][0] < end:
            if runs[k][0] + runs[k][3] > start:
                owners.add(runs[k][1])
            k += 1
        block = raw.blocks[piece.block]
        is_cell = piece.kind == "cell"
        lines.append(
            Line(
                start=start,
                end=end,
                kind=piece.kind,
                blocks=sorted(owners) or [piece.block],
                style=piece.style,
                table=block.source.table if is_cell else None,
                row=block.source.row if is_cell else None,
                column=block.source.column if is_cell else None,
                row_span=block.row_span,
                col_span=block.col_span,
            )
        )
    marks = []
    for mark in ctx.marks:
        at = next((i for i, p in enumerate(pos_all) if p >= mark.raw_offset), len(pos_all))
        marks.append((at, mark.note))
    runs_as_dicts = [{"start": a, "block": b, "raw_start": c, "length": d} for a, b, c, d in runs]
    offsets = _OFFSET_RUNS.validate_python(runs_as_dicts)
    text = "".join(parts)
    warnings = [
        DocWarning.of("footnote_missing", span=(at, at), note=note) for at, note in marks if note not in raw.footnotes
    ]
    return Normalized(text=text, lines=lines, offsets=offsets, footnote_marks=marks, warnings=warnings)


def normalize_text(text: str) -> str:
    """Normalize one paragraph's text on its own: for tests and tools."""
    return normalize(RawDocument(path="<text>", format="txt", blocks=[RawBlock(text=text)])).text
