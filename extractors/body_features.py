"""The token sequences the learned bodies model reads: one sequence per block, one feature list per token.

Training (`pipeline.body_training`) and tagging (`extractors.body_model`) both build their input here, so
the model always sees at run time the very features it was trained on. A token is a run of letters and
digits, or one punctuation mark, of the normalized text; its features are the folded words around it,
their shapes (a body's name is capitalised, a cue is not), the block it stands in (a heading of "Tổ
chức thực hiện", a table cell and its column's role), whether the bodies lexicon (`bodies.json`,
through `find_mentions`) names it, the role a cue of `role_cues.json` right before it (or before the
list it stands in) gives, and the label of a labelled line ("Cơ quan chủ trì: …") it follows. The
lexicons are data the model may lean on; the decisions of `extractors/bodies.py` are not among its
features, so "model alone" is a model. The cue and label features raised the model alone from 0.27 to
0.35 exact F1 on round 4's development documents and from 0.29 to 0.34 on round 5's, trained only on
the rounds before (`benchmarks/bench_model_forward.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractors.bodies import Mention
from pipeline.document import Block, Document
from pipeline.lexicon import BodyWordsLexicon, RoleCuesLexicon
from pipeline.normalize import fold_text

_TOKEN = regex.compile(r"[\p{L}\p{M}\d]+|[^\s\p{L}\p{M}\d]")
# Blocks whose bodies are never this plan's responsible bodies (gold-guidelines: the head, the
# "Căn cứ" list, the signature and the "Nơi nhận" list are not annotated).
SKIPPED_BLOCKS = frozenset({"header", "basis", "signature", "recipients"})
_PAD = "<s>"


@dataclass(frozen=True)
class Sequence:
    """The tokens of one block (`text[starts[i]:ends[i]]`) and their feature lists (one list of strings
    per token)."""

    block: Block
    starts: list[int]
    ends: list[int]
    features: list[list[str]]


def tagged_blocks(document: Document) -> list[Block]:
    """The blocks the model reads: those after the head (the first section) that may hold a body."""
    first_section = min((s.start for s in document.sections), default=0)
    return [b for b in document.blocks if b.role not in SKIPPED_BLOCKS and b.end > first_section]


@cache
def _shape(word: str) -> str:
    first = word[0]
    if first.isdigit():
        return "D"
    if not first.isalpha():
        return "P"
    if word.isupper() and len(word) > 1:
        return "A"  # UBND, MTTQ, HĐND: an abbreviation, or a heading in capitals
    return "U" if first.isupper() else "L"


def _block_features(document: Document, block: Block, tcth: list[tuple[int, int]]) -> list[str]:
    out = [f"blk={block.role}"]
    if block.role == "cell":
        out.append(f"col={document.column_role(block)}")
    if any(s <= block.start < e for s, e in tcth):
        out.append("tcth")
    return out


def _has_candidate(shapes: list[str], lexicon: bytearray, start: int, end: int) -> bool:
    """Whether a block may name a body: a lexicon form stands in it, or a capitalised word other than
    its first (every block opens with a capital). Blocks without are neither tagged nor trained on:
    half the cost of the model, and they hold almost no gold body."""
    return lexicon.count(0, start, end) < end - start or any(shape in "UA" for shape in shapes[1:])


@cache
def _role_cues() -> tuple[tuple[str, regex.Pattern], ...]:
    """Each role's `before` cues of `role_cues.json` as one backward pattern (they end where a body
    starts): the words the rules read a role from, given to the model as a feature it may weigh."""
    data = RoleCuesLexicon.load()
    return tuple(
        (role, regex.compile("|".join(f"(?:{p})" for p in data.before[role]), regex.REVERSE)) for role in data.order
    )


def _cue_features(fold: str, block: Block, spans: list[tuple[int, int]], shapes: list[str]) -> list[str | None]:
    """Per token, the role a lexicon cue right before it gives (`cue=<role>` on a capitalised token the
    cue ends at), carried over the tokens after it in the block until the next cue (`after=<role>`: the
    list of bodies a cue heads), and the label of a labelled line ('Cơ quan chủ trì: …': `lab=` the two
    words before the block's first colon, on every token after it)."""
    out: list[str | None] = []
    last: str | None = None
    colon = fold.find(":", block.start, min(block.end, block.start + 80))
    label = None
    if colon > 0:
        words = fold[block.start : colon].split()[-2:]
        label = "lab=" + "|".join(words) if words else None
    cues = _role_cues()
    for (start, _), shape in zip(spans, shapes, strict=True):
        feature = None
        if shape in "UA":
            role = next((r for r, p in cues if p.search(fold, block.start, start)), None)
            if role:
                feature, last = "cue=" + role, role
        if feature is None and last:
            feature = "after=" + last
        if label and colon < start:
            feature = (feature + " " if feature else "") + label
        out.append(feature)
    return out


def sequences(document: Document, mentions: list[Mention]) -> list[Sequence]:
    """One `Sequence` per block the model reads. `mentions` are the lexicon's body mentions (in
    document order), given as the gazetteer feature."""
    text, fold = document.text, document.fold
    lexicon = bytearray(len(text))  # 0 outside a mention, 1 its first character, 2 inside
    for m in mentions:
        lexicon[m.start : m.end] = b"\x02" * (m.end - m.start)
        lexicon[m.start] = 1
    work_section = BodyWordsLexicon.load().work_section  # "tổ chức thực hiện": the section that assigns
    tcth = [(s.start, s.end) for s in document.sections if work_section in fold_text(s.title)]
    # a word's features at each place around a token, built once per word: the model reads every
    # token of a plan, and string building is most of its cost
    forms: dict[str, tuple[str, ...]] = {}
    out: list[Sequence] = []
    for block in tagged_blocks(document):
        spans = [m.span() for m in _TOKEN.finditer(text, block.start, block.end)]
        if not spans:
            continue
        shapes = [_shape(text[s:e]) for s, e in spans]
        if not _has_candidate(shapes, lexicon, block.start, block.end):
            continue
        words = [_PAD, _PAD, *(fold[s:e] for s, e in spans), _PAD, _PAD]
        around = [forms.get(w) or forms.setdefault(w, _forms(w)) for w in words]
        shapes = ["", "", *shapes, "", ""]
        common = _block_features(document, block, tcth)
        cued = _cue_features(fold, block, spans, shapes[2:-2])
        features: list[list[str]] = []
        for i, (start, _) in enumerate(spans):
            j = i + 2
            features.append(
                [
                    *(cued[i].split(" ") if cued[i] else ()),
                    around[j][0],
                    around[j - 1][1],
                    around[j - 2][2],
                    around[j + 1][3],
                    around[j + 2][4],
                    "w-21=" + words[j - 2] + "|" + words[j - 1],
                    "w+12=" + words[j + 1] + "|" + words[j + 2],
                    "s=" + shapes[j],
                    "s-1=" + shapes[j - 1] + shapes[j],
                    "s+1=" + shapes[j] + shapes[j + 1],
                    _GAZETTEER[lexicon[start]],
                    *common,
                ]
            )
        features[0].append("first")
        out.append(Sequence(block, [s for s, _ in spans], [e for _, e in spans], features))
    return out


_GAZETTEER = ("lex=O", "lex=B", "lex=I")


def _forms(word: str) -> tuple[str, ...]:
    return ("w=" + word, "w-1=" + word, "w-2=" + word, "w+1=" + word, "w+2=" + word)
