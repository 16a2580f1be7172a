"""Download MP3 in a real browser: the first click shows the making's progress, part by part as the
writer reports it, and ends with the file downloaded (the page starts it; its link stays offered)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serving
from mutagen.mp3 import MP3
from test_player_browser import run_axe, tab_to

MAKING_MS = 180_000  # the whole long article synthesised by espeak on a slow machine
LONG_TITLE = "A long account of the harbour"
PARAGRAPHS = 120  # about 9,000 words: espeak takes several seconds, so the page's polls see the parts
BAR = "() => { const b = document.getElementById('download-bar'); return [b.value, b.max]; }"
# Every sentence the status region says, in order: watched in the page, never guessed.
RECORD_STATUS = """() => {
  window.__said = [document.getElementById('download-status').textContent];
  new MutationObserver(() => window.__said.push(document.getElementById('download-status').textContent))
    .observe(document.getElementById('download-status'), {childList: true, characterData: true, subtree: true});
}"""


def long_article() -> str:
    sentence = "The boats came back at dusk, heavy with fish, and the town went down to the quay to meet them. "
    body = "".join(f"<p>Paragraph {n}. {sentence * 4}</p>" for n in range(1, PARAGRAPHS + 1))
    return (f'<!doctype html><html lang="en"><head><title>{LONG_TITLE}</title></head><body><article>'
            f"<h1>{LONG_TITLE}</h1>{body}</article></body></html>")


@pytest.fixture(scope="module")
def long_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Its own `readaloud serve` with one long article, whose MP3 nobody has made."""
    folder = tmp_path_factory.mktemp("long-article")
    (folder / "harbour.html").write_text(long_article(), encoding="utf-8")
    yield from serving(["--cache-dir", str(folder / "cache"), str(folder / "harbour.html")])


def open_long_article(page, server: str) -> None:
    page.goto(server + "/")
    with page.expect_navigation():
        page.get_by_role("link", name=LONG_TITLE, exact=True).click()
    page.wait_for_selector("#player:not([hidden])")


def test_download_mp3_shows_progress_and_ends_with_the_file(page, long_server, axe_script, tmp_path: Path):
    open_long_article(page, long_server)
    tab_to(page, "#download-mp3")
    with page.expect_download(timeout=MAKING_MS) as download_info:
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith("/download.mp3"), "a file not yet made: its progress page"
        status = page.get_by_role("status")
        assert status.count() == 1 and status.get_attribute("aria-live") == "polite"
        assert status.inner_text().startswith(("Making the MP3", "Waiting to start making the MP3"))
        page.evaluate(RECORD_STATUS)
        assert page.is_visible("progress#download-bar")
        assert run_axe(page, axe_script) == []
        page.wait_for_function(f"({BAR})()[1] == {PARAGRAPHS + 1}", timeout=MAKING_MS)  # the writer's parts
        value, parts = page.evaluate(BAR)
        assert 0 <= value <= parts, (value, parts)
        page.wait_for_selector("#download-file", state="visible", timeout=MAKING_MS)
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename == f"{LONG_TITLE}.mp3"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert MP3(saved).info.length > 600, "the whole article"
    said = page.evaluate("() => window.__said")
    counted = [line for line in said if line.startswith("Making the MP3: part ")]
    assert counted and all(line.endswith(f" of {PARAGRAPHS + 1}.") for line in counted), said
    assert said[-1].startswith("Ready: the MP3 is made"), said
    assert page.url.endswith("/download.mp3"), "the download left the page where it was"
    assert page.inner_text("#download-status").startswith("Ready: the MP3 is made")
    assert page.evaluate(BAR)[0] == page.evaluate(BAR)[1]
    assert run_axe(page, axe_script) == []

    open_long_article(page, long_server)  # made once: now the link hands the file over at once
    tab_to(page, "#download-mp3")
    with page.expect_download(timeout=10_000) as again:
        page.keyboard.press("Enter")
    assert again.value.suggested_filename == f"{LONG_TITLE}.mp3"
    assert page.is_visible("#player"), "the player page stays"
