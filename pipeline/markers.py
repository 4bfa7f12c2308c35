"""Markers shared by normalize, reflow and structure: what opens a list item, a heading, an appendix,
a signature or the recipients' list.

The pieces are public so that structure builds its heading and item patterns from the same alphabet of
markers: a line normalize keeps apart as an item is one structure can read as an item.
"""

from __future__ import annotations

import regex

BULLET = r"[-+•–−*]"
LETTER_ITEM = r"[a-zđ]\)"
ARABIC_NUMBER = r"\d{1,2}(?:\.\d{1,2})*"
_ARABIC_MARKER = rf"{ARABIC_NUMBER}[.)]|\d{{1,2}}(?:\.\d{{1,2}})+"  # "2." "2)" "2.1" — not a bare "2"
_ROMAN_SEP = r"[IVXL]{1,6}\s*[-.–)]"

LIST_MARKER = regex.compile(rf"^(?:{BULLET}|{LETTER_ITEM})\s")
NUMBER_MARKER = regex.compile(rf"^(?:{_ARABIC_MARKER})\s")
HEADING_MARKER = regex.compile(rf"^(?:{_ARABIC_MARKER}|{_ROMAN_SEP})\s")
ROMAN_MARKER = regex.compile(r"^(?P<num>[IVXL]{1,6})\s*(?P<sep>[-.–)])\s*(?=\S)")
APPENDIX_LINE = regex.compile(
    r"^(?P<word>PHỤ\s+LỤC|PHỤ\s+BIỂU|Phụ\s+lục|Phụ\s+biểu)(?:\s+số)?\s+(?P<num>[IVXL]+|\d{1,2})\b"
)
SIGNATURE_LEAD = regex.compile(r"^(?:T/M|TM\.|TM|KT\.|KT|Q\.|TL\.|TUQ\.)\s+\p{Lu}")
RECIPIENTS_LINE = regex.compile(r"^Nơi\s+nhận\s*:?")


def opens_item(line: str) -> bool:
    """True where a line starts a list item, a numbered or roman heading, or an appendix."""
    return bool(
        LIST_MARKER.match(line)
        or NUMBER_MARKER.match(line)
        or ROMAN_MARKER.match(line)
        or APPENDIX_LINE.match(line)
        or RECIPIENTS_LINE.match(line)
        or line.startswith("Căn cứ ")
    )
