"""Vietnamese syllables: put back what a PDF text extraction did to them, keeping every raw offset.

Text extracted from signed PDFs loses the space between syllables ("Tỉnh uỷvềthực hiện", "Ban
Thường vụĐảng uỷxã", "chuyểnđổisố") and spells spaced-out headings letter by letter ("r à s o á t",
"K Ế H O Ạ C H"). Patterns that look for "Đảng ủy xã" or "rà soát" then find nothing, so normalize
calls `repair` on each cleaned block to split glued syllables and join spaced letters.

What a syllable is comes from two sources, never from this corpus's words:
- the grammar of a written Vietnamese syllable (onset + rhyme + tone, with the spelling rules of k/c,
  gh/g, ngh/ng, qu, gi, and only the sắc or nặng tone on a rhyme closed by p, t, c, ch), kept as data
  in extractors/lexicon/syllables.json. It decides whether a string *can* be one syllable;
- underthesea's dictionary Viet74K (shipped inside the underthesea package, Apache-2.0, one word or
  phrase per line, syllables separated by spaces, loanwords hyphenated "ca-mê-ra"), read once per
  process when first needed. It says which legal syllables are *attested*
  (a split uses only those), which syllable pairs form a word ("thực hiện": it weights an ambiguous
  split such as "thực hiện" / "thự chiện"), and which Latin words are loanwords ("camera", "taxi").

Conservative, because a false split is worse than a miss: a token is split only when it is not itself
a legal syllable, every piece is an attested syllable with one case shape (lower, Capitalized or
UPPER), and the split has the fewest pieces (then the most dictionary pairs, then the commonest
syllables). A token without Vietnamese letters or tone marks ("online", "camera", "Zalo") is split
only where every adjacent pair is a dictionary word and it is not a loanword; an all-capital token
only where it holds a Vietnamese letter and every piece has two letters or more, so "UBND", "HĐND",
"BCĐTW", "OCOP" stay. Tokens that touch a digit, "/", "@", "_" or a dot inside a name (document
numbers "57-NQ/TW", "KH/ĐU", addresses, e-mails) are never looked at.

Speed: normalize calls `repair` on every block of every file, and clean text must cost almost
nothing. Tokens repeat ("của", "xã,"), so each distinct whitespace token is judged once per process and
remembered as clean; a block whose tokens are all known clean is passed after one split and one set
test at C speed (about 1.2 ms per 30 KB plan). The dictionary is read only when a token that is not a
legal syllable survives the grammar's own checks (~0.1 s, once per process), its word pairs only when
a split must be chosen among several (~0.2 s, once). The letter-spaced pattern runs only over a block
that holds a lone consonant letter, since a spaced-out word always has one and no Vietnamese word is one.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import math
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from pipeline.normalize import Tracked

GRAMMAR_FILE = Path(__file__).resolve().parent.parent / "extractors" / "lexicon" / "syllables.json"
DICTIONARY = ("underthesea", "corpus/data/Viet74K.txt")

# The tone marks as combining characters (NFD), and the name each key carries for one.
_TONE_MARKS = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_STOP_TONES = {"1", "5"}  # sắc, nặng: the only tones a syllable closed by p, t, c, ch takes
_MAX_SYLLABLE = 7  # "nghiêng", "khuếch", "nguyễn"
_MAX_TOKEN = 40
_MAX_SPLITS = 64


# ---------------------------------------------------------------------------------------------------
# the grammar


@dataclass(frozen=True)
class Grammar:
    vowels: str
    onsets: tuple[str, ...]
    """Longest first, so "ngh" is tried before "ng" and "n"."""
    rhymes: frozenset[str]
    qu_rhymes: frozenset[str]
    front_vowels: str
    front_only: frozenset[str]
    back_only: frozenset[str]
    stop_codas: tuple[str, ...]
    foreign: frozenset[str]


@cache
def grammar() -> Grammar:
    """The syllable grammar of syllables.json, read once."""
    data = json.loads(GRAMMAR_FILE.read_text(encoding="utf-8"))
    rhymes = frozenset(data["rhymes"])
    # "quân" is "u" + "ân" after a "q": the medial u (or o) of "uân", "oan" is written as the u of qu
    qu = {r[1:] for r in rhymes if len(r) > 1 and r[0] in "uo" and r[1] not in "ôơư"}
    qu.update(data["qu_extra_rhymes"])
    qu.add("ơ")  # "quở": the medial "uơ" after q
    return Grammar(
        vowels=data["vowels"],
        onsets=tuple(sorted(data["onsets"], key=len, reverse=True)),
        rhymes=rhymes,
        qu_rhymes=frozenset(qu),
        front_vowels=data["front_vowels"],
        front_only=frozenset(data["front_only_onsets"]),
        back_only=frozenset(data["back_only_onsets"]),
        stop_codas=tuple(data["stop_codas"]),
        foreign=frozenset(data["foreign_words"]),
    )


@lru_cache(maxsize=65536)
def key(piece: str) -> str | None:
    """The comparison form of one syllable: lower-case letters without the tone mark, then the tone's
    digit ("Uỷ" and "ủy" → "uy3"), so either tone-mark placement finds the same entry. None where the
    piece carries two tone marks (never one syllable)."""
    decomposed = unicodedata.normalize("NFD", piece.lower())
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) > 1:
        return None
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return base + (_TONE_MARKS[tones[0]] if tones else "0")


def _legal_rhyme(onset: str, rhyme: str, g: Grammar) -> bool:
    if not rhyme:
        return False
    if onset == "qu":
        return rhyme in g.qu_rhymes
    if rhyme not in g.rhymes:
        return False
    first = rhyme[0]
    if rhyme.startswith("yê"):
        return onset == ""
    if onset in g.front_only:
        return first in g.front_vowels
    if onset in g.back_only:
        return first not in g.front_vowels
    if onset == "g":
        return first not in "eêy"  # "gì", "gìn", "giếng": g before i; "ghế", "ghi" are written gh
    if onset == "gi":
        return first not in "iy"
    return True


@cache
def legal_bases() -> dict[str, bool]:
    """Every toneless syllable the grammar allows → whether its rhyme is closed by a stop (p, t, c, ch).

    Onsets × rhymes, filtered by the spelling rules: about 3,000 strings, built once, so that a
    syllable test is one lookup.
    """
    g = grammar()
    out: dict[str, bool] = {}
    for onset in ("", *g.onsets):
        for rhyme in g.rhymes | g.qu_rhymes:
            if _legal_rhyme(onset, rhyme, g):
                out[onset + rhyme] = rhyme.endswith(g.stop_codas)
    return out


@lru_cache(maxsize=65536)
def is_legal(piece: str) -> bool:
    """Can `piece` be written as one Vietnamese syllable (any case, either tone-mark placement)?"""
    k = key(piece)
    if k is None:
        return False
    closed = legal_bases().get(k[:-1])
    return closed is not None and (not closed or k[-1] in _STOP_TONES)


def strip_marks(word: str) -> str:
    """Lower case, every diacritic removed, đ → d: how a loanword is compared ("ca-mê-ra" ~ "camera")."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# ---------------------------------------------------------------------------------------------------
# the dictionary


@dataclass(frozen=True)
class Inventory:
    counts: dict[str, int]
    """Syllable key → number of dictionary entries that use it; legal syllables only."""
    loanwords: frozenset[str]
    """Dictionary words that are one Latin word or a hyphenated loan, joined, without marks."""
    keys_of: dict[str, str | None]
    """Each distinct word of the dictionary → its syllable key, or None where it is no syllable."""


_ENTRY_PUNCT = regex.compile(r"[^\p{L}\s\-]+")


@cache
def _dictionary_text() -> str:
    """Viet74K as NFC text without its punctuation ("(dân tộc)", "mặt,"); "" where it is missing.

    Nothing downloads: the file ships inside the underthesea package; find_spec locates the package
    without importing it (importing underthesea costs ~0.5 s).
    """
    spec = importlib.util.find_spec(DICTIONARY[0])
    try:
        folder = Path(next(iter(spec.submodule_search_locations or [])))  # type: ignore[union-attr]
        text = (folder / DICTIONARY[1]).read_text(encoding="utf-8")
    except (AttributeError, StopIteration, OSError):
        return ""
    return _ENTRY_PUNCT.sub(" ", unicodedata.normalize("NFC", text))


@cache
def inventory() -> Inventory:
    """The attested syllables and the loanwords of Viet74K, read once per process (~50 ms).

    Without the dictionary the inventory is empty and nothing is ever split.
    """
    text = _dictionary_text()
    words = Counter(text.split())
    keys_of: dict[str, str | None] = {}
    counts: dict[str, int] = {}
    for word, n in words.items():
        k = keys_of[word] = key(word) if "-" not in word and is_legal(word) else None
        if k is not None:
            counts[k] = counts.get(k, 0) + n
    loanwords = set()
    for line in text.splitlines():
        entry = line.strip()
        if "-" in entry or (" " not in entry and entry and keys_of.get(entry) is None):
            loanwords.add(strip_marks(entry.replace("-", "").replace(" ", "")))
    return Inventory(counts, frozenset(loanwords), keys_of)


@cache
def pairs() -> frozenset[tuple[str, str]]:
    """Adjacent syllable keys inside a dictionary word ("thực hiện" → ("thuc5", "hien5")).

    Built (~0.2 s) only when a split must be chosen among several, or checked for a word without
    Vietnamese letters. A line break becomes a token (NUL) that is no syllable, so no pair spans two entries.
    """
    keys_of = inventory().keys_of
    tokens = _dictionary_text().replace("\n", " \x00 ").split()
    keyed = {(keys_of.get(a), keys_of.get(b)) for a, b in set(itertools.pairwise(tokens))}
    return frozenset(p for p in keyed if p[0] is not None and p[1] is not None)


def is_attested(piece: str) -> bool:
    """A legal syllable that the dictionary uses."""
    return is_legal(piece) and key(piece) in inventory().counts


# ---------------------------------------------------------------------------------------------------
# segmenting one token


def _one_case(piece: str) -> bool:
    """lower, Capitalized or UPPER: "Đảng", "uỷ", "ĐẢNG"; never "vụĐ" or "aB"."""
    return piece.islower() or piece.isupper() or (piece[0].isupper() and piece[1:].islower())


def _has_vietnamese_letter(word: str) -> bool:
    return any(not c.isascii() for c in word)


def segment(word: str) -> list[str] | None:
    """The best split of `word` into attested syllables of one case shape each, or None.

    Fewest pieces first (each syllable needs its own vowel, so the fewest pieces is nearly always the
    reading), then the most pieces that pair into a dictionary word, then the commonest syllables.
    """
    splits = _fewest_splits(word, is_attested)
    if not splits:
        return None
    return splits[0] if len(splits) == 1 else max(splits, key=_split_score)


def _fewest_splits(word: str, accept: Callable[[str], bool]) -> list[list[str]]:
    """Every split of `word` into the fewest pieces that `accept` takes and that have one case shape
    (up to _MAX_SPLITS of them)."""
    n = len(word)
    if n == 0 or n > _MAX_TOKEN:
        return []
    # fewest[i]: fewest pieces that cover word[i:], or None
    fewest: list[int | None] = [None] * (n + 1)
    fewest[n] = 0
    steps: list[list[int]] = [[] for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, min(n, i + _MAX_SYLLABLE) + 1):
            rest = fewest[j]
            piece = word[i:j]
            if rest is None or not _one_case(piece) or not accept(piece):
                continue
            steps[i].append(j)
            if fewest[i] is None or rest + 1 < fewest[i]:
                fewest[i] = rest + 1
    if fewest[0] is None:
        return []
    splits: list[list[str]] = []

    def walk(i: int, acc: list[str]) -> None:
        if len(splits) >= _MAX_SPLITS:
            return
        if i == n:
            splits.append(list(acc))
            return
        for j in steps[i]:
            if fewest[j] is not None and fewest[j] + 1 == fewest[i]:
                acc.append(word[i:j])
                walk(j, acc)
                acc.pop()

    walk(0, [])
    return splits


def _split_score(pieces: list[str]) -> tuple[int, float]:
    counts, known = inventory().counts, pairs()
    keys = [key(p) for p in pieces]
    paired = sum((a, b) in known for a, b in itertools.pairwise(keys))
    common = sum(math.log1p(counts.get(k or "", 0)) for k in keys)
    return paired, common


@lru_cache(maxsize=65536)
def split_token(token: str) -> tuple[str, ...] | None:
    """The syllables a glued token is made of, or None where it must stay as it is (see the module
    docstring: legal syllables, abbreviations, foreign words, anything unsure)."""
    if len(token) < 2 or is_legal(token):
        return None
    vietnamese = _has_vietnamese_letter(token)
    bare = strip_marks(token)
    if not any(c in grammar().vowels for c in bare):
        return None  # "HĐND", "BCĐTW": no vowel, no syllable
    if not vietnamese and (token.isupper() or any(c in "fjwz" for c in bare)):
        return None  # "UBND", "OCOP", "website", "Zalo"
    if vietnamese and token.isupper() and len(token) < 4:
        return None
    if bare in grammar().foreign or not _fewest_splits(token, is_legal):
        return None  # decided by the grammar alone, before the dictionary is read ("Internet", "Đắk")
    if bare in inventory().loanwords:
        return None
    pieces = segment(token)
    if pieces is None or len(pieces) < 2:
        return None
    if token.isupper() and any(len(p) < 2 for p in pieces):
        return None  # "ĐU", "TƯ" glued to an abbreviation, not a heading word
    if not vietnamese:
        known = pairs()
        keys = [key(p) for p in pieces]
        if not all((a, b) in known for a, b in itertools.pairwise(keys)):
            return None
    return tuple(pieces)


# ---------------------------------------------------------------------------------------------------
# the patterns, and the repair of one block


@cache
def patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """(letter token, letter-spaced run), compiled once.

    A letter token is a run of letters that touches no digit, "/", "@", "_", "&", backslash, and no dot
    or "://" inside an address: "57-NQ/TW", "KH/ĐU", "ubnd@x.vn", "dichvucong.gov.vn" are never read.
    """
    token = regex.compile(r"(?<![\p{L}\p{M}\d/@_.\\&])\p{L}+(?![\p{L}\p{M}\d/@_\\&]|\.[\p{L}\d]|:/)")
    spaced = regex.compile(r"(?<![\p{L}\p{M}\d])\p{L}(?: {1,2}\p{L}){2,}(?![\p{L}\p{M}\d])")
    return token, spaced


def _join_group(letters: str) -> list[str] | None:
    """The syllables a group of spaced letters spells ("ràsoát" → ["rà", "soát"]), or None."""
    pieces = segment(letters)
    if pieces is None:
        return None
    for p in pieces:
        if len(p) == 1 and (key(p) or "").endswith("0"):
            return None  # a lone untoned letter ("a", "y") is a label or a variable, not a spaced word
    return pieces


def _spaced_edits(match: regex.Match) -> list | None:
    """Keep the letters of a letter-spaced run, and one space where a syllable ends."""
    run, start = match.group(0), match.start()
    letters = [i for i, c in enumerate(run) if c != " "]
    if not any(not is_legal(run[i]) for i in letters):
        return None  # every letter a vowel word ("ở a y"): nothing was spaced out
    groups: list[list[int]] = [[letters[0]]]
    for prev, i in itertools.pairwise(letters):
        if i - prev > 2:  # two spaces between letters: the gap between two spaced words
            groups.append([])
        groups[-1].append(i)
    edits: list = []
    for g_index, group in enumerate(groups):
        pieces = _join_group("".join(run[i] for i in group))
        if pieces is None:
            return None
        ends = set(itertools.accumulate(len(p) for p in pieces[:-1]))
        for n, i in enumerate(group):
            edits.append((start + i, start + i + 1))
            if n + 1 in ends:
                edits.append((start + i + 1, start + i + 2))  # the space after the syllable's last letter
        if g_index + 1 < len(groups):
            last = group[-1]
            edits.append((start + last + 1, start + last + 2))
    return edits


def _glued_edits(match: regex.Match) -> list | None:
    """Keep the token's letters, with a space after each syllable but the last (mapped to its last letter)."""
    pieces = split_token(match.group(0))
    if pieces is None:
        return None
    edits: list = []
    at = match.start()
    for n, piece in enumerate(pieces):
        edits.append((at, at + len(piece)))
        at += len(piece)
        if n + 1 < len(pieces):
            edits.append((" ", at - 1))
    return edits


_clean: set[str] = set()
"""Whitespace-separated tokens known to hold nothing to split ("của", "xã,", "57-NQ/TW"): tokens repeat
across blocks and documents, so each distinct one is judged once per process, and a block's tokens are
checked against this set at C speed (a set difference)."""
_MAX_CLEAN = 200_000


@cache
def _spaced_letters() -> frozenset[str]:
    """The one-letter tokens no Vietnamese word is: the consonants ("r", "K"). A letter-spaced word
    always holds one, so without one the letter-spaced pattern is not run."""
    g = grammar()
    letters = {c for o in g.onsets for c in o if c not in g.vowels} | set("fjwz")
    return frozenset(letters | {c.upper() for c in letters})


def _token_changes(token: str) -> bool:
    glued = patterns()[0]
    if any(split_token(m.group(0)) for m in glued.finditer(token)):
        return True
    if len(_clean) > _MAX_CLEAN:
        _clean.clear()
    _clean.add(token)
    return False


def repair(t: Tracked) -> Tracked:
    """Join letter-spaced words, then split glued syllables, in one cleaned block; offsets kept.

    The block's whitespace tokens are looked at first, with set operations (about 1 ms for 30 KB of
    clean text): the patterns run over the block only where a lone consonant
    letter stands or a token not yet known to be clean splits.
    """
    glued, spaced = patterns()
    words = t.text.split()
    if not _spaced_letters().isdisjoint(words):
        t = t.sub(spaced, _spaced_edits)
        words = t.text.split()
    if _clean.issuperset(words):  # walks the list at C speed: no set is built for a clean block
        return t
    if any(_token_changes(token) for token in set(words).difference(_clean)):
        t = t.sub(glued, _glued_edits)
    return t
