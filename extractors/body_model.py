"""The learned bodies model: a CRF that tags body names and their roles, token by token (BIO).

Trained on the development gold only (`python -m pipeline.body_training`), it ships as one small
CRFsuite file beside the lexicons (`extractors/models/bodies.crfsuite`) and runs with underthesea's
CRF tagger (`underthesea_core`, already a dependency: nothing new is installed, nothing downloaded).
A tagged span is named as the rules name it: by the alias table of `bodies.json` where a lexicon form
covers it, else spelled out as written.

Three modes, chosen by `kehoach run --bodies` (`BODY_MODES`):
- `rules` (the default): `extractors/bodies.py` alone;
- `rules+model`: the rules' records, plus the model's spans where no rule record stands and the
  model is confident (`min_confidence` of `models/bodies_model.json`);
- `model`: the model alone.
The default is the mode that won the cross-validation of `benchmarks/bench_model.py` over all the
development documents (README, "Accuracy"): on the 54 real and 6 corpus/plans documents of round 2
that is the rules (rules + model had won it on the 33 real documents before).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from functools import cache
from pathlib import Path

from extractors.bodies import Mention, extract_bodies, plan_mentions
from extractors.body_features import Sequence, sequences
from extractors.evidence import evidence
from extractors.names import spell_out
from extractors.spans import Enclosing
from pipeline.document import Document
from pipeline.i18n import say
from pipeline.models import Body, Citation

MODELS_DIR = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODELS_DIR / "bodies.crfsuite"
BODY_MODES = ("rules", "rules+model", "model")  # the default first
DEFAULT_BODY_MODE = "rules"  # the winner of the cross-validation (README, "Accuracy")
OUTSIDE = "O"


class BodyModelMissing(FileNotFoundError):
    """The model file is not where the bodies extractor looks for it; the message (the catalogue's
    `model.missing`, in the user's language) names the file and says how to rebuild it."""

    def __init__(self, path: Path) -> None:
        super().__init__(say("model.missing", path=path))
        self.path = path


def load_tagger(path: Path | None = None):
    """The CRF tagger of the model file at `path` (default `MODEL_PATH`), loaded once per process."""
    return _load(Path(path or MODEL_PATH).resolve())


@cache
def settings() -> dict:
    """The model's settings (`models/bodies_model.json`): training's regularisation and iterations, the
    cross-validation's folds and seed, and the least confidence of a record rules + model adds."""
    return json.loads((MODELS_DIR / "bodies_model.json").read_text(encoding="utf-8"))


@cache
def _load(path: Path):
    from underthesea_core import CRFTagger

    if not path.is_file():
        raise BodyModelMissing(path)
    tagger = CRFTagger()
    tagger.load(str(path))
    return tagger


def label(role: str, first: bool) -> str:
    """The BIO label of a token of a body with `role`."""
    return ("B-" if first else "I-") + role


def decode(sequence: Sequence, labels: list[str]) -> list[tuple[int, int, str]]:
    """The (start, end, role) spans of one tagged sequence: a B- label opens a span, I- labels of the
    same role continue it (an I- with no open span of its role opens one: the tagger may skip the B)."""
    spans: list[tuple[int, int, str]] = []
    open_role: str | None = None
    for start, end, tag in zip(sequence.starts, sequence.ends, labels, strict=True):
        if tag == OUTSIDE:
            open_role = None
            continue
        kind, role = tag.split("-", 1)
        if kind == "I" and role == open_role:
            spans[-1] = (spans[-1][0], end, role)
        else:
            spans.append((start, end, role))
            open_role = role
    return spans


def _name(document: Document, start: int, end: int, mentions: list[Mention], starts: list[int]) -> str:
    """A tagged span's canonical name: the lexicon mention's (`mentions`, whose starts are `starts`)
    where one alone stands in it and covers at least half of it, else the span spelled out."""
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    inside = [m for m in mentions[first:last] if m.end <= end]
    if len(inside) == 1 and (inside[0].end - inside[0].start) * 2 >= end - start:
        return inside[0].name
    return spell_out(document.text[start:end])


def tagged_bodies(
    document: Document,
    citations: list[Citation],
    mentions: list[Mention],
    path: Path | None = None,
) -> list[tuple[Body, float]]:
    """The bodies the model tags in `document`, one record per span, in document order, each with the
    model's confidence: the least, over the span's tokens, of the marginal probability that the token
    is part of a body. `mentions` are the lexicon's (the gazetteer feature); a span inside a citation's
    quote is its issuer, left out."""
    tagger = load_tagger(path)
    cited = Enclosing(tuple(c.span) for c in citations if c.span)
    mention_starts = [m.start for m in mentions]
    out: list[tuple[Body, float]] = []
    for sequence in sequences(document, mentions):
        spans = decode(sequence, tagger.tag(sequence.features))
        if not spans:
            continue
        outside = tagger.labels().index(OUTSIDE)
        inside = [1.0 - row[outside] for row in tagger.marginals(sequence.features)]
        for start, end, role in spans:
            if cited.holds(start, end):
                continue
            first, last = bisect_left(sequence.starts, start), bisect_left(sequence.starts, end)
            name = _name(document, start, end, mentions, mention_starts)
            body = Body(name=name, role=role, **evidence(document, start, end))
            out.append((body, min(inside[first:last])))
    return out


def model_bodies(
    document: Document,
    citations: list[Citation],
    mentions: list[Mention],
    path: Path | None = None,
) -> list[Body]:
    """The bodies the model tags in `document` (`tagged_bodies` without the confidences)."""
    return [body for body, _ in tagged_bodies(document, citations, mentions, path)]


def combine(rules: list[Body], model: list[tuple[Body, float]], least: float = 0.0) -> list[Body]:
    """The rules' records, plus each model record of confidence `least` or more whose span overlaps
    none of them: the model adds what the rules missed and leaves what they found as they found it."""
    taken = Enclosing(tuple(b.span) for b in rules if b.span)
    added = [b for b, confidence in model if confidence >= least and b.span and not taken.overlaps(*b.span)]
    return sorted([*rules, *added], key=lambda b: b.span[0] if b.span else -1)


def bodies_by_mode(document: Document, citations: list[Citation], nlp: bool = True, mode: str = DEFAULT_BODY_MODE):
    """The bodies of `document` as `mode` (one of `BODY_MODES`) finds them."""
    if mode not in BODY_MODES:
        raise ValueError(f"bodies mode {mode!r} is not one of {', '.join(BODY_MODES)}")
    rules = extract_bodies(document, citations, nlp=nlp) if mode != "model" else []
    if mode == "rules":
        return rules
    mentions = plan_mentions(document, citations)
    learned = tagged_bodies(document, citations, mentions)
    if mode == "model":
        return [body for body, _ in learned]
    return combine(rules, learned, settings()["min_confidence"])
