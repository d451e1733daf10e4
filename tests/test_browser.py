"""End to end in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`, driven by Selenium)
over the web app served by uvicorn on a free local port. Open a story, filter the events, see rows and map
markers, follow an event to its evidence sentence; and check that no script from a report's text runs.

Skips, with the reason, where no Chromium or chromedriver is installed (`make setup` installs them as root).
With TRUCELINE_SCREENSHOTS=1 it saves the screenshots the README shows under docs/.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import HOSTILE_TITLE

from truceline.web import create_app

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

DOCS = Path(__file__).resolve().parents[1] / "docs"
WAIT = 20.0  # seconds a page may take to settle on a loaded machine (a bound, not a timing assertion)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread on a free port of 127.0.0.1; its base URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=WAIT)


def _binaries() -> tuple[str, str]:
    browser = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        missing = " and ".join(n for n, p in (("chromium", browser), ("chromedriver", driver)) if not p)
        pytest.skip(f"no {missing} on this machine: install Debian's chromium and chromium-driver (make setup as root)")
    return browser, driver


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install -e .[dev])")
    del selenium
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = _binaries()
    profile = tempfile.mkdtemp(prefix="truceline-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(condition: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"the page never showed {what}")


def screenshot(driver: Any, name: str) -> None:
    if os.environ.get("TRUCELINE_SCREENSHOTS") == "1":
        DOCS.mkdir(exist_ok=True)
        driver.save_screenshot(str(DOCS / name))


def csp_violations(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]


def test_story_filter_map_and_evidence(browser: Any, web_db: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    with serve(web_db) as base:
        # the stories list, then the story with the most reports: its timeline by day
        browser.get(base + "/stories")
        items = browser.find_elements(By.CSS_SELECTOR, ".story-item")
        assert items, "the stories list shows stories"
        largest = max(items, key=lambda li: int(li.get_attribute("data-reports")))
        largest.find_element(By.CSS_SELECTOR, "h2 a").click()
        wait_for(lambda: "/stories/" in browser.current_url, "the story page")
        rows = browser.find_elements(By.CSS_SELECTOR, ".timeline tr.event-row")
        assert len(rows) > 10
        assert browser.find_elements(By.CSS_SELECTOR, "h3.day")
        screenshot(browser, "story.png")

        # the events page, filtered by choosing a type (filters.js submits the form): rows and map markers
        browser.get(base + "/events")
        everything = int(browser.find_element(By.ID, "count").text.split()[0])
        Select(browser.find_element(By.NAME, "type")).select_by_value("ASSAULT")
        wait_for(lambda: "type=ASSAULT" in browser.current_url, "the filtered events")
        filtered = int(browser.find_element(By.ID, "count").text.split()[0])
        assert 0 < filtered < everything
        types = {td.text for td in browser.find_elements(By.CSS_SELECTOR, "#events-table td.type")}
        assert types == {"ASSAULT"}
        markers = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#map .leaflet-marker-icon"), "map markers")
        assert browser.find_element(By.ID, "map").get_attribute("data-markers") == str(len(markers))
        outlines = browser.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive, #map svg path")
        assert outlines, "the offline country outlines are drawn"

        # follow the first event to its evidence sentence in its article
        link = browser.find_element(By.CSS_SELECTOR, "#events-table a.evidence-link")
        href = link.get_attribute("href")
        link.click()
        wait_for(lambda: "/articles/" in browser.current_url, "the article page")
        anchor = href.split("#", 1)[1]
        target = browser.execute_script("var t = document.querySelector(':target'); return t ? t.id : null;")
        assert target == anchor
        sentence = browser.find_element(By.ID, anchor)
        assert sentence.get_attribute("class") == "sentence" and sentence.text.strip()

        # the map page over every event, for the README
        browser.get(base + "/map")
        wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#map .leaflet-marker-icon"), "map markers")
        time.sleep(0.5)  # let the fitted view finish its animation before the picture
        screenshot(browser, "map.png")
        assert csp_violations(browser) == [], "our own pages respect their Content-Security-Policy"


def test_no_script_from_a_report_runs(browser: Any, hostile_db: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    with serve(hostile_db) as base:
        browser.get(base + "/api/events?q=Crimson")
        events = json.loads(browser.find_element(By.TAG_NAME, "body").text)["events"]
        assert events
        article = events[0]["article_id"]
        for path in (
            f"/articles/{article}",
            "/events?q=Crimson",
            "/stories",
            '/events?actor="><script>alert(9)</script>',
        ):
            browser.get(base + path)
            wait_for(lambda: browser.execute_script("return document.readyState") == "complete", "a loaded page")
            time.sleep(0.3)
            with pytest.raises(NoAlertPresentException):
                browser.switch_to.alert.text  # noqa: B018  (reading it raises when no alert is open)
            inline = browser.execute_script("return document.querySelectorAll('script:not([src])').length")
            assert inline == 0, path
            assert not browser.find_elements(By.CSS_SELECTOR, "img[src='x'], svg[onload], b[onmouseover]"), path
        # and the attack is there to read, as text
        browser.get(base + f"/articles/{article}")
        assert browser.find_element(By.TAG_NAME, "h1").text == HOSTILE_TITLE
