"""Property-based fuzzing of `kehoach run` (issue 13): whatever the files hold and whatever they are
called, the run does not crash, every file gets a result or a typed error, and every output reads.

Inputs: random bytes; random Unicode (control characters, lone surrogates, right-to-left marks,
combining marks) alone or spliced into a real plan; real .docx and .pdf files cut at a random byte;
file names of random Unicode or of bytes that are not UTF-8. Examples are few and derandomized so
the suite stays fast and repeatable; `KEHOACH_FUZZ_EXAMPLES=500 pytest tests/test_fuzz.py` explores
more.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from run_helpers import PLANS

from pipeline.batch import run_batch
from pipeline.errors import KehoachError, cacheable_codes, shown
from pipeline.outputs import write_outputs
from pipeline.outputs.spreadsheets import sheet_title
from pipeline.outputs.tables import TABLES
from pipeline.process import process_file

EXAMPLES = int(os.environ.get("KEHOACH_FUZZ_EXAMPLES", "10"))
TYPED_CODES = {*cacheable_codes(), "timeout", "too_large", "not_a_file", "memory", "output"}
REAL_TEXT = (PLANS / "phin-ho_KH-UBND_2025.txt").read_text(encoding="utf-8")
REAL_BINARIES = [(PLANS / "phin-ho_KH-UBND_2025.docx").read_bytes(), (PLANS / "phin-ho_KH-UBND_2025.pdf").read_bytes()]

# Characters that break things: C0 controls, lone surrogates, bidi marks, combining marks, BOM, NBSP.
AWKWARD = st.sampled_from(
    ["\x00", "\x1b", "\x07", "\x0b", "\x0c", "\x7f", "\ud800", "\udcff", "\u200f", "\u202e", "\u2066",
     "\u0301", "\u0323", "\u0309", "\ufeff", "\xa0", "\u2028", "\r", "ầ", "Ư", "="]
)  # fmt: skip
UNICODE = st.text(st.one_of(AWKWARD, st.characters()), max_size=300)
# A name in Unicode cannot hold a lone surrogate (names that are not UTF-8 come from `file_name`'s bytes).
NAME = st.text(
    st.one_of(
        AWKWARD.filter(lambda c: c not in "\x00\r\ud800\udcff"),
        st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]),
    ),
    min_size=1,
    max_size=30,
)


@st.composite
def spliced_plan(draw) -> bytes:
    """A real plan with random Unicode put in at a few random places."""
    text = REAL_TEXT
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(UNICODE) + text[at:]
    return text.encode("utf-8", "surrogatepass")


@st.composite
def truncated_binary(draw) -> bytes:
    data = draw(st.sampled_from(REAL_BINARIES))
    return data[: draw(st.integers(0, len(data)))]


CONTENT = st.one_of(
    st.binary(max_size=4096),
    UNICODE.map(lambda text: text.encode("utf-8", "surrogatepass")),
    spliced_plan(),
    truncated_binary(),
)


@st.composite
def file_name(draw, index: int) -> str:
    """A name that is random Unicode, or bytes that are not UTF-8; the index keeps names apart."""
    if draw(st.booleans()):
        stem = os.fsdecode(draw(st.binary(min_size=1, max_size=20)).replace(b"/", b"_").replace(b"\x00", b"_"))
    else:
        stem = draw(NAME)
    suffix = draw(st.sampled_from([".txt", ".docx", ".pdf", ".TXT"]))
    return f"{index}-{stem}"[:60] + suffix


@st.composite
def batch(draw) -> list[tuple[str, bytes]]:
    count = draw(st.integers(1, 4))
    return [(draw(file_name(i)), draw(CONTENT)) for i in range(count)]


def _read_outputs(out: Path) -> dict[str, int]:
    """Read every output back; the number of rows in the documents and errors tables of each."""
    counts: dict[str, int] = {}
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    counts["jsonl"] = len([json.loads(line) for line in lines])
    for table in TABLES:
        with (out / f"{table}.csv").open(encoding="utf-8-sig", newline="") as stream:
            counts[f"csv {table}"] = len(list(csv.DictReader(stream)))
    workbook = load_workbook(out / "kehoach.xlsx")
    for table in ("documents", "errors"):
        counts[f"xlsx {table}"] = workbook[sheet_title(table)].max_row - 1
    database = sqlite3.connect(out / "kehoach.sqlite")
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in ("documents", "errors"):
        counts[f"sqlite {table}"] = database.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    database.close()
    return counts


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
@given(files=batch())
def test_any_files_give_results_or_typed_errors_and_readable_outputs(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("in")
    for name, data in files:
        (folder / name).write_bytes(data)
    out = tmp_path_factory.mktemp("out")
    summary = run_batch([folder], out, jobs=1, progress=False, timeout=60)
    by_path = {o.path: o for o in summary.outcomes}
    assert set(by_path) == {shown(folder / name) for name, _ in files}
    for outcome in by_path.values():
        assert outcome.status in {"ok", "failed"}, outcome
        if outcome.status == "failed":
            assert outcome.error_code in TYPED_CODES, outcome.message
            assert outcome.path in outcome.message
    ok = sum(o.status == "ok" for o in summary.outcomes)
    counts = _read_outputs(out)
    assert counts["jsonl"] == len(files)
    for form in ("csv", "xlsx", "sqlite"):
        assert counts[f"{form} documents"] == ok, counts
        assert counts[f"{form} errors"] == len(files) - ok, counts


@settings(max_examples=EXAMPLES * 4, deadline=None, derandomize=True, database=None)
@given(text=UNICODE | spliced_plan().map(lambda data: data.decode("utf-8", "surrogatepass")))
def test_any_text_in_a_plan_gives_a_result_every_output_can_hold(tmp_path_factory, text):
    """Cheaper, so more examples: one .txt through the pipeline and every table writer, in one process."""
    path = tmp_path_factory.mktemp("one") / "plan.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        result = process_file(path, nlp=False)
    except KehoachError as error:
        assert error.code in TYPED_CODES
        return
    out = path.parent / "out"
    report = write_outputs(out, [result], [], ["jsonl", "csv", "xlsx", "sqlite"])
    assert not report.problems, report.problems
    assert _read_outputs(out)["csv documents"] == 1
    load_workbook(io.BytesIO((out / "kehoach.xlsx").read_bytes()))
