"""One message catalogue for everything a user reads: Vietnamese by default, English with `--lang en`.

The people who read kehoach's output are Vietnamese civil servants, so every sentence the tool shows
(CLI help, errors, warnings, `show`, the progress bar, the run summary, HTML pages, spreadsheet
labels) comes from here, never from a string in code. The words are data: each area of the tool has
its own file `pipeline/i18n/<area>.json`, mapping a key to its sentence in each language:

    {"out_locked": {"vi": "Một lần chạy khác (tiến trình {pid}) đang ghi vào {out}; …", "en": "…"}}

Keys are unique across files (a key is looked up without its area). The catalogue is checked when it
loads: every entry has both languages, and both name the same {values}, so a translation can never
drop or invent a value and fail only when that message is finally shown.

The language is chosen once per process: `set_language("en")`, or the environment variable
KEHOACH_LANG (which worker processes inherit, so a warning written by a worker speaks the same
language as the run that started it).
"""

from __future__ import annotations

import json
import os
import string
from functools import cache
from pathlib import Path

CATALOGUE_DIR = Path(__file__).parent
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
ENVIRONMENT = "KEHOACH_LANG"


class CatalogueError(ValueError):
    """The catalogue files disagree with the rules above; names the file and the key."""


def _names(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every key of every area file, checked (see the module's docstring)."""
    entries: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for path in sorted(CATALOGUE_DIR.glob("*.json")):
        for key, texts in json.loads(path.read_text(encoding="utf-8")).items():
            if key in entries:
                raise CatalogueError(f"{path.name}: key {key!r} is already in {where[key]}")
            if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
                raise CatalogueError(f"{path.name}: {key!r} must give exactly {', '.join(LANGUAGES)}")
            if _names(texts["vi"]) != _names(texts["en"]):
                raise CatalogueError(f"{path.name}: {key!r} names different values in vi and en")
            entries[key], where[key] = texts, path.name
    return entries


def language() -> str:
    """The language of this process: the environment's choice if it is one we speak, else Vietnamese."""
    chosen = os.environ.get(ENVIRONMENT, DEFAULT_LANGUAGE)
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    """Choose the language for this process and the workers it starts."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGUAGES)}")
    os.environ[ENVIRONMENT] = lang


def say(key: str, lang: str | None = None, **values: object) -> str:
    """The message `key` in the current language (or `lang`), its {values} filled in."""
    return catalogue()[key][lang or language()].format(**values)
