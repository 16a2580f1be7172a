"""Write the README's screenshots of the web player: the real `readaloud serve` in Debian's Chromium.

    .venv/bin/python docs/screenshots/take_screenshots.py

The server listens on 127.0.0.1 only, with a throwaway audio cache, and serves the browser tests'
journey article; the page is driven by keyboard as a listener would (Play, three paragraphs on, pause),
so the shots show the sentence highlight and the position where they stopped.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARTICLE = ROOT / "tests" / "browser" / "journey-article.html"
TITLE = "How the River Town Rebuilt Its Library"
CHROMIUM = "/usr/bin/chromium"
SERVING_LINE = re.compile(r"serving \d+ articles at (http://\S+?)/? ")
# name, viewport, colour scheme, with the More popup open
SHOTS = [
    ("player-1280.png", (1280, 800), "light", False),
    ("player-320.png", (320, 640), "light", False),
    ("player-1280-dark.png", (1280, 800), "dark", False),
    ("player-320-more.png", (320, 640), "light", True),
    ("player-1280-more-dark.png", (1280, 800), "dark", True),
]


def start_server(cache: Path) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "readaloud", "serve", "--host", "127.0.0.1", "--port", "0",
               "--cache-dir", str(cache), str(ARTICLE)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stdout is not None
    for line in process.stdout:  # the address is on the line that says it is serving
        match = SERVING_LINE.search(line)
        if match:
            return process, match.group(1)
    raise SystemExit(f"readaloud serve did not start: {process.stderr.read() if process.stderr else ''}")


def listen_a_little(page: Page, base: str) -> None:
    """Open the article, play it, go three paragraphs on and pause there."""
    page.goto(base + "/")
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_selector("#player:not([hidden])")
    page.focus("#play")
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.readaloudPlayer.playing", timeout=30_000)
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.wait_for_function("() => window.readaloudPlayer.index === 3 && window.readaloudPlayer.playing")
    page.wait_for_timeout(2500)
    page.keyboard.press("k")
    page.wait_for_timeout(600)  # the status region says "Paused" on the next frame


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="readaloud-shots-") as cache, sync_playwright() as playwright:
        server, base = start_server(Path(cache))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for name, (width, height), scheme, more in SHOTS:
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                page = context.new_page()
                listen_a_little(page, base)
                if more:
                    page.focus("#more")
                    page.keyboard.press("Enter")
                    page.wait_for_selector("#more-menu:not([hidden])")
                else:  # no tooltip over the times: focus leaves Play for the shot
                    page.evaluate("() => document.activeElement.blur()")
                page.screenshot(path=str(HERE / name))
                height = page.evaluate("() => document.getElementById('player').getBoundingClientRect().height")
                print(f"{name}: #player {height:.1f} px tall")
                context.close()
        finally:
            browser.close()
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
