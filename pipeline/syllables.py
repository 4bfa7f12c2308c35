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
  split such as "thực hiện" / "thự chiện", with the words around the token: "cáchình thức" is "các
  hình thức"), and which Latin words are loanwords ("camera", "taxi").

Conservative, because a false split is worse than a miss:
- a token is split only when it is not itself a legal syllable, every piece is an attested syllable with
  one case shape (lower, Capitalized or UPPER), and the split has the fewest pieces, then the best
  weight of dictionary pairs and common syllables (`PAIR_WEIGHT`);
- a token without Vietnamese letters or tone marks ("online", "camera", "Zalo", "one") is split only
  where every adjacent pair is a dictionary word ("kinhdoanh") and it is not a loanword or one of the
  foreign words of syllables.json; inside a Vietnamese token, a run of Latin-only pieces that joins
  into such a word is joined back ("đặtcamera" → "đặt camera"), and three unpaired ones are refused;
- an all-capital token only where it holds a Vietnamese letter and every piece has two letters or more,
  so "UBND", "HĐND", "BCĐTW", "OCOP" stay; a piece "I" is a roman numeral, never the word "i";
- where a lower-case letter meets a capital ("vụĐảng", "củaHĐND", "sảnphẩmOCOP"), what stands before
  the capital must be Vietnamese syllables and is split off; the abbreviation or foreign word after
  it stays whole. "iPhone", "eKYC", "MoMo", "VNeID" stay: nothing Vietnamese stands on either side;
- capitals followed by lower-case letters lose that tail only ("UBNDxã" → "UBND xã", "57-NQ/TWcủa" →
  "57-NQ/TW của"), never a letter of the abbreviation unless the tail then reads one way only;
- a token that is one attested syllable with a breve, circumflex or horn missing ("thưong" for
  "thương") is a misspelling, left whole rather than read as "thư ong";
- tokens touching a digit, "@", "_" or a dot inside a name, and any chunk holding "://", "@" or
  "www." are never looked at (document numbers, addresses, e-mails). Spaced-out digits ("2 0 2 6")
  are left as they are: numbers are not this module's to join.

Letter-spaced runs are tokens of one or two letters, at least two of them single and one a consonant
(no Vietnamese word is a lone consonant), over spaces or line breaks; extraction also shifts spaces
("v ớ is ốt i ề n"), so the letters are joined and segmented again ("với số tiền"). "a b c", "x y z",
"V X L", "a) b)" stay: their letters spell no syllables.

Speed: normalize calls `repair` on every block of every file, and clean text must cost almost
nothing. Tokens repeat ("của", "xã,"), so each distinct whitespace token is judged once per process and
remembered as clean; a block whose tokens are all known clean is passed after one split and one set
test at C speed (about 1.4 ms per 30 KB plan), and in a block that has debris only the tokens that change
are visited again. The dictionary is read only when a token that is not a legal syllable survives the
grammar's own checks (~0.1 s, once per process), its word pairs only when a split must be chosen among
several (~0.2 s, once). The letter-spaced pattern runs only over a block that holds a lone consonant.
"""

from __future__ import annotations

import importlib.util
import itertools
import math
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from pipeline.lexicon import SyllablesLexicon

if TYPE_CHECKING:
    from pipeline.normalize import Tracked

DICTIONARY = ("underthesea", "corpus/data/Viet74K.txt")

# The tone marks as combining characters (NFD), and the name each key carries for one.
_TONE_MARKS = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_STOP_TONES = {"1", "5"}  # sắc, nặng: the only tones a syllable closed by p, t, c, ch takes
_MAX_SYLLABLE = 7  # "nghiêng", "khuếch", "nguyễn"
_MAX_TOKEN = 200  # a letter-spaced line joined
_MAX_SPLITS = 64
# How much a dictionary pair weighs against syllable commonness (log of the number of dictionary entries
# that use the syllable) when a split is chosen among several with the fewest pieces: one pair is worth a
# syllable about e² ≈ 7 times commoner, so "thực hiện" beats "thự chiện", and "số trong" still beats
# "sốt rong" (a rare pair of rarer syllables).
PAIR_WEIGHT = 2.0


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
    data = SyllablesLexicon.load()
    rhymes = frozenset(data.rhymes)
    # "quân" is "u" + "ân" after a "q": the medial u (or o) of "uân", "oan", "uơ" is written as the u of
    # qu; "uc", "ong", "uôn" open with a vowel u/o that is no medial, and give nothing here
    vowels = data.vowels
    qu = {r[1:] for r in rhymes if len(r) > 1 and r[0] in "uo" and r[1] in vowels and r[1] not in "oô"}
    qu.update(data.qu_extra_rhymes)
    return Grammar(
        vowels=data.vowels,
        onsets=tuple(sorted(data.onsets, key=len, reverse=True)),
        rhymes=rhymes,
        qu_rhymes=frozenset(qu),
        front_vowels=data.front_vowels,
        front_only=frozenset(data.front_only_onsets),
        back_only=frozenset(data.back_only_onsets),
        stop_codas=tuple(data.stop_codas),
        foreign=frozenset(data.foreign_words),
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
    """Dictionary words that are one Latin word or a hyphenated loan, joined, lower case ("camêra", "taxi")."""
    bare_loanwords: frozenset[str]
    """The same without their marks ("camera"): how a word without Vietnamese letters is compared."""
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
            loanwords.add(entry.replace("-", "").replace(" ", "").lower())
    return Inventory(counts, frozenset(loanwords), frozenset(strip_marks(w) for w in loanwords), keys_of)


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


def forms_word(first: str, second: str) -> bool:
    """Do two syllables stand side by side inside one dictionary word ("y" "tế", "nông" "thôn")? Used to
    end a name where the next lowercase syllable starts the sentence's verb ("Sở Y tế kiểm tra")."""
    a, b = key(first), key(second)
    return a is not None and b is not None and (a, b) in pairs()


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


def segment(word: str, before: str | None = None, after: str | None = None) -> list[str] | None:
    """The best split of `word` into attested syllables of one case shape each, or None.

    Fewest pieces first (each syllable needs its own vowel, so the fewest pieces is nearly always the
    reading), then the pieces that pair into dictionary words and are common (`PAIR_WEIGHT`). Where the
    words around the token are known, their pairs with its first and last piece count too: "cáchình
    thức" is "các hình thức", though "cá chình" alone is a dictionary word.
    """
    splits = _fewest_splits(word, is_attested)
    if not splits:
        return None
    if len(splits) == 1:
        return splits[0]
    return max(
        splits, key=lambda pieces: _split_score([*([before] if before else []), *pieces, *([after] if after else [])])
    )


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


def _split_score(pieces: list[str]) -> float:
    counts, known = inventory().counts, pairs()
    keys = [key(p) for p in pieces]
    paired = sum((a, b) in known for a, b in itertools.pairwise(keys))
    common = sum(math.log1p(counts.get(k or "", 0)) for k in keys)
    return PAIR_WEIGHT * paired + common


@lru_cache(maxsize=65536)
def split_token(token: str) -> tuple[str, ...] | None:
    """The pieces a glued token is made of, or None where it must stay as it is (see the module
    docstring: legal syllables, abbreviations, foreign words, anything unsure).

    A token that is all syllables is split into them ("uỷvềthực"); one that is not may still be split
    where a lower-case letter meets a capital, if what stands before the capital is Vietnamese
    syllables ("củaHĐND" → "của HĐND", "sửdụngVNeID" → "sử dụng VNeID"): the abbreviation or foreign
    word after it stays whole."""
    whole = _split_syllables(token)
    return whole if whole is not None else _split_at_capitals(token)


@lru_cache(maxsize=65536)
def _split_syllables(token: str, before: str | None = None, after: str | None = None) -> tuple[str, ...] | None:
    """The syllables a glued token is made of, all of it, or None (`before`, `after`: see `segment`)."""
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
    inv = inventory()
    if token.lower() in inv.loanwords or (not vietnamese and bare in inv.bare_loanwords):
        return None  # "camera", "taxi"; "cơbản" is no "cô-ban" (cobalt): with marks, the marks must agree
    if _tone_marks(token) <= 1 and _misspelt_syllable(token, bare):
        return None  # "thưong": "thương" with its horn missing, not "thư ong"
    pieces = segment(token, before, after)
    if pieces is None or len(pieces) < 2:
        return None
    if token.isupper() and any(len(p) < 2 for p in pieces):
        return None  # "ĐU", "TƯ" glued to an abbreviation, not a heading word
    if "I" in pieces:
        return None  # "quýIII", "LỤCI": a roman numeral, not the word "i" ("TrạmYtế" is "Trạm Y tế")
    if any(len(a) == len(b) == 1 for a, b in itertools.pairwise(pieces)):
        return None  # two one-letter words in a row: more likely letters of something else
    if any(len(a) < 2 and b[0].isupper() for a, b in itertools.pairwise(pieces)):
        return None  # "iPhoneđể": one letter before a capital is a prefix ("i", "e"), not a word
    if not vietnamese:  # "kinhdoanh" is split, "one", "some", "online" are not: every pair a dictionary word
        known = pairs()
        keys = [key(p) for p in pieces]
        return tuple(pieces) if all((a, b) in known for a, b in itertools.pairwise(keys)) else None
    return _check_latin_runs(pieces)


def _tone_marks(word: str) -> int:
    return sum(c in _TONE_MARKS for c in unicodedata.normalize("NFD", word))


_QUALITY_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: what makes â, ă, ơ of a, a, o


@cache
def _bare_syllables() -> dict[tuple[str, str], tuple[str, ...]]:
    """The attested syllables by their letters without marks and their tone ("thương" under ("thuong", "0")):
    a token that reads as one of them with the same tone and a breve, circumflex or horn missing is a
    misspelt syllable, not two glued ones ("thưong"); "tựan" (tone nặng) is no "tuần" and splits."""
    found: dict[tuple[str, str], list[str]] = {}
    for word, k in inventory().keys_of.items():
        if k is not None:
            found.setdefault((strip_marks(word), k[-1]), []).append(word)
    return {bare_tone: tuple(words) for bare_tone, words in found.items()}


def _quality_marks(word: str) -> list[frozenset[str]]:
    """The breve, circumflex and horn on each letter of `word` (tone marks left out)."""
    letters: list[set[str]] = []
    for c in unicodedata.normalize("NFD", word.lower().replace("đ", "d")):
        if not unicodedata.combining(c):
            letters.append(set())
        elif c in _QUALITY_MARKS and letters:
            letters[-1].add(c)
    return [frozenset(marks) for marks in letters]


def _misspelt_syllable(token: str, bare: str) -> bool:
    """Is `token` an attested syllable with the same tone whose letters lack some of its breves, circumflexes
    or horns ("thưong" for "thương")? Not where the token has a mark the syllable lacks: "thôấn" is "thô" and
    "ấn" glued, not a misspelt "thoán"."""
    marks = _quality_marks(token)
    for word in _bare_syllables().get((bare, (key(token) or "0")[-1]), ()):
        theirs = _quality_marks(word)
        if len(theirs) == len(marks) and all(mine <= its for mine, its in zip(marks, theirs, strict=True)):
            return True
    return False


def _check_latin_runs(pieces: list[str]) -> tuple[str, ...] | None:
    """Pieces without a Vietnamese letter next to each other may be a foreign word read as syllables
    ("đặtcamera" → "đặt" + "ca me ra"): a run that joins into a known foreign word or loanword becomes
    that word again. Two such pieces are common Vietnamese ("sinh trong", "cơ quan trong"); three or
    more in a row must pair into dictionary words ("kinh doanh"), else the split is unsure and dropped."""
    foreign = grammar().foreign | inventory().bare_loanwords
    out: list[str] = []
    i = 0
    while i < len(pieces):
        j = i
        while j < len(pieces) and not _has_vietnamese_letter(pieces[j]):
            j += 1
        if j == i:
            out.append(pieces[i])
            i += 1
            continue
        run = _latin_run(pieces[i:j], foreign)
        if run is None:
            return None
        out.extend(run)
        i = j
    return tuple(out) if len(out) >= 2 else None


def _latin_run(run: list[str], foreign: frozenset[str]) -> list[str] | None:
    """A run of pieces without Vietnamese letters, with known foreign words joined back, or None where
    three or more pieces in a row are neither foreign words nor dictionary pairs."""
    merged: list[str] = []
    i = 0
    while i < len(run):
        for j in range(len(run), i + 1, -1):  # longest foreign word first
            if strip_marks("".join(run[i:j])) in foreign:
                merged.append("".join(run[i:j]))
                i = j
                break
        else:
            merged.append(run[i])
            i += 1
    known = pairs()
    unpaired = 1  # syllables in the current stretch not joined by a dictionary pair or a foreign word
    for a, b in itertools.pairwise(merged):
        joined = strip_marks(a) in foreign or strip_marks(b) in foreign or (key(a), key(b)) in known
        unpaired = 1 if joined else unpaired + 1
        if unpaired >= 3:
            return None
    return merged


_CASE_SWITCH = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
_CAPS_TAIL = regex.compile(r"(\p{Lu}{2,})(\p{Ll}+)")


def _segment_pieces(segment: str) -> tuple[tuple[str, ...], bool]:
    """A piece of a token between case switches → (its pieces, whether it ends in Vietnamese syllables)."""
    if is_attested(segment):
        return (segment,), True
    pieces = _split_syllables(segment)
    if pieces is not None:
        return pieces, True
    match = _CAPS_TAIL.fullmatch(segment)
    cut = split_caps_tail(match.group(1), match.group(2)) if match else None
    if cut is not None:
        rest = segment[cut:]
        tail = (rest,) if is_attested(rest) else _split_syllables(rest)
        if tail is not None:
            return (segment[:cut], *tail), True
    return (segment,), False


def _split_at_capitals(token: str) -> tuple[str, ...] | None:
    """Split where a lower-case letter meets a capital, if what comes before each such capital is
    Vietnamese syllables (a lone syllable of two letters or more) and a Vietnamese letter stands on one
    side: "iPhone", "eKYC", "MoMo", "VNeID" stay."""
    segments = _CASE_SWITCH.split(token)
    if len(segments) < 2:
        return None
    parts = [_segment_pieces(s) for s in segments]
    for (left, syllabic), (right, _) in itertools.pairwise(parts):
        if not syllabic or len(left[-1]) < 2:
            return None
        if not (_has_vietnamese_letter(left[-1]) or (is_attested(right[0]) and _has_vietnamese_letter(right[0]))):
            return None
    return tuple(p for pieces, _ in parts for p in pieces)


@lru_cache(maxsize=65536)
def split_caps_tail(caps: str, tail: str) -> int | None:
    """Where an abbreviation ends and the syllables glued after it begin ("UBNDxã" → 4, "UBNDTỉnh" → 4,
    "57-NQ/TWcủa": "TW" + "của" → 2), or None. The capitals are never split among themselves: they stay
    one abbreviation, and only a tail with a Vietnamese letter that is all attested syllables comes off.
    Where the last capital could start the tail ("Tỉnh") or end the abbreviation, the tail must read
    one way only."""
    cuts = []
    for cut in (len(caps) - 1, len(caps)):
        head, rest = caps[:cut], caps[cut:] + tail
        if len(head) < 2 or not _has_vietnamese_letter(tail):
            continue
        pieces = segment(rest)
        if pieces and not any(len(p) == 1 for p in pieces):
            cuts.append(cut)
    return cuts[0] if len(cuts) == 1 else None


# ---------------------------------------------------------------------------------------------------
# the patterns, and the repair of one block


_AFTER = r"(?![\p{L}\p{M}\d@_\\&]|\.[\p{L}\d]|:/)"  # what may not follow a letter token


@cache
def patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(letter token, capitals with a lower-case tail, letter-spaced run), compiled once.

    A letter token is a run of letters that touches no digit, "@", "_", "&", backslash, and no dot inside
    an address ("ubnd@x.vn", "dichvucong.gov.vn" are never read); it may touch "/" and "-", whose
    neighbours in a document number ("57-NQ/TW", "KH/ĐU") are capitals that `split_token` leaves alone.
    """
    token = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d@_.\\&])\p{{L}}+{_AFTER}")
    caps_tail = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(\p{{Lu}}{{2,}})(\p{{Ll}}+){_AFTER}")
    spaced = regex.compile(r"(?<![\p{L}\p{M}\d])\p{L}{1,2}(?:(?: {1,2}| *\n *)\p{L}{1,2}){2,}(?![\p{L}\p{M}\d])")
    return token, caps_tail, spaced


_ADDRESS = regex.compile(r"://|@|(?i:www\.)")


def _in_address(text: str, start: int, end: int) -> bool:
    """Is text[start:end] part of a web or e-mail address (the whitespace-delimited chunk around it)?"""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return bool(_ADDRESS.search(text, left, right))


def _join_group(letters: str) -> list[str] | None:
    """The syllables a group of spaced letters spells ("ràsoát" → ["rà", "soát"]), or None."""
    pieces = segment(letters)
    if pieces is None:
        return None
    for p in pieces:
        if len(p) == 1 and (key(p) or "").endswith("0"):
            return None  # a lone untoned letter ("a", "y") is a label or a variable, not a spaced word
    return pieces


_LETTERS = regex.compile(r"\p{L}+")


def _spaced_edits(match: regex.Match) -> list | None:
    """Join the letters of a letter-spaced run and segment them again: one space where a syllable ends.

    The run is made of tokens of one or two letters, at least two of them single letters and one a
    consonant, since extraction also shifts the spaces ("v ớ is ốt i ề n" is "với số tiền"), and it may
    go on over a line break ("v ớ i\\ns ố"). Two spaces between tokens separate two spaced words, read
    apart. Where a syllable ends, the whitespace that stands there is kept as it is (a line break stays a
    line break, for `split_lines` to judge), and where none stands a space is put in, mapped to the
    syllable's last letter; whitespace inside a syllable goes. A group that spells no syllables stays as
    it was.
    """
    run, start = match.group(0), match.start()
    tokens = [(m.start(), m.end()) for m in _LETTERS.finditer(run)]
    singles = [run[a:b] for a, b in tokens if b - a == 1]
    if len(singles) < 2 or all(is_legal(c) for c in singles):
        return None  # "và ra ở": words of one or two letters, nothing spaced out
    groups: list[list[tuple[int, int]]] = [[tokens[0]]]
    for (_, prev_end), token in itertools.pairwise(tokens):
        if run.count(" ", prev_end, token[0]) >= 2 and "\n" not in run[prev_end : token[0]]:
            groups.append([])  # two spaces: the gap between two spaced words
        groups[-1].append(token)
    gap_after = {a_end: b_start for (_, a_end), (b_start, _) in itertools.pairwise(tokens)}
    edits: list = []
    changed = False
    for g_index, group in enumerate(groups):
        letters = [i for a, b in group for i in range(a, b)]
        pieces = _join_group("".join(run[i] for i in letters)) if len(group) > 1 else None
        if pieces is None:
            edits.append((start + group[0][0], start + group[-1][1]))  # as it was
        else:
            changed = True
            ends = set(itertools.accumulate(len(p) for p in pieces[:-1]))
            for n, i in enumerate(letters):
                edits.append((start + i, start + i + 1))
                if n + 1 in ends:
                    if i + 1 in gap_after:
                        edits.append((start + i + 1, start + gap_after[i + 1]))  # the whitespace already there
                    else:
                        edits.append((" ", start + i))
        if g_index + 1 < len(groups):
            end = group[-1][1]
            edits.append((start + end, start + gap_after[end]))
    return edits if changed else None


_WORD_BEFORE = regex.compile(r"(\p{L}+) +$")
_WORD_AFTER = regex.compile(r" +(\p{L}+)")


@lru_cache(maxsize=65536)
def _ambiguous(token: str) -> bool:
    return len(_fewest_splits(token, is_attested)) > 1


def _neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The syllables next to text[start:end] across one run of spaces (split first where glued)."""
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    after = _WORD_AFTER.match(text, end)
    left = before.group(1) if before else None
    right = after.group(1) if after else None
    if left:
        left = (split_token(left) or (left,))[-1]
    if right:
        right = (split_token(right) or (right,))[0]
    return left, right


def _glued_edits(match: regex.Match) -> list | None:
    """Keep the token's letters, with a space after each syllable but the last (mapped to its last letter)."""
    token = match.group(0)
    pieces = split_token(token)
    if pieces is None or _in_address(match.string, match.start(), match.end()):
        return None
    if _ambiguous(token):  # several readings: let the words around the token choose
        pieces = _split_syllables(token, *_neighbours(match.string, match.start(), match.end())) or pieces
    edits: list = []
    at = match.start()
    for n, piece in enumerate(pieces):
        edits.append((at, at + len(piece)))
        at += len(piece)
        if n + 1 < len(pieces):
            edits.append((" ", at - 1))
    return edits


def _caps_tail_edits(match: regex.Match) -> list | None:
    """Keep the abbreviation and its tail, with a space between (mapped to the abbreviation's last letter)."""
    cut = split_caps_tail(match.group(1), match.group(2))
    if cut is None or _in_address(match.string, match.start(), match.end()):
        return None
    at = match.start() + cut
    return [(match.start(), at), (" ", at - 1), (at, match.end())]


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


_changes: dict[str, tuple[tuple[str, ...], bool]] = {}
"""Whitespace-separated token → (its letter tokens that split, whether an abbreviation's tail comes off)."""


def _token_changes(token: str) -> tuple[tuple[str, ...], bool] | None:
    """What `repair` would change in this whitespace-delimited token, or None (remembered in `_clean`)."""
    known = _changes.get(token)
    if known is not None:
        return known
    glued, caps_tail, _ = patterns()
    split: tuple[str, ...] = ()
    tail = False
    if not _ADDRESS.search(token):
        split = tuple(m.group(0) for m in glued.finditer(token) if split_token(m.group(0)))
        tail = any(split_caps_tail(m.group(1), m.group(2)) is not None for m in caps_tail.finditer(token))
    if len(_clean) + len(_changes) > _MAX_CLEAN:
        _clean.clear()
        _changes.clear()
    if not split and not tail:
        _clean.add(token)
        return None
    _changes[token] = (split, tail)
    return split, tail


@lru_cache(maxsize=1024)
def _tokens_pattern(tokens: frozenset[str]) -> regex.Pattern:
    """The letter tokens of a block that split, as one pattern with the letter-token boundaries: the
    block's other few thousand tokens are not visited again."""
    alternatives = "|".join(regex.escape(t) for t in sorted(tokens, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\d@_.\\&])(?:{alternatives}){_AFTER}")


def _changes_in(words: list[str]) -> tuple[set[str], bool]:
    split: set[str] = set()
    tail = False
    for token in set(words).difference(_clean):
        change = _token_changes(token)
        if change is not None:
            split.update(change[0])
            tail = tail or change[1]
    return split, tail


def repair(t: Tracked) -> Tracked:
    """Join letter-spaced words, then split glued syllables, in one cleaned block; offsets kept.

    The block's whitespace tokens are looked at first, with set operations (about 1 ms for 30 KB of
    clean text): the patterns run over the block only where a lone consonant letter stands or a token
    not yet known to be clean changes, and then only over the tokens that change. An abbreviation's
    tail comes off first ("UBNDxãlà" → "UBND xãlà"), so that the tail's own syllables are split next
    ("xã là").
    """
    _, caps_tail, spaced = patterns()
    words = t.text.split()
    if not _spaced_letters().isdisjoint(words):
        t = t.sub(spaced, _spaced_edits)
        words = t.text.split()
    if _clean.issuperset(words):  # walks the list at C speed: no set is built for a clean block
        return t
    split, tail = _changes_in(words)
    if tail:
        t = t.sub(caps_tail, _caps_tail_edits)
        split, _ = _changes_in(t.text.split())
    if split:
        t = t.sub(_tokens_pattern(frozenset(split)), _glued_edits)
    return t
