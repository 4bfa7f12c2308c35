"""Where a gold record stands in a processed document: its quote located in the normalized text.

The learned bodies model trains on character spans, while gold records carry only a quote, and a
`prefix` or `occurrence` where the quote repeats (shared/gold-guidelines.md). The quote is searched
the way the scorer pairs (`pipeline.textmatch`): folded case and tone placement, whitespace folded to
one space; among several occurrences the one named by `occurrence`, else the one whose preceding text
best ends like `prefix`, else the first one no earlier record of the same quote took (annotators list
records in reading order). Works on any format's `Document`: the .docx and .pdf renditions of a plan
share the .txt's gold.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.document import Document
from pipeline.models import Evidence
from pipeline.normalize import fold_text
from pipeline.textmatch import common_suffix, occurrences, quote_for_search

_PREFIX_WINDOW = 200


def folded_with_offsets(fold: str, spaces: bool = True) -> tuple[str, list[int]]:
    """`fold` with every run of whitespace made one space (or, `spaces=False`, dropped), and each kept
    character's offset in `fold`."""
    chars: list[str] = []
    offsets: list[int] = []
    in_space = True  # leading whitespace is dropped
    for i, ch in enumerate(fold):
        if ch.isspace():
            if in_space or not spaces:
                continue
            ch, in_space = " ", True
        else:
            in_space = False
        chars.append(ch)
        offsets.append(i)
    return "".join(chars), offsets


def locate(document: Document, records: Sequence[Evidence]) -> list[tuple[int, int] | None]:
    """Each record's (start, end) in `document.text`, None where its quote is not in the text.

    A quote copied from glued PDF text ("Ban Thường vụĐảng uỷ") is found where the pipeline put the
    space back ("Ban Thường vụ Đảng uỷ"): failing the whitespace-folded search, spaces are ignored."""
    views = [folded_with_offsets(document.fold, spaces) for spaces in (True, False)]
    taken: dict[str, set[int]] = {}
    out: list[tuple[int, int] | None] = []
    for record in records:
        found = None
        for spaces, (folded, offsets) in zip((True, False), views, strict=True):
            quote = fold_text(quote_for_search(record.quote))
            if not spaces:
                quote = "".join(quote.split())
            starts = occurrences(folded, quote)
            if starts:
                found = (folded, offsets, quote, starts)
                break
        if found is None:
            out.append(None)
            continue
        folded, offsets, quote, starts = found
        used = taken.setdefault(quote, set())
        if record.occurrence and record.occurrence <= len(starts):
            start = starts[record.occurrence - 1]
        elif record.prefix:
            prefix = fold_text(record.prefix)
            start = max(starts, key=lambda s: (common_suffix(folded[max(0, s - _PREFIX_WINDOW) : s], prefix), -s))
        else:
            start = next((s for s in starts if s not in used), starts[0])
        used.add(start)
        end = start + len(quote)
        out.append((offsets[start], offsets[end - 1] + 1))
    return out
