"""Reflow: which line breaks of a plain-text plan end a paragraph, and which are hard wraps.

Why: real plans reach us as text in every shape. A portal copy puts each paragraph, and each header
line, on its own line with no blank line between; text extracted from a signed PDF wraps every sentence
over several lines of about the same width; the typed corpus separates paragraphs by blank lines. The
pipeline needs one paragraph per line, with the header lines ("ỦY BAN NHÂN DÂN", "Số: 14092/KH-UBND",
"Khánh Hòa, ngày 09 tháng 12 năm 2024", "KẾ HOẠCH") kept apart and list items never merged.

Blank lines are deliberately not a signal: the same text with a blank line after every line, or with
none, must read the same, because which of the two a user has depends on the tool that made the file.
The decision reads only the two lines around the break and the document's wrap width:

- a line that opens an item (list marker, numbered or roman heading, appendix, "Căn cứ", "Nơi nhận")
  or a header line (an all-capital line, a separator rule, the number line, the place-and-date line, the
  national motto, "Kính gửi", "V/v") starts a new paragraph, and a header line is never continued;
- a line that ends a sentence (". ; : ! ?") ends its paragraph;
- otherwise the next line continues the paragraph when it starts in lower case or with closing
  punctuation, when the line left a parenthesis open, or when the document is hard-wrapped and the line
  is full (as long as the lines around it, so the break was the wrap's, not the writer's).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from pipeline.lexicon import NormalizeLexicon
from pipeline.markers import NUMBER_LINE, PLACE_DATE_LINE, RULE_LINE, is_all_capitals, opens_item

# A document whose typical long line is wider than this was not hard-wrapped: its lines are paragraphs.
MAX_WRAP_WIDTH = 140
# A line at least this share of the wrap width was cut by the wrap.
FULL_LINE_SHARE = 0.72
# Lines shorter than this say nothing about the wrap width (headers, short items).
MIN_MEASURED_LINE = 40

_SENTENCE_END = regex.compile(r"[.!?:;…]['\"”’)*_]*$")
_LOWER = regex.compile(r"\p{Ll}")
_CLOSING = "”’,;:.)…"
_LINE_END_DASHES = "-‐‑–"


@cache
def _header_lines() -> tuple[str, ...]:
    return tuple(_lexicon().header_lines)


@cache
def _paragraph_openers() -> tuple[str, ...]:
    return tuple(_lexicon().paragraph_openers)


def _lexicon() -> NormalizeLexicon:
    return NormalizeLexicon.load()


def is_header_line(line: str) -> bool:
    """A line of the document's head that stands alone: all capitals, a rule, the number line, the
    place-and-date line, the motto."""
    if RULE_LINE.fullmatch(line.strip()):
        return True
    text = line.strip().strip("*_ ")
    if not text:
        return False
    if is_all_capitals(text):
        return True
    if NUMBER_LINE.match(text) and len(text) < 80:
        return True
    return bool(PLACE_DATE_LINE.match(text)) or text.lower().startswith(_header_lines())


def starts_paragraph(line: str) -> bool:
    """A line that is never the continuation of the one before: an item, a header line, "Kính gửi", "V/v"."""
    text = line.strip().strip("*_ ")
    return opens_item(text) or is_header_line(text) or text.lower().startswith(_paragraph_openers())


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()))


@dataclass(frozen=True)
class WrapWidth:
    """The width a hard-wrapped document's lines were cut at, or None where its lines are paragraphs."""

    chars: int | None

    @classmethod
    def of(cls, lines: list[str]) -> WrapWidth:
        """The 75th percentile of the lengths of the longer lines, where it is small enough to be a wrap."""
        lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= MIN_MEASURED_LINE)
        if len(lengths) < 5:
            return cls(None)
        width = lengths[(len(lengths) * 3) // 4]
        return cls(width if width <= MAX_WRAP_WIDTH else None)

    def is_full(self, line: str) -> bool:
        return self.chars is not None and len(line.strip()) >= FULL_LINE_SHARE * self.chars


def continues(previous: str, line: str, width: WrapWidth) -> bool:
    """Does `line` go on with the paragraph that `previous` (the line before it) belongs to?"""
    prev, nxt = previous.strip(), line.strip()
    if not prev or not nxt:
        return False
    if starts_paragraph(nxt) or is_header_line(prev):
        return _spaced_dash(prev, nxt)
    if ends_sentence(prev):
        return False
    if prev[-1] in _LINE_END_DASHES:
        return True  # "57-" + "NQ/TW", "quốc gi-" + "a", "kinh tế -" + "xã hội": the line ends inside a word or phrase
    if nxt[0] in _CLOSING or (nxt[0].isalpha() and nxt[0].islower()):
        return True
    if prev.count("(") > prev.count(")"):
        return True
    return width.is_full(prev)


def _spaced_dash(prev: str, nxt: str) -> bool:
    """ "kinh tế\\n- xã hội": a dash the wrap put first, inside a phrase, is not a list item."""
    return (
        nxt[:2] in ("- ", "– ")
        and nxt[2:3].islower()
        and not ends_sentence(prev)
        and not is_header_line(prev)
        and _LOWER.search(prev) is not None
    )
