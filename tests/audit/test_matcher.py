"""The indicator matcher on labelled pairs written from reading the plans (tests/audit/indicator_pairs.json).

Each pair: a plan's indicator text, a directive target (or "none": it carries none of that
directive's targets), and whether it carries it. The floors below are the figures measured when
the matcher was written, rounded down: a change to the lexicon or the similarity that loses
accuracy fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.registry import number_key
from pipeline.audit.matcher import concepts_of, match, primary_concept, similarity
from pipeline.audit.profiles import load_profiles

PAIRS = json.loads((Path(__file__).parent / "indicator_pairs.json").read_text(encoding="utf-8"))["pairs"]
PROFILES = load_profiles()


def predict(pair: dict) -> bool:
    """Whether the matcher says the plan text carries the pair's target (for "none": any target)."""
    profile = PROFILES[number_key(pair["directive"])]
    targets = profile.targets if pair["target"] == "none" else [t for t in profile.targets if t.id == pair["target"]]
    assert targets, f"unknown target {pair['target']} in {pair['directive']}"
    return any(match(pair["plan_text"], t.indicator, profile.target_concept(t)).matched for t in targets)


def scores() -> dict[str, float]:
    tp = fp = fn = tn = 0
    for pair in PAIRS:
        got, want = predict(pair), pair["expected"]
        tp += got and want
        fp += got and not want
        fn += want and not got
        tn += not got and not want
    return {
        "pairs": len(PAIRS),
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "accuracy": (tp + tn) / len(PAIRS),
    }


def test_enough_pairs_both_ways():
    assert len(PAIRS) >= 40
    assert sum(p["expected"] for p in PAIRS) >= 15
    assert sum(not p["expected"] for p in PAIRS) >= 15


def test_matcher_floor():
    s = scores()
    print(s)
    assert s["accuracy"] >= 0.9, s
    assert s["precision"] >= 0.9, s
    assert s["recall"] >= 0.85, s


def test_same_concept_whatever_the_words():
    a = "Tối thiểu 50% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến"
    assert primary_concept(a) == "dossiers_fully_online"
    assert match(a, "tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến").matched


def test_different_concepts_never_match_on_shared_words():
    # Both say "điện tử" and "thủ tục hành chính"-like words; one is identity accounts, one results.
    m = match("tài khoản định danh điện tử được kích hoạt", "kết quả giải quyết thủ tục hành chính điện tử")
    assert not m.matched and m.how == "concept_conflict"


def test_exclusion_wins_over_phrasing():
    # "dịch vụ công trực tuyến toàn trình đã tích hợp trên Cổng" counts services, not eligible procedures.
    hits = [h.concept for h in concepts_of("25 dịch vụ công trực tuyến toàn trình đã tích hợp trên Cổng Dịch vụ công")]
    assert "procedures_on_portal" not in hits and "full_online_services" in hits


def test_similarity_is_symmetric_and_bounded():
    a, b = "tỷ lệ người dân dùng dịch vụ công", "người dân sử dụng dịch vụ công trực tuyến"
    assert similarity(a, b) == pytest.approx(similarity(b, a))
    assert 0.0 < similarity(a, b) < 1.0
    assert similarity(a, a) == pytest.approx(1.0)
