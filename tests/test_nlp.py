"""extractors.nlp builds underthesea's POS features itself (issue 15): the features and the tags must be
exactly underthesea's own, or bodies and targets would read clauses differently."""

from __future__ import annotations

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
