"""Which stretches of a document speak of the past, and which lines label a year for what follows.

Shared by the deadlines and targets extractors, which must read a document's times the same way:
- a report (BÁO CÁO) gives an account of work done in every section but those that look forward
  ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "NHIỆM VỤ TRỌNG TÂM TUẦN TỚI"): the times there date finished
  work (no deadline), and the figures there are results (no target);
- a line that opens with a year and a colon ("* Năm 2026: (…)", "- Năm 2027:") labels the lines under
  it, as a heading would: a programme's schedule by year.

The words are `report_type_lines`, `report_forward_words`, `document_number_words` and `year_word` of
lexicon/time_expressions.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractors.grammar import BEFORE_WORD, alternation, fold
from pipeline.document import Document
from pipeline.lexicon import TimeExpressionsLexicon


@dataclass(frozen=True)
class _Patterns:
    report_type: regex.Pattern
    report_forward: regex.Pattern
    year_label: regex.Pattern


@cache
def _patterns() -> _Patterns:
    lex = TimeExpressionsLexicon.load()
    year = alternation([lex.year_word])
    return _Patterns(
        report_type=regex.compile(alternation(lex.report_type_lines)),
        # not a forward word that names a cited document ("Thực hiện Kế hoạch số 11/KH-UBND …"): the
        # document the report answers to, not the coming work it turns to
        report_forward=regex.compile(
            rf"{BEFORE_WORD}(?:{alternation(lex.report_forward_words)})"
            rf"(?!\s+(?:{alternation(lex.document_number_words)})\s*:?\s*\d)"
        ),
        year_label=regex.compile(rf"[\s*\-–•+]*{year}\s+(?P<year>(?:19|20)\d{{2}})\s*:"),
    )


def is_report(document: Document) -> bool:
    """Does the type line say BÁO CÁO?"""
    line = document.header.doc_type_line
    return line is not None and bool(_patterns().report_type.fullmatch(document.fold[line.start : line.end].strip()))


def looks_forward(text: str) -> bool:
    """Does a title or heading look ahead ("phương hướng", "nhiệm vụ trọng tâm", "tuần tới")?"""
    return bool(_patterns().report_forward.search(fold(text)))


def forward_match(folded: str, start: int, end: int) -> regex.Match | None:
    """The first forward word in folded[start:end] (where a report's title turns to what comes next)."""
    return _patterns().report_forward.search(folded, start, end)


def report_looks_back(document: Document) -> set[str | None]:
    """In a report, the sections that report work done: every section but those whose title, or an
    ancestor's, looks forward, and the text before the first section (None). Empty for any other
    kind of document."""
    if not is_report(document):
        return set()
    by_path = {s.path: s for s in document.sections}

    def forward(path: str | None) -> bool:
        while path:
            section = by_path.get(path)
            if section is None:
                return False
            if looks_forward(section.title):
                return True
            path = section.parent
        return False

    return {None} | {path for path in by_path if not forward(path)}


def year_label(document: Document, start: int, end: int) -> regex.Match | None:
    """The label "Năm 2026:" opening the text at [start, end), with its year in group "year"."""
    return _patterns().year_label.match(document.fold, start, end)
