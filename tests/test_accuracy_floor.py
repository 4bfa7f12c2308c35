"""The regression floor: the pipeline over the corpus must not score below `accuracy_floor.json`.

Runs the real pipeline (ingest → normalize → structure → extractors) on every corpus rendition that has a
gold file, scores it, and compares per format and per kind with the floor. The message lists every
kind that slid, with its score and its floor, so a change that costs accuracy is seen at once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.ingest import SUPPORTED_SUFFIXES
from pipeline.models import RECORD_KINDS
from pipeline.process import process_file
from pipeline.scoring import load_gold, score

ROOT = Path(__file__).resolve().parent.parent
FLOOR = json.loads((Path(__file__).resolve().parent / "accuracy_floor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report():
    gold = load_gold(ROOT / "gold")
    predictions = [
        process_file(path)
        for doc_id in gold
        for path in sorted((ROOT / "corpus" / "plans").glob(f"{doc_id}.*"))
        if path.suffix in SUPPORTED_SUFFIXES
    ]
    assert predictions, "no corpus file has a gold file"
    return score(gold, predictions)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_no_kind_slides_below_its_floor(report, fmt):
    block = report.block(fmt=fmt)
    slid = []
    for kind in RECORD_KINDS:
        f1 = block.kinds[kind].exact.f1 or 0.0
        floor = FLOOR["exact_f1"][fmt][kind]
        if f1 + 1e-9 < floor:
            slid.append(f"{kind}: exact F1 {f1:.3f} < floor {floor:.3f}")
    agreement = block.metadata.overall() or 0.0
    if agreement + 1e-9 < FLOOR["metadata_agreement"][fmt]:
        slid.append(f"metadata: agreement {agreement:.3f} < floor {FLOOR['metadata_agreement'][fmt]:.3f}")
    assert not slid, f"{fmt}: accuracy slid below the floor (kehoach score --details shows what):\n" + "\n".join(slid)
