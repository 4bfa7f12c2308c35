"""Comparing quotes and names the way shared/gold-guidelines.md says the scorer does.

The scorer pairs a predicted record with a gold record when their quotes overlap, after folding
case, whitespace and tone-mark placement; the gold check finds every gold quote in its document
after folding the document the way quotes are written. Both folds live here so that the scorer
and the gold test can never disagree about what "the same words" means.

Tone-mark placement: Vietnamese writes the open syllables oa, oe, uy either with the tone on the
first vowel ("hòa", "khỏe", "thúy", "Ủy", the older convention) or on the second ("hoà", "khoẻ",
"thuý", "Uỷ"). Both are correct and documents mix them, so the fold moves the mark to the first
vowel ("quý" stays: "qu" is a consonant). That fold is `pipeline.normalize.fold_text`, the very one the
extractors match with, so the pipeline and the scorer agree on what "the same words" means.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import regex

from pipeline.normalize import fold_text

_WORD = regex.compile(r"\w+")
_WS = regex.compile(r"\s+")
_EMPHASIS = regex.compile(r"\*+")
# A hyphen that ends a line inside a word: "03/NQ-\nCP" -> "03/NQ-CP". U+FFFE is how pypdfium2
# writes a soft line-break hyphen; U+00AD is the soft hyphen.
_SPLIT_HYPHEN = regex.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")
_SOFT_HYPHEN = regex.compile(r"[\u00ad\ufffe][ \t]*(?:\r?\n\s*)?")


# Characters two quotes must share, without their spaces, to pair on spelling alone (a short "xã" would pair
# with any quote that holds it).
_MIN_SPACELESS = 8


def fold_whitespace(text: str) -> str:
    """Runs of whitespace (line breaks included) to one space, ends trimmed."""
    return _WS.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def fold_quote(text: str | None) -> str:
    """The comparison form of a quote or name: NFC, markdown emphasis removed, one tone placement,
    case folded, whitespace folded. None folds to ""."""
    if not text:
        return ""
    return fold_whitespace(fold_text(_EMPHASIS.sub("", text)))


def syllables(text: str | None) -> list[str]:
    """The syllables (word-character runs) of the folded text; punctuation separates them."""
    return _WORD.findall(fold_quote(text))


@lru_cache(maxsize=65536)
def _profile(text: str | None) -> tuple[str, Counter, int]:
    """(syllables joined and padded by spaces, syllable multiset, syllable count), cached: the
    scorer compares every gold quote of a kind with every predicted one. Containment is tested on
    the padded form, so it holds at syllable boundaries ("an" is not inside "Công an xã" by
    accident of spelling, only as the syllable "an"). A quote with no syllables keeps its folded
    text, so only an equal quote pairs with it."""
    folded = fold_quote(text)
    words = _WORD.findall(folded)
    key = f" {' '.join(words)} " if words else folded
    return key, Counter(words), len(words)


def overlap(a: str | None, b: str | None) -> float:
    """How well two quotes overlap, 0.0 where they do not pair under the guidelines' rule.

    They pair when one folded quote contains the other, or when they share at least half of the
    shorter one's syllables (counted as multisets). The score, for pairing best-first, is the
    shared syllables over the longer quote's syllables (1.0 for equal quotes), so a quote that
    says the same words beats one that merely shares some.
    """
    fa, ca, na = _profile(a)
    fb, cb, nb = _profile(b)
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    contains = na > 0 and nb > 0 and (fa in fb or fb in fa)
    shared = sum((ca & cb).values()) if not ca.keys().isdisjoint(cb) else 0
    shorter, longer = min(na, nb), max(na, nb)
    if not contains and (shorter == 0 or 2 * shared < shorter):
        return _spacing_overlap(fa, fb)
    score = shared / longer if longer else 0.0
    # Containment always pairs, even where punctuation-only quotes leave no syllables to count.
    return max(score, 1e-6) if contains else score


def _spacing_overlap(fa: str, fb: str) -> float:
    """Two quotes that differ only in where the spaces fall pair: a gold quote keeps a PDF's letter-spaced
    words verbatim ("Q u y ế t đ ị n h s ố 4 0 / Q Đ"), the pipeline quotes the text it repaired ("Quyết định
    số 40/QĐ"), and no syllable of one is a syllable of the other. Scored by the share of characters."""
    sa, sb = fa.replace(" ", ""), fb.replace(" ", "")
    if min(len(sa), len(sb)) < _MIN_SPACELESS or not (sa in sb or sb in sa):
        return 0.0
    return min(len(sa), len(sb)) / max(len(sa), len(sb))


def common_suffix(a: str | None, b: str | None) -> int:
    """Length of the longest common ending of two folded prefixes: how alike the text before two
    quotes is (the W3C TextQuoteSelector way of telling repeated quotes apart).

    Compared on syllables only: punctuation differs between renditions of the same text (a .txt
    table writes "|" between cells, the normalized text starts each cell on its own line), and a
    prefix must not lose its match for it."""
    fa, fb = " ".join(syllables(a)), " ".join(syllables(b))
    n = 0
    for x, y in zip(reversed(fa), reversed(fb), strict=False):
        if x != y:
            break
        n += 1
    return n


def fold_document_text(text: str) -> str:
    """A document's text folded the way the guidelines say quotes are written: NFC, a word split by
    a line-break hyphen joined, markdown emphasis marks removed, whitespace folded. Case and
    spelling are kept: a gold quote must be found here verbatim."""
    text = unicodedata.normalize("NFC", text)
    text = _SOFT_HYPHEN.sub("", text)
    text = _SPLIT_HYPHEN.sub("-", text)
    text = _EMPHASIS.sub("", text)
    return fold_whitespace(text)


def document_text_for_quotes(path: str | Path) -> str:
    """Read a corpus .txt (UTF-8) and fold it with `fold_document_text`."""
    return fold_document_text(Path(path).read_text(encoding="utf-8-sig"))


def quote_for_search(quote: str) -> str:
    """A gold quote as it is searched for in `fold_document_text`'s output: NFC, whitespace folded
    (emphasis marks are not part of any quote)."""
    return fold_whitespace(_EMPHASIS.sub("", unicodedata.normalize("NFC", quote)))


def occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of `quote` in `text`."""
    starts: list[int] = []
    if not quote:
        return starts
    at = text.find(quote)
    while at != -1:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts
