"""Bodies named in the article that closes a decision or resolution: who carries it out.

"Điều 3. Chánh Văn phòng UBND thành phố; Giám đốc các Sở, Ban, ngành; Giám đốc Đài Phát thanh - Truyền
hình; Chủ tịch UBND các quận, huyện, phường, xã; Thủ trưởng các cơ quan, đơn vị liên quan chịu trách
nhiệm thi hành Quyết định này./." names four bodies, each `lead` (gold/README.md). The sentence is a
list of persons by title, each followed by the body they head, so the body is what follows the title,
as written (its abbreviations spelled out), whether or not the bodies lexicon knows it: these articles
name provincial and national bodies that a commune plan never does. A collective that names no kind
("các cơ quan, đơn vị liên quan") is left out, as everywhere. The cues and titles are data
(`lexicon/execution.json`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import regex

from extractors.grammar import alternation
from extractors.names import spell_out
from extractors.registry import Registry
from pipeline.document import Document
from pipeline.lexicon import ExecutionLexicon, LevelsLexicon
from pipeline.normalize import fold_text


@dataclass(frozen=True)
class Executor:
    """A body the closing article names: `text[start:end]` as written, and its name."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class _Rules:
    cue: regex.Pattern
    title: regex.Pattern
    title_alone: regex.Pattern
    offices: dict[str, str]
    plural: tuple[str, ...]
    listed_kind: regex.Pattern
    kinds: dict[str, str]
    plural_title: regex.Pattern
    plural_titles: dict[str, str]
    collective: tuple[str, ...]
    item_head: regex.Pattern
    item_end: regex.Pattern


@cache
def _rules() -> _Rules:
    data = ExecutionLexicon.load()
    titles = alternation(data.head_titles)
    plurals = LevelsLexicon.load().plural
    return _Rules(
        cue=regex.compile(rf"(?<!\w)(?:{alternation(data.cues)})(?!\w)"),
        # a title opening an item: after the sentence's start, ";", "," or "và"
        title=regex.compile(rf"(?:\G|[;,:]|\s(?:{alternation(data.item_joiners)}))\s*(?P<title>{titles})\s+(?=\S)"),
        title_alone=regex.compile(rf"\s*(?:{titles})\s+(?=\S)"),
        offices={fold_text(k): v for k, v in data.office_titles.items()},
        plural=tuple(f"{w} " for w in plurals),
        listed_kind=regex.compile(
            rf"(?:{alternation(plurals)}\s+)?(?P<kind>{alternation(list(data.listed_kinds))})\s*:\s*"
        ),
        kinds={fold_text(k): v for k, v in data.listed_kinds.items()},
        plural_title=regex.compile(
            rf"(?:\G|[;,:])\s*(?P<title>{alternation(list(data.plural_titles))})(?=\s*[,;]|\s+(?:{alternation(data.item_joiners)})\s)"
        ),
        plural_titles={fold_text(k): v for k, v in data.plural_titles.items()},
        collective=tuple(f"{fold_text(w)} " for w in data.collective_kinds),
        item_head=regex.compile(rf"[^\S\n]*,[^\S\n]*(?P<head>{alternation(data.item_heads)})(?![\p{{L}}\p{{M}}])"),
        # an item ends at ";" or where a joiner opens another, untitled collective ("… và các thành viên …")
        item_end=regex.compile(
            rf";|\s(?:{alternation(data.item_joiners)})\s+(?={alternation(plurals)}\s)"
        ),
    )


_MIN_PART_WORDS = 2  # a body the comma parts from the next has a name of its own, not a kind word alone
_LISTED_KIND = regex.compile(r"(?<=\s)\p{Lu}[\p{L}\p{M}]*(?=,)")


def organisation(issuer: str | None, registry: Registry) -> str | None:
    """The organisation a head stands for: "Chủ tịch Ủy ban nhân dân tỉnh" → "Ủy ban nhân dân tỉnh", "Bộ trưởng
    Bộ Y tế" → "Bộ Y tế" (gold decisions: a document signed for an organisation by its head, or cited as its
    head's, has the organisation as issuer). "Thủ tướng Chính phủ" and "Chủ tịch nước" are issuers of their own:
    no title of this lexicon opens them, or no issuer follows it."""
    if issuer is None:
        return None
    folded = fold_text(issuer)
    titled = _rules().title_alone.match(folded)
    if titled is None or registry.issuer_at(folded, titled.end()) is None:
        return issuer
    return issuer[titled.end() :]  # as read, its place kept: "Ủy ban nhân dân tỉnh Tuyên Quang"


def _sentence_start(fold: str, start: int, at: int) -> int:
    """Where the sentence holding `at` starts within its block: after "Điều N." or the last full stop. A colon
    does not end it: it opens the list ("Các ông (bà): Chánh Văn phòng …") or a kind's names ("các Sở: …")."""
    head = regex.search(r"(?:^|\.\s)(?=[^.]*$)", fold[start:at])
    return start + (head.end() if head else 0)


def _listed(text: str, fold: str, s: int, e: int) -> list[Executor] | None:
    """One body per name after a kind and a colon ("các Sở: Tài chính, Nội vụ" → Sở Tài chính, Sở Nội vụ),
    the first quoted from its kind word ("Sở: Tài chính"), as the gold reads it; None if the item is no such list."""
    rules = _rules()
    listed = rules.listed_kind.match(fold, s, e)
    if listed is None:
        return None
    kind = rules.kinds[listed.group("kind")]
    found = []
    for n, item in enumerate(regex.finditer(r"[^,;]+", text[listed.end() : e])):
        written = item.group().strip()
        if not written:
            continue
        at = listed.end() + item.start() + item.group().find(written)
        found.append(
            Executor(listed.start("kind") if n == 0 else at, at + len(written), spell_out(f"{kind} {written}"))
        )
    return found


def find_executors(document: Document, start: int, end: int, is_generic: Callable[[str], bool]) -> list[Executor]:
    """The bodies named before an execution cue in `text[start:end]` (one block), spelt as every other
    unlisted body (`names.spell_out`); `is_generic` (the bodies extractor's) tells a collective that
    names no kind."""
    rules, fold, text = _rules(), document.fold, document.text
    cue = rules.cue.search(fold, start, end)
    if cue is None:
        return []
    lo = _sentence_start(fold, start, cue.start())
    heads = list(rules.title.finditer(fold, lo, cue.start()))
    found: list[Executor] = [
        Executor(m.start("title"), m.end("title"), rules.plural_titles[m.group("title")])
        for m in rules.plural_title.finditer(fold, lo, cue.start())
    ]
    for i, head in enumerate(heads):
        s = head.end()
        e = heads[i + 1].start() if i + 1 < len(heads) else cue.start()
        cut = rules.item_end.search(fold, s, e)
        e = cut.start() if cut else e
        written = text[s:e].strip(" ,;\t\n")
        if not written:
            continue
        s = text.index(written, s)
        e = s + len(written)
        listed = _listed(text, fold, s, e)
        if listed is not None:
            found.extend(listed)
            continue
        office = rules.offices.get(head.group("title"))
        for lo, hi in _item_bodies(text, fold, s, e):
            if is_generic(fold[lo:hi]):
                continue
            written = text[lo:hi]
            if fold[lo:hi].startswith(rules.collective):  # "Thủ trưởng cơ quan ngang Bộ": every body of that kind
                found.append(Executor(lo, hi, spell_out(f"{rules.plural[0].strip().capitalize()} {written}")))
                continue
            if not (written[0].isupper() or fold[lo:hi].startswith(rules.plural)):
                continue
            name = spell_out(f"{office} {written}" if office else written)
            if fold[lo:hi].startswith(rules.plural):  # "các Sở, Ban, ngành": a list of kinds, in lower case
                name = _LISTED_KIND.sub(lambda m: m.group(0).lower(), name)
            if office:
                lo = fold.rfind(fold_text(office.split()[0]), head.start("title"), lo)
                office = None  # the title heads the first body of its item only
            found.append(Executor(lo, hi, name))
    return sorted(found, key=lambda x: x.start)


def _item_bodies(text: str, fold: str, s: int, e: int) -> list[tuple[int, int]]:
    """The bodies one title heads: its item, or the parts of it that a comma parts where the next opens with the
    head word of another body ("Giám đốc Sở Tài chính, Kho bạc Nhà nước thành phố", "Thủ trưởng cơ quan ngang Bộ,
    cơ quan thuộc Chính phủ": `item_heads`, a capital needed but for a collective). A list of kinds in the plural
    ("các Sở, Ban, ngành") and a name with commas of its own ("Sở Văn hóa, Thể thao và Du lịch") stay whole."""
    rules = _rules()
    if fold[s:e].startswith(rules.plural):
        return [(s, e)]
    bounds = [s]
    for m in rules.item_head.finditer(fold, s, e):
        named = text[m.start("head")].isupper() or fold[m.start("head") :].startswith(rules.collective)
        if named and len(fold[bounds[-1] : m.start()].split()) >= _MIN_PART_WORDS:  # "Sở, Ban, ngành" stays whole
            bounds.append(m.start())
    bounds.append(e)
    parts = []
    for lo, hi in pairwise(bounds):
        part = text[lo:hi].strip(" ,")
        if part:
            start = text.index(part, lo)
            parts.append((start, start + len(part)))
    return parts
