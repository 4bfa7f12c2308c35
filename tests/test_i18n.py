"""The message catalogue: both languages for every key, the same values named in each, keys unique."""

from __future__ import annotations

import json

import pytest

from pipeline import i18n


def test_catalogue_loads_and_every_entry_speaks_both_languages():
    entries = i18n.catalogue()
    assert entries
    assert all(set(texts) == set(i18n.LANGUAGES) for texts in entries.values())


def test_language_follows_the_environment(monkeypatch):
    monkeypatch.setenv(i18n.ENVIRONMENT, "vi")  # restored after the test, whatever set_language does
    assert i18n.say("language_name") == "Tiếng Việt"
    i18n.set_language("en")
    assert i18n.say("language_name") == "English"
    monkeypatch.setenv(i18n.ENVIRONMENT, "fr")
    assert i18n.language() == "vi"
    with pytest.raises(ValueError):
        i18n.set_language("fr")


def test_a_translation_that_drops_a_value_fails_at_load(tmp_path, monkeypatch):
    (tmp_path / "a.json").write_text(json.dumps({"k": {"vi": "{n} tệp", "en": "files"}}), encoding="utf-8")
    monkeypatch.setattr(i18n, "CATALOGUE_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        with pytest.raises(i18n.CatalogueError, match="'k'"):
            i18n.catalogue()
    finally:
        monkeypatch.undo()
        i18n.catalogue.cache_clear()


def test_a_key_in_two_files_fails_at_load(tmp_path, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / f"{name}.json").write_text(json.dumps({"k": {"vi": "x", "en": "x"}}), encoding="utf-8")
    monkeypatch.setattr(i18n, "CATALOGUE_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        with pytest.raises(i18n.CatalogueError, match=r"already in a\.json"):
            i18n.catalogue()
    finally:
        monkeypatch.undo()
        i18n.catalogue.cache_clear()
