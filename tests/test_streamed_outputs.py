"""A batch streams its results into the tables (issue 15): each result is written to every output as it
is read, and the parent never holds every result. What it writes must be what the whole-list writers
write: the same CSV bytes, the same workbook bytes, the same database rows, and row ids in the order of
the source files whichever order the results came in."""

from __future__ import annotations

import random
import sqlite3
import zipfile
from pathlib import Path

import pytest
from run_helpers import PLANS

from pipeline.batch import _everything
from pipeline.models import PlanResult
from pipeline.outputs import manifest as manifests
from pipeline.outputs import spreadsheets, write_outputs
from pipeline.outputs.cells import CellCounts
from pipeline.outputs.spreadsheets import CsvStream, WorkbookStream, write_csv_tables, write_workbook
from pipeline.outputs.tables import TABLES, build_tables, result_rows
from pipeline.process import process_file
from pipeline.workers import Outcome

FORMATS = ["jsonl", "csv", "xlsx", "sqlite"]


@pytest.fixture(scope="module")
def results() -> list[PlanResult]:
    """Six results: a plan in .txt and .docx and another in .txt, each also under a second name."""
    made = []
    for path in [
        PLANS / "xuan-hung_KH-02_2025.txt",
        PLANS / "xuan-hung_KH-02_2025.docx",
        PLANS / "phin-ho_KH-UBND_2025.txt",
    ]:
        result = process_file(path)
        made.append(result)
        made.append(result.model_copy(update={"source": f"khac/{result.source}", "doc_id": f"{result.doc_id}-b"}))
    return made


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def _streamed_tables(results: list[PlanResult], counts: CellCounts, sinks: list) -> dict[str, list[dict]]:
    """Feed the sinks as a batch does (results in source order, then the summary and errors whole)."""
    whole = build_tables(results, [], CellCounts())
    for result in sorted(results, key=lambda r: r.source):
        for name, rows in result_rows(result, counts).items():
            for sink in sinks:
                sink.add(name, rows)
    return {"summary": whole["summary"], "errors": whole["errors"]}


def test_the_streamed_workbook_is_the_whole_list_workbook_byte_for_byte(tmp_path, results, monkeypatch):
    monkeypatch.setattr(spreadsheets, "SAMPLED_ROWS", 7)  # some sheets fill past their held rows, some not
    whole = write_workbook(build_tables(results, [], CellCounts()), tmp_path / "whole.xlsx", CellCounts())
    stream = WorkbookStream(tmp_path / "streamed.xlsx", CellCounts())
    streamed = stream.finish(_streamed_tables(results, CellCounts(), [stream]))
    assert _parts(streamed) == _parts(whole)
    assert len(_parts(whole)) > 10


def test_the_streamed_csv_tables_are_the_whole_list_tables_byte_for_byte(tmp_path, results):
    (tmp_path / "whole").mkdir()
    whole = write_csv_tables(build_tables(results, [], CellCounts()), tmp_path / "whole")
    stream = CsvStream(tmp_path / "streamed")
    streamed = stream.finish(_streamed_tables(results, CellCounts(), [stream]))
    assert [p.name for p in streamed] == [p.name for p in whole] == [f"{name}.csv" for name in TABLES]
    for a, b in zip(whole, streamed, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert not list((tmp_path / "streamed").glob(".*.tmp"))


def test_results_in_any_order_or_streamed_write_the_same_outputs(tmp_path, results):
    shuffled = results[:]
    random.Random(3).shuffle(shuffled)
    write_outputs(tmp_path / "list", shuffled, [{"source_file": "x.txt", "error": "empty", "message": "rỗng"}], FORMATS)
    in_order = sorted(results, key=lambda r: r.source)
    write_outputs(
        tmp_path / "iter",
        iter(in_order),
        [{"source_file": "x.txt", "error": "empty", "message": "rỗng"}],
        FORMATS,
        [r.source for r in in_order],
    )
    for name in ["results.jsonl", *(f"{table}.csv" for table in TABLES)]:
        assert (tmp_path / "list" / name).read_bytes() == (tmp_path / "iter" / name).read_bytes(), name
    assert _parts(tmp_path / "list" / "kehoach.xlsx") == _parts(tmp_path / "iter" / "kehoach.xlsx")
    dumps = []
    for folder in ("list", "iter"):
        database = sqlite3.connect(tmp_path / folder / "kehoach.sqlite")
        dumps.append(list(database.iterdump()))
        sources = [s for (s,) in database.execute("SELECT source_file FROM documents ORDER BY id")]
        assert sources == sorted(r.source for r in results)  # row ids follow the files, not the arrival
    assert dumps[0] == dumps[1]


def test_the_database_keeps_unchanged_documents_and_drops_the_ones_not_given(tmp_path, results):
    write_outputs(tmp_path, results, [], ["sqlite"])
    database = sqlite3.connect(tmp_path / "kehoach.sqlite")
    before = dict(database.execute("SELECT source_file, id FROM documents"))
    database.close()
    kept = results[1:]
    write_outputs(tmp_path, kept, [], ["sqlite"])
    database = sqlite3.connect(tmp_path / "kehoach.sqlite")
    after = dict(database.execute("SELECT source_file, id FROM documents"))
    assert after == {r.source: before[r.source] for r in kept}  # unchanged: same rows, same ids
    assert database.execute("SELECT count(*) FROM summary").fetchone()[0] == len({r.doc_id for r in kept})


def test_a_batch_reads_each_result_only_as_it_writes_it(tmp_path, results, monkeypatch):
    out = tmp_path / "out"
    (out / manifests.DOCS).mkdir(parents=True)
    manifest = {}
    for i, result in enumerate(results):
        name = f"{manifests.DOCS}/r{i}.json"
        (out / name).write_text(result.model_dump_json(), encoding="utf-8")
        manifest[result.source] = manifests.Entry(
            content_hash=result.content_hash, pipeline_version=result.pipeline_version, status="ok", output=name
        )
    reads: list[str] = []
    real = manifests.read_result
    monkeypatch.setattr(manifests, "read_result", lambda path: reads.append(path.name) or real(path))
    from pipeline.batch import BatchSummary

    sources, stream, errors = _everything(out, manifest, {}, BatchSummary([Outcome("x", "skipped")]))
    assert sources == sorted(r.source for r in results) and errors == []
    assert reads == []  # nothing read until asked for
    first = next(stream)
    assert first.source == sources[0] and len(reads) == 1
    assert [r.source for r in stream] == sources[1:]
