"""The per-file step on Dask (`pipeline.cluster`) gives what a batch gives (issue 15: past one machine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cluster import process_one
from pipeline.errors import shown
from pipeline.process import process_file

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "corpus" / "plans").glob("*.txt"))[:2]


def _same_result(outcome_json: str, path: Path) -> bool:
    return outcome_json == process_file(path).model_dump_json(indent=1)


def test_one_file_gives_the_batch_result_and_its_cpu_time():
    outcome = process_one(str(PLANS[0]))
    assert outcome.error_code is None and _same_result(outcome.result_json, PLANS[0])
    assert outcome.cpu_seconds > 0


def test_a_bad_file_is_an_outcome_not_a_failed_map(tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip archive")
    outcome = process_one(str(bad))
    assert outcome.result_json is None and outcome.error_code


def test_the_files_run_on_a_dask_cluster_in_order():
    distributed = pytest.importorskip("distributed")
    from pipeline.cluster import process_on

    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        outcomes = process_on(client, PLANS)
    assert [outcome.source for outcome in outcomes] == [shown(path) for path in PLANS]
    assert all(_same_result(outcome.result_json, path) for outcome, path in zip(outcomes, PLANS, strict=True))
