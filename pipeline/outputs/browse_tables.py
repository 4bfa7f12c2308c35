"""The tables that make the database browsable: full-text indexes and one row per task and body.

Datasette searches a table through an SQLite FTS5 index named in its metadata, and facets count
the values of one column; a task keeps its bodies "; "-joined in `lead` and `support`, so a facet
on them counts combinations, not bodies. Two additions fix that, both derived from the record
tables and never written by hand:

- `<table>_fts` for the tables in `browse_tables.json`: external-content FTS5 indexes (the text is
  not stored twice) kept in step by triggers, so a row deleted by the rerun's cascade or inserted
  for a changed file is unindexed or indexed in the same transaction. The tokenizer folds
  diacritics: plans write tone marks in two conventions ("hoá" and "hóa") and people often type
  without them, and a search that finds a little more is better than one that misses the plan.
- `task_bodies`: one row per task and body with its role, removed with its task by the foreign
  key's cascade, and filled for every task that has no rows yet.

`refresh_browse_tables` also rebuilds an index whose row count disagrees with its table (a
database written before these tables existed), so the indexes are complete whatever wrote the rows.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

LINK_TABLE = "task_bodies"
LINK_COLUMNS = ["task_id", "document_id", "doc_id", "name", "role"]


@cache
def settings() -> dict[str, Any]:
    """What to index and how (`browse_tables.json`, beside this module)."""
    return json.loads(Path(__file__).with_suffix(".json").read_text(encoding="utf-8"))


def search_tables() -> dict[str, list[str]]:
    """Each searchable table and the columns its index holds."""
    return settings()["search"]


def fts_name(table: str) -> str:
    return f"{table}_fts"


def _quoted(columns: list[str], prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{column}"' for column in columns)


def _index_statements(table: str, columns: list[str]) -> list[str]:
    """The FTS5 index of `table` and the triggers that keep it in step with the table's rows."""
    fts = fts_name(table)
    new_row = f"INSERT INTO {fts}(rowid, {_quoted(columns)}) VALUES (new.id, {_quoted(columns, 'new.')})"
    old_row = (
        f"INSERT INTO {fts}({fts}, rowid, {_quoted(columns)}) VALUES ('delete', old.id, {_quoted(columns, 'old.')})"
    )
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({_quoted(columns)}, "
        f"content='{table}', content_rowid='id', tokenize='{settings()['tokenizer']}')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN {new_row}; END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN {old_row}; END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE ON {table} BEGIN {old_row}; {new_row}; END",
    ]


def browse_schema() -> list[str]:
    """The statements that create the indexes, their triggers and the task–body table (idempotent)."""
    statements = [
        f"CREATE TABLE IF NOT EXISTS {LINK_TABLE} (id INTEGER PRIMARY KEY, "
        "task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE, "
        "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
        "doc_id TEXT, name TEXT, role TEXT)",
        *(f"CREATE INDEX IF NOT EXISTS {LINK_TABLE}_{c} ON {LINK_TABLE}({c})" for c in ("task_id", "name", "role")),
    ]
    for table, columns in search_tables().items():
        statements += _index_statements(table, columns)
    return statements


def task_body_rows(task: dict[str, Any]) -> list[tuple[Any, ...]]:
    """One row per body named in the task's role columns, in the order the task names them."""
    separator = settings()["list_separator"]
    rows = []
    for role, column in settings()["task_body_columns"].items():
        for name in (task[column] or "").split(separator):
            if name.strip():
                rows.append((task["id"], task["document_id"], task["doc_id"], name.strip(), role))
    return rows


def _link_new_tasks(connection: sqlite3.Connection) -> None:
    columns = ", ".join(f'"{c}"' for c in ("id", "document_id", "doc_id", *settings()["task_body_columns"].values()))
    cursor = connection.execute(
        f"SELECT {columns} FROM tasks WHERE id NOT IN (SELECT task_id FROM {LINK_TABLE}) ORDER BY id"
    )
    names = [description[0] for description in cursor.description]
    rows = [row for values in cursor for row in task_body_rows(dict(zip(names, values, strict=True)))]
    placeholders = ", ".join("?" for _ in LINK_COLUMNS)
    connection.executemany(f"INSERT INTO {LINK_TABLE} ({', '.join(LINK_COLUMNS)}) VALUES ({placeholders})", rows)


def _complete_indexes(connection: sqlite3.Connection) -> None:
    for table in search_tables():
        fts = fts_name(table)
        indexed = connection.execute(f"SELECT count(*) FROM {fts}_docsize").fetchone()[0]
        rows = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if indexed != rows:
            connection.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def refresh_browse_tables(connection: sqlite3.Connection) -> None:
    """Bring the task–body table and the indexes in step with the record tables (call inside the
    transaction that changed them)."""
    _link_new_tasks(connection)
    _complete_indexes(connection)
