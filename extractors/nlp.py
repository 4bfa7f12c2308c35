"""underthesea, loaded once for every extractor that asks it something.

The rules run without it (`nlp=False`); where they are unsure, `targets` and `bodies` ask its POS
tagger, and `targets` reads its Vietnamese word list. Importing underthesea costs ~0.4-1 s, so the
import waits for the first question, and both extractors share the one loaded tagger.

The tagger's own feature builder (`underthesea.pipeline.pos_tag.tagged_feature`) re-parses each
template with a regex and rebuilds every column of the sentence for each feature of each word, which
makes a clause's features quadratic in its length and cost ~3/4 of a `pos_tag` call (issue 15). Here
the same templates are parsed once and each feature string is built directly; the strings, and so the
tags, are the same as underthesea's (`tests/test_nlp.py` compares both on many sentences). Where
underthesea's internals are not the ones this was written against, its own `pos_tag` is used.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

# underthesea's template syntax: "T[-1,0][1].lower" = rows -1..0 of column 1, through a function
_TEMPLATE = re.compile(r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?")


def _compile_template(template: list[str], functions: dict[str, Callable[[str], object]]) -> list[tuple]:
    """Each template item once: (prefix, first row, last row or None, column, function or None)."""
    compiled = []
    for token_syntax in template:
        matched = _TEMPLATE.match(token_syntax)
        if matched is None:
            raise ValueError(token_syntax)
        column = int(matched.group("column")) if matched.group("column") else 0
        index2 = matched.group("index2")
        function = matched.group("function")
        compiled.append(
            (
                f"{token_syntax}=",
                int(matched.group("index1")),
                int(index2) if index2 else None,
                column,
                functions[function] if function is not None else None,
            )
        )
    return compiled


def sentence_features(words: list[str], compiled: list[tuple]) -> list[list[str]]:
    """The CRF features of each word of a tokenized sentence, as underthesea's `word2features` gives
    them for the rows (word, "X"), without its per-feature rebuilding of the sentence."""
    n = len(words)
    columns = (words, ["X"] * n)
    out: list[list[str]] = []
    for i in range(n):
        features: list[str] = []
        for prefix, index1, index2, column, function in compiled:
            first = i + index1
            if first < 0:
                features.append(prefix + "BOS")
                continue
            if first >= n:
                features.append(prefix + "EOS")
                continue
            if index2 is not None:
                if i + index2 >= n:
                    features.append(prefix + "EOS")
                    continue
                word = " ".join(columns[column][first : i + index2 + 1])
            else:
                word = columns[column][first]
            features.append(f"{prefix}{function(word) if function is not None else word}")
        out.append(features)
    return out


@cache
def _tagger() -> Callable[[str], list[tuple[str, str]]]:
    """underthesea's POS tagging with the features built once per template (see the module docstring),
    or underthesea's own `pos_tag` where its internals differ from those this reads."""
    from underthesea import pos_tag  # imported on first use: loading the model costs ~0.4-1 s

    try:
        from underthesea import word_tokenize
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor
        from underthesea.pipeline.pos_tag.tagged_feature import (
            text_is_in_dict,
            text_isallcap,
            text_isdigit,
            text_istitle,
            text_lower,
        )

        predictor = CRFPOSTagPredictor.Instance()
        functions = {
            "lower": text_lower,
            "istitle": text_istitle,
            "isallcap": text_isallcap,
            "isdigit": text_isdigit,
            "is_in_dict": text_is_in_dict,
        }
        compiled = _compile_template(predictor.transformer.template, functions)
        model = predictor.model
    except (ImportError, AttributeError, KeyError, ValueError):  # another underthesea: its own path
        return pos_tag

    def fast_pos_tag(text: str) -> list[tuple[str, str]]:
        words = word_tokenize(text)
        tags = model.tag(sentence_features(words, compiled))
        return list(zip(words, tags, strict=False))  # as underthesea pairs them

    return fast_pos_tag


def pos_tag(text: str) -> list[tuple[str, str]]:
    """underthesea's (word, tag) pairs for `text` ("N", "Np", "V", ...)."""
    return _tagger()(text)


@cache
def compound_words() -> frozenset[str]:
    """The many-syllable words of underthesea's Vietnamese word list (Viet74K, shipped in the package),
    lower-cased, read from the file so that underthesea itself need not be imported."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "corpus" / "data" / "Viet74K.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(" ".join(line.lower().split()) for line in lines if " " in line.strip())
