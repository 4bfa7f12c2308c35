"""Bodies rules written on the shapes the newest development documents (collection rounds 4 to 6) hold
and the older ones' rules did not know (the "bodies6b" pass). Sentences are our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_bodies import L, duty, plan, records

from extractors.bodies import find_mentions
from pipeline.normalize import fold_text


@pytest.mark.parametrize("joined", ["vai trò, trách nhiệm của", "vai trò và trách nhiệm của"])
def test_the_role_and_duty_of_a_list_makes_each_body_lead(tmp_path: Path, joined: str) -> None:
    """ "Nâng cao vai trò, trách nhiệm của X, Y trong …": the bodies the plan's aim holds responsible
    (gold/README.md: "vai trò, trách nhiệm của (người đứng đầu) X" makes X lead), as "vai trò của X" does."""
    sentence = f"Nâng cao {joined} Ủy ban nhân dân xã, Hội Nông dân xã trong công tác chuyển đổi số."
    found = [(name, role) for _, name, role in records(plan(tmp_path, duty(sentence)))]
    assert found == [("Ủy ban nhân dân xã", L), ("Hội Nông dân xã", L)]


def test_a_duty_alone_is_still_no_cue(tmp_path: Path) -> None:
    """ "trách nhiệm của X" without "vai trò" stays unannotated (gold/README.md, conflicts: the bundled
    plans leave it so)."""
    sentence = "Đề cao trách nhiệm của Hội Nông dân xã trong công tác chuyển đổi số."
    assert [role for _, _, role in records(plan(tmp_path, duty(sentence)))] != [L]


def test_the_communes_level_with_cap_names_their_collective_in_a_higher_plan() -> None:
    """ "UBND cấp xã" in a province's or a ministry's text is every commune's committee, named as written;
    in a commune's own plan the same words name its own committee at its level."""
    written = "Sở Nội vụ hướng dẫn Ủy ban nhân dân cấp huyện, UBND cấp xã rà soát hồ sơ."
    higher = [m.name for m in find_mentions(written, fold_text(written), plan_level="")]
    assert higher == ["Sở Nội vụ", "Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân cấp xã"]
    commune = [m.name for m in find_mentions(written, fold_text(written), plan_level="xã")]
    assert commune[-1] == "Ủy ban nhân dân xã"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Hằng quý, Hội Chữ thập đỏ cấp tỉnh tổng hợp danh sách gửi về.", "Hội Chữ thập đỏ cấp tỉnh"),
        ("Giao Phòng Giáo dục và Đào tạo các huyện, thị xã hướng dẫn.", "Phòng Giáo dục và Đào tạo các huyện, thị xã"),
        ("Trung tâm Y tế huyện tổ chức khám sàng lọc.", "Trung tâm Y tế huyện"),
    ],
)
def test_a_capitalised_name_the_lexicon_does_not_know_ends_at_its_level(written: str, name: str) -> None:
    """A capitalised name with lower-case words in it ('Hội Chữ thập đỏ') ends where a level above the commune
    follows ('cấp tỉnh', 'các huyện, thị xã'), which then belongs to it, as well as at punctuation."""
    assert [m.name for m in find_mentions(written, fold_text(written), plan_level="")] == [name]


def test_the_localities_addressed_by_a_higher_plan_are_one_collective() -> None:
    """ "đề nghị các địa phương …": the localities as one collective body (gold/README.md: "Các địa phương" as
    the subject of a duty is a record), found as written with its "các"."""
    written = "Vì vậy, đề nghị các địa phương khẩn trương lập danh sách hộ nghèo."
    found = [(m.name, written[m.start : m.end]) for m in find_mentions(written, fold_text(written), plan_level="")]
    assert found == [("Các địa phương", "các địa phương")]


def test_a_head_of_several_units_in_the_closing_article_names_their_collective(tmp_path: Path) -> None:
    """ "Điều 3. …; Chủ tịch UBND huyện, thị xã, thành phố … chịu trách nhiệm thi hành": the body after the
    title is one collective over the units, named with "các" as the same words are anywhere else
    (gold/README.md, conflicts: the extractor names every such list so)."""
    article = (
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố "
        "chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    names = [name for _, name, _ in records(plan(tmp_path, article, level="tỉnh"))]
    assert "Ủy ban nhân dân các huyện, thị xã, thành phố" in names
    assert "Ủy ban nhân dân huyện, thị xã, thành phố" not in names
