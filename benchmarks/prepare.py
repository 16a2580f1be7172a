"""Prepare stage speed: sentences + speech text for a 20,000-word article, beside a naive baseline.

The article is made of the real English pages of the Readability.js corpus (extracted with readaloud,
outside the timing) until it holds at least ``--words`` words. Printed side by side, best of
``--repeat`` runs each:

* readaloud ``prepare_article`` (language-aware sentence splitting + full speech normalisation);
* readaloud sentence splitting alone (``split_sentences`` on every block);
* the baseline a script would write: split on ``[.!?]`` + space, speak the text unchanged.

The target is well under a second for 20,000 words on one core.

Also printed: the start-up cost, in a fresh interpreter each time (best of ``--repeat``): importing the
speech engine (``readaloud.prepare.normalize``, which compiles nothing until a language is used) and the
first English sentence (which compiles English's rules only), beside all eight languages compiled.

Run:  .venv/bin/python benchmarks/prepare.py [--words 20000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from readaloud.errors import ReadaloudError  # noqa: E402
from readaloud.extract import extract_article as extract  # noqa: E402
from readaloud.model import Article  # noqa: E402
from readaloud.prepare import prepare_article, split_sentences  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "readability-test-pages"
_NAIVE_SPLIT = re.compile(r"(?<=[.!?])\s+")


def build_article(words: int) -> Article:
    """Body blocks of real English pages, renumbered, until ``words`` words."""
    blocks = []
    total = 0
    for page in sorted(CORPUS.iterdir()):
        source = page / "source.html"
        if total >= words or not source.is_file() or source.stat().st_size < 8000:
            continue
        try:
            article = extract(source.read_bytes())
        except ReadaloudError:
            continue
        if not (article.lang or "").startswith("en"):
            continue
        for block in article.spoken_blocks:
            if total >= words:
                break
            blocks.append(replace(block, id=f"b{len(blocks) + 1}", lang=""))
            total += len(block.text.split())
    return Article(title="Benchmark", lang="en", blocks=blocks)


def best_of(repeat: int, action) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``repeat`` runs (CPU time is steadier on a shared machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


_STARTUP = """
import time
start = time.perf_counter()
import readaloud.prepare.normalize as normalize
imported = time.perf_counter()
normalize.speech_text("It cost $3.50 on 23 May 2019.", "en")
first = time.perf_counter()
for code in normalize.LANGUAGE_RULES:
    normalize.compiled_rules(code)
print(imported - start, first - imported, time.perf_counter() - imported)
"""


def startup(repeat: int) -> tuple[float, float, float]:
    """Best seconds, each in a fresh interpreter: import; first English sentence; all languages compiled."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _STARTUP], capture_output=True, text=True, check=True,
                             env={"PYTHONPATH": str(REPO / "src")}).stdout
        runs.append(tuple(float(value) for value in out.split()))
    return tuple(min(run[i] for run in runs) for i in range(3))


def naive(article: Article) -> list[tuple[str, str]]:
    return [(part, part) for block in article.blocks for part in _NAIVE_SPLIT.split(block.text)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    article = build_article(args.words)
    words = article.word_count
    sentences = sum(len(b.sentences) for b in prepare_article(article).blocks)
    print(f"article: {words} words, {len(article.blocks)} blocks, {sentences} sentences")
    rows = [
        ("readaloud prepare_article", best_of(args.repeat, lambda: prepare_article(article))),
        ("readaloud split_sentences only",
         best_of(args.repeat, lambda: [split_sentences(b.text, "en") for b in article.blocks])),
        ("baseline: regex split, no normalisation", best_of(args.repeat, lambda: naive(article))),
    ]
    print(f"{'':42} {'wall s':>8} {'cpu s':>8} {'words/cpu s':>12}")
    for name, (wall, cpu) in rows:
        print(f"{name:42} {wall:8.3f} {cpu:8.3f} {words / max(cpu, 1e-6):12.0f}")
    imported, first, every = startup(args.repeat)
    print(f"start-up (fresh interpreter, best of {args.repeat}): import speech engine {imported:.3f} s; "
          f"then first English sentence {first:.3f} s; all eight languages compiled instead {every:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
