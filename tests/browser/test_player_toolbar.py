"""The player's toolbar in a real browser: one compact row with the less used controls in a More popup,
the Position slider with elapsed and remaining time, speed in 0.05 steps from 0.5x to 4x, and the
"previous track" media key going back in the listen queue. Sizes are measured in the page."""

from __future__ import annotations

import re

import pytest
from conftest import page_at
from test_player_browser import (
    ACTIVE,
    JOURNEY_TITLE,
    current_block,
    expect_status,
    open_journey_by_keyboard,
    open_more,
    run_axe,
    tab_to,
    wait_until_playing,
)
from test_player_queue import add_to_queue_by_keyboard
from test_player_timer_and_media_keys import RECORD_MEDIA_HANDLERS

MAX_TOOLBAR_PX_WIDE = 72  # issue 12: one row at 1280 px, at most 72 px tall
MAX_TOOLBAR_SHARE_NARROW = 0.20  # issue 12: at 320 px at most 20 % of the screen's height
# A small phone; the smallest still common (iPhone SE 1st gen.); the smallest phones made (320 x 480,
# the iPhone 3G-4S's CSS screen; also what a 1280 x 1920 window at 400 % zoom leaves).
NARROW_SCREENS = [(320, 640), (320, 568), (320, 480)]
MIN_TARGET_PX = 24  # WCAG 2.2 SC 2.5.8 Target Size (Minimum)

PLAYER_HEIGHT = "() => document.getElementById('player').getBoundingClientRect().height"
ARTICLE_TOP = "() => document.getElementById('article').getBoundingClientRect().top"
SLIDER = "#position"
DECK_RATES = "() => [...document.querySelectorAll('audio.deck')].map((a) => a.playbackRate)"


def clock_seconds(text: str) -> int:
    """'1:05' or '-1:05' (with a minus sign) or '1:02:03' -> seconds."""
    parts = [int(part) for part in text.strip().lstrip("−-").split(":")]
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds


def times(page) -> tuple[int, int]:
    return (clock_seconds(page.inner_text("#elapsed .value")), clock_seconds(page.inner_text("#remaining .value")))


def test_one_row_at_1280_and_a_fifth_of_the_screen_at_320(page, server):
    open_journey_by_keyboard(page, server)
    height = page.evaluate(PLAYER_HEIGHT)
    print(f"#player height at 1280x900: {height:.1f} px")
    assert height <= MAX_TOOLBAR_PX_WIDE
    tops = page.evaluate(
        """() => [...document.querySelectorAll('#player .toolbar > *')]
                 .filter((e) => e.offsetParent !== null && getComputedStyle(e).position !== 'absolute')
                 .map((e) => Math.round(e.getBoundingClientRect().top))"""
    )
    assert max(tops) - min(tops) < 24, f"the toolbar's parts are not in one row: {tops}"
    for width, screen_height in NARROW_SCREENS:
        page.set_viewport_size({"width": width, "height": screen_height})
        page.wait_for_function(f"({PLAYER_HEIGHT})() <= {MAX_TOOLBAR_SHARE_NARROW * screen_height}", timeout=2000)
        measured = page.evaluate(PLAYER_HEIGHT)
        print(f"#player height at {width}x{screen_height}: {measured:.1f} px ({100 * measured / screen_height:.1f} %)")
        assert measured <= MAX_TOOLBAR_SHARE_NARROW * screen_height
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width, "no sideways scrolling"
        targets = page.evaluate(
            """() => [...document.querySelectorAll('#player .toolbar > .ctl, #player .step-group .ctl, #position')]
                     .filter((e) => e.offsetParent !== null)
                     .map((e) => [e.id, e.getBoundingClientRect().width, e.getBoundingClientRect().height])"""
        )
        assert len(targets) >= 7
        small = [target for target in targets if min(target[1:]) < MIN_TARGET_PX]
        assert not small, f"targets under {MIN_TARGET_PX} px at {width}x{screen_height}: {small}"


def test_one_row_down_to_tablets_and_in_short_landscape_windows(page, server):
    """Between the phone and the laptop layouts the toolbar stays one row, and nothing scrolls sideways."""
    open_journey_by_keyboard(page, server)
    for width, height in [(1024, 768), (900, 700), (768, 1024), (641, 800), (800, 400)]:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(100)
        measured = page.evaluate(PLAYER_HEIGHT)
        print(f"#player height at {width}x{height}: {measured:.1f} px")
        assert measured <= MAX_TOOLBAR_PX_WIDE, (width, height, measured)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        times_box = page.locator("#remaining").bounding_box()
        speed_box = page.locator(".speed").bounding_box()
        assert times_box["x"] + times_box["width"] <= speed_box["x"], "the remaining time runs into the speed"


@pytest.mark.parametrize("width", [1280, 320])
def test_every_icon_button_has_a_name_and_a_tooltip_or_label(page, server, width):
    page.set_viewport_size({"width": width, "height": 800})
    open_journey_by_keyboard(page, server)
    buttons = page.evaluate(
        "() => [...document.querySelectorAll('#player .toolbar > button, #player .toolbar > [role=group] > button')]"
        ".filter((b) => b.offsetParent !== null).map((b) => b.id)"
    )
    assert {"play", "prev-sentence", "next-sentence", "prev-block", "next-block", "more"} <= set(buttons)
    for button in buttons:
        tab_to(page, f"#{button}")
        name = page.locator(f"#{button}").evaluate("(b) => b.querySelector('.label').textContent")
        assert page.get_by_role("button", name=name, exact=True).count() == 1, f"#{button} has no name of its own"
        label = page.locator(f"#{button} .label").bounding_box()
        assert label and label["width"] > 20 and label["height"] > 10, f"#{button}: no visible label or tooltip"
        assert 0 <= label["x"] and label["x"] + label["width"] <= width, f"#{button}: its tooltip is off screen"


def test_more_opens_over_the_article_and_closes_by_keyboard(page, server):
    open_journey_by_keyboard(page, server)
    article_top = page.evaluate(ARTICLE_TOP)
    toolbar = page.evaluate(PLAYER_HEIGHT)
    tab_to(page, "#more")
    assert page.get_attribute("#more", "aria-expanded") == "false"
    assert not page.is_visible("#more-menu")
    page.keyboard.press("Enter")
    assert page.get_attribute("#more", "aria-expanded") == "true"
    assert page.is_visible("#more-menu") and page.is_visible("#voice") and page.is_visible("#sleep")
    assert page.evaluate(ARTICLE_TOP) == article_top, "the popup covers the article, it does not push it down"
    assert page.evaluate(PLAYER_HEIGHT) == toolbar
    assert page.evaluate(ACTIVE) == "more", "opening it leaves focus on the button (disclosure pattern)"

    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('more-menu').contains(document.activeElement)")
    tab_to(page, "#highlight")
    page.keyboard.press("Enter")  # a switch in the popup: pressing it keeps the popup open
    assert page.get_attribute("#highlight", "aria-pressed") == "false"
    assert page.is_visible("#more-menu")
    page.keyboard.press("Escape")
    assert not page.is_visible("#more-menu")
    assert page.get_attribute("#more", "aria-expanded") == "false"
    assert page.evaluate(ACTIVE) == "more", "Escape returns focus to More"

    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # More again closes it
    assert not page.is_visible("#more-menu")
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")  # focus leaves the popup and its button: it closes
    assert not page.is_visible("#more-menu")


@pytest.mark.parametrize("width,height", [(1280, 900), (320, 640)])
def test_focusing_the_toolbar_leaves_the_page_where_it_is(page, server, width, height):
    """The toolbar is sticky: Tab into it, or More opened, must not scroll the article back to its top."""
    page.set_viewport_size({"width": width, "height": height})
    open_journey_by_keyboard(page, server)
    page.evaluate("() => { document.documentElement.style.scrollBehavior = 'auto'; window.scrollTo(0, 1200); }")
    page.focus("button.from-here[data-block='b8']")  # in the article, in view
    scrolled = page.evaluate("() => window.scrollY")
    assert scrolled > 300
    page.keyboard.press("Alt+Shift+O")  # the page-wide key to the player's controls
    assert page.evaluate(ACTIVE) == "play"
    tab_to(page, "#more")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.scrollY") == scrolled


def test_position_slider_seeks_by_paragraph(page, server):
    open_journey_by_keyboard(page, server)
    count = page.evaluate("() => window.readaloudPlayer.blocks.length")
    slider = page.get_by_role("slider", name="Position")
    assert slider.count() == 1
    assert (slider.get_attribute("aria-valuemin"), slider.get_attribute("aria-valuemax")) == ("1", str(count))
    assert slider.get_attribute("aria-valuenow") == "1"
    assert re.fullmatch(rf"minute 1 of \d+, paragraph 1 of {count}", slider.get_attribute("aria-valuetext"))

    tab_to(page, SLIDER)
    highlighted = "() => [...document.querySelectorAll('#article .block.current')].map((e) => e.id)"
    first = current_block(page)["id"]
    page.keyboard.press("ArrowRight")
    assert current_block(page)["index"] == 1
    assert page.evaluate(highlighted) == [current_block(page)["id"]] != [first], "the highlighted block moves on"
    assert slider.get_attribute("aria-valuenow") == "2"
    assert re.fullmatch(rf"minute \d+ of \d+, paragraph 2 of {count}", slider.get_attribute("aria-valuetext"))
    assert current_block(page)["sentence"] == page.evaluate("() => window.readaloudPlayer.blocks[1].sentences[0]")
    page.keyboard.press("End")
    assert current_block(page)["index"] == count - 1
    assert slider.get_attribute("aria-valuenow") == str(count)
    page.keyboard.press("ArrowLeft")
    assert current_block(page)["index"] == count - 2
    page.keyboard.press("Home")
    assert current_block(page)["index"] == 0
    assert page.evaluate(ACTIVE) == "position", "seeking leaves focus on the slider"

    box = slider.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2)  # by pointer: the middle
    middle = current_block(page)["index"]
    assert 0 < middle < count - 1
    assert slider.get_attribute("aria-valuenow") == str(middle + 1)


def test_elapsed_and_remaining_follow_the_audio_at_the_speed(page, server):
    open_journey_by_keyboard(page, server)
    elapsed, remaining = times(page)
    assert elapsed == 0 and remaining > 60, "the journey article lasts minutes"
    tab_to(page, "#play")
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.2)
    before = page.inner_text("#elapsed .value"), page.inner_text("#remaining .value")
    page.wait_for_timeout(2500)
    after = page.inner_text("#elapsed .value"), page.inner_text("#remaining .value")
    assert after[0] != before[0] and after[1] != before[1], f"the times stood still while playing: {before} {after}"
    assert clock_seconds(after[0]) > clock_seconds(before[0])
    page.keyboard.press("k")
    page.wait_for_function("() => !window.readaloudPlayer.playing")
    page.wait_for_timeout(300)
    elapsed, remaining = times(page)
    for _ in range(4):
        page.keyboard.press("]")  # 2 times: the same audio takes half the time
    expect_status(page, "Speed 2 times")
    fast_elapsed, fast_remaining = times(page)
    assert abs(fast_remaining - remaining / 2) <= 1.5, (remaining, fast_remaining)
    assert abs(fast_elapsed - elapsed / 2) <= 1.5, (elapsed, fast_elapsed)


def test_measured_durations_replace_the_estimate(page, server):
    open_journey_by_keyboard(page, server)
    tab_to(page, "#play")
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.2)
    made = page.evaluate("() => window.readaloudPlayer.current.timings.duration_ms")
    total = page.evaluate("() => window.readaloudPlayer.position.timeline.duration(0)")
    assert total == made, "a block's real duration is used once its audio is made"


def test_speed_goes_from_half_to_four_times_in_steps_of_five_hundredths(page, server):
    open_journey_by_keyboard(page, server)
    tab_to(page, "#play")
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.1)
    open_more(page)
    tab_to(page, "#speed")
    seen = []
    for _ in range(80):
        page.keyboard.press("ArrowRight")
        speed = page.evaluate("() => window.readaloudPlayer.speed")
        if seen and speed == seen[-1]:
            break
        seen.append(speed)
        assert page.evaluate(DECK_RATES) == [speed, speed], "both decks follow the speed"
    assert seen == [round(1 + 0.05 * step, 2) for step in range(1, 61)], seen
    assert page.inner_text("#speed-value") == "4×"
    assert page.get_attribute("#speed", "aria-valuetext") == "4 times"
    down = []
    for _ in range(90):
        page.keyboard.press("ArrowLeft")
        speed = page.evaluate("() => window.readaloudPlayer.speed")
        if down and speed == down[-1]:
            break
        down.append(speed)
    assert down == [round(4 - 0.05 * step, 2) for step in range(1, 71)], down
    playing_rate = page.evaluate("() => [...document.querySelectorAll('audio.deck')].find((a) => !a.paused).playbackRate")
    assert playing_rate == 0.5
    page.keyboard.press("Escape")
    page.keyboard.press("[")
    expect_status(page, r"Slowest speed, 0\.5 times")
    page.keyboard.press("]")
    expect_status(page, r"Speed 0\.75 times")
    page.reload()
    page.wait_for_selector("#player:not([hidden])")
    assert page.evaluate("() => window.readaloudPlayer.speed") == 0.75, "the speed is remembered"
    assert page.input_value("#speed") == "0.75"


@pytest.mark.parametrize("width,height", [(1280, 900), (320, 640)])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_clean_with_more_open(browser, server, axe_script, width, height, scheme):
    with page_at(browser, width, height, scheme) as page:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        open_journey_by_keyboard(page, server)
        assert run_axe(page, axe_script) == []
        open_more(page)
        tab_to(page, "#speed")
        assert run_axe(page, axe_script) == []
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        assert not errors


def test_previous_track_at_the_start_goes_back_in_the_queue(page, server):
    page.add_init_script(RECORD_MEDIA_HANDLERS)
    page.goto(server + "/")
    titles = page.eval_on_selector_all("table.articles th[scope=row] a", "links => links.map(a => a.textContent)")
    second = next(title for title in titles if title != JOURNEY_TITLE)
    add_to_queue_by_keyboard(page, JOURNEY_TITLE)
    add_to_queue_by_keyboard(page, second)
    page.goto(server + "/queue")
    page.locator(".queue-list li > a", has_text=JOURNEY_TITLE).click()
    page.wait_for_selector("#player:not([hidden])")
    for _ in range(3):  # leave the journey article further in: going back must still start at its top
        page.evaluate("() => window.__mediaHandlers.nexttrack()")
    page.wait_for_function("() => window.readaloudPlayer.index === 3")
    page.goto(server + "/queue")
    page.locator(".queue-list li > a", has_text=second).click()
    page.wait_for_selector("#player:not([hidden])")
    assert page.get_attribute("#player", "data-previous-title") == JOURNEY_TITLE

    page.evaluate("() => window.__mediaHandlers.nexttrack()")  # not at the start: previous is the paragraph before
    page.wait_for_function("() => window.readaloudPlayer.index === 1")
    page.evaluate("() => window.__mediaHandlers.previoustrack()")
    page.wait_for_function("() => window.readaloudPlayer.index === 0")
    assert page.get_attribute("#player", "data-title") == second

    page.evaluate("() => window.__mediaHandlers.play()")
    wait_until_playing(page, beyond=0.1)
    with page.expect_navigation():
        page.evaluate("() => window.__mediaHandlers.previoustrack()")
    page.wait_for_selector("#player:not([hidden])")
    assert page.get_attribute("#player", "data-title") == JOURNEY_TITLE
    assert page.get_attribute("#player", "data-previous-url") is None, "the queue's first has no previous"
    wait_until_playing(page, beyond=0.05)
    assert current_block(page)["index"] == 0, "the previous article plays from its start"
    assert "start=" not in page.url and "continue=" not in page.url
    expect_status(page, f"From your queue: {JOURNEY_TITLE}")
