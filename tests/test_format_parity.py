"""The .docx and .pdf renditions of each corpus plan must read like its .txt: same heading tree, same
tables, and normalized text (body and tables) at least 99% alike."""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path

import pytest

from pipeline.document import Document
from pipeline.ingest import read_document
from pipeline.raw import RawDocument
from pipeline.structure import build_document

PLANS = Path(__file__).resolve().parent.parent / "corpus" / "plans"
NAMES = sorted(p.stem for p in PLANS.glob("*.txt"))
CASES = [(name, ext) for name in NAMES for ext in ("docx", "pdf") if (PLANS / f"{name}.{ext}").exists()]


@cache
def read(name: str, ext: str) -> RawDocument:
    """Each rendition is read once for the whole module: the .txt serves every rendition's case."""
    return read_document(PLANS / f"{name}.{ext}")


@cache
def build(name: str, ext: str) -> Document:
    return build_document(read(name, ext), name)


def similarity(a: str, b: str) -> float:
    """difflib's ratio, skipped where the texts are equal: on two long equal texts it takes seconds."""
    return 1.0 if a == b else difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def tables(doc: Document) -> list[tuple]:
    return [(t.section, len(t.rows), [c.role for c in t.columns]) for t in doc.tables]


@pytest.mark.parametrize(("name", "ext"), CASES)
def test_rendition_reads_like_the_txt(name, ext):
    txt = build(name, "txt")
    other = build(name, ext)
    assert [(s.path, s.title) for s in other.sections] == [(s.path, s.title) for s in txt.sections]
    assert tables(other) == tables(txt)
    ratio = similarity(txt.text, other.text)
    assert ratio >= 0.99, f"{name}.{ext}: text {ratio:.4f} alike"
    assert [txt.text[b.start : b.end] for b in txt.blocks if b.role == "signature"] == [
        other.text[b.start : b.end] for b in other.blocks if b.role == "signature"
    ]


def test_the_corpus_plans_have_renditions():
    assert len(CASES) >= 6


@pytest.mark.parametrize(("name", "ext"), CASES)
def test_offsets_of_a_rendition_stay_in_their_blocks(name, ext):
    raw = read(name, ext)
    doc = build(name, ext)
    covered = 0
    for run in doc.offsets:
        assert run.start == covered
        assert run.raw_start + run.length <= len(raw.blocks[run.block].text)
        covered += run.length
    assert covered == len(doc.text)
    if ext == "pdf":
        assert all(doc.locate(s.start).page for s in doc.sections)
