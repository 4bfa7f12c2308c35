"""kehoach's per-file step on a Dask cluster, for a corpus one machine cannot take in time (issue 15).

`kehoach run` keeps its own worker processes on one machine (a timeout and a memory cap per file, see
`pipeline.workers`). Past one machine the same `process_file` runs on an existing engine instead of a
scheduler of ours: `process_on` maps `process_one` over the paths with a `distributed.Client` (a
`LocalCluster` on one machine, or a scheduler address for many) and gathers what each file gave. The
results are the `PlanResult` JSON a batch writes into `docs/`, so the tables can be built from them
with `pipeline.outputs.write_outputs` as after any run. docs/scaling.md has the measured run and what
it costs per 100,000 plans.

Dask is an optional extra (`pip install -e '.[cluster]'`); nothing else in kehoach imports it.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import INTERNAL, KehoachError, failure_message, shown
from pipeline.version import DEFAULT_BODY_MODE


@dataclass(frozen=True)
class FileOutcome:
    """What one file gave on a cluster worker: its result's JSON, or the error, and the CPU seconds
    it took (process time of the worker while it ran, what a cluster bills)."""

    source: str
    result_json: str | None
    error_code: str | None
    message: str | None
    cpu_seconds: float
    pages: int | None = None


def process_one(path: str, nlp: bool = True, bodies_mode: str = DEFAULT_BODY_MODE) -> FileOutcome:
    """`process_file` on one path, its failure kept as data (a bad file must not fail the whole map)."""
    from pipeline.process import process_file

    started = time.process_time()
    try:
        result = process_file(path, nlp=nlp, bodies_mode=bodies_mode)
        text = result.model_dump_json(indent=1)
        return FileOutcome(shown(path), text, None, None, time.process_time() - started, result.pages)
    except KehoachError as error:
        return FileOutcome(shown(path), None, error.code, error.message, time.process_time() - started)
    except Exception as error:  # a bug on one file is reported with that file, as a batch does
        detail = "".join(traceback.format_exception_only(type(error), error)).strip()
        message = failure_message(shown(path), INTERNAL, detail)
        return FileOutcome(shown(path), None, INTERNAL, message, time.process_time() - started)


def process_on(client: Any, paths: Iterable[str | Path], nlp: bool = True) -> list[FileOutcome]:
    """Every path through `process_one` on the cluster behind `client`, in the order given."""
    futures = client.map(process_one, [str(path) for path in paths], nlp=nlp, pure=False)
    return client.gather(futures)
