"""The progress page of an article prepared in the background, in Debian's Chromium against the app
under waitress on 127.0.0.1: it follows the job by itself, says each state once in its polite status
region, and never moves the reader's focus. The upload is a real form post from the browser (it was
refused as Origin: null while the player sent Referrer-Policy: no-referrer)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from readaloud.web import create_app

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
STORY = (
    b"<html lang='en'><head><title>Ferry news</title></head><body><article><h1>The ferry returns</h1>"
    + b"<p>The ferry crossed the bay again this spring, carrying cyclists, families and a brass band.</p>" * 8
    + b"</article></body></html>"
)


@pytest.fixture
def served_app(tmp_path: Path):
    from waitress.server import create_server

    app = create_app({"READALOUD_PATHS": [], "READALOUD_CACHE_DIR": str(tmp_path / "cache"),
                      "READALOUD_DATA_DIR": str(tmp_path / "data"), "READALOUD_PREPARATION_INLINE_SECONDS": 0,
                      "READALOUD_MAX_PREPARATIONS": 1})
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()


def test_the_progress_page_follows_the_preparation_and_keeps_focus(served_app, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make system-test-deps` installs Debian's chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    app, base = served_app
    gate = app.extensions["readaloud"].preparations
    assert gate.acquire()  # the one preparation slot is busy: the upload waits its turn
    story = tmp_path / "ferry.html"
    story.write_bytes(STORY)
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(base + "/")
            page.set_input_files("#upload-file", str(story))
            page.focus("form.add-form button[type=submit]")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            status = page.locator("#progress-status")
            assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
            assert status.inner_text().startswith("Waiting for a free place")
            assert page.locator("#progress-ready").is_hidden()
            page.focus("a[href='/']")  # the reader has moved on to the way back
            gate.release()
            page.locator("#progress-ready a").wait_for(state="visible", timeout=60_000)
            assert status.inner_text().startswith("Ready")
            assert page.evaluate("document.activeElement.getAttribute('href')") == "/", "focus stays where the reader put it"
            assert page.locator("[role=status]").count() == 1
            page.click("#progress-ready a")
            assert "brass band" in page.locator("#article").inner_text()
            assert not errors, errors
        finally:
            browser.close()
