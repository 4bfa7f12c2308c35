"""Shared regex pieces: document numbers, dates, and lexicon phrases as patterns on folded text.

Every pattern here is written for `Document.fold` (lower case, NFC), so the extractors match once on
`fold` and cut quotes from `text` at the same offsets. Two spelling facts of real plans are built in
rather than left to each caller:

- tone-mark placement differs between writers ("uỷ"/"ủy", "hoà"/"hòa"); `phrase_pattern` accepts
  both, whichever convention the normalizer chose;
- the letter Đ is typed as Ð (U+00D0, folds to ð) or as a plain D in document symbols; `LETTER`
  accepts ð, and `canonical_symbol_part` restores Đ from the lexicon's list of symbol spellings.

Dates are kept general (no citation-specific context) because the deadline extractor reuses them.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

import regex

# `fold` is the pipeline's own (`pipeline.normalize.fold_text`: NFC, lower case, one tone-mark
# convention, same length), for strings that do not come from a Document (lexicon entries, tests):
# a key or pattern built from them meets `Document.fold` as the normalizer wrote it.
from pipeline.lexicon import BodyWordsLexicon, DocumentPartsLexicon, TimeExpressionsLexicon
from pipeline.normalize import fold_text as fold

# Tone on the first or the second vowel of "oa", "oe", "uy": both spellings are in use.
_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}


def _tone_pairs() -> dict[str, str]:
    """Map each tone-marked 'oa/oe/uy' spelling to a regex alternation of both placements."""
    pairs: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in _TONES:
            new = unicodedata.normalize("NFC", first + mark) + second
            old = first + unicodedata.normalize("NFC", second + mark)
            alternation = f"(?:{new}|{old})"
            pairs[new] = alternation
            pairs[old] = alternation
    return pairs


_TONE_PAIRS = _tone_pairs()
_TONE_RE = regex.compile("|".join(sorted(_TONE_PAIRS, key=len, reverse=True)))


def phrase_pattern(phrase: str) -> str:
    """A regex (no groups) matching `phrase` on folded text.

    Whitespace matches any run of whitespace (a line break inside a name), đ matches ð as well,
    and tone placement in 'oa/oe/uy' is free.
    """
    out: list[str] = []
    folded = fold(phrase.strip())
    i = 0
    while i < len(folded):
        m = _TONE_RE.match(folded, i)
        if m:
            out.append(_TONE_PAIRS[m.group()])
            i = m.end()
            continue
        ch = folded[i]
        joined = _AND_WORD_RE.match(folded, i)
        if joined:  # the and-word between two words is also written "&" ("Văn phòng HĐND&UBND xã")
            out.append(rf"(?:\s+{_AND}\s+|\s*&\s*)")
            i = joined.end()
            continue
        if ch.isspace():
            out.append(r"\s+")
            while i + 1 < len(folded) and folded[i + 1].isspace():
                i += 1
        elif ch in "đð":
            out.append("[đð]")
        else:
            out.append(regex.escape(ch))
        i += 1
    return "".join(out)


def alternation(phrases: list[str]) -> str:
    """Longest phrase first, so 'kế hoạch hành động' wins over 'kế hoạch'."""
    unique = sorted({fold(p) for p in phrases if p.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(phrase_pattern(p) for p in unique) + ")"


@lru_cache(maxsize=1)
def addressee_opener() -> regex.Pattern:
    """ "Kính gửi" (body_words.json's `addressee_openers`) opening a line of folded text, its words possibly split
    over two lines by a PDF: a letter's list of addressees. Bodies reads the list as naming no body with a role;
    metadata types a headerless copy that opens on it as a letter."""
    return regex.compile(r"\s*" + alternation(BodyWordsLexicon.load().addressee_openers) + r"(?![\p{L}\p{M}])")


_SPACES = regex.compile(r"\s+")
AND_WORD = DocumentPartsLexicon.load().and_word  # "và", which a name may write "&"
_AND = regex.escape(AND_WORD)
_AND_WORD_RE = regex.compile(rf"\s+{_AND}\s+")
_AMPERSAND_RE = regex.compile(r"\s*&\s*")


def and_for_ampersand(folded: str) -> str:
    """`folded` with every "&" written as the and-word ("hđnd&ubnd" → "hđnd và ubnd"): one spelling for lookups."""
    return _AMPERSAND_RE.sub(f" {AND_WORD} ", folded)
_TRAILING_DIGITS = regex.compile(r"\d+$")
_LETTERS_DIGITS = regex.compile(r"^(\D*)(\d*)$")


def tone_key(phrase: str) -> str:
    """Lookup key that ignores case, spacing, Ð/Đ, tone placement and "&" for the and-word: as the patterns do."""
    s = _SPACES.sub(" ", and_for_ampersand(fold(phrase)).strip()).replace("ð", "đ")
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group()], s)


BEFORE_WORD = r"(?<![\w])"
AFTER_WORD = r"(?![\w])"

# --- document numbers -------------------------------------------------------------------------

LETTER = r"[a-zđð]"
HYPHEN = r"[-‐‑–]"  # ASCII hyphen, Unicode hyphens and the en dash some writers use

# Codes after the issuer's: a department (225-KH/TWĐTN-CTTN) or a joint issuer (TTLT-BLĐTBXH-BTC-BYT).
_MORE_CODES = rf"(?:{HYPHEN}[^\S\n]?{LETTER}{{2,10}}\d{{0,4}}(?:&{LETTER}{{1,6}})?)*"
# Party style: 57-NQ/TW, 02-KH/BCĐTW, 13-QĐ/ĐU; also "57 NQ/TW", "57NQ/TW", "57-\nNQ/TW".
PARTY_NUMBER = (
    rf"(?P<pn>\d{{1,5}})(?P<psep>\s*{HYPHEN}\s*|\s+|)(?P<ps1>{LETTER}{{1,6}})"
    rf"\s*/\s*(?P<ps2>{LETTER}{{2,10}}\d{{0,2}})(?P<ps3>{_MORE_CODES})"
)
# Government style: 71/NQ-CP, 15/KH-UBND, 06/QĐ-TTg, "03/NQ-\nCP"; a letter may follow the digits (36a/NQ-CP); a
# steering committee named after its founding decision carries that number (252/KH-BCĐQG1237, 15/KH-BCĐ389).
# A joint document names every issuer: 02/TTr-CAT-ANCTNB, 25/2010/TTLT-BLĐTBXH-BTC-BYT, 19/2012/TTLT-BTC-BKH&ĐT.
GOV_NUMBER = (
    rf"(?P<gn>\d{{1,5}}(?:[a-z](?=/))?)\s*/\s*(?P<gs1>{LETTER}{{1,6}})(?P<gsep>\s*{HYPHEN}\s*|\s+)"
    rf"(?P<gs2>{LETTER}{{2,10}}\d{{0,4}})(?P<gs3>{_MORE_CODES})"
)
# Legal style with the year: 193/2025/QH15, 88/2025/NĐ-CP, 85/2016/NĐ-CP, 13/2023/TT-BTC; a joint one printed
# with a slash after its type ("183/2010/TTLT/BTC-BNN") is read with the hyphen of its style.
LAW_NUMBER = (
    rf"(?P<ln>\d{{1,5}})\s*/\s*(?P<ly>(?:19|20)\d{{2}})\s*/\s*"
    rf"(?P<ls1>{LETTER}{{1,8}}\d{{0,2}})(?:\s*(?:{HYPHEN}|/(?={LETTER}+{HYPHEN}))\s*(?P<ls2>{LETTER}{{1,10}}\d{{0,2}}(?:&{LETTER}{{1,6}})?"
    rf"{_MORE_CODES}))?"
)
NUMBER = rf"(?<![\w/]){{}}(?:{LAW_NUMBER}|{GOV_NUMBER}|{PARTY_NUMBER})(?![\w/])".replace("{}", "")
NUMBER_RE = regex.compile(NUMBER)
_HYPHEN_RE = regex.compile(HYPHEN)


class SymbolSpeller:
    """Canonical spelling of symbol parts ("qd" → "QĐ", "ttg" → "TTg", "bcðtw" → "BCĐTW").

    `party_issuers` / `state_issuers` are the issuer parts that fix the numbering style: a Party
    body numbers "57-NQ/TW", a state body "71/NQ-CP"; a number written in the other style is a typo.
    """

    def __init__(self, parts: list[str], party_issuers: list[str] = (), state_issuers: list[str] = ()):
        self._by_key = {self.key(p): p for p in parts}
        self._spelt: dict[str, str] = {}
        self._party = {self.key(p) for p in party_issuers}
        self._state = {self.key(p) for p in state_issuers}

    def is_party(self, part: str) -> bool:
        return self.key(part) in self._party

    def is_state(self, part: str) -> bool:
        return self.key(part) in self._state

    @staticmethod
    @lru_cache(maxsize=4096)
    def key(part: str) -> str:
        return fold(part).replace("đ", "d").replace("ð", "d")

    def known(self, part: str) -> bool:
        return self.key(_TRAILING_DIGITS.sub("", part)) in self._by_key

    def spell(self, part: str) -> str:
        spelt = self._spelt.get(part)
        if spelt is None:
            spelt = self._spelt[part] = self._spell(part)
        return spelt

    def _spell(self, part: str) -> str:
        m = _LETTERS_DIGITS.match(part)
        letters, digits = (m.group(1), m.group(2)) if m else (part, "")
        canonical = self._by_key.get(self.key(letters))
        if canonical is None:
            canonical = letters.upper().replace("Ð", "Đ")
        return canonical + digits


def _codes(written: str, speller: SymbolSpeller) -> str:
    """Issuer codes joined by hyphens ("BLĐTBXH-BTC-BYT", "BTC-BKH&ĐT"), each spelled as the registry does."""
    parts = regex.split(HYPHEN, written)
    return "-".join("&".join(speller.spell(p) for p in part.split("&")) for part in parts if part)


def canonical_number(m: regex.Match, text: str, speller: SymbolSpeller, keep_style: bool = False) -> str | None:
    """The canonical number of a NUMBER match, spelled from the document's own letters.

    `keep_style` keeps the printed numbering style (a plan's own number is recorded as printed);
    otherwise a Party number written in the state style, or back, is corrected.

    Returns None when the match is only number-shaped: a space or nothing in place of the
    party-style hyphen is accepted only before a known symbol ("57 NQ/TW", not "10 km/h").
    """

    def cut(group: str) -> str:
        s, e = m.span(group)
        return "".join(text[s:e].split())

    if m.group("ln"):
        symbol = speller.spell(cut("ls1"))
        if m.group("ls2"):
            symbol += "-" + _codes(cut("ls2"), speller)
        return f"{m.group('ln')}/{m.group('ly')}/{symbol}"
    if m.group("gn"):
        if not _HYPHEN_RE.search(m.group("gsep")) and not speller.known(m.group("gs1")):
            return None
        number, kind, issuer = m.group("gn"), speller.spell(cut("gs1")), speller.spell(cut("gs2"))
        party = speller.is_party(issuer) and not keep_style  # "57/NQ-TW": Party number, state style
        if m.group("gs3"):
            issuer += "-" + _codes(cut("gs3").lstrip("-‐‑–"), speller)
    else:
        if not _HYPHEN_RE.search(m.group("psep")) and not speller.known(m.group("ps1")):
            return None
        number, kind, issuer = m.group("pn"), speller.spell(cut("ps1")), speller.spell(cut("ps2"))
        party = keep_style or not speller.is_state(issuer)  # "71-NQ/CP": state number, Party style
        if m.group("ps3"):
            issuer += "-" + _codes(cut("ps3").lstrip("-‐‑–"), speller)
    return f"{number}-{kind}/{issuer}" if party else f"{number}/{kind}-{issuer}"


def number_type_code(m: regex.Match) -> str:
    """The symbol part that names the document's type: NQ in 57-NQ/TW, 71/NQ-CP, NĐ in 88/2025/NĐ-CP."""
    if m.group("ln"):
        return m.group("ls1") if m.group("ls2") else ""
    return m.group("gs1") or m.group("ps1") or ""


# --- dates ------------------------------------------------------------------------------------

YEAR = r"(?:19|20)\d{2}"
_MONTH = regex.escape(TimeExpressionsLexicon.load().month_word)  # "tháng"
_YEAR_WORD = regex.escape(TimeExpressionsLexicon.load().year_word)  # "năm"
DATE_SEP = rf"\s*[/.]\s*|\s*{HYPHEN}\s*"
# 22/12/2024, 19-6-2025, 22.12.2024
NUMERIC_DATE = rf"\d{{1,2}}(?:{DATE_SEP})\d{{1,2}}(?:{DATE_SEP}){YEAR}(?!\d)"
# 22 tháng 12 năm 2024; the slip "19 tháng 6 tháng 2025" is read as meant.
WORD_DATE = rf"\d{{1,2}}\s+{_MONTH}\s+\d{{1,2}}\s*,?\s*(?:{_YEAR_WORD}|{_MONTH})\s+{YEAR}(?!\d)"
FULL_DATE = rf"(?<!\d)(?:{NUMERIC_DATE}|{WORD_DATE})"
# Month and year only: "tháng 8 năm 2025", "tháng 8/2025".
MONTH_YEAR = rf"{_MONTH}\s+\d{{1,2}}\s*(?:,?\s*{_YEAR_WORD}\s+|/\s*){YEAR}(?!\d)"
FULL_DATE_RE = regex.compile(FULL_DATE)

_PARSE_NUMERIC = regex.compile(rf"(\d{{1,2}})(?:{DATE_SEP})(\d{{1,2}})(?:{DATE_SEP})({YEAR})")
_PARSE_WORDS = regex.compile(rf"(\d{{1,2}})\s+{_MONTH}\s+(\d{{1,2}})\s*,?\s*(?:{_YEAR_WORD}|{_MONTH})\s+({YEAR})")
_PARSE_MONTH_YEAR = regex.compile(rf"{_MONTH}\s+(\d{{1,2}})\s*(?:,?\s*{_YEAR_WORD}\s+|/\s*)({YEAR})")
_PARSE_YEAR = regex.compile(rf"(?<!\d)({YEAR})(?!\d)")


def iso_date(day: int, month: int, year: int) -> str | None:
    """ISO date, or None where the day or month cannot exist (31/02, month 13)."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(s: str) -> str | None:
    """ISO date of a full date written in any style the plans use (folded or not)."""
    s = fold(s)
    m = _PARSE_NUMERIC.search(s) or _PARSE_WORDS.search(s)
    if not m:
        return None
    return iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def parse_partial_date(s: str) -> str | None:
    """Full date, else YYYY-MM from a month and year, else YYYY: for a date line with blanks."""
    full = parse_date(s)
    if full:
        return full
    s = fold(s)
    m = _PARSE_MONTH_YEAR.search(s)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = _PARSE_YEAR.search(s)
    return m.group(1) if m else None
