"""Extraction work grows linearly with a plan's length (issue 13, item 7).

Not a timed test: it counts the source lines of `extractors/` that the bodies, tasks and criteria
extractors execute (sys.settrace, deterministic on any machine) on a plan and on the same plan four
times over. Linear work gives a ratio near 4; checking each mention against each citation, or each
cell against each body, gives far more. The seconds are in benchmarks/bench_scale.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from run_helpers import PLANS, big_plan

import extractors
from extractors import extract_all
from extractors.bodies import extract_bodies
from extractors.citations import extract_citations
from extractors.criteria import extract_criteria
from extractors.tasks import extract_tasks
from pipeline.process import load_document

SOURCE = PLANS / "nhu-khe_10-KH-DU_2025.txt"  # 37 KB with citations, bodies and two assignment tables


EXTRACTORS = str(Path(extractors.__file__).parent)


def lines_executed(call: Callable[[], object]) -> int:
    """How many source lines of the extractors package run during `call()`."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def enter(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(EXTRACTORS) else None

    sys.settrace(enter)
    try:
        call()
    finally:
        sys.settrace(None)
    return count


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("long")
    return [load_document(big_plan(folder / f"x{copies}.txt", copies, SOURCE)) for copies in (2, 8)]


def _ratio(documents, work) -> float:
    """Lines run on the long plan over lines run on the short one (4x longer)."""
    assert 3.9 < len(documents[1].text) / len(documents[0].text) < 4.1
    short, long = (lines_executed(work(document)) for document in documents)
    return long / short


def test_bodies_work_grows_linearly(documents):
    def work(document):
        citations = extract_citations(document)[0]
        return lambda: extract_bodies(document, citations, nlp=False)

    assert _ratio(documents, work) < 5


def test_tasks_work_grows_linearly(documents):
    def work(document):
        records = extract_all(document, nlp=False)
        return lambda: extract_tasks(document, records["bodies"], records["deadlines"])

    assert _ratio(documents, work) < 5


def test_criteria_work_grows_linearly(documents):
    def work(document):
        records = extract_all(document, nlp=False)
        return lambda: extract_criteria(document, records["bodies"])

    assert _ratio(documents, work) < 5
