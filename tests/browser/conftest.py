"""Real-browser fixtures: Debian's Chromium driven by Playwright, against the real `readaloud serve`.

The server is the command a user runs (a subprocess on 127.0.0.1 with a free port, a fresh audio
cache), the browser is /usr/bin/chromium (never a downloaded build). Screenshots go to
tests/browser/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HERE = Path(__file__).resolve().parent
JOURNEY_ARTICLE = HERE / "journey-article.html"
SCREENSHOTS = HERE / "screenshots"
SERVER_START_SECONDS = 60
SERVING_LINE = re.compile(r"serving \d+ articles at (http://\S+?)/? ")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make system-test-deps` installs Debian's chromium")
    return CHROMIUM


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Iterator[str]:
    """`readaloud serve` on a free port with the samples and the journey article; its base URL."""
    cache = tmp_path_factory.mktemp("audio-cache")
    yield from serving(["--cache-dir", str(cache), str(JOURNEY_ARTICLE), str(samples_dir)])


def serving(arguments: list[str]) -> Iterator[str]:
    """`readaloud serve ARGUMENTS` on a free port for as long as the generator runs; its base URL."""
    command = [sys.executable, "-m", "readaloud", "serve", "--port", "0", *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        yield _wait_for_url(process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for_url(process: subprocess.Popen[str]) -> str:
    import selectors

    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    if not selector.select(timeout=SERVER_START_SECONDS):
        raise RuntimeError("readaloud serve printed nothing in time")
    line = process.stdout.readline()
    match = SERVING_LINE.search(line)
    if not match:
        raise RuntimeError(f"readaloud serve did not start: {line}{process.stderr.read() if process.poll() is not None else ''}")
    return match.group(1)


@pytest.fixture(scope="session")
def browser(chromium_path: Path):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def page_at(browser, width: int, height: int, scheme: str = "light") -> Iterator:
    """A page in a fresh profile at this window size and colour scheme (CSP bypassed only so axe can be
    injected), closed afterwards: for tests run at several sizes and in both schemes."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, bypass_csp=True)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def context(browser):
    """A fresh profile per test (empty localStorage); CSP bypassed only so axe can be injected."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def axe_script() -> Path:
    axe = pytest.importorskip("axe_playwright_python", reason="pip install axe-playwright-python (the dev extra)")
    return Path(axe.__file__).parent / "axe.min.js"
