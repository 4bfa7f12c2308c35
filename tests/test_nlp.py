"""extractors.nlp builds underthesea's POS features itself (issue 15): the features and the tags must be
exactly underthesea's own, or bodies and targets would read clauses differently."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import nlp

SENTENCES = [
    "Ủy ban nhân dân xã chủ trì, phối hợp với Phòng Văn hóa triển khai",
    "Sở Khoa học và Công nghệ hướng dẫn các huyện",
    "UBND tỉnh",
    "Đến năm 2030, tỷ lệ hộ dùng Internet đạt 95%",
    "Giao  Văn phòng HĐND và UBND huyện theo dõi, đôn đốc",
    "xã",
    "",
    "Trung tâm Phục vụ hành chính công; Công an xã (chủ trì)",
]


def test_features_are_underthesea_own() -> None:
    tagged_feature = pytest.importorskip("underthesea.pipeline.pos_tag.tagged_feature")
    from underthesea import word_tokenize
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    template = CRFPOSTagPredictor.Instance().transformer.template
    functions = {"lower": tagged_feature.text_lower, "istitle": tagged_feature.text_istitle}
    compiled = nlp._compile_template(template, functions)
    for sentence in SENTENCES:
        words = word_tokenize(sentence)
        rows = [(word, "X") for word in words]
        expected = [tagged_feature.word2features(rows, i, template) for i in range(len(rows))]
        assert nlp.sentence_features(words, compiled) == expected


def test_tags_are_underthesea_own() -> None:
    underthesea = pytest.importorskip("underthesea")
    for sentence in SENTENCES:
        assert nlp.pos_tag(sentence) == underthesea.pos_tag(sentence)


def test_an_unknown_template_function_is_refused() -> None:
    with pytest.raises(KeyError):
        nlp._compile_template(["T[0].shout"], {"lower": str.lower})


SEGMENTED = [
    *SENTENCES,
    "UBND xã Tân Phú phối hợp với Đoàn Thanh niên tổ chức 02 lớp tập huấn trước ngày 30/6/2026",
    "Quý IV/2025: hoàn thành 100% hồ sơ; CỔNG DỊCH VỤ CÔNG QUỐC GIA (ĐỢT 1)",
    "Tỷ lệ ½ số hộ, mã 43H-0530, e-mail và T.Ư, v.v...",
    "a",
]


def test_segment_features_are_underthesea_core_own() -> None:
    """The word segmenter's features, string for string, as underthesea_core's featurizer makes them."""
    pytest.importorskip("underthesea")
    import underthesea.pipeline.word_tokenize as segmentation
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    nlp._segmenter()  # loads underthesea's segmenter model
    model = segmentation.word_tokenize_model
    import joblib

    base = Path(segmentation.__file__).parent / "models" / "ws_crf_vlsp2013_20230727"
    compiled = nlp._compile_segment_template(list(joblib.load(base / "features.bin")))
    dictionary = frozenset(joblib.load(base / "dictionary.bin"))
    for sentence in SEGMENTED:
        tokens = tokenize(sentence)
        expected = model.featurizer.process([[[token] for token in tokens]])[0]
        assert [list(row) for row in nlp.segment_features(tokens, compiled, dictionary)] == expected, sentence


def test_words_are_underthesea_own() -> None:
    underthesea = pytest.importorskip("underthesea")
    for sentence in SEGMENTED:
        assert nlp._segmenter()(sentence) == underthesea.word_tokenize(sentence)


def test_title_is_underthesea_core_own() -> None:
    """Not `str.istitle`: a digit or a mark opens a title, a lower-case letter in any word does not."""
    assert nlp._title("2030") == nlp._title(",") == nlp._title("Ủy Ban") == "True"
    assert nlp._title("Ủy ban") == nlp._title("ban") == "False"


def test_an_unknown_segment_function_is_refused() -> None:
    with pytest.raises(KeyError):
        nlp._compile_segment_template(["T[0].shout"])
