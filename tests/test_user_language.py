"""No English word reaches a user who did not ask for it, and `--lang en` gives English.

The real command runs in a child process (help of every subcommand, a run of the corpus with its
progress bar, a run of bad inputs, `show` of a plan, usage errors, a misspelt flag and subcommand),
and every word of what it prints must be a word of the catalogue's Vietnamese text, or one of the
tokens `user_language_allow.json` lists (format names, units), or something the user gave or the
data holds: a path, a flag, a command name, a code value, a word of the plan itself. What is left
is a word kehoach wrote in a language the user did not choose.
"""

from __future__ import annotations

import os
import re
import shutil
import string
import subprocess
import sys
import typing
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from pipeline import models
from pipeline.cli import build_parser
from pipeline.document import ColumnRole
from pipeline.i18n import catalogue
from pipeline.process import load_document, process_file

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "corpus" / "plans"
FIXTURES = ROOT / "tests" / "fixtures"
SHOWN_PLAN = PLANS / "rang-dong_KH-57_2026.pdf"  # a plan with a warning, so that one is shown too
ALLOW = ROOT / "tests" / "user_language_allow.json"

_FLAG = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sr]|%[sr]")  # argparse's own, in the catalogue's argparse.* texts
_PATHLIKE = re.compile(r"\S*\w[/.]\w\S*")  # a path or file name: folder/file, name.ext, 57-NQ/TW
_WORD = re.compile(r"[^\W\d_]+")
_CLIPPED = re.compile(r"\w*…")  # a long quote cut to the terminal's width: its last word is a stub
_CODES = tuple(
    value
    for kind in (models.DocType, models.Relation, models.DeadlineKind, models.Recurrence, models.Role, ColumnRole)
    for value in typing.get_args(kind)
)


def _words(text: str) -> set[str]:
    text = _PATHLIKE.sub(" ", _FLAG.sub(" ", unicodedata.normalize("NFC", text)))
    return {word.casefold() for word in _WORD.findall(text)}


@cache
def _catalogue_words(lang: str) -> frozenset[str]:
    words: set[str] = set()
    for texts in catalogue().values():
        literal = "".join(part for part, *_ in string.Formatter().parse(texts[lang]))
        words |= _words(_PLACEHOLDER.sub(" ", literal))
    return frozenset(words)


@cache
def _allowed_tokens() -> frozenset[str]:
    import json

    listed = json.loads(ALLOW.read_text(encoding="utf-8"))["words"]
    commands = next(a for a in build_parser()._actions if a.choices and "run" in a.choices).choices
    return frozenset(word.casefold() for word in [*listed, *commands])


def _strip_given(output: str, given: list[str]) -> str:
    """The output without what the user gave (paths, names) and without code values (`vai trò=lead`)."""
    for text in sorted(given, key=len, reverse=True):
        output = output.replace(text, " ")
    output = _CLIPPED.sub(" ", output)
    codes = "|".join(map(re.escape, _CODES))
    return re.sub(r"(=|  )(?:" + codes + r")(?![\w-])", r"\1 ", output)  # `vai trò=lead`, `loại   ke_hoach`


def _foreign_words(output: str, lang: str, given: list[str], also: frozenset[str] = frozenset()) -> set[str]:
    allowed = _catalogue_words(lang) | _allowed_tokens() | also
    return _words(_strip_given(output, given)) - allowed


def _kehoach(*args: str | Path, lang: str | None = None) -> str:
    """stdout and stderr of `kehoach ARGS`, with the language left to its default unless given."""
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_LANG"}
    command = [sys.executable, "-m", "pipeline.cli", *map(str, args), *(["--lang", lang] if lang else [])]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> Path:
    """A folder of inputs that fail, each in its own way, and one that is skipped."""
    folder = tmp_path_factory.mktemp("bad") / "in"
    folder.mkdir()
    for name in ("empty.txt", "encrypted.pdf", "old_binary.docx"):
        shutil.copy(FIXTURES / name, folder / name)
    shutil.copy(FIXTURES / "old_binary.docx", folder / "plan.doc")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    return folder


def _sessions(tmp: Path, bad: Path) -> list[tuple[list[str | Path], list[str]]]:
    """Each command a user might type, with what it was given (stripped before the words are read)."""
    names = [p.name for p in bad.iterdir()]
    missing = tmp / "khong-co.txt"
    return [
        (["--help"], []),
        *(([command, "--help"], []) for command in ("run", "score", "audit", "show")),
        (["run", PLANS, "--out", tmp / "out", "--force"], [str(PLANS), str(tmp / "out")]),
        (["run", bad, "--out", tmp / "bad-out", "--no-progress"], [str(bad), str(tmp / "bad-out"), *names]),
        (["run", missing, "--out", tmp / "x"], [str(missing)]),
        (["show", missing], [str(missing)]),
        (["show", bad / "encrypted.pdf"], [str(bad / "encrypted.pdf")]),
        (["run"], []),
        (["run", PLANS, "--fromat", "csv"], [str(PLANS)]),
        (["rnu", PLANS], [str(PLANS), "rnu"]),
        (["run", PLANS, "--jobs", "0"], [str(PLANS)]),
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_word_the_cli_prints_is_in_the_language_chosen(tmp_path, bad_inputs, lang):
    chosen = None if lang == "vi" else lang  # Vietnamese is the default: no flag
    foreign: dict[str, set[str]] = {}
    for args, given in _sessions(tmp_path, bad_inputs):
        output = _kehoach(*args, lang=chosen)
        assert output.strip(), args
        words = _foreign_words(output, lang, given)
        if words:
            foreign[" ".join(map(str, args))] = words
    assert not foreign, foreign


def _values(data: object) -> list[str]:
    """Every string value (not key) in a record's dump: a body's canonical name from the lexicon."""
    if isinstance(data, dict):
        return [text for value in data.values() for text in _values(value)]
    if isinstance(data, list):
        return [text for value in data for text in _values(value)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_show_of_a_plan_speaks_the_language_chosen(lang):
    output = _kehoach("show", SHOWN_PLAN, lang=None if lang == "vi" else lang)
    records = process_file(SHOWN_PLAN).model_dump(exclude={"warnings"})
    plan_words = frozenset(_words(load_document(SHOWN_PLAN).text + " ".join(_values(records))))
    assert _foreign_words(output, lang, [str(SHOWN_PLAN)], also=plan_words) == set()


def test_english_is_what_en_gives_and_vietnamese_what_the_default_gives():
    """The two languages are not the same text: each run says its own catalogue's words."""
    entries = catalogue()
    vi, en = _kehoach("run", "--help"), _kehoach("run", "--help", lang="en")
    assert entries["cli.run.force"]["vi"] in vi and entries["argparse.usage"]["vi"] in vi
    assert entries["cli.run.force"]["en"] in en and "usage: " in en and "positional arguments" in en
    assert entries["cli.run.force"]["en"] not in vi and entries["cli.run.force"]["vi"] not in en
