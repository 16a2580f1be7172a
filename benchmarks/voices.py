"""Voices side by side in one run: how fast each engine speaks an article here, and how soon piper's
first audio of a block is ready (issue 14).

* throughput: ``readaloud SAMPLE --engine E -o out.mp3 -q`` in a subprocess with an empty audio cache,
  as seconds of speech per second of wall time, for espeak-ng and piper: as it ran before the pool (one
  worker process, onnxruntime on every core), one worker on one thread, and the pool;
* first audio: a warm piper engine (its workers started) and an empty cache, the time from asking
  :meth:`Narrator.pieces` for a paragraph to its first piece;
* in the real player, espeak and piper side by side: `readaloud serve` on 127.0.0.1 with a fresh
  audio cache, Debian's chromium through Playwright (as benchmarks/player.py). First audio of a block:
  key press on "Play from here" to the audio's `playing` event, on paragraphs never made before with
  that voice (cold: fresh cache; piper's worker pool started by a warm-up on another article, and the
  server idle before each press). Gaps at 1x: from a deck's `ended` to the next deck's `playing`, while
  the player reads on through several paragraphs, between blocks and (piper) between parts of a block.

Targets (issue 14): piper at least 18x real time on two cores; in the player, piper's first audio of a
block within 0.8 s cold and no gap over 150 ms between blocks at 1x.
Run:  .venv/bin/python benchmarks/voices.py [--article FILE] [--player-only]   (needs the neural extra)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "slate-trump-russia.html"
PIPER_TARGET_X = 18.0
FIRST_PIECE_TARGET_S = 0.8
FIRST_AUDIO_TARGET_MS = 800  # issue 14: piper's first audio of a block, cold
GAP_TARGET_MS = 150  # issue 14: between blocks at 1x
PIPER_VOICE = "en_US-joe-medium"
IDLE_BEFORE_PRESS_S = 4.0  # the server's productions of the last block stop well within this
FIRST_SENTENCE_WORDS = """(id) => { const b = window.readaloudPlayer.blocks.find((x) => x.id === id);
  return document.getElementById(b.sentences[0]).textContent.trim().split(/\\s+/).length; }"""
# Records every deck's `ended` and `playing` with the block and part it holds, in page time.
RECORD_DECKS = """() => { window.deckLog = [];
  const player = window.readaloudPlayer;
  player.decks.forEach((deck) => ['ended', 'playing'].forEach((type) => deck.el.addEventListener(type, () =>
    window.deckLog.push({type, t: performance.now(), index: deck.index, part: deck.part}))));
}"""
PARAGRAPH = ("The council met on Tuesday evening to decide the library's opening hours for the winter. "
             "After a long debate, it agreed to keep the reading room open until eight on weekdays.")


def audio_seconds(path: Path) -> float:
    from mutagen.mp3 import MP3

    return float(MP3(path).info.length)


def throughput(article: Path, engine: str, extra_env: dict[str, str]) -> tuple[float, float]:
    """(seconds of speech, wall seconds) for one cold-cache run of the command."""
    with tempfile.TemporaryDirectory(prefix="readaloud-voices-") as folder:
        out = Path(folder) / "out.mp3"
        env = {**os.environ, "READALOUD_CACHE_DIR": str(Path(folder) / "cache"), **extra_env}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "readaloud", str(article), "--engine", engine, "-o", str(out), "-q"],
                       check=True, env=env, timeout=3600)
        return audio_seconds(out), time.perf_counter() - started


def first_piece_seconds() -> float:
    from readaloud.model import Article, Block, BlockKind
    from readaloud.pipeline import prepare
    from readaloud.speak import Narrator, SpeechOptions

    narrator = Narrator(SpeechOptions(engine="piper"), cache=None)
    warm = prepare(Article(lang="en", blocks=[Block("b1", BlockKind.PARAGRAPH, "Warming up the voice.")]))
    for _piece in narrator.pieces(warm.spoken, "en"):
        pass
    block = prepare(Article(lang="en", blocks=[Block("b2", BlockKind.PARAGRAPH, PARAGRAPH)])).spoken[0]
    started = time.perf_counter()
    pieces = narrator.pieces([block], "en")
    next(pieces)
    elapsed = time.perf_counter() - started
    pieces.close()
    return elapsed


def gaps(log: list[dict[str, float]]) -> tuple[list[float], list[float]]:
    """(between blocks, between parts of one block), ms from each `ended` to the next `playing`."""
    between_blocks, between_parts = [], []
    for at, event in enumerate(log):
        if event["type"] != "ended":
            continue
        after = next((e for e in log[at + 1:] if e["type"] == "playing"), None)
        if after is None:
            continue
        gap = after["t"] - event["t"]
        (between_parts if after["index"] == event["index"] else between_blocks).append(gap)
    return between_blocks, between_parts


def in_player(args: argparse.Namespace) -> dict[str, dict[str, list[float]]]:
    """First audio and gaps for each voice, in Chromium against `readaloud serve` (see the docstring)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from player import CHROMIUM, CHROMIUM_ARGS, article_links, first_audio_ms, long_article, start_server
    from playwright.sync_api import sync_playwright

    figures: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="readaloud-voices-player-") as work:
        work_dir = Path(work)
        page_path = work_dir / "long-read.html"
        page_path.write_text(long_article(args.words), encoding="utf-8")
        process, base = start_server([page_path, SAMPLE], work_dir / "cache")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                links = article_links(page, base)
                long_url = next(url for title, url in links.items() if title.startswith("The Long Read"))
                warm_url = next(url for url in links.values() if url != long_url)
                page.goto(long_url)
                page.wait_for_selector("#player:not([hidden])")
                ids = page.evaluate("() => window.readaloudPlayer.blocks.map((b) => b.id)")
                # Each voice gets paragraphs of its own, never made before, far apart in the article.
                step = max(1, (len(ids) - 2) // (2 * (args.blocks + 1) + 1))
                picks = [ids[2 + step * n] for n in range(2 * (args.blocks + 1))]
                for number, (label, voice) in enumerate((("espeak", ""), ("piper", PIPER_VOICE))):
                    mine = picks[number::2]
                    choose_voice(page, warm_url, voice)  # the same voice for every English article
                    first_audio_ms(page, warm_url, "#play")  # warm-up on another article: the engine starts
                    time.sleep(IDLE_BEFORE_PRESS_S)
                    first, words = [], []
                    for block_id in mine[:-1]:
                        first.append(first_audio_ms(page, long_url, f"button.from-here[data-block='{block_id}']"))
                        words.append(page.evaluate(FIRST_SENTENCE_WORDS, block_id))
                        time.sleep(IDLE_BEFORE_PRESS_S)
                    between_blocks, between_parts = read_on(page, long_url, mine[-1], args.transitions)
                    figures[label] = {"first": first, "words": words, "blocks": between_blocks, "parts": between_parts}
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
    return figures


def choose_voice(page, url: str, voice: str) -> None:
    page.goto(url)
    page.wait_for_selector("#player:not([hidden])")
    # As a reader picks it in the More menu (hidden until opened): the select's value and its change event.
    page.evaluate("(v) => { const s = document.getElementById('voice'); s.value = v; s.dispatchEvent(new Event('change')); }", voice)
    assert page.evaluate("() => document.getElementById('voice').value") == voice


def read_on(page, url: str, block_id: str, transitions: int) -> tuple[list[float], list[float]]:
    """Play from a paragraph at 1x until ``transitions`` block changes have happened; their gaps."""
    page.goto(url)
    page.wait_for_selector("#player:not([hidden])")
    page.evaluate(RECORD_DECKS)
    page.focus(f"button.from-here[data-block='{block_id}']")
    page.keyboard.press("Enter")
    start = page.evaluate("() => window.readaloudPlayer.index")
    page.wait_for_function(f"() => window.readaloudPlayer.index >= {start + transitions} && "
                           "window.deckLog.filter((e) => e.type === 'playing').length > 1 && "
                           f"window.readaloudPlayer.current.index >= {start + transitions}", timeout=600_000)
    page.keyboard.press("k")
    return gaps(page.evaluate("() => window.deckLog"))


def describe(values: list[float]) -> str:
    if not values:
        return "none"
    return f"median {statistics.median(values):4.0f} ms, max {max(values):4.0f} ms ({len(values)})"


def print_player(figures: dict[str, dict[str, list[float]]]) -> None:
    print("In the player (Chromium, readaloud serve on 127.0.0.1, fresh audio cache; cold blocks)")
    print(f"  {'voice':<8}{'first audio of a block':<44}{'gap between blocks at 1x':<40}{'gap between parts'}")
    for label, row in figures.items():
        first = " ".join(f"{ms:.0f}" for ms in row["first"])
        print(f"  {label:<8}{describe(row['first']):<44}{describe(row['blocks']):<40}{describe(row['parts'])}")
        print(f"  {'':<8}each: {first} ms, first sentences of {' '.join(f'{w:.0f}' for w in row['words'])} words")
    piper = figures["piper"]
    first_ok = max(piper["first"]) <= FIRST_AUDIO_TARGET_MS
    gap_ok = bool(piper["blocks"]) and max(piper["blocks"]) <= GAP_TARGET_MS
    print(f"target: piper's first audio of a block within {FIRST_AUDIO_TARGET_MS} ms cold: "
          f"{'met' if first_ok else 'NOT met'} (worst {max(piper['first']):.0f} ms)")
    print(f"target: no gap over {GAP_TARGET_MS} ms between blocks at 1x (piper): "
          f"{'met' if gap_ok else 'NOT met'} (worst {max(piper['blocks'] or [0]):.0f} ms)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=SAMPLE)
    parser.add_argument("--player-only", action="store_true", help="only the player's figures")
    parser.add_argument("--words", type=int, default=6000, help="words in the player's generated article")
    parser.add_argument("--blocks", type=int, default=4, help="cold paragraphs to start, per voice")
    parser.add_argument("--transitions", type=int, default=5, help="block changes to read on through, per voice")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    print_player(in_player(args))
    if args.player_only:
        return 0
    print(f"article: {args.article.name}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'engine':<28}{'speech':>10}{'wall':>9}{'x real time':>13}")
    rows = [("espeak", "espeak", {}),
            ("piper as before (1 worker)", "piper", {"READALOUD_PIPER_WORKERS": "1", "READALOUD_PIPER_THREADS": "0"}),
            ("piper, 1 worker, 1 thread", "piper", {"READALOUD_PIPER_WORKERS": "1"}),
            ("piper (pool)", "piper", {})]
    speeds = {}
    for label, engine, env in rows:
        speech, wall = throughput(args.article, engine, env)
        speeds[label] = speech / wall
        print(f"{label:<28}{speech:>9.1f}s{wall:>8.1f}s{speeds[label]:>12.1f}x")
    pool = speeds["piper (pool)"]
    print(f"target: piper at least {PIPER_TARGET_X:g}x real time: {'met' if pool >= PIPER_TARGET_X else 'NOT met'} "
          f"({pool:.1f}x; {pool / speeds['piper as before (1 worker)']:.2f}x piper as it ran before)")
    first = first_piece_seconds()
    print(f"piper first piece of a paragraph, warm engine, cold cache: {first:.2f} s "
          f"(target {FIRST_PIECE_TARGET_S} s: {'met' if first <= FIRST_PIECE_TARGET_S else 'NOT met'})")
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
