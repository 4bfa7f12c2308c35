"""The scorer does what shared/gold-guidelines.md ("How the scorer matches") says.

Records are built in one line each (the builders below), so each table reads like the rule it checks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.models import (
    Body,
    Citation,
    Deadline,
    DeadlineSpec,
    GoldDocument,
    Metadata,
    PlanResult,
    Records,
    Target,
    Task,
)
from pipeline.scoring import load_gold, match, score
from pipeline.scoring_report import render_json, render_text
from pipeline.textmatch import fold_quote, overlap

ROOT = Path(__file__).resolve().parents[1]
DOC = "demo_10-KH-DU_2025"

# --- one-line builders ------------------------------------------------------------------------


def cit(quote: str, number: str | None = "57-NQ/TW", relation: str = "mentions", **kw) -> Citation:
    return Citation(quote=quote, doc_type=kw.pop("doc_type", "nghi_quyet"), number=number, relation=relation, **kw)


def tgt(quote: str, value: float, unit: str | None = "%", **kw) -> Target:
    return Target(quote=quote, value=value, unit=unit, **kw)


def ddl(quote: str, kind: str = "by_date", end: str | None = "2025-12-31", **kw) -> Deadline:
    return Deadline(quote=quote, kind=kind, end=end, **kw)


def body(quote: str, name: str, role: str = "lead", **kw) -> Body:
    return Body(quote=quote, name=name, role=role, **kw)


def task(quote: str, lead: list[str], support: list[str] = (), deadline: list[DeadlineSpec] = (), **kw) -> Task:
    return Task(quote=quote, lead=list(lead), support=list(support), deadline=list(deadline), **kw)


def spec(kind: str = "period", start: str | None = None, end: str | None = None, **kw) -> DeadlineSpec:
    return DeadlineSpec(kind=kind, start=start, end=end, **kw)


def gold_doc(doc_id: str = DOC, **records) -> GoldDocument:
    return GoldDocument(doc_id=doc_id, **records)


def pred(doc: Records | None = None, fmt: str = "txt", doc_id: str = DOC, **records) -> PlanResult:
    """A prediction: a copy of `doc`'s records (gold converted to a PlanResult), or `records`."""
    data = doc.model_dump() if doc is not None else {"doc_id": doc_id, **records}
    return PlanResult(**data, format=fmt, content_hash="0" * 8, pipeline_version="test")


META = Metadata(
    doc_type="ke_hoach",
    number="10-KH/ĐU",
    symbol="KH/ĐU",
    date="2025-09-22",
    place="Nhữ Khê",
    issuer="Ban Chấp hành Đảng bộ xã",
    signer="Nguyễn Hữu Phương",
    signer_title="Bí thư",
    implements=["24-KH/TU", "57-NQ/TW"],
    replaces=["08-KH/ĐU"],
)
FULL = gold_doc(
    metadata=META,
    citations=[
        cit(
            "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
            relation="basis",
            date="2024-12-22",
            issuer="Bộ Chính trị",
        ),
        cit("Kế hoạch số 24-KH/TU", number="24-KH/TU", doc_type="ke_hoach", relation="implements"),
    ],
    targets=[
        tgt(
            "100% cán bộ, công chức xã được bồi dưỡng kỹ năng số cơ bản",
            100,
            by="2025",
            indicator="cán bộ, công chức xã được bồi dưỡng kỹ năng số cơ bản",
        )
    ],
    deadlines=[
        ddl("trước ngày 20-12-2025", end="2025-12-20"),
        ddl("Quý I/2026", "period", "2026-03-31", start="2026-01-01"),
    ],
    bodies=[body("UBND xã", "Ủy ban nhân dân xã"), body("Văn phòng Đảng ủy", "Văn phòng Đảng ủy", "report_to")],
    tasks=[
        task(
            "Xây dựng kho dữ liệu số của xã",
            ["Ủy ban nhân dân xã"],
            ["Công an xã", "Văn phòng Đảng ủy"],
            [spec(start="2026-01-01", end="2026-03-31"), spec("ongoing")],
            output="Kho dữ liệu",
        )
    ],
)
KINDS_WITH_RECORDS = ("citations", "targets", "deadlines", "bodies", "tasks")


# --- quote folding and overlap -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Uỷ ban nhân dân xã", "Ủy ban nhân dân xã"),
        ("hoà", "hòa"),
        ("thuý", "thúy"),
        ("khoẻ", "khỏe"),
        ("THUỶ", "thủy"),
        ("Văn  phòng\nĐảng ủy", "văn phòng đảng ủy"),
        ("**Kế hoạch** số 02", "kế hoạch số 02"),
        ("Ủy ban", "U\u0309y ban"),  # decomposed (NFD) input
    ],
)
def test_fold_quote_equal(a: str, b: str):
    assert fold_quote(a) == fold_quote(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("quý", "quỳ"), ("hòa", "hóa"), ("Đảng", "Dang"), ("thủy", "thùy")],
)
def test_fold_quote_keeps_different_words_apart(a: str, b: str):
    assert fold_quote(a) != fold_quote(b)


def test_quy_is_unchanged():
    assert fold_quote("quý") == "quý"


@pytest.mark.parametrize(
    ("a", "b", "pairs"),
    [
        ("Nghị quyết số 57-NQ/TW", "Nghị quyết số 57-NQ/TW", True),
        ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "Nghị quyết số 57-NQ/TW", True),  # contains
        ("Nghị quyết số 57-NQ/TW ngày 22/12/2024", "57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá", True),
        ("Nghị quyết số 57-NQ/TW", "Kế hoạch số 24-KH/TU ngày 11/8/2025", False),
        ("Hội Nông dân xã", "Đoàn Thanh niên", False),
        ("Ủy ban nhân dân xã", "Uỷ ban nhân dân xã", True),  # tone placement
        ("ông", "Công an xã", False),  # containment counts whole syllables only
        ("hằng năm", "năm", True),
        # a letter-spaced gold quote and the pipeline's repaired quote: the same letters, other spaces
        ("C ô n g v ă n s ố 1 2 / U B N D", "Công văn số 12/UBND", True),
        ("T r ạ m Y t ế x ã", "Trạm Y tế xã lập danh sách", True),
        ("x ã", "Công an xã", False),  # too short to pair on spelling alone
    ],
)
def test_overlap_rule(a: str, b: str, pairs: bool):
    assert (overlap(a, b) > 0) is pairs
    assert overlap(a, b) == overlap(b, a)


def test_overlap_prefers_the_closer_quote():
    gold = "100% cán bộ, công chức xã được bồi dưỡng kỹ năng số cơ bản"
    assert overlap(gold, gold) == 1.0
    assert overlap(gold, "100% cán bộ, công chức xã được bồi dưỡng") > overlap(gold, "100% cán bộ")


# --- whole-document scores ---------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere():
    report = score({DOC: FULL}, [pred(FULL)])
    block = report.overall
    for kind in KINDS_WITH_RECORDS:
        k = block.kinds[kind]
        for measure in (k.detection, k.exact):
            assert (measure.precision, measure.recall, measure.f1) == (1.0, 1.0, 1.0), kind
        assert k.detection.fp == k.detection.fn == 0
        assert all(k.fields.share(name) == 1.0 for name in k.fields.total), kind
    assert block.metadata.overall() == 1.0
    assert report.missing == []


def test_real_gold_as_prediction_scores_one():
    if not any((ROOT / "gold").glob("*.json")):
        pytest.skip("no gold files yet")
    gold = load_gold(ROOT / "gold")
    report = score(gold, [pred(doc) for doc in gold.values()])
    for kind, k in report.overall.kinds.items():
        if k.detection.tp:
            assert (k.detection.f1, k.exact.f1) == (1.0, 1.0), kind
    assert report.overall.metadata.overall() == 1.0


def test_empty_prediction_scores_zero():
    empty = pred(doc_id=DOC)
    for predictions, missing in (([empty], []), ([], [(DOC, "txt"), (DOC, "docx"), (DOC, "pdf")])):
        report = score({DOC: FULL}, predictions)
        assert report.missing == missing
        for kind in KINDS_WITH_RECORDS:
            k = report.overall.kinds[kind]
            assert (k.detection.precision, k.detection.recall, k.detection.f1) == (0.0, 0.0, 0.0)
            assert k.detection.tp == 0 and k.detection.fn > 0
        # An empty prediction has metadata fields too: only those that are empty in gold can agree.
        assert report.overall.metadata.overall() == 0.0


def test_kind_empty_in_gold_and_prediction_is_not_measured():
    report = score({DOC: gold_doc(bodies=FULL.bodies)}, [pred(gold_doc(bodies=FULL.bodies))])
    targets = report.overall.kinds["targets"]
    assert (targets.detection.precision, targets.detection.recall, targets.detection.f1) == (None, None, None)
    assert report.to_dict()["overall"]["targets"]["detection"]["f1"] is None


def test_false_alarms_against_empty_gold_have_recall_zero():
    report = score({DOC: gold_doc()}, [pred(targets=[tgt("80% hồ sơ", 80)])])
    detection = report.overall.kinds["targets"].detection
    assert (detection.precision, detection.recall, detection.fp) == (0.0, 0.0, 1)


@pytest.mark.parametrize(
    ("gold_quote", "predicted_quote"),
    [
        ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "Nghị quyết số 57-NQ/TW ngày 22/12/2024"),
        ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024"),
        ("Nghị quyết số 57-NQ/TW", "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá"),
    ],
)
def test_shifted_quote_still_pairs(gold_quote: str, predicted_quote: str):
    report = score({DOC: gold_doc(citations=[cit(gold_quote)])}, [pred(citations=[cit(predicted_quote)])])
    assert report.overall.kinds["citations"].detection.tp == 1
    assert report.overall.kinds["citations"].exact.tp == 1


@pytest.mark.parametrize(
    ("kind", "gold", "predicted", "field"),
    [
        ("citations", cit("Nghị quyết số 57-NQ/TW"), cit("Nghị quyết số 57-NQ/TW", relation="basis"), "relation"),
        ("citations", cit("Nghị quyết 57"), cit("Nghị quyết 57", number="57"), "number"),
        ("targets", tgt("80% hồ sơ", 80), tgt("80% hồ sơ", 8), "value"),
        ("targets", tgt("từ 80% trở lên", 80, comparator=">="), tgt("từ 80% trở lên", 80), "comparator"),
        ("deadlines", ddl("Quý I/2026", "period", "2026-03-31"), ddl("Quý I/2026", "horizon", "2026-03-31"), "kind"),
        ("bodies", body("UBND xã", "Ủy ban nhân dân xã"), body("UBND xã", "Ủy ban nhân dân xã", "support"), "role"),
        ("tasks", task("Rà soát", ["Công an xã"]), task("Rà soát", ["Công an xã", "Đoàn Thanh niên"]), "lead"),
        ("tasks", task("Rà soát", [], deadline=[spec()]), task("Rà soát", [], deadline=[spec(), spec()]), "deadline"),
    ],
)
def test_wrong_key_field_is_detected_not_exact(kind: str, gold, predicted, field: str):
    report = score({DOC: gold_doc(**{kind: [gold]})}, [pred(**{kind: [predicted]})])
    k = report.overall.kinds[kind]
    assert (k.detection.tp, k.detection.fp, k.detection.fn) == (1, 0, 0)
    assert (k.exact.tp, k.exact.fp, k.exact.fn) == (0, 1, 1)
    shares = {name: k.fields.share(name) for name in k.fields.total}
    assert shares[field] == 0.0
    assert all(share == 1.0 for name, share in shares.items() if name != field)
    disagreement = [f for f in report.documents[(DOC, "txt")].findings if f.what == "disagree"]
    assert list(disagreement[0].fields) == [field]


@pytest.mark.parametrize(
    ("kind", "gold", "predicted"),
    [
        ("targets", tgt("80% hồ sơ", 80, indicator="hồ sơ"), tgt("80% hồ sơ", 80, indicator="Hồ  sơ trực tuyến")),
        ("tasks", task("Rà soát", [], output="Báo cáo"), task("Rà soát", [], output="Kế hoạch")),
    ],
)
def test_free_text_fields_are_reported_apart(kind: str, gold, predicted):
    report = score({DOC: gold_doc(**{kind: [gold]})}, [pred(**{kind: [predicted]})])
    k = report.overall.kinds[kind]
    assert k.exact.tp == 1  # indicator and output are not key fields
    assert min(k.fields.share(n) for n in k.fields.total) == 0.0


@pytest.mark.parametrize(
    ("kind", "gold", "predicted"),
    [
        ("bodies", body("Uỷ ban nhân dân xã", "Uỷ ban nhân dân xã"), body("Ủy ban nhân dân xã", "Ủy ban nhân dân xã")),
        ("citations", cit("Nghị quyết 57", issuer="Bộ Chính trị"), cit("Nghị quyết 57", issuer="bộ chính  trị")),
        (
            "tasks",
            task("Rà soát", ["Uỷ ban nhân dân xã", "Công an xã"]),
            task("Rà soát", ["Công an xã", "Ủy ban nhân dân xã"]),
        ),
        (
            "tasks",
            task("Rà soát", [], deadline=[spec("ongoing"), spec()]),
            task("Rà soát", [], deadline=[spec(), spec("ongoing")]),
        ),
    ],
)
def test_spelling_and_order_variants_are_equal(kind: str, gold, predicted):
    report = score({DOC: gold_doc(**{kind: [gold]})}, [pred(**{kind: [predicted]})])
    assert report.overall.kinds[kind].exact.tp == 1


def test_duplicates_pair_one_to_one_by_prefix():
    gold = [
        body("UBND xã", "Ủy ban nhân dân xã", "lead", prefix="Giao"),
        body("UBND xã", "Ủy ban nhân dân xã", "support", prefix="phối hợp với"),
    ]
    predicted = [
        body("UBND xã", "Ủy ban nhân dân xã", "support", prefix="Văn phòng Đảng ủy phối hợp với"),
        body("UBND xã", "Ủy ban nhân dân xã", "lead", prefix="Kết luận. Giao"),
    ]
    pairs, missed, extra = match(gold, predicted)
    assert (pairs, missed, extra) == ([(0, 1), (1, 0)], [], [])
    report = score({DOC: gold_doc(bodies=gold)}, [pred(bodies=predicted)])
    assert report.overall.kinds["bodies"].exact.tp == 2


def test_duplicates_without_prefix_pair_by_document_order():
    text = "Ban Thường vụ Đảng ủy chỉ đạo. Sau đó báo cáo Ban Thường vụ Đảng ủy."
    gold = [
        body("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy xã", "lead", occurrence=1),
        body("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy xã", "report_to", occurrence=2),
    ]
    predicted = [
        body("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy xã", "report_to", span=(48, 69)),
        body("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy xã", "lead", span=(0, 21)),
    ]
    assert match(gold, predicted, text)[0] == [(0, 1), (1, 0)]


def test_best_overlap_wins_over_list_order():
    gold = [cit("Nghị quyết số 57-NQ/TW"), cit("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị")]
    predicted = [cit("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"), cit("Nghị quyết số 57-NQ/TW")]
    assert match(gold, predicted)[0] == [(0, 1), (1, 0)]


def test_each_format_scored_and_missing_format_reported():
    gold = {DOC: FULL, "other_KH-1_2025": gold_doc("other_KH-1_2025", bodies=FULL.bodies)}
    predictions = [pred(FULL, "txt"), pred(FULL, "pdf"), pred(gold["other_KH-1_2025"], "txt")]
    report = score(gold, predictions)
    assert report.formats == ["txt", "pdf"]
    assert report.missing == [("other_KH-1_2025", "pdf")]
    assert report.block(fmt="txt").kinds["bodies"].detection.recall == 1.0
    assert report.block(fmt="pdf").kinds["bodies"].detection.recall == 0.5
    assert "other_KH-1_2025 (pdf)" in render_text(report)


def test_json_output_has_the_promised_keys():
    data = json.loads(render_json(score({DOC: FULL}, [pred(FULL)]), details=True))
    assert {"overall", "formats", "documents", "missing_predictions"} <= set(data)
    for block in (data["overall"], data["formats"]["txt"], data["documents"][DOC]["txt"]):
        for kind in KINDS_WITH_RECORDS:
            assert set(block[kind]["detection"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
            assert set(block[kind]["exact"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
            assert block[kind]["fields"]
        assert block["metadata"]["agreement"] == 1.0
    assert data["overall"]["targets"]["fields"]["indicator"] == 1.0


# --- the command line -----------------------------------------------------------------------------


def _folders(tmp_path: Path, predictions: list[PlanResult]) -> tuple[Path, Path]:
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "out"
    (gold_dir / "notes").mkdir(parents=True)
    (gold_dir / f"{DOC}.json").write_text(FULL.model_dump_json(exclude_none=True), encoding="utf-8")
    (gold_dir / "README.md").write_text("# gold\n", encoding="utf-8")
    (gold_dir / "floor.json").write_text('{"citations": {"f1": 0.5}}', encoding="utf-8")  # not a gold file
    (pred_dir / "docs").mkdir(parents=True)
    for p in predictions:
        (pred_dir / "docs" / f"{p.doc_id}.{p.format}.json").write_text(p.model_dump_json(), encoding="utf-8")
    return gold_dir, pred_dir


def test_cli_scores_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    wrong = FULL.model_copy(deep=True)
    wrong.bodies[0].role = "support"
    gold_dir, pred_dir = _folders(tmp_path, [pred(FULL, "txt"), pred(wrong, "pdf")])
    assert main(["score", "--gold", str(gold_dir), "--pred", str(pred_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["formats"]["txt"]["bodies"]["exact"]["f1"] == 1.0
    assert data["formats"]["pdf"]["bodies"]["exact"]["tp"] == 1
    assert data["formats"]["pdf"]["bodies"]["fields"]["role"] == 0.5
    assert data["overall"]["bodies"]["detection"]["tp"] == 4

    assert main(["score", "--gold", str(gold_dir), "--pred", str(pred_dir), "--details", "--ablation"]) == 0
    out = capsys.readouterr().out
    assert "[txt]" in out and "[pdf]" in out and "metadata agreement" in out
    assert "role: gold lead · predicted support" in out
    assert f"no ablation runs in {pred_dir}" in out


def test_cli_scores_ablation_variants(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    gold_dir, pred_dir = _folders(tmp_path, [pred(FULL)])
    variant = pred_dir / "ablation" / "rules_only" / "docs"
    variant.mkdir(parents=True)
    (variant / f"{DOC}.txt.json").write_text(pred(gold_doc(citations=FULL.citations)).model_dump_json())
    assert main(["score", "--gold", str(gold_dir), "--pred", str(pred_dir), "--ablation", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ablation"]["variants"]["rules_only"]["citations"]["detection"]["f1"] == 1.0
    assert data["ablation"]["variants"]["rules_only"]["bodies"]["detection"]["recall"] == 0.0


def test_cli_empty_run_folder_reports_zeros(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    gold_dir, pred_dir = _folders(tmp_path, [])
    assert main(["score", "--gold", str(gold_dir), "--pred", str(pred_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["citations"]["detection"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 6,
    }  # two citations, three formats
    assert len(data["missing_predictions"]) == 3


@pytest.mark.parametrize("which", ["no gold", "empty gold", "no pred", "empty pred"])
def test_cli_bad_folders_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], which: str):
    gold_dir, pred_dir = _folders(tmp_path, [pred(FULL)])
    if which == "no gold":
        gold_dir = tmp_path / "nowhere"
    elif which == "empty gold":
        gold_dir = tmp_path / "empty"
        gold_dir.mkdir()
    elif which == "no pred":
        pred_dir = tmp_path / "nowhere"
    else:
        pred_dir = tmp_path / "empty"
        pred_dir.mkdir()
    assert main(["score", "--gold", str(gold_dir), "--pred", str(pred_dir)]) == 2
    assert str(tmp_path) in capsys.readouterr().err


def test_cli_broken_gold_file_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    gold_dir, pred_dir = _folders(tmp_path, [pred(FULL)])
    (gold_dir / "broken_KH-1_2025.json").write_text(
        json.dumps({"doc_id": "broken_KH-1_2025", "metadata": {}, "bodies": [{"quote": "UBND", "name": "x"}]}),
        encoding="utf-8",
    )
    assert main(["score", "--gold", str(gold_dir), "--pred", str(pred_dir)]) == 2
    err = capsys.readouterr().err
    assert "broken_KH-1_2025.json" in err and "bodies.0.role" in err


def test_ablation_compares_on_the_formats_the_variant_ran(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    gold_dir, pred_dir = _folders(tmp_path, [pred(FULL, "txt"), pred(gold_doc(), "pdf")])
    variant = pred_dir / "ablation" / "rules_only" / "docs"
    variant.mkdir(parents=True)
    (variant / f"{DOC}.txt.json").write_text(pred(FULL).model_dump_json())
    assert main(["score", "--gold", str(gold_dir), "--pred", str(pred_dir), "--ablation", "--format", "json"]) == 0
    ablation = json.loads(capsys.readouterr().out)["ablation"]
    assert ablation["formats"] == ["txt"]
    assert ablation["main"]["bodies"]["detection"]["recall"] == 1.0  # the empty pdf result is left out


def test_a_file_that_is_not_a_prediction_is_noted_not_fatal(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    gold_dir, pred_dir = _folders(tmp_path, [pred(FULL)])
    (pred_dir / "docs" / "junk.txt.json").write_text('{"doc_id": "junk"}', encoding="utf-8")
    assert main(["score", "--gold", str(gold_dir), "--pred", str(pred_dir)]) == 0
    out = capsys.readouterr().out
    assert "junk.txt.json: not a PlanResult, skipped" in out
    assert "Missing predictions" not in out


def test_prefixes_compare_on_syllables_so_table_pipes_do_not_matter():
    from pipeline.textmatch import common_suffix

    gold_prefix = "| 7 | Kết nối dữ liệu | Văn phòng HĐND và UBND phường | "
    predicted_prefix = "7\nKết nối dữ liệu\nVăn phòng HĐND và UBND phường\n"
    assert common_suffix(gold_prefix, predicted_prefix) >= len("văn phòng hđnd và ubnd phường")


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        ("Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động Thương binh và Xã hội", True),
        ("Phòng Cảnh sát giao thông, Công an tỉnh", "Phòng Cảnh sát giao thông Công an tỉnh", True),
        ("Ủy ban nhân dân tỉnh", "UỶ BAN NHÂN DÂN TỈNH", True),
        ("Sở Tài chính", "Sở Tư pháp", False),
        ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân xã", False),
    ],
)
def test_names_compare_by_their_syllables(a: str, b: str, equal: bool):
    from pipeline.scoring import _same_name, _same_names

    assert _same_name(a, b) is equal
    assert _same_names([a, "Sở Y tế"], ["Sở Y tế", b]) is equal


def test_document_numbers_keep_their_punctuation():
    from pipeline.scoring import _same_numbers

    assert _same_numbers(["57-NQ/TW"], ["57-nq/tw"])
    assert not _same_numbers(["57-NQ/TW"], ["57/NQ-TW"])
