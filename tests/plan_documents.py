"""Documents for the citation, metadata and registry tests, made one way.

`make_document` builds a `Document` straight from a text, without the structure stage, so a test
states the header spans it means (or none, to exercise the text fallbacks). `gold_case` reads a
corpus rendition through the whole front of the pipeline, next to its gold file.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from extractors.grammar import fold
from pipeline.document import Document
from pipeline.models import GoldDocument

ROOT = Path(__file__).resolve().parent.parent


def make_document(text: str) -> Document:
    text = unicodedata.normalize("NFC", text)
    return Document(doc_id="t", path="t.txt", format="txt", text=text, fold=fold(text))


def gold_renditions() -> list[Path]:
    """Every corpus rendition (.txt, .docx, .pdf) whose plan has a gold file."""
    return sorted(p for p in (ROOT / "corpus" / "plans").glob("*.*") if (ROOT / "gold" / f"{p.stem}.json").exists())


def gold_case(path: Path) -> tuple[GoldDocument, Document]:
    """The gold record of a rendition and the rendition ingested, normalized and structured."""
    from pipeline.ingest import read_document
    from pipeline.scoring import load_gold_file
    from pipeline.structure import build_document

    return load_gold_file(ROOT / "gold" / f"{path.stem}.json"), build_document(read_document(path), path.stem)
