"""The audit engine on the real corpus plans, against findings labelled by hand.

`expected_findings.json` was written from reading corpus/plans/*.txt: the findings an auditor
makes, and the parts of each plan marked clean. The test runs the whole pipeline on the six .txt
plans (module fixture), audits them, and checks that every labelled finding is reported and that
no finding lands on a clean part; precision and recall of findings are printed and held to floors.
Smaller tests build PlanResults by hand only to pin one rule each.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from audit_plans import corpus_results, make_plan

from pipeline.audit.engine import audit, compare, criterion_for, five_clear_of, measure_of
from pipeline.audit.models import AuditReport, Finding
from pipeline.audit.profiles import build_profile, load_profile, load_profiles
from pipeline.models import Citation, Criterion, DeadlineSpec, Metadata, PlanResult, Target, Task

LABELS = json.loads((Path(__file__).parent / "expected_findings.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results() -> list[PlanResult]:
    return list(corpus_results())


@pytest.fixture(scope="module")
def report(results: list[PlanResult]) -> AuditReport:
    return audit(results)


def _reported(report: AuditReport) -> list[Finding]:
    return [f for p in report.plans for f in p.findings if f.code != "coverage.not_applicable"]


def _matches(label: dict, f: Finding) -> bool:
    if f.doc_id != label["doc_id"] or f.code != label["code"]:
        return False
    if "target_id" in label and f.target_id != label["target_id"]:
        return False
    if "quote_contains" in label:
        return any(label["quote_contains"] in q.text for q in f.evidence)
    return True


def score(report: AuditReport) -> tuple[dict[str, float], list[dict], list[Finding]]:
    """(figures, labelled findings missed, reported findings no label accounts for)."""
    reported = _reported(report)
    used: set[int] = set()
    missed: list[dict] = []
    for label in LABELS["findings"]:
        hit = next((i for i, f in enumerate(reported) if i not in used and _matches(label, f)), None)
        if hit is None:
            missed.append(label)
        else:
            used.add(hit)
    extra = [f for i, f in enumerate(reported) if i not in used]
    tp = len(used)
    figures = {
        "labelled": len(LABELS["findings"]),
        "reported": len(reported),
        "precision": tp / len(reported) if reported else 1.0,
        "recall": tp / len(LABELS["findings"]),
    }
    return figures, missed, extra


def test_findings_precision_recall(report: AuditReport) -> None:
    figures, missed, extra = score(report)
    print(figures)
    for m in missed:
        print("MISSED", m)
    for f in extra:
        print("UNLABELLED", f.doc_id, f.code, f.target_id, f.evidence[0].text[:60] if f.evidence else "")
    assert figures["recall"] >= 0.95, figures
    assert figures["precision"] >= 0.9, figures


@pytest.mark.parametrize(
    "label",
    [x for x in LABELS["findings"] if x["code"].startswith(("lint.", "coverage.weakened", "coverage.peer"))],
    ids=lambda x: f"{x['doc_id'][:10]}:{x['code']}:{x.get('target_id', '')}",
)
def test_each_labelled_lint_and_weakening_is_reported(report: AuditReport, label: dict) -> None:
    assert any(_matches(label, f) for f in _reported(report)), label


@pytest.mark.parametrize("clean", LABELS["clean"], ids=lambda x: f"{x['doc_id'][:10]}:{x['code_prefix']}")
def test_no_alarm_on_clean_parts(report: AuditReport, clean: dict) -> None:
    hits = [f for f in _reported(report) if f.doc_id == clean["doc_id"] and f.code.startswith(clean["code_prefix"])]
    assert not hits, [(f.code, f.message) for f in hits]


def test_peer_matrix(report: AuditReport) -> None:
    by = {m.directive: m for m in report.matrices}
    assert set(by) == {"57-NQ/TW", "02-KH/BCĐTW"}
    m = by["02-KH/BCĐTW"]
    assert sorted(m.plans) == ["phin-ho_KH-UBND_2025", "tan-phong_45-KH-UBND_2025", "xuan-hung_KH-02_2025"]
    online = {doc: cells["dossiers_fully_online"] for doc, cells in m.cells.items()}
    assert {d: c.value for d, c in online.items()} == {
        "phin-ho_KH-UBND_2025": 50.0,
        "tan-phong_45-KH-UBND_2025": 60.0,
        "xuan-hung_KH-02_2025": 60.0,
    }
    assert [d for d, c in online.items() if c.outlier] == ["phin-ho_KH-UBND_2025"]
    # National-only targets are in the header but not applicable to commune rows.
    assert m.cells["xuan-hung_KH-02_2025"]["online_services_count"].status == "not_applicable"


def test_five_clear_counts(report: AuditReport) -> None:
    plans = {p.doc_id: p for p in report.plans}
    tp = plans["tan-phong_45-KH-UBND_2025"].five_clear
    assert tp["tasks"] == 10 and tp["trach_nhiem"] == 10 and tp["san_pham"] == 10 and tp["thoi_han"] == 10
    assert plans["phin-ho_KH-UBND_2025"].five_clear["san_pham"] == 0


def test_audit_is_fast(results: list[PlanResult]) -> None:
    audit(results)  # warm the caches: lexicon, profiles
    start = time.perf_counter()
    audit(results)
    assert time.perf_counter() - start < 0.5


def test_duplicate_formats_are_one_row(results: list[PlanResult]) -> None:
    report = audit(results + results)
    assert len(report.plans) == 12
    for m in report.matrices:
        assert len(m.plans) == len(set(m.plans)) == 3


# -- one rule each -------------------------------------------------------------------------------


def test_against_named_directive_and_unknown_one() -> None:
    plan = make_plan(metadata=Metadata(number="1/KH", date="2025-09-01", issuer="Ủy ban nhân dân xã"))
    assert audit([plan]).plans[0].directives == []
    assert audit([plan], against="57-NQ/TW").plans[0].directives == ["57-NQ/TW"]
    r = audit([plan], against="99-NQ/TW")
    assert r.errors and r.plans[0].directives == []


def test_chain_through_a_profile_without_targets(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text(
        json.dumps({"id": "24-KH/TU", "level": "province", "implements": ["57-NQ/TW"], "source": "test"}),
        encoding="utf-8",
    )
    plan = make_plan(metadata=Metadata(number="1/KH", date="2025-09-01", issuer="Đảng ủy xã", implements=["24-KH/TU"]))
    report = audit([plan], extra_profiles=[tmp_path / "p.json"])
    assert report.plans[0].directives == ["57-NQ/TW"]


def test_later_date_alone_weakens() -> None:
    profile = load_profiles()["02-kh/bcdtw"]
    target = next(t for t in profile.targets if t.id == "electronic_results")
    found = Target(quote="100% kết quả điện tử", value=100, unit="%", by="2026-12-31")
    status, reasons = compare(found, target)
    assert status == "weakened" and reasons == ["thời hạn muộn hơn (31/12/2026 so với 31/12/2025)"]
    assert compare(found.model_copy(update={"by": "2025-12-31"}), target)[0] == "carried"
    assert compare(found.model_copy(update={"value": 100, "by": "2025-09-30"}), target)[0] == "strengthened"


def test_deadline_before_plan_date_and_after_directive() -> None:
    task_old = Task(
        quote="Cập nhật dữ liệu dân cư", lead=["Công an xã"], deadline=[DeadlineSpec(kind="by_date", end="2025-03-31")]
    )
    task_late = Task(
        quote="Bảo đảm 100% kết quả điện tử cho thủ tục hành chính",
        lead=["Ủy ban nhân dân xã"],
        deadline=[DeadlineSpec(kind="period", start="2026-01-01", end="2026-12-31")],
    )
    codes = [f.code for f in audit([make_plan(tasks=[task_old, task_late])]).plans[0].findings]
    assert "lint.deadline_before_plan" in codes
    assert "lint.deadline_after_directive" in codes


def test_superseded_only_when_cited_as_current() -> None:
    cite = Citation(
        quote="Nghị quyết số 03/NQ-CP ngày 09/01/2025", doc_type="nghi_quyet", number="03/NQ-CP", relation="basis"
    )
    codes = [f.code for f in audit([make_plan(citations=[cite])]).plans[0].findings]
    assert "lint.superseded_citation" in codes
    replaced = cite.model_copy(update={"relation": "replaces"})
    assert "lint.superseded_citation" not in [
        f.code for f in audit([make_plan(citations=[replaced])]).plans[0].findings
    ]


def test_five_clear_measure_from_output_indicator() -> None:
    task = Task(quote="Cấp tài khoản", lead=["Công an xã"], output="Số tài khoản được kích hoạt", deadline=[])
    met = five_clear_of(task, [])
    assert met["hieu_qua"] and met["san_pham"] and not met["thoi_han"]


_CRITERIA = [
    Criterion(
        quote="Số cuộc kiểm tra/giám sát",
        indicator="Số cuộc kiểm tra/giám sát",
        group="Kiểm tra, giám sát",
        collector=["Ủy ban Kiểm tra Đảng ủy"],
    ),
    Criterion(
        quote="Số hồ sơ trực tuyến; tỷ lệ đúng hạn",
        indicator="Số hồ sơ trực tuyến; tỷ lệ đúng hạn",
        group="Chính quyền số, thủ tục hành chính",
        content="Hồ sơ được xử lý đúng hạn",
        collector=["Ủy ban nhân dân xã"],
        span=(500, 535),
    ),
    Criterion(
        quote="Số nhóm dữ liệu được cập nhật",
        indicator="Số nhóm dữ liệu được cập nhật",
        group="Dữ liệu phát triển xã",
        content="Có bộ dữ liệu thống nhất, cập nhật",
        collector=["Ủy ban nhân dân xã"],
    ),
]


def test_a_criteria_row_measures_the_task_of_its_group() -> None:
    """Near wording of the group links the task to the row whatever the lead; the row's indicator
    cell is the evidence of "rõ hiệu quả"."""
    task = Task(quote="Nâng cao chất lượng bộ phận một cửa", group="Chính quyền số, dịch vụ công", lead=["Công an xã"])
    assert criterion_for(task, _CRITERIA) is _CRITERIA[1]
    evidence = measure_of(task, [], _CRITERIA)
    assert (
        evidence is not None and evidence.text == "Số hồ sơ trực tuyến; tỷ lệ đúng hạn" and evidence.span == (500, 535)
    )
    assert five_clear_of(task, [], _CRITERIA)["hieu_qua"] and not five_clear_of(task, [])["hieu_qua"]


def test_a_criteria_row_its_lead_collects_measures_a_task_of_another_group() -> None:
    """No group near: the rows the task's lead collects, the one most like the task's words."""
    task = Task(quote="Cập nhật bộ dữ liệu dân cư, đất đai", group="Kế hoạch hành động", lead=["Ủy ban nhân dân xã"])
    assert criterion_for(task, _CRITERIA) is _CRITERIA[2]
    # Neither the group nor the lead: no row, no measure.
    other = task.model_copy(update={"lead": ["Đoàn Thanh niên"]})
    assert criterion_for(other, _CRITERIA) is None and measure_of(other, [], _CRITERIA) is None
    # A plan target on the same work comes first: its quote is the evidence.
    target = Target(quote="100% dữ liệu dân cư được làm sạch, đồng bộ", value=100, unit="%")
    cleaning = task.model_copy(update={"quote": "Làm sạch, đồng bộ dữ liệu dân cư"})
    assert measure_of(cleaning, [target], _CRITERIA).text == target.quote


def test_profiles_are_strict(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "X", "source": "s", "targetz": []}), encoding="utf-8")
    with pytest.raises(ValueError, match="targetz"):
        load_profile(bad)


def test_build_profile_from_a_plan(results: list[PlanResult], tmp_path: Path) -> None:
    tan_phong = next(r for r in results if r.doc_id.startswith("tan-phong"))
    profile = build_profile(tan_phong)
    assert profile.id == "45/KH-UBND" and profile.level == "commune"
    online = [t for t in profile.targets if t.concept == "dossiers_fully_online"]
    assert online and online[0].value == 60 and online[0].confidence == "extracted"
    assert profile.implements == ["02-KH/BCĐTW", "412/KH-UBND"]
    # What `kehoach audit --profile` writes loads back, and audits another plan against it.
    saved = tmp_path / "p.json"
    saved.write_text(json.dumps(profile.model_dump(mode="json"), ensure_ascii=False), encoding="utf-8")
    assert load_profile(saved) == profile
    phin_ho = next(r for r in results if r.doc_id.startswith("phin-ho"))
    found = audit([phin_ho], against="45/KH-UBND", extra_profiles=[saved]).plans[0].findings
    weakened = [f for f in found if f.code == "coverage.weakened" and f.target_id == online[0].id]
    assert weakened and "50%" in weakened[0].evidence[0].text


def test_a_plan_with_no_known_directive_says_so() -> None:
    plan = make_plan(
        metadata=Metadata(number="1/KH", date="2025-10", issuer="Ủy ban nhân dân xã", implements=["156/KH-UBND"])
    )
    findings = audit([plan]).plans[0].findings
    assert [f.code for f in findings if f.kind == "coverage"] == ["coverage.no_profile"]
    assert "156/KH-UBND" in findings[0].message
    # A month-only date: a task due on the 15th of that month is not "before the plan".
    task = Task(quote="Rà soát", lead=["Công an xã"], deadline=[DeadlineSpec(kind="by_date", end="2025-10-15")])
    codes = [f.code for f in audit([plan.model_copy(update={"tasks": [task]})]).plans[0].findings]
    assert "lint.deadline_before_plan" not in codes


@pytest.mark.parametrize(
    ("quote", "measured"),
    [
        ("Xây dựng ít nhất 02 mô hình chuyển đổi số", True),
        ("Hỗ trợ không dưới 1.200 hộ kích hoạt tài khoản", True),
        ("Đạt 60% hộ gia đình có cáp quang", True),
        ("Triển khai từ 2025 đến hết năm 2026", False),
        ("Hoàn thành trên 30/11/2025 theo kế hoạch", False),
    ],
)
def test_a_figure_in_the_task_is_a_measure(quote: str, measured: bool) -> None:
    task = Task(quote=quote, lead=["Công an xã"])
    assert five_clear_of(task, [])["hieu_qua"] is measured


def test_extractor_warnings_become_lints_with_their_quote() -> None:
    from pipeline.models import DocWarning

    cite = Citation(
        quote="Nghị quyết số 57-NQ/TW ngày 22/12/2025",
        doc_type="nghi_quyet",
        number="57-NQ/TW",
        date="2025-12-22",
        relation="basis",
        span=(10, 48),
    )
    warnings = [
        DocWarning(code="citation_date_mismatch", message="57-NQ/TW … registry has 2024-12-22", span=(10, 48)),
        DocWarning(code="impossible_date", message="ngày 31/02/2025 does not exist", span=(90, 105)),
        DocWarning.of("heading_skipped", marker="3.", previous=1),
        DocWarning.of("table_kept_apart", columns=2, previous=3),
    ]
    findings = audit([make_plan(citations=[cite], warnings=warnings)]).plans[0].findings
    lints = {f.code: f for f in findings if f.kind == "lint" and not f.code.startswith("lint.header")}
    assert set(lints) == {"lint.citation_registry_mismatch", "lint.impossible_date", "lint.heading_sequence"}
    assert lints["lint.citation_registry_mismatch"].evidence[0].text == cite.quote
    # The message is the auditor's Vietnamese, rebuilt from the citation and the registry, not the warning's text.
    assert lints["lint.citation_registry_mismatch"].message == (
        "Văn bản 57-NQ/TW được dẫn với ngày ban hành 22/12/2025, trong khi danh mục văn bản ghi ngày 22/12/2024."
    )
    assert lints["lint.impossible_date"].message == "Kế hoạch ghi một ngày tháng không có trên lịch."
    assert lints["lint.heading_sequence"].message.startswith("Số thứ tự các đề mục không liền mạch")
