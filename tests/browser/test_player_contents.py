"""The Contents dialog: the article's start and its headings, each a link that moves the player there."""

from __future__ import annotations

import pytest
from conftest import page_at
from test_player_browser import (
    JOURNEY_TITLE,
    current_block,
    open_journey_by_keyboard,
    open_more,
    run_axe,
    tab_to,
    wait_until_playing,
)
from test_player_queue import add_to_queue_by_keyboard


def open_contents_by_keyboard(page) -> None:
    open_more(page)  # Contents is in the toolbar's More popup
    tab_to(page, "#contents-open")
    page.keyboard.press("Enter")
    page.wait_for_selector("#contents[open]")


def test_contents_lists_the_headings_and_moves_there_by_keyboard(page, server):
    open_journey_by_keyboard(page, server)
    headings = page.eval_on_selector_all("#article [data-kind='heading']", "els => els.map(e => e.id)")
    open_contents_by_keyboard(page)
    links = page.locator("#contents-list a")
    assert links.count() == 1 + len([h for h in headings if h != page.evaluate("() => window.readaloudPlayer.blocks[0].id")])
    assert links.first.inner_text() == "Start of the article"
    assert page.evaluate("() => document.activeElement.closest('#contents-list') !== null"), "focus starts in the list"
    assert "Play from here" not in page.locator("#contents-list").inner_text()

    target = links.nth(2)
    target_index = int(target.get_attribute("data-index"))
    target.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.getElementById('contents').open")
    assert current_block(page)["index"] == target_index
    assert page.evaluate("() => document.activeElement.closest('[data-speak]')?.id") == current_block(page)["id"]


def test_escape_closes_contents_and_focus_returns_to_its_button(page, server):
    open_journey_by_keyboard(page, server)
    open_contents_by_keyboard(page)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('contents').open")
    assert page.evaluate("() => document.activeElement.id") == "contents-open"


def test_while_playing_a_heading_from_contents_plays_from_there(page, server):
    open_journey_by_keyboard(page, server)
    page.click("#play")
    wait_until_playing(page, beyond=0.1)
    open_contents_by_keyboard(page)
    last = page.locator("#contents-list a").last
    index = int(last.get_attribute("data-index"))
    last.click()
    page.wait_for_function(f"() => window.readaloudPlayer.index === {index} && window.readaloudPlayer.playing")
    block = current_block(page)
    assert block["kind"] == "heading" and block["playing"]


def test_contents_open_is_axe_clean(page, server, axe_script):
    open_journey_by_keyboard(page, server)
    open_contents_by_keyboard(page)
    violations = run_axe(page, axe_script)
    assert violations == [], [v["id"] for v in violations]


@pytest.mark.parametrize("width,height", [(1280, 900), (320, 640)])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_contents_and_the_queue_are_axe_clean_at_both_sizes_in_both_schemes(browser, server, axe_script, width, height, scheme):
    with page_at(browser, width, height, scheme) as page:
        open_journey_by_keyboard(page, server)
        open_contents_by_keyboard(page)
        assert run_axe(page, axe_script) == [], "Contents open"
        page.goto(server + "/")
        add_to_queue_by_keyboard(page, JOURNEY_TITLE)
        page.goto(server + "/queue")
        assert page.locator(".queue-list li > a", has_text=JOURNEY_TITLE).count() == 1
        assert run_axe(page, axe_script) == [], "the queue"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        with page.expect_navigation():  # leave the queue as the other tests expect it
            page.locator(".queue-list li", has_text=JOURNEY_TITLE).locator("button", has_text="Remove").click()
