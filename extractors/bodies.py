"""Responsible bodies: every organization the plan gives a role (lead, support, oversight, report_to).

Two steps, each driven by data files under `extractors/lexicon/`:
1. *Mentions*: the written forms of `bodies.json` (longest first, matched on the folded text) and the
   patterns of `body_patterns.json` for capitalised names the lexicon does not list ("Hội Người cao
   tuổi xã"). A name followed by a level above the commune keeps it as written ("Ban Thường vụ Tỉnh ủy",
   "Sở Y tế tỉnh Lai Châu", "UBND các huyện, thị xã, thành phố"); a form preceded by a word that makes it
   a person or a description ("thành viên Ban Chỉ đạo", "cơ quan thường trực BCĐ") is not a body at all.
2. *Roles*, one per mention (gold-guidelines: one record per mention):
   - a table cell takes its column's role (chủ trì → lead, phối hợp → support, the criteria
     table's "Cơ quan tổng hợp" → lead, as the annotators decided); a content cell is read as text;
   - a heading (or a dash sub-heading made only of names) inside "Tổ chức thực hiện" → lead;
   - in running text the words before the body, or before the list of bodies it belongs to, give
     the role (`role_cues.json`: "phối hợp với" → support, "báo cáo", "gửi về", "đề xuất với",
     "chịu trách nhiệm trước" → report_to, "kiểm tra, giám sát của" → oversight, "tham mưu",
     "chỉ đạo", "giao" → lead); a body that opens its clause and does work is lead, or oversight
     where its work is kiểm tra/giám sát;
   - a mention with no cue is only described ("chất lượng … của Trung tâm …") and gives no record.
Issuers of citations (inside citation quotes), the head, the signature and the Nơi nhận list are
skipped.

NLP (`nlp=True` only): where a role cue stands before a capitalised word that no form or pattern
names ("phối hợp với Bưu điện văn hóa xã"), underthesea's part-of-speech tags delimit the name (the
run of nouns, closed by a level word). The figures that justify it are with `_with_nlp` below.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extractors.evidence import evidence
from extractors.executors import find_executors, organisation
from extractors.grammar import AND_WORD, addressee_opener, alternation, and_for_ampersand
from extractors.levels import HIGHER, own_level
from extractors.names import spell_out
from extractors.nlp import pos_tag
from extractors.registry import load_registry
from extractors.spans import Enclosing
from pipeline.document import Block, Document
from pipeline.lexicon import (
    BodiesLexicon,
    BodyPatternsLexicon,
    BodyWordsLexicon,
    ColumnRolesLexicon,
    LevelsLexicon,
    RoleCuesLexicon,
    spaced,
)
from pipeline.models import Body, Citation
from pipeline.normalize import fold_text, new_style_tones
from pipeline.syllables import forms_word

_WORD_EDGE_BEFORE = r"(?<![\p{L}\p{M}\d])"
_WORD_EDGE_AFTER = r"(?![\p{L}\p{M}\d])"
# head lines the structure could not place (the head zone runs to the first heading it reads) are read as
# text after the head's recognised parts: a report's opening paragraphs, a directive's first item
_SKIPPED_BLOCKS = {"basis", "signature", "recipients"}
_LOWER = regex.compile(r"\p{Ll}")
_COLUMN_ROLES = {"lead": "lead", "support": "support", "collector": "lead"}
_TEXT_COLUMNS = {"content"}
_CLAUSE_END = regex.compile(r"[.;:!?\n]")


@dataclass(frozen=True)
class Mention:
    """A body written in the text: `text[start:end]`, with its canonical name."""

    start: int
    end: int
    name: str


# ---------------------------------------------------------------------------------------------
# Lexicons, loaded once.


_LEVELS = LevelsLexicon.load()
_WORDS = BodyWordsLexicon.load()
_COMMUNE = "|".join(regex.escape(w) for w in _LEVELS.commune_written)  # xã|phường|thị trấn
# "(Giao …" closing an item: the parenthesis assigns it
_ASSIGNING_PARENTHESIS = regex.compile(rf"\(\s*{spaced(_WORDS.assigning_word)}\s*$")
_CANONICAL = _LEVELS.canonical_commune  # the level word canonical names end with ("… xã")
_LEVEL_TAIL = rf"(?:[^\S\n]+(?:{_COMMUNE}))"
_DASH = regex.compile(r"\s*[-–—]\s*")
_AND = AND_WORD  # which a name may write "&" ("Văn phòng HĐND&UBND xã")
_LEVEL_END = regex.compile(rf" (?:{_COMMUNE})$")
_LEVEL_WORD_END = regex.compile(rf"(?:{_COMMUNE})$")
_COMMA_ONLY = regex.compile(r"\s*,\s*")
_CAPITAL_NEXT = regex.compile(r"\s*\p{Lu}")
_LEFT_WINDOW = 240
_UNIT_HEAD_WINDOW = 16  # "Văn phòng " and its spacing, read just before a lexicon match


def _form_key(written: str) -> str:
    """The lookup key of a written form: folded, one space, one dash spelling."""
    return " ".join(_DASH.sub(" - ", and_for_ampersand(fold_text(written))).split())


@dataclass
class _Node:
    children: dict[str, _Node]
    end: bool = False
    level: bool = False


def _trie_pattern(node: _Node, previous: str | None) -> str:
    """The regex of a trie of word sequences: shared beginnings written once, so the engine
    branches on the next word instead of trying every form at every position (a flat alternation
    of a hundred forms costs ~8 ms per plan; this ~1 ms)."""
    branches = []
    for word in sorted(node.children, key=len, reverse=True):
        # words of one name never stand on two lines: a line break ends a block (a cell, a paragraph)
        sep = "" if previous is None or word in ("-", _AND) or previous in ("-", _AND) else r"[^\S\n]+"
        if word == "-":
            token = r"[^\S\n]*[-–—][^\S\n]*"
        elif word == _AND and previous is not None:
            token = rf"(?:[^\S\n]+{regex.escape(word)}[^\S\n]+|[^\S\n]*&[^\S\n]*)"
        else:
            token = regex.escape(word)
        branches.append(sep + token + _trie_pattern(node.children[word], word))
    if node.level:
        branches.append(_LEVEL_TAIL)
    if not branches:
        return ""
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if node.end else group


@cache
def _lexicon() -> tuple[regex.Pattern, dict[str, str]]:
    """Every written form (and canonical name) of bodies.json as one trie-shaped regex, matched on
    the folded text; a closing level word ("UBND xã") may be any level or absent ("UBND phường",
    "UBND"). Returns the pattern and the form key → canonical name table."""
    names: dict[str, str] = {}
    root = _Node({})
    for entry in BodiesLexicon.load().bodies:
        for form in [entry.name, *entry.forms]:
            key = _form_key(form)
            level = key.endswith(f" {_CANONICAL}")
            if level:
                key = key[: -len(_CANONICAL) - 1]
            names.setdefault(key, entry.name)
            node = root
            for word in key.split(" "):
                node = node.children.setdefault(word, _Node({}))
            node.end = True
            node.level = node.level or level
    # \b rather than the letter lookarounds used elsewhere: same edges on NFC text, half the cost
    return regex.compile(r"\b" + _trie_pattern(root, None) + r"\b"), names


@lru_cache(maxsize=4096)
def _lexicon_name(folded: str) -> str | None:
    """The canonical name of a folded lexicon match (remembered: a plan writes the same few forms over and over,
    and the key costs a fold and three rewrites each time)."""
    names = _lexicon()[1]
    key = _form_key(folded)
    if key in names:
        return names[key]
    return names.get(_LEVEL_END.sub("", key))


def _form_pattern(form: str) -> str:
    """A folded written form as a regex: spaces stretch, a dash may be -, – or — with any spacing."""
    parts = []
    for token in regex.split(r"(\s+|\s*[-–—]\s*)", fold_text(form)):
        if not token:
            continue
        if token.isspace():
            parts.append(r"\s+")
        elif token.strip() in {"-", "–", "—"}:
            parts.append(r"\s*[-–—]\s*")
        else:
            parts.append(regex.escape(token))
    return "".join(parts)


@cache
def _patterns() -> dict:
    data = BodyPatternsLexicon.load()
    return {
        "unseen": [regex.compile(p) for p in data.patterns],
        "abbreviations": data.abbreviations,
        "capitalised": {fold_text(f) for f in data.capitalised_only},
        "unit_head": regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alternation(data.unit_heads)})[^\S\n]+$"),
        "shared_head": [
            (regex.compile(_WORD_EDGE_BEFORE + _form_pattern(h.form) + f"(?={h.before})"), h.name)
            for h in data.shared_head
        ],
        "higher_level": regex.compile(data.higher_level),
        "communes_level": regex.compile(data.communes_level),
        "relative_level": regex.compile(data.relative_level),
        "level_words": regex.compile(data.level_words),
        "level_list": regex.compile(data.level_list),
        "departments": regex.compile(data.departments_collective),
        "departments_dropped": frozenset(data.departments_dropped),
        "departments_head": data.departments_name_head,
        "kinds": regex.compile(data.collective_kinds),
        "kinds_not": frozenset(data.collective_not),
        "kinds_closers": regex.compile(data.collective_closers),
        "under": regex.compile(data.collective_under),
        "not_after": regex.compile(data.not_after),
        "not_bodies": regex.compile(data.not_bodies),
        "generic": regex.compile(
            _WORD_EDGE_BEFORE + "(?:" + "|".join(_form_pattern(g) for g in data.generic) + ")" + _WORD_EDGE_AFTER
        ),
    }


def _any_of(patterns: list[str]) -> regex.Pattern:
    """One pattern that matches wherever any of `patterns` would (each whole in its own group), for a
    caller that only asks whether one of them matches. It searches from the text's end (REVERSE finds a
    match exactly where a forward search does, only which one it reports may differ): the `before` cues
    end at the end of the text, so a backward search fails at once where a forward one scans every
    position. Joined alone it was no faster (45.9 against 46.2 ms over the corpus's 4,340 calls);
    joined and backward 25.6 ms."""
    return regex.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", regex.REVERSE)


@cache
def _cues() -> dict:
    data = RoleCuesLexicon.load()
    return {
        "order": data.order,
        "before": {role: [regex.compile(p) for p in data.before[role]] for role in data.order},
        # each role's cues as one alternation: one search a role instead of one a cue (same matches)
        "before_any": {role: _any_of(data.before[role]) for role in data.order},
        "oversight_work": regex.compile(data.oversight_work),
        "support_work": regex.compile(data.support_work),
        "subject_skip": [regex.compile(p) for p in data.subject_skip],
        "subject_verbs": regex.compile(data.subject_verbs),
        "not_actor_after": regex.compile(data.not_actor_after),
        "clause_openers": regex.compile(data.clause_openers),
        "tensed_after": regex.compile(data.tensed_after),
        "past_after": regex.compile(data.past_after),
        "list_joiners": regex.compile(data.list_joiners),
        "receiver_acts": regex.compile(data.receiver_acts),
        "request_cue": regex.compile(data.request_cue),
        "request_acts": regex.compile(data.request_acts),
        "possessive_item": regex.compile(data.possessive_item),
        "cue_slot": regex.compile(r"(?<![\p{L}\p{M}])" + data.cue_end.removesuffix("[\\s(]*$") + r"[\s(]+"),
    }


# ---------------------------------------------------------------------------------------------
# Mentions.


_PLACE_NAME = regex.compile(r"(?:[^\S\n]+\p{Lu}[\p{L}\p{M}]*)*")
_PLURAL_LEVEL = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alternation(_LEVELS.plural)})(?![\p{{L}}\p{{M}}])")
_UNIT = rf"(?:{alternation(_LEVELS.territories + _LEVELS.commune)})(?![\p{{L}}\p{{M}}])"
_UNITS_AFTER = regex.compile(
    rf"(?:[^\S\n]*,[^\S\n]*{_UNIT})*(?:[^\S\n]+(?:{alternation(list(_LEVELS.units_qualifiers))})(?![\p{{L}}\p{{M}}]))?"
)
_UNIT_WORD = regex.compile(_UNIT)
# a stretch that opens with a unit, plural or not ("các huyện, …"), not with "các cấp" or "các quân khu"
_UNITS_OPEN = regex.compile(rf"\s*(?:(?:{alternation(_LEVELS.plural)})\s+)?{_UNIT}")


def _units_collective(base: str, units: str) -> str:
    """The name of one body word over several units, written "UBND các huyện, thị xã, thành phố" or without
    its "các" ("Ủy ban nhân dân xã, phường, thị trấn"): one collective (gold/README.md), named as a collective,
    "các" and the units in lower case as written, then a closing qualifier in its kept spelling."""
    words = [m.group() for m in _UNIT_WORD.finditer(units)]
    qualifier = next((kept for folded, kept in _LEVELS.units_qualifiers.items() if folded in units), None)
    plural = _LEVELS.plural[0]
    return " ".join((base, plural, ", ".join(words), *([qualifier] if qualifier else [])))


_LEVEL = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])({_COMMUNE})(?![\p{{L}}\p{{M}}])(?!\s+(?:{'|'.join(_LEVELS.not_before)}))"
)


def _plan_level(fold: str) -> str:
    """The plan's own level word: the most frequent of xã / phường / thị trấn ("xã hội" aside)."""
    counts: dict[str, int] = {}
    for match in _LEVEL.finditer(fold):
        counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return max(counts, key=counts.get) if counts else ""


def _at_level(name: str, written: str, plan_level: str) -> str:
    """A canonical commune name ("Ủy ban nhân dân xã") at the level the text gives: the written level
    word ("UBND phường"), else the plan's own level; names without a closing level word stay."""
    if not name.endswith(f" {_CANONICAL}"):
        return name
    written_level = _LEVEL_WORD_END.search(written)
    return (name[: -len(_CANONICAL)] + (written_level.group(0) if written_level else plan_level)).rstrip()


_LAST_WORD = regex.compile(r"(?:^|\s)(\p{Ll}[\p{L}\p{M}]*)$")
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}]+)\s*$")


def _without_unpaired_tail(text: str, s: int, e: int) -> int:
    """Where a pattern's name ends: a trailing lowercase syllable stays only where it makes a dictionary
    word with the syllable before it ("Sở Y tế", "Sở Nông nghiệp và Phát triển nông thôn") or is a level
    word ("… xã"); else it opens what the body does ("Sở Y tế kiểm tra", "Sở Nội vụ rà soát")."""
    while True:
        last = _LAST_WORD.search(text, s, e)
        if last is None or _LEVEL_WORD_END.fullmatch(fold_text(last.group(1))):
            return e
        before = _WORD_BEFORE.search(text, s, last.start(1))
        if before is None or forms_word(before.group(1), last.group(1)):
            return e
        e = text.rfind(last.group(1), s, e)
        while e > s and text[e - 1].isspace():
            e -= 1


_NEXT_SYLLABLE = regex.compile(r"[^\S\n]+([\p{L}\p{M}]+)")
_KIND_QUALIFIER_WORDS = 2  # "giáo dục phổ thông", "giáo dục nghề nghiệp": at most two words qualify the kind


def _qualified_end(fold: str, at: int, end: int, not_kinds: frozenset[str], closers: regex.Pattern) -> int | None:
    """Where a collective of a definite kind ends ("các cơ sở giáo dục phổ thông"): after the dictionary word (two
    syllables) that follows its kind word, and a second one only where the name visibly closes after it (a comma,
    the and-word, "trực thuộc …": `closers`), since a second word is as often the clause's adverb or verb ("các cơ
    quan chuyên môn thường xuyên theo dõi"); None where no word qualifies the kind or the first names no kind ("các
    tổ chức, cá nhân", "các đơn vị liên quan") or opens the clause's work ("các trường tuyên truyền")."""
    words = []
    for _ in range(_KIND_QUALIFIER_WORDS):
        first = _NEXT_SYLLABLE.match(fold, at, end)
        second = _NEXT_SYLLABLE.match(fold, first.end(), end) if first else None
        if second is None or not forms_word(first.group(1), second.group(1)):
            break
        if first.group(1) in not_kinds or f"{first.group(1)} {second.group(1)}" in not_kinds:
            break
        words.append(second.end())
        at = second.end()
    if not words:
        return None
    if len(words) > 1 and closers.match(fold, words[1], end):
        return words[1]
    return words[0]


def _after_level(text: str, fold: str, at: int, level: str, end: int) -> int:
    """Where a name that a level above the commune closes ends: after the other units it lists, with or
    without a plural ("UBND các huyện, thị xã, thành phố", "UBND huyện, thị xã, thành phố"), else after the
    place name ("UBND tỉnh Lai Châu")."""
    units = _UNITS_AFTER.match(fold, at, end)
    if units.end() > at and (_PLURAL_LEVEL.search(level) or "," in fold[at : units.end()]):
        return units.end()
    return _PLACE_NAME.match(text, at, end).end()


def _higher_name(text: str, fold: str, start: int, level_at: int, end: int) -> str:
    """The name of a body above the commune: spelled out as written ("Ủy ban nhân dân tỉnh Lai Châu"), or,
    where it lists several units, as their collective."""
    units = fold[level_at:end]
    if ("," in units or _PLURAL_LEVEL.search(units)) and _UNITS_OPEN.match(units):
        return _units_collective(spell_out(text[start:level_at].rstrip()), units)
    return spell_out(text[start:end])


def find_mentions(
    text: str, fold: str, start: int = 0, end: int | None = None, plan_level: str | None = None
) -> list[Mention]:
    """Body mentions in `text[start:end]` (`fold` is its folded twin), left to right, not overlapping.
    `plan_level` (xã, phường, thị trấn) names bodies written without one; by default the most
    frequent level word of `fold`; `levels.HIGHER` ("") for a plan above the commune, whose bodies
    keep only the level they are written with."""
    end = len(text) if end is None else end
    lexicon = _lexicon()[0]
    pats = _patterns()
    if plan_level is None:
        plan_level = _plan_level(fold) or _CANONICAL
    found: list[Mention] = []
    for match in lexicon.finditer(fold, start, end):
        s, e = match.span()
        name = _lexicon_name(fold[s:e])
        if name is None:
            continue
        after = fold[e : min(end, e + 60)]
        if fold[s:e] in pats["capitalised"] and not text[s].isupper():
            continue  # "công an" in a list of people; "Công an" the body
        if pats["not_after"].search(fold[max(start, s - 40) : s]) or pats["relative_level"].match(after):
            continue
        head = pats["unit_head"].search(fold, max(start, s - _UNIT_HEAD_WINDOW), s)
        head = head if head and text[head.start()].isupper() else None
        above = pats["higher_level"].match(after)
        if above is None and plan_level == HIGHER:
            # a plan above the commune writing "UBND cấp xã": all the communes' committees, named as written
            above = pats["communes_level"].match(after)
        if above:
            # a body above the commune ("UBND tỉnh Lai Châu"): its own name, spelled out, place kept;
            # a plural runs on over the other units it lists ("UBND các huyện, thị xã, thành phố")
            level_at = e
            e = _after_level(text, fold, e + above.end(), above.group(), end)
            if head:  # "Văn phòng UBND tỉnh": the office of that body
                found.append(Mention(head.start(), e, spell_out(text[head.start() : e])))
            else:
                found.append(Mention(s, e, _higher_name(text, fold, s, level_at, e)))
            continue
        level = pats["level_words"].match(after)
        if level:
            e += level.end()
        name = _at_level(name, fold[s:e], plan_level)
        more = pats["level_list"].match(fold[e:end])
        if more and (more.group("all") or _LEVEL_WORD_END.search(name)):
            # "UBND các xã, phường, đặc khu", "UBND xã, phường": one collective, its units as written
            written = _LEVEL_WORD_END.search(fold, s, e)
            units_at = e if more.group("all") or not written else written.start()
            name = _units_collective(_LEVEL_END.sub("", name), fold[units_at : e + more.end()])
            e += more.end()
        if head:  # "Văn phòng UBND xã", "Bộ Công an", "Văn phòng Chính phủ": a unit of that body, or a ministry
            s, name = head.start(), spell_out(text[head.start() : e])
        found.append(Mention(s, e, name))
    for match in pats["departments"].finditer(fold, start, end):  # "các sở, ban, ngành (của tỉnh)"
        kinds_end = match.start("under") if match.start("under") >= 0 else match.end()
        words = [w for w in fold[match.start() : kinds_end].split() if w not in pats["departments_dropped"]]
        if kinds_end < match.end():  # "trực thuộc UBND tỉnh": the body they stand under, spelled out as written
            under = spell_out(text[kinds_end : match.end()])
            words.append(under[:1].lower() + under[1:])
        found.append(Mention(match.start(), match.end(), " ".join((pats["departments_head"], *words))))
    for match in pats["kinds"].finditer(fold, start, end):  # "các cơ sở giáo dục phổ thông", "các viện nghiên cứu"
        e = _qualified_end(fold, match.end(), end, pats["kinds_not"], pats["kinds_closers"])
        if e is not None:
            written = spell_out(text[match.start() : e])
            found.append(Mention(match.start(), e, written[:1].upper() + written[1:]))
    for pattern, name in pats["shared_head"]:
        for match in pattern.finditer(fold, start, end):
            found.append(Mention(match.start(), match.end(), name))
    taken = bytearray(end - start)
    for m in found:
        taken[m.start - start : m.end - start] = b"\x01" * (m.end - m.start)
    for pattern in pats["unseen"]:
        for match in pattern.finditer(text, start, end):
            s, e = match.span()
            if any(taken[s - start : e - start]):
                e = _before_taken(text, s, taken.index(1, s - start) + start)
                if e is None:
                    continue
            if pats["not_after"].search(fold[max(start, s - 40) : s]):
                continue  # a person or a description ("thành viên Ban …")
            e = _without_unpaired_tail(text, s, e)
            above = pats["higher_level"].match(fold[e : min(end, e + 40)])
            level_at = e
            if above:  # "Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố": the level is the name's
                e = _after_level(text, fold, e + above.end(), above.group(), end)
            found.append(Mention(s, e, _higher_name(text, fold, s, level_at, e)))
            taken[s - start : e - start] = b"\x01" * (e - s)
    found.sort(key=lambda m: (m.start, -m.end))
    result: list[Mention] = []
    for m in found:
        if result and m.start < result[-1].end:
            continue
        result.append(m)
    result = _held_collectives(text, fold, start, result)
    covered = bytearray(end - start)
    for g in pats["generic"].finditer(fold, start, end):
        covered[g.start() - start : g.end() - start] = b"\x01" * (g.end() - g.start())
    kept = [m for m in result if not all(covered[m.start - start : m.end - start])]
    return _merge_aliases(kept, fold)


_UNDER_WINDOW = 80  # characters before a body where the collective it holds may start
_ABBREVIATION = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}{3,}(?![\p{L}\p{M}])")


def _held_collectives(text: str, fold: str, start: int, mentions: list[Mention]) -> list[Mention]:
    """A collective of units just before the body that holds them ("các cơ quan thuộc UBTVQH", "Các đơn vị thuộc Bộ
    Quốc phòng", "các tổ chức thành viên của Mặt trận Tổ quốc Việt Nam") is one body with it: the body makes the kind
    definite (gold-guidelines, collectives). Named "Các", the collective's words as written, then the body spelled
    out, or by its canonical name where it is written as an abbreviation ("UBTVQH"). A collective that would run
    into a mention before it is left alone; one it holds whole ("các tổ chức thành viên") is part of it."""
    under = _patterns()["under"]
    out: list[Mention] = []
    for m in mentions:
        found = under.search(fold, max(start, m.start - _UNDER_WINDOW), m.start)
        if found is not None and out and out[-1].end > found.start():
            if out[-1].start < found.start():
                found = None
            else:
                out.pop()
        if found is None:
            out.append(m)
            continue
        written = text[m.start : m.end]
        body = m.name if _ABBREVIATION.search(written) else spell_out(written)
        words = " ".join(text[found.start() : found.end()].split())
        words = regex.sub(rf"^(?:{_LEVELS.plural[0]})\s+", "", words, flags=regex.IGNORECASE)
        name = " ".join((_patterns()["departments_head"], words[:1].lower() + words[1:], body))
        out.append(Mention(found.start(), m.end, name))
    return out


_JOINED_TAIL = regex.compile(rf"(?:[^\S\n]*[,;]|[^\S\n]+(?:{alternation(_WORDS.cell_joiners)}))[^\S\n]*$")
_MIN_NAME_WORDS = 2  # a head word and one word of its own ("Sở Y tế" has three, "Sở Tư pháp" three)


def _before_taken(text: str, s: int, at: int) -> int | None:
    """Where a name the patterns read on into a body already found ends: before the joiner that links them ("Sở Lao
    động - Thương binh và Xã hội và Ủy ban nhân dân các quận": the department ends before "và Ủy ban …"), or None
    where no joiner stands before that body ("Bộ Chỉ huy quân sự tỉnh" holds the lexicon's "quân sự tỉnh": one name,
    left to the other steps) or what stands before it is no name of its own (the head word alone)."""
    joined = _JOINED_TAIL.search(text, s, at)
    if joined is None:
        return None
    e = joined.start()
    return e if len(text[s:e].split()) > _MIN_NAME_WORDS else None


def _merge_aliases(mentions: list[Mention], fold: str) -> list[Mention]:
    """Two forms of one collective side by side ("các chi bộ cơ sở, chi bộ trực thuộc") are one
    mention: they name the same body twice, not two bodies (the reconciled gold's decision)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and prev.name == m.name and _COMMA_ONLY.fullmatch(fold, prev.end, m.start):
            out[-1] = Mention(prev.start, m.end, m.name)
        else:
            out.append(m)
    return out


def canonical_body(written: str) -> str | None:
    """The canonical name of one written body ("UBND xã" → "Ủy ban nhân dân xã"), None if it names none."""
    text = " ".join(written.split())
    mentions = find_mentions(text, fold_text(text))
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end >= len(text.rstrip(" .,;")) - 3:
        return mentions[0].name
    return None


def split_bodies(cell_text: str) -> list[tuple[int, int, str]]:
    """Each body of a list ("MTTQ và các tổ chức CT-XH, chi bộ/thôn"): (start, end, canonical name)."""
    return [(m.start, m.end, m.name) for m in find_mentions(cell_text, fold_text(cell_text))]


# ---------------------------------------------------------------------------------------------
# Roles.


def _groups(mentions: list[Mention], fold: str) -> list[list[Mention]]:
    """Mentions joined only by list words (",", "và", "cùng", "/") share the cue before the list."""
    joiners = _cues()["list_joiners"]
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups and joiners.match(fold[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _clause_start(fold: str, region_start: int, at: int) -> int:
    cut = region_start
    for match in _CLAUSE_END.finditer(fold, region_start, at):
        cut = match.end()
    return cut


def _clause_end(fold: str, at: int, region_end: int) -> int:
    match = _CLAUSE_END.search(fold, at, region_end)
    return match.start() if match else region_end


def _role_before(left: str) -> str | None:
    cues = _cues()
    for role in cues["order"]:
        if cues["before_any"][role].search(left):
            return role
    return None


_LONG_RANGE_CUE = 24  # characters: a cue match longer than a phrase spans words ("gửi … về", "phản ánh … với")


def _governing_role(left: str) -> str | None:
    """The role the words just before a body give (`_role_before`, by the lexicon's order); but a long-range cue
    ("gửi Sở Tài chính, để tham mưu cho UBND tỉnh …" read as "gửi … cho") yields to a cue of another role that
    starts inside it, nearer the body: those are the words that govern it."""
    role = _role_before(left)
    if role is None:
        return None
    cues = _cues()
    start = min(m.start() for p in cues["before"][role] if (m := p.search(left)))
    if len(left) - start <= _LONG_RANGE_CUE:
        return role
    nearer = [
        (max(m.start() for p in cues["before"][other] if (m := p.search(left))), other)
        for other in cues["order"]
        if other != role and cues["before_any"][other].search(left)
    ]
    nearer = [(at, other) for at, other in nearer if at > start]
    return max(nearer, key=lambda n: n[0])[1] if nearer else role


# "Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các xã": the head stands for the body (gold), so a cue
# before the title ("yêu cầu Thủ trưởng …", "báo cáo Chủ tịch UBND tỉnh") gives the body its role
_HEAD_TITLE_END = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])(?:{alternation(RoleCuesLexicon.load().standing_titles)})[^\S\n]+$"
)
_STANDING_TITLE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])(?:{alternation(RoleCuesLexicon.load().standing_titles)})(?![\p{{L}}\p{{M}}])"
)
_GENERIC_WORDS = regex.compile("(?:" + "|".join(_WORDS.generic_heads) + ")")
_LAST_ITEM = [regex.compile(r"((?:[\p{L}\p{M}]+\s+){" + str(n) + r"}[\p{L}\p{M}]+)\s*,\s*$") for n in range(5)]
_TRAILING_ITEM = regex.compile(r"(?:^|[\s,])((?:[\p{L}\p{M}]+\s+){0,4}[\p{L}\p{M}]+)\s*,\s*$")


def _role_from_cue(left: str) -> str | None:
    """The role the words before a list give. Up to three short list items that are not bodies may
    stand between the cue and the body ("Chỉ đạo các công chức chuyên môn, các thôn …"); a generic
    item ("các cơ quan, đơn vị, thôn") may not, since such a list names no one body; nor may a phrase that hangs
    on the noun before it ("chỉ đạo của Thành ủy, Hội đồng nhân dân"): the body after it is another owner of the
    noun, not a second item the cue governs."""
    possessive = _cues()["possessive_item"]
    for _ in range(4):
        role = _governing_role(left)
        if role:
            return role
        if not left.rstrip().endswith(","):
            # every item pattern below ends in "," and white space: without one, none matches, so spare their
            # scans of the whole left text (`\s` is a subset of `str.isspace`, tests/test_fast_paths.py)
            return None
        for words in range(1, len(_LAST_ITEM) + 1):
            item = _LAST_ITEM[words - 1].search(left)
            if item is None or _GENERIC_WORDS.search(item.group(1)):
                break
            if possessive.match(item.group(1)):
                return None
            role = _governing_role(left[: item.start(1)])
            if role:
                return role
        item = _TRAILING_ITEM.search(left)
        if item is None or _GENERIC_WORDS.search(item.group(1)) or possessive.match(item.group(1)):
            return None
        left = left[: item.start(1)]
    return None


def _subject_role(right: str, right_text: str) -> str | None:
    """The role of a body that opens its clause, from the work that follows it."""
    cues = _cues()
    if not right.strip() or cues["not_actor_after"].match(right):
        return None
    if _CAPITAL_NEXT.match(right_text):
        return None  # a capital after the name starts another line: debris, not this body's work
    if cues["support_work"].match(right):
        return "support"  # "Y phối hợp thực hiện", "Y có trách nhiệm phối hợp"
    work = right
    for skip in cues["subject_skip"]:
        work = skip.sub("", work, count=1)
    if cues["oversight_work"].match(work):
        return "oversight"
    if cues["subject_verbs"].match(right):
        return "lead"
    return None


@cache
def _type_word() -> regex.Pattern:
    """The type word that opens the structure's type line ("KẾ HOẠCH", "NGHỊ QUYẾT"), as the metadata reads it."""
    return regex.compile(rf"[ \t*_|]*({load_registry().type_pattern})")


def _is_plan(document: Document) -> bool:
    """Does the document set out work to come (a plan, programme, resolution, directive, decision: `plan_kinds`),
    by the kind its type line names? A document with no type line is not taken for one."""
    span = document.header.doc_type_line
    found = _type_word().match(document.fold, span.start, span.end) if span is not None else None
    return found is not None and load_registry().doc_type_of_name(found.group(1)) in _WORDS.plan_kinds


def _text_roles(document: Document, mentions: list[Mention], region: tuple[int, int]) -> list[tuple[Mention, str]]:
    """Roles of the mentions in one block of running text (or one content cell)."""
    fold = document.fold
    cues = _cues()
    out: list[tuple[Mention, str]] = []
    plan = _is_plan(document)
    cued: tuple[int, str] | None = None  # where the last group a support or report cue governs ends, and its role
    for group in _subject_lists(_groups(mentions, fold), fold, region[0]):
        first, last = group[0], group[-1]
        if plan and cues["past_after"].match(fold[last.end : region[1]]):
            continue  # "UBND tỉnh đã ban hành …": the plan's review of past results names no actor (gold/README.md)
        if cued and _LIST_SEMICOLON.fullmatch(fold, cued[0], first.start):
            # "phối hợp chặt chẽ với các phòng, ban, ngành; UBND các xã, thị trấn; …": the cue's list goes on past
            # its semicolons, and each item takes the cue's role
            out.extend((m, cued[1]) for m in group)
            cued = (last.end, cued[1])
            continue
        cued = None
        clause = max(_clause_start(fold, region[0], first.start), first.start - _LEFT_WINDOW)
        left = _HEAD_TITLE_END.sub("", fold[clause : first.start])
        if left.rstrip().endswith("("):
            left_role = _role_before(left)
            if left_role is None:
                continue  # a parenthesis describes ("(cơ quan Thường trực Ban Chỉ đạo)")
        role = _role_from_cue(left)
        if role is None and _opens_clause(cues, left, fold[last.end : region[1]]):
            stop = _clause_end(fold, last.end, region[1])
            role = _subject_role(fold[last.end : stop], document.text[last.end : stop])
            right = fold[last.end : stop]
            if role == "lead" and (
                cues["oversight_work"].match(right) or _listed_then_checks(right, document.text[last.end : stop])
            ):
                role = "oversight"
        elif role == "lead":
            # advised or told to check others ("tham mưu X kiểm tra", "giao X giám sát"): oversight;
            # told to coordinate ("đề nghị X phối hợp …"): support
            right = fold[last.end : _clause_end(fold, last.end, region[1])]
            work = right
            for skip in cues["subject_skip"]:  # "giao X chủ trì, phối hợp với Y … theo dõi, kiểm tra"
                work = skip.sub("", work, count=1)
            if cues["oversight_work"].match(work) or _assigns_a_check(fold, region[0], left):
                role = "oversight"
            elif cues["support_work"].match(right):
                role = "support"
            elif cues["request_cue"].search(left) and cues["request_acts"].match(right):
                role = "report_to"  # "đề nghị UBND huyện xem xét …": asked to consider or help, it receives the request
        elif role == "support":
            right = fold[last.end : _clause_end(fold, last.end, region[1])]
            role = "oversight" if _joined_for_a_check(cues, left, right) else role
        elif role == "report_to" and cues["receiver_acts"].match(fold[last.end : region[1]]):
            role = "lead"  # "chuyển X thực hiện", "trình X ban hành …": the body named does the work that follows
        if role in _LISTING_ROLES and role == _role_from_cue(left):
            cued = (last.end, role)
        if role:
            out.extend((m, role) for m in group)
    return out


_WORD_START = regex.compile(r"(?<![\p{L}\p{M}])\p{L}")
_ITEM_SEPARATOR = regex.compile(rf"\s*,\s*|\s+{regex.escape(AND_WORD)}\s+")
_LIST_ITEM_WORDS = 8  # "đại biểu Hội đồng nhân dân tỉnh", "các Ban HĐND tỉnh": a name, not a clause
_LIST_REACH = 160  # characters from the last body found to the shared work


def _listed_then_checks(right: str, right_text: str) -> bool:
    """ "Thường trực HĐND tỉnh, các Ban HĐND tỉnh, đại biểu HĐND tỉnh kiểm tra, giám sát …": the subjects' list runs
    on past the last body found, through items the lexicon does not name (capitalised names, the deputies), to the
    work they share; where that work is a check the bodies are `oversight`, as when it follows them at once."""
    work = _cues()["oversight_work"]
    for start in _WORD_START.finditer(right, 0, min(len(right), _LIST_REACH)):
        at = start.start()
        if not work.match(right[at:]):  # the pattern is anchored with "^": match on the rest
            continue
        stretch = right[:at].rstrip()
        cuts = list(_ITEM_SEPARATOR.finditer(stretch))
        if not cuts or cuts[0].start() != 0:
            return False  # the list must go on from the last body with a comma or the and-word
        ends = [c.start() for c in cuts[1:]] + [len(stretch)]
        for cut, end in zip(cuts, ends, strict=True):
            item = right_text[cut.end() : end]  # the fold keeps the text's offsets: read the case there
            if not item.strip() or len(item.split()) > _LIST_ITEM_WORDS or not any(ch.isupper() for ch in item):
                return False
        return True
    return False


def _joined_for_a_check(cues: dict, left: str, right: str) -> bool:
    """ "c) Phối hợp với Sở Y tế kiểm tra, giám sát …": a clause that opens with its support cue and whose work is
    a check makes the body joined the checker, `oversight` (gold/README.md: "phối hợp với X kiểm tra, giám sát"
    makes X oversight). Where a subject stands before the cue ("Ủy ban Kiểm tra phối hợp với X tổ chức kiểm tra
    …") the subject checks and X supports it."""
    cue = cues["before_any"]["support"].search(left)
    return bool(cue and cues["clause_openers"].match(left[: cue.start()]) and cues["oversight_work"].match(right))


_SEMICOLON_ONLY = regex.compile(r"[^\S\n]*;[^\S\n]*")
_LIST_SEMICOLON = regex.compile(rf"[^\S\n]*;[^\S\n]*(?:(?:{alternation(_LEVELS.plural)})[^\S\n]+)?")
_LISTING_ROLES = {"support", "report_to"}  # cues whose list of bodies may run on past semicolons


def _subject_lists(groups: list[list[Mention]], fold: str, region_start: int) -> list[list[Mention]]:
    """Subjects listed with semicolons before the work they share ("1. Các sở, ban, ngành trực thuộc UBND tỉnh;
    UBND các huyện, thành phố tiếp tục tổ chức …", "Thủ trưởng các sở; Chủ tịch UBND các huyện có trách nhiệm
    …") are one list: a group that opens its clause with no cue before it joins the group after the ";"."""
    cues = _cues()
    out: list[list[Mention]] = []
    for group in groups:
        prev = out[-1] if out else None
        if prev and _SEMICOLON_ONLY.fullmatch(_HEAD_TITLE_END.sub("", fold[prev[-1].end : group[0].start])):
            clause = max(_clause_start(fold, region_start, prev[0].start), prev[0].start - _LEFT_WINDOW)
            left = _HEAD_TITLE_END.sub("", fold[clause : prev[0].start])
            if _role_from_cue(left) is None and cues["clause_openers"].match(left):
                out[-1] = prev + group
                continue
        out.append(group)
    return out


def _opens_clause(cues: dict, left: str, right: str) -> bool:
    """The bodies open their clause: only an opening stands before them ("Đồng thời, …", "Trong
    tháng 02, …"), or a leading phrase closed by a comma where a tense word and a verb follow them
    ("Trong năm 2025, bám sát sự chỉ đạo của cấp trên, Đảng ủy xã đã lãnh đạo …")."""
    if cues["clause_openers"].match(left):
        return True
    return left.rstrip().endswith(",") and bool(cues["tensed_after"].match(right))


def _assigns_a_check(fold: str, start: int, left: str) -> bool:
    """A parenthesis that assigns the item it closes ("2. Kiểm tra việc … (Giao Ủy ban Kiểm tra Đảng ủy chủ
    trì, tham mưu trong quý III/2026)"): the work is the item's opening words, so a body given an
    inspection or supervision is `oversight` of it (gold: the role follows the work assigned)."""
    return bool(_ASSIGNING_PARENTHESIS.search(left)) and bool(_cues()["oversight_work"].match(fold[start : start + 80]))


_ADDRESSEE_ITEM = regex.compile(_WORDS.addressee_item)


def _addressee_blocks(document: Document) -> set[int]:
    """Starts of the blocks that list a letter's addressees: the "Kính gửi:" line and the dash items right
    under it. gold/README.md reads them like "Nơi nhận": the bodies there are told, not given a role."""
    starts: set[int] = set()
    listing = False
    for block in document.blocks:
        if addressee_opener().match(document.fold, block.start, block.end):
            starts.add(block.start)
            listing = True
        elif listing and (block.role == "list_item" or _ADDRESSEE_ITEM.match(document.text[block.start : block.end])):
            # the item's own text: the pattern's "^" does not match at a `pos` inside the text, so a dash item
            # left in the head ("Kính gửi:" then "- Uỷ ban nhân dân xã,") was never read as an addressee
            starts.add(block.start)
        else:
            listing = False
    return starts


def _tcth_ranges(document: Document) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in document.sections if _WORDS.work_section in fold_text(s.title)]


def _is_name_line(document: Document, block: Block, mentions: list[Mention]) -> bool:
    """A dash sub-heading made only of body names ("- Văn phòng Đảng ủy"), their heads' titles allowed ("1. Thủ
    trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường": the head stands for the body)."""
    rest = document.fold[block.start : block.end]
    for m in reversed(mentions):
        rest = rest[: m.start - block.start] + rest[m.end - block.start :]
    rest = _STANDING_TITLE.sub("", rest)
    return bool(mentions) and not regex.sub(_WORDS.name_line_filler + "|;", "", rest)


def plan_mentions(document: Document, citations: list[Citation]) -> list[Mention]:
    """The lexicon's body mentions outside citation quotes, named at the plan's level (shared with the
    learned model, `extractors.body_model`, which reads them as its gazetteer)."""
    skip = Enclosing(tuple(c.span) for c in citations if c.span)
    first_section = min((s.start for s in document.sections), default=0)
    level = own_level(document)
    if level is None:  # the head states no level: the level words of the head, else of the text
        level = _plan_level(document.fold[:first_section]) or None
    mentions = find_mentions(document.text, document.fold, plan_level=level)
    return [m for m in mentions if not skip.holds(m.start, m.end)]


_SUBJECT_OPENER = regex.compile(rf"[^\S\n]*,?[^\S\n]*(?:{alternation(_WORDS.subject_openers)})(?![\p{{L}}\p{{M}}])")
_INTRODUCED = regex.compile(
    rf"[\s\-+•–*]*(?:\d+\.|[a-zđ]\))?\s*(?:{alternation(_WORDS.introducing_openers)})(?![\p{{L}}\p{{M}}])"
)
_SUBJECT_END = regex.compile(r"[.;:!?\n(]")


def _cited_subjects(document: Document, citations: list[Citation], titles: list[tuple[int, int]]) -> Enclosing:
    """The subjects of cited documents: from "về" right after a citation (its number, date and issuer) to the
    end of that clause. They are the cited document's title ("… của Ban Thường vụ Tỉnh ủy về tăng cường sự
    lãnh đạo của các cấp ủy đảng …"): a body named there is not one this plan gives a role (gold-guidelines:
    issuers and bodies only described are not annotated). A parenthesis ends the subject ("… (Giao Ban Xây
    dựng Đảng chủ trì)"), and so does the first comma of a clause that a citation introduces ("Thực hiện
    Kết luận số … về …, Ban Thường vụ Đảng ủy yêu cầu …"): what follows is the clause's own actor."""
    fold = document.fold
    spans = []
    for citation in citations:
        if not citation.span:
            continue
        opener = _SUBJECT_OPENER.match(fold, citation.span[1])
        if opener is None:
            continue
        end = _SUBJECT_END.search(fold, opener.end())
        end_at = end.start() if end else len(fold)
        clause = _clause_start(fold, max(0, citation.span[0] - _LEFT_WINDOW), citation.span[0])
        if _INTRODUCED.match(fold, clause, citation.span[0]):
            comma = fold.find(",", opener.end(), end_at)
            end_at = comma if comma >= 0 else end_at
        spans.append((opener.start(), end_at))
    return Enclosing(tuple(spans + titles))


_TITLE_LINE = regex.compile(
    rf"[\s\-+•–*]*(?:\d+(?:\.\d+)*\.|[a-zđ]\))?\s*(?P<kind>{alternation(_WORDS.title_kinds)})[^\S\n]+"
    rf"(?!(?:{alternation(_WORDS.not_title_after)})(?![\p{{L}}\p{{M}}]))"
)
_TITLE_END = regex.compile(r"[.;:!?\n(](?!\d)")
_TITLE_BLOCKS = {"list_item", "paragraph", "cell"}


def _document_titles(document: Document) -> list[tuple[int, int]]:
    """Lines and cells that name a document by its kind and title ("- Nghị quyết nâng cao chất lượng giám sát,
    phản biện xã hội của Mặt trận Tổ quốc …", a list of documents to issue): up to a parenthesis or the end of the
    sentence the words are the title, and a body named there is described, not given work. The kind must start
    the line, capitalised, and a lower-case word follow it, so "Kế hoạch này …" and "Kế hoạch số …" are not titles."""
    text, spans = document.text, []
    for block in document.blocks:
        if block.role not in _TITLE_BLOCKS:
            continue
        opening = _TITLE_LINE.match(document.fold, block.start, block.end)
        if opening is None or opening.end() >= block.end:
            continue
        if not text[opening.start("kind")].isupper() or not text[opening.end()].islower():
            continue
        end = _TITLE_END.search(text, opening.end(), block.end)
        spans.append((block.start, end.start() if end else block.end))
    return spans


def _head_end(document: Document) -> int:
    """Where the head ends: after its last part (type line, title, "Căn cứ" lines, the sentence that issues
    the plan). The articles of a decision and the opening paragraphs of a report stand after it, before any
    numbered section, and give bodies their roles as any section does ("Điều 3. Chánh Văn phòng …")."""
    header = document.header
    parts = [header.number_line, header.place_date, header.doc_type_line, header.title, header.issuing_sentence]
    return max((span.end for span in [*parts, *header.basis] if span is not None), default=0)


def extract_bodies(document: Document, citations: list[Citation], nlp: bool = True) -> list[Body]:
    """Every body the plan gives a role, one record per mention, in document order."""
    tcth = Enclosing(_tcth_ranges(document))
    addressees = _addressee_blocks(document)
    titles = {section.path: section.title for section in document.sections}
    head_end = _head_end(document)
    found: list[tuple[Mention, str]] = []
    everywhere = plan_mentions(document, citations)
    starts = [m.start for m in everywhere]
    body_cells = {cell.start for table in document.tables for row in table.rows for cell in row}
    for block in document.blocks:
        if block.role in _SKIPPED_BLOCKS or block.end <= head_end or block.start in addressees:
            continue
        if block.role == "header" and not _LOWER.search(document.text, block.start, block.end):
            continue  # a line in capitals left in the head zone is its title or a heading of the head
        first = bisect_left(starts, block.start)
        last = bisect_left(starts, block.end, lo=first)
        mentions = [m for m in everywhere[first:last] if m.end <= block.end]
        column = document.column_role(block) if block.role == "cell" else None
        if column in _COLUMN_ROLES and block.start in body_cells:
            mentions = _cell_rest(document, block.start, block.end, mentions)
        elif nlp and block.role != "cell":
            mentions = _with_nlp(document, block, mentions)
        if block.role == "cell":
            if column in _COLUMN_ROLES:
                found.extend(_cell_roles(document, block, mentions, _COLUMN_ROLES[column]))
            elif column in _TEXT_COLUMNS and (table := document.table(block.table)) and table.is_assignment():
                found.extend(_text_roles(document, mentions, (block.start, block.end)))
            continue
        # the closing article names its bodies by their heads, often with none the lexicon lists
        executors = find_executors(document, block.start, block.end, _is_generic)
        if not mentions and not executors and not _may_hold_unseen_names(document, block, titles):
            continue
        if executors:
            # the closing article of a decision: the bodies it names replace the mentions found there
            inside = [m for m in mentions if not any(x.start <= m.start < x.end for x in executors)]
            found.extend(_text_roles(document, inside, (block.start, block.end)))
            # a body the lexicon's own reading spans whole keeps that reading's name: "Chủ tịch UBND huyện, thị
            # xã, thành phố" heads one collective, named with "các" as the same words anywhere else
            same = {(m.start, m.end): m.name for m in mentions}
            found.extend((Mention(x.start, x.end, same.get((x.start, x.end), x.name)), "lead") for x in executors)
            continue
        labels = _inline_labels(document, block, titles)
        if labels:  # "Cơ quan chủ trì: Bộ Tư pháp; Bộ Tài chính.": the names after the label take its role
            before = [m for m in mentions if m.end <= labels[0][0]]
            found.extend(_text_roles(document, before, (block.start, labels[0][0])))
            for start, end, role in labels:
                found.extend(_labelled_names(document, start, end, mentions, role))
            continue
        addressed = _addressed_item(document, block, mentions)
        if addressed:  # "4. Sở Tư pháp: Phối hợp với …": the item is the named bodies' duty
            found.extend((m, "lead") for m in addressed)
            found.extend(_text_roles(document, mentions[len(addressed) :], (addressed[-1].end, block.end)))
            continue
        labelled = _labelled_role(document, block, titles)
        if labelled and (block.role == "list_item" or _is_name_line(document, block, mentions)):
            # "a) Cơ quan chủ trì" over "- Ban Chỉ đạo quốc gia.": the names take the label's role
            found.extend(_labelled_names(document, block.start, block.end, mentions, labelled))
            continue
        in_tcth = tcth.holds(block.start, block.start + 1)
        name_heading = block.role == "heading" and _is_name_line(document, block, mentions)
        if name_heading or (
            in_tcth
            and (block.role == "heading" or (block.role == "list_item" and _is_name_line(document, block, mentions)))
        ):
            found.extend((m, "lead") for m in mentions if not _in_parenthesis(document.fold, block.start, m.start))
            continue
        found.extend(_text_roles(document, mentions, (block.start, block.end)))
    subjects = _cited_subjects(document, citations, _document_titles(document))
    return [
        Body(name=m.name, role=role, **evidence(document, m.start, m.end))
        for m, role in found
        if not subjects.holds(m.start, m.end)
    ]


@cache
def _in_cell_role_words() -> list[tuple[regex.Pattern, regex.Pattern, str]]:
    """The column header words of the lead and support roles ("chủ trì", "phối hợp"), as they stand
    inside a body cell: right after a body, or right before it."""
    roles = ColumnRolesLexicon.load().roles
    out = []
    for role in ("lead", "support"):
        words = alternation(roles[role])
        out.append(
            (regex.compile(rf"^[^\S\n]*(?:{words})(?![\p{{L}}\p{{M}}])"), regex.compile(rf"(?:{words})[\s,]*$"), role)
        )
    return out


def _cell_roles(
    document: Document, block: Block, mentions: list[Mention], column_role: str
) -> list[tuple[Mention, str]]:
    """Bodies of a lead or support cell take the column's role, unless the cell itself says another
    for one of them: "UBND xã chủ trì, phối hợp Quân sự xã" in an executing column makes UBND xã
    the lead and Quân sự xã support (a flattened table's cells run their role words in)."""
    fold = document.fold
    out: list[tuple[Mention, str]] = []
    previous_end = block.start
    for i, m in enumerate(mentions):
        next_start = mentions[i + 1].start if i + 1 < len(mentions) else block.end
        role = column_role
        for after, before, word_role in _in_cell_role_words():
            if after.match(fold[m.end : next_start]) or before.search(fold[previous_end : m.start]):
                role = word_role
                break
        out.append((m, role))
        previous_end = m.end
    return out


@cache
def role_label_words() -> dict[str, str]:
    """Folded header words of the lead and support columns ("cơ quan chủ trì", "đơn vị phối hợp") → role: a
    heading that is one of them labels the names under it (here), a section part holding them (tasks)."""
    roles = ColumnRolesLexicon.load().roles
    return {fold_text(word): role for role in ("lead", "support") for word in roles[role]}


def _checks(path: str, titles: dict[str, str]) -> bool:
    """Does a section above `path` name checking or supervising as its work ("KIỂM TRA, SƠ KẾT, TỔNG KẾT …")?"""
    while "." in path:
        path = path.rsplit(".", 1)[0]
        if _cues()["oversight_work"].match(fold_text(titles.get(path, "")).strip()):
            return True
    return False


_ITEM_JOIN = regex.compile(rf"[^\S\n]*(?:,|;|{alternation(_WORDS.cell_joiners)})?[^\S\n]*")
_ITEM_OPEN = regex.compile(r"[\s\-+•–*]*")
_ITEM_COLON = regex.compile(r"[^\S\n]*:")


def _addressed_item(document: Document, block: Block, mentions: list[Mention]) -> list[Mention]:
    """The bodies an item or heading opens with, closed by a colon ("4. Sở Tư pháp: …", "- Sở Tài chính, Sở
    Nội vụ: …"): the way a province's plan gives each body its duties. They lead what follows."""
    if block.role not in ("heading", "list_item", "paragraph") or not mentions:
        return []
    fold = document.fold
    at = _ITEM_OPEN.match(fold, block.start, block.end).end()
    named: list[Mention] = []
    for m in mentions:
        if m.start != at:
            break
        named.append(m)
        colon = _ITEM_COLON.match(fold, m.end, block.end)
        if colon:
            return named
        at = _ITEM_JOIN.match(fold, m.end, block.end).end()
    return []


def _label_role(label: str, section: str | None, titles: dict[str, str]) -> str | None:
    """The role a lead or support label gives ("Cơ quan chủ trì" → lead), oversight for the chủ trì of a
    section whose work is checking ("IX. KIỂM TRA, SƠ KẾT …")."""
    role = role_label_words().get(" ".join(fold_text(label).strip(" :.").split()))
    if role == "lead" and section is not None and _checks(section, titles):
        role = "oversight"
    return role


def _labelled_role(document: Document, block: Block, titles: dict[str, str]) -> str | None:
    """The role of a line under a heading that is a lead or support label ("a) Cơ quan chủ trì",
    "b) Cơ quan phối hợp"), as a table column of that name would give it. A dash item under the label lists
    bodies ("- Bộ Quốc phòng; các Bộ, ngành liên quan."); a paragraph there must be names only (the caller
    checks), or it is text with its own roles."""
    if block.role not in ("list_item", "paragraph") or block.section is None:
        return None
    return _label_role(titles.get(block.section, ""), block.section, titles)


@cache
def _label_opening() -> regex.Pattern:
    """A lead or support label closed by a colon where a line or a clause starts: "Cơ quan chủ trì: …",
    "- Đơn vị phối hợp: …", "…; phối hợp: …"."""
    labels = alternation(list(role_label_words()))
    return regex.compile(rf"(?:^|(?<=[;.]))[\s\-+•–*]*(?:\d+\.|[a-zđ]\)|\(\d+\))?\s*({labels})\s*:")


def _inline_labels(document: Document, block: Block, titles: dict[str, str]) -> list[tuple[int, int, str]]:
    """The parts of a line that a label opens, each with its role: from the colon to the next label or the
    line's end. A heading written as its label and names ("a) Cơ quan chủ trì: Bộ Tài chính.") is read the same."""
    if block.role == "cell":
        return []
    line = document.fold[block.start : block.end]
    found = []
    for match in _label_opening().finditer(line):
        role = _label_role(match.group(1), block.section, titles)
        if role:
            found.append((block.start + match.end(), block.start + match.start(), role))
    return [
        (start, found[i + 1][1] if i + 1 < len(found) else block.end, role) for i, (start, _, role) in enumerate(found)
    ]


def _may_hold_unseen_names(document: Document, block: Block, titles: dict[str, str]) -> bool:
    """A line where a name no lexicon lists is still a body: one a label opens, or an item under a label."""
    return bool(_inline_labels(document, block, titles)) or (
        block.role == "list_item" and _labelled_role(document, block, titles) is not None
    )


_MAX_LABELLED_NAME_WORDS = 8


def _labelled_names(
    document: Document, start: int, end: int, mentions: list[Mention], role: str
) -> list[tuple[Mention, str]]:
    """The bodies of a labelled stretch, with the label's role unless the words around a name say otherwise
    ("…, phối hợp với Sở Y tế", "Đơn vị thực hiện: X chủ trì; Y phối hợp"). A short capitalised item there that
    no form names is a body too, as in a lead column."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    named = [
        m
        for m in _cell_rest(document, start, end, inside)
        if m in inside or len(document.text[m.start : m.end].split()) <= _MAX_LABELLED_NAME_WORDS
    ]
    named = [m for m in named if not _in_parenthesis(document.fold, start, m.start)]
    # the words around a name may still say its part ("Đơn vị thực hiện: X chủ trì; Y phối hợp.")
    in_text = {m.start: text_role for m, text_role in _text_roles(document, named, (start, end))}
    return [(m, in_text.get(m.start, role)) for m in named]


def _is_generic(folded: str) -> bool:
    """A collective that names no one kind ("các cơ quan, đơn vị liên quan"): never a body."""
    return bool(_patterns()["generic"].fullmatch(folded.strip()))


def _in_parenthesis(fold: str, start: int, at: int) -> bool:
    before = fold[start:at]
    return before.count("(") > before.count(")")


_CELL_ITEM = regex.compile(r"[^,;/\n]+")
_CELL_JOIN = regex.compile(rf"^\s*(?:{'|'.join(_WORDS.cell_joiners)})\s+|\s+(?:{'|'.join(_WORDS.cell_joiners)})\s*$")


def _cell_rest(document: Document, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """A lead or support cell holds only bodies: an item of its list that no lexicon form or
    pattern names but that is written as a name (capitalised, not generic: "Bưu điện văn hóa xã")
    is a body too, named as written with its abbreviations spelled out."""
    pats = _patterns()
    text, fold = document.text, document.fold
    out = list(mentions)
    for item in _CELL_ITEM.finditer(text, start, end):
        s, e = item.span()
        trimmed = _CELL_JOIN.sub("", text[s:e])
        offset = text[s:e].find(trimmed)
        s, e = s + offset, s + offset + len(trimmed.rstrip(" .")) if trimmed else s
        if e <= s or not text[s].isupper() or any(m.start < e and s < m.end for m in out):
            continue
        if pats["generic"].search(fold[s:e]) or pats["not_bodies"].match(fold[s:e]):
            continue
        out.append(Mention(s, e, spell_out(text[s:e])))
    return sorted(out, key=lambda m: m.start)


# ---------------------------------------------------------------------------------------------
# NLP: unseen names after a role cue, delimited by underthesea's part-of-speech tags.
#
# Measured (python 3.11, this machine, underthesea 9.5): on the six corpus plans no role cue is
# followed by a capitalised name the lexicon and patterns miss, so the step never calls the tagger
# there and changes no figure (its scan costs ~0.1 ms per plan). On sentences of our own with names
# no lexicon lists ("phối hợp với Bưu điện văn hóa xã", "báo cáo Thanh tra tỉnh", "Chi nhánh Ngân hàng
# Chính sách xã hội huyện"), the noun run after the cue gives the name where the rules give none;
# pos_tag costs ~1 ms per call on a clause (plus ~1 s to import underthesea the first time it is
# needed). underthesea's NER was tried first and dropped: it tags none of these names ORG ("Thanh
# tra tỉnh Lai Châu" → LOC, "Đoàn" → PER).

_NOUN_TAGS = {"N", "Np", "Nc", "Ny", "Nb"}
_NLP_LEVEL = regex.compile("(?:" + "|".join(_WORDS.nlp_name_end_levels) + ")$")
_LEVEL_COMPOUNDS = tuple(f"{_CANONICAL} {w}" for w in _LEVELS.not_before)  # "xã hội"
_MAX_NAME_WORDS = 8


def _noun_run(document: Document, start: int, end: int) -> Mention | None:
    """The name starting at `start`: the run of nouns underthesea tags there, closed by a level word
    ("… xã", "… tỉnh") or by the first word that is not a noun."""
    clause = new_style_tones(document.text[start:end])  # same length: offsets hold
    words: list[str] = []
    for index, (word, tag) in enumerate(pos_tag(clause)):
        if tag not in _NOUN_TAGS or (index == 0 and not word[:1].isupper()):
            break
        words.append(word)
        folded = fold_text(word)
        if _NLP_LEVEL.search(folded) and not fold_text(clause).startswith(
            _LEVEL_COMPOUNDS, clause.find(word) + len(word) + 1
        ):
            break
        if len(words) >= _MAX_NAME_WORDS:
            break
    if not words:
        return None
    cursor = 0
    for word in words:
        found = clause.find(word, cursor)
        if found < 0:
            return None
        cursor = found + len(word)
    cursor += start
    name = document.text[start:cursor]
    pats = _patterns()
    if len(words) < 2 or pats["not_bodies"].match(fold_text(name)) or pats["generic"].search(fold_text(name)):
        return None
    # a head stands for the body ("báo cáo Chủ tịch Ủy ban nhân dân tỉnh" → Ủy ban nhân dân tỉnh, gold/README.md)
    return Mention(start, cursor, organisation(spell_out(name), load_registry()))


def _with_nlp(document: Document, block: Block, mentions: list[Mention]) -> list[Mention]:
    """Mentions plus unseen names found where a role cue stands before a capitalised word."""
    fold, text = document.fold, document.text
    added: list[Mention] = []
    for slot in _cues()["cue_slot"].finditer(fold, block.start, block.end):
        at = slot.end()
        if at >= block.end or not text[at].isupper():
            continue  # one pass finds the words that end a cue; a capital must follow
        if text[slot.start() : at].isupper():
            continue  # a line in capitals ("… CHUYỂN ĐỔI SỐ QUỐC GIA") is a title: its cue words cue nothing
        if any(m.start <= at < m.end for m in mentions + added):
            continue
        clause = _clause_start(fold, block.start, at)
        left = fold[max(clause, at - _LEFT_WINDOW) : at]
        if not left.strip() or _role_before(left) is None:
            continue
        found = _noun_run(document, at, _clause_end(fold, at, block.end))
        if found is not None:
            added.append(found)
    if not added:
        return mentions
    # a name the tagger reads whole ("Bộ Chỉ huy quân sự tỉnh") replaces a lexicon form inside it ("quân sự tỉnh")
    kept = [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in added)]
    return sorted(kept + added, key=lambda m: m.start)
