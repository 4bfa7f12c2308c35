"""The audit report in a real headless browser: Debian's chromium driven by Selenium.

What only a browser can tell: the page loads from disk with no console error and fetches nothing,
its script works (the severity filter), a finding's link really scrolls to its quote, and it looks
right (a screenshot is saved in the test's tmp_path). `.ci/run` installs chromium and
chromium-driver from Debian when they are missing; elsewhere the tests skip, saying why.

The corpus test runs `kehoach audit corpus/plans` end to end through `audit_command`. With
KEHOACH_UPDATE_SCREENSHOT=1 it also refreshes docs/audit-report.png, the screenshot in the docs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path

import pytest
from chromium import (  # noqa: F401  (chromium_driver: the `browser` fixture)
    REPO,
    By,
    assert_loads_cleanly,
    chromium_driver,
    console_errors,
    needs_chromium,
    open_page,
    save_screenshot,
    webdriver,
)
from report_sample import sample_report

from pipeline.audit.report import write_report

pytestmark = needs_chromium


def matrix_rows(driver: webdriver.Chrome) -> dict[str, list[str]]:
    """Per matrix (by directive), the row headers."""
    rows: dict[str, list[str]] = {}
    for table in driver.find_elements(By.CSS_SELECTOR, "table.matrix"):
        heads = table.find_elements(By.CSS_SELECTOR, "tbody tr > th")
        rows[table.get_attribute("data-directive")] = [h.get_attribute("textContent") for h in heads]
    return rows


def follow_quote_link(driver: webdriver.Chrome, link) -> dict:
    """Click a finding's link to its quote (as a reader does) and report where the quote then stands."""
    quote_id = link.get_attribute("href").split("#", 1)[1]
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", link)
    before = driver.execute_script("return document.getElementById(arguments[0]).getBoundingClientRect().top", quote_id)
    link.click()
    state = driver.execute_script(
        """const q = document.getElementById(arguments[0]);
        return {hash: location.hash, top: q.getBoundingClientRect().top, inner: innerHeight,
                atBottom: scrollY + innerHeight >= document.documentElement.scrollHeight - 2,
                target: document.querySelector(':target') === q,
                text: q.querySelector('blockquote').textContent,
                where: q.querySelector('.where').textContent}""",
        quote_id,
    )
    state.update(id=quote_id, before=before)
    return state


def assert_scrolled_to(state: dict) -> None:
    assert state["hash"] == "#" + state["id"] and state["target"]
    assert state["before"] != pytest.approx(state["top"], abs=1)  # the page moved
    assert abs(state["top"]) <= 2 or (state["atBottom"] and 0 <= state["top"] < state["inner"])


def test_sample_report_in_chromium(browser: webdriver.Chrome, tmp_path: Path) -> None:
    report = sample_report()
    write_report(report, tmp_path / "audit")
    open_page(browser, tmp_path / "audit" / "report.html")
    assert_loads_cleanly(browser)
    assert browser.title == "Báo cáo kiểm tra kế hoạch"

    # the matrix: one row per plan, worst first (most targets missing), with an outlier marked
    assert matrix_rows(browser) == {
        "02-KH/BCĐTW": [
            "phin-ho_KH-UBND_2025 (docx)",
            "tan-phong_45-KH-UBND_2025 (txt)",
            "xuan-hung_KH-02_2025 (pdf)",
        ]
    }
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.matrix td.outlier")) == 1
    summary_rows = browser.find_elements(By.CSS_SELECTOR, "#summary tbody tr")
    assert len(summary_rows) == len(report.plans)

    # the matrix scrolls inside its own box when narrower than the table, not the page
    browser.set_window_size(700, 1000)
    overflow = browser.execute_script(
        "const box = document.querySelector('table.matrix').parentElement;"
        "return [box.scrollWidth > box.clientWidth, document.documentElement.scrollWidth <= innerWidth]"
    )
    browser.set_window_size(1400, 1000)
    assert overflow == [True, True]

    # a finding's link scrolls to its quote, which shows its section and place in the original
    finding = browser.find_element(By.XPATH, "//li[contains(@class,'finding')][contains(., 'thấp hơn mức 80%')]")
    state = follow_quote_link(browser, finding.find_element(By.CSS_SELECTOR, "a.to-quote"))
    assert_scrolled_to(state)
    assert state["text"] == "tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến đạt từ 60% trở lên"
    assert "Mục II.1.1.a" in state["where"] and "dòng 51" in state["where"]

    # ... also when the reader had folded the plan's list of quotes away
    browser.execute_script("document.querySelectorAll('details.evidence').forEach(d => d.open = false)")
    browser.execute_script("location.hash = ''")
    link = browser.find_elements(By.CSS_SELECTOR, "a.to-quote")[-1]
    state = follow_quote_link(browser, link)
    assert_scrolled_to(state)
    assert browser.find_element(By.ID, state["id"]).is_displayed()

    # a matrix cell leads to its coverage finding, shown even where the severity filter hid it
    warnings = browser.find_element(By.CSS_SELECTOR, "input.sev-filter[value=warning]")
    browser.execute_script("arguments[0].scrollIntoView()", warnings)
    warnings.click()
    browser.execute_script("window.scrollTo(0, 0)")
    browser.find_element(By.CSS_SELECTOR, "table.matrix td.outlier a").click()
    target = browser.execute_script("return document.querySelector(':target')")
    assert target.get_attribute("data-severity") == "warning" and "50%" in target.text
    assert target.is_displayed()
    assert abs(browser.execute_script("return arguments[0].getBoundingClientRect().top", target)) <= 2
    browser.execute_script("arguments[0].scrollIntoView()", warnings)
    warnings.click()

    # the severity filter hides and shows findings
    problems = browser.find_elements(By.CSS_SELECTOR, "li.finding[data-severity=problem]")
    others = browser.find_elements(By.CSS_SELECTOR, "li.finding:not([data-severity=problem])")
    box = browser.find_element(By.CSS_SELECTOR, "input.sev-filter[value=problem]")
    browser.execute_script("arguments[0].scrollIntoView()", box)
    box.click()
    assert problems and not any(p.is_displayed() for p in problems)
    assert all(o.is_displayed() for o in others)
    box.click()
    assert all(p.is_displayed() for p in problems)

    browser.execute_script("window.scrollTo(0, 0)")
    save_screenshot(browser, tmp_path / "report.png")
    assert console_errors(browser) == []


@pytest.mark.slow
def test_corpus_audit_report_in_chromium(browser: webdriver.Chrome, tmp_path: Path) -> None:
    from pipeline.audit.command import audit_command

    out = tmp_path / "audit"
    args = argparse.Namespace(
        paths=[str(REPO / "corpus" / "plans")], against="auto", out=str(out), profile=None, no_progress=True
    )
    assert audit_command(args) == 0
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    plans = findings["plans"]
    assert len(plans) == len(list((REPO / "corpus" / "plans").glob("*.*")))
    open_page(browser, out / "report.html")
    assert_loads_cleanly(browser)

    # one row per plan: its .txt, .docx and .pdf share the plan id, and the row names the three formats
    plan_ids = {p["doc_id"] for p in plans}
    summary = browser.find_elements(By.CSS_SELECTOR, "#summary tbody tr")
    assert len(summary) == len(plan_ids) < len(plans)
    assert {r.find_element(By.CSS_SELECTOR, "td.formats").text for r in summary} == {"docx, pdf, txt"}
    rows = matrix_rows(browser)
    assert rows and set(rows) == {m["directive"] for m in findings["matrices"]}
    for matrix in findings["matrices"]:
        assert sorted(rows[matrix["directive"]]) == sorted(f"{doc} (docx, pdf, txt)" for doc in matrix["plans"])
        assert set(matrix["plans"]) == {p["doc_id"] for p in plans if matrix["directive"] in p["directives"]}

    # a finding the three formats share is listed once, with its quotes
    distinct: dict[tuple, int] = {}
    for p in plans:
        for f in p["findings"]:
            distinct.setdefault(
                (p["doc_id"], f["code"], f["message"], f["directive"], f["target_id"]), len(f["evidence"])
            )
    links = browser.find_elements(By.CSS_SELECTOR, "a.to-quote")
    assert len(links) == sum(distinct.values())
    assert_scrolled_to(follow_quote_link(browser, links[0]))
    assert_scrolled_to(follow_quote_link(browser, links[len(links) // 2]))

    browser.execute_script("window.scrollTo(0, 0)")
    save_screenshot(browser, tmp_path / "report.png")
    shot = save_screenshot(browser, tmp_path / "report-top.png", until="#chart")
    if os.environ.get("KEHOACH_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, REPO / "docs" / "audit-report.png")
    assert console_errors(browser) == []
