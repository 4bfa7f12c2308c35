"""The SQLite database of a batch: one table per record kind, linked to `documents` by foreign key.

It holds the same files as every other output: every file ever run into the folder (the manifest's
entries). Updated in place: a document whose file content and pipeline version are unchanged keeps
its rows; a changed one has its rows replaced, a file no longer in the manifest loses them, all inside
one transaction, so a rerun never duplicates rows and an interrupted run leaves the database as it
was (SQLite's journal rolls an unfinished transaction back). The schema is derived from the record
models (see `kehoach.sqlite`'s `.schema`, documented in outputs/README.md).

A database that cannot be used as it is (truncated, not a database, someone else's, or an older
layout missing a column) is moved aside, never deleted, and built again from the results: the
per-document JSON files are the record, the database is a view of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, get_args

from pipeline.errors import say
from pipeline.models import RECORD_KINDS, RECORD_MODELS, PlanResult
from pipeline.outputs.browse_tables import browse_schema, refresh_browse_tables
from pipeline.outputs.cells import CellCounts, visible
from pipeline.outputs.files import aside_name
from pipeline.outputs.summary import PlanFacts, directive_columns, summary_rows
from pipeline.outputs.tables import (
    COLUMN_OF_FIELD,
    COLUMNS,
    LOCATION_COLUMNS,
    build_tables,
    result_rows,
    table_columns,
)

_INTEGER_COLUMNS = {*LOCATION_COLUMNS, "pages", "day", "aspirational", *directive_columns()}
_FIELD_OF_COLUMN = {column: field for field, column in COLUMN_OF_FIELD.items()}
INDEXED = {"citations": ["number"], "bodies": ["name"], "targets": ["indicator"], "deadlines": ["kind"]}
# Tables rebuilt whole on every update rather than kept per document: the summary's rows group the
# formats of a plan, and its year columns are the years of this run's targets.
REBUILT_TABLES = {"summary"}


def _sql_type(table: str, column: str) -> str:
    """A column's SQLite type: counts, flags and location numbers are INTEGER, a float field REAL."""
    if column in _INTEGER_COLUMNS or column.startswith("n_") or column.startswith("targets_"):
        return "INTEGER"
    model = RECORD_MODELS.get(table)
    field = _FIELD_OF_COLUMN.get(column, column)
    if model and field in model.model_fields:
        annotation = model.model_fields[field].annotation
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
    return statements + browse_schema()


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    for statement in schema():
        connection.execute(statement)
    return connection


def _insert(
    connection: sqlite3.Connection,
    table: str,
    row: dict[str, Any],
    extra: dict[str, Any],
    names: list[str] | None = None,
) -> int:
    """Insert `row` (its `names` columns, by default the table's `COLUMNS`) and `extra`; the row id."""
    names = names if names is not None else COLUMNS[table]
    columns = [*extra, *names]
    values = [*extra.values(), *(row.get(c) for c in names)]
    quoted = ", ".join(f'"{c}"' for c in columns)
    placeholders = ", ".join("?" for _ in columns)
    cursor = connection.execute(f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})", values)
    return int(cursor.lastrowid)


@cache
def _insert_statement(table: str) -> str:
    columns = ["document_id", *COLUMNS[table]]
    quoted = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' for _ in columns)})"


def _insert_many(connection: sqlite3.Connection, table: str, rows: list[dict[str, Any]], document_id: int) -> None:
    """A document's rows of one table in one call, in order: the same rows and row ids as one
    `_insert` each, without building the statement for every row."""
    names = COLUMNS[table]
    connection.executemany(_insert_statement(table), ([document_id, *(row.get(c) for c in names)] for row in rows))


@cache
def _layout() -> dict[str, list[str]]:
    """Each table's columns as `schema()` makes them (read back from an empty in-memory database)."""
    connection = connect(Path(":memory:"))
    try:
        return {
            table: [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    finally:
        connection.close()


def unusable(path: Path) -> str | None:
    """Why the database at `path` cannot be updated in place, or None (also where there is none).

    A database locked by another program is not unusable: that error is raised, and reported.
    """
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(path)
        try:
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                return f"is damaged ({check})"
            found = {
                name: [row[1] for row in connection.execute(f'PRAGMA table_info("{name}")')]
                for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
                if not name.startswith("sqlite_")
            }
        finally:
            connection.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise
        return f"cannot be read ({exc})"
    except sqlite3.DatabaseError as exc:
        return f"is not a database kehoach can read ({exc})"
    layout = _layout()
    foreign = sorted(set(found) - set(layout) - REBUILT_TABLES)
    if foreign:
        return f"holds tables kehoach does not make ({', '.join(foreign)})"
    differing = sorted(name for name, columns in found.items() if name in layout and columns != layout[name])
    if differing:
        return f"has an older layout (the columns of {', '.join(differing)} differ)"
    return None


def set_aside(path: Path, reason: str) -> str:
    """Rename the database (and any journal of it) out of the way; the warning that names both."""
    aside = aside_name(path)
    for suffix in ("-journal", "-wal", "-shm"):
        journal = path.with_name(path.name + suffix)
        if journal.exists():
            journal.rename(aside.with_name(aside.name + suffix))
    path.rename(aside)
    return say("moved_aside", name=path.name, reason=reason, aside=aside.name)


def write_summary(
    connection: sqlite3.Connection, results: Sequence[PlanResult | PlanFacts], counts: CellCounts
) -> None:
    """The `summary` table made again from every result: one row per plan id, a column per year."""
    rows = [{key: visible(value, counts) for key, value in row.items()} for row in summary_rows(results)]
    columns = table_columns("summary", rows)
    if not connection.in_transaction:  # every document unchanged: still one transaction, never no summary
        connection.execute("BEGIN")
    connection.execute("DROP TABLE IF EXISTS summary")
    connection.execute(
        "CREATE TABLE summary (id INTEGER PRIMARY KEY, "
        + ", ".join(f'"{c}" {_sql_type("summary", c)}' + (" NOT NULL UNIQUE" if c == "doc_id" else "") for c in columns)
        + ")"
    )
    for row in rows:
        _insert(connection, "summary", row, {}, columns)


class DatabaseUpdate:
    """The database made to hold exactly the results given to `add` and the errors given to `finish`,
    in one transaction, one result at a time (a batch streams them; issue 15).

    `sources` are the files that will be added (a document stored for any other is removed first);
    a document whose content and pipeline version are unchanged keeps its rows and row ids, a changed
    or new one is inserted when it comes, so new rows follow the order the results are given in (a
    batch gives them in source-file order, so the row ids do not depend on which worker finished
    first). `warnings` says where a database was moved aside; `counts` counts the cells whose
    characters had to be made visible."""

    def __init__(self, path: Path, sources: Iterable[str], counts: CellCounts | None = None):
        self.warnings: list[str] = []
        reason = unusable(path)
        if reason:
            self.warnings.append(set_aside(path, reason))
        self.counts = counts if counts is not None else CellCounts()
        # Compare sources as the table holds them (a control character in a file name is shown, not kept).
        wanted = {visible(source, CellCounts()) for source in sources}
        self.seen: set[str] = set()
        self.connection = connect(path)
        try:
            self.stored = {
                source: (row_id, (content, version))
                for row_id, source, content, version in self.connection.execute(
                    "SELECT id, source_file, content_hash, pipeline_version FROM documents"
                )
            }
            for source, (row_id, _) in list(self.stored.items()):
                if source not in wanted:
                    self.connection.execute("DELETE FROM documents WHERE id = ?", (row_id,))
                    del self.stored[source]
        except BaseException:
            self.abort()
            raise

    def add(self, result: PlanResult, rows: dict[str, list[dict[str, Any]]] | None = None) -> None:
        """Store `result` unless it is stored unchanged; `rows` are its `result_rows` where the caller
        already made them for the other tables (the same cells), else they are made here."""
        source = visible(result.source, CellCounts())
        self.seen.add(source)
        current = self.stored.get(source)
        if current and current[1] == (result.content_hash, result.pipeline_version):
            return
        if current:
            self.connection.execute("DELETE FROM documents WHERE id = ?", (current[0],))
        tables = rows if rows is not None else result_rows(result, self.counts)
        document_id = _insert(self.connection, "documents", tables["documents"][0], {})
        for kind in (*RECORD_KINDS, "warnings"):
            if tables[kind]:
                _insert_many(self.connection, kind, tables[kind], document_id)

    def finish(self, results: Sequence[PlanResult | PlanFacts], errors: Iterable[dict[str, str]]) -> None:
        """The summary from every result (or its `PlanFacts`), the errors, the browse tables; commit."""
        connection = self.connection
        try:
            for source, (row_id, _) in self.stored.items():
                if source not in self.seen:  # announced but never given (its result could not be read)
                    connection.execute("DELETE FROM documents WHERE id = ?", (row_id,))
            write_summary(connection, results, self.counts)
            connection.execute("DELETE FROM errors")
            for error in build_tables([], errors, self.counts)["errors"]:
                connection.execute(
                    "INSERT OR REPLACE INTO errors (source_file, error, message) VALUES (?, ?, ?)",
                    (error["source_file"], error["error"], error["message"]),
                )
            refresh_browse_tables(connection)
            connection.commit()
        except BaseException:
            self.abort()
            raise
        connection.close()

    def abort(self) -> None:
        """Roll back everything this update did, and close."""
        try:
            self.connection.rollback()
        finally:
            self.connection.close()
