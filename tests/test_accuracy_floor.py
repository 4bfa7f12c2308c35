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
from pipeline.scoring import load_gold, load_texts, score

ROOT = Path(__file__).resolve().parent.parent
FLOOR = json.loads((Path(__file__).resolve().parent / "accuracy_floor.json").read_text(encoding="utf-8"))


# Each scored set: its gold folder, its corpus folder, and whether only documents with .docx renditions
# count (the openings of corpus/real have no renditions: a missing .docx would count as a miss). The
# held-out parts are not here: a floor on them would turn them into a target to tune on.
SETS = {
    "plans": (ROOT / "gold", ROOT / "corpus" / "plans", False),
    "real_dev": (ROOT / "gold" / "real" / "dev", ROOT / "corpus" / "real" / "dev", False),
    "real_dev_renditions": (ROOT / "gold" / "real" / "dev", ROOT / "corpus" / "real" / "dev", True),
}


def _report(name: str):
    gold_dir, corpus_dir, rendered_only = SETS[name]
    gold = load_gold(gold_dir)
    if rendered_only:
        gold = {doc_id: doc for doc_id, doc in gold.items() if (corpus_dir / f"{doc_id}.docx").is_file()}
    predictions = [
        process_file(path)
        for doc_id in gold
        for path in sorted(corpus_dir.glob(f"{doc_id}.*"))
        if path.suffix in SUPPORTED_SUFFIXES
    ]
    assert predictions, f"no file of {corpus_dir} has a gold file"
    return score(gold, predictions, load_texts(gold, gold_dir))


@pytest.fixture(scope="module")
def reports():
    return {}


def _floor_of(name: str) -> dict:
    return FLOOR if name == "plans" else FLOOR["sets"][name]


@pytest.mark.parametrize("name", list(SETS))
@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_no_kind_slides_below_its_floor(reports, name, fmt):
    floor = _floor_of(name)
    if fmt not in floor["exact_f1"]:
        pytest.skip(f"{name} is scored in {', '.join(floor['exact_f1'])} only")
    if name not in reports:
        reports[name] = _report(name)
    block = reports[name].block(fmt=fmt)
    slid = []
    for kind in RECORD_KINDS:
        f1 = block.kinds[kind].exact.f1 or 0.0
        kind_floor = floor["exact_f1"][fmt][kind]
        if f1 + 1e-9 < kind_floor:
            slid.append(f"{kind}: exact F1 {f1:.3f} < floor {kind_floor:.3f}")
    agreement = block.metadata.overall() or 0.0
    if agreement + 1e-9 < floor["metadata_agreement"][fmt]:
        slid.append(f"metadata: agreement {agreement:.3f} < floor {floor['metadata_agreement'][fmt]:.3f}")
    hint = "kehoach score --details shows what"
    assert not slid, f"{name}, {fmt}: accuracy slid below the floor ({hint}):\n" + "\n".join(slid)
