"""Debian's chromium driven by Selenium, for the tests that need a real browser (the audit report,
the plans' own pages, Datasette): the flags this machine needs, a module-scoped driver, a driver of a
given window size, and the checks every page must pass (loads from disk, fetches nothing, logs no
error). `.ci/run` installs chromium and chromium-driver from Debian when they are missing; elsewhere the
tests skip, saying why.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
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
    "--lang=vi",
]
WINDOW = "--window-size=1400,1000"

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError:  # pragma: no cover - depends on the machine
    webdriver = By = None

needs_chromium = [
    pytest.mark.skipif(webdriver is None, reason="selenium is not installed (pip install -e '.[test]')"),
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="no chromium/chromedriver: apt-get install chromium chromium-driver (.ci/run does it in CI)",
    ),
]


@pytest.fixture(scope="module", name="browser")
def chromium_driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, WINDOW, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
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


def set_viewport(driver: webdriver.Chrome, width: int, height: int) -> None:
    """The page's viewport exactly `width` × `height` CSS pixels, as a phone or a laptop shows it (a
    window cannot be made narrower than about 500 px; the device metrics can). Not Chrome's "mobile"
    emulation: it widens the layout viewport past `width` and misplaces WebDriver's clicks."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def clear_viewport(driver: webdriver.Chrome) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def in_chromium(test):
    """A decorator: the test needs the browser (it skips, saying why, where there is none)."""
    for mark in needs_chromium:
        test = mark(test)
    return test


def start_chromium(profile: Path, width: int, height: int) -> webdriver.Chrome:
    """A headless Chromium window of `width`×`height` (for a screenshot of a served page); skips the test
    where no browser is installed."""
    for mark in needs_chromium:
        if mark.args[0]:
            pytest.skip(mark.kwargs["reason"])
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--window-size={width},{height}", f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    return driver
