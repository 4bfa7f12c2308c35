"""The Datasette metadata file kehoach writes beside a run's database (`datasette-metadata.json`).

Datasette shows raw table and column names, foreign keys as bare ids and no search unless its
metadata says otherwise. This module says it, in the user's language: titles and descriptions of
the database, every table and every column with its code values (`outputs/labels.py`, from the
catalogue's `table.*`, `tabledesc.*`, `col.*`, `coldesc.*` and `code.*` keys), the column a foreign key shows
(`label_column`), the full-text index of each searchable table, default facets, and saved queries
that answer the staff's usual questions. Facets and queries are data (`datasette.json`); a query's
column names and fixed words are catalogue keys written `"{key}"` or `'{key}'` in its SQL, filled
in here so that a query reads in the same language as the rest.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import regex

from pipeline.i18n import catalogue, language, say
from pipeline.outputs.browse_tables import fts_name, search_tables
from pipeline.outputs.files import write_atomic
from pipeline.outputs.labels import (
    code_meaning,
    code_values,
    column_description,
    column_label,
    table_description,
    table_title,
)
from pipeline.outputs.tables import TABLES

METADATA_FILE = "datasette-metadata.json"
_PLACEHOLDER = regex.compile(r"""(["'])\{([\w.]+)\}\1""")


@cache
def settings() -> dict[str, Any]:
    """Label columns, facets and saved queries (`datasette.json`, beside this module)."""
    return json.loads(Path(__file__).with_name("datasette.json").read_text(encoding="utf-8"))


def words(key: str, fallback: str) -> str:
    """The catalogue's text for `key` in the current language, or `fallback` where it has none."""
    entry = catalogue().get(key)
    return entry[language()] if entry else fallback


def fill_sql(sql: str) -> str:
    """A query's SQL with each quoted `{key}` replaced by its words, quoted the same way."""

    def replace(match: regex.Match) -> str:
        quote, key = match.group(1), match.group(2)
        return quote + words(key, key.rsplit(".", 1)[-1]).replace(quote, quote * 2) + quote

    return _PLACEHOLDER.sub(replace, sql)


def browsable_tables(connection: sqlite3.Connection) -> list[str]:
    """The database's own tables (not SQLite's, not the search indexes'): the output tables in the
    order every output lists them, the summary first, then the others in the order they were made."""
    indexes = tuple(fts_name(table) for table in search_tables())
    names = [
        name
        for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
        if not name.startswith(("sqlite_", *indexes))
    ]
    return sorted(names, key=lambda name: TABLES.index(name) if name in TABLES else len(TABLES))


def column_text(table: str, column: str) -> str:
    """Label — description, then the code values explained: Datasette shows a column's description,
    not a label. A column of the database alone (`id`, `document_id`) is described once, as `any`."""
    label, description = column_label(table, column), column_description(table, column)
    if label == column:
        label, description = column_label("any", column), column_description("any", column)
    text = f"{label} — {description}" if description else label
    codes = code_values().get(column, [])
    if not codes:
        return text
    meanings = "; ".join(f"{value} = {code_meaning(column, value)}" for value in codes)
    return f"{text.rstrip('.')}. {say('datasette_code_values', values=meanings)}"


def table_metadata(connection: sqlite3.Connection, table: str) -> dict[str, Any]:
    columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
    entry: dict[str, Any] = {
        "title": table_title(table),
        "description": table_description(table),
        "columns": {column: column_text(table, column) for column in columns},
    }
    if table in settings()["label_columns"]:
        entry["label_column"] = settings()["label_columns"][table]
    if table in search_tables():
        entry |= {"fts_table": fts_name(table), "fts_pk": "id", "searchable_columns": search_tables()[table]}
    if table in settings()["facets"]:
        entry |= {"facets": settings()["facets"][table], "facet_size": settings()["facet_size"]}
    return entry


def table_list_html(database: str, tables: dict[str, dict[str, Any]]) -> str:
    """The tables by their titles, each linked and described: Datasette's own list shows raw names."""
    items = "".join(
        f'<li><a href="/{database}/{name}">{escape(entry["title"])}</a>'
        + (f": {escape(entry['description'])}" if entry["description"] else "")
        + "</li>"
        for name, entry in tables.items()
    )
    return f"<p>{escape(say('datasette_tables_intro'))}</p><ul>{items}</ul>"


def saved_queries() -> dict[str, dict[str, Any]]:
    return {
        name: {
            "title": say(f"query_{name}_title"),
            "description": say(f"query_{name}_description"),
            "sql": fill_sql("\n".join(query["sql"])),
            "params": query["params"],
        }
        for name, query in settings()["queries"].items()
    }


def datasette_metadata(database_path: Path) -> dict[str, Any]:
    """The whole metadata of the database at `database_path` (read, never written)."""
    database = database_path.stem
    connection = sqlite3.connect(f"{database_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {table: table_metadata(connection, table) for table in browsable_tables(connection)}
    finally:
        connection.close()
    listing = table_list_html(database, tables)
    return {
        "title": say("datasette_title"),
        "description_html": f"<p>{escape(say('datasette_description'))}</p>{listing}",
        "databases": {
            database: {
                "title": say("datasette_title"),
                "description_html": listing,
                "tables": tables,
                "queries": saved_queries(),
            }
        },
    }


def write_datasette_metadata(database_path: Path) -> dict[str, Any]:
    """Write (or rewrite) the metadata file beside the database, for Datasette started by hand
    (`datasette kehoach.sqlite --metadata datasette-metadata.json`) too; the metadata written."""
    metadata = datasette_metadata(database_path)
    write_atomic(database_path.with_name(METADATA_FILE), json.dumps(metadata, ensure_ascii=False, indent=2) + "\n")
    return metadata
