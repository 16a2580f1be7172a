"""The place a reader stopped at is kept by the library too: a browser whose storage was cleared
(or a private window that ended) still continues from there, as long as it is the same reader."""

from __future__ import annotations

from test_player_browser import current_block, expect_status, open_journey_by_keyboard, tab_to, wait_until_playing


def test_a_cleared_browser_continues_from_the_place_the_library_kept(page, server):
    open_journey_by_keyboard(page, server)
    tab_to(page, "button.from-here[data-block='b4']")
    with page.expect_request(lambda r: r.url.endswith("/position") and r.method == "POST"):
        page.keyboard.press("Enter")
        wait_until_playing(page, beyond=0.1)
        page.click("#play")  # Pause: the place is sent at once
    stopped_at = current_block(page)
    assert stopped_at["id"] == "b4"
    page.evaluate("() => window.localStorage.clear()")
    page.reload()
    page.wait_for_selector("#player:not([hidden])")
    expect_status(page, r"Continuing from paragraph \d+ of \d+\. Press Play to listen\.")
    assert current_block(page)["sentence"] == stopped_at["sentence"]
