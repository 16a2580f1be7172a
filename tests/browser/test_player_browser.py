"""The player in a real browser, used the way its listeners use it: keyboard only, with the audio
really playing (its clock observed, never faked), focus watched, axe-core run on every page state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

MAX_GAP_MS = 150  # silence between one block's end and the next block's start, measured in the page
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
JOURNEY_TITLE = "How the River Town Rebuilt Its Library"

PLAYING_TIME = """() => {
  const deck = [...document.querySelectorAll('audio.deck')].find((a) => !a.paused);
  return deck ? deck.currentTime : -1;
}"""
CURRENT_SENTENCE = """() => {
  const marked = document.querySelectorAll('[aria-current="true"]');
  return marked.length === 1 ? marked[0].id : (marked.length ? 'MANY' : '');
}"""
ACTIVE = "() => { const a = document.activeElement; return a ? (a.id || a.className || a.tagName) : ''; }"


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches ``selector``: the keyboard is the only way in."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def open_journey_by_keyboard(page, server: str) -> None:
    page.goto(server + "/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == JOURNEY_TITLE:
            break
    else:
        raise AssertionError("Tab never reached the journey article's link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("#player:not([hidden])")


def open_more(page) -> None:
    """Open the toolbar's More popup by keyboard (Tab to More, Enter), where the less used controls are."""
    if page.get_attribute("#more", "aria-expanded") != "true":
        tab_to(page, "#more")
        page.keyboard.press("Enter")
    page.wait_for_selector("#more-menu:not([hidden])")


def wait_until_playing(page, beyond: float = 0.3, timeout: float = 15_000) -> None:
    page.wait_for_function(f"({PLAYING_TIME})() > {beyond}", timeout=timeout)


def status(page) -> str:
    return page.inner_text("#status")


def expect_status(page, pattern: str) -> str:
    """Wait for the status region to say ``pattern`` (a regex): it is set on the next animation frame."""
    page.wait_for_function("(p) => new RegExp('^' + p + '$').test(document.getElementById('status').textContent)", arg=pattern)
    return status(page)


def current_block(page) -> dict:
    return page.evaluate(
        """() => { const p = window.readaloudPlayer; const b = p.blocks[p.index];
                   return {index: p.index, id: b.id, kind: b.kind, sentence: p.sentenceId, playing: p.playing}; }"""
    )


def test_keyboard_only_journey_with_resume(page, server):
    open_journey_by_keyboard(page, server)
    assert page.title().startswith(JOURNEY_TITLE)
    assert page.evaluate(PLAYING_TIME) == -1, "nothing may play before the listener asks"
    tab_to(page, "#play")
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.5)
    first = current_block(page)
    assert first["playing"] and first["id"] == "title"
    assert page.evaluate(ACTIVE) == "play", "focus stays on the control the listener used"

    page.keyboard.press("ArrowDown")  # next paragraph
    page.wait_for_function("() => window.readaloudPlayer.index === 1 && window.readaloudPlayer.playing")
    expect_status(page, r"Paragraph 2 of \d+")
    page.keyboard.press("h")  # next heading
    page.wait_for_function("() => window.readaloudPlayer.blocks[window.readaloudPlayer.index].kind === 'heading'")
    heading = current_block(page)
    assert heading["id"] == "b5"
    expect_status(page, r"Heading 2 of \d+")
    wait_until_playing(page, beyond=0.2)

    page.keyboard.press("]")  # faster
    assert page.evaluate(
        "() => [...document.querySelectorAll('audio.deck')].every((a) => a.playbackRate === 1.25 && a.preservesPitch)"
    )
    expect_status(page, r"Speed 1\.25 times")
    page.wait_for_timeout(1500)
    page.keyboard.press("k")  # pause
    page.wait_for_function("() => !window.readaloudPlayer.playing")
    assert page.evaluate(PLAYING_TIME) == -1
    expect_status(page, "Paused")
    paused_at = current_block(page)
    assert page.evaluate(CURRENT_SENTENCE) == paused_at["sentence"]

    page.reload()
    page.wait_for_selector("#player:not([hidden])")
    assert page.evaluate(CURRENT_SENTENCE) == paused_at["sentence"], "reopening shows where the listener was"
    expect_status(page, r"Continuing from paragraph \d+ of \d+\. Press Play to listen\.")
    tab_to(page, "#play")
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.readaloudPlayer.playing")
    resumed = current_block(page)
    assert (resumed["id"], resumed["sentence"]) == (paused_at["id"], paused_at["sentence"])
    starts_at = page.evaluate(
        """(id) => window.readaloudPlayer.current.timings.sentences.find((s) => s.id === id).start_ms / 1000""",
        paused_at["sentence"],
    )
    assert abs(page.evaluate(PLAYING_TIME) - starts_at) < 0.5, "playback resumes at the remembered sentence"
    assert page.evaluate("() => window.readaloudPlayer.speed") == 1.25, "the speed is remembered too"


def test_highlight_and_aria_current_follow_the_audio(page, server):
    open_journey_by_keyboard(page, server)
    tab_to(page, "button.from-here[data-block='b4']")  # a paragraph of several sentences
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.1)
    seen: list[str] = []
    lagging = samples = 0
    while len(seen) < 3 and samples < 120:
        samples += 1
        sample = page.evaluate(
            """() => { const p = window.readaloudPlayer; const deck = p.current;
                       const t = deck.el.currentTime * 1000;
                       const heard = deck.timings.sentences.filter((s) => s.start_ms <= t).pop();
                       const marked = [...document.querySelectorAll('[aria-current="true"]')].map((e) => e.id);
                       const highlighted = [...document.querySelectorAll('.s')].filter(
                           (e) => getComputedStyle(e).textDecorationLine.includes('underline')).map((e) => e.id);
                       return {heard: heard && heard.id, marked, highlighted, t}; }"""
        )
        assert len(sample["marked"]) == 1
        assert sample["highlighted"] == sample["marked"], "the highlight is the aria-current sentence"
        lagging += sample["heard"] != sample["marked"][0]  # it may trail the audio by an animation frame
        if not seen or seen[-1] != sample["marked"][0]:
            seen.append(sample["marked"][0])
        page.wait_for_timeout(150)
    assert len(seen) >= 3, f"the highlight should move on with the audio: {seen}"
    assert lagging <= samples // 10, f"the highlight disagreed with the audio in {lagging} of {samples} samples"
    order = page.evaluate("() => [...document.querySelectorAll('.s')].map((e) => e.id)")
    positions = [order.index(sentence) for sentence in seen]
    assert positions == sorted(positions), "the highlight only moves forward while playing"
    assert page.evaluate("() => document.activeElement.dataset.block") == "b4"


def test_focus_never_moves_while_playing_and_view_follows(page, server):
    open_journey_by_keyboard(page, server)
    tab_to(page, "button.from-here[data-block='b1']")
    page.keyboard.press("Enter")
    wait_until_playing(page)
    start_index = current_block(page)["index"]
    page.wait_for_function(f"() => window.readaloudPlayer.index >= {start_index + 2}", timeout=20_000)
    assert page.evaluate("() => document.activeElement.dataset.block") == "b1"
    visible = page.evaluate(
        """() => { const r = document.querySelector('[aria-current="true"]').getBoundingClientRect();
                   return r.bottom > 0 && r.top < window.innerHeight; }"""
    )
    assert visible, "the view follows the sentence being read"

    page.mouse.wheel(0, 3000)  # the listener scrolls away...
    page.wait_for_selector("#back-to:not([hidden])")
    tab_to(page, "#back-to")
    page.keyboard.press("Enter")  # ...and asks to go back: now focus may move, to the current block
    page.wait_for_selector("#back-to[hidden]", state="attached")
    assert page.evaluate("() => document.activeElement === window.readaloudPlayer.blocks[window.readaloudPlayer.index].el")
    tab_to(page, "#play")
    page.keyboard.press("Alt+Shift+C")  # "go to current paragraph": an explicit command, so focus moves
    assert page.evaluate("() => document.activeElement === window.readaloudPlayer.blocks[window.readaloudPlayer.index].el")
    page.keyboard.press("Alt+Shift+P")  # page-wide play/pause works from the article too
    page.wait_for_function("() => !window.readaloudPlayer.playing")


def test_blocks_follow_each_other_without_a_gap(page, server):
    open_journey_by_keyboard(page, server)
    page.evaluate(
        """() => { window.gapLog = [];
                   for (const a of document.querySelectorAll('audio.deck')) {
                     a.addEventListener('ended', () => window.gapLog.push(['ended', performance.now()]));
                     a.addEventListener('playing', () => window.gapLog.push(['playing', performance.now()]));
                   } }"""
    )
    tab_to(page, "#play")
    page.keyboard.press("Enter")  # title, byline and three one-sentence paragraphs: four transitions
    page.wait_for_function("() => window.readaloudPlayer.index >= 5", timeout=30_000)
    log = page.evaluate("() => window.gapLog")
    gaps = []
    for position, (event, at) in enumerate(log):
        if event == "ended":
            following = next((t for e, t in log[position + 1 :] if e == "playing"), None)
            assert following is not None
            gaps.append(following - at)
    assert len(gaps) >= 4
    print(f"inter-block gaps (ms): {[round(g, 1) for g in gaps]}")
    assert max(gaps) < MAX_GAP_MS, gaps


def run_axe(page, axe_script: Path) -> list[dict]:
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then((r) => r.violations.map("
        "(v) => ({id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)})))",
        AXE_TAGS,
    )
    return result


@pytest.mark.parametrize("width,height,scheme", [(1280, 900, "light"), (320, 640, "light"), (1280, 900, "dark")])
def test_axe_and_screenshots(page, server, axe_script, screenshots, width, height, scheme):
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    width_name = f"{width}" if scheme == "light" else f"{width}-{scheme}"
    page.goto(server + "/")
    assert run_axe(page, axe_script) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width, "no sideways scrolling"
    page.screenshot(path=str(screenshots / f"library-{width_name}.png"), full_page=True)

    page.click(f"text={JOURNEY_TITLE}")
    page.wait_for_selector("#player:not([hidden])")
    assert run_axe(page, axe_script) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    page.focus("#play")
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.5)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => window.readaloudPlayer.index === 3 && window.readaloudPlayer.playing")
    page.wait_for_timeout(800)
    assert run_axe(page, axe_script) == []
    page.screenshot(path=str(screenshots / f"player-playing-{width_name}.png"))
    page.keyboard.press("k")

    open_more(page)
    page.screenshot(path=str(screenshots / f"player-more-{width_name}.png"))
    tab_to(page, "#help-open")
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog#help[open]")
    assert page.evaluate("() => document.getElementById('help').contains(document.activeElement)")
    assert run_axe(page, axe_script) == []
    page.screenshot(path=str(screenshots / f"help-{width_name}.png"))
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog#help:not([open])", state="attached")
    assert page.evaluate(ACTIVE) == "help-open", "closing the dialog returns focus to its button"


def test_focus_is_never_hidden_under_the_sticky_player(page, server):
    open_journey_by_keyboard(page, server)
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.focus("button.from-here[data-block='b20']")
    for _ in range(12):  # walk back up the article with Shift+Tab
        page.keyboard.press("Shift+Tab")
        # the page may scroll smoothly to the focused element: give it a moment to arrive
        page.wait_for_function(
            """() => { const el = document.activeElement; if (!el.closest('article')) return true;
                       const r = el.getBoundingClientRect();
                       return r.top >= document.getElementById('player').getBoundingClientRect().bottom; }""",
            timeout=2000,
        )


def test_screen_reader_mode_moves_focus_and_makes_no_sound(page, server):
    open_journey_by_keyboard(page, server)
    open_more(page)
    tab_to(page, "#sr-mode")
    page.keyboard.press("Enter")
    assert page.get_attribute("#sr-mode", "aria-pressed") == "true"
    assert not page.is_visible("#play") and not page.is_visible("button.from-here")
    page.keyboard.press("Escape")  # More closes, focus on it; opened again, Tab reaches the heading moves
    assert page.evaluate(ACTIVE) == "more"
    open_more(page)
    tab_to(page, "#next-heading")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "b5", "next heading moves focus to the heading"
    page.keyboard.press("Alt+Shift+H")
    assert page.evaluate("() => document.activeElement.id") == "b8"
    page.keyboard.press("Alt+Shift+P")
    page.wait_for_timeout(500)
    assert page.evaluate(PLAYING_TIME) == -1
    page.reload()
    page.wait_for_selector("#player:not([hidden])")
    assert page.get_attribute("#sr-mode", "aria-pressed") == "true", "the mode is remembered"


def test_page_shortcuts_can_be_remapped_and_turned_off(page, server):
    open_journey_by_keyboard(page, server)
    open_more(page)
    tab_to(page, "#help-open")
    page.keyboard.press("?")  # the toolbar's own key opens the help too
    page.wait_for_selector("dialog#help[open]")
    rows = page.evaluate("() => [...document.querySelectorAll('#toolbar-keys tr')].map((r) => r.innerText)")
    assert any(row.startswith("K") for row in rows)
    page.fill("#key-toggle", "x")
    page.dispatch_event("#key-toggle", "change")
    assert page.get_attribute("#key-toggle", "aria-invalid") == "false"
    page.fill("#key-nextBlock", "t")
    page.dispatch_event("#key-nextBlock", "change")
    assert page.get_attribute("#key-nextBlock", "aria-invalid") == "true", "Alt+Shift+T belongs to Chrome"
    page.keyboard.press("Escape")
    saved = json.loads(page.evaluate("() => localStorage.getItem('readaloud:page-keys')"))
    assert saved["codes"]["toggle"] == "KeyX"
    page.keyboard.press("Alt+Shift+X")
    page.wait_for_function("() => window.readaloudPlayer.wantsPlay || window.readaloudPlayer.playing")
    page.keyboard.press("Alt+Shift+X")
    page.wait_for_function("() => !window.readaloudPlayer.playing && !window.readaloudPlayer.wantsPlay")
    page.evaluate("() => document.getElementById('help-open').click()")
    page.click("#page-keys-on")
    page.keyboard.press("Escape")
    page.keyboard.press("Alt+Shift+X")
    page.wait_for_timeout(400)
    assert page.evaluate(PLAYING_TIME) == -1, "turned-off shortcuts do nothing"


def test_the_end_of_the_article_stops_there_and_play_starts_again_from_the_top(page, server):
    open_journey_by_keyboard(page, server)
    tab_to(page, "#play")
    page.keyboard.press("End")  # last paragraph
    for _ in range(8):
        page.keyboard.press("]")  # 3 times: the test need not hear it all
    expect_status(page, "Speed 3 times")
    page.keyboard.press("k")
    expect_status(page, "End of the article")
    assert page.evaluate("() => window.readaloudPlayer.index === window.readaloudPlayer.blocks.length - 1")
    assert page.evaluate(PLAYING_TIME) == -1
    page.keyboard.press("k")
    page.wait_for_function("() => window.readaloudPlayer.playing && window.readaloudPlayer.index === 0")
