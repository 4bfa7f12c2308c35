"""Looking records up by position: bisection over sorted starts instead of a scan per question.

Why: an extractor that asks, for each mention or cell, "which citation holds it?" or "which bodies lie
inside it?" by scanning every record does work proportional to the square of the plan's length: a
1 MB plan spent seconds there (issue 13). Built once per document, these indexes answer each question
in logarithmic time and give exactly the answers of the scans they replace, in the same order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Enclosing:
    """Spans, sorted by start, with the furthest end reached so far: `holds(start, end)` is
    `any(a <= start and end <= b for a, b in spans)`."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))

    def holds(self, start: int, end: int) -> bool:
        count = bisect_right(self.starts, start)  # the spans that start at or before `start`
        return count > 0 and self.reach[count - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """`any(a < end and start < b for a, b in spans)`: some span shares a character with [start, end)."""
        count = bisect_left(self.starts, end)  # the spans that start before `end`
        return count > 0 and self.reach[count - 1] > start


class ByStart(Generic[T]):
    """Items indexed by where they start: `starting_in(low, high)` is
    `[item for item in items if start_of(item) is not None and low <= start_of(item) <= high]`,
    in the items' own order."""

    def __init__(self, items: Sequence[T], start_of: Callable[[T], int | None]):
        self.items = items
        keyed = sorted((start, i) for i, item in enumerate(items) if (start := start_of(item)) is not None)
        self.starts = [start for start, _ in keyed]
        self.order = [i for _, i in keyed]

    def starting_in(self, low: int, high: int) -> list[T]:
        first, last = bisect_left(self.starts, low), bisect_right(self.starts, high)
        return [self.items[i] for i in sorted(self.order[first:last])]
