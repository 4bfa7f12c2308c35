"""Evidence shared by every extractor: the quote, its prefix, span, section and source location.

One place cuts quotes from the document so that every record kind quotes the same way the gold
guidelines ask: NFC, whitespace folded to one space, in the document's own spelling.
"""

from __future__ import annotations

from pipeline.document import Document
from pipeline.textmatch import fold_whitespace

PREFIX_CHARS = 80


def evidence(document: Document, start: int, end: int) -> dict:
    """The evidence fields of a record whose quote is `document.text[start:end]`.

    Leading and trailing whitespace and punctuation that no quote should carry are trimmed first,
    so the span and the quote always agree.
    """
    text = document.text
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    prefix = fold_whitespace(text[max(0, start - PREFIX_CHARS - 20) : start])[-PREFIX_CHARS:]
    return {
        "quote": fold_whitespace(text[start:end]),
        "prefix": prefix or None,
        "span": (start, end),
        "section": document.section_at(start),
        "source": document.locate(start),
    }
