"""Where a plan's time goes: seconds per stage and the costliest functions, over the bench corpus.

Reads every plan of `corpus/plans/` and `corpus/real/dev/` (never the held-out sets) in one process,
warm (each file once before measuring), and times each stage of `process_file` (ingest; normalize +
structure; each extractor; the `PlanResult`), then profiles the same work with cProfile and prints
the functions with the most time of their own and the most time under them. Issue 15 takes the
biggest of these first. A measurement, not a test:

    taskset -c 1 python benchmarks/bench_profile.py            # one core
    taskset -c 1 python benchmarks/bench_profile.py --top 40 --suffix .pdf
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "corpus" / "plans", ROOT / "corpus" / "real" / "dev")


def _files(suffixes: tuple[str, ...]) -> list[Path]:
    return sorted(p for folder in FOLDERS for p in folder.iterdir() if p.suffix in suffixes)


def _stages(path: Path, seconds: dict[str, float]) -> None:
    """One file through the flow as `process_file` runs it, each stage's seconds added to `seconds`."""
    from extractors import (
        bodies_by_mode,
        extract_citations,
        extract_criteria,
        extract_deadlines,
        extract_metadata,
        extract_targets,
        extract_tasks,
    )
    from pipeline.ingest import read_document
    from pipeline.models import PlanResult
    from pipeline.process import doc_id_for
    from pipeline.structure import build_document

    clock = time.perf_counter
    t = clock()
    raw = read_document(path)
    seconds["ingest"] += clock() - t
    t = clock()
    document = build_document(raw, doc_id_for(path))
    seconds["normalize+structure"] += clock() - t
    t = clock()
    citations, _ = extract_citations(document)
    seconds["citations"] += clock() - t
    t = clock()
    metadata = extract_metadata(document, citations)
    seconds["metadata"] += clock() - t
    t = clock()
    targets = extract_targets(document, nlp=True)
    seconds["targets"] += clock() - t
    t = clock()
    deadlines, _ = extract_deadlines(document, citations)
    seconds["deadlines"] += clock() - t
    t = clock()
    bodies = bodies_by_mode(document, citations, nlp=True)
    seconds["bodies"] += clock() - t
    t = clock()
    tasks = extract_tasks(document, bodies, deadlines)
    seconds["tasks"] += clock() - t
    t = clock()
    criteria = extract_criteria(document, bodies)
    seconds["criteria"] += clock() - t
    t = clock()
    result = PlanResult(
        doc_id=document.doc_id,
        source=str(path),
        format=document.format,
        content_hash="0",
        pipeline_version="0",
        metadata=metadata,
        citations=citations,
        targets=targets,
        deadlines=deadlines,
        bodies=bodies,
        tasks=tasks,
        criteria=criteria,
    )
    result.model_dump_json()
    seconds["result+json"] += clock() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suffix", nargs="+", default=[".txt", ".docx", ".pdf"], help="formats to read")
    parser.add_argument("--top", type=int, default=25, help="functions to list")
    args = parser.parse_args()
    files = _files(tuple(args.suffix))
    warm: dict[str, float] = defaultdict(float)
    for path in files:
        _stages(path, warm)
    seconds: dict[str, float] = defaultdict(float)
    for path in files:
        _stages(path, seconds)
    total = sum(seconds.values())
    print(f"{len(files)} files, {total:.2f} s, {1000 * total / len(files):.1f} ms per file (warm)")
    for stage, figure in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"  {stage:<20} {1000 * figure / len(files):7.1f} ms per file  {100 * figure / total:5.1f} %")
    profile = cProfile.Profile()
    profile.enable()
    for path in files:
        _stages(path, defaultdict(float))
    profile.disable()
    for order in ("tottime", "cumulative"):
        text = io.StringIO()
        pstats.Stats(profile, stream=text).sort_stats(order).print_stats(args.top)
        print(text.getvalue())


if __name__ == "__main__":
    main()
