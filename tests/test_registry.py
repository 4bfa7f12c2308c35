"""The lexicons load through strict models, the registry holds the directives the plans cite with the
facts the plans state, and citations that disagree with it raise warnings."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from plan_documents import ROOT, make_document
from pydantic import ValidationError

from extractors.citations import extract_citations
from extractors.registry import (
    DirectivesLexicon,
    DocTypesLexicon,
    IssuersLexicon,
    load_registry,
)
from pipeline.lexicon import LEXICON_DIR
from pipeline.models import Citation

REQUIRED = {
    "57-NQ/TW": ("nghi_quyet", "Bộ Chính trị", "2024-12-22"),
    "02-KH/BCĐTW": ("ke_hoach", "Ban Chỉ đạo Trung ương", "2025-06-19"),
    "204-QĐ/TW": ("quyet_dinh", "Ban Bí thư", "2024-11-29"),
    "03/NQ-CP": ("nghi_quyet", "Chính phủ", "2025-01-09"),
    "71/NQ-CP": ("nghi_quyet", "Chính phủ", "2025-04-01"),
    "193/2025/QH15": ("nghi_quyet", "Quốc hội", "2025-02-19"),
    "88/2025/NĐ-CP": ("nghi_dinh", "Chính phủ", "2025-04-13"),
    "06/QĐ-TTg": ("quyet_dinh", "Thủ tướng Chính phủ", "2022-01-06"),
    "206/QĐ-TTg": ("quyet_dinh", "Thủ tướng Chính phủ", "2024-02-28"),
    "422/QĐ-TTg": ("quyet_dinh", "Thủ tướng Chính phủ", "2022-04-04"),
    "85/2016/NĐ-CP": ("nghi_dinh", "Chính phủ", "2016"),
}


@pytest.mark.parametrize(("number", "facts"), REQUIRED.items())
def test_registry_has_required_directives(number: str, facts: tuple[str, str, str]) -> None:
    known = load_registry().directive(number)
    assert known is not None
    assert (known.doc_type, known.issuer, known.date) == facts
    assert known.aliases, "each directive carries the short names plans use"


def test_lookup_tolerates_spelling_of_d_and_case() -> None:
    assert load_registry().directive("06/QD-TTG").number == "06/QĐ-TTg"
    assert load_registry().directive("02-KH/BCÐTW").number == "02-KH/BCĐTW"
    assert load_registry().directive("02-KH/TU") is None  # a province's own 02 is not the BCĐTW's


@pytest.mark.parametrize(
    ("name", "model"),
    [("directives.json", DirectivesLexicon), ("doc_types.json", DocTypesLexicon), ("issuers.json", IssuersLexicon)],
)
def test_lexicons_reject_unknown_keys(name: str, model: type) -> None:
    data = json.loads((LEXICON_DIR / name).read_text(encoding="utf-8"))
    model.model_validate(data)
    data["unexpected"] = 1
    with pytest.raises(ValidationError, match="unexpected"):
        model.model_validate(data)
    entries = next(v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict))
    entries[0]["typo_key"] = "x"
    del data["unexpected"]
    with pytest.raises(ValidationError, match="typo_key"):
        model.model_validate(data)


def test_directive_with_unknown_doc_type_is_rejected() -> None:
    data = json.loads((LEXICON_DIR / "directives.json").read_text(encoding="utf-8"))
    data["directives"][0]["doc_type"] = "nghiquyet"
    with pytest.raises(ValidationError):
        DirectivesLexicon.model_validate(data)


def _citation(number: str, date: str | None = None, issuer: str | None = None, doc_type: str = "nghi_quyet"):
    return Citation(quote=number, number=number, date=date, issuer=issuer, doc_type=doc_type, relation="mentions")


CHECKS = [
    ([_citation("57-NQ/TW", "2024-12-22", "Bộ Chính trị")], []),
    ([_citation("57-NQ/TW", "2025-12-22", "Bộ Chính trị")], ["citation_date_mismatch"]),
    ([_citation("57-NQ/TW", None, "Ban Bí thư")], ["citation_issuer_mismatch"]),
    ([_citation("57-NQ/TW", doc_type="ke_hoach")], ["citation_type_mismatch"]),
    ([_citation("85/2016/NĐ-CP", "2016-07-01", "Chính phủ", "nghi_dinh")], []),  # registry knows the year only
    ([_citation("85/2016/NĐ-CP", "2017-07-01", None, "nghi_dinh")], ["citation_date_mismatch"]),
    # not in the registry: checked only against the plan's other mentions
    ([_citation("22-KH/TU", "2025-01-10", doc_type="ke_hoach"), _citation("22-KH/TU", None, doc_type="ke_hoach")], []),
    (
        [
            _citation("22-KH/TU", "2025-01-10", doc_type="ke_hoach"),
            _citation("22-KH/TU", "2026-01-10", doc_type="ke_hoach"),
        ],
        ["citation_date_conflict"],
    ),
    (
        [
            _citation("08-KH/ĐU", None, "Ban Thường vụ Đảng ủy xã", "ke_hoach"),
            _citation("08-KH/ĐU", None, "Ban Chấp hành Đảng bộ xã", "ke_hoach"),
        ],
        ["citation_issuer_conflict"],
    ),
    (
        [
            _citation("31-KH/TU", None, "Ban Thường vụ Tỉnh ủy", "ke_hoach"),
            _citation("31-KH/TU", None, "Ban Thường vụ Tỉnh ủy Phú Thọ", "ke_hoach"),
        ],
        [],  # the same issuer, once with its place name
    ),
]


@pytest.mark.parametrize(("citations", "codes"), CHECKS)
def test_check_citations(citations: list[Citation], codes: list[str]) -> None:
    assert [w.code for w in load_registry().check_citations(citations)] == codes


def test_wrong_issuer_in_a_plan_warns_through_extract_citations() -> None:
    _, warnings = extract_citations(make_document("Căn cứ Quyết định số 204-QĐ/TW ngày 29/11/2024 của Bộ Chính trị;"))
    assert [w.code for w in warnings] == ["citation_issuer_mismatch"]


def _renditions() -> list[Path]:
    return sorted((ROOT / "corpus" / "plans").glob("*.txt"))


@pytest.mark.slow
@pytest.mark.parametrize("path", _renditions(), ids=lambda p: p.name)
def test_registry_agrees_with_the_plans_that_cite_it(path: Path) -> None:
    """Every date and issuer a corpus plan states for a registered directive is the registry's."""
    from pipeline.ingest import read_document
    from pipeline.structure import build_document

    registry = load_registry()
    doc = build_document(read_document(path), path.stem)
    citations, warnings = extract_citations(doc)
    registered = [c for c in citations if registry.directive(c.number)]
    assert registered, "each corpus plan cites a registered directive"
    for c in registered:
        known = registry.directive(c.number)
        assert c.date is None or c.date.startswith(known.date)
        assert c.issuer is None or c.issuer == known.issuer
    assert not [w for w in warnings if w.code.endswith("_mismatch")]


def test_cited_in_names_corpus_plans_that_do_cite_the_directive() -> None:
    plans = ROOT / "corpus" / "plans"
    for directive in load_registry().directives.directives:
        for doc_id in directive.cited_in:
            text = unicodedata.normalize("NFC", (plans / f"{doc_id}.txt").read_text(encoding="utf-8"))
            assert directive.number in text, (directive.number, doc_id)


def test_rang_dong_22_kh_tu_conflict_is_reported() -> None:
    from pipeline.ingest import read_document
    from pipeline.structure import build_document

    path = ROOT / "corpus" / "plans" / "rang-dong_KH-57_2026.txt"
    _, warnings = extract_citations(build_document(read_document(path), path.stem))
    conflicts = [w for w in warnings if w.code == "citation_date_conflict"]
    assert len(conflicts) == 1 and "22-KH/TU" in conflicts[0].message
