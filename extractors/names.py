"""A body's name as written, made canonical where no lexicon knows it: abbreviations spelled out
("UBND" → "Ủy ban nhân dân", from body_patterns.json), spaces folded, first letter upper case.

Shared by the bodies extractor (an unlisted body: "Bưu điện văn hóa xã"), the executors of a decision
("Văn phòng UBND tỉnh") and the citations' issuers ("Ban Thường vụ Đảng ủy Bộ Công Thương"), so that one
body is spelt alike wherever it is read.
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.lexicon import BodyPatternsLexicon
from pipeline.normalize import new_style_tones

_WORD_EDGE_BEFORE = r"(?<![\p{L}\p{M}\d])"
_WORD_EDGE_AFTER = r"(?![\p{L}\p{M}\d])"


@cache
def _abbreviations() -> list[tuple[regex.Pattern, str]]:
    return [
        (regex.compile(_WORD_EDGE_BEFORE + regex.escape(short) + _WORD_EDGE_AFTER), full)
        for short, full in BodyPatternsLexicon.load().abbreviations.items()
    ]


def spell_out(written: str) -> str:
    """A name the lexicon does not know, abbreviations spelled out, first letter upper case."""
    name = new_style_tones(written)  # one spelling of "ủy", "hòa" in every table a user filters
    for pattern, full in _abbreviations():
        name = pattern.sub(full, name)
    name = " ".join(name.split())
    return name[:1].upper() + name[1:]
