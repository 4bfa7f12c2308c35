"""`kehoach show FILE --html OUT.html` on real plans: every record is highlighted at its quote.

The pages are made by the real command from the corpus's .txt, .docx and .pdf, and checked against
the records the pipeline finds in the same file: each record has its anchor (`citation-3`), the
highlighted pieces carrying its id read exactly its quote, the list entry jumps to it, and the panel
has its fields. A task holding a body and a deadline nests them; crossing spans are split, never
lost; a plan's own `<script>` stays text. The browser side (a click that scrolls) is in
tests/audit/test_plan_pages.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from plan_builders import HEAD, TAIL

from pipeline.cli import main
from pipeline.highlight import Mark, mark_up
from pipeline.i18n import catalogue
from pipeline.models import RECORD_KINDS
from pipeline.process import load_document, process_file
from pipeline.show_html import SINGULAR, anchor_for_span, record_anchor, records_of
from pipeline.textmatch import fold_whitespace

PLANS = Path(__file__).resolve().parent.parent / "corpus" / "plans"


def show_html(path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> lxml.html.HtmlElement:
    assert main(["show", str(path), "--html", str(out)]) == 0
    assert str(out) in capsys.readouterr().err
    return lxml.html.fromstring(out.read_text(encoding="utf-8"))


def pieces_text(page: lxml.html.HtmlElement, anchor: str) -> str:
    """The text of every highlighted piece of one record, in page order."""
    return "".join(el.text_content() for el in page.xpath(f"//mark[@data-rec='{anchor}']"))


@pytest.mark.parametrize(
    "name", ["rang-dong_KH-57_2026.txt", "phin-ho_KH-UBND_2025.docx", "tan-phong_45-KH-UBND_2025.pdf"]
)
def test_every_record_is_highlighted_at_its_quote(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = PLANS / name
    page = show_html(path, tmp_path / "plan.html", capsys)
    result = process_file(path)
    panel = json.loads(page.get_element_by_id("records").text)
    total = 0
    for kind in RECORD_KINDS:
        for index, record in enumerate(getattr(result, kind), start=1):
            anchor = record_anchor(kind, index)
            first = page.get_element_by_id(anchor)
            assert first.tag == "mark" and f"k-{kind}" in first.get("class").split()
            assert fold_whitespace(pieces_text(page, anchor)) == fold_whitespace(record.quote), anchor
            assert page.xpath(f"//a[@class='jump'][@href='#{anchor}']"), anchor
            fields = dict(panel[anchor]["fields"])
            assert fields["Trích dẫn"] == record.quote
            total += 1
    assert total == len(panel) > 20
    # nothing of the plan's text is lost or added by the page
    shown = page.get_element_by_id("text").text_content()
    assert fold_whitespace(shown).replace(" ", "") == fold_whitespace(load_document(path).text).replace(" ", "")


def test_metadata_legend_and_warnings_are_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = PLANS / "tan-phong_45-KH-UBND_2025.txt"
    page = show_html(path, tmp_path / "plan.html", capsys)
    result = process_file(path)
    meta = page.xpath("//section[@class='meta']//dd")
    assert result.metadata.title in [dd.text_content() for dd in meta]
    legend = page.xpath("//fieldset[@class='legend']")[0].text_content()
    for words in ("Văn bản được dẫn", "Chỉ tiêu", "Thời hạn", "Cơ quan chủ trì", "Nhiệm vụ"):
        assert words in legend
    assert {box.get("value") for box in page.xpath("//input[@class='kind-toggle']")} == set(RECORD_KINDS)
    warnings = page.get_element_by_id("warnings")
    assert f"({len(result.warnings)})" in warnings.xpath(".//h2")[0].text_content()


def test_a_task_holding_a_body_and_a_deadline_nests_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (
        "I. NHIỆM VỤ, GIẢI PHÁP\n\n1. Phát triển dữ liệu số\n\n"
        "Ủy ban nhân dân xã chủ trì, phối hợp với Hội Nông dân xã hoàn thành rà soát vùng lõm sóng "
        "trước ngày 30/9/2025; xây dựng cơ sở dữ liệu đất đai.\n\nThời gian hoàn thành: Quý IV/2025.\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    page = show_html(path, tmp_path / "plan.html", capsys)
    result = process_file(path)
    task = result.tasks[0]
    inside = {
        (kind, i)
        for kind in ("bodies", "deadlines")
        for i, r in enumerate(getattr(result, kind), start=1)
        if task.span[0] <= r.span[0] and r.span[1] <= task.span[1]
    }
    assert {kind for kind, _ in inside} == {"bodies", "deadlines"}
    task_mark = page.get_element_by_id("task-1")
    for kind, i in inside:
        nested = task_mark.xpath(f".//mark[@id='{SINGULAR[kind]}-{i}']")
        assert nested and fold_whitespace(nested[0].text_content()) == getattr(result, kind)[i - 1].quote
    assert fold_whitespace(task_mark.text_content()) == task.quote  # the task itself is still one whole element


def test_crossing_spans_are_split_and_continued() -> None:
    """b starts inside a and ends after it: a stays whole, b is closed with a and continued."""
    text = "0123456789"
    marks = sorted(
        [Mark(1, 5, "a", "rec k-a"), Mark(3, 8, "b", "rec k-b"), Mark(3, 4, "c", "rec k-c")],
        key=lambda m: (m.start, -m.end),
    )
    html = mark_up(text, 0, len(text), marks, set())
    page = lxml.html.fragment_fromstring(html, create_parent="div")
    assert page.text_content() == text
    assert pieces_text(page, "a") == "1234" and pieces_text(page, "b") == "34567" and pieces_text(page, "c") == "3"
    assert [len(page.xpath(f"//*[@id='{a}']")) for a in "abc"] == [1, 1, 1]
    assert page.xpath("//mark[@data-rec='b'][contains(@class,'cont')]")  # the continued piece
    assert page.xpath("//mark[@id='a']//mark[@id='c']")


def test_a_plans_own_markup_stays_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = '<script>alert("x")</script> </script><img src=x onerror=alert(1)> & "Ủy ban nhân dân xã"'
    source = (PLANS / "phin-ho_KH-UBND_2025.txt").read_text(encoding="utf-8")
    path = tmp_path / "hostile.txt"
    path.write_text(source.replace("\n\n", f"\n\n{hostile}\n\n", 1), encoding="utf-8")
    page = show_html(path, tmp_path / "plan.html", capsys)
    raw_page = (tmp_path / "plan.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw_page and "<img" not in raw_page
    assert len(page.xpath("//script")) == 2 and not page.xpath("//img")
    assert '<script>alert("x")</script>' in page.get_element_by_id("text").text_content()
    json.loads(page.get_element_by_id("records").text)  # the records' JSON is intact


def test_anchor_for_span_finds_the_record_an_audit_quote_names() -> None:
    result = process_file(PLANS / "tan-phong_45-KH-UBND_2025.txt", nlp=False)
    target = result.targets[2]
    records = records_of(result)
    assert anchor_for_span(records, target.span) == "target-3"
    assert anchor_for_span(records, (0, 0)) is None and anchor_for_span(records, None) is None


def test_show_html_refuses_what_show_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["show", str(empty), "--html", str(tmp_path / "x.html")]) == 1
    assert not (tmp_path / "x.html").exists()


CODES = {
    "implements",
    "basis",
    "mentions",
    "replaces",
    "lead",
    "support",
    "oversight",
    "report_to",
    "by_date",
    "period",
}
CODES |= {"recurring", "ongoing", "horizon", "monthly", "quarterly", "semiannual", "yearly", "ke_hoach", "nghi_quyet"}


def test_the_panel_speaks_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every field's label is a Vietnamese label of the catalogue, and no value is a bare code."""
    page = show_html(PLANS / "nhu-khe_10-KH-DU_2025.txt", tmp_path / "plan.html", capsys)
    labels = {texts["vi"] for key, texts in catalogue().items() if key.startswith("html.field.")}
    records = json.loads(page.get_element_by_id("records").text)
    pairs = [pair for record in records.values() for pair in record["fields"]]
    assert {label for label, _ in pairs} <= labels
    words = {word for _, value in pairs for word in re.findall(r"[\w]+", value)}
    assert not words & CODES, words & CODES
