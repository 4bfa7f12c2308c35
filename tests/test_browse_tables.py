"""The search indexes and the task–body table in a real run's database, kept in step on reruns,
and the Datasette metadata built from it (no Datasette needed: tests/test_datasette.py serves it).

The reruns are real `kehoach run`s: a changed file has its rows replaced (SQLite may give the new
rows the ids of deleted ones), a file that left the run (its result gone) loses them, and a
database written before these tables existed gets them. FTS5's own integrity check with rank 1
compares each index with its table's rows, so a stale or missing entry fails it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import regex
from run_helpers import PLANS, kehoach

from pipeline import i18n
from pipeline.outputs.browse_tables import (
    LINK_TABLE,
    fts_name,
    search_tables,
    settings,
    task_body_rows,
)
from pipeline.outputs.datasette_metadata import browsable_tables, datasette_metadata, fill_sql
from pipeline.outputs.labels import table_title

PLAN_FILES = ["nhu-khe_10-KH-DU_2025.txt", "xuan-hung_KH-02_2025.txt"]  # the first has tasks


def run_into(plans: Path, out: Path) -> sqlite3.Connection:
    result = kehoach("run", plans, "--out", out, "--format", "sqlite", "--no-progress", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    return sqlite3.connect(out / "kehoach.sqlite")


def assert_in_step(connection: sqlite3.Connection) -> None:
    """Every index matches its table's rows; the link table holds exactly each task's bodies."""
    for table in search_tables():
        fts = fts_name(table)
        connection.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        indexed = connection.execute(f"SELECT count(*) FROM {fts}_docsize").fetchone()[0]
        assert indexed == connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
    cursor = connection.execute("SELECT id, document_id, doc_id, lead, support FROM tasks")
    names = [column[0] for column in cursor.description]
    expected = sorted(row for values in cursor for row in task_body_rows(dict(zip(names, values, strict=True))))
    stored = sorted(connection.execute(f"SELECT task_id, document_id, doc_id, name, role FROM {LINK_TABLE}"))
    assert stored == expected
    assert stored, "the corpus plans' tasks name bodies"


def matches(connection: sqlite3.Connection, table: str, word: str) -> set[int]:
    fts = fts_name(table)
    return {row[0] for row in connection.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?", (f'"{word}"',))}


def word_only_in(connection: sqlite3.Connection, table: str, source_file: str) -> str:
    """A word of `table`'s quotes whose search finds rows of `source_file` and of no other file."""
    quotes = connection.execute(f"SELECT quote FROM {table} WHERE source_file = ?", (source_file,))
    for word in sorted({w for (quote,) in quotes for w in regex.findall(r"\w{4,}", quote)}):
        found = matches(connection, table, word)
        sources = {
            row[0]
            for row in connection.execute(
                f"SELECT DISTINCT source_file FROM {table} WHERE id IN ({','.join(map(str, found))})"
            )
        }
        if sources == {source_file}:
            return word
    raise AssertionError(f"no word of {source_file} is its own")


def test_indexes_and_link_table_follow_changed_removed_and_old_databases(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in PLAN_FILES:
        shutil.copy(PLANS / name, plans / name)
    changed, removed = (plans / name for name in PLAN_FILES)
    out = tmp_path / "out"
    connection = run_into(plans, out)
    assert_in_step(connection)
    gone = word_only_in(connection, "citations", str(removed))
    before = connection.execute("SELECT content_hash FROM documents WHERE source_file = ?", (str(changed),)).fetchone()
    connection.close()

    # one file changed (its rows replaced), the other removed with its result (its rows deleted)
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    removed.unlink()
    for result in (out / "docs").glob(f"{removed.stem}-*.json"):
        result.unlink()
    connection = run_into(plans, out)
    assert_in_step(connection)
    after = connection.execute("SELECT content_hash FROM documents WHERE source_file = ?", (str(changed),)).fetchone()
    assert after != before  # its rows were replaced (SQLite may give the new rows the old ids)
    assert matches(connection, "citations", gone) == set()
    connection.close()

    # a database from before these tables: dropped, then brought back complete by the next run
    connection = sqlite3.connect(out / "kehoach.sqlite")
    for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f"DROP TRIGGER {trigger}")
    for table in search_tables():
        connection.execute(f"DROP TABLE {fts_name(table)}")
    connection.execute(f"DROP TABLE {LINK_TABLE}")
    connection.commit()
    connection.close()
    connection = run_into(plans, out)
    assert_in_step(connection)
    connection.close()


def test_a_task_gives_one_row_per_body_and_role() -> None:
    task = {
        "id": 7,
        "document_id": 3,
        "doc_id": "plan",
        "lead": "Văn phòng Đảng ủy",
        "support": "Đoàn Thanh niên; Hội Nông dân xã",
    }
    assert task_body_rows(task) == [
        (7, 3, "plan", "Văn phòng Đảng ủy", "lead"),
        (7, 3, "plan", "Đoàn Thanh niên", "support"),
        (7, 3, "plan", "Hội Nông dân xã", "support"),
    ]
    assert task_body_rows({**task, "lead": None, "support": ""}) == []


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plans = tmp_path_factory.mktemp("plans")
    for name in PLAN_FILES:
        shutil.copy(PLANS / name, plans / name)
    out = tmp_path_factory.mktemp("out")
    run_into(plans, out).close()
    return out / "kehoach.sqlite"


def test_metadata_titles_and_describes_every_table_and_column(database: Path, monkeypatch) -> None:
    connection = sqlite3.connect(database)
    tables = browsable_tables(connection)
    assert LINK_TABLE in tables and not any(name.endswith(("_fts", "_data", "_idx")) for name in tables)
    for lang in i18n.LANGUAGES:
        monkeypatch.setenv(i18n.ENVIRONMENT, lang)
        metadata = datasette_metadata(database)
        entries = metadata["databases"][database.stem]["tables"]
        assert list(entries) == tables
        assert metadata["title"] == i18n.catalogue()["datasette_title"][lang]
        assert entries[LINK_TABLE]["title"] == i18n.catalogue()[f"table.{LINK_TABLE}"][lang]
        assert i18n.catalogue()["code.role.lead"][lang] in entries[LINK_TABLE]["columns"]["role"]  # codes explained
        for table, entry in entries.items():
            assert entry["title"] == table_title(table) != table
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            assert list(entry["columns"]) == columns
            for column, text in entry["columns"].items():  # each labelled (not its raw name), then described
                label, _, description = text.partition(" — ")
                assert label != column and description, (table, column, text)
    connection.close()


def test_every_column_the_metadata_names_exists_and_every_saved_query_answers(database: Path) -> None:
    """Labels, facets and search columns name real columns; each saved query runs on a real run's
    database with its fields left empty (their defaults) and returns rows."""
    connection = sqlite3.connect(database)
    metadata = datasette_metadata(database)["databases"][database.stem]
    for table, entry in metadata["tables"].items():
        columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        named = {entry.get("label_column"), *entry.get("facets", []), *entry.get("searchable_columns", [])} - {None}
        assert named <= columns, (table, named - columns)
        if "fts_table" in entry:  # the index finds a row by a word of its text
            column = entry["searchable_columns"][0]
            row_id, text = connection.execute(f'SELECT id, "{column}" FROM {table} WHERE "{column}" <> ""').fetchone()
            assert row_id in matches(connection, table, regex.findall(r"\w+", text)[-1])
    assert set(settings()["search"]) <= set(metadata["tables"])
    for name, query in metadata["queries"].items():
        rows = connection.execute(query["sql"], dict.fromkeys(query["params"], "")).fetchall()
        assert rows, name
    connection.close()


def test_query_words_are_filled_in_quoted_and_fall_back_to_the_name(monkeypatch) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT, "vi")
    filled = fill_sql("""select x as "{browse_col_formats}", '{browse_no_lead}', "{col.nowhere.raw_name}", {keep}""")
    assert filled == 'select x as "Định dạng tệp", \'(chưa có đơn vị chủ trì)\', "raw_name", {keep}'
