"""The listen queue in a real browser: added from the library by keyboard, and at the end of one
article the player goes on to the next, playing, and says so."""

from __future__ import annotations

from test_player_browser import JOURNEY_TITLE, expect_status, run_axe, tab_to, wait_until_playing


def add_to_queue_by_keyboard(page, title: str) -> None:
    href = page.locator("table.articles th[scope=row] a", has_text=title).first.get_attribute("href")
    article = href.rstrip("/").rsplit("/", 1)[-1]
    tab_to(page, f"button[form='queue-add'][value='{article}']")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_the_end_of_an_article_goes_on_to_the_next_in_the_queue(page, server, axe_script):
    page.goto(server + "/")
    titles = page.eval_on_selector_all("table.articles th[scope=row] a", "links => links.map(a => a.textContent)")
    second = next(title for title in titles if title != JOURNEY_TITLE)
    add_to_queue_by_keyboard(page, JOURNEY_TITLE)
    add_to_queue_by_keyboard(page, second)
    page.goto(server + "/queue")
    assert page.locator(".queue-list li > a").all_inner_texts() == [JOURNEY_TITLE, second]
    assert run_axe(page, axe_script) == []

    page.locator(".queue-list li > a").first.click()
    page.wait_for_selector("#player:not([hidden])")
    assert page.get_attribute("#player", "data-next-title") == second
    last = page.evaluate("() => window.readaloudPlayer.blocks.at(-1).id")
    tab_to(page, f"button.from-here[data-block='{last}']")
    with page.expect_navigation(timeout=60_000):
        page.keyboard.press("Enter")  # play the last paragraph; at its end the queue moves on
    page.wait_for_selector("#player:not([hidden])")
    wait_until_playing(page, beyond=0.05)
    assert page.get_attribute("#player", "data-title") == second
    assert "continue=" not in page.url, "the address is the article's own again"
    expect_status(page, f"From your queue: {second}")
    page.goto(server + "/")
    assert run_axe(page, axe_script) == [], "the library with its queue column"
    assert "(heard)" in page.locator(f"th:has-text('{JOURNEY_TITLE}')").inner_text()
