"""underthesea, loaded once for every extractor that asks it something.

The rules run without it (`nlp=False`); where they are unsure, `targets` and `bodies` ask its POS
tagger, and `targets` reads its Vietnamese word list. Importing underthesea costs ~0.4-1 s, so the
import waits for the first question, and both extractors share the one loaded tagger.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path


@cache
def _tagger():
    from underthesea import pos_tag  # imported on first use: loading the model costs ~0.4-1 s

    return pos_tag


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
