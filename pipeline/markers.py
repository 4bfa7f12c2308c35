"""Markers shared by normalize, reflow and structure: what opens a list item, a heading, an appendix,
a signature or the recipients' list.

The pieces are public so that structure builds its heading and item patterns from the same alphabet of
markers: a line normalize keeps apart as an item is one structure can read as an item.
"""

from __future__ import annotations

import regex

from pipeline.lexicon import DocumentPartsLexicon, HeadingsLexicon, TimeExpressionsLexicon
from pipeline.lexicon import spaced as _spaced

_PARTS = DocumentPartsLexicon.load()
_TIME = TimeExpressionsLexicon.load()


_APPENDIX_WORDS = list(HeadingsLexicon.load().appendix_words)  # folded: "phụ lục", "phụ biểu"
_APPENDIX = "|".join([_spaced(w.upper()) for w in _APPENDIX_WORDS] + [_spaced(w.capitalize()) for w in _APPENDIX_WORDS])
_NUMBER_WORD = _spaced(_PARTS.number_word.capitalize())  # "Số"
_DAY, _MONTH, _YEAR = (_spaced(w) for w in (_TIME.day_word, _TIME.month_word, _TIME.year_word))

BULLET = r"[-+•–−*]"
LETTER_ITEM = r"[a-zđ]\)"
ARABIC_NUMBER = r"\d{1,2}(?:\.\d{1,2})*"
_ARABIC_MARKER = rf"{ARABIC_NUMBER}[.)]|\d{{1,2}}(?:\.\d{{1,2}})+"  # "2." "2)" "2.1" — not a bare "2"
_ROMAN_SEP = r"[IVXL]{1,6}\s*[-.–)]"
# The Roman number of a table's row, the mark of a group row ("I | Lĩnh vực kinh tế"); unlike a heading's, it may
# run to C. Structure, targets and tasks read a row's number kind from this one alphabet.
ROMAN_NUMERAL = r"[IVXLC]{1,6}"

LIST_MARKER = regex.compile(rf"^(?:{BULLET}|{LETTER_ITEM})\s")
NUMBER_MARKER = regex.compile(rf"^(?:{_ARABIC_MARKER})\s")
HEADING_MARKER = regex.compile(rf"^(?:{_ARABIC_MARKER}|{_ROMAN_SEP})\s")
ROMAN_MARKER = regex.compile(r"^(?P<num>[IVXL]{1,6})\s*(?P<sep>[-.–)])\s*(?=\S)")
APPENDIX_LINE = regex.compile(
    rf"^(?P<word>{_APPENDIX})(?:\s+{_spaced(_PARTS.number_word)})?\s+(?P<num>[IVXL]+|\d{{1,2}})\b"
)
SIGNATURE_LEAD = regex.compile(r"^(?:T/M|TM\.|TM|KT\.|KT|Q\.|TL\.|TUQ\.)\s+\p{Lu}")
RECIPIENTS_LINE = regex.compile(rf"^{_spaced(_PARTS.recipients.capitalize())}\s*:?")
# The number line of a document's head: "Số 10-KH/ĐU", "Số:   -KH/ĐU" (blank number), "Số: 34/2025/NQ-HĐND"
# (a legal document's year in its number), "Số: 48/2009/QĐ-TTg", "Số -CTr/ĐU" (a symbol part may end in lower case).
NUMBER_LINE = regex.compile(
    rf"(?<!\p{{L}}){_NUMBER_WORD}"
    r"\s*[:.]?\s*[\d\s._…]*(?:/\d{4})?[-–/]?\s*\p{Lu}[\p{L}\d]*(?:[-–/]\p{Lu}[\p{L}\d]*)+"
)
# A rule under a head's body name or title: "-------", "*", "___".
RULE_LINE = regex.compile(r"^[-–—_*=~.·•\s]+$")
# A whole place-and-date line: "Khánh Hòa, ngày 09 tháng 12 năm 2024", "ngày    tháng 02 năm 2026" (blank parts).
PLACE_DATE_LINE = regex.compile(
    r"^(?:\p{Lu}[\p{L}\p{M} .'’-]{0,40},?\s*)?"
    rf"{_DAY}\s+[\d.…_\s]*{_MONTH}\s+[\d.…_\s]*{_YEAR}\s+\d{{4}}\s*[.)]?$",
    regex.IGNORECASE,
)


_BASIS_OPENING = _PARTS.basis.capitalize() + " "  # "Căn cứ "


def is_all_capitals(text: str) -> bool:
    """A line with upper-case letters and no lower-case one ("ỦY BAN NHÂN DÂN", "KẾ HOẠCH")."""
    return any(c.isupper() for c in text) and not any(c.islower() for c in text)


def opens_item(line: str) -> bool:
    """True where a line starts a list item, a numbered or roman heading, or an appendix."""
    return bool(
        LIST_MARKER.match(line)
        or NUMBER_MARKER.match(line)
        or ROMAN_MARKER.match(line)
        or APPENDIX_LINE.match(line)
        or RECIPIENTS_LINE.match(line)
        or line.startswith(_BASIS_OPENING)
    )
