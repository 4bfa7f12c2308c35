"""Benchmark `kehoach run` on a 1,000-plan batch built from the corpus, with --jobs 1 and --jobs 2.

Builds two batches in a temporary folder: 1,000 .txt/.docx plans (copies of the corpus renditions,
each made unique so nothing is skipped as unchanged) and a PDF batch, runs the real command on each,
and reports docs/s, pages/s and the peak memory of one worker. Last it runs the first batch again,
unchanged, with every output format: once to build the tables from the cached results, once more with
nothing changed (issue 15: that rerun must touch nothing and take under a second for 5,000 plans).
The machine's load is printed before and after, since another job on a 2-core machine halves a figure.
A measurement, not a test:

    python benchmarks/bench_batch.py            # 1,000 text/Word plans and 150 PDFs
    python benchmarks/bench_batch.py --plans 200 --pdfs 30 --repeat 3
    python benchmarks/bench_batch.py --plans 5000 --pdfs 0 --jobs 2    # the rerun of 5,000 plans
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
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


def _command(folder: Path, out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", "run", str(folder), "--out", str(out), "--jobs", str(jobs)]


def run(folder: Path, jobs: int) -> tuple[float, float]:
    out = folder.parent / f"out-{folder.name}-{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([*_command(folder, out, jobs), "--no-progress", "--format", "json"], check=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_mb


def rerun(folder: Path, jobs: int) -> list[float]:
    """Seconds of two reruns of a batch `run` processed, every format: the tables built, then nothing changed."""
    out = folder.parent / f"out-{folder.name}-{jobs}"
    seconds = []
    for _ in range(2):
        started = time.perf_counter()
        subprocess.run([*_command(folder, out, jobs), "--no-progress"], check=True, cwd=ROOT, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - started)
    return seconds


def _load() -> str:
    return "load average " + " ".join(f"{figure:.2f}" for figure in os.getloadavg())


def _spread(figures: list[float], best=min) -> str:
    """The best figure, and the median after a slash where there are several."""
    shown = f"{best(figures):.1f}"
    return shown if len(figures) == 1 else f"{shown}/{statistics.median(figures):.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000, help=".txt/.docx plans in the first batch")
    parser.add_argument("--pdfs", type=int, default=150, help="PDF plans in the second batch")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to measure")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; min/median shown when above 1")
    args = parser.parse_args()
    print(_load())
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        batches = {"txt+docx": (".txt", ".docx"), "pdf": (".pdf",)}
        counts = {"txt+docx": args.plans, "pdf": args.pdfs}
        print(f"{'batch':<9} {'jobs':>4} {'files':>6} {'seconds':>11} {'docs/s':>11} {'pages/s':>11} {'peak MB':>8}")
        for name, suffixes in batches.items():
            if not counts[name]:
                continue
            folder = root / name
            folder.mkdir()
            pages = build_batch(folder, suffixes, counts[name])
            for jobs in args.jobs:
                runs = [run(folder, jobs) for _ in range(args.repeat)]
                seconds = [figure for figure, _ in runs]
                rates = [counts[name] / figure for figure in seconds]
                page_rates = [pages / figure for figure in seconds] if pages else [0.0]
                print(
                    f"{name:<9} {jobs:>4} {counts[name]:>6} {_spread(seconds):>11} {_spread(rates, max):>11} "
                    f"{_spread(page_rates, max):>11} {max(peak for _, peak in runs):>8.0f}"
                )
        if counts["txt+docx"]:  # last, so that the peak above is the batches' own, not the tables'
            jobs = args.jobs[-1]
            tables, unchanged = rerun(root / "txt+docx", jobs)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(
                f"rerun of {counts['txt+docx']} unchanged plans, every format, --jobs {jobs}: "
                f"{tables:.2f} s building the tables, then {unchanged:.2f} s with nothing changed (peak {peak:.0f} MB)"
            )
    print("seconds: min/median over --repeat runs; docs/s and pages/s: max/median")
    print("peak MB: the largest resident set of any process the runs started (a worker or the parent)")
    print(_load())


if __name__ == "__main__":
    main()
