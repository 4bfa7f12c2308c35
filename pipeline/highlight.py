"""Mark spans of a text as nested HTML elements, even where the spans overlap.

Why its own module: a plan's records overlap all the time (a task's span holds the body that leads
it and its deadline; a target's span may hold a deadline), and HTML elements must nest. Spans that
nest become nested elements, each whole. Spans that cross (one starts inside another and ends after
it) cannot both be whole: the one that must close first closes, the other is closed with it and
reopened at once as a continuation, so every character still sits inside the element of every span
that covers it. Every piece of a span carries `data-rec` with the span's id; only the first piece
carries the `id` an anchor can jump to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise


@dataclass(frozen=True)
class Mark:
    """One span to highlight: [start, end) in the text, its anchor id and its element's attributes."""

    start: int
    end: int
    anchor: str
    classes: str
    attributes: dict[str, str] = field(default_factory=dict)


def _open(mark: Mark, first: bool) -> str:
    attributes = {"class": mark.classes, "data-rec": mark.anchor, **mark.attributes}
    if first:
        attributes["id"] = mark.anchor
    else:
        attributes["class"] += " cont"
    rendered = "".join(f' {name}="{escape(value, quote=True)}"' for name, value in attributes.items())
    return f"<mark{rendered}>"


def mark_up(text: str, start: int, end: int, marks: Sequence[Mark], started: set[str]) -> str:
    """`text[start:end]` as escaped HTML with every mark that meets it wrapped around its characters.

    `marks` must be sorted by (start, -end), so that of two spans starting together the longer is
    the outer element. `started` holds the anchors already given their `id` (shared across calls,
    one per block of the page, so a span crossing two blocks gets its id once); it is updated.
    """
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    points = sorted({start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    stack: list[Mark] = []
    out: list[str] = []

    def push(mark: Mark) -> None:
        out.append(_open(mark, mark.anchor not in started))
        started.add(mark.anchor)
        stack.append(mark)

    for here, after in pairwise(points):
        ending = [m for m in stack if m.end <= here]
        if ending:
            deepest = min(stack.index(m) for m in ending)
            reopen = [m for m in stack[deepest:] if m.end > here]
            out.append("</mark>" * (len(stack) - deepest))
            del stack[deepest:]
            for mark in reopen:
                push(mark)
        for mark in inside:
            if max(mark.start, start) == here and mark not in stack:
                push(mark)
        out.append(escape(text[here:after], quote=False))
    out.append("</mark>" * len(stack))
    return "".join(out)


class MarkWindow:
    """The marks meeting each range of a text read from its start to its end, found without looking
    at every mark for every range (a long plan has thousands of blocks and of records: the page must
    take time in proportion to them, not to their product). Ranges must come in order of their start."""

    def __init__(self, marks: Sequence[Mark]) -> None:
        self._marks = sorted(marks, key=lambda m: (m.start, -m.end))
        self._next = 0
        self._open: list[Mark] = []

    def between(self, start: int, end: int) -> list[Mark]:
        while self._next < len(self._marks) and self._marks[self._next].start < end:
            self._open.append(self._marks[self._next])
            self._next += 1
        self._open = [m for m in self._open if m.end > start]
        return self._open
