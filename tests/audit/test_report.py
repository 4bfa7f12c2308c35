"""The audit report files: findings.json, findings.csv (Excel-ready) and the self-contained report.html.

Built on a realistic AuditReport (tests/audit/report_sample.py: real quotes from the corpus plans),
so the renderer is tested on a report whose every figure is known; the `kehoach audit` command tests
at the end run the real pipeline and engine on corpus plans. The browser tests are in test_browser.py.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from report_sample import DIRECTIVE, TARGETS, sample_report

from pipeline.audit.command import audit_command
from pipeline.audit.html import chart_svg, describe_place, describe_target, format_number, render_html, status_counts
from pipeline.audit.models import AuditReport, Finding, Quote
from pipeline.audit.profiles import build_profile, load_profile
from pipeline.audit.report import CSV_COLUMNS, write_report
from pipeline.models import SourceLocation
from pipeline.process import process_file


@pytest.fixture(scope="module")
def report() -> AuditReport:
    return sample_report()


@pytest.fixture(scope="module")
def written(report: AuditReport, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("audit")
    paths = write_report(report, out)
    return {path.name: path for path in paths}


@pytest.fixture(scope="module")
def page(written: dict[str, Path]) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(written["report.html"].read_bytes())


def all_findings(report: AuditReport) -> list[Finding]:
    return [finding for plan in report.plans for finding in plan.findings]


def test_write_report_writes_the_three_files(written: dict[str, Path]) -> None:
    assert sorted(written) == ["findings.csv", "findings.json", "report.html"]
    assert all(path.stat().st_size > 0 for path in written.values())
    assert not list(next(iter(written.values())).parent.glob(".*.tmp"))


def test_findings_json_is_the_report_itself(report: AuditReport, written: dict[str, Path]) -> None:
    text = written["findings.json"].read_text(encoding="utf-8")
    assert AuditReport.model_validate_json(text) == report
    assert "hồ sơ thủ tục hành chính" in text  # Vietnamese as characters, not \\u escapes


def test_findings_csv_has_a_bom_and_one_row_per_finding(report: AuditReport, written: dict[str, Path]) -> None:
    data = written["findings.csv"].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(all_findings(report))
    assert Counter(r["doc_id"] for r in rows) == Counter(f.doc_id for f in all_findings(report))

    weakened = next(r for r in rows if r["doc_id"].startswith("tan-phong") and r["status"] == "weakened")
    assert weakened["quote"] == "tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến đạt từ 60% trở lên"
    assert (weakened["section"], weakened["line"], weakened["place"], weakened["n_evidence"]) == (
        "II.1.1.a",
        "51",
        "dòng 51",
        "2",
    )
    assert weakened["directive"] == DIRECTIVE and weakened["target_id"] == "02.dossiers_fully_online"

    cell = next(r for r in rows if r["doc_id"].startswith("phin-ho") and r["code"] == "five_clear.no_output")
    assert (cell["paragraph"], cell["table_no"], cell["row_no"], cell["column_no"]) == ("41", "1", "2", "2")
    assert cell["place"] == "đoạn 41, bảng 1, hàng 2, cột 2"

    missing = next(r for r in rows if r["code"] == "coverage.missing")
    assert missing["quote"] == "" and missing["n_evidence"] == "0" and missing["page"] == ""


def test_page_is_self_contained_utf8(written: dict[str, Path], page: lxml.html.HtmlElement) -> None:
    text = written["report.html"].read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert page.xpath("//meta/@charset") == ["utf-8"]
    assert page.get("lang") == "vi"
    # nothing fetched: no external script, stylesheet, image or font; icon is a data: URL
    assert not page.xpath("//script[@src] | //link[@rel='stylesheet'] | //img | //iframe")
    assert [href for href in page.xpath("//link/@href")] == ["data:,"]
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", text)
    assert "@import" not in text and "url(" not in text
    assert page.xpath("//style") and page.xpath("//script")
    assert "Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ" in page.text_content()


def test_every_internal_link_lands_on_one_element(page: lxml.html.HtmlElement) -> None:
    ids = Counter(page.xpath("//@id"))
    assert not [i for i, n in ids.items() if n > 1]
    targets = [href[1:] for href in page.xpath("//a/@href") if href.startswith("#")]
    assert targets and not [t for t in targets if t not in ids]


def test_summary_has_a_row_per_plan_with_counts_and_five_clear(
    report: AuditReport, page: lxml.html.HtmlElement
) -> None:
    rows = page.xpath("//section[@id='summary']//table/tbody/tr")
    assert len(rows) == len(report.plans)
    phin_ho = next(r for r in rows if "phin-ho" in r.text_content())
    cells = [c.text_content().strip() for c in phin_ho.xpath("./td")]
    # directives, problem, warning, info, tasks, then the 5 rõ as met/tasks
    assert cells[:5] == [DIRECTIVE, "3", "2", "0", "7"]
    assert cells[5:] == ["7/7", "7/7", "0/7", "5/7", "2/7"]
    assert phin_ho.xpath("./td[contains(@class,'short')]")  # criteria not met by every task are marked
    assert "Kế hoạch chuyển đổi số xã Phìn Hồ năm 2025–2026" in phin_ho.text_content()
    no_tasks = next(r for r in rows if "xuan-hung" in r.text_content())
    assert [c.text_content() for c in no_tasks.xpath("./td")][4:] == ["0", "–", "–", "–", "–", "–"]


def test_matrix_rows_cells_legend_and_outlier(report: AuditReport, page: lxml.html.HtmlElement) -> None:
    tables = page.xpath("//table[contains(@class,'matrix')]")
    assert len(tables) == 1 and tables[0].get("data-directive") == DIRECTIVE
    header = tables[0].xpath("./thead/tr/th")
    assert len(header) == 1 + len(TARGETS)
    assert "≥ 80 % · 2025-12-31" in header[2].text_content()
    rows = tables[0].xpath("./tbody/tr")
    assert [r.xpath("./th")[0].text_content() for r in rows] == [
        "tan-phong_45-KH-UBND_2025 (txt)",
        "phin-ho_KH-UBND_2025 (docx)",
        "xuan-hung_KH-02_2025 (pdf)",
    ]
    statuses = [[c.get("class").split()[1] for c in r.xpath("./td")] for r in rows]
    assert statuses[0] == ["st-carried", "st-weakened", "st-carried", "st-missing"]
    assert statuses[1] == ["st-missing", "st-weakened", "st-missing", "st-not_applicable"]
    outliers = tables[0].xpath(".//td[contains(@class,'outlier')]")
    assert len(outliers) == 1 and "50" in outliers[0].text_content() and "⚑" in outliers[0].text_content()
    legend = page.xpath("//ul[contains(@class,'legend')]")[0].text_content()
    for label in ("Giữ nguyên", "Cao hơn", "Thấp hơn / muộn hơn", "Thiếu", "Không áp dụng"):
        assert label in legend
    # a cell links to the plan's coverage finding for that target
    link = rows[0].xpath("./td")[1].xpath(".//a/@href")[0]
    finding = page.get_element_by_id(link[1:])
    assert "02.dossiers_fully_online" in finding.text_content() and "60%" in finding.text_content()


def test_matrix_scrolls_sideways_in_its_own_region(page: lxml.html.HtmlElement) -> None:
    wrapper = page.xpath("//table[contains(@class,'matrix')]/..")[0]
    assert "scroll" in wrapper.get("class") and wrapper.get("role") == "region" and wrapper.get("tabindex") == "0"
    style = page.xpath("//style")[0].text
    assert ".scroll{overflow-x:auto" in style


def test_chart_has_a_bar_segment_per_status_count(report: AuditReport, page: lxml.html.HtmlElement) -> None:
    svg = page.xpath("//section[@id='chart']//*[local-name()='svg']")[0]
    titles = [t.text_content() for t in svg.xpath(".//*[local-name()='rect']/*[local-name()='title']")]
    assert "tan-phong_45-KH-UBND_2025 (txt): 2 giữ nguyên" in titles
    assert "phin-ho_KH-UBND_2025 (docx): 2 thiếu" in titles
    assert "xuan-hung_KH-02_2025 (pdf): 1 cao hơn" in titles
    counts = dict(status_counts(report))
    assert counts["phin-ho_KH-UBND_2025 (docx)"]["not_applicable"] == 1  # counted, but not drawn as a bar
    assert not any("không áp dụng" in t for t in titles)


def test_chart_without_plans_is_still_an_svg() -> None:
    svg = chart_svg([])
    assert svg.startswith("<svg") and svg.endswith("</svg>") and "Không có kế hoạch" in svg


def test_each_finding_links_to_its_quotes_with_section_and_place(
    report: AuditReport, page: lxml.html.HtmlElement
) -> None:
    items = page.xpath("//li[contains(@class,'finding')]")
    assert len(items) == len(all_findings(report))
    weakened = next(i for i in items if "thấp hơn mức 80%" in i.text_content())
    links = weakened.xpath(".//a[contains(@class,'to-quote')]/@href")
    assert len(links) == 2
    quote = page.get_element_by_id(links[0][1:])
    assert quote.xpath(".//blockquote")[0].text_content() == (
        "tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến đạt từ 60% trở lên"
    )
    where = quote.xpath(".//p[@class='where']")[0].text_content()
    assert "Mục II.1.1.a" in where and "dòng 51" in where
    assert quote.xpath(".//a[@class='back']/@href") == ["#" + weakened.get("id")]
    directive_quote = page.get_element_by_id(links[1][1:])  # the directive's own figure, from its profile
    assert "Chỉ thị 02-KH/BCĐTW (hồ sơ chỉ thị)" in directive_quote.xpath(".//p[@class='where']")[0].text_content()
    # a link names its quote by the number the quote carries in the plan's list
    for link in page.xpath("//a[contains(@class,'to-quote')]"):
        target = page.get_element_by_id(link.get("href")[1:])
        assert link.text_content() == f"trích dẫn {target.get('value')}"
    pdf_quote = next(q for q in page.xpath("//li[@class='quote']") if "82 nhóm" in q.text_content())
    assert "trang 2" in pdf_quote.text_content()


def test_findings_are_grouped_under_their_plan_by_kind_problems_first(
    report: AuditReport, page: lxml.html.HtmlElement
) -> None:
    rank = {"problem": 0, "warning": 1, "info": 2}
    for plan in report.plans:
        article = next(
            a
            for a in page.xpath("//article[@class='plan']")
            if a.xpath("./h3")[0].text_content().startswith(plan.doc_id)
        )
        lists = article.xpath("./ol[contains(@class,'findings')]")
        kinds = [[i.get("data-kind") for i in ol.xpath("./li")] for ol in lists]
        assert [k[0] for k in kinds] == [
            k for k in ("coverage", "lint", "five_clear") if any(f.kind == k for f in plan.findings)
        ]
        assert all(len(set(k)) == 1 for k in kinds)  # one kind per list, under its heading
        assert len(article.xpath("./h4[@class='group']")) == len(lists)
        for ol in lists:
            severities = [i.get("data-severity") for i in ol.xpath("./li")]
            assert severities == sorted(severities, key=rank.__getitem__)
        # numbered on across the lists: the nth finding of the plan shows n, and its id ends in f<n>
        starts = [int(ol.get("start")) for ol in lists]
        assert starts == [1 + sum(len(k) for k in kinds[:i]) for i in range(len(kinds))]
        ids = [i.get("id") for ol in lists for i in ol.xpath("./li")]
        assert [i.rsplit("-f", 1)[1] for i in ids] == [str(n) for n in range(1, len(plan.findings) + 1)]


def test_text_from_the_plan_is_escaped() -> None:
    hostile = AuditReport(
        plans=[
            sample_report()
            .plans[0]
            .model_copy(
                update={
                    "title": "<script>alert(1)</script>",
                    "findings": [
                        Finding(
                            doc_id="x",
                            kind="lint",
                            code="lint.x",
                            severity="info",
                            message='a "quoted" <b>message</b> & more',
                            evidence=[Quote(text="</blockquote><img src=x onerror=alert(1)>")],
                        )
                    ],
                }
            )
        ]
    )
    html = render_html(hostile)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;b&gt;message&lt;/b&gt; &amp; more" in html


def test_an_empty_report_renders() -> None:
    page = lxml.html.fromstring(render_html(AuditReport()))
    assert page.xpath("//section[@id='matrix']") and not page.xpath("//table[contains(@class,'matrix')]")
    assert "0 kế hoạch" in page.text_content()


def test_unreadable_files_are_listed(page: lxml.html.HtmlElement) -> None:
    section = page.xpath("//section[@id='errors']")[0].text_content()
    assert "corpus/plans/scan.pdf" in section and "image_only_pdf" in section


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (None, ""),
        (SourceLocation(page=3), "trang 3"),
        (SourceLocation(paragraph=1), "đoạn 1"),
        (SourceLocation(line=40, table_no=2, row_no=1, column_no=5), "dòng 40, bảng 2, hàng 1, cột 5"),
        (SourceLocation(page=2, table_no=1), "trang 2, bảng 1"),
    ],
)
def test_describe_place_counts_from_one(source: SourceLocation | None, expected: str) -> None:
    assert describe_place(source) == expected


def test_numbers_and_targets_are_written_the_vietnamese_way() -> None:
    assert [format_number(v) for v in (80.0, 95.5, 0.25, None)] == ["80", "95,5", "0,25", ""]
    assert describe_target({"value": 40, "value_max": 50, "comparator": "~", "by": "2030"}) == "≈ 40–50 · 2030"
    assert describe_target({"value": 3, "unit": "%", "comparator": ">="}) == "≥ 3 %"


# -- the `kehoach audit` command -----------------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
PLANS = REPO / "corpus" / "plans"


def audit_args(paths: list[Path], out: Path, against: str = "auto", profile: Path | None = None) -> argparse.Namespace:
    return argparse.Namespace(
        paths=[str(p) for p in paths],
        against=against,
        out=str(out),
        profile=str(profile) if profile else None,
        no_progress=True,
    )


def test_audit_command_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = next(PLANS.glob("*.txt"))
    assert audit_command(audit_args([tmp_path / "nowhere"], tmp_path / "a")) == 2
    assert audit_command(audit_args([plan], tmp_path / "a", against="99-XX/YY")) == 2
    assert "no directive profile for '99-XX/YY'" in capsys.readouterr().err
    assert audit_command(audit_args([plan], tmp_path / "a", profile=REPO / "pyproject.toml")) == 2
    assert "a profile is a .json file" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "1/KH-X", "targets": [{"value": "many"}]}', encoding="utf-8")
    assert audit_command(audit_args([plan], tmp_path / "a", profile=bad)) == 2
    assert "source" in capsys.readouterr().err  # the missing field is named
    assert not (tmp_path / "a" / "report.html").exists()


def test_audit_command_records_files_it_cannot_read(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    good = next(PLANS.glob("*.txt"))
    shutil.copyfile(good, plans / good.name)
    (plans / "trong.txt").write_bytes(b"")
    out = tmp_path / "audit"
    assert audit_command(audit_args([plans], out)) == 0
    report = AuditReport.model_validate_json((out / "findings.json").read_text(encoding="utf-8"))
    assert [p.source_file for p in report.plans] == [str(plans / good.name)]
    assert [e["source_file"] for e in report.errors] == [str(plans / "trong.txt")]
    assert "trong.txt" in (out / "report.html").read_text(encoding="utf-8")

    only_bad = tmp_path / "only-bad"
    only_bad.mkdir()
    (only_bad / "trong.txt").write_bytes(b"")
    assert audit_command(audit_args([only_bad], tmp_path / "audit-bad")) == 1


def test_audit_command_builds_a_profile_from_a_directive_text(tmp_path: Path) -> None:
    """--profile with a document's text: the extractors read its targets into a profile, saved for reuse."""
    directive, plan = sorted(PLANS.glob("*.txt"))[:2]
    out = tmp_path / "audit"
    built = build_profile(process_file(directive))
    assert built.targets  # the document used as a directive has figures to compare against
    assert audit_command(audit_args([plan], out, against=built.id, profile=directive)) == 0
    saved = list((out / "profiles").glob("*.json"))
    assert len(saved) == 1 and load_profile(saved[0]) == built
    report = AuditReport.model_validate_json((out / "findings.json").read_text(encoding="utf-8"))
    assert report.plans[0].directives == [built.id]
    assert any(f.kind == "coverage" and f.directive == built.id for f in report.plans[0].findings)
    # the saved profile is used as it is on the next audit
    assert audit_command(audit_args([plan], tmp_path / "again", against=built.id, profile=saved[0])) == 0
