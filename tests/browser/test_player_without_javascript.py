"""With JavaScript off the player page is a clean article: no dead controls, and a note that says why."""

from __future__ import annotations

from test_player_browser import JOURNEY_TITLE


def open_journey(page, server: str) -> None:
    page.goto(server + "/")
    page.get_by_role("link", name=JOURNEY_TITLE).click()
    page.wait_for_selector("#article")


def test_without_javascript_the_article_reads_with_no_dead_controls(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    try:
        page = context.new_page()
        open_journey(page, server)
        assert not page.is_visible("#player"), "the player's controls need its script"
        buttons = page.locator("button.from-here")
        assert buttons.count() > 3
        assert all(not buttons.nth(i).is_visible() for i in range(buttons.count())), "a 'play from here' would do nothing"
        note = page.locator(".no-script-note")
        assert note.is_visible() and "Listening needs JavaScript" in note.inner_text()
        assert page.locator("#article h1").inner_text() == JOURNEY_TITLE
        assert len(page.locator("#article p").all()) > 3
    finally:
        context.close()


def test_with_javascript_the_buttons_are_there_and_the_note_is_not(page, server):
    open_journey(page, server)
    page.wait_for_selector("#player:not([hidden])")
    assert page.locator("button.from-here").first.is_visible()
    assert not page.locator(".no-script-note").is_visible()
