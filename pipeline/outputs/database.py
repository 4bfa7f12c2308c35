"""The SQLite database of a batch: one table per record kind, linked to `documents` by foreign key.

Updated in place: a document whose file content and pipeline version are unchanged keeps its rows;
a changed one has its rows replaced inside one transaction, so a rerun never duplicates rows and an
interrupted run leaves the database as it was (SQLite's journal rolls an unfinished transaction back).
The schema is derived from the record models (see `kehoach.sqlite`'s `.schema`, documented in
outputs/README.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any, get_args

from pipeline.models import RECORD_KINDS, RECORD_MODELS, PlanResult
from pipeline.outputs.tables import COLUMNS, LOCATION_COLUMNS, document_row, record_rows, warning_rows

_INTEGER_COLUMNS = {*LOCATION_COLUMNS, "pages", "day", "aspirational", "n_warnings", *(f"n_{k}" for k in RECORD_KINDS)}
INDEXED = {"citations": ["number"], "bodies": ["name"], "targets": ["indicator"], "deadlines": ["kind"]}


def _sql_type(table: str, column: str) -> str:
    if column in _INTEGER_COLUMNS:
        return "INTEGER"
    model = RECORD_MODELS.get(table)
    if model and column in model.model_fields:
        annotation = model.model_fields[column].annotation
        if float in (annotation, *get_args(annotation)):
            return "REAL"
    return "TEXT"


def schema() -> list[str]:
    statements = [
        "PRAGMA foreign_keys = ON",
        "CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, "
        + ", ".join(
            f'"{c}" {_sql_type("documents", c)}' + (" NOT NULL UNIQUE" if c == "source_file" else "")
            for c in COLUMNS["documents"]
        )
        + ")",
        "CREATE INDEX IF NOT EXISTS documents_doc_id ON documents(doc_id)",
        "CREATE TABLE IF NOT EXISTS errors (source_file TEXT PRIMARY KEY, error TEXT NOT NULL, message TEXT)",
    ]
    for table in (*RECORD_KINDS, "warnings"):
        columns = ", ".join(f'"{c}" {_sql_type(table, c)}' for c in COLUMNS[table])
        statements.append(
            f"CREATE TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY, "
            f"document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, {columns})"
        )
        statements.append(f"CREATE INDEX IF NOT EXISTS {table}_document ON {table}(document_id)")
        statements.append(f"CREATE INDEX IF NOT EXISTS {table}_doc_id ON {table}(doc_id)")
        for column in INDEXED.get(table, []):
            statements.append(f'CREATE INDEX IF NOT EXISTS {table}_{column} ON {table}("{column}")')
    return statements


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    for statement in schema():
        connection.execute(statement)
    return connection


def _insert(connection: sqlite3.Connection, table: str, row: dict[str, Any], extra: dict[str, Any]) -> int:
    columns = [*extra, *COLUMNS[table]]
    values = [*extra.values(), *(row.get(c) for c in COLUMNS[table])]
    quoted = ", ".join(f'"{c}"' for c in columns)
    placeholders = ", ".join("?" for _ in columns)
    cursor = connection.execute(f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})", values)
    return int(cursor.lastrowid)


def update_database(path: Path, results: Iterable[PlanResult], errors: Iterable[dict[str, str]]) -> None:
    """Bring the database in line with this run's results and errors, one transaction in all."""
    connection = connect(path)
    try:
        with connection:
            for result in results:
                current = connection.execute(
                    "SELECT id, content_hash, pipeline_version FROM documents WHERE source_file = ?", (result.source,)
                ).fetchone()
                connection.execute("DELETE FROM errors WHERE source_file = ?", (result.source,))
                if current and current[1:] == (result.content_hash, result.pipeline_version):
                    continue
                if current:
                    connection.execute("DELETE FROM documents WHERE id = ?", (current[0],))
                document_id = _insert(connection, "documents", document_row(result), {})
                for kind in RECORD_KINDS:
                    for row in record_rows(result, kind):
                        _insert(connection, kind, row, {"document_id": document_id})
                for row in warning_rows(result):
                    _insert(connection, "warnings", row, {"document_id": document_id})
            for error in errors:
                connection.execute("DELETE FROM documents WHERE source_file = ?", (error["source_file"],))
                connection.execute(
                    "INSERT OR REPLACE INTO errors (source_file, error, message) VALUES (?, ?, ?)",
                    (error["source_file"], error["error"], error["message"]),
                )
    finally:
        connection.close()
