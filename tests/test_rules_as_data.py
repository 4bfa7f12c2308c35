"""Rules as data (issue 12): every lexicon file loads through its schema, a malformed one fails naming
the file and the key, and no word list or cue is left inline in `extractors/` or `pipeline/`.

The inline check reads the source with `ast` (not a grep), so docstrings are told from string literals
and a comment never counts; what a literal holds is judged word by word (see `vietnamese_words`).
"""

from __future__ import annotations

import ast
import json
import unicodedata
from pathlib import Path

import pytest
import regex

from pipeline.lexicon import DATA_DIRS, ROOT, Lexicon, LexiconError, schemas
from pipeline.syllables import is_legal

INLINE = json.loads((Path(__file__).with_name("inline_words.json")).read_text(encoding="utf-8"))
SOURCE_DIRS = ("extractors", "pipeline")

_VIETNAMESE_LETTER = regex.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")
_ESCAPE = regex.compile(r"\\[A-Za-z]")  # \b, \s, \p{L} … carry no word
_LETTERS = regex.compile(r"[^\W\d_]+")


# --- schemas ---------------------------------------------------------------------------------------


def lexicon_files() -> list[Path]:
    return sorted(p for folder in DATA_DIRS for p in folder.glob("*.json"))


def test_every_lexicon_file_has_a_schema_and_loads_through_it():
    """A new file without a schema fails here, as does a file that no longer follows its schema."""
    found = schemas()
    missing = [str(p.relative_to(ROOT)) for p in lexicon_files() if p not in found]
    assert not missing, f"lexicon files without a schema in pipeline/lexicon.py: {missing}"
    for path in lexicon_files():
        assert isinstance(found[path].load(), found[path])
    assert not [p for p in found if not p.exists()], "a schema names a file that does not exist"


def _malformed(tmp_path: Path, edit) -> tuple[type[Lexicon], Path]:
    """A copy of a lexicon with a regex entry, edited by `edit`."""
    from pipeline.lexicon import RoleCuesLexicon

    data = json.loads(RoleCuesLexicon.path().read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / RoleCuesLexicon.file
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return RoleCuesLexicon, path


@pytest.mark.parametrize(
    ("edit", "key", "why"),
    [
        (lambda d: d.update(oversigth_work=d["oversight_work"]), "oversigth_work", "Extra inputs"),
        (lambda d: d.pop("support_work"), "support_work", "Field required"),
        (lambda d: d.update(cue_end="(?:với|cùng"), "cue_end", "not a valid regular expression"),
        (lambda d: d["before"].update(lead=[]), "before.lead", "at least 1 item"),
        (lambda d: d["order"].append("chair"), "(top)", "'order'"),
    ],
    ids=["unknown key", "missing key", "bad regex", "empty word list", "order without cues"],
)
def test_a_malformed_lexicon_fails_at_load_naming_file_and_key(tmp_path, edit, key, why):
    schema, path = _malformed(tmp_path, edit)
    with pytest.raises(LexiconError) as error:
        schema.read(path)
    message = str(error.value)
    assert str(path) in message and f"key '{key}'" in message and why in message


def test_the_shipped_lexicon_is_not_the_malformed_copy(tmp_path):
    """The check above fails for the edit, not for the file: the same copy unedited loads."""
    schema, path = _malformed(tmp_path, lambda d: None)
    assert schema.read(path) == schema.load()


def test_a_unique_kind_must_be_one_cited_by_name(tmp_path):
    """doc_types.json: a kind that needs no name of its own ('Hiến pháp năm 2013') is read only among the
    kinds cited by name, so one missing from `cited_by_name` is named at load."""
    from pipeline.lexicon import DocTypesLexicon

    data = json.loads(DocTypesLexicon.path().read_text(encoding="utf-8"))
    data["unique_kinds"].append("Quyết định")
    path = tmp_path / DocTypesLexicon.file
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        DocTypesLexicon.read(path)
    assert str(path) in str(error.value) and "'unique_kinds'" in str(error.value) and "Quyết định" in str(error.value)


# --- no words inline -------------------------------------------------------------------------------


def vietnamese_words(literal: str) -> list[str]:
    """The Vietnamese words a string literal holds: a run of letters that is a Vietnamese syllable with a
    Vietnamese diacritic, or one of the test data's plain-ASCII words. A lone letter is a character (a
    legacy encoding's table, a letter class such as [a-zđ]), not a word, unless spaces stand around it."""
    text = _ESCAPE.sub(" ", unicodedata.normalize("NFC", literal))
    words = []
    for m in _LETTERS.finditer(text):
        run = m.group().lower()
        if run in INLINE["ascii_words"]:
            words.append(run)
        elif _VIETNAMESE_LETTER.search(run) and is_legal(run):
            alone = len(run) > 1 or (text[m.start() - 1 : m.start()] == " " and text[m.end() : m.end() + 1] == " ")
            if alone:
                words.append(run)
    return words


def _docstrings(tree: ast.AST) -> set[int]:
    """Ids of the string constants that stand alone as a statement (docstrings, attribute docs)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }


def _allowed(path: str, literal: str) -> bool:
    return any(a["file"] == path and a["literal"] in (None, literal) for a in INLINE["allowed"])


def inline_words() -> list[str]:
    found = []
    for folder in SOURCE_DIRS:
        for source in sorted((ROOT / folder).rglob("*.py")):
            path = str(source.relative_to(ROOT))
            tree = ast.parse(source.read_text(encoding="utf-8"))
            skip = _docstrings(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                    words = vietnamese_words(node.value)
                    if words and not _allowed(path, node.value):
                        found.append(f"{path}:{node.lineno}: {words} in {node.value[:60]!r}")
    return found


def test_no_word_list_or_cue_is_inline_in_the_code():
    found = inline_words()
    assert not found, "words belong in extractors/lexicon/*.json (with a schema):\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("literal", "words"),
    [
        ("(?:chủ trì|phối hợp)\\s+", ["chủ", "trì", "phối", "hợp"]),
        ("\\bcác\\b", ["các"]),
        ("(?<=\\s)theo\\s", ["theo"]),
        (" ở ", ["ở"]),
        ("[a-zđ]\\)", []),
        ("ù", []),
        ("aăâeêioôơuưy", []),
        ("no words here: %s, {task}", []),
    ],
)
def test_the_scan_tells_words_from_letters(literal, words):
    assert vietnamese_words(literal) == words


# --- one list of record kinds, one of input formats ------------------------------------------------


def _lists_of(names: set[str]) -> list[str]:
    """Where a tuple, list or set literal (a Literal[...] included) names every one of `names`, outside
    pipeline/models.py, which holds the one list."""
    found = []
    for folder in SOURCE_DIRS:
        for source in sorted((ROOT / folder).rglob("*.py")):
            path = str(source.relative_to(ROOT))
            if path == "pipeline/models.py":
                continue
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                    values = {
                        e.value.lstrip(".")
                        for e in node.elts
                        if isinstance(e, ast.Constant) and isinstance(e.value, str)
                    }
                    if names <= values:
                        found.append(f"{path}:{node.lineno}")
    return found


def test_record_kinds_and_input_formats_are_listed_once():
    from pipeline.ingest import SUPPORTED_SUFFIXES
    from pipeline.models import INPUT_FORMATS, RECORD_KINDS, RECORD_MODELS, PlanResult
    from pipeline.scoring import FORMATS

    assert tuple(RECORD_MODELS) == RECORD_KINDS
    assert set(RECORD_KINDS) <= set(PlanResult.model_fields)
    assert tuple(f".{f}" for f in INPUT_FORMATS) == SUPPORTED_SUFFIXES
    assert FORMATS == INPUT_FORMATS
    assert not _lists_of(set(RECORD_KINDS)), "derive the record kinds from pipeline.models.RECORD_KINDS"
    assert not _lists_of(set(INPUT_FORMATS)), "derive the input formats from pipeline.models.INPUT_FORMATS"
