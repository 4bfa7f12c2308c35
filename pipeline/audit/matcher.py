"""Does a plan's indicator mean the same as a directive target's? Concepts first, then fuzzy similarity.

Plans never copy a directive's wording: "tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực
tuyến" in one commune is "hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến" in
another. A lexicon of indicator concepts (`extractors/lexicon/indicator_concepts.json`) names each
concept's Vietnamese phrasings; two indicators that name the same concept match, two that name
different concepts do not, whatever their surface overlap ("kết quả điện tử" vs "tài khoản định
danh điện tử"). Only where one side names no concept does a similarity decide: a cosine of
TF-IDF vectors over character 3-grams and syllable 1–2-grams, written here so it ships offline
(no model, no download) and costs microseconds per pair.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from pipeline.lexicon import ConceptLexicon
from pipeline.normalize import fold_text

FUZZY_THRESHOLD = 0.42
"""Cosine at or above which an indicator naming no concept is taken to mean the target's. Set before
the labelled pairs (tests/audit/indicator_pairs.json) were written; on them, fuzzy similarity alone
has precision 1.0 at 0.40–0.60 and loses recall above 0.42, so the fallback is kept conservative."""


@lru_cache(maxsize=1)
def load_lexicon() -> ConceptLexicon:
    """The concepts lexicon, read by the shared loader and checked against its model once."""
    return ConceptLexicon.load()


_PUNCT = regex.compile(r"[^\w%]+")


def key(text: str) -> str:
    """The extractors' fold (lower case, one tone placement: `pipeline.normalize.fold_text`), Đ/Ð alike,
    punctuation to spaces, padded: the form phrasings are compared in, whole syllables at a time."""
    return " " + " ".join(_PUNCT.sub(" ", fold_text(text).replace("ð", "đ")).split()) + " "


def strip_marks(text: str) -> str:
    """Without diacritics, so a plan typed without marks or with a mark misplaced still scores."""
    s = unicodedata.normalize("NFD", text.replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))


@dataclass(frozen=True)
class ConceptHit:
    concept: str
    phrasing: str


@lru_cache(maxsize=1)
def _concept_keys() -> list[tuple[str, list[tuple[str, str]], list[str]]]:
    """(id, [(phrasing key, phrasing)], exclude keys) of every concept, folded once."""
    lexicon = load_lexicon()
    return [(c.id, [(key(p), p) for p in c.phrasings], [key(x) for x in c.excludes]) for c in lexicon.concepts]


@lru_cache(maxsize=4096)
def _concepts_of(text: str) -> tuple[ConceptHit, ...]:
    k = key(text)
    hits: list[ConceptHit] = []
    for concept, phrasings, excludes in _concept_keys():
        if any(x in k for x in excludes):
            continue
        found = [(pk, p) for pk, p in phrasings if pk in k]
        if found:
            hits.append(ConceptHit(concept, max(found, key=lambda f: len(f[0]))[1]))
    hits.sort(key=lambda h: len(h.phrasing), reverse=True)
    return tuple(hits)


def concepts_of(text: str | None) -> list[ConceptHit]:
    """Every concept the text names (a phrasing present and none of its excludes), most specific first."""
    return list(_concepts_of(text)) if text else []


def primary_concept(text: str | None) -> str | None:
    """The concept of the longest phrasing found: "xử lý hoàn toàn trực tuyến" outranks "hồ sơ trực tuyến"."""
    hits = concepts_of(text)
    return hits[0].concept if hits else None


# -- fuzzy similarity -------------------------------------------------------------------------


def _features(text: str) -> Counter[str]:
    s = strip_marks(key(text)).strip()
    syllables = s.split()
    feats: Counter[str] = Counter()
    padded = f" {s} "
    for i in range(len(padded) - 2):
        feats["c:" + padded[i : i + 3]] += 1
    for w in syllables:
        feats["w:" + w] += 2
    for a, b in itertools.pairwise(syllables):
        feats["b:" + a + "_" + b] += 3
    return feats


@lru_cache(maxsize=1)
def _idf() -> dict[str, float]:
    """Document frequencies from the lexicon's phrasings: words every indicator shares
    ("thủ tục hành chính", "tỷ lệ") weigh less than the ones that tell indicators apart."""
    docs = [p for c in load_lexicon().concepts for p in c.phrasings]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(_features(d)))
    n = len(docs)
    return {f: math.log((n + 1) / (c + 1)) + 1.0 for f, c in df.items()}


@lru_cache(maxsize=4096)
def _vector(text: str) -> dict[str, float]:
    idf = _idf()
    default = math.log(len(idf) + 1) + 1.0
    v = {f: (1 + math.log(c)) * idf.get(f, default) for f, c in _features(text).items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {f: x / norm for f, x in v.items()}


def similarity(a: str, b: str) -> float:
    """Cosine of the two indicators' TF-IDF vectors, in [0, 1]."""
    va, vb = _vector(a), _vector(b)
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(x * vb.get(f, 0.0) for f, x in va.items())


@dataclass(frozen=True)
class Match:
    matched: bool
    score: float
    how: str
    """"concept" (both name the same concept), "concept_conflict", "fuzzy" or "none"."""


def match(plan_indicator: str | None, target_indicator: str, target_concept: str | None = None) -> Match:
    """Whether a plan's indicator carries a directive target, and why.

    `target_concept` is the profile's own concept id where the profile names one; otherwise the
    target's indicator text is looked up like the plan's.
    """
    if not plan_indicator:
        return Match(False, 0.0, "none")
    plan_concepts = [h.concept for h in concepts_of(plan_indicator)]
    concept = target_concept or primary_concept(target_indicator)
    if plan_concepts and concept:
        if plan_concepts[0] == concept:
            return Match(True, 1.0, "concept")
        return Match(False, 0.0, "concept_conflict")
    score = similarity(plan_indicator, target_indicator)
    return Match(score >= FUZZY_THRESHOLD, score, "fuzzy")
