"""Benchmark ingest + normalize + structure (and extraction) per input format, on one core.

Measures, for each format of the bundled corpus (corpus/plans/*.txt|docx|pdf): documents/s, pages/s
(PDF pages; for .txt and .docx, pages of the matching PDF rendition, so the figures compare), the
time per document of each stage, and the peak resident memory of the process. Run it pinned to one
core for figures comparable with the README:

    taskset -c 0 python benchmarks/bench_ingest.py --repeat 5

This is a measurement, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

from extractors import extract_all
from pipeline.ingest import read_document
from pipeline.structure import build_document

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_format(files: list[Path], repeat: int, pdf_pages: dict[str, int]) -> dict:
    stage_ms: dict[str, list[float]] = {"ingest": [], "normalize+structure": [], "extract": []}
    total = 0.0
    documents = 0
    pages = 0
    for _ in range(repeat):
        for path in files:
            t0 = time.perf_counter()
            raw = read_document(path)
            t1 = time.perf_counter()
            document = build_document(raw, path.stem)
            t2 = time.perf_counter()
            extract_all(document)
            t3 = time.perf_counter()
            stage_ms["ingest"].append((t1 - t0) * 1000)
            stage_ms["normalize+structure"].append((t2 - t1) * 1000)
            stage_ms["extract"].append((t3 - t2) * 1000)
            total += t2 - t0
            documents += 1
            pages += raw.pages or pdf_pages.get(path.stem, 0)
    return {
        "documents": documents,
        "docs_per_s": round(documents / total, 1),
        "pages_per_s": round(pages / total, 1),
        "ms_per_doc": {stage: round(statistics.mean(values), 2) for stage, values in stage_ms.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT / "corpus" / "plans"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    pdf_pages = {p.stem: read_document(p).pages or 0 for p in sorted(corpus.glob("*.pdf"))}
    # Warm up: imports, lexicons and compiled patterns load once per process, as in a batch worker.
    for path in sorted(corpus.glob("*.txt")):
        extract_all(build_document(read_document(path), path.stem))
    results = {}
    for suffix in ("txt", "docx", "pdf"):
        files = sorted(corpus.glob(f"*.{suffix}"))
        if files:
            results[suffix] = bench_format(files, args.repeat, pdf_pages)
    results["peak_rss_mb"] = round(peak_rss_mb(), 1)
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(f"{'format':<6} {'docs/s':>8} {'pages/s':>8}  ms/doc: ingest  norm+struct  extract")
    for suffix, row in results.items():
        if suffix == "peak_rss_mb":
            continue
        ms = row["ms_per_doc"]
        print(
            f"{suffix:<6} {row['docs_per_s']:>8} {row['pages_per_s']:>8}  "
            f"{ms['ingest']:>14} {ms['normalize+structure']:>12} {ms['extract']:>8}"
        )
    print(f"peak memory: {results['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
