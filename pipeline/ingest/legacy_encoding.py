"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI): detect them and convert to Unicode.

Before Unicode, Vietnamese offices typed with 8-bit "font encodings": the bytes are ordinary
Windows-1252 bytes, and only a special font (.VnTime for TCVN3, VNI-Times for VNI) draws them as
Vietnamese letters. A plan saved from such a document, or copied out of it, therefore reads as
Latin-1 gibberish: TCVN3 "KÕ ho¹ch" for "Kế hoạch", VNI "Keá hoaïch". Both decode without error,
so a decoder alone never notices; this module looks at the text instead.

Detection works on the text *as the legacy bytes look in Windows-1252* (the "view"): a UTF-8 file
copied out of a .VnTime document already holds that view; an 8-bit file is decoded to it here.
We convert the view with each table and keep the conversion whose result reads like Vietnamese
(a high share of very common syllables, from `data/common_syllables.json`), when it wins clearly
over the text as it is and over the other encoding. Unsure → `LegacyEncodingError`, because a
half-converted plan would silently lose targets and deadlines.

The tables are data (`data/tcvn3.json`, `data/vni.json`), built by `build_tables()` from the
documented encodings: TCVN3 is the VN3 subset of TCVN 5712:1993 (as glibc's iconv ships it);
VNI writes a base letter followed by one byte per diacritic (or a single byte for đ, ơ, ư and a
few toned i/y). Run `python -m pipeline.ingest.legacy_encoding` to rebuild them.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.errors import LegacyEncodingError
from pipeline.models import DocWarning

DATA_DIR = Path(__file__).with_name("data")
LEGACY_ENCODINGS = ("tcvn3", "vni")
# How a warning or an error names each encoding to the user who must find the original's font.
ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC, .VnTime fonts)", "vni": "VNI (VNI-Times fonts)"}

# The documented VNI (Windows) scheme: a modifier byte after the base vowel. Keys are the
# modifier as Windows-1252 shows it (lowercase form; the uppercase form is the byte - 0x20);
# values are the combining marks it stands for, in Unicode canonical order.
_VNI_MODIFIERS = {
    "ø": "\u0300",  # grave
    "ù": "\u0301",  # acute
    "û": "\u0309",  # hook above
    "õ": "\u0303",  # tilde
    "ï": "\u0323",  # dot below
    "â": "\u0302",  # circumflex
    "à": "\u0302\u0300",
    "á": "\u0302\u0301",
    "å": "\u0302\u0309",
    "ã": "\u0302\u0303",
    "ä": "\u0323\u0302",
    "ê": "\u0306",  # breve
    "è": "\u0306\u0300",
    "é": "\u0306\u0301",
    "ú": "\u0306\u0309",
    "ü": "\u0306\u0303",
    "ë": "\u0323\u0306",
}
_VNI_TONES = ("ø", "ù", "û", "õ", "ï")
# Single bytes that are letters by themselves in VNI.
_VNI_SINGLES = {"ñ": "đ", "ô": "ơ", "ö": "ư", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_HAT_ONLY = {"a": "âàáåãäêèéúüë", "e": "âàáåãä", "o": "âàáåãä"}  # which vowels take which hats

_TCVN3_FIRST, _TCVN3_LAST = 0xA1, 0xFE


def _view_char(byte: int) -> str:
    """How one legacy byte looks once the file is read as Windows-1252 (Latin-1 where undefined)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def build_tcvn3_table() -> dict[str, str]:
    """TCVN3 (ABC): the VN3 subset of TCVN 5712 — 0xA1-0xAE (Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ ư đ) and
    the lowercase toned vowels 0xB5-0xFE. Uppercase toned vowels have no code in VN3 (a separate
    uppercase font draws the lowercase codes), so the VN1-only positions are left out.
    Needs glibc's iconv (TCVN5712-1) to build; reading the shipped table does not."""
    import subprocess

    table: dict[str, str] = {}
    for byte in range(_TCVN3_FIRST, _TCVN3_LAST + 1):
        run = subprocess.run(
            ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([byte]), capture_output=True, check=True
        )
        char = unicodedata.normalize("NFC", run.stdout.decode("utf-8"))
        if len(char) != 1 or unicodedata.combining(char):
            continue
        if byte > 0xAE and not char.islower():
            continue  # a VN1 uppercase position, not part of VN3
        table[_view_char(byte)] = char
    return table


def build_vni_table() -> dict[str, str]:
    """VNI (Windows): base vowel + modifier byte(s), plus the single-byte letters."""
    table: dict[str, str] = {}
    for base in "aeiouy":
        for modifier, marks in _VNI_MODIFIERS.items():
            hats = _VNI_HAT_ONLY.get(base, "")
            if modifier not in _VNI_TONES and modifier not in hats:
                continue
            for case_base, case_mod in ((base, modifier), (base.upper(), modifier.upper())):
                table[case_base + case_mod] = unicodedata.normalize("NFC", case_base + marks)
    # ơ/ư (single bytes ô/ö) take the tone bytes too.
    for single in ("ô", "ö"):
        for tone in _VNI_TONES:
            for s, t in ((single, tone), (single.upper(), tone.upper())):
                table[s + t] = unicodedata.normalize("NFC", _VNI_SINGLES[single.lower()] + _VNI_MODIFIERS[tone])
                if s.isupper():
                    table[s + t] = table[s + t].upper()
    for single, letter in _VNI_SINGLES.items():
        table[single] = letter
        table[single.upper()] = letter.upper()
    return table


def build_tables(out_dir: Path = DATA_DIR) -> None:
    for name, table in (("tcvn3", build_tcvn3_table()), ("vni", build_vni_table())):
        payload = {
            "encoding": name,
            "note": "keys: the legacy text as Windows-1252 shows it; values: Unicode (NFC). "
            "Built by pipeline.ingest.legacy_encoding.build_tables().",
            "map": dict(sorted(table.items())),
        }
        (out_dir / f"{name}.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", "utf-8")


@cache
def load_table(name: str) -> dict[str, str]:
    return json.loads((DATA_DIR / f"{name}.json").read_text("utf-8"))["map"]


@cache
def _common_syllables() -> frozenset[str]:
    return frozenset(json.loads((DATA_DIR / "common_syllables.json").read_text("utf-8"))["syllables"])


@cache
def _pattern(name: str) -> re.Pattern[str]:
    keys = sorted(load_table(name), key=len, reverse=True)
    return re.compile("|".join(re.escape(key) for key in keys))


@cache
def _vietnamese_letters() -> frozenset[str]:
    """Every letter a Unicode (NFC) Vietnamese text uses beyond ASCII."""
    letters = set()
    for table in LEGACY_ENCODINGS:
        letters.update(load_table(table).values())
    letters.update(ch.upper() for ch in list(letters))
    return frozenset(letters)


@cache
def _legacy_chars() -> frozenset[str]:
    """Characters the legacy views contain that Unicode Vietnamese never does."""
    chars = set()
    for table in LEGACY_ENCODINGS:
        for key in load_table(table):
            chars.update(key)
    return frozenset(ch for ch in chars if ch not in _vietnamese_letters() and not ch.isascii())


_WORD = re.compile(r"\w+")


def _to_upper_words(text: str) -> str:
    """TCVN3 has no codes for uppercase toned vowels: an all-caps heading typed with the uppercase
    font holds lowercase codes ("KÕ HO¹CH" → "Kế HOạCH"). Uppercase a line whose ASCII letters are
    all capitals (at least three), else a word whose ASCII letters are all capitals (at least two)."""

    def caps(chunk: str, minimum: int) -> bool:
        letters = [ch for ch in chunk if ch.isascii() and ch.isalpha()]
        return len(letters) >= minimum and all(ch.isupper() for ch in letters)

    lines = []
    for line in text.split("\n"):
        if caps(line, 3):
            lines.append(line.upper())
        else:
            lines.append(_WORD.sub(lambda m: m.group(0).upper() if caps(m.group(0), 2) else m.group(0), line))
    return "\n".join(lines)


def convert(text: str, encoding: str) -> str:
    """Convert a legacy view to Unicode NFC."""
    table = load_table(encoding)
    converted = _pattern(encoding).sub(lambda m: table[m.group(0)], text)
    if encoding == "tcvn3":
        converted = _to_upper_words(converted)
    return unicodedata.normalize("NFC", converted)


_TOKEN = re.compile(r"[^\s\d.,;:!?()\[\]{}\"'/\\|<>=+*_-]+")


def _tokens(text: str) -> list[str]:
    return [tok for tok in _TOKEN.findall(text) if any(ch.isalpha() for ch in tok)]


def _syllable_share(text: str) -> float:
    tokens = _tokens(text)
    if not tokens:
        return 0.0
    common = _common_syllables()
    return sum(tok.lower() in common for tok in tokens) / len(tokens)


@dataclass(frozen=True)
class Verdict:
    """What detection concluded: `encoding` is None (the text is fine as it is), "tcvn3" or
    "vni" (convert), or "unsure" (looks legacy but no table reads it)."""

    encoding: str | None
    foreign_share: float
    scores: dict[str, float]

    def describe(self) -> str:
        scores = ", ".join(f"{name} {score:.2f}" for name, score in self.scores.items())
        return f"{self.foreign_share:.0%} of words hold legacy-font characters; common-syllable share: {scores}"


# Decision thresholds (shares of word tokens). A legacy text has most words marked; a real
# Unicode text has none of those characters, so 5% is far from both.
SUSPECT_SHARE = 0.05
MIN_SCORE = 0.25
MARGIN = 0.10


def detect(view: str, text: str | None = None) -> Verdict:
    """Decide whether `view` is a legacy font encoding, and which one.

    `view` is the text as a legacy font's user typed it (for an 8-bit file: its Windows-1252
    reading); `text` is the file as decoded normally (Windows-1258 for an 8-bit file), which is
    what "as is" means when the conversions are compared. They are the same for UTF-8/16 files.
    """
    sample = unicodedata.normalize("NFC", view[:200_000])
    legacy = _legacy_chars()
    if legacy.isdisjoint(sample):  # the common case, decided in one C-level pass over the text
        return Verdict(None, 0.0, {})
    as_is = sample if text is None else unicodedata.normalize("NFC", text[:200_000])
    tokens = _tokens(sample)
    foreign = sum(any(ch in legacy for ch in tok) for tok in tokens)
    share = foreign / len(tokens) if tokens else 0.0
    if foreign < 3 or share < SUSPECT_SHARE:
        return Verdict(None, share, {})
    scores = {"as is": _syllable_share(as_is)}
    for name in LEGACY_ENCODINGS:
        scores[name] = _syllable_share(convert(sample, name))
    best = max(LEGACY_ENCODINGS, key=lambda name: scores[name])
    others = [score for name, score in scores.items() if name != best]
    if scores[best] >= MIN_SCORE and all(scores[best] >= other + MARGIN for other in others):
        return Verdict(best, share, scores)
    if scores["as is"] >= MIN_SCORE and all(scores["as is"] >= scores[n] + MARGIN for n in LEGACY_ENCODINGS):
        return Verdict(None, share, scores)
    return Verdict("unsure", share, scores)


def refuse_unsure(path: Path, verdict: Verdict) -> None:
    """Stop on text that looks legacy but that no table reads: a half-converted plan would silently
    lose targets and deadlines. Every reader calls this on its verdict."""
    if verdict.encoding == "unsure":
        raise LegacyEncodingError(path, "legacy_unsure", scores=verdict.describe())


def converted_warning(path: Path, encodings: Iterable[str]) -> DocWarning:
    """The warning every reader gives for text it converted from legacy encodings."""
    names = " + ".join(ENCODING_NAMES[name] for name in sorted(encodings))
    return DocWarning.of("legacy_converted", file=path.name, encodings=names)


# Byte → character of the legacy view, in one table for the C-level charmap codec.
_VIEW_TABLE = "".join(_view_char(byte) for byte in range(256))


def legacy_view(data: bytes) -> str:
    """Bytes of an 8-bit file as the legacy font's user saw them typed: Windows-1252, with the
    five bytes it leaves undefined read as Latin-1 (the same `_view_char` the tables are keyed by)."""
    return codecs.charmap_decode(data, "strict", _VIEW_TABLE)[0]


if __name__ == "__main__":
    build_tables()
    print(f"wrote {DATA_DIR / 'tcvn3.json'} and {DATA_DIR / 'vni.json'}")
