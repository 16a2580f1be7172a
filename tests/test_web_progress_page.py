"""The progress page of an article prepared in the background, in Debian's Chromium against the app
under waitress on 127.0.0.1: it follows the job by itself, says each state once in its polite status
region, and never moves the reader's focus. The upload is a real form post from the browser (it was
refused as Origin: null while the player sent Referrer-Policy: no-referrer).

The browser runs in a child Python (the browser tests' session-wide Playwright may hold this
process's event loop); it says WAITING when it has checked the waiting state, and the test then
frees the preparation slot it was holding."""

from __future__ import annotations

import subprocess
import sys
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
BROWSER_SCRIPT = """
import sys
from playwright.sync_api import sync_playwright
base, story, chromium = sys.argv[1:4]
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "/")
    page.set_input_files("#upload-file", story)
    page.focus("form.add-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    status = page.locator("#progress-status")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert status.inner_text().startswith("Waiting for a free place"), status.inner_text()
    assert page.locator("#progress-ready").is_hidden()
    page.focus("a[href='/']")  # the reader has moved on to the way back
    print("WAITING", flush=True)
    sys.stdin.readline()  # the test frees the slot
    page.locator("#progress-ready a").wait_for(state="visible", timeout=60_000)
    assert status.inner_text().startswith("Ready"), status.inner_text()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/", "focus stays where the reader put it"
    assert page.locator("[role=status]").count() == 1
    page.click("#progress-ready a")
    assert "brass band" in page.locator("#article").inner_text()
    assert not errors, errors
    browser.close()
print("DONE", flush=True)
"""


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
    pytest.importorskip("playwright.sync_api")
    app, base = served_app
    gate = app.extensions["readaloud"].preparations
    story = tmp_path / "ferry.html"
    story.write_bytes(STORY)
    assert gate.acquire()  # the one preparation slot is busy: the upload waits its turn
    released = False
    browser = subprocess.Popen([sys.executable, "-c", BROWSER_SCRIPT, base, str(story), str(CHROMIUM)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = browser.stdout.readline()
        gate.release()
        released = True
        if first.strip() == "WAITING":
            browser.stdin.write("go\n")
            browser.stdin.flush()
        output, errors = browser.communicate(timeout=180)
        assert first.strip() == "WAITING" and output.strip() == "DONE", first + output + errors
    finally:
        if not released:
            gate.release()
        if browser.poll() is None:
            browser.kill()
            browser.wait()
