"""Benchmark citations + metadata extraction per plan, and score them against the gold set.

Documents are ingested and structured once (not timed); then `extract_citations` and
`extract_metadata` run `--repeat` times over every rendition of the corpus (.txt, .docx, .pdf), warm
(lexicons loaded and patterns compiled by a first untimed pass). Prints the mean milliseconds per
plan per format and overall, wall clock and CPU time (the budget is 5 ms), and micro-averaged detection / exact F1 of
citations and metadata agreement against gold/, per format.

    taskset -c 0 python benchmarks/bench_citations.py --repeat 50

This is a measurement, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from extractors.citations import extract_citations
from extractors.metadata import extract_metadata
from pipeline.ingest import read_document
from pipeline.scoring import load_gold_file, score_kind, score_metadata
from pipeline.structure import build_document

ROOT = Path(__file__).resolve().parent.parent


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "plans")
    args = parser.parse_args()

    docs = [build_document(read_document(p), p.stem) for p in sorted(args.corpus.glob("*.*"))]
    for doc in docs:  # warm: lexicons, compiled patterns
        extract_metadata(doc, extract_citations(doc)[0])

    per_format: dict[str, list[float]] = defaultdict(list)
    cpu_ms = 0.0
    for _ in range(args.repeat):
        for doc in docs:
            c0, t0 = time.process_time(), time.perf_counter()
            citations, _ = extract_citations(doc)
            extract_metadata(doc, citations)
            per_format[doc.format].append((time.perf_counter() - t0) * 1000)
            cpu_ms += (time.process_time() - c0) * 1000

    # per format: citations detection tp/fp/fn, exact tp/fp/fn, metadata fields equal, fields scored
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * 8)
    for doc in docs:
        gold_path = ROOT / "gold" / f"{doc.doc_id}.json"
        if not gold_path.exists():
            continue
        gold = load_gold_file(gold_path)
        citations, _ = extract_citations(doc)
        kind, _ = score_kind("citations", gold.citations, citations, doc.fold)
        agreement, _ = score_metadata(gold.metadata, extract_metadata(doc, citations))
        c = counts[doc.format]
        det, exact = kind.detection, kind.exact
        equal, total = sum(agreement.equal.values()), sum(agreement.total.values())
        for i, v in enumerate((det.tp, det.fp, det.fn, exact.tp, exact.fp, exact.fn, equal, total)):
            c[i] += v

    report: dict[str, dict] = {}
    every = [ms for values in per_format.values() for ms in values]
    for fmt, values in sorted(per_format.items()):
        c = counts.get(fmt)
        row: dict = {"plans": len(values) // args.repeat, "ms_per_plan": round(sum(values) / len(values), 2)}
        if c:
            equal, total = c[6], c[7]
            row.update(
                citations_detection_f1=round(f1(*c[0:3]), 4),
                citations_exact_f1=round(f1(*c[3:6]), 4),
                metadata_agreement=round(equal / total, 4) if total else None,
            )
        report[fmt] = row
    report["all"] = {
        "ms_per_plan": round(sum(every) / len(every), 2),
        # CPU time of this process: what the wall clock reads on an idle core (the machine is shared)
        "cpu_ms_per_plan": round(cpu_ms / len(every), 2),
        "budget_ms": 5.0,
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
