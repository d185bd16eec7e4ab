"""The chat page in a real browser: Debian's Chromium driven by Playwright against `streamlit run app.py`."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from core.settings import PROJECT_ROOT
from tests.servers import free_port, wait_until_up

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CORPUS = PROJECT_ROOT / "corpus" / "papers"
PAPERS = (
    "minutes/doncaster_cyp_scrutiny_panel_minutes_dcst_performance_q2_2018-19.txt",
    "minutes/kent_corporate_parenting_panel_minutes_2024-12-10.pdf",
)
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
SLOW = 300_000  # ms: the first start loads the model and ingests the papers on a shared machine

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser")
    corpus = root / "papers"
    corpus.mkdir()
    for rel in PAPERS:
        shutil.copy(CORPUS / rel, corpus / Path(rel).name)
    port = free_port()
    env = dict(os.environ, MINUTES_DATA_DIR=str(root / "data"), MINUTES_INDEX=str(root / "data" / "index"),
               MINUTES_CORPUS=str(corpus), MINUTES_CHROMA_HOST="", MINUTES_MEMBER_PASSWORD="")
    log = (root / "streamlit.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/_stcore/health", proc, "streamlit", timeout=120)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        yield context.new_page()
        browser.close()


def _ask(page: Page, question: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")


def _shot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=False)
    return path


def test_ask_check_citations_and_open_the_source(app_url: str, page: Page) -> None:
    page.goto(app_url)
    expect(page.get_by_text("Searching all 2 papers in the library.")).to_be_visible(timeout=SLOW)

    _ask(page, "What was the A1 re-referral rate in Quarter 2?")
    answer = page.locator(".ma-answer").first
    expect(answer).to_contain_text("Quarter 2 = 27%", timeout=SLOW)
    card = page.locator("#source-1-1")
    expect(card).to_contain_text("Performance Challenge of Doncaster Children’s Services Trust")
    expect(card.locator("mark")).to_contain_text("27%")
    answer.locator("a.ma-ref").first.click()
    expect(page).to_have_url(f"{app_url}/#source-1-1")

    _ask(page, "What did the panel say about foster carers?")
    card = page.locator("#source-2-1")
    expect(card).to_contain_text("Corporate Parenting Panel minutes, 10 December 2024", timeout=SLOW)
    expect(card.locator(".ma-meta")).to_contain_text("page 3")
    page.get_by_role("button", name="Open the original at page 3 [1]").click()
    image = page.get_by_test_id("stImage").locator("img")
    expect(image).to_be_visible(timeout=60_000)
    assert image.evaluate("img => img.naturalWidth") > 500
    expect(page.get_by_role("button", name="Download kent_corporate_parenting_panel_minutes_2024-12-10.pdf")).to_be_visible()
    image.scroll_into_view_if_needed()
    _shot(page, "source-page.png")
    page.get_by_role("button", name="Hide the original of [1]").click()
    expect(image).to_have_count(0, timeout=60_000)
    page.get_by_test_id("stChatMessage").nth(2).evaluate("el => el.scrollIntoView({block: 'start'})")
    assert _shot(page, "chat-with-citations.png").stat().st_size > 10_000

    page.set_viewport_size({"width": 820, "height": 1180})  # a tablet held upright
    expect(page.locator("#source-2-1")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 820, "nothing overflows sideways on a tablet"
    _shot(page, "tablet-chat.png")
    page.set_viewport_size({"width": 1366, "height": 900})


def test_library_lists_the_papers(app_url: str, page: Page) -> None:
    page.goto(app_url)
    expect(page.get_by_text("Searching all 2 papers in the library.")).to_be_visible(timeout=SLOW)
    page.get_by_test_id("stSidebar").get_by_text("Library", exact=True).click()
    expect(page.get_by_role("heading", name="Library")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("2 papers. Questions are answered from these papers only.")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    expect(page.get_by_test_id("stFileUploader")).to_be_visible()
    assert _shot(page, "library.png").stat().st_size > 10_000
