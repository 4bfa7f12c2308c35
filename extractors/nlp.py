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

The word segmentation `pos_tag` starts with (`word_tokenize`) was then ~2/3 of its time, most of it
underthesea_core's `CRFFeaturizer.process` (~15 µs a syllable, 43 strings each). `segment_features`
builds the same strings a template at a time over the sentence, each span and function once
(issue 15, sixth pass: 37 → 27 ms of features for the 116 `pos_tag` calls of corpus/plans and the 108
development texts); the segmenter's model and word list are underthesea's own, and the words the same
as its `word_tokenize` (`tests/test_nlp.py`).
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


def _title(text: str) -> str:
    """underthesea_core's `istitle`: every word opens with a character that upper-casing leaves as it is
    (a capital, a digit, a mark), which is not Python's `str.istitle` ("2030" and "," are titles)."""
    for word in text.split(" "):
        first = word[:1]
        if first.upper() != first:
            return "False"
    return "True"


def _compile_segment_template(template: list[str]) -> list[tuple[str, int, int, str | None]]:
    """The word segmenter's feature templates ("T[-1,0].lower"): (prefix, first row, last row, function)."""
    compiled = []
    for token_syntax in template:
        matched = _TEMPLATE.match(token_syntax)
        if matched is None or matched.group("column"):
            raise ValueError(token_syntax)
        function = matched.group("function")
        if function not in {None, "lower", "isdigit", "istitle", "is_in_dict"}:
            raise KeyError(function)
        first = int(matched.group("index1"))
        last = int(matched.group("index2")) if matched.group("index2") else first
        compiled.append((f"{token_syntax}=", first, last, function))
    return compiled


def segment_features(
    tokens: list[str], compiled: list[tuple[str, int, int, str | None]], dictionary: frozenset[str]
) -> list[tuple[str, ...]]:
    """The CRF features of each syllable of a sentence, as underthesea_core's `CRFFeaturizer.process`
    gives them to underthesea's word segmenter, built a template at a time over the whole sentence:
    the rows of each width joined once and each function applied once to them, whichever templates
    share them ("T[-2].lower" and "T[1].lower" read the same lower-cased syllables, shifted)."""
    n = len(tokens)
    values: dict[tuple[int, str | None], list[str]] = {}
    columns: list[list[str]] = []
    for prefix, first, last, function in compiled:
        width = last - first
        key = (width, function)
        texts = values.get(key)
        if texts is None:
            joined = values.get((width, None))
            if joined is None:
                joined = tokens if width == 0 else [" ".join(tokens[j : j + width + 1]) for j in range(n - width)]
                values[(width, None)] = joined
            if function == "lower":
                texts = [text.lower() for text in joined]
            elif function == "isdigit":
                texts = [str(text.isascii() and text.isdigit()) for text in joined]
            elif function == "istitle":
                texts = [_title(text) for text in joined]
            elif function == "is_in_dict":  # the lower-cased text in the model's word list
                texts = [str(text.lower() in dictionary) for text in joined]
            else:
                texts = joined
            values[key] = texts
        # row i reads the span from i + first: before the sentence "BOS", past its end "EOS"
        lo = min(n, max(0, -first))
        hi = max(lo, min(n, n - last))
        inside = [prefix + text for text in texts[lo + first : hi + first]]
        columns.append([prefix + "BOS"] * lo + inside + [prefix + "EOS"] * (n - hi))
    return list(zip(*columns, strict=True)) if columns else [() for _ in tokens]  # the tagger takes tuples


@cache
def _segmenter() -> Callable[[str], list[str]]:
    """underthesea's `word_tokenize` with the segmenter's features built here (`segment_features`), or
    underthesea's own where its internals differ from those this reads."""
    from underthesea import word_tokenize

    try:
        import underthesea.pipeline.word_tokenize as segmentation
        from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

        word_tokenize("")  # loads the model into underthesea's own global, once
        model = segmentation.word_tokenize_model
        base = Path(segmentation.__file__).parent / "models" / "ws_crf_vlsp2013_20230727"
        import joblib

        compiled = _compile_segment_template(list(joblib.load(base / "features.bin")))
        dictionary = frozenset(joblib.load(base / "dictionary.bin"))
        estimator = model.estimator
    except (ImportError, AttributeError, KeyError, ValueError, OSError):  # another underthesea: its own path
        return word_tokenize

    def fast_word_tokenize(text: str) -> list[str]:
        tokens = tokenize(text, use_token_normalize=True, fixed_words=[])
        tags = estimator.tag(segment_features(tokens, compiled, dictionary))
        output: list[str] = []
        for tag, token in zip(tags, tokens, strict=False):  # as underthesea joins them
            if tag == "I-W" and output:
                output[-1] = output[-1] + " " + token
            else:
                output.append(token)
        return output

    return fast_word_tokenize


@cache
def _tagger() -> Callable[[str], list[tuple[str, str]]]:
    """underthesea's POS tagging with the features built once per template (see the module docstring),
    or underthesea's own `pos_tag` where its internals differ from those this reads."""
    from underthesea import pos_tag  # imported on first use: loading the model costs ~0.4-1 s

    try:
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

    segment = _segmenter()

    def fast_pos_tag(text: str) -> list[tuple[str, str]]:
        words = segment(text)
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
