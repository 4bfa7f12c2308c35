"""The extractors, in the order they run: each reads the `Document` and the records of those before it.

citations → metadata (reads citations) → targets → deadlines → bodies → tasks (reads bodies and deadlines).
Each is a pure function of its inputs: no I/O, no global state beyond lexicons loaded once.
"""

from __future__ import annotations

from typing import Any

from pipeline.document import Document
from pipeline.models import DocWarning


def extract_all(document: Document, nlp: bool = True) -> dict[str, Any]:
    """All records of one document, as the keyword arguments of `PlanResult`.

    `nlp=False` runs the rules alone, for the ablation line of `kehoach score --ablation`.
    """
    warnings: list[DocWarning] = [DocWarning(code="structure", message=text) for text in document.warnings]
    return {"warnings": warnings}
