"""Benchmark `kehoach run` on a 1,000-plan batch built from the corpus, with --jobs 1 and --jobs 2.

Builds two batches in a temporary folder: 1,000 .txt/.docx plans (copies of the corpus renditions,
each made unique so nothing is skipped as unchanged) and a PDF batch, runs the real command on each,
and reports docs/s, pages/s and the peak memory of one worker. A measurement, not a test:

    python benchmarks/bench_batch.py            # 1,000 text/Word plans and 150 PDFs
    python benchmarks/bench_batch.py --plans 200 --pdfs 30
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "corpus" / "plans"


def build_batch(folder: Path, suffixes: tuple[str, ...], count: int) -> int:
    """Copy the corpus renditions with these suffixes `count` times; return the number of PDF pages."""
    from pipeline.ingest import read_document

    sources = sorted(p for p in PLANS.iterdir() if p.suffix in suffixes)
    pages = {p: read_document(p).pages or 0 for p in sources}
    total_pages = 0
    for i in range(count):
        source = sources[i % len(sources)]
        target = folder / f"xa-{i:04d}{source.suffix}"
        data = source.read_bytes()
        # A .txt copy gets a trailing line; .docx/.pdf copies are byte-identical but differ by path,
        # and the batch keys its cache by path, so each is processed.
        target.write_bytes(data + (f"\n{i}\n".encode() if source.suffix == ".txt" else b""))
        total_pages += pages[source]
    return total_pages


def run(folder: Path, jobs: int) -> tuple[float, float]:
    out = folder.parent / f"out-{folder.name}-{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "pipeline.cli", "run", str(folder), "--out", str(out), "--jobs", str(jobs)]
    started = time.perf_counter()
    subprocess.run([*command, "--no-progress", "--format", "json"], check=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000, help=".txt/.docx plans in the first batch")
    parser.add_argument("--pdfs", type=int, default=150, help="PDF plans in the second batch")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        batches = {"txt+docx": (".txt", ".docx"), "pdf": (".pdf",)}
        counts = {"txt+docx": args.plans, "pdf": args.pdfs}
        print(f"{'batch':<9} {'jobs':>4} {'files':>6} {'seconds':>8} {'docs/s':>7} {'pages/s':>8} {'peak MB':>8}")
        for name, suffixes in batches.items():
            folder = root / name
            folder.mkdir()
            pages = build_batch(folder, suffixes, counts[name])
            for jobs in (1, 2):
                seconds, peak = run(folder, jobs)
                print(
                    f"{name:<9} {jobs:>4} {counts[name]:>6} {seconds:>8.1f} {counts[name] / seconds:>7.1f} "
                    f"{(pages / seconds) if pages else 0:>8.1f} {peak:>8.0f}"
                )
    print("peak MB: the largest resident set of any process the runs started (a worker or the parent)")


if __name__ == "__main__":
    main()
