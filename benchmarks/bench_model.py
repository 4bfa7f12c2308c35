"""Cross-validate the learned bodies model against the rules, by document, on the development gold only.

    python benchmarks/bench_model.py [--folds 5] [--json FILE]

Each fold's model is trained on the other folds' documents (every format of a document stays in one
fold: `pipeline.body_training.split_folds`) and tested on its own; the rules need no training and are
run on the same documents. Every variant is scored with the project's scorer (`pipeline.scoring.score_kind`,
the pairing `kehoach score` uses), per fold and pooled, on corpus/plans (three formats) and on
corpus/real/dev apart, since the rules were written on the first and the second is what generalising means.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.body_model import combine, settings, tagged_bodies  # noqa: E402
from pipeline.body_training import Prepared, development_set, split_folds, train  # noqa: E402
from pipeline.models import Body  # noqa: E402
from pipeline.scoring import KindScore, score_kind  # noqa: E402
from pipeline.textmatch import document_text_for_quotes  # noqa: E402

SHIPPED = settings()["min_confidence"]
# Each variant from (the rules' records, the model's records with their confidences). The three of
# `kehoach run --bodies`, then rules + model at other least confidences, to show what the shipped one buys.
VARIANTS: dict[str, Callable[[list[Body], list[tuple[Body, float]]], list[Body]]] = {
    "rules": lambda rules, model: rules,
    "model": lambda rules, model: [b for b, _ in model],
    "rules+model": partial(combine, least=SHIPPED),
    **{f"rules+model@{c}": partial(combine, least=c) for c in (0.0, 0.5, 0.7, 0.9, 0.95) if c != SHIPPED},
}
MAIN = ("rules", "model", "rules+model")


def _subset(item: Prepared) -> str:
    return "corpus/plans" if "/corpus/plans/" in item.document.path.replace("\\", "/") else "corpus/real/dev"


def _text(item: Prepared) -> str | None:
    """The .txt of the document, folded, for the scorer's document-order tie-break (as `kehoach score`)."""
    path = Path(item.document.path).with_suffix(".txt")
    return document_text_for_quotes(path) if path.is_file() else None


def cross_validate(items: list[Prepared], k: int, workdir: Path) -> dict:
    """Scores per fold, subset and variant, and pooled; with training and tagging times."""
    by_key = {item.key: item for item in items}
    folds = split_folds(list(by_key), k)
    results: dict = {"folds": [], "pooled": {}}
    pooled: dict[str, dict[str, KindScore]] = {}
    for index, fold in enumerate(folds):
        test = set(fold)
        started = time.perf_counter()
        path = train((i for i in items if i.key not in test), workdir / f"fold{index}.crfsuite")
        trained = time.perf_counter() - started
        scores: dict[str, dict[str, KindScore]] = {}
        tag_time = 0.0
        for key in fold:
            item = by_key[key]
            started = time.perf_counter()
            learned = tagged_bodies(item.document, item.citations, item.mentions, path)
            tag_time += time.perf_counter() - started
            text = _text(item)
            for name, make in VARIANTS.items():
                kind, _ = score_kind("bodies", item.gold.bodies, make(item.rules, learned), text)
                for bucket in (scores, pooled):
                    bucket.setdefault(_subset(item), {}).setdefault(name, KindScore("bodies")).add(kind)
        results["folds"].append(
            {
                "fold": index,
                "documents": sorted({d for d, _ in fold}),
                "train_seconds": round(trained, 1),
                "tag_ms_per_document": round(1000 * tag_time / max(1, len(fold)), 1),
                "scores": _plain(scores),
            }
        )
    results["pooled"] = _plain(pooled)
    results["all"] = {}
    for name in VARIANTS:
        total = KindScore("bodies")
        for variants in pooled.values():
            total.add(variants[name])
        results["all"][name] = total.exact.f1
    return results


def _plain(scores: dict[str, dict[str, KindScore]]) -> dict:
    return {
        subset: {name: {"detection": s.detection.to_dict(), "exact": s.exact.to_dict()} for name, s in variants.items()}
        for subset, variants in scores.items()
    }


def _table(results: dict) -> str:
    lines = [
        f"bodies, F1 detection / exact (tp fp fn of exact); rules+model adds model records of confidence >= {SHIPPED}"
    ]
    header = f"  {'scope':<12}" + "".join(f"{name:>26}" for name in MAIN)
    rows = [(f"fold {f['fold']}", f["scores"]) for f in results["folds"]] + [("pooled", results["pooled"])]
    for subset in ("corpus/real/dev", "corpus/plans"):
        lines += ["", f"[{subset}]", header]
        for scope, scores in rows:
            if subset not in scores:
                continue
            cells = []
            for name in MAIN:
                s = scores[subset][name]
                e = s["exact"]
                cells.append(f"{s['detection']['f1']:.3f} / {e['f1']:.3f} ({e['tp']} {e['fp']} {e['fn']})")
            lines.append(f"  {scope:<12}" + "".join(f"{c:>26}" for c in cells))
    lines += ["", "pooled, rules + model at other least confidences (exact F1): real/dev, plans, all"]
    for name in VARIANTS:
        if name not in MAIN[:2]:
            pooled = results["pooled"]
            figures = [pooled[subset][name]["exact"]["f1"] for subset in ("corpus/real/dev", "corpus/plans")]
            lines.append(f"  {name:<18} " + "  ".join(f"{f:.3f}" for f in figures) + f"  {results['all'][name]:.3f}")
    lines.append(
        f"  {'rules':<18} "
        + "  ".join(f"{results['pooled'][s]['rules']['exact']['f1']:.3f}" for s in ("corpus/real/dev", "corpus/plans"))
        + f"  {results['all']['rules']:.3f}"
    )
    times = ", ".join(f"{f['train_seconds']} s" for f in results["folds"])
    tags = ", ".join(f"{f['tag_ms_per_document']} ms" for f in results["folds"])
    lines += ["", f"training per fold: {times}; tagging per document: {tags}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=settings()["folds"])
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    items = development_set(ROOT, with_rules=True)
    with tempfile.TemporaryDirectory(prefix="bench-model-") as workdir:
        results = cross_validate(items, args.folds, Path(workdir))
    print(_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
