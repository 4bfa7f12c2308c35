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
import base64
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_sample import sample_report

from pipeline.audit.report import write_report

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
CHROMEDRIVER = shutil.which("chromedriver") or (
    "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
    "--lang=vi",
]

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError:  # pragma: no cover - depends on the machine
    webdriver = None

pytestmark = [
    pytest.mark.skipif(webdriver is None, reason="selenium is not installed (pip install -e '.[test]')"),
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="no chromium/chromedriver: apt-get install chromium chromium-driver (.ci/run does it in CI)",
    ),
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # an explicit driver path: Selenium Manager would otherwise try to download one
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def open_page(driver: webdriver.Chrome, page: Path) -> None:
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(page.resolve().as_uri())
    assert driver.execute_script("return document.readyState") == "complete"


def console_errors(driver: webdriver.Chrome) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def assert_loads_cleanly(driver: webdriver.Chrome) -> None:
    assert console_errors(driver) == []
    # self-contained: the page fetched nothing (no script, style, font, image or icon)
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert driver.execute_script("return document.characterSet") == "UTF-8"


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


def save_screenshot(driver: webdriver.Chrome, path: Path, until: str | None = None) -> Path:
    """A PNG of the page from the top; down to the end of element `until` (CSS selector), else the viewport."""
    if until is None:
        assert driver.save_screenshot(str(path))
    else:
        width, height = driver.execute_script(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
            "return [document.documentElement.clientWidth, Math.ceil(r.bottom + scrollY + 16)]",
            until,
        )
        shot = driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
        )
        path.write_bytes(base64.b64decode(shot["data"]))
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    return path


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
