"""The learned bodies model (`extractors.body_model`, trained by `pipeline.body_training`).

- training on a tiny set of plans of our own runs, and the model finds the body it was trained on,
  with its role, named by the alias table;
- a missing model file fails with a message that names the file and says how to rebuild it, in the
  extractor and at the start of `kehoach run --bodies model`;
- the cross-validation's fold split keeps every format of a document in one fold;
- gold quotes are located where the scorer would pair them; BIO labels decode into spans;
  rules + model keeps the rules' records and adds only the model's records that overlap none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.body_features import Sequence
from extractors.body_model import (
    BODY_MODES,
    DEFAULT_BODY_MODE,
    BodyModelMissing,
    bodies_by_mode,
    combine,
    decode,
    load_tagger,
    model_bodies,
)
from extractors.citations import extract_citations
from pipeline.body_training import prepare, split_folds, train
from pipeline.cli import BODY_MODES as CLI_BODY_MODES
from pipeline.cli import main
from pipeline.gold_spans import locate
from pipeline.models import Body, GoldDocument
from pipeline.process import load_document
from pipeline.version import DEFAULT_BODY_MODE as RESULT_DEFAULT_BODY_MODE

# Plans of our own: a body no lexicon lists ("Hợp tác xã Nông nghiệp Bình Minh"), given the lead in one
# sentence and the support in another, beside bodies the lexicon knows.
PLAN = """ĐẢNG ỦY XÃ AN PHÚ
Số {n}-KH/ĐU
KẾ HOẠCH
Thực hiện chuyển đổi số năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả chuyển đổi số trong sản xuất nông nghiệp của xã.

II. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân xã chủ trì xây dựng kho dữ liệu số về đất đai và cây trồng.
2. Hợp tác xã Nông nghiệp Bình Minh chủ trì hướng dẫn xã viên bán nông sản trên sàn thương mại điện tử.
3. Hội Nông dân xã phối hợp với Hợp tác xã Nông nghiệp Bình Minh tổ chức lớp tập huấn {topic}.
4. Văn phòng Đảng ủy theo dõi, tổng hợp kết quả, báo cáo Ban Thường vụ Đảng ủy.
"""
TOPICS = ("kỹ năng số", "truy xuất nguồn gốc", "bán hàng trực tuyến", "ký số", "an toàn thông tin", "thanh toán số")
COOP = "Hợp tác xã Nông nghiệp Bình Minh"


def _gold(doc_id: str) -> GoldDocument:
    bodies = [
        ("Ủy ban nhân dân xã", "Ủy ban nhân dân xã", "lead", None),
        (COOP, COOP, "lead", "2. "),
        ("Hội Nông dân xã", "Hội Nông dân xã", "lead", None),
        (COOP, COOP, "support", "Hội Nông dân xã phối hợp với "),
        ("Văn phòng Đảng ủy", "Văn phòng Đảng ủy", "lead", None),
        ("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy xã", "report_to", None),
    ]
    return GoldDocument(
        doc_id=doc_id,
        bodies=[Body(quote=q, name=n, role=r, prefix=p) for q, n, r, p in bodies],
    )


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> tuple[Path, list]:
    folder = tmp_path_factory.mktemp("tiny")
    items = []
    for n, topic in enumerate(TOPICS, start=1):
        path = folder / f"an-phu_{n}-KH-DU_2026.txt"
        path.write_text(PLAN.format(n=n, topic=topic), encoding="utf-8")
        items.append(prepare(path, _gold(path.stem)))
    return train(items, folder / "tiny.crfsuite", iterations=60), items


def test_training_on_a_tiny_set_finds_the_body_it_was_trained_on(tiny_model):
    model, items = tiny_model
    assert model.is_file() and model.stat().st_size > 0
    item = items[0]
    found = {(b.name, b.role) for b in model_bodies(item.document, item.citations, item.mentions, model)}
    assert (COOP, "lead") in found
    assert (COOP, "support") in found
    assert ("Ủy ban nhân dân xã", "lead") in found  # named by the alias table, at the plan's level


def test_a_missing_model_file_fails_with_a_clear_message(tmp_path):
    missing = tmp_path / "nowhere" / "bodies.crfsuite"
    with pytest.raises(BodyModelMissing) as error:
        load_tagger(missing)
    assert str(missing) in str(error.value)
    assert "python -m pipeline.body_training" in str(error.value)


def test_run_with_the_model_stops_at_once_when_the_model_file_is_missing(tmp_path, monkeypatch, capsys):
    plan = tmp_path / "an-phu_1-KH-DU_2026.txt"
    plan.write_text(PLAN.format(n=1, topic="ký số"), encoding="utf-8")
    monkeypatch.setattr("extractors.body_model.MODEL_PATH", tmp_path / "gone.crfsuite")
    code = main(["run", str(plan), "--out", str(tmp_path / "out"), "--bodies", "model", "--no-progress"])
    assert code == 1
    err = capsys.readouterr().err
    assert "gone.crfsuite" in err and "--bodies rules" in err
    assert not (tmp_path / "out" / "docs").exists()


def test_the_command_line_offers_the_extractors_modes_with_the_same_default():
    assert CLI_BODY_MODES == BODY_MODES
    assert BODY_MODES[0] == DEFAULT_BODY_MODE
    assert RESULT_DEFAULT_BODY_MODE == DEFAULT_BODY_MODE, "pipeline.version names a result's default mode"


def test_an_unknown_mode_is_refused():
    document = load_document(Path(__file__).resolve().parent.parent / "corpus" / "plans" / "nhu-khe_10-KH-DU_2025.txt")
    with pytest.raises(ValueError, match="rules\\+model"):
        bodies_by_mode(document, extract_citations(document)[0], mode="learned")


def test_folds_keep_every_format_of_a_document_together():
    keys = [(f"doc{i}", fmt) for i in range(11) for fmt in ("txt", "docx", "pdf")] + [("single", "txt")]
    folds = split_folds(keys, 4)
    assert sorted(k for fold in folds for k in fold) == sorted(keys)  # each key once
    fold_of: dict[str, set[int]] = {}
    for index, fold in enumerate(folds):
        for doc_id, _ in fold:
            fold_of.setdefault(doc_id, set()).add(index)
    assert all(len(indexes) == 1 for indexes in fold_of.values())
    assert all(fold for fold in folds)
    assert split_folds(keys, 4) == folds  # seeded: the same split every run


def test_gold_quotes_are_located_by_prefix_and_through_glued_syllables(tmp_path):
    path = tmp_path / "an-phu_9-KH-DU_2026.txt"
    path.write_text(PLAN.format(n=9, topic="ký số"), encoding="utf-8")
    document = load_document(path)
    records = [
        Body(quote=COOP, name=COOP, role="support", prefix="phối hợp với "),
        Body(quote=COOP, name=COOP, role="lead", prefix="2. "),
        Body(quote="Văn phòng Đảngủy", name="Văn phòng Đảng ủy", role="lead"),  # glued, as a PDF copy has it
        Body(quote="Ban Tuyên giáo", name="Ban Tuyên giáo", role="lead"),  # not in the text
    ]
    support, lead, glued, absent = locate(document, records)
    assert support and lead and lead[0] < support[0]
    assert "phối hợp với" in document.text[support[0] - 15 : support[0]]
    assert glued and document.text[glued[0] : glued[1]] == "Văn phòng Đảng ủy"
    assert absent is None


def _tokens(*spans: tuple[int, int]) -> Sequence:
    return Sequence(block=None, starts=[s for s, _ in spans], ends=[e for _, e in spans], features=[])  # type: ignore[arg-type]


def test_bio_labels_decode_into_spans_with_their_roles():
    sequence = _tokens((0, 3), (4, 7), (8, 11), (12, 15), (16, 19), (20, 23))
    labels = ["B-lead", "I-lead", "O", "I-support", "B-support", "I-report_to"]
    assert decode(sequence, labels) == [(0, 7, "lead"), (12, 15, "support"), (16, 19, "support"), (20, 23, "report_to")]


def test_rules_plus_model_adds_only_what_the_rules_missed():
    def body(start: int, end: int, role: str) -> Body:
        return Body(quote="x" * (end - start), name="X", role=role, span=(start, end))

    rules = [body(10, 20, "lead"), body(40, 50, "support"), body(42, 44, "lead")]
    model = [(body(12, 18, "support"), 0.99), (body(25, 35, "lead"), 0.95), (body(70, 80, "lead"), 0.6)]
    model += [(body(48, 60, "lead"), 0.99), (body(5, 11, "lead"), 0.99)]
    combined = combine(rules, model, least=0.9)
    assert [(b.span, b.role) for b in combined] == [
        ((10, 20), "lead"),
        ((25, 35), "lead"),
        ((40, 50), "support"),
        ((42, 44), "lead"),
    ]
    assert ((70, 80), "lead") in [(b.span, b.role) for b in combine(rules, model, least=0.5)]


def test_the_model_work_grows_linearly_with_the_plan(tmp_path):
    """Counted, not timed (as tests/test_linear.py): the model's lines run on a plan four times longer."""
    from run_helpers import PLANS, big_plan
    from test_linear import lines_executed

    source = PLANS / "nhu-khe_10-KH-DU_2025.txt"
    runs = []
    for copies in (2, 8):
        document = load_document(big_plan(tmp_path / f"x{copies}.txt", copies, source))
        citations = extract_citations(document)[0]
        runs.append(lines_executed(lambda: bodies_by_mode(document, citations, nlp=False, mode="model")))  # noqa: B023
    assert runs[1] / runs[0] < 5


def test_role_cues_and_a_line_label_are_features_of_the_tokens_after_them(tmp_path):
    """The lexicon's role cues mark the capitalised word they end at (`cue=`) and the words after it
    in the block (`after=`: a cue heads a list of bodies); a labelled line's label marks every token
    after its colon (`lab=`)."""
    from extractors.bodies import plan_mentions
    from extractors.body_features import sequences

    text = PLAN.format(n=9, topic="ký số") + (
        "5. Hội Phụ nữ xã phối hợp với Đoàn Thanh niên xã, Hội Cựu chiến binh xã vận động hội viên.\n"
        "6. Cơ quan chủ trì: Trạm Y tế xã, Trường Mầm non Hoa Sen.\n"
    )
    path = tmp_path / "an-phu_9-KH-DU_2026.txt"
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    citations = extract_citations(document)[0]

    def features_at(word: str) -> list[str]:
        start = document.text.index(word)
        for sequence in sequences(document, plan_mentions(document, citations)):
            if start in sequence.starts:
                return sequence.features[sequence.starts.index(start)]
        raise AssertionError(f"{word!r} is not a token the model reads")

    assert "cue=support" in features_at("Đoàn Thanh niên")
    assert "after=support" in features_at("Cựu chiến binh")
    assert not any(f.startswith(("cue=", "after=")) for f in features_at("Hội Phụ nữ"))
    assert "lab=chủ|trì" in features_at("Trường Mầm non")
    assert not any(f.startswith("lab=") for f in features_at("Hội Phụ nữ"))
