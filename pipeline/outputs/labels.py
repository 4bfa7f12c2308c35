"""The words a person reads for a table, a column or a code value, from `pipeline/i18n/columns.json`.

The raw names (`doc_id`, `relation`, `implements`) stay what CSV and SQLite use; these are their
Vietnamese labels and explanations (English with `--lang en`). A name with no entry falls back to
itself, so a column added to the models is shown under its raw name until it is labelled (a test
fails meanwhile). Code values are read from the models' Literal types, so the explanation sheet
lists exactly the values a record may hold.
"""

from __future__ import annotations

from typing import Literal, get_args, get_origin

from pydantic import BaseModel

from pipeline.i18n import catalogue, say
from pipeline.models import RECORD_MODELS, DeadlineSpec, Metadata, PlanResult
from pipeline.outputs.summary import YEAR_COLUMN_PATTERN

YEAR_KEY = "targets_year"
CODE_MODELS: tuple[type[BaseModel], ...] = (PlanResult, Metadata, DeadlineSpec, *RECORD_MODELS.values())


def _said(key: str, fallback: str, **values: object) -> str:
    return say(key, **values) if key in catalogue() else fallback


def _column_key(column: str) -> tuple[str, dict[str, str]]:
    """The catalogue key part of a column: a per-year column is one pattern with its year."""
    year = YEAR_COLUMN_PATTERN.match(column)
    return (YEAR_KEY, {"year": year.group(1)}) if year else (column, {})


def table_title(table: str) -> str:
    return _said(f"table.{table}", table)


def table_description(table: str) -> str:
    return _said(f"tabledesc.{table}", "")


def column_label(table: str, column: str) -> str:
    key, values = _column_key(column)
    return _said(f"col.{table}.{key}", column, **values)


def column_description(table: str, column: str) -> str:
    key, values = _column_key(column)
    return _said(f"coldesc.{table}.{key}", "", **values)


def code_meaning(field: str, value: str) -> str:
    return _said(f"code.{field}.{value}", value)


def _literal_values(annotation: object) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(value) for value in get_args(annotation)]
    return [value for arg in get_args(annotation) for value in _literal_values(arg)]


def code_values() -> dict[str, list[str]]:
    """Every field whose values are codes (a Literal type in the models) and the values it allows."""
    found: dict[str, list[str]] = {}
    for model in CODE_MODELS:
        for name, field in model.model_fields.items():
            values = _literal_values(field.annotation)
            if values:
                found.setdefault(name, values)
    return found
