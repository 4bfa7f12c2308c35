"""`kehoach browse` for real: a run of the corpus served by Datasette in a child process, its pages
fetched over HTTP, a screenshot taken in headless Chromium, and the process stopped.

What a staff member relies on: the tables listed by their titles, a foreign key shown by the plan's
file rather than a number, a word of a quote found by full-text search (with or without its tone
marks), bodies counted one by one in the task–body table's facet, and every saved query answering.
Without Datasette installed, `kehoach browse` says how to install it. With
KEHOACH_UPDATE_SCREENSHOT=1 the test also refreshes docs/datasette.png.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import sqlite3
import subprocess
import unicodedata
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import start_chromium
from run_helpers import COMMAND, PLANS, ROOT, kehoach, start_kehoach, wait_for

from pipeline.i18n import say
from pipeline.outputs.browse_tables import LINK_TABLE
from pipeline.outputs.datasette_metadata import METADATA_FILE, words

pytest.importorskip("datasette", reason="Datasette is not installed (pip install -e '.[browse]')")


class Served:
    """A running `kehoach browse` and the run folder it serves."""

    def __init__(self, process: subprocess.Popen, url: str, out: Path) -> None:
        self.process, self.url, self.out = process, url, out
        self.database = sqlite3.connect(out / "kehoach.sqlite")
        self.metadata = json.loads((out / METADATA_FILE).read_text(encoding="utf-8"))["databases"]["kehoach"]

    def get(self, path: str, **params: str) -> str:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        with urllib.request.urlopen(f"{self.url}{path}{query}", timeout=30) as response:
            return response.read().decode("utf-8")

    def get_json(self, path: str, **params: str):
        return json.loads(self.get(f"{path}.json", **params))


def first_line(process: subprocess.Popen, seconds: float) -> str:
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    assert ready, f"kehoach browse printed nothing in {seconds} s: {process.stderr.read() if process.poll() else ''}"
    return process.stdout.readline()


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    out = tmp_path_factory.mktemp("run")
    plans = PLANS.relative_to(ROOT)  # the outputs name files as staff would type them
    result = kehoach("run", plans, "--out", out, "--no-progress", "--format", "sqlite", timeout=600)
    assert result.returncode == 0, result.stderr
    process = start_kehoach("browse", out)
    try:
        line = first_line(process, 60)
        assert line.strip() == say("browse_address", folder=out, url=re.search(r"http://\S+/", line).group(0))
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        assert wait_for(lambda: answers(url), 60, step=0.2), "Datasette did not answer"
        yield Served(process, url, out)
    finally:
        process.terminate()
        stdout, stderr = process.communicate(timeout=30)
        assert process.returncode == 0, stderr
        assert say("browse_stopped") in stdout and "Traceback" not in stderr


def test_the_tables_are_listed_by_their_titles(served: Served) -> None:
    page = served.get("kehoach")
    assert f"<h1>{say('datasette_title')}" in page
    for table, entry in served.metadata["tables"].items():
        assert f'<a href="/kehoach/{table}">{entry["title"]}</a>' in page
    assert served.metadata["tables"][LINK_TABLE]["title"] == say(f"table.{LINK_TABLE}")
    for query in served.metadata["queries"].values():
        assert query["title"] in page


def test_a_foreign_key_shows_the_plans_file(served: Served) -> None:
    rows = served.get_json("kehoach/citations", _labels="on", _size="5", _shape="array")
    files = dict(served.database.execute("SELECT id, source_file FROM documents"))
    assert rows
    for row in rows:
        assert row["document_id"] == {"value": row["document_id"]["value"], "label": files[row["document_id"]["value"]]}
    assert files[rows[0]["document_id"]["value"]] in served.get("kehoach/citations")


def without_tone_marks(word: str) -> str:
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    )


def test_full_text_search_finds_a_word_of_a_quote(served: Served) -> None:
    row_id, quote = served.database.execute("SELECT id, quote FROM targets ORDER BY id LIMIT 1").fetchone()
    word = max(re.findall(r"\w+", quote), key=len)
    for typed in (word, without_tone_marks(word)):
        found = served.get_json("kehoach/targets", _search=typed, _size="max", _shape="array")
        assert row_id in {row["id"] for row in found}, typed
        folded = without_tone_marks(word).casefold()
        assert all(folded in without_tone_marks(f"{row['quote']} {row['indicator']}").casefold() for row in found)
    assert served.get_json("kehoach/targets", _search="khôngcótừnày", _shape="array") == []


def test_the_body_facet_counts_each_body(served: Served) -> None:
    facet = served.get_json("kehoach/task_bodies", _facet="name", _size="0")["facet_results"]["name"]["results"]
    counts = dict(served.database.execute(f"SELECT name, count(*) FROM {LINK_TABLE} GROUP BY name"))
    assert facet and all("; " not in result["value"] for result in facet)
    assert {result["value"]: result["count"] for result in facet} == {
        name: counts[name] for name in (result["value"] for result in facet)
    }
    lead = served.database.execute("SELECT lead FROM tasks WHERE lead <> '' LIMIT 1").fetchone()[0]
    led = served.get_json("kehoach/task_bodies", name=lead, role="lead", _size="0")["filtered_table_rows_count"]
    assert led == served.database.execute("SELECT count(*) FROM tasks WHERE lead = ?", (lead,)).fetchone()[0]


def test_every_saved_query_answers(served: Served) -> None:
    assert len(served.metadata["queries"]) >= 5
    for name in served.metadata["queries"]:
        rows = served.get_json(f"kehoach/{name}", _shape="array")
        assert rows, name
    cited = served.get_json("kehoach/plans_citing_directive", _shape="array")
    plans = {row[0] for row in served.database.execute("SELECT doc_id FROM citations WHERE number = '57-NQ/TW'")}
    assert {row[words("col.documents.doc_id", "doc_id")] for row in cited} == plans


def test_screenshot(served: Served, tmp_path: Path) -> None:
    driver = start_chromium(tmp_path / "profile", 1366, 1500)
    try:
        driver.get(f"{served.url}kehoach/{LINK_TABLE}")
        shot = tmp_path / "datasette.png"
        assert driver.save_screenshot(str(shot))
    finally:
        driver.quit()
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and shot.stat().st_size > 10_000
    if os.environ.get("KEHOACH_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "datasette.png")


def test_without_datasette_browse_says_how_to_install_it(tmp_path: Path) -> None:
    (tmp_path / "datasette.py").write_text("raise ImportError('not installed here')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    result = subprocess.run(
        [*COMMAND, "browse", tmp_path], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert result.stderr.strip() == say("browse_needs_datasette") and "Traceback" not in result.stderr


def test_browse_without_a_run_says_what_to_run(tmp_path: Path) -> None:
    result = kehoach("browse", tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == say("browse_no_database", database=tmp_path / "kehoach.sqlite", folder=tmp_path)


def test_a_busy_port_is_refused_in_words(served: Served) -> None:
    port = urllib.parse.urlsplit(served.url).port  # the running Datasette holds it
    result = kehoach("browse", served.out, "--port", str(port))
    assert result.returncode == 2
    assert result.stderr.strip() == say("browse_port_busy", port=port)
