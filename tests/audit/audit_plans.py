"""Plans for the audit tests: the corpus plans as the pipeline reads them, and small plans built by hand.

`corpus_results` runs the pipeline once per test process, so the engine and message tests share it;
`make_plan` is a commune plan implementing 02-KH/BCĐTW, with the fields a test pins replaced.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pipeline.models import Metadata, PlanResult
from pipeline.process import process_file

ROOT = Path(__file__).resolve().parents[2]


@cache
def corpus_results() -> tuple[PlanResult, ...]:
    """The six .txt corpus plans, read without the NLP models (the audit needs none of their output)."""
    return tuple(process_file(p, nlp=False) for p in sorted((ROOT / "corpus" / "plans").glob("*.txt")))


def make_plan(**kw) -> PlanResult:
    """A commune plan of 1/9/2025 implementing 02-KH/BCĐTW, with `kw` replacing any field."""
    base = {
        "doc_id": "x",
        "format": "txt",
        "content_hash": "0",
        "pipeline_version": "test",
        "metadata": Metadata(
            number="1/KH-UBND", date="2025-09-01", issuer="Ủy ban nhân dân xã", implements=["02-KH/BCĐTW"]
        ),
    }
    base.update(kw)
    return PlanResult(**base)
