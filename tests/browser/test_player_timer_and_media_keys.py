"""The sleep timer and the media keys in a real browser.

The sleep timer's minutes pass on Playwright's fake page clock (the audio still plays in real time);
media keys reach a page only through the Media Session API, so the test calls the very handlers the
player registered with the browser, as Chromium does when a media key is pressed.
"""

from __future__ import annotations

from test_player_browser import (
    current_block,
    expect_status,
    open_journey_by_keyboard,
    open_more,
    tab_to,
    wait_until_playing,
)

# A media key's effect must show this fast: far sooner than the audio could get there by itself.
QUICK_MS = 1500

# Recorded before the player's script runs, then passed on to the browser's own implementation.
RECORD_MEDIA_HANDLERS = """
window.__mediaHandlers = {};
const original = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
navigator.mediaSession.setActionHandler = (action, handler) => {
  window.__mediaHandlers[action] = handler;
  original(action, handler);
};
"""


def is_playing(page) -> bool:
    return page.evaluate("() => [...document.querySelectorAll('audio.deck')].some((a) => !a.paused)")


def test_sleep_timer_pauses_when_its_time_is_up(page, server):
    page.clock.install()
    open_journey_by_keyboard(page, server)
    tab_to(page, "button.from-here[data-block='b4']")
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.1)
    open_more(page)  # the sleep timer is in the toolbar's More popup
    page.select_option("#sleep", "5")
    expect_status(page, "Sleep timer: pausing in 5 minutes")
    page.clock.run_for("04:50")
    assert is_playing(page), "the timer must not stop playback early"
    page.clock.run_for("00:15")
    expect_status(page, "Sleep timer ended: paused")
    assert not is_playing(page)
    assert page.input_value("#sleep") == "0", "the timer resets to off once it has fired"


def test_media_keys_play_pause_and_move(page, server):
    page.add_init_script(RECORD_MEDIA_HANDLERS)
    open_journey_by_keyboard(page, server)
    handlers = page.evaluate("() => Object.keys(window.__mediaHandlers).sort()")
    assert handlers == ["nexttrack", "pause", "play", "previoustrack", "seekbackward", "seekforward"]

    page.evaluate("() => window.__mediaHandlers.play()")
    wait_until_playing(page, beyond=0.1)
    tab_to(page, "button.from-here[data-block='b4']")  # a paragraph that takes far longer than QUICK_MS
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.1)
    paragraph = current_block(page)
    assert paragraph["id"] == "b4"

    page.evaluate("() => window.__mediaHandlers.seekforward()")
    page.wait_for_function("(s) => window.readaloudPlayer.sentenceId !== s", arg=paragraph["sentence"], timeout=QUICK_MS)
    page.evaluate("() => window.__mediaHandlers.seekbackward()")
    page.wait_for_function("(s) => window.readaloudPlayer.sentenceId === s", arg=paragraph["sentence"], timeout=QUICK_MS)
    page.evaluate("() => window.__mediaHandlers.nexttrack()")
    page.wait_for_function(f"() => window.readaloudPlayer.index === {paragraph['index'] + 1}", timeout=QUICK_MS)
    page.evaluate("() => window.__mediaHandlers.previoustrack()")
    page.wait_for_function(f"() => window.readaloudPlayer.index === {paragraph['index']}", timeout=QUICK_MS)

    page.evaluate("() => window.__mediaHandlers.pause()")
    page.wait_for_function("() => ![...document.querySelectorAll('audio.deck')].some((a) => !a.paused)")
    assert page.evaluate("() => navigator.mediaSession.playbackState") == "paused"


def test_a_pause_that_cuts_a_starting_play_short_stays_paused_and_quiet(page, server):
    """Pressing pause while the next paragraph's audio is still starting: no error, and it stays paused."""
    page.add_init_script(RECORD_MEDIA_HANDLERS)
    open_journey_by_keyboard(page, server)
    page.evaluate("() => window.__mediaHandlers.play()")
    wait_until_playing(page, beyond=0.1)
    for delay_ms in (0, 1, 3, 6, 10, 20, 40, 80):
        page.evaluate(
            "(d) => { window.__mediaHandlers.nexttrack(); setTimeout(() => window.__mediaHandlers.pause(), d); }",
            delay_ms,
        )
        page.wait_for_timeout(400)
        assert not is_playing(page), f"still playing after a pause {delay_ms} ms into a start"
        assert page.evaluate("() => navigator.mediaSession.playbackState") == "paused"
        assert "try again" not in page.inner_text("#status"), f"a pause {delay_ms} ms into a start read as a failure"
        page.evaluate("() => window.__mediaHandlers.play()")
        wait_until_playing(page, beyond=0.05)
