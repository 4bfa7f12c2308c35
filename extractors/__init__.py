"""The extractors, in the order they run: each reads the `Document` and the records of those before it.

citations → metadata (reads citations) → targets → deadlines → bodies (reads citations, to leave their
issuers out) → tasks (reads bodies and deadlines) → criteria (reads bodies). Each is a pure function
of its inputs: no I/O, no global state beyond lexicons loaded once.
"""

from __future__ import annotations

from typing import Any

from extractors.body_model import DEFAULT_BODY_MODE, bodies_by_mode
from extractors.citations import extract_citations
from extractors.criteria import extract_criteria
from extractors.deadlines import extract_deadlines
from extractors.metadata import extract_metadata
from extractors.targets import extract_targets
from extractors.tasks import extract_tasks
from pipeline.document import Document
from pipeline.models import DocWarning


def extract_all(document: Document, nlp: bool = True, bodies_mode: str = DEFAULT_BODY_MODE) -> dict[str, Any]:
    """All records of one document, as the keyword arguments of `PlanResult`.

    `nlp=False` runs the rules alone, for the ablation line of `kehoach score --ablation`;
    `bodies_mode` picks rules, the learned model, or both for bodies (`extractors.body_model`).
    """
    warnings: list[DocWarning] = list(document.warnings)
    citations, citation_warnings = extract_citations(document)
    metadata = extract_metadata(document, citations)
    targets = extract_targets(document, nlp=nlp)
    deadlines, deadline_warnings = extract_deadlines(document, citations)
    bodies = bodies_by_mode(document, citations, nlp=nlp, mode=bodies_mode)
    return {
        "metadata": metadata,
        "citations": citations,
        "targets": targets,
        "deadlines": deadlines,
        "bodies": bodies,
        "tasks": extract_tasks(document, bodies, deadlines),
        "criteria": extract_criteria(document, bodies),
        "warnings": warnings + citation_warnings + deadline_warnings,
    }
