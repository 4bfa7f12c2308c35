"""Training the learned bodies model (`extractors.body_model`) on the development gold, and only on it.

The development gold is `gold/*.json` (the plans of corpus/plans, each as .txt, .docx and .pdf, which
share one gold file) and `gold/real/dev/*.json` (corpus/real/dev). The held-out parts are never read
here. Each document goes through the pipeline (`load_document`), its gold bodies are located in the
normalized text (`pipeline.gold_spans`), and every token of a block the model reads is labelled
B-/I-<role> inside a gold body and O outside.

`python -m pipeline.body_training` rebuilds the shipped model (`extractors/models/bodies.crfsuite`);
`benchmarks/bench_model.py` cross-validates it by document.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractors.bodies import Mention, extract_bodies, plan_mentions
from extractors.body_features import sequences
from extractors.body_model import MODEL_PATH, OUTSIDE, label, settings
from extractors.citations import extract_citations
from pipeline.document import Document
from pipeline.gold_spans import locate
from pipeline.models import INPUT_FORMATS, Body, Citation, GoldDocument
from pipeline.process import load_document
from pipeline.scoring import load_gold

ROOT = Path(__file__).resolve().parent.parent
# (gold folder, the folder of its documents): the development part of the corpus, nothing held out
DEV_SETS = (("gold", "corpus/plans"), ("gold/real/dev", "corpus/real/dev"))
FORMATS = INPUT_FORMATS


@dataclass
class Prepared:
    """One document of one format, processed once: what training, tagging and scoring read."""

    doc_id: str
    format: str
    document: Document
    gold: GoldDocument
    citations: list[Citation]
    mentions: list[Mention]
    rules: list[Body] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc_id, self.format)


def prepare(path: Path, gold: GoldDocument, with_rules: bool = False) -> Prepared:
    """Process one development file; `with_rules` also keeps what the rules find, for comparison."""
    document = load_document(path)
    citations, _ = extract_citations(document)
    mentions = plan_mentions(document, citations)
    rules = extract_bodies(document, citations) if with_rules else []
    return Prepared(gold.doc_id, document.format, document, gold, citations, mentions, rules)


def development_set(root: Path = ROOT, with_rules: bool = False) -> list[Prepared]:
    """Every development document in every format it exists in, processed."""
    out: list[Prepared] = []
    for gold_dir, corpus_dir in DEV_SETS:
        for doc_id, gold in sorted(load_gold(root / gold_dir).items()):
            for fmt in FORMATS:
                path = root / corpus_dir / f"{doc_id}.{fmt}"
                if path.is_file():
                    out.append(prepare(path, gold, with_rules))
    return out


def labelled(item: Prepared) -> tuple[list[list[list[str]]], list[list[str]], int]:
    """The feature and label sequences of one document, and how many gold bodies were not located."""
    spans = locate(item.document, item.gold.bodies)
    gold = sorted((s, b.role) for s, b in zip(spans, item.gold.bodies, strict=True) if s is not None)
    xs: list[list[list[str]]] = []
    ys: list[list[str]] = []
    for sequence in sequences(item.document, item.mentions):
        labels: list[str] = []
        previous: tuple[int, int] | None = None
        for start in sequence.starts:
            inside = next(((span, role) for span, role in gold if span[0] <= start < span[1]), None)
            if inside is None:
                labels.append(OUTSIDE)
                previous = None
            else:
                labels.append(label(inside[1], inside[0] != previous))
                previous = inside[0]
        xs.append(sequence.features)
        ys.append(labels)
    return xs, ys, sum(s is None for s in spans)


def train(items: Iterable[Prepared], path: Path, iterations: int | None = None) -> Path:
    """Train a model on `items` and write it to `path` (CRFsuite format), with the regularisation and
    iterations of `models/bodies_model.json` (`iterations` overrides them, for a quick test)."""
    from underthesea_core import CRFTrainer

    xs: list[list[list[str]]] = []
    ys: list[list[str]] = []
    for item in items:
        x, y, _ = labelled(item)
        xs.extend(x)
        ys.extend(y)
    config = settings()
    trainer = CRFTrainer(
        l2_penalty=config["l2_penalty"], max_iterations=iterations or config["max_iterations"], verbose=0
    )
    model = trainer.train(xs, ys)
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(str(path))
    return path


def split_folds(keys: Sequence[tuple[str, str]], k: int, seed: int | None = None) -> list[list[tuple[str, str]]]:
    """`keys` ((doc_id, format) pairs) in `k` folds, split by document: every format of one document
    falls in one fold, so a plan's .docx never tests a model trained on its .txt. Documents are shuffled
    with a fixed seed and dealt round-robin."""
    doc_ids = sorted({doc_id for doc_id, _ in keys})
    random.Random(settings()["seed"] if seed is None else seed).shuffle(doc_ids)
    fold_of = {doc_id: i % k for i, doc_id in enumerate(doc_ids)}
    folds: list[list[tuple[str, str]]] = [[] for _ in range(k)]
    for key in keys:
        folds[fold_of[key[0]]].append(key)
    return folds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the bodies model on the development gold.")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help=f"model file (default: {MODEL_PATH})")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    items = development_set()
    lost = sum(labelled(item)[2] for item in items)
    total = sum(len(item.gold.bodies) for item in items)
    train(items, args.out)
    print(
        f"trained on {len(items)} documents ({total - lost} of {total} gold bodies located) "
        f"in {time.perf_counter() - started:.1f} s: {args.out} ({args.out.stat().st_size / 1024:.0f} KB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
