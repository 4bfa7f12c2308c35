"""The CLI's language switch, --version, "did you mean", and the catalogue behind errors and warnings.

`test_user_language.py` reads every word the CLI prints; these tests pin down the parts one by one:
where `--lang` may stand, that the environment is followed and the flag wins over it, what is suggested
for a typo, that each error and warning kind has its sentence, and that a warning is data (code,
values, place) whose sentence can be given again in the other language.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from pipeline import errors
from pipeline.cli_parser import closest
from pipeline.i18n import catalogue, say
from pipeline.ingest.guard import check_file
from pipeline.models import DocWarning, PlanResult

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "corpus" / "plans" / "xuan-hung_KH-02_2025.txt"


def _kehoach(*args: str | Path, env_lang: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_LANG"}
    if env_lang:
        env["KEHOACH_LANG"] = env_lang
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_version_is_the_package_version():
    done = _kehoach("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"kehoach {version('kehoach')}"


@pytest.mark.parametrize(
    ("args", "env_lang", "expected"),
    [
        (["run", "--help"], None, "vi"),
        (["--lang", "en", "run", "--help"], None, "en"),
        (["run", "--help", "--lang", "en"], None, "en"),
        (["run", "--help", "--lang=en"], None, "en"),
        (["run", "--help"], "en", "en"),
        (["run", "--help", "--lang", "vi"], "en", "vi"),
    ],
)
def test_the_language_is_chosen_by_the_flag_anywhere_or_the_environment(args, env_lang, expected):
    done = _kehoach(*args, env_lang=env_lang)
    assert done.returncode == 0, done.stderr
    assert say("cli.run.force", expected) in done.stdout
    assert say("argparse.usage", expected) in done.stdout


def test_a_misspelt_subcommand_is_told_the_closest_one():
    done = _kehoach("rnu", PLAN)
    assert done.returncode == 2
    assert say("cli.did_you_mean", suggestion="run").strip("; ") in done.stderr, done.stderr


def test_a_misspelt_flag_is_told_the_closest_flag_of_its_subcommand():
    done = _kehoach("run", PLAN, "--fromat", "csv")
    assert done.returncode == 2
    assert say("cli.unrecognized_one", argument="--fromat", suggestion="--format") in done.stderr, done.stderr
    done = _kehoach("show", PLAN, "--max-szie", "5")
    assert say("cli.unrecognized_one", argument="--max-szie", suggestion="--max-size") in done.stderr


def test_nothing_is_suggested_for_a_word_that_is_close_to_nothing():
    assert closest("--xyz", ["--format", "--out", "--jobs"]) is None
    assert closest("scroe", ["run", "score", "audit", "show"]) == "score"


def test_an_unknown_format_is_a_usage_error_naming_the_formats():
    done = _kehoach("run", PLAN, "--format", "csv,xslx")
    assert done.returncode == 2 and "xslx" in done.stderr and "xlsx" in done.stderr, done.stderr


def test_a_missing_file_is_not_found_not_damaged(tmp_path):
    with pytest.raises(errors.FileNotFoundError_) as caught:
        check_file(tmp_path / "khong-co.pdf", 1 << 20)
    assert caught.value.code == "not_found" and not caught.value.cacheable
    assert say("advice.not_found") in caught.value.message
    assert say("advice.unreadable") not in caught.value.message


def _error_kinds() -> list[type[errors.KehoachError]]:
    found, pending = [], [errors.KehoachError]
    while pending:
        kind = pending.pop()
        found.append(kind)
        pending.extend(kind.__subclasses__())
    return found


def test_every_error_kind_has_its_name_and_advice_in_both_languages():
    codes = {kind.code for kind in _error_kinds()} | {errors.CRASH, errors.INTERNAL}
    missing = [
        f"{part}.{code}" for code in codes for part in ("error", "advice") if f"{part}.{code}" not in catalogue()
    ]
    assert missing == []


def test_an_error_is_in_the_language_of_the_run(monkeypatch):
    monkeypatch.setenv("KEHOACH_LANG", "en")
    english = errors.EncryptedPdfError("ke-hoach.pdf", "pdf_needs_password").message
    monkeypatch.setenv("KEHOACH_LANG", "vi")
    vietnamese = errors.EncryptedPdfError("ke-hoach.pdf", "pdf_needs_password").message
    assert english.startswith("ke-hoach.pdf: ") and vietnamese.startswith("ke-hoach.pdf: ")
    assert say("advice.encrypted", "en") in english and say("advice.encrypted", "vi") in vietnamese


def test_a_warning_is_data_and_speaks_either_language(monkeypatch):
    monkeypatch.setenv("KEHOACH_LANG", "vi")
    warning = DocWarning.of(
        "citation_date_conflict", span=(120, 140), number="24-KH/TU", value="2025-08-11", first="2025-08-01"
    )
    assert warning.values == {"number": "24-KH/TU", "value": "2025-08-11", "first": "2025-08-01"}
    assert warning.message == warning.text("vi") != warning.text("en")
    assert "24-KH/TU" in warning.text("en") and "2025-08-01" in warning.text("en")
    again = DocWarning.model_validate_json(warning.model_dump_json())
    assert again.text("en") == warning.text("en")


def test_a_warning_from_an_older_result_keeps_its_own_words():
    old = DocWarning(code="structure", message="heading numbers skipped at the top level: 3. follows number 1")
    assert old.values == {} and old.text("vi") == old.message


def test_the_corpus_warnings_have_their_sentences_and_no_offsets_in_prose():
    from pipeline.process import process_file

    results: list[PlanResult] = [process_file(path) for path in sorted((ROOT / "corpus" / "plans").glob("*.txt"))]
    warnings = [w for result in results for w in result.warnings]
    assert warnings, "the corpus has citation conflicts: a test of nothing otherwise"
    for warning in warnings:
        assert f"warning.{warning.code}" in catalogue()
        assert warning.span is not None and warning.source is not None
        assert "offset" not in warning.text("en") and str(warning.span[0]) not in warning.message
