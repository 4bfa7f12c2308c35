"""kehoach's per-file step over the bench corpus on Dask's local cluster, and its cost per 100,000 plans.

Builds the same batch as `bench_batch.py` (1,000 .txt/.docx plans and 150 PDFs from corpus/plans),
starts a `distributed.LocalCluster` of `--workers` processes with one thread each, maps
`pipeline.cluster.process_one` over every file, and prints the wall seconds, plans/s, the CPU seconds
the workers spent (summed per file) and what 100,000 plans would take in CPU-hours at this mix. The
machine's load is printed before and after. Needs the optional extra: `pip install -e '.[cluster]'`.
A measurement, not a test:

    python benchmarks/bench_dask.py                       # 2 workers, 1,000 text/Word + 150 PDFs
    python benchmarks/bench_dask.py --plans 200 --pdfs 30 --workers 2
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_batch import build_batch, load_average  # the same batch and load line as the batch benchmark


def _warm() -> None:
    """Import the extractors and models in each worker before timing, as `kehoach run` does before forking."""
    import pipeline.process  # noqa: F401


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000, help=".txt/.docx plans")
    parser.add_argument("--pdfs", type=int, default=150, help="PDF plans")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    from pipeline.cluster import process_on

    print(load_average())
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        paths: list[Path] = []
        for name, suffixes, count in (("txt+docx", (".txt", ".docx"), args.plans), ("pdf", (".pdf",), args.pdfs)):
            if count:
                (root / name).mkdir()
                build_batch(root / name, suffixes, count)
                paths += sorted((root / name).iterdir())
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        with cluster, Client(cluster) as client:
            client.run(_warm)
            started = time.perf_counter()
            outcomes = process_on(client, paths)
            seconds = time.perf_counter() - started
    failed = [outcome for outcome in outcomes if outcome.result_json is None]
    cpu = sum(outcome.cpu_seconds for outcome in outcomes)
    pages = sum(outcome.pages or 0 for outcome in outcomes)
    per_100k = cpu / len(outcomes) * 100_000 / 3600
    print(f"{len(outcomes)} files ({pages} PDF pages), {len(failed)} failed, {args.workers} workers")
    print(f"wall {seconds:.1f} s, {len(outcomes) / seconds:.1f} plans/s")
    print(f"CPU {cpu:.1f} s in the workers, {1000 * cpu / len(outcomes):.1f} ms a plan")
    print(f"per 100,000 plans of this mix: {per_100k:.2f} CPU-hours")
    print(load_average())


if __name__ == "__main__":
    main()
