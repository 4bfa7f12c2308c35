"""The plan's own level, as its head states it: a commune's (xã, phường, thị trấn, đặc khu) or a higher one.

Why: a commune plan writes its own bodies without a level ("UBND chủ trì …", "Đảng ủy lãnh đạo …") and
they are the commune's, so their canonical names end in its level word; a province's or a ministry's
plan writes "Ủy ban nhân dân" for its own, and adding "xã" there invents a level the text never gives
(issue 12: "Ban Thường vụ Đảng ủy Bộ Công Thương" read as "Ban Thường vụ Đảng ủy xã"). The level is read
from the head's organisation lines, before the type line, leaving out the number, the place and date
and the national motto; the last level word there is the issuer's (a Party header names its parent
first: "ĐẢNG BỘ TỈNH KHÁNH HÒA / ĐẢNG ỦY XÃ CÔNG HẢI"); where those lines give none (a portal copy kept
"ỦY BAN NHÂN DÂN" alone), the first territory the title names. Words are data (`lexicon/levels.json`).
"""

from __future__ import annotations

from functools import cache

import regex

from extractors.grammar import alternation
from pipeline.document import Document
from pipeline.lexicon import LevelsLexicon
from pipeline.normalize import fold_text

HIGHER = ""
"""The level of a plan above the commune: bodies written without a level get none."""

_PLACE_NAME = regex.compile(r"[ \t]+\p{Lu}")


@cache
def _patterns() -> tuple[regex.Pattern, set[str], regex.Pattern]:
    data = LevelsLexicon.load()
    words = alternation(data.commune + data.territories + data.central + data.committees)
    not_before = alternation(data.not_before)
    return (
        regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])({words})(?![\p{{L}}\p{{M}}])(?!\s+(?:{not_before})(?![\p{{L}}\p{{M}}]))"
        ),
        {fold_text(w) for w in data.commune},
        regex.compile(rf"^\s*(?:{alternation(data.higher_openers)})(?![\p{{L}}\p{{M}}])"),
    )


@cache
def _motto() -> regex.Pattern:
    """Where the national motto starts on a head line the issuer shares with it."""
    return regex.compile(alternation(LevelsLexicon.load().motto))


def _after_plural(fold: str, at: int) -> bool:
    """Does a plural word ("các") stand just before `at`?"""
    return any(fold[max(0, at - len(w) - 1) : at].endswith(f"{w} ") for w in LevelsLexicon.load().plural)


def own_level(document: Document) -> str | None:
    """The plan's level word where it is a commune's ("xã", "phường" …), `HIGHER` ("") where the head
    names a body above the commune, None where the head states no level."""
    level_word, commune, opener = _patterns()
    header = document.header
    # the organisation lines come before the number, the place and date, and the type line
    marks = [s.start for s in (header.doc_type_line, header.number_line, header.place_date) if s is not None]
    stop = min(marks) if marks else min(len(document.fold), 400)
    found: str | None = None
    for block in document.blocks:
        if block.start >= stop:
            break
        if block.role != "header":
            continue
        # up to the number: "* Số -CV/ĐU Tham mưu … Nghị quyết số 01-NQ/TU … của Tỉnh ủy" (a PDF's number and
        # subject on one line) names a cited document's issuer after it, not the plan's
        line = document.fold[block.start : min(block.end, stop)]
        motto = _motto().search(line)
        line = line[: motto.start()] if motto else line  # "ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA XÃ HỘI …" on one line
        if opener.match(line):
            found = HIGHER
        for m in level_word.finditer(line):
            found = m.group(1) if m.group(1) in commune else HIGHER
    if found is None and header.title is not None:
        # a head that lost its place line ("ỦY BAN NHÂN DÂN" alone): the territory its title names, a
        # level word with its place name ("… trên địa bàn tỉnh Thanh Hóa", "… huyện Đăk R'lấp"); not a
        # plural ("các xã") nor a cited document's issuer ("Ban Chỉ đạo Trung ương": no place follows)
        for m in level_word.finditer(document.fold, header.title.start, header.title.end):
            plural = _after_plural(document.fold, m.start())
            if not plural and _PLACE_NAME.match(document.text, m.end()):
                return m.group(1) if m.group(1) in commune else HIGHER
    return found


def without_invented_level(name: str | None, written: str, level: str | None) -> str | None:
    """A commune body's canonical name ("Ủy ban nhân dân xã") as a plan above the commune means it: the
    level word dropped where the written form (`written`, folded) gives none. Other names unchanged."""
    canonical = LevelsLexicon.load().canonical_commune
    if name is None or level != HIGHER or not name.endswith(f" {canonical}"):
        return name
    stated = _patterns()[0].search(written)
    return name if stated and stated.group(1) == canonical else name[: -len(canonical) - 1]
