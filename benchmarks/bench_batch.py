"""Benchmark `kehoach run` on a 1,000-plan batch built from the corpus, with --jobs 1 and --jobs 2.

Builds two batches in a temporary folder: 1,000 .txt/.docx plans (copies of the corpus renditions,
each made unique so nothing is skipped as unchanged) and a PDF batch, runs the real command on each,
and reports docs/s, pages/s and the peak memory of any process of a run (parent or worker). Then it
runs the first batch again, unchanged, with every output format: once to build the tables from the
cached results, once more with nothing changed (issue 15: that rerun must touch nothing and take under
a second for 5,000 plans), and once after `--changed` of its .txt plans changed (the cost of a rerun
should follow what changed). Last, the plain-reading floor over the same files (a file read, python-docx
paragraphs, pypdfium2 page text, `--jobs` processes) and how many times its seconds kehoach takes.
The machine's load is printed before and after, since another job on a 2-core machine halves a figure.
A measurement, not a test:

    python benchmarks/bench_batch.py            # 1,000 text/Word plans and 150 PDFs
    python benchmarks/bench_batch.py --plans 200 --pdfs 30 --repeat 3
    python benchmarks/bench_batch.py --plans 5000 --pdfs 0 --jobs 2    # the rerun of 5,000 plans
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "corpus" / "plans"
CPU_SECONDS: list[float] = []  # of each command `_timed` ran, in order


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


def _timed(command: list[str], quiet: bool = False) -> tuple[float, float]:
    """Seconds and peak resident MB of one command: the largest of its process and the workers it
    waited for (`wait4` gives this run's own figure, not the largest of every run so far). The CPU
    seconds of the same processes go to `CPU_SECONDS`: on a shared 2-core machine they move less than
    the wall seconds when another job runs."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL if quiet else None)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    CPU_SECONDS.append(usage.ru_utime + usage.ru_stime)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return seconds, usage.ru_maxrss / 1024


def run(folder: Path, jobs: int) -> tuple[float, float]:
    out = folder.parent / f"out-{folder.name}-{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    return _timed([*_command(folder, out, jobs), "--no-progress", "--format", "json"])


def rerun(folder: Path, jobs: int, changed: int) -> list[tuple[float, float]]:
    """Seconds and peak MB of three reruns of a batch `run` processed, every format: the tables built,
    then nothing changed, then `changed` of its .txt plans changed."""
    out = folder.parent / f"out-{folder.name}-{jobs}"
    command = [*_command(folder, out, jobs), "--no-progress"]
    figures = [_timed(command, quiet=True), _timed(command, quiet=True)]
    for path in sorted(folder.glob("*.txt"))[:changed]:
        with path.open("a", encoding="utf-8") as stream:
            stream.write("\nchanged\n")
    figures.append(_timed(command, quiet=True))
    return figures


def _read_plainly(path: Path) -> int:
    """What merely reading a plan costs: the text of a .txt, the paragraphs of a .docx (python-docx),
    each page's text of a PDF (pypdfium2). The characters read, so nothing is optimised away."""
    if path.suffix == ".txt":
        return len(path.read_bytes().decode("utf-8", "replace"))
    if path.suffix == ".docx":
        import docx

        return sum(len(paragraph.text) for paragraph in docx.Document(str(path)).paragraphs)
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return sum(len(page.get_textpage().get_text_range()) for page in pdf)
    finally:
        pdf.close()


def floor(folder: Path, jobs: int) -> float:
    """Seconds to read every plan of `folder` plainly with `jobs` processes (modules loaded first)."""
    import multiprocessing

    import docx  # noqa: F401  (loaded before timing, as kehoach's workers load theirs before forking)
    import pypdfium2  # noqa: F401

    files = sorted(folder.iterdir())
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        started = time.perf_counter()
        pool.map(_read_plainly, files, chunksize=16)
        return time.perf_counter() - started


def load_average() -> str:
    """The machine's load, printed beside every benchmark: this machine's cores are shared."""
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
    parser.add_argument("--changed", type=int, default=10, help=".txt plans changed before the last rerun")
    args = parser.parse_args()
    print(load_average())
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        batches = {"txt+docx": (".txt", ".docx"), "pdf": (".pdf",)}
        counts = {"txt+docx": args.plans, "pdf": args.pdfs}
        best: dict[tuple[str, int], float] = {}
        print(
            f"{'batch':<9} {'jobs':>4} {'files':>6} {'seconds':>11} {'docs/s':>11} {'pages/s':>11} {'peak MB':>8} "
            f"{'CPU ms/doc':>11}"
        )
        for name, suffixes in batches.items():
            if not counts[name]:
                continue
            folder = root / name
            folder.mkdir()
            pages = build_batch(folder, suffixes, counts[name])
            for jobs in args.jobs:
                runs = [run(folder, jobs) for _ in range(args.repeat)]
                cpu = CPU_SECONDS[-args.repeat :]
                seconds = [figure for figure, _ in runs]
                best[name, jobs] = min(seconds)
                rates = [counts[name] / figure for figure in seconds]
                page_rates = [pages / figure for figure in seconds] if pages else [0.0]
                print(
                    f"{name:<9} {jobs:>4} {counts[name]:>6} {_spread(seconds):>11} {_spread(rates, max):>11} "
                    f"{_spread(page_rates, max):>11} {max(peak for _, peak in runs):>8.0f} "
                    f"{1000 * min(cpu) / counts[name]:>11.1f}"
                )
        if counts["txt+docx"]:  # after the batches, so that their peak is the batches' own, not the tables'
            jobs = args.jobs[-1]
            (tables, tables_mb), (unchanged, unchanged_mb), (changed, changed_mb) = rerun(
                root / "txt+docx", jobs, args.changed
            )
            print(
                f"rerun of {counts['txt+docx']} plans, every format, --jobs {jobs}: {tables:.2f} s building the "
                f"tables (peak {tables_mb:.0f} MB), {unchanged:.2f} s with nothing changed (peak {unchanged_mb:.0f} "
                f"MB), {changed:.2f} s after {args.changed} changed (peak {changed_mb:.0f} MB)"
            )
        print(f"plain-reading floor ({load_average()}):")
        for name in batches:
            if not counts[name]:
                continue
            for jobs in args.jobs:
                seconds = floor(root / name, jobs)
                print(
                    f"  {name:<9} --jobs {jobs}: {counts[name] / seconds:.1f} docs/s; "
                    f"kehoach takes {best[name, jobs] / seconds:.1f}x the floor's seconds"
                )
    print("seconds: min/median over --repeat runs; docs/s and pages/s: max/median")
    print("CPU ms/doc: user+system seconds of the run's processes (parent and workers) a document, least of --repeat")
    print("peak MB: the largest resident set of a run's processes (the parent or a worker), largest over --repeat")
    print(load_average())


if __name__ == "__main__":
    main()
