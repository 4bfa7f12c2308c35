"""Time and memory against a plan's length: does the work grow linearly?

Builds long plans from the corpus (the six .txt plans one after the other until the size is reached;
the six PDFs' pages until the page count is reached), then reads each in a fresh process, warmed on a
small plan first, and reports the seconds per stage (ingest, normalize + structure, extractors), the
seconds per MB or per 1,000 pages, and the process's peak memory. A measurement, not a test (the
test of linear growth counts executed lines: tests/test_linear.py):

    python benchmarks/bench_scale.py                       # .txt 100 KB, 1 MB, 5 MB; PDF 1,000 and 4,000 pages
    python benchmarks/bench_scale.py --kb 100,1000 --pages 250
    python benchmarks/bench_scale.py --run                 # also the real `kehoach run`, default limits

The process reading a plan has no memory cap, so the figures show what a plan needs; `--run` shows
what `kehoach run` does with it under its default limits (--max-size 50 MB, --memory 1024 MB).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "corpus" / "plans"

MEASURE = """
import json, resource, sys, time
from extractors import extract_all
from pipeline.ingest import read_document
from pipeline.process import doc_id_for, process_file
from pipeline.structure import build_document
process_file(sys.argv[2])  # warm: lexicons, models, templates
path = sys.argv[1]
t0 = time.perf_counter()
raw = read_document(path, max_mb=10_000)
t1 = time.perf_counter()
document = build_document(raw, doc_id_for(path))
t2 = time.perf_counter()
records = extract_all(document)
t3 = time.perf_counter()
print(json.dumps({"ingest": t1 - t0, "structure": t2 - t1, "extract": t3 - t2, "total": t3 - t0,
                  "chars": len(document.text), "bodies": len(records["bodies"]),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def long_text(path: Path, kb: int) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(PLANS.glob("*.txt"))]
    parts: list[str] = []
    size = 0
    while size < kb * 1024:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def long_pdf(path: Path, pages: int) -> Path:
    import pypdfium2 as pdfium

    sources = [pdfium.PdfDocument(p) for p in sorted(PLANS.glob("*.pdf"))]
    document = pdfium.PdfDocument.new()
    turn = 0
    while len(document) < pages:
        source = sources[turn % len(sources)]
        document.import_pages(source, list(range(min(len(source), pages - len(document)))))
        turn += 1
    document.save(path)
    return path


def measure(path: Path) -> dict:
    warm = PLANS / "xuan-hung_KH-02_2025.txt"
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), str(warm)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def through_run(path: Path, out: Path) -> str:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(path), "--out", str(out), "--no-progress", "--jobs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=3600,
    )
    seconds = time.perf_counter() - started
    line = next((x.strip() for x in done.stderr.splitlines() if x.strip().startswith("failed:")), "ok")
    return f"{seconds:.1f} s, {line[:140]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", default="100,1000,5000", help="sizes of the .txt plans in KB")
    parser.add_argument("--pages", default="1000,4000", help="page counts of the PDF plans")
    parser.add_argument("--run", action="store_true", help="also run each file through `kehoach run`")
    args = parser.parse_args()
    cases: list[tuple[str, float, str, Path]] = []
    with tempfile.TemporaryDirectory() as folder:
        for kb in [int(x) for x in args.kb.split(",") if x]:
            path = long_text(Path(folder) / f"plan-{kb}kb.txt", kb)
            cases.append((f".txt {kb:,} KB", path.stat().st_size / 2**20, "MB", path))
        for pages in [int(x) for x in args.pages.split(",") if x]:
            path = long_pdf(Path(folder) / f"plan-{pages}p.pdf", pages)
            cases.append(
                (f".pdf {pages:,} pages ({path.stat().st_size / 2**20:.1f} MB)", pages / 1000, "1k pages", path)
            )
        print("| plan | ingest s | normalize+structure s | extractors s | total s | s per unit | peak MB |")
        print("|---|---|---|---|---|---|---|")
        for name, units, unit, path in cases:
            m = measure(path)
            print(
                f"| {name} | {m['ingest']:.1f} | {m['structure']:.1f} | {m['extract']:.1f} | {m['total']:.1f} "
                f"| {m['total'] / units:.1f} per {unit} | {m['peak_mb']:.0f} |",
                flush=True,
            )
        if args.run:
            print("\n`kehoach run FILE --jobs 1`, default limits:")
            for name, _, _, path in cases:
                print(f"- {name}: {through_run(path, Path(folder) / ('out-' + path.stem))}", flush=True)


if __name__ == "__main__":
    main()
